//! The project's Flask and Flask-JWT-Extended configuration: every place a config key is set,
//! with its value classified, and the literal secrets that the keys of `jwt.encode` /
//! `jwt.decode` lead to.
//!
//! Sources of settings: `app.config["K"] = v`, `app.config.update(K=v)` / `update({"K": v})`,
//! `from_mapping(...)`, attributes of config classes (inheritance resolved
//! across files), `app.secret_key` / `app.debug`, and upper-case constants of settings modules.
//! Values are literals (followed through names and imports to where the literal is written),
//! environment lookups (with the literal default that runs when the variable is missing),
//! computed at run time, or unknown. Boundary: this module says what is configured where; the
//! rules (FL301-FL304) decide what is a problem.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use rayon::prelude::*;
use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::context::{is_dev_name, words};
use super::jwt::{JwtCall, Library, Operation};
use super::scope::{Binding, Scope};
use super::value::{Value, string_literal};
use super::{At, FileModel, ProjectModel};

/// How deep value classification follows names, imports and class attributes.
const MAX_DEPTH: usize = 24;

/// How a config key got its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `app.config["K"] = v`
    Subscript,
    /// `app.config.update(...)`, `from_mapping(...)`. (`setdefault` is left out: it states a
    /// default, as extensions do for every key they know, not the app's decision.)
    Mapping,
    /// `K = v` in a config class body.
    ClassAttribute,
    /// `K = v` at the top of a settings module (`config.py`, `settings/`).
    ModuleConstant,
    /// A secret- or credential-named `K = v` at the top of a module that is not a settings
    /// module (`API_KEY = "..."` in `beetsplug/chroma.py`): a constant of the code, which the
    /// app's configuration may never hold.
    CodeConstant,
    /// `app.secret_key = v`, `app.debug = v`: Flask attributes mirroring `SECRET_KEY` / `DEBUG`.
    AppAttribute,
}

/// A literal and where it is written (maybe a constant in another file).
#[derive(Clone, Debug)]
pub struct Literal {
    pub value: Value,
    /// The bytes of a `str` or `bytes` literal.
    pub bytes: Option<Vec<u8>>,
    pub module: usize,
    pub range: TextRange,
}

/// `os.environ["K"]`, `os.environ.get("K", default)`, `os.getenv("K", default)`,
/// `os.environ.get("K") or default`.
#[derive(Clone, Debug)]
pub struct EnvLookup {
    pub variable: Option<String>,
    /// The literal that runs when the variable is missing. `None` when there is no default
    /// (`os.environ["K"]` raises; `.get("K")` gives `None`).
    pub default: Option<Literal>,
    /// The whole lookup, fallback included: what a fix replaces.
    pub module: usize,
    pub range: TextRange,
    /// The value is the variable's text as the process got it (`os.getenv`, `os.environ`,
    /// dotenv), never converted: `"False"` and `"0"` are true. `decouple.config(..., cast=bool)`,
    /// `env.bool(...)` and click options convert, so they are not.
    pub text: bool,
}

#[derive(Clone, Debug)]
pub enum ConfigValue {
    Literal(Literal),
    /// `timedelta(...)` of literal numbers, in seconds.
    Duration(i64),
    Environment(EnvLookup),
    /// Evaluated at run time: a call, an f-string, arithmetic, a file or vault read.
    Computed,
    /// A name flasklint cannot follow: a parameter, a name bound several times.
    Unknown,
}

impl ConfigValue {
    pub fn literal(&self) -> Option<&Value> {
        match self {
            ConfigValue::Literal(literal) => Some(&literal.value),
            _ => None,
        }
    }
}

/// One setting of one config key.
#[derive(Debug)]
pub struct ConfigEntry<'a> {
    /// The config key, upper case (`app.secret_key` is `SECRET_KEY`).
    pub key: String,
    /// How the setting reads in messages: `app.config["SECRET_KEY"]`, `ProdConfig.DEBUG`.
    pub display: String,
    pub module: usize,
    /// The value as written at the setting.
    pub expr: &'a Expr,
    pub value: ConfigValue,
    pub origin: Origin,
    /// Only a development or test configuration gets this value: a class named like one (and
    /// every class inheriting the value unchanged is too), a `dev`/`test`/`local` settings
    /// module, a branch such as `if app.debug:` or `if testing:`, a function such as
    /// `create_test_app`.
    pub dev_only: bool,
}

/// A call that starts a server: `app.run(debug=...)`, `socketio.run(app, debug=...)`.
#[derive(Debug)]
pub struct ServerRun {
    pub module: usize,
    pub call: TextRange,
    pub callee: String,
    pub keyword: TextRange,
    /// Every argument of the call, for removing the keyword with its comma.
    pub siblings: Vec<TextRange>,
    pub value: ConfigValue,
    pub dev_only: bool,
    /// The address the server listens on.
    pub host: ServerHost,
}

/// `app.run(...)` without `debug=`: see [`ConfigModel::config_debug_servers`].
#[derive(Clone, Debug)]
pub struct ConfigDebugServer {
    pub module: usize,
    pub call: TextRange,
    pub host: ServerHost,
}

/// Where a development server listens, which decides who reaches its debugger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerHost {
    /// No host given: `app.run` and `socketio.run` listen on 127.0.0.1.
    DefaultLoopback,
    /// A literal loopback address (`127.0.0.1`, `localhost`, `::1`).
    Loopback(String),
    /// An environment variable whose default is a loopback address.
    LoopbackByDefault { host: String, variable: String },
    /// Every interface, another address, or a value read at run time.
    Reachable,
}

impl ServerHost {
    /// `host` is the `host=` argument of `app.run` (or its first positional one), if any.
    fn of<'a>(model: &ProjectModel<'a>, host: Option<&'a Expr>, at: &At<'_, 'a>) -> ServerHost {
        let Some(host) = host else {
            return ServerHost::DefaultLoopback;
        };
        if host.is_none_literal_expr() {
            return ServerHost::DefaultLoopback;
        }
        match classify(model, host, at) {
            ConfigValue::Literal(literal) => match literal.value.as_str() {
                Some(text) if is_loopback(text) => ServerHost::Loopback(text.to_string()),
                _ => ServerHost::Reachable,
            },
            // `os.getenv("DEBUG_HOST", "127.0.0.1")`: loopback unless the operator says
            // otherwise, as `run`'s own default is.
            ConfigValue::Environment(lookup) => {
                match lookup.default.as_ref().and_then(|d| d.value.as_str()) {
                    Some(text) if is_loopback(text) => ServerHost::LoopbackByDefault {
                        host: text.to_string(),
                        variable: lookup.variable.clone().unwrap_or_default(),
                    },
                    _ => ServerHost::Reachable,
                }
            }
            _ => ServerHost::Reachable,
        }
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim();
    host.eq_ignore_ascii_case("localhost")
        || host == "::1"
        || host == "[::1]"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|address| address.is_loopback())
}

/// A literal secret: where it is written, and what it is used as.
#[derive(Clone, Debug)]
pub struct SecretSite {
    pub module: usize,
    /// The literal itself.
    pub range: TextRange,
    pub bytes: Vec<u8>,
    /// `SECRET_KEY`, `the key of jwt.decode at app/auth.py:12`.
    pub used_as: String,
    /// The environment variable a fix should read instead.
    pub variable: String,
    /// The name the code keeps the secret under: the setting's key (`JWT_SECRET_KEY` of
    /// `app.config["JWT_SECRET_KEY"] = ...`) or the constant's name (`SECRET_KEY = os.getenv(
    /// "JWT_SECRET_KEY", ...)` keeps it as `SECRET_KEY`).
    pub setting: String,
    /// The literal is the default of an environment lookup.
    pub fallback: bool,
    /// When that default is written inside the lookup: the whole lookup, which a fix replaces.
    pub lookup: Option<TextRange>,
    /// The application refuses to start with this very value (`if SECRET_KEY == "changeme":
    /// raise ...`), so it is a placeholder that never signs, or signs only in development.
    pub startup_guard: Option<StartupGuard>,
    /// When the literal is Flask's own `SECRET_KEY` (what signs the session cookie): the module
    /// that sets it, whose application decides whether the key signs anything but flash
    /// messages (`FileModel::secret_key_use`).
    pub flask_key_set_in: Option<usize>,
    /// Where the application replaces the literal before anything signs with it: a random key set
    /// after loading the configuration that holds it (`app.config["SECRET_KEY"] =
    /// token_urlsafe()` after `from_object(...)`, `fuxi/web/flask_app.py:32`), or a config class
    /// loaded after it that sets the same key (`from_mapping(SECRET_KEY="dev")` then
    /// `from_object("config.Config")`).
    pub replaced_at: Option<Replacement>,
}

/// What replaces a literal secret, and where (see `SecretSite::replaced_at`).
#[derive(Clone, Debug)]
pub struct Replacement {
    /// `app/__init__.py:12`
    pub place: String,
    /// The setting loaded over the literal (`Config.SECRET_KEY`); `None` for a random key.
    pub setting: Option<String>,
}

/// A start-up check that refuses a placeholder secret.
#[derive(Clone, Debug)]
pub struct StartupGuard {
    /// `superset/initialization/__init__.py:644`
    pub place: String,
    /// Refused in every configuration: no debug, testing or development condition lets it
    /// through, and it is not an `assert` (which `python -O` removes).
    pub everywhere: bool,
}

/// A database, broker or cache connection made in code: `create_engine("postgresql://...")`,
/// `psycopg2.connect(password=...)`, `redis.Redis(password=...)`.
#[derive(Clone, Debug)]
pub struct Connection {
    pub module: usize,
    /// How the call reads (`create_engine`).
    pub callee: String,
    /// The URL or DSN argument.
    pub url: Option<ConfigValue>,
    /// A `password=` / `passwd=` argument.
    pub password: Option<ConfigValue>,
    /// A `user=` / `username=` argument.
    pub user: Option<ConfigValue>,
    /// A `host=` argument (`mysql.connector.connect(host="localhost", ...)`).
    pub host: Option<ConfigValue>,
    pub call: TextRange,
    pub dev_only: bool,
}

/// `app.config.from_pyfile(...)`, `from_file(...)`, `from_json(...)`, `from_envvar(...)`: a
/// settings file the app loads, read by `check` through `settings_files`.
#[derive(Clone, Debug)]
pub struct LoadedSettings {
    pub module: usize,
    pub source: LoadedFrom,
    pub format: super::settings_files::SettingsFormat,
    pub call: TextRange,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadedFrom {
    /// A path as written (for `os.path.join(..., "config.cfg")`, the last part): relative to
    /// the app's root path or its instance folder.
    Path(String),
    /// The environment variable that holds the path (`from_envvar`).
    Variable(String),
}

/// The project's configuration.
#[derive(Debug, Default)]
pub struct ConfigModel<'a> {
    /// Settings files the code loads, in module and source order.
    pub loaded_files: Vec<LoadedSettings>,
    /// Connections made in code, in module and source order.
    pub connections: Vec<Connection>,
    /// In module order, then source order.
    pub entries: Vec<ConfigEntry<'a>>,
    /// Where a Flask-JWT-Extended `JWTManager` is constructed.
    pub jwt_managers: Vec<(usize, TextRange)>,
    pub server_runs: Vec<ServerRun>,
    /// Development servers started without `debug=`, which take debug mode from the app's
    /// `DEBUG` setting (`app.run()`); `flask run` reads `--debug` / `FLASK_DEBUG` instead, and
    /// gunicorn or uWSGI never start the debugger.
    pub config_debug_servers: Vec<ConfigDebugServer>,
    /// Literal secrets, each once, in module and source order.
    pub secrets: Vec<SecretSite>,
    /// Per module: whether it is test code (see `context::FileContext::test_module`).
    pub test_modules: Vec<bool>,
    /// Report literal secrets in test code too (FL301/FL302); off by default, since test suites
    /// are full of throwaway keys. Set by whoever builds the project from the settings.
    pub secrets_in_tests: bool,
    /// `entries_written_in`'s answer for every module, built on first use.
    entries_by_module: std::sync::OnceLock<HashMap<usize, Vec<usize>>>,
}

impl<'a> ConfigModel<'a> {
    /// The indexes into `entries` (in order) of the settings whose value is written in
    /// `module`: a dict literal written there (`SQLALCHEMY_BINDS = {...}`), or a literal, or an
    /// environment lookup's literal default, written there (a setting may take a constant
    /// from another module). Asked once per file by the rules that judge literals where they
    /// are written, instead of each scanning every entry of the project.
    pub fn entries_written_in(&self, module: usize) -> &[usize] {
        self.entries_by_module
            .get_or_init(|| {
                let mut by_module: HashMap<usize, Vec<usize>> = HashMap::default();
                for (index, entry) in self.entries.iter().enumerate() {
                    let written_in = match (&entry.expr, &entry.value) {
                        (Expr::Dict(_), _) => entry.module,
                        (_, ConfigValue::Literal(literal)) => literal.module,
                        (_, ConfigValue::Environment(lookup)) => match &lookup.default {
                            Some(literal) => literal.module,
                            None => continue,
                        },
                        _ => continue,
                    };
                    by_module.entry(written_in).or_default().push(index);
                }
                by_module
            })
            .get(&module)
            .map_or(&[], Vec::as_slice)
    }

