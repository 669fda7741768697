//! FL105 jwt-audience-issuer-unchecked: a verifying decode that does not check who the token was
//! issued by or for.
//!
//! Why: without `audience=` and `issuer=`, a token minted for another service that trusts the
//! same key or identity provider (a staging API, a sibling microservice) is accepted here too:
//! cross-service token reuse. PyJWT and python-jose check `aud`/`iss` only when asked.
//! How much that matters depends on where the tokens come from, so the severity follows the key:
//! low when the same application mints the tokens with the same key (or the key is generated at
//! start-up) or the key is a secret shared with the service that mints them, medium (the rule's)
//! when they come from elsewhere: a public key, a JWKS, an identity provider's `id_token`, or a
//! key that cannot be followed.
//! Fix: pass `audience=` and `issuer=` with the values your issuer puts in its tokens (and keep
//! `verify_aud`/`verify_iss` on); with authlib, give `claims_options` entries for `iss` and `aud`.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use super::{Checker, Rule, Severity};
use crate::model::jwt::{JwtCall, Library, claim_read, claim_validator};
use crate::model::keys::{KeyKind, KeySource, OwnTokens};
use crate::model::routes::{any_expr, expr_contains, visit_stmts};
use crate::model::value::Value;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL105.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    for call in checker.decode_calls() {
        let model = &checker.project.model;
        if call.signature_disabled(model, checker.file).is_some() {
            continue;
        }
        let arguments = call.decode_arguments();
        let (severity, why) = provenance(checker, call);
        // One decode, one finding: with `verify_aud` off, a missing `issuer=` is said in that
        // finding (fence's denylist decodes were reported twice, once per line of the call).
        let audience_off = call.library != Library::Authlib
            && call
                .disabled_option("verify_aud", model, checker.file)
                .is_some();
        let issuer_missing_too = audience_off
            && !call.has_unpacked_arguments()
            && call
                .disabled_option("verify_iss", model, checker.file)
                .is_none()
            && missing(checker, arguments.issuer, call)
            && !compared_later(call, "iss")
            && claim_validator(&checker.source.module().body, "iss").is_none();
        // `verify_aud: False` / `verify_iss: False` are reported whatever else is passed.
        for (key, claim, what) in [
            ("verify_aud", "aud", "audience"),
            ("verify_iss", "iss", "issuer"),
        ] {
            if let Some(disabled) = call.disabled_option(key, model, checker.file) {
                // Checked by hand in the same module: the option is off on purpose.
                let validator = claim_validator(&checker.source.module().body, claim);
                let by_hand = validator
                    .map(|validator| {
                        format!(
                            " [low: `{}` (line {}) reads the claims' `{claim}` and raises: the module checks the {what} by hand; keep that check on every path the decoded claims take]",
                            validator.name,
                            checker.source.position(validator.start()).line
                        )
                    })
                    .unwrap_or_default();
                let diagnostic = checker.report(
                    disabled.range,
                    format!(
                        "`{}` turns off `{key}`: the token's {what} is not checked{}{}",
                        call.callee,
                        if key == "verify_aud" && issuer_missing_too {
                            " (nor its issuer: no `issuer=`)"
                        } else {
                            ""
                        },
                        if validator.is_some() {
                            by_hand.as_str()
                        } else {
                            why.as_str()
                        }
                    ),
                    format!("remove `{key}: False` and pass `{what}=` with the expected value"),
                );
                diagnostic.severity = if validator.is_some() {
                    Some(Severity::Low)
                } else {
                    severity
                };
            }
        }
        if call.has_unpacked_arguments() || audience_off {
            continue;
        }
        let (missing_audience, missing_issuer) = match call.library {
            Library::Authlib => match arguments.claims_options {
                None => (true, true),
                Some(options) => {
                    let value = checker.value(options, call);
                    (value.dict_lacks("aud"), value.dict_lacks("iss"))
                }
            },
            _ => (
                missing(checker, arguments.audience, call)
                    && !compared_later(call, "aud")
                    && claim_validator(&checker.source.module().body, "aud").is_none(),
                missing(checker, arguments.issuer, call)
                    && !compared_later(call, "iss")
                    && claim_validator(&checker.source.module().body, "iss").is_none(),
            ),
        };
        // trotto's transfer tokens (`'transfer' != payload['tp']`, `payload['sub'].startswith(
        // 'link:')`) and internal tokens (`request.url != unquote(decoded['url'])`): the code
        // refuses a token minted for another use, with a secret only this system holds.
        if missing_audience && !from_identity_provider(checker, call) && purpose_checked(call) {
            continue;
        }
        let (what, add) = match (missing_audience, missing_issuer, call.library) {
            (false, false, _) => continue,
            (true, true, Library::Authlib) => (
                "checks neither the token's audience (`aud`) nor its issuer (`iss`)",
                "pass `claims_options={\"iss\": {\"essential\": True, \"value\": ISSUER}, \"aud\": {\"essential\": True, \"value\": AUDIENCE}}` and call `claims.validate()`",
            ),
            (true, false, Library::Authlib) => (
                "does not check the token's audience (`aud`)",
                "add `\"aud\": {\"essential\": True, \"value\": AUDIENCE}` to `claims_options`",
            ),
            (false, true, Library::Authlib) => (
                "does not check the token's issuer (`iss`)",
                "add `\"iss\": {\"essential\": True, \"value\": ISSUER}` to `claims_options`",
            ),
            (true, true, _) => (
                "checks neither the token's audience nor its issuer (no `audience=`, no `issuer=`)",
                "pass `audience=EXPECTED_AUDIENCE, issuer=EXPECTED_ISSUER` so tokens minted for another service are refused",
            ),
            (true, false, _) => (
                "does not check the token's audience (no `audience=`)",
                "pass `audience=EXPECTED_AUDIENCE` so tokens minted for another service are refused",
            ),
            (false, true, _) => (
                "does not check the token's issuer (no `issuer=`)",
                "pass `issuer=EXPECTED_ISSUER` so tokens from another issuer are refused",
            ),
        };
        // PyJWT and python-jose refuse a token that carries `aud` when no `audience=` is
        // given, and an identity provider's tokens always carry one: another client's token
        // fails here rather than being accepted.
        let fails_closed = missing_audience
            && call.library != Library::Authlib
            && call
                .disabled_option("verify_aud", model, checker.file)
                .is_none()
            && from_identity_provider(checker, call);
        let (severity, why) = if fails_closed {
            let library = match call.library {
                Library::Jose => "python-jose",
                _ => "PyJWT",
            };
            (
                Some(Severity::Low),
                format!(
                    "; low severity: identity providers put an `aud` claim in every token, and {library} refuses a token with one when no `audience=` is given, so another client's token fails here rather than being accepted (and so does this app's own: pass `audience=` with your client id)"
                ),
            )
        } else if !missing_audience
            && missing_issuer
            && !from_identity_provider(checker, call)
            && call
                .disabled_option("verify_aud", model, checker.file)
                .is_none()
        {
            // The audience names this service: a token the key's owner minted for another one
            // is refused already, so the issuer check only adds where one key signs for several
            // issuers, as a multi-tenant identity provider's shared keys do (an `id_token` keeps
            // the rule's severity).
            (
                Some(Severity::Low),
                "; low severity: the audience is checked, so a token minted for another service is refused; the issuer matters only where one key signs for several issuers (a multi-tenant identity provider's shared keys)".to_string(),
            )
        } else {
            (severity, why)
        };
        checker
            .report(
                call.call.func.range(),
                format!("`{}` {what}{why}", call.callee),
                add.to_string(),
            )
            .severity = severity;
    }
}

