//! Analysis off the message loop: a worker thread runs `check` over each root with the open
//! buffers overlaid, and turns the findings into LSP diagnostics, one report per file.
//!
//! Every analysis is a whole `check` run over the workspace (walk, pre-check, parse, model,
//! rules) with the unsaved buffers standing in for their files: the project model is built
//! whole, so a change to a decorator's module re-judges every route that uses it. The message
//! loop stays free meanwhile, so requests about other files are answered while a huge buffer is
//! being analysed. A panic inside an analysis is caught here and reported; the previous
//! diagnostics of that root stay until an analysis succeeds.

use std::collections::{BTreeMap, HashMap};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};
use std::time::{Duration, Instant};

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range, Url,
};
use serde_json::json;

use super::Event;
use super::text::LineIndex;
use super::workspace::Root;
use crate::check::{Finding, Outcome, Overlay, ParseCache};
use crate::rules::meta::Level;

/// What one analysis starts from: the roots and the open buffers at that moment.
pub struct Snapshot {
    pub generation: u64,
    pub roots: Arc<Vec<Root>>,
    /// Open buffers: their file, text and version.
    pub buffers: Vec<Buffer>,
}

#[derive(Clone)]
pub struct Buffer {
    pub uri: Url,
    pub path: PathBuf,
    pub text: Arc<str>,
    pub version: i32,
}

/// One file's findings, as published.
pub struct FileReport {
    pub uri: Url,
    /// Which root it belongs to, by index.
    pub root: usize,
    /// The text the findings were computed on (an open buffer's, or the file's on disk).
    pub text: Arc<str>,
    pub diagnostics: Vec<Diagnostic>,
    /// The findings behind `diagnostics`, in the same order, followed by nothing: file errors
    /// have diagnostics but no finding.
    pub findings: Vec<Finding>,
}

/// What an analysis found.
pub struct Analysis {
    pub generation: u64,
    /// The version of each open buffer it read.
    pub versions: HashMap<Url, i32>,
    /// Per root: its files' reports, or why the root could not be analysed.
    pub roots: Vec<Result<Vec<FileReport>, String>>,
    pub elapsed: Duration,
}

/// Starts the worker: it runs each snapshot it receives and sends `Event::Analysed` (and
/// `Event::RootDone` after each root, for progress reports).
pub fn spawn_worker(snapshots: Receiver<Snapshot>, events: Sender<Event>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("flasklint-lsp-analysis".into())
        // Converting findings and catching panics need no deep stack: `check` runs its own
        // big-stack workers. This is for the few conversions that walk the tree.
        .stack_size(crate::check::WORKER_STACK_BYTES)
        .spawn(move || {
            let mut parsed = HashMap::new();
            for snapshot in snapshots {
                let analysis = analyse(&snapshot, &mut parsed, |done, total| {
                    let _ = events.send(Event::RootDone {
                        generation: snapshot.generation,
                        done,
                        total,
                    });
                });
                if events.send(Event::Analysed(Box::new(analysis))).is_err() {
                    return;
                }
            }
        })
        .map(drop)
}

/// Runs one snapshot. `parsed` keeps each root's parsed files for the next analysis: an edit
/// re-parses the files whose text changed, not the workspace.
pub fn analyse(
    snapshot: &Snapshot,
    parsed: &mut HashMap<PathBuf, Arc<ParseCache>>,
    mut on_root: impl FnMut(usize, usize),
) -> Analysis {
    let started = Instant::now();
    let total = snapshot.roots.len();
    parsed.retain(|path, _| snapshot.roots.iter().any(|root| root.path == *path));
    let roots = snapshot
        .roots
        .iter()
        .enumerate()
        .map(|(index, root)| {
            let overlay = Overlay {
                texts: snapshot
                    .buffers
                    .iter()
                    .filter(|buffer| buffer.path.starts_with(&root.path))
                    .map(|buffer| (buffer.path.clone(), Arc::clone(&buffer.text)))
                    .collect(),
                parsed: Some(Arc::clone(parsed.entry(root.path.clone()).or_default())),
            };
            let result = guarded(|| {
                panic_if_asked(&overlay);
                crate::check::run_with_overlay(&root.settings, &overlay)
            })
            .and_then(|outcome| outcome)
            .map(|mut outcome| {
                if let Some(known) = &root.baseline {
                    crate::baseline::apply(&mut outcome, known);
                }
                reports(outcome, index)
            })
            .map_err(|message| format!("{}: {message}", root.path.display()));
            on_root(index + 1, total);
            result
        })
        .collect();
    Analysis {
        generation: snapshot.generation,
        versions: snapshot
            .buffers
            .iter()
            .map(|buffer| (buffer.uri.clone(), buffer.version))
            .collect(),
        roots,
        elapsed: started.elapsed(),
    }
}

