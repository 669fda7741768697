//! FL404 cors-credentials-any-origin: cross-origin requests with credentials allowed from any
//! origin.
//!
//! Why: with flask-cors, `supports_credentials=True` and the default (or a wildcard) origin make
//! every response echo the caller's `Origin` with `Access-Control-Allow-Credentials: true`: any
//! web page a logged-in user visits can call the API with the user's cookies and read the answer
//! (CWE-942). Hand-written headers that echo `request.origin` do the same; `*` with credentials
//! is refused by browsers, and "fixing" that by echoing the origin is how the hole appears.
//! Exposing the `Authorization` response header to any origin hands tokens to every page.
//! Fix: list the trusted origins (`origins=["https://app.example.com"]`, `CORS_ORIGINS`), or drop
//! credentials for a public API.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{Checker, Rule};
use crate::model::At;
use crate::model::config::ConfigValue;
use crate::model::routes::{any_expr, expr_contains, local_assignments, visit_stmts};
use crate::model::value::Value;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL404.md"),
    check,
};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Origins {
    /// `*`, `.*`, or flask-cors's default (`*`).
    Any,
    /// A list that names origins.
    Listed,
    /// From the environment, computed, or anything flasklint cannot read.
    Unknown,
}

fn is_wildcard(origin: &str) -> bool {
    let core = origin.trim().trim_start_matches('^').trim_end_matches('$');
    matches!(
        core,
        "*" | ".*" | ".+" | "https?://.*" | "http.*" | "https://.*" | "http://.*"
    )
}

fn origins_of(value: &Value) -> Origins {
    match value.strings() {
        Some(list) if list.iter().any(|o| is_wildcard(o)) => Origins::Any,
        Some(list) if !list.is_empty() => Origins::Listed,
        _ => Origins::Unknown,
    }
}

fn keyword<'a>(call: &'a ast::ExprCall, name: &str) -> Option<&'a Expr> {
    call.arguments
        .keywords
        .iter()
        .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
        .map(|k| &k.value)
}

/// The production value of a flask-cors config key (`CORS_ORIGINS`), if the project sets one.
/// Only settings of the same application count: a module at the top of the checked directory, or
/// one under the same top-level package as the call.
fn config_value(checker: &Checker<'_, '_>, key: &str) -> Option<Value> {
    let config = &checker.project.config;
    let modules = &checker.project.model.modules;
    let package = |name: &str| name.split('.').next().unwrap_or("").to_string();
    let here = package(&modules[checker.file.module].name);
    let settings: Vec<_> = config
        .settings(key)
        .filter(|e| !e.dev_only && !config.is_test_module(e.module))
        .filter(|e| {
            let name = &modules[e.module].name;
            !name.contains('.') || package(name) == here
        })
        .collect();
    if settings.is_empty() {
        return None;
    }
    // Several settings agree or the answer is unknown.
    let values: Vec<Value> = settings
        .iter()
        .map(|e| match &e.value {
            ConfigValue::Literal(l) => l.value.clone(),
            _ => Value::Unknown,
        })
        .collect();
    if values.iter().all(|v| *v == values[0]) {
        Some(values[0].clone())
    } else {
        Some(Value::Unknown)
    }
}

fn check(checker: &mut Checker<'_, '_>) {
    if checker.project.config.is_test_module(checker.file.module) {
        return;
    }
    check_flask_cors(checker);
    check_headers(checker);
}

