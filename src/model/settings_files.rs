//! Settings written outside Python: dotenv files (`.env`, `.flaskenv`, `.env.production`,
//! `prod.env`), the `environment:` entries of docker-compose files, and the files an app loads
//! with `app.config.from_pyfile` / `from_file` / `from_envvar` or keeps in an `instance/` folder
//! (Python, TOML or JSON).
//!
//! Each file is read into `SettingsEntry`s: a key, its literal value (when the file writes one
//! rather than interpolating `${VAR}`), and where the value is written. What a file is for decides
//! what its values weigh (`FileRole`: a live file, an example that documents the keys, a
//! development or test file), and whether a `.gitignore` of its repository keeps it out of git.
//! Boundary: this module says what is written where; the secret rules decide what is a problem.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use rustc_hash::FxHashMap as HashMap;
use saphyr_parser::{Event, Parser, ScalarStyle};

use super::context::{is_dev_name, words};
use crate::source::{FileError, ReadError, SourceFile, TextFile, read_limited};

/// Collections nested deeper than this in a compose or JSON file are not read further; real
/// settings files nest a handful of levels.
const MAX_NESTING: usize = 64;

pub use crate::walk::SettingsFormat;

/// A setting that says the file configures a development run: `FLASK_DEBUG=1`,
/// `FLASK_ENV=development`, `APP_ENVIRONMENT: local`, `LOCALDEV=1`. What it returns names it
/// for messages.
fn marks_development(entry: &SettingsEntry) -> Option<String> {
    let value = entry.value.as_deref()?.trim().to_ascii_lowercase();
    let key = entry.key.to_ascii_uppercase();
    let switched_on = matches!(value.as_str(), "1" | "true" | "yes" | "on");
    let development = matches!(
        value.as_str(),
        "development" | "dev" | "develop" | "local" | "localdev"
    );
    let marks = match key.as_str() {
        "FLASK_DEBUG" | "LOCALDEV" | "LOCAL_DEV" => switched_on,
        // packit's `DEPLOYMENT=dev`.
        "FLASK_ENV" | "ENV" | "ENVIRONMENT" | "APP_ENV" | "APP_ENVIRONMENT" | "DEPLOYMENT"
        | "STAGE" => development,
        // shipit's `APP_CHANNEL=local`: the release channel a deployment runs on.
        other => {
            ["_ENV", "_ENVIRONMENT", "_CHANNEL", "_STAGE", "_DEPLOYMENT"]
                .iter()
                .any(|suffix| other.ends_with(suffix))
                && development
        }
    };
    // `PYTEST_ADDOPTS=...` (greenwave's `waiverdb.env`): the file sets up a test run.
    let marks = marks || key.starts_with("PYTEST_");
    marks.then(|| {
        format!(
            "`{}={}`",
            entry.key,
            entry.value.as_deref().unwrap_or_default()
        )
    })
}

/// What a settings file is for, which decides what its values weigh.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileRole {
    /// Read by a running app or container.
    Live,
    /// Documents the keys for someone to fill in (`.env.example`, `.env.sample`,
    /// `.env.template`, `.env.dist`): placeholders are its point.
    Example,
    /// Only development runs read it (`.env.development`, `.env.local`, `.flaskenv`,
    /// `docker-compose.dev.yml`, a file under `examples/`): the reason.
    Development(String),
    /// A test suite's settings (`.env.test`, a file under `tests/`).
    Test,
}

impl FileRole {
    fn of(path: &Path, location: &super::context::Location) -> FileRole {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let name_words = words(&name);
        let has = |wanted: &[&str]| name_words.iter().any(|w| wanted.contains(&w.as_str()));
        // `.env.test`, `compose.e2etests.yml`, `docker-compose.ci.yml`: a test or CI stack.
        let test_stack = name_words.iter().any(|w| {
            matches!(w.as_str(), "test" | "testing" | "ci")
                || w.ends_with("tests")
                || w.starts_with("e2e")
        });
        if location.test_folder || test_stack {
            return FileRole::Test;
        }
        if has(&[
            "example", "examples", "sample", "template", "tmpl", "dist", "defaults", "default",
        ]) {
            return FileRole::Example;
        }
        if name == ".flaskenv" {
            return FileRole::Development(
                "`.flaskenv` configures the `flask` command, the development server".to_string(),
            );
        }
        if is_dev_name(&name) || has(&["override"]) {
            return FileRole::Development(format!("`{name}` is named for development"));
        }
        if let Some(folder) = location
            .development_folder
            .as_ref()
            .or(location.environment_folder.as_ref())
        {
            return FileRole::Development(format!("in `{folder}/`"));
        }
        FileRole::Live
    }
}

/// A file whose opening comments say it is to be copied before use: bantubuzz's
/// `.env.production` starts `# Copy this to .env and update values`, and the app loads `.env`.
fn announces_a_template(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .take_while(|line| line.is_empty() || line.starts_with('#'))
        .take(8)
        .any(|line| {
            let lower = line.to_ascii_lowercase();
            lower.contains("copy this")
                || lower.contains("copy to .env")
                || lower.contains("copy it to")
                || lower.contains("rename this file")
                || lower.contains("rename it to")
                || lower.contains("template for")
                || lower.contains("this template")
        })
}

/// A settings file and what reading it found.
pub struct SettingsFile {
    pub file: TextFile,
    pub format: SettingsFormat,
    pub role: FileRole,
    /// `Some(true)` when a `.gitignore` (or `.git/info/exclude`) of its repository matches it:
    /// the usual place for a local secret. `None` outside a git work tree (an sdist, a copy),
    /// where nothing says the file stays out of what is shipped.
    pub git_ignored: Option<bool>,
    /// The code that loads it, for messages (`app/__init__.py:12`), when one does.
    pub loaded_by: Option<String>,
    /// A compose file's services, each with whether it publishes a port.
    pub services: Vec<ComposeService>,
}

/// One service of a compose file.
#[derive(Clone, Debug)]
pub struct ComposeService {
    pub name: String,
    /// The service's whole mapping: the entries inside it are its environment.
    pub range: TextRange,
    /// It lists `ports:` or runs in the host's network (`network_mode: host`); one that does
    /// not is reached only by the other containers of its networks.
    pub publishes: bool,
    /// `image: postgres:16`: the image's name without registry, owner or tag (`postgres`).
    pub image: Option<String>,
}

impl SettingsFile {
    /// The service whose mapping holds `range`.
    pub fn service_around(&self, range: TextRange) -> Option<&ComposeService> {
        self.services
            .iter()
            .find(|service| service.range.contains_range(range))
    }

    /// A service named `name` that publishes no port.
    pub fn unpublished_service(&self, name: &str) -> Option<&ComposeService> {
        self.services
            .iter()
            .find(|service| service.name == name && !service.publishes)
    }
}

