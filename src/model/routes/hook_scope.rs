//! Which routes a `before_request` hook authenticates. A hook that returns early for some
//! requests (`if request.path.startswith("/login"): return`) or refuses only under a test of
//! the request (`if request.endpoint not in PUBLIC_VIEWS and not session.logged_in(): abort(403)`)
//! covers only the routes for which that test can hold: the others are exempted by the hook's
//! own code, and are public.
//!
//! The hook's body is read as a sequence of *sites* (statements that refuse or check a
//! credential) and *exits* (`return` without a refusal), each under the tests of the `if`s that
//! lead to it. A test is evaluated for one route in three values: what it says about the
//! request's path, endpoint and method is known from the route's rule, handler and methods;
//! anything else (the login state, a header) is unknown. The route is covered when a site can
//! be reached before an exit that is certainly taken. A hook without any site (its check is
//! somewhere flasklint reads differently) covers every route its early exits do not exempt.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::super::At;
use super::super::value::Value;
use super::AuthContext;

/// What a hook's tests can know of a route.
pub struct RouteShape<'r> {
    /// The full URL rule, prefixes applied: `/api/v1/users/<int:id>`.
    pub rule: &'r str,
    pub methods: &'r [String],
    /// The view function's name, or the resource class's (flask-restful names the endpoint
    /// after the class, lower-cased).
    pub view: &'r str,
    /// The blueprint's name (`Blueprint("main", ...)`) when known, `""` for a route on the
    /// application itself: endpoints are `main.login` and `login`.
    pub blueprint: Option<&'r str>,
    /// The attributes the view's decorators set on it (`AuthContext::view_marks`).
    pub marks: &'r [&'r str],
}

/// How deep tests, locals and nested blocks are followed.
const MAX_DEPTH: usize = 12;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }

    fn from(value: bool) -> Tri {
        if value { Tri::True } else { Tri::False }
    }
}

/// What a predicate's body returns, as far as it is read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Returned {
    Value(Tri),
    /// Control reaches the end of the statements read.
    FallsThrough,
    Unknown,
}

impl Returned {
    /// Either of two outcomes, when a test between them is unknown.
    fn merge(self, other: Returned) -> Returned {
        match (self, other) {
            (a, b) if a == b => a,
            (Returned::Value(_), Returned::Value(_)) => Returned::Value(Tri::Unknown),
            _ => Returned::Unknown,
        }
    }
}

/// What walking the hook found for one route.
enum Walk {
    /// A site can run for this route.
    Covered,
    /// An exit is certainly taken before any site can run.
    Exempt,
    /// Neither, so far.
    Open,
}

pub struct HookScope<'h, 'c, 'a> {
    context: &'h AuthContext<'c, 'a>,
    module: usize,
    /// Locals of the hook, for `allowed = request.path.startswith(...)` then `if not allowed`.
    locals: Vec<(&'a str, &'a Expr)>,
    body: &'a [Stmt],
    /// The class the hook is a method of (`TenantMiddleware.before_request`): its attributes
    /// (`self.EXEMPT_PATHS`) and methods (`self.is_exempt(request.path)`) are read in tests.
    class: Option<&'a ast::StmtClassDef>,
    /// The statements that are sites (`is_site`) and the `if` tests that check a credential
    /// (`test_checks`), by start offset: decided once per hook, since `covers` walks the hook
    /// again for every route, and the answers do not depend on the route.
    sites: rustc_hash::FxHashSet<ruff_text_size::TextSize>,
    checking_tests: rustc_hash::FxHashSet<ruff_text_size::TextSize>,
}

impl<'h, 'c, 'a> HookScope<'h, 'c, 'a> {
    pub fn new(
        context: &'h AuthContext<'c, 'a>,
        module: usize,
        hook: &'a ast::StmtFunctionDef,
    ) -> Self {
        let mut scope = HookScope {
            context,
            module,
            locals: super::local_assignments(&hook.body),
            body: &hook.body,
            class: super::enclosing_class(context.model, module, hook.range()),
            sites: Default::default(),
            checking_tests: Default::default(),
        };
        let mut sites = rustc_hash::FxHashSet::default();
        let mut checking_tests = rustc_hash::FxHashSet::default();
        super::visit_stmts(&hook.body, &mut |stmt| {
            if scope.decide_site(stmt) {
                sites.insert(stmt.start());
            }
            if let Stmt::If(branch) = stmt
                && scope.decide_test_checks(&branch.test)
            {
                checking_tests.insert(branch.test.start());
            }
        });
        scope.sites = sites;
        scope.checking_tests = checking_tests;
        scope
    }

