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
//! credentials for a public API. The fix reads flask-cors origins from the `CORS_ORIGINS`
//! environment variable (or lets a configured list apply), stops exposing `Authorization`, and
//! drops a hand-set `Access-Control-Allow-Credentials` that browsers refuse next to `*`; an echoed
//! origin gets help only, since the allow-list check it needs is the user's code.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::hardcoded_secret_key::import_position;
use super::{Applicability, Checker, Edit, Fix, Rule};
use crate::model::config::ConfigValue;
use crate::model::routes::{
    any_expr, exits_function, expr_contains, local_assignments, visit_scope_stmts, visit_stmts,
};
use crate::model::scope::Binding;
use crate::model::value::Value;
use crate::model::{At, ProjectModel};

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

/// The fallback of an origins value read from configuration, `config.get("cors_allowed", "*")`
/// or `os.environ.get("CORS_ORIGINS", "*")`: the key it reads and the default's value. The
/// default is what every deployment that does not set the key runs with.
fn read_with_default<'a>(
    model: &ProjectModel<'a>,
    expr: &'a Expr,
    at: &At<'_, 'a>,
) -> Option<(&'a Expr, Value)> {
    let Expr::Call(call) = expr else {
        return None;
    };
    let Expr::Attribute(method) = call.func.as_ref() else {
        return None;
    };
    let qualified = model.qualified_name(&call.func, at);
    let getter = method.attr.as_str() == "get"
        || matches!(qualified.as_deref(), Some("os.getenv" | "os.environ.get"));
    if !getter {
        return None;
    }
    let [key, default] = &call.arguments.args[..] else {
        return None;
    };
    Some((key, model.value(default, at)))
}

/// [`read_with_default`] where the origins are built from the value: a name bound to it, the
/// value split into a list (`origins.split(",")`, `[o.strip() for o in origins.split(",")]`),
/// or the fallback written after `or` (`os.getenv("API_ALLOWED_ORIGINS") or "*"`, round 52's
/// svg_translate_web).
fn defaulted_origins<'a>(
    model: &ProjectModel<'a>,
    expr: &'a Expr,
    at: &At<'_, 'a>,
    depth: usize,
) -> Option<(&'a Expr, Value)> {
    const MAX_STEPS: usize = 4;
    if depth > MAX_STEPS {
        return None;
    }
    match expr {
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Attribute(method)
                if matches!(method.attr.as_str(), "split" | "strip" | "lower" | "rstrip") =>
            {
                defaulted_origins(model, &method.value, at, depth + 1)
            }
            _ => read_with_default(model, expr, at),
        },
        Expr::ListComp(comprehension) => {
            let [generator] = comprehension.generators.as_slice() else {
                return None;
            };
            defaulted_origins(model, &generator.iter, at, depth + 1)
        }
        Expr::Name(name) => {
            let (bindings, found_at) = model.lookup(at, name.id.as_str())?;
            let [Binding::Assign(value)] = bindings else {
                return None;
            };
            defaulted_origins(model, value, &found_at, depth + 1)
        }
        Expr::BoolOp(either) if either.op == ast::BoolOp::Or => {
            let [first, fallback] = either.values.as_slice() else {
                return None;
            };
            let Expr::Call(read) = first else {
                return None;
            };
            let reader = model.qualified_name(&read.func, at);
            let reads_settings = matches!(reader.as_deref(), Some(callee) if crate::model::config::is_environment_reader(callee))
                || matches!(read.func.as_ref(), Expr::Attribute(method) if method.attr.as_str() == "get");
            let key = read.arguments.args.first()?;
            reads_settings.then(|| (key, model.value(fallback, at)))
        }
        _ => None,
    }
}

/// A configuration key as the user writes it in settings: `cors_allowed`, not `"cors_allowed"`.
fn key_name(checker: &Checker<'_, '_>, key: &Expr) -> String {
    match key {
        Expr::StringLiteral(literal) => literal.value.to_str().to_string(),
        _ => checker.text(key).to_string(),
    }
}

fn keyword<'a>(call: &'a ast::ExprCall, name: &str) -> Option<&'a Expr> {
    call.arguments
        .keywords
        .iter()
        .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
        .map(|k| &k.value)
}

/// The production value of a flask-cors config key (`CORS_ORIGINS`), if the application the
/// call belongs to sets one.
fn config_value(checker: &Checker<'_, '_>, key: &str) -> Option<Value> {
    let config = &checker.project.config;
    let apps = &checker.project.apps;
    let here = checker.file.module;
    let settings: Vec<_> = config
        .production_settings(key)
        .filter(|e| apps.share(e.module, here))
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
    check_flask_cors(checker);
    check_headers(checker);
}

/// `cors` in `cors.init_app(app, ...)`: a `CORS()` made here or in another module.
fn is_cors_instance(checker: &Checker<'_, '_>, receiver: &Expr, at: &At<'_, '_>) -> bool {
    let model = &checker.project.model;
    let Some(qualified) = model.qualified_name(receiver, at) else {
        return false;
    };
    if qualified == "flask_cors.CORS()" {
        return true;
    }
    // `from .extensions import cors`: the name's own assignment in its module.
    let Some((module, name)) = model.split_module(&qualified) else {
        return false;
    };
    match model.modules[module].scope.get(name) {
        Some([Binding::Assign(value)]) => {
            model.qualified_name(value, &At::top(module)).as_deref() == Some("flask_cors.CORS()")
        }
        _ => false,
    }
}

