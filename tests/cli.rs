//! The `flasklint` binary as users and CI run it: exit codes, formats, bad input.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn flasklint(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    })
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, text).expect("write");
}

const BAD: &str = "import jwt\n\ndef who(token, key):\n    return jwt.decode(token, key, audience='api', issuer='auth')\n";
const CLEAN: &str = "import jwt\n\ndef who(token, key):\n    return jwt.decode(token, key, algorithms=['HS256'], audience='api', issuer='auth')\n";

#[test]
fn exit_codes_are_0_clean_1_findings_2_usage() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "clean.py", CLEAN);
    write(dir.path(), "bad.py", BAD);
    assert_eq!(
        flasklint(&["check", "clean.py"], dir.path()).status.code(),
        Some(0)
    );
    assert_eq!(
        flasklint(&["check", "bad.py"], dir.path()).status.code(),
        Some(1)
    );
    let missing = flasklint(&["check", "nope.py"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("nope.py: no such file or directory")
    );
    assert_eq!(
        flasklint(&["check", "--format", "yaml", "."], dir.path())
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        flasklint(&["rule", "FL999"], dir.path()).status.code(),
        Some(2)
    );
    let empty = tempfile::tempdir().expect("tmp");
    assert_eq!(
        flasklint(&["check", "."], empty.path()).status.code(),
        Some(2)
    );
}

#[test]
fn json_report_has_the_documented_shape() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "bad.py", BAD);
    let output = flasklint(&["check", "--format", "json", "bad.py"], dir.path());
    let report = json(&output);
    assert_eq!(report["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(
        report["summary"],
        serde_json::json!({"files_checked": 1, "files_parsed": 1, "findings": 1, "errors": 0})
    );
    let finding = &report["findings"][0];
    assert_eq!(finding["rule"], "FL101");
    assert_eq!(finding["name"], "jwt-decode-without-algorithms");
    assert_eq!(finding["severity"], "high");
    assert_eq!(finding["path"], "bad.py");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(4), Some(12))
    );
    assert_eq!(
        (finding["end_line"].as_u64(), finding["end_column"].as_u64()),
        (Some(4), Some(22))
    );
    assert_eq!(
        finding["message"],
        "`jwt.decode` is called without `algorithms=`: PyJWT 1.x then accepts (and PyJWT 2.x raises on every call) whatever `alg` the token's header names; the PyJWT version in use is unknown"
    );
    // No signing algorithm anywhere in this project: help, but no guessed edit.
    assert_eq!(finding["fix"], serde_json::Value::Null);
}

#[test]
fn fix_uses_the_algorithm_the_project_signs_with_and_says_where() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "pkg/__init__.py", "");
    write(
        dir.path(),
        "pkg/tokens.py",
        "import jwt\n\ndef issue(claims, key):\n    return jwt.encode({**claims}, key, algorithm='RS256')\n",
    );
    write(dir.path(), "pkg/auth.py", BAD);
    let report = json(&flasklint(
        &["check", "--format", "json", "pkg"],
        dir.path(),
    ));
    let fix = &report["findings"][0]["fix"];
    assert_eq!(
        fix["description"],
        "add `algorithms=[\"RS256\"]` (jwt.encode at pkg/tokens.py:4 signs with RS256)"
    );
    assert_eq!(
        fix["edits"],
        serde_json::json!([{"line": 4, "column": 64, "end_line": 4, "end_column": 64, "content": ", algorithms=[\"RS256\"]"}])
    );
}

#[test]
fn a_syntax_error_does_not_hide_findings_in_the_same_or_other_files() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "broken.py",
        format!("def oops(:\n    pass\n\n{BAD}"),
    );
    write(dir.path(), "other.py", BAD);
    let output = flasklint(&["check", "--format", "json", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let errors = report["errors"].as_array().expect("errors array");
    assert!(!errors.is_empty());
    assert_eq!(errors[0]["path"], "broken.py");
    assert_eq!(errors[0]["line"], 1);
    let places: Vec<(String, u64)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(
        places,
        vec![("broken.py".to_string(), 7), ("other.py".to_string(), 4)]
    );
}

#[test]
fn unreadable_input_is_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "latin.py", b"x = 1\ns = '\xe9'\n");
    write(dir.path(), "bad.py", BAD);
    write(
        dir.path(),
        "deep.py",
        // Imports PyJWT so that the pre-check does not skip it: it must be parsed to be refused.
        format!("import jwt\nx = {}1\n", "-".repeat(60_000)),
    );
    let output = flasklint(&["check", "--format", "json", "."], dir.path());
    let report = json(&output);
    let errors: Vec<String> = report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            format!(
                "{}: {}",
                e["path"].as_str().unwrap_or(""),
                e["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("deep.py: nests expressions about"),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with("latin.py: not valid UTF-8 (invalid byte at offset 11, line 2)"),
        "{errors:?}"
    );
    assert_eq!(report["summary"]["findings"], 1);
}