fn check_flask_cors(checker: &mut Checker<'_, '_>) {
    let at = checker.file.at(None);
    let model = &checker.project.model;
    let mut calls: Vec<(&ast::ExprCall, String)> = Vec::new();
    any_expr(&checker.source.module().body, &mut |e| {
        if let Expr::Call(call) = e
            && let Some(q) = model.qualified_name(&call.func, &at)
            && (q == "flask_cors.CORS" || q == "flask_cors.cross_origin")
        {
            calls.push((call, q.rsplit('.').next().unwrap_or("CORS").to_string()));
        }
        false
    });
    for (call, callee) in calls {
        let value = |e: &Expr| model.value(e, &at);
        let credentials_keyword = keyword(call, "supports_credentials");
        let credentials = match credentials_keyword {
            Some(e) => value(e).truthy() == Some(true),
            None => config_value(checker, "CORS_SUPPORTS_CREDENTIALS")
                .is_some_and(|v| v.truthy() == Some(true)),
        };
        let top_origins = match keyword(call, "origins") {
            Some(e) => origins_of(&value(e)),
            None => match config_value(checker, "CORS_ORIGINS") {
                Some(v) => origins_of(&v),
                None => Origins::Any,
            },
        };
        // `resources={r"/api/*": {"origins": "*", "supports_credentials": True}}`
        let mut per_resource: Vec<(Origins, bool, Option<TextRange>)> = Vec::new();
        if let Some(Expr::Dict(resources)) = keyword(call, "resources") {
            for item in &resources.items {
                let Expr::Dict(options) = &item.value else {
                    per_resource.push((Origins::Unknown, false, None));
                    continue;
                };
                let mut origins = top_origins;
                let mut creds = credentials;
                let mut at_range = None;
                for option in &options.items {
                    let Some(Expr::StringLiteral(key)) = &option.key else {
                        continue;
                    };
                    match key.value.to_str() {
                        "origins" => origins = origins_of(&value(&option.value)),
                        "supports_credentials" => {
                            creds = value(&option.value).truthy() == Some(true);
                            at_range = Some(option.value.range());
                        }
                        _ => {}
                    }
                }
                per_resource.push((origins, creds, at_range));
            }
        } else {
            per_resource.push((top_origins, credentials, None));
        }
        let Some((_, _, resource_range)) = per_resource
            .iter()
            .find(|(origins, creds, _)| *creds && *origins == Origins::Any)
        else {
            check_exposed_authorization(checker, call, &callee, &per_resource);
            continue;
        };
        let range = resource_range
            .or_else(|| credentials_keyword.map(Ranged::range))
            .unwrap_or(call.range());
        let origin_source = match keyword(call, "origins") {
            Some(e) => format!("`origins={}`", checker.text(e)),
            None if config_value(checker, "CORS_ORIGINS").is_some() => {
                "a wildcard `CORS_ORIGINS`".to_string()
            }
            None => "no `origins` (flask-cors defaults to `*`)".to_string(),
        };
        let credentials_source = if credentials_keyword.is_some() || resource_range.is_some() {
            "`supports_credentials=True`".to_string()
        } else {
            "`CORS_SUPPORTS_CREDENTIALS = True`".to_string()
        };
        checker.report(
            range,
            format!(
                "`{callee}(...)` with {credentials_source} and {origin_source} answers every origin with its own `Origin` and `Access-Control-Allow-Credentials: true`: any web page can make authenticated requests and read the responses"
            ),
            "list the trusted origins (`origins=[\"https://app.example.com\"]` or `CORS_ORIGINS`), or drop `supports_credentials` for a public API".to_string(),
        );
    }
}

fn check_exposed_authorization(
    checker: &mut Checker<'_, '_>,
    call: &ast::ExprCall,
    callee: &str,
    per_resource: &[(Origins, bool, Option<TextRange>)],
) {
    let Some(exposed) = keyword(call, "expose_headers") else {
        return;
    };
    let at = checker.file.at(None);
    let value = checker.project.model.value(exposed, &at);
    let exposes = value.strings().is_some_and(|h| {
        h.iter()
            .any(|h| h.to_ascii_lowercase().contains("authorization"))
    });
    if exposes && per_resource.iter().any(|(o, _, _)| *o == Origins::Any) {
        checker.report(
            exposed.range(),
            format!(
                "`{callee}(...)` exposes the `Authorization` response header to every origin: any web page can read the tokens the API sends in it"
            ),
            "list the trusted origins (`origins=[...]`), or stop exposing `Authorization`".to_string(),
        );
    }
}

/// A header set in code: its name (lower case), value and the statement.
struct HeaderSet<'a> {
    name: String,
    value: &'a Expr,
}

fn header_sets<'a>(stmt: &'a Stmt, out: &mut Vec<HeaderSet<'a>>) {
    let literal = |e: &Expr| match e {
        Expr::StringLiteral(s) => Some(s.value.to_str().to_ascii_lowercase()),
        _ => None,
    };
    if let Stmt::Assign(assign) = stmt {
        for target in &assign.targets {
            if let Expr::Subscript(s) = target
                && let Some(name) = literal(&s.slice)
            {
                out.push(HeaderSet {
                    name,
                    value: &assign.value,
                });
            }
        }
    }
    any_expr(std::slice::from_ref(stmt), &mut |e| {
        match e {
            Expr::Call(call) => {
                if let Expr::Attribute(a) = call.func.as_ref()
                    && matches!(a.attr.as_str(), "add" | "set" | "setdefault" | "add_header")
                    && let [name, value, ..] = &call.arguments.args[..]
                    && let Some(name) = literal(name)
                {
                    out.push(HeaderSet { name, value });
                }
            }
            Expr::Dict(dict) => {
                for item in &dict.items {
                    if let Some(name) = item.key.as_ref().and_then(literal) {
                        out.push(HeaderSet {
                            name,
                            value: &item.value,
                        });
                    }
                }
            }
            _ => {}
        }
        false
    });
}

