//! Reading each manifest and lock format into declarations, with the byte range each was
//! written at. Requirement strings go through `pep508_rs`, specifiers through `pep440_rs`;
//! Poetry's own constraint syntax (`^1.2`, `~1.2`, `1.2.*`, `||`) is translated to PEP 440
//! intervals here because no PEP 440 crate speaks it.
//!
//! A malformed file yields an error naming the file and line and whatever declarations could
//! still be read: one bad line must not hide a vulnerable pin on the next.

use std::path::PathBuf;
use std::str::FromStr;

use pep440_rs::{Version, VersionSpecifier};
use pep508_rs::{PackageName, Requirement, VerbatimUrl, VersionOrUrl};
use ruff_text_size::{TextRange, TextSize};
use toml::Spanned;
use toml::de::{DeTable, DeValue};
use version_ranges::Ranges;

use super::{Allowed, Declaration, DependencyFile, Kind, Role};
use crate::source::{FileError, Position};

mod requirements;

pub(super) struct Parsed {
    pub declarations: Vec<Declaration>,
    pub errors: Vec<FileError>,
    /// `-r` / `-c` includes of a requirements file: path, line of the option, role.
    pub includes: Vec<(PathBuf, usize, Role)>,
    /// Lines pip accepts that name no version flasklint can use (a URL without a package name,
    /// a local project, an unset `${VAR}`), with why: notes, never errors.
    pub skipped: Vec<FileError>,
}

struct Reader<'f> {
    file: &'f DependencyFile,
    index: usize,
    role: Role,
    out: Parsed,
}

pub(super) fn parse(file: &DependencyFile, index: usize, role: Role) -> Parsed {
    let mut reader = Reader {
        file,
        index,
        role,
        out: Parsed {
            declarations: Vec::new(),
            errors: Vec::new(),
            includes: Vec::new(),
            skipped: Vec::new(),
        },
    };
    match file.kind {
        Kind::Requirements => reader.requirements(),
        Kind::SetupCfg => reader.setup_cfg(),
        Kind::PipfileLock => reader.pipfile_lock(),
        Kind::Pyproject | Kind::Pipfile => reader.toml(),
        Kind::PoetryLock | Kind::UvLock => reader.lock_packages(),
    }
    reader.out
}

fn offset(n: usize) -> TextSize {
    TextSize::try_from(n).unwrap_or(TextSize::new(u32::MAX))
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(offset(start), offset(end.max(start)))
}

/// Where a `#` comment starts in a line of a requirements-like file: at the start or after
/// whitespace, as pip reads it (`pkg#egg=` in a URL is not a comment).
fn comment_start(line: &str) -> Option<usize> {
    line.match_indices('#')
        .map(|(at, _)| at)
        .find(|&at| at == 0 || line[..at].ends_with([' ', '\t']))
}

/// Jinja markup: a project template's manifest (cookiecutter, copier), a requirement once
/// rendered and, as written, neither a requirement nor a mistake.
fn has_template_markup(text: &str) -> bool {
    text.contains("{{") || text.contains("{%")
}

