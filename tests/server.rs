//! `flasklint server` driven over stdio by a scripted LSP client: the real binary, real
//! messages, every reply checked.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Generous: a debug build analysing a large buffer on a busy 2-core machine. Only a hang
/// reaches it.
const PATIENCE: Duration = Duration::from_secs(180);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Every message received, for failure reports.
    seen: Vec<Value>,
    /// Answer for `workspace/configuration` requests.
    settings: Value,
}

impl Client {
    fn start(cwd: &Path) -> Client {
        Client::start_with(cwd, &[])
    }

    fn start_with(cwd: &Path, env: &[(&str, &str)]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_flasklint"))
            .arg("server")
            .envs(env.iter().copied())
            .current_dir(cwd)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().expect("stdout");
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length: ") {
                        length = value.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                reader.read_exact(&mut body).expect("a whole body");
                let value: Value = serde_json::from_slice(&body).expect("the server writes JSON");
                if sender.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            stdin: child.stdin.take(),
            child,
            incoming,
            next_id: 0,
            seen: Vec::new(),
            settings: Value::Null,
        }
    }

    fn write_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
    }

    fn send(&mut self, message: Value) {
        let text = message.to_string();
        self.write_raw(format!("Content-Length: {}\r\n\r\n{text}", text.len()).as_bytes());
    }

    fn request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next message from the server; requests from the server are answered as an editor
    /// would, and returned too.
    fn next(&mut self) -> Value {
        let deadline = Instant::now() + PATIENCE;
        let message = match self
            .incoming
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
        {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => panic!(
                "no message from the server in {PATIENCE:?}; seen:\n{}",
                self.transcript()
            ),
            Err(RecvTimeoutError::Disconnected) => {
                panic!("the server closed its output; seen:\n{}", self.transcript())
            }
        };
        self.seen.push(message.clone());
        if let (Some(id), Some(method)) = (message.get("id"), message["method"].as_str()) {
            let result = match method {
                "workspace/configuration" => json!([self.settings.clone()]),
                _ => Value::Null,
            };
            let id = id.clone();
            self.send(json!({"jsonrpc": "2.0", "id": id, "result": result}));
        }
        message
    }

    /// Reads messages until one satisfies `wanted`, and returns it with those before it.
    fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> (Value, Vec<Value>) {
        let mut before = Vec::new();
        loop {
            let message = self.next();
            if wanted(&message) {
                return (message, before);
            }
            before.push(message);
        }
    }

    fn response(&mut self, id: i64) -> Value {
        self.until(|m| m["id"] == json!(id) && m.get("method").is_none())
            .0
    }

    /// The next `publishDiagnostics` for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        self.until(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })
        .0["params"]
            .clone()
    }

    /// The `publishDiagnostics` for version `version` of the open buffer `uri`.
    fn diagnostics_at(&mut self, uri: &str, version: i64) -> Value {
        self.until(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        })
        .0["params"]
            .clone()
    }

    fn initialize(&mut self, root: &Path, capabilities: Value, options: Value) -> Value {
        let id = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "workspaceFolders": [{"uri": uri(root), "name": "ws"}],
                "capabilities": capabilities,
                "initializationOptions": options,
            }),
        );
        let reply = self.response(id);
        self.notify("initialized", json!({}));
        reply
    }

    fn open(&mut self, path: &Path, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {
                "uri": uri(path), "languageId": "python", "version": version, "text": text,
            }}),
        );
    }

    fn change(&mut self, path: &Path, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri(path), "version": version},
                "contentChanges": changes,
            }),
        );
    }

    /// `shutdown`, then `exit`: the process ends with `code`.
    fn stop(mut self, code: i32) {
        let id = self.request("shutdown", Value::Null);
        let reply = self.response(id);
        assert_eq!(reply["result"], Value::Null, "{reply}");
        self.notify("exit", Value::Null);
        self.wait_for_exit(code);
    }

    fn wait_for_exit(mut self, code: i32) {
        drop(self.stdin.take());
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                assert_eq!(status.code(), Some(code), "{}", self.transcript());
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn transcript(&self) -> String {
        self.seen
            .iter()
            .map(|m| {
                let text = m.to_string();
                text.chars().take(600).collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, text).expect("write");
    path
}

/// A tempdir with its canonical path (macOS puts temp dirs behind a symlink; URIs must match
/// what the server sees).
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let root = dir.path().canonicalize().expect("canonical");
    (dir, root)
}

fn codes(diagnostics: &Value) -> Vec<String> {
    diagnostics["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn range(start: (u32, u32), end: (u32, u32)) -> Value {
    json!({
        "start": {"line": start.0, "character": start.1},
        "end": {"line": end.0, "character": end.1},
    })
}

const INIT: &str = "from flask import Flask\n\nfrom .tokens import mint, who\nfrom .views import bp\n\n\ndef create_app():\n    app = Flask(__name__)\n    app.register_blueprint(bp)\n    return app\n";

const VIEWS: &str = "from flask import Blueprint, jsonify\n\nfrom .auth import login_required\nfrom .models import Note\n\nbp = Blueprint(\"notes\", __name__)\n\n\n@bp.route(\"/notes/<int:note_id>\")\n@login_required\ndef read_note(note_id):\n    return jsonify(Note.get(note_id))\n";

const MODELS: &str =
    "class Note:\n    @staticmethod\n    def get(note_id):\n        return {\"id\": note_id}\n";

/// A decorator that checks nothing: the route is not authenticated, so FL201 does not apply.
const AUTH_OPEN: &str = "from functools import wraps\n\n\ndef login_required(view):\n    @wraps(view)\n    def wrapper(*args, **kwargs):\n        return view(*args, **kwargs)\n\n    return wrapper\n";

/// The same decorator verifying a token: every route using it is authenticated.
const AUTH_VERIFIED: &str = "from functools import wraps\n\nimport jwt\nfrom flask import abort, current_app, g, request\n\n\ndef login_required(view):\n    @wraps(view)\n    def wrapper(*args, **kwargs):\n        token = request.headers.get(\"Authorization\", \"\")[7:]\n        try:\n            claims = jwt.decode(token, current_app.config[\"SECRET_KEY\"], algorithms=[\"HS256\"], audience=\"api\", issuer=\"auth\")\n        except jwt.InvalidTokenError:\n            abort(401)\n        g.user_id = claims[\"sub\"]\n        return view(*args, **kwargs)\n\n    return wrapper\n";

const TOKENS: &str = "from datetime import datetime, timedelta, timezone\n\nimport jwt\nfrom flask import current_app\n\n\ndef mint(user_id):\n    expires = datetime.now(tz=timezone.utc) + timedelta(minutes=15)\n    payload = {\"sub\": user_id, \"exp\": expires, \"aud\": \"api\", \"iss\": \"auth\"}\n    return jwt.encode(payload, current_app.config[\"SECRET_KEY\"], algorithm=\"HS256\")\n\n\ndef who(token):\n    return jwt.decode(token, current_app.config[\"SECRET_KEY\"], audience=\"api\", issuer=\"auth\")\n";

fn notes_app(root: &Path) {
    write(root, "app/__init__.py", INIT);
    write(root, "app/views.py", VIEWS);
    write(root, "app/models.py", MODELS);
    write(root, "app/auth.py", AUTH_OPEN);
    write(root, "app/tokens.py", TOKENS);
}

fn editor_capabilities() -> Value {
    json!({
        "window": {"workDoneProgress": true},
        "workspace": {
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "configuration": true,
        },
    })
}

#[test]
fn diagnostics_fixes_hover_and_cross_file_findings_over_a_session() {
    let (_dir, root) = workspace();
    notes_app(&root);
    let tokens = root.join("app/tokens.py");
    let tokens_uri = uri(&tokens);
    let mut client = Client::start(&root);

    let reply = client.initialize(&root, editor_capabilities(), Value::Null);
    let capabilities = &reply["result"]["capabilities"];
    assert_eq!(capabilities["positionEncoding"], "utf-16", "{reply}");
    assert_eq!(capabilities["hoverProvider"], true);
    assert_eq!(
        capabilities["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.flasklint"])
    );
    assert_eq!(capabilities["textDocumentSync"]["change"], 2);
    assert_eq!(reply["result"]["serverInfo"]["name"], "flasklint");

    // The initial build: watchers registered, settings pulled, progress from begin to end, and
    // the one finding of the workspace published in between.
    let (_, before) = client.until(|m| m["params"]["value"]["kind"] == "end");
    let before: Vec<Value> = before
        .into_iter()
        .filter(|m| m["method"] != "window/logMessage")
        .collect();
    let methods: Vec<&str> = before.iter().filter_map(|m| m["method"].as_str()).collect();
    assert_eq!(
        methods,
        vec![
            "client/registerCapability",
            "workspace/configuration",
            "window/workDoneProgress/create",
            "$/progress",
            "textDocument/publishDiagnostics",
        ],
        "{}",
        client.transcript()
    );
    let registration = &before[0]["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = registration["registerOptions"]["watchers"]
        .as_array()
        .expect("watchers")
        .iter()
        .filter_map(|w| w["globPattern"].as_str())
        .collect();
    assert!(
        globs.contains(&"**/*.py") && globs.contains(&"**/.env*"),
        "{globs:?}"
    );
    assert_eq!(before[3]["params"]["value"]["kind"], "begin");
    let published = &before[4]["params"];
    assert_eq!(published["uri"], tokens_uri);
    let sarif = std::process::Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args(["check", "--format", "sarif", "."])
        .current_dir(&root)
        .output()
        .expect("check runs");
    let sarif: Value = serde_json::from_slice(&sarif.stdout).expect("SARIF");
    let help_uri = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .find(|rule| rule["id"] == "FL101")
        .expect("FL101 described")["helpUri"]
        .clone();
    let diagnostic = published["diagnostics"][0].clone();
    assert_eq!(published["diagnostics"].as_array().map(Vec::len), Some(1));
    assert_eq!(diagnostic["code"], "FL101");
    assert_eq!(diagnostic["source"], "flasklint");
    // An HMAC-keyed decode without `algorithms=` is a missing allow-list: low, which an editor
    // shows as information.
    assert_eq!(diagnostic["severity"], 3, "low is information");
    assert_eq!(diagnostic["range"], range((13, 11), (13, 21)));
    assert_eq!(diagnostic["codeDescription"]["href"], help_uri);
    let message = diagnostic["message"].as_str().expect("message");
    assert!(
        message.contains("`jwt.decode` is called without `algorithms=`")
            && message.contains("\nhelp: pass `algorithms=[\"HS256\"]`"),
        "{message}"
    );
    assert_eq!(diagnostic["data"]["fix"]["applicability"], "unsafe");

    // Opening the file as it is on disk republishes at once, with the buffer's version.
    client.open(&tokens, TOKENS, 1);
    let published = client.diagnostics(&tokens_uri);
    assert_eq!(published["version"], 1);
    assert_eq!(published["diagnostics"][0], diagnostic);

    // The quick fix is `--fix --unsafe-fixes`'s edit, labelled unsafe; the suppression goes
    // at the end of the flagged line.
    let id = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": tokens_uri},
            "range": range((13, 14), (13, 14)),
            "context": {"diagnostics": [diagnostic]},
        }),
    );
    let actions = client.response(id)["result"].clone();
    let titles: Vec<&str> = actions
        .as_array()
        .expect("actions")
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert_eq!(
        titles,
        vec![
            "FL101: add `algorithms=[\"HS256\"]` (jwt.encode at app/tokens.py:10 signs with HS256) (unsafe fix: review it)",
            "Suppress FL101 on this line",
        ]
    );
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["isPreferred"], false);
    let fix = &actions[0]["edit"]["changes"][&tokens_uri];
    assert_eq!(
        fix,
        &json!([{"range": range((13, 92), (13, 92)), "newText": ", algorithms=[\"HS256\"]"}])
    );
    assert_eq!(
        actions[1]["edit"]["changes"][&tokens_uri],
        json!([{"range": range((13, 93), (13, 93)), "newText": "  # noqa: FL101"}])
    );
    // Every fix here is unsafe: the safe fix-all has nothing to do.
    let id = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": tokens_uri},
            "range": range((0, 0), (0, 0)),
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        }),
    );
    assert_eq!(client.response(id)["result"], json!([]));

    // Hover on the finding: summary and why it matters.
    let id = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": tokens_uri}, "position": {"line": 13, "character": 15}}),
    );
    let hover = client.response(id)["result"].clone();
    let text = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        text.starts_with("**FL101 jwt-decode-without-algorithms** (low severity)\n\nJWT decoded without an explicit algorithms allow-list")
            && text.contains("**Why it matters**\n\nWhoever makes a token writes its `alg` header"),
        "{text}"
    );
    assert_eq!(hover["range"], range((13, 11), (13, 21)));
    let id = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": tokens_uri}, "position": {"line": 2, "character": 3}}),
    );
    assert_eq!(client.response(id)["result"], Value::Null);

    // Applying the fix in the buffer (unsaved) clears the finding.
    client.change(
        &tokens,
        2,
        json!([{"range": range((13, 92), (13, 92)), "text": ", algorithms=[\"HS256\"]"}]),
    );
    let published = client.diagnostics(&tokens_uri);
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"], json!([]));

    // A change in the decorator's module makes the route in another file authenticated, and
    // its unchecked ID an FL201 there; undoing it removes the finding again.
    let auth = root.join("app/auth.py");
    let views_uri = uri(&root.join("app/views.py"));
    client.open(&auth, AUTH_OPEN, 1);
    client.change(&auth, 2, json!([{"text": AUTH_VERIFIED}]));
    let published = client.diagnostics(&views_uri);
    assert_eq!(codes(&published), vec!["FL201"], "{published}");
    assert_eq!(published["version"], Value::Null, "views.py is not open");
    let fl201 = &published["diagnostics"][0];
    assert_eq!(fl201["range"], range((10, 4), (10, 13)));
    assert_eq!(fl201["severity"], 1, "high is an error");
    assert!(
        fl201["message"].as_str().is_some_and(
            |m| m.starts_with("`read_note` uses `note_id` from `/notes/<int:note_id>`")
        ),
        "{fl201}"
    );
    client.change(&auth, 3, json!([{"text": AUTH_OPEN}]));
    let published = client.diagnostics(&views_uri);
    assert_eq!(published["diagnostics"], json!([]));

    client.stop(0);
}

