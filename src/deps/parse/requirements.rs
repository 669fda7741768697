//! pip requirements files, read the way pip reads them (pip's "Requirements File Format" and
//! `req_file.py` / `constructors.py`): physical lines joined at a trailing `\` (not after a
//! comment), `#` comments at the start of a line or after whitespace removed, `${VAR}` expanded
//! from the environment, then each line split into a requirement and the options after it.
//!
//! Every form pip installs is read or deliberately skipped, never reported as an error:
//!
//! - `name[extras] specifiers ; markers`, `name @ url`: PEP 508, through `pep508_rs`;
//! - a wheel file or URL (`./dist/PyJWT-1.7.1-py3-none-any.whl`): the file name is the
//!   package and its exact version, as pip reads it;
//! - an archive or VCS URL, `-e` included: the package named by `#egg=name`, version unknown;
//!   without `#egg=` pip learns the name from the project it downloads, which a linter cannot:
//!   skipped, with a note;
//! - a local project path (`.`, `./vendored`, `-e ../lib`): skipped, with a note;
//! - `-r` / `-c` includes (a URL include is skipped, with a note), and pip's other options
//!   (`--index-url`, `--hash`, `--pre`, ...), which declare no package;
//! - a `${VAR}` that is not set here, or template markup (`{{ cookiecutter.x }}`), in a line that
//!   then does not parse: skipped, with a note (pip would see the value; flasklint cannot).
//!
//! Only a line pip itself would refuse (`PyJWT=>1.0`, an unreadable wheel name) is an error.

use std::path::Path;

use ruff_text_size::TextRange;
use version_ranges::Ranges;

use super::super::{Allowed, Role};
use super::{Reader, has_template_markup, offset, range};

/// pip's `is_url` schemes: plain URLs and every VCS scheme pip's backends register.
const URL_SCHEMES: &[&str] = &[
    "http",
    "https",
    "file",
    "ftp",
    "git",
    "git+http",
    "git+https",
    "git+ssh",
    "git+git",
    "git+file",
    "hg+file",
    "hg+http",
    "hg+https",
    "hg+ssh",
    "hg+static-http",
    "svn",
    "svn+ssh",
    "svn+http",
    "svn+https",
    "svn+svn",
    "svn+file",
    "bzr+http",
    "bzr+https",
    "bzr+ssh",
    "bzr+sftp",
    "bzr+ftp",
    "bzr+lp",
    "bzr+file",
];

/// pip's archive extensions (`pip._internal.utils.filetypes`).
const ARCHIVE_EXTENSIONS: &[&str] = &[
    ".zip",
    ".whl",
    ".tar.bz2",
    ".tbz",
    ".tar.xz",
    ".txz",
    ".tlz",
    ".tar.lz",
    ".tar.lzma",
    ".tar.gz",
    ".tgz",
    ".tar",
];

/// pip's options that take a value and declare no package, long and short spelling
/// (`req_file.SUPPORTED_OPTIONS`, and the per-requirement ones, which pip ignores on a line
/// without a requirement).
const OPTIONS_WITH_VALUE: &[(&str, Option<&str>)] = &[
    ("--index-url", Some("-i")),
    ("--extra-index-url", None),
    ("--find-links", Some("-f")),
    ("--no-binary", None),
    ("--only-binary", None),
    ("--trusted-host", None),
    ("--use-feature", None),
    ("--hash", None),
    ("--global-option", None),
    ("--config-settings", None),
    ("--install-option", None),
];

/// pip's options that are flags.
const FLAG_OPTIONS: &[&str] = &["--no-index", "--prefer-binary", "--require-hashes", "--pre"];

/// One logical line: physical lines joined at `\`, comment removed, trimmed.
struct LogicalLine {
    /// Byte offset of its first physical line.
    start: usize,
    /// End of its first physical line (without the line break): where findings are shown.
    first_line_end: usize,
    text: String,
    /// Where `text` is written verbatim in the file (a single physical line); `None` for a
    /// joined line, whose text appears nowhere as such.
    verbatim_at: Option<usize>,
}

