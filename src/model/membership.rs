//! Who may hold an account in an application: anyone who asks (a sign-up route, a social login
//! that makes the account on first sign-in, an auth extension's registration), or only the
//! people its operators let in (accounts made by a command, a seed script or an authenticated
//! route). A team's back office whose accounts an administrator makes (walsatpay's foundation
//! staff, MHN's sensor operators, castmail2list's list operators made by `flask create-user`)
//! shares its records among colleagues by design; an app anyone may join keeps each member's
//! records apart. Authorization rules weigh a missing ownership check by this.
//!
//! Decided from facts only: an application counts as closed when accounts are seen made and no
//! route anyone may call makes one or is named for signing up; otherwise open, or unknown
//! when the code makes no account at all (users from LDAP or an identity provider).

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::apps::overlap;
use super::routes::{Route, any_expr, visit_stmts};
use super::{At, Project};

/// How deep calls from a route's handler into project functions are followed when asking
/// whether the route makes an account: a service layer (`register()` calling
/// `UserService.create()`) is two calls from the handler.
const CALL_DEPTH: usize = 2;

/// Who may hold an account in the application of a route.
pub enum Membership {
    /// Anyone: how (for messages).
    Open(String),
    /// Only those the operators let in: where accounts are made (for messages).
    Closed(String),
    /// The code makes no account that can be seen.
    Unknown,
}

/// Where the project makes accounts, and which routes let anyone make one; built once per run.
#[derive(Default)]
pub struct Facts {
    /// Account-making code outside routes anyone may call (commands, seeds, authenticated
    /// routes): module, and how it reads in messages.
    made: Vec<(usize, String)>,
    /// Routes anyone may call that make accounts or are named for signing up: their
    /// application units, how they read in messages, and their URL rule.
    open_routes: Vec<(Vec<usize>, String, String)>,
    /// Modules that turn on an auth extension's own registration view.
    extension_registration: Vec<(usize, String)>,
}

