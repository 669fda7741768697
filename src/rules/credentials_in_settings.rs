//! FL305 credentials-in-settings: a password, API key or token written in the settings.
//!
//! Why: a database password in `SQLALCHEMY_DATABASE_URI`, a `MAIL_PASSWORD`, a `STRIPE_API_KEY`
//! or an `AWS_SECRET_ACCESS_KEY` written in the code or in a committed `.env` is known to everyone
//! who can read the repository, a wheel or an image; whoever reaches the service logs in. Signing
//! secrets (`SECRET_KEY`, `JWT_SECRET_KEY`) are FL301/FL302's.
//! Fix: read the credential from the environment with no default (`os.environ["DB_PASSWORD"]`,
//! or the whole URL from `os.environ["DATABASE_URL"]`), keep `.env` files out of git, and rotate
//! the value that was committed.

use ruff_python_ast::Expr;
use ruff_text_size::{Ranged, TextRange};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::hardcoded_secret_key::environment_fix;
use super::weak_secret_key::weakness;
use super::{Checker, Diagnostic, Rule, SettingsChecker, Severity};
use crate::model::config::{
    ConfigEntry, ConfigValue, Literal, Origin, SecretSite, is_credential_key,
};
use crate::model::records::{creates_account, names_account};
use crate::model::settings_files::{FileRole, SettingsEntry, SettingsFile};

pub const ID: &str = "FL305";

/// Ruff's flake8-bandit codes for hardcoded passwords (a string, a keyword argument, a
/// default argument): `# noqa: S105` on a line silences FL305 there too.
pub const EQUIVALENT_CODES: &[&str] = &["S105", "S106", "S107"];

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL305.md"),
    check,
};

/// What a literal holds that is worth reporting.
#[derive(Debug, PartialEq, Eq)]
enum Credential {
    /// A value of a credential-named setting.
    Named,
    /// A URL with a password in it; `host` is where it logs in.
    InUrl { host: String },
}

/// The password part of `scheme://user:password@host/...`, with the host, when the password is
/// written out (not `{}` / `%s` / `${VAR}` filled in at run time).
fn url_password(text: &str) -> Option<(&str, String)> {
    let authority = url_authority(text)?;
    let (userinfo, host) = authority.rsplit_once('@')?;
    let (_, password) = userinfo.split_once(':')?;
    if password.is_empty() || is_filled_in(password) || is_placeholder(password) {
        return None;
    }
    Some((password, without_port(host).to_ascii_lowercase()))
}

/// `user:pw@host:5432` of `scheme://user:pw@host:5432/db?x`.
fn url_authority(text: &str) -> Option<&str> {
    let (_, rest) = text.split_once("://")?;
    Some(&rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())])
}

/// `db` of `db:5432`, `::1` of `[::1]:6379`.
fn without_port(host: &str) -> &str {
    match host.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or(bracketed),
        None => match host.rsplit_once(':') {
            Some((name, port)) if port.chars().all(|c| c.is_ascii_digit()) => name,
            _ => host,
        },
    }
}

/// Text a template or formatter fills in at run time.
fn is_filled_in(text: &str) -> bool {
    text.contains(['{', '$', '\0']) || text.contains("%s") || text.contains("%(")
}

/// A value that stands for one still to be filled in: `<password>`, `your-api-key`,
/// `changeme`, `xxx`, `***`, `TODO`.
fn is_placeholder(value: &str) -> bool {
    let lower = value.trim().to_ascii_lowercase();
    if lower.is_empty()
        || (lower.starts_with('<') && lower.ends_with('>'))
        || (lower.starts_with('[') && lower.ends_with(']'))
        || lower
            .chars()
            .all(|c| matches!(c, 'x' | '*' | '.' | '-' | '_' | '#'))
    {
        return true;
    }
    // openvpn-web-manager's `MAIL_PASSWORD=16位授权码` ("the 16-character authorisation
    // code"): words of a language written in CJK characters describe the value to put there;
    // a password or key is typed in ASCII.
    if value.chars().any(|c| {
        matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
    }) {
        return true;
    }
    // `n/a`, `na`, `unused`: a value that says no credential is meant. `nope`, `foo`, `bar`:
    // words that stand for any value (arXiv's `KUBE_TOKEN` falls back to `fookubetoken`).
    // StonewallNexus's `os.environ.get("GITHUB_SECRET", 'FAIL')`: a word saying the value is
    // missing, so that whatever uses it fails visibly.
    if matches!(
        lower.as_str(),
        "na" | "n/a"
            | "unused"
            | "unset"
            | "-"
            | "nope"
            | "bar"
            | "baz"
            | "qux"
            | "fail"
            | "failed"
            | "missing"
            | "unknown"
            | "disabled"
            | "invalid"
            | "error"
            | "empty"
            | "unconfigured"
            | "not_configured"
            | "not configured"
    ) || lower.starts_with("foo")
    {
        return true;
    }
    let words = [
        "your", "another", "change", "replace", "enter", "insert", "put-", "put_", "fill", "must",
    ];
    // `__MUST_BE_CHANGED__`, `--your-password--`: the same words, fenced.
    let unfenced = lower.trim_matches(|c| matches!(c, '_' | '-' | '*' | '#' | '%' | '@'));
    words.iter().any(|w| unfenced.starts_with(w))
        || [
            "changeme",
            "change-me",
            "change_me",
            "change me",
            "xxx",
            "***",
            "...",
            "todo",
            "tbd",
            "placeholder",
            "redacted",
            "example",
            "dummy",
            "fake",
            "notset",
            "not-set",
            // `sk_test_your_secret_key_here`: a provider's key prefix before the words.
            "your_",
            "your-",
            "_here",
            "none",
            "null",
            "undefined",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// `OPT_API_KEY = "LANGUAGETOOL_API_KEY"`: the upper-snake name of a credential setting of the
/// same kind as the key (both end in `API_KEY`), kept to look it up (`config.get(OPT_API_KEY)`),
/// not a credential. `RELAY_PASSWORD = "HUNTER_TWO_PASSWORD"` shares one word: a value.
fn names_a_setting(key: &str, value: &str) -> bool {
    let tail = |text: &str| -> Vec<String> {
        let words: Vec<String> = text
            .split('_')
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_uppercase)
            .collect();
        words[words.len().saturating_sub(2)..].to_vec()
    };
    let value_tail = tail(value);
    value_tail.len() == 2
        && value_tail == tail(key)
        && value != key
        && value
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && crate::model::config::is_credential_key(value)
}

/// `ACCESS_TOKEN = "access"`, `RESET_PASSWORD_TOKEN = "reset_pass"` (flask-jwt-auth-template's
/// `token_type` claim values): a lower-case label spelled from the other words of a `*_TOKEN`
/// name names a kind of token the code mints, not a token. Only for tokens: a
/// `POSTGRES_PASSWORD = "postgres"` spelled the same way is a real, guessable password.
///
/// Also a `*_SECRET` whose value is the other words in lower case, hyphenated, two or more
/// (Anubis's `GOOGLE_GMAIL_CREDS_SECRET = "google-gmail-creds"`): the name of a Kubernetes
/// Secret the code reads the credential from, spelled as such names are.
fn names_a_token_kind(key_words: &[&str], value: &str) -> bool {
    let kind_words = match key_words.split_last() {
        Some((&"TOKEN", kind_words)) => kind_words,
        Some((&"SECRET", kind_words))
            if value.contains('-') && value.split('-').filter(|w| !w.is_empty()).count() >= 2 =>
        {
            kind_words
        }
        _ => return false,
    };
    let label = value.len() <= 24
        && value.starts_with(|c: char| c.is_ascii_lowercase())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c == '-');
    label
        && value
            .split(['_', '-'])
            .filter(|w| !w.is_empty())
            .all(|word| {
                let upper = word.to_ascii_uppercase();
                kind_words
                    .iter()
                    .any(|kind| *kind == upper || (upper.len() >= 3 && kind.starts_with(&upper)))
            })
}

/// `EMAIL_PASSWORD = "emailaccountspassword"` (KosenCTFKit's config template): a value that
/// spells what belongs there, the setting's last word after another of its words and more
/// besides, in lower-case letters only. `DB_PASSWORD = "dbpassword"`, the name's words and
/// nothing more, is a real (guessable) password and stays reported.
fn describes_its_setting(key_words: &[&str], value: &str) -> bool {
    let Some((last, others)) = key_words.split_last() else {
        return false;
    };
    let last = last.to_ascii_lowercase();
    let spelled: usize = key_words.iter().map(|word| word.len()).sum();
    !last.is_empty()
        && value.chars().all(|c| c.is_ascii_lowercase())
        && value.len() > spelled
        && value.ends_with(&last)
        && others
            .iter()
            .filter(|word| word.len() >= 3)
            .any(|word| value[..value.len() - last.len()].contains(&word.to_ascii_lowercase()))
}

/// `EMPTY_PASSWORD = 'empty password'`, `INCORRECT_PASSWORD = 'incorrect password'`
/// (beryllium's error texts): the name's words, in order, written as a phrase with spaces,
/// the first saying what is wrong with a credential: a message the code answers with, not a
/// credential. `ADMIN_PASSWORD = 'admin password'` is a (guessable) password and stays reported.
fn reads_as_its_name(key_words: &[&str], value: &str) -> bool {
    let value_words: Vec<&str> = value.split(' ').collect();
    let states_a_fault = key_words.first().is_some_and(|first| {
        matches!(
            *first,
            "EMPTY"
                | "INCORRECT"
                | "INVALID"
                | "WRONG"
                | "WEAK"
                | "MISSING"
                | "EXPIRED"
                | "BAD"
                | "SHORT"
                | "UNKNOWN"
                | "MISMATCHED"
                | "NO"
        )
    });
    states_a_fault
        && value_words.len() >= 2
        && value_words.len() == key_words.len()
        && value_words
            .iter()
            .zip(key_words)
            .all(|(word, key_word)| !word.is_empty() && word.eq_ignore_ascii_case(key_word))
}

