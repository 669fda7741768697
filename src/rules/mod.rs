//! The rule registry, rule metadata, and what a rule hands back: diagnostics with fixes.
//!
//! A rule is a check function plus its document under `rules/ID.md`. The document's header is
//! the single source of the rule's id, name, severity, CWE and summary; the check reports through
//! a `Checker`, which stamps every diagnostic with the rule that is running.

mod abandoned_token_library;
mod admin_route_without_role_check;
mod admin_view_without_access_check;
mod authorization_from_unverified_claims;
mod cors_credentials_any_origin;
mod credential_check_admits_missing;
mod credentials_in_settings;
mod debug_mode_enabled;
mod exception_details_in_response;
mod hardcoded_secret_key;
mod jwt_algorithm_confusion;
mod jwt_audience_issuer_unchecked;
mod jwt_decode_without_algorithms;
mod jwt_expiry_unenforced;
mod jwt_extended_audience_unchecked;
mod jwt_extended_insecure_config;
mod jwt_none_algorithm;
mod jwt_signature_verification_disabled;
pub mod meta;
mod route_decorator_order;
mod route_id_not_bound_to_subject;
mod route_missing_authentication;
mod token_error_oracle;
mod token_logged;
mod vulnerable_token_library;
mod weak_secret_key;

use std::sync::OnceLock;

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::model::config::SecretSite;
use crate::model::jwt::{AlgorithmFamily, JwtCall, Operation, algorithm_family};
use crate::model::routes::Route;
use crate::model::value::Value;
use crate::model::{FileModel, KeyReliance, ModuleNames, Project, SigningAlgorithm};
use crate::source::SourceFile;
pub use meta::{RuleMeta, Severity};

/// A rule: its document (metadata header + prose) and its check.
pub struct Rule {
    pub doc: &'static str,
    pub check: fn(&mut Checker<'_, '_>),
}

/// Every rule, in id order. Adding a rule adds one line here.
const REGISTRY: &[Rule] = &[
    jwt_decode_without_algorithms::RULE,
    jwt_signature_verification_disabled::RULE,
    jwt_none_algorithm::RULE,
    jwt_algorithm_confusion::RULE,
    jwt_audience_issuer_unchecked::RULE,
    jwt_expiry_unenforced::RULE,
    route_id_not_bound_to_subject::RULE,
    route_missing_authentication::RULE,
    authorization_from_unverified_claims::RULE,
    admin_route_without_role_check::RULE,
    route_decorator_order::RULE,
    credential_check_admits_missing::RULE,
    admin_view_without_access_check::RULE,
    hardcoded_secret_key::RULE,
    weak_secret_key::RULE,
    credentials_in_settings::RULE,
    jwt_extended_insecure_config::RULE,
    debug_mode_enabled::RULE,
    jwt_extended_audience_unchecked::RULE,
    token_error_oracle::RULE,
    exception_details_in_response::RULE,
    token_logged::RULE,
    cors_credentials_any_origin::RULE,
    vulnerable_token_library::RULE,
    abandoned_token_library::RULE,
];

/// Every registered rule with its parsed metadata, in registry order.
pub fn all() -> &'static [(RuleMeta, &'static Rule)] {
    static ALL: OnceLock<Vec<(RuleMeta, &'static Rule)>> = OnceLock::new();
    ALL.get_or_init(|| {
        REGISTRY
            .iter()
            .map(|rule| match RuleMeta::parse(rule.doc) {
                Ok(meta) => (meta, rule),
                // The documents are compiled in and checked by tests/registry.rs; a malformed
                // one is a build defect, not an input error.
                Err(error) => panic!("a rule document's header is malformed: {error}"),
            })
            .collect()
    })
}

pub fn find(id_or_name: &str) -> Option<&'static RuleMeta> {
    all()
        .iter()
        .map(|(meta, _)| meta)
        .find(|meta| meta.id.eq_ignore_ascii_case(id_or_name) || meta.name == id_or_name)
}

/// The ids and names a rule's findings were reported under before the rule had its own: a
/// suppression comment, a selector or a baseline written for them still applies to it.
/// Other linters' codes for the same finding, which a suppression comment may name instead:
/// a line already triaged as `# noqa: S105` for Ruff's flake8-bandit hardcoded-password check
/// is not reported again as FL305.
pub fn equivalent_codes(id: &str) -> &'static [&'static str] {
    match id {
        credentials_in_settings::ID => credentials_in_settings::EQUIVALENT_CODES,
        _ => &[],
    }
}

pub fn former_codes(id: &str) -> &'static [&'static str] {
    match id {
        "FL306" => jwt_extended_audience_unchecked::FORMER_CODES,
        _ => &[],
    }
}

/// A text edit: replace `range` with `content` (an insertion when the range is empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: TextRange,
    pub content: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub description: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

/// Whether `--fix` may apply a fix unreviewed, as Ruff decides it: `Safe` only when the program
/// behaves the same afterwards for every correct program. A security fix usually changes
/// behaviour on purpose (tokens it accepted are now refused, a secret must now be set in the
/// environment), so most are `Unsafe` and need `--unsafe-fixes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicability {
    Safe,
    Unsafe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub range: TextRange,
    pub message: String,
    pub help: String,
    pub fix: Option<Fix>,
    /// This finding's severity when it differs from the rule's: FL101 on a decode that can
    /// only crash (PyJWT 2.x pinned) is a bug, not a vulnerability. `None`: the rule's own.
    /// A configured severity override for the rule still wins over both.
    pub severity: Option<Severity>,
    /// The severity this finding keeps in development-only code, when the rule knows better
    /// than the central lowering to low: FL304's debug server on every interface under
    /// `if __name__ == "__main__":` is what `python app.py` exposes. `None`: low.
    pub development_severity: Option<Severity>,
}

impl Diagnostic {
    /// A finding at the rule's own severity, without a fix.
    pub fn new(
        rule: &'static RuleMeta,
        range: TextRange,
        message: String,
        help: String,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            range,
            message,
            help,
            fix: None,
            severity: None,
            development_severity: None,
        }
    }
}

