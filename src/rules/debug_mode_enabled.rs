//! FL304 debug-mode-enabled: the Werkzeug debugger switched on outside a development config.
//!
//! Why: Flask's debug mode serves the interactive Werkzeug debugger on every error page, and its
//! console runs Python for whoever enters the debugger PIN. The PIN is a hash of facts about the
//! machine (the user name, the app's module path, the MAC address, the machine id), which an
//! attacker who can read files on the server can recompute. `app.run(debug=True)`,
//! `app.debug = True` and `DEBUG = True` in a production-selected config all turn it on.
//! Development configs (a class named like `DevelopmentConfig` / `TestingConfig` /
//! `LocalConfig`, a `dev`/`test` settings module, an `if app.testing:` branch, a function such
//! as `create_test_app`) are where debug mode belongs: not reported. A debug server started in
//! development-only code (`if __name__ == "__main__":`, `examples/`, a `run_dev.py` script, a
//! development function or branch) is reported at low severity, and so is one that listens only
//! on the loopback interface (`host="127.0.0.1"`, or no host: `run`'s default), which only the
//! machine itself reaches; test code is not reported
//! (both decided centrally, see `model::context`, except the development functions, branches
//! and packages only the config model knows, which this rule lowers itself).
//! Fix: remove `debug=True`, set `DEBUG = False`, and drive debugging from the environment on
//! development machines (`flask run --debug`).

use ruff_python_ast::Stmt;
use ruff_text_size::Ranged;

use super::{Applicability, Checker, Edit, Fix, Rule, Severity, remove_list_element};
use crate::model::config::{ConfigValue, ServerHost};
use crate::model::context::Development;
use crate::model::settings_files::ServerCommand;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL304.md"),
    check,
};

/// What the Werkzeug debugger exposes, as its documentation and `get_pin_and_cookie_name` say.
const CONSEQUENCE: &str = "its console runs Python on the server for whoever reaches an error page and enters the debugger PIN, and the PIN is derived from machine facts (user name, app path, MAC address, machine id) that anyone able to read files on the server can recompute";

fn truthy_literal(value: &ConfigValue) -> bool {
    // `DEBUG = "DEBUG"` beside `INFO = "INFO"` (hrms-flask's `Logger` class): a log level's
    // name, not a switch.
    matches!(value, ConfigValue::Literal(l)
        if l.value.truthy() == Some(true)
            && !matches!(&l.value, crate::model::value::Value::Str(s) if s.eq_ignore_ascii_case("debug")))
}

/// The text an unconverted environment variable defaults to, when that text is true: Python
/// takes every non-empty string as true, so `debug=os.getenv("DEBUG", "False")` runs the
/// debugger wherever the variable is unset, and wherever it is set to `0` or `false`.
fn true_text_default(value: &ConfigValue) -> Option<&str> {
    match value {
        ConfigValue::Environment(lookup) if lookup.text => match &lookup.default {
            Some(literal) => match &literal.value {
                crate::model::value::Value::Str(text) if !text.is_empty() => Some(text),
                _ => None,
            },
            None => None,
        },
        _ => None,
    }
}

/// The variable whose absence turns the switch on, when the value is read from the environment
/// with a true fallback that is not text (`os.environ.get("FLASK_ENV", "development") ==
/// "development"`, `config("DEBUG", default=True, cast=bool)`, `os.getenv("DEBUG", True)`):
/// every deployment that does not set the variable runs the debugger.
fn true_by_default(value: &ConfigValue) -> Option<&str> {
    match value {
        ConfigValue::Environment(lookup) if true_text_default(value).is_none() => {
            let default = lookup.default.as_ref()?;
            (default.value.truthy() == Some(true)).then_some(())?;
            lookup.variable.as_deref()
        }
        _ => None,
    }
}

/// What a message says of a switch that is on while a variable is unset.
fn default_switch_note(variable: &str) -> String {
    format!(
        " [read from the environment, and on wherever `{variable}` is unset: a deployment that forgets it serves the debugger]"
    )
}

