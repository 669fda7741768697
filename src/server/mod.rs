//! `flasklint server`: a Language Server Protocol server over standard input and output, for
//! findings as the code is written.
//!
//! Three threads: the reader (`transport`) turns the input into messages, the message loop here
//! answers requests and keeps the open buffers, and the worker (`analysis`) runs `check` over
//! the workspace with the buffers overlaid. The loop never waits for an analysis, so a hover or
//! a code action is answered while a huge file is being analysed. Diagnostics are published per
//! file after each analysis, for every file whose findings changed, open or not: a change to a
//! decorator's module republishes the routes it protects. Changes are debounced
//! (`DEBOUNCE`); opening and saving analyse at once.
//!
//! What `check` applies applies here: the configuration each workspace folder finds, the
//! suppression comments, and a baseline named in the editor's options (`workspace`).

mod actions;
mod analysis;
mod hover;
mod text;
mod transport;
mod workspace;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionParams,
    CodeActionProviderCapability, ConfigurationItem, ConfigurationParams,
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidChangeWorkspaceFoldersParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, HoverParams, HoverProviderCapability, InitializeParams,
    InitializeResult, LogMessageParams, MessageType, NumberOrString, OneOf, PositionEncodingKind,
    ProgressParams, ProgressParamsValue, PublishDiagnosticsParams, Registration,
    RegistrationParams, ServerCapabilities, ServerInfo, ShowMessageParams,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Url, WorkDoneProgress, WorkDoneProgressBegin,
    WorkDoneProgressCreateParams, WorkDoneProgressEnd, WorkDoneProgressReport,
    WorkspaceFoldersServerCapabilities, WorkspaceServerCapabilities,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use analysis::{Analysis, Buffer, FileReport, Snapshot};
use transport::Outgoing;
use workspace::{Options, Root};

/// How long after the last keystroke a change is analysed.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

const PROGRESS_TOKEN: &str = "flasklint/analysis";

/// What the message loop waits for.
pub enum Event {
    Client(Message),
    /// Standard input ended.
    ClientGone,
    Analysed(Box<Analysis>),
    RootDone {
        generation: u64,
        done: usize,
        total: usize,
    },
}

/// Serves until `exit`; returns the process's exit code: 0 after `shutdown`, 1 when the client
/// exits or disconnects without one (as the protocol asks), 2 when the server cannot start.
pub fn run() -> u8 {
    let (events_sender, events) = mpsc::channel();
    let (out, outgoing) = mpsc::channel();
    let (jobs, snapshots) = mpsc::channel();
    let writer = match transport::spawn_writer(std::io::stdout(), outgoing) {
        Ok(writer) => writer,
        Err(error) => {
            eprintln!("flasklint: cannot start the server: {error}");
            return 2;
        }
    };
    let started = transport::spawn_reader(std::io::stdin(), events_sender.clone(), out.clone())
        .and_then(|()| analysis::spawn_worker(snapshots, events_sender));
    let code = match started {
        Ok(()) => Server::new(out.clone(), jobs).serve(&events),
        Err(error) => {
            eprintln!("flasklint: cannot start the server: {error}");
            2
        }
    };
    let _ = out.send(Outgoing::End);
    let _ = writer.join();
    code
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Uninitialized,
    Running,
    ShutDown,
}

struct Document {
    path: PathBuf,
    text: Arc<str>,
    version: i32,
}

struct Server {
    out: Sender<Outgoing>,
    jobs: Sender<Snapshot>,
    state: State,
    client: ClientCapabilities,
    folders: Vec<PathBuf>,
    options: Options,
    roots: Arc<Vec<Root>>,
    documents: HashMap<Url, Document>,
    /// The last published report of every file with diagnostics.
    published: BTreeMap<Url, FileReport>,
    /// The buffer version each open file's diagnostics were last published for: every version
    /// analysed is confirmed, even when its diagnostics did not change.
    published_versions: HashMap<Url, i32>,
    /// When the next analysis should start.
    due: Option<Instant>,
    /// The generation of the analysis in flight.
    running: Option<u64>,
    generation: u64,
    /// Progress is reported for the first analysis, the initial build.
    progress_wanted: bool,
    progress: Option<u64>,
    next_request: i32,
    /// The `workspace/configuration` request waiting for its answer.
    configuration_request: Option<RequestId>,
}