#[test]
fn deep_nesting_is_parsed_without_overflowing() {
    let dir = tempfile::tempdir().expect("tmp");
    let depth = 5_000;
    write(
        dir.path(),
        "nested.py",
        format!(
            "x = {}1{}\ny = {}1\n{BAD}",
            "(".repeat(depth),
            ")".repeat(depth),
            "-".repeat(depth)
        ),
    );
    let output = flasklint(&["check", "--format", "json", "nested.py"], dir.path());
    let report = json(&output);
    assert_eq!(report["errors"], serde_json::json!([]));
    assert_eq!(report["findings"][0]["line"], 6);
}

/// gennis's layout: the app module star-imports its views at the end, and the views import
/// names from the app module that only the star import could give it. Resolving the route's
/// rule followed the names round the cycle until the stack overflowed.
#[test]
fn modules_importing_names_from_each_other_are_analysed() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "app.py",
        "from flask import Flask\n\napp = Flask(__name__)\n\nfrom views import *\n",
    );
    write(
        dir.path(),
        "views.py",
        "from app import app, PREFIX, or_\n\n\n@app.route(PREFIX + \"/items\", methods=[\"POST\"])\ndef items():\n    app.db.session.commit()\n    return \"saved\"\n",
    );
    let output = flasklint(&["check", "--format", "json", "."], dir.path());
    assert!(
        output.status.code().is_some_and(|code| code < 2),
        "exit status {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let report = json(&output);
    assert_eq!(report["errors"], serde_json::json!([]));
}

#[test]
fn output_is_identical_with_one_thread_and_eight() {
    let one = flasklint(
        &["check", "--format", "json", "--threads", "1", "testdata"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    let eight = flasklint(
        &["check", "--format", "json", "--threads", "8", "testdata"],
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    assert_eq!(one.status.code(), Some(1));
    assert!(json(&one)["summary"]["findings"].as_u64().unwrap_or(0) > 10);
    assert_eq!(one.stdout, eight.stdout);
}

#[test]
fn default_excludes_and_exclude_globs_apply_to_walks_not_to_named_files() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "app/bad.py", BAD);
    write(dir.path(), "app/.venv/lib/bad.py", BAD);
    write(dir.path(), "app/build/bad.py", BAD);
    write(dir.path(), "app/legacy/bad.py", BAD);
    let report = json(&flasklint(
        &["check", "--format", "json", "--exclude", "legacy", "app"],
        dir.path(),
    ));
    let paths: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths, vec!["app/bad.py"]);
    let named = json(&flasklint(
        &[
            "check",
            "--format",
            "json",
            "--exclude",
            "legacy",
            "app/legacy/bad.py",
        ],
        dir.path(),
    ));
    assert_eq!(named["summary"]["findings"], 1);
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed_out_of_the_tree() {
    let outside = tempfile::tempdir().expect("tmp");
    write(outside.path(), "secret.py", BAD);
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "app/ok.py", CLEAN);
    std::os::unix::fs::symlink(outside.path(), dir.path().join("app/linked")).expect("symlink");
    std::os::unix::fs::symlink(
        outside.path().join("secret.py"),
        dir.path().join("app/link.py"),
    )
    .expect("symlink");
    std::os::unix::fs::symlink(dir.path().join("app"), dir.path().join("app/loop"))
        .expect("symlink");
    let output = flasklint(&["check", "--format", "json", "app"], dir.path());
    let report = json(&output);
    assert_eq!(
        report["summary"],
        serde_json::json!({"files_checked": 1, "files_parsed": 1, "findings": 0, "errors": 0})
    );
    let named = flasklint(&["check", "--format", "json", "app/link.py"], dir.path());
    let named = json(&named);
    assert_eq!(
        named["errors"][0]["message"],
        "is a symlink to outside the current directory; not followed"
    );
}

