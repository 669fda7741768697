//! The pre-check: which files of a tree can matter, decided from their bytes before anything is
//! parsed.
//!
//! Most files of a large tree use neither Flask nor a token library, and nothing flasklint reports
//! can be in them; parsing them is most of what a run would cost. A file is analysed when
//! - it imports Flask, a Flask extension, connexion or a token library (`flask*`, `connexion`,
//!   `jwt`, `jose`, `authlib`,
//!   `itsdangerous`, anything with `jwt` in its name): the libraries every rule is about;
//! - it imports, directly or through other project modules, a file of the first kind: its names
//!   may be that file's app, blueprint, `jwt` alias or auth decorator;
//! - a file of those two kinds imports it (again transitively): helpers a view calls, config
//!   classes, constants;
//! - it names a setting a rule judges (`SECRET_KEY`, `*_SECRET_KEY`, `secret_key`, `DEBUG`, any
//!   `JWT_*` or `CORS_*` key, a credential-named setting such as `MAIL_PASSWORD`), writes a URL
//!   with a password, passes `password=`, calls `hmac` or `generate_password_hash("...")`:
//!   config modules loaded by path or by a string, connections made with credentials, accounts
//!   seeded with a password;
//! - it imports a settings reader (`decouple`, `environs`, `dotenv`, `pydantic_settings`);
//! - or the analysis of an analysed file asks for one of its names (`check.rs` loads those in
//!   further rounds, so name resolution never depends on this module getting an import right).
//!
//! Boundary: bytes in, facts out. Import statements are recognised line by line without a
//! tokenizer, so one inside a string counts too; that can only make more files analysed.
//! `tests/prefilter.rs` runs every fixture with the pre-check on and off and demands identical
//! findings.

use memchr::memmem;

/// What one file's bytes say.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FileScan {
    /// It imports a library flasklint models.
    pub uses_library: bool,
    /// It names a setting that the secret and debug rules judge. Only looked for in a file that
    /// uses no modelled library: one that does is analysed anyway, and in a Flask application,
    /// where nearly every file does, the search would cost without ever deciding anything.
    pub names_setting: bool,
    pub imports: Vec<ImportRef>,
}

/// One import statement's module and names, as written.
#[derive(Debug, PartialEq, Eq)]
pub struct ImportRef {
    /// Leading dots of a relative import; 0 for `import a.b` and `from a import b`.
    pub level: usize,
    /// `a.b` of `import a.b` / `from a.b import c`; empty for `from . import c`.
    pub module: String,
    /// `c` of `from a.b import c`; empty for `import a.b`.
    pub names: Vec<String>,
}

impl ImportRef {
    /// The absolute modules this import may load, given the importing file's package: the module
    /// and, for `from m import n`, the submodule `m.n`. `None` entries are relative imports that
    /// climb above the checked tree.
    pub fn targets(&self, package: &str) -> Vec<String> {
        let base = if self.level == 0 {
            self.module.clone()
        } else {
            let mut parts: Vec<&str> = package.split('.').filter(|p| !p.is_empty()).collect();
            for _ in 1..self.level {
                if parts.pop().is_none() {
                    return Vec::new();
                }
            }
            if !self.module.is_empty() {
                parts.push(&self.module);
            }
            parts.join(".")
        };
        let mut targets = Vec::new();
        if !base.is_empty() {
            targets.push(base.clone());
        }
        for name in &self.names {
            if name != "*" {
                targets.push(if base.is_empty() {
                    name.clone()
                } else {
                    crate::paths::dotted(&base, name)
                });
            }
        }
        targets
    }
}

/// Whether `module` (an absolute import) is a library flasklint's rules are about.
pub fn is_modelled_library(module: &str) -> bool {
    let top = module
        .split('.')
        .next()
        .unwrap_or(module)
        .to_ascii_lowercase();
    top.starts_with("flask")
        || top.contains("jwt")
        || matches!(
            top.as_str(),
            "jose"
                | "authlib"
                | "itsdangerous"
                | "jwcrypto"
                | "connexion"
                | "apiflask"
                | "quart"
                // Settings readers: the files that use them are settings modules.
                | "decouple"
                | "environs"
                | "dotenv"
                | "pydantic_settings"
        )
}

pub fn scan(bytes: &[u8]) -> FileScan {
    // A byte order mark would otherwise read as the start of an identifier.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let imports = imports(bytes);
    let uses_library = imports
        .iter()
        .any(|import| import.level == 0 && is_modelled_library(&import.module));
    FileScan {
        uses_library,
        names_setting: !uses_library && names_setting(bytes),
        imports,
    }
}

fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

/// Where the identifier (or identifier-like word in a string) around `at..at + len` starts and
/// ends.
fn word_bounds(bytes: &[u8], at: usize, len: usize) -> (usize, usize) {
    let mut start = at;
    while start > 0 && is_identifier_byte(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = at + len;
    while end < bytes.len() && is_identifier_byte(bytes[end]) {
        end += 1;
    }
    (start, end)
}

/// `SECRET_KEY`, `JWT_SECRET_KEY`, `app.secret_key`, `DEBUG`, `JWT_ACCESS_TOKEN_EXPIRES`,
/// `CORS_SUPPORTS_CREDENTIALS` set: assigned (`DEBUG = True`, `update(DEBUG=True)`,
/// `SECRET_KEY: str = ...`) or written as a key (`app.config["DEBUG"]`, `{"DEBUG": True}`).
/// Reading a setting (`settings.DEBUG`) is not setting it.
fn names_setting(bytes: &[u8]) -> bool {
    // Each test implies its word holds the test's pattern, so one match anywhere in a word is
    // enough to judge the whole word by every test.
    SETTING_WORDS.find_iter(bytes).any(|found| {
        let (start, end) = word_bounds(bytes, found.start(), found.len());
        let word = &bytes[start..end];
        SETTING_PATTERNS.iter().any(|(_, holds)| holds(word)) && is_set(bytes, start, end)
    }) || names_credential(bytes)
}

/// Whether a whole word (`MAIL_PASSWORD`) is one a test looks for.
type WordTest = fn(&[u8]) -> bool;

/// The words `names_setting` looks for, each with the test the whole word around it must pass:
/// the settings the rules read, then the credential words FL305 judges (a credential-named
/// upper-case setting: `MAIL_PASSWORD =`, `STRIPE_API_KEY:`).
const SETTING_PATTERNS: &[(&str, WordTest)] = &[
    ("SECRET_KEY", |word| word.ends_with(b"SECRET_KEY")),
    ("secret_key", |word| word.ends_with(b"secret_key")),
    ("DEBUG", |word| word == b"DEBUG"),
    ("JWT_", |word| word.starts_with(b"JWT_")),
    ("CORS_", |word| word.starts_with(b"CORS_")),
    ("PASS", names_a_credential_setting),
    ("TOKEN", names_a_credential_setting),
    ("SECRET", names_a_credential_setting),
    ("KEY", names_a_credential_setting),
    ("SALT", names_a_credential_setting),
    ("PWD", names_a_credential_setting),
    ("PEPPER", names_a_credential_setting),
];

/// `SETTING_PATTERNS` found in one pass over a file, instead of one search per word.
static SETTING_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(SETTING_PATTERNS.iter().map(|(pattern, _)| pattern))
            .expect("the setting patterns are plain words")
    });

/// An upper-case word ending in a credential's name: `MAIL_PASSWORD`, `STRIPE_API_KEY`.
fn names_a_credential_setting(word: &[u8]) -> bool {
    const SUFFIXES: &[&[u8]] = &[
        b"PASSWORD",
        b"PASSWD",
        b"_PASS",
        b"_PWD",
        b"API_KEY",
        b"APIKEY",
        b"_API_SECRET",
        b"TOKEN",
        b"SECRET",
        b"_PRIVATE_KEY",
        b"_ACCESS_KEY",
        b"_AUTH_KEY",
        b"_SALT",
        b"PEPPER",
    ];
    word.iter().all(|b| !b.is_ascii_lowercase())
        && SUFFIXES.iter().any(|suffix| word.ends_with(suffix))
}

/// A credential FL305 judges that is no setting's name: a URL with a password in it
/// (`://user:pw@`), a `password=` keyword of a connection library, a key handed to `hmac`, or
/// a literal password hashed for an account.
fn names_credential(bytes: &[u8]) -> bool {
    memmem::find_iter(bytes, b"://").any(|at| {
        let tail = &bytes[at + 3..bytes.len().min(at + 3 + 256)];
        let end = tail
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b' ' | b'\n' | b'/'))
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        authority.contains(&b'@') && authority.contains(&b':')
    }) || ((memmem::find(bytes, b"password=").is_some()
        || memmem::find(bytes, b"passwd=").is_some())
        && names_connection_library(bytes))
        || memmem::find(bytes, b"hmac.").is_some()
        // An account given a literal password (FL305): a seed script using only werkzeug. Not
        // `set_password("...")`, which Django's test suites call by the dozen on its own
        // models; a seed script setting one imports the app's models, which brings it in.
        || memmem::find_iter(bytes, b"generate_password_hash(")
            .any(|at| matches!(bytes.get(at + 23), Some(b'"' | b'\'')))
}

