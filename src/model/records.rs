//! Records: the project's ORM model classes and in-memory stores, whom their rows belong to, and
//! the lookups a function makes in them.
//!
//! A value is an object id because of what it selects, not because of its name: `report_id`
//! that reaches `Report.query.get_or_404(...)` selects a row of a table with an `owner_id`
//! column; `product_id` that reaches `Product.query.get(...)` selects a row nobody owns. This
//! module holds the facts such a judgement needs:
//! - which classes are SQLAlchemy / Flask-SQLAlchemy models (columns, relationships, foreign
//!   keys, primary and unique keys, `__tablename__`), their bases followed through the project;
//! - which module-level dicts are in-memory stores, and which keys their entries carry;
//! - tables created by `CREATE TABLE` statements written in the project's Python strings;
//! - per function, the lookups it makes: ORM `get` / `get_or_404` / `filter_by` / `filter` /
//!   `where` / `session.get`, a raw SQL statement's parameters, a store's subscript or `.get`;
//! - who a record belongs to (`Ownership`): an account table itself, a row with an owner or
//!   author column or relationship, a row nobody owns, or unknown (no readable definition).
//!
//! Boundary: facts only. Whether an id that selects an owned record is a finding is the rules'
//! call (FL201); this module knows nothing of rules or configuration.

use rustc_hash::FxHashMap as HashMap;

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::scope::Binding;
use super::{At, ProjectModel};

/// How far model-class inheritance is followed (mixins, abstract bases).
const MAX_BASE_DEPTH: usize = 6;

/// One column or relationship of a model class.
#[derive(Clone, Debug, Default)]
pub struct Column {
    pub name: String,
    /// `relationship(...)`, not a column.
    pub relationship: bool,
    /// Primary key, unique, or a foreign key: a value that picks out rows, not a property.
    pub identifying: bool,
    /// The table a foreign key points to (`users` of `ForeignKey("users.id")`), or the class a
    /// foreign key or relationship names (`User` of `ForeignKey(User.id)`, `relationship("User")`).
    pub points_to: Option<String>,
    /// The column may hold NULL: SQLAlchemy's default for a column that is not a primary key,
    /// unless `nullable=False`; for a `Mapped[...]` annotation, `Optional` or `| None`.
    pub may_be_null: bool,
    /// A relationship through an association table (`secondary=`): many-to-many, which names
    /// the rows' accounts though the class holds no foreign key to them.
    pub through_table: bool,
}

/// An ORM model class of the project.
#[derive(Clone, Debug)]
pub struct RecordClass {
    pub module: usize,
    pub name: String,
    /// `__tablename__`, else Flask-SQLAlchemy's default (`NoteItem` -> `note_item`).
    pub table: String,
    pub columns: Vec<Column>,
    /// Base classes as written, with the module they are resolved in.
    bases: Vec<String>,
    /// `__table__ = Table(...)` or reflection: the columns are not written in the class.
    opaque: bool,
}

/// A module-level dict the code keeps records in (`NOTES = {}`).
#[derive(Clone, Debug)]
pub struct Store {
    pub module: usize,
    pub name: String,
    /// The keys (or keyword names) of the entries put into it, as far as they are visible.
    pub entry_keys: Vec<String>,
    /// Some entry's shape is visible: an initial entry or an assignment `NOTES[k] = {...}`.
    pub entries_known: bool,
}

/// A table created by a `CREATE TABLE` statement in a Python string.
#[derive(Clone, Debug)]
pub struct SqlTable {
    pub name: String,
    pub columns: Vec<String>,
}

/// Which record a lookup reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordRef {
    Class {
        module: usize,
        name: String,
    },
    Store {
        module: usize,
        name: String,
    },
    /// A table a raw SQL statement of `module` names.
    Table {
        module: usize,
        name: String,
    },
}

/// Whom a record belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ownership {
    /// The user or account table itself (`User`, `__tablename__ = "accounts"`, a `USERS` store).
    Account,
    /// Rows carry an owner: `link` is the column, relationship or entry key that says whose
    /// they are. `authored` when a link names an author (`author_id`, `created_by`), or every
    /// link is a role other than owner (`seller_id`): such rows (posts, comments, listings) are
    /// usually published for every reader, though only their author may change them.
    Owned { link: String, authored: bool },
    /// The definition is readable and names no owner: a shared catalogue.
    Public,
    /// No readable definition (a plain class, a reflected table, an empty store never filled).
    Unknown,
}

/// A lookup a function makes: the record(s) it reads and the values that select the row.
#[derive(Clone, Debug)]
pub struct Lookup<'b> {
    pub range: TextRange,
    pub records: Vec<RecordRef>,
    /// The expressions that pick the row: `x` of `get(x)`, `filter_by(id=x)`, `Note.id == x`,
    /// `NOTES[x]`, or every argument of a raw SQL call (the statement included, for
    /// interpolated SQL).
    pub keys: Vec<&'b Expr>,
    /// The lookup itself changes the row: `UPDATE` / `DELETE` SQL, `NOTES[x] = ...`,
    /// `del NOTES[x]`, `NOTES.pop(x)`.
    pub changes: bool,
}

#[derive(Debug, Default)]
pub struct Records {
    classes: HashMap<(usize, String), RecordClass>,
    stores: HashMap<(usize, String), Store>,
    /// Table name (lowercase) to the classes that map it, in module order: a tree of several
    /// projects may hold several `post` tables.
    tables: HashMap<String, Vec<(usize, String)>>,
    /// Tables `CREATE TABLE` statements in a module's strings define, by name (lowercase).
    sql_tables: HashMap<String, Vec<(usize, SqlTable)>>,
    /// Each module's application units: a table is looked up among the modules of the asking
    /// module's own applications (`Apps::of_module`).
    units: Vec<Vec<usize>>,
}

impl Records {
    pub fn new(model: &ProjectModel<'_>, apps: &super::apps::Apps) -> Records {
        let mut records = Records {
            units: (0..model.modules.len())
                .map(|module| apps.of_module(module).to_vec())
                .collect(),
            ..Records::default()
        };
        // `posts = relationship("Post", backref="author")` in `User` gives `Post` an `author`.
        let mut backrefs: Vec<(String, Column)> = Vec::new();
        for (module, info) in model.modules.iter().enumerate() {
            let body = &info.file.module().body;
            for stmt in body {
                match stmt {
                    Stmt::ClassDef(class) => {
                        if let Some(record) = read_class(model, module, class, &mut backrefs) {
                            records
                                .classes
                                .insert((module, record.name.clone()), record);
                        }
                    }
                    Stmt::Assign(assign) => {
                        for target in &assign.targets {
                            if let Expr::Name(name) = target
                                && is_dict_value(&assign.value)
                            {
                                records.add_store(module, name.id.as_str(), &assign.value);
                            }
                        }
                    }
                    Stmt::AnnAssign(assign) => {
                        if let (Expr::Name(name), Some(value)) =
                            (assign.target.as_ref(), assign.value.as_deref())
                            && is_dict_value(value)
                        {
                            records.add_store(module, name.id.as_str(), value);
                        }
                    }
                    _ => {}
                }
            }
            if records.stores.keys().any(|(m, _)| *m == module) {
                records.fill_stores(module, body);
            }
            if contains_ignore_case(info.file.slice(info.file.module().range()), "create table") {
                let mut defined = Vec::new();
                collect_sql_tables(body, &mut defined);
                for table in defined {
                    records
                        .sql_tables
                        .entry(table.name.to_ascii_lowercase())
                        .or_default()
                        .push((module, table));
                }
            }
        }
        for (target, column) in backrefs {
            let owners: Vec<(usize, String)> = records
                .classes
                .keys()
                .filter(|(_, name)| *name == target)
                .cloned()
                .collect();
            for key in owners {
                if let Some(class) = records.classes.get_mut(&key)
                    && !class.columns.iter().any(|c| c.name == column.name)
                {
                    class.columns.push(column.clone());
                }
            }
        }
        let mut tables: Vec<(String, (usize, String))> = records
            .classes
            .iter()
            .map(|(key, class)| (class.table.to_ascii_lowercase(), key.clone()))
            .collect();
        tables.sort();
        for (table, key) in tables {
            records.tables.entry(table).or_default().push(key);
        }
        records
    }

    /// Whether a record of module `candidate` may be what module `near` names: the same
    /// module, modules of a common application, or, outside every application, any.
    fn related(&self, candidate: usize, near: usize) -> bool {
        let (Some(a), Some(b)) = (self.units.get(candidate), self.units.get(near)) else {
            return candidate == near;
        };
        candidate == near || super::apps::overlap(a, b) || (a.is_empty() && b.is_empty())
    }

    /// The class mapping table `lower` that module `near` can mean.
    fn table_class(&self, lower: &str, near: usize) -> Option<&RecordClass> {
        self.tables
            .get(lower)?
            .iter()
            .find(|(module, _)| self.related(*module, near))
            .and_then(|(module, name)| self.class(*module, name))
    }

    /// The record class called `name` that module `near` can mean.
    fn class_called(&self, name: &str, near: usize) -> Option<&RecordClass> {
        self.classes
            .values()
            .find(|class| class.name == name && self.related(class.module, near))
    }

    /// The record class a column without a foreign key names (`patient_id` for `Patient`).
    fn class_named_by_column(&self, column: &str, near: usize) -> Option<&RecordClass> {
        let lower = column.to_ascii_lowercase();
        let stem = strip_id_suffix(&lower);
        self.classes
            .values()
            .find(|class| snake_case(&class.name) == stem && self.related(class.module, near))
    }

    fn add_store(&mut self, module: usize, name: &str, value: &Expr) {
        let mut store = Store {
            module,
            name: name.to_string(),
            entry_keys: Vec::new(),
            entries_known: false,
        };
        if let Expr::Dict(dict) = value {
            for item in &dict.items {
                store.entries_known |= entry_keys(&item.value, &mut store.entry_keys);
            }
        }
        self.stores.insert((module, name.to_string()), store);
    }

    /// `NOTES[k] = {...}` and `NOTES.setdefault(k, {...})` anywhere in the module show what the
    /// store's entries carry.
    fn fill_stores(&mut self, module: usize, body: &[Stmt]) {
        let mut found: Vec<(String, Vec<String>)> = Vec::new();
        super::routes::visit_stmts(body, &mut |stmt| {
            if let Stmt::Assign(assign) = stmt {
                for target in &assign.targets {
                    if let Expr::Subscript(subscript) = target
                        && let Expr::Name(name) = subscript.value.as_ref()
                    {
                        let mut keys = Vec::new();
                        if entry_keys(&assign.value, &mut keys) {
                            found.push((name.id.to_string(), keys));
                        }
                    }
                }
            }
        });
        for (name, keys) in found {
            if let Some(store) = self.stores.get_mut(&(module, name)) {
                store.entries_known = true;
                for key in keys {
                    if !store.entry_keys.contains(&key) {
                        store.entry_keys.push(key);
                    }
                }
            }
        }
    }

    /// The model class of the project named by `module` and `name`.
    pub fn class(&self, module: usize, name: &str) -> Option<&RecordClass> {
        self.classes.get(&(module, name.to_string()))
    }

    pub fn store(&self, module: usize, name: &str) -> Option<&Store> {
        self.stores.get(&(module, name.to_string()))
    }

    /// The model class an expression names (`Note`, `models.Note`), followed through imports.
    pub fn class_named(
        &self,
        model: &ProjectModel<'_>,
        module: usize,
        expr: &Expr,
    ) -> Option<&RecordClass> {
        if self.classes.is_empty() {
            return None;
        }
        let (found_module, name) = resolve_top_level(model, module, expr)?;
        self.class(found_module, &name)
    }

