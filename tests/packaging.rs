//! The files that ship flasklint outside cargo agree with the crate: the Python package takes its
//! version from Cargo.toml, the GitHub Action installs the version this commit is, and the
//! pre-commit mirror's hook selects the files the main hook does. `.ci/run` builds and installs
//! the wheel and validates the action and workflows; this is what a plain `cargo test` can check.

use std::path::Path;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The `default:` of `inputs.<input>` in action.yml, read line by line: the file is ours and
/// keeps the layout GitHub's own examples use (two-space indentation, one key per line).
fn action_input_default(action: &str, input: &str) -> Option<String> {
    let mut in_inputs = false;
    let mut in_input = false;
    for line in action.lines() {
        if !line.starts_with(' ') && !line.trim().is_empty() && !line.starts_with('#') {
            in_inputs = line.trim_end() == "inputs:";
            in_input = false;
            continue;
        }
        if !in_inputs {
            continue;
        }
        if let Some(name) = line.strip_prefix("  ").and_then(|l| l.strip_suffix(':'))
            && !name.starts_with(' ')
        {
            in_input = name == input;
            continue;
        }
        if in_input && let Some(value) = line.trim_start().strip_prefix("default:") {
            return Some(value.trim().trim_matches('"').to_string());
        }
    }
    None
}

#[test]
fn the_action_installs_the_version_of_this_commit() {
    let action = read("action.yml");
    assert_eq!(
        action_input_default(&action, "version").as_deref(),
        Some(env!("CARGO_PKG_VERSION")),
        "action.yml's `version` default must be Cargo.toml's version: set both when releasing"
    );
    // The release workflow refuses a tag whose action.yml disagrees, with this exact pattern.
    assert!(
        action.contains(&format!("    default: \"{}\"\n", env!("CARGO_PKG_VERSION"))),
        "the release workflow's check reads `    default: \"VERSION\"`"
    );
    assert_eq!(
        action_input_default(&action, "upload-sarif").as_deref(),
        Some("true")
    );
    assert!(action.contains("uses: github/codeql-action/upload-sarif@v4"));
}

#[test]
fn the_python_package_takes_its_version_from_cargo_toml() {
    let pyproject: toml::Table = toml::from_str(&read("pyproject.toml")).expect("valid TOML");
    let project = pyproject["project"].as_table().expect("[project]");
    assert_eq!(project["name"].as_str(), Some("flasklint"));
    assert!(
        project.get("version").is_none(),
        "one source for the version: Cargo.toml"
    );
    assert_eq!(
        project["dynamic"].as_array().map(|a| a.len()),
        Some(1),
        "{project:?}"
    );
    assert_eq!(project["dynamic"][0].as_str(), Some("version"));
    let maturin = pyproject["tool"]["maturin"]
        .as_table()
        .expect("[tool.maturin]");
    assert_eq!(maturin["bindings"].as_str(), Some("bin"));
    assert_eq!(
        pyproject["build-system"]["build-backend"].as_str(),
        Some("maturin")
    );
}

/// The lines of a hook definition that decide which files it receives.
fn file_selection(hooks: &str) -> Vec<String> {
    hooks
        .lines()
        .map(str::trim)
        .filter(|line| {
            [
                "files:",
                "types:",
                "types_or:",
                "exclude:",
                "require_serial:",
            ]
            .iter()
            .any(|key| line.starts_with(key))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn the_pre_commit_mirror_hook_receives_what_the_main_hook_receives() {
    let main = read(".pre-commit-hooks.yaml");
    let mirror = read(".github/pre-commit-mirror/.pre-commit-hooks.yaml");
    assert_eq!(file_selection(&main), file_selection(&mirror));
    assert_eq!(file_selection(&main).len(), 4, "{main}");
    assert!(main.contains("language: rust"));
    assert!(mirror.contains("language: python"));
    let pyproject = read(".github/pre-commit-mirror/pyproject.toml.in");
    assert!(pyproject.contains("dependencies = [\"flasklint==@VERSION@\"]"));
}
