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

/// FL306 was FL303's `JWTManager` note. A baseline written before the split recorded the note
/// under FL303, with FL303 in its fingerprint: it must keep silencing the note, now FL306. The
/// app verifies tokens with a public key, where the note is reported.
#[test]
fn a_baseline_that_recorded_the_note_as_fl303_still_silences_fl306() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "app/__init__.py",
        "import os\n\nfrom flask import Flask\nfrom flask_jwt_extended import JWTManager, jwt_required\n\napp = Flask(__name__)\napp.config.update(JWT_ALGORITHM=\"RS256\", JWT_PUBLIC_KEY=os.environ[\"JWT_PUBLIC_KEY\"])\njwt = JWTManager(app)  # set up in 2019\n",
    );
    let check = |baseline: &str| {
        flasklint(
            &["check", "--format", "json", "--baseline", baseline, "app"],
            dir.path(),
        )
    };
    // What an older flasklint wrote: the same line hash, under FL303 (comments and spaces are
    // not part of it).
    let old = |line: &str| {
        format!(
            "{:016x}:1",
            flasklint::check::line_hash("FL303", "app/__init__.py", line)
        )
    };
    let baseline = |fingerprint: String| {
        format!(
            "{{\"version\": 1, \"findings\": [{{\"rule\": \"FL303\", \"path\": \"app/__init__.py\", \"line\": 8, \"fingerprint\": \"{fingerprint}\"}}]}}\n"
        )
    };
    write(dir.path(), "old.json", baseline(old("jwt=JWTManager(app)")));
    let output = check("old.json");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(rule_ids(&json(&output)), Vec::<String>::new());

    // A baseline whose FL303 entry is another line does not hide the note.
    write(
        dir.path(),
        "other.json",
        baseline(old("jwt=JWTManager(other_app)")),
    );
    let output = check("other.json");
    assert_eq!(rule_ids(&json(&output)), vec!["FL306".to_string()]);

    // New baselines record the new id, and match it.
    let written = flasklint(
        &["check", "--write-baseline", "new.json", "app"],
        dir.path(),
    );
    assert_eq!(written.status.code(), Some(0), "{}", stderr(&written));
    let recorded: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("new.json")).expect("written"))
            .expect("JSON");
    assert_eq!(recorded["findings"][0]["rule"], "FL306");
    assert_eq!(rule_ids(&json(&check("new.json"))), Vec::<String>::new());
}
