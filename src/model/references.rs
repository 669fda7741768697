//! Code nothing in the project runs: a function no code names, a module no file imports.
//!
//! A finding about what code does when it runs (a decode that skips the signature, a token
//! written to a log) weighs nothing while no request or command runs that code. Reviewers of
//! HiddifyPanel and spiff-arena judged findings in a module nothing imports (`auth_back2.py`,
//! superseded by `auth.py`) and in a static method nothing calls ("only used for debugging")
//! wrong at medium and critical. The tests here are conservative: a name that occurs anywhere
//! else in the project's parsed text, as a call, a reference, an import or a string
//! (`import_string("pkg.auth")`, `getattr(service, "decode")`), counts as used.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::{FileModel, Project};

/// Why code at a place runs for no request as the project stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unused {
    /// A function or method nothing names but its own `def`.
    Function(String),
    /// A module of a package that no file of the project that runs imports or names: its
    /// dotted name, and why what seems to load it does not.
    Module(String, NotLoaded),
    /// A function named only inside functions of its module that nothing names: the function,
    /// then those callers.
    CalledOnlyByUnused(String, Vec<String>),
    /// A module that a package of the same name hides: the module's name.
    ShadowedByPackage(String),
}

impl Unused {
    /// The note a lowered finding's message ends with.
    pub fn note(&self) -> String {
        match self {
            Unused::Function(name) => format!(
                " [nothing in the project calls, applies or registers `{name}`: no request runs this code as it stands]"
            ),
            Unused::Module(name, why) => format!(
                " [{}: no request runs this code as it stands]",
                why.describe(name)
            ),
            Unused::ShadowedByPackage(name) => format!(
                " [the package `{name}/` beside this file is what `import {name}` loads: Python never imports this module, so no request runs this code as it stands]"
            ),
            Unused::CalledOnlyByUnused(name, callers) => format!(
                " [`{name}` is called only by {}, which nothing in the project calls: no request runs this code as it stands]",
                quoted_callers(callers)
            ),
        }
    }
}

/// Why a module that seems loaded is not, for [`Unused::Module`]'s note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotLoaded {
    /// Nothing imports or names it.
    NeverNamed,
    /// Only these modules (dotted names), which are never loaded themselves, import it.
    ImportedOnlyBy(Vec<String>),
    /// A module that runs star-imports its package, whose `__init__.py` does not import it.
    PackageStarImported(String),
}

impl NotLoaded {
    /// Why the module `name` is never loaded, as a clause: "no file of the project imports or
    /// names the module `a.b`".
    pub fn describe(&self, name: &str) -> String {
        match self {
            NotLoaded::NeverNamed => {
                format!("no file of the project imports or names the module `{name}`")
            }
            NotLoaded::ImportedOnlyBy(importers) => format!(
                "the module `{name}` is imported only by {}, which nothing in the project imports",
                quoted_callers(importers)
            ),
            NotLoaded::PackageStarImported(package) => format!(
                "no file of the project imports the module `{name}` (`from {package} import *` loads only what `{package}`'s `__init__.py` imports)"
            ),
        }
    }
}