    /// The settings made in `module` (`entry.module`), in source order: `entries` is in module
    /// order, so they are one run of it.
    pub fn entries_in(&self, module: usize) -> &[ConfigEntry<'a>] {
        let start = self.entries.partition_point(|entry| entry.module < module);
        let end = self.entries[start..].partition_point(|entry| entry.module == module);
        &self.entries[start..start + end]
    }

    pub fn new(
        model: &ProjectModel<'a>,
        files: &[FileModel<'a>],
        apps: &super::apps::Apps,
    ) -> ConfigModel<'a> {
        let per_file: Vec<FileConfig<'a>> = (0..model.modules.len())
            .into_par_iter()
            .map(|module| {
                let Some(file) = files.get(module) else {
                    return FileConfig::default();
                };
                let mut collector = Collector::new(model, module, file);
                if model.modules[module].analysed {
                    collector.visit_body(&model.modules[module].file.module().body);
                }
                collector.out
            })
            .collect();
        let test_modules: Vec<bool> = (0..model.modules.len())
            .map(|module| files.get(module).is_some_and(FileModel::is_test_module))
            .collect();
        let mut classes: HashMap<(usize, String), ClassRecord> = HashMap::default();
        let mut entries = Vec::new();
        let mut jwt_managers = Vec::new();
        let mut server_runs = Vec::new();
        let mut config_debug_servers = Vec::new();
        let mut loaded_files = Vec::new();
        let mut connections = Vec::new();
        let mut signing_keys = Vec::new();
        for file in per_file {
            loaded_files.extend(file.loaded_files);
            connections.extend(file.connections);
            signing_keys.extend(file.signing_keys);
            for class in file.classes {
                classes
                    .entry((class.module, class.name.clone()))
                    .or_insert(class);
            }
            entries.extend(file.entries);
            jwt_managers.extend(file.jwt_managers);
            server_runs.extend(file.server_runs);
            config_debug_servers.extend(file.config_debug_servers);
        }
        let hierarchy = Hierarchy::new(&classes, &test_modules);
        let mut kept = Vec::with_capacity(entries.len());
        for (mut entry, class) in entries {
            if let Some(class) = class {
                if !hierarchy.is_config(&class) {
                    continue;
                }
                entry.dev_only |= hierarchy.dev_only(&class, &entry.key);
            }
            kept.push(entry);
        }
        let mut config = ConfigModel {
            loaded_files,
            connections,
            entries: kept,
            jwt_managers,
            server_runs,
            config_debug_servers,
            secrets: Vec::new(),
            test_modules,
            secrets_in_tests: false,
            entries_by_module: std::sync::OnceLock::new(),
        };
        config.secrets = config.collect_secrets(model, files, apps, signing_keys);
        config
    }

    pub fn is_test_module(&self, module: usize) -> bool {
        self.test_modules.get(module).copied().unwrap_or(false)
    }

    /// Whether FL301/FL302 skip `module`: test code, unless asked to report it.
    pub fn skips_secrets_in(&self, module: usize) -> bool {
        self.is_test_module(module) && !self.secrets_in_tests
    }

    /// Whether a setting is development-only as far as literal secrets go. Every setting in
    /// test code counts as development-only (`tests` is a development name), but whether test
    /// code is checked for secrets is `skips_secrets_in`'s decision (`include-tests`), so
    /// there the test module alone does not exclude it.
    fn dev_only_for_secrets(&self, entry: &ConfigEntry<'_>) -> bool {
        entry.dev_only && !self.is_test_module(entry.module)
    }