    /// The model classes module `near` may use that declare a column named `column`, by name,
    /// sorted.
    pub fn classes_with_column(&self, near: usize, column: &str) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .classes
            .values()
            .filter(|class| self.related(class.module, near))
            .filter(|class| {
                class
                    .columns
                    .iter()
                    .any(|c| c.name == column && !c.relationship)
            })
            .map(|class| class.name.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The store a name refers to at module level, unless a local of the function shadows it.
    fn store_named(
        &self,
        model: &ProjectModel<'_>,
        at: &At<'_, '_>,
        expr: &Expr,
    ) -> Option<&Store> {
        if self.stores.is_empty() {
            return None;
        }
        if let Expr::Name(name) = expr
            && let Some((_, found_at)) = model.lookup(at, name.id.as_str())
            && found_at.scope.is_some()
        {
            return None;
        }
        let (found_module, name) = resolve_top_level(model, at.module, expr)?;
        self.store(found_module, &name)
    }

    /// The one model class of the project named `name` in a module `same_app` accepts: for a
    /// class a module uses without importing it (tusome-academy's `routes/admin.py` calls
    /// `Employee(...)`, which only `models.py` defines).
    pub fn only_class_named(
        &self,
        name: &str,
        same_app: impl Fn(usize) -> bool,
    ) -> Option<&RecordClass> {
        let mut found = self
            .classes
            .values()
            .filter(|class| class.name == name && same_app(class.module));
        match (found.next(), found.next()) {
            (Some(class), None) => Some(class),
            _ => None,
        }
    }

    /// Whether nobody logs in as a row of `class`: it is not named for an account (`User`,
    /// `Account`, `Member`, ...), its columns (its bases' included) are all written and none
    /// holds a password, while another model class of its application (`same_app` of that
    /// class's module) does: tusome-academy's `Employee`, a payroll row whose `role` is a job
    /// title, beside the `User` its login checks. An app whose accounts have no password (a
    /// single sign-on) has no such other class, and is not judged.
    pub fn nobody_logs_in_as(
        &self,
        model: &ProjectModel<'_>,
        class: &RecordClass,
        same_app: impl Fn(usize) -> bool,
    ) -> bool {
        let holds_password = |candidate: &RecordClass| {
            self.all_columns(model, candidate).iter().any(|column| {
                let name = column.name.to_ascii_lowercase();
                name.contains("password") || name.contains("passwd") || name.ends_with("pwd")
            })
        };
        let named_for_an_account = super::context::words(&class.name)
            .last()
            .is_some_and(|word| {
                matches!(
                    word.as_str(),
                    "user"
                        | "users"
                        | "account"
                        | "accounts"
                        | "member"
                        | "members"
                        | "admin"
                        | "login"
                        | "profile"
                        | "customer"
                        | "customers"
                )
            });
        !named_for_an_account
            && !class.opaque
            && !holds_password(class)
            && self.classes.values().any(|other| {
                !(other.module == class.module && other.name == class.name)
                    && same_app(other.module)
                    && !other.opaque
                    && holds_password(other)
            })
    }

    /// Every column and relationship of a class, its bases' included (nearest first).
    pub fn all_columns(&self, model: &ProjectModel<'_>, class: &RecordClass) -> Vec<Column> {
        let mut columns = Vec::new();
        self.collect_columns(model, class, 0, &mut columns);
        columns
    }

    fn collect_columns(
        &self,
        model: &ProjectModel<'_>,
        class: &RecordClass,
        depth: usize,
        out: &mut Vec<Column>,
    ) {
        for column in &class.columns {
            if !out.iter().any(|c: &Column| c.name == column.name) {
                out.push(column.clone());
            }
        }
        if depth >= MAX_BASE_DEPTH {
            return;
        }
        for base in &class.bases {
            let Some((module, name)) = resolve_written(model, class.module, base) else {
                continue;
            };
            if let Some(base_class) = self.class(module, &name)
                && !(base_class.module == class.module && base_class.name == class.name)
            {
                self.collect_columns(model, base_class, depth + 1, out);
            }
        }
    }

    /// Whether the record classes module `near` may use hold nothing of any one user: the
    /// accounts table and at least two other readable classes, none of which has an owner (a
    /// class whose rows cannot be read, a declarative base, is passed over)
    /// (castmail2list's lists, subscribers and messages belong to the instance; every account
    /// is an administrator). No dict stores or SQL tables count, since they are read less
    /// surely.
    pub fn nothing_owned(&self, model: &ProjectModel<'_>, near: usize) -> bool {
        if self
            .stores
            .keys()
            .any(|(module, _)| self.related(*module, near))
        {
            return false;
        }
        // A `CREATE TABLE` with an owner column is a user's record (a docstring that reads
        // "create tables and seed" is no table).
        let owned_table = self.sql_tables.iter().any(|(name, tables)| {
            tables.iter().any(|(module, _)| {
                self.related(*module, near)
                    && matches!(
                        self.ownership(
                            model,
                            &RecordRef::Table {
                                module: *module,
                                name: name.clone(),
                            }
                        ),
                        Ownership::Owned { .. }
                    )
            })
        });
        if owned_table {
            return false;
        }
        let mut accounts = 0;
        let mut shared = 0;
        for class in self.classes.values() {
            if !self.related(class.module, near) || class.opaque {
                continue;
            }
            match self.class_ownership(model, class) {
                Ownership::Owned { .. } => return false,
                // A declarative base or a mixin: no rows of its own.
                Ownership::Unknown => {}
                Ownership::Account => accounts += 1,
                Ownership::Public => shared += 1,
            }
        }
        accounts > 0 && shared >= 2
    }

    /// Whom the rows of a record belong to.
    pub fn ownership(&self, model: &ProjectModel<'_>, record: &RecordRef) -> Ownership {
        match record {
            RecordRef::Class { module, name } => match self.class(*module, name) {
                Some(class) => self.class_ownership(model, class),
                None => Ownership::Unknown,
            },
            RecordRef::Store { module, name } => match self.store(*module, name) {
                Some(store) => store_ownership(store),
                None => Ownership::Unknown,
            },
            RecordRef::Table { module, name } => {
                let lower = name.to_ascii_lowercase();
                if let Some(class) = self.table_class(&lower, *module) {
                    return self.class_ownership(model, class);
                }
                if is_account_name(&lower) {
                    return Ownership::Account;
                }
                let defined = self.sql_tables.get(&lower).and_then(|tables| {
                    tables
                        .iter()
                        .find(|(defined_in, _)| self.related(*defined_in, *module))
                });
                match defined {
                    Some((defined_in, table)) => {
                        links_ownership(table.columns.iter().filter_map(|c| {
                            owner_link(c, None, *defined_in, self, model).map(|a| (c.clone(), a))
                        }))
                    }
                    None => Ownership::Unknown,
                }
            }
        }
    }

    fn class_ownership(&self, model: &ProjectModel<'_>, class: &RecordClass) -> Ownership {
        let columns = self.all_columns(model, class);
        if is_people_class(class) && !self.administered_people(model, class, &columns) {
            return Ownership::Account;
        }
        if class.opaque || columns.is_empty() {
            return Ownership::Unknown;
        }
        // Digital-Caretaker's `Properties.tenant = relationship("Tenant", backref="tenants")`
        // beside a `property_owner` foreign key into `landlord`: a relationship to a table the
        // class holds no foreign key into is the other side's collection (the property's
        // tenants), not whose the row is. Judged only where the class has foreign keys at all.
        let foreign_tables: Vec<String> = columns
            .iter()
            .filter(|c| !c.relationship)
            .filter_map(|c| c.points_to.as_deref())
            .map(|target| {
                target
                    .split('.')
                    .next()
                    .unwrap_or(target)
                    .to_ascii_lowercase()
            })
            .collect();
        let table_of = |class_name: &str| {
            self.classes
                .values()
                .find(|other| other.name == class_name)
                .map_or_else(
                    || snake_case(class_name),
                    |other| other.table.to_ascii_lowercase(),
                )
        };
        let collection = |c: &Column| {
            c.relationship
                && !c.through_table
                && !foreign_tables.is_empty()
                && c.points_to.as_deref().is_some_and(|target| {
                    !foreign_tables.contains(&table_of(target))
                        && !foreign_tables.contains(&target.to_ascii_lowercase())
                })
        };
        // `Employee.employee_id`, a column without a foreign key named for the class itself:
        // the row's own code (a staff number), not a link to whose the row is.
        let own_name = snake_case(&class.name);
        let own_code = |c: &Column| {
            c.points_to.is_none() && strip_id_suffix(&c.name.to_ascii_lowercase()) == own_name
        };
        links_ownership(
            columns
                .iter()
                .filter(|c| !collection(c) && !own_code(c))
                .filter_map(|c| {
                    owner_link(&c.name, c.points_to.as_deref(), class.module, self, model)
                        .map(|a| (c.name.clone(), a))
                }),
        )
    }

    /// Whether `class`, named for people (`Employee`, `Patient`), holds records about people
    /// that the staff keep rather than accounts anyone logs in to: it holds no credential, and
    /// a class of the same application named for users or accounts does (a leave tracker's
    /// `Employee` rows, managed by the HR operators who log in as `User`). Such a class is
    /// judged by its columns like any other record.
    fn administered_people(
        &self,
        model: &ProjectModel<'_>,
        class: &RecordClass,
        columns: &[Column],
    ) -> bool {
        if class.opaque
            || columns.is_empty()
            || !is_people_class(class)
            || names_login_accounts(&class.name)
            || columns.iter().any(|c| names_a_credential(&c.name))
        {
            return false;
        }
        self.classes.values().any(|other| {
            other.name != class.name
                && self.related(other.module, class.module)
                && names_login_accounts(&other.name)
                && self
                    .all_columns(model, other)
                    .iter()
                    .any(|c| names_a_credential(&c.name))
        })
    }

    /// Whether a column of the class (or, when the class is unknown, a column so named) picks
    /// out rows: a primary, unique or foreign key, or an id by its name.
    fn identifying_column(
        &self,
        model: &ProjectModel<'_>,
        class: Option<&RecordClass>,
        column: &str,
    ) -> bool {
        if let Some(class) = class
            && let Some(found) = self
                .all_columns(model, class)
                .into_iter()
                .find(|c| c.name == column)
            && found.identifying
        {
            return true;
        }
        names_an_identifier(column)
    }

    /// Whether a table name (a foreign key's target) is an account table.
    fn is_account_table(&self, table: &str, near: usize) -> bool {
        let lower = table.to_ascii_lowercase();
        if let Some(class) = self.table_class(&lower, near) {
            return is_account_name(&class.name) || is_account_name(&class.table);
        }
        is_account_name(&lower)
    }

    /// The record lookups made in `body`, a function of `module` (`at` is its scope).
    pub fn lookups<'b>(
        &self,
        model: &ProjectModel<'_>,
        at: &At<'_, '_>,
        body: &'b [Stmt],
    ) -> Vec<Lookup<'b>> {
        let mut finder = LookupFinder {
            records: self,
            model,
            at,
            locals: super::routes::local_assignments(body),
            found: Vec::new(),
        };
        finder.visit_body(body);
        finder.found
    }
}

fn store_ownership(store: &Store) -> Ownership {
    if is_account_name(&store.name) {
        return Ownership::Account;
    }
    if !store.entries_known {
        return Ownership::Unknown;
    }
    links_ownership(
        store
            .entry_keys
            .iter()
            .filter_map(|k| owner_word(k).map(|a| (k.clone(), a))),
    )
}

