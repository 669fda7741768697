//! FL104 jwt-algorithm-confusion: one `algorithms=` allow-list mixing HMAC and asymmetric
//! algorithms.
//!
//! Why: when a decode accepts both `HS256` and `RS256` with one key, an attacker signs a token
//! with HS256 using the server's *public* RSA key as the HMAC secret and it verifies (the classic
//! RS/HS key confusion, CVE-2022-29217 in PyJWT < 2.4).
//! Fix: accept one family per key: `["RS256"]` with the public key, or `["HS256"]` with a secret.

use ruff_text_size::Ranged;

use super::{Checker, Rule, Severity};
use crate::model::jwt::{AlgorithmFamily, Library, algorithm_family};
use crate::model::keys::KeyKind;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL104.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    for call in checker.decode_calls() {
        if call.library == Library::Authlib
            || call
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
        let hmac: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| algorithm_family(n) == Some(AlgorithmFamily::Hmac))
            .collect();
        let asymmetric: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| algorithm_family(n) == Some(AlgorithmFamily::Asymmetric))
            .collect();
        if hmac.is_empty() || asymmetric.is_empty() {
            continue;
        }
        let key = checker.verification_key(call);
        let diagnostic = checker.report(
            algorithms.range(),
            format!(
                "`{}` accepts both HMAC ({}) and asymmetric ({}) algorithms: a token HMAC-signed with the public key verifies",
                call.callee,
                hmac.join(", "),
                asymmetric.join(", ")
            ),
            format!(
                "accept one family per key: `algorithms=[\"{}\"]` with the public key, or `[\"{}\"]` with a shared secret",
                asymmetric[0], hmac[0]
            ),
        );
        // The confusion needs the server to verify with a public key, which the attacker has.
        // With a shared secret as the key, an HMAC token still needs the secret, and PyJWT and
        // python-jose refuse a secret that is no RSA or EC key for the asymmetric ones
        // (digital-membership's BigCommerce client secret).
        if key.kind == KeyKind::Hmac {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(&format!(
                " [low: the key is a shared secret ({}), not a public key: an HMAC-signed token still needs it, and the asymmetric algorithms cannot use it; list only the family the key is for]",
                key.evidence
            ));
        }
    }
}
