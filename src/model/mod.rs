//! The Flask-aware project model: what each module binds, what names refer to across files, and
//! the JWT library calls in each file.
//!
//! Built in two passes. `ModuleInfo::new` (per file, in parallel) records a module's own
//! top-level bindings; `ProjectModel::new` merges them so that `from .config import ALGORITHMS`
//! or `from .extensions import jwt` can be followed into another file. `FileModel::new` (per
//! file, in parallel, read-only access to the project) then walks one file's functions and
//! classifies its JWT calls. Rules only query these; they never re-walk imports themselves.
//!
//! Not every file is parsed (see `prefilter`): `ModuleNames` knows every file of the run by name,
//! so a name means the same file either way, and when resolution reaches a file that was not
//! parsed, `ProjectModel` records it (`take_requested`) for the caller to parse and run again.
//! Modules parsed only for resolution (`ModuleInfo::analysed` false) lend their bindings and
//! function bodies; nothing else of them is collected.

pub mod admin_views;
pub mod apps;
pub mod calls;
pub mod claims;
pub mod config;
pub mod context;
pub mod exceptions;
pub mod excerpt;
pub mod imports;
pub mod jwt;
pub mod keys;
pub mod membership;
pub mod oidc;
pub mod open_credentials;
pub mod openapi;
pub mod records;
pub mod references;
pub mod request_data;
pub mod routes;
pub mod scope;
pub mod settings_files;
pub mod templates;
pub mod value;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::paths::absolute;
use crate::source::SourceFile;
use scope::{Binding, Scope};
use value::Value;

/// How deep name resolution may chase `a = b`, `from x import a` chains before giving up; this
/// also ends import cycles.
const MAX_RESOLUTION_DEPTH: usize = 24;

/// One module's top-level facts.
pub struct ModuleInfo<'a> {
    /// Dotted module name, relative to the directory that was checked (`app.auth`).
    pub name: String,
    /// The package relative imports start from: the module's parent, or itself for `__init__`.
    pub package: String,
    pub file: &'a SourceFile,
    pub scope: Scope<'a>,
    /// The file's index among every file of the run (`ModuleNames`), loaded or not.
    pub file_index: usize,
    /// Checked, rather than parsed only because an analysed file's names lead into it: such a
    /// module lends its bindings and function bodies to name resolution, and nothing else of it
    /// is collected or reported (the pre-check found nothing in it that could be).
    pub analysed: bool,
    /// The project modules its `from module import *` statements load, in order. A name the
    /// module does not bind itself may come from one of them: pritunl's `auth/__init__.py`
    /// re-exports `session_auth` from `auth/app.py` this way, and its handlers write
    /// `@auth.session_auth`.
    pub star_imports: Vec<String>,
}

/// The project modules `from module import *` statements of a module body load, at any depth of
/// its top-level `if` / `try` blocks (Python allows them nowhere else). Kept on the module rather
/// than collected by `Scope::collect`: every function scope would carry the empty list.
fn star_imports(body: &[Stmt], importer: Importer<'_>, found: &mut Vec<String>) {
    for stmt in body {
        match stmt {
            Stmt::ImportFrom(import) if import.names.iter().any(|a| a.name.as_str() == "*") => {
                let module = import.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                let base = importer.module(import.level, module);
                if importer.names.file(&base).is_some() {
                    found.push(base);
                }
            }
            Stmt::If(stmt) => {
                star_imports(&stmt.body, importer, found);
                for clause in &stmt.elif_else_clauses {
                    star_imports(&clause.body, importer, found);
                }
            }
            Stmt::Try(stmt) => {
                star_imports(&stmt.body, importer, found);
                for handler in &stmt.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    star_imports(&handler.body, importer, found);
                }
                star_imports(&stmt.orelse, importer, found);
                star_imports(&stmt.finalbody, importer, found);
            }
            _ => {}
        }
    }
}

impl<'a> ModuleInfo<'a> {
    pub fn new(
        file: &'a SourceFile,
        names: &ModuleNames,
        file_index: usize,
        analysed: bool,
    ) -> ModuleInfo<'a> {
        let name = names.names[file_index].clone();
        let package = names.packages[file_index].clone();
        let mut scope = Scope::default();
        let importer = Importer {
            package: &package,
            names,
        };
        scope.collect(&file.module().body, importer);
        let mut star = Vec::new();
        star_imports(&file.module().body, importer, &mut star);
        ModuleInfo {
            name,
            package,
            file,
            scope,
            file_index,
            analysed,
            star_imports: star,
        }
    }
}

/// The module name of every Python file of the run, parsed or not, and which name refers to
/// which file. Built from paths alone, so a name means the same file whichever files the
/// pre-check lets through.
///
/// Names are dotted paths from the deepest directory holding every checked root, so two checked
/// folders that each hold an `app.py` give two names. An import is resolved the way Python finds
/// it from the importing file's own source root (`resolve_import`): the nearest ancestor package
/// or folder that holds the imported name wins, so 35 course folders that each hold
/// `resources/user.py` each import their own, and a name no ancestor holds is not a project
/// module at all.
pub struct ModuleNames {
    pub names: Vec<String>,
    pub packages: Vec<String>,
    /// Full names to files (several only when one path was given twice in different spellings).
    by_full_name: HashMap<String, Vec<usize>>,
    /// Every package a module name implies (`a` and `a.b` for `a.b.c`), regular or namespace.
    package_names: HashSet<String>,
    /// Every component of every module name (`a`, `b`, `c` for `a.b.c`): an import whose first
    /// name is none of them (`os`, `flask`) is no project module from anywhere.
    components: HashSet<String>,
}

impl ModuleNames {
    /// `files`: each file's path and the directory it was found under.
    pub fn new<'p>(files: impl IntoIterator<Item = (&'p Path, &'p Path)>) -> ModuleNames {
        let files: Vec<(&Path, &Path)> = files.into_iter().collect();
        let base = common_base(files.iter().map(|(_, root)| *root));
        let mut names = Vec::with_capacity(files.len());
        let mut packages = Vec::with_capacity(files.len());
        for (path, root) in files {
            let (name, is_package) = match &base {
                Some(base) => module_name(&absolute(path), base),
                None => module_name(path, root),
            };
            let package = if is_package {
                name.clone()
            } else {
                name.rsplit_once('.')
                    .map(|(p, _)| p.to_string())
                    .unwrap_or_default()
            };
            names.push(name);
            packages.push(package);
        }
        let mut by_full_name: HashMap<String, Vec<usize>> = HashMap::default();
        let mut package_names: HashSet<String> = HashSet::default();
        for (index, name) in names.iter().enumerate() {
            let files = by_full_name.entry(name.clone()).or_default();
            // `routes/__init__.py` beside `routes.py`: Python imports the package, so its file
            // is the one the name refers to (tusome-academy's `routes.py` is never loaded).
            if packages[index] == *name && !name.is_empty() {
                files.insert(0, index);
            } else {
                files.push(index);
            }
            let mut end = name.len();
            while let Some(dot) = name[..end].rfind('.') {
                if !package_names.insert(name[..dot].to_string()) {
                    break;
                }
                end = dot;
            }
        }
        let components: HashSet<String> = names
            .iter()
            .flat_map(|name| name.split('.'))
            .filter(|component| !component.is_empty())
            .map(str::to_string)
            .collect();
        ModuleNames {
            names,
            packages,
            by_full_name,
            package_names,
            components,
        }
    }

    /// Whether file `index` is a package's `__init__.py` (its module is its own package).
    pub fn is_package_init(&self, index: usize) -> bool {
        self.names
            .get(index)
            .is_some_and(|name| !name.is_empty() && self.packages.get(index) == Some(name))
    }

    /// The file a full module name refers to.
    pub fn file(&self, name: &str) -> Option<usize> {
        self.by_full_name.get(name)?.first().copied()
    }

    /// Whether file `index` is a module that a package of the same name hides from every
    /// import (`routes.py` beside `routes/__init__.py`): Python finds the package first.
    pub fn shadowed_by_package(&self, index: usize) -> bool {
        !self.is_package_init(index)
            && self
                .names
                .get(index)
                .is_some_and(|name| self.is_regular_package(name))
    }

    /// Whether `name` is a package with an `__init__.py` (not a namespace package).
    pub fn is_regular_package(&self, name: &str) -> bool {
        self.by_full_name
            .get(name)
            .is_some_and(|files| files.iter().any(|&f| self.packages[f] == self.names[f]))
    }

    /// Whether the first part of a dotted name is a project module or package: the cheap test
    /// that rules out library names before any longer prefix is looked up.
    pub fn holds_top_level(&self, dotted: &str) -> bool {
        let first = dotted.split('.').next().unwrap_or(dotted);
        self.exists(first)
    }

    /// Whether `name` is a part of some project module's dotted name (`app`, `config` for
    /// `app.config`): a name that is none (`logging`, `flask`) is no project module from anywhere.
    pub fn is_component(&self, name: &str) -> bool {
        self.components.contains(name)
    }

    fn exists(&self, name: &str) -> bool {
        self.by_full_name.contains_key(name) || self.package_names.contains(name)
    }

    /// The full name of what an absolute import of `dotted` written in a module of `package`
    /// refers to, when it is a project module: `resources.user` from `course.step3.app` is
    /// `course.step3.resources.user` when that folder holds `resources`. The nearest ancestor
    /// (the importer's package, then each package above it, then the top) that holds the first
    /// component wins, as the folder of an entry script or a source root on `sys.path` would;
    /// a regular package's folder is skipped (it is never on `sys.path`). `None` for anything
    /// else: a library, or a module no ancestor holds.
    pub fn resolve_import(&self, package: &str, dotted: &str) -> Option<String> {
        let first = dotted.split('.').next().unwrap_or(dotted);
        if first.is_empty() || !self.components.contains(first) {
            return None;
        }
        let mut prefix = package;
        let mut candidate = String::with_capacity(package.len() + dotted.len() + 1);
        loop {
            candidate.clear();
            if !prefix.is_empty() {
                candidate.push_str(prefix);
                candidate.push('.');
            }
            candidate.push_str(first);
            // A project folder `apps/jwt/` must not capture `import jwt`: well-known libraries
            // are only project modules when the project *is* that library (found at the top).
            let shadowing_library = !prefix.is_empty() && is_well_known_library(first);
            // Inside a regular package, an absolute import starts from the folder above the
            // top package (`sys.path`), never from the package's own folder: `import shillelagh`
            // in `superset/db_engine_specs/gsheets.py` is the library, not the sibling
            // `shillelagh.py`. Only folders that are not regular packages (an entry script's
            // folder, a lesson folder) hold modules imported by their bare name.
            if !shadowing_library
                && self.exists(&candidate)
                && (prefix.is_empty() || !self.is_regular_package(prefix))
            {
                candidate.push_str(&dotted[first.len()..]);
                return Some(candidate);
            }
            if prefix.is_empty() {
                return self.sibling_package(package, first, dotted);
            }
            prefix = prefix.rsplit_once('.').map_or("", |(parent, _)| parent);
        }
    }

    /// `from handlers import auth` in `appengine/server.py`, where `appengine` is a regular
    /// package holding the package `handlers`, and nothing else in the project is `handlers`:
    /// the app is run from its own folder (App Engine runs `main.py` with that folder on
    /// `sys.path`; so does `python server.py`), where the bare name finds the sibling. Only a
    /// sibling *package* whose imported path exists counts: a sibling module named like a
    /// library (superset's `db_engine_specs/shillelagh.py` beside `from shillelagh.exceptions
    /// import ...`) is the wrapper, not the library.
    ///
    /// The folder run from may be an ancestor of the importing package: tesla-trip runs
    /// `src/start_api.py`, and `src/controllers/car_routes.py` imports `utils.auth_tool` from
    /// `src/utils/`. The nearest ancestor holding such a package wins.
    fn sibling_package(&self, package: &str, first: &str, dotted: &str) -> Option<String> {
        if package.is_empty() || is_well_known_library(first) {
            return None;
        }
        let mut folder = package;
        loop {
            let sibling = crate::paths::dotted(folder, first);
            let full = crate::paths::dotted(folder, dotted);
            // The importing module's own package by its bare name alone is a library of that
            // name (metabrainz's `admin/quickbooks/views.py` doing `import quickbooks`); a
            // module of it by its full path is the package (tesla-trip's
            // `controllers/__init__.py` doing `from controllers.car_routes import car_app`).
            let own_package = package == sibling
                || package
                    .strip_prefix(sibling.as_str())
                    .is_some_and(|rest| rest.starts_with('.'));
            if !(own_package && dotted == first)
                && self.is_regular_package(&sibling)
                && self.exists(&full)
            {
                return Some(full);
            }
            folder = folder.rsplit_once('.')?.0;
        }
    }

    /// The files `import name` loads when written in a module of `package` (see
    /// `resolve_import`): the module itself, or the package it names.
    pub fn files_seen_from(&self, package: &str, name: &str) -> Vec<usize> {
        self.resolve_import(package, name)
            .and_then(|full| self.by_full_name.get(&full).cloned())
            .unwrap_or_default()
    }
}