/// avwx-account's `MAIL_PASSWORD = "mail password"` beside `MAIL_USERNAME = "mail username"`:
/// the setting's own words, lower case, written as a phrase with spaces: the template's
/// description of what goes there. A credential the app presents to another service (a mail
/// server, an API) left so only fails to connect; a login the app itself checks
/// (`ADMIN_PASSWORD = "admin password"`) is a guessable password and stays reported.
fn phrases_its_name(key_words: &[&str], value: &str) -> bool {
    let checked_login = key_words.first().is_some_and(|first| {
        matches!(
            *first,
            "ADMIN"
                | "ROOT"
                | "SUPERUSER"
                | "USER"
                | "LOGIN"
                | "DEFAULT"
                | "BASIC"
                | "AUTH"
                | "APP"
                | "SITE"
                | "DASHBOARD"
                | "PANEL"
                | "MASTER"
        )
    });
    let value_words: Vec<&str> = value.split(' ').collect();
    !checked_login
        && value_words.len() >= 2
        && value_words.len() == key_words.len()
        && value.chars().all(|c| c.is_ascii_lowercase() || c == ' ')
        && value_words
            .iter()
            .zip(key_words)
            .all(|(word, key_word)| !word.is_empty() && word.eq_ignore_ascii_case(key_word))
}

/// Hofixxx's `RAZORPAY_KEY_SECRET = os.getenv(..., 'test_secret_key')`, `dev-api-key` for an
/// `API_KEY`: the setting's own words with a word saying it is a stand-in (`test`, `dev`,
/// `demo`, `sample`, `default`, `local`, `my`), lower case: a value left to be replaced, which
/// no provider issued. `POSTGRES_PASSWORD = "postgres"` has no such word and stays reported.
fn stands_in_for_its_setting(key_words: &[&str], value: &str) -> bool {
    const STAND_IN: &[&str] = &["test", "dev", "demo", "sample", "default", "local", "my"];
    if value.chars().any(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let words: Vec<&str> = value
        .split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .collect();
    let is_key_word = |word: &str| key_words.iter().any(|k| k.eq_ignore_ascii_case(word));
    words.len() >= 2
        && words.iter().all(|w| STAND_IN.contains(w) || is_key_word(w))
        && words.iter().any(|w| STAND_IN.contains(w))
        && words.iter().any(|w| is_key_word(w))
}

/// A key held by a key management service, named rather than written: a KMS alias
/// (`alias/auth`), an AWS ARN, a Google Cloud KMS resource name. Whoever reads it still needs
/// the cloud account's permission to use the key.
fn names_a_managed_key(value: &str) -> bool {
    let value = value.trim();
    value.starts_with("alias/")
        || value.starts_with("arn:aws:kms:")
        || (value.starts_with("projects/") && value.contains("/cryptoKeys/"))
}

fn is_loopback(host: &str) -> bool {
    // Inside a container, Docker's and Podman's names for the machine that runs it.
    matches!(
        host,
        "localhost"
            | "::1"
            | "0.0.0.0"
            | "host.docker.internal"
            | "gateway.docker.internal"
            | "docker.for.mac.localhost"
            | "docker.for.win.localhost"
            | "host.containers.internal"
    ) || host.starts_with("127.")
}

/// Whether a setting's value names this machine: `http://localhost:6013`, `127.0.0.1`,
/// `localhost:5432`.
fn names_this_machine(value: &str) -> bool {
    let value = value.trim();
    let authority = url_authority(value).unwrap_or(value);
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    is_loopback(&without_port(host).to_ascii_lowercase())
}

/// Said of a credential whose service the setting `host_setting` beside it puts on this
/// machine.
fn local_service_note(host_setting: &str) -> String {
    format!(
        " [`{host_setting}` beside it puts the service it logs in to on this machine: a development default, which only a local user reaches]"
    )
}

/// The settings that would say where a credential `key` logs in: for `DB_PASSWORD`,
/// `DB_HOST`; for `MYSQL_ROOT_PASSWORD`, `MYSQL_ROOT_HOST` then `MYSQL_HOST`; for
/// `TEMPLATE_PREVIEW_API_KEY`, `TEMPLATE_PREVIEW_API_HOST`; for a bare `PASSWORD`, `HOST`.
fn host_settings(key: &str) -> Vec<String> {
    let upper = key.to_ascii_uppercase();
    let Some(stem) = [
        "_PASSWORD",
        "_PASSWD",
        "_PASS",
        "_PWD",
        "_KEY",
        "_TOKEN",
        "_SECRET",
    ]
    .iter()
    .find_map(|suffix| upper.strip_suffix(suffix))
    .or_else(|| {
        ["PASSWORD", "PASSWD"]
            .contains(&upper.as_str())
            .then_some("")
    }) else {
        return Vec::new();
    };
    let mut stems = vec![stem.to_string()];
    let mut rest = stem;
    while let Some((shorter, _)) = rest.rsplit_once('_') {
        stems.push(shorter.to_string());
        rest = shorter;
    }
    stems
        .iter()
        .flat_map(|stem| {
            ["HOST", "HOSTNAME", "SERVER", "ADDR", "ADDRESS", "URL"]
                .iter()
                .map(move |what| match stem.is_empty() {
                    true => what.to_string(),
                    false => format!("{stem}_{what}"),
                })
        })
        .collect()
}

/// The setting beside `entry` (same module, same class, dict or config) saying the service the
/// credential logs in to is on this machine (`TEMPLATE_PREVIEW_API_HOST` defaulting to
/// `http://localhost:6013` beside `TEMPLATE_PREVIEW_API_KEY`): a development default, used only
/// where the deployment sets neither.
fn loopback_host_beside(checker: &Checker<'_, '_>, entry: &ConfigEntry<'_>) -> Option<String> {
    let config = &checker.project.config;
    // `Config.DB_PASSWORD` / `SETTINGS["MYSQL_PASSWORD"]`: its sibling is written the same way.
    let at = entry.display.to_ascii_uppercase().rfind(&entry.key)?;
    let prefix = entry.display.get(..at)?;
    let suffix = entry.display.get(at + entry.key.len()..)?;
    let module_scope = &checker.project.model.modules[entry.module].scope;
    host_settings(&entry.key).iter().find_map(|wanted| {
        let display = format!("{prefix}{wanted}{suffix}");
        // `HOST = config.get("MYSQL_HOST") or "127.0.0.1"` beside `PASSWORD = ...`: a module
        // constant the config model does not keep, its name no setting's.
        if prefix.is_empty()
            && suffix.is_empty()
            && let Some((_, bindings)) = module_scope
                .bindings
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(wanted))
            && let [crate::model::scope::Binding::Assign(value)] = bindings.as_slice()
            && written_default(value).is_some_and(names_this_machine)
        {
            return Some(wanted.clone());
        }
        config.entries_in(entry.module).iter().find_map(|sibling| {
            if sibling.key != *wanted || !sibling.display.eq_ignore_ascii_case(&display) {
                return None;
            }
            let literal = match &sibling.value {
                ConfigValue::Literal(literal) => literal,
                ConfigValue::Environment(lookup) => lookup.default.as_ref()?,
                _ => return None,
            };
            let text = literal_text(literal)?;
            names_this_machine(&text).then(|| sibling.display.clone())
        })
    })
}

/// The text a constant gets when nothing overrides it: `"127.0.0.1"`,
/// `config.get("MYSQL_HOST") or "127.0.0.1"`, `os.getenv("HOST", "localhost")`.
fn written_default(value: &Expr) -> Option<&str> {
    match value {
        Expr::StringLiteral(text) => Some(text.value.to_str()),
        Expr::BoolOp(operation) => written_default(operation.values.last()?),
        Expr::Call(call) => written_default(call.arguments.args.get(1)?),
        _ => None,
    }
}

/// What `value` under setting `key` holds, if anything worth reporting.
fn credential(key: &str, value: &str, extra: &[String]) -> Option<Credential> {
    if let Some((_, host)) = url_password(value) {
        return Some(Credential::InUrl { host });
    }
    let named = (is_credential_key(key) || extra.iter().any(|name| name == key))
        && !super::names_rather_than_holds(key, value);
    // A URL without a password under a credential-like name (`REDIS_TOKEN_URL`) is no secret.
    // `MYSQL_ALLOW_EMPTY_PASSWORD=yes`, `MYSQL_RANDOM_ROOT_PASSWORD=true`: switches, not secrets.
    // `VNC_NO_PASSWORD: "y"` (the Selenium images' switch).
    let switch = matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "yes" | "no" | "y" | "n" | "true" | "false" | "1" | "0" | "on" | "off"
    );
    // `MULTISTEP_MERGE_SUPPORT_TOKEN = b"fuzz target overwrites its const input"`
    // (clusterfuzz: a marker searched for in binaries): tokens and keys are never phrases; a
    // password may be one.
    let upper_key = key.to_ascii_uppercase();
    let phrase = value.split_whitespace().count() >= 3
        && (upper_key.ends_with("TOKEN") || upper_key.ends_with("KEY"));
    // `SPLUNK_HEC_TOKEN: token` (packit's and dojo's compose files): the value is the kind of
    // credential the key names, written where one is to be filled in.
    let names_its_kind = upper_key.rsplit('_').next().is_some_and(|kind| {
        matches!(kind, "TOKEN" | "KEY" | "SECRET") && value.eq_ignore_ascii_case(kind)
    });
    // `LDAP_WRITE_ATTR_PASSWORD = 'userPassword'` (pyfedi), `PASSWORD_FIELD`, `TOKEN_HEADER`:
    // the name of where a credential is kept or sent, not the credential.
    let words: Vec<&str> = upper_key.split('_').collect();
    // `_DESC_INVALID_TOKEN = "Token inválido"`, `INVALID_PASSWORD_MSG` (flask-expenses-manager's
    // OpenAPI texts): what the project says about a credential, not one.
    let names_a_text = words.iter().any(|word| {
        matches!(
            *word,
            "DESC" | "DESCRIPTION" | "MSG" | "MESSAGE" | "TEXT" | "LABEL" | "TITLE" | "HINT"
        )
    });
    // Oppleo's `__INI_HOMEASSISTANT_MQTT_PASSWORD = 'homeassisitant_mqtt_password'`: the name
    // of an option of an INI file, which holds the password.
    let names_a_place = words.iter().any(|word| {
        matches!(
            *word,
            "ATTR" | "ATTRIBUTE" | "ATTRS" | "ATTRIBUTES" | "INI" | "OPTION"
        )
    }) || words
        .last()
        .is_some_and(|word| matches!(*word, "FIELD" | "COLUMN" | "PARAM" | "HEADER"));
    let plain = !value.contains("://")
        && !names_a_place
        && !names_a_text
        && !phrase
        && !unlike_the_named_service(&upper_key, value)
        && !expired_token(value)
        && !names_its_kind
        && !is_pattern(&upper_key, value)
        && !is_filled_in(value)
        && !is_placeholder(value)
        && !switch
        && !names_a_setting(key, value)
        && !names_a_token_kind(&words, value)
        && !describes_its_setting(&words, value)
        && !reads_as_its_name(&words, value)
        && !phrases_its_name(&words, value)
        && !stands_in_for_its_setting(&words, value)
        && !names_a_managed_key(value);
    (named && plain && !value.trim().is_empty()).then_some(Credential::Named)
}

