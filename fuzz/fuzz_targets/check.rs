//! `cargo +nightly fuzz run check`: arbitrary bytes and generated, valid-looking Flask/JWT
//! Python through the whole pipeline (decode, parse, project model, every rule) and every report
//! format. Any panic, abort, stack overflow or hang is a bug: flasklint must report a file it
//! cannot analyse, never fall over on it.
//!
//! The first input byte picks a mode:
//! - raw: the remaining bytes are one file, `app.py` (invalid UTF-8, BOMs, stray CRs, ...);
//! - generated: the bytes drive a small generator of Flask/JWT-flavoured Python (imports, config
//!   constants, decorated routes, `jwt.decode` calls, try/except, classes), so the rules' deeper
//!   paths are reached, not only the parser's error recovery;
//! - project: two generated modules, `pkg/config.py` and `pkg/app.py` importing it, so the
//!   cross-module model (re-exports, constants, decorators defined elsewhere) is exercised;
//! - spliced: generated Python with raw bytes inserted at a byte-chosen offset, i.e. almost-valid
//!   code that the error-recovering parser must still survive.
//!
//! The byte-level pre-check (`prefilter::scan`) reads every input first.
//! Each input is written to a fresh temporary directory and checked with `flasklint::run`, then
//! rendered as text (with and without colour), JSON, SARIF, GitHub commands, the routes table and
//! JSON, and a baseline; finally every fix (safe and unsafe) is applied in memory, re-parsed by
//! the syntax guard and rendered as a diff (`--fix --unsafe-fixes --diff`).
#![no_main]

use std::path::Path;

use flasklint::report::{self, Format, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    match mode % 4 {
        0 => write(dir.path(), "app.py", rest),
        1 => {
            let mut generator = Generator::new(rest);
            write(dir.path(), "app.py", generator.module().as_bytes());
        }
        2 => {
            let mut generator = Generator::new(rest);
            let config = generator.module();
            let app = format!(
                "from .config import SECRET, ALGORITHMS, KEY, OPTIONS\nfrom . import config\n{}",
                generator.module()
            );
            write(dir.path(), "pkg/__init__.py", b"from .app import *\n");
            write(dir.path(), "pkg/config.py", config.as_bytes());
            write(dir.path(), "pkg/app.py", app.as_bytes());
        }
        _ => {
            let mut generator = Generator::new(rest);
            let at = usize::from(generator.byte()) | usize::from(generator.byte()) << 8;
            let raw_len = usize::from(generator.byte() % 16);
            let raw: Vec<u8> = (0..raw_len).map(|_| generator.byte()).collect();
            let mut text = generator.module().into_bytes();
            let at = at % (text.len() + 1);
            text.splice(at..at, raw);
            write(dir.path(), "app.py", &text);
        }
    }
    // The byte-level pre-check sees every input directly; the run then parses every file (bit 2
    // of the mode byte clear), so raw bytes still reach the parser, or goes through the pre-check
    // and its on-demand loading (bit 2 set).
    std::hint::black_box(flasklint::prefilter::scan(rest));
    let mut settings = flasklint::Settings::new(vec![dir.path().to_path_buf()]);
    settings.threads = Some(1);
    settings.prefilter = mode & 4 != 0;
    let outcome = flasklint::run(&settings).expect("a run over a readable temp dir starts");
    for format in [Format::Text, Format::Json, Format::Sarif, Format::Github] {
        for (color, show_suppressed) in [(false, false), (true, true)] {
            let options = Options {
                format,
                color,
                show_suppressed,
            };
            std::hint::black_box(report::render(&outcome, &options));
        }
    }
    std::hint::black_box(report::routes::render_text(&outcome));
    std::hint::black_box(report::routes::render_json(&outcome));
    std::hint::black_box(flasklint::baseline::render(&outcome));
    // `--fix --unsafe-fixes --diff`: apply every fix in memory, re-parse, render the diff.
    let plan = flasklint::fix::plan(&outcome.findings, true);
    std::hint::black_box(flasklint::fix::diff(&plan));
});

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

/// Turns fuzzer bytes into Python: each byte is a choice; when they run out every choice is 0,
/// so any input generates a finite, mostly well-formed module.
struct Generator<'a> {
    bytes: &'a [u8],
    at: usize,
    out: String,
}

