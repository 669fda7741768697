//! Inline suppressions: `# noqa: FL101` (the flake8/Ruff habit) and
//! `# flasklint: ignore[FL101, FL105]`, read from a file's comments.
//!
//! Comments come from the parser's token stream (`SourceFile::comment_ranges`), so a `#` inside
//! a string never counts. Which findings a directive covers (its line, or the first line of the
//! flagged statement) is decided in `check`; this module only reads the directives and matches
//! rule ids against them.
//!
//! A bare `# noqa` names no code. It silences nothing of flasklint's unless `--noqa-all` is
//! given: a blanket `noqa` written long ago for a style warning must not hide a security finding
//! by accident.

use ruff_text_size::TextRange;

use crate::rules::RuleMeta;
use crate::source::SourceFile;

/// One suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// 1-based line the comment starts on.
    pub line: usize,
    /// The directive as written (`# noqa: FL101`), for `--show-suppressed`.
    pub text: String,
    /// The codes it names; `None` for a bare `# noqa`.
    pub codes: Option<Vec<String>>,
}

impl Directive {
    /// Whether this directive silences `rule`: by its id or name, by an id or name its
    /// findings had before (`# noqa: FL303` on a `JWTManager` line still silences FL306, which
    /// was FL303's note), so an existing suppression never starts failing CI, or by another
    /// linter's code for the same finding (`# noqa: S105` for FL305).
    pub fn covers(&self, rule: &RuleMeta, noqa_all: bool) -> bool {
        match &self.codes {
            None => noqa_all,
            Some(codes) => codes.iter().any(|code| {
                code.eq_ignore_ascii_case(rule.id)
                    || code == rule.name
                    || crate::rules::former_codes(rule.id)
                        .iter()
                        .chain(crate::rules::equivalent_codes(rule.id))
                        .any(|other| code.eq_ignore_ascii_case(other))
            }),
        }
    }
}

/// Every suppression directive of one file, in line order.
#[derive(Clone, Debug, Default)]
pub struct Suppressions {
    directives: Vec<Directive>,
}

impl Suppressions {
    pub fn read(source: &SourceFile) -> Suppressions {
        let mut directives = Vec::new();
        for range in source.comment_ranges() {
            let text = source.slice(range);
            // Cheap pre-filter: most comments are prose and never need the parser below.
            let lower = text.to_ascii_lowercase();
            if !lower.contains("noqa") && !lower.contains("flasklint") {
                continue;
            }
            let line = source.position(range.start()).line;
            directives.extend(
                parse_comment(text)
                    .into_iter()
                    .map(|(text, codes)| Directive { line, text, codes }),
            );
        }
        Suppressions { directives }
    }

    /// The directives of a file that is not Python (`requirements.txt`, TOML, `setup.cfg`),
    /// where a comment is a `#` at the start of a line or after whitespace, as pip and TOML
    /// read them; a `#` inside a TOML string after a space is mistaken for one, which can only
    /// silence a finding written on that very line.
    pub fn read_text(text: &str) -> Suppressions {
        let mut directives = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let Some(at) = line
                .match_indices('#')
                .map(|(at, _)| at)
                .find(|&at| at == 0 || line[..at].ends_with([' ', '\t']))
            else {
                continue;
            };
            let comment = &line[at..];
            let lower = comment.to_ascii_lowercase();
            if !lower.contains("noqa") && !lower.contains("flasklint") {
                continue;
            }
            directives.extend(
                parse_comment(comment)
                    .into_iter()
                    .map(|(text, codes)| Directive {
                        line: index + 1,
                        text,
                        codes,
                    }),
            );
        }
        Suppressions { directives }
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// The first directive on one of `lines` that silences `rule`.
    pub fn find(&self, lines: &[usize], rule: &RuleMeta, noqa_all: bool) -> Option<&Directive> {
        self.directives
            .iter()
            .find(|d| lines.contains(&d.line) && d.covers(rule, noqa_all))
    }
}

/// The comment that starts on `line` of `source`, if any, for callers that strip comments.
pub fn comment_on_line(source: &SourceFile, line: usize) -> Option<TextRange> {
    source
        .comment_ranges()
        .find(|range| source.position(range.start()).line == line)
}

