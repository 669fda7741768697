//! Parsing and discovery of every manifest and lock format.

use std::fs;
use std::path::Path;

use super::*;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, text).expect("write");
}

/// A project in a temporary directory with a `.git` marker, so discovery stops there.
fn project(files: &[(&str, &str)]) -> (tempfile::TempDir, Dependencies) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join(".git")).expect("marker");
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    fs::create_dir_all(dir.path().join("app")).expect("app dir");
    let deps = Dependencies::discover([dir.path().join("app")]);
    (dir, deps)
}

fn allowed(deps: &Dependencies, dir: &Path, package: &str) -> Option<String> {
    let versions = deps.package_for(&dir.join("app"), package)?;
    versions.ranges.map(|r| r.to_string())
}

fn line_of(deps: &Dependencies, declaration: &Declaration) -> usize {
    deps.files[declaration.file]
        .file
        .position(declaration.range.start())
        .line
}

fn admits(deps: &Dependencies, dir: &Path, package: &str, version: &str) -> bool {
    let versions = deps
        .package_for(&dir.join("app"), package)
        .expect("declared");
    versions
        .ranges
        .expect("constrained")
        .contains(&super::version(version).expect("version"))
}

#[test]
fn requirements_with_includes_constraints_comments_markers_and_extras() {
    let (dir, deps) = project(&[
        (
            "requirements.txt",
            "# the app\n--index-url https://example.invalid/simple\n-r requirements/base.txt\n-c constraints.txt\nFlask[async]>=2.0 ; python_version >= \"3.8\"  # web\nPyJWT \\\n  >=1.5\n",
        ),
        (
            "requirements/base.txt",
            "itsdangerous==2.0.1 --hash=sha256:abc\n./vendored\n",
        ),
        ("constraints.txt", "pyjwt<2.4\n"),
    ]);
    assert!(deps.errors.is_empty(), "{:?}", deps.errors);
    assert!(admits(&deps, dir.path(), "flask", "2.3.0"));
    assert!(!admits(&deps, dir.path(), "Flask", "1.1.0"));
    assert!(admits(&deps, dir.path(), "PyJWT", "2.3.0"));
    assert!(
        !admits(&deps, dir.path(), "PyJWT", "2.4.0"),
        "the constraint narrows it"
    );
    assert!(!admits(&deps, dir.path(), "PyJWT", "1.4.0"));
    assert_eq!(
        allowed(&deps, dir.path(), "ItsDangerous").as_deref(),
        Some("2.0.1")
    );
    let versions = deps
        .package_for(&dir.path().join("app"), "flask")
        .expect("flask");
    let flask = versions.declarations[0];
    assert_eq!(line_of(&deps, flask), 5);
    assert_eq!(flask.context.as_deref(), Some("python_version >= \"3.8\""));
    let pyjwt = deps
        .package_for(&dir.path().join("app"), "pyjwt")
        .expect("pyjwt");
    let roles: Vec<Role> = pyjwt.declarations.iter().map(|d| d.role).collect();
    assert!(roles.contains(&Role::Constraint) && roles.contains(&Role::Requirement));
    // The continued line is placed on its first line.
    let requirement = pyjwt
        .declarations
        .iter()
        .find(|d| d.role == Role::Requirement)
        .expect("requirement");
    assert_eq!(line_of(&deps, requirement), 6);
}

#[test]
fn specifier_span_is_the_version_part() {
    let (_dir, deps) = project(&[(
        "requirements.txt",
        "PyJWT[crypto] == 1.7.1 ; python_version < '3'\n",
    )]);
    let declaration = &deps.declarations[0];
    let file = &deps.files[declaration.file];
    assert_eq!(
        file.file.slice(declaration.specifier.expect("specifier")),
        "== 1.7.1"
    );
}

