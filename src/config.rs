//! Configuration files: `[tool.flasklint]` in `pyproject.toml`, or the top level of
//! `flasklint.toml` / `.flasklint.toml`.
//!
//! One configuration applies to a run: the nearest file found by walking up from the directory
//! that holds every checked path (in one directory `.flasklint.toml` wins over `flasklint.toml`,
//! which wins over `pyproject.toml`; a `pyproject.toml` without `[tool.flasklint]` is passed
//! over). `--config FILE` names it instead, `--isolated` ignores them all. This module reads and
//! validates the file; `cli` merges it with the command-line flags, which win.
//!
//! Unknown keys and bad values are errors naming the file, the line and the key: a typo such as
//! `selcet` silently ignored would leave a team believing a rule is off, or on.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub use crate::paths::absolute;
use crate::rules::{self, Severity};

/// Every key, in the order the README documents them.
pub const KEYS: &[&str] = &[
    "select",
    "ignore",
    "exclude",
    "extend-exclude",
    "per-file-ignores",
    "severity",
    "fail-on",
    "include-tests",
    "secret-settings",
];

/// File names searched in each directory, most specific first.
const FILE_NAMES: &[&str] = &[".flasklint.toml", "flasklint.toml", "pyproject.toml"];

/// What a configuration file sets; `None` where it is silent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// The file it was read from.
    pub path: Option<PathBuf>,
    pub select: Option<Vec<String>>,
    pub ignore: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub extend_exclude: Vec<String>,
    /// Glob -> rule selectors, globs relative to the file's directory.
    pub per_file_ignores: Option<Vec<(String, Vec<String>)>>,
    pub severity: Vec<(&'static str, Severity)>,
    pub fail_on: Option<Severity>,
    pub include_tests: Option<bool>,
    /// Setting names FL305 reports as credentials, besides its own.
    pub secret_settings: Vec<String>,
}

impl Config {
    /// The directory relative globs are resolved against: the file's own.
    pub fn base(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(absolute)
            .unwrap_or_else(|| absolute(Path::new(".")))
    }
}

/// A configuration problem, shown as `file:line: key `name`: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": ")?;
        if let Some(key) = &self.key {
            write!(f, "key `{key}`: ")?;
        }
        f.write_str(&self.message)
    }
}

/// The configuration file for a run over `paths`, if there is one.
pub fn discover(paths: &[PathBuf]) -> Result<Option<PathBuf>, ConfigError> {
    let mut dirs = paths.iter().map(|path| {
        let path = absolute(path);
        if path.is_dir() {
            path
        } else {
            path.parent().map(Path::to_path_buf).unwrap_or(path)
        }
    });
    let Some(first) = dirs.next() else {
        return Ok(None);
    };
    let common = dirs.fold(first, |common, dir| {
        common
            .ancestors()
            .find(|ancestor| dir.starts_with(ancestor))
            .map(Path::to_path_buf)
            .unwrap_or(common)
    });
    for dir in common.ancestors() {
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            if !candidate.is_file() {
                continue;
            }
            if *name != "pyproject.toml" || names_flasklint(&candidate) {
                return Ok(Some(candidate));
            }
        }
    }
    Ok(None)
}

/// Whether a `pyproject.toml` has a `[tool.flasklint]` table. A file that does not mention
/// flasklint at all is passed over without parsing, so an unrelated broken `pyproject.toml`
/// does not stop a run; one that does is parsed by `load`, which reports its errors.
fn names_flasklint(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| text.contains("flasklint"))
}

/// Reads and validates one configuration file. A `pyproject.toml` without `[tool.flasklint]`
/// gives the empty configuration.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        line: None,
        key: None,
        message: format!("cannot be read: {e}"),
    })?;
    let pyproject = path
        .file_name()
        .is_some_and(|name| name == "pyproject.toml");
    let mut config = parse(&text, path, pyproject)?;
    config.path = Some(path.to_path_buf());
    Ok(config)
}

