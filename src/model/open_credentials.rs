//! Credential checks that a request without the credential passes.
//!
//! `request.cookies.get("uuid")` is `None` when the cookie is absent, and so is a JSON body's
//! `"key": null`. Compared with a setting that is `None` while its environment variable is unset
//! (`SECRET_API = os.environ.get("APP_API_KEY")` ... `data["key"] != config["SECRET_API"]`), or
//! used to find a row by a column that may be NULL (`Users.query.filter_by(api_key=uuid)`, which
//! SQLAlchemy turns into `api_key IS NULL`), the check passes for a request that sends nothing.
//! This module finds such checks: the value read from the request (in the function, or handed
//! to it by a caller), the comparison or lookup whose outcome the function decides on, and no
//! test of the value's presence before it.
//!
//! Boundary: facts only. Whether such a check is a finding, and how loud, is the rule's (FL206).

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::config::ConfigValue;
use super::records::callee_last;
use super::routes::{AuthContext, configured_key_name, for_each_def, visit_scope_stmts};
use super::value::Value;
use super::{FileModel, Project};

/// How many project functions deep a request value is followed into the functions it is
/// handed to (`is_authorized()` reads the cookie, `user_authorized(uuid)` looks it up).
const MAX_DEPTH: usize = 2;

/// How the reads this module follows are written after `request.` (`headers.get(`, `json`,
/// `get_json(`): the text gate that decides which functions are searched.
const MAY_BE_MISSING: &[&[u8]] = &[
    b"headers.get(",
    b"cookies.get(",
    b"args.get(",
    b"form.get(",
    b"values.get(",
    b"json",
    b"get_json(",
];

/// A credential check a request without the credential passes.
#[derive(Clone, Debug)]
pub struct OpenCheck {
    pub module: usize,
    /// The comparison or the lookup call.
    pub range: TextRange,
    /// The function holding it.
    pub function: String,
    /// The request read, as written: `request.cookies.get('uuid')`, `data['key']`.
    pub credential: String,
    /// Where the read is, when a caller makes it and hands the value on: module, range, and
    /// the caller's name.
    pub read_in_caller: Option<(usize, TextRange, String)>,
    pub against: Against,
}

/// What the missing credential is compared with.
#[derive(Clone, Debug)]
pub enum Against {
    /// A setting that is `None` while the environment variable behind it is unset.
    Setting {
        /// The setting as the check reads it: `current_app.config['SECRET_API']`.
        read: String,
        /// The environment variable, when one is named.
        variable: Option<String>,
        /// Where the setting is written (`None` for an environment read inline).
        written_at: Option<(usize, TextRange)>,
    },
    /// A column of a model class that may hold NULL.
    Column { class: String, column: String },
}

/// Where a value that may be missing comes from.
#[derive(Clone)]
struct Read {
    text: String,
    /// Set when the read is in a caller.
    caller: Option<(usize, TextRange, String)>,
}

/// A value handed to a call: its position, or its keyword, and the read it holds.
type Passed = (usize, Option<String>, Read);

/// Every open credential check of the project, in module and source order.
pub fn open_checks(project: &Project<'_>) -> Vec<OpenCheck> {
    let context = project.routes.context(&project.model, &project.files);
    let mut found = Vec::new();
    for file in &project.files {
        let info = &project.model.modules[file.module];
        if !info.analysed || file.is_test_module() {
            continue;
        }
        // Where the file reads a request value that may be missing, found once per file: a
        // function is searched only when one falls inside it.
        let text = info.file.text.as_bytes();
        let reads: Vec<u32> = memchr::memmem::find_iter(text, b"request.")
            .filter(|&at| {
                let after = &text[at + b"request.".len()..];
                MAY_BE_MISSING.iter().any(|read| after.starts_with(read))
            })
            .map(|at| at as u32)
            .collect();
        if reads.is_empty() {
            continue;
        }
        for_each_def(&info.file.module().body, &mut |def| {
            let start = reads.partition_point(|&at| at < def.start().to_u32());
            if reads.get(start).is_some_and(|&at| at < def.end().to_u32()) {
                let mut search = Search {
                    project,
                    context: &context,
                    file,
                    def,
                    parameters: Vec::new(),
                    depth: 0,
                    found: &mut found,
                };
                search.run();
            }
        });
    }
    found.sort_by_key(|check| (check.module, check.range.start()));
    found.dedup_by_key(|check| (check.module, check.range));
    found
}

