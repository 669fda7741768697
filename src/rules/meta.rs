//! Rule metadata, read from the header of the rule's document (`rules/ID.md`).
//!
//! The header is a block of `key: value` lines between two `---` lines:
//! ```text
//! ---
//! id: FL101
//! name: jwt-decode-without-algorithms
//! severity: high
//! cwe: 347, 327
//! precision: high
//! summary: JWT decoded without an explicit algorithms allow-list
//! ---
//! ```

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

/// How a CI should treat a finding: SARIF's `level`, and the word text output leads with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Note,
}

impl Severity {
    fn parse(text: &str) -> Option<Severity> {
        match text {
            "critical" => Some(Severity::Critical),
            "high" => Some(Severity::High),
            "medium" => Some(Severity::Medium),
            "low" => Some(Severity::Low),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }

    pub fn level(self) -> Level {
        match self {
            Severity::Critical | Severity::High => Level::Error,
            Severity::Medium => Level::Warning,
            Severity::Low => Level::Note,
        }
    }
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct RuleMeta {
    pub id: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub cwe: Vec<u32>,
    /// `high`, `medium` or `low`: how often a finding is a real problem.
    pub precision: &'static str,
    pub summary: &'static str,
    /// The document without its header: the rule's prose, Markdown.
    pub body: &'static str,
}

impl RuleMeta {
    pub fn parse(doc: &'static str) -> Result<RuleMeta, String> {
        let rest = doc
            .strip_prefix("---\n")
            .ok_or("the document does not start with a `---` header line")?;
        let (header, body) = rest
            .split_once("\n---\n")
            .ok_or("the header has no closing `---` line")?;
        let mut id = None;
        let mut name = None;
        let mut severity = None;
        let mut cwe = None;
        let mut precision = None;
        let mut summary = None;
        for line in header.lines() {
            let (key, value) = line
                .split_once(':')
                .ok_or_else(|| format!("header line `{line}` is not `key: value`"))?;
            let value = value.trim();
            match key.trim() {
                "id" => id = Some(value),
                "name" => name = Some(value),
                "severity" => {
                    severity = Some(
                        Severity::parse(value)
                            .ok_or_else(|| format!("unknown severity `{value}`"))?,
                    )
                }
                "cwe" => {
                    cwe = Some(
                        value
                            .split(',')
                            .map(|n| {
                                n.trim()
                                    .parse::<u32>()
                                    .map_err(|_| format!("CWE `{n}` is not a number"))
                            })
                            .collect::<Result<Vec<_>, _>>()?,
                    )
                }
                "precision" => precision = Some(value),
                "summary" => summary = Some(value),
                other => return Err(format!("unknown header key `{other}`")),
            }
        }
        let id = id.ok_or("the header has no `id`")?;
        Ok(RuleMeta {
            id,
            name: name.ok_or_else(|| format!("{id}: no `name`"))?,
            severity: severity.ok_or_else(|| format!("{id}: no `severity`"))?,
            cwe: cwe.ok_or_else(|| format!("{id}: no `cwe`"))?,
            precision: precision.ok_or_else(|| format!("{id}: no `precision`"))?,
            summary: summary.ok_or_else(|| format!("{id}: no `summary`"))?,
            body: body.trim_start_matches('\n'),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_header() {
        let meta = RuleMeta::parse(
            "---\nid: FL999\nname: x-y\nseverity: medium\ncwe: 347, 613\nprecision: high\nsummary: s\n---\n# body\n",
        )
        .expect("parses");
        assert_eq!(meta.id, "FL999");
        assert_eq!(meta.cwe, vec![347, 613]);
        assert_eq!(meta.severity.level(), Level::Warning);
        assert_eq!(meta.body, "# body\n");
    }

    #[test]
    fn rejects_unknown_keys_and_severities() {
        assert!(RuleMeta::parse("---\nid: X\nseverity: extreme\n---\n").is_err());
        assert!(RuleMeta::parse("---\nid: X\ncolour: red\n---\n").is_err());
        assert!(RuleMeta::parse("# no header\n").is_err());
    }
}
