//! `check::run_with_overlay`, the language server's entry point: unsaved buffers stand in for
//! their files, and files parsed by an earlier run are reused only while their text is the same.
//! Every run must report exactly what `check::run` reports for the same texts on disk.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use flasklint::check::{self, Outcome, Overlay, ParseCache, Settings};

fn summary(outcome: &Outcome) -> Vec<String> {
    outcome
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {}:{}:{}-{}:{} {} | {}",
                f.rule.id,
                f.path,
                f.start.line,
                f.start.column,
                f.end.line,
                f.end.column,
                f.fingerprint,
                f.message
            )
        })
        .collect()
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn overlays_and_reused_parses_report_what_check_reports() {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path().canonicalize().expect("canonical");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/apps/multiapp"),
        &root,
    );
    let settings = Settings::new(vec![root.clone()]);
    let on_disk = summary(&check::run(&settings).expect("runs"));
    assert!(!on_disk.is_empty());

    let cache = Arc::new(ParseCache::default());
    let with_cache = |texts: Vec<(PathBuf, &str)>| {
        let overlay = Overlay {
            texts: texts
                .into_iter()
                .map(|(path, text)| (path, Arc::from(text)))
                .collect(),
            parsed: Some(Arc::clone(&cache)),
        };
        summary(&check::run_with_overlay(&settings, &overlay).expect("runs"))
    };
    // Cold, then warm: the same findings.
    assert_eq!(with_cache(Vec::new()), on_disk);
    assert_eq!(with_cache(Vec::new()), on_disk);

    // A buffer with a new finding: reported from the buffer, exactly as check reports it once
    // the buffer is saved.
    let extra = root.join("scratch_tokens.py");
    let text = "import jwt\n\n\ndef who(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n";
    let from_buffer = with_cache(vec![(extra.clone(), text)]);
    std::fs::write(&extra, text).expect("write");
    let saved = summary(&check::run(&settings).expect("runs"));
    assert_eq!(from_buffer, saved);
    assert!(saved.len() > on_disk.len());
    // The file changes on disk behind the cache: the new text is parsed, not the cached tree.
    std::fs::write(&extra, "x = 1\n").expect("write");
    assert_eq!(with_cache(Vec::new()), on_disk);
}
