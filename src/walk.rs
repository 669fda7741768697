//! Which files to check: every `*.py` under the given directories (minus virtualenvs, caches,
//! build output, project templates and `--exclude` globs), plus every Python file named
//! explicitly.
//!
//! A file named explicitly is checked as Python when it is one: `*.py`, `*.pyw`, `*.pyi`, or a
//! script without an extension whose first line runs Python (as pre-commit's `python` type
//! reads it). A dependency manifest named explicitly (`requirements.txt`, `pyproject.toml`,
//! `poetry.lock`, ...) is read as one: its project's dependencies are judged. Any other file is
//! passed over without a word, so a pre-commit hook may hand flasklint every file it might
//! care about.
//!
//! Symlinks are never followed while walking a directory; a symlink named on the command line is
//! followed only when its target stays inside the current directory, so a link cannot lead the
//! tool out of the tree it was given.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use walkdir::WalkDir;

use crate::source::FileError;

/// How a settings file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SettingsFormat {
    /// python-dotenv syntax: `KEY=value`, `export KEY="value"`, comments, `${VAR}` expansion.
    Dotenv,
    /// A docker-compose file: only `environment:` entries are read.
    Compose,
    /// Python executed by `from_pyfile` (whatever its extension): its upper-case top-level names.
    Python,
    /// A TOML file loaded by `from_file(..., load=tomllib.load)`: its upper-case top-level keys.
    Toml,
    /// A JSON file loaded by `from_file(..., load=json.load)` or `from_json`.
    Json,
    /// A Dockerfile: its `ENV` values and `ARG` defaults, which the built image carries.
    Dockerfile,
    /// A Procfile, a systemd unit, a supervisor configuration, Replit's `.replit`, Vercel's
    /// `vercel.json` or a shell script: no settings, only the commands that serve the app (`web:
    /// gunicorn app:app`), which say how production runs it.
    Deployment,
}

impl SettingsFormat {
    /// The format a file is read as by its name alone: dotenv files, compose files, and the
    /// `.cfg` / `.toml` / `.json` / `.py` files of an `instance/` folder.
    pub fn of_path(path: &Path) -> Option<SettingsFormat> {
        let name = path.file_name()?.to_str()?;
        let lower = name.to_ascii_lowercase();
        if is_dotenv_name(&lower) {
            return Some(SettingsFormat::Dotenv);
        }
        if is_compose_name(&lower) {
            return Some(SettingsFormat::Compose);
        }
        // Replit's `.replit` (`[deployment] run = ["sh", "-c", "gunicorn ... main:app"]`, PxHRMS),
        // Vercel's `vercel.json` (`"use": "@vercel/python"` on `api/index.py`, hr-backend) and
        // shell scripts (`gunicorn.sh`, `entrypoint.sh`) start the deployed app too.
        if lower == "procfile"
            || lower.starts_with("procfile.")
            || lower.ends_with(".service")
            || lower == ".replit"
            || lower == "vercel.json"
            // Render's blueprint (`startCommand: gunicorn run:app`, FARMART-2), Railway's and
            // Nixpacks' start commands, App Engine's `entrypoint:`.
            || matches!(
                lower.as_str(),
                "render.yaml"
                    | "render.yml"
                    | "railway.json"
                    | "railway.toml"
                    | "nixpacks.toml"
                    | "app.yaml"
            )
            || lower.ends_with(".sh")
        {
            return Some(SettingsFormat::Deployment);
        }
        // Supervisor's program sections (`command=gunicorn ... run:app`, yamakanban's
        // `configs/supervisord.conf`), also one file per program under `supervisor/conf.d/`.
        let in_supervisor_folder = path.ancestors().skip(1).take(2).any(|folder| {
            folder
                .file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.to_ascii_lowercase().starts_with("supervisor"))
        });
        if matches!(lower.as_str(), "supervisord.conf" | "supervisor.conf")
            || lower.ends_with(".conf") && in_supervisor_folder
        {
            return Some(SettingsFormat::Deployment);
        }
        // `Dockerfile`, `Dockerfile.prod`, `Dockerfile-chat` (A2rchi's), `api.Dockerfile`.
        if lower == "dockerfile"
            || lower.starts_with("dockerfile.")
            || lower.starts_with("dockerfile-")
            || lower.starts_with("dockerfile_")
            || lower.ends_with(".dockerfile")
        {
            return Some(SettingsFormat::Dockerfile);
        }
        // Invenio's instance configuration (`invenio.cfg`, Python that invenio-config executes
        // from the instance path), wherever the repository keeps it (zenodo-rdm: at its root).
        if lower == "invenio.cfg" {
            return Some(SettingsFormat::Python);
        }
        let in_instance = path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|folder| folder == "instance");
        if in_instance {
            return match lower.rsplit_once('.').map(|(_, ext)| ext) {
                Some("cfg") => Some(SettingsFormat::Python),
                Some("toml") => Some(SettingsFormat::Toml),
                Some("json") => Some(SettingsFormat::Json),
                _ => None,
            };
        }
        None
    }
}