#[test]
fn malformed_messages_get_json_rpc_errors_and_the_server_keeps_serving() {
    let (_dir, root) = workspace();
    write(
        &root,
        "app.py",
        "import jwt\n\n\ndef who(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n",
    );
    let mut client = Client::start(&root);
    // Before `initialize`: refused, not crashed.
    let id = client.request("textDocument/hover", json!({}));
    assert_eq!(client.response(id)["error"]["code"], -32002);
    client.initialize(&root, json!({}), Value::Null);
    let published = client.diagnostics(&uri(&root.join("app.py")));
    assert_eq!(codes(&published), vec!["FL101"]);

    client.write_raw(b"Content-Length: 5\r\n\r\n{nope");
    let (error, _) = client.until(|m| m.get("error").is_some());
    assert_eq!(error["id"], Value::Null);
    assert_eq!(error["error"]["code"], -32700);

    client.send(json!({"jsonrpc": "2.0", "id": 77, "method": 5}));
    let (error, _) = client.until(|m| m.get("error").is_some());
    assert_eq!(error["id"], 77);
    assert_eq!(error["error"]["code"], -32600);

    client.write_raw(b"Content-Length: lots\r\n\r\n");
    let (error, _) = client.until(|m| m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);

    let id = client.request("textDocument/definition", json!({}));
    assert_eq!(client.response(id)["error"]["code"], -32601);
    let id = client.request("textDocument/hover", json!({"nonsense": true}));
    assert_eq!(client.response(id)["error"]["code"], -32602);
    // A notification with bad params is logged, not answered.
    client.notify("textDocument/didOpen", json!({"textDocument": 3}));

    // Still serving.
    let id = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&root.join("app.py"))}, "position": {"line": 4, "character": 12}}),
    );
    assert!(
        client.response(id)["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|text| text.contains("FL101"))
    );
    // A second `initialize` is refused.
    let id = client.request("initialize", json!({"capabilities": {}}));
    assert_eq!(client.response(id)["error"]["code"], -32600);
    client.stop(0);
}

