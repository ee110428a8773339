//! The line index of a text: where each line starts, and the 1-based line and column (in
//! characters) of a byte offset. One implementation for the article (mentions, evidence,
//! omitted lines), the fact sheet (diagnostics) and the exports' positions.
//!
//! A line ends at `\n`, `\r\n` or a lone `\r` (old Mac files). A UTF-8 byte order mark at the
//! start is no column: editors do not show it.

use std::ops::Range;

const BOM: &str = "\u{FEFF}";

/// At most this many lines between two marks…
const STRIDE: u32 = 64;
/// …and a mark at the first line start this many bytes or more after the last, and at the start
/// of every line longer than this.
const SPAN: usize = 1024;

/// A line start the index keeps: its byte offset and its 0-based line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mark {
    at: u32,
    line: u32,
}

/// Where the lines of a text start, kept compactly: a mark every [`STRIDE`] lines or
/// [`SPAN`] bytes, whichever comes first, and at every line longer than `SPAN`. The other line
/// starts are found again from the nearest mark, in at most `STRIDE` lines of at most `SPAN`
/// bytes each: between two marks is either one line, of any length, or lines of at most `SPAN`
/// bytes. A text of 100 MB of line breaks keeps 1.6 million marks (12 MB), not a start for each
/// of its 100 million lines (400 MB); an ordinary article keeps about one mark a kilobyte.
///
/// It does not keep the text: every query that needs it takes it, so an index can live beside
/// the text it describes; a query given another text than the index's is answered wrong, never
/// with a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    marks: Vec<Mark>,
    len: usize,
}

impl Default for LineIndex {
    /// The index of the empty text: one empty line.
    fn default() -> Self {
        Self {
            marks: vec![Mark { at: 0, line: 0 }],
            len: 1,
        }
    }
}

/// The byte offsets where lines start after `from` (itself a line start, or 0), in order: after
/// each `\n`, each `\r\n` and each lone `\r`.
fn starts_after(bytes: &[u8], from: usize) -> impl Iterator<Item = usize> + '_ {
    Breaks {
        bytes,
        next: from.min(bytes.len()),
        base: 0,
        mask: 0,
    }
    .filter_map(move |i| {
        // The `\n` of a `\r\n` ends the line.
        (bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n')).then_some(i + 1)
    })
}

/// Where each `\n` and `\r` stands, in order. memchr finds the next one, then the 64 bytes from
/// there are read as a bit mask, one bit a line break: sparse breaks cost a memchr call each, as
/// with `memchr2_iter`, but dense ones cost a bit each, not a call (`check` of 100 MB of line
/// breaks took 1.69 s with a call per break, 0.85 s with the mask).
struct Breaks<'a> {
    bytes: &'a [u8],
    /// Where to look once the mask is spent.
    next: usize,
    /// The mask's bit `k` is byte `base + k`.
    base: usize,
    mask: u64,
}

impl Iterator for Breaks<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.mask == 0 {
            let tail = self.bytes.get(self.next..)?;
            self.base = self.next + memchr::memchr2(b'\n', b'\r', tail)?;
            let end = (self.base + 64).min(self.bytes.len());
            self.mask = break_mask(&self.bytes[self.base..end]);
            self.next = end;
        }
        let k = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.base + k)
    }
}

/// Bit `k` set where `block[k]` (at most 64 bytes) is `\n` or `\r`. A whole block of 64 is
/// tested at once and packed into the mask ([`crate::bits::packed`]).
fn break_mask(block: &[u8]) -> u64 {
    let bit = |k: usize, b: u8| u64::from(b == b'\n' || b == b'\r') << k;
    if let Ok(whole) = <&[u8; 64]>::try_from(block) {
        let mut flags = [0u8; 64];
        for (flag, &b) in flags.iter_mut().zip(whole) {
            *flag = u8::from(b == b'\n') | u8::from(b == b'\r');
        }
        return crate::bits::packed(&flags);
    }
    block
        .iter()
        .enumerate()
        .fold(0, |mask, (k, &b)| mask | bit(k, b))
}

