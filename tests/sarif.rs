//! `--format sarif`: every log validates against the official SARIF 2.1.0 schema and GitHub's
//! upload rules; a golden file pins the shape; fingerprints survive unrelated edits.
//!
//! The golden file is `tests/golden/sarif-project.sarif`, rendered from the small project under
//! `tests/golden/sarif-project/`. After an intended change regenerate it with
//! `FLASKLINT_BLESS=1 cargo test --test sarif` and review the diff.

mod common;

use std::path::Path;

use common::{BAD, CLEAN, assert_valid_sarif, compare_golden as compare, flasklint, stderr, write};
use serde_json::{Value, json};

fn sarif(args: &[&str], cwd: &Path) -> (Option<i32>, Value) {
    let mut all = vec!["check", "--format", "sarif"];
    all.extend_from_slice(args);
    let output = flasklint(&all, cwd);
    let log: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {}", stderr(&output)));
    assert_valid_sarif(&log);
    (output.status.code(), log)
}

fn results(log: &Value) -> Vec<Value> {
    log["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn fingerprint(result: &Value) -> String {
    result["partialFingerprints"]["primaryLocationLineHash"]
        .as_str()
        .expect("fingerprint")
        .to_string()
}

#[test]
fn sarif_of_every_fixture_validates_against_the_schema_and_githubs_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [
        "testdata/rules",
        "testdata/apps",
        "tests/golden/sarif-project",
    ] {
        let (code, log) = sarif(&[dir], root);
        assert_eq!(code, Some(1), "{dir}");
        assert!(!results(&log).is_empty(), "{dir}: no results");
    }
}

#[test]
fn sarif_report_matches_the_golden_file() {
    let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/sarif-project");
    // Only the rules the project was written for: rules added later must not change this file.
    let (code, mut log) = sarif(&["--select", "FL101,FL102,FL105", "."], &project);
    assert_eq!(code, Some(1));
    let run = &mut log["runs"][0];
    // Pinned elsewhere and changed by every new rule or edited document: the catalogue is
    // checked against `rules/` below; the golden file keeps the first descriptor's shape.
    let rules = run["tool"]["driver"]["rules"].take();
    let mut first = rules[0].clone();
    for field in [
        "/fullDescription/text",
        "/help/text",
        "/help/markdown",
        "/shortDescription/text",
    ] {
        if let Some(value) = first.pointer_mut(field) {
            *value = json!("[from rules/FL101.md]");
        }
    }
    run["tool"]["driver"]["rules"] = json!([first, "[... one descriptor per rule]"]);
    run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = json!("file:///[SRCROOT]/");
    let text = serde_json::to_string_pretty(&log)
        .expect("serialises")
        .replace(
            &format!("\"{}\"", env!("CARGO_PKG_VERSION")),
            "\"[VERSION]\"",
        );
    compare("sarif-project.sarif", &(text + "\n"));
}

#[test]
fn rules_come_from_the_rule_documents() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "clean.py", CLEAN);
    let (code, log) = sarif(&["clean.py"], dir.path());
    assert_eq!(code, Some(0), "a clean run is still a valid log");
    assert_eq!(results(&log), Vec::<Value>::new());
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .clone();
    let all = flasklint::rules::all();
    assert_eq!(rules.len(), all.len(), "every rule is listed");
    for (rule, (meta, _)) in rules.iter().zip(all) {
        assert_eq!(rule["id"], meta.id);
        assert_eq!(rule["name"], meta.name);
        assert_eq!(rule["shortDescription"]["text"], meta.summary);
        assert_eq!(rule["help"]["markdown"], meta.body);
        assert_eq!(rule["help"]["text"], meta.body);
        assert_eq!(
            rule["helpUri"],
            format!(
                "https://github.com/flasklint/flasklint/blob/main/rules/{}.md",
                meta.id
            )
        );
        assert_eq!(
            rule["defaultConfiguration"]["level"],
            meta.severity.level().as_str()
        );
        assert_eq!(rule["properties"]["precision"], meta.precision);
        let mut tags = vec!["security".to_string()];
        tags.extend(meta.cwe.iter().map(|c| format!("external/cwe/cwe-{c}")));
        assert_eq!(rule["properties"]["tags"], json!(tags));
        let expected_score = match meta.severity.as_str() {
            "critical" => "9.5",
            "high" => "8.0",
            "medium" => "5.5",
            _ => "3.0",
        };
        assert_eq!(rule["properties"]["security-severity"], expected_score);
        let full = rule["fullDescription"]["text"].as_str().expect("text");
        let first_words: String = full
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            meta.body
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&first_words),
            "{}: fullDescription is not from the document: {full}",
            meta.id
        );
    }
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "flasklint");
    assert_eq!(driver["semanticVersion"], env!("CARGO_PKG_VERSION"));
    assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
}

