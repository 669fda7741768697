//! FL204 admin-route-without-role-check: an authenticated administrative route that checks no
//! role, scope or permission.
//!
//! Why: a valid token proves who the caller is, not that they are an administrator. `/admin/*`
//! routes behind `@jwt_required()` alone are open to every registered user (broken function
//! level authorization, OWASP API5).
//! Who can get an account decides the severity: where a visitor can sign up, an administrative
//! route that changes something is high; where no route lets a visitor create an account, only
//! accounts the operators made reach it (medium). A route that only shows (a GET, or a POST whose
//! handler writes nothing) is low either way. In an app with one kind of account (no route checks a role, none lets
//! a visitor sign up) the finding is low: every account may be an administrator.
//! A route is administrative by its URL or handler name (`/admin/...`, `admin_*`) or by what it
//! does: setting a privilege attribute (`user.is_admin = True`, `user.role = data["role"]`) or
//! granting a role (`user.roles.append(...)`); high when the request chooses the privilege,
//! medium otherwise.
//! Fix: require a role: a decorator such as `@admin_required` that aborts with 403 unless the
//! verified claims carry the role, or an explicit check in the handler.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

use super::{Checker, Diagnostic, Rule, Severity};
use crate::model::apps::overlap;
use crate::model::context::words;
use crate::model::request_data::form_field_choices;
use crate::model::routes::{
    AdministrativeEffect, Authentication, Route, acts_only_on_caller, administrative_effects,
    names_privilege, sign_up_roles,
};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL204.md"),
    check,
};

fn is_administrative(route: &Route<'_>) -> bool {
    let in_path = route
        .rule
        .split('/')
        .any(|segment| segment.to_ascii_lowercase().starts_with("admin"));
    let handler = route.handler.name.as_str().to_ascii_lowercase();
    let class = route
        .class
        .map(|c| c.name.as_str().to_ascii_lowercase())
        .unwrap_or_default();
    // SMART-DORMITORY-X's `Contact_Admin` is a resident's reply to the administrator: the
    // administrator is whom it writes to, not who may use it.
    let handler_words = words(&handler);
    let writes_to_admin = handler_words.windows(2).any(|pair| {
        pair[1] == "admin"
            && matches!(
                pair[0].as_str(),
                "contact"
                    | "message"
                    | "notify"
                    | "email"
                    | "mail"
                    | "reply"
                    | "ask"
                    | "report"
                    | "inform"
                    | "alert"
                    | "tell"
                    | "write"
            )
    });
    // Skraggle's `create_admin` and `delete_admin` make and delete `AdminDonations` rows (a
    // donation's administration details): the word names the kind of record, not the caller.
    let by_name = handler.starts_with("admin")
        || (handler.contains("_admin") && !writes_to_admin)
        || class.starts_with("admin");
    in_path || (by_name && !manages_admin_named_records(route.handler))
}

/// Whether a handler builds or queries rows of a model class named `Admin...` with more words
/// (`AdminDonations(...)`, `AdminNote.query`): records of a kind, not administrators.
fn manages_admin_named_records(handler: &ruff_python_ast::StmtFunctionDef) -> bool {
    let admin_named = |e: &Expr| {
        matches!(e, Expr::Name(n) if n.id.strip_prefix("Admin")
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase())))
    };
    crate::model::routes::any_expr(&handler.body, &mut |e| match e {
        Expr::Call(call) => admin_named(&call.func),
        Expr::Attribute(attribute) => {
            attribute.attr.as_str() == "query" && admin_named(&attribute.value)
        }
        _ => false,
    })
}

/// Whether the route exchanges a refresh token for a new access token
/// (`@jwt_required(refresh=True)`): a credential exchange for the caller's own identity,
/// whatever area its URL sits in.
fn refreshes_a_token(route: &Route<'_>) -> bool {
    route.decorators.iter().any(|decorator| {
        matches!(decorator, Expr::Call(call)
            if crate::model::records::callee_last(&call.func) == Some("jwt_required")
                && call.arguments.find_keyword("refresh").is_some_and(|k|
                    matches!(&k.value, Expr::BooleanLiteral(b) if b.value)))
    })
}

