//! JWT library calls: which call is a PyJWT / python-jose / authlib decode or encode, and what
//! its arguments are, whatever alias or positional form the code uses.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::apps::{AppConstruction, is_app_constructor};
use super::calls::{FileCalls, RecordedCall};
use super::context::{ContextCollector, TestName};
use super::exceptions::{HandlerCall, raised_with_own_text};
use super::scope::Scope;
use super::value::Value;
use super::{At, FileModel, ProjectModel, SigningAlgorithm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Library {
    /// PyJWT, imported as `jwt`.
    PyJwt,
    /// python-jose, `jose.jwt`.
    Jose,
    /// authlib, `authlib.jose.jwt` or a `JsonWebToken` instance.
    Authlib,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operation {
    Decode,
    Encode,
}

/// The qualified names flasklint recognises, after import resolution.
fn classify(qualified: &str) -> Option<(Library, Operation)> {
    let (receiver, method) = qualified.rsplit_once('.')?;
    let operation = match method {
        "decode" | "decode_complete" => Operation::Decode,
        "encode" => Operation::Encode,
        _ => return None,
    };
    let library = match receiver {
        "jwt" | "jwt.api_jwt" | "jwt.PyJWT()" | "jwt.api_jwt.PyJWT()" => Library::PyJwt,
        "jose.jwt" => Library::Jose,
        "authlib.jose.jwt"
        | "authlib.jose.rfc7519.jwt"
        | "authlib.jose.JsonWebToken()"
        | "authlib.jose.rfc7519.JsonWebToken()"
        | "authlib.jose.rfc7519.jwt.JsonWebToken()" => Library::Authlib,
        _ => return None,
    };
    if library == Library::Authlib && method == "decode_complete" {
        return None;
    }
    Some((library, operation))
}

/// A recognised JWT call.
#[derive(Debug)]
pub struct JwtCall<'a> {
    pub call: &'a ast::ExprCall,
    pub library: Library,
    pub operation: Operation,
    /// The canonical name, e.g. `jwt.decode`, for messages.
    pub callee: String,
    /// The function scope the call is in (`None` at module level).
    pub scope: Option<usize>,
    /// The innermost function the call is in.
    pub function: Option<&'a ast::StmtFunctionDef>,
    /// `claims = jwt.decode(...)`: the name the result is assigned to.
    pub assigned_to: Option<&'a str>,
    /// The call's result is returned straight from its function, or the assigned name is.
    pub returned: bool,
}

/// A decode call's arguments, by parameter, whichever way they were passed.
#[derive(Debug, Default)]
pub struct DecodeArguments<'a> {
    pub key: Option<&'a Expr>,
    pub algorithms: Option<&'a Expr>,
    pub options: Option<&'a Expr>,
    /// PyJWT 1.x `verify=` (keyword, or the bool in third position).
    pub verify: Option<&'a Expr>,
    pub audience: Option<&'a Expr>,
    pub issuer: Option<&'a Expr>,
    /// authlib's `claims_options=`, where it checks `iss`/`aud`/`exp`.
    pub claims_options: Option<&'a Expr>,
}

/// An encode call's arguments.
#[derive(Debug, Default)]
pub struct EncodeArguments<'a> {
    pub payload: Option<&'a Expr>,
    pub algorithm: Option<&'a Expr>,
    /// authlib puts the algorithm in a header dict.
    pub header: Option<&'a Expr>,
}

