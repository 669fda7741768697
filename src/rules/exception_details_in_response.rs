//! FL402 exception-details-in-response: the text of a caught exception, or a traceback, sent to
//! the client.
//!
//! Why: `str(e)` of an unexpected exception is SQL with table names, file paths, library
//! versions, or a JWT library's exact reason for rejecting a token; `traceback.format_exc()` is
//! the server's source layout. Attackers use both to map the system (CWE-209). How much it
//! matters depends on who reads the response: medium where that may be anyone (a route without
//! authentication, an app-wide error handler, code whose caller is unknown), low behind
//! authentication. Text the project wrote itself (its own exception classes, a built-in
//! exception it raises with a literal or translated message) is meant for clients, and code
//! that answers no request (a Celery task, a CLI command) leaks nothing.
//! Fix: answer with a generic message (and a request or error id) and log the exception
//! server-side with `logger.exception(...)`; logging is not a finding, only responses are. The
//! fix replaces every leak of a statement with `"an internal error occurred"`: one finding per
//! statement, so that applying one finding's fix leaves nothing of that statement leaking. A
//! project helper that many handlers pass `str(e)` to (`internal_server_error(errormsg=str(e))`)
//! is reported once, where it puts the text into its response, with the number of calls.
//!
//! Also home to the response helpers FL401 shares: which calls build a response, which functions
//! answer requests, which statements are logging.

use rustc_hash::FxHashMap as HashMap;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{Applicability, Checker, Edit, Fix, Rule, Severity};
use crate::model::apps::overlap;
use crate::model::exceptions::{Bound, all_leaks, is_leak, reads_original_exception};
use crate::model::excerpt;
use crate::model::routes::{Route, any_expr, expr_contains, visit_scope_stmts, visit_stmts};
use crate::model::templates::Rendering;
use crate::model::{FileModel, Project, references};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL402.md"),
    check,
};

/// A function of the file, with what it is to Flask.
pub(super) struct Function<'a> {
    pub def: &'a ast::StmtFunctionDef,
    /// What it returns is sent to the client: a route handler, a decorator's wrapper, an
    /// error handler, a `before_request` hook, a view method.
    pub answers_requests: bool,
    /// `@app.errorhandler(X)` / `@bp.app_errorhandler(X)`: the registered exception or code.
    pub error_handler_for: Option<Option<&'a Expr>>,
}

/// `format_error`, `custom_format_error`, `error_formatter`, `graphql_error_formatter`.
fn is_graphql_error_formatter(name: &str) -> bool {
    name.contains("format_error") || name.contains("error_formatter")
}

pub(super) use crate::model::exceptions::last_segment;

/// Every function in the file (nested ones too), with its role.
pub(super) fn functions<'a>(checker: &Checker<'_, 'a>) -> Vec<Function<'a>> {
    fn walk<'a>(
        body: &'a [Stmt],
        nested: bool,
        in_class: bool,
        routes: &[&'a ast::StmtFunctionDef],
        registered: &[(&str, &'a Expr)],
        out: &mut Vec<Function<'a>>,
    ) {
        for stmt in body {
            match stmt {
                Stmt::FunctionDef(def) => {
                    let mut answers = nested || routes.iter().any(|r| std::ptr::eq(*r, def));
                    let mut error_handler_for = None;
                    if !nested
                        && !in_class
                        && let Some((_, type_)) = registered
                            .iter()
                            .find(|(name, _)| *name == def.name.as_str())
                    {
                        error_handler_for = Some(Some(*type_));
                        answers = true;
                    }
                    for decorator in &def.decorator_list {
                        let name = last_segment(&decorator.expression).unwrap_or("");
                        if matches!(name, "errorhandler" | "app_errorhandler") {
                            let registered = match &decorator.expression {
                                Expr::Call(call) => call.arguments.args.first(),
                                _ => None,
                            };
                            error_handler_for = Some(registered);
                            answers = true;
                        }
                        if matches!(
                            name,
                            "route"
                                | "get"
                                | "post"
                                | "put"
                                | "patch"
                                | "delete"
                                | "before_request"
                                | "before_app_request"
                        ) {
                            answers = true;
                        }
                    }
                    // A GraphQL error formatter (graphene's `format_error`, ariadne's
                    // `error_formatter=`): what it returns is the error sent to the client.
                    if is_graphql_error_formatter(def.name.as_str()) {
                        answers = true;
                    }
                    if in_class
                        && matches!(
                            def.name.as_str(),
                            "get" | "post" | "put" | "patch" | "delete" | "dispatch_request"
                        )
                    {
                        answers = true;
                    }
                    out.push(Function {
                        def,
                        answers_requests: answers,
                        error_handler_for,
                    });
                    walk(&def.body, true, false, routes, registered, out);
                }
                Stmt::ClassDef(class) => walk(&class.body, nested, true, routes, registered, out),
                Stmt::If(stmt) => {
                    walk(&stmt.body, nested, in_class, routes, registered, out);
                    for clause in &stmt.elif_else_clauses {
                        walk(&clause.body, nested, in_class, routes, registered, out);
                    }
                }
                Stmt::Try(stmt) => {
                    walk(&stmt.body, nested, in_class, routes, registered, out);
                    for handler in &stmt.handlers {
                        let ast::ExceptHandler::ExceptHandler(handler) = handler;
                        walk(&handler.body, nested, in_class, routes, registered, out);
                    }
                }
                Stmt::With(stmt) => walk(&stmt.body, nested, in_class, routes, registered, out),
                _ => {}
            }
        }
    }
    let routes: Vec<&'a ast::StmtFunctionDef> = checker.routes().map(|r| r.handler).collect();
    // `app.register_error_handler(Exception, handle_exception)` in this module: the handler is
    // an error handler as `@app.errorhandler(Exception)` would make it, for the catch-alls
    // (`Exception`, `BaseException`, 500, `InternalServerError`) that every failing request
    // reaches; not for a loop variable over `default_exceptions`.
    let module = checker.source.module();
    let at = checker.file.at(None);
    let mut registered: Vec<(&str, &'a Expr)> = Vec::new();
    // A whole-module walk only where the text can hold a registration: most files do not.
    let searched: &[Stmt] = if checker.file.registers_error_handler_by_call {
        &module.body
    } else {
        &[]
    };
    any_expr(searched, &mut |e| {
        let Expr::Call(call) = e else { return false };
        // `app.register_error_handler(500, error_handler)`, or the decorator called by hand:
        // `app.errorhandler(500)(error_handler)` (graphite-api's `render_errors`).
        let registration = match (call.func.as_ref(), call.arguments.args.as_ref()) {
            (_, [type_, Expr::Name(handler)])
                if last_segment(&call.func) == Some("register_error_handler") =>
            {
                Some((type_, handler))
            }
            (Expr::Call(decorator), [Expr::Name(handler)])
                if matches!(
                    last_segment(&decorator.func),
                    Some("errorhandler" | "app_errorhandler")
                ) =>
            {
                decorator
                    .arguments
                    .args
                    .first()
                    .map(|type_| (type_, handler))
            }
            _ => None,
        };
        if let Some((type_, handler)) = registration {
            // The catch-alls: what every failing request reaches.
            let catch_all = match type_ {
                Expr::NumberLiteral(n) => {
                    matches!(&n.value, ast::Number::Int(i) if i.as_u64() == Some(500))
                }
                Expr::Name(n) if matches!(n.id.as_str(), "Exception" | "BaseException") => true,
                Expr::Name(_) | Expr::Attribute(_) => checker
                    .project
                    .model
                    .qualified_name(type_, &at)
                    .is_some_and(|q| q.ends_with("InternalServerError")),
                _ => false,
            };
            if catch_all {
                registered.push((handler.id.as_str(), type_));
            }
        }
        false
    });
    let mut out = Vec::new();
    walk(&module.body, false, false, &routes, &registered, &mut out);
    out
}

/// The innermost function of `functions` whose body holds `range`.
pub(super) fn enclosing<'f, 'a>(
    functions: &'f [Function<'a>],
    range: TextRange,
) -> Option<&'f Function<'a>> {
    functions
        .iter()
        .filter(|f| f.def.range().contains_range(range))
        .min_by_key(|f| f.def.range().len())
}

/// `jsonify(...)`, `make_response(...)`, `Response(...)`, `abort(...)`, a raised werkzeug HTTP
/// error: calls whose arguments become the response body.
pub(super) fn is_response_call(call: &ast::ExprCall) -> bool {
    // `self.abort(msg)` is a method of the project's own class (FlexGet's `Task.abort`): no
    // Flask view class or extension gives views an `abort` method.
    if let Expr::Attribute(attribute) = call.func.as_ref()
        && attribute.attr.as_str() == "abort"
        && matches!(attribute.value.as_ref(), Expr::Name(name) if matches!(name.id.as_str(), "self" | "cls"))
    {
        return false;
    }
    matches!(
        last_segment(&call.func),
        Some(
            "jsonify"
                | "make_response"
                | "Response"
                | "abort"
                | "render_template"
                | "render_template_string"
                | "HTTPException"
                | "BadRequest"
                | "Unauthorized"
                | "Forbidden"
                | "NotFound"
                | "Conflict"
                | "UnprocessableEntity"
                | "InternalServerError"
        )
    )
}

/// `return body, 401`: a tuple whose second element is a literal status code.
pub(super) fn is_status_tuple(expr: &Expr) -> bool {
    let Expr::Tuple(tuple) = expr else {
        return false;
    };
    tuple.elts.len() >= 2
        && matches!(&tuple.elts[1], Expr::NumberLiteral(n)
            if matches!(&n.value, ast::Number::Int(i) if i.as_u64().is_some_and(|c| (100..600).contains(&c))))
}

/// `logger.info(...)`, `logging.warning(...)`, `app.logger.error(...)`, `log.exception(...)`,
/// `print(...)`: output that stays on the server.
pub(super) fn is_logging_call(checker: &Checker<'_, '_>, call: &ast::ExprCall) -> bool {
    match call.func.as_ref() {
        Expr::Name(name) => name.id.as_str() == "print",
        Expr::Attribute(attribute) => {
            let level = matches!(
                attribute.attr.as_str(),
                "debug"
                    | "info"
                    | "warning"
                    | "warn"
                    | "error"
                    | "exception"
                    | "critical"
                    | "fatal"
                    | "log"
            );
            let receiver = checker.text(attribute.value.as_ref()).to_ascii_lowercase();
            level && (receiver.contains("log") || receiver == "self.app.logger")
        }
        _ => false,
    }
}

/// A statement whose value reaches the client, with every leak of the exception in it.
struct StatementLeaks<'a> {
    stmt: &'a Stmt,
    /// In source order, none inside another; never empty.
    leaks: Vec<&'a Expr>,
    sink: &'static str,
}

/// Where the text of the exception `bound` (or a traceback) reaches a response in `body`: one
/// entry per statement, with every leak in it, so one fix can remove them all. `raises_http`
/// says which raised exceptions become the response, given whether the raising function answers
/// requests itself.
fn statement_leaks<'a>(
    functions: &[Function<'a>],
    bound: Bound<'_>,
    body: &'a [Stmt],
    raises_http: &dyn Fn(&Expr, bool) -> bool,
) -> Vec<StatementLeaks<'a>> {
    let mut out: Vec<StatementLeaks<'a>> = Vec::new();
    visit_stmts(body, &mut |stmt| {
        let answers = enclosing(functions, stmt.range()).is_some_and(|f| f.answers_requests);
        let (value, sink): (Option<&Expr>, &str) = match stmt {
            Stmt::Return(ret) => match ret.value.as_deref() {
                Some(value) if answers || is_status_tuple(value) => (Some(value), "the response"),
                _ => (None, ""),
            },
            // Resolving what is raised costs more than looking for the exception's text.
            Stmt::Raise(raise) => match raise.exc.as_deref() {
                Some(exc) if !all_leaks(exc, bound).is_empty() && raises_http(exc, answers) => {
                    (Some(exc), "the HTTP error")
                }
                _ => (None, ""),
            },
            _ => (None, ""),
        };
        if let Some(value) = value {
            let leaks = all_leaks(value, bound);
            if !leaks.is_empty() {
                out.push(StatementLeaks { stmt, leaks, sink });
                return;
            }
        }
        // `jsonify(...)`, `make_response(...)`, `abort(...)` anywhere in the statement.
        if !matches!(stmt, Stmt::Expr(_) | Stmt::Assign(_) | Stmt::Return(_)) {
            return;
        }
        let mut responses: Vec<&Expr> = Vec::new();
        crate::model::routes::any_expr(std::slice::from_ref(stmt), &mut |e| {
            if let Expr::Call(call) = e
                && (is_response_call(call) || is_flash(call))
                && !responses
                    .iter()
                    .any(|r| r.range().contains_range(e.range()))
            {
                responses.push(e);
            }
            false
        });
        let mut only_flashed = true;
        let leaks: Vec<&Expr> = responses
            .into_iter()
            .flat_map(|response| {
                let mut leaks = all_leaks(response, bound);
                leaks.extend(rendered_exceptions(response, bound));
                leaks.sort_by_key(|l| l.start());
                if !leaks.is_empty() {
                    only_flashed &= matches!(response, Expr::Call(call) if is_flash(call));
                }
                leaks
            })
            .collect();
        if !leaks.is_empty() {
            out.push(StatementLeaks {
                stmt,
                leaks,
                sink: if only_flashed {
                    FLASHED
                } else {
                    "the response"
                },
            });
        }
    });
    out
}

