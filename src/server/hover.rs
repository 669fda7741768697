//! Hover over a finding: the rule's summary and the "Why it matters" section of its document
//! (`rules/ID.md`, the text `flasklint rule ID` prints), with a link to the whole page.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position, Range};

use super::analysis::{FileReport, rule_url};
use crate::rules::RuleMeta;

pub fn hover(report: &FileReport, position: Position) -> Option<Hover> {
    let mut range: Option<Range> = None;
    let mut sections: Vec<String> = Vec::new();
    let mut shown: Vec<&str> = Vec::new();
    for (finding, diagnostic) in report.findings.iter().zip(&report.diagnostics) {
        let r = diagnostic.range;
        if !(r.start <= position && position <= r.end) {
            continue;
        }
        range.get_or_insert(r);
        if shown.contains(&finding.rule.id) {
            continue;
        }
        shown.push(finding.rule.id);
        sections.push(describe(finding.rule, finding.severity.as_str()));
    }
    let range = range?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: Some(range),
    })
}

fn describe(rule: &RuleMeta, severity: &str) -> String {
    let mut text = format!(
        "**{} {}** ({severity} severity)\n\n{}",
        rule.id, rule.name, rule.summary
    );
    if let Some(why) = why_it_matters(rule.body) {
        text.push_str("\n\n**Why it matters**\n\n");
        text.push_str(why);
    }
    if let Some(url) = rule_url(rule.id) {
        text.push_str(&format!("\n\n[{} documentation]({url})", rule.id));
    }
    text
}

/// The body of the document's `## Why it matters` section.
pub fn why_it_matters(body: &str) -> Option<&str> {
    let start = body.find("## Why it matters\n")? + "## Why it matters\n".len();
    let rest = &body[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_why_it_matters_section() {
        for (meta, _) in crate::rules::all() {
            let why = why_it_matters(meta.body);
            assert!(
                why.is_some_and(|text| !text.is_empty() && !text.contains("\n## ")),
                "{}",
                meta.id
            );
        }
    }
}
