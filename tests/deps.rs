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

/// The fixture holding every line form of pip's requirements file format.
const PIP_FORMS: &str = "testdata/deps/pip-requirements";

/// Runs the binary from the crate root with `PYTHON_JOSE_VERSION` set to `jose` (or unset).
fn flasklint_with_jose(args: &[&str], jose: Option<&str>) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_flasklint"));
    command
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env_remove("PYTHON_JOSE_VERSION")
        .env_remove("PRIVATE_TOKEN")
        .env_remove("PRIVATE_INDEX_HOST");
    if let Some(version) = jose {
        command.env("PYTHON_JOSE_VERSION", version);
    }
    command.output().expect("the binary runs")
}

/// `PATH:LINE requirement` of every declaration of a `flasklint deps --format json` row.
fn declared(row: &serde_json::Value) -> Vec<String> {
    row["declarations"]
        .as_array()
        .expect("declarations")
        .iter()
        .map(|d| {
            format!(
                "{}:{} {}",
                d["path"].as_str().unwrap_or(""),
                d["line"],
                d["requirement"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn every_line_form_pip_documents_is_read_or_skipped_never_an_error() {
    let output = flasklint_with_jose(&["deps", "--format", "json", PIP_FORMS], None);
    let notes = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{notes}");
    let rows = json(&output);
    let rows = rows.as_array().expect("rows");
    let row = |package: &str| {
        rows.iter()
            .find(|r| r["package"] == package)
            .unwrap_or_else(|| panic!("no {package} row in {rows:#?}"))
    };
    let req = "testdata/deps/pip-requirements/requirements.txt";
    let base = "testdata/deps/pip-requirements/requirements-base.txt";
    let constraints = "testdata/deps/pip-requirements/constraints.txt";

    // A requirement continued over two lines, and a wheel file named by its path.
    assert_eq!(row("PyJWT")["allowed"], ">=2.4, <3 and ==2.8.0");
    assert_eq!(
        declared(row("PyJWT")),
        vec![
            format!("{req}:39 PyJWT >=2.4,<3"),
            format!("{req}:63 PyJWT==2.8.0"),
        ]
    );
    assert_eq!(
        row("PyJWT")["declarations"][1]["context"],
        "from `./wheelhouse/PyJWT-2.8.0-py3-none-any.whl`"
    );
    // A remote wheel: `file:` URL, the name's underscores read as pip reads them.
    assert_eq!(row("Flask-JWT-Extended")["allowed"], "==4.6.0");
    // `name @ vcs-url`: declared, version unknown.
    assert_eq!(row("Authlib")["allowed"], "any");
    assert_eq!(
        declared(row("Authlib")),
        vec![format!(
            "{req}:47 Authlib @ git+https://github.com/lepture/authlib@v1.3.1"
        )]
    );
    // `--hash` options after the requirement, on the same line and on continuation lines.
    assert_eq!(row("itsdangerous")["allowed"], "==2.1.2");
    assert_eq!(
        declared(row("Werkzeug")),
        vec![
            format!("{req}:36 Werkzeug==3.0.3"),
            format!("{constraints}:3 Werkzeug<3.1"),
        ]
    );
    assert_eq!(row("Werkzeug")["declarations"][1]["role"], "constraint");
    // `-r` include, the old parenthesised form, and a VCS URL named by `#egg=`.
    assert_eq!(
        declared(row("Flask")),
        vec![
            format!("{base}:2 Flask>=2.3,<4"),
            format!("{req}:34 Flask (>=2.0)"),
            format!("{req}:48 git+https://github.com/pallets/flask@3.0.3#egg=Flask"),
        ]
    );
    // `${PYTHON_JOSE_VERSION}` is not set: the line is skipped, the constraint stays.
    assert_eq!(
        declared(row("python-jose")),
        vec![format!("{constraints}:2 python-jose>=3.4")]
    );

    // Every line flasklint cannot use is named once, with why, and none is an error.
    let noted: Vec<&str> = notes.lines().collect();
    let expected_lines = [25, 53, 56, 57, 58, 67, 68, 69, 70, 71, 72, 74, 77];
    assert_eq!(noted.len(), expected_lines.len(), "{notes}");
    for (note, line) in noted.iter().zip(expected_lines) {
        assert!(
            note.starts_with(&format!("flasklint: note: {req}:{line}: `")),
            "{note}\n{notes}"
        );
        assert!(note.contains("` skipped: "), "{note}");
    }
    assert!(notes.contains("`git+https://github.com/org/pkg@main` skipped: no package name"));
    assert!(notes.contains("`-e .` skipped: a local project"));
    assert!(notes.contains("which is not set here"));
    assert!(!notes.contains("error"), "{notes}");

    // `check` reads the same files: no error, nothing vulnerable declared, exit 0.
    let output = flasklint_with_jose(&["check", "--format", "json", PIP_FORMS], None);
    let report = json(&output);
    assert_eq!(output.status.code(), Some(0), "{report:#}");
    assert_eq!(report["errors"], serde_json::json!([]));
}

#[test]
fn variables_in_requirements_expand_as_pip_expands_them_and_are_never_shown() {
    let output = flasklint_with_jose(&["deps", "--format", "json", PIP_FORMS], Some("3.5.0"));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let rows = json(&output);
    let jose = rows
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["package"] == "python-jose"))
        .expect("python-jose row");
    assert_eq!(jose["allowed"], "==3.5.0 and >=3.4");
    // What the file says, not the variable's value.
    assert_eq!(
        jose["declarations"][0]["requirement"],
        "python-jose[cryptography]==${PYTHON_JOSE_VERSION}"
    );

    // The expanded version is the one judged.
    let dir = project(&[
        ("app.py", "import jwt\n"),
        ("requirements.txt", "PyJWT==${FLASKLINT_TEST_PYJWT}\n"),
    ]);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args(["check", "--format", "json", "."])
        .current_dir(dir.path())
        .env("FLASKLINT_TEST_PYJWT", "1.7.1")
        .output()
        .expect("the binary runs");
    let report = json(&output);
    let fl501 = finding(&report, "FL501");
    assert!(
        fl501["message"].as_str().unwrap_or("").starts_with(
            "`PyJWT==${FLASKLINT_TEST_PYJWT}` allows PyJWT versions with known vulnerabilities"
        ),
        "{fl501}"
    );
}

#[test]
fn a_wheel_file_pins_the_version_it_names() {
    let dir = project(&[
        ("app.py", "import jwt\n"),
        (
            "requirements.txt",
            "./wheels/PyJWT-1.7.1-py2.py3-none-any.whl\n",
        ),
    ]);
    let report = json(&flasklint(&["check", "--format", "json", "."], dir.path()));
    let fl501 = finding(&report, "FL501");
    assert_eq!(fl501["path"], "requirements.txt");
    assert_eq!(fl501["line"], 1);
    assert!(
        fl501["message"]
            .as_str()
            .unwrap_or("")
            .contains("`PyJWT==1.7.1`"),
        "{fl501}"
    );
}

#[test]
fn a_vcs_url_without_a_name_is_not_an_error() {
    let dir = project(&[
        ("app.py", common::CLEAN),
        (
            "requirements.txt",
            "git+https://github.com/org/pkg@main\nPyJWT>=2.4\n",
        ),
    ]);
    let output = flasklint(&["check", "--format", "json", "."], dir.path());
    let report = json(&output);
    assert_eq!(output.status.code(), Some(0), "{report:#}");
    assert_eq!(report["errors"], serde_json::json!([]));
    let output = flasklint(&["deps", "."], dir.path());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "note: requirements.txt:1: `git+https://github.com/org/pkg@main` skipped: no package name"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn requirements_files_in_utf16_or_with_a_bom_or_in_latin1_are_read() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("PyJWT==1.7.1\r\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let dir = project(&[("app.py", "import jwt\n"), ("requirements.txt", "")]);
    for bytes in [
        utf16,
        b"\xEF\xBB\xBFPyJWT==1.7.1\n".to_vec(),
        b"# -*- coding: latin-1 -*-\n# caf\xE9\nPyJWT==1.7.1\n".to_vec(),
    ] {
        std::fs::write(dir.path().join("requirements.txt"), &bytes).expect("write");
        let report = json(&flasklint(&["check", "--format", "json", "."], dir.path()));
        assert_eq!(report["errors"], serde_json::json!([]), "{report:#}");
        assert!(
            finding(&report, "FL501")["message"]
                .as_str()
                .unwrap_or("")
                .contains("PyJWT==1.7.1")
        );
    }
}

#[test]
fn project_template_folders_are_not_walked_and_templated_lines_are_notes() {
    let dir = project(&[
        ("app.py", common::CLEAN),
        (
            "{{cookiecutter.project_slug}}/app.py",
            "import jwt\n{% if cookiecutter.use_jwt %}\njwt.decode(t, k)\n{% endif %}\n",
        ),
        (
            "{{cookiecutter.project_slug}}/requirements.txt",
            "Flask=={{ cookiecutter.flask_version }}\nPyJWT>=2.4\n",
        ),
    ]);
    let output = flasklint(&["check", "--format", "json", "."], dir.path());
    let report = json(&output);
    assert_eq!(output.status.code(), Some(0), "{report:#}");
    assert_eq!(report["summary"]["files_checked"], 1);
    // Named explicitly, the template's manifest is read; its templated line is a note.
    let output = flasklint(
        &["deps", "{{cookiecutter.project_slug}}/requirements.txt"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("`Flask=={{ cookiecutter.flask_version }}` skipped: template markup"),
        "{}",
        stderr(&output)
    );
}
