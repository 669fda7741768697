//! One `flasklint check` run: read and parse files in parallel, build the project model, run
//! every rule on every file, and collect findings and per-file errors in a stable order.

use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use crate::config::PerFileIgnore;
use crate::deps::Dependencies;
use crate::model::context::Location;
use crate::model::openapi::parse_spec;
use crate::model::references;
use crate::model::routes::{LoadedSpec, SpecSource};
use crate::model::settings_files::{SettingsFiles, SettingsRequest};
use crate::model::{FileModel, ModuleInfo, ModuleNames, Project, ProjectModel};
use crate::prefilter::{self, FileLinks};
use crate::rules::{self, Applicability, DependencyDiagnostic, Diagnostic, RuleMeta, Severity};
use crate::source::{FileError, Position, ReadError, SourceFile, TextFile};
use crate::suppress::{Directive, Suppressions};
use crate::walk::{self, Candidate, Excludes};

/// Worker threads get a large stack because parsing, walking and dropping a syntax tree all
/// recurse with the source's nesting depth. Only touched pages are ever committed, so this costs
/// address space, not memory.
pub(crate) const WORKER_STACK_BYTES: usize = 1 << 30;

/// Files larger than this are reported instead of parsed, unless `--max-file-size` says otherwise.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct Settings {
    pub paths: Vec<PathBuf>,
    pub excludes: Vec<String>,
    /// `None`: one thread per core.
    pub threads: Option<usize>,
    pub max_file_bytes: u64,
    /// A bare `# noqa` silences every rule (`--noqa-all`); by default it silences none.
    pub noqa_all: bool,
    /// The rules that report, by id; `None`: every rule (`select` / `ignore`).
    pub rules: Option<BTreeSet<&'static str>>,
    /// Rules silenced in the files matching a glob.
    pub per_file_ignores: Vec<PerFileIgnore>,
    /// Severity overrides by rule id.
    pub severity_overrides: BTreeMap<&'static str, Severity>,
    /// Check test files for secrets too (`include-tests`); for the secret rules.
    pub include_tests: bool,
    /// Skip files that cannot hold a finding without parsing them (`--all-files` turns it off).
    pub prefilter: bool,
    /// Setting names FL305 reports as credentials besides its own (`secret-settings`).
    pub credential_settings: Vec<String>,
}

impl Settings {
    pub fn new(paths: Vec<PathBuf>) -> Settings {
        Settings {
            paths,
            excludes: Vec::new(),
            threads: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            noqa_all: false,
            rules: None,
            per_file_ignores: Vec::new(),
            severity_overrides: BTreeMap::new(),
            include_tests: false,
            prefilter: true,
            credential_settings: Vec::new(),
        }
    }
}

/// A diagnostic placed in its file, ready for any output format.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static RuleMeta,
    /// The severity in force: the rule's own, or the configuration's override.
    pub severity: Severity,
    pub path: String,
    pub start: Position,
    pub end: Position,
    /// Byte range in `source`, for snippets.
    pub offset: usize,
    pub length: usize,
    pub message: String,
    pub help: String,
    pub fix: Option<PlacedFix>,
    pub source: Arc<str>,
    /// Identity that survives unrelated edits: see `fingerprint`. SARIF's
    /// `partialFingerprints` and baselines use it.
    pub fingerprint: String,
    /// The comment that silences this finding, for `Outcome::suppressed`.
    pub suppressed_by: Option<Directive>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedFix {
    pub description: String,
    pub edits: Vec<PlacedEdit>,
    pub applicability: Applicability,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedEdit {
    pub start: Position,
    pub end: Position,
    /// Byte offsets in the file, for applying the edit.
    pub byte_range: (usize, usize),
    pub content: String,
}

#[derive(Debug, Default)]
pub struct Outcome {
    pub findings: Vec<Finding>,
    /// Findings silenced by a suppression comment; listed only with `--show-suppressed`.
    pub suppressed: Vec<Finding>,
    pub errors: Vec<FileError>,
    pub files_checked: usize,
    /// How many of them were parsed: the pre-check skips files that cannot hold a finding.
    pub files_parsed: usize,
    /// Every route of the project, for `flasklint routes`.
    pub routes: Vec<crate::model::routes::RouteRow>,
    /// Rule severities changed by the configuration, by rule id; reports that describe the
    /// rules themselves (SARIF) need them as well as the findings.
    pub severity_overrides: BTreeMap<&'static str, Severity>,
    /// Dependency manifests named on the command line.
    pub manifests_named: usize,
    /// Settings files read (dotenv, compose, loaded settings files).
    pub settings_files_read: usize,
    /// Files named on the command line that are neither Python nor manifests (a pre-commit hook
    /// passing a YAML file): not checked.
    pub passed_over: Vec<PathBuf>,
}

impl Outcome {
    /// The severity `rule` had in this run.
    pub fn severity_of(&self, rule: &RuleMeta) -> Severity {
        self.severity_overrides
            .get(rule.id)
            .copied()
            .unwrap_or(rule.severity)
    }
}

/// The big-stack workers a run happens on (see `WORKER_STACK_BYTES`).
fn worker_pool(settings: &Settings) -> Result<rayon::ThreadPool, String> {
    let mut builder = rayon::ThreadPoolBuilder::new().stack_size(WORKER_STACK_BYTES);
    if let Some(threads) = settings.threads {
        builder = builder.num_threads(threads.max(1));
    }
    builder
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))
}

/// Runs a check. `Err` only for what the user must fix in the invocation (a bad glob, a thread
/// pool that cannot start); problems with individual files are `Outcome::errors`.
pub fn run(settings: &Settings) -> Result<Outcome, String> {
    let excludes = Excludes::new(&settings.excludes)?;
    let pool = worker_pool(settings)?;
    // Everything, including dropping the syntax trees, happens on the big-stack workers.
    Ok(pool.install(|| {
        analyse(
            walk::collect(&settings.paths, &excludes),
            settings,
            &Overlay::default(),
        )
    }))
}

