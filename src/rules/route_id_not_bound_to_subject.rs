//! FL201 route-id-not-bound-to-subject: an authenticated route that takes a user or object ID from
//! the URL and never relates it to the caller's identity (IDOR / BOLA, OWASP API1).
//!
//! Why: authentication says who the caller is, not what they may touch. `GET /users/42/notes`
//! behind `@jwt_required()` that loads user 42's notes without comparing 42 with the token's
//! subject lets any logged-in user read anyone's data by changing the number.
//! Fix: compare the ID with the identity (`if user_id != get_jwt_identity(): abort(403)`) or
//! constrain the query by the owner (`filter_by(id=note_id, owner_id=get_jwt_identity())`).
//! Silent when any such comparison, owner-constrained query, 403 or role check exists, or when the
//! ID goes to a project helper that reads the identity itself.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use super::{Checker, Rule};
use crate::model::routes::{
    IdentityScan, Route, any_expr, expr_contains, forbids, local_assignments, refuses_other_callers,
};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL201.md"),
    check,
};

const USER_WORDS: &[&str] = &[
    "user", "account", "profile", "customer", "member", "owner", "employee", "patient", "student",
    "person", "client",
];
const OWNED_WORDS: &[&str] = &[
    "order",
    "invoice",
    "payment",
    "note",
    "doc",
    "document",
    "file",
    "message",
    "msg",
    "address",
    "card",
    "cart",
    "booking",
    "reservation",
    "ticket",
    "wallet",
    "transaction",
    "subscription",
    "conversation",
    "upload",
    "photo",
    "contact",
    "appointment",
    "attachment",
    "statement",
    "draft",
    "todo",
    "bankaccount",
    "loan",
    "receipt",
];