/// A diagnostic in a dependency file (`requirements.txt`, `pyproject.toml`, a lock file)
/// rather than in Python code: `file` indexes `Dependencies::files`.
#[derive(Clone, Debug)]
pub struct DependencyDiagnostic {
    pub file: usize,
    pub diagnostic: Diagnostic,
}

/// What a rule sees while it checks one file, and where it reports.
pub struct Checker<'c, 'a> {
    pub project: &'c Project<'a>,
    pub options: &'c RuleOptions,
    pub file: &'c FileModel<'a>,
    pub source: &'a SourceFile,
    pub rule: &'static RuleMeta,
    diagnostics: &'c mut Vec<Diagnostic>,
}

/// Said of a literal key the application replaces with a random one after loading it.
pub fn replaced_note(replacement: &crate::model::config::Replacement) -> String {
    let place = &replacement.place;
    match &replacement.setting {
        None => format!(
            " [the application replaces it with a random key after loading the configuration ({place}): this value never signs anything]"
        ),
        Some(setting) => format!(
            " [the application loads `{setting}` over it afterwards ({place}): this value never signs anything; that setting is judged where it is written]"
        ),
    }
}

/// The end of a message whose settings-file variable nothing reads
/// ([`SettingsChecker::nothing_reads`]).
pub fn unread_variable_note(key: &str) -> String {
    format!(
        " [low: nothing in this project's Python code reads `{key}` (no environment lookup of it, no `from_prefixed_env`) and no other settings file passes it on, so it signs nothing today; remove it, and rotate it if it ever did]"
    )
}

/// The end of a message whose finding was lowered for Bandit's `# nosec`.
pub const NOSEC_NOTE: &str =
    " [marked `# nosec`: the project keeps it on purpose; the deployment must change it]";

/// The end of a message lowered by [`Checker::lower_if_key_signs_only_flashes`].
pub const SIGNS_ONLY_FLASHES_NOTE: &str = " [nothing in this application keeps more than flash messages in Flask's session or reads the key (no `session`, no login or CSRF library, no token library signing with it): a forged cookie gains nothing today, and it matters the day one is added]";

impl<'c, 'a> Checker<'c, 'a> {
    /// Bandit's `# nosec` on the line of `range`: the project looked at the value and keeps it
    /// on purpose (greenwave's compose settings, calibre-web's first-run password). The secret
    /// rules report such a value at low, with [`NOSEC_NOTE`], rather than not at all.
    pub fn marked_nosec(&self, range: TextRange) -> bool {
        let line = self.source.position(range.start()).line;
        self.source.line_text(line).contains("# nosec")
    }

    /// Lowers the finding just reported at `range` to low when its line is [`marked_nosec`].
    ///
    /// [`marked_nosec`]: Self::marked_nosec
    pub fn lower_if_nosec(&mut self, range: TextRange) {
        if !self.marked_nosec(range) {
            return;
        }
        self.lower_last(NOSEC_NOTE);
    }

    /// Lowers the finding just reported to low, saying why at the end of its message, unless it
    /// is low already.
    fn lower_last(&mut self, note: &str) {
        let Some(diagnostic) = self.diagnostics.last_mut() else {
            return;
        };
        if diagnostic.severity.unwrap_or(diagnostic.rule.severity) > Severity::Low {
            diagnostic.severity = Some(Severity::Low);
            diagnostic.message.push_str(note);
        }
    }

    /// Lowers the finding just reported for `site` to low when the site is Flask's `SECRET_KEY`
    /// and nothing in its application relies on the key beyond flash messages (scrapydweb,
    /// wikmd: no `session`, no login, CSRF or token library, no read of the key): a forged
    /// cookie then carries nothing the app trusts. Low rather than silent: the first
    /// `session["user"]` makes it matter.
    pub fn lower_if_key_signs_only_flashes(&mut self, site: &SecretSite) {
        let Some(set_in) = site.flask_key_set_in else {
            return;
        };
        match self.project.secret_key_reliance(set_in, site.module) {
            KeyReliance::Relied => {}
            KeyReliance::FlashesOnly => self.lower_last(SIGNS_ONLY_FLASHES_NOTE),
            KeyReliance::ServerSession(setting) => self.lower_last(&format!(
                " [the session is kept on the server ({setting}): the cookie holds a random session id, not data the key signs, and nothing else in this application reads the key (no login or CSRF library, no token library signing with it); it matters the day one is added]"
            )),
        }
    }

    /// How many findings have been reported so far: with [`Self::reported_since`], a rule
    /// weighs what it reported for one route or call together.
    pub fn reported(&self) -> usize {
        self.diagnostics.len()
    }

    /// The findings reported since [`Self::reported`] returned `count`.
    pub fn reported_since(&mut self, count: usize) -> &mut [Diagnostic] {
        let start = count.min(self.diagnostics.len());
        &mut self.diagnostics[start..]
    }

