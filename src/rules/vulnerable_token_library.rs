//! FL501 vulnerable-token-library: a dependency declaration that allows a token-library version
//! with a published advisory.
//!
//! Why: the algorithm-confusion bugs in PyJWT < 2.4.0 and python-jose <= 3.3.0 let anyone forge
//! tokens even when the application code is written correctly; no code rule can see them.
//! Whether an advisory reaches the project depends on what its code does: each advisory in
//! `data/advisories.toml` says what it needs (public-key verification, JWE decryption), and when
//! the project's code is known not to do it, the finding is low and says why. Unknown keeps the
//! rule's severity.
//! Fix: require the first fixed release. The finding sits on the declaration line: once per
//! package and project, at the lock file entry when a lock pins the package, else at the first
//! declaration in discovery order, naming the other places it is declared.

use std::collections::BTreeMap;

use pep440_rs::Version;
use ruff_text_size::Ranged;
use version_ranges::Ranges;

use super::{Checker, DependencyDiagnostic, Diagnostic, Rule, RuleMeta, Severity};
use crate::deps::advisories::{self, Advisory, Requirement};
use crate::deps::{Allowed, Declaration, Dependencies, Role};
use crate::model::FileModel;
use crate::model::Project;
use crate::model::jwt::{AlgorithmFamily, JwtCall, Library, Operation, algorithm_family};
use crate::model::keys::KeyKind;

pub const ID: &str = "FL501";

pub const RULE: Rule = Rule {
    doc: include_str!("../../rules/FL501.md"),
    check,
};

/// Nothing to do per Python file: this rule reads manifests (`check_dependencies`).
fn check(_checker: &mut Checker<'_, '_>) {}

pub fn check_dependencies(
    project: &Project<'_>,
    meta: &'static RuleMeta,
) -> Vec<DependencyDiagnostic> {
    let deps = &project.dependencies;
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
    let usage = usage_by_environment(project);
    let mut reported: BTreeMap<(usize, u32), (usize, bool)> = BTreeMap::new();
    let mut out = Vec::new();
    // Per finding: the pin (package and requirement as written) and whether code judged it.
    let mut pins: Vec<(String, bool)> = Vec::new();
    for (index, environment) in deps.environments.iter().enumerate() {
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
            // One cause, one finding: the lock entry when a lock pins the package (it is what
            // gets installed), else the first declaration that admits an affected release.
            let admits_affected = |d: &&Declaration| match &d.allowed {
                Allowed::Range(range) => affecting.iter().any(|a| !range.is_disjoint(&a.affected)),
                _ => false,
            };
            let (target, others): (&Declaration, Vec<&Declaration>) = match versions.locked {
                Some(lock) => (
                    lock,
                    versions
                        .declarations
                        .iter()
                        .copied()
                        .filter(|d| d.role != Role::Lock)
                        .collect(),
                ),
                None => {
                    let mut admitting = versions
                        .declarations
                        .iter()
                        .copied()
                        .filter(admits_affected);
                    let Some(first) = admitting.next() else {
                        continue;
                    };
                    (first, admitting.collect())
                }
            };
            let library = usage.get(index).and_then(|u| u.library(package));
            let used = library.is_some_and(|l| l.used);
            let finding = DependencyDiagnostic {
                file: target.file,
                diagnostic: diagnostic(
                    meta, deps, target, &others, &affecting, package, &safe, library,
                ),
            };
            // One finding per declaration, judged by the code that runs with it: badgeyay's
            // root `requirements.txt` (`-r backend/requirements.txt`, for the platform) holds
            // no code, the backend's environment does.
            match reported.entry((target.file, target.range.start().to_u32())) {
                std::collections::btree_map::Entry::Vacant(vacant) => {
                    vacant.insert((out.len(), used));
                    out.push(finding);
                    pins.push((pin_of(package, target), used));
                }
                std::collections::btree_map::Entry::Occupied(mut occupied) => {
                    let (position, judged_by_code) = *occupied.get();
                    if used && !judged_by_code {
                        out[position] = finding;
                        occupied.insert((position, true));
                        if let Some(pin) = pins.get_mut(position) {
                            pin.1 = true;
                        }
                    }
                }
            }
        }
    }
    lower_repeated_pins(&mut out, &pins, deps);
    out
}

/// A pin as written, for finding its copies: `pyjwt==1.5.3`.
fn pin_of(package: &str, declaration: &Declaration) -> String {
    let written: String = declaration
        .written
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    format!("{package}|{}", written.to_ascii_lowercase())
}

