//! `--format json`: one object, `{"version", "findings", "errors", "summary"}`, stable field
//! order, for scripts and editors.

use serde::Serialize;

use crate::check::{Finding, Outcome};
use crate::source::display_path;

#[derive(Serialize)]
struct Report<'o> {
    version: &'static str,
    findings: Vec<JsonFinding<'o>>,
    /// Only with `--show-suppressed`, so the default shape stays as documented.
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<Vec<JsonSuppressed<'o>>>,
    errors: Vec<JsonError>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonSuppressed<'o> {
    #[serde(flatten)]
    finding: JsonFinding<'o>,
    suppressed_by: JsonDirective<'o>,
}

#[derive(Serialize)]
struct JsonDirective<'o> {
    line: usize,
    comment: &'o str,
}

#[derive(Serialize)]
struct JsonFinding<'o> {
    rule: &'static str,
    name: &'static str,
    severity: &'static str,
    level: &'static str,
    path: &'o str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'o str,
    help: &'o str,
    fix: Option<JsonFix<'o>>,
}

#[derive(Serialize)]
struct JsonFix<'o> {
    description: &'o str,
    /// `safe` or `unsafe`: whether `--fix` applies it or it needs `--unsafe-fixes`.
    applicability: &'static str,
    edits: Vec<JsonEdit<'o>>,
}

#[derive(Serialize)]
struct JsonEdit<'o> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    content: &'o str,
}

#[derive(Serialize)]
struct JsonError {
    path: String,
    line: Option<usize>,
    column: Option<usize>,
    message: String,
}

#[derive(Serialize)]
struct Summary {
    files_checked: usize,
    /// Of those, the files parsed: the pre-check skips those that cannot hold a finding.
    files_parsed: usize,
    findings: usize,
    errors: usize,
}

pub fn render(outcome: &Outcome, show_suppressed: bool) -> String {
    let suppressed = show_suppressed.then(|| {
        outcome
            .suppressed
            .iter()
            .filter_map(|f| {
                let directive = f.suppressed_by.as_ref()?;
                Some(JsonSuppressed {
                    finding: finding(f),
                    suppressed_by: JsonDirective {
                        line: directive.line,
                        comment: &directive.text,
                    },
                })
            })
            .collect()
    });
    let report = Report {
        version: env!("CARGO_PKG_VERSION"),
        findings: outcome.findings.iter().map(finding).collect(),
        suppressed,
        errors: outcome
            .errors
            .iter()
            .map(|error| JsonError {
                path: display_path(&error.path),
                line: error.position.map(|p| p.line),
                column: error.position.map(|p| p.column),
                message: error.message.clone(),
            })
            .collect(),
        summary: Summary {
            files_checked: outcome.files_checked,
            files_parsed: outcome.files_parsed,
            findings: outcome.findings.len(),
            errors: outcome.errors.len(),
        },
    };
    // Serialising plain strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

fn finding(finding: &Finding) -> JsonFinding<'_> {
    JsonFinding {
        rule: finding.rule.id,
        name: finding.rule.name,
        severity: finding.severity.as_str(),
        level: finding.severity.level().as_str(),
        path: &finding.path,
        line: finding.start.line,
        column: finding.start.column,
        end_line: finding.end.line,
        end_column: finding.end.column,
        message: &finding.message,
        help: &finding.help,
        fix: finding.fix.as_ref().map(|fix| JsonFix {
            description: &fix.description,
            applicability: fix.applicability.as_str(),
            edits: fix
                .edits
                .iter()
                .map(|edit| JsonEdit {
                    line: edit.start.line,
                    column: edit.start.column,
                    end_line: edit.end.line,
                    end_column: edit.end.column,
                    content: &edit.content,
                })
                .collect(),
        }),
    }
}