impl<'a> JwtCall<'a> {
    /// Whether the token this call mints goes into the `Authorization` header of a request the
    /// app sends (`headers["Authorization"] = f"Bearer {token}"`, `{"Authorization": ...}`):
    /// the token authenticates the app to another service, whose protocol decides its claims.
    pub fn sent_in_authorization_header(&self, module: &'a [Stmt]) -> bool {
        use super::routes::{any_expr, any_returned, expr_contains};
        let Some(function) = self.function else {
            return false;
        };
        let call = self.call;
        let names: Vec<&str> = self.assigned_to.into_iter().collect();
        // A token kept on the class or instance for reuse (`cls._jwt_token = jwt.encode(...)`,
        // then `return cls._jwt_token`: tcz-server's cached APNs provider token).
        let mut kept_in: Option<(&str, &str)> = None;
        super::routes::visit_stmts(&function.body, &mut |stmt| {
            if let Stmt::Assign(assign) = stmt
                && matches!(assign.value.as_ref(), Expr::Call(c) if std::ptr::eq(c, call))
                && let [Expr::Attribute(target)] = assign.targets.as_slice()
                && let Expr::Name(owner) = target.value.as_ref()
            {
                kept_in = Some((owner.id.as_str(), target.attr.as_str()));
            }
        });
        let is_token = |e: &Expr, names: &[&str]| match e {
            Expr::Name(n) => names.contains(&n.id.as_str()),
            Expr::Call(c) => std::ptr::eq(c, call),
            Expr::Attribute(a) => kept_in.is_some_and(|(owner, attr)| {
                a.attr.as_str() == attr
                    && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == owner)
            }),
            _ => false,
        };
        if in_authorization_header(&function.body, &names, &is_token) {
            return true;
        }
        // A helper that returns the token (`def _get_jwt(): ... return jwt.encode(...)`) whose
        // every call in the module is the value of a request's `Authorization` header
        // (`requests.get(url, headers={"Authorization": _get_jwt()})`).
        let returns_token = any_returned(&function.body, &mut |value| {
            expr_contains(value, &mut |e| is_token(e, &names))
        });
        if !returns_token {
            return false;
        }
        let helper = function.name.as_str();
        // `_get_jwt()`, or a method: `PushNotificationService._get_apns_token(app)`.
        let helper_call = |e: &'a Expr| match e {
            Expr::Call(c)
                if match c.func.as_ref() {
                    Expr::Name(n) => n.id.as_str() == helper,
                    Expr::Attribute(a) => a.attr.as_str() == helper,
                    _ => false,
                } =>
            {
                Some(c.range())
            }
            _ => None,
        };
        let mut calls = Vec::new();
        any_expr(module, &mut |e| {
            calls.extend(helper_call(e));
            false
        });
        if calls.is_empty() {
            return false;
        }
        let mut in_headers = Vec::new();
        for_each_function(module, &mut |body| {
            let mut here = Vec::new();
            any_expr(body, &mut |e| {
                here.extend(helper_call(e));
                false
            });
            for range in here {
                // The call itself, or a local it was assigned to (`jwt_token = helper()`, then
                // `{"authorization": f"bearer {jwt_token}"}`).
                let this_call = |e: &Expr, names: &[&str]| {
                    e.range() == range
                        || matches!(e, Expr::Name(n) if names.contains(&n.id.as_str()))
                };
                if !in_headers.contains(&range) && in_authorization_header(body, &[], &this_call) {
                    in_headers.push(range);
                }
            }
        });
        calls.iter().all(|range| in_headers.contains(range))
    }

    fn positional(&self, index: usize) -> Option<&'a Expr> {
        let args = &self.call.arguments.args;
        // A starred argument makes every later position unknowable.
        if args
            .iter()
            .take(index + 1)
            .any(|a| matches!(a, Expr::Starred(_)))
        {
            return None;
        }
        args.get(index)
    }

    pub fn keyword(&self, name: &str) -> Option<&'a Expr> {
        self.call
            .arguments
            .keywords
            .iter()
            .find(|k| k.arg.as_ref().is_some_and(|arg| arg.as_str() == name))
            .map(|k| &k.value)
    }

    fn argument(&self, name: &str, position: Option<usize>) -> Option<&'a Expr> {
        self.keyword(name)
            .or_else(|| position.and_then(|p| self.positional(p)))
    }

    /// `f(*args)` or `f(**kwargs)`: any parameter may be passed without being visible.
    pub fn has_unpacked_arguments(&self) -> bool {
        self.call.arguments.keywords.iter().any(|k| k.arg.is_none())
            || self
                .call
                .arguments
                .args
                .iter()
                .any(|a| matches!(a, Expr::Starred(_)))
    }

    pub fn decode_arguments(&self) -> DecodeArguments<'a> {
        match self.library {
            Library::PyJwt => {
                // PyJWT 1.x: decode(jwt, key, verify, algorithms, options); 2.x: decode(jwt, key,
                // algorithms, options). A bool in third place is 1.x's `verify`.
                let third = self.positional(2);
                let third_is_verify = matches!(third, Some(Expr::BooleanLiteral(_)));
                let (verify_at, algorithms_at, options_at) = if third_is_verify {
                    (Some(2), Some(3), Some(4))
                } else {
                    (None, Some(2), Some(3))
                };
                DecodeArguments {
                    key: self.argument("key", Some(1)),
                    algorithms: self.argument("algorithms", algorithms_at),
                    options: self.argument("options", options_at),
                    verify: self.argument("verify", verify_at),
                    audience: self.keyword("audience"),
                    issuer: self.keyword("issuer"),
                    claims_options: None,
                }
            }
            Library::Jose => DecodeArguments {
                key: self.argument("key", Some(1)),
                algorithms: self.argument("algorithms", Some(2)),
                options: self.argument("options", Some(3)),
                verify: None,
                audience: self.argument("audience", Some(4)),
                issuer: self.argument("issuer", Some(5)),
                claims_options: None,
            },
            Library::Authlib => DecodeArguments {
                key: self.argument("key", Some(1)),
                claims_options: self.argument("claims_options", Some(3)),
                ..DecodeArguments::default()
            },
        }
    }

    pub fn encode_arguments(&self) -> EncodeArguments<'a> {
        match self.library {
            Library::PyJwt | Library::Jose => EncodeArguments {
                payload: self
                    .argument("payload", Some(0))
                    .or_else(|| self.keyword("claims")),
                algorithm: self.argument("algorithm", Some(2)),
                header: None,
            },
            Library::Authlib => EncodeArguments {
                payload: self.argument("payload", Some(1)),
                algorithm: None,
                header: self.argument("header", Some(0)),
            },
        }
    }

    /// The algorithm an encode call signs with, when it is known.
    pub fn signing_algorithm(
        &self,
        project: &ProjectModel<'a>,
        file: &FileModel<'a>,
    ) -> Option<String> {
        let at = file.at(self.scope);
        let arguments = self.encode_arguments();
        match self.library {
            Library::PyJwt | Library::Jose => match arguments.algorithm {
                None if !self.has_unpacked_arguments() => Some("HS256".to_string()),
                None => None,
                Some(expr) => match project.value(expr, &at) {
                    Value::Str(algorithm) => Some(algorithm),
                    Value::None => Some("none".to_string()),
                    _ => self.parameter_default(expr),
                },
            },
            Library::Authlib => {
                let header = project.value(arguments.header?, &at);
                header
                    .dict_get("alg")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            }
        }
    }
}

