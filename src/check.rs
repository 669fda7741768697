//! One `flasklint check` run: read and parse files in parallel, build the project model, run
//! every rule on every file, and collect findings and per-file errors in a stable order.

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::model::{FileModel, ModuleInfo, Project, ProjectModel};
use crate::rules::{self, Diagnostic, RuleMeta};
use crate::source::{FileError, Position, SourceFile};
use crate::walk::{self, Candidate, Excludes};

/// Worker threads get a large stack because parsing, walking and dropping a syntax tree all
/// recurse with the source's nesting depth. Only touched pages are ever committed, so this costs
/// address space, not memory.
const WORKER_STACK_BYTES: usize = 1 << 30;

/// Files larger than this are reported instead of parsed, unless `--max-file-size` says otherwise.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct Settings {
    pub paths: Vec<PathBuf>,
    pub excludes: Vec<String>,
    /// `None`: one thread per core.
    pub threads: Option<usize>,
    pub max_file_bytes: u64,
}

impl Settings {
    pub fn new(paths: Vec<PathBuf>) -> Settings {
        Settings {
            paths,
            excludes: Vec::new(),
            threads: None,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// A diagnostic placed in its file, ready for any output format.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static RuleMeta,
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
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacedFix {
    pub description: String,
    pub edits: Vec<PlacedEdit>,
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
    pub errors: Vec<FileError>,
    pub files_checked: usize,
}

/// Runs a check. `Err` only for what the user must fix in the invocation (a bad glob, a thread
/// pool that cannot start); problems with individual files are `Outcome::errors`.
pub fn run(settings: &Settings) -> Result<Outcome, String> {
    let excludes = Excludes::new(&settings.excludes)?;
    let mut builder = rayon::ThreadPoolBuilder::new().stack_size(WORKER_STACK_BYTES);
    if let Some(threads) = settings.threads {
        builder = builder.num_threads(threads.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    // Everything, including dropping the syntax trees, happens on the big-stack workers.
    Ok(pool.install(|| {
        let walk = walk::collect(&settings.paths, &excludes);
        analyse(walk.files, walk.errors, settings.max_file_bytes)
    }))
}

fn analyse(candidates: Vec<Candidate>, mut errors: Vec<FileError>, max_file_bytes: u64) -> Outcome {
    let loaded: Vec<Result<(SourceFile, PathBuf), FileError>> = candidates
        .into_par_iter()
        .map(|candidate| load(candidate, max_file_bytes))
        .collect();
    let mut sources = Vec::with_capacity(loaded.len());
    for result in loaded {
        match result {
            Ok(source) => sources.push(source),
            Err(error) => errors.push(error),
        }
    }
    let files_checked = sources.len();
    let modules: Vec<ModuleInfo<'_>> = sources
        .par_iter()
        .map(|(source, root)| ModuleInfo::new(source, root))
        .collect();
    let model = ProjectModel::new(modules);
    let files: Vec<FileModel<'_>> = (0..model.modules.len())
        .into_par_iter()
        .map(|index| FileModel::new(&model, index))
        .collect();
    let project = Project::new(model, files);
    let mut findings: Vec<Finding> = project
        .files
        .par_iter()
        .flat_map_iter(|file| {
            let source = project.model.modules[file.module].file;
            rules::check_file(&project, file)
                .into_iter()
                .map(move |diagnostic| place(source, diagnostic))
        })
        .collect();
    for (source, _) in &sources {
        errors.extend(source.syntax_errors());
    }
    findings.sort_by(|a, b| {
        (&a.path, a.start, a.rule.id, a.end).cmp(&(&b.path, b.start, b.rule.id, b.end))
    });
    errors.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
    drop(project);
    sources.into_par_iter().for_each(drop);
    Outcome {
        findings,
        errors,
        files_checked,
    }
}

fn load(candidate: Candidate, max_file_bytes: u64) -> Result<(SourceFile, PathBuf), FileError> {
    let error = |message: String| FileError {
        path: candidate.path.clone(),
        position: None,
        message,
    };
    let metadata =
        std::fs::metadata(&candidate.path).map_err(|e| error(format!("cannot be read: {e}")))?;
    if metadata.len() > max_file_bytes {
        return Err(error(format!(
            "is {} bytes, larger than the {max_file_bytes}-byte limit; raise it with --max-file-size",
            metadata.len()
        )));
    }
    let bytes =
        std::fs::read(&candidate.path).map_err(|e| error(format!("cannot be read: {e}")))?;
    let source = SourceFile::parse(candidate.path.clone(), bytes)?;
    Ok((source, candidate.root))
}

fn place(source: &SourceFile, diagnostic: Diagnostic) -> Finding {
    let fix = diagnostic.fix.map(|fix| PlacedFix {
        description: fix.description,
        edits: fix
            .edits
            .into_iter()
            .map(|edit| PlacedEdit {
                start: source.position(edit.range.start()),
                end: source.position(edit.range.end()),
                byte_range: (edit.range.start().to_usize(), edit.range.end().to_usize()),
                content: edit.content,
            })
            .collect(),
    });
    Finding {
        rule: diagnostic.rule,
        path: source.display_path(),
        start: source.position(diagnostic.range.start()),
        end: source.position(diagnostic.range.end()),
        offset: diagnostic.range.start().to_usize(),
        length: diagnostic.range.len().to_usize(),
        message: diagnostic.message,
        help: diagnostic.help,
        fix,
        source: Arc::clone(&source.text),
    }
}
