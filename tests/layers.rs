//! The pipeline's dependencies run one way: `paths`/`walk` -> `source` -> `model`/`deps` ->
//! `rules` -> `report`. The model and the dependency readers know nothing of the rules or of the
//! user's configuration; this test reads the sources and fails on an import that climbs.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The files of `layer` (a folder or a single file under src/) naming any of `above`.
fn climbs(layer: &str, above: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let path = root.join(layer);
    if path.is_dir() {
        rust_files(&path, &mut files);
    } else {
        files.push(path.with_extension("rs"));
    }
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable source file");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for module in above {
                if code.contains(&format!("crate::{module}")) {
                    found.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn lower_layers_import_nothing_from_higher_ones() {
    let mut violations = Vec::new();
    for (layer, above) in [
        (
            "paths",
            &[
                "walk", "source", "model", "deps", "config", "rules", "report", "check", "cli",
            ][..],
        ),
        // The walker reports unreadable entries with `source::FileError` and knows manifest
        // names from `deps::is_manifest`: leaf items of those modules, not their machinery.
        (
            "walk",
            &["model", "config", "rules", "report", "check", "cli"][..],
        ),
        (
            "source",
            &["model", "deps", "config", "rules", "report", "check", "cli"][..],
        ),
        ("model", &["config", "rules", "report", "check", "cli"][..]),
        ("deps", &["config", "rules", "report", "check", "cli"][..]),
    ] {
        violations.extend(climbs(layer, above));
    }
    assert!(
        violations.is_empty(),
        "imports that climb the pipeline:\n{}",
        violations.join("\n")
    );
}
