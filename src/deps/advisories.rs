//! The advisory table FL501 checks declared versions against: `data/advisories.toml`, compiled
//! in so a release never depends on a file next to the binary.
//!
//! The data lives outside the code so that adding an advisory is a reviewed data change with
//! its source named beside it, and outside `rules/` because every file there is a rule document.

use std::sync::OnceLock;

use pep440_rs::Version;
use pep508_rs::PackageName;
use serde::Deserialize;
use version_ranges::Ranges;

const DATA: &str = include_str!("../../data/advisories.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    advisory: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    #[serde(default)]
    aliases: Vec<String>,
    package: String,
    affected: String,
    fixed: String,
    summary: String,
    reference: String,
    #[serde(default)]
    requires: Vec<String>,
}

/// What an application must do for an advisory to reach it: a vulnerable release is worth an
/// upgrade either way, but an attack that needs a public-key verifier cannot reach an
/// application that verifies only with HMAC secrets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requirement {
    /// The application verifies tokens with public keys (PEM, JWKS, certificates): the
    /// algorithm-confusion advisories turn a public key into an HMAC secret.
    AsymmetricKeys,
    /// The application decrypts JWE (python-jose `jwe.decrypt`).
    JweDecryption,
}

impl Requirement {
    fn parse(text: &str) -> Option<Requirement> {
        match text {
            "asymmetric-keys" => Some(Requirement::AsymmetricKeys),
            "jwe-decryption" => Some(Requirement::JweDecryption),
            _ => None,
        }
    }
}

/// One advisory, parsed.
#[derive(Clone, Debug)]
pub struct Advisory {
    pub id: String,
    pub aliases: Vec<String>,
    /// As PyPI spells it, for messages.
    pub package: String,
    pub name: PackageName,
    /// As written in the data file, for messages.
    pub affected_text: String,
    pub affected: Ranges<Version>,
    pub fixed: Version,
    pub summary: String,
    pub reference: String,
    /// What the application must do for the advisory to reach it; empty: it always does.
    pub requires: Vec<Requirement>,
}

/// Parses advisory data; `Err` names the entry and what is wrong with it.
pub fn parse(text: &str) -> Result<Vec<Advisory>, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    file.advisory
        .into_iter()
        .map(|entry| {
            let context =
                |what: &str, error: String| format!("advisory {}: {what}: {error}", entry.id);
            let name = entry
                .package
                .parse::<PackageName>()
                .map_err(|e| context("package", e.to_string()))?;
            let affected =
                super::specifier_ranges(&entry.affected).map_err(|e| context("affected", e))?;
            let fixed = super::version(&entry.fixed).map_err(|e| context("fixed", e))?;
            if !affected.is_disjoint(&Ranges::higher_than(fixed.clone())) {
                return Err(context(
                    "fixed",
                    format!("`{}` still admits {} or later", entry.affected, entry.fixed),
                ));
            }
            let requires = entry
                .requires
                .iter()
                .map(|r| {
                    Requirement::parse(r).ok_or_else(|| {
                        context(
                            "requires",
                            format!(
                                "unknown condition `{r}`; known: asymmetric-keys, jwe-decryption"
                            ),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Advisory {
                id: entry.id,
                aliases: entry.aliases,
                package: entry.package,
                name,
                affected_text: entry.affected,
                affected,
                fixed,
                summary: entry.summary,
                reference: entry.reference,
                requires,
            })
        })
        .collect()
}

/// Every advisory of the compiled-in table.
pub fn all() -> &'static [Advisory] {
    static ALL: OnceLock<Vec<Advisory>> = OnceLock::new();
    ALL.get_or_init(|| match parse(DATA) {
        Ok(advisories) => advisories,
        // The table is compiled in and checked by the tests below; a malformed one is a build
        // defect, not an input error.
        Err(error) => panic!("data/advisories.toml is malformed: {error}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_advisory_parses_and_is_consistent() {
        let advisories = parse(DATA).expect("data/advisories.toml parses");
        assert!(advisories.len() >= 4);
        for advisory in &advisories {
            assert!(advisory.id.starts_with("CVE-") || advisory.id.starts_with("GHSA-"));
            assert!(
                advisory.reference.starts_with("https://"),
                "{}",
                advisory.id
            );
            assert!(!advisory.summary.ends_with('.'), "{}", advisory.id);
            assert!(!advisory.affected.is_empty(), "{}", advisory.id);
            // FL501's fix requires `>=fixed`: nothing from there on may be affected.
            assert!(
                advisory
                    .affected
                    .is_disjoint(&Ranges::higher_than(advisory.fixed.clone())),
                "{}: versions from the fix on are inside `{}`",
                advisory.id,
                advisory.affected_text
            );
        }
        for (id, requires) in [
            ("CVE-2022-29217", Requirement::AsymmetricKeys),
            ("CVE-2024-33663", Requirement::AsymmetricKeys),
            ("CVE-2024-33664", Requirement::JweDecryption),
            ("CVE-2017-11424", Requirement::AsymmetricKeys),
        ] {
            let advisory = advisories.iter().find(|a| a.id == id);
            assert!(advisory.is_some(), "{id} is listed");
            assert_eq!(
                advisory.map(|a| a.requires.clone()),
                Some(vec![requires]),
                "{id}: what it needs"
            );
        }
    }

    #[test]
    fn unknown_conditions_are_refused() {
        let entry = "[[advisory]]\nid = \"CVE-1\"\npackage = \"PyJWT\"\naffected = \"<2\"\nfixed = \"2\"\nsummary = \"s\"\nreference = \"https://x\"\nrequires = [\"moon-phase\"]\n";
        let Err(error) = parse(entry) else {
            panic!("an unknown condition is refused")
        };
        assert!(
            error.contains("CVE-1") && error.contains("moon-phase"),
            "{error}"
        );
        assert!(parse(&entry.replace("moon-phase", "jwe-decryption")).is_ok());
    }

    #[test]
    fn malformed_entries_are_refused_with_their_id() {
        let bad = "[[advisory]]\nid = \"CVE-1\"\npackage = \"PyJWT\"\naffected = \"<<2\"\nfixed = \"2\"\nsummary = \"s\"\nreference = \"https://x\"\n";
        let Err(error) = parse(bad) else {
            panic!("a malformed range is refused")
        };
        assert!(
            error.contains("CVE-1") && error.contains("affected"),
            "{error}"
        );
        let inside = bad.replace("<<2", "<3");
        assert!(parse(&inside).is_err());
    }
}