struct Search<'s, 'p, 'a> {
    project: &'s Project<'a>,
    context: &'s AuthContext<'p, 'a>,
    file: &'s FileModel<'a>,
    def: &'a ast::StmtFunctionDef,
    /// Parameters that receive a request value that may be missing.
    parameters: Vec<(String, Read)>,
    depth: usize,
    found: &'s mut Vec<OpenCheck>,
}

impl<'a> Search<'_, '_, 'a> {
    fn run(&mut self) {
        let body: &'a [Stmt] = &self.def.body;
        let locals = Locals::of(body, self);
        let decisions = decision_ranges(body);
        let mut sinks: Vec<(TextRange, Read, Against)> = Vec::new();
        let mut handed_on: Vec<(&'a ast::ExprCall, Vec<Passed>)> = Vec::new();
        let mut visit = |expr: &'a Expr| match expr {
            Expr::Compare(compare)
                if matches!(compare.ops.as_ref(), [ast::CmpOp::Eq | ast::CmpOp::NotEq]) =>
            {
                let (left, right) = (compare.left.as_ref(), &compare.comparators[0]);
                for (value, other) in [(left, right), (right, left)] {
                    if let Some(read) = self.missing(value, &locals)
                        && !guarded(body, value, compare.start())
                        && within(&decisions, compare.range())
                        && let Some(setting) = self.none_setting(other)
                    {
                        sinks.push((compare.range(), read, setting));
                        break;
                    }
                }
            }
            Expr::Call(call) => {
                if let Some((read, column)) = self.open_lookup(call, &locals, body, &decisions) {
                    sinks.push((call.range(), read, column));
                    return;
                }
                if self.depth < MAX_DEPTH {
                    let passed: Vec<Passed> = call
                        .arguments
                        .args
                        .iter()
                        .enumerate()
                        .filter_map(|(index, argument)| {
                            let read = self.missing(argument, &locals)?;
                            (!guarded(body, argument, call.start())).then_some((index, None, read))
                        })
                        .chain(call.arguments.keywords.iter().filter_map(|keyword| {
                            let name = keyword.arg.as_ref()?.to_string();
                            let read = self.missing(&keyword.value, &locals)?;
                            (!guarded(body, &keyword.value, call.start())).then_some((
                                0,
                                Some(name),
                                read,
                            ))
                        }))
                        .collect();
                    if !passed.is_empty() {
                        handed_on.push((call, passed));
                    }
                }
            }
            _ => {}
        };
        visit_scope_exprs(body, &mut visit);
        for (range, read, against) in sinks {
            self.found.push(OpenCheck {
                module: self.file.module,
                range,
                function: self.def.name.to_string(),
                credential: read.text,
                read_in_caller: read.caller,
                against,
            });
        }
        for (call, passed) in handed_on {
            self.follow(call, passed);
        }
    }

    /// Follows request values handed to a project function into it.
    fn follow(&mut self, call: &'a ast::ExprCall, passed: Vec<Passed>) {
        // Methods take `self` first; only plain functions are followed.
        if !matches!(call.func.as_ref(), Expr::Name(_) | Expr::Attribute(_)) {
            return;
        }
        let Some((module, target)) = self
            .context
            .callee_of(self.file, call)
            .and_then(|qualified| self.context.function_for(self.file.module, &qualified))
        else {
            return;
        };
        if std::ptr::eq(target, self.def)
            || target
                .parameters
                .args
                .first()
                .is_some_and(|p| matches!(p.parameter.name.as_str(), "self" | "cls"))
        {
            return;
        }
        let mut parameters = Vec::new();
        for (index, keyword, read) in passed {
            let name = match keyword {
                Some(name) => target
                    .parameters
                    .posonlyargs
                    .iter()
                    .chain(&target.parameters.args)
                    .chain(&target.parameters.kwonlyargs)
                    .find(|p| p.parameter.name.as_str() == name)
                    .map(|p| p.parameter.name.to_string()),
                None => target
                    .parameters
                    .posonlyargs
                    .iter()
                    .chain(&target.parameters.args)
                    .nth(index)
                    .map(|p| p.parameter.name.to_string()),
            };
            let Some(name) = name else { continue };
            let caller = read
                .caller
                .clone()
                .or_else(|| Some((self.file.module, call.range(), self.def.name.to_string())));
            parameters.push((
                name,
                Read {
                    text: read.text,
                    caller,
                },
            ));
        }
        if parameters.is_empty() {
            return;
        }
        let file = &self.project.files[module];
        let mut search = Search {
            project: self.project,
            context: self.context,
            file,
            def: target,
            parameters,
            depth: self.depth + 1,
            found: &mut *self.found,
        };
        search.run();
    }

