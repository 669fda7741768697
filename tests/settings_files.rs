//! Settings written outside Python: a `.env` beside an `app.py` is read and located in every
//! output format; what git ignores weighs low; a settings file that cannot be read is reported
//! and the rest is still checked.

mod common;

use common::{assert_valid_sarif, flasklint, json, write};

/// An app that reads its key from the environment, so a `.env` beside it holds the live key.
const APP: &str = "import os\n\nfrom flask import Flask\n\napp = Flask(__name__)\napp.config[\"SECRET_KEY\"] = os.environ[\"SECRET_KEY\"]\n";
const SECRET: &str = "Zx9Qw3Er7Ty1Ui5Op8As2Df6Gh0Jk4LzPq";

/// (rule, severity, path, line) of each finding.
fn findings(report: &serde_json::Value) -> Vec<(String, String, String, u64)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_string(),
                f["severity"].as_str().unwrap_or_default().to_string(),
                f["path"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

fn finding(rule: &str, severity: &str, path: &str, line: u64) -> (String, String, String, u64) {
    (rule.into(), severity.into(), path.into(), line)
}

#[test]
fn a_dotenv_beside_an_app_is_reported_and_sarif_locates_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "app.py", APP);
    write(
        dir.path(),
        ".env",
        format!("FLASK_APP=app\nSECRET_KEY={SECRET}\n"),
    );
    let output = flasklint(&["check", ".", "--format", "json"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        findings(&json(&output)),
        vec![finding("FL301", "high", ".env", 2)]
    );
    let output = flasklint(&["check", ".", "--format", "sarif"], dir.path());
    let log = json(&output);
    assert_valid_sarif(&log);
    let location = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], ".env");
    assert_eq!(location["region"]["startLine"], 2);
    assert_eq!(location["region"]["startColumn"], 12);
}

#[test]
fn what_git_ignores_weighs_low_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "app.py", APP);
    write(dir.path(), ".env", format!("SECRET_KEY={SECRET}\n"));
    write(dir.path(), "deploy/.env", format!("SECRET_KEY={SECRET}\n"));
    write(dir.path(), ".gitignore", ".env\n!deploy/.env\n");
    // Without `.git` the tree is not a work tree (an sdist): `.gitignore` says nothing.
    let report = json(&flasklint(&["check", ".", "--format", "json"], dir.path()));
    assert_eq!(
        findings(&report),
        vec![
            finding("FL301", "high", ".env", 1),
            finding("FL301", "high", "deploy/.env", 1)
        ]
    );
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir .git");
    let report = json(&flasklint(&["check", ".", "--format", "json"], dir.path()));
    assert_eq!(
        findings(&report),
        vec![
            finding("FL301", "low", ".env", 1),
            finding("FL301", "high", "deploy/.env", 1)
        ]
    );
    let message = report["findings"][0]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(message.contains("if this file is committed"), "{message}");
}

#[test]
fn a_settings_file_named_alone_is_checked_and_suppressions_apply() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        ".env.production",
        format!("SECRET_KEY={SECRET}\nJWT_SECRET_KEY=short # noqa: FL302\n"),
    );
    let report = json(&flasklint(
        &["check", ".env.production", "--format", "json"],
        dir.path(),
    ));
    assert_eq!(
        findings(&report),
        vec![finding("FL301", "high", ".env.production", 1)]
    );
}

#[test]
fn unreadable_or_broken_settings_files_are_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "app.py",
        "import os\n\nfrom flask import Flask\n\napp = Flask(__name__)\napp.config.from_pyfile('settings.cfg')\napp.config['SECRET_KEY'] = os.environ.get('SECRET_KEY')\n",
    );
    write(dir.path(), "settings.cfg", "SECRET_KEY = 'x' +\n");
    write(dir.path(), ".env.local", b"SECRET_KEY=\xff\xfe\n");
    write(dir.path(), ".env", format!("SECRET_KEY={SECRET}\n"));
    let output = flasklint(&["check", ".", "--format", "json"], dir.path());
    let report = json(&output);
    assert_eq!(findings(&report), vec![finding("FL301", "high", ".env", 1)]);
    let errors: Vec<String> = report["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["path"].as_str().unwrap_or_default(),
                e["message"]
            )
        })
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(".env.local") && e.contains("UTF-8")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("settings.cfg")),
        "{errors:?}"
    );
}

#[test]
fn a_loaded_file_outside_the_checked_tree_is_not_read() {
    let outer = tempfile::tempdir().expect("tempdir");
    write(
        outer.path(),
        "secrets.cfg",
        format!("SECRET_KEY = '{SECRET}'\n"),
    );
    write(
        outer.path(),
        "project/app.py",
        "from flask import Flask\n\napp = Flask(__name__)\napp.config.from_pyfile('../secrets.cfg')\n",
    );
    let report = json(&flasklint(
        &["check", ".", "--format", "json"],
        &outer.path().join("project"),
    ));
    assert_eq!(findings(&report), vec![]);
}

#[test]
fn secret_settings_extend_the_credential_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "app.py", APP);
    write(
        dir.path(),
        "config.py",
        "PAYMENT_KEY = 'pk_Wq4fennelDrum88'\nSTRIPE_API_KEY = 'sk_Rf4Tg5Yh6Uj7Ik8'\n",
    );
    write(dir.path(), ".env", "PAYMENT_KEY=pk_Wq4fennelDrum88\n");
    let without = json(&flasklint(&["check", ".", "--format", "json"], dir.path()));
    assert_eq!(
        findings(&without),
        vec![finding("FL305", "medium", "config.py", 2)]
    );
    write(
        dir.path(),
        "pyproject.toml",
        "[tool.flasklint]\nsecret-settings = [\"payment_key\"]\n",
    );
    let with = json(&flasklint(&["check", ".", "--format", "json"], dir.path()));
    assert_eq!(
        findings(&with),
        vec![
            finding("FL305", "medium", ".env", 1),
            finding("FL305", "medium", "config.py", 1),
            finding("FL305", "medium", "config.py", 2)
        ]
    );
    write(
        dir.path(),
        "pyproject.toml",
        "[tool.flasklint]\nsecret-settings = [\"payment key\"]\n",
    );
    let refused = flasklint(&["check", "."], dir.path());
    assert_eq!(refused.status.code(), Some(2));
    assert!(common::stderr(&refused).contains("not a setting name"));
}

#[test]
fn a_tutorial_step_folder_outside_any_project_weighs_low() {
    // No `.git`, `pyproject.toml` or `setup.py`: the folders are read from the checked directory,
    // as a Python file's are, so `Part - 3/` is a tutorial step.
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "Part - 3/movie-bag/app.py", APP);
    write(
        dir.path(),
        "Part - 3/movie-bag/.env",
        format!("JWT_SECRET_KEY = '{SECRET}'\n"),
    );
    write(dir.path(), "live/app.py", APP);
    write(dir.path(), "live/.env", format!("SECRET_KEY={SECRET}\n"));
    let report = json(&flasklint(&["check", ".", "--format", "json"], dir.path()));
    assert_eq!(
        findings(&report),
        vec![
            finding("FL301", "low", "Part - 3/movie-bag/.env", 1),
            finding("FL301", "high", "live/.env", 1)
        ]
    );
    let parent = dir.path().parent().expect("parent");
    let name = dir.path().file_name().expect("name").to_string_lossy();
    let report = json(&flasklint(&["check", &name, "--format", "json"], parent));
    let severities: Vec<String> = findings(&report).into_iter().map(|f| f.1).collect();
    assert_eq!(severities, vec!["low", "high"]);
}
