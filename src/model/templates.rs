//! The Jinja templates a view renders: whether a template, with the templates it extends,
//! includes or imports, uses a variable the view hands it. `render_template("500.html",
//! message=str(e))` shows nothing of the exception when no template of that chain mentions
//! `message` (snapcraft.io's and charmhub.io's error pages), and shows it only in debug mode
//! when every mention sits under `{% if config.DEBUG %}` (SuperviseMe's error pages).
//!
//! Templates are found where Flask looks by default, a `templates/` folder beside the module
//! or up to three folders above it. Nothing is read through a symlink, nor a file over
//! `MAX_TEMPLATE_BYTES`; a template that cannot be found or read leaves the answer unknown.

use std::path::{Path, PathBuf};

/// Larger templates are not read: the answer is unknown.
const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

/// How many templates of one chain are read at most.
const MAX_TEMPLATES: usize = 32;

/// What a chain of templates does with one variable the view hands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendering {
    /// No template of the chain mentions it.
    Unused,
    /// Every mention sits in the true branch of an `{% if %}` testing a debug switch: the
    /// test's text.
    DebugOnly(String),
    /// Some template uses it outside any debug branch.
    Used,
}

/// What the template `name`, rendered from the module at `module_path`, and the templates it
/// reaches do with `variable`; `None` when a template of the chain cannot be found or read.
pub fn renders_variable(module_path: &Path, name: &str, variable: &str) -> Option<Rendering> {
    let folder = module_path
        .ancestors()
        .skip(1)
        .take(4)
        .map(|dir| dir.join("templates"))
        .find(|folder| regular_file(&folder.join(name)))?;
    let mut pending = vec![name.to_string()];
    let mut seen: Vec<String> = Vec::new();
    let mut debug_only = None;
    while let Some(next) = pending.pop() {
        if seen.contains(&next) {
            continue;
        }
        if seen.len() >= MAX_TEMPLATES {
            return None;
        }
        let text = read_template(&folder.join(&next))?;
        match mentions(&text, variable) {
            Rendering::Used => return Some(Rendering::Used),
            Rendering::DebugOnly(test) => debug_only = debug_only.or(Some(test)),
            Rendering::Unused => {}
        }
        pending.extend(referenced_templates(&text));
        seen.push(next);
    }
    Some(debug_only.map_or(Rendering::Unused, Rendering::DebugOnly))
}

fn regular_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

fn read_template(path: &PathBuf) -> Option<String> {
    let metadata = std::fs::symlink_metadata(path).ok()?;
    if !metadata.file_type().is_file() || metadata.len() > MAX_TEMPLATE_BYTES {
        return None;
    }
    String::from_utf8(std::fs::read(path).ok()?).ok()
}

/// How `text` uses `variable`: as a whole identifier inside a Jinja expression or statement
/// (`{{ message }}`, `{% if message %}`, a macro call handed it), the only places a template
/// reads a variable; words of the page's text (`class="error"`) and `{# comments #}` are not
/// uses. A use inside the true branch of `{% if config.DEBUG %}` (any test naming a debug
/// switch, not negated) is shown only in debug mode.
fn mentions(text: &str, variable: &str) -> Rendering {
    let is_identifier = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let names = |inner: &str| {
        inner.match_indices(variable).any(|(at, _)| {
            let before = inner[..at].chars().next_back();
            let after = inner[at + variable.len()..].chars().next();
            !before.is_some_and(is_identifier) && !after.is_some_and(is_identifier)
        })
    };
    // One entry per open `{% if %}`: the test when the branch being read is a debug switch's
    // true branch.
    let mut branches: Vec<Option<String>> = Vec::new();
    let mut debug_only = None;
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => "#}",
            _ => {
                rest = after;
                continue;
            }
        };
        let inner = &after[1..];
        let (inner, next) = match inner.find(close) {
            Some(end) => (&inner[..end], &inner[end + close.len()..]),
            None => (inner, ""),
        };
        rest = next;
        if close == "#}" {
            continue;
        }
        if close == "%}" {
            let statement = inner.trim_matches(|c: char| c == '-' || c == '+' || c.is_whitespace());
            let keyword = statement.split_whitespace().next().unwrap_or_default();
            match keyword {
                "if" => branches.push(debug_switch(statement["if".len()..].trim())),
                "elif" | "else" => {
                    if let Some(branch) = branches.last_mut() {
                        *branch = None;
                    }
                }
                "endif" => {
                    branches.pop();
                }
                _ => {}
            }
        }
        if names(inner) {
            match branches.iter().flatten().next() {
                Some(test) => debug_only = debug_only.or_else(|| Some(test.clone())),
                None => return Rendering::Used,
            }
        }
    }
    debug_only.map_or(Rendering::Unused, Rendering::DebugOnly)
}

