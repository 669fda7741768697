//! FL403 token-logged: a bearer token (named for what it holds, or just minted), the
//! `Authorization` header or the whole request headers
//! written to a log or to standard output; not a token logged where it was just refused.
//!
//! Why: logs are copied to aggregators, tickets and laptops, kept for months and read by many
//! more people than the API's users; a token in them is a working credential until it expires
//! (a refresh token, for weeks) (CWE-532).
//! Fix: log a request id, the user id or the token's `jti`, never the token; the fix replaces the
//! token argument with a placeholder.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::exception_details_in_response::is_logging_call;
use super::{Checker, Edit, Fix, Rule};
use crate::model::context::contains_any_ignoring_case;
use crate::model::routes::{
    any_expr, expr_contains, scope_assignments, visit_scope_stmts, visit_stmts,
};
use crate::model::{At, ProjectModel};

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL403.md"),
    check,
};

/// How many model classes of one application must carry a column of a token's name for it to be
/// the application's way of naming records: a credential (a reset token, an API key) lives in one
/// or two tables.
const RECORD_REFERENCE_CLASSES: usize = 4;

/// Why a logged token is a record's reference rather than a credential, as a message tail:
/// beryllium's broker gives every record a `token` column (orders, deposits, withdrawals,
/// payment requests), the reference its messages and ledger show customers ("Your deposit
/// {token} is now ..."). The token is `row.token`, or a local the function looks a record up
/// by (`PayoutGroup.from_token(db.session, token)`). Not where the record is one an open route
/// loads by a URL token (`req = KycRequest.from_token(...)`): that token is a capability.
fn record_reference(
    checker: &Checker<'_, '_>,
    token: &Expr,
    def: Option<&ast::StmtFunctionDef>,
) -> Option<String> {
    let column = match token {
        Expr::Attribute(attribute) if !matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self") => {
            attribute.attr.as_str()
        }
        Expr::Name(local) if local.id.as_str() == "token" => "token",
        _ => return None,
    };
    let function_text = def.map_or("", |def| checker.text(def));
    let looked_up = |class: &str| looks_up_by(token, class, function_text);
    let classes = checker
        .project
        .records
        .classes_with_column(checker.file.module, column);
    if classes.len() < RECORD_REFERENCE_CLASSES {
        return None;
    }
    let opened = opened_by_token(checker, &classes);
    if opened.iter().any(|class| looked_up(class)) {
        return None;
    }
    // A bare local is a reference only when the function looks a record up by it.
    if matches!(token, Expr::Name(_)) && !classes.iter().any(|class| looked_up(class)) {
        return None;
    }
    let named: Vec<String> = classes
        .iter()
        .take(4)
        .map(|name| format!("`{name}`"))
        .collect();
    Some(format!(
        "; low severity: `{column}` is a column of {} models of this application ({}{}), the reference each record is known by rather than a credential; if holding one lets a caller in without logging in, treat this as medium",
        classes.len(),
        named.join(", "),
        if classes.len() > 4 { ", ..." } else { "" }
    ))
}

/// Whether the function loads a record of `class` that `token` belongs to: the row holding it
/// was assigned from the class (`req = KycRequest.from_token(...)`), or a line naming the class
/// hands it the local (`group = PayoutGroup.from_token(db.session, token)`).
fn looks_up_by(token: &Expr, class: &str, function_text: &str) -> bool {
    match token {
        Expr::Attribute(attribute) => match attribute.value.as_ref() {
            Expr::Name(holder) => function_text.contains(&format!("{} = {class}.", holder.id)),
            _ => false,
        },
        Expr::Name(local) => function_text.lines().any(|line| {
            line.contains(&format!("{class}."))
                && (line.contains(&format!(", {})", local.id))
                    || line.contains(&format!("({})", local.id))
                    || line.contains(&format!("={})", local.id)))
        }),
        _ => false,
    }
}

/// The classes of `classes` whose records anyone may open by their token: a route that
/// authenticates nobody takes a URL variable named for a token and names the class in its
/// handler (beryllium's `/kyc/aplyid_pdf/<token>` loading `KycRequest.from_token(...)`).
fn opened_by_token<'n>(checker: &Checker<'_, '_>, classes: &[&'n str]) -> Vec<&'n str> {
    let model = &checker.project.model;
    let open_handlers: Vec<&str> = checker
        .project
        .routes
        .routes
        .iter()
        .filter(|route| {
            route.authentication.is_none()
                && route.role_check.is_none()
                && route.variables.iter().any(|v| v.name.contains("token"))
        })
        .map(|route| {
            model.modules[route.module]
                .file
                .slice(route.handler.range())
        })
        .collect();
    classes
        .iter()
        .copied()
        .filter(|class| {
            let named = format!("{class}.");
            open_handlers.iter().any(|text| text.contains(&named))
        })
        .collect()
}

/// A token of an OAuth 1.0a flow, in a module that handles `oauth_verifier` or
/// `oauth_token_secret` (terms OAuth 2 does not have): one named `oauth_token` or
/// `request_token` (wikicontest's MediaWiki login, `user.oauth_token`), or a plain `token` in a
/// function that handles the verifier or the request token (charityape's Twitter callback,
/// `token = session["request_token"]`).
fn oauth1_token(
    checker: &Checker<'_, '_>,
    token: &Expr,
    def: Option<&ast::StmtFunctionDef>,
) -> bool {
    let name = match token {
        Expr::Name(name) => name.id.as_str(),
        Expr::Attribute(attribute) => attribute.attr.as_str(),
        _ => return false,
    };
    let module_text: &str = &checker.source.text;
    if !(module_text.contains("oauth_verifier") || module_text.contains("oauth_token_secret")) {
        return false;
    }
    match name {
        "oauth_token" | "oauth_token_secret" | "request_token" | "resource_owner_key" => true,
        "token" => def.is_some_and(|def| {
            let text = checker.text(def);
            text.contains("oauth_verifier") || text.contains("request_token")
        }),
        _ => false,
    }
}

/// Whether `name` contains, in any case, a word a token's name ends with (`token`, `bearer`,
/// `authorization`, `header`, `jwt`): a cheap test before splitting it into words.
fn mentions_a_credential_word(name: &str) -> bool {
    contains_any_ignoring_case(name, &["token", "bearer", "authorization", "header", "jwt"])
}

/// Words of an identifier: `accessToken`, `access_token` are `access`, `token`.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        if c == '_' || c == '-' || c.is_ascii_digit() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase();
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// A name that holds a token or the `Authorization` header, judged by what it names: the last
/// word of an identifier is what it holds (`access_token`, `id_token`, `bearer`, `auth_header`,
/// `encoded_jwt`), so `token_limit` (an LLM token budget), `token_alg`, `token_type`,
/// `tokens_used` and `max_tokens` hold something else. A trailing `str` / `value` / `raw` keeps
/// the meaning (`token_str`, `jwt_string`).
fn names_a_token(name: &str) -> bool {
    // Most names hold none of the head words: decide those without splitting into words.
    if !mentions_a_credential_word(name) {
        return false;
    }
    let mut words = words(name);
    // `user_role_from_token` holds the role read from a token; `token_from_header` a token.
    if let Some(from) = words.iter().position(|w| w == "from")
        && from > 0
    {
        words.truncate(from);
    }
    while words.len() > 1
        && matches!(
            words.last().map(String::as_str),
            Some("str" | "string" | "value" | "raw" | "text" | "bytes" | "b64" | "encoded")
        )
    {
        words.pop();
    }
    let Some(head) = words.last().map(String::as_str) else {
        return false;
    };
    let has = |w: &str| words.iter().any(|x| x == w);
    let names_credential = match head {
        "token" | "bearer" | "authorization" => true,
        // `auth_header`, `authorization_header`; `token_header` is a JWT's decoded header.
        "header" => has("auth") || has("authorization"),
        // `jwt` alone is usually the library; `encoded_jwt`, `raw_jwt`, `signed_jwt` are tokens.
        "jwt" => [
            "encoded", "raw", "signed", "access", "refresh", "auth", "bearer", "new",
        ]
        .iter()
        .any(|w| has(w)),
        _ => false,
    };
    // Modifiers that make it something other than a working credential: its decoded claims, a
    // digest of it, a token already refused, or a token in another sense (pagination, LLM).
    const NOT_A_CREDENTIAL: &[&str] = &[
        "decoded",
        "expired",
        "revoked",
        "blacklisted",
        "blocklisted",
        "invalid",
        "hash",
        "hashed",
        "digest",
        "fingerprint",
        "masked",
        "redacted",
        "page",
        "next",
        "continuation",
        "pagination",
        "cursor",
        "sync",
        // A feed's polling position (`last_poll_token`).
        "poll",
        // An exception caught under a token's name (`except Exception as e_api_token`).
        "e",
        "ex",
        "exc",
        "err",
        "error",
        "exception",
        "max",
        "min",
        "num",
        "total",
        "prompt",
        "completion",
        "input",
        "output",
        "llm",
        "is",
        "has",
        // A CSRF token proves a form came from the site's own page; it logs no one in.
        "csrf",
        "xsrf",
        // Cryptocurrency tokens (rotki's decoders): an asset, not a credential.
        "underlying",
        "lp",
        "staking",
        "reward",
        "pool",
        "reserve",
        "erc",
        "erc20",
        "erc721",
        "nft",
        "wrapped",
        "collateral",
        "debt",
        "liquidity",
        "governance",
        "vault",
        "checksummed",
        // The text that summons a chat bot (`mention_token = "@hackbot"`), and a tokenizer's
        // special tokens (`eos_token`, `pad_token`): words, not credentials.
        "mention",
        "eos",
        "bos",
        "pad",
        "unk",
        "sep",
        "cls",
        "mask",
        "special",
    ];
    names_credential
        && !words[..words.len() - 1]
            .iter()
            .any(|w| NOT_A_CREDENTIAL.contains(&w.as_str()))
}

