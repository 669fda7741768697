//! FL203 authorization-from-unverified-claims: an access decision (role, permission, group,
//! subject) made on JWT claims whose signature was never verified.
//!
//! Why: claims from `jwt.decode(..., options={"verify_signature": False})`,
//! `jose.jwt.get_unverified_claims` or a hand base64-decoded payload are whatever the client
//! wrote; `if claims["role"] == "admin"` on them is an admin switch anyone can flip.
//! Fix: decide only on claims from a verifying decode (key and `algorithms=`), e.g. the claims
//! the auth decorator already verified. Claims read unverified from a token that every route or
//! caller the function runs under has verified first are not reported.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{Checker, Rule};
use crate::model::routes::{
    any_expr, expr_contains, is_role_word, local_assignments, reads_authorization_header,
    visit_stmts,
};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL203.md"),
    check,
};

/// Claim names that carry an access decision besides roles.
fn is_identity_claim(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "sub"
            | "user_id"
            | "userid"
            | "uid"
            | "username"
            | "user"
            | "email"
            | "tenant"
            | "tenant_id"
            | "org"
            | "org_id"
            | "owner"
            | "account_id"
    )
}

fn check(checker: &mut Checker<'_, '_>) {
    let module = checker.source.module();
    let mut functions: Vec<&ast::StmtFunctionDef> = Vec::new();
    visit_stmts(&module.body, &mut |stmt| {
        if let Stmt::FunctionDef(def) = stmt {
            functions.push(def);
        }
    });
    for function in functions {
        check_function(checker, function);
    }
}

/// An unverified source inside `function`: its range, a description for the message, and the
/// token it reads.
fn unverified_sources<'a>(
    checker: &Checker<'_, 'a>,
    function: &'a ast::StmtFunctionDef,
) -> Vec<(TextRange, String, Option<&'a Expr>)> {
    let model = &checker.project.model;
    let mut sources = Vec::new();
    for call in checker.decode_calls() {
        if function.range().contains_range(call.call.range())
            && call.signature_disabled(model, checker.file).is_some()
            && !checker.verified_later_in_same_function(call)
        {
            let line = checker.source.position(call.call.start()).line;
            sources.push((
                call.call.range(),
                format!("`{}` with verification off at line {line}", call.callee),
                call.call.arguments.args.first(),
            ));
        }
    }
    for fact in checker.file.calls.in_body(function) {
        let Some(qualified) = fact.callee else {
            continue;
        };
        let call = fact.call;
        if qualified.ends_with("get_unverified_claims") {
            let line = checker.source.position(call.start()).line;
            sources.push((
                call.range(),
                format!("`{qualified}` at line {line}"),
                call.arguments.args.first(),
            ));
        } else if qualified.ends_with("b64decode")
            && let Some(token) = call.arguments.args.first().and_then(split_token)
        {
            let line = checker.source.position(call.start()).line;
            sources.push((
                call.range(),
                format!("a hand base64-decoded token payload at line {line}"),
                Some(token),
            ));
        }
    }
    sources
}

/// `token.split(".")[1]`: the payload segment of a JWT; the token split.
fn split_token(expr: &Expr) -> Option<&Expr> {
    let mut token = None;
    expr_contains(expr, &mut |e| {
        let Expr::Call(call) = e else { return false };
        if let Expr::Attribute(a) = call.func.as_ref()
            && a.attr.as_str() == "split"
            && call
                .arguments
                .args
                .first()
                .is_some_and(|s| matches!(s, Expr::StringLiteral(l) if l.value.to_str() == "."))
        {
            token = Some(a.value.as_ref());
            return true;
        }
        false
    });
    token
}