    /// The request read `expr` is, when it may be missing: `request.headers.get("K")`,
    /// `request.cookies.get("K", None)`, a JSON body's `data["K"]` or `data.get("K")`, a local
    /// assigned one of these once, or a parameter handed one.
    fn missing(&self, expr: &Expr, locals: &Locals<'a>) -> Option<Read> {
        let source = self.project.model.modules[self.file.module].file;
        let read = |expr: &Expr| Read {
            text: source.slice(expr.range()).to_string(),
            caller: None,
        };
        match expr {
            Expr::Name(name) => {
                let name = name.id.as_str();
                if let Some(read) = locals.missing.iter().find(|(local, _)| *local == name) {
                    return Some(read.1.clone());
                }
                self.parameters
                    .iter()
                    .find(|(parameter, _)| parameter == name)
                    .filter(|_| !locals.assigned.contains(&name))
                    .map(|(_, read)| read.clone())
            }
            Expr::Call(call) => {
                let Expr::Attribute(getter) = call.func.as_ref() else {
                    return None;
                };
                if getter.attr.as_str() != "get" || !call.arguments.keywords.is_empty() {
                    return None;
                }
                let default_is_none = matches!(
                    call.arguments.args.as_ref(),
                    [_] | [_, Expr::NoneLiteral(_)]
                );
                (default_is_none
                    && (is_request_mapping(&getter.value) || locals.is_json(&getter.value)))
                .then(|| read(expr))
            }
            Expr::Subscript(subscript)
                if matches!(subscript.slice.as_ref(), Expr::StringLiteral(_))
                    && locals.is_json(&subscript.value) =>
            {
                Some(read(expr))
            }
            _ => None,
        }
    }

    /// A setting that is `None` while unset: `os.environ.get("K")` / `os.getenv("K")` inline,
    /// or a config key every production setting of which reads an environment variable with no
    /// default (or sets `None`).
    fn none_setting(&self, expr: &Expr) -> Option<Against> {
        let key = configured_key_name(expr)?;
        let source = self.project.model.modules[self.file.module].file;
        let read = source.slice(expr.range()).to_string();
        if let Expr::Call(call) = expr
            && (read.contains("environ.get(") || read.contains("getenv("))
        {
            return (call.arguments.args.len() == 1 && call.arguments.keywords.is_empty()).then(
                || Against::Setting {
                    read: read.clone(),
                    variable: Some(key.clone()),
                    written_at: None,
                },
            );
        }
        if read.contains("environ[") {
            return None;
        }
        let mut written_at = None;
        let mut variable = None;
        let mut any = false;
        for entry in self.project.config.production_settings(&key) {
            any = true;
            let none = match &entry.value {
                ConfigValue::Literal(literal) => literal.value == Value::None,
                ConfigValue::Environment(lookup) => {
                    let written = self.project.model.modules[entry.module]
                        .file
                        .slice(lookup.range);
                    let gives_none = match &lookup.default {
                        None => written.contains(".get(") || written.contains("getenv("),
                        Some(default) => default.value == Value::None,
                    };
                    if gives_none {
                        variable = lookup.variable.clone();
                    }
                    gives_none
                }
                _ => false,
            };
            if !none {
                return None;
            }
            written_at.get_or_insert((entry.module, entry.expr.range()));
        }
        any.then_some(Against::Setting {
            read,
            variable,
            written_at,
        })
    }