impl Reader<'_> {
    /// A line pip accepts (or a template renders into one) that flasklint cannot use: recorded
    /// as a note for `flasklint deps`, never an error.
    fn skip(&mut self, at: usize, text: &str, why: &str) {
        let position = self.file.file.position(offset(at));
        self.out.skipped.push(FileError {
            path: self.file.file.path.clone(),
            position: Some(position),
            message: format!("`{text}` skipped: {why}"),
        });
    }

    fn skip_template(&mut self, at: usize, text: &str) {
        self.skip(
            at,
            text,
            "template markup (a cookiecutter or Jinja template), not a requirement yet",
        );
    }

    fn error(&mut self, at: usize, message: String) {
        let position = self.file.file.position(offset(at));
        self.out.errors.push(FileError {
            path: self.file.file.path.clone(),
            position: Some(Position {
                line: position.line,
                column: position.column,
            }),
            message,
        });
    }

    fn push(
        &mut self,
        name: &str,
        written: String,
        allowed: Allowed,
        at: TextRange,
        specifier: Option<TextRange>,
        context: Option<String>,
    ) {
        let Ok(name) = PackageName::from_str(name) else {
            return;
        };
        // A lock entry is what is installed, whatever file included it.
        let role = if matches!(allowed, Allowed::Locked(_)) {
            Role::Lock
        } else {
            self.role
        };
        self.out.declarations.push(Declaration {
            name,
            written,
            allowed,
            role,
            file: self.index,
            range: at,
            specifier,
            version_text: None,
            context,
        });
    }

    /// One PEP 508 requirement written verbatim at `start` of the file (the raw text equals
    /// `text`, so specifier ranges can be computed from it).
    fn requirement(&mut self, text: &str, start: usize, context: Option<String>, verbatim: bool) {
        if has_template_markup(text) {
            self.skip_template(start, text);
            return;
        }
        let requirement = match Requirement::<VerbatimUrl>::from_str(text) {
            Ok(requirement) => requirement,
            Err(error) => {
                let message = error.to_string();
                let first = message.lines().next().unwrap_or("").to_string();
                self.error(
                    start,
                    format!("`{text}` is not a valid requirement: {first}"),
                );
                return;
            }
        };
        let allowed = match &requirement.version_or_url {
            Some(VersionOrUrl::VersionSpecifier(specifiers)) if !specifiers.is_empty() => {
                Allowed::Range(Ranges::from(specifiers.clone()))
            }
            _ => Allowed::Any,
        };
        let specifier = if verbatim {
            specifier_span(text).map(|(s, e)| range(start + s, start + e))
        } else {
            None
        };
        let version_text = match &requirement.version_or_url {
            Some(VersionOrUrl::VersionSpecifier(specifiers))
                if !specifiers.is_empty() && specifier.is_none() =>
            {
                Some(specifiers.to_string())
            }
            _ => None,
        };
        let marker = text
            .split_once(';')
            .map(|(_, marker)| marker.trim().to_string());
        let context = match (context, marker) {
            (Some(c), Some(m)) => Some(format!("{c}; {m}")),
            (c, m) => c.or(m),
        };
        let before = self.out.declarations.len();
        self.push(
            requirement.name.as_ref(),
            text.to_string(),
            allowed,
            range(start, start + text.len()),
            specifier,
            context,
        );
        if let Some(declaration) = self.out.declarations.get_mut(before) {
            declaration.version_text = version_text;
        }
    }

    /// `setup.cfg`: `[options] install_requires` and `[options.extras_require]`, one
    /// requirement per line of the (possibly multi-line) value.
    fn setup_cfg(&mut self) {
        let file = self.file;
        let text: &str = &file.file.text;
        let mut section = String::new();
        let mut key: Option<String> = None;
        let mut at = 0;
        for raw in text.split_inclusive('\n') {
            let start = at;
            at += raw.len();
            let line = raw.trim_end_matches(['\n', '\r']);
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with(['#', ';']) {
                continue;
            }
            let indented = line.starts_with([' ', '\t']);
            let mut value: Option<(&str, usize)> = None;
            if !indented {
                key = None;
                if trimmed.starts_with('[') {
                    section = trimmed.trim_matches(['[', ']']).trim().to_string();
                    continue;
                }
                if let Some((k, v)) = line.split_once(['=', ':']) {
                    let k = k.trim().to_string();
                    let wanted = (section == "options" && k == "install_requires")
                        || section == "options.extras_require";
                    if wanted {
                        key = Some(k);
                        let offset_in_line = line.len() - v.len();
                        value = Some((v, start + offset_in_line));
                    }
                }
            } else if key.is_some() {
                value = Some((line, start));
            }
            let (Some(k), Some((value, value_start))) = (&key, value) else {
                continue;
            };
            let code = match comment_start(value) {
                Some(cut) => &value[..cut],
                None => value,
            };
            let leading = code.len() - code.trim_start().len();
            let code = code.trim();
            if code.is_empty() {
                continue;
            }
            let context = (section == "options.extras_require").then(|| format!("extra `{k}`"));
            self.requirement(code, value_start + leading, context, true);
        }
    }

    fn toml(&mut self) {
        let file = self.file;
        let Some(document) = self.parse_toml(&file.file.text, 0) else {
            return;
        };
        let root = document.get_ref();
        match file.kind {
            Kind::Pipfile => self.pipfile(root),
            _ => self.pyproject(root),
        }
    }

    /// `text` (found at byte `at` of the file) as a TOML document; an error for the file
    /// otherwise.
    fn parse_toml<'t>(&mut self, text: &'t str, at: usize) -> Option<Spanned<DeTable<'t>>> {
        match DeTable::parse(text) {
            Ok(document) => Some(document),
            Err(error) => {
                let start = error.span().map_or(0, |span| span.start);
                self.error(
                    at + start,
                    format!("not valid TOML: {}", error.message().trim_end()),
                );
                None
            }
        }
    }

    /// `poetry.lock` / `uv.lock`: only the `[[package]]` tables of the packages flasklint
    /// tracks (`super::TRACKED`) are read, each as a TOML document of its own. A lock lists
    /// every package of the environment (a large one is half a megabyte of hashes and URLs),
    /// and nothing asks for the versions of the others: decoding all of it was most of the
    /// time a project with a lock took.
    fn lock_packages(&mut self) {
        let text: &str = &self.file.file.text;
        for (start, end) in package_tables(text) {
            let block = &text[start..end];
            if package_name(block).is_some_and(|name| !is_tracked(name)) {
                continue;
            }
            let Some(document) = self.parse_toml(block, start) else {
                continue;
            };
            self.lock_toml(document.get_ref(), start);
        }
    }

    /// A TOML string item holding a PEP 508 requirement.
    fn toml_requirement(&mut self, item: &Spanned<DeValue<'_>>, context: Option<String>) {
        let DeValue::String(text) = item.get_ref() else {
            return;
        };
        let (start, end) = string_inner(&self.file.file.text, item.span());
        let verbatim = self.file.file.text.get(start..end) == Some(text.as_ref());
        self.requirement(text.as_ref(), start, context, verbatim);
    }

    fn pyproject(&mut self, root: &DeTable<'_>) {
        if let Some(project) = table(root, "project") {
            if let Some(items) = array(project, "dependencies") {
                for item in items {
                    self.toml_requirement(item, None);
                }
            }
            if let Some(groups) = table(project, "optional-dependencies") {
                for (group, items) in groups {
                    if let DeValue::Array(items) = items.get_ref() {
                        for item in items.iter() {
                            self.toml_requirement(
                                item,
                                Some(format!("extra `{}`", group.get_ref())),
                            );
                        }
                    }
                }
            }
        }
        // PEP 735 dependency groups (uv's `dev` group lives here).
        if let Some(groups) = table(root, "dependency-groups") {
            for (group, items) in groups {
                if let DeValue::Array(items) = items.get_ref() {
                    for item in items.iter() {
                        self.toml_requirement(item, Some(format!("group `{}`", group.get_ref())));
                    }
                }
            }
        }
        if let Some(poetry) = table(root, "tool").and_then(|tool| table(tool, "poetry")) {
            if let Some(dependencies) = table(poetry, "dependencies") {
                self.poetry_dependencies(dependencies, None);
            }
            if let Some(dependencies) = table(poetry, "dev-dependencies") {
                self.poetry_dependencies(dependencies, Some("dev".to_string()));
            }
            if let Some(groups) = table(poetry, "group") {
                for (group, body) in groups {
                    if let DeValue::Table(body) = body.get_ref()
                        && let Some(dependencies) = table(body, "dependencies")
                    {
                        self.poetry_dependencies(
                            dependencies,
                            Some(format!("group `{}`", group.get_ref())),
                        );
                    }
                }
            }
        }
    }

    /// `[tool.poetry.dependencies]`: `name = "^1.2"`, `name = {version = "^1.2", ...}`, or a
    /// list of such tables (one per marker).
    fn poetry_dependencies(&mut self, dependencies: &DeTable<'_>, context: Option<String>) {
        for (name, value) in dependencies {
            let name_text = name.get_ref().as_ref();
            if name_text.eq_ignore_ascii_case("python") {
                continue;
            }
            let entries: Vec<&Spanned<DeValue<'_>>> = match value.get_ref() {
                DeValue::Array(items) => items.iter().collect(),
                _ => vec![value],
            };
            for entry in entries {
                let constraint = match entry.get_ref() {
                    DeValue::String(_) => Some(entry),
                    DeValue::Table(body) => body
                        .iter()
                        .find(|(k, _)| k.get_ref().as_ref() == "version")
                        .map(|(_, v)| v),
                    _ => None,
                };
                let at = range(name.span().start, entry.span().end);
                let written = self.file.file.slice(at).to_string();
                let (allowed, specifier) = match constraint.map(|c| (c, c.get_ref())) {
                    Some((spanned, DeValue::String(text))) => match poetry_ranges(text.as_ref()) {
                        Ok(allowed) => {
                            let (s, e) = string_inner(&self.file.file.text, spanned.span());
                            (allowed, Some(range(s, e)))
                        }
                        Err(message) => {
                            self.error(
                                spanned.span().start,
                                format!("`{name_text} = \"{text}\"`: {message}"),
                            );
                            continue;
                        }
                    },
                    // git / path / url dependencies: the version is whatever that source has.
                    _ => (Allowed::Any, None),
                };
                self.push(name_text, written, allowed, at, specifier, context.clone());
            }
        }
    }

    /// `Pipfile`: `[packages]`, `[dev-packages]` and custom categories; values are `"*"`, a PEP
    /// 440 specifier, or a table with `version` (or a VCS / path source).
    fn pipfile(&mut self, root: &DeTable<'_>) {
        for (section, body) in root {
            let section_name = section.get_ref().as_ref();
            if matches!(section_name, "source" | "requires" | "scripts" | "pipenv") {
                continue;
            }
            let DeValue::Table(body) = body.get_ref() else {
                continue;
            };
            let context = (section_name != "packages").then(|| format!("[{section_name}]"));
            for (name, value) in body {
                let name_text = name.get_ref().as_ref();
                let constraint = match value.get_ref() {
                    DeValue::String(_) => Some(value),
                    DeValue::Table(entries) => entries
                        .iter()
                        .find(|(k, _)| k.get_ref().as_ref() == "version")
                        .map(|(_, v)| v),
                    _ => None,
                };
                let at = range(name.span().start, value.span().end);
                let written = self.file.file.slice(at).to_string();
                let (allowed, specifier) = match constraint.map(|c| (c, c.get_ref())) {
                    Some((spanned, DeValue::String(text))) if text.trim() != "*" => {
                        match super::specifier_ranges(text) {
                            Ok(ranges) => {
                                let (s, e) = string_inner(&self.file.file.text, spanned.span());
                                (Allowed::Range(ranges), Some(range(s, e)))
                            }
                            Err(message) => {
                                let first = message.lines().next().unwrap_or("").to_string();
                                self.error(
                                    spanned.span().start,
                                    format!("`{name_text} = \"{text}\"`: {first}"),
                                );
                                continue;
                            }
                        }
                    }
                    _ => (Allowed::Any, None),
                };
                self.push(name_text, written, allowed, at, specifier, context.clone());
            }
        }
    }

    /// `[[package]]` tables with `name` and `version`, in a document found at byte `at` of the
    /// lock.
    fn lock_toml(&mut self, root: &DeTable<'_>, at: usize) {
        let Some(packages) = array(root, "package") else {
            return;
        };
        for package in packages {
            let DeValue::Table(body) = package.get_ref() else {
                continue;
            };
            let field = |key: &str| {
                body.iter()
                    .find(|(k, _)| k.get_ref().as_ref() == key)
                    .map(|(_, v)| v)
            };
            let (Some(name), Some(version)) = (field("name"), field("version")) else {
                continue;
            };
            let (DeValue::String(name_text), DeValue::String(version_text)) =
                (name.get_ref(), version.get_ref())
            else {
                continue;
            };
            let parsed = match Version::from_str(version_text) {
                Ok(parsed) => parsed,
                Err(error) => {
                    self.error(
                        at + version.span().start,
                        format!("`{name_text}` version `{version_text}`: {error}"),
                    );
                    continue;
                }
            };
            let written_at = range(at + version.span().start, at + version.span().end);
            self.push(
                name_text,
                format!("{name_text} {version_text}"),
                Allowed::Locked(parsed),
                written_at,
                None,
                None,
            );
        }
    }

    /// `Pipfile.lock` (JSON): `default` / `develop` maps of `name -> {"version": "==X"}`.
    /// serde_json keeps no positions, so each entry's `"version"` is found in the text after
    /// its section and package key, which is how pipenv writes the file.
    fn pipfile_lock(&mut self) {
        let file = self.file;
        let text: &str = &file.file.text;
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(error) => {
                let at = text
                    .split_inclusive('\n')
                    .take(error.line().saturating_sub(1))
                    .map(str::len)
                    .sum::<usize>()
                    + error.column().saturating_sub(1);
                self.error(at, format!("not valid JSON: {error}"));
                return;
            }
        };
        for section in ["default", "develop"] {
            let Some(packages) = value.get(section).and_then(|s| s.as_object()) else {
                continue;
            };
            let section_at = text.find(&format!("\"{section}\"")).unwrap_or(0);
            for (name, entry) in packages {
                let Some(version_text) = entry.get("version").and_then(|v| v.as_str()) else {
                    continue;
                };
                let pinned = version_text.trim().trim_start_matches("==");
                let Ok(version) = Version::from_str(pinned) else {
                    continue;
                };
                let key_at = text[section_at..]
                    .find(&format!("\"{name}\""))
                    .map(|at| section_at + at);
                let version_at = key_at.and_then(|key_at| {
                    text[key_at..]
                        .find(&format!("\"{version_text}\""))
                        .map(|at| key_at + at)
                });
                let at = match version_at {
                    Some(at) => range(at, at + version_text.len() + 2),
                    None => range(key_at.unwrap_or(0), key_at.unwrap_or(0) + name.len() + 2),
                };
                self.push(
                    name,
                    format!("{name} {pinned}"),
                    Allowed::Locked(version),
                    at,
                    None,
                    (section == "develop").then(|| "develop".to_string()),
                );
            }
        }
    }
}