    pub fn report(&mut self, range: TextRange, message: String, help: String) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::new(self.rule, range, message, help));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    /// The routes whose handlers are in this file, but those whose handler refuses every request
    /// before it does anything ([`Route::refuses_every_request`]): what such a handler would do
    /// never happens.
    pub fn routes(&self) -> impl Iterator<Item = &'c Route<'a>> + 'c {
        let module = self.file.module;
        self.project
            .routes
            .routes
            .iter()
            .filter(move |route| route.module == module && !route.refuses_every_request())
    }

    /// " in app `create_app()` (app/__init__.py:12)" for a route finding's message when the
    /// run holds more than one application; empty otherwise.
    pub fn app_of(&self, route: &Route<'a>) -> String {
        let apps = &self.project.apps;
        if apps.app_count() < 2 {
            return String::new();
        }
        let labels: Vec<String> = route
            .units
            .iter()
            .filter_map(|&unit| apps.units.get(unit))
            .map(|unit| unit.describe())
            .collect();
        if labels.is_empty() {
            return String::new();
        }
        format!(" [in {}]", labels.join(", "))
    }

    /// What is known of the key a decode of this file verifies with (`model::keys`).
    pub fn verification_key(&self, call: &JwtCall<'a>) -> crate::model::keys::VerificationKey {
        let project = self.project;
        project.keys.verification_key(
            &project.model,
            &project.config,
            &project.apps,
            self.file,
            call,
        )
    }

    pub fn decode_calls(&self) -> impl Iterator<Item = &'c JwtCall<'a>> + 'c {
        self.file
            .jwt_calls
            .iter()
            .filter(|c| c.operation == Operation::Decode)
    }

    pub fn encode_calls(&self) -> impl Iterator<Item = &'c JwtCall<'a>> + 'c {
        self.file
            .jwt_calls
            .iter()
            .filter(|c| c.operation == Operation::Encode)
    }

    /// The statically known value of `expr` where `call` is.
    pub fn value(&self, expr: &Expr, call: &JwtCall<'a>) -> Value {
        self.project.model.value(expr, &self.file.at(call.scope))
    }

    pub fn qualified_name(&self, expr: &Expr, call: &JwtCall<'a>) -> Option<String> {
        self.project
            .model
            .qualified_name(expr, &self.file.at(call.scope))
    }

    /// The algorithm a fix may put in `algorithms=` for `call`: the one the project signs with,
    /// when the evidence agrees. Evidence from this file wins over the same library elsewhere,
    /// which wins over the rest; a key named like a public key rules out HMAC and one named
    /// like a secret rules out asymmetric algorithms. Disagreeing evidence gives no answer: a
    /// wrong algorithm in a fix would break verification or invite key confusion.
    pub fn signing_algorithm_for(
        &self,
        call: &JwtCall<'a>,
        key: Option<&Expr>,
    ) -> Option<&'c SigningAlgorithm> {
        let wanted = key.and_then(|key| key_family(self.text(key)));
        let here = self.source.display_path();
        let fitting: Vec<&'c SigningAlgorithm> = self
            .project
            .signing_algorithms
            .iter()
            .filter(|a| wanted.is_none() || algorithm_family(&a.algorithm) == wanted)
            .collect();
        let tiers: [&dyn Fn(&SigningAlgorithm) -> bool; 3] = [
            &|a| a.path == here,
            &|a| a.library == Some(call.library),
            &|_| true,
        ];
        for tier in tiers {
            let candidates: Vec<&'c SigningAlgorithm> =
                fitting.iter().copied().filter(|a| tier(a)).collect();
            if let Some(first) = candidates.first() {
                let agree = candidates
                    .iter()
                    .all(|a| a.algorithm.eq_ignore_ascii_case(&first.algorithm));
                return agree.then_some(*first);
            }
        }
        None
    }

    /// For a decode of an OpenID Connect `id_token` the application fetched itself from the
    /// identity provider's token endpoint: the low severity and the end of the message that
    /// says why.
    pub fn back_channel_id_token(&self, call: &JwtCall<'a>) -> Option<(Severity, String)> {
        crate::model::oidc::back_channel_id_token(self.project, self.file, call).map(|why| {
            (
                Severity::Low,
                format!(
                    "; low severity: {why} over TLS, where OpenID Connect Core 3.1.3.7 lets the TLS connection stand in for the token's checks; check it anyway if a client can ever hand one in"
                ),
            )
        })
    }

    /// PyJWT's documented multi-issuer pattern (`model::claims::verified_later`): the unverified
    /// claims only chose the key.
    pub fn verified_later_in_same_function(&self, unverified: &JwtCall<'a>) -> bool {
        crate::model::claims::verified_later(&self.project.model, self.file, unverified)
    }

    /// Source text of a node, for messages.
    pub fn text(&self, node: &impl Ranged) -> &'a str {
        self.source.slice(node.range())
    }
}

/// The algorithm family a key's name implies, if any: `PUBLIC_KEY`, `jwks_key`, `cert` are
/// asymmetric keys; `SECRET_KEY`, `jwt_secret` are HMAC secrets.
fn key_family(key_text: &str) -> Option<AlgorithmFamily> {
    let lower = key_text.to_ascii_lowercase();
    if ["public", "pub_key", "pubkey", "pem", "jwk", "cert", "rsa"]
        .iter()
        .any(|hint| lower.contains(hint))
    {
        Some(AlgorithmFamily::Asymmetric)
    } else if lower.contains("secret") {
        Some(AlgorithmFamily::Hmac)
    } else {
        None
    }
}

/// Whether anyone may get an account in the route's application
/// ([`crate::model::membership`]): then an administrative route any account reaches is open to
/// the public. Otherwise accounts are made by the operators (staff tools, internal consoles), or
/// nothing says how.
pub fn open_sign_up(checker: &Checker<'_, '_>, route: &crate::model::routes::Route<'_>) -> bool {
    matches!(
        checker.project.membership(route),
        crate::model::membership::Membership::Open(_)
    )
}

/// Runs the rules that judge the dependency declarations themselves, once per run rather than
/// per Python file. `--select`, ignores and suppressions apply when `check` places the findings,
/// as for every other rule.
pub fn check_dependencies(project: &Project<'_>) -> Vec<DependencyDiagnostic> {
    let Some((meta, _)) = all()
        .iter()
        .find(|(meta, _)| meta.id == vulnerable_token_library::ID)
    else {
        return Vec::new();
    };
    vulnerable_token_library::check_dependencies(project, meta)
}