/// Unsaved editor buffers standing in for files on disk (`flasklint server`), keyed by
/// absolute path: a file in it is read from this text instead of from disk.
#[derive(Clone, Default)]
pub struct Overlay {
    pub texts: std::collections::HashMap<PathBuf, Arc<str>>,
    /// Files parsed by earlier runs, reused while their text is unchanged.
    pub parsed: Option<Arc<ParseCache>>,
}

/// Parsed files kept from one run to the next (`flasklint server` re-checks the workspace after
/// every change, and most files have not changed). A file is reused only when its bytes are
/// exactly the text it was parsed from; a run drops the files it did not parse or reuse.
#[derive(Default)]
pub struct ParseCache {
    files: Mutex<HashMap<PathBuf, Arc<SourceFile>>>,
    used: Mutex<BTreeSet<PathBuf>>,
}

impl ParseCache {
    fn parse(&self, path: &Path, bytes: Vec<u8>) -> Result<Arc<SourceFile>, FileError> {
        self.used
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_path_buf());
        let known = self
            .files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(path)
            .cloned();
        if let Some(source) = known
            && source.text.as_bytes() == bytes.as_slice()
        {
            return Ok(source);
        }
        let source = Arc::new(SourceFile::parse(path.to_path_buf(), bytes)?);
        self.files
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path.to_path_buf(), Arc::clone(&source));
        Ok(source)
    }

    /// Drops the files the last run did not use. Dropping a syntax tree recurses with its depth:
    /// call this on a big-stack worker.
    fn forget_unused(&self) {
        let used = std::mem::take(&mut *self.used.lock().unwrap_or_else(PoisonError::into_inner));
        let mut files = self.files.lock().unwrap_or_else(PoisonError::into_inner);
        let unused: Vec<Arc<SourceFile>> = files
            .extract_if(|path, _| !used.contains(path))
            .map(|(_, source)| source)
            .collect();
        drop(files);
        unused.into_par_iter().for_each(drop);
    }
}

/// `run` with the files of `overlay` read from their buffers. An overlaid Python file that is
/// not on disk yet (a new buffer never saved) is checked as if it were, when it lies under one
/// of the checked directories.
pub fn run_with_overlay(settings: &Settings, overlay: &Overlay) -> Result<Outcome, String> {
    let excludes = Excludes::new(&settings.excludes)?;
    let pool = worker_pool(settings)?;
    let mut walk = walk::collect(&settings.paths, &excludes);
    let walked = walk.files.len();
    for path in overlay.texts.keys() {
        let is_python = path.extension().is_some_and(|ext| ext == "py");
        if !is_python || path.exists() {
            continue;
        }
        if let Some(root) = settings
            .paths
            .iter()
            .find(|root| root.is_dir() && path.starts_with(root))
        {
            walk.files.push(Candidate {
                path: path.clone(),
                root: root.clone(),
                named: false,
            });
        }
    }
    if walk.files.len() > walked {
        walk.files.sort();
    }
    Ok(pool.install(|| {
        let outcome = analyse(walk, settings, overlay);
        if let Some(cache) = &overlay.parsed {
            cache.forget_unused();
        }
        outcome
    }))
}

fn analyse(walk: walk::Walk, settings: &Settings, overlay: &Overlay) -> Outcome {
    let walk::Walk {
        files: candidates,
        mut errors,
        manifests,
        passed_over,
        settings_files,
    } = walk;
    let names = ModuleNames::new(
        candidates
            .iter()
            .map(|candidate| (candidate.path.as_path(), candidate.root.as_path())),
    );
    let Selection {
        mut kept,
        readable,
        mut relevant,
        mut wanted,
    } = select(&candidates, &names, settings, overlay, &mut errors);
    let specs = DiskSpecs::new(settings);
    let locations = locations(&candidates);
    let settings_requests = {
        let mut finder = Locations::default();
        settings_files
            .iter()
            .filter_map(|path| {
                let format = walk::SettingsFormat::of_path(path)?;
                Some(SettingsRequest {
                    path: path.clone(),
                    format,
                    location: finder.of(path, checked_root(settings, path)),
                    loaded_by: None,
                })
            })
            .collect::<Vec<_>>()
    };
    let files_checked = readable.iter().filter(|r| **r).count();
    // Each checked file's directory (and each checked directory) finds its own project's
    // manifests, so every file is judged against the versions it actually runs with; skipped
    // files count too, so the pre-check never changes which manifests apply.
    let mut dependencies = Dependencies::discover(
        candidates
            .iter()
            .zip(&readable)
            .filter(|(_, readable)| **readable)
            .filter_map(|(candidate, _)| candidate.path.parent().map(Path::to_path_buf))
            .chain(settings.paths.iter().filter(|p| p.is_dir()).cloned())
            // A manifest named on the command line (pre-commit passing a changed
            // requirements.txt) is read with the rest of its project's manifests.
            .chain(
                manifests
                    .iter()
                    .map(|manifest| manifest.parent().map(Path::to_path_buf).unwrap_or_default()),
            ),
    );
    errors.extend(dependencies.errors.iter().cloned());
    let mut sources: Vec<(Arc<SourceFile>, usize)> = Vec::new();
    let mut parsed = vec![false; candidates.len()];
    loop {
        let batch: Vec<(usize, Option<Vec<u8>>)> = (0..candidates.len())
            .filter(|&index| wanted[index] && readable[index] && !parsed[index])
            .map(|index| (index, kept[index].take()))
            .collect();
        let indices: Vec<usize> = batch.iter().map(|(index, _)| *index).collect();
        let loaded: Vec<Result<(Arc<SourceFile>, usize), FileError>> = batch
            .into_par_iter()
            .map(|(index, bytes)| {
                let bytes = match bytes {
                    Some(bytes) => bytes,
                    None => read(&candidates[index], settings.max_file_bytes, overlay)?,
                };
                let source = match &overlay.parsed {
                    Some(cache) => cache.parse(&candidates[index].path, bytes)?,
                    None => Arc::new(SourceFile::parse(candidates[index].path.clone(), bytes)?),
                };
                Ok((source, index))
            })
            .collect();
        for (index, result) in indices.iter().zip(loaded) {
            parsed[*index] = true;
            match result {
                Ok(source) => sources.push(source),
                Err(error) => errors.push(error),
            }
        }
        let run = RunInputs {
            names: &names,
            locations: &locations,
            settings,
            specs: &specs,
            settings_requests: &settings_requests,
        };
        let (outcome, requested, analysis_requested) =
            analyse_loaded(&sources, &relevant, dependencies, &run);
        errors.extend(outcome.settings_errors.iter().cloned());
        dependencies = outcome.dependencies;
        let new: Vec<usize> = requested
            .into_iter()
            .filter(|&index| readable[index] && !parsed[index])
            .collect();
        // A connexion handler's module is named only by the spec: analyse it like the rest.
        let mut newly_relevant = false;
        for index in analysis_requested {
            if readable[index] && !relevant[index] {
                relevant[index] = true;
                wanted[index] = true;
                newly_relevant = true;
            }
        }
        if new.is_empty() && !newly_relevant {
            errors.extend(specs.take_errors());
            for (source, _) in &sources {
                errors.extend(source.syntax_errors());
            }
            errors.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
            release(sources);
            return Outcome {
                findings: outcome.findings,
                suppressed: outcome.suppressed,
                errors,
                files_checked,
                files_parsed: parsed.iter().filter(|p| **p).count(),
                routes: outcome.routes,
                severity_overrides: settings.severity_overrides.clone(),
                manifests_named: manifests.len(),
                settings_files_read: outcome.settings_files_read,
                passed_over,
            };
        }
        // Name resolution asked for a module the pre-check skipped: parse it and run again,
        // so findings never depend on the pre-check having seen an import.
        for index in new {
            wanted[index] = true;
        }
    }
}