/// The byte ranges of a lock's `[[package]]` tables: from each `[[package]]` header to the next
/// header that starts another package or a table of its own (`[metadata]`); the package's
/// sub-tables (`[package.dependencies]`, `[[package.wheels]]`) stay with it.
fn package_tables(text: &str) -> Vec<(usize, usize)> {
    let mut tables = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let header = line.split('#').next().unwrap_or(line).trim_end();
        if header.starts_with('[') {
            let starts_package = header == "[[package]]";
            let belongs = header.starts_with("[package.") || header.starts_with("[[package.");
            if (starts_package || !belongs)
                && let Some(start) = open.take()
            {
                tables.push((start, at));
            }
            if starts_package {
                open = Some(at);
            }
        }
        at += line.len();
    }
    if let Some(start) = open {
        tables.push((start, text.len()));
    }
    tables
}

/// The `name = "..."` a package table gives at the start of a line, when written plainly;
/// `None` leaves the table to the TOML parser.
fn package_name(table: &str) -> Option<&str> {
    table.lines().find_map(|line| {
        let value = line
            .strip_prefix("name")?
            .trim_start()
            .strip_prefix('=')?
            .trim();
        let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let inner = value.strip_prefix(quote)?.strip_suffix(quote)?;
        (!inner.contains(['"', '\'', '\\'])).then_some(inner)
    })
}