/// `scan_id`, `request_uuid`: a name whose last word says it holds an identifier, which a log
/// line may carry. By the last word, unlike `records::names_an_identifier`'s column test:
/// `id_token` is a credential.
fn last_word_names_an_id(name: &str) -> bool {
    words(name)
        .last()
        .is_some_and(|last| matches!(last.as_str(), "id" | "ids" | "uuid" | "guid"))
}

/// A call that returns a new token: `create_access_token(...)`, `issue_password_reset_token(u)`,
/// `get_token()` (named for what they return), `jwt.encode(...)` (a JWT library encode) and
/// `serializer.dumps(...)` on an itsdangerous serializer.
fn mints_a_token(checker: &Checker<'_, '_>, call: &ast::ExprCall) -> bool {
    if checker
        .file
        .jwt_calls
        .iter()
        .any(|c| c.operation == crate::model::jwt::Operation::Encode && std::ptr::eq(c.call, call))
    {
        return true;
    }
    let name = match call.func.as_ref() {
        Expr::Name(n) => n.id.as_str(),
        Expr::Attribute(a) => a.attr.as_str(),
        _ => return false,
    };
    if name == "dumps"
        && let Expr::Attribute(a) = call.func.as_ref()
        && checker
            .project
            .model
            .qualified_name(&a.value, &checker.file.at(None))
            .is_some_and(|q| q.starts_with("itsdangerous."))
    {
        return true;
    }
    if mints_by_name(name) {
        return true;
    }
    // `PublicWebsite().reset_password_url(email)` (ONS ras-party): a project function whose
    // answer is built around a token it mints (`f"{base}/reset-password/{self._generate_token
    // (email)}"`), one call deep.
    returns_minted(checker, call)
}

/// Whether the function `call` runs, a project function or method, returns an expression that
/// holds a token minted there (a call named for making one, an itsdangerous `dumps`, a JWT
/// encode).
fn returns_minted(checker: &Checker<'_, '_>, call: &ast::ExprCall) -> bool {
    // Only a function named for a link is followed (`reset_password_url`,
    // `activation_link`): what carries a token to a user's inbox. Resolving every call of
    // every scope that logs cost 1.1% of the Flask-heavy tree's instructions.
    let named_for_a_link = match call.func.as_ref() {
        Expr::Attribute(a) => Some(a.attr.as_str()),
        Expr::Name(n) => Some(n.id.as_str()),
        _ => None,
    }
    .is_some_and(|name| {
        // A suffix test first: most calls of a scope that logs are named otherwise.
        let lower_ends = |suffix: &str| {
            name.len() >= suffix.len()
                && name.as_bytes()[name.len() - suffix.len()..]
                    .eq_ignore_ascii_case(suffix.as_bytes())
        };
        ["url", "link", "uri", "href"].iter().any(|s| lower_ends(s))
            && words(name)
                .pop()
                .is_some_and(|last| matches!(last.as_str(), "url" | "link" | "uri" | "href"))
    });
    if !named_for_a_link {
        return false;
    }
    let model = &checker.project.model;
    let at = checker.file.at(checker.file.scope_around(call.range()));
    let Some(qualified) = model.qualified_name(&call.func, &at) else {
        return false;
    };
    // `pkg.PublicWebsite().reset_password_url`: the method of the project class.
    let qualified = qualified.replace("().", ".");
    let Some((module, def)) = checker.project.routes.project_function(model, &qualified) else {
        return false;
    };
    let file = &checker.project.files[module];
    let def_at = file.at(file.scope_around(def.body.first().map_or(def.range(), |s| s.range())));
    let mints_here = |e: &Expr| {
        let Expr::Call(inner) = e else { return false };
        if file.jwt_calls.iter().any(|c| {
            c.operation == crate::model::jwt::Operation::Encode && std::ptr::eq(c.call, inner)
        }) {
            return true;
        }
        match inner.func.as_ref() {
            Expr::Attribute(a) if a.attr.as_str() == "dumps" => model
                .qualified_name(&a.value, &def_at)
                .is_some_and(|q| q.starts_with("itsdangerous.")),
            Expr::Attribute(a) => mints_by_name(a.attr.as_str()),
            Expr::Name(n) => mints_by_name(n.id.as_str()),
            _ => false,
        }
    };
    let mut found = false;
    crate::model::routes::visit_scope_stmts(&def.body, &mut |stmt| {
        if let Stmt::Return(ret) = stmt
            && let Some(value) = ret.value.as_deref()
            && crate::model::routes::expr_contains(value, &mut |e| mints_here(e))
        {
            found = true;
        }
    });
    found
}

/// A function named for returning a new token: `create_access_token`, `issue_password_reset_
/// token`, `get_token`, `_generate_token`, `encode_jwt`.
fn mints_by_name(name: &str) -> bool {
    // Both ways below need `jwt` or a token word in the name.
    if !mentions_a_credential_word(name) {
        return false;
    }
    let words = words(name);
    // `get_user_from_token(token)`, `user_by_token(...)`, `get_user_of_user_token(...)`: what a
    // token names, not a token. (`create_token_for_user` is one: the token word comes first.)
    if words.iter().any(|w| w == "from" || w == "by") {
        return false;
    }
    if let Some(preposition) = words.iter().position(|w| w == "of" || w == "for")
        && !words[..preposition]
            .iter()
            .any(|w| mentions_a_credential_word(w))
    {
        return false;
    }
    // `get_jwt()` (Flask-JWT-Extended) returns the verified claims, not a token.
    let makes_a_jwt = words.last().is_some_and(|w| w == "jwt")
        && words.iter().any(|w| {
            matches!(
                w.as_str(),
                "create" | "encode" | "issue" | "generate" | "make" | "sign" | "mint"
            )
        });
    makes_a_jwt
        || names_a_token(name)
            && words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "create"
                        | "issue"
                        | "generate"
                        | "encode"
                        | "make"
                        | "get"
                        | "new"
                        | "sign"
                        | "mint"
                )
            })
}

/// `request.headers`, `request.headers["Authorization"]`, `request.headers.get("Authorization")`,
/// `request.authorization`: what it is, for the message.
fn request_secret(checker: &Checker<'_, '_>, expr: &Expr) -> Option<&'static str> {
    let at = checker.file.at(None);
    let is_request_headers = |e: &Expr| {
        matches!(e, Expr::Attribute(a) if a.attr.as_str() == "headers"
            && checker.project.model.qualified_name(&a.value, &at).as_deref() == Some("flask.request"))
    };
    let names_authorization = |e: &Expr| matches!(e, Expr::StringLiteral(s) if s.value.to_str().eq_ignore_ascii_case("authorization"));
    match expr {
        _ if is_request_headers(expr) => {
            Some("the whole request headers (`Authorization` included)")
        }
        Expr::Attribute(a)
            if a.attr.as_str() == "authorization"
                && checker
                    .project
                    .model
                    .qualified_name(&a.value, &at)
                    .as_deref()
                    == Some("flask.request") =>
        {
            Some("the request's credentials")
        }
        Expr::Subscript(s) if is_request_headers(&s.value) && names_authorization(&s.slice) => {
            Some("the `Authorization` header")
        }
        Expr::Call(call)
            if matches!(call.func.as_ref(), Expr::Attribute(a)
                if a.attr.as_str() == "get" && is_request_headers(&a.value))
                && call.arguments.args.first().is_some_and(names_authorization) =>
        {
            Some("the `Authorization` header")
        }
        _ => None,
    }
}