fn check_function(checker: &mut Checker<'_, '_>, function: &ast::StmtFunctionDef) {
    let mut sources = unverified_sources(checker, function);
    // Claims read unverified from a token that every caller has already verified grant
    // nothing new: the decorator checked the same bytes.
    sources.retain(|(_, _, token)| {
        !token.is_some_and(|token| {
            let origin = token_origin(checker, checker.file.module, function, token, 0);
            verified_everywhere(checker, checker.file.module, function, &origin, 0)
        })
    });
    if sources.is_empty() {
        return;
    }
    let is_source = |e: &Expr| sources.iter().any(|(range, _, _)| e.range() == *range);
    let mut tainted: Vec<&str> = Vec::new();
    let assignments = local_assignments(&function.body);
    // A name is unverified only when every assignment makes it so: `id_token` decoded with
    // verification in one branch and without in another depends on configuration.
    for _ in 0..3 {
        for (name, _) in &assignments {
            if tainted.contains(name) {
                continue;
            }
            let all_unverified =
                assignments
                    .iter()
                    .filter(|(other, _)| other == name)
                    .all(|(_, value)| {
                        expr_contains(value, &mut |e| {
                            is_source(e)
                                || matches!(e, Expr::Name(n) if tainted.contains(&n.id.as_str()))
                        })
                    });
            if all_unverified {
                tainted.push(name);
            }
        }
    }
    let mut tests: Vec<&Expr> = Vec::new();
    visit_stmts(&function.body, &mut |stmt| match stmt {
        Stmt::If(stmt) => {
            tests.push(&stmt.test);
            tests.extend(
                stmt.elif_else_clauses
                    .iter()
                    .filter_map(|c| c.test.as_ref()),
            );
        }
        Stmt::Assert(stmt) => tests.push(&stmt.test),
        Stmt::While(stmt) => tests.push(&stmt.test),
        _ => {}
    });
    for test in tests {
        let uses_unverified = expr_contains(test, &mut |e| {
            is_source(e) || matches!(e, Expr::Name(n) if tainted.contains(&n.id.as_str()))
        });
        let decides_access = expr_contains(test, &mut |e| match e {
            Expr::StringLiteral(s) => {
                is_role_word(s.value.to_str()) || is_identity_claim(s.value.to_str())
            }
            Expr::Attribute(a) => is_role_word(a.attr.as_str()),
            _ => false,
        });
        // `claim != tenant`: an unverified value compared with something the request names.
        let compares_unverified = expr_contains(test, &mut |e| {
            let Expr::Compare(compare) = e else {
                return false;
            };
            let operands: Vec<&Expr> = std::iter::once(compare.left.as_ref())
                .chain(compare.comparators.iter())
                .collect();
            let tainted_operand = |o: &&Expr| {
                expr_contains(
                    o,
                    &mut |x| matches!(x, Expr::Name(n) if tainted.contains(&n.id.as_str())),
                )
            };
            operands.iter().any(tainted_operand)
                && operands.iter().any(|o| {
                    !tainted_operand(o)
                        && !matches!(
                            o,
                            Expr::StringLiteral(_)
                                | Expr::NumberLiteral(_)
                                | Expr::NoneLiteral(_)
                                | Expr::BooleanLiteral(_)
                        )
                })
        });
        if !(uses_unverified && (decides_access || compares_unverified)) {
            continue;
        }
        let origin = sources
            .first()
            .map(|(_, d, _)| d.clone())
            .unwrap_or_default();
        let text = checker.text(test).to_string();
        checker.report(
            test.range(),
            format!("`{text}` decides access on claims that were never verified ({origin}): anyone can write these claims into a token"),
            "decide only on claims from a verifying decode (the key and `algorithms=`), e.g. the claims your auth decorator verified".to_string(),
        );
    }
}

/// Where the token an unverified read decodes comes from.
#[derive(Debug)]
enum TokenOrigin {
    /// The request's `Authorization` header (directly, cut from it, or through a project helper
    /// that reads it): the token a route's authentication verifies.
    Header,
    /// A parameter of the function: whatever its callers pass.
    Parameter(usize, String),
    Unknown,
}