/// Whether a setting's literal value is a name rather than a secret: the setting's own name
/// (`SECRET_KEY = "SECRET_KEY"` in a list of names, `CLIENT_SECRET = "client_secret"` as a
/// dict key), an environment variable's name that ends with it (`DB_PASSWORD =
/// "PI_DB_PASSWORD"`), an upper-snake setting name the key ends with (`KEY_MAIL_PASSWORD =
/// "MAIL_PASSWORD"`), or a message about it (`FAILED_TO_DECRYPT_PASSWORD = "FAILED TO DECRYPT
/// PASSWORD!"`: three words or more, one of them the setting's).
/// Whether a secret site's literal names a setting rather than holding a key (FL301's and
/// FL302's test). The default of an environment lookup is the key wherever the variable is
/// unset, even when it spells the setting's name (`getenv("SECRET_KEY", "secret_key")`, eNMS).
pub fn site_names_rather_than_holds(
    config: &crate::model::config::ConfigModel<'_>,
    site: &crate::model::config::SecretSite,
) -> bool {
    let value = String::from_utf8_lossy(&site.bytes);
    // A signing key written as lower-case hyphenated words is how default secrets look
    // (`"jwt-secret"`, pybossa's `ITSDANGEROUSKEY = "its-dangerous-key"`), even when the words are
    // the setting's own; a constant merely named like a credential (FL305's linkr
    // `TAG_SPA_TOKEN = "tag-spa-token"`, a cache-key prefix) is not judged here.
    let hyphenated_words = value.contains('-') && !value.chars().any(|c| c.is_ascii_uppercase());
    // Election-Management-System's `JWT_SECRET_KEY = "JWT_SECRET_KEY"` in its configuration
    // class: the setting's own name, spelled as the setting, is the key that signs. Not in a
    // class of names (`SettingNames`, whose other settings hold names too).
    let repeats_the_setting = value == site.setting && !among_names(config, site);
    // ReklaMap's `app.secret_key = "your_secret_key"`: the template's blank, left as the key.
    let asks_to_be_replaced = weak_secret_key::asks_to_be_replaced(&site.bytes);
    // EHR's `app.secret_key = "secretkey"`: Flask's own key set on the app is the key, whatever
    // it spells; no code keeps a setting's name there.
    let sets_flask_key_on_app = site.flask_key_set_in.is_some()
        && site_entry(config, site).is_some_and(|entry| {
            matches!(
                entry.origin,
                crate::model::config::Origin::AppAttribute
                    | crate::model::config::Origin::Subscript
                    | crate::model::config::Origin::Mapping
            )
        });
    !site.fallback
        && !sets_flask_key_on_app
        && !hyphenated_words
        && !repeats_the_setting
        && !asks_to_be_replaced
        && names_rather_than_holds(&site.variable, &value)
}

/// The setting whose value holds `site`'s literal, itself or as an environment lookup's default.
fn site_entry<'c, 'a>(
    config: &'c crate::model::config::ConfigModel<'a>,
    site: &crate::model::config::SecretSite,
) -> Option<&'c crate::model::config::ConfigEntry<'a>> {
    use crate::model::config::ConfigValue;
    config
        .entries_written_in(site.module)
        .iter()
        .map(|&index| &config.entries[index])
        .find(|entry| match &entry.value {
            ConfigValue::Literal(literal) => literal.range == site.range,
            ConfigValue::Environment(lookup) => lookup
                .default
                .as_ref()
                .is_some_and(|literal| literal.range == site.range),
            _ => false,
        })
}

