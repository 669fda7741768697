//! FL301 hardcoded-secret-key: a signing secret written in the source.
//!
//! Why: `SECRET_KEY` signs Flask sessions and `JWT_SECRET_KEY` (or the key handed to
//! `jwt.encode`) signs tokens; anyone who can read the repository, a wheel or a container image
//! can forge both. A literal fallback of an environment lookup is the same secret on every
//! deployment that forgets the variable. Weak literals are FL302 instead.
//! Fix: read the secret from the environment with no default, so start-up fails when it is
//! missing (`os.environ["SECRET_KEY"]`), and rotate the value that was committed.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::site_names_rather_than_holds;
use super::weak_secret_key::weakness;
use super::{Applicability, Checker, Diagnostic, Edit, Fix, Rule, SettingsChecker, Severity};
use crate::model::config::{SecretSite, is_secret_key};
use crate::model::scope::Binding;

pub const ID: &str = "FL301";

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL301.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    let config = &checker.project.config;
    let module = checker.file.module;
    if config.skips_secrets_in(module) {
        return;
    }
    for site in config.secrets.iter().filter(|s| s.module == module) {
        if weakness(&site.bytes).is_some() || site_names_rather_than_holds(config, site) {
            continue;
        }
        let (message, help) = match site.fallback {
            true => (
                format!(
                    "{} falls back to a {}-byte literal when `{}` is unset: every deployment that forgets the variable signs with a secret that is in the source",
                    site.used_as,
                    site.bytes.len(),
                    site.variable
                ),
                format!(
                    "drop the default and read `os.environ[\"{}\"]`, so the app fails at start-up when the variable is missing; rotate the committed value",
                    site.variable
                ),
            ),
            false => (
                format!(
                    "{} is a {}-byte secret written in the source: anyone who can read the code can forge what it signs",
                    site.used_as,
                    site.bytes.len()
                ),
                format!(
                    "read it from the environment with no default, `os.environ[\"{}\"]`, and rotate the committed value",
                    site.variable
                ),
            ),
        };
        let fix = environment_fix(checker, site);
        let diagnostic = checker.report(site.range, message, help);
        diagnostic.fix = fix;
        if let Some(place) = &site.replaced_at {
            diagnostic.message.push_str(&super::replaced_note(place));
            diagnostic.severity = Some(Severity::Low);
        }
        checker.lower_if_nosec(site.range);
        checker.lower_if_key_signs_only_flashes(site);
    }
}

/// Signing secrets written in dotenv, compose and loaded settings files.
pub(super) fn check_settings_files(
    checker: &SettingsChecker<'_, '_>,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    for (entry, file) in checker.entries() {
        let Some(value) = entry.value.as_deref() else {
            continue;
        };
        if !is_secret_key(&entry.key) || value.is_empty() || weakness(value.as_bytes()).is_some() {
            continue;
        }
        let weight = checker.weight(file, Severity::Medium);
        let message = format!(
            "{} is a {}-byte secret written in a file: anyone who can read the repository, or an image the file is copied into, can forge what it signs{}",
            SettingsChecker::entry_place(entry, file),
            value.len(),
            weight.note.as_deref().unwrap_or("")
        );
        let help = SettingsChecker::keep_out_help(&entry.key);
        let mut diagnostic = checker.diagnostic(entry.range, message, help);
        diagnostic.severity = weight.severity;
        // fatec's `.env.example`: `SECRET_KEY=a cool secret key no one is supposed to know`
        // tells whoever copies the file what to put there.
        if file.role == crate::model::settings_files::FileRole::Example && reads_as_prose(value) {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(
                " [low: the value reads as a sentence describing what to put there, which a deployment that copies the file verbatim would keep]",
            );
        } else if diagnostic.severity != Some(Severity::Low) && checker.nothing_reads(entry, file) {
            diagnostic.severity = Some(Severity::Low);
            diagnostic
                .message
                .push_str(&super::unread_variable_note(&entry.key));
        }
        out.push((entry.file, diagnostic));
    }
}

/// Four or more words of letters separated by single spaces: a sentence, not a generated key.
/// friktionskompas's `din-hemmelige-nøgle-her-brug-token-hex-32` ("your secret key here, use
/// token-hex-32") reads as one too: words joined by hyphens or underscores, with at most one
/// number among them.
fn reads_as_prose(value: &str) -> bool {
    let words: Vec<&str> = value.split([' ', '-', '_']).collect();
    let numbers = words
        .iter()
        .filter(|word| !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()))
        .count();
    words.len() >= 4
        && numbers <= 1
        && words.iter().all(|word| {
            !word.is_empty()
                && (word.chars().all(|c| c.is_alphabetic() || c == '\'')
                    || word.chars().all(|c| c.is_ascii_digit()))
        })
}

/// Replaces the literal (or the whole lookup it is the default of) with
/// `os.environ["VARIABLE"]`, importing `os` when the module does not.
pub(super) fn environment_fix(checker: &Checker<'_, '_>, site: &SecretSite) -> Option<Fix> {
    if site.fallback && site.lookup.is_none() {
        // The fallback is a constant written elsewhere and maybe used elsewhere too: not a
        // mechanical change.
        return None;
    }
    let info = &checker.project.model.modules[site.module];
    let mut edits = Vec::new();
    let environ = match (info.scope.get("os"), info.scope.get("environ")) {
        (Some([Binding::Import(target)]), _) if target == "os" => "os.environ",
        (_, Some([Binding::Import(target)])) if target == "os.environ" => "environ",
        (None, _) => {
            edits.push(Edit {
                range: TextRange::empty(import_position(&info.file.module().body)?),
                content: "import os\n".to_string(),
            });
            "os.environ"
        }
        _ => return None,
    };
    let replacement = format!("{environ}[\"{}\"]", site.variable);
    edits.push(Edit {
        range: site.lookup.unwrap_or(site.range),
        content: replacement.clone(),
    });
    Some(Fix {
        description: format!("read the secret with `{replacement}` (no default)"),
        edits,
        // The app no longer starts without the variable, and sessions or tokens signed with
        // the old literal stop verifying.
        applicability: Applicability::Unsafe,
    })
}

/// Where `import os` can go: before the first statement that is not the module docstring or a
/// `from __future__` import.
pub(super) fn import_position(body: &[Stmt]) -> Option<ruff_text_size::TextSize> {
    body.iter()
        .enumerate()
        .find(|(index, stmt)| match stmt {
            Stmt::Expr(expr) if *index == 0 => {
                !matches!(expr.value.as_ref(), Expr::StringLiteral(_))
            }
            Stmt::ImportFrom(import) => {
                import.module.as_ref().map(|m| m.as_str()) != Some("__future__")
            }
            _ => true,
        })
        .map(|(_, stmt)| stmt.start())
}