/// Resolves absolute imports for one module while its scopes are collected.
#[derive(Clone, Copy)]
pub struct Importer<'n> {
    /// The package relative imports start from.
    pub package: &'n str,
    pub names: &'n ModuleNames,
}

impl Importer<'_> {
    /// The qualified name `from module import ...` (at `level`) or `import module` refers to:
    /// a project module's full name, or the name as written for anything else.
    pub fn module(&self, level: u32, module: &str) -> String {
        self.resolve(level, module).0
    }

    /// `module`, and whether it names a project module or package: a relative import always
    /// does; an absolute one when `ModuleNames::resolve_import` finds it, whether or not its
    /// full name differs from what is written (`from app.helpers import tokens` run on the
    /// folder holding `app/` keeps its name).
    pub fn resolve(&self, level: u32, module: &str) -> (String, bool) {
        if level > 0 {
            return (scope::absolute_module(self.package, level, module), true);
        }
        match self.names.resolve_import(self.package, module) {
            Some(full) => (full, true),
            None => (module.to_string(), false),
        }
    }
}

/// The deepest directory holding every root, as an absolute path; `None` when there is none
/// (roots on different drives).
fn common_base<'p>(roots: impl Iterator<Item = &'p Path>) -> Option<PathBuf> {
    let mut seen: HashSet<&Path> = HashSet::default();
    let mut base: Option<PathBuf> = None;
    for root in roots {
        if !seen.insert(root) {
            continue;
        }
        let root = absolute(root);
        base = Some(match base {
            None => root,
            Some(base) => {
                let common: PathBuf = base
                    .components()
                    .zip(root.components())
                    .take_while(|(a, b)| a == b)
                    .map(|(a, _)| a)
                    .collect();
                if common.as_os_str().is_empty() {
                    return None;
                }
                common
            }
        });
    }
    base
}

/// The values a call is given: its positional arguments, then its keyword arguments' values
/// (`**kwargs` included).
pub fn argument_values(call: &ast::ExprCall) -> impl Iterator<Item = &Expr> {
    call.arguments
        .args
        .iter()
        .chain(call.arguments.keywords.iter().map(|k| &k.value))
}