/// Whether `name` (as a lock writes it) is one of the packages flasklint tracks.
fn is_tracked(name: &str) -> bool {
    let Ok(name) = PackageName::from_str(name) else {
        return false;
    };
    super::TRACKED
        .iter()
        .any(|tracked| PackageName::from_str(tracked).is_ok_and(|t| t == name))
}

fn table<'t, 'i>(parent: &'t DeTable<'i>, key: &str) -> Option<&'t DeTable<'i>> {
    parent
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .and_then(|(_, v)| match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        })
}

fn array<'t, 'i>(parent: &'t DeTable<'i>, key: &str) -> Option<&'t [Spanned<DeValue<'i>>]> {
    parent
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == key)
        .and_then(|(_, v)| match v.get_ref() {
            DeValue::Array(a) => Some(&a[..]),
            _ => None,
        })
}

/// The span of a TOML string's contents, without its quotes (single-line strings; for others
/// the whole span).
fn string_inner(text: &str, span: std::ops::Range<usize>) -> (usize, usize) {
    let raw = text.get(span.clone()).unwrap_or("");
    for quote in ["\"", "'"] {
        if raw.len() >= 2
            && raw.starts_with(quote)
            && raw.ends_with(quote)
            && !raw.starts_with(&quote.repeat(3))
        {
            return (span.start + 1, span.end - 1);
        }
    }
    (span.start, span.end)
}