/// Whether the file names a library whose connections FL305 judges (`model::config`'s
/// connection calls): a `password=` elsewhere (Django's forms and auth, test fixtures) is no
/// credential of a connection, and would make most files of a large tree look relevant.
fn names_connection_library(bytes: &[u8]) -> bool {
    [
        b"sqlalchemy".as_slice(),
        b"psycopg",
        b"pymysql",
        b"MySQLdb",
        b"mysql",
        b"asyncpg",
        b"redis",
        b"pymongo",
        b"motor",
        b"celery",
        b"Celery",
    ]
    .iter()
    .any(|name| memmem::find(bytes, name).is_some())
}

/// Whether the word at `start..end` is assigned, passed as a keyword, annotated, or quoted.
fn is_set(bytes: &[u8], start: usize, end: usize) -> bool {
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let quoted = matches!(before, Some(b'"' | b'\'')) && bytes.get(end) == before.as_ref();
    let mut next = end;
    while bytes.get(next).is_some_and(|b| *b == b' ' || *b == b'\t') {
        next += 1;
    }
    let assigned = match bytes.get(next) {
        Some(b'=') => bytes.get(next + 1) != Some(&b'='),
        Some(b':') => true,
        _ => false,
    };
    quoted || assigned
}

/// Every `import` and `from ... import` statement, at any indentation, after a `;` or a `:`.
pub fn imports(bytes: &[u8]) -> Vec<ImportRef> {
    let mut found = Vec::new();
    for at in memmem::find_iter(bytes, b"import") {
        let after = at + b"import".len();
        if (at > 0 && is_identifier_byte(bytes[at - 1]))
            || bytes.get(after).is_some_and(|b| is_identifier_byte(*b))
        {
            continue;
        }
        let mut line_start = bytes[..at]
            .iter()
            .rposition(|b| matches!(b, b'\n' | b'\r' | b';'))
            .map_or(0, |p| p + 1);
        // `from a.b\` + newline + `    .c import d`: the statement began on an earlier line.
        while line_start > 0 && continues_previous_line(&bytes[..line_start]) {
            line_start = bytes[..line_start - 1]
                .iter()
                .rposition(|b| matches!(b, b'\n' | b';'))
                .map_or(0, |p| p + 1);
        }
        let joined = join_continued_lines(&bytes[line_start..at]);
        let mut head = trim(&joined);
        if head.contains(&b'#') {
            continue;
        }
        // `if TYPE_CHECKING: import x`, `try: from a import b`
        if !head.is_empty()
            && !head.starts_with(b"from")
            && let Some(colon) = head.iter().rposition(|b| *b == b':')
        {
            head = trim(&head[colon + 1..]);
        }
        if head.is_empty() {
            let statement = statement_tail(bytes, after);
            for item in split_items(statement) {
                let module = first_word(item);
                if !module.is_empty() {
                    found.push(ImportRef {
                        level: 0,
                        module,
                        names: Vec::new(),
                    });
                }
            }
        } else if let Some(rest) = head.strip_prefix(b"from")
            && rest.first().is_some_and(|b| b.is_ascii_whitespace())
        {
            let module_text = trim(rest);
            let level = module_text.iter().take_while(|b| **b == b'.').count();
            let module = String::from_utf8_lossy(trim(&module_text[level..])).into_owned();
            if module
                .bytes()
                .any(|b| !(is_identifier_byte(b) || b == b'.'))
            {
                continue;
            }
            let names = split_items(statement_tail(bytes, after))
                .into_iter()
                .map(first_word)
                .filter(|name| !name.is_empty())
                .collect();
            found.push(ImportRef {
                level,
                module,
                names,
            });
        }
    }
    found
}

/// Whether the line that ends just before `before`'s end ends with a backslash continuation.
fn continues_previous_line(before: &[u8]) -> bool {
    let text = before.strip_suffix(b"\n").unwrap_or(before);
    let text = text.strip_suffix(b"\r").unwrap_or(text);
    text.len() < before.len() && text.ends_with(b"\\")
}

