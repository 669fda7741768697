//! FL205 auth-decorator-above-route: an authentication or role decorator written above the
//! route decorator, where it never runs.
//!
//! Why: `@app.route` registers the function it receives at import time. Decorators listed above
//! it wrap the already-registered function and the wrapper is never called, so
//! `@jwt_required()` over `@app.route("/notes/<id>")` leaves the route wide open while reading
//! as protected. Flask's documentation: the route decorator must be the outermost.
//! When other authentication covers the route (an app-wide `before_request` hook that refuses
//! anonymous requests), a misplaced authentication decorator is reported at low: the route is
//! not open; a misplaced role or permission decorator stays high, since that check is lost.
//! Fix: move the route decorator to the top of the decorator list (the fix does exactly that).
//! The same rule reports a response cache written above the access check (`@cache.memoize()`
//! over `@login_required`): a cache hit returns the stored response without running the check.
//! Fix: put the check outside the cache.

use ruff_python_ast::Expr;
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{Applicability, Checker, Edit, Fix, Rule, Severity};
use crate::model::routes::is_role_word;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL205.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    let project = checker.project;
    let context = project.routes.context(&project.model, &project.files);
    // A resource class gives one route per method, all under the same misplaced decorator.
    let mut reported: Vec<TextRange> = Vec::new();
    for route in checker.routes() {
        let guards: Vec<&&Expr> = route
            .decorators_above_route
            .iter()
            .filter(|d| {
                context.guards_access(route.module, d)
                    && (route.class.is_none()
                        || !context.returns_what_it_decorates(route.module, d))
            })
            .collect();
        // Named after the check it skips: `@require_login` rather than the
        // `@block_before_competition` written above it (picoCTF).
        let Some(guard) = guards
            .iter()
            .find(|d| names_a_login_or_role(checker.text(**d)))
            .or(guards.first())
            .copied()
        else {
            continue;
        };
        if reported.contains(&guard.range()) {
            continue;
        }
        reported.push(guard.range());
        let guard_text = checker.text(*guard).to_string();
        let route_text = checker.text(&route.declared_at).to_string();
        // `declared_at` is the whole decorator, `@` included. A class is not reordered: a
        // function decorator below the route decorator would hand flask-restx a function
        // where it registers a resource class.
        let (fix, registered, help) = match route.class {
            Some(class) => (
                None,
                class.name.to_string(),
                format!(
                    "apply `{guard_text}` to the methods instead: `method_decorators = [{guard_text}]` in the class body (flask-restx, Flask-RESTful), or `decorators = [{guard_text}]` on a `MethodView`"
                ),
            ),
            None => (
                move_route_decorator_first(checker, route.handler, route.declared_at),
                route.handler.name.to_string(),
                format!(
                    "make the route decorator the outermost: put `{route_text}` above `@{guard_text}`"
                ),
            ),
        };
        // Authentication the route gets elsewhere (an app-wide hook) keeps it closed: the dead
        // decorator then only misleads, unless it also checked a role the hook does not.
        let covered = route
            .authentication
            .as_ref()
            .filter(|_| !is_role_word(&guard_text));
        let mut message = format!(
            "`@{guard_text}` is above `{route_text}`: Flask registered `{registered}` before this decorator wrapped it, so `{}` is served without it",
            route.rule
        );
        if let Some(authentication) = covered {
            message.push_str(&format!(
                " [{} authenticates the route anyway, so it is not open; the decorator never runs]",
                authentication.how
            ));
        }
        // flask-pastebin's `delete_pastebin`: under a dead `@login_required`, the handler's own
        // check compares the record's owner with the caller (`str(paste.user_id) ==
        // current_user.get_id()`) and aborts 403 otherwise; anonymous callers have no id to match.
        // A check naming literal roles is left out: `@login_required` above `@admin_required`
        // may be what made the role check safe to write.
        let ownership_check = route
            .role_check
            .as_deref()
            .filter(|_| covered.is_none() && !is_role_word(&guard_text))
            .filter(|_| route.roles_compared.as_ref().is_some_and(Vec::is_empty));
        if let Some(check) = ownership_check {
            message.push_str(&format!(
                " [low: {check} tests the caller and refuses the others, so anonymous callers do not get through either; the decorator that never runs only misleads]"
            ));
        }
        // any-questions' `/logout`: nothing to end without a login.
        let ends_the_login = crate::model::routes::only_ends_the_login(&route.handler.body);
        // Huutokauppa's `bid_create` and `item_update`: under a dead `@login_required`, the
        // handler writes only inside `if current_user.is_authenticated and ...:` (or refuses
        // callers without a login first).
        let checks_login_itself = covered.is_none()
            && ownership_check.is_none()
            && !is_role_word(&guard_text)
            && (ends_the_login
                || crate::model::routes::acts_only_when_logged_in(&route.handler.body));
        if checks_login_itself {
            message.push_str(
                if ends_the_login {
                    " [low: the handler only ends the caller's login and writes nothing, so for a caller without one it does nothing; the decorator that never runs only misleads]"
                } else {
                    " [low: the handler tests the login state itself (`current_user.is_authenticated`) before it writes or answers, so anonymous callers get nothing from it; the decorator that never runs only misleads]"
                },
            );
        }
        // Nalanda-style `def dashboard(data)` under a dead `@token_required`: Flask passes URL
        // variables only, so every request fails before the handler runs.
        let never_passed = if covered.is_none()
            && ownership_check.is_none()
            && !checks_login_itself
            && !route_text.contains("defaults")
        {
            route.parameters_never_passed()
        } else {
            Vec::new()
        };
        // quick-sale-hr's `/employee-login` under a dead `@login_required`: the login page has
        // to be open to callers without a login; applied, the decorator would lock everyone out.
        let is_the_login = covered.is_none()
            && ownership_check.is_none()
            && !checks_login_itself
            && never_passed.is_empty()
            && !is_role_word(&guard_text)
            && route.logs_the_caller_in;
        if is_the_login {
            message.push_str(
                " [low: the route logs the caller in, so it must serve callers without a login; the decorator that never runs only misleads, and applying it would lock everyone out]",
            );
        }
        if let Some(first) = never_passed.first() {
            message.push_str(&format!(
                " [low: Flask calls `{}` with the URL's variables only, never with the `{first}` the decorator would have passed, so every request fails with a `TypeError` before the handler runs: the route is broken, not open]",
                route.handler.name
            ));
        }
        // pgnikolov's car rental: `user_id = current_user.id` first, under a dead
        // `@login_required`; a visitor's anonymous user has no `id`.
        let fails_for_visitors = (covered.is_none()
            && ownership_check.is_none()
            && !checks_login_itself
            && never_passed.is_empty()
            && !is_the_login
            && !is_role_word(&guard_text)
            && !project.replaces_anonymous_user())
        .then(|| context.first_read_anonymous_lacks(route.module, &route.handler.body))
        .flatten();
        if let Some(attribute) = fails_for_visitors {
            message.push_str(&format!(
                " [low: the handler first reads `current_user.{attribute}`, which Flask-Login's anonymous user does not have, so a visitor who is not logged in gets an error before anything is read or written; the decorator that never runs only misleads]"
            ));
        }
        // ralfeus/order's shipping API: `@roles_required('admin')` left above the route from a
        // commented-out view, while the registered one carries `@roles_required("admin")` under
        // its route decorator. The check runs; the stray line only misleads.
        let normalised = |text: &str| {
            text.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c == '\'' { '"' } else { c })
                .collect::<String>()
        };
        let repeated_below = route
            .handler
            .decorator_list
            .iter()
            .skip_while(|d| d.range() != route.declared_at)
            .skip(1)
            .any(|d| normalised(checker.text(&d.expression)) == normalised(&guard_text));
        if repeated_below {
            message.push_str(&format!(
                " [low: the same `@{guard_text}` sits under the route decorator too, so the route runs it; this one is left over]"
            ));
        }
        // avwx-account's `/stripe/success` under a dead `@login_required`: it flashes a fixed
        // thank-you and redirects to a page that has its own check. Every caller gets the same.
        let answers_alike = covered.is_none()
            && ownership_check.is_none()
            && !checks_login_itself
            && never_passed.is_empty()
            && !is_the_login
            && fails_for_visitors.is_none()
            && answers_every_caller_alike(route.handler);
        if answers_alike {
            message.push_str(
                " [low: the handler reads and writes nothing, answering every caller the same fixed message or redirect; the decorator that never runs only misleads]",
            );
        }
        message.push_str(&checker.app_of(route));
        let help = match is_the_login {
            true => format!("delete `@{guard_text}`: the login page must stay open"),
            false => help,
        };
        let diagnostic = checker.report(guard.range(), message, help);
        diagnostic.fix = fix.filter(|_| !is_the_login);
        if covered.is_some()
            || ownership_check.is_some()
            || checks_login_itself
            || is_the_login
            || !never_passed.is_empty()
            || fails_for_visitors.is_some()
            || repeated_below
            || answers_alike
        {
            diagnostic.severity = Some(Severity::Low);
        }
    }
    report_caches_around_checks(checker, &context);
    report_bare_jwt_required(checker);
}