/// An application with one kind of account: no route checks a role anywhere, and no route
/// lets a visitor create an account. Every account is then its operator's (cve-search's
/// admins); a role check would separate nobody.
fn single_role_app(checker: &Checker<'_, '_>, route: &Route<'_>) -> bool {
    routes_of_its_app(checker, route).all(|r| r.role_check.is_none())
        && !super::open_sign_up(checker, route)
}

/// The roles an application tells apart, when every one is an ordinary account kind: its routes'
/// role checks all compare the caller's role with names such as `host` and `guest`
/// (dream_stay) or are ownership checks, no route is administrative by name, and none checks a
/// role some other way.
/// A sign-up letting the visitor choose among them grants no administrator's power.
fn ordinary_roles_only(checker: &Checker<'_, '_>, route: &Route<'_>) -> Option<Vec<String>> {
    let mut roles: Vec<String> = Vec::new();
    for other in routes_of_its_app(checker, route) {
        if is_administrative(other) {
            return None;
        }
        if other.role_check.is_some() {
            let compared = other.roles_compared.as_ref()?;
            if compared.iter().any(|r| names_privilege(r)) {
                return None;
            }
            roles.extend(compared.iter().cloned());
        }
    }
    roles.sort();
    roles.dedup();
    (!roles.is_empty()).then_some(roles)
}

/// Whether no route of `route`'s application checks a role, scope or permission (a handler's
/// own check that compares no role, `if crop.farm.user_id != user_id`, is about ownership), and
/// no authentication of one admits administrators only, while some route authenticates: an
/// app whose authentication the model sees none of says nothing of its role checks either.
fn checks_no_role(checker: &Checker<'_, '_>, route: &Route<'_>) -> bool {
    routes_of_its_app(checker, route).any(|other| other.authentication.is_some())
        && routes_of_its_app(checker, route).all(|other| {
            let ownership_only = other
                .roles_compared
                .as_ref()
                .is_some_and(|roles| roles.is_empty());
            (other.role_check.is_none() || ownership_only)
                && other
                    .authentication
                    .as_ref()
                    .is_none_or(|a| a.administrators_only.is_none())
        })
}

/// [`administrative_effects`] of the route's handler. The application's sign-up roles only
/// take effects away, so they are read (every open route of the app walked) only for the
/// few handlers that have any.
fn effects(checker: &Checker<'_, '_>, route: &Route<'_>) -> Vec<AdministrativeEffect> {
    let model = &checker.project.model;
    let form_choices = |constructor: &ruff_python_ast::ExprCall, field: &str| {
        form_field_choices(model, route.module, constructor, field)
    };
    let administrator_numbers = checker.project.administrator_role_numbers();
    let effects = administrative_effects(
        &route.handler.body,
        &[],
        &form_choices,
        administrator_numbers,
    );
    if effects.is_empty() {
        return effects;
    }
    let mut effects = administrative_effects(
        &route.handler.body,
        &sign_up_kinds(checker, route),
        &form_choices,
        administrator_numbers,
    );
    effects.retain(|effect| !makes_a_record_nobody_logs_in_as(checker, route, effect));
    effects
}

/// Whether the effect is a privilege keyword of a model class nobody logs in as
/// (`Employee(..., role=form.role.data)` in tusome-academy's payroll, where the role is a job
/// title): the row grants its subject nothing.
fn makes_a_record_nobody_logs_in_as(
    checker: &Checker<'_, '_>,
    route: &Route<'_>,
    effect: &AdministrativeEffect,
) -> bool {
    let project = checker.project;
    let mut constructor = None;
    crate::model::routes::any_expr(&route.handler.body, &mut |e| {
        if let Expr::Call(call) = e
            && call
                .arguments
                .keywords
                .iter()
                .any(|keyword| keyword.range() == effect.range)
        {
            constructor = Some(call);
            return true;
        }
        false
    });
    constructor
        .and_then(|call| {
            let records = &project.records;
            records
                .class_named(&project.model, route.module, &call.func)
                .or_else(|| match call.func.as_ref() {
                    Expr::Name(class) => records.only_class_named(class.id.as_str(), |module| {
                        project.apps.share(module, route.module)
                    }),
                    _ => None,
                })
        })
        .is_some_and(|class| {
            project
                .records
                .nobody_logs_in_as(&project.model, class, |module| {
                    project.apps.share(module, class.module)
                })
        })
}