    /// Every setting of `key`.
    /// The settings of `key` a config read in `module` gets: those of the same application,
    /// development-only ones left out (as far as literal secrets go).
    fn settings_read_by<'s>(
        &'s self,
        key: &'s str,
        module: usize,
        apps: &'s super::apps::Apps,
    ) -> impl Iterator<Item = &'s ConfigEntry<'a>> + 's {
        self.settings(key)
            .filter(|e| !self.dev_only_for_secrets(e))
            .filter(move |e| apps.share(e.module, module))
    }

    pub fn settings<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s ConfigEntry<'a>> + 's {
        self.entries.iter().filter(move |e| e.key == key)
    }

    /// Settings of `key` that production code may get (not dev-only, not in test code).
    pub fn production_settings<'s>(
        &'s self,
        key: &'s str,
    ) -> impl Iterator<Item = &'s ConfigEntry<'a>> + 's {
        self.settings(key)
            .filter(move |e| !e.dev_only && !self.is_test_module(e.module))
    }

    /// Secret settings an application factory sets to a random value after loading its
    /// configuration (`app.config.from_object(cfg)` then `app.config["SECRET_KEY"] =
    /// secrets.token_urlsafe()` in the same function): (key, module, `path:line`).
    fn random_replacements(
        &self,
        model: &ProjectModel<'a>,
        files: &[FileModel<'a>],
    ) -> Vec<(String, usize, Replacement)> {
        const LOADS: &[&str] = &["from_object", "from_pyfile", "from_envvar", "from_file"];
        let mut found = Vec::new();
        for entry in &self.entries {
            if !is_secret_key(&entry.key)
                || entry.dev_only
                || !matches!(entry.origin, Origin::Subscript | Origin::AppAttribute)
                || !matches!(entry.value, ConfigValue::Computed)
            {
                continue;
            }
            let Some(file) = files.iter().find(|f| f.module == entry.module) else {
                continue;
            };
            let Some(call) = random_call(entry.expr) else {
                continue;
            };
            let Some(fact) = file.calls.of(call) else {
                continue;
            };
            let random = fact.callee.is_some_and(super::keys::is_random_callee);
            let Some(function) = fact.function.filter(|_| random) else {
                continue;
            };
            let loaded_before = file.calls.in_body(function).any(|load| {
                load.call.end() <= entry.expr.start()
                    && matches!(load.call.func.as_ref(), Expr::Attribute(a) if LOADS.contains(&a.attr.as_str()))
            });
            if loaded_before {
                let source = model.modules[entry.module].file;
                let line = source.position(entry.expr.start()).line;
                found.push((
                    entry.key.clone(),
                    entry.module,
                    Replacement {
                        place: format!("{}:{line}", source.display_path()),
                        setting: None,
                    },
                ));
            }
        }
        found
    }

    /// A config class loaded after `entry` in the same function that sets the same key itself
    /// or through a base: `app.config.from_mapping(SECRET_KEY="dev")` then
    /// `app.config.from_object("config.Config")`, whose `SECRET_KEY` Flask copies over the
    /// literal (even when the class reads an unset variable and holds `None`). The literal then
    /// never signs anything. Said only of settings written on the app or its config inside a
    /// function, where the order of the two calls is the order they run in.
    fn loaded_over(
        &self,
        model: &ProjectModel<'a>,
        files: &[FileModel<'a>],
        entry: &ConfigEntry<'a>,
    ) -> Option<Replacement> {
        if !matches!(
            entry.origin,
            Origin::Subscript | Origin::Mapping | Origin::AppAttribute
        ) {
            return None;
        }
        let file = files.iter().find(|f| f.module == entry.module)?;
        let (function, scope) = file
            .function_scopes
            .iter()
            .filter(|(range, _)| range.contains_range(entry.expr.range()))
            .min_by_key(|(range, _)| range.len())?;
        let at = file.at(Some(*scope));
        file.calls
            .within(*function)
            .filter(|fact| fact.call.start() >= entry.expr.end())
            .find_map(|fact| {
                let Expr::Attribute(attribute) = fact.call.func.as_ref() else {
                    return None;
                };
                if attribute.attr.as_str() != "from_object" || !is_config_object(&attribute.value) {
                    return None;
                }
                let argument = fact.call.arguments.args.first()?;
                let qualified = match string_literal(argument) {
                    Some(written) => written,
                    None => model.qualified_name(argument, &at)?,
                };
                let (module, class) = model.split_module(&qualified)?;
                let setting = self.class_setting(model, module, class, &entry.key, 0)?;
                let source = model.modules[entry.module].file;
                let line = source.position(fact.call.start()).line;
                Some(Replacement {
                    place: format!("{}:{line}", source.display_path()),
                    setting: Some(setting),
                })
            })
    }

    /// How a project config class sets `key` (`Config.SECRET_KEY`), itself or through a base
    /// class, outside development-only classes.
    fn class_setting(
        &self,
        model: &ProjectModel<'a>,
        module: usize,
        class: &str,
        key: &str,
        depth: usize,
    ) -> Option<String> {
        if depth > 8 || class.contains('.') {
            return None;
        }
        let display = format!("{class}.{key}");
        if let Some(entry) = self.entries.iter().find(|e| {
            e.module == module
                && e.origin == Origin::ClassAttribute
                && e.key == key
                && e.display == display
        }) {
            return (!entry.dev_only).then(|| entry.display.clone());
        }
        let definition = super::find_class_in(&model.modules[module].file.module().body, class)?;
        let at = At::top(module);
        definition.bases().iter().find_map(|base| {
            let (base_module, base_class) = match model.qualified_name(base, &at) {
                Some(qualified) => {
                    let (base_module, base_class) = model.split_module(&qualified)?;
                    (base_module, base_class.to_string())
                }
                None => match base {
                    Expr::Name(name) => (module, name.id.to_string()),
                    _ => return None,
                },
            };
            self.class_setting(model, base_module, &base_class, key, depth + 1)
        })
    }

    fn collect_secrets(
        &self,
        model: &ProjectModel<'a>,
        files: &[FileModel<'a>],
        apps: &super::apps::Apps,
        signing_keys: Vec<SigningKeyUse>,
    ) -> Vec<SecretSite> {
        let mut sites: Vec<SecretSite> = Vec::new();
        let mut seen: HashSet<(usize, TextRange)> = HashSet::default();
        let mut add = |site: SecretSite, sites: &mut Vec<SecretSite>| {
            if seen.insert((site.module, site.range)) {
                sites.push(site);
            } else if site.flask_key_set_in.is_none()
                && let Some(first) = sites
                    .iter_mut()
                    .find(|s| s.module == site.module && s.range == site.range)
            {
                // The session's key also signs tokens (`jwt.encode(payload, SECRET_KEY)`): it
                // matters whatever the session holds.
                first.flask_key_set_in = None;
            }
        };
        let replacements = self.random_replacements(model, files);
        // Settings named like secrets.
        for entry in &self.entries {
            if is_secret_key(&entry.key)
                && !self.dev_only_for_secrets(entry)
                && let Some(mut site) =
                    secret_site(&entry.value, &format!("`{}`", entry.display), &entry.key)
            {
                site.flask_key_set_in = (entry.key == "SECRET_KEY").then_some(entry.module);
                if matches!(
                    entry.origin,
                    Origin::ClassAttribute | Origin::ModuleConstant | Origin::CodeConstant
                ) {
                    site.replaced_at = replacements
                        .iter()
                        .find(|(key, module, _)| {
                            *key == entry.key && apps.share(*module, entry.module)
                        })
                        .map(|(_, _, replacement)| replacement.clone());
                } else {
                    site.replaced_at = self.loaded_over(model, files, entry);
                }
                add(site, &mut sites);
            }
        }
        // A secret setting copied from another setting of the same application
        // (`app.secret_key = app.config["RESPONSE_OPERATIONS_UI_SECRET"]`): that one signs.
        for entry in &self.entries {
            let Some(source_key) = config_read(entry.expr) else {
                continue;
            };
            if !is_secret_key(&entry.key) || is_secret_key(&source_key) || entry.dev_only {
                continue;
            }
            for source in self.settings_read_by(&source_key, entry.module, apps) {
                let used_as = format!("`{}` (the application's `{}`)", source.display, entry.key);
                if let Some(mut site) = secret_site(&source.value, &used_as, &source.key) {
                    site.flask_key_set_in = (entry.key == "SECRET_KEY").then_some(entry.module);
                    add(site, &mut sites);
                }
            }
        }
        // Keys handed to jwt.encode / jwt.decode, followed to a literal or to a config key.
        for file in files {
            let source = model.modules[file.module].file;
            for call in &file.jwt_calls {
                let Some(key) = jwt_key(call) else { continue };
                let line = source.position(call.call.start()).line;
                let what = format!(
                    "the key of `{}` at {}:{line}",
                    call.callee,
                    source.display_path()
                );
                let used_as = match key {
                    Expr::Name(_) | Expr::Attribute(_) => {
                        format!("`{}` ({what})", source.slice(key.range()))
                    }
                    _ => what,
                };
                let at = file.at(call.scope);
                if let Some(config_key) = config_read_through_local(model, key, &at) {
                    // Only the application that decodes reads its own config key.
                    for entry in self.settings_read_by(&config_key, file.module, apps) {
                        let used_as = format!("`{}`", entry.display);
                        if let Some(site) = secret_site(&entry.value, &used_as, &entry.key) {
                            add(site, &mut sites);
                        }
                    }
                    continue;
                }
                let value = classify(model, key, &at);
                let variable = match key {
                    Expr::Name(name) if is_constant_name(name.id.as_str()) => name.id.to_string(),
                    Expr::Attribute(attribute) if is_constant_name(attribute.attr.as_str()) => {
                        attribute.attr.to_string()
                    }
                    _ => "JWT_SECRET_KEY".to_string(),
                };
                if let Some(site) = secret_site(&value, &used_as, &variable)
                    && !(call.operation == Operation::Decode && is_public_key(&site.bytes))
                {
                    add(site, &mut sites);
                }
            }
        }
        // Keys handed to itsdangerous serializers and `hmac`, whatever their name.
        for key in signing_keys {
            if self.is_test_module(key.module) && !self.secrets_in_tests {
                continue;
            }
            // A config key of any name: its settings in the same application sign.
            if let Some(config_key) = &key.config_key {
                for entry in self.settings_read_by(config_key, key.module, apps) {
                    let used_as = format!("`{}` ({})", entry.display, key.used_as);
                    if let Some(site) = secret_site(&entry.value, &used_as, &entry.key)
                        && !is_public_key(&site.bytes)
                    {
                        add(site, &mut sites);
                    }
                }
                continue;
            }
            if let Some(site) = secret_site(&key.value, &key.used_as, &key.variable)
                && !is_public_key(&site.bytes)
            {
                add(site, &mut sites);
            }
        }
        let guards = startup_guards(model);
        for site in &mut sites {
            site.startup_guard = guards
                .iter()
                .filter(|(refused, module, _)| {
                    let same = match refused {
                        Refused::Literal(bytes) => *bytes == site.bytes,
                        Refused::Unset(variable) => *variable == site.variable,
                        Refused::ShorterThan(key, bound) => {
                            *key == site.variable && site.bytes.len() < *bound
                        }
                    };
                    same && apps.share(*module, site.module)
                })
                .map(|(_, _, guard)| guard.clone())
                // A guard that refuses the value everywhere decides, wherever it is.
                .max_by_key(|guard| guard.everywhere);
        }
        sites.sort_by_key(|s| (s.module, s.range.start()));
        sites
    }
}

/// Every literal a start-up check refuses as the secret: `if app.config["SECRET_KEY"] ==
/// DEFAULT: raise RuntimeError(...)` (or `sys.exit(...)`), `if SECRET_KEY in ("dev",
/// "changeme") and not app.debug: raise ...`, `assert SECRET_KEY != "dev"`.
/// What a start-up check refuses.
#[derive(Debug, PartialEq, Eq)]
enum Refused {
    /// This literal as the secret.
    Literal(Vec<u8>),
    /// Starting without this environment variable (`assert os.environ.get("SECRET_KEY")`): the
    /// literal the code falls back to when it is unset never signs there.
    Unset(String),
    /// This setting when it is shorter than this many bytes (`if len(app.config["K"]) < 32:
    /// raise`, Superset's async-query secret): a shorter literal never signs.
    ShorterThan(String, usize),
}

/// `os.environ.get("X")`, `os.getenv("X")`, `os.environ["X"]`, `"X" in os.environ`: the
/// variable whose presence `expr` tests.
fn environment_presence(model: &ProjectModel<'_>, expr: &Expr, at: &At<'_, '_>) -> Option<String> {
    let environ = |e: &Expr| model.qualified_name(e, at).as_deref() == Some("os.environ");
    match expr {
        Expr::Call(call) => {
            // `os.environ.get(...)`; `os.getenv(...)` or a `getenv` imported from `os`.
            let is_lookup = match call.func.as_ref() {
                Expr::Attribute(a) if a.attr.as_str() == "get" => environ(&a.value),
                other => model.qualified_name(other, at).as_deref() == Some("os.getenv"),
            };
            match (is_lookup, call.arguments.args.first()) {
                (true, Some(Expr::StringLiteral(name))) => Some(name.value.to_str().to_string()),
                _ => None,
            }
        }
        Expr::Subscript(subscript) if environ(&subscript.value) => string_literal(&subscript.slice),
        Expr::Compare(compare)
            if matches!(compare.ops.as_ref(), [ast::CmpOp::In])
                && matches!(compare.comparators.as_ref(), [right] if environ(right)) =>
        {
            match compare.left.as_ref() {
                Expr::StringLiteral(name) => Some(name.value.to_str().to_string()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The environment variables a test requires to be set when it holds: `os.getenv("A")`,
/// `os.getenv("A") and os.getenv("B")`.
fn required_present(model: &ProjectModel<'_>, test: &Expr, at: &At<'_, '_>) -> Vec<String> {
    match test {
        Expr::BoolOp(bool_op) if bool_op.op == ast::BoolOp::And => bool_op
            .values
            .iter()
            .flat_map(|value| required_present(model, value, at))
            .collect(),
        other => environment_presence(model, other, at).into_iter().collect(),
    }
}

/// The environment variables whose absence makes a test hold: `not os.getenv("A")`,
/// `not os.getenv("A") or not os.getenv("B")`, `not (os.getenv("A") and os.getenv("B"))`.
fn required_absent(model: &ProjectModel<'_>, test: &Expr, at: &At<'_, '_>) -> Vec<String> {
    match test {
        Expr::UnaryOp(op) if op.op == ast::UnaryOp::Not => required_present(model, &op.operand, at),
        Expr::BoolOp(bool_op) if bool_op.op == ast::BoolOp::Or => bool_op
            .values
            .iter()
            .flat_map(|value| required_absent(model, value, at))
            .collect(),
        _ => Vec::new(),
    }
}

/// The settings a test refuses when they are too short: `len(app.config["K"]) < 32` (also
/// `<= 31`, `.get("K")`, `settings.K`, `K`), alone or in an `or`: the setting and the length
/// it needs.
fn minimum_lengths(test: &Expr) -> Vec<(String, usize)> {
    match test {
        Expr::BoolOp(bool_op) if bool_op.op == ast::BoolOp::Or => {
            bool_op.values.iter().flat_map(minimum_lengths).collect()
        }
        Expr::Compare(compare) => {
            let (Some(op), [right]) = (compare.ops.first(), compare.comparators.as_ref()) else {
                return Vec::new();
            };
            let Expr::Call(len) = compare.left.as_ref() else {
                return Vec::new();
            };
            let (Expr::Name(callee), [argument]) = (len.func.as_ref(), len.arguments.args.as_ref())
            else {
                return Vec::new();
            };
            let bound = match right {
                Expr::NumberLiteral(number) => match &number.value {
                    ast::Number::Int(int) => int.as_usize(),
                    _ => None,
                },
                _ => None,
            };
            let bound = match (op, bound) {
                (ast::CmpOp::Lt, Some(bound)) => bound,
                (ast::CmpOp::LtE, Some(bound)) => bound.saturating_add(1),
                _ => return Vec::new(),
            };
            let key = match argument {
                Expr::Subscript(subscript) => string_literal(&subscript.slice),
                Expr::Call(get) => match (get.func.as_ref(), get.arguments.args.first()) {
                    (Expr::Attribute(a), Some(key)) if a.attr.as_str() == "get" => {
                        string_literal(key)
                    }
                    _ => None,
                },
                Expr::Attribute(attribute) => Some(attribute.attr.to_string()),
                Expr::Name(name) => Some(name.id.to_string()),
                _ => None,
            };
            match key {
                Some(key) if callee.id.as_str() == "len" => vec![(key, bound)],
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

fn startup_guards(model: &ProjectModel<'_>) -> Vec<(Refused, usize, StartupGuard)> {
    // The names of the project's functions whose own statements raise or exit: a call to one
    // of them is resolved, other calls are not.
    let exiting_helpers: HashSet<&str> = model
        .modules
        .iter()
        .flat_map(|module| module.file.module().body.iter())
        .filter_map(|stmt| match stmt {
            Stmt::FunctionDef(def) if def.body.iter().any(stops_here) => Some(def.name.as_str()),
            _ => None,
        })
        .collect();
    let per_module: Vec<Vec<(Refused, usize, StartupGuard)>> = model
        .modules
        .par_iter()
        .enumerate()
        .filter(|(_, module)| module.analysed)
        .map(|(index, module)| {
            let mut guards = module_startup_guards(model, index, module, &exiting_helpers);
            guards.extend(secret_validators(model, index, module));
            guards
        })
        .collect();
    per_module.into_iter().flatten().collect()
}

fn module_startup_guards(
    model: &ProjectModel<'_>,
    index: usize,
    module: &super::ModuleInfo<'_>,
    exiting_helpers: &HashSet<&str>,
) -> Vec<(Refused, usize, StartupGuard)> {
    let mut guards = Vec::new();
    {
        let at = At::top(index);
        super::routes::visit_stmts(&module.file.module().body, &mut |stmt| {
            let (test, refuses_here, is_assert, branch): (&Expr, bool, bool, &[Stmt]) = match stmt {
                Stmt::If(branch) => (&branch.test, false, false, &branch.body),
                Stmt::Assert(assert) => (&assert.test, true, true, &[]),
                _ => return,
            };
            if !(refuses_here || stops_start_up(model, &at, branch, exiting_helpers)) {
                return;
            }
            let mut refused: Vec<Refused> = refused_secrets(model, test, &at, is_assert)
                .into_iter()
                .map(Refused::Literal)
                .collect();
            // `assert os.environ.get("SECRET_KEY")`, `if not os.getenv("SECRET_KEY"): raise`,
            // `if not os.getenv("A") or not os.getenv("B"): raise` (taskapi's ProductionConfig).
            let required = if is_assert {
                required_present(model, test, &at)
            } else {
                required_absent(model, test, &at)
            };
            refused.extend(required.into_iter().map(Refused::Unset));
            if !is_assert {
                refused.extend(
                    minimum_lengths(test)
                        .into_iter()
                        .map(|(key, bound)| Refused::ShorterThan(key, bound)),
                );
            }
            if refused.is_empty() {
                return;
            }
            let mentions_development = |text: &str| is_dev_name(text) || text.contains("is_test");
            let conditional = mentions_development(module.file.slice(test.range()))
                || branch
                    .iter()
                    .any(|inner| mentions_development(module.file.slice(inner.range())));
            let guard = StartupGuard {
                place: format!(
                    "{}:{}",
                    module.file.display_path(),
                    module.file.position(stmt.start()).line
                ),
                everywhere: !conditional && !is_assert,
            };
            for what in refused {
                guards.push((what, index, guard.clone()));
            }
        });
    }
    guards
}

/// A project function named for validating (`validate_security_configuration`,
/// `check_secrets`, `ensure_config`) that reads a secret from the environment with a literal
/// fallback and raises or exits, called somewhere in the project: flask-expenses-manager's
/// `create_app()` calls it, and it raises on a weak or default `JWT_SECRET_KEY` unless debug or
/// testing. Its fallback literal is refused, outside development only (its conditions are not
/// read, so no more is claimed).
fn secret_validators(
    model: &ProjectModel<'_>,
    index: usize,
    module: &super::ModuleInfo<'_>,
) -> Vec<(Refused, usize, StartupGuard)> {
    let mut guards = Vec::new();
    let at = At::top(index);
    for stmt in &module.file.module().body {
        let Stmt::FunctionDef(def) = stmt else {
            continue;
        };
        let name = def.name.as_str();
        let lower = name.to_ascii_lowercase();
        let validates = ["validate", "check", "ensure", "verify", "assert"]
            .iter()
            .any(|word| lower.contains(word));
        if !validates {
            continue;
        }
        let mut stops = false;
        super::routes::visit_stmts(&def.body, &mut |inner| stops |= stops_here(inner));
        if !stops {
            continue;
        }
        // PyGotham's `check_required_settings(config)`: `if config.get(key, DOES_NOT_EXIST) ==
        // DOES_NOT_EXIST: raise RuntimeError(...)` for every required key, `SECRET_KEY` among
        // them, which its settings default to that sentinel. The sentinel never signs anything
        // (nor does the check read a development switch: then only outside development).
        let mut sentinels: Vec<(Vec<u8>, StartupGuard)> = Vec::new();
        super::routes::visit_stmts(&def.body, &mut |inner| {
            let Stmt::If(branch) = inner else { return };
            let mut branch_stops = false;
            super::routes::visit_stmts(&branch.body, &mut |s| branch_stops |= stops_here(s));
            if !branch_stops {
                return;
            }
            let Some(sentinel) = missing_sentinel(&branch.test) else {
                return;
            };
            if let super::value::Value::Str(text) = model.value(sentinel, &at) {
                let test = module.file.slice(branch.test.range());
                sentinels.push((
                    text.into_bytes(),
                    StartupGuard {
                        place: format!(
                            "{}:{}",
                            module.file.display_path(),
                            module.file.position(inner.start()).line
                        ),
                        everywhere: !is_dev_name(test),
                    },
                ));
            }
        });
        let mut fallbacks: Vec<Vec<u8>> = Vec::new();
        // Donation-Platform's `_validate_production_config(config)`: `if
        // config.get("SECRET_KEY") == "dev-secret-key-change-in-production":
        // errors.append(...)`, then `if errors: raise RuntimeError(...)`. A branch that records
        // an error in a list whose test stops refuses the literal (one that stops by itself is
        // a start-up guard, found as such).
        let stopping_lists: Vec<&str> = {
            let mut lists = Vec::new();
            super::routes::visit_stmts(&def.body, &mut |inner| {
                if let Stmt::If(branch) = inner
                    && let Expr::Name(list) = branch.test.as_ref()
                    && branch.body.iter().any(stops_here)
                {
                    lists.push(list.id.as_str());
                }
            });
            lists
        };
        super::routes::visit_stmts(&def.body, &mut |inner| {
            let Stmt::If(branch) = inner else { return };
            let records_an_error = branch.body.iter().any(|stmt| {
                matches!(stmt, Stmt::Expr(expr) if matches!(expr.value.as_ref(), Expr::Call(call)
                        if matches!(call.func.as_ref(), Expr::Attribute(append)
                            if matches!(append.attr.as_str(), "append" | "add")
                                && matches!(append.value.as_ref(), Expr::Name(list)
                                    if stopping_lists.contains(&list.id.as_str())))))
            });
            if records_an_error {
                fallbacks.extend(refused_secrets(model, &branch.test, &at, false));
            }
        });
        super::routes::any_expr(&def.body, &mut |e| {
            if let Expr::Call(call) = e
                && let Some(variable) = environment_presence(model, e, &at)
                && is_secret_key(&variable.to_ascii_uppercase())
                && let Some(Expr::StringLiteral(fallback)) = call.arguments.args.get(1)
            {
                fallbacks.push(fallback.value.to_str().as_bytes().to_vec());
            }
            false
        });
        if fallbacks.is_empty() && sentinels.is_empty() {
            continue;
        }
        let called = model.modules.iter().any(|other| {
            let text: &str = &other.file.text;
            super::references::whole_words(text, name)
                .any(|at| text[at + name.len()..].starts_with('(') && !text[..at].ends_with("def "))
        });
        if !called {
            continue;
        }
        let guard = StartupGuard {
            place: format!(
                "{}:{}",
                module.file.display_path(),
                module.file.position(def.start()).line
            ),
            everywhere: false,
        };
        for fallback in fallbacks {
            guards.push((Refused::Literal(fallback), index, guard.clone()));
        }
        for (sentinel, guard) in sentinels {
            guards.push((Refused::Literal(sentinel), index, guard));
        }
    }
    guards
}

/// The sentinel of a "setting is missing" test: `config.get(key, MISSING) == MISSING` (or `is`),
/// either way round: a lookup whose default is the very name it is compared with.
fn missing_sentinel(test: &Expr) -> Option<&Expr> {
    let Expr::Compare(compare) = test else {
        return None;
    };
    let (Some(ast::CmpOp::Eq | ast::CmpOp::Is), [right]) =
        (compare.ops.first(), compare.comparators.as_ref())
    else {
        return None;
    };
    fn default_of(lookup: &Expr) -> Option<&str> {
        match lookup {
            Expr::Call(call) if super::records::callee_last(&call.func) == Some("get") => {
                match call.arguments.args.get(1) {
                    Some(Expr::Name(name)) => Some(name.id.as_str()),
                    _ => None,
                }
            }
            _ => None,
        }
    }
    fn named(expr: &Expr) -> Option<&str> {
        match expr {
            Expr::Name(name) => Some(name.id.as_str()),
            _ => None,
        }
    }
    let left = compare.left.as_ref();
    if default_of(left).is_some() && default_of(left) == named(right) {
        Some(right)
    } else if default_of(right).is_some() && default_of(right) == named(left) {
        Some(left)
    } else {
        None
    }
}

/// Whether a branch stops the application: it raises or exits (perhaps after letting
/// development through), itself or through a project function whose own statements
/// unconditionally do (otterwiki's `fatal_error(msg)`: print, then `sys.exit(1)`).
fn stops_start_up(
    model: &ProjectModel<'_>,
    at: &At<'_, '_>,
    branch: &[Stmt],
    exiting_helpers: &HashSet<&str>,
) -> bool {
    let mut stops = false;
    super::routes::visit_stmts(branch, &mut |stmt| {
        if stops_here(stmt) {
            stops = true;
        } else if let Stmt::Expr(expr) = stmt
            && let Expr::Call(call) = expr.value.as_ref()
            && super::records::callee_last(&call.func)
                .is_some_and(|name| exiting_helpers.contains(name))
        {
            // An imported helper, or one of this module (which resolves to no import).
            let (module, name) = match model.qualified_name(&call.func, at) {
                Some(qualified) => match model.split_module(&qualified) {
                    Some((module, name)) => (module, name.to_string()),
                    None => return,
                },
                None => match call.func.as_ref() {
                    Expr::Name(name) => (at.module, name.id.to_string()),
                    _ => return,
                },
            };
            stops |= model.modules[module].file.module().body.iter().any(|stmt| {
                matches!(stmt, Stmt::FunctionDef(def)
                    if def.name.as_str() == name && def.body.iter().any(stops_here))
            });
        }
    });
    stops
}

/// `raise ...`, `sys.exit(...)`, `os._exit(...)`, `quit()`.
fn stops_here(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Raise(_) => true,
        Stmt::Expr(expr) => matches!(expr.value.as_ref(), Expr::Call(call)
            if matches!(super::records::callee_last(&call.func), Some("exit" | "_exit" | "quit"))),
        _ => false,
    }
}

/// The literals a test compares a secret with so that the test holds when the secret is one
/// of them: `SECRET == "dev"`, `SECRET in ("dev", X)`, or for an `assert`, `SECRET != "dev"`.
fn refused_secrets(
    model: &ProjectModel<'_>,
    test: &Expr,
    at: &At<'_, '_>,
    is_assert: bool,
) -> Vec<Vec<u8>> {
    let mut refused = Vec::new();
    super::routes::expr_contains(test, &mut |e| {
        let Expr::Compare(compare) = e else {
            return false;
        };
        let (Some(op), [right]) = (compare.ops.first(), compare.comparators.as_ref()) else {
            return false;
        };
        let left = compare.left.as_ref();
        let wanted = if is_assert {
            matches!(
                op,
                ast::CmpOp::NotEq | ast::CmpOp::IsNot | ast::CmpOp::NotIn
            )
        } else {
            matches!(op, ast::CmpOp::Eq | ast::CmpOp::Is | ast::CmpOp::In)
        };
        if !wanted {
            return false;
        }
        let literal = if reads_secret(left) {
            right
        } else if reads_secret(right) && !matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            left
        } else {
            return false;
        };
        let candidates: Vec<&Expr> = match literal {
            Expr::Tuple(tuple) => tuple.elts.iter().collect(),
            Expr::List(list) => list.elts.iter().collect(),
            Expr::Set(set) => set.elts.iter().collect(),
            other => vec![other],
        };
        for candidate in candidates {
            match candidate {
                Expr::BytesLiteral(bytes) => {
                    refused.push(bytes.value.bytes().collect::<Vec<u8>>());
                }
                other => {
                    if let super::value::Value::Str(text) = model.value(other, at) {
                        refused.push(text.into_bytes());
                    }
                }
            }
        }
        false
    });
    refused
}

/// `app.config["SECRET_KEY"]`, `app.config.get("SECRET_KEY")`, `app.secret_key`,
/// `settings.JWT_SECRET_KEY`, `SECRET_KEY`.
fn reads_secret(expr: &Expr) -> bool {
    match expr {
        Expr::Subscript(subscript) => {
            string_literal(&subscript.slice).is_some_and(|key| is_secret_key(&key))
        }
        Expr::Call(call) => {
            matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "get")
                && call
                    .arguments
                    .args
                    .first()
                    .and_then(string_literal)
                    .is_some_and(|key| is_secret_key(&key))
        }
        Expr::Attribute(attribute) => is_secret_key(&attribute.attr.as_str().to_ascii_uppercase()),
        Expr::Name(name) => is_secret_key(&name.id.as_str().to_ascii_uppercase()),
        _ => false,
    }
}

/// The literal secret a value holds or falls back to.
fn secret_site(value: &ConfigValue, used_as: &str, setting: &str) -> Option<SecretSite> {
    let variable = setting;
    let (literal, lookup, variable) = match value {
        ConfigValue::Literal(literal) => (literal, None, variable.to_string()),
        ConfigValue::Environment(lookup) => (
            lookup.default.as_ref()?,
            Some(lookup.range),
            lookup
                .variable
                .clone()
                .unwrap_or_else(|| variable.to_string()),
        ),
        _ => return None,
    };
    let bytes = literal.bytes.as_ref()?;
    // An empty key is no secret: Flask refuses to sign sessions with it and Flask-JWT-Extended
    // refuses to start; what runs then is not a secret anyone can read in the source.
    if bytes.is_empty() {
        return None;
    }
    // A fix replaces the whole lookup only when the default is written inside it; a default
    // that is a constant elsewhere is replaced where it is written.
    let fallback = lookup.is_some();
    let lookup = lookup.filter(|range| range.contains_range(literal.range));
    Some(SecretSite {
        module: literal.module,
        range: literal.range,
        bytes: bytes.clone(),
        used_as: used_as.to_string(),
        variable,
        setting: setting.to_string(),
        fallback,
        lookup,
        startup_guard: None,
        flask_key_set_in: None,
        replaced_at: None,
    })
}

/// The call that makes a value: `token_urlsafe()`, `os.urandom(24).hex()`,
/// `str(uuid.uuid4())`.
fn random_call(value: &Expr) -> Option<&ast::ExprCall> {
    let Expr::Call(call) = value else {
        return None;
    };
    match call.func.as_ref() {
        // `os.urandom(24).hex()`
        Expr::Attribute(method) if matches!(method.value.as_ref(), Expr::Call(_)) => {
            random_call(&method.value)
        }
        // `str(uuid.uuid4())`
        Expr::Name(name) if name.id.as_str() == "str" => random_call(call.arguments.args.first()?),
        _ => Some(call),
    }
}

/// The key argument of a JWT call.
fn jwt_key<'a>(call: &JwtCall<'a>) -> Option<&'a Expr> {
    match call.operation {
        Operation::Decode => call.decode_arguments().key,
        Operation::Encode => {
            let position = if call.library == Library::Authlib {
                2
            } else {
                1
            };
            let args = &call.call.arguments.args;
            let positional = if args
                .iter()
                .take(position + 1)
                .any(|a| matches!(a, Expr::Starred(_)))
            {
                None
            } else {
                args.get(position)
            };
            call.keyword("key").or(positional)
        }
    }
}

/// `X.config["K"]` or `X.config.get("K", ...)`: the key read.
fn config_read(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Subscript(subscript) if is_config_object(&subscript.value) => {
            string_literal(&subscript.slice)
        }
        Expr::Call(call) => {
            let Expr::Attribute(attribute) = call.func.as_ref() else {
                return None;
            };
            if attribute.attr.as_str() != "get" || !is_config_object(&attribute.value) {
                return None;
            }
            string_literal(call.arguments.args.first()?)
        }
        _ => None,
    }
}

/// `config_read`, also of a local name assigned once from a config read in the scope `at`
/// looks from (`key = app.config["ITSDANGEROUSKEY"]` then `Serializer(key)`).
fn config_read_through_local(
    model: &ProjectModel<'_>,
    expr: &Expr,
    at: &At<'_, '_>,
) -> Option<String> {
    config_read(expr).or_else(|| {
        let Expr::Name(name) = expr else {
            return None;
        };
        match model.lookup(at, name.id.as_str())? {
            ([super::scope::Binding::Assign(value)], _) => config_read(value),
            _ => None,
        }
    })
}

/// `something.config`: Flask's config object on an app, `current_app` or `self.app`.
fn is_config_object(expr: &Expr) -> bool {
    matches!(expr, Expr::Attribute(attribute) if attribute.attr.as_str() == "config")
}

/// `SECRET_KEY`, `JWT_SECRET_KEY`, `WTF_CSRF_SECRET_KEY`, `JWT_SECRET`, `JWT_PRIVATE_KEY`, and
/// any `*_JWT_SECRET` (superset's `GUEST_TOKEN_JWT_SECRET` signs guest tokens).
pub fn is_secret_key(key: &str) -> bool {
    key == "SECRET_KEY"
        // `OPEN_ID_CLIENT_SECRET_KEY` is an OAuth client's secret, sent to the identity
        // provider: a credential (FL305), not a key the app signs with; so is a payment or
        // mail provider's `STRIPE_SECRET_KEY`, `RECAPTCHA_SECRET_KEY`.
        || key
            .strip_suffix("_SECRET_KEY")
            .is_some_and(|prefix| !prefix.ends_with("CLIENT") && !names_another_service(prefix))
        || key == "JWT_SECRET"
        || key.ends_with("_JWT_SECRET")
        || key == "JWT_PRIVATE_KEY"
}

/// A setting prefix naming a service the app calls with its own API credential, whose "secret
/// key" is that credential (Stripe's `sk_live_...`, reCAPTCHA's site secret, an S3 secret).
fn names_another_service(prefix: &str) -> bool {
    const SERVICES: &[&str] = &[
        "STRIPE",
        "PAYSTACK",
        "FLUTTERWAVE",
        "RAZORPAY",
        "PAYPAL",
        "BRAINTREE",
        "SQUARE",
        "PAYMOB",
        "MPESA",
        "MOLLIE",
        "ADYEN",
        "RECAPTCHA",
        "HCAPTCHA",
        "TURNSTILE",
        "AWS",
        "S3",
        "MINIO",
        "CLOUDINARY",
        "TWILIO",
        "SENDGRID",
        "MAILGUN",
        "MAILCHIMP",
        "PUSHER",
        "ALGOLIA",
        "OPENAI",
        "SUPABASE",
        "FIREBASE",
    ];
    prefix.split('_').any(|word| SERVICES.contains(&word))
}

/// A setting named for a credential that is not a signing secret (FL301's): `MAIL_PASSWORD`,
/// `STRIPE_API_KEY`, `GITHUB_TOKEN`, `GOOGLE_CLIENT_SECRET`, `AWS_SECRET_ACCESS_KEY`,
/// `SECURITY_PASSWORD_SALT`. Not `SECURITY_PASSWORD_HASH`, `JWT_TOKEN_LOCATION` or
/// `JWT_ACCESS_TOKEN_EXPIRES`: the name must end in the credential word.
pub fn is_credential_key(key: &str) -> bool {
    if is_secret_key(key) {
        return false;
    }
    matches!(
        key,
        "PASSWORD"
            | "PASSWD"
            | "API_KEY"
            | "APIKEY"
            | "TOKEN"
            | "SECRET"
            | "AWS_SECRET_ACCESS_KEY"
            | "SECURITY_PASSWORD_SALT"
            | "PEPPER"
    ) || [
        "_PASSWORD",
        "_PASSWD",
        "_PASS",
        "_PWD",
        "_API_KEY",
        "_APIKEY",
        "_API_SECRET",
        "_TOKEN",
        "_SECRET",
        "_PRIVATE_KEY",
        "_SECRET_ACCESS_KEY",
        "_AUTH_KEY",
        // An OAuth client's secret, named as a key (`OPEN_ID_CLIENT_SECRET_KEY`).
        "_CLIENT_SECRET_KEY",
        // A pepper is a secret mixed into password hashes (privacyidea's `PI_PEPPER`).
        "_PEPPER",
    ]
    .iter()
    .any(|suffix| key.ends_with(suffix))
        || password_for_a_service(key)
        // `STRIPE_SECRET_KEY`, `MINIO_SECRET_KEY`: another service's credential.
        || key
            .strip_suffix("_SECRET_KEY")
            .is_some_and(names_another_service)
}

/// `PASSWORD_BY_MAIL` (Clinic_03's SMTP login), `PASSWORD_FOR_SMTP`, `PASSWD_DB`: a password named
/// first and the service it opens after it. Settings about passwords (`PASSWORD_MIN_LENGTH`,
/// `PASSWORD_RESET_TIMEOUT`, `PASSWORD_HASH`) name no service and stay settings.
fn password_for_a_service(key: &str) -> bool {
    let Some(rest) = ["PASSWORD_", "PASSWD_", "PWD_"]
        .iter()
        .find_map(|prefix| key.strip_prefix(prefix))
    else {
        return false;
    };
    let service = rest
        .strip_prefix("BY_")
        .or_else(|| rest.strip_prefix("FOR_"))
        .or_else(|| rest.strip_prefix("OF_"))
        .unwrap_or(rest);
    matches!(
        service,
        "MAIL"
            | "EMAIL"
            | "SMTP"
            | "IMAP"
            | "DB"
            | "DATABASE"
            | "POSTGRES"
            | "MYSQL"
            | "REDIS"
            | "LDAP"
            | "FTP"
            | "ADMIN"
            | "ROOT"
    )
}

/// A module-level dict of settings: `DEFAULT_CONFIG`, `SETTINGS`, `APP_DEFAULTS`.
fn is_settings_table_name(name: &str) -> bool {
    is_constant_name(name)
        && name
            .split('_')
            .any(|word| matches!(word, "CONFIG" | "SETTINGS" | "DEFAULTS" | "CONF"))
}

/// A setting named for a connection string: `SQLALCHEMY_DATABASE_URI`, `DATABASE_URL`,
/// `CELERY_BROKER_URL`, `SENTRY_DSN`.
pub fn is_connection_key(key: &str) -> bool {
    key.ends_with("_URI") || key.ends_with("_URL") || key.ends_with("_DSN") || key == "DSN"
}

/// `API_KEY`, `JWT_SECRET`: an upper-case name with a letter in it, as settings and module
/// constants are written.
pub(crate) fn is_constant_name(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase())
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// A PEM public key or certificate: verifying with it is what it is for.
fn is_public_key(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    text.contains("BEGIN PUBLIC KEY")
        || text.contains("BEGIN RSA PUBLIC KEY")
        || text.contains("BEGIN CERTIFICATE")
        || text.starts_with("ssh-")
}

/// The statically known value of `expr` evaluated at `at`, classified.
pub fn classify<'a>(model: &ProjectModel<'a>, expr: &'a Expr, at: &At<'_, 'a>) -> ConfigValue {
    classify_depth(model, expr, at, 0)
}

fn classify_depth<'a>(
    model: &ProjectModel<'a>,
    expr: &'a Expr,
    at: &At<'_, 'a>,
    depth: usize,
) -> ConfigValue {
    if depth > MAX_DEPTH {
        return ConfigValue::Unknown;
    }
    let literal = |value: Value, bytes: Option<Vec<u8>>| {
        ConfigValue::Literal(Literal {
            value,
            bytes,
            module: at.module,
            range: expr.range(),
        })
    };
    match expr {
        Expr::StringLiteral(string) => {
            let text = string.value.to_str();
            literal(Value::Str(text.to_string()), Some(text.as_bytes().to_vec()))
        }
        Expr::BytesLiteral(bytes) => {
            let bytes: Vec<u8> = bytes.value.bytes().collect();
            literal(
                Value::Str(String::from_utf8_lossy(&bytes).into_owned()),
                Some(bytes),
            )
        }
        Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::NumberLiteral(_)
        | Expr::List(_)
        | Expr::Tuple(_)
        | Expr::Set(_)
        | Expr::Dict(_) => match model.value(expr, at) {
            Value::Unknown => ConfigValue::Computed,
            value => literal(value, None),
        },
        Expr::Name(name) => {
            let Some((bindings, found_at)) = model.lookup(at, name.id.as_str()) else {
                return ConfigValue::Unknown;
            };
            match bindings {
                [Binding::Assign(value)] => classify_depth(model, value, &found_at, depth + 1),
                [Binding::Import(qualified)] => {
                    classify_qualified(model, &model.canonical(qualified), depth + 1)
                }
                [Binding::Opaque] if found_at.scope.is_some() => {
                    click_option_default(model, found_at.module, name, depth)
                        .unwrap_or(ConfigValue::Unknown)
                }
                _ => ConfigValue::Unknown,
            }
        }
        Expr::Attribute(attribute) => match model.qualified_name(expr, at) {
            Some(qualified) => classify_qualified(model, &qualified, depth + 1),
            // `Config.FLASK_ENV` of a class defined in the module itself: a local class has no
            // import to name it by.
            None => match attribute.value.as_ref() {
                Expr::Name(class) => match model.lookup(at, class.id.as_str()) {
                    Some(([Binding::Opaque], found_at)) if found_at.scope.is_none() => {
                        let class_name = crate::paths::dotted(
                            &model.modules[found_at.module].name,
                            class.id.as_str(),
                        );
                        let qualified = crate::paths::dotted(&class_name, attribute.attr.as_str());
                        classify_qualified(model, &qualified, depth + 1)
                    }
                    _ => ConfigValue::Unknown,
                },
                _ => ConfigValue::Unknown,
            },
        },
        Expr::Subscript(subscript) => {
            let mapping = model.qualified_name(&subscript.value, at);
            if matches!(
                mapping.as_deref(),
                Some("os.environ" | "dotenv.dotenv_values()" | "dotenv.main.dotenv_values()")
            ) {
                ConfigValue::Environment(EnvLookup {
                    variable: string_literal(&subscript.slice),
                    default: None,
                    module: at.module,
                    range: expr.range(),
                    text: true,
                })
            } else {
                ConfigValue::Unknown
            }
        }
        Expr::Call(call) => {
            let callee = model.qualified_name(&call.func, at);
            match callee.as_deref() {
                Some(callee) if is_environment_reader(callee) => {
                    let default = call
                        .arguments
                        .args
                        .get(1)
                        .or_else(|| keyword(call, "default"));
                    let default =
                        default.and_then(|d| match classify_depth(model, d, at, depth + 1) {
                            ConfigValue::Literal(literal) if literal.value != Value::None => {
                                Some(literal)
                            }
                            _ => None,
                        });
                    ConfigValue::Environment(EnvLookup {
                        variable: call.arguments.args.first().and_then(string_literal),
                        default,
                        module: at.module,
                        range: expr.range(),
                        text: returns_text(callee),
                    })
                }
                Some("datetime.timedelta") => timedelta_seconds(model, call, at)
                    .map_or(ConfigValue::Computed, ConfigValue::Duration),
                _ => ConfigValue::Computed,
            }
        }
        Expr::Compare(compare) => environment_comparison(model, compare, at, depth)
            .map_or(ConfigValue::Computed, ConfigValue::Environment),
        Expr::BoolOp(bool_op) if bool_op.op == ast::BoolOp::Or => {
            // `os.environ.get("K") or "fallback"`: the fallback runs when the variable is unset.
            let (Some(first), Some(last)) = (bool_op.values.first(), bool_op.values.last()) else {
                return ConfigValue::Computed;
            };
            let ConfigValue::Environment(lookup) = classify_depth(model, first, at, depth + 1)
            else {
                return ConfigValue::Computed;
            };
            let default = match classify_depth(model, last, at, depth + 1) {
                ConfigValue::Literal(literal) => Some(literal),
                _ => lookup.default,
            };
            ConfigValue::Environment(EnvLookup {
                variable: lookup.variable,
                default,
                module: at.module,
                range: expr.range(),
                text: lookup.text,
            })
        }
        _ => ConfigValue::Computed,
    }
}

/// A switch computed from a variable's text (`os.environ.get("FLASK_ENV", "development") ==
/// "development"`, `os.getenv("DEBUG", "true").lower() in ("1", "true")`): a lookup whose
/// default is what the comparison gives while the variable is unset, and whose value is a
/// boolean, not text. Only a comparison of the lookup (through case and whitespace methods)
/// with string literals is evaluated.
fn environment_comparison<'a>(
    model: &ProjectModel<'a>,
    compare: &'a ast::ExprCompare,
    at: &At<'_, 'a>,
    depth: usize,
) -> Option<EnvLookup> {
    let ([op], [right]) = (compare.ops.as_ref(), compare.comparators.as_ref()) else {
        return None;
    };
    let (lookup_side, literal_side) = match (compare.left.as_ref(), right) {
        (left, Expr::StringLiteral(_) | Expr::Tuple(_) | Expr::List(_) | Expr::Set(_)) => {
            (left, right)
        }
        (Expr::StringLiteral(_), right) if matches!(op, ast::CmpOp::Eq | ast::CmpOp::NotEq) => {
            (right, compare.left.as_ref())
        }
        _ => return None,
    };
    // `.lower()`, `.strip().upper()`: the comparison is of the converted text.
    let mut looked_up = lookup_side;
    let mut convert: Vec<&str> = Vec::new();
    while let Expr::Call(call) = looked_up
        && call.arguments.is_empty()
        && let Expr::Attribute(method) = call.func.as_ref()
        && matches!(
            method.attr.as_str(),
            "lower" | "upper" | "casefold" | "strip" | "lstrip" | "rstrip"
        )
    {
        convert.push(method.attr.as_str());
        looked_up = &method.value;
    }
    let ConfigValue::Environment(lookup) = classify_depth(model, looked_up, at, depth + 1) else {
        return None;
    };
    if !lookup.text {
        return None;
    }
    let mut default = match lookup.default.as_ref().map(|literal| &literal.value) {
        Some(Value::Str(text)) => text.clone(),
        // `os.environ.get("FLASK_ENV")` unset is `None`: `None == "development"` is false, and
        // a method call on it raises; no default to evaluate either way.
        _ => return None,
    };
    for method in convert.iter().rev() {
        default = match *method {
            "lower" | "casefold" => default.to_lowercase(),
            "upper" => default.to_uppercase(),
            "strip" => default.trim().to_string(),
            "lstrip" => default.trim_start().to_string(),
            _ => default.trim_end().to_string(),
        };
    }
    let candidates: Vec<String> = match literal_side {
        Expr::StringLiteral(text) => vec![text.value.to_str().to_string()],
        Expr::Tuple(ast::ExprTuple { elts, .. })
        | Expr::List(ast::ExprList { elts, .. })
        | Expr::Set(ast::ExprSet { elts, .. }) => elts
            .iter()
            .map(string_literal)
            .collect::<Option<Vec<String>>>()?,
        _ => return None,
    };
    let result = match op {
        ast::CmpOp::Eq if candidates.len() == 1 => default == candidates[0],
        ast::CmpOp::NotEq if candidates.len() == 1 => default != candidates[0],
        ast::CmpOp::In if matches!(literal_side, Expr::StringLiteral(_)) => {
            candidates[0].contains(&default)
        }
        ast::CmpOp::In => candidates.contains(&default),
        ast::CmpOp::NotIn if !matches!(literal_side, Expr::StringLiteral(_)) => {
            !candidates.contains(&default)
        }
        _ => return None,
    };
    let range = compare.range();
    Some(EnvLookup {
        variable: lookup.variable,
        default: Some(Literal {
            value: Value::Bool(result),
            bytes: None,
            module: at.module,
            range,
        }),
        module: at.module,
        range,
        text: false,
    })
}

/// A parameter that a `click.option` fills (`@click.option("--secret-key",
/// envvar="SECRET_KEY", default="development")` over `def main(secret_key)`, kube-ops-view):
/// the option's default runs wherever neither the flag nor the variable is given, as an
/// environment lookup's fallback does. The lookup's range is the parameter's use, so no fix
/// rewrites the option.
fn click_option_default<'a>(
    model: &ProjectModel<'a>,
    module: usize,
    name: &'a ast::ExprName,
    depth: usize,
) -> Option<ConfigValue> {
    let body = &model.modules.get(module)?.file.module().body;
    let function = innermost_function(body, name.range)?;
    let parameter = name.id.as_str();
    function
        .parameters
        .iter_non_variadic_params()
        .find(|p| p.parameter.name.as_str() == parameter)?;
    let top = At::top(module);
    function.decorator_list.iter().find_map(|decorator| {
        let Expr::Call(option) = &decorator.expression else {
            return None;
        };
        if model.qualified_name(&option.func, &top).as_deref() != Some("click.option") {
            return None;
        }
        let flags: Vec<&str> = option
            .arguments
            .args
            .iter()
            .filter_map(|a| match a {
                Expr::StringLiteral(s) => Some(s.value.to_str()),
                _ => None,
            })
            .collect();
        // Click names the parameter by a declaration without dashes, else by the longest flag.
        let longest = flags.iter().max_by_key(|f| f.len());
        let declared = flags
            .iter()
            .find(|f| !f.starts_with('-'))
            .map(|f| f.to_string())
            .or_else(|| {
                longest.map(|f| {
                    f.trim_start_matches('-')
                        .replace('-', "_")
                        .to_ascii_lowercase()
                })
            })?;
        if declared != parameter {
            return None;
        }
        let default = keyword(option, "default")?;
        let ConfigValue::Literal(literal) = classify_depth(model, default, &top, depth + 1) else {
            return None;
        };
        if literal.value == Value::None {
            return None;
        }
        let variable = keyword(option, "envvar")
            .and_then(string_literal)
            .or_else(|| longest.map(|f| f.to_string()));
        Some(ConfigValue::Environment(EnvLookup {
            variable,
            default: Some(literal),
            module,
            range: name.range,
            text: false,
        }))
    })
}

/// The innermost function of `body` (methods and nested functions included) whose body holds
/// `range`.
fn innermost_function(body: &[Stmt], range: TextRange) -> Option<&ast::StmtFunctionDef> {
    body.iter().find_map(|stmt| match stmt {
        Stmt::FunctionDef(def) if def.range.contains_range(range) => {
            innermost_function(&def.body, range).or(Some(def))
        }
        Stmt::ClassDef(class) if class.range.contains_range(range) => {
            innermost_function(&class.body, range)
        }
        _ => None,
    })
}

/// A call that reads an environment variable and takes its fallback second (or as `default=`):
/// `os.environ.get` / `os.getenv` / `os.environ.setdefault`, python-decouple's `config("K", default=...)` (and `AutoConfig()` / `Config(...)`
/// instances), environs' `env("K", ...)` / `env.str("K", ...)`, and `.get("K", ...)` on a
/// `dotenv_values()` mapping.
/// An environment reader that hands back the variable's text unconverted.
fn returns_text(callee: &str) -> bool {
    matches!(
        callee,
        "os.environ.get"
            | "os.getenv"
            | "os.environ.setdefault"
            | "dotenv.dotenv_values().get"
            | "dotenv.main.dotenv_values().get"
    )
}

pub(crate) fn is_environment_reader(callee: &str) -> bool {
    matches!(
        callee,
        "os.environ.get"
            | "os.getenv"
            | "os.environ.setdefault"
            | "decouple.config"
            | "decouple.AutoConfig()"
            | "decouple.Config()"
            | "environs.Env()"
            | "dotenv.dotenv_values().get"
            | "dotenv.main.dotenv_values().get"
    ) || callee
        .strip_prefix("environs.Env().")
        .is_some_and(|method| {
            matches!(
                method,
                "str" | "int" | "bool" | "float" | "decimal" | "list" | "dict" | "json" | "url"
            )
        })
}

/// A module-level name (`config.SECRET_KEY`) or a class attribute (`config.Config.SECRET_KEY`)
/// of a project module.
fn classify_qualified<'a>(model: &ProjectModel<'a>, qualified: &str, depth: usize) -> ConfigValue {
    if depth > MAX_DEPTH {
        return ConfigValue::Unknown;
    }
    let Some((module, rest)) = model.split_module(qualified) else {
        return ConfigValue::Unknown;
    };
    let at = At::top(module);
    match rest.split_once('.') {
        None => match model.modules[module].scope.get(rest) {
            Some([Binding::Assign(value)]) => classify_depth(model, value, &at, depth + 1),
            Some([Binding::Import(target)]) => {
                classify_qualified(model, &model.canonical(target), depth + 1)
            }
            _ => ConfigValue::Unknown,
        },
        Some((class_name, attribute)) if !attribute.contains('.') => {
            let body = &model.modules[module].file.module().body;
            let class = body.iter().find_map(|stmt| match stmt {
                Stmt::ClassDef(class) if class.name.as_str() == class_name => Some(class),
                _ => None,
            });
            let Some(class) = class else {
                return ConfigValue::Unknown;
            };
            let mut scope = Scope::default();
            let importer = super::Importer {
                package: &model.modules[module].package,
                names: model.names,
            };
            scope.collect(&class.body, importer);
            match scope.get(attribute) {
                // Class attributes refer to module names (the class scope is gone by the time
                // anyone reads the attribute), so evaluate at module level.
                Some([Binding::Assign(value)]) => classify_depth(model, value, &at, depth + 1),
                _ => ConfigValue::Unknown,
            }
        }
        Some(_) => ConfigValue::Unknown,
    }
}

