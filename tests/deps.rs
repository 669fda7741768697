//! The dependency model seen from the command line: `flasklint deps`, findings placed in
//! dependency files in every format, version-aware FL101/FL102, malformed manifests.

mod common;

use std::path::Path;

use common::{BAD, assert_valid_sarif, flasklint, json, stderr, stdout, write};

fn findings(report: &serde_json::Value) -> Vec<&serde_json::Value> {
    report["findings"]
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn finding<'r>(report: &'r serde_json::Value, rule: &str) -> &'r serde_json::Value {
    findings(report)
        .into_iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} finding in {report:#}"))
}

/// A scratch project with a `.git` marker, so the walk up for manifests stops inside it.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect("marker");
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    dir
}

#[test]
fn the_same_code_is_judged_by_the_pyjwt_it_runs_with() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let one = json(&flasklint(
        &["check", "--format", "json", "testdata/rules/FL101-pyjwt1"],
        root,
    ));
    let two = json(&flasklint(
        &["check", "--format", "json", "testdata/rules/FL101-pyjwt2"],
        root,
    ));
    // PyJWT 1.x: the missing allow-list is exploitable, verify=False really skips the check.
    let fl101 = finding(&one, "FL101");
    assert_eq!(fl101["severity"], "critical");
    assert!(fl101["message"].as_str().unwrap_or("").contains("PyJWT 1.x, which `PyJWT==1.7.1` at testdata/rules/FL101-pyjwt1/requirements.txt:4 allows"), "{fl101}");
    let fl102 = finding(&one, "FL102");
    assert_eq!(fl102["severity"], "critical");
    assert!(
        fl102["message"]
            .as_str()
            .unwrap_or("")
            .contains("never checked"),
        "{fl102}"
    );
    // PyJWT 2.x: the same lines are a crash and a no-op, still reported, at low severity.
    let fl101 = finding(&two, "FL101");
    assert_eq!(fl101["severity"], "low");
    assert_eq!(fl101["level"], "note");
    assert!(
        fl101["message"]
            .as_str()
            .unwrap_or("")
            .contains("raises `DecodeError` on every call"),
        "{fl101}"
    );
    let fl102 = finding(&two, "FL102");
    assert_eq!(fl102["severity"], "low");
    assert!(
        fl102["message"]
            .as_str()
            .unwrap_or("")
            .contains("ignores: the signature is still checked"),
        "{fl102}"
    );
    // Same lines, same fingerprints: a baseline survives a PyJWT upgrade.
    assert_eq!(finding(&one, "FL101")["line"], fl101["line"]);
}

#[test]
fn without_dependency_information_the_message_says_the_version_is_unknown() {
    let dir = project(&[("app.py", BAD)]);
    let report = json(&flasklint(&["check", "--format", "json", "."], dir.path()));
    let fl101 = finding(&report, "FL101");
    assert_eq!(fl101["severity"], "high");
    assert!(
        fl101["message"]
            .as_str()
            .unwrap_or("")
            .ends_with("the PyJWT version in use is unknown"),
        "{fl101}"
    );
}

#[test]
fn a_severity_override_still_wins_over_the_version_aware_severity() {
    let dir = project(&[("app.py", BAD), ("requirements.txt", "PyJWT>=2.4\n")]);
    let report = json(&flasklint(
        &["check", "--format", "json", "--severity", "FL101=high", "."],
        dir.path(),
    ));
    assert_eq!(finding(&report, "FL101")["severity"], "high");
}

#[test]
fn fl501_findings_live_in_the_dependency_file_in_every_format() {
    let dir = project(&[
        ("app.py", "import jwt\n"),
        ("requirements.txt", "Flask>=3\nPyJWT==1.7.1\n"),
    ]);
    let report = json(&flasklint(&["check", "--format", "json", "."], dir.path()));
    let fl501 = finding(&report, "FL501");
    assert_eq!(fl501["path"], "requirements.txt");
    assert_eq!(fl501["line"], 2);
    assert_eq!(fl501["column"], 1);
    assert_eq!(fl501["end_column"], 13);
    assert!(
        fl501["help"]
            .as_str()
            .unwrap_or("")
            .starts_with("require `PyJWT>=2.4.0`"),
        "{fl501}"
    );

    let sarif = json(&flasklint(&["check", "--format", "sarif", "."], dir.path()));
    assert_valid_sarif(&sarif);
    let result = sarif["runs"][0]["results"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["ruleId"] == "FL501"))
        .expect("FL501 result");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "requirements.txt");
    assert_eq!(location["region"]["startLine"], 2);

    let text = stdout(&flasklint(&["check", "--color", "never", "."], dir.path()));
    assert!(text.contains("requirements.txt:2:1"), "{text}");
    assert!(text.contains("PyJWT==1.7.1"), "{text}");

    let github = stdout(&flasklint(
        &["check", "--format", "github", "."],
        dir.path(),
    ));
    assert!(github.contains("file=requirements.txt,line=2"), "{github}");
}

