//! Where an OpenID Connect `id_token` comes from. In the authorization-code flow the application
//! receives it from the identity provider's token endpoint, in a request the application made
//! itself over TLS; OpenID Connect Core 1.0, section 3.1.3.7, lets a client rely on that TLS
//! connection instead of the token's signature there. A token the *client* sends (a mobile app
//! posting its Google `id_token`) has no such guarantee. Rules weigh a decode by this.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::jwt::JwtCall;
use super::routes::{any_expr, expr_contains, reads_request, scope_assignments, visit_stmts};
use super::{FileModel, Project};

/// Calls that exchange an authorization code at the token endpoint (authlib,
/// requests-oauthlib, Flask-OAuthlib, Flask-Dance), as they are written in code.
const CODE_EXCHANGES: &[&str] = &[
    "authorize_access_token(",
    "fetch_token(",
    "fetch_access_token(",
    "authorized_response(",
];

/// Names a token endpoint's URL goes by (`requests.post(token_endpoint, data)`).
const TOKEN_ENDPOINT_NAMES: &[&str] = &["token_endpoint", "token_url", "access_token_url"];

/// Whether the module's text exchanges a code at a token endpoint: one of [`CODE_EXCHANGES`],
/// or a POST to a URL named like a token endpoint.
pub fn exchanges_a_code(text: &str) -> bool {
    let bytes = text.as_bytes();
    let found = |needle: &str| memchr::memmem::find(bytes, needle.as_bytes()).is_some();
    CODE_EXCHANGES.iter().any(|call| found(call))
        || found(".post(") && TOKEN_ENDPOINT_NAMES.iter().any(|name| found(name))
}

/// Why the token a decode reads is an `id_token` the application fetched itself from the token
/// endpoint, for messages; `None` when it may come from the client.
///
/// - `r.json()["id_token"]`, `token["id_token"]` with `token = r.json()` and `r =
///   requests.post(...)`, or a result of a code exchange call (`oauth.x.authorize_access_token()`),
///   in the decoding function: certain.
/// - An `id_token` parameter of a function that reads nothing of the request, in an application
///   that exchanges codes at a token endpoint (FAB's `_decode_and_validate_azure_jwt(id_token)`,
///   Lemur's `validate_id_token(id_token, ...)`): the code exchange is where it comes from.
pub fn back_channel_id_token(
    project: &Project<'_>,
    file: &FileModel<'_>,
    call: &JwtCall<'_>,
) -> Option<String> {
    let token = call.call.arguments.args.first()?;
    let function = call.function?;
    let assignments = scope_assignments(&function.body);
    if let Some(response) = id_token_of(token, &assignments, 0) {
        return from_token_endpoint(response, &assignments, 0).then(|| {
            "the `id_token` comes from the token endpoint's answer to this app's own request"
                .to_string()
        });
    }
    let Expr::Name(name) = token else {
        return None;
    };
    let lower = name.id.to_ascii_lowercase();
    let is_parameter = function
        .parameters
        .iter_non_variadic_params()
        .any(|p| p.parameter.name.as_str() == name.id.as_str());
    if !is_parameter || !(lower.contains("id_token") || lower.contains("idtoken")) {
        return None;
    }
    if reads_request(&function.body) {
        return None;
    }
    let module = &project.model.modules[file.module].file.module().body;
    if passed_from_the_request(module, function, name.id.as_str()) {
        return None;
    }
    project
        .files
        .iter()
        .filter(|other| project.apps.share(other.module, file.module))
        .find(|other| exchanges_a_code(&project.model.modules[other.module].file.text))
        .map(|other| {
            format!(
                "the `id_token` parameter comes from the code exchange with the identity provider's token endpoint ({})",
                project.model.modules[other.module].file.display_path()
            )
        })
}

/// Whether a call of `function` in its module hands it, as `parameter`, a value read from the
/// request: Security Monkey's `AzureAD.post` parses the browser's form post
/// (`args = self.reqparse.parse_args()`) and calls `self.validate_id_token(args["id_token"],
/// ...)`, so that `id_token` comes from the client whatever else the app exchanges.
fn passed_from_the_request(
    module: &[Stmt],
    function: &ast::StmtFunctionDef,
    parameter: &str,
) -> bool {
    let name = function.name.as_str();
    let parameters: Vec<&str> = function
        .parameters
        .iter_non_variadic_params()
        .map(|p| p.parameter.name.as_str())
        .collect();
    let Some(index) = parameters.iter().position(|p| *p == parameter) else {
        return false;
    };
    let mut callers: Vec<&ast::StmtFunctionDef> = Vec::new();
    visit_stmts(module, &mut |stmt| {
        if let Stmt::FunctionDef(def) = stmt {
            callers.push(def);
        }
    });
    callers.into_iter().any(|caller| {
        let assignments = scope_assignments(&caller.body);
        let mut handed = false;
        any_expr(&caller.body, &mut |e| {
            let Expr::Call(call) = e else { return false };
            let position = match call.func.as_ref() {
                Expr::Name(n) if n.id.as_str() == name => Some(index),
                // `self.validate_id_token(token, ...)`: `self` is the first parameter.
                Expr::Attribute(a)
                    if a.attr.as_str() == name
                        && matches!(a.value.as_ref(), Expr::Name(o) if matches!(o.id.as_str(), "self" | "cls")) =>
                {
                    index.checked_sub(1)
                }
                _ => None,
            };
            let Some(position) = position else {
                return false;
            };
            let argument = call.arguments.args.get(position).or_else(|| {
                call.arguments
                    .keywords
                    .iter()
                    .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == parameter))
                    .map(|k| &k.value)
            });
            handed |= argument.is_some_and(|a| from_request(a, &assignments, 0));
            handed
        });
        handed
    })
}