/// Parses configuration text; `pyproject` selects where the keys live.
pub fn parse(text: &str, path: &Path, pyproject: bool) -> Result<Config, ConfigError> {
    let reader = Reader { text, path };
    let document = DeTable::parse(text).map_err(|error| ConfigError {
        path: path.to_path_buf(),
        line: error.span().map(|span| reader.line(span.start)),
        key: None,
        message: format!("not valid TOML: {}", error.message().trim_end()),
    })?;
    if !pyproject {
        return reader.config(document.get_ref(), "");
    }
    let Some(tool) = entry(document.get_ref(), "tool") else {
        return Ok(Config::default());
    };
    let DeValue::Table(tool) = tool.1.get_ref() else {
        return Ok(Config::default());
    };
    match entry(tool, "flasklint") {
        None => Ok(Config::default()),
        Some((key, value)) => match value.get_ref() {
            DeValue::Table(table) => reader.config(table, "tool.flasklint."),
            _ => Err(reader.error(key.span(), "tool.flasklint", "must be a table")),
        },
    }
}

fn entry<'t, 'i>(
    table: &'t DeTable<'i>,
    name: &str,
) -> Option<(
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
)> {
    table.iter().find(|(key, _)| key.get_ref().as_ref() == name)
}

struct Reader<'t> {
    text: &'t str,
    path: &'t Path,
}

