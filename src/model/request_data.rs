//! Values a handler reads from the request body, query string or form: `request.json["note_id"]`,
//! `request.get_json().get("id")`, `request.args.get("account")`, `request.form["user_id"]`,
//! a key of a local holding one of these (`data = request.get_json(); data["id"]`), a key of the
//! data an argument decorator injects (flask-smorest / APIFlask `@arguments` / `@input`, webargs
//! `@use_args`, flask-pydantic `@validate()`), a field webargs `@use_kwargs` passes by name, and
//! a key of flask-restful's `parser.parse_args()`, and a field of a WTForms form the handler
//! builds (`form = SellForm(request.form)`; `form.sell_id.data`).
//!
//! Boundary: where such a value is read and under which key; what it selects, and whether that
//! matters, is for `records` and the rules.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::routes::{Route, local_assignments};
use super::value::string_literal;
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

/// Whether a handler takes its input as a JSON body only: it reads `request.get_json()`
/// (without `force=True` or `silent=True`) or `request.json`, and nothing of the form, query
/// string, files or raw body. Flask refuses a body of another type there, and a page of
/// another site cannot send `application/json` without a CORS preflight: such a route is out
/// of reach of a cross-site form.
pub fn takes_json_body_only(body: &[Stmt]) -> bool {
    let is_request = |e: &Expr| match e {
        Expr::Name(name) => name.id.as_str() == "request",
        Expr::Attribute(attribute) => attribute.attr.as_str() == "request",
        _ => false,
    };
    let mut json = false;
    let other = super::routes::any_expr(body, &mut |e| match e {
        Expr::Call(call) => {
            if let Expr::Attribute(method) = call.func.as_ref()
                && method.attr.as_str() == "get_json"
                && is_request(&method.value)
            {
                let lenient = call.arguments.keywords.iter().any(|keyword| {
                    keyword.arg.as_ref().is_some_and(|arg| {
                        matches!(arg.as_str(), "force" | "silent")
                            && !matches!(&keyword.value, Expr::BooleanLiteral(b) if !b.value)
                    })
                });
                if lenient {
                    return true;
                }
                json = true;
            }
            false
        }
        Expr::Attribute(attribute) if is_request(&attribute.value) => {
            match attribute.attr.as_str() {
                "json" => {
                    json = true;
                    false
                }
                "form" | "args" | "values" | "files" | "data" | "stream" | "get_data" => true,
                _ => false,
            }
        }
        _ => false,
    });
    json && !other
}

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
    let forms: Vec<&str> = form_locals(&assignments)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let mut finder = Reads {
        is_container: &|expr: &Expr| is_whole(model, at, expr, &containers),
        forms: &forms,
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

/// `SellForm(request.form)`, `LoginForm()`: a WTForms form, which Flask-WTF fills from the
/// request's form data (or JSON body) itself. Told by the class's name: a class (capitalised)
/// whose name ends in `Form`.
fn constructs_form(value: &Expr) -> Option<&ast::ExprCall> {
    let Expr::Call(call) = value else {
        return None;
    };
    let class = super::records::callee_last(&call.func)?;
    (class.len() > "Form".len()
        && class.ends_with("Form")
        && class.starts_with(|c: char| c.is_ascii_uppercase()))
    .then_some(call)
}

/// The locals of `assignments` (a handler's) holding a WTForms form, each with the call that
/// builds it.
pub fn form_locals<'b>(assignments: &[(&'b str, &'b Expr)]) -> Vec<(&'b str, &'b ast::ExprCall)> {
    assignments
        .iter()
        .filter_map(|(name, value)| Some((*name, constructs_form(value)?)))
        .collect()
}

/// `form.role.data` where `form` is one of `forms`: the field (`role`).
pub fn form_field<'e>(expr: &'e Expr, forms: &[&str]) -> Option<(&'e str, &'e str)> {
    let Expr::Attribute(data) = expr else {
        return None;
    };
    let Expr::Attribute(field) = data.value.as_ref() else {
        return None;
    };
    match field.value.as_ref() {
        Expr::Name(form) if data.attr.as_str() == "data" && forms.contains(&form.id.as_str()) => {
            Some((form.id.as_str(), field.attr.as_str()))
        }
        _ => None,
    }
}

/// The values a form class's choice field accepts, when the class is a project class (or
/// derives from one) that declares the field with literal choices: `role = SelectField("Role",
/// choices=[("Student", "Student"), ("Admin", "Admin")])` gives `Student`, `Admin`. WTForms
/// refuses any other value on validation. `None` when the field or its choices cannot be read.
pub fn form_field_choices(
    model: &ProjectModel<'_>,
    module: usize,
    constructor: &ast::ExprCall,
    field: &str,
) -> Option<Vec<String>> {
    let qualified = model.qualified_name(&constructor.func, &At::top(module))?;
    let (class_module, class) = model.split_module(&qualified)?;
    class_field_choices(model, class_module, class, field, 0)
}

fn class_field_choices(
    model: &ProjectModel<'_>,
    module: usize,
    class: &str,
    field: &str,
    depth: usize,
) -> Option<Vec<String>> {
    if depth > 8 {
        return None;
    }
    let definition = super::find_class_in(&model.modules[module].file.module().body, class)?;
    let declared = definition.body.iter().rev().find_map(|stmt| match stmt {
        Stmt::Assign(assign)
            if assign
                .targets
                .iter()
                .any(|t| matches!(t, Expr::Name(n) if n.id.as_str() == field)) =>
        {
            Some(assign.value.as_ref())
        }
        _ => None,
    });
    let Some(declared) = declared else {
        // Declared in a base form.
        let at = At::top(module);
        return definition.bases().iter().find_map(|base| {
            let qualified = model.qualified_name(base, &at)?;
            let (base_module, base_class) = model.split_module(&qualified)?;
            class_field_choices(model, base_module, base_class, field, depth + 1)
        });
    };
    let Expr::Call(call) = declared else {
        return None;
    };
    let choices = call
        .arguments
        .keywords
        .iter()
        .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "choices"))?;
    let items: &[Expr] = match &choices.value {
        Expr::List(list) => &list.elts,
        Expr::Tuple(tuple) => &tuple.elts,
        _ => return None,
    };
    items
        .iter()
        .map(|item| {
            let value = match item {
                Expr::Tuple(pair) => pair.elts.first()?,
                other => other,
            };
            string_literal(value)
        })
        .collect()
}

struct Reads<'c, 'b> {
    is_container: &'c dyn Fn(&Expr) -> bool,
    /// Locals holding a WTForms form: `form.<field>.data` is what the request sent.
    forms: &'c [&'c str],
    found: Vec<RequestRead<'b>>,
}

impl<'b> Visitor<'b> for Reads<'_, 'b> {
    fn visit_expr(&mut self, expr: &'b Expr) {
        let read = match expr {
            Expr::Subscript(subscript) if (self.is_container)(&subscript.value) => {
                string_literal(&subscript.slice)
            }
            // `form.Sell_id.data`
            Expr::Attribute(_) => form_field(expr, self.forms).map(|(_, field)| field.to_string()),
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