/// `token`, `self.token`: what may be a token object whose attributes are read.
fn names_a_token_object(expr: &Expr) -> bool {
    match expr {
        Expr::Name(_) => true,
        Expr::Attribute(a) => names_a_token(a.attr.as_str()),
        _ => false,
    }
}

/// Attributes of a token that are still the token (string methods, the encoded form, a
/// wrapper's value) or of the request headers that are still all of them.
fn keeps_the_value(attribute: &str) -> bool {
    names_a_token(attribute)
        || matches!(
            attribute,
            "decode"
                | "encode"
                | "strip"
                | "lstrip"
                | "rstrip"
                | "split"
                | "rsplit"
                | "replace"
                | "removeprefix"
                | "removesuffix"
                | "partition"
                | "rpartition"
                | "lower"
                | "upper"
                | "format"
                | "value"
                | "raw"
                | "string"
                | "encoded"
                | "hex"
                | "items"
                | "values"
                | "copy"
                | "to_dict"
                | "to_wsgi_list"
                | "secret"
                | "credentials"
        )
}

/// What a `str` (or `bytes`) answers to: any other attribute read on a name says it holds an
/// object (a database row, a model), whose log line is its `repr`, not the secret.
const STRING_METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "decode",
    "encode",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "format_map",
    "hex",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
];

/// `token.id`, `token.revoke()`: an attribute no `str` has, read on what it is written on.
fn reads_as_object(attribute: &ast::ExprAttribute) -> bool {
    !STRING_METHODS.contains(&attribute.attr.as_str())
}

/// The names of `body` that hold an object rather than a string: read as `token.id`,
/// `token.revoke()` (Indico's `PersonalToken` rows, Keystone's `TokenModel`).
fn names_holding_objects(body: &[Stmt]) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    any_expr(body, &mut |e| {
        if let Expr::Attribute(a) = e
            && reads_as_object(a)
            && let Expr::Name(n) = a.value.as_ref()
            && !names.contains(&n.id.as_str())
        {
            names.push(n.id.as_str());
        }
        // `token["claimIndex"]`: a mapping (decoded claims, an API's record), not the string.
        if let Expr::Subscript(subscript) = e
            && subscript.slice.is_string_literal_expr()
            && let Expr::Name(n) = subscript.value.as_ref()
            && !names.contains(&n.id.as_str())
        {
            names.push(n.id.as_str());
        }
        // `db.session.delete(token)`: what an ORM session is handed is a row (Indico's
        // revocation endpoint).
        if let Expr::Call(call) = e
            && let Expr::Attribute(method) = call.func.as_ref()
            && matches!(
                method.attr.as_str(),
                "delete" | "add" | "merge" | "refresh" | "expunge"
            )
            && (matches!(method.value.as_ref(), Expr::Attribute(s) if s.attr.as_str() == "session")
                || matches!(method.value.as_ref(), Expr::Name(s) if s.id.as_str() == "session"))
        {
            for argument in &call.arguments.args {
                if let Expr::Name(n) = argument
                    && !names.contains(&n.id.as_str())
                {
                    names.push(n.id.as_str());
                }
            }
        }
        false
    });
    names
}

/// The `self` attributes of a module that hold objects (`self.token.name`), found in one pass
/// over the module.
fn self_attributes_holding_objects(module: &[Stmt]) -> Vec<&str> {
    let mut on_self: Vec<&str> = Vec::new();
    any_expr(module, &mut |e| {
        if let Expr::Attribute(a) = e
            && reads_as_object(a)
            && let Expr::Attribute(held) = a.value.as_ref()
            && matches!(held.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self")
            && !on_self.contains(&held.attr.as_str())
        {
            on_self.push(held.attr.as_str());
        }
        false
    });
    on_self
}

/// The arguments a %-format message shows as numbers (`log.warning("counter: %i", counter_token)`,
/// LinOTP's OTP counter): `%d`, `%i`, `%u`, `%f`, `%e`, `%g` print only numbers, never a token.
fn formatted_as_numbers(call: &ast::ExprCall) -> Vec<TextRange> {
    let args = &call.arguments.args;
    let Some(Expr::StringLiteral(message)) = args.first() else {
        return Vec::new();
    };
    let message = message.value.to_str();
    let mut conversions = Vec::new();
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        // Flags, width and precision, then the conversion; `%%` is a literal percent sign and
        // a `%(name)s` mapping does not format positional arguments.
        let mut conversion = None;
        for next in chars.by_ref() {
            match next {
                '(' => return Vec::new(),
                '-' | '+' | ' ' | '#' | '0'..='9' | '.' | '*' => {}
                other => {
                    conversion = Some(other);
                    break;
                }
            }
        }
        match conversion {
            Some('%') | None => {}
            Some(other) => conversions.push(other),
        }
    }
    conversions
        .iter()
        .zip(args.iter().skip(1))
        .filter(|(conversion, _)| {
            matches!(
                conversion,
                'd' | 'i' | 'u' | 'f' | 'F' | 'e' | 'E' | 'g' | 'G'
            )
        })
        .map(|(_, argument)| argument.range())
        .collect()
}

/// A name assigned a number (`token = int(redis.incr(key))`, Faraday's debounce counter; a
/// clock reading, `start_token = time.time()`, foi-docreviewer's timer around a token request):
/// a count or a time, not a credential.
fn holds_a_number(value: &Expr) -> bool {
    match value {
        Expr::NumberLiteral(_) => true,
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Name(n) => matches!(n.id.as_str(), "int" | "float" | "len"),
            Expr::Attribute(a) => {
                matches!(a.attr.as_str(), "incr" | "incrby" | "decr" | "decrby")
                    || matches!(a.value.as_ref(), Expr::Name(module) if module.id.as_str() == "time")
                        && matches!(
                            a.attr.as_str(),
                            "time" | "perf_counter" | "monotonic" | "time_ns" | "process_time"
                        )
            }
            _ => false,
        },
        _ => false,
    }
}

/// A name assigned what a hashing call returns (`token = create_hash(password)`, GeoHealthCheck's
/// command printing a password hash to paste into its settings; `generate_password_hash`,
/// `bcrypt.hashpw`): a digest, which opens nothing. Not `hashlib.sha256(...).hexdigest()`: a
/// token is often made that way from random bytes.
fn holds_a_digest(value: &Expr) -> bool {
    let Expr::Call(call) = value else {
        return false;
    };
    crate::model::records::callee_last(&call.func)
        .is_some_and(|name| name.to_ascii_lowercase().contains("hash"))
}

/// The path of an `if request.path == "/login"` test around `range` in `body`, when no route
/// of the module's application serves that path.
fn unserved_path_guard(
    checker: &Checker<'_, '_>,
    body: &[Stmt],
    range: TextRange,
) -> Option<String> {
    let mut path: Option<String> = None;
    visit_scope_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        if path.is_some()
            || !branch
                .body
                .iter()
                .any(|inner| inner.range().contains_range(range))
        {
            return;
        }
        any_expr(std::slice::from_ref(stmt), &mut |e| {
            let Expr::Compare(compare) = e else {
                return false;
            };
            if !branch.test.range().contains_range(compare.range())
                || !matches!(compare.ops.as_ref(), [ast::CmpOp::Eq])
                || checker.text(compare.left.as_ref()) != "request.path"
            {
                return false;
            }
            if let [Expr::StringLiteral(literal)] = compare.comparators.as_ref() {
                path = Some(literal.value.to_str().to_string());
            }
            path.is_some()
        });
    });
    let path = path?;
    let project = checker.project;
    let module = checker.file.module;
    let served =
        project.routes.routes.iter().any(|route| {
            project.apps.share(route.module, module) && rule_matches(&route.rule, &path)
        });
    (!served
        && project
            .routes
            .routes
            .iter()
            .any(|route| project.apps.share(route.module, module)))
    .then_some(path)
}

/// Whether a Flask URL rule (`/users/<int:id>`) matches a literal path: segment by segment, a
/// variable matching any one segment (a `path:` converter, the rest).
fn rule_matches(rule: &str, path: &str) -> bool {
    let rule_segments: Vec<&str> = rule.trim_matches('/').split('/').collect();
    let path_segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let mut paths = path_segments.iter();
    for (index, segment) in rule_segments.iter().enumerate() {
        if segment.starts_with("<path:") {
            return path_segments.len() > index;
        }
        let Some(given) = paths.next() else {
            return false;
        };
        if !(segment.starts_with('<') && segment.ends_with('>') || segment == given) {
            return false;
        }
    }
    paths.next().is_none()
}