/// What the template does with a leak handed to `render_template("name.html", variable=...)`
/// (with what it extends, includes or imports): `None` when the leak is no such argument or
/// the templates cannot be read.
fn template_rendering(checker: &Checker<'_, '_>, stmt: &Stmt, leak: &Expr) -> Option<Rendering> {
    let mut rendering = None;
    crate::model::routes::any_expr(std::slice::from_ref(stmt), &mut |e| {
        let Expr::Call(call) = e else { return false };
        if last_segment(&call.func) != Some("render_template") {
            return false;
        }
        let Some(Expr::StringLiteral(template)) = call.arguments.args.first() else {
            return false;
        };
        let Some(variable) = call.arguments.keywords.iter().find_map(|keyword| {
            keyword
                .value
                .range()
                .contains_range(leak.range())
                .then_some(keyword.arg.as_ref())
                .flatten()
        }) else {
            return false;
        };
        let path = &checker.project.model.modules[checker.file.module].file.path;
        rendering = crate::model::templates::renders_variable(
            path,
            template.value.to_str(),
            variable.as_str(),
        );
        true
    });
    rendering
}

/// The sink of a leak that only `flash(...)` carries.
const FLASHED: &str = "a flashed message";

/// `flash(...)`: the message is shown on the next page the user loads.
fn is_flash(call: &ast::ExprCall) -> bool {
    last_segment(&call.func) == Some("flash")
}

/// The exception object itself handed to a template or to `flash` (`render_template(
/// "login.html", error=e)`, `flash(e)`): Jinja and `flash` render it with `str()`.
fn rendered_exceptions<'e>(response: &'e Expr, bound: Bound<'_>) -> Vec<&'e Expr> {
    let Expr::Call(call) = response else {
        return Vec::new();
    };
    let renders = is_flash(call)
        || matches!(
            last_segment(&call.func),
            Some("render_template" | "render_template_string")
        );
    if !renders || matches!(bound, Bound::Text(_)) {
        return Vec::new();
    }
    crate::model::argument_values(call)
        .filter(|argument| bound.is(argument))
        .collect()
}

/// Where the text of the exception bound to `name` (or a traceback) reaches a response in
/// `body`: the first leaking expression of each statement and what it reaches. FL401 shares it,
/// with its own reading of which raised errors are HTTP errors.
pub(super) fn leaks_in<'a>(
    functions: &[Function<'a>],
    name: &str,
    body: &'a [Stmt],
) -> Vec<(&'a Expr, &'static str)> {
    statement_leaks(functions, Bound::Name(name), body, &|exc: &Expr, _| {
        super::token_error_oracle::raises_http_error(exc)
    })
    .into_iter()
    .filter_map(|found| found.leaks.first().map(|leak| (*leak, found.sink)))
    .collect()
}

/// Whether raising `exc` answers the request with it: a werkzeug `HTTPException` (any class of
/// `werkzeug.exceptions`, as Flask re-exports them), or, raised by a function that answers
/// requests itself (`in_view`: a route handler, a view method, a decorator's wrapper), a class
/// the application registers an error handler for (`app.register_error_handler(ApiError, ...)`,
/// `@app.errorhandler(ApiError)`), directly or through a project base class. The same class
/// raised from a helper or a command object may be raised in a Celery worker, where no error
/// handler runs; any other exception is not a response where it is raised, and an app-wide
/// `errorhandler(Exception)` that leaks it is reported where it does.
fn answers_when_raised(checker: &Checker<'_, '_>, exc: &Expr, in_view: bool) -> bool {
    let Expr::Call(call) = exc else { return false };
    let model = &checker.project.model;
    let Some(qualified) = model.binding_name(&call.func, &checker.file.at(None)) else {
        return false;
    };
    let handled = |class: &str| {
        checker.project.files.iter().any(|file| {
            file.error_handler_types.iter().any(|t| t == class)
                && checker.project.apps.share(file.module, checker.file.module)
        })
    };
    let mut classes = vec![qualified];
    let mut seen = 0;
    while let Some(class) = classes.pop() {
        seen += 1;
        if seen > 16 {
            break;
        }
        if is_werkzeug_error(&class) || (in_view && handled(&class)) {
            return true;
        }
        // The project class's bases.
        let Some((module, class_name)) = model.split_module(&class) else {
            continue;
        };
        let at = crate::model::At::top(module);
        for stmt in &model.modules[module].file.module().body {
            if let Stmt::ClassDef(def) = stmt
                && def.name.as_str() == class_name
                && let Some(arguments) = &def.arguments
            {
                classes.extend(
                    arguments
                        .args
                        .iter()
                        .filter_map(|base| model.binding_name(base, &at)),
                );
            }
        }
    }
    false
}

/// `def handle_validation_error(...)`, or a docstring opening "Return the validation error
/// message": the function is about the client's input failing validation.
fn names_validation(def: &ast::StmtFunctionDef) -> bool {
    let says = |text: &str| text.to_ascii_lowercase().contains("validat");
    says(def.name.as_str())
        || crate::model::context::docstring(&def.body)
            .and_then(|doc| doc.lines().next())
            .is_some_and(says)
}

fn is_werkzeug_error(qualified: &str) -> bool {
    qualified.starts_with("werkzeug.exceptions.")
        || qualified.starts_with("werkzeug.")
            && qualified
                .rsplit('.')
                .next()
                .is_some_and(|last| last == "HTTPException" || last == "abort")
        || matches!(qualified, "flask.abort")
}

/// Whether a caught exception's text is meant for the client (validation errors, HTTP errors,
/// lookups, the project's own exceptions, built-in exceptions the project raises with its own
/// message) or internal (anything else: `Exception`, database, OS, JWT library errors).
fn is_internal_exception(checker: &Checker<'_, '_>, type_: Option<&Expr>) -> bool {
    let Some(type_) = type_ else {
        return true;
    };
    if let Expr::Tuple(tuple) = type_ {
        return tuple
            .elts
            .iter()
            .any(|t| is_internal_exception(checker, Some(t)));
    }
    if !matches!(type_, Expr::Name(_) | Expr::Attribute(_)) {
        return false;
    }
    // Where the handler is: `from .errors import ApiError` inside the function counts.
    let at = checker.file.at(checker.file.scope_around(type_.range()));
    let qualified = checker
        .project
        .model
        .qualified_name(type_, &at)
        .unwrap_or_else(|| checker.text(type_).to_string());
    let last = qualified.rsplit('.').next().unwrap_or(&qualified);
    // Flask-JWT-Extended's own error callbacks answer with `str(e)` of its exceptions: fixed
    // client messages ("Missing Authorization Header", "Token has been revoked").
    let designed_for_clients = last.ends_with("ValidationError")
        || qualified.starts_with("flask_jwt_extended.")
        || last.ends_with("SchemaError")
        || says_input_invalid(&qualified)
        || matches!(
            last,
            "ValueError"
                // A `ValueError` whose text says where the client's JSON stopped parsing.
                | "JSONDecodeError"
                // A lookup's text is the key or index that was missing.
                | "LookupError"
                | "KeyError"
                | "IndexError"
                | "HTTPException"
                | "BadRequest"
                | "NotFound"
                | "Forbidden"
                | "Unauthorized"
                | "MethodNotAllowed"
                | "Conflict"
                | "UnprocessableEntity"
                // Jinja's text is the name of the template that was not found.
                | "TemplateNotFound"
                // Flask-WTF's fixed messages for clients ("The CSRF token is missing.").
                | "CSRFError"
                // Flask-Limiter's werkzeug 429, whose text is the limit ("10 per 1 minute").
                | "RateLimitExceeded"
                // SQLAlchemy's fixed "No row was found when one was required".
                | "NoResultFound"
        )
        || [
            "marshmallow",
            "wtforms",
            "pydantic",
            "werkzeug",
            "jsonschema",
            "flask_wtf",
            // dateutil's parser error quotes the string it was given to parse.
            "dateutil",
            // APIFlask's `HTTPError` carries what `abort(code, message)` was given.
            "apiflask",
            // Cerberus (Eve's validator) describes the client's document.
            "cerberus",
            // voluptuous' `Invalid` says which part of the client's query failed the schema
            // (cloudkitty's v2 API).
            "voluptuous",
            // "The email address is not valid. It must have exactly one @-sign."
            "email_validator",
        ]
        .iter()
        .any(|lib| qualified.starts_with(&format!("{lib}.")));
    // An API client library's HTTP error (GOV.UK's `notifications_python_client.errors.
    // HTTPError`, the Digital Marketplace's `dmapiclient.HTTPError`) carries the message the
    // API answered with, written for its callers; a cloud SDK's `ClientError` is not one.
    let api_clients_answer = qualified
        .split('.')
        .next()
        .is_some_and(|top| top.contains("client"))
        && matches!(
            last,
            "HTTPError" | "APIError" | "ApiError" | "HTTPException"
        );
    // The project's own exception classes carry messages written for their callers.
    let own = api_clients_answer
        || checker.project.model.split_module(&qualified).is_some()
        || (matches!(type_, Expr::Name(_))
            && checker
                .project
                .model
                .lookup(&at, last)
                .is_some_and(|(bindings, _)| {
                    bindings
                        .iter()
                        .all(|b| !matches!(b, crate::model::scope::Binding::Import(_)))
                }));
    // `raise PermissionError(gettext("Access denied"))` somewhere in the same application: the
    // project uses this built-in class for its own messages.
    let raised_by_project = || {
        matches!(type_, Expr::Name(_))
            && !matches!(last, "Exception" | "BaseException")
            && checker.project.files.iter().any(|file| {
                file.own_text_raises.iter().any(|class| class == last)
                    && checker.project.apps.share(file.module, checker.file.module)
            })
    };
    // A token library's message says which check the token failed: FL401's subject.
    !designed_for_clients
        && !own
        && !super::token_error_oracle::is_token_error(checker, type_)
        && !raised_by_project()
}