/// `request.form["id_token"]`, `args["id_token"]` with `args = parser.parse_args()`, or a local
/// holding one.
fn from_request(expr: &Expr, assignments: &[(&str, &Expr)], depth: usize) -> bool {
    if depth > 3 {
        return false;
    }
    expr_contains(expr, &mut |e| match e {
        Expr::Name(n) if n.id.as_str() == "request" => true,
        Expr::Call(call) => matches!(call.func.as_ref(), Expr::Attribute(a)
            if matches!(a.attr.as_str(), "parse_args" | "get_json")),
        Expr::Name(n) => assigned_values(n.id.as_str(), expr, assignments)
            .into_iter()
            .any(|value| from_request(value, assignments, depth + 1)),
        _ => false,
    })
}

/// `X["id_token"]`, `X.get("id_token")`, or a local holding one: the mapping `X` it is read
/// from.
fn id_token_of<'a>(
    expr: &'a Expr,
    assignments: &[(&'a str, &'a Expr)],
    depth: usize,
) -> Option<&'a Expr> {
    if depth > 3 {
        return None;
    }
    let names_id_token =
        |key: &Expr| matches!(key, Expr::StringLiteral(s) if s.value.to_str() == "id_token");
    match expr {
        Expr::Subscript(subscript) if names_id_token(&subscript.slice) => Some(&subscript.value),
        Expr::Call(call) => match (call.func.as_ref(), call.arguments.args.first()) {
            (Expr::Attribute(get), Some(key))
                if get.attr.as_str() == "get" && names_id_token(key) =>
            {
                Some(&get.value)
            }
            _ => None,
        },
        Expr::Name(name) => match assigned_values(name.id.as_str(), expr, assignments)[..] {
            [value] => id_token_of(value, assignments, depth + 1),
            _ => None,
        },
        _ => None,
    }
}

/// The values assigned to `name` before `used` in the function (every branch's).
fn assigned_values<'a>(
    name: &str,
    used: &Expr,
    assignments: &[(&'a str, &'a Expr)],
) -> Vec<&'a Expr> {
    assignments
        .iter()
        .filter(|(bound, value)| *bound == name && value.start() < used.start())
        .map(|(_, value)| *value)
        .collect()
}

/// Whether `name` is assigned before `used` and every value assigned satisfies `holds`.
fn every_assignment(
    name: &str,
    used: &Expr,
    assignments: &[(&str, &Expr)],
    holds: impl Fn(&Expr) -> bool,
) -> bool {
    let values = assigned_values(name, used, assignments);
    !values.is_empty() && values.into_iter().all(holds)
}

/// Whether `expr` is a token endpoint's answer: `r.json()` where `r` is the result of an HTTP
/// POST (`requests.post`, `session.post`, `httpx.post`), an HTTP POST's `.json()` directly, or
/// a code exchange call's result.
fn from_token_endpoint(expr: &Expr, assignments: &[(&str, &Expr)], depth: usize) -> bool {
    if depth > 3 {
        return false;
    }
    match expr {
        Expr::Name(name) => every_assignment(name.id.as_str(), expr, assignments, |value| {
            from_token_endpoint(value, assignments, depth + 1)
        }),
        Expr::Call(call) => {
            // `self.get_token(token_endpoint, code)` (fence's OIDC clients): a helper handed the
            // token endpoint's URL, whatever it is called, makes the exchange.
            let handed_the_endpoint = crate::model::argument_values(call).any(|argument| {
                matches!(argument, Expr::Name(n) if TOKEN_ENDPOINT_NAMES.contains(&n.id.as_str()))
                    || matches!(argument, Expr::Attribute(a) if TOKEN_ENDPOINT_NAMES.contains(&a.attr.as_str()))
            });
            if handed_the_endpoint {
                return true;
            }
            let Expr::Attribute(method) = call.func.as_ref() else {
                return false;
            };
            match method.attr.as_str() {
                "json" => is_post(&method.value, assignments, depth + 1),
                name => CODE_EXCHANGES
                    .iter()
                    .any(|exchange| exchange.strip_suffix('(') == Some(name)),
            }
        }
        _ => false,
    }
}

/// `requests.post(...)`, `session.post(...)`, or a local assigned from one.
fn is_post(expr: &Expr, assignments: &[(&str, &Expr)], depth: usize) -> bool {
    if depth > 3 {
        return false;
    }
    match expr {
        Expr::Name(name) => every_assignment(name.id.as_str(), expr, assignments, |value| {
            is_post(value, assignments, depth + 1)
        }),
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Attribute(method) if method.attr.as_str() == "post")
        }
        _ => false,
    }
}
