//! FL106 jwt-expiry-unenforced: tokens that never expire, or whose expiry is not checked. A token
//! without `exp` that wraps a database record whose own expiry the app checks is bounded by it.
//!
//! Why: a token without `exp` (or decoded with `verify_exp` off) stays valid forever: one leaked
//! from a log, a browser or a proxy works until the signing key is rotated. authlib's
//! `jwt.decode` checks no claims at all until `claims.validate()` is called.
//! A token the app sends to another service in an `Authorization` header is reported at low:
//! that service's protocol decides which claims it needs.
//! Fix: mint tokens with a short `exp`; keep `verify_exp` on; call `.validate()` on authlib claims.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::{Checker, Rule, Severity};
use crate::model::jwt::{JwtCall, Library, Operation};
use crate::model::routes::{any_expr, expr_contains, visit_stmts};
use crate::model::value::{Value, string_literal};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL106.md"),
    check,
};

/// Whether a name says its function ends a token's life: `logout`, `revoke_token`,
/// `blacklist_token`, `invalidate_session`.
fn names_revocation(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        "logout",
        "log_out",
        "signout",
        "sign_out",
        "revoke",
        "blacklist",
        "blocklist",
        "invalidate",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

/// A decode with `verify_exp` off in a function that revokes the token, or in a helper whose
/// every caller does (it-s_dec's `get_token_payload`, called only by `logout` to put the
/// token's `jti` on the blocklist): an expired token must be revocable too, and revoking one
/// grants nothing.
fn decoded_to_revoke(checker: &Checker<'_, '_>, call: &JwtCall<'_>) -> bool {
    let Some(function) = call.function else {
        return false;
    };
    let name = function.name.as_str();
    if names_revocation(name) {
        return true;
    }
    let callers = checker.project.calls_named(name);
    !callers.is_empty()
        && callers.iter().all(|(_, fact)| {
            fact.function
                .is_some_and(|caller| names_revocation(caller.name.as_str()))
        })
}

fn check(checker: &mut Checker<'_, '_>) {
    for call in checker.decode_calls() {
        let model = &checker.project.model;
        if call.signature_disabled(model, checker.file).is_some() {
            continue;
        }
        if let Some(disabled) = call.disabled_option("verify_exp", model, checker.file)
            && !decoded_to_revoke(checker, call)
        {
            checker.report(
                disabled.range,
                format!("`{}` turns off `verify_exp`: expired tokens are accepted", call.callee),
                "remove `verify_exp: False`; if clocks drift, allow a few seconds with `leeway=` instead".to_string(),
            );
        }
        if call.library == Library::Authlib && !call.returned && !claims_validated(call) {
            let what = match call.assigned_to {
                Some(name) => format!("`{name}.validate()` is never called"),
                None => "its result is never validated".to_string(),
            };
            checker.report(
                call.call.func.range(),
                format!(
                    "`{}` (authlib) checks only the signature and {what}: `exp`, `nbf`, `iss` and `aud` go unchecked",
                    call.callee
                ),
                "call `claims.validate()` on the decoded claims before trusting them".to_string(),
            );
        }
    }
    for call in checker.encode_calls() {
        let Some(payload) = call.encode_arguments().payload else {
            continue;
        };
        let value = checker.value(payload, call);
        if value.dict_lacks("exp")
            && !record_expiry_enforced(checker, call, payload)
            && !own_expiry_read(checker, &value)
            && !issued_at_bounded(checker, &value)
        {
            // A token the app sends to another service: that service decides what it accepts,
            // and one leaked from a request log still works there, so it is said, at low.
            let outbound = call.sent_in_authorization_header(&checker.source.module().body);
            let mut message = format!(
                "`{}` mints a token with no `exp` claim: it never expires",
                call.callee
            );
            if outbound {
                message.push_str(" [sent to another service in an `Authorization` header: its protocol decides the claims it needs]");
            }
            let diagnostic = checker.report(
                payload.range(),
                message,
                "add `\"exp\": datetime.now(tz=timezone.utc) + timedelta(minutes=15)` to the payload".to_string(),
            );
            if outbound {
                diagnostic.severity = Some(Severity::Low);
            }
        }
    }
}

/// Claim names a project gives its own expiry time when it does not use `exp`.
const OWN_EXPIRY_CLAIMS: &[&str] = &[
    "expires",
    "expiry",
    "expiration",
    "expires_at",
    "expire_at",
    "expire",
    "exp_at",
    "valid_until",
];

/// Whether the payload carries an expiry of its own under another name and the module reads
/// that claim back (arXiv's captcha token: `'expires': now + 300s`, compared with the clock
/// after the decode): the token expires, checked by the project's code rather than PyJWT.
fn own_expiry_read(checker: &Checker<'_, '_>, payload: &Value) -> bool {
    let Value::Dict { entries, .. } = payload else {
        return false;
    };
    // SubtitleGeneratorBackend's `expiration_date`, `expiry_time`: a first word naming expiry.
    let names_expiry = |key: &str| {
        OWN_EXPIRY_CLAIMS.contains(&key)
            || key
                .split('_')
                .next()
                .is_some_and(|first| first.starts_with("expir") && key.contains('_'))
    };
    let Some(claim) = entries
        .iter()
        .filter_map(|(key, _)| key.as_str())
        .find(|key| names_expiry(key))
    else {
        return false;
    };
    any_expr(&checker.source.module().body, &mut |e| {
        reads_claim(e, claim)
    })
}

/// `claims["expires"]`, `decoded.get("iat")`: a read of the claim `claim`.
fn reads_claim(expr: &Expr, claim: &str) -> bool {
    crate::model::keyed_read(expr)
        .is_some_and(|(_, key)| matches!(key, Expr::StringLiteral(s) if s.value.to_str() == claim))
}

/// Whether the payload carries `iat` and the module bounds a token's age by it: the claim is
/// read back into a local and compared with a sum or difference built from it
/// (notifications-python-client's `iat = int(decoded_token["iat"])`, then `if now > (iat +
/// __bound__): raise TokenExpiredError`, 30 seconds): the token expires, by the project's
/// own check.
fn issued_at_bounded(checker: &Checker<'_, '_>, payload: &Value) -> bool {
    let Value::Dict { entries, .. } = payload else {
        return false;
    };
    if !entries.iter().any(|(key, _)| key.as_str() == Some("iat")) {
        return false;
    }
    let reads_iat = |e: &Expr| expr_contains(e, &mut |inner| reads_claim(inner, "iat"));
    let mut bounded = false;
    visit_stmts(&checker.source.module().body, &mut |stmt| {
        let Stmt::FunctionDef(def) = stmt else { return };
        let mut locals: Vec<&str> = Vec::new();
        visit_stmts(&def.body, &mut |inner| {
            if let Stmt::Assign(assign) = inner
                && reads_iat(&assign.value)
            {
                for target in &assign.targets {
                    if let Expr::Name(name) = target {
                        locals.push(name.id.as_str());
                    }
                }
            }
        });
        if locals.is_empty() {
            return;
        }
        bounded |= any_expr(&def.body, &mut |e| {
            let Expr::Compare(compare) = e else {
                return false;
            };
            std::iter::once(compare.left.as_ref())
                .chain(compare.comparators.iter())
                .any(|side| {
                    matches!(side, Expr::BinOp(op)
                    if matches!(op.op, ast::Operator::Add | ast::Operator::Sub)
                        && expr_contains(side, &mut |name| {
                            matches!(name, Expr::Name(n) if locals.contains(&n.id.as_str()))
                        }))
                })
        });
    });
    bounded
}

/// Whether the function around an authlib decode calls `.validate()` (or `.validate_exp()`) on
/// its result.
fn claims_validated(call: &JwtCall<'_>) -> bool {
    let Some(function) = call.function else {
        // Module-level decodes have no function to follow the claims through; stay silent.
        return true;
    };
    crate::model::routes::any_expr(&function.body, &mut |expr| {
        let Expr::Call(validate) = expr else {
            return false;
        };
        let Expr::Attribute(attribute) = validate.func.as_ref() else {
            return false;
        };
        // `validate_exp` checks the expiry alone, which is what this rule is about.
        matches!(attribute.attr.as_str(), "validate" | "validate_exp")
            && match attribute.value.as_ref() {
                Expr::Name(name) => Some(name.id.as_str()) == call.assigned_to,
                // `jwt.decode(...).validate()` in one expression.
                Expr::Call(_) => true,
                _ => false,
            }
    })
}

/// The claims of a payload that carry a database record's reference: `{"token": api_token.token}`,
/// `{"id": reset.id}`, `{"reset_id": str(reset.id)}`. Their names, as written in the payload.
fn record_claims(checker: &Checker<'_, '_>, call: &JwtCall<'_>, payload: &Expr) -> Vec<String> {
    let at = checker.file.at(call.scope);
    let payload = match payload {
        Expr::Name(name) => checker
            .project
            .model
            .assigned_value(name.id.as_str(), &at)
            .unwrap_or(payload),
        other => other,
    };
    let entries: Vec<(String, &Expr)> = match payload {
        Expr::Dict(dict) => dict
            .items
            .iter()
            .filter_map(|item| match &item.key {
                Some(Expr::StringLiteral(key)) => {
                    Some((key.value.to_str().to_string(), &item.value))
                }
                _ => None,
            })
            .collect(),
        Expr::Call(dict) if matches!(dict.func.as_ref(), Expr::Name(n) if n.id.as_str() == "dict") => {
            dict.arguments
                .keywords
                .iter()
                .filter_map(|k| k.arg.as_ref().map(|arg| (arg.to_string(), &k.value)))
                .collect()
        }
        _ => Vec::new(),
    };
    entries
        .into_iter()
        .filter(|(_, value)| references_a_record(value))
        .map(|(key, _)| key)
        .collect()
}

/// `api_token.token`, `reset.id`, `str(reset.id)`, `record_id`: a record's id or token.
fn references_a_record(value: &Expr) -> bool {
    let is_reference = |name: &str| {
        let lower = name.to_ascii_lowercase();
        matches!(
            lower.as_str(),
            "id" | "pk" | "uuid" | "token" | "key" | "code"
        ) || ["_id", "_token", "_uuid", "_key", "_code"]
            .iter()
            .any(|suffix| lower.ends_with(suffix))
    };
    match value {
        Expr::Attribute(attribute) => is_reference(attribute.attr.as_str()),
        Expr::Name(name) => is_reference(name.id.as_str()),
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "str")
                && call.arguments.args.first().is_some_and(references_a_record)
        }
        _ => false,
    }
}