impl JwtCall<'_> {
    /// The string default of the enclosing function's parameter `expr` names:
    /// SubtitleGeneratorBackend's `generate_token_from_payload(..., algorithm="RS256")` signs
    /// with `algorithm=algorithm`, RS256 unless a caller says otherwise.
    fn parameter_default(&self, expr: &Expr) -> Option<String> {
        let Expr::Name(name) = expr else { return None };
        let function = self.function?;
        function
            .parameters
            .iter_non_variadic_params()
            .find(|parameter| parameter.parameter.name.as_str() == name.id.as_str())
            .and_then(|parameter| match parameter.default.as_deref() {
                Some(Expr::StringLiteral(text)) => Some(text.value.to_str().to_string()),
                _ => None,
            })
    }
}

/// Walks one file, building its function scopes and recording its JWT calls, the applications it
/// constructs, and the facts `context` and `exceptions` describe.
pub struct CallCollector<'p, 'a> {
    project: &'p ProjectModel<'a>,
    module: usize,
    package: String,
    scopes: Vec<Scope<'a>>,
    current: Option<usize>,
    function: Option<&'a ast::StmtFunctionDef>,
    /// Each class body's range and its scope's index, in source order.
    class_scopes: Vec<(TextRange, usize)>,
    /// Per scope: whether it is a class body.
    is_class: Vec<bool>,
    function_scopes: Vec<(TextRange, usize)>,
    calls: Vec<JwtCall<'a>>,
    all_calls: Vec<RecordedCall<'a>>,
    apps: Vec<AppConstruction<'a>>,
    string_imports: Vec<String>,
    context: ContextCollector,
    /// The `except` handlers around the statement being visited, innermost last.
    handlers: Vec<(&'a str, Option<&'a Expr>)>,
    handler_calls: Vec<HandlerCall<'a>>,
    text_returns: Vec<super::exceptions::TextReturn<'a>>,
    own_text_raises: Vec<String>,
    error_handler_types: Vec<String>,
    registers_error_handler_by_call: bool,
}

impl<'p, 'a> CallCollector<'p, 'a> {
    pub fn new(
        project: &'p ProjectModel<'a>,
        module: usize,
        package: &str,
        test_name: TestName,
    ) -> Self {
        CallCollector {
            project,
            module,
            package: package.to_string(),
            scopes: Vec::new(),
            current: None,
            function: None,
            class_scopes: Vec::new(),
            is_class: Vec::new(),
            function_scopes: Vec::new(),
            calls: Vec::new(),
            all_calls: Vec::new(),
            apps: Vec::new(),
            string_imports: Vec::new(),
            context: ContextCollector::new(test_name),
            handlers: Vec::new(),
            handler_calls: Vec::new(),
            text_returns: Vec::new(),
            own_text_raises: Vec::new(),
            error_handler_types: Vec::new(),
            registers_error_handler_by_call: false,
        }
    }

    pub fn walk_body(&mut self, body: &'a [Stmt]) {
        self.visit_body(body);
        self.context.functions_run_from_main(body);
        self.context.top_level_run(body);
    }

