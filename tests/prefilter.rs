//! The pre-check (`src/prefilter.rs`) skips files that cannot hold a finding; these tests prove
//! the skip changes nothing: every fixture project, and the whole of `testdata/` checked as one
//! tree, gives the same findings with the pre-check on and off (`--all-files`), and a tree with
//! unrelated files parses only what matters.

use std::fs;
use std::path::{Path, PathBuf};

use flasklint::check::Outcome;
use flasklint::{Settings, run};

fn check(paths: Vec<PathBuf>, prefilter: bool) -> Outcome {
    let mut settings = Settings::new(paths);
    settings.prefilter = prefilter;
    run(&settings).expect("check runs")
}

/// Everything a user sees of a finding, fix included.
fn described(outcome: &Outcome) -> Vec<String> {
    outcome
        .findings
        .iter()
        .chain(&outcome.suppressed)
        .map(|f| {
            format!(
                "{}:{}:{} {} {} | {} | {:?} | {}",
                f.path,
                f.start.line,
                f.start.column,
                f.rule.id,
                f.message,
                f.help,
                f.fix,
                f.fingerprint
            )
        })
        .collect()
}

fn rule_lines(outcome: &Outcome) -> Vec<(&'static str, usize)> {
    outcome
        .findings
        .iter()
        .map(|f| (f.rule.id, f.start.line))
        .collect()
}

fn fixture_projects() -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("testdata")];
    for group in ["testdata/rules", "testdata/apps"] {
        let mut entries: Vec<PathBuf> = fs::read_dir(group)
            .expect("fixture group readable")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        entries.sort();
        dirs.extend(entries);
    }
    dirs
}

#[test]
fn every_fixture_gives_the_same_findings_with_and_without_the_prefilter() {
    let mut compared = 0;
    for dir in fixture_projects() {
        let on = check(vec![dir.clone()], true);
        let off = check(vec![dir.clone()], false);
        assert_eq!(
            described(&on),
            described(&off),
            "{}: findings differ with the pre-check on (left) and off (right)",
            dir.display()
        );
        assert_eq!(on.files_checked, off.files_checked, "{}", dir.display());
        let on_routes: Vec<String> = on.routes.iter().map(|r| format!("{r:?}")).collect();
        let off_routes: Vec<String> = off.routes.iter().map(|r| format!("{r:?}")).collect();
        let only_on: Vec<&String> = on_routes
            .iter()
            .filter(|r| !off_routes.contains(r))
            .collect();
        let only_off: Vec<&String> = off_routes
            .iter()
            .filter(|r| !on_routes.contains(r))
            .collect();
        assert!(
            only_on.is_empty() && only_off.is_empty() && on_routes.len() == off_routes.len(),
            "{}: routes differ\nonly with the pre-check: {only_on:#?}\nonly without: {only_off:#?}",
            dir.display()
        );
        assert_eq!(
            on_routes,
            off_routes,
            "{}: routes in another order",
            dir.display()
        );
        compared += on.findings.len();
    }
    // The comparison is only worth something if the fixtures do report.
    assert!(compared > 200, "only {compared} findings compared");
}

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
    fs::write(path, text).expect("write");
}

#[test]
fn unrelated_files_are_read_but_not_parsed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "api/views.py",
        "import jwt\nfrom .helpers import key\n\ndef read(token):\n    return jwt.decode(token, key())\n",
    );
    write(root, "api/helpers.py", "def key():\n    return 'k'\n");
    write(root, "api/__init__.py", "");
    write(
        root,
        "numerics/solver.py",
        "def solve(x):\n    return x * 2\n",
    );
    write(root, "numerics/broken.py", "def (:\n");
    let on = check(vec![root.to_path_buf()], true);
    assert_eq!(on.files_checked, 5);
    // views.py uses PyJWT; helpers.py is imported by it, and api/__init__.py runs when either
    // is imported; the numerics are not linked to it.
    assert_eq!(on.files_parsed, 3);
    let rules = rule_lines(&on);
    assert_eq!(rules, vec![("FL101", 5), ("FL105", 5)]);
    assert!(on.errors.is_empty(), "{:?}", on.errors);
    // With every file parsed, the syntax error of the skipped file shows; findings do not change.
    let off = check(vec![root.to_path_buf()], false);
    assert_eq!(off.files_parsed, 5);
    assert_eq!(described(&on), described(&off));
    assert!(!off.errors.is_empty());
    assert!(
        off.errors
            .iter()
            .all(|e| e.path.ends_with("numerics/broken.py")),
        "{:?}",
        off.errors
    );
}

#[test]
fn a_module_reached_only_through_name_resolution_is_loaded_in_a_second_round() {
    // `web/app.py` imports the package `conf` and reads `conf.settings.ALGORITHMS`: the
    // byte-level import graph links `conf/__init__.py` only, so `conf/settings.py` is neither
    // relevant nor imported by a relevant file. Only the analysis, following the attribute
    // chain, finds `conf.settings`, asks for it, and the run parses it and goes again.
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "web/app.py",
        "import jwt\nimport conf\n\ndef read(token, key):\n    return jwt.decode(token, key, algorithms=conf.settings.ALGORITHMS)\n",
    );
    write(root, "conf/__init__.py", "");
    write(root, "conf/settings.py", "ALGORITHMS = ['none']\n");
    write(root, "tools/unrelated.py", "print('hello')\n");
    let on = check(vec![root.to_path_buf()], true);
    let off = check(vec![root.to_path_buf()], false);
    assert_eq!(described(&on), described(&off));
    let rules: Vec<&str> = on.findings.iter().map(|f| f.rule.id).collect();
    assert!(rules.contains(&"FL103"), "{rules:?}");
    // app.py, conf/__init__.py (imported) and conf/settings.py (asked for); not unrelated.py.
    assert_eq!(on.files_parsed, 3);
}

#[test]
fn config_modules_count_without_imports() {
    // A config module loaded by path (`app.config.from_pyfile`) imports nothing and is imported
    // by nothing; its setting names are what make it matter.
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "instance/config.py", "SECRET_KEY = 'dev'\n");
    write(root, "scripts/tool.py", "print('hello')\n");
    let on = check(vec![root.to_path_buf()], true);
    assert_eq!(on.files_parsed, 1);
    let rules = rule_lines(&on);
    assert_eq!(rules, vec![("FL302", 1)]);
}