#[test]
fn exit_without_shutdown_is_code_1() {
    let (_dir, root) = workspace();
    let mut client = Client::start(&root);
    client.initialize(&root, json!({}), Value::Null);
    client.notify("exit", Value::Null);
    client.wait_for_exit(1);
}

#[test]
fn other_files_are_answered_while_a_huge_buffer_is_analysed() {
    let (_dir, root) = workspace();
    let small = write(
        &root,
        "small.py",
        "import jwt\n\n\ndef who(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n",
    );
    let huge = root.join("huge.py");
    let mut mut_text = String::from("from flask import Flask\n\napp = Flask(__name__)\n\n");
    for n in 0..20_000 {
        mut_text.push_str(&format!(
            "@app.route(\"/page/{n}\")\ndef page_{n}():\n    return {{\"page\": {n}, \"items\": [1, 2, 3]}}\n\n\n"
        ));
    }
    // Deep nesting too, well inside what flasklint parses.
    mut_text.push_str(&format!(
        "deep = {}1{}\n",
        "(".repeat(3_000),
        ")".repeat(3_000)
    ));
    mut_text.push_str("app.run(host=\"0.0.0.0\", debug=True)\n");
    let huge_text = mut_text;
    let mut client = Client::start(&root);
    client.initialize(&root, json!({}), Value::Null);
    let small_uri = uri(&small);
    let published = client.diagnostics(&small_uri);
    assert_eq!(codes(&published), vec!["FL101"]);

    client.open(&huge, &huge_text, 1);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": small_uri}, "position": {"line": 4, "character": 12}}),
    );
    let huge_uri = uri(&huge);
    let (published, before) = client.until(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == huge_uri
    });
    assert!(
        before
            .iter()
            .any(|m| m["id"] == hover && m["result"]["contents"].is_object()),
        "the hover on small.py was answered only after huge.py's diagnostics:\n{}",
        client.transcript()
    );
    assert_eq!(codes(&published["params"]), vec!["FL304"]);
    client.stop(0);
}

