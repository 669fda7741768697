//! FL303 jwt-extended-insecure-config: Flask-JWT-Extended settings that weaken every token the
//! app issues or accepts.
//!
//! Why: `JWT_ACCESS_TOKEN_EXPIRES = False` mints access tokens that never expire (and days-long
//! ones are nearly as bad); `JWT_REFRESH_TOKEN_EXPIRES = False` makes a stolen refresh token a
//! permanent login; `none` or a mix of HMAC and public-key algorithms in `JWT_ALGORITHM` /
//! `JWT_DECODE_ALGORITHMS` lets forged tokens through; with cookies as a token location,
//! `JWT_COOKIE_CSRF_PROTECT = False` opens every state-changing route to CSRF and
//! `JWT_COOKIE_SECURE` off (its default) sends the token over plain HTTP; a large
//! `JWT_DECODE_LEEWAY` keeps expired tokens alive. (A `JWTManager` without audience or issuer
//! checks is FL306's.)
//! Fix: `timedelta(minutes=15)` access tokens, bounded refresh tokens, one algorithm family,
//! CSRF protection and secure cookies on, a leeway of seconds.

use ruff_text_size::{Ranged, TextRange};

use super::hardcoded_secret_key::import_position;
use super::{Applicability, Checker, Edit, Fix, Rule, Severity};
use crate::model::config::{ConfigEntry, ConfigValue};
use crate::model::jwt::{AlgorithmFamily, algorithm_family};
use crate::model::scope::Binding;
use crate::model::value::Value;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL303.md"),
    check,
};

const DAY: i64 = 86_400;
/// Clock skew between servers is seconds; five minutes is already generous.
const MAX_LEEWAY_SECONDS: i64 = 300;

