//! Convention checks on the rule registry and the rule documents.

use std::collections::HashSet;

#[test]
fn ids_and_names_are_unique_and_well_formed() {
    let mut ids = HashSet::new();
    let mut names = HashSet::new();
    for (meta, _) in flasklint::rules::all() {
        assert!(ids.insert(meta.id), "duplicate id {}", meta.id);
        assert!(names.insert(meta.name), "duplicate name {}", meta.name);
        assert!(
            meta.id.len() == 5
                && meta.id.starts_with("FL")
                && meta.id[2..].chars().all(|c| c.is_ascii_digit()),
            "{}",
            meta.id
        );
        assert!(
            meta.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            meta.name
        );
        assert!(!meta.cwe.is_empty(), "{} has no CWE", meta.id);
        assert!(
            !meta.summary.ends_with('.'),
            "{} summary ends with a period",
            meta.id
        );
    }
}

#[test]
fn every_document_has_the_required_sections() {
    for (meta, _) in flasklint::rules::all() {
        let title = format!("# {} {}", meta.id, meta.name);
        assert!(
            meta.body.starts_with(&title),
            "{}: body must start with `{title}`",
            meta.id
        );
        let mut last = 0;
        for section in [
            "## What it catches",
            "## Why it matters",
            "## Example",
            "## How to fix",
            "## References",
            "## Suppressing it",
        ] {
            let at = meta
                .body
                .find(section)
                .unwrap_or_else(|| panic!("{}: no `{section}`", meta.id));
            assert!(at > last, "{}: `{section}` out of order", meta.id);
            last = at;
        }
    }
}

#[test]
fn every_document_belongs_to_a_registered_rule() {
    let registered: HashSet<String> = flasklint::rules::all()
        .iter()
        .map(|(m, _)| format!("{}.md", m.id))
        .collect();
    for entry in std::fs::read_dir("rules").expect("rules/ exists").flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        assert!(
            registered.contains(&name),
            "rules/{name} has no registered rule"
        );
    }
    assert_eq!(
        registered.len(),
        std::fs::read_dir("rules").expect("rules/").count()
    );
}

#[test]
fn the_readme_lists_every_rule() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    for (meta, _) in flasklint::rules::all() {
        let row = format!("| {} | {} | {} |", meta.id, meta.name, meta.severity);
        assert!(
            readme.contains(&row),
            "README's rule table has no row starting `{row}`"
        );
    }
}
