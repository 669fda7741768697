//! FL101 jwt-decode-without-algorithms: a verifying decode that lets the token choose its own
//! algorithm.
//!
//! Why: PyJWT 1.x and python-jose verify with whatever `alg` the token's header names when no
//! allow-list is given, which opens `alg=none` and RS256-to-HS256 key-confusion forgeries (PyJWT
//! 2.x raises instead, so the call is a bug on every request). Taking `algorithms=` from
//! `jwt.get_unverified_header(token)` is the same mistake spelled differently.
//! Both forgeries need something public to verify with: `none` is refused with a non-empty key,
//! and key confusion needs a public key. A decode whose key is an HMAC secret is therefore a
//! missing allow-list rather than an open door, and is reported at low severity (hygiene to fix
//! with the next upgrade, as reviewers of badgeyay's PyJWT 1.6.3 decodes judged it).
//! Fix: pass `algorithms=[...]` naming the one algorithm your issuer signs with; the fix inserts
//! the algorithm the project itself signs with when it can find one.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use super::{Applicability, Checker, Edit, Fix, Rule, Severity, append_argument};
use crate::deps::PyJwtLine;
use crate::model::jwt::{JwtCall, Library};
use crate::model::keys::KeyKind;
use crate::model::value::Value;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL101.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    for call in checker.decode_calls() {
        if call.library == Library::Authlib
            || call
                .signature_disabled(&checker.project.model, checker.file)
                .is_some()
        {
            continue;
        }
        let arguments = call.decode_arguments();
        match arguments.algorithms {
            None if call.has_unpacked_arguments() => {}
            None => report_missing(checker, call, Placement::Append),
            Some(algorithms) => {
                if checker.value(algorithms, call) == Value::None {
                    // Only an inline `algorithms=None` keyword can be rewritten in place.
                    let inline = matches!(algorithms, Expr::NoneLiteral(_))
                        && call.keyword("algorithms").is_some();
                    let placement = if inline {
                        Placement::Replace(algorithms.range())
                    } else {
                        Placement::None
                    };
                    report_missing(checker, call, placement);
                } else if comes_from_unverified_header(checker, algorithms, call, 0) {
                    let message = format!(
                        "`{}` takes its `algorithms=` from the token's own unverified header, so the token chooses how it is verified",
                        call.callee
                    );
                    let (mut message, mut severity) = by_key(checker, call, message, None);
                    // PyJWT 2.4 (the CVE-2022-29217 fix) refuses a public key as an HMAC secret,
                    // and every release refuses `none` with a key: a header choosing the algorithm
                    // has nothing left to choose from (spiff-arena pins 2.13).
                    if call.library == Library::PyJwt
                        && severity.unwrap_or(checker.rule.severity) > Severity::Low
                        && let Some(evidence) = fixed_pyjwt(checker)
                    {
                        message.push_str(&format!(
                            "; low severity: {evidence} allows only PyJWT 2.4 or later, which refuses a public key as an HMAC secret and `none` with any key, so the header cannot pick a weaker check"
                        ));
                        severity = Some(Severity::Low);
                    }
                    checker
                        .report(
                            algorithms.range(),
                            message,
                            "list the algorithm your issuer signs with as a constant, e.g. `algorithms=[\"RS256\"]`; read the header only to pick a key".to_string(),
                        )
                        .severity = severity;
                }
            }
        }
    }
}

/// The declaration that allows only PyJWT releases with the key-confusion fix (2.4.0 and
/// later), for messages.
fn fixed_pyjwt(checker: &Checker<'_, '_>) -> Option<String> {
    let versions = checker
        .project
        .dependencies
        .package_for(&checker.source.path, "PyJWT")?;
    let before_fix = crate::deps::specifier_ranges("<2.4.0").ok()?;
    (versions.admits(&before_fix) == Some(false))
        .then(|| versions.evidence(&checker.project.dependencies.files))
}

/// Where a fix may put the allow-list.
enum Placement {
    /// As a new last argument.
    Append,
    /// In place of an inline `None`.
    Replace(ruff_text_size::TextRange),
    /// Nowhere: the `None` comes through a name or a position, and editing there is not safe.
    None,
}