impl LineIndex {
    /// Indexes `text` (at most `u32::MAX` bytes: articles and fact sheets are capped far
    /// below).
    #[must_use]
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut marks = vec![Mark { at: 0, line: 0 }];
        let (mut line, mut start) = (0u32, 0usize);
        let mark = |marks: &mut Vec<Mark>, at: usize, line: u32| {
            if marks.last().is_none_or(|m| m.at as usize != at) {
                marks.push(Mark {
                    at: at as u32,
                    line,
                });
            }
        };
        for next in starts_after(bytes, 0) {
            if next - start > SPAN {
                mark(&mut marks, start, line); // a long line is alone between two marks
            }
            line += 1;
            start = next;
            let last = marks[marks.len() - 1];
            if line - last.line >= STRIDE || next - last.at as usize >= SPAN {
                mark(&mut marks, next, line);
            }
        }
        if text.len() - start > SPAN {
            mark(&mut marks, start, line);
        }
        Self {
            marks,
            len: line as usize + 1,
        }
    }

    /// How many lines: a text that ends with a line break has an empty last line.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Never: even the empty text has one (empty) line.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The first line after mark `i` (the index's line count after the last mark).
    fn line_after(&self, i: usize) -> usize {
        self.marks.get(i + 1).map_or(self.len, |m| m.line as usize)
    }

    /// The 0-based line of a byte offset of `text` and the byte where that line starts.
    fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let i = self
            .marks
            .partition_point(|m| m.at as usize <= offset)
            .max(1)
            - 1;
        let m = self.marks[i];
        let (mut line, mut start) = (m.line as usize, m.at as usize);
        if self.line_after(i) == line + 1 {
            return (line, start);
        }
        for next in starts_after(text.as_bytes(), start) {
            if next > offset {
                break;
            }
            line += 1;
            start = next;
        }
        (line, start)
    }

    /// The byte where 0-based line `n` of `text` starts (the text's end past the last line).
    #[must_use]
    pub fn line_start(&self, text: &str, n: usize) -> usize {
        if n >= self.len {
            return text.len();
        }
        let i = self.marks.partition_point(|m| m.line as usize <= n).max(1) - 1;
        let m = self.marks[i];
        let mut line = m.line as usize;
        if line == n {
            return m.at as usize;
        }
        for next in starts_after(text.as_bytes(), m.at as usize) {
            line += 1;
            if line == n {
                return next;
            }
        }
        text.len()
    }

    /// The 1-based line of a byte offset of `text`.
    #[must_use]
    pub fn line_of(&self, text: &str, offset: usize) -> usize {
        self.locate(text, offset).0 + 1
    }

    /// The first line that starts at or after byte `at` of `text`, and where it starts; `None`
    /// when no line does.
    #[must_use]
    pub fn line_at_or_after(&self, text: &str, at: usize) -> Option<(usize, usize)> {
        if at > text.len() {
            return None;
        }
        let (line, start) = self.locate(text, at);
        if start == at {
            return Some((line, start));
        }
        (line + 1 < self.len).then(|| (line + 1, self.line_start(text, line + 1)))
    }

    /// The 1-based line and 1-based column (in characters) of a byte offset of `text`, the text
    /// this index was made from. An offset past the end is taken as the end.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let (line, start) = self.locate(text, offset);
        let start = column_start(text, start, offset);
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The byte range of 0-based line `n` of `text`, without its terminator (the empty range
    /// at the text's end past the last line).
    #[must_use]
    pub fn line_range(&self, text: &str, n: usize) -> Range<usize> {
        self.ranges(text, n)
            .next()
            .unwrap_or(text.len()..text.len())
    }

    /// Where the content of 0-based line `n` ends: before its `\n`, `\r\n` or `\r`.
    #[must_use]
    pub fn content_end(&self, text: &str, n: usize) -> usize {
        self.line_range(text, n).end
    }

    /// The byte ranges of the lines of `text` from 0-based line `n` on, each without its
    /// terminator, in one pass over the text: reading lines in order costs what reading the
    /// text costs.
    pub fn ranges<'t>(&self, text: &'t str, n: usize) -> impl Iterator<Item = Range<usize>> + 't {
        let bytes = text.as_bytes();
        let mut start = (n < self.len).then(|| self.line_start(text, n));
        std::iter::from_fn(move || {
            let from = start?;
            match memchr::memchr2(b'\n', b'\r', bytes.get(from..).unwrap_or_default()) {
                None => {
                    start = None;
                    Some(from..text.len())
                }
                Some(i) => {
                    let end = from + i;
                    let crlf = bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n');
                    start = Some(end + 1 + usize::from(crlf));
                    Some(from..end)
                }
            }
        })
    }

    /// The lines and columns of ascending byte offsets, in one pass over the text: counting
    /// characters from each line's start per offset would be quadratic on a long single-line
    /// article. Gives the same as [`LineIndex::line_col`] for each.
    pub fn positions<'t>(
        &'t self,
        text: &'t str,
        offsets: impl IntoIterator<Item = usize> + 't,
    ) -> impl Iterator<Item = (usize, usize)> + 't {
        let mut line = usize::MAX;
        let mut at = 0; // the byte offset whose column is `column`
        let mut column = 1;
        // The line of the last offset: its number, its start and the next line's start
        // (`usize::MAX` after the last line). An offset on it, or a few lines on, is placed
        // from there; one farther away, or before it, is searched for.
        let mut known: Option<(usize, usize, usize)> = None;
        offsets.into_iter().map(move |offset| {
            let offset = offset.min(text.len());
            let (l, start) = if let Some(k) = known.and_then(|k| walk(text, k, offset)) {
                known = Some(k);
                (k.0, k.1)
            } else {
                let (l, start) = self.locate(text, offset);
                let next = starts_after(text.as_bytes(), start).next();
                known = Some((l, start, next.unwrap_or(usize::MAX)));
                (l, start)
            };
            let from = column_start(text, start, offset);
            // After a byte order mark, columns count from its end, as in `line_col`.
            if l != line || offset < at || at < from {
                line = l;
                at = from;
                column = 1;
            }
            column += text
                .get(at..offset)
                .map_or(offset - at, |s| s.chars().count());
            at = offset;
            (line + 1, column)
        })
    }
}