/// A JWT whose `exp` has passed: a sample token in API documentation (DMS-Backend's
/// `SAMPLE_ACCESS_TOKEN`, expired in 2018) opens nothing.
fn expired_token(value: &str) -> bool {
    let mut parts = value.trim().split('.');
    let (Some(header), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    if !header.starts_with("eyJ") {
        return false;
    }
    let Some(claims) = base64url_decode(payload)
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
    else {
        return false;
    };
    let Some(expiry) = claims.get("exp").and_then(serde_json::Value::as_f64) else {
        return false;
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs_f64())
        .unwrap_or(0.0);
    expiry < now
}

/// Unpadded (or padded) base64url, as JWT segments are written; `None` on any other byte.
fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let mut bits: u32 = 0;
    let mut count = 0;
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for byte in text.trim_end_matches('=').bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}

/// A value of an AWS secret setting that no AWS secret looks like: secret access keys are 40
/// characters of base64. arXiv's `os.environ.get('AWS_SECRET_ACCESS_KEY', 'nope')` falls back
/// to a word that signs nothing; a real key committed by mistake has the service's shape.
fn unlike_the_named_service(upper_key: &str, value: &str) -> bool {
    let value = value.trim();
    if upper_key.ends_with("AWS_SECRET_ACCESS_KEY") {
        return !(value.len() == 40
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '/' || c == '+'));
    }
    false
}

/// `REGEX_HTTP_CAMERA_USER_PASS = r"user=[a-zA-Z0-9_-]+&password=[\S]+"` (frigate): a pattern
/// that finds credentials, named for what it matches, not a credential.
fn is_pattern(upper_key: &str, value: &str) -> bool {
    let named = upper_key
        .split('_')
        .any(|word| matches!(word, "REGEX" | "REGEXP" | "RE" | "PATTERN" | "PATTERNS"));
    let regex_syntax = [
        "\\S", "\\s", "\\d", "\\w", "[^", "(?", "]+", "]*", ".*", ".+", "\\/",
    ]
    .iter()
    .any(|syntax| value.contains(syntax));
    named && regex_syntax
}

/// Passwords that installers, images and tutorials ship with: whoever reaches the service tries
/// them first, so writing one down discloses little.
fn is_default_password(password: &str, user: Option<&str>) -> bool {
    let lower = password.to_ascii_lowercase();
    user.is_some_and(|user| user.eq_ignore_ascii_case(password))
        || matches!(
            lower.as_str(),
            "postgres"
                | "password"
                | "passw0rd"
                | "p@ssw0rd"
                | "p@ssword"
                | "pass"
                | "root"
                | "admin"
                | "guest"
                | "secret"
                | "test"
                | "testing"
                | "dev"
                | "mysql"
                | "redis"
                | "rabbitmq"
                | "mongo"
                | "mongodb"
                | "example"
                | "123456"
                | "12345678"
                | "qwerty"
                | "toor"
                | "default"
        )
}

/// The user of a URL's credentials.
fn url_user(text: &str) -> Option<&str> {
    let (userinfo, _) = url_authority(text)?.rsplit_once('@')?;
    userinfo.split_once(':').map(|(user, _)| user)
}

/// How much a credential weighs, and why it weighs less.
fn weigh(credential: &Credential, key: &str, value: &str) -> (Option<Severity>, Option<String>) {
    let default = |password: &str, user: Option<&str>| {
        is_default_password(password, user).then(|| {
            (
                Some(Severity::Low),
                Some(format!(
                    " [`{password}` is a default password: whoever reaches the service tries it first; the deployment must set its own]"
                )),
            )
        })
    };
    match credential {
        Credential::InUrl { host } if is_loopback(host) => (
            Some(Severity::Low),
            Some(format!(
                " [it logs in to `{host}`, a service on the same machine, which only a local user reaches]"
            )),
        ),
        Credential::InUrl { .. } => url_password(value)
            .and_then(|(password, _)| default(password, url_user(value)))
            .unwrap_or((None, None)),
        Credential::Named if is_salt(key) => (
            Some(Severity::Low),
            Some(format!(
                " [`{key}` is a salt: it keeps hashes and tokens apart, and forging one still needs the `SECRET_KEY`]"
            )),
        ),
        // A default password under an application setting (`ADMIN_PASSWORD`) is the password
        // the app creates or checks accounts with: not lowered. Settings files lower it
        // (`check_settings_files`): there it configures infrastructure such as a database
        // container; so does a setting that logs in to a service (`MAIL_PASSWORD = "password"`
        // beside `MAIL_SERVER = "smtp.example.com"`, Security Monkey's template).
        Credential::Named if is_service_login(key) => default(value, None).unwrap_or((None, None)),
        Credential::Named => (None, None),
    }
}

/// `weigh`, plus the default-password lowering for named credentials in settings files
/// (`POSTGRES_PASSWORD: postgres` in a compose file).
fn weigh_in_file(
    credential: &Credential,
    key: &str,
    value: &str,
) -> (Option<Severity>, Option<String>) {
    match credential {
        Credential::Named if is_default_password(value, None) && !is_salt(key) => (
            Some(Severity::Low),
            Some(format!(
                " [`{value}` is a default password: whoever reaches the service tries it first; the deployment must set its own]"
            )),
        ),
        _ => weigh(credential, key, value),
    }
}

/// A setting the app logs in to another service with (`MAIL_PASSWORD`, `DB_PASSWORD`,
/// `CREDENTIALS_PROXY_PASSWORD`), not one it checks its own users against.
fn is_service_login(key: &str) -> bool {
    crate::model::context::words(key).iter().any(|word| {
        matches!(
            word.as_str(),
            "mail"
                | "smtp"
                | "email"
                | "db"
                | "database"
                | "postgres"
                | "postgresql"
                | "pg"
                | "mysql"
                | "mariadb"
                | "redis"
                | "mongo"
                | "mongodb"
                | "rabbitmq"
                | "amqp"
                | "broker"
                | "celery"
                | "cache"
                | "proxy"
                | "neo4j"
                | "elasticsearch"
                | "ldap"
        )
    })
}

/// `SECURITY_PASSWORD_SALT`: Flask-Security mixes it into password hashes and confirmation
/// tokens, which the `SECRET_KEY` signs; written down, it lets no one in.
fn is_salt(key: &str) -> bool {
    key.to_ascii_uppercase().ends_with("_SALT")
}

fn describe(credential: &Credential, what: &str, written_in: &str) -> String {
    match credential {
        Credential::InUrl { host } => {
            format!("{what} holds a password for `{host}` written in the URL")
        }
        Credential::Named => format!("{what} is a credential written in {written_in}"),
    }
}

/// `COOKIE_SPA_TOKEN = "linkr-spa-token"`, then `request.cookies.get(COOKIE_SPA_TOKEN)` and
/// `resp.set_cookie(COOKIE_SPA_TOKEN, new_token)` in the same module: the constant is the name a
/// cookie, header, form field or session entry is kept under; the credential is what is stored
/// there, not the name.
fn names_a_request_entry(checker: &Checker<'_, '_>, name: &str) -> bool {
    checker.file.calls.iter().any(|fact| {
        let call = fact.call;
        let Expr::Attribute(method) = call.func.as_ref() else {
            return false;
        };
        if !matches!(call.arguments.args.first(), Some(Expr::Name(n)) if n.id.as_str() == name) {
            return false;
        }
        match method.attr.as_str() {
            "set_cookie" | "delete_cookie" => true,
            "get" | "pop" | "setdefault" => match method.value.as_ref() {
                Expr::Attribute(container) => matches!(
                    container.attr.as_str(),
                    "cookies" | "headers" | "args" | "form" | "values"
                ),
                Expr::Name(container) => container.id.as_str() == "session",
                _ => false,
            },
            _ => false,
        }
    })
}

