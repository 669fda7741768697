//! FL304 debug-mode-enabled: the Werkzeug debugger switched on outside a development config.
//!
//! Why: Flask's debug mode serves the interactive Werkzeug debugger on every error page; whoever
//! reaches it (or guesses / leaks its PIN) runs Python on the server. `app.run(debug=True)`,
//! `app.debug = True` and `DEBUG = True` in a production-selected config all turn it on.
//! Development and test configs (a class named like `DevelopmentConfig` / `TestingConfig` /
//! `LocalConfig`, a `dev`/`test` settings module, an `if app.testing:` branch) and test files are
//! not reported.
//! Fix: remove `debug=True`, set `DEBUG = False`, and drive debugging from the environment on
//! development machines (`flask run --debug`).

use ruff_text_size::Ranged;

use super::{Applicability, Checker, Edit, Fix, Rule, remove_list_element};
use crate::model::config::ConfigValue;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL304.md"),
    check,
};

fn truthy_literal(value: &ConfigValue) -> bool {
    matches!(value, ConfigValue::Literal(l) if l.value.truthy() == Some(true))
}

fn check(checker: &mut Checker<'_, '_>) {
    let config = &checker.project.config;
    let module = checker.file.module;
    if config.is_test_module(module) {
        return;
    }
    for run in config
        .server_runs
        .iter()
        .filter(|r| r.module == module && !r.dev_only && truthy_literal(&r.value))
    {
        let keyword = checker.source.slice(run.keyword).to_string();
        let shown = if run.siblings.len() > 1 {
            format!("{}(..., {keyword})", run.callee)
        } else {
            format!("{}({keyword})", run.callee)
        };
        let fix = remove_list_element(run.keyword, &run.siblings).map(|edit| Fix {
            description: format!("remove `{keyword}`"),
            edits: vec![edit],
            // Turns off the reloader and the in-browser tracebacks someone may rely on.
            applicability: Applicability::Unsafe,
        });
        checker
            .report(
                run.keyword,
                format!(
                    "`{shown}` starts the Werkzeug debugger: anyone who reaches an error page can run Python on the server"
                ),
                "remove `debug=True`; on a development machine use `flask run --debug` or read it from the environment".to_string(),
            )
            .fix = fix;
    }
    for entry in config
        .entries
        .iter()
        .filter(|e| e.module == module && e.key == "DEBUG" && !e.dev_only)
        .filter(|e| truthy_literal(&e.value))
    {
        let range = entry.expr.range();
        checker
            .report(
                range,
                format!(
                    "`{}` turns on debug mode outside a development config: the Werkzeug debugger lets anyone who reaches an error page run Python on the server",
                    entry.display
                ),
                "set it to False (or read it from the environment) and enable debugging only in a development config or with `flask run --debug`".to_string(),
            )
            .fix = Some(Fix {
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
