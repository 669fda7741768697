//! Flask-Login's user loaders that admit administrators only.
//!
//! A `@login_manager.user_loader` decides who a session stands for; when every account it can
//! return is an administrator (wizarr's loader returns `AdminUser()` or an `AdminAccount` row,
//! domogik's returns the account only `if user.is_admin`), every caller `@login_required` admits
//! is an operator of the whole application. Ids in their URLs name what they manage, not another
//! user's data.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::for_each_def;
use crate::model::context::words;
use crate::source::SourceFile;

/// One Flask-Login loader (`user_loader`, `request_loader`, `header_loader`) and the accounts
/// its `return`s give, by the request paths they are given for.
pub struct Loader {
    /// Names the loader, for messages.
    pub phrase: String,
    returns: Vec<Given>,
}

/// An account a `return` gives (not `None`): whether it is an administrator, and for which
/// paths.
struct Given {
    administrator: bool,
    paths: PathScope,
}

/// The request paths a branch of a loader runs for: domogik's request loader gives the
/// `Anonymous` account only `if request.path.startswith('/rest/')`.
#[derive(Clone)]
enum PathScope {
    Any,
    Under(String),
    NotUnder(String),
}

impl PathScope {
    fn holds_for(&self, rule: &str) -> bool {
        match self {
            PathScope::Any => true,
            PathScope::Under(prefix) => rule.starts_with(prefix.as_str()),
            PathScope::NotUnder(prefix) => !rule.starts_with(prefix.as_str()),
        }
    }
}

impl Loader {
    /// For a route with `rule`: `Some(true)` when every account the loader may give its
    /// request is an administrator, `Some(false)` when one may not be, `None` when it gives
    /// none.
    pub fn admits_administrators_only(&self, rule: &str) -> Option<bool> {
        let mut given = self
            .returns
            .iter()
            .filter(|given| given.paths.holds_for(rule))
            .peekable();
        given.peek()?;
        Some(given.all(|given| given.administrator))
    }
}

/// The Flask-Login loaders a module registers.
pub fn loaders(file: &SourceFile) -> Vec<Loader> {
    if memchr::memmem::find(file.text.as_bytes(), b"_loader").is_none() {
        return Vec::new();
    }
    let mut loaders = Vec::new();
    for_each_def(&file.module().body, &mut |def| {
        if !def
            .decorator_list
            .iter()
            .any(|d| is_loader_decorator(&d.expression))
        {
            return;
        }
        let mut returns = Vec::new();
        let locals = super::local_assignments(&def.body);
        judge_returns(&def.body, false, &PathScope::Any, &locals, &mut returns);
        loaders.push(Loader {
            phrase: format!(
                "the login's user loader `{}` ({}:{}) returns administrator accounts only",
                def.name,
                file.display_path(),
                file.position(def.range().start()).line
            ),
            returns,
        });
    });
    loaders
}

/// `@login_manager.user_loader`, `@login.request_loader`: Flask-Login's registration decorators.
fn is_loader_decorator(decorator: &Expr) -> bool {
    matches!(decorator, Expr::Attribute(attribute)
        if matches!(attribute.attr.as_str(), "user_loader" | "request_loader" | "header_loader"))
}

