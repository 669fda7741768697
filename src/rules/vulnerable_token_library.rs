//! FL501 vulnerable-token-library: a dependency declaration that allows a token-library version
//! with a published advisory.
//!
//! Why: the algorithm-confusion bugs in PyJWT < 2.4.0 and python-jose <= 3.3.0 let anyone forge
//! tokens even when the application code is written correctly; no code rule can see them.
//! Fix: require the first fixed release. The finding sits on the declaration line (or the lock
//! file entry, which wins when there is one), so it is reported once per manifest line and not
//! once per Python file.

use std::collections::BTreeSet;

use pep440_rs::Version;
use version_ranges::Ranges;

use super::{Checker, DependencyDiagnostic, Diagnostic, Rule, RuleMeta};
use crate::deps::advisories::{self, Advisory};
use crate::deps::{Allowed, Declaration, Dependencies, Role};

pub const ID: &str = "FL501";

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL501.md"),
    check,
};

/// Nothing to do per Python file: this rule reads manifests (`check_dependencies`).
fn check(_checker: &mut Checker<'_, '_>) {}

pub fn check_dependencies(
    deps: &Dependencies,
    meta: &'static RuleMeta,
) -> Vec<DependencyDiagnostic> {
    // One entry per package however the data file spells it; messages use its first spelling.
    let mut packages: Vec<&str> = Vec::new();
    for advisory in advisories::all() {
        if !advisories::all()
            .iter()
            .any(|a| a.name == advisory.name && packages.contains(&a.package.as_str()))
        {
            packages.push(advisory.package.as_str());
        }
    }
    let mut reported: BTreeSet<(usize, u32)> = BTreeSet::new();
    let mut out = Vec::new();
    for environment in &deps.environments {
        for package in &packages {
            let Some(versions) = deps.package(environment, package) else {
                continue;
            };
            let known: Vec<&Advisory> = advisories::all()
                .iter()
                .filter(|a| {
                    versions
                        .declarations
                        .first()
                        .is_some_and(|d| d.name == a.name)
                })
                .collect();
            // Unknown versions (`PyJWT` with no specifier and no lock) are not findings: pip
            // installs the newest release, and flasklint only reports what it knows.
            let Some(allowed) = &versions.ranges else {
                continue;
            };
            let affecting: Vec<&Advisory> = known
                .iter()
                .copied()
                .filter(|a| !allowed.is_disjoint(&a.affected))
                .collect();
            if affecting.is_empty() {
                continue;
            }
            let safe = minimum_safe(&known);
            let targets: Vec<&Declaration> = match versions.locked {
                Some(lock) => vec![lock],
                None => versions
                    .declarations
                    .iter()
                    .copied()
                    .filter(|d| match &d.allowed {
                        Allowed::Range(range) => {
                            affecting.iter().any(|a| !range.is_disjoint(&a.affected))
                        }
                        _ => false,
                    })
                    .collect(),
            };
            for declaration in targets {
                if !reported.insert((declaration.file, declaration.range.start().to_u32())) {
                    continue;
                }
                out.push(DependencyDiagnostic {
                    file: declaration.file,
                    diagnostic: diagnostic(meta, deps, declaration, &affecting, package, &safe),
                });
            }
        }
    }
    out
}

/// The lowest fixed release from which on no advisory of the package applies; the highest
/// fixed release when every one is followed by another advisory.
fn minimum_safe(advisories: &[&Advisory]) -> Version {
    let mut fixes: Vec<&Version> = advisories.iter().map(|a| &a.fixed).collect();
    fixes.sort();
    let all_affected = advisories
        .iter()
        .fold(Ranges::empty(), |union: Ranges<Version>, a| {
            union.union(&a.affected)
        });
    fixes
        .iter()
        .find(|fixed| all_affected.is_disjoint(&Ranges::higher_than((**fixed).clone())))
        .or(fixes.last())
        .map(|v| (*v).clone())
        .unwrap_or_else(|| Version::new([0]))
}

fn diagnostic(
    meta: &'static RuleMeta,
    deps: &Dependencies,
    declaration: &Declaration,
    affecting: &[&Advisory],
    package: &str,
    safe: &Version,
) -> Diagnostic {
    let issues = affecting
        .iter()
        .map(|a| format!("{} ({}, {} {})", a.id, a.summary, package, a.affected_text))
        .collect::<Vec<_>>()
        .join("; ");
    let references = affecting
        .iter()
        .map(|a| a.reference.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let file = &deps.files[declaration.file];
    let (message, help) = if declaration.role == Role::Lock {
        (
            format!(
                "{} locks {package} to {}, a version with known vulnerabilities: {issues}",
                file.display_path(),
                declaration.written.rsplit(' ').next().unwrap_or(""),
            ),
            format!(
                "require `{package}>={safe}` in the manifest and regenerate {} ({references})",
                file.display_path()
            ),
        )
    } else {
        (
            format!(
                "`{}` allows {package} versions with known vulnerabilities: {issues}",
                declaration.written
            ),
            format!("require `{package}>={safe}`, the first release without them ({references})"),
        )
    };
    // No machine edit yet: `--fix` re-parses every fixed file as Python to guard against
    // breaking it (src/fix.rs), which a requirements or TOML file would fail. The help names
    // the minimum safe version; `Declaration::specifier` is where an edit would go once the
    // guard validates dependency files with their own parser.
    Diagnostic {
        rule: meta,
        range: declaration.range,
        message,
        help,
        fix: None,
        severity: None,
    }
}
