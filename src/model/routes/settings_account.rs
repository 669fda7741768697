//! Session logins that admit one account only: the operator's, whose credentials the settings
//! hold.
//!
//! A hotspot's admin panel (XpycTee/Hotspot: `/admin/auth` compares the form with
//! `current_app.config["ADMIN"]`, then stores `session["is_authenticated"] = True`; nothing else
//! stores that key) has no account table and no second account: every caller its session check
//! admits is the operator, so the check is the administrator check, and an id in a URL names
//! what the operator manages rather than another user's data. Decided per session key: every
//! store of a key the route's check tests must sit behind a comparison with a settings value, in
//! a function that looks up no stored record. One login that looks an account up, or one store
//! of the key anywhere else, and the key stands for many accounts.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::{EntryRead, any_expr, entry_read, expr_contains, is_flask_session};
use crate::model::value::string_literal;
use crate::source::SourceFile;

/// A `session[KEY] = value` storing something true, and whether it sits behind a comparison
/// with a settings value in a function that looks up no record: then how it reads, for
/// messages.
pub struct SessionStore {
    pub key: String,
    pub behind_settings: Option<String>,
}

/// Every store of a literal session key in `file`, by function (module-level code stores none
/// that a request runs).
pub fn session_stores(file: &SourceFile) -> Vec<SessionStore> {
    if memchr::memmem::find(file.text.as_bytes(), b"session[").is_none() {
        return Vec::new();
    }
    let mut stores = Vec::new();
    super::for_each_def(&file.module().body, &mut |def| {
        let mut found: Vec<(String, Vec<&Expr>)> = Vec::new();
        stores_in(&def.body, &mut Vec::new(), &mut found);
        if found.is_empty() {
            return;
        }
        let settings_names = settings_locals(file, def);
        let looks_up_records = looks_up_records(file.slice(def.range()));
        for (key, guards) in found {
            let behind_settings = (!looks_up_records)
                .then(|| {
                    guards
                        .iter()
                        .copied()
                        .find(|test| reads_settings(test, &settings_names))
                })
                .flatten()
                .map(|test| {
                    format!(
                        "`{}` ({}:{}) stores `session[\"{key}\"]` only after comparing with settings (`{}`)",
                        def.name,
                        file.display_path(),
                        file.position(def.name.start()).line,
                        crate::model::excerpt::short(file.slice(test.range()))
                    )
                });
            stores.push(SessionStore {
                key,
                behind_settings,
            });
        }
    });
    stores
}

/// The session keys a login check tests in `def` (and the wrapper it defines):
/// `session.get("is_authenticated")`, `session["user"]`, `"logged_in" in session`.
pub fn keys_tested(def: &ast::StmtFunctionDef) -> Vec<String> {
    let mut keys = Vec::new();
    any_expr(&def.body, &mut |expr| {
        let key = entry_read(expr)
            .filter(|entry| entry.how != EntryRead::Take && is_flask_session(entry.mapping))
            .and_then(|entry| entry.key)
            .and_then(string_literal);
        if let Some(key) = key
            && !keys.contains(&key)
        {
            keys.push(key);
        }
        false
    });
    keys
}

/// Collects `session["KEY"] = value` statements storing something true, each with the tests
/// that guard it: the `if` tests it sits inside (their true branch), and the tests of earlier
/// `if`s in the same block whose branch leaves the function (`if form != ADMIN: return ...`).
fn stores_in<'a>(
    body: &'a [Stmt],
    guards: &mut Vec<&'a Expr>,
    found: &mut Vec<(String, Vec<&'a Expr>)>,
) {
    let depth = guards.len();
    for stmt in body {
        match stmt {
            Stmt::Assign(assign) => {
                let stores_truth = !matches!(
                    assign.value.as_ref(),
                    Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: false, .. })
                        | Expr::NoneLiteral(_)
                );
                for target in &assign.targets {
                    if let Expr::Subscript(subscript) = target
                        && is_flask_session(&subscript.value)
                        && let Some(key) = string_literal(&subscript.slice)
                        && stores_truth
                    {
                        found.push((key, guards.clone()));
                    }
                }
            }
            Stmt::If(if_stmt) => {
                guards.push(&if_stmt.test);
                stores_in(&if_stmt.body, guards, found);
                guards.pop();
                // An `else` runs when the tests failed: they guard nothing there.
                for clause in &if_stmt.elif_else_clauses {
                    match &clause.test {
                        Some(test) => {
                            guards.push(test);
                            stores_in(&clause.body, guards, found);
                            guards.pop();
                        }
                        None => stores_in(&clause.body, guards, found),
                    }
                }
                if leaves(&if_stmt.body) {
                    guards.push(&if_stmt.test);
                }
            }
            Stmt::With(with) => stores_in(&with.body, guards, found),
            Stmt::Try(try_stmt) => {
                stores_in(&try_stmt.body, guards, found);
                stores_in(&try_stmt.orelse, guards, found);
            }
            _ => {}
        }
    }
    guards.truncate(depth);
}

/// Whether a branch ends by leaving the function: `return`, `raise`, `abort(...)`.
fn leaves(body: &[Stmt]) -> bool {
    match body.last() {
        Some(Stmt::Return(_) | Stmt::Raise(_)) => true,
        Some(Stmt::Expr(expr)) => matches!(expr.value.as_ref(), Expr::Call(call)
            if super::super::records::callee_last(&call.func) == Some("abort")),
        _ => false,
    }
}

/// Locals of `def` and module-level names of its file that hold a settings value
/// (`app_admin = current_app.config.get("ADMIN", {})`, `ADMIN_PASSWORD = os.environ[...]`).
fn settings_locals<'a>(file: &'a SourceFile, def: &'a ast::StmtFunctionDef) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    let module_level = file.module().body.iter().filter_map(|stmt| match stmt {
        Stmt::Assign(assign) => match assign.targets.as_slice() {
            [Expr::Name(name)] => Some((name.id.as_str(), assign.value.as_ref())),
            _ => None,
        },
        _ => None,
    });
    let locals = super::local_assignments(&def.body);
    for (name, value) in module_level.chain(locals) {
        if reads_settings(value, &[]) && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Whether `expr` reads a settings value: `app.config[...]`, `current_app.config.get(...)`,
/// `os.environ[...]`, `os.getenv(...)`, `settings.ADMIN_PASSWORD`, or a name holding one.
fn reads_settings(expr: &Expr, settings_names: &[&str]) -> bool {
    expr_contains(expr, &mut |e| match e {
        Expr::Attribute(attribute) => {
            matches!(attribute.attr.as_str(), "config" | "environ")
                || matches!(attribute.value.as_ref(), Expr::Name(n)
                    if matches!(n.id.as_str(), "settings" | "config" | "Config"))
        }
        Expr::Name(name) => {
            matches!(name.id.as_str(), "getenv" | "environ")
                || settings_names.contains(&name.id.as_str())
        }
        _ => false,
    })
}

/// Whether a function's text looks a stored record up (an ORM query, SQL, a document lookup):
/// its login then admits whichever account the record is.
fn looks_up_records(text: &str) -> bool {
    crate::model::context::contains_any_ignoring_case(
        text,
        &[
            ".query",
            "filter_by",
            "execute(",
            "find_one",
            "select(",
            "get_or_404",
            "objects.",
            "load_user",
            "get_user",
            "authenticate(",
        ],
    )
}