/// The test of an `{% if %}` when its true branch runs only in debug mode: it names a debug
/// switch (`config.DEBUG`, `config["DEBUG"]`, `debug`) and negates nothing.
fn debug_switch(test: &str) -> Option<String> {
    let lowered = test.to_ascii_lowercase();
    let negated = lowered
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .any(|word| word == "not")
        || lowered.contains("!=");
    (lowered.contains("debug") && !negated).then(|| test.to_string())
}

/// The templates that see the render's variables: `{% extends "x" %}`, `{% include "x" %}`,
/// and `{% import "x" as y with context %}` / `{% from "x" import y with context %}`. An import
/// without context does not: its macros see only their own parameters (snapcraft.io's
/// `status_banner(message)` macro says nothing about a `message` handed to the page).
fn referenced_templates(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for tag in text.split("{%").skip(1) {
        let tag = tag
            .split("%}")
            .next()
            .unwrap_or(tag)
            .trim_start_matches('-')
            .trim();
        let with_context = tag
            .trim_end_matches('-')
            .trim_end()
            .ends_with("with context");
        let Some(rest) = ["extends", "include", "import", "from"]
            .iter()
            .filter(|keyword| with_context || matches!(**keyword, "extends" | "include"))
            .find_map(|keyword| tag.strip_prefix(keyword))
        else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(name) = rest[1..].split(quote).next() {
            found.push(name.to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_identifiers_only() {
        assert_eq!(
            mentions("<pre>{{ message }}</pre>", "message"),
            Rendering::Used
        );
        assert_eq!(
            mentions("{{ error_message }}", "message"),
            Rendering::Unused
        );
        assert_eq!(mentions("{{ messages }}", "message"), Rendering::Unused);
    }

    #[test]
    fn page_text_and_comments_are_not_uses() {
        let page = "<div class=\"error\">An error occurred</div>{# {{ error }} #}";
        assert_eq!(mentions(page, "error"), Rendering::Unused);
        assert_eq!(
            mentions("{% if error %}x{% endif %}", "error"),
            Rendering::Used
        );
    }

    #[test]
    fn uses_under_a_debug_switch_are_debug_only() {
        let page = "{% if config.DEBUG and error %}<p>{{ error }}</p>{% endif %}";
        assert_eq!(
            mentions(page, "error"),
            Rendering::DebugOnly("config.DEBUG and error".to_string())
        );
        let shown_after = format!("{page}<p>{{{{ error }}}}</p>");
        assert_eq!(mentions(&shown_after, "error"), Rendering::Used);
        let in_else = "{% if config.DEBUG %}x{% else %}{{ error }}{% endif %}";
        assert_eq!(mentions(in_else, "error"), Rendering::Used);
        let negated = "{% if not config.DEBUG %}{{ error }}{% endif %}";
        assert_eq!(mentions(negated, "error"), Rendering::Used);
        let nested = "{%- if config['DEBUG'] -%}{% if error %}{{ error }}{% endif %}{% endif %}";
        assert_eq!(
            mentions(nested, "error"),
            Rendering::DebugOnly("config['DEBUG']".to_string())
        );
    }

    #[test]
    fn referenced_templates_of_each_tag() {
        assert_eq!(
            referenced_templates(
                "{% extends \"base.html\" %}{%- include 'part.html' -%}{% from \"m.html\" import x %}{% import \"c.html\" as c with context %}{% block a %}"
            ),
            vec!["base.html", "part.html", "c.html"]
        );
    }
}
