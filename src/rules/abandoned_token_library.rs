//! FL502 abandoned-token-library: an import of a token library that is no longer maintained.
//!
//! Why: the original `flask-jwt` (`flask_jwt`) has had no release since 2015 and is built on the
//! PyJWT 1.x API; itsdangerous removed `TimedJSONWebSignatureSerializer` and
//! `JSONWebSignatureSerializer` in 2.1 after deprecating its JWS support. Code on them gets no
//! security fixes and pins the project to old releases of everything around it.
//! Fix: move to the maintained replacement the message names.

use super::{Checker, Rule};
use crate::model::imports;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL502.md"),
    check,
};

/// The itsdangerous classes removed in 2.1, and the modules that exported them.
const ITSDANGEROUS_JWS: &[&str] = &[
    "TimedJSONWebSignatureSerializer",
    "JSONWebSignatureSerializer",
];

fn check(checker: &mut Checker<'_, '_>) {
    let mut reported_modules = Vec::new();
    for site in imports::sites(checker.source) {
        // `flask_jwt` itself or a submodule; `flask_jwt_extended` is the maintained successor.
        let flask_jwt = site.module == "flask_jwt" || site.module.starts_with("flask_jwt.");
        let jws_class = (site.module == "itsdangerous" || site.module == "itsdangerous.jws")
            .then_some(site.name.as_deref())
            .flatten()
            .filter(|name| ITSDANGEROUS_JWS.contains(name));
        let (message, help) = if flask_jwt {
            (
                "`flask_jwt` is the original Flask-JWT, abandoned since its last release in 2015 and built on the PyJWT 1.x API".to_string(),
                "move to Flask-JWT-Extended (`flask_jwt_extended`: `JWTManager`, `@jwt_required()`, `get_jwt_identity()`), which is maintained and verifies with an algorithm allow-list".to_string(),
            )
        } else if let Some(class) = jws_class {
            let removed = match checker
                .project
                .dependencies
                .package_for(&checker.source.path, "itsdangerous")
                .and_then(|versions| {
                    let range = crate::deps::specifier_ranges(">=2.1").ok()?;
                    versions.admits(&range).filter(|admits| *admits)?;
                    Some(versions.evidence(&checker.project.dependencies.files))
                }) {
                Some(evidence) => {
                    format!("; this import fails with itsdangerous 2.1+, which {evidence} allows")
                }
                None => String::new(),
            };
            (
                format!(
                    "`itsdangerous.{class}` is deprecated JWS support that itsdangerous removed in 2.1 and no longer maintains{removed}"
                ),
                "sign expiring tokens with `itsdangerous.URLSafeTimedSerializer` (`loads(token, max_age=...)`), or issue real JWTs with PyJWT (`jwt.encode` / `jwt.decode(..., algorithms=[...])`)".to_string(),
            )
        } else {
            continue;
        };
        // The whole module is the problem: one finding per `from flask_jwt import A, B`, on
        // the module's name; a removed class is reported per name.
        let range = if flask_jwt {
            site.module_range
        } else {
            site.range
        };
        if reported_modules.contains(&range) {
            continue;
        }
        reported_modules.push(range);
        checker.report(range, message, help);
    }
}
