//! The pre-commit hook, tested with the real client: installs `pre-commit` from PyPI into a
//! temporary virtualenv and runs `pre-commit run` with this checkout as the hook repository in a
//! scratch git repository: findings fail the commit, a suppression passes it, a changed manifest is read
//! (FL501), and YAML, `.env` and project-template files never reach flasklint as Python.
//! Ignored by default (it needs the network and builds flasklint in release mode); run it with
//! `cargo test --test pre_commit -- --ignored`.

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
fn pre_commit_hook_fails_on_findings_passes_once_suppressed_and_reads_manifests() {
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

    // A copy of the working tree committed in a scratch repository: the hook is tested exactly
    // as it is on disk, hook file included.
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
    // A configuration naming the hook repository by path and commit, as a user's names it by
    // URL and tag: pre-commit builds the hook once into PRE_COMMIT_HOME and reuses it for every
    // run below (`try-repo` would build it again for each call, minutes apiece).
    let head = run(git, &["rev-parse", "HEAD"], &hook_repo);
    assert!(head.status.success(), "{}", text(&head));
    let rev = String::from_utf8_lossy(&head.stdout).trim().to_string();
    let checkout = hook_repo.to_str().expect("UTF-8 path");
    write(
        &repo,
        ".pre-commit-config.yaml",
        format!(
            "repos:\n  - repo: {checkout}\n    rev: {rev}\n    hooks:\n      - id: flasklint\n"
        ),
    );
    assert!(run(git, &["add", "."], &repo).status.success());
    let run_all = |repo: &Path| run(&pre_commit, &["run", "flasklint", "--all-files"], repo);
    let failing = run_all(&repo);
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
    let passing = run_all(&repo);
    assert!(passing.status.success(), "{}", text(&passing));

    // Files besides Python: a manifest with a vulnerable pin, configuration flasklint has no
    // use for, and a cookiecutter template whose "Python" is Jinja.
    write(&repo, "requirements.txt", "Flask>=3\nPyJWT==1.7.1\n");
    write(&repo, "config.yaml", "jwt:\n  algorithm: HS256\n");
    write(&repo, ".env", "SECRET_KEY=change-me\n");
    write(
        &repo,
        "{{cookiecutter.project_slug}}/app.py",
        "import jwt\n{% if cookiecutter.use_jwt %}\njwt.decode(token, key)\n{% endif %}\n",
    );
    assert!(run(git, &["add", "."], &repo).status.success());
    let try_files = |files: &[&str]| {
        let mut args = vec!["run", "flasklint", "--files"];
        args.extend_from_slice(files);
        run(&pre_commit, &args, &repo)
    };
    // Only the manifest changed: it is read, and its pin is reported where it is written.
    let manifest = try_files(&["requirements.txt", "config.yaml"]);
    let output = text(&manifest);
    assert!(!manifest.status.success(), "{output}");
    assert!(output.contains("FL501"), "{output}");
    assert!(output.contains("requirements.txt:2"), "{output}");
    assert!(!output.contains("syntax error"), "{output}");
    // A dotenv file is settings: its weak key is reported where it is written.
    let dotenv = try_files(&[".env"]);
    let output = text(&dotenv);
    assert!(!dotenv.status.success(), "{output}");
    assert!(output.contains("FL302"), "{output}");
    assert!(output.contains(".env:1"), "{output}");
    std::fs::remove_file(repo.join(".env")).expect("rm .env");
    assert!(run(git, &["add", "-A"], &repo).status.success());
    // Nothing flasklint reads: the hook does not even run.
    let other = try_files(&["config.yaml"]);
    let output = text(&other);
    assert!(other.status.success(), "{output}");
    assert!(output.contains("no files to check"), "{output}");
    // Every file: the manifest's finding, nothing from the template.
    let all = run_all(&repo);
    let output = text(&all);
    assert!(!all.status.success(), "{output}");
    assert!(output.contains("FL501"), "{output}");
    assert!(!output.contains("cookiecutter"), "{output}");
    assert!(!output.contains("syntax error"), "{output}");
    // Fixed pin: clean again.
    write(&repo, "requirements.txt", "Flask>=3\nPyJWT>=2.4\n");
    assert!(run(git, &["add", "."], &repo).status.success());
    let fixed = run_all(&repo);
    assert!(fixed.status.success(), "{}", text(&fixed));
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