#[test]
fn results_carry_location_level_fingerprint_and_fix() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "pkg/__init__.py", "");
    write(
        dir.path(),
        "pkg/tokens.py",
        "import jwt\n\ndef issue(claims, key):\n    return jwt.encode({**claims}, key, algorithm='RS256')\n",
    );
    write(dir.path(), "pkg/auth.py", BAD);
    let (code, log) = sarif(&["pkg"], dir.path());
    assert_eq!(code, Some(1));
    let results = results(&log);
    assert_eq!(results.len(), 1, "{results:?}");
    let result = &results[0];
    assert_eq!(result["ruleId"], "FL101");
    assert_eq!(result["ruleIndex"], 0);
    assert_eq!(result["level"], "error");
    assert_eq!(
        result["locations"][0]["physicalLocation"],
        json!({
            "artifactLocation": {"uri": "pkg/auth.py", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 4, "startColumn": 12, "endLine": 4, "endColumn": 22}
        })
    );
    assert_eq!(
        result["fixes"][0]["artifactChanges"][0],
        json!({
            "artifactLocation": {"uri": "pkg/auth.py", "uriBaseId": "%SRCROOT%"},
            "replacements": [{
                "deletedRegion": {"startLine": 4, "startColumn": 64, "endLine": 4, "endColumn": 64},
                "insertedContent": {"text": ", algorithms=[\"RS256\"]"}
            }]
        })
    );
    // A SARIF consumer applying the replacement by line and code-point column gets a file
    // flasklint no longer flags.
    let fixed = apply_replacements(BAD, &result["fixes"][0]["artifactChanges"][0]);
    write(dir.path(), "pkg/auth.py", &fixed);
    let (code, log) = sarif(&["pkg"], dir.path());
    assert_eq!(code, Some(0), "{fixed}\n{log}");
    let srcroot = &log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    assert!(
        srcroot
            .as_str()
            .is_some_and(|u| u.starts_with("file:///") && u.ends_with('/')),
        "{srcroot}"
    );
}