/// The directives in one comment's text (which starts with `#`). A comment may hold several,
/// e.g. `# type: ignore  # noqa: FL101`, so every `#` starts a candidate.
fn parse_comment(comment: &str) -> Vec<(String, Option<Vec<String>>)> {
    let mut found = Vec::new();
    for (hash, _) in comment.match_indices('#') {
        let rest = &comment[hash + 1..];
        let body = rest.trim_start();
        if let Some(after) = strip_word(body, "noqa") {
            let (codes, consumed) = match after.trim_start().strip_prefix(':') {
                Some(list) => {
                    let (codes, used) = parse_codes(list);
                    (codes, after.len() - list.len() + used)
                }
                None => (Vec::new(), 0),
            };
            let end = comment.len() - after.len() + consumed;
            let text = comment[hash..end].trim_end().to_string();
            found.push((text, (!codes.is_empty()).then_some(codes)));
        } else if let Some(after) = strip_word(body, "flasklint:") {
            let Some(after) = strip_word(after.trim_start(), "ignore") else {
                continue;
            };
            let Some(list) = after.trim_start().strip_prefix('[') else {
                continue;
            };
            let Some(close) = list.find(']') else {
                continue;
            };
            let codes: Vec<String> = list[..close]
                .split(',')
                .map(str::trim)
                .filter(|code| !code.is_empty())
                .map(str::to_string)
                .collect();
            let end = comment.len() - list.len() + close + 1;
            // `ignore[]` names nothing and so silences nothing, like a bare `noqa`.
            found.push((comment[hash..end].to_string(), Some(codes)));
        }
    }
    found
}

/// `text` after a leading `word` (ASCII case-insensitive) that is not the start of a longer word.
pub(crate) fn strip_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let head = text.get(..word.len())?;
    if !head.eq_ignore_ascii_case(word) {
        return None;
    }
    let rest = &text[word.len()..];
    let continues = word.ends_with(|c: char| c.is_ascii_alphanumeric())
        && rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
    (!continues).then_some(rest)
}

/// Codes after `noqa:`, flake8 style: letters then digits, separated by commas or spaces; the
/// list ends at the first word that is not a code. Returns the codes and the bytes consumed.
pub(crate) fn parse_codes(list: &str) -> (Vec<String>, usize) {
    let mut codes = Vec::new();
    let mut at = 0;
    let mut consumed = 0;
    loop {
        let rest = &list[at..];
        let skipped = rest.len() - rest.trim_start_matches([',', ' ', '\t']).len();
        let start = at + skipped;
        let word_len = list[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(list.len() - start);
        let word = &list[start..start + word_len];
        let letters = word.len()
            - word
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        let is_code = letters > 0
            && letters < word.len()
            && word[letters..].chars().all(|c| c.is_ascii_digit());
        if !is_code {
            return (codes, consumed);
        }
        codes.push(word.to_string());
        at = start + word_len;
        consumed = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(comment: &str) -> Vec<(String, Option<Vec<String>>)> {
        parse_comment(comment)
    }

    fn list(items: &[&str]) -> Option<Vec<String>> {
        Some(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn noqa_with_codes() {
        assert_eq!(
            codes("# noqa: FL101, FL105"),
            vec![("# noqa: FL101, FL105".into(), list(&["FL101", "FL105"]))]
        );
        assert_eq!(
            codes("# NOQA:FL101 E501 because the key is pinned"),
            vec![("# NOQA:FL101 E501".into(), list(&["FL101", "E501"]))]
        );
    }

    #[test]
    fn bare_noqa_names_nothing() {
        assert_eq!(codes("# noqa"), vec![("# noqa".into(), None)]);
        // flake8 reads `# noqa FL101` (no colon) as bare, and so do we.
        assert_eq!(codes("# noqa FL101"), vec![("# noqa".into(), None)]);
        assert!(codes("# noqadelic").is_empty());
    }

    #[test]
    fn flasklint_ignore_list() {
        assert_eq!(
            codes("# flasklint: ignore[FL101, jwt-none-algorithm]"),
            vec![(
                "# flasklint: ignore[FL101, jwt-none-algorithm]".into(),
                list(&["FL101", "jwt-none-algorithm"])
            )]
        );
        assert!(codes("# flasklint: ignore").is_empty());
        assert!(codes("# flasklint: ignore[FL101").is_empty());
    }

    #[test]
    fn several_directives_in_one_comment() {
        let found = codes("# type: ignore[attr-defined]  # noqa: FL102");
        assert_eq!(found, vec![("# noqa: FL102".into(), list(&["FL102"]))]);
    }

    #[test]
    fn a_former_id_of_the_rule_counts() {
        let fl306 = crate::rules::find("FL306").expect("FL306 is registered");
        let fl303 = crate::rules::find("FL303").expect("FL303 is registered");
        let directive = |codes: &[&str]| Directive {
            line: 1,
            text: String::new(),
            codes: list(codes),
        };
        assert!(directive(&["FL303"]).covers(fl306, false));
        assert!(directive(&["fl303"]).covers(fl306, false));
        assert!(directive(&["jwt-extended-insecure-config"]).covers(fl306, false));
        // Not the other way round: FL303's own findings are not FL306's.
        assert!(!directive(&["FL306"]).covers(fl303, false));
        assert!(!directive(&["FL304"]).covers(fl306, false));
    }

    #[test]
    fn strings_are_not_comments() {
        let source = SourceFile::parse(
            "t.py".into(),
            b"x = '# noqa: FL101'\ny = 1  # flasklint: ignore[FL102]\n".to_vec(),
        )
        .expect("parses");
        let suppressions = Suppressions::read(&source);
        assert_eq!(suppressions.directives.len(), 1);
        assert_eq!(suppressions.directives[0].line, 2);
    }
}
