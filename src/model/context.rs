//! Where a piece of code runs, as far as a finding's weight goes: test code, code that runs only
//! during development, code that runs outside any request (Celery tasks, CLI commands), or the
//! application itself.
//!
//! These are facts about modules and source ranges. They come from the module's name and path
//! and from the one walk `FileModel` already makes of every file (`jwt::CallCollector` calls
//! `ContextCollector` as it visits functions, classes and `if` statements), so no rule and no
//! extra pass re-walks a tree for them. `check` applies them to every rule's findings in one
//! place: findings in test code are dropped (unless `include-tests`), findings in
//! development-only code are reported at `low`. Rules that need a sharper judgement (FL304 on
//! debug servers, FL402 on who can read a response) read the same facts.

use std::path::Path;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::source::SourceFile;

/// Why a piece of code runs only during development.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Development {
    /// `if __name__ == "__main__":`: what `python app.py` runs, the development server.
    MainBlock,
    /// A branch taken only in development or testing: `if app.debug:`, `if app.testing:`,
    /// `if env == "development":`.
    Branch,
    /// A development or test configuration class: `DevelopmentConfig`, `TestingConfig`.
    ConfigClass(String),
    /// A factory or runner named for development: `create_test_app`, `run_dev_server`.
    Function(String),
    /// A script named for development: `debug-server.py`, `run_dev.py`, `devserver.py`.
    Script(String),
    /// A module whose docstring opens by calling it an example or a demo (SimpleLogin's
    /// `oauth_tester.py`: "This is an example on how to integrate SimpleLogin with
    /// Requests-OAuthlib").
    ExampleModule(String),
    /// A module whose opening comment calls it an example, or whose opening text (docstring or
    /// comment) tells the reader to copy it elsewhere (EnvSensingServer's root `config.py`:
    /// "This is a example of configuration. Copy it to instance/config.py and edit it.").
    Template(String),
    /// A debugging or mock script nothing in the project imports (`debug_token.py`,
    /// `mock_app.py`): run by hand, never deployed.
    ScratchScript(String),
    /// A module nothing imports whose docstring's first line says it is for testing or
    /// debugging (bantubuzz's `run_flask_only.py`: "Run Flask app WITHOUT SocketIO (for
    /// testing/debugging)"), while production serves the app another way.
    ForTesting(String),
    /// A dated or backup copy of a module beside it that nothing imports (`app_backup_latest.py`,
    /// `app_fixed.py`, `app_20250430_1923.py` beside `app.py`): an edit kept aside, never run.
    /// Only a module file: a package's name is its folder's, and `shop_copy/` holds other modules.
    StaleCopy { copy: String, of: String },
    /// A module-level function that only its module's `if __name__ == "__main__":` calls
    /// (`def run_server(): app.run(...)` ... `if __name__ == "__main__": run_server()`).
    RunFromMain(String),
    /// A script that imports the application and starts its development server at its top
    /// level (`from fedocal import APP` ... `APP.run(host=args.host)` in `runserver.py`): a WSGI
    /// server never imports it, since importing it would start a second server.
    RunnerScript,
    /// A folder of examples, documentation or tutorial steps, relative to the project root:
    /// `examples/`, `docs/`, `lesson-04/`, `10_blacklisting/`.
    Folder(String),
}

impl Development {
    /// For messages: "in `examples/` (a folder of examples)".
    pub fn describe(&self) -> String {
        match self {
            Development::MainBlock => "under `if __name__ == \"__main__\":`".to_string(),
            Development::Branch => "in a development-only branch".to_string(),
            Development::ConfigClass(name) => format!("in the development config `{name}`"),
            Development::Function(name) => format!("in the development function `{name}`"),
            Development::Script(name) => format!("in the development script `{name}`"),
            Development::ExampleModule(name) => {
                format!("in `{name}`, whose docstring calls it an example")
            }
            Development::Template(name) => format!(
                "in `{name}`, whose opening text calls it an example or a template to copy"
            ),
            Development::ScratchScript(name) => format!(
                "in `{name}`, a debugging or mock script nothing in the project imports"
            ),
            Development::ForTesting(name) => format!(
                "in `{name}`, whose docstring says it is for testing or debugging and which nothing in the project imports"
            ),
            Development::StaleCopy { copy, of } => format!(
                "in `{copy}`, a kept-aside copy of `{of}` that nothing in the project imports"
            ),
            Development::RunFromMain(name) => {
                format!("in `{name}`, which only `if __name__ == \"__main__\":` calls")
            }
            Development::RunnerScript => {
                "in a script that starts the development server itself (`app.run(...)` at its top level)".to_string()
            }
            Development::Folder(folder) => format!("under `{folder}/`"),
        }
    }
}

/// One module's context facts.
#[derive(Debug, Default)]
pub struct FileContext {
    /// The whole module is test code: by its name or folder (`tests/`, `test_*.py`,
    /// `*_test.py`, `conftest.py`), or a `test.py` / `tests.py` that is not application code.
    pub test_module: bool,
    /// Tests pytest or unittest would collect, in a module that is not test code as a whole:
    /// a module-level `def test_*`, a `Test*` class with test methods, a `TestCase` subclass.
    pub tests: Vec<TextRange>,
    /// Development-only code inside the module, innermost last.
    pub development: Vec<(TextRange, Development)>,
    /// The whole module is development-only (its folder or its name says so).
    pub development_module: Option<Development>,
    /// Functions that run outside any HTTP request: Celery tasks (`@celery.task`,
    /// `@shared_task`), CLI commands (`@click.command`, `@app.cli.command`,
    /// `@manager.command`).
    pub outside_request: Vec<TextRange>,
    /// Classes of an API's client (`class NodeClient(ClientBase)`, by the name ending in
    /// `Client`, not a database model of registered OAuth clients): what they decode is the
    /// token their server issued them.
    pub api_clients: Vec<(TextRange, String)>,
    /// See `Location::named_alone`.
    pub named_alone: bool,
}

impl FileContext {
    /// The API client class around `range` (`NodeClient`), if any.
    pub fn api_client_at(&self, range: TextRange) -> Option<&str> {
        self.api_clients
            .iter()
            .find(|(class, _)| class.contains_range(range))
            .map(|(_, name)| name.as_str())
    }

    /// Whether `range` lies in test code.
    pub fn is_test(&self, range: TextRange) -> bool {
        self.test_module || self.tests.iter().any(|t| t.contains_range(range))
    }