/// One pin copied into many manifests of one tree (WEKO's 49 module `requirements.txt` files,
/// each `PyJWT==1.5.3`) is one thing to fix: it is reported at its severity once, where code
/// uses the library if any code does (the most severe such verdict is the tree's), and low at
/// each copy whose own code never imports the library, with where it is reported.
fn lower_repeated_pins(
    out: &mut [DependencyDiagnostic],
    pins: &[(String, bool)],
    deps: &Dependencies,
) {
    // The copy judged by code first, the most severe among those, the first written on a tie.
    let rank = |position: usize| {
        let severity = out[position]
            .diagnostic
            .severity
            .unwrap_or(out[position].diagnostic.rule.severity);
        (pins[position].1, severity)
    };
    let mut representative: BTreeMap<&str, usize> = BTreeMap::new();
    for (position, (pin, _)) in pins.iter().enumerate() {
        let better = representative
            .get(pin.as_str())
            .is_none_or(|&kept| rank(position) > rank(kept));
        if better {
            representative.insert(pin, position);
        }
    }
    let places: Vec<String> = out
        .iter()
        .map(|finding| {
            let file = &deps.files[finding.file].file;
            let line = file.position(finding.diagnostic.range.start()).line;
            format!("{}:{line}", file.display_path())
        })
        .collect();
    for (position, (pin, used)) in pins.iter().enumerate() {
        let Some(&kept) = representative.get(pin.as_str()) else {
            continue;
        };
        if kept == position || *used {
            continue;
        }
        let Some(finding) = out.get_mut(position) else {
            continue;
        };
        if finding.diagnostic.severity != Some(Severity::Low) {
            finding.diagnostic.severity = Some(Severity::Low);
            finding.diagnostic.message.push_str(&format!(
                "; low severity: the same pin is reported at {}, and no code under this manifest imports the library",
                places[kept]
            ));
        }
    }
}

/// What one environment's code does with a token library.
#[derive(Default)]
struct LibraryUsage {
    /// The code imports or calls it (directly, or through Flask-JWT-Extended / Flask-JWT for
    /// PyJWT).
    used: bool,
    /// Each verification: the key's kind, what it is and where (`app/auth.py:12`).
    verifications: Vec<(KeyKind, String, String)>,
    /// Where a public-key verification allows only public-key algorithms (`algorithms=
    /// ["RS256"]`): a token claiming HS256 is refused before any key is used, so the algorithm
    /// confusion advisories cannot reach it. Kept by the verification's location.
    asymmetric_only: Vec<String>,
    /// Where it decrypts JWE.
    jwe: Option<String>,
}

#[derive(Default)]
struct EnvironmentUsage {
    pyjwt: LibraryUsage,
    jose: LibraryUsage,
}

impl EnvironmentUsage {
    fn library(&self, package: &str) -> Option<&LibraryUsage> {
        match package.to_ascii_lowercase().as_str() {
            "pyjwt" => Some(&self.pyjwt),
            "python-jose" => Some(&self.jose),
            _ => None,
        }
    }
}