/// The literal roles the sign-ups of `route`'s application give new accounts: a route making
/// accounts of that kind with a password it makes up itself grants no more than signing up.
fn sign_up_kinds(checker: &Checker<'_, '_>, route: &Route<'_>) -> Vec<String> {
    routes_of_its_app(checker, route)
        .filter(|other| other.authentication.is_none())
        .flat_map(|other| sign_up_roles(&other.handler.body))
        .collect()
}

/// Whether every login of the route's application refuses accounts by their role before it
/// logs anyone in (SweIoTServices' tool console: `if userRow.role_id != 0: flash("Access
/// denied"); return redirect(...)`, before `session["user_id"] = userRow.id`): each logged-in
/// caller then holds the role, and the console's routes need no check of their own.
fn logins_admit_one_role(checker: &Checker<'_, '_>, route: &Route<'_>) -> bool {
    let mut logins = routes_of_its_app(checker, route)
        .filter(|r| r.logs_the_caller_in)
        .peekable();
    logins.peek().is_some() && logins.all(|login| refuses_by_role(&login.handler.body))
}

/// An `if` that compares an account's role field (`role`, `role_id`, `is_admin`, `user_type`,
/// ...) and leaves the handler in its branch before anything logs the caller in (a session
/// entry stored, `login_user`, a token minted), and whose branch logs no one in: a login that
/// only sends each role to its own page (`if user.role == "admin": return redirect(...)` after
/// `login_user(user)`) refuses nobody.
fn refuses_by_role(body: &[Stmt]) -> bool {
    use crate::model::routes::{any_expr, visit_stmts};
    // Where the handler first logs the caller in: a session entry stored, or a call that
    // logs in or mints a token.
    let login_actions = |stmts: &[Stmt]| {
        let mut at: Vec<ruff_text_size::TextSize> = Vec::new();
        visit_stmts(stmts, &mut |stmt| {
            if let Stmt::Assign(assign) = stmt
                && assign.targets.iter().any(|target| {
                    matches!(target, Expr::Subscript(subscript)
                        if matches!(subscript.value.as_ref(), Expr::Name(n) if n.id.as_str() == "session"))
                })
            {
                at.push(stmt.start());
            }
        });
        any_expr(stmts, &mut |e| {
            if let Expr::Call(call) = e
                && matches!(
                    crate::model::records::callee_last(&call.func),
                    Some("login_user" | "create_access_token" | "encode")
                )
            {
                at.push(call.start());
            }
            false
        });
        at
    };
    let first_login = login_actions(body).into_iter().min();
    let logs_in = |stmts: &[Stmt]| !login_actions(stmts).is_empty();
    let mut found = false;
    visit_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        if first_login.is_none_or(|login| branch.end() > login) || logs_in(&branch.body) {
            return;
        }
        let about_role = crate::model::routes::expr_contains(&branch.test, &mut |e| {
            let field = match e {
                Expr::Attribute(attribute) => attribute.attr.as_str(),
                Expr::Subscript(subscript) => match subscript.slice.as_ref() {
                    Expr::StringLiteral(key) => key.value.to_str(),
                    _ => return false,
                },
                _ => return false,
            };
            matches!(
                field,
                "role"
                    | "role_id"
                    | "is_admin"
                    | "admin"
                    | "user_type"
                    | "is_staff"
                    | "is_superuser"
            )
        });
        let leaves = branch
            .body
            .last()
            .is_some_and(|last| matches!(last, Stmt::Return(_) | Stmt::Raise(_)));
        found |= about_role && leaves;
    });
    found
}

/// The routes of the application(s) `route` belongs to.
fn routes_of_its_app<'c, 'a>(
    checker: &'c Checker<'_, 'a>,
    route: &'c Route<'a>,
) -> impl Iterator<Item = &'c Route<'a>> {
    checker
        .project
        .routes
        .routes
        .iter()
        .filter(|r| overlap(&r.units, &route.units))
}

