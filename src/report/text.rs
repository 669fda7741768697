//! Human output: each finding as a miette diagnostic (code, message, snippet with the flagged
//! span, help, fix), then unreadable files and syntax errors, then a one-line summary.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use crate::check::{Finding, Outcome};
use crate::rules::Applicability;
use crate::rules::meta::Level;
use crate::source::display_path;

struct Rendered<'f> {
    finding: &'f Finding,
    source: NamedSource<std::sync::Arc<str>>,
    help: String,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!(
            "{} {}",
            self.finding.rule.id, self.finding.rule.name
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity.level() {
            Level::Error => miette::Severity::Error,
            Level::Warning => miette::Severity::Warning,
            Level::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = SourceSpan::new(self.finding.offset.into(), self.finding.length);
        let label = format!("{} severity", self.finding.severity);
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(Some(label), span),
        )))
    }
}

pub fn render(outcome: &Outcome, color: bool, show_suppressed: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // miette would print the span's column in bytes; the header is written here instead, in
    // characters like every other format.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .without_primary_span_start();
    let mut out = String::new();
    for finding in &outcome.findings {
        let mut help = finding.help.clone();
        if let Some(fix) = &finding.fix {
            // Says up front which fixes `--fix` alone leaves alone.
            help.push_str(match fix.applicability {
                Applicability::Safe => "\nfix: ",
                Applicability::Unsafe => "\nfix (unsafe): ",
            });
            help.push_str(&fix.description);
        }
        let rendered = Rendered {
            finding,
            source: NamedSource::new(
                format!(
                    "{}:{}:{}",
                    finding.path, finding.start.line, finding.start.column
                ),
                finding.source.clone(),
            ),
            help,
        };
        let mut text = String::new();
        if handler.render_report(&mut text, &rendered).is_err() {
            text = format!(
                "{}:{}:{}: {} {}\n",
                finding.path,
                finding.start.line,
                finding.start.column,
                finding.rule.id,
                finding.message
            );
        }
        out.push_str(&text);
        out.push('\n');
    }
    if show_suppressed {
        for finding in &outcome.suppressed {
            let by = finding
                .suppressed_by
                .as_ref()
                .map(|d| format!(" (by `{}` on line {})", d.text, d.line))
                .unwrap_or_default();
            out.push_str(&format!(
                "suppressed: {}:{}:{}: {} {}{by}\n",
                finding.path,
                finding.start.line,
                finding.start.column,
                finding.rule.id,
                finding.rule.name,
            ));
        }
    }
    for error in &outcome.errors {
        let place = match error.position {
            Some(p) => format!("{}:{}:{}", display_path(&error.path), p.line, p.column),
            None => display_path(&error.path),
        };
        out.push_str(&format!("error: {place}: {}\n", error.message));
    }
    out.push_str(&summary(outcome, show_suppressed));
    out
}

fn summary(outcome: &Outcome, show_suppressed: bool) -> String {
    let count = |level: Level| {
        outcome
            .findings
            .iter()
            .filter(|f| f.severity.level() == level)
            .count()
    };
    let files = match (outcome.files_checked, outcome.manifests_named) {
        (_, 0) => plural(outcome.files_checked, "file"),
        (0, manifests) => plural(manifests, "dependency manifest"),
        (files, manifests) => format!(
            "{} and {}",
            plural(files, "file"),
            plural(manifests, "dependency manifest")
        ),
    };
    let suppressed = if show_suppressed && !outcome.suppressed.is_empty() {
        format!(" ({} suppressed)", outcome.suppressed.len())
    } else {
        String::new()
    };
    if outcome.findings.is_empty() && outcome.errors.is_empty() {
        return format!("No findings in {files}{suppressed}.\n");
    }
    let mut line = format!(
        "Found {} ({} errors, {} warnings, {} notes) in {files}",
        plural(outcome.findings.len(), "finding"),
        count(Level::Error),
        count(Level::Warning),
        count(Level::Note),
    );
    if !outcome.errors.is_empty() {
        line.push_str(&format!(
            "; {} reading or parsing files",
            plural(outcome.errors.len(), "error")
        ));
    }
    line.push_str(&suppressed);
    line.push_str(".\n");
    line
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
