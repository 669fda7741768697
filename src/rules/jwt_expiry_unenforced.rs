//! FL106 jwt-expiry-unenforced: tokens that never expire, or whose expiry is not checked.
//!
//! Why: a token without `exp` (or decoded with `verify_exp` off) stays valid forever: one leaked
//! from a log, a browser or a proxy works until the signing key is rotated. authlib's
//! `jwt.decode` checks no claims at all until `claims.validate()` is called.
//! Fix: mint tokens with a short `exp`; keep `verify_exp` on; call `.validate()` on authlib claims.

use ruff_python_ast::Expr;
use ruff_text_size::Ranged;

use super::{Checker, Rule};
use crate::model::jwt::{JwtCall, Library};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL106.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    for call in checker.decode_calls() {
        let model = &checker.project.model;
        if call.signature_disabled(model, checker.file).is_some() {
            continue;
        }
        if let Some(disabled) = call.disabled_option("verify_exp", model, checker.file) {
            checker.report(
                disabled.range,
                format!("`{}` turns off `verify_exp`: expired tokens are accepted", call.callee),
                "remove `verify_exp: False`; if clocks drift, allow a few seconds with `leeway=` instead".to_string(),
            );
        }
        if call.library == Library::Authlib && !call.returned && !claims_validated(call) {
            let what = match call.assigned_to {
                Some(name) => format!("`{name}.validate()` is never called"),
                None => "its result is never validated".to_string(),
            };
            checker.report(
                call.call.func.range(),
                format!(
                    "`{}` (authlib) checks only the signature and {what}: `exp`, `nbf`, `iss` and `aud` go unchecked",
                    call.callee
                ),
                "call `claims.validate()` on the decoded claims before trusting them".to_string(),
            );
        }
    }
    for call in checker.encode_calls() {
        let Some(payload) = call.encode_arguments().payload else {
            continue;
        };
        let value = checker.value(payload, call);
        if value.dict_lacks("exp") {
            checker.report(
                payload.range(),
                format!("`{}` mints a token with no `exp` claim: it never expires", call.callee),
                "add `\"exp\": datetime.now(tz=timezone.utc) + timedelta(minutes=15)` to the payload".to_string(),
            );
        }
    }
}

/// Whether the function around an authlib decode calls `.validate()` on its result.
fn claims_validated(call: &JwtCall<'_>) -> bool {
    let Some(function) = call.function else {
        // Module-level decodes have no function to follow the claims through; stay silent.
        return true;
    };
    crate::model::routes::any_expr(&function.body, &mut |expr| {
        let Expr::Call(validate) = expr else {
            return false;
        };
        let Expr::Attribute(attribute) = validate.func.as_ref() else {
            return false;
        };
        attribute.attr.as_str() == "validate"
            && match attribute.value.as_ref() {
                Expr::Name(name) => Some(name.id.as_str()) == call.assigned_to,
                // `jwt.decode(...).validate()` in one expression.
                Expr::Call(_) => true,
                _ => false,
            }
    })
}