fn keyword<'a>(call: &'a ast::ExprCall, name: &str) -> Option<&'a Expr> {
    call.arguments
        .keywords
        .iter()
        .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == name))
        .map(|k| &k.value)
}

/// `timedelta(days=1, hours=2)` in seconds, when every argument is a known integer.
fn timedelta_seconds(
    model: &ProjectModel<'_>,
    call: &ast::ExprCall,
    at: &At<'_, '_>,
) -> Option<i64> {
    // Positional order of `datetime.timedelta`.
    const POSITIONAL: [(&str, i64); 7] = [
        ("days", 86_400),
        ("seconds", 1),
        ("microseconds", 0),
        ("milliseconds", 0),
        ("minutes", 60),
        ("hours", 3_600),
        ("weeks", 604_800),
    ];
    let mut total: i64 = 0;
    for (index, argument) in call.arguments.args.iter().enumerate() {
        let (_, unit) = POSITIONAL.get(index)?;
        let Value::Int(n) = model.value(argument, at) else {
            return None;
        };
        total = total.checked_add(n.checked_mul(*unit)?)?;
    }
    for keyword in &call.arguments.keywords {
        let name = keyword.arg.as_ref()?.as_str();
        let (_, unit) = POSITIONAL.iter().find(|(n, _)| *n == name)?;
        let Value::Int(n) = model.value(&keyword.value, at) else {
            return None;
        };
        total = total.checked_add(n.checked_mul(*unit)?)?;
    }
    Some(total)
}