fn check(checker: &mut Checker<'_, '_>) {
    let config = &checker.project.config;
    let module = checker.file.module;
    let apps = &checker.project.apps;
    // Only settings of the application this module belongs to count.
    let cookies = config.production_settings("JWT_TOKEN_LOCATION").filter(|e| apps.share(e.module, module)).any(
        |e| matches!(e.value.literal().and_then(Value::strings), Some(l) if l.contains(&"cookies")),
    );
    let here: Vec<&ConfigEntry<'_>> = config
        .entries_in(module)
        .iter()
        .filter(|e| !e.dev_only)
        .collect();
    for entry in here {
        let expr = entry.expr;
        let name = &format!("`{}`", entry.display);
        match entry.key.as_str() {
            "JWT_ACCESS_TOKEN_EXPIRES" => {
                let problem = match &entry.value {
                    ConfigValue::Literal(l) if l.value == Value::Bool(false) => {
                        Some("access tokens never expire".to_string())
                    }
                    value => seconds(value)
                        .filter(|s| *s > DAY)
                        .map(|s| format!("access tokens stay valid for {}", lifetime(s))),
                };
                if let Some(problem) = problem {
                    let fix = timedelta_fix(checker, expr.range(), "minutes=15");
                    checker
                        .report(
                            expr.range(),
                            format!("{name} is set so that {problem}: a leaked token is a login for that long"),
                            "use a short lifetime such as `timedelta(minutes=15)` and refresh tokens for long sessions".to_string(),
                        )
                        .fix = fix;
                }
            }
            "JWT_REFRESH_TOKEN_EXPIRES" => {
                if matches!(&entry.value, ConfigValue::Literal(l) if l.value == Value::Bool(false))
                {
                    let fix = timedelta_fix(checker, expr.range(), "days=30");
                    checker
                        .report(
                            expr.range(),
                            format!("{name} is False: refresh tokens never expire, so a stolen one is a permanent login"),
                            "bound refresh tokens, e.g. `timedelta(days=30)` (the library default), and revoke them on logout".to_string(),
                        )
                        .fix = fix;
                }
            }
            "JWT_ALGORITHM" | "JWT_DECODE_ALGORITHMS" => {
                let Some(algorithms) = entry.value.literal().and_then(Value::strings) else {
                    continue;
                };
                let families: Vec<Option<AlgorithmFamily>> =
                    algorithms.iter().map(|a| algorithm_family(a)).collect();
                let problem = if families.contains(&Some(AlgorithmFamily::None)) {
                    Some("accepts `none`: unsigned tokens pass verification".to_string())
                } else if families.contains(&Some(AlgorithmFamily::Hmac))
                    && families.contains(&Some(AlgorithmFamily::Asymmetric))
                {
                    Some(format!(
                        "mixes HMAC and public-key algorithms ({}): a token signed with the public key as an HMAC secret verifies",
                        algorithms.join(", ")
                    ))
                } else {
                    None
                };
                if let Some(problem) = problem {
                    checker.report(
                        expr.range(),
                        format!("{name} {problem}"),
                        "allow exactly the algorithm this app signs with, e.g. `\"HS256\"` or `[\"RS256\"]`".to_string(),
                    );
                }
            }
            "JWT_COOKIE_CSRF_PROTECT" | "JWT_COOKIE_SECURE"
                if cookies
                    && matches!(&entry.value, ConfigValue::Literal(l) if l.value.truthy() == Some(false)) =>
            {
                // `SameSite=Lax`/`Strict` keeps browsers from sending the cookie with another
                // site's POST, PUT or DELETE: what is left is same-site pages and GETs.
                let same_site = (entry.key == "JWT_COOKIE_CSRF_PROTECT")
                    .then(|| {
                        config
                            .production_settings("JWT_COOKIE_SAMESITE")
                            .filter(|e| apps.share(e.module, module))
                            .find_map(|e| {
                                e.value
                                    .literal()
                                    .and_then(Value::as_str)
                                    .map(str::to_string)
                            })
                            .filter(|v| {
                                v.eq_ignore_ascii_case("lax") || v.eq_ignore_ascii_case("strict")
                            })
                    })
                    .flatten();
                // Tisha031's task tracker: every authenticated route that changes state reads
                // `request.get_json()` or answers PUT/PATCH/DELETE only; a cross-site form can
                // send none of them.
                let json_only = (entry.key == "JWT_COOKIE_CSRF_PROTECT" && same_site.is_none())
                    .then(|| routes_out_of_cross_site_reach(checker, module))
                    .flatten();
                let message = if let Some(same_site) = &same_site {
                    format!(
                        "{name} is off while tokens travel in cookies [low: `JWT_COOKIE_SAMESITE = \"{same_site}\"` keeps browsers from sending the cookie with another site's POST, PUT or DELETE; same-site pages, subdomains and state-changing GET routes are still open]"
                    )
                } else if let Some(count) = json_only {
                    format!(
                        "{name} is off while tokens travel in cookies [low: the {count} authenticated routes that change state take JSON bodies (`request.get_json()`) or answer PUT, PATCH or DELETE only, which another site's page cannot send without a CORS preflight; a route that accepts a form or a plain POST would be open]"
                    )
                } else if entry.key == "JWT_COOKIE_CSRF_PROTECT" {
                    format!(
                        "{name} is off while tokens travel in cookies: any site can make the browser send authenticated state-changing requests"
                    )
                } else {
                    format!(
                        "{name} is off while tokens travel in cookies: the token cookie is sent over plain HTTP [low: only someone on the network path of a plain-HTTP request reads it; a hardening setting for deployments behind HTTPS]"
                    )
                };
                let diagnostic = checker.report(
                    expr.range(),
                    message,
                    format!("set `{}` to True", entry.key),
                );
                diagnostic.fix = Some(Fix {
                    description: "set it to True".to_string(),
                    edits: vec![Edit {
                        range: expr.range(),
                        content: "True".to_string(),
                    }],
                    // Clients must now send the CSRF token, or use HTTPS for the cookie.
                    applicability: Applicability::Unsafe,
                });
                if same_site.is_some() || json_only.is_some() || entry.key == "JWT_COOKIE_SECURE" {
                    diagnostic.severity = Some(Severity::Low);
                }
            }
            "JWT_TOKEN_LOCATION"
                if cookies
                    && config
                        .production_settings("JWT_COOKIE_SECURE")
                        .find(|e| apps.share(e.module, module))
                        .is_none()
                    && matches!(entry.value.literal().and_then(Value::strings), Some(l) if l.contains(&"cookies")) =>
            {
                checker.report(
                    expr.range(),
                    format!("{name} includes cookies but `JWT_COOKIE_SECURE` is never set: it defaults to False, so the token cookie is also sent over plain HTTP [low: only someone on the network path of a plain-HTTP request reads it; a hardening setting for deployments behind HTTPS]"),
                    "set `JWT_COOKIE_SECURE = True` in the production configuration".to_string(),
                ).severity = Some(Severity::Low);
            }
            "JWT_DECODE_LEEWAY" => {
                if let Some(s) = seconds(&entry.value).filter(|s| *s > MAX_LEEWAY_SECONDS) {
                    checker.report(
                        expr.range(),
                        format!("{name} accepts tokens {} after they expire", lifetime(s)),
                        "allow a few seconds of clock skew at most, e.g. `JWT_DECODE_LEEWAY = 10`"
                            .to_string(),
                    );
                }
            }
            _ => {}
        }
    }
}