    /// Why `range` runs only during development, if it does: the innermost reason.
    pub fn development_at(&self, range: TextRange) -> Option<&Development> {
        self.development
            .iter()
            .filter(|(r, _)| r.contains_range(range))
            .min_by_key(|(r, _)| r.len())
            .map(|(_, why)| why)
            .or(self.development_module.as_ref())
    }

    /// Whether `range` runs outside any request (a Celery task, a CLI command).
    pub fn outside_request(&self, range: TextRange) -> bool {
        self.outside_request.iter().any(|r| r.contains_range(range))
    }
}

/// What a module's name says about it as test code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestName {
    /// `tests/`, `test_*.py`, `*_test.py`, `conftest.py`: test code whatever it holds.
    Always,
    /// `test.py`, `tests.py`: test code unless it is application code (routes or an app, and
    /// no tests), as a tutorial's `test.py` holding the whole app is.
    UnlessApplication,
    Never,
}

/// A folder of tests: `tests/`, `test/`, `testsuite/` (Flask 0.x's own tests, vendored with
/// the Flask copy some applications ship under `lib/`), or one named for a kind of tests.
fn is_test_folder(name: &str) -> bool {
    // beaker's `IntegrationTests/`, `functional_tests/`: a folder of tests of one kind;
    // Lanbitou's `client_test/`: the scripts that exercise the server as a client.
    matches!(name, "tests" | "test" | "testsuite")
        || words(name)
            .last()
            .is_some_and(|last| last == "tests" || last == "test")
}

/// Test code by name: under a `tests`/`test` directory, `test_*.py`, `*_test.py`,
/// `conftest.py`. Judged on the module's name relative to the checked directory (and, through
/// `Location::test_folder`, on its path relative to its project root), so checking a project
/// that happens to live under some `/home/me/tests/` does not make all of it test code.
pub fn test_name(name: &str, path: &Path) -> TestName {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = file.strip_suffix(".py").unwrap_or(&file);
    let mut parts: Vec<&str> = name.split('.').filter(|p| !p.is_empty()).collect();
    if stem != "__init__" {
        parts.pop();
    }
    if parts.iter().any(|dir| is_test_folder(dir))
        || stem.starts_with("test_")
        || stem.ends_with("_test")
        || stem == "conftest"
    {
        TestName::Always
    } else if matches!(
        stem.trim_end_matches(|c: char| c.is_ascii_digit()),
        "test" | "tests"
    ) {
        // `test2.py` beside `test.py`: a second script of the same kind.
        TestName::UnlessApplication
    } else {
        TestName::Never
    }
}

/// Whether `text` contains any of `needles` (lower case), in any case, without allocating: the
/// cheap test that decides most names before they are split into `words`.
pub fn contains_any_ignoring_case(text: &str, needles: &[&str]) -> bool {
    // One pass over the text, comparing only where a needle's first letter is: every `if` test
    // and every function and class name of every file is asked this.
    let bytes = text.as_bytes();
    (0..bytes.len()).any(|at| {
        let lower = bytes[at].to_ascii_lowercase();
        needles.iter().any(|needle| {
            let needle = needle.as_bytes();
            needle.first() == Some(&lower)
                && bytes
                    .get(at..at + needle.len())
                    .is_some_and(|candidate| candidate.eq_ignore_ascii_case(needle))
        })
    })
}

/// Words of an identifier or dotted name: `DevelopmentConfig` -> `development`, `config`;
/// `create_test_app` -> `create`, `test`, `app`.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in text.chars() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Whether a name says development or test: `DevelopmentConfig`, `TestingConfig`, `LocalConfig`,
/// `dev_settings`, `create_test_app`.
pub fn is_dev_name(text: &str) -> bool {
    // Every development word contains one of these: most names are decided without splitting.
    contains_any_ignoring_case(text, &["dev", "test", "local", "debug"])
        && words(text).iter().any(|word| {
            matches!(
                word.as_str(),
                "dev"
                    | "develop"
                    | "development"
                    | "test"
                    | "tests"
                    | "testing"
                    | "local"
                    | "debug"
            )
        })
}

/// Whether a description speaks of development or tests before it speaks of production: "Test
/// configuration with feature flags turned off for production parity testing" (notification-api's
/// `ProductionFF`, a subclass of its `Test` config) is a test config; "Production settings, safe
/// for local testing" is production's.
pub fn describes_development_first(text: &str) -> bool {
    is_dev_name(text)
        && words(text)
            .iter()
            .find(|word| is_dev_name(word) || matches!(word.as_str(), "production" | "prod"))
            .is_some_and(|word| is_dev_name(word))
}

/// The module-level classes named for an API's client (`UserClient`, `NodeClient`,
/// `ApiClient`), except database models (a base named `Model` or `*Mixin`: the registered
/// clients of an OAuth server).
pub fn api_client_classes(body: &[Stmt]) -> Vec<(TextRange, String)> {
    body.iter()
        .filter_map(|stmt| match stmt {
            Stmt::ClassDef(class) => Some(class),
            _ => None,
        })
        .filter(|class| {
            let name = class.name.as_str();
            name.ends_with("Client")
                && !class.arguments.as_ref().is_some_and(|arguments| {
                    arguments.args.iter().any(|base| {
                        let written = match base {
                            Expr::Name(n) => n.id.as_str(),
                            Expr::Attribute(a) => a.attr.as_str(),
                            _ => "",
                        };
                        written.ends_with("Model") || written.ends_with("Mixin")
                    })
                })
        })
        .map(|class| (class.range(), class.name.to_string()))
        .collect()
}

/// Whether a module is a script that calls some web API and serves nothing: it runs as a
/// script (`if __name__ == "__main__":` at its top level) and its top-level imports hold an HTTP
/// client library (`requests`, `httpx`, `aiohttp`, `urllib3`) and no web framework (gps-tracks's
/// `scripts/upload_tracks.py` logs in with `requests` and reads its own id from the token the
/// server answered). A library module importing `requests` beside its own token checks
/// (NIPAP's `authlib.py`) runs no script. Top-level statements only, `if`/`try` blocks included.
pub fn http_client_script(body: &[Stmt]) -> bool {
    const CLIENTS: &[&str] = &["requests", "httpx", "aiohttp", "urllib3"];
    const SERVERS: &[&str] = &[
        "flask",
        "werkzeug",
        "fastapi",
        "starlette",
        "django",
        "quart",
        "connexion",
        "sanic",
        "tornado",
        "bottle",
        "falcon",
        "pyramid",
    ];
    fn tops<'b>(body: &'b [Stmt], found: &mut Vec<&'b str>) {
        for stmt in body {
            match stmt {
                Stmt::Import(import) => found.extend(
                    import
                        .names
                        .iter()
                        .map(|alias| alias.name.split('.').next().unwrap_or_default()),
                ),
                Stmt::ImportFrom(import) if import.level == 0 => {
                    if let Some(module) = &import.module {
                        found.push(module.split('.').next().unwrap_or_default());
                    }
                }
                Stmt::If(branch) => {
                    tops(&branch.body, found);
                    for clause in &branch.elif_else_clauses {
                        tops(&clause.body, found);
                    }
                }
                Stmt::Try(block) => {
                    tops(&block.body, found);
                    for handler in &block.handlers {
                        let ast::ExceptHandler::ExceptHandler(handler) = handler;
                        tops(&handler.body, found);
                    }
                }
                _ => {}
            }
        }
    }
    let runs_as_script = body
        .iter()
        .any(|stmt| matches!(stmt, Stmt::If(branch) if is_main_check(&branch.test)));
    if !runs_as_script {
        return false;
    }
    let mut found = Vec::new();
    tops(body, &mut found);
    found.iter().any(|top| CLIENTS.contains(top))
        && !found
            .iter()
            .any(|top| SERVERS.contains(top) || top.starts_with("flask_"))
}