/// A class seen in some module, for inheritance.
#[derive(Debug)]
struct ClassRecord {
    module: usize,
    name: String,
    /// Resolved bases inside the project: (module, class name).
    bases: Vec<(usize, String)>,
    /// Upper-case attributes the class body assigns.
    keys: HashSet<String>,
    /// Named like a config class, or assigns a well-known Flask key.
    config_like: bool,
    /// Its docstring says it is for development or tests, not production (ga4gh-server's
    /// `ComplianceConfig`: "Configuration used for compliance testing").
    documented_for_development: bool,
}

type ClassKey = (usize, String);

/// The inheritance graph of the project's classes.
struct Hierarchy<'c> {
    classes: &'c HashMap<ClassKey, ClassRecord>,
    children: HashMap<ClassKey, Vec<ClassKey>>,
    test_modules: &'c [bool],
}

impl<'c> Hierarchy<'c> {
    fn new(classes: &'c HashMap<ClassKey, ClassRecord>, test_modules: &'c [bool]) -> Hierarchy<'c> {
        let mut children: HashMap<ClassKey, Vec<ClassKey>> = HashMap::default();
        for (key, class) in classes {
            for base in &class.bases {
                if classes.contains_key(base) {
                    children.entry(base.clone()).or_default().push(key.clone());
                }
            }
        }
        for list in children.values_mut() {
            list.sort();
        }
        Hierarchy {
            classes,
            children,
            test_modules,
        }
    }

    /// A config class: named or shaped like one, or inheriting from one.
    fn is_config(&self, key: &ClassKey) -> bool {
        let mut stack = vec![key.clone()];
        let mut seen = HashSet::default();
        while let Some(key) = stack.pop() {
            if !seen.insert(key.clone()) || seen.len() > 64 {
                continue;
            }
            let Some(class) = self.classes.get(&key) else {
                continue;
            };
            if class.config_like {
                return true;
            }
            stack.extend(class.bases.iter().cloned());
        }
        false
    }

    /// A class production may select: not named or documented as a development or test
    /// config, and not defined in test code.
    fn is_production(&self, key: &ClassKey) -> bool {
        !is_dev_name(&key.1)
            && !self
                .classes
                .get(key)
                .is_some_and(|class| class.documented_for_development)
            && !self.test_modules.get(key.0).copied().unwrap_or(false)
    }

    /// Whether `key`'s value for `setting` reaches only development/test classes. The classes
    /// that get it are the one defining it and its subclasses that do not override it; one of
    /// them is production's when it is a production class and no production class derives from
    /// it (a base with a `ProductionConfig` subclass is used through that subclass; a base whose
    /// only subclasses are `DevelopmentConfig` and `TestingConfig` is production's own).
    fn dev_only(&self, key: &ClassKey, setting: &str) -> bool {
        let mut stack = vec![key.clone()];
        let mut seen = HashSet::default();
        while let Some(current) = stack.pop() {
            if !seen.insert(current.clone()) || seen.len() > 256 {
                continue;
            }
            let children = self.children.get(&current).map_or(&[][..], Vec::as_slice);
            if self.is_production(&current) && !children.iter().any(|c| self.is_production(c)) {
                return false;
            }
            stack.extend(
                children
                    .iter()
                    .filter(|child| {
                        self.classes
                            .get(*child)
                            .is_some_and(|c| !c.keys.contains(setting))
                    })
                    .cloned(),
            );
        }
        true
    }
}