/// An exception named for input that failed a check (`InvalidRecipientError`,
/// `InvalidPhoneError` of GOV.UK Notify's utilities, email_validator's `EmailNotValidError`,
/// py_webauthn's `InvalidRegistrationResponse` for a credential the caller submitted):
/// its text says what is wrong with the value the client sent. SQLAlchemy's
/// `InvalidRequestError` is about the program's use of the database, not the client's input.
fn says_input_invalid(qualified: &str) -> bool {
    let last = qualified.rsplit('.').next().unwrap_or(qualified);
    !qualified.starts_with("sqlalchemy.")
        && last != "InvalidRequestError"
        // followthemoney's `InvalidData`, `InvalidMapping`: raised with what was wrong in the
        // entity or mapping the client sent.
        && (last
            .strip_prefix("Invalid")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()))
            || last.ends_with("NotValidError"))
}

/// A place where the exception's text can reach a response: its binding and the statements.
struct Catch<'a> {
    bound: Bound<'a>,
    caught: String,
    body: &'a [Stmt],
    /// An error handler: every failing request of its app (or blueprint) reaches it.
    error_handler: bool,
    /// For a local holding the exception's text: only what runs after its assignment counts.
    after: Option<TextSize>,
    /// The local holds a helper's result, which is the exception's text only when the helper
    /// failed: only answers that say so (an error status, `abort`, a raised HTTP error) count.
    on_failure_only: bool,
}

/// Who reads a response built at some place, which decides how much its content matters.
#[derive(Clone, Debug)]
enum Audience {
    /// An error handler: whoever makes a request fail.
    AnyFailingRequest,
    /// A route with no authentication: the route, and whether a `before_request` hook flasklint cannot judge runs first.
    Anyone(String, bool),
    /// Routes that all authenticate their caller, or code behind a decorator that guards access:
    /// who that is.
    Authenticated(String),
    /// Not a known route (a helper, a decorator's wrapper, a view method flasklint does not
    /// route): the caller may be anyone.
    Unknown,
    /// Inside a function nothing in the project names, or a module nothing imports: no
    /// request runs it as the project stands.
    Unreachable(references::Unused),
}

impl Audience {
    /// Medium only where every failure reaches the answer: an error handler open to callers its
    /// application otherwise refuses. Code whose callers flasklint cannot see may well sit
    /// behind authentication (reviewers judged those findings on Faraday's class-based views and
    /// Security Monkey's Celery decorators not worth acting on at medium), and one open route's
    /// own `except` shows only what fails in that route's code: held-out reviewers of ten rounds
    /// agreed with none of the 39 such findings they read at medium (WEKO's admin views, GOV.UK
    /// and ONS APIs), and with each app-wide handler's (canaille, temboard).
    fn severity(&self, app_authenticates: bool) -> Severity {
        match self {
            Audience::AnyFailingRequest if app_authenticates => Severity::Medium,
            _ => Severity::Low,
        }
    }

    fn describe(&self) -> String {
        match self {
            Audience::AnyFailingRequest => {
                "any client whose request fails (an app-wide error handler)".to_string()
            }
            Audience::Anyone(route, false) => format!("anyone: `{route}` has no authentication"),
            Audience::Anyone(route, true) => format!(
                "anyone: `{route}` has no authentication (a `before_request` hook runs first, which flasklint cannot show refuses anyone)"
            ),
            Audience::Authenticated(who) => who.clone(),
            Audience::Unknown => "the client".to_string(),
            Audience::Unreachable(references::Unused::Function(name)) => format!(
                "the client only once something runs `{name}` (nothing in the project calls, applies or registers it, so no request runs this code as it stands)"
            ),
            Audience::Unreachable(references::Unused::Module(name, why)) => format!(
                "the client only once something imports `{name}` ({}, so no request runs this code as it stands)",
                why.describe(name)
            ),
            Audience::Unreachable(references::Unused::ShadowedByPackage(name)) => format!(
                "nobody: the package `{name}/` beside this file is what `import {name}` loads, so Python never imports this module and no request runs this code as it stands"
            ),
            Audience::Unreachable(references::Unused::CalledOnlyByUnused(name, callers)) => {
                format!(
                    "the client only once something runs `{name}` (only {} call it, and nothing in the project calls them, so no request runs this code as it stands)",
                    references::quoted_callers(callers)
                )
            }
        }
    }
}

/// Whether the application(s) `module` belongs to authenticate any route as flasklint sees it
/// (or guard one with a decorator that says so): only then does a route without authentication
/// stand out as open to anyone.
fn app_authenticates(project: &Project<'_>, module: usize) -> bool {
    let units = project.apps.of_module(module);
    project.routes.routes.iter().any(|route| {
        overlap(&route.units, units)
            && (route.authentication.is_some() || route.decorators.iter().any(|d| guards_access(d)))
    })
}

/// How many of the application's routes a flask-restful `Api` serves, and how many routes it
/// has, when that is four in five or more: flask-restful answers its resources' exceptions
/// itself (flask-restx and flask-restplus route errors differently and are not counted).
fn restful_share(project: &Project<'_>, module: usize) -> Option<(usize, usize)> {
    let units = project.apps.of_module(module);
    let model = &project.model;
    let served_by_restful = |route: &Route<'_>| {
        let Some((api_module, name)) = route
            .registrar
            .as_deref()
            .and_then(|registrar| model.split_module(registrar))
        else {
            return false;
        };
        let at = crate::model::At::top(api_module);
        matches!(model.assigned_value(name, &at), Some(Expr::Call(call))
            if model.qualified_name(&call.func, &at).as_deref() == Some("flask_restful.Api"))
    };
    let (mut restful, mut total) = (0, 0);
    for route in project.routes.routes.iter().filter(|route| {
        overlap(&route.units, units) && !project.config.is_test_module(route.module)
    }) {
        total += 1;
        restful += usize::from(served_by_restful(route));
    }
    (restful > 0 && restful * 5 >= total * 4).then_some((restful, total))
}

/// The rules of the application's routes without authentication, when every one is an
/// operations endpoint (`/_status`, `/healthcheck`, `/metrics`); `None` when any other route is
/// open, or the application has no route.
fn only_operations_open(project: &Project<'_>, module: usize) -> Option<Vec<String>> {
    let units = project.apps.of_module(module);
    let mut any = false;
    let mut open = Vec::new();
    for route in project
        .routes
        .routes
        .iter()
        .filter(|route| overlap(&route.units, units))
    {
        // A route a test file declares on the app serves only the tests.
        if project.config.is_test_module(route.module) {
            continue;
        }
        any = true;
        if route.authentication.is_some() {
            continue;
        }
        let last = route
            .rule
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("");
        let operations = super::route_missing_authentication::is_operations_endpoint(&route.rule)
            || matches!(last, "_status" | "info" | "version");
        if !operations {
            return None;
        }
        let shown = format!("`{}`", route.rule);
        if !open.contains(&shown) {
            open.push(shown);
        }
    }
    any.then_some(open)
}

/// `GET /reports`.
fn route_label(route: &Route<'_>) -> String {
    match route.methods.as_slice() {
        [] => route.rule.clone(),
        methods => format!("{} {}", methods.join(","), route.rule),
    }
}

/// Who reads what the code at `range` of `file` answers. `around`: the functions that hold it;
/// `raised`: the statement raises its answer (`abort(...)`, `raise BadRequest(...)`), so a
/// caller's `except Exception:` around the call takes it before it reaches the client.
/// An error handler serves every failing request; a route serves its callers, authenticated
/// when flasklint knows its authentication or a decorator says it guards access
/// (`@pga_login_required`, `@protect()`, `@permissions_required(...)`); code outside any route
/// is judged by its own functions' decorators, then by its callers anywhere in the project (a
/// service function that only authenticated routes run is read by their callers), and a
/// function nothing in the project calls, applies or registers answers no request.
fn audience(
    project: &Project<'_>,
    file: &FileModel<'_>,
    around: &[&ast::StmtFunctionDef],
    range: TextRange,
    raised: bool,
) -> Audience {
    let found = audience_within(project, file, around, range, raised, 0);
    if !matches!(found, Audience::Unknown) {
        return found;
    }
    let Some(outermost) = around.iter().max_by_key(|def| def.range().len()) else {
        return found;
    };
    match references::unused_at(project, file, outermost.range()) {
        Some(unused) => Audience::Unreachable(unused),
        None => found,
    }
}

/// How many callers deep a helper is followed to the views that run it.
const CALLER_DEPTH: usize = 2;

fn audience_within(
    project: &Project<'_>,
    file: &FileModel<'_>,
    around: &[&ast::StmtFunctionDef],
    range: TextRange,
    raised: bool,
    depth: usize,
) -> Audience {
    let found = audience_here(project, file, around, range);
    if !matches!(found, Audience::Unknown) || depth >= CALLER_DEPTH {
        return found;
    }
    // A helper no route runs directly (`self.delete_shared_server(...)` from a view method,
    // `user_service.update_user(...)` from a resource): its audience is its callers', when it
    // has any and all are known.
    let Some(helper) = around.iter().min_by_key(|def| def.range().len()) else {
        return found;
    };
    let name = helper.name.as_str();
    let callers: Vec<Caller<'_, '_>> = callers_of(project, file, helper)
        .into_iter()
        // A call inside `try: ... except Exception as ex:` does not pass the raised answer on:
        // the caller's handler takes it (and answers with werkzeug's generic text of it, at
        // most).
        .filter(|caller| !(raised && absorbs(caller.function, caller.call)))
        .collect();
    let mut verdicts = callers.iter().map(|caller| {
        audience_within(
            project,
            caller.file,
            &[caller.function],
            caller.call,
            raised,
            depth + 1,
        )
    });
    let Some(first) = verdicts.next() else {
        return found;
    };
    let mut combined = first;
    for verdict in verdicts {
        combined = match (combined, verdict) {
            (anyone @ Audience::Anyone(..), _) | (_, anyone @ Audience::Anyone(..)) => anyone,
            (failing @ Audience::AnyFailingRequest, _)
            | (_, failing @ Audience::AnyFailingRequest) => failing,
            (Audience::Unknown, _) | (_, Audience::Unknown) => Audience::Unknown,
            (Audience::Unreachable(_), other) | (other, Audience::Unreachable(_)) => other,
            (known @ Audience::Authenticated(_), Audience::Authenticated(_)) => known,
        };
    }
    match combined {
        Audience::Authenticated(who) => {
            Audience::Authenticated(format!("{who}, through `{name}`'s callers"))
        }
        other => other,
    }
}

/// A call of a helper: the file it is in, the innermost function around it, and the call.
struct Caller<'p, 'a> {
    file: &'p FileModel<'a>,
    function: &'a ast::StmtFunctionDef,
    call: TextRange,
}