/// The docstring of a module, class or function body: its first statement, when that is a
/// string literal.
pub fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first() {
        Some(Stmt::Expr(first)) => match first.value.as_ref() {
            Expr::StringLiteral(text) => Some(text.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}

/// Whether a handler's docstring says the route is open: "(public)", "public endpoint", "no
/// authentication required", "publicly available" (flack's messages). Phrases, not the word
/// alone: "updates the public profile" says nothing about who may call.
pub fn docstring_says_public(body: &[Stmt]) -> bool {
    let Some(docstring) = docstring(body) else {
        return false;
    };
    let text = docstring.to_ascii_lowercase();
    [
        "(public)",
        "public endpoint",
        "public route",
        "public api",
        "publicly available",
        "publicly accessible",
        "no auth",
        "no authentication",
        "no login",
        "without authentication",
        "without login",
        "authentication not required",
        "does not require authentication",
        "unauthenticated",
    ]
    .iter()
    .any(|phrase| text.contains(phrase))
}

/// Whether a handler's docstring says every logged-in caller may use it: "@login_required: All
/// authenticated users can view patients" (a dental clinic's staff-only app, where every staff
/// member sees every patient by design).
pub fn docstring_says_every_member(body: &[Stmt]) -> bool {
    let Some(docstring) = docstring(body) else {
        return false;
    };
    let lower = docstring.to_ascii_lowercase();
    let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    // Each subject phrase found, then the word before it: no phrase is built per docstring.
    [
        "authenticated user",
        "logged-in user",
        "logged in user",
        "signed-in user",
    ]
    .iter()
    .any(|whom| {
        lower.match_indices(whom).any(|(at, _)| {
            let counted = lower[..at].strip_suffix(' ').is_some_and(|before| {
                ["all", "any", "every"]
                    .iter()
                    .any(|who| before.ends_with(who))
            });
            let rest = lower[at + whom.len()..]
                .trim_start_matches('s')
                .trim_start();
            counted && (rest.starts_with("can ") || rest.starts_with("may "))
        })
    })
}

/// Whether a handler's docstring says it shows a public page: "View public freelancer
/// profile" (FreelanceHub), "public user page": `public` followed within three words by what a
/// visitor is shown. Asked only of routes that read: "Put a listing on the public front page"
/// documents a write to a public page, not a public route.
pub fn docstring_shows_public_page(body: &[Stmt]) -> bool {
    docstring_words_say(body, |words| {
        words.iter().enumerate().any(|(at, word)| {
            *word == "public"
                && words[at + 1..].iter().take(3).any(|next| {
                    matches!(
                        *next,
                        "profile" | "profiles" | "page" | "pages" | "directory" | "listing"
                    )
                })
        })
    })
}

/// Whether a handler's docstring says it is the page a scanned QR code opens: "Protected view
/// for scanned QR code - shows asset and employee details" (employee-management's asset
/// stickers). Whoever holds the printed code is meant to reach the page it opens.
pub fn docstring_says_scanned_code(body: &[Stmt]) -> bool {
    docstring_words_say(body, |words| {
        words.contains(&"qr") && words.iter().any(|word| word.starts_with("scan"))
    })
}

/// Whether the words of a body's docstring (lower case, split at anything not a letter or a
/// digit) say what `says` asks; `false` without a docstring.
fn docstring_words_say(body: &[Stmt], says: impl FnOnce(&[&str]) -> bool) -> bool {
    let Some(docstring) = docstring(body) else {
        return false;
    };
    let lower = docstring.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    says(&words)
}

/// A module's opening `#` comment lines (after a `#!` line and an encoding line), joined by
/// spaces, when the module starts with one.
pub fn opening_comment(text: &str) -> Option<String> {
    let mut lines = text
        .lines()
        .map(str::trim)
        .skip_while(|line| {
            line.starts_with("#!") || (line.starts_with('#') && line.contains("coding"))
        })
        .peekable();
    let mut found = String::new();
    while let Some(comment) = lines.peek().and_then(|line| line.strip_prefix('#')) {
        if !found.is_empty() {
            found.push(' ');
        }
        found.push_str(comment.trim());
        lines.next();
    }
    (!found.is_empty()).then_some(found)
}

/// Whether a module's opening text tells the reader to copy the module somewhere else and edit
/// it there: a template, not the settings anything loads.
pub fn opening_says_template(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let opening = &lower[..lower.floor_char_boundary(400)];
    [
        "copy it to ",
        "copy this file to ",
        "copy this to ",
        "rename it to ",
        "rename this file to ",
    ]
    .iter()
    .any(|phrase| opening.contains(phrase))
}

/// Whether a module docstring's first line says the module is for testing, debugging or local
/// development: "(for testing/debugging)", "for local development only", "dev only".
pub fn docstring_says_for_testing(docstring: &str) -> bool {
    let first = docstring
        .trim_start()
        .lines()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    [
        "(for testing",
        "(for debugging",
        "for testing only",
        "for debugging only",
        "for testing/debugging",
        "for testing and debugging",
        "for local testing",
        "for local development",
        "for development only",
        "development only",
        "dev only",
        "debug only",
        "testing only",
    ]
    .iter()
    .any(|phrase| first.contains(phrase))
}

/// Whether a module docstring opens by calling the module an example, a demo or a sample: "This
/// is an example on how to ...", "A minimal demo of ...", "Example: ...". Only the opening
/// counts: "Application factory. Example usage: ..." documents production code.
pub fn docstring_says_example(docstring: &str) -> bool {
    // Each optional part of the opening, in order: the first of its spellings that matches.
    fn skip<'t>(text: &'t str, spellings: &[&str]) -> &'t str {
        spellings
            .iter()
            .find_map(|spelling| text.strip_prefix(spelling))
            .unwrap_or(text)
    }
    let lower = docstring.trim_start().to_ascii_lowercase();
    let mut text = skip(
        &lower,
        &[
            "this is ",
            "this file is ",
            "this module is ",
            "this script is ",
        ],
    );
    text = skip(text, &["a ", "an "]);
    text = skip(text, &["simple ", "minimal ", "small ", "basic ", "quick "]);
    ["example", "demo", "sample"].iter().any(|word| {
        text.strip_prefix(word).is_some_and(|rest| {
            !rest.starts_with(|c: char| c.is_ascii_alphanumeric()) || rest.starts_with('s')
        })
    })
}