#[test]
fn fl501_is_silenced_by_a_comment_in_the_dependency_file_and_by_ignores() {
    let dir = project(&[
        ("app.py", "import jwt\n"),
        (
            "requirements.txt",
            "PyJWT==1.7.1  # noqa: FL501\npython-jose==3.3.0\n",
        ),
    ]);
    let report = json(&flasklint(&["check", "--format", "json", "."], dir.path()));
    let lines: Vec<i64> = findings(&report)
        .iter()
        .filter(|f| f["rule"] == "FL501")
        .filter_map(|f| f["line"].as_i64())
        .collect();
    assert_eq!(lines, vec![2]);
    let ignored = json(&flasklint(
        &[
            "check",
            "--format",
            "json",
            "--per-file-ignores",
            "requirements.txt:FL501",
            ".",
        ],
        dir.path(),
    ));
    assert!(findings(&ignored).iter().all(|f| f["rule"] != "FL501"));
    let unselected = json(&flasklint(
        &["check", "--format", "json", "--ignore", "FL5", "."],
        dir.path(),
    ));
    assert!(findings(&unselected).is_empty(), "{unselected:#}");
}

#[test]
fn a_malformed_manifest_is_an_error_with_file_and_line_and_other_findings_stay() {
    let dir = project(&[
        ("app.py", BAD),
        (
            "requirements.txt",
            "Flask>=3\nPyJWT=>1.0\npython-jose==3.3.0\n",
        ),
    ]);
    let output = flasklint(&["check", "--format", "json", "."], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = json(&output);
    let errors = report["errors"].as_array().expect("errors");
    assert!(
        errors.iter().any(|e| e["path"] == "requirements.txt"
            && e["line"] == 2
            && e["message"]
                .as_str()
                .unwrap_or("")
                .contains("`PyJWT=>1.0` is not a valid requirement")),
        "{report:#}"
    );
    let rules: Vec<&str> = findings(&report)
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(
        rules.contains(&"FL101") && rules.contains(&"FL501"),
        "{rules:?}"
    );
}

#[test]
fn deps_lists_the_tracked_packages_with_where_they_were_declared() {
    let dir = project(&[
        ("app/__init__.py", ""),
        (
            "requirements.txt",
            "-r requirements-base.txt\nPyJWT>=2,<3\nrequests\n",
        ),
        ("requirements-base.txt", "Flask==3.0.3\n"),
        (
            "poetry.lock",
            "[[package]]\nname = \"pyjwt\"\nversion = \"2.8.0\"\n",
        ),
    ]);
    let output = flasklint(&["deps", "--format", "json", "."], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = json(&output);
    let rows = rows.as_array().expect("rows");
    let packages: Vec<&str> = rows.iter().filter_map(|r| r["package"].as_str()).collect();
    assert_eq!(packages, vec!["PyJWT", "Flask"], "requests is not tracked");
    assert_eq!(rows[0]["allowed"], "2.8.0 (locked)");
    assert_eq!(rows[0]["declarations"][0]["path"], "requirements.txt");
    assert_eq!(rows[0]["declarations"][0]["line"], 2);
    assert_eq!(rows[0]["declarations"][1]["path"], "poetry.lock");
    assert_eq!(rows[1]["declarations"][0]["path"], "requirements-base.txt");

    let text = stdout(&flasklint(&["deps", "."], dir.path()));
    assert!(text.starts_with("PROJECT"), "{text}");
    assert!(text.contains("requirements.txt:2 `PyJWT>=2,<3`"), "{text}");

    write(dir.path(), "requirements.txt", "PyJWT>=>2\n");
    let broken = flasklint(&["deps", "."], dir.path());
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("requirements.txt:1:"),
        "{}",
        stderr(&broken)
    );
}
