//! Whether a `before_request` hook refuses a request that carries no credential at all, and no
//! login either.
//!
//! Authentication means refusing: a hook that verifies a token *when one is sent* and otherwise
//! lets the request through as anonymous (aleph's `setup_request`, which falls back to
//! `Authz.from_role(role=None)`) authenticates nobody; the routes behind it decide for
//! themselves. The hook is read as the path a credential-less request takes through it: the
//! bodies of `if`s that hold only when a credential was sent (`if "Authorization" in
//! request.headers:`, `if token:` after `token = request.headers.get(...)`) or only for a
//! logged-in user (`if current_user.is_authenticated:`, SystemGuard's password-expiry redirect)
//! are left out, and an `if not token: return` that lets the request go ends the path. What is left refuses when it
//! raises, aborts, answers 401/403 or anything else from the hook itself (Flask sends what a
//! `before_request` hook returns instead of running the view), decodes a token, calls a known
//! verifier, or calls a project function whose own path refuses. Refusals that are not about
//! the caller (a rate limit's `TooManyRequests`, `NotFound`, `abort(404)`) do not count.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::FxHashSet as HashSet;

use super::{
    AuthContext, MAX_CALL_DEPTH, allows_anonymous, any_expr, branch_refuses, expr_contains,
    has_login, if_clauses, is_known_verifier, local_assignments,
};

impl<'a> AuthContext<'_, 'a> {
    /// Whether running the hook `def` can refuse a request that sends no credential.
    pub fn refuses_without_credential(&self, module: usize, def: &'a ast::StmtFunctionDef) -> bool {
        self.path_refuses(module, def, 0, &mut HashSet::default())
    }

    fn path_refuses(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        depth: usize,
        seen: &mut HashSet<TextRange>,
    ) -> bool {
        if depth > MAX_CALL_DEPTH || !seen.insert(def.range()) {
            return false;
        }
        let assignments = local_assignments(&def.body);
        let mut path = Path::default();
        path.collect(&def.body, &assignments);
        let decodes: Vec<TextRange> = self.decodes(module, def).map(|c| c.call.range()).collect();
        let within = |range: TextRange| decodes.iter().any(|d| range.contains_range(*d));
        for stmt in &path.statements {
            let refuses = match stmt {
                Stmt::Raise(raise) => raise.exc.as_deref().is_none_or(refusal_exception),
                // What the hook itself returns is the response; a helper's return is only a
                // value, a refusal when it is one (`return jsonify(...), 401`).
                Stmt::Return(ret) if depth == 0 => ret
                    .value
                    .as_deref()
                    .is_some_and(|v| !matches!(v, Expr::NoneLiteral(_))),
                Stmt::Return(_) => branch_refuses(std::slice::from_ref(*stmt)),
                _ => false,
            };
            if refuses || within(stmt.range()) {
                return true;
            }
        }
        let mut callees: Vec<&'a Expr> = Vec::new();
        let mut refused = false;
        let mut note_call = |e: &'a Expr| {
            if let Expr::Call(call) = e {
                refused |= refusing_call(call);
                if !allows_anonymous(e) {
                    callees.push(call.func.as_ref());
                }
            }
            false
        };
        for stmt in &path.statements {
            any_expr(std::slice::from_ref(*stmt), &mut note_call);
        }
        for test in &path.tests {
            expr_contains(test, &mut note_call);
        }
        if refused || path.tests.iter().any(|t| within(t.range())) {
            return true;
        }
        callees.into_iter().any(|callee| {
            self.callee_reaches(module, def, callee, &is_known_verifier, &mut |m, target| {
                self.path_refuses(m, target, depth + 1, seen)
            })
        })
    }
}

/// The statements a request without a credential runs through, and the tests it evaluates.
#[derive(Default)]
struct Path<'a> {
    /// Simple statements (compound ones contribute their bodies and their header expressions).
    statements: Vec<&'a Stmt>,
    /// `if` and loop tests, `with` items, `for` iterables: expressions evaluated on the way.
    tests: Vec<&'a Expr>,
}

impl<'a> Path<'a> {
    /// Walks `body`; returns `false` when the request leaves the function on the way (an `if not
    /// token: return` that refuses nothing), so that the caller stops too.
    fn collect(&mut self, body: &'a [Stmt], assignments: &[(&str, &'a Expr)]) -> bool {
        for stmt in body {
            match stmt {
                Stmt::If(branch) => {
                    for (test, clause) in if_clauses(branch) {
                        if let Some(test) = test {
                            self.tests.push(test);
                            if credential_present(test, assignments) {
                                continue;
                            }
                        }
                        let continues = self.collect(clause, assignments);
                        let absent = test.is_some_and(|t| credential_absent(t, assignments));
                        if absent && !continues {
                            // Everything after this `if` runs only with a credential.
                            return false;
                        }
                    }
                }
                Stmt::Return(_) => {
                    self.statements.push(stmt);
                    return false;
                }
                Stmt::For(stmt) => {
                    self.tests.push(&stmt.iter);
                    self.collect(&stmt.body, assignments);
                    self.collect(&stmt.orelse, assignments);
                }
                Stmt::While(stmt) => {
                    self.tests.push(&stmt.test);
                    self.collect(&stmt.body, assignments);
                    self.collect(&stmt.orelse, assignments);
                }
                Stmt::With(stmt) => {
                    self.tests
                        .extend(stmt.items.iter().map(|item| &item.context_expr));
                    if !self.collect(&stmt.body, assignments) {
                        return false;
                    }
                }
                Stmt::Try(stmt) => {
                    let continues = self.collect(&stmt.body, assignments);
                    for handler in &stmt.handlers {
                        let ast::ExceptHandler::ExceptHandler(handler) = handler;
                        self.collect(&handler.body, assignments);
                    }
                    self.collect(&stmt.orelse, assignments);
                    self.collect(&stmt.finalbody, assignments);
                    if !continues && stmt.handlers.is_empty() {
                        return false;
                    }
                }
                Stmt::Match(stmt) => {
                    self.tests.push(&stmt.subject);
                    for case in &stmt.cases {
                        self.collect(&case.body, assignments);
                    }
                }
                // Nested functions run only when called; classes are not hooks' business.
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                _ => self.statements.push(stmt),
            }
        }
        true
    }
}

