//! `flasklint routes`: the attack surface as a reviewer reads it. One row per route: methods,
//! full URL rule, handler and place, how it authenticates, where the identity comes from, which
//! role check guards it, and the findings on it. Listed whether or not anything is wrong. When
//! the run holds several applications, routes are grouped under the application they belong to.

use serde::Serialize;

use crate::check::Outcome;
use crate::model::routes::RouteRow;

#[derive(Serialize)]
struct JsonRoute<'o> {
    #[serde(flatten)]
    route: &'o RouteRow,
    findings: Vec<String>,
}

/// The rule ids of the findings inside a route's handler.
fn findings_on(outcome: &Outcome, route: &RouteRow) -> Vec<String> {
    let mut ids: Vec<String> = outcome
        .findings
        .iter()
        .filter(|f| {
            f.path == route.path && f.start.line >= route.line && f.start.line <= route.end_line
        })
        .map(|f| f.rule.id.to_string())
        .collect();
    ids.dedup();
    ids
}

pub fn render_json(outcome: &Outcome) -> String {
    let rows: Vec<JsonRoute<'_>> = outcome
        .routes
        .iter()
        .map(|route| JsonRoute {
            route,
            findings: findings_on(outcome, route),
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rows).unwrap_or_default();
    text.push('\n');
    text
}

pub fn render_text(outcome: &Outcome) -> String {
    let header = [
        "METHODS",
        "RULE",
        "HANDLER",
        "AUTHENTICATION",
        "IDENTITY",
        "AUTHORIZATION",
        "FINDINGS",
    ];
    let mut rows: Vec<[String; 7]> = Vec::new();
    for route in &outcome.routes {
        let findings = findings_on(outcome, route);
        rows.push([
            route.methods.join(","),
            route.rule.clone(),
            format!("{} ({}:{})", route.handler, route.path, route.line),
            match (&route.authentication, &route.optional_authentication) {
                (Some(how), _) => how.clone(),
                (None, Some(hook)) => format!("none ({hook})"),
                (None, None) => "none".to_string(),
            },
            route.identity.clone().unwrap_or_else(|| "-".to_string()),
            route
                .authorization
                .clone()
                .unwrap_or_else(|| "none".to_string()),
            if findings.is_empty() {
                "-".to_string()
            } else {
                findings.join(",")
            },
        ]);
    }
    let mut widths = header.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (index, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if index + 1 == cells.len() {
                out.push_str(cell);
            } else {
                out.push_str(&format!("{cell:<width$}  "));
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(&header.map(str::to_string));
    // Several applications: one section each, headed by the app, in the order first seen.
    let mut groups: Vec<(String, Vec<&[String; 7]>)> = Vec::new();
    for (route, row) in outcome.routes.iter().zip(&rows) {
        let app = route.apps.join(", ");
        match groups.iter_mut().find(|(name, _)| *name == app) {
            Some((_, members)) => members.push(row),
            None => groups.push((app, vec![row])),
        }
    }
    let sectioned = groups.len() > 1;
    for (app, members) in &groups {
        if sectioned {
            out.push_str(&format!("\n{}:\n", app));
        }
        for row in members {
            out.push_str(&line(*row));
        }
    }
    out.push_str(&format!(
        "{} routes, {} without authentication.\n",
        rows.len(),
        outcome
            .routes
            .iter()
            .filter(|r| r.authentication.is_none())
            .count()
    ));
    out
}
