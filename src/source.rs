//! A Python file's text, its line index and its syntax tree.
//!
//! This is the only module that calls the parser. It turns raw bytes into text (UTF-8, or the
//! PEP 263 Latin-1 family when the file declares it), parses it with Ruff's error-recovering
//! parser, and maps byte offsets to 1-based lines and character columns for every report format.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ruff_python_ast::ModModule;
use ruff_python_ast::token::TokenKind;
use ruff_python_parser::parse_unchecked_source;
use ruff_source_file::LineIndex;
use ruff_text_size::{Ranged, TextRange, TextSize};

/// A 1-based line and a 1-based column counted in Unicode characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Why a file could not be analysed, or a syntax error inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    /// Absent when the whole file is concerned (unreadable, not text, too large).
    pub position: Option<Position>,
    pub message: String,
}

/// A file whose text was decoded and parsed. Syntax errors do not prevent this: the parser
/// recovers, and the statements that did parse are still analysed.
pub struct SourceFile {
    pub path: PathBuf,
    /// Shared with the findings, which render snippets from it after analysis.
    pub text: Arc<str>,
    index: LineIndex,
    module: ModModule,
    /// The range of every comment, from the parser's token stream (the tokens themselves, about
    /// three times the size of the source, are not kept).
    comments: Vec<TextRange>,
    /// Where the parser recovered from an error, and its message.
    errors: Vec<(TextSize, String)>,
}

impl SourceFile {
    /// Decodes and parses `bytes` read from `path`.
    pub fn parse(path: PathBuf, bytes: Vec<u8>) -> Result<SourceFile, FileError> {
        let text = decode(&bytes).map_err(|message| FileError {
            path: path.clone(),
            position: None,
            message,
        })?;
        // The estimate starts at one and each level it counts takes at least one byte, so a file
        // shorter than the limit cannot pass it: most files skip the byte loop.
        let depth = match text.len() >= MAX_NESTING {
            true => nesting_estimate(text.as_bytes()),
            false => 0,
        };
        if depth > MAX_NESTING {
            return Err(FileError {
                path,
                position: None,
                message: format!(
                    "nests expressions about {depth} levels deep, beyond the {MAX_NESTING} flasklint parses (CPython refuses far less); not analysed"
                ),
            });
        }
        let parsed = parse_unchecked_source(&text, ruff_python_ast::PySourceType::Python);
        let comments = parsed
            .tokens()
            .iter()
            .filter(|token| token.kind() == TokenKind::Comment)
            .map(Ranged::range)
            .collect();
        let errors = parsed
            .errors()
            .iter()
            .map(|error| (error.location.start(), error.error.to_string()))
            .collect();
        let index = LineIndex::from_source_text(&text);
        Ok(SourceFile {
            path,
            text: Arc::from(text),
            index,
            module: parsed.into_syntax(),
            comments,
            errors,
        })
    }

    pub fn module(&self) -> &ModModule {
        &self.module
    }

    /// The range of every comment, from the parser's token stream, so a `#` inside a string
    /// is never taken for one (suppression comments and fingerprints rely on this).
    pub fn comment_ranges(&self) -> impl Iterator<Item = TextRange> + '_ {
        self.comments.iter().copied()
    }

    /// One entry per syntax error the parser recovered from.
    pub fn syntax_errors(&self) -> Vec<FileError> {
        self.errors
            .iter()
            .map(|(offset, message)| FileError {
                path: self.path.clone(),
                position: Some(self.position(*offset)),
                message: format!("syntax error: {message}"),
            })
            .collect()
    }

    /// The position of a byte offset; offsets past the end are clamped to the end.
    pub fn position(&self, offset: TextSize) -> Position {
        let offset = offset.min(self.text_len());
        let location = self.index.line_column(offset, &self.text);
        Position {
            line: location.line.get(),
            column: location.column.get(),
        }
    }

    pub fn text_len(&self) -> TextSize {
        TextSize::try_from(self.text.len()).unwrap_or(TextSize::new(u32::MAX))
    }

    /// The source text of a range, or "" when the range does not fall on the text.
    pub fn slice(&self, range: TextRange) -> &str {
        self.text
            .get(range.start().to_usize()..range.end().to_usize())
            .unwrap_or("")
    }

    /// The text of the 1-based line `line` without its line ending.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(one_indexed) = ruff_source_file::OneIndexed::new(line) else {
            return "";
        };
        if line > self.index.line_count() {
            return "";
        }
        let range = self.index.line_range(one_indexed, &self.text);
        self.slice(range).trim_end_matches(['\n', '\r'])
    }

    pub fn display_path(&self) -> String {
        display_path(&self.path)
    }
}

