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
use ruff_text_size::Ranged;

use super::{Checker, Rule};
use crate::model::claims::{TokenOrigin, UnverifiedSource, tainted_names, token_origin};
use crate::model::routes::{
    any_expr, expr_contains, is_role_word, reads_authorization_header, visit_stmts,
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

fn check_function(checker: &mut Checker<'_, '_>, function: &ast::StmtFunctionDef) {
    let module = checker.file.module;
    let mut sources: Vec<UnverifiedSource> = checker
        .project
        .claim_summaries()
        .sources_in(module, function)
        .to_vec();
    // Claims read unverified from a token that every caller has already verified grant
    // nothing new: the decorator checked the same bytes.
    sources.retain(|source| !verified_everywhere(checker, module, function, &source.token, 0));
    if sources.is_empty() {
        return;
    }
    let is_source = |e: &Expr| sources.iter().any(|source| e.range() == source.range);
    let tainted = tainted_names(function, &sources);
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
            .map(|source| source.description.clone())
            .unwrap_or_default();
        let text = checker.text(test).to_string();
        checker.report(
            test.range(),
            format!("`{text}` decides access on claims that were never verified ({origin}): anyone can write these claims into a token"),
            "decide only on claims from a verifying decode (the key and `algorithms=`), e.g. the claims your auth decorator verified".to_string(),
        );
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
                    let origin = token_origin(&context, caller_module, caller, argument, 0);
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
