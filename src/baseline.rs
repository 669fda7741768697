//! Baselines: `--write-baseline FILE` records today's findings by fingerprint, `--baseline FILE`
//! reports only the findings not recorded, so a team can adopt flasklint on a legacy app in one
//! commit and still fail on every new problem.
//!
//! Findings are matched by their SARIF fingerprint (`Finding::fingerprint`: rule, path, the
//! flagged line without whitespace or comments, occurrence), so moving code around or editing
//! lines above a known finding does not bring it back. Rule, path and line are stored beside it
//! only so that a reviewer can read the file.
//!
//! A fingerprint includes the rule id, so a finding that moved to a rule of its own (FL303's
//! `JWTManager` note is FL306) would no longer match what an older baseline recorded. Such a
//! finding also matches the fingerprint it had under its former id (`rules::former_codes`), so
//! an old baseline keeps silencing it and new baselines record the new id.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::check::{Finding, Outcome, line_hash, normalised_line};
use crate::source::SourceFile;

/// Bumped if fingerprints ever change meaning; a baseline of another version is refused rather
/// than silently matching nothing.
const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Baseline {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    rule: String,
    path: String,
    line: usize,
    fingerprint: String,
}

/// The baseline file for `outcome`'s findings.
pub fn render(outcome: &Outcome) -> String {
    let baseline = Baseline {
        version: FORMAT_VERSION,
        findings: outcome
            .findings
            .iter()
            .map(|finding| Entry {
                rule: finding.rule.id.to_string(),
                path: finding.path.clone(),
                line: finding.start.line,
                fingerprint: finding.fingerprint.clone(),
            })
            .collect(),
    };
    // Serialising plain strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&baseline).unwrap_or_default();
    text.push('\n');
    text
}

/// What a baseline file recorded.
#[derive(Debug, Default)]
pub struct Known {
    fingerprints: BTreeSet<String>,
    /// Rule ids the file records findings of: former ids are only tried when it has some.
    rules: BTreeSet<String>,
}

/// The findings recorded in a baseline file.
pub fn read(path: &Path) -> Result<Known, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    parse(&text).map_err(|error| format!("{}{error}", path.display()))
}

fn parse(text: &str) -> Result<Known, String> {
    let baseline: Baseline = serde_json::from_str(text)
        .map_err(|e| format!(":{}: not a flasklint baseline: {e}", e.line()))?;
    if baseline.version != FORMAT_VERSION {
        return Err(format!(
            ": baseline version {} is not {FORMAT_VERSION}; write it again with --write-baseline",
            baseline.version
        ));
    }
    let mut known = Known::default();
    for entry in baseline.findings {
        known.rules.insert(entry.rule);
        known.fingerprints.insert(entry.fingerprint);
    }
    Ok(known)
}

/// Drops the findings `known` records; returns how many were dropped.
pub fn apply(outcome: &mut Outcome, known: &Known) -> usize {
    let before = outcome.findings.len();
    let mut lines = FormerLines::default();
    outcome.findings.retain(|finding| {
        !known.fingerprints.contains(&finding.fingerprint)
            && !former_fingerprints(finding, known, &mut lines)
                .iter()
                .any(|former| known.fingerprints.contains(former))
    });
    before - outcome.findings.len()
}

/// Normalised lines of the files whose findings need a former fingerprint, each file parsed
/// once (only findings of renamed rules, and only with a baseline that records their old ids).
#[derive(Default)]
struct FormerLines {
    files: HashMap<String, Option<SourceFile>>,
}

impl FormerLines {
    fn line(&mut self, finding: &Finding) -> Option<String> {
        let source = self
            .files
            .entry(finding.path.clone())
            .or_insert_with(|| {
                SourceFile::parse(
                    PathBuf::from(&finding.path),
                    finding.source.as_bytes().to_vec(),
                )
                .ok()
            })
            .as_ref()?;
        Some(normalised_line(source, finding.start.line))
    }
}

/// The fingerprints `finding` had under the ids its rule replaced: the same line hash with the
/// old id, and the same occurrence (a renamed rule's findings sit on lines no other finding of
/// the old rule shares, so the count among identical lines is unchanged).
fn former_fingerprints(finding: &Finding, known: &Known, lines: &mut FormerLines) -> Vec<String> {
    let former: Vec<&str> = crate::rules::former_codes(finding.rule.id)
        .iter()
        .copied()
        .filter(|code| known.rules.contains(*code))
        .collect();
    if former.is_empty() {
        return Vec::new();
    }
    let Some(occurrence) = finding.fingerprint.rsplit_once(':').map(|(_, n)| n) else {
        return Vec::new();
    };
    let Some(line) = lines.line(finding) else {
        return Vec::new();
    };
    former
        .iter()
        .map(|id| format!("{:016x}:{occurrence}", line_hash(id, &finding.path, &line)))
        .collect()
}
