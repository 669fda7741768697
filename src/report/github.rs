//! `--format github`: GitHub Actions workflow commands, one annotation per finding
//! (`::error file=app/auth.py,line=12,col=15,endLine=12,endColumn=25,title=FL101 ...::message`),
//! shown on the pull request's changed lines without any upload step.
//!
//! Levels map as in SARIF: error -> `::error`, warning -> `::warning`, note -> `::notice`.
//! Escaping follows the runner's rules (actions/toolkit `command.ts`): in the message `%`, `\r`
//! and `\n` are percent-encoded; in properties also `:` and `,`, which delimit them.

use crate::check::{Finding, Outcome};
use crate::rules::meta::Level;
use crate::source::display_path;

pub fn render(outcome: &Outcome) -> String {
    let mut out = String::new();
    for finding in &outcome.findings {
        out.push_str(&annotation(finding));
        out.push('\n');
    }
    for error in &outcome.errors {
        let mut properties = vec![("file", display_path(&error.path))];
        if let Some(position) = error.position {
            properties.push(("line", position.line.to_string()));
            properties.push(("col", position.column.to_string()));
        }
        properties.push(("title", "flasklint".to_string()));
        out.push_str(&command("error", &properties, &error.message));
        out.push('\n');
    }
    out
}

fn annotation(finding: &Finding) -> String {
    let command_name = match finding.severity.level() {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "notice",
    };
    let mut properties = vec![
        ("file", finding.path.clone()),
        ("line", finding.start.line.to_string()),
    ];
    // The runner rejects columns on an annotation that spans several lines.
    let one_line = finding.start.line == finding.end.line;
    if one_line {
        properties.push(("col", finding.start.column.to_string()));
    }
    properties.push(("endLine", finding.end.line.to_string()));
    if one_line {
        properties.push(("endColumn", finding.end.column.to_string()));
    }
    properties.push((
        "title",
        format!("{} {}", finding.rule.id, finding.rule.name),
    ));
    let mut message = format!("{}\nhelp: {}", finding.message, finding.help);
    if let Some(fix) = &finding.fix {
        message.push_str("\nfix: ");
        message.push_str(&fix.description);
    }
    command(command_name, &properties, &message)
}

fn command(name: &str, properties: &[(&str, String)], message: &str) -> String {
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect();
    format!(
        "::{name} {}::{}",
        properties.join(","),
        escape_data(message)
    )
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Finding;
    use crate::rules::meta::Severity;
    use crate::source::Position;

    fn finding(severity: Severity, start: (usize, usize), end: (usize, usize)) -> Finding {
        let (rule, _) = &crate::rules::all()[0];
        Finding {
            rule,
            severity,
            path: "app/a b,c.py".into(),
            start: Position {
                line: start.0,
                column: start.1,
            },
            end: Position {
                line: end.0,
                column: end.1,
            },
            offset: 0,
            length: 0,
            message: "50% wrong".into(),
            help: "do x".into(),
            fix: None,
            source: "".into(),
            fingerprint: "0:1".into(),
            suppressed_by: None,
        }
    }

    #[test]
    fn levels_map_to_commands_and_multi_line_spans_drop_columns() {
        let note = annotation(&finding(Severity::Low, (3, 5), (3, 9)));
        assert_eq!(
            note,
            format!(
                "::notice file=app/a b%2Cc.py,line=3,col=5,endLine=3,endColumn=9,title={} {}::50%25 wrong%0Ahelp: do x",
                crate::rules::all()[0].0.id,
                crate::rules::all()[0].0.name
            )
        );
        let warning = annotation(&finding(Severity::Medium, (3, 5), (4, 2)));
        assert!(
            warning.starts_with("::warning file=app/a b%2Cc.py,line=3,endLine=4,title="),
            "{warning}"
        );
        assert!(annotation(&finding(Severity::Critical, (1, 1), (1, 2))).starts_with("::error "));
    }

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn commands_have_properties_then_the_message() {
        assert_eq!(
            command(
                "warning",
                &[("file", "a,b.py".into()), ("line", "3".into())],
                "x: y"
            ),
            "::warning file=a%2Cb.py,line=3::x: y"
        );
    }
}