/// The byte span of the version specifier in a PEP 508 requirement string: from the first
/// comparison operator after the name (and extras) to the marker or the end. `None` for a URL
/// requirement or one without a specifier.
fn specifier_span(text: &str) -> Option<(usize, usize)> {
    let end = text.find(';').unwrap_or(text.len());
    let head = &text[..end];
    if head.contains('@') {
        return None;
    }
    let after_extras = head.find(']').map_or(0, |at| at + 1);
    let start = after_extras + head[after_extras..].find(['<', '>', '=', '!', '~', '('])?;
    let trimmed = head.trim_end();
    let (start, end) = if head[start..].starts_with('(') {
        // The old `name (>=1.0)` form: keep the parentheses, replace what is inside.
        (start + 1, trimmed.trim_end_matches(')').len())
    } else {
        (start, trimmed.len())
    };
    (start < end).then_some((start, end))
}

/// Translates a Poetry constraint (`^1.2`, `~1.2.3`, `>=1,<2`, `1.2.*`, `1.2.3`, `*`, and `||`
/// between alternatives) into PEP 440 intervals.
pub(super) fn poetry_ranges(text: &str) -> Result<Allowed, String> {
    let text = text.trim();
    if text.is_empty() || text == "*" {
        return Ok(Allowed::Any);
    }
    let mut union: Ranges<Version> = Ranges::empty();
    for alternative in text.split("||") {
        let mut both: Ranges<Version> = Ranges::full();
        // Poetry accepts a space after the operator (`>= 2.4`): an operator standing alone
        // belongs to the version after it.
        let mut operator = String::new();
        for part in alternative
            .split(',')
            .flat_map(|p| p.split_whitespace())
            .filter(|p| !p.is_empty())
        {
            if part
                .chars()
                .all(|c| matches!(c, '<' | '>' | '=' | '!' | '~' | '^'))
            {
                operator.push_str(part);
                continue;
            }
            let joined = std::mem::take(&mut operator) + part;
            both = both.intersection(&poetry_single(&joined)?);
        }
        if !operator.is_empty() {
            return Err(format!("`{operator}` is not followed by a version"));
        }
        union = union.union(&both);
    }
    Ok(Allowed::Range(union))
}