/// Taking a length, a hash or a short prefix of a token does not log the token.
fn neutralised(argument: &Expr, inner: TextRange) -> bool {
    // bookingappbackend's `print(jsonify({..., "access_token": token}), 200)`: a response
    // object prints as `<Response 312 bytes [200 OK]>`, never its body.
    if let Expr::Call(call) = argument
        && matches!(
            crate::model::records::callee_last(&call.func),
            Some("jsonify" | "make_response")
        )
        && call.range() != inner
    {
        return true;
    }
    expr_contains(argument, &mut |e| {
        let wraps = match e {
            Expr::Call(call) => {
                matches!(call.func.as_ref(), Expr::Name(n)
                    if matches!(n.id.as_str(), "len" | "hash" | "type" | "bool" | "id" | "isinstance"))
                    || matches!(call.func.as_ref(), Expr::Attribute(a)
                        if matches!(a.attr.as_str(), "sha256" | "sha1" | "md5" | "hexdigest" | "startswith" | "endswith" | "count"))
            }
            Expr::Subscript(s) => matches!(s.slice.as_ref(), Expr::Slice(_)),
            Expr::Compare(_) | Expr::UnaryOp(_) => true,
            // `"authenticated" if self._api_token else "public only"`: only its truth is used.
            Expr::If(conditional) => conditional.test.range().contains_range(inner),
            _ => false,
        };
        wraps && e.range().contains_range(inner) && e.range() != inner
    })
}

/// Values derived from a token keep being the token: `auth.split(" ")[1]`, `auth[7:]`,
/// `auth.replace("Bearer ", "")`, `auth.removeprefix(...)`, `.strip()`; so is the result of a
/// call that mints one (`token = jwt.encode(...)`).
fn derives_from(value: &Expr, tainted: &[&str], checker: &Checker<'_, '_>) -> bool {
    if request_secret(checker, value).is_some_and(|what| what.contains("Authorization")) {
        return true;
    }
    match value {
        Expr::Name(n) => tainted.contains(&n.id.as_str()),
        // `token["mail"]` is a claim of a decoded token; `auth.split()[1]` is the token.
        // `request.headers[settings.USER_HEADER]` is one header, named by a setting: the
        // token only when that name says so (kubeflow's `kubeflow-userid` is a user name).
        Expr::Subscript(s) if !matches!(s.slice.as_ref(), Expr::StringLiteral(_)) => {
            if request_secret(checker, &s.value).is_some() {
                let at = checker.file.at(None);
                let name = checker
                    .project
                    .model
                    .value(&s.slice, &at)
                    .as_str()
                    .map_or_else(
                        || checker.text(s.slice.as_ref()).to_string(),
                        str::to_string,
                    );
                return contains_any_ignoring_case(&name, &["authorization", "token", "auth"]);
            }
            derives_from(&s.value, tainted, checker)
        }
        Expr::Call(call) => match call.func.as_ref() {
            _ if mints_a_token(checker, call) => true,
            Expr::Attribute(a)
                if matches!(
                    a.attr.as_str(),
                    "split" | "replace" | "removeprefix" | "strip" | "lstrip" | "partition"
                ) =>
            {
                derives_from(&a.value, tainted, checker)
            }
            _ => false,
        },
        _ => false,
    }
}

/// Exceptions raised only for a token that will never be accepted: expired, badly signed or
/// malformed (PyJWT, python-jose, authlib, itsdangerous). Not `ImmatureSignatureError` (it
/// becomes valid later) nor a catch-all `Exception`.
const REFUSALS: &[&str] = &[
    "ExpiredSignatureError",
    "InvalidSignatureError",
    "InvalidTokenError",
    "DecodeError",
    "BadSignature",
    "BadTimeSignature",
    // itsdangerous' base class: `loads` raises nothing else, and only for a token it refuses.
    "BadData",
    "BadPayload",
    "BadHeader",
    "SignatureExpired",
    "BadSignatureError",
    "ExpiredTokenError",
];

const TOKEN_LIBRARIES: &[&str] = &[
    "jwt",
    "jose",
    "authlib",
    "itsdangerous",
    "flask_jwt_extended",
];

/// Whether an `except` clause catches only refusals of a token.
fn catches_only_refusals(
    checker: &Checker<'_, '_>,
    handler: &ast::ExceptHandlerExceptHandler,
) -> bool {
    catches_only(
        &checker.project.model,
        handler,
        &checker.file.at(None),
        true,
    )
}

/// Whether an `except` clause names classes and every one is a refusal (`is_refusal_class`).
fn catches_only(
    model: &ProjectModel<'_>,
    handler: &ast::ExceptHandlerExceptHandler,
    at: &At<'_, '_>,
    follow_project: bool,
) -> bool {
    let Some(caught) = handler.type_.as_deref() else {
        return false;
    };
    let classes: Vec<&Expr> = match caught {
        Expr::Tuple(tuple) => tuple.elts.iter().collect(),
        other => vec![other],
    };
    !classes.is_empty()
        && classes
            .iter()
            .all(|class| is_refusal_class(model, class, at, follow_project))
}

/// Whether an exception class is raised only for a token that will never be accepted: a token
/// library's refusal, or (when `follow_project` allows) a project exception its module raises
/// only while handling such a refusal (otterwiki's `SerializeError`, raised from `except
/// (BadSignature, SignatureExpired)` around `serializer.loads`).
fn is_refusal_class(
    model: &ProjectModel<'_>,
    class: &Expr,
    at: &At<'_, '_>,
    follow_project: bool,
) -> bool {
    let Some(last) = crate::model::records::callee_last(class) else {
        return false;
    };
    match model.qualified_name(class, at) {
        Some(qualified) => {
            let root = qualified.split('.').next().unwrap_or("");
            if TOKEN_LIBRARIES.contains(&root) || qualified == last {
                return REFUSALS.contains(&last);
            }
            follow_project && raised_only_for_refusals(model, &qualified)
        }
        // Not resolvable: judged by its name alone.
        None => REFUSALS.contains(&last),
    }
}

/// A project exception class whose module raises it, and raises it only inside `except`
/// clauses that catch token refusals alone.
fn raised_only_for_refusals(model: &ProjectModel<'_>, qualified: &str) -> bool {
    let Some((module, class_name)) = model.split_module(qualified) else {
        return false;
    };
    let body = &model.modules[module].file.module().body;
    let defined = body
        .iter()
        .any(|stmt| matches!(stmt, Stmt::ClassDef(class) if class.name.as_str() == class_name));
    if !defined {
        return false;
    }
    let at = At::top(module);
    let raises_it = |stmt: &Stmt| {
        matches!(stmt, Stmt::Raise(raise) if raise.exc.as_deref().is_some_and(|exc| {
            let class = match exc {
                Expr::Call(call) => call.func.as_ref(),
                other => other,
            };
            matches!(class, Expr::Name(n) if n.id.as_str() == class_name)
        }))
    };
    let mut refusing_raises = 0;
    let mut all = 0;
    visit_stmts(body, &mut |stmt| {
        if raises_it(stmt) {
            all += 1;
        }
        let Stmt::Try(try_stmt) = stmt else { return };
        for handler in &try_stmt.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            if catches_only(model, handler, &at, false) {
                refusing_raises += handler.body.iter().filter(|s| raises_it(s)).count();
            }
        }
    });
    all > 0 && refusing_raises == all
}

/// A branch where a token was just refused: the body of an `except` that catches only
/// refusals, with the names of the tokens its `try` handed to a decode or a validating call
/// (`jwt.decode(token, ...)`, `validate_token(token)`, `serializer.loads(token)`), together with
/// the names they were cut from (`auth` for `token = auth.split()[1]`).
struct Refusal {
    branch: TextRange,
    tokens: Vec<String>,
    /// The refused token was read from the `Authorization` header.
    from_header: bool,
}

impl Refusal {
    /// Whether `e` is the refused token.
    fn covers(&self, checker: &Checker<'_, '_>, e: &Expr) -> bool {
        match e {
            Expr::Name(n) => self.tokens.iter().any(|t| t == n.id.as_str()),
            // The header the token came from; not the whole header set (cookies too).
            other => {
                self.from_header
                    && request_secret(checker, other).is_some_and(|what| {
                        what == "the `Authorization` header" || what == "the request's credentials"
                    })
            }
        }
    }
}