/// A text file that is not Python (a dotenv file, a compose file, a TOML or JSON settings
/// file), with the line index its findings are placed with.
pub struct TextFile {
    pub path: PathBuf,
    pub text: Arc<str>,
    index: LineIndex,
}

impl TextFile {
    pub fn new(path: PathBuf, text: String) -> TextFile {
        let index = LineIndex::from_source_text(&text);
        TextFile {
            path,
            text: Arc::from(text),
            index,
        }
    }

    /// The 1-based line and character column of a byte offset (clamped to the text).
    pub fn position(&self, offset: TextSize) -> Position {
        let end = TextSize::try_from(self.text.len()).unwrap_or(TextSize::new(u32::MAX));
        let location = self.index.line_column(offset.min(end), &self.text);
        Position {
            line: location.line.get(),
            column: location.column.get(),
        }
    }

    /// The byte offset of a 1-based line and a 0-based character column (clamped to the line).
    pub fn offset(&self, line: usize, column: usize) -> TextSize {
        let Some(one_indexed) = ruff_source_file::OneIndexed::new(line) else {
            return TextSize::default();
        };
        if line > self.index.line_count() {
            return TextSize::try_from(self.text.len()).unwrap_or_default();
        }
        let range = self.index.line_range(one_indexed, &self.text);
        let line_text = self.slice(range);
        let within = line_text
            .char_indices()
            .nth(column)
            .map_or(line_text.len(), |(at, _)| at);
        range.start() + TextSize::try_from(within).unwrap_or_default()
    }

    pub fn slice(&self, range: TextRange) -> &str {
        self.text
            .get(range.start().to_usize()..range.end().to_usize())
            .unwrap_or("")
    }

    pub fn line_text(&self, line: usize) -> &str {
        self.text.lines().nth(line.saturating_sub(1)).unwrap_or("")
    }

    pub fn display_path(&self) -> String {
        display_path(&self.path)
    }
}

/// The deepest expression nesting flasklint parses. Parsing, walking and dropping a syntax tree
/// recurse once per level; real code stays under a few dozen levels and CPython itself gives up
/// long before this, while the worker stacks (see `check`) hold several times this many even in
/// a debug build.
pub const MAX_NESTING: usize = 50_000;