    pub fn finish(self) -> FileModel<'a> {
        let context = self.context.finish(!self.apps.is_empty());
        FileModel {
            module: self.module,
            scopes: self.scopes,
            function_scopes: self.function_scopes,
            class_scopes: self.class_scopes,
            jwt_calls: self.calls,
            calls: FileCalls::new(self.all_calls),
            app_constructions: self.apps,
            string_imports: self.string_imports,
            context,
            handler_calls: self.handler_calls,
            text_returns: self.text_returns,
            own_text_raises: self.own_text_raises,
            error_handler_types: self.error_handler_types,
            registers_error_handler_by_call: self.registers_error_handler_by_call,
            cookie_authority: None,
            secret_key_use: std::sync::OnceLock::new(),
        }
    }

    /// A call returned or raised inside an `except` handler: `return helper(str(e))`,
    /// `return helper(str(e)), 500`.
    fn record_handler_call(&mut self, value: &'a Expr) {
        if self.handlers.is_empty() {
            return;
        }
        let call = match value {
            Expr::Call(call) => call,
            Expr::Tuple(tuple) => match tuple.elts.first() {
                Some(Expr::Call(call)) => call,
                _ => return,
            },
            _ => return,
        };
        if !matches!(call.func.as_ref(), Expr::Name(_) | Expr::Attribute(_)) {
            return;
        }
        self.handler_calls.push(HandlerCall {
            call,
            handlers: self.handlers.iter().rev().copied().collect(),
            scope: self.current,
            function: self.function,
        });
    }

    /// A value returned inside an `except` handler that holds the caught exception's text.
    fn record_text_return(&mut self, value: &'a Expr) {
        let Some(function) = self.function else {
            return;
        };
        let leaking = self.handlers.iter().rev().find(|(name, _)| {
            !super::exceptions::all_leaks(value, super::exceptions::Bound::Name(name)).is_empty()
        });
        if let Some((_, caught)) = leaking {
            self.text_returns.push(super::exceptions::TextReturn {
                function,
                caught: *caught,
                value,
            });
        }
    }

    fn enter_scope(&mut self, parent: Option<usize>) -> usize {
        self.scopes.push(Scope {
            parent,
            ..Scope::default()
        });
        self.is_class.push(false);
        self.scopes.len() - 1
    }

    /// The scope a function defined here sees as its parent: class bodies are skipped, as in
    /// Python.
    fn enclosing_function_scope(&self) -> Option<usize> {
        let mut scope = self.current;
        while let Some(index) = scope {
            if !self.is_class_scope(index) {
                return Some(index);
            }
            scope = self.scopes[index].parent;
        }
        None
    }

    fn is_class_scope(&self, index: usize) -> bool {
        self.is_class.get(index).copied().unwrap_or(false)
    }
}