/// Applies SARIF replacements (1-based lines, code-point columns) to `text`, last first.
fn apply_replacements(text: &str, change: &Value) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let offset = |line: u64, column: u64| -> usize {
        let line = usize::try_from(line).expect("fits") - 1;
        let before: usize = lines[..line].iter().map(|l| l.len()).sum();
        let within: usize = lines[line]
            .chars()
            .take(usize::try_from(column).expect("fits") - 1)
            .map(char::len_utf8)
            .sum();
        before + within
    };
    let mut edits: Vec<(usize, usize, String)> = change["replacements"]
        .as_array()
        .expect("replacements")
        .iter()
        .map(|r| {
            let region = &r["deletedRegion"];
            let n = |key: &str| region[key].as_u64().expect("number");
            (
                offset(n("startLine"), n("startColumn")),
                offset(n("endLine"), n("endColumn")),
                r["insertedContent"]["text"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, content) in edits {
        out.replace_range(start..end, &content);
    }
    out
}

#[test]
fn unanalysable_files_are_tool_notifications_and_the_run_still_succeeds() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "bad.py", BAD);
    // The import keeps the pre-check from skipping the file: it must be parsed to fail.
    write(dir.path(), "broken.py", "def f(:\n    pass\nimport jwt\n");
    write(dir.path(), "latin.py", b"x = 1\ny = '\xff'\n");
    let (code, log) = sarif(&["."], dir.path());
    assert_eq!(code, Some(1));
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notifications = invocation["toolExecutionNotifications"]
        .as_array()
        .expect("notifications");
    let uris: Vec<&str> = notifications
        .iter()
        .filter_map(|n| n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(
        uris.contains(&"broken.py") && uris.contains(&"latin.py"),
        "{uris:?}"
    );
    let latin = notifications
        .iter()
        .find(|n| n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "latin.py")
        .expect("latin.py notification");
    assert_eq!(latin["level"], "error");
    assert!(
        latin["message"]["text"]
            .as_str()
            .is_some_and(|m| m.contains("not valid UTF-8")),
        "{latin}"
    );
    let broken = notifications
        .iter()
        .find(|n| n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.py")
        .expect("broken.py notification");
    assert_eq!(
        broken["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    assert_eq!(results(&log).len(), 1, "the readable file is still checked");
}

#[test]
fn odd_paths_become_valid_uris() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "my app/é #1.py", BAD);
    let (_, log) = sarif(&["."], dir.path());
    let uri = &results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "my%20app/%C3%A9%20%231.py");

    // A file outside the working directory has an absolute `file:` URI and no base.
    let elsewhere = tempfile::tempdir().expect("tmp");
    write(elsewhere.path(), "outside.py", BAD);
    let target = elsewhere.path().join("outside.py");
    let (_, log) = sarif(&[target.to_str().expect("UTF-8 temp path")], dir.path());
    let location = &results(&log)[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert!(location["uriBaseId"].is_null(), "{location}");
    assert!(
        location["uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("file:///") && u.ends_with("/outside.py")),
        "{location}"
    );
}

#[test]
fn fingerprints_survive_unrelated_edits_above_and_tell_twins_apart() {
    let dir = tempfile::tempdir().expect("tmp");
    let body = "def who(token, key):\n    a = jwt.decode(token, key, audience='api', issuer='auth')\n    a = jwt.decode(token, key, audience='api', issuer='auth')\n    return a\n";
    write(dir.path(), "auth.py", format!("import jwt\n\n{body}"));
    let (_, before) = sarif(&["auth.py"], dir.path());
    let before: Vec<String> = results(&before).iter().map(fingerprint).collect();
    assert_eq!(before.len(), 2);
    assert_ne!(before[0], before[1], "identical lines differ by occurrence");
    assert!(
        before[0].ends_with(":1") && before[1].ends_with(":2"),
        "{before:?}"
    );
    assert_eq!(before[0].split(':').next(), before[1].split(':').next());

    // New imports, a new function, comments and re-indentation above: same fingerprints.
    write(
        dir.path(),
        "auth.py",
        format!(
            "\"\"\"Auth.\"\"\"\nimport os\nimport jwt\n\n\ndef unrelated():\n    return os.environ  # a comment\n\n\nclass Holder:\n  {}",
            body.replace('\n', "\n  ").trim_end()
        ),
    );
    let (_, after) = sarif(&["auth.py"], dir.path());
    let after: Vec<String> = results(&after).iter().map(fingerprint).collect();
    assert_eq!(before, after);

    // A trailing comment for another tool does not re-key the finding either.
    let commented = body.replacen(
        "a = jwt.decode(token, key, audience='api', issuer='auth')",
        "a = jwt.decode(token, key, audience='api', issuer='auth')  # type: ignore",
        1,
    );
    write(dir.path(), "auth.py", format!("import jwt\n\n{commented}"));
    let (_, log) = sarif(&["auth.py"], dir.path());
    assert_eq!(
        results(&log).iter().map(fingerprint).collect::<Vec<_>>(),
        before
    );

    // Changing the flagged line itself is a different finding, and so is another file.
    write(
        dir.path(),
        "auth.py",
        format!(
            "import jwt\n\n{}",
            body.replacen("key, audience", "KEY, audience", 1)
        ),
    );
    let (_, changed) = sarif(&["auth.py"], dir.path());
    assert_ne!(fingerprint(&results(&changed)[0]), before[0]);
    write(dir.path(), "other.py", format!("import jwt\n\n{body}"));
    let (_, other) = sarif(&["other.py"], dir.path());
    assert_ne!(fingerprint(&results(&other)[0]), before[0]);
}

#[test]
fn identical_output_for_any_thread_count() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let one = flasklint(
        &["check", "--format", "sarif", "--threads", "1", "testdata"],
        root,
    );
    let many = flasklint(
        &["check", "--format", "sarif", "--threads", "8", "testdata"],
        root,
    );
    assert_eq!(one.stdout, many.stdout);
}