impl Server {
    fn new(out: Sender<Outgoing>, jobs: Sender<Snapshot>) -> Server {
        Server {
            out,
            jobs,
            state: State::Uninitialized,
            client: ClientCapabilities::default(),
            folders: Vec::new(),
            options: Options::default(),
            roots: Arc::new(Vec::new()),
            documents: HashMap::new(),
            published: BTreeMap::new(),
            published_versions: HashMap::new(),
            due: None,
            running: None,
            generation: 0,
            progress_wanted: false,
            progress: None,
            next_request: 0,
            configuration_request: None,
        }
    }

    fn serve(&mut self, events: &Receiver<Event>) -> u8 {
        loop {
            self.start_due_analysis();
            let event = match self.wait() {
                None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
                Some(wait) => events.recv_timeout(wait),
            };
            let event = match event {
                Ok(event) => event,
                Err(RecvTimeoutError::Timeout) => continue,
                Err(RecvTimeoutError::Disconnected) => return self.exit_code(),
            };
            match event {
                Event::Client(message) => {
                    if let Some(code) = self.handle(message) {
                        return code;
                    }
                }
                Event::ClientGone => return self.exit_code(),
                Event::Analysed(analysis) => self.finish(*analysis),
                Event::RootDone {
                    generation,
                    done,
                    total,
                } => {
                    if self.progress == Some(generation) && done < total {
                        self.send_progress(WorkDoneProgress::Report(WorkDoneProgressReport {
                            cancellable: Some(false),
                            message: Some(format!("{done} of {total} workspace folders")),
                            percentage: u32::try_from(done * 100 / total.max(1)).ok(),
                        }));
                    }
                }
            }
        }
    }

    fn exit_code(&self) -> u8 {
        if self.state == State::ShutDown { 0 } else { 1 }
    }

    /// How long the loop may sleep before an analysis is due; `None`: until the next event.
    fn wait(&self) -> Option<Duration> {
        if self.running.is_some() || self.state != State::Running {
            return None;
        }
        self.due
            .map(|due| due.saturating_duration_since(Instant::now()))
    }

    fn handle(&mut self, message: Message) -> Option<u8> {
        match message {
            Message::Request(request) => {
                self.on_request(request);
                None
            }
            Message::Notification(notification) => self.on_notification(notification),
            Message::Response(response) => {
                self.on_response(response);
                None
            }
        }
    }

    // --- requests ---------------------------------------------------------------------------

