//! Which Flask application each module belongs to: every judgement about routes, hooks and
//! settings is made within one application, never across the whole checked tree.
//!
//! An application is identified by where it is constructed (`Flask(...)`, `APIFlask(...)`,
//! connexion's `App` / `FlaskApp` / `AsyncApp`, a project subclass of `Flask`); two callers of
//! one `create_app` are one application. It owns the modules its constructing module reaches
//! through imports (imports inside functions included, so blueprints imported inside a factory
//! count), and the modules that import the constructing module (`from app import app` in a
//! views module) with what they import in turn. Neither walk enters another application's
//! constructing module, and test code that imports an app is not followed further, so a test
//! suite or a `wsgi.py` that imports two apps does not merge them.
//!
//! Modules no application reaches form one unit per source root (the folder above the top
//! package: a course folder per stage, an `examples/x` folder, the repository root), so a lone
//! blueprint library is still judged on its own, as before applications existed.
//!
//! Routes and hooks refine this by object where they can: a route registered on an app object
//! belongs to that app alone (see `routes`).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::VecDeque;

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use super::{FileModel, ProjectModel};

/// A Flask application constructed in a file: `app = Flask(__name__)`.
#[derive(Debug)]
pub struct AppConstruction<'a> {
    pub call: &'a ast::ExprCall,
    /// The name the application is assigned to (`app`), when it is.
    pub assigned_to: Option<&'a str>,
    /// The factory it is built in (`create_app`), if any.
    pub function: Option<&'a ast::StmtFunctionDef>,
}

/// Whether a qualified callee constructs an application.
pub fn is_app_constructor(qualified: &str) -> bool {
    matches!(
        qualified,
        "flask.Flask"
            | "flask.app.Flask"
            | "apiflask.APIFlask"
            | "apiflask.app.APIFlask"
            | "connexion.App"
            | "connexion.FlaskApp"
            | "connexion.AsyncApp"
            | "connexion.apps.flask.FlaskApp"
            | "connexion.apps.flask_app.FlaskApp"
            | "connexion.apps.asynchronous.AsyncApp"
            | "flask_openapi3.OpenAPI"
            | "quart.Quart"
    )
}

/// The last name of a callee that may construct an application: the gate before resolving.
pub fn may_construct_app(name: &str) -> bool {
    matches!(
        name,
        "Flask" | "APIFlask" | "App" | "FlaskApp" | "AsyncApp" | "OpenAPI" | "Quart"
    ) || name.ends_with("Flask")
        || name.ends_with("App")
}

/// An application, or a group of modules no application reaches.
#[derive(Debug)]
pub struct Unit {
    /// "`create_app()` (app/__init__.py:12)", "the modules under `examples/a` outside any
    /// application".
    pub label: String,
    /// The module it is constructed in (applications only).
    pub module: Option<usize>,
    pub range: Option<TextRange>,
    /// The application object's binding name (`app.app`, `app.create_app.app`), as routes name
    /// their registrar.
    pub binding: Option<String>,
}

impl Unit {
    pub fn is_app(&self) -> bool {
        self.module.is_some()
    }

    /// For messages: "app `create_app()` (app/__init__.py:12)".
    pub fn describe(&self) -> String {
        if self.is_app() {
            format!("app {}", self.label)
        } else {
            self.label.clone()
        }
    }
}

/// Applications and the modules each one owns.
#[derive(Debug, Default)]
pub struct Apps {
    pub units: Vec<Unit>,
    /// Per module (index into `ProjectModel::modules`): the units it belongs to, sorted.
    module_units: Vec<Vec<usize>>,
    by_binding: HashMap<String, usize>,
    /// Per module: the other modules of the run that import it (by a statement or a string).
    importers: Vec<Vec<usize>>,
    /// Per module: an application reaches it through imports (rather than owning it only as a
    /// module of its source root).
    reached: Vec<bool>,
    /// Per module: no application reaches it through imports, and its source root holds
    /// several: its units are every one of them, a guess (cuckoo's blueprints loaded by
    /// `__import__` in a loop, beside another app of the same package).
    guessed: Vec<bool>,
}

