//! Name bindings of one scope (a module, a function or a class body).
//!
//! Collection is flow-insensitive on purpose: a linter must not guess which branch runs, so a name
//! bound more than once is only resolved where every binding agrees (see `ProjectModel`).

use rustc_hash::FxHashMap as HashMap;

use ruff_python_ast::{self as ast, Expr, Stmt};

use super::Importer;

/// One way a name gets bound in a scope.
#[derive(Clone, Debug)]
pub enum Binding<'a> {
    /// `import a.b as n`, `from a import b as n`: the qualified name the binding refers to.
    Import(String),
    /// `n = value` (also annotated assignments).
    Assign(&'a Expr),
    /// The value of `n` was changed in place: `n[k] = v`, `n.update(...)`, `n |= ...`. Whatever it
    /// was assigned, its final contents are unknown.
    Mutated,
    /// Any other binding: a parameter, a loop or `with` target, a `def`, a `class`, `global`.
    Opaque,
}

/// The bindings of one name in one scope. Most names are bound once, and that one is kept inline:
/// every function, class and comprehension of every parsed file has a scope, and a `Vec` per name
/// made scopes a sixth of the heap on a Flask-heavy tree. (smallvec would do, but is invariant in
/// its item type, and the model relies on its lifetimes being covariant.)
#[derive(Clone, Debug)]
pub enum Bindings<'a> {
    One(Binding<'a>),
    Many(Vec<Binding<'a>>),
}

impl<'a> Bindings<'a> {
    pub fn as_slice(&self) -> &[Binding<'a>] {
        match self {
            Bindings::One(binding) => std::slice::from_ref(binding),
            Bindings::Many(bindings) => bindings,
        }
    }

    fn push(&mut self, binding: Binding<'a>) {
        match self {
            Bindings::Many(bindings) => bindings.push(binding),
            Bindings::One(first) => {
                let first = std::mem::replace(first, Binding::Opaque);
                *self = Bindings::Many(vec![first, binding]);
            }
        }
    }
}

#[derive(Debug, Default)]
pub struct Scope<'a> {
    pub bindings: HashMap<&'a str, Bindings<'a>>,
    /// The full names of the project modules (or names in them) the scope's import statements
    /// load: `import app.views` loads `app.views` though it binds only `app`.
    pub imports: Vec<String>,
    /// The enclosing scope's index in the file's scope list; `None` for the module scope.
    pub parent: Option<usize>,
}

impl<'a> Scope<'a> {
    pub fn get(&self, name: &str) -> Option<&[Binding<'a>]> {
        self.bindings.get(name).map(Bindings::as_slice)
    }

    fn bind(&mut self, name: &'a str, binding: Binding<'a>) {
        match self.bindings.entry(name) {
            std::collections::hash_map::Entry::Occupied(mut entry) => entry.get_mut().push(binding),
            std::collections::hash_map::Entry::Vacant(entry) => {
                entry.insert(Bindings::One(binding));
            }
        }
    }

    /// Collects the bindings made directly in `body` (nested functions and classes bind only
    /// their own name here; their bodies are scopes of their own).
    pub fn collect(&mut self, body: &'a [Stmt], importer: Importer<'_>) {
        for stmt in body {
            self.collect_stmt(stmt, importer);
        }
    }