/// pip's `COMMENT_RE`, `(^|\s+)#.*$`: where the comment starts, whitespace before it included.
fn comment_cut(line: &str) -> Option<usize> {
    let hash = line
        .match_indices('#')
        .map(|(at, _)| at)
        .find(|&at| at == 0 || line[..at].ends_with(|c: char| c.is_whitespace()))?;
    Some(line[..hash].trim_end().len())
}

/// pip's `preprocess`: `join_lines` then `ignore_comments` (expansion happens per line later).
fn logical_lines(text: &str) -> Vec<LogicalLine> {
    let mut out = Vec::new();
    let mut joined: Option<(usize, usize, String)> = None;
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let start = at;
        at += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        // pip's `COMMENT_RE.match`: anchored, so only a line that is all comment; a comment
        // line never continues, while `pkg  # note \` does (and its comment swallows the next
        // line, as in pip).
        let comment_only = line.trim_start().starts_with('#');
        if line.ends_with('\\') && !comment_only {
            let piece = line.trim_matches('\\');
            match &mut joined {
                Some((_, _, so_far)) => so_far.push_str(piece),
                None => joined = Some((start, start + line.len(), piece.to_string())),
            }
            continue;
        }
        let (start, first_line_end, full, single) = match joined.take() {
            Some((first, first_end, mut so_far)) => {
                // pip puts a space before a comment line that ends a continuation, so the
                // comment is still recognised after joining.
                if comment_only {
                    so_far.push(' ');
                }
                so_far.push_str(line);
                (first, first_end, so_far, false)
            }
            None => (start, start + line.len(), line.to_string(), true),
        };
        if let Some(logical) = finish(start, first_line_end, &full, single) {
            out.push(logical);
        }
    }
    // A last line ending in `\`.
    if let Some((first, first_end, so_far)) = joined
        && let Some(logical) = finish(first, first_end, &so_far, false)
    {
        out.push(logical);
    }
    out
}

fn finish(start: usize, first_line_end: usize, full: &str, single: bool) -> Option<LogicalLine> {
    let code = match comment_cut(full) {
        Some(cut) => &full[..cut],
        None => full,
    };
    let leading = code.len() - code.trim_start().len();
    let text = code.trim();
    if text.is_empty() {
        return None;
    }
    Some(LogicalLine {
        start,
        first_line_end,
        text: text.to_string(),
        verbatim_at: single.then_some(start + leading),
    })
}