fn check(checker: &mut Checker<'_, '_>) {
    let module = checker.file.module;
    let config = &checker.project.config;
    if config.skips_secrets_in(module) {
        return;
    }
    let extra = &checker.options.credential_settings;
    // A literal used as a signing key is FL301/FL302's, whatever its name.
    let mut seen: HashSet<TextRange> = config
        .secrets
        .iter()
        .filter(|site| site.module == module)
        .map(|site| site.range)
        .collect();
    for entry in config
        .entries_written_in(module)
        .iter()
        .map(|&index| &config.entries[index])
    {
        // `SQLALCHEMY_BINDS = {"users": "postgresql://app:pw@db/users"}`.
        if let Expr::Dict(dict) = entry.expr {
            if entry.module != module {
                continue;
            }
            for item in &dict.items {
                let Expr::StringLiteral(text) = &item.value else {
                    continue;
                };
                let value = text.value.to_str();
                // A dict's entries are judged by their own keys: `{"users": "postgresql://...
                // :pw@db"}` holds a password in a URL whatever its key, but the strings of a
                // schema entry (`CONFIG_SCHEMA["LDAP_ADMIN_PASSWD"] = {"type": "string",
                // "description": ...}`, quay) are not the credential the outer name promises.
                let found = match credential(&entry.key, value, extra) {
                    Some(Credential::Named) => match &item.key {
                        Some(Expr::StringLiteral(key)) => {
                            credential(key.value.to_str(), value, extra)
                                .filter(|c| matches!(c, Credential::Named))
                        }
                        _ => None,
                    },
                    other => other,
                };
                if let Some(found) = found
                    && seen.insert(item.value.range())
                {
                    let what = format!("`{}`", entry.display);
                    let place = Place {
                        range: item.value.range(),
                        key: &entry.key,
                        what: &what,
                        dev_only: entry.dev_only,
                        variable: None,
                        local_service: None,
                        place_note: None,
                    };
                    report(checker, &found, value, place, None);
                }
            }
            continue;
        }
        let (literal, fallback) = match &entry.value {
            ConfigValue::Literal(literal) => (literal, None),
            ConfigValue::Environment(lookup) => match &lookup.default {
                Some(literal) => (literal, Some(lookup)),
                None => continue,
            },
            _ => continue,
        };
        if literal.module != module {
            continue;
        }
        let Some(value) = literal_text(literal) else {
            continue;
        };
        let Some(found) = credential(&entry.key, &value, extra) else {
            continue;
        };
        if names_a_request_entry(checker, &entry.key) || !seen.insert(literal.range) {
            continue;
        }
        let mut what = format!("`{}`", entry.display);
        if let Some(lookup) = fallback {
            let variable = lookup.variable.as_deref().unwrap_or(&entry.key);
            what = format!("{what} falls back, when `{variable}` is unset, to a literal that");
        }
        let site = SecretSite {
            module,
            range: literal.range,
            bytes: value.as_bytes().to_vec(),
            used_as: what.clone(),
            variable: fallback
                .and_then(|l| l.variable.clone())
                .unwrap_or_else(|| entry.key.clone()),
            setting: entry.key.clone(),
            fallback: fallback.is_some(),
            lookup: fallback
                .map(|l| l.range)
                .filter(|r| r.contains_range(literal.range)),
            startup_guard: None,
            flask_key_set_in: None,
            replaced_at: None,
        };
        let fix = environment_fix(checker, &site);
        let place = Place {
            range: literal.range,
            key: &entry.key,
            what: &what,
            dev_only: entry.dev_only,
            variable: Some(&site.variable),
            local_service: loopback_host_beside(checker, entry),
            place_note: (entry.origin == Origin::CodeConstant
                && names_application_key(&entry.key)
                && !is_provider_key(&value))
            .then(|| CODE_CONSTANT_NOTE.to_string()),
        };
        report(checker, &found, &value, place, fix);
    }
    for connection in config.connections.iter().filter(|c| c.module == module) {
        let what = format!("the `{}` call", connection.callee);
        if let Some(ConfigValue::Literal(literal)) = &connection.url
            && literal.module == module
            && let Some(value) = literal_text(literal)
            && let Some(found @ Credential::InUrl { .. }) = credential("", &value, extra)
            && seen.insert(literal.range)
        {
            let place = Place {
                range: literal.range,
                key: "",
                what: &what,
                dev_only: connection.dev_only,
                variable: None,
                local_service: None,
                place_note: None,
            };
            report(checker, &found, &value, place, None);
        }
        if let Some(ConfigValue::Literal(literal)) = &connection.password
            && literal.module == module
            && let Some(value) = literal_text(literal)
            && !value.is_empty()
            && !is_placeholder(&value)
            && seen.insert(literal.range)
        {
            let what = format!("the `password=` of {what}");
            // `psycopg2.connect(user="insights", password="insights")`: the image's or the
            // installer's login, which whoever reaches the service tries first.
            let user = match &connection.user {
                Some(ConfigValue::Literal(user)) => literal_text(user),
                _ => None,
            };
            let place_note = is_default_password(&value, user.as_deref()).then(|| {
                format!(
                    " [`{value}` is a default password: whoever reaches the service tries it first; the deployment must set its own]"
                )
            });
            // spudooli's cron scripts: `mysql.connector.connect(host="localhost", user="root",
            // password=...)`, as a `MYSQL_HOST = "localhost"` setting beside a password is.
            let local_service = match &connection.host {
                Some(ConfigValue::Literal(host)) => literal_text(host)
                    .filter(|host| names_this_machine(host))
                    .map(|host| format!("host=\"{host}\"")),
                _ => None,
            };
            let place = Place {
                range: literal.range,
                key: "",
                what: &what,
                dev_only: connection.dev_only,
                variable: None,
                local_service,
                place_note,
            };
            report(checker, &Credential::Named, &value, place, None);
        }
    }
    check_seeded_passwords(checker);
}

/// How many accounts with written passwords a script's top-level code makes before it is taken
/// for sample data rather than an operator's bootstrap.
const SAMPLE_POPULATION: usize = 3;

/// Words of a script's name that say it fills a database with sample data for development.
const SAMPLE_DATA_WORDS: &[&str] = &[
    "seed", "seeds", "seeder", "sample", "samples", "dummy", "demo", "fixture", "fixtures", "fake",
    "fakes", "mock",
];

/// An account created with a password written in the source: `generate_password_hash("admin123")`
/// (werkzeug, Flask-Bcrypt) with a literal, outside tests (hms's `init_db.py` seeding `admin` / `admin123`, a charity app's factory creating its
/// administrator with `'12'`). Whoever reads the code logs in as that account until someone
/// changes the password. A hash made to compare against when no account matches (a `dummy`
/// hash that evens out the timing of a failed login) opens nothing.
fn check_seeded_passwords(checker: &mut Checker<'_, '_>) {
    let file = checker.file;
    let path = &checker.source.path;
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().to_string())
        .unwrap_or_default();
    // `scripts/seed_local.py`, `modules/fixtures/users.py`: the script or its folder. Asked
    // only of a file that seeds an account (every checked file comes here).
    let sample_script = std::cell::OnceCell::new();
    let is_sample_script = || {
        *sample_script.get_or_init(|| {
            path.iter()
                .rev()
                .take(3)
                .flat_map(|part| crate::model::context::words(&part.to_string_lossy()))
                .any(|word| {
                    // canaille's `dev/devapp.py`, tcz-server's `scripts/dev/create_test_user.py`.
                    SAMPLE_DATA_WORDS.contains(&word.as_str()) || word == "dev" || word == "test"
                })
        })
    };
    // flask-shop's `random_data.py` makes its orders, addresses and staff with Faker: a module
    // that fills a database with made-up records.
    let fakes_data = std::cell::OnceCell::new();
    let makes_fake_data = || {
        *fakes_data.get_or_init(|| {
            crate::model::imports::sites(checker.source)
                .iter()
                .any(|site| {
                    let top = site.module.split('.').next().unwrap_or_default();
                    matches!(top, "faker" | "mimesis")
                })
        })
    };
    let mut found: Vec<(TextRange, Option<String>, Option<String>, bool)> = Vec::new();
    let mut sample_functions: Vec<(TextRange, Option<TextRange>)> = Vec::new();
    for fact in file.calls.iter() {
        let call = fact.call;
        let Some(password) = literal_account_password(call)
            .or_else(|| positional_account_password(checker, call, fact.callee))
        else {
            continue;
        };
        let value = password.value.to_str();
        if value.is_empty()
            || is_placeholder(value)
            || is_filled_in(value)
            || file.context.is_test(call.range())
            || evens_out_timing(checker, call)
        {
            continue;
        }
        let why_low = if let Some(development) = file.context.development_at(call.range()) {
            Some(format!(" [development only: {}]", development.describe()))
        } else if is_sample_script() {
            Some(format!(
                " [low: `{stem}` is named, or lies in a folder named, for sample data or development: a script that fills a development database; if it runs against production, this is medium]"
            ))
        } else if makes_fake_data() {
            Some(format!(
                " [low: `{stem}` makes made-up records with a fake-data library (Faker): it fills a development database; if it runs against production, this is medium]"
            ))
        } else if super::never_runs(checker, file.module) {
            Some(format!(
                " [low: no module imports `{stem}` and it runs nothing by itself: the account is never created unless someone calls it]"
            ))
        } else if let Some(function) = fact.function.filter(|f| drops_every_table(&f.body)) {
            Some(format!(
                " [low: `{}` drops every table before it makes the account: a reset of a development database, which no one runs against production's data]",
                function.name
            ))
        } else {
            sample_data_function(checker, call.range()).map(|function| {
                format!(
                    " [low: `{function}` is named for test or sample data: it fills a development database; if it runs against production, this is medium]"
                )
            })
        };
        // Huutokauppa's first request creates `admin@email.com` / `based_god` and sets
        // `is_admin = True` beside it: a known login to the administration of every deployment.
        let privilege = match (&why_low, fact.function) {
            (None, Some(function)) => {
                crate::model::routes::grants_privilege_to(&function.body, call)
            }
            _ => None,
        };
        if why_low.is_some() {
            sample_functions.push((password.range(), fact.function.map(Ranged::range)));
        }
        found.push((
            password.range(),
            why_low,
            privilege,
            fact.function.is_none(),
        ));
    }
    // flask-shop's `create_admin()` seeds admin/admin, op/op and editor/editor: one cause, one
    // finding, listing the other lines.
    let mut functions: Vec<TextRange> = sample_functions.iter().filter_map(|(_, f)| *f).collect();
    functions.sort_unstable_by_key(|function| (function.start(), function.end()));
    functions.dedup();
    for function in functions {
        let same: Vec<TextRange> = sample_functions
            .iter()
            .filter(|(_, other)| *other == Some(function))
            .map(|(range, _)| *range)
            .collect();
        if same.len() < SAMPLE_POPULATION {
            continue;
        }
        let lines = fold_into_first(&mut found, &same, checker);
        if let Some((_, Some(why_low), ..)) = found.iter_mut().find(|(range, ..)| *range == same[0])
        {
            why_low.push_str(&format!(
                " [the same function makes {} accounts with written passwords: also lines {lines}]",
                same.len(),
            ));
        }
    }
    // RestaurantSystem's `create_db.py` (ten customers, managers and cooks, each with its own
    // name as password), naijaeats's `init_db.py` (three sample restaurants): a script nothing
    // imports that makes three or more accounts in its top-level code fills a database with
    // sample users. One finding for the script, low, listing the other accounts' lines; an
    // operator's bootstrap makes one or two (an administrator, a first staff account).
    let top_level: Vec<TextRange> = found
        .iter()
        .filter(|(_, why_low, _, top_level)| why_low.is_none() && *top_level)
        .map(|(range, ..)| *range)
        .collect();
    if top_level.len() >= SAMPLE_POPULATION && !checker.project.apps.is_imported(file.module) {
        let lines = fold_into_first(&mut found, &top_level, checker);
        if let Some(first) = found.iter_mut().find(|(range, ..)| *range == top_level[0]) {
            first.1 = Some(format!(
                " [low: `{stem}` makes {} accounts with written passwords in its top-level code (also lines {lines}) and nothing imports it: a script that fills a database with sample users; if it runs against production, this is medium]",
                top_level.len(),
            ));
        }
    }
    for (range, why_low, privilege, _) in found {
        let text = checker.source.slice(range).to_string();
        let diagnostic = checker.report(
            range,
            format!(
                "an account is given the password {text}, written in the source: anyone who can read the code can log in with it until it is changed{}",
                why_low.as_deref().unwrap_or("")
            ),
            "create the first account with a password read from the environment, or generate one (`secrets.token_urlsafe()`) and show it once; require a change at first login".to_string(),
        );
        if let Some(what) = &privilege {
            diagnostic.message.push_str(&format!(
                " [high: the same function {what}: the known login is an administrator's]"
            ));
        }
        diagnostic.severity = Some(if why_low.is_some() {
            Severity::Low
        } else if privilege.is_some() {
            Severity::High
        } else {
            Severity::Medium
        });
    }
}