#[test]
fn text_report_shows_code_snippet_help_and_summary() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "bad.py", BAD);
    let output = flasklint(&["check", "bad.py"], dir.path());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("FL101 jwt-decode-without-algorithms"),
        "{text}"
    );
    assert!(text.contains("[bad.py:4:12]"), "{text}");
    assert!(
        text.contains("return jwt.decode(token, key, audience='api', issuer='auth')"),
        "{text}"
    );
    assert!(text.contains("help: pass `algorithms=[...]`"), "{text}");
    assert!(
        text.ends_with("Found 1 finding (1 errors, 0 warnings, 0 notes) in 1 file.\n"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "no colour without a terminal");
}

#[test]
fn output_flag_writes_the_report_to_a_file() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "bad.py", BAD);
    let output = flasklint(
        &[
            "check",
            "--format",
            "json",
            "--output",
            "report.json",
            "bad.py",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let written: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("report.json")).expect("written"))
            .expect("JSON");
    assert_eq!(written["findings"][0]["rule"], "FL101");
}

#[test]
fn rules_and_rule_commands_list_and_document_every_rule() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = String::from_utf8_lossy(&flasklint(&["rules"], here).stdout).to_string();
    for (meta, _) in flasklint::rules::all() {
        assert!(
            table.contains(meta.id) && table.contains(meta.name),
            "{} missing from `flasklint rules`",
            meta.id
        );
        let doc = flasklint(&["rule", meta.id], here);
        assert_eq!(doc.status.code(), Some(0));
        let doc = String::from_utf8_lossy(&doc.stdout);
        assert!(doc.contains("## Why it matters"), "{}", meta.id);
    }
}

/// What pre-commit hands the hook besides Python files: manifests are read, other files are
/// passed over, and none of them is parsed as Python.
#[test]
fn named_files_that_are_not_python_are_read_as_manifests_settings_or_passed_over() {
    let dir = tempfile::tempdir().expect("tmp");
    fs::create_dir(dir.path().join(".git")).expect("marker");
    write(dir.path(), "requirements.txt", "PyJWT==1.7.1\n");
    write(dir.path(), "config.yaml", "jwt: {algorithm: none}\n");
    write(dir.path(), "settings.json", "{\"SECRET_KEY\": \"x\"}\n");
    write(dir.path(), ".env", "SECRET_KEY=changeme\n");
    write(dir.path(), "notes.txt", "import jwt; jwt.decode(t, k)\n");

    let output = flasklint(
        &[
            "check",
            "--format",
            "json",
            "requirements.txt",
            "config.yaml",
            "settings.json",
            ".env",
            "notes.txt",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let report = json(&output);
    assert_eq!(report["errors"], serde_json::json!([]), "{report:#}");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 2, "{report:#}");
    // A dotenv file is settings: its weak key is judged (see tests/settings_files.rs).
    assert_eq!(findings[0]["rule"], "FL302");
    assert_eq!(findings[0]["path"], ".env");
    assert_eq!(findings[1]["rule"], "FL501");
    assert_eq!(findings[1]["path"], "requirements.txt");
    let text = String::from_utf8_lossy(
        &flasklint(
            &["check", "--color", "never", "requirements.txt"],
            dir.path(),
        )
        .stdout,
    )
    .into_owned();
    assert!(text.contains("in 1 dependency manifest."), "{text}");

    // Nothing flasklint reads: a clean exit, with a word on stderr.
    let output = flasklint(&["check", "config.yaml", "notes.txt"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("nothing to check"),
        "{output:?}"
    );

    // A Python script without an extension is Python, as pre-commit's `python` type says.
    write(
        dir.path(),
        "manage",
        "#!/usr/bin/env python3\nimport jwt\n\ndef who(t, k):\n    return jwt.decode(t, k, audience='a', issuer='i')\n",
    );
    let report = json(&flasklint(
        &["check", "--format", "json", "--ignore", "FL501", "manage"],
        dir.path(),
    ));
    assert_eq!(report["findings"][0]["rule"], "FL101", "{report:#}");
    assert_eq!(report["findings"][0]["path"], "manage");
}