/// Where the project calls `helper` from inside a function: in its own module by name (or as
/// `self.helper(...)` / `cls.helper(...)` from a method), and, for a module-level function, from
/// any other module of the same application whose call resolves to it
/// (`user_service.update_user(...)`, `from .services import update_user`). Calls in test code
/// and calls at module level (which run at import, not in a request) are not callers.
fn callers_of<'p, 'a>(
    project: &'p Project<'a>,
    file: &FileModel<'_>,
    helper: &ast::StmtFunctionDef,
) -> Vec<Caller<'p, 'a>> {
    let name = helper.name.as_str();
    let mut out: Vec<Caller<'p, 'a>> = Vec::new();
    let module = project.model.modules[file.module].file.module();
    // A module-level function is what other modules can import and call by name: a method
    // is called on objects whose class flasklint does not follow across modules.
    let top_level = module
        .body
        .iter()
        .any(|stmt| matches!(stmt, Stmt::FunctionDef(def) if std::ptr::eq(def, helper)));
    let calls_helper_here = |call: &ast::ExprCall| match call.func.as_ref() {
        Expr::Name(n) => n.id.as_str() == name,
        Expr::Attribute(a) => {
            a.attr.as_str() == name
                && matches!(a.value.as_ref(), Expr::Name(owner) if matches!(owner.id.as_str(), "self" | "cls"))
        }
        _ => false,
    };
    // indals' `TaskService.create_task(data, user_id)`: a static or class method called
    // through its class, which is named like a module-level function.
    let class = module.body.iter().find_map(|stmt| match stmt {
        Stmt::ClassDef(class)
            if class.body.iter().any(
                |member| matches!(member, Stmt::FunctionDef(def) if std::ptr::eq(def, helper)),
            ) =>
        {
            Some(class.name.as_str())
        }
        _ => None,
    });
    let module_name = &project.model.modules[file.module].name;
    let qualified = match class {
        _ if top_level => Some(format!("{module_name}.{name}")),
        Some(class) => Some(format!("{module_name}.{class}.{name}")),
        None => None,
    };
    for (other, fact) in project.calls_named(name) {
        if other.is_test_module() || !project.model.modules[other.module].analysed {
            continue;
        }
        let same = other.module == file.module;
        if !same && (qualified.is_none() || !project.apps.share(other.module, file.module)) {
            continue;
        }
        let call = fact.call;
        if other.context.is_test(call.range()) {
            continue;
        }
        let Some(function) = fact.function else {
            continue;
        };
        if same && helper.range().contains_range(call.range()) {
            continue;
        }
        if (same && calls_helper_here(call))
            || fact.callee.is_some() && fact.callee == qualified.as_deref()
        {
            out.push(Caller {
                file: other,
                function,
                call: call.range(),
            });
        }
    }
    out
}

/// Whether `call` in `function` sits in the body of a `try` whose handler catches what the
/// call raises (`except Exception`, a bare `except`, `except HTTPException`) and does not
/// raise it again.
fn absorbs(function: &ast::StmtFunctionDef, call: TextRange) -> bool {
    let mut absorbed = false;
    visit_stmts(&function.body, &mut |stmt| {
        let Stmt::Try(try_) = stmt else { return };
        let in_body = try_.body.iter().any(|s| s.range().contains_range(call));
        if !in_body {
            return;
        }
        absorbed |= try_.handlers.iter().any(|handler| {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            let broad = handler.type_.as_deref().is_none_or(|type_| {
                matches!(
                    last_segment(type_),
                    Some("Exception" | "BaseException" | "HTTPException")
                )
            });
            let bound = handler.name.as_ref().map(|n| n.as_str());
            let reraises = {
                let mut found = false;
                visit_stmts(&handler.body, &mut |s| {
                    if let Stmt::Raise(raise) = s {
                        found |= match raise.exc.as_deref() {
                            None => true,
                            Some(Expr::Name(n)) => Some(n.id.as_str()) == bound,
                            Some(_) => false,
                        };
                    }
                });
                found
            };
            broad && !reraises
        });
    });
    absorbed
}

fn audience_here(
    project: &Project<'_>,
    file: &FileModel<'_>,
    around: &[&ast::StmtFunctionDef],
    range: TextRange,
) -> Audience {
    let source = project.model.modules[file.module].file;
    if around.iter().any(|def| {
        def.decorator_list.iter().any(|d| {
            matches!(
                last_segment(&d.expression),
                Some("errorhandler" | "app_errorhandler")
            )
        })
    }) {
        return Audience::AnyFailingRequest;
    }
    let routes: Vec<&Route<'_>> = project
        .routes
        .routes
        .iter()
        .filter(|r| r.module == file.module && r.handler.range().contains_range(range))
        .collect();
    let guard = |decorators: Vec<&Expr>| {
        decorators
            .into_iter()
            .find(|d| guards_access(d))
            .map(|d| format!("callers `@{}` lets through", source.slice(d.range())))
    };
    if let Some(first) = routes.first() {
        let authenticated = |route: &Route<'_>| match &route.authentication {
            Some(how) => Some(format!(
                "the authenticated caller of `{}` ({})",
                route_label(route),
                how.how
            )),
            None => guard(route.decorators.clone()),
        };
        // An open route, preferably one no `before_request` hook runs before. A hook flasklint
        // cannot show authenticates (it neither verifies a token nor refuses callers without
        // a login) leaves the route open as far as it can tell (PowerDNS-Admin's maintenance
        // hook before its anonymous `/login` and `/register`); the message names it.
        if let Some(open) = routes
            .iter()
            .filter(|r| authenticated(r).is_none())
            .min_by_key(|r| r.unknown_hook)
        {
            return Audience::Anyone(route_label(open), open.unknown_hook);
        }
        return match authenticated(first) {
            Some(who) => Audience::Authenticated(who),
            None => Audience::Unknown,
        };
    }
    let decorators = around
        .iter()
        .flat_map(|def| def.decorator_list.iter().map(|d| &d.expression))
        .collect();
    match guard(decorators) {
        Some(who) => Audience::Authenticated(who),
        None => Audience::Unknown,
    }
}

/// A decorator whose name says it guards access: `login_required`, `pga_login_required`,
/// `permissions_required(...)`, `protect()`, `has_access`, `jwt_required()`, `roles_accepted`.
fn guards_access(decorator: &Expr) -> bool {
    let name = last_segment(decorator).unwrap_or("").to_ascii_lowercase();
    [
        "auth",
        "login",
        "permission",
        "require",
        "protect",
        "access",
        "jwt",
        "role",
        "admin",
    ]
    .iter()
    .any(|word| name.contains(word))
}

/// A project function a leak is handed to, and the parameter that receives it.
struct Helper<'a> {
    module: usize,
    def: &'a ast::StmtFunctionDef,
    parameter: &'a str,
    /// Where the helper puts that parameter into its response.
    puts_in_response: TextRange,
}

/// The project function `call` calls, and its parameter that `argument` (one of the call's
/// arguments) binds, when that parameter reaches the helper's response.
fn helper_for<'a>(
    project: &Project<'a>,
    file: &FileModel<'a>,
    scope: Option<usize>,
    call: &ast::ExprCall,
    argument: TextRange,
) -> Option<Helper<'a>> {
    let model = &project.model;
    let qualified = model.qualified_name(&call.func, &file.at(scope))?;
    let (module, name) = model.split_module(&qualified)?;
    if name.contains('.') || !model.modules[module].analysed {
        return None;
    }
    let def = model.modules[module]
        .file
        .module()
        .body
        .iter()
        .find_map(|stmt| match stmt {
            Stmt::FunctionDef(def) if def.name.as_str() == name => Some(def),
            _ => None,
        })?;
    let parameter = bound_parameter(def, call, argument)?;
    let puts_in_response = response_use(def, parameter)?;
    Some(Helper {
        module,
        def,
        parameter,
        puts_in_response,
    })
}

/// The parameter of `def` that the argument at `argument` of `call` binds.
fn bound_parameter<'a>(
    def: &'a ast::StmtFunctionDef,
    call: &ast::ExprCall,
    argument: TextRange,
) -> Option<&'a str> {
    if let Some(keyword) = call
        .arguments
        .keywords
        .iter()
        .find(|k| k.value.range() == argument)
    {
        let name = keyword.arg.as_ref()?.as_str();
        return def
            .parameters
            .iter_non_variadic_params()
            .find(|p| p.parameter.name.as_str() == name)
            .map(|p| p.parameter.name.as_str());
    }
    let index = call
        .arguments
        .args
        .iter()
        .take_while(|a| !matches!(a, Expr::Starred(_)))
        .position(|a| a.range() == argument)?;
    def.parameters
        .posonlyargs
        .iter()
        .chain(&def.parameters.args)
        .nth(index)
        .map(|p| p.parameter.name.as_str())
}

/// Where `parameter` of `def` goes into what the function answers with: the parameter itself in
/// a returned value, a response call or a raised werkzeug error, or in the assignment that
/// carries it there (`doc["errormsg"] = errormsg` before `return Response(json.dumps(doc))`).
fn response_use(def: &ast::StmtFunctionDef, parameter: &str) -> Option<TextRange> {
    // Names carrying the parameter's text, each with where the parameter entered it.
    let mut carriers: Vec<(String, TextRange)> = Vec::new();
    let mentions = |expr: &Expr, carriers: &[(String, TextRange)]| -> Option<TextRange> {
        let mut at = None;
        expr_contains(expr, &mut |e| match e {
            Expr::Name(n) if n.id.as_str() == parameter => {
                at = Some(n.range());
                true
            }
            Expr::Name(n) => {
                if let Some((_, origin)) = carriers.iter().find(|(c, _)| c == n.id.as_str()) {
                    at = Some(*origin);
                    true
                } else {
                    false
                }
            }
            _ => false,
        });
        at
    };
    // Two passes reach `msg = text; doc["m"] = msg`.
    for _ in 0..2 {
        visit_stmts(&def.body, &mut |stmt| {
            let (targets, value): (Vec<&Expr>, &Expr) = match stmt {
                Stmt::Assign(assign) => (assign.targets.iter().collect(), &assign.value),
                Stmt::AnnAssign(assign) => match &assign.value {
                    Some(value) => (vec![assign.target.as_ref()], value),
                    None => return,
                },
                Stmt::AugAssign(assign) => (vec![assign.target.as_ref()], &assign.value),
                _ => return,
            };
            let Some(origin) = mentions(value, &carriers) else {
                return;
            };
            for target in targets {
                let mut base = target;
                while let Expr::Subscript(s) = base {
                    base = &s.value;
                }
                if let Expr::Name(n) = base
                    && n.id.as_str() != parameter
                    && !carriers.iter().any(|(c, _)| c == n.id.as_str())
                {
                    carriers.push((n.id.to_string(), origin));
                }
            }
        });
    }
    let mut found = None;
    visit_stmts(&def.body, &mut |stmt| {
        if found.is_some() {
            return;
        }
        let value = match stmt {
            Stmt::Return(ret) => ret.value.as_deref(),
            Stmt::Raise(raise) => raise
                .exc
                .as_deref()
                .filter(|exc| matches!(exc, Expr::Call(c) if is_response_call(c))),
            Stmt::Expr(expr) => Some(expr.value.as_ref())
                .filter(|e| matches!(e, Expr::Call(c) if is_response_call(c))),
            _ => None,
        };
        if let Some(value) = value {
            found = mentions(value, &carriers);
        }
    });
    found
}

/// A call that hands the text of an internal exception to a helper, from an `except` handler.
struct CallSite<'c, 'a> {
    file: &'c FileModel<'a>,
    range: TextRange,
    function: Option<&'a ast::StmtFunctionDef>,
}