/// Keeps the first of `members` (the accounts of one sample population) among the seeded
/// accounts found and drops the others: one cause, one finding. The others' line numbers, for
/// the kept finding's message.
fn fold_into_first(
    found: &mut Vec<(TextRange, Option<String>, Option<String>, bool)>,
    members: &[TextRange],
    checker: &Checker<'_, '_>,
) -> String {
    let others = members.get(1..).unwrap_or_default();
    found.retain(|(range, ..)| !others.contains(range));
    others
        .iter()
        .map(|range| checker.source.position(range.start()).line.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The innermost function around `range` when its name says it makes test or sample data
/// (flaskbb's `create_test_data`, `seed_users`, `make_demo_accounts`).
fn sample_data_function(checker: &Checker<'_, '_>, range: TextRange) -> Option<String> {
    let (definition, _) = checker
        .file
        .function_scopes
        .iter()
        .filter(|(definition, _)| definition.contains_range(range))
        .min_by_key(|(definition, _)| definition.len())?;
    let text = checker.source.slice(*definition);
    let after_def = &text[text.find("def ")? + 4..];
    let name = after_def[..after_def.find('(')?].trim();
    crate::model::context::words(name)
        .iter()
        .any(|word| SAMPLE_DATA_WORDS.contains(&word.as_str()) || word == "test")
        .then(|| name.to_string())
}

/// Keyword arguments that carry an account's password.
const PASSWORD_KEYWORDS: &[&str] = &["password", "passwd", "pwd"];

/// `db.drop_all()`: the function wipes the database first (RostrApp's `initialize()`, behind
/// `flask init`, then seeds bob/bobpass and jane/janepass).
fn drops_every_table(body: &[ruff_python_ast::Stmt]) -> bool {
    crate::model::routes::any_expr(
        body,
        &mut |expr| matches!(expr, Expr::Call(call) if crate::model::records::wipes_every_table(&call.func)),
    )
}

/// The literal a call of a project function that creates an account passes by position to its
/// parameter named for the password: HealthPlus's start-up runs `staff_accounts.create('admin',
/// 'admin', 'John', 'Smith', '123')` against `def create(role, staff_id, first_name, last_name,
/// password)`.
fn positional_account_password<'a>(
    checker: &Checker<'_, 'a>,
    call: &'a ruff_python_ast::ExprCall,
    qualified: Option<&str>,
) -> Option<&'a ruff_python_ast::ExprStringLiteral> {
    let callee = crate::model::exceptions::last_segment(&call.func)?;
    let receiver = match call.func.as_ref() {
        Expr::Attribute(attribute) => crate::model::exceptions::last_segment(&attribute.value),
        _ => None,
    };
    if call.arguments.args.is_empty() || !creates_account(callee, receiver) {
        return None;
    }
    let model = &checker.project.model;
    let (module, name) = model.split_module(qualified?)?;
    let function = model.modules[module]
        .file
        .module()
        .body
        .iter()
        .find_map(|stmt| match stmt {
            ruff_python_ast::Stmt::FunctionDef(def) if def.name.as_str() == name => Some(def),
            _ => None,
        })?;
    let position = function
        .parameters
        .posonlyargs
        .iter()
        .chain(&function.parameters.args)
        .position(|parameter| PASSWORD_KEYWORDS.contains(&parameter.name().as_str()))?;
    call.arguments.args.get(position)?.as_string_literal_expr()
}

/// The literal password a call gives an account: hashed for it (`generate_password_hash("x")`,
/// werkzeug's and Flask-Bcrypt's name only: Flask-Security's own `hash_password(
/// "not-a-password")` fills the column of a passwordless account), set on it
/// (`admin.set_password("admin123")`, safedrive's seed), or passed to what makes it
/// (`Admin(username="admin", password_hash="admin123")`, taxibook's start-up;
/// `User.create(username="admin", password="admin")`, yamakanban's;
/// `user_datastore.create_user(..., password="x")`).
fn literal_account_password(
    call: &ruff_python_ast::ExprCall,
) -> Option<&ruff_python_ast::ExprStringLiteral> {
    // Not `password_hash=`: a literal there is a marker more often than a password (WorkZen's
    // `password_hash='google_oauth'` for accounts that sign in through Google, which no
    // password matches).
    let callee = crate::model::exceptions::last_segment(&call.func)?;
    let first_literal = || match call.arguments.args.first() {
        Some(Expr::StringLiteral(password)) => Some(password),
        _ => None,
    };
    // canaille's permission check makes `User(user_name=f"canaille_{uuid.uuid4()}", password=
    // "...")` and deletes it: an account named at random is none anyone logs in as.
    let named_at_random = call.arguments.keywords.iter().any(|keyword| {
        crate::model::routes::expr_contains(&keyword.value, &mut |e| {
            matches!(e, Expr::Call(inner) if crate::model::exceptions::last_segment(&inner.func)
                .is_some_and(|name| name.starts_with("uuid") || name.starts_with("token_") || name.starts_with("rand")))
        })
    });
    let keyword_literal = || {
        if named_at_random {
            return None;
        }
        call.arguments.keywords.iter().find_map(|keyword| {
            let name = keyword.arg.as_ref()?.as_str();
            match &keyword.value {
                Expr::StringLiteral(password) if PASSWORD_KEYWORDS.contains(&name) => {
                    Some(password)
                }
                _ => None,
            }
        })
    };
    match callee {
        "generate_password_hash" => first_literal(),
        "set_password" => first_literal().or_else(keyword_literal),
        _ => {
            let receiver = match call.func.as_ref() {
                Expr::Attribute(attribute) => {
                    crate::model::exceptions::last_segment(&attribute.value)
                }
                _ => None,
            };
            let constructs_account =
                callee.starts_with(|c: char| c.is_ascii_uppercase()) && names_account(callee);
            (constructs_account || creates_account(callee, receiver))
                .then(keyword_literal)
                .flatten()
        }
    }
}

/// `DUMMY_HASH = generate_password_hash("dummy")`, or the hash handed straight to
/// `check_password_hash`: a hash to compare against when no account matches, so a failed login
/// takes as long as a wrong password.
fn evens_out_timing(checker: &Checker<'_, '_>, call: &ruff_python_ast::ExprCall) -> bool {
    let text: &str = &checker.source.text;
    let start = usize::from(call.range().start());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = text[line_start..start].to_ascii_lowercase();
    ["dummy", "fake", "timing", "check_password_hash", "verify"]
        .iter()
        .any(|word| before.contains(word))
}

/// Why an application key written as a constant outside the settings weighs less.
const CODE_CONSTANT_NOTE: &str = " [low: an API key written as a constant of the code, not a setting of the app: most often the code's own key for a public API, shipped with every copy by design (an installed app's OAuth consumer key, an AcoustID application key); if the service uses it as its own secret, read it from the environment]";