fn links_ownership(links: impl Iterator<Item = (String, Link)>) -> Ownership {
    let links: Vec<(String, Link)> = links.collect();
    if links.is_empty() {
        return Ownership::Public;
    }
    // A post with an `author` relationship and a `user_id` foreign key is authored content:
    // the foreign key is the author's.
    let authored = links.iter().any(|(_, kind)| *kind == Link::Author)
        || links.iter().all(|(_, kind)| *kind == Link::Other);
    let link = links
        .iter()
        .find(|(_, kind)| *kind == Link::Owner)
        .or(links.first())
        .map(|(name, _)| name.clone())
        .unwrap_or_default();
    Ownership::Owned { link, authored }
}

/// How a column ties a row to an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    /// `owner_id`, `user`, `customer_id`: the row is the account's.
    Owner,
    /// `author_id`, `created_by`: the account wrote it.
    Author,
    /// Another foreign key into the account table (`seller_id`, `assignee_id`): a role, not
    /// necessarily ownership.
    Other,
}

/// Whether a column says whose the row is. A foreign key or relationship into the account
/// table counts whatever its name (`assignee_id`), as `Link::Other`.
fn owner_link(
    name: &str,
    points_to: Option<&str>,
    near: usize,
    records: &Records,
    model: &ProjectModel<'_>,
) -> Option<Link> {
    // ProfComp's `Prescription.patient_id` into `Patient`, a teaching record nobody logs in
    // as: a link to people the staff keep says whose the row is about, not whose it is.
    let target_class = match points_to {
        Some(target) => {
            let table = target.split('.').next().unwrap_or(target);
            records
                .table_class(&table.to_ascii_lowercase(), near)
                .or_else(|| records.class_called(table, near))
        }
        None => records.class_named_by_column(name, near),
    };
    // One that points on to the accounts (open-crm's `Customer.assigned_user_id`) still passes
    // its owner on: a contact of a customer is the assigned user's.
    if let Some(class) = target_class.filter(|class| is_people_class(class)) {
        let columns = records.all_columns(model, class);
        let owned_by_accounts = columns.iter().any(|c| {
            c.points_to.as_deref().is_some_and(|target| {
                names_login_accounts(target.split('.').next().unwrap_or(target))
            }) || strip_id_suffix(&c.name.to_ascii_lowercase())
                .split('_')
                .any(|word| matches!(word, "user" | "owner" | "account"))
        });
        if !owned_by_accounts && records.administered_people(model, class, &columns) {
            return None;
        }
    }
    if let Some(link) = owner_word(name) {
        return Some(link);
    }
    let target = points_to?;
    let table = target.split('.').next().unwrap_or(target);
    (records.is_account_table(table, near) || is_account_name(table)).then_some(Link::Other)
}

/// `Link::Author` for an author word (`author_id`, `created_by`), `Link::Owner` for an owner
/// word (`owner_id`, `user`, `customer_uuid`), `None` otherwise.
fn owner_word(name: &str) -> Option<Link> {
    let lower = name.to_ascii_lowercase();
    let stem = strip_id_suffix(&lower);
    const AUTHOR: &[&str] = &[
        "author",
        "creator",
        "created_by",
        "createdby",
        "poster",
        "posted_by",
        "writer",
        "submitter",
        "submitted_by",
        "uploader",
        "uploaded_by",
        "publisher",
    ];
    const OWNER: &[&str] = &[
        "owner", "owned_by", "user", "account", "customer", "member", "patient", "student",
        "employee", "person", "tenant", "buyer", "holder", "profile",
    ];
    // The whole name, not a part of it: `last_post_user_id` points at a user without saying
    // whose the row is (a foreign key into the account table still counts, as `Link::Other`).
    if AUTHOR.contains(&stem) {
        return Some(Link::Author);
    }
    // `user_profile_id`, `member_account_id`: every word an owner's (fitlife360's goals belong
    // to a `user_profile_id`).
    let compound = stem.contains('_') && stem.split('_').all(|word| OWNER.contains(&word));
    // `property_owner`, `listing_owner_id`: the owner of what the name says.
    let owner_of = stem.ends_with("_owner");
    (OWNER.contains(&stem) || compound || owner_of || lower == "uid").then_some(Link::Owner)
}

fn strip_id_suffix(lower: &str) -> &str {
    // `id_user`, `fk_owner`: the id written first.
    if let Some(stem) = lower
        .strip_prefix("id_")
        .or_else(|| lower.strip_prefix("fk_"))
        && !stem.is_empty()
    {
        return stem;
    }
    for suffix in ["_id", "_uuid", "_pk", "_key", "id"] {
        if let Some(stem) = lower.strip_suffix(suffix)
            && !stem.is_empty()
        {
            return stem.trim_end_matches('_');
        }
    }
    lower
}

/// A class named for people or their accounts (`Employee`, `User`), or mapping such a table.
fn is_people_class(class: &RecordClass) -> bool {
    is_account_name(&class.name) || is_account_name(&class.table)
}

/// A class named for the accounts people log in to (`User`, `UserAccount`, `Account`), rather
/// than for the people an application keeps records about (`Employee`, `Patient`).
fn names_login_accounts(name: &str) -> bool {
    let words = super::context::words(name);
    words.iter().any(|word| {
        matches!(
            word.as_str(),
            "user" | "users" | "account" | "accounts" | "login" | "logins"
        )
    })
}

/// A column that holds what a login checks: `password_hash`, `passwd`, `api_token`, `pin`.
fn names_a_credential(column: &str) -> bool {
    let words = super::context::words(column);
    words.iter().any(|word| {
        matches!(
            word.as_str(),
            "password" | "passwd" | "pwd" | "hash" | "hashed" | "pin" | "token" | "secret"
        )
    })
}

/// A user or account table or store: `User`, `UserModel`, `AppUser`, `accounts`, `USERS_DB`.
pub fn is_account_name(name: &str) -> bool {
    let words = super::context::words(name);
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    while let Some(last) = words.last()
        && matches!(
            *last,
            "model" | "table" | "entity" | "record" | "orm" | "db" | "store" | "data" | "by"
        )
        && words.len() > 1
    {
        words.pop();
    }
    words.last().is_some_and(|last| {
        let singular = last
            .strip_suffix('s')
            .filter(|s| !s.is_empty())
            .unwrap_or(last);
        matches!(
            singular,
            "user"
                | "account"
                | "customer"
                | "member"
                | "person"
                | "employee"
                | "patient"
                | "student"
        ) || *last == "people"
    })
}

/// `id`, `pk`, `uuid`, `note_id`, `publicId`, `slug`, `username`, `email`: a value that names one
/// row rather than a property many rows share.
pub fn names_an_identifier(column: &str) -> bool {
    let lower = column.to_ascii_lowercase();
    // Not `token` or `code`: a secret that proves possession selects a row as a capability,
    // not as an id anyone could change.
    matches!(
        lower.as_str(),
        "id" | "pk" | "uuid" | "guid" | "slug" | "username" | "email"
    ) || lower.starts_with("id_")
        || ["_id", "id", "_uuid", "uuid", "_pk", "_slug"]
            .iter()
            .any(|suffix| lower.len() > suffix.len() && lower.ends_with(suffix))
}

/// Flask-SQLAlchemy's default table name: `NoteItem` -> `note_item`.
fn snake_case(name: &str) -> String {
    super::context::words(name).join("_")
}

/// The class name a snake-case stem spells: `chat_room` -> `ChatRoom`, `customer` ->
/// `Customer`.
pub fn class_name_of(stem: &str) -> String {
    stem.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// Runs over every file's text: jumps between occurrences of the needle's first letter (SIMD
/// search) instead of comparing a window at every byte.
fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (haystack, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        haystack,
    )
    .any(|at| {
        haystack
            .get(at..at + needle.len())
            .is_some_and(|window| window.eq_ignore_ascii_case(needle))
    })
}

/// A call that empties or removes every table of the database: Flask-SQLAlchemy's
/// `db.drop_all()`, peewee's `drop_tables(...)`, `reflect_and_drop()`, `truncate_all()`.
pub fn wipes_every_table(func: &Expr) -> bool {
    callee_last(func).is_some_and(|name| {
        matches!(
            name,
            "drop_all" | "drop_tables" | "drop_all_tables" | "reflect_and_drop" | "truncate_all"
        )
    })
}

/// The last name of a callee: `get` for `Note.query.get`, `jsonify` for `jsonify`.
pub fn callee_last(func: &Expr) -> Option<&str> {
    match func {
        Expr::Name(name) => Some(name.id.as_str()),
        Expr::Attribute(attribute) => Some(attribute.attr.as_str()),
        _ => None,
    }
}

fn is_dict_value(value: &Expr) -> bool {
    match value {
        Expr::Dict(_) => true,
        Expr::Call(call) => matches!(
            callee_last(&call.func),
            Some("dict" | "defaultdict" | "OrderedDict")
        ),
        _ => false,
    }
}

/// The keys an entry value carries: a dict literal's string keys, a constructor's keyword
/// names. `false` when the value's shape is not visible.
fn entry_keys(value: &Expr, out: &mut Vec<String>) -> bool {
    match value {
        Expr::Dict(dict) => {
            for item in &dict.items {
                if let Some(Expr::StringLiteral(key)) = &item.key {
                    out.push(key.value.to_str().to_string());
                }
            }
            true
        }
        Expr::Call(call) if !call.arguments.keywords.is_empty() => {
            for keyword in &call.arguments.keywords {
                if let Some(arg) = &keyword.arg {
                    out.push(arg.to_string());
                }
            }
            true
        }
        _ => false,
    }
}

/// The module and top-level name an expression refers to: a name bound at the top of `module`,
/// or one imported from another project module.
fn resolve_top_level(
    model: &ProjectModel<'_>,
    module: usize,
    expr: &Expr,
) -> Option<(usize, String)> {
    let at = At::top(module);
    if let Expr::Name(name) = expr
        && let Some((bindings, _)) = model.lookup(&at, name.id.as_str())
        && !bindings.iter().any(|b| matches!(b, Binding::Import(_)))
    {
        return Some((module, name.id.to_string()));
    }
    let qualified = match expr {
        Expr::Name(_) | Expr::Attribute(_) => model.qualified_name(expr, &at)?,
        _ => return None,
    };
    let (found, rest) = model.split_module(&qualified)?;
    (!rest.contains('.')).then(|| (found, rest.to_string()))
}

/// The module and top-level name a dotted name written in `module` refers to (a base class:
/// `Base`, `models.OwnedMixin`).
fn resolve_written(model: &ProjectModel<'_>, module: usize, text: &str) -> Option<(usize, String)> {
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    {
        return None;
    }
    let (first, rest) = match text.split_once('.') {
        Some((first, rest)) => (first, Some(rest)),
        None => (text, None),
    };
    let bindings = model.modules.get(module)?.scope.get(first)?;
    let target = bindings.iter().find_map(|b| match b {
        Binding::Import(target) => Some(target.as_str()),
        _ => None,
    });
    let qualified = match (target, rest) {
        (None, None) => return Some((module, first.to_string())),
        (None, Some(_)) => return None,
        (Some(target), None) => model.canonical(target),
        (Some(target), Some(rest)) => model.canonical(&format!("{target}.{rest}")),
    };
    let (found, name) = model.split_module(&qualified)?;
    (!name.contains('.')).then(|| (found, name.to_string()))
}

