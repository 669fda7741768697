//! The project's declared dependencies: which versions of the token libraries (and Flask) the
//! code can run against, and where each was declared.
//!
//! Boundary: this module reads manifests and lock files and answers "which versions does this
//! project allow for package P, as seen from file F". It never reads Python code; rules combine
//! its answers with the project model. Version and specifier semantics are delegated to
//! `pep440_rs` / `pep508_rs` (astral's, the ones uv resolves with) and every "does this range
//! admit that version" question is an exact interval intersection (`version_ranges::Ranges`).
//!
//! Discovery: from each checked Python file's directory, walk up collecting manifests until a
//! directory that marks a project root (`.git`, `pyproject.toml`, `setup.py`, `setup.cfg`,
//! `Pipfile`, a lock file). Every file therefore sees the dependencies of its nearest project,
//! so a monorepo with one `requirements.txt` per service gets each service's own versions.
//! A lock file's exact version wins over any specifier in the same environment.

pub mod advisories;
mod parse;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use pep440_rs::Version;
use pep508_rs::PackageName;
use ruff_text_size::TextRange;
use version_ranges::Ranges;

use crate::source::{FileError, Position};

/// The packages whose versions change what flasklint reports, as PyPI spells them. `flasklint
/// deps` lists these; every other declaration is still parsed (for errors) but not shown.
pub const TRACKED: &[&str] = &[
    "PyJWT",
    "python-jose",
    "Authlib",
    "Flask-JWT-Extended",
    "Flask-JWT",
    "itsdangerous",
    "Flask",
    "Werkzeug",
];

/// What kind of file a declaration came from; decides how it is parsed and how it weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Requirements,
    Pyproject,
    SetupCfg,
    Pipfile,
    PipfileLock,
    PoetryLock,
    UvLock,
}

impl Kind {
    /// The kind of a file by its name, for the names discovery looks for.
    fn of(path: &Path) -> Option<Kind> {
        let name = path.file_name()?.to_str()?;
        Some(match name {
            "pyproject.toml" => Kind::Pyproject,
            "setup.cfg" => Kind::SetupCfg,
            "Pipfile" => Kind::Pipfile,
            "Pipfile.lock" => Kind::PipfileLock,
            "poetry.lock" => Kind::PoetryLock,
            "uv.lock" => Kind::UvLock,
            _ if name.starts_with("requirements") && name.ends_with(".txt") => Kind::Requirements,
            _ => return None,
        })
    }

    /// The kind of a dependency file: by its name, or, for a `.txt` file in a `requirements/`
    /// folder, as a requirements file (discovery reads those too).
    pub fn of_manifest(path: &Path) -> Option<Kind> {
        Kind::of(path).or_else(|| {
            let in_requirements_folder = path
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|name| name == "requirements");
            let is_text = path.extension().is_some_and(|ext| ext == "txt");
            (in_requirements_folder && is_text).then_some(Kind::Requirements)
        })
    }

    pub fn is_lock(self) -> bool {
        matches!(self, Kind::PipfileLock | Kind::PoetryLock | Kind::UvLock)
    }
}

/// Whether flasklint reads `path` as a dependency manifest or lock file (what discovery looks
/// for: `requirements*.txt`, `requirements/*.txt`, `pyproject.toml`, `setup.cfg`, `Pipfile`,
/// `Pipfile.lock`, `poetry.lock`, `uv.lock`).
pub fn is_manifest(path: &Path) -> bool {
    Kind::of_manifest(path).is_some()
}

/// A manifest or lock file: its text, with the line index findings are placed with.
pub struct DependencyFile {
    pub file: crate::source::TextFile,
    pub kind: Kind,
}

impl DependencyFile {
    fn new(path: PathBuf, kind: Kind, text: String) -> DependencyFile {
        DependencyFile {
            file: crate::source::TextFile::new(path, text),
            kind,
        }
    }
}

/// What a declaration allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// No version constraint (`PyJWT`, `"*"`), or one flasklint cannot read (a URL, a path, a
    /// git checkout): the version is unknown.
    Any,
    /// A specifier set, as intervals.
    Range(Ranges<Version>),
    /// A lock file's exact version.
    Locked(Version),
}

/// How a declaration takes part in resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The project asks for the package.
    Requirement,
    /// `-c constraints.txt`: narrows a version only if something else asks for the package.
    Constraint,
    /// A lock file's entry: what is installed.
    Lock,
}