/// What `x[key]` or `x.get(key, ...)` reads from, and the key: `(x, key)`.
pub fn keyed_read(expr: &Expr) -> Option<(&Expr, &Expr)> {
    match expr {
        Expr::Subscript(subscript) => Some((subscript.value.as_ref(), subscript.slice.as_ref())),
        Expr::Call(get) => match (get.func.as_ref(), get.arguments.args.first()) {
            (Expr::Attribute(attribute), Some(key)) if attribute.attr.as_str() == "get" => {
                Some((attribute.value.as_ref(), key))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Every argument of a call, positional and keyword, in source order: what an edit that removes
/// one argument (with its comma) needs to see.
pub fn argument_ranges(call: &ast::ExprCall) -> Vec<ruff_text_size::TextRange> {
    use ruff_text_size::Ranged;
    let mut ranges: Vec<ruff_text_size::TextRange> = call
        .arguments
        .args
        .iter()
        .map(Ranged::range)
        .chain(call.arguments.keywords.iter().map(Ranged::range))
        .collect();
    ranges.sort_by_key(|r| r.start());
    ranges
}

/// `app/auth.py` under `root` is `app.auth`; `app/__init__.py` is `app` (a package).
pub fn module_name(path: &Path, root: &Path) -> (String, bool) {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut parts: Vec<String> = relative
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let mut is_package = false;
    if let Some(last) = parts.pop() {
        let stem = last.strip_suffix(".py").unwrap_or(&last).to_string();
        if stem == "__init__" {
            is_package = true;
        } else {
            parts.push(stem);
        }
    }
    (parts.join("."), is_package)
}

/// Everything the rules may ask about the project as a whole.
pub struct ProjectModel<'a> {
    pub modules: Vec<ModuleInfo<'a>>,
    pub names: &'a ModuleNames,
    /// For every file of the run, its index in `modules` when it was parsed.
    loaded: Vec<Option<usize>>,
    /// Files the analysis looked for but were not parsed: `check.rs` loads them and runs again.
    requested: Mutex<BTreeSet<usize>>,
    /// Files that must be analysed, not only parsed for names (a connexion handler's module).
    analysis_requested: Mutex<BTreeSet<usize>>,
    /// The names of the project's classes that subclass an application (eNMS's
    /// `class Server(Flask)`): calls to them construct applications although their names do
    /// not say so.
    app_subclass_names: HashSet<String>,
}

/// An algorithm the project itself uses, and where that was seen.
#[derive(Clone, Debug)]
pub struct SigningAlgorithm {
    pub algorithm: String,
    pub path: String,
    pub line: usize,
    /// `jwt.encode` or the constant's name.
    pub source: String,
    /// The library that signs, for `jwt.encode` calls.
    pub library: Option<jwt::Library>,
    /// Written in test code (a test minting its own tokens).
    pub in_tests: bool,
}

impl<'a> ProjectModel<'a> {
    pub fn new(modules: Vec<ModuleInfo<'a>>, names: &'a ModuleNames) -> ProjectModel<'a> {
        let mut loaded = vec![None; names.names.len()];
        for (index, module) in modules.iter().enumerate() {
            if let Some(slot) = loaded.get_mut(module.file_index) {
                *slot = Some(index);
            }
        }
        let mut model = ProjectModel {
            modules,
            names,
            loaded,
            requested: Mutex::new(BTreeSet::new()),
            analysis_requested: Mutex::new(BTreeSet::new()),
            app_subclass_names: HashSet::default(),
        };
        model.app_subclass_names = model.find_app_subclass_names();
        model
    }

    fn find_app_subclass_names(&self) -> HashSet<String> {
        let mut found = HashSet::default();
        for (module, info) in self.modules.iter().enumerate() {
            let at = At::top(module);
            for stmt in &info.file.module().body {
                let ast::Stmt::ClassDef(class) = stmt else {
                    continue;
                };
                if self.subclasses_an_app(class, &at, apps::may_construct_app) {
                    found.insert(class.name.to_string());
                }
            }
        }
        found
    }

    /// Whether a call of this last name may construct an application: a known constructor's
    /// name, or a project class that subclasses one.
    pub fn may_construct_app(&self, name: &str) -> bool {
        apps::may_construct_app(name) || self.app_subclass_names.contains(name)
    }

    pub fn module_index(&self, name: &str) -> Option<usize> {
        let file = self.names.file(name)?;
        let index = self.loaded.get(file).copied().flatten();
        if index.is_none() {
            self.requested
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(file);
        }
        index
    }

    /// The loaded module a qualified name lies in (`app.views.bp` is in `app.views`), without
    /// asking for modules that were not parsed.
    pub fn loaded_module_of(&self, qualified: &str) -> Option<usize> {
        if !self.names.holds_top_level(qualified) {
            return None;
        }
        let mut end = qualified.len();
        loop {
            let name = &qualified[..end];
            if let Some(index) = self
                .names
                .file(name)
                .and_then(|file| self.loaded.get(file).copied().flatten())
            {
                return Some(index);
            }
            end = name.rfind('.')?;
        }
    }

    /// Whether a qualified name is a project class derived from `Flask` (or another application
    /// class): constructing it constructs an application.
    pub fn is_app_subclass(&self, qualified: &str) -> bool {
        let Some((module, class_name)) = self.split_module(qualified) else {
            return false;
        };
        let at = At::top(module);
        self.modules[module].file.module().body.iter().any(|stmt| {
            matches!(stmt, ast::Stmt::ClassDef(class)
                if class.name.as_str() == class_name && self.subclasses_an_app(class, &at, |_| true))
        })
    }

    /// Whether a callee resolves to a method that instances of a project class do not have
    /// (`bank_management.BankManagementSystem().update_account` where the class defines only
    /// `update_bank_account`): calling it raises `AttributeError`, so nothing after it runs.
    /// Said only when it can be told: the class and every base are project classes written in
    /// full (no decorator, metaclass or `__getattr__`), and the name occurs nowhere in their
    /// text (no method, no `self.name = ...`, no `setattr(self, "name", ...)`).
    pub fn calls_missing_method(&self, callee: &str) -> bool {
        let Some((instance, method)) = callee.rsplit_once("().") else {
            return false;
        };
        if method.contains('.') || method.contains('(') {
            return false;
        }
        self.split_module(instance)
            .is_some_and(|(module, class)| self.class_lacks(module, class, method, 0))
    }

    fn class_lacks(&self, module: usize, class_name: &str, attribute: &str, depth: usize) -> bool {
        if depth > MAX_RESOLUTION_DEPTH || class_name.contains('.') {
            return false;
        }
        let file = self.modules[module].file;
        let Some(class) = find_class_in(&file.module().body, class_name) else {
            return false;
        };
        let text = file.slice(ruff_text_size::Ranged::range(class));
        if !class.decorator_list.is_empty()
            || text.contains(attribute)
            || text.contains("__getattr__")
            || text.contains("__getattribute__")
        {
            return false;
        }
        let Some(arguments) = class.arguments.as_deref() else {
            return true;
        };
        if !arguments.keywords.is_empty() {
            return false;
        }
        let at = At::top(module);
        arguments.args.iter().all(|base| {
            if matches!(base, Expr::Name(name) if name.id.as_str() == "object") {
                return true;
            }
            match self.qualified_name(base, &at) {
                Some(qualified) => {
                    self.split_module(&qualified)
                        .is_some_and(|(base_module, base_class)| {
                            self.class_lacks(base_module, base_class, attribute, depth + 1)
                        })
                }
                // A base of this module (no import names it).
                None => match base {
                    Expr::Name(name) => {
                        self.class_lacks(module, name.id.as_str(), attribute, depth + 1)
                    }
                    _ => false,
                },
            }
        })
    }

    /// Whether a class lists an application class among its bases (`class Server(Flask)`),
    /// among the bases whose written name passes `base_name` (a cheap test before resolving).
    fn subclasses_an_app(
        &self,
        class: &ast::StmtClassDef,
        at: &At<'_, 'a>,
        base_name: fn(&str) -> bool,
    ) -> bool {
        class.arguments.as_ref().is_some_and(|arguments| {
            arguments.args.iter().any(|base| {
                records::callee_last(base).is_some_and(base_name)
                    && self
                        .qualified_name(base, at)
                        .is_some_and(|q| apps::is_app_constructor(&q))
            })
        })
    }

    /// Asks for a module to be analysed (its findings reported), not only parsed for names.
    pub fn request_analysis(&self, module: usize) {
        if let Some(info) = self.modules.get(module)
            && !info.analysed
        {
            self.analysis_requested
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .insert(info.file_index);
        }
    }

    /// The files that must be analysed but were parsed for names only.
    pub fn take_analysis_requested(&self) -> BTreeSet<usize> {
        std::mem::take(
            &mut *self
                .analysis_requested
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// The files name resolution asked for that were not parsed.
    pub fn take_requested(&self) -> BTreeSet<usize> {
        std::mem::take(
            &mut *self
                .requested
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }

    /// Follows a qualified name through the project's own modules: `extensions.jwt.decode`
    /// becomes `jwt.decode` when `extensions` does `import jwt`. Names outside the project are
    /// returned unchanged.
    pub fn canonical(&self, qualified: &str) -> String {
        let mut current = qualified.to_string();
        for _ in 0..MAX_RESOLUTION_DEPTH {
            match self.step_into_project(&current) {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current
    }

    fn step_into_project(&self, qualified: &str) -> Option<String> {
        let (module, rest) = self.split_module(qualified)?;
        let mut parts = rest.splitn(2, '.');
        let first = parts.next()?;
        let tail = parts.next();
        let Some(bindings) = self.modules[module].scope.get(first) else {
            let source = self.star_source(module, first, 0)?;
            return Some(crate::paths::dotted(&self.modules[source].name, rest));
        };
        let target = match single_import(bindings)? {
            Some(target) => target.to_string(),
            // `user_is_logged_in = login_required` (notifications-admin's `app/utils/user.py`,
            // imported by its views): a module-level alias of a name is that name.
            None => self.alias_target(module, bindings)?,
        };
        Some(match tail {
            Some(tail) => crate::paths::dotted(&target, tail),
            None => target,
        })
    }

    /// What a module-level alias names, one step at a time (`canonical` takes the next):
    /// `x = name` is `module.name`, or what `name` imports; `x = base.attr` is what `base`
    /// imports, `.attr`.
    fn alias_target(&self, module: usize, bindings: &[Binding<'a>]) -> Option<String> {
        let [Binding::Assign(value)] = bindings else {
            return None;
        };
        let (base, attributes) = match value {
            Expr::Name(name) => (name.id.as_str(), String::new()),
            Expr::Attribute(attribute) => {
                let Expr::Name(base) = attribute.value.as_ref() else {
                    return None;
                };
                (base.id.as_str(), format!(".{}", attribute.attr))
            }
            _ => return None,
        };
        let info = &self.modules[module];
        match info.scope.get(base).map(single_import) {
            Some(Some(Some(target))) => Some(format!("{target}{attributes}")),
            // A function or class of the module itself.
            Some(_) if attributes.is_empty() => Some(format!("{}.{base}", info.name)),
            // `login_required = token_auth.login_required` beside `token_auth = HTTPTokenAuth()`
            // (helscn's flask-crm `auth.py`, imported by every resource): a member of an object
            // the module makes is that object's member, wherever the alias is imported.
            Some(_) if matches!(info.scope.get(base), Some([Binding::Assign(Expr::Call(_))])) => {
                Some(format!("{}.{base}{attributes}", info.name))
            }
            _ => None,
        }
    }

    /// The module whose own binding of `name` a star import of `module` brings in: the last
    /// star import that has it wins, as at run time, and star imports are followed through
    /// (`auth/__init__.py` stars `auth.app`, which may star another). Names with a leading
    /// underscore, and names a literal `__all__` of the source leaves out, are not exported.
    fn star_source(&self, module: usize, name: &str, depth: usize) -> Option<usize> {
        if name.starts_with('_') {
            return None;
        }
        self.star_source_unvisited(module, name, depth, &mut vec![module])
    }

    /// [`Self::star_source`], skipping the modules already searched: a package whose
    /// `__init__.py` stars each of its modules, each starring the package back
    /// (NAV-spotDPothole's `App/controllers`), makes every module reachable along many paths,
    /// and searching each path anew took time exponential in the number of modules. A module
    /// searched once and left has no binding to give; one still being searched is a cycle.
    fn star_source_unvisited(
        &self,
        module: usize,
        name: &str,
        depth: usize,
        visited: &mut Vec<usize>,
    ) -> Option<usize> {
        if depth > MAX_RESOLUTION_DEPTH {
            return None;
        }
        let stars = &self.modules.get(module)?.star_imports;
        stars.iter().rev().find_map(|star| {
            let source = self.module_index(star)?;
            if visited.contains(&source) || !self.exports(source, name, depth) {
                return None;
            }
            visited.push(source);
            if self.modules[source].scope.get(name).is_some() {
                Some(source)
            } else {
                self.star_source_unvisited(source, name, depth + 1, visited)
            }
        })
    }

    /// The module a name that `module` does not bind itself comes from through its star imports
    /// (DMS-Backend's `from app.views import *` then `add_url_rule('/hook', view_func=...)`).
    pub fn star_imported_from(&self, module: usize, name: &str) -> Option<usize> {
        if self.modules.get(module)?.scope.get(name).is_some() {
            return None;
        }
        self.star_source(module, name, 0)
    }

    /// Whether `from module import *` may bind `name`, by the module's literal `__all__`.
    fn exports(&self, module: usize, name: &str, depth: usize) -> bool {
        let Some([Binding::Assign(value)]) = self.modules[module].scope.get("__all__") else {
            return true;
        };
        match self.value_at_depth(value, &At::top(module), depth + 1) {
            Value::Sequence(items) => items.iter().any(|item| {
                matches!(item, Value::Str(s) if s == name) || matches!(item, Value::Unknown)
            }),
            _ => true,
        }
    }

    /// The longest prefix of `qualified` that is a project module, and the rest of the name.
    pub fn split_module<'q>(&self, qualified: &'q str) -> Option<(usize, &'q str)> {
        // Library names (`flask.Flask`, `sqlalchemy.orm.Session`) are most of what is asked:
        // no project module starts with their first part.
        if !self.names.holds_top_level(qualified) {
            return None;
        }
        let mut end = qualified.len();
        loop {
            end = qualified[..end].rfind('.')?;
            if let Some(index) = self.module_index(&qualified[..end]) {
                return Some((index, &qualified[end + 1..]));
            }
        }
    }

    /// The value of a module-level name in a project module, e.g. `config.ALGORITHMS`.
    fn module_value(&self, qualified: &str, depth: usize) -> Value {
        if depth > MAX_RESOLUTION_DEPTH {
            return Value::Unknown;
        }
        let Some((module, rest)) = self.split_module(qualified) else {
            return Value::Unknown;
        };
        let at = At::top(module);
        match rest.split_once('.') {
            None => self.name_value(rest, &at, depth + 1),
            // `@app.route(HomeURI.path)` (modern-paste): an attribute a class of the module
            // assigns in its own body.
            Some((class, attribute)) if !attribute.contains('.') => {
                self.class_attribute_in(module, class, attribute, depth)
            }
            Some(_) => Value::Unknown,
        }
    }

    /// `HomeURI.path` where `HomeURI` is a class of this module, or one a star import brings
    /// (`from uri.main import *`, modern-paste's routes): the attribute its body assigns. A
    /// subclass that does not assign it is not followed to its bases.
    fn class_attribute_value(
        &self,
        attribute: &ast::ExprAttribute,
        at: &At<'_, 'a>,
        depth: usize,
    ) -> Value {
        let Expr::Name(class) = attribute.value.as_ref() else {
            return Value::Unknown;
        };
        let class = class.id.as_str();
        // `lookup` follows star imports: the module it finds the class in may be another.
        match self.lookup(at, class) {
            Some(([Binding::Opaque], found_at)) => {
                self.class_attribute_in(found_at.module, class, attribute.attr.as_str(), depth)
            }
            _ => Value::Unknown,
        }
    }

    /// The value `attribute` gets in the body of `module`'s top-level class `class`.
    fn class_attribute_in(
        &self,
        module: usize,
        class: &str,
        attribute: &str,
        depth: usize,
    ) -> Value {
        match class_attribute(&self.modules[module].file.module().body, class, attribute) {
            Some(value) => self.value_at_depth(value, &At::top(module), depth + 1),
            None => Value::Unknown,
        }
    }

    /// The statically known value of `expr` evaluated at `at`.
    pub fn value(&self, expr: &Expr, at: &At<'_, 'a>) -> Value {
        self.value_at_depth(expr, at, 0)
    }

    fn value_at_depth(&self, expr: &Expr, at: &At<'_, 'a>, depth: usize) -> Value {
        if depth > MAX_RESOLUTION_DEPTH {
            return Value::Unknown;
        }
        match expr {
            Expr::StringLiteral(literal) => Value::Str(literal.value.to_str().to_string()),
            Expr::BooleanLiteral(literal) => Value::Bool(literal.value),
            Expr::NoneLiteral(_) => Value::None,
            Expr::NumberLiteral(number) => match &number.value {
                ast::Number::Int(int) => int.as_i64().map_or(Value::Unknown, Value::Int),
                _ => Value::Unknown,
            },
            Expr::List(list) => self.sequence(&list.elts, at, depth),
            Expr::Tuple(tuple) => self.sequence(&tuple.elts, at, depth),
            Expr::Set(set) => self.sequence(&set.elts, at, depth),
            Expr::Dict(dict) => {
                let mut entries = Vec::new();
                let mut open = false;
                for item in &dict.items {
                    match &item.key {
                        Some(key) => entries.push((
                            self.value_at_depth(key, at, depth + 1),
                            self.value_at_depth(&item.value, at, depth + 1),
                        )),
                        None => open = true,
                    }
                }
                Value::Dict { entries, open }
            }
            Expr::Call(call) if self.is_builtin_dict(call, at) => {
                let mut entries = Vec::new();
                let mut open = !call.arguments.args.is_empty();
                for keyword in &call.arguments.keywords {
                    match &keyword.arg {
                        Some(name) => entries.push((
                            Value::Str(name.to_string()),
                            self.value_at_depth(&keyword.value, at, depth + 1),
                        )),
                        None => open = true,
                    }
                }
                Value::Dict { entries, open }
            }
            // `f"{API_PREFIX}/users/<int:user_id>"`: every interpolation a known string or
            // number, written plainly (no conversion, no format spec).
            Expr::FString(fstring) => self
                .fstring_text(fstring, at, depth, &mut |_| None)
                .map_or(Value::Unknown, Value::Str),
            // `API_PREFIX + "/users"`
            Expr::BinOp(binary) if binary.op == ast::Operator::Add => {
                match (
                    self.value_at_depth(&binary.left, at, depth + 1),
                    self.value_at_depth(&binary.right, at, depth + 1),
                ) {
                    (Value::Str(left), Value::Str(right)) => Value::Str(left + &right),
                    _ => Value::Unknown,
                }
            }
            Expr::Name(name) => self.name_value(name.id.as_str(), at, depth + 1),
            Expr::Attribute(attribute) => match self.qualified_name(expr, at) {
                Some(qualified) => self.module_value(&qualified, depth + 1),
                None => self.class_attribute_value(attribute, at, depth + 1),
            },
            _ => Value::Unknown,
        }
    }

    /// The text of an f-string whose interpolations are known strings or numbers written
    /// plainly (no conversion, no format spec); `unknown` supplies the text of any other
    /// interpolation, or `None` to give up.
    pub fn fstring_text(
        &self,
        fstring: &ast::ExprFString,
        at: &At<'_, 'a>,
        depth: usize,
        unknown: &mut dyn FnMut(&Expr) -> Option<String>,
    ) -> Option<String> {
        let mut text = String::new();
        for part in fstring.value.iter() {
            match part {
                ast::FStringPart::Literal(literal) => text.push_str(&literal.value),
                ast::FStringPart::FString(inner) => {
                    for element in inner.elements.iter() {
                        match element {
                            ast::InterpolatedStringElement::Literal(literal) => {
                                text.push_str(&literal.value);
                            }
                            ast::InterpolatedStringElement::Interpolation(hole) => {
                                let plain = hole.conversion == ast::ConversionFlag::None
                                    && hole.format_spec.is_none()
                                    && hole.debug_text.is_none();
                                let known = if plain {
                                    self.value_at_depth(&hole.expression, at, depth + 1)
                                } else {
                                    Value::Unknown
                                };
                                match known {
                                    Value::Str(value) => text.push_str(&value),
                                    Value::Int(value) => text.push_str(&value.to_string()),
                                    _ => text.push_str(&unknown(&hole.expression)?),
                                }
                            }
                        }
                    }
                }
            }
        }
        Some(text)
    }

    fn sequence(&self, items: &[Expr], at: &At<'_, 'a>, depth: usize) -> Value {
        Value::Sequence(
            items
                .iter()
                .map(|item| match item {
                    Expr::Starred(_) => Value::Unknown,
                    _ => self.value_at_depth(item, at, depth + 1),
                })
                .collect(),
        )
    }

    fn is_builtin_dict(&self, call: &ast::ExprCall, at: &At<'_, 'a>) -> bool {
        matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "dict")
            && self.lookup(at, "dict").is_none()
    }

    /// The bindings of `name` visible from `at`: the innermost function scope that binds it,
    /// else the module.
    pub fn lookup<'s>(
        &'s self,
        at: &'s At<'s, 'a>,
        name: &str,
    ) -> Option<(&'s [Binding<'a>], At<'s, 'a>)> {
        let mut scope = at.scope;
        while let Some(index) = scope {
            let local = at.scopes.get(index)?;
            if let Some(bindings) = local.get(name) {
                let found_at = At {
                    module: at.module,
                    scopes: at.scopes,
                    scope: Some(index),
                };
                return Some((bindings, found_at));
            }
            scope = local.parent;
        }
        let module = self.modules.get(at.module)?;
        match module.scope.get(name) {
            Some(bindings) => Some((bindings, At::top(at.module))),
            None if !module.star_imports.is_empty() => {
                let source = self.star_source(at.module, name, 0)?;
                let bindings = self.modules[source].scope.get(name)?;
                Some((bindings, At::top(source)))
            }
            None => None,
        }
    }

    /// The object an expression names, as `module.name[.attr]` of the binding that defines it,
    /// following imports but not assignments: two blueprints are two objects even though both
    /// are `Blueprint(...)` calls.
    pub fn binding_name(&self, expr: &Expr, at: &At<'_, 'a>) -> Option<String> {
        match expr {
            Expr::Name(name) => {
                let id = name.id.as_str();
                let raw = match self.lookup(at, id) {
                    Some((bindings, found)) => match single_import(bindings) {
                        Some(Some(target)) => self.canonical(target),
                        // A star import's source when the name came through one.
                        _ => format!("{}.{id}", self.modules[found.module].name),
                    },
                    None => format!("{}.{id}", self.modules[at.module].name),
                };
                Some(match self.split_module(&raw) {
                    Some((module, rest)) => format!("{}.{rest}", self.modules[module].name),
                    None => raw,
                })
            }
            // `import route` then `route.order_api`, where the package's `__init__.py` binds
            // `order_api` to the blueprint of its submodule `route.order_api` (taipei-day-trip).
            Expr::Attribute(attribute) => {
                let base = self.binding_name(&attribute.value, at)?;
                Some(self.member_name(&base, attribute.attr.as_str()))
            }
            _ => None,
        }
    }

    /// `base.attr`: what a project module `base` binds as `attr`, as at run time (a package
    /// re-exporting its submodule's object under the submodule's name); else as written,
    /// since the binding that stopped `base`'s resolution stops `base.attr`'s too
    /// (`db.session.add`, `self.x`).
    fn member_name(&self, base: &str, attr: &str) -> String {
        let name = crate::paths::dotted(base, attr);
        match self.module_index(base) {
            Some(_) => self.canonical(&name),
            None => name,
        }
    }

    /// The expression a name is assigned, when it is bound exactly once, by assignment.
    pub fn assigned_value(&self, name: &str, at: &At<'_, 'a>) -> Option<&'a Expr> {
        match self.lookup(at, name)?.0 {
            [Binding::Assign(value)] => Some(value),
            _ => None,
        }
    }

    fn name_value(&self, name: &str, at: &At<'_, 'a>, depth: usize) -> Value {
        // Modules that import a name from each other (gennis's `app.py` star-imports its views,
        // which import `or_` from `app`) would lead here forever.
        if depth > MAX_RESOLUTION_DEPTH {
            return Value::Unknown;
        }
        let Some((bindings, found_at)) = self.lookup(at, name) else {
            return Value::Unknown;
        };
        match bindings {
            [Binding::Assign(value)] => self.value_at_depth(value, &found_at, depth + 1),
            [Binding::Import(qualified)] => {
                let canonical = self.canonical(qualified);
                self.module_value(&canonical, depth + 1)
            }
            _ => Value::Unknown,
        }
    }

    /// The qualified name an expression refers to, through imports and aliases: `pyjwt.decode`
    /// after `import jwt as pyjwt` is `jwt.decode`; `jwt.PyJWT().decode` is `jwt.PyJWT().decode`;
    /// `decoder.decode` after `decoder = jwt.PyJWT()` is the same.
    pub fn qualified_name(&self, expr: &Expr, at: &At<'_, 'a>) -> Option<String> {
        // Every name `qualified_at_depth` returns is canonical already: a `Name` resolves to a
        // canonical import, an `Attribute` is made canonical as it is built, and a call's `()`
        // is no name a module binds.
        self.qualified_at_depth(expr, at, 0)
    }

    fn qualified_at_depth(&self, expr: &Expr, at: &At<'_, 'a>, depth: usize) -> Option<String> {
        if depth > MAX_RESOLUTION_DEPTH {
            return None;
        }
        match expr {
            Expr::Name(name) => {
                let (bindings, found_at) = self.lookup(at, name.id.as_str())?;
                if let Some(Some(target)) = single_import(bindings) {
                    return Some(self.canonical(target));
                }
                match bindings {
                    [Binding::Assign(value)]
                        if matches!(value, Expr::Call(_) | Expr::Name(_) | Expr::Attribute(_)) =>
                    {
                        self.qualified_at_depth(value, &found_at, depth + 1)
                    }
                    _ => None,
                }
            }
            Expr::Attribute(attribute) => {
                let base = self.qualified_at_depth(&attribute.value, at, depth + 1)?;
                Some(self.member_name(&base, attribute.attr.as_str()))
            }
            Expr::Call(call) => {
                let mut callee = self.qualified_at_depth(&call.func, at, depth + 1)?;
                callee.push_str("()");
                Some(callee)
            }
            _ => None,
        }
    }
}

/// The first class named `name` defined at the top level of `body`.
pub(crate) fn find_class_in<'a>(body: &'a [Stmt], name: &str) -> Option<&'a ast::StmtClassDef> {
    body.iter().find_map(|stmt| match stmt {
        Stmt::ClassDef(class) if class.name.as_str() == name => Some(class),
        _ => None,
    })
}

/// The value the last assignment to `attribute` in the body of the top-level class `class`
/// gives it, if the class's body assigns it.
fn class_attribute<'a>(body: &'a [Stmt], class: &str, attribute: &str) -> Option<&'a Expr> {
    let class = body.iter().rev().find_map(|stmt| match stmt {
        Stmt::ClassDef(def) if def.name.as_str() == class => Some(def),
        _ => None,
    })?;
    class_body_value(class, attribute)
}