/// One key set in a settings file.
#[derive(Clone, Debug)]
pub struct SettingsEntry {
    pub file: usize,
    pub key: String,
    /// The value as the app reads it, when the file writes it out: `None` for a value built
    /// from other variables (`${DB_PASSWORD}`), a number, a list or a table.
    pub value: Option<String>,
    /// Where the value is written (inside its quotes); the key's place when there is no value.
    pub range: TextRange,
}

/// A settings file to read, and why.
#[derive(Clone, Debug)]
pub struct SettingsRequest {
    pub path: PathBuf,
    pub format: SettingsFormat,
    /// The file's folders, as `check` reads them for Python files.
    pub location: super::context::Location,
    /// A Python module loads it (`from_pyfile("config.cfg")`): where, for messages.
    pub loaded_by: Option<String>,
}

/// Every settings file of the run and the entries read from them.
#[derive(Default)]
pub struct SettingsFiles {
    pub files: Vec<SettingsFile>,
    pub entries: Vec<SettingsEntry>,
    /// Files that could not be read, or do not parse in the format they are loaded with.
    pub errors: Vec<FileError>,
    seen: rustc_hash::FxHashSet<PathBuf>,
}

/// A command of a Procfile, systemd unit, compose file or Dockerfile that serves a Python web
/// app with a WSGI or ASGI server (`web: gunicorn -w 3 app:app`, `ExecStart=... gunicorn
/// app.main:arl_app`): production does not run `python app.py`.
#[derive(Clone, Debug)]
pub struct ServerCommand {
    /// `Procfile:1`, for messages.
    pub place: String,
    /// The server's name (`gunicorn`).
    pub server: &'static str,
    /// The modules it names (`app.main` of `app.main:arl_app`, `httpobs.website.main` of
    /// `--wsgi-file /app/httpobs/website/main.py`); empty when the command leaves them to its
    /// arguments elsewhere (`ENTRYPOINT ["gunicorn", "--bind", "0:8000"]`).
    pub modules: Vec<String>,
    /// The folder of the file that holds the command.
    pub folder: PathBuf,
}

const SERVERS: &[&str] = &[
    "gunicorn",
    "uwsgi",
    "waitress-serve",
    "hypercorn",
    "uvicorn",
    "mod_wsgi-express",
];

/// The words of a command line, in a shell, exec (`["gunicorn", "app:app"]`) or
/// `key=value` form.
fn command_tokens(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '[' | ']' | '=' | ';'))
        .filter(|t| !t.is_empty())
}

/// The modules a server command names: `module:object` arguments and `--wsgi-file` paths.
fn served_modules(line: &str) -> Vec<String> {
    let tokens: Vec<&str> = command_tokens(line).collect();
    let mut modules = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        if index > 0 && tokens[index - 1] == "--wsgi-file" {
            if let Some(path) = token.strip_suffix(".py") {
                modules.push(
                    path.trim_start_matches("./")
                        .trim_start_matches('/')
                        .replace('/', "."),
                );
            }
            continue;
        }
        let Some((module, object)) = token.split_once(':') else {
            continue;
        };
        let identifier = |text: &str| {
            text.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && text
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.'))
        };
        let object = object.split('(').next().unwrap_or(object);
        if identifier(module) && identifier(object) && !object.contains('.') {
            modules.push(module.to_string());
        }
    }
    modules
}

/// The Python entry points a `vercel.json` builds with `@vercel/python`, which serves the
/// module's WSGI app (`{"src": "api/index.py", "use": "@vercel/python"}`): one command per
/// build, at the line of its `src`.
fn vercel_python_builds(file: &TextFile, folder: &Path) -> Vec<ServerCommand> {
    if !file.text.contains("@vercel/python") {
        return Vec::new();
    }
    let mut commands = Vec::new();
    for (index, line) in file.text.lines().enumerate() {
        let tokens: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || matches!(c, '"' | ':' | ','))
            .filter(|t| !t.is_empty())
            .collect();
        // `"src": "api/index.py"`, one build per line or several on one.
        for pair in tokens.windows(2) {
            let [key, path] = pair else { continue };
            let Some(path) = path.strip_suffix(".py") else {
                continue;
            };
            if *key != "src" {
                continue;
            }
            commands.push(ServerCommand {
                place: format!("{}:{}", file.display_path(), index + 1),
                server: "@vercel/python",
                modules: vec![
                    path.trim_start_matches("./")
                        .trim_start_matches('/')
                        .replace('/', "."),
                ],
                folder: folder.to_path_buf(),
            });
        }
    }
    commands
}

impl SettingsFiles {
    /// The run's Procfiles, systemd units, compose files, Dockerfiles and other files that
    /// start the deployed app, each with its folder.
    fn deployment_files(&self) -> impl Iterator<Item = (&SettingsFile, PathBuf)> {
        self.files
            .iter()
            .filter(|file| {
                matches!(
                    file.format,
                    SettingsFormat::Deployment
                        | SettingsFormat::Compose
                        | SettingsFormat::Dockerfile
                )
            })
            .map(|file| {
                let folder = file
                    .file
                    .path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default();
                (file, folder)
            })
    }

    /// The commands of the run's Procfiles, systemd units, compose files and Dockerfiles that
    /// serve an app with a WSGI or ASGI server.
    pub fn server_commands(&self) -> Vec<ServerCommand> {
        let mut commands = Vec::new();
        for (file, folder) in self.deployment_files() {
            if file
                .file
                .path
                .file_name()
                .is_some_and(|name| name == "vercel.json")
            {
                commands.extend(vercel_python_builds(&file.file, &folder));
                continue;
            }
            for (index, line) in file.file.text.lines().enumerate() {
                if line.trim_start().starts_with('#') {
                    continue;
                }
                // `gunicorn`, `/usr/local/bin/gunicorn`, `python -m gunicorn`.
                let Some(server) = command_tokens(line).find_map(|token| {
                    let program = token.rsplit('/').next().unwrap_or(token);
                    SERVERS.iter().copied().find(|server| *server == program)
                }) else {
                    continue;
                };
                commands.push(ServerCommand {
                    place: format!("{}:{}", file.file.display_path(), index + 1),
                    server,
                    modules: served_modules(line),
                    folder: folder.clone(),
                });
            }
        }
        commands
    }