/// Frees the parsed files on a thread of their own: freeing two thousand syntax trees took a
/// twentieth of a Flask-heavy run, and the caller has the findings to report meanwhile (a
/// process that exits first simply never frees them). Dropping a tree recurses with its depth,
/// hence the workers' stack size.
fn release(sources: Vec<(Arc<SourceFile>, usize)>) {
    // When the thread cannot start, the closure and the files in it are dropped right here, on
    // the big-stack worker `analyse` runs on.
    let _freeing = std::thread::Builder::new()
        .name("flasklint-release".into())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || drop(sources));
}

/// Where each file's code runs decides what its findings weigh, for every rule at once: nothing
/// is reported in test code (unless `include-tests`), and findings in development-only code
/// (`examples/`, `if __name__ == "__main__":`, a `DevelopmentConfig`) are reported at `low`,
/// with the reason at the end of the message. Lowering sets `low` rather than stepping down, so
/// a finding a rule already lowered (FL304's development servers) is not lowered twice.
/// A finding about what running code does (the token rules, FL203, FL206, FL401, FL403) is
/// low, with the reason, in code nothing in the project runs (`references::unused_at`).
fn in_context(
    project: &Project<'_>,
    file: &FileModel<'_>,
    diagnostics: Vec<Diagnostic>,
    settings: &Settings,
) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter(|d| settings.include_tests || !file.context.is_test(d.range))
        .map(|mut d| {
            let floor = d.development_severity.unwrap_or(Severity::Low);
            if let Some(why) = file.context.development_at(d.range)
                && d.severity.unwrap_or(d.rule.severity) > floor
            {
                d.severity = Some(floor);
                d.message
                    .push_str(&format!(" [development only: {}]", why.describe()));
            } else if let Some(registration) = project
                .routes
                .development_registration_at(file.module, d.range)
                && d.severity.unwrap_or(d.rule.severity) > floor
            {
                let registering = project.model.modules[registration.module].file;
                d.severity = Some(floor);
                d.message.push_str(&format!(
                    " [development only: the application registers these routes only {} ({}:{})]",
                    registration.why,
                    registering.path.display(),
                    registering.position(registration.site.start()).line
                ));
            }
            if d.severity.unwrap_or(d.rule.severity) > Severity::Low
                && crate::model::context::unreachable_at(
                    &project.model.modules[file.module].file.module().body,
                    d.range,
                )
            {
                d.severity = Some(Severity::Low);
                d.message.push_str(" [unreachable: a statement above it in the same block always returns or raises, so this code never runs]");
            }
            // A client decoding the token its server issued it decides nothing for anyone
            // else: the server verifies the token on every call.
            let about_received_tokens = d.rule.id.starts_with("FL1") || d.rule.id == "FL203";
            if about_received_tokens
                && d.severity.unwrap_or(d.rule.severity) > Severity::Low
                && let Some(client) = file.context.api_client_at(d.range)
            {
                d.severity = Some(Severity::Low);
                d.message.push_str(&format!(
                    " [in `{client}`, an API's client: it reads the token its server issued it, and the server verifies it on every call]"
                ));
            }
            // A route in a module nothing imports is never registered (augur's `auggie.py`).
            let about_running_code = about_received_tokens
                || matches!(
                    d.rule.id,
                    "FL201" | "FL202" | "FL204" | "FL205" | "FL206" | "FL207" | "FL401" | "FL403"
                );
            // Taskflow-manager's `verify_jwt_token`, which nothing calls, falls back to the same
            // literal key as the live code: the live use is the finding (FL302). A key in a
            // module nothing imports is left as it is: settings modules are loaded by path; so
            // is one in a factory that builds an application, which a server names outside
            // Python (`gunicorn "app:create_quickstart_app()"`).
            let key_in_function = || {
                d.rule.id == "FL302"
                    && !file.app_constructions.iter().any(|construction| {
                        construction
                            .function
                            .is_some_and(|factory| factory.range().contains_range(d.range))
                    })
            };
            if d.severity.unwrap_or(d.rule.severity) > Severity::Low
                && (about_running_code || key_in_function())
                && let Some(unused) = references::unused_at(project, file, d.range)
                && (about_running_code || !matches!(unused, references::Unused::Module(..)))
            {
                d.severity = Some(Severity::Low);
                d.message.push_str(&unused.note());
            }
            // vehicle-parking-app's `api_bp`: a blueprint no application of the project
            // registers serves nothing (a library's blueprints, in a tree with no application,
            // are left as they are).
            if about_running_code
                && d.severity.unwrap_or(d.rule.severity) > Severity::Low
                && let Some(module) = references::routes_outside_every_application(project, file)
            {
                d.severity = Some(Severity::Low);
                d.message.push_str(&format!(
                    " [low: no application of the project registers the routes of `{module}`: they are served only if something registers them at run time]"
                ));
            }
            d
        })
        .collect()
}

