//! Inline suppressions: `# noqa: FL101` and `# flasklint: ignore[...]` on the flagged line or
//! the first line of its statement; bare `# noqa` only with `--noqa-all`; `--show-suppressed`.

mod common;

use common::{assert_valid_sarif, flasklint, json, rule_ids, stdout, write};
use serde_json::Value;

const HEAD: &str = "import jwt\n\n\ndef who(token, key):\n";
/// Flagged by FL101 (no algorithms) and FL105 (no audience/issuer) at the same column.
const BOTH: &str = "jwt.decode(token, key)";

fn check(body: &str, extra: &[&str]) -> (Option<i32>, Value) {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "auth.py", format!("{HEAD}{body}"));
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    args.push("auth.py");
    let output = flasklint(&args, dir.path());
    (output.status.code(), json(&output))
}

#[test]
fn noqa_with_the_rule_code_silences_only_that_rule() {
    let (code, report) = check(&format!("    return {BOTH}\n"), &[]);
    assert_eq!(
        (code, rule_ids(&report)),
        (Some(1), vec!["FL101".into(), "FL105".into()])
    );

    let (code, report) = check(&format!("    return {BOTH}  # noqa: FL105\n"), &[]);
    assert_eq!((code, rule_ids(&report)), (Some(1), vec!["FL101".into()]));

    let (code, report) = check(
        &format!("    return {BOTH}  # noqa: E501, FL101,FL105\n"),
        &[],
    );
    assert_eq!((code, rule_ids(&report)), (Some(0), Vec::<String>::new()));
}

#[test]
fn flasklint_ignore_takes_ids_and_names() {
    let (code, report) = check(
        &format!("    return {BOTH}  # flasklint: ignore[FL101, jwt-audience-issuer-unchecked]\n"),
        &[],
    );
    assert_eq!((code, rule_ids(&report)), (Some(0), Vec::<String>::new()));
    let (_, report) = check(
        &format!("    return {BOTH}  # flasklint: ignore[FL105]\n"),
        &[],
    );
    assert_eq!(rule_ids(&report), vec!["FL101".to_string()]);
}

#[test]
fn bare_noqa_silences_nothing_unless_noqa_all() {
    let body = format!("    return {BOTH}  # noqa\n");
    let (code, report) = check(&body, &[]);
    assert_eq!((code, rule_ids(&report).len()), (Some(1), 2));
    let (code, report) = check(&body, &["--noqa-all"]);
    assert_eq!((code, rule_ids(&report).len()), (Some(0), 0));
    // `--noqa-all` does not turn an explicit list for other codes into a blanket.
    let (_, report) = check(
        &format!("    return {BOTH}  # noqa: E501\n"),
        &["--noqa-all"],
    );
    assert_eq!(rule_ids(&report).len(), 2);
}

#[test]
fn the_first_line_of_a_multi_line_statement_counts() {
    let body = format!(
        "    claims = dict(  # noqa: FL101, FL105\n        data={BOTH},\n    )\n    return claims\n"
    );
    let (code, report) = check(&body, &[]);
    assert_eq!((code, rule_ids(&report).len()), (Some(0), 0), "{report}");

    // The closing line is not the statement's first line.
    let body = format!("    claims = dict(\n        data={BOTH},\n    )  # noqa: FL101, FL105\n");
    let (_, report) = check(&body, &[]);
    assert_eq!(rule_ids(&report).len(), 2);

    // The enclosing `def` is not the flagged statement: its comment does not cover the body.
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "auth.py",
        format!("import jwt\n\n\ndef who(token, key):  # noqa: FL101, FL105\n    return {BOTH}\n"),
    );
    let report = json(&flasklint(
        &["check", "--format", "json", "auth.py"],
        dir.path(),
    ));
    assert_eq!(rule_ids(&report).len(), 2);
}

#[test]
fn a_hash_inside_a_string_is_not_a_comment() {
    let body = "    return jwt.decode(token, key, audience='# noqa: FL101', issuer='auth')\n";
    let (code, report) = check(body, &[]);
    assert_eq!(
        (code, rule_ids(&report)),
        (Some(1), vec!["FL101".to_string()])
    );
    let body = "    note = \"\"\"\n    # noqa: FL101\n    \"\"\"\n    return jwt.decode(token, key, audience='a', issuer='i')\n";
    let (_, report) = check(body, &[]);
    assert_eq!(rule_ids(&report), vec!["FL101".to_string()]);
}