#[test]
fn configuration_suppressions_and_baseline_apply_as_in_check() {
    let (_dir, root) = workspace();
    let decode = "import jwt\n\n\ndef who(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n";
    write(&root, "a.py", decode);
    // Silenced by its comment.
    write(
        &root,
        "b.py",
        "import jwt\n\n\ndef who(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")  # noqa: E501, FL101\n",
    );
    // A syntax error above does not hide the finding below it.
    write(
        &root,
        "c.py",
        "import jwt\n\ndef broken(:\n    pass\n\n\ndef who(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n",
    );
    let pyproject = write(
        &root,
        "pyproject.toml",
        "[tool.flasklint]\nignore = [\"FL101\"]\n",
    );
    // The baseline records c.py's finding, as `check --write-baseline` run here writes it.
    let written = Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args([
            "check",
            "--isolated",
            "--write-baseline",
            "baseline.json",
            "c.py",
        ])
        .current_dir(&root)
        .output()
        .expect("check runs");
    assert!(written.status.success(), "{written:?}");

    let mut client = Client::start(&root);
    client.initialize(
        &root,
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        json!({"baseline": "baseline.json"}),
    );
    // FL101 is ignored by the configuration: nothing to publish. Then the configuration
    // changes on disk and the editor says so.
    let id = client.request("textDocument/hover", json!({"textDocument": {"uri": uri(&root.join("a.py"))}, "position": {"line": 4, "character": 12}}));
    assert_eq!(client.response(id)["result"], Value::Null);
    std::fs::write(&pyproject, "[tool.flasklint]\nignore = []\n").expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&pyproject), "type": 2}]}),
    );
    let published = client.diagnostics(&uri(&root.join("a.py")));
    assert_eq!(codes(&published), vec!["FL101"]);
    assert_eq!(
        published["diagnostics"][0]["range"],
        range((4, 11), (4, 21))
    );

    // c.py's finding is in the baseline; a new one below it is not.
    let c = root.join("c.py");
    let c_text = std::fs::read_to_string(&c).expect("read");
    client.open(&c, &c_text, 1);
    client.change(
        &c,
        2,
        json!([{"range": range((8, 0), (8, 0)), "text": "\n\ndef again(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\", options={})\n"}]),
    );
    // Opened as it is on disk: confirmed at once, with the baselined finding left out.
    let published = client.diagnostics_at(&uri(&c), 1);
    assert_eq!(published["diagnostics"], json!([]));
    let published = client.diagnostics_at(&uri(&c), 2);
    assert_eq!(codes(&published), vec!["FL101"], "{published}");
    assert_eq!(published["diagnostics"][0]["range"]["start"]["line"], 11);
    client.stop(0);
}

