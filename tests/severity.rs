//! Severity marks in the fixtures: `# expect: FL105 (low)` says the finding on that line has
//! severity `low`. The fixture harness (`tests/fixtures.rs`) reads the rule ids of the same marks
//! and ignores the parenthesis; this test checks the severities, so that a rule whose severity
//! follows the context (FL101, FL105, FL306, FL501) is pinned on both sides of each decision.

use std::fs;
use std::path::{Path, PathBuf};

use flasklint::{Settings, run};

/// `(path, line, rule, severity)` for every severity mark under `dir`.
fn severity_marks(dir: &Path, out: &mut Vec<(String, usize, String, String)>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("fixture dir readable")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            severity_marks(&path, out);
            continue;
        }
        let Ok(text) = fs::read_to_string(&path) else {
            continue;
        };
        let shown = path.to_string_lossy().replace('\\', "/");
        for (index, line) in text.lines().enumerate() {
            let Some(at) = line.find("# expect:") else {
                continue;
            };
            let words: Vec<&str> = line[at + "# expect:".len()..]
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .collect();
            for pair in words.windows(2) {
                if pair[0].starts_with("FL")
                    && let Some(severity) =
                        pair[1].strip_prefix('(').and_then(|w| w.strip_suffix(')'))
                {
                    out.push((
                        shown.clone(),
                        index + 1,
                        pair[0].to_string(),
                        severity.to_string(),
                    ));
                }
            }
        }
    }
}

#[test]
fn marked_severities_match() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for group in ["testdata/rules", "testdata/apps"] {
        let mut dirs: Vec<PathBuf> = fs::read_dir(group)
            .map(|entries| entries.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        dirs.sort();
        for dir in dirs.into_iter().filter(|d| d.is_dir()) {
            let mut marks = Vec::new();
            severity_marks(&dir, &mut marks);
            if marks.is_empty() {
                continue;
            }
            let outcome = run(&Settings::new(vec![dir.clone()])).expect("check runs");
            // Several findings of one rule on a line carry one mark each.
            let mut grouped: std::collections::BTreeMap<(String, usize, String), Vec<String>> =
                std::collections::BTreeMap::new();
            for (path, line, rule, severity) in marks {
                grouped
                    .entry((path, line, rule))
                    .or_default()
                    .push(severity);
            }
            for ((path, line, rule), mut expected) in grouped {
                checked += expected.len();
                let mut found: Vec<String> = outcome
                    .findings
                    .iter()
                    .filter(|f| f.path == path && f.start.line == line && f.rule.id == rule)
                    .map(|f| f.severity.as_str().to_string())
                    .collect();
                expected.sort();
                found.sort();
                if found != expected {
                    failures.push(format!(
                        "{path}:{line}: {rule} expected at {expected:?}, found {found:?}"
                    ));
                }
            }
        }
    }
    assert!(checked > 0, "no severity marks found under testdata/");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
