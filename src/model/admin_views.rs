//! Flask-Admin views the project registers, and whether each one decides who may use it.
//!
//! `admin.add_view(UserView(User, db.session))` serves list, create, edit and delete pages for
//! the model's rows under `/admin/`, and `FileAdmin(path, ...)` a file manager. Flask-Admin's
//! views admit everyone unless the view class (or a project base class of it) overrides
//! `is_accessible` (or `_handle_view`), so each registered view is recorded with the class
//! chain read up to the first library class. Whether something outside the view (a
//! `before_request` hook, forced Basic Auth) guards `/admin/` is the rule's question, from the
//! route model's facts.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::routes::visit_stmts;
use super::{At, FileModel, ProjectModel};

/// How many project base classes are followed to find an access check.
const MAX_BASES: usize = 8;

/// One view handed to `add_view` / `add_views`.
#[derive(Debug, Clone)]
pub struct AdminView {
    pub module: usize,
    /// The view's construction (`UserView(User, db.session)`).
    pub range: TextRange,
    /// The class as written (`UserView`, `ModelView`).
    pub class: String,
    /// The Flask-Admin class it derives from (`flask_admin.contrib.sqla.ModelView`).
    pub library_base: String,
    /// The first positional argument when it names a model (`User`).
    pub model: Option<String>,
    /// Where the class chain overrides `is_accessible` or `_handle_view`: `None` when it does not.
    pub access_check: Option<String>,
    /// Whether the view's own project class checks the caller in its pages (a method under
    /// `@login_required` or another `*_required` decorator, or reading `current_user`,
    /// `is_authenticated`, a permission, or answering 401/403): a `BaseView` written by the
    /// project may check access page by page instead of in `is_accessible`.
    pub pages_check_caller: bool,
}

impl AdminView {
    /// A file manager (`FileAdmin`): uploads, renames and deletes files on the server.
    pub fn manages_files(&self) -> bool {
        self.library_base.contains("fileadmin")
    }
}

/// The views every analysed module registers. Only modules that mention `flask_admin` or
/// `add_view` are walked.
pub fn collect(model: &ProjectModel<'_>, files: &[FileModel<'_>]) -> Vec<AdminView> {
    let mut views = Vec::new();
    for (index, module) in model.modules.iter().enumerate() {
        if !module.analysed {
            continue;
        }
        let text = module.file.text.as_bytes();
        if memchr::memmem::find(text, b"add_view").is_none() {
            continue;
        }
        let body = &module.file.module().body;
        let file = files.iter().find(|file| file.module == index);
        visit_stmts(body, &mut |stmt| {
            let Stmt::Expr(expression) = stmt else { return };
            let Expr::Call(call) = expression.value.as_ref() else {
                return;
            };
            let Expr::Attribute(method) = call.func.as_ref() else {
                return;
            };
            if !matches!(method.attr.as_str(), "add_view" | "add_views") {
                return;
            }
            // `create_app` imports its view classes inside the function (metabrainz).
            let at = file.map_or(At::top(index), |file| {
                file.at(file.scope_around(call.range()))
            });
            for argument in &call.arguments.args {
                if let Expr::Call(view) = argument
                    && let Some(found) = admin_view(model, &at, body, view)
                {
                    views.push(found);
                }
            }
        });
    }
    views
}