    /// The scripts the run's deployment files start with Python itself (`python main.py`,
    /// `python3 -m app.main`): (the file's folder, the script's path or module as written).
    /// RailServe's Replit workflow runs `python main.py` beside a Render blueprint serving
    /// `main:app` with gunicorn: the debug server under `__main__` is served too.
    pub fn direct_python_runs(&self) -> Vec<(PathBuf, String)> {
        let mut runs = Vec::new();
        for (file, folder) in self.deployment_files() {
            for line in file.file.text.lines() {
                if line.trim_start().starts_with('#') {
                    continue;
                }
                let tokens: Vec<&str> = command_tokens(line).collect();
                for (index, token) in tokens.iter().enumerate() {
                    let program = token.rsplit('/').next().unwrap_or(token);
                    if !(program == "python" || program.starts_with("python3")) {
                        continue;
                    }
                    // `python -u src/bin/service_chat.py` (A2rchi's Dockerfiles): options
                    // before the script or `-m`.
                    let mut next = index + 1;
                    while tokens
                        .get(next)
                        .is_some_and(|t| t.starts_with('-') && !matches!(*t, "-m" | "-c"))
                    {
                        next += 1;
                    }
                    match tokens.get(next) {
                        Some(&"-m") => {
                            if let Some(module) = tokens.get(next + 1)
                                && !SERVERS.contains(module)
                            {
                                runs.push((folder.clone(), (*module).to_string()));
                            }
                        }
                        Some(script) if script.ends_with(".py") => {
                            runs.push((folder.clone(), (*script).to_string()));
                        }
                        _ => {}
                    }
                }
            }
        }
        runs
    }

    /// Reads every requested file once (the first request for a path decides its format).
    pub fn load(requests: Vec<SettingsRequest>, max_file_bytes: u64) -> SettingsFiles {
        let mut out = SettingsFiles::default();
        out.add(requests, max_file_bytes);
        out
    }

    /// Reads more files; a path already read is not read again.
    pub fn add(&mut self, requests: Vec<SettingsRequest>, max_file_bytes: u64) {
        let out = self;
        let mut ignores = GitIgnores::default();
        for request in requests {
            let key = crate::paths::absolute(&request.path);
            if !out.seen.insert(key) {
                continue;
            }
            let text = match read_text(&request.path, max_file_bytes) {
                Ok(text) => text,
                Err(message) => {
                    out.errors.push(FileError {
                        path: request.path.clone(),
                        position: None,
                        message,
                    });
                    continue;
                }
            };
            let file = TextFile::new(request.path.clone(), text);
            let index = out.files.len();
            let mut layout = ComposeLayout::default();
            let entries = match request.format {
                SettingsFormat::Dotenv => Ok(dotenv_entries(&file, index)),
                SettingsFormat::Compose => {
                    yaml_read(&file, index, YamlShape::Compose).map(|(entries, read)| {
                        layout = read;
                        entries
                    })
                }
                SettingsFormat::Json => yaml_entries(&file, index, YamlShape::TopLevel),
                SettingsFormat::Toml => toml_entries(&file, index),
                SettingsFormat::Python => python_entries(&file, index),
                SettingsFormat::Dockerfile => Ok(dockerfile_entries(&file, index)),
                SettingsFormat::Deployment => Ok(Vec::new()),
            };
            let development_marker = match entries {
                Ok(entries) => {
                    let marker = entries.iter().find_map(marks_development);
                    out.entries.extend(entries);
                    marker
                }
                Err(error) => {
                    // A compose or instance file that is not what its name says is not a
                    // settings file worth a word; one the app loads is.
                    if request.loaded_by.is_some() {
                        out.errors.push(FileError {
                            path: request.path.clone(),
                            position: Some(file.position(error.offset)),
                            message: error.message,
                        });
                    }
                    continue;
                }
            };
            let mut role = FileRole::of(&request.path, &request.location);
            if role == FileRole::Live && announces_a_template(&file.text) {
                role = FileRole::Example;
            }
            if role == FileRole::Live && layout.ports.loopback_only() {
                role = FileRole::Development(
                    "every port it publishes is bound to 127.0.0.1: a setup for this machine"
                        .to_string(),
                );
            }
            if role == FileRole::Live
                && let Some(marker) = development_marker
            {
                role = FileRole::Development(format!("it sets {marker}: a development setup"));
            }
            if role == FileRole::Live
                && request.format == SettingsFormat::Dockerfile
                && let Some(base) = development_base_image(&file.text)
            {
                role =
                    FileRole::Development(format!("it builds `FROM {base}`: a development image"));
            }
            let git_ignored = ignores.is_ignored(&request.path);
            out.files.push(SettingsFile {
                file,
                format: request.format,
                role,
                git_ignored,
                loaded_by: request.loaded_by,
                services: layout.services,
            });
        }
    }

    /// The value the settings files give `key` (for `from_envvar`): the first live one.
    pub fn value_of(&self, key: &str) -> Option<(&SettingsEntry, &SettingsFile)> {
        self.entries
            .iter()
            .filter(|e| e.key == key)
            .filter_map(|e| Some((e, self.files.get(e.file)?)))
            .find(|(e, file)| e.value.is_some() && file.format == SettingsFormat::Dotenv)
    }
}

fn read_text(path: &Path, max_file_bytes: u64) -> Result<String, String> {
    let bytes = read_limited(path, max_file_bytes).map_err(|e| match e {
        ReadError::TooLarge(size) => {
            format!("is {size} bytes, over the {max_file_bytes}-byte limit; not checked")
        }
        ReadError::Io(e) => format!("cannot be read: {e}"),
    })?;
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|_| "is not UTF-8 text; not checked".to_string())
}

/// Why a file does not parse, and where.
struct ParseError {
    offset: TextSize,
    message: String,
}

fn size(at: usize) -> TextSize {
    TextSize::try_from(at).unwrap_or(TextSize::new(u32::MAX))
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(size(start), size(end.max(start)))
}

/// python-dotenv's syntax, as `load_dotenv` reads it: `[export] KEY = value` per line, `#`
/// comments, single quotes verbatim, double quotes with escapes and `${VAR}` expansion, unquoted
/// values up to a ` #` comment. A line that is none of these is skipped, as python-dotenv skips it.
fn dotenv_entries(file: &TextFile, index: usize) -> Vec<SettingsEntry> {
    let text: &str = &file.text;
    let bytes = text.as_bytes();
    let mut entries = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let line_end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
        let line = &text[at..line_end];
        let indent = line.len() - line.trim_start().len();
        let mut rest = &line[indent..];
        if rest.is_empty() || rest.starts_with('#') {
            at = line_end + 1;
            continue;
        }
        if let Some(after) = rest.strip_prefix("export ") {
            rest = after.trim_start();
        }
        let key_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
            .unwrap_or(rest.len());
        let key = &rest[..key_len];
        let after_key = rest[key_len..].trim_start_matches([' ', '\t']);
        let Some(after_equals) = after_key.strip_prefix('=') else {
            at = line_end + 1;
            continue;
        };
        if key.is_empty() {
            at = line_end + 1;
            continue;
        }
        let value_start = line_end - after_equals.len()
            + (after_equals.len() - after_equals.trim_start_matches([' ', '\t']).len());
        let (value, value_range, next) = dotenv_value(text, value_start, line_end);
        entries.push(SettingsEntry {
            file: index,
            key: key.to_string(),
            value,
            range: value_range,
        });
        at = next;
    }
    entries
}

