//! FL204 admin-route-without-role-check: an authenticated administrative route that checks no
//! role, scope or permission.
//!
//! Why: a valid token proves who the caller is, not that they are an administrator. `/admin/*`
//! routes behind `@jwt_required()` alone are open to every registered user (broken function
//! level authorization, OWASP API5).
//! Fix: require a role: a decorator such as `@admin_required` that aborts with 403 unless the
//! verified claims carry the role, or an explicit check in the handler.

use ruff_text_size::Ranged;

use super::{Checker, Rule};
use crate::model::routes::Route;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL204.md"),
    check,
};

fn is_administrative(route: &Route<'_>) -> bool {
    let in_path = route
        .rule
        .split('/')
        .any(|segment| segment.to_ascii_lowercase().starts_with("admin"));
    let handler = route.handler.name.as_str().to_ascii_lowercase();
    let class = route
        .class
        .map(|c| c.name.as_str().to_ascii_lowercase())
        .unwrap_or_default();
    in_path
        || handler.starts_with("admin")
        || handler.contains("_admin")
        || class.starts_with("admin")
}

fn check(checker: &mut Checker<'_, '_>) {
    for route in checker.routes() {
        let Some(authentication) = &route.authentication else {
            continue;
        };
        if route.role_check.is_some() || !is_administrative(route) {
            continue;
        }
        checker.report(
            route.handler.name.range(),
            format!(
                "`{}` serves the administrative route `{} {}` to any authenticated caller ({}): no role, scope or permission is checked{}",
                route.handler.name,
                route.methods.join("|"),
                route.rule,
                authentication.how,
                checker.app_of(route)
            ),
            "require an administrator role, e.g. a decorator that aborts with 403 unless the verified claims say `\"role\": \"admin\"`".to_string(),
        );
    }
}