    fn on_request(&mut self, request: Request) {
        let id = request.id.clone();
        let method = request.method.clone();
        let reply = match (self.state, method.as_str()) {
            (State::Uninitialized, "initialize") => self.initialize(request),
            (State::Uninitialized, _) => Err((
                ErrorCode::ServerNotInitialized,
                "the server has not been initialized".to_string(),
            )),
            (_, "initialize") => Err((
                ErrorCode::InvalidRequest,
                "the server is already initialized".to_string(),
            )),
            (State::ShutDown, _) => Err((
                ErrorCode::InvalidRequest,
                "the server is shutting down".to_string(),
            )),
            (_, "shutdown") => {
                self.state = State::ShutDown;
                Ok(Value::Null)
            }
            (_, "textDocument/codeAction") => self.code_action(request),
            (_, "textDocument/hover") => self.hover(request),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("flasklint does not handle `{method}`"),
            )),
        };
        let response = match reply {
            Ok(result) => Response {
                id,
                response_result: Ok(result),
            },
            Err((code, message)) => Response::new_err(id, code as i32, message),
        };
        self.send(Message::Response(response));
    }

    fn initialize(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let params: InitializeParams = params(request.params)?;
        self.client = params.capabilities;
        #[allow(deprecated)]
        let folders: Vec<PathBuf> = match (&params.workspace_folders, &params.root_uri) {
            (Some(folders), _) if !folders.is_empty() => folders
                .iter()
                .filter_map(|folder| folder.uri.to_file_path().ok())
                .collect(),
            (_, Some(root)) => root.to_file_path().ok().into_iter().collect(),
            _ => params
                .root_path
                .as_ref()
                .map(PathBuf::from)
                .into_iter()
                .collect(),
        };
        self.folders = if folders.is_empty() {
            vec![crate::paths::absolute(std::path::Path::new("."))]
        } else {
            folders
                .iter()
                .map(|folder| crate::paths::absolute(folder))
                .collect()
        };
        // Paths in findings, and so the fingerprints a baseline records, are relative to the
        // working directory: work from the first folder, as `check` is run from the project.
        if let Some(first) = self.folders.first()
            && let Err(error) = std::env::set_current_dir(first)
        {
            self.log(
                MessageType::WARNING,
                format!("cannot work from {}: {error}", first.display()),
            );
        }
        if let Some(value) = &params.initialization_options {
            match Options::from_initialization(value) {
                Some(Ok(options)) => self.options = options,
                Some(Err(message)) => self.show(MessageType::ERROR, message),
                None => {}
            }
        }
        self.reload();
        self.state = State::Running;
        let result = InitializeResult {
            capabilities: capabilities(),
            server_info: Some(ServerInfo {
                name: "flasklint".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
        };
        serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    fn code_action(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let params: CodeActionParams = params(request.params)?;
        let uri = &params.text_document.uri;
        let Some(report) = self.published.get(uri) else {
            return Ok(Value::Array(Vec::new()));
        };
        // Edits are placed on the analysed text: none while the buffer has moved on (the
        // analysis of the new text is on its way).
        if let Some(document) = self.documents.get(uri)
            && *document.text != *report.text
        {
            return Ok(Value::Array(Vec::new()));
        }
        let unsafe_fixes = self.options.unsafe_fixes;
        let actions = on_big_stack(|| {
            analysis::guarded(|| actions::code_actions(uri, report, &params, unsafe_fixes))
        });
        match actions {
            Ok(actions) => {
                serde_json::to_value(actions).map_err(|e| (ErrorCode::InternalError, e.to_string()))
            }
            Err(message) => {
                self.log(MessageType::ERROR, message.clone());
                Err((ErrorCode::InternalError, message))
            }
        }
    }

    fn hover(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let params: HoverParams = params(request.params)?;
        let at = params.text_document_position_params;
        let hover = self
            .published
            .get(&at.text_document.uri)
            .and_then(|report| hover::hover(report, at.position));
        serde_json::to_value(hover).map_err(|e| (ErrorCode::InternalError, e.to_string()))
    }

    // --- notifications ----------------------------------------------------------------------

    fn on_notification(&mut self, notification: Notification) -> Option<u8> {
        if notification.method == "exit" {
            return Some(self.exit_code());
        }
        if self.state != State::Running {
            return None;
        }
        let method = notification.method.clone();
        let handled = match method.as_str() {
            "initialized" => {
                self.initialized();
                Ok(())
            }
            "textDocument/didOpen" => params(notification.params).map(|p| self.did_open(p)),
            "textDocument/didChange" => params(notification.params).map(|p| self.did_change(p)),
            "textDocument/didSave" => {
                params::<DidSaveTextDocumentParams>(notification.params).map(|_| self.analyse_now())
            }
            "textDocument/didClose" => params(notification.params).map(|p| self.did_close(p)),
            "workspace/didChangeWatchedFiles" => {
                params(notification.params).map(|p| self.watched_files_changed(p))
            }
            "workspace/didChangeConfiguration" => {
                params(notification.params).map(|p| self.configuration_changed(p))
            }
            "workspace/didChangeWorkspaceFolders" => {
                params(notification.params).map(|p| self.folders_changed(p))
            }
            // `$/cancelRequest`, `$/setTrace` and the like: every request is answered at once.
            _ => Ok(()),
        };
        if let Err((_, message)) = handled {
            self.log(
                MessageType::WARNING,
                format!("`{method}` ignored: {message}"),
            );
        }
        None
    }

    fn initialized(&mut self) {
        let watch = self
            .client
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        if watch {
            self.register_watchers();
        }
        if self.client_supports_configuration() {
            self.request_configuration();
        }
        self.progress_wanted = self
            .client
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        self.analyse_now();
    }

    fn did_open(&mut self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let Ok(path) = item.uri.to_file_path() else {
            return;
        };
        let path = crate::paths::absolute(&path);
        let text: Arc<str> = Arc::from(item.text);
        let analysed = match self.published.get(&item.uri) {
            Some(report) => *report.text == *text,
            None => std::fs::read(&path).is_ok_and(|bytes| bytes == text.as_bytes()),
        };
        self.documents.insert(
            item.uri.clone(),
            Document {
                path,
                text,
                version: item.version,
            },
        );
        if !analysed || self.running.is_some() {
            self.analyse_now();
        } else {
            // Already analysed as it is: tell the editor, with the buffer's version.
            let diagnostics = self
                .published
                .get(&item.uri)
                .map(|report| report.diagnostics.clone())
                .unwrap_or_default();
            self.publish(item.uri, diagnostics, Some(item.version));
        }
    }

    fn did_change(&mut self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let Some(document) = self.documents.get_mut(&uri) else {
            return;
        };
        let mut text = document.text.to_string();
        text::apply_changes(&mut text, params.content_changes);
        document.text = Arc::from(text);
        document.version = params.text_document.version;
        self.due = Some(Instant::now() + DEBOUNCE);
    }

    fn did_close(&mut self, params: DidCloseTextDocumentParams) {
        let Some(document) = self.documents.remove(&params.text_document.uri) else {
            return;
        };
        self.published_versions.remove(&params.text_document.uri);
        // Unsaved changes are dropped with the buffer: the file on disk is what counts now.
        let saved = std::fs::read(&document.path).is_ok_and(|b| b == document.text.as_bytes());
        if !saved {
            self.analyse_now();
        }
    }

    fn watched_files_changed(&mut self, params: DidChangeWatchedFilesParams) {
        let project_file = params.changes.iter().any(|change| {
            change
                .uri
                .to_file_path()
                .is_ok_and(|path| workspace::is_project_file(&path, &self.options))
        });
        if project_file {
            self.reload();
        }
        self.analyse_now();
    }

    fn configuration_changed(&mut self, params: DidChangeConfigurationParams) {
        match Options::from_settings(&params.settings) {
            Some(Ok(options)) => self.options = options,
            Some(Err(message)) => self.show(MessageType::ERROR, message),
            // Settings are pulled by clients that only say something changed.
            None if self.client_supports_configuration() => self.request_configuration(),
            None => {}
        }
        // The configuration files may have changed too: read everything again.
        self.reload();
        self.analyse_now();
    }

    fn folders_changed(&mut self, params: DidChangeWorkspaceFoldersParams) {
        for removed in params.event.removed {
            if let Ok(path) = removed.uri.to_file_path() {
                let path = crate::paths::absolute(&path);
                self.folders.retain(|folder| *folder != path);
            }
        }
        for added in params.event.added {
            if let Ok(path) = added.uri.to_file_path() {
                self.folders.push(crate::paths::absolute(&path));
            }
        }
        self.reload();
        // Reports keep the index of their root; after a change of folders, clear what no root
        // holds any more and let the next analysis publish the rest afresh.
        let uris: Vec<Url> = self.published.keys().cloned().collect();
        for uri in uris {
            self.published.remove(&uri);
            self.publish(uri, Vec::new(), None);
        }
        self.analyse_now();
    }

    fn on_response(&mut self, response: Response) {
        if self.configuration_request.as_ref() != Some(&response.id) {
            return;
        }
        self.configuration_request = None;
        let Ok(Value::Array(items)) = response.response_result else {
            return;
        };
        let Some(section) = items.first() else {
            return;
        };
        match Options::from_initialization(section) {
            Some(Ok(options)) if options != self.options => {
                self.options = options;
                self.reload();
                self.analyse_now();
            }
            Some(Err(message)) => self.show(MessageType::ERROR, message),
            _ => {}
        }
    }

    // --- analysis ---------------------------------------------------------------------------

    fn analyse_now(&mut self) {
        self.due = Some(Instant::now());
    }

    fn start_due_analysis(&mut self) {
        if self.state != State::Running || self.running.is_some() {
            return;
        }
        match self.due {
            Some(due) if due <= Instant::now() => {}
            _ => return,
        }
        self.due = None;
        self.generation += 1;
        let snapshot = Snapshot {
            generation: self.generation,
            roots: Arc::clone(&self.roots),
            buffers: self
                .documents
                .iter()
                .map(|(uri, document)| Buffer {
                    uri: uri.clone(),
                    path: document.path.clone(),
                    text: Arc::clone(&document.text),
                    version: document.version,
                })
                .collect(),
        };
        if self.jobs.send(snapshot).is_err() {
            self.log(
                MessageType::ERROR,
                "the analysis worker is gone".to_string(),
            );
            return;
        }
        self.running = Some(self.generation);
        if std::mem::take(&mut self.progress_wanted) {
            self.progress = Some(self.generation);
            let id = self.next_id();
            self.send(Message::Request(Request::new(
                id,
                "window/workDoneProgress/create".to_string(),
                WorkDoneProgressCreateParams {
                    token: NumberOrString::String(PROGRESS_TOKEN.to_string()),
                },
            )));
            let folders = self.roots.len();
            self.send_progress(WorkDoneProgress::Begin(WorkDoneProgressBegin {
                title: "flasklint".to_string(),
                cancellable: Some(false),
                message: Some(format!(
                    "analysing {folders} workspace folder{}",
                    if folders == 1 { "" } else { "s" }
                )),
                percentage: Some(0),
            }));
        }
    }

    fn finish(&mut self, analysis: Analysis) {
        self.running = None;
        self.log(
            MessageType::LOG,
            format!(
                "analysis {} took {} ms",
                analysis.generation,
                analysis.elapsed.as_millis()
            ),
        );
        let mut findings = 0;
        for (root, result) in analysis.roots.into_iter().enumerate() {
            match result {
                Ok(reports) => {
                    findings += reports.iter().map(|r| r.findings.len()).sum::<usize>();
                    self.apply(root, reports, &analysis.versions);
                }
                // The previous diagnostics of the root stay.
                Err(message) => self.log(MessageType::ERROR, message),
            }
        }
        if self.progress == Some(analysis.generation) {
            self.progress = None;
            self.send_progress(WorkDoneProgress::End(WorkDoneProgressEnd {
                message: Some(format!(
                    "{findings} finding{}",
                    if findings == 1 { "" } else { "s" }
                )),
            }));
        }
    }

    /// Publishes what changed in one root's reports. A buffer edited since the analysis read
    /// it keeps its diagnostics: the analysis of its new text is already due.
    fn apply(&mut self, root: usize, reports: Vec<FileReport>, versions: &HashMap<Url, i32>) {
        let fresh: BTreeMap<Url, FileReport> = reports
            .into_iter()
            .map(|report| (report.uri.clone(), report))
            .collect();
        let moved_on = |uri: &Url, documents: &HashMap<Url, Document>| {
            documents
                .get(uri)
                .is_some_and(|document| versions.get(uri) != Some(&document.version))
        };
        let cleared: Vec<Url> = self
            .published
            .iter()
            .filter(|(uri, report)| {
                report.root == root && !fresh.contains_key(*uri) && !moved_on(uri, &self.documents)
            })
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in cleared {
            self.published.remove(&uri);
            let version = versions.get(&uri).copied();
            self.publish(uri, Vec::new(), version);
        }
        for (uri, report) in fresh {
            if moved_on(&uri, &self.documents) {
                continue;
            }
            let changed = self
                .published
                .get(&uri)
                .is_none_or(|old| old.diagnostics != report.diagnostics)
                || self.unconfirmed(&uri, versions);
            let diagnostics = changed.then(|| report.diagnostics.clone());
            self.published.insert(uri.clone(), report);
            if let Some(diagnostics) = diagnostics {
                let version = versions.get(&uri).copied();
                self.publish(uri, diagnostics, version);
            }
        }
        // Open buffers of this root without findings: confirm the version analysed.
        let clean: Vec<Url> = versions
            .keys()
            .filter(|uri| {
                !self.published.contains_key(*uri)
                    && self.roots.get(root).is_some_and(|r| {
                        self.documents
                            .get(*uri)
                            .is_some_and(|d| d.path.starts_with(&r.path))
                    })
                    && !moved_on(uri, &self.documents)
                    && self.unconfirmed(uri, versions)
            })
            .cloned()
            .collect();
        for uri in clean {
            let version = versions.get(&uri).copied();
            self.publish(uri, Vec::new(), version);
        }
    }

    /// Whether `uri` is an open buffer whose analysed version has not been published yet.
    fn unconfirmed(&self, uri: &Url, versions: &HashMap<Url, i32>) -> bool {
        versions
            .get(uri)
            .is_some_and(|version| self.published_versions.get(uri) != Some(version))
    }

    /// Reads the configuration (and baseline) of every folder again.
    fn reload(&mut self) {
        let (roots, problems) = workspace::load(&self.folders, &self.options);
        self.roots = Arc::new(roots);
        for problem in problems {
            self.show(MessageType::ERROR, problem);
        }
    }

    // --- messages to the client -------------------------------------------------------------

    fn send(&self, message: Message) {
        let _ = self.out.send(Outgoing::Message(message));
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )));
    }

    fn next_id(&mut self) -> RequestId {
        self.next_request += 1;
        RequestId::from(self.next_request)
    }

    fn publish(&mut self, uri: Url, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        if let Some(version) = version {
            self.published_versions.insert(uri.clone(), version);
        }
        self.notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        );
    }

    fn send_progress(&self, progress: WorkDoneProgress) {
        self.notify(
            "$/progress",
            ProgressParams {
                token: NumberOrString::String(PROGRESS_TOKEN.to_string()),
                value: ProgressParamsValue::WorkDone(progress),
            },
        );
    }

    fn log(&self, typ: MessageType, message: String) {
        self.notify("window/logMessage", LogMessageParams { typ, message });
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify("window/showMessage", ShowMessageParams { typ, message });
    }

    fn client_supports_configuration(&self) -> bool {
        self.client
            .workspace
            .as_ref()
            .and_then(|w| w.configuration)
            .unwrap_or(false)
    }

    fn request_configuration(&mut self) {
        let id = self.next_id();
        self.configuration_request = Some(id.clone());
        self.send(Message::Request(Request::new(
            id,
            "workspace/configuration".to_string(),
            ConfigurationParams {
                items: vec![ConfigurationItem {
                    scope_uri: None,
                    section: Some("flasklint".to_string()),
                }],
            },
        )));
    }

    fn register_watchers(&mut self) {
        let watchers = workspace::watched_globs(&self.options)
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob),
                kind: None,
            })
            .collect();
        let id = self.next_id();
        self.send(Message::Request(Request::new(
            id,
            "client/registerCapability".to_string(),
            RegistrationParams {
                registrations: vec![Registration {
                    id: "flasklint/watched-files".to_string(),
                    method: "workspace/didChangeWatchedFiles".to_string(),
                    register_options: serde_json::to_value(
                        DidChangeWatchedFilesRegistrationOptions { watchers },
                    )
                    .ok(),
                }],
            },
        )));
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::new(actions::FIX_ALL),
            ]),
            resolve_provider: Some(false),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        workspace: Some(WorkspaceServerCapabilities {
            workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..ServerCapabilities::default()
    }
}

fn params<P: DeserializeOwned>(value: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(value)
        .map_err(|error| (ErrorCode::InvalidParams, format!("invalid params: {error}")))
}

/// Runs `work` on a thread with the stack `check` gives its workers: parsing a buffer recurses
/// with its nesting, far deeper than the message loop's stack allows.
fn on_big_stack<T: Send>(work: impl FnOnce() -> Result<T, String> + Send) -> Result<T, String> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(crate::check::WORKER_STACK_BYTES)
            .spawn_scoped(scope, work)
            .map_err(|error| format!("cannot start a thread: {error}"))?
            .join()
            .map_err(|_| "the code action panicked".to_string())?
    })
}