/// The value starting at `start`: what the app reads (or `None` when it expands other
/// variables), where it is written, and where the next line starts.
fn dotenv_value(text: &str, start: usize, line_end: usize) -> (Option<String>, TextRange, usize) {
    let bytes = text.as_bytes();
    match bytes.get(start) {
        Some(&quote @ (b'\'' | b'"')) => {
            let mut value = String::new();
            let mut at = start + 1;
            let mut expands = false;
            while at < bytes.len() {
                let b = bytes[at];
                if b == quote {
                    let next = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
                    let value = (!expands).then_some(value);
                    return (value, range(start + 1, at), next + 1);
                }
                if quote == b'"' && b == b'\\' && at + 1 < bytes.len() {
                    let escaped = bytes[at + 1];
                    value.push(match escaped {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        other => char::from(other),
                    });
                    at += 2;
                    continue;
                }
                if (quote == b'"' && text[at..].starts_with("${"))
                    || text[at..].starts_with("{{")
                    || text[at..].starts_with("{%")
                {
                    expands = true;
                }
                let Some(c) = text[at..].chars().next() else {
                    break;
                };
                value.push(c);
                at += c.len_utf8();
            }
            // No closing quote: python-dotenv gives up on the line; so does this.
            (None, range(start, line_end), line_end + 1)
        }
        _ => {
            let raw = &text[start..line_end];
            // A `#` after whitespace starts a comment.
            let cut = raw
                .char_indices()
                .find(|&(i, c)| c == '#' && (i == 0 || raw[..i].ends_with([' ', '\t'])))
                .map_or(raw.len(), |(i, _)| i);
            let value = raw[..cut].trim_end_matches([' ', '\t', '\r']);
            // `${VAR}` expansion, or a template a setup tool renders (`{{ secret(16) }}`).
            let expands = value.contains("${") || value.contains("{{") || value.contains("{%");
            (
                (!expands).then(|| value.to_string()),
                range(start, start + value.len()),
                line_end + 1,
            )
        }
    }
}

/// The base image of a Dockerfile built on a development image (HM Land Registry's
/// `FROM hmlandregistry/dev_base_python_flask:3`): a word of the image's name, not its tag,
/// says dev, devel, development or local.
fn development_base_image(text: &str) -> Option<&str> {
    text.lines().find_map(|line| {
        let mut words = line.split_whitespace();
        if !words.next()?.eq_ignore_ascii_case("FROM") {
            return None;
        }
        let image = words.find(|word| !word.starts_with("--"))?;
        let name = image.split(['@', ':']).next().unwrap_or(image);
        let name = name.rsplit('/').next().unwrap_or(name);
        name.split(['_', '-', '.'])
            .any(|word| {
                matches!(
                    word.to_ascii_lowercase().as_str(),
                    "dev" | "devel" | "development" | "local" | "localdev"
                )
            })
            .then_some(image)
    })
}

/// A Dockerfile's `ENV KEY=value ...` (and the legacy `ENV KEY value`) and `ARG NAME=default`
/// instructions, with `\` continuations: both end up in the image (`docker history` shows
/// `ARG` values). A value that expands `$VAR` is not a literal.
fn dockerfile_entries(file: &TextFile, index: usize) -> Vec<SettingsEntry> {
    let text: &str = &file.text;
    let mut entries = Vec::new();
    let mut at = 0;
    while at < text.len() {
        // One logical line: physical lines joined by a trailing `\`.
        let mut end = at;
        loop {
            let line_end = text[end..].find('\n').map_or(text.len(), |n| end + n);
            if text[end..line_end].trim_end().ends_with('\\') && line_end < text.len() {
                end = line_end + 1;
                continue;
            }
            end = line_end;
            break;
        }
        let line = &text[at..end];
        let indent = line.len() - line.trim_start().len();
        let trimmed = &line[indent..];
        let word_end = trimmed
            .find(|c: char| c.is_whitespace())
            .unwrap_or(trimmed.len());
        let instruction = trimmed[..word_end].to_ascii_uppercase();
        if instruction == "ENV" || instruction == "ARG" {
            let start = at + indent + word_end;
            dockerfile_pairs(text, start, end, instruction == "ENV", index, &mut entries);
        }
        at = end + 1;
    }
    entries
}

/// The `KEY=value` pairs of one instruction's arguments (`text[start..end]`).
fn dockerfile_pairs(
    text: &str,
    start: usize,
    end: usize,
    legacy_allowed: bool,
    index: usize,
    entries: &mut Vec<SettingsEntry>,
) {
    let bytes = text.as_bytes();
    let skip_space = |mut at: usize| {
        while at < end && (bytes[at].is_ascii_whitespace() || bytes[at] == b'\\') {
            at += 1;
        }
        at
    };
    let mut at = skip_space(start);
    let first_key_end = text[at..end]
        .find(|c: char| c == '=' || c.is_whitespace())
        .map_or(end, |n| at + n);
    // `ENV KEY value with spaces`: the rest of the line is the value.
    if legacy_allowed && bytes.get(first_key_end) != Some(&b'=') && first_key_end < end {
        let key = &text[at..first_key_end];
        let value_start = skip_space(first_key_end);
        let value = text[value_start..end].trim_end();
        entries.push(SettingsEntry {
            file: index,
            key: key.to_string(),
            value: (!value.contains('$')).then(|| value.to_string()),
            range: range(value_start, value_start + value.len()),
        });
        return;
    }
    while at < end {
        let key_end = text[at..end]
            .find(|c: char| c == '=' || c.is_whitespace())
            .map_or(end, |n| at + n);
        let key = &text[at..key_end];
        if bytes.get(key_end) != Some(&b'=') {
            // `ARG NAME` without a default.
            at = skip_space(key_end);
            continue;
        }
        let value_at = key_end + 1;
        let (value, value_range, next) = match bytes.get(value_at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let close = text[value_at + 1..end]
                    .find(char::from(quote))
                    .map_or(end, |n| value_at + 1 + n);
                let raw = &text[value_at + 1..close];
                (raw, range(value_at + 1, close), (close + 1).min(end))
            }
            _ => {
                let stop = text[value_at..end]
                    .find(char::is_whitespace)
                    .map_or(end, |n| value_at + n);
                (&text[value_at..stop], range(value_at, stop), stop)
            }
        };
        if !key.is_empty() {
            entries.push(SettingsEntry {
                file: index,
                key: key.to_string(),
                value: (!value.contains('$')).then(|| value.to_string()),
                range: value_range,
            });
        }
        at = skip_space(next);
    }
}

/// What to read of a YAML (or JSON) document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum YamlShape {
    /// A compose file: the mappings and lists under every `environment:` key.
    Compose,
    /// A JSON settings file: the upper-case keys of the top-level mapping.
    TopLevel,
}