/// The README's Neovim setup, in headless Neovim (tests/editors/neovim.lua): the diagnostics
/// reach the editor with their code and range, and the code actions are offered. Skipped, with a
/// message, only when `nvim` is not installed and the run does not demand it (`.ci/run`
/// installs Debian's `neovim` and sets `FLASKLINT_REQUIRE_NEOVIM=1`).
#[test]
fn neovim_shows_the_diagnostics() {
    let installed = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !installed {
        assert!(
            std::env::var_os("FLASKLINT_REQUIRE_NEOVIM").is_none(),
            "FLASKLINT_REQUIRE_NEOVIM is set but `nvim` cannot be run"
        );
        eprintln!(
            "neovim_shows_the_diagnostics: skipped: `nvim` is not installed (apt-get install neovim)"
        );
        return;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_dir, root) = workspace();
    let fixture = root.join("app.py");
    std::fs::copy(repo.join("testdata/server/neovim/app.py"), &fixture).expect("copy");
    let out = root.join("out.json");
    let status = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!(
            "luafile {}",
            repo.join("tests/editors/neovim.lua").display()
        ))
        .env("FLASKLINT", env!("CARGO_BIN_EXE_flasklint"))
        .env("FIXTURE", &fixture)
        .env("OUT", &out)
        .current_dir(&root)
        .stdin(Stdio::null())
        .output()
        .expect("nvim runs");
    assert!(status.status.success(), "{status:?}");
    let result: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("neovim.lua wrote its output"))
            .expect("JSON");
    let diagnostics = result["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 1, "{result}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "FL101", "{result}");
    assert_eq!(d["source"], "flasklint");
    assert_eq!(
        (&d["lnum"], &d["col"], &d["end_lnum"], &d["end_col"]),
        (&json!(6), &json!(11), &json!(6), &json!(21)),
        "{result}"
    );
    assert!(
        d["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("`jwt.decode` is called without `algorithms=`")),
        "{result}"
    );
    assert_eq!(
        result["actions"],
        json!(["Suppress FL101 on this line"]),
        "{result}"
    );
    eprintln!(
        "neovim_shows_the_diagnostics: Neovim {} with {}",
        result["version"], result["setup"]
    );
}