/// pip's `expand_env_variables`: `${NAME}` (uppercase letters, digits, `_`) becomes the
/// variable's value when it is set and not empty; anything else stays as written.
fn expand_variables(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find("${") {
        out.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        if !name.is_empty() && after[name_len..].starts_with('}') {
            match std::env::var(name) {
                Ok(value) if !value.is_empty() => out.push_str(&value),
                _ => out.push_str(&rest[open..open + 3 + name_len]),
            }
            rest = &after[name_len + 1..];
        } else {
            out.push_str("${");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The `${NAME}` references left in `text` (unset variables).
fn unexpanded_variables(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("${") {
        let after = &rest[open + 2..];
        match after.find('}') {
            Some(close) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

/// pip's `is_url`: a scheme pip knows before the first `:`.
fn is_url(text: &str) -> bool {
    text.split_once(':').is_some_and(|(scheme, _)| {
        URL_SCHEMES
            .iter()
            .any(|known| scheme.eq_ignore_ascii_case(known))
    })
}

/// pip's `_looks_like_path`: a path separator, or a leading `.`.
fn looks_like_path(text: &str) -> bool {
    text.contains('/') || text.contains('\\') || text.starts_with('.')
}

fn is_archive(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    ARCHIVE_EXTENSIONS.iter().any(|ext| lower.ends_with(ext))
}

/// pip's `_strip_extras`: `path[extra1,extra2]` without the extras.
fn strip_extras(text: &str) -> &str {
    if text.ends_with(']')
        && let Some(open) = text.rfind('[')
        && open > 0
    {
        return &text[..open];
    }
    text
}

/// The last path segment of a URL or path, without query and fragment.
fn file_name_of(location: &str) -> &str {
    let without_fragment = location.split('#').next().unwrap_or(location);
    let without_query = without_fragment
        .split('?')
        .next()
        .unwrap_or(without_fragment);
    without_query
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(without_query)
}

/// pip's `Link.egg_fragment`: the project named by `#egg=name` (extras dropped).
fn egg_fragment(location: &str) -> Option<&str> {
    let (_, fragment) = location.split_once('#')?;
    let value = fragment
        .split('&')
        .find_map(|part| part.strip_prefix("egg="))?;
    let name = value.split('[').next().unwrap_or(value).trim();
    (!name.is_empty()).then_some(name)
}

/// A wheel file name's distribution and version (the binary distribution format's
/// `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`), as pip's `Wheel` reads it.
fn wheel_name_version(file_name: &str) -> Option<(String, String)> {
    let stem = file_name.strip_suffix(".whl")?;
    let parts: Vec<&str> = stem.split('-').collect();
    if !(parts.len() == 5 || parts.len() == 6) || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    if parts.len() == 6 && !parts[2].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((parts[0].replace('_', "-"), parts[1].replace('_', "-")))
}

/// pip's `break_args_options`: the requirement is every space-separated token before the first
/// one starting with `-`; the rest are options.
fn split_options(text: &str) -> (&str, &str) {
    let mut at = 0;
    for token in text.split(' ') {
        if token.starts_with('-') {
            return (text[..at].trim_end(), &text[at..]);
        }
        at += token.len() + 1;
    }
    (text.trim_end(), "")
}

/// Splits an options string into words as `shlex.split` does for the simple cases pip sees:
/// whitespace separates, single and double quotes group.
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => current.push(c),
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                in_word = true;
            }
            None if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut current));
                    in_word = false;
                }
            }
            None => {
                current.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(current);
    }
    words
}

/// An option word and its value: `-r file`, `-rfile`, `--requirement=file`,
/// `--requirement file` (taking the next word).
fn option_value<'w>(
    word: &'w str,
    long: &str,
    short: Option<&str>,
    next: &mut impl Iterator<Item = &'w String>,
) -> Option<Option<&'w str>> {
    if word == long || short == Some(word) {
        return Some(next.next().map(String::as_str));
    }
    if let Some(value) = word.strip_prefix(long).and_then(|r| r.strip_prefix('=')) {
        return Some(Some(value));
    }
    if let Some(short) = short
        && let Some(value) = word.strip_prefix(short)
        && !value.is_empty()
    {
        return Some(Some(value.trim_start_matches('=')));
    }
    None
}

