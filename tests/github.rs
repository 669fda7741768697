//! `--format github`: workflow-command annotations as the Actions runner parses them.

mod common;

use common::{BAD, CLEAN, flasklint, stdout, write};

#[test]
fn findings_become_error_and_warning_annotations() {
    let dir = tempfile::tempdir().expect("tmp");
    write(
        dir.path(),
        "auth.py",
        "import jwt\n\ndef who(token, key):\n    return jwt.decode(token, key, algorithms=['HS256'])\n",
    );
    write(dir.path(), "bad.py", BAD);
    let output = flasklint(&["check", "--format", "github", "."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        vec![
            "::warning file=auth.py,line=4,col=12,endLine=4,endColumn=22,title=FL105 jwt-audience-issuer-unchecked::`jwt.decode` checks neither the token's audience nor its issuer (no `audience=`, no `issuer=`)%0Ahelp: pass `audience=EXPECTED_AUDIENCE, issuer=EXPECTED_ISSUER` so tokens minted for another service are refused",
            "::error file=bad.py,line=4,col=12,endLine=4,endColumn=22,title=FL101 jwt-decode-without-algorithms::`jwt.decode` is called without `algorithms=`: PyJWT 1.x then accepts (and PyJWT 2.x raises on every call) whatever `alg` the token's header names; the PyJWT version in use is unknown%0Ahelp: pass `algorithms=[...]` naming the one algorithm your tokens are signed with, e.g. `algorithms=[\"RS256\"]`",
        ]
    );
}

#[test]
fn properties_are_escaped_and_unreadable_files_are_errors() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "a,b:c%.py", BAD);
    // The import keeps the pre-check from skipping the file: it must be parsed to fail.
    write(dir.path(), "broken.py", "def f(:\n    pass\nimport jwt\n");
    let output = flasklint(&["check", "--format", "github", "."], dir.path());
    let text = stdout(&output);
    assert!(
        text.contains("::error file=a%2Cb%3Ac%25.py,line=4,col=12,"),
        "{text}"
    );
    assert!(
        text.lines().any(|l| l
            .starts_with("::error file=broken.py,line=1,col=7,title=flasklint::syntax error: ")),
        "{text}"
    );
    // Every line is one command: no raw newline inside a message breaks the runner's parsing.
    assert!(text.lines().all(|l| l.starts_with("::")), "{text}");
}

#[test]
fn a_clean_run_prints_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "clean.py", CLEAN);
    let output = flasklint(&["check", "--format", "github", "."], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
}