/// Walks `body` (not into nested functions), `under_admin_test` while inside the body of an
/// `if` whose test asks whether something is an administrator, `paths` the request paths the
/// branch runs for.
fn judge_returns(
    body: &[Stmt],
    mut under_admin_test: bool,
    paths: &PathScope,
    locals: &[(&str, &Expr)],
    found: &mut Vec<Given>,
) {
    for stmt in body {
        // `if not user.is_admin: return None`: what follows runs for administrators only.
        if let Stmt::If(branch) = stmt
            && branch.elif_else_clauses.is_empty()
            && let Expr::UnaryOp(not) = branch.test.as_ref()
            && not.op == ast::UnaryOp::Not
            && asks_for_an_administrator(&not.operand)
            && branch.body.last().is_some_and(admits_nobody)
        {
            under_admin_test = true;
            continue;
        }
        match stmt {
            Stmt::Return(ret) => match ret.value.as_deref() {
                None | Some(Expr::NoneLiteral(_)) => {}
                Some(value) => found.push(Given {
                    administrator: under_admin_test
                        || names_an_administrator(value)
                        // bluelog's `user = Admin.query.get(int(user_id))` then `return user`.
                        || matches!(value, Expr::Name(name)
                            if super::assigned_once(locals, name.id.as_str())
                                .is_some_and(names_an_administrator)),
                    paths: paths.clone(),
                }),
            },
            Stmt::If(branch) => {
                let admin_test = asks_for_an_administrator(&branch.test);
                let prefix = path_prefix_test(&branch.test);
                let taken = match &prefix {
                    Some(prefix) => PathScope::Under(prefix.clone()),
                    None => paths.clone(),
                };
                judge_returns(
                    &branch.body,
                    under_admin_test || admin_test,
                    &taken,
                    locals,
                    found,
                );
                for clause in &branch.elif_else_clauses {
                    let clause_test = clause.test.as_ref().is_some_and(asks_for_an_administrator);
                    let other = match (&prefix, &clause.test) {
                        (Some(prefix), None) => PathScope::NotUnder(prefix.clone()),
                        _ => paths.clone(),
                    };
                    judge_returns(
                        &clause.body,
                        under_admin_test || clause_test,
                        &other,
                        locals,
                        found,
                    );
                }
            }
            Stmt::With(with) => judge_returns(&with.body, under_admin_test, paths, locals, found),
            Stmt::Try(try_) => {
                judge_returns(&try_.body, under_admin_test, paths, locals, found);
                for handler in &try_.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    judge_returns(&handler.body, under_admin_test, paths, locals, found);
                }
                judge_returns(&try_.orelse, under_admin_test, paths, locals, found);
                judge_returns(&try_.finalbody, under_admin_test, paths, locals, found);
            }
            Stmt::For(for_) => {
                judge_returns(&for_.body, under_admin_test, paths, locals, found);
                judge_returns(&for_.orelse, under_admin_test, paths, locals, found);
            }
            Stmt::While(while_) => {
                judge_returns(&while_.body, under_admin_test, paths, locals, found);
                judge_returns(&while_.orelse, under_admin_test, paths, locals, found);
            }
            _ => {}
        }
    }
}

/// `request.path.startswith("/rest/")`, `ucode(request.path).startswith('/api')`: the prefix
/// a test of the request's path asks for.
fn path_prefix_test(test: &Expr) -> Option<String> {
    let Expr::Call(call) = test else {
        return None;
    };
    let Expr::Attribute(method) = call.func.as_ref() else {
        return None;
    };
    if method.attr.as_str() != "startswith" {
        return None;
    }
    let reads_path = super::expr_contains(
        &method.value,
        &mut |e| matches!(e, Expr::Attribute(a) if a.attr.as_str() == "path"),
    );
    match call.arguments.args.first() {
        Some(Expr::StringLiteral(prefix)) if reads_path => Some(prefix.value.to_str().to_string()),
        _ => None,
    }
}

/// `return None`, `return`, `raise ...`: the end of a branch that gives no account.
fn admits_nobody(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Return(ret) => matches!(ret.value.as_deref(), None | Some(Expr::NoneLiteral(_))),
        Stmt::Raise(_) => true,
        _ => false,
    }
}

/// `user.is_admin`, `account.admin`, `user.role == "admin"`: a test that holds for
/// administrators (not its negation).
fn asks_for_an_administrator(test: &Expr) -> bool {
    match test {
        Expr::Attribute(attribute) => is_admin_word(attribute.attr.as_str()),
        Expr::Compare(compare) => {
            matches!(compare.ops.as_ref(), [ast::CmpOp::Eq | ast::CmpOp::Is])
                && compare.comparators.iter().any(|c| match c {
                    Expr::StringLiteral(s) => is_admin_word(s.value.to_str()),
                    Expr::Attribute(a) => is_admin_word(a.attr.as_str()),
                    Expr::BooleanLiteral(b) => b.value && asks_for_an_administrator(&compare.left),
                    _ => false,
                })
        }
        Expr::BoolOp(op) if op.op == ast::BoolOp::And => {
            op.values.iter().any(asks_for_an_administrator)
        }
        _ => false,
    }
}

