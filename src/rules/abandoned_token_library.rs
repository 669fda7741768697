//! FL502 abandoned-token-library: an import of a token library that is no longer maintained.
//!
//! Why: the original `flask-jwt` (`flask_jwt`) has had no release since 2015 and is built on the
//! PyJWT 1.x API; itsdangerous removed `TimedJSONWebSignatureSerializer` and
//! `JSONWebSignatureSerializer` in 2.1 after deprecating its JWS support. Code on them gets no
//! security fixes and pins the project to old releases of everything around it.
//! Fix: move to the maintained replacement the message names.
//!
//! One library is one cause: it is reported once per application, at its first import (by path,
//! then position), and the message counts and names the other imports.

use ruff_text_size::TextRange;

use super::{Checker, Rule};
use crate::model::imports;
use crate::source::SourceFile;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL502.md"),
    check,
};

/// The itsdangerous classes removed in 2.1, and the modules that exported them.
const ITSDANGEROUS_JWS: &[&str] = &[
    "TimedJSONWebSignatureSerializer",
    "JSONWebSignatureSerializer",
];

/// An abandoned library, as one cause: every import of it in an application is one finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abandoned {
    FlaskJwt,
    ItsdangerousJws,
}

/// An import of an abandoned library in one module.
struct Import {
    library: Abandoned,
    /// What is imported, for the message: `flask_jwt`, or the itsdangerous class.
    name: String,
    range: TextRange,
}

/// The imports of abandoned libraries in a file, in source order; one per `from flask_jwt
/// import A, B` (the module is the problem) and one per removed itsdangerous class.
fn abandoned_imports(source: &SourceFile) -> Vec<Import> {
    let text: &str = &source.text;
    if !text.contains("flask_jwt") && !text.contains("JSONWebSignatureSerializer") {
        return Vec::new();
    }
    let mut found: Vec<Import> = Vec::new();
    for site in imports::sites(source) {
        // `flask_jwt` itself or a submodule; `flask_jwt_extended` is the maintained successor.
        let flask_jwt = site.module == "flask_jwt" || site.module.starts_with("flask_jwt.");
        let jws_class = (site.module == "itsdangerous" || site.module == "itsdangerous.jws")
            .then_some(site.name.as_deref())
            .flatten()
            .filter(|name| ITSDANGEROUS_JWS.contains(name));
        let import = if flask_jwt {
            Import {
                library: Abandoned::FlaskJwt,
                name: "flask_jwt".to_string(),
                range: site.module_range,
            }
        } else if let Some(class) = jws_class {
            Import {
                library: Abandoned::ItsdangerousJws,
                name: class.to_string(),
                range: site.range,
            }
        } else {
            continue;
        };
        if !found.iter().any(|f| f.range == import.range) {
            found.push(import);
        }
    }
    found
}

/// How many other places the message names before it only counts them.
const PLACES_NAMED: usize = 3;

fn check(checker: &mut Checker<'_, '_>) {
    let here = abandoned_imports(checker.source);
    if here.is_empty() {
        return;
    }
    let project = checker.project;
    let module = checker.file.module;
    let apps = &project.apps;
    for library in [Abandoned::FlaskJwt, Abandoned::ItsdangerousJws] {
        let Some(first_here) = here.iter().find(|i| i.library == library) else {
            continue;
        };
        // One finding per application: at the first import of the library in the app (by path,
        // then position), naming the others. A copy of the app in another folder is another
        // application and gets its own finding.
        let mut first_in_some_app = false;
        let mut others: Vec<(String, usize)> = Vec::new();
        for &unit in apps.of_module(module) {
            let mut sites: Vec<(String, usize, usize, TextRange)> = Vec::new();
            for file in &project.files {
                let info = &project.model.modules[file.module];
                if !info.analysed || !apps.of_module(file.module).contains(&unit) {
                    continue;
                }
                for import in abandoned_imports(info.file)
                    .into_iter()
                    .filter(|i| i.library == library)
                {
                    let line = info.file.position(import.range.start()).line;
                    sites.push((info.file.display_path(), line, file.module, import.range));
                }
            }
            sites.sort_by(|a, b| (&a.0, a.3.start()).cmp(&(&b.0, b.3.start())));
            let Some(first) = sites.first() else { continue };
            if first.2 != module || first.3 != first_here.range {
                continue;
            }
            first_in_some_app = true;
            for (path, line, _, _) in sites.iter().skip(1) {
                if !others.iter().any(|(p, l)| p == path && l == line) {
                    others.push((path.clone(), *line));
                }
            }
        }
        if !first_in_some_app {
            continue;
        }
        let elsewhere = match others.len() {
            0 => String::new(),
            count => {
                let named: Vec<String> = others
                    .iter()
                    .take(PLACES_NAMED)
                    .map(|(path, line)| format!("{path}:{line}"))
                    .collect();
                let more = if count > PLACES_NAMED {
                    format!(" and {} more", count - PLACES_NAMED)
                } else {
                    String::new()
                };
                format!(
                    " (imported {} more time{} in this app: {}{more})",
                    count,
                    if count == 1 { "" } else { "s" },
                    named.join(", ")
                )
            }
        };
        let (message, help) = match library {
            Abandoned::FlaskJwt => (
                format!("`flask_jwt` is the original Flask-JWT, abandoned since its last release in 2015 and built on the PyJWT 1.x API{elsewhere}"),
                "move to Flask-JWT-Extended (`flask_jwt_extended`: `JWTManager`, `@jwt_required()`, `get_jwt_identity()`), which is maintained and verifies with an algorithm allow-list".to_string(),
            ),
            Abandoned::ItsdangerousJws => {
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
                        "`itsdangerous.{}` is deprecated JWS support that itsdangerous removed in 2.1 and no longer maintains{removed}{elsewhere}",
                        first_here.name
                    ),
                    "sign expiring tokens with `itsdangerous.URLSafeTimedSerializer` (`loads(token, max_age=...)`), or issue real JWTs with PyJWT (`jwt.encode` / `jwt.decode(..., algorithms=[...])`)".to_string(),
                )
            }
        };
        let diagnostic = checker.report(first_here.range, message, help);
        // The JWS serializers carry no known vulnerability: where they still import they sign
        // and expire tokens correctly, so what is left is upgrade debt.
        if library == Abandoned::ItsdangerousJws {
            diagnostic.severity = Some(super::Severity::Low);
        }
    }
}
