//! FL401 token-error-oracle: one token check that answers differently depending on why the token
//! failed (expired vs bad signature vs malformed).
//!
//! Why: PyJWT raises `ExpiredSignatureError` only after the signature checked out, so a distinct
//! "Token expired" answer confirms that a leaked or old token is genuine; different answers per
//! failure also tell an attacker probing forged tokens which check they got past (CWE-204,
//! CWE-209). Some APIs say "expired" on purpose so clients know to refresh; that is a choice,
//! hence low severity.
//! Fix: return one generic 401 body for every token failure and log the reason server-side. When
//! a later `except` already catches the specific error (`InvalidTokenError` catches
//! `ExpiredSignatureError`), the fix removes the specific branch.
//!
//! Found in two shapes: sibling `except` branches of one `try` that build different responses,
//! and a verify helper whose `except` branches return different sentinel strings
//! (`'expired'`, `'invalid'`) that a caller turns into different responses.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::exception_details_in_response::{
    Function, enclosing, functions, is_response_call, is_status_tuple, last_segment, leaks_in,
};
use super::{Checker, Edit, Fix, Rule};
use crate::model::routes::{expr_contains, local_assignments, visit_stmts};
use crate::model::value::string_literal;
use crate::model::{At, ProjectModel};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL401.md"),
    check,
};

/// Exceptions that mean "this token failed a check", by library.
const TOKEN_ERRORS: &[&str] = &[
    // PyJWT
    "ExpiredSignatureError",
    "InvalidTokenError",
    "DecodeError",
    "InvalidSignatureError",
    "InvalidAudienceError",
    "InvalidIssuerError",
    "InvalidIssuedAtError",
    "ImmatureSignatureError",
    "InvalidAlgorithmError",
    "MissingRequiredClaimError",
    "PyJWTError",
    // python-jose
    "JWTError",
    "JWTClaimsError",
    "JWSError",
    "JWSSignatureError",
    "JOSEError",
    // authlib
    "ExpiredTokenError",
    "InvalidClaimError",
    "BadSignatureError",
    "MissingClaimError",
    // itsdangerous
    "SignatureExpired",
    "BadSignature",
    "BadTimeSignature",
    "BadData",
    "BadPayload",
    // Flask-JWT-Extended (a missing token is not a token that failed)
    "RevokedTokenError",
    "WrongTokenError",
    "InvalidHeaderError",
    "FreshTokenRequired",
];

const TOKEN_LIBRARIES: &[&str] = &[
    "jwt",
    "jose",
    "authlib",
    "itsdangerous",
    "flask_jwt_extended",
];

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    /// A token error: its library root (`jwt`, `jose`, ...) and class name.
    Token {
        library: String,
        class: String,
    },
    /// A bare `except:`, `Exception`, `BaseException`.
    Broad,
    Other,
}

fn classify_one(model: &ProjectModel<'_>, module: usize, type_: &Expr) -> Kind {
    let at = At::top(module);
    let text = model.modules[module].file.slice(type_.range());
    let qualified = model
        .qualified_name(type_, &at)
        .unwrap_or_else(|| text.to_string());
    let last = qualified.rsplit('.').next().unwrap_or(&qualified);
    if matches!(last, "Exception" | "BaseException") && !qualified.contains('.') {
        return Kind::Broad;
    }
    let root = qualified.split('.').next().unwrap_or("");
    let resolved_elsewhere = qualified.contains('.') && !TOKEN_LIBRARIES.contains(&root);
    if TOKEN_ERRORS.contains(&last) && !resolved_elsewhere {
        return Kind::Token {
            library: root.to_string(),
            class: last.to_string(),
        };
    }
    Kind::Other
}

fn classify(model: &ProjectModel<'_>, module: usize, type_: Option<&Expr>) -> Kind {
    match type_ {
        None => Kind::Broad,
        Some(Expr::Tuple(tuple)) => {
            let kinds: Vec<Kind> = tuple
                .elts
                .iter()
                .map(|t| classify_one(model, module, t))
                .collect();
            if kinds.contains(&Kind::Broad) {
                Kind::Broad
            } else if let Some(token) = kinds.iter().find(|k| matches!(k, Kind::Token { .. })) {
                // `except (ExpiredSignatureError, InvalidTokenError)` answers both the same.
                match token {
                    Kind::Token { library, .. } => Kind::Token {
                        library: library.clone(),
                        class: "(several)".to_string(),
                    },
                    _ => Kind::Other,
                }
            } else {
                Kind::Other
            }
        }
        Some(type_) => classify_one(model, module, type_),
    }
}

