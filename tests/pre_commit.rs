//! The pre-commit hook, tested with the real client: installs `pre-commit` from PyPI into a
//! temporary virtualenv and runs `pre-commit try-repo` against this checkout in a scratch git
//! repository. Ignored by default (it needs the network and builds flasklint in release mode);
//! run it with `cargo test --test pre_commit -- --ignored`.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{BAD, CLEAN, write};

fn run(program: &Path, args: &[&str], cwd: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(cwd)
        .env("PRE_COMMIT_HOME", cwd.join(".pre-commit-cache"))
        .output()
        .unwrap_or_else(|e| panic!("{} runs: {e}", program.display()))
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
#[ignore = "needs PyPI and a release build; run with --ignored"]
fn pre_commit_try_repo_fails_on_a_finding_and_passes_once_suppressed() {
    let scratch = tempfile::tempdir().expect("tmp");
    let venv = scratch.path().join("venv");
    let made = run(
        Path::new("python3"),
        &["-m", "venv", venv.to_str().expect("UTF-8 path")],
        scratch.path(),
    );
    assert!(made.status.success(), "{}", text(&made));
    let pip = run(
        &venv.join("bin/pip"),
        &["install", "--quiet", "pre-commit"],
        scratch.path(),
    );
    assert!(pip.status.success(), "{}", text(&pip));

    let repo = scratch.path().join("repo");
    std::fs::create_dir_all(&repo).expect("mkdir");
    let git = Path::new("git");
    for args in [
        vec!["init", "--quiet"],
        vec!["config", "user.email", "test@example.com"],
        vec!["config", "user.name", "test"],
    ] {
        assert!(run(git, &args, &repo).status.success());
    }
    write(&repo, "app/auth.py", BAD);
    write(&repo, "app/clean.py", CLEAN);
    assert!(run(git, &["add", "."], &repo).status.success());

    // try-repo takes committed files plus changes to tracked ones; a copy of the working tree
    // committed in a scratch repository tests exactly what is on disk, hook file included.
    let hook_repo = scratch.path().join("flasklint");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Everything but build output and history: a hand-kept list broke when `data/` appeared.
    for entry in std::fs::read_dir(root)
        .expect("crate root readable")
        .flatten()
    {
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        copy(&entry.path(), &hook_repo.join(&name));
    }
    for args in [
        vec!["init", "--quiet"],
        vec!["add", "."],
        vec![
            "-c",
            "user.email=test@example.com",
            "-c",
            "user.name=test",
            "commit",
            "--quiet",
            "-m",
            "flasklint",
        ],
    ] {
        let done = run(git, &args, &hook_repo);
        assert!(done.status.success(), "{}", text(&done));
    }
    let pre_commit = venv.join("bin/pre-commit");
    let checkout = hook_repo.to_str().expect("UTF-8 path");
    let try_repo = |repo: &Path| {
        run(
            &pre_commit,
            &["try-repo", checkout, "flasklint", "--all-files"],
            repo,
        )
    };
    let failing = try_repo(&repo);
    let output = text(&failing);
    assert!(!failing.status.success(), "{output}");
    assert!(output.contains("FL101"), "{output}");
    assert!(output.contains("app/auth.py"), "{output}");

    write(
        &repo,
        "app/auth.py",
        BAD.replace("issuer='auth')", "issuer='auth')  # noqa: FL101"),
    );
    assert!(run(git, &["add", "."], &repo).status.success());
    let passing = try_repo(&repo);
    assert!(passing.status.success(), "{}", text(&passing));
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("readable").flatten() {
            // Nested build output (fuzz/target) is large and not part of the source.
            if entry.file_name() == "target" {
                continue;
            }
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::copy(from, to).expect("copy");
    }
}