/// When `site` is a constant at the top of a settings module, set in another module too, that
/// nothing loads as configuration (no line of the project names the module beside `from_object`,
/// `from_pyfile`, ...) and no code reads (its name appears elsewhere only in import lines and
/// comments): VLE's `app/settings.py`, whose `SECRET_KEY` is imported and never used while the
/// app loads `config.py`. Also a config class's attribute, set in another module too, when no
/// other module imports or loads the class's module (safedrive's unused `config.py`). Returns
/// the module's path for the message.
pub fn unloaded_settings_constant(
    checker: &Checker<'_, '_>,
    site: &crate::model::config::SecretSite,
) -> Option<String> {
    let config = &checker.project.config;
    let entry = site_entry(config, site)?;
    // A config class is read through its module: only a module that no other one imports or
    // loads holds a class nothing uses (safedrive's `config.py`, whose `Config` no code
    // imports while `create_app()` sets its own `JWT_SECRET_KEY`).
    let class_attribute = match entry.origin {
        crate::model::config::Origin::ModuleConstant => false,
        crate::model::config::Origin::ClassAttribute => true,
        _ => return None,
    };
    // Only a duplicate: the same setting is also set in another module, which the app may load
    // instead. A settings module alone may be loaded in ways no code line shows (Invenio's entry
    // points, a `FLASK_` environment variable naming it).
    let set_elsewhere = config
        .entries
        .iter()
        .any(|other| other.key == entry.key && other.module != entry.module);
    if !set_elsewhere {
        return None;
    }
    let modules = &checker.project.model.modules;
    let names = checker.project.model.names;
    let own = modules.get(site.module)?;
    // A package's settings (`config/__init__.py`) are imported by the package's name.
    let stem = match own.file.path.file_stem()?.to_str()? {
        "__init__" => own.file.path.parent()?.file_name()?.to_str()?,
        stem => stem,
    };
    let name = entry.key.as_str();
    // LMS-Platform's `app.config.from_object(os.getenv("FLASK_CONFIG", "config.dev"))`: an
    // environment variable picks a module of the `config` package, so each of them may be the
    // one loaded (its `run_prod.bat` sets `config.prod`).
    let package_prefixes = own
        .file
        .path
        .parent()
        .and_then(|dir| dir.file_name())
        .and_then(|dir| dir.to_str())
        .filter(|_| {
            own.file
                .path
                .file_stem()
                .is_some_and(|file| file != "__init__")
        })
        .map(|package| [format!("\"{package}."), format!("'{package}.")]);
    const LOADERS: [&str; 5] = [
        "from_object",
        "from_pyfile",
        "from_envvar",
        "from_mapping",
        "import_string",
    ];
    let own_text = &own.file.text[..];
    let (own_begin, own_end) = line_around(
        own_text,
        usize::from(entry.expr.range().start()).min(own_text.len()),
    );
    let loaded_or_read = modules.iter().enumerate().any(|(index, module)| {
        let text = &module.file.text[..];
        let in_string = |begin: usize, at: usize| {
            text[begin..at]
                .chars()
                .filter(|c| matches!(c, '"' | '\''))
                .count()
                % 2
                == 1
        };
        // `app.config.from_object(...)` calls the loader on Flask's `config`, not on a module.
        let loads_it = crate::model::references::whole_words(text, stem).any(|at| {
            let (begin, end) = line_around(text, at);
            let loader_holder = text[..at].ends_with('.')
                && text[at + stem.len()..].starts_with(".from_")
                && !in_string(begin, at);
            !loader_holder
                && LOADERS
                    .iter()
                    .any(|loader| text[begin..end].contains(loader))
        });
        // Only a module that imports this one can read its constant by name; elsewhere the same
        // name is another module's (config.py's own `SECRET_KEY`).
        let imports_it = index == site.module && !class_attribute
            || crate::model::references::whole_words(text, stem).any(|at| {
                let (begin, end) = line_around(text, at);
                let line = text[begin..end].trim_start();
                line.starts_with("from ") || line.starts_with("import ")
            });
        // candig's `'candig.server.serverconfig:{0}'.format(name)`, handed to a loader later: a
        // class named by a string that names its module.
        let names_it_in_a_string = class_attribute
            && index != site.module
            && crate::model::references::whole_words(text, stem).any(|at| {
                let (begin, _) = line_around(text, at);
                // A dotted path (`config.ProductionConfig`, `app.config`, `pkg.mod:Class`), not
                // a word (`__tablename__ = 'config'`).
                let dotted =
                    text[..at].ends_with('.') || text[at + stem.len()..].starts_with(['.', ':']);
                in_string(begin, at) && dotted
            });
        // The class is used once its module is imported anywhere: by its dotted name, which a
        // same-named module elsewhere does not share (safedrive's `from .config import Config`
        // in `models/__init__.py` loads `models/config.py`, not the settings module).
        let imports_the_module = class_attribute
            && index != site.module
            && crate::model::references::whole_words(text, stem).any(|at| {
                let (begin, end) = line_around(text, at);
                import_line_loads(&text[begin..end], &module.package, &own.name, names)
            });
        let reads_it = names_it_in_a_string
            || imports_the_module
            || imports_it
                && crate::model::references::whole_words(text, name).any(|at| {
                    if index == site.module && (own_begin..own_end).contains(&at) {
                        return false;
                    }
                    let (begin, _) = line_around(text, at);
                    let line = text[begin..at].trim_start();
                    // `from .settings import DATABASE_NAME, SECRET_KEY`, also the continuation lines of
                    // a parenthesised import.
                    let imported = line.starts_with("from ")
                        || line.starts_with("import ")
                        || text[..begin].trim_end().ends_with(['(', ','])
                            && text[..begin]
                                .rfind("import (")
                                .is_some_and(|open| !text[open..begin].contains(')'));
                    !imported && !line.starts_with('#')
                });
        let chosen_by_environment = package_prefixes.as_ref().is_some_and(|prefixes| {
            text.lines().any(|line| {
                (line.contains("getenv(") || line.contains("environ"))
                    && prefixes.iter().any(|prefix| line.contains(prefix.as_str()))
            })
        });
        loads_it || reads_it || chosen_by_environment
    });
    (!loaded_or_read).then(|| own.file.display_path())
}

/// The start and end of the line of `text` holding byte `at`.
pub(super) fn line_around(text: &str, at: usize) -> (usize, usize) {
    let begin = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (begin, end)
}

/// Whether no other module of the run imports `module` (by its dotted name, on an import line)
/// and the module does nothing when it is run by itself: its top level only imports, defines
/// and assigns (no call, no `if __name__ == "__main__":` block). safedrive's legacy
/// `database.py`, whose `init_db()` nothing calls: what it would do never happens.
pub fn never_runs(checker: &Checker<'_, '_>, module: usize) -> bool {
    let modules = &checker.project.model.modules;
    let names = checker.project.model.names;
    let Some(own) = modules.get(module) else {
        return false;
    };
    let runs_by_itself = own.file.module().body.iter().any(|stmt| match stmt {
        Stmt::Import(_)
        | Stmt::ImportFrom(_)
        | Stmt::FunctionDef(_)
        | Stmt::ClassDef(_)
        | Stmt::Pass(_) => false,
        Stmt::Assign(assign) => !matches!(
            assign.value.as_ref(),
            Expr::StringLiteral(_) | Expr::NumberLiteral(_) | Expr::Name(_) | Expr::Attribute(_)
        ),
        Stmt::Expr(expr) => !matches!(expr.value.as_ref(), Expr::StringLiteral(_)),
        _ => true,
    });
    if runs_by_itself {
        return false;
    }
    let Some(stem) = own.file.path.file_stem().and_then(|stem| stem.to_str()) else {
        return false;
    };
    if stem == "__init__" || stem == "__main__" {
        return false;
    }
    !modules.iter().enumerate().any(|(index, other)| {
        let text = &other.file.text[..];
        index != module
            && crate::model::references::whole_words(text, stem).any(|at| {
                let (begin, end) = line_around(text, at);
                import_line_loads(&text[begin..end], &other.package, &own.name, names)
                    // A function handed to a runner by name (`"database:init_db"`).
                    || text[at + stem.len()..].starts_with(':')
                        && text[begin..at].contains(['"', '\''])
            })
    })
}