/// Whether a token without `exp` wraps a record whose own expiry the same application checks:
/// a function that decodes such tokens (or receives their decoded claims from a helper) reads
/// the record claim and, there or in the project function it hands that claim to, compares an
/// expiry with the current time (`record.expires_at < datetime.utcnow()`, `record.is_expired()`,
/// a query filter `Model.expires > now`). The token then lives exactly as long as the record.
fn record_expiry_enforced(checker: &Checker<'_, '_>, call: &JwtCall<'_>, payload: &Expr) -> bool {
    let claims = record_claims(checker, call, payload);
    if claims.is_empty() {
        return false;
    }
    let project = checker.project;
    let context = project.routes.context(&project.model, &project.files);
    // (module, function, name holding the decoded claims)
    let mut readers: Vec<(usize, &ast::StmtFunctionDef, &str)> = Vec::new();
    let mut returning: Vec<(usize, &str)> = Vec::new();
    for file in &project.files {
        if !project.apps.share(file.module, checker.file.module) {
            continue;
        }
        for decode in file
            .jwt_calls
            .iter()
            .filter(|c| c.operation == Operation::Decode)
        {
            let Some(function) = decode.function else {
                continue;
            };
            if let Some(name) = decode.assigned_to {
                readers.push((file.module, function, name));
            }
            if decode.returned {
                returning.push((file.module, function.name.as_str()));
            }
        }
    }
    // Callers of a decoding helper hold the claims it returns: `data = load_token(t)`.
    if !returning.is_empty() {
        for file in &project.files {
            if !project.apps.share(file.module, checker.file.module) {
                continue;
            }
            let body = &project.model.modules[file.module].file.module().body;
            visit_stmts(body, &mut |stmt| {
                let Stmt::FunctionDef(function) = stmt else {
                    return;
                };
                visit_stmts(&function.body, &mut |inner| {
                    if let Stmt::Assign(assign) = inner
                        && let ([Expr::Name(target)], Expr::Call(called)) =
                            (assign.targets.as_slice(), assign.value.as_ref())
                    {
                        let callee = match called.func.as_ref() {
                            Expr::Name(n) => n.id.as_str(),
                            Expr::Attribute(a) => a.attr.as_str(),
                            _ => return,
                        };
                        if returning.iter().any(|(_, name)| *name == callee) {
                            readers.push((file.module, function, target.id.as_str()));
                        }
                    }
                });
            });
        }
    }
    readers.into_iter().any(|(module, function, holder)| {
        let reads_claim = |e: &Expr| claim_read(e, holder).is_some_and(|k| claims.contains(&k));
        if !any_expr(&function.body, &mut |e| reads_claim(e)) {
            return false;
        }
        if checks_expiry(&function.body) {
            return true;
        }
        // The claim handed to a project function that checks the expiry: `ApiToken.find(data["token"])`.
        let mut handed: Vec<&ast::ExprCall> = Vec::new();
        any_expr(&function.body, &mut |e| {
            if let Expr::Call(inner) = e
                && crate::model::argument_values(inner)
                    .any(|argument| expr_contains(argument, &mut |x| reads_claim(x)))
            {
                handed.push(inner);
            }
            false
        });
        handed.into_iter().any(|inner| {
            context
                .qualified(module, &inner.func)
                .and_then(|qualified| context.function_for(module, &qualified))
                .is_some_and(|(_, target)| checks_expiry(&target.body))
        })
    })
}

