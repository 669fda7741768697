//! Rendering an `Outcome`: human text (miette), JSON, SARIF or GitHub workflow commands. Every
//! format renders the same findings in the same order; only the presentation differs.

pub mod deps;
mod github;
mod json;
pub mod routes;
mod sarif;
pub use sarif::rule_url;
mod text;

use crate::check::Outcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable diagnostics with source snippets (the default).
    Text,
    /// One JSON object with findings, errors and a summary.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
}

pub struct Options {
    pub format: Format,
    /// Colour in text output; the CLI enables it only on a terminal without `NO_COLOR`.
    pub color: bool,
    /// List `Outcome::suppressed` too (text, JSON, SARIF with `suppressions`).
    pub show_suppressed: bool,
}

pub fn render(outcome: &Outcome, options: &Options) -> String {
    match options.format {
        Format::Text => text::render(outcome, options.color, options.show_suppressed),
        Format::Json => json::render(outcome, options.show_suppressed),
        Format::Sarif => sarif::render(outcome, options.show_suppressed),
        Format::Github => github::render(outcome),
    }
}
