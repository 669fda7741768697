//! `--fix`, `--unsafe-fixes` and `--diff` through the binary: fixes are written only when asked,
//! unsafe ones only with `--unsafe-fixes`, the fixed files still parse and lose their findings,
//! `--diff` writes nothing, and a fix that would break the syntax is refused.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use common::{flasklint, json, stderr, stdout, write};

/// A project that signs with HS256 and decodes without `algorithms=`: FL101 on line 7, with an
/// (unsafe) fix that adds `algorithms=["HS256"]`.
const SIGNS_HS256: &str = "import jwt\n\ndef mint(sub, key):\n    return jwt.encode({\"sub\": sub, \"exp\": 1}, key, algorithm=\"HS256\")\n\ndef read(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n";
const SIGNS_HS256_FIXED: &str = "import jwt\n\ndef mint(sub, key):\n    return jwt.encode({\"sub\": sub, \"exp\": 1}, key, algorithm=\"HS256\")\n\ndef read(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\", algorithms=[\"HS256\"])\n";

/// FL402: a response with two leaks (one finding, whose fix replaces both) and an f-string whose
/// only placeholder is the exception (replaced whole, in the statement's quotes).
const LEAKS_EXCEPTIONS: &str = "from flask import Flask, jsonify\n\napp = Flask(__name__)\n\n\n@app.errorhandler(Exception)\ndef handle(error):\n    return jsonify(error=str(error), args=error.args), 500\n\n\ndef create():\n    try:\n        save()\n    except Exception as e:\n        return {'message': f\"could not save: {e}\"}, 500\n";
const LEAKS_EXCEPTIONS_FIXED: &str = "from flask import Flask, jsonify\n\napp = Flask(__name__)\n\n\n@app.errorhandler(Exception)\ndef handle(error):\n    return jsonify(error=\"an internal error occurred\", args=\"an internal error occurred\"), 500\n\n\ndef create():\n    try:\n        save()\n    except Exception as e:\n        return {'message': 'an internal error occurred'}, 500\n";

/// FL404: flask-cors with credentials and the default `*` origin gets its origins from the
/// environment (and `import os`); hand-set `*` with credentials loses the credentials header.
const CORS_ANY_ORIGIN: &str = "from flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app, supports_credentials=True)\n\n\ndef add_headers(response):\n    response.headers[\"Access-Control-Allow-Origin\"] = \"*\"\n    response.headers[\"Access-Control-Allow-Credentials\"] = \"true\"\n    return response\n";
const CORS_ANY_ORIGIN_FIXED: &str = "import os\nfrom flask import Flask\nfrom flask_cors import CORS\n\napp = Flask(__name__)\nCORS(app, supports_credentials=True, origins=os.environ[\"CORS_ORIGINS\"].split(\",\"))\n\n\ndef add_headers(response):\n    response.headers[\"Access-Control-Allow-Origin\"] = \"*\"\n    return response\n";

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("readable").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file under `dir` with its contents, to tell whether anything changed.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("readable").flatten() {
            if entry.path().is_dir() {
                stack.push(entry.path());
            } else {
                files.insert(entry.path(), fs::read(entry.path()).expect("read"));
            }
        }
    }
    files
}

/// A scratch copy of every fixture (`testdata/rules` and `testdata/apps`) under `testdata/`.
fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_tree(&root.join("testdata"), &dir.path().join("testdata"));
    dir
}

fn report(args: &[&str], cwd: &Path) -> serde_json::Value {
    let mut all = vec!["check", "--isolated", "--format", "json"];
    all.extend_from_slice(args);
    let output = flasklint(&all, cwd);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "exit {:?}: {}",
        output.status.code(),
        stderr(&output)
    );
    json(&output)
}