/// The name whose `error` entry `test` reads: `x.get("error")`, `x["error"]`, either compared
/// with something, or `"error" in x`.
fn reads_error_key(test: &Expr) -> Option<String> {
    let is_error =
        |key: &Expr| matches!(key, Expr::StringLiteral(k) if k.value.to_str() == "error");
    let entry_of = |expr: &Expr| -> Option<String> {
        let (receiver, key) = crate::model::keyed_read(expr)?;
        match receiver {
            Expr::Name(n) if is_error(key) => Some(n.id.to_string()),
            _ => None,
        }
    };
    match test {
        Expr::Compare(compare) => match (compare.ops.as_ref(), compare.comparators.as_ref()) {
            ([ast::CmpOp::In], [Expr::Name(n)]) if is_error(&compare.left) => {
                Some(n.id.to_string())
            }
            ([ast::CmpOp::Eq | ast::CmpOp::Is | ast::CmpOp::In], _) => entry_of(&compare.left),
            _ => None,
        },
        other => entry_of(other),
    }
}

fn refusals(
    checker: &Checker<'_, '_>,
    body: &[Stmt],
    assignments: &[(&str, &Expr)],
) -> Vec<Refusal> {
    let mut found = Vec::new();
    // `validated = validate_access_token(token)` then `if not validated: log(token); return
    // error` (quay): the branch where the check failed, as an `except` is for a raising check.
    visit_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        let absent = |test: &'_ Expr| -> Option<String> {
            match test {
                Expr::UnaryOp(not) if matches!(not.op, ast::UnaryOp::Not) => {
                    match not.operand.as_ref() {
                        Expr::Name(n) => Some(n.id.to_string()),
                        _ => None,
                    }
                }
                Expr::Compare(compare)
                    if matches!(compare.ops.as_ref(), [ast::CmpOp::Is | ast::CmpOp::Eq])
                        && matches!(compare.comparators.as_ref(), [Expr::NoneLiteral(_)]) =>
                {
                    match compare.left.as_ref() {
                        Expr::Name(n) => Some(n.id.to_string()),
                        _ => None,
                    }
                }
                // `if token.get("error") == "token_invalid":`, `if "error" in result:`
                // (dmutils' `decode_invitation_token` answers `{"error": "token_expired"}`): the
                // check's own answer says it failed.
                other => reads_error_key(other),
            }
        };
        // `if not reset_request or reset_request["expire_time"] < utcnow():` (superdesk): the
        // branch runs when the check found nothing, among other failures.
        let tested = match branch.test.as_ref() {
            Expr::BoolOp(or) if or.op == ast::BoolOp::Or => or.values.iter().find_map(absent),
            test => absent(test),
        };
        let exits = matches!(branch.body.last(), Some(Stmt::Return(_) | Stmt::Raise(_)));
        if !exits {
            return;
        }
        if let Some(incoming) = differs_from_stored(&branch.test, assignments) {
            let start = branch.body.first().map_or(branch.start(), Ranged::start);
            let end = branch.body.last().map_or(branch.end(), Ranged::end);
            found.push(Refusal {
                branch: TextRange::new(start, end),
                tokens: vec![incoming],
                from_header: false,
            });
        }
        let Some(tested) = tested else { return };
        let tested = tested.as_str();
        for (name, value) in assignments {
            if *name != tested {
                continue;
            }
            if let Expr::Call(call) = value
                && (validates(checker, call) || looks_up_by_argument(call))
            {
                let mut tokens = named_arguments(call);
                if let Expr::Attribute(method) = call.func.as_ref()
                    && let Expr::Call(inner) = method.value.as_ref()
                {
                    tokens.extend(named_arguments(inner));
                }
                if !tokens.is_empty() {
                    let start = branch.body.first().map_or(branch.start(), Ranged::start);
                    let end = branch.body.last().map_or(branch.end(), Ranged::end);
                    found.push(Refusal {
                        branch: TextRange::new(start, end),
                        tokens,
                        from_header: false,
                    });
                }
            }
        }
    });
    visit_stmts(body, &mut |stmt| {
        let Stmt::Try(try_stmt) = stmt else { return };
        let mut tokens: Vec<String> = Vec::new();
        any_expr(&try_stmt.body, &mut |e| {
            if let Expr::Call(call) = e
                && validates(checker, call)
            {
                tokens.extend(named_arguments(call));
            }
            false
        });
        // The names a refused token was cut from are the same token.
        let mut from_header = false;
        for _ in 0..3 {
            for (name, value) in assignments {
                if !tokens.iter().any(|t| t == name) {
                    continue;
                }
                if request_secret(checker, value).is_some() {
                    from_header = true;
                }
                expr_contains(value, &mut |e| {
                    if request_secret(checker, e).is_some() {
                        from_header = true;
                    }
                    if let Expr::Name(n) = e
                        && !tokens.iter().any(|t| t == n.id.as_str())
                    {
                        tokens.push(n.id.to_string());
                    }
                    false
                });
            }
        }
        // `try: email = ts.loads(token, max_age=86400)` then a bare `except:` (adsws): when an
        // itsdangerous `loads` is all the `try` does, whatever it catches is the signature,
        // the age or the payload failing: a local check with nothing else that can fail. (A
        // `jwt.decode` may fail on the audience of a token valid elsewhere, a service check on
        // the service: those need the caught classes.)
        let mut calls = 0;
        let mut loads = false;
        any_expr(&try_stmt.body, &mut |e| {
            if let Expr::Call(call) = e {
                calls += 1;
                loads |=
                    matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "loads");
            }
            false
        });
        let only_the_check = try_stmt.body.len() == 1 && calls == 1 && loads && !tokens.is_empty();
        for handler in &try_stmt.handlers {
            let ast::ExceptHandler::ExceptHandler(handler) = handler;
            if only_the_check
                || catches_only_refusals(checker, handler)
                || catches_missing_stored_token(handler, &try_stmt.body, &tokens)
            {
                found.push(Refusal {
                    branch: handler.range(),
                    tokens: tokens.clone(),
                    from_header,
                });
            } else if let Some(caught) = &handler.name
                && !tokens.is_empty()
            {
                // `except ApiError as exc:` then `if exc.status_code == 409:` (ras-frontstage:
                // the service that checks the token answered "expired" or "unknown").
                for branch in refused_status_branches(&handler.body, caught.as_str()) {
                    found.push(Refusal {
                        branch,
                        tokens: tokens.clone(),
                        from_header,
                    });
                }
            }
        }
    });
    found
}

/// The name a branch refuses because it differs from a value the function looked up:
/// `if not token == db_token:` or `if token != stored["reset_token"]:` (ras-frontstage's reset
/// page), where `token` came in (a parameter, not assigned here) and the other side was read
/// in the function. The incoming token is no credential there; the stored one still is.
fn differs_from_stored(test: &Expr, assignments: &[(&str, &Expr)]) -> Option<String> {
    let (left, right) = differs(test)?;
    let assigned_here = |name: &str| assignments.iter().any(|(assigned, _)| *assigned == name);
    let incoming = |e: &Expr| match e {
        Expr::Name(n) if !assigned_here(n.id.as_str()) => Some(n.id.to_string()),
        _ => None,
    };
    let looked_up = |e: &Expr| match e {
        Expr::Name(n) => assigned_here(n.id.as_str()),
        Expr::Subscript(_) | Expr::Attribute(_) | Expr::Call(_) => true,
        _ => false,
    };
    match (incoming(left), incoming(right)) {
        (Some(name), None) if looked_up(right) => Some(name),
        (None, Some(name)) if looked_up(left) => Some(name),
        _ => None,
    }
}

/// The two sides of a test that holds when they differ: `a != b`, `not a == b`.
fn differs(test: &Expr) -> Option<(&Expr, &Expr)> {
    let compare = match test {
        Expr::UnaryOp(not) if matches!(not.op, ast::UnaryOp::Not) => match not.operand.as_ref() {
            Expr::Compare(compare) if matches!(compare.ops.as_ref(), [ast::CmpOp::Eq]) => compare,
            _ => return None,
        },
        Expr::Compare(compare) if matches!(compare.ops.as_ref(), [ast::CmpOp::NotEq]) => compare,
        _ => return None,
    };
    match compare.comparators.as_ref() {
        [right] => Some((compare.left.as_ref(), right)),
        _ => None,
    }
}

/// `except KeyError:` around a `try` that refuses the token unless it equals the one stored for
/// the account (ras-frontstage's reset page: `if not token == respondent["password_verification_token"]`):
/// the stored token is missing, so this token is refused too, and refused again on every try.
fn catches_missing_stored_token(
    handler: &ast::ExceptHandlerExceptHandler,
    body: &[Stmt],
    tokens: &[String],
) -> bool {
    let catches_lookup = match handler.type_.as_deref() {
        Some(Expr::Name(class)) => matches!(class.id.as_str(), "KeyError" | "LookupError"),
        _ => false,
    };
    if !catches_lookup || tokens.is_empty() {
        return false;
    }
    let is_token =
        |e: &Expr| matches!(e, Expr::Name(n) if tokens.iter().any(|t| t == n.id.as_str()));
    let mut compared = false;
    visit_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        let exits = matches!(branch.body.last(), Some(Stmt::Return(_) | Stmt::Raise(_)));
        if let Some((left, right)) = differs(&branch.test)
            && exits
            && (is_token(left) || is_token(right))
        {
            compared = true;
        }
    });
    compared
}