/// What a compose file's `ports:` lists publish.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct PublishedPorts {
    /// `"127.0.0.1:9000:9000"`, `"localhost:5432:5432"`, `"[::1]:80:80"`.
    loopback: usize,
    /// `"8000:8000"`, `"0.0.0.0:80:80"`, or the long syntax (not judged: counted here).
    other: usize,
}

impl PublishedPorts {
    /// Every port the file publishes is reached from this machine only: a local setup.
    fn loopback_only(self) -> bool {
        self.loopback > 0 && self.other == 0
    }

    fn add(&mut self, written: &str) {
        let written = written.trim();
        if ["127.", "localhost:", "[::1]:"]
            .iter()
            .any(|prefix| written.starts_with(prefix))
        {
            self.loopback += 1;
        } else {
            self.other += 1;
        }
    }
}

/// What a compose file says of its services besides their environment.
#[derive(Default)]
struct ComposeLayout {
    ports: PublishedPorts,
    services: Vec<ComposeService>,
}

/// One open collection while reading YAML events.
struct YamlFrame {
    mapping: bool,
    /// The key this collection is the value of.
    under: Option<String>,
    /// A mapping's key waiting for its value.
    pending: Option<(String, TextRange)>,
    depth: usize,
}

fn yaml_entries(
    file: &TextFile,
    index: usize,
    shape: YamlShape,
) -> Result<Vec<SettingsEntry>, ParseError> {
    yaml_read(file, index, shape).map(|(entries, _)| entries)
}

/// `yaml_entries`, with a compose file's services and the ports they publish.
fn yaml_read(
    file: &TextFile,
    index: usize,
    shape: YamlShape,
) -> Result<(Vec<SettingsEntry>, ComposeLayout), ParseError> {
    let text: &str = &file.text;
    let mut entries = Vec::new();
    let mut ports = PublishedPorts::default();
    let mut services: Vec<ComposeService> = Vec::new();
    let mut stack: Vec<YamlFrame> = Vec::new();
    // `services:` -> `name:` -> the service's mapping, two levels below the document's.
    let is_service_frame = |stack: &[YamlFrame]| {
        shape == YamlShape::Compose
            && stack.len() == 3
            && stack[1].under.as_deref() == Some("services")
            && stack[2].mapping
    };
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|error| ParseError {
            offset: file.offset(error.marker().line(), error.marker().col()),
            message: format!("not valid YAML: {}", error.info()),
        })?;
        let start = file.offset(span.start.line(), span.start.col());
        let end = file.offset(span.end.line(), span.end.col());
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let mapping = matches!(event, Event::MappingStart(..));
                let depth = stack.len();
                if depth >= MAX_NESTING {
                    return Err(ParseError {
                        offset: start,
                        message: format!("collections nested deeper than {MAX_NESTING} levels"),
                    });
                }
                if let Some(parent) = stack.last()
                    && !parent.mapping
                    && parent.under.as_deref() == Some("ports")
                {
                    // `- target: 80` `host_ip: 127.0.0.1`: the long syntax.
                    ports.other += 1;
                }
                if shape == YamlShape::Compose
                    && stack.len() == 3
                    && stack[2]
                        .pending
                        .as_ref()
                        .is_some_and(|(key, _)| key == "ports")
                    && let Some(service) = services.last_mut()
                {
                    service.publishes = true;
                }
                let under = stack
                    .last_mut()
                    .and_then(|parent| parent.pending.take())
                    .map(|(key, _)| key);
                stack.push(YamlFrame {
                    mapping,
                    under,
                    pending: None,
                    depth,
                });
                if is_service_frame(&stack) {
                    services.push(ComposeService {
                        name: stack[2].under.clone().unwrap_or_default(),
                        range: TextRange::new(start, start),
                        publishes: false,
                        image: None,
                    });
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if is_service_frame(&stack)
                    && let Some(service) = services.last_mut()
                {
                    service.range = TextRange::new(service.range.start(), end.max(start));
                }
                stack.pop();
            }
            Event::Scalar(value, style, ..) => {
                let Some(frame) = stack.last_mut() else {
                    continue;
                };
                let wanted = match shape {
                    YamlShape::Compose => frame.under.as_deref() == Some("environment"),
                    YamlShape::TopLevel => frame.depth == 0,
                };
                let value_range = scalar_range(text, start, end, style);
                if shape == YamlShape::Compose
                    && !frame.mapping
                    && frame.under.as_deref() == Some("ports")
                {
                    ports.add(&value);
                }
                if frame.mapping {
                    let in_service = frame.depth == 2 && shape == YamlShape::Compose;
                    match frame.pending.take() {
                        None => frame.pending = Some((value.into_owned(), value_range)),
                        Some((key, _))
                            if in_service && key == "network_mode" && value == "host" =>
                        {
                            if let Some(service) = services.last_mut() {
                                service.publishes = true;
                            }
                        }
                        Some((key, _)) if in_service && key == "image" => {
                            if let Some(service) = services.last_mut() {
                                let name = value.rsplit('/').next().unwrap_or(&value);
                                let name = name.split([':', '@']).next().unwrap_or(name);
                                service.image = Some(name.to_ascii_lowercase());
                            }
                        }
                        Some((key, _)) if wanted => {
                            let keep = shape == YamlShape::Compose || is_upper_key(&key);
                            if keep {
                                let value = yaml_value(&value, style, shape);
                                entries.push(SettingsEntry {
                                    file: index,
                                    key,
                                    value,
                                    range: value_range,
                                });
                            }
                        }
                        Some(_) => {}
                    }
                } else if wanted && shape == YamlShape::Compose {
                    // `- KEY=value` in a list.
                    if let Some((key, written)) = value.split_once('=') {
                        let offset = value_range.start().to_usize()
                            + text
                                .get(value_range.start().to_usize()..value_range.end().to_usize())
                                .and_then(|raw| raw.find('='))
                                .map_or(key.len(), |at| at + 1);
                        let value = yaml_value(written, ScalarStyle::DoubleQuoted, shape);
                        entries.push(SettingsEntry {
                            file: index,
                            key: key.trim().to_string(),
                            value,
                            range: range(offset, value_range.end().to_usize()),
                        });
                    }
                }
            }
            Event::Alias(_) => {
                if let Some(frame) = stack.last_mut() {
                    frame.pending = frame.pending.take().filter(|_| !frame.mapping);
                }
            }
            _ => {}
        }
    }
    Ok((entries, ComposeLayout { ports, services }))
}

/// The range of a scalar's text: inside its quotes when it is quoted.
fn scalar_range(text: &str, start: TextSize, end: TextSize, style: ScalarStyle) -> TextRange {
    let (start, end) = (start.to_usize(), end.to_usize());
    let quoted = matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted);
    let raw = text.get(start..end).unwrap_or("");
    if quoted && raw.len() >= 2 {
        range(start + 1, end - 1)
    } else {
        range(start, start + raw.trim_end().len())
    }
}