/// `.env`, `.flaskenv`, `.env.production`, `.env-dev`, `prod.env`, `env.example`.
fn is_dotenv_name(lower: &str) -> bool {
    // Editor swap files, backups and encrypted copies are not settings anyone loads.
    const NOT_SETTINGS: &[&str] = &[
        ".swp", ".swo", ".swx", ".bak", ".orig", ".tmp", "~", ".gpg", ".enc", ".age", ".asc",
        ".vault", ".sops",
    ];
    if NOT_SETTINGS.iter().any(|suffix| lower.ends_with(suffix)) {
        return false;
    }
    lower == ".env"
        || lower == ".flaskenv"
        || lower.starts_with(".env.")
        || lower.starts_with(".env-")
        || lower.starts_with(".env_")
        || (lower.ends_with(".env") && lower.len() > 4 && !lower.ends_with("/.env"))
        || (lower.starts_with("env.") && !lower.ends_with(".py"))
}

/// `docker-compose.yml`, `docker-compose.prod.yaml`, `compose.yml`, `compose.override.yaml`.
fn is_compose_name(lower: &str) -> bool {
    (lower.starts_with("docker-compose") || lower.starts_with("compose"))
        && (lower.ends_with(".yml") || lower.ends_with(".yaml"))
}

/// Directory names skipped by default, as Ruff and Bandit users expect.
pub const DEFAULT_EXCLUDES: &[&str] = &[
    ".venv",
    "venv",
    "__pycache__",
    "node_modules",
    "site-packages",
    "build",
    "dist",
    ".tox",
];

/// A file to check and the directory module names are computed from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
    pub root: PathBuf,
    /// Named on the command line (as pre-commit names changed files), not found in a directory:
    /// always parsed, so its syntax errors are reported.
    pub named: bool,
}

pub struct Walk {
    pub files: Vec<Candidate>,
    /// Entries that could not be read or were refused (broken directory, outward symlink).
    pub errors: Vec<FileError>,
    /// Dependency manifests named on the command line: their projects' dependencies are read.
    pub manifests: Vec<PathBuf>,
    /// Files named on the command line that are neither Python nor manifests: not checked.
    pub passed_over: Vec<PathBuf>,
    /// Settings written outside Python (`model::settings_files`): dotenv and compose files,
    /// and the settings files of `instance/` folders, found or named.
    pub settings_files: Vec<PathBuf>,
}

/// Whether a file named on the command line is Python source: by its extension, or, without
/// one, by a `#!` line that runs Python (`#!/usr/bin/env python3`), as pre-commit's `identify`
/// tells Python scripts apart.
pub fn is_python_file(path: &Path) -> bool {
    match path.extension().and_then(|ext| ext.to_str()) {
        Some(ext) => matches!(ext, "py" | "pyw" | "pyi"),
        None => {
            use std::io::Read;
            let mut first = [0u8; 128];
            let read = std::fs::File::open(path)
                .and_then(|mut file| file.read(&mut first))
                .unwrap_or(0);
            let head = &first[..read];
            let line = head.split(|&b| b == b'\n').next().unwrap_or(head);
            line.starts_with(b"#!") && memchr::memmem::find(line, b"python").is_some()
        }
    }
}

pub struct Excludes {
    globs: GlobSet,
}