/// What one file contributes.
#[derive(Default)]
struct FileConfig<'a> {
    /// With the class the entry is an attribute of, for class attributes.
    entries: Vec<(ConfigEntry<'a>, Option<ClassKey>)>,
    classes: Vec<ClassRecord>,
    jwt_managers: Vec<(usize, TextRange)>,
    server_runs: Vec<ServerRun>,
    config_debug_servers: Vec<ConfigDebugServer>,
    loaded_files: Vec<LoadedSettings>,
    connections: Vec<Connection>,
    signing_keys: Vec<SigningKeyUse>,
}

/// A key passed to a signer that is not a JWT library: itsdangerous, `hmac`.
struct SigningKeyUse {
    module: usize,
    value: ConfigValue,
    used_as: String,
    variable: String,
    /// The config key the key is read from, directly or through a local assigned once
    /// (pybossa's `key = app.config["ITSDANGEROUSKEY"]` then `URLSafeTimedSerializer(key)`).
    config_key: Option<String>,
}

/// What a call does with a secret or a credential, by its qualified name.
enum KeyedCall {
    /// Signs or verifies with its first argument (or `secret_key=` / `key=`).
    Signer,
    /// Connects with a URL first (or `url=` / `dsn=`), and maybe a `password=`.
    Connection,
}

