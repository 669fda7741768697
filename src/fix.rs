//! `--fix`, `--unsafe-fixes` and `--diff`: turning the fixes of a run's findings into new file
//! contents, and checking those contents before anyone writes them.
//!
//! This module decides and computes; `cli` writes the files or prints the diff. The fixes of one
//! file are applied together, in one pass: a fix whose edits overlap (or touch) an edit already
//! taken is skipped and reported, never merged, because two rules editing the same text cannot
//! both have been written with the other's change in mind. A later run picks the skipped fix up
//! against the new text. After applying, the file is parsed again; if it has more syntax errors
//! than before, none of its fixes are applied (a fix must never turn a working file into one
//! that does not import).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::{Finding, PlacedEdit, WORKER_STACK_BYTES};
use crate::rules::Applicability;
use crate::source::{Position, SourceFile};

/// What applying the fixes of a run would do.
#[derive(Debug, Default)]
pub struct Plan {
    /// Files that change, in path order.
    pub files: Vec<FixedFile>,
    /// Fixes left out because they overlap a fix taken earlier in the same file.
    pub skipped: Vec<Skipped>,
    /// Files left untouched: applying their fixes would break the syntax, or the file changed
    /// since it was checked.
    pub refused: Vec<Refused>,
    /// Unsafe fixes not applied because `--unsafe-fixes` was not given.
    pub hidden_unsafe: usize,
}

impl Plan {
    /// How many findings the changed files fix.
    pub fn fixed(&self) -> usize {
        self.files.iter().map(|file| file.fixes).sum()
    }
}

#[derive(Debug)]
pub struct FixedFile {
    /// The path as reports show it: relative to the current directory when under it, which is
    /// also a path the process can open.
    pub path: String,
    pub original: Arc<str>,
    pub fixed: String,
    /// `fixed` in the file's own encoding, ready to be written.
    pub bytes: Vec<u8>,
    /// The bytes on disk the fixes were computed from: the file is written only while it still
    /// holds them.
    pub read: Vec<u8>,
    /// How many findings' fixes it applies.
    pub fixes: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub position: Position,
    pub rule: &'static str,
    /// The finding whose fix was taken instead: rule id and position; `None` when the fix's own
    /// edits overlap each other (a rule's bug: no order of them is meant).
    pub overlaps: Option<(&'static str, Position)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub path: String,
    /// How many findings' fixes were not applied.
    pub fixes: usize,
    pub reason: String,
}

/// Plans the fixes of `findings` (the findings a report would show: suppressed ones are not
/// among them, so `# noqa` also keeps a line from being rewritten). Unsafe fixes are included
/// only with `unsafe_fixes`. Reads each file again to make sure it is still the text that was
/// checked.
pub fn plan(findings: &[Finding], unsafe_fixes: bool) -> Plan {
    let mut by_path: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    let mut hidden_unsafe = 0;
    for finding in findings {
        let Some(fix) = &finding.fix else { continue };
        if fix.applicability == Applicability::Unsafe && !unsafe_fixes {
            hidden_unsafe += 1;
            continue;
        }
        by_path.entry(&finding.path).or_default().push(finding);
    }
    let mut plan = Plan {
        hidden_unsafe,
        ..Plan::default()
    };
    // Re-parsing recurses with the file's nesting depth, which the checker allows far beyond
    // what the main thread's stack holds: do it on a worker stack like the check itself.
    let planned = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(WORKER_STACK_BYTES)
            .spawn_scoped(scope, || {
                by_path
                    .into_iter()
                    .map(|(path, findings)| plan_file(path, &findings))
                    .collect::<Vec<_>>()
            })
            .ok()
            .and_then(|handle| handle.join().ok())
    });
    let Some(planned) = planned else {
        // No thread could be started: fixing nothing is the safe failure.
        plan.refused.push(Refused {
            path: String::from("."),
            fixes: 0,
            reason: String::from("fixes not applied: cannot start a worker thread"),
        });
        return plan;
    };
    for file in planned {
        plan.skipped.extend(file.skipped);
        match file.result {
            Ok(Some(fixed)) => plan.files.push(fixed),
            Ok(None) => {}
            Err(refused) => plan.refused.push(refused),
        }
    }
    plan
}