/// For each file, what its folders say (`context::Location`: a `tests/` folder, a folder of
/// examples, documentation or tutorial steps), read from its path relative to its project root
/// (the nearest ancestor holding `.git`, `pyproject.toml`, `setup.py` or `setup.cfg`; the
/// checked directory when there is none), so checking `examples/a` or `tests/` alone judges
/// them as checking the whole repository does.
fn locations(candidates: &[Candidate]) -> Vec<Location> {
    let mut finder = Locations::default();
    candidates
        .iter()
        .map(|candidate| {
            let mut location = finder.of(&candidate.path, &candidate.root);
            location.named_alone = candidate.named;
            location
        })
        .collect()
}

/// `Location`s, with the project roots and package folders they are read from cached.
#[derive(Default)]
struct Locations {
    roots: walk::ProjectRoots,
    packages: HashMap<PathBuf, bool>,
    /// Every file of a folder found under one checked directory has the same location: making
    /// the folder absolute asks the system for the working directory, and the folder's location
    /// was a thirtieth of a Flask-heavy run when it was worked out again for each file.
    by_folder: HashMap<(PathBuf, PathBuf), Location>,
}

impl Locations {
    /// `root`: the directory the file was found under, for a file outside any project.
    fn of(&mut self, path: &Path, root: &Path) -> Location {
        let Some(folder) = path.parent() else {
            return Location::default();
        };
        let key = (folder.to_path_buf(), root.to_path_buf());
        if let Some(known) = self.by_folder.get(&key) {
            return known.clone();
        }
        let location = self.of_folder(folder, root);
        self.by_folder.insert(key, location.clone());
        location
    }

    fn of_folder(&mut self, folder: &Path, root: &Path) -> Location {
        // Absolute, so the project root may lie above the current directory.
        let dir = crate::paths::absolute(folder);
        let checked = crate::paths::absolute(root);
        let root = match self.roots.of(&dir) {
            Some(nearest) => self.outer_root(nearest, &checked),
            None => checked,
        };
        let Ok(relative) = dir.strip_prefix(&root) else {
            return Location::default();
        };
        let folders: Vec<String> = relative
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        let names: Vec<&str> = folders.iter().map(String::as_str).collect();
        let packages = &mut self.packages;
        Location::of(&names, |index| {
            let parent: PathBuf = root.join(folders[..index].iter().collect::<PathBuf>());
            *packages
                .entry(parent.clone())
                .or_insert_with(|| parent.join("__init__.py").is_file())
        })
    }
}

impl Locations {
    /// The root a file's folders are read from: its nearest project root, unless that root is
    /// a project nested inside the checked directory (Flask's `examples/tutorial` holds its own
    /// `pyproject.toml`): then the outermost project root inside the checked directory, or the
    /// checked directory itself. So checking Flask's repository reads the tutorial's folders as
    /// `examples/tutorial/flaskr`, one of its examples; checking the tutorial alone reads them
    /// from the tutorial's own root, as before.
    fn outer_root(&mut self, nearest: PathBuf, checked: &Path) -> PathBuf {
        let mut root = nearest;
        for _ in 0..16 {
            if root == checked || !root.starts_with(checked) {
                break;
            }
            match root.parent().and_then(|parent| self.roots.of(parent)) {
                Some(above) if above.starts_with(checked) => root = above,
                _ => {
                    root = checked.to_path_buf();
                    break;
                }
            }
        }
        root
    }
}

/// Which files are read, analysed and parsed: see `prefilter`.
struct Selection {
    /// The bytes of files sure to be parsed, so they are not read twice.
    kept: Vec<Option<Vec<u8>>>,
    readable: Vec<bool>,
    /// Analysed and reported on.
    relevant: Vec<bool>,
    /// Parsed: the relevant files and the modules their names come from.
    wanted: Vec<bool>,
}