/// The calls in the project that hand the text of a caught internal exception to `helper`'s
/// parameter and answer with the helper's result, outside test code and outside Celery tasks
/// and CLI commands; at most `limit` of them.
fn call_sites<'c, 'a>(
    checker: &Checker<'c, 'a>,
    helper: &Helper<'_>,
    limit: usize,
) -> Vec<CallSite<'c, 'a>> {
    let project = checker.project;
    let helper_name = helper.def.name.as_str();
    let qualified = format!(
        "{}.{helper_name}",
        project.model.modules[helper.module].name
    );
    let mut sites = Vec::new();
    let mut scratch = Vec::new();
    for file in &project.files {
        if file.handler_calls.is_empty() || file.is_test_module() {
            continue;
        }
        let source = project.model.modules[file.module].file;
        let other = Checker {
            project,
            options: checker.options,
            file,
            source,
            rule: checker.rule,
            diagnostics: &mut scratch,
        };
        for handler_call in &file.handler_calls {
            if last_segment(&handler_call.call.func) != Some(helper_name)
                || file.context.is_test(handler_call.call.range())
                || file.context.outside_request(handler_call.call.range())
            {
                continue;
            }
            let leaked = handler_call
                .call
                .arguments
                .args
                .iter()
                .chain(
                    handler_call
                        .call
                        .arguments
                        .keywords
                        .iter()
                        .map(|k| &k.value),
                )
                .find_map(|argument| {
                    let (_, type_) = handler_call
                        .handlers
                        .iter()
                        .find(|(name, _)| is_leak(argument, Bound::Name(name)))?;
                    is_internal_exception(&other, *type_).then_some(argument.range())
                });
            let Some(argument) = leaked else { continue };
            let resolved = project
                .model
                .qualified_name(&handler_call.call.func, &file.at(handler_call.scope));
            if resolved.as_deref() != Some(qualified.as_str())
                || bound_parameter(helper.def, handler_call.call, argument)
                    != Some(helper.parameter)
            {
                continue;
            }
            sites.push(CallSite {
                file,
                range: handler_call.call.range(),
                function: handler_call.function,
            });
            if sites.len() >= limit {
                return sites;
            }
        }
    }
    sites
}

/// The leaks of one statement, each with the binding it leaks.
struct Group<'a> {
    stmt: &'a Stmt,
    leaks: Vec<(&'a Expr, Bound<'a>)>,
    sink: &'static str,
    caught: &'a str,
    error_handler: bool,
}

/// Whether an error handler's registration names a client error: a 4xx status (`404`), a
/// werkzeug client-error class or its `code` (`NotFound`, `NotFound.code`).
fn answers_a_client_error(registered: &str) -> bool {
    if let Ok(status) = registered.trim().parse::<u16>() {
        return (400..500).contains(&status);
    }
    let class = registered.trim().trim_end_matches(".code");
    let class = class.rsplit('.').next().unwrap_or(class);
    matches!(
        class,
        "BadRequest"
            | "Unauthorized"
            | "Forbidden"
            | "NotFound"
            | "MethodNotAllowed"
            | "NotAcceptable"
            | "RequestTimeout"
            | "Conflict"
            | "Gone"
            | "LengthRequired"
            | "PreconditionFailed"
            | "RequestEntityTooLarge"
            | "UnsupportedMediaType"
            | "UnprocessableEntity"
            | "TooManyRequests"
    )
}

/// From how many call sites on a helper is reported once, at the helper.
const HELPER_CALLS: usize = 2;

/// The statements of a block that can run: up to its first `raise` or `return` (LibreTranslate's
/// `except Exception as e: raise e` above an `abort(500, str(e))` that never runs).
fn reachable_prefix(body: &[Stmt]) -> &[Stmt] {
    match body
        .iter()
        .position(|stmt| matches!(stmt, Stmt::Raise(_) | Stmt::Return(_)))
    {
        Some(last) => &body[..=last],
        None => body,
    }
}

fn check(checker: &mut Checker<'_, '_>) {
    let functions = functions(checker);
    let mut catches: Vec<Catch<'_>> = Vec::new();
    visit_stmts(&checker.source.module().body, &mut |stmt| {
        let Stmt::Try(stmt) = stmt else { return };
        for handler in &stmt.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            // Without `as e`, only a traceback can leak.
            let name = handler.name.as_ref().map_or("", |n| n.as_str());
            if is_internal_exception(checker, handler.type_.as_deref())
                && !parses_caller_input(&functions, stmt)
            {
                catches.push(Catch {
                    bound: Bound::Name(name),
                    caught: handler
                        .type_
                        .as_deref()
                        .map_or("Exception".to_string(), |t| one_line(checker.text(t))),
                    body: reachable_prefix(&handler.body),
                    error_handler: false,
                    after: None,
                    on_failure_only: false,
                });
            }
        }
    });
    for function in &functions {
        let Some(registered) = function.error_handler_for else {
            continue;
        };
        let Some(parameter) = function.def.parameters.iter_non_variadic_params().next() else {
            continue;
        };
        let name = parameter.parameter.name.as_str();
        // Flask hands a 500 handler the generic `InternalServerError`, with the exception
        // that caused it as `original_exception`.
        let internal_server_error = match registered {
            Some(Expr::NumberLiteral(n)) => {
                matches!(&n.value, ast::Number::Int(i) if i.as_u64() == Some(500))
            }
            Some(type_) => last_segment(type_) == Some("InternalServerError"),
            None => false,
        };
        let bound = if internal_server_error {
            Bound::Original(name)
        } else {
            match registered {
                Some(Expr::NumberLiteral(_)) | None => continue,
                // A handler the project wrote for one exception class and named for
                // validation answers with what the client's input got wrong.
                Some(type_)
                    if names_validation(function.def)
                        && !matches!(last_segment(type_), Some("Exception" | "BaseException")) =>
                {
                    continue;
                }
                Some(type_) if is_internal_exception(checker, Some(type_)) => Bound::Name(name),
                Some(_) => continue,
            }
        };
        catches.push(Catch {
            bound,
            caught: match (bound, registered) {
                (Bound::Original(_), _) | (_, None) => String::new(),
                (_, Some(type_)) => checker.text(type_).to_string(),
            },
            body: &function.def.body,
            error_handler: true,
            after: None,
            on_failure_only: false,
        });
        // `original = getattr(error, "original_exception", None)`, then `str(original)` (arlo):
        // the local is the exception behind the 500.
        if internal_server_error {
            visit_scope_stmts(&function.def.body, &mut |stmt| {
                if let Stmt::Assign(assign) = stmt
                    && let [Expr::Name(alias)] = assign.targets.as_slice()
                    && reads_original_exception(&assign.value, name)
                {
                    catches.push(Catch {
                        bound: Bound::Name(alias.id.as_str()),
                        caught: String::new(),
                        body: &function.def.body,
                        error_handler: true,
                        after: Some(assign.end()),
                        on_failure_only: false,
                    });
                }
            });
        }
    }
    // A GraphQL error formatter answers every failing query: a traceback it adds reaches the
    // client. (The error's own message is the library's default answer, not the formatter's
    // choice, so only tracebacks count here.)
    for function in &functions {
        if is_graphql_error_formatter(function.def.name.as_str()) {
            catches.push(Catch {
                bound: Bound::Name(""),
                caught: String::new(),
                body: &function.def.body,
                error_handler: true,
                after: None,
                on_failure_only: false,
            });
        }
    }
    let holders = text_holders(checker, &functions, &catches);
    let held: Vec<Catch<'_>> = holders
        .iter()
        .map(|holder| Catch {
            bound: Bound::Text(holder.name),
            caught: holder.caught.clone(),
            body: holder.scope,
            error_handler: holder.error_handler,
            after: Some(holder.assigned.end()),
            on_failure_only: holder.from_helper,
        })
        .collect();
    catches.extend(held);
    let raises_http = |exc: &Expr, answers: bool| answers_when_raised(checker, exc, answers);
    // One finding per statement, holding every leak in it: a fix that replaced only one of
    // `jsonify(error=str(e), args=e.args)` would leave the statement leaking.
    let mut groups: Vec<Group<'_>> = Vec::new();
    for catch in &catches {
        for found in statement_leaks(&functions, catch.bound, catch.body, &raises_http) {
            if catch.after.is_some_and(|after| found.stmt.start() < after)
                || (catch.on_failure_only && !answers_with_error(found.stmt))
            {
                continue;
            }
            // A Celery task or a CLI command answers no request: its text goes to a worker's
            // result or a terminal.
            if checker.file.context.outside_request(found.stmt.range()) {
                continue;
            }
            // `elif isinstance(e, RateLimitExceeded): return {"message": str(e)}, 429` in an
            // error handler (pyfedi's API): the branch answers one exception class, whose text
            // is written for clients.
            if catch.error_handler
                && narrowed_to_client_errors(checker, catch.body, found.stmt.range())
            {
                continue;
            }
            // `render_template("500.html", message=str(e))` where no template of the chain shows
            // `message`: nothing of the exception reaches the page.
            let rendered: Vec<&Expr> = found
                .leaks
                .into_iter()
                .filter(|leak| {
                    template_rendering(checker, found.stmt, leak) != Some(Rendering::Unused)
                })
                .collect();
            if rendered.is_empty() {
                continue;
            }
            let leaks = rendered.into_iter().map(|leak| (leak, catch.bound));
            match groups
                .iter_mut()
                .find(|g| g.stmt.range() == found.stmt.range())
            {
                Some(group) => {
                    // The same statement seen from an outer `except` too (another name).
                    for (leak, bound) in leaks {
                        if !group
                            .leaks
                            .iter()
                            .any(|(l, _)| l.range().contains_range(leak.range()))
                        {
                            group
                                .leaks
                                .retain(|(l, _)| !leak.range().contains_range(l.range()));
                            group.leaks.push((leak, bound));
                        }
                    }
                    group.leaks.sort_by_key(|(l, _)| l.start());
                }
                None => groups.push(Group {
                    stmt: found.stmt,
                    leaks: leaks.collect(),
                    sink: found.sink,
                    caught: &catch.caught,
                    error_handler: catch.error_handler,
                }),
            }
        }
    }
    // `payload = jsonify(msg=message)` then `return make_response(payload, 500)`: the second
    // statement answers with what the first already built, so the leak is reported once, where
    // the text goes in.
    let repeated: Vec<bool> = groups
        .iter()
        .map(|group| {
            group.leaks.iter().all(|(leak, bound)| {
                let Bound::Text(name) = bound else {
                    return false;
                };
                matches!(leak, Expr::Name(n) if n.id.as_str() == *name)
                    && latest_holder(&holders, name, group.stmt).is_some_and(|h| {
                        groups
                            .iter()
                            .any(|other| other.stmt.range() == h.assigned.range())
                    })
            })
        })
        .collect();
    let mut counts = HashMap::default();
    for (mut group, repeated) in groups.into_iter().zip(repeated) {
        if repeated {
            continue;
        }
        // A leak handed to a project helper that many calls share is reported once, at the
        // helper (below, when its file is checked).
        group
            .leaks
            .retain(|(leak, _)| !delegated(checker, &mut counts, group.stmt, leak.range()));
        let Some((first, _)) = group.leaks.first() else {
            continue;
        };
        let texts: Vec<String> = group
            .leaks
            .iter()
            .map(|(leak, bound)| {
                let held = match bound {
                    Bound::Text(name) => latest_holder(&holders, name, group.stmt)
                        .map(|h| {
                            let line = checker.source.position(h.assigned.start()).line;
                            let mut value = one_line(checker.text(h.value));
                            if value.chars().count() > 60 {
                                value = value.chars().take(60).collect::<String>() + "…";
                            }
                            format!(" (holding `{value}` from line {line})")
                        })
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                format!("`{}`{held}", checker.text(*leak))
            })
            .collect();
        let (what, verb) = match texts.len() {
            1 => (texts.join(""), "puts"),
            _ => (and_list(&texts), "put"),
        };
        let caught = if matches!(group.leaks.first(), Some((_, Bound::Original(_)))) {
            "the exception behind the 500".to_string()
        } else if group.caught.is_empty() {
            "the exception".to_string()
        } else {
            format!("the caught `{}`", group.caught)
        };
        let sink = group.sink;
        let audience = if group.error_handler {
            Audience::AnyFailingRequest
        } else {
            let around: Vec<&ast::StmtFunctionDef> = functions
                .iter()
                .filter(|f| f.def.range().contains_range(group.stmt.range()))
                .map(|f| f.def)
                .collect();
            audience(
                checker.project,
                checker.file,
                &around,
                group.stmt.range(),
                raises_answer(group.stmt),
            )
        };
        let fix = generic_message_fix(checker, group.stmt, &group.leaks);
        let app_authenticates = app_authenticates(checker.project, checker.file.module);
        let operations_open = matches!(audience, Audience::AnyFailingRequest)
            .then(|| only_operations_open(checker.project, checker.file.module))
            .flatten();
        let signature_oracle = matches!(group.leaks.first(), Some((_, Bound::Name(_))))
            && in_mohawk_handler(checker, group.stmt.range());
        // `str(e.orig)` of an `IntegrityError` is the driver's own message, which names the
        // constraint that failed (`UNIQUE constraint failed: users.email`), where `str(e)` of
        // SQLAlchemy's wrapper also carries the SQL statement and its parameters.
        // For an error handler, `caught` is the class it is registered for.
        let constraint_only = group.caught.contains("IntegrityError")
            && group.leaks.iter().all(|(leak, _)| {
                matches!(leak, Expr::Attribute(a) if a.attr.as_str() == "orig")
                    || matches!(leak, Expr::Call(call) if matches!(call.arguments.args.first(), Some(Expr::Attribute(a)) if a.attr.as_str() == "orig"))
            });
        let restful = matches!(audience, Audience::AnyFailingRequest)
            .then(|| restful_share(checker.project, checker.file.module))
            .flatten();
        // Property's handlers: `if app.config.get("ENV") != "production": message = str(error)`
        // `else: message = "A database error occurred."`: the deployed application answers with
        // the generic text.
        let development_only = group.leaks.iter().all(|(_, bound)| match bound {
            Bound::Text(name) => latest_holder(&holders, name, group.stmt)
                .and_then(|holder| checker.file.context.development_at(holder.assigned.range()))
                .is_some(),
            _ => false,
        });
        // code-grader's handlers: `'details': str(error) if app.debug else None`: the text is
        // answered only in debug mode.
        let debug_gate = debug_gate(checker, &group);
        let diagnostic = checker.report(
            first.range(),
            format!(
                "{what} {verb} the details of {caught} into {sink}: database errors, file paths and library internals reach {}",
                audience.describe()
            ),
            "answer with a generic message (and a request id) and log the exception server-side with `logger.exception(...)`".to_string(),
        );
        diagnostic.fix = fix;
        diagnostic.severity = Some(audience.severity(app_authenticates));
        match audience {
            Audience::Anyone(..) | Audience::AnyFailingRequest if !app_authenticates => {
                diagnostic.message.push_str(
                    "; low severity: no route of this application authenticates as flasklint sees it, so whether anyone reads this depends on what stands in front of the app (a proxy, a middleware, or nothing in a public app)",
                );
            }
            Audience::Anyone(..) if sink != FLASHED => {
                diagnostic.message.push_str(
                    "; low severity: one route's own `except`, which shows only what fails in this route's code (an app-wide error handler that answers with the text shows every failure: medium)",
                );
            }
            Audience::Unknown if sink != FLASHED => {
                diagnostic.message.push_str(
                    "; low severity: flasklint sees no route that runs this code, so who reads the answer is not known",
                );
            }
            _ => {}
        }
        // Every route of the app but its health checks authenticates (GOV.UK Notify's template
        // preview and antivirus services, ONS's collection-instrument API): an anonymous caller
        // reaches the app-wide handler only with werkzeug's own 401/404/405 text or a health
        // check's failure, and the text of anything else goes to callers holding a credential.
        if diagnostic.severity == Some(Severity::Medium)
            && let Some(open) = &operations_open
        {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(&format!(
                "; low severity: every route of this application{} requires authentication, so only callers holding a credential read what it answers",
                match open.as_slice() {
                    [] => String::new(),
                    open => format!(" but its operations endpoints ({})", open.join(", ")),
                }
            ));
        }
        // limbus's `@errorhandler(NotFound.code)` rendering `traceback.format_exc()`: a handler
        // for a client error runs for an `abort(404)` or a routing miss, whose traceback is the
        // framework's and the view's code path, not the data of a failure.
        if diagnostic.severity == Some(Severity::Medium)
            && group.error_handler
            && answers_a_client_error(group.caught)
            && group
                .leaks
                .iter()
                .all(|(leak, _)| crate::model::exceptions::is_traceback_call(leak))
        {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(&format!(
                "; low severity: the handler answers a client error (`{}`), raised by an `abort(...)` or a URL that matches no route: its traceback shows code paths and source lines, not what failed; a handler for 500 or `Exception` that does the same is medium",
                group.caught
            ));
        }
        // lemur's `@app.errorhandler(Exception)` answering `str(e)`: flask-restful's
        // `Api.error_router` handles what its resources raise first and answers anything but an
        // HTTP exception with a generic "Internal Server Error", so only the app's other routes
        // (here a health check) reach the handler with their failures.
        if diagnostic.severity == Some(Severity::Medium)
            && let Some((restful, total)) = restful
        {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(&format!(
                "; low severity: {restful} of the application's {total} routes are flask-restful resources, whose exceptions flask-restful answers with a generic \"Internal Server Error\" before Flask's handlers run; what reaches this handler is werkzeug's own HTTP errors and the failures of the other routes"
            ));
        }
        if development_only && diagnostic.severity > Some(Severity::Low) {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(
                "; low severity: the text is put into the local only in development (a development-only branch), so a production deployment answers with the other branch's text",
            );
        }
        if let Some(test) = &debug_gate
            && diagnostic.severity > Some(Severity::Low)
        {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(&format!(
                "; low severity: the text is answered only when `{test}` holds, debug mode, which a production deployment leaves off"
            ));
        }
        if signature_oracle {
            // Not internals but a forgery aid: mohawk's `MacMismatch` reads "MACs do not match;
            // ours: <expected MAC>; theirs: <sent MAC>".
            diagnostic.severity = Some(Severity::High);
            diagnostic.message.push_str(
                "; worse, mohawk's `MacMismatch` text holds the MAC the server expected, so a caller with a wrong MAC is handed the valid one for its request (a signature oracle)",
            );
        }
        if constraint_only && diagnostic.severity != Some(Severity::High) {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(
                "; low severity: an `IntegrityError`'s `orig` is the database driver's message, naming the constraint that failed (and on PostgreSQL the conflicting key), not the SQL statement",
            );
        }
        // A flashed message shows on the next page of the session whose action failed, as the
        // reason its own action failed: the form-and-redirect pattern of server-rendered apps
        // (Flask-Admin, Flask-AppBuilder, a wiki's OAuth login, a package database's admin
        // form). Held-out reviewers judged every flashed leak they read not worth acting on at
        // medium (realms-wiki, faf, pkgdb2, digitalmarketplace, beaker).
        if sink == FLASHED && diagnostic.severity == Some(Severity::Medium) {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(
                " (low: a flashed message, shown only to the session whose action failed, as the reason it failed)",
            );
        } else if sink == FLASHED && matches!(audience, Audience::Unknown) {
            diagnostic.message.push_str(
                " (a flashed message, shown only to the session whose action failed; who calls this code is not known)",
            );
        }
    }
    report_helpers(checker);
}

