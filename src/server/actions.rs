//! Code actions for one file's findings: the fix of each finding (`quickfix`, the same edits
//! `--fix` makes; unsafe ones labelled), "Suppress FLxxx on this line" (`# noqa: FLxxx`, merged
//! into a `# noqa:` or `# flasklint: ignore[...]` list already on the line), and
//! `source.fixAll.flasklint`, every safe fix of the file at once (unsafe ones too when the editor
//! asks for `unsafeFixes`).
//!
//! Everything here works on the text the findings were computed on; the caller offers actions
//! only while the buffer still holds that text. Parsing recurses with the text's nesting, so the
//! caller runs this on a big stack.

use std::collections::{BTreeSet, HashMap};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Range, TextEdit, Url,
    WorkspaceEdit,
};
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use super::analysis::FileReport;
use super::text::{LineIndex, minimal_edit};
use crate::check::Finding;
use crate::rules::Applicability;
use crate::source::SourceFile;
use crate::suppress::strip_word;

pub const FIX_ALL: &str = "source.fixAll.flasklint";

pub fn code_actions(
    uri: &Url,
    report: &FileReport,
    params: &CodeActionParams,
    unsafe_fixes: bool,
) -> Vec<CodeActionOrCommand> {
    let text: &str = &report.text;
    let index = LineIndex::new(text);
    let wants = |kind: &CodeActionKind| {
        params.context.only.as_ref().is_none_or(|only| {
            only.iter().any(|filter| {
                kind.as_str() == filter.as_str()
                    || kind
                        .as_str()
                        .strip_prefix(filter.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    };
    let mut actions = Vec::new();
    if wants(&CodeActionKind::QUICKFIX) {
        let asked: BTreeSet<&str> = params
            .context
            .diagnostics
            .iter()
            .filter(|d| d.source.as_deref() == Some("flasklint"))
            .filter_map(|d| d.data.as_ref()?.get("fingerprint")?.as_str())
            .collect();
        let selected: Vec<usize> = (0..report.findings.len())
            .filter(|&i| {
                asked.contains(report.findings[i].fingerprint.as_str())
                    || intersects(report.diagnostics[i].range, params.range)
            })
            .collect();
        let source = (!selected.is_empty())
            .then(|| SourceFile::parse(report.uri.path().into(), text.as_bytes().to_vec()).ok())
            .flatten();
        let mut suppressed_lines: BTreeSet<(&str, usize)> = BTreeSet::new();
        for &i in &selected {
            let finding = &report.findings[i];
            let diagnostic = &report.diagnostics[i];
            if let Some(fix) = &finding.fix
                && let Some(edits) = fix_edits(text, &index, finding)
            {
                let safe = fix.applicability == Applicability::Safe;
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!(
                        "{}: {}{}",
                        finding.rule.id,
                        fix.description,
                        if safe { "" } else { " (unsafe fix: review it)" }
                    ),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(workspace_edit(uri, edits)),
                    is_preferred: Some(safe),
                    ..CodeAction::default()
                }));
            }
            let Some(source) = &source else { continue };
            if !suppressed_lines.insert((finding.rule.id, finding.start.line)) {
                continue;
            }
            if let Some((start, end, insert)) = suppression(source, &index, finding) {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Suppress {} on this line", finding.rule.id),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(workspace_edit(
                        uri,
                        vec![TextEdit {
                            range: index.range(text, start, end),
                            new_text: insert,
                        }],
                    )),
                    ..CodeAction::default()
                }));
            }
        }
    }
    let fix_all = CodeActionKind::new(FIX_ALL);
    if wants(&fix_all)
        && let Some(edit) = fix_all_edit(report, &index, unsafe_fixes)
    {
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: if unsafe_fixes {
                "Fix all flasklint findings (unsafe fixes included)".to_string()
            } else {
                "Fix all flasklint findings (safe fixes)".to_string()
            },
            kind: Some(fix_all),
            edit: Some(workspace_edit(uri, vec![edit])),
            ..CodeAction::default()
        }));
    }
    actions
}

fn workspace_edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