fn select(
    candidates: &[Candidate],
    names: &ModuleNames,
    settings: &Settings,
    overlay: &Overlay,
    errors: &mut Vec<FileError>,
) -> Selection {
    // Every file is read once and its bytes scanned; only the bytes of files the pre-check
    // lets through by themselves are kept, the rest are read again if they turn out to matter.
    let scanned: Vec<Result<ScannedFile, FileError>> = candidates
        .par_iter()
        .enumerate()
        .map(|(index, candidate)| {
            let bytes = read(candidate, settings.max_file_bytes, overlay)?;
            if !settings.prefilter {
                return Ok(ScannedFile {
                    bytes: Some(bytes),
                    links: FileLinks::default(),
                    resolves_to: Vec::new(),
                });
            }
            let scan = prefilter::scan(&bytes);
            let package = &names.packages[index];
            let mut links = FileLinks {
                uses_library: scan.uses_library,
                names_setting: scan.names_setting,
                imports: Vec::new(),
            };
            let mut resolves_to = Vec::new();
            for import in &scan.imports {
                for target in import.targets(package) {
                    let files = if import.level == 0 {
                        names.files_seen_from(package, &target)
                    } else {
                        names.file(&target).into_iter().collect()
                    };
                    resolves_to.extend(files.iter().copied());
                    links.imports.extend(files);
                }
            }
            let keep = links.uses_library || links.names_setting || candidate.named;
            Ok(ScannedFile {
                bytes: keep.then_some(bytes),
                links,
                resolves_to,
            })
        })
        .collect();
    let mut kept: Vec<Option<Vec<u8>>> = Vec::with_capacity(scanned.len());
    let mut links: Vec<Option<FileLinks>> = Vec::with_capacity(scanned.len());
    let mut resolves_to: Vec<Vec<usize>> = Vec::with_capacity(scanned.len());
    for result in scanned {
        match result {
            Ok(file) => {
                kept.push(file.bytes);
                links.push(Some(file.links));
                resolves_to.push(file.resolves_to);
            }
            Err(error) => {
                errors.push(error);
                kept.push(None);
                links.push(None);
                resolves_to.push(Vec::new());
            }
        }
    }
    let readable: Vec<bool> = links.iter().map(Option::is_some).collect();
    let relevant: Vec<bool> = if settings.prefilter {
        let mut relevant = prefilter::relevant_files(&links);
        for (index, candidate) in candidates.iter().enumerate() {
            relevant[index] |= candidate.named && readable[index];
        }
        relevant
    } else {
        readable.clone()
    };
    drop(links);
    let mut wanted = relevant.clone();
    // What the relevant files import is parsed up front, for name resolution: most of what the
    // analysis would otherwise ask for in a second round.
    for (file, targets) in resolves_to.iter().enumerate() {
        if relevant[file] {
            for &target in targets {
                wanted[target] = true;
            }
        }
    }
    // A package's `__init__.py` re-exports what it imports (`from .base import Model`): name
    // resolution follows a name through it to the module that defines it, so what a wanted
    // `__init__.py` imports is wanted too (one level), or resolution asks for it in another round.
    let reexporting: Vec<usize> = (0..wanted.len())
        .filter(|&file| wanted[file] && names.is_package_init(file))
        .collect();
    for file in reexporting {
        for &target in &resolves_to[file] {
            wanted[target] = true;
        }
    }
    // Importing `a.b.c` runs `a/__init__.py` and `a/b/__init__.py`, and name resolution reads
    // them for what a package re-exports: parse them with the modules below them.
    for file in 0..wanted.len() {
        if !wanted[file] {
            continue;
        }
        let mut package = names.packages[file].as_str();
        while !package.is_empty() {
            if let Some(init) = names.file(package)
                && readable.get(init).copied().unwrap_or(false)
            {
                wanted[init] = true;
            }
            package = package.rsplit_once('.').map_or("", |(parent, _)| parent);
        }
    }
    Selection {
        kept,
        readable,
        relevant,
        wanted,
    }
}

/// One file after the pre-check.
struct ScannedFile {
    /// Kept when the file is parsed for sure.
    bytes: Option<Vec<u8>>,
    links: FileLinks,
    /// The files its imports name as the project model resolves names (by dotted suffix too).
    resolves_to: Vec<usize>,
}

/// What one analysis of the parsed files found, and the files it would have liked to see.
struct Round {
    findings: Vec<Finding>,
    suppressed: Vec<Finding>,
    routes: Vec<crate::model::routes::RouteRow>,
    dependencies: Dependencies,
    /// Settings files that could not be read or parsed (only in the round that reports).
    settings_errors: Vec<FileError>,
    settings_files_read: usize,
}

/// What every analysis round of one run shares.
struct RunInputs<'r> {
    names: &'r ModuleNames,
    locations: &'r [Location],
    settings: &'r Settings,
    specs: &'r DiskSpecs,
    /// The settings files the walk found.
    settings_requests: &'r [SettingsRequest],
}

fn analyse_loaded(
    sources: &[(Arc<SourceFile>, usize)],
    relevant: &[bool],
    dependencies: Dependencies,
    run: &RunInputs<'_>,
) -> (Round, BTreeSet<usize>, BTreeSet<usize>) {
    let RunInputs {
        names,
        locations,
        settings,
        specs,
        settings_requests,
    } = *run;
    let modules: Vec<ModuleInfo<'_>> = sources
        .par_iter()
        .map(|(source, index)| ModuleInfo::new(source, names, *index, relevant[*index]))
        .collect();
    let model = ProjectModel::new(modules, names);
    let files: Vec<FileModel<'_>> = (0..model.modules.len())
        .into_par_iter()
        .map(|index| {
            let location = locations
                .get(model.modules[index].file_index)
                .cloned()
                .unwrap_or_default();
            FileModel::new(&model, index, location)
        })
        .collect();
    let mut project = Project::new(model, files, specs);
    // The model skips literal secrets in test code unless the run asks for them; the secret
    // rules read this flag, so it must be set before any rule runs.
    project.config.secrets_in_tests = settings.include_tests;
    project.dependencies = dependencies;
    // Building the model already needed files that were not parsed: the rules would run again
    // anyway, so this round ends here.
    let requested = project.model.take_requested();
    let analysis_requested = project.model.take_analysis_requested();
    if !requested.is_empty() || !analysis_requested.is_empty() {
        let round = Round {
            findings: Vec::new(),
            suppressed: Vec::new(),
            routes: Vec::new(),
            dependencies: std::mem::take(&mut project.dependencies),
            settings_errors: Vec::new(),
            settings_files_read: 0,
        };
        return (round, requested, analysis_requested);
    }
    project.settings_files = load_settings_files(&project, settings_requests, settings);
    let routes = project.routes.inventory(&project.model, &project.apps);
    let rule_options = rules::RuleOptions {
        include_tests: settings.include_tests,
        credential_settings: settings.credential_settings.clone(),
    };
    let mut findings: Vec<Finding> = project
        .files
        .par_iter()
        .filter(|file| project.model.modules[file.module].analysed)
        .flat_map_iter(|file| {
            let source = project.model.modules[file.module].file;
            let diagnostics = in_context(
                &project,
                file,
                rules::check_file(&project, file, &rule_options),
                settings,
            );
            place_file(source, diagnostics, settings)
        })
        .collect();
    findings.extend(place_dependency_findings(
        &project.dependencies,
        rules::check_dependencies(&project),
        settings,
    ));
    let settings_files = &project.settings_files;
    findings.extend(place_text_findings(
        |file| settings_files.files.get(file).map(|f| &f.file),
        rules::check_settings_files(&project, &rule_options),
        settings,
    ));
    findings.sort_by(|a, b| {
        (&a.path, a.start, a.rule.id, a.end).cmp(&(&b.path, b.start, b.rule.id, b.end))
    });
    // Suppressed findings keep their occurrence numbers, so silencing one of two identical
    // lines does not re-key the other.
    number_occurrences(&mut findings);
    let (suppressed, findings) = findings
        .into_iter()
        .partition(|finding| finding.suppressed_by.is_some());
    let requested = project.model.take_requested();
    let analysis_requested = project.model.take_analysis_requested();
    let dependencies = std::mem::take(&mut project.dependencies);
    let settings_errors = std::mem::take(&mut project.settings_files.errors);
    (
        Round {
            findings,
            suppressed,
            routes,
            dependencies,
            settings_errors,
            settings_files_read: project.settings_files.files.len(),
        },
        requested,
        analysis_requested,
    )
}