    /// `Model.query.filter_by(column=value)` or `.filter(Model.column == value)` /
    /// `.where(...)`, on a credential column that may hold NULL, with a request value that may
    /// be missing, whose result the function decides on.
    fn open_lookup(
        &self,
        call: &'a ast::ExprCall,
        locals: &Locals<'a>,
        body: &'a [Stmt],
        decisions: &[TextRange],
    ) -> Option<(Read, Against)> {
        let Expr::Attribute(method) = call.func.as_ref() else {
            return None;
        };
        let records = &self.project.records;
        let model = &self.project.model;
        let module = self.file.module;
        let mut pairs: Vec<(&'a Expr, &'a Expr, &str)> = Vec::new();
        match method.attr.as_str() {
            "filter_by" => {
                let class = chain_class(&method.value)?;
                for keyword in &call.arguments.keywords {
                    if let Some(column) = &keyword.arg {
                        pairs.push((class, &keyword.value, column.as_str()));
                    }
                }
            }
            "filter" | "where" => {
                for argument in &call.arguments.args {
                    let Expr::Compare(compare) = argument else {
                        continue;
                    };
                    if !matches!(compare.ops.as_ref(), [ast::CmpOp::Eq]) {
                        continue;
                    }
                    let right = &compare.comparators[0];
                    for (column, value) in [(compare.left.as_ref(), right), (right, &*compare.left)]
                    {
                        if let Expr::Attribute(column) = column {
                            pairs.push((&column.value, value, column.attr.as_str()));
                        }
                    }
                }
            }
            _ => return None,
        }
        for (class, value, column) in pairs {
            if !is_credential_column(column) {
                continue;
            }
            let Some(read) = self.missing(value, locals) else {
                continue;
            };
            if guarded(body, value, call.start()) {
                continue;
            }
            let Some(record) = records.class_named(model, module, class) else {
                continue;
            };
            let columns = records.all_columns(model, record);
            // A key/value table (SwarmSense's `UserMetaData(key, value)`): its `key` names a
            // setting, it is no credential.
            if column == "key" && columns.iter().any(|c| c.name == "value") {
                continue;
            }
            let nullable = columns.iter().any(|c| c.name == column && c.may_be_null);
            if nullable && decides_on_lookup(body, call, decisions) {
                return Some((
                    read,
                    Against::Column {
                        class: record.name.clone(),
                        column: column.to_string(),
                    },
                ));
            }
        }
        None
    }
}

/// The class a query chain starts from: `Users` of `Users.query.filter_by`, of
/// `db.session.query(Users).filter_by`, of `select(Users).where`.
fn chain_class(receiver: &Expr) -> Option<&Expr> {
    match receiver {
        Expr::Attribute(attribute) if attribute.attr.as_str() == "query" => {
            Some(attribute.value.as_ref())
        }
        Expr::Call(call) if matches!(callee_last(&call.func), Some("query" | "select")) => {
            call.arguments.args.first()
        }
        Expr::Call(call) => match call.func.as_ref() {
            Expr::Attribute(inner) => chain_class(&inner.value),
            _ => None,
        },
        _ => None,
    }
}

/// A column that holds a credential: `api_key`, `token`, `uuid`, `session_id`, `secret`.
fn is_credential_column(column: &str) -> bool {
    let lower = column.to_ascii_lowercase();
    ["key", "token", "secret", "uuid", "session", "auth"]
        .iter()
        .any(|word| lower.contains(word))
}

/// `request.headers`, `request.cookies`, `request.args`, `request.form`, `request.values`,
/// `request.json`: a mapping whose `.get("K")` is `None` when the request leaves `K` out.
pub(crate) fn is_request_mapping(expr: &Expr) -> bool {
    let Expr::Attribute(attribute) = expr else {
        return false;
    };
    matches!(
        attribute.attr.as_str(),
        "headers" | "cookies" | "args" | "form" | "values" | "json"
    ) && matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request")
}

/// `request.json`, `request.get_json(...)`, `request.json or {}`: the request's JSON body.
fn is_request_json(expr: &Expr) -> bool {
    match expr {
        Expr::Attribute(attribute) => {
            attribute.attr.as_str() == "json"
                && matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request")
        }
        Expr::Call(call) => matches!(
            call.func.as_ref(),
            Expr::Attribute(a) if a.attr.as_str() == "get_json"
                && matches!(a.value.as_ref(), Expr::Name(n) if n.id.as_str() == "request")
        ),
        Expr::BoolOp(bool_op) => bool_op.values.first().is_some_and(is_request_json),
        _ => false,
    }
}