impl Reader<'_> {
    fn line(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    fn error(
        &self,
        span: std::ops::Range<usize>,
        key: &str,
        message: impl Into<String>,
    ) -> ConfigError {
        ConfigError {
            path: self.path.to_path_buf(),
            line: Some(self.line(span.start)),
            key: Some(key.to_string()),
            message: message.into(),
        }
    }

    fn config(&self, table: &DeTable<'_>, prefix: &str) -> Result<Config, ConfigError> {
        let mut config = Config::default();
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            let full = format!("{prefix}{name}");
            match name {
                "select" => config.select = Some(self.rule_list(value, &full)?),
                "ignore" => config.ignore = Some(self.rule_list(value, &full)?),
                "exclude" => config.exclude = Some(self.glob_list(value, &full)?),
                "extend-exclude" => config.extend_exclude = self.glob_list(value, &full)?,
                "per-file-ignores" => {
                    let DeValue::Table(entries) = value.get_ref() else {
                        return Err(self.error(
                            value.span(),
                            &full,
                            "must be a table of glob = [rules], e.g. \"tests/*\" = [\"FL301\"]",
                        ));
                    };
                    let mut ignores = Vec::new();
                    for (glob, rules) in entries.iter() {
                        let entry_key = format!("{full}.\"{}\"", glob.get_ref());
                        Glob::new(glob.get_ref()).map_err(|e| {
                            self.error(glob.span(), &entry_key, format!("invalid glob: {e}"))
                        })?;
                        ignores.push((
                            glob.get_ref().to_string(),
                            self.rule_list(rules, &entry_key)?,
                        ));
                    }
                    config.per_file_ignores = Some(ignores);
                }
                "severity" => {
                    let DeValue::Table(entries) = value.get_ref() else {
                        return Err(self.error(
                            value.span(),
                            &full,
                            "must be a table of rule = severity, e.g. FL105 = \"high\"",
                        ));
                    };
                    for (rule, level) in entries.iter() {
                        let entry_key = format!("{full}.{}", rule.get_ref());
                        let Some(meta) = rules::find(rule.get_ref()) else {
                            return Err(self.error(
                                rule.span(),
                                &entry_key,
                                format!(
                                    "no rule `{}`; `flasklint rules` lists them",
                                    rule.get_ref()
                                ),
                            ));
                        };
                        let severity = self.severity(level, &entry_key)?;
                        config.severity.push((meta.id, severity));
                    }
                }
                "fail-on" => config.fail_on = Some(self.severity(value, &full)?),
                "secret-settings" => {
                    let mut names = Vec::new();
                    for (name, span) in self.strings(value, &full)? {
                        let valid = !name.is_empty()
                            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                        if !valid {
                            return Err(self.error(
                                span,
                                &full,
                                format!("`{name}` is not a setting name (letters, digits and `_`)"),
                            ));
                        }
                        // Settings are matched as Flask reads them: upper case.
                        names.push(name.to_ascii_uppercase());
                    }
                    config.secret_settings = names;
                }
                "include-tests" => match value.get_ref() {
                    DeValue::Boolean(flag) => config.include_tests = Some(*flag),
                    other => {
                        return Err(self.error(
                            value.span(),
                            &full,
                            format!("must be true or false, not {}", describe(other)),
                        ));
                    }
                },
                _ => {
                    let hint = KEYS
                        .iter()
                        .find(|known| known.replace('-', "_") == name.replace('-', "_"))
                        .map(|known| format!("did you mean `{known}`? "))
                        .unwrap_or_default();
                    return Err(self.error(
                        key.span(),
                        &full,
                        format!("unknown key; {hint}known keys: {}", KEYS.join(", ")),
                    ));
                }
            }
        }
        Ok(config)
    }

    fn strings(
        &self,
        value: &Spanned<DeValue<'_>>,
        key: &str,
    ) -> Result<Vec<(String, std::ops::Range<usize>)>, ConfigError> {
        let DeValue::Array(items) = value.get_ref() else {
            return Err(self.error(
                value.span(),
                key,
                format!(
                    "must be an array of strings, not {}",
                    describe(value.get_ref())
                ),
            ));
        };
        items
            .iter()
            .map(|item| match item.get_ref() {
                DeValue::String(text) => Ok((text.to_string(), item.span())),
                other => Err(self.error(
                    item.span(),
                    key,
                    format!("must be an array of strings, but holds {}", describe(other)),
                )),
            })
            .collect()
    }

    fn rule_list(
        &self,
        value: &Spanned<DeValue<'_>>,
        key: &str,
    ) -> Result<Vec<String>, ConfigError> {
        let items = self.strings(value, key)?;
        for (selector, span) in &items {
            if select_rules(selector).is_none() {
                return Err(self.error(
                    span.clone(),
                    key,
                    format!("no rule `{selector}`: use an id (FL101), an id prefix (FL1), a name, or ALL"),
                ));
            }
        }
        Ok(items.into_iter().map(|(selector, _)| selector).collect())
    }

    fn glob_list(
        &self,
        value: &Spanned<DeValue<'_>>,
        key: &str,
    ) -> Result<Vec<String>, ConfigError> {
        let items = self.strings(value, key)?;
        for (glob, span) in &items {
            Glob::new(glob.trim_end_matches('/')).map_err(|e| {
                self.error(span.clone(), key, format!("invalid glob `{glob}`: {e}"))
            })?;
        }
        Ok(items.into_iter().map(|(glob, _)| glob).collect())
    }

    fn severity(&self, value: &Spanned<DeValue<'_>>, key: &str) -> Result<Severity, ConfigError> {
        match value.get_ref() {
            DeValue::String(text) => parse_severity(text).ok_or_else(|| {
                self.error(
                    value.span(),
                    key,
                    format!("unknown severity `{text}`; use critical, high, medium or low"),
                )
            }),
            other => Err(self.error(
                value.span(),
                key,
                format!(
                    "must be a severity string (critical, high, medium, low), not {}",
                    describe(other)
                ),
            )),
        }
    }
}

fn describe(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

pub fn parse_severity(text: &str) -> Option<Severity> {
    [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ]
    .into_iter()
    .find(|severity| severity.as_str().eq_ignore_ascii_case(text))
}

/// The rules a selector names: `ALL`, an id (`FL101`), an id prefix (`FL1`, `FL`), or a rule
/// name. `None` when it names none, which is an error wherever selectors are read.
pub fn select_rules(selector: &str) -> Option<Vec<&'static str>> {
    let selector = selector.trim();
    let all = rules::all();
    let matching: Vec<&'static str> = if selector.eq_ignore_ascii_case("ALL") {
        all.iter().map(|(meta, _)| meta.id).collect()
    } else {
        let upper = selector.to_ascii_uppercase();
        all.iter()
            .map(|(meta, _)| meta)
            .filter(|meta| {
                meta.name == selector
                    || (!upper.is_empty() && meta.id.starts_with(&upper))
                    // A rule split off another keeps answering to the old id and name.
                    || crate::rules::former_codes(meta.id)
                        .iter()
                        .any(|former| former.eq_ignore_ascii_case(selector))
            })
            .map(|meta| meta.id)
            .collect()
    };
    (!matching.is_empty()).then_some(matching)
}