/// The branches of `body` taken when the caught error `caught` carries a status saying the
/// credential was refused: `if exc.status_code == 409:`, `elif exc.status_code in (401, 404):`.
fn refused_status_branches(body: &[Stmt], caught: &str) -> Vec<TextRange> {
    let refused = |e: &Expr| {
        matches!(e, Expr::NumberLiteral(n)
            if matches!(&n.value, ast::Number::Int(i)
                if matches!(i.as_u64(), Some(400 | 401 | 403 | 404 | 409 | 410 | 422))))
    };
    let tests_status = |test: &Expr| {
        let Expr::Compare(compare) = test else {
            return false;
        };
        let on_caught = matches!(compare.left.as_ref(), Expr::Attribute(a)
            if matches!(a.attr.as_str(), "status_code" | "status" | "code")
                && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == caught));
        on_caught
            && match (compare.ops.as_ref(), compare.comparators.as_ref()) {
                ([ast::CmpOp::Eq], [value]) => refused(value),
                (
                    [ast::CmpOp::In],
                    [
                        Expr::Tuple(ast::ExprTuple { elts, .. })
                        | Expr::List(ast::ExprList { elts, .. }),
                    ],
                ) => !elts.is_empty() && elts.iter().all(refused),
                _ => false,
            }
    };
    let mut found = Vec::new();
    visit_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        let clauses = crate::model::routes::if_clauses(branch);
        for (test, body) in clauses {
            if test.is_some_and(tests_status)
                && let (Some(first), Some(last)) = (body.first(), body.last())
            {
                found.push(TextRange::new(first.start(), last.end()));
            }
        }
    });
    found
}

/// The locals a call is handed, positionally or by keyword: the tokens a checking call checks.
fn named_arguments(call: &ast::ExprCall) -> Vec<String> {
    call.arguments
        .args
        .iter()
        .chain(call.arguments.keywords.iter().map(|k| &k.value))
        .filter_map(|argument| match argument {
            Expr::Name(n) => Some(n.id.to_string()),
            _ => None,
        })
        .collect()
}

/// A store lookup (`find_one(token=token)`, `filter_by(token=token).first()`, `get(token)`):
/// a token it does not find is one the application never issued or has forgotten.
fn looks_up_by_argument(call: &ast::ExprCall) -> bool {
    let lookup = |call: &ast::ExprCall| {
        matches!(
            crate::model::records::callee_last(&call.func),
            Some("find_one" | "find" | "get" | "get_by" | "filter_by" | "one_or_none" | "first")
        )
    };
    lookup(call)
        || matches!(call.func.as_ref(), Expr::Attribute(a)
            if matches!(a.value.as_ref(), Expr::Call(inner) if lookup(inner) && !named_arguments(inner).is_empty()))
}

/// A call that decodes a token into its claims: a JWT library decode, or a function named for
/// decoding, verifying or unsigning (`decode_jwt_token`, `serializer.loads`).
fn decodes(checker: &Checker<'_, '_>, call: &ast::ExprCall) -> bool {
    decode_or_named(
        checker,
        call,
        &["decode", "verify", "unsign", "loads", "deserialize"],
    )
}

/// A JWT library decode, or a call whose callee's name has one of the words `named`.
fn decode_or_named(checker: &Checker<'_, '_>, call: &ast::ExprCall, named: &[&str]) -> bool {
    if checker
        .file
        .jwt_calls
        .iter()
        .any(|c| c.operation == crate::model::jwt::Operation::Decode && std::ptr::eq(c.call, call))
    {
        return true;
    }
    let name = match call.func.as_ref() {
        Expr::Name(n) => n.id.as_str(),
        Expr::Attribute(a) => a.attr.as_str(),
        _ => return false,
    };
    words(name).iter().any(|w| named.contains(&w.as_str()))
}

/// Whether the scope writes `name` into a DNS `TXT` record (lemur's ACME DNS-01 providers:
/// `zone.add_record(node, record_type="TXT", txtdata=f'"{token}"')`, a Route 53 change whose
/// record says `"Type": "TXT"`): an ACME challenge token, published for anyone to read.
fn published_in_dns(body: &[Stmt], name: &str) -> bool {
    any_expr(body, &mut |e| {
        matches!(e, Expr::Call(_) | Expr::Dict(_))
            && expr_contains(
                e,
                &mut |inner| matches!(inner, Expr::StringLiteral(s) if s.value.to_str().eq_ignore_ascii_case("txt")),
            )
            && expr_contains(
                e,
                &mut |inner| matches!(inner, Expr::Name(n) if n.id.as_str() == name),
            )
    })
}

/// Whether the scope decrypts `name` (`fernet.decrypt(token.encode())`, aloca's
/// `decrypt_data(token)`): a Fernet "token" is a field's ciphertext, which its key opens and
/// no server accepts as a credential.
fn decrypted(body: &[Stmt], name: &str) -> bool {
    any_expr(body, &mut |e| {
        matches!(e, Expr::Call(call)
        if matches!(call.func.as_ref(), Expr::Attribute(method) if method.attr.as_str() == "decrypt")
            && call.arguments.args.first().is_some_and(|argument| {
                expr_contains(argument, &mut |inner| {
                    matches!(inner, Expr::Name(n) if n.id.as_str() == name)
                })
            }))
    })
}

/// A call that checks a token: a JWT library decode, or a function named for it
/// (`validate_token`, `serializer.loads`, `verify_auth_token`, `decode_token`).
fn validates(checker: &Checker<'_, '_>, call: &ast::ExprCall) -> bool {
    decode_or_named(
        checker,
        call,
        &[
            "decode",
            "verify",
            "validate",
            "loads",
            "load",
            "check",
            "parse",
            "unsign",
            "confirm",
            "deserialize",
        ],
    )
}

/// What a function named for a confirmation token does with it, when replaying that token
/// gains nobody access: `activate_account`, `confirm_account_email_change`, `verify_email`,
/// `resend_verification_expired_token` (ras-frontstage). Not a password reset, a login, a
/// session, an invitation or an API token, which open an account.
fn confirmation_purpose(function: &str) -> Option<&'static str> {
    let words = words(function);
    let has = |w: &str| words.iter().any(|x| x == w);
    if [
        "password",
        "reset",
        "login",
        "signin",
        "session",
        "access",
        "refresh",
        "api",
        "invite",
        "invitation",
        "share",
        "transfer",
        "auth",
    ]
    .iter()
    .any(|w| has(w))
    {
        return None;
    }
    if has("expired") && (has("resend") || has("token")) {
        Some("a token presented as expired, to send a new one")
    } else if has("activate") || has("activation") {
        Some("an account-activation token")
    } else if has("email")
        && (has("verify") || has("verification") || has("confirm") || has("change"))
    {
        Some("an e-mail confirmation token")
    } else {
        None
    }
}

/// A function that reads its own command line (`argparse.ArgumentParser(...)`,
/// `parser.parse_args(argv)`): a console script's entry point (OpenTAXII's
/// `opentaxii-create-account`, which prints the new account's token for the operator).
fn parses_command_line(def: &ast::StmtFunctionDef) -> bool {
    any_expr(&def.body, &mut |e| {
        matches!(e, Expr::Call(call)
            if matches!(crate::model::exceptions::last_segment(&call.func),
                Some("ArgumentParser" | "parse_args")))
    })
}

/// A function a command-line interface runs: decorated `command`, `group`, or a click /
/// Flask-Script `option` / `argument` (which sit above a command).
fn is_cli_command(def: &ast::StmtFunctionDef) -> bool {
    def.decorator_list.iter().any(|decorator| {
        crate::model::context::runs_outside_request(&decorator.expression)
            && matches!(
                crate::model::routes::decorator_name(&decorator.expression),
                "command" | "group" | "option" | "argument"
            )
    })
}