/// What writing a plan's files did.
#[derive(Debug, Default)]
pub struct Written {
    /// Findings fixed in the files written.
    pub fixes: usize,
    /// Files written.
    pub files: usize,
    /// Files left as they were: path and why (changed since read, or the write failed).
    pub failed: Vec<(String, String)>,
}

/// Writes the fixed files (see `crate::write`: never a truncated file, permissions and symlinks
/// kept). A file whose contents changed since the fixes were computed is skipped and listed in
/// `failed`: writing it would throw that change away. One file that cannot be written does not
/// stop the others.
pub fn write(plan: &Plan) -> Written {
    let mut written = Written::default();
    for file in &plan.files {
        match crate::write::replace_if_unchanged(Path::new(&file.path), &file.bytes, &file.read) {
            Ok(()) => {
                written.fixes += file.fixes;
                written.files += 1;
            }
            Err(crate::write::WriteError::Changed) => written.failed.push((
                file.path.clone(),
                "fix not applied: the file changed since it was read; run again".to_string(),
            )),
            Err(crate::write::WriteError::Io(error)) => written.failed.push((
                file.path.clone(),
                format!("cannot write the fixes: {error}"),
            )),
        }
    }
    written
}

struct FilePlan {
    skipped: Vec<Skipped>,
    result: Result<Option<FixedFile>, Refused>,
}

fn plan_file(path: &str, findings: &[&Finding]) -> FilePlan {
    let Some(original) = findings.first().map(|f| Arc::clone(&f.source)) else {
        return FilePlan {
            skipped: Vec::new(),
            result: Ok(None),
        };
    };
    let applied = apply(&original, findings);
    let fixes = applied.taken;
    let refuse = |reason: String| Refused {
        path: path.to_string(),
        fixes,
        reason,
    };
    let result = if fixes == 0 {
        Ok(None)
    } else {
        std::fs::read(path)
            .map_err(|e| refuse(format!("fix not applied: cannot read the file again: {e}")))
            .and_then(|on_disk| {
                let encoding = Encoding::of(&on_disk, &original).ok_or_else(|| {
                    refuse("fix not applied: the file changed since it was checked".to_string())
                })?;
                let bytes = encoding.encode(&applied.text).ok_or_else(|| {
                    refuse(
                        "fix not applied: the fixed text does not fit the file's Latin-1 encoding"
                            .to_string(),
                    )
                })?;
                guard_syntax(path, on_disk.clone(), bytes.clone()).map_err(refuse)?;
                Ok(Some(FixedFile {
                    path: path.to_string(),
                    original: Arc::clone(&original),
                    fixed: applied.text,
                    bytes,
                    read: on_disk,
                    fixes,
                }))
            })
    };
    FilePlan {
        skipped: applied.skipped,
        result,
    }
}

/// The text of one file (`original`, the text its findings were computed on) with the fixes of
/// `findings` applied as `plan` applies them, and how many findings they fix; no syntax guard
/// and no disk: for an editor's unsaved buffer (`flasklint server`'s fix-all action), which runs
/// `guard_syntax` itself.
pub fn apply_text(original: &str, findings: &[&Finding]) -> (String, usize) {
    let applied = apply(original, findings);
    (applied.text, applied.taken)
}

struct Applied {
    text: String,
    /// How many findings' fixes are in `text`.
    taken: usize,
    skipped: Vec<Skipped>,
}