/// One place a package is declared.
#[derive(Clone, Debug)]
pub struct Declaration {
    /// PEP 503 normalised (`pyjwt`, `flask-jwt-extended`).
    pub name: PackageName,
    /// The requirement as written, without comments (`PyJWT>=1.5,<2`, `pyjwt 1.7.1` for locks).
    pub written: String,
    pub allowed: Allowed,
    pub role: Role,
    /// Index into `Dependencies::files`.
    pub file: usize,
    /// The requirement's text in its file, for placing findings.
    pub range: TextRange,
    /// The version specifier's text in its file (`==1.7.1` of `PyJWT==1.7.1`), where a fix may
    /// write a new one; `None` where the declaration has no specifier of that shape.
    pub specifier: Option<TextRange>,
    /// The version constraint in PEP 440 words (`>=2.4, <3`), for `flasklint deps` when
    /// `specifier` has no span to show (a requirement joined from several lines, a wheel file).
    pub version_text: Option<String>,
    /// `;` markers or the optional group / extra it belongs to, shown in `flasklint deps`.
    pub context: Option<String>,
}

/// The manifests one directory's code runs with.
#[derive(Clone, Debug, Default)]
pub struct Environment {
    /// The directory the walk stopped at.
    pub root: PathBuf,
    /// Indexes into `Dependencies::files`, nearest directory first.
    pub files: Vec<usize>,
}

/// Every dependency file found for a run, their declarations, and what could not be read.
#[derive(Default)]
pub struct Dependencies {
    pub files: Vec<DependencyFile>,
    pub declarations: Vec<Declaration>,
    pub environments: Vec<Environment>,
    /// Directory of a checked file -> its environment.
    by_dir: HashMap<PathBuf, usize>,
    /// Malformed manifests, with file and line; reported next to the findings.
    pub errors: Vec<FileError>,
    /// Lines pip accepts that flasklint cannot use (a URL without a package name, a local
    /// project, an unset `${VAR}`): `flasklint deps` prints them as notes; they never change
    /// the exit code.
    pub skipped: Vec<FileError>,
    /// The `-r` / `-c` files each loaded file includes, worked out once per file: a parent
    /// manifest is reached from every directory below it.
    includes: HashMap<usize, Vec<(PathBuf, Role)>>,
}

/// The versions of one package an environment allows.
#[derive(Debug)]
pub struct PackageVersions<'d> {
    /// Every declaration in the environment, in discovery order.
    pub declarations: Vec<&'d Declaration>,
    /// The lock entry, when a lock file pins the package: it wins over the specifiers.
    pub locked: Option<&'d Declaration>,
    /// The versions allowed: the locked version, or the intersection of every specifier;
    /// `None` when nothing constrains the version (unknown).
    pub ranges: Option<Ranges<Version>>,
}

