//! FL306 jwt-extended-audience-unchecked: a Flask-JWT-Extended `JWTManager` that checks neither
//! the audience nor the issuer of the tokens it accepts, where those tokens may come from
//! another issuer.
//!
//! Why: without `JWT_DECODE_AUDIENCE` / `JWT_DECODE_ISSUER`, any token signed with the key the
//! manager verifies with passes, whoever minted it for whichever service. That matters when the
//! tokens come from elsewhere (an identity provider's public key, keys chosen per token, a
//! secret the app never signs with). When the app mints its tokens itself with its own key (or
//! takes none yet, or takes its own system's issuer's, or generates its key at start-up), only
//! a service holding that key could mint one: nothing is reported, since an audience there adds
//! nothing a reviewer would act on.
//! Fix: set `JWT_ENCODE_AUDIENCE` / `JWT_DECODE_AUDIENCE` (and the issuer pair) to this API's own
//! values. This note used to be part of FL303; suppressions, selectors and baselines written for
//! it under FL303 still apply (`FORMER_CODES`).

use super::{Checker, Rule};
use crate::model::keys::{KeyKind, KeySource};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL306.md"),
    check,
};

/// The id and name this finding was reported under before it became a rule of its own.
pub const FORMER_CODES: &[&str] = &["FL303", "jwt-extended-insecure-config"];

fn check(checker: &mut Checker<'_, '_>) {
    let project = checker.project;
    let config = &project.config;
    let module = checker.file.module;
    // Test code builds managers for fixtures; the app's own manager is what counts.
    if config.is_test_module(module) {
        return;
    }
    let managers: Vec<_> = config
        .jwt_managers
        .iter()
        .filter(|(m, _)| *m == module)
        .map(|(_, range)| *range)
        .collect();
    if managers.is_empty() {
        return;
    }
    let apps = &project.apps;
    let checks_audience_or_issuer =
        ["JWT_DECODE_AUDIENCE", "JWT_DECODE_ISSUER"]
            .iter()
            .any(|key| {
                config
                    .production_settings(key)
                    .any(|e| apps.share(e.module, module))
            });
    if checks_audience_or_issuer {
        return;
    }
    let keys = &project.keys;
    let key = keys.extended_key(config, apps, module);
    let minting = keys
        .extended_mints
        .iter()
        .find(|site| apps.share(site.module, module));
    let signs_with_private_key = config
        .production_settings("JWT_PRIVATE_KEY")
        .any(|e| apps.share(e.module, module));
    // The app's own tokens: it mints with Flask-JWT-Extended, and the key it verifies with is
    // its own (its HMAC secret, or the public half of a private key it signs with). Only a
    // service holding that key could mint a token it accepts: an audience adds nothing, and
    // reviewers of real apps read the note as noise, so nothing is reported.
    let own_tokens = match (minting, key.kind) {
        (Some(_), KeyKind::Hmac) => true,
        (Some(_), KeyKind::Asymmetric) => signs_with_private_key,
        _ => false,
    };
    // A manager nothing asks to verify a token (flask-rest-ALM-admin verifies Auth0 tokens
    // with python-jose, and its `JWTManager(app)` is left from a template): it accepts none.
    let accepts_none = || minting.is_none() && !super::requires_extended_tokens(project, module);
    // A lesson that sets up the manager before any login or protected route: the app takes
    // no token anywhere yet, so nothing depends on the audience today. A public key or JWKS
    // names an issuer that does mint tokens elsewhere: that stays.
    let requires_none_yet = || {
        let here = apps.of_module(module);
        let requires_a_token = project.routes.routes.iter().any(|route| {
            route.authentication.is_some() && route.units.iter().any(|u| here.contains(u))
        });
        minting.is_none() && !requires_a_token && matches!(key.kind, KeyKind::Hmac)
    };
    // Election-Management-System: the administrator and official services verify what its
    // authentication service, in the same repository, mints with the shared secret. The
    // tokens come from the system's own issuer, not from services this tree does not hold.
    // Only where the code shows the secret is shared: both applications set it to the same
    // literal (a secret read from each one's environment may differ per service, and then
    // the other application's tokens are not this one's).
    let system_issuer = || {
        let literal_secret = |of: usize| {
            let Some(KeySource::Config(setting)) = &keys.extended_key(config, apps, of).source
            else {
                return None;
            };
            config
                .secrets
                .iter()
                .find(|s| &s.setting == setting && !s.fallback && apps.share(s.module, of))
                .map(|s| s.bytes.clone())
        };
        let own_secret = literal_secret(module);
        minting.is_none()
            && matches!(key.kind, KeyKind::Hmac)
            && own_secret.is_some()
            && keys.extended_mints.iter().any(|site| {
                !apps.share(site.module, module) && literal_secret(site.module) == own_secret
            })
    };
    // A secret generated at start-up, or the key the app signs its own tokens with through
    // another library (Tennis_app mints with PyJWT's `jwt.encode(payload,
    // current_app.config["JWT_SECRET_KEY"])` and verifies with `@jwt_required()`): no other
    // service can mint a token it accepts.
    let signs_or_generates = || keys.own_tokens(apps, module, &key).is_some();
    if own_tokens
        || accepts_none()
        || requires_none_yet()
        || system_issuer()
        || signs_or_generates()
    {
        return;
    }
    let origin = match (key.kind, minting) {
        (KeyKind::Asymmetric, _) => format!(
            "it verifies with a public key ({}), so every token the key's owner mints, for any service, is accepted",
            key.evidence
        ),
        (KeyKind::Unknown, _) if !key.evidence.is_empty() => format!(
            "its keys come from {}, so tokens minted elsewhere for other services are accepted",
            key.evidence
        ),
        (_, None) => format!(
            "this app mints no tokens itself, so the tokens it accepts come from another service, and any token signed with {} is accepted, whichever service it was minted for",
            if key.evidence.is_empty() {
                "its key"
            } else {
                key.evidence.as_str()
            }
        ),
        _ => "a token minted by another service that shares the key is accepted".to_string(),
    };
    let message = format!(
        "note: this `JWTManager` checks neither `aud` nor `iss` (no `JWT_DECODE_AUDIENCE` / `JWT_DECODE_ISSUER`): {origin}"
    );
    for range in managers {
        checker.report(
            range,
            message.clone(),
            "set `JWT_ENCODE_AUDIENCE` / `JWT_DECODE_AUDIENCE` (and the issuer pair) to this API's own values".to_string(),
        );
    }
}