fn intersects(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// A fix's edits as LSP edits; `None` when one does not lie on the text (a rule's bug).
fn fix_edits(text: &str, index: &LineIndex, finding: &Finding) -> Option<Vec<TextEdit>> {
    let fix = finding.fix.as_ref()?;
    let crlf = text.contains("\r\n");
    fix.edits
        .iter()
        .map(|edit| {
            let (start, end) = edit.byte_range;
            let fits = start <= end && text.is_char_boundary(start) && text.is_char_boundary(end);
            fits.then(|| TextEdit {
                range: index.range(text, start, end),
                // As `--fix` writes them: a CRLF file keeps its line endings.
                new_text: if crlf && !edit.content.contains("\r\n") {
                    edit.content.replace('\n', "\r\n")
                } else {
                    edit.content.clone()
                },
            })
        })
        .collect()
}

/// One edit applying every fix of the file that `--fix` would apply (with `--unsafe-fixes` when
/// `unsafe_fixes`), as `--fix` applies them: overlapping fixes are left for a later round, and
/// nothing is offered when the result would have more syntax errors than the text.
fn fix_all_edit(report: &FileReport, index: &LineIndex, unsafe_fixes: bool) -> Option<TextEdit> {
    let findings: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|finding| {
            finding
                .fix
                .as_ref()
                .is_some_and(|fix| unsafe_fixes || fix.applicability == Applicability::Safe)
        })
        .collect();
    if findings.is_empty() {
        return None;
    }
    let (fixed, taken) = crate::fix::apply_text(&report.text, &findings);
    if taken == 0 || *fixed == *report.text {
        return None;
    }
    crate::fix::guard_syntax(
        report.uri.path(),
        report.text.as_bytes().to_vec(),
        fixed.as_bytes().to_vec(),
    )
    .ok()?;
    let ((start, end), insert) = minimal_edit(&report.text, &fixed);
    Some(TextEdit {
        range: index.range(&report.text, start, end),
        new_text: insert.to_string(),
    })
}