fn parse_version(text: &str) -> Result<Version, String> {
    Version::from_str(text).map_err(|e| format!("`{text}`: {e}"))
}

/// The interval `[lower, upper)` where `upper` bumps release segment `bump` of `lower` (and
/// drops the rest), as Poetry's caret and tilde do.
fn bumped(lower: &Version, bump: usize) -> Ranges<Version> {
    let release = lower.release();
    let mut upper: Vec<u64> = release.iter().take(bump + 1).copied().collect();
    while upper.len() <= bump {
        upper.push(0);
    }
    upper[bump] = upper[bump].saturating_add(1);
    // `.dev0` keeps the upper bound's own pre-releases out, as PEP 440 `<` does.
    let upper = Version::new(upper).with_dev(Some(0));
    Ranges::from_range_bounds(lower.clone()..upper)
}

fn poetry_single(part: &str) -> Result<Ranges<Version>, String> {
    if part == "*" {
        return Ok(Ranges::full());
    }
    if let Some(rest) = part.strip_prefix('^') {
        let lower = parse_version(rest)?;
        // The first non-zero segment may not change (`^0.2.3` is `>=0.2.3,<0.3.0`).
        let given = rest.split('.').count();
        let bump = lower
            .release()
            .iter()
            .position(|&n| n != 0)
            .unwrap_or(given.saturating_sub(1))
            .min(given.saturating_sub(1));
        return Ok(bumped(&lower, bump));
    }
    if let Some(rest) = part.strip_prefix('~')
        && !rest.starts_with('=')
    {
        let lower = parse_version(rest)?;
        let given = rest.split('.').count();
        let bump = if given >= 2 { 1 } else { 0 };
        return Ok(bumped(&lower, bump));
    }
    if part.starts_with(['<', '>', '=', '!', '~']) {
        // `=1.2` is Poetry's spelling of `==1.2`.
        let pep440 = if part.starts_with('=') && !part.starts_with("==") {
            format!("={part}")
        } else {
            part.to_string()
        };
        let specifier = VersionSpecifier::from_str(&pep440).map_err(|e| e.to_string())?;
        return Ok(Ranges::from(specifier));
    }
    let specifier = VersionSpecifier::from_str(&format!("=={part}")).map_err(|e| e.to_string())?;
    Ok(Ranges::from(specifier))
}