/// A scalar as the app reads it: compose interpolates `$VAR` / `${VAR}` (`$$` is a literal
/// `$`); a plain `null` or `~` sets nothing.
fn yaml_value(value: &str, style: ScalarStyle, shape: YamlShape) -> Option<String> {
    if style == ScalarStyle::Plain && matches!(value, "" | "~" | "null" | "Null" | "NULL") {
        return None;
    }
    if shape == YamlShape::Compose {
        let without_escapes = value.replace("$$", "");
        if without_escapes.contains('$') {
            // `${SECRET_KEY:-changeme}` (or `${SECRET_KEY-changeme}`): the default is the value
            // wherever the variable is not set when compose starts.
            return compose_default(value);
        }
        return Some(value.replace("$$", "$"));
    }
    let quoted = matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted);
    // JSON strings are quoted; numbers and booleans are not settings values of interest.
    quoted.then(|| value.to_string())
}

/// The default of a value that is one `${NAME:-default}` / `${NAME-default}` and nothing else,
/// when the default is written out (no further `$`).
fn compose_default(value: &str) -> Option<String> {
    compose_default_parts(value).map(|(_, default)| default.to_string())
}

/// The variable whose default a compose value written as `${NAME:-default}` falls back to.
pub fn compose_default_variable(written: &str) -> Option<&str> {
    compose_default_parts(written).map(|(name, _)| name)
}

fn compose_default_parts(value: &str) -> Option<(&str, &str)> {
    let inner = value.trim().strip_prefix("${")?.strip_suffix('}')?;
    let name_end = inner.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))?;
    let (name, rest) = inner.split_at(name_end);
    let default = rest.strip_prefix(":-").or_else(|| rest.strip_prefix('-'))?;
    (!name.is_empty() && !default.is_empty() && !default.contains(['$', '{', '}']))
        .then_some((name, default))
}

/// Flask's `from_mapping` (which `from_file` and `from_pyfile` feed) keeps upper-case keys only.
fn is_upper_key(key: &str) -> bool {
    key.chars().any(|c| c.is_ascii_uppercase()) && !key.chars().any(|c| c.is_ascii_lowercase())
}

fn toml_entries(file: &TextFile, index: usize) -> Result<Vec<SettingsEntry>, ParseError> {
    let document = toml::de::DeTable::parse(&file.text).map_err(|error| ParseError {
        offset: size(error.span().map_or(0, |span| span.start)),
        message: format!("not valid TOML: {}", error.message()),
    })?;
    let mut entries = Vec::new();
    for (key, value) in document.get_ref().iter() {
        if !is_upper_key(key.get_ref()) {
            continue;
        }
        let span = value.span();
        let (text, written) = match value.get_ref() {
            toml::de::DeValue::String(text) => (Some(text.to_string()), true),
            _ => (None, false),
        };
        // A string's span holds its quotes.
        let value_range = if written && span.end >= span.start + 2 {
            range(span.start + 1, span.end - 1)
        } else {
            range(span.start, span.end)
        };
        entries.push(SettingsEntry {
            file: index,
            key: key.get_ref().to_string(),
            value: text,
            range: value_range,
        });
    }
    // The table's map is not in document order.
    entries.sort_by_key(|e| e.range.start());
    Ok(entries)
}

/// A file `from_pyfile` executes: its upper-case top-level assignments of string literals.
fn python_entries(file: &TextFile, index: usize) -> Result<Vec<SettingsEntry>, ParseError> {
    let source =
        SourceFile::parse(file.path.clone(), file.text.as_bytes().to_vec()).map_err(|error| {
            ParseError {
                offset: TextSize::default(),
                message: error.message,
            }
        })?;
    if let Some(first) = source.syntax_errors().first() {
        let offset = first.position.map_or(TextSize::default(), |p| {
            file.offset(p.line, p.column.saturating_sub(1))
        });
        return Err(ParseError {
            offset,
            message: first.message.clone(),
        });
    }
    let mut entries = Vec::new();
    for stmt in &source.module().body {
        let (targets, value): (Vec<&Expr>, &Expr) = match stmt {
            Stmt::Assign(assign) => (assign.targets.iter().collect(), &assign.value),
            Stmt::AnnAssign(assign) => match &assign.value {
                Some(value) => (vec![assign.target.as_ref()], value),
                None => continue,
            },
            _ => continue,
        };
        for target in targets {
            let Expr::Name(name) = target else { continue };
            if !is_upper_key(name.id.as_str()) {
                continue;
            }
            let (text, value_range) = match value {
                Expr::StringLiteral(literal) => (
                    Some(literal.value.to_str().to_string()),
                    string_contents(&file.text, literal.range()),
                ),
                other => (None, other.range()),
            };
            entries.push(SettingsEntry {
                file: index,
                key: name.id.to_string(),
                value: text,
                range: value_range,
            });
        }
    }
    Ok(entries)
}

/// The range inside a simple string literal's quotes (prefixes and triple quotes included).
fn string_contents(text: &str, literal: TextRange) -> TextRange {
    let raw = text
        .get(literal.start().to_usize()..literal.end().to_usize())
        .unwrap_or("");
    let prefix = raw.find(['\'', '"']).unwrap_or(0);
    let quote = &raw[prefix..];
    let quote_len = if quote.starts_with("\"\"\"") || quote.starts_with("'''") {
        3
    } else {
        1
    };
    let start = literal.start().to_usize() + prefix + quote_len;
    let end = literal.end().to_usize().saturating_sub(quote_len);
    if end >= start && raw.len() >= prefix + 2 * quote_len {
        range(start, end)
    } else {
        literal
    }
}

/// `.gitignore` matchers by repository, read once each.
#[derive(Default)]
struct GitIgnores {
    /// Repository root (the folder holding `.git`) of each folder asked about.
    roots: HashMap<PathBuf, Option<PathBuf>>,
    matchers: HashMap<PathBuf, ignore::gitignore::Gitignore>,
}