fn check_flask_cors<'a>(checker: &mut Checker<'_, 'a>) {
    let at = checker.file.at(None);
    let model = &checker.project.model;
    let mut calls: Vec<(&ast::ExprCall, String)> = Vec::new();
    for fact in checker.file.calls.iter() {
        let call = fact.call;
        if let Some(q) = fact.callee
            && (q == "flask_cors.CORS" || q == "flask_cors.cross_origin")
        {
            calls.push((call, q.rsplit('.').next().unwrap_or("CORS").to_string()));
        } else if let Expr::Attribute(method) = call.func.as_ref()
            && method.attr.as_str() == "init_app"
            // `cors.init_app(app)` alone applies what `CORS(...)` was given, judged there.
            && !call.arguments.keywords.is_empty()
            && is_cors_instance(checker, &method.value, &at)
        {
            // `cors = CORS()` in an extensions module, `cors.init_app(app, ...)` in the factory:
            // `init_app` takes the same options.
            calls.push((call, "CORS.init_app".to_string()));
        }
    }
    for (call, callee) in calls {
        let value = |e: &Expr| model.value(e, &at);
        let credentials_keyword = keyword(call, "supports_credentials");
        let credentials = match credentials_keyword {
            Some(e) => value(e).truthy() == Some(true),
            None => config_value(checker, "CORS_SUPPORTS_CREDENTIALS")
                .is_some_and(|v| v.truthy() == Some(true)),
        };
        // `origins=config.get("cors_allowed", "*")`: open wherever the key is not set.
        let call_at = checker.file.at(checker.file.scope_around(call.range()));
        let wildcard_default = |e: &'a Expr| {
            defaulted_origins(model, e, &call_at, 0)
                .filter(|(_, default)| origins_of(default) == Origins::Any)
        };
        let mut defaulted = keyword(call, "origins")
            .filter(|e| origins_of(&value(e)) == Origins::Unknown)
            .and_then(wildcard_default);
        let top_origins = match keyword(call, "origins") {
            Some(_) if defaulted.is_some() => Origins::Any,
            Some(e) => origins_of(&value(e)),
            None => match config_value(checker, "CORS_ORIGINS") {
                Some(v) => origins_of(&v),
                None => Origins::Any,
            },
        };
        // `resources={r"/api/*": {"origins": "*", "supports_credentials": True}}`
        let mut per_resource: Vec<Resource<'_>> = Vec::new();
        if let Some(Expr::Dict(resources)) = keyword(call, "resources") {
            for item in &resources.items {
                let pattern = match &item.key {
                    Some(Expr::StringLiteral(key)) => Some(key.value.to_str().to_string()),
                    _ => None,
                };
                let Expr::Dict(options) = &item.value else {
                    per_resource.push(Resource {
                        pattern,
                        origins: Origins::Unknown,
                        credentials: false,
                        credentials_at: None,
                        own_origins: None,
                        defaulted: None,
                    });
                    continue;
                };
                let mut resource = Resource {
                    pattern,
                    origins: top_origins,
                    credentials,
                    credentials_at: None,
                    own_origins: None,
                    defaulted: None,
                };
                for option in &options.items {
                    let Some(Expr::StringLiteral(key)) = &option.key else {
                        continue;
                    };
                    match key.value.to_str() {
                        "origins" => {
                            resource.origins = origins_of(&value(&option.value));
                            if resource.origins == Origins::Unknown
                                && let Some(found) = wildcard_default(&option.value)
                            {
                                resource.origins = Origins::Any;
                                resource.defaulted = Some(found);
                            }
                            resource.own_origins = Some(&option.value);
                        }
                        "supports_credentials" => {
                            resource.credentials = value(&option.value).truthy() == Some(true);
                            resource.credentials_at = Some(option.value.range());
                        }
                        _ => {}
                    }
                }
                per_resource.push(resource);
            }
        } else {
            per_resource.push(Resource {
                pattern: None,
                origins: top_origins,
                credentials,
                credentials_at: None,
                own_origins: None,
                defaulted: None,
            });
        }
        let open = |r: &Resource<'_>| r.credentials && r.origins == Origins::Any;
        let Some((resource_range, own_origins, resource_default)) = per_resource
            .iter()
            .find(|r| open(r))
            .map(|r| (r.credentials_at, r.own_origins, r.defaulted.clone()))
        else {
            check_exposed_authorization(checker, call, &callee, &per_resource);
            continue;
        };
        if own_origins.is_some() {
            defaulted = resource_default;
        }
        // The project reads its origins from its own configuration: the default is its to drop.
        let fix = match defaulted {
            Some(_) => None,
            None => origins_fix(checker, call, &per_resource, open),
        };
        let range = resource_range
            .or_else(|| credentials_keyword.map(Ranged::range))
            .unwrap_or(call.range());
        let origin_source = match (own_origins, keyword(call, "origins")) {
            (Some(e), _) => match &defaulted {
                Some((key, _)) => format!(
                    "`\"origins\": {}` (`*` wherever `{}` is not configured)",
                    checker.text(e),
                    key_name(checker, key)
                ),
                None => format!("`\"origins\": {}`", checker.text(e)),
            },
            (None, Some(e)) => match defaulted {
                Some((key, _)) => format!(
                    "`origins={}` (`*` wherever `{}` is not configured)",
                    checker.text(e),
                    key_name(checker, key)
                ),
                None => format!("`origins={}`", checker.text(e)),
            },
            (None, None) if config_value(checker, "CORS_ORIGINS").is_some() => {
                "a wildcard `CORS_ORIGINS`".to_string()
            }
            (None, None) => "no `origins` (flask-cors defaults to `*`)".to_string(),
        };
        let credentials_source = if credentials_keyword.is_some() || resource_range.is_some() {
            "`supports_credentials=True`".to_string()
        } else {
            "`CORS_SUPPORTS_CREDENTIALS = True`".to_string()
        };
        // The open resources' URL prefixes, when every one of them names one.
        let scope: Option<Vec<String>> = per_resource
            .iter()
            .filter(|r| open(r))
            .map(|r| r.pattern.as_deref().and_then(pattern_prefix))
            .collect();
        let (severity, why) = match weight_by_cookies(checker) {
            (None, _) => scope
                .and_then(|prefixes| header_tokens_only(checker, &prefixes))
                .unwrap_or((None, String::new())),
            weighed => weighed,
        };
        let diagnostic = checker.report(
            range,
            format!(
                "`{callee}(...)` with {credentials_source} and {origin_source} answers every origin with its own `Origin` and `Access-Control-Allow-Credentials: true`: any web page can make authenticated requests and read the responses{why}"
            ),
            match defaulted {
                Some((key, _)) => format!("drop the `*` default, so that a deployment that does not configure `{}` allows no origin (or refuses to start), or drop `supports_credentials` for a public API", key_name(checker, key)),
                None => "list the trusted origins (`origins=[\"https://app.example.com\"]` or `CORS_ORIGINS`), or drop `supports_credentials` for a public API".to_string(),
            },
        );
        diagnostic.fix = fix;
        diagnostic.severity = severity;
    }
}