/// The value the last `NAME = ...` (or `NAME: T = ...`) written in `class`'s own body gives
/// `NAME`: what `Class.NAME` and `self.NAME` read unless something assigns it later.
pub(crate) fn class_body_value<'a>(class: &'a ast::StmtClassDef, name: &str) -> Option<&'a Expr> {
    class.body.iter().rev().find_map(|stmt| match stmt {
        Stmt::Assign(assign)
            if matches!(assign.targets.as_slice(), [Expr::Name(n)] if n.id.as_str() == name) =>
        {
            Some(assign.value.as_ref())
        }
        Stmt::AnnAssign(assign)
            if matches!(assign.target.as_ref(), Expr::Name(n) if n.id.as_str() == name) =>
        {
            assign.value.as_deref()
        }
        _ => None,
    })
}

fn is_well_known_library(top_level: &str) -> bool {
    matches!(
        top_level,
        "jwt"
            | "jose"
            | "authlib"
            | "flask"
            | "werkzeug"
            | "itsdangerous"
            | "os"
            | "sys"
            | "json"
            | "base64"
            | "datetime"
            | "logging"
            | "functools"
            | "hashlib"
            | "hmac"
            | "secrets"
            | "typing"
            | "re"
    ) || top_level.starts_with("flask_")
}

/// The import a name refers to when its bindings agree on one. `try: import jwt / except
/// ImportError: jwt = None` still refers to `jwt`; an import later replaced by a real value
/// (`jwt = JWTManager(app)`) does not. `Some(None)` means "bound, but not to an import".
fn single_import<'b>(bindings: &'b [Binding<'_>]) -> Option<Option<&'b str>> {
    let mut import: Option<&str> = None;
    for binding in bindings {
        match binding {
            Binding::Import(target) => match import {
                Some(existing) if existing != target => return Some(None),
                _ => import = Some(target),
            },
            Binding::Assign(Expr::NoneLiteral(_)) => {}
            _ => return Some(None),
        }
    }
    Some(import)
}

/// The whole project as the rules see it.
pub struct Project<'a> {
    pub model: ProjectModel<'a>,
    /// One per module, in the same order as `model.modules`.
    pub files: Vec<FileModel<'a>>,
    /// Every algorithm the project signs tokens with or names as its JWT algorithm, in path and
    /// line order.
    pub signing_algorithms: Vec<SigningAlgorithm>,
    /// The applications, and which modules each owns.
    pub apps: apps::Apps,
    /// Every route, with its authentication and role checks decided.
    pub routes: routes::RouteModel<'a>,
    /// The project's ORM model classes and in-memory stores, and whom their rows belong to.
    pub records: records::Records,
    /// Every config setting, and the literal secrets the project signs with.
    pub config: config::ConfigModel<'a>,
    /// Which keys verify tokens, and where the same keys mint them.
    pub keys: keys::TokenKeys,
    /// Functions that return the text of an exception they caught, by function name: the
    /// module and the index into that file's `text_returns`.
    pub text_returns: HashMap<String, Vec<(usize, usize)>>,
    /// The declared dependencies each file runs with; empty until `check` discovers them
    /// (they come from manifests on disk, not from the Python files this model is built from).
    pub dependencies: crate::deps::Dependencies,
    /// Settings written outside Python (dotenv, compose, loaded settings files); empty until
    /// `check` reads them (which files the code loads is known only once this model is built).
    pub settings_files: settings_files::SettingsFiles,
    /// Every call of the analysed files by the callee's last name, built on first use.
    calls_by_name: std::sync::OnceLock<calls::NameIndex>,
    /// Every file's `handler_calls` by the callee's last name, built on first use.
    handler_calls_by_name: std::sync::OnceLock<calls::NameIndex>,
    /// Which functions hold or return unverified token claims, built on first use.
    claim_summaries: std::sync::OnceLock<claims::ClaimSummaries>,
    /// Credential checks a request without the credential passes, built on first use.
    open_credential_checks: std::sync::OnceLock<Vec<open_credentials::OpenCheck>>,
    /// The Flask-Admin views the project registers, built on first use.
    admin_views: std::sync::OnceLock<Vec<admin_views::AdminView>>,
    /// Flask-APScheduler APIs served without authentication, built on first use.
    open_scheduler_apis: std::sync::OnceLock<Vec<SchedulerApi>>,
    administrator_role_numbers: std::sync::OnceLock<Vec<i64>>,
    role_names_compared: std::sync::OnceLock<Vec<String>>,
    replaces_anonymous_user: std::sync::OnceLock<bool>,
    /// Whether the project imports modules by computed names, built on first use.
    imports_by_computed_name: std::sync::OnceLock<bool>,
    unsigned_session_interfaces: std::sync::OnceLock<Vec<(usize, String)>>,
    /// Where accounts are made and which routes let anyone make one, built on first use.
    membership: std::sync::OnceLock<membership::Facts>,
    /// Per module, whether it takes a credential from a request header, built on first use.
    header_credentials: std::sync::OnceLock<Vec<bool>>,
}

/// What the application of a Flask `SECRET_KEY` relies on the key for
/// ([`Project::secret_key_reliance`]).
pub enum KeyReliance {
    /// Its session, a login or CSRF library, a token library signing with it, or a read of it.
    Relied,
    /// Nothing beyond the flash messages Flask keeps in the session.
    FlashesOnly,
    /// Nothing: the session is on the server (Flask-Session). The setting as written.
    ServerSession(String),
}

/// A Flask-APScheduler REST API served without authentication ([`Project::open_scheduler_apis`]).
pub struct SchedulerApi {
    /// Where it is turned on.
    pub module: usize,
    pub range: TextRange,
    /// The setting as written (`Config.SCHEDULER_API_ENABLED`, `scheduler.api_enabled`).
    pub setting: String,
    /// Where its routes are served (`SCHEDULER_API_PREFIX`, `/scheduler` by default).
    pub prefix: String,
}