impl GitIgnores {
    /// Whether git would ignore `path`, by the `.gitignore` files from its repository's root
    /// down to its folder and `.git/info/exclude`; `None` outside a git work tree. (flasklint
    /// never runs git, so a file committed before it was ignored still reads as ignored.)
    fn is_ignored(&mut self, path: &Path) -> Option<bool> {
        let path = crate::paths::absolute(path);
        let folder = path.parent()?.to_path_buf();
        let root = self
            .roots
            .entry(folder.clone())
            .or_insert_with(|| {
                folder
                    .ancestors()
                    .find(|dir| dir.join(".git").exists())
                    .map(Path::to_path_buf)
            })
            .clone()?;
        // The deepest `.gitignore` that decides wins, as git reads them.
        let mut folders: Vec<PathBuf> = folder
            .ancestors()
            .take_while(|dir| dir.starts_with(&root))
            .map(Path::to_path_buf)
            .collect();
        folders.reverse();
        let mut ignored = false;
        for dir in &folders {
            let matcher = self.matchers.entry(dir.clone()).or_insert_with(|| {
                let mut builder = ignore::gitignore::GitignoreBuilder::new(dir);
                builder.add(dir.join(".gitignore"));
                if *dir == root {
                    builder.add(dir.join(".git").join("info").join("exclude"));
                }
                builder
                    .build()
                    .unwrap_or_else(|_| ignore::gitignore::Gitignore::empty())
            });
            match matcher.matched_path_or_any_parents(&path, false) {
                ignore::Match::Ignore(_) => ignored = true,
                ignore::Match::Whitelist(_) => ignored = false,
                ignore::Match::None => {}
            }
        }
        Some(ignored)
    }
}

/// A loader call's path as Flask resolves it: relative to the app's root path (the folder of
/// the module that creates it, here the calling module's folder), or to the instance folder
/// (`instance/` beside that folder, or inside it for an app that is a single module) when the
/// app says `instance_relative_config=True`, which flasklint does not track: every candidate
/// that exists is tried, nearest first.
pub fn loaded_file_candidates(module_dir: &Path, written: &str) -> Vec<PathBuf> {
    let written = Path::new(written);
    if written.is_absolute() {
        return Vec::new();
    }
    let mut candidates = vec![
        module_dir.join(written),
        module_dir.join("instance").join(written),
    ];
    if let Some(parent) = module_dir.parent() {
        candidates.push(parent.join("instance").join(written));
        candidates.push(parent.join(written));
    }
    candidates.iter().map(|c| lexically_normal(c)).collect()
}