/// Credentials a browser sends cross-site by itself are cookies (and HTTP auth it cached): in an
/// application where no module keeps a login in a cookie (no login library, no Flask `session`,
/// no cookie set or read), a page on another origin gets nothing the user's browser adds, so
/// the finding is low until one does. Otherwise the rule's own severity.
/// The route (methods and rule) whose handler sets the header at `range`, when every route that
/// handler serves requires no authentication and the handler reads no caller (no
/// `current_user`, session, identity call or injected identity).
fn open_route_answering(checker: &Checker<'_, '_>, range: TextRange) -> Option<String> {
    let project = checker.project;
    let module = checker.file.module;
    let routes: Vec<&crate::model::routes::Route<'_>> = project
        .routes
        .routes
        .iter()
        .filter(|route| route.module == module && route.handler.range().contains_range(range))
        .collect();
    let first = routes.first()?;
    let open = routes.iter().all(|route| {
        route.authentication.is_none() && !route.unknown_hook && route.optional_hook.is_none() && {
            let identity = crate::model::routes::IdentityScan::new(
                &project.model,
                &project.routes,
                &project.files,
                route,
            );
            !any_expr(&route.handler.body, &mut |e| identity.contains_identity(e))
        }
    });
    open.then(|| format!("{} {}", first.methods.join("|"), first.rule))
}

fn weight_by_cookies(checker: &Checker<'_, '_>) -> (Option<super::Severity>, String) {
    let project = checker.project;
    let module = checker.file.module;
    let with_cookies = project
        .files
        .iter()
        .any(|file| file.cookie_authority.is_some() && project.apps.share(file.module, module));
    if with_cookies {
        (None, String::new())
    } else {
        (
            Some(super::Severity::Low),
            "; low severity: no module of this app keeps a login in a cookie (no `flask_login`, Flask `session` or cookie), so a cross-origin page gets no credentials the browser adds by itself; it becomes exploitable once one does".to_string(),
        )
    }
}

/// The literal prefix of a flask-cors resource pattern (a regular expression matched at the
/// start of the path): `/api` of `r"/api/*"` or `r"/api/.*"`; `None` for a pattern whose
/// prefix is not plain text (a `.*` start) or that is empty.
fn pattern_prefix(pattern: &str) -> Option<String> {
    let end = pattern
        .find(|c: char| {
            matches!(
                c,
                '*' | '.' | '(' | '[' | '?' | '+' | '{' | '|' | '\\' | '$' | '^'
            )
        })
        .unwrap_or(pattern.len());
    let prefix = pattern[..end].trim_end_matches('/');
    (prefix.len() > 1 && prefix.starts_with('/')).then(|| prefix.to_string())
}

