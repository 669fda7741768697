//! Per-function claim summaries: where a function gets token claims that were never verified,
//! and which project functions hand such claims back to their callers.
//!
//! A decision on claims read without verification (`jose.jwt.get_unverified_claims`, a decode
//! with `verify_signature` off, a hand base64-decoded payload) is an access check anyone can
//! pass by writing the claims. Apps rarely make it where they decode: a helper
//! (`quick_claims(token)`, `current_claims()`) decodes, its callers decide. The summaries are
//! built once, from the call facts and the callers index, and followed across modules, so a
//! rule asks "what unverified claims does this function hold" instead of walking helpers.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::jwt::{JwtCall, Operation};
use super::routes::{
    AuthContext, expr_contains, local_assignments, reads_authorization_header, visit_scope_stmts,
};
use super::{FileModel, Project, ProjectModel};

/// How many helpers deep returned claims are followed into callers.
const MAX_HELPER_DEPTH: usize = 4;

/// An expression of a function that yields unverified claims.
#[derive(Debug, Clone)]
pub struct UnverifiedSource {
    /// The call that yields them: the decode, or the call of a helper that returns them.
    pub range: TextRange,
    /// For messages: "`jwt.decode` with verification off at line 13", "`quick_claims()` at
    /// line 20, which returns `jwt.decode` with verification off (auth.py:13)".
    pub description: String,
    /// The read the claims come from, through every helper, for messages: "`jwt.decode` with
    /// verification off (app/auth.py:13)".
    pub root: String,
    /// Where the token whose claims these are comes from, seen from the function holding the
    /// source.
    pub token: TokenOrigin,
}

/// Where a token comes from, seen from the function that reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TokenOrigin {
    /// The request's `Authorization` header (directly, cut from it, or through a project helper
    /// that reads it): the token a route's authentication verifies.
    Header,
    /// A parameter of the function (its index among the non-variadic parameters, its name):
    /// whatever its callers pass.
    Parameter(usize, String),
    Unknown,
}

/// The unverified claims of every function that holds some, and the functions that return
/// them.
#[derive(Default)]
pub struct ClaimSummaries {
    /// By function: (module, start of its `def`).
    sources: HashMap<(usize, TextSize), Vec<UnverifiedSource>>,
}

impl ClaimSummaries {
    pub fn new<'a>(project: &Project<'a>) -> ClaimSummaries {
        let context = project.routes.context(&project.model, &project.files);
        let mut summaries = ClaimSummaries::default();
        // The functions already found to return unverified claims.
        let mut returning_functions: HashSet<(usize, TextSize)> = HashSet::default();
        let mut functions: HashMap<(usize, TextSize), (usize, &'a ast::StmtFunctionDef)> =
            HashMap::default();
        for file in &project.files {
            for (function, source) in direct_sources(&context, file) {
                let key = (file.module, function.start());
                functions.insert(key, (file.module, function));
                summaries.sources.entry(key).or_default().push(source);
            }
        }
        // Each round summarises the functions whose sources changed, then hands their
        // returned claims to their callers as new sources.
        let mut pending: Vec<(usize, TextSize)> = functions.keys().copied().collect();
        pending.sort_unstable();
        for _ in 0..=MAX_HELPER_DEPTH {
            let mut returning = Vec::new();
            for key in pending.drain(..) {
                if returning_functions.contains(&key) {
                    continue;
                }
                let Some(&(module, function)) = functions.get(&key) else {
                    continue;
                };
                let sources = summaries.sources.get(&key).map_or(&[][..], Vec::as_slice);
                if let Some(returned) = returned_claims(&context, module, function, sources) {
                    returning_functions.insert(key);
                    returning.push((module, function, returned));
                }
            }
            let mut next: HashSet<(usize, TextSize)> = HashSet::default();
            for (module, helper, (root, token)) in returning {
                for (caller_file, fact) in project.calls_named(helper.name.as_str()) {
                    let Some(caller) = fact.function else {
                        continue;
                    };
                    if std::ptr::eq(caller, helper) {
                        continue;
                    }
                    let target = context
                        .callee_of(caller_file, fact.call)
                        .and_then(|qualified| context.function_for(caller_file.module, &qualified));
                    if !target.is_some_and(|(m, def)| m == module && std::ptr::eq(def, helper)) {
                        continue;
                    }
                    let passed = match &token {
                        TokenOrigin::Parameter(index, name) => argument(fact.call, *index, name),
                        _ => None,
                    };
                    // `issuer = get_jwt_issuer(token)` and then `verify(token, issuer)`: the
                    // helper's peek chose how to verify.
                    if passed.is_some_and(|passed| {
                        handed_on_later(&project.model, caller_file, caller, fact.call, passed)
                    }) {
                        continue;
                    }
                    let token = match (&token, passed) {
                        (TokenOrigin::Parameter(..), Some(passed)) => {
                            token_origin(&context, caller_file.module, caller, passed, 0)
                        }
                        (TokenOrigin::Parameter(..), None) => TokenOrigin::Unknown,
                        (other, _) => other.clone(),
                    };
                    let caller_line = project.model.modules[caller_file.module]
                        .file
                        .position(fact.call.start())
                        .line;
                    let key = (caller_file.module, caller.start());
                    functions.insert(key, (caller_file.module, caller));
                    summaries
                        .sources
                        .entry(key)
                        .or_default()
                        .push(UnverifiedSource {
                            range: fact.call.range(),
                            description: format!(
                                "`{}()` at line {caller_line}, which returns claims from {root}",
                                helper.name
                            ),
                            root: root.clone(),
                            token,
                        });
                    next.insert(key);
                }
            }
            if next.is_empty() {
                break;
            }
            pending.extend(next);
            pending.sort_unstable();
        }
        summaries
    }

    /// The expressions of `function` (of `module`) that yield unverified claims.
    pub fn sources_in(
        &self,
        module: usize,
        function: &ast::StmtFunctionDef,
    ) -> &[UnverifiedSource] {
        self.sources
            .get(&(module, function.start()))
            .map_or(&[], Vec::as_slice)
    }
}