impl<'a> Visitor<'a> for CallCollector<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                self.context.function(def, self.current.is_none());
                for decorator in &def.decorator_list {
                    self.visit_decorator(decorator);
                }
                for parameter in def.parameters.iter() {
                    if let Some(default) = parameter.default() {
                        self.visit_expr(default);
                    }
                }
                let parent = self.enclosing_function_scope();
                let scope = self.enter_scope(parent);
                self.function_scopes.push((def.range(), scope));
                self.scopes[scope].collect_parameters(&def.parameters);
                let importer = super::Importer {
                    package: &self.package,
                    names: self.project.names,
                };
                self.scopes[scope].collect(&def.body, importer);
                let saved = (self.current, self.function);
                self.current = Some(scope);
                self.function = Some(def);
                self.visit_body(&def.body);
                (self.current, self.function) = saved;
            }
            Stmt::ClassDef(class) => {
                self.context.class(class);
                for decorator in &class.decorator_list {
                    self.visit_decorator(decorator);
                }
                if let Some(arguments) = &class.arguments {
                    self.visit_arguments(arguments);
                }
                let scope = self.enter_scope(self.current);
                self.class_scopes.push((class.range(), scope));
                self.is_class[scope] = true;
                let importer = super::Importer {
                    package: &self.package,
                    names: self.project.names,
                };
                self.scopes[scope].collect(&class.body, importer);
                let saved = self.current;
                self.current = Some(scope);
                self.visit_body(&class.body);
                self.current = saved;
            }
            Stmt::Assign(assign) => {
                let before = self.calls.len();
                let apps_before = self.apps.len();
                visitor::walk_stmt(self, stmt);
                // `claims = jwt.decode(...)`, `app = Flask(__name__)`: the name the call's
                // result is bound to.
                if let ([Expr::Name(target)], Expr::Call(call)) =
                    (assign.targets.as_slice(), assign.value.as_ref())
                {
                    let name = Some(target.id.as_str());
                    if let Some(app) = self.apps[apps_before..]
                        .iter_mut()
                        .find(|a| std::ptr::eq(a.call, call))
                    {
                        app.assigned_to = name;
                    }
                    if let Some(recorded) = self.calls[before..]
                        .iter_mut()
                        .find(|c| std::ptr::eq(c.call, call))
                    {
                        recorded.assigned_to = name;
                    }
                }
            }
            Stmt::If(branch) => {
                let source = self.project.modules[self.module].file;
                self.context.branch(branch, source);
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Raise(raise) => {
                if let Some(exc) = raise.exc.as_deref() {
                    self.record_handler_call(exc);
                    let at = At {
                        module: self.module,
                        scopes: &self.scopes,
                        scope: self.current,
                    };
                    let project = self.project;
                    if let Some(class) =
                        raised_with_own_text(exc, |name| project.lookup(&at, name).is_none())
                        && !self.own_text_raises.iter().any(|c| c == class)
                    {
                        self.own_text_raises.push(class.to_string());
                    }
                }
                visitor::walk_stmt(self, stmt);
            }
            // `assert feed.link, "A feed must have a link."`: an `AssertionError` with the
            // project's own message, which an `errorhandler(AssertionError)` may answer with.
            Stmt::Assert(assert)
                if matches!(
                    assert.msg.as_deref(),
                    Some(Expr::StringLiteral(_) | Expr::FString(_))
                ) =>
            {
                if !self.own_text_raises.iter().any(|c| c == "AssertionError") {
                    self.own_text_raises.push("AssertionError".to_string());
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::Try(try_stmt) => {
                self.visit_body(&try_stmt.body);
                for handler in &try_stmt.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    if let Some(type_) = &handler.type_ {
                        self.visit_expr(type_);
                    }
                    let name = handler.name.as_ref().map_or("", |n| n.as_str());
                    self.handlers.push((name, handler.type_.as_deref()));
                    self.visit_body(&handler.body);
                    self.handlers.pop();
                }
                self.visit_body(&try_stmt.orelse);
                self.visit_body(&try_stmt.finalbody);
            }
            Stmt::Return(ret) => {
                if let Some(value) = ret.value.as_deref() {
                    self.record_handler_call(value);
                    self.record_text_return(value);
                }
                let before = self.calls.len();
                visitor::walk_stmt(self, stmt);
                match ret.value.as_deref() {
                    Some(Expr::Call(call)) => {
                        if let Some(recorded) = self.calls[before..]
                            .iter_mut()
                            .find(|c| std::ptr::eq(c.call, call))
                        {
                            recorded.returned = true;
                        }
                    }
                    Some(Expr::Name(name)) => {
                        let function = self.function.map(|f| f.range());
                        for recorded in &mut self.calls {
                            if recorded.assigned_to == Some(name.id.as_str())
                                && recorded.function.map(|f| f.range()) == function
                            {
                                recorded.returned = true;
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Call(call) => {
                let at = At {
                    module: self.module,
                    scopes: &self.scopes,
                    scope: self.current,
                };
                // Every callee is resolved once, here, for the file's call facts.
                let callee = match call.func.as_ref() {
                    Expr::Name(_) | Expr::Attribute(_) => {
                        self.project.qualified_name(&call.func, &at)
                    }
                    _ => None,
                };
                let callee_name = match call.func.as_ref() {
                    Expr::Attribute(attribute) => attribute.attr.as_str(),
                    Expr::Name(name) => name.id.as_str(),
                    _ => "",
                };
                self.context.call(callee_name);
                if callee_name == "register_error_handler"
                    || matches!(call.func.as_ref(), Expr::Call(decorator)
                        if matches!(decorator.func.as_ref(), Expr::Attribute(a)
                            if matches!(a.attr.as_str(), "errorhandler" | "app_errorhandler")))
                {
                    self.registers_error_handler_by_call = true;
                }
                // `@app.errorhandler(ApiError)`, `app.register_error_handler(ApiError, f)`:
                // raising that class answers the request.
                if matches!(
                    callee_name,
                    "errorhandler" | "app_errorhandler" | "register_error_handler"
                ) && let Some(type_) = call.arguments.args.first()
                    && match type_ {
                        // A built-in (`Exception`) is every exception: no class in particular.
                        Expr::Name(name) => self.project.lookup(&at, name.id.as_str()).is_some(),
                        Expr::Attribute(_) => true,
                        _ => false,
                    }
                    && let Some(qualified) = self.project.binding_name(type_, &at)
                    && !self.error_handler_types.contains(&qualified)
                {
                    self.error_handler_types.push(qualified);
                }
                // `config.from_object("settings.Production")`, `import_string("app.views")`:
                // a module loaded by name belongs to whoever loads it.
                if matches!(
                    callee_name,
                    "from_object" | "import_string" | "import_module"
                ) && let Some(Expr::StringLiteral(literal)) = call.arguments.args.first()
                    && let Some(full) = self
                        .project
                        .names
                        .resolve_import(&self.package, literal.value.to_str())
                {
                    self.string_imports.push(full);
                }
                // A class of this module resolves to no import: `server = Server()` below
                // `class Server(Flask)`.
                let local_class = || {
                    matches!(call.func.as_ref(), Expr::Name(_))
                        && self.project.is_app_subclass(&format!(
                            "{}.{callee_name}",
                            self.project.modules[self.module].name
                        ))
                };
                if self.project.may_construct_app(callee_name)
                    && match callee.as_deref() {
                        Some(qualified) => {
                            is_app_constructor(qualified) || self.project.is_app_subclass(qualified)
                        }
                        None => local_class(),
                    }
                {
                    self.apps.push(AppConstruction {
                        call,
                        assigned_to: None,
                        function: self.function,
                    });
                }
                if let Some(qualified) = callee.as_deref()
                    && let Some((library, operation)) = classify(qualified)
                {
                    self.calls.push(JwtCall {
                        call,
                        library,
                        operation,
                        callee: qualified.to_string(),
                        scope: self.current,
                        function: self.function,
                        assigned_to: None,
                        returned: false,
                    });
                }
                self.all_calls.push(RecordedCall {
                    call,
                    callee,
                    function: self.function,
                });
                visitor::walk_expr(self, expr);
            }
            Expr::ListComp(ast::ExprListComp { generators, .. })
            | Expr::SetComp(ast::ExprSetComp { generators, .. })
            | Expr::DictComp(ast::ExprDictComp { generators, .. })
            | Expr::Generator(ast::ExprGenerator { generators, .. }) => {
                // Comprehension variables live in a scope of their own and may shadow imports
                // (`[jwt.decode("utf-8") for jwt in raw]`).
                let scope = self.enter_scope(self.current);
                for generator in generators {
                    self.scopes[scope].bind_target(&generator.target);
                }
                let saved = self.current;
                self.current = Some(scope);
                visitor::walk_expr(self, expr);
                self.current = saved;
            }
            Expr::Lambda(lambda) => {
                let parent = self.enclosing_function_scope();
                let scope = self.enter_scope(parent);
                if let Some(parameters) = &lambda.parameters {
                    self.scopes[scope].collect_parameters(parameters);
                }
                let saved = self.current;
                self.current = Some(scope);
                self.visit_expr(&lambda.body);
                self.current = saved;
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}

/// Algorithms the project signs with: every `jwt.encode` whose algorithm is known, then every
/// `JWT_ALGORITHM`-like constant or config entry holding a JWS algorithm name.
pub fn collect_signing_algorithms<'a>(
    project: &ProjectModel<'a>,
    files: &[FileModel<'a>],
) -> Vec<SigningAlgorithm> {
    let mut found = Vec::new();
    for file in files {
        let source = project.modules[file.module].file;
        for call in file
            .jwt_calls
            .iter()
            .filter(|c| c.operation == Operation::Encode)
        {
            if let Some(algorithm) = call.signing_algorithm(project, file)
                && is_algorithm_name(&algorithm)
                && !algorithm.eq_ignore_ascii_case("none")
            {
                found.push(SigningAlgorithm {
                    algorithm,
                    path: source.display_path(),
                    line: source.position(call.call.range().start()).line,
                    source: call.callee.clone(),
                    library: Some(call.library),
                    in_tests: file.context.is_test(call.call.range()),
                });
            }
        }
    }
    for (index, module) in project.modules.iter().enumerate() {
        if !module.analysed {
            continue;
        }
        let at = At::top(index);
        let mut visit = |name: &str, value: &Expr, range: ruff_text_size::TextRange| {
            if !is_algorithm_setting(name) {
                return;
            }
            if let Value::Str(algorithm) = project.value(value, &at)
                && is_algorithm_name(&algorithm)
                && !algorithm.eq_ignore_ascii_case("none")
            {
                found.push(SigningAlgorithm {
                    algorithm,
                    path: module.file.display_path(),
                    line: module.file.position(range.start()).line,
                    source: name.to_string(),
                    library: None,
                    in_tests: files
                        .get(index)
                        .is_some_and(|file| file.context.is_test(range)),
                });
            }
        };
        for stmt in &module.file.module().body {
            settings_in(stmt, &mut visit);
            if let Stmt::ClassDef(class) = stmt {
                for inner in &class.body {
                    settings_in(inner, &mut visit);
                }
            }
        }
    }
    found
}

/// `NAME = value` and `x.config["NAME"] = value` at one statement.
fn settings_in<'a>(
    stmt: &'a Stmt,
    visit: &mut impl FnMut(&str, &'a Expr, ruff_text_size::TextRange),
) {
    let Some((targets, value)) = super::routes::assigned(stmt) else {
        return;
    };
    for target in targets {
        match target {
            Expr::Name(name) => visit(name.id.as_str(), value, stmt.range()),
            Expr::Subscript(subscript) => {
                if let Expr::StringLiteral(key) = subscript.slice.as_ref() {
                    visit(key.value.to_str(), value, stmt.range());
                }
            }
            _ => {}
        }
    }
}

fn is_algorithm_setting(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper == "ALGORITHM" || upper.ends_with("_ALGORITHM") || upper == "JWT_ALGO"
}

/// A JWS `alg` value from RFC 7518 / RFC 8037.
pub fn is_algorithm_name(name: &str) -> bool {
    algorithm_family(name).is_some()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlgorithmFamily {
    None,
    Hmac,
    Asymmetric,
}

pub fn algorithm_family(name: &str) -> Option<AlgorithmFamily> {
    match name.to_ascii_uppercase().as_str() {
        "NONE" => Some(AlgorithmFamily::None),
        "HS256" | "HS384" | "HS512" => Some(AlgorithmFamily::Hmac),
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" | "ES256" | "ES256K"
        | "ES384" | "ES512" | "EDDSA" | "ED25519" | "ED448" => Some(AlgorithmFamily::Asymmetric),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_library_entry_points_only() {
        assert_eq!(
            classify("jwt.decode"),
            Some((Library::PyJwt, Operation::Decode))
        );
        assert_eq!(
            classify("jwt.PyJWT().decode_complete"),
            Some((Library::PyJwt, Operation::Decode))
        );
        assert_eq!(
            classify("jose.jwt.encode"),
            Some((Library::Jose, Operation::Encode))
        );
        assert_eq!(
            classify("authlib.jose.jwt.decode"),
            Some((Library::Authlib, Operation::Decode))
        );
        assert_eq!(classify("base64.b64decode"), None);
        assert_eq!(classify("jwt.get_unverified_header"), None);
        assert_eq!(classify("flask_jwt_extended.decode_token"), None);
    }

    #[test]
    fn algorithm_families() {
        assert_eq!(algorithm_family("hs256"), Some(AlgorithmFamily::Hmac));
        assert_eq!(algorithm_family("EdDSA"), Some(AlgorithmFamily::Asymmetric));
        assert_eq!(algorithm_family("None"), Some(AlgorithmFamily::None));
        assert_eq!(algorithm_family("SHA256"), None);
    }
}

/// A verification step a decode call turns off.
#[derive(Debug)]
pub struct DisabledCheck {
    /// PyJWT 1.x `verify=False` rather than an options entry.
    pub by_verify_argument: bool,
    /// Written at the call (a dict item or keyword) rather than through a name or constant.
    pub inline: bool,
    /// What to point at: the dict item, the `verify=` keyword, or the options argument.
    pub range: TextRange,
    /// When the switch is written at the call: the ranges of it and its siblings, so a fix can
    /// remove it from its list.
    pub removable: Option<(TextRange, Vec<TextRange>)>,
}

impl<'a> JwtCall<'a> {
    /// Whether `options` turns off `key` (`verify_signature`, `verify_aud`, `verify_exp`, ...).
    pub fn disabled_option(
        &self,
        key: &str,
        project: &ProjectModel<'a>,
        file: &FileModel<'a>,
    ) -> Option<DisabledCheck> {
        let options = self.decode_arguments().options?;
        let at = file.at(self.scope);
        if let Expr::Dict(dict) = options {
            let siblings: Vec<TextRange> = dict.items.iter().map(dict_item_range).collect();
            for (item, range) in dict.items.iter().zip(&siblings) {
                let Some(item_key) = &item.key else { continue };
                if project.value(item_key, &at).as_str() == Some(key)
                    && project.value(&item.value, &at).truthy() == Some(false)
                {
                    return Some(DisabledCheck {
                        by_verify_argument: false,
                        inline: true,
                        range: *range,
                        removable: Some((*range, siblings.clone())),
                    });
                }
            }
            return None;
        }
        let value = project.value(options, &at);
        if value.dict_get(key).and_then(Value::truthy) == Some(false) {
            return Some(DisabledCheck {
                by_verify_argument: false,
                inline: false,
                range: options.range(),
                removable: None,
            });
        }
        None
    }

    /// How this decode skips signature verification, if it does: `verify_signature` off in
    /// `options`, or PyJWT 1.x `verify=False`.
    pub fn signature_disabled(
        &self,
        project: &ProjectModel<'a>,
        file: &FileModel<'a>,
    ) -> Option<DisabledCheck> {
        if self.operation != Operation::Decode || self.library == Library::Authlib {
            return None;
        }
        if let Some(disabled) = self.disabled_option("verify_signature", project, file) {
            return Some(disabled);
        }
        let verify = self.decode_arguments().verify?;
        if project.value(verify, &file.at(self.scope)).truthy() != Some(false) {
            return None;
        }
        let siblings = self.argument_ranges();
        let keyword = self
            .call
            .arguments
            .keywords
            .iter()
            .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "verify"))
            .map(Ranged::range);
        Some(DisabledCheck {
            by_verify_argument: true,
            inline: true,
            range: keyword.unwrap_or_else(|| verify.range()),
            // Removing a positional `False` would shift the arguments after it.
            removable: keyword.map(|keyword| (keyword, siblings)),
        })
    }

    /// The ranges of every argument and keyword, in source order.
    pub fn argument_ranges(&self) -> Vec<TextRange> {
        super::argument_ranges(self.call)
    }
}

fn dict_item_range(item: &ast::DictItem) -> TextRange {
    match &item.key {
        Some(key) => TextRange::new(key.start(), item.value.end()),
        None => item.value.range(),
    }
}

/// Whether a value `is_token` recognises (directly, or through the names it is copied or
/// formatted into: `auth = "Bearer %s" % token`) is the `Authorization` header of a request
/// built in `body`: a dict entry, or a subscript assignment on anything but the app's own
/// response.
fn in_authorization_header<'a>(
    body: &'a [Stmt],
    names: &[&'a str],
    is_token: &dyn Fn(&Expr, &[&str]) -> bool,
) -> bool {
    use super::routes::{any_expr, expr_contains, local_assignments, visit_stmts};
    let mut names: Vec<&str> = names.to_vec();
    let carries = |expr: &Expr, names: &[&str]| expr_contains(expr, &mut |e| is_token(e, names));
    let assignments = local_assignments(body);
    for _ in 0..3 {
        for (name, value) in &assignments {
            if !names.contains(name) && carries(value, &names) {
                names.push(name);
            }
        }
    }
    let is_authorization = |key: &Expr| matches!(key, Expr::StringLiteral(s) if s.value.to_str().eq_ignore_ascii_case("authorization"));
    let in_dict = any_expr(body, &mut |e| {
        matches!(e, Expr::Dict(dict) if dict.items.iter().any(|item| {
            item.key.as_ref().is_some_and(is_authorization) && carries(&item.value, &names)
        }))
    });
    let mut in_subscript = false;
    visit_stmts(body, &mut |stmt| {
        if let Stmt::Assign(assign) = stmt
            && assign.targets.iter().any(|target| {
                matches!(target, Expr::Subscript(sub) if is_authorization(&sub.slice)
                    && !on_a_response(&sub.value, &assignments))
            })
            && carries(&assign.value, &names)
        {
            in_subscript = true;
        }
    });
    in_dict || in_subscript
}

/// Every function body of a module, nested ones and methods included.
fn for_each_function<'a>(body: &'a [Stmt], visit: &mut dyn FnMut(&'a [Stmt])) {
    for stmt in body {
        match stmt {
            Stmt::FunctionDef(def) => {
                visit(&def.body);
                for_each_function(&def.body, visit);
            }
            Stmt::ClassDef(class) => for_each_function(&class.body, visit),
            _ => {}
        }
    }
}

/// `response.headers` where `response` is built by the app for its client (`jsonify(...)`,
/// `make_response(...)`, `Response(...)`): a header written there goes back to the caller.
fn on_a_response(headers: &Expr, assignments: &[(&str, &Expr)]) -> bool {
    let Expr::Attribute(attribute) = headers else {
        return false;
    };
    let Expr::Name(owner) = attribute.value.as_ref() else {
        return false;
    };
    attribute.attr.as_str() == "headers"
        && assignments.iter().any(|(name, value)| {
            *name == owner.id.as_str()
                && matches!(value, Expr::Call(call) if matches!(
                    match call.func.as_ref() {
                        Expr::Name(n) => n.id.as_str(),
                        Expr::Attribute(a) => a.attr.as_str(),
                        _ => "",
                    },
                    "jsonify" | "make_response" | "Response" | "redirect"
                ))
        })
}

/// A function of the module that checks `claim` of decoded claims by hand: it reads
/// `claims["aud"]` / `claims.get("aud")` from one of its parameters and can raise. spiff-arena
/// decodes identity providers' tokens with `verify_aud` off and hands the claims to
/// `_validate_decoded_token`, which refuses foreign issuers and audiences. (Not used for `exp`:
/// the same module decodes its own tokens with `verify_exp` off on a path that never reaches
/// the validator, and which path a token takes is decided by its callers.)
pub fn claim_validator<'a>(
    module_body: &'a [Stmt],
    claim: &str,
) -> Option<&'a ast::StmtFunctionDef> {
    let mut found = None;
    super::routes::for_each_def(module_body, &mut |def| {
        if found.is_some() {
            return;
        }
        let parameters: Vec<&str> = def
            .parameters
            .iter_non_variadic_params()
            .map(|p| p.parameter.name.as_str())
            .collect();
        let reads_claim = super::routes::any_expr(&def.body, &mut |e| {
            claim_read(e, claim).is_some_and(|holder| parameters.contains(&holder))
        });
        let mut raises = false;
        super::routes::visit_scope_stmts(&def.body, &mut |stmt| {
            raises |= matches!(stmt, Stmt::Raise(_));
        });
        if reads_claim && raises {
            found = Some(def);
        }
    });
    found
}

/// The name `expr` reads `claim` from, when it is `name["claim"]` or `name.get("claim", ...)`.
pub fn claim_read<'e>(expr: &'e Expr, claim: &str) -> Option<&'e str> {
    let (receiver, key) = super::keyed_read(expr)?;
    match (receiver, key) {
        (Expr::Name(name), Expr::StringLiteral(text)) if text.value.to_str() == claim => {
            Some(name.id.as_str())
        }
        _ => None,
    }
}