impl Facts {
    pub fn new(project: &Project<'_>) -> Facts {
        let mut facts = Facts::default();
        let model = &project.model;
        let is_test = |module: usize| {
            project
                .files
                .get(module)
                .is_some_and(|file| file.is_test_module())
        };
        // Said after the commands and seeds: those name where accounts come from first.
        let mut made_behind_authentication = Vec::new();
        for route in &project.routes.routes {
            if is_test(route.module) {
                continue;
            }
            // chrisco's `register_user` answers 403 when the e-mail is taken: a check of the
            // handler's own that compares no role or privilege leaves the route open.
            let anyone = route.authentication.is_none()
                && (route.role_check.is_none()
                    || route.roles_compared.as_ref().is_some_and(Vec::is_empty));
            let file = model.modules[route.module].file;
            if !anyone && !route.logs_the_caller_in {
                // An authenticated route that makes accounts: an administrator adding
                // colleagues.
                if let Some(call) = account_made_in(&route.handler.body) {
                    made_behind_authentication.push((
                        route.module,
                        format!(
                            "`{}(...)` behind authentication in `{}` ({}:{})",
                            file.slice(call.func.range()),
                            route.rule,
                            file.display_path(),
                            file.position(call.start()).line
                        ),
                    ));
                }
                continue;
            }
            if route.registered_only_in_development.is_some() {
                continue;
            }
            let place = format!(
                "`{}` ({}:{})",
                route.rule,
                file.display_path(),
                file.position(route.handler.name.start()).line
            );
            // The form's page (`GET /register`) makes nothing; the route that takes it does.
            let named_sign_up = anyone
                && route.methods.iter().any(|m| m == "POST" || m == "PUT")
                && names_sign_up(&super::context::words(&format!(
                    "{} {}",
                    route.rule, route.handler.name
                )));
            // A login that makes the local account of a directory user on first sign-in
            // (iforge's LDAP login, fireshare's) opens the app to the whole directory: a
            // university's students are not colleagues sharing records.
            if named_sign_up || makes_account_through(project, route.module, route.handler, 0) {
                facts
                    .open_routes
                    .push((route.units.clone(), place, route.rule.clone()));
            }
        }
        let route_handlers: Vec<(usize, TextRange)> = project
            .routes
            .routes
            .iter()
            .map(|route| (route.module, route.handler.range()))
            .collect();
        for (module, info) in model.modules.iter().enumerate() {
            if !info.analysed || is_test(module) {
                continue;
            }
            let text = &info.file.text;
            if let Some(setting) = REGISTRATION_SETTINGS
                .iter()
                .find(|setting| memchr::memmem::find(text.as_bytes(), setting.as_bytes()).is_some())
            {
                facts
                    .extension_registration
                    .push((module, format!("`{setting}`")));
            }
            if !super::context::contains_any_ignoring_case(text, ACCOUNT_CALL_HINTS) {
                continue;
            }
            let body = &info.file.module().body;
            let mut sites = Vec::new();
            visit_stmts(body, &mut |stmt| {
                if let Stmt::FunctionDef(def) = stmt
                    && !route_handlers.contains(&(module, def.range()))
                    && let Some(call) = account_made_in(&def.body)
                {
                    sites.push((def.name.as_str(), call));
                }
            });
            let module_code = body
                .iter()
                .filter(|stmt| !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)));
            for stmt in module_code {
                if let Some(call) = account_made_in(std::slice::from_ref(stmt)) {
                    sites.push(("<module>", call));
                }
            }
            for (function, call) in sites {
                let line = info.file.position(call.start()).line;
                let written = info.file.slice(call.func.range());
                facts.made.push((
                    module,
                    format!(
                        "`{written}(...)` in `{function}` ({}:{line})",
                        info.file.display_path()
                    ),
                ));
            }
        }
        facts.made.extend(made_behind_authentication);
        facts
    }

    /// The URL rules of the routes anyone may call that make accounts in `route`'s
    /// application.
    pub fn sign_up_rules(&self, route: &Route<'_>) -> Vec<&str> {
        self.open_routes
            .iter()
            .filter(|(units, _, _)| overlap(units, &route.units))
            .map(|(_, _, rule)| rule.as_str())
            .collect()
    }

    /// Who may hold an account in the application `route` belongs to.
    pub fn membership(&self, project: &Project<'_>, route: &Route<'_>) -> Membership {
        let apps = &project.apps;
        if let Some((_, how, _)) = self
            .open_routes
            .iter()
            .find(|(units, _, _)| overlap(units, &route.units))
        {
            return Membership::Open(format!("the route {how} lets anyone make an account"));
        }
        if let Some((_, setting)) = self
            .extension_registration
            .iter()
            .find(|(module, _)| apps.share(*module, route.module))
        {
            return Membership::Open(format!("{setting} turns on registration"));
        }
        let mut made = self.made.iter().filter(|(module, _)| {
            apps.share(*module, route.module) || apps.of_module(*module).is_empty()
        });
        match made.next() {
            Some((_, how)) => Membership::Closed(how.clone()),
            None => Membership::Unknown,
        }
    }
}

/// Settings of auth extensions that serve a registration view of their own (Flask-Security's
/// `SECURITY_REGISTERABLE`, Flask-User's `USER_ENABLE_REGISTER`, Flask-AppBuilder's
/// `AUTH_USER_REGISTRATION`): written at all, they say registration is a question the app
/// answers, so it is not taken to be closed.
const REGISTRATION_SETTINGS: &[&str] = &[
    "SECURITY_REGISTERABLE",
    "USER_ENABLE_REGISTER",
    "AUTH_USER_REGISTRATION",
];

/// Text every file that makes an account holds (a call of an account class or of a
/// `create_user`-like function, an `INSERT INTO users`), lower case: files without any are
/// not walked.
const ACCOUNT_CALL_HINTS: &[&str] = &[
    "user(", "users(", "account(", "member(", "admin(", "create(", "model(", "insert",
];

/// `register`, `registration`, `signup`, `sign up`: words for signing up.
fn says_sign_up(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| matches!(w.as_str(), "register" | "registration" | "signup"))
        || words
            .windows(2)
            .any(|pair| pair[0] == "sign" && pair[1] == "up")
}