/// Whether `type_` (an `except` clause's or error handler's class) is a token library's error.
pub(super) fn is_token_error(checker: &Checker<'_, '_>, type_: &Expr) -> bool {
    matches!(
        classify(&checker.project.model, checker.file.module, Some(type_)),
        Kind::Token { .. }
    )
}

/// Whether an `except` for `general` also catches `specific`, so the specific branch can go.
fn catches(general: &Kind, specific: &Kind) -> bool {
    match (general, specific) {
        (Kind::Broad, Kind::Token { .. }) => true,
        (
            Kind::Token {
                library: gl,
                class: g,
            },
            Kind::Token {
                library: sl,
                class: s,
            },
        ) => {
            let same_library = gl == sl || gl.is_empty() || sl.is_empty();
            let pyjwt = ["jwt", ""].contains(&gl.as_str())
                && matches!(g.as_str(), "InvalidTokenError" | "PyJWTError")
                && matches!(
                    s.as_str(),
                    "ExpiredSignatureError"
                        | "DecodeError"
                        | "InvalidSignatureError"
                        | "InvalidAudienceError"
                        | "InvalidIssuerError"
                        | "InvalidIssuedAtError"
                        | "ImmatureSignatureError"
                        | "MissingRequiredClaimError"
                );
            let jose = ["jose", ""].contains(&gl.as_str())
                && matches!(g.as_str(), "JWTError" | "JOSEError")
                && matches!(s.as_str(), "ExpiredSignatureError" | "JWTClaimsError");
            let itsdangerous = ["itsdangerous", ""].contains(&gl.as_str())
                && matches!(g.as_str(), "BadSignature" | "BadData")
                && matches!(s.as_str(), "SignatureExpired" | "BadTimeSignature");
            same_library && (pyjwt || jose || itsdangerous)
        }
        _ => false,
    }
}

/// What an `except` branch does with the failure.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    /// Answers the request: what the client can tell apart (literals, constants, callees).
    Response(Vec<String>),
    /// Returns a string to its caller (`return 'expired'`).
    Sentinel(String),
    Other,
}

/// The parts of `body` a client may see: string and number literals, constant names, and the
/// callees of the non-logging statements.
fn fingerprint(checker: &Checker<'_, '_>, body: &[Stmt]) -> Vec<String> {
    let mut parts = Vec::new();
    for stmt in body {
        if let Stmt::Expr(expr) = stmt
            && let Expr::Call(call) = expr.value.as_ref()
            && super::exception_details_in_response::is_logging_call(checker, call)
        {
            continue;
        }
        crate::model::routes::any_expr(std::slice::from_ref(stmt), &mut |e| {
            match e {
                Expr::StringLiteral(s) => parts.push(format!("'{}'", s.value.to_str())),
                Expr::NumberLiteral(_) => parts.push(checker.text(e).to_string()),
                Expr::Name(n)
                    if n.id.len() > 1
                        && n.id.chars().all(|c| c.is_ascii_uppercase() || c == '_') =>
                {
                    parts.push(n.id.to_string())
                }
                Expr::Attribute(a)
                    if a.attr.len() > 1
                        && a.attr.chars().all(|c| c.is_ascii_uppercase() || c == '_') =>
                {
                    parts.push(a.attr.to_string())
                }
                Expr::Call(call) => {
                    if let Some(name) = last_segment(&call.func) {
                        parts.push(format!("{name}()"));
                    }
                }
                Expr::FString(_) => parts.push(checker.text(e).to_string()),
                _ => {}
            }
            false
        });
    }
    parts
}