/// The rules that report: those `select` names (every rule when absent), less those `ignore`
/// names. Selectors must have been validated with `select_rules`.
pub fn enabled_rules(select: Option<&[String]>, ignore: &[String]) -> BTreeSet<&'static str> {
    let mut enabled: BTreeSet<&'static str> = match select {
        None => rules::all().iter().map(|(meta, _)| meta.id).collect(),
        Some(selectors) => selectors
            .iter()
            .filter_map(|s| select_rules(s))
            .flatten()
            .collect(),
    };
    for selector in ignore {
        for id in select_rules(selector).unwrap_or_default() {
            enabled.remove(id);
        }
    }
    enabled
}

/// The command-line flags that mirror configuration keys; each one given replaces the file's
/// value (`extend-exclude` adds to it).
#[derive(clap::Args, Clone, Debug, Default)]
pub struct ConfigArgs {
    /// Read the configuration from FILE instead of searching for one.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
    /// Only these rules report: ids, id prefixes, names or ALL (comma-separated).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// These rules never report (comma-separated ids, prefixes or names).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Option<Vec<String>>,
    /// Skip files and directories matching GLOB, on top of `exclude` (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub extend_exclude: Vec<String>,
    /// Silence rules in matching files, e.g. `tests/*:FL105,FL106` (repeatable).
    #[arg(long, value_name = "GLOB:RULES")]
    pub per_file_ignores: Vec<String>,
    /// Change a rule's severity, e.g. `FL105=high` (repeatable).
    #[arg(long, value_name = "RULE=SEVERITY")]
    pub severity: Vec<String>,
    /// The lowest severity that makes the exit code 1 (default: low, i.e. any finding).
    #[arg(long, value_name = "SEVERITY", value_parser = severity_arg)]
    pub fail_on: Option<Severity>,
    /// Check test files for secrets too.
    #[arg(long)]
    pub include_tests: bool,
}

fn severity_arg(text: &str) -> Result<Severity, String> {
    parse_severity(text).ok_or_else(|| format!("`{text}`: use critical, high, medium or low"))
}

/// A configuration merged with the command line, ready for `check::Settings`.
#[derive(Debug)]
pub struct Resolved {
    /// `None`: every rule reports.
    pub rules: Option<BTreeSet<&'static str>>,
    pub excludes: Vec<String>,
    pub per_file_ignores: Vec<PerFileIgnore>,
    pub severity_overrides: std::collections::BTreeMap<&'static str, Severity>,
    pub fail_on: Severity,
    pub include_tests: bool,
    pub secret_settings: Vec<String>,
}

/// Finds and reads the configuration `args` asks for (none with `--isolated`).
pub fn load_for(args: &ConfigArgs, paths: &[PathBuf]) -> Result<Config, String> {
    if args.isolated {
        return Ok(Config::default());
    }
    let path = match &args.config {
        Some(path) => Some(path.clone()),
        None => discover(paths).map_err(|e| e.to_string())?,
    };
    match path {
        Some(path) => load(&path).map_err(|e| e.to_string()),
        None => Ok(Config::default()),
    }
}