/// Applies the fixes of `findings` (all of one file, whose text is `original`) in file order,
/// skipping each fix that overlaps or touches an edit already taken. An edit identical to one
/// already taken (two secrets fixed in one file both inserting `import os`) is shared, not a
/// conflict.
fn apply(original: &str, findings: &[&Finding]) -> Applied {
    let mut ordered: Vec<&Finding> = findings.to_vec();
    ordered.sort_by_key(|f| {
        let first = f
            .fix
            .as_ref()
            .and_then(|fix| fix.edits.iter().map(|e| e.byte_range.0).min());
        (first, f.start, f.rule.id)
    });
    let line_ending = if original.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut taken: Vec<(&PlacedEdit, &Finding)> = Vec::new();
    let mut count = 0;
    let mut skipped = Vec::new();
    for finding in ordered {
        let Some(fix) = &finding.fix else { continue };
        if fix.edits.is_empty() || !fix.edits.iter().all(|e| fits(original, e)) {
            continue;
        }
        let mut own: Vec<&PlacedEdit> = Vec::new();
        let mut conflict = None;
        for edit in &fix.edits {
            if taken.iter().any(|(t, _)| *t == edit) || own.contains(&edit) {
                continue;
            }
            if let Some((_, other)) = taken.iter().find(|(t, _)| collide(t, edit)) {
                conflict = Some(*other);
                break;
            }
            if own.iter().any(|o| overlap(o, edit)) {
                conflict = Some(finding);
                break;
            }
            own.push(edit);
        }
        match conflict {
            Some(other) => skipped.push(Skipped {
                path: finding.path.clone(),
                position: finding.start,
                rule: finding.rule.id,
                overlaps: (!std::ptr::eq(other, finding)).then_some((other.rule.id, other.start)),
            }),
            None => {
                taken.extend(own.into_iter().map(|edit| (edit, finding)));
                count += 1;
            }
        }
    }
    let mut edits: Vec<&PlacedEdit> = taken.into_iter().map(|(edit, _)| edit).collect();
    edits.sort_by_key(|edit| std::cmp::Reverse(edit.byte_range));
    let mut text = original.to_string();
    for edit in edits {
        // Edits are written with `\n`; a CRLF file keeps its own line endings.
        let content = if line_ending == "\n" || edit.content.contains("\r\n") {
            edit.content.clone()
        } else {
            edit.content.replace('\n', line_ending)
        };
        text.replace_range(edit.byte_range.0..edit.byte_range.1, &content);
    }
    Applied {
        text,
        taken: count,
        skipped,
    }
}

/// Whether `edit` lies on `text` (in bounds, on character boundaries); anything else would be a
/// rule's bug, and applying it could panic or corrupt the file.
fn fits(text: &str, edit: &PlacedEdit) -> bool {
    let (start, end) = edit.byte_range;
    start <= end && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// Edits of two different fixes collide when their ranges overlap or merely touch: text
/// inserted where another rule's edit starts or ends has no order both rules meant (Ruff refuses
/// the same).
fn collide(a: &PlacedEdit, b: &PlacedEdit) -> bool {
    a.byte_range.0 <= b.byte_range.1 && b.byte_range.0 <= a.byte_range.1
}

/// Edits of one fix may touch (FL102 removes an argument and appends `algorithms=` where it
/// ended: applied from the end backwards, the insertion stays after the removal), but must not
/// overlap, and two insertions at one point would have no defined order.
fn overlap(a: &PlacedEdit, b: &PlacedEdit) -> bool {
    let (a0, a1) = a.byte_range;
    let (b0, b1) = b.byte_range;
    (a0 < b1 && b0 < a1) || (a0 == a1 && b0 == b1 && a0 == b0)
}

/// The encoding a file was read in, so that it is written back in the same one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Latin1,
}

impl Encoding {
    /// How `bytes` (the file on disk now) decode to `text` (what was checked); `None` when they
    /// do not: the file changed in between, and fixes placed on the old text would land wrong.
    fn of(bytes: &[u8], text: &str) -> Option<Encoding> {
        if bytes == text.as_bytes() {
            Some(Encoding::Utf8)
        } else if bytes.len() == text.chars().count()
            && bytes
                .iter()
                .zip(text.chars())
                .all(|(&b, c)| char::from(b) == c)
        {
            Some(Encoding::Latin1)
        } else {
            None
        }
    }

    fn encode(self, text: &str) -> Option<Vec<u8>> {
        match self {
            Encoding::Utf8 => Some(text.as_bytes().to_vec()),
            Encoding::Latin1 => text.chars().map(|c| u8::try_from(c).ok()).collect(),
        }
    }
}