impl Apps {
    pub fn new(model: &ProjectModel<'_>, files: &[FileModel<'_>]) -> Apps {
        let count = model.modules.len();
        let mut units: Vec<Unit> = Vec::new();
        let mut by_binding: HashMap<String, usize> = HashMap::default();
        for file in files {
            let module = &model.modules[file.module];
            for construction in &file.app_constructions {
                let line = module.file.position(construction.call.range().start()).line;
                let what = match (construction.function, construction.assigned_to) {
                    (Some(factory), _) => format!("`{}()`", factory.name),
                    (None, Some(name)) => format!("`{name}`"),
                    (None, None) => "an application".to_string(),
                };
                let binding = construction
                    .assigned_to
                    .map(|name| format!("{}.{name}", module.name));
                if let Some(binding) = &binding {
                    by_binding.entry(binding.clone()).or_insert(units.len());
                }
                units.push(Unit {
                    label: format!("{what} ({}:{line})", module.file.display_path()),
                    module: Some(file.module),
                    range: Some(construction.call.range()),
                    binding,
                });
            }
        }
        let imports = import_graph(model, files);
        let mut importers: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (from, targets) in imports.iter().enumerate() {
            for &to in targets {
                importers[to].push(from);
            }
        }
        let constructing: HashSet<usize> = units.iter().filter_map(|u| u.module).collect();
        let mut module_units: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (unit, app) in units.iter().enumerate() {
            let Some(home) = app.module else { continue };
            let mut members: HashSet<usize> = HashSet::default();
            let mut queue: VecDeque<usize> = VecDeque::new();
            members.insert(home);
            queue.push_back(home);
            for &importer in &importers[home] {
                if members.insert(importer)
                    && !files.get(importer).is_some_and(FileModel::is_test_module)
                {
                    queue.push_back(importer);
                }
            }
            while let Some(module) = queue.pop_front() {
                for &next in &imports[module] {
                    if constructing.contains(&next) && next != home {
                        continue;
                    }
                    if members.insert(next) {
                        queue.push_back(next);
                    }
                }
            }
            for member in members {
                module_units[member].push(unit);
            }
        }
        let reached: Vec<bool> = module_units
            .iter()
            .map(|owners| !owners.is_empty())
            .collect();
        // Modules no application reaches through imports (helpers loaded by a string, code only
        // unparsed files import) run in the applications of their own source root; where that
        // root holds no application, they are a unit of their own.
        let mut apps_by_root: HashMap<String, Vec<usize>> = HashMap::default();
        for (unit, app) in units.iter().enumerate() {
            if let Some(home) = app.module {
                apps_by_root
                    .entry(source_root(model, home))
                    .or_default()
                    .push(unit);
            }
        }
        let mut loose: HashMap<String, usize> = HashMap::default();
        let mut guessed = vec![false; count];
        for (module, owners) in module_units.iter_mut().enumerate() {
            if !owners.is_empty() {
                continue;
            }
            let root = source_root(model, module);
            if let Some(apps) = apps_by_root.get(&root) {
                owners.extend(apps.iter().copied());
                guessed[module] = apps.len() > 1;
                continue;
            }
            let unit = *loose.entry(root.clone()).or_insert_with(|| {
                units.push(Unit {
                    label: if root.is_empty() {
                        "the modules outside any application".to_string()
                    } else {
                        format!(
                            "the modules under `{}` outside any application",
                            root.replace('.', "/")
                        )
                    },
                    module: None,
                    range: None,
                    binding: None,
                });
                units.len() - 1
            });
            owners.push(unit);
        }
        for list in &mut module_units {
            list.sort_unstable();
        }
        Apps {
            units,
            module_units,
            by_binding,
            importers,
            reached,
            guessed,
        }
    }

    /// The units a module belongs to.
    pub fn of_module(&self, module: usize) -> &[usize] {
        self.module_units.get(module).map_or(&[], Vec::as_slice)
    }

    /// Whether two modules belong to a common unit: one application's code.
    pub fn share(&self, a: usize, b: usize) -> bool {
        a == b || overlap(self.of_module(a), self.of_module(b))
    }

    /// The application an object binding names (`app.app`), if it is one.
    pub fn app_bound_to(&self, binding: &str) -> Option<usize> {
        self.by_binding.get(binding).copied()
    }

    /// Whether `module` belongs to several applications only because none reaches it and they
    /// share its source root: which of them runs it is unknown.
    pub fn is_guessed(&self, module: usize) -> bool {
        self.guessed.get(module).copied().unwrap_or(false)
    }

    /// Whether an application reaches `module` through imports (its constructing module, what
    /// that imports, transitively, and the modules importing it).
    pub fn is_reached(&self, module: usize) -> bool {
        self.reached.get(module).copied().unwrap_or(true)
    }

    /// Whether another module of the run imports `module`.
    pub fn is_imported(&self, module: usize) -> bool {
        self.importers
            .get(module)
            .is_none_or(|list| !list.is_empty())
    }

    /// The other modules of the run that import `module`.
    pub fn importers(&self, module: usize) -> &[usize] {
        self.importers.get(module).map_or(&[], Vec::as_slice)
    }

    /// How many applications the run holds.
    pub fn app_count(&self) -> usize {
        self.units.iter().filter(|u| u.is_app()).count()
    }
}

/// Whether two sorted unit lists have a unit in common.
pub fn overlap(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    false
}

/// For every loaded module, the loaded project modules its import statements load (at any
/// depth: imports inside functions count). Modules that were not parsed end the walk there:
/// the pre-check parses every module that can hold a finding, and whatever they import.
fn import_graph(model: &ProjectModel<'_>, files: &[FileModel<'_>]) -> Vec<Vec<usize>> {
    let mut graph: Vec<Vec<usize>> = vec![Vec::new(); model.modules.len()];
    let mut add = |from: usize, names: &[String]| {
        for name in names {
            if let Some(to) = model.loaded_module_of(name)
                && to != from
                && !graph[from].contains(&to)
            {
                graph[from].push(to);
            }
        }
    };
    for (index, module) in model.modules.iter().enumerate() {
        add(index, &module.scope.imports);
    }
    for file in files {
        for scope in &file.scopes {
            add(file.module, &scope.imports);
        }
        add(file.module, &file.string_imports);
    }
    graph
}

/// The folder above a module's top package, as a dotted prefix: `course.step3` for
/// `course.step3.resources.user` when `resources` is a package and `step3` is not.
pub(crate) fn source_root(model: &ProjectModel<'_>, module: usize) -> String {
    let mut root = model.modules[module].package.as_str();
    while !root.is_empty() && model.names.is_regular_package(root) {
        root = root.rsplit_once('.').map_or("", |(parent, _)| parent);
    }
    root.to_string()
}