/// A script named for running in development: a development word (`dev`, `develop`,
/// `development`, `debug`) with a word that says it starts something (`run`, `server`, `serve`,
/// `start`, `manage`, `main`, `app`, `wsgi`), or `devserver` / `rundev`; an example
/// (`email_client_example.py`); a CI job's test setup (`create_ci_test_db.py`). A module named only
/// `debug.py` or `dev_tools.py` may be a blueprint production serves, so it does not count.
pub fn is_dev_script(stem: &str) -> bool {
    let words = words(stem);
    let dev = words
        .iter()
        .any(|w| matches!(w.as_str(), "dev" | "develop" | "development" | "debug"));
    let starts = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "run" | "runner" | "server" | "serve" | "start" | "manage" | "main" | "app" | "wsgi"
        )
    });
    // `email_client_example.py`: a script that shows how to use something; `create_ci_test_db.py`:
    // what a CI job runs to set up its tests.
    let example = words
        .iter()
        .any(|w| matches!(w.as_str(), "example" | "examples"));
    let ci_test = words.iter().any(|w| w == "ci")
        && words
            .iter()
            .any(|w| matches!(w.as_str(), "test" | "tests" | "e2e"));
    (dev && starts)
        || example
        || ci_test
        || words
            .iter()
            .any(|w| matches!(w.as_str(), "devserver" | "rundev" | "debugserver"))
}

/// The file name of a debugging or mock script (`debug_token.py`, `debug-auth.py`,
/// `mock_app.py`): its first word says so. Only a module nothing imports is one
/// ([`Development::ScratchScript`]); an imported `debug_routes.py` is part of the application.
pub fn scratch_script(path: &std::path::Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let first = words(stem).into_iter().next()?;
    matches!(first.as_str(), "debug" | "mock" | "scratch").then(|| format!("{stem}.py"))
}

/// Words in a module's name, after the name of a module beside it, that say the file is a copy
/// kept aside: moses-p's POS keeps `app_backup.py`, `app_backup_20250430_192303.py`,
/// `app_fixed_direct.py` and `app_create_order_fix.py` next to the `app.py` it runs, and each
/// repeated the live app's findings (31 of a round's 36 wrong ones).
const COPY_WORDS: &[&str] = &[
    "backup", "bak", "old", "copy", "orig", "original", "fixed", "fix", "broken", "prev",
    "previous", "tmp", "temp", "draft", "patched", "saved",
];

/// Whether `module` (a full dotted name) is a copy of a module beside it: its last part is the
/// other's plus `_` and words of which one says copy ([`COPY_WORDS`]) or a date stamp (six or
/// more digits), and `exists` says the other module is in the run. Returns both file names.
pub fn stale_copy(module: &str, exists: impl Fn(&str) -> bool) -> Option<(String, String)> {
    let (package, last) = match module.rsplit_once('.') {
        Some((package, last)) => (Some(package), last),
        None => (None, module),
    };
    // Every `_` is a place the original's name may end: `app_fixed_direct` is a copy of `app`,
    // `user_views_old` of `user_views`.
    last.match_indices('_').find_map(|(at, _)| {
        let (original, rest) = (&last[..at], &last[at + 1..]);
        let says_copy = words(rest).iter().any(|word| {
            COPY_WORDS.contains(&word.as_str())
                || (word.len() >= 6 && word.bytes().all(|b| b.is_ascii_digit()))
        });
        if original.is_empty() || !says_copy {
            return None;
        }
        let full = match package {
            Some(package) => format!("{package}.{original}"),
            None => original.to_string(),
        };
        exists(&full).then(|| (format!("{last}.py"), format!("{original}.py")))
    })
}

/// Whether the statement holding `range` can never run: an earlier statement of the same block
/// always leaves it (`return`, `raise`, `abort(...)`, a `try` whose body and every handler
/// return, an `if` whose every branch does). Property's `get_user_stats`: a duplicate body left
/// below `try: ... return ... except Exception: return ...`.
pub fn unreachable_at(body: &[Stmt], range: TextRange) -> bool {
    let Some(holder) = body
        .iter()
        .position(|stmt| stmt.range().contains_range(range))
    else {
        return false;
    };
    body[..holder].iter().any(always_leaves)
        || child_blocks(&body[holder])
            .into_iter()
            .any(|block| unreachable_at(block, range))
}

/// The blocks of statements directly inside `stmt`.
fn child_blocks(stmt: &Stmt) -> Vec<&[Stmt]> {
    match stmt {
        Stmt::FunctionDef(def) => vec![&def.body],
        Stmt::ClassDef(class) => vec![&class.body],
        Stmt::If(branch) => std::iter::once(branch.body.as_slice())
            .chain(branch.elif_else_clauses.iter().map(|c| c.body.as_slice()))
            .collect(),
        Stmt::For(loop_) => vec![&loop_.body, &loop_.orelse],
        Stmt::While(loop_) => vec![&loop_.body, &loop_.orelse],
        Stmt::With(with) => vec![&with.body],
        Stmt::Try(try_) => {
            let mut blocks: Vec<&[Stmt]> = vec![&try_.body, &try_.orelse, &try_.finalbody];
            for handler in &try_.handlers {
                let ast::ExceptHandler::ExceptHandler(handler) = handler;
                blocks.push(&handler.body);
            }
            blocks
        }
        Stmt::Match(match_) => match_.cases.iter().map(|c| c.body.as_slice()).collect(),
        _ => Vec::new(),
    }
}