impl PackageVersions<'_> {
    /// Whether the allowed versions include one in `range`; `None` when unknown.
    pub fn admits(&self, range: &Ranges<Version>) -> Option<bool> {
        self.ranges
            .as_ref()
            .map(|allowed| !allowed.is_disjoint(range))
    }

    /// Where the version came from, for messages: `poetry.lock:12` or `requirements.txt:3`,
    /// with what is written there.
    pub fn evidence(&self, files: &[DependencyFile]) -> String {
        let shown: Vec<&Declaration> = match self.locked {
            Some(lock) => vec![lock],
            None => self
                .declarations
                .iter()
                .copied()
                .filter(|d| d.allowed != Allowed::Any)
                .collect(),
        };
        shown
            .iter()
            .map(|d| {
                let file = &files[d.file];
                let line = file.file.position(d.range.start()).line;
                format!("`{}` at {}:{line}", d.written, file.file.display_path())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Names that end the walk up: the directory holding one is the project's root.
const ROOT_MARKERS: &[&str] = &[
    ".git",
    ".hg",
    "pyproject.toml",
    "setup.py",
    "setup.cfg",
    "Pipfile",
    "poetry.lock",
    "uv.lock",
];

impl Dependencies {
    /// The packages a pip-compile'd requirements file says pulled `declaration` in
    /// (`pyjwt==1.7.1` followed by `    # via notifications-python-client`, or the comment on the
    /// same line): empty when the file says nothing, or when the project asked for it itself
    /// (`# via -r requirements.in`).
    pub fn pulled_in_by(&self, declaration: &Declaration) -> Vec<String> {
        let Some(file) = self.files.get(declaration.file) else {
            return Vec::new();
        };
        if file.kind != Kind::Requirements {
            return Vec::new();
        }
        let text: &str = &file.file.text;
        let start = usize::from(declaration.range.end()).min(text.len());
        let Some(rest) = text.get(start..) else {
            return Vec::new();
        };
        let mut lines = rest.lines();
        let mut comments: Vec<&str> = Vec::new();
        if let Some(same_line) = lines.next()
            && let Some((_, comment)) = same_line.split_once('#')
        {
            comments.push(comment.trim());
        }
        comments.extend(
            lines
                .take_while(|line| {
                    line.trim_start().starts_with('#') && line.starts_with([' ', '\t'])
                })
                .map(|line| line.trim_start().trim_start_matches('#').trim()),
        );
        let mut via: Vec<String> = Vec::new();
        let mut listing = false;
        for comment in comments {
            let entry = match comment.strip_prefix("via") {
                Some(after) if after.is_empty() || after.starts_with(char::is_whitespace) => {
                    listing = true;
                    after.trim()
                }
                _ if listing => comment,
                _ => continue,
            };
            if entry.is_empty() {
                continue;
            }
            // `-r requirements.in`, `-c constraints.txt`: the project's own input.
            if entry.starts_with('-') {
                return Vec::new();
            }
            via.push(entry.to_string());
        }
        via
    }
}

impl Dependencies {
    /// Finds and parses the dependency files of every directory in `dirs` (the directories of
    /// the checked files, and the checked directories themselves).
    pub fn discover<I: IntoIterator<Item = PathBuf>>(dirs: I) -> Dependencies {
        let mut deps = Dependencies::default();
        let mut loaded: HashMap<PathBuf, Option<usize>> = HashMap::new();
        let mut by_files: BTreeMap<Vec<usize>, usize> = BTreeMap::new();
        // Many checked directories share ancestors; list each directory once.
        let mut listed: HashMap<PathBuf, (Vec<PathBuf>, bool)> = HashMap::new();
        // The caller names each checked file's folder, so most come many times over; making one
        // absolute asks the system for the working directory, once per folder is enough.
        let mut named: HashSet<PathBuf> = HashSet::new();
        for dir in dirs {
            if !named.insert(dir.clone()) {
                continue;
            }
            let dir = crate::paths::absolute(&dir);
            if deps.by_dir.contains_key(&dir) {
                continue;
            }
            let mut files = Vec::new();
            let mut root = dir.clone();
            for ancestor in dir.ancestors() {
                root = ancestor.to_path_buf();
                let (candidates, is_root) = listed
                    .entry(ancestor.to_path_buf())
                    .or_insert_with(|| {
                        let listing = Listing::of(ancestor);
                        (
                            manifest_candidates(ancestor, &listing),
                            ROOT_MARKERS.iter().any(|m| listing.exists(m)),
                        )
                    })
                    .clone();
                for path in candidates {
                    deps.load(&path, &mut loaded, &mut files);
                }
                if is_root {
                    break;
                }
            }
            let index = match by_files.get(&files) {
                Some(&index) => index,
                None => {
                    deps.environments.push(Environment {
                        root,
                        files: files.clone(),
                    });
                    by_files.insert(files, deps.environments.len() - 1);
                    deps.environments.len() - 1
                }
            };
            deps.by_dir.insert(dir, index);
        }
        deps
    }

    /// Loads `path` (once per run) and, for requirements files, what it includes with `-r` /
    /// `-c`; appends the file indexes to `files`.
    fn load(
        &mut self,
        path: &Path,
        loaded: &mut HashMap<PathBuf, Option<usize>>,
        files: &mut Vec<usize>,
    ) {
        self.load_as(path, None, Role::Requirement, loaded, files);
    }

    fn load_as(
        &mut self,
        path: &Path,
        included_from: Option<(usize, usize)>,
        role: Role,
        loaded: &mut HashMap<PathBuf, Option<usize>>,
        files: &mut Vec<usize>,
    ) {
        let path = crate::paths::absolute(path);
        if let Some(index) = loaded.get(&path) {
            // Already read (or unreadable): an include cycle or a shared parent manifest.
            if let Some(index) = index
                && !files.contains(index)
            {
                files.push(*index);
                for include in self.includes_of(*index) {
                    self.load_as(&include.0, None, include.1, loaded, files);
                }
            }
            return;
        }
        loaded.insert(path.clone(), None);
        // `-r other.in` names any file; everything else is found by its name.
        let kind = Kind::of(&path).unwrap_or(Kind::Requirements);
        let text = match std::fs::read(&path)
            .map_err(|error| error.to_string())
            .and_then(|bytes| decode_manifest(bytes, kind))
        {
            Ok(text) => text,
            Err(error) => {
                let (error_path, position) = match included_from {
                    Some((file, line)) => (self.files[file].file.path.clone(), Some(line)),
                    None => (path.clone(), None),
                };
                self.errors.push(FileError {
                    path: error_path,
                    position: position.map(|line| Position { line, column: 1 }),
                    message: format!("cannot read {}: {error}", path.display()),
                });
                return;
            }
        };
        let index = self.files.len();
        self.files
            .push(DependencyFile::new(path.clone(), kind, text));
        loaded.insert(path, Some(index));
        files.push(index);
        let parsed = parse::parse(&self.files[index], index, role);
        self.declarations.extend(parsed.declarations);
        self.errors.extend(parsed.errors);
        self.skipped.extend(parsed.skipped);
        for (include, line, role) in parsed.includes {
            self.load_as(&include, Some((index, line)), role, loaded, files);
        }
    }

    /// The `-r` / `-c` files a requirements file includes (re-read from its text, since a
    /// second environment that reaches an already loaded file needs them too).
    fn includes_of(&mut self, index: usize) -> Vec<(PathBuf, Role)> {
        if let Some(known) = self.includes.get(&index) {
            return known.clone();
        }
        let includes: Vec<(PathBuf, Role)> =
            parse::parse(&self.files[index], index, Role::Requirement)
                .includes
                .into_iter()
                .map(|(path, _, role)| (path, role))
                .collect();
        self.includes.insert(index, includes.clone());
        includes
    }

    /// The environment the code in `path` (a file or directory) runs with.
    pub fn environment_of(&self, path: &Path) -> Option<&Environment> {
        let absolute = crate::paths::absolute(path);
        let dir = if absolute.is_dir() {
            absolute
        } else {
            absolute.parent()?.to_path_buf()
        };
        self.by_dir.get(&dir).map(|&i| &self.environments[i])
    }

    /// The versions of `package` (any spelling) the environment allows.
    pub fn package<'d>(&'d self, env: &Environment, package: &str) -> Option<PackageVersions<'d>> {
        let name = PackageName::from_str(package).ok()?;
        let declarations: Vec<&Declaration> = env
            .files
            .iter()
            .flat_map(|&file| {
                let name = &name;
                self.declarations
                    .iter()
                    .filter(move |d| d.file == file && d.name == *name)
            })
            .collect();
        if declarations.is_empty() {
            return None;
        }
        let locked = declarations.iter().copied().find(|d| d.role == Role::Lock);
        let ranges = match locked.map(|d| &d.allowed) {
            Some(Allowed::Locked(version)) => Some(Ranges::singleton(version.clone())),
            _ => {
                // Constraints narrow, but only a real requirement (or a lock) makes the
                // package part of the environment at all.
                let mut range: Option<Ranges<Version>> = None;
                for declaration in &declarations {
                    if let Allowed::Range(r) = &declaration.allowed {
                        range = Some(match range {
                            Some(so_far) => so_far.intersection(r),
                            None => r.clone(),
                        });
                    }
                }
                range
            }
        };
        Some(PackageVersions {
            declarations,
            locked,
            ranges,
        })
    }

    /// The versions of `package` the code in `path` runs with.
    pub fn package_for(&self, path: &Path, package: &str) -> Option<PackageVersions<'_>> {
        self.package(self.environment_of(path)?, package)
    }
}

