//! Where code runs decides what its findings weigh, for every rule (README, "Severity from
//! context"): test code is silent unless `include-tests`, development-only code is low, and a
//! folder's development context comes from its path in the project, so checking `examples/x`
//! alone judges it exactly as checking the whole repository does. The fixture marks in
//! `testdata/apps/context/` pin each case; these tests pin what marks cannot.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{flasklint, json};
use flasklint::{Settings, run};

const TREE: &str = "testdata/apps/context";

/// `(path inside `within`, line, rule, severity)` of every finding under `within`.
fn findings(settings: &Settings, within: &str) -> BTreeSet<(String, usize, String, String)> {
    let outcome = run(settings).expect("check runs");
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    outcome
        .findings
        .iter()
        .filter_map(|f| {
            let path = f.path.replace('\\', "/");
            let inside = path.strip_prefix(&format!("{within}/"))?;
            Some((
                inside.to_string(),
                f.start.line,
                f.rule.id.to_string(),
                f.severity.as_str().to_string(),
            ))
        })
        .collect()
}

#[test]
fn a_development_folder_checked_alone_keeps_its_severity() {
    for folder in [
        "examples/todo",
        "lesson-04",
        "10_blacklisting",
        "docs",
        "pkg",
    ] {
        let within = format!("{TREE}/{folder}");
        let in_tree = findings(&Settings::new(vec![TREE.into()]), &within);
        let alone = findings(&Settings::new(vec![within.clone().into()]), &within);
        assert!(!alone.is_empty(), "{folder}: the fixture has findings");
        assert_eq!(in_tree, alone, "{folder}");
    }
}

#[test]
fn include_tests_reports_test_code_for_every_rule() {
    let default = findings(&Settings::new(vec![TREE.into()]), TREE);
    let mut settings = Settings::new(vec![TREE.into()]);
    settings.include_tests = true;
    let included = findings(&settings, TREE);
    let added: BTreeSet<(String, String)> = included
        .difference(&default)
        .map(|(path, _, rule, _)| (path.clone(), rule.clone()))
        .collect();
    let expected: BTreeSet<(String, String)> = [
        ("app.py", "FL103"),
        ("conftest.py", "FL103"),
        ("scripts/tests.py", "FL103"),
        ("tests/helpers.py", "FL103"),
        ("tests/helpers.py", "FL304"),
        ("tests/test_tokens.py", "FL103"),
    ]
    .iter()
    .map(|(p, r)| (p.to_string(), r.to_string()))
    .collect();
    assert_eq!(added, expected);
    // Three tests in app.py: a function, a TestCase and a pytest class.
    let in_app = included
        .difference(&default)
        .filter(|(path, ..)| path == "app.py")
        .count();
    assert_eq!(in_app, 3);
    // Nothing the default run reports disappears.
    assert!(default.is_subset(&included));
}

#[test]
fn the_include_tests_flag_reaches_every_rule_from_the_command_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(TREE);
    let rules = |args: &[&str]| -> BTreeSet<String> {
        let mut all = vec!["check", "--isolated", "--format", "json"];
        all.extend_from_slice(args);
        all.push("tests");
        let report = json(&flasklint(&all, &root));
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["rule"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert!(rules(&[]).is_empty());
    assert_eq!(
        rules(&["--include-tests"]),
        ["FL103", "FL304"].iter().map(|s| s.to_string()).collect()
    );
}

/// The line of `testdata/apps/context/<file>` that holds `needle`.
fn line_of(file: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(format!("{TREE}/{file}")).expect("fixture");
    text.lines()
        .position(|line| line.contains(needle))
        .map(|index| index + 1)
        .expect("needle in fixture")
}

#[test]
fn development_findings_say_why_they_are_low() {
    let outcome = run(&Settings::new(vec![TREE.into()])).expect("check runs");
    let message = |path: &str, line: usize| {
        outcome
            .findings
            .iter()
            .find(|f| f.path.ends_with(path) && f.start.line == line)
            .map(|f| f.message.clone())
            .unwrap_or_default()
    };
    let main = message("app.py", line_of("app.py", "print(jwt.encode"));
    assert!(
        main.ends_with("[development only: under `if __name__ == \"__main__\":`]"),
        "{main}"
    );
    let example = message(
        "examples/todo/app.py",
        line_of("examples/todo/app.py", "TOKEN = "),
    );
    assert!(example.ends_with("/examples/`]"), "{example}");
    // Findings at the rule's own severity carry no note.
    let app = message("app.py", line_of("app.py", "return jwt.encode"));
    assert!(
        !app.is_empty() && !app.contains("development only"),
        "{app}"
    );
}

#[test]
fn a_shared_error_helper_is_reported_once_with_its_call_count() {
    let outcome =
        run(&Settings::new(vec!["testdata/rules/FL402-audience".into()])).expect("check runs");
    let at_helpers: Vec<(usize, &str, String)> = outcome
        .findings
        .iter()
        .filter(|f| f.path.ends_with("ajax.py"))
        .map(|f| (f.start.line, f.severity.as_str(), f.message.clone()))
        .collect();
    assert_eq!(at_helpers.len(), 2, "{at_helpers:?}");
    assert!(
        at_helpers[0].2.starts_with(
            "`internal_server_error` puts its `errormsg` into the response, and 3 calls"
        ),
        "{}",
        at_helpers[0].2
    );
    assert!(
        at_helpers[0].2.contains("nodes.py:13"),
        "{}",
        at_helpers[0].2
    );
    assert_eq!(at_helpers[1].1, "low");
    assert!(at_helpers[1].2.contains("2 calls"), "{}", at_helpers[1].2);
    // No call site of a shared helper is reported on its own.
    assert!(
        !outcome
            .findings
            .iter()
            .any(|f| f.path.ends_with("nodes.py"))
    );
}

/// Code nothing in the project runs is low in a directory run; a file named alone (as
/// pre-commit passes the files a commit changes) may have callers outside the run, so its
/// findings keep their severity.
#[test]
fn unused_code_is_low_only_when_the_run_sees_its_callers() {
    let tree = "testdata/rules/FL403-unused-code";
    let module = format!("{tree}/portal/old_auth.py");
    let severity_at_line_11 = |settings: &Settings| {
        findings(settings, tree)
            .into_iter()
            .find(|(path, line, rule, _)| {
                path == "portal/old_auth.py" && *line == 11 && rule == "FL403"
            })
            .map(|(_, _, _, severity)| severity)
    };
    assert_eq!(
        severity_at_line_11(&Settings::new(vec![tree.into()])).as_deref(),
        Some("low")
    );
    assert_eq!(
        severity_at_line_11(&Settings::new(vec![module.into()])).as_deref(),
        Some("medium")
    );
}
