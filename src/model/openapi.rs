//! Reads a connexion API spec (Swagger 2 or OpenAPI 3, YAML or JSON) into route facts: for each
//! operation its method, Flask-style rule, operationId with the router controller applied, the
//! line it is written on, and the security connexion enforces for it, down to which info
//! function or environment variable each security scheme relies on.
//!
//! Boundary: this module knows the spec file only. Finding `app.add_api("openapi.yaml", ...)` in
//! Python, honouring its `base_path=` / `resolver=` / `security_map=` arguments, resolving dotted
//! handler names to functions and deciding whether a route is authenticated are the route
//! model's job (`routes.rs`); `Spec`, `SpecOperation::handler` and `SchemeUse::verification`
//! hand it what connexion itself would compute from the spec.
//!
//! What connexion does is taken from its source (2.14 and 3.x), not from the OpenAPI standard
//! where the two differ: method keys are case-sensitive, the router controller is read from the
//! operation only (never the path item), a path-level parameter's type wins over the
//! operation's for the URL converter, `$ref` siblings are kept and overridden by the target,
//! `{}` among the security requirements lets anonymous callers through.
//!
//! A hostile spec must not hang, exhaust memory or overflow the stack: the YAML tree is built
//! iteratively from saphyr's events with a nesting limit that counts through aliases (so the
//! tree's effective height, and with it every recursive drop, stays bounded), aliases share
//! nodes rather than copy them, and every step that can repeat work (merge keys, `$ref`
//! chasing, walking lists reached through aliases) is paid for from one expansion budget.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;
use std::rc::Rc;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};

/// How deep collections may nest, counted through aliases. PyYAML (connexion's loader) composes
/// recursively and fails on specs a few hundred levels deep, so no spec connexion can load is
/// refused; real specs stay well under 50.
const MAX_NESTING: usize = 256;

/// How many `$ref`s one lookup follows before giving up (a chain, not a tree: cycles are caught
/// separately, this bounds long acyclic chains).
const MAX_REF_CHAIN: usize = 32;

/// Work units a spec may cost: a merged entry copied, a `$ref` step, a list item or mapping
/// entry visited by the walk, or `BYTES_PER_UNIT` of text copied into the result. Every YAML
/// event of the input earns `UNITS_PER_EVENT` more, so a large spec is read whole (10,000
/// ordinary operations cost about 200,000) while a small file that aliases or `$ref`s its way to
/// billions of steps or gigabytes of output is stopped.
const EXPANSION_LIMIT: usize = 1_000_000;
const UNITS_PER_EVENT: usize = 4;
const BYTES_PER_UNIT: usize = 64;

/// `$ref`s longer than this are not followed: each use would cost a walk over the whole string.
const MAX_REF_LENGTH: usize = 2048;

/// The HTTP methods connexion registers (`connexion/http_facts.py`), compared case-sensitively.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// `RestyResolver`'s default name for `GET` on a collection (`/pets`).
pub const DEFAULT_COLLECTION_ENDPOINT_NAME: &str = "search";

/// Which specification the file follows; connexion picks it from the version's major number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecVersion {
    Swagger2,
    OpenApi3,
}

/// Everything read from one spec file.
#[derive(Clone, Debug)]
pub struct Spec {
    pub version: SpecVersion,
    /// The spec's own base path as connexion computes it (Swagger 2 `basePath`, OpenAPI 3 the
    /// path of `servers[0].url` with its variables' defaults filled in), trailing `/` removed.
    /// `None` when that is empty. `add_api(base_path=...)` replaces it (see `canonical_base_path`).
    pub base_path: Option<String>,
    pub operations: Vec<SpecOperation>,
    /// What was read around rather than failed on: unresolved `$ref`s, ignored keys, operations
    /// skipped because they are malformed, places where connexion would fail at start-up.
    pub notes: Vec<SpecNote>,
}

/// Something worth knowing about the spec, at the line it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecNote {
    pub line: usize,
    pub message: String,
}

/// One operation (a path and method) connexion registers.
#[derive(Clone, Debug)]
pub struct SpecOperation {
    /// Upper case: `GET`.
    pub method: String,
    /// The Flask rule connexion registers, without the base path: `/pets/<int:pet_id>`.
    pub path: String,
    /// The path as the spec writes it: `/pets/{pet_id}`.
    pub spec_path: String,
    /// The handler name connexion's default `Resolver` uses: the operationId, prefixed with the
    /// router controller when there is one (`api.pets.get_pet`). `None` without an operationId
    /// (a `RestyResolver` names those: see `handler`).
    pub operation_id: Option<String>,
    /// The operationId as written.
    pub raw_operation_id: Option<String>,
    /// `x-openapi-router-controller` (OpenAPI 3) or `x-swagger-router-controller` (Swagger 2) on
    /// the operation.
    pub controller: Option<String>,
    /// 1-based line of the method key (`get:`) in the spec file.
    pub line: usize,
    pub security: EffectiveSecurity,
    /// Line of the `security` key in effect: the operation's own, or the top level's.
    pub security_line: Option<usize>,
}

/// The security connexion enforces for an operation: the operation's `security` when it has the
/// key (even `[]`), else the top-level one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EffectiveSecurity {
    /// No `security` on the operation or at the top level: connexion checks nothing.
    NotRequired,
    /// `security: []`, requirements that are all `{}`, or `security: null`: the spec says in so
    /// many words that no credentials are needed.
    ExplicitlyPublic,
    /// An empty requirement `{}` next to real ones: connexion tries the schemes, but a caller
    /// with no credentials, or with credentials that fail, still gets through.
    AnonymousAllowed(Vec<Vec<SchemeUse>>),
    /// Requirements connexion tries in order: one of them (OR) must be met, and every scheme of
    /// that one (AND). connexion drops a requirement when one of its schemes has no handler or
    /// no info function, or when it combines two OAuth2 schemes; when it drops all of them every
    /// request is refused (401). Empty when `security` is not a list or holds no readable
    /// requirement: connexion rejects such a spec.
    Alternatives(Vec<Vec<SchemeUse>>),
}

/// A security scheme as one requirement uses it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemeUse {
    /// The scheme's name in the requirement (`bearerAuth`).
    pub name: String,
    pub kind: SchemeKind,
    /// The dotted function the scheme names for verification: `x-basicInfoFunc`,
    /// `x-bearerInfoFunc`, `x-apikeyInfoFunc` or (OAuth2) `x-tokenInfoFunc`.
    pub info_func: Option<String>,
    /// The environment variable connexion reads for the function when `info_func` is `None`
    /// (`BASICINFO_FUNC`, `BEARERINFO_FUNC`, `APIKEYINFO_FUNC`, `TOKENINFO_FUNC`).
    pub info_env_var: Option<&'static str>,
    /// OAuth2 only: `x-tokenInfoUrl`, used when no function is found.
    pub token_info_url: Option<String>,
    /// OAuth2 only: `TOKENINFO_URL`, read when there is neither a function nor `x-tokenInfoUrl`.
    pub token_info_url_env_var: Option<&'static str>,
    /// The scopes the requirement asks of this scheme.
    pub scopes: Vec<String>,
    /// Line of the scheme's name in its definition; `None` for an undefined scheme.
    pub line: Option<usize>,
}

