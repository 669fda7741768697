//! Helpers shared by the integration tests for output formats, suppressions and configuration:
//! run the binary, write scratch files, validate SARIF logs.
// Each test crate uses a different subset of these helpers.
#![allow(dead_code)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::OnceLock;

pub const BAD: &str = "import jwt\n\ndef who(token, key):\n    return jwt.decode(token, key, audience='api', issuer='auth')\n";
pub const CLEAN: &str = "import jwt\n\ndef who(token, key):\n    return jwt.decode(token, key, algorithms=['HS256'], audience='api', issuer='auth')\n";

pub fn flasklint(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flasklint"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            stderr(output)
        )
    })
}

pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, text).expect("write");
}

/// The rule ids of the findings in a JSON report, in order.
pub fn rule_ids(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["rule"].as_str().expect("rule id").to_string())
        .collect()
}

fn sarif_validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
        jsonschema::draft4::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the SARIF schema compiles")
    })
}

/// Checks a SARIF log against the official 2.1.0 schema and against what GitHub code scanning
/// documents for uploads ("SARIF support for code scanning"); panics listing every violation.
pub fn assert_valid_sarif(log: &serde_json::Value) {
    let mut problems: Vec<String> = sarif_validator()
        .iter_errors(log)
        .map(|error| format!("schema: {} at {}", error, error.instance_path()))
        .collect();
    problems.extend(github_upload_problems(log));
    assert!(
        problems.is_empty(),
        "invalid SARIF:\n{}\n{}",
        problems.join("\n"),
        serde_json::to_string_pretty(log).unwrap_or_default()
    );
}

fn github_upload_problems(log: &serde_json::Value) -> Vec<String> {
    let mut problems = Vec::new();
    if log["version"] != "2.1.0" {
        problems.push("version is not 2.1.0".into());
    }
    let runs = log["runs"].as_array().cloned().unwrap_or_default();
    if runs.is_empty() || runs.len() > 20 {
        problems.push(format!("{} runs (GitHub takes 1 to 20)", runs.len()));
    }
    for run in &runs {
        let driver = &run["tool"]["driver"];
        if driver["name"].as_str().is_none_or(str::is_empty) {
            problems.push("tool.driver.name is missing".into());
        }
        let rules = driver["rules"].as_array().cloned().unwrap_or_default();
        let mut ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() != count || count != rules.len() {
            problems.push("duplicate or missing rule ids".into());
        }
        for rule in &rules {
            let id = rule["id"].as_str().unwrap_or("?");
            for field in ["shortDescription", "fullDescription"] {
                let text = rule[field]["text"].as_str().unwrap_or("");
                if text.is_empty() || text.chars().count() > 1024 {
                    problems.push(format!("{id}: {field}.text empty or over 1024 characters"));
                }
            }
            if rule["help"]["text"].as_str().is_none_or(str::is_empty) {
                problems.push(format!("{id}: help.text is required"));
            }
            let tags = rule["properties"]["tags"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            if !tags.iter().any(|t| t == "security") || tags.len() > 20 {
                problems.push(format!("{id}: tags must include `security`, at most 20"));
            }
            let score = rule["properties"]["security-severity"]
                .as_str()
                .and_then(|s| s.parse::<f64>().ok());
            if !score.is_some_and(|s| s > 0.0 && s <= 10.0) {
                problems.push(format!(
                    "{id}: security-severity must be a numeric string in (0, 10]"
                ));
            }
            if !matches!(
                rule["properties"]["precision"].as_str(),
                Some("very-high" | "high" | "medium" | "low")
            ) {
                problems.push(format!("{id}: precision is not one GitHub knows"));
            }
        }
        let results = run["results"].as_array().cloned().unwrap_or_default();
        if results.len() > 25_000 {
            problems.push("more than 25,000 results".into());
        }
        for (n, result) in results.iter().enumerate() {
            let id = result["ruleId"].as_str().unwrap_or("");
            if let Some(index) = result["ruleIndex"].as_u64() {
                let indexed = usize::try_from(index)
                    .ok()
                    .and_then(|i| rules.get(i))
                    .map(|r| &r["id"]);
                if indexed.and_then(|v| v.as_str()) != Some(id) {
                    problems.push(format!("result {n}: ruleIndex does not point at {id}"));
                }
            }
            if !rules.iter().any(|r| r["id"] == id) {
                problems.push(format!("result {n}: rule {id} is not among the rules"));
            }
            if result["message"]["text"].as_str().is_none_or(str::is_empty) {
                problems.push(format!("result {n}: message.text is required"));
            }
            let locations = result["locations"].as_array().cloned().unwrap_or_default();
            if locations.is_empty() || locations.len() > 1000 {
                problems.push(format!("result {n}: needs 1 to 1000 locations"));
            }
            for location in &locations {
                let physical = &location["physicalLocation"];
                if physical["artifactLocation"]["uri"]
                    .as_str()
                    .is_none_or(str::is_empty)
                {
                    problems.push(format!("result {n}: location without a uri"));
                }
                problems.extend(region_problems(&physical["region"], &format!("result {n}")));
            }
            if result["partialFingerprints"]["primaryLocationLineHash"]
                .as_str()
                .is_none_or(str::is_empty)
            {
                problems.push(format!("result {n}: no primaryLocationLineHash"));
            }
            for fix in result["fixes"].as_array().cloned().unwrap_or_default() {
                let changes = fix["artifactChanges"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                if changes.is_empty() {
                    problems.push(format!("result {n}: a fix without artifactChanges"));
                }
                for change in changes {
                    for replacement in change["replacements"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default()
                    {
                        problems.extend(region_problems(
                            &replacement["deletedRegion"],
                            &format!("result {n} fix"),
                        ));
                    }
                }
            }
        }
        let uses_srcroot = serde_json::to_string(run)
            .unwrap_or_default()
            .contains("\"uriBaseId\":\"%SRCROOT%\"");
        if uses_srcroot && run["originalUriBaseIds"]["%SRCROOT%"].is_null() {
            problems.push("%SRCROOT% is used but not declared in originalUriBaseIds".into());
        }
    }
    problems
}

fn region_problems(region: &serde_json::Value, what: &str) -> Vec<String> {
    let get = |key: &str| region[key].as_u64().unwrap_or(0);
    let (start_line, start_column) = (get("startLine"), get("startColumn"));
    let (end_line, end_column) = (get("endLine"), get("endColumn"));
    let mut problems = Vec::new();
    if start_line < 1 || start_column < 1 || end_line < 1 || end_column < 1 {
        problems.push(format!(
            "{what}: region lines and columns must be >= 1: {region}"
        ));
    }
    if (end_line, end_column) < (start_line, start_column) {
        problems.push(format!("{what}: region ends before it starts: {region}"));
    }
    problems
}

/// Compares `actual` with `tests/golden/NAME`, or rewrites that file when `FLASKLINT_BLESS` is
/// set; on a difference, names the first line that differs.
pub fn compare_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("FLASKLINT_BLESS").is_some() {
        fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with FLASKLINT_BLESS=1", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n expected: {:?}\n actual:   {:?}\n(regenerate with FLASKLINT_BLESS=1 if intended)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}
