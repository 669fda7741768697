//! The fixture harness: every directory under `testdata/rules/` and `testdata/apps/` is checked
//! as one project, and its findings must equal the `# expect: FLxxx` marks on the flagged lines,
//! no more, no fewer. A mark may name the severity too (`# expect: FL304(low)`): then the
//! finding must have it. `# todo: FLxxx` marks a known miss: it must stay a miss until the rule
//! learns it (then the mark becomes `expect`).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use flasklint::{Settings, run};

type Marks = BTreeMap<(String, usize), Vec<String>>;

fn fixture_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    for group in ["testdata/rules", "testdata/apps"] {
        let Ok(entries) = fs::read_dir(group) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.path().is_dir() {
                dirs.push(entry.path());
            }
        }
    }
    dirs.sort();
    dirs
}

/// Whether a fixture file can carry marks: Python, and the dependency files FL5xx findings sit
/// in, all of which take `#` comments (`Pipfile.lock` is JSON and cannot: its findings are
/// tested elsewhere).
fn is_marked_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    name == "Pipfile"
        || name.starts_with(".env")
        || name == ".flaskenv"
        || name == "Dockerfile"
        || path.extension().is_some_and(|e| {
            ["py", "txt", "toml", "cfg", "lock", "env", "yml", "yaml"]
                .iter()
                .any(|x| e == *x)
        })
}

fn marked_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("fixture dir readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            marked_files(&path, out);
        } else if is_marked_file(&path) {
            out.push(path);
        }
    }
}

/// `(path, line) -> rule ids` for one kind of mark (`expect` or `todo`).
fn marks(dir: &Path, kind: &str) -> Marks {
    let needle = format!("# {kind}:");
    let mut files = Vec::new();
    marked_files(dir, &mut files);
    let mut marks = Marks::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("fixture is UTF-8");
        let path = file.to_string_lossy().replace('\\', "/");
        for (index, line) in text.lines().enumerate() {
            if let Some(at) = line.find(&needle) {
                let ids: Vec<String> = line[at + needle.len()..]
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|id| id.starts_with("FL"))
                    .map(str::to_string)
                    .collect();
                assert!(
                    !ids.is_empty(),
                    "{path}:{}: `{needle}` names no rule",
                    index + 1
                );
                marks
                    .entry((path.clone(), index + 1))
                    .or_default()
                    .extend(ids);
            }
        }
    }
    for ids in marks.values_mut() {
        ids.sort();
    }
    marks
}

/// The rule id of a mark: `FL304(low)` is `FL304`.
fn mark_id(mark: &str) -> &str {
    mark.split('(').next().unwrap_or(mark)
}

/// Findings as marks: `FL304`, or `FL304(low)` where the expected mark on that line names a
/// severity for that rule.
fn as_marks(found: &BTreeMap<(String, usize), Vec<(String, String)>>, expected: &Marks) -> Marks {
    let mut marks = Marks::new();
    for (key, findings) in found {
        let with_severity = |id: &str| {
            expected
                .get(key)
                .is_some_and(|marks| marks.iter().any(|m| mark_id(m) == id && m.contains('(')))
        };
        let mut ids: Vec<String> = findings
            .iter()
            .map(|(id, severity)| {
                if with_severity(id) {
                    format!("{id}({severity})")
                } else {
                    id.clone()
                }
            })
            .collect();
        ids.sort();
        marks.insert(key.clone(), ids);
    }
    marks
}

fn found(dir: &Path) -> BTreeMap<(String, usize), Vec<(String, String)>> {
    let outcome = run(&Settings::new(vec![dir.to_path_buf()])).expect("check runs");
    assert!(
        outcome.errors.is_empty(),
        "{}: fixtures must parse cleanly, got {:?}",
        dir.display(),
        outcome.errors
    );
    let mut marks: BTreeMap<(String, usize), Vec<(String, String)>> = BTreeMap::new();
    for finding in &outcome.findings {
        assert!(
            !finding.message.ends_with('.') && !finding.help.ends_with('.'),
            "{}:{}: messages and help lines do not end with a period: {:?} / {:?}",
            finding.path,
            finding.start.line,
            finding.message,
            finding.help
        );
        marks
            .entry((finding.path.clone(), finding.start.line))
            .or_default()
            .push((
                finding.rule.id.to_string(),
                finding.severity.as_str().to_string(),
            ));
    }
    marks
}

