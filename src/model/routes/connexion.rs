//! Routes of connexion apps: `app.add_api("openapi.yaml", base_path=..., resolver=...)` binds
//! the spec's operations to Python handlers, and the spec's `security` decides authentication.
//!
//! The spec itself is read by `model::openapi`; the file comes through a `SpecSource`, which the
//! caller implements (the model reads no files). A handler connexion resolves by name
//! (`operationId`, a router controller, a `RestyResolver` path) is found like any project name,
//! from the app module's source root, and its module is asked for analysis: connexion handlers
//! often import nothing the pre-check looks for.
//!
//! Authentication follows connexion: no effective `security` means none; `security: []`, `[{}]`
//! or an empty requirement beside real ones let anonymous callers in by design; a requirement
//! whose scheme has no handler or info function is dropped (connexion warns), and with all of
//! them dropped every request is refused. An info function authenticates only if it can refuse:
//! it verifies a token, returns nothing for some input, or raises.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::{AuthContext, Authentication, Route, RouteCollector, url_variables};
use crate::model::openapi::{
    self, DEFAULT_COLLECTION_ENDPOINT_NAME, EffectiveSecurity, Resolver, SchemeUse, Spec,
    Verification,
};

/// A spec file as the run read it.
#[derive(Debug)]
pub struct LoadedSpec {
    /// For messages and `flasklint routes`.
    pub display_path: String,
    pub spec: Spec,
}

/// Where the route model gets spec files from. `None` for a file that is missing, unreadable,
/// outside the checked tree or not a spec; the source reports what went wrong itself.
pub trait SpecSource: Sync {
    fn spec(&self, path: &Path) -> Option<Arc<LoadedSpec>>;
}

/// No spec files at all (a model built without a disk behind it).
pub struct NoSpecs;

impl SpecSource for NoSpecs {
    fn spec(&self, _path: &Path) -> Option<Arc<LoadedSpec>> {
        None
    }
}

/// What a route's spec says about its security, kept until hooks and helpers can be judged.
#[derive(Debug, Clone)]
pub struct SpecSecurity {
    pub security: EffectiveSecurity,
    /// The module of the app that loads the spec: info functions resolve from there.
    pub app_module: usize,
    /// `openapi.yaml:12`, where the operation is declared.
    pub place: String,
}