#[test]
fn fix_all_applies_unsafe_fixes_only_when_the_editor_asks() {
    let (_dir, root) = workspace();
    let tokens = write(&root, "tokens.py", TOKENS);
    let tokens_uri = uri(&tokens);
    let mut client = Client::start(&root);
    client.initialize(
        &root,
        json!({}),
        json!({"flasklint": {"unsafeFixes": true}}),
    );
    client.open(&tokens, TOKENS, 1);
    let published = client.diagnostics_at(&tokens_uri, 1);
    assert_eq!(codes(&published), vec!["FL101"]);
    let id = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": tokens_uri},
            "range": range((0, 0), (0, 0)),
            "context": {"diagnostics": [], "only": ["source.fixAll.flasklint"]},
        }),
    );
    let actions = client.response(id)["result"].clone();
    assert_eq!(
        actions,
        json!([{
            "title": "Fix all flasklint findings (unsafe fixes included)",
            "kind": "source.fixAll.flasklint",
            "edit": {"changes": {tokens_uri.clone(): [
                {"range": range((13, 92), (13, 92)), "newText": ", algorithms=[\"HS256\"]"},
            ]}},
        }]),
    );
    // A quickfix-only request gets no fix-all.
    let id = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": tokens_uri},
            "range": range((13, 12), (13, 12)),
            "context": {"diagnostics": [], "only": ["quickfix"]},
        }),
    );
    let kinds: Vec<Value> = client.response(id)["result"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| a["kind"].clone())
        .collect();
    assert_eq!(kinds, vec![json!("quickfix"), json!("quickfix")]);
    client.stop(0);
}