/// Whether the route's application never tells one caller from another: no route of it logs
/// anyone in or authenticates, and no module of it mentions a login or a password check or
/// compares an account's role with a literal role name
/// ([`crate::model::records::role_names_compared`]). Asked per application: another application
/// of the same tree logging users in says nothing of this one.
fn never_identifies_a_caller(checker: &Checker<'_, '_>, route: &Route<'_>) -> bool {
    let project = checker.project;
    if routes_of_its_app(checker, route)
        .any(|other| other.authentication.is_some() || other.logs_the_caller_in)
    {
        return false;
    }
    !project
        .model
        .modules
        .iter()
        .enumerate()
        .any(|(module, info)| {
            if !project.apps.share(module, route.module) {
                return false;
            }
            let text = &info.file.text;
            if crate::model::context::contains_any_ignoring_case(
                text,
                &["login", "check_password", "checkpw", "verify_password"],
            ) {
                return true;
            }
            let mut names = Vec::new();
            crate::model::records::role_names_compared(&info.file.module().body, &mut names);
            !names.is_empty()
        })
}

/// An administrative route by name that does nothing an administrator alone may do: the
/// admin area's own login or logout (a credential exchange, or ending the caller's own
/// session; without an id in the URL, which would make it a log-in as someone else), or a
/// handler that only redirects (`return redirect(request.url + "/")`).
fn session_or_redirect(route: &Route<'_>) -> bool {
    let named = route.name_words();
    let signs_in_or_out = named
        .iter()
        .any(|w| matches!(w.as_str(), "login" | "logout" | "signin" | "signout"))
        || named.windows(2).any(|pair| {
            matches!(pair[0].as_str(), "sign" | "log") && matches!(pair[1].as_str(), "in" | "out")
        });
    let statements: Vec<&Stmt> = route
        .handler
        .body
        .iter()
        .filter(|stmt| !crate::model::routes::is_docstring(stmt))
        .collect();
    let only_redirects = matches!(statements.as_slice(), [Stmt::Return(ret)]
        if matches!(ret.value.as_deref(), Some(Expr::Call(call))
            if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "redirect")
                || matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "redirect")));
    // `/admin/users/<id>/login` logs the administrator in as someone else: that one is.
    (signs_in_or_out && route.variables.is_empty()) || only_redirects
}

/// A login: the handler checks the credentials it is sent, then logs the caller in or mints
/// its token, and stores nothing. What it writes into the token it mints (`user["Admin"] =
/// "true"` after `validateAdmin(email, password)`, AathiSankarA's `POST /AdminLogin`) describes
/// the account that proved itself; a sign-up that also logs its new account in stores it.
fn is_a_login(route: &Route<'_>) -> bool {
    route.logs_the_caller_in
        && !crate::model::routes::writes_state(&route.handler.body, &mut Vec::new())
}