/// Whether a decode reads an identity provider's token: an `id_token`, or an issuer that is a
/// URL.
fn from_identity_provider(checker: &Checker<'_, '_>, call: &JwtCall<'_>) -> bool {
    decodes_an_id_token(checker, call) || issuer_is_a_url(checker, call)
}

/// The decoded token is named `id_token` (`token["id_token"]`, `idToken`).
fn decodes_an_id_token(checker: &Checker<'_, '_>, call: &JwtCall<'_>) -> bool {
    call.call.arguments.args.first().is_some_and(|token| {
        let text = checker.text(token).to_ascii_lowercase();
        text.contains("id_token") || text.contains("idtoken")
    })
}

/// The expected issuer is a URL: an identity provider's.
fn issuer_is_a_url(checker: &Checker<'_, '_>, call: &JwtCall<'_>) -> bool {
    call.decode_arguments().issuer.is_some_and(|issuer| {
        checker
            .value(issuer, call)
            .as_str()
            .is_some_and(|i| i.starts_with("https://") || i.starts_with("http://"))
    })
}

/// Where the tokens a decode verifies come from, as a severity and the end of the message that
/// says why: low when the same application mints them with the same key (or the key exists only
/// in this process), the rule's own severity otherwise.
fn provenance(checker: &Checker<'_, '_>, call: &JwtCall<'_>) -> (Option<Severity>, String) {
    let project = checker.project;
    let module = checker.file.module;
    let key = checker.verification_key(call);
    if let Some((low, why)) = checker.back_channel_id_token(call) {
        return (Some(low), why);
    }
    if decodes_an_id_token(checker, call) {
        return (
            None,
            ": an `id_token` comes from an identity provider, which mints tokens for many clients"
                .to_string(),
        );
    }
    if issuer_is_a_url(checker, call) {
        return (
            None,
            ": the tokens come from an identity provider (its issuer is a URL), which mints tokens for other clients too".to_string(),
        );
    }
    match project.keys.own_tokens(&project.apps, module, &key) {
        Some(OwnTokens::SignedAt(mint)) => (
            Some(Severity::Low),
            format!(
                "; low severity: this app mints these tokens itself with the same key ({} at {}), so only a service holding {} could mint one it accepts",
                if mint.site.what.starts_with("create_") {
                    format!("`{}`, which signs with `JWT_SECRET_KEY`", mint.site.what)
                } else {
                    format!("`{}`", mint.site.what)
                },
                mint.site.location(),
                key.evidence
            ),
        ),
        Some(OwnTokens::GeneratedKey) => (
            Some(Severity::Low),
            format!(
                "; low severity: the key ({}) is generated by this app, so no other service can have minted the tokens",
                key.evidence
            ),
        ),
        None => {
            // bank-of-anthos: the frontend and the contacts service verify with the public key
            // whose private half the userservice of the same repository signs its logins with.
            let minted_here = project.signing_algorithms.iter().find(|mint| {
                mint.library.is_some()
                    && !mint.in_tests
                    && matches!(mint.algorithm.get(..2), Some("RS" | "ES" | "PS" | "Ed"))
            });
            // A key fetched from a JWKS endpoint is a provider's, whoever else signs here.
            let fetched = key.evidence.to_ascii_lowercase().contains("jwk");
            if key.kind == KeyKind::Asymmetric
                && !fetched
                && let Some(mint) = minted_here
            {
                return (
                    Some(Severity::Low),
                    format!(
                        "; low severity: it verifies with a public key ({}), and this repository signs tokens with a private key (`{}` with {} at {}:{}): the key's owner is a service of this system, which mints them for it",
                        key.evidence, mint.source, mint.algorithm, mint.path, mint.line
                    ),
                );
            }
            let why = match (key.kind, &key.source) {
                (KeyKind::Asymmetric, _) => format!(
                    ": it verifies with a public key ({}), so every token the key's owner mints, for any service, is accepted",
                    key.evidence
                ),
                (KeyKind::Hmac, Some(KeySource::Literal(_))) | (KeyKind::Hmac, None) => {
                    String::new()
                }
                // A shared secret is held by the few services it was given to: reviewers of
                // Superdesk, Zenodo and fence judged every such finding not worth acting on.
                (KeyKind::Hmac, Some(_)) => {
                    return (
                        Some(Severity::Low),
                        format!(
                            "; low severity: no code of this app signs with its key ({}), so the tokens come from a service it shares that secret with, and only services given the secret can mint one it accepts",
                            key.evidence
                        ),
                    );
                }
                (KeyKind::Unknown, _) => String::new(),
            };
            (None, why)
        }
    }
}