/// Whether running `stmt` never reaches the statement after it.
fn always_leaves(stmt: &Stmt) -> bool {
    let block_leaves = |block: &[Stmt]| block.iter().any(always_leaves);
    match stmt {
        Stmt::Return(_) | Stmt::Raise(_) => true,
        Stmt::Expr(expression) => matches!(expression.value.as_ref(), Expr::Call(call)
            if matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "abort")),
        Stmt::If(branch) => {
            let has_else = branch
                .elif_else_clauses
                .last()
                .is_some_and(|clause| clause.test.is_none());
            has_else
                && block_leaves(&branch.body)
                && branch
                    .elif_else_clauses
                    .iter()
                    .all(|clause| block_leaves(&clause.body))
        }
        Stmt::Try(try_) => {
            let handlers_leave = try_.handlers.iter().all(|handler| {
                let ast::ExceptHandler::ExceptHandler(handler) = handler;
                block_leaves(&handler.body)
            });
            block_leaves(&try_.finalbody)
                || ((block_leaves(&try_.body) || block_leaves(&try_.orelse)) && handlers_leave)
        }
        Stmt::With(with) => block_leaves(&with.body),
        _ => false,
    }
}

/// What a module's folders, from its project root down, say about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// The folder of examples, documentation or tutorial steps it lies in (`development_folder`).
    pub development_folder: Option<String>,
    /// It lies under a `tests` or `test` folder of its project.
    pub test_folder: bool,
    /// The folder named for a development environment it lies in (`etc/docker/dev`,
    /// `config/development`, `deploy/local`). Settings files only: a Python package named
    /// `dev` or `local` is as likely runtime code.
    pub environment_folder: Option<String>,
    /// The file was named on the command line (as pre-commit names changed files) rather than
    /// found in a checked directory: the files that import it may not be in the run.
    pub named_alone: bool,
}

impl Location {
    /// `folders`: the directories from the project root down to the module, in order;
    /// `is_package(i)`: whether the folder at `i` sits inside a regular package.
    pub fn of(folders: &[&str], is_package: impl FnOnce(usize) -> bool) -> Location {
        Location {
            development_folder: development_folder(folders, is_package),
            test_folder: folders.iter().any(|f| is_test_folder(f)),
            environment_folder: folders
                .iter()
                .position(|f| {
                    matches!(
                        f.to_ascii_lowercase().as_str(),
                        "dev" | "development" | "develop" | "devenv" | "local" | "localdev"
                    )
                })
                .map(|at| folders[..=at].join("/")),
            named_alone: false,
        }
    }
}

/// The development folder among `folders` (the directories from the project root down to a
/// module, in order), if any: `examples`, `example`, `docs`, `doc`, `tutorial`, `tutorials`,
/// `devel`, `devstack` (OpenStack's development environment), `tools` (maintainers' scripts
/// beside the package: pritunl's stress tests and API clients);
/// tutorial step folders (`step_3`, `step-3`, `step3`, `lesson-04`, `lesson_4`, `lecture2`,
/// `part2`, `chapter_5`, `section3`, `exercise-1`, a training's `day3` / `week_2`); and numbered
/// lesson folders of a course
/// repository (`10_blacklisting`, `3-login`: digits, then `_` or `-`, then a letter).
/// `is_package(i)` says whether the folder at `i` sits inside a regular package (its parent
/// holds `__init__.py`): such a folder is part of the package's runtime code
/// (`superset/examples/` loads example data from the CLI), not a folder of examples.
pub fn development_folder(
    folders: &[&str],
    is_package: impl FnOnce(usize) -> bool,
) -> Option<String> {
    let found = folders
        .iter()
        .position(|name| is_development_folder_name(name))?;
    if is_package(found) {
        return None;
    }
    Some(folders[..=found].join("/"))
}

fn is_development_folder_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "examples"
            | "example"
            | "docs"
            | "doc"
            | "tutorial"
            | "tutorials"
            | "devel"
            | "devstack"
            | "tools"
    ) {
        return true;
    }
    // `technology_examples`, `code-examples`, `flask_tutorial`: a folder of examples (the
    // singular, `example_app`, may name the application itself).
    if lower.contains(['_', '-'])
        && lower
            .split(['_', '-'])
            .any(|word| matches!(word, "examples" | "tutorial" | "tutorials"))
    {
        return true;
    }
    // `10_blacklisting`, `3-login-with-jwt`: a course's numbered lessons.
    let digits = lower.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let mut rest = lower[digits..].chars();
        if matches!(rest.next(), Some('_' | '-'))
            && rest.next().is_some_and(|c| c.is_ascii_alphabetic())
        {
            return true;
        }
    }
    // `step_3`, `lesson-04`, `part2`, `chapter_5_auth`.
    const STEPS: &[&str] = &[
        "step", "lesson", "lecture", "part", "chapter", "section", "exercise", "day", "week",
    ];
    STEPS.iter().any(|step| {
        lower.strip_prefix(step).is_some_and(|rest| {
            // `part_3`, `part-3`, `Part - 3`.
            let rest = rest.trim_start_matches([' ', '_', '-']);
            let number = rest.chars().take_while(char::is_ascii_digit).count();
            number > 0
                && rest[number..]
                    .chars()
                    .next()
                    .is_none_or(|c| c == '_' || c == '-')
        })
    })
}

/// The last name of a decorator or callee: `app.cli.command()` is `command`.
fn last_name(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(name) => Some(name.id.as_str()),
        Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
        Expr::Call(call) => last_name(&call.func),
        _ => None,
    }
}

/// `@celery.task`, `@app.task(bind=True)`, `@shared_task`, `@periodic_task`, `@job` (RQ),
/// `@dramatiq.actor`; `@click.command()`, `@app.cli.command("seed")`, `@group.command()`,
/// `@manager.command`, `@manager.option(...)`: the function runs in a worker or a terminal,
/// never in answer to a request.
pub fn runs_outside_request(decorator: &Expr) -> bool {
    let name = last_name(decorator).unwrap_or("");
    if matches!(name, "task" | "shared_task" | "periodic_task" | "actor") {
        return true;
    }
    if name == "job" {
        return matches!(decorator, Expr::Call(_) | Expr::Name(_));
    }
    if matches!(name, "command" | "group") {
        // `@bp.cli.command`, `@app.cli.command`, `@click.command`, `@manager.command`, and a
        // click group's `@users.command()`; never a route.
        return true;
    }
    if name == "option" || name == "argument" {
        // `@manager.option("-n")` (Flask-Script), `@click.option(...)` above a command.
        return matches!(decorator, Expr::Call(call) if matches!(call.func.as_ref(), Expr::Attribute(a)
            if matches!(last_name(&a.value), Some("manager" | "click"))));
    }
    false
}

