//! The line index of a text: where each line starts, and the 1-based line and column (in
//! characters) of a byte offset. One implementation for the article (mentions, evidence,
//! omitted lines), the fact sheet (diagnostics) and the exports' positions.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r` (old Mac files). A UTF-8 byte order mark at the
//! start is no column: editors do not show it.

use std::ops::Range;

const BOM: &str = "\u{FEFF}";

/// Byte offset where each line of a text starts. It does not keep the text: every query that
/// needs it takes it, so an index can live beside the text it describes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// Indexes `text` (at most `u32::MAX` bytes: articles and fact sheets are capped far
    /// below).
    #[must_use]
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0u32];
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue; // the `\n` of this `\r\n` ends the line
            }
            starts.push((i + 1) as u32);
        }
        Self { starts }
    }

    /// How many lines: a text that ends with a line break has an empty last line.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Never: even the empty text has one (empty) line.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The byte offsets where lines start, ascending (the first is 0).
    #[must_use]
    pub fn starts(&self) -> &[u32] {
        &self.starts
    }

    /// The 1-based line of a byte offset.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s as usize <= offset)
    }

    /// The 1-based line and 1-based column (in characters) of a byte offset of `text`, the text
    /// this index was made from. An offset past the end is taken as the end.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.column_start(text, line, offset);
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, column + 1)
    }

    /// The byte range of 0-based line `n` of `text`, without its terminator.
    ///
    /// # Panics
    /// If `n` is not a line of the index.
    #[must_use]
    pub fn line_range(&self, text: &str, n: usize) -> Range<usize> {
        self.starts[n] as usize..self.content_end(text, n)
    }

    /// Where the content of 0-based line `n` ends: before its `\n`, `\r\n` or `\r`.
    #[must_use]
    pub fn content_end(&self, text: &str, n: usize) -> usize {
        let Some(&next) = self.starts.get(n + 1) else {
            return text.len();
        };
        let next = next as usize;
        let bytes = text.as_bytes();
        if next >= 2 && bytes[next - 1] == b'\n' && bytes[next - 2] == b'\r' {
            next - 2
        } else {
            next - 1
        }
    }

    /// The lines and columns of ascending byte offsets, in one pass over the text: counting
    /// characters from each line's start per offset would be quadratic on a long single-line
    /// article. Gives the same as [`LineIndex::line_col`] for each.
    pub fn positions<'t>(
        &'t self,
        text: &'t str,
        offsets: impl IntoIterator<Item = usize> + 't,
    ) -> impl Iterator<Item = (usize, usize)> + 't {
        let mut line = 0;
        let mut at = 0; // the byte offset whose column is `column`
        let mut column = 1;
        offsets.into_iter().map(move |offset| {
            let offset = offset.min(text.len());
            let l = self.line_of(offset);
            if l != line || offset < at {
                line = l;
                at = self.column_start(text, l, offset);
                column = 1;
            }
            column += text
                .get(at..offset)
                .map_or(offset - at, |s| s.chars().count());
            at = offset;
            (line, column)
        })
    }

    /// Where columns of 1-based `line` are counted from: its start, or after a byte order mark.
    fn column_start(&self, text: &str, line: usize, offset: usize) -> usize {
        let bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
        (self.starts[line - 1] as usize).max(bom.min(offset))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_ending_ends_a_line() {
        let text = "one\ntwo\r\nthree\rfour";
        let lines = LineIndex::new(text);
        assert_eq!(lines.len(), 4);
        let contents: Vec<&str> = (0..4).map(|n| &text[lines.line_range(text, n)]).collect();
        assert_eq!(contents, ["one", "two", "three", "four"]);
        assert_eq!(lines.line_col(text, text.find("four").unwrap()), (4, 1));
        assert_eq!(lines.line_col(text, text.find("hree").unwrap()), (3, 2));
    }

    #[test]
    fn a_final_line_break_starts_an_empty_line() {
        let text = "one\n";
        let lines = LineIndex::new(text);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines.line_range(text, 1), 4..4);
        assert_eq!(lines.line_col(text, 4), (2, 1));
    }

    #[test]
    fn columns_count_characters_and_skip_a_byte_order_mark() {
        let text = "«Ü» Trump";
        assert_eq!(
            LineIndex::new(text).line_col(text, text.find('T').unwrap()),
            (1, 5)
        );
        let text = "\u{feff}NATO met";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_col(text, 3), (1, 1), "a BOM is no column");
        assert_eq!(lines.line_col(text, 0), (1, 1));
        assert_eq!(lines.line_col(text, text.find("met").unwrap()), (1, 6));
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_are_located() {
        let text = "ab\nçd";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_col(text, 99), (2, 3));
        // Inside `ç` (two bytes): the column counts bytes from the line's start.
        assert_eq!(lines.line_col(text, 4), (2, 2));
    }

    #[test]
    fn positions_in_one_pass_agree_with_line_col() {
        let text = "\u{feff}«NATO» and NATO\r\nthe NATO\rNATO\n\nNATO";
        let lines = LineIndex::new(text);
        let offsets: Vec<usize> = text.match_indices("NATO").map(|(i, _)| i).collect();
        let one_pass: Vec<_> = lines.positions(text, offsets.iter().copied()).collect();
        let each: Vec<_> = offsets.iter().map(|&o| lines.line_col(text, o)).collect();
        assert_eq!(one_pass, each);
        assert_eq!(each[0], (1, 2));
    }
}