/// Per environment (index into `Dependencies::environments`): how its code, outside tests,
/// uses PyJWT and python-jose.
fn usage_by_environment(project: &Project<'_>) -> Vec<EnvironmentUsage> {
    let deps = &project.dependencies;
    let keys = &project.keys;
    let config = &project.config;
    let apps = &project.apps;
    let mut usage: Vec<EnvironmentUsage> = deps
        .environments
        .iter()
        .map(|_| EnvironmentUsage::default())
        .collect();
    for file in &project.files {
        let module = &project.model.modules[file.module];
        if !module.analysed || config.is_test_module(file.module) {
            continue;
        }
        let Some(index) = deps
            .environment_of(&module.file.path)
            .and_then(|env| deps.environments.iter().position(|e| std::ptr::eq(e, env)))
        else {
            continue;
        };
        let Some(environment) = usage.get_mut(index) else {
            continue;
        };
        let source = module.file;
        let location = |offset: ruff_text_size::TextSize| {
            format!("{}:{}", source.display_path(), source.position(offset).line)
        };
        let libraries = keys
            .library_use
            .get(file.module)
            .copied()
            .unwrap_or_default();
        environment.pyjwt.used |=
            libraries.pyjwt || libraries.flask_jwt || libraries.flask_jwt_extended;
        environment.jose.used |= libraries.jose;
        for call in &file.jwt_calls {
            let library = match call.library {
                Library::PyJwt => &mut environment.pyjwt,
                Library::Jose => &mut environment.jose,
                Library::Authlib => continue,
            };
            library.used = true;
            if call.operation != Operation::Decode
                || call.signature_disabled(&project.model, file).is_some()
            {
                continue;
            }
            let key = keys.verification_key(&project.model, config, apps, file, call);
            if key.kind == KeyKind::Asymmetric && allows_only_asymmetric(project, file, call) {
                library.asymmetric_only.push(location(call.call.start()));
            }
            library.verifications.push((
                key.kind,
                format!("`{}` with {}", call.callee, key.evidence),
                location(call.call.start()),
            ));
        }
        // Flask-JWT-Extended and Flask-JWT verify with PyJWT, with the keys their settings name.
        let managers = config
            .jwt_managers
            .iter()
            .filter(|(m, _)| *m == file.module)
            .map(|(_, range)| ("Flask-JWT-Extended", range.start()));
        // Flask-JWT reads the same settings; its `JWT(app, ...)` is not tracked, so the module
        // stands for it.
        let flask_jwt = libraries
            .flask_jwt
            .then_some(("Flask-JWT", ruff_text_size::TextSize::default()));
        for (library, offset) in managers.chain(flask_jwt) {
            let key = keys.extended_key(config, apps, file.module);
            environment.pyjwt.verifications.push((
                key.kind,
                format!("{library} with {}", key.evidence),
                location(offset),
            ));
        }
        for client in keys.jwks_clients.iter().filter(|s| s.module == file.module) {
            environment.pyjwt.verifications.push((
                KeyKind::Asymmetric,
                "keys from a JWKS (`PyJWKClient`)".to_string(),
                client.location(),
            ));
        }
        for site in keys
            .jwe_decryptions
            .iter()
            .filter(|s| s.module == file.module)
        {
            environment.jose.jwe.get_or_insert_with(|| site.location());
        }
    }
    usage
}

/// Whether a verifying decode's `algorithms=` names public-key algorithms only
/// (`algorithms=["RS256"]`, or a constant holding such a list).
fn allows_only_asymmetric(project: &Project<'_>, file: &FileModel<'_>, call: &JwtCall<'_>) -> bool {
    let Some(algorithms) = call.decode_arguments().algorithms else {
        return false;
    };
    let value = project.model.value(algorithms, &file.at(call.scope));
    let Some(names) = value.strings() else {
        return false;
    };
    !names.is_empty()
        && names
            .iter()
            .all(|name| algorithm_family(name) == Some(AlgorithmFamily::Asymmetric))
}

/// Whether the project's code meets what an advisory needs.
enum Reach {
    /// It does, or the advisory needs nothing; the fact, if one is worth saying.
    Yes(Option<String>),
    /// It does not: what the advisory needs, and what the code does instead.
    No { needs: &'static str, fact: String },
    /// Unknown.
    Unknown,
}

/// What an advisory's requirement asks of the code, for messages.
fn needs(requirement: Requirement) -> &'static str {
    match requirement {
        Requirement::AsymmetricKeys => "a verifier with public keys",
        Requirement::JweDecryption => "JWE decryption",
    }
}

fn reach(requirement: Requirement, package: &str, usage: Option<&LibraryUsage>) -> Reach {
    let Some(usage) = usage.filter(|u| u.used) else {
        return Reach::Unknown;
    };
    match requirement {
        Requirement::AsymmetricKeys => {
            let needs = needs(requirement);
            let asymmetric = || {
                usage
                    .verifications
                    .iter()
                    .filter(|(kind, _, _)| *kind == KeyKind::Asymmetric)
            };
            if let Some((_, what, at)) =
                asymmetric().find(|(_, _, at)| !usage.asymmetric_only.contains(at))
            {
                return Reach::Yes(Some(format!(
                    "this project verifies {package} tokens with a public key ({what} at {at})"
                )));
            }
            if let Some((_, what, at)) = asymmetric().next() {
                return Reach::No {
                    needs: "a public-key verifier that accepts an HMAC `alg`",
                    fact: format!(
                        "this project verifies {package} tokens with a public key ({what} at {at}) under an `algorithms=` list of public-key algorithms only, which refuses an HMAC token before the key is used"
                    ),
                };
            }
            if usage
                .verifications
                .iter()
                .any(|(kind, _, _)| *kind == KeyKind::Unknown)
            {
                return Reach::Unknown;
            }
            let fact = match usage.verifications.as_slice() {
                [] => format!(
                    "this project's code only signs tokens with {package}, it never verifies them"
                ),
                [(_, what, at), rest @ ..] => format!(
                    "this project's code verifies {package} tokens only with HMAC secrets ({what} at {at}{})",
                    if rest.is_empty() {
                        String::new()
                    } else {
                        format!(", and {} more", rest.len())
                    }
                ),
            };
            Reach::No { needs, fact }
        }
        Requirement::JweDecryption => match &usage.jwe {
            Some(at) => Reach::Yes(Some(format!(
                "this project decrypts JWE (`jwe.decrypt` at {at})"
            ))),
            None => Reach::No {
                needs: needs(requirement),
                fact: format!("this project's code never calls {package}'s `jwe.decrypt`"),
            },
        },
    }
}