#[test]
fn every_fixture_yields_exactly_its_marked_findings() {
    let dirs = fixture_dirs();
    assert!(!dirs.is_empty(), "no fixture directories under testdata/");
    let mut failures = Vec::new();
    for dir in &dirs {
        let expected = marks(dir, "expect");
        let todo = marks(dir, "todo");
        let actual = as_marks(&found(dir), &expected);
        let mut keys: Vec<_> = expected.keys().chain(actual.keys()).cloned().collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            let want = expected.get(&key).cloned().unwrap_or_default();
            let got = actual.get(&key).cloned().unwrap_or_default();
            if want != got {
                failures.push(format!(
                    "{}:{}: expected {:?}, found {:?}",
                    key.0, key.1, want, got
                ));
            }
        }
        for (key, ids) in &todo {
            let got = actual.get(key).cloned().unwrap_or_default();
            for id in ids {
                if got.iter().any(|g| mark_id(g) == mark_id(id)) {
                    failures.push(format!(
                        "{}:{}: `# todo: {id}` is now found; make it `# expect`",
                        key.0, key.1
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "fixture mismatches:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_fixtures_with_hits_and_silent_lines() {
    for (meta, _) in flasklint::rules::all() {
        let dir = PathBuf::from("testdata/rules").join(meta.id);
        assert!(
            dir.is_dir(),
            "{} has no fixture directory {}",
            meta.id,
            dir.display()
        );
        let expected = marks(&dir, "expect");
        assert!(
            expected.values().flatten().any(|id| mark_id(id) == meta.id),
            "{}: its fixtures mark no expected finding",
            meta.id
        );
    }
}

/// Applying a finding's fix must leave a file that parses and no longer has that finding.
#[test]
fn fixes_apply_cleanly_and_remove_their_finding() {
    let mut checked = 0;
    for dir in fixture_dirs() {
        let outcome = run(&Settings::new(vec![dir.clone()])).expect("check runs");
        for finding in outcome.findings.iter().filter(|f| f.fix.is_some()) {
            let Some(fix) = &finding.fix else { continue };
            let scratch = tempfile::tempdir().expect("temp dir");
            copy_tree(&dir, scratch.path());
            let relative = Path::new(&finding.path)
                .strip_prefix(&dir)
                .expect("finding under its fixture dir");
            let target = scratch.path().join(relative);
            let mut text = fs::read_to_string(&target).expect("copied");
            // Lines an edit above the finding adds or removes (an `import os` put at the top)
            // move the line the finding is looked for on.
            let line_of = |byte: usize| text[..byte].matches('\n').count() + 1;
            let shift: isize = fix
                .edits
                .iter()
                .filter(|e| line_of(e.byte_range.0) < finding.start.line)
                .map(|e| {
                    let removed = text[e.byte_range.0..e.byte_range.1].matches('\n').count();
                    e.content.matches('\n').count() as isize - removed as isize
                })
                .sum();
            let line_after = finding.start.line.saturating_add_signed(shift);
            let mut edits = fix.edits.clone();
            edits.sort_by_key(|e| std::cmp::Reverse(e.byte_range.0));
            for edit in edits {
                text.replace_range(edit.byte_range.0..edit.byte_range.1, &edit.content);
            }
            fs::write(&target, &text).expect("write fixed file");
            let after =
                run(&Settings::new(vec![scratch.path().to_path_buf()])).expect("re-check runs");
            assert!(
                after.errors.is_empty(),
                "{}:{}: the fix for {} breaks the file: {:?}\n{text}",
                finding.path,
                finding.start.line,
                finding.rule.id,
                after.errors
            );
            let still = after.findings.iter().any(|f| {
                f.rule.id == finding.rule.id
                    && f.start.line == line_after
                    && f.path.ends_with(&*relative.to_string_lossy())
            });
            assert!(
                !still,
                "{}:{}: {} remains after its fix\n{text}",
                finding.path, finding.start.line, finding.rule.id
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no fixture finding carries a fix");
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("readable").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