/// The view a construction builds, when its class is, or derives from, a Flask-Admin class.
fn admin_view(
    model: &ProjectModel<'_>,
    at: &At<'_, '_>,
    body: &[Stmt],
    view: &ast::ExprCall,
) -> Option<AdminView> {
    let module = at.module;
    let class = model.modules[module]
        .file
        .slice(view.func.range())
        .to_string();
    let (library_base, access_check) = class_chain(model, at, body, &view.func, 0)?;
    let model_name = view.arguments.args.first().and_then(|first| match first {
        Expr::Name(name) => Some(name.id.to_string()),
        _ => None,
    });
    let own_class = match view.func.as_ref() {
        Expr::Name(name) => {
            find_class(body, name.id.as_str()).map(|definition| (module, definition))
        }
        _ => None,
    }
    .or_else(|| {
        imported_class(model, at, &view.func).map(|(source, _, definition)| (source, definition))
    });
    let pages_check_caller = own_class.is_some_and(|(source, definition)| {
        let text = model.modules[source].file.slice(definition.range());
        [
            "_required",
            "current_user",
            "is_authenticated",
            "permission",
            "abort(401",
            "abort(403",
        ]
        .iter()
        .any(|word| text.contains(word))
    });
    Some(AdminView {
        module,
        range: view.range(),
        class,
        library_base,
        model: model_name,
        access_check,
        pages_check_caller,
    })
}

/// Follows a class expression to the Flask-Admin class it derives from: the library class's
/// qualified name, and the first access check met on the way. `None` when the chain leaves
/// Flask-Admin (another library's view base may check access its own way) or cannot be read.
fn class_chain(
    model: &ProjectModel<'_>,
    at: &At<'_, '_>,
    body: &[Stmt],
    class: &Expr,
    depth: usize,
) -> Option<(String, Option<String>)> {
    if depth > MAX_BASES {
        return None;
    }
    if let Some(qualified) = model.qualified_name(class, at)
        && qualified.starts_with("flask_admin")
    {
        return Some((qualified, None));
    }
    // A project class: defined in this module (at any depth: `setup_admin` defines its views
    // inside the function), or in the project module an import names.
    let (module, body, definition) = match class {
        Expr::Name(name) => match find_class(body, name.id.as_str()) {
            Some(definition) => (at.module, body, definition),
            None => imported_class(model, at, class)?,
        },
        _ => imported_class(model, at, class)?,
    };
    // A class's bases are named at the top of the module that defines it.
    let top = At::top(module);
    if let Some(method) = definition.body.iter().find_map(|stmt| match stmt {
        Stmt::FunctionDef(def) if matches!(def.name.as_str(), "is_accessible" | "_handle_view") => {
            Some(def)
        }
        _ => None,
    }) {
        let file = model.modules[module].file;
        let library = definition
            .arguments
            .as_ref()
            .and_then(|arguments| arguments.args.first())
            .and_then(|base| class_chain(model, &top, body, base, depth + 1))
            .map(|(library, _)| library)
            .unwrap_or_default();
        return Some((
            library,
            Some(format!(
                "`{}.{}` at {}:{}",
                definition.name,
                method.name,
                file.display_path(),
                file.position(method.range().start()).line
            )),
        ));
    }
    let bases = definition.arguments.as_ref()?;
    let mut found = None;
    for base in &bases.args {
        let (library, check) = class_chain(model, &top, body, base, depth + 1)?;
        if check.is_some() {
            return Some((library, check));
        }
        found.get_or_insert((library, None));
    }
    found
}

/// A project class an import (or a dotted name) refers to, with its module's body.
fn imported_class<'a>(
    model: &ProjectModel<'a>,
    at: &At<'_, '_>,
    class: &Expr,
) -> Option<(usize, &'a [Stmt], &'a ast::StmtClassDef)> {
    let qualified = model.qualified_name(class, at)?;
    let (source, name) = model.split_module(&qualified)?;
    if name.contains('.') {
        return None;
    }
    let body = &model.modules[source].file.module().body;
    Some((source, body, find_class(body, name)?))
}

/// The class named `name` defined anywhere in `body`, nested bodies included.
fn find_class<'a>(body: &'a [Stmt], name: &str) -> Option<&'a ast::StmtClassDef> {
    let mut found = None;
    visit_stmts(body, &mut |stmt| {
        if found.is_none()
            && let Stmt::ClassDef(class) = stmt
            && class.name.as_str() == name
        {
            found = Some(class);
        }
    });
    found
}