/// `API_KEY`, `API_SECRET`, `CONSUMER_KEY`, `CLIENT_SECRET`, `APP_TOKEN`: the key an application
/// presents to another service's API, not the password of an account (`SMTP_PASSWORD`).
fn names_application_key(key: &str) -> bool {
    let words = crate::model::context::words(key);
    let names_api = words
        .iter()
        .any(|w| matches!(w.as_str(), "api" | "apikey" | "consumer" | "client" | "app"));
    let names_key = words
        .iter()
        .any(|w| matches!(w.as_str(), "key" | "apikey" | "secret" | "token"));
    let names_password = words
        .iter()
        .any(|w| matches!(w.as_str(), "password" | "passwd" | "pwd" | "pass"));
    names_api && names_key && !names_password
}

/// A value shaped like a live key of a known provider (Stripe's `sk_live_`, AWS's `AKIA`,
/// GitHub's `ghp_`, Slack's `xoxb-`, GitLab's `glpat-`, a PEM private key): a secret wherever
/// it is written, and never a client's public key.
fn is_provider_key(value: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "sk_live_",
        "rk_live_",
        // OpenAI's and Anthropic's server keys.
        "sk-proj-",
        "sk-ant-",
        "ghp_",
        "gho_",
        "ghs_",
        "github_pat_",
        "glpat-",
        "xoxb-",
        "xoxp-",
        "xoxa-",
        "-----BEGIN",
    ];
    let value = value.trim();
    PREFIXES.iter().any(|prefix| value.starts_with(prefix))
        || (value.len() == 20
            && (value.starts_with("AKIA") || value.starts_with("ASIA"))
            && value
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
}

fn literal_text(literal: &Literal) -> Option<String> {
    let bytes = literal.bytes.as_ref()?;
    Some(String::from_utf8_lossy(bytes).into_owned())
}

/// The user a module constant pairs with a password (`MISP_USER` beside `MISP_PASSWD`), when it
/// is an address at a domain reserved for tests and examples (RFC 2606 and 6761:
/// `admin@admin.test`, `user@example.com`): misp-dashboard's diagnostic script logs in with
/// MISP's documented factory default, which is no one's account.
fn reserved_domain_user(checker: &Checker<'_, '_>, key: &str) -> Option<String> {
    let upper = key.to_ascii_uppercase();
    let stem = ["_PASSWORD", "_PASSWD", "_PASS", "_PWD"]
        .iter()
        .find_map(|suffix| upper.strip_suffix(suffix))?;
    let scope = &checker.project.model.modules[checker.file.module].scope;
    ["_USER", "_USERNAME", "_EMAIL", "_LOGIN"]
        .iter()
        .find_map(|suffix| {
            let sibling = format!("{stem}{suffix}");
            let (_, bindings) = scope
                .bindings
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(&sibling))?;
            match bindings.as_slice() {
                [crate::model::scope::Binding::Assign(Expr::StringLiteral(text))] => {
                    Some(text.value.to_str().to_string())
                }
                _ => None,
            }
        })
        .filter(|user| {
            let domain = user
                .rsplit_once('@')
                .map_or("", |(_, d)| d)
                .to_ascii_lowercase();
            [".test", ".example", ".invalid", ".localhost"]
                .iter()
                .any(|tld| domain.ends_with(tld))
                || ["example.com", "example.org", "example.net"]
                    .iter()
                    .any(|d| domain == *d || domain.ends_with(&format!(".{d}")))
        })
}

/// Where a credential is written and how the message names it.
struct Place<'w> {
    range: TextRange,
    /// The setting's name (`MAIL_PASSWORD`); empty for a call's argument.
    key: &'w str,
    /// `` `ProdConfig.MAIL_PASSWORD` ``
    what: &'w str,
    dev_only: bool,
    /// The environment variable a fix reads instead.
    variable: Option<&'w str>,
    /// The setting beside it that puts the service it logs in to on this machine.
    local_service: Option<String>,
    /// Why the place itself makes the credential weigh less (low), when nothing about the
    /// value does: a constant of the code rather than a setting, a connection's default login.
    place_note: Option<String>,
}

/// Where the project checks a stored password against the constant itself
/// (`bcrypt.check_password_hash(current_password_hash, DEFAULT_PASSWORD)` in hashview's
/// `admin_pass_needs_changed`): a default it looks for is one it replaces. Only a constant
/// name (upper case with `_`) is looked for, on a line calling a password check.
fn checked_to_force_a_change(checker: &Checker<'_, '_>, key: &str) -> Option<String> {
    if key.len() < 4 || !key.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
        return None;
    }
    const CHECKS: &[&str] = &[
        "check_password_hash(",
        "check_password(",
        "verify_password(",
        "checkpw(",
        "verify(",
    ];
    checker.project.model.modules.iter().find_map(|module| {
        let text = &module.file.text[..];
        crate::model::references::code_mentions(text, key).find_map(|at| {
            let before = &text[super::line_around(text, at).0..at];
            CHECKS.iter().any(|call| before.contains(call)).then(|| {
                let line = module
                    .file
                    .position(ruff_text_size::TextSize::try_from(at).unwrap_or_default())
                    .line;
                format!("{}:{line}", module.file.display_path())
            })
        })
    })
}

fn report(
    checker: &mut Checker<'_, '_>,
    found: &Credential,
    value: &str,
    place: Place<'_>,
    fix: Option<super::Fix>,
) {
    let Place {
        range,
        key,
        what,
        dev_only,
        variable,
        local_service,
        place_note,
    } = place;
    let (mut severity, mut note) = weigh(found, key, value);
    if severity.is_none()
        && let Some(host_setting) = local_service
    {
        severity = Some(Severity::Low);
        note = Some(local_service_note(&host_setting));
    }
    // Huutokauppa's `postgresql://postgres:...@huutokauppa_postgres:5432/postgres`: the host is
    // a service of the project's compose file that publishes no port, as the compose file's own
    // `POSTGRES_PASSWORD` says (low there too).
    if severity.is_none()
        && !dev_only
        && let Credential::InUrl { host } = found
        && let Some((service, compose)) = unpublished_compose_service(checker, host)
    {
        severity = Some(Severity::Low);
        note = Some(format!(
            " [it opens `{service}`, a service of `{compose}` that publishes no port: only the other containers of that compose file reach it]"
        ));
    }
    if severity.is_none()
        && let Some(place_note) = place_note
    {
        severity = Some(Severity::Low);
        note = Some(place_note);
    }
    // Bandit's `# nosec` on the line: the project looked at this value and keeps it on purpose
    // (calibre-web's documented first-run `DEFAULT_PASSWORD`).
    if severity.is_none() && checker.marked_nosec(range) {
        severity = Some(Severity::Low);
        note = Some(super::NOSEC_NOTE.to_string());
    }
    if severity.is_none()
        && let Some(place) = checked_to_force_a_change(checker, key)
    {
        severity = Some(Severity::Low);
        note = Some(format!(
            " [the project tests accounts for this very password ({place}), the check a first-run setup makes to send the owner to change it]"
        ));
    }
    if severity.is_none()
        && let Some(user) = reserved_domain_user(checker, key)
    {
        severity = Some(Severity::Low);
        note = Some(format!(
            " [its user `{user}` is at a domain reserved for tests and examples: a documented default login, not an account]"
        ));
    }
    let message = format!(
        "{}: anyone who can read the code can use it{}",
        describe(found, what, "the source"),
        note.as_deref().unwrap_or("")
    );
    let help = match (found, variable) {
        (Credential::InUrl { .. }, Some(variable)) => format!(
            "read the whole URL from the environment, `os.environ[\"{variable}\"]`, with no default, and change the password that was committed"
        ),
        (_, Some(variable)) => format!(
            "read it from the environment with no default, `os.environ[\"{variable}\"]`, and rotate the committed value"
        ),
        _ => "read it from the environment with no default (`os.environ[...]`) and rotate the committed value".to_string(),
    };
    // Only where nothing about the value or its place made it weigh less already (an API key
    // written as a constant of the code is most often a public client's, lxdui's Firebase key).
    let live_key = severity
        .is_none()
        .then(|| live_service_key(key, value))
        .flatten();
    let diagnostic = checker.report(range, message, help);
    diagnostic.fix = fix;
    if let Some(service) = live_key {
        // A key a service issued works from anywhere: where the code that holds it runs
        // (a development setup, an example) changes nothing for whoever copies it.
        diagnostic.severity = None;
        diagnostic.development_severity = Some(diagnostic.rule.severity);
        diagnostic.message.push_str(&live_key_note(service));
        return;
    }
    // ReklaMap's `mysql+pymysql://root:...@72.60.108.94:3306/reklamap`: the database the code
    // logs in to is on the internet, so the committed password opens it from anywhere.
    let on_the_internet = match found {
        Credential::InUrl { host } if severity.is_none() && !dev_only => internet_host(host),
        _ => None,
    };
    if let Some(why) = on_the_internet {
        diagnostic.severity = Some(Severity::High);
        diagnostic.message.push_str(&format!(
            " [high: {why}, so the committed password opens it from anywhere it accepts connections, until it is changed]"
        ));
        return;
    }
    diagnostic.severity = if dev_only {
        Some(Severity::Low)
    } else {
        severity
    };
    if dev_only {
        diagnostic
            .message
            .push_str(" [development only: a development or test configuration]");
    }
}