fn check(checker: &mut Checker<'_, '_>) {
    for route in checker.routes() {
        let Some(authentication) = &route.authentication else {
            // A route anyone may call that grants privileges: `POST /register-admin` creating
            // `User(..., is_admin=True)`, a sign-up taking `role` from the body.
            if route.role_check.is_none()
                && !route.declared_public
                && !is_a_login(route)
                && let Some(effect) = effects(checker, route).first()
            {
                let what = &effect.what;
                let ordinary_roles = if what.contains("role") {
                    ordinary_roles_only(checker, route)
                } else {
                    None
                };
                let role_unchecked = what.contains("role") && checks_no_role(checker, route);
                // FreelanceHub's `client_required` tests `current_user.is_client()`, which
                // compares `self.role == 'client'`: the roles the code compares are account
                // kinds, `client` and `freelancer`, and none is an administrator's.
                let compared_roles = checker.project.role_names_compared();
                let ordinary_compared = (ordinary_roles.is_none()
                    && role_unchecked
                    && !compared_roles.is_empty()
                    && !compared_roles.iter().any(|role| names_privilege(role)))
                .then_some(compared_roles);
                let ordinary_roles =
                    ordinary_roles.or_else(|| ordinary_compared.map(<[String]>::to_vec));
                let authenticates_nothing = never_identifies_a_caller(checker, route);
                // Only a role, and only where the app visibly tells administrators apart by a flag
                // (`if not user.is_admin:`); a flag itself is tested by truth, not compared.
                let untested = effect
                    .attribute
                    .clone()
                    .filter(|attribute| attribute.to_ascii_lowercase().contains("role"))
                    .filter(|_| {
                        checker
                            .project
                            .tests_privilege_flag(route.module, route.handler)
                    })
                    .filter(|attribute| {
                        !checker
                            .project
                            .tests_attribute(route.module, route.handler, attribute)
                    });
                let diagnostic = checker.report(
                    route.handler.name.range(),
                    format!(
                        "`{}` ({} {}) {what} with no authentication at all: {}{}",
                        route.handler.name,
                        route.methods.join("|"),
                        route.rule,
                        if ordinary_roles.is_some() || untested.is_some() {
                            "a visitor chooses their own role, any string the request sends"
                        } else {
                            "anyone can make themselves an administrator"
                        },
                        checker.app_of(route)
                    ),
                    "require an administrator's authenticated request to grant privileges, and create ordinary accounts with a fixed, unprivileged role".to_string(),
                );
                diagnostic.severity = Some(Severity::Critical);
                // A debug login (`/login/debug/<name>` in anitya's debug-only blueprint) exists
                // for development servers.
                let debug = words(&format!("{} {}", route.rule, route.handler.name))
                    .iter()
                    .any(|w| w == "debug" || w == "dev");
                if debug {
                    diagnostic.severity = Some(Severity::Low);
                    diagnostic
                        .message
                        .push_str(" [low: a debug route, for development servers]");
                } else if let Some(tenant) = &effect.new_tenant {
                    // Shuleni's school owner, Aluminet's institution admin: the usual sign-up of
                    // a multi-tenant app. It escalates only where a check of the role forgets
                    // to compare the organisation.
                    diagnostic.severity = Some(Severity::Low);
                    diagnostic.message.push_str(&format!(
                        " [low: the account is made for the `{tenant}` this request creates, so the role is over that new `{tenant}` alone wherever the app's checks of it also compare the `{tenant}`; a check that compares only the role lets it reach every other one]"
                    ));
                } else if let Some(roles) = ordinary_roles {
                    diagnostic.severity = Some(Severity::Low);
                    diagnostic.message.push_str(&format!(
                        " [low: the roles this {} ({}) name no administrator; a visitor picking one at sign-up may be the design, but accept only those]",
                        if ordinary_compared.is_some() { "project's code compares" } else { "app's routes check" },
                        roles.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
                    ));
                } else if authenticates_nothing {
                    // MedAccess: nothing in the app logs anyone in, checks a password or compares
                    // a role, so the stored role opens nothing; every route is open.
                    diagnostic.severity = Some(Severity::Low);
                    diagnostic.message.push_str(
                        " [low: nothing in this app logs anyone in, checks a password or compares a role, so the role grants nothing today; every route is open to anyone already]",
                    );
                } else if role_unchecked {
                    // agrico's sign-up stores the `role` it is sent, while its only admin check
                    // is commented out: the role is chosen, and nothing yet looks at it.
                    diagnostic.severity = Some(Severity::Medium);
                    diagnostic.message.push_str(
                        " [medium: no route of this app checks a role today, so the chosen role grants nothing yet; it does the day a route checks one]",
                    );
                } else if let Some(attribute) = untested {
                    // bookingappbackend's sign-up stores the `role` it is sent; its
                    // administrators are the accounts with `is_admin`, which no visitor sets.
                    diagnostic.severity = Some(Severity::Low);
                    diagnostic.message.push_str(&format!(
                        " [low: no code of this app compares `{attribute}`: its routes tell administrators apart some other way, so the value a visitor picks grants nothing today; accept only the values visitors may choose before anything compares it]"
                    ));
                }
            }
            continue;
        };
        // Authentication that admits administrators only is the role check; so is a login that
        // refuses every account without the role.
        if route.role_check.is_some()
            || authentication.administrators_only.is_some()
            || logins_admit_one_role(checker, route)
        {
            continue;
        }
        // Administrative by effect: the handler grants privileges, whatever the route is called.
        let effects = effects(checker, route);
        if !is_administrative(route) {
            let Some(AdministrativeEffect {
                what, from_request, ..
            }) = effects.first()
            else {
                continue;
            };
            // MPrazeres' `add_member`: the project service it hands the role to refuses callers
            // who may not change the project before it adds anyone.
            if effects
                .iter()
                .all(|effect| delegated_permission_check(checker, route, effect).is_some())
            {
                continue;
            }
            let chosen = effects.iter().any(|effect| effect.from_request);
            let single_role = single_role_app(checker, route);
            let diagnostic = checker.report(
                route.handler.name.range(),
                format!(
                    "`{}` ({} {}) {what}{}, which only an administrator should do, for any authenticated caller ({}): no role, scope or permission is checked{}",
                    route.handler.name,
                    route.methods.join("|"),
                    route.rule,
                    if *from_request || chosen { " from the request data" } else { "" },
                    authentication.how,
                    checker.app_of(route)
                ),
                "require an administrator role before changing privileges (a decorator that aborts with 403 unless the verified claims carry it), and never take a role or admin flag from the request body of a user's own update".to_string(),
            );
            // A caller who picks their own privileges escalates; a fixed grant on a route whose
            // purpose flasklint cannot see is worth a look.
            if !chosen {
                diagnostic.severity = Some(Severity::Medium);
            }
            if single_role {
                diagnostic.severity = Some(Severity::Low);
                diagnostic.message.push_str(" [low: no route of this app checks a role and none lets a visitor create an account, so every account may be an administrator]");
            }
            lower_for_service_key(diagnostic, authentication);
            continue;
        }
        // The profile, password and landing pages of an `/admin` area work on the caller.
        // Skraggle's `GET /contacts/profile/admin` answers a placeholder dict of constants: a
        // page that reads and writes nothing stored shows no one's data.
        if session_or_redirect(route)
            || refreshes_a_token(route)
            || (route.variables.is_empty() && acts_only_on_caller(&route.handler.body))
            || (reads_only(route)
                && super::route_missing_authentication::touches_no_data(route.handler))
        {
            continue;
        }
        // A POST named for reading that writes nothing (WEKO's `load_widget_design_pages`, what
        // its layout editor shows) changes nothing either.
        let grants_nothing = effects.is_empty()
            && (reads_only(route)
                || (super::route_missing_authentication::named_as_a_read(&route.handler.name)
                    && !super::route_missing_authentication::changes_state(
                        checker.project,
                        route,
                    )));
        let single_role = single_role_app(checker, route);
        let sign_up = super::open_sign_up(checker, route);
        let sign_up_in_area = sign_up_in_same_area(checker, route).map(str::to_string);
        let why_low = if single_role {
            " [low: no route of this app checks a role and none lets a visitor create an account, so every account may be an administrator; if ordinary users can get accounts, this is high]"
        } else {
            ""
        };
        let diagnostic = checker.report(
            route.handler.name.range(),
            format!(
                "`{}` serves the administrative route `{} {}` to any authenticated caller ({}): no role, scope or permission is checked{why_low}{}",
                route.handler.name,
                route.methods.join("|"),
                route.rule,
                authentication.how,
                checker.app_of(route)
            ),
            format!(
                "{}require an administrator role, e.g. a decorator that aborts with 403 unless the verified claims say `\"role\": \"admin\"`",
                if single_role { "if the app has ordinary users, " } else { "" }
            ),
        );
        if single_role {
            diagnostic.severity = Some(Severity::Low);
        } else if let Some(sign_up_rule) = sign_up_in_area {
            // Apex's agents register at `/admin/agents/register` and work under `/admin/agents`:
            // the area is every account's own, and the app tells no accounts apart.
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(&format!(
                " [low: visitors make their accounts at `{sign_up_rule}`, inside this same area, and no route of this app checks a role: the area is where every account works, so a role check would separate nobody; whether anyone may sign up to it is the question]"
            ));
        } else if sign_up {
            // Whoever signs up reaches it: changing through it escalates. Showing the page
            // discloses what an administrator sees, which held-out reviewers rated low in every
            // case they read (WEKO's layout editor, response-operations' banner pages).
            if grants_nothing && shows_people(route) {
                diagnostic.severity = Some(Severity::Medium);
                diagnostic.message.push_str(
                    " [medium: it only reads, but what it shows is about people (its name says so), so any user who signs up can see other users' data]",
                );
            } else if grants_nothing {
                diagnostic.severity = Some(Severity::Low);
                diagnostic.message.push_str(
                    " [low: it only reads, so any user can see this administrative page but change nothing through it; if the page shows other users' data, this is medium]",
                );
            }
        } else if grants_nothing && shows_people(route) {
            diagnostic.severity = Some(Severity::Medium);
            diagnostic.message.push_str(
                " [medium: it only reads, but what it shows is about people (its name says so): every account its operators made can see other users' data]",
            );
        } else if grants_nothing {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(
                " [low: it only reads, and no route of this app lets a visitor create an account: only accounts its operators made can see this administrative page, and none can change anything through it]",
            );
        } else {
            diagnostic.severity = Some(Severity::Medium);
            diagnostic.message.push_str(
                " [medium: no route of this app lets a visitor create an account, so only accounts its operators made reach it; if anyone can get an account (a sign-up elsewhere, an open single sign-on), this is high]",
            );
        }
        lower_for_service_key(diagnostic, authentication);
    }
}

