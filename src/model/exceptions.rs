//! Where caught exceptions go, and which exceptions the project raises with its own words.
//!
//! Facts collected during the walk `FileModel` already makes (`jwt::CallCollector`): calls whose
//! result an `except` handler returns or raises (`return internal_server_error(
//! errormsg=str(e))`), so a rule can follow the exception's text into a project helper from the
//! helper's side; built-in exception classes the project raises with a message written in its
//! source (`raise LookupError(PROCESS_NOT_FOUND)`, `raise PermissionError(gettext("Access
//! denied"))`), whose text is then the project's, not a library's; and the exception classes
//! error handlers are registered for (`FileModel::error_handler_types`), which make raising
//! them an answer to the request.

use ruff_python_ast::{self as ast, Expr};

/// A call returned or raised from inside an `except` handler, directly (`return helper(...)`)
/// or as the first item of a returned tuple (`return helper(...), 500`).
#[derive(Debug)]
pub struct HandlerCall<'a> {
    pub call: &'a ast::ExprCall,
    /// The handlers around the call, innermost first: the name each binds (`e` of `except
    /// OSError as e:`; empty without `as`) and the type it catches (`None` for a bare `except`).
    pub handlers: Vec<(&'a str, Option<&'a Expr>)>,
    /// The function scope the call is in, for resolving its callee.
    pub scope: Option<usize>,
    /// The innermost function the call is in.
    pub function: Option<&'a ast::StmtFunctionDef>,
}

/// Whether `expr` is a message the project wrote: a string literal, an f-string, a `%` or
/// `.format(...)` on one, a translated string (`gettext(...)`, `_(...)`, `lazy_gettext(...)`),
/// or an upper-case constant (`PROCESS_NOT_FOUND`).
pub fn is_own_text(expr: &Expr) -> bool {
    match expr {
        Expr::StringLiteral(_) | Expr::FString(_) => true,
        Expr::BinOp(binop) => binop.op == ast::Operator::Mod && is_own_text(&binop.left),
        Expr::Name(name) => is_constant_name(name.id.as_str()),
        Expr::Attribute(attribute) => is_constant_name(attribute.attr.as_str()),
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Name(name) => is_translation(name.id.as_str()),
            Expr::Attribute(attribute) => {
                (attribute.attr.as_str() == "format" && is_own_text(&attribute.value))
                    || is_translation(attribute.attr.as_str())
            }
            _ => false,
        },
        _ => false,
    }
}

/// gettext and its usual aliases (Flask-Babel, Django, the standard library).
fn is_translation(name: &str) -> bool {
    matches!(
        name,
        "_" | "_l"
            | "gettext"
            | "lazy_gettext"
            | "gettext_lazy"
            | "ngettext"
            | "lazy_ngettext"
            | "pgettext"
            | "ugettext"
            | "ugettext_lazy"
    )
}

fn is_constant_name(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// The built-in exception class a `raise` statement raises with the project's own message:
/// `raise LookupError(PROCESS_NOT_FOUND)` is `LookupError`. `builtin` says whether a name is
/// unbound in the module (a built-in rather than an import or a project class).
pub fn raised_with_own_text(exc: &Expr, builtin: impl Fn(&str) -> bool) -> Option<&str> {
    let Expr::Call(call) = exc else { return None };
    let Expr::Name(name) = call.func.as_ref() else {
        return None;
    };
    let class = name.id.as_str();
    let exception_like = class.ends_with("Error") || class.ends_with("Exception");
    let message = call.arguments.args.first()?;
    (exception_like && builtin(class) && is_own_text(message)).then_some(class)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr(source: &str) -> Expr {
        *ruff_python_parser::parse_expression(source)
            .expect("valid")
            .into_syntax()
            .body
    }

    #[test]
    fn own_text() {
        for text in [
            "'Access denied'",
            "f'no {x}'",
            "gettext('Access denied ({0})').format(path)",
            "_('x') % y",
            "PROCESS_NOT_FOUND",
            "errors.NOT_FOUND",
            "lazy_gettext('x')",
        ] {
            assert!(is_own_text(&expr(text)), "{text}");
        }
        for text in ["str(e)", "e", "msg", "repr(err)", "message.format(e)"] {
            assert!(!is_own_text(&expr(text)), "{text}");
        }
    }

    #[test]
    fn raised_builtins() {
        let builtin = |_: &str| true;
        assert_eq!(
            raised_with_own_text(&expr("LookupError(PROCESS_NOT_FOUND)"), builtin),
            Some("LookupError")
        );
        assert_eq!(
            raised_with_own_text(&expr("PermissionError(str(e))"), builtin),
            None
        );
        assert_eq!(raised_with_own_text(&expr("make('x')"), builtin), None);
    }
}