/// The entries of one directory, read once: every name, and whether it is a file (a link by its
/// target). Every directory was listed by the walk already; asking the listing rather than
/// probing each marker and manifest name saves about 8,000 failing `stat` calls on a 2,600-file
/// tree (the Flask-heavy benchmark tree).
struct Listing {
    /// Name -> is a file (a link by its target). A link whose target is missing is left out:
    /// `Path::exists` says no for it.
    files: HashMap<std::ffi::OsString, bool>,
}

impl Listing {
    fn of(dir: &Path) -> Listing {
        let mut files = HashMap::default();
        if let Ok(entries) = std::fs::read_dir(dir) {
            for entry in entries.flatten() {
                // `DirEntry::file_type` comes with the listing (no `stat`) and does not follow
                // links: a link is judged by its target, as `Path::is_file` does.
                let is_file = match entry.file_type() {
                    Ok(kind) if !kind.is_symlink() => kind.is_file(),
                    _ => match std::fs::metadata(entry.path()) {
                        Ok(target) => target.is_file(),
                        Err(_) => continue,
                    },
                };
                files.insert(entry.file_name(), is_file);
            }
        }
        Listing { files }
    }

    /// Whether `name` is in the directory as a file (following a link).
    fn is_file(&self, name: &str) -> bool {
        self.files
            .get(std::ffi::OsStr::new(name))
            .copied()
            .unwrap_or(false)
    }