/// Reads the settings files the walk found and the ones the code loads (`from_pyfile`,
/// `from_file`, `from_envvar` through a dotenv file's value). A loaded file is read only inside
/// the checked directories or the current one, and only where it exists as a regular file:
/// flasklint never follows a path out of the tree it was given.
fn load_settings_files(
    project: &Project<'_>,
    found: &[SettingsRequest],
    settings: &Settings,
) -> SettingsFiles {
    use crate::model::config::LoadedFrom;
    let allowed = allowed_roots(settings);
    let inside = |path: &Path| {
        path.canonicalize()
            .is_ok_and(|real| allowed.iter().any(|root| real.starts_with(root)) && real.is_file())
    };
    let mut finder = Locations::default();
    // Files the code loads first: a file both loaded and found (`instance/settings.cfg`) is
    // described by the code that loads it.
    let mut requests: Vec<SettingsRequest> = Vec::new();
    let mut by_variable = Vec::new();
    for loaded in &project.config.loaded_files {
        let info = &project.model.modules[loaded.module];
        let source = info.file;
        let loaded_by = format!(
            "{}:{}",
            source.display_path(),
            source.position(loaded.call.start()).line
        );
        let written = match &loaded.source {
            LoadedFrom::Path(written) => written,
            LoadedFrom::Variable(variable) => {
                by_variable.push((variable.clone(), loaded_by));
                continue;
            }
        };
        let module_dir = source.path.parent().unwrap_or(Path::new("."));
        let Some(path) = crate::model::settings_files::loaded_file_candidates(module_dir, written)
            .into_iter()
            .find(|candidate| inside(candidate))
        else {
            continue;
        };
        // A `.py` file the walk found is checked as Python already.
        if loaded.format == walk::SettingsFormat::Python
            && path.extension().is_some_and(|ext| ext == "py")
        {
            continue;
        }
        requests.push(SettingsRequest {
            location: finder.of(&path, checked_root(settings, &path)),
            path,
            format: loaded.format,
            loaded_by: Some(loaded_by),
        });
    }
    requests.extend(found.iter().cloned());
    let mut files = SettingsFiles::load(requests, settings.max_file_bytes);
    // `from_envvar("APP_SETTINGS")` with `APP_SETTINGS=config/production.cfg` in a dotenv file:
    // the path is relative to where `flask` runs, the dotenv file's folder.
    let mut second = Vec::new();
    for (variable, loaded_by) in by_variable {
        let Some((entry, dotenv)) = files.value_of(&variable) else {
            continue;
        };
        let Some(written) = entry.value.as_deref() else {
            continue;
        };
        let base = dotenv.file.path.parent().unwrap_or(Path::new("."));
        let path = base.join(written);
        if !inside(&path) || path.extension().is_some_and(|ext| ext == "py") {
            continue;
        }
        second.push(SettingsRequest {
            location: finder.of(&path, checked_root(settings, &path)),
            path,
            format: walk::SettingsFormat::Python,
            loaded_by: Some(loaded_by),
        });
    }
    files.add(second, settings.max_file_bytes);
    files
}

/// The checked directory a settings file lies in (the deepest one), or its own folder: outside
/// any project, its folders are read from there, as a Python file's are from the directory it
/// was found under (`movieblog/Part - 3/.env` lies in a tutorial step).
fn checked_root<'p>(settings: &'p Settings, path: &'p Path) -> &'p Path {
    settings
        .paths
        .iter()
        .filter(|root| path.starts_with(root) && root.is_dir())
        .max_by_key(|root| root.components().count())
        .map_or_else(|| path.parent().unwrap_or(Path::new(".")), PathBuf::as_path)
}

/// The directories a path named by the code may lie in: the checked directories and the
/// current one, resolved.
fn allowed_roots(settings: &Settings) -> Vec<PathBuf> {
    settings
        .paths
        .iter()
        .map(|path| {
            if path.is_dir() {
                path.clone()
            } else {
                path.parent().map(Path::to_path_buf).unwrap_or_default()
            }
        })
        .chain(std::env::current_dir().ok())
        .filter_map(|dir| {
            let dir = if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir
            };
            dir.canonicalize().ok()
        })
        .collect()
}

/// connexion spec files, read from disk the first time an `add_api` call names them and kept
/// for the rest of the run. Only files inside the current directory or a checked directory are
/// read (an `add_api("../../x.yaml")` or a symlink out of the tree is not followed), within the
/// size limit; a spec that does not parse is reported with its line and column, once.
struct DiskSpecs {
    allowed: Vec<PathBuf>,
    max_file_bytes: u64,
    loaded: Mutex<HashMap<PathBuf, Option<Arc<LoadedSpec>>>>,
    errors: Mutex<Vec<FileError>>,
}

impl DiskSpecs {
    fn new(settings: &Settings) -> DiskSpecs {
        let mut allowed: Vec<PathBuf> = settings
            .paths
            .iter()
            .filter(|p| p.is_dir())
            .filter_map(|p| p.canonicalize().ok())
            .collect();
        allowed.extend(
            std::env::current_dir()
                .ok()
                .and_then(|d| d.canonicalize().ok()),
        );
        DiskSpecs {
            allowed,
            max_file_bytes: settings.max_file_bytes,
            loaded: Mutex::new(HashMap::default()),
            errors: Mutex::new(Vec::new()),
        }
    }

