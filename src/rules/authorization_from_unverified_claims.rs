//! FL203 authorization-from-unverified-claims: an access decision (role, permission, group,
//! subject) made on JWT claims whose signature was never verified.
//!
//! Why: claims from `jwt.decode(..., options={"verify_signature": False})`,
//! `jose.jwt.get_unverified_claims` or a hand base64-decoded payload are whatever the client
//! wrote; `if claims["role"] == "admin"` on them is an admin switch anyone can flip.
//! Fix: decide only on claims from a verifying decode (key and `algorithms=`), e.g. the claims
//! the auth decorator already verified.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{Checker, Rule};
use crate::model::routes::{expr_contains, is_role_word, local_assignments, visit_stmts};

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

/// An unverified source inside `function`: its range and a description for the message.
fn unverified_sources(
    checker: &Checker<'_, '_>,
    function: &ast::StmtFunctionDef,
) -> Vec<(TextRange, String)> {
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
            ));
        }
    }
    let at = checker.file.at(None);
    crate::model::routes::any_expr(&function.body, &mut |expr| {
        if let Expr::Call(call) = expr {
            let qualified = model.qualified_name(&call.func, &at).unwrap_or_default();
            let line = checker.source.position(call.start()).line;
            if qualified.ends_with("get_unverified_claims") {
                sources.push((call.range(), format!("`{qualified}` at line {line}")));
            } else if qualified.ends_with("b64decode")
                && call.arguments.args.first().is_some_and(splits_on_dot)
            {
                sources.push((
                    call.range(),
                    format!("a hand base64-decoded token payload at line {line}"),
                ));
            }
        }
        false
    });
    sources
}

/// `token.split(".")[1]`: the payload segment of a JWT.
fn splits_on_dot(expr: &Expr) -> bool {
    expr_contains(expr, &mut |e| {
        let Expr::Call(call) = e else { return false };
        matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "split")
            && call
                .arguments
                .args
                .first()
                .is_some_and(|s| matches!(s, Expr::StringLiteral(l) if l.value.to_str() == "."))
    })
}

fn check_function(checker: &mut Checker<'_, '_>, function: &ast::StmtFunctionDef) {
    let sources = unverified_sources(checker, function);
    if sources.is_empty() {
        return;
    }
    let is_source = |e: &Expr| sources.iter().any(|(range, _)| e.range() == *range);
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
        let origin = sources.first().map(|(_, d)| d.clone()).unwrap_or_default();
        let text = checker.text(test).to_string();
        checker.report(
            test.range(),
            format!("`{text}` decides access on claims that were never verified ({origin}): anyone can write these claims into a token"),
            "decide only on claims from a verifying decode (the key and `algorithms=`), e.g. the claims your auth decorator verified".to_string(),
        );
    }
}