/// Merges `config` with the command line; a flag given replaces the file's value for its key.
/// `cli_exclude` is `--exclude`, which replaces the file's `exclude` when given.
pub fn resolve(
    config: Config,
    args: &ConfigArgs,
    cli_exclude: &[String],
) -> Result<Resolved, String> {
    for (flag, selectors) in [("--select", &args.select), ("--ignore", &args.ignore)] {
        for selector in selectors.iter().flatten() {
            if select_rules(selector).is_none() {
                return Err(format!(
                    "{flag}: no rule `{selector}`; use an id (FL101), an id prefix (FL1), a name, or ALL"
                ));
            }
        }
    }
    let base = config.base();
    let select = args.select.clone().or(config.select);
    let ignore = args.ignore.clone().or(config.ignore).unwrap_or_default();
    let rules =
        (select.is_some() || !ignore.is_empty()).then(|| enabled_rules(select.as_deref(), &ignore));
    let mut excludes = if cli_exclude.is_empty() {
        config.exclude.unwrap_or_default()
    } else {
        cli_exclude.to_vec()
    };
    excludes.extend(config.extend_exclude);
    excludes.extend(args.extend_exclude.iter().cloned());
    let per_file_ignores = if args.per_file_ignores.is_empty() {
        config
            .per_file_ignores
            .unwrap_or_default()
            .iter()
            .map(|(glob, rules)| PerFileIgnore::new(&base, glob, rules))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        let cwd = absolute(Path::new("."));
        args.per_file_ignores
            .iter()
            .map(|entry| {
                let (glob, rules) = entry.rsplit_once(':').ok_or_else(|| {
                    format!("--per-file-ignores `{entry}`: expected GLOB:RULES, e.g. tests/*:FL105")
                })?;
                let rules: Vec<String> = rules.split(',').map(|r| r.trim().to_string()).collect();
                PerFileIgnore::new(&cwd, glob, &rules)
            })
            .collect::<Result<Vec<_>, _>>()?
    };
    let mut severity_overrides: std::collections::BTreeMap<&'static str, Severity> =
        config.severity.into_iter().collect();
    for entry in &args.severity {
        let (rule, level) = entry.split_once('=').ok_or_else(|| {
            format!("--severity `{entry}`: expected RULE=SEVERITY, e.g. FL105=high")
        })?;
        let meta = rules::find(rule.trim())
            .ok_or_else(|| format!("--severity `{entry}`: no rule `{}`", rule.trim()))?;
        let severity = parse_severity(level.trim()).ok_or_else(|| {
            format!(
                "--severity `{entry}`: unknown severity `{}`; use critical, high, medium or low",
                level.trim()
            )
        })?;
        severity_overrides.insert(meta.id, severity);
    }
    Ok(Resolved {
        rules,
        excludes,
        per_file_ignores,
        severity_overrides,
        fail_on: args.fail_on.or(config.fail_on).unwrap_or(Severity::Low),
        include_tests: args.include_tests || config.include_tests.unwrap_or(false),
        secret_settings: config.secret_settings.clone(),
    })
}

/// Rules silenced in the files one glob matches. A glob without `/` matches a file name
/// anywhere (`conftest.py`); one with `/` matches the path relative to the configuration file's
/// directory (`tests/**`).
#[derive(Clone, Debug)]
pub struct PerFileIgnore {
    pub pattern: String,
    base: PathBuf,
    glob: GlobMatcher,
    pub rules: BTreeSet<&'static str>,
}

impl PerFileIgnore {
    pub fn new(base: &Path, pattern: &str, selectors: &[String]) -> Result<PerFileIgnore, String> {
        let glob = Glob::new(pattern)
            .map_err(|e| format!("invalid per-file-ignores glob `{pattern}`: {e}"))?
            .compile_matcher();
        let mut rules = BTreeSet::new();
        for selector in selectors {
            rules
                .extend(select_rules(selector).ok_or_else(|| {
                    format!("per-file-ignores `{pattern}`: no rule `{selector}`")
                })?);
        }
        Ok(PerFileIgnore {
            pattern: pattern.to_string(),
            base: absolute(base),
            glob,
            rules,
        })
    }