    fn collect_stmt(&mut self, stmt: &'a Stmt, importer: Importer<'_>) {
        match stmt {
            Stmt::Import(import) => {
                for alias in &import.names {
                    let written = alias.name.as_str();
                    // `import flask.ext.login as login`
                    if let (Some(asname), Some(package)) = (
                        &alias.asname,
                        legacy_extension(written).filter(|p| !p.is_empty()),
                    ) {
                        self.bind(asname.as_str(), Binding::Import(package));
                        continue;
                    }
                    let (full, project) = importer.resolve(0, written);
                    if project {
                        self.imports.push(full.clone());
                    }
                    match &alias.asname {
                        Some(asname) => self.bind(asname.as_str(), Binding::Import(full)),
                        // `import a.b.c` binds `a`, which refers to the package `a` (the
                        // resolved name keeps the folder prefix: `step3.a.b.c` binds `step3.a`).
                        None => {
                            let first = written.split('.').next().unwrap_or(written);
                            let rest = written.len() - first.len();
                            let bound = &full[..full.len() - rest];
                            self.bind(first, Binding::Import(bound.into()));
                        }
                    }
                }
            }
            Stmt::ImportFrom(import) => {
                let module = import.module.as_ref().map(|m| m.as_str()).unwrap_or("");
                if import.level == 0
                    && let Some(extensions) = legacy_extension(module)
                {
                    // `from flask.ext import login`, `from flask.ext.login import login_required`
                    for alias in &import.names {
                        let bound = alias.asname.as_ref().unwrap_or(&alias.name).as_str();
                        let qualified = match extensions.as_str() {
                            "" => format!("flask_{}", alias.name),
                            package => crate::paths::dotted(package, alias.name.as_str()),
                        };
                        self.bind(bound, Binding::Import(qualified));
                    }
                    return;
                }
                let (base, project) = importer.resolve(import.level, module);
                if project && !base.is_empty() {
                    self.imports.push(base.clone());
                }
                for alias in &import.names {
                    if alias.name.as_str() == "*" {
                        continue;
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).as_str();
                    let qualified = if base.is_empty() {
                        alias.name.to_string()
                    } else {
                        crate::paths::dotted(&base, alias.name.as_str())
                    };
                    if project {
                        self.imports.push(qualified.clone());
                    }
                    self.bind(bound, Binding::Import(qualified));
                }
            }
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    self.collect_target(target, Some(&assign.value));
                }
            }
            Stmt::AnnAssign(assign) => {
                self.collect_target(&assign.target, assign.value.as_deref());
            }
            Stmt::AugAssign(assign) => self.collect_target(&assign.target, None),
            Stmt::FunctionDef(def) => self.bind(def.name.as_str(), Binding::Opaque),
            Stmt::ClassDef(def) => self.bind(def.name.as_str(), Binding::Opaque),
            Stmt::For(stmt) => {
                self.collect_target(&stmt.target, None);
                self.collect(&stmt.body, importer);
                self.collect(&stmt.orelse, importer);
            }
            Stmt::While(stmt) => {
                self.collect(&stmt.body, importer);
                self.collect(&stmt.orelse, importer);
            }
            Stmt::If(stmt) => {
                self.collect(&stmt.body, importer);
                for clause in &stmt.elif_else_clauses {
                    self.collect(&clause.body, importer);
                }
            }
            Stmt::With(stmt) => {
                for item in &stmt.items {
                    if let Some(target) = &item.optional_vars {
                        self.collect_target(target, None);
                    }
                }
                self.collect(&stmt.body, importer);
            }
            Stmt::Try(stmt) => {
                self.collect(&stmt.body, importer);
                for handler in &stmt.handlers {
                    let ast::ExceptHandler::ExceptHandler(handler) = handler;
                    if let Some(name) = &handler.name {
                        self.bind(name.as_str(), Binding::Opaque);
                    }
                    self.collect(&handler.body, importer);
                }
                self.collect(&stmt.orelse, importer);
                self.collect(&stmt.finalbody, importer);
            }
            Stmt::Match(stmt) => {
                for case in &stmt.cases {
                    self.collect(&case.body, importer);
                }
            }
            Stmt::Global(stmt) => {
                for name in &stmt.names {
                    self.bind(name.as_str(), Binding::Opaque);
                }
            }
            Stmt::Nonlocal(stmt) => {
                for name in &stmt.names {
                    self.bind(name.as_str(), Binding::Opaque);
                }
            }
            Stmt::Expr(stmt) => self.collect_in_place_mutation(&stmt.value),
            _ => {}
        }
    }

    fn collect_target(&mut self, target: &'a Expr, value: Option<&'a Expr>) {
        match target {
            Expr::Name(name) => self.bind(
                name.id.as_str(),
                value.map_or(Binding::Opaque, Binding::Assign),
            ),
            Expr::Tuple(tuple) => {
                for element in &tuple.elts {
                    self.collect_target(element, None);
                }
            }
            Expr::List(list) => {
                for element in &list.elts {
                    self.collect_target(element, None);
                }
            }
            Expr::Starred(starred) => self.collect_target(&starred.value, None),
            Expr::Subscript(subscript) => {
                if let Expr::Name(name) = subscript.value.as_ref() {
                    self.bind(name.id.as_str(), Binding::Mutated);
                }
            }
            _ => {}
        }
    }

    /// A call made for its side effect can change a dict after it was assigned:
    /// `payload.update(exp=...)`, or a helper `add_expiry(payload)` that sets `exp` in place.
    fn collect_in_place_mutation(&mut self, expr: &'a Expr) {
        let Expr::Call(call) = expr else { return };
        if let Expr::Attribute(attribute) = call.func.as_ref()
            && let Expr::Name(name) = attribute.value.as_ref()
            && matches!(
                attribute.attr.as_str(),
                "update"
                    | "setdefault"
                    | "pop"
                    | "popitem"
                    | "clear"
                    | "append"
                    | "extend"
                    | "insert"
                    | "remove"
                    | "add"
                    | "discard"
            )
        {
            self.bind(name.id.as_str(), Binding::Mutated);
        }
        // A helper called for its effect (`add_expiry(payload)`) may fill the dict in; logging,
        // printing and the JWT calls themselves only read it.
        let Expr::Name(function) = call.func.as_ref() else {
            return;
        };
        let callee = function.id.as_str().to_ascii_lowercase();
        let reads_only = [
            "print",
            "len",
            "repr",
            "str",
            "isinstance",
            "log",
            "assert",
            "encode",
            "decode",
            "dump",
            "debug",
            "info",
            "warn",
        ]
        .iter()
        .any(|word| callee.contains(word));
        if reads_only {
            return;
        }
        for argument in &call.arguments.args {
            if let Expr::Name(name) = argument {
                self.bind(name.id.as_str(), Binding::Mutated);
            }
        }
    }

    /// Binds an assignment-like target (a comprehension or loop variable) to an unknown value.
    pub fn bind_target(&mut self, target: &'a Expr) {
        self.collect_target(target, None);
    }

    /// Binds a function's parameters: their values come from callers and are unknown here.
    pub fn collect_parameters(&mut self, parameters: &'a ast::Parameters) {
        for parameter in parameters.iter() {
            self.bind(parameter.name().as_str(), Binding::Opaque);
        }
    }
}