/// Whether every statement of a handler is a call or an answer built from literals through
/// `flash`, `redirect`, `url_for`, `jsonify`, `make_response` or `abort`: no value of the
/// request, the session or the store is read, and no template (which may read the login) is
/// rendered, so every caller gets the same.
fn answers_every_caller_alike(handler: &ruff_python_ast::StmtFunctionDef) -> bool {
    use ruff_python_ast::Stmt;
    fn alike(expr: &Expr) -> bool {
        match expr {
            Expr::StringLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_) => true,
            Expr::Tuple(tuple) => tuple.elts.iter().all(alike),
            Expr::List(list) => list.elts.iter().all(alike),
            Expr::Dict(dict) => dict
                .items
                .iter()
                .all(|item| item.key.as_ref().is_none_or(alike) && alike(&item.value)),
            Expr::Call(call) => {
                matches!(call.func.as_ref(), Expr::Name(name) if matches!(
                    name.id.as_str(),
                    "flash" | "redirect" | "url_for" | "jsonify" | "make_response" | "abort"
                )) && call.arguments.args.iter().all(alike)
                    && call.arguments.keywords.iter().all(|k| alike(&k.value))
            }
            _ => false,
        }
    }
    let statements: Vec<&Stmt> = handler
        .body
        .iter()
        .filter(|stmt| !crate::model::routes::is_docstring(stmt))
        .collect();
    !statements.is_empty()
        && statements.iter().all(|stmt| match stmt {
            Stmt::Expr(expression) => {
                matches!(expression.value.as_ref(), Expr::Call(_)) && alike(&expression.value)
            }
            Stmt::Return(answer) => answer.value.as_deref().is_none_or(alike),
            _ => false,
        })
}