/// What a function's locals hold: request values that may be missing, and the JSON body.
struct Locals<'a> {
    missing: Vec<(&'a str, Read)>,
    json: Vec<&'a str>,
    /// Every name the function assigns (a parameter reassigned is no longer what was passed).
    assigned: Vec<&'a str>,
}

impl<'a> Locals<'a> {
    fn of(body: &'a [Stmt], search: &Search<'_, '_, 'a>) -> Locals<'a> {
        let mut assignments: Vec<(&'a str, &'a Expr)> = Vec::new();
        let mut assigned: Vec<&'a str> = Vec::new();
        visit_scope_stmts(body, &mut |stmt| match stmt {
            Stmt::Assign(assign) => {
                for target in &assign.targets {
                    if let Expr::Name(name) = target {
                        assignments.push((name.id.as_str(), &assign.value));
                        assigned.push(name.id.as_str());
                    }
                }
            }
            Stmt::AnnAssign(ast::StmtAnnAssign {
                target,
                value: Some(value),
                ..
            }) => {
                if let Expr::Name(name) = target.as_ref() {
                    assignments.push((name.id.as_str(), value));
                    assigned.push(name.id.as_str());
                }
            }
            Stmt::AugAssign(ast::StmtAugAssign { target, .. }) => {
                if let Expr::Name(name) = target.as_ref() {
                    assigned.push(name.id.as_str());
                }
            }
            _ => {}
        });
        let once = |name: &str| assigned.iter().filter(|n| **n == name).count() == 1;
        let mut locals = Locals {
            missing: Vec::new(),
            json: Vec::new(),
            assigned: assigned.clone(),
        };
        for (name, value) in &assignments {
            if once(name) && is_request_json(value) {
                locals.json.push(name);
            }
        }
        for (name, value) in &assignments {
            if once(name)
                && let Some(read) = search.missing(value, &locals)
            {
                locals.missing.push((name, read));
            }
        }
        locals
    }

    fn is_json(&self, expr: &Expr) -> bool {
        is_request_json(expr) || matches!(expr, Expr::Name(n) if self.json.contains(&n.id.as_str()))
    }
}

/// Whether `body` tests `value`'s presence before `before`: `if not value`, `value is None`,
/// `value and ...`, `if value:`, `len(value)`, `value == ""`.
fn guarded(body: &[Stmt], value: &Expr, before: TextSize) -> bool {
    let same = |expr: &Expr| same_expr(expr, value);
    let mut guard = false;
    let mut check = |expr: &Expr| {
        if expr.start() >= before {
            return;
        }
        guard |= match expr {
            Expr::UnaryOp(unary) => unary.op == ast::UnaryOp::Not && same(&unary.operand),
            Expr::Compare(compare) => {
                let operands: Vec<&Expr> = std::iter::once(compare.left.as_ref())
                    .chain(compare.comparators.iter())
                    .collect();
                operands.iter().any(|o| same(o))
                    && operands.iter().any(|o| {
                        matches!(o, Expr::NoneLiteral(_))
                            || matches!(o, Expr::StringLiteral(s) if s.value.is_empty())
                    })
            }
            Expr::BoolOp(bool_op) => bool_op.values.iter().any(&same),
            Expr::Call(call) => {
                matches!(callee_last(&call.func), Some("len" | "isinstance" | "bool"))
                    && call.arguments.args.first().is_some_and(&same)
            }
            _ => false,
        };
    };
    visit_scope_exprs(body, &mut check);
    if guard {
        return true;
    }
    // `if value:` / `elif value:` / `while value:` / `assert value` around or before the use.
    let mut tested = false;
    visit_scope_stmts(body, &mut |stmt| {
        let tests: Vec<&Expr> = match stmt {
            Stmt::If(branch) => std::iter::once(branch.test.as_ref())
                .chain(
                    branch
                        .elif_else_clauses
                        .iter()
                        .filter_map(|clause| clause.test.as_ref()),
                )
                .collect(),
            Stmt::While(loop_) => vec![loop_.test.as_ref()],
            Stmt::Assert(assert) => vec![assert.test.as_ref()],
            _ => Vec::new(),
        };
        if tests.iter().any(|test| test.start() < before && same(test)) {
            tested = true;
        }
    });
    tested
}

