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
use ruff_text_size::Ranged;

use super::config::is_constant_name;
use super::routes::expr_contains;

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

/// What the caught exception is bound to in the code that may leak it: the `as e` name, or, in
/// an `errorhandler(500)` function, the original exception Flask attaches to the generic
/// `InternalServerError` (`e.original_exception`); `str(e)` of that generic error is Flask's
/// own text and leaks nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound<'a> {
    Name(&'a str),
    Original(&'a str),
    /// A local that holds the exception's text (`err = str(e)`, `tb = traceback.format_exc()`,
    /// `msg = f"failed: {err}"`): the name itself is the leak.
    Text(&'a str),
}

impl Bound<'_> {
    /// Whether `expr` is the exception itself.
    pub fn is(self, expr: &Expr) -> bool {
        match self {
            Bound::Name(name) | Bound::Text(name) => {
                matches!(expr, Expr::Name(n) if n.id.as_str() == name)
            }
            Bound::Original(name) => reads_original_exception(expr, name),
        }
    }
}

/// `e.original_exception`, or `getattr(e, "original_exception", None)` (arlo's 500 handler): the
/// exception Flask wrapped in the generic `InternalServerError` it hands a 500 handler.
pub fn reads_original_exception(expr: &Expr, name: &str) -> bool {
    let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == name);
    match expr {
        Expr::Attribute(a) => a.attr.as_str() == "original_exception" && is_name(&a.value),
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Name(f) if f.id.as_str() == "getattr")
                && matches!(call.arguments.args.as_ref(), [object, Expr::StringLiteral(attr), ..]
                    if is_name(object) && attr.value.to_str() == "original_exception")
        }
        _ => false,
    }
}

/// `traceback.format_exc()` and its kin (`format_exception`, `format_tb`, `format_stack`),
/// called on the `traceback` module.
pub fn is_traceback_call(expr: &Expr) -> bool {
    matches!(expr, Expr::Call(call)
        if matches!(call.func.as_ref(), Expr::Attribute(function)
            if matches!(function.attr.as_str(), "format_exc" | "format_exception" | "format_tb" | "format_stack")
                && matches!(function.value.as_ref(), Expr::Name(module) if module.id.as_str() == "traceback")))
}

/// Whether `e` itself is a leak of the exception `bound` (or, for any binding, a traceback):
/// `str(e)`, `repr(e)`, `f"{e}"`, `"%s" % e`, `"{}".format(e)`, `e.args`,
/// `traceback.format_exc()`.
pub fn is_leak(e: &Expr, bound: Bound<'_>) -> bool {
    let is_e = |e: &Expr| bound.is(e);
    if matches!(bound, Bound::Text(_)) && is_e(e) {
        return true;
    }
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
                || is_traceback_call(e)
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
                    // `e.message` / `e.msg`: the text itself, on exceptions that keep it there
                    // (botocore, older libraries); `strerror` / `filename` of an `OSError`.
                    "args"
                        | "orig"
                        | "statement"
                        | "params"
                        | "__traceback__"
                        | "message"
                        | "msg"
                        | "strerror"
                        | "filename"
                )
        }
        _ => false,
    }
}

/// Every place in `expr` where the exception's text appears, in source order; a leak inside
/// another (`f"{str(e)}"`) is part of the outer one.
pub fn all_leaks<'e>(expr: &'e Expr, bound: Bound<'_>) -> Vec<&'e Expr> {
    // `e.params.get("name")`, `e.params["name"]`: one value the failed statement was given,
    // the one the client submitted (emergency-alerts-api's "Duplicate service name" answer),
    // not the error's text.
    let mut one_parameter: Vec<ruff_text_size::TextRange> = Vec::new();
    expr_contains(expr, &mut |e| {
        let Some((receiver, key)) = super::keyed_read(e) else {
            return false;
        };
        if matches!(key, Expr::StringLiteral(_))
            && matches!(receiver, Expr::Attribute(a) if a.attr.as_str() == "params" && bound.is(&a.value))
        {
            one_parameter.push(e.range());
        }
        false
    });
    let mut found: Vec<&Expr> = Vec::new();
    expr_contains(expr, &mut |e| {
        if !found.iter().any(|f| f.range().contains_range(e.range()))
            && !one_parameter.iter().any(|r| r.contains_range(e.range()))
            && is_leak(e, bound)
        {
            found.push(e);
        }
        false
    });
    found
}

/// The last segment of a dotted callee or decorator: `app.errorhandler` is `errorhandler`,
/// `traceback.format_exc` is `format_exc`, and a call's is its callee's.
pub fn last_segment(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(name) => Some(name.id.as_str()),
        Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
        Expr::Call(call) => last_segment(&call.func),
        _ => None,
    }
}

/// A function that returns the text of an exception it caught (`except Exception as e: return
/// str(e)`, `return f"invalid: {e}"`, `return traceback.format_exc()`): its callers hold that
/// text in what it returns.
#[derive(Debug)]
pub struct TextReturn<'a> {
    pub function: &'a ast::StmtFunctionDef,
    /// The type the handler catches (`None` for a bare `except`).
    pub caught: Option<&'a Expr>,
    /// The returned value.
    pub value: &'a Expr,
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