/// The absolute module named by a (possibly relative) `from` import inside `package`.
pub fn absolute_module(package: &str, level: u32, module: &str) -> String {
    if level == 0 {
        return module.to_string();
    }
    let mut parts: Vec<&str> = if package.is_empty() {
        Vec::new()
    } else {
        package.split('.').collect()
    };
    for _ in 1..level {
        parts.pop();
    }
    if !module.is_empty() {
        parts.push(module);
    }
    parts.join(".")
}

/// What an import of Flask's old extension namespace loads (Flask < 1.0 redirected
/// `flask.ext.login` to `flask_login`): `Some("")` for `flask.ext` itself, `Some("flask_login")`
/// for `flask.ext.login`, `None` for anything else.
fn legacy_extension(module: &str) -> Option<String> {
    if module == "flask.ext" {
        return Some(String::new());
    }
    module
        .strip_prefix("flask.ext.")
        .map(|extension| format!("flask_{extension}"))
}

#[cfg(test)]
mod tests {
    use super::absolute_module;

    #[test]
    fn relative_imports_resolve_against_the_package() {
        assert_eq!(absolute_module("app.api", 1, "config"), "app.api.config");
        assert_eq!(absolute_module("app.api", 2, "config"), "app.config");
        assert_eq!(absolute_module("app", 1, ""), "app");
        assert_eq!(absolute_module("", 1, "config"), "config");
        assert_eq!(absolute_module("", 0, "jwt"), "jwt");
    }
}