impl<'a> RouteCollector<'_, 'a> {
    /// `app.add_api("openapi.yaml", ...)` on a connexion app or `ConnexionMiddleware`.
    pub(super) fn add_connexion_api(&mut self, call: &'a ast::ExprCall, receiver: &'a Expr) {
        let Some(file_name) = call.arguments.args.first().and_then(|s| self.string(s)) else {
            return;
        };
        let module_file = &self.model.modules[self.module].file.path;
        let module_dir = module_file.parent().unwrap_or(Path::new(""));
        let spec_dir = self
            .constructor_keyword(receiver, "specification_dir")
            .unwrap_or_default();
        let path: PathBuf = module_dir.join(spec_dir).join(&file_name);
        let Some(loaded) = self.specs.spec(&path) else {
            return;
        };
        let keyword = |name: &str| call.arguments.find_keyword(name).map(|k| &k.value);
        let base_path = match keyword("base_path").and_then(|b| self.string(b)) {
            Some(base) => openapi::canonical_base_path(&base),
            None => loaded.spec.base_path.clone().unwrap_or_default(),
        };
        let resolver_call = keyword("resolver").or_else(|| call.arguments.args.get(1));
        let resolver_parts = resolver_call.and_then(|r| self.resolver_parts(r));
        let resolver = match &resolver_parts {
            Some((kind, module, collection)) => {
                let collection = collection
                    .as_deref()
                    .unwrap_or(DEFAULT_COLLECTION_ENDPOINT_NAME);
                match kind.as_str() {
                    "RestyResolver" => Resolver::Resty {
                        default_module: module,
                        collection_endpoint_name: collection,
                    },
                    "MethodResolver" => Resolver::Method {
                        default_module: module,
                        collection_endpoint_name: collection,
                    },
                    "MethodViewResolver" => Resolver::MethodView {
                        default_module: module,
                    },
                    "RelativeResolver" => Resolver::Relative { root: module },
                    _ => Resolver::Default,
                }
            }
            None => Resolver::Default,
        };
        let registrar = self.qualified(receiver).unwrap_or_default();
        let package = self.model.modules[self.module].package.clone();
        for operation in &loaded.spec.operations {
            let Some(handler) = operation.handler(&resolver) else {
                continue;
            };
            // `api.PetsView.get` where `api/__init__.py` re-exports `PetsView`.
            let full = self.model.canonical(
                &self
                    .model
                    .names
                    .resolve_import(&package, &handler)
                    .unwrap_or(handler),
            );
            let Some((module, def)) = super::resolve_function(self.model, self.functions, &full)
            else {
                continue;
            };
            self.model.request_analysis(module);
            // `api.petsview.PetsView.get`: a method of a view class connexion instantiates.
            let class = full.rsplit('.').nth(1).and_then(|class_name| {
                super::find_class_in(&self.model.modules[module].file.module().body, class_name)
                    .filter(|class| {
                        class.body.iter().any(
                            |s| matches!(s, Stmt::FunctionDef(method) if std::ptr::eq(method, def)),
                        )
                    })
            });
            let rule = openapi::join_rule(&base_path, &operation.path);
            self.routes.push(Route {
                module,
                variables: url_variables(&rule),
                rule,
                methods: vec![operation.method.clone()],
                handler: def,
                class,
                decorators: def.decorator_list.iter().map(|d| &d.expression).collect(),
                inherited_decorators: Vec::new(),
                decorators_above_route: Vec::new(),
                registrar: Some(registrar.clone()),
                authentication: None,
                role_check: None,
                roles_compared: None,
                ordinary_roles: None,
                declared_at: def.name.range(),
                unknown_hook: false,
                optional_hook: None,
                exempted_by: None,
                open_to_anyone: false,
                on_app: false,
                registered_in: self.module,
                units: Vec::new(),
                registered_only_in_development: None,
                enclosing: Vec::new(),
                spec: Some(SpecSecurity {
                    security: operation.security.clone(),
                    app_module: self.module,
                    place: format!("{}:{}", loaded.display_path, operation.line),
                }),
                declared_public: false,
                dispatch: None,
                logs_the_caller_in: false,
            });
        }
    }

    /// A keyword of the call that constructed `object` (`App(__name__, specification_dir=...)`).
    fn constructor_keyword(&self, object: &Expr, name: &str) -> Option<String> {
        let Expr::Name(variable) = object else {
            return None;
        };
        let Expr::Call(constructor) = self.assigned_anywhere(variable.id.as_str())? else {
            return None;
        };
        constructor
            .arguments
            .find_keyword(name)
            .and_then(|k| self.string(&k.value))
    }

    /// `RestyResolver("api", collection_endpoint_name="list")`: the class, the module, and
    /// the collection endpoint name.
    fn resolver_parts(&self, resolver: &Expr) -> Option<(String, String, Option<String>)> {
        let Expr::Call(call) = resolver else {
            return None;
        };
        let qualified = self.model.qualified_name(&call.func, &self.at())?;
        let kind = qualified
            .rsplit('.')
            .next()?
            .trim_end_matches("()")
            .to_string();
        let module = call
            .arguments
            .args
            .first()
            .and_then(|m| self.string(m))
            .unwrap_or_default();
        let collection = call
            .arguments
            .find_keyword("collection_endpoint_name")
            .and_then(|k| self.string(&k.value));
        Some((kind, module, collection))
    }
}

/// Whether the spec lets anonymous callers in on purpose (`security: []`, `[{}]`, an empty
/// requirement beside real ones): such a route is public by design, not missing anything.
pub fn declared_public(security: &EffectiveSecurity) -> bool {
    matches!(
        security,
        EffectiveSecurity::ExplicitlyPublic | EffectiveSecurity::AnonymousAllowed(_)
    )
}