/// The same expression, by its written form (`key`, `data["key"]`).
fn same_expr(a: &Expr, b: &Expr) -> bool {
    match (a, b) {
        (Expr::Name(x), Expr::Name(y)) => x.id == y.id,
        (Expr::Subscript(x), Expr::Subscript(y)) => {
            same_expr(&x.value, &y.value) && same_expr(&x.slice, &y.slice)
        }
        (Expr::StringLiteral(x), Expr::StringLiteral(y)) => x.value.to_str() == y.value.to_str(),
        (Expr::Attribute(x), Expr::Attribute(y)) => {
            x.attr == y.attr && same_expr(&x.value, &y.value)
        }
        (Expr::Call(x), Expr::Call(y)) => {
            same_expr(&x.func, &y.func)
                && x.arguments.args.len() == y.arguments.args.len()
                && x.arguments
                    .args
                    .iter()
                    .zip(y.arguments.args.iter())
                    .all(|(p, q)| same_expr(p, q))
        }
        _ => false,
    }
}

/// The ranges whose value the function decides on: `if` / `elif` / `while` / `assert` tests,
/// conditional expressions' tests, and returned values.
fn decision_ranges(body: &[Stmt]) -> Vec<TextRange> {
    let mut ranges = Vec::new();
    visit_scope_stmts(body, &mut |stmt| match stmt {
        Stmt::If(branch) => {
            ranges.push(branch.test.range());
            ranges.extend(
                branch
                    .elif_else_clauses
                    .iter()
                    .filter_map(|clause| clause.test.as_ref().map(Ranged::range)),
            );
        }
        Stmt::While(loop_) => ranges.push(loop_.test.range()),
        Stmt::Assert(assert) => ranges.push(assert.test.range()),
        Stmt::Return(ast::StmtReturn {
            value: Some(value), ..
        }) => ranges.push(value.range()),
        _ => {}
    });
    ranges
}

fn within(decisions: &[TextRange], range: TextRange) -> bool {
    decisions.iter().any(|d| d.contains_range(range))
}

/// Whether the function decides on a lookup: the lookup is in a decision, or the name it is
/// assigned to is (`user = Users.query.filter_by(...).first()` ... `if user:`).
fn decides_on_lookup(body: &[Stmt], call: &ast::ExprCall, decisions: &[TextRange]) -> bool {
    if within(decisions, call.range()) {
        return true;
    }
    let mut assigned_to = None;
    visit_scope_stmts(body, &mut |stmt| {
        if let Stmt::Assign(assign) = stmt
            && assign.value.range().contains_range(call.range())
            && let [Expr::Name(name)] = assign.targets.as_slice()
        {
            assigned_to = Some((name.id.as_str(), assign.end()));
        }
    });
    let Some((name, after)) = assigned_to else {
        return false;
    };
    let mut decided = false;
    visit_scope_exprs(body, &mut |expr| {
        if let Expr::Name(used) = expr
            && used.id.as_str() == name
            && used.start() >= after
            && within(decisions, used.range())
        {
            decided = true;
        }
    });
    decided
}

/// Calls `visit` on every expression of `body`, nested ones included, within one scope (not
/// in nested functions or classes).
fn visit_scope_exprs<'a>(body: &'a [Stmt], visit: &mut impl FnMut(&'a Expr)) {
    use ruff_python_ast::visitor::{self, Visitor};
    struct Exprs<'f, F> {
        visit: &'f mut F,
    }
    impl<'a, F: FnMut(&'a Expr)> Visitor<'a> for Exprs<'_, F> {
        fn visit_stmt(&mut self, stmt: &'a Stmt) {
            if !matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
                visitor::walk_stmt(self, stmt);
            }
        }
        fn visit_expr(&mut self, expr: &'a Expr) {
            (self.visit)(expr);
            visitor::walk_expr(self, expr);
        }
    }
    Exprs { visit }.visit_body(body);
}