/// The argument a call passes for parameter `index` (`name` when passed by keyword).
fn argument<'a>(call: &'a ast::ExprCall, index: usize, name: &str) -> Option<&'a Expr> {
    call.arguments
        .args
        .get(index)
        .or_else(|| {
            call.arguments
                .keywords
                .iter()
                .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
                .map(|k| &k.value)
        })
        .filter(|argument| !matches!(argument, Expr::Starred(_)))
}

/// Whether `function` checks the token's signature itself before `read`: AWS's documented
/// Cognito sample (libpyiotcloud) builds the key with `jwk.construct(...)` from the pool's key
/// set, calls `public_key.verify(message, decoded_signature)` and returns on failure, and only
/// then reads `jwt.get_unverified_claims(token)`: the claims are verified by then.
fn verifies_signature_by_hand(
    file: &FileModel<'_>,
    function: &ast::StmtFunctionDef,
    read: TextRange,
) -> bool {
    // Only a verdict the function tests (`if not public_key.verify(...): return False`).
    let mut tests: Vec<TextRange> = Vec::new();
    super::routes::visit_stmts(&function.body, &mut |stmt| match stmt {
        Stmt::If(branch) => tests.push(branch.test.range()),
        Stmt::Assert(assert) => tests.push(assert.test.range()),
        _ => {}
    });
    file.calls.in_body(function).any(|fact| {
        let call = fact.call;
        if !tests.iter().any(|test| test.contains_range(call.range())) {
            return false;
        }
        let Expr::Attribute(method) = call.func.as_ref() else {
            return false;
        };
        let on_a_key = fact
            .callee
            .is_some_and(|callee| callee.ends_with("jwk.construct().verify"))
            || matches!(method.value.as_ref(), Expr::Name(key)
                if key.id.to_ascii_lowercase().contains("key"));
        method.attr.as_str() == "verify"
            && on_a_key
            && call.arguments.args.len() == 2
            && call.range().end() <= read.start()
    })
}