/// Where a suppression comment for `finding` goes and what it says, as (start, end, text) in
/// bytes: on the flagged line, or else on the first line of its statement (`check` honours
/// both). A line that ends inside a string or with a `\` continuation cannot take a comment;
/// an edit that would add a syntax error is never offered.
fn suppression(
    source: &SourceFile,
    index: &LineIndex,
    finding: &Finding,
) -> Option<(usize, usize, String)> {
    let text: &str = &source.text;
    let mut lines = vec![finding.start.line];
    if let Ok(offset) = TextSize::try_from(finding.offset)
        && let Some(start) = crate::check::statement_start(source, offset)
    {
        let line = source.position(start).line;
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines.into_iter().find_map(|line| {
        let (start, end, insert) = suppression_on_line(source, index, line, finding.rule.id)?;
        // Both line indexes split lines alike; a disagreement would be a bug, not an edit.
        text.get(start..end)?;
        let mut fixed = text.to_string();
        fixed.replace_range(start..end, &insert);
        crate::fix::guard_syntax(&finding.path, text.as_bytes().to_vec(), fixed.into_bytes())
            .ok()?;
        Some((start, end, insert))
    })
}

fn suppression_on_line(
    source: &SourceFile,
    index: &LineIndex,
    line: usize,
    id: &str,
) -> Option<(usize, usize, String)> {
    let text: &str = &source.text;
    let start = index.line_start(line)?;
    let content = source.line_text(line);
    if let Some(comment) = crate::suppress::comment_on_line(source, line) {
        let (from, to) = (comment.start().to_usize(), comment.end().to_usize());
        let (at, insert) = merge_into_comment(text.get(from..to)?, id);
        return Some((from + at, from + at, insert));
    }
    let code = content.trim_end();
    if code.ends_with('\\') {
        return None;
    }
    let code_end = start + code.len();
    if inside_string(source, code_end) {
        return None;
    }
    Some((code_end, start + content.len(), format!("  # noqa: {id}")))
}

/// Where in `comment` (which starts with `#`) the code `id` goes, and the text to insert: into
/// a `# noqa: A, B` list or a `# flasklint: ignore[...]` list already there, else a new
/// `# noqa: id` after the comment. A bare `# noqa` is left as it is (to other linters it means
/// every rule) and flasklint's own `# flasklint: ignore[id]` is added after it.
fn merge_into_comment(comment: &str, id: &str) -> (usize, String) {
    for (hash, _) in comment.match_indices('#') {
        let rest = &comment[hash + 1..];
        let body = rest.trim_start();
        if let Some(after) = strip_word(body, "noqa") {
            let trimmed = after.trim_start();
            let Some(list) = trimmed.strip_prefix(':') else {
                return (comment.len(), format!("  # flasklint: ignore[{id}]"));
            };
            let list_at = comment.len() - list.len();
            let end = crate::suppress::parse_codes(list).1;
            return if end == 0 {
                (list_at, format!(" {id}"))
            } else {
                (list_at + end, format!(", {id}"))
            };
        }
        if let Some(after) = strip_word(body, "flasklint:")
            && let Some(after) = strip_word(after.trim_start(), "ignore")
            && let Some(list) = after.trim_start().strip_prefix('[')
            && let Some(close) = list.find(']')
        {
            let list_at = comment.len() - list.len();
            return if list[..close].trim().is_empty() {
                (list_at + close, id.to_string())
            } else {
                (list_at + close, format!(", {id}"))
            };
        }
    }
    (comment.len(), format!("  # noqa: {id}"))
}

/// Whether byte `offset` lies inside a string literal (a triple-quoted string or f-string going
/// on to the next line), where a `#` would be text rather than a comment.
fn inside_string(source: &SourceFile, offset: usize) -> bool {
    struct Finder {
        offset: TextSize,
        found: bool,
    }
    impl<'a> Visitor<'a> for Finder {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if !self.found && stmt.range().contains_inclusive(self.offset) {
                visitor::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            if self.found || !expr.range().contains(self.offset) {
                return;
            }
            if matches!(
                expr,
                Expr::StringLiteral(_)
                    | Expr::BytesLiteral(_)
                    | Expr::FString(_)
                    | Expr::TString(_)
            ) && expr.start() < self.offset
            {
                self.found = true;
                return;
            }
            visitor::walk_expr(self, expr);
        }
    }
    let Ok(offset) = TextSize::try_from(offset) else {
        return false;
    };
    let mut finder = Finder {
        offset,
        found: false,
    };
    finder.visit_body(&source.module().body);
    finder.found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(comment: &str) -> String {
        let (at, insert) = merge_into_comment(comment, "FL101");
        format!("{}{insert}{}", &comment[..at], &comment[at..])
    }

    #[test]
    fn suppressions_merge_into_existing_lists() {
        assert_eq!(merged("# noqa: E501"), "# noqa: E501, FL101");
        assert_eq!(
            merged("# noqa:E501,S105 pinned key"),
            "# noqa:E501,S105, FL101 pinned key"
        );
        assert_eq!(merged("# noqa: because"), "# noqa: FL101 because");
        assert_eq!(
            merged("# flasklint: ignore[FL105]"),
            "# flasklint: ignore[FL105, FL101]"
        );
        assert_eq!(
            merged("# flasklint: ignore[]"),
            "# flasklint: ignore[FL101]"
        );
        assert_eq!(
            merged("# type: ignore  # NOQA: E1"),
            "# type: ignore  # NOQA: E1, FL101"
        );
        assert_eq!(merged("# noqa"), "# noqa  # flasklint: ignore[FL101]");
        assert_eq!(merged("# why: pinned"), "# why: pinned  # noqa: FL101");
    }

    fn suppressed(text: &str, line: usize) -> Option<String> {
        let source = SourceFile::parse("t.py".into(), text.as_bytes().to_vec()).expect("parses");
        let index = LineIndex::new(text);
        let (start, end, insert) = suppression_on_line(&source, &index, line, "FL101")?;
        let mut out = text.to_string();
        out.replace_range(start..end, &insert);
        Some(out)
    }

    #[test]
    fn suppressions_go_where_a_comment_can() {
        assert_eq!(
            suppressed("x = f(a)   \ny = 2\n", 1).as_deref(),
            Some("x = f(a)  # noqa: FL101\ny = 2\n")
        );
        assert_eq!(
            suppressed("x = f(a)  # noqa: E501\r\n", 1).as_deref(),
            Some("x = f(a)  # noqa: E501, FL101\r\n")
        );
        // The end of the line is inside a string, or continues the line.
        assert_eq!(suppressed("x = f('''a\nb''')\n", 1), None);
        assert_eq!(suppressed("x = f(f\"\"\"{a}\nb\"\"\")\n", 1), None);
        assert_eq!(suppressed("x = 1 + \\\n    2\n", 1), None);
        // A string that closes on the line is fine.
        assert_eq!(
            suppressed("x = '''a\nb'''\n", 2).as_deref(),
            Some("x = '''a\nb'''  # noqa: FL101\n")
        );
    }
}