/// A decorator that registers the function as a route, a hook or an error handler: such a
/// function answers requests even when it is named `test_*`.
fn registers_view(decorator: &Expr) -> bool {
    let name = last_name(decorator).unwrap_or("");
    if matches!(
        name,
        "route" | "errorhandler" | "app_errorhandler" | "before_request" | "after_request"
    ) {
        return true;
    }
    matches!(
        name,
        "get" | "post" | "put" | "patch" | "delete" | "websocket"
    ) && matches!(decorator, Expr::Call(call)
            if matches!(call.arguments.args.first(), Some(Expr::StringLiteral(s)) if s.value.to_str().starts_with('/')))
}

/// Whether a branch condition selects development or testing, and whether it is negated: `if
/// app.debug:` and `if env == "development":` are `Some(false)` (the body is development code),
/// `if not app.testing:`, `if not app.debug and not app.testing:` and `if env != "development":`
/// are `Some(true)` (the `else` is); so are `if env == "production":` and, the other way round,
/// `if env != "production":` (`Some(false)`). A condition that mixes (`if not app.debug or testing:`) or
/// reads the request (`if request.args.get("debug"):`, a switch any caller flips) says nothing.
pub fn dev_condition(test: &Expr, source: &SourceFile) -> Option<bool> {
    match test {
        Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => {
            dev_condition(&op.operand, source).map(|negated| !negated)
        }
        Expr::BoolOp(bool_op) => {
            let parts: Vec<Option<bool>> = bool_op
                .values
                .iter()
                .map(|value| dev_condition(value, source))
                .collect();
            let first = *parts.first()?;
            if first.is_some() && parts.iter().all(|p| *p == first) {
                return first;
            }
            // `app.debug and user.is_admin`: the body still needs debug mode.
            (bool_op.op == ast::BoolOp::And && parts.contains(&Some(false))).then_some(false)
        }
        Expr::Compare(compare) => {
            let text = source.slice(compare.range());
            if text.contains("request") {
                return None;
            }
            // `app.config.get("ENV") != "production"`: the body runs everywhere but in
            // production.
            let names_production = compare.comparators.len() == 1
                && std::iter::once(compare.left.as_ref())
                    .chain(compare.comparators.iter())
                    .any(|operand| {
                        matches!(operand, Expr::StringLiteral(literal)
                            if matches!(literal.value.to_str().to_ascii_lowercase().as_str(), "production" | "prod"))
                    });
            if names_production {
                return match &*compare.ops {
                    [ast::CmpOp::Eq] => Some(true),
                    [ast::CmpOp::NotEq] => Some(false),
                    _ => None,
                };
            }
            if !is_dev_name(text) {
                return None;
            }
            match &*compare.ops {
                [ast::CmpOp::Eq | ast::CmpOp::Is | ast::CmpOp::In] => Some(false),
                [ast::CmpOp::NotEq | ast::CmpOp::IsNot | ast::CmpOp::NotIn] => Some(true),
                _ => None,
            }
        }
        _ => {
            let text = source.slice(test.range());
            (is_dev_name(text) && !text.contains("request")).then_some(false)
        }
    }
}

/// Whether `test` is `__name__ == "__main__"` (either way round).
fn is_main_check(test: &Expr) -> bool {
    let Expr::Compare(compare) = test else {
        return false;
    };
    let ([op], [right]) = (&*compare.ops, &*compare.comparators) else {
        return false;
    };
    if *op != ast::CmpOp::Eq {
        return false;
    }
    let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == "__name__");
    let is_main = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str() == "__main__");
    (is_name(&compare.left) && is_main(right)) || (is_main(&compare.left) && is_name(right))
}

/// Collects one module's context facts while `jwt::CallCollector` walks it.
pub struct ContextCollector {
    test_name: TestName,
    context: FileContext,
    /// The module defines routes, registers blueprints or resources, or constructs an app.
    application_code: bool,
    defines_tests: bool,
    /// The module's statements, when its top level starts a development server.
    runs_server_at_top_level: Option<TextRange>,
    /// The module's top level drives an application through Flask's test client
    /// (`client = app.test_client()`): a test script, whatever its name (quick-sale-hr's
    /// `scripts/auth_smoke.py`, which seeds a throwaway database it deletes first).
    drives_test_client: bool,
}

impl ContextCollector {
    pub fn new(test_name: TestName) -> ContextCollector {
        ContextCollector {
            test_name,
            context: FileContext::default(),
            application_code: false,
            defines_tests: false,
            runs_server_at_top_level: None,
            drives_test_client: false,
        }
    }

    /// A function definition. `module_level`: not inside a class or another function.
    pub fn function(&mut self, def: &ast::StmtFunctionDef, module_level: bool) {
        let registers = def
            .decorator_list
            .iter()
            .any(|d| registers_view(&d.expression));
        self.application_code |= registers;
        if def
            .decorator_list
            .iter()
            .any(|d| runs_outside_request(&d.expression))
        {
            self.context.outside_request.push(def.range());
        }
        if module_level && def.name.as_str().starts_with("test_") && !registers {
            self.defines_tests = true;
            self.context.tests.push(def.range());
        }
        let name = def.name.as_str();
        let starts = words(name).iter().any(|w| {
            matches!(
                w.as_str(),
                "app" | "application" | "config" | "settings" | "server"
            )
        });
        if is_dev_name(name) && starts && !registers {
            self.context
                .development
                .push((def.range(), Development::Function(name.to_string())));
        }
    }

    /// A class definition: a test class, or a development config class.
    pub fn class(&mut self, class: &ast::StmtClassDef) {
        let name = class.name.as_str();
        let test_case = class.arguments.as_ref().is_some_and(|arguments| {
            arguments
                .args
                .iter()
                .any(|base| last_name(base).is_some_and(|b| b.ends_with("TestCase")))
        });
        let collected = name.starts_with("Test")
            && class
                .body
                .iter()
                .any(|s| matches!(s, Stmt::FunctionDef(f) if f.name.as_str().starts_with("test")));
        if test_case || collected {
            self.defines_tests = true;
            self.context.tests.push(class.range());
            return;
        }
        let config = words(name)
            .iter()
            .any(|w| matches!(w.as_str(), "config" | "configuration" | "settings" | "conf"));
        if config && is_dev_name(name) {
            self.context
                .development
                .push((class.range(), Development::ConfigClass(name.to_string())));
        }
    }

