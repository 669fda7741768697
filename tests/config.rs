//! Configuration files and the flags that mirror them: discovery (nearest wins, `--config`,
//! `--isolated`), every key, CLI precedence, and errors that name file, line and key.

mod common;

use std::path::Path;

use common::{BAD, flasklint, json, rule_ids, stderr, stdout, write};

/// FL101 and FL105 on line 4 (no algorithms, no audience/issuer).
const BOTH: &str = "import jwt\n\ndef who(token, key):\n    return jwt.decode(token, key)\n";
/// FL105 only: a medium-severity finding.
const MEDIUM: &str =
    "import jwt\n\ndef who(token, key):\n    return jwt.decode(token, key, algorithms=['HS256'])\n";

fn ids(args: &[&str], cwd: &Path) -> Vec<String> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = flasklint(&all, cwd);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        output.status.code(),
        stderr(&output)
    );
    let mut ids = rule_ids(&json(&output));
    ids.dedup();
    ids
}

#[test]
fn pyproject_is_found_from_a_subdirectory() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "pyproject.toml",
        "[project]\nname = \"x\"\n\n[tool.flasklint]\nselect = [\"FL105\"]\n",
    );
    write(dir.path(), "app/auth.py", BOTH);
    assert_eq!(ids(&["auth.py"], &dir.path().join("app")), vec!["FL105"]);
    assert_eq!(ids(&["app"], dir.path()), vec!["FL105"]);
    assert_eq!(ids(&["app/auth.py"], dir.path()), vec!["FL105"]);
}

#[test]
fn the_nearest_file_wins_and_dotfile_beats_plain_beats_pyproject() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "flasklint.toml", "select = [\"FL101\"]\n");
    write(dir.path(), "sub/flasklint.toml", "select = [\"FL105\"]\n");
    write(dir.path(), "sub/auth.py", BOTH);
    write(dir.path(), "auth.py", BOTH);
    assert_eq!(ids(&["sub"], dir.path()), vec!["FL105"]);
    assert_eq!(ids(&["auth.py"], dir.path()), vec!["FL101"]);
    // Both paths: their common directory's configuration.
    assert_eq!(ids(&["auth.py", "sub/auth.py"], dir.path()), vec!["FL101"]);

    write(
        dir.path(),
        "sub/.flasklint.toml",
        "select = [\"FL1\"]\nignore = [\"FL105\"]\n",
    );
    write(
        dir.path(),
        "sub/pyproject.toml",
        "[tool.flasklint]\nselect = [\"FL105\"]\n",
    );
    assert_eq!(ids(&["sub"], dir.path()), vec!["FL101"]);
}

#[test]
fn a_pyproject_without_our_table_is_passed_over() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "flasklint.toml", "select = [\"FL105\"]\n");
    // Not even valid TOML, but it does not concern flasklint.
    write(
        dir.path(),
        "app/pyproject.toml",
        "[tool.black\nline-length = 100\n",
    );
    write(dir.path(), "app/auth.py", BOTH);
    assert_eq!(ids(&["app"], dir.path()), vec!["FL105"]);
}