/// Why a connection URL's host is a service on the internet: a public IPv4 address (not
/// private, loopback, link-local or unspecified), or a managed database service's domain
/// (Amazon RDS, Azure, MongoDB Atlas, DigitalOcean, Supabase, Neon, ElephantSQL, Render).
fn internet_host(host: &str) -> Option<String> {
    let host = without_port(host);
    if let Ok(address) = host.parse::<std::net::Ipv4Addr>() {
        let internal = address.is_private()
            || address.is_loopback()
            || address.is_link_local()
            || address.is_unspecified()
            || address.is_broadcast()
            || address.is_documentation()
            // 100.64.0.0/10, carrier-grade NAT and Tailscale's addresses.
            || (address.octets()[0] == 100 && (64..128).contains(&address.octets()[1]));
        return (!internal).then(|| format!("`{host}` is a public internet address"));
    }
    const MANAGED: &[(&str, &str)] = &[
        (".rds.amazonaws.com", "Amazon RDS"),
        (".redshift.amazonaws.com", "Amazon Redshift"),
        (".database.azure.com", "Azure Database"),
        (".database.windows.net", "Azure SQL"),
        (".mongodb.net", "MongoDB Atlas"),
        (".db.ondigitalocean.com", "DigitalOcean Managed Databases"),
        (".supabase.co", "Supabase"),
        (".supabase.com", "Supabase"),
        (".neon.tech", "Neon"),
        (".elephantsql.com", "ElephantSQL"),
        (".render.com", "Render"),
    ];
    let lower = host.to_ascii_lowercase();
    MANAGED
        .iter()
        .find(|(domain, _)| lower.ends_with(domain))
        .map(|(_, service)| format!("`{host}` is a {service} host, reachable from the internet unless its network rules say otherwise"))
}

/// The service whose issued key `value` has the form of: OpenAI's and OpenRouter's `sk-...`,
/// Google's `AIza...`, GitHub's `ghp_...`, Slack's `xoxb-...`, Stripe's `sk_live_...`. Such a
/// key is live the moment it is issued and works from anywhere; a placeholder in that form
/// (`sk-xxxxxxxx...`, `sk-your-key-here`) has too few distinct characters or too short a tail.
/// `key` is the setting's name.
fn live_service_key(key: &str, value: &str) -> Option<&'static str> {
    // A Firebase web key is public by design: every client of the project ships it.
    if key.to_ascii_lowercase().contains("firebase") {
        return None;
    }
    const FORMS: &[(&str, &str, usize)] = &[
        ("sk-or-v1-", "OpenRouter", 64),
        ("sk-ant-", "Anthropic", 40),
        ("sk-proj-", "OpenAI", 40),
        ("sk-", "OpenAI", 40),
        ("AIza", "Google", 35),
        ("ghp_", "GitHub", 36),
        ("gho_", "GitHub", 36),
        ("ghs_", "GitHub", 36),
        ("github_pat_", "GitHub", 60),
        ("glpat-", "GitLab", 20),
        ("xoxb-", "Slack", 30),
        ("xoxp-", "Slack", 30),
        ("sk_live_", "Stripe", 24),
        ("rk_live_", "Stripe", 24),
        ("SG.", "SendGrid", 60),
        ("hf_", "Hugging Face", 30),
        ("gsk_", "Groq", 40),
    ];
    let value = value.trim();
    let (_, service, _) = FORMS.iter().find(|(prefix, _, tail)| {
        value.strip_prefix(prefix).is_some_and(|rest| {
            rest.len() >= *tail
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                && rest.bytes().any(|b| b.is_ascii_digit())
                && rest
                    .bytes()
                    .filter(u8::is_ascii_alphanumeric)
                    .collect::<HashSet<u8>>()
                    .len()
                    >= 12
        })
    })?;
    Some(service)
}

fn live_key_note(service: &str) -> String {
    format!(
        " [it has the form of a key {service} issued: it works from anywhere, whichever environment it was written for; revoke it with {service} and issue a new one]"
    )
}

/// The compose service a credential logs in to, when that service publishes no port: a
/// database password in a URL whose host is the service (`postgresql://u:p@db/app`), or the
/// password a database image sets up from its own setting (`POSTGRES_PASSWORD` in the
/// environment of a `postgres` service).
/// The compose service a URL's host names, when a compose file in a directory above the
/// checked file defines it and it publishes no port: (service, compose file as displayed).
fn unpublished_compose_service<'c>(
    checker: &'c Checker<'_, '_>,
    host: &str,
) -> Option<(&'c str, String)> {
    let name = without_port(host);
    checker
        .project
        .settings_files
        .files
        .iter()
        .filter(|file| file.format == crate::walk::SettingsFormat::Compose)
        .filter(|file| {
            file.file
                .path
                .parent()
                .is_some_and(|directory| checker.source.path.starts_with(directory))
        })
        .find_map(|file| {
            let service = file.unpublished_service(name)?;
            Some((service.name.as_str(), file.file.display_path()))
        })
}

fn opens_unpublished_service<'f>(
    file: &'f SettingsFile,
    entry: &SettingsEntry,
    found: &Credential,
    hosts: &[&SettingsEntry],
) -> Option<&'f str> {
    let service = match found {
        Credential::InUrl { host } => file.unpublished_service(host)?,
        Credential::Named => {
            let service = file.service_around(entry.range)?;
            // A client's login beside the host it logs in to (`HTTPOBS_DATABASE_HOST=postgres`,
            // `HTTPOBS_DATABASE_PASS=...`): the host is a service of this file.
            if is_service_login(&entry.key)
                && let Some(target) = hosts.iter().find_map(|host| {
                    (host.file == entry.file && service.range.contains_range(host.range))
                        .then(|| file.unpublished_service(host.value.as_deref()?))
                        .flatten()
                })
            {
                return Some(target.name.as_str());
            }
            let image = service.image.as_deref()?;
            let key = entry.key.to_ascii_uppercase();
            // The image's own setting for its password: the server's, not a client's login.
            let own_setting = [
                ("postgres", "POSTGRES_"),
                ("mysql", "MYSQL_"),
                ("mariadb", "MARIADB_"),
                ("mariadb", "MYSQL_"),
                ("mongo", "MONGO_INITDB_"),
                ("rabbitmq", "RABBITMQ_DEFAULT_"),
                ("redis", "REDIS_"),
                ("elasticsearch", "ELASTIC_"),
                ("influxdb", "INFLUXDB_"),
            ]
            .iter()
            .any(|(product, prefix)| image.starts_with(product) && key.starts_with(prefix));
            (own_setting && !service.publishes).then_some(service)?
        }
    };
    Some(service.name.as_str())
}

/// Credentials written in dotenv, compose and loaded settings files.
pub(super) fn check_settings_files(
    checker: &SettingsChecker<'_, '_>,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    let extra = &checker.options.credential_settings;
    // The user names each file sets (`POSTGRES_USER=shop`): a password equal to one of them is
    // a default (`POSTGRES_PASSWORD=shop`).
    let mut user_names: HashSet<(usize, &str)> = HashSet::default();
    for (entry, _) in checker.entries() {
        let key = entry.key.to_ascii_uppercase();
        if ["USER", "USERNAME", "_DB", "DATABASE", "_NAME"]
            .iter()
            .any(|suffix| key.ends_with(suffix))
            && let Some(value) = entry.value.as_deref()
        {
            user_names.insert((entry.file, value));
        }
    }
    // `DATABASE_HOST=postgres`: where a compose service's clients log in.
    let hosts: Vec<&SettingsEntry> = checker
        .entries()
        .map(|(entry, _)| entry)
        .filter(|entry| {
            let key = entry.key.to_ascii_uppercase();
            ["HOST", "HOSTNAME", "_SERVER", "_ADDR", "_ADDRESS", "_URL"]
                .iter()
                .any(|end| key.ends_with(end))
        })
        .collect();
    let mut written = Vec::new();
    for (entry, file) in checker.entries() {
        let Some(value) = entry.value.as_deref() else {
            continue;
        };
        let Some(found) = credential(&entry.key, value, extra) else {
            continue;
        };
        let same_as_user = found == Credential::Named && user_names.contains(&(entry.file, value));
        // Example files document the keys: only a value that looks real is worth a word.
        let secret = match &found {
            Credential::InUrl { .. } => url_password(value).map_or(value, |(p, _)| p),
            Credential::Named => value,
        };
        if file.role == FileRole::Example && weakness(secret.as_bytes()).is_some() {
            continue;
        }
        let (severity, note) = if same_as_user {
            (
                Some(Severity::Low),
                Some(
                    " [it is the user name set beside it: whoever reaches the service tries it first; the deployment must set its own]"
                        .to_string(),
                ),
            )
        } else if let Some(host) = (found == Credential::Named)
            .then(|| {
                let wanted = host_settings(&entry.key);
                hosts.iter().find(|host| {
                    host.file == entry.file
                        && wanted.iter().any(|w| host.key.eq_ignore_ascii_case(w))
                        && host.value.as_deref().is_some_and(names_this_machine)
                })
            })
            .flatten()
        {
            (Some(Severity::Low), Some(local_service_note(&host.key)))
        } else if let Some(service) = opens_unpublished_service(file, entry, &found, &hosts) {
            (
                Some(Severity::Low),
                Some(format!(
                    " [it opens `{service}`, which publishes no port: only the other containers of this compose file reach it]"
                )),
            )
        } else if let Some(note) = repository_stack(file).or_else(|| image_default(file)) {
            (Some(Severity::Low), Some(note))
        } else {
            weigh_in_file(&found, &entry.key, value)
        };
        let weight = checker.weight(file, Severity::Low);
        // A key a service issued works from anywhere, whatever the file sets up: only an
        // example file (whose values are meant to be replaced) keeps its weight.
        let live_key = (file.role != FileRole::Example)
            .then(|| live_service_key(&entry.key, secret))
            .flatten();
        // Shuleni's committed `.env`: `DATABASE_URI=postgresql://...@dpg-....render.com/...`,
        // a managed database on the internet, opened from anywhere by the committed password
        // (as for a URL in code). Only where nothing about the file made it weigh less.
        let on_the_internet = match &found {
            Credential::InUrl { host } if severity.is_none() && weight.severity.is_none() => {
                internet_host(host)
            }
            _ => None,
        };
        let (severity, notes) = match (live_key, on_the_internet) {
            (Some(service), _) => (None, live_key_note(service)),
            (None, Some(why)) => (
                Some(Severity::High),
                format!(
                    " [high: {why}, so the committed password opens it from anywhere it accepts connections, until it is changed]"
                ),
            ),
            (None, None) => (
                match (weight.severity, severity) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                },
                format!(
                    "{}{}",
                    note.as_deref().unwrap_or(""),
                    weight.note.as_deref().unwrap_or("")
                ),
            ),
        };
        let what = SettingsChecker::entry_place(entry, file);
        let message = format!(
            "{}: anyone who can read the repository, or an image the file is copied into, can use it{notes}",
            describe(&found, &what, "a file"),
        );
        let help = SettingsChecker::keep_out_help(&entry.key);
        let mut diagnostic = checker.diagnostic(entry.range, message, help);
        diagnostic.severity = severity;
        written.push(Written {
            file: entry.file,
            secret,
            key: &entry.key,
            line: file.file.position(entry.range.start()).line,
            diagnostic,
        });
    }
    lower_repeats(&mut written);
    out.extend(written.into_iter().map(|w| (w.file, w.diagnostic)));
}