#[test]
fn show_suppressed_lists_them_in_every_format() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "auth.py",
        format!("{HEAD}    return {BOTH}  # noqa: FL101\n"),
    );
    let plain = json(&flasklint(
        &["check", "--format", "json", "auth.py"],
        dir.path(),
    ));
    assert!(plain.get("suppressed").is_none(), "{plain}");

    let report = json(&flasklint(
        &["check", "--format", "json", "--show-suppressed", "auth.py"],
        dir.path(),
    ));
    assert_eq!(rule_ids(&report), vec!["FL105".to_string()]);
    let suppressed = &report["suppressed"][0];
    assert_eq!(suppressed["rule"], "FL101");
    assert_eq!(suppressed["line"], 5);
    assert_eq!(
        suppressed["suppressed_by"],
        serde_json::json!({"line": 5, "comment": "# noqa: FL101"})
    );

    let text = stdout(&flasklint(
        &["check", "--show-suppressed", "--color", "never", "auth.py"],
        dir.path(),
    ));
    assert!(
        text.contains(
            "suppressed: auth.py:5:12: FL101 jwt-decode-without-algorithms (by `# noqa: FL101` on line 5)"
        ),
        "{text}"
    );
    assert!(text.contains("(1 suppressed)."), "{text}");

    let output = flasklint(
        &["check", "--format", "sarif", "--show-suppressed", "auth.py"],
        dir.path(),
    );
    let log: Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 2);
    let silenced = results
        .iter()
        .find(|r| r["ruleId"] == "FL101")
        .expect("suppressed result");
    assert_eq!(silenced["suppressions"][0]["kind"], "inSource");
    assert_eq!(output.status.code(), Some(1), "FL105 still stands");
}

#[test]
fn suppressing_one_twin_keeps_the_other_fingerprint() {
    let fingerprints = |body: &str| -> Vec<String> {
        let dir = tempfile::tempdir().expect("tmp");
        write(dir.path(), "auth.py", format!("{HEAD}{body}"));
        let output = flasklint(
            &["check", "--format", "sarif", "--show-suppressed", "auth.py"],
            dir.path(),
        );
        let log: Value = serde_json::from_slice(&output.stdout).expect("SARIF");
        let mut prints: Vec<String> = log["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| {
                r["partialFingerprints"]["primaryLocationLineHash"]
                    .as_str()
                    .expect("hash")
                    .to_string()
            })
            .collect();
        prints.sort();
        prints
    };
    let line = format!("    a = {BOTH}\n");
    let both = fingerprints(&format!("{line}{line}"));
    let first_silenced = fingerprints(&format!("    a = {BOTH}  # noqa: FL101\n{line}"));
    let second_silenced = fingerprints(&format!("{line}    a = {BOTH}  # noqa: FL101\n"));
    assert_eq!(both, first_silenced);
    assert_eq!(both, second_silenced);
}

/// FL306 was FL303's `JWTManager` note: what silenced or selected it under FL303 still does, so
/// an existing suppression never starts failing CI. The app verifies tokens with a public key,
/// where the note is reported.
#[test]
fn fl303_suppressions_and_selectors_still_cover_the_jwtmanager_note() {
    let app = |comment: &str| {
        format!(
            "import os\n\nfrom flask import Flask\nfrom flask_jwt_extended import JWTManager, jwt_required\n\napp = Flask(__name__)\napp.config.update(JWT_ALGORITHM=\"RS256\", JWT_PUBLIC_KEY=os.environ[\"JWT_PUBLIC_KEY\"])\njwt = JWTManager(app){comment}\n"
        )
    };
    let run = |comment: &str, extra: &[&str]| {
        let dir = tempfile::tempdir().expect("tmp");
        write(dir.path(), "app.py", app(comment));
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        args.push("app.py");
        let output = flasklint(&args, dir.path());
        (output.status.code(), rule_ids(&json(&output)))
    };
    assert_eq!(run("", &[]), (Some(1), vec!["FL306".to_string()]));
    for comment in [
        "  # noqa: FL303",
        "  # noqa: FL306",
        "  # flasklint: ignore[jwt-extended-insecure-config]",
        "  # flasklint: ignore[jwt-extended-audience-unchecked]",
    ] {
        assert_eq!(run(comment, &[]), (Some(0), Vec::new()), "{comment}");
    }
    // A code that is no former id of FL306 does not silence it.
    assert_eq!(
        run("  # noqa: FL304", &[]),
        (Some(1), vec!["FL306".to_string()])
    );
    assert_eq!(run("", &["--ignore", "FL303"]), (Some(0), Vec::new()));
    assert_eq!(
        run("", &["--select", "FL303"]),
        (Some(1), vec!["FL306".to_string()])
    );
}