impl Reader<'_> {
    /// `requirements*.txt` and the files they include.
    pub(super) fn requirements(&mut self) {
        let file = self.file;
        let dir = file
            .file
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        for line in logical_lines(&file.file.text) {
            let expanded = expand_variables(&line.text);
            let verbatim_at = line.verbatim_at.filter(|_| expanded == line.text);
            let line_number = file.file.position(offset(line.start)).line;
            let counts = (
                self.out.declarations.len(),
                self.out.errors.len(),
                self.out.skipped.len(),
            );
            let (requirement, options) = split_options(&expanded);
            if requirement.is_empty() {
                self.option_line(&line, &expanded, options, &dir, line_number);
            } else {
                self.requirement_line(&line, requirement, verbatim_at);
            }
            self.tidy_line(&line, &expanded, counts);
        }
    }

    /// What the declarations, errors and notes of one line show: the line as written, never
    /// the values of the variables expanded in it (a `${TOKEN}` in an index URL must not reach
    /// a CI log), one space where a joined line had indentation, and, for a joined line, a
    /// range on its first physical line, where its finding is shown.
    fn tidy_line(&mut self, line: &LogicalLine, expanded: &str, counts: (usize, usize, usize)) {
        let (declarations, errors, skipped) = counts;
        let joined = line.verbatim_at.is_none();
        let (written_requirement, _) = split_options(&line.text);
        let (expanded_requirement, _) = split_options(expanded);
        let unexpand = |text: &str| -> String {
            if expanded == line.text {
                return text.to_string();
            }
            text.replace(expanded, &line.text)
                .replace(expanded_requirement, written_requirement)
        };
        for declaration in &mut self.out.declarations[declarations..] {
            let mut written = unexpand(&declaration.written);
            if joined {
                written = written.split_whitespace().collect::<Vec<_>>().join(" ");
                let end = declaration.range.end().min(offset(line.first_line_end));
                declaration.range = TextRange::new(
                    declaration.range.start(),
                    end.max(declaration.range.start()),
                );
            }
            declaration.written = written;
            if let Some(context) = &declaration.context {
                declaration.context = Some(unexpand(context));
            }
        }
        for error in &mut self.out.errors[errors..] {
            error.message = unexpand(&error.message);
        }
        for note in &mut self.out.skipped[skipped..] {
            note.message = unexpand(&note.message);
        }
    }

    /// A line of options only: includes, editables, index and build options.
    fn option_line(
        &mut self,
        line: &LogicalLine,
        expanded: &str,
        options: &str,
        dir: &Path,
        line_number: usize,
    ) {
        let words = words(options);
        let mut iter = words.iter();
        while let Some(word) = iter.next() {
            let word = word.as_str();
            if let Some(value) = option_value(word, "--requirement", Some("-r"), &mut iter) {
                self.include(line, expanded, value, dir, line_number, self.role);
            } else if let Some(value) = option_value(word, "--constraint", Some("-c"), &mut iter) {
                self.include(line, expanded, value, dir, line_number, Role::Constraint);
            } else if let Some(value) = option_value(word, "--editable", Some("-e"), &mut iter) {
                match value {
                    Some(target) => self.editable(line, target),
                    None => self.error(line.start, format!("`{expanded}`: `-e` needs a value")),
                }
            } else if OPTIONS_WITH_VALUE
                .iter()
                .any(|(long, short)| option_value(word, long, *short, &mut iter).is_some())
            {
                // An index, a hash, a build option: nothing about which versions are allowed.
            } else if !FLAG_OPTIONS.contains(&word) {
                self.skip(
                    line.start,
                    expanded,
                    &format!("`{word}` is not an option flasklint knows"),
                );
                return;
            }
        }
    }

    fn include(
        &mut self,
        line: &LogicalLine,
        expanded: &str,
        value: Option<&str>,
        dir: &Path,
        line_number: usize,
        role: Role,
    ) {
        let Some(target) = value else {
            self.error(line.start, format!("`{expanded}`: the option needs a file"));
            return;
        };
        if is_url(target) {
            self.skip(
                line.start,
                expanded,
                "an include fetched from a URL is not read (flasklint reads local files only)",
            );
            return;
        }
        if !unexpanded_variables(target).is_empty() {
            self.skip(
                line.start,
                expanded,
                &format!(
                    "it names the environment variable {}, which is not set here",
                    variables_list(target)
                ),
            );
            return;
        }
        self.out
            .includes
            .push((dir.join(target), line_number, role));
    }

    /// `-e <vcs url>#egg=name` declares `name`; a local path or a URL without `#egg=` names no
    /// package flasklint can look up.
    fn editable(&mut self, line: &LogicalLine, target: &str) {
        let location = strip_extras(target);
        if is_url(location) {
            match egg_fragment(location) {
                Some(name) => self.declare_any(line, name, target),
                None => self.skip(
                    line.start,
                    &line.text,
                    "an editable URL without `#egg=name`: pip learns the name from the checkout",
                ),
            }
        } else {
            self.skip(
                line.start,
                &line.text,
                "a local project: its name and version are in its own files, not here",
            );
        }
    }

    /// A requirement line (options after it removed), as pip's `parse_req_from_line` reads it.
    fn requirement_line(
        &mut self,
        line: &LogicalLine,
        requirement: &str,
        verbatim_at: Option<usize>,
    ) {
        if has_template_markup(requirement) {
            self.skip_template(line.start, requirement);
            return;
        }
        let url = is_url(requirement);
        let separator = if url { "; " } else { ";" };
        let (head, marker) = match requirement.split_once(separator) {
            Some((head, marker)) => (head.trim(), Some(marker.trim())),
            None => (requirement.trim(), None),
        };
        let location = strip_extras(head);
        // `name @ ./x.whl`: the part before `@` is a name, so this is PEP 508.
        let named_url = head
            .split_once('@')
            .is_some_and(|(before, _)| !looks_like_path(before));
        let link = if url {
            Some(head)
        } else if is_archive(location) && !named_url {
            Some(location)
        } else if looks_like_path(head) && !named_url {
            self.skip(
                line.start,
                requirement,
                "a local project: its name and version are in its own files, not here",
            );
            return;
        } else {
            None
        };
        let context = marker.filter(|m| !m.is_empty()).map(str::to_string);
        if let Some(location) = link {
            self.link(line, requirement, location, context);
            return;
        }
        let before_errors = self.out.errors.len();
        let start = verbatim_at.unwrap_or(line.start);
        self.requirement(requirement, start, None, verbatim_at.is_some());
        if self.out.errors.len() > before_errors && !unexpanded_variables(requirement).is_empty() {
            // pip would have expanded the variable where it runs; here it is unknown.
            self.out.errors.truncate(before_errors);
            self.skip(
                line.start,
                requirement,
                &format!(
                    "it names the environment variable {}, which is not set here",
                    variables_list(requirement)
                ),
            );
        }
    }

    /// A URL or archive path: a wheel names its package and version, anything else only
    /// through `#egg=`.
    fn link(&mut self, line: &LogicalLine, written: &str, location: &str, context: Option<String>) {
        let file_name = file_name_of(location);
        if file_name.to_ascii_lowercase().ends_with(".whl") {
            let Some((name, version)) = wheel_name_version(file_name) else {
                self.error(
                    line.start,
                    format!("`{written}`: `{file_name}` is not a valid wheel file name"),
                );
                return;
            };
            match super::super::version(&version) {
                Ok(parsed) => {
                    // pip installs a wheel as `name==version`; that is what it declares.
                    let from = format!("from `{location}`");
                    let context = Some(match context {
                        Some(marker) => format!("{from}; {marker}"),
                        None => from,
                    });
                    let before = self.out.declarations.len();
                    self.push(
                        &name,
                        format!("{name}=={version}"),
                        Allowed::Range(Ranges::singleton(parsed)),
                        range(line.start, line.first_line_end),
                        None,
                        context,
                    );
                    if let Some(declaration) = self.out.declarations.get_mut(before) {
                        declaration.version_text = Some(format!("=={version}"));
                    }
                }
                Err(message) => self.error(
                    line.start,
                    format!("`{written}`: wheel version `{version}`: {message}"),
                ),
            }
            return;
        }
        match egg_fragment(location) {
            Some(name) => {
                let before = self.out.declarations.len();
                self.declare_any(line, name, written);
                if let Some(declaration) = self.out.declarations.get_mut(before) {
                    declaration.context = context;
                }
            }
            None => self.skip(
                line.start,
                written,
                "no package name (`name @ url` or `#egg=name`): pip learns it from the archive \
                 or checkout it fetches",
            ),
        }
    }

    fn declare_any(&mut self, line: &LogicalLine, name: &str, written: &str) {
        self.push(
            name,
            written.to_string(),
            Allowed::Any,
            range(line.start, line.first_line_end),
            None,
            None,
        );
    }
}