    pub fn matches(&self, path: &Path) -> bool {
        if !self.pattern.contains('/') {
            return path
                .file_name()
                .is_some_and(|name| self.glob.is_match(name));
        }
        let path = absolute(path);
        path.strip_prefix(&self.base)
            .is_ok_and(|relative| self.glob.is_match(relative))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Config {
        parse(text, Path::new("flasklint.toml"), false).expect("valid")
    }

    fn parse_err(text: &str, pyproject: bool) -> String {
        let path = if pyproject {
            "pyproject.toml"
        } else {
            "flasklint.toml"
        };
        parse(text, Path::new(path), pyproject)
            .expect_err("an error")
            .to_string()
    }

    #[test]
    fn reads_every_key() {
        let config = parse_ok(
            r#"
select = ["FL1", "jwt-none-algorithm"]
ignore = ["FL106"]
exclude = ["migrations"]
extend-exclude = ["legacy/"]
fail-on = "high"
include-tests = true

[per-file-ignores]
"tests/*" = ["FL105"]

[severity]
FL105 = "high"
"#,
        );
        assert_eq!(
            config.select,
            Some(vec!["FL1".into(), "jwt-none-algorithm".into()])
        );
        assert_eq!(config.ignore, Some(vec!["FL106".into()]));
        assert_eq!(config.exclude, Some(vec!["migrations".into()]));
        assert_eq!(config.extend_exclude, vec!["legacy/".to_string()]);
        assert_eq!(
            config.per_file_ignores,
            Some(vec![("tests/*".into(), vec!["FL105".into()])])
        );
        assert_eq!(config.severity, vec![("FL105", Severity::High)]);
        assert_eq!(config.fail_on, Some(Severity::High));
        assert_eq!(config.include_tests, Some(true));
    }

    #[test]
    fn errors_name_file_line_and_key() {
        assert_eq!(
            parse_err("select = [\"FL101\"]\nselcet = [\"FL102\"]\n", false),
            "flasklint.toml:2: key `selcet`: unknown key; known keys: select, ignore, exclude, extend-exclude, per-file-ignores, severity, fail-on, include-tests, secret-settings"
        );
        assert_eq!(
            parse_err(
                "[tool.black]\nx = 1\n\n[tool.flasklint]\nfail-on = \"extreme\"\n",
                true
            ),
            "pyproject.toml:5: key `tool.flasklint.fail-on`: unknown severity `extreme`; use critical, high, medium or low"
        );
        assert_eq!(
            parse_err(
                "[tool.flasklint]\nselect = [\n  \"FL101\",\n  \"FL999\",\n]\n",
                true
            ),
            "pyproject.toml:4: key `tool.flasklint.select`: no rule `FL999`: use an id (FL101), an id prefix (FL1), a name, or ALL"
        );
        assert!(
            parse_err("include_tests = true\n", false).contains("did you mean `include-tests`?")
        );
        assert!(
            parse_err("select = \"FL101\"\n", false)
                .contains("must be an array of strings, not a string")
        );
        assert!(
            parse_err("[severity]\nFL999 = \"low\"\n", false)
                .starts_with("flasklint.toml:2: key `severity.FL999`: no rule")
        );
        assert!(parse_err("include-tests = \"yes\"\n", false).contains("must be true or false"));
        assert!(parse_err("select = [\n", false).starts_with("flasklint.toml:"));
    }

    #[test]
    fn pyproject_without_our_table_is_empty() {
        let config = parse(
            "[tool.black]\nline-length = 100\n",
            Path::new("pyproject.toml"),
            true,
        )
        .expect("valid");
        assert_eq!(config, Config::default());
    }

    #[test]
    fn selectors_resolve_to_rules() {
        assert_eq!(select_rules("FL101"), Some(vec!["FL101"]));
        assert_eq!(select_rules("fl101"), Some(vec!["FL101"]));
        assert_eq!(select_rules("jwt-none-algorithm"), Some(vec!["FL103"]));
        assert!(select_rules("FL1").is_some_and(|ids| ids.len() >= 6));
        assert_eq!(select_rules("FL999"), None);
        assert_eq!(select_rules(""), None);
        let enabled = enabled_rules(Some(&["FL10".into()]), &["FL106".into()]);
        assert!(enabled.contains("FL101") && !enabled.contains("FL106"));
    }

    #[test]
    fn per_file_ignores_match_names_anywhere_and_paths_under_the_base() {
        let base = Path::new("/project");
        let tests = PerFileIgnore::new(base, "tests/**", &["FL105".into()]).expect("valid");
        assert!(tests.matches(Path::new("/project/tests/unit/test_auth.py")));
        assert!(!tests.matches(Path::new("/project/app/tests.py")));
        assert!(!tests.matches(Path::new("/elsewhere/tests/x.py")));
        let conftest = PerFileIgnore::new(base, "conftest.py", &["FL1".into()]).expect("valid");
        assert!(conftest.matches(Path::new("/anywhere/deep/conftest.py")));
        assert!(conftest.rules.contains("FL101"));
    }
}