/// `@jwt_required` written without parentheses under the route decorator, with
/// Flask-JWT-Extended 4 or later: since 4.0 `jwt_required` is a decorator factory, so the bare
/// name receives the view as its `optional` argument and hands back the inner decorator, which
/// Flask then serves in place of the view. No token is checked and the handler never runs
/// (cve-search's admin API on 4.3.1: `DELETE` without a token answers 200). Silent where the
/// project's declared versions all predate 4.0 (`@jwt_required` was the 3.x spelling).
fn report_bare_jwt_required(checker: &mut Checker<'_, '_>) {
    let project = checker.project;
    let found: Vec<(TextRange, String)> = checker
        .routes()
        .flat_map(|route| route.decorators.iter().map(move |d| (route, *d)))
        .filter(|(route, decorator)| {
            matches!(decorator, Expr::Name(_) | Expr::Attribute(_)) && {
                let file = &project.files[route.module];
                let at = file.at(file.scope_around(route.handler.range()));
                project
                    .model
                    .qualified_name(decorator, &at)
                    .is_some_and(|qualified| {
                        qualified.starts_with("flask_jwt_extended.")
                            && qualified.ends_with(".jwt_required")
                    })
            }
        })
        .map(|(route, decorator)| (decorator.range(), route.rule.clone()))
        .collect();
    if found.is_empty() {
        return;
    }
    let versions = project
        .dependencies
        .package_for(&checker.source.path, "flask-jwt-extended");
    let since_4 = crate::deps::specifier_ranges(">=4.0.0").ok();
    let admitted = versions
        .as_ref()
        .zip(since_4.as_ref())
        .and_then(|(versions, since_4)| versions.admits(since_4));
    if admitted == Some(false) {
        return;
    }
    let evidence = versions
        .as_ref()
        .filter(|_| admitted == Some(true))
        .map(|versions| {
            format!(
                " ({} allows it)",
                versions.evidence(&project.dependencies.files)
            )
        })
        .unwrap_or_default();
    let mut reported: Vec<TextRange> = Vec::new();
    for (range, rule) in found {
        if reported.contains(&range) {
            continue;
        }
        reported.push(range);
        let written = checker.text(&range).to_string();
        let diagnostic = checker.report(
            range,
            format!(
                "`@{written}` without parentheses: since Flask-JWT-Extended 4.0{evidence} `jwt_required` is a decorator factory, so this passes the view as its `optional` argument and Flask serves the inner decorator for `{rule}`: no token is checked and the handler never runs"
            ),
            format!("call it: `@{written}()`"),
        );
        diagnostic.fix = Some(Fix {
            description: format!("call the decorator factory: `@{written}()`"),
            edits: vec![Edit {
                range: TextRange::empty(range.end()),
                content: "()".to_string(),
            }],
            // The route starts refusing requests without a valid token.
            applicability: Applicability::Unsafe,
        });
    }
}