/// The number of authenticated routes of `module`'s application that change state, when none
/// of them can be sent by another site's page: each takes a JSON body only or answers PUT,
/// PATCH or DELETE only. `None` when one accepts a form or a plain POST, or when the
/// application has no routes the model read.
fn routes_out_of_cross_site_reach(checker: &Checker<'_, '_>, module: usize) -> Option<usize> {
    let project = checker.project;
    let mut count = 0;
    let mut seen_routes = false;
    for route in &project.routes.routes {
        if !project.apps.share(route.module, module) {
            continue;
        }
        seen_routes = true;
        if route.authentication.is_none()
            || !super::route_missing_authentication::changes_state(project, route)
        {
            continue;
        }
        let preflighted = route
            .methods
            .iter()
            .all(|m| matches!(m.as_str(), "PUT" | "PATCH" | "DELETE" | "OPTIONS"));
        if !preflighted && !crate::model::request_data::takes_json_body_only(&route.handler.body) {
            return None;
        }
        count += 1;
    }
    (seen_routes && count > 0).then_some(count)
}

/// A lifetime in seconds: an int, or a `timedelta` of literals.
fn seconds(value: &ConfigValue) -> Option<i64> {
    match value {
        ConfigValue::Duration(s) => Some(*s),
        ConfigValue::Literal(l) => match l.value {
            Value::Int(s) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

fn lifetime(seconds: i64) -> String {
    if seconds >= 2 * DAY {
        format!("{} days", seconds / DAY)
    } else if seconds >= 3_600 {
        format!("{} hours", seconds / 3_600)
    } else {
        format!("{} minutes", seconds / 60)
    }
}

/// Replaces `range` with `timedelta(<arguments>)`, importing it when needed.
fn timedelta_fix(checker: &Checker<'_, '_>, range: TextRange, arguments: &str) -> Option<Fix> {
    let info = &checker.project.model.modules[checker.file.module];
    let mut edits = Vec::new();
    let callee = match (info.scope.get("timedelta"), info.scope.get("datetime")) {
        (Some([Binding::Import(t)]), _) if t == "datetime.timedelta" => "timedelta",
        (_, Some([Binding::Import(t)])) if t == "datetime" => "datetime.timedelta",
        (None, _) => {
            edits.push(Edit {
                range: TextRange::empty(import_position(&info.file.module().body)?),
                content: "from datetime import timedelta\n".to_string(),
            });
            "timedelta"
        }
        _ => return None,
    };
    let replacement = format!("{callee}({arguments})");
    edits.push(Edit {
        range,
        content: replacement.clone(),
    });
    Some(Fix {
        description: format!("use `{replacement}`"),
        edits,
        // Tokens that lived forever now expire; clients must refresh them.
        applicability: Applicability::Unsafe,
    })
}
