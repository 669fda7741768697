//! FL206 credential-check-admits-missing: a credential check that a request sending no
//! credential passes.
//!
//! Why: a credential read with `.get(...)` (a header, a cookie, a JSON body's key) is `None` when
//! the request leaves it out. Compared with a setting that is `None` while its environment
//! variable is unset, or used to find a row by a column that may be NULL (SQLAlchemy's
//! `api_key == None` is `api_key IS NULL`), the check passes for anyone who sends nothing.
//! The model (`model::open_credentials`) finds the read, the check the function decides on, and
//! the missing presence test; this rule words it.
//! Fix: refuse a missing credential first (`if not key: abort(401)`), refuse to start without the
//! expected key, compare with `hmac.compare_digest` (it raises on `None`).

use super::{Checker, Rule};
use crate::model::open_credentials::Against;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL206.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    let project = checker.project;
    let module = checker.file.module;
    for check in project
        .open_credential_checks()
        .iter()
        .filter(|check| check.module == module)
    {
        let read = match &check.read_in_caller {
            Some((caller_module, range, caller)) => {
                let file = project.model.modules[*caller_module].file;
                format!(
                    "`{}` (read by `{caller}`, {}:{}, and handed to `{}`)",
                    check.credential,
                    file.display_path(),
                    file.position(range.start()).line,
                    check.function
                )
            }
            None => format!("`{}`", check.credential),
        };
        let (message, help) = match &check.against {
            Against::Setting {
                read: setting,
                variable,
                written_at,
            } => {
                let unset = match (variable, written_at) {
                    (Some(variable), Some((written_module, range))) => {
                        let file = project.model.modules[*written_module].file;
                        format!(
                            "`{setting}` is `None` while `{variable}` is unset ({}:{})",
                            file.display_path(),
                            file.position(range.start()).line
                        )
                    }
                    (Some(variable), None) => {
                        format!("`{setting}` is `None` while `{variable}` is unset")
                    }
                    (None, Some((written_module, range))) => {
                        let file = project.model.modules[*written_module].file;
                        format!(
                            "`{setting}` is set to `None` ({}:{})",
                            file.display_path(),
                            file.position(range.start()).line
                        )
                    }
                    (None, None) => format!("`{setting}` may be `None`"),
                };
                (
                    format!(
                        "`{}` compares {read}, which is `None` when the request leaves it out, with a setting that may be `None` too: {unset}, and then a request sending no credential passes the check",
                        check.function
                    ),
                    "refuse a missing credential before comparing (`if not key: abort(401)`), refuse to serve the API when the expected key is not configured, and compare with `hmac.compare_digest`, which raises on `None`".to_string(),
                )
            }
            Against::Column { class, column } => (
                format!(
                    "`{}` looks up `{class}` by `{column}` = {read}, which is `None` when the request leaves it out; `{column}` may be NULL, and SQLAlchemy turns `{column} == None` into `{column} IS NULL`, so a request without the credential matches every `{class}` that has no `{column}`",
                    check.function
                ),
                format!(
                    "refuse a missing credential before the lookup (`if not value: abort(401)`), and make `{class}.{column}` `nullable=False` or filter on `{class}.{column}.isnot(None)`"
                ),
            ),
        };
        checker.report(check.range, message, help);
    }
}