impl Excludes {
    /// Builds the matcher for `--exclude` globs. A glob without a `/` matches a file or
    /// directory name anywhere (`migrations`, `*_pb2.py`); one with a `/` matches the path.
    pub fn new(patterns: &[String]) -> Result<Excludes, String> {
        let mut builder = GlobSetBuilder::new();
        for pattern in patterns {
            let pattern = pattern.trim_end_matches('/');
            let glob = Glob::new(pattern)
                .map_err(|e| format!("invalid --exclude glob `{pattern}`: {e}"))?;
            builder.add(glob);
            if pattern.contains('/') && !pattern.starts_with("**/") && !pattern.starts_with('/') {
                let anywhere = format!("**/{pattern}");
                let glob = Glob::new(&anywhere)
                    .map_err(|e| format!("invalid --exclude glob `{pattern}`: {e}"))?;
                builder.add(glob);
            }
        }
        let globs = builder
            .build()
            .map_err(|e| format!("invalid --exclude globs: {e}"))?;
        Ok(Excludes { globs })
    }

    fn matches(&self, path: &Path) -> bool {
        if self.globs.is_empty() {
            return false;
        }
        let name_matches = path
            .file_name()
            .is_some_and(|name| self.globs.is_match(Path::new(name)));
        let relative = path.strip_prefix("./").unwrap_or(path);
        name_matches || self.globs.is_match(relative)
    }
}

fn is_default_excluded_dir(name: &str) -> bool {
    (name.starts_with('.') && name.len() > 1 && name != "..")
        || DEFAULT_EXCLUDES.contains(&name)
        || is_template_dir(name)
}

/// A project template's folder, named by its templating engine (`{{cookiecutter.project_slug}}`,
/// copier's `{{ project_name }}` or `{% if docs %}docs{% endif %}`): its files are Jinja
/// templates, not the Python and manifests they render to, so reading them yields only syntax
/// errors and unparseable requirements.
fn is_template_dir(name: &str) -> bool {
    (name.contains("{{") && name.contains("}}")) || (name.contains("{%") && name.contains("%}"))
}

/// Collects the files to check, sorted by path so output order never depends on the file system.
pub fn collect(paths: &[PathBuf], excludes: &Excludes) -> Walk {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut manifests = Vec::new();
    let mut passed_over = Vec::new();
    let mut settings_files = Vec::new();
    let cwd = std::env::current_dir()
        .ok()
        .and_then(|d| d.canonicalize().ok());
    for path in paths {
        // The CLI refuses paths that do not exist; one that vanished since is still reported.
        let metadata = match std::fs::symlink_metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => {
                errors.push(FileError {
                    path: path.clone(),
                    position: None,
                    message: format!("cannot be read: {error}"),
                });
                continue;
            }
        };
        if metadata.file_type().is_symlink() {
            let refused = match (path.canonicalize(), &cwd) {
                (Ok(target), Some(cwd)) if target.starts_with(cwd) => None,
                // A loop or a dangling link has no target to judge.
                (Err(error), _) => Some(format!(
                    "is a symlink that cannot be resolved ({error}); not followed"
                )),
                _ => {
                    Some("is a symlink to outside the current directory; not followed".to_string())
                }
            };
            if let Some(message) = refused {
                errors.push(FileError {
                    path: path.clone(),
                    position: None,
                    message,
                });
                continue;
            }
        }
        if path.is_file() {
            if is_python_file(path) {
                // A file named alone (pre-commit passes changed files) takes its module name
                // from its project, so `app/views.py` is `app.views` and its imports resolve as
                // in a run over the whole folder.
                let root = path
                    .parent()
                    .map(|parent| project_root(parent).unwrap_or_else(|| parent.to_path_buf()))
                    .unwrap_or_default();
                files.push(Candidate {
                    path: path.clone(),
                    root,
                    named: true,
                });
            } else if crate::deps::is_manifest(path) {
                manifests.push(path.clone());
            } else if SettingsFormat::of_path(path).is_some() {
                settings_files.push(path.clone());
            } else {
                passed_over.push(path.clone());
            }
            continue;
        }
        let walker = WalkDir::new(path)
            .follow_links(false)
            .into_iter()
            .filter_entry(|entry| {
                if entry.depth() == 0 {
                    return true;
                }
                let name = entry.file_name().to_string_lossy();
                if entry.file_type().is_dir() && is_default_excluded_dir(&name) {
                    return false;
                }
                !excludes.matches(entry.path())
            });
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let is_python = entry.file_type().is_file()
                        && entry.path().extension().is_some_and(|ext| ext == "py");
                    if is_python {
                        files.push(Candidate {
                            path: entry.path().to_path_buf(),
                            root: path.clone(),
                            named: false,
                        });
                    } else if entry.file_type().is_file()
                        && SettingsFormat::of_path(entry.path()).is_some()
                    {
                        settings_files.push(entry.path().to_path_buf());
                    }
                }
                Err(error) => errors.push(FileError {
                    path: error
                        .path()
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|| path.clone()),
                    position: None,
                    message: format!(
                        "cannot be read: {}",
                        error
                            .io_error()
                            .map_or_else(|| error.to_string(), |e| e.to_string())
                    ),
                }),
            }
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.path == b.path);
    settings_files.sort();
    settings_files.dedup();
    Walk {
        files,
        errors,
        manifests,
        passed_over,
        settings_files,
    }
}

