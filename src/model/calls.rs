//! Every call of a file with what its callee resolves to, taken once in the file's one walk
//! (`jwt::CallCollector`, which also builds the file's scopes).
//!
//! Resolving a callee (`CORS(...)` is `flask_cors.CORS` because of the imports) follows
//! bindings through modules and builds strings; several rules and analyses asked the same
//! question of the same call, each after walking the whole tree again. They now look the call
//! up here: a rule iterates the calls of a file, or asks for the callee of a call it holds.
//! This is the first of the per-file facts the model keeps instead of re-walking trees; the
//! callers of a function (`NameIndex`) are a lookup over them.

use rustc_hash::FxHashMap as HashMap;

use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange};

use super::exceptions::last_segment;

/// One call of a file, as the file's `FileCalls` gives it.
#[derive(Clone, Copy)]
pub struct CallFact<'f, 'a> {
    pub call: &'a ast::ExprCall,
    /// What the callee refers to, as `ProjectModel::qualified_name` gives it in the call's own
    /// scope (`flask_cors.CORS`, `app.services.update_user`, `flask.request.args.get`); `None`
    /// where it resolves to nothing (a function defined in the same module, a method of a
    /// parameter, a builtin).
    pub callee: Option<&'f str>,
    /// The innermost function around the call (a method's, a nested function's); `None`
    /// outside every function: at module level, in a module-level class body, in a decorator
    /// or default of a module-level function, which run at import.
    pub function: Option<&'a ast::StmtFunctionDef>,
}

/// What the walk records of a call.
pub struct RecordedCall<'a> {
    pub call: &'a ast::ExprCall,
    pub callee: Option<String>,
    pub function: Option<&'a ast::StmtFunctionDef>,
}

/// How a file keeps a call: 24 bytes, its callee's name shared with every other call of it.
struct StoredCall<'a> {
    call: &'a ast::ExprCall,
    /// Index into `FileCalls::callees`; `NO_CALLEE` when it resolves to nothing.
    callee: u32,
    function: Option<&'a ast::StmtFunctionDef>,
}

const NO_CALLEE: u32 = u32::MAX;

/// A file's calls, ordered by where they start (an outer call before the calls inside it that
/// start at the same place: `a(b).c()` before `a(b)`).
#[derive(Default)]
pub struct FileCalls<'a> {
    stored: Vec<StoredCall<'a>>,
    /// Each distinct callee name once.
    callees: Vec<Box<str>>,
}

impl<'a> FileCalls<'a> {
    /// `recorded` in any order: the walk visits an assignment's value before its targets and a
    /// comprehension's loops before its element.
    pub fn new(recorded: Vec<RecordedCall<'a>>) -> Self {
        let mut index: HashMap<Box<str>, u32> = HashMap::default();
        let mut callees: Vec<Box<str>> = Vec::new();
        let mut stored: Vec<StoredCall<'a>> = recorded
            .into_iter()
            .map(|recorded| {
                let callee = match recorded.callee {
                    None => NO_CALLEE,
                    Some(name) => {
                        let name = name.into_boxed_str();
                        match index.get(&name) {
                            Some(&known) => known,
                            None => {
                                let new = callees.len() as u32;
                                callees.push(name.clone());
                                index.insert(name, new);
                                new
                            }
                        }
                    }
                };
                StoredCall {
                    call: recorded.call,
                    callee,
                    function: recorded.function,
                }
            })
            .collect();
        stored.sort_by_key(|stored| order_key(stored.call.range()));
        stored.shrink_to_fit();
        callees.shrink_to_fit();
        FileCalls { stored, callees }
    }

