//! Each Flask application is its own world: a tree holding several applications gets, for each
//! application, exactly the findings that application gets when its folder is checked alone.
//! Module names (`auth`, `config`, `resources.user`) repeat across the apps on purpose, and the
//! apps differ in how they authenticate (`testdata/apps/multiapp/README.md`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use flasklint::check::Outcome;
use flasklint::{Settings, run};

const TREE: &str = "testdata/apps/multiapp";

fn check(path: &Path) -> Outcome {
    run(&Settings::new(vec![path.to_path_buf()])).expect("check runs")
}

/// `(rule, path inside the app folder, line, column)` of every finding under `app`.
fn findings_of(outcome: &Outcome, app: &Path) -> BTreeSet<(String, String, usize, usize)> {
    let app = app.to_string_lossy().replace('\\', "/");
    outcome
        .findings
        .iter()
        .filter_map(|f| {
            let path = f.path.replace('\\', "/");
            let inside = path.strip_prefix(&format!("{app}/"))?;
            Some((
                f.rule.id.to_string(),
                inside.to_string(),
                f.start.line,
                f.start.column,
            ))
        })
        .collect()
}

fn app_folders() -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = fs::read_dir(TREE)
        .expect("the multi-app fixture exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    folders
}

#[test]
fn every_app_gets_the_same_findings_alone_and_in_the_tree() {
    let folders = app_folders();
    assert!(folders.len() >= 4, "{folders:?}");
    let whole = check(Path::new(TREE));
    assert!(whole.errors.is_empty(), "{:?}", whole.errors);
    let mut differences = Vec::new();
    for folder in &folders {
        let alone = check(folder);
        assert!(alone.errors.is_empty(), "{:?}", alone.errors);
        let in_tree = findings_of(&whole, folder);
        let by_itself = findings_of(&alone, folder);
        if in_tree != by_itself {
            differences.push(format!(
                "{}:\n  in the tree: {in_tree:?}\n  alone:       {by_itself:?}",
                folder.display()
            ));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn route_messages_name_their_app_only_when_the_run_holds_several() {
    let whole = check(Path::new(TREE));
    let shop = Path::new(TREE).join("shop");
    let alone = check(&shop);
    let message = |outcome: &Outcome| {
        outcome
            .findings
            .iter()
            .find(|f| f.rule.id == "FL202" && f.path.ends_with("shop/app.py"))
            .map(|f| f.message.clone())
            .expect("the shop's FL202")
    };
    let in_tree = message(&whole);
    assert!(
        in_tree.contains("[in app `app` (") && in_tree.contains("shop/app.py:8)]"),
        "{in_tree}"
    );
    assert!(
        in_tree.contains("while 2 other routes require one"),
        "{in_tree}"
    );
    assert!(!message(&alone).contains("[in app"), "{}", message(&alone));
}

#[test]
fn routes_list_their_app() {
    let whole = check(Path::new(TREE));
    let close = whole
        .routes
        .iter()
        .find(|r| r.rule == "/api/accounts/<int:account_id>")
        .expect("gateway's blueprint route, with the prefix its factory registers it under");
    assert!(
        close.apps.iter().any(|a| a.starts_with("create_app() (")),
        "{:?}",
        close.apps
    );
    assert_eq!(
        close
            .authentication
            .as_deref()
            .map(|a| a.contains("authenticate")),
        Some(true)
    );
}