/// The rule of an open sign-up route of `route`'s application that lies in the same
/// administrative area (the path up to its first `admin*` segment), when no route of the app
/// checks a role and the handler works on the caller's own records.
fn sign_up_in_same_area<'c>(checker: &'c Checker<'_, '_>, route: &Route<'_>) -> Option<&'c str> {
    let mut area = String::new();
    for segment in route.rule.trim_start_matches('/').split('/') {
        area.push('/');
        area.push_str(segment);
        if segment.to_ascii_lowercase().starts_with("admin") {
            break;
        }
    }
    if area.len() >= route.rule.len() || !checks_no_role(checker, route) {
        return None;
    }
    // Only where the handler works on the caller's own things (Apex's `add_property` makes a
    // listing owned by `current_user.id`, `delete_account` deletes `current_user`), selecting
    // nothing by a URL id: email-list-management's `/admin/lists/create` and `edit_list` change
    // lists every account shares, and stay reported.
    let project = checker.project;
    let identity = crate::model::routes::IdentityScan::new(
        &project.model,
        &project.routes,
        &project.files,
        route,
    );
    let works_on_caller =
        crate::model::routes::any_expr(&route.handler.body, &mut |e| identity.contains_identity(e));
    if !route.variables.is_empty() || !works_on_caller {
        return None;
    }
    area.push('/');
    checker
        .project
        .sign_up_rules(route)
        .into_iter()
        .find(|rule| rule.starts_with(area.as_str()))
}