    fn is_site(&self, stmt: &'a Stmt) -> bool {
        self.sites.contains(&stmt.start())
    }

    fn test_checks(&self, test: &'a Expr) -> bool {
        self.checking_tests.contains(&test.start())
    }

    /// A statement that refuses (`abort(...)`, `raise ...`, a 401/403 or redirect answer) or
    /// checks a credential (a verifier, a project function that authenticates, the
    /// `Authorization` header).
    fn decide_site(&self, stmt: &'a Stmt) -> bool {
        let alone = std::slice::from_ref(stmt);
        match stmt {
            Stmt::Raise(_) => true,
            Stmt::Return(_) => super::branch_refuses(alone) || self.test_checks_stmt(alone),
            _ => {
                super::branch_refuses(alone)
                    // `abort(404)` for an unknown endpoint refuses no caller (temboard).
                    || super::any_expr(alone, &mut |e| {
                        matches!(e, Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "abort")
                            && super::missing_credential::refusing_call(call))
                    })
                    || self.test_checks_stmt(alone)
            }
        }
    }

    fn test_checks_stmt(&self, body: &'a [Stmt]) -> bool {
        super::reads_authorization_header(body)
            || super::any_expr(body, &mut |e| {
                self.context.checks_credential(self.module, e)
            })
    }

    /// Whether a test itself checks a credential (`if not verify(request.headers[...])`).
    fn decide_test_checks(&self, test: &'a Expr) -> bool {
        super::expr_contains(test, &mut |e| {
            self.context.checks_credential(self.module, e)
        }) || super::expr_contains(test, &mut |e| match e {
            Expr::StringLiteral(s) => s.value.to_str().eq_ignore_ascii_case("authorization"),
            Expr::Attribute(a) => a.attr.as_str() == "authorization",
            _ => false,
        })
    }

    /// Whether the hook's check can run for the route.
    pub fn covers(&self, route: &RouteShape<'_>) -> bool {
        let mut saw_site = false;
        match self.walk(self.body, route, Tri::True, &mut saw_site, 0) {
            Walk::Covered => true,
            Walk::Exempt => false,
            // Sites that exist but cannot run for this route exempt it; a hook whose check
            // flasklint did not place covers everything.
            Walk::Open => !saw_site,
        }
    }

    /// Walks `body` in order; `reach` is whether control can be here for the route.
    fn walk(
        &self,
        body: &'a [Stmt],
        route: &RouteShape<'_>,
        reach: Tri,
        saw_site: &mut bool,
        depth: usize,
    ) -> Walk {
        if depth > MAX_DEPTH {
            return Walk::Covered;
        }
        for stmt in body {
            match stmt {
                Stmt::If(branch) => {
                    if self.test_checks(&branch.test) {
                        *saw_site = true;
                        if reach != Tri::False {
                            return Walk::Covered;
                        }
                    }
                    // Each clause runs when its test holds and no earlier one did.
                    let mut earlier_failed = Tri::True;
                    let clauses = super::if_clauses(branch);
                    for (test, clause_body) in clauses {
                        let holds = test.map_or(Tri::True, |test| self.eval(test, route, 0));
                        let clause_reach = and(reach, and(earlier_failed, holds));
                        // An exit is only ever certain in a clause that certainly runs.
                        match self.walk(clause_body, route, clause_reach, saw_site, depth + 1) {
                            Walk::Open => {}
                            done => return done,
                        }
                        earlier_failed = and(earlier_failed, holds.not());
                    }
                }
                Stmt::Return(_) => {
                    if self.is_site(stmt) {
                        *saw_site = true;
                        if reach != Tri::False {
                            return Walk::Covered;
                        }
                    } else if reach == Tri::True {
                        return Walk::Exempt;
                    }
                }
                Stmt::Try(block) => {
                    for part in [&block.body, &block.orelse, &block.finalbody] {
                        if let Walk::Covered =
                            self.walk(part, route, and(reach, Tri::Unknown), saw_site, depth + 1)
                        {
                            return Walk::Covered;
                        }
                    }
                    for handler in &block.handlers {
                        let ast::ExceptHandler::ExceptHandler(handler) = handler;
                        if let Walk::Covered = self.walk(
                            &handler.body,
                            route,
                            and(reach, Tri::Unknown),
                            saw_site,
                            depth + 1,
                        ) {
                            return Walk::Covered;
                        }
                    }
                }
                Stmt::With(block) => {
                    match self.walk(&block.body, route, reach, saw_site, depth + 1) {
                        Walk::Open => {}
                        done => return done,
                    }
                }
                Stmt::For(block) => {
                    for part in [&block.body, &block.orelse] {
                        if let Walk::Covered =
                            self.walk(part, route, and(reach, Tri::Unknown), saw_site, depth + 1)
                        {
                            return Walk::Covered;
                        }
                    }
                }
                Stmt::While(block) => {
                    for part in [&block.body, &block.orelse] {
                        if let Walk::Covered =
                            self.walk(part, route, and(reach, Tri::Unknown), saw_site, depth + 1)
                        {
                            return Walk::Covered;
                        }
                    }
                }
                Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
                other => {
                    if self.is_site(other) {
                        *saw_site = true;
                        if reach != Tri::False {
                            return Walk::Covered;
                        }
                    }
                }
            }
        }
        Walk::Open
    }

    /// What a test says for the route.
    fn eval(&self, test: &'a Expr, route: &RouteShape<'_>, depth: usize) -> Tri {
        if depth > MAX_DEPTH {
            return Tri::Unknown;
        }
        match test {
            Expr::BoolOp(op) => {
                let values = op.values.iter().map(|v| self.eval(v, route, depth + 1));
                match op.op {
                    ast::BoolOp::And => values.fold(Tri::True, and),
                    ast::BoolOp::Or => values.fold(Tri::False, or),
                }
            }
            Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => {
                self.eval(&op.operand, route, depth + 1).not()
            }
            Expr::Name(name) => match self.local(name.id.as_str()) {
                Some(value) => self.eval(value, route, depth + 1),
                None => Tri::Unknown,
            },
            Expr::Compare(compare) => self.compare(compare, route, depth),
            // What a predicate returns: `return True`.
            Expr::BooleanLiteral(literal) => Tri::from(literal.value),
            Expr::NoneLiteral(_) => Tri::False,
            Expr::Call(call) if call.arguments.is_empty() => match self.predicate(call) {
                Some(returned) => self.eval(returned, route, depth + 1),
                // swingmusic's `check_auth_need()`: locals, then `if`s that return.
                None => self.called_predicate(call, route, depth + 1),
            },
            Expr::Call(call) if self.literal_quantifier(call).is_some() => {
                self.quantified(call, route, depth + 1)
            }
            Expr::Call(call) if self.reads_view_attribute(call, depth) => {
                match &call.arguments.args[1] {
                    Expr::StringLiteral(name) => {
                        Tri::from(route.marks.contains(&name.value.to_str()))
                    }
                    _ => Tri::Unknown,
                }
            }
            Expr::Call(call) => match self.string_test(call, route, depth) {
                Tri::Unknown => self.called_predicate(call, route, depth + 1),
                known => known,
            },
            // `request.url_rule`, `request.endpoint`: set for every routed request.
            Expr::Attribute(_) => match self.request_part(test, depth) {
                Some(Part::Endpoint | Part::Rule) => Tri::True,
                _ => Tri::Unknown,
            },
            _ => Tri::Unknown,
        }
    }

    /// `any(test for x in ITEMS)` / `all(...)` over a literal list, tuple or set (a local, a
    /// module-level name or the hook's class attribute): the generator and the items.
    fn literal_quantifier(
        &self,
        call: &'a ast::ExprCall,
    ) -> Option<(&'a ast::ExprGenerator, &'a [Expr])> {
        let Expr::Name(function) = call.func.as_ref() else {
            return None;
        };
        if !matches!(function.id.as_str(), "any" | "all") || !call.arguments.keywords.is_empty() {
            return None;
        }
        let [Expr::Generator(generator)] = call.arguments.args.as_ref() else {
            return None;
        };
        let [comprehension] = generator.generators.as_slice() else {
            return None;
        };
        if !comprehension.ifs.is_empty() || comprehension.is_async {
            return None;
        }
        let Expr::Name(_) = &comprehension.target else {
            return None;
        };
        Some((generator, self.literal_items(&comprehension.iter)?))
    }

    /// swingmusic's `any(request.path.startswith(url) for url in urls)`: the test once per
    /// item, the loop variable standing for it, joined by `or` (`any`) or `and` (`all`).
    fn quantified(&self, call: &'a ast::ExprCall, route: &RouteShape<'_>, depth: usize) -> Tri {
        let Some((generator, items)) = self.literal_quantifier(call) else {
            return Tri::Unknown;
        };
        let Some(Expr::Name(target)) = generator.generators.first().map(|c| &c.target) else {
            return Tri::Unknown;
        };
        let every = matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "all");
        let mut result = Tri::from(every);
        for item in items {
            if matches!(item, Expr::Starred(_)) {
                result = if every {
                    and(result, Tri::Unknown)
                } else {
                    or(result, Tri::Unknown)
                };
                continue;
            }
            let mut locals = self.locals.clone();
            locals.retain(|(name, _)| *name != target.id.as_str());
            locals.push((target.id.as_str(), item));
            let answer = self
                .reading(locals, self.body)
                .eval(&generator.elt, route, depth + 1);
            result = if every {
                and(result, answer)
            } else {
                or(result, answer)
            };
        }
        result
    }

    /// What a project function of the hook's module called without arguments returns, when its
    /// body is that one `return` (after a docstring): ras-secure-message's
    /// `_request_requires_authentication()`, a conjunction of `request.endpoint != "..."` tests.
    fn predicate(&self, call: &'a ast::ExprCall) -> Option<&'a Expr> {
        let qualified = self.context.qualified(self.module, &call.func)?;
        let (module, def) = self.context.function_for(self.module, &qualified)?;
        if module != self.module || !def.parameters.is_empty() {
            return None;
        }
        let statements: Vec<&Stmt> = def
            .body
            .iter()
            .filter(|stmt| !matches!(stmt, Stmt::Expr(e) if e.value.is_string_literal_expr()))
            .collect();
        match statements.as_slice() {
            [Stmt::Return(ret)] => ret.value.as_deref(),
            _ => None,
        }
    }

    /// `getattr(view, "NAME", False)` or `hasattr(view, "NAME")` where `view` is the routed
    /// view function (`app.view_functions.get(request.endpoint)`, `view_functions[...]`).
    fn reads_view_attribute(&self, call: &'a ast::ExprCall, depth: usize) -> bool {
        let is_attribute_read = matches!(
            call.func.as_ref(),
            Expr::Name(n) if matches!(n.id.as_str(), "getattr" | "hasattr")
        );
        if !is_attribute_read || call.arguments.args.len() < 2 || depth > MAX_DEPTH {
            return false;
        }
        let mut view = &call.arguments.args[0];
        for _ in 0..MAX_DEPTH {
            match view {
                Expr::Name(name) => match self.local(name.id.as_str()) {
                    Some(value) => view = value,
                    None => return false,
                },
                _ => break,
            }
        }
        let looked_up = match view {
            Expr::Call(get) => match get.func.as_ref() {
                Expr::Attribute(method) if method.attr.as_str() == "get" => &method.value,
                _ => return false,
            },
            Expr::Subscript(subscript) => &subscript.value,
            _ => return false,
        };
        matches!(looked_up.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "view_functions")
    }

    /// What a predicate of the hook's class or module returns for the route when called with
    /// arguments: it-s_dec's `self.is_exempt(request.path)`, whose body tests `path in
    /// self.EXEMPT_PATHS` and loops over `self.EXEMPT_PREFIXES` with `path.startswith(prefix)`.
    /// The parameters stand for the arguments; the body is read as a chain of `if`s, literal
    /// loops and `return`s, and anything else in it makes the answer unknown.
    fn called_predicate(
        &self,
        call: &'a ast::ExprCall,
        route: &RouteShape<'_>,
        depth: usize,
    ) -> Tri {
        if depth > MAX_DEPTH || !call.arguments.keywords.is_empty() {
            return Tri::Unknown;
        }
        let (def, skip_self) = match call.func.as_ref() {
            Expr::Attribute(method) if matches!(method.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self") => {
                match self
                    .class
                    .and_then(|class| super::find_function_in(&class.body, method.attr.as_str()))
                {
                    Some(def) => (def, 1),
                    None => return Tri::Unknown,
                }
            }
            Expr::Name(_) => {
                let Some((module, def)) = self
                    .context
                    .qualified(self.module, &call.func)
                    .and_then(|q| self.context.function_for(self.module, &q))
                else {
                    return Tri::Unknown;
                };
                if module != self.module {
                    return Tri::Unknown;
                }
                (def, 0)
            }
            _ => return Tri::Unknown,
        };
        let parameters: Vec<&str> = def
            .parameters
            .posonlyargs
            .iter()
            .chain(&def.parameters.args)
            .skip(skip_self)
            .map(|p| p.parameter.name.as_str())
            .collect();
        if parameters.len() != call.arguments.args.len()
            || call
                .arguments
                .args
                .iter()
                .any(|a| matches!(a, Expr::Starred(_)))
        {
            return Tri::Unknown;
        }
        // The arguments are read in the hook's own terms (its locals), the body in the callee's.
        let arguments: Vec<(&'a str, &'a Expr)> = parameters
            .into_iter()
            .zip(call.arguments.args.iter())
            .map(|(name, argument)| match argument {
                Expr::Name(local) => (name, self.local(local.id.as_str()).unwrap_or(argument)),
                _ => (name, argument),
            })
            .collect();
        let callee = self.reading(arguments, &def.body);
        match callee.returned(&def.body, route, depth + 1) {
            Returned::Value(value) => value,
            // A function that ends without `return` returns None: false.
            Returned::FallsThrough => Tri::False,
            Returned::Unknown => Tri::Unknown,
        }
    }

    /// What `body` returns for the route, read as a predicate's body.
    fn returned(&self, body: &'a [Stmt], route: &RouteShape<'_>, depth: usize) -> Returned {
        if depth > MAX_DEPTH {
            return Returned::Unknown;
        }
        let Some((first, rest)) = body.split_first() else {
            return Returned::FallsThrough;
        };
        let then = |outcome: Returned| match outcome {
            Returned::FallsThrough => self.returned(rest, route, depth + 1),
            done => done,
        };
        match first {
            Stmt::Expr(e) if e.value.is_string_literal_expr() => then(Returned::FallsThrough),
            Stmt::Pass(_) => then(Returned::FallsThrough),
            // `urls = ("/auth/login", ...)` before the tests that read it.
            Stmt::Assign(assign) => match assign.targets.as_slice() {
                [Expr::Name(target)] => {
                    let mut locals = self.locals.clone();
                    locals.push((target.id.as_str(), assign.value.as_ref()));
                    self.reading(locals, self.body)
                        .returned(rest, route, depth + 1)
                }
                _ => Returned::Unknown,
            },
            Stmt::Return(ret) => Returned::Value(match ret.value.as_deref() {
                Some(value) => self.eval(value, route, depth + 1),
                None => Tri::False,
            }),
            Stmt::If(branch) => {
                let mut outcome = Returned::FallsThrough;
                let mut decided = false;
                let clauses: Vec<_> = super::if_clauses(branch).collect();
                // The clauses from the last: each is "this test ? this body : what follows".
                for (test, clause_body) in clauses.into_iter().rev() {
                    let taken = then(self.returned(clause_body, route, depth + 1));
                    let otherwise = if decided {
                        outcome
                    } else {
                        then(Returned::FallsThrough)
                    };
                    outcome = match test.map_or(Tri::True, |t| self.eval(t, route, depth + 1)) {
                        Tri::True => taken,
                        Tri::False => otherwise,
                        Tri::Unknown => taken.merge(otherwise),
                    };
                    decided = true;
                }
                outcome
            }
            Stmt::For(block) if block.orelse.is_empty() => {
                let (Expr::Name(target), Some(items)) =
                    (block.target.as_ref(), self.literal_items(&block.iter))
                else {
                    return Returned::Unknown;
                };
                // The loop unrolled: its body once per item, the loop variable standing for it.
                let mut outcome = then(Returned::FallsThrough);
                for item in items.iter().rev() {
                    let mut locals = self.locals.clone();
                    locals.retain(|(name, _)| *name != target.id.as_str());
                    locals.push((target.id.as_str(), item));
                    let iteration = self.reading(locals, self.body);
                    outcome = match iteration.returned(&block.body, route, depth + 1) {
                        Returned::FallsThrough => outcome,
                        done => done,
                    };
                }
                outcome
            }
            _ => Returned::Unknown,
        }
    }

    /// The items of a literal list, tuple or set an expression names: itself, a local, a
    /// module-level name or an attribute of the hook's class.
    fn literal_items(&self, expr: &'a Expr) -> Option<&'a [Expr]> {
        let expr = match expr {
            Expr::Name(name) => self
                .local(name.id.as_str())
                .or_else(|| {
                    self.context
                        .model
                        .assigned_value(name.id.as_str(), &At::top(self.module))
                })
                .unwrap_or(expr),
            Expr::Attribute(_) => self.class_attribute(expr).unwrap_or(expr),
            other => other,
        };
        match expr {
            Expr::List(list) => Some(&list.elts),
            Expr::Tuple(tuple) => Some(&tuple.elts),
            Expr::Set(set) => Some(&set.elts),
            _ => None,
        }
    }

    /// `self.NAME` where the hook's class body assigns `NAME = ...` (or `NAME: T = ...`).
    fn class_attribute(&self, expr: &'a Expr) -> Option<&'a Expr> {
        let Expr::Attribute(attribute) = expr else {
            return None;
        };
        if !matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self") {
            return None;
        }
        crate::model::class_body_value(self.class?, attribute.attr.as_str())
    }

    /// The one expression a hook local is assigned, if it is assigned once.
    fn local(&self, name: &str) -> Option<&'a Expr> {
        super::assigned_once(&self.locals, name)
    }

    /// The same hook read in other terms: a predicate's body with its parameters standing for
    /// the arguments, or one turn of a literal loop with its variable standing for an item.
    /// Sites and checking tests belong to the hook's own body, so the reading has none.
    fn reading(&self, locals: Vec<(&'a str, &'a Expr)>, body: &'a [Stmt]) -> HookScope<'h, 'c, 'a> {
        HookScope {
            context: self.context,
            module: self.module,
            locals,
            body,
            class: self.class,
            sites: Default::default(),
            checking_tests: Default::default(),
        }
    }

    /// `request.path == "/"`, `request.endpoint not in PUBLIC`, `request.method == "OPTIONS"`,
    /// `request.path.split("/")[1] == "api"`, `"/static" in request.path`.
    fn compare(&self, compare: &'a ast::ExprCompare, route: &RouteShape<'_>, depth: usize) -> Tri {
        let ([op], [right]) = (compare.ops.as_ref(), compare.comparators.as_ref()) else {
            return Tri::Unknown;
        };
        let left = compare.left.as_ref();
        use ast::CmpOp;
        // `request.endpoint is None`: never, for a routed request.
        if matches!(op, CmpOp::Is | CmpOp::IsNot) && right.is_none_literal_expr() {
            return match self.request_part(left, depth) {
                Some(Part::Endpoint | Part::Rule) => Tri::from(*op == CmpOp::IsNot),
                _ => Tri::Unknown,
            };
        }
        let (part, other, reversed) = match (
            self.request_part(left, depth),
            self.request_part(right, depth),
        ) {
            (Some(part), None) => (part, right, false),
            (None, Some(part)) => (part, left, true),
            _ => return Tri::Unknown,
        };
        let value = self.value(other);
        let strings: Vec<String> = match value.strings() {
            Some(strings) => strings.into_iter().map(str::to_string).collect(),
            None => return Tri::Unknown,
        };
        match (op, reversed) {
            (CmpOp::Eq | CmpOp::NotEq, _) => {
                let [one] = strings.as_slice() else {
                    return Tri::Unknown;
                };
                let equal = part.equals(one, route);
                if *op == CmpOp::Eq { equal } else { equal.not() }
            }
            (CmpOp::In | CmpOp::NotIn, false) if matches!(value, Value::Sequence(_)) => {
                let member = strings
                    .iter()
                    .map(|s| part.equals(s, route))
                    .fold(Tri::False, or);
                if *op == CmpOp::In {
                    member
                } else {
                    member.not()
                }
            }
            // `"/static/" in request.path`: a substring of the path.
            (CmpOp::In | CmpOp::NotIn, true) if matches!(value, Value::Str(_)) => {
                let contained = part.contains(&strings[0], route);
                if *op == CmpOp::In {
                    contained
                } else {
                    contained.not()
                }
            }
            _ => Tri::Unknown,
        }
    }

    /// `request.path.startswith("/api")` (a string or a tuple of them), `.endswith(...)`.
    fn string_test(&self, call: &'a ast::ExprCall, route: &RouteShape<'_>, depth: usize) -> Tri {
        let Expr::Attribute(method) = call.func.as_ref() else {
            return Tri::Unknown;
        };
        let Some(part) = self.request_part(&method.value, depth) else {
            return Tri::Unknown;
        };
        let [argument] = call.arguments.args.as_ref() else {
            return Tri::Unknown;
        };
        let value = self.value(argument);
        let Some(strings) = value.strings() else {
            return Tri::Unknown;
        };
        let test = |s: &str| match method.attr.as_str() {
            "startswith" => part.starts_with(s, route),
            "endswith" => part.ends_with(s, route),
            _ => Tri::Unknown,
        };
        strings.into_iter().map(test).fold(Tri::False, or)
    }

    fn value(&self, expr: &'a Expr) -> Value {
        let expr = match expr {
            Expr::Name(name) => self.local(name.id.as_str()).unwrap_or(expr),
            Expr::Attribute(_) => self.class_attribute(expr).unwrap_or(expr),
            other => other,
        };
        self.context.model.value(expr, &At::top(self.module))
    }

    /// Which part of the request an expression reads.
    fn request_part(&self, expr: &'a Expr, depth: usize) -> Option<Part> {
        if depth > MAX_DEPTH {
            return None;
        }
        match expr {
            Expr::Name(name) => {
                let value = self.local(name.id.as_str())?;
                self.request_part(value, depth + 1)
            }
            Expr::Attribute(attribute) => {
                if is_request(&attribute.value) {
                    return match attribute.attr.as_str() {
                        "path" => Some(Part::Path),
                        "endpoint" => Some(Part::Endpoint),
                        "method" => Some(Part::Method),
                        "url_rule" => Some(Part::Rule),
                        _ => None,
                    };
                }
                // `request.url_rule.rule`: the rule as registered.
                if attribute.attr.as_str() == "rule"
                    && matches!(
                        self.request_part(&attribute.value, depth + 1),
                        Some(Part::Rule)
                    )
                {
                    return Some(Part::Path);
                }
                None
            }
            // `request.path.split("/")[1]`
            Expr::Subscript(subscript) => {
                let Expr::NumberLiteral(number) = subscript.slice.as_ref() else {
                    return None;
                };
                let ast::Number::Int(index) = &number.value else {
                    return None;
                };
                let index = usize::try_from(index.as_u64()?).ok()?;
                let Expr::Call(call) = subscript.value.as_ref() else {
                    return None;
                };
                let Expr::Attribute(split) = call.func.as_ref() else {
                    return None;
                };
                if split.attr.as_str() != "split"
                    || !matches!(self.request_part(&split.value, depth + 1), Some(Part::Path))
                {
                    return None;
                }
                let [Expr::StringLiteral(separator)] = call.arguments.args.as_ref() else {
                    return None;
                };
                (separator.value.to_str() == "/").then_some(Part::Segment(index))
            }
            // `request.path.rstrip("/")`, `request.path.lower()`: near enough the path for
            // prefix tests, not for equality.
            _ => None,
        }
    }
}

fn is_request(expr: &Expr) -> bool {
    matches!(expr, Expr::Name(name) if name.id.as_str() == "request")
}

fn and(a: Tri, b: Tri) -> Tri {
    match (a, b) {
        (Tri::False, _) | (_, Tri::False) => Tri::False,
        (Tri::True, Tri::True) => Tri::True,
        _ => Tri::Unknown,
    }
}

fn or(a: Tri, b: Tri) -> Tri {
    match (a, b) {
        (Tri::True, _) | (_, Tri::True) => Tri::True,
        (Tri::False, Tri::False) => Tri::False,
        _ => Tri::Unknown,
    }
}

/// A part of the request a hook tests.
#[derive(Clone, Copy, Debug)]
enum Part {
    /// `request.path`: the rule with its variables filled in.
    Path,
    /// `request.path.split("/")[n]`
    Segment(usize),
    /// `request.endpoint`: `blueprint.view`.
    Endpoint,
    /// `request.method`
    Method,
    /// `request.url_rule` itself (only its presence is known).
    Rule,
}

/// The literal start of a rule, up to its first variable, and whether it has variables.
fn literal_prefix(rule: &str) -> (&str, bool) {
    match rule.find('<') {
        Some(at) => (&rule[..at], true),
        None => (rule, false),
    }
}

impl Part {
    fn equals(self, text: &str, route: &RouteShape<'_>) -> Tri {
        match self {
            Part::Path => {
                let (prefix, variables) = literal_prefix(route.rule);
                if !variables {
                    // Flask redirects `/x` to `/x/` for a rule ending in a slash: either is it.
                    return Tri::from(
                        route.rule == text || route.rule.trim_end_matches('/') == text,
                    );
                }
                if text.starts_with(prefix) {
                    Tri::Unknown
                } else {
                    Tri::False
                }
            }
            Part::Segment(index) => {
                match route.rule.split('/').nth(index) {
                    Some(segment) if segment.contains('<') => Tri::Unknown,
                    Some(segment) => Tri::from(segment == text),
                    // `split` past the end raises: no route is exempted by that.
                    None => Tri::Unknown,
                }
            }
            // A resource class's endpoint is its name in lower case (flask-restful).
            Part::Endpoint => match route.blueprint {
                Some("") => {
                    Tri::from(text == route.view || text == route.view.to_ascii_lowercase())
                }
                Some(blueprint) => Tri::from(
                    text == format!("{blueprint}.{}", route.view)
                        || text == format!("{blueprint}.{}", route.view.to_ascii_lowercase()),
                ),
                // Which blueprint the route is on is not known: the same view name is taken as
                // the same endpoint.
                None => {
                    let view = text.rsplit('.').next().unwrap_or(text);
                    Tri::from(view == route.view || view == route.view.to_ascii_lowercase())
                }
            },
            Part::Method => {
                let matching = route
                    .methods
                    .iter()
                    .filter(|m| m.eq_ignore_ascii_case(text))
                    .count();
                if matching == 0 {
                    Tri::False
                } else if matching == route.methods.len() {
                    Tri::True
                } else {
                    Tri::Unknown
                }
            }
            Part::Rule => Tri::Unknown,
        }
    }

    fn starts_with(self, text: &str, route: &RouteShape<'_>) -> Tri {
        match self {
            Part::Path => {
                let (prefix, variables) = literal_prefix(route.rule);
                if prefix.starts_with(text) {
                    Tri::True
                } else if variables && text.starts_with(prefix) {
                    Tri::Unknown
                } else {
                    Tri::False
                }
            }
            // `request.endpoint.startswith("api.")`
            Part::Endpoint => match route.blueprint {
                Some("") => Tri::from(route.view.starts_with(text)),
                Some(blueprint) => {
                    Tri::from(format!("{blueprint}.{}", route.view).starts_with(text))
                }
                None => Tri::Unknown,
            },
            _ => Tri::Unknown,
        }
    }

    fn ends_with(self, text: &str, route: &RouteShape<'_>) -> Tri {
        match self {
            Part::Path => match route.rule.rfind('>') {
                None => Tri::from(route.rule.ends_with(text)),
                Some(at) if route.rule[at + 1..].ends_with(text) && at + 1 < route.rule.len() => {
                    Tri::True
                }
                Some(_) => Tri::Unknown,
            },
            _ => Tri::Unknown,
        }
    }

    fn contains(self, text: &str, route: &RouteShape<'_>) -> Tri {
        match self {
            Part::Path => {
                let literal_parts_hold = route
                    .rule
                    .split(['<', '>'])
                    .step_by(2)
                    .any(|literal| literal.contains(text));
                if literal_parts_hold {
                    Tri::True
                } else if route.rule.contains('<') {
                    Tri::Unknown
                } else {
                    Tri::False
                }
            }
            // `"health" in request.endpoint`
            Part::Endpoint => {
                let in_view =
                    route.view.contains(text) || route.view.to_ascii_lowercase().contains(text);
                match route.blueprint {
                    _ if in_view => Tri::True,
                    Some(blueprint) => Tri::from(format!("{blueprint}.").contains(text)),
                    None => Tri::Unknown,
                }
            }
            _ => Tri::Unknown,
        }
    }
}
