//! Golden files pin the exact rendering (messages, columns, fixes) of every fixture finding in
//! text and JSON. After an intended change, regenerate them with
//! `FLASKLINT_BLESS=1 cargo test --test golden` and review the diff.

mod common;

use std::process::Command;

use common::compare_golden as compare;

fn render(format: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args([
            "check",
            "--format",
            format,
            "--color",
            "never",
            "testdata/rules",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8 output")
        .replace(
            &format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")),
            "\"version\": \"[VERSION]\"",
        )
}

#[test]
fn json_report_matches_the_golden_file() {
    compare("rules.json", &render("json"));
}

#[test]
fn text_report_matches_the_golden_file() {
    compare("rules.txt", &render("text"));
}
