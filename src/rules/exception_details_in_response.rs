//! FL402 exception-details-in-response: the text of a caught exception, or a traceback, sent to
//! the client.
//!
//! Why: `str(e)` of an unexpected exception is SQL with table names, file paths, library
//! versions, or a JWT library's exact reason for rejecting a token; `traceback.format_exc()` is
//! the server's source layout. Attackers use both to map the system (CWE-209).
//! Fix: answer with a generic message (and a request or error id) and log the exception
//! server-side with `logger.exception(...)`; logging is not a finding, only responses are. The
//! fix replaces every leak of a statement with `"an internal error occurred"`: one finding per
//! statement, so that applying one finding's fix leaves nothing of that statement leaking.
//!
//! Also home to the response helpers FL401 shares: which calls build a response, which functions
//! answer requests, which statements are logging.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{Applicability, Checker, Edit, Fix, Rule};
use crate::model::routes::{expr_contains, visit_stmts};

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

/// The last segment of a dotted callee or decorator: `app.errorhandler` is `errorhandler`.
pub(super) fn last_segment(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(name) => Some(name.id.as_str()),
        Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
        Expr::Call(call) => last_segment(&call.func),
        _ => None,
    }
}

/// Every function in the file (nested ones too), with its role.
pub(super) fn functions<'a>(checker: &Checker<'_, 'a>) -> Vec<Function<'a>> {
    fn walk<'a>(
        body: &'a [Stmt],
        nested: bool,
        in_class: bool,
        routes: &[&'a ast::StmtFunctionDef],
        out: &mut Vec<Function<'a>>,
    ) {
        for stmt in body {
            match stmt {
                Stmt::FunctionDef(def) => {
                    let mut answers = nested || routes.iter().any(|r| std::ptr::eq(*r, def));
                    let mut error_handler_for = None;
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
                    walk(&def.body, true, false, routes, out);
                }
                Stmt::ClassDef(class) => walk(&class.body, nested, true, routes, out),
                Stmt::If(stmt) => {
                    walk(&stmt.body, nested, in_class, routes, out);
                    for clause in &stmt.elif_else_clauses {
                        walk(&clause.body, nested, in_class, routes, out);
                    }
                }
                Stmt::Try(stmt) => {
                    walk(&stmt.body, nested, in_class, routes, out);
                    for handler in &stmt.handlers {
                        let ast::ExceptHandler::ExceptHandler(handler) = handler;
                        walk(&handler.body, nested, in_class, routes, out);
                    }
                }
                Stmt::With(stmt) => walk(&stmt.body, nested, in_class, routes, out),
                _ => {}
            }
        }
    }
    let routes: Vec<&'a ast::StmtFunctionDef> = checker.routes().map(|r| r.handler).collect();
    let mut out = Vec::new();
    walk(
        &checker.source.module().body,
        false,
        false,
        &routes,
        &mut out,
    );
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

/// Whether `e` itself is a leak of the exception bound to `name` (or, for any name, a
/// traceback): `str(e)`, `repr(e)`, `f"{e}"`, `"%s" % e`, `"{}".format(e)`, `e.args`,
/// `traceback.format_exc()`.
fn is_leak(e: &Expr, name: &str) -> bool {
    let is_e = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == name);
    match e {
        Expr::Call(call) => {
            let callee = last_segment(&call.func).unwrap_or("");
            let first = call.arguments.args.first();
            (matches!(call.func.as_ref(), Expr::Name(_))
                && matches!(callee, "str" | "repr" | "format")
                && first.is_some_and(is_e))
                || (callee == "format"
                    && matches!(call.func.as_ref(), Expr::Attribute(a) if matches!(a.value.as_ref(), Expr::StringLiteral(_)))
                    && call.arguments.args.iter().any(is_e))
                || (matches!(
                    callee,
                    "format_exc" | "format_exception" | "format_tb" | "format_stack"
                ) && matches!(call.func.as_ref(), Expr::Attribute(a)
                    if matches!(a.value.as_ref(), Expr::Name(m) if m.id.as_str() == "traceback")))
        }
        Expr::FString(fstring) => fstring.value.elements().any(|element| {
            matches!(element, ast::InterpolatedStringElement::Interpolation(i) if is_e(&i.expression))
        }),
        Expr::BinOp(binop) => {
            binop.op == ast::Operator::Mod
                && matches!(binop.left.as_ref(), Expr::StringLiteral(_))
                && (is_e(&binop.right)
                    || matches!(binop.right.as_ref(), Expr::Tuple(t) if t.elts.iter().any(is_e)))
        }
        Expr::Attribute(attribute) => {
            is_e(&attribute.value)
                && matches!(
                    attribute.attr.as_str(),
                    "args" | "orig" | "statement" | "params" | "__traceback__"
                )
        }
        _ => false,
    }
}