fn variables_list(text: &str) -> String {
    unexpanded_variables(text)
        .iter()
        .map(|name| format!("`${{{name}}}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_join_at_backslashes_but_not_after_comments() {
        let lines = logical_lines("a \\\n  >=1 # c\n# x \\\nb\nc==1 \\\n");
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, vec!["a   >=1", "b", "c==1"]);
        assert_eq!(lines[0].verbatim_at, None);
        assert_eq!(lines[1].verbatim_at, Some(lines[1].start));
    }

    #[test]
    fn hashes_inside_urls_are_not_comments() {
        let lines = logical_lines("git+https://x/y#egg=pkg  # the fork\n");
        assert_eq!(lines[0].text, "git+https://x/y#egg=pkg");
    }

    #[test]
    fn options_split_where_pip_splits_them() {
        assert_eq!(
            split_options("pkg==1 --hash=sha256:ab --hash=sha256:cd"),
            ("pkg==1", "--hash=sha256:ab --hash=sha256:cd")
        );
        assert_eq!(split_options("-r base.txt"), ("", "-r base.txt"));
        assert_eq!(
            split_options("requests [security] >= 2.8.1, == 2.8.* ; python_version < \"2.7\""),
            (
                "requests [security] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"",
                ""
            )
        );
    }

    #[test]
    fn wheel_file_names_give_name_and_version() {
        assert_eq!(
            wheel_name_version("numpy-1.9.2-cp34-none-win32.whl"),
            Some(("numpy".into(), "1.9.2".into()))
        );
        assert_eq!(
            wheel_name_version("wxPython_Phoenix-3.0.3.dev1820+49a8884-cp34-none-win_amd64.whl"),
            Some(("wxPython-Phoenix".into(), "3.0.3.dev1820+49a8884".into()))
        );
        assert_eq!(
            wheel_name_version("PyJWT-1.7.1-1-py2.py3-none-any.whl"),
            Some(("PyJWT".into(), "1.7.1".into()))
        );
        assert_eq!(wheel_name_version("not-a-wheel.whl"), None);
    }

    #[test]
    fn variables_expand_as_pip_expands_them() {
        // PATH is set wherever tests run; lowercase names and a bare `$` are never expanded.
        let path = std::env::var("PATH").unwrap_or_default();
        assert_eq!(expand_variables("x${PATH}y"), format!("x{path}y"));
        assert_eq!(expand_variables("x${lower}y"), "x${lower}y");
        assert_eq!(
            expand_variables("$HOME ${ unterminated"),
            "$HOME ${ unterminated"
        );
        assert_eq!(unexpanded_variables("${A}/${B_2}"), vec!["A", "B_2"]);
    }

    #[test]
    fn urls_paths_and_fragments_are_told_apart_as_pip_does() {
        assert!(is_url("git+https://github.com/org/pkg@main"));
        assert!(is_url("HTTPS://example.com/x.whl"));
        assert!(!is_url("pkg @ https://example.com/x.whl"));
        assert!(!is_url("C:\\wheels\\x.whl"));
        assert!(looks_like_path("C:\\wheels\\x.whl"));
        assert!(looks_like_path("./vendored"));
        assert!(!looks_like_path("flask"));
        assert_eq!(
            egg_fragment("git+https://x/y@v1#egg=Pkg[extra]&subdirectory=s"),
            Some("Pkg")
        );
        assert_eq!(egg_fragment("git+https://x/y@v1"), None);
        assert_eq!(file_name_of("https://x/a/b.whl?sig=1#sha256=ab"), "b.whl");
        assert_eq!(strip_extras("./pkg[test,docs]"), "./pkg");
    }
}