/// The line of `offset`, as `(line, start, next line's start)`, walking on from the line
/// `known` gives in that form; `None` when `offset` is before that line or more than [`STRIDE`]
/// lines on (the index's search finds it sooner).
fn walk(text: &str, known: (usize, usize, usize), offset: usize) -> Option<(usize, usize, usize)> {
    let (mut line, mut start, mut next) = known;
    if offset < start {
        return None;
    }
    let mut starts = starts_after(text.as_bytes(), next.min(text.len()));
    for _ in 0..STRIDE {
        if offset < next {
            return Some((line, start, next));
        }
        (line, start) = (line + 1, next);
        next = starts.next().unwrap_or(usize::MAX);
    }
    None
}

/// Where columns of the line starting at `start` are counted from: its start, or after a byte
/// order mark.
fn column_start(text: &str, start: usize, offset: usize) -> usize {
    let bom = if text.starts_with(BOM) { BOM.len() } else { 0 };
    start.max(bom.min(offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every line start, the obvious way.
    fn naive_starts(text: &str) -> Vec<usize> {
        let b = text.as_bytes();
        let mut starts = vec![0];
        for i in 0..b.len() {
            if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        starts
    }

    /// The index answers as a list of every line start would, for every offset and line.
    fn agrees(text: &str) {
        let lines = LineIndex::new(text);
        let starts = naive_starts(text);
        assert_eq!(lines.len(), starts.len());
        for offset in 0..=text.len() + 1 {
            let o = offset.min(text.len());
            let line = starts.partition_point(|&s| s <= o);
            assert_eq!(lines.line_of(text, offset), line, "offset {offset}");
            let first = starts.partition_point(|&s| s < offset);
            let expected = starts.get(first).map(|&s| (first, s));
            assert_eq!(
                lines.line_at_or_after(text, offset),
                expected,
                "at or after {offset}"
            );
        }
        let ranges: Vec<Range<usize>> = lines.ranges(text, 0).collect();
        assert_eq!(ranges.len(), starts.len());
        for (n, &start) in starts.iter().enumerate() {
            assert_eq!(lines.line_start(text, n), start, "line {n}");
            let end = starts.get(n + 1).map_or(text.len(), |&next| {
                if next >= 2 && &text.as_bytes()[next - 2..next] == b"\r\n" {
                    next - 2
                } else {
                    next - 1
                }
            });
            assert_eq!(lines.line_range(text, n), start..end, "line {n}");
            assert_eq!(ranges[n], start..end, "line {n} in order");
            assert_eq!(lines.ranges(text, n).next(), Some(start..end));
        }
        let all: Vec<usize> = (0..=text.len())
            .filter(|&o| text.is_char_boundary(o))
            .collect();
        // In order, and out of order too (every third offset, then back to the start).
        let jumps: Vec<usize> = all
            .iter()
            .step_by(3)
            .chain(all.iter().rev())
            .copied()
            .collect();
        for (offsets, how) in [(&all, "in one pass"), (&jumps, "out of order")] {
            let answered: Vec<_> = lines.positions(text, offsets.iter().copied()).collect();
            for (k, &o) in offsets.iter().enumerate() {
                assert_eq!(answered[k], lines.line_col(text, o), "offset {o} {how}");
            }
        }
    }

    #[test]
    fn the_marks_answer_as_every_line_start_would() {
        let long = "x".repeat(3 * SPAN);
        for text in [
            String::new(),
            "\n".repeat(300),
            "\r\n".repeat(200),
            "\r".repeat(200),
            format!("a\n{long}\nb\r\n{long}"),
            format!("{long}\r\n\r\n{long}\r"),
            "\u{feff}".to_owned() + &"word words\n".repeat(500),
            format!("{}{long}\n{}", "ab\n".repeat(100), "\n".repeat(70)),
            "x".repeat(SPAN) + "\n" + &"y".repeat(SPAN + 1),
        ] {
            agrees(&text);
        }
        // 100 MB of line breaks would keep a mark every 64 lines.
        let blank = "\n".repeat(64 * 100);
        assert_eq!(LineIndex::new(&blank).marks.len(), 101);
    }

    proptest! {
        // Each case checks every offset and every line of up to 60 KB.
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_text_is_indexed_as_every_line_start_would_be(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("\n".to_owned()),
                    Just("\r\n".to_owned()),
                    Just("\r".to_owned()),
                    Just("é".to_owned()),
                    (0..1500usize).prop_map(|n| "w".repeat(n)),
                ],
                0..40,
            )
        ) {
            agrees(&parts.concat());
        }
    }

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
