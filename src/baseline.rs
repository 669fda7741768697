//! Baselines: `--write-baseline FILE` records today's findings by fingerprint, `--baseline FILE`
//! reports only the findings not recorded, so a team can adopt flasklint on a legacy app in one
//! commit and still fail on every new problem.
//!
//! Findings are matched by their SARIF fingerprint (`Finding::fingerprint`: rule, path, the
//! flagged line without whitespace or comments, occurrence), so moving code around or editing
//! lines above a known finding does not bring it back. Rule, path and line are stored beside it
//! only so that a reviewer can read the file.

use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::check::Outcome;

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

/// The fingerprints recorded in a baseline file.
pub fn read(path: &Path) -> Result<BTreeSet<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
    let baseline: Baseline = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}: not a flasklint baseline: {e}",
            path.display(),
            e.line()
        )
    })?;
    if baseline.version != FORMAT_VERSION {
        return Err(format!(
            "{}: baseline version {} is not {FORMAT_VERSION}; write it again with --write-baseline",
            path.display(),
            baseline.version
        ));
    }
    Ok(baseline
        .findings
        .into_iter()
        .map(|entry| entry.fingerprint)
        .collect())
}

/// Drops the findings `known` records; returns how many were dropped.
pub fn apply(outcome: &mut Outcome, known: &BTreeSet<String>) -> usize {
    let before = outcome.findings.len();
    outcome
        .findings
        .retain(|finding| !known.contains(&finding.fingerprint));
    before - outcome.findings.len()
}
