//! Files flasklint writes (`--fix`, `-o`, `--write-baseline`) are replaced whole, never
//! truncated: through the binary, permission bits survive, a symlink stays a symlink and its
//! target gets the new contents, no temporary file is left behind; through the library, a file
//! that changed between reading and writing is skipped and reported.

mod common;

use std::fs;
use std::path::Path;

use common::{BAD, flasklint, stderr, write};

/// Signs with HS256 and decodes without `algorithms=`: FL101 with an unsafe fix.
const SIGNS_HS256: &str = "import jwt\n\ndef mint(sub, key):\n    return jwt.encode({\"sub\": sub, \"exp\": 1}, key, algorithm=\"HS256\")\n\ndef read(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n";

/// Files a crashed or careless write would leave in `dir`: flasklint's temporary files.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("readable")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".flasklint-tmp"))
        .collect()
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("stat").permissions().mode() & 0o7777
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(unix)]
#[test]
fn fix_keeps_an_executable_script_executable() {
    let dir = tempfile::tempdir().expect("tmp");
    let script = format!("#!/usr/bin/env python3\n{SIGNS_HS256}");
    write(dir.path(), "manage.py", &script);
    chmod(&dir.path().join("manage.py"), 0o750);
    let output = flasklint(
        &[
            "check",
            "--isolated",
            "--fix",
            "--unsafe-fixes",
            "manage.py",
        ],
        dir.path(),
    );
    assert!(
        stderr(&output).contains("Fixed 1 finding in 1 file"),
        "{}",
        stderr(&output)
    );
    let fixed = fs::read_to_string(dir.path().join("manage.py")).expect("read");
    assert!(fixed.contains("algorithms=[\"HS256\"]"), "{fixed}");
    assert_eq!(mode(&dir.path().join("manage.py")), 0o750);
    assert!(leftovers(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn fix_writes_through_a_symlink_and_keeps_the_link() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "src/auth.py", SIGNS_HS256);
    std::os::unix::fs::symlink("src/auth.py", dir.path().join("auth.py")).expect("symlink");
    let output = flasklint(
        &["check", "--isolated", "--fix", "--unsafe-fixes", "auth.py"],
        dir.path(),
    );
    assert!(
        stderr(&output).contains("Fixed 1 finding in 1 file"),
        "{}",
        stderr(&output)
    );
    let link = dir.path().join("auth.py");
    assert!(
        fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_link(&link).expect("link"),
        Path::new("src/auth.py")
    );
    let fixed = fs::read_to_string(dir.path().join("src/auth.py")).expect("read");
    assert!(fixed.contains("algorithms=[\"HS256\"]"), "{fixed}");
    assert!(leftovers(dir.path()).is_empty());
    assert!(leftovers(&dir.path().join("src")).is_empty());
}

#[cfg(unix)]
#[test]
fn output_and_baseline_replace_existing_files_keeping_mode_and_links() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "app.py", BAD);
    // A report some earlier run left, shared with the group, and a baseline kept in another
    // directory behind a link.
    write(dir.path(), "flasklint.sarif", "x".repeat(100_000));
    chmod(&dir.path().join("flasklint.sarif"), 0o664);
    write(dir.path(), "shared/baseline.json", "old");
    std::os::unix::fs::symlink("shared/baseline.json", dir.path().join("baseline.json"))
        .expect("symlink");

    let output = flasklint(
        &[
            "check",
            "--isolated",
            "--format",
            "sarif",
            "-o",
            "flasklint.sarif",
            "app.py",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let sarif: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("flasklint.sarif")).expect("read"))
            .expect("the whole report, not the old file's tail");
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(mode(&dir.path().join("flasklint.sarif")), 0o664);

    let output = flasklint(
        &[
            "check",
            "--isolated",
            "--write-baseline",
            "baseline.json",
            "app.py",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        fs::symlink_metadata(dir.path().join("baseline.json"))
            .expect("stat")
            .file_type()
            .is_symlink()
    );
    let baseline = fs::read_to_string(dir.path().join("shared/baseline.json")).expect("read");
    assert!(baseline.contains("FL101"), "{baseline}");
    let output = flasklint(
        &[
            "check",
            "--isolated",
            "--baseline",
            "baseline.json",
            "app.py",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(leftovers(dir.path()).is_empty());
    assert!(leftovers(&dir.path().join("shared")).is_empty());
}

#[test]
fn output_to_an_unwritable_place_is_a_usage_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "app.py", BAD);
    fs::create_dir(dir.path().join("report.json")).expect("mkdir");
    let output = flasklint(
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "-o",
            "report.json",
            "app.py",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("cannot write report.json"),
        "{}",
        stderr(&output)
    );
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn a_file_edited_between_reading_and_writing_is_skipped_and_reported() {
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "auth.py", SIGNS_HS256);
    let path = dir.path().join("auth.py");
    let settings = flasklint::Settings::new(vec![path.clone()]);
    let outcome = flasklint::run(&settings).expect("runs");
    let plan = flasklint::fix::plan(&outcome.findings, true);
    assert_eq!(plan.files.len(), 1, "{plan:?}");
    // Someone saves the file after flasklint computed its fixes, before it writes them.
    let edited = format!("{SIGNS_HS256}\n# a line added in an editor\n");
    fs::write(&path, &edited).expect("write");
    let written = flasklint::fix::write(&plan);
    assert_eq!(written.files, 0);
    assert_eq!(written.fixes, 0);
    assert_eq!(written.failed.len(), 1, "{written:?}");
    assert!(
        written.failed[0]
            .1
            .contains("the file changed since it was read"),
        "{written:?}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), edited);
    assert!(leftovers(dir.path()).is_empty());

    // Unchanged, the same plan is written.
    fs::write(&path, SIGNS_HS256).expect("write");
    let written = flasklint::fix::write(&plan);
    assert_eq!((written.files, written.fixes), (1, 1), "{written:?}");
    assert!(
        fs::read_to_string(&path)
            .expect("read")
            .contains("algorithms=[\"HS256\"]")
    );
}

#[test]
fn output_to_a_named_pipe_writes_into_it_and_leaves_it_a_pipe() {
    // `-o /dev/null`, `-o /dev/stdout` and pipes are not files to replace: a rename would put a
    // regular file where the device was (as root, over /dev/null itself). A named pipe shows it
    // without touching the machine's devices.
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("tmp");
    write(dir.path(), "app.py", BAD);
    let pipe = dir.path().join("report.pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader_path = pipe.clone();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        fs::File::open(&reader_path)
            .expect("open the pipe for reading")
            .read_to_string(&mut text)
            .expect("read the report");
        text
    });
    let output = flasklint(
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "-o",
            "report.pipe",
            "app.py",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    // Checked before joining: had the pipe been replaced, its reader would wait forever.
    let kind = fs::symlink_metadata(&pipe)
        .expect("still there")
        .file_type();
    assert!(kind.is_fifo(), "the pipe was replaced by a regular file");
    let report: serde_json::Value =
        serde_json::from_str(&reader.join().expect("reader")).expect("the report came through");
    assert!(report["findings"].as_array().is_some_and(|f| !f.is_empty()));
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
}