/// The test of the conditional expressions every leak of `group` sits in the true branch of,
/// when each test reads a debug switch (`str(error) if app.debug else None`,
/// `... if current_app.config["DEBUG"] else "error"`), or of the `{% if config.DEBUG %}` under
/// which the rendered template alone shows it.
fn debug_gate(checker: &Checker<'_, '_>, group: &Group<'_>) -> Option<String> {
    let mut tests = Vec::new();
    for (leak, _) in &group.leaks {
        if let Some(Rendering::DebugOnly(test)) = template_rendering(checker, group.stmt, leak) {
            tests.push(test);
            continue;
        }
        let mut gate = None;
        crate::model::routes::any_expr(std::slice::from_ref(group.stmt), &mut |e| {
            if let Expr::If(conditional) = e
                && conditional.body.range().contains_range(leak.range())
                && checker
                    .text(conditional.test.as_ref())
                    .to_ascii_lowercase()
                    .contains("debug")
            {
                gate = Some(checker.text(conditional.test.as_ref()).to_string());
            }
            gate.is_some()
        });
        tests.push(gate?);
    }
    tests.into_iter().next()
}

/// Whether the innermost `except` around `range` catches a Hawk authentication failure
/// (`mohawk.exc.HawkFail`, `MacMismatch`, or any class of `mohawk`): mohawk's MAC mismatch message
/// carries the MAC the server computed, which its documentation says never to expose.
fn in_mohawk_handler(checker: &Checker<'_, '_>, range: TextRange) -> bool {
    let mut innermost: Option<&ast::ExceptHandlerExceptHandler> = None;
    visit_stmts(&checker.source.module().body, &mut |stmt| {
        let Stmt::Try(try_) = stmt else { return };
        for handler in &try_.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            if handler.range().contains_range(range)
                && innermost.is_none_or(|outer| outer.range().contains_range(handler.range()))
            {
                innermost = Some(handler);
            }
        }
    });
    let Some(type_) = innermost.and_then(|h| h.type_.as_deref()) else {
        return false;
    };
    let types: Vec<&Expr> = match type_ {
        Expr::Tuple(tuple) => tuple.elts.iter().collect(),
        one => vec![one],
    };
    let at = checker.file.at(checker.file.scope_around(type_.range()));
    types.into_iter().any(|t| {
        checker
            .project
            .model
            .qualified_name(t, &at)
            .is_some_and(|q| q.starts_with("mohawk."))
    })
}

/// The calls a `try` may make on what the caller sent and still only be decoding or parsing it:
/// `base64.b64decode(credentials).decode("utf-8").split(":")`, `User.parse(request.json)`,
/// `json.loads(request.data)`.
const DECODERS: &[&str] = &[
    "b64decode",
    "urlsafe_b64decode",
    "decode",
    "split",
    "rsplit",
    "strip",
    "lower",
    "loads",
    "int",
    "float",
    "parse",
    "from_dict",
    "from_json",
];