/// A class is a model when it declares columns or relationships (`db.Column`, `mapped_column`,
/// `Mapped[...]`, `relationship`) or derives from an ORM base (`db.Model`, a declarative `Base`,
/// another class of this kind, which `all_columns` follows).
fn read_class(
    model: &ProjectModel<'_>,
    module: usize,
    class: &ast::StmtClassDef,
    backrefs: &mut Vec<(String, Column)>,
) -> Option<RecordClass> {
    let source = model.modules[module].file;
    let bases: Vec<String> = class
        .arguments
        .as_ref()
        .map(|arguments| {
            arguments
                .args
                .iter()
                .map(|base| source.slice(base.range()).to_string())
                .collect()
        })
        .unwrap_or_default();
    let orm_base = bases.iter().any(|base| {
        let last = base.rsplit('.').next().unwrap_or(base);
        last == "Model" || last.ends_with("Base") || last.ends_with("Mixin")
    });
    let mut record = RecordClass {
        module,
        name: class.name.to_string(),
        table: snake_case(class.name.as_str()),
        columns: Vec::new(),
        bases,
        opaque: false,
    };
    let mut declares = false;
    for stmt in &class.body {
        let (target, value, annotation) = match stmt {
            Stmt::Assign(assign) if assign.targets.len() == 1 => {
                (&assign.targets[0], Some(assign.value.as_ref()), None)
            }
            Stmt::AnnAssign(assign) => (
                assign.target.as_ref(),
                assign.value.as_deref(),
                Some(assign.annotation.as_ref()),
            ),
            _ => continue,
        };
        let Expr::Name(target) = target else { continue };
        let name = target.id.as_str();
        match (name, value) {
            ("__tablename__", Some(Expr::StringLiteral(table))) => {
                record.table = table.value.to_str().to_string();
                continue;
            }
            ("__table__", Some(_)) => {
                record.opaque = true;
                declares = true;
                continue;
            }
            ("__table_args__", Some(value)) => {
                if source.slice(value.range()).contains("autoload") {
                    record.opaque = true;
                }
                continue;
            }
            _ => {}
        }
        let mapped = annotation.is_some_and(|a| source.slice(a.range()).contains("Mapped"));
        let call = match value {
            Some(Expr::Call(call)) => Some(call),
            _ => None,
        };
        let kind = call.and_then(|call| callee_last(&call.func));
        let relationship = matches!(kind, Some("relationship" | "relation"));
        let column = matches!(kind, Some("Column" | "mapped_column" | "column_property"));
        if !(relationship || column || mapped) {
            continue;
        }
        declares = true;
        let annotated_optional = annotation.is_some_and(|a| {
            let text = source.slice(a.range());
            text.contains("Optional[") || text.contains("None")
        });
        let mut entry = Column {
            name: name.to_string(),
            relationship,
            may_be_null: !relationship && (!mapped || annotated_optional),
            ..Column::default()
        };
        if let Some(call) = call {
            read_column_call(source, call, &mut entry);
            if relationship
                && let Some(backref) = backref_name(call)
                && let Some(target) = entry.points_to.clone()
            {
                backrefs.push((
                    target,
                    Column {
                        name: backref,
                        relationship: true,
                        identifying: false,
                        points_to: Some(record.name.clone()),
                        may_be_null: false,
                        through_table: entry.through_table,
                    },
                ));
            }
        }
        if entry.points_to.is_none()
            && let Some(annotation) = annotation
        {
            entry.points_to = annotated_class(source.slice(annotation.range()));
            entry.relationship |= entry.points_to.is_some();
        }
        record.columns.push(entry);
    }
    (declares || orm_base).then_some(record)
}

fn read_column_call(source: &crate::source::SourceFile, call: &ast::ExprCall, entry: &mut Column) {
    for keyword in &call.arguments.keywords {
        let Some(arg) = &keyword.arg else { continue };
        let set = matches!(&keyword.value, Expr::BooleanLiteral(b) if b.value);
        if matches!(arg.as_str(), "primary_key" | "unique") && set {
            entry.identifying = true;
        }
        match arg.as_str() {
            "primary_key" if set => entry.may_be_null = false,
            "nullable" => entry.may_be_null = set,
            "secondary" => entry.through_table = true,
            _ => {}
        }
    }
    let mut foreign: Option<String> = None;
    for argument in &call.arguments.args {
        match argument {
            Expr::Call(inner) if callee_last(&inner.func) == Some("ForeignKey") => {
                foreign = inner.arguments.args.first().map(|target| match target {
                    Expr::StringLiteral(text) => text.value.to_str().to_string(),
                    other => source.slice(other.range()).to_string(),
                });
            }
            Expr::StringLiteral(text) if entry.relationship && entry.points_to.is_none() => {
                entry.points_to = Some(text.value.to_str().to_string());
            }
            Expr::Name(name) if entry.relationship && entry.points_to.is_none() => {
                entry.points_to = Some(name.id.to_string());
            }
            _ => {}
        }
    }
    if let Some(target) = foreign {
        entry.identifying = true;
        // `users.id` names a table; `User.id` a class: keep the part before the column.
        let owner = target
            .rsplit_once('.')
            .map_or(target.as_str(), |(table, _)| table);
        entry.points_to = Some(owner.rsplit('.').next().unwrap_or(owner).to_string());
    }
}

fn backref_name(call: &ast::ExprCall) -> Option<String> {
    call.arguments.keywords.iter().find_map(|keyword| {
        (keyword.arg.as_ref()?.as_str() == "backref").then_some(())?;
        match &keyword.value {
            Expr::StringLiteral(text) => Some(text.value.to_str().to_string()),
            Expr::Call(inner) => match inner.arguments.args.first() {
                Some(Expr::StringLiteral(text)) => Some(text.value.to_str().to_string()),
                _ => None,
            },
            _ => None,
        }
    })
}

/// `Mapped["User"]`, `Mapped[User]`, `so.Mapped[Optional["User"]]`: the class a relationship
/// annotation names; `None` for plain values (`Mapped[int]`, `Mapped[str]`).
fn annotated_class(annotation: &str) -> Option<String> {
    let inner = annotation
        .split_once('[')
        .map(|(_, rest)| rest)?
        .trim_end_matches(']');
    let name = inner
        .rsplit(['[', ',', ' ', '|'])
        .find(|part| !part.is_empty() && *part != "None")?
        .trim_matches(|c| c == '"' || c == '\'' || c == ']');
    let last = name.rsplit('.').next().unwrap_or(name);
    let plain = matches!(
        last,
        "int"
            | "str"
            | "float"
            | "bool"
            | "bytes"
            | "datetime"
            | "date"
            | "time"
            | "Decimal"
            | "dict"
            | "list"
            | "Any"
            | "UUID"
            | "uuid"
            | "JSON"
            | "timedelta"
    );
    (!plain && last.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        .then(|| last.to_string())
}

/// `CREATE TABLE [IF NOT EXISTS] notes (id INTEGER PRIMARY KEY, owner_id INTEGER, ...)` in any
/// string literal of the module.
fn collect_sql_tables(body: &[Stmt], out: &mut Vec<SqlTable>) {
    struct Strings<'o> {
        out: &'o mut Vec<SqlTable>,
    }
    impl<'a> Visitor<'a> for Strings<'_> {
        fn visit_expr(&mut self, expr: &'a Expr) {
            if let Expr::StringLiteral(text) = expr {
                for table in parse_create_tables(text.value.to_str()) {
                    // A later `CREATE TABLE` of the same name replaces the earlier one.
                    self.out
                        .retain(|known| !known.name.eq_ignore_ascii_case(&table.name));
                    self.out.push(table);
                }
            }
            visitor::walk_expr(self, expr);
        }
    }
    Strings { out }.visit_body(body);
}

fn parse_create_tables(sql: &str) -> Vec<SqlTable> {
    let mut tables = Vec::new();
    let lower = sql.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("create table") {
        let start = from + found + "create table".len();
        from = start;
        let rest = &sql[start..];
        let Some(open) = rest.find('(') else { break };
        let name = rest[..open]
            .split_whitespace()
            .rfind(|w| !matches!(w.to_ascii_lowercase().as_str(), "if" | "not" | "exists"))
            .unwrap_or("")
            .trim_matches(|c| c == '"' || c == '`' || c == '[' || c == ']');
        if name.is_empty() {
            continue;
        }
        let mut depth = 0usize;
        let mut columns = Vec::new();
        let mut part = String::new();
        for c in rest[open + 1..].chars() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => break,
                ')' => depth -= 1,
                ',' if depth == 0 => {
                    columns.extend(column_of_definition(&part));
                    part.clear();
                    continue;
                }
                _ => {}
            }
            part.push(c);
        }
        columns.extend(column_of_definition(&part));
        tables.push(SqlTable {
            name: name.rsplit('.').next().unwrap_or(name).to_string(),
            columns,
        });
    }
    tables
}

fn column_of_definition(definition: &str) -> Option<String> {
    let first = definition
        .split_whitespace()
        .next()?
        .trim_matches(|c| c == '"' || c == '`' || c == '[' || c == ']');
    let keyword = matches!(
        first.to_ascii_lowercase().as_str(),
        "primary" | "foreign" | "unique" | "constraint" | "check" | "key" | "index"
    );
    (!keyword && !first.is_empty()).then(|| first.to_string())
}

/// Methods that select rows by a key: the ORM's, and a store's.
const KEY_METHODS: &[&str] = &[
    "get",
    "get_or_404",
    "get_or_none",
    "one_or_404",
    "first_or_404",
];
const FILTER_METHODS: &[&str] = &["filter_by", "filter", "where"];
/// Query methods that, beside the filters, keep a listing from answering every row: a join or a
/// parent, a single row, a cut.
const NARROWING_METHODS: &[&str] = &[
    "join",
    "with_parent",
    "having",
    "get",
    "first",
    "limit",
    "offset",
    "slice",
];

/// Where `body` loads every row of `class`: an `.all()`, `.scalars()` or `.paginate(...)` (one
/// page of every row, the next a request away) of a query rooted at `class.query`,
/// `query(class)` or `select(class)` with no filter, join or parent on the way; or the bare
/// `class.query` handed to a pagination helper (`Work.to_collection_dict(Work.query, page,
/// per_page, ...)`, the API mixin of Miguel Grinberg's tutorial that teamplan's API uses).
pub fn unfiltered_listing(body: &[Stmt], class: &str) -> Option<TextRange> {
    let mut found = None;
    super::routes::any_expr(body, &mut |expr| {
        let Expr::Call(call) = expr else { return false };
        if callee_last(&call.func).is_some_and(|name| {
            let name = name.to_ascii_lowercase();
            name.contains("collection") || name.contains("paginat")
        }) && let Some(query) = call.arguments.args.iter().find(|arg| {
            matches!(arg, Expr::Attribute(attribute)
                if attribute.attr.as_str() == "query"
                    && matches!(attribute.value.as_ref(), Expr::Name(n) if n.id.as_str() == class))
        }) {
            found = Some(query.range());
            return true;
        }
        let Expr::Attribute(method) = call.func.as_ref() else {
            return false;
        };
        if !matches!(method.attr.as_str(), "all" | "scalars" | "paginate") {
            return false;
        }
        let every_row = match query_chain(&method.value, class) {
            (QueryRoot::Class, false) => true,
            (QueryRoot::Local(name), false) => built_from_every_row(body, name, class),
            _ => false,
        };
        if every_row {
            found = Some(call.range());
        }
        every_row
    });
    found
}

/// Where a query expression starts: the model class's own query, a local variable, or
/// something else.
enum QueryRoot<'e> {
    Class,
    Local(&'e str),
    Unknown,
}

