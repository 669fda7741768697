//! FL302 weak-secret-key: a signing secret worth under 128 bits of guessing: a placeholder, a
//! few dictionary words, a short or repetitive string (see `strength`).
//!
//! Why: an HMAC secret is only as strong as it is unpredictable. `dev`, `changeme` or
//! `super-secret-key` are in every wordlist, and tools such as `flask-unsign` and `jwt_tool`
//! recover them from one session cookie or one token offline; RFC 7518 §3.2 requires a key at
//! least as long as the hash (32 bytes for HS256). Reported instead of FL301, not beside it.
//! A weak `WTF_CSRF_SECRET_KEY` is low: Flask-WTF's token also needs a value from the session.
//! Fix: generate 32+ random bytes (`python -c "import secrets; print(secrets.token_hex(32))"`)
//! and read them from the environment with no default.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::hardcoded_secret_key::environment_fix;
use super::site_names_rather_than_holds;
use super::{Checker, Diagnostic, Rule, SettingsChecker, Severity};
use crate::model::config::is_secret_key;
use crate::model::settings_files::FileRole;

pub const ID: &str = "FL302";

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL302.md"),
    check,
};

/// The guessing work a signing secret must cost, in bits. NIST SP 800-57 asks for 128 bits of
/// security strength from any symmetric key used beyond 2030, and an HMAC key gives at most its
/// own entropy; RFC 7518 §3.2 sizes HS256 keys at 256 bits for the same reason. Below this a
/// literal is weak (FL302); at or above it, it is a strong secret that is merely in the source
/// (FL301).
pub(super) const STRONG_BITS: f64 = 128.0;

/// Under this, guessing is within reach of one attacker with GPUs and word lists today
/// (2^64 HMAC-SHA256 guesses is weeks on a rented cluster; word-list secrets fall in seconds).
const GUESSABLE_BITS: f64 = 64.0;

/// What one word of the embedded list costs an attacker: it is among the few thousand most
/// common words that cracking word lists try first (log2 of 4096).
const WORD_BITS: f64 = 12.0;

/// Example keys printed in documentation, which cracking word lists carry verbatim.
const PUBLISHED: &[(&[u8], &str)] = &[
    (b"_5#y2L\"F4Q8z\n\xec]/", "Flask's quickstart"),
    (b"A0Zr98j/3yX R~XHH!jmN]LWX/,?RT", "Flask's old quickstart"),
];

/// Words by which a literal says it is a placeholder to replace.
const PLACEHOLDER_MARKERS: &[&str] = &[
    "change",
    "changeme",
    "replace",
    "replaceme",
    "placeholder",
    "your",
    "example",
    "sample",
    "dummy",
    "todo",
    "fixme",
];

const KEYBOARD_ROWS: &[&str] = &[
    "qwertyuiop",
    "asdfghjkl",
    "zxcvbnm",
    "1234567890",
    "qwertzuiop",
    "azertyuiop",
];

fn word_list() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("../../data/secret_words.txt")
            .lines()
            .map(|line| line.split('#').next().unwrap_or(""))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// How hard a literal is to guess, estimated the way cracking tools attack it: dictionary
/// words, repeats, sequences and keyboard rows cost little; every other character costs
/// log2 of the alphabet its character classes imply.
#[derive(Debug)]
pub(super) struct Strength {
    pub bits: f64,
    /// Where the literal was published, when it is a documentation example.
    pub published: Option<&'static str>,
    /// The dictionary words found in it, for the message.
    pub words: Vec<String>,
    /// How many of its bytes those words cover.
    pub word_bytes: usize,
}

/// Size of the alphabet a literal's characters are drawn from: each class present counts
/// whole; a string of hex digits in one case is hex.
fn alphabet(bytes: &[u8]) -> f64 {
    let hex = bytes.iter().all(u8::is_ascii_hexdigit)
        && !(bytes.iter().any(u8::is_ascii_lowercase) && bytes.iter().any(u8::is_ascii_uppercase));
    if hex {
        return 16.0;
    }
    let mut size = 0.0;
    if bytes.iter().any(u8::is_ascii_lowercase) {
        size += 26.0;
    }
    if bytes.iter().any(u8::is_ascii_uppercase) {
        size += 26.0;
    }
    if bytes.iter().any(u8::is_ascii_digit) {
        size += 10.0;
    }
    if bytes.iter().any(|b| b.is_ascii_punctuation() || *b == b' ') {
        size += 33.0;
    }
    if bytes.iter().any(|b| !b.is_ascii_graphic() && *b != b' ') {
        // Control characters and bytes beyond ASCII: the rest of the byte range.
        size += 128.0 + 33.0;
    }
    f64::max(size, 2.0)
}