/// Whether an import line written in `package` loads the module `target` (dotted, as the model
/// names modules) or a name of it: `from .config import Config`, `import app.config`,
/// `from app import config`. Names are compared from the end, as the checked directory may sit
/// inside a package (`backend.config` is `config` when `backend/` is the checked directory).
/// A name whose first part is no project folder or module (`logging.config`) is a library's,
/// whatever it ends with.
fn import_line_loads(line: &str, package: &str, target: &str, names: &ModuleNames) -> bool {
    let line = line.trim();
    // A relative import is resolved within the model's names: it must be the module itself.
    let same = |loaded: &str, relative: bool| {
        !loaded.is_empty()
            && (loaded == target
                || !relative
                    && names.is_component(loaded.split('.').next().unwrap_or(loaded))
                    && (loaded.ends_with(&format!(".{target}"))
                        || target.ends_with(&format!(".{loaded}"))))
    };
    if let Some(rest) = line.strip_prefix("import ") {
        return rest
            .split(',')
            .filter_map(|part| part.split_whitespace().next())
            .any(|loaded| same(loaded, false));
    }
    let Some(rest) = line.strip_prefix("from ") else {
        return false;
    };
    let Some((from, names)) = rest.split_once(" import ") else {
        return false;
    };
    let from = from.trim();
    let level = from.chars().take_while(|c| *c == '.').count();
    let relative = level > 0;
    let base = crate::model::scope::absolute_module(
        package,
        u32::try_from(level).unwrap_or(u32::MAX),
        &from[level..],
    );
    same(&base, relative)
        || names
            .trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace())
            .split(',')
            .filter_map(|part| part.split_whitespace().next())
            .any(|name| {
                let loaded = if base.is_empty() {
                    name.to_string()
                } else {
                    format!("{base}.{name}")
                };
                same(&loaded, relative)
            })
}

/// Whether the settings written beside `site`'s literal (in the same class, or the same module
/// for module constants) hold names of settings or variables rather than values.
fn among_names(
    config: &crate::model::config::ConfigModel<'_>,
    site: &crate::model::config::SecretSite,
) -> bool {
    let holder = |display: &str| {
        display
            .rsplit_once('.')
            .map(|(holder, _)| holder.to_string())
    };
    let Some(site_entry) = site_entry(config, site) else {
        return false;
    };
    let site_holder = holder(&site_entry.display);
    config.entries_written_in(site.module).iter().any(|&index| {
        let entry = &config.entries[index];
        !std::ptr::eq(entry, site_entry)
            && holder(&entry.display) == site_holder
            && matches!(&entry.value, crate::model::config::ConfigValue::Literal(literal)
            if literal.bytes.as_ref().is_some_and(|bytes| {
                names_rather_than_holds(&entry.key, &String::from_utf8_lossy(bytes))
            }))
    })
}

pub fn names_rather_than_holds(key: &str, value: &str) -> bool {
    let normal = |text: &str| text.trim().to_ascii_lowercase().replace('-', "_");
    let (key, value_normal) = (normal(key), normal(value));
    let identifier = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
    // Python names and environment variables have no hyphen: `"super-secret-key"` is a
    // (wordlist) key, not the name of a setting.
    let named = identifier
        && !value.contains('-')
        && !key.is_empty()
        && (value_normal == key
            || value_normal.ends_with(&format!("_{key}"))
            || value_normal.ends_with(&format!(".{key}")));
    // `KEY_MAIL_PASSWORD = "MAIL_PASSWORD"`: an upper-snake name of a credential setting, kept
    // to look the setting up (`os.environ.get(KEY_MAIL_PASSWORD)`).
    let setting_name = value.contains('_')
        && value
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && (key.ends_with(&format!("_{value_normal}"))
            || key.starts_with(&format!("{value_normal}_")))
        && (crate::model::config::is_credential_key(value)
            || crate::model::config::is_secret_key(value));
    // `MODE_ACCESS_TOKEN = "mode_user_token"`, `TABLEAU_ACCESS_TOKEN_SECRET =
    // "tableau_personal_access_token_secret"` (amundsen): a lowercase key name under the same
    // namespace and ending in the same word, for looking the credential up in a config file.
    let key_words: Vec<&str> = key.split('_').filter(|w| !w.is_empty()).collect();
    let value_words: Vec<&str> = value_normal.split('_').filter(|w| !w.is_empty()).collect();
    let namespaced_key = identifier
        && value.chars().all(|c| !c.is_ascii_uppercase())
        && value_words.len() >= 3
        && key_words.len() >= 2
        && value_words.first() == key_words.first()
        && value_words.last() == key_words.last()
        && key_words.first().is_some_and(|w| w.len() >= 3);
    // `KRAKEN_FUTURES_API_SECRET_KEY = "kraken_futures_api_secret"` (a database row's key),
    // `MISSING_SYMBOL_SPAM_TOKEN = "SPAM-TOKEN"`, `APPLE_ID_PASS = "APPLEIDPASS"` (an
    // environment variable's name): the value is the key's own words.
    let squeezed = |text: &str| text.replace(['_', '-'], "");
    // Key names are snake case; a default secret written in the key's words is usually
    // hyphenated and short (`"jwt-secret"`), and stays a credential.
    let own_words = identifier
        && !value.contains('-')
        && value_words.len() >= 3
        && value_words.iter().all(|word| key_words.contains(word));
    let squeezed_key = identifier && value.len() >= 6 && squeezed(&value_normal) == squeezed(&key);
    // `MARKETPLACE_SECRET = "/conf/stack/quay-marketplace-api.key"`: where the secret is kept.
    let path = !value.contains(char::is_whitespace)
        && (value.starts_with('/') || value.starts_with("./") || value.starts_with("~/"))
        && value.len() > 1;
    // A message about the credential names one of its words; a passphrase need not. Three
    // words are a passphrase (`"super secret key"`, in every cracking word list), not a
    // message.
    let message = value.split_whitespace().count() >= 4
        && key
            .split('_')
            .filter(|word| word.len() >= 3)
            .any(|word| value_normal.contains(word));
    // `ADMIN_AUTH_REASON_INVALID_PASSWORD = "invalid_password"` (pritunl's journal events): an
    // event or reason code spelled as the key's last words.
    let reason_code = identifier
        && value_words.len() >= 2
        && !value.contains('-')
        && key.ends_with(&format!("_{value_normal}"));
    // `WIDGET_PASSWORD = "password"` (moin's form widgets), `GRANT_TYPE_PASSWORD = "password"`
    // (OAuth's grant type), `INPUT_TYPE_PASSWORD`: a kind of field named by the credential word,
    // under a key that says it names a kind. `DB_PASSWORD = "password"` stays a default password.
    let kind_name = value_words.len() == 1
        && key_words.last() == value_words.first()
        && key_words.iter().any(|word| {
            matches!(
                *word,
                "widget" | "field" | "input" | "type" | "grant" | "kind" | "form" | "column"
            )
        });
    // `HEADER_API_KEY = "X-API-KEY"` (udata), `TOKEN_HEADER = "X-Auth-Token"`: the name of the
    // HTTP header the credential travels in.
    let header_name = value.len() >= 3
        && value
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphabetic()))
        && (value.get(..2).is_some_and(|x| x.eq_ignore_ascii_case("x-"))
            || key_words.contains(&"header") && value.contains('-'));
    named
        || header_name
        || kind_name
        || setting_name
        || namespaced_key
        || own_words
        || squeezed_key
        || path
        || message
        || reason_code
}

