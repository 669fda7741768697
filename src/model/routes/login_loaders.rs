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

/// The loaders of a module (`user_loader`, `request_loader`, `header_loader`) that admit
/// administrators only, with a phrase saying which, for messages; `None` when the module
/// registers no loader at all, `Some(empty)` when one of them admits other accounts too.
pub fn administrator_loaders(file: &SourceFile) -> Option<Vec<String>> {
    memchr::memmem::find(file.text.as_bytes(), b"_loader")?;
    let mut loaders = Vec::new();
    let mut admits_others = false;
    for_each_def(&file.module().body, &mut |def| {
        if !def
            .decorator_list
            .iter()
            .any(|d| is_loader_decorator(&d.expression))
        {
            return;
        }
        if admits_administrators_only(&def.body) {
            loaders.push(format!(
                "the login's user loader `{}` ({}:{}) returns administrator accounts only",
                def.name,
                file.display_path(),
                file.position(def.range().start()).line
            ));
        } else {
            admits_others = true;
        }
    });
    match (loaders.is_empty(), admits_others) {
        (true, false) => None,
        (_, true) => Some(Vec::new()),
        (false, false) => Some(loaders),
    }
}

/// `@login_manager.user_loader`, `@login.request_loader`: Flask-Login's registration decorators.
fn is_loader_decorator(decorator: &Expr) -> bool {
    matches!(decorator, Expr::Attribute(attribute)
        if matches!(attribute.attr.as_str(), "user_loader" | "request_loader" | "header_loader"))
}

/// Whether every `return` of a loader's body gives nothing or an administrator, and one gives
/// an administrator.
fn admits_administrators_only(body: &[Stmt]) -> bool {
    let mut verdict = Returns::default();
    judge_returns(body, false, &mut verdict);
    verdict.administrator && !verdict.other
}

#[derive(Default)]
struct Returns {
    administrator: bool,
    other: bool,
}

/// Walks `body` (not into nested functions), `under_admin_test` while inside the body of an
/// `if` whose test asks whether something is an administrator.
fn judge_returns(body: &[Stmt], mut under_admin_test: bool, verdict: &mut Returns) {
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
                Some(value) if under_admin_test || names_an_administrator(value) => {
                    verdict.administrator = true;
                }
                Some(_) => verdict.other = true,
            },
            Stmt::If(branch) => {
                let admin_test = asks_for_an_administrator(&branch.test);
                judge_returns(&branch.body, under_admin_test || admin_test, verdict);
                for clause in &branch.elif_else_clauses {
                    let clause_test = clause.test.as_ref().is_some_and(asks_for_an_administrator);
                    judge_returns(&clause.body, under_admin_test || clause_test, verdict);
                }
            }
            Stmt::With(with) => judge_returns(&with.body, under_admin_test, verdict),
            Stmt::Try(try_) => {
                judge_returns(&try_.body, under_admin_test, verdict);
                for handler in &try_.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    judge_returns(&handler.body, under_admin_test, verdict);
                }
                judge_returns(&try_.orelse, under_admin_test, verdict);
                judge_returns(&try_.finalbody, under_admin_test, verdict);
            }
            Stmt::For(for_) => {
                judge_returns(&for_.body, under_admin_test, verdict);
                judge_returns(&for_.orelse, under_admin_test, verdict);
            }
            Stmt::While(while_) => {
                judge_returns(&while_.body, under_admin_test, verdict);
                judge_returns(&while_.orelse, under_admin_test, verdict);
            }
            _ => {}
        }
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
    use super::administrator_loaders;
    use crate::source::SourceFile;
    use std::path::PathBuf;

    fn loaders(text: &str) -> Option<Vec<String>> {
        let file =
            SourceFile::parse(PathBuf::from("auth.py"), text.as_bytes().to_vec()).expect("parses");
        administrator_loaders(&file)
    }

    #[test]
    fn loaders_returning_administrator_classes_admit_administrators_only() {
        let found = loaders(
            "@login_manager.user_loader\ndef load_user(user_id):\n    if user_id == 'admin':\n        return AdminUser()\n    if user_id.isdigit():\n        return db.session.get(AdminAccount, int(user_id))\n    return None\n",
        )
        .expect("a loader");
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("`load_user` (auth.py:1)"), "{found:?}");
    }

    #[test]
    fn loaders_returning_an_account_only_when_it_is_an_administrator() {
        let found = loaders(
            "@login_manager.user_loader\ndef load_user(uid):\n    with db.session_scope():\n        user = db.get_user_account(uid)\n        if user.is_admin:\n            return user\n        else:\n            return None\n",
        );
        assert_eq!(found.map(|f| f.len()), Some(1));
    }

    #[test]
    fn loaders_returning_any_account_admit_others() {
        assert_eq!(
            loaders("@login.user_loader\ndef load(uid):\n    return User.query.get(int(uid))\n"),
            Some(Vec::new())
        );
        // The account returned before the administrator test, or after a test that refuses
        // nobody, may be anyone's.
        assert_eq!(
            loaders(
                "@login.user_loader\ndef load(uid):\n    user = User.query.get(uid)\n    if not user.is_admin:\n        log(user)\n    return user\n"
            ),
            Some(Vec::new())
        );
        assert_eq!(
            loaders(
                "@login.user_loader\ndef load(uid):\n    user = User.query.get(uid)\n    if not user.is_admin:\n        return None\n    return user\n"
            )
            .map(|f| f.len()),
            Some(1)
        );
        assert_eq!(loaders("def load(uid):\n    return AdminUser()\n"), None);
    }
}
