//! FL103 jwt-none-algorithm: the unsigned `none` algorithm allowed when decoding, or used when
//! signing.
//!
//! Why: a `none` token carries no signature at all; accepting it lets anyone forge any claims,
//! and minting one hands out tokens anyone can alter. PyJWT treats `algorithm=None` as `none`.
//! Fix: remove `none`; sign and verify with one real algorithm (`HS256` with a strong secret,
//! `RS256`/`ES256` with a key pair).

use ruff_text_size::Ranged;

use super::{Checker, Rule};
use crate::model::jwt::{AlgorithmFamily, algorithm_family};
use crate::model::value::Value;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL103.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    for call in checker.decode_calls() {
        if call
            .signature_disabled(&checker.project.model, checker.file)
            .is_some()
        {
            continue;
        }
        let Some(algorithms) = call.decode_arguments().algorithms else {
            continue;
        };
        let value = checker.value(algorithms, call);
        let Some(names) = value.strings() else {
            continue;
        };
        if names
            .iter()
            .any(|name| algorithm_family(name) == Some(AlgorithmFamily::None))
        {
            checker.report(
                algorithms.range(),
                format!(
                    "`{}` accepts the `none` algorithm: an unsigned token with any claims verifies",
                    call.callee
                ),
                "remove \"none\" from `algorithms=` and list only the algorithm your tokens are signed with".to_string(),
            );
        }
    }
    for call in checker.encode_calls() {
        let arguments = call.encode_arguments();
        let Some(algorithm) = arguments.algorithm.or(arguments.header) else {
            continue;
        };
        let value = checker.value(algorithm, call);
        let is_none = match (&value, arguments.header.is_some()) {
            (Value::None, false) => true,
            (Value::Str(name), false) => algorithm_family(name) == Some(AlgorithmFamily::None),
            (header, true) => header
                .dict_get("alg")
                .and_then(Value::as_str)
                .is_some_and(|name| algorithm_family(name) == Some(AlgorithmFamily::None)),
            _ => false,
        };
        if is_none {
            checker.report(
                algorithm.range(),
                format!(
                    "`{}` mints an unsigned token (`none` algorithm): anyone can change its claims",
                    call.callee
                ),
                "sign with a real algorithm, e.g. `algorithm=\"HS256\"` with a secret of at least 32 random bytes".to_string(),
            );
        }
    }
}