fn keyed_call(callee: &str) -> Option<KeyedCall> {
    const SIGNERS: &[&str] = &[
        "itsdangerous.URLSafeTimedSerializer",
        "itsdangerous.URLSafeSerializer",
        "itsdangerous.TimedSerializer",
        "itsdangerous.Serializer",
        "itsdangerous.Signer",
        "itsdangerous.TimestampSigner",
        "itsdangerous.TimedJSONWebSignatureSerializer",
        "itsdangerous.JSONWebSignatureSerializer",
        "itsdangerous.url_safe.URLSafeTimedSerializer",
        "itsdangerous.url_safe.URLSafeSerializer",
        "itsdangerous.serializer.Serializer",
        "itsdangerous.timed.TimedSerializer",
        "itsdangerous.timed.TimestampSigner",
        "itsdangerous.signer.Signer",
        "hmac.new",
        "hmac.digest",
        "hmac.HMAC",
    ];
    const CONNECTIONS: &[&str] = &[
        "sqlalchemy.create_engine",
        "sqlalchemy.engine.create_engine",
        "sqlalchemy.ext.asyncio.create_async_engine",
        "psycopg2.connect",
        "psycopg.connect",
        "psycopg.AsyncConnection.connect",
        "pymysql.connect",
        "MySQLdb.connect",
        "mysql.connector.connect",
        "asyncpg.connect",
        "asyncpg.create_pool",
        "redis.Redis",
        "redis.StrictRedis",
        "redis.from_url",
        "redis.Redis.from_url",
        "redis.StrictRedis.from_url",
        "pymongo.MongoClient",
        "motor.motor_asyncio.AsyncIOMotorClient",
        "celery.Celery",
    ];
    if SIGNERS.contains(&callee) {
        Some(KeyedCall::Signer)
    } else if CONNECTIONS.contains(&callee) {
        Some(KeyedCall::Connection)
    } else {
        None
    }
}

/// Well-known Flask and extension keys: a class assigning one is a config class.
fn is_flask_key(key: &str) -> bool {
    matches!(
        key,
        "SECRET_KEY" | "DEBUG" | "TESTING" | "SESSION_COOKIE_SECURE" | "SERVER_NAME"
    ) || key.starts_with("JWT_")
        || key.starts_with("SQLALCHEMY_")
        || key.starts_with("SESSION_")
        || key.starts_with("MAIL_")
        || key.starts_with("CORS_")
        || is_secret_key(key)
}

/// The names assigned directly in `body` (a module's or a class's statements) that a later
/// direct assignment in `body` replaces, unless the later value reads the name
/// (`KEY = os.environ.get("KEY", KEY)` keeps the first as its fallback). An assignment inside
/// an `if` is not replaced by what follows it conditionally, nor does it replace.
fn overwritten_targets(body: &[Stmt]) -> HashSet<TextRange> {
    fn named_targets(stmt: &Stmt) -> Vec<&ast::ExprName> {
        let targets: Vec<&Expr> = match stmt {
            Stmt::Assign(assign) => assign.targets.iter().collect(),
            Stmt::AnnAssign(assign) if assign.value.is_some() => vec![assign.target.as_ref()],
            _ => Vec::new(),
        };
        targets
            .into_iter()
            .filter_map(|target| match target {
                Expr::Name(name) => Some(name),
                _ => None,
            })
            .collect()
    }
    // From the last statement up: whether some later statement assigns the name without
    // reading it. One walk of each assignment, whatever the body's length.
    let mut replaced_later: HashMap<&str, bool> = HashMap::default();
    let mut overwritten = HashSet::default();
    for stmt in body.iter().rev() {
        for name in named_targets(stmt) {
            let id = name.id.as_str();
            if replaced_later.get(id).copied().unwrap_or(false) {
                overwritten.insert(name.range);
            }
            let reads_itself = super::routes::any_expr(
                std::slice::from_ref(stmt),
                &mut |e| matches!(e, Expr::Name(n) if n.id.as_str() == id && n.ctx.is_load()),
            );
            let entry = replaced_later.entry(id).or_insert(false);
            *entry |= !reads_itself;
        }
    }
    overwritten
}

/// Walks one file, evaluating values in the function or class scope they are written in (the
/// scopes the file's model built in its walk).
struct Collector<'p, 'a> {
    file: &'p FileModel<'a>,
    model: &'p ProjectModel<'a>,
    module: usize,
    config_module: bool,
    /// A development settings module (`dev_settings.py`, `config/local.py`) or a module in a
    /// development package (`app/dev/...`, `tests/...`): every setting in it is
    /// development-only. A script merely named for development (`debug-server.py`) is not a
    /// configuration: its settings are reported, at low severity (see `context`).
    dev_module: bool,
    current: Option<usize>,
    /// The class whose body is being walked, with its scope.
    class: Option<(ClassKey, usize)>,
    /// The class being walked is a pydantic-settings `BaseSettings`: its fields are settings
    /// read from the environment, whatever their case.
    pydantic_settings: bool,
    /// Inside a development/test branch or function.
    dev_depth: usize,
    /// Names assigned at the top of the module or of a class body whose value a later
    /// assignment at the same level replaces before anything can read it (`SECRET_KEY = "x"`
    /// twice in one class): the earlier one is no setting.
    overwritten: HashSet<TextRange>,
    out: FileConfig<'a>,
}

impl<'p, 'a> Collector<'p, 'a> {
    fn new(model: &'p ProjectModel<'a>, module: usize, file: &'p FileModel<'a>) -> Self {
        let info = &model.modules[module];
        let last = info.name.rsplit('.').next().unwrap_or(&info.name);
        let config_module = words(last)
            .iter()
            .any(|w| matches!(w.as_str(), "config" | "configs" | "settings" | "conf"))
            || info
                .name
                .split('.')
                .any(|p| matches!(p, "config" | "configs" | "settings" | "conf"));
        // Only the packages below the module's source root name it: folders above that depend
        // on which directory was checked (a course folder `2_user_resource_for_testing` is a
        // lesson, which development context already lowers), and an app must get the same
        // findings checked alone or in its tree.
        let root = super::apps::source_root(model, module);
        let inside = info
            .name
            .strip_prefix(root.as_str())
            .map_or(info.name.as_str(), |rest| rest.trim_start_matches('.'));
        let parts: Vec<&str> = inside.split('.').filter(|p| !p.is_empty()).collect();
        let folders = if info.package == info.name {
            &parts[..]
        } else {
            &parts[..parts.len().saturating_sub(1)]
        };
        let dev_module = (config_module && parts.iter().any(|p| is_dev_name(p)))
            || folders.iter().any(|p| is_dev_name(p));
        Collector {
            file,
            model,
            module,
            config_module,
            dev_module,
            current: None,
            class: None,
            pydantic_settings: false,
            dev_depth: 0,
            overwritten: overwritten_targets(&info.file.module().body),
            out: FileConfig::default(),
        }
    }

    fn at(&self) -> At<'_, 'a> {
        self.file.at(self.current)
    }

    fn dev(&self) -> bool {
        self.dev_depth > 0 || self.dev_module
    }

    fn record(&mut self, key: String, display: String, expr: &'a Expr, origin: Origin) {
        let value = classify(self.model, expr, &self.at());
        self.record_value(key, display, expr, origin, value);
    }

    fn record_value(
        &mut self,
        key: String,
        display: String,
        expr: &'a Expr,
        origin: Origin,
        value: ConfigValue,
    ) {
        let class = match origin {
            Origin::ClassAttribute => self.class.as_ref().map(|(key, _)| key.clone()),
            _ => None,
        };
        let dev_only = self.dev();
        self.out.entries.push((
            ConfigEntry {
                key,
                display,
                module: self.module,
                expr,
                value,
                origin,
                dev_only,
            },
            class,
        ));
    }

    /// Whether `expr` is a Flask application object: `Flask(...)` or a name such as `app`.
    fn is_app(&self, expr: &Expr) -> bool {
        if let Some(qualified) = self.model.qualified_name(expr, &self.at())
            && (qualified == "flask.Flask()" || qualified == "flask.current_app")
        {
            return true;
        }
        // `app`, `application`, `flask_app`, `core_app`, `self.app`: names are the evidence
        // when the app object comes from a factory or another module.
        let name = match expr {
            Expr::Name(name) => name.id.as_str(),
            Expr::Attribute(attribute) => attribute.attr.as_str(),
            _ => return false,
        };
        words(name)
            .last()
            .is_some_and(|w| w == "app" || w == "application")
    }