/// The end-to-end test of panic recovery (tests/server.rs) needs an analysis that panics, and
/// no input makes a correct build panic: debug builds panic on purpose when a buffer holds the
/// marker named by `FLASKLINT_TEST_PANIC_MARKER`. Release builds have no such path.
fn panic_if_asked(overlay: &Overlay) {
    #[cfg(debug_assertions)]
    if let Some(marker) = std::env::var_os("FLASKLINT_TEST_PANIC_MARKER")
        && let Some(marker) = marker.to_str()
        && overlay.texts.values().any(|text| text.contains(marker))
    {
        panic!("a buffer holds the test marker {marker}");
    }
    #[cfg(not(debug_assertions))]
    let _ = overlay;
}

/// Runs `work`, turning a panic into an error that names it: a bug in one rule must not take
/// the editor's diagnostics down with the server.
pub fn guarded<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        format!("the analysis panicked: {what} (please report this as a flasklint bug)")
    })
}

/// The reports of one root's outcome, one per file with findings or errors.
fn reports(outcome: Outcome, root: usize) -> Vec<FileReport> {
    let mut by_file: BTreeMap<PathBuf, (Vec<Finding>, Vec<crate::source::FileError>)> =
        BTreeMap::new();
    for finding in outcome.findings {
        let path = crate::paths::absolute(Path::new(&finding.path));
        by_file.entry(path).or_default().0.push(finding);
    }
    for error in outcome.errors {
        // The editor's Python support reports syntax errors already; what flasklint adds is
        // why a file could not be analysed at all (too large, too deep, not UTF-8).
        if error.message.starts_with("syntax error") {
            continue;
        }
        let path = crate::paths::absolute(&error.path);
        by_file.entry(path).or_default().1.push(error);
    }
    by_file
        .into_iter()
        .filter_map(|(path, (findings, errors))| {
            let uri = Url::from_file_path(&path).ok()?;
            let text = findings
                .first()
                .map(|f| Arc::clone(&f.source))
                .unwrap_or_else(|| Arc::from(""));
            let index = LineIndex::new(&text);
            let mut diagnostics: Vec<Diagnostic> = findings
                .iter()
                .map(|finding| diagnostic(finding, &text, &index))
                .collect();
            diagnostics.extend(errors.iter().map(error_diagnostic));
            Some(FileReport {
                uri,
                root,
                text,
                diagnostics,
                findings,
            })
        })
        .collect()
}

/// The page a rule's diagnostics link to: the one SARIF's `helpUri` names.
pub fn rule_url(id: &str) -> Option<Url> {
    Url::parse(&crate::report::rule_url(id)).ok()
}

/// A finding as an LSP diagnostic. The help goes into the message, on its own line, where
/// every client shows it; `data` carries what finds the finding again for its code actions.
pub fn diagnostic(finding: &Finding, text: &str, index: &LineIndex) -> Diagnostic {
    let message = if finding.help.is_empty() {
        finding.message.clone()
    } else {
        format!("{}\nhelp: {}", finding.message, finding.help)
    };
    Diagnostic {
        range: index.range(text, finding.offset, finding.offset + finding.length),
        severity: Some(match finding.severity.level() {
            Level::Error => DiagnosticSeverity::ERROR,
            Level::Warning => DiagnosticSeverity::WARNING,
            Level::Note => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(finding.rule.id.to_string())),
        code_description: rule_url(finding.rule.id).map(|href| CodeDescription { href }),
        source: Some("flasklint".to_string()),
        message,
        related_information: None,
        tags: None,
        data: Some(json!({
            "fingerprint": finding.fingerprint,
            "severity": finding.severity.as_str(),
            "fix": finding.fix.as_ref().map(|fix| json!({
                "description": fix.description,
                "applicability": fix.applicability.as_str(),
            })),
        })),
    }
}

fn error_diagnostic(error: &crate::source::FileError) -> Diagnostic {
    let at = error
        .position
        .map(|p| {
            Position::new(
                u32::try_from(p.line.saturating_sub(1)).unwrap_or(u32::MAX),
                u32::try_from(p.column.saturating_sub(1)).unwrap_or(u32::MAX),
            )
        })
        .unwrap_or_default();
    Diagnostic {
        range: Range::new(at, at),
        severity: Some(DiagnosticSeverity::WARNING),
        source: Some("flasklint".to_string()),
        message: format!("flasklint could not analyse this file: {}", error.message),
        ..Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_errors() {
        let caught = guarded(|| -> u32 { panic!("rule FL999 tripped") });
        let message = caught.expect_err("a panic is an error");
        assert!(message.contains("rule FL999 tripped"), "{message}");
        assert_eq!(guarded(|| 7), Ok(7));
    }
}