#[test]
fn pyproject_pep621_optional_groups_and_poetry() {
    let (dir, deps) = project(&[(
        "pyproject.toml",
        r#"[project]
name = "app"
dependencies = [
    "Flask>=3",
    "PyJWT==1.7.1",
]
[project.optional-dependencies]
jose = ["python-jose[cryptography]<=3.3.0"]

[tool.poetry.dependencies]
python = "^3.10"
Flask-JWT-Extended = "^4.5"
authlib = { version = "~1.2", extras = ["client"] }
werkzeug = [{ version = "^2.3", python = "<3.12" }, { version = "^3.0", python = ">=3.12" }]
"#,
    )]);
    assert!(deps.errors.is_empty(), "{:?}", deps.errors);
    assert!(admits(&deps, dir.path(), "pyjwt", "1.7.1"));
    assert!(admits(&deps, dir.path(), "python_jose", "3.3.0"));
    assert!(admits(&deps, dir.path(), "flask-jwt-extended", "4.9.0"));
    assert!(!admits(&deps, dir.path(), "flask-jwt-extended", "5.0.0"));
    assert!(admits(&deps, dir.path(), "authlib", "1.2.9"));
    assert!(!admits(&deps, dir.path(), "authlib", "1.3.0"));
    let pyjwt = deps
        .package_for(&dir.path().join("app"), "pyjwt")
        .expect("pyjwt");
    assert_eq!(line_of(&deps, pyjwt.declarations[0]), 5);
    let jose = deps
        .package_for(&dir.path().join("app"), "python-jose")
        .expect("jose");
    assert_eq!(
        jose.declarations[0].context.as_deref(),
        Some("extra `jose`")
    );
}

#[test]
fn poetry_constraints_translate_to_pep440() {
    let check = |constraint: &str, inside: &[&str], outside: &[&str]| {
        let Ok(Allowed::Range(ranges)) = parse::poetry_ranges(constraint) else {
            panic!("{constraint} parses to a range");
        };
        for v in inside {
            assert!(
                ranges.contains(&version(v).expect("v")),
                "{constraint} admits {v}"
            );
        }
        for v in outside {
            assert!(
                !ranges.contains(&version(v).expect("v")),
                "{constraint} excludes {v}"
            );
        }
    };
    check("^1.2.3", &["1.2.3", "1.9"], &["1.2.2", "2.0.0", "2.0.0a1"]);
    check("^0.2.3", &["0.2.3", "0.2.9"], &["0.3.0"]);
    check("~1.2.3", &["1.2.9"], &["1.3.0"]);
    check("~1", &["1.9"], &["2.0"]);
    check(">=1.5,<2", &["1.5", "1.9"], &["2.0"]);
    check("1.7.1", &["1.7.1"], &["1.7.2"]);
    check("1.7.*", &["1.7.9"], &["1.8"]);
    check("^1.0 || ^3.0", &["1.5", "3.1"], &["2.0"]);
    // Poetry accepts a space after the operator (connexion's own pyproject does this).
    check(">= 2.4", &["2.4", "3.0"], &["2.3"]);
    check(">= 1.1.0, < 2", &["1.5"], &["1.0", "2.0"]);
    check("^ 1.2", &["1.9"], &["2.0"]);
    assert!(parse::poetry_ranges(">=").is_err());
    assert_eq!(parse::poetry_ranges("*"), Ok(Allowed::Any));
}

#[test]
fn setup_cfg_install_requires_and_extras() {
    let (dir, deps) = project(&[(
        "setup.cfg",
        "[metadata]\nname = app\n\n[options]\ninstall_requires =\n    Flask>=2\n    PyJWT<2  # old\npackages = find:\n\n[options.extras_require]\njose = python-jose>=3.4\n",
    )]);
    assert!(deps.errors.is_empty(), "{:?}", deps.errors);
    assert!(admits(&deps, dir.path(), "pyjwt", "1.7.1"));
    assert!(!admits(&deps, dir.path(), "pyjwt", "2.0.0"));
    assert!(admits(&deps, dir.path(), "python-jose", "3.4.0"));
    let pyjwt = deps
        .package_for(&dir.path().join("app"), "pyjwt")
        .expect("pyjwt");
    assert_eq!(line_of(&deps, pyjwt.declarations[0]), 7);
    assert_eq!(pyjwt.declarations[0].written, "PyJWT<2");
}