/// `/register`, `def signup()`, `/sign-up`, `/join`: a route named for making an account.
fn names_sign_up(words: &[String]) -> bool {
    says_sign_up(words)
        || words
            .iter()
            .any(|w| matches!(w.as_str(), "join" | "enroll" | "enrol"))
}

/// `RegistrationForm()`, `SignupForm()`, `register_user(...)`, `signup(...)`: a call named for
/// signing up (not `app.register_blueprint`, nor `os.path.join`).
fn calls_for_sign_up(callee: &str) -> bool {
    let words = super::context::words(callee);
    says_sign_up(&words)
        && (words.len() == 1
            || words
                .iter()
                .any(|w| w == "form" || super::records::names_account(w)))
}

/// Whether `def` (a route's handler, or a project function it calls, up to [`CALL_DEPTH`]
/// calls away) makes an account, or calls something named for registering one
/// (`RegistrationForm()`, `register_user(...)`).
fn makes_account_through(
    project: &Project<'_>,
    module: usize,
    def: &ast::StmtFunctionDef,
    depth: usize,
) -> bool {
    if account_made_in(&def.body).is_some() {
        return true;
    }
    let model = &project.model;
    any_expr(&def.body, &mut |expr| {
        let Expr::Call(call) = expr else { return false };
        let Some(callee) = super::exceptions::last_segment(&call.func) else {
            return false;
        };
        if calls_for_sign_up(callee) {
            return true;
        }
        if depth + 1 >= CALL_DEPTH {
            return false;
        }
        let target = model
            .qualified_name(&call.func, &At::top(module))
            .and_then(|qualified| project.routes.project_function(model, &qualified))
            .or_else(|| match call.func.as_ref() {
                Expr::Name(name) => project
                    .routes
                    .module_function(module, name.id.as_str())
                    .map(|def| (module, def)),
                _ => None,
            });
        target.is_some_and(|(target_module, target)| {
            !std::ptr::eq(target, def)
                && makes_account_through(project, target_module, target, depth + 1)
        })
    })
}

/// The call that makes an account in `body`, when one does: a `create_user`-like call, an
/// insert into an account collection or table, or an account class constructed where
/// something is also saved (`db.session.add(user)`, `user.save()`): a login that wraps a
/// database row in `User(...)` for Flask-Login makes nothing.
pub fn account_made_in(body: &[Stmt]) -> Option<&ast::ExprCall> {
    let mut constructed: Option<&ast::ExprCall> = None;
    let mut made: Option<&ast::ExprCall> = None;
    let mut saves = false;
    any_expr(body, &mut |expr| {
        let Expr::Call(call) = expr else { return false };
        let (callee, receiver) = match call.func.as_ref() {
            Expr::Name(name) => (name.id.as_str(), None),
            Expr::Attribute(attribute) => (attribute.attr.as_str(), Some(attribute.value.as_ref())),
            _ => return false,
        };
        if super::routes::is_account_class_name(callee) && !names_no_account(callee) {
            constructed.get_or_insert(call);
        } else if super::records::creates_account(callee, receiver.and_then(receiver_name))
            || creates_by_name(callee, receiver.and_then(receiver_name))
            || receiver.is_some_and(|receiver| inserts_into_accounts(callee, receiver))
            || inserts_account_row(call)
        {
            made = Some(call);
            return true;
        }
        saves |= matches!(
            callee,
            "add" | "add_all" | "save" | "commit" | "put" | "insert" | "insert_one" | "persist"
        );
        false
    });
    made.or(constructed.filter(|_| saves))
}

/// iforge's `return_or_create_user(uid)` and `User.create_from_ldap(uid)`: a call named for
/// creating whose last word, or its receiver's, names an account (not `create_user_token`, nor
/// `EmployeeReviewController.create_review`).
fn creates_by_name(callee: &str, receiver: Option<&str>) -> bool {
    let ends_with_account = |name: &str| {
        super::context::words(name)
            .last()
            .is_some_and(|word| super::records::names_account(word))
    };
    super::context::words(callee)
        .iter()
        .any(|word| word == "create")
        && (ends_with_account(callee) || receiver.is_some_and(ends_with_account))
}