/// `AdminUser()`, `db.session.get(AdminAccount, int(user_id))`,
/// `Administrator.query.get(user_id)`: a value built from a class named for administrators.
fn names_an_administrator(value: &Expr) -> bool {
    let Expr::Call(call) = value else {
        return false;
    };
    let mut callee = call.func.as_ref();
    loop {
        match callee {
            Expr::Name(name) if is_admin_class(name.id.as_str()) => return true,
            Expr::Attribute(attribute) => {
                if let Expr::Name(base) = attribute.value.as_ref()
                    && is_admin_class(base.id.as_str())
                {
                    return true;
                }
                callee = attribute.value.as_ref();
            }
            Expr::Call(inner) => callee = inner.func.as_ref(),
            _ => break,
        }
    }
    // `db.session.get(AdminAccount, ...)`: the class is the first argument.
    matches!(call.arguments.args.first(), Some(Expr::Name(name)) if is_admin_class(name.id.as_str()))
}

/// A class name made of words one of which is an administrator's (`AdminAccount`, `SuperUser`).
fn is_admin_class(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase()) && is_admin_word(name)
}

fn is_admin_word(name: &str) -> bool {
    let words = words(name);
    words
        .iter()
        .any(|w| matches!(w.as_str(), "admin" | "administrator" | "superuser"))
        || words
            .windows(2)
            .any(|pair| pair[0] == "super" && pair[1] == "user")
}

#[cfg(test)]
mod tests {
    use super::loaders;
    use crate::source::SourceFile;
    use std::path::PathBuf;

    /// What the module's only loader admits on `rule`.
    fn admits(text: &str, rule: &str) -> Option<bool> {
        let file =
            SourceFile::parse(PathBuf::from("auth.py"), text.as_bytes().to_vec()).expect("parses");
        let found = loaders(&file);
        assert_eq!(found.len(), 1, "one loader in {text}");
        found[0].admits_administrators_only(rule)
    }

    #[test]
    fn loaders_returning_administrator_classes_admit_administrators_only() {
        let text = "@login_manager.user_loader\ndef load_user(user_id):\n    if user_id == 'admin':\n        return AdminUser()\n    if user_id.isdigit():\n        return db.session.get(AdminAccount, int(user_id))\n    return None\n";
        assert_eq!(admits(text, "/settings"), Some(true));
        let file =
            SourceFile::parse(PathBuf::from("auth.py"), text.as_bytes().to_vec()).expect("parses");
        assert!(loaders(&file)[0].phrase.contains("`load_user` (auth.py:1)"));
    }

    #[test]
    fn loaders_returning_an_account_only_when_it_is_an_administrator() {
        let under_test = "@login_manager.user_loader\ndef load_user(uid):\n    with db.session_scope():\n        user = db.get_user_account(uid)\n        if user.is_admin:\n            return user\n        else:\n            return None\n";
        assert_eq!(admits(under_test, "/"), Some(true));
        let after_refusal = "@login.user_loader\ndef load(uid):\n    user = User.query.get(uid)\n    if not user.is_admin:\n        return None\n    return user\n";
        assert_eq!(admits(after_refusal, "/"), Some(true));
    }

    #[test]
    fn loaders_returning_any_account_admit_others() {
        assert_eq!(
            admits(
                "@login.user_loader\ndef load(uid):\n    return User.query.get(int(uid))\n",
                "/"
            ),
            Some(false)
        );
        // A test of the role that refuses nobody leaves the account returned after it anyone's.
        assert_eq!(
            admits(
                "@login.user_loader\ndef load(uid):\n    user = User.query.get(uid)\n    if not user.is_admin:\n        log(user)\n    return user\n",
                "/"
            ),
            Some(false)
        );
    }

    #[test]
    fn a_request_loader_for_some_paths_judges_those_paths_only() {
        // domogik: the REST paths get the `Anonymous` account, the others nobody.
        let text = "@login_manager.request_loader\ndef load_user_from_request(request):\n    if ucode(request.path).startswith('/rest/'):\n        user = db.get_user_account_by_login('Anonymous')\n        return user\n    else:\n        return None\n";
        assert_eq!(admits(text, "/rest/device/1"), Some(false));
        assert_eq!(admits(text, "/client/1"), None);
    }
}