/// `holder["token"]`, `holder.get("token")`: the claim read, if `e` is one.
fn claim_read(e: &Expr, holder: &str) -> Option<String> {
    let is_holder = |x: &Expr| matches!(x, Expr::Name(n) if n.id.as_str() == holder);
    match e {
        Expr::Subscript(subscript) if is_holder(&subscript.value) => {
            string_literal(&subscript.slice)
        }
        Expr::Call(call) => match (call.func.as_ref(), call.arguments.args.first()) {
            (Expr::Attribute(a), Some(Expr::StringLiteral(key)))
                if a.attr.as_str() == "get" && is_holder(&a.value) =>
            {
                Some(key.value.to_str().to_string())
            }
            _ => None,
        },
        _ => None,
    }
}

/// An expiry compared with the current time, or asked of the record: `r.expires_at <
/// datetime.utcnow()`, `Model.expires > now()`, `time.time() > r.expiry`, `r.is_expired()`.
fn checks_expiry(body: &[Stmt]) -> bool {
    let names_expiry = |name: &str| {
        let lower = name.to_ascii_lowercase();
        lower.contains("expir") || lower.contains("valid_until") || lower.contains("valid_to")
    };
    any_expr(body, &mut |e| match e {
        Expr::Compare(compare) => {
            let operands: Vec<&Expr> = std::iter::once(compare.left.as_ref())
                .chain(compare.comparators.iter())
                .collect();
            let mentions_expiry = operands.iter().any(|o| {
                expr_contains(
                    o,
                    &mut |x| matches!(x, Expr::Attribute(a) if names_expiry(a.attr.as_str())),
                )
            });
            let mentions_now = operands.iter().any(|o| {
                expr_contains(o, &mut |x| match x {
                    Expr::Call(now) => match now.func.as_ref() {
                        Expr::Attribute(a) => {
                            matches!(a.attr.as_str(), "utcnow" | "now" | "time" | "today")
                        }
                        Expr::Name(n) => matches!(n.id.as_str(), "utcnow" | "now" | "time"),
                        _ => false,
                    },
                    Expr::Name(n) => matches!(n.id.as_str(), "now" | "utcnow" | "current_time"),
                    _ => false,
                })
            });
            mentions_expiry && mentions_now
        }
        Expr::Call(asked) => matches!(asked.func.as_ref(), Expr::Attribute(a)
            if matches!(a.attr.as_str(), "is_expired" | "has_expired" | "check_expiry" | "check_expired")),
        _ => false,
    })
}