/// The root of the query `expr` builds on (`class.query`, `query(class)`, `select(class)`, a
/// local name) and whether a filter, join or cut narrows it on the way.
fn query_chain<'e>(expr: &'e Expr, class: &str) -> (QueryRoot<'e>, bool) {
    let mut narrowed = false;
    let mut current = expr;
    for _ in 0..16 {
        match current {
            Expr::Call(inner) => {
                let names_class =
                    |arg: &Expr| matches!(arg, Expr::Name(n) if n.id.as_str() == class);
                if matches!(callee_last(&inner.func), Some("query" | "select"))
                    && inner.arguments.args.first().is_some_and(names_class)
                {
                    return (QueryRoot::Class, narrowed);
                }
                narrowed |= callee_last(&inner.func).is_some_and(|method| {
                    FILTER_METHODS.contains(&method) || NARROWING_METHODS.contains(&method)
                });
                // `session.execute(select(Owner))`: the statement is the argument.
                current = match inner.func.as_ref() {
                    Expr::Attribute(attribute) if attribute.attr.as_str() == "execute" => {
                        match inner.arguments.args.first() {
                            Some(statement) => statement,
                            None => return (QueryRoot::Unknown, narrowed),
                        }
                    }
                    Expr::Attribute(attribute) => attribute.value.as_ref(),
                    other => other,
                };
            }
            Expr::Attribute(attribute) if attribute.attr.as_str() == "query" => {
                let root = match attribute.value.as_ref() {
                    Expr::Name(n) if n.id.as_str() == class => QueryRoot::Class,
                    _ => QueryRoot::Unknown,
                };
                return (root, narrowed);
            }
            Expr::Attribute(attribute) => current = attribute.value.as_ref(),
            Expr::Name(name) => return (QueryRoot::Local(name.id.as_str()), narrowed),
            _ => return (QueryRoot::Unknown, narrowed),
        }
    }
    (QueryRoot::Unknown, narrowed)
}

/// Whether the local query `name` starts from every row of `class` and is narrowed only where
/// the request asks: walsatpay's `get_invoices` sets `query = Invoice.query`, then
/// `query = query.filter_by(status=...)` under `if status:` for each filter the caller may
/// send, and pages through the rest. A narrowing written unconditionally, or under a test (or
/// with a value) that reads the caller's identity, keeps rows from some callers.
fn built_from_every_row(body: &[Stmt], name: &str, class: &str) -> bool {
    let mut assignments: Vec<(&Expr, bool)> = Vec::new();
    collect_query_assignments(body, name, (false, false), &mut assignments);
    let mut rooted = false;
    for (value, optional) in assignments {
        match query_chain(value, class) {
            (QueryRoot::Class, narrowed) => {
                if narrowed && !optional {
                    return false;
                }
                rooted |= !narrowed;
            }
            (QueryRoot::Local(root), narrowed) if root == name => {
                if narrowed && !optional {
                    return false;
                }
            }
            _ => return false,
        }
    }
    rooted
}

/// The values assigned to `name` in `body`, with whether the assignment is optional: under an
/// `if`, and under no test that reads the caller (a filter the request may ask for or not).
/// `guard` says where the statements sit: under an `if` at all, under one testing the caller.
fn collect_query_assignments<'b>(
    body: &'b [Stmt],
    name: &str,
    guard: (bool, bool),
    out: &mut Vec<(&'b Expr, bool)>,
) {
    let (in_branch, caller_tested) = guard;
    for stmt in body {
        match stmt {
            Stmt::Assign(assign) if matches!(assign.targets.as_slice(), [Expr::Name(target)] if target.id.as_str() == name) =>
            {
                let optional = in_branch && !caller_tested && !reads_caller_identity(&assign.value);
                out.push((&assign.value, optional));
            }
            Stmt::If(branch) => {
                let caller_test = caller_tested
                    || reads_caller_identity(&branch.test)
                    || branch
                        .elif_else_clauses
                        .iter()
                        .filter_map(|clause| clause.test.as_ref())
                        .any(reads_caller_identity);
                collect_query_assignments(&branch.body, name, (true, caller_test), out);
                for clause in &branch.elif_else_clauses {
                    collect_query_assignments(&clause.body, name, (true, caller_test), out);
                }
            }
            Stmt::Try(block) => {
                collect_query_assignments(&block.body, name, guard, out);
                collect_query_assignments(&block.orelse, name, guard, out);
                collect_query_assignments(&block.finalbody, name, guard, out);
            }
            Stmt::With(block) => collect_query_assignments(&block.body, name, guard, out),
            Stmt::For(block) => collect_query_assignments(&block.body, name, guard, out),
            Stmt::While(block) => collect_query_assignments(&block.body, name, guard, out),
            _ => {}
        }
    }
}

/// Whether an expression reads who the caller is: Flask-Login's `current_user`, `g`, the
/// session, a JWT identity or claims.
fn reads_caller_identity(expr: &Expr) -> bool {
    super::routes::expr_contains(expr, &mut |e| match e {
        Expr::Name(n) => matches!(
            n.id.as_str(),
            "current_user" | "g" | "session" | "current_identity" | "identity" | "claims"
        ),
        Expr::Call(call) => matches!(
            callee_last(&call.func),
            Some("get_jwt_identity" | "get_jwt" | "get_current_user")
        ),
        _ => false,
    })
}

/// A query of `class` narrowed to the rows whose boolean column `flag` is set, and by nothing
/// else written in the same call: `User.query.filter_by(is_tutor=True)` (Tutor-Finder's
/// tutor directory, which other filters may narrow further by what the caller asks for), or
/// `Class.query.filter(Class.flag == True)` / `.filter(Class.flag.is_(True))`.
pub fn listing_of_flagged(body: &[Stmt], class: &str, flag: &str) -> Option<TextRange> {
    let is_true = |e: &Expr| matches!(e, Expr::BooleanLiteral(b) if b.value);
    let of_class = |e: &Expr| {
        matches!(e, Expr::Attribute(query) if query.attr.as_str() == "query"
            && matches!(query.value.as_ref(), Expr::Name(n) if n.id.as_str() == class))
    };
    let names_flag = |e: &Expr| {
        matches!(e, Expr::Attribute(column) if column.attr.as_str() == flag
            && matches!(column.value.as_ref(), Expr::Name(n) if n.id.as_str() == class))
    };
    let mut found = None;
    super::routes::any_expr(body, &mut |expr| {
        let Expr::Call(call) = expr else { return false };
        let Expr::Attribute(method) = call.func.as_ref() else {
            return false;
        };
        if !of_class(&method.value) {
            return false;
        }
        let selects_flagged = match method.attr.as_str() {
            "filter_by" => {
                call.arguments.args.is_empty()
                    && call.arguments.keywords.len() == 1
                    && call.arguments.keywords.iter().all(|keyword| {
                        keyword.arg.as_ref().is_some_and(|arg| arg.as_str() == flag)
                            && is_true(&keyword.value)
                    })
            }
            "filter" => {
                call.arguments.keywords.is_empty()
                    && matches!(call.arguments.args.as_ref(), [test] if match test {
                        Expr::Compare(compare) => names_flag(&compare.left)
                            && matches!(compare.ops.as_ref(), [ast::CmpOp::Eq | ast::CmpOp::Is])
                            && compare.comparators.first().is_some_and(is_true),
                        Expr::Call(is_) => matches!(is_.func.as_ref(), Expr::Attribute(a)
                            if a.attr.as_str() == "is_" && names_flag(&a.value))
                            && is_.arguments.args.first().is_some_and(is_true),
                        _ => false,
                    })
            }
            _ => false,
        };
        if selects_flagged {
            found = Some(call.range());
        }
        selects_flagged
    });
    found
}