const IMPORTS: &[&str] = &[
    "import jwt",
    "import jwt as pyjwt",
    "from jwt import decode as jwt_decode",
    "from jose import jwt",
    "import jose.jwt",
    "import os, logging, base64",
    "from flask import Flask, Blueprint, request, jsonify, abort, g, make_response, current_app",
    "from flask_jwt_extended import JWTManager, jwt_required, get_jwt_identity, create_access_token, get_jwt",
    "from flask_login import login_required, current_user",
    "from flask_cors import CORS, cross_origin",
    "from flask_restx import Api, Namespace, Resource",
    "from flask.views import MethodView",
    "from functools import wraps",
    "from datetime import timedelta",
    "from authlib.jose import jwt as authlib_jwt",
    "from .config import *",
    "from . import helpers",
    "logger = logging.getLogger(__name__)",
];

const NAMES: &[&str] = &[
    "token",
    "key",
    "SECRET",
    "SECRET_KEY",
    "JWT_SECRET_KEY",
    "ALGORITHMS",
    "KEY",
    "OPTIONS",
    "claims",
    "payload",
    "user_id",
    "note_id",
    "id",
    "e",
    "app",
    "bp",
    "api",
    "ns",
    "g.user_id",
    "current_user",
    "request",
    "é_ñame",
    "名前",
    "_",
    "self",
    "cls",
    "config",
    "helpers",
];

const ATOMS: &[&str] = &[
    "\"HS256\"",
    "'RS256'",
    "'none'",
    "None",
    "True",
    "False",
    "0",
    "3600",
    "-1",
    "1e309",
    "\"dev\"",
    "'changeme'",
    "\"3f9a1c8e7d6b5a4f3e2d1c0b9a8f7e6d5c4b3a29\"",
    "'é€𝄞'",
    "b'\\xff'",
    "f\"{e}\"",
    "f'{token!r:>{width}}'",
    "\"\"\"multi\nline\"\"\"",
    "r'\\d+'",
    "[\"HS256\", \"RS256\"]",
    "['none']",
    "{'verify_signature': False}",
    "{\"verify_aud\": False, \"verify_exp\": False}",
    "{'role': 'admin'}",
    "timedelta(days=30)",
    "request.headers['Authorization']",
    "request.headers.get('Authorization', '').split()[1]",
    "request.headers",
    "request.json",
    "get_jwt_identity()",
    "get_jwt()['role']",
    "os.environ.get('SECRET_KEY', 'dev')",
    "os.getenv('JWT_SECRET')",
    "current_app.config['SECRET_KEY']",
    "app.config['JWT_SECRET_KEY']",
    "jwt.get_unverified_header(token)['alg']",
    "base64.b64decode(token.split('.')[1])",
    "traceback.format_exc()",
    "str(e)",
    "repr(e)",
    "e.args",
    "lambda x: x",
    "*args",
    "**kwargs",
    "...",
];

const CALLEES: &[&str] = &[
    "jwt.decode",
    "jwt.encode",
    "pyjwt.decode",
    "jwt_decode",
    "jose.jwt.decode",
    "jwt.get_unverified_claims",
    "jwt.PyJWT().decode",
    "authlib_jwt.decode",
    "jsonify",
    "make_response",
    "abort",
    "logger.info",
    "logging.warning",
    "app.logger.error",
    "print",
    "CORS",
    "cross_origin",
    "Flask",
    "Blueprint",
    "JWTManager",
    "Api",
    "Namespace",
    "app.run",
    "app.register_blueprint",
    "app.add_url_rule",
    "api.add_resource",
    "create_access_token",
    "User.query.filter_by",
    "Note.query.get_or_404",
    "str",
    "dict",
    "helpers.verify",
    "View.as_view",
];

const KEYWORDS: &[&str] = &[
    "algorithms",
    "algorithm",
    "options",
    "audience",
    "issuer",
    "verify",
    "key",
    "debug",
    "supports_credentials",
    "origins",
    "resources",
    "methods",
    "url_prefix",
    "decorators",
    "claims_options",
    "leeway",
    "owner_id",
    "view_func",
    "expose_headers",
];

