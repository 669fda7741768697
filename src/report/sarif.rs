//! `--format sarif`: a SARIF 2.1.0 log for GitHub code scanning and other SARIF consumers.
//!
//! One run. `tool.driver.rules` is built from the rule documents (`rules/ID.md` through
//! `RuleMeta`), never from a second copy. Every finding becomes a result with a location relative
//! to `%SRCROOT%` (the directory flasklint ran in), a fingerprint that survives unrelated edits,
//! and its fix as `artifactChanges`; files that could not be analysed become tool execution
//! notifications, and the run still counts as successful. What GitHub reads is documented in
//! "SARIF support for code scanning": `security-severity` only counts when `security` is a tag,
//! and only `partialFingerprints.primaryLocationLineHash` is used to track alerts.

use serde_json::{Value, json};

use crate::check::{Finding, Outcome, PlacedEdit};
use crate::rules::meta::Severity;
use crate::rules::{self, RuleMeta};
use crate::source::{FileError, Position, display_path};

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";
/// GitHub truncates longer descriptions; cutting them ourselves keeps whole words.
const MAX_DESCRIPTION_CHARS: usize = 1024;

pub fn render(outcome: &Outcome, show_suppressed: bool) -> String {
    let rules = rules::all();
    let descriptors: Vec<Value> = rules
        .iter()
        .map(|(meta, _)| descriptor(meta, outcome.severity_of(meta)))
        .collect();
    let suppressed: &[Finding] = if show_suppressed {
        &outcome.suppressed
    } else {
        &[]
    };
    let results: Vec<Value> = outcome
        .findings
        .iter()
        .chain(suppressed)
        .map(|finding| {
            let index = rules
                .iter()
                .position(|(meta, _)| meta.id == finding.rule.id);
            result(finding, index)
        })
        .collect();
    let notifications: Vec<Value> = outcome.errors.iter().map(notification).collect();
    let description =
        json!({"text": "The directory flasklint was run from; result paths are relative to it."});
    // Without a readable working directory the base stays unresolved, which SARIF allows.
    let srcroot = match working_directory_uri() {
        Some(uri) => json!({"uri": uri, "description": description}),
        None => json!({"description": description}),
    };
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "flasklint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": descriptors,
                }
            },
            "invocations": [{
                // Unreadable files and syntax errors are the project's problems, not the
                // tool's: the run itself completed.
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": { SRCROOT: srcroot },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    // Serialising plain strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

fn descriptor(meta: &RuleMeta, severity: Severity) -> Value {
    let mut tags = vec!["security".to_string()];
    tags.extend(meta.cwe.iter().map(|cwe| format!("external/cwe/cwe-{cwe}")));
    json!({
        "id": meta.id,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": full_description(meta)},
        "help": {"text": meta.body, "markdown": meta.body},
        "helpUri": rule_url(meta.id),
        "defaultConfiguration": {"level": severity.level().as_str()},
        "properties": {
            "tags": tags,
            "precision": meta.precision,
            "security-severity": security_severity(severity),
        }
    })
}

/// GitHub maps the score back to a label: over 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium,
/// 0.1-3.9 low. Each value sits well inside its band.
fn security_severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

/// The first paragraph of the document's "What it catches" section, on one line; the summary
/// when the document has no such section.
fn full_description(meta: &RuleMeta) -> String {
    let section = meta
        .body
        .split("\n## ")
        .find_map(|part| part.strip_prefix("What it catches"));
    let paragraph = section.and_then(|text| {
        text.split("\n\n")
            .map(str::trim)
            .find(|p| !p.is_empty())
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
    });
    let text = paragraph.unwrap_or_else(|| meta.summary.to_string());
    if text.chars().count() <= MAX_DESCRIPTION_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(MAX_DESCRIPTION_CHARS - 1).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

fn result(finding: &Finding, rule_index: Option<usize>) -> Value {
    let mut result = serde_json::Map::new();
    result.insert("ruleId".into(), json!(finding.rule.id));
    if let Some(index) = rule_index {
        result.insert("ruleIndex".into(), json!(index));
    }
    result.insert("level".into(), json!(finding.severity.level().as_str()));
    result.insert(
        "message".into(),
        json!({"text": format!("{}\nhelp: {}", finding.message, finding.help)}),
    );
    result.insert(
        "locations".into(),
        json!([{
            "physicalLocation": {
                "artifactLocation": artifact_location(&finding.path),
                "region": region(finding.start, finding.end),
            }
        }]),
    );
    result.insert(
        "partialFingerprints".into(),
        json!({"primaryLocationLineHash": finding.fingerprint}),
    );
    if let Some(directive) = &finding.suppressed_by {
        // SARIF's own way to say "silenced in the source": viewers show it as dismissed.
        result.insert(
            "suppressions".into(),
            json!([{
                "kind": "inSource",
                "justification": format!("`{}` on line {}", directive.text, directive.line),
            }]),
        );
    }
    if let Some(fix) = &finding.fix {
        result.insert(
            "fixes".into(),
            json!([{
                "description": {"text": fix.description},
                "artifactChanges": [{
                    "artifactLocation": artifact_location(&finding.path),
                    "replacements": fix.edits.iter().map(replacement).collect::<Vec<_>>(),
                }]
            }]),
        );
    }
    Value::Object(result)
}

fn replacement(edit: &PlacedEdit) -> Value {
    let mut replacement = json!({"deletedRegion": region(edit.start, edit.end)});
    if !edit.content.is_empty() {
        replacement["insertedContent"] = json!({"text": edit.content});
    }
    replacement
}

fn notification(error: &FileError) -> Value {
    let mut location = json!({"artifactLocation": artifact_location(&display_path(&error.path))});
    if let Some(position) = error.position {
        // A syntax error is a point; SARIF regions need no end for that.
        location["region"] = json!({"startLine": position.line, "startColumn": position.column});
    }
    json!({
        "level": "error",
        "message": {"text": error.message},
        "locations": [{"physicalLocation": location}],
    })
}

fn region(start: Position, end: Position) -> Value {
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

/// A relative path (the usual case: files under the working directory) is a URI reference
/// under `%SRCROOT%`, which is what GitHub matches against the repository; an absolute path is a
/// `file://` URI of its own.
fn artifact_location(path: &str) -> Value {
    if let Some(absolute) = absolute_file_uri(path) {
        json!({"uri": absolute})
    } else {
        json!({"uri": percent_encode_path(path), "uriBaseId": SRCROOT})
    }
}

fn absolute_file_uri(path: &str) -> Option<String> {
    let path = path.replace('\\', "/");
    if path.starts_with('/') {
        return Some(format!("file://{}", percent_encode_path(&path)));
    }
    // `C:/...` on Windows: the drive's colon stays, everything after it is encoded.
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":/";
    drive.then(|| format!("file:///{}:{}", &path[..1], percent_encode_path(&path[2..])))
}

fn working_directory_uri() -> Option<String> {
    let cwd = std::env::current_dir().ok()?;
    let mut text = cwd.to_string_lossy().replace('\\', "/");
    if !text.ends_with('/') {
        text.push('/');
    }
    absolute_file_uri(&text)
}

/// Percent-encodes everything in a path but RFC 3986 unreserved characters and `/`, so spaces,
/// `#`, `%`, a `:` that could read as a scheme, and non-ASCII names all give valid URIs.
fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let keep = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/');
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The page of a rule's documentation: SARIF's `helpUri`, and the link of the language
/// server's diagnostics.
pub fn rule_url(id: &str) -> String {
    format!("{}/blob/main/rules/{id}.md", env!("CARGO_PKG_REPOSITORY"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uris() {
        assert_eq!(
            percent_encode_path("app/my file#1.py"),
            "app/my%20file%231.py"
        );
        assert_eq!(percent_encode_path("app/é.py"), "app/%C3%A9.py");
        assert_eq!(
            artifact_location("app/auth.py"),
            json!({"uri": "app/auth.py", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact_location("/srv/app/auth.py"),
            json!({"uri": "file:///srv/app/auth.py"})
        );
        assert_eq!(
            artifact_location("C:/src/app.py"),
            json!({"uri": "file:///C:/src/app.py"})
        );
    }

    #[test]
    fn security_severity_matches_githubs_bands() {
        for (severity, low, high) in [
            (Severity::Critical, 9.0, 10.0),
            (Severity::High, 7.0, 8.9),
            (Severity::Medium, 4.0, 6.9),
            (Severity::Low, 0.1, 3.9),
        ] {
            let score: f64 = security_severity(severity).parse().expect("numeric");
            assert!(score > low && score <= high, "{severity}: {score}");
        }
    }

    #[test]
    fn full_description_is_the_first_paragraph_of_what_it_catches() {
        for (meta, _) in rules::all() {
            let text = full_description(meta);
            assert!(!text.is_empty() && !text.contains('\n'), "{}", meta.id);
            assert!(text.chars().count() <= MAX_DESCRIPTION_CHARS, "{}", meta.id);
        }
    }
}