/// `0` for `o`, `3` for `e`, ...: the substitutions every cracking rule set tries.
fn unleet(b: u8) -> u8 {
    match b {
        b'0' => b'o',
        b'1' => b'i',
        b'3' => b'e',
        b'4' | b'@' => b'a',
        b'5' | b'$' => b's',
        b'7' => b't',
        other => other.to_ascii_lowercase(),
    }
}

/// The cheapest way found to produce the first `i` bytes, and where the step that ended there
/// started when it was a dictionary word.
#[derive(Clone, Copy)]
struct Step {
    bits: f64,
    from: usize,
    word: bool,
}

pub(super) fn strength(bytes: &[u8]) -> Strength {
    if let Some((_, place)) = PUBLISHED.iter().find(|(key, _)| *key == bytes) {
        return Strength {
            bits: 0.0,
            published: Some(place),
            words: Vec::new(),
            word_bytes: 0,
        };
    }
    let words = word_list();
    let per_char = alphabet(bytes).log2();
    let n = bytes.len();
    let unreached = Step {
        bits: f64::INFINITY,
        from: 0,
        word: false,
    };
    let mut best: Vec<Step> = vec![unreached; n + 1];
    best[0].bits = 0.0;
    for i in 0..n {
        let here = best[i].bits;
        let mut relax = |end: usize, cost: f64, word: bool| {
            if here + cost < best[end].bits {
                best[end] = Step {
                    bits: here + cost,
                    from: i,
                    word,
                };
            }
        };
        // A separator repeated from the previous one (`a-b-c`) is nearly free.
        let repeated_separator = !bytes[i].is_ascii_alphanumeric()
            && bytes[..i]
                .iter()
                .rev()
                .find(|b| !b.is_ascii_alphanumeric())
                .is_some_and(|previous| *previous == bytes[i]);
        relax(
            i + 1,
            if repeated_separator { 1.0 } else { per_char },
            false,
        );
        // Runs of one character: `aaaa`.
        let run = bytes[i..].iter().take_while(|b| **b == bytes[i]).count();
        if run >= 3 {
            relax(i + run, per_char + (run as f64).log2(), false);
        }
        // Sequences: `abcd`, `1234`, `9876`.
        for step in [1i16, -1] {
            let length = 1 + bytes[i..]
                .windows(2)
                .take_while(|pair| i16::from(pair[1]) - i16::from(pair[0]) == step)
                .count();
            if length >= 3 {
                relax(i + length, per_char + (length as f64).log2() + 1.0, false);
            }
        }
        // Keyboard rows: `qwerty`, `asdf`.
        for row in KEYBOARD_ROWS {
            let row = row.as_bytes();
            let longest = (3..=row.len().min(n - i)).rev().find(|&len| {
                let piece: Vec<u8> = bytes[i..i + len]
                    .iter()
                    .map(u8::to_ascii_lowercase)
                    .collect();
                row.windows(len).any(|w| w == piece.as_slice())
            });
            if let Some(length) = longest {
                relax(i + length, 6.0 + (length as f64).log2(), false);
            }
        }
        // Dictionary words, capitalised or in leetspeak.
        for end in i + 2..=n.min(i + 16) {
            let piece = &bytes[i..end];
            let plain: String = piece
                .iter()
                .map(|b| char::from(b.to_ascii_lowercase()))
                .collect();
            let leeted = !words.contains(plain.as_str());
            if leeted {
                let unleeted: String = piece.iter().map(|b| char::from(unleet(*b))).collect();
                if !words.contains(unleeted.as_str()) {
                    continue;
                }
            }
            let capitalised = piece.iter().any(u8::is_ascii_uppercase);
            let cost = WORD_BITS + f64::from(u8::from(capitalised)) + f64::from(u8::from(leeted));
            relax(end, cost, true);
        }
    }
    let mut found_words = Vec::new();
    let mut word_bytes = 0;
    let mut end = n;
    while end > 0 {
        let step = best[end];
        if step.word {
            found_words.push(String::from_utf8_lossy(&bytes[step.from..end]).to_lowercase());
            word_bytes += end - step.from;
        }
        end = step.from;
    }
    found_words.reverse();
    found_words.dedup();
    Strength {
        bits: best[n].bits,
        published: None,
        words: found_words,
        word_bytes,
    }
}

