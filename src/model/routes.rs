//! The route model: every Flask route with its URL rule, variables, methods and handler, how it
//! is authenticated, where the caller's identity lives, and whether it checks a role.
//!
//! Routes come from `@app.route`/`@bp.get` decorators, `add_url_rule` with functions or
//! `MethodView.as_view`, and flask-restful/flask-restx `add_resource` or `@ns.route` on `Resource`
//! classes. Authentication is decided by what code does, not by names: a project decorator counts
//! when its body (transitively, through project helpers) decodes or verifies a token.

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use ruff_python_ast::comparable::ComparableExpr;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

mod connexion;
mod hook_scope;
mod login_loaders;
mod missing_credential;
mod settings_account;

pub use connexion::{LoadedSpec, NoSpecs, SpecSource};
use connexion::{SpecSecurity, declared_public};
use hook_scope::{HookScope, RouteShape};

use super::apps::{Apps, overlap};
use super::excerpt;
use super::jwt::Operation;
use super::{At, FileModel, ProjectModel, find_class_in};
use crate::source::SourceFile;

/// A `<converter:name>` part of a URL rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrlVariable {
    pub name: String,
    pub converter: Option<String>,
}

/// How a route authenticates its caller.
#[derive(Clone, Debug)]
pub struct Authentication {
    /// For messages: "`@jwt_required()`", "`@require_auth` (app/auth.py:12 decodes a JWT)".
    pub how: String,
    /// Where the caller's identity can be read in the handler, for help texts; empty when
    /// the model saw nothing that names it.
    pub identity: String,
    /// Set when this authentication rests on a token it decodes without verifying its
    /// signature (and on nothing else that refuses callers): what decodes it, for messages.
    /// Anyone can write a token it accepts.
    pub unverified: Option<String>,
    /// Set when the decorator or hook keeps the caller as an administrator (`flask.g.administrator
    /// = administrator`, pritunl's admin console), or Flask-Login's user loader returns
    /// administrator accounts only (wizarr): the accounts it admits are its operators. Why, for
    /// messages ("it keeps the caller as `g.administrator`").
    pub administrators_only: Option<String>,
    /// Set when the decorator admits whoever presents one configured key (`if
    /// current_app.config["PYCROFT_API_KEY"] != api_key: abort(401)`) and names no caller: a
    /// service credential, whose holders all act with the same authority. The key's name, for
    /// messages.
    pub shared_key: Option<String>,
    /// Set when the check compares what the request sends with a token the record it acts on
    /// keeps (0x0's `request.form["token"] == f.mgmt_token`): a capability for one object,
    /// handed to whoever made it, not an account. How the token reads, for messages.
    pub record_token: Option<String>,
}

impl Authentication {
    /// Whether this authentication runs before every request of the application rather than for
    /// this route only: a `before_request` hook (which may cover pages no route lists, such as
    /// Flask-Admin's), or Flask-BasicAuth's `BASIC_AUTH_FORCE`. Read from `how`, which this module
    /// writes for exactly those two.
    pub fn guards_every_request(&self) -> bool {
        self.how.starts_with("the `before_request` hook")
            || self.how.starts_with("Flask-BasicAuth's `BASIC_AUTH_FORCE")
    }

    /// The configured key the authentication admits callers by, when it names no caller: its
    /// callers are services holding the key (`shared_key`), which decide for their own users.
    pub fn service_key(&self) -> Option<&str> {
        self.shared_key
            .as_deref()
            .filter(|_| self.identity.is_empty())
    }
}

#[derive(Debug)]
pub struct Route<'a> {
    pub module: usize,
    pub rule: String,
    pub variables: Vec<UrlVariable>,
    pub methods: Vec<String>,
    pub handler: &'a ast::StmtFunctionDef,
    /// The view or resource class the handler is a method of.
    pub class: Option<&'a ast::StmtClassDef>,
    /// Decorators that apply: the function's own, then class-level `decorators` /
    /// `method_decorators` entries and the API's `decorators=`.
    pub decorators: Vec<&'a Expr>,
    /// Those of `decorators` a base class in another module lists (lemur's resources derive
    /// `method_decorators = [login_required]` from `lemur.auth.service.AuthenticatedResource`),
    /// with that module: their names are that module's.
    pub inherited_decorators: Vec<(&'a Expr, usize)>,
    /// Decorators written above the route decorator: they never run for this route.
    pub decorators_above_route: Vec<&'a Expr>,
    /// The app or blueprint object the route is registered on (qualified name).
    pub registrar: Option<String>,
    /// The objects `registrar` is registered on, nearest first, along its first registration
    /// (the one its path is listed under): a blueprint nested in another
    /// (`parent.register_blueprint(child)`) serves its routes through the parent, whose
    /// `before_request` hooks run for them (Flask >= 2.0.1).
    pub enclosing: Vec<String>,
    pub authentication: Option<Authentication>,
    /// A role, scope or permission check guards the handler.
    pub role_check: Option<String>,
    /// When the route's role check is the handler's own (no decorator's): the role names its
    /// tests compare a role with (`if user.role != 'host'`) and the privilege names they read
    /// (`is_admin`); empty for an ownership check.
    pub roles_compared: Option<Vec<String>>,
    /// When the route's role check is a role decorator that names its roles by literals, none a
    /// privilege (`@landlord_role_required("Landlord")`): every account of that kind passes it,
    /// so it says nothing of which of their records the caller may touch. The roles, lower case.
    pub ordinary_roles: Option<Vec<String>>,
    /// Where the route is declared, for `flasklint routes`.
    pub declared_at: TextRange,
    /// A `before_request` hook covers the route but does not verify a token: it may
    /// authenticate some other way, so missing authentication is not asserted.
    pub unknown_hook: bool,
    /// A `before_request` hook covers the route that checks a credential when one is sent and
    /// lets requests without one through (aleph's `setup_request`): how it reads in messages.
    pub optional_hook: Option<String>,
    /// A `before_request` hook of the route's application that verifies a token lets this route
    /// through by its own test of the request (an endpoint or path list): how it reads in
    /// messages, "`before_request` (secure_message/application.py:79)".
    pub exempted_by: Option<String>,
    /// No `before_request` hook that could refuse a request covers the route (one that only
    /// stores something in `g` does not count). With no authentication, anyone reaches it.
    pub open_to_anyone: bool,
    /// Registered on the application object itself rather than a blueprint or API.
    pub on_app: bool,
    /// The module the route is registered in (`add_resource(...)`, the decorator's module).
    pub registered_in: usize,
    /// The applications the route belongs to (`apps::Apps` units), sorted.
    pub units: Vec<usize>,
    /// Its blueprint (or one it is registered through) is registered only in development or
    /// test code (mlsb's `else: app.register_blueprint(testing_blueprint)` under
    /// `if not is_development(app):`): a deployed application never serves the route.
    pub registered_only_in_development: Option<DevelopmentRegistration>,
    /// A connexion route: what its spec says about security.
    pub spec: Option<SpecSecurity>,
    /// The spec lets anonymous callers in on purpose (`security: []`).
    pub declared_public: bool,
    /// The `dispatch_request` its view or resource class overrides, itself or in the nearest
    /// project base class, with its module: it runs before every method of the class, so a
    /// refusal there guards each (freight's `ApiView`).
    pub dispatch: Option<(usize, &'a ast::StmtFunctionDef)>,
    /// The handler logs its caller in: nothing but the handler authenticates the route, and it
    /// starts a login session or mints the app's own token itself (a password or social
    /// login). The account it selects is the caller's.
    pub logs_the_caller_in: bool,
}

impl Route<'_> {
    /// The module whose names `decorator`, one of the route's, is written with.
    pub fn decorator_module(&self, decorator: &Expr) -> usize {
        self.inherited_decorators
            .iter()
            .find(|(inherited, _)| std::ptr::eq(*inherited, decorator))
            .map_or(self.module, |(_, module)| *module)
    }

    /// The words of the route's last static path segment and its handler's name (`/admin/login`
    /// and `def login()`: `login`, `login`), which name what the route is.
    pub fn name_words(&self) -> Vec<String> {
        let last_segment = self
            .rule
            .rsplit('/')
            .find(|segment| !segment.is_empty() && !segment.starts_with('<'))
            .unwrap_or_default();
        super::context::words(&format!("{last_segment} {}", self.handler.name))
    }

    /// The names of the URL's variables (`note_id` of `/notes/<int:note_id>`).
    pub fn variable_names(&self) -> Vec<&str> {
        self.variables.iter().map(|v| v.name.as_str()).collect()
    }

    /// The handler's parameters Flask never passes: neither a URL variable of this route nor
    /// given a default. Flask calls a view with its URL variables as keyword arguments, so a
    /// view declaring another required parameter (`def dashboard(data)`, waiting for what a
    /// decorator would inject) fails with a `TypeError` on every request. Methods of view
    /// classes are left out: their first parameter is the instance.
    pub fn parameters_never_passed(&self) -> Vec<&str> {
        if self.class.is_some() {
            return Vec::new();
        }
        let variables = self.variable_names();
        let parameters = &self.handler.parameters;
        parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .chain(&parameters.kwonlyargs)
            .filter(|parameter| parameter.default.is_none())
            .map(|parameter| parameter.parameter.name.as_str())
            .filter(|name| !variables.contains(name))
            .collect()
    }

    /// The handler refuses every request before it does anything: its first statement (after a
    /// docstring) is `abort(...)` or a `raise`. paymentWebApp switched its delete routes off
    /// this way, `abort(404)` above the lookup and the delete, which never run.
    pub fn refuses_every_request(&self) -> bool {
        let body = match self.handler.body.as_slice() {
            [Stmt::Expr(docstring), rest @ ..]
                if matches!(docstring.value.as_ref(), Expr::StringLiteral(_)) =>
            {
                rest
            }
            body => body,
        };
        match body.first() {
            Some(Stmt::Raise(raise)) => raise.exc.is_some(),
            Some(Stmt::Expr(statement)) => matches!(statement.value.as_ref(),
            Expr::Call(call) if match call.func.as_ref() {
                Expr::Name(name) => name.id.as_str() == "abort",
                Expr::Attribute(attribute) => attribute.attr.as_str() == "abort",
                _ => false,
            }),
            _ => false,
        }
    }

    /// `delete_note`, or `NoteResource.delete` for a method of a view class.
    pub fn handler_name(&self) -> String {
        match self.class {
            Some(class) => format!("{}.{}", class.name, self.handler.name),
            None => self.handler.name.to_string(),
        }
    }

    /// Whether every method the route answers only reads: `GET`, `HEAD`, `OPTIONS`.
    pub fn only_reads(&self) -> bool {
        self.methods
            .iter()
            .all(|m| matches!(m.as_str(), "GET" | "HEAD" | "OPTIONS"))
    }

    pub fn is_state_changing(&self) -> bool {
        self.methods
            .iter()
            .any(|m| matches!(m.as_str(), "POST" | "PUT" | "PATCH" | "DELETE"))
    }
}

/// Parses `/users/<int:user_id>/notes/<note_id>` into its variables.
pub fn url_variables(rule: &str) -> Vec<UrlVariable> {
    let mut variables = Vec::new();
    let mut rest = rule;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let inside = &rest[open + 1..open + close];
        let (converter, name) = match inside.rsplit_once(':') {
            Some((converter, name)) => (
                Some(
                    converter
                        .split('(')
                        .next()
                        .unwrap_or(converter)
                        .trim()
                        .to_string(),
                ),
                name,
            ),
            None => (None, inside),
        };
        variables.push(UrlVariable {
            name: name.trim().to_string(),
            converter,
        });
        rest = &rest[open + close + 1..];
    }
    variables
}

/// A decorator list cut at the route decorator written at `declared_at`: Flask registers what
/// the decorators *below* it made, and the ones above wrap something nobody calls. A route
/// registered by a call (`add_url_rule`, `add_resource`) got every decorator first.
fn split_at_route_decorator(
    list: &[ast::Decorator],
    declared_at: TextRange,
) -> (&[ast::Decorator], &[ast::Decorator]) {
    match list.iter().position(|d| d.range() == declared_at) {
        Some(index) => (&list[..index], &list[index + 1..]),
        None => (&list[..0], list),
    }
}

fn join_rule(prefix: &str, rule: &str) -> String {
    if prefix.is_empty() {
        return rule.to_string();
    }
    format!(
        "{}/{}",
        prefix.trim_end_matches('/'),
        rule.trim_start_matches('/')
    )
}

const HTTP_METHOD_NAMES: &[&str] = &["get", "post", "put", "patch", "delete"];

/// Known decorators that authenticate, by qualified-name prefix, with the identity they offer.
const KNOWN_AUTH_DECORATORS: &[(&str, &str)] = &[
    ("flask_jwt_extended.jwt_required", "get_jwt_identity()"),
    (
        "flask_jwt_extended.fresh_jwt_required",
        "get_jwt_identity()",
    ),
    (
        "flask_jwt_extended.view_decorators.jwt_required",
        "get_jwt_identity()",
    ),
    // Flask-JWT-Extended 3's refresh-token guard (4 spells it `jwt_required(refresh=True)`).
    (
        "flask_jwt_extended.jwt_refresh_token_required",
        "get_jwt_identity()",
    ),
    ("flask_jwt.jwt_required", "current_identity"),
    // Flask-JWT-Simple (`@jwt_required`, `get_jwt_identity()`), Flask-JWT-Extended's sibling.
    ("flask_jwt_simple.jwt_required", "get_jwt_identity()"),
    ("flask_login.login_required", "current_user"),
    // hasgeek's flask-lastuser (`lastuser = Lastuser()` ... `@lastuser.requires_login`):
    // redirects to the login handler while `g.user` is None.
    ("flask_lastuser.Lastuser().requires_login", "g.user"),
    ("flask_lastuser.Lastuser().requires_permission", "g.user"),
    ("flask_lastuser.Lastuser().requires_scope", "g.user"),
    // Microsoft's identity library (`auth = Auth(app, ...)` ... `@auth.login_required`, which
    // hands the view `context["user"]`), and flask-oidc's guards.
    ("identity.flask.Auth().login_required", "context[\"user\"]"),
    ("flask_oidc.OpenIDConnect().require_login", "g.oidc_user"),
    (
        "flask_oidc.OpenIDConnect().accept_token",
        "g.oidc_token_info",
    ),
    // Flask-BasicAuth: `basic_auth = BasicAuth(app)` ... `@basic_auth.required`, one
    // configured account.
    ("flask_basicauth.BasicAuth().required", ""),
    // CTFd's decorators, as its plugins import them (pwn.college's dojo).
    ("CTFd.utils.decorators.authed_only", "get_current_user()"),
    ("CTFd.utils.decorators.admins_only", "get_current_user()"),
    ("flask_login.utils.login_required", "current_user"),
    (
        "flask_praetorian.auth_required",
        "flask_praetorian.current_user()",
    ),
    (
        "flask_praetorian.roles_required",
        "flask_praetorian.current_user()",
    ),
    (
        "flask_praetorian.roles_accepted",
        "flask_praetorian.current_user()",
    ),
    ("flask_security.auth_required", "current_user"),
    ("flask_security.login_required", "current_user"),
    ("flask_security.auth_token_required", "current_user"),
    ("flask_security.roles_required", "current_user"),
    ("flask_security.roles_accepted", "current_user"),
    ("flask_security.decorators.auth_required", "current_user"),
    // Flask-User (`@login_required`, `@roles_required("admin")`), and docassemble's published
    // fork of it, `docassemble_flask_user` (65 of docassemble's routes).
    ("flask_user.login_required", "current_user"),
    ("flask_user.roles_required", "current_user"),
    ("flask_user.roles_accepted", "current_user"),
    ("flask_user.decorators.login_required", "current_user"),
    ("flask_user.decorators.roles_required", "current_user"),
    ("flask_user.decorators.roles_accepted", "current_user"),
    ("docassemble_flask_user.login_required", "current_user"),
    ("docassemble_flask_user.roles_required", "current_user"),
    ("docassemble_flask_user.roles_accepted", "current_user"),
];

/// Calls that verify a token or session wherever they appear.
const KNOWN_VERIFIERS: &[&str] = &[
    "flask_jwt_extended.verify_jwt_in_request",
    "flask_jwt_extended.verify_fresh_jwt_in_request",
    // Flask-JWT-Extended 3's refusing checks (4 folded them into `jwt_required(refresh=True)`
    // and `verify_jwt_in_request(fresh=True)`).
    "flask_jwt_extended.verify_jwt_refresh_token_in_request",
    "flask_jwt_extended.fresh_jwt_required",
    "flask_jwt_extended.jwt_refresh_token_required",
    "flask_jwt_extended.decode_token",
    "flask_jwt_extended.jwt_required",
    "flask_jwt_extended.view_decorators.verify_jwt_in_request",
    // Flask-JWT's check, which project decorators call themselves (schoolbloc's
    // `auth_required(...)` runs `_jwt_required(realm)` before its role test).
    "flask_jwt._jwt_required",
    "flask_jwt.jwt_required",
    "flask_jwt_simple.jwt_required",
    "flask_login.login_required",
    "flask_praetorian.auth_required",
    "flask_security.auth_required",
];

/// Whether `qualified` is the known verifier `verifier` itself, called or not
/// (`flask_jwt_extended.jwt_required()`): `verify_jwt_in_request_optional`, Flask-JWT-Extended
/// 3's name for the check that lets callers without a token through, only starts like one.
fn is_verifier(qualified: &str, verifier: &str) -> bool {
    qualified
        .strip_prefix(verifier)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('(') || rest.starts_with('.'))
}

/// The decorators of the functions `def` defines, as callees: `@require_login` on the wrapper
/// picoCTF's `require_admin` returns runs whenever the wrapper does.
fn inner_decorators(def: &ast::StmtFunctionDef) -> Vec<&Expr> {
    let mut found: Vec<&Expr> = Vec::new();
    for_each_def(&def.body, &mut |inner| {
        found.extend(
            inner
                .decorator_list
                .iter()
                .map(|d| decorator_callee(&d.expression)),
        );
    });
    found
}

/// What a decorator calls: `login_required` of `@login_required` and of `@login_required()`.
fn decorator_callee(decorator: &Expr) -> &Expr {
    match decorator {
        Expr::Call(call) => call.func.as_ref(),
        other => other,
    }
}

/// Whether `qualified` names one of [`KNOWN_VERIFIERS`].
fn is_known_verifier(qualified: &str) -> bool {
    KNOWN_VERIFIERS.iter().any(|v| is_verifier(qualified, v))
}

/// Calls that mint a token wherever they appear: what a login handler does, not a check.
const KNOWN_MINTERS: &[&str] = &[
    "flask_jwt_extended.create_access_token",
    "flask_jwt_extended.create_refresh_token",
    "flask_jwt_extended.utils.create_access_token",
    "flask_jwt_extended.utils.create_refresh_token",
    "flask_jwt.JWT().jwt_encode_callback",
];

/// Attributes of `flask.request` that Flask itself provides; any other attribute was set by
/// the application (`request.user = payload`), typically by an auth decorator.
pub const REQUEST_ATTRIBUTES: &[&str] = &[
    "args",
    "form",
    "json",
    "headers",
    "view_args",
    "method",
    "path",
    "full_path",
    "url",
    "base_url",
    "url_root",
    "host",
    "host_url",
    "files",
    "values",
    "data",
    "cookies",
    "get_json",
    "get_data",
    "remote_addr",
    "endpoint",
    "blueprint",
    "scheme",
    "is_secure",
    "environ",
    "mimetype",
    "content_type",
    "content_length",
    "authorization",
    "user_agent",
    "referrer",
    "access_route",
    "query_string",
    "stream",
    "accept_mimetypes",
    "origin",
    "is_json",
    "url_rule",
];

/// Decorator or function names that signal a role, scope or permission check.
pub fn is_role_word(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [
        "role",
        "admin",
        "perm",
        "scope",
        "privilege",
        "staff",
        "superuser",
        // learnen's `@moderator_required()`.
        "moderator",
        "group",
        "claims_required",
        "access_required",
        // mwdb's `@requires_capabilities(Capabilities.manage_users)`.
        "capabilit",
        // fuxi's `session.get("authority") != 0`, Spring-style `authorities`.
        "authorit",
    ]
    .iter()
    .any(|w| lower.contains(w))
        // app-laundry's `if not current_user.is_manager():`, Home-Serve-Pro's
        // `@ops_manager_required`: a kind of account that manages others, asked or required
        // (not `login_manager`, the extension).
        || ["manager", "supervisor"].iter().any(|kind| {
            lower.strip_prefix("is_").is_some_and(|rest| rest.starts_with(kind))
                || lower
                    .strip_suffix("_required")
                    .is_some_and(|rest| rest.ends_with(kind))
        })
}

/// The project-wide route facts.
pub struct RouteModel<'a> {
    pub routes: Vec<Route<'a>>,
    /// Functions defined at module level (or in class bodies), by module and name.
    functions: HashMap<(usize, String), &'a ast::StmtFunctionDef>,
    /// Whether a function authenticates, by module and definition start: decided once per
    /// function, since every route it guards asks again.
    authenticating: AuthenticatingMemo,
    /// `AuthContext::unverified_only` of each decorator and hook, decided once for the same
    /// reason.
    unverified_only: UnverifiedMemo,
    /// `AuthContext::keeps_an_administrator` of each decorator and hook, likewise.
    administrators_only: UnverifiedMemo,
    /// `AuthContext::refuses_unless_caller_permitted` per function, asked of every function
    /// the authentication walk reaches.
    permission_gates: UnverifiedMemo,
}

type AuthenticatingMemo = std::sync::Mutex<HashMap<(usize, ruff_text_size::TextSize), bool>>;
type UnverifiedMemo = std::sync::Mutex<HashMap<(usize, ruff_text_size::TextSize), Option<String>>>;

/// The answer `memo` holds for a function (by module and definition start), else `compute`'s,
/// kept for the next route the same decorator or hook guards.
fn memoised(
    memo: &UnverifiedMemo,
    key: (usize, ruff_text_size::TextSize),
    compute: impl FnOnce() -> Option<String>,
) -> Option<String> {
    if let Some(known) = memo.lock().ok().and_then(|memo| memo.get(&key).cloned()) {
        return known;
    }
    let found = compute();
    if let Ok(mut memo) = memo.lock() {
        memo.insert(key, found.clone());
    }
    found
}

impl<'a> RouteModel<'a> {
    pub fn new(
        model: &ProjectModel<'a>,
        files: &[FileModel<'a>],
        apps: &Apps,
        specs: &dyn SpecSource,
    ) -> RouteModel<'a> {
        // Each module's functions and routes are collected on its own (in parallel), then merged
        // in module order, so what a later module registers wins exactly as in a serial walk.
        let per_module_functions: Vec<HashMap<(usize, String), &'a ast::StmtFunctionDef>> = model
            .modules
            .par_iter()
            .enumerate()
            .map(|(index, module)| {
                let mut functions = HashMap::default();
                collect_functions(&module.file.module().body, index, &mut functions);
                functions
            })
            .collect();
        let mut functions = HashMap::default();
        for module_functions in per_module_functions {
            functions.extend(module_functions);
        }
        let mut this = RouteModel {
            routes: Vec::new(),
            functions,
            authenticating: AuthenticatingMemo::default(),
            unverified_only: UnverifiedMemo::default(),
            administrators_only: UnverifiedMemo::default(),
            permission_gates: UnverifiedMemo::default(),
        };
        // Classes that may register a method of theirs as a hook (`note_hook_object`): looked up
        // by name before any call is resolved, since few projects have one.
        let hook_classes: HashSet<&'a str> = model
            .modules
            .iter()
            .filter(|module| {
                memchr::memmem::find(module.file.text.as_bytes(), b"before_request(self.").is_some()
            })
            .flat_map(|module| {
                module
                    .file
                    .module()
                    .body
                    .iter()
                    .filter_map(|stmt| match stmt {
                        Stmt::ClassDef(class) => Some(class.name.as_str()),
                        _ => None,
                    })
            })
            .collect();
        let helper_names = route_helper_names(model, files, &this.functions);
        let collected: Vec<CollectedRoutes<'a>> = model
            .modules
            .par_iter()
            .enumerate()
            .filter(|(_, module)| module.analysed)
            .map(|(index, module)| {
                let mut found = CollectedRoutes::default();
                let mut collector = RouteCollector {
                    model,
                    module: index,
                    routes: Vec::new(),
                    registrations: &mut found.registrations,
                    prefixes: &mut found.prefixes,
                    hooks: &mut found.hooks,
                    blueprint_names: &mut found.blueprint_names,
                    class: None,
                    function_scopes: files.get(index).map_or(&[], |f| f.scopes.as_slice()),
                    functions: &this.functions,
                    hook_classes: &hook_classes,
                    helper_names: &helper_names,
                    specs,
                    env: HashMap::default(),
                    varargs: None,
                    following: Vec::new(),
                    local_route_helpers: HashMap::default(),
                    decorated: None,
                };
                collector.visit_body(&module.file.module().body);
                found.routes = collector.routes;
                found
            })
            .collect();
        let mut prefixes: HashMap<String, String> = HashMap::default();
        let mut registrations: Vec<Registration> = Vec::new();
        let mut hooks: Vec<Hook<'a>> = Vec::new();
        let mut blueprint_names: HashMap<String, String> = HashMap::default();
        for found in collected {
            this.routes.extend(found.routes);
            registrations.extend(found.registrations);
            prefixes.extend(found.prefixes);
            hooks.extend(found.hooks);
            blueprint_names.extend(found.blueprint_names);
        }
        // StockLeague's `setup_audit_middleware(app, db, audit_logger)` declares
        // `@app.before_request` on its parameter, and nothing calls it: no application runs
        // that hook, which would otherwise stand for an unknown authentication on every route.
        hooks.retain(|hook| !declared_in_uncalled_function(model, files, hook));
        let parents = this.resolve_registrations(&registrations, &prefixes);
        let development_only = registered_only_in_development(&registrations, files);
        for route in &mut this.routes {
            route.units = route_units(route, apps, &parents);
            route.registered_only_in_development = route
                .registrar
                .iter()
                .chain(&route.enclosing)
                // An application serves its own routes, whatever registers it elsewhere.
                .take_while(|object| apps.app_bound_to(object).is_none())
                .find_map(|object| development_only.get(object))
                .cloned();
        }
        let hook_units: Vec<Vec<usize>> = hooks
            .iter()
            .map(|hook| match apps.app_bound_to(&hook.target) {
                Some(app) => vec![app],
                None => apps.of_module(hook.registered_in).to_vec(),
            })
            .collect();
        // A hook registered on an application object another module constructs
        // (`@api_app.before_request` beside the routes' namespaces) covers that application.
        for hook in &mut hooks {
            hook.on_app |= apps.app_bound_to(&hook.target).is_some();
        }
        let context = AuthContext {
            model,
            files,
            functions: &this.functions,
            authenticating: &this.authenticating,
            unverified_memo: &this.unverified_only,
            administrators_memo: &this.administrators_only,
            permission_gates_memo: &this.permission_gates,
        };
        let scopes: Vec<HookScope<'_, '_, 'a>> = hooks
            .iter()
            .map(|hook| HookScope::new(&context, hook.module, hook.def))
            .collect();
        // What each hook does whatever the route: decided once, not once per route it covers.
        let hook_facts: Vec<HookFacts> = hooks
            .iter()
            .map(|hook| {
                // flask-shop's `@bp.before_request` over `@permission_required(...)` and
                // `@login_required` on an empty body: the hook Flask runs is the wrapped one.
                let guards: Vec<&Expr> = hook
                    .def
                    .decorator_list
                    .iter()
                    .map(|d| &d.expression)
                    // learnen's `@jwt_required(optional=True)` under `@app.before_request`
                    // lets every request without a token through.
                    .filter(|d| context.guards_access(hook.module, d) && !allows_anonymous(d))
                    .collect();
                let role_guard = guards.iter().any(|d| {
                    is_role_word(decorator_name(d))
                        || matches!(d, Expr::Call(call) if call.arguments.args.iter().any(names_a_role_member))
                });
                let can_refuse = !guards.is_empty() || context.can_refuse(hook.module, hook.def);
                let checks_a_credential =
                    context.authenticates(hook.module, hook.def, 0) && can_refuse;
                // What a request with no credential and no login meets: a hook that refuses
                // only logged-in users (SystemGuard's password-expiry redirect) or only a
                // credential that was sent leaves such a request alone.
                let refuses_anonymous = !guards.is_empty()
                    || can_refuse && context.refuses_without_credential(hook.module, hook.def);
                let refuses_the_missing = checks_a_credential && refuses_anonymous;
                HookFacts {
                    refuses_anonymous,
                    // A hook that reads, logs or stores the header but can refuse nothing does
                    // not authenticate, nor does one that checks a credential only when one is
                    // sent and lets everyone else through as anonymous.
                    verifies: !guards.is_empty() || refuses_the_missing,
                    optional: guards.is_empty() && checks_a_credential && !refuses_the_missing,
                    concerns_caller: !guards.is_empty()
                        || context.may_concern_caller(hook.module, hook.def),
                    can_refuse,
                    checks_role: role_guard
                        || mentions_role(&hook.def.body)
                        || refuses_other_callers(&hook.def.body, &[]),
                    guarded_by_decorator: !guards.is_empty(),
                }
            })
            .collect();
        let mut routes = std::mem::take(&mut this.routes);
        // Each route's authentication is decided on its own: in parallel.
        routes.par_iter_mut().for_each(|route| {
            route.on_app = route_on_app(route, apps);
            // A hook covers the routes of its own blueprint, and an application-wide hook
            // covers every route of its application, never another application's.
            let covering: Vec<usize> = (0..hooks.len())
                .filter(|&index| {
                    let hook = &hooks[index];
                    route.registrar.as_ref() == Some(&hook.target)
                        || route.enclosing.contains(&hook.target)
                        || (hook.on_app && overlap(&hook_units[index], &route.units))
                })
                .collect();
            // A route whose application is a guess (its module reached by no application, in a
            // source root holding several) is authenticated by an application-wide hook only
            // when every application it may belong to is the hook's; the others' hooks still
            // leave its authentication open (`unknown_hook`).
            let guessed = apps.is_guessed(route.registered_in)
                && route.units.as_slice() == apps.of_module(route.registered_in);
            let surely_covering: Vec<usize> = covering
                .iter()
                .copied()
                .filter(|&index| {
                    !guessed
                        || route.registrar.as_ref() == Some(&hooks[index].target)
                        || route.enclosing.contains(&hooks[index].target)
                        || route
                            .units
                            .iter()
                            .all(|unit| hook_units[index].contains(unit))
                })
                .collect();
            let view = match route.class {
                Some(class) => class.name.as_str(),
                None => route.handler.name.as_str(),
            };
            let nested_name;
            let blueprint = match &route.registrar {
                _ if route.on_app => Some(""),
                Some(registrar)
                    if route
                        .enclosing
                        .iter()
                        .all(|o| apps.app_bound_to(o).is_some()) =>
                {
                    blueprint_names.get(registrar).map(String::as_str)
                }
                Some(registrar) => {
                    nested_name =
                        nested_blueprint_name(registrar, &route.enclosing, &blueprint_names, apps);
                    nested_name.as_deref()
                }
                None => None,
            };
            // Only a hook's test can ask for the marks: most routes have none covering them.
            let marks = match surely_covering.is_empty() {
                true => Vec::new(),
                false => context.view_marks(route.module, route.handler),
            };
            let shape = RouteShape {
                rule: &route.rule,
                methods: &route.methods,
                view,
                blueprint,
                marks: &marks,
            };
            // A hook that exempts the route (`if request.path.startswith("/login"): return`)
            // does not authenticate it.
            let applying: Vec<usize> = surely_covering
                .iter()
                .copied()
                .filter(|&index| {
                    hook_facts[index].guarded_by_decorator || scopes[index].covers(&shape)
                })
                .collect();
            // A hook that cannot refuse still covers the route (`unknown_hook`), so missing
            // authentication is not asserted either.
            let verifying = applying
                .iter()
                .find(|&&index| hook_facts[index].verifies)
                .map(|&index| &hooks[index]);
            let from_spec = route.spec.as_ref().and_then(|spec| {
                route.declared_public = declared_public(&spec.security);
                context.spec_authentication(spec)
            });
            route.authentication = from_spec.or_else(|| {
                context.authentication(route, verifying.map(|hook| (hook.def, hook.module)))
            });
            // Only a handler nothing else authenticates is a login: behind `@jwt_required()`,
            // minting a token for an account the request names is impersonation.
            route.logs_the_caller_in = verifying.is_none()
                && context.logs_the_caller_in(route)
                && context
                    .decorators_authentication(
                        route,
                        route.module,
                        route.handler,
                        &route.decorators,
                    )
                    .is_none();
            // A hook that looks neither at the request nor at the caller (`db.create_all()` on
            // the first request) cannot authenticate: it leaves the question open for nobody.
            // A hook whose own tests exempt the route (ras-secure-message's endpoint list)
            // leaves nothing open: the route is public by the hook's code.
            let runs_for_route =
                |index: &usize| !surely_covering.contains(index) || applying.contains(index);
            // A hook whose refusals all concern callers who are logged in or sent a credential
            // (SystemGuard's password-expiry redirect under `if current_user.is_authenticated:`)
            // leaves an anonymous caller's way open: it is no hook that may authenticate. A
            // hook that can refuse nothing at all stays one that may (CodeGra.de's hooks only
            // keep warnings in `g`, and its handlers check permissions through helpers
            // flasklint does not read as authentication).
            let caller_hooks = || {
                covering.iter().filter(|&&index| {
                    let facts = &hook_facts[index];
                    let refuses_only_the_known =
                        facts.can_refuse && !facts.refuses_anonymous && !facts.optional;
                    facts.concerns_caller && !refuses_only_the_known && runs_for_route(&index)
                })
            };
            route.unknown_hook = caller_hooks().next().is_some();
            route.optional_hook = match &route.authentication {
                Some(_) => None,
                None => caller_hooks()
                    .find(|&&index| hook_facts[index].optional)
                    .map(|&index| hook_place(model, hooks[index].module, hooks[index].def)),
            };
            // No hook that could refuse this route runs for it: with no authentication, anyone
            // reaches it.
            route.open_to_anyone = !caller_hooks().any(|&index| hook_facts[index].can_refuse);
            route.exempted_by = surely_covering
                .iter()
                .find(|&&index| hook_facts[index].verifies && !applying.contains(&index))
                .map(|&index| hook_place(model, hooks[index].module, hooks[index].def));
            // A 403 for a request without a logged-in user is authentication, not a check of
            // what the caller may do.
            let role_check = context.role_check(route);
            match role_check {
                Some((_, true)) => {
                    route.roles_compared = Some(compared_role_names(&route.handler.body));
                }
                Some((_, false)) => {
                    route.ordinary_roles = context.ordinary_roles(route);
                }
                None => {}
            }
            route.role_check = role_check
                .map(|(found, _)| found)
                .or_else(|| {
                    applying
                        .iter()
                        .find(|&&index| hook_facts[index].checks_role)
                        .map(|&index| {
                            format!("the `before_request` hook `{}`", hooks[index].def.name)
                        })
                })
                // Read only for authenticated routes: the rules weigh role checks there.
                .or_else(|| {
                    route
                        .authentication
                        .is_some()
                        .then(|| context.called_role_check(route))
                        .flatten()
                });
        });
        // A helper followed from its callers is also walked where it is defined, and a loop
        // body once per entry: one route per handler, rule and method.
        let mut seen: HashSet<(usize, TextRange, String, Vec<String>)> = HashSet::default();
        routes.retain(|route| {
            seen.insert((
                route.module,
                route.handler.range(),
                route.rule.clone(),
                route.methods.clone(),
            ))
        });
        // By file path, not module index: the order modules are loaded in depends on the
        // pre-check, the listing must not.
        routes.sort_by(|a, b| {
            let path = |route: &Route<'_>| &model.modules[route.module].file.path;
            (path(a), a.handler.range().start(), &a.rule, &a.methods).cmp(&(
                path(b),
                b.handler.range().start(),
                &b.rule,
                &b.methods,
            ))
        });
        this.routes = routes;
        this
    }

    /// Flask-Login routes of an application whose user loaders return administrator accounts
    /// only (`login_loaders`): every caller they admit is an operator of the whole application.
    pub fn apply_administrator_logins(
        &mut self,
        model: &ProjectModel<'a>,
        files: &[FileModel<'a>],
        apps: &Apps,
    ) {
        // A test's own app logs in the test's users.
        let loaders: Vec<(usize, Vec<login_loaders::Loader>)> = files
            .par_iter()
            .filter(|file| !file.is_test_module())
            .map(|file| {
                (
                    file.module,
                    login_loaders::loaders(model.modules[file.module].file),
                )
            })
            .filter(|(_, found)| !found.is_empty())
            .collect();
        if loaders.is_empty() {
            return;
        }
        for route in &mut self.routes {
            let Some(authentication) = route.authentication.as_mut() else {
                continue;
            };
            if authentication.administrators_only.is_some()
                || !authentication.identity.starts_with("current_user")
            {
                continue;
            }
            let mut admitting = None;
            let mut admits_others = false;
            for loader in loaders
                .iter()
                .filter(|(module, _)| {
                    apps.of_module(*module).is_empty() || apps.share(*module, route.module)
                })
                .flat_map(|(_, found)| found)
            {
                match loader.admits_administrators_only(&route.rule) {
                    Some(true) => admitting = admitting.or(Some(&loader.phrase)),
                    Some(false) => admits_others = true,
                    None => {}
                }
            }
            if !admits_others {
                authentication.administrators_only = admitting.cloned();
            }
        }
    }

    /// Session-checked routes of an application whose only login admits the account its
    /// settings hold (`settings_account`): every caller they admit is that one operator.
    pub fn apply_settings_account_logins(
        &mut self,
        model: &ProjectModel<'a>,
        files: &[FileModel<'a>],
        apps: &Apps,
    ) {
        let stores: Vec<(usize, Vec<settings_account::SessionStore>)> = files
            .par_iter()
            .filter(|file| !file.is_test_module())
            .map(|file| {
                (
                    file.module,
                    settings_account::session_stores(model.modules[file.module].file),
                )
            })
            .filter(|(_, stores)| !stores.is_empty())
            .collect();
        if stores.is_empty() {
            return;
        }
        for index in 0..self.routes.len() {
            let route = &self.routes[index];
            let Some(authentication) = &route.authentication else {
                continue;
            };
            if authentication.administrators_only.is_some()
                || authentication.shared_key.is_some()
                || authentication.guards_every_request()
            {
                continue;
            }
            let keys = self.session_keys_checked(model, route);
            if keys.is_empty() {
                continue;
            }
            let mut why = None;
            let mut behind_settings_only = true;
            for store in stores
                .iter()
                .filter(|(module, _)| {
                    apps.of_module(*module).is_empty() || apps.share(*module, route.module)
                })
                .flat_map(|(_, stores)| stores)
                .filter(|store| keys.contains(&store.key))
            {
                match &store.behind_settings {
                    Some(how) => why = why.or(Some(how)),
                    None => behind_settings_only = false,
                }
            }
            if let Some(how) = why.filter(|_| behind_settings_only)
                && let Some(authentication) = self.routes[index].authentication.as_mut()
            {
                authentication.administrators_only = Some(format!(
                    "its one account is the one its settings hold: {how}"
                ));
            }
        }
    }

    /// The session keys the project decorators of `route`'s handler test
    /// (`session.get("is_authenticated")` in a `login_required` of the project's own).
    fn session_keys_checked(&self, model: &ProjectModel<'a>, route: &Route<'a>) -> Vec<String> {
        let mut keys = Vec::new();
        for decorator in &route.handler.decorator_list {
            let expr = match &decorator.expression {
                Expr::Call(call) => call.func.as_ref(),
                other => other,
            };
            let found = model
                .qualified_name(expr, &At::top(route.module))
                .and_then(|qualified| self.project_function(model, &qualified))
                .or_else(|| match expr {
                    Expr::Name(name) => self
                        .module_function(route.module, name.id.as_str())
                        .map(|def| (route.module, def)),
                    _ => None,
                });
            if let Some((_, def)) = found {
                for key in settings_account::keys_tested(def) {
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
        }
        keys
    }

    /// Flask-BasicAuth's `BASIC_AUTH_FORCE = True` (SpiderKeeper's config): `BasicAuth(app)`
    /// then checks the configured account before every request of the app, so each route
    /// without authentication of its own has that one. Applied after the configuration is
    /// read, which the route model is built beside.
    pub fn apply_forced_basic_auth(
        &mut self,
        model: &ProjectModel<'a>,
        files: &[FileModel<'a>],
        apps: &Apps,
        config: &super::config::ConfigModel<'a>,
    ) {
        let forcing: Vec<&super::config::ConfigEntry<'a>> = config
            .entries
            .iter()
            .filter(|entry| {
                entry.key == "BASIC_AUTH_FORCE"
                    && matches!(
                        &entry.value,
                        super::config::ConfigValue::Literal(literal)
                            if matches!(literal.value, super::value::Value::Bool(true))
                    )
            })
            .collect();
        if forcing.is_empty() {
            return;
        }
        // The extension is in use: some module of the project constructs it.
        let constructs = files.iter().any(|file| {
            memchr::memmem::find(
                model.modules[file.module].file.text.as_bytes(),
                b"flask_basicauth",
            )
            .is_some()
        });
        if !constructs {
            return;
        }
        for route in self
            .routes
            .iter_mut()
            .filter(|r| r.authentication.is_none())
        {
            let Some(entry) = forcing.iter().find(|entry| {
                apps.of_module(entry.module).is_empty() || apps.share(entry.module, route.module)
            }) else {
                continue;
            };
            let file = model.modules[entry.module].file;
            route.authentication = Some(Authentication {
                how: format!(
                    "Flask-BasicAuth's `BASIC_AUTH_FORCE = True` ({}:{}), which checks the configured account before every request",
                    file.display_path(),
                    file.position(entry.expr.start()).line
                ),
                identity: String::new(),
                unverified: None,
                administrators_only: None,
                shared_key: Some("BASIC_AUTH_USERNAME".to_string()),
                record_token: None,
            });
        }
    }

    pub fn function(&self, module: usize, name: &str) -> Option<&'a ast::StmtFunctionDef> {
        self.functions.get(&(module, name.to_string())).copied()
    }

    /// The function `name` defined at the top of `module`.
    pub fn module_function(&self, module: usize, name: &str) -> Option<&'a ast::StmtFunctionDef> {
        self.functions.get(&(module, name.to_string())).copied()
    }

    /// Project functions a qualified name refers to.
    pub fn project_function(
        &self,
        model: &ProjectModel<'a>,
        qualified: &str,
    ) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        resolve_function(model, &self.functions, qualified)
    }

    /// Applies the prefixes of the chain each route is registered through (an API on a
    /// blueprint on a parent blueprint on the app), and returns the objects each object is
    /// registered on.
    fn resolve_registrations(
        &mut self,
        registrations: &[Registration],
        prefixes: &HashMap<String, String>,
    ) -> HashMap<String, Vec<String>> {
        // `app.register_blueprint(bp, url_prefix=...)` overrides the constructor's prefix.
        let mut own_prefix: HashMap<&str, &str> = prefixes
            .iter()
            .map(|(object, prefix)| (object.as_str(), prefix.as_str()))
            .collect();
        let mut parents: HashMap<String, Vec<String>> = HashMap::default();
        for registration in registrations {
            if let Some(prefix) = &registration.prefix {
                own_prefix.insert(&registration.blueprint, prefix);
            }
            let list = parents.entry(registration.blueprint.clone()).or_default();
            if !list.contains(&registration.receiver)
                && registration.receiver != registration.blueprint
            {
                list.push(registration.receiver.clone());
            }
        }
        for route in &mut self.routes {
            let Some(registrar) = &route.registrar else {
                continue;
            };
            // The first registration of each object gives the path (a blueprint registered on
            // two apps under two prefixes is listed under the first).
            let mut chain: Vec<&str> = Vec::new();
            let mut visited: Vec<&str> = Vec::new();
            let mut current = registrar.as_str();
            while visited.len() < MAX_REGISTRATION_DEPTH && !visited.contains(&current) {
                visited.push(current);
                if let Some(prefix) = own_prefix.get(current) {
                    chain.push(prefix);
                }
                match parents.get(current).and_then(|p| p.first()) {
                    Some(parent) => current = parent,
                    None => break,
                }
            }
            for prefix in chain {
                route.rule = join_rule(prefix, &route.rule);
            }
            route.enclosing = visited[1..].iter().map(|s| s.to_string()).collect();
        }
        // A blueprint's relative rule (`@bp.route("purge")`) that no prefix joined: Flask
        // raises "urls must start with a leading slash" when the blueprint is registered.
        self.routes.retain(|route| {
            route.rule.is_empty() || route.rule.starts_with('/') || route.rule.starts_with('{')
        });
        parents
    }
}

/// The name Flask gives a nested blueprint (`parent.child`, what `request.blueprint` holds and
/// its endpoints start with): the names of the blueprints it is registered through, outermost
/// first; `None` when one of them is not known.
fn nested_blueprint_name(
    registrar: &str,
    enclosing: &[String],
    names: &HashMap<String, String>,
    apps: &Apps,
) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for object in std::iter::once(registrar).chain(enclosing.iter().map(String::as_str)) {
        if apps.app_bound_to(object).is_some() {
            break;
        }
        parts.push(names.get(object)?);
    }
    parts.reverse();
    Some(parts.join("."))
}

/// Whether a route is registered on the application object itself.
fn route_on_app(route: &Route<'_>, apps: &Apps) -> bool {
    route.registrar.as_deref().is_some_and(|r| {
        apps.app_bound_to(r).is_some()
            || r.ends_with(".app")
            || r.ends_with(".application")
            || r == "app"
    })
}

/// How many entries of a literal route table are followed.
const MAX_TABLE_ENTRIES: usize = 512;

/// How deep helpers that register routes are followed into one another.
const MAX_HELPER_DEPTH: usize = 3;

/// Whether a body registers routes or blueprints itself (the cheap test before a helper or a
/// loop is followed).
/// The names under which a call can reach a project function that registers routes (what
/// `RouteCollector::follow_helper` follows): those functions' own names, and every module-level
/// import or alias that renames one (`from .routes import register as setup_routes`, `reg =
/// routes.register`), to a fixed point. Resolving a call's name builds strings through every
/// import it passes; a Flask-heavy tree has ~100,000 calls and a handful of such helpers, so a
/// call written with any other last name is not resolved at all.
fn route_helper_names<'a>(
    model: &ProjectModel<'a>,
    files: &[FileModel<'a>],
    functions: &HashMap<(usize, String), &'a ast::StmtFunctionDef>,
) -> HashSet<&'a str> {
    // An analysed module's calls are facts already; a module parsed for names only has none,
    // and its text is asked instead.
    let registering_modules: HashSet<usize> = model
        .modules
        .iter()
        .enumerate()
        .filter(|&(module, info)| match files.get(module) {
            Some(file) if info.analysed => file
                .calls
                .iter()
                .any(|fact| is_registration_call_of(fact.call)),
            _ => REGISTRATION_METHODS.iter().any(|method| {
                memchr::memmem::find(info.file.text.as_bytes(), method.as_bytes()).is_some()
            }),
        })
        .map(|(module, _)| module)
        .collect();
    let mut names: HashSet<&'a str> = functions
        .iter()
        .filter(|((module, _), def)| {
            registering_modules.contains(module) && registers_routes(&def.body)
        })
        .map(|(_, def)| def.name.as_str())
        .collect();
    if names.is_empty() {
        return names;
    }
    for _ in 0..MAX_HELPER_RENAMES {
        let mut added = Vec::new();
        for module in &model.modules {
            for (name, bindings) in &module.scope.bindings {
                if names.contains(name) {
                    continue;
                }
                let renames_a_helper = bindings.as_slice().iter().any(|binding| match binding {
                    super::scope::Binding::Import(target) => target
                        .rsplit('.')
                        .next()
                        .is_some_and(|last| names.contains(last)),
                    super::scope::Binding::Assign(value) => {
                        super::exceptions::last_segment(value).is_some_and(|v| names.contains(v))
                    }
                    _ => false,
                });
                if renames_a_helper {
                    added.push(*name);
                }
            }
        }
        if added.is_empty() {
            break;
        }
        names.extend(added);
    }
    names
}

/// How many renames of a route-registering helper are followed (as many as name resolution
/// follows).
const MAX_HELPER_RENAMES: usize = 24;

const REGISTRATION_METHODS: [&str; 4] = [
    "add_url_rule",
    "add_resource",
    "register_blueprint",
    "add_namespace",
];

fn is_registration_call_of(call: &ast::ExprCall) -> bool {
    matches!(
        call.func.as_ref(),
        Expr::Attribute(attribute) if REGISTRATION_METHODS.contains(&attribute.attr.as_str())
    )
}

fn registers_routes(body: &[Stmt]) -> bool {
    any_expr(body, &mut is_registration_call)
}

/// `x.add_url_rule(...)`, `x.add_resource(...)`, `x.register_blueprint(...)`,
/// `x.add_namespace(...)`.
fn is_registration_call(expr: &Expr) -> bool {
    matches!(expr, Expr::Call(call) if is_registration_call_of(call))
}

/// What a route table's entries are run through: a `for` loop's body, or a comprehension's
/// element.
#[derive(Clone, Copy)]
enum TableBody<'a> {
    Statements(&'a [Stmt]),
    Expression(&'a Expr),
}

/// Whether an expression registers routes itself (a comprehension's element).
fn registers_routes_in(expr: &Expr) -> bool {
    expr_contains(expr, &mut is_registration_call)
}

/// How many decorators applied by hand around a view are unwrapped.
const MAX_WRAPPERS: usize = 4;

/// How many registrations deep a chain is followed (an API on a blueprint on a blueprint...);
/// also ends registration cycles.
const MAX_REGISTRATION_DEPTH: usize = 8;

/// The applications a route belongs to: the app object it is registered on, directly or through
/// blueprints and APIs, else those that own the module it is registered in.
fn route_units(
    route: &Route<'_>,
    apps: &Apps,
    parents: &HashMap<String, Vec<String>>,
) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    if let Some(registrar) = &route.registrar {
        let mut frontier: Vec<&str> = vec![registrar.as_str()];
        let mut seen: HashSet<&str> = HashSet::default();
        for _ in 0..MAX_REGISTRATION_DEPTH {
            let mut next = Vec::new();
            for object in frontier {
                if !seen.insert(object) {
                    continue;
                }
                if let Some(app) = apps.app_bound_to(object) {
                    if !found.contains(&app) {
                        found.push(app);
                    }
                    continue;
                }
                next.extend(
                    parents
                        .get(object)
                        .into_iter()
                        .flatten()
                        .map(String::as_str),
                );
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
    }
    if found.is_empty() {
        return apps.of_module(route.registered_in).to_vec();
    }
    found.sort_unstable();
    found
}

/// `x.register_blueprint(bp, url_prefix=...)`.
struct Registration {
    /// The object registered on (an app, or a parent blueprint).
    receiver: String,
    blueprint: String,
    prefix: Option<String>,
    /// Where: the module and the registering call.
    module: usize,
    site: TextRange,
}

/// The registration that makes a route development-only
/// ([`Route::registered_only_in_development`]): where it is, and why that code runs only in
/// development ("in a development-only branch").
#[derive(Clone, Debug)]
pub struct DevelopmentRegistration {
    pub module: usize,
    pub site: TextRange,
    pub why: String,
}

/// The objects (blueprints, APIs, namespaces) every registration of which lies in development
/// or test code, with the first such registration.
fn registered_only_in_development(
    registrations: &[Registration],
    files: &[FileModel<'_>],
) -> HashMap<String, DevelopmentRegistration> {
    let mut found: HashMap<String, Option<DevelopmentRegistration>> = HashMap::default();
    for registration in registrations {
        let context = files.get(registration.module).map(|file| &file.context);
        let why = context.and_then(|context| {
            if context.is_test(registration.site) {
                return Some("in test code".to_string());
            }
            context
                .development_at(registration.site)
                .map(|why| why.describe())
        });
        let entry = found
            .entry(registration.blueprint.clone())
            .or_insert_with(|| {
                why.clone().map(|why| DevelopmentRegistration {
                    module: registration.module,
                    site: registration.site,
                    why,
                })
            });
        if why.is_none() {
            *entry = None;
        }
    }
    found
        .into_iter()
        .filter_map(|(object, registration)| Some((object, registration?)))
        .collect()
}

/// A `before_request` hook and what it is registered on.
/// What a `before_request` hook does, whatever route it runs for.
struct HookFacts {
    /// Checks a credential and can refuse a request.
    verifies: bool,
    /// Can refuse a request that sends no credential and has no login.
    refuses_anonymous: bool,
    /// Checks a credential when one is sent, and lets a request without one through.
    optional: bool,
    /// Looks at the request or the caller at all.
    concerns_caller: bool,
    /// Can refuse a request at all (flask-dance's `g.flask_dance_oauth2 = bp.session` cannot).
    can_refuse: bool,
    /// Checks a role, or refuses callers other than some.
    checks_role: bool,
    /// A decorator written on the hook guards access: it runs before the body, so the body's
    /// early returns exempt nothing (osv.dev's `@bp.before_request` over
    /// `@auth.require_google_account` on a body that only says `return None`).
    guarded_by_decorator: bool,
}

/// What one module's walk finds, merged with the others' in module order.
#[derive(Default)]
struct CollectedRoutes<'a> {
    routes: Vec<Route<'a>>,
    registrations: Vec<Registration>,
    prefixes: Vec<(String, String)>,
    hooks: Vec<Hook<'a>>,
    /// `bp = Blueprint("main", ...)`: the blueprint object and its name (endpoints are
    /// `main.view`).
    blueprint_names: Vec<(String, String)>,
}

struct Hook<'a> {
    target: String,
    on_app: bool,
    def: &'a ast::StmtFunctionDef,
    /// The module `def` is written in: its body's names resolve there.
    module: usize,
    /// The module whose code registers the hook (`bp.before_request(check_auth)` with
    /// `check_auth` imported from elsewhere): its applications are the hook's.
    registered_in: usize,
}

/// Whether a hook is declared (`@app.before_request` over its `def`) inside a module-level
/// function that nothing in the run names: a setup function no code calls registers nothing.
/// A file checked alone may be called from files outside the run, so it is never judged so.
fn declared_in_uncalled_function(
    model: &ProjectModel<'_>,
    files: &[FileModel<'_>],
    hook: &Hook<'_>,
) -> bool {
    if hook.module != hook.registered_in
        || files
            .get(hook.module)
            .is_none_or(|file| file.context.named_alone)
    {
        return false;
    }
    let body = &model.modules[hook.module].file.module().body;
    let Some(enclosing) = body.iter().find_map(|stmt| match stmt {
        Stmt::FunctionDef(outer)
            if !std::ptr::eq(outer, hook.def) && outer.range().contains_range(hook.def.range()) =>
        {
            Some(outer)
        }
        _ => None,
    }) else {
        return false;
    };
    let name = enclosing.name.as_str();
    // A decorator may register the function; a factory by convention is run by its server.
    enclosing.decorator_list.is_empty()
        && !name.starts_with("__")
        && !matches!(name, "create_app" | "make_app")
        && super::references::named_nowhere_else(model, hook.module, enclosing)
}

fn collect_functions<'a>(
    body: &'a [Stmt],
    module: usize,
    out: &mut HashMap<(usize, String), &'a ast::StmtFunctionDef>,
) {
    for stmt in body {
        match stmt {
            Stmt::FunctionDef(def) => {
                out.entry((module, def.name.to_string())).or_insert(def);
            }
            // `Jwt.parse(token)`: methods are found as `Class.method`.
            Stmt::ClassDef(class) => {
                for inner in &class.body {
                    if let Stmt::FunctionDef(def) = inner {
                        out.entry((module, crate::paths::dotted(&class.name, &def.name)))
                            .or_insert(def);
                    }
                }
            }
            Stmt::If(stmt) => {
                collect_functions(&stmt.body, module, out);
                for clause in &stmt.elif_else_clauses {
                    collect_functions(&clause.body, module, out);
                }
            }
            Stmt::Try(stmt) => collect_functions(&stmt.body, module, out),
            _ => {}
        }
    }
}

fn resolve_function<'a>(
    model: &ProjectModel<'a>,
    functions: &HashMap<(usize, String), &'a ast::StmtFunctionDef>,
    qualified: &str,
) -> Option<(usize, &'a ast::StmtFunctionDef)> {
    let (module, rest) = model.split_module(qualified)?;
    functions
        .get(&(module, rest.to_string()))
        .map(|def| (module, *def))
}

/// A name for a local function, qualified by its module, so calls and decorators can be
/// resolved to it with the same machinery as imported names.
fn local_function_name(model: &ProjectModel<'_>, module: usize, name: &str) -> String {
    crate::paths::dotted(&model.modules[module].name, name)
}

struct RouteCollector<'m, 'a> {
    model: &'m ProjectModel<'a>,
    module: usize,
    routes: Vec<Route<'a>>,
    registrations: &'m mut Vec<Registration>,
    /// Prefixes objects are constructed with, in the order they are seen.
    prefixes: &'m mut Vec<(String, String)>,
    hooks: &'m mut Vec<Hook<'a>>,
    blueprint_names: &'m mut Vec<(String, String)>,
    class: Option<&'a ast::StmtClassDef>,
    /// The file's function scopes: a factory imports its blueprints inside the function.
    function_scopes: &'m [super::scope::Scope<'a>],
    functions: &'m HashMap<(usize, String), &'a ast::StmtFunctionDef>,
    /// Names of project classes in modules that register `self.` methods as hooks.
    hook_classes: &'m HashSet<&'a str>,
    /// The names a call that reaches a route-registering helper can be written with
    /// (`route_helper_names`): calls written otherwise are not resolved.
    helper_names: &'m HashSet<&'a str>,
    specs: &'m dyn SpecSource,
    /// What names stand for while a helper's body or a loop over a route table is followed:
    /// a parameter bound to the caller's argument, a loop variable to one entry of the table,
    /// each with the module its expression is written in.
    env: HashMap<&'a str, (&'a Expr, usize)>,
    /// Inside a followed helper with a `*name` parameter: the name, the caller's arguments it
    /// collects, and the module they are written in (redash's `add_org_resource(self, resource,
    /// *urls, **kwargs)` hands `*urls` on to `self.add_resource`).
    varargs: Option<(&'a str, &'a [Expr], usize)>,
    /// Helpers being followed, innermost last: ends recursion.
    following: Vec<TextRange>,
    /// Per module, its top-level functions that register routes themselves: the helpers a call
    /// by a local name may reach (found once per module, not once per call).
    local_route_helpers: HashMap<usize, Vec<&'a ast::StmtFunctionDef>>,
    /// While a route-registering decorator factory is followed (supysonic's
    /// `@api_routing("/ping")`): the view it decorates, the parameter its inner decorator
    /// receives it as, and the decorator's range.
    decorated: Option<DecoratedView<'a>>,
}

/// A view handed to a project decorator that registers it (`view_func=func` inside the
/// decorator), and where that decorator is written.
#[derive(Clone, Copy)]
struct DecoratedView<'a> {
    module: usize,
    def: &'a ast::StmtFunctionDef,
    parameter: &'a str,
    declared_at: TextRange,
}

impl<'a> RouteCollector<'_, 'a> {
    fn at(&self) -> At<'_, 'a> {
        At::top(self.module)
    }

    fn at_in(&self, module: usize) -> At<'_, 'a> {
        At::top(module)
    }

    /// The expression a name stands for while a helper or a route table is followed, and the
    /// module it is written in; anything else as it is, in the current module.
    fn substituted<'e>(&self, expr: &'e Expr) -> (&'e Expr, usize)
    where
        'a: 'e,
    {
        if let Expr::Name(name) = expr
            && let Some(&(bound, module)) = self.env.get(name.id.as_str())
        {
            return (bound, module);
        }
        (expr, self.module)
    }

    /// The app, blueprint or API object an expression names (see `ProjectModel::binding_name`).
    fn qualified(&self, expr: &Expr) -> Option<String> {
        let (expr, module) = self.substituted(expr);
        if module != self.module {
            return self.model.binding_name(expr, &self.at_in(module));
        }
        if let Expr::Name(name) = expr
            && self.model.lookup(&self.at(), name.id.as_str()).is_none()
            && let Some(imported) = self.imported_in_a_function(name.id.as_str())
        {
            return Some(self.model.canonical(&imported));
        }
        self.model.binding_name(expr, &self.at())
    }

    /// The expression a name is assigned: at module level, or in one of the file's functions
    /// when only one assignment there binds it (`app = connexion.App(...)` in a factory).
    fn assigned_anywhere(&self, name: &str) -> Option<&'a Expr> {
        if let Some(value) = self.model.assigned_value(name, &self.at()) {
            return Some(value);
        }
        let mut found = None;
        for scope in self.function_scopes {
            match scope.get(name) {
                Some([super::scope::Binding::Assign(value)]) if found.is_none() => {
                    found = Some(*value);
                }
                Some(_) if found.is_some() => return None,
                _ => {}
            }
        }
        found
    }

    /// `from .views import bp` inside `create_app()`: the import a name not bound at module
    /// level refers to, when the file's functions that import it agree on one.
    fn imported_in_a_function(&self, name: &str) -> Option<String> {
        let mut found: Option<&str> = None;
        for scope in self.function_scopes {
            for binding in scope.get(name).unwrap_or(&[]) {
                match binding {
                    super::scope::Binding::Import(target) => match found {
                        Some(existing) if existing != target => return None,
                        _ => found = Some(target),
                    },
                    _ => return None,
                }
            }
        }
        found.map(str::to_string)
    }

    /// Whether an object is the Flask application (hooks on it cover every route).
    fn is_app(&self, expr: &Expr) -> bool {
        let constructed = self
            .model
            .qualified_name(expr, &self.at())
            .is_some_and(|q| q.ends_with("Flask()"));
        constructed
            || matches!(expr, Expr::Name(n) if matches!(n.id.as_str(), "app" | "application"))
    }

    /// A rule, prefix or name the code spells: its value, or for an f-string with parts known
    /// only at run time (`f"{APP_PREFIX}/api/clients"`, the prefix read from a config file), the
    /// string with those parts kept as written, so the route is still mapped.
    fn string(&self, expr: &Expr) -> Option<String> {
        let (expr, module) = self.substituted(expr);
        let at = self.at_in(module);
        if let Some(known) = self.model.value(expr, &at).as_str() {
            return Some(known.to_string());
        }
        let Expr::FString(fstring) = expr else {
            return None;
        };
        let file = self.model.modules[module].file;
        self.model.fstring_text(fstring, &at, 0, &mut |hole| {
            Some(format!("{{{}}}", file.slice(hole.range())))
        })
    }

    /// `@x.route("/r", methods=[...])`, `@x.get("/r")`: the registrar, rule and methods.
    fn route_decorator(&self, decorator: &Expr) -> Option<(String, String, Vec<String>)> {
        let Expr::Call(call) = decorator else {
            return None;
        };
        let Expr::Attribute(attribute) = call.func.as_ref() else {
            return None;
        };
        let method = attribute.attr.as_str();
        if method != "route" && !HTTP_METHOD_NAMES.contains(&method) {
            return None;
        }
        if self.of_another_framework(&attribute.value) {
            return None;
        }
        let rule = call.arguments.args.first().and_then(|r| self.string(r))?;
        let registrar = self.qualified(&attribute.value).unwrap_or_default();
        // `{APP_PREFIX}/api/...`: a prefix known only at run time, which Flask needs to start
        // with `/`.
        if !rule.starts_with('/') && !rule.starts_with('{') && !rule.is_empty() {
            // Flask joins a blueprint's `url_prefix` and a rule with one `/`, so
            // `@bp.route("page/<num>")` under `Blueprint(..., url_prefix="/api/board")`, or
            // registered with `url_prefix="/platform-stats"` (GOV.UK Notify), serves
            // `/api/board/page/<num>`. The rule stays relative until the prefixes are known
            // (`resolve_registrations`); without one Flask refuses it, and an application's own
            // rule must start with `/`.
            if self.is_app(&attribute.value) {
                return None;
            }
        }
        let methods = if method == "route" {
            self.methods(call)
                .unwrap_or_else(|| vec!["GET".to_string()])
        } else {
            vec![method.to_ascii_uppercase()]
        };
        Some((registrar, rule, methods))
    }

    /// `router = APIRouter()`, `app = FastAPI()`, a Sanic or Bottle app: `@router.get("/x")`
    /// on it declares a route of another framework, with its own ways to authenticate
    /// (FastAPI's `Depends(...)`) that Flask's rules would misread.
    fn of_another_framework(&self, receiver: &Expr) -> bool {
        self.model
            .qualified_name(receiver, &self.at())
            .is_some_and(|qualified| {
                let root = qualified.split('.').next().unwrap_or("");
                matches!(
                    root,
                    "fastapi"
                        | "starlette"
                        | "sanic"
                        | "litestar"
                        | "bottle"
                        | "aiohttp"
                        | "falcon"
                        | "ninja"
                        | "blacksheep"
                        | "robyn"
                        | "tornado"
                        | "django"
                )
            })
    }

    fn methods(&self, call: &ast::ExprCall) -> Option<Vec<String>> {
        let keyword = call
            .arguments
            .keywords
            .iter()
            .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "methods"))?;
        // Inside a followed helper, `methods=methods` is the caller's argument.
        let (written, module) = self.substituted(&keyword.value);
        let value = self.model.value(written, &self.at_in(module));
        value
            .strings()
            .map(|names| names.iter().map(|m| m.to_ascii_uppercase()).collect())
            .or_else(|| {
                // `methods=[HTTPMethod.POST]` (Python's `http.HTTPMethod` enum).
                let items = match written {
                    Expr::List(list) => &list.elts,
                    Expr::Tuple(tuple) => &tuple.elts,
                    _ => return None,
                };
                items
                    .iter()
                    .map(|item| match item {
                        Expr::Attribute(attribute)
                            if HTTP_METHOD_NAMES
                                .contains(&attribute.attr.to_ascii_lowercase().as_str()) =>
                        {
                            Some(attribute.attr.to_ascii_uppercase())
                        }
                        _ => None,
                    })
                    .collect()
            })
    }

    /// The decorators of `list` that are not route decorators.
    fn other_than_routes<'l>(
        &'l self,
        list: &'a [ast::Decorator],
    ) -> impl Iterator<Item = &'a Expr> + 'l {
        list.iter()
            .map(|d| &d.expression)
            .filter(|d| self.route_decorator(d).is_none())
    }

    fn add_function_route(
        &mut self,
        (module, def): (usize, &'a ast::StmtFunctionDef),
        registrar: String,
        rule: String,
        methods: Vec<String>,
        declared_at: TextRange,
    ) {
        let (above, below) = split_at_route_decorator(&def.decorator_list, declared_at);
        self.routes.push(Route {
            module,
            variables: url_variables(&rule),
            rule,
            methods,
            handler: def,
            class: None,
            decorators: below.iter().map(|d| &d.expression).collect(),
            inherited_decorators: Vec::new(),
            decorators_above_route: self.other_than_routes(above).collect(),
            registrar: Some(registrar),
            authentication: None,
            role_check: None,
            roles_compared: None,
            ordinary_roles: None,
            declared_at,
            unknown_hook: false,
            optional_hook: None,
            exempted_by: None,
            open_to_anyone: false,
            on_app: false,
            registered_in: self.module,
            units: Vec::new(),
            registered_only_in_development: None,
            enclosing: Vec::new(),
            spec: None,
            declared_public: false,
            dispatch: None,
            logs_the_caller_in: false,
        });
    }

    /// Routes for each HTTP method of a view or resource class.
    fn add_class_routes(
        &mut self,
        (class_module, class): (usize, &'a ast::StmtClassDef),
        registrar: String,
        rule: String,
        extra_decorators: Vec<&'a Expr>,
        declared_at: TextRange,
    ) {
        let class_decorators: Vec<(usize, &'a Expr)> = self
            .decorators_assignment((class_module, class))
            .into_iter()
            .flat_map(|(module, value)| self.decorator_elements(module, value, 0))
            .collect();
        let inherited_decorators: Vec<(&'a Expr, usize)> = class_decorators
            .iter()
            .filter(|(module, _)| *module != class_module)
            .map(|(module, decorator)| (*decorator, *module))
            .collect();
        let dispatch = self.inherited_method((class_module, class), "dispatch_request");
        // `@require_login` above `@ns.route("/")` on a resource class wraps the class after
        // flask-restx registered it (picoCTF's Docker resources): as with a view function, what
        // sits above the route decorator never runs.
        let (above, below) = split_at_route_decorator(&class.decorator_list, declared_at);
        let decorators_above_route: Vec<&'a Expr> = self.other_than_routes(above).collect();
        for stmt in &class.body {
            let Stmt::FunctionDef(def) = stmt else {
                continue;
            };
            let name = def.name.as_str();
            if !HTTP_METHOD_NAMES.contains(&name) {
                continue;
            }
            let mut decorators: Vec<&'a Expr> =
                def.decorator_list.iter().map(|d| &d.expression).collect();
            decorators.extend(class_decorators.iter().map(|(_, decorator)| *decorator));
            decorators.extend(self.other_than_routes(below));
            decorators.extend(extra_decorators.iter().copied());
            self.routes.push(Route {
                // The handler lives where the class is defined, which may not be where the
                // resource is registered.
                module: class_module,
                variables: url_variables(&rule),
                rule: rule.clone(),
                methods: vec![name.to_ascii_uppercase()],
                handler: def,
                class: Some(class),
                decorators,
                inherited_decorators: inherited_decorators.clone(),
                decorators_above_route: decorators_above_route.clone(),
                registrar: Some(registrar.clone()),
                authentication: None,
                role_check: None,
                roles_compared: None,
                ordinary_roles: None,
                declared_at,
                unknown_hook: false,
                optional_hook: None,
                exempted_by: None,
                open_to_anyone: false,
                on_app: false,
                registered_in: self.module,
                units: Vec::new(),
                registered_only_in_development: None,
                enclosing: Vec::new(),
                spec: None,
                declared_public: false,
                dispatch,
                logs_the_caller_in: false,
            });
        }
    }

    /// What `own` finds in a class, or else in the nearest project base class that has it,
    /// breadth first as Python's attribute lookup mostly does, with the module of the class it
    /// was found in.
    fn nearest_in_class_chain<T>(
        &self,
        (module, class): (usize, &'a ast::StmtClassDef),
        own: impl Fn(&'a ast::StmtClassDef) -> Option<T>,
    ) -> Option<(usize, T)> {
        const MAX_BASES: usize = 8;
        let mut frontier = vec![(module, class)];
        for _ in 0..MAX_BASES {
            let mut next = Vec::new();
            for (module, class) in frontier {
                if let Some(found) = own(class) {
                    return Some((module, found));
                }
                if let Some(arguments) = &class.arguments {
                    next.extend(
                        arguments
                            .args
                            .iter()
                            .filter_map(|base| self.find_class_in_module(base, module))
                            .filter(|(m, c)| !(*m == module && std::ptr::eq(*c, class))),
                    );
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        None
    }

    /// The method `name` a class defines, or else the nearest project base class's, as Python's
    /// attribute lookup finds it.
    fn inherited_method(
        &self,
        class: (usize, &'a ast::StmtClassDef),
        name: &str,
    ) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        self.nearest_in_class_chain(class, |class| {
            class.body.iter().find_map(|stmt| match stmt {
                Stmt::FunctionDef(def) if def.name.as_str() == name => Some(def),
                _ => None,
            })
        })
    }

    /// The `decorators = [...]` / `method_decorators = [...]` a view or resource class applies:
    /// its own, or else the nearest project base class's (lemur's `AuthenticatedResource` sets
    /// `method_decorators = [login_required]` for every resource deriving from it), as Python's
    /// attribute lookup finds it.
    fn decorators_assignment(
        &self,
        class: (usize, &'a ast::StmtClassDef),
    ) -> Vec<(usize, &'a Expr)> {
        self.nearest_in_class_chain(class, |class| {
            let own: Vec<&'a Expr> = class
                .body
                .iter()
                .filter_map(|stmt| match stmt {
                    Stmt::Assign(assign) if assign.targets.iter().any(|t| matches!(t, Expr::Name(n) if matches!(n.id.as_str(), "decorators" | "method_decorators"))) => {
                        Some(assign.value.as_ref())
                    }
                    _ => None,
                })
                .collect();
            (!own.is_empty()).then_some(own)
        })
        .map(|(module, own)| own.into_iter().map(|value| (module, value)).collect())
        .unwrap_or_default()
    }

    /// The decorators a `decorators = ...` value lists: a list, a tuple, a dict of lists
    /// (`method_decorators = {"get": [...]}`), or a concatenation that starts from a base class's
    /// own list (jazzband's `decorators = UploadLeadsActionView.decorators + [templated()]`, the
    /// base inheriting `[login_required]` from its own base).
    fn decorator_elements(
        &self,
        module: usize,
        value: &'a Expr,
        depth: usize,
    ) -> Vec<(usize, &'a Expr)> {
        if depth > 8 {
            return Vec::new();
        }
        let here = |elements: &'a [Expr]| elements.iter().map(|e| (module, e)).collect::<Vec<_>>();
        match value {
            Expr::List(list) => here(&list.elts),
            Expr::Tuple(tuple) => here(&tuple.elts),
            Expr::Dict(dict) => dict
                .items
                .iter()
                .flat_map(|item| match &item.value {
                    Expr::List(list) => here(&list.elts),
                    other => vec![(module, other)],
                })
                .collect(),
            Expr::BinOp(op) if op.op == ast::Operator::Add => {
                let mut elements = self.decorator_elements(module, &op.left, depth + 1);
                elements.extend(self.decorator_elements(module, &op.right, depth + 1));
                elements
            }
            Expr::Attribute(attribute)
                if matches!(attribute.attr.as_str(), "decorators" | "method_decorators") =>
            {
                let Some(base) = self.find_class_in_module(&attribute.value, module) else {
                    return Vec::new();
                };
                self.decorators_assignment(base)
                    .into_iter()
                    .flat_map(|(module, inherited)| {
                        self.decorator_elements(module, inherited, depth + 1)
                    })
                    .collect()
            }
            _ => Vec::new(),
        }
    }

    fn find_class(&self, expr: &Expr) -> Option<(usize, &'a ast::StmtClassDef)> {
        let (expr, module) = self.substituted(expr);
        self.find_class_in_module(expr, module)
    }

    fn find_class_in_module(
        &self,
        expr: &Expr,
        here: usize,
    ) -> Option<(usize, &'a ast::StmtClassDef)> {
        let name = match expr {
            Expr::Name(name) => {
                if let Some(class) = self.class_of_view(name.id.as_str(), here) {
                    return Some(class);
                }
                name.id.as_str()
            }
            // `api.add_resource(resources.AllUsers, "/users")`: only a project class by its
            // qualified name will do.
            Expr::Attribute(_) => {
                let qualified = self.model.qualified_name(expr, &self.at_in(here))?;
                let (module, class_name) = self.model.split_module(&qualified)?;
                return find_class_in(&self.model.modules[module].file.module().body, class_name)
                    .map(|class| (module, class));
            }
            Expr::Call(call) => match call.func.as_ref() {
                // `UserAPI.as_view("users")`
                // `handler.as_view(route)` with `handler` a loop variable or a helper's
                // parameter bound to the class (clusterfuzz's route tables).
                Expr::Attribute(attribute) if attribute.attr.as_str() == "as_view" => {
                    if here == self.module {
                        return self.find_class(&attribute.value);
                    }
                    return self.find_class_in_module(&attribute.value, here);
                }
                _ => return None,
            },
            _ => return None,
        };
        // `from freight.api.app_index import AppIndexApiView` inside `configure_api(app)`: a
        // resource imported by the function that registers it.
        let qualified = self
            .model
            .qualified_name(expr, &self.at_in(here))
            .or_else(|| {
                (here == self.module && self.model.lookup(&self.at(), name).is_none())
                    .then(|| self.imported_in_a_function(name))
                    .flatten()
                    .map(|imported| self.model.canonical(&imported))
            });
        let (module, class_name) = match qualified
            .as_deref()
            .and_then(|q| self.model.split_module(q))
        {
            Some((module, rest)) => (module, rest.to_string()),
            None => (here, name.to_string()),
        };
        find_class_in(&self.model.modules[module].file.module().body, &class_name)
            .map(|class| (module, class))
    }

    /// The class a module-level view names: `boards_view = BoardsAPI.as_view("boards-view")`
    /// then `bp.add_url_rule("/board", view_func=boards_view)` (yamakanban registers every
    /// `MethodView` this way). Only a class named outright is followed, so `view = view.as_view()`
    /// and chains of such names end here.
    fn class_of_view(&self, name: &str, here: usize) -> Option<(usize, &'a ast::StmtClassDef)> {
        let at = self.at_in(here);
        let (bindings, found_at) = self.model.lookup(&at, name)?;
        let [super::scope::Binding::Assign(Expr::Call(call))] = bindings else {
            return None;
        };
        let Expr::Attribute(attribute) = call.func.as_ref() else {
            return None;
        };
        if attribute.attr.as_str() != "as_view" {
            return None;
        }
        let class_name = match attribute.value.as_ref() {
            Expr::Name(class) => class.id.as_str(),
            _ => return None,
        };
        let module = found_at.module;
        if let Some(class) =
            find_class_in(&self.model.modules[module].file.module().body, class_name)
        {
            return Some((module, class));
        }
        let qualified = self
            .model
            .qualified_name(&attribute.value, &self.at_in(module))?;
        let (module, class_name) = self.model.split_module(&qualified)?;
        find_class_in(&self.model.modules[module].file.module().body, class_name)
            .map(|class| (module, class))
    }

    /// The function a `view_func=` names: defined in the module, or imported into it.
    /// `api.get_all_tags` (a function of an imported module, buku) too.
    fn view_function(&self, view: &Expr) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        let (view, module) = self.substituted(view);
        let local = match view {
            Expr::Name(name) => find_function_in(
                &self.model.modules[module].file.module().body,
                name.id.as_str(),
            ),
            // `self.add_url_rule("/neurons", view_func=self.get_neurons)` in the `__init__` of
            // a Blueprint subclass (kalliope's REST views): a method of the enclosing class.
            Expr::Attribute(attribute) if matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self") =>
            {
                return method_of_enclosing_class(
                    self.model,
                    self.functions,
                    module,
                    view.range(),
                    attribute.attr.as_str(),
                );
            }
            Expr::Attribute(_) => None,
            _ => return None,
        };
        local
            .map(|def| (module, def))
            .or_else(|| {
                let qualified = self.model.qualified_name(view, &self.at_in(module))?;
                resolve_function(self.model, self.functions, &qualified)
            })
            .or_else(|| {
                let Expr::Name(name) = view else { return None };
                let source = self.model.star_imported_from(module, name.id.as_str())?;
                let body = &self.model.modules[source].file.module().body;
                find_function_in(body, name.id.as_str()).map(|def| (source, def))
            })
    }

    /// `view_func=login_required(self.welcome)` (A2rchi), `view_func=jwt_required()(views.index)`:
    /// a view wrapped in decorators by hand. The view function, the wrappers' callees outermost
    /// first (each judged as a decorator), and the module they are written in. Only where that is
    /// the module being visited, whose names the view is then resolved with.
    fn wrapped_view(
        &self,
        view: &'a Expr,
    ) -> Option<((usize, &'a ast::StmtFunctionDef), Vec<&'a Expr>, usize)> {
        let (mut current, module) = self.substituted(view);
        if module != self.module {
            return None;
        }
        let mut wrappers: Vec<&'a Expr> = Vec::new();
        while let Expr::Call(call) = current {
            let [inner] = call.arguments.args.as_ref() else {
                return None;
            };
            if !call.arguments.keywords.is_empty() || wrappers.len() >= MAX_WRAPPERS {
                return None;
            }
            wrappers.push(&call.func);
            current = inner;
        }
        if wrappers.is_empty() {
            return None;
        }
        let function = self.view_function(current)?;
        Some((function, wrappers, module))
    }

    /// `for view, rule in ROUTES: app.add_url_rule(rule, view_func=view)`: the body once per
    /// entry of a literal route table, with the loop variables standing for that entry.
    fn follow_route_table(&mut self, stmt: &'a ast::StmtFor) -> bool {
        if !registers_routes(&stmt.body) {
            return false;
        }
        self.follow_table(&stmt.target, &stmt.iter, TableBody::Statements(&stmt.body))
    }

    /// `[api.add_resource(*r) for r in routes]`: a comprehension evaluated for its calls.
    fn follow_route_comprehension(&mut self, expr: &'a Expr) -> bool {
        let (element, generators) = match expr {
            Expr::ListComp(comp) => (&comp.elt, &comp.generators),
            Expr::SetComp(comp) => (&comp.elt, &comp.generators),
            Expr::Generator(comp) => (&comp.elt, &comp.generators),
            _ => return false,
        };
        let [generator] = generators.as_slice() else {
            return false;
        };
        if !generator.ifs.is_empty() || !registers_routes_in(element) {
            return false;
        }
        self.follow_table(
            &generator.target,
            &generator.iter,
            TableBody::Expression(element),
        )
    }

    /// Visits `body` once per entry of a literal table, with `target` bound to the entry. The
    /// table may be imported (`from resources.routes import routes`): its entries are read in
    /// the module that writes them.
    fn follow_table(&mut self, target: &'a Expr, iter: &'a Expr, body: TableBody<'a>) -> bool {
        let (iter, module) = self.substituted(iter);
        let (table, table_module) = match iter {
            Expr::Name(name) if module == self.module => {
                match self
                    .assigned_anywhere(name.id.as_str())
                    .or_else(|| self.table_handed_to_calls(name.id.as_str()))
                {
                    Some(table) => (Some(table), module),
                    None => self.imported_table(iter),
                }
            }
            Expr::Name(name) => (
                self.model
                    .assigned_value(name.id.as_str(), &self.at_in(module)),
                module,
            ),
            other => (Some(other), module),
        };
        let entries: &'a [Expr] = match table {
            Some(Expr::List(list)) => &list.elts,
            Some(Expr::Tuple(tuple)) => &tuple.elts,
            _ => return false,
        };
        let saved = self.env.clone();
        for entry in entries.iter().take(MAX_TABLE_ENTRIES) {
            let (entry, entry_module) = match entry {
                Expr::Name(name) if self.env.contains_key(name.id.as_str()) => {
                    self.substituted(entry)
                }
                other => (other, table_module),
            };
            let mut bound = true;
            match (target, entry) {
                (Expr::Name(target), _) => {
                    self.env.insert(target.id.as_str(), (entry, entry_module));
                }
                (Expr::Tuple(targets), Expr::Tuple(ast::ExprTuple { elts, .. }))
                | (Expr::Tuple(targets), Expr::List(ast::ExprList { elts, .. }))
                    if targets.elts.len() == elts.len() =>
                {
                    for (target, value) in targets.elts.iter().zip(elts) {
                        if let Expr::Name(target) = target {
                            self.env.insert(target.id.as_str(), (value, entry_module));
                        }
                    }
                }
                _ => bound = false,
            }
            if bound {
                match body {
                    TableBody::Statements(statements) => self.visit_body(statements),
                    TableBody::Expression(element) => self.visit_expr(element),
                }
            }
        }
        self.env = saved;
        true
    }

    /// `handlers = [...]` then `register_routes(app, handlers)` (clusterfuzz): the scope marks
    /// a name handed to a call as perhaps changed by it, but a table handed to the helper that
    /// registers its routes is read as assigned.
    fn table_handed_to_calls(&self, name: &str) -> Option<&'a Expr> {
        let at = self.at();
        let (bindings, _) = self.model.lookup(&at, name)?;
        let mut assigned = bindings.iter().filter_map(|binding| match binding {
            super::scope::Binding::Assign(value) => Some(*value),
            _ => None,
        });
        let value = assigned.next()?;
        let only_mutations = bindings.iter().all(|b| {
            matches!(
                b,
                super::scope::Binding::Assign(_) | super::scope::Binding::Mutated
            )
        });
        (assigned.next().is_none() && only_mutations).then_some(value)
    }

    /// A table imported from another project module, and that module.
    fn imported_table(&self, name: &Expr) -> (Option<&'a Expr>, usize) {
        let Some((module, rest)) = self
            .model
            .qualified_name(name, &self.at())
            .as_deref()
            .and_then(|q| self.model.split_module(q).map(|(m, r)| (m, r.to_string())))
        else {
            return (None, self.module);
        };
        (
            self.model.assigned_value(&rest, &self.at_in(module)),
            module,
        )
    }

    /// `register_view(bp, ["/a", "/b"], view_func=SomeView.as_view("x"))`: a project helper
    /// whose body registers routes on its parameters is followed with them bound to the call's
    /// arguments.
    fn follow_helper(&mut self, call: &'a ast::ExprCall) {
        let Some((module, def)) = self.route_helper(call) else {
            return;
        };
        if self.following.contains(&def.range()) || !registers_routes(&def.body) {
            return;
        }
        self.follow_body(call, module, def, &def.body);
    }

    /// `@api_routing("/ping")` on a view, where the project function `api_routing(endpoint)`
    /// returns a decorator that calls `api.add_url_rule(endpoint, view_func=func)` (supysonic's
    /// whole Subsonic API): the inner decorator's body is followed with the factory's
    /// parameters bound to the call's arguments and its own parameter to the view.
    fn follow_route_decorator(
        &mut self,
        call: &'a ast::ExprCall,
        view: &'a ast::StmtFunctionDef,
        declared_at: TextRange,
    ) {
        let Some((module, factory)) = self.route_helper(call) else {
            return;
        };
        if self.following.contains(&factory.range()) {
            return;
        }
        let Some((inner, parameter)) = factory.body.iter().find_map(|stmt| match stmt {
            Stmt::FunctionDef(inner) if registers_routes(&inner.body) => {
                let parameter = inner.parameters.args.first()?;
                Some((inner, parameter.parameter.name.as_str()))
            }
            _ => None,
        }) else {
            return;
        };
        let saved = self.decorated.replace(DecoratedView {
            module: self.module,
            def: view,
            parameter,
            declared_at,
        });
        self.follow_body(call, module, factory, &inner.body);
        self.decorated = saved;
    }

    /// The view a `view_func=` names when it is the parameter a followed route decorator
    /// received the decorated view as, with that decorator's range.
    fn decorated_view(
        &self,
        view: &Expr,
    ) -> Option<((usize, &'a ast::StmtFunctionDef), TextRange)> {
        let decorated = self.decorated?;
        let Expr::Name(name) = view else {
            return None;
        };
        (name.id.as_str() == decorated.parameter)
            .then_some(((decorated.module, decorated.def), decorated.declared_at))
    }

    /// The project function a call reaches when it may register routes: its written name is one
    /// `route_helper_names` found.
    fn route_helper(
        &mut self,
        call: &'a ast::ExprCall,
    ) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        if self.following.len() >= MAX_HELPER_DEPTH {
            return None;
        }
        let written = super::records::callee_last(&call.func)?;
        if !self.helper_names.contains(written) {
            return None;
        }
        // An imported helper, or one of this module (clusterfuzz's `register_routes(flask_app,
        // routes)` beside the tables it is called with), which resolves to no import.
        match self.model.qualified_name(&call.func, &self.at()) {
            // `api.add_org_resource(...)` after `api = ApiExt()`: `ApiExt().add_org_resource`,
            // the method `ApiExt.add_org_resource`.
            Some(qualified) => {
                resolve_function(self.model, self.functions, &qualified).or_else(|| {
                    let method = qualified.replace("().", ".");
                    (method != qualified)
                        .then(|| resolve_function(self.model, self.functions, &method))
                        .flatten()
                })
            }
            None => match call.func.as_ref() {
                // A2rchi's `self.add_endpoint("/", "welcome", login_required(self.welcome))`:
                // a method of the class the call is written in, wrapping `add_url_rule`.
                Expr::Attribute(method) if matches!(method.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self") => {
                    method_of_enclosing_class(
                        self.model,
                        self.functions,
                        self.module,
                        call.range(),
                        written,
                    )
                }
                Expr::Attribute(method) => self.method_of_instance(&method.value, written),
                Expr::Name(name) => {
                    let model = self.model;
                    let module = self.module;
                    self.local_route_helpers
                        .entry(module)
                        .or_insert_with(|| {
                            model.modules[module]
                                .file
                                .module()
                                .body
                                .iter()
                                .filter_map(|stmt| match stmt {
                                    Stmt::FunctionDef(def) if registers_routes(&def.body) => {
                                        Some(def)
                                    }
                                    _ => None,
                                })
                                .collect()
                        })
                        .iter()
                        .find(|def| def.name.as_str() == name.id.as_str())
                        .map(|def| (module, *def))
                }
                _ => None,
            },
        }
    }

    /// The method `name` of the project class an object was made from: `api.add_org_resource`
    /// after `api = ApiExt()` (redash's `Api` subclass), in this module or imported from another.
    fn method_of_instance(
        &self,
        receiver: &Expr,
        name: &str,
    ) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        let Expr::Name(object) = receiver else {
            return None;
        };
        let at = self.at();
        let (value, module) = match self.model.lookup(&at, object.id.as_str())?.0 {
            [super::scope::Binding::Assign(value)] => (*value, self.module),
            [super::scope::Binding::Import(qualified)] => {
                let canonical = self.model.canonical(qualified);
                let (module, rest) = self.model.split_module(&canonical)?;
                (self.model.assigned_value(rest, &At::top(module))?, module)
            }
            _ => return None,
        };
        let Expr::Call(made) = value else {
            return None;
        };
        let (class_module, class) = match made.func.as_ref() {
            Expr::Name(class)
                if find_class_in(
                    &self.model.modules[module].file.module().body,
                    class.id.as_str(),
                )
                .is_some() =>
            {
                (module, class.id.to_string())
            }
            other => {
                let qualified = self.model.qualified_name(other, &At::top(module))?;
                let (class_module, class) = self.model.split_module(&qualified)?;
                (class_module, class.to_string())
            }
        };
        self.functions
            .get(&(class_module, crate::paths::dotted(&class, name)))
            .map(|def| (class_module, *def))
    }

    /// Visits `body` (the helper's own, or a function it defines) with the helper `def`'s
    /// parameters bound to `call`'s arguments, as if written in the helper's module.
    fn follow_body(
        &mut self,
        call: &'a ast::ExprCall,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        body: &'a [Stmt],
    ) {
        let mut env = HashMap::default();
        let mut positional: Vec<&'a ast::ParameterWithDefault> = def
            .parameters
            .posonlyargs
            .iter()
            .chain(&def.parameters.args)
            .collect();
        // `api.add_org_resource(...)`, a method of the project's `Api` subclass: `self` is the
        // object the method is called on.
        if let Expr::Attribute(method) = call.func.as_ref()
            && positional
                .first()
                .is_some_and(|first| first.parameter.name.as_str() == "self")
        {
            let (value, value_module) = self.substituted(&method.value);
            env.insert("self", (value, value_module));
            positional.remove(0);
        }
        let mut bound = 0;
        for (parameter, argument) in positional.iter().zip(&call.arguments.args) {
            if matches!(argument, Expr::Starred(_)) {
                break;
            }
            let (value, value_module) = self.substituted(argument);
            env.insert(parameter.parameter.name.as_str(), (value, value_module));
            bound += 1;
        }
        let varargs = match &def.parameters.vararg {
            Some(vararg)
                if bound == positional.len()
                    && !call.arguments.args[bound..]
                        .iter()
                        .any(|argument| matches!(argument, Expr::Starred(_))) =>
            {
                Some((
                    vararg.name.as_str(),
                    &call.arguments.args[bound..],
                    self.module,
                ))
            }
            _ => None,
        };
        for keyword in &call.arguments.keywords {
            let Some(name) = &keyword.arg else { continue };
            if let Some(parameter) = def
                .parameters
                .iter_non_variadic_params()
                .find(|p| p.parameter.name.as_str() == name.as_str())
            {
                let (value, value_module) = self.substituted(&keyword.value);
                env.insert(parameter.parameter.name.as_str(), (value, value_module));
            }
        }
        let saved_env = std::mem::replace(&mut self.env, env);
        let saved_varargs = std::mem::replace(&mut self.varargs, varargs);
        let saved_module = std::mem::replace(&mut self.module, module);
        let saved_scopes = self.function_scopes;
        if saved_module != module {
            self.function_scopes = &[];
        }
        self.following.push(def.range());
        self.visit_body(body);
        self.following.pop();
        self.function_scopes = saved_scopes;
        self.module = saved_module;
        self.varargs = saved_varargs;
        self.env = saved_env;
    }

    fn handle_call(&mut self, call: &'a ast::ExprCall) {
        if !call.arguments.is_empty() {
            self.note_hook_object(call);
        }
        // `auth_bp.route("/login", methods=["POST"])(login)` (Expense_Tracker_API): the
        // decorator applied by hand, as `add_url_rule` would register it.
        if let [view] = call.arguments.args.as_ref()
            && call.arguments.keywords.is_empty()
            && let Some((registrar, rule, methods)) = self.route_decorator(&call.func)
        {
            if let Some((view, declared_at)) = self.decorated_view(view).or_else(|| {
                self.view_function(view)
                    .map(|function| (function, call.range()))
            }) {
                self.add_function_route(view, registrar, rule, methods, declared_at);
            }
            return;
        }
        let Expr::Attribute(attribute) = call.func.as_ref() else {
            return;
        };
        let receiver = || self.qualified(&attribute.value).unwrap_or_default();
        match attribute.attr.as_str() {
            "add_api" => self.add_connexion_api(call, &attribute.value),
            "add_url_rule" => {
                let Some(rule) = call.arguments.args.first().and_then(|r| self.string(r)) else {
                    return;
                };
                let view = call
                    .arguments
                    .keywords
                    .iter()
                    .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "view_func"))
                    .map(|k| &k.value)
                    .or_else(|| call.arguments.args.get(2));
                let Some(view) = view else { return };
                let registrar = receiver();
                let decorated = self.decorated_view(view);
                let class = match decorated {
                    Some(_) => None,
                    None => self.find_class(view),
                };
                if let Some(class) = class {
                    let first = self.routes.len();
                    self.add_class_routes(class, registrar, rule, Vec::new(), call.range());
                    // `methods=` given to `add_url_rule` is what Flask serves; a method the class
                    // defines outside it answers 405.
                    if let Some(methods) = self.methods(call) {
                        let added = self.routes.split_off(first);
                        self.routes.extend(
                            added
                                .into_iter()
                                .filter(|route| route.methods.iter().any(|m| methods.contains(m))),
                        );
                    }
                } else if let Some((view, declared_at)) = decorated.or_else(|| {
                    self.view_function(view)
                        .map(|function| (function, call.range()))
                }) {
                    let methods = self
                        .methods(call)
                        .unwrap_or_else(|| vec!["GET".to_string()]);
                    self.add_function_route(view, registrar, rule, methods, declared_at);
                } else if let Some((view, wrappers, wrappers_module)) = self.wrapped_view(view) {
                    let methods = self
                        .methods(call)
                        .unwrap_or_else(|| vec!["GET".to_string()]);
                    self.add_function_route(view, registrar, rule, methods, call.range());
                    // The wrappers run outside the handler's own decorators.
                    if let Some(route) = self.routes.last_mut() {
                        route.decorators.splice(0..0, wrappers.iter().copied());
                        route
                            .inherited_decorators
                            .extend(wrappers.iter().map(|wrapper| (*wrapper, wrappers_module)));
                    }
                }
            }
            "add_resource" => {
                // `api.add_resource(*entry)` over a table of `(Resource, "/rule")` entries.
                let mut arguments: Vec<(&'a Expr, usize)> = Vec::new();
                for argument in &call.arguments.args {
                    if let Expr::Starred(starred) = argument {
                        if let (Expr::Name(name), Some((collected, given, module))) =
                            (starred.value.as_ref(), self.varargs)
                            && name.id.as_str() == collected
                        {
                            arguments.extend(given.iter().map(|e| (e, module)));
                            continue;
                        }
                        let (value, module) = self.substituted(&starred.value);
                        match value {
                            Expr::Tuple(ast::ExprTuple { elts, .. })
                            | Expr::List(ast::ExprList { elts, .. }) => {
                                arguments.extend(elts.iter().map(|e| (e, module)));
                            }
                            _ => return,
                        }
                    } else {
                        arguments.push(self.substituted(argument));
                    }
                }
                let Some(&(resource, resource_module)) = arguments.first() else {
                    return;
                };
                let Some(class) = self.find_class_in_module(resource, resource_module) else {
                    return;
                };
                let registrar = receiver();
                let api_decorators = self.api_decorators(&attribute.value);
                let rules: Vec<String> = arguments
                    .iter()
                    .skip(1)
                    .filter_map(|&(rule, module)| {
                        self.model
                            .value(rule, &self.at_in(module))
                            .as_str()
                            .map(str::to_string)
                    })
                    .collect();
                for rule in rules {
                    self.add_class_routes(
                        class,
                        registrar.clone(),
                        rule,
                        api_decorators.clone(),
                        call.range(),
                    );
                }
            }
            // `app.register_blueprint(bp, url_prefix=...)`, `parent.register_blueprint(child)`,
            // flask-restx's `api.add_namespace(ns, path=...)`.
            "register_blueprint" | "add_namespace" => {
                let Some(blueprint) = call
                    .arguments
                    .args
                    .first()
                    .and_then(|b| self.made_blueprint(b).or_else(|| self.qualified(b)))
                else {
                    return;
                };
                let prefix_keyword = if attribute.attr.as_str() == "add_namespace" {
                    "path"
                } else {
                    "url_prefix"
                };
                let prefix = call
                    .arguments
                    .find_keyword(prefix_keyword)
                    .and_then(|k| self.string(&k.value))
                    .or_else(|| {
                        (attribute.attr.as_str() == "add_namespace")
                            .then(|| call.arguments.args.get(1).and_then(|p| self.string(p)))
                            .flatten()
                    });
                self.registrations.push(Registration {
                    receiver: receiver(),
                    blueprint,
                    prefix,
                    module: self.module,
                    site: call.range(),
                });
            }
            // `api.init_app(app)`: the API's resources are the app's.
            "init_app" => {
                if let Some(parent) = call.arguments.args.first().and_then(|p| self.qualified(p)) {
                    self.registrations.push(Registration {
                        receiver: parent,
                        blueprint: receiver(),
                        prefix: None,
                        module: self.module,
                        site: call.range(),
                    });
                }
            }
            "before_request" | "before_app_request" => {
                if let Some((module, def)) = call
                    .arguments
                    .args
                    .first()
                    .and_then(|f| self.hook_function(f))
                {
                    self.hooks.push(Hook {
                        target: receiver(),
                        on_app: self.is_app(&attribute.value),
                        def,
                        module,
                        registered_in: self.module,
                    });
                }
            }
            _ => {}
        }
    }

    /// The project function `before_request(...)` is handed, with its module: one of this
    /// module, one imported from another (`from app.authentication import requires_auth`,
    /// `auth.check`), or one wrapped in `functools.partial(check, module="callbacks")`, which
    /// runs it.
    fn hook_function(&self, argument: &'a Expr) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        let hooked = match argument {
            Expr::Call(partial)
                if matches!(
                    self.qualified(&partial.func).as_deref(),
                    Some("functools.partial")
                ) =>
            {
                partial.arguments.args.first()?
            }
            other => other,
        };
        if let Expr::Name(name) = hooked
            && let Some(def) = find_function_in(
                &self.model.modules[self.module].file.module().body,
                name.id.as_str(),
            )
        {
            return Some((self.module, def));
        }
        let qualified = self.qualified(hooked)?;
        resolve_function(self.model, self.functions, &qualified)
    }

    /// `access = BlueprintAccess(bp, required_properties=[...])` where the project class's
    /// `__init__` registers one of its methods on the object it is handed
    /// (`blueprint.before_request(self._check_access)`, pycroft's per-blueprint permission
    /// check): that method is a hook of `bp`.
    fn note_hook_object(&mut self, call: &'a ast::ExprCall) {
        let Some(named) = super::records::callee_last(&call.func) else {
            return;
        };
        if !self.hook_classes.contains(named) {
            return;
        }
        let Some((module, class)) = self.find_class_in_module(&call.func, self.module) else {
            return;
        };
        // The name gate lets through every class of that name; most are defined in modules that
        // register no hook (Flask-AppBuilder's many `BaseView`s), and need no walk of `__init__`.
        if memchr::memmem::find(
            self.model.modules[module].file.text.as_bytes(),
            b"before_request(self.",
        )
        .is_none()
        {
            return;
        }
        let Some(init) = find_function_in(&class.body, "__init__") else {
            return;
        };
        for (position, method) in hooks_registered_by(class, init, 0) {
            let argument = argument_for_parameter(&call.arguments, init, position);
            let (Some(argument), Some(def)) = (argument, find_function_in(&class.body, method))
            else {
                continue;
            };
            let Some(target) = self.qualified(argument) else {
                continue;
            };
            self.hooks.push(Hook {
                target,
                on_app: self.is_app(argument),
                def,
                module,
                registered_in: self.module,
            });
        }
    }

    /// The blueprint a factory returns: `app.register_blueprint(api.make_blueprint())`, or
    /// `bp = api.make_blueprint()` first, where `make_blueprint` builds `bp = Blueprint(...)`,
    /// adds its routes and returns it.
    fn made_blueprint(&self, expr: &'a Expr) -> Option<String> {
        let call = match expr {
            Expr::Call(call) => call,
            Expr::Name(name) => match self.assigned_anywhere(name.id.as_str())? {
                Expr::Call(call) => call,
                _ => return None,
            },
            _ => return None,
        };
        let qualified = self
            .model
            .qualified_name(&call.func, &self.at())
            .or_else(|| {
                let Expr::Name(name) = call.func.as_ref() else {
                    return None;
                };
                Some(local_function_name(
                    self.model,
                    self.module,
                    name.id.as_str(),
                ))
            })?;
        let (module, def) = resolve_function(self.model, self.functions, &qualified)?;
        let mut returned = None;
        visit_stmts(&def.body, &mut |stmt| {
            if let Stmt::Return(ret) = stmt
                && let Some(Expr::Name(name)) = ret.value.as_deref()
                && returned.is_none()
            {
                returned = Some(name);
            }
        });
        let returned = returned?;
        // Only a name the factory binds to a blueprint it constructs.
        let constructs = def.body.iter().any(|stmt| {
            matches!(stmt, Stmt::Assign(assign)
                if assign.targets.iter().any(|t| matches!(t, Expr::Name(n) if n.id == returned.id))
                    && matches!(assign.value.as_ref(), Expr::Call(_)))
        });
        if !constructs {
            return None;
        }
        let at = self.at_in(module);
        self.model.binding_name(&Expr::Name(returned.clone()), &at)
    }

    /// `Api(app, decorators=[jwt_required()])` applies to every resource of that API.
    fn api_decorators(&self, api: &'a Expr) -> Vec<&'a Expr> {
        let Expr::Name(name) = api else {
            return Vec::new();
        };
        let Some(value) = self.model.assigned_value(name.id.as_str(), &self.at()) else {
            return Vec::new();
        };
        let Expr::Call(call) = value else {
            return Vec::new();
        };
        call.arguments
            .keywords
            .iter()
            .filter(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "decorators"))
            .flat_map(|k| match &k.value {
                Expr::List(list) => list.elts.iter().collect::<Vec<_>>(),
                Expr::Tuple(tuple) => tuple.elts.iter().collect(),
                _ => Vec::new(),
            })
            .collect()
    }

    /// flask-restful's `@api.resource("/a", "/b")` on a `Resource` class, where `api` is an API
    /// object this module builds (DMS-Backend's `api = Api(Blueprint(__name__, __name__))`):
    /// the API and the rules, as `api.add_resource(Class, "/a", "/b")` would register them.
    fn api_resource_decorator(
        &self,
        decorator: &'a ast::Decorator,
    ) -> Option<(&'a Expr, Vec<String>)> {
        let Expr::Call(call) = &decorator.expression else {
            return None;
        };
        let Expr::Attribute(attribute) = call.func.as_ref() else {
            return None;
        };
        if attribute.attr.as_str() != "resource" {
            return None;
        }
        let Expr::Name(name) = attribute.value.as_ref() else {
            return None;
        };
        let Some(Expr::Call(constructor)) = self.model.assigned_value(name.id.as_str(), &self.at())
        else {
            return None;
        };
        let callee = self.model.qualified_name(&constructor.func, &self.at());
        if !self.constructs_api(constructor, callee.as_deref()) {
            return None;
        }
        let rules: Vec<String> = call
            .arguments
            .args
            .iter()
            .filter_map(|rule| self.string(rule))
            .collect();
        (!rules.is_empty()).then_some((&attribute.value, rules))
    }

    /// Whether `call` makes a flask-restful / flask-restx API object: `Api(...)`, or a project
    /// subclass of it (`class ApiController(Api): pass` then `ApiController(prefix="/api/0")`,
    /// freight). Only callees named for an API are looked up as classes: every module-level
    /// call assignment is asked.
    /// `callee` is what `call.func` resolves to at module level (asked once by the caller,
    /// which needs it too).
    fn constructs_api(&self, call: &ast::ExprCall, callee: Option<&str>) -> bool {
        let is_api_name = |q: &str| {
            matches!(
                q,
                "flask_restful.Api" | "flask_restx.Api" | "flask_restplus.Api"
            )
        };
        if callee.is_some_and(is_api_name) {
            return true;
        }
        let written = match (callee, call.func.as_ref()) {
            (Some(qualified), _) => qualified,
            (None, Expr::Name(name)) => name.id.as_str(),
            (None, _) => return false,
        };
        let last = written.rsplit('.').next().unwrap_or(written);
        if !(last.contains("Api") || last.contains("API")) {
            return false;
        }
        self.find_class_in_module(&call.func, self.module)
            .and_then(|(module, class)| class.arguments.as_ref().map(|a| (module, a)))
            .is_some_and(|(module, arguments)| {
                arguments.args.iter().any(|base| {
                    self.model
                        .qualified_name(base, &self.at_in(module))
                        .is_some_and(|q| is_api_name(&q))
                })
            })
    }

    /// `Blueprint("x", __name__, url_prefix="/api")` assigned to a name.
    fn note_blueprint(&mut self, target: &Expr, value: &Expr) {
        let Expr::Call(call) = value else { return };
        let callee = self.model.qualified_name(&call.func, &self.at());
        // flask-restful / flask-restx `Api(app_or_blueprint, prefix="/api")`: its resources
        // serve under the prefix, within whatever the app or blueprint adds.
        if self.constructs_api(call, callee.as_deref()) {
            let Some(name) = self.qualified(target) else {
                return;
            };
            if let Some(prefix) = call
                .arguments
                .find_keyword("prefix")
                .and_then(|k| self.string(&k.value))
            {
                self.prefixes.push((name.clone(), prefix));
            }
            if let Some(parent) = call.arguments.args.first().and_then(|p| self.qualified(p)) {
                self.registrations.push(Registration {
                    receiver: parent,
                    blueprint: name,
                    prefix: None,
                    module: self.module,
                    site: call.range(),
                });
            }
            return;
        }
        let is_blueprint = callee.as_deref().is_some_and(|q| {
            q.ends_with("Blueprint") || q.ends_with("Namespace") || q.ends_with("APIBlueprint")
        });
        // `api.namespace("users")` is flask-restx's other spelling of `Namespace("users")`.
        let namespace = matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "namespace")
            || callee.as_deref().is_some_and(|q| q.ends_with("Namespace"));
        if !is_blueprint && !namespace {
            return;
        }
        if is_blueprint
            && !namespace
            && let (Some(name), Some(object)) = (
                call.arguments.args.first().and_then(|n| self.string(n)),
                self.qualified(target),
            )
        {
            self.blueprint_names.push((object, name));
        }
        let prefix = call
            .arguments
            .keywords
            .iter()
            .find(|k| {
                k.arg
                    .as_ref()
                    .is_some_and(|a| matches!(a.as_str(), "url_prefix" | "path"))
            })
            .and_then(|k| self.string(&k.value))
            .or_else(|| {
                call.arguments
                    .args
                    .get(1)
                    .and_then(|p| self.string(p))
                    .filter(|p| p.starts_with('/'))
            })
            // A namespace serves under `/<name>` unless given a path.
            .or_else(|| {
                namespace
                    .then(|| call.arguments.args.first().and_then(|n| self.string(n)))
                    .flatten()
                    .map(|name| format!("/{name}"))
            });
        if let (Some(prefix), Some(name)) = (prefix, self.qualified(target)) {
            self.prefixes.push((name, prefix));
        }
    }
}

impl<'a> Visitor<'a> for RouteCollector<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                for decorator in &def.decorator_list {
                    if let Some((registrar, rule, methods)) =
                        self.route_decorator(&decorator.expression)
                    {
                        if self.class.is_none() {
                            self.add_function_route(
                                (self.module, def),
                                registrar,
                                rule,
                                methods,
                                decorator.range(),
                            );
                        }
                    } else if let Expr::Attribute(attribute) = &decorator.expression
                        && matches!(
                            attribute.attr.as_str(),
                            "before_request" | "before_app_request"
                        )
                    {
                        let target = self.qualified(&attribute.value).unwrap_or_default();
                        let on_app = self.is_app(&attribute.value)
                            || attribute.attr.as_str() == "before_app_request";
                        self.hooks.push(Hook {
                            target,
                            on_app,
                            def,
                            module: self.module,
                            registered_in: self.module,
                        });
                    } else if let Expr::Call(call) = &decorator.expression
                        && self.class.is_none()
                    {
                        self.follow_route_decorator(call, def, decorator.range());
                    }
                }
                // A method's body is no class body: routes it declares on a blueprint it builds
                // (eNMS's `Server(Flask).configure_routes`) are function routes.
                let saved = self.class.take();
                visitor::walk_stmt(self, stmt);
                self.class = saved;
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    if let Some((registrar, rule, _)) = self.route_decorator(&decorator.expression)
                    {
                        self.add_class_routes(
                            (self.module, class),
                            registrar,
                            rule,
                            Vec::new(),
                            decorator.range(),
                        );
                    } else if let Some((api, rules)) = self.api_resource_decorator(decorator) {
                        let registrar = self.qualified(api).unwrap_or_default();
                        let api_decorators = self.api_decorators(api);
                        for rule in rules {
                            self.add_class_routes(
                                (self.module, class),
                                registrar.clone(),
                                rule,
                                api_decorators.clone(),
                                decorator.range(),
                            );
                        }
                    }
                }
                let saved = self.class.replace(class);
                visitor::walk_stmt(self, stmt);
                self.class = saved;
            }
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    self.note_blueprint(target, &assign.value);
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::For(for_stmt) => {
                if !self.follow_route_table(for_stmt) {
                    visitor::walk_stmt(self, stmt);
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.follow_route_comprehension(expr) {
            return;
        }
        if let Expr::Call(call) = expr {
            self.handle_call(call);
            if matches!(call.func.as_ref(), Expr::Name(_) | Expr::Attribute(_)) {
                self.follow_helper(call);
            }
        }
        visitor::walk_expr(self, expr);
    }
}

/// The method `name` of the module-level class whose body holds `inside` (what `self.name`
/// means there).
fn method_of_enclosing_class<'a>(
    model: &ProjectModel<'a>,
    functions: &HashMap<(usize, String), &'a ast::StmtFunctionDef>,
    module: usize,
    inside: TextRange,
    name: &str,
) -> Option<(usize, &'a ast::StmtFunctionDef)> {
    let class = enclosing_class(model, module, inside)?;
    functions
        .get(&(module, format!("{}.{name}", class.name)))
        .map(|method| (module, *method))
}

/// How a function authenticates, as `AuthContext::how_it_authenticates` found it; shown in
/// messages and `flasklint routes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HowItAuthenticates {
    VerifiesToken,
    DecodesUnverified,
    RefusesWithoutLogin,
    /// Through the named project helper, which asks about the logged-in user.
    RefusesThroughLoginHelper(String),
    LoopbackOnly,
    AnswersUnauthorized,
    LoginGuard,
    ReadsAuthorizationHeader,
}

impl HowItAuthenticates {
    /// Whether the check is about a caller (a token's subject, a logged-in user) rather than
    /// about a credential any holder may send.
    pub fn names_a_caller(&self) -> bool {
        matches!(
            self,
            HowItAuthenticates::VerifiesToken
                | HowItAuthenticates::DecodesUnverified
                | HowItAuthenticates::RefusesWithoutLogin
                | HowItAuthenticates::RefusesThroughLoginHelper(_)
        )
    }
}

impl std::fmt::Display for HowItAuthenticates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HowItAuthenticates::VerifiesToken => f.write_str("verifies a token"),
            HowItAuthenticates::DecodesUnverified => {
                f.write_str("decodes a token without verifying its signature")
            }
            HowItAuthenticates::RefusesWithoutLogin => {
                f.write_str("refuses requests without a logged-in user")
            }
            HowItAuthenticates::RefusesThroughLoginHelper(helper) => write!(
                f,
                "refuses (through `{helper}`, which asks about the logged-in user)"
            ),
            HowItAuthenticates::LoopbackOnly => {
                f.write_str("refuses callers that are not on this machine (loopback only)")
            }
            HowItAuthenticates::AnswersUnauthorized => {
                f.write_str("answers 401 or 403 unless its credential check passes")
            }
            HowItAuthenticates::LoginGuard => {
                f.write_str("runs the view only when its login guard answers nothing")
            }
            HowItAuthenticates::ReadsAuthorizationHeader => {
                f.write_str("reads the `Authorization` header")
            }
        }
    }
}

/// The module-level class of `module` whose body holds `inside`.
fn enclosing_class<'a>(
    model: &ProjectModel<'a>,
    module: usize,
    inside: TextRange,
) -> Option<&'a ast::StmtClassDef> {
    model.modules[module]
        .file
        .module()
        .body
        .iter()
        .find_map(|stmt| match stmt {
            Stmt::ClassDef(class) if class.range().contains_range(inside) => Some(class),
            _ => None,
        })
}

fn find_function_in<'a>(body: &'a [Stmt], name: &str) -> Option<&'a ast::StmtFunctionDef> {
    let mut found = None;
    for_each_def(body, &mut |def| {
        if found.is_none() && def.name.as_str() == name {
            found = Some(def);
        }
    });
    found
}

/// The hooks a method of `class` registers on one of its parameters: `app.before_request(
/// self.check)` in its body, or in a method it calls through `self.` with that parameter
/// (it-s_dec's `TenantMiddleware.__init__` calls `self.init_app(app)`, which registers the hook).
/// Each as the parameter's position after `self` and the hook method's name.
fn hooks_registered_by<'a>(
    class: &'a ast::StmtClassDef,
    method: &'a ast::StmtFunctionDef,
    depth: usize,
) -> Vec<(usize, &'a str)> {
    let position_of =
        |name: &str| parameters_after_self(method).position(|p| p.parameter.name.as_str() == name);
    let mut registered = Vec::new();
    visit_stmts(&method.body, &mut |stmt| {
        let Stmt::Expr(expression) = stmt else { return };
        let Expr::Call(inner) = expression.value.as_ref() else {
            return;
        };
        let Expr::Attribute(attribute) = inner.func.as_ref() else {
            return;
        };
        let Expr::Name(receiver) = attribute.value.as_ref() else {
            return;
        };
        if matches!(
            attribute.attr.as_str(),
            "before_request" | "before_app_request"
        ) {
            if let Some(Expr::Attribute(hook)) = inner.arguments.args.first()
                && matches!(hook.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self")
                && let Some(position) = position_of(receiver.id.as_str())
            {
                registered.push((position, hook.attr.as_str()));
            }
            return;
        }
        if receiver.id.as_str() != "self" || depth >= 2 {
            return;
        }
        let Some(callee) = find_function_in(&class.body, attribute.attr.as_str()) else {
            return;
        };
        if std::ptr::eq(callee, method) {
            return;
        }
        for (position, hook) in hooks_registered_by(class, callee, depth + 1) {
            if let Some(Expr::Name(passed)) =
                argument_for_parameter(&inner.arguments, callee, position)
                && let Some(own) = position_of(passed.id.as_str())
            {
                registered.push((own, hook));
            }
        }
    });
    registered
}

/// The argument a call of `method` hands its parameter at `position` after `self`: by
/// keyword, else by position.
fn argument_for_parameter<'e>(
    arguments: &'e ast::Arguments,
    method: &ast::StmtFunctionDef,
    position: usize,
) -> Option<&'e Expr> {
    let name = parameters_after_self(method)
        .nth(position)
        .map(|p| p.parameter.name.as_str());
    arguments
        .keywords
        .iter()
        .find(|k| k.arg.as_ref().is_some_and(|a| Some(a.as_str()) == name))
        .map(|k| &k.value)
        .or_else(|| arguments.args.get(position))
}

/// A method's parameters after `self`, positional ones first.
fn parameters_after_self(
    method: &ast::StmtFunctionDef,
) -> impl Iterator<Item = &ast::ParameterWithDefault> {
    method
        .parameters
        .posonlyargs
        .iter()
        .chain(&method.parameters.args)
        .skip(1)
}

/// Every function definition in `body`, nested ones included (app factories define routes and
/// hooks inside `create_app`).
pub fn for_each_def<'a>(body: &'a [Stmt], visit: &mut impl FnMut(&'a ast::StmtFunctionDef)) {
    struct Defs<'f, F> {
        visit: &'f mut F,
    }
    impl<'a, F: FnMut(&'a ast::StmtFunctionDef)> Visitor<'a> for Defs<'_, F> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if let Stmt::FunctionDef(def) = stmt {
                (self.visit)(def);
            }
            visitor::walk_stmt(self, stmt);
        }
        fn visit_expr(&mut self, _: &'a Expr) {}
    }
    let mut defs = Defs { visit };
    defs.visit_body(body);
}

/// Decides authentication and role checks, looking into project functions transitively.
pub struct AuthContext<'c, 'a> {
    pub model: &'c ProjectModel<'a>,
    pub files: &'c [FileModel<'a>],
    functions: &'c HashMap<(usize, String), &'a ast::StmtFunctionDef>,
    authenticating: &'c AuthenticatingMemo,
    unverified_memo: &'c UnverifiedMemo,
    administrators_memo: &'c UnverifiedMemo,
    permission_gates_memo: &'c UnverifiedMemo,
}

const MAX_CALL_DEPTH: usize = 4;

impl<'c, 'a> AuthContext<'c, 'a> {
    fn at(&self, module: usize) -> At<'_, 'a> {
        At::top(module)
    }

    /// Whether running `def` (a decorator, hook, helper or handler) decodes or verifies a token,
    /// directly or through project functions it calls. A function that mints a token (a login
    /// handler calling `jwt.encode` / `create_access_token`) counts only when it also checks a
    /// token its caller sent (a refresh): reading the `Authorization` header for a password or
    /// decoding an identity provider's answer does not authenticate the caller with a token.
    pub fn authenticates(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        depth: usize,
    ) -> bool {
        let key = (module, def.start());
        if depth == 0
            && let Some(known) = self
                .authenticating
                .lock()
                .ok()
                .and_then(|m| m.get(&key).copied())
        {
            return known;
        }
        // Minting is judged once, on what would otherwise authenticate: most functions do not,
        // and following every callee twice would double the cost of the route model.
        let authenticates = self.authenticates_seen(module, def, depth, &mut HashSet::default())
            && (!self.mints(module, def, depth, &mut HashSet::default())
                || self.checks_a_received_token(module, def, depth));
        if depth == 0
            && let Ok(mut memo) = self.authenticating.lock()
        {
            memo.insert(key, authenticates);
        }
        authenticates
    }

    fn authenticates_seen(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        depth: usize,
        seen: &mut HashSet<TextRange>,
    ) -> bool {
        if depth > MAX_CALL_DEPTH || !seen.insert(def.range()) {
            return false;
        }
        let decodes = self.decodes(module, def).next().is_some();
        // Reading the `Authorization` header is an authentication attempt even when the check
        // happens in code flasklint cannot follow (a class from another package).
        if decodes
            || reads_authorization_header(&def.body)
            || refuses_without_login(&def.body)
            || refuses_through_eve_auth(&def.body)
            || wrapper_answers_unauthorized(def)
            || answers_401_on_a_credential(&def.body)
            || self.refuses_unless_caller_permitted(module, def).is_some()
            || self.refuses_on_credential_verdict(module, def)
            || returns_login_guard_or_view(def)
        {
            return true;
        }
        let mut callees = Vec::new();
        // `verify_jwt_in_request(optional=True)` lets callers without a token through.
        any_expr(&def.body, &mut |e| {
            if let Expr::Call(call) = e
                && !allows_anonymous(e)
            {
                callees.push(call.func.as_ref());
            }
            false
        });
        callees.extend(inner_decorators(def));
        callees.into_iter().any(|callee| {
            self.callee_reaches(module, def, callee, &is_known_verifier, &mut |m, target| {
                self.authenticates_seen(m, target, depth + 1, seen)
            })
        })
    }

    /// Whether `callee`, called in `def`, is a library function `known` accepts or a project
    /// function for which `follow` holds: a method of the same class (`self._apply_secure(f)`)
    /// or a function found by its qualified name.
    fn callee_reaches(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        callee: &Expr,
        known: &dyn Fn(&str) -> bool,
        follow: &mut dyn FnMut(usize, &'a ast::StmtFunctionDef) -> bool,
    ) -> bool {
        if let Some((target_module, target)) = self.sibling_method(module, def, callee)
            && follow(target_module, target)
        {
            return true;
        }
        let Some(qualified) = self.qualified_within(module, def, callee) else {
            return false;
        };
        known(&qualified)
            || self
                .function_for(module, &qualified)
                .is_some_and(|(target_module, target)| follow(target_module, target))
    }

    /// The authentication a project Blueprint subclass's own `route` adds to the views it
    /// registers: the route decorator is `registrar.route(...)` on an instance of a project
    /// class whose `route` method authenticates (through the wrappers it applies with `self.`).
    /// A keyword of the decorator naming a login or authentication and set to `False`
    /// (`login_required=False`) switches it off for that route.
    fn route_method_authentication(&self, route: &Route<'a>) -> Option<Authentication> {
        let (call, module, method) = self.route_method(route)?;
        let switched_off = switched_off(call)
            .iter()
            .any(|name| name.contains("login") || name.contains("auth"));
        if switched_off || !self.authenticates(module, method, 0) {
            return None;
        }
        let file = self.model.modules[module].file;
        let line = file.position(method.range().start()).line;
        Some(Authentication {
            how: format!(
                "`{}` ({}:{line}: the blueprint's own `route` wraps the view; it {})",
                self.model.modules[route.module]
                    .file
                    .slice(call.func.range()),
                file.display_path(),
                self.how_it_authenticates(module, method)
            ),
            identity: self.decorator_identity(module, method, route),
            unverified: self.unverified_only(module, method),
            administrators_only: self.keeps_an_administrator(module, method),
            shared_key: self.compares_with_one_key(module, method),
            record_token: None,
        })
    }

    /// The route decorator of `route` when it is `registrar.route(...)` on an instance of a
    /// project class that overrides `route` (minemeld's `MMBlueprint`), with that method.
    fn route_method(
        &self,
        route: &Route<'a>,
    ) -> Option<(&'a ast::ExprCall, usize, &'a ast::StmtFunctionDef)> {
        let decorator = route
            .handler
            .decorator_list
            .iter()
            .find(|d| d.range() == route.declared_at)?;
        let Expr::Call(call) = &decorator.expression else {
            return None;
        };
        let (module, method) = self.method_of_instance(route.module, &call.func)?;
        (method.name.as_str() == "route").then_some((call, module, method))
    }

    /// The role check a project Blueprint subclass's own `route` applies: a method it calls
    /// through `self.` answers 403 under a test (minemeld's `if read_write and not
    /// current_user.is_read_write(): return "Forbidden", 403`), unless the route decorator sets
    /// a keyword of a name the test reads to `False` (`read_write=False`).
    fn route_method_role_check(&self, route: &Route<'a>) -> Option<String> {
        let (call, module, method) = self.route_method(route)?;
        let off = switched_off(call);
        let mut found = false;
        any_expr(&method.body, &mut |e| {
            if let Expr::Call(inner) = e
                && let Some((_, helper)) = self.sibling_method(module, method, &inner.func)
            {
                visit_stmts(&helper.body, &mut |stmt| {
                    if let Stmt::If(branch) = stmt
                        && forbids(&branch.body)
                        && !mentions_name(&branch.test, &off)
                    {
                        found = true;
                    }
                });
            }
            found
        });
        found.then(|| {
            format!(
                "`{}` (its 403 in the blueprint's own `route`)",
                self.model.modules[route.module]
                    .file
                    .slice(call.func.range())
            )
        })
    }

    /// `if not test_signature(request): abort(403)` where the project function
    /// `test_signature` reads a credential from the request (newsroom's push webhook compares
    /// an HMAC of the body with `X-Superdesk-Signature`): the refusal rests on the helper's
    /// verdict about the request's credential.
    fn refuses_on_credential_verdict(&self, module: usize, def: &'a ast::StmtFunctionDef) -> bool {
        let checks_a_credential = |call: &ast::ExprCall| {
            self.qualified(module, &call.func)
                .and_then(|qualified| self.function_for(module, &qualified))
                .is_some_and(|(_, helper)| {
                    any_expr(&helper.body, &mut |inner| reads_request_credential(inner))
                })
        };
        // `is_authenticated, api_key = authenticate_api_key()` then `if not is_authenticated:`
        // (wizarr's status endpoint): the verdict kept in a local first. Collected at the first
        // refusing `if`: most functions have none.
        let collect_verdicts = || {
            local_bindings(&def.body)
                .into_iter()
                .filter_map(|(name, value)| match value {
                    Expr::Call(call) => Some((name, call)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        let mut verdicts: Option<Vec<(&str, &ast::ExprCall)>> = None;
        let mut found = false;
        visit_stmts(&def.body, &mut |stmt| {
            let Stmt::If(branch) = stmt else { return };
            if found || !branch_refuses_within(&branch.body, &def.body) {
                return;
            }
            expr_contains(&branch.test, &mut |e| {
                found =
                    match e {
                        Expr::Call(call) => checks_a_credential(call),
                        Expr::Name(name) => verdicts
                            .get_or_insert_with(collect_verdicts)
                            .iter()
                            .any(|(local, call)| {
                                *local == name.id.as_str() && checks_a_credential(call)
                            }),
                        _ => false,
                    };
                found
            });
        });
        found
    }

    /// The permission check the project function `call` calls makes before it acts, as
    /// written: among its statements before the first write (`commit`, `add`, `append`,
    /// `save`, `insert`, `execute`, `create`), an `if not can_modify_project(project_id,
    /// user_id): return False, "Not authorized"` (or `raise`), the predicate named for a
    /// permission (`can_`, `may_`, `has_`, `is_allowed`, `check_`, `authorize`, `permission`)
    /// and given one of the function's parameters. MPrazeres' `ProjectService.add_member`: the
    /// route hands the caller and the project to the service, which refuses callers who may
    /// not change the project.
    pub fn permission_checked_on_entry(
        &self,
        module: usize,
        call: &ast::ExprCall,
    ) -> Option<String> {
        let (_, def) = self
            .qualified(module, &call.func)
            .and_then(|qualified| self.function_for(module, &qualified))
            .or_else(|| self.method_of_instance(module, &call.func))?;
        let parameters: Vec<&str> = def
            .parameters
            .iter_non_variadic_params()
            .map(|p| p.parameter.name.as_str())
            .filter(|name| *name != "self")
            .collect();
        let writes = |stmt: &Stmt| {
            any_expr(std::slice::from_ref(stmt), &mut |e| {
                matches!(e, Expr::Call(c) if matches!(super::records::callee_last(&c.func),
                    Some("commit" | "add" | "append" | "save" | "insert" | "execute" | "create" | "add_all")))
            })
        };
        let names_permission = |name: &str| {
            let lower = name.to_ascii_lowercase();
            ["can_", "may_", "has_", "check_"]
                .iter()
                .any(|prefix| lower.starts_with(prefix))
                || lower.contains("allowed")
                || lower.contains("authori")
                || lower.contains("permi")
        };
        for stmt in &def.body {
            if writes(stmt) {
                return None;
            }
            let Stmt::If(branch) = stmt else { continue };
            let asked = match branch.test.as_ref() {
                Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => op.operand.as_ref(),
                _ => continue,
            };
            let Expr::Call(predicate) = asked else {
                continue;
            };
            let Some(name) = super::records::callee_last(&predicate.func) else {
                continue;
            };
            let given_parameter = predicate
                .arguments
                .args
                .iter()
                .chain(predicate.arguments.keywords.iter().map(|k| &k.value))
                .any(|a| matches!(a, Expr::Name(n) if parameters.contains(&n.id.as_str())));
            let refuses = branch
                .body
                .iter()
                .any(|s| matches!(s, Stmt::Return(_) | Stmt::Raise(_)));
            if names_permission(name) && given_parameter && refuses {
                return Some(format!("`{name}(...)` in `{}`", def.name));
            }
        }
        None
    }

    /// `api.secure` where `api = UDataApi(app)` and `UDataApi` is a project class: its method
    /// `secure` (udata's `@api.secure` on its resources, with `api` imported from the module
    /// that builds it).
    fn method_of_instance(
        &self,
        module: usize,
        callee: &Expr,
    ) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        let Expr::Attribute(attribute) = callee else {
            return None;
        };
        let Expr::Name(object) = attribute.value.as_ref() else {
            return None;
        };
        let at = self.at(module);
        let (bindings, _) = self.model.lookup(&at, object.id.as_str())?;
        // Where the object is built: here, or in the module it is imported from.
        let (built_in, construction) = match bindings {
            [super::scope::Binding::Assign(value)] => (module, *value),
            [super::scope::Binding::Import(qualified)] => {
                let canonical = self.model.canonical(qualified);
                let (source, name) = self.model.split_module(&canonical)?;
                (source, self.model.assigned_value(name, &self.at(source))?)
            }
            _ => return None,
        };
        let Expr::Call(construction) = construction else {
            return None;
        };
        let class = self
            .model
            .qualified_name(&construction.func, &self.at(built_in));
        match (class, construction.func.as_ref()) {
            (Some(class), _) => self.function_for(built_in, &format!("{class}.{}", attribute.attr)),
            (None, Expr::Name(class)) => self
                .functions
                .get(&(built_in, format!("{}.{}", class.id, attribute.attr)))
                .map(|method| (built_in, *method)),
            (None, _) => None,
        }
    }

    /// For `self.name` called in `def`, a method of a module-level class: the method `name` of
    /// the same class.
    fn sibling_method(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        callee: &Expr,
    ) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        let Expr::Attribute(attribute) = callee else {
            return None;
        };
        if !matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self") {
            return None;
        }
        method_of_enclosing_class(
            self.model,
            self.functions,
            module,
            def.range(),
            attribute.attr.as_str(),
        )
    }

    /// Whether running `def` can refuse a request: it aborts, raises, answers 401/403 or a
    /// redirect, or calls something that checks a credential (a verifier, a decode, a project
    /// function that authenticates). A hook that only reads the `Authorization` header to log
    /// or store it cannot.
    pub fn can_refuse(&self, module: usize, def: &'a ast::StmtFunctionDef) -> bool {
        let refuses_here = |module: usize, def: &'a ast::StmtFunctionDef| {
            let mut raises = false;
            visit_stmts(&def.body, &mut |stmt| {
                raises |= matches!(stmt, Stmt::Raise(_))
            });
            raises
                || branch_refuses(&def.body)
                || self.decodes(module, def).next().is_some()
                || any_expr(&def.body, &mut |e| {
                    matches!(e, Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "abort")
                        || matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "unauthorized"))
                })
        };
        self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &refuses_here,
            &|qualified| is_known_verifier(qualified),
        )
    }

    /// Whether a hook may look at the request or the caller: it reads `request`, `session`,
    /// `g`, `current_user` or anything of Flask-Login, itself or in a project function it calls.
    pub fn may_concern_caller(&self, module: usize, def: &'a ast::StmtFunctionDef) -> bool {
        let mentions_caller = |_: usize, def: &'a ast::StmtFunctionDef| {
            any_expr(&def.body, &mut |e| match e {
                Expr::Name(name) => matches!(
                    name.id.as_str(),
                    "request" | "session" | "g" | "current_user" | "current_identity" | "abort"
                ),
                Expr::Attribute(attribute) => {
                    matches!(attribute.attr.as_str(), "headers" | "cookies")
                }
                _ => false,
            })
        };
        self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &mentions_caller,
            &|qualified| {
                [
                    "flask_login",
                    "flask_jwt_extended",
                    "flask.request",
                    "flask.session",
                    "flask.g",
                ]
                .iter()
                .any(|library| qualified.starts_with(library))
            },
        )
    }

    /// The configured credential a flask-httpauth object admits, when it admits one account:
    /// its `@auth.get_password` callback returns a configured password
    /// (`current_app.config["SECURITY_USER_PASSWORD"]`, ONS ras-rm-auth-service's service
    /// account), or its `@auth.verify_password` / `@auth.verify_token` compares with one
    /// configured key.
    fn httpauth_shared_key(&self, qualified: &str) -> Option<String> {
        let (module, name) = self.model.split_module(qualified)?;
        if !self.is_httpauth_object(qualified) {
            return None;
        }
        self.model.modules[module]
            .file
            .module()
            .body
            .iter()
            .find_map(|stmt| {
                let Stmt::FunctionDef(def) = stmt else {
                    return None;
                };
                def.decorator_list.iter().find_map(|decorator| {
                    let Expr::Attribute(callback) = &decorator.expression else {
                        return None;
                    };
                    if !matches!(callback.value.as_ref(), Expr::Name(n) if n.id.as_str() == name) {
                        return None;
                    }
                    match callback.attr.as_str() {
                        "get_password" => {
                            let locals = local_assignments(&def.body);
                            let mut key = None;
                            any_returned(&def.body, &mut |value| {
                                // `config_password = current_app.config[...]` first.
                                let value = match value {
                                    Expr::Name(n) => locals
                                        .iter()
                                        .find(|(local, _)| *local == n.id.as_str())
                                        .map_or(value, |(_, assigned)| *assigned),
                                    other => other,
                                };
                                key = configured_key_name(value);
                                key.is_some()
                            });
                            key
                        }
                        "verify_password" | "verify_token" => {
                            self.compares_with_one_key(module, def)
                        }
                        _ => None,
                    }
                })
            })
    }

    /// The flask-httpauth object a `@auth.login_required` decorator (or call) names.
    fn httpauth_guard(&self, module: usize, decorator: &Expr) -> Option<String> {
        let callee = decorator_callee(decorator);
        let qualified = self.qualified(module, callee)?;
        let object = qualified.strip_suffix(".login_required")?;
        self.is_httpauth_object(object).then(|| object.to_string())
    }

    /// Whether a project object is a flask-httpauth `HTTPTokenAuth()` / `HTTPBasicAuth()`
    /// (`auth` built in `managers/auth_manager.py`, imported where the routes are).
    fn is_httpauth_object(&self, qualified: &str) -> bool {
        self.constructor_of(qualified)
            .is_some_and(|constructor| constructor.starts_with("flask_httpauth."))
    }

    /// What a project module constructs the object `qualified` with: `pkg.auth`, where the
    /// package says `auth = HTTPTokenAuth()`, is `flask_httpauth.HTTPTokenAuth`.
    fn constructor_of(&self, qualified: &str) -> Option<String> {
        let (module, name) = self.model.split_module(qualified)?;
        let at = self.at(module);
        match self.model.assigned_value(name, &at)? {
            Expr::Call(call) => self.model.qualified_name(&call.func, &at),
            _ => None,
        }
    }

    /// Whether `expr` is a call that checks a credential: a known verifier, a JWT decode, or a
    /// project function that authenticates.
    pub fn checks_credential(&self, module: usize, expr: &Expr) -> bool {
        let Expr::Call(call) = expr else {
            return false;
        };
        if self.files[module]
            .jwt_calls
            .iter()
            .any(|c| c.operation == Operation::Decode && c.call.range() == call.range())
        {
            return true;
        }
        let Some(qualified) = self.qualified(module, &call.func) else {
            return false;
        };
        (is_known_verifier(&qualified) && !allows_anonymous(expr))
            || self
                .function_for(module, &qualified)
                .is_some_and(|(target, def)| self.authenticates(target, def, 0))
    }

    /// The JWT decode calls written in `def` itself.
    fn decodes(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
    ) -> impl Iterator<Item = &'c super::jwt::JwtCall<'a>> + '_ {
        self.files[module].jwt_calls.iter().filter(move |c| {
            c.operation == Operation::Decode && def.range().contains_range(c.call.range())
        })
    }

    /// Whether `def` mints a token: a JWT library encode, Flask-JWT-Extended's
    /// `create_access_token` / `create_refresh_token`, an itsdangerous `dumps`, directly or
    /// through project functions.
    fn mints(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        depth: usize,
        seen: &mut HashSet<TextRange>,
    ) -> bool {
        self.reaches(
            module,
            def,
            depth,
            seen,
            &|module, def| {
                self.files[module].jwt_calls.iter().any(|c| {
                    c.operation == Operation::Encode && def.range().contains_range(c.call.range())
                })
            },
            &|qualified| {
                KNOWN_MINTERS.iter().any(|m| qualified.starts_with(m))
                    || (qualified.starts_with("itsdangerous.") && qualified.ends_with(".dumps"))
            },
        )
    }

    /// Whether the handler itself starts a login session or mints a token (not followed into
    /// the functions it calls): most handlers mention neither, and are decided on their text.
    fn logs_the_caller_in(&self, route: &Route<'a>) -> bool {
        if starts_a_login_session(&route.handler.body) {
            return true;
        }
        let text = self.model.modules[route.module]
            .file
            .slice(route.handler.range());
        crate::model::context::contains_any_ignoring_case(text, &["token", "encode", "dumps"])
            && self.mints(
                route.module,
                route.handler,
                MAX_CALL_DEPTH,
                &mut HashSet::default(),
            )
    }

    /// Whether `def`, or a project function it calls (followed `MAX_CALL_DEPTH` deep, each
    /// function once), does what `here` looks for, or calls a library function `known`
    /// recognises by its qualified name.
    fn reaches(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        depth: usize,
        seen: &mut HashSet<TextRange>,
        here: &dyn Fn(usize, &'a ast::StmtFunctionDef) -> bool,
        known: &dyn Fn(&str) -> bool,
    ) -> bool {
        if depth > MAX_CALL_DEPTH || !seen.insert(def.range()) {
            return false;
        }
        if here(module, def) {
            return true;
        }
        let mut callees = Vec::new();
        collect_calls(&def.body, &mut callees);
        callees.extend(inner_decorators(def));
        callees.into_iter().any(|callee| {
            self.callee_reaches(module, def, callee, known, &mut |m, target| {
                self.reaches(m, target, depth + 1, seen, here, known)
            })
        })
    }

    /// Whether a function that mints also checks a token its caller sent: a decode of a value
    /// that comes from the request or from its parameters (a refresh token), a known verifier
    /// (`verify_jwt_in_request`), or a project helper that authenticates and is handed such a
    /// value or reads the request itself.
    fn checks_a_received_token(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        depth: usize,
    ) -> bool {
        let assignments = local_assignments(&def.body);
        if self.decodes(module, def).any(|call| {
            call.call
                .arguments
                .args
                .first()
                .is_some_and(|token| comes_from_caller(def, &assignments, token, 0))
        }) {
            return true;
        }
        let mut calls: Vec<&'a ast::ExprCall> = Vec::new();
        any_expr(&def.body, &mut |e| {
            if let Expr::Call(call) = e {
                calls.push(call);
            }
            false
        });
        calls.into_iter().any(|call| {
            let Some(qualified) = self.qualified(module, &call.func) else {
                return false;
            };
            if is_known_verifier(&qualified) {
                return true;
            }
            let Some((target_module, target)) = self.function_for(module, &qualified) else {
                return false;
            };
            let handed_received = crate::model::argument_values(call)
                .any(|argument| comes_from_caller(def, &assignments, argument, 0));
            (handed_received || reads_request(&target.body))
                && !self.mints(target_module, target, depth + 1, &mut HashSet::default())
                && self.authenticates(target_module, target, depth + 1)
        })
    }

    /// The project function whose refusal `def` obeys when it asks about the logged-in user:
    /// `if not utils_general.user_has_permission("edit_controllers"): return redirect(...)`
    /// (Mycodo), where the helper looks the caller up by `flask_login.current_user`. A caller
    /// nobody logged in never passes it (the helper finds no user, or fails on the anonymous
    /// one), so the branch refuses anonymous callers as well as unprivileged ones.
    fn refuses_unless_caller_permitted(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
    ) -> Option<String> {
        memoised(self.permission_gates_memo, (module, def.start()), || {
            self.find_permission_gate(module, def)
        })
    }

    fn find_permission_gate(&self, module: usize, def: &'a ast::StmtFunctionDef) -> Option<String> {
        let mut found = None;
        // `user = get_logged_in_user()` then `if not user: return redirect(...)` (kickinslowly's
        // substitute portal, whose helper returns `None` without `session["user_info"]`): the
        // local stands for the call it is assigned once.
        let assignments: std::cell::OnceCell<Vec<(&str, &Expr)>> = std::cell::OnceCell::new();
        let call_held_by = |name: &str| -> Option<&'a ast::ExprCall> {
            let assignments = assignments.get_or_init(|| local_assignments(&def.body));
            let mut values = assignments.iter().filter(|(local, _)| *local == name);
            match (values.next(), values.next()) {
                (Some((_, Expr::Call(call))), None) => Some(call),
                _ => None,
            }
        };
        visit_stmts(&def.body, &mut |stmt| {
            let Stmt::If(branch) = stmt else { return };
            if found.is_some() {
                return;
            }
            let clauses = if_clauses(branch);
            for (test, body) in clauses {
                let tested: Option<&Expr> = match test {
                    Some(Expr::UnaryOp(negation)) if negation.op == ast::UnaryOp::Not => {
                        Some(negation.operand.as_ref())
                    }
                    Some(Expr::Compare(compare))
                        if matches!(compare.ops.as_ref(), [ast::CmpOp::Is | ast::CmpOp::Eq])
                            && matches!(compare.comparators.as_ref(), [right] if right.is_none_literal_expr()) =>
                    {
                        Some(compare.left.as_ref())
                    }
                    _ => None,
                };
                let call = match tested {
                    Some(Expr::Call(call)) if matches!(test, Some(Expr::UnaryOp(_))) => call,
                    Some(Expr::Name(local)) => match call_held_by(local.id.as_str()) {
                        Some(call) => call,
                        None => continue,
                    },
                    _ => continue,
                };
                if !branch_refuses(body) {
                    continue;
                }
                // A helper imported inside the handler (kickinslowly's `edit_user` imports
                // `check_shared_schools_access` where it uses it) is found in its scope.
                let Some(qualified) = self.qualified_within(module, def, &call.func) else {
                    continue;
                };
                let Some((helper_module, helper)) = self.function_for(module, &qualified) else {
                    continue;
                };
                // petpal's `def admin_required(): return bool(session.get("admin_id"))`: the
                // session's login read by `get`.
                let names_caller = |e: &Expr| match e {
                    Expr::Name(name) => name.id.as_str() == "current_user",
                    Expr::Attribute(attribute) => attribute.attr.as_str() == "current_user",
                    other => login_state(other) || reads_session_login(other),
                };
                // `check_shared_schools_access(user_id)` loads the caller with
                // `get_logged_in_user()` first: one project function further.
                let loads_caller = || {
                    any_expr(&helper.body, &mut |e| {
                        let Expr::Call(inner_call) = e else {
                            return false;
                        };
                        self.qualified_within(helper_module, helper, &inner_call.func)
                            .and_then(|inner| self.function_for(helper_module, &inner))
                            .is_some_and(|(_, inner)| {
                                inner.range() != helper.range()
                                    && any_expr(&inner.body, &mut |e| names_caller(e))
                            })
                    })
                };
                // `def has_permission(permission, user=current_user)` (otterwiki) asks about
                // the caller through its default.
                let asks_about_caller = any_expr(&helper.body, &mut |e| names_caller(e))
                    || helper
                        .parameters
                        .iter_non_variadic_params()
                        .filter_map(|parameter| parameter.default.as_deref())
                        .any(|default| expr_contains(default, &mut |e| names_caller(e)))
                    || loads_caller();
                if asks_about_caller {
                    found = Some(
                        qualified
                            .rsplit('.')
                            .next()
                            .unwrap_or(&qualified)
                            .to_string(),
                    );
                    return;
                }
            }
        });
        found
    }

    /// The permission helper whose refusal `def` obeys, itself or in a project function it calls
    /// (otterwiki's views call page methods that test `has_permission("WRITE")`).
    fn permission_gate_reached(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
    ) -> Option<String> {
        let found = std::cell::RefCell::new(None);
        self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|module, def| {
                let gate = self.refuses_unless_caller_permitted(module, def);
                let reached = gate.is_some();
                if reached {
                    *found.borrow_mut() = gate;
                }
                reached
            },
            &|_| false,
        );
        found.into_inner()
    }

    /// How a function that authenticates does it: it (transitively) runs a verifying decode or
    /// a known verifier, decodes without verifying, refuses without a login, ..., else it reads
    /// the `Authorization` header.
    pub fn how_it_authenticates(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
    ) -> HowItAuthenticates {
        if self.verifies_token(module, def) {
            HowItAuthenticates::VerifiesToken
        } else if self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|module, def| self.decodes(module, def).next().is_some(),
            &|_| false,
        ) {
            HowItAuthenticates::DecodesUnverified
        } else if self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|_, def| refuses_without_login(&def.body),
            &|qualified| qualified.starts_with("flask_login"),
        ) {
            HowItAuthenticates::RefusesWithoutLogin
        } else if let Some(helper) = self.permission_gate_reached(module, def) {
            HowItAuthenticates::RefusesThroughLoginHelper(helper)
        } else if self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|_, def| {
                wrapper_answers_unauthorized(def)
                    && def.body.iter().any(|stmt| {
                        matches!(stmt, Stmt::FunctionDef(wrapper) if admits_only_loopback(&wrapper.body))
                    })
            },
            &|_| false,
        ) {
            HowItAuthenticates::LoopbackOnly
        } else if self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|module, def| {
                wrapper_answers_unauthorized(def)
                    || answers_401_on_a_credential(&def.body)
                    || self.refuses_on_credential_verdict(module, def)
            },
            &|_| false,
        ) {
            HowItAuthenticates::AnswersUnauthorized
        } else if self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|_, def| returns_login_guard_or_view(def),
            &|_| false,
        ) {
            HowItAuthenticates::LoginGuard
        } else {
            HowItAuthenticates::ReadsAuthorizationHeader
        }
    }

    /// Whether running `def` verifies a token's signature: a decode that does not turn
    /// verification off, or a known verifier (`verify_jwt_in_request`, `decode_token`), directly
    /// or through project functions.
    pub fn verifies_token(&self, module: usize, def: &'a ast::StmtFunctionDef) -> bool {
        self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|module, def| {
                let file = &self.files[module];
                self.decodes(module, def)
                    .any(|call| call.signature_disabled(self.model, file).is_none())
            },
            &|qualified| {
                KNOWN_VERIFIERS
                    .iter()
                    .filter(|v| !v.starts_with("flask_login") && !v.starts_with("flask_security"))
                    .any(|v| is_verifier(qualified, v))
            },
        )
    }

    /// What the callee of `call` (a call of `file`) refers to: its call fact's resolution in
    /// the call's own scope, else, for a bare name, a function of that name in the module.
    pub fn callee_of(&self, file: &FileModel<'_>, call: &ast::ExprCall) -> Option<String> {
        match file.calls.callee(call) {
            Some(resolved) => Some(resolved.to_string()),
            None => match call.func.as_ref() {
                Expr::Name(name) => Some(local_function_name(
                    self.model,
                    file.module,
                    name.id.as_str(),
                )),
                _ => None,
            },
        }
    }

    pub fn qualified(&self, module: usize, expr: &Expr) -> Option<String> {
        self.model
            .qualified_name(expr, &self.at(module))
            .or_else(|| self.module_function_name(module, expr))
    }

    /// The attribute of Flask-Login's `current_user` a handler reads in its first statement
    /// when an anonymous visitor's user lacks it (`AnonymousUserMixin` has `is_authenticated`,
    /// `is_active`, `is_anonymous` and `get_id` only): `user_id = current_user.id` raises
    /// `AttributeError` for a visitor who is not logged in, before the handler reads or writes
    /// anything. The caller rules out a project that installs its own anonymous user.
    pub fn first_read_anonymous_lacks(&self, module: usize, body: &'a [Stmt]) -> Option<&'a str> {
        self.first_read_lacked(module, body, &[], 2)
    }

    /// [`Self::first_read_anonymous_lacks`] of `body`, written in `module`, where the names in
    /// `unset` are parameters left at their `None` default. When the first statement that does
    /// something reads nothing of `current_user` but calls a project function with no
    /// arguments, that function's first statement is what the visitor meets next (`depth`
    /// calls deep): limbus's views start with `get_internal_api_header()`, whose
    /// `if tokenuser == None: email = current_user.email` runs for them.
    fn first_read_lacked(
        &self,
        module: usize,
        body: &'a [Stmt],
        unset: &[&str],
        depth: usize,
    ) -> Option<&'a str> {
        let first = first_effect(body, unset)?;
        // Only what the statement evaluates before anything else runs: not nested bodies.
        let evaluated: Vec<&'a Expr> = match first {
            Stmt::Assign(assign) => vec![assign.value.as_ref()],
            Stmt::AnnAssign(assign) => assign.value.as_deref().into_iter().collect(),
            Stmt::Expr(expression) => vec![expression.value.as_ref()],
            Stmt::Return(ret) => ret.value.as_deref().into_iter().collect(),
            Stmt::If(branch) => vec![branch.test.as_ref()],
            Stmt::For(each) => vec![each.iter.as_ref()],
            _ => Vec::new(),
        };
        let mut found = None;
        for expr in &evaluated {
            expr_contains(expr, &mut |e| {
                let Expr::Attribute(attribute) = e else {
                    return false;
                };
                let lacked = !matches!(
                    attribute.attr.as_str(),
                    "is_authenticated" | "is_active" | "is_anonymous" | "get_id"
                ) && !attribute.attr.as_str().starts_with("__");
                if lacked
                    && names_current_user(&attribute.value)
                    && self.qualified(module, &attribute.value).as_deref()
                        == Some("flask_login.current_user")
                {
                    found = Some(attribute.attr.as_str());
                    return true;
                }
                false
            });
            if found.is_some() {
                return found;
            }
        }
        if depth == 0 {
            return None;
        }
        for expr in evaluated {
            expr_contains(expr, &mut |e| {
                let Expr::Call(call) = e else { return false };
                if !call.arguments.is_empty() {
                    return false;
                }
                let Some((callee_module, callee)) = self
                    .qualified(module, &call.func)
                    .and_then(|qualified| self.function_for(module, &qualified))
                else {
                    return false;
                };
                let parameters: Vec<_> = callee.parameters.iter_non_variadic_params().collect();
                if parameters.iter().any(|p| p.default.is_none()) {
                    return false;
                }
                let unset: Vec<&str> = parameters
                    .iter()
                    .filter(|p| matches!(p.default.as_deref(), Some(Expr::NoneLiteral(_))))
                    .map(|p| p.parameter.name.as_str())
                    .collect();
                found = self.first_read_lacked(callee_module, &callee.body, &unset, depth - 1);
                found.is_some()
            });
            if found.is_some() {
                break;
            }
        }
        found
    }

    /// What `expr`, written in `def`'s body, names: as `qualified`, and else in `def`'s own
    /// scope, which may import it (rhokawi2's `validate_jwt_and_get_user` imports
    /// `verify_jwt_in_request` inside its body). Tried after the module's names, so a local
    /// import costs a lookup only where the module binds nothing of that name.
    fn qualified_within(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        expr: &Expr,
    ) -> Option<String> {
        self.qualified_here_or_in(module, expr, |file| file.scope_of_definition(def.range()))
    }

    /// What `expr` names at the module's top level, else in the scope `scope` picks in the
    /// module's file, else as a function of the module.
    fn qualified_here_or_in(
        &self,
        module: usize,
        expr: &Expr,
        scope: impl FnOnce(&FileModel<'a>) -> Option<usize>,
    ) -> Option<String> {
        self.model
            .qualified_name(expr, &self.at(module))
            .or_else(|| {
                let file = self.files.get(module)?;
                let scope = scope(file)?;
                self.model.qualified_name(expr, &file.at(Some(scope)))
            })
            .or_else(|| self.module_function_name(module, expr))
    }

    /// A name no import binds, as a function of the module or of the module a star import
    /// brings it from (`from maraschino.tools import *` then `@requires_auth`).
    fn module_function_name(&self, module: usize, expr: &Expr) -> Option<String> {
        let Expr::Name(name) = expr else {
            return None;
        };
        let id = name.id.as_str();
        let source = self.model.star_imported_from(module, id).unwrap_or(module);
        Some(local_function_name(self.model, source, id))
    }

    /// What a decorator written on a view names: as `qualified`, and else in the function
    /// around the view, which may import it (WorkZen's factory: `from flask_login import
    /// login_required` inside `create_app`, then `@login_required` on a view defined there).
    fn decorator_qualified(&self, module: usize, decorator: &Expr) -> Option<String> {
        self.qualified_here_or_in(module, decorator, |file| {
            file.scope_around(decorator.range())
        })
    }

    /// The attributes the view's project decorators set on it (`func.__anonymous_allowed =
    /// True`, `setattr(f, "public", True)`): a hook that reads them off
    /// `app.view_functions[request.endpoint]` lets those views through (temboard's
    /// `@anonymous_allowed`).
    pub fn view_marks(&self, module: usize, handler: &'a ast::StmtFunctionDef) -> Vec<&'a str> {
        self.view_attributes(module, handler, &is_true)
    }

    /// The attributes the view's project decorators set on it to a value `kept` accepts.
    fn view_attributes(
        &self,
        module: usize,
        handler: &'a ast::StmtFunctionDef,
        kept: &dyn Fn(&Expr) -> bool,
    ) -> Vec<&'a str> {
        let mut marks = Vec::new();
        for decorator in &handler.decorator_list {
            let Some((_, def)) = self
                .qualified(module, &decorator.expression)
                .and_then(|q| self.function_for(module, &q))
            else {
                continue;
            };
            let Some(parameter) = def.parameters.args.first() else {
                continue;
            };
            let parameter = parameter.parameter.name.as_str();
            let is_parameter = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == parameter);
            visit_scope_stmts(&def.body, &mut |stmt| match stmt {
                Stmt::Assign(assign) if kept(&assign.value) => {
                    for target in &assign.targets {
                        if let Expr::Attribute(attribute) = target
                            && is_parameter(&attribute.value)
                        {
                            marks.push(attribute.attr.as_str());
                        }
                    }
                }
                Stmt::Expr(expression) => {
                    if let Expr::Call(call) = expression.value.as_ref()
                        && matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "setattr")
                        && let [object, Expr::StringLiteral(name), value] =
                            call.arguments.args.as_ref()
                        && is_parameter(object)
                        && kept(value)
                    {
                        marks.push(name.value.to_str());
                    }
                }
                _ => {}
            });
        }
        marks
    }

    pub fn function_for(
        &self,
        module: usize,
        qualified: &str,
    ) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        // `api.secure` after `api = UDataApi(app)` is `pkg.UDataApi().secure`: the method
        // `secure` of the project class `UDataApi`.
        if let Some((class, method)) = qualified.rsplit_once("().")
            && !method.contains('.')
        {
            return resolve_function(
                self.model,
                self.functions,
                &crate::paths::dotted(class, method),
            );
        }
        resolve_function(self.model, self.functions, qualified).or_else(|| {
            let name = qualified.rsplit('.').next()?;
            let local = qualified
                .strip_suffix(name)
                .and_then(|rest| rest.strip_suffix('.'))
                == Some(self.model.modules[module].name.as_str());
            local
                .then(|| {
                    self.functions
                        .get(&(module, name.to_string()))
                        .map(|d| (module, *d))
                })
                .flatten()
        })
    }

    /// The project function a decorator written as `qualified` stands for: the function itself,
    /// or the factory a module-level name applies (`company_required =
    /// role_required(User.ROLE_STAFF)`, jobplus's `decorators.py`): `@company_required` is
    /// `@role_required(User.ROLE_STAFF)`, which a decorator's callee names as `role_required`.
    fn decorator_function_for(
        &self,
        module: usize,
        qualified: &str,
    ) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        self.function_for(module, qualified).or_else(|| {
            let (defined_in, call) = self.applied_factory_call(qualified)?;
            let factory = self.qualified(defined_in, &call.func)?;
            let found = self.function_for(defined_in, &factory)?;
            // Only a factory hands back a decorator; `x = some_decorator(f)` is a wrapped
            // function, not a decorator.
            returns_inner_function(found.1).then_some(found)
        })
    }

    /// The call a module-level name of a project module is bound to, once and only so
    /// (`company_required = role_required(User.ROLE_STAFF)`), with that module.
    fn applied_factory_call(&self, qualified: &str) -> Option<(usize, &'a ast::ExprCall)> {
        let (defined_in, name) = self.model.split_module(qualified)?;
        match self.model.modules[defined_in].scope.get(name) {
            Some([super::scope::Binding::Assign(Expr::Call(call))]) => Some((defined_in, call)),
            _ => None,
        }
    }

    /// Whether a decorator written on a view guards it: a known authentication decorator, a
    /// project decorator that authenticates, or one named for a role or permission check.
    pub fn guards_access(&self, module: usize, decorator: &Expr) -> bool {
        let callee = decorator_callee(decorator);
        let spelled = self.model.modules[module].file.slice(callee.range());
        let name = spelled.rsplit('.').next().unwrap_or(spelled);
        if is_role_word(name) || name == "login_required" {
            return true;
        }
        let Some(qualified) = self.qualified(module, callee) else {
            return false;
        };
        self.known_auth_decorator(&qualified).is_some()
            || self
                .decorator_function_for(module, &qualified)
                .is_some_and(|(target, def)| self.authenticates(target, def, 0))
    }

    /// Whether a decorator hands back what it decorates rather than a wrapper (`def
    /// secured(cls): cls.method_decorators = [...]; return cls`): applied to a class above its
    /// route decorator it still changes the class that was registered.
    pub fn returns_what_it_decorates(&self, module: usize, decorator: &Expr) -> bool {
        let callee = decorator_callee(decorator);
        let Some((_, def)) = self
            .qualified(module, callee)
            .and_then(|qualified| self.function_for(module, &qualified))
        else {
            return false;
        };
        let Some(parameter) = def.parameters.args.first() else {
            return false;
        };
        let parameter = parameter.parameter.name.as_str();
        let mut found = false;
        visit_scope_stmts(&def.body, &mut |stmt| {
            if let Stmt::Return(ast::StmtReturn {
                value: Some(value), ..
            }) = stmt
                && matches!(value.as_ref(), Expr::Name(n) if n.id.as_str() == parameter)
            {
                found = true;
            }
        });
        found
    }

    /// The known authentication decorator `qualified` names, and the identity it offers: by
    /// its name, or as a method of an extension object a project module constructs
    /// (`from . import lastuser` ... `@lastuser.requires_login`, where the package says
    /// `lastuser = Lastuser()`: `flask_lastuser.Lastuser().requires_login`).
    fn known_auth_decorator(
        &self,
        qualified: &str,
    ) -> Option<&'static (&'static str, &'static str)> {
        let known = |name: &str| {
            KNOWN_AUTH_DECORATORS
                .iter()
                .find(|(known, _)| name.starts_with(known))
        };
        if let Some(found) = known(qualified) {
            return Some(found);
        }
        let (object, method) = qualified.rsplit_once('.')?;
        let constructor = self.constructor_of(object)?;
        known(&format!("{constructor}().{method}"))
    }

    fn authentication(
        &self,
        route: &Route<'a>,
        hook: Option<(&'a ast::StmtFunctionDef, usize)>,
    ) -> Option<Authentication> {
        if let Some(found) =
            self.decorators_authentication(route, route.module, route.handler, &route.decorators)
        {
            return Some(found);
        }
        if let Some(found) = self.delegated_authentication(route) {
            return Some(found);
        }
        self.handler_authentication(route, hook)
    }

    /// The authentication the decorators written on `owner` (the route's handler, or the
    /// project function it hands the request to) give the route.
    fn decorators_authentication(
        &self,
        route: &Route<'a>,
        module: usize,
        owner: &'a ast::StmtFunctionDef,
        decorators: &[&'a Expr],
    ) -> Option<Authentication> {
        let written_in = module;
        for &decorator in decorators {
            // A decorator a base class in another module lists is written with that module's
            // names (only the route's own decorators are ever inherited).
            let module = if std::ptr::eq(owner, route.handler) {
                route.decorator_module(decorator)
            } else {
                written_in
            };
            let decorator_file = self.model.modules[module].file;
            let callee = decorator_callee(decorator);
            // `@auth_desired` (ruqqus: "any view that changes if user is logged in"),
            // `@login_optional`: the view runs for anonymous callers too.
            let spelled = decorator_file.slice(callee.range());
            let name = spelled.rsplit('.').next().unwrap_or(spelled);
            if crate::model::context::contains_any_ignoring_case(name, &["desired", "optional"])
                && crate::model::context::words(name)
                    .iter()
                    .any(|word| matches!(word.as_str(), "desired" | "optional"))
            {
                continue;
            }
            // A project function (or a method of a project object, `@api.secure`) that
            // authenticates.
            let by_project = |(module, def): (usize, &'a ast::StmtFunctionDef)| {
                let file = self.model.modules[module].file;
                let line = file.position(def.range().start()).line;
                if std::ptr::eq(owner, route.handler) && self.opted_out_by_mark(route, def) {
                    return None;
                }
                let (check_module, check, made_by) = if self.authenticates(module, def, 0) {
                    (module, def, String::new())
                } else {
                    let (factory_module, factory) = self.authenticating_factory(module, def)?;
                    let factory_file = self.model.modules[factory_module].file;
                    let made_by = format!(
                        ", made by `@{}` at {}:{}, which",
                        factory.name,
                        factory_file.display_path(),
                        factory_file.position(factory.range().start()).line
                    );
                    (factory_module, factory, made_by)
                };
                Some(Authentication {
                    how: format!(
                        "`@{}` ({}:{line}{made_by} {})",
                        decorator_file.slice(decorator.range()),
                        file.display_path(),
                        self.how_it_authenticates(check_module, check)
                    ),
                    identity: self.decorator_identity(check_module, check, route),
                    unverified: self.unverified_only(check_module, check),
                    administrators_only: self.keeps_an_administrator(check_module, check),
                    shared_key: self.compares_with_one_key(check_module, check),
                    record_token: None,
                })
            };
            // `@self.process_requests` on a view a method of a Flask subclass declares (eNMS):
            // a method of the same class.
            if let Some(found) = self
                .method_of_instance(module, callee)
                .or_else(|| self.sibling_method(module, owner, callee))
                .and_then(by_project)
            {
                return Some(found);
            }
            let Some(qualified) = self.decorator_qualified(module, callee) else {
                continue;
            };
            if let Some((_, identity)) = self
                .known_auth_decorator(&qualified)
                .filter(|_| !allows_anonymous(decorator))
            {
                return Some(Authentication {
                    how: format!("`@{}`", decorator_file.slice(decorator.range())),
                    identity: identity.to_string(),
                    unverified: None,
                    administrators_only: None,
                    shared_key: None,
                    record_token: None,
                });
            }
            // flask_httpauth: `auth = HTTPTokenAuth()` ... `@auth.login_required`
            if qualified.ends_with(".login_required")
                && (qualified.contains("flask_httpauth.")
                    || self.is_httpauth_object(qualified.trim_end_matches(".login_required")))
            {
                let auth = qualified
                    .trim_end_matches(".login_required")
                    .rsplit('.')
                    .next()
                    .unwrap_or("auth");
                let object = decorator_file.slice(callee.range());
                let object = object.trim_end_matches(".login_required");
                let _ = auth;
                // One configured account admitted: the caller is always that service.
                let shared_key =
                    self.httpauth_shared_key(qualified.trim_end_matches(".login_required"));
                return Some(Authentication {
                    how: format!("`@{}`", decorator_file.slice(decorator.range())),
                    identity: match shared_key {
                        Some(_) => String::new(),
                        None => format!("{object}.current_user()"),
                    },
                    unverified: None,
                    administrators_only: None,
                    shared_key,
                    record_token: None,
                });
            }
            if let Some(found) = self
                .decorator_function_for(module, &qualified)
                .and_then(by_project)
            {
                return Some(found);
            }
        }
        None
    }

    /// Whether the route's view opts out of the check `def` makes through a mark another of its
    /// decorators sets: cmdb's `@auth_abandoned` sets `func.authenticated = False`, which the
    /// wrapper of `auth_required` (inherited from `APIView.method_decorators`) reads with
    /// `getattr(func, "authenticated", True)` before calling the view unchecked.
    fn opted_out_by_mark(&self, route: &Route<'a>, def: &'a ast::StmtFunctionDef) -> bool {
        let marks = self.view_attributes(
            route.module,
            route.handler,
            &|value| matches!(value, Expr::BooleanLiteral(literal) if !literal.value),
        );
        !marks.is_empty()
            && any_expr(&def.body, &mut |e| {
                matches!(e, Expr::Call(call)
                    if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "getattr")
                        && matches!(call.arguments.args.get(1),
                            Some(Expr::StringLiteral(name)) if marks.contains(&name.value.to_str())))
            })
    }

    /// The project decorator `def` is defined under that makes it a check:
    /// `@permissions_wrapper def global_admin(args, kwargs)` (Mailu) binds `global_admin` to what
    /// `permissions_wrapper` returns, which wraps each view in `flask_login.login_required`.
    fn authenticating_factory(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
    ) -> Option<(usize, &'a ast::StmtFunctionDef)> {
        def.decorator_list.iter().find_map(|decorator| {
            let qualified =
                self.qualified_within(module, def, decorator_callee(&decorator.expression))?;
            let (factory_module, factory) = self.function_for(module, &qualified)?;
            (!std::ptr::eq(factory, def) && self.authenticates(factory_module, factory, 0))
                .then_some((factory_module, factory))
        })
    }

    /// A handler that only hands the request to a project function (`return
    /// FeedbackController.submit_feedback()`, hrms-flask) runs behind that function's own
    /// decorators: `@staticmethod @jwt_required() def submit_feedback()` authenticates the route.
    fn delegated_authentication(&self, route: &Route<'a>) -> Option<Authentication> {
        let (module, target, call) = self.delegate(route)?;
        let decorators: Vec<&'a Expr> = target
            .decorator_list
            .iter()
            .map(|d| &d.expression)
            .collect();
        let found = self.decorators_authentication(route, module, target, &decorators)?;
        let file = self.model.modules[module].file;
        Some(Authentication {
            how: format!(
                "`{}` hands the request to `{}` ({}:{}), which runs behind {}",
                route.handler.name,
                self.model.modules[route.module]
                    .file
                    .slice(call.func.range()),
                file.display_path(),
                file.position(target.range().start()).line,
                found.how
            ),
            ..found
        })
    }

    /// The project function a handler hands the whole request to (`delegated_call`), with
    /// the call.
    fn delegate(
        &self,
        route: &Route<'a>,
    ) -> Option<(usize, &'a ast::StmtFunctionDef, &'a ast::ExprCall)> {
        let call = delegated_call(&route.handler.body)?;
        let (module, target) = self
            .sibling_method(route.module, route.handler, &call.func)
            .or_else(|| {
                let qualified = self.qualified(route.module, &call.func)?;
                self.function_for(route.module, &qualified)
            })?;
        (!std::ptr::eq(target, route.handler)).then_some((module, target, call))
    }

    /// What the route's handler itself and the class around it check.
    fn handler_authentication(
        &self,
        route: &Route<'a>,
        hook: Option<(&'a ast::StmtFunctionDef, usize)>,
    ) -> Option<Authentication> {
        // `@BLUEPRINT.route("/config/node", methods=["POST"])` where `BLUEPRINT =
        // MMBlueprint(...)` and the project's Blueprint subclass overrides `route` to wrap the
        // view in its login check (minemeld), unless the route switches it off
        // (`login_required=False`).
        if let Some(found) = self.route_method_authentication(route) {
            return Some(found);
        }
        // `class ApiView(Resource): def dispatch_request(...): if not self.is_authorized():
        // return self.error(..., status_code=401)` then `super().dispatch_request(...)`: every
        // method of the class runs behind it.
        if let Some((module, dispatch)) = route.dispatch
            && dispatch_answers_unauthorized(dispatch)
        {
            let file = self.model.modules[module].file;
            return Some(Authentication {
                how: format!(
                    "`dispatch_request` ({}:{} answers 401 or 403 before any method of the class runs, unless its credential check passes)",
                    file.display_path(),
                    file.position(dispatch.range().start()).line
                ),
                identity: String::new(),
                unverified: None,
                administrators_only: self.keeps_an_administrator(module, dispatch),
                shared_key: None,
                record_token: None,
            });
        }
        // `if request.remote_addr in config.AllowedCLIIPs: ... else: return ..., 401`
        // (FreeTAKServer's CLI endpoints): machines on a list, no caller named.
        if let Some(list) = address_allow_list(&route.handler.body) {
            let file = self.model.modules[route.module].file;
            let list = file.slice(list.range());
            return Some(Authentication {
                how: format!(
                    "`{}` refuses callers whose address is not in `{list}` itself",
                    route.handler.name
                ),
                identity: String::new(),
                unverified: None,
                administrators_only: None,
                shared_key: Some(format!("{list}, an address allow-list")),
                record_token: None,
            });
        }
        // A handler that logs its caller in (`login_user(user)` after checking an identity
        // provider's token) is a login, not a route that requires one.
        if !starts_a_login_session(&route.handler.body)
            && self.authenticates(route.module, route.handler, 0)
        {
            let how = self.how_it_authenticates(route.module, route.handler);
            // A handler that checks no token and no login but compares what the request sends
            // with one configured credential (readykit's Chargebee webhook, a Basic Auth pair)
            // admits a service, and names no caller.
            let shared_key = match how.names_a_caller() {
                true => None,
                false => self.compares_with_one_key(route.module, route.handler),
            };
            let record_token = match (&how, &shared_key) {
                (HowItAuthenticates::AnswersUnauthorized, None) => {
                    self.compares_with_record_token(route.module, route.handler)
                }
                _ => None,
            };
            return Some(Authentication {
                how: match &record_token {
                    Some(token) => format!(
                        "`{}` answers 401 or 403 unless the request's token matches `{token}`, the record's own",
                        route.handler.name
                    ),
                    None => format!("`{}` {how} itself", route.handler.name),
                },
                identity: match how {
                    HowItAuthenticates::RefusesWithoutLogin
                    | HowItAuthenticates::RefusesThroughLoginHelper(_) => {
                        "current_user".to_string()
                    }
                    _ if shared_key.is_some() || record_token.is_some() => String::new(),
                    _ => "the claims it decodes".to_string(),
                },
                unverified: None,
                administrators_only: None,
                shared_key,
                record_token,
            });
        }
        if hook.is_none() && answers_401_on_request_data(&route.handler.body) {
            return Some(Authentication {
                how: format!(
                    "`{}` answers 401 when what the request sends does not check out itself",
                    route.handler.name
                ),
                identity: String::new(),
                unverified: None,
                administrators_only: None,
                shared_key: None,
                record_token: None,
            });
        }
        if let Some((hook, module)) = hook {
            return Some(Authentication {
                how: format!(
                    "the `before_request` hook {}",
                    hook_place(self.model, module, hook)
                ),
                identity: self.decorator_identity(module, hook, route),
                unverified: self.unverified_only(module, hook),
                administrators_only: self.keeps_an_administrator(module, hook),
                // `@auth.login_required` over the hook: the account flask-httpauth admits.
                shared_key: self.compares_with_one_key(module, hook).or_else(|| {
                    hook.decorator_list.iter().find_map(|decorator| {
                        self.httpauth_guard(module, &decorator.expression)
                            .and_then(|object| self.httpauth_shared_key(&object))
                    })
                }),
                record_token: None,
            });
        }
        None
    }

    /// The record's own token a function compares the request's credential with, itself or in a
    /// project function it calls: `request.form["token"] == f.mgmt_token` where `f` is a
    /// parameter or a local (a row it was handed or loaded), not a configured key. How the token
    /// reads (`f.mgmt_token`).
    fn compares_with_record_token(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
    ) -> Option<String> {
        self.first_reached(module, def, &|module, def| {
            let parameters: Vec<&str> = def
                .parameters
                .iter()
                .map(|p| p.name().as_str())
                .filter(|name| *name != "self" && *name != "cls")
                .collect();
            let locals: Vec<&str> = local_assignments(&def.body)
                .into_iter()
                .map(|(name, _)| name)
                .collect();
            let file = self.model.modules[module].file;
            let record_token = |operand: &Expr| match operand {
                Expr::Attribute(attribute) => {
                    let lower = attribute.attr.to_ascii_lowercase();
                    let names_token = ["token", "secret", "key", "uuid", "password", "auth"]
                        .iter()
                        .any(|word| lower.contains(word));
                    let on_a_row = matches!(attribute.value.as_ref(), Expr::Name(base)
                        if parameters.contains(&base.id.as_str()) || locals.contains(&base.id.as_str()));
                    (names_token && on_a_row && read_from_config(operand).is_none())
                        .then(|| file.slice(operand.range()).to_string())
                }
                _ => None,
            };
            let mut found = None;
            any_expr(&def.body, &mut |e| {
                let Expr::Compare(compare) = e else {
                    return false;
                };
                if !matches!(compare.ops.as_ref(), [ast::CmpOp::Eq | ast::CmpOp::NotEq]) {
                    return false;
                }
                let operands: Vec<&Expr> = std::iter::once(compare.left.as_ref())
                    .chain(compare.comparators.iter())
                    .collect();
                if !operands.iter().any(|o| reads_request_credential(o)) {
                    return false;
                }
                found = operands.into_iter().find_map(record_token);
                found.is_some()
            });
            found
        })
    }

    /// The configured key a decorator compares the request's credential with, when that is how
    /// it admits callers and it keeps no caller's identity: `current_app.config["X"]`,
    /// `config.get("X")`, `os.environ["X"]` or an upper-case constant on one side of `==` / `!=` /
    /// `compare_digest`, or the keys `in` / `not in` tests against (`client_id not in
    /// config.get("INTERNAL_CLIENT_API_KEYS")`, `token in get_allowed_tokens_from_config(config)`:
    /// a list of services' keys), itself or in a project function it calls.
    pub fn compares_with_one_key(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
    ) -> Option<String> {
        self.first_reached(module, def, &|_, def| {
            let mut key = None;
            // `username = current_app.config.get("WEBHOOK_USERNAME")` then
            // `auth.username != username` (readykit's Chargebee webhook).
            let locals = local_assignments(&def.body);
            let configured_value = |operand: &Expr| {
                configured_key_name(operand)
                    .or_else(|| read_from_config(operand))
                    .or_else(|| secret_getter(operand))
            };
            let configured = |operand: &Expr| {
                let operand = match operand {
                    Expr::Name(name) => assigned_once(&locals, name.id.as_str()).unwrap_or(operand),
                    other => other,
                };
                match operand {
                    // `token != f"Bearer {Config.SECRET_API_TOKEN}"` (MindCanvas): the one key
                    // behind a fixed scheme word.
                    Expr::FString(fstring) => {
                        let mut interpolated = fstring.value.elements().filter_map(|element| {
                            match element {
                                ast::InterpolatedStringElement::Interpolation(i) => {
                                    Some(i.expression.as_ref())
                                }
                                ast::InterpolatedStringElement::Literal(_) => None,
                            }
                        });
                        match (interpolated.next(), interpolated.next()) {
                            (Some(only), None) => configured_value(only),
                            _ => None,
                        }
                    }
                    other => configured_value(other),
                }
            };
            any_expr(&def.body, &mut |e| {
                let operands: Vec<&Expr> = match e {
                    Expr::Compare(compare)
                        if matches!(
                            compare.ops.as_ref(),
                            [ast::CmpOp::Eq
                                | ast::CmpOp::NotEq
                                | ast::CmpOp::In
                                | ast::CmpOp::NotIn]
                        ) =>
                    {
                        std::iter::once(compare.left.as_ref())
                            .chain(compare.comparators.iter())
                            .collect()
                    }
                    Expr::Call(call)
                        if matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "compare_digest")
                            || matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "compare_digest") =>
                    {
                        call.arguments.args.iter().collect()
                    }
                    _ => return false,
                };
                // E-ticket's `if request.headers.get("Authorization") == "default_password":`:
                // one key written in the code, for every caller.
                let literal_key = operands.iter().find_map(|operand| match operand {
                    Expr::StringLiteral(literal) if !literal.value.to_str().is_empty() => {
                        Some(literal.value.to_str())
                    }
                    _ => None,
                });
                let credential_header = operands.iter().any(|operand| {
                    let operand = match operand {
                        Expr::Name(name) => {
                            assigned_once(&locals, name.id.as_str()).unwrap_or(operand)
                        }
                        other => other,
                    };
                    credential_header_read(operand)
                });
                key = operands.into_iter().find_map(configured).or_else(|| {
                    literal_key
                        .filter(|_| credential_header)
                        .map(|literal| format!("\"{literal}\""))
                });
                key.is_some()
            });
            key
        })
    }

    /// The `g` attribute a decorator or hook keeps the caller under when its name says the caller
    /// is an administrator (`flask.g.administrator = administrator`, `g.admin_user = ...`), itself
    /// or in a project function it calls (pritunl's `session_auth` calls `check_session`, which
    /// stores the administrator it found).
    pub fn keeps_an_administrator(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
    ) -> Option<String> {
        memoised(self.administrators_memo, (module, def.start()), || {
            self.find_kept_administrator(module, def)
        })
    }

    fn find_kept_administrator(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
    ) -> Option<String> {
        self.first_reached(module, def, &|_, def| {
            let mut hit = None;
            visit_stmts(&def.body, &mut |stmt| {
                let Stmt::Assign(assign) = stmt else { return };
                for target in &assign.targets {
                    if let Expr::Attribute(attribute) = target
                        && is_flask_g(&attribute.value)
                        && attribute
                            .attr
                            .as_str()
                            .to_ascii_lowercase()
                            .split('_')
                            .any(|word| matches!(word, "admin" | "administrator" | "superuser"))
                    {
                        hit = Some(format!("it keeps the caller as `g.{}`", attribute.attr));
                    }
                }
            });
            hit
        })
    }

    /// The first answer `find` gives for `def` or for a project function it calls (followed as
    /// [`Self::reaches`] follows them).
    fn first_reached(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        find: &dyn Fn(usize, &'a ast::StmtFunctionDef) -> Option<String>,
    ) -> Option<String> {
        let found = std::cell::RefCell::new(None);
        let here = |module: usize, def: &'a ast::StmtFunctionDef| match find(module, def) {
            Some(answer) => {
                found.replace(Some(answer));
                true
            }
            None => false,
        };
        self.reaches(module, def, 0, &mut HashSet::default(), &here, &|_| false)
            .then(|| found.into_inner())
            .flatten()
    }

    /// For a decorator or hook that authenticates only by decoding a token without verifying
    /// its signature, the decode that does it ("`jwt.decode` with verification off at
    /// app/auth.py:13"): it refuses nobody who writes their own token. `None` when it verifies
    /// a token, checks a login session or the caller's address, or hands the token it peeked
    /// at on to code that may verify it.
    pub fn unverified_only(&self, module: usize, def: &'a ast::StmtFunctionDef) -> Option<String> {
        memoised(self.unverified_memo, (module, def.start()), || {
            self.find_unverified_only(module, def)
        })
    }

    fn find_unverified_only(&self, module: usize, def: &'a ast::StmtFunctionDef) -> Option<String> {
        if self.verifies_token(module, def) {
            return None;
        }
        let found: std::cell::RefCell<Option<String>> = std::cell::RefCell::new(None);
        let peeks = self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|module, def| {
                let file = &self.files[module];
                let unverified = self
                    .decodes(module, def)
                    .find(|call| super::claims::reads_unverified(self.model, file, call));
                if let Some(call) = unverified
                    && let Ok(mut found) = found.try_borrow_mut()
                {
                    let source = self.model.modules[module].file;
                    *found = Some(format!(
                        "`{}` with verification off at {}:{}",
                        call.callee,
                        source.display_path(),
                        source.position(call.call.start()).line
                    ));
                }
                unverified.is_some()
            },
            &|_| false,
        );
        let other_checks = self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|_, def| {
                refuses_without_login(&def.body)
                    || def.body.iter().any(|stmt| {
                        matches!(stmt, Stmt::FunctionDef(wrapper) if admits_only_loopback(&wrapper.body))
                    })
                    || admits_only_loopback(&def.body)
            },
            &|qualified| {
                qualified.starts_with("flask_login") || is_known_verifier(qualified)
            },
        );
        if !peeks || other_checks {
            return None;
        }
        found.into_inner()
    }

    /// Where a project decorator or hook leaves the identity: `g.user_id = payload["sub"]`, or
    /// an argument it passes to the handler (`return f(current_user, *args, **kwargs)`).
    fn decorator_identity(
        &self,
        module: usize,
        def: &'a ast::StmtFunctionDef,
        route: &Route<'a>,
    ) -> String {
        // `g.user = ...` over `g.organization_name = ...` when a hook stores both.
        let mut assigned: Option<(bool, String)> = None;
        visit_stmts(&def.body, &mut |stmt| {
            if let Stmt::Assign(assign) = stmt {
                for target in &assign.targets {
                    if let Expr::Attribute(attribute) = target
                        && let Expr::Name(base) = attribute.value.as_ref()
                        && matches!(base.id.as_str(), "g" | "request")
                    {
                        let attr = attribute.attr.to_ascii_lowercase();
                        // `g.jwt = validate(url, request.headers["Authorization"], ...)`
                        // (HM Land Registry's APIs): what the credential's check returned.
                        let about_caller = [
                            "user",
                            "identity",
                            "account",
                            "sub",
                            "claims",
                            "token",
                            "jwt",
                            "principal",
                            "principle",
                        ]
                        .iter()
                        .any(|w| attr.contains(w))
                            || expr_contains(&assign.value, &mut |e| {
                                matches!(e, Expr::StringLiteral(s)
                                    if s.value.to_str().eq_ignore_ascii_case("authorization"))
                            });
                        // `g.trace_id = request.headers.get("X-Trace-ID", ...)`,
                        // `request._begin_time = time.time()`: bookkeeping, never the caller.
                        let bookkeeping = [
                            "trace",
                            "time",
                            "request_id",
                            "requests",
                            "correlation",
                            "locale",
                            "start",
                        ]
                        .iter()
                        .any(|w| attr.contains(w));
                        if !bookkeeping
                            && assigned
                                .as_ref()
                                .is_none_or(|(caller, _)| !caller && about_caller)
                        {
                            assigned =
                                Some((about_caller, format!("{}.{}", base.id, attribute.attr)));
                        }
                    }
                }
            }
        });
        let assigned = match assigned {
            Some((true, name)) => Some(name),
            Some((false, name)) => logged_in_user(&def.body).or(Some(name)),
            None => None,
        };
        if let Some(assigned) = assigned {
            return assigned;
        }
        if let Some(injected) = injected_parameters(self.model, route).first() {
            return injected.to_string();
        }
        if let Some(user) = logged_in_user(&def.body) {
            return user;
        }
        // A project decorator that ends in Flask-Login's own check (Mailu's factory-made
        // `@access.global_admin`): the caller is Flask-Login's user.
        if self.reaches(
            module,
            def,
            0,
            &mut HashSet::default(),
            &|_, _| false,
            &|qualified| is_verifier(qualified, "flask_login.login_required"),
        ) {
            return "current_user".to_string();
        }
        // Nothing names the caller: saying "the token's `sub` claim" here would invent a JWT
        // for API-key, session and header schemes.
        String::new()
    }

    /// The route's role check, and whether it is the handler's own.
    fn role_check(&self, route: &Route<'a>) -> Option<(String, bool)> {
        if let Some(found) = self.decorators_role_check(route.module, &route.decorators) {
            return Some((found, false));
        }
        if let Some((module, target, _)) = self.delegate(route) {
            let decorators: Vec<&'a Expr> = target
                .decorator_list
                .iter()
                .map(|d| &d.expression)
                .collect();
            if let Some(found) = self.decorators_role_check(module, &decorators) {
                return Some((format!("{found} on `{}`", target.name), false));
            }
        }
        self.handler_role_check(route).map(|found| (found, true))
    }

    /// The roles the route's role decorators name, when each is named for a role (not a
    /// permission), names its roles by string literals only, and neither they nor its name name a
    /// privilege: `"landlord"` of `@landlord_role_required("Landlord")`; none for
    /// `@admin_role_required("Admin")`, `@roles_required(ROLES)` or
    /// `@user_has_permissions("manage_service")`.
    fn ordinary_roles(&self, route: &Route<'a>) -> Option<Vec<String>> {
        let mut roles: Vec<String> = Vec::new();
        for decorator in &route.decorators {
            if self
                .decorators_role_check(route.module, std::slice::from_ref(decorator))
                .is_none()
            {
                continue;
            }
            let Expr::Call(call) = decorator else {
                return None;
            };
            let name = decorator_name(decorator).to_ascii_lowercase();
            if !name.contains("role")
                || names_privilege(&name)
                || !call.arguments.keywords.is_empty()
            {
                return None;
            }
            for arg in &call.arguments.args {
                let Expr::StringLiteral(role) = arg else {
                    return None;
                };
                let role = role.value.to_str().to_ascii_lowercase();
                if names_privilege(&role) {
                    return None;
                }
                roles.push(role);
            }
        }
        (!roles.is_empty()).then_some(roles)
    }

    /// The role check among `decorators`, written in `module`.
    fn decorators_role_check(&self, module: usize, decorators: &[&'a Expr]) -> Option<String> {
        for decorator in decorators {
            let source = self.model.modules[module].file.slice(decorator.range());
            let callee = decorator_callee(decorator);
            // `@admin_bp.route(...)` says nothing about roles: only the decorator's own name counts.
            let spelled = self.model.modules[module].file.slice(callee.range());
            let name = spelled.rsplit('.').next().unwrap_or(spelled);
            // `@jwt_authenticate(is_superuser=True)`, `@auth.login_required(role="admin")`
            // `@login_required({Role.super_admin, Role.admin})`: a role enumeration's members
            // passed positionally.
            let role_argument = matches!(decorator, Expr::Call(call)
                if call.arguments.keywords.iter().any(|k| k.arg.as_ref().is_some_and(|a| is_role_word(a.as_str())))
                    || call.arguments.args.iter().any(names_a_role_member));
            // Flask-Principal: `@admin_permission.require(http_exception=403)` names the role by
            // the permission it asks of.
            let generic_verb = matches!(name, "require" | "required" | "can" | "test");
            if is_role_word(name) || role_argument || (generic_verb && is_role_word(spelled)) {
                return Some(format!("`@{source}`"));
            }
            let Some(qualified) = self.qualified(module, callee) else {
                continue;
            };
            // `@company_required` after `company_required = role_required(User.ROLE_STAFF)`:
            // the factory's name and arguments say what `@role_required(...)` would.
            if let Some((defined_in, call)) = self.applied_factory_call(&qualified)
                && (super::records::callee_last(&call.func).is_some_and(is_role_word)
                    || call.arguments.args.iter().any(names_a_role_member))
                && !names_only_ordinary_members(call)
                && self.decorator_function_for(module, &qualified).is_some()
            {
                let file = self.model.modules[defined_in].file;
                return Some(format!(
                    "`@{source}` ({}:{}: `{}`)",
                    file.display_path(),
                    file.position(call.start()).line,
                    file.slice(call.range())
                ));
            }
            if let Some((target, def)) = self.decorator_function_for(module, &qualified)
                && (forbids(&def.body) && self.authenticates(target, def, 0)
                    || compares_claims_and_forbids(&def.body)
                    || gates_on_session_account_kind(def)
                    || runs_view_only_past_a_level(def)
                    || returns_role_decorator(def)
                    || applies_role_guard(def))
            {
                return Some(format!("`@{source}`"));
            }
        }
        None
    }

    /// A role check in the handler's own body or in the route method of its Blueprint subclass.
    fn handler_role_check(&self, route: &Route<'a>) -> Option<String> {
        // A 403 for a missing credential (`if not token: abort(403)`) refuses anonymous callers,
        // not other users: it is no check of what the caller may do.
        let variables = route.variable_names();
        if refuses_other_callers(&route.handler.body, &variables)
            || mentions_role(&route.handler.body)
            || admits_one_account(&route.handler.body)
        {
            return Some(format!("a check in `{}`", route.handler.name));
        }
        self.route_method_role_check(route)
    }

    /// The role check of a project function the handler hands the request to.
    fn called_role_check(&self, route: &Route<'a>) -> Option<String> {
        let helper = self.helper_role_check(route.module, &route.handler.body, 2)?;
        Some(format!(
            "a check in `{helper}`, which `{}` calls",
            route.handler.name
        ))
    }

    /// A project function the handler calls (or one that calls, up to `depth` levels) that
    /// refuses callers without a role or permission: otterwiki's views hand every admin page to a
    /// `preferences` function whose first statement is `if not has_permission("ADMIN"):
    /// abort(403)`. What it returns names that function.
    fn helper_role_check(&self, module: usize, body: &'a [Stmt], depth: usize) -> Option<String> {
        if depth == 0 {
            return None;
        }
        let mut found = None;
        let mut seen: Vec<(usize, TextRange)> = Vec::new();
        any_expr(body, &mut |expr| {
            let Expr::Call(call) = expr else { return false };
            let Some(qualified) = self.qualified(module, &call.func) else {
                return false;
            };
            let Some((helper_module, helper)) = self.function_for(module, &qualified) else {
                return false;
            };
            if seen.contains(&(helper_module, helper.range())) {
                return false;
            }
            seen.push((helper_module, helper.range()));
            // skf's `validate_privilege(self, "edit")`: a function named for the check that
            // answers 403.
            let helper_name = helper.name.as_str().to_ascii_lowercase();
            let named_for_check = ["permission", "privilege", "role", "admin", "authoriz"]
                .iter()
                .any(|w| helper_name.contains(w));
            // Hyperion's `_ensure_order_management_access()`: `if current_user.has_role("admin"):
            // return None`, then `abort(403)` for everyone else.
            let admits_a_role = admits_roles_then_forbids(&helper.body);
            if refuses_on_role_test(&helper.body)
                || named_for_check && forbids(&helper.body)
                || admits_a_role
            {
                found = Some(helper.name.to_string());
            } else {
                found = self.helper_role_check(helper_module, &helper.body, depth - 1);
            }
            found.is_some()
        });
        found
    }
}

/// `if not current_user.id == 1: return redirect(...)`, `if current_user.id != 1: abort(403)`:
/// the handler turns away every caller but one account it names by a literal id (the founding
/// administrator of Charity_Web_App's `add_admin`), a role check of the strictest kind.
fn admits_one_account(body: &[Stmt]) -> bool {
    let caller_id = |expr: &Expr| {
        matches!(expr, Expr::Attribute(a)
            if matches!(a.attr.as_str(), "id" | "user_id") && names_current_user(&a.value))
    };
    let literal = |expr: &Expr| matches!(expr, Expr::NumberLiteral(_) | Expr::StringLiteral(_));
    let compares = |expr: &Expr, op: ast::CmpOp| {
        matches!(expr, Expr::Compare(compare)
            if compare.ops.as_ref() == [op]
                && matches!(compare.comparators.as_ref(), [right]
                    if (caller_id(&compare.left) && literal(right))
                        || (literal(&compare.left) && caller_id(right))))
    };
    body.iter().any(|stmt| {
        let Stmt::If(branch) = stmt else { return false };
        let turns_away_others = compares(&branch.test, ast::CmpOp::NotEq)
            || matches!(branch.test.as_ref(), Expr::UnaryOp(op)
                if op.op == ast::UnaryOp::Not && compares(&op.operand, ast::CmpOp::Eq));
        turns_away_others && matches!(branch.body.last(), Some(Stmt::Return(_) | Stmt::Raise(_)))
    })
}

/// Among a function's own statements, an `if` on a role that lets the caller through
/// (`if current_user.has_role("admin"): return None`) and, after it, a refusal for everyone
/// else (`abort(403)`): Hyperion's `_ensure_order_management_access()`.
fn admits_roles_then_forbids(body: &[Stmt]) -> bool {
    let Some(admits) = body.iter().position(|stmt| {
        matches!(stmt, Stmt::If(branch)
            if matches!(branch.body.last(), Some(Stmt::Return(_)))
                && mentions_role(std::slice::from_ref(stmt)))
    }) else {
        return false;
    };
    body[admits + 1..]
        .iter()
        .any(|stmt| !matches!(stmt, Stmt::If(_)) && forbids(std::slice::from_ref(stmt)))
}

/// Whether a function hands back a function it defines itself (`def role_required(role): def
/// decorator(func): ... return decorator`): a decorator factory, or a decorator.
fn returns_inner_function(def: &ast::StmtFunctionDef) -> bool {
    def.body.iter().any(|stmt| {
        matches!(stmt, Stmt::Return(ast::StmtReturn { value: Some(value), .. })
            if matches!(value.as_ref(), Expr::Name(name)
                if def.body.iter().any(|inner| matches!(inner, Stmt::FunctionDef(inner)
                    if inner.name.as_str() == name.id.as_str()))))
    })
}

/// A decorator whose wrapper applies a role guard it builds: Hyperion's
/// `_require_purchasing_edit`, whose wrapper runs `require_any_role(edit_roles)(view_func)`. A
/// call named for requiring or checking a role (`require_any_role`, `check_roles`) in its body.
fn applies_role_guard(def: &ast::StmtFunctionDef) -> bool {
    any_expr(&def.body, &mut |expr| {
        let Expr::Call(call) = expr else { return false };
        let named_for_it = super::records::callee_last(&call.func).is_some_and(|name| {
            let lower = name.to_ascii_lowercase();
            ["require", "check", "ensure", "verify"]
                .iter()
                .any(|verb| lower.starts_with(verb))
                && is_role_word(name)
        });
        // `require_role("customer")` is a login every customer passes.
        named_for_it && !names_only_ordinary_accounts(call)
    })
}

/// Whether a call names roles by members of an enumeration or class, every one an ordinary
/// account kind (`role_required(User.ROLE_USER)`, jobplus's `person_required`): a login every
/// person passes, not a check of privilege.
fn names_only_ordinary_members(call: &ast::ExprCall) -> bool {
    let ordinary = |arg: &Expr| {
        matches!(arg, Expr::Attribute(member)
            if names_ordinary_account(member.attr.as_str()) && !names_privilege(member.attr.as_str()))
    };
    !call.arguments.args.is_empty() && call.arguments.args.iter().all(ordinary)
}

/// Whether a call names roles by string literals, every one an ordinary account kind:
/// `require_role("customer")`, not `require_role("owner")` nor `require_any_role(roles)`.
fn names_only_ordinary_accounts(call: &ast::ExprCall) -> bool {
    let mut roles = call.arguments.args.iter().filter_map(|arg| match arg {
        Expr::StringLiteral(role) => Some(role.value.to_str()),
        _ => None,
    });
    roles.next().is_some_and(names_ordinary_account) && roles.all(names_ordinary_account)
}

/// A decorator factory that hands back a role check named so, for roles beyond the ordinary
/// account: a gym app's `def require_owner(): return require_role('owner')`, but not its
/// `require_customer()` (`require_role('customer')`), which any member passes.
fn returns_role_decorator(def: &ast::StmtFunctionDef) -> bool {
    def.body.iter().any(|stmt| {
        let Stmt::Return(ast::StmtReturn {
            value: Some(value), ..
        }) = stmt
        else {
            return false;
        };
        let Expr::Call(call) = value.as_ref() else {
            return false;
        };
        // aboro72's flask-pos: `def manager_required(f): return
        // permission_required(Permission.MANAGER)(f)`, the factory's guard applied for the
        // caller; `user_required` (`Permission.USER`) is a login every account passes.
        if let Expr::Call(factory) = call.func.as_ref() {
            return is_role_word(decorator_name(&factory.func))
                && factory.arguments.args.iter().any(|arg| match arg {
                    Expr::StringLiteral(role) => !names_ordinary_account(role.value.to_str()),
                    Expr::Attribute(member) => {
                        names_a_role_member(arg) && !names_ordinary_account(member.attr.as_str())
                    }
                    _ => false,
                });
        }
        let names_a_role = call
            .arguments
            .args
            .iter()
            .any(|arg| matches!(arg, Expr::StringLiteral(_)));
        is_role_word(decorator_name(value)) && names_a_role && !names_only_ordinary_accounts(call)
    })
}

/// Handler parameters that are not URL variables: values an auth decorator passes in. Not the
/// request data that argument decorators inject (flask-smorest `@blp.arguments(Schema)`,
/// webargs `@use_args`, APIFlask `@app.input`: one parameter each, before the URL variables),
/// and for a connexion route only `user` / `token_info`: connexion passes the body and query
/// parameters by name too.
pub fn injected_parameters<'r>(model: &ProjectModel<'_>, route: &'r Route<'_>) -> Vec<&'r str> {
    let names = parameters_beside_url(route);
    if route.spec.is_some() {
        return names
            .filter(|name| matches!(*name, "user" | "token_info"))
            .collect();
    }
    let decorators: Vec<String> = route
        .decorators
        .iter()
        .map(|d| decorator_name(d).to_string())
        .collect();
    // Only a decorator that may call the view with an extra argument injects an identity:
    // the libraries' own guards and the request-data decorators below never pass one, while a
    // project decorator may, whatever its name (`def login_required(f): ... f(user, ...)`).
    let at = At::top(route.module);
    let from_project = |decorator: &Expr| {
        let callee = decorator_callee(decorator);
        model
            .qualified_name(callee, &at)
            .is_some_and(|q| model.split_module(&q).is_some())
            || matches!(callee, Expr::Name(name) if model.modules[route.module]
                .file
                .module()
                .body
                .iter()
                .any(|stmt| matches!(stmt, Stmt::FunctionDef(def) if def.name.as_str() == name.id.as_str())))
    };
    let may_inject = route
        .decorators
        .iter()
        .zip(&decorators)
        .any(|(decorator, name)| !passes_no_identity(name) || from_project(decorator));
    if !may_inject {
        return Vec::new();
    }
    // webargs `@use_kwargs(...)` passes every field by name: no other parameter is known.
    if decorators.iter().any(|name| name == "use_kwargs") {
        return Vec::new();
    }
    // One positional parameter each: flask-smorest / APIFlask `arguments` / `input`, webargs
    // `use_args`.
    let data_arguments = decorators
        .iter()
        .filter(|name| matches!(name.as_str(), "arguments" | "input" | "use_args"))
        .count();
    // Injected by name: flask-smorest `@blp.paginate()` (`pagination_parameters`),
    // flask-pydantic `@validate()` (`body`, `query`, `form`).
    let paginates = decorators.iter().any(|name| name == "paginate");
    let validates = decorators.iter().any(|name| name == "validate");
    names
        .skip(data_arguments)
        .filter(|name| !(paginates && *name == "pagination_parameters"))
        .filter(|name| !(validates && matches!(*name, "body" | "query" | "form")))
        .collect()
}

/// Decorators that never call the view with an argument of their own: Flask-JWT-Extended's,
/// Flask-Login's and flask-httpauth's guards, Flask-Security's, request-data and documentation
/// decorators, caching and rate limits. A project decorator may (`f(current_user, *args)`).
fn passes_no_identity(name: &str) -> bool {
    matches!(
        name,
        "jwt_required"
            | "fresh_jwt_required"
            | "jwt_optional"
            | "jwt_refresh_token_required"
            | "login_required"
            | "fresh_login_required"
            | "auth_required"
            | "auth_token_required"
            | "roles_required"
            | "roles_accepted"
            | "permissions_required"
            | "permissions_accepted"
            | "arguments"
            | "input"
            | "output"
            | "response"
            | "alt_response"
            | "doc"
            | "paginate"
            | "etag"
            | "use_args"
            | "use_kwargs"
            | "validate"
            | "expect"
            | "marshal_with"
            | "marshal_list_with"
            | "cross_origin"
            | "limit"
            | "exempt"
            | "cached"
            | "memoize"
    )
}

/// Attributes that decide what an account may do: setting one is an administrator's act.
const PRIVILEGE_ATTRIBUTES: &[&str] = &[
    "is_admin",
    "is_staff",
    "is_superuser",
    "is_moderator",
    "admin",
    "superuser",
    "role",
    "roles",
    "role_id",
    "permissions",
    "scopes",
    "user_type",
    "account_type",
];

/// Whether a handler works on its caller only: it renders a page or touches the caller, reads
/// the request, and reads or changes no record except the caller's own (`current_user`, a local holding it, `g.user`,
/// a query filtered by `current_user.id`), and calls no project function with anything but a
/// message (`fail_api(msg="...")`). The profile, password and dashboard pages of an `/admin`
/// back office are such handlers; they need a login, not a role.
pub fn acts_only_on_caller(body: &[Stmt]) -> bool {
    let caller_names: Vec<&str> = local_assignments(body)
        .into_iter()
        .filter(|(_, value)| is_caller(value, &[]))
        .map(|(name, _)| name)
        .collect();
    let request_locals: Vec<&str> = local_assignments(body)
        .into_iter()
        .filter(|(_, value)| root_name(value) == Some("request"))
        .map(|(name, _)| name)
        .collect();
    let mentions_caller = |expr: &Expr| expr_contains(expr, &mut |e| is_caller(e, &caller_names));
    // Calls that are the receiver of another call (`q.filter_by(...)` in
    // `q.filter_by(...).update(...)`) are judged with the whole chain.
    let mut inner: Vec<TextRange> = Vec::new();
    let mut calls: Vec<&ast::ExprCall> = Vec::new();
    any_expr(body, &mut |e| {
        if let Expr::Call(call) = e {
            calls.push(call);
            let mut receiver = call.func.as_ref();
            while let Expr::Attribute(attribute) = receiver {
                receiver = attribute.value.as_ref();
                if let Expr::Call(chained) = receiver {
                    inner.push(chained.range());
                    break;
                }
            }
        }
        false
    });
    // Positive evidence first: a page, or work on the caller. A stub that returns a constant
    // (`return jsonify(started=True)`) says nothing of what the route is for.
    let renders_page = calls.iter().any(|call| {
        matches!(
            super::records::callee_last(&call.func),
            Some("render_template" | "render_template_string")
        )
    });
    if !renders_page && !any_expr(body, &mut |e| is_caller(e, &caller_names)) {
        return false;
    }
    calls
        .iter()
        .filter(|call| !inner.contains(&call.range()))
        .all(|call| {
            let last = super::records::callee_last(&call.func).unwrap_or_default();
            let root = root_name(&call.func).unwrap_or_default();
            if is_caller(&call.func, &caller_names)
                || root == "request"
                || request_locals.contains(&root)
                || caller_names.contains(&root)
            {
                return true;
            }
            match last {
                "render_template"
                | "render_template_string"
                | "redirect"
                | "url_for"
                | "jsonify"
                | "make_response"
                | "flash"
                | "abort"
                | "desc"
                | "asc"
                | "gettext"
                | "_" => true,
                "commit" | "rollback" | "flush" => true,
                "add" | "merge" => call.arguments.args.iter().all(&mentions_caller),
                _ => {
                    // A query chain: some filter in it names the caller.
                    let mut chain = Some(*call);
                    let mut constrained = false;
                    let mut is_query = false;
                    while let Some(link) = chain {
                        let name = super::records::callee_last(&link.func).unwrap_or_default();
                        is_query |= matches!(name, "execute" | "scalars" | "get_or_404" | "query");
                        if matches!(name, "filter_by" | "filter" | "where" | "with_parent") {
                            is_query = true;
                            constrained |= link
                                .arguments
                                .args
                                .iter()
                                .chain(link.arguments.keywords.iter().map(|k| &k.value))
                                .any(&mentions_caller);
                        }
                        chain = match link.func.as_ref() {
                            Expr::Attribute(attribute) => {
                                let mut receiver = attribute.value.as_ref();
                                while let Expr::Attribute(inner) = receiver {
                                    // `User.query...`, `db.session...`: a query whatever follows.
                                    is_query |= matches!(inner.attr.as_str(), "query" | "session");
                                    receiver = inner.value.as_ref();
                                }
                                match receiver {
                                    Expr::Call(next) => Some(next),
                                    _ => None,
                                }
                            }
                            _ => None,
                        };
                    }
                    if is_query {
                        return constrained;
                    }
                    // `fail_api(msg="...")`: a project helper handed only a message.
                    let arguments: Vec<&Expr> = call
                        .arguments
                        .args
                        .iter()
                        .chain(call.arguments.keywords.iter().map(|k| &k.value))
                        .collect();
                    !arguments.is_empty()
                        && arguments
                            .iter()
                            .all(|a| matches!(a, Expr::StringLiteral(_) | Expr::NumberLiteral(_)))
                }
            }
        })
}

/// `current_user`, `g.user`, `current_user._get_current_object()`, `get_jwt_identity()`, or
/// a local holding one of them.
fn is_caller(expr: &Expr, aliases: &[&str]) -> bool {
    match expr {
        Expr::Name(name) => {
            matches!(name.id.as_str(), "current_user" | "current_identity")
                || aliases.contains(&name.id.as_str())
        }
        Expr::Attribute(attribute) => {
            matches!(attribute.value.as_ref(), Expr::Name(g) if g.id.as_str() == "g")
                && matches!(attribute.attr.as_str(), "user" | "current_user" | "account")
                || is_caller(&attribute.value, aliases)
        }
        Expr::Call(call) => {
            matches!(
                super::records::callee_last(&call.func),
                Some("get_jwt_identity" | "get_current_user")
            ) || is_caller(&call.func, aliases)
        }
        _ => false,
    }
}

/// `int(user_id)`, `str(user_id)`, `UUID(user_id)`: `name`'s own value converted.
fn converts_itself(value: &Expr, name: &str) -> bool {
    let Expr::Call(call) = value else {
        return false;
    };
    matches!(
        super::records::callee_last(&call.func),
        Some("int" | "str" | "float" | "UUID" | "ObjectId")
    ) && call.arguments.keywords.is_empty()
        && matches!(call.arguments.args.as_ref(), [Expr::Name(arg)] if arg.id.as_str() == name)
}

/// The name an attribute or call chain starts from: `request` of `request.json.get("a")`.
fn root_name(expr: &Expr) -> Option<&str> {
    match expr {
        Expr::Name(name) => Some(name.id.as_str()),
        Expr::Attribute(attribute) => root_name(&attribute.value),
        Expr::Call(call) => root_name(&call.func),
        Expr::Subscript(subscript) => root_name(&subscript.value),
        _ => None,
    }
}

/// One thing a handler does that only an administrator should (see [`administrative_effects`]).
#[derive(Clone, Debug)]
pub struct AdministrativeEffect {
    pub range: TextRange,
    /// How it reads: "sets `is_admin`", "passes `role=...`", "calls `add_role(...)`".
    pub what: String,
    /// The account attribute or column it writes (`is_admin`, `role`), when it writes one.
    pub attribute: Option<String>,
    /// The value comes from the request: a caller choosing their own privileges.
    pub from_request: bool,
    /// The account is made for an organisation the same handler creates (`school =
    /// School(...)`, then `User(..., role="owner", school_id=school.id)`): the class's name.
    /// Its privileges are over that new organisation, unless the app's checks of the role are
    /// not scoped to one.
    pub new_tenant: Option<String>,
}

/// What a handler does that only an administrator should: sets a privilege attribute of an
/// account (`user.is_admin = True`, `user.role = data["role"]`, `user["role"] = ...`,
/// `setattr(user, "role", ...)`), or grants one (`user.roles.append(role)`, `add_role(...)`,
/// `grant_role(...)`, `set_role(...)`). A literal that grants nothing (`is_admin = False`,
/// `role = "user"`) is not one. Each with where it happens and how it reads, and whether the
/// value comes from the request (a caller choosing their own privileges).
/// `sign_up_kinds`: the literal roles the application's sign-ups give (see [`sign_up_roles`]).
/// `form_choices` tells the values a WTForms form's choice field accepts (see
/// `request_data::form_field_choices`): a role chosen on such a form grants only if a choice
/// names a privilege.
/// `administrator_numbers`: the role numbers the project's constants give administrators
/// (`Project::administrator_role_numbers`); a literal role number that is none of them is a
/// kind of account, not a grant.
pub fn administrative_effects(
    body: &[Stmt],
    sign_up_kinds: &[String],
    form_choices: &dyn Fn(&ast::ExprCall, &str) -> Option<Vec<String>>,
    administrator_numbers: &[i64],
) -> Vec<AdministrativeEffect> {
    effects_and_sign_up_roles(body, sign_up_kinds, form_choices, administrator_numbers).0
}

/// An `INSERT` into an account table with positional placeholders only, as SQL text: the
/// table's name and the columns in order, lowercased (`INSERT INTO users (email, password,
/// role_id) VALUES (%s, %s, %s)` gives `users` and `email`, `password`, `role_id`).
fn account_insert(sql: &Expr) -> Option<(String, Vec<String>)> {
    let Expr::StringLiteral(sql) = sql else {
        return None;
    };
    let text = sql.value.to_str().trim().to_ascii_lowercase();
    let rest = text.strip_prefix("insert")?.trim_start();
    let rest = rest.strip_prefix("into")?.trim_start();
    let open = rest.find('(')?;
    let table = rest[..open]
        .trim()
        .trim_matches(|c| matches!(c, '"' | '`' | '[' | ']'))
        .rsplit('.')
        .next()?
        .trim_matches(|c| matches!(c, '"' | '`'))
        .to_string();
    let account_table = ["user", "users", "account", "accounts", "member", "members"]
        .iter()
        .any(|word| table == *word || table.ends_with(&format!("_{word}")));
    if !account_table {
        return None;
    }
    let close = open + rest[open..].find(')')?;
    let columns: Vec<String> = rest[open + 1..close]
        .split(',')
        .map(|column| {
            column
                .trim()
                .trim_matches(|c| matches!(c, '"' | '`'))
                .to_string()
        })
        .collect();
    let values = rest[close + 1..]
        .trim_start()
        .strip_prefix("values")?
        .trim_start();
    let values = values.strip_prefix('(')?;
    let values = &values[..values.find(')')?];
    let placeholders = values
        .split(',')
        .all(|value| matches!(value.trim(), "%s" | "?"));
    (placeholders && values.split(',').count() == columns.len()).then_some((table, columns))
}

/// The literal roles a sign-up handler (one taking the new account's password from the
/// request) gives the accounts it makes, lowercased: the application's ordinary kinds of
/// account (`role='restaurant_owner'`, `role='BENHNHAN'`).
pub fn sign_up_roles(body: &[Stmt]) -> Vec<String> {
    effects_and_sign_up_roles(body, &[], &|_, _| None, &[]).1
}

fn effects_and_sign_up_roles(
    body: &[Stmt],
    sign_up_kinds: &[String],
    form_choices: &dyn Fn(&ast::ExprCall, &str) -> Option<Vec<String>>,
    administrator_numbers: &[i64],
) -> (Vec<AdministrativeEffect>, Vec<String>) {
    let grants_nothing = |value: &Expr| match value {
        Expr::BooleanLiteral(b) => !b.value,
        // `is_staff=0` (Flask-Generate-Certificate's sign-up): `False` spelled as a number.
        Expr::NumberLiteral(number) => {
            matches!(&number.value, ast::Number::Int(int) if int.as_u8() == Some(0))
        }
        Expr::NoneLiteral(_) => true,
        Expr::StringLiteral(text) => matches!(
            text.value.to_str().to_ascii_lowercase().as_str(),
            "user"
                | "member"
                | "customer"
                | "viewer"
                | "guest"
                | "reader"
                | "basic"
                | "default"
                | ""
        ),
        Expr::List(list) => list.elts.is_empty(),
        Expr::Tuple(tuple) => tuple.elts.is_empty(),
        Expr::Dict(dict) => dict.items.is_empty(),
        // The role the operator configured for new accounts (calibre-web's
        // `content.role = config.config_default_role`): their choice, not a grant.
        Expr::Attribute(attribute) => attribute.attr.to_ascii_lowercase().contains("default"),
        Expr::Name(name) => name.id.to_ascii_lowercase().contains("default"),
        Expr::Subscript(subscript) => matches!(subscript.slice.as_ref(),
            Expr::StringLiteral(key) if key.value.to_str().to_ascii_lowercase().contains("default")),
        _ => false,
    };
    let from_request = |value: &Expr| {
        expr_contains(value, &mut |e| match e {
            Expr::Name(name) => matches!(
                name.id.as_str(),
                "request" | "data" | "payload" | "body" | "json_data" | "args" | "form"
            ),
            Expr::Attribute(attribute) => matches!(
                attribute.attr.as_str(),
                "json" | "form" | "args" | "get_json" | "values"
            ),
            _ => false,
        })
    };
    // Hospital-Network's `POST /register`: the visitor sends the password of the account they
    // make, and the code names the role every visitor gets (`role='BENHNHAN'`, patient). A
    // literal role that names no privilege is then the sign-up's own role, not a grant; one
    // that does (`role="admin"`) still is. So is a role in a handler that makes up the
    // credentials itself (Hospital-Network's open `register_doctor`, handing out a doctor's
    // account), unless it is the role the app's sign-ups give (RestaurantCMS's auto-approved
    // application making a `restaurant_owner` with a temporary password, as its sign-up does).
    // soft-engg's `user_data = json.loads(request.form["user_data"])`: a local holding the
    // request's data.
    let assignments = local_assignments(body);
    let request_locals: Vec<&str> = assignments
        .iter()
        .filter(|(_, value)| from_request(value))
        .map(|(name, _)| *name)
        .collect();
    // Club-System's `form = RegistrationForm()`: what `form.role.data` holds is what the
    // visitor posted.
    let forms = super::request_data::form_locals(&assignments);
    let form_names: Vec<&str> = forms.iter().map(|(name, _)| *name).collect();
    let posted_field = |value: &Expr| {
        super::request_data::form_field(value, &form_names)
            .map(|(form, field)| (form.to_string(), field.to_string()))
    };
    let visitor_chooses_password = any_expr(body, &mut |e| {
        if posted_field(e).is_some_and(|(_, field)| field.to_ascii_lowercase().contains("password"))
        {
            return true;
        }
        let (holder, key) = match e {
            Expr::Subscript(subscript) => (subscript.value.as_ref(), subscript.slice.as_ref()),
            Expr::Call(call) => match (call.func.as_ref(), call.arguments.args.first()) {
                (Expr::Attribute(get), Some(key)) if get.attr.as_str() == "get" => {
                    (get.value.as_ref(), key)
                }
                _ => return false,
            },
            _ => return false,
        };
        matches!(key, Expr::StringLiteral(text)
            if text.value.to_str().to_ascii_lowercase().contains("password"))
            && (from_request(holder)
                || matches!(holder, Expr::Name(n) if request_locals.contains(&n.id.as_str())))
    });
    // `admin="3"` (BasicAccounting) names the privilege in the field: any value there grants it.
    let sign_up_role = |field: &str, value: &Expr| {
        !names_privilege(field)
            && matches!(value, Expr::StringLiteral(role) if !names_privilege(role.value.to_str())
                && (visitor_chooses_password
                    || sign_up_kinds.contains(&role.value.to_str().to_ascii_lowercase())))
    };
    // `if role not in ['student', 'company']: flash(...); return ...` (Placement-Portal's
    // sign-up, nurse's `['client', 'provider']`): the request's role, refused unless it is one
    // of the app's ordinary kinds of account.
    let allow_listed_values = allow_listed_roles(body);
    let allow_listed = |value: &Expr| allow_listed_values.contains(&ComparableExpr::from(value));
    // Locals holding the request's data itself (`req = request.get_json()`, `role =
    // request.form.get("role")`), not what a query found with it (`row = db.execute(...,
    // (request.form["email"],)).fetchone()`).
    let request_data_locals: Vec<&str> = assignments
        .iter()
        .filter(|(_, value)| reads_request_data(value))
        .map(|(name, _)| *name)
        .collect();
    let mut kinds: Vec<String> = Vec::new();
    let mut found = Vec::new();
    let mut statements: Vec<&Stmt> = Vec::new();
    visit_stmts(body, &mut |stmt| statements.push(stmt));
    // `if User.query.count() == 0: new_user = User(..., admin=True)` (library_website's
    // sign-up, "the first user is granted admin"): the application's own bootstrap, which
    // makes its first account the administrator and no later one.
    let mut bootstraps: Vec<TextRange> = Vec::new();
    visit_stmts(body, &mut |stmt| {
        if let Stmt::If(branch) = stmt
            && no_account_yet(&branch.test, &assignments)
            && let (Some(first), Some(last)) = (branch.body.first(), branch.body.last())
        {
            bootstraps.push(TextRange::new(first.start(), last.end()));
        }
    });
    let in_bootstrap = |range: TextRange| bootstraps.iter().any(|b| b.contains_range(range));
    // Locals holding an organisation the handler makes (`school = School(...)`), which the
    // accounts it makes may be scoped to.
    let new_tenants: Vec<(&str, &str)> = assignments
        .iter()
        .filter_map(|(name, value)| match value {
            Expr::Call(call) => match call.func.as_ref() {
                Expr::Name(class)
                    if class.id.starts_with(|c: char| c.is_ascii_uppercase())
                        && names_a_tenant(class.id.as_str()) =>
                {
                    Some((*name, class.id.as_str()))
                }
                _ => None,
            },
            _ => None,
        })
        .collect();
    // mostafa818's login and user list: `user_data = user.to_dict()` then
    // `user_data['role'] = role`: a dict the handler builds to answer with, labelled; no
    // account's role changes.
    let answer_dicts: Vec<&str> = assignments
        .iter()
        .filter(|(_, value)| match value {
            Expr::Dict(_) | Expr::DictComp(_) => true,
            Expr::Call(call) => matches!(
                super::records::callee_last(&call.func),
                Some("to_dict" | "as_dict" | "serialize" | "to_json" | "dict" | "model_dump")
            ),
            _ => false,
        })
        .map(|(name, _)| *name)
        .collect();
    visit_stmts(body, &mut |stmt| {
        if let Stmt::Assign(assign) = stmt {
            for target in &assign.targets {
                let (attribute, holder) = match target {
                    Expr::Attribute(attribute) => (
                        Some(attribute.attr.as_str()),
                        Some(attribute.value.as_ref()),
                    ),
                    Expr::Subscript(subscript)
                        if matches!(subscript.value.as_ref(), Expr::Name(name)
                            if answer_dicts.contains(&name.id.as_str())) =>
                    {
                        (None, None)
                    }
                    Expr::Subscript(subscript) => match subscript.slice.as_ref() {
                        Expr::StringLiteral(key) => {
                            (Some(key.value.to_str()), Some(subscript.value.as_ref()))
                        }
                        _ => (None, None),
                    },
                    _ => (None, None),
                };
                // fitlife360's `user.role = 'trainer'`: a role the code names that says nothing
                // of privilege is a kind of account, as a sign-up's literal role is (the field
                // itself may name the privilege: `user.is_admin = "yes"` still grants).
                // jobplus's `user.role = 10` in its sign-up, where `ROLE_ADMIN = 30`: a number
                // the project's role constants do not give administrators.
                let plain_number = |value: &Expr| {
                    !administrator_numbers.is_empty()
                        && matches!(value, Expr::NumberLiteral(number)
                            if matches!(&number.value, ast::Number::Int(int)
                                if int.as_i64().is_some_and(|n| !administrator_numbers.contains(&n))))
                };
                // Local-Farmers-Market-Hub's `new_user.role = UserRole.FARMER`: a member of the
                // project's role enum, named by the code, as a literal role is.
                let plain_member = |value: &Expr| {
                    matches!(value, Expr::Attribute(member)
                        if matches!(member.value.as_ref(), Expr::Name(class)
                            if class.id.starts_with(|c: char| c.is_ascii_uppercase()))
                            && !names_privilege(member.attr.as_str()))
                };
                let plain_role = !names_privilege(attribute.unwrap_or_default())
                    && (matches!(assign.value.as_ref(), Expr::StringLiteral(role)
                        if !names_privilege(role.value.to_str()))
                        || plain_number(&assign.value)
                        || plain_member(&assign.value));
                // mail-system's sign-up: `is_first_user = User.query.count() == 0`, then
                // `user.is_admin = is_first_user`: true for the first account only, the
                // bootstrap written as a value.
                let first_account_test = |test: &Expr| {
                    no_account_yet(test, &assignments)
                        || matches!(test, Expr::Name(local) if {
                            let mut values = assignments
                                .iter()
                                .filter(|(name, _)| *name == local.id.as_str())
                                .map(|(_, value)| *value);
                            matches!((values.next(), values.next()),
                                (Some(value), None) if no_account_yet(value, &assignments))
                        })
                };
                // app-laundry's sign-up: `new_user.role = "super_admin" if is_first_user else
                // "user"`, the bootstrap written as a conditional value.
                let first_account_only = first_account_test(&assign.value)
                    || matches!(assign.value.as_ref(), Expr::If(choice)
                        if first_account_test(&choice.test) && grants_nothing(&choice.orelse));
                if let Some(attribute) = attribute
                    && holder.is_some_and(|holder| holds_an_account(holder, &statements))
                    && PRIVILEGE_ATTRIBUTES.contains(&attribute.to_ascii_lowercase().as_str())
                    && !grants_nothing(&assign.value)
                    && !plain_role
                    && !first_account_only
                {
                    found.push(AdministrativeEffect {
                        range: stmt.range(),
                        what: format!("sets `{attribute}`"),
                        attribute: Some(attribute.to_string()),
                        from_request: from_request(&assign.value),
                        new_tenant: None,
                    });
                }
            }
        }
    });
    any_expr(body, &mut |e| {
        let Expr::Call(call) = e else { return false };
        let (name, receiver) = match call.func.as_ref() {
            Expr::Name(name) => (name.id.as_str(), None),
            Expr::Attribute(attribute) => (attribute.attr.as_str(), Some(attribute.value.as_ref())),
            _ => return false,
        };
        // `add_role(discord_id, "White Belt")` (pwn.college's dojo): a role named in the code
        // that says nothing of privilege is a badge, not a grant.
        let names_a_plain_role = call.arguments.args.iter().any(
            |a| matches!(a, Expr::StringLiteral(role) if !names_privilege(role.value.to_str())),
        );
        let grants = matches!(
            name,
            "add_role"
                | "grant_role"
                | "set_role"
                | "add_permission"
                | "grant_permission"
                | "promote"
        ) && !names_a_plain_role
            || (matches!(name, "append" | "add" | "extend")
                && matches!(receiver, Some(Expr::Attribute(a)) if matches!(a.attr.as_str(), "roles" | "permissions")
                && holds_an_account(&a.value, &statements)))
            || (name == "setattr"
                && matches!(call.arguments.args.get(1), Some(Expr::StringLiteral(key))
                    if PRIVILEGE_ATTRIBUTES.contains(&key.value.to_str())));
        // `User(name=..., is_admin=True)`, `create_user(..., role=data["role"])`: an account
        // made with privileges. Other calls pass roles around to read them (filters, audit
        // records), which grants nothing.
        // `Token.create_personal(name, current_user.get_id(), scopes=[...])` (b2share): the
        // scopes of an API token narrow what the token may do for its owner; they grant no one
        // anything.
        let names_credential = |text: &str| {
            let lower = text.to_ascii_lowercase();
            // famOS's `Credentials(token=..., scopes=[...])`: Google's OAuth credentials for
            // the caller's own integration.
            lower.contains("token")
                || lower.contains("apikey")
                || lower.contains("api_key")
                || lower.contains("credential")
                // blu_property's `Otp(user_email=..., user_type="tenant", otp=code)`: a one-time
                // code for the person it names, no account.
                || lower.starts_with("otp")
                || lower.ends_with("otp")
                || lower.contains("onetime")
                || lower.contains("one_time")
                || lower.contains("passcode")
                || lower.contains("verification")
        };
        let makes_credential = names_credential(name)
            || matches!(receiver, Some(Expr::Name(object)) if names_credential(object.id.as_str()));
        let makes_account = (name.starts_with(|c: char| c.is_ascii_uppercase())
            || ["create_", "add_", "register", "new_"]
                .iter()
                .any(|prefix| name.starts_with(prefix)))
            && !makes_credential;
        // `Member(user=current_user, role="admin")` appended to an organization the caller
        // just created (udata): the caller's own role on their object, no grant over others.
        let for_the_caller = call.arguments.keywords.iter().any(|keyword| {
            keyword.arg.as_ref().is_some_and(|arg| {
                // `GroupMembership(user_id=current_user.id, group_id=group.id, is_admin=True)`
                // (Aluminet): the creator moderates the group they just made.
                matches!(
                    arg.as_str(),
                    "user"
                        | "owner"
                        | "account"
                        | "member"
                        | "creator"
                        | "user_id"
                        | "owner_id"
                        | "account_id"
                        | "member_id"
                        | "creator_id"
                )
            }) && names_the_caller(&keyword.value, &statements)
        });
        // WorkZen's `role = request.form.get('role', 'Admin')` then `User(..., role=role)` in a
        // handler that takes the new account's password from the request: a local holding the
        // request's value is the request's value. Other names and attributes are not known to
        // grant anything, nor are locals where no login account is made (a bank account's
        // `account_type`, a submission participant's `role`).
        let requested_local = |value: &Expr| match value {
            Expr::Name(name) if visitor_chooses_password => {
                let mut assigned = assignments
                    .iter()
                    .filter(|(local, _)| *local == name.id.as_str())
                    .map(|(_, value)| *value);
                matches!((assigned.next(), assigned.next()), (Some(only), None) if from_request(only))
            }
            _ => false,
        };
        // What a privilege keyword's value must be to grant: a literal the code writes
        // (`role="admin"`, `is_admin=True`), the request's own value (`role=data["role"]`), or a
        // local holding it that no allow-list of ordinary roles checked. Not a value read back
        // from the database (`role=user["role"]` after the login's `SELECT`, Blood-Bank's
        // `User(...)` built from the row) nor the session's (`session.get("google_role")`).
        let granted_value = |value: &Expr| match value {
            Expr::Name(_) => requested_local(value) && !allow_listed(value),
            // `role=form.role.data`: granted when the form offers a privileged choice, or when
            // its choices cannot be read (a free-text field takes anything).
            Expr::Attribute(_) => posted_field(value).is_some_and(|(form, field)| {
                forms
                    .iter()
                    .find(|(name, _)| *name == form)
                    .and_then(|(_, constructor)| form_choices(constructor, &field))
                    .is_none_or(|choices| choices.iter().any(|choice| names_privilege(choice)))
            }),
            // `role=req["role"]` where `req = request.get_json()`.
            Expr::Subscript(_) | Expr::Call(_) if allow_listed(value) => false,
            // Paper-CMS's `role=UserRole[form.role.data]`: a form field whose choices name no
            // privilege, which the form's validation enforces.
            Expr::Subscript(_) | Expr::Call(_)
                if expr_contains(value, &mut |e| {
                    posted_field(e).is_some_and(|(form, field)| {
                        forms
                            .iter()
                            .find(|(name, _)| *name == form)
                            .and_then(|(_, constructor)| form_choices(constructor, &field))
                            .is_some_and(|choices| {
                                !choices.is_empty()
                                    && !choices.iter().any(|choice| names_privilege(choice))
                            })
                    })
                }) =>
            {
                false
            }
            Expr::Subscript(_) | Expr::Call(_) => {
                from_request(value)
                    || expr_contains(value, &mut |e| {
                        matches!(e, Expr::Name(n) if request_data_locals.contains(&n.id.as_str()))
                            && !allow_listed(e)
                    })
            }
            _ => true,
        };
        // Shuleni's `POST /api/register/owner`: `school = School(...)`, then `User(...,
        // role="owner", school_id=school.id)`: the visitor owns the tenant they just made, and
        // nothing of anyone else's.
        let scoped_to_new_tenant = call.arguments.keywords.iter().find_map(|keyword| {
            let object = match &keyword.value {
                Expr::Attribute(attribute) => attribute.value.as_ref(),
                other => other,
            };
            match object {
                Expr::Name(name) => new_tenants
                    .iter()
                    .find(|(local, _)| *local == name.id.as_str())
                    .map(|(_, class)| class.to_string()),
                _ => None,
            }
        });
        // SuperviseMe's Google and ORCID callbacks: `User_mgmt(..., user_type="student",
        // is_enabled=False)`: a kind of account the code names, made disabled until someone
        // enables it, grants nothing.
        let made_disabled = call.arguments.keywords.iter().any(|keyword| {
            keyword.arg.as_ref().is_some_and(|arg| {
                matches!(
                    arg.as_str(),
                    "is_enabled" | "enabled" | "is_active" | "active" | "is_approved" | "approved"
                )
            }) && matches!(&keyword.value, Expr::BooleanLiteral(b) if !b.value)
        });
        let plain_kind = |value: &Expr| {
            made_disabled
                && matches!(value, Expr::StringLiteral(role) if !names_privilege(role.value.to_str()))
        };
        for keyword in &call.arguments.keywords {
            if makes_account
                && visitor_chooses_password
                && let (Some(arg), Expr::StringLiteral(role)) = (&keyword.arg, &keyword.value)
                && PRIVILEGE_ATTRIBUTES.contains(&arg.as_str())
                && sign_up_role(arg.as_str(), &keyword.value)
            {
                kinds.push(role.value.to_str().to_ascii_lowercase());
            }
            if makes_account
                && !for_the_caller
                && let Some(arg) = &keyword.arg
                && PRIVILEGE_ATTRIBUTES.contains(&arg.as_str())
                && !grants_nothing(&keyword.value)
                && !sign_up_role(arg.as_str(), &keyword.value)
                && !plain_kind(&keyword.value)
                && granted_value(&keyword.value)
                && !asks_about_the_caller(&keyword.value)
            {
                found.push(AdministrativeEffect {
                    range: keyword.range(),
                    what: format!("passes `{arg}=...`"),
                    attribute: Some(arg.to_string()),
                    from_request: from_request(&keyword.value)
                        || requested_local(&keyword.value)
                        || posted_field(&keyword.value).is_some(),
                    new_tenant: scoped_to_new_tenant.clone(),
                });
            }
        }
        // Camaco81's open sign-up: `cur.execute("INSERT INTO users (email, password, role_id,
        // tenant_id) VALUES (%s, %s, %s, %s)", (email, hashed, role_id, tenant_id))`, where
        // `role_id = data.get('role_id', 2)`: an account table's columns take the parameters
        // in order.
        if name == "execute"
            && let Some((table, columns)) = call.arguments.args.first().and_then(account_insert)
            && let Some(
                Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }),
            ) = call.arguments.args.get(1)
            && elts.len() == columns.len()
        {
            for (column, value) in columns.iter().zip(elts) {
                if PRIVILEGE_ATTRIBUTES.contains(&column.as_str())
                    && !grants_nothing(value)
                    && !matches!(value, Expr::StringLiteral(_) | Expr::NumberLiteral(_))
                    && granted_value(value)
                    && !asks_about_the_caller(value)
                {
                    found.push(AdministrativeEffect {
                        range: value.range(),
                        what: format!("inserts `{column}` into `{table}`"),
                        attribute: Some(column.to_string()),
                        from_request: from_request(value) || requested_local(value),
                        new_tenant: None,
                    });
                }
            }
        }
        // `sketch = Sketch(...)` then `sketch.grant_permission("write", user=current_user)`:
        // the creator's rights on the object this handler just made (timesketch), not a grant
        // of privileges over others.
        let on_new_object = matches!(receiver, Some(Expr::Name(object)) if statements.iter().any(|stmt| {
            matches!(stmt, Stmt::Assign(assign)
                if assign.targets.iter().any(|t| matches!(t, Expr::Name(n) if n.id == object.id))
                    && matches!(assign.value.as_ref(), Expr::Call(made) if match made.func.as_ref() {
                        // `Sketch(...)`, `SearchIndex.get_or_create(...)`
                        Expr::Name(class) => class.id.starts_with(|c: char| c.is_ascii_uppercase()),
                        Expr::Attribute(factory) => {
                            matches!(factory.attr.as_str(), "create" | "get_or_create")
                                && matches!(factory.value.as_ref(), Expr::Name(class)
                                    if class.id.starts_with(|c: char| c.is_ascii_uppercase()))
                        }
                        _ => false,
                    }))
        }));
        if grants && !on_new_object {
            let argument_from_request = crate::model::argument_values(call).any(&from_request);
            found.push(AdministrativeEffect {
                range: call.range(),
                what: format!("calls `{name}(...)`"),
                attribute: None,
                from_request: argument_from_request,
                new_tenant: None,
            });
        }
        false
    });
    found.retain(|effect| !in_bootstrap(effect.range));
    found.sort_by_key(|effect| effect.range.start());
    (found, kinds)
}

/// A test that holds only while the application has no account yet: `User.query.count() == 0`,
/// `< 1`, `not User.query.first()`, `User.query.first() is None`.
fn no_account_yet(test: &Expr, assignments: &[(&str, &Expr)]) -> bool {
    let counts_directly = |expr: &Expr| {
        matches!(expr, Expr::Call(call)
            if super::records::callee_last(&call.func).is_some_and(|name| matches!(name, "count" | "first"))
                && expr_contains(expr, &mut |e| matches!(e, Expr::Name(class)
                    if is_account_class_name(class.id.as_str()))))
    };
    // coco-annotator's `users = UserModel.objects.count()`, then `if users == 0:`: the count
    // held in a local the handler assigns once.
    let counts_accounts = |expr: &Expr| {
        counts_directly(expr)
            || matches!(expr, Expr::Name(local) if {
                let mut values = assignments
                    .iter()
                    .filter(|(name, _)| *name == local.id.as_str())
                    .map(|(_, value)| *value);
                matches!((values.next(), values.next()), (Some(value), None) if counts_directly(value))
            })
    };
    match test {
        Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => counts_accounts(&op.operand),
        Expr::Compare(compare) => {
            matches!((compare.ops.as_ref(), compare.comparators.as_ref()),
                ([ast::CmpOp::Eq | ast::CmpOp::Lt | ast::CmpOp::LtE | ast::CmpOp::Is], [right])
                    if counts_accounts(&compare.left)
                        && (right.is_none_literal_expr()
                            || matches!(right, Expr::NumberLiteral(number)
                                if matches!(&number.value, ast::Number::Int(int) if int.as_u8().is_some_and(|n| n <= 1)))))
        }
        _ => false,
    }
}

/// A class named for accounts: `User`, `Account`, `AdminUser`, `Member`, `UserModel`.
pub fn is_account_class_name(name: &str) -> bool {
    let words = super::context::words(name);
    let words = match words.split_last() {
        Some((last, rest)) if last == "model" && !rest.is_empty() => rest,
        _ => &words[..],
    };
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && words.last().is_some_and(|word| {
            matches!(
                word.as_str(),
                "user" | "users" | "account" | "member" | "admin"
            )
        })
}

/// How `body` makes the account a password call sets an administrator, when it does: a
/// privilege keyword of the call itself (`User(..., password="x", is_admin=True)`), or an
/// assignment to the same object (`account.set_password("based_god")` beside
/// `account.is_admin = True`, Huutokauppa) of `True` or a role naming a privilege.
pub fn grants_privilege_to(body: &[Stmt], call: &ast::ExprCall) -> Option<String> {
    let grants = |value: &Expr| match value {
        Expr::BooleanLiteral(flag) => flag.value,
        Expr::StringLiteral(role) => names_privilege(role.value.to_str()),
        _ => false,
    };
    if let Some(keyword) = call.arguments.keywords.iter().find(|keyword| {
        keyword
            .arg
            .as_ref()
            .is_some_and(|arg| PRIVILEGE_ATTRIBUTES.contains(&arg.as_str()))
            && grants(&keyword.value)
    }) {
        return keyword
            .arg
            .as_ref()
            .map(|arg| format!("passes `{arg}=...`"));
    }
    let Expr::Attribute(method) = call.func.as_ref() else {
        return None;
    };
    let Expr::Name(object) = method.value.as_ref() else {
        return None;
    };
    let mut found = None;
    visit_stmts(body, &mut |stmt| {
        if found.is_some() {
            return;
        }
        let Stmt::Assign(assign) = stmt else { return };
        for target in &assign.targets {
            if let Expr::Attribute(attribute) = target
                && matches!(attribute.value.as_ref(), Expr::Name(n) if n.id == object.id)
                && PRIVILEGE_ATTRIBUTES.contains(&attribute.attr.as_str())
                && grants(&assign.value)
            {
                found = Some(format!("sets `{}.{}`", object.id, attribute.attr));
            }
        }
    });
    found
}

/// A class of organisations that accounts belong to (`School`, `Organization`, `Workspace`):
/// a tenant of a multi-tenant application.
fn names_a_tenant(class: &str) -> bool {
    const TENANTS: &[&str] = &[
        "school",
        "organization",
        "organisation",
        "org",
        "company",
        "tenant",
        "team",
        "workspace",
        "club",
        "shop",
        "store",
        "restaurant",
        "business",
        "institution",
        "clinic",
        "hospital",
        "agency",
        "church",
        "community",
    ];
    super::context::words(class)
        .iter()
        .any(|word| TENANTS.contains(&word.as_str()))
}

/// `request.form`, `request.get_json()`, `request.form.get("role")`, `request.json["user"]`,
/// `json.loads(request.form["user_data"])`, `dict(request.form)`: the request's data itself.
fn reads_request_data(value: &Expr) -> bool {
    match value {
        Expr::Attribute(attribute) => {
            matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request")
                || reads_request_data(&attribute.value)
        }
        Expr::Subscript(subscript) => reads_request_data(&subscript.value),
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Attribute(method)
                if matches!(
                    method.attr.as_str(),
                    "get" | "get_json" | "getlist" | "to_dict"
                ) =>
            {
                matches!(method.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request")
                    || reads_request_data(&method.value)
            }
            Expr::Attribute(method) if method.attr.as_str() == "loads" => {
                call.arguments.args.first().is_some_and(reads_request_data)
            }
            // pypos-canteen's `form_data = dict(request.form)`.
            Expr::Name(copy) if matches!(copy.id.as_str(), "dict" | "list") => {
                call.arguments.args.first().is_some_and(reads_request_data)
            }
            _ => false,
        },
        _ => false,
    }
}

/// The values a handler refuses unless they are one of a literal list that names no privilege:
/// `if role not in ["student", "company"]: ... return ...` (or `raise`, `abort`), or the
/// request's own value (`if data['role'] not in ['tenant', 'landlord']:`, Property's sign-up).
fn allow_listed_roles(body: &[Stmt]) -> Vec<ComparableExpr<'_>> {
    let mut found = Vec::new();
    visit_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        let Expr::Compare(compare) = branch.test.as_ref() else {
            return;
        };
        let (checked, [ast::CmpOp::NotIn], [allowed]) = (
            compare.left.as_ref(),
            compare.ops.as_ref(),
            compare.comparators.as_ref(),
        ) else {
            return;
        };
        if !matches!(checked, Expr::Name(_) | Expr::Subscript(_) | Expr::Call(_)) {
            return;
        }
        let elements = match allowed {
            Expr::List(list) => &list.elts,
            Expr::Tuple(tuple) => &tuple.elts,
            Expr::Set(set) => &set.elts,
            _ => return,
        };
        let ordinary = !elements.is_empty()
            && elements.iter().all(|element| {
                matches!(element, Expr::StringLiteral(role) if !names_privilege(role.value.to_str()))
            });
        // nurse's `errors.append("Invalid role ...")`, answered with a 400 once all fields are
        // read.
        let records_an_error = matches!(branch.body.last(), Some(Stmt::Expr(expression))
            if matches!(expression.value.as_ref(), Expr::Call(call)
                if matches!(call.func.as_ref(), Expr::Attribute(append)
                    if append.attr.as_str() == "append"
                        && matches!(append.value.as_ref(), Expr::Name(list)
                            if list.id.to_ascii_lowercase().contains("error")))));
        let exits = branch.body.last().is_some_and(exits_function) || records_an_error;
        if ordinary && exits {
            found.push(ComparableExpr::from(checked));
        }
    });
    found
}

/// A statement that leaves the function: `return`, `raise`, `abort(403)`.
pub fn exits_function(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Return(_) | Stmt::Raise(_) => true,
        Stmt::Expr(expression) => matches!(expression.value.as_ref(), Expr::Call(call)
            if super::records::callee_last(&call.func) == Some("abort")),
        _ => false,
    }
}

/// Whether `value` is the logged-in caller: `current_user`, `g.user`, or a local assigned from
/// one (`user = current_user._get_current_object()`).
fn names_the_caller(value: &Expr, statements: &[&Stmt]) -> bool {
    let is_caller = |expr: &Expr| {
        expr_contains(expr, &mut |e| match e {
            Expr::Name(n) => n.id.as_str() == "current_user",
            Expr::Attribute(a) => {
                matches!(a.value.as_ref(), Expr::Name(g) if g.id.as_str() == "g")
                    && matches!(a.attr.as_str(), "user" | "current_user")
            }
            _ => false,
        })
    };
    if is_caller(value) {
        return true;
    }
    let Expr::Name(local) = value else {
        return false;
    };
    statements.iter().any(|stmt| {
        matches!(stmt, Stmt::Assign(assign)
            if assign.targets.iter().any(|t| matches!(t, Expr::Name(n) if n.id == local.id))
                && is_caller(&assign.value))
    })
}

/// Whether the object a privilege attribute is set on is an account, by what it is called or
/// made from: `user`, `current_user`, `self.member`, `User.query.get_or_404(id)`, a local
/// assigned `Account(...)`, `u`. Flask's `g.roles`, a dict built for the response
/// (`return_dict["roles"]`) and another model's column (`AccountPatternAuditScore`'s
/// `account_type`, Security Monkey) are not: the last word of the name says what it holds.
fn holds_an_account(holder: &Expr, statements: &[&Stmt]) -> bool {
    const ACCOUNT_WORDS: &[&str] = &[
        "user",
        "account",
        "member",
        "admin",
        "person",
        "profile",
        "identity",
        "principal",
        "owner",
        "staff",
        "customer",
        "employee",
        "player",
        "student",
        "teacher",
        "moderator",
        "operator",
        "author",
        "editor",
        "u",
        "usr",
    ];
    let last_word_is_account = |name: &str| {
        crate::model::context::words(name)
            .last()
            .is_some_and(|word| {
                let singular = word.strip_suffix('s').unwrap_or(word);
                ACCOUNT_WORDS.contains(&word.as_str()) || ACCOUNT_WORDS.contains(&singular)
            })
    };
    // `User.query.get_or_404(id)`, `db.session.get(User, id)`: the class the row comes from.
    let made_from_account = |value: &Expr| {
        let mut root = value;
        loop {
            root = match root {
                Expr::Call(call) => {
                    if call.arguments.args.iter().any(|a| {
                        matches!(a, Expr::Name(n) if n.id.starts_with(|c: char| c.is_ascii_uppercase()) && last_word_is_account(&n.id))
                    }) {
                        return true;
                    }
                    call.func.as_ref()
                }
                Expr::Attribute(a) => a.value.as_ref(),
                Expr::Subscript(s) => s.value.as_ref(),
                Expr::Name(n) => return last_word_is_account(&n.id),
                _ => return false,
            };
        }
    };
    match holder {
        Expr::Name(name) => {
            let assigned: Vec<&Expr> = statements
                .iter()
                .filter_map(|stmt| match stmt {
                    Stmt::Assign(assign)
                        if assign
                            .targets
                            .iter()
                            .any(|t| matches!(t, Expr::Name(n) if n.id == name.id)) =>
                    {
                        Some(assign.value.as_ref())
                    }
                    _ => None,
                })
                .collect();
            // `Account.query.filter_by(id=account_id, user_id=user_id)` (a bank account in
            // flask-expenses-manager): a row with an owner is something a person owns, not
            // their account.
            let owned_by_someone = |value: &Expr| {
                expr_contains(value, &mut |e| {
                    matches!(e, Expr::Call(call) if call.arguments.keywords.iter().any(|k| {
                        k.arg.as_ref().is_some_and(|arg| {
                            matches!(arg.as_str(), "user_id" | "owner_id" | "owner" | "created_by")
                                || arg.ends_with("_user_id")
                        })
                    }))
                })
            };
            if assigned.iter().any(|value| owned_by_someone(value)) {
                false
            } else if assigned.is_empty() {
                last_word_is_account(&name.id)
            } else {
                assigned.iter().any(|value| made_from_account(value))
                    || (last_word_is_account(&name.id)
                        && !assigned
                            .iter()
                            .all(|value| matches!(value, Expr::Dict(_) | Expr::List(_))))
            }
        }
        Expr::Attribute(attribute) => last_word_is_account(&attribute.attr),
        other => made_from_account(other),
    }
}

/// Fields that identify a person or hold their credentials, as a serializer writes them.
const PERSONAL_FIELDS: &[&str] = &[
    "password",
    "password_hash",
    "hashed_password",
    "passwd",
    "pwd",
    "email",
    "token",
    "access_token",
    "refresh_token",
    "api_key",
    "apikey",
    "secret",
    "otp_secret",
    "ssn",
];

/// The people-resource a collection route lists (`/users`, `/api/accounts`): its singular,
/// when the rule ends in one (no URL variable after it).
pub fn people_collection(rule: &str) -> Option<&'static str> {
    let last = rule.trim_end_matches('/').rsplit('/').next()?;
    let last = last.to_ascii_lowercase();
    const PEOPLE: &[(&str, &str)] = &[
        ("users", "user"),
        ("accounts", "account"),
        ("admins", "admin"),
        ("members", "member"),
        ("customers", "customer"),
        ("employees", "employee"),
        ("profiles", "profile"),
        ("people", "person"),
        ("staff", "staff"),
    ];
    PEOPLE
        .iter()
        .find(|(plural, _)| *plural == last)
        .map(|(_, singular)| *singular)
}

/// Credential or personal fields a handler sends back: keys of dicts it builds, the keys a
/// project serializer method of the resource's model writes (`User.to_dict`, `.serialize`,
/// `.as_json`), and the fields of a marshmallow schema it dumps (`UserSchema(many=True)`),
/// except `load_only` ones. Each with where it comes from.
pub fn returned_personal_fields(
    model: &ProjectModel<'_>,
    route: &Route<'_>,
    singular: &str,
) -> Vec<(String, Option<String>)> {
    let mut fields = returned_fields(model, route, singular).fields;
    fields.retain(|(field, _)| PERSONAL_FIELDS.contains(&field.as_str()));
    fields
}

/// Whether a field sent back is a credential: a password or its hash, a token, a key, a
/// secret (not an email address, which is personal data but logs no one in).
pub fn is_credential_field(field: &str) -> bool {
    is_personal_field(field) && !matches!(field, "email" | "ssn")
}

/// Whether a field sent back is a credential or personal data (`password`, `email`, ...).
pub fn is_personal_field(field: &str) -> bool {
    PERSONAL_FIELDS.contains(&field)
}

/// The fields a handler sends back, as far as they can be read.
pub struct ReturnedFields {
    /// Each field, with the serializer or schema that writes it (`None`: a dict in the handler).
    pub fields: Vec<(String, Option<String>)>,
    /// A serializer method of the resource's model or a schema was found and read: `fields`
    /// is what the response holds, not only the part written in the handler.
    pub serializer_read: bool,
}

/// The keys of dicts the handler builds, the keys a project serializer method of the
/// resource's model writes (`User.to_dict`, `.serialize`, `.as_json`), and the fields of a
/// marshmallow schema it dumps (`UserSchema(many=True)`), except `load_only` ones.
pub fn returned_fields(
    model: &ProjectModel<'_>,
    route: &Route<'_>,
    singular: &str,
) -> ReturnedFields {
    let mut found: Vec<(String, Option<String>)> = Vec::new();
    let mut serializer_read = false;
    let add = |field: &str, via: Option<String>, found: &mut Vec<(String, Option<String>)>| {
        if !found.iter().any(|(f, _)| f == field) {
            found.push((field.to_string(), via));
        }
    };
    let dict_keys =
        |body: &[Stmt], found: &mut Vec<(String, Option<String>)>, via: Option<String>| {
            let mut keys = Vec::new();
            any_expr(body, &mut |e| {
                if let Expr::Dict(dict) = e {
                    for item in &dict.items {
                        if let Some(Expr::StringLiteral(key)) = &item.key {
                            keys.push(key.value.to_str().to_ascii_lowercase());
                        }
                    }
                }
                false
            });
            for key in keys {
                add(&key, via.clone(), found);
            }
        };
    dict_keys(&route.handler.body, &mut found, None);
    let at = At::top(route.module);
    let mut methods: Vec<&str> = Vec::new();
    let mut schemas: Vec<(usize, String)> = Vec::new();
    any_expr(&route.handler.body, &mut |e| {
        match e {
            Expr::Attribute(attribute)
                if matches!(
                    attribute.attr.as_str(),
                    "to_dict" | "serialize" | "serialized" | "as_json" | "to_json" | "as_dict"
                ) =>
            {
                methods.push(attribute.attr.as_str());
            }
            Expr::Call(call) => {
                let callee = match call.func.as_ref() {
                    Expr::Attribute(a) if a.attr.as_str() == "dump" => Some(a.value.as_ref()),
                    _ => None,
                };
                // `UserSchema(many=True).dump(...)`, `users_schema.dump(...)`.
                let Some(callee) = callee else { return false };
                let resolved = model.qualified_name(callee, &at).and_then(|q| {
                    let q = q.trim_end_matches("()");
                    model
                        .split_module(q)
                        .map(|(module, name)| (module, name.to_string()))
                });
                // A class defined in the handler's own module.
                let local = || match callee {
                    Expr::Call(call) => match call.func.as_ref() {
                        Expr::Name(name) => Some((route.module, name.id.to_string())),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(schema) = resolved.or_else(local) {
                    schemas.push(schema);
                }
            }
            _ => {}
        }
        false
    });
    // The resource's model: a project class named for it (`User` for `/users`).
    if !methods.is_empty() {
        for info in &model.modules {
            let body = &info.file.module().body;
            for stmt in body {
                let Stmt::ClassDef(class) = stmt else {
                    continue;
                };
                if !class.name.as_str().eq_ignore_ascii_case(singular) {
                    continue;
                }
                for item in &class.body {
                    if let Stmt::FunctionDef(def) = item
                        && methods.contains(&def.name.as_str())
                    {
                        let via = format!("`{}.{}`", class.name, def.name);
                        dict_keys(&def.body, &mut found, Some(via));
                        serializer_read = true;
                    }
                }
            }
        }
    }
    for (module, name) in schemas {
        let Some(class) = find_class_in(&model.modules[module].file.module().body, &name) else {
            continue;
        };
        serializer_read = true;
        for item in &class.body {
            let (target, value) = match item {
                Stmt::Assign(assign) => match assign.targets.as_slice() {
                    [target] => (target, Some(assign.value.as_ref())),
                    _ => continue,
                },
                Stmt::AnnAssign(assign) => (assign.target.as_ref(), assign.value.as_deref()),
                _ => continue,
            };
            let Expr::Name(field) = target else { continue };
            // `password = fields.String(load_only=True)`: read from requests, never dumped.
            let load_only = matches!(value, Some(Expr::Call(call)) if call.arguments.keywords.iter().any(|k| {
                k.arg.as_ref().is_some_and(|a| a.as_str() == "load_only")
                    && matches!(&k.value, Expr::BooleanLiteral(b) if b.value)
            }));
            if !load_only {
                add(
                    &field.id.to_ascii_lowercase(),
                    Some(format!("`{}`", class.name)),
                    &mut found,
                );
            }
        }
    }
    ReturnedFields {
        fields: found,
        serializer_read,
    }
}

/// Decorators written in comments directly above a handler or between its decorators
/// (`#@token_required`, `# @jwt_required()`), as they are spelled after the `@`: the trace of an
/// authentication someone switched off. Only the block of decorator and comment lines that
/// ends at the `def` counts.
pub fn commented_out_decorators(
    source: &SourceFile,
    handler: &ast::StmtFunctionDef,
) -> Vec<String> {
    let def_line = source.position(handler.name.range().start()).line;
    let mut found = Vec::new();
    let mut line = def_line;
    while line > 1 {
        line -= 1;
        let text = source.line_text(line).trim();
        if let Some(comment) = text.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(decorator) = comment.strip_prefix('@') {
                let name: String = decorator
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    found.push(name);
                }
            }
            continue;
        }
        // Decorators (and their continuation lines) belong to the block; anything else ends it.
        let decorator_line = text.starts_with('@')
            || handler.decorator_list.iter().any(|d| {
                let start = source.position(d.range().start()).line;
                let end = source.position(d.range().end()).line;
                (start..=end).contains(&line)
            });
        if !decorator_line {
            break;
        }
    }
    found.reverse();
    found
}

/// `@jwt_required(optional=True)`: the view also runs for callers without a token. Also
/// `@jwt_required("admin")` (Vehicle_Parking): Flask-JWT-Extended's first parameter is
/// `optional`, so any truthy literal written there, meant as a role, makes the token optional.
pub fn allows_anonymous(decorator: &Expr) -> bool {
    let Expr::Call(call) = decorator else {
        return false;
    };
    let truthy = |value: &Expr| match value {
        Expr::BooleanLiteral(literal) => literal.value,
        Expr::StringLiteral(literal) => !literal.value.is_empty(),
        Expr::NumberLiteral(number) => !matches!(
            number.value,
            ast::Number::Int(ref int) if int.as_u8() == Some(0)
        ),
        _ => false,
    };
    let optional_first = matches!(
        super::records::callee_last(&call.func),
        Some("jwt_required" | "verify_jwt_in_request")
    ) && call.arguments.args.first().is_some_and(truthy);
    optional_first
        || call.arguments.find_keyword("optional").is_some_and(|k| {
            matches!(
                k.value,
                Expr::BooleanLiteral(ast::ExprBooleanLiteral { value: true, .. })
            )
        })
}

fn collect_calls<'a>(body: &'a [Stmt], out: &mut Vec<&'a Expr>) {
    struct Calls<'o, 'a> {
        out: &'o mut Vec<&'a Expr>,
    }
    impl<'a> Visitor<'a> for Calls<'_, 'a> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::Call(call) = expr {
                self.out.push(&call.func);
            }
            visitor::walk_expr(self, expr);
        }
    }
    Calls { out }.visit_body(body);
}

/// A call without arguments of a function named for a secret (pyfedi's
/// `expected = get_private_registration_secret()` before `compare_digest(expected, provided)`):
/// one value for every caller, unlike a row's `user.api_key`.
fn secret_getter(expr: &Expr) -> Option<String> {
    let Expr::Call(call) = expr else { return None };
    if !call.arguments.is_empty() {
        return None;
    }
    let name = match call.func.as_ref() {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => return None,
    };
    let lower = name.to_ascii_lowercase();
    ["secret", "api_key", "apikey", "token", "password"]
        .iter()
        .any(|word| lower.contains(word))
        .then(|| format!("{name}()"))
}

/// The one expression `name` is assigned among `locals`, if it is assigned once.
pub fn assigned_once<'e>(locals: &[(&str, &'e Expr)], name: &str) -> Option<&'e Expr> {
    let mut found = locals.iter().filter(|(local, _)| *local == name);
    let (_, value) = found.next()?;
    found.next().is_none().then_some(*value)
}

fn is_true(expr: &Expr) -> bool {
    matches!(expr, Expr::BooleanLiteral(literal) if literal.value)
}

/// Calls `visit` on every statement in `body`, nested ones included.
pub fn visit_stmts<'a>(body: &'a [Stmt], visit: &mut impl FnMut(&'a Stmt)) {
    StmtWalker {
        visit,
        into_scopes: true,
    }
    .visit_body(body);
}

/// Like [`visit_stmts`], within one scope: a nested `def` or `class` statement is visited, its
/// body is not (it is a scope of its own, with its own locals).
pub fn visit_scope_stmts<'a>(body: &'a [Stmt], visit: &mut impl FnMut(&'a Stmt)) {
    StmtWalker {
        visit,
        into_scopes: false,
    }
    .visit_body(body);
}

struct StmtWalker<'f, F> {
    visit: &'f mut F,
    /// Whether the bodies of nested functions and classes are walked too.
    into_scopes: bool,
}

impl<'a, F: FnMut(&'a Stmt)> Visitor<'a> for StmtWalker<'_, F> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        (self.visit)(stmt);
        if self.into_scopes || !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            visitor::walk_stmt(self, stmt);
        }
    }

    // No statement sits inside an expression: walking every expression of every statement
    // found nothing and was most of what the statement-reading rules cost.
    fn visit_expr(&mut self, _expr: &'a Expr) {}
}

/// Stops at the first expression for which `predicate` holds.
struct ExprFinder<'p, P> {
    predicate: &'p mut P,
    found: bool,
}

impl<'a, P: FnMut(&'a Expr) -> bool> Visitor<'a> for ExprFinder<'_, P> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if !self.found {
            visitor::walk_stmt(self, stmt);
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found {
            return;
        }
        if (self.predicate)(expr) {
            self.found = true;
            return;
        }
        visitor::walk_expr(self, expr);
    }
}

/// How a `before_request` hook reads in messages: "`before_request`
/// (secure_message/application.py:79)".
fn hook_place(model: &ProjectModel<'_>, module: usize, hook: &ast::StmtFunctionDef) -> String {
    let file = model.modules[module].file;
    format!(
        "`{}` ({}:{})",
        hook.name,
        file.display_path(),
        file.position(hook.range().start()).line
    )
}

/// Whether a `return` of `body` (not of a nested function) returns a value `test` accepts.
pub fn any_returned<'a>(body: &'a [Stmt], test: &mut dyn FnMut(&'a Expr) -> bool) -> bool {
    let mut found = false;
    visit_scope_stmts(body, &mut |stmt| {
        if !found
            && let Stmt::Return(ret) = stmt
            && let Some(value) = ret.value.as_deref()
            && test(value)
        {
            found = true;
        }
    });
    found
}

/// Whether `body` contains an expression for which `predicate` holds.
pub fn any_expr<'a>(body: &'a [Stmt], predicate: &mut impl FnMut(&'a Expr) -> bool) -> bool {
    let mut finder = ExprFinder {
        predicate,
        found: false,
    };
    finder.visit_body(body);
    finder.found
}

/// Whether `expr` contains a sub-expression for which `predicate` holds.
pub fn expr_contains<'a>(expr: &'a Expr, predicate: &mut impl FnMut(&'a Expr) -> bool) -> bool {
    let mut finder = ExprFinder {
        predicate,
        found: false,
    };
    finder.visit_expr(expr);
    finder.found
}

/// `abort(403)`, `return ..., 403`, `raise Forbidden(...)`: the code refuses some callers.
pub fn forbids(body: &[Stmt]) -> bool {
    any_expr(body, &mut |expr| match expr {
        Expr::NumberLiteral(number) => {
            matches!(&number.value, ast::Number::Int(i) if i.as_u64() == Some(403))
        }
        Expr::Name(name) => matches!(name.id.as_str(), "Forbidden" | "PermissionDenied"),
        Expr::Attribute(attribute) => matches!(attribute.attr.as_str(), "FORBIDDEN" | "Forbidden"),
        _ => false,
    })
}

/// Whether the handler can answer 403 for some reason other than a missing credential: a 403
/// under `if not token:` / `if "Authorization" not in request.headers:` refuses anonymous
/// callers, not other users' objects, unless the test also involves a URL variable. A function
/// the handler defines and calls is part of it (a gym app's handler defines a `@jwt_required()`
/// inner function comparing the token's customer with the URL's, then `return _inner()`).
pub fn refuses_other_callers(body: &[Stmt], variables: &[&str]) -> bool {
    refuses_in(body, variables)
        || body.iter().any(|stmt| match stmt {
            Stmt::FunctionDef(inner) => {
                calls_name(body, inner.name.as_str()) && refuses_in(&inner.body, variables)
            }
            _ => false,
        })
}

/// A test about the client's network address or request rate, not about who the caller is:
/// `SecurityManager.is_ip_blocked()`, `is_rate_limited()`, `request.remote_addr in BANNED`
/// (hsrm5060's `before_request` hook answers 403 to blocked addresses, which says nothing
/// about which claims a logged-in employee may touch).
fn tests_client_address_or_rate(test: &Expr) -> bool {
    expr_contains(test, &mut |e| {
        let name = match e {
            Expr::Name(name) => name.id.as_str(),
            Expr::Attribute(attribute) => attribute.attr.as_str(),
            _ => return false,
        };
        crate::model::context::words(name).iter().any(|word| {
            matches!(
                word.as_str(),
                "ip" | "addr" | "rate" | "throttle" | "throttled"
            )
        })
    })
}

/// A test that decides whether the request gets in at all, not which records the caller may
/// touch: a credential's presence, a login, the client's address or rate; unless it also
/// involves a URL variable.
fn only_about_admission(test: &Expr, variables: &[&str]) -> bool {
    (tests_credential_presence(test)
        || only_tests_login(test)
        || tests_client_address_or_rate(test))
        && !mentions_name(test, variables)
}

/// Whether `body` calls the function bound to `name` (`return _inner()`).
fn calls_name(body: &[Stmt], name: &str) -> bool {
    any_expr(body, &mut |expr| {
        matches!(expr, Expr::Call(call)
            if matches!(call.func.as_ref(), Expr::Name(callee) if callee.id.as_str() == name))
    })
}

fn refuses_in(body: &[Stmt], variables: &[&str]) -> bool {
    body.iter().any(|stmt| match stmt {
        Stmt::If(branch) => {
            (!only_about_admission(&branch.test, variables) && refuses_in(&branch.body, variables))
                || branch.elif_else_clauses.iter().any(|clause| {
                    !clause
                        .test
                        .as_ref()
                        .is_some_and(|test| only_about_admission(test, variables))
                        && refuses_in(&clause.body, variables)
                })
        }
        Stmt::For(stmt) => refuses_in(&stmt.body, variables) || refuses_in(&stmt.orelse, variables),
        Stmt::While(stmt) => {
            refuses_in(&stmt.body, variables) || refuses_in(&stmt.orelse, variables)
        }
        Stmt::With(stmt) => refuses_in(&stmt.body, variables),
        Stmt::Try(stmt) => {
            refuses_in(&stmt.body, variables)
                || stmt.handlers.iter().any(|handler| {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    refuses_in(&handler.body, variables)
                })
                || refuses_in(&stmt.orelse, variables)
                || refuses_in(&stmt.finalbody, variables)
        }
        Stmt::FunctionDef(_) | Stmt::ClassDef(_) => false,
        other => forbids(std::slice::from_ref(other)),
    })
}

/// An `if` among a function's own statements that refuses (403, 401, a raise) on a test naming
/// a role or permission: `if not has_permission("ADMIN"): abort(403)`,
/// `if not current_user.is_admin: raise Forbidden()`. A refusal on other grounds (a missing
/// record, a bad form) says nothing about what the caller may do.
fn refuses_on_role_test(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| {
        let Stmt::If(branch) = stmt else { return false };
        // Asked of the caller: a permission call, or a privilege flag of a user; not a regex
        // `match.group(0)` or a `role` argument the function filters by.
        let names_role = expr_contains(&branch.test, &mut |e| match e {
            Expr::Call(call) => super::records::callee_last(&call.func).is_some_and(|name| {
                let lower = name.to_ascii_lowercase();
                [
                    "permission",
                    "role",
                    "admin",
                    "privilege",
                    "authoriz",
                    "capabilit",
                ]
                .iter()
                .any(|w| lower.contains(w))
                    || matches!(lower.as_str(), "can" | "has_perm" | "has_perms")
            }),
            Expr::Attribute(a) => matches!(
                a.attr.as_str(),
                "is_admin" | "is_staff" | "is_superuser" | "admin" | "role" | "roles"
            ),
            _ => false,
        });
        // HealthPlus's `check_is_pharmacist()`: a role test answered with 401 still turns away
        // every signed-in caller without the role.
        names_role && (forbids(&branch.body) || answers_unauthorized(&branch.body))
    })
}

/// Whether the statements answer 401 (`abort(401)`, `raise Unauthorized()`).
fn answers_unauthorized(body: &[Stmt]) -> bool {
    any_expr(body, &mut |expr| match expr {
        Expr::NumberLiteral(number) => {
            matches!(&number.value, ast::Number::Int(i) if i.as_u64() == Some(401))
        }
        Expr::Name(name) => name.id.as_str() == "Unauthorized",
        Expr::Attribute(attribute) => {
            matches!(attribute.attr.as_str(), "UNAUTHORIZED" | "Unauthorized")
        }
        _ => false,
    })
}

/// `not token`, `token is None`, `"Authorization" not in request.headers`, `not auth_header`:
/// a test of whether the caller sent a credential at all.
fn tests_credential_presence(test: &Expr) -> bool {
    use ast::CmpOp;
    // A comparison of values (`owner != get_jwt_identity()`) is a check, not a presence test.
    let compares_values = expr_contains(test, &mut |e| {
        matches!(e, Expr::Compare(compare) if compare.ops.iter().any(|op| !matches!(
            op,
            CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn
        )))
    });
    if compares_values {
        return false;
    }
    expr_contains(test, &mut |e| match e {
        Expr::Name(name) => {
            let lower = name.id.to_ascii_lowercase();
            !lower.contains("identity")
                && ["token", "auth", "bearer", "header", "api_key", "apikey"]
                    .iter()
                    .any(|word| lower.contains(word))
        }
        Expr::StringLiteral(text) => text.value.to_str().eq_ignore_ascii_case("authorization"),
        Expr::Attribute(attribute) => {
            matches!(attribute.attr.as_str(), "headers" | "authorization")
        }
        _ => false,
    })
}

fn mentions_name(expr: &Expr, names: &[&str]) -> bool {
    expr_contains(
        expr,
        &mut |e| matches!(e, Expr::Name(n) if names.contains(&n.id.as_str())),
    )
}

/// The role names a test in `body` compares a role with: `'host'` in `if user.role != 'host'`,
/// `'editor'` and `'viewer'` in `if g.role not in ('editor', 'viewer')`; and the privilege a
/// test reads by name (`is_admin` in `if not user.is_admin`).
fn compared_role_names(body: &[Stmt]) -> Vec<String> {
    let names_role = |expr: &Expr| match expr {
        Expr::Attribute(a) => a.attr.to_ascii_lowercase().contains("role"),
        Expr::Name(n) => n.id.to_ascii_lowercase().contains("role"),
        Expr::Subscript(s) => matches!(s.slice.as_ref(),
            Expr::StringLiteral(key) if key.value.to_str().to_ascii_lowercase().contains("role")),
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Attribute(get) if get.attr.as_str() == "get")
                && matches!(call.arguments.args.first(),
                Some(Expr::StringLiteral(key)) if key.value.to_str().to_ascii_lowercase().contains("role"))
        }
        _ => false,
    };
    let mut names = Vec::new();
    let literals = |expr: &Expr, names: &mut Vec<String>| match expr {
        Expr::StringLiteral(s) => names.push(s.value.to_str().to_string()),
        Expr::List(ast::ExprList { elts, .. })
        | Expr::Tuple(ast::ExprTuple { elts, .. })
        | Expr::Set(ast::ExprSet { elts, .. }) => {
            names.extend(elts.iter().filter_map(|e| match e {
                Expr::StringLiteral(s) => Some(s.value.to_str().to_string()),
                _ => None,
            }))
        }
        _ => {}
    };
    visit_stmts(body, &mut |stmt| {
        let test = match stmt {
            Stmt::If(stmt) => stmt.test.as_ref(),
            Stmt::Assert(stmt) => stmt.test.as_ref(),
            _ => return,
        };
        expr_contains(test, &mut |e| {
            let read = match e {
                Expr::Attribute(a) => Some(a.attr.as_str()),
                Expr::Name(n) => Some(n.id.as_str()),
                _ => None,
            };
            // By whole words: `all(...)` and `is_allowed` read no privilege.
            if let Some(read) = read
                && read.split('_').any(|word| {
                    matches!(
                        word.to_ascii_lowercase().as_str(),
                        "admin"
                            | "superuser"
                            | "superadmin"
                            | "staff"
                            | "moderator"
                            | "owner"
                            | "root"
                            | "sudo"
                            | "privileged"
                            | "manager"
                    )
                })
            {
                names.push(read.to_string());
            }
            if let Expr::Compare(compare) = e {
                let sides: Vec<&Expr> = std::iter::once(compare.left.as_ref())
                    .chain(compare.comparators.iter())
                    .collect();
                if sides.iter().any(|side| names_role(side)) {
                    for side in sides {
                        literals(side, &mut names);
                    }
                }
            }
            false
        });
    });
    names.sort();
    names.dedup();
    names
}

/// A comparison or test that mentions roles, scopes, permissions or admin status.
pub fn mentions_role(body: &[Stmt]) -> bool {
    let mut found = false;
    // Flask-Principal's `org.permissions["members"].test()` (raises 403 unless the caller has
    // it) and `with admin_permission.require(): ...`.
    let asks_permission = |expr: &Expr| {
        matches!(expr, Expr::Call(call) if matches!(call.func.as_ref(),
        Expr::Attribute(a) if matches!(a.attr.as_str(), "test" | "require")
            && expr_contains(&a.value, &mut |e| match e {
                Expr::Attribute(a) => is_role_word(a.attr.as_str()),
                Expr::Name(n) => is_role_word(n.id.as_str()),
                _ => false,
            })))
    };
    // `AuthorizationService.check_for_permission(token)`, `require_permission(...)`: a call
    // whose result is dropped, named for checking a permission, can only refuse by raising
    // (spiff-arena's `before_request` hook checks the caller's permission for the path so).
    let calls_permission_check = |expr: &Expr| {
        let Expr::Call(call) = expr else { return false };
        let Some(name) = super::records::callee_last(&call.func) else {
            return false;
        };
        let lower = name.to_ascii_lowercase();
        ["check", "require", "ensure", "assert", "enforce", "verify"]
            .iter()
            .any(|verb| lower.starts_with(verb))
            && is_role_word(name)
    };
    // WorkZen's sign-up: `role = request.form.get('role', 'Admin')`, then `if role not in
    // ['Admin', 'HR Officer', ...]: errors.append(...)` validates the role asked for; it says
    // nothing of the caller's.
    // What a value is read from by key: `data` of `data["role"]` and `data.get("role")`.
    fn keyed_holder(expr: &Expr) -> &Expr {
        match expr {
            Expr::Subscript(subscript) => subscript.value.as_ref(),
            Expr::Call(call) => match call.func.as_ref() {
                Expr::Attribute(a) if a.attr.as_str() == "get" => a.value.as_ref(),
                _ => expr,
            },
            _ => expr,
        }
    }
    // Also through a local holding the request's data: safedrive's `data = request.get_json()`,
    // `role = data['role']`, then `if role != 'admin' and not validate_phone(phone)`.
    let assignments = local_assignments(body);
    let mut requested: Vec<&str> = assignments
        .iter()
        .filter(|(_, value)| is_request_data(value))
        .map(|(name, _)| *name)
        .collect();
    for _ in 0..2 {
        for (name, value) in &assignments {
            if !requested.contains(name)
                && matches!(keyed_holder(value), Expr::Name(n) if requested.contains(&n.id.as_str()))
            {
                requested.push(name);
            }
        }
    }
    // Club-System's sign-up: `form = RegistrationForm()`, then `if form.role.data ==
    // "Student":` picks what profile to make for the role asked for.
    let forms: Vec<&str> = super::request_data::form_locals(&assignments)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    // `role`, `data["role"]`, `data.get("role")` where `data = request.get_json()`.
    let asks_for = |expr: &Expr| {
        names_request_target(expr)
            || is_request_data(expr)
            || matches!(keyed_holder(expr), Expr::Name(n) if requested.contains(&n.id.as_str()))
            || super::request_data::form_field(expr, &forms).is_some()
    };
    visit_stmts(body, &mut |stmt| {
        match stmt {
            Stmt::Expr(expression) => {
                found |=
                    asks_permission(&expression.value) || calls_permission_check(&expression.value);
            }
            Stmt::With(with) => {
                found |= with
                    .items
                    .iter()
                    .any(|item| asks_permission(&item.context_expr));
            }
            _ => {}
        }
        let test = match stmt {
            Stmt::If(stmt) => Some(stmt.test.as_ref()),
            Stmt::Assert(stmt) => Some(stmt.test.as_ref()),
            _ => None,
        };
        if let Some(test) = test {
            // `request.endpoint not in ("admin.db_configuration", ...)` names views, not roles.
            let mut about_request: Vec<TextRange> = Vec::new();
            expr_contains(test, &mut |e| {
                if let Expr::Compare(compare) = e
                    && std::iter::once(compare.left.as_ref())
                        .chain(compare.comparators.iter())
                        .any(asks_for)
                {
                    about_request.push(compare.range());
                }
                false
            });
            found |= expr_contains(test, &mut |e| match e {
                Expr::StringLiteral(s) => {
                    is_role_word(s.value.to_str())
                        && !about_request.iter().any(|r| r.contains_range(s.range()))
                }
                Expr::Attribute(a) => {
                    is_role_word(a.attr.as_str())
                        && !about_request.iter().any(|r| r.contains_range(a.range()))
                }
                Expr::Name(n) => {
                    is_role_word(n.id.as_str())
                        && !names_data(n.id.as_str())
                        && !requested.contains(&n.id.as_str())
                        && !about_request.iter().any(|r| r.contains_range(n.range()))
                }
                _ => false,
            });
        }
    });
    found
}

/// A value the request's body, form or query string gives (`request.form.get("role")`,
/// `request.json["role"]`, `request.get_json()`): what the caller asks for, not who they are
/// (headers, which carry credentials, are not counted).
fn is_request_data(expr: &Expr) -> bool {
    expr_contains(expr, &mut |e| {
        matches!(e, Expr::Attribute(a)
            if matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request")
                && matches!(a.attr.as_str(), "form" | "json" | "args" | "values" | "get_json" | "data"))
    })
}

/// `request.endpoint`, `request.path`, `request.blueprint`: which view a request is for.
fn names_request_target(expr: &Expr) -> bool {
    matches!(expr, Expr::Attribute(a)
    if matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request")
        && matches!(
            a.attr.as_str(),
            "endpoint" | "path" | "full_path" | "url" | "blueprint" | "url_rule"
        ))
}

/// A local holding request data about a role rather than the caller's role: `admin_data`,
/// `admin_form`, `role_name`, `admin_email` (smorest's `/register-admin` tested
/// `admin_data["username"]`, which is no role check).
fn names_data(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.rsplit('_').next().is_some_and(|last| {
        matches!(
            last,
            "data"
                | "form"
                | "json"
                | "payload"
                | "body"
                | "schema"
                | "name"
                | "username"
                | "email"
                | "id"
                | "list"
                | "args"
        )
    }) && lower.contains('_')
}

fn compares_claims_and_forbids(body: &[Stmt]) -> bool {
    (forbids(body)
        || any_expr(
            body,
            &mut |e| matches!(e, Expr::NumberLiteral(n) if matches!(&n.value, ast::Number::Int(i) if i.as_u64() == Some(401))),
        ))
        && mentions_role(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_variables_with_and_without_converters() {
        assert_eq!(
            url_variables("/users/<int:user_id>/notes/<note_id>"),
            vec![
                UrlVariable {
                    name: "user_id".into(),
                    converter: Some("int".into())
                },
                UrlVariable {
                    name: "note_id".into(),
                    converter: None
                },
            ]
        );
        assert_eq!(url_variables("/health"), vec![]);
        assert_eq!(join_rule("/api/", "/users"), "/api/users");
    }

    fn handler_body(source: &str) -> ast::ModModule {
        ruff_python_parser::parse_module(source)
            .expect("parses")
            .into_syntax()
    }

    #[test]
    fn a_check_in_an_inner_function_the_handler_calls_is_the_handlers() {
        let body = |module: &ast::ModModule| match module.body.first() {
            Some(Stmt::FunctionDef(def)) => def.body.clone(),
            _ => panic!("a function"),
        };
        let called = handler_body(
            "def view(customer_id):\n    @jwt_required()\n    def inner():\n        if int(get_jwt_identity()) != customer_id:\n            return {}, 403\n        return {}\n    return inner()\n",
        );
        assert!(refuses_other_callers(&body(&called), &["customer_id"]));
        // Defined and never called: it refuses nothing.
        let uncalled = handler_body(
            "def view(customer_id):\n    def inner():\n        if int(get_jwt_identity()) != customer_id:\n            return {}, 403\n    return {}\n",
        );
        assert!(!refuses_other_callers(&body(&uncalled), &["customer_id"]));
    }
}

/// What a handler can compare a URL variable with: expressions that carry the caller's
/// identity, and the local names that hold them.
pub struct IdentityScan<'c, 'a> {
    context: AuthContext<'c, 'a>,
    module: usize,
    /// Local names bound to identity (injected parameters, `me = get_jwt_identity()`, claims).
    pub names: HashSet<&'a str>,
    /// Where the handler reads the session under a key built at run time: see
    /// [`session_working_values`].
    working_values: Vec<TextRange>,
}

impl<'c, 'a> IdentityScan<'c, 'a> {
    pub fn new(
        model: &'c ProjectModel<'a>,
        routes: &'c RouteModel<'a>,
        files: &'c [FileModel<'a>],
        route: &Route<'a>,
    ) -> Self {
        let mut scan = IdentityScan {
            context: routes.context(model, files),
            module: route.module,
            names: injected_parameters(model, route)
                .into_iter()
                .filter_map(|n| {
                    route
                        .handler
                        .parameters
                        .iter_non_variadic_params()
                        .map(|p| p.parameter.name.as_str())
                        .find(|p| *p == n)
                })
                .collect(),
            working_values: Vec::new(),
        };
        scan.working_values = session_working_values(&scan.context, route);
        let assignments = local_assignments(&route.handler.body);
        let context = &scan.context;
        let carries_identity = |scan: &IdentityScan<'_, 'a>, value: &Expr| {
            let verifying_call = expr_contains(value, &mut |e| {
                let Expr::Call(call) = e else { return false };
                let Some(qualified) = context.qualified(route.module, &call.func) else {
                    return false;
                };
                files[route.module]
                    .jwt_calls
                    .iter()
                    .any(|c| std::ptr::eq(c.call, call))
                    || context
                        .function_for(route.module, &qualified)
                        .is_some_and(|(m, def)| context.authenticates(m, def, 0))
            });
            verifying_call || scan.contains_identity(value)
        };
        // `user, err = _require_auth()` (Project-2's paper trading): a helper that authenticates
        // hands back the caller first and an error answer second.
        let mut unpacked: Vec<(&'a str, &'a Expr)> = Vec::new();
        visit_scope_stmts(&route.handler.body, &mut |stmt| {
            let Stmt::Assign(assign) = stmt else { return };
            let [Expr::Tuple(targets)] = assign.targets.as_slice() else {
                return;
            };
            let Some(Expr::Name(first)) = targets.elts.first() else {
                return;
            };
            let names_an_error = matches!(
                first.id.as_str(),
                "err" | "error" | "errors" | "resp" | "response" | "ok" | "success"
            );
            if targets.elts.len() == 2 && !names_an_error && matches!(*assign.value, Expr::Call(_))
            {
                unpacked.push((first.id.as_str(), &assign.value));
            }
        });
        for (name, value) in unpacked {
            if carries_identity(&scan, value) {
                scan.names.insert(name);
            }
        }
        // A fixed point over `a = f(b)` chains; bodies are small, three rounds are plenty. A
        // name counts only when every assignment to it carries the identity: queds's
        // `tickers` holds the caller's wallet tickers in one branch and any watchlist's in the
        // other, so it relates nothing to the caller.
        for _ in 0..3 {
            for (name, value) in &assignments {
                if scan.names.contains(name) || !carries_identity(&scan, value) {
                    continue;
                }
                // `transactions = transactions.filter_by(id=transaction_id)` narrows what the
                // name already holds (ralfeus/order's transactions, first scoped to
                // `customer=current_user`): it keeps whatever the other assignments give it.
                // So does `user_id = int(user_id)` after `user_id = get_jwt_identity()`
                // (drillbuilder): a conversion of what the name holds.
                let every_assignment = assignments
                    .iter()
                    .filter(|(other, value)| {
                        other == name
                            && root_name(value) != Some(*name)
                            && !converts_itself(value, name)
                    })
                    .all(|(_, value)| carries_identity(&scan, value));
                if every_assignment {
                    scan.names.insert(name);
                }
            }
        }
        scan
    }

    /// Whether `expr` reads the caller's identity somewhere inside.
    pub fn contains_identity(&self, expr: &Expr) -> bool {
        expr_contains(expr, &mut |e| self.is_identity_atom(e))
    }

    fn is_identity_atom(&self, expr: &Expr) -> bool {
        let receiver = match expr {
            Expr::Attribute(attribute) => attribute.value.range(),
            Expr::Call(call) => match call.func.as_ref() {
                Expr::Attribute(method) => method.value.range(),
                other => other.range(),
            },
            other => other.range(),
        };
        if self.working_values.contains(&receiver) {
            return false;
        }
        match expr {
            Expr::Name(name) if self.names.contains(name.id.as_str()) => true,
            Expr::Name(_) | Expr::Attribute(_) | Expr::Call(_) => {
                let target = match expr {
                    Expr::Call(call) => call.func.as_ref(),
                    other => other,
                };
                let Some(qualified) = self.context.qualified(self.module, target) else {
                    return false;
                };
                is_identity_name(&qualified)
                    || matches!(expr, Expr::Call(_))
                        && self
                            .context
                            .function_for(self.module, &qualified)
                            .is_some_and(|(module, def)| {
                                returns_identity(&self.context, module, def, 0)
                            })
            }
            _ => false,
        }
    }
}

/// The `session` receivers of the handler's reads under a key built at run time (Sphere's
/// `session[f"po_chain_{po}"]`, an approval chain kept between two requests; `session.pop(key)`,
/// `key in session`): Flask's session holds more than the login, and such an entry is a working
/// value that says nothing of the caller. Entries under literal keys and the session handed on
/// whole still read the caller.
fn session_working_values(context: &AuthContext<'_, '_>, route: &Route<'_>) -> Vec<TextRange> {
    let is_session =
        |e: &Expr| context.qualified(route.module, e).as_deref() == Some("flask.session");
    let mut working = Vec::new();
    any_expr(&route.handler.body, &mut |e| {
        let receiver = entry_read(e).map(|entry| (entry.mapping, entry.key));
        if let Some((session, key)) = receiver
            && !matches!(key, Some(Expr::StringLiteral(_)))
            && is_session(session)
        {
            working.push(session.range());
        }
        false
    });
    working
}

/// How an entry of a mapping is read by key.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EntryRead {
    /// `mapping[key]`, read or stored.
    Item,
    /// `mapping.get(key)`.
    Get,
    /// `mapping.pop(key)` or `mapping.setdefault(key)`.
    Take,
    /// `key in mapping`, `key not in mapping`.
    Membership,
}

/// One keyed access of a mapping: the mapping, the key (absent for a call with no argument)
/// and how it is read. Session checks and session working values ask the same shapes.
struct EntryAccess<'e> {
    mapping: &'e Expr,
    key: Option<&'e Expr>,
    how: EntryRead,
}

fn entry_read(expr: &Expr) -> Option<EntryAccess<'_>> {
    match expr {
        Expr::Subscript(subscript) => Some(EntryAccess {
            mapping: &subscript.value,
            key: Some(&subscript.slice),
            how: EntryRead::Item,
        }),
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Attribute(method) => {
                let how = match method.attr.as_str() {
                    "get" => EntryRead::Get,
                    "pop" | "setdefault" => EntryRead::Take,
                    _ => return None,
                };
                Some(EntryAccess {
                    mapping: &method.value,
                    key: call.arguments.args.first(),
                    how,
                })
            }
            _ => None,
        },
        Expr::Compare(compare)
            if matches!(compare.ops.as_ref(), [ast::CmpOp::In | ast::CmpOp::NotIn]) =>
        {
            compare.comparators.first().map(|mapping| EntryAccess {
                mapping,
                key: Some(&compare.left),
                how: EntryRead::Membership,
            })
        }
        _ => None,
    }
}

/// A literal session key naming the login: `"user_id"`, `"username"`, `"logged_in"`,
/// `"email"`, `"role"`; not `"cart"`, `"lang"`, `"next"`, nor a key built at run time.
fn session_key_names_caller(key: &Expr) -> bool {
    let Expr::StringLiteral(key) = key else {
        return false;
    };
    crate::model::context::words(key.value.to_str())
        .iter()
        .any(|word| {
            matches!(
                word.as_str(),
                "user"
                    | "users"
                    | "uid"
                    | "username"
                    | "userid"
                    | "id"
                    | "identity"
                    | "account"
                    | "login"
                    | "logged"
                    | "auth"
                    | "authenticated"
                    | "email"
                    | "member"
                    | "admin"
                    | "role"
                    | "profile"
                    | "customer"
                    | "student"
                    | "employee"
                    | "staff"
                    | "patient"
                    | "token"
                    | "jwt"
                    | "name"
            ) || crate::model::records::names_account(word)
        })
}

/// Whether a project function returns something built from the caller's identity: the
/// caller's row, or a query already narrowed to the caller's rows (queds's
/// `filter_by_username(Model)`, returning `Model.query.filter(Model.user_id ==
/// get_jwt_identity())`), directly, through its locals or through a helper of its own.
/// A lookup chained onto what it returns is scoped to the caller.
fn returns_identity(
    context: &AuthContext<'_, '_>,
    module: usize,
    def: &ast::StmtFunctionDef,
    depth: usize,
) -> bool {
    let is_identity = |expr: &Expr, names: &HashSet<&str>| {
        expr_contains(expr, &mut |e| match e {
            Expr::Name(name) if names.contains(name.id.as_str()) => true,
            // kickinslowly's `User.query.filter_by(email=session["user_info"]["email"])`: the
            // session's login entry, read by a literal key naming it.
            Expr::Subscript(_) => reads_session_login(e),
            Expr::Name(_) | Expr::Attribute(_) | Expr::Call(_) => {
                let target = match e {
                    Expr::Call(call) => call.func.as_ref(),
                    other => other,
                };
                context.qualified(module, target).is_some_and(|qualified| {
                    returned_as_caller(&qualified)
                        || depth < 2
                            && matches!(e, Expr::Call(_))
                            && context.function_for(module, &qualified).is_some_and(
                                |(inner_module, inner)| {
                                    inner.range() != def.range()
                                        && returns_identity(context, inner_module, inner, depth + 1)
                                },
                            )
                })
            }
            _ => false,
        })
    };
    let assignments = scope_assignments(&def.body);
    let mut names: HashSet<&str> = HashSet::default();
    for _ in 0..3 {
        for (name, value) in &assignments {
            if !names.contains(name) && is_identity(value, &names) {
                names.insert(name);
            }
        }
    }
    let mut returns = false;
    visit_scope_stmts(&def.body, &mut |stmt| {
        if let Stmt::Return(ast::StmtReturn {
            value: Some(value), ..
        }) = stmt
        {
            returns |= is_identity(value, &names);
        }
    });
    returns
}

/// [`is_identity_name`] for what a helper returns, where `g` and the session hold anything
/// a request needs (pb's `get_db()` returns `g.db`): only their entries named for the caller.
fn returned_as_caller(qualified: &str) -> bool {
    let entry = match qualified.strip_prefix("flask.g.") {
        Some(attribute) => attribute,
        None if qualified.starts_with("flask.session") => return false,
        None => return is_identity_name(qualified),
    };
    let entry = entry
        .split('.')
        .next()
        .unwrap_or(entry)
        .to_ascii_lowercase();
    [
        "user",
        "identity",
        "account",
        "caller",
        "member",
        "principal",
    ]
    .iter()
    .any(|word| entry.contains(word))
}

/// Whether `expr` reads a request header named for a credential: `request.headers.get(
/// "Authorization")`, `request.headers["X-API-Key"]`.
fn credential_header_read(expr: &Expr) -> bool {
    let (receiver, name) = match expr {
        Expr::Call(call) => match (call.func.as_ref(), call.arguments.args.first()) {
            (Expr::Attribute(get), Some(Expr::StringLiteral(name)))
                if get.attr.as_str() == "get" =>
            {
                (get.value.as_ref(), name.value.to_str())
            }
            _ => return false,
        },
        Expr::Subscript(subscript) => match subscript.slice.as_ref() {
            Expr::StringLiteral(name) => (subscript.value.as_ref(), name.value.to_str()),
            _ => return false,
        },
        _ => return false,
    };
    let headers = matches!(receiver, Expr::Attribute(a)
    if a.attr.as_str() == "headers"
        && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request"));
    let lower = name.to_ascii_lowercase();
    headers
        && ["auth", "key", "token", "secret", "password"]
            .iter()
            .any(|word| lower.contains(word))
}

/// Qualified names that carry the authenticated caller's identity.
pub fn is_identity_name(qualified: &str) -> bool {
    const EXACT_PREFIXES: &[&str] = &[
        "flask_jwt_extended.get_jwt_identity",
        "flask_jwt_extended.get_jwt",
        "flask_jwt_extended.get_current_user",
        "flask_jwt_extended.current_user",
        "flask_login.current_user",
        "flask_security.current_user",
        "flask_praetorian.current_user",
        "flask_jwt.current_identity",
        "flask.session",
    ];
    if EXACT_PREFIXES.iter().any(|p| qualified.starts_with(p)) {
        return true;
    }
    if let Some(attribute) = qualified.strip_prefix("flask.g.") {
        return !attribute.is_empty();
    }
    if let Some(attribute) = qualified.strip_prefix("flask.request.") {
        let first = attribute.split(['.', '(']).next().unwrap_or("");
        return !first.is_empty() && !REQUEST_ATTRIBUTES.contains(&first);
    }
    // `auth.current_user()` on a flask_httpauth object, or a project's `get_current_user()`.
    let last = qualified.rsplit('.').next().unwrap_or(qualified);
    last.contains("current_user") || last.contains("current_identity") || last == "get_jwt_identity"
}

/// A view for visitors who are not signed in: it begins by sending signed-in callers away
/// (`if current_user.is_authenticated: return redirect(...)`, dds_web's password-reset
/// request, a login or sign-up form). Whatever else authenticates the route, its callers have
/// no account in session, so nothing it selects is "another user's" to them.
pub fn turns_away_signed_in(body: &[Stmt]) -> bool {
    body.iter().take(4).any(|stmt| {
        let Stmt::If(branch) = stmt else {
            return false;
        };
        let signed_in = match branch.test.as_ref() {
            Expr::Attribute(attribute) => attribute.attr.as_str() == "is_authenticated",
            Expr::Call(call) => {
                matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "is_authenticated")
            }
            _ => false,
        };
        signed_in
            && branch.elif_else_clauses.is_empty()
            && matches!(branch.body.last(), Some(Stmt::Return(_)))
    })
}

/// The targets and the value of an assignment statement (`a = b = value`, `a: int = value`);
/// `None` for any other statement and for an annotation without a value.
pub fn assigned(stmt: &Stmt) -> Option<(&[Expr], &Expr)> {
    match stmt {
        Stmt::Assign(assign) => Some((&assign.targets, &assign.value)),
        Stmt::AnnAssign(assign) => assign
            .value
            .as_deref()
            .map(|value| (std::slice::from_ref(assign.target.as_ref()), value)),
        _ => None,
    }
}

/// `name = value` statements anywhere in `body` (one target name each).
pub fn local_assignments(body: &[Stmt]) -> Vec<(&str, &Expr)> {
    assignments_by(body, false, false)
}

/// [`local_assignments`] and the names a statement unpacks (`found, doc = get_by_id(doc_id)`,
/// `for i, msg in enumerate(messages)`), each bound to the whole value: what a name may carry
/// of a value, for following an id to where it is checked. Not for taint that must stay
/// precise (a Basic credential split into `username, password`).
pub fn local_bindings(body: &[Stmt]) -> Vec<(&str, &Expr)> {
    assignments_by(body, false, true)
}

/// The assignments of one scope: [`local_assignments`] without those of nested functions.
pub fn scope_assignments(body: &[Stmt]) -> Vec<(&str, &Expr)> {
    assignments_by(body, true, false)
}

/// The value each of `count` unpacked names takes, when the value says so element by element:
/// a tuple or list of that many values (`a, b = b, a`), or a call handing that many plain
/// names back in order (OpenPLC's `(user_id, name, email) = sanitize_input(user_id, name,
/// email)`: `name` carries what `name` held, not `user_id`). `None`: each name holds part of the
/// whole value.
fn unpacked_parts(count: usize, value: &Expr) -> Option<&[Expr]> {
    let parts: &[Expr] = match value {
        Expr::Tuple(tuple) => &tuple.elts,
        Expr::List(list) => &list.elts,
        Expr::Call(call)
            if call.arguments.keywords.is_empty()
                && call
                    .arguments
                    .args
                    .iter()
                    .all(|arg| matches!(arg, Expr::Name(_))) =>
        {
            &call.arguments.args
        }
        _ => return None,
    };
    (count >= 2 && parts.len() == count && !parts.iter().any(Expr::is_starred_expr))
        .then_some(parts)
}

fn assignments_by<'a>(
    body: &'a [Stmt],
    this_scope_only: bool,
    unpacked: bool,
) -> Vec<(&'a str, &'a Expr)> {
    let mut out = Vec::new();
    // The statement each cursor last executed (`cursor.execute(sql, (request_id,))`), so the
    // row it hands back next (`row = cursor.fetchone()`) carries the parameters of that
    // statement (RGLABS' team requests, then `row["team_leader_id"] != session["user_id"]`).
    let mut executed: Vec<(&'a str, &'a Expr)> = Vec::new();
    let mut record = |stmt: &'a Stmt| match stmt {
        Stmt::Expr(statement) if unpacked => {
            if let Some(cursor) = cursor_called(&statement.value, &["execute", "executemany"]) {
                executed.retain(|(known, _)| *known != cursor);
                executed.push((cursor, statement.value.as_ref()));
            }
        }
        Stmt::Assign(assign) => {
            if unpacked
                && let Some(cursor) =
                    cursor_called(&assign.value, &["fetchone", "fetchall", "fetchmany"])
                && let Some((_, statement)) = executed.iter().find(|(known, _)| *known == cursor)
            {
                for target in &assign.targets {
                    if let Expr::Name(name) = target {
                        out.push((name.id.as_str(), *statement));
                    }
                }
            }
            for target in &assign.targets {
                match target {
                    Expr::Name(name) => out.push((name.id.as_str(), assign.value.as_ref())),
                    // `found, doc = DocumentService.get_by_id(doc_id)`: each name holds part
                    // of what the call returned.
                    Expr::Tuple(ast::ExprTuple { elts, .. })
                    | Expr::List(ast::ExprList { elts, .. })
                        if unpacked =>
                    {
                        let parts = unpacked_parts(elts.len(), assign.value.as_ref());
                        for (index, element) in elts.iter().enumerate() {
                            if let Expr::Name(name) = element {
                                let part =
                                    parts.map_or(assign.value.as_ref(), |parts| &parts[index]);
                                out.push((name.id.as_str(), part));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Stmt::AnnAssign(assign) => {
            if let (Expr::Name(name), Some(value)) =
                (assign.target.as_ref(), assign.value.as_deref())
            {
                out.push((name.id.as_str(), value));
            }
        }
        // `for i, msg in enumerate(conv["message"])`: the loop's names hold parts of what it
        // iterates.
        Stmt::For(for_stmt) if unpacked => match for_stmt.target.as_ref() {
            Expr::Name(name) => out.push((name.id.as_str(), for_stmt.iter.as_ref())),
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for element in elts {
                    if let Expr::Name(name) = element {
                        out.push((name.id.as_str(), for_stmt.iter.as_ref()));
                    }
                }
            }
            _ => {}
        },
        _ => {}
    };
    if this_scope_only {
        visit_scope_stmts(body, &mut record);
    } else {
        visit_stmts(body, &mut record);
    }
    out
}

/// The name of the cursor `expr` calls one of `methods` on: `cursor` of `cursor.fetchone()`.
fn cursor_called<'a>(expr: &'a Expr, methods: &[&str]) -> Option<&'a str> {
    let Expr::Call(call) = expr else { return None };
    let Expr::Attribute(method) = call.func.as_ref() else {
        return None;
    };
    let Expr::Name(cursor) = method.value.as_ref() else {
        return None;
    };
    methods
        .contains(&method.attr.as_str())
        .then_some(cursor.id.as_str())
}

impl<'a> RouteModel<'a> {
    /// The authentication context, for rules that look into project functions.
    pub fn context<'c>(
        &'c self,
        model: &'c ProjectModel<'a>,
        files: &'c [FileModel<'a>],
    ) -> AuthContext<'c, 'a> {
        AuthContext {
            model,
            files,
            functions: &self.functions,
            authenticating: &self.authenticating,
            unverified_memo: &self.unverified_only,
            administrators_memo: &self.administrators_only,
            permission_gates_memo: &self.permission_gates,
        }
    }
}

/// One row of `flasklint routes`: a route as a reviewer reads it.
#[derive(Clone, Debug, serde::Serialize)]
pub struct RouteRow {
    pub methods: Vec<String>,
    pub rule: String,
    pub handler: String,
    pub path: String,
    pub line: usize,
    /// The handler's last line, to attach findings to the route.
    pub end_line: usize,
    pub authentication: Option<String>,
    /// For a route without authentication: the `before_request` hook that checks a credential
    /// when one is sent and lets requests without one through, which is why it does not count.
    pub optional_authentication: Option<String>,
    pub identity: Option<String>,
    pub authorization: Option<String>,
    /// Where a connexion route's operation is declared: `openapi.yaml:12`.
    pub declared_in: Option<String>,
    /// The applications the route belongs to: "create_app() (app/__init__.py:12)".
    pub apps: Vec<String>,
}

impl RouteModel<'_> {
    /// The development-only registration behind the code at `range` of `module`, when it lies
    /// in a route handler (or its view class) and every route of that handler is
    /// [`Route::registered_only_in_development`].
    pub fn development_registration_at(
        &self,
        module: usize,
        range: TextRange,
    ) -> Option<&DevelopmentRegistration> {
        let mut serving = self.routes.iter().filter(|route| {
            route.module == module
                && route
                    .class
                    .map_or(route.handler.range(), Ranged::range)
                    .contains_range(range)
        });
        let first = serving.next()?.registered_only_in_development.as_ref()?;
        serving
            .all(|route| route.registered_only_in_development.is_some())
            .then_some(first)
    }

    /// Every route in declaration order, for `flasklint routes`.
    pub fn inventory(&self, model: &ProjectModel<'_>, apps: &Apps) -> Vec<RouteRow> {
        self.routes
            .iter()
            .map(|route| {
                let file = model.modules[route.module].file;
                RouteRow {
                    methods: route.methods.clone(),
                    rule: route.rule.clone(),
                    handler: route.handler_name(),
                    path: file.display_path(),
                    line: file.position(route.handler.name.range().start()).line,
                    end_line: file.position(route.handler.range().end()).line,
                    authentication: route
                        .authentication
                        .as_ref()
                        .map(|a| excerpt::one_line(&a.how.replace('`', ""))),
                    optional_authentication: route.optional_hook.as_ref().map(|hook| {
                        format!(
                            "the before_request hook {}, which checks a credential only when one is sent",
                            hook.replace('`', "")
                        )
                    }),
                    identity: route
                        .authentication
                        .as_ref()
                        .map(|a| a.identity.clone())
                        .filter(|identity| !identity.is_empty()),
                    authorization: route
                        .role_check
                        .as_ref()
                        .map(|r| excerpt::one_line(&r.replace('`', ""))),
                    declared_in: route.spec.as_ref().map(|spec| spec.place.clone()),
                    apps: route
                        .units
                        .iter()
                        .filter_map(|&unit| apps.units.get(unit))
                        .map(|unit| unit.label.replace('`', ""))
                        .collect(),
                }
            })
            .collect()
    }
}

/// A statement that is only a string: a docstring, where it opens a body.
pub fn is_docstring(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::Expr(expr) if matches!(expr.value.as_ref(), Expr::StringLiteral(_)))
}

/// Whether `body` reads the request's `Authorization` header (or `request.authorization`).
/// Writing one is not reading it: `{"Authorization": f"Bearer {token}"}` for an outgoing call,
/// `headers["Authorization"] = ...`, `response.headers["Authorization"] = token`; nor is asking
/// whether there is one only to let the request go.
pub fn reads_authorization_header(body: &[Stmt]) -> bool {
    let mentions = |e: &Expr| match e {
        Expr::StringLiteral(s) => s.value.to_str().eq_ignore_ascii_case("authorization"),
        Expr::Attribute(a) => a.attr.as_str() == "authorization",
        _ => false,
    };
    // Most bodies never mention it: decide those in one pass.
    if !any_expr(body, &mut |e| mentions(e)) {
        return false;
    }
    let mut written: Vec<TextRange> = Vec::new();
    // `if request.headers.get("Authorization"): return` (CTFd's CSRF hook, which leaves API
    // calls to the token check): the header only lets a request go.
    let mut waived: Vec<TextRange> = Vec::new();
    visit_stmts(body, &mut |stmt| {
        if let Stmt::Assign(assign) = stmt {
            for target in &assign.targets {
                if let Expr::Subscript(subscript) = target {
                    written.push(subscript.slice.range());
                }
            }
        }
        if let Stmt::If(branch) = stmt
            && branch.elif_else_clauses.is_empty()
            && matches!(branch.body.as_slice(), [Stmt::Return(ret)]
                if ret.value.as_deref().is_none_or(|v| matches!(v, Expr::NoneLiteral(_))))
        {
            waived.push(branch.test.range());
        }
    });
    any_expr(body, &mut |e| {
        if let Expr::Dict(dict) = e {
            written.extend(
                dict.items
                    .iter()
                    .filter_map(|item| item.key.as_ref().map(Ranged::range)),
            );
        }
        // `request.add_header("Authorization", "Basic " + credentials)` (maraschino's urllib2
        // calls to Trakt and CouchPotato): a header this code sends, not one it received.
        if let Expr::Call(call) = e
            && let Expr::Attribute(method) = call.func.as_ref()
            && matches!(
                method.attr.as_str(),
                "add_header" | "add_unredirected_header" | "putheader" | "set_header" | "set"
            )
            && let Some(first) = call.arguments.args.first()
        {
            written.push(first.range());
        }
        false
    });
    let waived = |range: TextRange| waived.iter().any(|test| test.contains_range(range));
    any_expr(body, &mut |e| match e {
        Expr::StringLiteral(s) => {
            s.value.to_str().eq_ignore_ascii_case("authorization")
                && !written.contains(&s.range())
                && !waived(s.range())
        }
        Expr::Attribute(a) => a.attr.as_str() == "authorization" && !waived(a.range()),
        _ => false,
    })
}

/// Whether a handler acts for logged-in callers only, by its own code: it refuses callers
/// without a login ([`refuses_without_login`]), or what it does for a caller (a database write,
/// `render_template(...)`, `jsonify(...)`) happens inside a branch that tests the login state
/// (`if current_user.is_authenticated and ...:`, Huutokauppa's bid and item views). Writes or
/// answers outside such a branch are not looked for: the test is a sign of intent, read only
/// where a dead `@login_required` (FL205) asks how open the route really is.
pub fn acts_only_when_logged_in(body: &[Stmt]) -> bool {
    if refuses_without_login(body) {
        return true;
    }
    let tests_login = |test: &Expr| {
        let positive =
            |e: &Expr| matches!(e, Expr::Attribute(a) if a.attr.as_str() == "is_authenticated");
        match test {
            Expr::BoolOp(op) if op.op == ast::BoolOp::And => op.values.iter().any(positive),
            other => positive(other),
        }
    };
    let acts = |stmts: &[Stmt]| {
        any_expr(stmts, &mut |e| {
            let Expr::Call(call) = e else { return false };
            matches!(
                super::records::callee_last(&call.func),
                Some("commit" | "add" | "delete" | "render_template" | "jsonify")
            )
        })
    };
    let mut found = false;
    visit_stmts(body, &mut |stmt| {
        if let Stmt::If(branch) = stmt
            && tests_login(&branch.test)
            && acts(&branch.body)
        {
            found = true;
        }
    });
    found
}

/// Whether a handler only ends the caller's login: it calls `logout_user()`, clears the
/// session or drops its login entry, and writes nothing (no `commit`, `add`, `delete`, `execute`). Without a login there
/// is nothing to end, so a dead `@login_required` over `/logout` (any-questions) opens nothing.
pub fn only_ends_the_login(body: &[Stmt]) -> bool {
    let mut ends = false;
    let writes = any_expr(body, &mut |e| {
        let Expr::Call(call) = e else { return false };
        match super::records::callee_last(&call.func) {
            Some("logout_user") => ends = true,
            // `session.clear()`, `session.pop("user_id")`; not `session.pop(chain_key)`, a
            // working value Sphere's approval route drops when it is done.
            Some("clear") => {
                ends |=
                    matches!(call.func.as_ref(), Expr::Attribute(a) if is_flask_session(&a.value));
            }
            Some("pop") => {
                ends |= matches!(call.func.as_ref(), Expr::Attribute(a) if is_flask_session(&a.value))
                    && call
                        .arguments
                        .args
                        .first()
                        .is_some_and(session_key_names_caller);
            }
            Some("commit" | "add" | "delete" | "execute" | "save") => return true,
            _ => {}
        }
        false
    });
    ends && !writes
}

/// Whether `body` refuses a request that has no logged-in user: an `if` on a negative login
/// state (`not current_user.is_authenticated`, `current_user.is_anonymous`, `g.user is None`,
/// `not g.user`, `"user_id" not in session`, `session.get("user_id") is None`), alone or as
/// part of an `and`, whose branch refuses somewhere (`abort(401)`/`abort(403)`, a redirect, a
/// 401/403 response, `login_manager.unauthorized()`, `raise Unauthorized(...)`). Flask's
/// tutorial's `login_required` and a `before_request` hook guarding a whole app are such code;
/// a login view's `if current_user.is_authenticated: return redirect(...)` (the positive test)
/// is not.
pub fn refuses_without_login(body: &[Stmt]) -> bool {
    // `user = Worker.query.get(session.get("user"))`: a local holding the session's login, or
    // what was loaded with it (secure_law_firm's views then test `if not user:`).
    // Collected when a test names a local, not for every function the route model follows.
    let session_locals: std::cell::OnceCell<Vec<&str>> = std::cell::OnceCell::new();
    let is_session_local = |name: &ast::ExprName| {
        session_locals
            .get_or_init(|| {
                local_assignments(body)
                    .into_iter()
                    .filter(|(_, value)| expr_contains(value, &mut |e| reads_session_login(e)))
                    .map(|(name, _)| name)
                    .collect()
            })
            .contains(&name.id.as_str())
    };
    let lacks_session_local = |test: &Expr| match test {
        Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => {
            matches!(op.operand.as_ref(), Expr::Name(n) if is_session_local(n))
        }
        Expr::Compare(compare) => {
            matches!(compare.ops.as_ref(), [ast::CmpOp::Is | ast::CmpOp::Eq])
                && matches!(compare.comparators.as_ref(), [right] if right.is_none_literal_expr())
                && matches!(compare.left.as_ref(), Expr::Name(n) if is_session_local(n))
        }
        _ => false,
    };
    if answers_the_logged_in_then_refuses(body) {
        return true;
    }
    // `if not current_user.is_authenticated or current_user.role != role: abort(404)`
    // (jobplus's `role_required`): a first-level test that every anonymous caller fails, and
    // a client error for it, hides the page from them rather than naming the refusal. Not
    // `if post.deleted and current_user.is_anonymous: abort(404)` (pyfedi), which hides only
    // some pages.
    if hides_from_anonymous_callers(body) {
        return true;
    }
    let mut found = false;
    visit_stmts(body, &mut |stmt| {
        if found {
            return;
        }
        if let Stmt::If(branch) = stmt {
            // `elif not current_user.is_authenticated:` after an exemption (Flask-Login's own
            // `login_required`, vendored by calibre-web) refuses as well as an `if` does.
            let clauses = if_clauses(branch);
            // `if "user" in session: return f(*args, **kwargs)` then `else: return
            // forbidden()` (wikilabels' `authenticated`).
            if has_login(&branch.test)
                && branch
                    .elif_else_clauses
                    .last()
                    .is_some_and(|last| last.test.is_none() && branch_refuses(&last.body))
            {
                found = true;
                return;
            }
            let mut previous: Option<&Expr> = None;
            for (test, body) in clauses {
                // `elif is_logged_in(): ...` then `else: raise PicoException(..., 401)`
                // (picoCTF's `get_user()`): the `else` is where the caller is not logged in.
                let logged_out_else = test.is_none() && previous.is_some_and(|p| {
                    login_state(p)
                        || matches!(p, Expr::Attribute(a) if a.attr.as_str() == "is_authenticated")
                });
                // `if not session.get("status"): return {"result": {"status_code": 401}}`
                // (bayonet): whatever the key is called, a 401 for its absence says it is the
                // login the project's own handler sets.
                // `if not session.get('session'): return redirect('/login', 307)`
                // (vuln-scanner-flask's `session_required`): a redirect to the login page
                // says the same.
                let session_login = test
                    .is_some_and(|test| lacks_session_value(test) || lacks_session_local(test))
                    && (names_unauthorized(body) || redirects_to_login(body));
                if (test.is_some_and(lacks_login) || logged_out_else || session_login)
                    && branch_refuses(body)
                {
                    found = true;
                }
                previous = test;
            }
        }
    });
    found
}

/// An `if` among the first-level statements of `body`, or of a function defined in it (a
/// decorator's wrapper), that every anonymous caller fails and that ends with a client error.
fn hides_from_anonymous_callers(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match stmt {
        Stmt::If(branch) => {
            fails_every_anonymous_caller(&branch.test) && aborts_with_client_error(&branch.body)
        }
        Stmt::FunctionDef(inner) => hides_from_anonymous_callers(&inner.body),
        _ => false,
    })
}

/// A test every anonymous caller fails, whatever else holds: `not current_user.is_authenticated`,
/// alone or as one side of an `or`.
fn fails_every_anonymous_caller(test: &Expr) -> bool {
    match test {
        Expr::BoolOp(op) if op.op == ast::BoolOp::Or => {
            op.values.iter().any(fails_every_anonymous_caller)
        }
        Expr::BoolOp(_) => false,
        other => lacks_login(other),
    }
}

/// `abort(404)`, `abort(400)`: a branch that ends the request with a client error status.
fn aborts_with_client_error(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| {
        matches!(stmt, Stmt::Expr(expression) if matches!(expression.value.as_ref(),
            Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "abort")
                && matches!(call.arguments.args.first(), Some(Expr::NumberLiteral(number))
                    if matches!(&number.value, ast::Number::Int(int)
                        if int.as_u16().is_some_and(|status| (400..500).contains(&status))))))
    })
}

/// `if "user" in session: ... return render_template(...)` and then, after the `if`, `return
/// redirect(url_for("login"))` (secure_law_firm's dashboard): the logged-in caller is answered
/// inside the branch, everyone else falls through to the refusal. Read at the top level of a
/// body and of its `with` / `try` blocks.
fn answers_the_logged_in_then_refuses(body: &[Stmt]) -> bool {
    body.windows(2).any(|pair| {
        let [Stmt::If(branch), after] = pair else {
            return false;
        };
        // The refusal is the very next statement, not a branch of it (a sign-up's `if
        // request.method == "POST": ... return redirect(url_for("login"))` after sending
        // logged-in visitors away); and the logged-in branch does the work, rather than only
        // sending the caller on (an index page's `return redirect(url_for("dashboard"))`).
        let refusal = match after {
            Stmt::Return(_) | Stmt::Raise(_) => true,
            Stmt::Expr(expr) => matches!(expr.value.as_ref(), Expr::Call(_)),
            _ => false,
        };
        let mut only_redirects = true;
        visit_stmts(&branch.body, &mut |stmt| {
            if let Stmt::Return(returned) = stmt {
                only_redirects &= returned.value.as_deref().is_some_and(|value| {
                    matches!(value, Expr::Call(call)
                        if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "redirect"))
                });
            }
        });
        refusal
            && !only_redirects
            && branch.elif_else_clauses.is_empty()
            && has_login(&branch.test)
            && always_returns(&branch.body)
            && (redirects_to_login(std::slice::from_ref(after))
                || names_unauthorized(std::slice::from_ref(after)))
            && branch_refuses(std::slice::from_ref(after))
    }) || body.iter().any(|stmt| match stmt {
        Stmt::With(block) => answers_the_logged_in_then_refuses(&block.body),
        Stmt::Try(block) => answers_the_logged_in_then_refuses(&block.body),
        _ => false,
    })
}

/// Whether every way through `body` ends in a `return` or `raise` (the last statement's, or
/// that of every branch of a last `if`/`with`/`try`).
fn always_returns(body: &[Stmt]) -> bool {
    match body.last() {
        Some(Stmt::Return(_) | Stmt::Raise(_)) => true,
        Some(Stmt::With(block)) => always_returns(&block.body),
        Some(Stmt::If(branch)) => {
            always_returns(&branch.body)
                && branch
                    .elif_else_clauses
                    .last()
                    .is_some_and(|c| c.test.is_none())
                && branch
                    .elif_else_clauses
                    .iter()
                    .all(|clause| always_returns(&clause.body))
        }
        Some(Stmt::Try(block)) => {
            (always_returns(&block.body) || always_returns(&block.orelse))
                && block.handlers.iter().all(|handler| {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    always_returns(&handler.body)
                })
        }
        _ => false,
    }
}

/// `session.get(key)` or `session[key]`: a read of Flask's session, with the key it reads.
fn session_read(expr: &Expr) -> Option<Option<&Expr>> {
    match expr {
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Attribute(a) if a.attr.as_str() == "get" && is_flask_session(&a.value) => {
                Some(call.arguments.args.first())
            }
            _ => None,
        },
        Expr::Subscript(subscript) if is_flask_session(&subscript.value) => {
            Some(Some(&subscript.slice))
        }
        _ => None,
    }
}

/// `session.get("user")`, `session["user_id"]`: a read of the session's login.
fn reads_session_login(expr: &Expr) -> bool {
    matches!(session_read(expr), Some(Some(Expr::StringLiteral(key))) if names_login(key.value.to_str()))
}

/// Whether a view class's `dispatch_request` refuses before it hands the request on: it calls
/// `super().dispatch_request(...)` and, in a branch, answers 401 or 403 (`return
/// self.error(..., status_code=401)`, `abort(401)`) where it names 401 or `Unauthorized` or reads
/// a credential from the request.
fn dispatch_answers_unauthorized(def: &ast::StmtFunctionDef) -> bool {
    let hands_on = any_expr(&def.body, &mut |e| {
        matches!(e, Expr::Call(call) if matches!(call.func.as_ref(),
            Expr::Attribute(a) if a.attr.as_str() == "dispatch_request"
                && matches!(a.value.as_ref(), Expr::Call(inner)
                    if matches!(inner.func.as_ref(), Expr::Name(n) if n.id.as_str() == "super"))))
    });
    hands_on
        && branch_refuses(&def.body)
        && (names_unauthorized(&def.body)
            || any_expr(&def.body, &mut |e| reads_request_credential(e)))
}

/// Whether `body` reads a credential from the request and answers 401 in a branch: reana's
/// `_check_token_management_secret()` compares the `X-Token-Management-Secret` header with
/// `secrets.compare_digest` and returns a 401 response, which its handlers return.
fn answers_401_on_a_credential(body: &[Stmt]) -> bool {
    names_unauthorized(body)
        && branch_refuses(body)
        && any_expr(body, &mut |e| reads_request_credential(e))
}

/// Whether `body` looks up anything the request carries and answers 401 when that fails,
/// whatever the field is called: ListenBrainz's Audioscrobbler 1.2 handlers look up the session named by the
/// form's `s` and answer `BADSESSION`, 401. Weaker evidence than a credential read by name (an
/// account service's 401 may be about the password of the account it is handed), so it is
/// asked only of a handler that nothing else authenticates, and never of a login.
fn answers_401_on_request_data(body: &[Stmt]) -> bool {
    if starts_a_login_session(body) {
        return false;
    }
    let reads_request = |stmts: &[Stmt]| {
        any_expr(stmts, &mut |e| {
            super::open_credentials::is_request_mapping(e)
        })
    };
    // The 401 answers a lookup of what was sent failing (`except BadRequest: return
    // "BADSESSION", 401`), not a form missing a field (a sign-up's `if login is None: ..., 401`).
    let mut found = false;
    visit_scope_stmts(body, &mut |stmt| {
        if let Stmt::Try(attempt) = stmt
            && reads_request(&attempt.body)
            && attempt.handlers.iter().any(|handler| {
                let ast::ExceptHandler::ExceptHandler(handler) = handler;
                names_unauthorized(&handler.body) && branch_refuses(&handler.body)
            })
        {
            found = true;
        }
    });
    found || refuses_unknown_credential(body)
}

/// Whether a handler looks an account up by a credential the request sends and answers 401
/// when none matches: NotifyHub's `/api/notify` reads `user =
/// User.query.filter_by(token=data["token"]).first()` (`data = request.get_json()`), then
/// `if not user: return ..., 401`. The request's API token must name an account.
fn refuses_unknown_credential(body: &[Stmt]) -> bool {
    let assignments = local_assignments(body);
    let request_locals: Vec<&str> = assignments
        .iter()
        .filter(|(_, value)| {
            expr_contains(value, &mut |e| {
                super::open_credentials::is_request_mapping(e)
                    || matches!(e, Expr::Attribute(a) if a.attr.as_str() == "get_json"
                        && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request"))
            })
        })
        .map(|(name, _)| *name)
        .collect();
    let sent = |value: &Expr| {
        expr_contains(value, &mut |e| {
            super::open_credentials::is_request_mapping(e)
                || matches!(e, Expr::Name(n) if request_locals.contains(&n.id.as_str()))
        })
    };
    let names_credential = |name: &str| {
        let lower = name.to_ascii_lowercase();
        lower.contains("token")
            || lower.contains("api_key")
            || lower.contains("apikey")
            || lower.contains("secret")
            || lower == "key"
    };
    let looked_up: Vec<&str> = assignments
        .iter()
        .filter(|(_, value)| {
            expr_contains(value, &mut |e| match e {
                Expr::Call(call) => call.arguments.keywords.iter().any(|keyword| {
                    keyword
                        .arg
                        .as_ref()
                        .is_some_and(|arg| names_credential(arg.as_str()))
                        && sent(&keyword.value)
                }),
                Expr::Compare(compare) => {
                    matches!(compare.ops.as_ref(), [ast::CmpOp::Eq])
                        && matches!(compare.left.as_ref(), Expr::Attribute(a)
                            if names_credential(a.attr.as_str()))
                        && compare.comparators.iter().any(&sent)
                }
                _ => false,
            })
        })
        .map(|(name, _)| *name)
        .collect();
    if looked_up.is_empty() {
        return false;
    }
    let lacks_account = |test: &Expr| match test {
        Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => {
            matches!(op.operand.as_ref(), Expr::Name(n) if looked_up.contains(&n.id.as_str()))
        }
        Expr::Compare(compare) => {
            matches!(compare.ops.as_ref(), [ast::CmpOp::Is])
                && matches!(compare.left.as_ref(), Expr::Name(n) if looked_up.contains(&n.id.as_str()))
                && compare.comparators.iter().all(Expr::is_none_literal_expr)
        }
        _ => false,
    };
    let mut found = false;
    visit_scope_stmts(body, &mut |stmt| {
        if let Stmt::If(branch) = stmt
            && lacks_account(&branch.test)
            && names_unauthorized(&branch.body)
            && branch_refuses(&branch.body)
        {
            found = true;
        }
    });
    found
}

/// Whether `body` redirects to the login page: `redirect("/login")`, `redirect(url_for("login"))`,
/// `redirect(url_for("auth.login", next=...))`.
fn redirects_to_login(body: &[Stmt]) -> bool {
    any_expr(body, &mut |e| {
        let Expr::Call(call) = e else { return false };
        matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "redirect")
            && call.arguments.args.first().is_some_and(|target| {
                expr_contains(target, &mut |part| {
                    matches!(part, Expr::StringLiteral(s) if {
                        let text = s.value.to_str().to_ascii_lowercase();
                        text.contains("login") || text.contains("signin") || text.contains("sign_in")
                    })
                })
            })
    })
}

/// Whether `body` names a 401: the number, or werkzeug's `Unauthorized`.
fn names_unauthorized(body: &[Stmt]) -> bool {
    any_expr(body, &mut |e| {
        matches!(e, Expr::NumberLiteral(n)
            if matches!(&n.value, ast::Number::Int(i) if i.as_u64() == Some(401)))
            || matches!(e, Expr::Name(n) if n.id.as_str() == "Unauthorized")
            || matches!(e, Expr::Attribute(a) if a.attr.as_str() == "Unauthorized")
    })
}

/// Whether `def` is a decorator whose wrapper answers 401 instead of calling the view:
/// `if token_matches(...): return f(*args, **kwargs)` then `abort(401)` (calibre-web's
/// `requires_kobo_auth`), or `raise AuthError(..., 401)`. A 401 says "authenticate first"; the
/// test before it is whatever the project checks the credential with. A 403 says so too when
/// the wrapper reads a credential from the request (changedetection.io's `auth_check`, which
/// answers 403 unless the `x-api-key` header matches the configured token); elsewhere a 403 is
/// as often a role check on a caller already logged in.
fn wrapper_answers_unauthorized(def: &ast::StmtFunctionDef) -> bool {
    // A decorator factory (reana's `@signin_required(token_required=True)`): the decorator it
    // returns holds the wrapper.
    decorator_answers_unauthorized(def)
        || def.body.iter().any(|stmt| {
            matches!(stmt, Stmt::FunctionDef(decorator) if decorator_answers_unauthorized(decorator))
        })
}

fn decorator_answers_unauthorized(def: &ast::StmtFunctionDef) -> bool {
    let Some(view) = def
        .parameters
        .iter_non_variadic_params()
        .next()
        .map(|p| p.parameter.name.as_str())
    else {
        return false;
    };
    let mut found = false;
    for stmt in &def.body {
        let Stmt::FunctionDef(wrapper) = stmt else {
            continue;
        };
        let calls_view = any_expr(
            &wrapper.body,
            &mut |e| matches!(e, Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == view)),
        );
        let refuses = branch_refuses(&wrapper.body)
            && (names_unauthorized(&wrapper.body)
                || any_expr(&wrapper.body, &mut |e| reads_request_credential(e))
                || admits_only_loopback(&wrapper.body));
        found |= calls_view && refuses;
    }
    found
}

/// The list an `if` admits callers by when it tests the caller's address against it and refuses
/// the others: `if request.remote_addr in config.AllowedCLIIPs: ... else: return ..., 401`, or
/// `if request.remote_addr not in ALLOWED: abort(403)`.
fn address_allow_list(body: &[Stmt]) -> Option<&Expr> {
    let mut found = None;
    visit_scope_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        let Expr::Compare(compare) = branch.test.as_ref() else {
            return;
        };
        let ([op], [list]) = (compare.ops.as_ref(), compare.comparators.as_ref()) else {
            return;
        };
        let reads_address = match compare.left.as_ref() {
            Expr::Attribute(a) => matches!(a.attr.as_str(), "remote_addr" | "access_route"),
            Expr::Subscript(s) => {
                matches!(s.slice.as_ref(), Expr::StringLiteral(k) if k.value.to_str() == "REMOTE_ADDR")
            }
            _ => false,
        };
        if !reads_address {
            return;
        }
        let refuses = match op {
            ast::CmpOp::In => branch
                .elif_else_clauses
                .last()
                .is_some_and(|last| last.test.is_none() && branch_refuses(&last.body)),
            ast::CmpOp::NotIn => branch_refuses(&branch.body),
            _ => false,
        };
        if refuses && found.is_none() {
            found = Some(list);
        }
    });
    found
}

/// Whether `body` compares the caller's address with this machine's: it reads `remote_addr` /
/// `REMOTE_ADDR` and names a loopback address or calls a loopback test (pyload's Click'N'Load
/// `local_check`). A wrapper that refuses otherwise lets only local programs in.
fn admits_only_loopback(body: &[Stmt]) -> bool {
    let mut reads_address = false;
    let mut names_loopback = false;
    any_expr(body, &mut |e| {
        match e {
            Expr::Attribute(a) if a.attr.as_str() == "remote_addr" => reads_address = true,
            Expr::StringLiteral(text) => {
                let text = text.value.to_str();
                if text == "REMOTE_ADDR" {
                    reads_address = true;
                }
                if text.starts_with("127.0.0.1")
                    || text.starts_with("localhost")
                    || text.starts_with("[::1]")
                    || text == "::1"
                {
                    names_loopback = true;
                }
            }
            Expr::Call(call) => {
                let name = match call.func.as_ref() {
                    Expr::Name(n) => n.id.as_str(),
                    Expr::Attribute(a) => a.attr.as_str(),
                    _ => "",
                };
                if name.contains("loopback") {
                    names_loopback = true;
                }
            }
            _ => {}
        }
        false
    });
    reads_address && names_loopback
}

/// Whether `expr` reads a credential the caller sent under a name of its own:
/// `request.headers.get("x-api-key")`, `request.args["token"]`, `request.headers["X-Auth"]`.
/// Other headers (`X-Requested-With`, `Origin`) are not credentials.
fn reads_request_credential(expr: &Expr) -> bool {
    reads_request_credential_in(expr, &["headers", "args", "values", "form", "cookies"])
}

/// [`reads_request_credential`] from the request's `containers` only (`["headers"]`: a
/// credential the caller sends in a header).
pub fn reads_request_credential_in(expr: &Expr, containers: &[&str]) -> bool {
    let from_request = |container: &Expr| {
        matches!(container, Expr::Attribute(a)
            if containers.contains(&a.attr.as_str())
                && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request"))
    };
    let names_credential = |key: &Expr| {
        let Expr::StringLiteral(text) = key else {
            return false;
        };
        let lower = text.value.to_str().to_ascii_lowercase();
        ["key", "token", "auth", "secret", "signature", "password"]
            .iter()
            .any(|word| lower.contains(word))
    };
    match expr {
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Attribute(a)
                if a.attr.as_str() == "get" && from_request(&a.value))
                && call.arguments.args.first().is_some_and(names_credential)
        }
        Expr::Subscript(subscript) => {
            from_request(&subscript.value) && names_credential(&subscript.slice)
        }
        _ => false,
    }
}

/// Verbs of calls that change something beyond the request: the database (`session.add`,
/// `commit`, `post.save()`), files, queues, mail, other services.
const WRITE_VERBS: &[&str] = &[
    "add",
    "save",
    "commit",
    "delete",
    "remove",
    "insert",
    "update",
    "upsert",
    "create",
    "put",
    "post",
    "patch",
    "set",
    "write",
    "send",
    "publish",
    "emit",
    "enqueue",
    "delay",
    "apply_async",
    "push",
    "append",
    "extend",
    "pop",
    "clear",
    "register",
    "grant",
    "revoke",
    "store",
    "persist",
    "merge",
    "flush",
    "execute",
    "import",
    "upload",
    "move",
    "rename",
    "copy",
    "mkdir",
    "makedirs",
    "unlink",
    "rmtree",
    "touch",
    "incr",
    "decr",
    "reset",
    "approve",
    "reject",
    "ban",
    "lock",
    "unlock",
    "hide",
    "unhide",
    "mark",
    "follow",
    "unfollow",
    "subscribe",
    "unsubscribe",
    "login_user",
    "logout_user",
    "mint",
    "issue",
    "finish",
    "restart",
    "kill",
    "install",
    "uninstall",
    "enable",
    "disable",
    "toggle",
    "assign",
    "invite",
    "leave",
    "transfer",
    "pay",
    "charge",
    "refund",
    "cancel",
    "archive",
    "restore",
    "purge",
    "drop",
    "truncate",
    "link",
    "tag",
    "attach",
    "detach",
    "share",
    "claim",
    "vote",
    "edit",
    "modify",
    "change",
    "sync",
];

/// Whether `value` is the request's own data or a copy of it (`request.get_json(force=True)`,
/// `request.form.to_dict()`, `request.json or {}`): lookyloo's search API pops keys off its parsed
/// body, which changes nothing beyond the request.
fn of_this_request(value: &Expr) -> bool {
    let mut value = value;
    loop {
        value = match value {
            Expr::Name(name) => return name.id.as_str() == "request",
            Expr::Attribute(attribute) => &attribute.value,
            Expr::Call(call) => &call.func,
            Expr::Subscript(subscript) => &subscript.value,
            Expr::BoolOp(bool_op) => match bool_op.values.first() {
                Some(first) => first,
                None => return false,
            },
            _ => return false,
        };
    }
}

/// Flask's `session`: the name, or the attribute of the module (`flask.session`, and
/// `fl.session` under `import flask as fl`, CabinetVet's spelling); never SQLAlchemy's
/// `db.session`.
fn is_flask_session(expr: &Expr) -> bool {
    match expr {
        Expr::Name(name) => name.id.as_str() == "session",
        Expr::Attribute(attribute) => {
            attribute.attr.as_str() == "session"
                && matches!(attribute.value.as_ref(), Expr::Name(n) if matches!(n.id.as_str(), "flask" | "fl"))
        }
        _ => false,
    }
}

/// `g` or `flask.g`.
fn is_flask_g(expr: &Expr) -> bool {
    match expr {
        Expr::Name(name) => name.id.as_str() == "g",
        Expr::Attribute(attribute) => {
            attribute.attr.as_str() == "g"
                && matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "flask")
        }
        _ => false,
    }
}

/// A new object the function makes itself: `Foo(...)`, `GenericQuery.from_args(request.args)`.
/// Setting its attributes (fatcat's `query.container_id = ident`) fills in a value, not a
/// stored record; a record fetched by `User.query.get(id)` or `User.get(...)` is not one.
/// `con = sqlite3.connect(...)`, `cur = con.cursor()`: a connection or cursor the function
/// opens for itself; setting `con.row_factory` configures it, and changes nothing stored.
fn opens_a_connection(value: &Expr) -> bool {
    matches!(value, Expr::Call(call)
        if matches!(super::records::callee_last(&call.func), Some("connect" | "cursor")))
}

/// The written start of a string built by `+`: its leftmost literal.
fn leading_text(mut expr: &Expr) -> Option<&str> {
    loop {
        match expr {
            Expr::StringLiteral(text) => return Some(text.value.to_str()),
            Expr::BinOp(concatenated) => expr = &concatenated.left,
            _ => return None,
        }
    }
}

fn constructs_an_object(value: &Expr) -> bool {
    let Expr::Call(call) = value else {
        return false;
    };
    match call.func.as_ref() {
        Expr::Name(name) => is_class_name(name.id.as_str()),
        Expr::Attribute(attribute) => match attribute.value.as_ref() {
            Expr::Name(n) if is_class_name(n.id.as_str()) => {
                attribute.attr.starts_with("from_") || attribute.attr.starts_with("parse")
            }
            // `qrcode.QRCode(...)`: a class of a module, by its name.
            Expr::Name(_) => is_class_name(attribute.attr.as_str()),
            _ => false,
        },
        _ => false,
    }
}

/// The counter that is the only thing `body` changes (`url.clicks += 1`, then a commit): a
/// click, view or like count. `None` when it changes anything else: another attribute or item,
/// a row added or deleted, a call named for a write other than `commit`/`flush`.
pub fn only_increments(body: &[Stmt]) -> Option<&Expr> {
    let mut counter = None;
    let mut changes_more = false;
    visit_scope_stmts(body, &mut |stmt| match stmt {
        Stmt::AugAssign(assign)
            if matches!(assign.op, ast::Operator::Add)
                && matches!(assign.target.as_ref(), Expr::Attribute(_))
                && matches!(assign.value.as_ref(), Expr::NumberLiteral(n)
                    if matches!(&n.value, ast::Number::Int(i) if i.as_u64() == Some(1))) =>
        {
            counter.get_or_insert(assign.target.as_ref());
        }
        Stmt::AugAssign(assign) => changes_more |= !matches!(assign.target.as_ref(), Expr::Name(_)),
        Stmt::AnnAssign(assign) => changes_more |= !matches!(assign.target.as_ref(), Expr::Name(_)),
        Stmt::Assign(assign) => {
            changes_more |= assign
                .targets
                .iter()
                .any(|target| !matches!(target, Expr::Name(_) | Expr::Tuple(_)));
        }
        Stmt::Delete(_) => changes_more = true,
        _ => {}
    });
    let other_writes = any_expr(body, &mut |e| {
        let Expr::Call(call) = e else {
            return false;
        };
        super::exceptions::last_segment(&call.func).is_some_and(|name| {
            let lower = name.trim_start_matches('_').to_ascii_lowercase();
            !matches!(lower.as_str(), "commit" | "flush") && names_a_write(&lower)
        })
    });
    counter.filter(|_| !changes_more && !other_writes)
}

/// `io.BytesIO()`, `StringIO()`: a file in memory, gone with the request.
fn is_in_memory_buffer(value: &Expr) -> bool {
    matches!(value, Expr::Call(call)
        if matches!(super::exceptions::last_segment(&call.func), Some("BytesIO" | "StringIO")))
}

/// A call name (lower case, leading `_` dropped) that says it writes: one of `WRITE_VERBS`, or
/// one followed by `_` and more (`save_user`, `add_data`).
/// `df.to_excel(PO_FILE, index=False)`, `frame.to_csv(path)`, `df.to_sql("orders", engine)`
/// (Sphere keeps its purchase orders in a spreadsheet it rewrites): a pandas table saved to a
/// file or a database. Without a target (`df.to_csv()`, `df.to_json()`) the text is returned,
/// and a buffer the function made (`df.to_excel(output)` then `send_file(output)`) is the answer.
fn saves_a_data_file(lower: &str, call: &ast::ExprCall, is_buffer: &dyn Fn(&Expr) -> bool) -> bool {
    matches!(
        lower,
        "to_excel"
            | "to_csv"
            | "to_json"
            | "to_parquet"
            | "to_pickle"
            | "to_sql"
            | "to_feather"
            | "to_hdf"
    ) && match call.arguments.args.first() {
        Some(target) => !is_buffer(target),
        None => call.arguments.keywords.iter().any(|keyword| {
            keyword.arg.as_ref().is_some_and(|name| {
                matches!(
                    name.as_str(),
                    "path_or_buf" | "excel_writer" | "path" | "name"
                )
            }) && !is_buffer(&keyword.value)
        }),
    }
}

fn names_a_write(lower: &str) -> bool {
    WRITE_VERBS.iter().any(|verb| {
        lower == *verb
            || lower
                .strip_prefix(verb)
                .is_some_and(|rest| rest.starts_with('_'))
    })
}

/// `GenericQuery`, `CleanStyle`: a class's name by Python's convention (an upper-case initial and
/// a lower-case letter after it; `NOTES` and `DB` are module-level stores, not classes). An
/// attribute set on a class (pygal's `CleanStyle.colors = ...`) styles the process, it stores
/// nothing a request reads back.
fn is_class_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().any(|c| c.is_ascii_lowercase())
}

/// SQL text that only reads: it starts with `SELECT` (or a `WITH` whose statement is a
/// `SELECT`), and holds none of the words that write.
fn is_read_query(sql: &str) -> bool {
    let upper = sql.trim_start().to_ascii_uppercase();
    (upper.starts_with("SELECT") || upper.starts_with("WITH"))
        && ![
            "INSERT ",
            "UPDATE ",
            "DELETE ",
            "MERGE ",
            "DROP ",
            "ALTER ",
            "TRUNCATE ",
            "FOR UPDATE",
        ]
        .iter()
        .any(|word| upper.contains(word))
}

/// Whether `body` may change state beyond the request, judged by what it writes: a call whose
/// name starts with a write verb (`db.session.add`, `post.save()`, `create_user(...)`,
/// `send_mail`), an assignment, augmented assignment or `del` on an attribute or item of
/// something it did not build itself (`user.name = ...`, `STORE[k] = v`; not `g.x`, not the
/// caller's own `session[...]`, not a dict it made). `calls` receives the callees it could
/// not judge by name, for the caller to follow.
pub fn writes_state<'a>(body: &'a [Stmt], calls: &mut Vec<&'a Expr>) -> bool {
    // Names a nested helper builds count too: the call walk below enters its body, and Stylio's
    // booking page formats opening hours in a `def compress_weekdays` whose `ranges = []` it
    // fills with `ranges.append(...)`.
    let built_here: Vec<&str> = assignments_by(body, false, false)
        .into_iter()
        .filter(|(_, value)| {
            matches!(
                value,
                Expr::Dict(_)
                    | Expr::List(_)
                    | Expr::Set(_)
                    | Expr::Tuple(_)
                    | Expr::ListComp(_)
                    | Expr::DictComp(_)
                    | Expr::SetComp(_)
            ) || matches!(value, Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(n) if matches!(n.id.as_str(), "dict" | "list" | "set" | "defaultdict" | "OrderedDict")))
                || of_this_request(value)
                || constructs_an_object(value)
                || opens_a_connection(value)
                // `cart = session["cart"]`: the caller's own session, a cookie sent back with
                // the answer (a hotel's booking cart filled and emptied before checkout).
                || root_name(value).is_some_and(|root| root == "session")
        })
        .map(|(name, _)| name)
        .collect();
    // `buffer = io.BytesIO()`: an in-memory file the answer is written into (a QR code's
    // `img.save(buffer)`, a spreadsheet's `workbook.save(output)`) before `send_file` sends it.
    let buffers_here: Vec<&str> = assignments_by(body, false, false)
        .into_iter()
        .filter(|(_, value)| is_in_memory_buffer(value))
        .map(|(name, _)| name)
        .collect();
    // `different, result = comparator.compare_captures(a, b)`: a value a call just returned. An
    // item set on it (`result["different"] = different`) fills in an answer; an attribute set on
    // it may change a record (`user.name = ...`), and an item of something looked up in a store
    // (`note = NOTES[i]`, `NOTES.get(i)`) changes the store.
    let assignments = assignments_by(body, false, true);
    let mut returned_here: Vec<&str> = assignments
        .iter()
        .filter(|(_, value)| {
            matches!(value, Expr::Call(call) if !matches!(call.func.as_ref(),
                Expr::Attribute(a) if matches!(a.attr.as_str(), "get" | "setdefault" | "pop" | "__getitem__")))
        })
        .map(|(name, _)| *name)
        .collect();
    // `release_group = metadata[mbid]`, `data = release_group.pop("recording")`, `for donor in
    // donors:`: a part of a value the function made or was handed back is its own too (ListenBrainz's page props, filled in before they
    // are sent).
    loop {
        let before = returned_here.len();
        for (name, value) in &assignments {
            if !returned_here.contains(name)
                && root_name(value)
                    .is_some_and(|root| returned_here.contains(&root) || built_here.contains(&root))
            {
                returned_here.push(name);
            }
        }
        if returned_here.len() == before {
            break;
        }
    }
    let shared_target = |target: &Expr| {
        let (mut base, item) = match target {
            Expr::Attribute(a) => (a.value.as_ref(), false),
            Expr::Subscript(s) => (s.value.as_ref(), true),
            _ => return false,
        };
        // `payload[section][key] = value`: what is changed belongs to the root.
        loop {
            base = match base {
                Expr::Attribute(a) => a.value.as_ref(),
                Expr::Subscript(s) => s.value.as_ref(),
                _ => break,
            };
        }
        !matches!(base, Expr::Name(n)
            if matches!(n.id.as_str(), "g" | "session" | "self")
                || is_class_name(n.id.as_str())
                || built_here.contains(&n.id.as_str())
                || (item && returned_here.contains(&n.id.as_str())))
    };
    let mut writes = false;
    visit_scope_stmts(body, &mut |stmt| match stmt {
        Stmt::Assign(assign) => writes |= assign.targets.iter().any(shared_target),
        Stmt::AugAssign(assign) => writes |= shared_target(&assign.target),
        Stmt::AnnAssign(assign) => writes |= shared_target(&assign.target),
        Stmt::Delete(delete) => writes |= delete.targets.iter().any(shared_target),
        _ => {}
    });
    any_expr(body, &mut |e| {
        if let Expr::Call(call) = e {
            let name = match call.func.as_ref() {
                Expr::Name(n) => n.id.as_str(),
                Expr::Attribute(a) => a.attr.as_str(),
                _ => "",
            };
            let lower = name.trim_start_matches('_').to_ascii_lowercase();
            // `links["d"].extend(...)`, `result.append(entry)` on a container the function
            // built itself: filling in its answer, not changing anything.
            let mut receiver = match call.func.as_ref() {
                Expr::Attribute(a) => Some(a.value.as_ref()),
                _ => None,
            };
            // `playlist.recordings.append(rec)`: the container belongs to its root, and so
            // does an entry it hands out (`groups.setdefault(key, []).append(day)`).
            loop {
                receiver = match receiver {
                    Some(
                        Expr::Subscript(ast::ExprSubscript { value, .. })
                        | Expr::Attribute(ast::ExprAttribute { value, .. }),
                    ) => Some(value.as_ref()),
                    Some(Expr::Call(entry)) => match entry.func.as_ref() {
                        Expr::Attribute(method)
                            if matches!(method.attr.as_str(), "setdefault" | "get") =>
                        {
                            Some(method.value.as_ref())
                        }
                        _ => break,
                    },
                    _ => break,
                };
            }
            // `qr.add_data(...)` on a `qrcode.QRCode(...)` made here: filling in an object of
            // its own; storing one takes another call (`db.session.add`, `.save()`).
            let container_verb = |verb: &str| {
                matches!(
                    verb,
                    "append"
                        | "extend"
                        | "update"
                        | "add"
                        | "pop"
                        | "setdefault"
                        | "insert"
                        | "remove"
                        | "clear"
                        | "sort"
                )
            };
            let fills_own_container = (container_verb(lower.as_str())
                || lower
                    .split_once('_')
                    .is_some_and(|(verb, _)| container_verb(verb)))
                && matches!(receiver, Some(Expr::Name(n))
                if built_here.contains(&n.id.as_str()) || returned_here.contains(&n.id.as_str()));
            let is_buffer =
                |e: &Expr| matches!(e, Expr::Name(n) if buffers_here.contains(&n.id.as_str()));
            let fills_own_buffer = matches!(lower.as_str(), "save" | "write" | "writelines")
                && (receiver.is_some_and(is_buffer) || call.arguments.args.iter().any(is_buffer));
            // `send_file`, `send_from_directory`: the answer to this request, not a message sent.
            let answers_the_caller = matches!(
                lower.as_str(),
                "send_file" | "send_from_directory" | "send_static_file"
            );
            // `set()`: the built-in makes an empty set; it sets nothing.
            let builds_a_value = matches!(call.func.as_ref(), Expr::Name(n)
                if matches!(n.id.as_str(), "set" | "frozenset" | "list" | "dict" | "tuple"));
            // `cursor.execute("""SELECT ...""", (mbid,))` (ListenBrainz's entity pages): a
            // query written out as a read.
            // `search.execute()` (elasticsearch-dsl, fatcat's searches): no statement, no write.
            let runs_a_read = lower.starts_with("execute")
                && match call.arguments.args.first() {
                    Some(Expr::StringLiteral(sql)) => is_read_query(sql.value.to_str()),
                    // `"SELECT ... WHERE o.otel_id =" + secilen_id + " ORDER BY ..."`: the
                    // statement's written start says what it does (its injection is another
                    // matter).
                    Some(Expr::BinOp(concatenated)) => {
                        leading_text(concatenated.left.as_ref()).is_some_and(is_read_query)
                    }
                    // SQLAlchemy's `conn.execute(text("SELECT ..."))`.
                    Some(Expr::Call(text))
                        if matches!(text.func.as_ref(), Expr::Name(n) if n.id.as_str() == "text")
                            || matches!(text.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "text") =>
                    {
                        matches!(text.arguments.args.first(), Some(Expr::StringLiteral(sql))
                            if is_read_query(sql.value.to_str()))
                    }
                    Some(_) => false,
                    None => call.arguments.keywords.is_empty(),
                };
            // `create_success_response(...)`, `create_error_response(...)` (Saarthi's helpers):
            // what they create is the answer to this request.
            let builds_the_answer = lower.ends_with("_response") || lower.ends_with("_reply");
            if fills_own_container
                || fills_own_buffer
                || answers_the_caller
                || builds_a_value
                || runs_a_read
                || builds_the_answer
            {
            } else if names_a_write(&lower)
                || saves_a_data_file(&lower, call, &|e: &Expr| is_buffer(e))
            {
                writes = true;
            } else {
                calls.push(call.func.as_ref());
            }
        }
        writes
    });
    writes
}

/// Whether `body` deletes a stored record itself: `db.session.delete(user)`,
/// `Note.query.filter_by(owner=x).delete()`, `cursor.execute("DELETE FROM ...")`. A `GET`
/// handler that does is a state change whatever its method says (gymapi's
/// `GET /remove/<identifier>`, the link target of an admin page, deletes any member).
pub fn deletes_records(body: &[Stmt]) -> bool {
    any_expr(body, &mut |e| {
        let Expr::Call(call) = e else {
            return false;
        };
        let Expr::Attribute(method) = call.func.as_ref() else {
            return false;
        };
        match method.attr.as_str() {
            "delete" if !call.arguments.args.is_empty() => {
                matches!(method.value.as_ref(),
                Expr::Attribute(a) if a.attr.as_str() == "session")
                    || matches!(method.value.as_ref(), Expr::Name(n) if n.id.as_str() == "session")
            }
            "delete" => matches!(method.value.as_ref(), Expr::Call(inner)
                if matches!(inner.func.as_ref(), Expr::Attribute(a)
                    if matches!(a.attr.as_str(), "filter" | "filter_by" | "where"))),
            "execute" => call.arguments.args.first().is_some_and(|sql| {
                matches!(sql, Expr::StringLiteral(s)
                    if s.value.to_str().trim_start().to_ascii_uppercase().starts_with("DELETE "))
            }),
            _ => false,
        }
    })
}

/// Whether a handler changes a row it loaded by one of `variables` (the URL's) and commits:
/// `order = PlacedOrder.query.get(order_id)`, `order.cancelled = True`, `db.session.commit()`
/// (naijaeats's `GET /cancel_order/<order_id>`). An attribute set (not a counter bumped with
/// `+=`) on a local a query returned. Not a row found by what the query string carries (a
/// payment provider's signed return URL, kaipi's `paymentconfirm`).
pub fn updates_records(body: &[Stmt], variables: &[&str]) -> bool {
    let commits = any_expr(body, &mut |e| {
        matches!(e, Expr::Call(call) if matches!(call.func.as_ref(),
            Expr::Attribute(method) if method.attr.as_str() == "commit"
                && (matches!(method.value.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "session")
                    || matches!(method.value.as_ref(), Expr::Name(n) if n.id.as_str() == "session"))))
    });
    commits && first_row_update(body, variables).is_some()
}

/// Where a handler first sets an attribute of a row it loaded by one of `variables`, whether or
/// not it commits: the assignment (see [`updates_records`]).
pub fn first_row_update<'b>(body: &'b [Stmt], variables: &[&str]) -> Option<&'b ast::StmtAssign> {
    if variables.is_empty() {
        return None;
    }
    let loaded: Vec<&str> = local_assignments(body)
        .into_iter()
        .filter(|(_, value)| {
            matches!(value, Expr::Call(call) if super::records::callee_last(&call.func).is_some_and(|name|
                matches!(name, "get" | "get_or_404" | "first" | "first_or_404" | "one" | "one_or_none" | "scalar"))
                && expr_contains(value, &mut |e| matches!(e,
                    Expr::Attribute(a) if matches!(a.attr.as_str(), "query" | "session")
                        || matches!(e, Expr::Name(n) if n.id.as_str() == "session")))
                && expr_contains(value, &mut |e| matches!(e,
                    Expr::Name(n) if variables.contains(&n.id.as_str()))))
        })
        .map(|(name, _)| name)
        .collect();
    let mut first: Option<&ast::StmtAssign> = None;
    visit_stmts(body, &mut |stmt| {
        if let Stmt::Assign(assign) = stmt
            && assign.targets.iter().any(|target| {
                matches!(target, Expr::Attribute(attribute)
                    if matches!(attribute.value.as_ref(), Expr::Name(n)
                        if loaded.contains(&n.id.as_str())
                            && !recomputed_from_row(&assign.value, n.id.as_str())))
            })
            && first.is_none_or(|at| assign.range().start() < at.range().start())
        {
            first = Some(assign);
        }
    });
    first
}

/// A value computed from the row it is stored on alone: any-questions' profile view sets
/// `user.reputation = 30 * user.tag_count + ... + sum(a.ranking for a in user.answers)` and
/// commits. Bookkeeping the caller cannot steer, unlike `order.status = "cancelled"` or a
/// value read from the request.
fn recomputed_from_row(value: &Expr, row: &str) -> bool {
    const BUILTINS: &[&str] = &[
        "sum", "len", "list", "min", "max", "round", "int", "float", "abs", "sorted", "any", "all",
        "bool", "set",
    ];
    let mut bound: Vec<&str> = Vec::new();
    expr_contains(value, &mut |e| {
        let generators = match e {
            Expr::Generator(g) => &g.generators,
            Expr::ListComp(c) => &c.generators,
            Expr::SetComp(c) => &c.generators,
            _ => return false,
        };
        for generator in generators {
            expr_contains(&generator.target, &mut |t| {
                if let Expr::Name(name) = t {
                    bound.push(name.id.as_str());
                }
                false
            });
        }
        false
    });
    let mut mentions_row = false;
    let foreign = expr_contains(value, &mut |e| match e {
        Expr::Name(name) if name.id.as_str() == row => {
            mentions_row = true;
            false
        }
        Expr::Name(name) => {
            !BUILTINS.contains(&name.id.as_str()) && !bound.contains(&name.id.as_str())
        }
        _ => false,
    });
    mentions_row && !foreign
}

/// The call a handler's body is made of: `return Controller.action(id)` or `Controller.action()`
/// alone, after an optional docstring. A handler that does anything else before or after it
/// runs code of its own the delegate's decorators do not guard.
fn delegated_call(body: &[Stmt]) -> Option<&ast::ExprCall> {
    let statements: Vec<&Stmt> = body
        .iter()
        .filter(|stmt| {
            !matches!(stmt, Stmt::Expr(e) if matches!(e.value.as_ref(), Expr::StringLiteral(_)))
        })
        .collect();
    let [only] = statements.as_slice() else {
        return None;
    };
    let value = match only {
        Stmt::Return(ret) => ret.value.as_deref()?,
        Stmt::Expr(expr) => expr.value.as_ref(),
        _ => return None,
    };
    match value {
        Expr::Call(call) => Some(call),
        _ => None,
    }
}

/// Whether `body` logs a user in: Flask-Login's `login_user(...)`, Flask-Principal's
/// `identity_changed.send(...)`, or a check of a submitted password.
fn starts_a_login_session(body: &[Stmt]) -> bool {
    any_expr(body, &mut |e| {
        let Expr::Call(call) = e else { return false };
        // A submitted password checked (mhn's `verify_and_update_password` before its 401 for
        // wrong credentials): the handler is the login, whatever starts the session after it.
        if matches!(
            super::records::callee_last(&call.func),
            Some(
                "check_password_hash"
                    | "verify_password"
                    | "check_password"
                    | "verify_and_update_password"
            )
        ) {
            return true;
        }
        match call.func.as_ref() {
            Expr::Name(n) => n.id.as_str() == "login_user",
            Expr::Attribute(a) => {
                a.attr.as_str() == "login_user"
                    || a.attr.as_str() == "send"
                        && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "identity_changed")
            }
            _ => false,
        }
    })
}

/// The logged-in user a session check tests (`g.user`, `current_user`, `session["user_id"]`),
/// as written, when `body` refuses requests without one.
fn logged_in_user(body: &[Stmt]) -> Option<String> {
    if !refuses_without_login(body) {
        return None;
    }
    let mut user = None;
    any_expr(body, &mut |e| {
        if login_state(e) {
            user = Some(match e {
                // `current_user.is_authenticated`: the user is `current_user`.
                Expr::Attribute(a) if matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "current_user") => {
                    "current_user".to_string()
                }
                Expr::Attribute(a) => match a.value.as_ref() {
                    Expr::Name(n) => format!("{}.{}", n.id, a.attr),
                    _ => "current_user".to_string(),
                },
                Expr::Subscript(sub) => match sub.slice.as_ref() {
                    Expr::StringLiteral(k) => format!("session[\"{}\"]", k.value.to_str()),
                    _ => "the session's user".to_string(),
                },
                _ => "the session's user".to_string(),
            });
            return true;
        }
        if let Expr::Compare(compare) = e
            && matches!(compare.ops.as_ref(), [ast::CmpOp::NotIn])
            && matches!(compare.comparators.as_ref(), [only] if is_flask_session(only))
            && let Expr::StringLiteral(key) = compare.left.as_ref()
        {
            user = Some(format!("session[\"{}\"]", key.value.to_str()));
            return true;
        }
        matches!(e, Expr::Name(n) if n.id.as_str() == "current_user")
            .then(|| user = Some("current_user".to_string()))
            .is_some()
    });
    user
}

/// `is_admin()`, `has_role()`: a predicate about the caller, asked without arguments: the
/// privilege it passes on is the caller's own (fedocal's `add_meeting(..., admin=is_admin())`).
fn asks_about_the_caller(value: &Expr) -> bool {
    let Expr::Call(call) = value else {
        return false;
    };
    let name = match call.func.as_ref() {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => return false,
    };
    call.arguments.is_empty()
        && ["is_", "has_", "can_"]
            .iter()
            .any(|prefix| name.starts_with(prefix))
}

/// A user-session value: `current_user` (Flask-Login, Flask-Security), `g.user`,
/// `g.current_user`, `session["user_id"]`, `session.get("logged_in")`.
fn login_state(expr: &Expr) -> bool {
    match expr {
        // `g.user`, `g.current_user`; not an attribute of `current_user` (`current_user.confirmed`
        // is a fact about a user who is logged in).
        // canaille's `g.session`, the user's login session a hook loads; copr's `flask.g.user`.
        Expr::Attribute(attribute) => {
            is_flask_g(&attribute.value)
                && (names_login(attribute.attr.as_str())
                    || matches!(attribute.attr.as_str(), "session" | "identity"))
        }
        Expr::Subscript(subscript) => {
            is_flask_session(&subscript.value)
                && matches!(subscript.slice.as_ref(), Expr::StringLiteral(k) if names_login(k.value.to_str()))
        }
        Expr::Call(call) => {
            // `session.logged_in()`, `is_logged_in()`, `current_user.is_authenticated()` (an
            // old Flask-Login), `auth.is_authenticated()`, `authenticated()`: asked of the
            // session, without arguments.
            let name = match call.func.as_ref() {
                Expr::Attribute(a) => a.attr.as_str(),
                Expr::Name(n) => n.id.as_str(),
                _ => "",
            };
            // pagure's `authenticated()` and `api_authenticated()` too.
            let asks_login = call.arguments.is_empty()
                && (name.ends_with("logged_in") || name.ends_with("authenticated"));
            // `user_active(psef.current_user)` (CodeGra.de's `ensure_logged_in`): the same
            // question asked of the current user, who is `None` or anonymous without a login.
            let asks_of_current_user = matches!(call.arguments.args.as_ref(), [only] if names_current_user(only))
                && call.arguments.keywords.is_empty()
                && (name.ends_with("active")
                    || name.ends_with("logged_in")
                    || name.ends_with("authenticated"));
            asks_login
                || asks_of_current_user
                || matches!(call.func.as_ref(), Expr::Attribute(a)
                if a.attr.as_str() == "get"
                    && is_flask_session(&a.value))
                    && matches!(call.arguments.args.first(), Some(Expr::StringLiteral(k)) if names_login(k.value.to_str()))
        }
        _ => false,
    }
}

/// A test of the login state alone: `not current_user.is_authenticated`, possibly with an
/// exemption (`request.endpoint not in PUBLIC and not session.logged_in()`); not
/// `current_user.is_anonymous or not current_user.is_admin`, which also checks a role.
fn only_tests_login(test: &Expr) -> bool {
    lacks_login(test) && !matches!(test, Expr::BoolOp(op) if op.op == ast::BoolOp::Or)
}

/// A test that holds when the session lacks a value: `not session.get("k")`,
/// `not session["k"]`, `"k" not in session`, `session.get("k") is None`.
fn lacks_session_value(test: &Expr) -> bool {
    let reads_session = |e: &Expr| session_read(e).is_some();
    match test {
        Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => reads_session(&op.operand),
        Expr::Compare(compare) => match (compare.ops.as_ref(), compare.comparators.as_ref()) {
            ([ast::CmpOp::NotIn], [only]) => {
                is_flask_session(only) && matches!(compare.left.as_ref(), Expr::StringLiteral(_))
            }
            ([ast::CmpOp::Is | ast::CmpOp::Eq], [right]) => {
                right.is_none_literal_expr() && reads_session(&compare.left)
            }
            _ => false,
        },
        _ => false,
    }
}

/// A session key or attribute named for the logged-in user: `user`, `user_id`, `logged_in`,
/// `login`, and the logged-in administrator's `admin_id` (petpal), which no anonymous caller
/// holds either.
fn names_login(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("user")
        || lower.contains("login")
        || lower.contains("logged")
        || lower.contains("admin")
}

/// A test that holds only when someone is logged in: `"user" in session`,
/// `current_user.is_authenticated`, `session.get("user_id")`, `is_logged_in()`.
fn has_login(test: &Expr) -> bool {
    match test {
        Expr::Attribute(a) => a.attr.as_str() == "is_authenticated",
        Expr::Compare(compare) => {
            matches!(compare.ops.as_ref(), [ast::CmpOp::In])
                && matches!(compare.comparators.as_ref(), [only] if is_flask_session(only))
                && matches!(compare.left.as_ref(), Expr::StringLiteral(k) if names_login(k.value.to_str()))
        }
        other => login_state(other),
    }
}

/// `current_user`, `login.current_user`, `flask_login.current_user`.
fn names_current_user(expr: &Expr) -> bool {
    match expr {
        Expr::Name(name) => name.id.as_str() == "current_user",
        Expr::Attribute(attribute) => attribute.attr.as_str() == "current_user",
        _ => false,
    }
}

/// A decorator whose wrapper answers `guard(...) or view(...)`, the guard a call named for
/// requiring a login (the Digital Marketplace's `return require_login(role="supplier") or
/// func(*args, **kwargs)`, `dmutils.access_control.require_login` answering a redirect, or
/// `None` to let the request through): the view runs only when the guard answers nothing.
fn returns_login_guard_or_view(def: &ast::StmtFunctionDef) -> bool {
    let view = def
        .parameters
        .args
        .first()
        .map(|parameter| parameter.parameter.name.as_str());
    let mut found = false;
    for_each_def(&def.body, &mut |wrapper| {
        visit_stmts(&wrapper.body, &mut |stmt| {
            let Stmt::Return(ret) = stmt else { return };
            let Some(Expr::BoolOp(operation)) = ret.value.as_deref() else {
                return;
            };
            if operation.op != ast::BoolOp::Or {
                return;
            }
            let [Expr::Call(guard), .., Expr::Call(last)] = operation.values.as_slice() else {
                return;
            };
            let calls_view =
                matches!(last.func.as_ref(), Expr::Name(n) if Some(n.id.as_str()) == view);
            let words =
                super::context::words(super::records::callee_last(&guard.func).unwrap_or(""));
            let requires_login = words
                .iter()
                .any(|w| w == "require" || w == "requires" || w == "required")
                && words.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "login" | "auth" | "authentication" | "user" | "role"
                    )
                });
            found |= calls_view && requires_login;
        });
    });
    found
}

/// The keywords a route decorator sets to `False` (`login_required=False`, `read_write=False`).
fn switched_off(call: &ast::ExprCall) -> Vec<&str> {
    call.arguments
        .keywords
        .iter()
        .filter(|keyword| matches!(keyword.value, Expr::BooleanLiteral(ref b) if !b.value))
        .filter_map(|keyword| keyword.arg.as_ref().map(|name| name.as_str()))
        .collect()
}

/// Each test of an `if` / `elif` chain with the body it guards; `None` for the `else`.
pub fn if_clauses(branch: &ast::StmtIf) -> impl Iterator<Item = (Option<&Expr>, &[Stmt])> + '_ {
    std::iter::once((Some(branch.test.as_ref()), branch.body.as_slice())).chain(
        branch
            .elif_else_clauses
            .iter()
            .map(|clause| (clause.test.as_ref(), clause.body.as_slice())),
    )
}

/// A list, tuple or set of string literals: `None` is never in it.
fn holds_only_strings(expr: &Expr) -> bool {
    let items = match expr {
        Expr::List(list) => &list.elts,
        Expr::Tuple(tuple) => &tuple.elts,
        Expr::Set(set) => &set.elts,
        _ => return false,
    };
    !items.is_empty()
        && items
            .iter()
            .all(|item| matches!(item, Expr::StringLiteral(_)))
}

/// A test that holds when nobody is logged in.
fn lacks_login(test: &Expr) -> bool {
    match test {
        // `if current_user.is_anonymous or not current_user.is_administrator: abort(403)`
        // (OpenOversight's `admin_required`): anonymous callers are refused too.
        Expr::BoolOp(op) if op.op == ast::BoolOp::Or => op.values.iter().any(lacks_login),
        // `if has_password and not current_user.is_authenticated:`; not
        // `if current_user.is_authenticated and not current_user.confirmed:`, which applies to
        // logged-in users only.
        Expr::BoolOp(op) if op.op == ast::BoolOp::And => {
            op.values.iter().any(lacks_login)
                && !op.values.iter().any(|value| {
                    matches!(value, Expr::Attribute(a) if a.attr.as_str() == "is_authenticated")
                })
        }
        Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => match op.operand.as_ref() {
            Expr::Attribute(a) if a.attr.as_str() == "is_authenticated" => true,
            // `not g.user.authenticated` (byceps's `login_required`, its anonymous user object).
            Expr::Attribute(a)
                if a.attr.as_str() == "authenticated"
                    && (login_state(&a.value) || names_current_user(&a.value)) =>
            {
                true
            }
            // `not current_user.is_active`, `not login.current_user.is_active()` (an old
            // Flask-Login, pyspider): the anonymous user is never active.
            Expr::Attribute(a) if a.attr.as_str() == "is_active" => names_current_user(&a.value),
            Expr::Call(call) if call.arguments.is_empty() && matches!(call.func.as_ref(),
                Expr::Attribute(a) if a.attr.as_str() == "is_active" && names_current_user(&a.value)) =>
            {
                true
            }
            // `not (session.get("logged_in") or session.get("admin_logged_in"))` (HostelHub's
            // hook): none of the app's logins.
            Expr::BoolOp(any) if any.op == ast::BoolOp::Or => any
                .values
                .iter()
                .all(|login| login_state(login) || reads_session_login(login)),
            other => login_state(other),
        },
        Expr::Attribute(a) => a.attr.as_str() == "is_anonymous",
        Expr::Compare(compare) => {
            let [operator] = compare.ops.as_ref() else {
                return false;
            };
            let [right] = compare.comparators.as_ref() else {
                return false;
            };
            match operator {
                ast::CmpOp::Is | ast::CmpOp::Eq => {
                    right.is_none_literal_expr() && login_state(&compare.left)
                        || matches!(right, Expr::BooleanLiteral(b) if !b.value)
                            && matches!(compare.left.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "is_authenticated")
                }
                ast::CmpOp::NotIn => {
                    is_flask_session(right)
                        && matches!(compare.left.as_ref(), Expr::StringLiteral(k) if names_login(k.value.to_str()))
                        // `session.get("user_type") not in ["administrator", "account_management"]`
                        // (newsroom's `account_manager_only`): nobody logged in has no user type.
                        || login_state(&compare.left) && holds_only_strings(right)
                }
                // `session.get("user_type") != "administrator"`
                ast::CmpOp::NotEq => {
                    login_state(&compare.left) && matches!(right, Expr::StringLiteral(_))
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// A decorator that turns away callers whose kind of account, kept in the session at login,
/// is not the one it names: `if session.get("user") != "waiter": return redirect(...)`
/// (Year2Term2Restaurant's `waiter_required`), `not in ["admin", "manager"]`, in a branch that
/// does not run the view. That is a role check, as `admin_required` is.
fn gates_on_session_account_kind(def: &ast::StmtFunctionDef) -> bool {
    let Some(view) = def.parameters.args.first() else {
        return false;
    };
    let view = view.parameter.name.as_str();
    let mut found = false;
    visit_stmts(&def.body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        let Expr::Compare(compare) = branch.test.as_ref() else {
            return;
        };
        let ([operator], [right]) = (compare.ops.as_ref(), compare.comparators.as_ref()) else {
            return;
        };
        let kinds: Vec<&str> = match (operator, right) {
            (ast::CmpOp::NotEq, Expr::StringLiteral(kind)) => vec![kind.value.to_str()],
            (ast::CmpOp::NotIn, Expr::List(ast::ExprList { elts, .. }))
            | (ast::CmpOp::NotIn, Expr::Tuple(ast::ExprTuple { elts, .. }))
            | (ast::CmpOp::NotIn, Expr::Set(ast::ExprSet { elts, .. })) => elts
                .iter()
                .filter_map(|e| match e {
                    Expr::StringLiteral(kind) => Some(kind.value.to_str()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        // `!= "customer"` lets every customer in: each still reaches the others' rows.
        if kinds.is_empty()
            || kinds.iter().any(|kind| names_ordinary_account(kind))
            || !login_state(&compare.left)
        {
            return;
        }
        let runs_the_view = any_expr(
            &branch.body,
            &mut |e| matches!(e, Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == view)),
        );
        found |= !runs_the_view;
    });
    found
}

/// The first statement of `body` that does something a visitor meets: past a docstring, locals
/// set to a literal or read off the request (`score = request.form.get("score1")`, `team =
/// None`: GameRing's `report_post`), nested `def`s and `print(...)` calls; into the branch of an
/// `if` that tests a parameter left at `None` (`unset`) for `None` (`if tokenuser == None:`).
fn first_effect<'a>(body: &'a [Stmt], unset: &[&str]) -> Option<&'a Stmt> {
    let request_field = |value: &Expr| {
        let read = match value {
            Expr::Call(call) if call.arguments.args.len() <= 2 => match call.func.as_ref() {
                Expr::Attribute(method) if method.attr.as_str() == "get" => &method.value,
                _ => return false,
            },
            Expr::Subscript(subscript) => &subscript.value,
            _ => return false,
        };
        super::open_credentials::is_request_mapping(read)
    };
    let changes_nothing = |value: &Expr| {
        value.is_literal_expr()
            || matches!(value, Expr::List(list) if list.elts.is_empty())
            || matches!(value, Expr::Dict(dict) if dict.items.is_empty())
            || request_field(value)
    };
    let unset_test = |test: &Expr| {
        let unset_name = |e: &Expr| matches!(e, Expr::Name(n) if unset.contains(&n.id.as_str()));
        match test {
            Expr::Compare(compare) => {
                matches!(compare.ops.as_ref(), [ast::CmpOp::Eq | ast::CmpOp::Is])
                    && unset_name(&compare.left)
                    && matches!(compare.comparators.as_ref(), [Expr::NoneLiteral(_)])
            }
            Expr::UnaryOp(not) => not.op == ast::UnaryOp::Not && unset_name(&not.operand),
            _ => false,
        }
    };
    for stmt in body {
        match stmt {
            Stmt::Expr(e) if e.value.is_string_literal_expr() => {}
            Stmt::Expr(e)
                if matches!(e.value.as_ref(), Expr::Call(call)
                    if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "print")) => {
            }
            Stmt::Assign(assign) if changes_nothing(&assign.value) => {}
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            Stmt::If(branch) if unset_test(&branch.test) => {
                if let Some(first) = first_effect(&branch.body, unset) {
                    return Some(first);
                }
            }
            other => return Some(other),
        }
    }
    None
}

/// A decorator that runs the view only for callers whose level passes a numeric threshold:
/// `if current_user.permissions >= 13: return func(*args, **kwargs)` with nothing else run
/// (Ibericon2.0's `only_left_hand`; a caller below the level gets no answer from the view).
/// Every call of the view sits in the body of such a test. A login test (`is_authenticated`)
/// is no level, and the threshold is on the caller's own account.
fn runs_view_only_past_a_level(def: &ast::StmtFunctionDef) -> bool {
    let Some(view) = def.parameters.args.first() else {
        return false;
    };
    let view = view.parameter.name.as_str();
    fn level_test(test: &Expr) -> bool {
        match test {
            Expr::BoolOp(both) if both.op == ast::BoolOp::And => both.values.iter().any(level_test),
            Expr::Compare(compare) => {
                let ([operator], [right]) = (compare.ops.as_ref(), compare.comparators.as_ref())
                else {
                    return false;
                };
                let caller_level = |e: &Expr| {
                    matches!(e, Expr::Attribute(a) if names_current_user(&a.value)
                        && !matches!(a.attr.as_str(), "is_authenticated" | "is_active" | "is_anonymous" | "id"))
                };
                let number = |e: &Expr| matches!(e, Expr::NumberLiteral(_));
                matches!(
                    operator,
                    ast::CmpOp::Gt | ast::CmpOp::GtE | ast::CmpOp::Lt | ast::CmpOp::LtE
                ) && (caller_level(&compare.left) && number(right)
                    || number(&compare.left) && caller_level(right))
            }
            _ => false,
        }
    }
    let mut gated: Vec<TextRange> = Vec::new();
    visit_stmts(&def.body, &mut |stmt| {
        if let Stmt::If(branch) = stmt
            && level_test(&branch.test)
            && let (Some(first), Some(last)) = (branch.body.first(), branch.body.last())
        {
            gated.push(TextRange::new(first.start(), last.end()));
        }
    });
    if gated.is_empty() {
        return false;
    }
    let mut calls = 0;
    let mut outside = false;
    any_expr(&def.body, &mut |e| {
        if let Expr::Call(call) = e
            && matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == view)
        {
            calls += 1;
            outside |= !gated.iter().any(|range| range.contains_range(call.range()));
        }
        false
    });
    calls > 0 && !outside
}

/// A kind of account everyone who signs up gets (`customer`, `user`, `student`): requiring it
/// is a login, not a role that may act on other accounts' rows.
fn names_ordinary_account(kind: &str) -> bool {
    let lower = kind.to_ascii_lowercase();
    [
        "customer",
        "user",
        "member",
        "client",
        "student",
        "patient",
        "guest",
        "buyer",
        "subscriber",
        "player",
        "learner",
        "visitor",
        "applicant",
        "candidate",
        "passenger",
        "participant",
        "reader",
        "shopper",
        "consumer",
    ]
    .iter()
    .any(|ordinary| lower.contains(ordinary))
}

/// A role or permission name that says it is privileged: `admin`, `superuser`, `owner`, `staff`,
/// `moderator`, `manager`, `root`, `maintainer`, `operator`, `write`, `all`.
pub fn names_privilege(role: &str) -> bool {
    let lower = role.to_ascii_lowercase();
    if owns_one_thing(&lower) {
        return false;
    }
    [
        "admin",
        "super",
        "owner",
        "staff",
        "moderator",
        "manager",
        "root",
        "maintainer",
        "operator",
        "write",
        "all",
        "sudo",
        "privileged",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

/// An owner of one thing of the caller's own (`restaurant_owner`, `pet-owner`, `shop owner`):
/// the kind of account every tenant of RestaurantCMS signs up as, not the site's owner
/// (`owner`, `site_owner`, `system_owner`).
fn owns_one_thing(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(['_', '-', ' ', '.'])
        .filter(|word| !word.is_empty())
        .collect();
    let [.., thing, "owner"] = words.as_slice() else {
        return false;
    };
    !matches!(
        *thing,
        "site"
            | "system"
            | "app"
            | "application"
            | "platform"
            | "global"
            | "instance"
            | "server"
            | "super"
            | "root"
            | "data"
            | "database"
            | "db"
    ) && !words.iter().any(|word| {
        [
            "admin",
            "super",
            "staff",
            "moderator",
            "manager",
            "root",
            "sudo",
        ]
        .iter()
        .any(|privilege| word.contains(privilege))
    })
}

/// Eve's authentication API: `if not auth.authorized(roles, resource, method): return
/// auth.authenticate()` (superdesk's `blueprint_auth`, with `auth = app.auth`). Eve's
/// `authorized` checks the request's credentials and its `authenticate` aborts with 401.
fn refuses_through_eve_auth(body: &[Stmt]) -> bool {
    let method_call = |e: &Expr, name: &str| matches!(e, Expr::Call(call) if matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == name));
    let mut found = false;
    visit_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else {
            return;
        };
        let negated_check = matches!(branch.test.as_ref(), Expr::UnaryOp(op)
            if op.op == ast::UnaryOp::Not && method_call(&op.operand, "authorized"));
        let answers = branch.body.iter().any(|stmt| {
            matches!(stmt, Stmt::Return(ret) if ret.value.as_deref().is_some_and(|v| method_call(v, "authenticate")))
        });
        found |= negated_check && answers;
    });
    found
}

/// The name of a configured credential an expression reads: `current_app.config["API_KEY"]`,
/// `app.config.get("API_KEY")`, `os.environ["API_KEY"]`, `os.getenv("API_KEY")`, `API_KEY`,
/// `settings.API_KEY`; only names that say key, token, secret or password.
/// `get_allowed_tokens_from_config(current_app.config, module=module)`: a call handed the
/// application's configuration whose name says it yields keys or tokens (the Digital
/// Marketplace's accepted bearer tokens). Its name, for messages.
fn read_from_config(expr: &Expr) -> Option<String> {
    let Expr::Call(call) = expr else {
        return None;
    };
    let handed_config = call
        .arguments
        .args
        .iter()
        .any(|argument| super::records::callee_last(argument) == Some("config"));
    let name = super::records::callee_last(&call.func)?;
    (handed_config && names_a_secret(name)).then(|| format!("{name}(...)"))
}

/// A name with `key`, `token`, `secret` or `password` in it, in any case.
fn names_a_secret(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    ["KEY", "TOKEN", "SECRET", "PASSWORD"]
        .iter()
        .any(|word| upper.contains(word))
}

pub(crate) fn configured_key_name(expr: &Expr) -> Option<String> {
    let name = match expr {
        Expr::Subscript(subscript) => match subscript.slice.as_ref() {
            Expr::StringLiteral(key) => {
                let reads_config = match subscript.value.as_ref() {
                    Expr::Attribute(a) => matches!(a.attr.as_str(), "config" | "environ"),
                    Expr::Name(n) => matches!(n.id.as_str(), "config" | "environ"),
                    _ => false,
                };
                reads_config.then(|| key.value.to_str().to_string())?
            }
            _ => return None,
        },
        Expr::Call(call) => {
            let getter = match call.func.as_ref() {
                Expr::Attribute(a) if a.attr.as_str() == "get" => {
                    matches!(a.value.as_ref(), Expr::Attribute(inner) if matches!(inner.attr.as_str(), "config" | "environ"))
                        || matches!(a.value.as_ref(), Expr::Name(n) if matches!(n.id.as_str(), "config" | "environ"))
                }
                Expr::Attribute(a) => a.attr.as_str() == "getenv",
                Expr::Name(n) => n.id.as_str() == "getenv",
                _ => false,
            };
            match call.arguments.args.first() {
                Some(Expr::StringLiteral(key)) if getter => key.value.to_str().to_string(),
                _ => return None,
            }
        }
        Expr::Name(name) if super::config::is_constant_name(name.id.as_str()) => {
            name.id.to_string()
        }
        Expr::Attribute(attribute) if super::config::is_constant_name(attribute.attr.as_str()) => {
            attribute.attr.to_string()
        }
        _ => return None,
    };
    let upper = name.to_ascii_uppercase();
    // `JWT_KEY_ID`, `API_KEY_HEADER`, `TOKEN_URL`: what names a key, not the key.
    let names_rather_than_holds = ["_ID", "_IDS", "KID", "_HEADER", "_URL", "_NAME"]
        .iter()
        .any(|suffix| upper.ends_with(suffix));
    (!names_rather_than_holds && names_a_secret(&name)).then_some(name)
}

/// Whether `expr` names a member of a role, permission or scope enumeration: `Role.admin`,
/// `Permission.EDITOR`, in a set or list too. Not any name with "admin" in it
/// (`@limiter.limit(admin_limit)` names a rate).
fn names_a_role_member(expr: &Expr) -> bool {
    expr_contains(expr, &mut |e| {
        matches!(e, Expr::Attribute(attribute)
            if matches!(attribute.value.as_ref(), Expr::Name(class)
                if class.id.chars().next().is_some_and(char::is_uppercase)
                    && is_role_word(class.id.as_str())))
    })
}

/// An answer whose body says 401 or 403 though its status is 200 (ARL's `{"message": "not
/// login", "code": 401}`, bayonet's `{"result": {"status_code": 401}}`): the client is told no,
/// and the view does not run.
fn body_refuses(e: &Expr, depth: usize) -> bool {
    let Expr::Dict(dict) = e else { return false };
    depth < 4
        && dict.items.iter().any(|item| {
            let code_key = item.key.as_ref().is_some_and(|key| {
                matches!(key, Expr::StringLiteral(k) if matches!(
                    k.value.to_str().to_ascii_lowercase().as_str(),
                    "code" | "status" | "status_code" | "statuscode" | "errcode" | "error_code" | "ret"
                ))
            });
            (code_key
                && matches!(&item.value, Expr::NumberLiteral(n)
                    if matches!(&n.value, ast::Number::Int(i) if matches!(i.as_u64(), Some(401 | 403)))))
                || body_refuses(&item.value, depth + 1)
        })
}

/// Whether a branch refuses the request somewhere in it.
fn branch_refuses(body: &[Stmt]) -> bool {
    branch_refuses_within(body, body)
}

/// The names bound to an answer whose body refuses: `ret = {"message": "not login", "code":
/// 401}` (ARL binds it in the decorator and returns it from the wrapper).
fn refusing_bodies(body: &[Stmt]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    visit_stmts(body, &mut |stmt| {
        if let Stmt::Assign(assign) = stmt
            && body_refuses(&assign.value, 0)
        {
            for target in &assign.targets {
                if let Expr::Name(name) = target {
                    names.push(name.id.as_str());
                }
            }
        }
    });
    names
}

/// `branch_refuses`, where a returned bare name may be bound to a refusing answer anywhere in
/// `scope` (the decorator around the wrapper); looked up only when `body` returns a bare name,
/// which most bodies never do.
fn branch_refuses_within(body: &[Stmt], scope: &[Stmt]) -> bool {
    // `401`, `403`, `HTTPStatus.FORBIDDEN`, `status.HTTP_401_UNAUTHORIZED`, and a project's own
    // status constants named for the same (fuxi's `Response.failed(StatusCode.AUTH_FAILED)`).
    let status = |e: &Expr| match e {
        Expr::NumberLiteral(n) => {
            matches!(&n.value, ast::Number::Int(i) if matches!(i.as_u64(), Some(401 | 403)))
        }
        Expr::Attribute(a) => {
            let name = a.attr.as_str();
            name.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
                && [
                    "FORBIDDEN",
                    "UNAUTHORIZED",
                    "UNAUTHENTICATED",
                    "AUTH_FAIL",
                    "NOT_LOGIN",
                    "NOT_LOGGED",
                    "LOGIN_REQUIRED",
                    "PERMISSION_DENIED",
                    "ACCESS_DENIED",
                ]
                .iter()
                .any(|word| name.contains(word))
        }
        _ => false,
    };
    let mut refuses = false;
    visit_stmts(body, &mut |stmt| match stmt {
        Stmt::Return(ret) => {
            if let Some(value) = ret.value.as_deref() {
                let refusal = match value {
                    Expr::Dict(_) => body_refuses(value, 0),
                    Expr::Name(name) => refusing_bodies(scope).contains(&name.id.as_str()),
                    Expr::Tuple(tuple) => tuple.elts.iter().any(status),
                    Expr::Call(call) => {
                        // `responses.forbidden()` (wikilabels)
                        // byceps's `redirect_to(view, next=...)`, a project wrapper of both.
                        matches!(
                            call.func.as_ref(),
                            Expr::Name(n) if matches!(n.id.as_str(), "redirect" | "redirect_to" | "unauthorized" | "forbidden")
                        ) || matches!(
                            call.func.as_ref(),
                            Expr::Attribute(a) if matches!(a.attr.as_str(), "redirect" | "unauthorized" | "forbidden")
                        ) || call
                            .arguments
                            .args
                            .iter()
                            .any(|a| status(a) || body_refuses(a, 0))
                            || call.arguments.keywords.iter().any(|k| status(&k.value))
                    }
                    _ => false,
                };
                refuses |= refusal;
            }
        }
        Stmt::Raise(raise) => {
            refuses |= raise.exc.as_deref().is_some_and(|exc| {
                // `raise PicoException("You must be logged in", 401)`: a project exception
                // carrying the status its error handler answers with.
                if let Expr::Call(call) = exc
                    && (call.arguments.args.iter().any(status)
                        || call.arguments.keywords.iter().any(|k| status(&k.value)))
                {
                    return true;
                }
                let callee = match exc {
                    Expr::Call(call) => call.func.as_ref(),
                    other => other,
                };
                let name = match callee {
                    Expr::Name(n) => n.id.as_str(),
                    Expr::Attribute(a) => a.attr.as_str(),
                    _ => "",
                };
                // ListenBrainz's `APIUnauthorized`, `APIForbidden`: a project class named for
                // the refusal.
                [
                    "Unauthorized",
                    "Forbidden",
                    "Unauthenticated",
                    "NotAuthorized",
                ]
                .iter()
                .any(|refusal| name.ends_with(refusal))
            });
        }
        Stmt::Expr(expression) => {
            // `abort(401)`, and flask-restx's `api.abort(401)` / `self.abort(401)`; `abort(
            // make_response(jsonify(message="Unauthorized"), 401))` (markus-autotesting), a
            // response carrying the status.
            if let Expr::Call(call) = expression.value.as_ref()
                && (matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "abort")
                    || matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "abort"))
                && call.arguments.args.first().is_some_and(|answer| {
                    status(answer)
                        || matches!(answer, Expr::Call(response)
                            if response.arguments.args.iter().any(status)
                                || response.arguments.keywords.iter().any(|k| status(&k.value)))
                })
            {
                refuses = true;
            }
            // `_raise_login_exception()` (CodeGra.de), `raise_unauthorized(...)`: a helper named
            // for raising the refusal.
            if let Expr::Call(call) = expression.value.as_ref() {
                let name = match call.func.as_ref() {
                    Expr::Name(n) => n.id.as_str(),
                    Expr::Attribute(a) => a.attr.as_str(),
                    _ => "",
                };
                let words = super::context::words(name);
                refuses |= words.first().is_some_and(|w| w == "raise")
                    && words.iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "login"
                                | "auth"
                                | "unauthorized"
                                | "unauthenticated"
                                | "forbidden"
                                | "permission"
                        )
                    });
            }
        }
        // `response.status_code = 401` before `return response` (WGDashboard's hook).
        Stmt::Assign(assign) => {
            refuses |= status(&assign.value)
                && assign.targets.iter().any(
                    |target| matches!(target, Expr::Attribute(a) if a.attr.as_str() == "status_code"),
                );
        }
        _ => {}
    });
    refuses
}

/// Whether a value comes from the caller: the request (`request.json["refresh_token"]`,
/// the `Authorization` header, a cookie), a parameter of `def` (a URL variable), or a local
/// cut from those. Not the answer of an outgoing call (`requests.post(...).json()`), nor a
/// token `def` just minted.
fn comes_from_caller(
    def: &ast::StmtFunctionDef,
    assignments: &[(&str, &Expr)],
    value: &Expr,
    depth: usize,
) -> bool {
    if depth > MAX_CALL_DEPTH {
        return false;
    }
    match value {
        Expr::Name(name) => {
            let id = name.id.as_str();
            if id == "request" {
                return true;
            }
            if def
                .parameters
                .iter_non_variadic_params()
                .any(|p| p.parameter.name.as_str() == id && !matches!(id, "self" | "cls"))
            {
                return true;
            }
            assignments
                .iter()
                .filter(|(target, _)| *target == id)
                .any(|(_, assigned)| comes_from_caller(def, assignments, assigned, depth + 1))
        }
        Expr::Attribute(attribute) => {
            comes_from_caller(def, assignments, &attribute.value, depth + 1)
        }
        Expr::Subscript(subscript) => {
            comes_from_caller(def, assignments, &subscript.value, depth + 1)
        }
        Expr::Call(call) => match call.func.as_ref() {
            // `auth.split()[1]`, `request.get_json()`, `data.get("token")`
            Expr::Attribute(attribute) => {
                comes_from_caller(def, assignments, &attribute.value, depth + 1)
            }
            _ => false,
        },
        Expr::BoolOp(boolop) => boolop
            .values
            .iter()
            .any(|v| comes_from_caller(def, assignments, v, depth + 1)),
        _ => false,
    }
}

/// Whether `body` reads anything of the request (`request.headers`, `request.json`, ...).
pub fn reads_request(body: &[Stmt]) -> bool {
    any_expr(
        body,
        &mut |e| matches!(e, Expr::Name(n) if n.id.as_str() == "request"),
    )
}

/// The last name of what a decorator calls: `arguments` for `@blp.arguments(Schema)`,
/// `login_required` for `@login_required`; empty for anything else.
pub fn decorator_name(decorator: &Expr) -> &str {
    let callee = decorator_callee(decorator);
    match callee {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => "",
    }
}

/// The handler's parameters other than `self` / `cls` and the URL variables: what decorators
/// pass in.
pub fn parameters_beside_url<'r, 'a>(route: &'r Route<'a>) -> impl Iterator<Item = &'a str> + 'r {
    let handler: &'a ast::StmtFunctionDef = route.handler;
    handler
        .parameters
        .iter_non_variadic_params()
        .map(|p| p.parameter.name.as_str())
        .filter(|name| {
            !matches!(*name, "self" | "cls") && !route.variables.iter().any(|v| v.name == *name)
        })
}