impl<'a> Project<'a> {
    /// What the application of a Flask `SECRET_KEY` setting relies on the key for. Beyond flash
    /// messages when a module sharing an application with the setting (`set_in`) or with the
    /// literal (`literal_in`) has a [`FileModel::secret_key_use`] (Flask's `session` left out
    /// where the session is on the server, [`Self::server_side_session`]). A setting in a module
    /// no application reaches (a settings file loaded by a path the model cannot follow) may be
    /// any application's: nothing says what its session holds, so it is taken to be relied on.
    pub fn secret_key_reliance(&self, set_in: usize, literal_in: usize) -> KeyReliance {
        let apps = &self.apps;
        if !apps
            .of_module(set_in)
            .iter()
            .any(|&unit| apps.units[unit].is_app())
        {
            return KeyReliance::Relied;
        }
        // Flask-JWT-Extended and Flask-JWT sign with `SECRET_KEY` only while the application
        // sets no key of theirs (Hotel sets `JWT_SECRET_KEY` beside a `SECRET_KEY` nothing else
        // reads).
        let jwt_key_of_its_own = ["JWT_SECRET_KEY", "JWT_PRIVATE_KEY"].iter().any(|key| {
            self.config
                .production_settings(key)
                .any(|entry| apps.share(entry.module, set_in))
        });
        let server_session = self.server_side_session(set_in);
        let relied = self.files.iter().any(|file| {
            // A module no application reaches, counted in each of several only because they
            // share its source root (nexai's `api/` folder holding three alternative apps), says
            // nothing of what any one of them keeps in its session.
            let shares = (apps.share(file.module, set_in) || apps.share(file.module, literal_in))
                && (!apps.is_guessed(file.module)
                    || file.module == set_in
                    || file.module == literal_in);
            // Through the module's bindings, so `from flask.ext.jwt import JWT` (schoolbloc, the
            // old extension namespace) counts as Flask-JWT.
            let signs_tokens = || {
                let info = &self.model.modules[file.module];
                info.analysed
                    && imports(info, &file.scopes).any(|(_, qualified)| {
                        qualified.starts_with("flask_jwt") || qualified.starts_with("flask.ext.jwt")
                    })
            };
            let uses_key = || match server_session {
                None => file.secret_key_use(&self.model).is_some(),
                Some(_) => file
                    .secret_key_use_beside_server_session(&self.model)
                    .is_some(),
            };
            // bantubuzz's `test_server.py` prints whether `app.config.get('SECRET_KEY')` is
            // set: test code signs nothing a deployment relies on.
            shares
                && !file.is_test_module()
                && (uses_key() || (!jwt_key_of_its_own && signs_tokens()))
        });
        match (relied, server_session) {
            (true, _) => KeyReliance::Relied,
            (false, Some(setting)) => KeyReliance::ServerSession(setting),
            (false, None) => KeyReliance::FlashesOnly,
        }
    }

    /// The numbers the project's role constants give its administrators: `ROLE_ADMIN = 30`
    /// in jobplus's `User` class, `ADMIN = 3` in a `class Role(IntEnum)`. A literal role
    /// number that is none of them (`user.role = 10` in its sign-up) makes no administrator.
    pub fn administrator_role_numbers(&self) -> &[i64] {
        self.administrator_role_numbers.get_or_init(|| {
            let mut numbers = Vec::new();
            for info in &self.model.modules {
                records::administrator_role_numbers(&info.file.module().body, &mut numbers);
            }
            numbers.sort_unstable();
            numbers.dedup();
            numbers
        })
    }

    /// Every literal role name the project compares an account's role with
    /// ([`records::role_names_compared`]), sorted and without repeats.
    pub fn role_names_compared(&self) -> &[String] {
        self.role_names_compared.get_or_init(|| {
            let mut names = Vec::new();
            for info in &self.model.modules {
                if memchr::memmem::find(info.file.text.as_bytes(), b"role").is_some()
                    || memchr::memmem::find(info.file.text.as_bytes(), b"_type").is_some()
                {
                    records::role_names_compared(&info.file.module().body, &mut names);
                }
            }
            names.sort_unstable();
            names.dedup();
            names
        })
    }

    /// Whether code of `module`'s application tests the account attribute `attribute`: a
    /// comparison reading it (`user.role == "admin"`, `self.role.value in (...)`,
    /// `claims["role"] != "admin"`, `claims.get("role") == ...`), or a call handing it on
    /// (`has_role(user.role)`), outside `handler` (a sign-up comparing the role it is sent
    /// tests its input, not an account). bookingappbackend's sign-up stores the `role` it is
    /// sent, and nothing else compares a role: administrators are told apart by `is_admin`.
    pub fn tests_attribute(
        &self,
        module: usize,
        handler: &ast::StmtFunctionDef,
        attribute: &str,
    ) -> bool {
        let names_attribute = |expr: &Expr| {
            routes::expr_contains(expr, &mut |inner| match inner {
                Expr::Attribute(read) => read.attr.as_str() == attribute,
                Expr::Subscript(subscript) => matches!(subscript.slice.as_ref(),
                    Expr::StringLiteral(key) if key.value.to_str() == attribute),
                Expr::Call(call) => {
                    matches!(call.func.as_ref(), Expr::Attribute(get) if get.attr.as_str() == "get")
                        && matches!(call.arguments.args.first(),
                            Some(Expr::StringLiteral(key)) if key.value.to_str() == attribute)
                }
                _ => false,
            })
        };
        self.model.modules.iter().enumerate().any(|(index, info)| {
            self.apps.share(index, module)
                && memchr::memmem::find(info.file.text.as_bytes(), attribute.as_bytes()).is_some()
                && routes::any_expr(&info.file.module().body, &mut |expr| {
                    match expr {
                    _ if index == module && handler.range().contains_range(expr.range()) => false,
                    Expr::Compare(compare) => {
                        names_attribute(&compare.left)
                            || compare.comparators.iter().any(names_attribute)
                    }
                    Expr::Call(call) => call.arguments.args.iter().any(|argument| {
                        matches!(argument, Expr::Attribute(read) if read.attr.as_str() == attribute)
                    }),
                    _ => false,
                }
                })
        })
    }