/// `raise Unauthorized(...)`, `raise ApiError("...", 401)`, `raise AuthError(...)`: an exception the
/// app turns into a response.
pub(super) fn raises_http_error(exc: &Expr) -> bool {
    let Expr::Call(call) = exc else { return false };
    if is_response_call(call) {
        return true;
    }
    let name = last_segment(&call.func).unwrap_or("");
    let status = crate::model::argument_values(call)
        .any(|a| {
            matches!(a, Expr::NumberLiteral(n)
                if matches!(&n.value, ast::Number::Int(i) if i.as_u64().is_some_and(|c| (400..600).contains(&c))))
        });
    status
        || ["Auth", "Unauthori", "Token", "Http", "HTTP", "Api", "API"]
            .iter()
            .any(|w| name.contains(w))
}

fn outcome(checker: &Checker<'_, '_>, answers: bool, body: &[Stmt]) -> Outcome {
    let assigned = local_assignments(body);
    let builds_response = |value: &Expr| {
        expr_contains(
            value,
            &mut |e| matches!(e, Expr::Call(c) if is_response_call(c)),
        ) || is_status_tuple(value)
    };
    let mut response = false;
    let mut sentinel = None;
    visit_stmts(body, &mut |stmt| match stmt {
        Stmt::Return(ret) => match ret.value.as_deref() {
            Some(value) if builds_response(value) => response = true,
            Some(Expr::Name(name))
                if assigned
                    .iter()
                    .any(|(n, v)| *n == name.id.as_str() && builds_response(v)) =>
            {
                response = true
            }
            Some(Expr::StringLiteral(_) | Expr::FString(_) | Expr::Dict(_) | Expr::Name(_))
                if answers =>
            {
                response = true
            }
            Some(Expr::StringLiteral(s)) => sentinel = Some(s.value.to_str().to_string()),
            _ => {}
        },
        Stmt::Raise(raise) if raise.exc.as_deref().is_some_and(raises_http_error) => {
            response = true;
        }
        Stmt::Expr(expr) => {
            if let Expr::Call(call) = expr.value.as_ref()
                && last_segment(&call.func) == Some("abort")
            {
                response = true;
            }
        }
        _ => {}
    });
    if response {
        Outcome::Response(fingerprint(checker, body))
    } else if let Some(sentinel) = sentinel {
        Outcome::Sentinel(sentinel)
    } else {
        Outcome::Other
    }
}

/// One `except` branch that concerns a token.
struct Branch<'a> {
    handler: &'a ast::ExceptHandlerExceptHandler,
    kind: Kind,
    outcome: Outcome,
}

fn branches<'a>(
    checker: &Checker<'_, 'a>,
    module: usize,
    answers: bool,
    stmt: &'a ast::StmtTry,
) -> Vec<Branch<'a>> {
    let model = &checker.project.model;
    let branches: Vec<Branch<'a>> = stmt
        .handlers
        .iter()
        .map(|handler| {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            Branch {
                handler,
                kind: classify(model, module, handler.type_.as_deref()),
                outcome: if module == checker.file.module {
                    outcome(checker, answers, &handler.body)
                } else {
                    Outcome::Other
                },
            }
        })
        .filter(|b| b.kind != Kind::Other)
        .collect();
    if branches
        .iter()
        .any(|b| matches!(b.kind, Kind::Token { .. }))
    {
        branches
    } else {
        Vec::new()
    }
}

fn check(checker: &mut Checker<'_, '_>) {
    let functions = functions(checker);
    let mut tries: Vec<&ast::StmtTry> = Vec::new();
    visit_stmts(&checker.source.module().body, &mut |stmt| {
        if let Stmt::Try(stmt) = stmt {
            tries.push(stmt);
        }
    });
    for stmt in tries {
        let answers = enclosing(&functions, stmt.range()).is_some_and(|f| f.answers_requests);
        // One finding per leaking response: a branch reported (and removed by the fix) for
        // answering differently needs no second finding for the `str(e)` it answers with.
        let differing = check_try(checker, answers, stmt);
        for handler in &stmt.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            if differing.contains(&handler.range()) {
                continue;
            }
            if let (Some(type_), Some(name)) = (handler.type_.as_deref(), &handler.name)
                && is_token_error(checker, type_)
            {
                let caught = format!("except {}", checker.text(type_));
                check_message(checker, &functions, &caught, name.as_str(), &handler.body);
            }
        }
    }
    // `@app.errorhandler(jwt.InvalidTokenError)`: the parameter is the token error.
    for function in &functions {
        if let Some(Some(type_)) = function.error_handler_for
            && is_token_error(checker, type_)
            && let Some(parameter) = function.def.parameters.iter_non_variadic_params().next()
        {
            let caught = format!("errorhandler({})", checker.text(type_));
            let name = parameter.parameter.name.as_str();
            check_message(checker, &functions, &caught, name, &function.def.body);
        }
    }
    for function in &functions {
        check_sentinels(checker, function);
    }
}