#[test]
fn config_flag_and_isolated() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "flasklint.toml", "select = [\"FL105\"]\n");
    write(dir.path(), "ci/strict.toml", "select = [\"FL101\"]\n");
    write(dir.path(), "auth.py", BOTH);
    assert_eq!(ids(&["auth.py"], dir.path()), vec!["FL105"]);
    assert_eq!(
        ids(&["--config", "ci/strict.toml", "auth.py"], dir.path()),
        vec!["FL101"]
    );
    assert_eq!(
        ids(&["--isolated", "auth.py"], dir.path()),
        vec!["FL101", "FL105"]
    );
    let missing = flasklint(&["check", "--config", "nope.toml", "auth.py"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nope.toml: cannot be read"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn command_line_flags_override_the_file() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "flasklint.toml",
        "select = [\"FL105\"]\nignore = [\"FL106\"]\n",
    );
    write(dir.path(), "auth.py", BOTH);
    assert_eq!(
        ids(&["--select", "FL101", "auth.py"], dir.path()),
        vec!["FL101"]
    );
    assert_eq!(
        ids(
            &["--select", "ALL", "--ignore", "FL105", "auth.py"],
            dir.path()
        ),
        vec!["FL101"]
    );
    assert_eq!(
        ids(
            &["--select", "jwt-decode-without-algorithms,FL105", "auth.py"],
            dir.path()
        ),
        vec!["FL101", "FL105"]
    );
    let bad = flasklint(&["check", "--select", "FL999", "auth.py"], dir.path());
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("--select: no rule `FL999`"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn per_file_ignores_are_relative_to_the_configuration() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "pyproject.toml",
        "[tool.flasklint.per-file-ignores]\n\"scripts/**\" = [\"FL101\", \"FL105\"]\n\"legacy_*.py\" = [\"FL105\"]\n",
    );
    // Not `tests/`: test code is never reported, per-file-ignores or not.
    write(dir.path(), "scripts/unit/rotate_keys.py", BOTH);
    write(dir.path(), "app/legacy_auth.py", BOTH);
    write(dir.path(), "app/auth.py", BOTH);
    let report = json(&flasklint(&["check", "--format", "json", "."], dir.path()));
    let found: Vec<(String, String)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("app/auth.py".into(), "FL101".into()),
            ("app/auth.py".into(), "FL105".into()),
            ("app/legacy_auth.py".into(), "FL101".into()),
        ]
    );
    // The same from inside `app/`: globs stay anchored at the configuration's directory.
    assert_eq!(
        ids(&["."], &dir.path().join("scripts")),
        Vec::<String>::new()
    );
    // `--per-file-ignores` replaces the file's table.
    assert_eq!(
        ids(
            &["--per-file-ignores", "auth.py:FL1", "app/auth.py"],
            dir.path()
        ),
        Vec::<String>::new()
    );
}

#[test]
fn severity_overrides_change_level_in_every_format() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "flasklint.toml",
        "[severity]\nFL105 = \"low\"\n",
    );
    write(dir.path(), "auth.py", MEDIUM);
    let report = json(&flasklint(
        &["check", "--format", "json", "auth.py"],
        dir.path(),
    ));
    assert_eq!(report["findings"][0]["severity"], "low");
    assert_eq!(report["findings"][0]["level"], "note");

    let github = stdout(&flasklint(
        &["check", "--format", "github", "auth.py"],
        dir.path(),
    ));
    assert!(github.starts_with("::notice file=auth.py,"), "{github}");

    let output = flasklint(&["check", "--format", "sarif", "auth.py"], dir.path());
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF");
    common::assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"][0]["level"], "note");
    let rule = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|r| r["id"] == "FL105")
        .expect("FL105")
        .clone();
    assert_eq!(rule["defaultConfiguration"]["level"], "note");
    assert_eq!(rule["properties"]["security-severity"], "3.0");

    // The flag wins over the file.
    let report = json(&flasklint(
        &[
            "check",
            "--format",
            "json",
            "--severity",
            "FL105=critical",
            "auth.py",
        ],
        dir.path(),
    ));
    assert_eq!(report["findings"][0]["severity"], "critical");
}

#[test]
fn fail_on_sets_the_lowest_severity_that_fails() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "flasklint.toml", "fail-on = \"high\"\n");
    write(dir.path(), "medium.py", MEDIUM);
    write(dir.path(), "high.py", BAD);
    let medium = flasklint(&["check", "--format", "json", "medium.py"], dir.path());
    assert_eq!(medium.status.code(), Some(0), "reported, but below fail-on");
    assert_eq!(rule_ids(&json(&medium)), vec!["FL105"]);
    assert_eq!(
        flasklint(&["check", "high.py"], dir.path()).status.code(),
        Some(1)
    );
    assert_eq!(
        flasklint(&["check", "--fail-on", "medium", "medium.py"], dir.path())
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        flasklint(&["check", "--fail-on", "critical", "high.py"], dir.path())
            .status
            .code(),
        Some(0)
    );
    // A file that cannot be analysed still fails the run.
    write(dir.path(), "broken.py", "def f(:\n");
    assert_eq!(
        flasklint(&["check", "medium.py", "broken.py"], dir.path())
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn exclude_extend_exclude_and_include_tests() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "flasklint.toml",
        "exclude = [\"legacy\"]\nextend-exclude = [\"*_generated.py\"]\ninclude-tests = true\n",
    );
    write(dir.path(), "legacy/old.py", BAD);
    write(dir.path(), "app/api_generated.py", BAD);
    write(dir.path(), "app/vendored/x.py", BAD);
    write(dir.path(), "app/kept.py", "x = 1\n");
    let paths = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--format", "json"];
        all.extend_from_slice(args);
        all.push(".");
        let report = json(&flasklint(&all, dir.path()));
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| f["path"].as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(paths(&[]), vec!["app/vendored/x.py"]);
    // `--exclude` replaces `exclude`; `extend-exclude` still applies, and so does the flag's.
    assert_eq!(paths(&["--exclude", "vendored"]), vec!["legacy/old.py"]);
    assert_eq!(
        paths(&["--extend-exclude", "vendored"]),
        Vec::<String>::new()
    );
}