/// Every place in `expr` where the exception's text appears, in source order; a leak inside
/// another (`f"{str(e)}"`) is part of the outer one.
fn all_leaks<'e>(expr: &'e Expr, name: &str) -> Vec<&'e Expr> {
    let mut found: Vec<&Expr> = Vec::new();
    expr_contains(expr, &mut |e| {
        if !found.iter().any(|f| f.range().contains_range(e.range())) && is_leak(e, name) {
            found.push(e);
        }
        false
    });
    found
}

/// A statement whose value reaches the client, with every leak of the exception in it.
struct StatementLeaks<'a> {
    stmt: &'a Stmt,
    /// In source order, none inside another; never empty.
    leaks: Vec<&'a Expr>,
    sink: &'static str,
}

/// Where the text of the exception bound to `name` (or a traceback) reaches a response in
/// `body`: one entry per statement, with every leak in it, so one fix can remove them all.
fn statement_leaks<'a>(
    functions: &[Function<'a>],
    name: &str,
    body: &'a [Stmt],
) -> Vec<StatementLeaks<'a>> {
    let mut out: Vec<StatementLeaks<'a>> = Vec::new();
    visit_stmts(body, &mut |stmt| {
        let answers = enclosing(functions, stmt.range()).is_some_and(|f| f.answers_requests);
        let (value, sink): (Option<&Expr>, &str) = match stmt {
            Stmt::Return(ret) => match ret.value.as_deref() {
                Some(value) if answers || is_status_tuple(value) => (Some(value), "the response"),
                _ => (None, ""),
            },
            Stmt::Raise(raise) => match raise.exc.as_deref() {
                Some(exc) if super::token_error_oracle::raises_http_error(exc) => {
                    (Some(exc), "the HTTP error")
                }
                _ => (None, ""),
            },
            _ => (None, ""),
        };
        if let Some(value) = value {
            let leaks = all_leaks(value, name);
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
                && is_response_call(call)
                && !responses
                    .iter()
                    .any(|r| r.range().contains_range(e.range()))
            {
                responses.push(e);
            }
            false
        });
        let leaks: Vec<&Expr> = responses
            .into_iter()
            .flat_map(|response| all_leaks(response, name))
            .collect();
        if !leaks.is_empty() {
            out.push(StatementLeaks {
                stmt,
                leaks,
                sink: "the response",
            });
        }
    });
    out
}

/// Where the text of the exception bound to `name` (or a traceback) reaches a response in
/// `body`: the first leaking expression of each statement and what it reaches.
pub(super) fn leaks_in<'a>(
    functions: &[Function<'a>],
    name: &str,
    body: &'a [Stmt],
) -> Vec<(&'a Expr, &'static str)> {
    statement_leaks(functions, name, body)
        .into_iter()
        .filter_map(|found| found.leaks.first().map(|leak| (*leak, found.sink)))
        .collect()
}

/// Whether a caught exception's text is meant for the client (validation errors, HTTP errors,
/// the project's own exceptions) or internal (anything else: `Exception`, database, OS, JWT
/// library errors).
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
    let at = checker.file.at(None);
    let qualified = checker
        .project
        .model
        .qualified_name(type_, &at)
        .unwrap_or_else(|| checker.text(type_).to_string());
    let last = qualified.rsplit('.').next().unwrap_or(&qualified);
    let designed_for_clients = last.ends_with("ValidationError")
        || last.ends_with("SchemaError")
        || matches!(
            last,
            "ValueError"
                | "KeyError"
                | "HTTPException"
                | "BadRequest"
                | "NotFound"
                | "Forbidden"
                | "Unauthorized"
                | "MethodNotAllowed"
                | "Conflict"
                | "UnprocessableEntity"
        )
        || [
            "marshmallow",
            "wtforms",
            "pydantic",
            "werkzeug",
            "jsonschema",
        ]
        .iter()
        .any(|lib| qualified.starts_with(&format!("{lib}.")));
    // The project's own exception classes carry messages written for their callers.
    let own = checker.project.model.split_module(&qualified).is_some()
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
    // A token library's message says which check the token failed: FL401's subject.
    let token = super::token_error_oracle::is_token_error(checker, type_);
    !designed_for_clients && !own && !token
}

