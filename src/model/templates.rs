//! The Jinja templates a view renders: whether a template, with the templates it extends,
//! includes or imports, uses a variable the view hands it. `render_template("500.html",
//! message=str(e))` shows nothing of the exception when no template of that chain mentions
//! `message` (snapcraft.io's and charmhub.io's error pages).
//!
//! Templates are found where Flask looks by default, a `templates/` folder beside the module
//! or up to three folders above it. Nothing is read through a symlink, nor a file over
//! `MAX_TEMPLATE_BYTES`; a template that cannot be found or read leaves the answer unknown.

use std::path::{Path, PathBuf};

/// Larger templates are not read: the answer is unknown.
const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

/// How many templates of one chain are read at most.
const MAX_TEMPLATES: usize = 32;

/// `Some(true)` when the template `name`, rendered from the module at `module_path`, or a
/// template it reaches mentions `variable`; `Some(false)` when none does; `None` when a
/// template of the chain cannot be found or read.
pub fn renders_variable(module_path: &Path, name: &str, variable: &str) -> Option<bool> {
    let folder = module_path
        .ancestors()
        .skip(1)
        .take(4)
        .map(|dir| dir.join("templates"))
        .find(|folder| regular_file(&folder.join(name)))?;
    let mut pending = vec![name.to_string()];
    let mut seen: Vec<String> = Vec::new();
    while let Some(next) = pending.pop() {
        if seen.contains(&next) {
            continue;
        }
        if seen.len() >= MAX_TEMPLATES {
            return None;
        }
        let text = read_template(&folder.join(&next))?;
        if mentions(&text, variable) {
            return Some(true);
        }
        pending.extend(referenced_templates(&text));
        seen.push(next);
    }
    Some(false)
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

/// `variable` as a whole identifier anywhere in the text: in `{{ message }}`, `{% if message %}`,
/// or a macro call handed it. Text outside the tags counts too, which can only keep a finding.
fn mentions(text: &str, variable: &str) -> bool {
    let is_identifier = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(variable).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + variable.len()..].chars().next();
        !before.is_some_and(is_identifier) && !after.is_some_and(is_identifier)
    })
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
        assert!(mentions("<pre>{{ message }}</pre>", "message"));
        assert!(!mentions("{{ error_message }}", "message"));
        assert!(!mentions("{{ messages }}", "message"));
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