/// What the user's configuration tells the rules.
#[derive(Clone, Debug, Default)]
pub struct RuleOptions {
    /// Report test code and test settings files too (`include-tests`).
    pub include_tests: bool,
    /// Setting names FL305 treats as credentials besides its own (`secret-settings`).
    pub credential_settings: Vec<String>,
}

/// Findings in settings files that are not Python (`model::settings_files`), by file index.
pub fn check_settings_files(
    project: &Project<'_>,
    options: &RuleOptions,
) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    for (meta, _) in all() {
        let check: fn(&SettingsChecker<'_, '_>, &mut Vec<(usize, Diagnostic)>) = match meta.id {
            hardcoded_secret_key::ID => hardcoded_secret_key::check_settings_files,
            weak_secret_key::ID => weak_secret_key::check_settings_files,
            credentials_in_settings::ID => credentials_in_settings::check_settings_files,
            _ => continue,
        };
        let checker = SettingsChecker {
            project,
            rule: meta,
            options,
        };
        check(&checker, &mut out);
    }
    out.sort_by_key(|(file, d)| (*file, d.range.start(), d.rule.id));
    out
}

/// What a rule needs to judge the entries of settings files.
pub struct SettingsChecker<'c, 'a> {
    pub project: &'c Project<'a>,
    pub rule: &'static RuleMeta,
    pub options: &'c RuleOptions,
}

/// How much a finding in a settings file weighs, by what the file is for.
pub struct FileWeight {
    /// Reported at this severity instead of the rule's.
    pub severity: Option<Severity>,
    /// Said at the end of the message: why it weighs less.
    pub note: Option<String>,
}

impl<'c, 'a> SettingsChecker<'c, 'a> {
    /// The entries of files this run reports on (test files only with `include-tests`).
    pub fn entries(
        &self,
    ) -> impl Iterator<
        Item = (
            &'c crate::model::settings_files::SettingsEntry,
            &'c crate::model::settings_files::SettingsFile,
        ),
    > + '_ {
        let files = &self.project.settings_files;
        files.entries.iter().filter_map(move |entry| {
            let file = files.files.get(entry.file)?;
            let reported = self.options.include_tests
                || file.role != crate::model::settings_files::FileRole::Test;
            reported.then_some((entry, file))
        })
    }

    /// A live file weighs the rule's severity; a development file, or one a `.gitignore`
    /// keeps out of the repository, weighs low; an example file only `example` (the rule decides
    /// what an example may hold).
    pub fn weight(
        &self,
        file: &crate::model::settings_files::SettingsFile,
        example: Severity,
    ) -> FileWeight {
        use crate::model::settings_files::FileRole;
        match &file.role {
            FileRole::Development(why) => FileWeight {
                severity: Some(Severity::Low),
                note: Some(format!(" [development only: {why}]")),
            },
            FileRole::Example => FileWeight {
                severity: Some(example.min(self.rule.severity)),
                note: Some(
                    " [in an example file: if this is a real value, everyone who reads the repository has it]"
                        .to_string(),
                ),
            },
            _ if file.git_ignored == Some(true) => FileWeight {
                severity: Some(Severity::Low),
                note: Some(
                    " [if this file is committed: a `.gitignore` excludes it, so it is probably a local file]"
                        .to_string(),
                ),
            },
            _ => FileWeight {
                severity: None,
                note: None,
            },
        }
    }

    pub fn diagnostic(&self, range: TextRange, message: String, help: String) -> Diagnostic {
        Diagnostic::new(self.rule, range, message, help)
    }

    /// A variable of a dotenv file that nothing in its project reads: no Python module under the
    /// file's directory names it (in any case, outside comments: `os.environ["SECRET_KEY"]`,
    /// a settings class's `secret_key` field) or loads the environment by prefix or whole
    /// (`from_prefixed_env`, `from_mapping(os.environ)`), and no other settings file passes it on (`${SECRET_KEY}` in a
    /// compose file). Shuleni's `.env` keeps a `SECRET_KEY` its code never asks for: it only
    /// reads `JWT_SECRET_KEY`. Not said where no Python module lies under the file's directory,
    /// nor of example files.
    pub fn nothing_reads(
        &self,
        entry: &crate::model::settings_files::SettingsEntry,
        file: &crate::model::settings_files::SettingsFile,
    ) -> bool {
        use crate::model::references::code_mentions;
        // An example file is judged as published text (see `weight`), whatever reads it.
        if file.format != crate::walk::SettingsFormat::Dotenv
            || file.role == crate::model::settings_files::FileRole::Example
        {
            return false;
        }
        let Some(directory) = file.file.path.parent() else {
            return false;
        };
        let lower = entry.key.to_ascii_lowercase();
        let names_it = |text: &str| {
            [entry.key.as_str(), lower.as_str()]
                .iter()
                .any(|word| code_mentions(text, word).next().is_some())
        };
        let mut modules = self
            .project
            .model
            .modules
            .iter()
            .filter(|module| module.file.path.starts_with(directory))
            .peekable();
        if modules.peek().is_none() {
            return false;
        }
        // `app.config.from_mapping(os.environ)`, `update(os.environ)`, `**os.environ`: the
        // whole environment, every variable read.
        let takes_whole_environment = |text: &str| {
            [
                "from_prefixed_env",
                "(os.environ)",
                "(dict(os.environ))",
                "**os.environ",
            ]
            .iter()
            .any(|needle| memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some())
        };
        let code_reads = modules.any(|module| {
            let text = &module.file.text[..];
            names_it(text) || takes_whole_environment(text)
        });
        let passed_on =
            self.project
                .settings_files
                .files
                .iter()
                .enumerate()
                .any(|(index, other)| {
                    index != entry.file
                        && other.file.path.starts_with(directory)
                        && names_it(&other.file.text)
                });
        !code_reads && !passed_on
    }

    /// How a message names an entry: `` `SECRET_KEY` in `.env` `` and, for a file the code
    /// loads, `(loaded by app/__init__.py:9)`.
    pub fn entry_place(
        entry: &crate::model::settings_files::SettingsEntry,
        file: &crate::model::settings_files::SettingsFile,
    ) -> String {
        let loaded = file
            .loaded_by
            .as_deref()
            .map(|by| format!(" (loaded by {by})"))
            .unwrap_or_default();
        // `SECRET_KEY: ${SECRET_KEY:-changeme}`: the value is the default compose uses.
        let default = crate::model::settings_files::compose_default_variable(
            file.file.slice(entry.range),
        )
        .map(|variable| {
            format!(
                " (the default of `${{{variable}:-...}}`, used wherever `{variable}` is not set)"
            )
        })
        .unwrap_or_default();
        format!(
            "`{}` in `{}`{loaded}{default}",
            entry.key,
            file.file.display_path()
        )
    }

    /// The help for a value committed in a settings file.
    pub fn keep_out_help(key: &str) -> String {
        format!(
            "keep the value out of the repository: set `{key}` in the deployment's environment or secret store (ignore local files such as `.env` in `.gitignore`), and rotate the committed value"
        )
    }
}

