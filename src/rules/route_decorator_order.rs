//! FL205 auth-decorator-above-route: an authentication or role decorator written above the
//! route decorator, where it never runs.
//!
//! Why: `@app.route` registers the function it receives at import time. Decorators listed above
//! it wrap the already-registered function and the wrapper is never called, so
//! `@jwt_required()` over `@app.route("/notes/<id>")` leaves the route wide open while reading
//! as protected. Flask's documentation: the route decorator must be the outermost.
//! When other authentication covers the route (an app-wide `before_request` hook that refuses
//! anonymous requests), a misplaced authentication decorator is reported at low: the route is
//! not open; a misplaced role or permission decorator stays high, since that check is lost.
//! Fix: move the route decorator to the top of the decorator list (the fix does exactly that).

use ruff_text_size::{Ranged, TextRange, TextSize};

use super::{Applicability, Checker, Edit, Fix, Rule, Severity};
use crate::model::routes::is_role_word;

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL205.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    let project = checker.project;
    let context = project.routes.context(&project.model, &project.files);
    for route in checker.routes() {
        let Some(guard) = route
            .decorators_above_route
            .iter()
            .find(|d| context.guards_access(route.module, d))
        else {
            continue;
        };
        let guard_text = checker.text(*guard).to_string();
        let route_text = checker.text(&route.declared_at).to_string();
        // `declared_at` is the whole decorator, `@` included.
        let fix = move_route_decorator_first(checker, route.handler, route.declared_at);
        // Authentication the route gets elsewhere (an app-wide hook) keeps it closed: the dead
        // decorator then only misleads, unless it also checked a role the hook does not.
        let covered = route
            .authentication
            .as_ref()
            .filter(|_| !is_role_word(&guard_text));
        let mut message = format!(
            "`@{guard_text}` is above `{route_text}`: Flask registered `{}` before this decorator wrapped it, so `{}` is served without it",
            route.handler.name, route.rule
        );
        if let Some(authentication) = covered {
            message.push_str(&format!(
                " [{} authenticates the route anyway, so it is not open; the decorator never runs]",
                authentication.how
            ));
        }
        message.push_str(&checker.app_of(route));
        let diagnostic = checker.report(
            guard.range(),
            message,
            format!(
                "make the route decorator the outermost: put `{route_text}` above `@{guard_text}`"
            ),
        );
        diagnostic.fix = fix;
        if covered.is_some() {
            diagnostic.severity = Some(Severity::Low);
        }
    }
}

/// Moves the route decorator's line above the first decorator, when each sits on its own line.
fn move_route_decorator_first(
    checker: &Checker<'_, '_>,
    handler: &ruff_python_ast::StmtFunctionDef,
    route_decorator: TextRange,
) -> Option<Fix> {
    let first = handler.decorator_list.first()?;
    let text = &checker.source.text;
    let line_start = |offset: TextSize| -> usize {
        text[..offset.to_usize()].rfind('\n').map_or(0, |at| at + 1)
    };
    let decorator = handler
        .decorator_list
        .iter()
        .find(|d| d.range() == route_decorator)?;
    let start = line_start(decorator.start());
    let end = text[decorator.end().to_usize()..]
        .find('\n')
        .map(|at| decorator.end().to_usize() + at + 1)?;
    let line = &text[start..end];
    // Only when the line holds nothing but the decorator (no `;`, no second statement).
    if line.trim().len() != checker.source.slice(decorator.range()).trim().len() {
        return None;
    }
    let first_start = line_start(first.start());
    let insert = TextSize::try_from(first_start).ok()?;
    Some(Fix {
        description: "move the route decorator to the top of the decorator list".to_string(),
        edits: vec![
            Edit {
                range: TextRange::empty(insert),
                content: line.to_string(),
            },
            Edit {
                range: TextRange::new(
                    TextSize::try_from(start).ok()?,
                    TextSize::try_from(end).ok()?,
                ),
                content: String::new(),
            },
        ],
        // The check starts running (callers without credentials are refused), and a wrapper
        // without `functools.wraps` now renames the endpoint, which can clash with another.
        applicability: Applicability::Unsafe,
    })
}