#[test]
fn settings_changed_by_the_editor_apply_at_once() {
    let (_dir, root) = workspace();
    let a = write(
        &root,
        "a.py",
        "import jwt\n\n\ndef who(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n",
    );
    let written = Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args(["check", "--write-baseline", "known.json", "."])
        .current_dir(&root)
        .output()
        .expect("check runs");
    assert!(written.status.success(), "{written:?}");
    let mut client = Client::start(&root);
    client.initialize(&root, json!({}), Value::Null);
    assert_eq!(codes(&client.diagnostics(&uri(&a))), vec!["FL101"]);
    // The editor names a baseline in its settings: the recorded finding is withdrawn.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"flasklint": {"baseline": "known.json"}}}),
    );
    assert_eq!(client.diagnostics(&uri(&a))["diagnostics"], json!([]));
    // A setting that is not flasklint's is reported, and the last good settings stay.
    client.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"flasklint": {"baseline": 3}}}),
    );
    let (shown, _) = client.until(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1);
    assert!(
        shown["params"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("flasklint settings are not valid")),
        "{shown}"
    );
    client.stop(0);
}

#[test]
// Only debug builds can be made to panic (`panic_if_asked`): under `--release` the test would
// wait for a log message that never comes.
#[cfg_attr(
    not(debug_assertions),
    ignore = "the deliberate panic exists only in debug builds"
)]
fn a_panic_in_an_analysis_is_logged_and_the_server_keeps_serving() {
    let (_dir, root) = workspace();
    let text = "import jwt\n\n\ndef who(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n";
    let a = write(&root, "a.py", text);
    // The panic is on purpose: no backtrace in the test log.
    let mut client = Client::start_with(
        &root,
        &[
            ("FLASKLINT_TEST_PANIC_MARKER", "PANIC-HERE"),
            ("RUST_BACKTRACE", "0"),
        ],
    );
    client.initialize(&root, json!({}), Value::Null);
    assert_eq!(codes(&client.diagnostics(&uri(&a))), vec!["FL101"]);
    client.open(&a, text, 1);
    client.change(
        &a,
        2,
        json!([{"range": range((0, 0), (0, 0)), "text": "# PANIC-HERE\n"}]),
    );
    let (logged, _) =
        client.until(|m| m["method"] == "window/logMessage" && m["params"]["type"] == 1);
    let message = logged["params"]["message"].as_str().expect("message");
    assert!(
        message.contains("the analysis panicked: a buffer holds the test marker PANIC-HERE"),
        "{message}"
    );
    // Still serving: requests are answered and the next change is analysed.
    let id = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&a)}, "position": {"line": 4, "character": 12}}),
    );
    assert!(client.response(id).get("result").is_some());
    client.change(&a, 3, json!([{"range": range((0, 0), (1, 0)), "text": ""}]));
    let published = client.diagnostics_at(&uri(&a), 3);
    assert_eq!(codes(&published), vec!["FL101"]);
    client.stop(0);
}

#[test]
fn workspace_folders_added_and_removed() {
    let (_dir, root) = workspace();
    let text = "import jwt\n\n\ndef who(token, key):\n    return jwt.decode(token, key, audience=\"api\", issuer=\"auth\")\n";
    let first = write(&root, "first/a.py", text);
    let second = write(&root, "second/b.py", text);
    let mut client = Client::start(&root.join("first"));
    client.initialize(&root.join("first"), json!({}), Value::Null);
    assert_eq!(codes(&client.diagnostics(&uri(&first))), vec!["FL101"]);
    client.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {
            "added": [{"uri": uri(&root.join("second")), "name": "second"}],
            "removed": [{"uri": uri(&root.join("first")), "name": "first"}],
        }}),
    );
    // The removed folder's diagnostics are withdrawn, the added folder's published.
    let (added, before) = client.until(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(&second)
    });
    assert_eq!(codes(&added["params"]), vec!["FL101"]);
    let withdrawn = before.iter().any(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri(&first)
            && m["params"]["diagnostics"] == json!([])
    });
    assert!(withdrawn, "{}", client.transcript());
    client.stop(0);
}