/// Files that mark the top of a Python project.
const PROJECT_MARKERS: &[&str] = &[".git", "pyproject.toml", "setup.py", "setup.cfg"];

/// The nearest directory at or above `dir` that holds a project marker (`.git`,
/// `pyproject.toml`, `setup.py`, `setup.cfg`), spelled as `dir` is (relative stays relative).
pub fn project_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().find_map(|ancestor| {
        let probe = if ancestor.as_os_str().is_empty() {
            Path::new(".")
        } else {
            ancestor
        };
        PROJECT_MARKERS
            .iter()
            .any(|marker| probe.join(marker).exists())
            .then(|| ancestor.to_path_buf())
    })
}

/// `project_root` for many directories at once: a tree of files shares its ancestors, and each
/// directory is probed for the markers once, not once per directory below it.
#[derive(Default)]
pub struct ProjectRoots {
    known: std::collections::HashMap<PathBuf, Option<PathBuf>>,
}

impl ProjectRoots {
    pub fn of(&mut self, dir: &Path) -> Option<PathBuf> {
        let mut below: Vec<&Path> = Vec::new();
        let mut found: Option<PathBuf> = None;
        for ancestor in dir.ancestors() {
            if let Some(known) = self.known.get(ancestor) {
                found = known.clone();
                break;
            }
            let probe = if ancestor.as_os_str().is_empty() {
                Path::new(".")
            } else {
                ancestor
            };
            below.push(ancestor);
            if PROJECT_MARKERS
                .iter()
                .any(|marker| probe.join(marker).exists())
            {
                found = Some(ancestor.to_path_buf());
                break;
            }
        }
        for directory in below {
            self.known.insert(directory.to_path_buf(), found.clone());
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_roots_agree_with_project_root() {
        let base = std::env::temp_dir().join(format!("flasklint-roots-{}", std::process::id()));
        let inner = base.join("repo/pkg/sub");
        std::fs::create_dir_all(&inner).expect("temp dirs");
        std::fs::write(base.join("repo/pyproject.toml"), "").expect("marker");
        let mut roots = ProjectRoots::default();
        for dir in [&inner, &base.join("repo/pkg"), &base.join("repo"), &inner] {
            assert_eq!(roots.of(dir), project_root(dir), "{}", dir.display());
        }
        assert_eq!(roots.of(&inner), Some(base.join("repo")));
        let _ = std::fs::remove_dir_all(&base);
    }

    #[test]
    fn exclude_globs_match_names_anywhere_and_paths() {
        let excludes =
            Excludes::new(&["migrations".into(), "*_pb2.py".into(), "app/legacy".into()])
                .expect("valid");
        assert!(excludes.matches(Path::new("src/migrations")));
        assert!(excludes.matches(Path::new("x/y/api_pb2.py")));
        assert!(excludes.matches(Path::new("src/app/legacy")));
        assert!(!excludes.matches(Path::new("src/app/auth.py")));
    }

    #[test]
    fn hidden_and_virtualenv_directories_are_skipped() {
        assert!(is_default_excluded_dir(".git"));
        assert!(is_default_excluded_dir("venv"));
        assert!(!is_default_excluded_dir("app"));
    }

    #[test]
    fn template_folders_are_skipped() {
        assert!(is_default_excluded_dir("{{cookiecutter.project_slug}}"));
        assert!(is_default_excluded_dir("{{ project_name }}"));
        assert!(is_default_excluded_dir("{% if docs %}docs{% endif %}"));
        assert!(!is_default_excluded_dir("braces{"));
    }
}