impl<'a> AuthContext<'_, 'a> {
    /// How a spec route is authenticated, if it is.
    pub(super) fn spec_authentication(&self, spec: &SpecSecurity) -> Option<Authentication> {
        let EffectiveSecurity::Alternatives(requirements) = &spec.security else {
            return None;
        };
        // connexion passes the verified subject as `user` (and the claims as `token_info`) to a
        // handler that takes them.
        let identity = "user".to_string();
        // connexion drops a requirement whose scheme has no handler or info function; with all
        // of them dropped, every request is refused.
        let kept: Vec<&Vec<SchemeUse>> = requirements
            .iter()
            .filter(|requirement| {
                requirement
                    .iter()
                    .all(|scheme| !matches!(scheme.verification(), Verification::NoHandler))
            })
            .collect();
        if kept.is_empty() {
            return Some(Authentication {
                how: format!(
                    "the spec's `security` ({}), which connexion cannot verify: every request is refused",
                    spec.place
                ),
                identity,
                unverified: None,
                administrators_only: None,
                shared_key: None,
                record_token: None,
            });
        }
        // The weakest alternative decides: each must have a scheme that can refuse.
        let mut how = Vec::new();
        for requirement in kept {
            let verifying = requirement
                .iter()
                .find(|scheme| self.scheme_refuses(scheme, spec.app_module))?;
            how.push(self.describe_scheme(verifying));
        }
        how.dedup();
        Some(Authentication {
            how: format!("{} ({})", how.join(" or "), spec.place),
            identity,
            unverified: None,
            administrators_only: None,
            shared_key: None,
            record_token: None,
        })
    }

    fn describe_scheme(&self, scheme: &SchemeUse) -> String {
        match scheme.verification() {
            Verification::Function(function) => {
                format!(
                    "the spec's `{}` scheme, verified by `{function}`",
                    scheme.name
                )
            }
            Verification::TokenInfoUrl(url) => {
                format!("the spec's `{}` scheme, verified at `{url}`", scheme.name)
            }
            Verification::Environment(variables) => format!(
                "the spec's `{}` scheme, verified by the function in `{}`",
                scheme.name,
                variables.join("` / `")
            ),
            Verification::NoHandler => format!("the spec's `{}` scheme", scheme.name),
        }
    }

    /// Whether a scheme's verification can refuse a caller. A function flasklint cannot find
    /// (a library's, or one named in the environment) is given the benefit of the doubt.
    fn scheme_refuses(&self, scheme: &SchemeUse, app_module: usize) -> bool {
        let Verification::Function(function) = scheme.verification() else {
            return true;
        };
        let package = &self.model.modules[app_module].package;
        let full = self.model.canonical(
            &self
                .model
                .names
                .resolve_import(package, function)
                .unwrap_or_else(|| function.to_string()),
        );
        let Some((module, def)) = super::resolve_function(self.model, self.functions, &full) else {
            return true;
        };
        self.authenticates(module, def, 0) || can_refuse(&def.body)
    }
}

/// An info function refuses a caller by returning nothing (`None`, a bare `return`, a value
/// that may be `None` such as `TOKENS.get(token)`) or by raising. One that always returns a
/// literal accepts everyone.
fn can_refuse(body: &[Stmt]) -> bool {
    let mut refuses = false;
    let mut returns = 0;
    super::visit_stmts(body, &mut |stmt| match stmt {
        Stmt::Raise(_) => refuses = true,
        Stmt::Return(ret) => {
            returns += 1;
            match ret.value.as_deref() {
                None | Some(Expr::NoneLiteral(_)) => refuses = true,
                Some(Expr::Dict(_) | Expr::StringLiteral(_) | Expr::BooleanLiteral(_)) => {}
                Some(Expr::Call(call)) if is_dict_call(call) => {}
                // A name, a lookup, a call's result: it may be None.
                Some(_) => refuses = true,
            }
        }
        _ => {}
    });
    // Falling off the end returns None.
    refuses || returns == 0 || !body.last().is_some_and(ends_in_return)
}

fn is_dict_call(call: &ast::ExprCall) -> bool {
    matches!(call.func.as_ref(), Expr::Name(name) if name.id.as_str() == "dict")
}

fn ends_in_return(stmt: &Stmt) -> bool {
    matches!(stmt, Stmt::Return(_) | Stmt::Raise(_))
}

#[cfg(test)]
mod tests {
    use super::can_refuse;
    use ruff_python_parser::parse_module;

    fn refuses(source: &str) -> bool {
        let parsed = parse_module(source).expect("parses");
        let Some(ruff_python_ast::Stmt::FunctionDef(def)) = parsed.syntax().body.first() else {
            panic!("a function");
        };
        can_refuse(&def.body)
    }

    #[test]
    fn an_info_function_refuses_when_it_can_return_nothing_or_raise() {
        assert!(refuses("def f(token):\n    return TOKENS.get(token)\n"));
        assert!(refuses(
            "def f(u, p):\n    if p == 'x':\n        return {'sub': u}\n"
        ));
        assert!(refuses(
            "def f(token):\n    if token != KEY:\n        raise Unauthorized()\n    return {'sub': 'a'}\n"
        ));
        assert!(!refuses("def f(token):\n    return {'sub': 'admin'}\n"));
        assert!(!refuses(
            "def f(token):\n    print(token)\n    return dict(sub='x', scope=['a'])\n"
        ));
    }
}