/// The parameters of a raw SQL call that select rows: with positional placeholders (`%s`, `?`)
/// and a literal tuple or list of values, those bound after the `WHERE`. In
/// `UPDATE entries SET title = %s, content = %s WHERE id = %s` with `(title, content, entry_id)`
/// (myDiaryEndpoints), `title` and `content` are new values and only `entry_id` selects. Any
/// other shape keeps every parameter.
pub fn selecting_parameters<'b>(sql: &str, parameters: &'b Expr) -> Vec<&'b Expr> {
    let values: &'b [Expr] = match parameters {
        Expr::Tuple(tuple) => &tuple.elts,
        Expr::List(list) => &list.elts,
        _ => return vec![parameters],
    };
    let marker = if sql.contains("%s") { "%s" } else { "?" };
    let placeholders: Vec<usize> = sql.match_indices(marker).map(|(at, _)| at).collect();
    let lower = sql.to_ascii_lowercase();
    let where_at = lower
        .match_indices("where")
        .find(|(at, _)| {
            let before = lower[..*at].chars().next_back();
            let after = lower[at + 5..].chars().next();
            !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
                && !after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .map(|(at, _)| at);
    match where_at {
        Some(where_at) if placeholders.len() == values.len() && !values.is_empty() => {
            let first_selecting = placeholders.iter().take_while(|at| **at < where_at).count();
            values[first_selecting..].iter().collect()
        }
        _ => values.iter().collect(),
    }
}

/// Whether the query chain `receiver` selects only aggregates of its rows:
/// `session.query(func.count(Note.id))`, `select(func.sum(Booking.passengers))`.
fn selects_only_aggregates(receiver: &Expr) -> bool {
    let is_aggregate = |expr: &Expr| {
        matches!(expr, Expr::Call(call) if matches!(call.func.as_ref(), Expr::Attribute(function)
        if matches!(function.attr.as_str(), "count" | "sum" | "avg" | "min" | "max")
            && match function.value.as_ref() {
                Expr::Name(name) => name.id.as_str() == "func",
                Expr::Attribute(namespace) => namespace.attr.as_str() == "func",
                _ => false,
            }))
    };
    let mut current = receiver;
    for _ in 0..16 {
        match current {
            Expr::Call(call) => {
                let selects = match call.func.as_ref() {
                    Expr::Attribute(method) => method.attr.as_str() == "query",
                    Expr::Name(name) => name.id.as_str() == "select",
                    _ => false,
                };
                if selects {
                    return !call.arguments.args.is_empty()
                        && call.arguments.args.iter().all(is_aggregate);
                }
                current = call.func.as_ref();
            }
            Expr::Attribute(attribute) => current = attribute.value.as_ref(),
            _ => return false,
        }
    }
    false
}

const SQL_METHODS: &[&str] = &["execute", "executemany", "exec_driver_sql"];
const STORE_METHODS: &[&str] = &["get", "pop", "setdefault"];

struct LookupFinder<'r, 'm, 's, 'b> {
    records: &'r Records,
    model: &'m ProjectModel<'m>,
    at: &'s At<'s, 's>,
    locals: Vec<(&'b str, &'b Expr)>,
    found: Vec<Lookup<'b>>,
}

impl<'b> LookupFinder<'_, '_, '_, 'b> {
    /// Every model class an ORM chain names: its receiver (`Note.query`), the argument of
    /// `session.query(Note)` / `select(Note)` / `session.get(Note, x)`.
    fn classes_in_chain(&self, expr: &Expr, out: &mut Vec<RecordRef>) {
        self.classes_in_chain_from(expr, out, 0);
    }

    /// `depth`: how many locals were followed to get here (`addresses = Address.query`, then
    /// `addresses.filter_by(id=address_id)` in ralfeus/order's address API).
    fn classes_in_chain_from(&self, expr: &Expr, out: &mut Vec<RecordRef>, depth: usize) {
        let mut current = expr;
        for _ in 0..16 {
            match current {
                Expr::Call(call) => {
                    for argument in &call.arguments.args {
                        self.push_class(argument, out);
                    }
                    current = call.func.as_ref();
                }
                Expr::Attribute(attribute) => {
                    self.push_class(current, out);
                    current = attribute.value.as_ref();
                }
                Expr::Name(name) => {
                    let before = out.len();
                    self.push_class(current, out);
                    if out.len() == before && depth < 3 {
                        for (local, value) in &self.locals {
                            if *local == name.id.as_str() {
                                self.classes_in_chain_from(value, out, depth + 1);
                            }
                        }
                    }
                    return;
                }
                _ => return,
            }
        }
    }

    fn push_class(&self, expr: &Expr, out: &mut Vec<RecordRef>) {
        if !matches!(expr, Expr::Name(_) | Expr::Attribute(_)) {
            return;
        }
        if let Some(class) = self.records.class_named(self.model, self.at.module, expr) {
            let record = RecordRef::Class {
                module: class.module,
                name: class.name.clone(),
            };
            if !out.contains(&record) {
                out.push(record);
            }
        }
    }

    fn orm_call(&mut self, call: &'b ast::ExprCall, method: &str, receiver: &'b Expr) {
        let mut records = Vec::new();
        self.classes_in_chain(receiver, &mut records);
        let mut keys: Vec<&'b Expr> = Vec::new();
        if KEY_METHODS.contains(&method) {
            let mut class_argument = false;
            for argument in &call.arguments.args {
                // `session.get(Note, x)`, `db.get_or_404(Note, x)`: the class is not a key.
                let before = records.len();
                self.push_class(argument, &mut records);
                if records.len() > before || self.is_class(argument) {
                    class_argument = true;
                    continue;
                }
                keys.push(argument);
            }
            if records.is_empty() && !class_argument {
                return;
            }
            for keyword in &call.arguments.keywords {
                if keyword
                    .arg
                    .as_ref()
                    .is_some_and(|a| matches!(a.as_str(), "ident" | "id" | "pk"))
                {
                    keys.push(&keyword.value);
                }
            }
        } else if method == "filter_by" {
            if records.is_empty() {
                return;
            }
            let class = self.first_class(&records);
            for keyword in &call.arguments.keywords {
                if let Some(arg) = &keyword.arg
                    && self
                        .records
                        .identifying_column(self.model, class, arg.as_str())
                {
                    keys.push(&keyword.value);
                }
            }
        } else {
            // `filter(Note.id == x)`, `where(Note.owner_id == x, ...)`, `and_(...)` inside.
            let mut compared: Vec<RecordRef> = Vec::new();
            for argument in &call.arguments.args {
                self.compared_keys(argument, &mut compared, &mut keys);
            }
            if compared.is_empty() {
                return;
            }
            records = compared;
        }
        if keys.is_empty() || records.is_empty() {
            return;
        }
        self.found.push(Lookup {
            range: call.range(),
            records,
            keys,
            changes: false,
        });
    }

    fn is_class(&self, expr: &Expr) -> bool {
        self.records
            .class_named(self.model, self.at.module, expr)
            .is_some()
    }

    fn first_class(&self, records: &[RecordRef]) -> Option<&RecordClass> {
        records.iter().find_map(|record| match record {
            RecordRef::Class { module, name } => self.records.class(*module, name),
            _ => None,
        })
    }

    /// `Note.id == x` (either side), `x == Note.id`, `Note.id.in_(...)`, nested in
    /// `and_` / `or_` / boolean operators: the compared value is a key when the column picks
    /// out rows.
    fn compared_keys(
        &self,
        expr: &'b Expr,
        compared: &mut Vec<RecordRef>,
        keys: &mut Vec<&'b Expr>,
    ) {
        match expr {
            Expr::Compare(compare) if compare.comparators.len() == 1 => {
                let left = compare.left.as_ref();
                let right = &compare.comparators[0];
                for (column, value) in [(left, right), (right, left)] {
                    let Expr::Attribute(attribute) = column else {
                        continue;
                    };
                    let Some(class) =
                        self.records
                            .class_named(self.model, self.at.module, &attribute.value)
                    else {
                        continue;
                    };
                    if !self.records.identifying_column(
                        self.model,
                        Some(class),
                        attribute.attr.as_str(),
                    ) {
                        continue;
                    }
                    let record = RecordRef::Class {
                        module: class.module,
                        name: class.name.clone(),
                    };
                    if !compared.contains(&record) {
                        compared.push(record);
                    }
                    keys.push(value);
                }
            }
            Expr::BoolOp(bool_op) => {
                for value in &bool_op.values {
                    self.compared_keys(value, compared, keys);
                }
            }
            Expr::Call(call)
                if matches!(callee_last(&call.func), Some("and_" | "or_"))
                    || matches!(call.func.as_ref(), Expr::Attribute(a) if a.attr.as_str() == "in_") =>
            {
                if let Expr::Attribute(attribute) = call.func.as_ref()
                    && attribute.attr.as_str() == "in_"
                {
                    if let Expr::Attribute(column) = attribute.value.as_ref()
                        && let Some(class) =
                            self.records
                                .class_named(self.model, self.at.module, &column.value)
                    {
                        let record = RecordRef::Class {
                            module: class.module,
                            name: class.name.clone(),
                        };
                        if !compared.contains(&record) {
                            compared.push(record);
                        }
                        keys.extend(call.arguments.args.iter());
                    }
                    return;
                }
                for argument in &call.arguments.args {
                    self.compared_keys(argument, compared, keys);
                }
            }
            _ => {}
        }
    }

    fn sql_call(&mut self, call: &'b ast::ExprCall) {
        let Some(statement) = call.arguments.args.first() else {
            return;
        };
        let text = self.sql_text(statement);
        let tables = tables_the_parameters_select(&text, sql_tables(&text));
        if tables.is_empty() || answers_only_aggregates(&text) {
            return;
        }
        let mut keys: Vec<&'b Expr> = match call.arguments.args.get(1) {
            Some(parameters) => std::iter::once(statement)
                .chain(selecting_parameters(&text, parameters))
                .chain(call.arguments.args.iter().skip(2))
                .collect(),
            None => call.arguments.args.iter().collect(),
        };
        keys.extend(call.arguments.keywords.iter().map(|k| &k.value));
        // `execute(text("... :id").bindparams(id=x))`, `text(...)` with its parameters.
        let verb = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .find(|w| {
                !w.is_empty()
                    && !matches!(
                        w.to_ascii_lowercase().as_str(),
                        "f" | "r" | "rf" | "fr" | "b" | "u"
                    )
            })
            .unwrap_or("")
            .to_ascii_lowercase();
        // An `INSERT` makes a new row and selects none (Hotel-Booking-App's booking, whose
        // request fields are its columns), unless it updates on a conflict or copies rows.
        if verb == "insert" {
            let lower = text.to_ascii_lowercase();
            if !["on conflict", "on duplicate key", "select"]
                .iter()
                .any(|clause| lower.contains(clause))
            {
                return;
            }
        }
        self.found.push(Lookup {
            range: call.range(),
            records: tables
                .into_iter()
                .map(|name| RecordRef::Table {
                    module: self.at.module,
                    name,
                })
                .collect(),
            keys,
            changes: matches!(verb.as_str(), "update" | "delete" | "insert"),
        });
    }

    /// The SQL a statement argument holds: a literal, an f-string's literal parts, `text(...)`,
    /// `"..." % x`, `"..." + x`, `"...".format(x)`, or a local assigned one of these.
    fn sql_text(&self, expr: &Expr) -> String {
        let source = self.model.modules[self.at.module].file;
        let mut current = expr;
        for _ in 0..4 {
            match current {
                Expr::Name(name) => {
                    match self
                        .locals
                        .iter()
                        .rev()
                        .find(|(local, _)| *local == name.id.as_str())
                    {
                        Some((_, value)) => current = value,
                        None => match self.model.assigned_value(name.id.as_str(), self.at) {
                            Some(value) => current = value,
                            None => return String::new(),
                        },
                    }
                }
                Expr::Call(call) if callee_last(&call.func) == Some("text") => {
                    match call.arguments.args.first() {
                        Some(first) => current = first,
                        None => return String::new(),
                    }
                }
                _ => break,
            }
        }
        source.slice(current.range()).to_string()
    }

    fn store_lookup(&mut self, range: TextRange, store: &'b Expr, key: &'b Expr, changes: bool) {
        if let Some(found) = self.records.store_named(self.model, self.at, store) {
            self.found.push(Lookup {
                range,
                records: vec![RecordRef::Store {
                    module: found.module,
                    name: found.name.clone(),
                }],
                keys: vec![key],
                changes,
            });
        }
    }
}

impl<'b> Visitor<'b> for LookupFinder<'_, '_, '_, 'b> {
    fn visit_expr(&mut self, expr: &'b Expr) {
        // `Membership.query.filter_by(club_id=club_id).count()` (Club-System's member count):
        // the rows a query selects only to be counted reach no one; a number does.
        if let Expr::Call(call) = expr
            && let Expr::Attribute(attribute) = call.func.as_ref()
            && matches!(attribute.attr.as_str(), "count" | "exists")
            && call.arguments.is_empty()
            && matches!(attribute.value.as_ref(), Expr::Call(inner)
                if matches!(inner.func.as_ref(), Expr::Attribute(method)
                    if FILTER_METHODS.contains(&method.attr.as_str())))
        {
            return;
        }
        // `db.session.query(db.func.sum(Booking.passengers)).filter(Booking.train_id ==
        // train_id)` (RailServe's seats left on a train): a sum over everyone's rows, no row.
        if let Expr::Call(call) = expr
            && let Expr::Attribute(attribute) = call.func.as_ref()
            && FILTER_METHODS.contains(&attribute.attr.as_str())
            && selects_only_aggregates(&attribute.value)
        {
            return;
        }
        match expr {
            Expr::Call(call) => {
                if let Expr::Attribute(attribute) = call.func.as_ref() {
                    let method = attribute.attr.as_str();
                    if STORE_METHODS.contains(&method)
                        && matches!(attribute.value.as_ref(), Expr::Name(_))
                        && let Some(key) = call.arguments.args.first()
                        && self
                            .records
                            .store_named(self.model, self.at, &attribute.value)
                            .is_some()
                    {
                        self.store_lookup(call.range(), &attribute.value, key, method == "pop");
                    } else if KEY_METHODS.contains(&method) || FILTER_METHODS.contains(&method) {
                        self.orm_call(call, method, &attribute.value);
                    } else if SQL_METHODS.contains(&method) {
                        self.sql_call(call);
                    } else if !call.arguments.args.is_empty()
                        && let Some(class) =
                            self.records
                                .class_named(self.model, self.at.module, &attribute.value)
                        && looks_like_finder(method)
                    {
                        // A model's own finder: `User.find_by_id(x)`, `Note.get_by_uuid(x)`.
                        let record = RecordRef::Class {
                            module: class.module,
                            name: class.name.clone(),
                        };
                        self.found.push(Lookup {
                            range: call.range(),
                            records: vec![record],
                            keys: call.arguments.args.iter().collect(),
                            changes: method.starts_with("delete") || method.starts_with("update"),
                        });
                    }
                }
            }
            Expr::Subscript(subscript) if matches!(subscript.value.as_ref(), Expr::Name(_)) => {
                let changes = !matches!(subscript.ctx, ast::ExprContext::Load);
                self.store_lookup(
                    subscript.range(),
                    &subscript.value,
                    &subscript.slice,
                    changes,
                );
            }
            _ => {}
        }
        visitor::walk_expr(self, expr);
    }

    fn visit_stmt(&mut self, stmt: &'b Stmt) {
        // Nested functions and classes are other scopes, looked at when they are called.
        if matches!(stmt, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            return;
        }
        visitor::walk_stmt(self, stmt);
    }
}