/// `Err` with the report's reason when `fixed` has more syntax errors than `original` (both raw
/// file contents), or cannot be read as Python at all. Counting rather than comparing errors,
/// because every position after an edit moves.
pub fn guard_syntax(path: &str, original: Vec<u8>, fixed: Vec<u8>) -> Result<(), String> {
    let before = SourceFile::parse(PathBuf::from(path), original)
        .map(|file| file.syntax_errors().len())
        .unwrap_or(0);
    let after = SourceFile::parse(PathBuf::from(path), fixed).map_err(|error| {
        format!(
            "fix not applied: it would break the file: {}",
            error.message
        )
    })?;
    let errors = after.syntax_errors();
    if errors.len() > before {
        // The error's position is in the fixed text, which the user never sees: name the
        // problem only.
        let first = errors
            .first()
            .map(|error| {
                let message = error.message.trim_start_matches("syntax error: ");
                format!(" ({message})")
            })
            .unwrap_or_default();
        return Err(format!("fix not applied: it would break the syntax{first}"));
    }
    Ok(())
}

/// A unified diff of every changed file, as `--diff` prints it (`--- path` / `+++ path`, three
/// lines of context), ready for `patch -p0`.
pub fn diff(plan: &Plan) -> String {
    let mut out = String::new();
    for file in &plan.files {
        let diff = similar::TextDiff::from_lines(&*file.original, file.fixed.as_str());
        out.push_str(
            &diff
                .unified_diff()
                .context_radius(3)
                .header(&file.path, &file.path)
                .to_string(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::PlacedFix;

    fn finding(
        source: &Arc<str>,
        rule: &'static str,
        edits: &[(usize, usize, &str)],
        applicability: Applicability,
    ) -> Finding {
        let meta = crate::rules::find(rule).expect("a registered rule");
        let start = Position {
            line: 1,
            column: edits.first().map_or(1, |e| e.0 + 1),
        };
        Finding {
            rule: meta,
            severity: meta.severity,
            path: "app.py".to_string(),
            start,
            end: start,
            offset: 0,
            length: 0,
            message: String::new(),
            help: String::new(),
            fix: Some(PlacedFix {
                description: String::new(),
                applicability,
                edits: edits
                    .iter()
                    .map(|&(from, to, content)| PlacedEdit {
                        start,
                        end: start,
                        byte_range: (from, to),
                        content: content.to_string(),
                    })
                    .collect(),
            }),
            source: Arc::clone(source),
            fingerprint: String::new(),
            suppressed_by: None,
        }
    }

    #[test]
    fn overlapping_fixes_take_the_first_and_skip_the_rest() {
        let source: Arc<str> = Arc::from("x = f(a, b)\n");
        let first = finding(&source, "FL101", &[(6, 7, "A")], Applicability::Safe);
        let overlapping = finding(&source, "FL102", &[(6, 10, "Z")], Applicability::Safe);
        let touching = finding(&source, "FL103", &[(7, 7, "!")], Applicability::Safe);
        let apart = finding(&source, "FL104", &[(9, 10, "B")], Applicability::Safe);
        let applied = apply(&source, &[&first, &overlapping, &touching, &apart]);
        assert_eq!(applied.text, "x = f(A, B)\n");
        assert_eq!(applied.taken, 2);
        let skipped: Vec<&str> = applied.skipped.iter().map(|s| s.rule).collect();
        assert_eq!(skipped, ["FL102", "FL103"]);
        assert!(
            applied
                .skipped
                .iter()
                .all(|s| s.overlaps.map(|o| o.0) == Some("FL101"))
        );
    }

    #[test]
    fn edits_of_one_fix_may_touch_but_not_overlap() {
        let source: Arc<str> = Arc::from("f(a, b)\n");
        // Remove `, b` and append an argument where it ended, as FL102 does.
        let touching = finding(
            &source,
            "FL102",
            &[(3, 6, ""), (6, 6, ", c")],
            Applicability::Safe,
        );
        let applied = apply(&source, &[&touching]);
        assert_eq!(applied.text, "f(a, c)\n");
        let overlapping = finding(
            &source,
            "FL102",
            &[(2, 5, ""), (4, 6, "")],
            Applicability::Safe,
        );
        let applied = apply(&source, &[&overlapping]);
        assert_eq!(applied.text, "f(a, b)\n");
        assert_eq!(applied.skipped.len(), 1);
        assert_eq!(applied.skipped[0].overlaps, None);
    }

    #[test]
    fn identical_edits_of_two_fixes_are_applied_once() {
        let source: Arc<str> = Arc::from("A = 'x'\nB = 'y'\n");
        let a = finding(
            &source,
            "FL301",
            &[(0, 0, "import os\n"), (4, 7, "os.environ[\"A\"]")],
            Applicability::Unsafe,
        );
        let b = finding(
            &source,
            "FL301",
            &[(0, 0, "import os\n"), (12, 15, "os.environ[\"B\"]")],
            Applicability::Unsafe,
        );
        let applied = apply(&source, &[&a, &b]);
        assert_eq!(
            applied.text,
            "import os\nA = os.environ[\"A\"]\nB = os.environ[\"B\"]\n"
        );
        assert_eq!(applied.taken, 2);
    }

    #[test]
    fn crlf_files_keep_their_line_endings() {
        let source: Arc<str> = Arc::from("A = 'x'\r\n");
        let a = finding(
            &source,
            "FL301",
            &[(0, 0, "import os\n"), (4, 7, "os.environ[\"A\"]")],
            Applicability::Unsafe,
        );
        assert_eq!(
            apply(&source, &[&a]).text,
            "import os\r\nA = os.environ[\"A\"]\r\n"
        );
    }

    #[test]
    fn edits_off_the_text_are_ignored_not_applied() {
        let source: Arc<str> = Arc::from("é = 1\n");
        // Byte 1 is inside `é`; byte 99 is past the end.
        let inside = finding(&source, "FL101", &[(1, 1, "x")], Applicability::Safe);
        let past = finding(&source, "FL102", &[(99, 99, "x")], Applicability::Safe);
        let applied = apply(&source, &[&inside, &past]);
        assert_eq!(applied.text, "é = 1\n");
        assert_eq!(applied.taken, 0);
    }

    #[test]
    fn a_fix_that_breaks_the_syntax_is_refused() {
        let original = b"import jwt\nclaims = jwt.decode(t for t in tokens)\n".to_vec();
        let broken =
            b"import jwt\nclaims = jwt.decode(t for t in tokens, algorithms=[\"HS256\"])\n"
                .to_vec();
        let error = guard_syntax("app.py", original.clone(), broken).expect_err("refused");
        assert!(
            error.starts_with("fix not applied: it would break the syntax"),
            "{error}"
        );
        let fine =
            b"import jwt\nclaims = jwt.decode((t for t in tokens), algorithms=[\"HS256\"])\n"
                .to_vec();
        assert_eq!(guard_syntax("app.py", original, fine), Ok(()));
    }

    #[test]
    fn a_file_already_broken_may_be_fixed_if_it_gets_no_worse() {
        let original = b"x = (\nSECRET_KEY = 'abc'\n".to_vec();
        let fixed = b"x = (\nSECRET_KEY = os.environ['S']\n".to_vec();
        assert_eq!(guard_syntax("app.py", original, fixed), Ok(()));
    }

    #[test]
    fn latin1_files_are_written_back_in_latin1() {
        let bytes = b"# -*- coding: latin-1 -*-\nname = '\xe9'\n";
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        let encoding = Encoding::of(bytes, &text);
        assert_eq!(encoding, Some(Encoding::Latin1));
        assert_eq!(Encoding::Latin1.encode(&text).as_deref(), Some(&bytes[..]));
        assert_eq!(Encoding::Latin1.encode("\u{2603}"), None);
        assert_eq!(Encoding::of(b"changed", "original"), None);
    }
}
