//! `--write-baseline` / `--baseline`: adopt flasklint on a legacy app, then fail only on new
//! findings, even after the old code moves.

mod common;

use common::{flasklint, json, rule_ids, stderr, write};

const LEGACY: &str = "import jwt\n\n\ndef old(token, key):\n    return jwt.decode(token, key, audience='a', issuer='i')\n";

#[test]
fn a_baseline_hides_known_findings_and_reports_new_ones() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "app/legacy.py", LEGACY);
    let written = flasklint(
        &[
            "check",
            "--write-baseline",
            ".flasklint-baseline.json",
            "app",
        ],
        dir.path(),
    );
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    let recorded: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.path().join(".flasklint-baseline.json")).expect("written"),
    )
    .expect("JSON");
    assert_eq!(recorded["version"], 1);
    assert_eq!(recorded["findings"][0]["rule"], "FL101");
    assert_eq!(recorded["findings"][0]["path"], "app/legacy.py");

    let check = |cwd: &std::path::Path| {
        flasklint(
            &[
                "check",
                "--format",
                "json",
                "--baseline",
                ".flasklint-baseline.json",
                "app",
            ],
            cwd,
        )
    };
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(rule_ids(&json(&output)), Vec::<String>::new());

    // The old code moves down, under new imports and a new function: still known.
    write(
        dir.path(),
        "app/legacy.py",
        format!(
            "import os\n{}\n\ndef helper():\n    return os.sep\n",
            LEGACY.replace("def old", "def old_renamed_nothing_else")
        ),
    );
    let output = check(dir.path());
    assert_eq!(rule_ids(&json(&output)), Vec::<String>::new());

    // A new problem is reported, and fails the run.
    write(
        dir.path(),
        "app/new.py",
        "import jwt\n\ndef new(token, key):\n    return jwt.decode(token, key, algorithms=['HS256'], options={'verify_signature': False})\n",
    );
    let output = check(dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(rule_ids(&json(&output)), vec!["FL102".to_string()]);
}

#[test]
fn a_bad_baseline_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "legacy.py", LEGACY);
    write(
        dir.path(),
        "baseline.json",
        "{\"version\": 1, \"findings\": [}\n",
    );
    let output = flasklint(
        &["check", "--baseline", "baseline.json", "legacy.py"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("baseline.json:1: not a flasklint baseline"),
        "{}",
        stderr(&output)
    );
    let missing = flasklint(
        &["check", "--baseline", "none.json", "legacy.py"],
        dir.path(),
    );
    assert_eq!(missing.status.code(), Some(2));
}