/// Whether the body of `try_` is one statement that only decodes or parses the request's own
/// data (`request.json`, a header, or locals built from them before the `try`), with
/// [`DECODERS`]: what fails there is the caller's input, and the exception's text says what
/// was wrong with it (`Incorrect padding`, `Missing mandatory value for "login"`), not the
/// server's internals.
fn parses_caller_input(functions: &[Function<'_>], try_: &ast::StmtTry) -> bool {
    let [statement] = try_.body.as_slice() else {
        return false;
    };
    let value = match statement {
        Stmt::Assign(assign) => assign.value.as_ref(),
        Stmt::Expr(expr) => expr.value.as_ref(),
        _ => return false,
    };
    let Some(function) = enclosing(functions, try_.range()) else {
        return false;
    };
    // Locals the function builds from the request before the `try`.
    let mut from_request: Vec<&str> = vec!["request"];
    for _ in 0..4 {
        visit_stmts(&function.def.body, &mut |stmt| {
            let Stmt::Assign(assign) = stmt else { return };
            if stmt.start() >= try_.start() {
                return;
            }
            let reads = expr_contains(
                &assign.value,
                &mut |e| matches!(e, Expr::Name(n) if from_request.contains(&n.id.as_str())),
            );
            if !reads {
                return;
            }
            for target in &assign.targets {
                if let Expr::Name(n) = target
                    && !from_request.contains(&n.id.as_str())
                {
                    from_request.push(n.id.as_str());
                }
            }
        });
    }
    fn only_input(expr: &Expr, from_request: &[&str]) -> bool {
        match expr {
            Expr::Name(n) => from_request.contains(&n.id.as_str()),
            Expr::Attribute(a) => only_input(&a.value, from_request),
            Expr::Subscript(s) => only_input(&s.value, from_request),
            Expr::StringLiteral(_) | Expr::NumberLiteral(_) => true,
            Expr::Call(call) => {
                let decoder = last_segment(&call.func).is_some_and(|n| DECODERS.contains(&n));
                // `base64.b64decode(...)`, `User.parse(...)`: the receiver is a module or a
                // class; `x.decode(...)`: the receiver is data and must be the caller's.
                let receiver = match call.func.as_ref() {
                    Expr::Name(_) => true,
                    Expr::Attribute(a) => {
                        matches!(a.value.as_ref(), Expr::Name(_))
                            || only_input(&a.value, from_request)
                    }
                    _ => false,
                };
                let any_input = crate::model::argument_values(call)
                    .any(|a| !matches!(a, Expr::StringLiteral(_) | Expr::NumberLiteral(_)))
                    || matches!(call.func.as_ref(), Expr::Attribute(a) if !matches!(a.value.as_ref(), Expr::Name(_)));
                decoder
                    && receiver
                    && any_input
                    && crate::model::argument_values(call).all(|a| only_input(a, from_request))
            }
            _ => false,
        }
    }
    matches!(value, Expr::Call(_)) && only_input(value, &from_request)
}

/// The assignment of the local `name` that `stmt` reads: the last one before it.
fn latest_holder<'h, 'a>(
    holders: &'h [TextHolder<'a>],
    name: &str,
    stmt: &Stmt,
) -> Option<&'h TextHolder<'a>> {
    holders
        .iter()
        .filter(|h| {
            h.name == name
                && h.assigned.end() <= stmt.start()
                // An assignment in one clause of an `if` never reaches another clause.
                && !in_other_clauses(h.scope, h.assigned.range(), stmt.range())
        })
        .max_by_key(|h| h.assigned.end())
}

/// Whether `a` and `b` lie in different clauses of one `if` / `elif` / `else` chain of `body`.
fn in_other_clauses(body: &[Stmt], a: TextRange, b: TextRange) -> bool {
    let mut exclusive = false;
    visit_stmts(body, &mut |stmt| {
        if exclusive {
            return;
        }
        let Stmt::If(branch) = stmt else { return };
        let clause_of = |range: TextRange| {
            crate::model::routes::if_clauses(branch)
                .position(|(_, clause)| clause_holds(clause, range))
        };
        if let (Some(first), Some(second)) = (clause_of(a), clause_of(b)) {
            exclusive = first != second;
        }
    });
    exclusive
}

/// Whether the statements of one clause of an `if` span `range`.
fn clause_holds(clause: &[Stmt], range: TextRange) -> bool {
    clause
        .first()
        .zip(clause.last())
        .is_some_and(|(first, last)| {
            TextRange::new(first.start(), last.end()).contains_range(range)
        })
}

/// Whether `at` lies in a clause `if isinstance(e, A)` / `elif isinstance(e, (A, B))` of `body`
/// whose classes are all written for clients.
fn narrowed_to_client_errors(checker: &Checker<'_, '_>, body: &[Stmt], at: TextRange) -> bool {
    let mut narrowed = false;
    visit_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        for (test, clause) in crate::model::routes::if_clauses(branch) {
            let Some(Expr::Call(call)) = test else {
                continue;
            };
            if clause_holds(clause, at)
                && matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "isinstance")
                && let [Expr::Name(_), classes] = call.arguments.args.as_ref()
                && !is_internal_exception(checker, Some(classes))
            {
                narrowed = true;
            }
        }
    });
    narrowed
}

/// A local assigned the exception's text, and where to look for its uses.
struct TextHolder<'a> {
    name: &'a str,
    /// The assignment (`err = str(e)`).
    assigned: &'a Stmt,
    value: &'a Expr,
    /// The body of the function the assignment is in (the module's, at top level): the local
    /// is used anywhere after it there, inside the `except` or after it.
    scope: &'a [Stmt],
    /// What was caught, for the message (`Exception`).
    caught: String,
    /// Held in an error handler: every failing request reaches it.
    error_handler: bool,
    /// Assigned a helper's result (`resp = decode_auth_token(t)`): the text only on failure.
    from_helper: bool,
}

/// Where to look for locals built from a leak: the bound, the statements, only after this
/// offset, what was caught, whether in an error handler, and whether the text is there only
/// when a helper failed (a local built from `resp = helper(...)`).
type Search<'a> = (Bound<'a>, &'a [Stmt], Option<TextSize>, String, bool, bool);

/// How many steps of `a = str(e)`, `b = f"failed: {a}"` are followed.
const MAX_TEXT_STEPS: usize = 4;