const DECORATORS: &[&str] = &[
    "@app.route('/users/<int:user_id>', methods=['GET', 'POST'])",
    "@app.route(\"/notes/<note_id>\")",
    "@bp.get('/admin/<int:id>')",
    "@bp.post('/login')",
    "@bp.delete('/items/<path:user_id>/<string:username>')",
    "@ns.route('/users/<int:user_id>')",
    "@app.route('/<',)",
    "@jwt_required()",
    "@jwt_required",
    "@login_required",
    "@token_required",
    "@admin_required",
    "@cross_origin(supports_credentials=True)",
    "@app.errorhandler(Exception)",
    "@app.before_request",
    "@wraps(f)",
    "@staticmethod",
    "@property",
];

const STATEMENT_KINDS: u8 = 16;

impl<'a> Generator<'a> {
    fn new(bytes: &'a [u8]) -> Generator<'a> {
        Generator {
            bytes,
            at: 0,
            out: String::new(),
        }
    }

    fn byte(&mut self) -> u8 {
        let byte = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        byte
    }

    fn exhausted(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn pick<'s>(&mut self, options: &[&'s str]) -> &'s str {
        options[usize::from(self.byte()) % options.len()]
    }

    fn module(&mut self) -> String {
        self.out.clear();
        let statements = 1 + usize::from(self.byte() % 32);
        for _ in 0..statements {
            if self.exhausted() {
                break;
            }
            self.statement(0, 0);
        }
        std::mem::take(&mut self.out)
    }

    fn line(&mut self, indent: usize, text: &str) {
        // Tabs and spaces both indent; an occasional CR line ending or trailing comment too.
        let style = self.byte();
        for _ in 0..indent {
            self.out
                .push_str(if style % 17 == 0 { "\t" } else { "    " });
        }
        self.out.push_str(text);
        match style % 23 {
            0 => self.out.push_str("  # noqa: FL101"),
            1 => self
                .out
                .push_str("  # flasklint: ignore[FL102, jwt-none-algorithm]"),
            2 => self.out.push_str("  # noqa"),
            3 => self.out.push('\r'),
            _ => {}
        }
        self.out.push('\n');
    }

    fn expr(&mut self, depth: usize) -> String {
        let choice = self.byte();
        if depth > 3 {
            return self.pick(ATOMS).to_string();
        }
        match choice % 10 {
            0..=2 => self.pick(ATOMS).to_string(),
            3 | 4 => self.pick(NAMES).to_string(),
            5 | 6 => self.call(depth + 1),
            7 => format!(
                "{} {} {}",
                self.expr(depth + 1),
                self.pick(&["==", "!=", "in", "not in", "and", "or", "+", "%", "is"]),
                self.expr(depth + 1)
            ),
            8 => format!("[{}, {}]", self.expr(depth + 1), self.expr(depth + 1)),
            _ => format!(
                "{{{}: {}}}",
                self.pick(&[
                    "'verify_signature'",
                    "'verify_exp'",
                    "'role'",
                    "\"aud\"",
                    "'exp'"
                ]),
                self.expr(depth + 1)
            ),
        }
    }

    fn call(&mut self, depth: usize) -> String {
        let callee = self.pick(CALLEES);
        let positional = usize::from(self.byte() % 3);
        let keywords = usize::from(self.byte() % 4);
        let mut args = Vec::new();
        for _ in 0..positional {
            args.push(self.expr(depth + 1));
        }
        for _ in 0..keywords {
            let keyword = self.pick(KEYWORDS);
            args.push(format!("{keyword}={}", self.expr(depth + 1)));
        }
        format!("{callee}({})", args.join(", "))
    }

    fn body(&mut self, indent: usize, depth: usize) {
        let statements = 1 + usize::from(self.byte() % 4);
        for _ in 0..statements {
            self.statement(indent, depth + 1);
        }
    }

    fn statement(&mut self, indent: usize, depth: usize) {
        let kind = self.byte() % STATEMENT_KINDS;
        // Compound statements stop nesting after a few levels.
        let kind = if depth > 4 && kind >= 8 {
            kind % 8
        } else {
            kind
        };
        match kind {
            0 => {
                let import = self.pick(IMPORTS);
                self.line(indent, import);
            }
            1 | 2 => {
                let target = self.pick(NAMES);
                let value = self.expr(0);
                self.line(indent, &format!("{target} = {value}"));
            }
            3 | 4 => {
                let call = self.call(0);
                self.line(indent, &call);
            }
            5 => {
                let value = self.expr(0);
                self.line(indent, &format!("return {value}"));
            }
            6 => {
                let target = self.pick(NAMES);
                let key = self.pick(&["'SECRET_KEY'", "\"JWT_ACCESS_TOKEN_EXPIRES\"", "'DEBUG'"]);
                let value = self.expr(0);
                self.line(indent, &format!("{target}.config[{key}] = {value}"));
            }
            7 => {
                let raw = self.pick(&[
                    "pass",
                    "raise",
                    "abort(403)",
                    "app.debug = True",
                    "DEBUG = True",
                    "claims.validate()",
                    "resp.headers['Access-Control-Allow-Origin'] = request.headers.get('Origin')",
                    "del token",
                    "global SECRET",
                    "(",
                    "def",
                    "\\",
                    "x = (yield)",
                    "match token:\n    case {'alg': 'none'}: pass",
                    "type X = int",
                    "async with lock: pass",
                    "print(f'{token=}')",
                ]);
                self.line(indent, raw);
            }
            8 | 9 => {
                let decorators = usize::from(self.byte() % 4);
                for _ in 0..decorators {
                    let decorator = self.pick(DECORATORS);
                    self.line(indent, decorator);
                }
                let name = self.pick(&[
                    "get_profile",
                    "admin_users",
                    "login",
                    "token_required",
                    "verify",
                    "health",
                    "update_note",
                ]);
                let params = self.pick(&[
                    "",
                    "user_id",
                    "f",
                    "token, key",
                    "*args, **kwargs",
                    "self, note_id: int = 0",
                    "note_id, /, *, username",
                ]);
                let prefix = if self.byte() % 5 == 0 { "async " } else { "" };
                self.line(indent, &format!("{prefix}def {name}({params}):"));
                self.body(indent + 1, depth);
            }
            10 => {
                let condition = self.expr(0);
                self.line(indent, &format!("if {condition}:"));
                self.body(indent + 1, depth);
                if self.byte() % 2 == 0 {
                    self.line(indent, "else:");
                    self.body(indent + 1, depth);
                }
            }
            11 => {
                self.line(indent, "try:");
                self.body(indent + 1, depth);
                let handlers = 1 + usize::from(self.byte() % 3);
                for _ in 0..handlers {
                    let exception = self.pick(&[
                        "jwt.ExpiredSignatureError",
                        "jwt.InvalidTokenError",
                        "Exception as e",
                        "(jwt.DecodeError, KeyError) as e",
                        "",
                    ]);
                    let clause = if exception.is_empty() {
                        "except:".to_string()
                    } else {
                        format!("except {exception}:")
                    };
                    self.line(indent, &clause);
                    self.body(indent + 1, depth);
                }
            }
            12 => {
                let base = self.pick(&["", "(Resource)", "(MethodView)", "(Config)", "(object)"]);
                let name = self.pick(&[
                    "Config",
                    "ProductionConfig",
                    "DevelopmentConfig",
                    "UserResource",
                ]);
                self.line(indent, &format!("class {name}{base}:"));
                self.body(indent + 1, depth);
            }
            13 => {
                let target = self.pick(NAMES);
                let iterable = self.expr(0);
                self.line(indent, &format!("for {target} in {iterable}:"));
                self.body(indent + 1, depth);
            }
            14 => {
                let value = self.expr(0);
                self.line(indent, &format!("with {value} as ctx:"));
                self.body(indent + 1, depth);
            }
            _ => {
                // A deliberately broken line: a wrong indent, an unclosed bracket, a stray token.
                let broken = self.pick(&[
                    "    x = 1",
                    "jwt.decode(token,",
                    "]",
                    "if x",
                    "else:",
                    "'unterminated",
                    "\"\"\"unterminated",
                    "@",
                    "lambda:",
                    "x = 1 +",
                    "\u{feff}x = 1",
                    "\x0c",
                ]);
                self.line(indent, broken);
            }
        }
    }
}