/// The bodies of `if not x:` / `if x is None:` / `if x == "":` tests of a bare name in `body`,
/// with the name: there `x` holds nothing.
fn falsy_branches(body: &[Stmt]) -> Vec<(TextRange, &str)> {
    let mut found = Vec::new();
    visit_scope_stmts(body, &mut |stmt| {
        let Stmt::If(branch) = stmt else { return };
        let name = match branch.test.as_ref() {
            Expr::UnaryOp(unary) if unary.op == ast::UnaryOp::Not => match unary.operand.as_ref() {
                Expr::Name(name) => Some(name),
                _ => None,
            },
            Expr::Compare(compare) => match (
                compare.left.as_ref(),
                compare.ops.as_ref(),
                compare.comparators.as_ref(),
            ) {
                (Expr::Name(name), [ast::CmpOp::Is | ast::CmpOp::Eq], [empty])
                    if matches!(empty, Expr::NoneLiteral(_))
                        || matches!(empty, Expr::StringLiteral(s) if s.value.is_empty()) =>
                {
                    Some(name)
                }
                _ => None,
            },
            _ => None,
        };
        // `if not token: token = refresh()`: from there on it holds one.
        let reassigned = |name: &str| {
            scope_assignments(&branch.body)
                .iter()
                .any(|(assigned, _)| *assigned == name)
        };
        if let (Some(name), Some(first), Some(last)) =
            (name, branch.body.first(), branch.body.last())
            && !reassigned(name.id.as_str())
        {
            found.push((TextRange::new(first.start(), last.end()), name.id.as_str()));
        }
    });
    found
}

/// The URL rule of a route decorator on `def` that carries `token` as one of its variables:
/// `<token>`, `<string:token>` (Flask) or `{token}` (FastAPI, Starlette).
fn url_carrying<'d>(def: Option<&'d ast::StmtFunctionDef>, token: &Expr) -> Option<&'d str> {
    let Expr::Name(name) = token else { return None };
    let name = name.id.as_str();
    def?.decorator_list.iter().find_map(|decorator| {
        let Expr::Call(call) = &decorator.expression else {
            return None;
        };
        let Some(Expr::StringLiteral(rule)) = call.arguments.args.first() else {
            return None;
        };
        let rule = rule.value.to_str();
        let carries = rule.contains(&format!("{{{name}}}"))
            || rule.contains(&format!("<{name}>"))
            || rule.contains(&format!(":{name}>"));
        carries.then_some(rule)
    })
}

