//! Rendering an `Outcome`: human text (miette) or JSON. Every format renders the same findings in
//! the same order; only the presentation differs.

mod json;
mod text;

use crate::check::Outcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable diagnostics with source snippets (the default).
    Text,
    /// One JSON object with findings, errors and a summary.
    Json,
}

pub struct Options {
    pub format: Format,
    /// Colour in text output; the CLI enables it only on a terminal without `NO_COLOR`.
    pub color: bool,
}

pub fn render(outcome: &Outcome, options: &Options) -> String {
    match options.format {
        Format::Text => text::render(outcome, options.color),
        Format::Json => json::render(outcome),
    }
}