    /// Whether code of `module`'s application outside `handler` tests an administrator flag of
    /// an account by truth or comparison (`if not user.is_admin:`, `getattr(user, "is_admin",
    /// False)`, `current_user.is_superuser == True`): the way it tells administrators apart.
    pub fn tests_privilege_flag(&self, module: usize, handler: &ast::StmtFunctionDef) -> bool {
        const FLAGS: &[&str] = &["is_admin", "is_staff", "is_superuser", "is_super_admin"];
        let flag = |expr: &Expr| match expr {
            Expr::Attribute(read) => FLAGS.contains(&read.attr.as_str()),
            Expr::UnaryOp(not) => {
                matches!(not.operand.as_ref(), Expr::Attribute(read) if FLAGS.contains(&read.attr.as_str()))
            }
            _ => false,
        };
        self.model.modules.iter().enumerate().any(|(index, info)| {
            if !self.apps.share(index, module)
                || !FLAGS
                    .iter()
                    .any(|name| memchr::memmem::find(info.file.text.as_bytes(), name.as_bytes()).is_some())
            {
                return false;
            }
            let outside = |range: TextRange| index != module || !handler.range().contains_range(range);
            let mut found = false;
            routes::visit_stmts(&info.file.module().body, &mut |stmt| {
                if let Stmt::If(branch) = stmt
                    && outside(branch.range())
                    && (flag(&branch.test)
                        || routes::expr_contains(&branch.test, &mut |inner| match inner {
                            Expr::Compare(compare) => {
                                flag(&compare.left) || compare.comparators.iter().any(flag)
                            }
                            Expr::BoolOp(both) => both.values.iter().any(flag),
                            _ => false,
                        }))
                {
                    found = true;
                }
            });
            found
                || routes::any_expr(&info.file.module().body, &mut |expr| {
                    matches!(expr, Expr::Call(call)
                        if outside(call.range())
                            && matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "getattr")
                            && matches!(call.arguments.args.get(1),
                                Some(Expr::StringLiteral(name)) if FLAGS.contains(&name.value.to_str())))
                })
        })
    }

    /// Whether the project loads modules by a name it computes or reads from a string
    /// ([`references::DYNAMIC_IMPORTS`]): asked for every finding in a module that may be
    /// unused, answered once.
    pub fn imports_by_computed_name(&self) -> bool {
        *self.imports_by_computed_name.get_or_init(|| {
            self.model.modules.iter().any(|info| {
                references::DYNAMIC_IMPORTS.iter().any(|name| {
                    memchr::memmem::find(info.file.text.as_bytes(), name.as_bytes()).is_some()
                })
            })
        })
    }

    /// Whether the project gives Flask-Login its own anonymous user
    /// (`login_manager.anonymous_user = Guest`), whose attributes are the project's: without
    /// one, `current_user.id` for a visitor who is not logged in raises `AttributeError`.
    pub fn replaces_anonymous_user(&self) -> bool {
        *self.replaces_anonymous_user.get_or_init(|| {
            self.model
                .modules
                .iter()
                .any(|info| info.file.text.contains("anonymous_user"))
        })
    }

    /// Flask-APScheduler REST APIs the project turns on without authentication:
    /// `SCHEDULER_API_ENABLED = True` (or `scheduler.api_enabled = True`) in an application that
    /// imports `flask_apscheduler`, with no `SCHEDULER_AUTH` setting, no `scheduler.auth = ...`
    /// and no `@scheduler.authenticate` in it, and no setting of the flag to `False` in the same
    /// application (wizarr turns it off again before `init_app`). The extension then serves
    /// `POST <prefix>/jobs`, which schedules any importable function (`"func": "os:system"`), to
    /// whoever reaches the application.
    pub fn open_scheduler_apis(&self) -> &[SchedulerApi] {
        self.open_scheduler_apis
            .get_or_init(|| self.find_open_scheduler_apis())
    }

    fn find_open_scheduler_apis(&self) -> Vec<SchedulerApi> {
        let apps = &self.apps;
        let scheduler_files: Vec<&FileModel<'a>> = self
            .files
            .iter()
            .filter(|file| self.imports_package(file, "flask_apscheduler"))
            .collect();
        if scheduler_files.is_empty() {
            return Vec::new();
        }
        let file_text = |module: usize| self.model.modules[module].file.text.as_ref();
        let mut enabled: Vec<(usize, TextRange, String)> = Vec::new();
        for entry in self.config.production_settings("SCHEDULER_API_ENABLED") {
            if matches!(entry.value.literal(), Some(Value::Bool(true))) {
                enabled.push((entry.module, entry.expr.range(), entry.display.clone()));
            }
        }
        for file in &scheduler_files {
            let text = file_text(file.module);
            for (at, _) in text.match_indices(".api_enabled = True") {
                // The object's name before `.api_enabled`: ASCII identifier characters only,
                // so `start` is always a character boundary (`é.api_enabled` starts after `é`).
                let start = at
                    - text[..at]
                        .bytes()
                        .rev()
                        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                        .count();
                let end = at + ".api_enabled = True".len();
                let (Ok(start32), Ok(end32)) = (u32::try_from(start), u32::try_from(end)) else {
                    continue;
                };
                enabled.push((
                    file.module,
                    TextRange::new(start32.into(), end32.into()),
                    text[start..at + ".api_enabled".len()].to_string(),
                ));
            }
        }
        let prefix = |module: usize| {
            self.config
                .production_settings("SCHEDULER_API_PREFIX")
                .filter(|entry| apps.share(entry.module, module))
                .find_map(|entry| match entry.value.literal() {
                    Some(Value::Str(prefix)) => Some(prefix.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| "/scheduler".to_string())
        };
        enabled
            .into_iter()
            .filter(|(module, _, _)| {
                let in_app = |other: usize| apps.share(other, *module);
                let turned_off = self
                    .config
                    .production_settings("SCHEDULER_API_ENABLED")
                    .any(|entry| {
                        in_app(entry.module)
                            && matches!(entry.value.literal(), Some(Value::Bool(false)))
                    });
                let authenticated = self
                    .config
                    .settings("SCHEDULER_AUTH")
                    .any(|entry| in_app(entry.module))
                    || scheduler_files.iter().any(|file| {
                        let text = file_text(file.module);
                        in_app(file.module)
                            && (text.contains(".auth =") || text.contains(".authenticate"))
                    });
                let installed = scheduler_files.iter().any(|file| in_app(file.module));
                installed && !turned_off && !authenticated
            })
            .map(|(module, range, setting)| SchedulerApi {
                prefix: prefix(module),
                module,
                range,
                setting,
            })
            .collect()
    }

    /// Where the application of a `SECRET_KEY` set in `set_in` keeps its session on the server
    /// with Flask-Session (`SESSION_TYPE = "filesystem"`, `"redis"`, ...): the cookie then holds
    /// a random session id, and the data is on the server, so the key forges no session (a
    /// signed id, `SESSION_USE_SIGNER`, is still only an id that must exist on the server).
    /// The setting as written (`` `app.config["SESSION_TYPE"] = "filesystem"` ``), when so.
    pub fn server_side_session(&self, set_in: usize) -> Option<String> {
        const SERVER_STORES: &[&str] = &[
            "filesystem",
            "redis",
            "memcached",
            "mongodb",
            "sqlalchemy",
            "cachelib",
            "dynamodb",
        ];
        let apps = &self.apps;
        if let Some(interface) = self.unsigned_session_interface(set_in) {
            return Some(interface);
        }
        let setting = self
            .config
            .production_settings("SESSION_TYPE")
            .filter(|entry| apps.share(entry.module, set_in))
            .find_map(|entry| match entry.value.literal() {
                Some(Value::Str(store))
                    if SERVER_STORES.contains(&store.to_ascii_lowercase().as_str()) =>
                {
                    Some(format!("Flask-Session, `{} = \"{store}\"`", entry.display))
                }
                _ => None,
            })?;
        let installs_flask_session = self.files.iter().any(|file| {
            apps.share(file.module, set_in) && self.imports_package(file, "flask_session")
        });
        installs_flask_session.then_some(setting)
    }

    /// `app.session_interface = RedisSessionInterface()` in the application of `set_in`, where
    /// the class is the project's own whole session interface (it defines `open_session` and
    /// `save_session`) and nothing in it signs (no `secret_key`, itsdangerous signer or HMAC):
    /// Flask's own snippet 75, kept by dietr, stores sessions in Redis under a random id it
    /// writes to the cookie as is. The assignment as written, when so.
    /// Who may hold an account in the application `route` belongs to
    /// ([`membership::Membership`]).
    pub fn membership(&self, route: &routes::Route<'_>) -> membership::Membership {
        self.membership_facts().membership(self, route)
    }

    /// The URL rules of the routes that let anyone make an account in `route`'s application.
    pub fn sign_up_rules(&self, route: &routes::Route<'_>) -> Vec<&str> {
        self.membership_facts().sign_up_rules(route)
    }

    fn membership_facts(&self) -> &membership::Facts {
        self.membership.get_or_init(|| membership::Facts::new(self))
    }

    fn unsigned_session_interface(&self, set_in: usize) -> Option<String> {
        let apps = &self.apps;
        self.unsigned_session_interfaces
            .get_or_init(|| self.find_unsigned_session_interfaces())
            .iter()
            .find(|(module, _)| apps.share(*module, set_in))
            .map(|(_, interface)| interface.clone())
    }

    /// Every assignment of an unsigned session interface ([`Self::unsigned_session_interface`])
    /// in the analysed modules, with its module: looked for once per run, since a project may
    /// ask for each of its keys.
    fn find_unsigned_session_interfaces(&self) -> Vec<(usize, String)> {
        const SIGNS: &[&str] = &[
            "secret_key",
            "signing_serializer",
            "Signer",
            "URLSafe",
            "itsdangerous",
            "hmac",
            "SecureCookie",
        ];
        let finder = memchr::memmem::Finder::new("session_interface");
        let mut found = Vec::new();
        for file in &self.files {
            let info = &self.model.modules[file.module];
            if !info.analysed || finder.find(info.file.text.as_bytes()).is_none() {
                continue;
            }
            routes::visit_stmts(&info.file.module().body, &mut |stmt| {
                let Stmt::Assign(assign) = stmt else { return };
                let ([Expr::Attribute(target)], Expr::Call(call)) =
                    (assign.targets.as_slice(), assign.value.as_ref())
                else {
                    return;
                };
                if target.attr.as_str() != "session_interface" {
                    return;
                }
                let at = file.at(file.scope_around(stmt.range()));
                let Some(qualified) = self.model.qualified_name(&call.func, &at) else {
                    return;
                };
                let Some((module, class_name)) = self.model.split_module(&qualified) else {
                    return;
                };
                let class_file = self.model.modules[module].file;
                let Some(class) = find_class_in(&class_file.module().body, class_name) else {
                    return;
                };
                let defines = |name: &str| {
                    class.body.iter().any(
                        |stmt| matches!(stmt, Stmt::FunctionDef(def) if def.name.as_str() == name),
                    )
                };
                let text = class_file.slice(class.range());
                if defines("open_session")
                    && defines("save_session")
                    && !SIGNS.iter().any(|word| text.contains(word))
                {
                    found.push((
                        file.module,
                        format!(
                            "`{}`: `{class_name}` keeps it on the server and signs nothing",
                            info.file.slice(stmt.range())
                        ),
                    ));
                }
            });
        }
        found
    }

    /// Whether an analysed file imports anything of the top-level package `root`.
    /// Whether the application of `module` takes a credential from a request header: some
    /// module of it reads the `Authorization` header, a header named for a credential
    /// (`X-API-Key`, `X-Auth-Token`), or uses a library that verifies header tokens
    /// (Flask-JWT-Extended, Flask-HTTPAuth, flask-praetorian). A module no application
    /// reaches may be any application's: taken to.
    pub fn takes_header_credentials(&self, module: usize) -> bool {
        if self.apps.of_module(module).is_empty() {
            return true;
        }
        let per_module = self.header_credentials.get_or_init(|| {
            self.files
                .iter()
                .map(|file| {
                    let info = &self.model.modules[file.module];
                    info.analysed
                        && (["flask_jwt_extended", "flask_httpauth", "flask_praetorian"]
                            .iter()
                            .any(|package| self.imports_package(file, package))
                            || routes::reads_authorization_header(&info.file.module().body)
                            || routes::any_expr(&info.file.module().body, &mut |expr| {
                                routes::reads_request_credential_in(expr, &["headers"])
                            }))
                })
                .collect()
        });
        per_module
            .iter()
            .enumerate()
            .any(|(other, &takes)| takes && self.apps.share(other, module))
    }

    fn imports_package(&self, file: &FileModel<'a>, root: &str) -> bool {
        let info = &self.model.modules[file.module];
        info.analysed
            && imports(info, &file.scopes)
                .any(|(_, qualified)| qualified.split('.').next() == Some(root))
    }

    /// Where each function gets unverified token claims, and which functions return them.
    pub fn claim_summaries(&self) -> &claims::ClaimSummaries {
        self.claim_summaries
            .get_or_init(|| claims::ClaimSummaries::new(self))
    }

    /// Credential checks a request without the credential passes (`open_credentials`).
    pub fn open_credential_checks(&self) -> &[open_credentials::OpenCheck] {
        self.open_credential_checks
            .get_or_init(|| open_credentials::open_checks(self))
    }

    /// The Flask-Admin views the project registers (`admin_views`).
    pub fn admin_views(&self) -> &[admin_views::AdminView] {
        self.admin_views
            .get_or_init(|| admin_views::collect(&self.model, &self.files))
    }

    /// The calls of the project whose callee's last name is `name`, with their files.
    pub fn calls_named(&self, name: &str) -> Vec<(&FileModel<'a>, calls::CallFact<'_, 'a>)> {
        self.calls_by_name
            .get_or_init(|| calls::NameIndex::of_calls(self.files.iter().map(|file| &file.calls)))
            .candidates(name)
            .iter()
            .filter_map(|&(file, call)| {
                let file = &self.files[file as usize];
                Some((file, file.calls.get(call as usize)?))
            })
            .filter(|(_, fact)| exceptions::last_segment(&fact.call.func) == Some(name))
            .collect()
    }

    /// The calls returned or raised in `except` handlers (`FileModel::handler_calls`) whose
    /// callee's last name is `name`, with their files.
    pub fn handler_calls_named(
        &self,
        name: &str,
    ) -> Vec<(&FileModel<'a>, &exceptions::HandlerCall<'a>)> {
        self.handler_calls_by_name
            .get_or_init(|| {
                calls::NameIndex::new(self.files.iter().enumerate().flat_map(|(file, model)| {
                    model.handler_calls.iter().enumerate().filter_map(
                        move |(index, handler_call)| {
                            Some((
                                file,
                                index,
                                exceptions::last_segment(&handler_call.call.func)?,
                            ))
                        },
                    )
                }))
            })
            .candidates(name)
            .iter()
            .filter_map(|&(file, index)| {
                let file = &self.files[file as usize];
                Some((file, file.handler_calls.get(index as usize)?))
            })
            .filter(|(_, handler_call)| {
                exceptions::last_segment(&handler_call.call.func) == Some(name)
            })
            .collect()
    }

    pub fn new(
        model: ProjectModel<'a>,
        files: Vec<FileModel<'a>>,
        specs: &dyn routes::SpecSource,
    ) -> Project<'a> {
        let mut signing_algorithms = jwt::collect_signing_algorithms(&model, &files);
        signing_algorithms.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        let apps = apps::Apps::new(&model, &files);
        let mut files = files;
        // A debugging script or a copy kept aside is development-only when nothing imports it.
        for file in &mut files {
            if file.context.development_module.is_some()
                || file.context.named_alone
                || apps.is_imported(file.module)
            {
                continue;
            }
            let module = &model.modules[file.module];
            file.context.development_module = context::scratch_script(&module.file.path)
                .map(context::Development::ScratchScript)
                .or_else(|| {
                    context::docstring(&module.file.module().body)
                        .filter(|docstring| context::docstring_says_for_testing(docstring))
                        .map(|_| {
                            context::Development::ForTesting(module.file.display_path().to_string())
                        })
                })
                .or_else(|| {
                    if model.names.is_package_init(module.file_index) {
                        return None;
                    }
                    let (copy, of) = context::stale_copy(&module.name, |original| {
                        model.names.file(original).is_some()
                    })?;
                    Some(context::Development::StaleCopy { copy, of })
                });
        }
        // Independent: each reads the files and apps only (the loop below changes which functions
        // are tests, which none of them reads). Run serially they were a fifth of a Flask-heavy run.
        let (routes, (records, config)) = rayon::join(
            || routes::RouteModel::new(&model, &files, &apps, specs),
            || {
                rayon::join(
                    || records::Records::new(&model, &apps),
                    || config::ConfigModel::new(&model, &files, &apps),
                )
            },
        );
        let mut routes = routes;
        routes.apply_forced_basic_auth(&model, &files, &apps, &config);
        routes.apply_administrator_logins(&model, &files, &apps);
        routes.apply_settings_account_logins(&model, &files, &apps);
        // A `def test_health()` that a route serves answers requests: it is not a test, whatever
        // pytest would make of its name.
        for route in &routes.routes {
            if let Some(file) = files.get_mut(route.module) {
                let handler = ruff_text_size::Ranged::range(route.handler);
                file.context.tests.retain(|test| *test != handler);
            }
        }
        let keys = keys::TokenKeys::new(&model, &files, &apps, &config);
        let mut text_returns: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
        for file in &files {
            for (index, returned) in file.text_returns.iter().enumerate() {
                text_returns
                    .entry(returned.function.name.to_string())
                    .or_default()
                    .push((file.module, index));
            }
        }
        Project {
            model,
            files,
            signing_algorithms,
            apps,
            routes,
            records,
            config,
            keys,
            text_returns,
            dependencies: crate::deps::Dependencies::default(),
            settings_files: settings_files::SettingsFiles::default(),
            calls_by_name: std::sync::OnceLock::new(),
            handler_calls_by_name: std::sync::OnceLock::new(),
            claim_summaries: std::sync::OnceLock::new(),
            open_credential_checks: std::sync::OnceLock::new(),
            admin_views: std::sync::OnceLock::new(),
            open_scheduler_apis: std::sync::OnceLock::new(),
            administrator_role_numbers: std::sync::OnceLock::new(),
            role_names_compared: std::sync::OnceLock::new(),
            replaces_anonymous_user: std::sync::OnceLock::new(),
            imports_by_computed_name: std::sync::OnceLock::new(),
            unsigned_session_interfaces: std::sync::OnceLock::new(),
            membership: std::sync::OnceLock::new(),
            header_credentials: std::sync::OnceLock::new(),
        }
    }
}