/// A statement's lines with their backslash continuations and indentation removed.
fn join_continued_lines(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut index = 0;
    while index < text.len() {
        if text[index] == b'\\' && matches!(text.get(index + 1), Some(b'\n' | b'\r')) {
            index += 1;
            while index < text.len() && text[index].is_ascii_whitespace() {
                index += 1;
            }
            continue;
        }
        out.push(text[index]);
        index += 1;
    }
    out
}

fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != b'\\')
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !b.is_ascii_whitespace() && *b != b'\\')
        .map_or(start, |p| p + 1);
    &bytes[start..end.max(start)]
}

/// The rest of a statement from `start`: up to the end of the line, or to the closing
/// parenthesis of `(a, b)` across lines, following backslash continuations; a comment ends it.
fn statement_tail(bytes: &[u8], start: usize) -> &[u8] {
    let mut depth = 0usize;
    let mut index = start;
    while index < bytes.len() {
        match bytes[index] {
            b'(' => depth += 1,
            b')' => {
                if depth <= 1 {
                    return &bytes[start..index];
                }
                depth -= 1;
            }
            b'\\'
                if bytes
                    .get(index + 1)
                    .is_some_and(|b| matches!(b, b'\n' | b'\r')) =>
            {
                index += 1;
            }
            b'#' if depth == 0 => return &bytes[start..index],
            b'\n' | b'\r' | b';' if depth == 0 => return &bytes[start..index],
            _ => {}
        }
        index += 1;
    }
    &bytes[start..]
}

/// `a.b as c, (d as e)` -> `a.b as c`, `d as e`; a comment inside parentheses ends its line only.
fn split_items(statement: &[u8]) -> Vec<&[u8]> {
    let mut items = Vec::new();
    for line in statement.split(|b| matches!(b, b'\n' | b'\r')) {
        let line = match line.iter().position(|b| *b == b'#') {
            Some(comment) => &line[..comment],
            None => line,
        };
        for item in line.split(|b| *b == b',') {
            let item: &[u8] = trim(item);
            let item = item.strip_prefix(b"(").unwrap_or(item);
            let item = trim(item);
            if !item.is_empty() {
                items.push(item);
            }
        }
    }
    items
}

/// The dotted name an item starts with: `a.b` of `a.b as c`.
fn first_word(item: &[u8]) -> String {
    let end = item
        .iter()
        .position(|b| !(is_identifier_byte(*b) || *b == b'.' || *b == b'*'))
        .unwrap_or(item.len());
    String::from_utf8_lossy(&item[..end]).into_owned()
}

/// A file's pre-check verdict and its imports, resolved to files of the run.
#[derive(Debug, Default)]
pub struct FileLinks {
    pub uses_library: bool,
    pub names_setting: bool,
    /// The files its imports name (as the byte scan reads them).
    pub imports: Vec<usize>,
}