/// `@cache.memoize(...)` (or `@cache.cached(...)`) written above the access check: on a hit the
/// cache returns the stored response without calling what it wraps, so the check runs only on
/// misses (CodeGrader's API: thirteen routes whose user, admin and file records anyone got for
/// a minute after a front end fetched them).
fn report_caches_around_checks(
    checker: &mut Checker<'_, '_>,
    context: &crate::model::routes::AuthContext<'_, '_>,
) {
    // CodeGrader's `/` answers `{"response": "42"}`: a view that calls and reads nothing
    // returns the same to everyone, cached or not.
    let answers_a_constant = |route: &crate::model::routes::Route<'_>| {
        route.variables.is_empty()
            && !crate::model::routes::any_expr(&route.handler.body, &mut |e| {
                matches!(
                    e,
                    ruff_python_ast::Expr::Call(_) | ruff_python_ast::Expr::Attribute(_)
                )
            })
    };
    let found: Vec<(TextRange, String, String, String, String, bool)> = checker
        .routes()
        .filter_map(|route| {
            let (index, cache) = route
                .decorators
                .iter()
                .enumerate()
                .find(|(_, decorator)| is_response_cache(decorator))?;
            let guard = route.decorators[index + 1..]
                .iter()
                .find(|d| context.guards_access(route.module, d))?;
            Some((
                cache.range(),
                checker.text(*cache).to_string(),
                checker.text(*guard).to_string(),
                route.rule.clone(),
                checker.app_of(route),
                answers_a_constant(route),
            ))
        })
        .collect();
    for (range, cache, guard, rule, app, constant) in found {
        let diagnostic = checker.report(
            range,
            format!(
                "`@{cache}` is above `@{guard}`: a cached response is returned without running `@{guard}`, so after one authorized request to `{rule}` anyone gets its answer until the entry expires{app}"
            ),
            format!(
                "put the access check outside the cache: `@{guard}` above `@{cache}` (a response that differs per caller also needs the caller in the cache key)"
            ),
        );
        if constant {
            diagnostic.severity = Some(Severity::Low);
            diagnostic
                .message
                .push_str(" [low: the view calls and reads nothing, so what it returns is the same for everyone]");
        }
    }
}

/// A decorator written as a login, authentication or role check (`login_required`,
/// `require_login`, `auth.login_required`, `admin_required`).
fn names_a_login_or_role(written: &str) -> bool {
    let callee = written.split('(').next().unwrap_or(written);
    let name = callee
        .rsplit('.')
        .next()
        .unwrap_or(callee)
        .to_ascii_lowercase();
    name.contains("login") || name.contains("auth") || is_role_word(&name)
}

/// Flask-Caching's view decorators on a cache object: `@cache.cached(...)`, `@cache.memoize(...)`.
fn is_response_cache(decorator: &ruff_python_ast::Expr) -> bool {
    use ruff_python_ast::Expr;
    let callee = match decorator {
        Expr::Call(call) => call.func.as_ref(),
        other => other,
    };
    matches!(callee, Expr::Attribute(attribute)
        if matches!(attribute.attr.as_str(), "cached" | "memoize"))
}

/// Moves the route decorator's line above the first decorator, when each sits on its own line.
fn move_route_decorator_first(
    checker: &Checker<'_, '_>,
    handler: &ruff_python_ast::StmtFunctionDef,
    route_decorator: TextRange,
) -> Option<Fix> {
    let first = handler.decorator_list.first()?;
    let text = &checker.source.text;
    let line_start = |offset: TextSize| -> usize {
        text[..offset.to_usize()].rfind('\n').map_or(0, |at| at + 1)
    };
    let decorator = handler
        .decorator_list
        .iter()
        .find(|d| d.range() == route_decorator)?;
    let start = line_start(decorator.start());
    let end = text[decorator.end().to_usize()..]
        .find('\n')
        .map(|at| decorator.end().to_usize() + at + 1)?;
    let line = &text[start..end];
    // Only when the line holds nothing but the decorator (no `;`, no second statement).
    if line.trim().len() != checker.source.slice(decorator.range()).trim().len() {
        return None;
    }
    let first_start = line_start(first.start());
    let insert = TextSize::try_from(first_start).ok()?;
    Some(Fix {
        description: "move the route decorator to the top of the decorator list".to_string(),
        edits: vec![
            Edit {
                range: TextRange::empty(insert),
                content: line.to_string(),
            },
            Edit {
                range: TextRange::new(
                    TextSize::try_from(start).ok()?,
                    TextSize::try_from(end).ok()?,
                ),
                content: String::new(),
            },
        ],
        // The check starts running (callers without credentials are refused), and a wrapper
        // without `functools.wraps` now renames the endpoint, which can clash with another.
        applicability: Applicability::Unsafe,
    })
}