/// Low when the routes the open resources cover are all authenticated by tokens the caller
/// sends itself in a header (RecipeRaven's `/api/*` under `@jwt_required()` with Flask-JWT-
/// Extended's default header location), while the app's cookie login (Flask-Login for its
/// `/admin` pages) lies outside them: a page on another origin can read only what its own
/// request carried. `None` when a covered route reads a cookie login, or none is covered.
fn header_tokens_only(
    checker: &Checker<'_, '_>,
    prefixes: &[String],
) -> Option<(Option<super::Severity>, String)> {
    let project = checker.project;
    let module = checker.file.module;
    // Flask-JWT-Extended told to read cookies (or told something flasklint cannot read) makes
    // its tokens cookies too.
    let jwt_cookies = project
        .config
        .production_settings("JWT_TOKEN_LOCATION")
        .filter(|e| project.apps.share(e.module, module))
        .any(|e| {
            e.value
                .literal()
                .and_then(Value::strings)
                .is_none_or(|locations| locations.contains(&"cookies"))
        });
    // A module of the app that sets or reads a cookie may be where a project decorator finds
    // its token: then "verifies a token" says nothing of where the token travels.
    let cookie_tokens = project.files.iter().any(|file| {
        project.apps.share(file.module, module)
            && file.cookie_authority.as_deref() == Some(crate::model::SETS_OR_READS_COOKIES)
    });
    let mut covered = 0;
    for route in project.routes.routes.iter().filter(|route| {
        project.apps.share(route.module, module)
            && prefixes.iter().any(|prefix| {
                route.rule == *prefix || route.rule.starts_with(&format!("{prefix}/"))
            })
    }) {
        covered += 1;
        // Also a project decorator that verifies a token (a gym API's `@require_staff()`,
        // which calls `verify_jwt_in_request()`): with no JWT cookie location, the token
        // comes in a header.
        let by_header_token = route.authentication.as_ref().is_some_and(|auth| {
            auth.identity.contains("get_jwt_identity")
                || auth.how.contains("jwt_required")
                || (auth.how.contains("verifies a token") && !cookie_tokens)
        });
        // `current_user = get_jwt_identity()` (RecipeRaven) is a local, and a `current_user`
        // parameter the decorator passes in is the token's user: not Flask-Login's.
        let locals = local_assignments(&route.handler.body);
        let parameters: Vec<&str> = route
            .handler
            .parameters
            .iter_non_variadic_params()
            .map(|p| p.parameter.name.as_str())
            .collect();
        let reads_login = any_expr(&route.handler.body, &mut |e| {
            matches!(e, Expr::Name(n)
                if matches!(n.id.as_str(), "current_user" | "session")
                    && !locals.iter().any(|(name, _)| *name == n.id.as_str())
                    && !parameters.contains(&n.id.as_str()))
        });
        let open = route.authentication.is_none();
        if jwt_cookies || reads_login || !(by_header_token || open) {
            return None;
        }
    }
    (covered > 0).then(|| {
        (
            Some(super::Severity::Low),
            format!(
                "; low severity: the resources it opens ({}) hold only routes that take a token the caller sends in a header (or none), and the app's cookie login lies outside them, so a page on another origin reads only what its own request carried",
                prefixes
                    .iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })
}

/// The options flask-cors applies to one resource (the whole app when there is no
/// `resources={...}` dict).
struct Resource<'a> {
    /// The URL pattern of a `resources={...}` entry (`r"/api/*"`); `None` for the whole app or
    /// a key that is not a string.
    pattern: Option<String>,
    origins: Origins,
    credentials: bool,
    /// The resource's own `"supports_credentials"` value.
    credentials_at: Option<TextRange>,
    /// The resource's own `"origins"` value; `None`: it inherits the call's.
    own_origins: Option<&'a Expr>,
    /// The own origins fall back to a wildcard where a setting is missing: its key and value.
    defaulted: Option<(&'a Expr, Value)>,
}

/// The environment variable the fix reads the trusted origins from: flask-cors's own name for
/// the setting.
const ORIGINS_VARIABLE: &str = "CORS_ORIGINS";

/// Makes every resource that `needs_fix` read its origins from the environment:
/// `origins=os.environ["CORS_ORIGINS"].split(",")`, replacing the wildcard (the resource's own
/// `"origins"`, else the call's `origins=`) or adding `origins=` when flask-cors's default `*`
/// applies. A wildcard that comes from the configuration (`CORS_ORIGINS = "*"`) is left to the
/// user: overriding the setting in code would leave it lying about what the app does.
fn origins_fix(
    checker: &Checker<'_, '_>,
    call: &ast::ExprCall,
    resources: &[Resource<'_>],
    needs_fix: impl Fn(&Resource<'_>) -> bool,
) -> Option<Fix> {
    let (environ, import) = environ_access(checker)?;
    let origins = format!("{environ}[\"{ORIGINS_VARIABLE}\"].split(\",\")");
    let configured = config_value(checker, "CORS_ORIGINS");
    let mut edits: Vec<Edit> = Vec::new();
    let mut reads_environment = false;
    let mut dropped = None;
    for resource in resources.iter().filter(|r| needs_fix(r)) {
        let edit = match (resource.own_origins, keyword(call, "origins")) {
            (Some(own), _) => {
                reads_environment = true;
                Edit {
                    range: own.range(),
                    content: origins.clone(),
                }
            }
            // `origins="*"` overriding a configured list: without it, the list applies.
            (None, Some(top))
                if configured
                    .as_ref()
                    .is_some_and(|v| origins_of(v) == Origins::Listed) =>
            {
                let keyword = call
                    .arguments
                    .keywords
                    .iter()
                    .find(|k| k.value.range() == top.range())?;
                dropped = Some(checker.text(keyword));
                remove_argument(call, keyword.range())?
            }
            (None, Some(top)) => {
                reads_environment = true;
                Edit {
                    range: top.range(),
                    content: origins.clone(),
                }
            }
            (None, None) => {
                // A `**options` may hold `origins` too: a second one is a `TypeError`.
                let unpacked = call.arguments.keywords.iter().any(|k| k.arg.is_none());
                if configured.is_some() || unpacked {
                    return None;
                }
                reads_environment = true;
                super::append_argument(call, &format!("origins={origins}"))
            }
        };
        if !edits.contains(&edit) {
            edits.push(edit);
        }
    }
    let mut description = Vec::new();
    if let Some(dropped) = dropped {
        description.push(format!(
            "remove `{dropped}`, so the configured `CORS_ORIGINS` list applies"
        ));
    }
    if reads_environment {
        edits.extend(import);
        description.push(format!(
            "read the trusted origins from the `{ORIGINS_VARIABLE}` environment variable (comma-separated, e.g. `https://app.example.com,https://admin.example.com`): `{origins}`"
        ));
    }
    if edits.is_empty() {
        return None;
    }
    Some(Fix {
        description: description.join("; "),
        edits,
        // Cross-origin callers not listed are refused, and the app no longer starts without
        // the variable.
        applicability: Applicability::Unsafe,
    })
}

/// An edit removing the argument at `target` from `call`, with its comma.
fn remove_argument(call: &ast::ExprCall, target: TextRange) -> Option<Edit> {
    super::remove_list_element(target, &crate::model::argument_ranges(call))
}

/// How this module reaches `os.environ`, and the `import os` to add when it has no `os` yet.
fn environ_access(checker: &Checker<'_, '_>) -> Option<(&'static str, Option<Edit>)> {
    let scope = &checker.project.model.modules[checker.file.module].scope;
    match (scope.get("os"), scope.get("environ")) {
        (Some([Binding::Import(target)]), _) if target == "os" => Some(("os.environ", None)),
        (_, Some([Binding::Import(target)])) if target == "os.environ" => Some(("environ", None)),
        (None, _) => {
            let at = import_position(&checker.source.module().body)?;
            Some((
                "os.environ",
                Some(Edit {
                    range: TextRange::empty(at),
                    content: "import os\n".to_string(),
                }),
            ))
        }
        _ => None,
    }
}

fn check_exposed_authorization(
    checker: &mut Checker<'_, '_>,
    call: &ast::ExprCall,
    callee: &str,
    per_resource: &[Resource<'_>],
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
    let open: Vec<&Resource<'_>> = per_resource
        .iter()
        .filter(|r| r.origins == Origins::Any)
        .collect();
    if exposes && !open.is_empty() {
        let fix = unexpose_keyword_fix(checker, call, exposed);
        // flask-cors answers a credentialed request with the caller's own origin: the
        // victim's cookies then come with it. Without credentials a page reads only the
        // tokens answering credentials it sent itself.
        let credentialed = open.iter().any(|r| r.credentials);
        let why = if credentialed {
            ""
        } else {
            "; low severity: without `supports_credentials` browsers send no cookies or other credentials, so a page reads only tokens answering credentials it sent itself, or tokens the server gives out by network position (an intranet service)"
        };
        let diagnostic = checker.report(
            exposed.range(),
            format!(
                "`{callee}(...)` exposes the `Authorization` response header to every origin: any web page can read the tokens the API sends in it{why}"
            ),
            "list the trusted origins (`origins=[...]`), or stop exposing `Authorization`".to_string(),
        );
        diagnostic.fix = fix;
        if !credentialed {
            diagnostic.severity = Some(super::Severity::Low);
        }
    }
}

/// Whether a header name in an expose list is `Authorization`.
fn is_authorization(header: &str) -> bool {
    header.trim().eq_ignore_ascii_case("authorization")
}

/// Drops `Authorization` from a flask-cors `expose_headers=` written as a literal list, tuple or
/// string, and the keyword itself when nothing else is left.
fn unexpose_keyword_fix(
    checker: &Checker<'_, '_>,
    call: &ast::ExprCall,
    exposed: &Expr,
) -> Option<Fix> {
    let kept: Option<String> = match exposed {
        Expr::List(ast::ExprList { elts, .. })
        | Expr::Tuple(ast::ExprTuple { elts, .. })
        | Expr::Set(ast::ExprSet { elts, .. }) => {
            let mut kept = Vec::new();
            for element in elts {
                let Expr::StringLiteral(s) = element else {
                    return None;
                };
                if !is_authorization(s.value.to_str()) {
                    kept.push(checker.text(element));
                }
            }
            (!kept.is_empty()).then(|| format!("[{}]", kept.join(", ")))
        }
        Expr::StringLiteral(s) => kept_headers(checker, s)?,
        _ => return None,
    };
    let edit = match kept {
        Some(content) => Edit {
            range: exposed.range(),
            content,
        },
        None => {
            let keyword = call.arguments.keywords.iter().find(|k| {
                k.arg
                    .as_ref()
                    .is_some_and(|a| a.as_str() == "expose_headers")
            })?;
            remove_argument(call, keyword.range())?
        }
    };
    Some(Fix {
        description: "stop exposing the `Authorization` response header to other origins"
            .to_string(),
        edits: vec![edit],
        // Pages on other origins that read the header (a front end taking a refreshed token
        // from it) no longer can.
        applicability: Applicability::Unsafe,
    })
}

/// A comma-separated header list written as one plain string literal, without `Authorization`:
/// `Some(None)` when nothing is left, `None` when the literal cannot be rewritten safely.
fn kept_headers(
    checker: &Checker<'_, '_>,
    literal: &ast::ExprStringLiteral,
) -> Option<Option<String>> {
    let text = checker.text(literal);
    let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = literal.value.to_str();
    if literal.value.is_implicit_concatenated() || value.contains(['\\', '"', '\'', '\n']) {
        return None;
    }
    let kept: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|h| !h.is_empty() && !is_authorization(h))
        .collect();
    Some((!kept.is_empty()).then(|| format!("{quote}{}{quote}", kept.join(", "))))
}

/// A header set in code: its name (lower case), its value, and how to take it out.
struct HeaderSet<'a> {
    name: String,
    value: &'a Expr,
    site: Site<'a>,
}

/// Where a header is set, for a fix that removes it.
enum Site<'a> {
    /// The whole statement: `resp.headers["X"] = v`, `resp.headers.add("X", v)`.
    Statement(&'a Stmt),
    /// One item of a dict literal: the item (key to value) and every item of the dict.
    DictItem(TextRange, Vec<TextRange>),
    /// Inside a larger expression: no mechanical removal.
    Nested,
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
                    site: match assign.targets.len() {
                        1 => Site::Statement(stmt),
                        _ => Site::Nested,
                    },
                });
            }
        }
    }
    let whole = match stmt {
        Stmt::Expr(expr) => Some(expr.value.range()),
        _ => None,
    };
    any_expr(std::slice::from_ref(stmt), &mut |e| {
        match e {
            Expr::Call(call) => {
                if let Expr::Attribute(a) = call.func.as_ref()
                    && matches!(a.attr.as_str(), "add" | "set" | "setdefault" | "add_header")
                    && let [name, value, ..] = &call.arguments.args[..]
                    && let Some(name) = literal(name)
                {
                    let site = match whole == Some(call.range()) {
                        true => Site::Statement(stmt),
                        false => Site::Nested,
                    };
                    out.push(HeaderSet { name, value, site });
                }
            }
            Expr::Dict(dict) => {
                // `{**defaults, ...}`: an unpacked item's range does not hold its `**`.
                let items: Option<Vec<TextRange>> = dict
                    .items
                    .iter()
                    .map(|item| {
                        item.key
                            .as_ref()
                            .map(|key| TextRange::new(key.start(), item.value.end()))
                    })
                    .collect();
                for item in &dict.items {
                    if let Some(name) = item.key.as_ref().and_then(literal) {
                        let site = match (&items, &item.key) {
                            (Some(items), Some(key)) => Site::DictItem(
                                TextRange::new(key.start(), item.value.end()),
                                items.clone(),
                            ),
                            _ => Site::Nested,
                        };
                        out.push(HeaderSet {
                            name,
                            value: &item.value,
                            site,
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

/// Whether `text` spells `Access-Control-Allow-Origin`, in any case. Found from its first
/// hyphen: hyphens are rare in Python, letters are not.
fn names_allow_origin(text: &[u8]) -> bool {
    const HEADER: &[u8] = b"access-control-allow-origin";
    const HYPHEN_AT: usize = 6;
    memchr::memchr_iter(b'-', text).any(|at| {
        at.checked_sub(HYPHEN_AT)
            .and_then(|start| text.get(start..start + HEADER.len()))
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(HEADER))
    })
}

fn check_headers(checker: &mut Checker<'_, '_>) {
    // Everything here judges a literal `Access-Control-Allow-Origin` header: a file that does
    // not spell it (in any case) sets none, and most files are skipped without a walk.
    if !names_allow_origin(checker.source.text.as_bytes()) {
        return;
    }
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
        let mut branches: Vec<&ast::StmtIf> = Vec::new();
        // One function's own statements: a hook defined inside `create_app` is judged as its
        // own function, not again as part of the factory (LibreTranslate's `after_request` was
        // reported twice).
        visit_scope_stmts(body, &mut |stmt| {
            if matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                return;
            }
            header_sets(stmt, &mut sets);
            if let Stmt::If(stmt) = stmt {
                branches.push(stmt);
            }
        });
        // Everything below judges an `Access-Control-Allow-Origin` set: most functions have none.
        if !sets.iter().any(|h| h.name == "access-control-allow-origin") {
            continue;
        }
        let origin_vars: Vec<&str> = local_assignments(body)
            .into_iter()
            .filter(|(_, v)| reads_origin(checker, v, &at))
            .map(|(n, _)| n)
            .collect();
        let compares_origin = |test: &Expr| {
            reads_origin_name(checker, test, &origin_vars, &at) && !only_tests_presence(test)
        };
        let guarded: Vec<TextRange> = branches
            .iter()
            .filter(|branch| compares_origin(&branch.test))
            .map(|branch| branch.range())
            .collect();
        // `if origin not in allowed_origins: return response` before the header is set
        // (canaille's CORS hooks): everything after it answers allowed origins only.
        let guarded_from: Option<TextSize> = body
            .iter()
            .find(|stmt| {
                matches!(stmt, Stmt::If(branch)
                    if branch.elif_else_clauses.is_empty()
                        && compares_origin(&branch.test)
                        && branch.body.last().is_some_and(exits_function))
            })
            .map(Ranged::end);
        // A compound statement's walk also sees the header sets of the statements inside it,
        // which are visited on their own too: keep one entry per set, the one that knows its
        // statement.
        let mut unique: Vec<HeaderSet<'_>> = Vec::new();
        for set in sets {
            match unique
                .iter_mut()
                .find(|u| u.name == set.name && u.value.range() == set.value.range())
            {
                Some(known) => {
                    if matches!(known.site, Site::Nested) {
                        known.site = set.site;
                    }
                }
                None => unique.push(set),
            }
        }
        let sets = unique;
        let is_credentials = |h: &HeaderSet<'_>| {
            h.name == "access-control-allow-credentials"
                && checker
                    .project
                    .model
                    .value(h.value, &at)
                    .as_str()
                    .map_or(matches!(h.value, Expr::BooleanLiteral(b) if b.value), |s| {
                        s.eq_ignore_ascii_case("true")
                    })
        };
        let credentials = sets.iter().any(is_credentials);
        let is_exposing = |h: &HeaderSet<'_>| {
            h.name == "access-control-expose-headers"
                && checker
                    .project
                    .model
                    .value(h.value, &at)
                    .as_str()
                    .is_some_and(|v| v.to_ascii_lowercase().contains("authorization"))
        };
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
            let allow_listed = guarded.iter().any(|g| g.contains_range(set.value.range()))
                || guarded_from.is_some_and(|end| end <= set.value.start());
            let exposes_authorization = sets.iter().any(is_exposing);
            let text = checker.text(set.value).to_string();
            // An echoed origin needs an allow-list check around it, which only the user can
            // write: no fix.
            let (message, fix) = if credentials && reflected && !allow_listed {
                (
                    format!(
                        "`Access-Control-Allow-Origin` echoes the request's origin (`{text}`) with `Access-Control-Allow-Credentials: true`: any web page can make authenticated requests and read the responses"
                    ),
                    None,
                )
            } else if credentials && wildcard {
                // Browsers refuse credentials with `*`, so dropping the credentials header
                // changes nothing that works today; it removes the reason to "fix" the pair by
                // echoing the origin. `Authorization` goes too, or it would be reported next.
                let mut removed: Vec<&HeaderSet<'_>> =
                    sets.iter().filter(|h| is_credentials(h)).collect();
                let exposing: Vec<&HeaderSet<'_>> =
                    sets.iter().filter(|h| is_exposing(h)).collect();
                let fix = header_fix(checker, &mut removed, &exposing).map(|edits| Fix {
                    description: match exposing.is_empty() {
                        true => "remove `Access-Control-Allow-Credentials: true`, which browsers refuse with `*` anyway".to_string(),
                        false => "remove `Access-Control-Allow-Credentials: true`, which browsers refuse with `*` anyway, and stop exposing `Authorization`".to_string(),
                    },
                    edits,
                    // The response loses a header; a client that reads it sees the change.
                    applicability: Applicability::Unsafe,
                });
                (
                    "`Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`: browsers refuse the pair, and echoing the origin to make it work opens the API to every site".to_string(),
                    fix,
                )
            } else if wildcard && exposes_authorization {
                let exposing: Vec<&HeaderSet<'_>> =
                    sets.iter().filter(|h| is_exposing(h)).collect();
                let fix = header_fix(checker, &mut Vec::new(), &exposing).map(|edits| Fix {
                    description:
                        "stop exposing the `Authorization` response header to every origin"
                            .to_string(),
                    edits,
                    // Pages that read the header (a front end taking a refreshed token from
                    // it) no longer can.
                    applicability: Applicability::Unsafe,
                });
                (
                    "`Access-Control-Expose-Headers` exposes `Authorization` with `Access-Control-Allow-Origin: *`: any web page can read the tokens the API sends in it".to_string(),
                    fix,
                )
            } else {
                continue;
            };
            reported.push(set.value.range());
            // With `*` the browser sends no cookie, Basic credentials or client certificate
            // and shows no credentialed answer: a page reads only the tokens answering
            // credentials it sent itself, or tokens the server hands out by network position.
            let (severity, why) = if message.contains("Access-Control-Expose-Headers") {
                (
                    Some(super::Severity::Low),
                    "; low severity: with `*` browsers send no cookies or other credentials, so a page reads only tokens answering credentials it sent itself, or tokens the server gives out by network position (an intranet service)".to_string(),
                )
            } else if message.contains("browsers refuse the pair") {
                // As written nothing is exposed: the browser drops the response. The risk is
                // the next edit, which is what the message warns about.
                (
                    Some(super::Severity::Low),
                    "; low severity: as written no browser sends credentials to, or reads the answer for, another origin".to_string(),
                )
            } else if let Some(open) = open_route_answering(checker, set.value.range()) {
                // swingmusic's server-sent events: the stream answers everyone alike, so a page
                // reading it with the visitor's cookies learns nothing it could not fetch itself.
                (
                    Some(super::Severity::Low),
                    format!(
                        "; low severity: the route this answers (`{open}`) requires no authentication and its handler reads no caller, so the answer is the same with or without the visitor's credentials"
                    ),
                )
            } else {
                weight_by_cookies(checker)
            };
            let diagnostic = checker.report(
                set.value.range(),
                format!("{message}{why}"),
                "answer only origins from an allow-list (`if origin in ALLOWED_ORIGINS:`), or leave credentials off for a public API".to_string(),
            );
            diagnostic.fix = fix;
            diagnostic.severity = severity;
        }
    }
}

/// `not origin`, `origin is None`, `origin`: a test of whether the request sent an origin,
/// which lets every origin through.
fn only_tests_presence(test: &Expr) -> bool {
    match test {
        Expr::UnaryOp(unary) if unary.op == ast::UnaryOp::Not => {
            only_tests_presence(&unary.operand)
        }
        Expr::Name(_) | Expr::Attribute(_) => true,
        Expr::Call(call) => {
            // `request.headers.get("Origin")` itself.
            matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "get")
        }
        Expr::Compare(compare) => compare.comparators.iter().all(|c| {
            matches!(c, Expr::NoneLiteral(_))
                || matches!(c, Expr::StringLiteral(s) if s.value.to_str().is_empty())
        }),
        _ => false,
    }
}

/// An `if` that checks the origin against something: `if origin in ALLOWED:`.
/// `origin_vars`: the function's locals that hold the request's origin.
fn reads_origin_name(
    checker: &Checker<'_, '_>,
    test: &Expr,
    origin_vars: &[&str],
    at: &At<'_, '_>,
) -> bool {
    reads_origin(checker, test, at)
        || expr_contains(
            test,
            &mut |e| matches!(e, Expr::Name(n) if origin_vars.contains(&n.id.as_str())),
        )
}

/// The edits that remove the header sets in `removed` and take `Authorization` out of the
/// `Access-Control-Expose-Headers` sets in `exposing` (removing those that name nothing else).
/// `None` when one of them cannot be edited mechanically: a value that is not a plain string
/// literal, a header set inside a larger expression, a statement sharing its line.
fn header_fix<'h, 'a>(
    checker: &Checker<'_, '_>,
    removed: &mut Vec<&'h HeaderSet<'a>>,
    exposing: &[&'h HeaderSet<'a>],
) -> Option<Vec<Edit>> {
    let mut edits = Vec::new();
    for set in exposing {
        let Expr::StringLiteral(literal) = set.value else {
            return None;
        };
        match kept_headers(checker, literal)? {
            Some(content) => edits.push(Edit {
                range: set.value.range(),
                content,
            }),
            None => removed.push(set),
        }
    }
    let statements: Vec<&Stmt> = removed
        .iter()
        .filter_map(|set| match set.site {
            Site::Statement(stmt) => Some(stmt),
            _ => None,
        })
        .collect();
    for set in removed.iter() {
        let edit = match &set.site {
            Site::Statement(stmt) => remove_statement(checker, stmt, &statements)?,
            Site::DictItem(item, items) => super::remove_list_element(*item, items)?,
            Site::Nested => return None,
        };
        if !edits.contains(&edit) {
            edits.push(edit);
        }
    }
    // Two items removed from one dict, or a statement's line and an item in it: edits that
    // overlap have no order; leave those to the user.
    edits.sort_by_key(|e| e.range.start());
    if edits.is_empty()
        || edits
            .windows(2)
            .any(|pair| pair[0].range.end() > pair[1].range.start())
    {
        return None;
    }
    Some(edits)
}

/// An edit deleting `stmt` with its line, when it stands alone on its lines (a trailing comment
/// goes with it). When every statement of its block is being removed (`all`), the first becomes
/// `pass` so the block stays valid.
fn remove_statement(checker: &Checker<'_, '_>, stmt: &Stmt, all: &[&Stmt]) -> Option<Edit> {
    let text = checker
        .source
        .slice(TextRange::up_to(checker.source.text_len()));
    let start = stmt.start().to_usize();
    let end = stmt.end().to_usize();
    let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    let rest = text.get(end..)?;
    let line_end = rest.find('\n').map_or(text.len(), |i| end + i + 1);
    let before = text.get(line_start..start)?;
    let after = text.get(end..line_end)?.trim();
    if !before.chars().all(|c| c == ' ' || c == '\t')
        || !(after.is_empty() || after.starts_with('#'))
    {
        return None;
    }
    let block = containing_body(&checker.source.module().body, stmt.range())?;
    let emptied = block
        .iter()
        .all(|s| all.iter().any(|r| r.range() == s.range()));
    if emptied && block.first().is_some_and(|s| s.range() == stmt.range()) {
        return Some(Edit {
            range: stmt.range(),
            content: "pass".to_string(),
        });
    }
    Some(Edit {
        range: TextRange::new(
            TextSize::try_from(line_start).ok()?,
            TextSize::try_from(line_end).ok()?,
        ),
        content: String::new(),
    })
}

/// The statement list (a module, function, class or branch body) that holds the statement at
/// `target` directly.
fn containing_body(body: &[Stmt], target: TextRange) -> Option<&[Stmt]> {
    if body.iter().any(|s| s.range() == target) {
        return Some(body);
    }
    let stmt = body.iter().find(|s| s.range().contains_range(target))?;
    let children: Vec<&[Stmt]> = match stmt {
        Stmt::FunctionDef(s) => vec![&s.body],
        Stmt::ClassDef(s) => vec![&s.body],
        Stmt::If(s) => std::iter::once(&s.body[..])
            .chain(s.elif_else_clauses.iter().map(|c| &c.body[..]))
            .collect(),
        Stmt::For(s) => vec![&s.body, &s.orelse],
        Stmt::While(s) => vec![&s.body, &s.orelse],
        Stmt::With(s) => vec![&s.body],
        Stmt::Try(s) => std::iter::once(&s.body[..])
            .chain(s.handlers.iter().map(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                &h.body[..]
            }))
            .chain([&s.orelse[..], &s.finalbody[..]])
            .collect(),
        Stmt::Match(s) => s.cases.iter().map(|c| &c.body[..]).collect(),
        _ => Vec::new(),
    };
    children
        .into_iter()
        .find_map(|child| containing_body(child, target))
}

#[cfg(test)]
mod tests {
    use super::names_allow_origin;

    #[test]
    fn finds_the_header_in_any_case() {
        assert!(names_allow_origin(
            b"r.headers['Access-Control-Allow-Origin'] = o"
        ));
        assert!(names_allow_origin(b"ACCESS-CONTROL-ALLOW-ORIGIN"));
        assert!(names_allow_origin(
            b"h.add('access-control-allow-origin', '*')"
        ));
        assert!(!names_allow_origin(b"-control-allow-origin"));
        assert!(!names_allow_origin(
            b"Access-Control-Allow-Credentials = x - 1"
        ));
        assert!(!names_allow_origin(b"access-control-allow-origi"));
    }
}