fn check(checker: &mut Checker<'_, '_>) {
    let module = checker.source.module();
    // Each scope's statements, and whether it is a command-line command (`@click.command()`,
    // `@app.cli.command()`, `@manager.command`): its `print` is the terminal output the
    // person running it asked for, not a log.
    let mut bodies: Vec<(&[Stmt], bool, Option<&ast::StmtFunctionDef>)> =
        vec![(&module.body, false, None)];
    // The methods of a Flask-Script style command class (`class GetAuthToken(Command)`,
    // `superdesk.Command`): `run` is what the person at the terminal invoked.
    let mut command_methods: Vec<TextRange> = Vec::new();
    let mut functions: Vec<&ast::StmtFunctionDef> = Vec::new();
    visit_stmts(&module.body, &mut |stmt| match stmt {
        Stmt::FunctionDef(def) => functions.push(def),
        Stmt::ClassDef(class) => {
            bodies.push((&class.body, false, None));
            if class
                .bases()
                .iter()
                .any(|base| crate::model::routes::decorator_name(base).ends_with("Command"))
            {
                command_methods.extend(class.body.iter().filter_map(|stmt| match stmt {
                    Stmt::FunctionDef(def) => Some(def.range()),
                    _ => None,
                }));
            }
        }
        _ => {}
    });
    bodies.extend(functions.into_iter().map(|def| {
        let cli = is_cli_command(def) || command_methods.contains(&def.range());
        (def.body.as_slice(), cli, Some(def))
    }));
    let mut reported: Vec<TextRange> = Vec::new();
    // AWS Secrets Manager's rotation functions (the template many projects copy) call the
    // version being rotated `token`: its `ClientRequestToken`, an idempotency id AWS logs itself.
    // Searched for at the first logged `token`: most modules log none.
    let rotation_version = std::cell::OnceCell::new();
    let in_rotation_module = || {
        *rotation_version.get_or_init(|| {
            memchr::memmem::find(checker.source.text.as_bytes(), b"ClientRequestToken").is_some()
        })
    };
    // Only modules that log something named like a token need it (most do not).
    let mut objects_on_self: Option<Vec<&str>> = None;
    for (body, cli_command, def) in bodies {
        let function = def.map(|def| def.name.as_str());
        let mut objects: Option<Vec<&str>> = None;
        let mut calls: Vec<&ast::ExprCall> = Vec::new();
        // Worked out at the first `print`: most functions print nothing.
        let mut command: Option<bool> = cli_command.then_some(true);
        visit_scope_stmts(body, &mut |stmt| {
            let Stmt::Expr(_) = stmt else { return };
            any_expr(std::slice::from_ref(stmt), &mut |e| {
                if let Expr::Call(call) = e
                    && is_logging_call(checker, call)
                {
                    let prints =
                        matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "print");
                    let in_command = prints
                        && *command.get_or_insert_with(|| def.is_some_and(parses_command_line));
                    if !in_command {
                        calls.push(call);
                    }
                }
                false
            });
        });
        // Most scopes log nothing: what their locals hold and their refusal branches are worked
        // out only where something is logged.
        if calls.is_empty() {
            continue;
        }
        // Locals holding the header or a token cut from it, whatever they are called.
        let assignments = scope_assignments(body);
        let mut tainted: Vec<&str> = Vec::new();
        for _ in 0..3 {
            for (name, value) in &assignments {
                let random_identifier = last_word_names_an_id(name)
                    && matches!(value, Expr::Call(call) if mints_a_token(checker, call));
                if !tainted.contains(name)
                    && !random_identifier
                    && derives_from(value, &tainted, checker)
                {
                    tainted.push(name);
                }
            }
        }
        // Locals holding a token minted right here; not an identifier made from random
        // bytes (Nettacker's `scan_id = generate_random_token(32)`), which opens nothing.
        let minted: Vec<&str> = assignments
            .iter()
            .filter(|(name, _)| !last_word_names_an_id(name))
            .filter(|(_, value)| matches!(value, Expr::Call(call) if mints_a_token(checker, call)))
            .map(|(name, _)| *name)
            .collect();
        let numbers: Vec<&str> = assignments
            .iter()
            .filter(|(_, value)| holds_a_number(value) || holds_a_digest(value))
            .map(|(name, _)| *name)
            .collect();
        // `id_token = decode_jwt_token(encoded_id_token)` (SBS): the claims a decode returns,
        // named for the token they came from; a local also assigned otherwise is not counted.
        let decoded: Vec<&str> = assignments
            .iter()
            .filter(|(name, _)| {
                assignments
                    .iter()
                    .filter(|(other, _)| other == name)
                    .all(|(_, value)| matches!(value, Expr::Call(call) if decodes(checker, call)))
            })
            .map(|(name, _)| *name)
            .collect();
        let refused = refusals(checker, body, &assignments);
        let falsy = falsy_branches(body);
        for call in calls {
            // An expired or forged token logged where it was refused cannot be replayed.
            let refusal = refused
                .iter()
                .find(|r| r.branch.contains_range(call.range()));
            let arguments: Vec<&Expr> = crate::model::argument_values(call).collect();
            let numbers_formatted = formatted_as_numbers(call);
            for argument in arguments {
                if numbers_formatted.contains(&argument.range()) {
                    continue;
                }
                // `request.headers.get("User-Agent")` reads one header, not all of them.
                let mut accessed: Vec<TextRange> = Vec::new();
                expr_contains(argument, &mut |e| {
                    match e {
                        Expr::Attribute(a) if a.attr.as_str() == "get" => {
                            accessed.push(a.value.range())
                        }
                        Expr::Subscript(s) => accessed.push(s.value.range()),
                        // A callee is not a value: `verify_token(t)` is judged as a call.
                        Expr::Call(call) => accessed.push(call.func.range()),
                        // `token.get_serial()`, `token.id`, `token.user`: a property of a
                        // token object (a hardware token, a database row), not its secret.
                        Expr::Attribute(a)
                            if names_a_token_object(&a.value)
                                && !keeps_the_value(a.attr.as_str()) =>
                        {
                            // The whole chain: `token.token.serial` reads neither `token.token`
                            // nor `token`.
                            let mut object = a.value.as_ref();
                            loop {
                                accessed.push(object.range());
                                match object {
                                    Expr::Attribute(inner) => object = inner.value.as_ref(),
                                    _ => break,
                                }
                            }
                        }
                        _ => {}
                    }
                    false
                });
                let mut found: Option<(&Expr, String)> = None;
                expr_contains(argument, &mut |e| {
                    let what = match e {
                        _ if accessed.contains(&e.range()) => None,
                        _ if refusal.is_some_and(|r| r.covers(checker, e)) => None,
                        // mlsb's `if not token: LOGGER.warning(f"... {token}")`: only `None` or
                        // an empty value reaches the log there.
                        Expr::Name(n)
                            if falsy.iter().any(|(branch, name)| {
                                *name == n.id.as_str() && branch.contains_range(call.range())
                            }) =>
                        {
                            None
                        }
                        Expr::Call(call) if mints_a_token(checker, call) => {
                            Some(format!("`{}`", checker.text(e)))
                        }
                        Expr::Name(n) if n.id.as_str() == "token" && in_rotation_module() => None,
                        Expr::Name(n) if names_a_token(n.id.as_str()) => {
                            Some(format!("`{}`", n.id))
                        }
                        Expr::Name(n) if minted.contains(&n.id.as_str()) => {
                            Some(format!("`{}` (a token just minted)", n.id))
                        }
                        Expr::Name(n) if tainted.contains(&n.id.as_str()) => Some(format!(
                            "`{}` (the `Authorization` header, or the token cut from it)",
                            n.id
                        )),
                        Expr::Attribute(a)
                            if names_a_token(a.attr.as_str())
                                && !matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request") =>
                        {
                            Some(format!("`{}`", checker.text(e)))
                        }
                        other => request_secret(checker, other).map(str::to_string),
                    };
                    match what {
                        Some(what) if !neutralised(argument, e.range()) => {
                            found = Some((e, what));
                            true
                        }
                        _ => false,
                    }
                });
                let Some((token, what)) = found else { continue };
                if reported.contains(&token.range()) {
                    continue;
                }
                let holder = match token {
                    Expr::Name(n)
                        if !minted.contains(&n.id.as_str())
                            && !tainted.contains(&n.id.as_str()) =>
                    {
                        if numbers.contains(&n.id.as_str())
                            || decoded.contains(&n.id.as_str())
                            || published_in_dns(body, n.id.as_str())
                            || decrypted(body, n.id.as_str())
                        {
                            continue;
                        }
                        objects
                            .get_or_insert_with(|| names_holding_objects(body))
                            .contains(&n.id.as_str())
                            .then(|| n.id.to_string())
                    }
                    Expr::Attribute(a)
                        if matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "self")
                            && objects_on_self
                                .get_or_insert_with(|| {
                                    self_attributes_holding_objects(&module.body)
                                })
                                .contains(&a.attr.as_str()) =>
                    {
                        Some(format!("self.{}", a.attr))
                    }
                    _ => None,
                };
                reported.push(token.range());
                let sink = checker.text(call.func.as_ref()).to_string();
                let direct = std::ptr::eq(token, argument);
                let fix = direct.then(|| Fix {
                    description: format!(
                        "replace `{}` with a placeholder; log a request id or the token's `jti` instead",
                        checker.text(token)
                    ),
                    edits: vec![Edit {
                        range: token.range(),
                        content: "\"[redacted]\"".to_string(),
                    }],
                    applicability: super::Applicability::Unsafe,
                });
                // A long-lived secret from the configuration (FlexGet's Telegram `bot_token`
                // from `config["bot_token"]`) stays a secret in a debug log users are asked to
                // paste into public issues.
                // `environ.get('HTTP_AUTHORIZATION')` in WSGI middleware (arXiv's) is the
                // request's header, not the process's environment.
                let from_configuration = |text: &str| {
                    crate::model::context::contains_any_ignoring_case(
                        text,
                        &["config", "settings", "environ", "getenv"],
                    ) && !text.contains("HTTP_")
                };
                let debug_level = sink.ends_with(".debug") && holder.is_none();
                let configured = debug_level
                    && (from_configuration(checker.text(token))
                    || matches!(token, Expr::Name(n) if assignments.iter().any(|(name, value)| {
                        *name == n.id.as_str() && from_configuration(checker.text(*value))
                    }))
                    // `self._token = config["token"]` in the same function.
                    || matches!(token, Expr::Attribute(_)) && {
                        let mut found = false;
                        visit_scope_stmts(body, &mut |stmt| {
                            if let Stmt::Assign(assign) = stmt
                                && assign
                                    .targets
                                    .iter()
                                    .any(|t| checker.text(t) == checker.text(token))
                                && from_configuration(checker.text(assign.value.as_ref()))
                            {
                                found = true;
                            }
                        });
                        found
                    });
                // A token minted here is a new, valid one, whatever the function was handed
                // (`resend_..._expired_token` logging the new link: ras-party).
                let just_minted = match token {
                    Expr::Name(n) => minted.contains(&n.id.as_str()),
                    Expr::Call(call) => mints_a_token(checker, call),
                    _ => false,
                };
                let nothing_verifies = just_minted
                    && super::mints_tokens_nothing_verifies(checker, checker.file.module);
                let record_reference = record_reference(checker, token, def);
                let oauth1 = oauth1_token(checker, token, def);
                let cookie_only_headers = what.starts_with("the whole request headers")
                    && !checker
                        .project
                        .takes_header_credentials(checker.file.module);
                let message = if cookie_only_headers {
                    format!(
                        "the whole request headers go into the log through `{sink}(...)`: whoever reads the logs can replay the session cookie of a caller who is logged in"
                    )
                } else {
                    format!(
                        "{what} goes into the log through `{sink}(...)`: whoever reads the logs can replay the token"
                    )
                };
                let unserved_path = unserved_path_guard(checker, body, call.range());
                let diagnostic = checker.report(
                    token.range(),
                    message,
                    "log a request id, the user id or the token's `jti`, never the token or the `Authorization` header".to_string(),
                );
                diagnostic.fix = fix;
                if debug_level && !configured {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(
                        "; low severity: at debug level, which Python's logging and Flask outside debug mode leave off unless the deployment turns it on",
                    );
                }
                if let Some(purpose) = function
                    .and_then(confirmation_purpose)
                    .filter(|purpose| !(just_minted && purpose.contains("expired")))
                {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(&format!(
                        "; low severity: `{}` handles {purpose}: replaying it completes what the token's owner asked for and lets no one in",
                        function.unwrap_or_default()
                    ));
                }
                // danforth-east logs every request's headers on its public join forms, in an
                // app whose only credential is Flask-Login's cookie: no header carries a token,
                // and the session cookie of whoever happens to be logged in is what leaks.
                if cookie_only_headers {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(
                        "; low severity: no code of this application takes a credential from a header (no `Authorization` read, no header named for a token or key, no token library), so no bearer token is among them; redact `Cookie` before logging them",
                    );
                }
                // Anubis's pipeline checks log `extra={"headers": request.headers, ...}`: record
                // attributes, which the message format never prints.
                let in_extra = call.arguments.keywords.iter().any(|keyword| {
                    keyword
                        .arg
                        .as_ref()
                        .is_some_and(|arg| arg.as_str() == "extra")
                        && keyword.value.range().contains_range(token.range())
                });
                if in_extra {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(
                        "; low severity: it is passed in `extra=`, as an attribute of the log record, which reaches the output only where a handler or format prints it (a JSON formatter, Sentry's event extras, `%(headers)s` in the format)",
                    );
                }
                // ralfeus/order's cargo API logs the shipment `token` of
                // `/shipments/{token}/attachments`: a segment of the URL every access log
                // records with the request.
                // 55garima's login prints the token `create_access_token` just made, in an app
                // where no route requires one: replaying it opens nothing.
                if just_minted && nothing_verifies {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(
                        "; low severity: it was just minted, and no code of this app verifies a token (no `jwt_required`, `verify_jwt_in_request` or `decode_token`, no decode): replaying it opens nothing today",
                    );
                }
                if let Some(rule) = url_carrying(def, token) {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(&format!(
                        "; low severity: it is a segment of the route's URL (`{rule}`), which every access log in front of the app records with the request already"
                    ));
                }
                if oauth1 {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(
                        "; low severity: it is an OAuth 1.0a token (this code handles `oauth_verifier` / `oauth_token_secret`), which signs a request only together with its token secret and the application's consumer secret, and a request token is good for one exchange: a log reader cannot replay it alone",
                    );
                }
                if let Some(reference) = &record_reference
                    && diagnostic.severity != Some(super::Severity::Low)
                {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(reference);
                }
                // Ride-App's `before_request` logs the headers of `POST /login`, a path its
                // login left for `/auth/login`: only a request no route answers reaches it.
                if let Some(path) = unserved_path {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(&format!(
                        "; low severity: it runs only for requests to `{path}`, a path no route of this application serves, so no login or API call of the app sends its token there"
                    ));
                }
                if let Some(holder) = holder {
                    diagnostic.severity = Some(super::Severity::Low);
                    diagnostic.message.push_str(&format!(
                        "; low severity: `{holder}` holds an object (its attributes are read in this code), so the log shows its `repr`, which for a database row or model rarely carries the secret: check that its `__repr__` leaves the token out"
                    ));
                }
            }
        }
    }
}
