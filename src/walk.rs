//! Which files to check: every `*.py` under the given directories (minus virtualenvs, caches,
//! build output and `--exclude` globs), plus every file named explicitly.
//!
//! Symlinks are never followed while walking a directory; a symlink named on the command line is
//! followed only when its target stays inside the current directory, so a link cannot lead the
//! tool out of the tree it was given.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use walkdir::WalkDir;

use crate::source::FileError;

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
    (name.starts_with('.') && name.len() > 1 && name != "..") || DEFAULT_EXCLUDES.contains(&name)
}

/// Collects the files to check, sorted by path so output order never depends on the file system.
pub fn collect(paths: &[PathBuf], excludes: &Excludes) -> Walk {
    let mut files = Vec::new();
    let mut errors = Vec::new();
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
            // A file named alone (pre-commit passes changed files) takes its module name from
            // its project, so `app/views.py` is `app.views` and its imports resolve as in a
            // run over the whole folder.
            let root = path
                .parent()
                .map(|parent| project_root(parent).unwrap_or_else(|| parent.to_path_buf()))
                .unwrap_or_default();
            files.push(Candidate {
                path: path.clone(),
                root,
                named: true,
            });
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
    Walk { files, errors }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
