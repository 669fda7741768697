//! Golden files pin the exact rendering (messages, columns, fixes) of every fixture finding in
//! text and JSON. After an intended change, regenerate them with
//! `FLASKLINT_BLESS=1 cargo test --test golden` and review the diff.

use std::path::Path;
use std::process::Command;

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

fn compare(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("FLASKLINT_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with FLASKLINT_BLESS=1", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n expected: {:?}\n actual:   {:?}\n(regenerate with FLASKLINT_BLESS=1 if intended)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn json_report_matches_the_golden_file() {
    compare("rules.json", &render("json"));
}

#[test]
fn text_report_matches_the_golden_file() {
    compare("rules.txt", &render("text"));
}
