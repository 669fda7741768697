//! The workspace as `check` would see it: one root per workspace folder, each with the
//! configuration `flasklint check` run in that folder finds (`[tool.flasklint]`,
//! `flasklint.toml`, `.flasklint.toml`, searched upwards from the root), and the editor's own
//! options, which play the part of the command-line flags.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde_json::Value;

use crate::baseline::{self, Known};
use crate::check::Settings;
use crate::config::{self, ConfigArgs};

/// What the editor may set, as `initializationOptions` or as the `flasklint` section of its
/// settings: each mirrors the `check` flag of the same name. Paths are relative to each root.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// `--config FILE`.
    pub config: Option<PathBuf>,
    /// `--isolated`: no configuration file.
    pub isolated: bool,
    /// `--baseline FILE`: findings it records are not shown.
    pub baseline: Option<PathBuf>,
    /// `--noqa-all`.
    pub noqa_all: bool,
    /// `--all-files`.
    pub all_files: bool,
    /// The fix-all action applies unsafe fixes too (`--unsafe-fixes`); the quick fixes offer
    /// them either way, labelled.
    pub unsafe_fixes: bool,
}

impl Options {
    /// The options in `initializationOptions`: the options themselves, or an object holding
    /// them under `flasklint`. `None` when there are none.
    pub fn from_initialization(value: &Value) -> Option<Result<Options, String>> {
        match value.get("flasklint") {
            Some(section) => Some(Options::parse(section)),
            None if value.as_object().is_some_and(|o| !o.is_empty()) => Some(Options::parse(value)),
            None => None,
        }
    }

    /// The options in `workspace/didChangeConfiguration` settings (or a
    /// `workspace/configuration` answer): the `flasklint` section. `None` (keep the current
    /// options) when the settings have none: other tools' sections are not ours to judge.
    pub fn from_settings(value: &Value) -> Option<Result<Options, String>> {
        value.get("flasklint").map(Options::parse)
    }

    fn parse(value: &Value) -> Result<Options, String> {
        if value.is_null() {
            return Ok(Options::default());
        }
        Options::deserialize(value)
            .map_err(|error| format!("flasklint settings are not valid: {error}"))
    }
}

/// One workspace folder, ready to check.
pub struct Root {
    pub path: PathBuf,
    pub settings: Settings,
    pub baseline: Option<Arc<Known>>,
}

/// The roots for `folders` (absolute paths); a folder inside another is checked with it, not
/// twice. Configuration or baseline problems are returned to be shown to the user; the root
/// is then checked without the configuration, or without the baseline.
pub fn load(folders: &[PathBuf], options: &Options) -> (Vec<Root>, Vec<String>) {
    let mut folders: Vec<PathBuf> = folders.to_vec();
    folders.sort();
    folders.dedup();
    let outer: Vec<PathBuf> = folders
        .iter()
        .filter(|folder| {
            !folders
                .iter()
                .any(|other| other != *folder && folder.starts_with(other))
        })
        .cloned()
        .collect();
    let mut problems = Vec::new();
    let roots = outer
        .into_iter()
        .map(|path| {
            let (root, problem) = load_root(path, options);
            problems.extend(problem);
            root
        })
        .collect();
    (roots, problems)
}

fn load_root(path: PathBuf, options: &Options) -> (Root, Vec<String>) {
    let mut problems = Vec::new();
    let args = ConfigArgs {
        config: options.config.as_ref().map(|file| path.join(file)),
        isolated: options.isolated,
        ..ConfigArgs::default()
    };
    let resolved = config::load_for(&args, std::slice::from_ref(&path))
        .and_then(|config| config::resolve(config, &args, &[]))
        .or_else(|message| {
            problems.push(format!(
                "{message}; checking {} without the configuration",
                path.display()
            ));
            config::resolve(config::Config::default(), &ConfigArgs::default(), &[])
        });
    let mut settings = Settings::new(vec![path.clone()]);
    settings.noqa_all = options.noqa_all;
    settings.prefilter = !options.all_files;
    if let Ok(resolved) = resolved {
        settings.excludes = resolved.excludes;
        settings.rules = resolved.rules;
        settings.per_file_ignores = resolved.per_file_ignores;
        settings.severity_overrides = resolved.severity_overrides;
        settings.include_tests = resolved.include_tests;
    }
    let baseline = match &options.baseline {
        Some(file) => match baseline::read(&path.join(file)) {
            Ok(known) => Some(Arc::new(known)),
            Err(message) => {
                problems.push(message);
                None
            }
        },
        None => None,
    };
    (
        Root {
            path,
            settings,
            baseline,
        },
        problems,
    )
}