/// Which files are analysed: see the module documentation. `None`: a file that could not be
/// read.
pub fn relevant_files(links: &[Option<FileLinks>]) -> Vec<bool> {
    let count = links.len();
    let mut importers: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (file, link) in links.iter().enumerate() {
        for &imported in link.iter().flat_map(|l| &l.imports) {
            if imported != file && imported < count {
                importers[imported].push(file);
            }
        }
    }
    // Files that use a library, and those that import one of them, transitively.
    let mut library_side = vec![false; count];
    let mut stack: Vec<usize> = (0..count)
        .filter(|&file| links[file].as_ref().is_some_and(|l| l.uses_library))
        .collect();
    while let Some(file) = stack.pop() {
        if std::mem::replace(&mut library_side[file], true) {
            continue;
        }
        stack.extend(importers[file].iter().copied());
    }
    // And everything those import, transitively.
    let mut relevant = vec![false; count];
    let mut stack: Vec<usize> = (0..count).filter(|&file| library_side[file]).collect();
    while let Some(file) = stack.pop() {
        if file >= count || std::mem::replace(&mut relevant[file], true) {
            continue;
        }
        stack.extend(links[file].iter().flat_map(|l| l.imports.iter().copied()));
    }
    for (file, link) in links.iter().enumerate() {
        if link.as_ref().is_some_and(|l| l.names_setting) {
            relevant[file] = true;
        }
    }
    relevant
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modules(text: &str) -> Vec<(usize, String, Vec<String>)> {
        imports(text.as_bytes())
            .into_iter()
            .map(|i| (i.level, i.module, i.names))
            .collect()
    }

    fn owned(names: &[&str]) -> Vec<String> {
        names.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn reads_every_import_shape() {
        let text = "import os, jwt as pyjwt\n\
                    from flask import (\n    Flask,  # the app\n    jsonify as j,\n)\n\
                    from .. import auth\n\
                    from .config import Config\n\
                    x = 1; import a.b.c\n\
                    if TYPE_CHECKING: from typing import Any\n\
                    from m import \\\n    n\n\
                    def f():\n    from werkzeug.security import check_password_hash\n";
        assert_eq!(
            modules(text),
            vec![
                (0, "os".into(), vec![]),
                (0, "jwt".into(), vec![]),
                (0, "flask".into(), owned(&["Flask", "jsonify"])),
                (2, String::new(), owned(&["auth"])),
                (1, "config".into(), owned(&["Config"])),
                (0, "a.b.c".into(), vec![]),
                (0, "typing".into(), owned(&["Any"])),
                (0, "m".into(), owned(&["n"])),
                (
                    0,
                    "werkzeug.security".into(),
                    owned(&["check_password_hash"])
                ),
            ]
        );
    }

    #[test]
    fn reads_a_module_name_continued_over_lines() {
        // pgAdmin writes long module paths with backslash continuations.
        let text = "from pgadmin.browser.schemas\\\n    .tables.base_partition_table import BasePartitionTable\n\
                    from a.b \\\r\n  import c\n";
        assert_eq!(
            modules(text),
            vec![
                (
                    0,
                    "pgadmin.browser.schemas.tables.base_partition_table".to_string(),
                    owned(&["BasePartitionTable"])
                ),
                (0, "a.b".to_string(), owned(&["c"])),
            ]
        );
    }

    #[test]
    fn ignores_words_that_are_not_import_statements() {
        assert!(
            modules(
                "importlib.import_module('x')\nreimport = 1\n# see: import x\nprint('import')\n"
            )
            .is_empty()
        );
    }

    #[test]
    fn relative_targets_climb_from_the_package() {
        let import = ImportRef {
            level: 2,
            module: "core".into(),
            names: owned(&["auth"]),
        };
        assert_eq!(
            import.targets("app.api"),
            owned(&["app.core", "app.core.auth"])
        );
        let above = ImportRef {
            level: 3,
            module: String::new(),
            names: owned(&["x"]),
        };
        assert!(above.targets("app").is_empty());
    }

    #[test]
    fn libraries_and_settings() {
        assert!(scan(b"from flask_jwt_extended import jwt_required\n").uses_library);
        assert!(scan(b"import jwt\n").uses_library);
        assert!(scan(b"\xef\xbb\xbfimport jwt\n").uses_library);
        assert!(scan(b"from jose import jwt\n").uses_library);
        assert!(!scan(b"from .flask_helpers import x\nimport json\n").uses_library);
        assert!(!scan(b"# uses flask\ntext = 'import flask'\n").uses_library);
        assert!(scan(b"class Config:\n    SECRET_KEY = 'x'\n").names_setting);
        assert!(scan(b"app.secret_key = k\n").names_setting);
        assert!(scan(b"app.config['DEBUG'] = True\n").names_setting);
        assert!(scan(b"JWT_ACCESS_TOKEN_EXPIRES = 60\n").names_setting);
        assert!(scan(b"CORS_SUPPORTS_CREDENTIALS = True\n").names_setting);
        assert!(scan(b"app.config.update(JWT_SECRET_KEY=key)\n").names_setting);
        assert!(scan(b"class C:\n    SECRET_KEY: str = 'x'\n").names_setting);
        assert!(scan(b"{'DEBUG': True}\n").names_setting);
        assert!(!scan(b"SYMPY_DEBUG = True\nlogger.debug('x')\nSECRET_KEYS = []\n").names_setting);
        // Analysed for its import whatever it sets.
        let flask_config = scan(b"import flask\nSECRET_KEY = 'x'\n");
        assert!(flask_config.uses_library && !flask_config.names_setting);
        assert!(
            !scan(b"if settings.DEBUG == True:\n    sign(settings.SECRET_KEY)\n").names_setting
        );
    }

    #[test]
    fn relevance_follows_imports_both_ways() {
        let link = |imports: Vec<usize>, uses_library| {
            Some(FileLinks {
                uses_library,
                names_setting: false,
                imports,
            })
        };
        // 0 uses flask; 1 imports 0 and 2; 3 imports 2 only; 4 is unrelated; 5 is unreadable.
        let links = vec![
            link(vec![], true),
            link(vec![0, 2], false),
            link(vec![], false),
            link(vec![2], false),
            link(vec![], false),
            None,
        ];
        assert_eq!(
            relevant_files(&links),
            vec![true, true, true, false, false, false]
        );
    }
}