/// The first string literal of `a` that `b` lacks, to name the difference in the message.
fn difference(a: &[String], b: &[String]) -> Option<String> {
    a.iter()
        .find(|p| p.starts_with('\'') && p.len() > 3 && !b.contains(p))
        .cloned()
}

/// Reports the first token branch of `stmt` that answers differently from the others; returns
/// the handlers that differ (empty when none is reported).
fn check_try(checker: &mut Checker<'_, '_>, answers: bool, stmt: &ast::StmtTry) -> Vec<TextRange> {
    let branches = branches(checker, checker.file.module, answers, stmt);
    let answering: Vec<&Branch<'_>> = branches
        .iter()
        .filter(|b| matches!(b.outcome, Outcome::Response(_)))
        .collect();
    if answering.len() < 2 {
        return Vec::new();
    }
    let fingerprint = |b: &Branch<'_>| match &b.outcome {
        Outcome::Response(parts) => parts.clone(),
        _ => Vec::new(),
    };
    // The reference: the last answering token branch when there are several (a later
    // `except Exception` handles other failures, such as the database, and may differ), else
    // the last answering branch.
    let token_answering: Vec<&Branch<'_>> = answering
        .iter()
        .copied()
        .filter(|b| matches!(b.kind, Kind::Token { .. }))
        .collect();
    let general = if token_answering.len() >= 2 {
        token_answering.last()
    } else {
        answering.last()
    };
    let Some(general) = general else {
        return Vec::new();
    };
    let general_print = fingerprint(general);
    let differing: Vec<&Branch<'_>> = answering
        .iter()
        .copied()
        .filter(|b| {
            !std::ptr::eq(*b, *general)
                && matches!(b.kind, Kind::Token { .. })
                && fingerprint(b) != general_print
        })
        .collect();
    let Some(first) = differing.first() else {
        return Vec::new();
    };
    let type_text = |b: &Branch<'_>| {
        b.handler
            .type_
            .as_deref()
            .map_or("except:".to_string(), |t| {
                format!("except {}", checker.text(t))
            })
    };
    let first_print = fingerprint(first);
    let says = match (
        difference(&first_print, &general_print),
        difference(&general_print, &first_print),
    ) {
        (Some(a), Some(b)) => format!(" ({a} vs {b})"),
        (Some(a), None) => format!(" ({a})"),
        _ => String::new(),
    };
    let message = format!(
        "`{}` answers differently from `{}`{says}: the response tells the caller which check their token failed",
        type_text(first),
        type_text(general)
    );
    let range = first
        .handler
        .type_
        .as_deref()
        .map_or(first.handler.range(), Ranged::range);
    let fix = removal_fix(checker, stmt, &differing, general);
    let help = if fix.is_some() {
        format!(
            "return one generic 401 body for every token failure (`{}` already catches these) and log the reason server-side",
            type_text(general)
        )
    } else {
        "return one generic 401 body for every token failure and log the reason server-side"
            .to_string()
    };
    checker.report(range, message, help).fix = fix;
    differing.iter().map(|b| b.handler.range()).collect()
}