/// The unverified reads written in a file, with the function each is in.
fn direct_sources<'a>(
    context: &AuthContext<'_, 'a>,
    file: &FileModel<'a>,
) -> Vec<(&'a ast::StmtFunctionDef, UnverifiedSource)> {
    let model = context.model;
    let source = model.modules[file.module].file;
    let origin = |function: &ast::StmtFunctionDef, token: Option<&Expr>| {
        token.map_or(TokenOrigin::Unknown, |token| {
            token_origin(context, file.module, function, token, 0)
        })
    };
    let line = |range: TextRange| source.position(range.start()).line;
    let root = |what: String, range: TextRange| {
        format!("{what} ({}:{})", source.display_path(), line(range))
    };
    let mut found = Vec::new();
    for call in &file.jwt_calls {
        if let Some(function) = call.function
            && reads_unverified(model, file, call)
        {
            found.push((
                function,
                UnverifiedSource {
                    range: call.call.range(),
                    description: format!(
                        "`{}` with verification off at line {}",
                        call.callee,
                        line(call.call.range())
                    ),
                    root: root(
                        format!("`{}` with verification off", call.callee),
                        call.call.range(),
                    ),
                    token: origin(function, call.call.arguments.args.first()),
                },
            ));
        }
    }
    for fact in file.calls.iter() {
        let (Some(qualified), Some(function)) = (fact.callee, fact.function) else {
            continue;
        };
        let call = fact.call;
        if qualified.ends_with("get_unverified_claims")
            && !verifies_signature_by_hand(file, function, call.range())
        {
            found.push((
                function,
                UnverifiedSource {
                    range: call.range(),
                    description: format!("`{qualified}` at line {}", line(call.range())),
                    root: root(format!("`{qualified}`"), call.range()),
                    token: origin(function, call.arguments.args.first()),
                },
            ));
        } else if qualified.ends_with("b64decode")
            && let Some(token) = call.arguments.args.first().and_then(split_token)
        {
            found.push((
                function,
                UnverifiedSource {
                    range: call.range(),
                    description: format!(
                        "a hand base64-decoded token payload at line {}",
                        line(call.range())
                    ),
                    root: root(
                        "a hand base64-decoded token payload".to_string(),
                        call.range(),
                    ),
                    token: origin(function, Some(token)),
                },
            ));
        }
    }
    found
}

/// `token.split(".")[1]`: the payload segment of a JWT; the token split.
fn split_token(expr: &Expr) -> Option<&Expr> {
    let mut token = None;
    expr_contains(expr, &mut |e| {
        let Expr::Call(call) = e else { return false };
        if let Expr::Attribute(a) = call.func.as_ref()
            && a.attr.as_str() == "split"
            && call
                .arguments
                .args
                .first()
                .is_some_and(|s| matches!(s, Expr::StringLiteral(l) if l.value.to_str() == "."))
        {
            token = Some(a.value.as_ref());
            return true;
        }
        false
    });
    token
}

/// Whether `call` decodes a token with verification off for its claims: not a peek that only
/// chooses the key (`verified_later`), nor one in an `except` branch that refuses the token
/// whatever its claims say (`in_refusing_handler`).
pub fn reads_unverified(
    model: &ProjectModel<'_>,
    file: &FileModel<'_>,
    call: &JwtCall<'_>,
) -> bool {
    call.operation == Operation::Decode
        && call.signature_disabled(model, file).is_some()
        && !verified_later(model, file, call)
        && !in_refusing_handler(call)
}

/// Whether `call` sits in an `except` branch whose last statement raises: the verification it
/// follows has failed and the request is refused whatever the claims say, which only shape the
/// error (fence's `validate_jwt`: "was OIDC client configured with scopes?").
pub fn in_refusing_handler(call: &JwtCall<'_>) -> bool {
    let Some(function) = call.function else {
        return false;
    };
    let mut refusing = false;
    visit_scope_stmts(&function.body, &mut |stmt| {
        let Stmt::Try(block) = stmt else { return };
        for handler in &block.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            if handler.range().contains_range(call.call.range())
                && matches!(handler.body.last(), Some(Stmt::Raise(_)))
            {
                refusing = true;
            }
        }
    });
    refusing
}

/// The time claims (`exp`, `iat`, `nbf`) that are all `call`'s unverified result is read for,
/// when that is all: `jwt.decode(...).get("exp")`, or a local holding the result read only as
/// `decoded["iat"]` (fence computing when a refresh token or a cookie expires). Such a read
/// schedules or stores; the claims that identify or authorize are never looked at.
pub fn reads_only_times(call: &JwtCall<'_>) -> Option<Vec<String>> {
    const TIMES: &[&str] = &["exp", "iat", "nbf"];
    let function = call.function?;
    let key_read = |expr: &Expr, receiver: &dyn Fn(&Expr) -> bool| -> Option<String> {
        let (value, key) = super::keyed_read(expr)?;
        match key {
            Expr::StringLiteral(text) if receiver(value) => Some(text.value.to_str().to_string()),
            _ => None,
        }
    };
    let mut read: Vec<String> = Vec::new();
    let mut other_use = false;
    match call.assigned_to {
        None => {
            let is_call = |e: &Expr| e.range() == call.call.range();
            super::routes::any_expr(&function.body, &mut |e| {
                if let Some(key) = key_read(e, &is_call) {
                    read.push(key);
                }
                false
            });
        }
        Some(name) => {
            if call.returned {
                return None;
            }
            let is_name = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == name);
            let mut reads_at: Vec<TextRange> = Vec::new();
            super::routes::any_expr(&function.body, &mut |e| {
                if let Some(key) = key_read(e, &is_name) {
                    read.push(key);
                    if let Some((receiver, _)) = super::keyed_read(e) {
                        reads_at.push(receiver.range());
                    }
                }
                false
            });
            // Every other mention of the name, after the decode, is some other use.
            super::routes::any_expr(&function.body, &mut |e| {
                if let Expr::Name(n) = e
                    && n.id.as_str() == name
                    && n.ctx == ast::ExprContext::Load
                    && e.start() > call.call.end()
                    && !reads_at.contains(&e.range())
                {
                    other_use = true;
                }
                false
            });
        }
    }
    (!other_use && !read.is_empty() && read.iter().all(|k| TIMES.contains(&k.as_str()))).then(
        || {
            read.sort();
            read.dedup();
            read
        },
    )
}