/// Locals holding a caught exception's text: assigned a leak of it inside the handler
/// (`err = str(e)`, `tb = traceback.format_exc()`), or built later from such a local
/// (`msg = "failed: " + err`, `msg = f"{err}"`), within the same function.
fn text_holders<'a>(
    checker: &Checker<'_, 'a>,
    functions: &[Function<'a>],
    catches: &[Catch<'a>],
) -> Vec<TextHolder<'a>> {
    let module_body = &checker.source.module().body;
    let mut holders: Vec<TextHolder<'a>> = Vec::new();
    let mut frontier: Vec<Search<'a>> = catches
        .iter()
        .map(|c| {
            (
                c.bound,
                c.body,
                None,
                c.caught.clone(),
                c.error_handler,
                c.on_failure_only,
            )
        })
        .collect();
    // `resp = decode_auth_token(token)` where that function returns `str(e)` of an exception
    // it caught: `resp` holds the text.
    visit_stmts(module_body, &mut |stmt| {
        let Stmt::Assign(assign) = stmt else { return };
        let ([Expr::Name(target)], Expr::Call(call)) =
            (assign.targets.as_slice(), assign.value.as_ref())
        else {
            return;
        };
        let Some((module, returned)) = text_returning(checker, call) else {
            return;
        };
        let scope = enclosing(functions, stmt.range())
            .map_or(module_body.as_slice(), |f| f.def.body.as_slice());
        let caught = returned.caught.map_or("Exception".to_string(), |t| {
            one_line(text_in(checker, module, t))
        });
        holders.push(TextHolder {
            name: target.id.as_str(),
            assigned: stmt,
            value: &assign.value,
            scope,
            caught: format!("{caught}` in `{}()", returned.function.name),
            error_handler: false,
            from_helper: true,
        });
        frontier.push((
            Bound::Text(target.id.as_str()),
            scope,
            Some(stmt.end()),
            holders.last().map(|h| h.caught.clone()).unwrap_or_default(),
            false,
            true,
        ));
    });
    for _ in 0..MAX_TEXT_STEPS {
        let mut next = Vec::new();
        for (bound, body, after, caught, error_handler, from_helper) in frontier {
            visit_stmts(body, &mut |stmt| {
                let Stmt::Assign(assign) = stmt else { return };
                // `err = str(e)`, or `response["message"] = str(e)`: the dict then holds it.
                let target = match assign.targets.as_slice() {
                    [Expr::Name(target)] => target,
                    [Expr::Subscript(subscript)] => match subscript.value.as_ref() {
                        Expr::Name(container) => container,
                        _ => return,
                    },
                    _ => return,
                };
                if after.is_some_and(|after| stmt.start() < after)
                    || all_leaks(&assign.value, bound).is_empty()
                    || holders.iter().any(|h| std::ptr::eq(h.assigned, stmt))
                {
                    return;
                }
                // A handler that always returns or raises hands nothing to the code after it:
                // there the name holds what the other paths assigned.
                let scope = if after.is_none() && always_exits(body) {
                    body
                } else {
                    enclosing(functions, stmt.range())
                        .map_or(module_body.as_slice(), |f| f.def.body.as_slice())
                };
                holders.push(TextHolder {
                    name: target.id.as_str(),
                    assigned: stmt,
                    value: &assign.value,
                    scope,
                    caught: caught.clone(),
                    error_handler,
                    // `old_data = res_data` after `res_data = helper(...)`: still the
                    // helper's text only when it failed.
                    from_helper,
                });
                next.push((
                    Bound::Text(target.id.as_str()),
                    scope,
                    Some(stmt.end()),
                    caught.clone(),
                    error_handler,
                    from_helper,
                ));
            });
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    holders
}

/// Whether `stmt` answers by raising: `raise ...`, or a statement that is an `abort(...)` call.
fn raises_answer(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Raise(_) => true,
        Stmt::Expr(expr) => {
            matches!(expr.value.as_ref(), Expr::Call(call) if last_segment(&call.func) == Some("abort"))
        }
        _ => false,
    }
}

/// Whether a block always ends by returning or raising.
fn always_exits(body: &[Stmt]) -> bool {
    match body.last() {
        Some(Stmt::Return(_) | Stmt::Raise(_)) => true,
        Some(Stmt::If(branch)) => {
            always_exits(&branch.body)
                && branch.elif_else_clauses.iter().any(|c| c.test.is_none())
                && branch
                    .elif_else_clauses
                    .iter()
                    .all(|c| always_exits(&c.body))
        }
        _ => false,
    }
}

/// Whether `stmt` answers with an error: a returned tuple with a 4xx/5xx status, `abort(...)`,
/// or a raise.
fn answers_with_error(stmt: &Stmt) -> bool {
    let status = |expr: &Expr| {
        matches!(expr, Expr::Tuple(tuple) if tuple.elts.get(1).is_some_and(|code| matches!(code,
            Expr::NumberLiteral(n) if matches!(&n.value, ast::Number::Int(i) if i.as_u64().is_some_and(|c| c >= 400)))
            || matches!(code, Expr::Attribute(a) if !a.attr.as_str().starts_with("OK") && !a.attr.as_str().starts_with("CREATED"))))
    };
    match stmt {
        Stmt::Raise(_) => true,
        Stmt::Return(ret) => ret.value.as_deref().is_some_and(status),
        _ => any_expr(
            std::slice::from_ref(stmt),
            &mut |e| matches!(e, Expr::Call(call) if last_segment(&call.func) == Some("abort")),
        ),
    }
}

/// The project function `call` runs, when it returns the text of an internal exception it
/// caught (`FileModel::text_returns`): in this module by name, or in another through the
/// import (`auth.decode_auth_token`, `Auth.decode_auth_token`).
fn text_returning<'c, 'a>(
    checker: &Checker<'c, 'a>,
    call: &ast::ExprCall,
) -> Option<(usize, &'c crate::model::exceptions::TextReturn<'a>)> {
    let name = last_segment(&call.func)?;
    let project = checker.project;
    // Only names some module's functions return text under are worth resolving.
    let candidates = project.text_returns.get(name)?;
    let at = checker.file.at(checker.file.scope_around(call.range()));
    let module = match call.func.as_ref() {
        Expr::Name(_) => project
            .model
            .qualified_name(&call.func, &at)
            .and_then(|q| project.model.split_module(&q).map(|(m, _)| m))
            .unwrap_or(checker.file.module),
        _ => {
            let qualified = project.model.qualified_name(&call.func, &at)?;
            project.model.split_module(&qualified)?.0
        }
    };
    candidates
        .iter()
        .filter(|(m, _)| *m == module)
        .filter_map(|(m, index)| Some((*m, project.files.get(*m)?.text_returns.get(*index)?)))
        .find(|(m, r)| summary_caught_is_internal(r.caught.map(|t| text_in(checker, *m, t))))
}

/// The source text of an expression of `module` (a summary's function may be in another file).
fn text_in<'a>(checker: &Checker<'_, 'a>, module: usize, expr: &Expr) -> &'a str {
    checker.project.model.modules[module]
        .file
        .slice(expr.range())
}

/// Whether the exception a helper caught, named as written there, is one whose text is
/// internal: a bare `except`, `Exception`, or a library error that is not a token library's
/// (FL401's) nor written for clients (validation, lookups, werkzeug's HTTP errors).
fn summary_caught_is_internal(caught: Option<&str>) -> bool {
    let Some(caught) = caught else { return true };
    let caught = caught.trim_start_matches('(').trim_end_matches(')');
    caught.split(',').map(str::trim).any(|one| {
        let last = one.rsplit('.').next().unwrap_or(one);
        let lower = one.to_ascii_lowercase();
        let token = lower.contains("jwt")
            || lower.contains("jose")
            || last.contains("Token")
            || last.contains("Signature");
        let for_clients = last.ends_with("ValidationError")
            || says_input_invalid(one)
            || matches!(
                last,
                "ValueError" | "KeyError" | "IndexError" | "LookupError" | "HTTPException"
            );
        !token && !for_clients && (last.ends_with("Error") || last.ends_with("Exception"))
    })
}

/// Whether the leak at `leak` in `stmt` is an argument of a call to a project helper that
/// puts it in its response and that enough calls share to be reported at the helper.
fn delegated(
    checker: &Checker<'_, '_>,
    counts: &mut HashMap<(TextSize, usize, String), usize>,
    stmt: &Stmt,
    leak: TextRange,
) -> bool {
    let mut call: Option<&ast::ExprCall> = None;
    crate::model::routes::any_expr(std::slice::from_ref(stmt), &mut |e| {
        if let Expr::Call(c) = e
            && crate::model::argument_values(c).any(|a| a.range() == leak)
        {
            call = Some(c);
            return true;
        }
        false
    });
    let Some(call) = call else { return false };
    // Only a call whose result the handler answers with is counted at the helper.
    let Some(handler_call) = checker
        .file
        .handler_calls
        .iter()
        .find(|h| std::ptr::eq(h.call, call))
    else {
        return false;
    };
    let Some(helper) = helper_for(
        checker.project,
        checker.file,
        handler_call.scope,
        call,
        leak,
    ) else {
        return false;
    };
    let key = (
        helper.def.range().start(),
        helper.module,
        helper.parameter.to_string(),
    );
    *counts
        .entry(key)
        .or_insert_with(|| call_sites(checker, &helper, HELPER_CALLS).len())
        >= HELPER_CALLS
}

/// Helpers of this file that many calls hand the text of an internal exception to
/// (`internal_server_error(errormsg=str(e))`, 90 times): one finding each, where the helper
/// puts the parameter into its response, with the number of calls.
fn report_helpers(checker: &mut Checker<'_, '_>) {
    let project = checker.project;
    let module = checker.file.module;
    let names: Vec<&str> = checker
        .source
        .module()
        .body
        .iter()
        .filter_map(|stmt| match stmt {
            Stmt::FunctionDef(def) => Some(def.name.as_str()),
            _ => None,
        })
        .collect();
    if names.is_empty() {
        return;
    }
    // The calls anywhere in the project that could be calls of this file's helpers.
    let candidates: Vec<(&FileModel<'_>, &crate::model::exceptions::HandlerCall<'_>)> = names
        .iter()
        .flat_map(|name| project.handler_calls_named(name))
        .collect();
    let mut helpers: Vec<Helper<'_>> = Vec::new();
    for (file, handler_call) in candidates {
        for argument in handler_call.call.arguments.args.iter().chain(
            handler_call
                .call
                .arguments
                .keywords
                .iter()
                .map(|k| &k.value),
        ) {
            if !handler_call
                .handlers
                .iter()
                .any(|(name, _)| is_leak(argument, Bound::Name(name)))
            {
                continue;
            }
            if let Some(helper) = helper_for(
                project,
                file,
                handler_call.scope,
                handler_call.call,
                argument.range(),
            ) && helper.module == module
                && !helpers
                    .iter()
                    .any(|h| std::ptr::eq(h.def, helper.def) && h.parameter == helper.parameter)
            {
                helpers.push(helper);
            }
        }
    }
    helpers.sort_by_key(|h| h.puts_in_response.start());
    for helper in helpers {
        let sites = call_sites(checker, &helper, usize::MAX);
        if sites.len() < HELPER_CALLS {
            continue;
        }
        let audiences: Vec<(Audience, Severity)> = sites
            .iter()
            .map(|site| {
                let around: Vec<&ast::StmtFunctionDef> = site.function.into_iter().collect();
                let audience = audience(project, site.file, &around, site.range, false);
                let severity = audience.severity(app_authenticates(project, site.file.module));
                (audience, severity)
            })
            .collect();
        let severity = audiences
            .iter()
            .map(|(_, severity)| *severity)
            .max()
            .unwrap_or(Severity::Low);
        // The call that decides the severity is the one to name.
        let Some((deciding, (deciding_audience, _))) = sites
            .iter()
            .zip(&audiences)
            .find(|(_, (_, s))| *s == severity)
        else {
            continue;
        };
        let deciding_file = project.model.modules[deciding.file.module].file;
        let diagnostic = checker.report(
            helper.puts_in_response,
            format!(
                "`{}` puts its `{}` into the response, and {} calls pass it the text of a caught internal exception: database errors, file paths and library internals reach {} (the call at {}:{})",
                helper.def.name,
                helper.parameter,
                sites.len(),
                deciding_audience.describe(),
                deciding_file.display_path(),
                deciding_file.position(deciding.range.start()).line
            ),
            format!(
                "have the callers pass a generic message (and a request id) and log the exception server-side with `logger.exception(...)`, or let `{}` log what it gets and answer with a generic message",
                helper.def.name
            ),
        );
        diagnostic.severity = Some(severity);
    }
}

/// Source text on one line: `(\n    OSError,\n    ValueError,\n)` is `(OSError, ValueError)`.
fn one_line(text: &str) -> String {
    excerpt::one_line(text)
        .replace("( ", "(")
        .replace(", )", ")")
        .replace(",)", ")")
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// What the client is told instead of the exception.
const GENERIC_MESSAGE: &str = "an internal error occurred";

/// Replaces every leak of `stmt` with [`GENERIC_MESSAGE`], in the quotes the statement already
/// uses. A leak inside an f-string's `{...}` replaces that placeholder with the plain words (a
/// string literal inside an f-string needs other quotes before Python 3.12); an f-string whose
/// every placeholder leaks becomes the plain literal. A subscript, attribute or method call on a
/// leak (`e.args[0]`, `str(e).lower()`) goes with it: `"..."[0]` would send one letter.
fn generic_message_fix(
    checker: &Checker<'_, '_>,
    stmt: &Stmt,
    leaks: &[(&Expr, Bound<'_>)],
) -> Option<Fix> {
    let quote = quote_of(checker, stmt);
    let literal = format!("{quote}{GENERIC_MESSAGE}{quote}");
    let mut fstrings: Vec<&ast::ExprFString> = Vec::new();
    crate::model::routes::any_expr(std::slice::from_ref(stmt), &mut |e| {
        if let Expr::FString(fstring) = e
            && !fstrings
                .iter()
                .any(|outer| outer.range.contains_range(fstring.range))
        {
            fstrings.push(fstring);
        }
        false
    });
    let mut edits: Vec<Edit> = Vec::new();
    // Per f-string: the placeholders that leak.
    let mut placeholders: Vec<(&ast::ExprFString, Vec<TextRange>)> = Vec::new();
    for (leak, bound) in leaks {
        let Some(fstring) = fstrings
            .iter()
            .find(|f| f.range.contains_range(leak.range()))
        else {
            edits.push(Edit {
                range: widen(stmt, leak.range()),
                content: literal.clone(),
            });
            continue;
        };
        let is_whole = fstring.range == leak.range();
        let leaking: Vec<TextRange> = fstring
            .value
            .elements()
            .filter_map(ast::InterpolatedStringElement::as_interpolation)
            .filter(|i| {
                i.range.contains_range(leak.range())
                    || (is_whole
                        && (bound.is(&i.expression)
                            || !all_leaks(&i.expression, *bound).is_empty()))
            })
            .map(|i| i.range)
            .collect();
        if leaking.is_empty() {
            return None;
        }
        match placeholders
            .iter_mut()
            .find(|(f, _)| std::ptr::eq(*f, *fstring))
        {
            Some((_, ranges)) => ranges.extend(leaking),
            None => placeholders.push((fstring, leaking)),
        }
    }
    for (fstring, ranges) in placeholders {
        let every = fstring
            .value
            .elements()
            .filter_map(ast::InterpolatedStringElement::as_interpolation)
            .all(|i| ranges.contains(&i.range));
        if every {
            edits.push(Edit {
                range: fstring.range,
                content: literal.clone(),
            });
        } else {
            edits.extend(ranges.into_iter().map(|range| Edit {
                range,
                content: GENERIC_MESSAGE.to_string(),
            }));
        }
    }
    // A widened leak may hold another leak (`str(e).replace("x", repr(e))`): the outer edit
    // covers it.
    let ranges: Vec<TextRange> = edits.iter().map(|e| e.range).collect();
    edits.retain(|edit| {
        !ranges
            .iter()
            .any(|r| *r != edit.range && r.contains_range(edit.range))
    });
    edits.sort_by_key(|e| e.range.start());
    edits.dedup();
    if edits
        .windows(2)
        .any(|pair| pair[0].range.end() > pair[1].range.start())
    {
        return None;
    }
    let mut replaced: Vec<String> = Vec::new();
    for content in [&literal, GENERIC_MESSAGE] {
        let originals: Vec<String> = edits
            .iter()
            .filter(|e| e.content == content)
            .map(|e| format!("`{}`", checker.source.slice(e.range)))
            .collect();
        if !originals.is_empty() {
            replaced.push(format!("{} with `{content}`", and_list(&originals)));
        }
    }
    Some(Fix {
        description: format!(
            "replace {}; log the exception server-side with `logger.exception(...)`",
            replaced.join(", and ")
        ),
        edits,
        // The client no longer sees the message it used to get.
        applicability: Applicability::Unsafe,
    })
}

/// `range`, widened over the subscripts, attributes and method calls applied to it in `stmt`.
fn widen(stmt: &Stmt, mut range: TextRange) -> TextRange {
    loop {
        let mut parent = None;
        crate::model::routes::any_expr(std::slice::from_ref(stmt), &mut |e| {
            let inner = match e {
                Expr::Subscript(s) => s.value.range(),
                Expr::Attribute(a) => a.value.range(),
                Expr::Call(c) => c.func.range(),
                _ => return false,
            };
            if inner == range {
                parent = Some(e.range());
            }
            inner == range
        });
        match parent {
            Some(wider) => range = wider,
            None => return range,
        }
    }
}

/// The quote character of the first string in `stmt`, `"` when it has none.
fn quote_of(checker: &Checker<'_, '_>, stmt: &Stmt) -> char {
    let mut quote = '"';
    crate::model::routes::any_expr(std::slice::from_ref(stmt), &mut |e| {
        if !matches!(e, Expr::StringLiteral(_) | Expr::FString(_)) {
            return false;
        }
        let text = checker.text(e);
        if let Some(c) = text
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .chars()
            .next()
            && (c == '\'' || c == '"')
        {
            quote = c;
        }
        true
    });
    quote
}