    /// An `if` statement: `if __name__ == "__main__":`, or a condition that names development
    /// or testing (as FL304's development configs do: `if app.debug:`, `if not app.testing:`).
    pub fn branch(&mut self, branch: &ast::StmtIf, source: &SourceFile) {
        if is_main_check(&branch.test) {
            if let Some(range) = body_range(&branch.body) {
                self.context
                    .development
                    .push((range, Development::MainBlock));
            }
            return;
        }
        let Some(negated) = dev_condition(&branch.test, source) else {
            return;
        };
        let ranges: Vec<TextRange> = if negated {
            branch
                .elif_else_clauses
                .iter()
                .filter_map(|clause| body_range(&clause.body))
                .collect()
        } else {
            body_range(&branch.body).into_iter().collect()
        };
        for range in ranges {
            self.context.development.push((range, Development::Branch));
        }
    }

    /// The module-level functions of `body` that only its `if __name__ == "__main__":` blocks
    /// call, and that nothing else in the module names (no decorator registers them, no other
    /// code passes them on): what `python module.py` runs, as the block itself.
    pub fn functions_run_from_main(&mut self, body: &[Stmt]) {
        let mains: Vec<&Stmt> = body
            .iter()
            .filter(|stmt| matches!(stmt, Stmt::If(branch) if is_main_check(&branch.test)))
            .collect();
        if mains.is_empty() {
            return;
        }
        let mut called: Vec<&str> = Vec::new();
        for main in &mains {
            crate::model::routes::any_expr(std::slice::from_ref(*main), &mut |e| {
                if let Expr::Call(call) = e
                    && let Expr::Name(name) = call.func.as_ref()
                {
                    called.push(name.id.as_str());
                }
                false
            });
        }
        for stmt in body {
            let Stmt::FunctionDef(def) = stmt else {
                continue;
            };
            let name = def.name.as_str();
            if !def.decorator_list.is_empty() || !called.contains(&name) || makes_a_web_app(def) {
                continue;
            }
            let named_elsewhere = body
                .iter()
                .filter(|other| {
                    !std::ptr::eq(*other, stmt) && !mains.iter().any(|m| std::ptr::eq(*m, *other))
                })
                .any(|other| {
                    crate::model::routes::any_expr(
                        std::slice::from_ref(other),
                        &mut |e| matches!(e, Expr::Name(n) if n.id.as_str() == name),
                    )
                });
            if !named_elsewhere {
                self.context
                    .development
                    .push((def.range(), Development::RunFromMain(name.to_string())));
            }
        }
    }

    /// A call: `add_url_rule`, `add_resource`, `register_blueprint` and `add_api` make a module
    /// application code.
    pub fn call(&mut self, callee_name: &str) {
        if matches!(
            callee_name,
            "add_url_rule" | "add_resource" | "register_blueprint" | "add_api"
        ) {
            self.application_code = true;
        }
    }

    /// Notes a module whose top level starts an application's development server
    /// (`app.run(...)`, `socketio.run(app)`), outside functions and `__main__` blocks; it is a
    /// runner script when it builds no application itself (`finish`).
    pub fn top_level_run(&mut self, body: &[Stmt]) {
        fn runs_server(stmt: &Stmt) -> bool {
            match stmt {
                Stmt::Expr(expr) => matches!(expr.value.as_ref(), Expr::Call(call)
                    if matches!(call.func.as_ref(), Expr::Attribute(attribute)
                        if attribute.attr.as_str() == "run"
                            && matches!(attribute.value.as_ref(), Expr::Name(name)
                                if name.id.to_ascii_lowercase().contains("app")
                                    || name.id.as_str() == "socketio"))),
                // `if args.cert: APP.run(ssl_context=...) else: APP.run(...)`; not the
                // `__main__` block, which is a reason of its own.
                Stmt::If(branch) if !is_main_check(&branch.test) => {
                    branch.body.iter().any(runs_server)
                        || branch
                            .elif_else_clauses
                            .iter()
                            .any(|clause| clause.body.iter().any(runs_server))
                }
                Stmt::Try(block) => block.body.iter().any(runs_server),
                _ => false,
            }
        }
        if body.iter().any(runs_server) {
            self.runs_server_at_top_level = body_range(body);
        }
        let calls_test_client = |expr: &Expr| {
            matches!(expr, Expr::Call(call) if matches!(call.func.as_ref(),
                Expr::Attribute(method) if method.attr.as_str() == "test_client"))
        };
        self.drives_test_client = body.iter().any(|stmt| match stmt {
            Stmt::Assign(assign) => calls_test_client(&assign.value),
            Stmt::With(with) => with
                .items
                .iter()
                .any(|item| calls_test_client(&item.context_expr)),
            _ => false,
        });
    }

    /// `constructs_app`: the module constructs a Flask application.
    pub fn finish(mut self, constructs_app: bool) -> FileContext {
        if let Some(module) = self.runs_server_at_top_level
            && !constructs_app
            && !self.application_code
        {
            self.context
                .development
                .push((module, Development::RunnerScript));
        }
        let application = (self.application_code || constructs_app) && !self.defines_tests;
        self.context.test_module = match self.test_name {
            TestName::Always => true,
            TestName::UnlessApplication => !application,
            TestName::Never => self.drives_test_client && !application,
        };
        if self.context.test_module {
            self.context.tests.clear();
        }
        self.context
    }
}

/// The range from the first statement of a body to the end of its last.
fn body_range(body: &[Stmt]) -> Option<TextRange> {
    let first = body.first()?;
    let last = body.last()?;
    Some(TextRange::new(first.start(), last.end()))
}