/// PyJWT's documented multi-issuer pattern: a decode with verification off only to choose the
/// key, then the same token verified in the same function. The unverified claims grant nothing
/// there.
pub fn verified_later(
    model: &ProjectModel<'_>,
    file: &FileModel<'_>,
    unverified: &JwtCall<'_>,
) -> bool {
    let Some(function) = unverified.function else {
        return false;
    };
    let Some(token) = unverified.call.arguments.args.first() else {
        return false;
    };
    let source = model.modules[file.module].file;
    let text = source.slice(token.range());
    handed_on_later(model, file, function, unverified.call, token)
        || file.jwt_calls.iter().any(|other| {
            other.operation == Operation::Decode
                && other.function.is_some_and(|f| std::ptr::eq(f, function))
                && other.call.start() > unverified.call.end()
                && other
                    .call
                    .arguments
                    .args
                    .first()
                    .map(|t| source.slice(t.range()))
                    == Some(text)
                && other.signature_disabled(model, file).is_none()
        })
}

/// Whether `function` hands the token `peek` read (a name) on to another function after the
/// peek: a verifying helper (`_decode_jwt(token, key)`, `service.decode_user_jwt(token)`) that
/// the peek only chose the key or issuer for. Logging it is not handing it on.
fn handed_on_later(
    model: &ProjectModel<'_>,
    file: &FileModel<'_>,
    function: &ast::StmtFunctionDef,
    peek: &ast::ExprCall,
    token: &Expr,
) -> bool {
    let source = model.modules[file.module].file;
    let text = |node: &dyn Ranged| source.slice(node.range());
    let is_name = matches!(token, Expr::Name(_));
    let token = text(token);
    is_name
        && super::routes::any_expr(&function.body, &mut |expr| {
            let Expr::Call(call) = expr else { return false };
            call.start() > peek.end()
                && !text(call.func.as_ref())
                    .to_ascii_lowercase()
                    .contains("log")
                && crate::model::argument_values(call).any(|a| text(a) == token)
        })
}

/// The local names of `function` that hold unverified claims: every assignment of the name
/// makes it so (`id_token` decoded with verification in one branch and without in another
/// depends on configuration).
pub fn tainted_names<'a>(
    function: &'a ast::StmtFunctionDef,
    sources: &[UnverifiedSource],
) -> Vec<&'a str> {
    let is_source = |e: &Expr| sources.iter().any(|source| e.range() == source.range);
    let mut tainted: Vec<&str> = Vec::new();
    let assignments = local_assignments(&function.body);
    for _ in 0..3 {
        for (name, _) in &assignments {
            if tainted.contains(name) {
                continue;
            }
            let all_unverified =
                assignments
                    .iter()
                    .filter(|(other, _)| other == name)
                    .all(|(_, value)| {
                        expr_contains(value, &mut |e| {
                            is_source(e)
                                || matches!(e, Expr::Name(n) if tainted.contains(&n.id.as_str()))
                        })
                    });
            if all_unverified {
                tainted.push(name);
            }
        }
    }
    tainted
}