/// `request.origin`, `request.headers.get("Origin")`, `request.headers["Origin"]`,
/// `request.environ.get("HTTP_ORIGIN")`.
fn reads_origin(checker: &Checker<'_, '_>, expr: &Expr, at: &At<'_, '_>) -> bool {
    expr_contains(expr, &mut |e| match e {
        Expr::Attribute(a) if a.attr.as_str() == "origin" => {
            checker
                .project
                .model
                .qualified_name(&a.value, at)
                .as_deref()
                == Some("flask.request")
        }
        Expr::StringLiteral(s) => {
            let s = s.value.to_str();
            s.eq_ignore_ascii_case("origin") || s == "HTTP_ORIGIN"
        }
        _ => false,
    })
}

fn check_headers(checker: &mut Checker<'_, '_>) {
    let module = checker.source.module();
    let mut bodies: Vec<&[Stmt]> = Vec::new();
    visit_stmts(&module.body, &mut |stmt| {
        if let Stmt::FunctionDef(def) = stmt {
            bodies.push(&def.body);
        }
    });
    let at = checker.file.at(None);
    for body in bodies {
        let mut sets: Vec<HeaderSet<'_>> = Vec::new();
        let mut guarded: Vec<TextRange> = Vec::new();
        visit_stmts(body, &mut |stmt| {
            header_sets(stmt, &mut sets);
            if let Stmt::If(stmt) = stmt
                && reads_origin_name(checker, &stmt.test, body, &at)
            {
                guarded.push(stmt.range());
            }
        });
        let credentials = sets.iter().any(|h| {
            h.name == "access-control-allow-credentials"
                && checker
                    .project
                    .model
                    .value(h.value, &at)
                    .as_str()
                    .map_or(matches!(h.value, Expr::BooleanLiteral(b) if b.value), |s| {
                        s.eq_ignore_ascii_case("true")
                    })
        });
        let origin_vars: Vec<&str> = local_assignments(body)
            .into_iter()
            .filter(|(_, v)| reads_origin(checker, v, &at))
            .map(|(n, _)| n)
            .collect();
        let mut reported = Vec::new();
        for set in sets
            .iter()
            .filter(|h| h.name == "access-control-allow-origin")
        {
            if reported.contains(&set.value.range()) {
                continue;
            }
            let wildcard = checker.project.model.value(set.value, &at).as_str() == Some("*");
            let reflected = reads_origin(checker, set.value, &at)
                || matches!(set.value, Expr::Name(n) if origin_vars.contains(&n.id.as_str()));
            let allow_listed = guarded.iter().any(|g| g.contains_range(set.value.range()));
            let exposes_authorization = sets.iter().any(|h| {
                h.name == "access-control-expose-headers"
                    && checker
                        .project
                        .model
                        .value(h.value, &at)
                        .as_str()
                        .is_some_and(|v| v.to_ascii_lowercase().contains("authorization"))
            });
            let text = checker.text(set.value).to_string();
            let message = if credentials && reflected && !allow_listed {
                format!(
                    "`Access-Control-Allow-Origin` echoes the request's origin (`{text}`) with `Access-Control-Allow-Credentials: true`: any web page can make authenticated requests and read the responses"
                )
            } else if credentials && wildcard {
                "`Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`: browsers refuse the pair, and echoing the origin to make it work opens the API to every site".to_string()
            } else if wildcard && exposes_authorization {
                "`Access-Control-Expose-Headers` exposes `Authorization` with `Access-Control-Allow-Origin: *`: any web page can read the tokens the API sends in it".to_string()
            } else {
                continue;
            };
            reported.push(set.value.range());
            checker.report(
                set.value.range(),
                message,
                "answer only origins from an allow-list (`if origin in ALLOWED_ORIGINS:`), or leave credentials off for a public API".to_string(),
            );
        }
    }
}

/// An `if` that checks the origin against something: `if origin in ALLOWED:`.
fn reads_origin_name(
    checker: &Checker<'_, '_>,
    test: &Expr,
    body: &[Stmt],
    at: &At<'_, '_>,
) -> bool {
    let origin_vars: Vec<&str> = local_assignments(body)
        .into_iter()
        .filter(|(_, v)| reads_origin(checker, v, at))
        .map(|(n, _)| n)
        .collect();
    reads_origin(checker, test, at)
        || expr_contains(
            test,
            &mut |e| matches!(e, Expr::Name(n) if origin_vars.contains(&n.id.as_str())),
        )
}