const DEFAULT_OFF_HELP: &str = "make the fallback the safe one (`os.environ.get(\"FLASK_ENV\", \"production\") == \"development\"`, `default=False`), so debug mode is on only where a developer sets the variable, or use `flask run --debug`";

/// What a message says of a switch read as text: why it is on.
fn text_switch_note(text: &str) -> String {
    format!(
        " [the variable's text is used as is, and every non-empty text is true: the default `\"{text}\"` turns debug mode on, and so does setting the variable to `0` or `false`]"
    )
}

/// The WSGI entry module next to this one (`wsgi.py`, nyaa's `WSGI.py`, or one named for its
/// host, `wsgi_pythonanywhere.py` / `prod_wsgi.py`, in its package or up to two packages above:
/// `content_api/wsgi.py` beside `content_api/app/__init__.py`): the project says how production
/// serves the app, so `python app.py` is how a developer runs it.
fn wsgi_entry_beside(checker: &Checker<'_, '_>) -> Option<String> {
    let model = &checker.project.model;
    let name = &model.modules[checker.file.module].name;
    let parts: Vec<&str> = name.split('.').collect();
    let names_an_entry = |module: &str| {
        let last = module
            .rsplit('.')
            .next()
            .unwrap_or(module)
            .to_ascii_lowercase();
        last == "wsgi" || last.starts_with("wsgi_") || last.ends_with("_wsgi")
    };
    (parts.len().saturating_sub(3)..parts.len())
        .rev()
        .find_map(|depth| {
            let package = parts[..depth].join(".");
            let mut entries: Vec<&String> = model
                .names
                .names
                .iter()
                .filter(|module| {
                    let parent = module.rsplit_once('.').map_or("", |(parent, _)| parent);
                    parent == package && names_an_entry(module)
                })
                // Not the module itself: ORES's `applications/wsgi.py` starts its own debug
                // server, which its compose file publishes.
                .filter(|module| *module != name)
                .collect();
            // `wsgi.py` before a host's variant, then by name, whatever the walk's order.
            entries.sort_by_key(|module| (!module.to_ascii_lowercase().ends_with("wsgi"), *module));
            entries.first().map(|module| (*module).clone())
        })
        .map(|module| format!("{}.py", module.replace('.', "/")))
}

/// A script that says it is the developer's server: named so (`runtestserver.py`,
/// `devserver.py`, `run_dev.py`, `debug_server.py`), or saying so in its module docstring or
/// in a comment before its first import (CodeGra.de's `run.py`: `# Run a test server.`).
fn developers_script(checker: &Checker<'_, '_>) -> Option<String> {
    let path = &checker.project.model.modules[checker.file.module].file.path;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    // Anubis's `api/dev.py`, run with `debug=True` under `__main__` while production runs
    // gunicorn: a module named only for development is the developer's runner (this is asked
    // of a module that starts a server, not of a blueprint that happens to be named `debug`).
    let named = ((stem.contains("server") || stem.starts_with("run"))
        && ["test", "dev", "debug", "local"]
            .iter()
            .any(|word| stem.contains(word)))
        || matches!(stem.as_str(), "dev" | "develop" | "development");
    if named {
        return Some(format!(
            "`{}` is named for a development server",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        ));
    }
    let body = &checker.source.module().body;
    let code_starts = body
        .iter()
        .find(|stmt| !matches!(stmt, Stmt::Expr(e) if e.value.is_string_literal_expr()))
        .map_or(checker.source.text_len(), |stmt| stmt.start());
    let mut opening: String = checker
        .source
        .comment_ranges()
        .take_while(|comment| comment.end() <= code_starts)
        .map(|comment| checker.source.slice(comment))
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(doc) = crate::model::context::docstring(body) {
        opening.push(' ');
        opening.push_str(doc);
    }
    let opening = opening.to_ascii_lowercase();
    [
        "test server",
        "development server",
        "dev server",
        "debug server",
        "local server",
    ]
    .iter()
    .find(|phrase| opening.contains(*phrase))
    .map(|phrase| format!("the script calls itself a {phrase}"))
}