/// A web application's factory: a function that constructs the Flask (or connexion, Quart,
/// APIFlask) application and gives it its views (registers a blueprint or a rule, or declares
/// routes). `python app.py` calling it under `if __name__ == "__main__":` is one way the app
/// runs (hsk_bazaar_diary's offices run it so); a WSGI server calling it (`gunicorn
/// "frontend:create_app()"`, bank-of-anthos) is another: what it sets up is the application's,
/// not development-only. A script that builds an app only to reach its database
/// (`create_fresh_db.py`) gives it no views and stays a script.
fn makes_a_web_app(def: &ast::StmtFunctionDef) -> bool {
    let mut constructs = false;
    let mut gives_views = false;
    crate::model::routes::any_expr(&def.body, &mut |e| {
        if let Expr::Call(call) = e {
            match crate::model::records::callee_last(&call.func) {
                Some("Flask" | "FlaskApp" | "APIFlask" | "Quart" | "App") => constructs = true,
                Some(
                    "register_blueprint" | "add_url_rule" | "route" | "add_resource"
                    | "add_namespace" | "add_api",
                ) => gives_views = true,
                _ => {}
            }
        }
        constructs && gives_views
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_paths() {
        let name = |n: &str, p: &str| test_name(n, Path::new(p));
        assert_eq!(
            name("app.tests.helpers", "/p/app/tests/helpers.py"),
            TestName::Always
        );
        assert_eq!(name("test_auth", "test_auth.py"), TestName::Always);
        assert_eq!(name("app.auth_test", "app/auth_test.py"), TestName::Always);
        assert_eq!(name("conftest", "conftest.py"), TestName::Always);
        assert_eq!(name("tests", "/p/tests/__init__.py"), TestName::Always);
        assert_eq!(name("test", "/p/test.py"), TestName::UnlessApplication);
        assert_eq!(
            name("app.tests", "/p/app/tests.py"),
            TestName::UnlessApplication
        );
        assert_eq!(
            name("app.config", "/home/tests/p/app/config.py"),
            TestName::Never
        );
        assert_eq!(
            name("app.testing_utils.config", "config.py"),
            TestName::Never
        );
        assert_eq!(name("app.contest", "app/contest.py"), TestName::Never);
        assert_eq!(
            name("client_test.calls", "client_test/calls.py"),
            TestName::Always
        );
        assert_eq!(name("test2", "/p/test2.py"), TestName::UnlessApplication);
        assert_eq!(name("app.latest", "app/latest.py"), TestName::Never);
        assert_eq!(name("app.attest", "app/attest.py"), TestName::Never);
    }

    #[test]
    fn dev_names() {
        assert!(is_dev_name("DevelopmentConfig"));
        assert!(is_dev_name("TestingConfig"));
        assert!(is_dev_name("DevConfig"));
        assert!(is_dev_name("LocalConfig"));
        assert!(is_dev_name("create_test_app"));
        assert!(!is_dev_name("ProductionConfig"));
        assert!(!is_dev_name("LatestConfig"));
        assert!(!is_dev_name("DevicesConfig"));
    }

    #[test]
    fn dev_scripts() {
        assert!(is_dev_script("debug-server"));
        assert!(is_dev_script("run_dev"));
        assert!(is_dev_script("dev_app"));
        assert!(is_dev_script("devserver"));
        assert!(!is_dev_script("debug"));
        assert!(!is_dev_script("dev_tools"));
        assert!(!is_dev_script("run"));
        assert!(!is_dev_script("devices_server"));
        assert!(is_dev_script("email_client_example"));
        assert!(docstring_says_example(
            "\nThis is an example on how to integrate SimpleLogin\nwith Requests-OAuthlib"
        ));
        assert!(docstring_says_example("A minimal demo of the token flow."));
        assert!(docstring_says_example("Examples of the API client."));
        assert!(!docstring_says_example(
            "Application factory.\n\nExample usage: create_app()"
        ));
        assert!(!docstring_says_example("Exampleville's shop."));
        assert!(!docstring_says_example("Demographics views."));
        let envsensing = "# This is a example of configuration.\n# Copy it to instance/config.py and edit it.\n\n# DEBUG = True\nSECRET_KEY = 'x'\n";
        let opening = opening_comment(envsensing).unwrap_or_default();
        assert_eq!(
            opening,
            "This is a example of configuration. Copy it to instance/config.py and edit it."
        );
        assert!(docstring_says_example(&opening));
        assert!(opening_says_template(&opening));
        assert_eq!(
            opening_comment("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nimport os\n"),
            None
        );
        assert!(!opening_says_template(
            "Application settings, read from the environment."
        ));
        assert!(is_dev_script("create_ci_test_db"));
        assert!(is_dev_script("install_postgis_for_ci_e2e_package_tests"));
        assert!(!is_dev_script("ci_status"));
        assert!(!is_dev_script("citest"));
    }

    #[test]
    fn development_conditions() {
        let condition = |code: &str| {
            let source = SourceFile::parse(
                std::path::PathBuf::from("c.py"),
                format!("if {code}:\n    pass\n").into_bytes(),
            )
            .expect("parses");
            match source.module().body.first() {
                Some(Stmt::If(branch)) => dev_condition(&branch.test, &source),
                _ => panic!("an if statement"),
            }
        };
        assert_eq!(condition("app.debug"), Some(false));
        assert_eq!(condition("app.config['TESTING']"), Some(false));
        assert_eq!(condition("env == 'development'"), Some(false));
        assert_eq!(condition("not app.testing"), Some(true));
        assert_eq!(condition("not app.debug and not app.testing"), Some(true));
        assert_eq!(condition("env != 'development'"), Some(true));
        assert_eq!(condition("app.debug and user.is_admin"), Some(false));
        assert_eq!(condition("app.debug or user.is_admin"), None);
        assert_eq!(condition("not app.debug or app.testing"), None);
        assert_eq!(condition("request.args.get('debug')"), None);
        // Everywhere but production: the body of `!=`, the `else` of `==`.
        assert_eq!(condition("env == 'production'"), Some(true));
        assert_eq!(
            condition("app.config.get('ENV') != 'production'"),
            Some(false)
        );
        assert_eq!(condition("env in ('production', 'staging')"), None);
    }

    #[test]
    fn development_folders() {
        let folder = |path: &str| {
            let parts: Vec<&str> = path.split('/').collect();
            development_folder(&parts, |_| false)
        };
        assert_eq!(folder("examples/todo").as_deref(), Some("examples"));
        assert_eq!(
            folder("technology_examples/flask").as_deref(),
            Some("technology_examples")
        );
        assert_eq!(folder("exampleshop/app"), None);
        assert_eq!(folder("docs").as_deref(), Some("docs"));
        assert_eq!(folder("course/step_3").as_deref(), Some("course/step_3"));
        for lesson in [
            "step-3",
            "step3",
            "lesson-04",
            "lesson_4",
            "part2",
            "chapter_5",
            "section3",
            "10_blacklisting",
            "3-login",
            "lesson_4_auth",
            "Section-2",
            "day1",
            "day_12",
            "week-2",
            "Part - 3",
        ] {
            assert!(folder(lesson).is_some(), "{lesson}");
        }
        for other in [
            "app",
            "api",
            "v2",
            "2fa",
            "steps",
            "partners",
            "sections",
            "party3",
            "daylight",
            "weekly",
            "lessons",
            "py3_compat",
            "_10_x",
            "1234_a",
            "example_app",
            "documents",
            "v1_api",
        ] {
            assert!(folder(other).is_none(), "{other}");
        }
        // A subpackage of a regular package is runtime code: `superset/examples/`.
        let parts = ["superset", "examples"];
        assert_eq!(development_folder(&parts, |i| i == 1), None);
    }
}