    fn fact(&self, stored: &StoredCall<'a>) -> CallFact<'_, 'a> {
        CallFact {
            call: stored.call,
            callee: self.callees.get(stored.callee as usize).map(|name| &**name),
            function: stored.function,
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = CallFact<'_, 'a>> {
        self.stored.iter().map(|stored| self.fact(stored))
    }

    /// The fact at `index` in this file's order.
    pub fn get(&self, index: usize) -> Option<CallFact<'_, 'a>> {
        self.stored.get(index).map(|stored| self.fact(stored))
    }

    /// The fact for a call of this file.
    pub fn of(&self, call: &ast::ExprCall) -> Option<CallFact<'_, 'a>> {
        let key = order_key(call.range());
        let index = self
            .stored
            .binary_search_by_key(&key, |stored| order_key(stored.call.range()))
            .ok()?;
        self.get(index)
    }

    /// What the callee of a call of this file refers to (see `CallFact::callee`).
    pub fn callee(&self, call: &ast::ExprCall) -> Option<&str> {
        self.of(call)?.callee
    }

    /// The calls inside `range`, a statement's or an expression's: a call that starts inside
    /// a node ends inside it.
    pub fn within(&self, range: TextRange) -> impl Iterator<Item = CallFact<'_, 'a>> {
        let start = self
            .stored
            .partition_point(|stored| stored.call.start() < range.start());
        let end = self.stored[start..].partition_point(|stored| stored.call.start() < range.end());
        self.stored[start..start + end]
            .iter()
            .map(|stored| self.fact(stored))
    }

    /// The calls in a function's body, nested functions' included; not its decorators,
    /// defaults or annotations.
    pub fn in_body(&self, def: &ast::StmtFunctionDef) -> impl Iterator<Item = CallFact<'_, 'a>> {
        let body = match (def.body.first(), def.body.last()) {
            (Some(first), Some(last)) => TextRange::new(first.start(), last.end()),
            _ => TextRange::empty(def.end()),
        };
        self.within(body)
    }
}

fn order_key(range: TextRange) -> (u32, std::cmp::Reverse<u32>) {
    (
        range.start().to_u32(),
        std::cmp::Reverse(range.end().to_u32()),
    )
}

/// Where each name is called, across the analysed files: `(file index in Project::files,
/// index in that file's list)` by the callee's last name as written. Built once, on first use,
/// for the analyses that follow a helper to its callers. Keyed by the name's hash so that it
/// borrows nothing (the project that holds it stays covariant in its trees' lifetime); a lookup
/// compares the names.
#[derive(Default)]
pub struct NameIndex {
    by_hash: HashMap<u64, Vec<(u32, u32)>>,
}

impl NameIndex {
    /// `entries`: each entry's file index, its index in that file's list, and its name.
    pub fn new<'n>(entries: impl Iterator<Item = (usize, usize, &'n str)>) -> Self {
        let mut by_hash: HashMap<u64, Vec<(u32, u32)>> = HashMap::default();
        for (file, index, name) in entries {
            by_hash
                .entry(name_hash(name))
                .or_default()
                .push((file as u32, index as u32));
        }
        NameIndex { by_hash }
    }

    /// The calls of every file by their callee's last name (`helper` in `x.helper(...)` and
    /// in `helper(...)(...)`).
    pub fn of_calls<'f, 'a: 'f>(files: impl Iterator<Item = &'f FileCalls<'a>>) -> Self {
        NameIndex::new(files.enumerate().flat_map(|(file, calls)| {
            calls
                .stored
                .iter()
                .enumerate()
                .filter_map(move |(index, stored)| {
                    Some((file, index, last_segment(&stored.call.func)?))
                })
        }))
    }

    /// The entries whose name may be `name`, as (file index, index in the file's list); the
    /// caller compares the names.
    pub fn candidates(&self, name: &str) -> &[(u32, u32)] {
        self.by_hash
            .get(&name_hash(name))
            .map_or(&[], Vec::as_slice)
    }
}

fn name_hash(name: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(name)
}

#[cfg(test)]
mod tests {
    use crate::model::{FileModel, context};

    const SERVICES: &str = "def update_user(uid):\n    return uid\n";
    const VIEWS: &str = r#"
from flask_cors import CORS
from app import services
from app.services import update_user as update

def view(x=CORS()):
    [jwt.decode(t) for jwt in tokens()]
    services.update_user(1)
    return update(2)

class Resource:
    def get(self):
        self.helper()(3)

CORS(app)
"#;

    /// Builds the files' models and hands `app/views.py`'s to `check`.
    fn with_views(check: impl FnOnce(&FileModel<'_>)) {
        let files = [("app/services.py", SERVICES), ("app/views.py", VIEWS)];
        crate::model::test_support::with_model(&files, |model| {
            let views = model.module_index("app.views").expect("loaded");
            check(&FileModel::new(model, views, context::Location::default()));
        });
    }

    /// The callee as written.
    fn callee_text(range: ruff_text_size::TextRange) -> &'static str {
        let text = &VIEWS[range.start().to_usize()..range.end().to_usize()];
        text.split('(').next().unwrap_or_default()
    }

    #[test]
    fn every_call_is_resolved_once_in_its_own_scope() {
        with_views(|file| {
            let facts: Vec<(&str, Option<&str>, Option<&str>)> = file
                .calls
                .iter()
                .map(|fact| {
                    (
                        callee_text(ruff_text_size::Ranged::range(fact.call)),
                        fact.callee,
                        fact.function.map(|def| def.name.as_str()),
                    )
                })
                .collect();
            assert_eq!(
                facts,
                vec![
                    // A default runs where the function is defined, not inside it.
                    ("CORS", Some("flask_cors.CORS"), None),
                    // The comprehension's `jwt` is its loop variable, not a library.
                    ("jwt.decode", None, Some("view")),
                    ("tokens", None, Some("view")),
                    (
                        "services.update_user",
                        Some("app.services.update_user"),
                        Some("view")
                    ),
                    ("update", Some("app.services.update_user"), Some("view")),
                    // The outer call first: both start at `self`.
                    ("self.helper", None, Some("get")),
                    ("self.helper", None, Some("get")),
                    ("CORS", Some("flask_cors.CORS"), None),
                ]
            );
            let view = file
                .calls
                .iter()
                .find_map(|fact| fact.function.filter(|def| def.name.as_str() == "view"))
                .expect("view");
            // The body's calls, not the default's.
            assert_eq!(file.calls.in_body(view).count(), 4);
            for fact in file.calls.iter() {
                let found = file.calls.of(fact.call).expect("found");
                assert!(std::ptr::eq(found.call, fact.call));
            }
        });
    }
}