/// Where an expression is evaluated: a module, and optionally a function scope inside it.
#[derive(Clone, Copy)]
pub struct At<'s, 'a> {
    pub module: usize,
    pub scopes: &'s [Scope<'a>],
    pub scope: Option<usize>,
}

impl At<'_, '_> {
    /// A module's top level, where module-level names are looked up.
    pub fn top(module: usize) -> Self {
        At {
            module,
            scopes: &[],
            scope: None,
        }
    }
}

/// One file's model: its function scopes and its classified JWT calls.
pub struct FileModel<'a> {
    pub module: usize,
    pub scopes: Vec<Scope<'a>>,
    /// Each function's definition and its scope's index in `scopes`, in source order.
    pub function_scopes: Vec<(ruff_text_size::TextRange, usize)>,
    /// Each class body's definition and its scope's index in `scopes`, in source order.
    pub class_scopes: Vec<(ruff_text_size::TextRange, usize)>,
    pub jwt_calls: Vec<jwt::JwtCall<'a>>,
    /// Every call of the file with its resolved callee.
    pub calls: calls::FileCalls<'a>,
    /// Flask applications constructed in the file.
    pub app_constructions: Vec<apps::AppConstruction<'a>>,
    /// Project modules named in strings the file loads: `app.config.from_object("cfg.Prod")`.
    pub string_imports: Vec<String>,
    /// Test code, development-only code and code outside requests in this file.
    pub context: context::FileContext,
    /// Calls an `except` handler returns or raises, for following exception text into helpers.
    pub handler_calls: Vec<exceptions::HandlerCall<'a>>,
    /// Functions that return the text of an exception they caught, for following that text
    /// into their callers.
    pub text_returns: Vec<exceptions::TextReturn<'a>>,
    /// Built-in exception classes this file raises with its own message (`LookupError`).
    pub own_text_raises: Vec<String>,
    /// Exception classes this file registers an error handler for, by binding
    /// (`@app.errorhandler(ApiError)`, `app.register_error_handler(ApiError, handle)`).
    pub error_handler_types: Vec<String>,
    /// The file registers an error handler by a call rather than a decorator:
    /// `app.register_error_handler(500, handle)`, `app.errorhandler(500)(handle)`.
    pub registers_error_handler_by_call: bool,
    /// What makes the browser send this module's authority by itself, for rules that weigh
    /// cross-site requests: a login library (`flask_login`), Flask's `session`, or a cookie
    /// (`set_cookie`, `request.cookies`, `JWT_TOKEN_LOCATION` with cookies), for messages.
    pub cookie_authority: Option<String>,
    /// What in this module relies on the application's `SECRET_KEY` beyond flash messages: Flask's
    /// `session`, a library that signs with the key or keeps a login or CSRF value in the session
    /// (`flask_login`, `flask_wtf`, `flask_jwt_extended`), or a read of the key itself
    /// (`current_app.config["SECRET_KEY"]`, `app.secret_key`), for the secret rules to say whether
    /// a known key forges anything. Only analysed modules have it. Decided on first use
    /// (`FileModel::secret_key_use`): few projects set a literal key, and every file would
    /// pay for the scan.
    secret_key_use: std::sync::OnceLock<Option<String>>,
}

/// Libraries whose logins live in Flask's session cookie.
const COOKIE_LOGIN_LIBRARIES: &[&str] = &[
    "flask_login",
    "flask_security",
    "flask_user",
    "flask_session",
    "flask_appbuilder",
];

/// Beyond [`COOKIE_LOGIN_LIBRARIES`], libraries that sign with the application's `SECRET_KEY`,
/// or keep an identity, an OAuth state or a CSRF value in Flask's session, which the key signs.
/// A module importing one makes the key matter. A token library does not by itself: it matters
/// when it is handed the key, which is a read of the key (`secret_key_read`) or the same literal
/// (`SecretSite`). Nor does Flask-SocketIO: it reads Flask's session cookie at connect, which
/// matters when the code reads `session`, and that read is counted as such (rent_relay's
/// socket handlers only `emit`).
const SECRET_KEY_LIBRARIES: &[&str] = &[
    "flask_kvsession",
    "flask_principal",
    "flask_wtf",
    "flask_seasurf",
    "flask_admin",
    "flask_dance",
    "flask_oauthlib",
    "flask_oidc",
    "flask_pyoidc",
    "flask_openid",
    "flask_cas",
    "flask_multipass",
    "flask_simplelogin",
    "flask_praetorian",
    "flask_ldap3_login",
    "authlib",
];

/// See [`FileModel::secret_key_use`].
fn secret_key_use(
    info: &ModuleInfo<'_>,
    scopes: &[Scope<'_>],
    session_signed: bool,
) -> Option<String> {
    let text = info.file.text.as_bytes();
    let imported = imports(info, scopes).find_map(|(name, qualified)| {
        let root = qualified.split('.').next().unwrap_or_default();
        if session_signed
            && ((qualified == "flask.session" && uses_session(text, name.as_bytes()))
                || (qualified == "flask" && uses_session(text, b"flask.session")))
        {
            Some("Flask's `session`".to_string())
        } else if (COOKIE_LOGIN_LIBRARIES.contains(&root)
            && !only_user_model_mixin(qualified)
            && (session_signed || root != "flask_session"))
            || (SECRET_KEY_LIBRARIES.contains(&root)
                && (root != "flask_principal" || principal_keeps_session(text)))
        {
            Some(format!("`{root}`"))
        } else {
            None
        }
    });
    imported.or_else(|| secret_key_read(text).map(|read| format!("`{read}`")))
}

/// Flask-Principal keeps the identity in Flask's session where its `Principal(...)` is made
/// without `use_sessions=False`; a module that only imports `Permission` or `identity_changed`
/// keeps nothing itself (quetzal makes `Principal(use_sessions=False)` and loads identities
/// from its own tokens).
fn principal_keeps_session(text: &[u8]) -> bool {
    memchr::memmem::find(text, b"Principal(").is_some()
        && memchr::memmem::find(text, b"use_sessions=False").is_none()
}

/// `flask_login.UserMixin`: a base class for the user model, which logs no one in and keeps
/// nothing in a cookie (quetzal imports it beside tokens of its own in the database).
fn only_user_model_mixin(qualified: &str) -> bool {
    matches!(
        qualified,
        "flask_login.UserMixin" | "flask_login.AnonymousUserMixin" | "flask_login.mixins.UserMixin"
    )
}

/// Whether `text` reads the session bound to `name`: `session["user"]` (not assigned to),
/// `session.get(...)`, `"user" in session`. What the app only writes, pops or clears it never
/// trusts, so a forged cookie gains nothing there; nor does an import alone (vulpy imports
/// `session`, pops `username` from it, and keeps its login in a cookie of its own), nor
/// `g.session`.
fn uses_session(text: &[u8], name: &[u8]) -> bool {
    memchr::memmem::find_iter(text, name).any(|at| {
        let end = at + name.len();
        let before = at.checked_sub(1).map(|i| text[i]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') {
            return false;
        }
        let line_start = text[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        if text[line_start..at].contains(&b'#') {
            return false;
        }
        let rest = &text[end..];
        match rest.first() {
            Some(b'[') => {
                let close = rest.iter().position(|&b| b == b']' || b == b'\n');
                let after = close.map_or(&[][..], |i| &rest[i + 1..]);
                let after = &after[after.iter().position(|&b| b != b' ').unwrap_or(after.len())..];
                !after.starts_with(b"=") || after.starts_with(b"==")
            }
            Some(b'.') => ![&b".pop("[..], b".clear(", b".permanent", b".modified"]
                .iter()
                .any(|writer| rest.starts_with(writer)),
            _ => text[..at].ends_with(b" in ") || text[..at].ends_with(b" in ("),
        }
    })
}

/// The first read of the key in `text`, as written: `app.secret_key` (on a name ending in
/// `app`), `config["SECRET_KEY"]`, `config.get("SECRET_KEY")`, `settings.SECRET_KEY`; not an
/// assignment to it, nor a comparison (a start-up guard), nor a settings object's own
/// `cfg.secret_key`, nor an environment lookup (`os.getenv("SECRET_KEY")`), which feed the
/// setting rather than use it.
fn secret_key_read(text: &[u8]) -> Option<String> {
    let is_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let word_before = |end: usize| {
        let start = text[..end]
            .iter()
            .rposition(|&b| !(is_name(b) || b == b'.'))
            .map_or(0, |at| at + 1);
        &text[start..end]
    };
    let stored_or_compared = |after: usize| {
        let rest = &text[after..];
        let rest = &rest[rest.iter().position(|&b| b != b' ').unwrap_or(rest.len())..];
        (rest.starts_with(b"=") && !rest.starts_with(b"=="))
            || rest.starts_with(b"==")
            || rest.starts_with(b"!=")
    };
    let shown = |start: usize, end: usize| String::from_utf8_lossy(&text[start..end]).into_owned();
    for at in memchr::memmem::find_iter(text, b"secret_key") {
        let end = at + b"secret_key".len();
        if at == 0 || text[at - 1] != b'.' || text.get(end).is_some_and(|&b| is_name(b)) {
            continue;
        }
        let receiver = word_before(at - 1);
        if receiver.ends_with(b"app") && !stored_or_compared(end) {
            return Some(shown(at - 1 - receiver.len(), end));
        }
    }
    for at in memchr::memmem::find_iter(text, b"SECRET_KEY") {
        let end = at + b"SECRET_KEY".len();
        if at == 0 || text.get(end).is_some_and(|&b| is_name(b)) {
            continue;
        }
        let before = &text[..at];
        let (start, after) = if before.ends_with(b"config[\"") || before.ends_with(b"config['") {
            if !matches!(text.get(end..end + 2), Some(b"\"]") | Some(b"']")) {
                continue;
            }
            (at - b"config[\"".len(), end + 2)
        } else if before.ends_with(b"config.get(\"") || before.ends_with(b"config.get('") {
            (at - b"config.get(\"".len(), end + 1)
        } else if before.ends_with(b".") && at >= 2 && is_name(text[at - 2]) {
            (at - 1, end)
        } else {
            continue;
        };
        if !stored_or_compared(after) {
            let start = start - word_before(start).len();
            return Some(shown(start, after));
        }
    }
    None
}

/// Every import binding of a module, at module level and in its functions and classes: the
/// name it binds and what it imports (`session`, `flask.session`).
fn imports<'s>(
    info: &'s ModuleInfo<'_>,
    scopes: &'s [Scope<'_>],
) -> impl Iterator<Item = (&'s str, &'s str)> {
    std::iter::once(&info.scope)
        .chain(scopes)
        .flat_map(|scope| {
            scope.bindings.iter().flat_map(|(name, bindings)| {
                bindings
                    .as_slice()
                    .iter()
                    .filter_map(move |binding| match binding {
                        scope::Binding::Import(qualified) => Some((*name, qualified.as_str())),
                        _ => None,
                    })
            })
        })
}

