//! Values a handler reads from the request body, query string or form: `request.json["note_id"]`,
//! `request.get_json().get("id")`, `request.args.get("account")`, `request.form["user_id"]`,
//! a key of a local holding one of these (`data = request.get_json(); data["id"]`), a key of the
//! data an argument decorator injects (flask-smorest / APIFlask `@arguments` / `@input`, webargs
//! `@use_args`, flask-pydantic `@validate()`), a field webargs `@use_kwargs` passes by name, and
//! a key of flask-restful's `parser.parse_args()`.
//!
//! Boundary: where such a value is read and under which key; what it selects, and whether that
//! matters, is for `records` and the rules.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::routes::{Route, local_assignments};
use super::{At, ProjectModel};

/// One value read from the request.
#[derive(Clone, Debug)]
pub struct RequestRead<'b> {
    /// The read itself (`request.json["note_id"]`); `None` for a `@use_kwargs` field, which
    /// arrives as a parameter.
    pub expr: Option<&'b Expr>,
    /// The parameter a `@use_kwargs` field arrives as.
    pub parameter: Option<&'b str>,
    /// The key read (`note_id`).
    pub key: String,
    pub range: TextRange,
}

const REQUEST_DATA: &[&str] = &[
    "flask.request.json",
    "flask.request.args",
    "flask.request.form",
    "flask.request.values",
    "flask.request.get_json()",
];

/// Every value `route`'s handler reads from the request data, in source order.
pub fn request_reads<'b>(
    model: &ProjectModel<'_>,
    at: &At<'_, '_>,
    route: &Route<'b>,
) -> Vec<RequestRead<'b>> {
    let body = &route.handler.body;
    let (mut containers, fields) = data_parameters(route);
    // The whole request data: `request.json`, `request.get_json(force=True)`,
    // `request.json or {}`, `parser.parse_args()`, `schema.load(request.json)`, or a local or
    // parameter holding one of these.
    fn is_whole(
        model: &ProjectModel<'_>,
        at: &At<'_, '_>,
        expr: &Expr,
        containers: &[&str],
    ) -> bool {
        match expr {
            Expr::Name(name) => containers.contains(&name.id.as_str()),
            Expr::BoolOp(bool_op) => bool_op
                .values
                .first()
                .is_some_and(|v| is_whole(model, at, v, containers)),
            Expr::Call(call) => {
                if let Expr::Attribute(attribute) = call.func.as_ref() {
                    match attribute.attr.as_str() {
                        "parse_args" => return true,
                        "load" | "loads" | "validate" | "parse_obj" | "model_validate" => {
                            return call
                                .arguments
                                .args
                                .first()
                                .is_some_and(|a| is_whole(model, at, a, containers));
                        }
                        _ => {}
                    }
                }
                model
                    .qualified_name(expr, at)
                    .is_some_and(|q| REQUEST_DATA.contains(&q.as_str()))
            }
            Expr::Attribute(_) => model
                .qualified_name(expr, at)
                .is_some_and(|q| REQUEST_DATA.contains(&q.as_str())),
            _ => false,
        }
    }
    let assignments = local_assignments(body);
    for _ in 0..2 {
        for (name, value) in &assignments {
            if !containers.contains(name) && is_whole(model, at, value, &containers) {
                containers.push(name);
            }
        }
    }
    let mut finder = Reads {
        is_container: &|expr: &Expr| is_whole(model, at, expr, &containers),
        found: Vec::new(),
    };
    finder.visit_body(body);
    let mut reads = finder.found;
    for field in fields {
        if let Some(parameter) = route
            .handler
            .parameters
            .iter_non_variadic_params()
            .find(|p| p.parameter.name.as_str() == field)
        {
            reads.push(RequestRead {
                expr: None,
                parameter: Some(field),
                key: field.to_string(),
                range: parameter.range(),
            });
        }
    }
    reads.sort_by_key(|r| r.range.start());
    reads
}

struct Reads<'c, 'b> {
    is_container: &'c dyn Fn(&Expr) -> bool,
    found: Vec<RequestRead<'b>>,
}

impl<'b> Visitor<'b> for Reads<'_, 'b> {
    fn visit_expr(&mut self, expr: &'b Expr) {
        let read = match expr {
            Expr::Subscript(subscript) if (self.is_container)(&subscript.value) => {
                match subscript.slice.as_ref() {
                    Expr::StringLiteral(key) => Some(key.value.to_str().to_string()),
                    _ => None,
                }
            }
            Expr::Call(call) => match call.func.as_ref() {
                Expr::Attribute(attribute)
                    if matches!(attribute.attr.as_str(), "get" | "pop")
                        && (self.is_container)(&attribute.value) =>
                {
                    match call.arguments.args.first() {
                        Some(Expr::StringLiteral(key)) => Some(key.value.to_str().to_string()),
                        _ => None,
                    }
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(key) = read {
            self.found.push(RequestRead {
                expr: Some(expr),
                parameter: None,
                key,
                range: expr.range(),
            });
            return;
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        if matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            return;
        }
        visitor::walk_stmt(self, stmt);
    }
}

/// The handler parameters that hold parsed request data (one each for flask-smorest /
/// APIFlask `@arguments` / `@input` and webargs `@use_args`, `body` / `query` / `form` for
/// flask-pydantic `@validate()`), and the parameters webargs `@use_kwargs` fills field by field.
fn data_parameters<'b>(route: &Route<'b>) -> (Vec<&'b str>, Vec<&'b str>) {
    let decorators: Vec<&str> = route
        .decorators
        .iter()
        .map(|d| super::routes::decorator_name(d))
        .collect();
    let parameters: Vec<&'b str> = super::routes::parameters_beside_url(route).collect();
    let positional = decorators
        .iter()
        .filter(|name| matches!(**name, "arguments" | "input" | "use_args"))
        .count();
    let mut containers: Vec<&'b str> = parameters.iter().take(positional).copied().collect();
    if decorators.contains(&"validate") {
        containers.extend(
            parameters
                .iter()
                .filter(|name| matches!(**name, "body" | "query" | "form")),
        );
    }
    let fields = if decorators.contains(&"use_kwargs") {
        parameters.iter().skip(positional).copied().collect()
    } else {
        Vec::new()
    };
    (containers, fields)
}