fn report_missing(checker: &mut Checker<'_, '_>, call: &JwtCall<'_>, placement: Placement) {
    // PyJWT's behaviour depends on its major version, which the project's declared
    // dependencies may tell; python-jose accepts any algorithm in every release.
    let (message, severity) = match call.library {
        Library::Jose => (
            format!(
                "`{}` is called without `algorithms=`: python-jose then accepts whatever `alg` the token's header names",
                call.callee
            ),
            None,
        ),
        _ => match checker
            .project
            .dependencies
            .pyjwt_line(&checker.source.path)
        {
            PyJwtLine::Allows1(evidence) => (
                format!(
                    "`{}` is called without `algorithms=`: PyJWT 1.x, which {evidence} allows, then accepts whatever `alg` the token's header names",
                    call.callee
                ),
                Some(Severity::Critical),
            ),
            // Not exploitable, but every token is refused: a bug worth the same fix.
            PyJwtLine::Only2(evidence) => (
                format!(
                    "`{}` is called without `algorithms=`: PyJWT 2.x ({evidence}) raises `DecodeError` on every call, so every token is refused",
                    call.callee
                ),
                Some(Severity::Low),
            ),
            PyJwtLine::Unknown => (
                format!(
                    "`{}` is called without `algorithms=`: PyJWT 1.x then accepts (and PyJWT 2.x raises on every call) whatever `alg` the token's header names; the PyJWT version in use is unknown",
                    call.callee
                ),
                None,
            ),
        },
    };
    let (message, severity) = by_key(checker, call, message, severity);
    let known = checker
        .signing_algorithm_for(call, call.decode_arguments().key)
        .cloned();
    let help = match &known {
        Some(algorithm) => format!(
            "pass `algorithms=[\"{}\"]`, the algorithm this project signs with ({} at {}:{})",
            algorithm.algorithm, algorithm.source, algorithm.path, algorithm.line
        ),
        None => "pass `algorithms=[...]` naming the one algorithm your tokens are signed with, e.g. `algorithms=[\"RS256\"]`".to_string(),
    };
    let call_node = call.call;
    let diagnostic = checker.report(call_node.func.range(), message, help);
    diagnostic.severity = severity;
    let Some(algorithm) = known else { return };
    let argument = format!("algorithms=[\"{}\"]", algorithm.algorithm);
    let (verb, edit) = match placement {
        Placement::Append => ("add", append_argument(call_node, &argument)),
        Placement::Replace(range) => (
            "set",
            Edit {
                range,
                content: format!("[\"{}\"]", algorithm.algorithm),
            },
        ),
        Placement::None => return,
    };
    diagnostic.fix = Some(Fix {
        description: format!(
            "{verb} `{argument}` ({} at {}:{} signs with {})",
            algorithm.source, algorithm.path, algorithm.line, algorithm.algorithm
        ),
        edits: vec![edit],
        // Tokens signed with any other algorithm are now refused.
        applicability: Applicability::Unsafe,
    });
}

/// The severity once the key is known: algorithm confusion turns a public key into an HMAC
/// secret, and PyJWT and python-jose refuse `none` with a non-empty key, so with a secret as the
/// key a forger still needs the secret. Only a key known to be one lowers the severity (to
/// low); a public key, a JWKS or a key that cannot be followed keeps it.
fn by_key(
    checker: &Checker<'_, '_>,
    call: &JwtCall<'_>,
    message: String,
    severity: Option<Severity>,
) -> (String, Option<Severity>) {
    let project = checker.project;
    let key = checker.verification_key(call);
    if let Some((low, why)) = checker.back_channel_id_token(call) {
        return (format!("{message}{why}"), Some(low));
    }
    let current = severity.unwrap_or(checker.rule.severity);
    // PyJWT before 1.0 accepted `alg: none` whatever the key (fixed after the 2015 disclosures):
    // there the secret does not help.
    let before_one = call.library == Library::PyJwt
        && crate::deps::specifier_ranges("<1.0.0").is_ok_and(|range| {
            project
                .dependencies
                .package_for(&checker.source.path, "PyJWT")
                .and_then(|versions| versions.admits(&range))
                .unwrap_or(false)
        });
    if key.kind == KeyKind::Hmac && current > Severity::Low && !before_one {
        (
            format!(
                "{message}; low severity: it verifies with an HMAC secret ({}), so a forged token still needs that secret (a missing allow-list, not an open door)",
                key.evidence
            ),
            Some(Severity::Low),
        )
    } else {
        (message, severity)
    }
}

/// Whether `expr` reads the token's header: `jwt.get_unverified_header(...)`, a subscript of
/// it, or a local name assigned from one.
fn comes_from_unverified_header(
    checker: &Checker<'_, '_>,
    expr: &Expr,
    call: &JwtCall<'_>,
    depth: usize,
) -> bool {
    if depth > 8 {
        return false;
    }
    match expr {
        Expr::Call(inner) => {
            checker
                .qualified_name(&inner.func, call)
                .is_some_and(|name| name.ends_with("get_unverified_header"))
                // `header.get("alg")`, `jwt.get_unverified_header(t).get("alg")`
                || matches!(inner.func.as_ref(), Expr::Attribute(attribute)
                    if comes_from_unverified_header(checker, &attribute.value, call, depth + 1))
                || inner
                    .arguments
                    .args
                    .iter()
                    .any(|a| comes_from_unverified_header(checker, a, call, depth + 1))
        }
        Expr::Subscript(subscript) => {
            comes_from_unverified_header(checker, &subscript.value, call, depth + 1)
        }
        Expr::Attribute(attribute) => {
            comes_from_unverified_header(checker, &attribute.value, call, depth + 1)
        }
        Expr::List(list) => list
            .elts
            .iter()
            .any(|e| comes_from_unverified_header(checker, e, call, depth + 1)),
        Expr::Tuple(tuple) => tuple
            .elts
            .iter()
            .any(|e| comes_from_unverified_header(checker, e, call, depth + 1)),
        Expr::Name(name) => {
            checker
                .project
                .model
                .assigned_value(name.id.as_str(), &checker.file.at(call.scope))
                .is_some_and(|value| comes_from_unverified_header(checker, value, call, depth + 1))
                // `if alg not in ALLOWED: abort(401)`: the server, not the token, decides.
                && !call.function.is_some_and(|function| is_compared(&function.body, name.id.as_str()))
        }
        _ => false,
    }
}

/// Whether `name` is compared (`==`, `!=`, `in`, `not in`) anywhere in `body`.
fn is_compared(body: &[Stmt], name: &str) -> bool {
    crate::model::routes::any_expr(body, &mut |expr| {
        let Expr::Compare(compare) = expr else {
            return false;
        };
        std::iter::once(compare.left.as_ref())
            .chain(compare.comparators.iter())
            .any(|e| matches!(e, Expr::Name(n) if n.id.as_str() == name))
    })
}