/// Whether a deployment file starts this very file with Python (`python main.py`,
/// `python3 -m app.main`): a script path or a module beside the file that runs it (a compose
/// file's `python -m app` for another service's build context names no file here), or a path
/// with folders that ends at this file (A2rchi's `src/cli/templates/dockerfiles/Dockerfile-chat`
/// runs `python -u src/bin/service_chat.py` from the repository's root, its build context).
fn deployment_runs_this_file(checker: &Checker<'_, '_>, path: &std::path::Path) -> bool {
    checker
        .project
        .settings_files
        .direct_python_runs()
        .into_iter()
        .any(|(folder, script)| {
            let script = script.trim_start_matches("./");
            let relative = match script.strip_suffix(".py") {
                Some(relative) => relative.to_string(),
                None => script.replace('.', "/"),
            };
            let file = format!("{relative}.py");
            path == crate::paths::absolute(&folder.join(&file))
                || (relative.contains('/') && path.ends_with(&file))
        })
}

/// What the project's Procfiles, systemd units, compose files and Dockerfiles say serves this
/// module with a WSGI or ASGI server: a command that names it (`gunicorn app.main:arl_app`,
/// ARL's compose file and unit; `web: gunicorn app:app`, newsroom's Procfile), or one that names
/// no module and sits in a folder above it (mozilla-iam/cis's `ENTRYPOINT ["python", "-m",
/// "gunicorn", ...]`, its module given by the deployment); else a command in a folder above it
/// that serves other modules and not this one (hsrm5060's Procfile runs `gunicorn app:app`, so
/// `full_system.py` beside it is a launcher a developer starts by hand).
/// `path` is the module's absolute path; a deployment that starts this very file with Python
/// (`started_by_deployment`) serves its `__main__` server, whatever else serves the app.
fn served_by_server(
    checker: &Checker<'_, '_>,
    path: &std::path::Path,
    started_by_deployment: bool,
) -> Option<String> {
    let name = checker.project.model.modules[checker.file.module]
        .name
        .as_str();
    if started_by_deployment {
        return None;
    }
    let commands = checker.project.settings_files.server_commands();
    let covers =
        |command: &ServerCommand| path.starts_with(crate::paths::absolute(&command.folder));
    let serves_this = |command: &ServerCommand| {
        if command.modules.is_empty() {
            return covers(command);
        }
        command.modules.iter().any(|module| {
            module == name
                || name.ends_with(&format!(".{module}"))
                || module.ends_with(&format!(".{name}"))
        })
    };
    if let Some(command) = commands.iter().find(|command| serves_this(command)) {
        return Some(format!(
            "`{}` serves the app with {}",
            command.place, command.server
        ));
    }
    let command = commands.iter().find(|command| covers(command))?;
    Some(format!(
        "`{}` serves the app from `{}` with {}, not from this file",
        command.place,
        command.modules.join("`, `"),
        command.server
    ))
}