/// Whether the decoded claims' `claim` is compared after the call in the same function: the
/// check done by hand (`payload = jwt.decode(...)`, then `if payload["iss"] != ISSUER: raise`,
/// also through a variable: `issuer = payload.get("iss")`, `if issuer != ISSUER`).
fn compared_later(call: &JwtCall<'_>, claim: &str) -> bool {
    let Some((function, claims)) = decoded_into(call) else {
        return false;
    };
    let reads_claim = |expr: &Expr| claim_read(expr, claim) == Some(claims);
    // Variables holding the claim: `issuer = payload["iss"]`.
    let holders = assigned_after(function, call, &reads_claim);
    any_expr(&function.body, &mut |expr| {
        let Expr::Compare(compare) = expr else {
            return false;
        };
        compare.start() > call.call.end()
            && std::iter::once(compare.left.as_ref())
                .chain(compare.comparators.iter())
                .any(|side| {
                    reads_claim(side)
                        || matches!(side, Expr::Name(n) if holders.contains(&n.id.as_str()))
                })
    })
}

/// Whether, after the decode, its function compares one of the token's own claims (not a
/// time claim, not a role) with a fixed value or with the request's URL: `payload["tp"] != "transfer"`,
/// `payload["sub"].startswith("link:")`, `request.url != unquote(decoded["url"])`. The token
/// is then bound to one use, as an audience binds it to one service.
fn purpose_checked(call: &JwtCall<'_>) -> bool {
    let Some((function, claims)) = decoded_into(call) else {
        return false;
    };
    // `payload["tp"]`, `payload.get("tp")`, for a claim other than the times PyJWT checks.
    let reads_purpose_claim = |expr: &Expr| {
        let Some((holder, key)) = crate::model::keyed_read(expr) else {
            return false;
        };
        // A role (`data["role"] == "admin"`) says what the caller may do, not what the token is
        // for.
        matches!(holder, Expr::Name(n) if n.id.as_str() == claims)
            && matches!(key, Expr::StringLiteral(k)
                if !matches!(k.value.to_str(), "exp" | "iat" | "nbf" | "jti")
                    && !crate::model::routes::is_role_word(k.value.to_str()))
    };
    let contains_claim = |expr: &Expr| expr_contains(expr, &mut |e| reads_purpose_claim(e));
    // Locals holding a claim: `url = unquote(decoded["url"])`.
    let holders = assigned_after(function, call, &contains_claim);
    let holds_claim = |expr: &Expr| {
        contains_claim(expr) || matches!(expr, Expr::Name(n) if holders.contains(&n.id.as_str()))
    };
    let fixed_or_request = |expr: &Expr| match expr {
        Expr::StringLiteral(_) => true,
        Expr::Attribute(a) => {
            matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request")
                && matches!(a.attr.as_str(), "url" | "path" | "base_url" | "full_path")
        }
        _ => false,
    };
    any_expr(&function.body, &mut |expr| {
        if expr.start() < call.call.end() {
            return false;
        }
        match expr {
            Expr::Compare(compare) => {
                let sides: Vec<&Expr> = std::iter::once(compare.left.as_ref())
                    .chain(compare.comparators.iter())
                    .collect();
                matches!(
                    compare.ops.as_ref(),
                    [ruff_python_ast::CmpOp::Eq | ruff_python_ast::CmpOp::NotEq]
                ) && sides.iter().any(|side| holds_claim(side))
                    && sides.iter().any(|side| fixed_or_request(side))
            }
            Expr::Call(startswith) => {
                matches!(startswith.func.as_ref(), Expr::Attribute(method)
                if method.attr.as_str() == "startswith" && holds_claim(&method.value))
                    && matches!(
                        startswith.arguments.args.first(),
                        Some(Expr::StringLiteral(_))
                    )
            }
            _ => false,
        }
    })
}

