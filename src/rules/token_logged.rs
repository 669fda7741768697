//! FL403 token-logged: a bearer token, the `Authorization` header or the whole request headers
//! written to a log or to standard output.
//!
//! Why: logs are copied to aggregators, tickets and laptops, kept for months and read by many
//! more people than the API's users; a token in them is a working credential until it expires
//! (a refresh token, for weeks) (CWE-532).
//! Fix: log a request id, the user id or the token's `jti`, never the token; the fix replaces the
//! token argument with a placeholder.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::exception_details_in_response::is_logging_call;
use super::{Checker, Edit, Fix, Rule};
use crate::model::routes::{any_expr, expr_contains, local_assignments, visit_stmts};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL403.md"),
    check,
};

/// Words of an identifier: `accessToken`, `access_token` are `access`, `token`.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' || c.is_ascii_digit() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase();
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// A name that holds a token or the `Authorization` header: `token`, `access_token`,
/// `auth_header`, `bearer`, `encoded_jwt`. Not `token_type`, `decoded_token`, `token_id`, ...
fn names_a_token(name: &str) -> bool {
    let words = words(name);
    let has = |w: &str| words.iter().any(|x| x == w);
    let tokenish = has("token")
        || has("bearer")
        || has("authorization")
        || (has("auth") && has("header"))
        || (has("jwt") && (has("encoded") || has("raw") || has("string") || has("str")));
    const NOT_THE_TOKEN: &[&str] = &[
        "id",
        "ids",
        "type",
        "types",
        "expired",
        "expires",
        "expiry",
        "exp",
        "count",
        "len",
        "length",
        "name",
        "names",
        "url",
        "uri",
        "endpoint",
        "blacklist",
        "blocklist",
        "blacklisted",
        "revoked",
        "decoded",
        "payload",
        "claims",
        "claim",
        "data",
        "identity",
        "valid",
        "is",
        "has",
        "required",
        "location",
        "locations",
        "manager",
        "error",
        "errors",
        "model",
        "class",
        "hash",
        "hashed",
        "digest",
        "fingerprint",
        "prefix",
        "scheme",
        "kind",
        "status",
        "info",
        "jti",
        "ttl",
        "age",
        "key",
        "secret",
        "user",
        "verified",
        "header",
        "headers",
    ];
    // `auth_header` is the header; `token_header` is the JWT's decoded header.
    let excluded = words
        .iter()
        .any(|w| NOT_THE_TOKEN.contains(&w.as_str()) && !(w == "header" && has("auth")));
    tokenish && !excluded
}

/// `create_access_token(...)`, `issue_password_reset_token(user)`, `get_token()`: a call whose name
/// says it returns a token.
fn mints_a_token(func: &Expr) -> bool {
    let name = match func {
        Expr::Name(n) => n.id.as_str(),
        Expr::Attribute(a) => a.attr.as_str(),
        _ => return false,
    };
    let words = words(name);
    names_a_token(name)
        && words.iter().any(|w| {
            matches!(
                w.as_str(),
                "create"
                    | "issue"
                    | "generate"
                    | "encode"
                    | "make"
                    | "get"
                    | "new"
                    | "sign"
                    | "mint"
            )
        })
}

/// `request.headers`, `request.headers["Authorization"]`, `request.headers.get("Authorization")`,
/// `request.authorization`: what it is, for the message.
fn request_secret(checker: &Checker<'_, '_>, expr: &Expr) -> Option<&'static str> {
    let at = checker.file.at(None);
    let is_request_headers = |e: &Expr| {
        matches!(e, Expr::Attribute(a) if a.attr.as_str() == "headers"
            && checker.project.model.qualified_name(&a.value, &at).as_deref() == Some("flask.request"))
    };
    let names_authorization = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str().eq_ignore_ascii_case("authorization"));
    match expr {
        _ if is_request_headers(expr) => {
            Some("the whole request headers (`Authorization` included)")
        }
        Expr::Attribute(a)
            if a.attr.as_str() == "authorization"
                && checker
                    .project
                    .model
                    .qualified_name(&a.value, &at)
                    .as_deref()
                    == Some("flask.request") =>
        {
            Some("the request's credentials")
        }
        Expr::Subscript(s) if is_request_headers(&s.value) && names_authorization(&s.slice) => {
            Some("the `Authorization` header")
        }
        Expr::Call(call)
            if matches!(call.func.as_ref(), Expr::Attribute(a)
                if a.attr.as_str() == "get" && is_request_headers(&a.value))
                && call.arguments.args.first().is_some_and(names_authorization) =>
        {
            Some("the `Authorization` header")
        }
        _ => None,
    }
}

/// Taking a length, a hash or a short prefix of a token does not log the token.
fn neutralised(argument: &Expr, inner: TextRange) -> bool {
    expr_contains(argument, &mut |e| {
        let wraps = match e {
            Expr::Call(call) => {
                matches!(call.func.as_ref(), Expr::Name(n)
                    if matches!(n.id.as_str(), "len" | "hash" | "type" | "bool" | "id" | "isinstance"))
                    || matches!(call.func.as_ref(), Expr::Attribute(a)
                        if matches!(a.attr.as_str(), "sha256" | "sha1" | "md5" | "hexdigest" | "startswith" | "endswith" | "count"))
            }
            Expr::Subscript(s) => matches!(s.slice.as_ref(), Expr::Slice(_)),
            Expr::Compare(_) | Expr::UnaryOp(_) => true,
            _ => false,
        };
        wraps && e.range().contains_range(inner) && e.range() != inner
    })
}