#[test]
fn pipfile_and_its_lock_which_wins() {
    let (dir, deps) = project(&[
        (
            "Pipfile",
            "[[source]]\nurl = \"https://pypi.org/simple\"\n\n[packages]\npyjwt = \">=1.5\"\nflask = \"*\"\nauthlib = {version = \"==1.2.0\", extras = [\"client\"]}\n",
        ),
        (
            "Pipfile.lock",
            "{\n    \"_meta\": {},\n    \"default\": {\n        \"pyjwt\": {\n            \"hashes\": [],\n            \"version\": \"==2.8.0\"\n        }\n    },\n    \"develop\": {}\n}\n",
        ),
    ]);
    assert!(deps.errors.is_empty(), "{:?}", deps.errors);
    assert_eq!(
        allowed(&deps, dir.path(), "pyjwt").as_deref(),
        Some("2.8.0")
    );
    let pyjwt = deps
        .package_for(&dir.path().join("app"), "pyjwt")
        .expect("pyjwt");
    let locked = pyjwt.locked.expect("locked");
    assert_eq!(line_of(&deps, locked), 6);
    // `*` says nothing about the version.
    assert_eq!(allowed(&deps, dir.path(), "flask"), None);
    assert!(admits(&deps, dir.path(), "authlib", "1.2.0"));
}

#[test]
fn poetry_and_uv_locks() {
    for lock in ["poetry.lock", "uv.lock"] {
        let (dir, deps) = project(&[
            ("requirements.txt", "PyJWT>=2\n"),
            (
                lock,
                "version = 1\n\n[[package]]\nname = \"flask\"\nversion = \"3.0.0\"\n\n[[package]]\nname = \"pyjwt\"\nversion = \"1.7.1\"\n",
            ),
        ]);
        assert!(deps.errors.is_empty(), "{lock}: {:?}", deps.errors);
        // The lock disagrees with the requirement and wins: it is what is installed.
        assert_eq!(
            allowed(&deps, dir.path(), "pyjwt").as_deref(),
            Some("1.7.1"),
            "{lock}"
        );
        let pyjwt = deps
            .package_for(&dir.path().join("app"), "pyjwt")
            .expect("pyjwt");
        assert_eq!(line_of(&deps, pyjwt.locked.expect("locked")), 9, "{lock}");
    }
}

#[test]
fn malformed_manifests_are_errors_with_file_and_line_and_the_rest_still_reads() {
    let (dir, deps) = project(&[
        (
            "requirements.txt",
            "Flask>=2\nPyJWT=>1.0\nitsdangerous==2.0.1\n-r missing.txt\n",
        ),
        ("pyproject.toml", "[project]\ndependencies = [\"a\",\n"),
    ]);
    let messages: Vec<String> = deps
        .errors
        .iter()
        .map(|e| {
            format!(
                "{}:{}: {}",
                e.path
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default(),
                e.position.map_or(0, |p| p.line),
                e.message
            )
        })
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("requirements.txt:2: `PyJWT=>1.0`")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("requirements.txt:4: cannot read")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("pyproject.toml:") && m.contains("not valid TOML")),
        "{messages:?}"
    );
    assert!(admits(&deps, dir.path(), "itsdangerous", "2.0.1"));
}

#[test]
fn discovery_stops_at_the_project_root_and_nearest_files_come_first() {
    let outer = tempfile::tempdir().expect("temp dir");
    write(outer.path(), "requirements.txt", "PyJWT==1.0.0\n");
    write(
        outer.path(),
        "svc/pyproject.toml",
        "[project]\ndependencies = [\"PyJWT>=2.4\"]\n",
    );
    fs::create_dir_all(outer.path().join("svc/app")).expect("mkdir");
    let deps = Dependencies::discover([outer.path().join("svc/app")]);
    // `svc/pyproject.toml` marks the root: the outer requirements file is another project's.
    assert!(
        deps.files
            .iter()
            .all(|f| !f.file.path.ends_with("requirements.txt"))
    );
    assert!(!admits_at(
        &deps,
        &outer.path().join("svc/app"),
        "pyjwt",
        "1.0.0"
    ));
}