/// What a function does with the row a lookup selected.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    /// An attribute or entry of the row is assigned, the row is deleted, or the query / SQL
    /// statement updates or deletes (`note.title = ...`, `db.session.delete(note)`,
    /// `query.delete()`, `UPDATE notes ...`, `NOTES[x] = ...`, `NOTES.pop(x)`).
    pub changed: bool,
    /// The row (or something made from it) is returned to the caller.
    pub returned: bool,
    /// The row is used at all: the lookup sits inside a larger expression, or a local holding
    /// it is read. A row nothing reads (`crop = Crop.query.get_or_404(crop_id)` in a stub that
    /// only flashes "not implemented") tells the caller only whether the id exists.
    pub read: bool,
}

/// What `body` does with the row `lookup` selected: through the lookup expression itself and
/// through the locals assigned from it (`note = Note.query.get_or_404(x)`).
pub fn effects(body: &[Stmt], lookup: &Lookup<'_>) -> Effects {
    let inside =
        |expr: &Expr| super::routes::expr_contains(expr, &mut |e| e.range() == lookup.range);
    let mut holders: Vec<&str> = Vec::new();
    for (name, value) in super::routes::local_assignments(body) {
        if inside(value) && !holders.contains(&name) {
            holders.push(name);
        }
    }
    let holds = |expr: &Expr| {
        inside(expr)
            || super::routes::expr_contains(
                expr,
                &mut |e| matches!(e, Expr::Name(n) if holders.contains(&n.id.as_str())),
            )
    };
    // The row held directly: `note.x`, `note["x"]`, not `other[note.id]`.
    let is_row = |expr: &Expr| {
        let mut current = expr;
        loop {
            if current.range() == lookup.range {
                return true;
            }
            match current {
                Expr::Attribute(attribute) => current = &attribute.value,
                Expr::Subscript(subscript) => current = &subscript.value,
                Expr::Name(name) => return holders.contains(&name.id.as_str()),
                other => return other.range() == lookup.range,
            }
        }
    };
    let mut stands_alone = false;
    super::routes::visit_stmts(body, &mut |stmt| {
        // Only a row kept in a local: a bare `cursor.execute(...)` leaves its rows to the
        // `fetchone()` that follows.
        stands_alone |= matches!(stmt, Stmt::Assign(assign)
            if assign.value.range() == lookup.range
                && assign.targets.iter().all(|t| matches!(t, Expr::Name(_))));
    });
    let read = !stands_alone
        || super::routes::any_expr(
            body,
            &mut |e| matches!(e, Expr::Name(n) if n.ctx.is_load() && holders.contains(&n.id.as_str())),
        );
    let mut effects = Effects {
        changed: lookup.changes,
        returned: false,
        read,
    };
    super::routes::visit_stmts(body, &mut |stmt| match stmt {
        Stmt::Assign(assign) => {
            effects.changed |= assign.targets.iter().any(|target| {
                matches!(target, Expr::Attribute(_) | Expr::Subscript(_)) && is_row(target)
            });
        }
        Stmt::AugAssign(assign) => {
            effects.changed |= matches!(
                assign.target.as_ref(),
                Expr::Attribute(_) | Expr::Subscript(_)
            ) && is_row(&assign.target);
        }
        Stmt::Delete(delete) => effects.changed |= delete.targets.iter().any(&is_row),
        Stmt::Return(ret) => effects.returned |= ret.value.as_deref().is_some_and(&holds),
        _ => {}
    });
    super::routes::any_expr(body, &mut |expr| {
        if let Expr::Call(call) = expr
            && let Expr::Attribute(attribute) = call.func.as_ref()
        {
            let method = attribute.attr.as_str();
            let on_row = matches!(
                method,
                "delete" | "update" | "pop" | "remove" | "set" | "setdefault"
            ) && (is_row(&attribute.value) || inside(&attribute.value));
            let row_argument = matches!(method, "delete" | "remove" | "merge")
                && call.arguments.args.iter().any(&is_row);
            effects.changed |= on_row || row_argument;
        }
        false
    });
    // `STORE.pop(x)`, `NOTES[x] = ...`, `UPDATE notes SET ...` are lookups that change.
    effects
}

/// `find_by_id`, `get_by_username`, `by_public_id`, `lookup`, `load`, `fetch_one`: a model's
/// own method that selects a row.
fn looks_like_finder(method: &str) -> bool {
    let lower = method.to_ascii_lowercase();
    [
        "find", "get", "by_", "lookup", "load", "fetch", "retrieve", "delete", "update",
    ]
    .iter()
    .any(|word| lower.starts_with(word))
        || lower.contains("_by_")
}

/// The tables a SQL statement reads or changes: after `FROM`, `JOIN`, `UPDATE`, `INTO`.
pub fn sql_tables(sql: &str) -> Vec<String> {
    let words: Vec<&str> = sql
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .filter(|w| !w.is_empty())
        .collect();
    // A string prefix (`f"`, `rb"`) splits off as a word of its own.
    let is_statement = words
        .iter()
        .find(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "f" | "r" | "rf" | "fr" | "b" | "u"
            )
        })
        .is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "select" | "update" | "delete" | "insert" | "with"
            )
        });
    if !is_statement {
        return Vec::new();
    }
    let mut tables: Vec<String> = Vec::new();
    for pair in words.windows(2) {
        let keyword = pair[0].to_ascii_lowercase();
        if matches!(keyword.as_str(), "from" | "join" | "update" | "into") {
            let table = pair[1].rsplit('.').next().unwrap_or(pair[1]).to_string();
            let lower = table.to_ascii_lowercase();
            if !matches!(lower.as_str(), "select" | "set" | "where" | "")
                && !tables.contains(&table)
            {
                tables.push(table);
            }
        }
    }
    tables
}

/// Of `tables` (a statement's, from [`sql_tables`]), those the statement's parameters select
/// rows of, when every parameter after `WHERE` is compared with a column its table's alias
/// names: CS50-project's `FROM rooms r LEFT JOIN room_members rm ON ... WHERE r.floor_id = ?`
/// selects rooms (and counts their members), not a member's row. All of `tables` otherwise.
fn tables_the_parameters_select(sql: &str, tables: Vec<String>) -> Vec<String> {
    if tables.len() < 2 {
        return tables;
    }
    let words: Vec<&str> = sql
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '?' | '%' | ':')))
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    // `FROM rooms r`, `JOIN room_members AS rm`: alias -> table.
    let mut aliases: Vec<(String, String)> = Vec::new();
    for (index, word) in lower.iter().enumerate() {
        if !matches!(word.as_str(), "from" | "join") {
            continue;
        }
        let Some(table) = words.get(index + 1) else {
            continue;
        };
        let table = table.rsplit('.').next().unwrap_or(table).to_string();
        let mut next = index + 2;
        if lower.get(next).is_some_and(|w| w == "as") {
            next += 1;
        }
        if let Some(alias) = lower.get(next).filter(|w| !is_sql_keyword(w)) {
            aliases.push((alias.clone(), table.clone()));
        }
        aliases.push((table.to_ascii_lowercase(), table));
    }
    let Some(where_at) = lower.iter().position(|w| w == "where") else {
        return tables;
    };
    let is_placeholder =
        |w: &str| w == "?" || w.starts_with('%') || (w.starts_with(':') && w.len() > 1);
    let mut selected: Vec<String> = Vec::new();
    for (index, word) in words.iter().enumerate().skip(where_at + 1) {
        if !is_placeholder(word) {
            continue;
        }
        // The column compared with the placeholder: the word before it (`r.floor_id = ?`
        // splits into `r.floor_id`, `?`), written with its table's alias.
        let Some(column) = lower.get(index - 1) else {
            return tables;
        };
        let Some((alias, _)) = column.split_once('.') else {
            return tables;
        };
        let Some((_, table)) = aliases.iter().find(|(a, _)| a == alias) else {
            return tables;
        };
        if !selected.contains(table) {
            selected.push(table.clone());
        }
    }
    if selected.is_empty() {
        return tables;
    }
    // The columns the statement answers with name tables too (RGLABS' `SELECT u.email FROM
    // team_members tm JOIN users u ... WHERE tm.team_id = %s` reads the members' accounts);
    // a column only counted or summed (`COUNT(rm.student_id)`) reads no row of its table.
    let Some(columns) = answered_columns(sql) else {
        return tables;
    };
    for column in
        columns.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '*')))
    {
        if column == "*" {
            return tables;
        }
        if let Some((alias, _)) = column.split_once('.')
            && let Some((_, table)) = aliases.iter().find(|(a, _)| a == alias)
            && !selected.contains(table)
        {
            selected.push(table.clone());
        }
    }
    selected
}

/// The SQL aggregate functions: a column only counted or summed reads no row of its own.
const SQL_AGGREGATES: &[&str] = &["count", "sum", "avg", "min", "max"];

/// Whether a `SELECT` answers nothing but aggregates of the rows it reads: StockLeague's league
/// analytics, `SELECT AVG(sharpe_ratio) AS avg_sharpe, ..., COUNT(*) AS member_count FROM
/// league_member_stats WHERE league_id = ?`, tell no one row's values.
fn answers_only_aggregates(sql: &str) -> bool {
    let lower = sql.to_ascii_lowercase();
    let Some(start) = lower.find("select").map(|at| at + "select".len()) else {
        return false;
    };
    // Only the statement's opening quote (and string prefix) may come before `SELECT`.
    if !lower[..start - "select".len()]
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '"' | '\'' | 'f' | 'r' | 'b' | 'u'))
    {
        return false;
    }
    let Some(end) = lower[start..].find(" from").map(|at| start + at) else {
        return false;
    };
    // The select list's items, split at commas outside parentheses.
    let mut items = vec![String::new()];
    let mut depth = 0usize;
    for c in lower[start..end].chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(item) = items.last_mut() {
            item.push(c);
        }
    }
    items.iter().all(|item| {
        let item = item.trim();
        let item = item.strip_prefix("distinct").map_or(item, str::trim_start);
        SQL_AGGREGATES.iter().any(|name| {
            item.strip_prefix(name)
                .is_some_and(|rest| rest.trim_start().starts_with('('))
        })
    })
}

/// The text between a statement's first `SELECT` and its `FROM`, lowercased, with aggregate
/// calls (`count(...)`, `sum(...)`, `avg(...)`, `min(...)`, `max(...)`) left out; `None` when
/// the statement has no such list.
fn answered_columns(sql: &str) -> Option<String> {
    let lower = sql.to_ascii_lowercase();
    let start = lower.find("select")? + "select".len();
    let end = start + lower[start..].find(" from")?;
    let mut kept = String::new();
    let mut rest = &lower[start..end];
    while let Some(open) = rest.find('(') {
        let before = rest[..open].trim_end();
        let aggregate = SQL_AGGREGATES.iter().any(|name| before.ends_with(name));
        let close = rest[open..]
            .find(')')
            .map_or(rest.len(), |at| open + at + 1);
        if aggregate {
            kept.push_str(&rest[..open]);
        } else {
            kept.push_str(&rest[..close]);
        }
        rest = &rest[close..];
    }
    kept.push_str(rest);
    Some(kept)
}

fn is_sql_keyword(word: &str) -> bool {
    matches!(
        word,
        "where"
            | "join"
            | "left"
            | "right"
            | "inner"
            | "outer"
            | "full"
            | "cross"
            | "natural"
            | "on"
            | "using"
            | "group"
            | "order"
            | "limit"
            | "set"
            | "values"
            | "union"
            | "having"
    )
}