/// (path, rule) -> how many findings, and how many of them carry a fix.
fn counts(report: &serde_json::Value) -> BTreeMap<(String, String), (usize, usize)> {
    let mut counts = BTreeMap::new();
    for finding in report["findings"].as_array().expect("findings") {
        let key = (
            finding["path"].as_str().expect("path").to_string(),
            finding["rule"].as_str().expect("rule").to_string(),
        );
        let entry = counts.entry(key).or_insert((0, 0));
        entry.0 += 1;
        entry.1 += usize::from(!finding["fix"].is_null());
    }
    counts
}

#[test]
fn fix_on_the_fixtures_removes_the_fixed_findings_and_every_file_still_parses() {
    let dir = fixture_copy();
    let before = report(&["testdata"], dir.path());
    let fixable = before["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| !f["fix"].is_null())
        .count();
    assert!(fixable > 0, "no fixture finding carries a fix");

    let output = flasklint(
        &[
            "check",
            "--isolated",
            "--fix",
            "--unsafe-fixes",
            "--format",
            "json",
            "testdata",
        ],
        dir.path(),
    );
    let fixed_report = json(&output);
    let summary = stderr(&output);
    assert!(
        summary.contains(&format!("Fixed {fixable} findings in ")),
        "{summary}"
    );
    assert!(!summary.contains("skipped"), "{summary}");
    assert!(!summary.contains("not applied"), "{summary}");

    // The report printed after fixing is a fresh check of the fixed files.
    let after = report(&["testdata"], dir.path());
    assert_eq!(fixed_report["findings"], after["findings"]);
    assert_eq!(
        after["errors"],
        serde_json::json!([]),
        "fixed files must parse"
    );
    let remaining = after["findings"].as_array().expect("findings").len();
    assert!(
        summary.contains(&format!("; {remaining} remaining")),
        "{summary}"
    );

    // Every fixed finding is gone. A fix may change what other rules see (FL102's fix makes a
    // decode verify, which FL105 then inspects), so only the fixed rules are counted.
    let after_counts = counts(&after);
    for (key, (total, with_fix)) in counts(&before) {
        if with_fix == 0 {
            continue;
        }
        let left = after_counts.get(&key).map_or(0, |c| c.0);
        assert!(
            left <= total - with_fix,
            "{key:?}: {total} findings, {with_fix} fixed, {left} remain"
        );
    }
    assert!(
        after_counts.values().all(|c| c.1 == 0),
        "a fixable finding remains after --fix --unsafe-fixes"
    );
}

#[test]
fn diff_prints_a_unified_diff_and_changes_nothing() {
    let dir = fixture_copy();
    let untouched = snapshot(dir.path());
    let output = flasklint(
        &[
            "check",
            "--isolated",
            "--diff",
            "--unsafe-fixes",
            "testdata",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let diff = stdout(&output);
    assert!(diff.contains("\n+++ testdata/"), "{diff}");
    assert!(diff.starts_with("--- testdata/"), "{diff}");
    assert!(diff.contains("\n@@ -"), "{diff}");
    assert!(diff.contains("algorithms=[\"HS256\"]"), "{diff}");
    assert!(
        stderr(&output).contains("Would fix "),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(dir.path()), untouched, "--diff must not write");
}

#[test]
fn diff_of_one_fix_is_exact_and_exits_0_when_there_is_nothing_to_fix() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "auth.py", SIGNS_HS256);
    let output = flasklint(
        &["check", "--isolated", "--diff", "--unsafe-fixes", "auth.py"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "--- auth.py\n+++ auth.py\n@@ -4,4 +4,4 @@\n     return jwt.encode({\"sub\": sub, \"exp\": 1}, key, algorithm=\"HS256\")\n \n def read(token, key):\n-    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n+    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\", algorithms=[\"HS256\"])\n"
    );
    assert!(stderr(&output).contains("Would fix 1 finding in 1 file"));

    write(dir.path(), "auth.py", SIGNS_HS256_FIXED);
    let output = flasklint(
        &["check", "--isolated", "--diff", "--unsafe-fixes", "auth.py"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");
}

#[test]
fn unsafe_fixes_need_unsafe_fixes() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "auth.py", SIGNS_HS256);
    let before = report(&["auth.py"], dir.path());
    assert_eq!(
        before["findings"][0]["fix"]["applicability"], "unsafe",
        "{before}"
    );

    // --fix alone applies only safe fixes: nothing changes, and the run says what it left.
    let output = flasklint(&["check", "--isolated", "--fix", "auth.py"], dir.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("Fixed 0 findings in 0 files; 1 remaining (1 more fix with --unsafe-fixes)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("auth.py")).expect("read"),
        SIGNS_HS256
    );
    let output = flasklint(&["check", "--isolated", "--diff", "auth.py"], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "");

    let output = flasklint(
        &["check", "--isolated", "--fix", "--unsafe-fixes", "auth.py"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("Fixed 1 finding in 1 file; 0 remaining"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("auth.py")).expect("read"),
        SIGNS_HS256_FIXED
    );

    // Without --fix or --diff, --unsafe-fixes would do nothing: a usage error says so.
    let output = flasklint(
        &["check", "--isolated", "--unsafe-fixes", "auth.py"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn suppressed_findings_are_not_fixed() {
    let dir = tempfile::tempdir().expect("tmp");
    let suppressed = SIGNS_HS256.replace("issuer=\"auth\")\n", "issuer=\"auth\")  # noqa: FL101\n");
    write(dir.path(), "auth.py", &suppressed);
    let output = flasklint(
        &["check", "--isolated", "--fix", "--unsafe-fixes", "auth.py"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("auth.py")).expect("read"),
        suppressed
    );
}

#[test]
fn a_fix_that_would_break_the_syntax_is_refused() {
    // FL101's fix appends `algorithms=` to the call, which is not valid Python after an
    // unparenthesised generator expression: the file must stay as it was.
    let dir = tempfile::tempdir().expect("tmp");
    let text = "import jwt\n\ndef mint(sub, key):\n    return jwt.encode({\"sub\": sub, \"exp\": 1}, key, algorithm=\"HS256\")\n\ndef read_all(tokens):\n    return jwt.decode(t for t in tokens)\n";
    write(dir.path(), "auth.py", text);
    let output = flasklint(
        &["check", "--isolated", "--fix", "--unsafe-fixes", "auth.py"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("flasklint: auth.py: fix not applied: it would break the syntax"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("Fixed 0 findings in 0 files"));
    assert_eq!(
        fs::read_to_string(dir.path().join("auth.py")).expect("read"),
        text
    );
    let output = flasklint(
        &["check", "--isolated", "--diff", "--unsafe-fixes", "auth.py"],
        dir.path(),
    );
    assert_eq!(stdout(&output), "");
    assert!(stderr(&output).contains("it would break the syntax"));
}

/// Runs `--fix --unsafe-fixes` on one file holding `text` and checks it becomes `fixed`, with
/// every finding of `rule` fixed by an unsafe fix and none left.
fn assert_fixed_to(rule: &str, text: &str, fixed: &str, findings: usize) {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "app.py", text);
    let before = report(&["app.py"], dir.path());
    let of_rule: Vec<&serde_json::Value> = before["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect();
    assert_eq!(of_rule.len(), findings, "{before}");
    assert!(
        of_rule
            .iter()
            .all(|f| f["fix"]["applicability"] == "unsafe"),
        "{before}"
    );
    let output = flasklint(
        &["check", "--isolated", "--fix", "--unsafe-fixes", "app.py"],
        dir.path(),
    );
    assert!(
        stderr(&output).contains(&format!("Fixed {findings} findings in 1 file; 0 remaining")),
        "{}",
        stderr(&output)
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("app.py")).expect("read"),
        fixed
    );
}

#[test]
fn exception_details_are_replaced_with_a_generic_message() {
    assert_fixed_to("FL402", LEAKS_EXCEPTIONS, LEAKS_EXCEPTIONS_FIXED, 2);
}

#[test]
fn cors_origins_come_from_the_environment_and_refused_credentials_go() {
    assert_fixed_to("FL404", CORS_ANY_ORIGIN, CORS_ANY_ORIGIN_FIXED, 2);
}