/// The function holding the decode and the local it assigns the decoded claims to
/// (`payload = jwt.decode(...)`).
/// The names `function` assigns, after the decode, a value for which `holds` is true.
fn assigned_after<'a>(
    function: &'a ruff_python_ast::StmtFunctionDef,
    call: &JwtCall<'_>,
    holds: &dyn Fn(&Expr) -> bool,
) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    visit_stmts(&function.body, &mut |stmt| {
        if let Stmt::Assign(assign) = stmt
            && assign.start() > call.call.end()
            && holds(&assign.value)
            && let [Expr::Name(name)] = assign.targets.as_slice()
        {
            names.push(name.id.as_str());
        }
    });
    names
}

fn decoded_into<'a>(call: &JwtCall<'a>) -> Option<(&'a ruff_python_ast::StmtFunctionDef, &'a str)> {
    let function = call.function?;
    let mut claims_name = None;
    visit_stmts(&function.body, &mut |stmt| {
        if let Stmt::Assign(assign) = stmt
            && assign.value.range() == call.call.range()
            && let [Expr::Name(name)] = assign.targets.as_slice()
        {
            claims_name = Some(name.id.as_str());
        }
    });
    Some((function, claims_name?))
}

/// An argument that is absent or literally `None`.
fn missing(
    checker: &Checker<'_, '_>,
    argument: Option<&ruff_python_ast::Expr>,
    call: &JwtCall<'_>,
) -> bool {
    match argument {
        None => true,
        Some(expr) => checker.value(expr, call) == Value::None,
    }
}