/// What kind of check connexion builds for a scheme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchemeKind {
    /// Swagger 2 `type: basic`; OpenAPI 3 `type: http` with `scheme: basic`.
    Basic,
    /// OpenAPI 3 `type: http` with `scheme: bearer`, or `type: apiKey` with
    /// `x-authentication-scheme: bearer` (connexion then reads `Authorization: Bearer`).
    Bearer,
    /// `type: apiKey`: the key is read from `location` (`header`, `query`, `cookie`) by `name`.
    ApiKey {
        location: Option<String>,
        name: Option<String>,
    },
    /// `type: oauth2`.
    OAuth2,
    /// `type: openIdConnect`: connexion has no built-in handler.
    OpenIdConnect,
    /// `type: http` with another scheme (`digest`, ...): no built-in handler.
    UnsupportedHttp(String),
    /// Any other `type`: no built-in handler.
    Unknown(String),
    /// The requirement names a scheme the spec does not define: connexion fails at start-up.
    Undefined,
}

impl SchemeKind {
    /// connexion verifies this kind itself; the others it skips with a warning unless a
    /// `security_map=` handler (connexion 3) covers them.
    pub fn has_builtin_handler(&self) -> bool {
        matches!(
            self,
            SchemeKind::Basic | SchemeKind::Bearer | SchemeKind::ApiKey { .. } | SchemeKind::OAuth2
        )
    }
}

/// Where connexion gets the code that verifies a scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verification<'a> {
    /// The spec names the function.
    Function(&'a str),
    /// OAuth2 without a function in the spec: connexion asks this token-info URL, unless the
    /// `TOKENINFO_FUNC` environment variable names a function, which comes first.
    TokenInfoUrl(&'a str),
    /// The spec names nothing: connexion reads these environment variables, in order, and skips
    /// the scheme (a warning, and the requirement is dropped) when none is set.
    Environment(&'static [&'static str]),
    /// connexion has no built-in handler for the scheme (see `SchemeKind::has_builtin_handler`).
    NoHandler,
}

impl SchemeUse {
    /// Bytes of text the scheme use holds: what a copy of it costs.
    fn text_len(&self) -> usize {
        let optional = [&self.info_func, &self.token_info_url];
        self.name.len()
            + optional
                .iter()
                .filter_map(|text| text.as_ref().map(String::len))
                .sum::<usize>()
            + self.scopes.iter().map(String::len).sum::<usize>()
    }

    pub fn verification(&self) -> Verification<'_> {
        if !self.kind.has_builtin_handler() {
            return Verification::NoHandler;
        }
        if let Some(function) = &self.info_func {
            return Verification::Function(function);
        }
        if let Some(url) = &self.token_info_url {
            return Verification::TokenInfoUrl(url);
        }
        Verification::Environment(match self.kind {
            SchemeKind::OAuth2 => &["TOKENINFO_FUNC", "TOKENINFO_URL"],
            SchemeKind::Basic => &["BASICINFO_FUNC"],
            SchemeKind::Bearer => &["BEARERINFO_FUNC"],
            _ => &["APIKEYINFO_FUNC"],
        })
    }
}

/// The resolver `add_api(resolver=...)` is given; each names handlers differently
/// (`connexion/resolver.py`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolver<'a> {
    /// `Resolver()`, the default: the operationId, prefixed with the router controller.
    Default,
    /// `RelativeResolver("api")`: the operationId under `root`, unless a router controller says
    /// otherwise.
    Relative { root: &'a str },
    /// `RestyResolver("api", collection_endpoint_name="search")`: the operationId when there is
    /// one, else a name made from the path and method (`resty_operation_id`).
    Resty {
        default_module: &'a str,
        collection_endpoint_name: &'a str,
    },
    /// `MethodResolver("api")`: RestyResolver's names turned into `api.PetsView.search`, a
    /// method of a class connexion instantiates.
    Method {
        default_module: &'a str,
        collection_endpoint_name: &'a str,
    },
    /// `MethodViewResolver("api")`: the class's `as_view()`, which Flask dispatches by HTTP
    /// method, so the handler is `api.PetsView.get` for a `GET`.
    MethodView { default_module: &'a str },
}

impl SpecOperation {
    /// The dotted handler connexion resolves for this operation with `resolver`: a function
    /// (`api.pets.get_pet`) or a class method (`api.PetsView.get`). `None` where connexion
    /// fails to resolve one (no operationId for the default resolver, a name too short for a
    /// method resolver).
    pub fn handler(&self, resolver: &Resolver<'_>) -> Option<String> {
        match *resolver {
            Resolver::Default => self.operation_id.clone(),
            Resolver::Relative { root } => {
                let id = self.raw_operation_id.as_deref()?;
                Some(match &self.controller {
                    Some(controller) => format!("{controller}.{id}"),
                    None => format!("{root}.{id}"),
                })
            }
            Resolver::Resty {
                default_module,
                collection_endpoint_name,
            } => Some(self.resty_name(default_module, collection_endpoint_name)),
            Resolver::Method {
                default_module,
                collection_endpoint_name,
            } => self.method_handler(default_module, collection_endpoint_name, false),
            // `MethodViewResolver` drops `collection_endpoint_name`; the method part does not
            // matter anyway, as the view dispatches by HTTP method.
            Resolver::MethodView { default_module } => {
                self.method_handler(default_module, DEFAULT_COLLECTION_ENDPOINT_NAME, true)
            }
        }
    }

    fn resty_name(&self, default_module: &str, collection_endpoint_name: &str) -> String {
        match &self.operation_id {
            Some(id) => id.clone(),
            None => resty_operation_id(
                default_module,
                self.controller.as_deref(),
                &self.method,
                &self.spec_path,
                collection_endpoint_name,
            ),
        }
    }

    /// `MethodResolverBase`: a RestyResolver name `module.view_base.method` becomes
    /// `module.ViewBaseView.method`; an explicit operationId is a plain function unless its
    /// second-to-last part ends in `View`.
    fn method_handler(
        &self,
        default_module: &str,
        collection_endpoint_name: &str,
        dispatch_by_http_method: bool,
    ) -> Option<String> {
        let name = match &self.operation_id {
            Some(id) => id.clone(),
            None => {
                let resty = self.resty_name(default_module, collection_endpoint_name);
                let mut parts = resty.rsplitn(3, '.');
                let (method, view_base, module) = (parts.next()?, parts.next()?, parts.next()?);
                format!("{module}.{}View.{method}", camelize(view_base))
            }
        };
        let mut parts = name.rsplitn(3, '.');
        let (method, view, module) = (parts.next()?, parts.next()?, parts.next()?);
        if !view.ends_with("View") {
            return Some(name);
        }
        Some(if dispatch_by_http_method {
            format!("{module}.{view}.{}", self.method.to_lowercase())
        } else {
            format!("{module}.{view}.{method}")
        })
    }
}

/// A spec connexion cannot load at all, with the place it goes wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecError {
    pub message: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
}