/// Removes each differing specific branch when the general one after it catches the same error
/// and the branch does nothing but answer (one statement): the general branch then answers.
fn removal_fix(
    checker: &Checker<'_, '_>,
    stmt: &ast::StmtTry,
    differing: &[&Branch<'_>],
    general: &Branch<'_>,
) -> Option<Fix> {
    let handlers: Vec<&ast::ExceptHandlerExceptHandler> = stmt
        .handlers
        .iter()
        .map(|h| {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            h
        })
        .collect();
    let mut edits = Vec::new();
    let mut removed = Vec::new();
    for branch in differing {
        let index = handlers
            .iter()
            .position(|h| std::ptr::eq(*h, branch.handler))?;
        let general_index = handlers
            .iter()
            .position(|h| std::ptr::eq(*h, general.handler))?;
        if index >= general_index
            || !catches(&general.kind, &branch.kind)
            || branch.handler.body.len() != 1
        {
            return None;
        }
        let next = handlers.get(index + 1)?;
        edits.push(Edit {
            range: TextRange::new(
                line_start(checker, branch.handler.start()),
                line_start(checker, next.start()),
            ),
            content: String::new(),
        });
        removed.push(format!(
            "`except {}`",
            branch
                .handler
                .type_
                .as_deref()
                .map_or("", |t| checker.text(t))
        ));
    }
    Some(Fix {
        description: format!(
            "remove the {} branch{}; the general branch answers instead",
            removed.join(", "),
            if removed.len() > 1 { "es" } else { "" }
        ),
        edits,
        applicability: super::Applicability::Unsafe,
    })
}

fn line_start(checker: &Checker<'_, '_>, offset: TextSize) -> TextSize {
    let before = checker.source.slice(TextRange::up_to(offset));
    TextSize::try_from(before.rfind('\n').map_or(0, |i| i + 1)).unwrap_or(offset)
}

/// The sentinel strings a verify helper returns from different token-error branches.
fn helper_sentinels(
    checker: &Checker<'_, '_>,
    module: usize,
    def: &ast::StmtFunctionDef,
) -> Vec<(String, String)> {
    let model = &checker.project.model;
    let file = model.modules[module].file;
    let mut found: Vec<(String, String)> = Vec::new();
    visit_stmts(&def.body, &mut |stmt| {
        let Stmt::Try(stmt) = stmt else { return };
        let mut here: Vec<(String, String)> = Vec::new();
        let mut token = false;
        for handler in &stmt.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            let kind = classify(model, module, handler.type_.as_deref());
            if kind == Kind::Other {
                continue;
            }
            token |= matches!(kind, Kind::Token { .. });
            if let [Stmt::Return(ret)] = handler.body.as_slice()
                && let Some(Expr::StringLiteral(s)) = ret.value.as_deref()
            {
                let caught = handler.type_.as_deref().map_or("except:".to_string(), |t| {
                    format!("except {}", file.slice(t.range()))
                });
                here.push((s.value.to_str().to_string(), caught));
            }
        }
        let distinct = here
            .iter()
            .any(|(s, _)| here.first().is_some_and(|(f, _)| f != s));
        if token && distinct {
            found.extend(here);
        }
    });
    found
}