/// Collects, from a module's top level and its classes' bodies, the integer values of
/// constants naming an administrator's role: a name with `admin`, `super` or `root` that is a
/// role's (`ROLE_ADMIN`, `ADMIN_ROLE`) or a member of a class named for roles (`class
/// Role(IntEnum): ADMIN = 3`).
pub fn administrator_role_numbers(body: &[Stmt], numbers: &mut Vec<i64>) {
    collect_administrator_numbers(body, false, numbers);
    for stmt in body {
        if let Stmt::ClassDef(class) = stmt {
            let role_class = class.name.as_str().to_ascii_lowercase().contains("role");
            collect_administrator_numbers(&class.body, role_class, numbers);
        }
    }
}

fn collect_administrator_numbers(body: &[Stmt], role_class: bool, numbers: &mut Vec<i64>) {
    for stmt in body {
        let Stmt::Assign(assign) = stmt else { continue };
        let [Expr::Name(name)] = assign.targets.as_slice() else {
            continue;
        };
        let lower = name.id.as_str().to_ascii_lowercase();
        let administrator = ["admin", "super", "root"]
            .iter()
            .any(|word| lower.contains(word));
        if !administrator || !(role_class || lower.contains("role")) {
            continue;
        }
        if let Expr::NumberLiteral(number) = assign.value.as_ref()
            && let ruff_python_ast::Number::Int(int) = &number.value
            && let Some(value) = int.as_i64()
        {
            numbers.push(value);
        }
    }
}

/// The literal role names a module compares an account's role with: `self.role ==
/// 'freelancer'` (FreelanceHub's `User.is_freelancer`), `user.role in ("host", "guest")`,
/// `'admin' != current_user.role`. Lower-cased, in order, repeats kept.
pub fn role_names_compared(body: &[Stmt], names: &mut Vec<String>) {
    let is_role = |expr: &Expr| {
        matches!(expr, Expr::Attribute(attribute)
            if matches!(attribute.attr.as_str(), "role" | "user_type" | "account_type"))
    };
    let literals = |expr: &Expr, names: &mut Vec<String>| match expr {
        Expr::StringLiteral(text) => names.push(text.value.to_str().to_ascii_lowercase()),
        Expr::Tuple(ast::ExprTuple { elts, .. })
        | Expr::List(ast::ExprList { elts, .. })
        | Expr::Set(ast::ExprSet { elts, .. }) => {
            for element in elts {
                if let Expr::StringLiteral(text) = element {
                    names.push(text.value.to_str().to_ascii_lowercase());
                }
            }
        }
        _ => {}
    };
    super::routes::any_expr(body, &mut |expr| {
        if let Expr::Compare(compare) = expr
            && let [comparator] = compare.comparators.as_ref()
        {
            if is_role(&compare.left) {
                literals(comparator, names);
            } else if is_role(comparator) {
                literals(&compare.left, names);
            }
        }
        false
    });
}

/// Words naming an account or a kind of account, in a class, function or receiver name.
const ACCOUNT_WORDS: &[&str] = &[
    "user",
    "users",
    "admin",
    "account",
    "member",
    "customer",
    "staff",
    "employee",
    "superuser",
    "owner",
    "manager",
    "operator",
    "driver",
    "student",
    "teacher",
    "doctor",
    "patient",
];

pub fn names_account(name: &str) -> bool {
    super::context::words(name)
        .iter()
        .any(|word| ACCOUNT_WORDS.contains(&word.as_str()))
}

/// A call named for creating an account (`create_user(...)`), or a `create` of something named
/// for accounts (`User.create(...)`, `staff_accounts.create(...)`).
pub fn creates_account(callee: &str, receiver: Option<&str>) -> bool {
    matches!(
        callee,
        "create"
            | "create_user"
            | "create_admin"
            | "create_superuser"
            | "create_account"
            | "add_user"
            | "new_user"
            | "register_user"
    ) && (names_account(callee) || receiver.is_some_and(names_account))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_names() {
        for name in [
            "User",
            "UserModel",
            "AppUser",
            "users",
            "ACCOUNTS",
            "users_db",
            "Customer",
        ] {
            assert!(is_account_name(name), "{name}");
        }
        for name in ["UserRole", "Product", "NOTES", "user_settings", "Post"] {
            assert!(!is_account_name(name), "{name}");
        }
    }

    #[test]
    fn owner_columns() {
        assert_eq!(owner_word("owner_id"), Some(Link::Owner));
        assert_eq!(owner_word("user"), Some(Link::Owner));
        assert_eq!(owner_word("uid"), Some(Link::Owner));
        assert_eq!(owner_word("customer_uuid"), Some(Link::Owner));
        assert_eq!(owner_word("author_id"), Some(Link::Author));
        assert_eq!(owner_word("created_by"), Some(Link::Author));
        assert_eq!(owner_word("username"), None);
        assert_eq!(owner_word("last_post_user_id"), None);
        assert_eq!(owner_word("client_id"), None);
        assert_eq!(owner_word("id_user"), Some(Link::Owner));
        assert_eq!(owner_word("price"), None);
        assert_eq!(owner_word("product_id"), None);
        assert_eq!(owner_word("id"), None);
    }

    #[test]
    fn identifiers_and_tables() {
        assert!(names_an_identifier("id"));
        assert!(names_an_identifier("public_id"));
        assert!(names_an_identifier("slug"));
        assert!(names_an_identifier("id_note"));
        assert!(!names_an_identifier("token"));
        assert!(!names_an_identifier("status"));
        assert!(!names_an_identifier("category"));
        assert_eq!(snake_case("NoteItem"), "note_item");
        assert_eq!(
            sql_tables("SELECT * FROM notes n JOIN users u ON n.owner_id = u.id WHERE n.id = ?"),
            vec!["notes".to_string(), "users".to_string()]
        );
        assert_eq!(
            sql_tables("UPDATE main.accounts SET x = 1"),
            vec!["accounts"]
        );
        assert!(sql_tables("hello from here").is_empty());
        let rooms = "SELECT r.id, COUNT(rm.student_id) FROM rooms r LEFT JOIN room_members rm ON r.id = rm.room_id WHERE r.floor_id = ? GROUP BY r.id";
        assert_eq!(
            tables_the_parameters_select(rooms, sql_tables(rooms)),
            vec!["rooms"]
        );
        let both = "SELECT * FROM notes AS n JOIN users u ON n.owner_id = u.id WHERE n.id = %s AND u.id = %s";
        assert_eq!(
            tables_the_parameters_select(both, sql_tables(both)),
            vec!["notes", "users"]
        );
        let members = "SELECT u.email FROM team_members tm JOIN users u ON tm.user_id = u.id WHERE tm.team_id = %s";
        assert_eq!(
            tables_the_parameters_select(members, sql_tables(members)),
            vec!["team_members", "users"]
        );
        let bare = "SELECT * FROM notes n JOIN users u ON n.owner_id = u.id WHERE id = ?";
        assert_eq!(
            tables_the_parameters_select(bare, sql_tables(bare)),
            vec!["notes", "users"]
        );
        assert!(sql_tables("f\"hello from {x}\"").is_empty());
        assert_eq!(
            sql_tables("f\"DELETE FROM notes WHERE id={x}\""),
            vec!["notes"]
        );
        let tables = parse_create_tables(
            "CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, owner_id INTEGER, body TEXT, FOREIGN KEY(owner_id) REFERENCES users(id))",
        );
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].name, "notes");
        assert_eq!(tables[0].columns, vec!["id", "owner_id", "body"]);
    }

    #[test]
    fn select_lists_of_aggregates_only() {
        assert!(answers_only_aggregates(
            "SELECT AVG(sharpe_ratio) as avg_sharpe, SUM(trades_count) AS total, COUNT(*) FROM league_member_stats WHERE league_id = ?"
        ));
        assert!(answers_only_aggregates(
            "\"\"\"\n  select count(distinct user_id) from orders where shop_id = %s\"\"\""
        ));
        assert!(!answers_only_aggregates(
            "SELECT user_id, AVG(score) FROM stats WHERE league_id = ? GROUP BY user_id"
        ));
        assert!(!answers_only_aggregates(
            "SELECT * FROM stats WHERE id = (SELECT max(id) FROM stats)"
        ));
        assert!(!answers_only_aggregates(
            "UPDATE stats SET total = (SELECT sum(x) FROM t) WHERE id = ?"
        ));
    }

    /// Builds the model of a small project (`(path, source)` pairs under one root) and hands
    /// its records to `check`.
    fn with_records(files: &[(&str, &str)], check: impl FnOnce(&ProjectModel<'_>, &Records)) {
        crate::model::test_support::with_model(files, |model| {
            let files: Vec<crate::model::FileModel<'_>> = (0..model.modules.len())
                .map(|module| crate::model::FileModel::new(model, module, Default::default()))
                .collect();
            let apps = crate::model::apps::Apps::new(model, &files);
            check(model, &Records::new(model, &apps))
        });
    }

    fn class_ownership(model: &ProjectModel<'_>, records: &Records, name: &str) -> Ownership {
        let module = model.module_index("app.models").expect("loaded");
        records.ownership(
            model,
            &RecordRef::Class {
                module,
                name: name.to_string(),
            },
        )
    }

    #[test]
    fn whose_rows_are_whose() {
        let models = r#"
from .db import db, Base

class OwnedMixin:
    owner_id = db.Column(db.Integer, db.ForeignKey("users.id"))

class User(db.Model):
    __tablename__ = "users"
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship("Post", backref="author")

class Report(OwnedMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)

class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))

class Product(Base):
    id: Mapped[int] = mapped_column(primary_key=True)
    price: Mapped[int]

class Listing(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    seller_id = db.Column(db.Integer, db.ForeignKey("users.id"))

class Reflected(db.Model):
    __table__ = db.Table("reflected", db.metadata, autoload_with=db.engine)

class Plain:
    owner_id = 0

NOTES = {}
PRICES = {"a": {"price": 1}}

def add(key, me):
    NOTES[key] = {"owner": me, "text": ""}
"#;
        let db = "db = None\nBase = object\n";
        with_records(
            &[
                ("app/models.py", models),
                ("app/db.py", db),
                ("app/__init__.py", ""),
            ],
            |model, records| {
                let owned = |link: &str, authored: bool| Ownership::Owned {
                    link: link.to_string(),
                    authored,
                };
                assert_eq!(class_ownership(model, records, "User"), Ownership::Account);
                assert_eq!(
                    class_ownership(model, records, "Report"),
                    owned("owner_id", false)
                );
                // The backref from `User` names the author: the row is authored content.
                assert_eq!(
                    class_ownership(model, records, "Post"),
                    owned("user_id", true)
                );
                assert_eq!(
                    class_ownership(model, records, "Product"),
                    Ownership::Public
                );
                assert_eq!(
                    class_ownership(model, records, "Listing"),
                    owned("seller_id", true)
                );
                assert_eq!(
                    class_ownership(model, records, "Reflected"),
                    Ownership::Unknown
                );
                assert_eq!(class_ownership(model, records, "Plain"), Ownership::Unknown);
                let module = model.module_index("app.models").expect("loaded");
                let store = |name: &str| {
                    records.ownership(
                        model,
                        &RecordRef::Store {
                            module,
                            name: name.to_string(),
                        },
                    )
                };
                assert_eq!(store("NOTES"), owned("owner", false));
                assert_eq!(store("PRICES"), Ownership::Public);
            },
        );
    }

    #[test]
    fn relationship_annotations() {
        assert_eq!(annotated_class("Mapped[\"User\"]").as_deref(), Some("User"));
        assert_eq!(
            annotated_class("so.Mapped[Optional['User']]").as_deref(),
            Some("User")
        );
        assert_eq!(annotated_class("Mapped[int]"), None);
        assert_eq!(annotated_class("Mapped[str]"), None);
    }
}