    /// Whether `name` is in the directory, as `Path::exists` says.
    fn exists(&self, name: &str) -> bool {
        self.files.contains_key(std::ffi::OsStr::new(name))
    }
}

/// The dependency files directly in `dir`, in a fixed order: requirements first (also those in
/// a `requirements/` folder), then the manifests, then the locks.
fn manifest_candidates(dir: &Path, listing: &Listing) -> Vec<PathBuf> {
    let mut requirements: Vec<PathBuf> = listing
        .files
        .iter()
        .filter(|(name, is_file)| {
            **is_file
                && name
                    .to_str()
                    .is_some_and(|name| name.starts_with("requirements") && name.ends_with(".txt"))
        })
        .map(|(name, _)| dir.join(name))
        .collect();
    if listing
        .files
        .contains_key(std::ffi::OsStr::new("requirements"))
    {
        let folder = Listing::of(&dir.join("requirements"));
        requirements.extend(
            folder
                .files
                .iter()
                .filter(|(name, is_file)| {
                    **is_file && name.to_str().is_some_and(|name| name.ends_with(".txt"))
                })
                .map(|(name, _)| dir.join("requirements").join(name)),
        );
    }
    requirements.sort();
    let mut out = requirements;
    for name in [
        "pyproject.toml",
        "setup.cfg",
        "Pipfile",
        "Pipfile.lock",
        "poetry.lock",
        "uv.lock",
    ] {
        if listing.is_file(name) {
            out.push(dir.join(name));
        }
    }
    out
}

/// A manifest's text. UTF-8, with or without a byte-order mark; requirements files may also be
/// UTF-16 with a byte-order mark (what Windows PowerShell's `pip freeze > requirements.txt`
/// writes) or declare Latin-1 in a PEP 263 comment on one of their first two lines, as pip reads
/// them. TOML and JSON files are UTF-8 by their specifications.
fn decode_manifest(bytes: Vec<u8>, kind: Kind) -> Result<String, String> {
    const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
    let utf16 = |bytes: &[u8], little_endian: bool| -> Result<String, String> {
        let units: Vec<u16> = bytes
            .chunks(2)
            .map(|pair| match (pair, little_endian) {
                ([low, high], true) => u16::from_le_bytes([*low, *high]),
                ([high, low], false) => u16::from_be_bytes([*high, *low]),
                // An odd trailing byte cannot be UTF-16: decoding fails on it below.
                _ => 0xD800,
            })
            .collect();
        String::from_utf16(&units).map_err(|_| "not valid UTF-16".to_string())
    };
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return String::from_utf8(rest.to_vec()).map_err(|_| "not valid UTF-8".to_string());
    }
    if kind == Kind::Requirements {
        if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
            return utf16(rest, true);
        }
        if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
            return utf16(rest, false);
        }
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(error) => {
            let bytes = error.into_bytes();
            let declared = crate::source::declared_encoding(&bytes);
            match declared {
                Some(encoding) if kind == Kind::Requirements && is_latin1(&encoding) => {
                    Ok(bytes.iter().map(|&b| char::from(b)).collect())
                }
                Some(encoding) => Err(format!(
                    "declares the encoding `{encoding}`, which flasklint does not decode (it reads UTF-8, UTF-16 with a byte-order mark and Latin-1)"
                )),
                None => Err("not valid UTF-8".to_string()),
            }
        }
    }
}

fn is_latin1(encoding: &str) -> bool {
    let normalised = encoding.to_ascii_lowercase().replace(['_', '-'], "");
    matches!(
        normalised.as_str(),
        "latin1" | "iso88591" | "l1" | "iso885915" | "cp819"
    )
}

/// Parses a PEP 440 version (`2.4.0`), for data files and tests.
pub fn version(text: &str) -> Result<Version, String> {
    Version::from_str(text.trim()).map_err(|e| e.to_string())
}