fn token_origin(
    checker: &Checker<'_, '_>,
    module: usize,
    function: &ast::StmtFunctionDef,
    token: &Expr,
    depth: usize,
) -> TokenOrigin {
    if depth > 4 {
        return TokenOrigin::Unknown;
    }
    let is_request = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == "request");
    let names_authorization = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str().eq_ignore_ascii_case("authorization"));
    // `request.authorization`, `request.headers["Authorization"]`,
    // `request.headers.get("Authorization", "")`: the expression itself, not one inside it.
    let request_headers = |e: &Expr| matches!(e, Expr::Attribute(a) if a.attr.as_str() == "headers" && is_request(&a.value));
    let reads_header_of_request = |e: &Expr| match e {
        Expr::Attribute(a) => a.attr.as_str() == "authorization" && is_request(&a.value),
        Expr::Subscript(s) => names_authorization(&s.slice) && request_headers(&s.value),
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "get" && request_headers(&a.value))
                && call.arguments.args.first().is_some_and(names_authorization)
        }
        _ => false,
    };
    match token {
        _ if reads_header_of_request(token) => TokenOrigin::Header,
        Expr::Name(name) => {
            let id = name.id.as_str();
            if let Some(index) = function
                .parameters
                .iter_non_variadic_params()
                .position(|p| p.parameter.name.as_str() == id)
            {
                return TokenOrigin::Parameter(index, id.to_string());
            }
            let assignments = local_assignments(&function.body);
            let origins: Vec<TokenOrigin> = assignments
                .iter()
                .filter(|(target, _)| *target == id)
                .map(|(_, value)| token_origin(checker, module, function, value, depth + 1))
                .collect();
            match origins.as_slice() {
                [TokenOrigin::Header, ..]
                    if origins.iter().all(|o| matches!(o, TokenOrigin::Header)) =>
                {
                    TokenOrigin::Header
                }
                [TokenOrigin::Parameter(index, name)] => {
                    TokenOrigin::Parameter(*index, name.clone())
                }
                _ => TokenOrigin::Unknown,
            }
        }
        Expr::Subscript(subscript) => {
            token_origin(checker, module, function, &subscript.value, depth + 1)
        }
        Expr::Call(call) => match call.func.as_ref() {
            // `auth.split(" ")[1]`, `auth.replace("Bearer ", "")`
            Expr::Attribute(a)
                if matches!(
                    a.attr.as_str(),
                    "split"
                        | "replace"
                        | "removeprefix"
                        | "strip"
                        | "lstrip"
                        | "partition"
                        | "encode"
                ) =>
            {
                token_origin(checker, module, function, &a.value, depth + 1)
            }
            // A project helper that reads the header: `bearer()`.
            callee if call.arguments.args.is_empty() => {
                let project = checker.project;
                let context = project.routes.context(&project.model, &project.files);
                match context
                    .qualified(module, callee)
                    .and_then(|q| context.function_for(module, &q))
                {
                    Some((_, helper)) if reads_authorization_header(&helper.body) => {
                        TokenOrigin::Header
                    }
                    _ => TokenOrigin::Unknown,
                }
            }
            _ => TokenOrigin::Unknown,
        },
        _ => TokenOrigin::Unknown,
    }
}

/// Decorators of third-party libraries that verify the bearer token of the request.
const TOKEN_VERIFYING_DECORATORS: &[&str] = &[
    "flask_jwt_extended.jwt_required",
    "flask_jwt_extended.fresh_jwt_required",
    "flask_jwt_extended.view_decorators.jwt_required",
    "flask_jwt.jwt_required",
    "flask_praetorian.auth_required",
    "flask_praetorian.roles_required",
    "flask_praetorian.roles_accepted",
    "flask_security.auth_token_required",
];