    fn take_errors(&self) -> Vec<FileError> {
        std::mem::take(&mut *self.errors.lock().unwrap_or_else(PoisonError::into_inner))
    }

    fn read(&self, path: &Path) -> Result<Option<LoadedSpec>, FileError> {
        let error = |position: Option<Position>, message: String| FileError {
            path: path.to_path_buf(),
            position,
            message,
        };
        // A spec that is not there is connexion's start-up error, not a file to report.
        let Ok(real) = path.canonicalize() else {
            return Ok(None);
        };
        if !self.allowed.iter().any(|root| real.starts_with(root)) {
            return Ok(None);
        }
        let bytes = crate::source::read_limited(&real, self.max_file_bytes).map_err(|e| match e {
            ReadError::TooLarge(size) => error(
                None,
                format!(
                    "is {size} bytes, larger than the {}-byte limit; raise it with --max-file-size",
                    self.max_file_bytes
                ),
            ),
            ReadError::Io(e) => error(None, format!("cannot be read: {e}")),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            error(
                None,
                "is not UTF-8 text (an OpenAPI spec must be)".to_string(),
            )
        })?;
        let spec = parse_spec(&text).map_err(|e| {
            error(
                Some(Position {
                    line: e.line,
                    column: e.column,
                }),
                format!("is not a spec connexion can load: {}", e.message),
            )
        })?;
        Ok(Some(LoadedSpec {
            display_path: crate::source::display_path(path),
            spec,
        }))
    }
}

impl SpecSource for DiskSpecs {
    fn spec(&self, path: &Path) -> Option<Arc<LoadedSpec>> {
        let mut loaded = self.loaded.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = loaded.get(path) {
            return known.clone();
        }
        let spec = match self.read(path) {
            Ok(spec) => spec.map(Arc::new),
            Err(error) => {
                self.errors
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(error);
                None
            }
        };
        loaded.insert(path.to_path_buf(), spec.clone());
        spec
    }
}

fn read(
    candidate: &Candidate,
    max_file_bytes: u64,
    overlay: &Overlay,
) -> Result<Vec<u8>, FileError> {
    let error = |message: String| FileError {
        path: candidate.path.clone(),
        position: None,
        message,
    };
    if let Some(text) = overlay.texts.get(&candidate.path) {
        if text.len() as u64 > max_file_bytes {
            return Err(error(format!(
                "is {} bytes, larger than the {max_file_bytes}-byte limit; raise it with --max-file-size",
                text.len()
            )));
        }
        return Ok(text.as_bytes().to_vec());
    }
    let bytes = crate::source::read_limited(&candidate.path, max_file_bytes).map_err(|e| match e {
        ReadError::TooLarge(size) => error(format!(
            "is {size} bytes, larger than the {max_file_bytes}-byte limit; raise it with --max-file-size"
        )),
        ReadError::Io(e) => error(format!("cannot be read: {e}")),
    })?;
    // Encoding errors are reported for every file, parsed or not.
    crate::source::check_decodable(&bytes).map_err(error)?;
    Ok(bytes)
}

/// Places one file's diagnostics and marks those a suppression comment silences: one on the
/// flagged line, or on the first line of the statement the finding is in (a multi-line call is
/// suppressed where it starts, as with Ruff).
fn place_file(
    source: &SourceFile,
    diagnostics: Vec<Diagnostic>,
    settings: &Settings,
) -> Vec<Finding> {
    let ignored: BTreeSet<&'static str> = settings
        .per_file_ignores
        .iter()
        .filter(|ignore| ignore.matches(&source.path))
        .flat_map(|ignore| ignore.rules.iter().copied())
        .collect();
    let diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| {
            settings
                .rules
                .as_ref()
                .is_none_or(|rules| rules.contains(d.rule.id))
                && !ignored.contains(d.rule.id)
        })
        .collect();
    if diagnostics.is_empty() {
        return Vec::new();
    }
    let suppressions = Suppressions::read(source);
    diagnostics
        .into_iter()
        .map(|diagnostic| {
            let offset = diagnostic.range.start();
            let mut finding = place(source, diagnostic);
            if let Some(severity) = settings.severity_overrides.get(finding.rule.id) {
                finding.severity = *severity;
            }
            if !suppressions.is_empty() {
                let mut lines = vec![finding.start.line];
                if let Some(start) = statement_start(source, offset) {
                    lines.push(source.position(start).line);
                }
                finding.suppressed_by = suppressions
                    .find(&lines, finding.rule, settings.noqa_all)
                    .cloned();
            }
            finding
        })
        .collect()
}

/// The start of the innermost statement containing `offset`.
pub(crate) fn statement_start(source: &SourceFile, offset: TextSize) -> Option<TextSize> {
    struct Innermost {
        offset: TextSize,
        start: Option<TextSize>,
    }
    impl<'a> Visitor<'a> for Innermost {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if stmt.range().contains(self.offset) {
                self.start = Some(stmt.start());
                visitor::walk_stmt(self, stmt);
            }
        }
        // Statements never sit inside expressions; skipping them keeps this a walk down one
        // path of the tree.
        fn visit_expr(&mut self, _expr: &'a Expr) {}
    }
    let mut innermost = Innermost {
        offset,
        start: None,
    };
    innermost.visit_body(&source.module().body);
    innermost.start
}

/// A fix with its edits placed by `position` (a Python file's or a manifest's line index).
fn place_fix(
    fix: rules::Fix,
    position: impl Fn(ruff_text_size::TextSize) -> Position,
) -> PlacedFix {
    PlacedFix {
        description: fix.description,
        applicability: fix.applicability,
        edits: fix
            .edits
            .into_iter()
            .map(|edit| PlacedEdit {
                start: position(edit.range.start()),
                end: position(edit.range.end()),
                byte_range: (edit.range.start().to_usize(), edit.range.end().to_usize()),
                content: edit.content,
            })
            .collect(),
    }
}