/// The advisory's reach: every requirement must hold, so one that does not is enough to say
/// no; one that is unknown keeps it possible.
fn advisory_reach(advisory: &Advisory, package: &str, usage: Option<&LibraryUsage>) -> Reach {
    let mut facts = Vec::new();
    let mut unknown = false;
    for requirement in &advisory.requires {
        match reach(*requirement, package, usage) {
            no @ Reach::No { .. } => return no,
            Reach::Unknown => unknown = true,
            Reach::Yes(fact) => facts.extend(fact),
        }
    }
    if unknown {
        Reach::Unknown
    } else {
        Reach::Yes(facts.into_iter().next())
    }
}

/// The development section or group a declaration belongs to (`develop` of a Pipfile.lock,
/// Poetry's `dev` dependencies, a `dev`/`test`/`lint`/`docs` dependency group), for messages.
/// Also a requirements file named for development (`requirements-devel.txt` of WEKO,
/// `dev-requirements.txt`, `requirements/test.txt`).
fn development_context(deps: &Dependencies, declaration: &Declaration) -> Option<String> {
    let for_development = |name: &str| {
        matches!(
            name,
            "develop"
                | "devel"
                | "dev"
                | "development"
                | "test"
                | "tests"
                | "testing"
                | "lint"
                | "docs"
        )
    };
    if let Some(context) = declaration.context.as_deref() {
        let name = context
            .strip_prefix("group `")
            .map_or(context, |rest| rest.trim_end_matches('`'));
        if for_development(name) {
            return Some(context.to_string());
        }
    }
    let path = &deps.files.get(declaration.file)?.file.path;
    let stem = path.file_stem()?.to_str()?.to_ascii_lowercase();
    let in_requirements_folder = path
        .parent()
        .and_then(|parent| parent.file_name())
        .is_some_and(|folder| folder == "requirements");
    let words = crate::model::context::words(&stem);
    let named = (stem.contains("requirements") || in_requirements_folder)
        && words.iter().any(|word| for_development(word));
    if !named {
        return None;
    }
    Some(format!("`{}`", path.file_name()?.to_string_lossy()))
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

#[allow(clippy::too_many_arguments)]
fn diagnostic(
    meta: &'static RuleMeta,
    deps: &Dependencies,
    declaration: &Declaration,
    others: &[&Declaration],
    affecting: &[&Advisory],
    package: &str,
    safe: &Version,
    usage: Option<&LibraryUsage>,
) -> Diagnostic {
    // pip-compile's `# via notifications-python-client` under a package the project's code
    // never imports: it is there for that dependency alone (GOV.UK's apps pin PyJWT 1.7.1 for
    // their Notify client, which only signs).
    let via = deps.pulled_in_by(declaration);
    let only_for_dependencies = !via.is_empty() && usage.is_none_or(|u| !u.used);
    let reaches: Vec<Reach> = affecting
        .iter()
        .map(|a| match a.requires.first() {
            Some(&requirement) if only_for_dependencies => Reach::No {
                needs: needs(requirement),
                fact: format!(
                    "this project's code never imports {package}: the file says it is there for {} (`# via`), whose own use decides",
                    via.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")
                ),
            },
            // A lock file lists what other dependencies pull in without saying which
            // (inspire-next's poetry.lock, arXiv's Pipfile.lock): with no code of the project
            // importing the library, only those dependencies call it, their own way. A
            // manifest's own pin of a library no code imports is a dead pin (MetaBE's
            // python-jose beside Flask-JWT-Extended; held-out reviewers of four rounds: "not
            // imported anywhere, remove it", debatable low each time).
            Some(&requirement) if usage.is_some_and(|u| !u.used) => {
                let lock = deps
                    .files
                    .get(declaration.file)
                    .is_some_and(|file| file.kind.is_lock());
                Reach::No {
                    needs: needs(requirement),
                    fact: if lock {
                        format!(
                            "this project's code never imports {package} (nor Flask-JWT or Flask-JWT-Extended): the lock file holds it for another dependency, whose own use decides"
                        )
                    } else {
                        format!(
                            "this project's code never imports {package} (nor Flask-JWT or Flask-JWT-Extended): a pin nothing uses, unless another dependency does"
                        )
                    },
                }
            }
            _ => advisory_reach(a, package, usage),
        })
        .collect();
    // Only the development environment installs it: Pipfile.lock's `develop` section, a `dev`
    // group (eq-survey-runner's python-jose, pulled in by the test library moto).
    let development = development_context(deps, declaration).filter(|_| {
        others
            .iter()
            .all(|d| development_context(deps, d).is_some())
    });
    let lowered = development.is_some() || reaches.iter().all(|r| matches!(r, Reach::No { .. }));
    let issues = affecting
        .iter()
        .zip(&reaches)
        .map(|(a, reach)| {
            let note = match reach {
                Reach::No { needs, fact } if !lowered => {
                    format!("; not reachable here: it needs {needs}, and {fact}")
                }
                _ => String::new(),
            };
            format!(
                "{} ({}, {} {}{note})",
                a.id, a.summary, package, a.affected_text
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    // Why the finding is low, or why it is not: each reason once.
    let mut reasons: Vec<String> = Vec::new();
    if let Some(context) = &development {
        reasons.push(format!(
            "it is a development dependency ({context}): a production install leaves it out, and only the developers' and CI's environments run with it"
        ));
    }
    if lowered {
        let mut needs_seen: Vec<(&str, &str, Vec<&str>)> = Vec::new();
        for (advisory, reach) in affecting.iter().zip(&reaches) {
            if let Reach::No { needs, fact } = reach {
                match needs_seen
                    .iter_mut()
                    .find(|(n, f, _)| n == needs && f == fact)
                {
                    Some((_, _, ids)) => ids.push(&advisory.id),
                    None => needs_seen.push((needs, fact, vec![&advisory.id])),
                }
            }
        }
        for (needs, fact, ids) in needs_seen {
            let verb = if ids.len() == 1 { "needs" } else { "need" };
            reasons.push(format!("{} {verb} {needs}, and {fact}", ids.join(" and ")));
        }
    } else {
        for reach in &reaches {
            if let Reach::Yes(Some(fact)) = reach
                && !reasons.contains(fact)
            {
                reasons.push(fact.clone());
            }
        }
    }
    let why = match (lowered, reasons.is_empty()) {
        (_, true) => String::new(),
        (true, false) => format!("; low severity: {}", reasons.join("; ")),
        (false, false) => format!("; {}", reasons.join("; ")),
    };
    let references = affecting
        .iter()
        .map(|a| a.reference.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let place = |d: &Declaration| {
        let file = &deps.files[d.file];
        format!(
            "{}:{} `{}`",
            file.file.display_path(),
            file.file.position(d.range.start()).line,
            d.written
        )
    };
    let elsewhere = if others.is_empty() {
        String::new()
    } else {
        let verb = if declaration.role == Role::Lock {
            "required at"
        } else {
            "also allowed at"
        };
        format!(
            " ({verb} {})",
            others
                .iter()
                .map(|d| place(d))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let file = &deps.files[declaration.file];
    let (message, help) = if declaration.role == Role::Lock {
        (
            format!(
                "{} locks {package} to {}{elsewhere}, a version with known vulnerabilities: {issues}{why}",
                file.file.display_path(),
                declaration.written.rsplit(' ').next().unwrap_or(""),
            ),
            format!(
                "require `{package}>={safe}` in the manifest and regenerate {} ({references})",
                file.file.display_path()
            ),
        )
    } else {
        (
            format!(
                "`{}` allows {package} versions with known vulnerabilities{elsewhere}: {issues}{why}",
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
        severity: lowered.then_some(Severity::Low),
        development_severity: None,
    }
}