fn admits_at(deps: &Dependencies, dir: &Path, package: &str, version: &str) -> bool {
    deps.package_for(dir, package)
        .and_then(|v| v.ranges)
        .is_some_and(|r| r.contains(&super::version(version).expect("version")))
}

#[test]
fn hostile_manifests_never_panic() {
    let huge = "PyJWT^18446744073709551615\n";
    let cases: &[(&str, &str)] = &[
        ("requirements.txt", "\\\n\\"),
        (
            "requirements.txt",
            "-r\n-c\n--requirement=\n#\n \t\n[x]\n==1\nPyJWT[\né==1\n",
        ),
        ("requirements.txt", "-r requirements.txt\n"),
        (
            "pyproject.toml",
            "[tool.poetry.dependencies]\npyjwt = \"^18446744073709551615\"\nx = \"~\"\ny = \"^\"\nz = 3\n",
        ),
        ("pyproject.toml", "project = 1\n[tool]\npoetry = []\n"),
        (
            "setup.cfg",
            "[options]\ninstall_requires = \n  \n  ;\n  é\n",
        ),
        (
            "Pipfile",
            "[packages]\na = 1\nb = {version = 2}\nc = \"=>\"\n",
        ),
        (
            "Pipfile.lock",
            "{\"default\": {\"é\": {\"version\": \"==x\"}, \"a\": 3}}",
        ),
        ("Pipfile.lock", "{\n"),
        ("uv.lock", "package = 3\n[[x]]\n"),
        (
            "poetry.lock",
            "[[package]]\nname = 1\nversion = \"not a version\"\n",
        ),
    ];
    for (name, text) in cases {
        let (dir, deps) = project(&[(name, text)]);
        let _ = deps.rows();
        let _ = deps.package_for(&dir.path().join("app"), "pyjwt");
    }
    let (_dir, deps) = project(&[(
        "pyproject.toml",
        &format!("[project]\ndependencies = [\"{}\"]\n", huge.trim()),
    )]);
    let _ = deps.rows();
}

#[test]
fn a_lock_is_read_for_the_tracked_packages_only() {
    let lock = "version = 1\n\n\
        [[package]]\nname = \"accessible-pygments\"\nversion = \"not a version\"\n\
        dependencies = [\n    { name = \"pyjwt\" },\n]\n\n\
        [[package]]\nname = \"PyJWT\"  \n\
        version = \"2.3.0\"\n\n\
        [package.extras]\ncrypto = [\"cryptography\"]\n\n\
        [[package]]\nname = \"broken\"\nversion = = \n\n\
        [[package]] # the token library again, badly written\nname = \"python-jose\"\nversion = \n\n\
        [metadata]\ncontent-hash = \"abc\"\n";
    let (dir, deps) = project(&[("poetry.lock", lock)]);
    let pyjwt = deps
        .package_for(&dir.path().join("app"), "pyjwt")
        .expect("pyjwt");
    let locked = pyjwt.locked.expect("locked");
    assert_eq!(line_of(&deps, locked), 12);
    assert_eq!(
        deps.files[locked.file].file.slice(locked.range),
        "\"2.3.0\""
    );
    // Untracked packages are not read, so their faults are none of flasklint's business; a
    // tracked package's fault is an error on its own line.
    assert_eq!(deps.errors.len(), 1, "{:?}", deps.errors);
    assert_eq!(deps.errors[0].position.map(|p| p.line), Some(23));
    assert!(deps.errors[0].message.contains("not valid TOML"));
    assert!(
        deps.package_for(&dir.path().join("app"), "python-jose")
            .is_none()
    );
}