/// Whether a URL variable names a user or an object that belongs to one.
pub fn identifies_owned_object(name: &str, rule: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if matches!(lower.as_str(), "username" | "user_name" | "email" | "uid") {
        return true;
    }
    let stem = ["_uuid", "uuid", "_id", "id", "_pk", "pk", "_name"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .map(|s| s.trim_end_matches('_'));
    let word = match stem {
        Some("") | None if matches!(lower.as_str(), "id" | "pk" | "uuid" | "_id") => {
            previous_segment(rule, name)
        }
        Some(stem) if !stem.is_empty() => Some(stem.to_string()),
        _ => None,
    };
    word.is_some_and(|w| {
        let known = |word: &str| USER_WORDS.contains(&word) || OWNED_WORDS.contains(&word);
        let joined = w.replace(['-', '_'], "");
        known(&joined)
            || joined.strip_suffix('s').is_some_and(known)
            || joined.strip_suffix("es").is_some_and(known)
    })
}

/// The static path segment right before `<...name>`: `users` in `/users/<int:id>`.
fn previous_segment(rule: &str, name: &str) -> Option<String> {
    let segments: Vec<&str> = rule.split('/').filter(|s| !s.is_empty()).collect();
    let at = segments.iter().position(|s| {
        s.starts_with('<') && s.trim_end_matches('>').rsplit(':').next() == Some(name)
    })?;
    segments[..at]
        .iter()
        .rev()
        .find(|s| !s.starts_with('<'))
        .map(|s| s.to_ascii_lowercase())
}

fn check(checker: &mut Checker<'_, '_>) {
    let project = checker.project;
    for route in checker.routes() {
        let Some(authentication) = &route.authentication else {
            continue;
        };
        let variables: Vec<&str> = route.variables.iter().map(|v| v.name.as_str()).collect();
        if route.role_check.is_some() || refuses_other_callers(&route.handler.body, &variables) {
            continue;
        }
        let identity = IdentityScan::new(&project.model, &project.routes, &project.files, route);
        // One finding per handler, naming every unrelated variable: `/users/<user_id>/addresses/<id>`
        // is one missing ownership check, not two.
        let mut unrelated: Vec<&str> = Vec::new();
        for variable in &route.variables {
            let name = variable.name.as_str();
            if !identifies_owned_object(name, &route.rule)
                || !has_parameter(route, name)
                || !reads(&route.handler.body, name)
            {
                continue;
            }
            // `/user/<username>` pages are how social apps show public profiles; reading one is a
            // design choice, changing one through a name in the URL is not.
            let public_profile = matches!(name, "username" | "user_name")
                && route.methods.iter().all(|m| m == "GET" || m == "HEAD");
            if public_profile || is_related_to_identity(checker, route, name, &identity) {
                continue;
            }
            unrelated.push(name);
        }
        let Some(first) = unrelated.first() else {
            continue;
        };
        let names = unrelated
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(" and ");
        let changing = unrelated
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        let it = if unrelated.len() > 1 { "them" } else { "it" };
        let handler = route.handler_name();
        checker.report(
            route.handler.name.range(),
            format!(
                "`{handler}` uses {names} from `{}` without relating {it} to the caller's identity ({} is available, authenticated by {}): any authenticated user can reach another user's data by changing {changing}{}",
                route.rule, backticked(&authentication.identity), authentication.how, checker.app_of(route)
            ),
            format!(
                "compare it with the caller before use, e.g. `if str({first}) != str({}): abort(403)`, or constrain the query by owner, e.g. `filter_by(id={first}, owner_id={})`",
                authentication.identity, authentication.identity
            ),
        );
    }
}

fn backticked(identity: &str) -> String {
    if identity.contains(' ') {
        identity.to_string()
    } else {
        format!("`{identity}`")
    }
}

fn has_parameter(route: &Route<'_>, name: &str) -> bool {
    route
        .handler
        .parameters
        .iter()
        .any(|p| p.name().as_str() == name)
        || route.handler.parameters.kwarg.is_some()
}

fn reads(body: &[Stmt], name: &str) -> bool {
    any_expr(
        body,
        &mut |e| matches!(e, Expr::Name(n) if n.id.as_str() == name),
    )
}

/// Any comparison, call or helper that puts the ID (or what was loaded with it) next to the
/// caller's identity.
fn is_related_to_identity(
    checker: &Checker<'_, '_>,
    route: &Route<'_>,
    variable: &str,
    identity: &IdentityScan<'_, '_>,
) -> bool {
    let mut derived: Vec<&str> = vec![variable];
    let assignments = local_assignments(&route.handler.body);
    for _ in 0..3 {
        for (name, value) in &assignments {
            if !derived.contains(name) && mentions_any(value, &derived) {
                derived.push(name);
            }
        }
    }
    let project = checker.project;
    let context = project.routes.context(&project.model, &project.files);
    any_expr(&route.handler.body, &mut |expr| match expr {
        Expr::Compare(compare) => {
            let operands: Vec<&Expr> = std::iter::once(compare.left.as_ref())
                .chain(compare.comparators.iter())
                .collect();
            operands.iter().any(|o| mentions_any(o, &derived))
                && operands.iter().any(|o| identity.contains_identity(o))
                || operands
                    .iter()
                    .any(|o| mentions_any(o, &derived) && identity.contains_identity(o))
        }
        // Both values merely handed to a response, a log line or a formatter
        // (`jsonify(NOTES.get(note_id), viewer=claims["sub"])`) relate nothing.
        Expr::Call(call) if only_carries(call) => false,
        Expr::Call(call) => {
            let mut parts: Vec<&Expr> = call.arguments.args.iter().collect();
            parts.extend(call.arguments.keywords.iter().map(|k| &k.value));
            if let Expr::Attribute(attribute) = call.func.as_ref() {
                parts.push(&attribute.value);
            }
            let with_id = parts.iter().any(|p| mentions_any(p, &derived));
            if with_id && parts.iter().any(|p| identity.contains_identity(p)) {
                return true;
            }
            // The ID goes to a project helper: silent when that helper reads the identity or
            // refuses callers itself, since the check may live there.
            with_id
                && context
                    .qualified(route.module, &call.func)
                    .and_then(|q| context.function_for(route.module, &q))
                    .is_some_and(|(module, def)| {
                        forbids(&def.body)
                            || any_expr(&def.body, &mut |e| {
                                context
                                    .qualified(module, e)
                                    .is_some_and(|q| crate::model::routes::is_identity_name(&q))
                            })
                    })
        }
        _ => false,
    })
}

/// A call that only carries its arguments somewhere (a response, a log, a string) without
/// comparing or looking anything up with them.
fn only_carries(call: &ruff_python_ast::ExprCall) -> bool {
    let name = match call.func.as_ref() {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => return false,
    };
    matches!(
        name,
        "jsonify"
            | "make_response"
            | "Response"
            | "render_template"
            | "dict"
            | "print"
            | "format"
            | "str"
            | "dumps"
            | "debug"
            | "info"
            | "warning"
            | "warn"
            | "error"
            | "exception"
            | "log"
    )
}

fn mentions_any(expr: &Expr, names: &[&str]) -> bool {
    expr_contains(
        expr,
        &mut |e| matches!(e, Expr::Name(n) if names.contains(&n.id.as_str())),
    )
}

#[cfg(test)]
mod tests {
    use super::identifies_owned_object;

    #[test]
    fn classifies_url_variables() {
        assert!(identifies_owned_object("user_id", "/users/<int:user_id>"));
        assert!(identifies_owned_object("username", "/u/<username>"));
        assert!(identifies_owned_object("note_id", "/notes/<note_id>"));
        assert!(identifies_owned_object("id", "/users/<int:id>"));
        assert!(identifies_owned_object("id", "/api/orders/<int:id>/items"));
        assert!(!identifies_owned_object("id", "/products/<int:id>"));
        assert!(!identifies_owned_object(
            "product_id",
            "/products/<product_id>"
        ));
        assert!(!identifies_owned_object("slug", "/posts/<slug>"));
        assert!(!identifies_owned_object("page", "/users/<int:page>"));
        assert!(identifies_owned_object(
            "address_id",
            "/addresses/<address_id>"
        ));
        assert!(identifies_owned_object("id", "/addresses/<int:id>"));
    }
}
