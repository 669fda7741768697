//! `flasklint deps`: the token-library versions each project allows, and where each was
//! declared, as a reviewer checks them before reading FL101/FL102/FL501 findings.

use crate::deps::Row;

pub fn render_json(rows: &[Row]) -> String {
    let mut text = serde_json::to_string_pretty(rows).unwrap_or_default();
    text.push('\n');
    text
}

pub fn render_text(rows: &[Row]) -> String {
    if rows.is_empty() {
        return "no dependency declarations of PyJWT, python-jose, Authlib, Flask-JWT-Extended, Flask-JWT, itsdangerous, Flask or Werkzeug found\n".to_string();
    }
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|row| {
            let declared = row
                .declarations
                .iter()
                .map(|d| {
                    let context = d
                        .context
                        .as_deref()
                        .map(|c| format!(" [{c}]"))
                        .unwrap_or_default();
                    let role = match d.role {
                        "constraint" => " (constraint)",
                        _ => "",
                    };
                    format!("{}:{} `{}`{role}{context}", d.path, d.line, d.requirement)
                })
                .collect::<Vec<_>>()
                .join("; ");
            [
                if row.root.is_empty() {
                    ".".to_string()
                } else {
                    row.root.clone()
                },
                row.package.clone(),
                row.allowed.clone(),
                declared,
            ]
        })
        .collect();
    let headers = ["PROJECT", "PACKAGE", "ALLOWED", "DECLARED"];
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            cells
                .iter()
                .map(|c| c[i].chars().count())
                .chain([headers[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut text = String::new();
    for row in std::iter::once(headers.map(str::to_string)).chain(cells) {
        let line = format!(
            "{:<w0$}  {:<w1$}  {:<w2$}  {}",
            row[0],
            row[1],
            row[2],
            row[3],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2]
        );
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}