impl SpecError {
    fn new(message: impl Into<String>, line: usize, column: usize) -> SpecError {
        SpecError {
            message: message.into(),
            line,
            column,
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for SpecError {}

/// A cheap test for "this file is an API spec": a top-level `openapi` or `swagger` key whose
/// value starts like a version number. Meant for choosing files, not for validating them.
pub fn looks_like_spec(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('{') {
        return ["\"openapi\"", "\"swagger\""].iter().any(|key| {
            text.match_indices(key)
                .any(|(at, _)| version_follows(&text[at + key.len()..]))
        });
    }
    text.lines().any(|line| {
        let (quote, unquoted) = match line.strip_prefix(['"', '\'']) {
            Some(unquoted) => (line.chars().next(), unquoted),
            None => (None, line),
        };
        ["openapi", "swagger"].iter().any(|key| {
            unquoted
                .strip_prefix(key)
                .and_then(|rest| match quote {
                    Some(quote) => rest.strip_prefix(quote),
                    None => Some(rest),
                })
                .is_some_and(version_follows)
        })
    })
}

/// `: "3.0.1"`, `: 2.0`, `:'2.0'`: a colon, then a version, maybe quoted.
fn version_follows(rest: &str) -> bool {
    let Some(value) = rest.trim_start().strip_prefix(':') else {
        return false;
    };
    let value = value.trim_start();
    let value = value
        .strip_prefix('"')
        .or_else(|| value.strip_prefix('\''))
        .unwrap_or(value);
    value.starts_with(|c: char| c.is_ascii_digit())
}

/// connexion's `canonical_base_path`: the base path without trailing slashes, as it treats both
/// the spec's and `add_api(base_path=...)`'s.
pub fn canonical_base_path(base_path: &str) -> String {
    base_path.trim_end_matches('/').to_string()
}

/// The rule Flask registers for `rule` on a blueprint with `url_prefix` `base_path` (connexion
/// puts every operation on such a blueprint).
pub fn join_rule(base_path: &str, rule: &str) -> String {
    if rule.is_empty() {
        return base_path.to_string();
    }
    format!(
        "{}/{}",
        base_path.trim_end_matches('/'),
        rule.trim_start_matches('/')
    )
}

/// The handler name `RestyResolver` derives for an operation without an operationId
/// (`resolve_operation_id_using_rest_semantics`): `/pets` `GET` is
/// `<module>.pets.<collection_endpoint_name>`, `/pets/{id}` `GET` is `<module>.pets.get`,
/// `POST` `.post`; nested resources join with dots (`/pets/{id}/toys` is `<module>.pets.toys`),
/// dashes become underscores, and a router controller replaces `<module>.<resource>`.
pub fn resty_operation_id(
    default_module: &str,
    controller: Option<&str>,
    method: &str,
    spec_path: &str,
    collection_endpoint_name: &str,
) -> String {
    let components: Vec<&str> = spec_path.split('/').filter(|c| !c.is_empty()).collect();
    let is_variable = |component: &str| component.starts_with('{') && component.ends_with('}');
    let resource_name = components
        .iter()
        .filter(|c| !is_variable(c))
        .copied()
        .collect::<Vec<_>>()
        .join(".")
        .replace('-', "_");
    let module = match controller {
        Some(controller) if !controller.is_empty() => controller.to_string(),
        _ if !resource_name.is_empty() => format!("{default_module}.{resource_name}"),
        _ => default_module.to_string(),
    };
    let method = method.to_lowercase();
    let is_collection = method == "get"
        && !resource_name.is_empty()
        && components.last().is_some_and(|last| !is_variable(last));
    let function = if is_collection {
        collection_endpoint_name.to_string()
    } else {
        method
    };
    format!("{module}.{function}")
}

/// `inflection.camelize`: `re.sub(r"(?:^|_)(.)", lambda m: m.group(1).upper(), s)`.
fn camelize(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut camel = String::with_capacity(name.len());
    let mut index = 0;
    while index < chars.len() {
        if index == 0 {
            camel.extend(chars[0].to_uppercase());
            index = 1;
        } else if chars[index] == '_' && index + 1 < chars.len() {
            camel.extend(chars[index + 1].to_uppercase());
            index += 2;
        } else {
            camel.push(chars[index]);
            index += 1;
        }
    }
    camel
}

/// Reads a spec. `Err` only when connexion could not load the file at all (not YAML, not a
/// mapping, no version, `paths` not a mapping, or beyond this module's limits); anything
/// narrower becomes a note and the rest is still read.
pub fn parse_spec(text: &str) -> Result<Spec, SpecError> {
    let mut budget = Budget {
        remaining: EXPANSION_LIMIT,
    };
    let root = build_tree(text, &mut budget)?;
    if !matches!(root.value, Value::Mapping(_)) {
        return Err(SpecError::new(
            "the spec's top level is not a mapping",
            root.line,
            root.column,
        ));
    }
    let mut notes = Vec::new();
    if let Some(line) = jinja_line(text) {
        notes.push(SpecNote {
            line,
            message: "connexion renders the spec as a Jinja2 template (`add_api(arguments=...)`) \
                      before loading it; this is the unrendered text"
                .to_string(),
        });
    }
    let version = spec_version(&root, &mut notes)?;
    let mut reader = Reader {
        root: root.clone(),
        version,
        budget,
        notes,
        schemes: HashMap::default(),
    };
    let base_path = reader.base_path()?;
    let operations = reader.operations()?;
    Ok(Spec {
        version,
        base_path,
        operations,
        notes: reader.notes,
    })
}

/// The first line where Jinja2 syntax shows.
fn jinja_line(text: &str) -> Option<usize> {
    text.lines()
        .position(|line| line.contains("{{") || line.contains("{%"))
        .map(|index| index + 1)
}

/// connexion: `spec.get("openapi") or spec.get("swagger")`, split on dots into integers, below
/// 3 is Swagger 2.
fn spec_version(root: &Node, notes: &mut Vec<SpecNote>) -> Result<SpecVersion, SpecError> {
    let declared = ["openapi", "swagger"]
        .iter()
        .filter_map(|key| root.get(key))
        .find(|entry| !entry.value.is_null() && entry.value.text() != Some(""));
    let Some(entry) = declared else {
        return Err(SpecError::new(
            "no `openapi` or `swagger` version at the spec's top level",
            root.line,
            root.column,
        ));
    };
    let Some(text) = entry.value.text() else {
        return Err(SpecError::new(
            format!("`{}` is not a version string", entry.key),
            entry.value.line,
            entry.value.column,
        ));
    };
    let numbers: Option<Vec<u64>> = text.split('.').map(|n| n.parse().ok()).collect();
    let Some(major) = numbers.and_then(|numbers| numbers.first().copied()) else {
        return Err(SpecError::new(
            format!(
                "`{}: {text}` is not a version connexion can read",
                entry.key
            ),
            entry.value.line,
            entry.value.column,
        ));
    };
    if entry.value.is_plain_number() {
        notes.push(SpecNote {
            line: entry.value.line,
            message: format!(
                "`{}: {text}` is a number, not a string, to connexion's YAML loader, and connexion \
                 fails to read the version; quote it",
                entry.key
            ),
        });
    }
    Ok(if major < 3 {
        SpecVersion::Swagger2
    } else {
        SpecVersion::OpenApi3
    })
}

/// Pays for work that aliases, merge keys and `$ref`s can multiply.
struct Budget {
    remaining: usize,
}

impl Budget {
    fn earn(&mut self, units: usize) {
        self.remaining = self.remaining.saturating_add(units);
    }

    /// One step.
    fn spend(&mut self, line: usize, column: usize) -> Result<(), SpecError> {
        self.spend_units(1, line, column)
    }

    /// One step that copies or hashes `bytes` of text.
    fn spend_text(&mut self, bytes: usize, line: usize, column: usize) -> Result<(), SpecError> {
        self.spend_units(1 + bytes / BYTES_PER_UNIT, line, column)
    }

    fn spend_units(&mut self, units: usize, line: usize, column: usize) -> Result<(), SpecError> {
        match self.remaining.checked_sub(units) {
            Some(remaining) => {
                self.remaining = remaining;
                Ok(())
            }
            None => {
                self.remaining = 0;
                Err(SpecError::new(
                    "the spec expands too far through aliases, merge keys and `$ref`s for its \
                     size; not read further",
                    line,
                    column,
                ))
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The YAML tree.

/// A YAML node with where it starts. Aliases share the anchored node.
#[derive(Debug)]
struct Node {
    line: usize,
    column: usize,
    /// Levels of collections from here down, aliases included: bounded by `MAX_NESTING`, which
    /// bounds the recursion of dropping the tree.
    height: usize,
    value: Value,
}

#[derive(Debug)]
enum Value {
    Scalar { text: String, plain: bool },
    Sequence(Vec<Rc<Node>>),
    Mapping(Mapping),
}

/// A mapping in the order its keys were first written, with a key index (specs reach scheme
/// definitions by name once per requirement; a scan would be quadratic).
#[derive(Debug, Default)]
struct Mapping {
    entries: Vec<Entry>,
    index: HashMap<Rc<str>, usize>,
}

#[derive(Clone, Debug)]
struct Entry {
    /// Scalar keys as their text: connexion turns every key into a string. Shared, as merge
    /// keys and `$ref` siblings copy entries.
    key: Rc<str>,
    line: usize,
    value: Rc<Node>,
}

impl Mapping {
    /// A repeated key keeps its first position and takes the later value, as a Python dict
    /// built by PyYAML does.
    fn insert(&mut self, entry: Entry) {
        match self.index.get(&*entry.key) {
            Some(&at) => {
                if let Some(slot) = self.entries.get_mut(at) {
                    *slot = entry;
                }
            }
            None => {
                self.index.insert(entry.key.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    fn get(&self, key: &str) -> Option<&Entry> {
        self.index.get(key).and_then(|&at| self.entries.get(at))
    }
}

impl Node {
    fn get(&self, key: &str) -> Option<&Entry> {
        match &self.value {
            Value::Mapping(mapping) => mapping.get(key),
            _ => None,
        }
    }

    fn entries(&self) -> &[Entry] {
        match &self.value {
            Value::Mapping(mapping) => &mapping.entries,
            _ => &[],
        }
    }

    fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A scalar's text, unless it is null.
    fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } if !self.is_null() => Some(text),
            _ => None,
        }
    }

    /// A non-empty scalar: where connexion writes `x or fallback`, an empty string falls back.
    fn non_empty_text(&self) -> Option<&str> {
        self.text().filter(|text| !text.is_empty())
    }

    /// An unquoted int or float by YAML 1.1's rules (`2.0`, `3`), which PyYAML does not give as
    /// a string.
    fn is_plain_number(&self) -> bool {
        let Value::Scalar { text, plain: true } = &self.value else {
            return false;
        };
        let digits = text.trim_start_matches(['+', '-']);
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        whole.starts_with(|c: char| c.is_ascii_digit())
            && whole.chars().all(|c| c.is_ascii_digit() || c == '_')
            && fraction.chars().all(|c| c.is_ascii_digit() || c == '_')
    }
}

/// A collection being built.
enum Frame {
    Sequence {
        anchor: usize,
        line: usize,
        column: usize,
        items: Vec<Rc<Node>>,
    },
    Mapping {
        anchor: usize,
        line: usize,
        column: usize,
        mapping: Mapping,
        /// A key waiting for its value: text, line, and whether it is a plain `<<` merge key.
        key: Option<(String, usize, bool)>,
        /// `<<: *defaults` values, applied when the mapping ends.
        merges: Vec<Rc<Node>>,
    },
}

/// Builds the first (only) document's tree from the parser's events, without recursion.
fn build_tree(text: &str, budget: &mut Budget) -> Result<Rc<Node>, SpecError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Rc<Node>> = HashMap::default();
    let mut root: Option<Rc<Node>> = None;
    let mut documents = 0;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|error| scan_error(&error))?;
        let (line, column) = (span.start.line(), span.start.col() + 1);
        budget.earn(UNITS_PER_EVENT);
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(SpecError::new(
                        "a second YAML document: connexion loads a file holding exactly one",
                        line,
                        column,
                    ));
                }
            }
            Event::Alias(id) => {
                let node = anchors.get(&id).cloned().ok_or_else(|| {
                    SpecError::new(
                        "an alias to an anchor that is not complete here (a recursive alias)",
                        line,
                        column,
                    )
                })?;
                attach(&mut stack, &mut root, node)?;
            }
            Event::Scalar(value, style, anchor, _tag) => {
                let node = Rc::new(Node {
                    line,
                    column,
                    height: 0,
                    value: Value::Scalar {
                        text: value.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    },
                });
                if anchor != 0 {
                    anchors.insert(anchor, node.clone());
                }
                attach(&mut stack, &mut root, node)?;
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= MAX_NESTING {
                    return Err(nesting_error(line, column));
                }
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Sequence {
                        anchor,
                        line,
                        column,
                        items: Vec::new(),
                    }
                } else {
                    Frame::Mapping {
                        anchor,
                        line,
                        column,
                        mapping: Mapping::default(),
                        key: None,
                        merges: Vec::new(),
                    }
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = stack.pop() else {
                    return Err(SpecError::new("unbalanced collection end", line, column));
                };
                let (anchor, node) = finish(frame, budget)?;
                if node.height > MAX_NESTING {
                    return Err(nesting_error(node.line, node.column));
                }
                if anchor != 0 {
                    anchors.insert(anchor, node.clone());
                }
                attach(&mut stack, &mut root, node)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
    }
    root.ok_or_else(|| SpecError::new("the file holds no YAML document", 1, 1))
}

fn nesting_error(line: usize, column: usize) -> SpecError {
    SpecError::new(
        format!("collections nested deeper than {MAX_NESTING} levels (aliases included)"),
        line,
        column,
    )
}

fn scan_error(error: &ScanError) -> SpecError {
    SpecError::new(
        format!("not valid YAML: {}", error.info()),
        error.marker().line(),
        error.marker().col() + 1,
    )
}

/// Puts a finished node into the collection being built, or makes it the root.
fn attach(
    stack: &mut [Frame],
    root: &mut Option<Rc<Node>>,
    node: Rc<Node>,
) -> Result<(), SpecError> {
    match stack.last_mut() {
        None => {
            if root.is_none() {
                *root = Some(node);
            }
        }
        Some(Frame::Sequence { items, .. }) => items.push(node),
        Some(Frame::Mapping {
            mapping,
            key,
            merges,
            ..
        }) => match key.take() {
            None => {
                let Value::Scalar { text, plain } = &node.value else {
                    return Err(SpecError::new(
                        "a mapping key that is a collection: connexion's YAML loader refuses it",
                        node.line,
                        node.column,
                    ));
                };
                *key = Some((text.clone(), node.line, *plain && text == "<<"));
            }
            Some((_, _, true)) => merges.push(node),
            Some((text, key_line, false)) => mapping.insert(Entry {
                key: Rc::from(text),
                line: key_line,
                value: node,
            }),
        },
    }
    Ok(())
}

/// Turns a finished frame into its node; applies merge keys (YAML 1.1, which PyYAML follows):
/// the mapping's own keys win, then earlier merge sources over later ones.
fn finish(frame: Frame, budget: &mut Budget) -> Result<(usize, Rc<Node>), SpecError> {
    let (anchor, line, column, value) = match frame {
        Frame::Sequence {
            anchor,
            line,
            column,
            items,
        } => (anchor, line, column, Value::Sequence(items)),
        Frame::Mapping {
            anchor,
            line,
            column,
            mapping,
            merges,
            ..
        } => {
            if merges.is_empty() {
                (anchor, line, column, Value::Mapping(mapping))
            } else {
                let mut merged = Mapping::default();
                for source in &merges {
                    let sources: Vec<&Node> = match &source.value {
                        Value::Sequence(items) => items.iter().map(|item| &**item).collect(),
                        _ => vec![source],
                    };
                    for source in sources {
                        let Value::Mapping(source_mapping) = &source.value else {
                            return Err(SpecError::new(
                                "a merge key (`<<`) whose value is not a mapping or a list of \
                                 mappings",
                                source.line,
                                source.column,
                            ));
                        };
                        for entry in &source_mapping.entries {
                            budget.spend_text(entry.key.len(), entry.line, 1)?;
                            if merged.get(&entry.key).is_none() {
                                merged.insert(entry.clone());
                            }
                        }
                    }
                }
                for entry in mapping.entries {
                    budget.spend_text(entry.key.len(), entry.line, 1)?;
                    merged.insert(entry);
                }
                (anchor, line, column, Value::Mapping(merged))
            }
        }
    };
    let children_height = match &value {
        Value::Sequence(items) => items.iter().map(|item| item.height).max(),
        Value::Mapping(mapping) => mapping.entries.iter().map(|e| e.value.height).max(),
        Value::Scalar { .. } => None,
    };
    let node = Node {
        line,
        column,
        height: children_height.unwrap_or(0) + 1,
        value,
    };
    Ok((anchor, Rc::new(node)))
}

// ---------------------------------------------------------------------------------------------
// Reading the spec.

struct Reader {
    root: Rc<Node>,
    version: SpecVersion,
    budget: Budget,
    notes: Vec<SpecNote>,
    /// Schemes already read, by name, without scopes (`SchemeKind::Undefined` for a name the spec
    /// does not define).
    schemes: HashMap<String, SchemeUse>,
}

impl Reader {
    fn note(&mut self, line: usize, message: impl Into<String>) {
        self.notes.push(SpecNote {
            line,
            message: message.into(),
        });
    }

    /// The node itself, or what its `$ref` leads to. connexion's `resolve_refs` keeps a `$ref`
    /// mapping's other keys and lets the target's keys override them, following `$ref`s the
    /// target has in turn. Unresolvable references (external files, missing targets, cycles)
    /// are noted and leave the mapping's other keys.
    fn deref(&mut self, node: &Rc<Node>) -> Result<Rc<Node>, SpecError> {
        let mut current = node.clone();
        let mut chain: Vec<String> = Vec::new();
        let mut layers: Vec<Rc<Node>> = Vec::new();
        while let Some(reference) = current.get("$ref").and_then(|e| e.value.text()) {
            let reference = reference.to_string();
            self.budget.spend(current.line, current.column)?;
            let problem = if reference.len() > MAX_REF_LENGTH {
                format!("a `$ref` longer than {MAX_REF_LENGTH} bytes is not followed")
            } else if !reference.starts_with('#') {
                format!("external `$ref: {reference}` is not followed")
            } else if chain.contains(&reference) {
                format!("`$ref: {reference}` leads back to itself")
            } else if chain.len() >= MAX_REF_CHAIN {
                format!(
                    "more than {MAX_REF_CHAIN} `$ref`s in a row; `$ref: {reference}` is not followed"
                )
            } else {
                match self.pointer_target(&reference, current.line, current.column)? {
                    Some(target) => {
                        chain.push(reference);
                        layers.push(std::mem::replace(&mut current, target));
                        continue;
                    }
                    None => format!("`$ref: {reference}` points at nothing"),
                }
            };
            self.note(current.line, problem);
            // Unresolved: what remains is the mapping's other keys.
            layers.push(current.clone());
            current = Rc::new(Node {
                line: current.line,
                column: current.column,
                height: 1,
                value: Value::Mapping(Mapping::default()),
            });
            break;
        }
        let has_siblings = layers.iter().any(|layer| layer.entries().len() > 1);
        if !has_siblings {
            return Ok(current);
        }
        if !matches!(current.value, Value::Mapping(_)) {
            self.note(
                node.line,
                "a `$ref` with other keys points at something that is not a mapping; the other \
                 keys are dropped",
            );
            return Ok(current);
        }
        let mut merged = Mapping::default();
        for layer in layers.iter().chain(std::iter::once(&current)) {
            for entry in layer.entries() {
                self.budget.spend_text(entry.key.len(), entry.line, 1)?;
                if &*entry.key != "$ref" {
                    merged.insert(entry.clone());
                }
            }
        }
        let height = merged
            .entries
            .iter()
            .map(|entry| entry.value.height)
            .max()
            .unwrap_or(0)
            + 1;
        Ok(Rc::new(Node {
            line: node.line,
            column: node.column,
            height,
            value: Value::Mapping(merged),
        }))
    }

    /// A local JSON pointer (`#/components/schemes/x`, `#/paths/~1pets`), with `~1`, `~0` and
    /// percent escapes decoded as jsonschema's resolver does.
    fn pointer_target(
        &mut self,
        reference: &str,
        line: usize,
        column: usize,
    ) -> Result<Option<Rc<Node>>, SpecError> {
        let fragment = reference.strip_prefix('#').unwrap_or(reference);
        let mut node = self.root.clone();
        if fragment.is_empty() {
            return Ok(Some(node));
        }
        let Some(fragment) = fragment.strip_prefix('/') else {
            return Ok(None);
        };
        for raw in fragment.split('/') {
            self.budget.spend(line, column)?;
            let part = percent_decode(raw).replace("~1", "/").replace("~0", "~");
            let next = match &node.value {
                Value::Mapping(mapping) => mapping.get(&part).map(|entry| entry.value.clone()),
                Value::Sequence(items) => part
                    .parse::<usize>()
                    .ok()
                    .and_then(|index| items.get(index).cloned()),
                Value::Scalar { .. } => None,
            };
            match next {
                Some(next) => node = next,
                None => return Ok(None),
            }
        }
        Ok(Some(node))
    }

    /// The items of a list, each dereferenced, paying for each.
    fn list(&mut self, node: &Rc<Node>) -> Result<Vec<Rc<Node>>, SpecError> {
        let Value::Sequence(items) = &node.value else {
            return Ok(Vec::new());
        };
        let mut resolved = Vec::with_capacity(items.len().min(1024));
        for item in items {
            self.budget.spend(item.line, item.column)?;
            resolved.push(self.deref(item)?);
        }
        Ok(resolved)
    }

    /// The value of `key` in a mapping, dereferenced.
    fn field(&mut self, node: &Node, key: &str) -> Result<Option<Rc<Node>>, SpecError> {
        match node.get(key) {
            Some(entry) => {
                let value = entry.value.clone();
                self.deref(&value).map(Some)
            }
            None => Ok(None),
        }
    }

    fn base_path(&mut self) -> Result<Option<String>, SpecError> {
        let root = self.root.clone();
        let raw = match self.version {
            SpecVersion::Swagger2 => match self.field(&root, "basePath")? {
                Some(node) => match node.text() {
                    Some(text) => text.to_string(),
                    None => {
                        self.note(node.line, "`basePath` is not a string");
                        return Ok(None);
                    }
                },
                None => return Ok(None),
            },
            SpecVersion::OpenApi3 => match self.server_url(&root)? {
                Some(url) => url_path(&url).to_string(),
                None => return Ok(None),
            },
        };
        let canonical = canonical_base_path(&raw);
        Ok((!canonical.is_empty()).then_some(canonical))
    }

    /// `servers[0].url` with `{variable}`s replaced by their defaults, as connexion does with
    /// `str.format`.
    fn server_url(&mut self, root: &Node) -> Result<Option<String>, SpecError> {
        let Some(servers) = self.field(root, "servers")? else {
            return Ok(None);
        };
        let Some(first) = self.list(&servers)?.into_iter().next() else {
            return Ok(None);
        };
        let Some(url_node) = self.field(&first, "url")? else {
            self.note(
                first.line,
                "`servers[0]` has no `url`: connexion fails at start-up",
            );
            return Ok(None);
        };
        let Some(url) = url_node.text().map(str::to_string) else {
            self.note(url_node.line, "`servers[0].url` is not a string");
            return Ok(None);
        };
        let mut defaults: HashMap<String, String> = HashMap::default();
        if let Some(variables) = self.field(&first, "variables")? {
            for entry in variables.entries() {
                self.budget.spend(entry.line, 1)?;
                let variable = self.deref(&entry.value)?;
                if let Some(default) = self.field(&variable, "default")?
                    && let Some(text) = default.text()
                {
                    defaults.insert(entry.key.to_string(), text.to_string());
                }
            }
        }
        match format_server_url(&url, &defaults) {
            Ok(formatted) => Ok(Some(formatted)),
            Err(problem) => {
                self.note(
                    url_node.line,
                    format!("`servers[0].url` {problem}: connexion fails at start-up"),
                );
                Ok(Some(url))
            }
        }
    }

    fn operations(&mut self) -> Result<Vec<SpecOperation>, SpecError> {
        let root = self.root.clone();
        let Some(paths) = self.field(&root, "paths")? else {
            self.note(root.line, "the spec has no `paths`");
            return Ok(Vec::new());
        };
        if !matches!(paths.value, Value::Mapping(_)) {
            if paths.is_null() {
                self.note(paths.line, "`paths` is empty");
                return Ok(Vec::new());
            }
            return Err(SpecError::new(
                "`paths` is not a mapping",
                paths.line,
                paths.column,
            ));
        }
        let global_security = match root.get("security") {
            Some(entry) => {
                let entry = entry.clone();
                let value = self.deref(&entry.value)?;
                Some((self.security(&value)?, entry.line))
            }
            None => None,
        };
        let mut operations = Vec::new();
        for path_entry in paths.entries() {
            self.budget
                .spend_text(path_entry.key.len(), path_entry.line, 1)?;
            let path_item = self.deref(&path_entry.value)?;
            if !matches!(path_item.value, Value::Mapping(_)) {
                self.note(
                    path_entry.line,
                    format!(
                        "path `{}` is not a mapping; connexion fails at start-up",
                        path_entry.key
                    ),
                );
                continue;
            }
            for controller_key in ["x-openapi-router-controller", "x-swagger-router-controller"] {
                if let Some(entry) = path_item.get(controller_key) {
                    self.note(
                        entry.line,
                        format!(
                            "`{controller_key}` on the path item is ignored: connexion reads it \
                             from each operation"
                        ),
                    );
                }
            }
            let path_parameters = match self.field(&path_item, "parameters")? {
                Some(parameters) => self.list(&parameters)?,
                None => Vec::new(),
            };
            for entry in path_item.entries() {
                self.budget.spend_text(entry.key.len(), entry.line, 1)?;
                if !METHODS.contains(&&*entry.key) {
                    if METHODS.contains(&entry.key.to_lowercase().as_str()) {
                        self.note(
                            entry.line,
                            format!(
                                "`{}` is ignored: connexion only registers lower-case method keys",
                                entry.key
                            ),
                        );
                    }
                    continue;
                }
                let operation = self.deref(&entry.value)?;
                if !matches!(operation.value, Value::Mapping(_)) {
                    self.note(
                        entry.line,
                        format!(
                            "`{} {}` is not a mapping; connexion fails at start-up",
                            entry.key.to_uppercase(),
                            path_entry.key
                        ),
                    );
                    continue;
                }
                let read = self.operation(
                    &path_entry.key,
                    entry,
                    &operation,
                    &path_parameters,
                    global_security.as_ref(),
                )?;
                operations.push(read);
            }
        }
        Ok(operations)
    }

    fn operation(
        &mut self,
        spec_path: &str,
        method_entry: &Entry,
        operation: &Rc<Node>,
        path_parameters: &[Rc<Node>],
        global_security: Option<&(EffectiveSecurity, usize)>,
    ) -> Result<SpecOperation, SpecError> {
        let (controller_key, other_key) = match self.version {
            SpecVersion::OpenApi3 => ("x-openapi-router-controller", "x-swagger-router-controller"),
            SpecVersion::Swagger2 => ("x-swagger-router-controller", "x-openapi-router-controller"),
        };
        if let Some(entry) = operation.get(other_key) {
            self.note(
                entry.line,
                format!("`{other_key}` is ignored in this spec version: connexion reads `{controller_key}`"),
            );
        }
        let controller = self
            .field(operation, controller_key)?
            .and_then(|node| node.text().map(str::to_string));
        let raw_operation_id = self
            .field(operation, "operationId")?
            .and_then(|node| node.non_empty_text().map(str::to_string));
        let operation_id = raw_operation_id.as_ref().map(|id| match &controller {
            Some(controller) => format!("{controller}.{id}"),
            None => id.clone(),
        });

        // connexion appends the path item's parameters after the operation's and builds the
        // type map in that order, so for the converter a path-level type wins.
        let mut parameters = match self.field(operation, "parameters")? {
            Some(list) => self.list(&list)?,
            None => Vec::new(),
        };
        parameters.extend(path_parameters.iter().cloned());
        let mut types: HashMap<String, String> = HashMap::default();
        for parameter in &parameters {
            self.budget.spend(parameter.line, parameter.column)?;
            if self.field(parameter, "in")?.as_deref().and_then(Node::text) != Some("path") {
                continue;
            }
            let Some(name) = self
                .field(parameter, "name")?
                .and_then(|n| n.text().map(str::to_string))
            else {
                continue;
            };
            let typed = match self.version {
                SpecVersion::Swagger2 => Some(parameter.clone()),
                SpecVersion::OpenApi3 => self.field(parameter, "schema")?,
            };
            let (kind, format) = match &typed {
                Some(typed) => (
                    self.field(typed, "type")?
                        .and_then(|n| n.text().map(str::to_string)),
                    self.field(typed, "format")?
                        .and_then(|n| n.text().map(str::to_string)),
                ),
                None => (None, None),
            };
            match (kind.as_deref(), format.as_deref()) {
                (Some("string"), Some("path")) => types.insert(name, "path".to_string()),
                (Some(kind), _) => types.insert(name, kind.to_string()),
                (None, _) => types.remove(&name),
            };
        }

        let (security, security_line) = match operation.get("security") {
            Some(entry) => {
                let entry = entry.clone();
                let value = self.deref(&entry.value)?;
                (self.security(&value)?, Some(entry.line))
            }
            None => match global_security {
                Some((security, line)) => {
                    self.pay_for_copy(security, *line)?;
                    (security.clone(), Some(*line))
                }
                None => (EffectiveSecurity::NotRequired, None),
            },
        };

        let copied = [&raw_operation_id, &operation_id, &controller]
            .iter()
            .filter_map(|text| text.as_ref().map(String::len))
            .sum::<usize>();
        self.budget
            .spend_text(copied + 2 * spec_path.len(), method_entry.line, 1)?;
        Ok(SpecOperation {
            method: method_entry.key.to_uppercase(),
            path: flaskify_path(spec_path, &types),
            spec_path: spec_path.to_string(),
            operation_id,
            raw_operation_id,
            controller,
            line: method_entry.line,
            security,
            security_line,
        })
    }

    /// Copying the top level's security into each operation costs what it holds.
    fn pay_for_copy(&mut self, security: &EffectiveSecurity, line: usize) -> Result<(), SpecError> {
        if let EffectiveSecurity::Alternatives(requirements)
        | EffectiveSecurity::AnonymousAllowed(requirements) = security
        {
            for scheme in requirements.iter().flatten() {
                self.budget.spend_text(scheme.text_len(), line, 1)?;
                self.budget.spend_units(scheme.scopes.len(), line, 1)?;
            }
        }
        Ok(())
    }

    /// A `security` value: a list of requirement objects (OR), each mapping scheme names to
    /// scopes (AND).
    fn security(&mut self, node: &Rc<Node>) -> Result<EffectiveSecurity, SpecError> {
        if node.is_null() {
            self.note(
                node.line,
                "`security` is null: connexion treats it as no security at all",
            );
            return Ok(EffectiveSecurity::ExplicitlyPublic);
        }
        if !matches!(node.value, Value::Sequence(_)) {
            self.note(
                node.line,
                "`security` is not a list of requirements: connexion rejects the spec",
            );
            return Ok(EffectiveSecurity::Alternatives(Vec::new()));
        }
        let mut requirements = Vec::new();
        let mut anonymous = false;
        let mut unreadable = false;
        for requirement in self.list(node)? {
            if !matches!(requirement.value, Value::Mapping(_)) {
                self.note(
                    requirement.line,
                    "a security requirement that is not a mapping: connexion rejects the spec",
                );
                unreadable = true;
                continue;
            }
            if requirement.entries().is_empty() {
                anonymous = true;
                continue;
            }
            let mut schemes = Vec::new();
            for entry in requirement.entries() {
                let mut scheme = self.scheme(&entry.key, entry.line)?;
                self.budget.spend_text(scheme.text_len(), entry.line, 1)?;
                let scopes = self.deref(&entry.value)?;
                for scope in self.list(&scopes)? {
                    if let Some(text) = scope.text() {
                        self.budget
                            .spend_text(text.len(), scope.line, scope.column)?;
                        scheme.scopes.push(text.to_string());
                    }
                }
                schemes.push(scheme);
            }
            let oauth2_count = schemes
                .iter()
                .filter(|s| s.kind == SchemeKind::OAuth2)
                .count();
            if oauth2_count > 1 {
                self.note(
                    requirement.line,
                    "a requirement combining two OAuth2 schemes: connexion does not support that \
                     and drops the requirement",
                );
            }
            requirements.push(schemes);
        }
        Ok(if requirements.is_empty() {
            if unreadable && !anonymous {
                EffectiveSecurity::Alternatives(requirements)
            } else {
                EffectiveSecurity::ExplicitlyPublic
            }
        } else if anonymous {
            EffectiveSecurity::AnonymousAllowed(requirements)
        } else {
            EffectiveSecurity::Alternatives(requirements)
        })
    }

    /// A scheme by name, from `securityDefinitions` (Swagger 2) or
    /// `components.securitySchemes` (OpenAPI 3), with what connexion would verify it with.
    fn scheme(&mut self, name: &str, used_at: usize) -> Result<SchemeUse, SpecError> {
        if let Some(known) = self.schemes.get(name) {
            let known = known.clone();
            if known.kind == SchemeKind::Undefined {
                self.note_undefined(name, used_at);
            }
            return Ok(known);
        }
        let root = self.root.clone();
        let definitions = match self.version {
            SpecVersion::Swagger2 => self.field(&root, "securityDefinitions")?,
            SpecVersion::OpenApi3 => match self.field(&root, "components")? {
                Some(components) => self.field(&components, "securitySchemes")?,
                None => None,
            },
        };
        let defined = definitions
            .as_ref()
            .and_then(|definitions| definitions.get(name))
            .map(|entry| (entry.line, entry.value.clone()));
        let scheme = match defined {
            Some((line, definition)) => {
                let definition = self.deref(&definition)?;
                self.read_scheme(name, &definition, line)?
            }
            None => {
                self.note_undefined(name, used_at);
                SchemeUse {
                    name: name.to_string(),
                    kind: SchemeKind::Undefined,
                    info_func: None,
                    info_env_var: None,
                    token_info_url: None,
                    token_info_url_env_var: None,
                    scopes: Vec::new(),
                    line: None,
                }
            }
        };
        self.schemes.insert(name.to_string(), scheme.clone());
        Ok(scheme)
    }

    fn note_undefined(&mut self, name: &str, line: usize) {
        self.note(
            line,
            format!("security scheme `{name}` is not defined: connexion fails at start-up"),
        );
    }

    /// `connexion/security.py` (`SecurityHandlerFactory.parse_security_scheme` and the
    /// handlers' `security_definition_key` / `environ_key`); 2.x's `SecureOperation` agrees.
    fn read_scheme(
        &mut self,
        name: &str,
        definition: &Node,
        line: usize,
    ) -> Result<SchemeUse, SpecError> {
        let text_field = |reader: &mut Reader, key: &str| -> Result<Option<String>, SpecError> {
            Ok(reader
                .field(definition, key)?
                .and_then(|node| node.non_empty_text().map(str::to_string)))
        };
        let scheme_type = text_field(self, "type")?.unwrap_or_default();
        let kind = match scheme_type.as_str() {
            "basic" => SchemeKind::Basic,
            "oauth2" => SchemeKind::OAuth2,
            "http" => {
                let scheme = text_field(self, "scheme")?
                    .unwrap_or_default()
                    .to_lowercase();
                match scheme.as_str() {
                    "basic" => SchemeKind::Basic,
                    "bearer" => SchemeKind::Bearer,
                    _ => SchemeKind::UnsupportedHttp(scheme),
                }
            }
            "apiKey" => {
                let authentication_scheme = text_field(self, "x-authentication-scheme")?;
                if authentication_scheme.is_some_and(|s| s.eq_ignore_ascii_case("bearer")) {
                    SchemeKind::Bearer
                } else {
                    SchemeKind::ApiKey {
                        location: text_field(self, "in")?,
                        name: text_field(self, "name")?,
                    }
                }
            }
            "openIdConnect" => SchemeKind::OpenIdConnect,
            _ => SchemeKind::Unknown(scheme_type),
        };
        let (info_key, info_env_var) = match kind {
            SchemeKind::Basic => ("x-basicInfoFunc", "BASICINFO_FUNC"),
            SchemeKind::Bearer => ("x-bearerInfoFunc", "BEARERINFO_FUNC"),
            SchemeKind::ApiKey { .. } => ("x-apikeyInfoFunc", "APIKEYINFO_FUNC"),
            SchemeKind::OAuth2 => ("x-tokenInfoFunc", "TOKENINFO_FUNC"),
            _ => {
                return Ok(SchemeUse {
                    name: name.to_string(),
                    kind,
                    info_func: None,
                    info_env_var: None,
                    token_info_url: None,
                    token_info_url_env_var: None,
                    scopes: Vec::new(),
                    line: Some(line),
                });
            }
        };
        let is_oauth2 = kind == SchemeKind::OAuth2;
        Ok(SchemeUse {
            name: name.to_string(),
            info_func: text_field(self, info_key)?,
            info_env_var: Some(info_env_var),
            token_info_url: if is_oauth2 {
                text_field(self, "x-tokenInfoUrl")?
            } else {
                None
            },
            token_info_url_env_var: is_oauth2.then_some("TOKENINFO_URL"),
            kind,
            scopes: Vec::new(),
            line: Some(line),
        })
    }
}

/// `%2F` and friends, as in a URI fragment; invalid escapes stay as written.
fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                index += 3;
            }
            None => {
                decoded.push(bytes[index]);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// Python's `url.format(**defaults)` for the field names OpenAPI uses: `{{` and `}}` are
/// literal braces, `{name}` is replaced. `Err` where Python raises.
fn format_server_url(url: &str, defaults: &HashMap<String, String>) -> Result<String, String> {
    let mut formatted = String::with_capacity(url.len());
    let mut chars = url.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                formatted.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                formatted.push('}');
            }
            '{' => {
                let mut field = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => field.push(c),
                        None => return Err("has an unclosed `{`".to_string()),
                    }
                }
                let name = field.split([':', '!']).next().unwrap_or_default();
                match defaults.get(name) {
                    Some(value) => formatted.push_str(value),
                    None => return Err(format!("uses `{{{name}}}`, which has no default")),
                }
            }
            '}' => return Err("has a lone `}`".to_string()),
            c => formatted.push(c),
        }
    }
    Ok(formatted)
}