/// Parses a PEP 440 specifier set (`>=1.5.0,<2.4.0`) into intervals.
pub fn specifier_ranges(text: &str) -> Result<Ranges<Version>, String> {
    let specifiers = pep440_rs::VersionSpecifiers::from_str(text).map_err(|e| e.to_string())?;
    Ok(Ranges::from(specifiers))
}

/// One row of `flasklint deps`: a tracked package as one environment declares it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Row {
    /// The project root the environment's walk stopped at.
    pub root: String,
    /// As PyPI spells it (`PyJWT`).
    pub package: String,
    /// What the environment allows, in words: `1.7.1 (locked)`, `>=1.5,<3 and <2.9`, `any`.
    pub allowed: String,
    /// The locked version, when a lock file pins one.
    pub locked: Option<String>,
    pub declarations: Vec<RowDeclaration>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct RowDeclaration {
    pub path: String,
    pub line: usize,
    /// The declaration as written.
    pub requirement: String,
    /// `requirement`, `constraint` or `lock`.
    pub role: &'static str,
    /// Markers, extra or group.
    pub context: Option<String>,
}

impl Dependencies {
    /// The tracked packages each environment declares, environments in root order.
    pub fn rows(&self) -> Vec<Row> {
        let mut environments: Vec<&Environment> = self.environments.iter().collect();
        environments.sort_by(|a, b| a.root.cmp(&b.root));
        let mut rows = Vec::new();
        for environment in environments {
            for package in TRACKED {
                let Some(versions) = self.package(environment, package) else {
                    continue;
                };
                let locked = versions.locked.and_then(|d| match &d.allowed {
                    Allowed::Locked(version) => Some(version.to_string()),
                    _ => None,
                });
                let specifiers: Vec<String> = versions
                    .declarations
                    .iter()
                    .filter(|d| matches!(d.allowed, Allowed::Range(_)))
                    .map(|d| match (d.specifier, &d.version_text) {
                        (Some(range), _) => self.files[d.file].file.slice(range).trim().to_string(),
                        (None, Some(text)) => text.clone(),
                        (None, None) => d.written.clone(),
                    })
                    .collect();
                let allowed = match (&locked, specifiers.is_empty()) {
                    (Some(version), _) => format!("{version} (locked)"),
                    (None, true) => "any".to_string(),
                    (None, false) => specifiers.join(" and "),
                };
                let declarations = versions
                    .declarations
                    .iter()
                    .map(|d| {
                        let file = &self.files[d.file];
                        RowDeclaration {
                            path: file.file.display_path(),
                            line: file.file.position(d.range.start()).line,
                            requirement: d.written.clone(),
                            role: match d.role {
                                Role::Requirement => "requirement",
                                Role::Constraint => "constraint",
                                Role::Lock => "lock",
                            },
                            context: d.context.clone(),
                        }
                    })
                    .collect();
                rows.push(Row {
                    root: crate::source::display_path(&environment.root),
                    package: (*package).to_string(),
                    allowed,
                    locked,
                    declarations,
                });
            }
        }
        rows
    }
}

/// Which PyJWT API a file runs against, as far as its declared dependencies tell. The two
/// majors differ where it matters for security: 1.x verifies with whatever algorithm a token
/// names when `algorithms=` is missing and honours `verify=False`; 2.x raises without
/// `algorithms=` and ignores `verify=`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PyJwtLine {
    /// Nothing constrains the version (no declaration, no specifier, no lock).
    Unknown,
    /// Some 1.x release is allowed; the evidence (`PyJWT==1.7.1` at requirements.txt:3).
    Allows1(String),
    /// Only 2.x or later is allowed; the evidence.
    Only2(String),
}

impl Dependencies {
    pub fn pyjwt_line(&self, path: &Path) -> PyJwtLine {
        let Some(versions) = self.package_for(path, "PyJWT") else {
            return PyJwtLine::Unknown;
        };
        // Every 1.x release, and nothing of 2.0 (whose pre-releases already have the 2.x API).
        let Ok(one) = specifier_ranges("<2.0.0.dev0") else {
            return PyJwtLine::Unknown;
        };
        match versions.admits(&one) {
            None => PyJwtLine::Unknown,
            Some(true) => PyJwtLine::Allows1(versions.evidence(&self.files)),
            Some(false) => PyJwtLine::Only2(versions.evidence(&self.files)),
        }
    }
}

#[cfg(test)]
mod tests;