#[test]
fn include_tests_reports_literal_secrets_in_test_code() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "tests/test_app.py",
        "from app import create_app\n\napp = create_app()\napp.config[\"SECRET_KEY\"] = \"Zq3vN8rT1xK6wP2mB9cL5hJ7dF4gS0aY\"\n",
    );
    // Test suites are full of throwaway keys: silent by default.
    assert_eq!(ids(&["--isolated", "."], dir.path()), Vec::<String>::new());
    assert_eq!(
        ids(&["--isolated", "--include-tests", "."], dir.path()),
        vec!["FL301"]
    );
    write(dir.path(), "flasklint.toml", "include-tests = true\n");
    assert_eq!(ids(&["."], dir.path()), vec!["FL301"]);
}

#[test]
fn bad_configuration_is_a_usage_error_naming_file_line_and_key() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "auth.py", BOTH);
    let cases = [
        (
            "[tool.flasklint]\nselect = [\"FL101\"]\nselcet = [\"FL105\"]\n",
            "pyproject.toml:3: key `tool.flasklint.selcet`: unknown key",
        ),
        (
            "[tool.flasklint]\nfail-on = \"severe\"\n",
            "pyproject.toml:2: key `tool.flasklint.fail-on`: unknown severity `severe`",
        ),
        (
            "[tool.flasklint]\n\n[tool.flasklint.severity]\nFL105 = 3\n",
            "pyproject.toml:4: key `tool.flasklint.severity.FL105`: must be a severity string",
        ),
        (
            "[tool.flasklint]\nper-file-ignores = { \"tests/*\" = [\"FL9\"] }\n",
            "pyproject.toml:2: key `tool.flasklint.per-file-ignores.\"tests/*\"`: no rule `FL9`",
        ),
        (
            "[tool.flasklint]\ninclude-tests = \"yes\"\n",
            "pyproject.toml:2: key `tool.flasklint.include-tests`: must be true or false",
        ),
    ];
    for (text, expected) in cases {
        write(dir.path(), "pyproject.toml", text);
        let output = flasklint(&["check", "auth.py"], dir.path());
        assert_eq!(output.status.code(), Some(2), "{text}");
        let message = stderr(&output);
        assert!(
            message.contains(expected),
            "{text}\nexpected {expected:?} in:\n{message}"
        );
    }
}

#[test]
fn routes_reads_the_configuration_as_check_does() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "pyproject.toml",
        "[tool.flasklint]\nexclude = [\"legacy\"]\n",
    );
    let app = "from flask import Flask\napp = Flask(__name__)\n\n@app.get(\"/notes\")\ndef notes():\n    return \"\"\n";
    write(dir.path(), "app.py", app);
    write(dir.path(), "legacy/old.py", app);
    let configured = stdout(&flasklint(&["routes", "."], dir.path()));
    assert!(
        configured.ends_with("1 routes, 1 without authentication.\n"),
        "{configured}"
    );
    let isolated = stdout(&flasklint(&["routes", "--isolated", "."], dir.path()));
    assert!(
        isolated.ends_with("2 routes, 2 without authentication.\n"),
        "{isolated}"
    );
}