/// The path part of a URL as Python's `urllib.parse.urlsplit` finds it: after an optional
/// `scheme:` and `//netloc`, before `?` or `#`.
fn url_path(url: &str) -> &str {
    let mut rest = url;
    if let Some(colon) = rest.find(':') {
        let scheme = &rest[..colon];
        if scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        {
            rest = &rest[colon + 1..];
        }
    }
    if let Some(after_slashes) = rest.strip_prefix("//") {
        rest = after_slashes
            .find(['/', '?', '#'])
            .map_or("", |end| &after_slashes[end..]);
    }
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

/// connexion's `flaskify_path`: `{name}` becomes `<name>`, or `<int:name>` / `<float:name>` /
/// `<path:name>` for `integer` / `number` / `string` with `format: path` parameters; dashes in
/// names become underscores.
fn flaskify_path(spec_path: &str, types: &HashMap<String, String>) -> String {
    let mut rule = String::with_capacity(spec_path.len());
    let mut rest = spec_path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        rule.push_str(&rest[..open]);
        let name = &rest[open + 1..open + close];
        let converter = match types.get(name).map(String::as_str) {
            Some("integer") => Some("int"),
            Some("number") => Some("float"),
            Some("path") => Some("path"),
            _ => None,
        };
        rule.push('<');
        if let Some(converter) = converter {
            rule.push_str(converter);
            rule.push(':');
        }
        rule.push_str(&name.replace('-', "_"));
        rule.push('>');
        rest = &rest[open + close + 1..];
    }
    rule.push_str(rest);
    rule
}

#[cfg(test)]
mod tests;