fn place(source: &SourceFile, diagnostic: Diagnostic) -> Finding {
    let fix = diagnostic
        .fix
        .map(|fix| place_fix(fix, |offset| source.position(offset)));
    let path = source.display_path();
    let start = source.position(diagnostic.range.start());
    Finding {
        rule: diagnostic.rule,
        severity: diagnostic.severity.unwrap_or(diagnostic.rule.severity),
        fingerprint: format!(
            "{:016x}",
            line_hash(
                diagnostic.rule.id,
                &path,
                &normalised_line(source, start.line)
            )
        ),
        path,
        start,
        end: source.position(diagnostic.range.end()),
        offset: diagnostic.range.start().to_usize(),
        length: diagnostic.range.len().to_usize(),
        message: diagnostic.message,
        help: diagnostic.help,
        fix,
        source: Arc::clone(&source.text),
        suppressed_by: None,
    }
}

/// Places the findings in dependency files (`requirements.txt`, TOML manifests, lock files).
/// These files have no syntax tree, so they get what every report needs and nothing more: a
/// line index for positions, their text for snippets, `#` comments for suppressions and
/// fingerprints; `--select`, `--ignore`, per-file ignores and severity overrides apply as to
/// Python files.
fn place_dependency_findings(
    deps: &Dependencies,
    diagnostics: Vec<DependencyDiagnostic>,
    settings: &Settings,
) -> Vec<Finding> {
    place_text_findings(
        |file| deps.files.get(file).map(|f| &f.file),
        diagnostics
            .into_iter()
            .map(|d| (d.file, d.diagnostic))
            .collect(),
        settings,
    )
}

/// Places findings in files that are not Python (manifests, settings files): comments start
/// with `#` after whitespace, as in requirements files, dotenv, TOML and YAML.
fn place_text_findings<'f>(
    file_of: impl Fn(usize) -> Option<&'f TextFile>,
    diagnostics: Vec<(usize, Diagnostic)>,
    settings: &Settings,
) -> Vec<Finding> {
    let mut suppressions: BTreeMap<usize, Suppressions> = BTreeMap::new();
    let mut out = Vec::new();
    for (file, diagnostic) in diagnostics {
        let Some(manifest) = file_of(file) else {
            continue;
        };
        let enabled = settings
            .rules
            .as_ref()
            .is_none_or(|rules| rules.contains(diagnostic.rule.id))
            && !settings.per_file_ignores.iter().any(|ignore| {
                ignore.matches(&manifest.path) && ignore.rules.contains(&diagnostic.rule.id)
            });
        if !enabled {
            continue;
        }
        let path = manifest.display_path();
        let start = manifest.position(diagnostic.range.start());
        let fix = diagnostic
            .fix
            .map(|fix| place_fix(fix, |offset| manifest.position(offset)));
        let line = manifest.line_text(start.line);
        let code = match line
            .match_indices('#')
            .map(|(at, _)| at)
            .find(|&at| at == 0 || line[..at].ends_with([' ', '\t']))
        {
            Some(cut) => &line[..cut],
            None => line,
        };
        let normalised: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        let severity = settings
            .severity_overrides
            .get(diagnostic.rule.id)
            .copied()
            .unwrap_or(diagnostic.severity.unwrap_or(diagnostic.rule.severity));
        let suppressed_by = suppressions
            .entry(file)
            .or_insert_with(|| Suppressions::read_text(&manifest.text))
            .find(&[start.line], diagnostic.rule, settings.noqa_all)
            .cloned();
        out.push(Finding {
            rule: diagnostic.rule,
            severity,
            fingerprint: format!("{:016x}", line_hash(diagnostic.rule.id, &path, &normalised)),
            path,
            start,
            end: manifest.position(diagnostic.range.end()),
            offset: diagnostic.range.start().to_usize(),
            length: diagnostic.range.len().to_usize(),
            message: diagnostic.message,
            help: diagnostic.help,
            fix,
            source: Arc::clone(&manifest.text),
            suppressed_by,
        });
    }
    out
}

/// The text of `line` as a fingerprint sees it: without its comment (adding `# noqa: FL105`
/// for one finding must not re-key another on the same line) and without any whitespace
/// (re-indenting or re-wrapping spaces is not a new finding).
pub(crate) fn normalised_line(source: &SourceFile, line: usize) -> String {
    let text = source.line_text(line);
    let code = match crate::suppress::comment_on_line(source, line) {
        Some(comment) => {
            let column = source.position(comment.start()).column;
            let cut: usize = text
                .chars()
                .take(column.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            &text[..cut]
        }
        None => text,
    };
    code.chars().filter(|c| !c.is_whitespace()).collect()
}

/// 64-bit FNV-1a over rule, path and normalised line, each followed by a NUL so that no two
/// different triples hash the same input. FNV-1a rather than `std`'s `DefaultHasher`, whose
/// output may change between Rust releases (a fingerprint must not), and rather than SHA-256
/// because nothing here is adversarial: a fingerprint tells one finding from another in the same
/// project, and 64 bits keep accidental collisions negligible without a new dependency.
pub fn line_hash(rule: &str, path: &str, normalised_line: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in [rule, path, normalised_line] {
        for &byte in part.as_bytes().iter().chain(&[0u8]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// Completes each fingerprint (`<line hash>:<occurrence>`, the shape of GitHub's
/// `primaryLocationLineHash`) with its occurrence among the findings of the same rule on
/// identical lines of the same file, counted from 1 in file order. The occurrence is what keeps
/// two identical `jwt.decode(token, KEY)` lines apart; lines above them may come and go.
fn number_occurrences(findings: &mut [Finding]) {
    let mut seen: std::collections::HashMap<(String, String), usize> =
        std::collections::HashMap::default();
    for finding in findings {
        let count = seen
            .entry((finding.path.clone(), finding.fingerprint.clone()))
            .or_insert(0);
        *count += 1;
        finding.fingerprint = format!("{}:{count}", finding.fingerprint);
    }
}