/// Why a secret is weak, or `None` when it is strong enough to be FL301's instead.
pub(super) fn weakness(bytes: &[u8]) -> Option<String> {
    let strength = strength(bytes);
    if let Some(place) = strength.published {
        return Some(format!(
            "the example key printed in {place}, which cracking word lists carry"
        ));
    }
    let bits = strength.bits.round() as i64;
    // A phrase that asks to be replaced is a template's value: whoever has the template (or
    // any copy of the code) has the key, however long the phrase.
    let marker = strength
        .words
        .iter()
        .find(|w| PLACEHOLDER_MARKERS.contains(&w.as_str()));
    if let Some(marker) = marker
        && strength.word_bytes * 2 >= bytes.len()
        && strength.bits >= STRONG_BITS
    {
        return Some(format!(
            "a placeholder that asks to be replaced (`{marker}`): it is the same in every copy of the template, so it is public whatever its length (about {bits} bits as a phrase)"
        ));
    }
    if strength.bits >= STRONG_BITS {
        return None;
    }
    let words = match strength.words.as_slice() {
        [] => String::new(),
        words => format!(
            ", made of the common word{} {}",
            if words.len() == 1 { "" } else { "s" },
            words
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Some(if strength.bits < GUESSABLE_BITS {
        format!(
            "worth about {bits} bits of guessing{words}: under 64 bits, cracking tools find it offline from one signed cookie or token"
        )
    } else {
        format!(
            "worth about {bits} bits of guessing{words}: under the 128 bits a signing key needs"
        )
    })
}

/// `<your-secret-key>`, `[jwt-secret]`: a blank of a template, bracketed for someone to fill
/// in. Nobody chose it as a key; it signs only where the template was used unfilled.
fn is_fill_in(bytes: &[u8]) -> bool {
    let trimmed = bytes.trim_ascii();
    trimmed.len() > 2
        && matches!(
            (trimmed.first(), trimmed.last()),
            (Some(b'<'), Some(b'>')) | (Some(b'['), Some(b']'))
        )
        && !trimmed[1..trimmed.len() - 1].contains(&b'<')
}

const FILL_IN_NOTE: &str = " [a blank of a template, bracketed to be filled in: it signs only where the template is used unfilled]";

const LIVE_FILL_IN_NOTE: &str = " [a blank bracketed to be filled in, but written in the code the app runs: every install that does not edit it signs with this public value]";

/// A literal for a message: printable, escaped where it is not, cut after 40 characters.
fn shown(bytes: &[u8]) -> String {
    let text: String = match std::str::from_utf8(bytes) {
        Ok(text) => text
            .chars()
            .flat_map(|c| {
                let escaped: Vec<char> = if c.is_control() {
                    c.escape_default().collect()
                } else {
                    vec![c]
                };
                escaped
            })
            .collect(),
        Err(_) => bytes
            .iter()
            .flat_map(|b| std::ascii::escape_default(*b))
            .map(char::from)
            .collect(),
    };
    let mut out: String = text.chars().take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// Weak signing secrets written in dotenv, compose and loaded settings files. An example file's
/// placeholders are what it is for: not reported.
pub(super) fn check_settings_files(
    checker: &SettingsChecker<'_, '_>,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    for (entry, file) in checker.entries() {
        let Some(value) = entry.value.as_deref() else {
            continue;
        };
        if !is_secret_key(&entry.key) || value.is_empty() || file.role == FileRole::Example {
            continue;
        }
        let Some(why) = weakness(value.as_bytes()) else {
            continue;
        };
        let weight = checker.weight(file, Severity::Low);
        let fill_in = is_fill_in(value.as_bytes());
        let stack = weight
            .severity
            .is_none()
            .then(|| super::credentials_in_settings::repository_stack(file))
            .flatten();
        let message = format!(
            "{} is `{}`, {why}{}{}{}",
            SettingsChecker::entry_place(entry, file),
            shown(value.as_bytes()),
            if fill_in { FILL_IN_NOTE } else { "" },
            weight.note.as_deref().unwrap_or(""),
            stack.as_deref().unwrap_or("")
        );
        let help = format!(
            "generate 32 random bytes (`secrets.token_hex(32)`), set `{}` in the deployment's environment or secret store, and keep it out of the repository",
            entry.key
        );
        let mut diagnostic = checker.diagnostic(entry.range, message, help);
        diagnostic.severity = if fill_in || stack.is_some() {
            Some(Severity::Low)
        } else {
            weight.severity
        };
        if diagnostic.severity != Some(Severity::Low) && checker.nothing_reads(entry, file) {
            diagnostic.severity = Some(Severity::Low);
            diagnostic
                .message
                .push_str(&super::unread_variable_note(&entry.key));
        }
        out.push((entry.file, diagnostic));
    }
}

/// A `JWT_*` key setting nothing reads: it is kept under a `JWT_*` name (`JWT_SECRET = ...`,
/// `app.config["JWT_SECRET_KEY"] = ...`), no JWT call of the project is known to use it, no
/// module of its application (of the project, when it belongs to none) imports a Flask JWT extension (which reads it from the app's config), and no code but
/// the line that sets it names it again (a comment does not count). A key kept under another
/// name (`SECRET_KEY = os.getenv("JWT_SECRET_KEY", ...)`, then `jwt.encode(..., SECRET_KEY)`)
/// is judged by that name, and is not this case.
fn unread_jwt_key(checker: &Checker<'_, '_>, site: &crate::model::config::SecretSite) -> bool {
    let stored = site.setting.as_str();
    if !stored.starts_with("JWT_") || site.used_as.contains("the key of") {
        return false;
    }
    let modules = &checker.project.model.modules;
    let Some(own) = modules.get(site.module) else {
        return false;
    };
    let text = &own.file.text[..];
    let start = usize::from(site.range.start()).min(text.len());
    let (line_start, line_end) = super::line_around(text, start);
    // Only the code of the key's own application reads it: IEP-shop's warehouse daemon sets the
    // key its sibling services verify with, and none of its own code imports a JWT extension.
    let apps = &checker.project.apps;
    // A settings module loaded by name (`from_pyfile`, `from_object("web.config")`) is in no
    // import graph, so its application is unknown: the whole project counts then. A module
    // that makes the application itself is that application's.
    let makes_an_app = checker
        .project
        .files
        .get(site.module)
        .is_some_and(|file| !file.app_constructions.is_empty());
    let in_an_app =
        (apps.is_imported(site.module) || makes_an_app) && !apps.of_module(site.module).is_empty();
    modules.iter().enumerate().all(|(index, module)| {
        if in_an_app && !apps.share(index, site.module) {
            return true;
        }
        let text = &module.file.text[..];
        // tusome-academy's `mobile_api.py` imports Flask-JWT-Extended, and no application
        // imports or registers it: no extension of a running app reads the key from there.
        let never_loaded = || {
            checker.project.files.get(index).is_some_and(|file| {
                crate::model::references::module_never_loaded(checker.project, file).is_some()
            })
        };
        if memchr::memmem::find(text.as_bytes(), b"flask_jwt").is_some() && !never_loaded() {
            return false;
        }
        crate::model::references::code_mentions(text, stored)
            .all(|at| index == site.module && (line_start..line_end).contains(&at))
    })
}

/// A production compose file that sets `variable` to `${VARIABLE:?message}` (or
/// `${VARIABLE?}`): Compose refuses to start when it is unset, so the code's fallback never
/// applies there (usaon-benefit-tool's `compose.prod.yml`). Returns `compose.prod.yml:22`.
fn deployment_requires(checker: &Checker<'_, '_>, variable: &str) -> Option<String> {
    let settings = &checker.project.settings_files;
    let required = [format!("${{{variable}:?"), format!("${{{variable}?")];
    settings.entries.iter().find_map(|entry| {
        let file = settings.files.get(entry.file)?;
        if entry.key != variable
            || file.role != FileRole::Live
            || file.format != crate::walk::SettingsFormat::Compose
        {
            return None;
        }
        let text = &file.file.text;
        let start = usize::from(entry.range.start()).min(text.len());
        let written = text.get(start..super::line_around(text, start).1)?;
        required
            .iter()
            .any(|needle| written.contains(needle.as_str()))
            .then(|| {
                format!(
                    "{}:{}",
                    file.file.display_path(),
                    file.file.position(entry.range.start()).line
                )
            })
    })
}

/// A literal written straight into an encode call whose tokens no decode of the project
/// accepts: Grinch101's logout mints a throwaway token with `key='wrong_secret_key'` so the
/// client's copy is overwritten, while every decode verifies with the app's key. The project
/// decodes somewhere, and the literal appears in none of its other code.
fn signs_only_tokens_nothing_verifies(
    checker: &Checker<'_, '_>,
    site: &crate::model::config::SecretSite,
) -> bool {
    use crate::model::jwt::Operation;
    let project = checker.project;
    let Some(file) = project.files.get(site.module) else {
        return false;
    };
    let in_encode = file.jwt_calls.iter().any(|call| {
        call.operation == Operation::Encode && call.call.arguments.range.contains_range(site.range)
    });
    let decodes = project.files.iter().any(|file| {
        file.jwt_calls
            .iter()
            .any(|c| c.operation == Operation::Decode)
    });
    if !in_encode || !decodes || site.bytes.len() < 4 {
        return false;
    }
    let needle = &site.bytes[..];
    let mentions: usize = project
        .model
        .modules
        .iter()
        .map(|module| memchr::memmem::find_iter(module.file.text.as_bytes(), needle).count())
        .sum();
    let in_settings = project
        .settings_files
        .files
        .iter()
        .any(|settings| memchr::memmem::find(settings.file.text.as_bytes(), needle).is_some());
    mentions == 1 && !in_settings
}

/// An encryption key (`AES_SECRET_KEY`, `FERNET_KEY`) whose only readers are module-level names
/// no code uses: heresalon's `EncryptedString = EncryptedType(db.Unicode, S.AES_SECRET_KEY, ...)`
/// is a column type no model declares, so the key encrypts nothing. Returns the readers, named
/// with where they are set. An encryption key signs no cookie, so nothing is cracked offline
/// from one either; only what it encrypts is at stake.
fn encryption_key_read_only_by_idle_names(
    checker: &Checker<'_, '_>,
    site: &crate::model::config::SecretSite,
) -> Option<String> {
    let stored = site.setting.as_str();
    let upper = stored.to_ascii_uppercase();
    if !["AES", "ENCRYPT", "FERNET", "CIPHER", "CRYPT"]
        .iter()
        .any(|word| upper.contains(word))
    {
        return None;
    }
    let modules = &checker.project.model.modules;
    let line_of = |text: &str, at: usize| {
        let (start, end) = super::line_around(text, at);
        start..end
    };
    let own_text = &modules.get(site.module)?.file.text[..];
    let own_line = line_of(
        own_text,
        usize::from(site.range.start()).min(own_text.len()),
    );
    let mut readers: Vec<(usize, &str, std::ops::Range<usize>)> = Vec::new();
    for (index, module) in modules.iter().enumerate() {
        let text = &module.file.text[..];
        for at in crate::model::references::code_mentions(text, stored) {
            if index == site.module && own_line.contains(&at) {
                continue;
            }
            // `EncryptedString = EncryptedType(..., S.AES_SECRET_KEY, ...)` at module level.
            let line = line_of(text, at);
            let (name, _) = text[line.clone()].split_once('=')?;
            let name = name.trim_end();
            if name.is_empty()
                || !name.chars().all(|c| c.is_alphanumeric() || c == '_')
                || text[line.clone()].starts_with(char::is_whitespace)
            {
                return None;
            }
            readers.push((index, name, line));
        }
    }
    if readers.is_empty() {
        return None;
    }
    let idle = readers.iter().all(|(reader_module, name, line)| {
        modules.iter().enumerate().all(|(index, module)| {
            crate::model::references::code_mentions(&module.file.text, name)
                .all(|at| index == *reader_module && line.contains(&at))
        })
    });
    idle.then(|| {
        readers
            .iter()
            .map(|(index, name, line)| {
                let file = modules[*index].file;
                let position = file
                    .position(ruff_text_size::TextSize::try_from(line.start).unwrap_or_default());
                format!("`{name}` ({}:{})", file.display_path(), position.line)
            })
            .collect::<Vec<_>>()
            .join(" and ")
    })
}

fn check(checker: &mut Checker<'_, '_>) {
    let config = &checker.project.config;
    let module = checker.file.module;
    if config.skips_secrets_in(module) {
        return;
    }
    for site in config.secrets.iter().filter(|s| s.module == module) {
        let Some(why) = weakness(&site.bytes) else {
            continue;
        };
        if site_names_rather_than_holds(config, site) {
            continue;
        }
        // A placeholder the app refuses to start with never signs anything.
        if site.startup_guard.as_ref().is_some_and(|g| g.everywhere) {
            continue;
        }
        let value = shown(&site.bytes);
        let idle_readers = encryption_key_read_only_by_idle_names(checker, site);
        // What a guessed key lets an attacker do depends on what it keys: an encryption key
        // signs no cookie to crack offline.
        let why = match idle_readers {
            Some(_) => why.split(": under").next().unwrap_or_default().to_string(),
            None => why,
        };
        // Written in the code, the value is known before anyone guesses it: what three
        // reviewers of round 27 said first about every agreed finding. Its weakness follows.
        let mut message = match site.fallback {
            true => format!(
                "{} falls back to `{value}` when `{}` is unset: anyone who can read the code has the key, and it is {why}",
                site.used_as, site.variable
            ),
            false => format!(
                "{} is `{value}`: anyone who can read the code has the key, and it is {why}",
                site.used_as
            ),
        };
        // In the code the app runs, a bracketed blank is no template's: it is the key every
        // install signs with until someone edits the module (SocialFish's `APP_SECRET_KEY =
        // '<CHANGE ME SF>'`, pkgdb2's default configuration; both reviewers rated it medium or
        // high). Only settings files (`.env` templates) keep the blank low.
        if is_fill_in(&site.bytes) {
            message.push_str(LIVE_FILL_IN_NOTE);
        }
        // Invenio reads every setting of a package's config module again from `INVENIO_<NAME>`
        // in the environment and from the instance's `invenio.cfg`: a `CHANGE_ME` there is the
        // template's marker for the one value each installation sets (three held-out reviewers
        // of Invenio apps: "a placeholder the deployment overrides").
        let invenio_default = asks_to_be_replaced(&site.bytes) && runs_on_invenio(checker);
        if invenio_default {
            message.push_str(&format!(
                " [Invenio replaces it with `INVENIO_{}` from the environment or the instance's `invenio.cfg`; an installation that sets neither signs with it]",
                site.variable
            ));
        }
        if let Some(guard) = &site.startup_guard {
            message.push_str(&format!(
                "; {} refuses it only outside development, so it signs only development servers",
                guard.place
            ));
        }
        // hsk_bazaar_diary sets `JWT_SECRET_KEY` beside a Flask-Login app: no JWT extension reads
        // it and no code of the project names it again, so it signs nothing.
        let unread = unread_jwt_key(checker, site);
        if unread {
            message.push_str(&format!(
                " [no code that runs imports a JWT extension and no other code reads `{}`: it signs nothing today]",
                site.variable
            ));
        }
        if let Some(readers) = &idle_readers {
            message.push_str(&format!(
                " [it is read only by {readers}, which no code uses: it encrypts nothing today]"
            ));
        }
        let required_at = site
            .fallback
            .then(|| deployment_requires(checker, &site.variable))
            .flatten();
        if let Some(place) = &required_at {
            message.push_str(&format!(
                " [{place} refuses to start the app without `{}`, so the deployment it describes never falls back; other ways of running the app still do]",
                site.variable
            ));
        }
        // 55garima's social app hands out tokens from its login, and every route is open.
        let nothing_verifies = !unread
            && site.setting.starts_with("JWT_")
            && super::mints_tokens_nothing_verifies(checker, site.module);
        if nothing_verifies {
            message.push_str(
                " [no code of this app verifies a token (no `jwt_required`, `verify_jwt_in_request` or `decode_token`, no decode): a forged token opens nothing today; it does the day a route requires one]",
            );
        }
        let verified_nowhere = signs_only_tokens_nothing_verifies(checker, site);
        if verified_nowhere {
            message.push_str(
                " [the project decodes its tokens with another key, and this value is written nowhere else: nothing here accepts what it signs]",
            );
        }
        let unloaded = super::unloaded_settings_constant(checker, site);
        if let Some(path) = &unloaded {
            message.push_str(&format!(
                " [nothing loads {path} as configuration and no code reads its `{}`: it signs nothing today]",
                site.setting
            ));
        }
        // Flask-WTF signs a random value it keeps in the session with this key and compares the
        // two: forging a CSRF token needs the victim's session value, not only the key.
        let csrf_only = site.variable == "WTF_CSRF_SECRET_KEY";
        if csrf_only {
            message.push_str(" [it signs only Flask-WTF's CSRF tokens, and forging one also needs the random value in the victim's session]");
        }
        let help = format!(
            "generate 32 random bytes (`secrets.token_hex(32)`), keep them out of the code and read `os.environ[\"{}\"]` with no default",
            site.variable
        );
        let fix = environment_fix(checker, site);
        let diagnostic = checker.report(site.range, message, help);
        diagnostic.fix = fix;
        if let Some(place) = &site.replaced_at {
            diagnostic.message.push_str(&super::replaced_note(place));
        }
        if site.startup_guard.is_some()
            || csrf_only
            || unread
            || unloaded.is_some()
            || site.replaced_at.is_some()
            || invenio_default
            || idle_readers.is_some()
            || verified_nowhere
            || required_at.is_some()
            || nothing_verifies
        {
            diagnostic.severity = Some(Severity::Low);
        }
        checker.lower_if_nosec(site.range);
        checker.lower_if_key_signs_only_flashes(site);
    }
}

/// A value made of words that ask for it to be replaced (`CHANGE_ME`, `replace-me`).
pub(super) fn asks_to_be_replaced(bytes: &[u8]) -> bool {
    strength(bytes)
        .words
        .iter()
        .any(|word| PLACEHOLDER_MARKERS.contains(&word.as_str()))
}

/// Whether the module is an Invenio package's config module: named `config`, in an
/// environment that declares Invenio's application, base or config package or in a module that
/// imports Invenio's packages itself (such a module is loaded through invenio-config's
/// `invenio_config.module` entry point, not by the application's own code).
fn runs_on_invenio(checker: &Checker<'_, '_>) -> bool {
    let module = &checker.project.model.modules[checker.file.module];
    if !(module.name == "config" || module.name.ends_with(".config")) {
        return false;
    }
    let text = &checker.source.text;
    text.contains("from invenio_")
        || text.contains("import invenio_")
        || [
            "invenio-app",
            "invenio-base",
            "invenio-config",
            "invenio-app-rdm",
        ]
        .iter()
        .any(|package| {
            checker
                .project
                .dependencies
                .package_for(&checker.source.path, package)
                .is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::{strength, weakness};

    #[test]
    fn strength_counts_words_repeats_and_sequences_cheaply() {
        let bits = |s: &[u8]| strength(s).bits;
        assert!((bits(b"hV3kPq9ZrW2xLm7TbN4cYs8FdJ6gQa") - 30.0 * 62f64.log2()).abs() < 6.0);
        assert!(bits(b"dev") <= 12.0);
        assert!(bits(b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") < 12.0);
        assert!(bits(b"1234567890abcdefghij") < 30.0);
        assert!(bits(b"qwertyuiop") < 12.0);
        assert_eq!(
            strength(b"super-secret-key").words,
            ["super", "secret", "key"]
        );
        assert!(bits(b"") == 0.0);
    }

    #[test]
    fn weak_and_strong_secrets() {
        assert!(weakness(b"dev").is_some());
        assert!(weakness(b"super-secret-key").is_some());
        assert!(weakness(b"your-secure-secret").is_some());
        assert!(weakness(b"Zq8vR2pLk9").is_some());
        assert!(weakness(&[b'a'; 64]).is_some());
        assert!(weakness(b"0f3c9a7e21b84d6f5a0c3e9b7d1f24a68c5e0b3d9f7a1c2e").is_none());
        assert!(weakness(b"N8kq2ZrV5wL0pXyT7bHc3MdJ9sGf1RaQ").is_none());
        // 30 random-looking mixed-case alphanumerics: about 178 bits, strong.
        assert!(weakness(b"hV3kPq9ZrW2xLm7TbN4cYs8FdJ6gQa").is_none());
        // secrets.token_hex(16): 128 bits exactly.
        assert!(weakness(b"9f86d081884c7d659a2feaa0c55ad015").is_none());
        assert!(weakness(b"this-is-a-complicated-secret").is_some());
        assert!(weakness(b"CHANGE_ME_TO_A_COMPLEX_RANDOM_SECRET").is_some());
        assert!(weakness(b"reallyhardtoguess").is_some());
        // A long phrase that asks to be changed is a template's value.
        assert!(
            weakness(b"change-this-key-to-something-different-in-the-application-config")
                .is_some_and(|why| why.contains("asks to be replaced (`change`)"))
        );
        assert!(weakness(b"Passw0rd!Passw0rd!Passw0rd!Passw0rd!").is_some());
        assert!(weakness(b"_5#y2L\"F4Q8z\n\xec]/").is_some());
    }
}
