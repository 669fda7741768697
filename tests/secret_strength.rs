//! FL302 as users read it: the estimate in the message, and the severity a start-up guard
//! gives a placeholder.

mod common;

use std::path::Path;

use common::{flasklint, json};

fn findings_of(path: &str) -> Vec<serde_json::Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report = json(&flasklint(
        &["check", "--isolated", "--format", "json", path],
        root,
    ));
    report["findings"].as_array().cloned().unwrap_or_default()
}

fn at<'f>(findings: &'f [serde_json::Value], path_end: &str, line: u64) -> &'f serde_json::Value {
    findings
        .iter()
        .find(|f| f["path"].as_str().is_some_and(|p| p.ends_with(path_end)) && f["line"] == line)
        .unwrap_or_else(|| panic!("no finding at {path_end}:{line} in {findings:#?}"))
}

#[test]
fn a_placeholder_refused_outside_development_is_low() {
    let findings = findings_of("testdata/rules/FL302-guard");
    let guarded = at(&findings, "superset_like/constants.py", 1);
    assert_eq!(guarded["rule"], "FL302");
    assert_eq!(guarded["severity"], "low");
    let message = guarded["message"].as_str().unwrap_or_default();
    assert!(message.contains("worth about 92 bits"), "{message}");
    assert!(
        message.contains("superset_like/__init__.py:15 refuses it only outside development"),
        "{message}"
    );
    // An assert is removed by `python -O`: low, not silent.
    assert_eq!(at(&findings, "asserted/app.py", 4)["severity"], "low");
    // No guard: the rule's own severity.
    let unguarded = at(&findings, "everywhere/__init__.py", 12);
    assert_eq!(unguarded["severity"], "high");
    assert!(
        unguarded["message"]
            .as_str()
            .unwrap_or_default()
            .contains("worth about 12 bits of guessing, made of the common word `dev`"),
        "{unguarded}"
    );
    // A strong literal is FL301's, whatever its length.
    assert_eq!(at(&findings, "everywhere/__init__.py", 14)["rule"], "FL301");
}
