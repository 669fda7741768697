//! FL302 weak-secret-key: a signing secret that can be guessed: a placeholder, fewer than 32
//! bytes, or too little variety.
//!
//! Why: an HMAC secret is only as strong as it is unpredictable. `dev`, `changeme` or
//! `super-secret-key` are in every wordlist, and tools such as `flask-unsign` and `jwt_tool`
//! recover them from one session cookie or one token offline; RFC 7518 §3.2 requires a key at
//! least as long as the hash (32 bytes for HS256). Reported instead of FL301, not beside it.
//! Fix: generate 32+ random bytes (`python -c "import secrets; print(secrets.token_hex(32))"`)
//! and read them from the environment with no default.

use super::hardcoded_secret_key::environment_fix;
use super::{Checker, Rule};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL302.md"),
    check,
};

/// RFC 7518 §3.2: a key of the same size as the hash output (HS256) or larger.
const MIN_SECRET_BYTES: usize = 32;

/// Markers of a placeholder secret, matched in the lower-cased value. Random secrets (hex,
/// base64) essentially never contain these words.
const PLACEHOLDERS: &[&str] = &[
    "secret",
    "change",
    "your",
    "example",
    "sample",
    "dummy",
    "default",
    "placeholder",
    "insecure",
    "replace",
    "todo",
    "fixme",
    "password",
    "passw0rd",
    "test",
    "dev",
    "demo",
    "guess",
    "super",
    "qwerty",
    "letmein",
    "1234",
    "xxxx",
    "abcdef",
];

/// Why a secret is weak, or `None` when it looks random enough.
pub(super) fn weakness(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes).to_lowercase();
    if let Some(marker) = PLACEHOLDERS.iter().find(|m| text.contains(*m)) {
        return Some(format!("a placeholder (it contains `{marker}`)"));
    }
    if bytes.len() < MIN_SECRET_BYTES {
        return Some(format!(
            "only {} bytes long, under the {MIN_SECRET_BYTES} bytes HS256 needs",
            bytes.len()
        ));
    }
    let distinct = {
        let mut seen = [false; 256];
        bytes.iter().for_each(|b| seen[usize::from(*b)] = true);
        seen.iter().filter(|s| **s).count()
    };
    let entropy = shannon_bits_per_byte(bytes);
    if distinct < 10 || entropy < 3.0 {
        // `+ 0.0` turns the -0.0 of a one-character string into 0.0 for display.
        return Some(format!(
            "low in entropy ({distinct} distinct characters, {:.1} bits per character)",
            entropy + 0.0
        ));
    }
    None
}

fn shannon_bits_per_byte(bytes: &[u8]) -> f64 {
    let mut counts = [0usize; 256];
    for b in bytes {
        counts[usize::from(*b)] += 1;
    }
    let total = bytes.len() as f64;
    counts
        .iter()
        .filter(|c| **c > 0)
        .map(|c| {
            let p = *c as f64 / total;
            -p * p.log2()
        })
        .sum()
}

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
        let value = shown(&site.bytes);
        let message = match site.fallback {
            true => format!(
                "{} falls back to `{value}` when `{}` is unset, which is {why}: it is guessed offline from one signed cookie or token",
                site.used_as, site.variable
            ),
            false => format!(
                "{} is `{value}`, which is {why}: it is guessed offline from one signed cookie or token",
                site.used_as
            ),
        };
        let help = format!(
            "generate 32 random bytes (`secrets.token_hex(32)`), keep them out of the code and read `os.environ[\"{}\"]` with no default",
            site.variable
        );
        let fix = environment_fix(checker, site);
        let diagnostic = checker.report(site.range, message, help);
        diagnostic.fix = fix;
    }
}

#[cfg(test)]
mod tests {
    use super::weakness;

    #[test]
    fn weak_and_strong_secrets() {
        assert!(weakness(b"dev").is_some());
        assert!(weakness(b"super-secret-key").is_some());
        assert!(weakness(b"your-secure-secret").is_some());
        assert!(weakness(b"Zq8vR2pLk9").is_some());
        assert!(weakness(&[b'a'; 64]).is_some());
        assert!(weakness(b"0f3c9a7e21b84d6f5a0c3e9b7d1f24a68c5e0b3d9f7a1c2e").is_none());
        assert!(weakness(b"N8kq2ZrV5wL0pXyT7bHc3MdJ9sGf1RaQ").is_none());
    }
}