/// A place where the exception's text can reach a response: its name and the statements.
struct Catch<'a> {
    name: &'a str,
    caught: String,
    body: &'a [Stmt],
}

fn check(checker: &mut Checker<'_, '_>) {
    if checker.project.config.is_test_module(checker.file.module) {
        return;
    }
    let functions = functions(checker);
    let mut catches: Vec<Catch<'_>> = Vec::new();
    visit_stmts(&checker.source.module().body, &mut |stmt| {
        let Stmt::Try(stmt) = stmt else { return };
        for handler in &stmt.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            // Without `as e`, only a traceback can leak.
            let name = handler.name.as_ref().map_or("", |n| n.as_str());
            if is_internal_exception(checker, handler.type_.as_deref()) {
                catches.push(Catch {
                    name,
                    caught: handler
                        .type_
                        .as_deref()
                        .map_or("Exception".to_string(), |t| checker.text(t).to_string()),
                    body: &handler.body,
                });
            }
        }
    });
    for function in &functions {
        let Some(registered) = function.error_handler_for else {
            continue;
        };
        let internal = match registered {
            Some(Expr::NumberLiteral(_)) | None => false,
            Some(type_) => is_internal_exception(checker, Some(type_)),
        };
        let parameter = function.def.parameters.iter_non_variadic_params().next();
        if let (true, Some(parameter)) = (internal, parameter) {
            catches.push(Catch {
                name: parameter.parameter.name.as_str(),
                caught: registered.map_or(String::new(), |t| checker.text(t).to_string()),
                body: &function.def.body,
            });
        }
    }
    // One finding per statement, holding every leak in it: a fix that replaced only one of
    // `jsonify(error=str(e), args=e.args)` would leave the statement leaking.
    let mut groups: Vec<Group<'_>> = Vec::new();
    for catch in &catches {
        for found in statement_leaks(&functions, catch.name, catch.body) {
            let leaks = found.leaks.into_iter().map(|leak| (leak, catch.name));
            match groups
                .iter_mut()
                .find(|g| g.stmt.range() == found.stmt.range())
            {
                Some(group) => {
                    // The same statement seen from an outer `except` too (another name).
                    for (leak, name) in leaks {
                        if !group
                            .leaks
                            .iter()
                            .any(|(l, _)| l.range().contains_range(leak.range()))
                        {
                            group
                                .leaks
                                .retain(|(l, _)| !leak.range().contains_range(l.range()));
                            group.leaks.push((leak, name));
                        }
                    }
                    group.leaks.sort_by_key(|(l, _)| l.start());
                }
                None => groups.push(Group {
                    stmt: found.stmt,
                    leaks: leaks.collect(),
                    sink: found.sink,
                    caught: &catch.caught,
                }),
            }
        }
    }
    for group in groups {
        let Some((first, _)) = group.leaks.first() else {
            continue;
        };
        let texts: Vec<String> = group
            .leaks
            .iter()
            .map(|(leak, _)| format!("`{}`", checker.text(*leak)))
            .collect();
        let (what, verb) = match texts.len() {
            1 => (texts.join(""), "puts"),
            _ => (and_list(&texts), "put"),
        };
        let caught = if group.caught.is_empty() {
            "the exception".to_string()
        } else {
            format!("the caught `{}`", group.caught)
        };
        let sink = group.sink;
        let fix = generic_message_fix(checker, group.stmt, &group.leaks);
        checker
            .report(
                first.range(),
                format!(
                    "{what} {verb} the details of {caught} into {sink}: database errors, file paths and library internals reach the client"
                ),
                "answer with a generic message (and a request id) and log the exception server-side with `logger.exception(...)`".to_string(),
            )
            .fix = fix;
    }
}

/// The leaks of one statement, each with the exception name it leaks.
struct Group<'a> {
    stmt: &'a Stmt,
    leaks: Vec<(&'a Expr, &'a str)>,
    sink: &'static str,
    caught: &'a str,
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
    leaks: &[(&Expr, &str)],
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
    for (leak, name) in leaks {
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
                        && (matches!(i.expression.as_ref(), Expr::Name(n) if n.id.as_str() == *name)
                            || !all_leaks(&i.expression, name).is_empty()))
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