/// See [`FileModel::cookie_authority`].
fn cookie_authority(info: &ModuleInfo<'_>, scopes: &[Scope<'_>]) -> Option<String> {
    let imported = imports(info, scopes).find_map(|(_, qualified)| {
        let root = qualified.split('.').next().unwrap_or_default();
        let text = info.file.text.as_bytes();
        if COOKIE_LOGIN_LIBRARIES.contains(&root) {
            Some(format!("`{root}`"))
        } else if root == "flask_principal"
            && memchr::memmem::find_iter(text, b"Principal(").any(|at| {
                // `Principal(...)`, `flask_principal.Principal(...)`; not `LdapPrincipal(`.
                at == 0 || !text[at - 1].is_ascii_alphanumeric() && text[at - 1] != b'_'
            })
            && memchr::memmem::find(text, b"use_sessions=False").is_none()
        {
            // Flask-Principal keeps the identity in the session unless told not to.
            Some("Flask-Principal's session identity".to_string())
        } else if qualified == "flask.session" {
            Some("Flask's `session`".to_string())
        } else {
            None
        }
    });
    imported.or_else(|| {
        // `set_cookie(...)`, `request.cookies`, Flask-JWT-Extended's `set_access_cookies(...)`
        // and a `JWT_TOKEN_LOCATION` that lists "cookies"; not a `cookies=` argument of an HTTP
        // client.
        let text = info.file.text.as_bytes();
        [
            &b"set_cookie("[..],
            b"request.cookies",
            b"_cookies(",
            b"\"cookies\"",
            b"'cookies'",
        ]
        .iter()
        .any(|needle| memchr::memmem::find(text, needle).is_some())
        .then(|| SETS_OR_READS_COOKIES.to_string())
    })
}

/// [`FileModel::cookie_authority`] of a module that sets or reads a cookie itself rather than
/// through a login library or Flask's session: a token may travel there.
pub const SETS_OR_READS_COOKIES: &str = "a cookie";

impl<'a> FileModel<'a> {
    /// `location`: what the file's folders say, relative to its project root
    /// (`context::Location`); the caller reads it from the file system, since the project root
    /// may lie above every checked path.
    pub fn new(
        project: &ProjectModel<'a>,
        module: usize,
        location: context::Location,
    ) -> FileModel<'a> {
        let info = &project.modules[module];
        let test_name = match context::test_name(&info.name, &info.file.path) {
            _ if location.test_folder => context::TestName::Always,
            by_name => by_name,
        };
        let mut builder = jwt::CallCollector::new(project, module, &info.package, test_name);
        if info.analysed {
            builder.walk_body(&info.file.module().body);
        }
        let mut file = builder.finish();
        file.cookie_authority = cookie_authority(info, &file.scopes);
        // A module-level reason applies under every range-level one: the folder first (a
        // whole tree of examples), then the script's own name.
        let stem = info
            .file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let docstring = context::docstring(&info.file.module().body);
        let says_example = || docstring.is_some_and(context::docstring_says_example);
        let says_template = || {
            let opening = context::opening_comment(&info.file.text);
            docstring.is_some_and(context::opening_says_template)
                || opening.as_deref().is_some_and(|opening| {
                    context::docstring_says_example(opening)
                        || context::opening_says_template(opening)
                })
        };
        file.context.api_clients = context::api_client_classes(&info.file.module().body);
        if context::http_client_script(&info.file.module().body) {
            file.context
                .api_clients
                .push((TextRange::up_to(info.file.text_len()), format!("{stem}.py")));
        }
        file.context.named_alone = location.named_alone;
        file.context.development_module = match location.development_folder {
            Some(folder) => Some(context::Development::Folder(folder)),
            None if context::is_dev_script(&stem) => {
                Some(context::Development::Script(format!("{stem}.py")))
            }
            None if says_example() => {
                Some(context::Development::ExampleModule(format!("{stem}.py")))
            }
            None if says_template() => Some(context::Development::Template(format!("{stem}.py"))),
            None => None,
        };
        file
    }

    /// See the field `secret_key_use`.
    pub fn secret_key_use(&self, project: &ProjectModel<'a>) -> Option<&str> {
        self.secret_key_use
            .get_or_init(|| {
                let info = &project.modules[self.module];
                info.analysed
                    .then(|| secret_key_use(info, &self.scopes, true))
                    .flatten()
            })
            .as_deref()
    }

    /// [`Self::secret_key_use`] for an application whose session lives on the server
    /// (Flask-Session): Flask's `session` there is a random id in the cookie, so only the other
    /// uses count.
    pub fn secret_key_use_beside_server_session(
        &self,
        project: &ProjectModel<'a>,
    ) -> Option<String> {
        let info = &project.modules[self.module];
        info.analysed
            .then(|| secret_key_use(info, &self.scopes, false))
            .flatten()
    }

    /// Whether the module is test code as a whole.
    pub fn is_test_module(&self) -> bool {
        self.context.test_module
    }

    pub fn file(&self, project: &'a ProjectModel<'a>) -> &'a SourceFile {
        project.modules[self.module].file
    }

    /// The scope of the innermost function around `range`; `None` at module level.
    pub fn scope_around(&self, range: ruff_text_size::TextRange) -> Option<usize> {
        self.function_scopes
            .iter()
            .filter(|(def, _)| def.contains_range(range))
            .min_by_key(|(def, _)| def.len())
            .map(|(_, scope)| *scope)
    }

    /// The scope of the function or class defined at exactly `definition`.
    pub fn scope_of_definition(&self, definition: ruff_text_size::TextRange) -> Option<usize> {
        [&self.function_scopes, &self.class_scopes]
            .into_iter()
            .find_map(|list| {
                let index = list
                    .binary_search_by_key(&definition.start(), |(range, _)| range.start())
                    .ok()?;
                (list[index].0 == definition).then_some(list[index].1)
            })
    }

    pub fn at(&self, scope: Option<usize>) -> At<'_, 'a> {
        At {
            module: self.module,
            scopes: &self.scopes,
            scope,
        }
    }
}

/// Builds the model of a small project for the model's unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use super::{ModuleInfo, ModuleNames, ProjectModel};
    use crate::source::SourceFile;

    /// The model of `files` (`(path, source)` pairs under one root), handed to `check`.
    pub(crate) fn with_model(files: &[(&str, &str)], check: impl FnOnce(&ProjectModel<'_>)) {
        let root = std::path::Path::new("/p");
        let sources: Vec<SourceFile> = files
            .iter()
            .map(|(path, text)| {
                SourceFile::parse(root.join(path), text.as_bytes().to_vec()).expect("parses")
            })
            .collect();
        let names = ModuleNames::new(sources.iter().map(|s| (s.path.as_path(), root)));
        let modules = sources
            .iter()
            .enumerate()
            .map(|(index, source)| ModuleInfo::new(source, &names, index, true))
            .collect();
        check(&ProjectModel::new(modules, &names));
    }
}

#[cfg(test)]
mod tests {
    use super::{ModuleNames, module_name};
    use std::path::Path;

    fn names(paths: &[&str]) -> ModuleNames {
        let root = Path::new("/p");
        let paths: Vec<std::path::PathBuf> = paths.iter().map(|p| root.join(p)).collect();
        ModuleNames::new(paths.iter().map(|p| (p.as_path(), root)))
    }

    #[test]
    fn an_import_resolves_to_the_nearest_folder_that_holds_it() {
        let names = names(&[
            "course/step1/app.py",
            "course/step1/resources/user.py",
            "course/step2/app.py",
            "course/step2/resources/user.py",
            "resources/user.py",
            "lib/pkg/__init__.py",
            "lib/pkg/jwt.py",
            "lib/pkg/views.py",
        ]);
        assert_eq!(
            names
                .resolve_import("course.step1", "resources.user")
                .as_deref(),
            Some("course.step1.resources.user")
        );
        assert_eq!(
            names
                .resolve_import("course.step2", "resources.user.User")
                .as_deref(),
            Some("course.step2.resources.user.User")
        );
        // Nothing nearer holds `resources`: the top does.
        assert_eq!(
            names.resolve_import("lib.pkg", "resources").as_deref(),
            Some("resources")
        );
        // A namespace package (no `__init__.py`) resolves too.
        assert_eq!(
            names.resolve_import("", "course.step1.app").as_deref(),
            Some("course.step1.app")
        );
        // A project file named like a well-known library does not capture it.
        assert_eq!(names.resolve_import("lib.pkg", "jwt"), None);
        // Not a project module from anywhere.
        assert_eq!(names.resolve_import("course.step1", "flask"), None);
        // Inside a regular package, a sibling module does not capture a library of its name.
        let names = super::tests::names(&[
            "superset/__init__.py",
            "superset/db_engine_specs/__init__.py",
            "superset/db_engine_specs/shillelagh.py",
            "superset/db_engine_specs/gsheets.py",
        ]);
        assert_eq!(
            names.resolve_import("superset.db_engine_specs", "shillelagh.adapters.base"),
            None
        );
        assert_eq!(
            names
                .resolve_import(
                    "superset.db_engine_specs",
                    "superset.db_engine_specs.shillelagh"
                )
                .as_deref(),
            Some("superset.db_engine_specs.shillelagh")
        );
        assert_eq!(names.resolve_import("course.step1", "models"), None);
        assert_eq!(
            names.resolve_import("superset.db_engine_specs", "shillelagh"),
            None
        );
        // An app run from its own folder, itself a regular package (clusterfuzz's
        // `src/appengine/server.py`: `from handlers import auth`): a sibling package that holds
        // the imported path, when nothing else in the project is that name.
        let names = super::tests::names(&[
            "src/__init__.py",
            "src/appengine/__init__.py",
            "src/appengine/server.py",
            "src/appengine/handlers/__init__.py",
            "src/appengine/handlers/auth.py",
            "src/appengine/handlers/jwt/__init__.py",
        ]);
        assert_eq!(
            names
                .resolve_import("src.appengine", "handlers.auth")
                .as_deref(),
            Some("src.appengine.handlers.auth")
        );
        assert_eq!(
            names.resolve_import("src.appengine", "handlers").as_deref(),
            Some("src.appengine.handlers")
        );
        assert_eq!(
            names.resolve_import("src.appengine", "handlers.missing"),
            None
        );
        assert_eq!(names.resolve_import("src.appengine.handlers", "jwt"), None);
        // Deeper modules of such an app find its packages too (tesla-trip's
        // `src/controllers/car_routes.py`: `from utils.auth_tool import AuthTool`), and a
        // package names its own modules by their full path (`from controllers.car_routes
        // import car_app` in `src/controllers/__init__.py`); its bare name alone, inside it,
        // is a library of that name (metabrainz's `admin/quickbooks/views.py`: `import
        // quickbooks`).
        let names = super::tests::names(&[
            "src/__init__.py",
            "src/start_api.py",
            "src/utils/__init__.py",
            "src/utils/auth_tool.py",
            "src/controllers/__init__.py",
            "src/controllers/car_routes.py",
            "src/admin/__init__.py",
            "src/admin/quickbooks/__init__.py",
            "src/admin/quickbooks/views.py",
        ]);
        assert_eq!(
            names
                .resolve_import("src.controllers", "utils.auth_tool")
                .as_deref(),
            Some("src.utils.auth_tool")
        );
        assert_eq!(
            names
                .resolve_import("src.controllers", "controllers.car_routes")
                .as_deref(),
            Some("src.controllers.car_routes")
        );
        assert_eq!(
            names.resolve_import("src.admin.quickbooks", "quickbooks"),
            None
        );
        assert_eq!(
            names.resolve_import("src.admin.quickbooks", "quickbooks.objects.customer"),
            None
        );
    }

    #[test]
    fn two_checked_folders_give_two_names() {
        let a = Path::new("/p/a");
        let b = Path::new("/p/b");
        let (app_a, app_b) = (a.join("app.py"), b.join("app.py"));
        let names = ModuleNames::new([(app_a.as_path(), a), (app_b.as_path(), b)]);
        assert_eq!(names.names, vec!["a.app".to_string(), "b.app".to_string()]);
        assert_eq!(names.resolve_import("a", "app").as_deref(), Some("a.app"));
    }

    #[test]
    fn module_names_follow_the_directory_layout() {
        let root = Path::new("/p");
        assert_eq!(
            module_name(Path::new("/p/app/auth.py"), root),
            ("app.auth".into(), false)
        );
        assert_eq!(
            module_name(Path::new("/p/app/__init__.py"), root),
            ("app".into(), true)
        );
        assert_eq!(
            module_name(Path::new("/p/config.py"), root),
            ("config".into(), false)
        );
    }
}