/// `claims = verify(...)` then `if claims == 'expired': return <one response>` and
/// `if claims == 'invalid': return <another>`.
fn check_sentinels(checker: &mut Checker<'_, '_>, function: &Function<'_>) {
    let project = checker.project;
    let context = project.routes.context(&project.model, &project.files);
    let module = checker.file.module;
    // (the variable, the helper's name, its sentinels with the branch returning each)
    type Sentinels = Vec<(String, String)>;
    let mut results: Vec<(&str, String, Sentinels)> = Vec::new();
    // Only a local an `if` compares with a string literal can be tested against a sentinel:
    // resolving the callee of every other call-assigned local was most of this rule's cost.
    let mut compared: Vec<&str> = Vec::new();
    visit_stmts(&function.def.body, &mut |stmt| {
        let Stmt::If(stmt) = stmt else { return };
        let tests = std::iter::once(stmt.test.as_ref()).chain(
            stmt.elif_else_clauses
                .iter()
                .filter_map(|c| c.test.as_ref()),
        );
        for test in tests {
            if let Expr::Compare(compare) = test
                && let [other] = compare.comparators.as_ref()
                && matches!(compare.ops.as_ref(), [ast::CmpOp::Eq | ast::CmpOp::Is])
            {
                for (a, b) in [
                    (compare.left.as_ref(), other),
                    (other, compare.left.as_ref()),
                ] {
                    if let (Expr::Name(n), Expr::StringLiteral(_)) = (a, b) {
                        compared.push(n.id.as_str());
                    }
                }
            }
        }
    });
    if compared.is_empty() {
        return;
    }
    for (name, value) in local_assignments(&function.def.body) {
        if !compared.contains(&name) {
            continue;
        }
        let Expr::Call(call) = value else { continue };
        let Some(qualified) = context.callee_of(checker.file, call) else {
            continue;
        };
        let Some((helper_module, helper)) = context.function_for(module, &qualified) else {
            continue;
        };
        if std::ptr::eq(helper, function.def) {
            continue;
        }
        let sentinels = helper_sentinels(checker, helper_module, helper);
        if !sentinels.is_empty() {
            results.push((name, helper.name.to_string(), sentinels));
        }
    }
    for (variable, helper, sentinels) in results {
        let mut tests: Vec<(&Expr, String, &[Stmt])> = Vec::new();
        visit_stmts(&function.def.body, &mut |stmt| {
            let Stmt::If(stmt) = stmt else { return };
            let clauses = std::iter::once((Some(stmt.test.as_ref()), &stmt.body[..])).chain(
                stmt.elif_else_clauses
                    .iter()
                    .map(|c| (c.test.as_ref(), &c.body[..])),
            );
            for (test, body) in clauses {
                let Some(test) = test else { continue };
                if let Some(sentinel) = compared_sentinel(test, variable, &sentinels) {
                    tests.push((test, sentinel, body));
                }
            }
        });
        let prints: Vec<Vec<String>> = tests
            .iter()
            .map(|(_, _, body)| fingerprint(checker, body))
            .collect();
        let distinct = prints.iter().any(|p| prints.first() != Some(p));
        let Some((test, sentinel, _)) = tests.first() else {
            continue;
        };
        if !distinct {
            continue;
        }
        let others: Vec<String> = tests
            .iter()
            .map(|(_, s, _)| format!("'{s}'"))
            .filter(|s| *s != format!("'{sentinel}'"))
            .collect();
        let caught = sentinels
            .iter()
            .find(|(s, _)| s == sentinel)
            .map(|(_, c)| c.clone())
            .unwrap_or_default();
        let text = checker.text(*test).to_string();
        checker.report(
            test.range(),
            format!(
                "`{text}` answers `{helper}`'s '{sentinel}' result (its `{caught}` branch) differently from {}: the response tells the caller which check their token failed",
                others.join(", ")
            ),
            format!("return one generic 401 body whenever `{helper}` rejects the token, and log the reason server-side"),
        );
    }
}

/// `v == 'expired'`, `'expired' == v`, `v is 'expired'`: the sentinel compared.
fn compared_sentinel(
    test: &Expr,
    variable: &str,
    sentinels: &[(String, String)],
) -> Option<String> {
    let Expr::Compare(compare) = test else {
        return None;
    };
    if compare.comparators.len() != 1 || !matches!(compare.ops[0], ast::CmpOp::Eq | ast::CmpOp::Is)
    {
        return None;
    }
    let pair = [compare.left.as_ref(), &compare.comparators[0]];
    let names_variable = pair
        .iter()
        .any(|e| matches!(e, Expr::Name(n) if n.id.as_str() == variable));
    let literal = pair.iter().find_map(|e| string_literal(e))?;
    (names_variable && sentinels.iter().any(|(s, _)| *s == literal)).then_some(literal)
}

/// `return jsonify(error=str(e)), 401` for a token error: the library's message names the check
/// that failed ("Signature has expired", "Invalid audience"), one answer per failure.
fn check_message(
    checker: &mut Checker<'_, '_>,
    functions: &[Function<'_>],
    caught: &str,
    name: &str,
    body: &[Stmt],
) {
    let leaks: Vec<(TextRange, String)> = leaks_in(functions, name, body)
        .into_iter()
        .map(|(leak, _)| (leak.range(), checker.text(leak).to_string()))
        .collect();
    for (range, text) in &leaks {
        checker.report(
            *range,
            format!(
                "`{text}` sends the token library's reason from `{caught}` to the client (\"Signature has expired\", \"Invalid audience\", ...): the response tells the caller which check their token failed"
            ),
            "return one generic 401 body for every token failure and log the reason server-side"
                .to_string(),
        );
    }
}
