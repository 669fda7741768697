//! Every import statement of a file with where it is written, at any depth (imports inside
//! functions and `try:` blocks included), for rules that judge *what* is imported rather than
//! what a name refers to: an abandoned library is a finding wherever it is imported.

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::source::SourceFile;

/// One imported module or name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSite {
    /// The absolute module (`flask_jwt`, `itsdangerous.jws`); relative imports are left out,
    /// since they name the project's own modules.
    pub module: String,
    /// The name imported from it (`from m import name`); `None` for `import m`.
    pub name: Option<String>,
    /// The alias as written (`TimedJSONWebSignatureSerializer as Serializer`).
    pub range: TextRange,
    /// The module's name as written in the statement (`flask_jwt` of `from flask_jwt import
    /// A, B`): shared by every name of one `from` import, for rules that judge the module.
    pub module_range: TextRange,
}

pub fn sites(source: &SourceFile) -> Vec<ImportSite> {
    struct Collector {
        sites: Vec<ImportSite>,
    }
    impl<'a> Visitor<'a> for Collector {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            match stmt {
                Stmt::Import(import) => {
                    for alias in &import.names {
                        self.sites.push(ImportSite {
                            module: alias.name.to_string(),
                            name: None,
                            range: alias.range(),
                            module_range: alias.name.range(),
                        });
                    }
                }
                Stmt::ImportFrom(import) if import.level == 0 => {
                    let module = import.module.as_ref().map(ToString::to_string);
                    let module_range = import.module.as_ref().map_or(import.range(), Ranged::range);
                    for alias in &import.names {
                        self.sites.push(ImportSite {
                            module: module.clone().unwrap_or_default(),
                            name: Some(alias.name.to_string()),
                            range: alias.range(),
                            module_range,
                        });
                    }
                }
                _ => visitor::walk_stmt(self, stmt),
            }
        }
        // Imports are statements; expressions never hold one.
        fn visit_expr(&mut self, _expr: &'a Expr) {}
    }
    let mut collector = Collector { sites: Vec::new() };
    collector.visit_body(&source.module().body);
    collector.sites
}