/// `shop/../config/x.toml` as `config/x.toml`, without asking the file system (a `..` after a
/// symlink is then resolved as written, and the caller still checks where the file really is).
fn lexically_normal(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                let popped =
                    matches!(out.components().next_back(), Some(Component::Normal(_))) && out.pop();
                if !popped {
                    out.push("..");
                }
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The display form of a literal for messages, without control characters.
pub fn shown(value: &str) -> Cow<'_, str> {
    if value.chars().any(char::is_control) {
        Cow::Owned(value.escape_default().to_string())
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_commands_name_the_modules_they_serve() {
        assert_eq!(
            served_modules("web: gunicorn -b 0.0.0.0:$PORT -w 3 app:app"),
            vec!["app"]
        );
        assert_eq!(
            served_modules(
                r#"entrypoint: ["sh", "-c", "nginx; gunicorn -b 0.0.0.0:5003 app.main:arl_app -w 3"]"#
            ),
            vec!["app.main"]
        );
        assert_eq!(
            served_modules(
                "uwsgi --http :57001 --wsgi-file /app/httpobs/website/main.py --callable app"
            ),
            vec!["app.httpobs.website.main"]
        );
        assert_eq!(
            served_modules("gunicorn 'shop:create_app()' --bind 0.0.0.0:8000"),
            vec!["shop"]
        );
        assert!(
            served_modules(r#"ENTRYPOINT ["python", "-m", "gunicorn", "--bind", "0:8000"]"#)
                .is_empty()
        );
    }

    #[test]
    fn vercel_builds_name_the_python_entry_points() {
        let one_line = TextFile::new(
            PathBuf::from("vercel.json"),
            r#"{"builds": [{ "src": "api/index.py", "use": "@vercel/python" }]}"#.to_string(),
        );
        let modules: Vec<Vec<String>> = vercel_python_builds(&one_line, Path::new("."))
            .into_iter()
            .map(|command| command.modules)
            .collect();
        assert_eq!(modules, vec![vec!["api.index".to_string()]]);
        // A static site's builds serve no Python.
        let static_site = TextFile::new(
            PathBuf::from("vercel.json"),
            r#"{"builds": [{ "src": "index.html", "use": "@vercel/static" }]}"#.to_string(),
        );
        assert!(vercel_python_builds(&static_site, Path::new(".")).is_empty());
    }

    fn entries_of(format: SettingsFormat, text: &str) -> Vec<(String, Option<String>, String)> {
        let file = TextFile::new(PathBuf::from("x"), text.to_string());
        let entries = match format {
            SettingsFormat::Dotenv => dotenv_entries(&file, 0),
            SettingsFormat::Compose => {
                yaml_entries(&file, 0, YamlShape::Compose).unwrap_or_default()
            }
            SettingsFormat::Json => yaml_entries(&file, 0, YamlShape::TopLevel).unwrap_or_default(),
            SettingsFormat::Toml => toml_entries(&file, 0).unwrap_or_default(),
            SettingsFormat::Python => python_entries(&file, 0).unwrap_or_default(),
            SettingsFormat::Dockerfile => dockerfile_entries(&file, 0),
            SettingsFormat::Deployment => Vec::new(),
        };
        entries
            .into_iter()
            .map(|e| (e.key, e.value, file.slice(e.range).to_string()))
            .collect()
    }

    fn kv(key: &str, value: Option<&str>, written: &str) -> (String, Option<String>, String) {
        (
            key.to_string(),
            value.map(str::to_string),
            written.to_string(),
        )
    }

    #[test]
    fn dotenv_syntax() {
        let text = "# comment\nexport SECRET_KEY=abc123 # trailing\nJWT_SECRET_KEY = 'x#y'\nDB=\"a\\\"b\"\nURL=${HOST}/x\nEMPTY=\nnot a line\nMULTI=\"one\ntwo\"\nAFTER=1\n";
        assert_eq!(
            entries_of(SettingsFormat::Dotenv, text),
            vec![
                kv("SECRET_KEY", Some("abc123"), "abc123"),
                kv("JWT_SECRET_KEY", Some("x#y"), "x#y"),
                kv("DB", Some("a\"b"), "a\\\"b"),
                kv("URL", None, "${HOST}/x"),
                kv("EMPTY", Some(""), ""),
                kv("MULTI", Some("one\ntwo"), "one\ntwo"),
                kv("AFTER", Some("1"), "1"),
            ]
        );
    }

    #[test]
    fn dotenv_never_panics_on_odd_input() {
        for text in [
            "=",
            "A=\"",
            "A='unterminated\n",
            "export",
            "é=1\nA=é",
            "A=\"\\",
            "\n\n",
        ] {
            let _ = entries_of(SettingsFormat::Dotenv, text);
        }
    }

    #[test]
    fn dockerfile_env_and_arg() {
        let text = "FROM python:3.12\nARG APP_TOKEN=Kq7-dock-Tern\nENV SECRET_KEY=\"tralala\" \\\n    DEBUG=0 URL=$BASE/x\nENV LEGACY_PASSWORD old style value\nRUN echo ENV NOT=this\nARG ONLY_NAME\n";
        assert_eq!(
            entries_of(SettingsFormat::Dockerfile, text),
            vec![
                kv("APP_TOKEN", Some("Kq7-dock-Tern"), "Kq7-dock-Tern"),
                kv("SECRET_KEY", Some("tralala"), "tralala"),
                kv("DEBUG", Some("0"), "0"),
                kv("URL", None, "$BASE/x"),
                kv(
                    "LEGACY_PASSWORD",
                    Some("old style value"),
                    "old style value"
                ),
            ]
        );
        for odd in ["ENV", "ENV A=\"", "ARG =", "ENV \\\n", "env a b\\"] {
            let _ = entries_of(SettingsFormat::Dockerfile, odd);
        }
    }

    #[test]
    fn compose_environment_mappings_and_lists() {
        let text = "services:\n  web:\n    image: x\n    environment:\n      SECRET_KEY: \"s3cr3t-value\"\n      DB_URL: ${DB_URL}\n  worker:\n    environment:\n      - MAIL_PASSWORD=hunter22\n      - PRICE=$$5\n";
        assert_eq!(
            entries_of(SettingsFormat::Compose, text),
            vec![
                kv("SECRET_KEY", Some("s3cr3t-value"), "s3cr3t-value"),
                kv("DB_URL", None, "${DB_URL}"),
                kv("MAIL_PASSWORD", Some("hunter22"), "hunter22"),
                kv("PRICE", Some("$5"), "$$5"),
            ]
        );
    }

    #[test]
    fn json_toml_and_python_top_level_keys() {
        assert_eq!(
            entries_of(
                SettingsFormat::Json,
                "{\"SECRET_KEY\": \"abc\", \"lower\": \"x\", \"N\": {\"SECRET_KEY\": \"inner\"}}"
            ),
            vec![kv("SECRET_KEY", Some("abc"), "abc")]
        );
        assert_eq!(
            entries_of(
                SettingsFormat::Toml,
                "SECRET_KEY = \"abc\"\nDEBUG = true\n[t]\nX = \"y\"\n"
            ),
            vec![
                kv("SECRET_KEY", Some("abc"), "abc"),
                kv("DEBUG", None, "true")
            ]
        );
        assert_eq!(
            entries_of(
                SettingsFormat::Python,
                "import os\nSECRET_KEY = 'abc'\nDEBUG = False\nlower = 'x'\n"
            ),
            vec![
                kv("SECRET_KEY", Some("abc"), "abc"),
                kv("DEBUG", None, "False")
            ]
        );
    }

    #[test]
    fn file_names_and_roles() {
        let of = |p: &str| SettingsFormat::of_path(Path::new(p));
        assert_eq!(of("a/.env"), Some(SettingsFormat::Dotenv));
        assert_eq!(of("a/.env.production"), Some(SettingsFormat::Dotenv));
        assert_eq!(of("a/prod.env"), Some(SettingsFormat::Dotenv));
        assert_eq!(of("a/.env.swp"), None);
        assert_eq!(of("a/.env.gpg"), None);
        assert_eq!(of("a/docker-compose.yml"), Some(SettingsFormat::Compose));
        assert_eq!(of("a/instance/config.cfg"), Some(SettingsFormat::Python));
        assert_eq!(of("a/config.cfg"), None);
        assert_eq!(of("a/environment.py"), None);
        let role =
            |p: &str| FileRole::of(Path::new(p), &super::super::context::Location::default());
        assert_eq!(role(".env"), FileRole::Live);
        assert_eq!(role(".env.example"), FileRole::Example);
        assert_eq!(role(".env.test"), FileRole::Test);
        assert!(matches!(role(".env.development"), FileRole::Development(_)));
        assert!(matches!(role(".flaskenv"), FileRole::Development(_)));
        assert_eq!(role(".env.production"), FileRole::Live);
        assert_eq!(role("compose.with-e2e.yml"), FileRole::Test);
        assert_eq!(role("docker-compose.e2etests.yml"), FileRole::Test);
        assert_eq!(role("docker-compose.ci.yml"), FileRole::Test);
        assert_eq!(role("docker-compose.circle.yml"), FileRole::Live);
    }

    #[test]
    fn compose_ports_bound_to_this_machine() {
        let ports = |text: &str| {
            let file = TextFile::new(PathBuf::from("docker-compose.yml"), text.to_string());
            yaml_read(&file, 0, YamlShape::Compose)
                .map(|(_, layout)| layout.ports.loopback_only())
                .unwrap_or(false)
        };
        let local = "services:\n  db:\n    ports:\n      - \"127.0.0.1:5432:5432\"\n  cache:\n    ports: [\"localhost:6379:6379\"]\n";
        assert!(ports(local));
        let mixed = "services:\n  db:\n    ports:\n      - \"127.0.0.1:5432:5432\"\n  web:\n    ports:\n      - \"8000:8000\"\n";
        assert!(!ports(mixed));
        let long =
            "services:\n  web:\n    ports:\n      - target: 80\n        host_ip: 127.0.0.1\n";
        assert!(!ports(long));
        assert!(!ports("services:\n  db:\n    image: postgres\n"));
    }

    #[test]
    fn compose_services_and_what_they_publish() {
        let text = "services:\n  web:\n    environment:\n      DB: postgresql://u:p@db/x\n    ports:\n      - \"8000:8000\"\n  db:\n    image: docker.io/library/postgres:16-alpine\n    environment:\n      - POSTGRES_PASSWORD=p\n    expose: [\"5432\"]\n  cache:\n    network_mode: host\n  queue:\n    ports: []\nvolumes:\n  data:\n";
        let file = TextFile::new(PathBuf::from("compose.yaml"), text.to_string());
        let Ok((entries, layout)) = yaml_read(&file, 0, YamlShape::Compose) else {
            panic!("the compose file parses");
        };
        let services: Vec<(&str, bool)> = layout
            .services
            .iter()
            .map(|s| (s.name.as_str(), s.publishes))
            .collect();
        assert_eq!(
            services,
            [
                ("web", true),
                ("db", false),
                ("cache", true),
                ("queue", true)
            ]
        );
        let settings = SettingsFile {
            file,
            format: SettingsFormat::Compose,
            role: FileRole::Live,
            git_ignored: None,
            loaded_by: None,
            services: layout.services,
        };
        let service_of = |key: &str| {
            let entry = entries
                .iter()
                .find(|e| e.key == key)
                .expect("the key is read");
            settings
                .service_around(entry.range)
                .map(|s| s.name.as_str())
        };
        assert_eq!(service_of("DB"), Some("web"));
        assert_eq!(service_of("POSTGRES_PASSWORD"), Some("db"));
        assert!(settings.unpublished_service("db").is_some());
        assert_eq!(settings.services[1].image.as_deref(), Some("postgres"));
        assert!(settings.unpublished_service("web").is_none());
    }
}