    fn assignment(&mut self, target: &'a Expr, value: &'a Expr) {
        match target {
            Expr::Subscript(subscript) if is_config_object(&subscript.value) => {
                if let Some(key) = string_literal(&subscript.slice) {
                    let display = format!(
                        "{}[\"{key}\"]",
                        self.model.modules[self.module]
                            .file
                            .slice(subscript.value.range())
                    );
                    self.record(key, display, value, Origin::Subscript);
                }
            }
            Expr::Attribute(attribute)
                if matches!(attribute.attr.as_str(), "secret_key" | "debug")
                    && self.is_app(&attribute.value) =>
            {
                let key = attribute.attr.to_ascii_uppercase();
                let display = self.model.modules[self.module]
                    .file
                    .slice(target.range())
                    .to_string();
                self.record(key, display, value, Origin::AppAttribute);
            }
            Expr::Name(name)
                if self.pydantic_settings
                    && matches!(&self.class, Some((_, scope)) if self.current == Some(*scope))
                    && !name.id.as_str().starts_with('_')
                    && name.id.as_str() != "model_config" =>
            {
                // A pydantic-settings field: the environment variable of its name (case does
                // not matter to pydantic) wins, the default runs when it is unset.
                let key = name.id.to_ascii_uppercase();
                let class_name = self
                    .class
                    .as_ref()
                    .map(|((_, c), _)| c.clone())
                    .unwrap_or_default();
                let display = format!("{class_name}.{}", name.id);
                let default = match value {
                    Expr::Call(call)
                        if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "Field")
                            || matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "Field") =>
                    {
                        call.arguments
                            .args
                            .first()
                            .or_else(|| keyword(call, "default"))
                    }
                    other => Some(other),
                };
                let default = default.and_then(|d| match classify(self.model, d, &self.at()) {
                    ConfigValue::Literal(literal) if literal.value != Value::None => Some(literal),
                    _ => None,
                });
                let environment = ConfigValue::Environment(EnvLookup {
                    variable: Some(key.clone()),
                    default,
                    module: self.module,
                    range: value.range(),
                    text: false,
                });
                self.record_value(key, display, value, Origin::ClassAttribute, environment);
            }
            // `DEFAULT_CONFIG = {"SECRET_KEY": "changeMe", ...}`: a module's table of settings
            // (Mailu's defaults, applied when the environment lacks a key).
            Expr::Name(name)
                if self.current.is_none()
                    && self.class.is_none()
                    && is_settings_table_name(name.id.as_str())
                    && matches!(value, Expr::Dict(_)) =>
            {
                let Expr::Dict(dict) = value else { return };
                for item in &dict.items {
                    if let Some(key) = item.key.as_ref().and_then(string_literal)
                        && is_constant_name(&key)
                    {
                        let display = format!("{}[\"{key}\"]", name.id);
                        self.record(key, display, &item.value, Origin::Mapping);
                    }
                }
            }
            Expr::Name(name)
                if is_constant_name(name.id.as_str())
                    && !self.overwritten.contains(&name.range) =>
            {
                let key = name.id.to_string();
                match &self.class {
                    Some(((_, class_name), scope)) if self.current == Some(*scope) => {
                        let display = format!("{class_name}.{key}");
                        self.record(key, display, value, Origin::ClassAttribute);
                    }
                    _ if self.current.is_none()
                        && (self.config_module
                            || is_secret_key(&key)
                            || is_credential_key(&key)
                            || is_connection_key(&key)) =>
                    {
                        let origin = if self.config_module {
                            Origin::ModuleConstant
                        } else {
                            Origin::CodeConstant
                        };
                        self.record(key.clone(), key, value, origin);
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn config_call(&mut self, call: &'a ast::ExprCall) {
        let Expr::Attribute(attribute) = call.func.as_ref() else {
            return;
        };
        let method = attribute.attr.as_str();
        if is_config_object(&attribute.value) {
            let receiver = self.model.modules[self.module]
                .file
                .slice(attribute.value.range())
                .to_string();
            match method {
                "update" | "from_mapping" => {
                    for keyword in &call.arguments.keywords {
                        if let Some(arg) = &keyword.arg {
                            let key = arg.to_string();
                            let display = format!("{receiver}.{method}({key}=...)");
                            self.record(key, display, &keyword.value, Origin::Mapping);
                        }
                    }
                    for argument in &call.arguments.args {
                        self.mapping_argument(argument, &receiver, method);
                    }
                }
                "from_pyfile" | "from_file" | "from_json" | "from_envvar" => {
                    self.loader_call(call, method);
                }
                _ => {}
            }
            return;
        }
        if method == "run"
            && !call
                .arguments
                .keywords
                .iter()
                .any(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "debug"))
            && self.is_app(&attribute.value)
        {
            // `app.run()` without `debug=` serves with the app's own `DEBUG` setting.
            let host = call
                .arguments
                .find_keyword("host")
                .map(|k| &k.value)
                .or_else(|| call.arguments.args.first());
            self.out.config_debug_servers.push(ConfigDebugServer {
                module: self.module,
                call: call.range(),
                host: ServerHost::of(self.model, host, &self.at()),
            });
        }
        if method == "run"
            && let Some(debug) = call
                .arguments
                .keywords
                .iter()
                .find(|k| k.arg.as_ref().is_some_and(|a| a.as_str() == "debug"))
        {
            let qualified = self.model.qualified_name(&attribute.value, &self.at());
            let socketio = qualified
                .as_deref()
                .is_some_and(|q| q.starts_with("flask_socketio.SocketIO"))
                || matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "socketio");
            if socketio || self.is_app(&attribute.value) {
                let value = classify(self.model, &debug.value, &self.at());
                let siblings = super::argument_ranges(call);
                let callee = self.model.modules[self.module]
                    .file
                    .slice(call.func.range())
                    .to_string();
                // `app.run(host, port, ...)`; `socketio.run(app, host=...)` takes the app first.
                let host = call
                    .arguments
                    .find_keyword("host")
                    .map(|k| &k.value)
                    .or_else(|| {
                        if socketio {
                            None
                        } else {
                            call.arguments.args.first()
                        }
                    });
                let host = ServerHost::of(self.model, host, &self.at());
                self.out.server_runs.push(ServerRun {
                    module: self.module,
                    call: call.range(),
                    callee,
                    keyword: debug.range(),
                    siblings,
                    value,
                    dev_only: self.dev(),
                    host,
                });
            }
        }
    }

    /// A signer's key or a connection's credentials, classified where they are written.
    fn keyed_call(&mut self, call: &'a ast::ExprCall) {
        // Every name below ends in one of these: most calls are decided without resolving.
        let last = match call.func.as_ref() {
            Expr::Name(name) => name.id.as_str(),
            Expr::Attribute(attribute) => attribute.attr.as_str(),
            _ => return,
        };
        let candidate = last.ends_with("Serializer")
            || last.ends_with("Signer")
            || matches!(
                last,
                "new"
                    | "digest"
                    | "HMAC"
                    | "create_engine"
                    | "create_async_engine"
                    | "connect"
                    | "create_pool"
                    | "Redis"
                    | "StrictRedis"
                    | "from_url"
                    | "MongoClient"
                    | "AsyncIOMotorClient"
                    | "Celery"
            );
        if !candidate {
            return;
        }
        let Some(callee) = self.model.qualified_name(&call.func, &self.at()) else {
            return;
        };
        let Some(kind) = keyed_call(&callee) else {
            return;
        };
        let file = self.model.modules[self.module].file;
        let written = file.slice(call.func.range()).to_string();
        match kind {
            KeyedCall::Signer => {
                let Some(key) = call
                    .arguments
                    .args
                    .first()
                    .or_else(|| keyword(call, "secret_key"))
                    .or_else(|| keyword(call, "key"))
                else {
                    return;
                };
                let line = file.position(call.start()).line;
                let used_as = format!("the key of `{written}` at {}:{line}", file.display_path());
                let variable = match key {
                    Expr::Name(name) if is_constant_name(name.id.as_str()) => name.id.to_string(),
                    _ => "SECRET_KEY".to_string(),
                };
                let value = classify(self.model, key, &self.at());
                let config_key = config_read_through_local(self.model, key, &self.at());
                self.out.signing_keys.push(SigningKeyUse {
                    module: self.module,
                    value,
                    used_as,
                    variable,
                    config_key,
                });
            }
            KeyedCall::Connection => {
                // Celery takes its broker as `broker=`; the rest take a URL or DSN first.
                let url = if callee == "celery.Celery" {
                    keyword(call, "broker").or_else(|| keyword(call, "backend"))
                } else {
                    call.arguments
                        .args
                        .first()
                        .or_else(|| keyword(call, "url"))
                        .or_else(|| keyword(call, "dsn"))
                        .or_else(|| keyword(call, "host"))
                };
                let password = keyword(call, "password").or_else(|| keyword(call, "passwd"));
                let at = self.at();
                let url = url.map(|url| classify(self.model, url, &at));
                let password = password.map(|password| classify(self.model, password, &at));
                let user = keyword(call, "user")
                    .or_else(|| keyword(call, "username"))
                    .map(|user| classify(self.model, user, &at));
                let host = keyword(call, "host").map(|host| classify(self.model, host, &at));
                self.out.connections.push(Connection {
                    module: self.module,
                    callee: written,
                    url,
                    password,
                    user,
                    host,
                    call: call.range(),
                    dev_only: self.dev(),
                });
            }
        }
    }

    /// A settings file loaded by `method` of a config object.
    fn loader_call(&mut self, call: &'a ast::ExprCall, method: &str) {
        use super::settings_files::SettingsFormat;
        let Some(first) = call.arguments.args.first().or_else(|| {
            ["filename", "variable_name"]
                .iter()
                .find_map(|name| keyword(call, name))
        }) else {
            return;
        };
        let written = match self.model.value(first, &self.at()) {
            Value::Str(text) => Some(text),
            // `os.path.join(os.path.dirname(__file__), "settings.cfg")`: the file name.
            _ => match first {
                Expr::Call(join) => join.arguments.args.last().and_then(|last| {
                    match self.model.value(last, &self.at()) {
                        Value::Str(text) => Some(text),
                        _ => None,
                    }
                }),
                _ => None,
            },
        };
        let Some(written) = written.filter(|w| !w.is_empty()) else {
            return;
        };
        let (source, format) = match method {
            "from_envvar" => (LoadedFrom::Variable(written), SettingsFormat::Python),
            "from_pyfile" => (LoadedFrom::Path(written), SettingsFormat::Python),
            "from_json" => (LoadedFrom::Path(written), SettingsFormat::Json),
            _ => {
                // `from_file(path, load=tomllib.load)`: the loader decides the format.
                let load = keyword(call, "load").or_else(|| call.arguments.args.get(1));
                let loader = load
                    .and_then(|load| self.model.qualified_name(load, &self.at()))
                    .unwrap_or_default();
                let format = if loader.contains("toml") {
                    SettingsFormat::Toml
                } else if loader.starts_with("json") {
                    SettingsFormat::Json
                } else {
                    return;
                };
                (LoadedFrom::Path(written), format)
            }
        };
        self.out.loaded_files.push(LoadedSettings {
            module: self.module,
            source,
            format,
            call: call.range(),
        });
    }

    /// `update({"K": v})`, `update(dict(K=v))`.
    fn mapping_argument(&mut self, argument: &'a Expr, receiver: &str, method: &str) {
        match argument {
            Expr::Dict(dict) => {
                for item in &dict.items {
                    if let Some(key) = item.key.as_ref().and_then(string_literal) {
                        let display = format!("{receiver}.{method}({{\"{key}\": ...}})");
                        self.record(key, display, &item.value, Origin::Mapping);
                    }
                }
            }
            Expr::Call(call) if matches!(call.func.as_ref(), Expr::Name(n) if n.id.as_str() == "dict") => {
                for keyword in &call.arguments.keywords {
                    if let Some(arg) = &keyword.arg {
                        let key = arg.to_string();
                        let display = format!("{receiver}.{method}({key}=...)");
                        self.record(key, display, &keyword.value, Origin::Mapping);
                    }
                }
            }
            _ => {}
        }
    }

    fn class_record(&self, class: &'a ast::StmtClassDef) -> ClassRecord {
        let mut bases = Vec::new();
        if let Some(arguments) = &class.arguments {
            for base in &arguments.args {
                let local = match base {
                    Expr::Name(name) => self
                        .model
                        .modules[self.module]
                        .file
                        .module()
                        .body
                        .iter()
                        .any(|s| matches!(s, Stmt::ClassDef(c) if c.name.as_str() == name.id.as_str()))
                        .then(|| (self.module, name.id.to_string())),
                    _ => None,
                };
                let resolved = local.or_else(|| {
                    let qualified = self.model.qualified_name(base, &self.at())?;
                    let (module, rest) = self.model.split_module(&qualified)?;
                    (!rest.contains('.')).then(|| (module, rest.to_string()))
                });
                if let Some(resolved) = resolved {
                    bases.push(resolved);
                }
            }
        }
        let mut keys = HashSet::default();
        for stmt in &class.body {
            let targets: Vec<&Expr> = match stmt {
                Stmt::Assign(assign) => assign.targets.iter().collect(),
                Stmt::AnnAssign(assign) => vec![assign.target.as_ref()],
                _ => Vec::new(),
            };
            for target in targets {
                if let Expr::Name(name) = target
                    && is_constant_name(name.id.as_str())
                {
                    keys.insert(name.id.to_string());
                }
            }
        }
        let name_words = words(class.name.as_str());
        let config_like = self.is_pydantic_settings(class)
            || name_words
                .iter()
                .any(|w| matches!(w.as_str(), "config" | "configuration" | "settings" | "conf"))
            || keys.iter().any(|k| is_flask_key(k));
        let documented_for_development =
            super::context::docstring(&class.body).is_some_and(|doc| {
                let summary = doc.split("\n\n").next().unwrap_or(doc);
                super::context::describes_development_first(summary)
            });
        ClassRecord {
            module: self.module,
            name: class.name.to_string(),
            bases,
            keys,
            config_like,
            documented_for_development,
        }
    }

    /// A class deriving from pydantic-settings' `BaseSettings` (pydantic 1's too).
    fn is_pydantic_settings(&self, class: &ast::StmtClassDef) -> bool {
        class.arguments.as_ref().is_some_and(|arguments| {
            arguments.args.iter().any(|base| {
                self.model
                    .qualified_name(base, &self.at())
                    .is_some_and(|q| {
                        matches!(
                            q.as_str(),
                            "pydantic_settings.BaseSettings"
                                | "pydantic.BaseSettings"
                                | "pydantic.v1.BaseSettings"
                                | "pydantic_settings.main.BaseSettings"
                        )
                    })
            })
        })
    }

    /// Whether a branch condition selects development or test settings (`if app.debug:`,
    /// `if testing:`, `if env == "development":`), and whether it is negated.
    fn dev_condition(&self, test: &Expr) -> Option<bool> {
        super::context::dev_condition(test, self.model.modules[self.module].file)
    }
}

impl<'a> Visitor<'a> for Collector<'_, 'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(def) => {
                for decorator in &def.decorator_list {
                    self.visit_decorator(decorator);
                }
                let scope = self.file.scope_of_definition(def.range());
                let dev = is_dev_name(def.name.as_str());
                let saved = self.current;
                self.current = scope.or(saved);
                self.dev_depth += usize::from(dev);
                self.visit_body(&def.body);
                self.dev_depth -= usize::from(dev);
                self.current = saved;
            }
            Stmt::ClassDef(class) => {
                for decorator in &class.decorator_list {
                    self.visit_decorator(decorator);
                }
                let record = self.class_record(class);
                let key = (self.module, record.name.clone());
                self.out.classes.push(record);
                let scope = self.file.scope_of_definition(class.range());
                let pydantic = self.is_pydantic_settings(class);
                let saved = (self.current, self.class.take(), self.pydantic_settings);
                self.current = scope.or(saved.0);
                self.class = scope.map(|scope| (key, scope));
                self.pydantic_settings = pydantic;
                self.overwritten.extend(overwritten_targets(&class.body));
                self.visit_body(&class.body);
                (self.current, self.class, self.pydantic_settings) = saved;
            }
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    self.assignment(target, &assign.value);
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::AnnAssign(assign) => {
                if let Some(value) = &assign.value {
                    self.assignment(&assign.target, value);
                }
                visitor::walk_stmt(self, stmt);
            }
            Stmt::If(branch) => {
                let condition = self.dev_condition(&branch.test);
                self.visit_expr(&branch.test);
                let body_dev = condition == Some(false);
                self.dev_depth += usize::from(body_dev);
                self.visit_body(&branch.body);
                self.dev_depth -= usize::from(body_dev);
                let rest_dev = condition == Some(true);
                self.dev_depth += usize::from(rest_dev);
                for clause in &branch.elif_else_clauses {
                    if let Some(test) = &clause.test {
                        self.visit_expr(test);
                    }
                    self.visit_body(&clause.body);
                }
                self.dev_depth -= usize::from(rest_dev);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if let Expr::Call(call) = expr {
            self.config_call(call);
            self.keyed_call(call);
            let constructs_manager = match call.func.as_ref() {
                Expr::Name(name) => name.id.as_str() == "JWTManager",
                Expr::Attribute(attribute) => attribute.attr.as_str() == "JWTManager",
                _ => false,
            } && self
                .model
                .qualified_name(&call.func, &self.at())
                .is_some_and(|q| q.starts_with("flask_jwt_extended"));
            if constructs_manager {
                self.out.jwt_managers.push((self.module, call.range()));
            }
        }
        // Lambdas and comprehensions hold no settings; their bodies are walked in the
        // enclosing scope, which can only make a name look unknown, never wrongly known.
        visitor::walk_expr(self, expr);
    }
}