/// A test that holds only when the request sent a credential: `"Authorization" in
/// request.headers`, `token` / `token is not None` / `len(token)` for a local read from the
/// request, or an `and` with one such operand.
fn credential_present(test: &Expr, assignments: &[(&str, &Expr)]) -> bool {
    // `if current_user.is_authenticated:`, `if g.user:`, `if "user_id" in session:`: what
    // follows concerns a caller who has logged in.
    if has_login(test) {
        return true;
    }
    match test {
        Expr::BoolOp(op) if op.op == ast::BoolOp::And => op
            .values
            .iter()
            .any(|value| credential_present(value, assignments)),
        Expr::Compare(compare) if compare.ops.len() == 1 => {
            let right = &compare.comparators[0];
            match compare.ops[0] {
                ast::CmpOp::In => request_collection(right),
                ast::CmpOp::IsNot | ast::CmpOp::NotEq => {
                    matches!(right, Expr::NoneLiteral(_))
                        && credential_value(&compare.left, assignments)
                }
                _ => false,
            }
        }
        Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "len") => {
            call.arguments
                .args
                .first()
                .is_some_and(|arg| credential_value(arg, assignments))
        }
        other => credential_value(other, assignments),
    }
}

/// A test that holds when the request sent no credential: `not token`, `token is None`,
/// `"Authorization" not in request.headers`, or an `or` with one such operand.
fn credential_absent(test: &Expr, assignments: &[(&str, &Expr)]) -> bool {
    match test {
        Expr::BoolOp(op) if op.op == ast::BoolOp::Or => op
            .values
            .iter()
            .any(|value| credential_absent(value, assignments)),
        Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => {
            credential_present(&op.operand, assignments)
        }
        Expr::Compare(compare) if compare.ops.len() == 1 => {
            let right = &compare.comparators[0];
            match compare.ops[0] {
                ast::CmpOp::NotIn => request_collection(right),
                ast::CmpOp::Is | ast::CmpOp::Eq => {
                    matches!(right, Expr::NoneLiteral(_))
                        && credential_value(&compare.left, assignments)
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// `request.headers`, `request.args`, `request.cookies`, ...: where a credential is sent.
fn request_collection(expr: &Expr) -> bool {
    matches!(expr, Expr::Attribute(a)
        if matches!(a.attr.as_str(), "headers" | "args" | "values" | "form" | "cookies" | "environ")
            && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request"))
}

/// A value read from the request's credential carriers, directly or through a local name
/// (`token = request.headers.get("Authorization")`).
fn credential_value(expr: &Expr, assignments: &[(&str, &Expr)]) -> bool {
    let read = |e: &Expr| match e {
        Expr::Call(call) => matches!(call.func.as_ref(), Expr::Attribute(a)
            if a.attr.as_str() == "get" && request_collection(&a.value)),
        Expr::Subscript(subscript) => request_collection(&subscript.value),
        Expr::Attribute(a) => {
            a.attr.as_str() == "authorization"
                && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request")
        }
        _ => false,
    };
    match expr {
        Expr::Name(name) => assignments
            .iter()
            .filter(|(bound, _)| *bound == name.id.as_str())
            .any(|(_, value)| read(value)),
        other => read(other),
    }
}

/// A raised exception that refuses the caller: anything but the answers that are not about
/// who calls (a rate limit, a missing page, a malformed request, a cache hit).
fn refusal_exception(exception: &Expr) -> bool {
    let called = match exception {
        Expr::Call(call) => call.func.as_ref(),
        other => other,
    };
    let name = match called {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => return true,
    };
    ![
        "TooMany",
        "RateLimit",
        "NotFound",
        "BadRequest",
        "NotModified",
        "NotAllowed",
        "TooLarge",
        "Unavailable",
    ]
    .iter()
    .any(|word| name.contains(word))
}

/// `abort(401)`, `abort(status)`, `login_manager.unauthorized()`: a call that refuses. An
/// `abort` with a status that is not about the caller (`abort(404)`, `abort(429)`) is not.
pub(super) fn refusing_call(call: &ast::ExprCall) -> bool {
    match call.func.as_ref() {
        Expr::Name(name) if name.id.as_str() == "abort" => {
            !matches!(call.arguments.args.first(), Some(Expr::NumberLiteral(n))
                if matches!(&n.value, ast::Number::Int(i)
                    if i.as_u64().is_some_and(|code| code != 401 && code != 403)))
        }
        Expr::Attribute(attribute) => attribute.attr.as_str() == "unauthorized",
        _ => false,
    }
}