/// Values derived from a token keep being the token: `auth.split(" ")[1]`, `auth[7:]`,
/// `auth.replace("Bearer ", "")`, `auth.removeprefix(...)`, `.strip()`.
fn derives_from(value: &Expr, tainted: &[&str], checker: &Checker<'_, '_>) -> bool {
    if request_secret(checker, value).is_some_and(|what| what.contains("Authorization")) {
        return true;
    }
    match value {
        Expr::Name(n) => tainted.contains(&n.id.as_str()),
        Expr::Subscript(s) => derives_from(&s.value, tainted, checker),
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Attribute(a)
                if matches!(
                    a.attr.as_str(),
                    "split" | "replace" | "removeprefix" | "strip" | "lstrip" | "partition"
                ) =>
            {
                derives_from(&a.value, tainted, checker)
            }
            _ => false,
        },
        _ => false,
    }
}

fn check(checker: &mut Checker<'_, '_>) {
    let module = checker.source.module();
    let mut bodies: Vec<&[Stmt]> = vec![&module.body];
    visit_stmts(&module.body, &mut |stmt| {
        if let Stmt::FunctionDef(def) = stmt {
            bodies.push(&def.body);
        }
    });
    let mut reported: Vec<TextRange> = Vec::new();
    for body in bodies {
        // Locals holding the header or a token cut from it, whatever they are called.
        let assignments = local_assignments(body);
        let mut tainted: Vec<&str> = Vec::new();
        for _ in 0..3 {
            for (name, value) in &assignments {
                if !tainted.contains(name) && derives_from(value, &tainted, checker) {
                    tainted.push(name);
                }
            }
        }
        let mut calls: Vec<&ast::ExprCall> = Vec::new();
        visit_stmts(body, &mut |stmt| {
            if matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                return;
            }
            let Stmt::Expr(expr) = stmt else { return };
            any_expr(std::slice::from_ref(stmt), &mut |e| {
                if let Expr::Call(call) = e
                    && is_logging_call(checker, call)
                {
                    calls.push(call);
                }
                false
            });
            let _ = expr;
        });
        for call in calls {
            let arguments: Vec<&Expr> = call
                .arguments
                .args
                .iter()
                .chain(call.arguments.keywords.iter().map(|k| &k.value))
                .collect();
            for argument in arguments {
                // `request.headers.get("User-Agent")` reads one header, not all of them.
                let mut accessed: Vec<TextRange> = Vec::new();
                expr_contains(argument, &mut |e| {
                    match e {
                        Expr::Attribute(a) if a.attr.as_str() == "get" => {
                            accessed.push(a.value.range())
                        }
                        Expr::Subscript(s) => accessed.push(s.value.range()),
                        // A callee is not a value: `verify_token(t)` is judged as a call.
                        Expr::Call(call) => accessed.push(call.func.range()),
                        _ => {}
                    }
                    false
                });
                let mut found: Option<(&Expr, String)> = None;
                expr_contains(argument, &mut |e| {
                    let what = match e {
                        _ if accessed.contains(&e.range()) => None,
                        Expr::Call(call) if mints_a_token(&call.func) => {
                            Some(format!("`{}`", checker.text(e)))
                        }
                        Expr::Name(n) if names_a_token(n.id.as_str()) => {
                            Some(format!("`{}`", n.id))
                        }
                        Expr::Name(n) if tainted.contains(&n.id.as_str()) => Some(format!(
                            "`{}` (the `Authorization` header, or the token cut from it)",
                            n.id
                        )),
                        Expr::Attribute(a)
                            if names_a_token(a.attr.as_str())
                                && !matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request") =>
                        {
                            Some(format!("`{}`", checker.text(e)))
                        }
                        other if accessed.contains(&other.range()) => None,
                        other => request_secret(checker, other).map(str::to_string),
                    };
                    match what {
                        Some(what) if !neutralised(argument, e.range()) => {
                            found = Some((e, what));
                            true
                        }
                        _ => false,
                    }
                });
                let Some((token, what)) = found else { continue };
                if reported.contains(&token.range()) {
                    continue;
                }
                reported.push(token.range());
                let sink = checker.text(call.func.as_ref()).to_string();
                let direct = std::ptr::eq(token, argument);
                let fix = direct.then(|| Fix {
                    description: format!(
                        "replace `{}` with a placeholder; log a request id or the token's `jti` instead",
                        checker.text(token)
                    ),
                    edits: vec![Edit {
                        range: token.range(),
                        content: "\"[redacted]\"".to_string(),
                    }],
                    applicability: super::Applicability::Unsafe,
                });
                checker
                    .report(
                        token.range(),
                        format!(
                            "{what} goes into the log through `{sink}(...)`: whoever reads the logs can replay the token"
                        ),
                        "log a request id, the user id or the token's `jti`, never the token or the `Authorization` header".to_string(),
                    )
                    .fix = fix;
            }
        }
    }
}