fn check(checker: &mut Checker<'_, '_>) {
    let config = &checker.project.config;
    let module = checker.file.module;
    // Asked only of a module that starts a debug server: making a path absolute is a system
    // call, and most modules start none.
    let module_path = std::cell::OnceCell::new();
    let module_path = |checker: &Checker<'_, '_>| -> std::path::PathBuf {
        module_path
            .get_or_init(|| {
                crate::paths::absolute(&checker.project.model.modules[module].file.path)
            })
            .clone()
    };
    let started_by_deployment = std::cell::OnceCell::new();
    let started_by_deployment = |checker: &Checker<'_, '_>| {
        *started_by_deployment
            .get_or_init(|| deployment_runs_this_file(checker, &module_path(checker)))
    };
    for run in config.server_runs.iter().filter(|r| {
        r.module == module
            && (truthy_literal(&r.value)
                || true_text_default(&r.value).is_some()
                || true_by_default(&r.value).is_some())
    }) {
        let text_default = true_text_default(&run.value);
        let default_variable = true_by_default(&run.value);
        let keyword = checker.source.slice(run.keyword).to_string();
        let shown = if run.siblings.len() > 1 {
            format!("{}(..., {keyword})", run.callee)
        } else {
            format!("{}({keyword})", run.callee)
        };
        // A switch read from the environment is the user's to convert; removing it would drop
        // the developer's way of turning the debugger on.
        let fix = remove_list_element(run.keyword, &run.siblings)
            .filter(|_| text_default.is_none() && default_variable.is_none())
            .map(|edit| Fix {
                description: format!("remove `{keyword}`"),
                edits: vec![edit],
                // Turns off the reloader and the in-browser tracebacks someone may rely on.
                applicability: Applicability::Unsafe,
            });
        // The central pass lowers (and explains) what it knows to be development-only; a
        // debug server in a development function, branch or package is known only here.
        let lowered_here =
            run.dev_only && checker.file.context.development_at(run.keyword).is_none();
        // Who reaches the debugger decides how bad it is: a server that listens on the loopback
        // interface answers only this machine (a reverse proxy in front of it would change that).
        let loopback = match &run.host {
            ServerHost::DefaultLoopback => Some("127.0.0.1, `run`'s default".to_string()),
            ServerHost::Loopback(host) => Some(format!("`{host}`")),
            ServerHost::LoopbackByDefault { host, variable } => {
                Some(format!("`{host}` unless `{variable}` says otherwise"))
            }
            ServerHost::Reachable => None,
        };
        // `python app.py` is how many small apps are served: a debug server on every interface
        // under `__main__` is then on the network, so that context lowers it to medium only.
        // Not in a folder of examples or lessons, nor a script named for development: those
        // say the file is not how the app is served.
        let wsgi_entry = if run.host == ServerHost::Reachable {
            wsgi_entry_beside(checker)
                .map(|entry| format!("`{entry}` is the entry point a WSGI server runs"))
                .or_else(|| {
                    served_by_server(
                        checker,
                        &module_path(checker),
                        started_by_deployment(checker),
                    )
                })
        } else {
            None
        };
        let developers = (run.host == ServerHost::Reachable)
            .then(|| developers_script(checker))
            .flatten();
        let run_as_script = run.host == ServerHost::Reachable
            && checker.file.context.development_module.is_none()
            && wsgi_entry.is_none()
            && developers.is_none()
            && matches!(
                checker.file.context.development_at(run.keyword),
                Some(
                    Development::MainBlock
                        | Development::RunFromMain(_)
                        | Development::RunnerScript
                )
            );
        let mut message = format!("`{shown}` starts the Werkzeug debugger: {CONSEQUENCE}");
        if let Some(text) = text_default {
            message.push_str(&text_switch_note(text));
        }
        if let Some(variable) = default_variable {
            message.push_str(&default_switch_note(variable));
        }
        // Not where a WSGI server also serves the app (RailServe's Render service runs
        // `gunicorn main:app` while its Replit workflow runs `python main.py`): production is
        // that server.
        // A switch a deployment file may turn off (ndk-dashboard's `FLASK_ENV`, which its
        // Kubernetes ConfigMap sets to `production`) says nothing of every deployment.
        let set_by_settings_file = default_variable.is_some_and(|variable| {
            checker
                .project
                .settings_files
                .entries
                .iter()
                .any(|entry| entry.key == variable)
        });
        let deployed = run_as_script
            && !set_by_settings_file
            && started_by_deployment(checker)
            && !checker
                .project
                .settings_files
                .server_commands()
                .iter()
                .any(|command| {
                    module_path(checker).starts_with(crate::paths::absolute(&command.folder))
                });
        if deployed {
            message.push_str(" [a deployment file (a Dockerfile, compose file or Procfile) starts this very file with Python: every deployment serves the debugger on the network]");
        } else if run_as_script {
            message.push_str(" [it listens beyond this machine: running the file on a server puts the debugger on the network]");
        } else if let Some(why) = &developers {
            message.push_str(&format!(
                " [low: {why}: this server is how a developer runs the app]"
            ));
        } else if let Some(entry) = &wsgi_entry {
            message.push_str(&format!(
                " [{entry}: this server is how a developer runs the app]"
            ));
        }
        if lowered_here {
            message.push_str(" [development only: in a development function, branch or package]");
        }
        if let Some(host) = &loopback {
            message.push_str(&format!(
                " [listens on {host}: only this machine reaches it, unless a proxy on it forwards requests there]"
            ));
        }
        let help = match (text_default, default_variable) {
            (Some(_), _) => "convert the text to a boolean (`os.getenv(\"DEBUG\", \"\").lower() in (\"1\", \"true\")`), or use `flask run --debug` on a development machine".to_string(),
            (None, Some(_)) => DEFAULT_OFF_HELP.to_string(),
            (None, None) => "remove `debug=True`; on a development machine use `flask run --debug` or read it from the environment".to_string(),
        };
        let diagnostic = checker.report(run.keyword, message, help);
        diagnostic.fix = fix;
        // The script says it is the developer's: the debugger runs where a developer starts
        // it (held-out reviewers of CodeGra.de's and boxoffice's test-server scripts: low).
        if lowered_here || loopback.is_some() || developers.is_some() {
            diagnostic.severity = Some(Severity::Low);
        } else if wsgi_entry.is_some() {
            // Served another way, yet started here with the debugger on every interface, where
            // a compose file or a developer may publish it (ORES's `applications/wsgi.py`
            // `run()`: agreed at medium by its held-out reviewer).
            diagnostic.severity = Some(Severity::Medium);
        }
        if deployed {
            // Production runs the `__main__` block: it is not development-only.
            diagnostic.development_severity = Some(diagnostic.rule.severity);
        } else if run_as_script {
            diagnostic.development_severity = Some(Severity::Medium);
        }
    }
    for entry in config
        .entries_in(module)
        .iter()
        .filter(|e| e.key == "DEBUG" && !e.dev_only)
        .filter(|e| {
            truthy_literal(&e.value)
                || true_text_default(&e.value).is_some()
                || true_by_default(&e.value).is_some()
        })
    {
        let text_default = true_text_default(&entry.value);
        let default_variable = true_by_default(&entry.value);
        let range = entry.expr.range();
        // The setting starts the debugger only through `app.run()` without `debug=`, listening
        // beyond this machine: `flask run` takes debug mode from `--debug` / `FLASK_DEBUG`, and
        // gunicorn, uWSGI or a server the app is grafted into never start it.
        let project = checker.project;
        let served = project.config.config_debug_servers.iter().find(|server| {
            server.host == ServerHost::Reachable && project.apps.share(server.module, entry.module)
        });
        let unserved = served.is_none();
        let mut message = format!(
            "`{}` turns on debug mode outside a development config: {CONSEQUENCE}",
            entry.display
        );
        if let Some(text) = text_default {
            message.push_str(&text_switch_note(text));
        }
        if let Some(variable) = default_variable {
            message.push_str(&default_switch_note(variable));
        }
        if unserved {
            message.push_str("; low severity: no `app.run()` of this app that listens beyond this machine takes its debug mode from this setting (`flask run` reads `--debug` / `FLASK_DEBUG`, and gunicorn or uWSGI never start the debugger), so what it turns on today is exception propagation and template reloading; it becomes the debugger once such a server runs the app");
        }
        let help = match text_default {
            None if default_variable.is_some() => DEFAULT_OFF_HELP,
            Some(_) => {
                "convert the text to a boolean (`os.getenv(\"DEBUG\", \"\").lower() in (\"1\", \"true\")`), and enable debugging only in a development config or with `flask run --debug`"
            }
            None => {
                "set it to False (or read it from the environment) and enable debugging only in a development config or with `flask run --debug`"
            }
        };
        let diagnostic = checker.report(range, message, help.to_string());
        if unserved {
            diagnostic.severity = Some(Severity::Low);
        }
        if text_default.is_some() || default_variable.is_some() {
            continue;
        }
        diagnostic.fix = Some(Fix {
            description: "set it to False".to_string(),
            edits: vec![Edit {
                range,
                content: "False".to_string(),
            }],
            // Turns off the reloader and the in-browser tracebacks someone may rely on.
            applicability: Applicability::Unsafe,
        });
    }
}
