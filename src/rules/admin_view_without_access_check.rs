//! FL207 admin-view-without-access-check: a Flask-Admin view registered without a check of who
//! may use it.
//!
//! Why: Flask-Admin's `ModelView` serves list, create, edit and delete pages for every row of
//! its model under `/admin/`, and `FileAdmin` a file manager; a view admits everyone unless its
//! class overrides `is_accessible`. Registering `ModelView(User, db.session)` as it is hands
//! every visitor the users table. The model (`model::admin_views`) reads each view's class chain;
//! this rule adds what guards the whole application (a `before_request` hook that authenticates
//! its routes, forced Basic Auth), in which case it stays silent.
//! Fix: register a subclass whose `is_accessible` returns `current_user.is_authenticated and
//! current_user.is_admin` (and whose `inaccessible_callback` redirects to the login page).

use super::{Checker, Rule};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL207.md"),
    check,
};

fn check(checker: &mut Checker<'_, '_>) {
    let project = checker.project;
    let module = checker.file.module;
    if project.config.is_test_module(module) {
        return;
    }
    // Flask-Admin's model and file views serve their pages themselves; a project's own
    // `BaseView` pages are written by the project, which may check access in each of them.
    // Such a view is reported when it checks nothing in its pages while every other admin view
    // of its application checks access: metabrainz's `QuickBooksView(BaseView)`, the one view
    // not built on the project's `AuthMixin`, whose pages overwrite the invoicing credentials.
    let checked_elsewhere = |view: &crate::model::admin_views::AdminView| {
        project.admin_views().iter().find(|other| {
            other.access_check.is_some() && project.apps.share(other.module, view.module)
        })
    };
    let views: Vec<_> = project
        .admin_views()
        .iter()
        .filter(|view| {
            view.module == module
                && view.access_check.is_none()
                && (view.library_base.contains(".contrib.")
                    || (!view.pages_check_caller && checked_elsewhere(view).is_some()))
        })
        .collect();
    if views.is_empty() {
        return;
    }
    // A guard in front of every request of the application may cover `/admin/` too.
    let guarded_app_wide = project.routes.routes.iter().any(|route| {
        route
            .authentication
            .as_ref()
            .is_some_and(|authentication| authentication.guards_every_request())
            && project.apps.share(route.module, module)
    });
    if guarded_app_wide {
        return;
    }
    // An application that requires authentication on no route at all (sandman2's generated
    // API and admin): an open admin is how it was built, said at low.
    let authenticates_elsewhere =
        project.routes.routes.iter().any(|route| {
            route.authentication.is_some() && project.apps.share(route.module, module)
        });
    // One finding per module: the views are registered together, and one base class with an
    // access check is the fix for all of them.
    let first = views[0];
    let serves = if first.manages_files() {
        "a file manager (upload, rename, delete) for the server's files".to_string()
    } else {
        match &first.model {
            Some(model) if model.starts_with(|c: char| c.is_ascii_uppercase()) => {
                format!("pages that list, create, edit and delete every `{model}` row")
            }
            _ => "its pages".to_string(),
        }
    };
    let library = first
        .library_base
        .rsplit('.')
        .next()
        .unwrap_or(&first.library_base);
    let others = match views.len() {
        1 => String::new(),
        2 => format!(" (and `{}`, registered the same way)", views[1].class),
        count => format!(
            " (and {} more views registered the same way: `{}`{})",
            count - 1,
            views[1].class,
            if count > 2 { ", ..." } else { "" }
        ),
    };
    let odd_one_out = match checked_elsewhere(first) {
        Some(other) if !first.library_base.contains(".contrib.") => format!(
            "; the other admin views of this application check access ({}), this one's pages check no login either",
            other.access_check.as_deref().unwrap_or_default()
        ),
        _ => String::new(),
    };
    let diagnostic = checker.report(
        first.range,
        format!(
            "`{}` serves {serves} under `/admin/` to anyone{others}: no class up to Flask-Admin's `{library}` overrides `is_accessible`, and no `before_request` hook or forced Basic Auth guards the application{odd_one_out}{}",
            first.class,
            if authenticates_elsewhere {
                ""
            } else {
                "; low severity: no route of this application requires authentication either, so an open admin may be how it is meant to run (on a trusted network); if it is reachable from anywhere else, this is high"
            }
        ),
        "register views of a base class whose `is_accessible` returns `current_user.is_authenticated and current_user.is_admin` (or your app's admin test), with an `inaccessible_callback` that redirects to the login page".to_string(),
    );
    if !authenticates_elsewhere {
        diagnostic.severity = Some(super::Severity::Low);
    }
}