/// The receiver's name for account words: the last name of `User.objects` that names
/// accounts, else its last segment.
fn receiver_name(receiver: &Expr) -> Option<&str> {
    let mut current = receiver;
    loop {
        match current {
            Expr::Attribute(attribute) => {
                if super::records::names_account(attribute.attr.as_str()) {
                    return Some(attribute.attr.as_str());
                }
                current = &attribute.value;
            }
            Expr::Name(name) => return Some(name.id.as_str()),
            Expr::Call(call) => current = &call.func,
            _ => return super::exceptions::last_segment(receiver),
        }
    }
}

/// `AnonymousUser()`, `GuestUser()`, `CurrentUser()`: stand-ins for a caller, not accounts.
fn names_no_account(class: &str) -> bool {
    let lower = class.to_ascii_lowercase();
    ["anonymous", "guest", "current", "dummy", "fake", "mock"]
        .iter()
        .any(|word| lower.contains(word))
}

/// `mongo.db.users.insert_one({...})`: a document added to a collection named for accounts.
fn inserts_into_accounts(callee: &str, receiver: &Expr) -> bool {
    matches!(callee, "insert_one" | "insert" | "insert_many")
        && super::exceptions::last_segment(receiver).is_some_and(super::records::names_account)
}

/// `cursor.execute("INSERT INTO users (...) VALUES (...)")`: a row added to a table named for
/// accounts.
fn inserts_account_row(call: &ast::ExprCall) -> bool {
    let Some(Expr::StringLiteral(sql)) = call.arguments.args.first() else {
        return false;
    };
    let sql = sql.value.to_str().trim_start().to_ascii_lowercase();
    let Some(rest) = sql.strip_prefix("insert into") else {
        return false;
    };
    let table: String = rest
        .trim_start()
        .trim_start_matches(['`', '"', '['])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    // `users`, `staff_accounts`; not `employee_history`, a log of accounts.
    super::context::words(&table)
        .last()
        .is_some_and(|word| super::records::names_account(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(source: &str) -> ast::ModModule {
        ruff_python_parser::parse_module(source)
            .expect("parses")
            .into_syntax()
    }

    #[test]
    fn an_account_class_counts_only_where_something_is_saved() {
        let saved = body("user = User(name=n)\ndb.session.add(user)\ndb.session.commit()\n");
        assert!(account_made_in(&saved.body).is_some());
        let wrapped = body("row = cur.fetchone()\nlogin_user(User(row[0], row[1]))\n");
        assert!(account_made_in(&wrapped.body).is_none());
        let anonymous = body("u = AnonymousUser()\ndb.session.add(x)\n");
        assert!(account_made_in(&anonymous.body).is_none());
    }

    #[test]
    fn creating_calls_and_inserts_count() {
        for source in [
            "user_datastore.create_user(email=e, password=p)\n",
            "User.objects.create(email=e)\n",
            "mongo.db.users.insert_one({'email': e})\n",
            "cur.execute(\"INSERT INTO users (name, pw) VALUES (?, ?)\", (n, p))\n",
            "user = return_or_create_user(uid)\n",
            "User.create_from_ldap(uid)\n",
        ] {
            assert!(account_made_in(&body(source).body).is_some(), "{source}");
        }
        for source in [
            "cur.execute(\"INSERT INTO orders (id) VALUES (?)\", (i,))\n",
            "conn.execute(text(\"INSERT INTO employee_history (id) VALUES (:i)\"))\n",
            "mongo.db.posts.insert_one({'t': t})\n",
            "Order.create(total=t)\n",
            "token = create_user_token(user)\n",
            "EmployeeReviewController.create_review(data)\n",
        ] {
            assert!(account_made_in(&body(source).body).is_none(), "{source}");
        }
    }

    #[test]
    fn sign_up_names() {
        let words = |s: &str| super::super::context::words(s);
        assert!(names_sign_up(&words("sign_up")));
        assert!(names_sign_up(&words("registerUser")));
        assert!(!names_sign_up(&words("sign_in")));
        assert!(!names_sign_up(&words("registry")));
    }
}