/// What `function` returns of the unverified claims it holds: the read they come from and the
/// token it reads as its callers see it. A function returns them when some `return` hands back
/// a value built from them and no `return` hands back claims it verified.
fn returned_claims(
    context: &AuthContext<'_, '_>,
    module: usize,
    function: &ast::StmtFunctionDef,
    sources: &[UnverifiedSource],
) -> Option<(String, TokenOrigin)> {
    if sources.is_empty() {
        return None;
    }
    let tainted = tainted_names(function, sources);
    // Whether a value is built from unverified claims, and the source it calls directly.
    let carries = |value: &Expr| {
        let mut direct: Option<&UnverifiedSource> = None;
        let carried = expr_contains(value, &mut |e| {
            if let Some(source) = sources.iter().find(|s| e.range() == s.range) {
                direct = Some(source);
                return true;
            }
            matches!(e, Expr::Name(n) if tainted.contains(&n.id.as_str()))
        });
        (carried, direct)
    };
    let file = &context.files[module];
    let verifies = |value: &Expr| {
        expr_contains(value, &mut |e| {
            let Expr::Call(call) = e else { return false };
            file.jwt_calls.iter().any(|c| {
                std::ptr::eq(c.call, call)
                    && c.operation == Operation::Decode
                    && c.signature_disabled(context.model, file).is_none()
            })
        })
    };
    let mut returned = false;
    let mut verified = false;
    let mut source: Option<&UnverifiedSource> = None;
    visit_scope_stmts(&function.body, &mut |stmt| {
        if let Stmt::Return(ret) = stmt
            && let Some(value) = ret.value.as_deref()
        {
            let (carried, direct) = carries(value);
            if carried {
                returned = true;
                source = source.or(direct);
            }
            verified |= verifies(value);
        }
    });
    if !returned || verified {
        return None;
    }
    // The source the returned value comes from; through a local, the function's first.
    let source = source.or(sources.first())?;
    let token = source.token.clone();
    Some((source.root.clone(), token))
}

/// Where the token an unverified read decodes comes from, in `function` of `module`.
pub fn token_origin(
    context: &AuthContext<'_, '_>,
    module: usize,
    function: &ast::StmtFunctionDef,
    token: &Expr,
    depth: usize,
) -> TokenOrigin {
    if depth > 4 {
        return TokenOrigin::Unknown;
    }
    let is_request = |e: &Expr| matches!(e, Expr::Name(n) if n.id.as_str() == "request");
    let names_authorization = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str().eq_ignore_ascii_case("authorization"));
    // `request.authorization`, `request.headers["Authorization"]`,
    // `request.headers.get("Authorization", "")`: the expression itself, not one inside it.
    let request_headers = |e: &Expr| matches!(e, Expr::Attribute(a) if a.attr.as_str() == "headers" && is_request(&a.value));
    let reads_header_of_request = |e: &Expr| match e {
        Expr::Attribute(a) => a.attr.as_str() == "authorization" && is_request(&a.value),
        Expr::Subscript(s) => names_authorization(&s.slice) && request_headers(&s.value),
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "get" && request_headers(&a.value))
                && call.arguments.args.first().is_some_and(names_authorization)
        }
        _ => false,
    };
    match token {
        _ if reads_header_of_request(token) => TokenOrigin::Header,
        Expr::Name(name) => {
            let id = name.id.as_str();
            if let Some(index) = function
                .parameters
                .iter_non_variadic_params()
                .position(|p| p.parameter.name.as_str() == id)
            {
                return TokenOrigin::Parameter(index, id.to_string());
            }
            let assignments = local_assignments(&function.body);
            let origins: Vec<TokenOrigin> = assignments
                .iter()
                .filter(|(target, _)| *target == id)
                .map(|(_, value)| token_origin(context, module, function, value, depth + 1))
                .collect();
            match origins.as_slice() {
                [TokenOrigin::Header, ..]
                    if origins.iter().all(|o| matches!(o, TokenOrigin::Header)) =>
                {
                    TokenOrigin::Header
                }
                [TokenOrigin::Parameter(index, name)] => {
                    TokenOrigin::Parameter(*index, name.clone())
                }
                _ => TokenOrigin::Unknown,
            }
        }
        Expr::Subscript(subscript) => {
            token_origin(context, module, function, &subscript.value, depth + 1)
        }
        Expr::Call(call) => match call.func.as_ref() {
            // `auth.split(" ")[1]`, `auth.replace("Bearer ", "")`
            Expr::Attribute(a)
                if matches!(
                    a.attr.as_str(),
                    "split"
                        | "replace"
                        | "removeprefix"
                        | "strip"
                        | "lstrip"
                        | "partition"
                        | "encode"
                ) =>
            {
                token_origin(context, module, function, &a.value, depth + 1)
            }
            // A project helper that reads the header: `bearer()`.
            callee if call.arguments.args.is_empty() => {
                match context
                    .qualified(module, callee)
                    .and_then(|q| context.function_for(module, &q))
                {
                    Some((_, helper)) if reads_authorization_header(&helper.body) => {
                        TokenOrigin::Header
                    }
                    _ => TokenOrigin::Unknown,
                }
            }
            _ => TokenOrigin::Unknown,
        },
        _ => TokenOrigin::Unknown,
    }
}