/// Whether every way `function` runs has the token of `origin` verified first: as a route
/// handler under authentication that verifies the request's token, or, for a helper, at every
/// call site in its application, where the caller runs so or verifies the token it passes.
/// Callers that cannot be found leave it unverified.
fn verified_everywhere(
    checker: &Checker<'_, '_>,
    module: usize,
    function: &ast::StmtFunctionDef,
    origin: &TokenOrigin,
    depth: usize,
) -> bool {
    if depth > 3 || matches!(origin, TokenOrigin::Unknown) {
        return false;
    }
    let project = checker.project;
    let context = project.routes.context(&project.model, &project.files);
    let handled: Vec<_> = project
        .routes
        .routes
        .iter()
        .filter(|r| r.module == module && std::ptr::eq(r.handler, function))
        .collect();
    if !handled.is_empty() {
        return matches!(origin, TokenOrigin::Header)
            && handled.iter().all(|route| {
                route.authentication.is_some()
                    && route.decorators.iter().any(|decorator| {
                        let callee = match decorator {
                            Expr::Call(call) => call.func.as_ref(),
                            other => other,
                        };
                        let Some(qualified) = context.qualified(route.module, callee) else {
                            return false;
                        };
                        TOKEN_VERIFYING_DECORATORS
                            .iter()
                            .any(|known| qualified.starts_with(known))
                            || context
                                .function_for(route.module, &qualified)
                                .is_some_and(|(m, def)| context.verifies_token(m, def))
                    })
            });
    }
    // A helper: find every call of it in its application.
    let mut callers: Vec<(usize, &ast::StmtFunctionDef, &ast::ExprCall)> = Vec::new();
    let mut referenced_otherwise = false;
    for file in &project.files {
        if !project.apps.share(file.module, module) {
            continue;
        }
        let body = &project.model.modules[file.module].file.module().body;
        let mut defs: Vec<&ast::StmtFunctionDef> = Vec::new();
        visit_stmts(body, &mut |stmt| {
            if let Stmt::FunctionDef(def) = stmt {
                defs.push(def);
            }
        });
        for def in defs {
            let mut calls: Vec<&ast::ExprCall> = Vec::new();
            let mut names: usize = 0;
            any_expr(&def.body, &mut |e| {
                match e {
                    Expr::Call(call) => calls.push(call),
                    Expr::Name(n) if n.id.as_str() == function.name.as_str() => names += 1,
                    _ => {}
                }
                false
            });
            let mut direct = 0;
            for call in calls {
                let target = context
                    .qualified(file.module, &call.func)
                    .and_then(|q| context.function_for(file.module, &q));
                if target.is_some_and(|(m, f)| m == module && std::ptr::eq(f, function)) {
                    // Only the innermost function holding the call is its caller.
                    let nested = {
                        let mut inner = false;
                        visit_stmts(&def.body, &mut |stmt| {
                            if let Stmt::FunctionDef(n) = stmt
                                && n.range().contains_range(call.range())
                            {
                                inner = true;
                            }
                        });
                        inner
                    };
                    if !nested {
                        callers.push((file.module, def, call));
                    }
                    direct += 1;
                }
            }
            // `helper` passed around as a value: its callers are unknown.
            if names > direct {
                referenced_otherwise = true;
            }
        }
    }
    if callers.is_empty() || referenced_otherwise {
        return false;
    }
    callers
        .into_iter()
        .all(|(caller_module, caller, call)| match origin {
            TokenOrigin::Header => {
                runs_verified(checker, caller_module, caller, &TokenOrigin::Header, depth)
            }
            TokenOrigin::Parameter(index, name) => {
                let argument = call.arguments.args.get(*index).or_else(|| {
                    call.arguments
                        .keywords
                        .iter()
                        .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
                        .map(|k| &k.value)
                });
                let Some(argument) = argument else {
                    return false;
                };
                if matches!(argument, Expr::Starred(_)) {
                    return false;
                }
                // The caller verified this very value: `jwt.decode(token, KEY, algorithms=[...])`.
                let text = checker_text(project, caller_module, argument);
                let verified_here = project.files[caller_module].jwt_calls.iter().any(|c| {
                    c.operation == crate::model::jwt::Operation::Decode
                        && caller.range().contains_range(c.call.range())
                        && c.call
                            .arguments
                            .args
                            .first()
                            .is_some_and(|t| checker_text(project, caller_module, t) == text)
                        && c.signature_disabled(&project.model, &project.files[caller_module])
                            .is_none()
                });
                verified_here || {
                    let origin = token_origin(checker, caller_module, caller, argument, 0);
                    runs_verified(checker, caller_module, caller, &origin, depth)
                }
            }
            TokenOrigin::Unknown => false,
        })
}

/// A caller runs with the token verified: it verifies the header's token itself (a decorator's
/// wrapper that decodes before calling on), or every way it runs does.
fn runs_verified(
    checker: &Checker<'_, '_>,
    module: usize,
    caller: &ast::StmtFunctionDef,
    origin: &TokenOrigin,
    depth: usize,
) -> bool {
    let project = checker.project;
    let context = project.routes.context(&project.model, &project.files);
    (matches!(origin, TokenOrigin::Header)
        && reads_authorization_header(&caller.body)
        && context.verifies_token(module, caller))
        || verified_everywhere(checker, module, caller, origin, depth + 1)
}

fn checker_text<'a>(project: &crate::model::Project<'a>, module: usize, expr: &Expr) -> &'a str {
    project.model.modules[module].file.slice(expr.range())
}