/// The callers of [`Unused::CalledOnlyByUnused`] as messages name them: `` `a` and `b` ``.
pub fn quoted_callers(callers: &[String]) -> String {
    callers
        .iter()
        .map(|caller| format!("`{caller}`"))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// Whether the code at `range` of `file` is unused: inside a function nothing names, or in a
/// module nothing imports. `None` outside applications (a library's functions are called by
/// the projects that use it), in test code and in files named alone (as pre-commit passes
/// the files a commit changes): the files that call them may be outside the run. A checked
/// directory is the project as far as the run knows, as for every cross-file question.
pub fn unused_at(project: &Project<'_>, file: &FileModel<'_>, range: TextRange) -> Option<Unused> {
    if !callers_are_in_the_run(project, file) {
        return None;
    }
    let module = project.model.modules[file.module].file.module();
    let function = module.body.iter().find_map(|stmt| match stmt {
        Stmt::FunctionDef(def) if def.range().contains_range(range) => Some((def, None)),
        Stmt::ClassDef(class) if class.range().contains_range(range) => {
            class.body.iter().find_map(|member| match member {
                Stmt::FunctionDef(def) if def.range().contains_range(range) => {
                    Some((def, Some(class)))
                }
                _ => None,
            })
        }
        _ => None,
    });
    if let Some((def, class)) = function
        && let Some(unused) = unreferenced_function(project, file, def, class)
    {
        return Some(unused);
    }
    module_never_loaded(project, file)
}

/// Whether the run holds whatever would call `file`'s code: it belongs to an application, and
/// is neither test code nor a file named alone.
fn callers_are_in_the_run(project: &Project<'_>, file: &FileModel<'_>) -> bool {
    let apps = &project.apps;
    let in_application = apps
        .of_module(file.module)
        .iter()
        .any(|&unit| apps.units[unit].is_app());
    in_application && !file.is_test_module() && !file.context.named_alone
}

/// Why no request runs any code of `file`'s module: a package of the same name hides it, or
/// nothing imports it (see [`unused_at`] for when the question is asked at all).
pub fn module_never_loaded(project: &Project<'_>, file: &FileModel<'_>) -> Option<Unused> {
    if !callers_are_in_the_run(project, file) {
        return None;
    }
    if let Some(name) = shadowed_module(project, file) {
        return Some(Unused::ShadowedByPackage(name));
    }
    let name = unimported_module(project, file)?;
    let info = &project.model.modules[file.module];
    let importers: Vec<String> = project
        .apps
        .importers(file.module)
        .iter()
        .filter_map(|&importer| project.model.modules.get(importer))
        .map(|importer| importer.name.clone())
        .collect();
    let package = info.name.rsplit_once('.').map(|(package, _)| package);
    let star_imported = package.filter(|package| {
        project
            .model
            .modules
            .iter()
            .any(|other| other.star_imports.iter().any(|star| star == package))
    });
    let why = match (importers.is_empty(), star_imported) {
        (false, _) => NotLoaded::ImportedOnlyBy(importers),
        (true, Some(package)) => NotLoaded::PackageStarImported(package.to_string()),
        (true, None) => NotLoaded::NeverNamed,
    };
    Some(Unused::Module(name, why))
}

/// The name of `def` (a module-level function, or a method of the module-level `class`) when
/// nothing in the modules of its application names it but its own `def`: no call, decorator
/// use, registration, import, `__all__` entry or string. A decorated function may be registered
/// by its decorator; a method of a class with a base, a dunder method or a WTForms
/// `validate_<field>` may be called by a framework by its name: none of them counts.
fn unreferenced_function(
    project: &Project<'_>,
    file: &FileModel<'_>,
    def: &ast::StmtFunctionDef,
    class: Option<&ast::StmtClassDef>,
) -> Option<Unused> {
    // The constructor of a plain class runs where the class is called: walle-web's
    // `TokenManager.__init__`, whose key FL302 reports, runs only if something names
    // `TokenManager`.
    let constructed_class =
        class.filter(|class| def.name.as_str() == "__init__" && is_plain_class(class));
    let name = match constructed_class {
        Some(class) => class.name.as_str(),
        None if runs_without_being_named(project, def) => return None,
        None => def.name.as_str(),
    };
    match class {
        _ if constructed_class.is_some() => {}
        None if !def.decorator_list.is_empty() => return None,
        None => {}
        Some(class) => {
            let plain_class = is_plain_class(class);
            let plain_method = def.decorator_list.iter().all(|d| {
                matches!(&d.expression, Expr::Name(n)
                    if matches!(n.id.as_str(), "staticmethod" | "classmethod"))
            });
            // Taskflow-manager's `User(UserMixin, db.Model)` with a `@staticmethod
            // verify_jwt_token`: an ORM model calls no static method of its subclasses by name.
            let model_static =
                def.decorator_list.iter().any(
                    |d| matches!(&d.expression, Expr::Name(n) if n.id.as_str() == "staticmethod"),
                ) && class.decorator_list.is_empty()
                    && class.arguments.as_ref().is_some_and(|arguments| {
                        arguments.keywords.is_empty()
                            && arguments.args.iter().all(|base| match base {
                                Expr::Name(n) => {
                                    matches!(n.id.as_str(), "Model" | "Base" | "UserMixin")
                                }
                                Expr::Attribute(a) => a.attr.as_str() == "Model",
                                _ => false,
                            })
                    });
            if !(plain_class && plain_method || model_static) {
                return None;
            }
        }
    }
    // A `def` of the same name elsewhere (ras-frontstage's view
    // `resend_password_email_expired_token` beside the controller function it never calls)
    // defines another function; it names nothing.
    // Mentions inside functions of its own module that nothing references are dead too
    // (notifications-admin's bundled client: `decode_token` is called only by
    // `get_token_issuer` and `decode_jwt_token`, which nothing calls), in its module or another
    // (walle-web's `TokenManager()` in `emails.public_send_registered_email`, which nothing
    // calls). One level deep.
    let mut dead_callers: Vec<String> = Vec::new();
    for (index, info) in project.model.modules.iter().enumerate() {
        if !project.apps.share(index, file.module) {
            continue;
        }
        let text: &str = &info.file.text;
        let module = info.file.module();
        let declaration = |at: usize| {
            let before = text[..at].trim_end();
            before.ends_with("def") || constructed_class.is_some() && before.ends_with("class")
        };
        for at in whole_words(text, name).filter(|&at| !declaration(at)) {
            let Ok(offset) = u32::try_from(at) else {
                return None;
            };
            let container = module.body.iter().find_map(|stmt| match stmt {
                Stmt::FunctionDef(other)
                    if other
                        .range()
                        .contains(ruff_text_size::TextSize::new(offset)) =>
                {
                    Some(other)
                }
                _ => None,
            });
            let dead_container = container.is_some_and(|other| {
                let other_name = other.name.as_str();
                other_name != name
                    && other.decorator_list.is_empty()
                    && !runs_without_being_named(project, other)
                    && project
                        .model
                        .modules
                        .iter()
                        .enumerate()
                        .all(|(index, info)| {
                            !project.apps.share(index, file.module)
                                || mention_count(&info.file.text, other_name) == 0
                        })
            });
            // Another module's mention counts as dead only inside a function there (an import
            // line or a module-level call runs when that module is imported).
            match container {
                Some(other) if dead_container => {
                    let caller = other.name.to_string();
                    if !dead_callers.contains(&caller) {
                        dead_callers.push(caller);
                    }
                }
                _ => return None,
            }
        }
    }
    Some(match dead_callers.is_empty() {
        true => Unused::Function(name.to_string()),
        false => Unused::CalledOnlyByUnused(name.to_string(), dead_callers),
    })
}

/// The name of a module that a package of the same name hides from every import
/// (tusome-academy's `routes.py` beside `routes/`, whose `__init__.py` the app imports), unless
/// the module runs as a script (`if __name__ == "__main__":`) or builds an application a server
/// may load by path.
fn shadowed_module(project: &Project<'_>, file: &FileModel<'_>) -> Option<String> {
    let info = &project.model.modules[file.module];
    if !project.model.names.shadowed_by_package(info.file_index)
        || !file.app_constructions.is_empty()
        || info.file.text.contains("__main__")
    {
        return None;
    }
    Some(
        info.name
            .rsplit('.')
            .next()
            .unwrap_or(&info.name)
            .to_string(),
    )
}

/// Whether something other than the project's own text runs `def`: a framework calls dunder
/// methods and WTForms' `validate_<field>` by name, `flask run` finds an application factory by
/// its name (`flask --app service`), and a route's handler is registered by a decorator, a call
/// or a connexion spec's `operationId`.
/// A class with no decorator and no base but `object`: nothing but the project's own code
/// constructs it or calls its methods by name.
fn is_plain_class(class: &ast::StmtClassDef) -> bool {
    class.decorator_list.is_empty()
        && class.arguments.as_ref().is_none_or(|arguments| {
            arguments.keywords.is_empty()
                && arguments
                    .args
                    .iter()
                    .all(|base| matches!(base, Expr::Name(n) if n.id.as_str() == "object"))
        })
}

fn runs_without_being_named(project: &Project<'_>, def: &ast::StmtFunctionDef) -> bool {
    let name = def.name.as_str();
    name.starts_with("__")
        || name.starts_with("validate_")
        || matches!(name, "create_app" | "make_app")
        || project
            .routes
            .routes
            .iter()
            .any(|route| std::ptr::eq(route.handler, def))
}

/// Whether no module of the run names the function `def` of `module` outside its own text (its
/// docstring's usage example is no call): no call, import, reference or string mentions it.
pub fn named_nowhere_else(
    model: &super::ProjectModel<'_>,
    module: usize,
    def: &ast::StmtFunctionDef,
) -> bool {
    let name = def.name.as_str();
    model.modules.iter().enumerate().all(|(index, info)| {
        let text: &str = &info.file.text;
        whole_words(text, name)
            .filter(|&at| !text[..at].trim_end().ends_with("def"))
            .all(|at| {
                index == module
                    && u32::try_from(at)
                        .is_ok_and(|at| def.range().contains(ruff_text_size::TextSize::new(at)))
            })
    })
}

/// How many times `word` occurs in `text` as a whole identifier, other than as the name a
/// `def` defines.
fn mention_count(text: &str, word: &str) -> usize {
    whole_words(text, word)
        .filter(|&at| !text[..at].trim_end().ends_with("def"))
        .count()
}

/// The full names of the modules a one-line import statement may load, written in a module of
/// `package`: `import a.b` loads `a` and `a.b`; `from a.b import c, d` loads `a.b`, and `a.b.c`
/// and `a.b.d` where those are modules; `from . import c` is relative to `package`. `None` for
/// any other line, for an import continued on the next line (whose names are not all on it),
/// and for an absolute import of no project module (the model cannot say what it loads).
fn modules_imported_by(
    line: &str,
    package: &str,
    names: &super::ModuleNames,
) -> Option<Vec<String>> {
    let code = line.split('#').next().unwrap_or(line).trim();
    if code.ends_with('(') || code.ends_with('\\') || code.contains(';') {
        return None;
    }
    // Only a name the project holds: resolution picks the nearest folder holding the first
    // component (`from routes.account import ...` in apiowaste's `utility/routes.py` gives
    // `utility.routes.account`, which does not exist), which says nothing certain here.
    let full = |dotted: &str| {
        names
            .resolve_import(package, dotted)
            .filter(|name| names.exists(name))
    };
    let alias_stripped = |part: &str| part.split(" as ").next().unwrap_or(part).trim().to_string();
    if let Some(rest) = code.strip_prefix("import ") {
        let mut loaded = Vec::new();
        for part in rest.split(',') {
            let dotted = alias_stripped(part);
            loaded.push(full(&dotted)?);
            for (at, _) in dotted.match_indices('.') {
                loaded.extend(full(&dotted[..at]));
            }
        }
        return Some(loaded);
    }
    let rest = code.strip_prefix("from ")?;
    let (source, imported) = rest.split_once(" import ")?;
    let source = source.trim();
    let dots = source.len() - source.trim_start_matches('.').len();
    let base = if dots == 0 {
        full(source)?
    } else {
        let mut base = package;
        for _ in 1..dots {
            base = base.rsplit_once('.').map_or("", |(parent, _)| parent);
        }
        match (&source[dots..], base) {
            ("", base) => base.to_string(),
            (relative, "") => relative.to_string(),
            (relative, base) => crate::paths::dotted(base, relative),
        }
    };
    let mut loaded = vec![base.clone()];
    for part in imported
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .split(',')
    {
        let name = alias_stripped(part);
        if !name.is_empty() && name != "*" {
            loaded.push(crate::paths::dotted(&base, &name));
        }
    }
    Some(loaded)
}

/// Module stems a server, a task runner or a convention loads by name rather than by import
/// (gunicorn's `wsgi:app`, Celery's `autodiscover_tasks`, click entry points, settings files).
const LOADED_BY_CONVENTION: &[&str] = &[
    "__init__",
    "__main__",
    "app",
    "application",
    "asgi",
    "celery",
    "cli",
    "commands",
    "config",
    "conftest",
    "main",
    "manage",
    "run",
    "server",
    "settings",
    "setup",
    "tasks",
    "worker",
    "wsgi",
];

/// Names in the project's text that load a module by a name it computes or reads from a string
/// (`importlib.import_module(name)`, `__import__`, werkzeug's `import_string`, `pkgutil`'s
/// walks): where none occurs, a string holding only a module's last name (`== "admin"`) loads
/// nothing.
pub(super) const DYNAMIC_IMPORTS: &[&str] = &[
    "import_module",
    "__import__",
    "import_string",
    "importlib",
    "pkgutil",
    "load_module",
    "runpy",
    "find_spec",
];

/// How deep [`unimported_module`] follows importers that are themselves never imported.
const MAX_IMPORTER_DEPTH: usize = 8;

/// The dotted name of the module of `file` when it lies in a package (or, at the top level,
/// declares routes), nothing imports it, and
/// no other parsed module names its last component: no entry point (no `__main__` block, no
/// application built in it, no `main()` or command for a console script, no conventional
/// name) runs it either. Modules that import or name it but are never loaded themselves
/// (gennis's `tasks/teacher/urls.py`, the only importer of its lesson-plan routes) do not count.
fn unimported_module(project: &Project<'_>, file: &FileModel<'_>) -> Option<String> {
    let mut question = LoadQuestion {
        project,
        dynamic_imports: project.imports_by_computed_name(),
        visiting: Vec::new(),
        loaded: Vec::new(),
    };
    question.unimported(file.module)
}

/// Which modules run, asked through the modules that import or name them.
struct LoadQuestion<'p, 'a> {
    project: &'p Project<'a>,
    /// The project loads modules by computed names (see [`DYNAMIC_IMPORTS`]).
    dynamic_imports: bool,
    /// The modules whose question is open further up: an import cycle nothing outside it enters
    /// is never loaded.
    visiting: Vec<usize>,
    /// Modules found to run (an answer no open question changes).
    loaded: Vec<usize>,
}

impl LoadQuestion<'_, '_> {
    /// [`unimported_module`] for the module at `module`.
    fn unimported(&mut self, module: usize) -> Option<String> {
        let project = self.project;
        let info = project.model.modules.get(module)?;
        if self.visiting.contains(&module) {
            return Some(info.name.clone());
        }
        if self.loaded.contains(&module) || self.visiting.len() >= MAX_IMPORTER_DEPTH {
            return None;
        }
        let file = project.files.get(module)?;
        let stem = match info.name.rsplit_once('.') {
            Some((_, stem)) => stem,
            // A top-level module may be a script run by path; one that declares routes and
            // builds no application serves them only through an app that imports it (PetPal's
            // `ai_qa.py`, a blueprint its own commit message calls removed).
            None if declares_routes(project, module) => info.name.as_str(),
            None => return None,
        };
        // connexion imports the module a spec's `operationId` names.
        let named_by_spec = project
            .routes
            .routes
            .iter()
            .any(|route| route.module == module && route.spec.is_some());
        let text: &str = &info.file.text;
        let entry_point = ["__main__", "def main(", ".command(", ".group("]
            .iter()
            .any(|entry| text.contains(entry));
        // A test runner loads test modules by their file names.
        if !file.app_constructions.is_empty()
            || LOADED_BY_CONVENTION.contains(&stem)
            || named_by_spec
            || entry_point
            || file.is_test_module()
        {
            return None;
        }
        self.visiting.push(module);
        let loaded = self.loaded_through(module, stem);
        self.visiting.pop();
        if loaded {
            self.loaded.push(module);
        }
        (!loaded).then(|| info.name.clone())
    }

    /// Whether a module that runs imports `module` (last name `stem`) or names it in a way the
    /// model may not follow.
    fn loaded_through(&mut self, module: usize, stem: &str) -> bool {
        let project = self.project;
        let info = &project.model.modules[module];
        for &importer in project.apps.importers(module) {
            if self.unimported(importer).is_none() {
                return true;
            }
        }
        // Not in an import of another module (vehicle-parking-app's `from . import
        // user_reservations` in `routes/api/__init__.py`, beside `routes/user/`); any other
        // mention may import it in a way the model does not follow (a star import, a name in a
        // string).
        let names = project.model.names;
        for (index, other) in project.model.modules.iter().enumerate() {
            // The whole text first: most modules never name the stem at all.
            if index == module || word_count(&other.file.text, stem) == 0 {
                continue;
            }
            let package_init = names.is_package_init(other.file_index);
            let other_package = if package_init {
                other.name.as_str()
            } else {
                other
                    .name
                    .rsplit_once('.')
                    .map_or("", |(package, _)| package)
            };
            let strings_load = self.dynamic_imports || package_init;
            let names_it = other.file.text.lines().any(|line| {
                // An import of another module of the same last name (gennis's `from
                // backend.certificate.views import *` beside the `backend/for_programmers/
                // views.py` nothing imports; `from . import user_reservations` in another
                // package's `__init__.py`) names something else.
                let imports_another = modules_imported_by(line, other_package, names)
                    .is_some_and(|loaded| !loaded.contains(&info.name));
                !imports_another && may_name_module(line, stem, strings_load)
            });
            if names_it && self.unimported(index).is_none() {
                return true;
            }
        }
        false
    }
}

/// Whether `line` mentions the module `stem` in a way that may load it: as a name in code, or
/// in a string when strings may name modules (`strings_load`: the project imports by computed
/// names, or the line is in a package's `__init__.py`, where `__all__` lists submodules a star
/// import loads). gennis compares roles with `"admin"` in many modules beside a `tasks/admin/
/// admin.py` nothing imports.
fn may_name_module(line: &str, stem: &str, strings_load: bool) -> bool {
    if line.trim_start().starts_with('#') {
        return false;
    }
    whole_words(line, stem).any(|at| {
        let before = line[..at].chars().next_back();
        let after = line[at + stem.len()..].chars().next();
        let bare_string = matches!(
            (before, after),
            (Some('"'), Some('"')) | (Some('\''), Some('\''))
        );
        strings_load || !bare_string
    })
}

/// The name of `file`'s module when it declares routes that no application of the project
/// serves: no application reaches the module through imports, and nothing imports it either or
/// its blueprints are never registered. vehicle-parking-app registers its main, admin and user
/// blueprints and never `api_bp`, whose eight routes exist only in the source, and its user
/// package never imports `user_reservations`. `None` in test code and in files
/// named alone, whose applications may be outside the run.
pub fn routes_outside_every_application(
    project: &Project<'_>,
    file: &FileModel<'_>,
) -> Option<String> {
    let apps = &project.apps;
    if file.is_test_module()
        || file.context.named_alone
        || apps.app_count() == 0
        || apps.is_reached(file.module)
        || !declares_routes(project, file.module)
    {
        return None;
    }
    let name = &project.model.modules[file.module].name;
    // Outside every application may also mean registered in a way the model does not follow
    // (a star import of the module that imports the blueprints, apiowaste; `import_module`
    // over a list of package names, byceps): only a module nothing imports, or whose
    // blueprints are named nowhere but in imports, route decorators and their own definition,
    // is taken to serve nothing.
    if unimported_module(project, file).is_some() {
        return Some(name.clone());
    }
    let registrars: Vec<&str> = project
        .routes
        .routes
        .iter()
        .filter(|route| route.module == file.module)
        .filter_map(|route| route.registrar.as_deref())
        .map(|registrar| registrar.rsplit('.').next().unwrap_or(registrar))
        .collect();
    let registered = registrars.is_empty()
        || registrars
            .iter()
            .any(|registrar| named_beyond_its_routes(project, registrar));
    (!registered).then(|| name.clone())
}

/// Whether `object` (a blueprint's name) is named in a line of the project that is not an
/// import, a decorator or its own assignment: `app.register_blueprint(api_bp)`, a list of
/// blueprints, an argument.
fn named_beyond_its_routes(project: &Project<'_>, object: &str) -> bool {
    project.model.modules.iter().any(|module| {
        word_count(&module.file.text, object) > 0
            && module.file.text.lines().any(|line| {
                let code = line.trim_start();
                let defined_here = code.strip_prefix(object).is_some_and(|rest| {
                    rest.trim_start().starts_with('=') && !rest.trim_start().starts_with("==")
                });
                !(code.starts_with("from ")
                    || code.starts_with("import ")
                    || code.starts_with('@')
                    || defined_here)
                    && word_count(line, object) > 0
            })
    })
}

/// Whether the route model holds a route declared in `module`.
fn declares_routes(project: &Project<'_>, module: usize) -> bool {
    project
        .routes
        .routes
        .iter()
        .any(|route| route.module == module)
}

/// How many times `word` occurs in `text` as a whole identifier.
pub fn word_count(text: &str, word: &str) -> usize {
    whole_words(text, word).count()
}

/// Where `word` occurs in `text` as a whole identifier outside a `#` comment line.
pub fn code_mentions<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    whole_words(text, word).filter(move |&at| {
        let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
        !line.trim_start().starts_with('#')
    })
}

/// Where `word` occurs in `text` as a whole identifier.
pub fn whole_words<'t>(text: &'t str, word: &'t str) -> impl Iterator<Item = usize> + 't {
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    // memchr's SIMD search: callers read every module's text for one name. A match of a
    // non-empty word starts at a character boundary; an empty one matches at each.
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes())
        .filter(move |&at| text.is_char_boundary(at))
        .filter(move |&at| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
}