/// An upper estimate of how deep the syntax tree of `text` nests, in one pass over the bytes.
///
/// Every bracket opens a level; inside a level, each operator (`-x`, `a + b`, `a.b`, `not`,
/// `lambda`, ...) may add one more until a `,`, `:`, `=`, `;` or the end of a logical line
/// starts a new element. Strings and comments are skipped. The estimate is never lower than the
/// real depth for the constructs that recurse, which is what makes it a safe guard.
pub fn nesting_estimate(text: &[u8]) -> usize {
    // Per open bracket: the operator chain length of the current element at that level.
    let mut chains: Vec<usize> = vec![0];
    let mut total = 1usize; // levels + chain lengths on the stack
    let mut deepest = 1usize;
    let mut i = 0;
    while i < text.len() {
        let byte = text[i];
        match byte {
            b'#' => {
                while i < text.len() && text[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                i = skip_string(text, i);
                continue;
            }
            b'(' | b'[' | b'{' => {
                chains.push(0);
                total += 1;
            }
            b')' | b']' | b'}' if chains.len() > 1 => {
                let chain = chains.pop().unwrap_or(0);
                total = total.saturating_sub(chain + 1);
            }
            b',' | b';' | b'=' => {
                let chain = chains.last_mut().map(std::mem::take).unwrap_or(0);
                total -= chain.min(total);
            }
            b'\n' if chains.len() == 1 => {
                let chain = chains.last_mut().map(std::mem::take).unwrap_or(0);
                total -= chain.min(total);
            }
            b'+' | b'-' | b'*' | b'/' | b'%' | b'@' | b'&' | b'|' | b'^' | b'~' | b'<' | b'>'
            | b'.' => {
                if let Some(chain) = chains.last_mut() {
                    *chain += 1;
                    total += 1;
                }
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' | b'0'..=b'9' | 0x80..=0xff => {
                let start = i;
                while i < text.len()
                    && (text[i].is_ascii_alphanumeric()
                        || text[i] == b'_'
                        || text[i] >= 0x80
                        || (text[i] == b'.' && text[start].is_ascii_digit()))
                {
                    i += 1;
                }
                let word = &text[start..i];
                let nests = matches!(
                    word,
                    b"not"
                        | b"await"
                        | b"lambda"
                        | b"if"
                        | b"else"
                        | b"and"
                        | b"or"
                        | b"in"
                        | b"is"
                        | b"yield"
                );
                // A string prefix (`f"..."`, `rb'...'`) belongs to the string that follows.
                if nests && let Some(chain) = chains.last_mut() {
                    *chain += 1;
                    total += 1;
                }
                deepest = deepest.max(total);
                continue;
            }
            _ => {}
        }
        deepest = deepest.max(total);
        i += 1;
    }
    deepest
}

/// The index just past the string literal starting at `start` (single, or triple-quoted).
fn skip_string(text: &[u8], start: usize) -> usize {
    let quote = text[start];
    let triple = text.len() >= start + 3 && text[start + 1] == quote && text[start + 2] == quote;
    let mut i = start + if triple { 3 } else { 1 };
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            byte if byte == quote => {
                if !triple {
                    return i + 1;
                }
                if text.len() >= i + 3 && text[i + 1] == quote && text[i + 2] == quote {
                    return i + 3;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    text.len()
}

/// Paths under the current directory are shown relative to it, with `/` separators.
pub fn display_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let shown = relative.to_string_lossy().replace('\\', "/");
    shown.strip_prefix("./").unwrap_or(&shown).to_string()
}

/// Why `read_limited` returned no bytes.
#[derive(Debug)]
pub enum ReadError {
    /// The file holds more bytes than the limit (its size as the file system gave it).
    TooLarge(u64),
    Io(std::io::Error),
}

/// The bytes of the file at `path`, unless it holds more than `max_bytes`. The size is asked of
/// the open descriptor, not of the path: one `statx` per file instead of two, and no window in
/// which the path could be replaced between the check and the read. A file that grows past the
/// limit while it is read is refused too.
pub fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > max_bytes {
        return Err(ReadError::TooLarge(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Whether `bytes` decode as Python source, without keeping the text: for files the pre-check
/// skips, whose encoding errors are still reported.
pub fn check_decodable(bytes: &[u8]) -> Result<(), String> {
    decode(bytes).map(drop)
}

/// Decodes a Python source file. UTF-8 (with or without BOM) is the default (PEP 3120); a PEP 263
/// declaration of Latin-1 is honoured because every byte sequence is valid Latin-1 and its
/// decoding is exact. Other declared encodings are refused with their name rather than guessed.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, String> {
    let declared = declared_encoding(bytes);
    if bytes.starts_with(b"\xef\xbb\xbf")
        && let Some(other) = declared
            .as_deref()
            .filter(|name| !matches!(*name, "utf-8" | "utf8" | "utf_8" | "utf-8-sig"))
    {
        return Err(format!(
            "starts with a UTF-8 byte order mark but declares the encoding `{other}`; CPython refuses such a file too: remove one of the two"
        ));
    }
    match declared.as_deref() {
        None | Some("utf-8") | Some("utf8") | Some("utf_8") | Some("utf-8-sig") => {
            match std::str::from_utf8(bytes) {
                Ok(text) => Ok(Cow::Borrowed(text)),
                Err(error) => {
                    let line = bytes[..error.valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count()
                        + 1;
                    Err(format!(
                        "not valid UTF-8 (invalid byte at offset {}, line {line}); declare the encoding with a PEP 263 coding comment or re-save the file as UTF-8",
                        error.valid_up_to()
                    ))
                }
            }
        }
        Some("latin-1" | "latin1" | "latin_1" | "iso-8859-1" | "iso8859-1" | "iso_8859_1") => {
            Ok(Cow::Owned(bytes.iter().map(|&b| char::from(b)).collect()))
        }
        Some(other) => match std::str::from_utf8(bytes) {
            // An ASCII-only file reads the same in any ASCII-compatible encoding.
            Ok(text) if text.is_ascii() => Ok(Cow::Borrowed(text)),
            _ => Err(format!(
                "declares the encoding `{other}`, which flasklint does not decode; re-save the file as UTF-8"
            )),
        },
    }
}

/// The encoding named by a PEP 263 comment on one of the first two lines, lower-cased.
pub(crate) fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    for line in bytes.split(|&b| b == b'\n' || b == b'\r').take(2) {
        let line = String::from_utf8_lossy(line);
        let trimmed = line.trim_start();
        if !trimmed.starts_with('#') {
            continue;
        }
        if let Some(at) = trimmed.find("coding") {
            let rest = &trimmed[at + "coding".len()..];
            if let Some(rest) = rest.strip_prefix([':', '=']) {
                let name: String = rest
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    .collect();
                if !name.is_empty() {
                    return Some(name.to_ascii_lowercase());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> SourceFile {
        SourceFile::parse(PathBuf::from("t.py"), text.as_bytes().to_vec()).expect("decodes")
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = parse("s = \"é\"; x = 1\n");
        let offset = TextSize::try_from(file.text.find('x').expect("x present")).expect("fits");
        assert_eq!(
            file.position(offset),
            Position {
                line: 1,
                column: 10
            }
        );
    }

    #[test]
    fn nesting_estimate_bounds_recursive_constructs() {
        assert!(nesting_estimate(b"x = f(a, b)[0] + 1\n") < 10);
        assert!(nesting_estimate(format!("x = {}1\n", "-".repeat(1000)).as_bytes()) >= 1000);
        assert!(
            nesting_estimate(format!("x = {}1{}\n", "(".repeat(800), ")".repeat(800)).as_bytes())
                >= 800
        );
        assert!(nesting_estimate(format!("x = a{}\n", ".b".repeat(900)).as_bytes()) >= 900);
        // Many elements side by side are wide, not deep.
        let wide = format!("x = [{}]\n", vec!["-1"; 100_000].join(", "));
        assert!(nesting_estimate(wide.as_bytes()) < 10);
        // Brackets inside strings and comments do not count.
        assert!(nesting_estimate(b"s = '((((((((((' # ))))))[[[[[\n") < 5);
    }

    #[test]
    fn absurd_nesting_is_refused_with_a_reason() {
        let text = format!("x = {}1\n", "-".repeat(MAX_NESTING + 10));
        let error = SourceFile::parse(PathBuf::from("deep.py"), text.into_bytes())
            .err()
            .expect("refused");
        assert!(error.message.contains("levels deep"), "{}", error.message);
    }

    #[test]
    fn latin1_declared_file_decodes() {
        let bytes = b"# -*- coding: latin-1 -*-\nname = '\xe9'\n".to_vec();
        let file = SourceFile::parse(PathBuf::from("l.py"), bytes).expect("latin-1 decodes");
        assert!(file.text.contains("'\u{e9}'"));
        assert!(file.syntax_errors().is_empty());
    }

    #[test]
    fn invalid_utf8_is_an_error_naming_the_line() {
        let error = SourceFile::parse(PathBuf::from("b.py"), b"x = 1\ny = '\xff'\n".to_vec())
            .err()
            .expect("refused");
        assert!(
            error.message.contains("not valid UTF-8"),
            "{}",
            error.message
        );
        assert!(error.message.contains("line 2"), "{}", error.message);
    }

    #[test]
    fn syntax_errors_are_positioned_and_the_rest_parses() {
        let file = parse("def f(:\n    pass\nx = 1\n");
        let errors = file.syntax_errors();
        assert!(!errors.is_empty());
        assert_eq!(errors[0].position.map(|p| p.line), Some(1));
        assert!(errors[0].message.starts_with("syntax error: "));
        assert_eq!(file.line_text(3), "x = 1");
    }
}