/// Runs every rule on one file; diagnostics come back in (start, rule) order.
pub fn check_file<'a>(
    project: &Project<'a>,
    file: &FileModel<'a>,
    options: &RuleOptions,
) -> Vec<Diagnostic> {
    let source = project.model.modules[file.module].file;
    let mut diagnostics = Vec::new();
    for (meta, rule) in all() {
        let mut checker = Checker {
            project,
            options,
            file,
            source,
            rule: meta,
            diagnostics: &mut diagnostics,
        };
        (rule.check)(&mut checker);
    }
    diagnostics.sort_by(|a, b| {
        (a.range.start(), a.rule.id, a.range.end()).cmp(&(
            b.range.start(),
            b.rule.id,
            b.range.end(),
        ))
    });
    // A handler served under two rules (`@app.route("/a/")` and `@app.route("/a/<int:full>/")`)
    // is one piece of code with one problem: report it once, as the first route found it.
    diagnostics
        .dedup_by(|later, first| later.rule.id == first.rule.id && later.range == first.range);
    diagnostics
}

/// An edit that appends `text` as a new last argument of `call`.
pub fn append_argument(call: &ruff_python_ast::ExprCall, text: &str) -> Edit {
    let arguments = &call.arguments;
    let last_end = arguments
        .args
        .iter()
        .map(Ranged::end)
        .chain(arguments.keywords.iter().map(Ranged::end))
        .max();
    match last_end {
        Some(end) => Edit {
            range: TextRange::empty(end),
            content: format!(", {text}"),
        },
        None => Edit {
            range: TextRange::empty(arguments.end() - TextSize::from(1)),
            content: text.to_string(),
        },
    }
}

/// An edit that removes `target` (one argument or one dict item) from its comma-separated list
/// `siblings`, taking the separating comma with it.
pub fn remove_list_element(target: TextRange, siblings: &[TextRange]) -> Option<Edit> {
    let index = siblings.iter().position(|r| *r == target)?;
    let range = if index > 0 {
        TextRange::new(siblings[index - 1].end(), target.end())
    } else if let Some(next) = siblings.get(1) {
        TextRange::new(target.start(), next.start())
    } else {
        target
    };
    Some(Edit {
        range,
        content: String::new(),
    })
}

/// Whether a module of `module`'s application imports one of Flask-JWT-Extended's ways to
/// require a token (`jwt_required`, `verify_jwt_in_request`, `decode_token`...): only then does
/// a `JWTManager` verify anything.
pub(super) fn requires_extended_tokens(project: &crate::model::Project<'_>, module: usize) -> bool {
    project
        .keys
        .library_use
        .iter()
        .enumerate()
        .any(|(other, uses)| uses.flask_jwt_extended_verifier && project.apps.share(other, module))
}

/// Whether `module`'s application mints Flask-JWT-Extended tokens and verifies none: no module
/// of it imports a way to require one (`jwt_required`, `verify_jwt_in_request`,
/// `decode_token`), and none decodes a token itself. A token it hands out, or a key it signs
/// with, opens nothing today. False for a module of no application.
pub(super) fn mints_tokens_nothing_verifies(checker: &Checker<'_, '_>, module: usize) -> bool {
    use crate::model::jwt::Operation;
    let project = checker.project;
    let apps = &project.apps;
    if apps.of_module(module).is_empty() {
        return false;
    }
    let in_app = |other: usize| apps.share(other, module);
    let mints = project
        .keys
        .library_use
        .iter()
        .enumerate()
        .any(|(other, uses)| uses.flask_jwt_extended && in_app(other));
    let verifies = requires_extended_tokens(project, module);
    let decodes = project.files.iter().any(|file| {
        in_app(file.module)
            && file
                .jwt_calls
                .iter()
                .any(|call| call.operation == Operation::Decode)
    });
    mints && !verifies && !decodes
}