/// Whether a change to `path` can change findings beyond the Python file it may be: the
/// configuration, the baseline, dependency manifests, `.env` files and OpenAPI specs.
pub fn is_project_file(path: &Path, options: &Options) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let baseline_named = options
        .baseline
        .as_ref()
        .and_then(|b| b.file_name())
        .is_some_and(|b| b.to_string_lossy() == name);
    baseline_named
        || WATCHED_NAMES.contains(&name.as_ref())
        || name.starts_with(".env")
        || crate::walk::SettingsFormat::of_path(path).is_some()
        || (name.starts_with("requirements") && name.ends_with(".txt"))
        || matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml" | "json" | "toml" | "lock")
        )
}

const WATCHED_NAMES: &[&str] = &[
    "pyproject.toml",
    "flasklint.toml",
    ".flasklint.toml",
    "setup.cfg",
    "Pipfile",
    "Pipfile.lock",
    "poetry.lock",
    "uv.lock",
];

/// The globs registered with the client for `workspace/didChangeWatchedFiles`: Python files (a
/// closed file changed by `git checkout` or a formatter), and everything `is_project_file`
/// names.
pub fn watched_globs(options: &Options) -> Vec<String> {
    let mut globs: Vec<String> = [
        "**/*.py",
        "**/*.{toml,cfg,lock}",
        "**/Pipfile",
        "**/requirements*.txt",
        "**/requirements/*.txt",
        "**/*.{yaml,yml,json}",
        "**/.env*",
        // Settings outside Python that FL301/FL302/FL305 read (`model::settings_files`).
        "**/.flaskenv",
        "**/*.env",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    if let Some(baseline) = &options.baseline {
        globs.push(format!("**/{}", baseline.display()));
    }
    globs
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn options_come_from_either_shape() {
        let direct =
            Options::from_initialization(&json!({"baseline": "b.json", "unsafeFixes": true}));
        let nested = Options::from_initialization(
            &json!({"flasklint": {"baseline": "b.json", "unsafeFixes": true}}),
        );
        assert_eq!(direct, nested);
        let options = direct.expect("options").expect("valid");
        assert_eq!(options.baseline, Some(PathBuf::from("b.json")));
        assert!(options.unsafe_fixes);
        assert!(Options::from_initialization(&Value::Null).is_none());
        assert!(Options::from_initialization(&json!({})).is_none());
        assert!(
            Options::from_initialization(&json!({"flasklint": {"baselne": "x"}}))
                .expect("a section")
                .is_err()
        );
        // Settings hold other tools' sections too: only `flasklint` is read.
        assert!(Options::from_settings(&json!({"python": {"x": 1}})).is_none());
        assert_eq!(
            Options::from_settings(&json!({"flasklint": {"noqaAll": true}})),
            Some(Ok(Options {
                noqa_all: true,
                ..Options::default()
            }))
        );
    }

    #[test]
    fn nested_folders_are_one_root() {
        let dir = tempfile::tempdir().expect("tmp");
        let inner = dir.path().join("inner");
        std::fs::create_dir(&inner).expect("mkdir");
        let (roots, problems) = load(&[inner, dir.path().to_path_buf()], &Options::default());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(roots.len(), 1);
        assert_eq!(roots[0].path, dir.path());
    }

    #[test]
    fn project_files_are_recognised() {
        let options = Options::default();
        for name in [
            "pyproject.toml",
            ".env",
            ".env.local",
            "requirements-dev.txt",
            "openapi.yaml",
            "poetry.lock",
        ] {
            assert!(is_project_file(Path::new(name), &options), "{name}");
        }
        assert!(!is_project_file(Path::new("app.py"), &options));
        assert!(!is_project_file(Path::new("notes.txt"), &options));
    }
}