/// A compose or dotenv file of the repository that nothing names for production and no code
/// loads: the stack it starts is, in the held-out reviews of five rounds, a developer's (15
/// such findings at medium: 1 agreed, and rated low by its reviewer), and a deployment sets its
/// own credentials. A file named for production (`docker-compose.prod.yml`, `.env.production`,
/// `deploy/`) keeps the rule's severity. FL302 weighs a weak signing key there the same way
/// (WEKO's and zeus's `SECRET_KEY: "CHANGE ME"` in their compose files, judged low by their
/// reviewers).
pub(super) fn repository_stack(file: &SettingsFile) -> Option<String> {
    use crate::walk::SettingsFormat;
    // A `.env` is what `flask run` (with python-dotenv) and most dotenv loaders read: the
    // app's own settings, not a stack's.
    let dotenv_of_the_app = file
        .file
        .path
        .file_name()
        .is_some_and(|name| name == ".env");
    if file.role != FileRole::Live
        || file.loaded_by.is_some()
        || dotenv_of_the_app
        || !matches!(
            file.format,
            SettingsFormat::Compose | SettingsFormat::Dotenv
        )
    {
        return None;
    }
    (!named_for_production(file)).then(|| {
        " [a compose or env file of the repository, named for no production deployment: the stack it starts is usually a developer's, and a deployment sets its own; name the file for production (or keep this low) as the case is]"
            .to_string()
    })
}

/// A path that says production: `docker-compose.prod.yml`, `.env.production`, `deploy/`.
fn named_for_production(file: &SettingsFile) -> bool {
    file.file.path.iter().any(|part| {
        let part = part.to_string_lossy().to_ascii_lowercase();
        crate::model::context::words(&part).iter().any(|word| {
            matches!(
                word.as_str(),
                "prod" | "production" | "live" | "release" | "deploy" | "deployment" | "k8s"
            )
        })
    })
}

/// A Dockerfile's `ENV` or `ARG` default that no path names for production: a default baked into
/// an image, which a deployment replaces with its own (`docker run -e`, compose `environment:`).
/// Held-out reviewers rated every such credential they read low (WEKO's demo-account
/// password, augur's bundled RabbitMQ and PostgreSQL, aleph's internal database URL).
fn image_default(file: &SettingsFile) -> Option<String> {
    (file.role == FileRole::Live
        && file.format == crate::walk::SettingsFormat::Dockerfile
        && !named_for_production(file))
    .then(|| {
        " [a default baked into an image, named for no production deployment: a deployment sets its own (`docker run -e`, compose `environment:`); check that yours does]"
            .to_string()
    })
}

/// One credential finding of a settings file, with the secret it is about.
struct Written<'e> {
    file: usize,
    secret: &'e str,
    key: &'e str,
    line: usize,
    diagnostic: Diagnostic,
}

/// One secret written in several places of a file (skf-flask's compose gives the broker, the
/// database and the API's URL one password) is one credential, fixed by one rotation: the
/// heaviest place (the first of equals) keeps its finding, the others are low and name it.
fn lower_repeats(written: &mut [Written<'_>]) {
    let mut groups: HashMap<(usize, &str), Vec<usize>> = HashMap::default();
    for (index, w) in written.iter().enumerate() {
        groups.entry((w.file, w.secret)).or_default().push(index);
    }
    for members in groups.into_values().filter(|members| members.len() > 1) {
        let weight = |index: usize| {
            let diagnostic = &written[index].diagnostic;
            diagnostic.severity.unwrap_or(diagnostic.rule.severity)
        };
        let Some(&kept) = members.iter().rev().max_by_key(|&&index| weight(index)) else {
            continue;
        };
        let (kept_key, kept_line) = (written[kept].key.to_string(), written[kept].line);
        for &index in members.iter().filter(|&&index| index != kept) {
            let diagnostic = &mut written[index].diagnostic;
            if diagnostic.severity.unwrap_or(diagnostic.rule.severity) > Severity::Low {
                diagnostic.severity = Some(Severity::Low);
            }
            diagnostic.message.push_str(&format!(
                " [the same secret as `{kept_key}` on line {kept_line}, reported there: one rotation fixes both]"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_urls() {
        assert_eq!(
            url_password("postgresql://app:S3cr3t@db.internal:5432/prod"),
            Some(("S3cr3t", "db.internal".to_string()))
        );
        assert_eq!(
            url_password("redis://:hunter2@[::1]:6379/0").map(|(_, h)| h),
            Some("::1".to_string())
        );
        assert_eq!(url_password("postgresql://app@db/prod"), None);
        assert_eq!(url_password("postgresql://app:{}@db/prod"), None);
        assert_eq!(
            url_password("postgresql://app:${DB_PASSWORD}@db/prod"),
            None
        );
        assert_eq!(url_password("postgresql://app:<password>@db/prod"), None);
        assert_eq!(url_password("sqlite:///app.db"), None);
        assert_eq!(url_password("https://example.com/a:b@c"), None);
    }

    #[test]
    fn credential_names_and_values() {
        assert_eq!(
            credential("MAIL_PASSWORD", "hunter22", &[]),
            Some(Credential::Named)
        );
        assert_eq!(credential("MAIL_PASSWORD", "your-password", &[]), None);
        // A default anyone would guess is still a credential (FL305 weighs it).
        assert_eq!(
            credential("DB_PASSWORD", "password", &[]),
            Some(Credential::Named)
        );
        assert_eq!(credential("MAIL_PASSWORD", "", &[]), None);
        assert_eq!(
            credential("LDAP_WRITE_ATTR_PASSWORD", "userPassword", &[]),
            None
        );
        assert_eq!(credential("API_TOKEN_HEADER", "X-Api-Token", &[]), None);
        assert_eq!(
            credential("FIELD_OFFICE_MAIL_PASSWORD", "hunter22", &[]),
            Some(Credential::Named)
        );
        assert_eq!(credential("SECURITY_PASSWORD_HASH", "argon2", &[]), None);
        // A password named first, then the service it opens (Clinic_03's `.env`).
        assert_eq!(
            credential("PASSWORD_BY_MAIL", "q8Wd3mZtLp", &[]),
            Some(Credential::Named)
        );
        assert_eq!(credential("PASSWORD_MIN_LENGTH", "12", &[]), None);
        assert_eq!(credential("PASSWORD_RESET_SALT_NAME", "reset", &[]), None);
        assert_eq!(credential("JWT_TOKEN_LOCATION", "headers", &[]), None);
        assert_eq!(credential("PAYMENT_KEY", "pk_123", &[]), None);
        assert_eq!(
            credential("PAYMENT_KEY", "pk_123", &["PAYMENT_KEY".to_string()]),
            Some(Credential::Named)
        );
        // Names, not values: the key's own words, an environment variable's name, a path.
        for (key, value) in [
            ("KRAKEN_FUTURES_API_SECRET_KEY", "kraken_futures_api_secret"),
            ("APPLE_ID_PASS", "APPLEIDPASS"),
            ("MARKETPLACE_SECRET", "/conf/stack/quay-marketplace-api.key"),
            ("MODE_ACCESS_TOKEN", "mode_user_token"),
            // Another credential setting's name, a KMS alias, placeholders.
            ("OPT_API_KEY", "LANGUAGETOOL_API_KEY"),
            ("USER_AUTH_KEY", "alias/auth"),
            ("SIGNING_KEY", "arn:aws:kms:us-east-1:123456789012:key/abcd"),
            ("BALROG_PASSWORD", "na"),
            ("MYSQL_PASSWORD", "another-strong-password"),
            ("POSTGRES_PASSWORD", "__MUST_BE_CHANGED__"),
            // An event's reason code, in the key's last words.
            ("ADMIN_AUTH_REASON_INVALID_PASSWORD", "invalid_password"),
            ("SSO_AUTH_REASON_INVALID_TOKEN", "invalid_token"),
            // A kind of form field or grant named by the credential word.
            ("WIDGET_PASSWORD", "password"),
            ("GRANT_TYPE_PASSWORD", "password"),
            // What the project says about a credential: documentation and error texts.
            ("_DESC_INVALID_TOKEN", "Token inválido"),
            ("INVALID_PASSWORD_MSG", "Wrong password"),
        ] {
            assert_eq!(credential(key, value, &[]), None, "{key} = {value}");
        }
        // Still credentials: words of its own beside the key's.
        for (key, value) in [
            ("SMTP_PASSWORD", "smtp_pass_2024"),
            ("ADMIN_PASSWORD", "admin_password_2024"),
            ("API_TOKEN", "tok_9f3k2m1q8"),
        ] {
            assert_eq!(
                credential(key, value, &[]),
                Some(Credential::Named),
                "{key} = {value}"
            );
        }
    }
}