/// The permission check of the project function an effect's call hands the grant to, when
/// that function refuses before it acts ([`crate::model::routes::AuthContext::permission_checked_on_entry`]).
fn delegated_permission_check(
    checker: &Checker<'_, '_>,
    route: &Route<'_>,
    effect: &AdministrativeEffect,
) -> Option<String> {
    let project = checker.project;
    let context = project.routes.context(&project.model, &project.files);
    let mut call = None;
    crate::model::routes::any_expr(&route.handler.body, &mut |e| {
        if let Expr::Call(c) = e
            && c.arguments
                .keywords
                .iter()
                .any(|k| k.range() == effect.range)
        {
            call = Some(c);
            return true;
        }
        false
    });
    context.permission_checked_on_entry(route.module, call?)
}

/// A route named for people's data (`GET /admin/users`, WEKO's `get_email_author` at
/// `/api/admin/search_email`): a read of it discloses other users' records.
fn shows_people(route: &Route<'_>) -> bool {
    words(&format!("{} {}", route.rule, route.handler.name))
        .iter()
        .any(|word| {
            matches!(
                word.as_str(),
                "user"
                    | "users"
                    | "email"
                    | "emails"
                    | "mail"
                    | "account"
                    | "accounts"
                    | "member"
                    | "members"
                    | "people"
                    | "person"
                    | "customer"
                    | "customers"
                    | "profile"
                    | "profiles"
                    | "contact"
                    | "contacts"
            )
        })
}

/// A route that answers only reading methods: `GET` (with `HEAD`/`OPTIONS`).
fn reads_only(route: &Route<'_>) -> bool {
    !route.methods.is_empty() && route.only_reads()
}

/// Low when the authentication admits whoever holds a configured key and names no caller
/// (GOV.UK Notify's internal API, which only its admin front end calls with its client secret):
/// the callers are services, and the administrator they act for is theirs to check.
fn lower_for_service_key(diagnostic: &mut Diagnostic, authentication: &Authentication) {
    let Some(key) = authentication.service_key() else {
        return;
    };
    if diagnostic.severity.unwrap_or(diagnostic.rule.severity) > Severity::Low {
        diagnostic.severity = Some(Severity::Low);
        diagnostic.message.push_str(&format!(
            " [low: the authentication admits whoever holds a configured key (`{key}`) and names no caller: its callers are services, which decide who may act as an administrator; if the key is handed to end users, this is high]"
        ));
    }
}
