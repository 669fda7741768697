//! Positions as LSP counts them: 0-based lines and UTF-16 code units (the encoding every client
//! supports; the server announces it in `initialize`), converted to and from byte offsets, and
//! the incremental edits of `textDocument/didChange` applied to a buffer.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol defines them.

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// The byte offset of every line start of one text.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'\n' => starts.push(at + 1),
                b'\r' if bytes.get(at + 1) != Some(&b'\n') => starts.push(at + 1),
                _ => {}
            }
            at += 1;
        }
        LineIndex { starts }
    }

    /// The position of byte `offset` (clamped to the text, and back to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let character = text[start..offset].encode_utf16().count();
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }

    /// The byte offset of `position`: a line past the end is the end of the text, a character
    /// past the end of its line is the end of the line (before its line break), and a position
    /// inside a surrogate pair is the start of that character.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let content = text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0usize;
        for (at, c) in content.char_indices() {
            if units + c.len_utf16() > position.character as usize {
                return start + at;
            }
            units += c.len_utf16();
        }
        start + content.len()
    }

    /// The byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|index| self.starts.get(index))
            .copied()
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Applies `didChange` content changes in order: a change with a range replaces that range, one
/// without replaces the whole text.
pub fn apply_changes(text: &mut String, changes: Vec<TextDocumentContentChangeEvent>) {
    for change in changes {
        match change.range {
            Some(range) => {
                let index = LineIndex::new(text);
                let start = index.offset(text, range.start);
                let end = index.offset(text, range.end).max(start);
                text.replace_range(start..end, &change.text);
            }
            None => *text = change.text,
        }
    }
}

/// The smallest edit turning `before` into `after`: the byte range of `before` to replace and
/// the text to put there (common prefix and suffix left out, cut on character boundaries).
pub fn minimal_edit<'a>(before: &str, after: &'a str) -> ((usize, usize), &'a str) {
    let mut prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(prefix) || !after.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let limit = before.len().min(after.len()) - prefix;
    let mut suffix = before
        .bytes()
        .rev()
        .zip(after.bytes().rev())
        .take(limit)
        .take_while(|(a, b)| a == b)
        .count();
    while !before.is_char_boundary(before.len() - suffix)
        || !after.is_char_boundary(after.len() - suffix)
    {
        suffix -= 1;
    }
    (
        (prefix, before.len() - suffix),
        &after[prefix..after.len() - suffix],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_every_line_break() {
        let text = "a\r\nbé😀c\rd\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), Position::new(0, 0));
        assert_eq!(index.position(text, 3), Position::new(1, 0));
        // `b`, `é` (1 unit), `😀` (2 units) before `c`.
        let c = text.find('c').expect("c");
        assert_eq!(index.position(text, c), Position::new(1, 4));
        assert_eq!(index.offset(text, Position::new(1, 4)), c);
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(
            index.offset(text, Position::new(1, 3)),
            text.find('😀').expect("emoji")
        );
        assert_eq!(
            index.position(text, text.find('d').expect("d")),
            Position::new(2, 0)
        );
        // Past the end of a line, past the last line.
        assert_eq!(index.offset(text, Position::new(0, 99)), 1);
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(index.line_start(2), Some(3));
        assert_eq!(index.line_start(0), None);
    }

    #[test]
    fn changes_apply_in_order() {
        let mut text = String::from("import jwt\nx = 1\n");
        apply_changes(
            &mut text,
            vec![
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(1, 4), Position::new(1, 5))),
                    range_length: None,
                    text: "22".into(),
                },
                TextDocumentContentChangeEvent {
                    range: Some(Range::new(Position::new(2, 0), Position::new(2, 0))),
                    range_length: None,
                    text: "y = 3\n".into(),
                },
            ],
        );
        assert_eq!(text, "import jwt\nx = 22\ny = 3\n");
        apply_changes(
            &mut text,
            vec![TextDocumentContentChangeEvent {
                range: None,
                range_length: None,
                text: "new".into(),
            }],
        );
        assert_eq!(text, "new");
    }

    #[test]
    fn minimal_edits_keep_characters_whole() {
        assert_eq!(minimal_edit("abc", "abc"), ((3, 3), ""));
        assert_eq!(minimal_edit("a(x)", "a(x, y)"), ((3, 3), ", y"));
        assert_eq!(minimal_edit("é", "è"), ((0, 2), "è"));
        assert_eq!(minimal_edit("aXa", "aa"), ((1, 2), ""));
    }
}
