//! The article laid out for a width: every visible line of the article wrapped into rows that
//! know their byte range, so the reader draws only the rows on screen and maps any row or
//! column back to a place in the text.
//!
//! Widths follow what the reader draws: an unsafe character (see [`crate::inert`]) takes the
//! width of its placeholder and a tab is one space. Paragraphs are kept: a blank line stays a
//! blank row. Omitted lines are either hidden (with the blank line after them, so that no gap
//! is left) or shown as rows of their own.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::article::Article;
use crate::inert::{is_unsafe, placeholder};
use crate::span::Span;

/// One screen row of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// Where it stands in the article.
    pub span: Span,
    /// The row belongs to an omitted line (only laid out when omitted text is shown).
    pub omitted: bool,
}

/// The rows of the article at one width.
#[derive(Clone, Debug, Default)]
pub struct ArticleLayout {
    width: u16,
    show_omitted: bool,
    rows: Vec<Row>,
}

impl ArticleLayout {
    #[must_use]
    pub fn new(article: &Article, width: u16, show_omitted: bool) -> Self {
        let width = width.max(1);
        let text = article.text();
        let omitted = article.omitted();
        let mut rows = Vec::with_capacity(text.len() / usize::from(width) + 16);
        let mut next_omitted = 0;
        let mut after_hidden = false;
        for n in 0..article.line_count() {
            let mut line = article.line_range(n);
            if n == 0 {
                line.start = line.start.max(article.body_start());
            }
            while omitted
                .get(next_omitted)
                .is_some_and(|r| r.end <= line.start)
            {
                next_omitted += 1;
            }
            let is_omitted = omitted
                .get(next_omitted)
                .is_some_and(|r| r.start >= line.start && r.end <= line.end && r.start < r.end);
            if is_omitted && !show_omitted {
                after_hidden = true;
                continue;
            }
            let blank = text[line.clone()].trim().is_empty();
            if blank && after_hidden {
                after_hidden = false;
                continue;
            }
            after_hidden = false;
            wrap_line(text, line, usize::from(width), is_omitted, &mut rows);
        }
        // A trailing line break leaves an empty last line: not worth a row.
        if rows.len() > 1 && rows.last().is_some_and(|r| r.span.start == r.span.end) {
            rows.pop();
        }
        Self {
            width,
            show_omitted,
            rows,
        }
    }

    #[must_use]
    pub fn width(&self) -> u16 {
        self.width
    }

    #[must_use]
    pub fn shows_omitted(&self) -> bool {
        self.show_omitted
    }

    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The row that shows byte `offset`, or the first row after it when it is hidden.
    #[must_use]
    pub fn row_of(&self, offset: usize) -> usize {
        let after = self
            .rows
            .partition_point(|r| r.span.start as usize <= offset);
        match after.checked_sub(1) {
            Some(i) if (self.rows[i].span.end as usize) >= offset || after == self.rows.len() => i,
            Some(_) => after,
            None => 0,
        }
    }
}

/// Display width of a character as the reader draws it.
#[must_use]
pub fn char_width(c: char) -> usize {
    if c == '\t' {
        1
    } else if is_unsafe(c) {
        placeholder(c).chars().count()
    } else {
        c.width().unwrap_or(0)
    }
}

/// The byte offset in `text[row]` under display column `column` (0-based), or the row's end.
#[must_use]
pub fn offset_at_column(text: &str, row: Row, column: usize) -> usize {
    let mut x = 0;
    for (i, c) in text[row.span.range()].char_indices() {
        let w = char_width(c);
        if column < x + w.max(1) {
            return row.span.start as usize + i;
        }
        x += w;
    }
    row.span.end as usize
}

/// Greedy wrapping of one line into rows: break after whitespace where possible, inside a word
/// only when the word alone is wider than the row.
fn wrap_line(text: &str, line: Range<usize>, width: usize, omitted: bool, rows: &mut Vec<Row>) {
    let push = |rows: &mut Vec<Row>, r: Range<usize>| {
        rows.push(Row {
            span: Span::of(r),
            omitted,
        });
    };
    let bytes = text.as_bytes();
    let mut row_start = line.start;
    let mut used = 0;
    // Where the current row could end (the start of a whitespace run) and where the next would
    // then begin (after it).
    let mut brk: Option<(usize, usize)> = None;
    let mut i = line.start;
    while i < line.end {
        let b = bytes[i];
        // Fast path: printable ASCII that fits on the row moves on a run at a time; nothing
        // but the count changes for it.
        if (0x21..0x7F).contains(&b) && used < width {
            let n = bytes[i..line.end]
                .iter()
                .take(width - used)
                .take_while(|b| (0x21..0x7F).contains(*b))
                .count();
            used += n;
            i += n;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        let w = if (0x20..0x7F).contains(&b) {
            1
        } else {
            char_width(c)
        };
        if c.is_whitespace() {
            if used + w > width && used > 0 {
                // The row is full: end it before this whitespace run, resume after it.
                let end = match brk {
                    Some((end, next)) if next == i => end,
                    _ => i,
                };
                push(rows, row_start..end);
                i = skip_whitespace(text, i, line.end);
                row_start = i;
                used = 0;
                brk = None;
                continue;
            }
            match &mut brk {
                Some((_, next)) if *next == i => *next = i + len,
                _ if i > row_start => brk = Some((i, i + len)),
                _ => {}
            }
            used += w;
            i += len;
            continue;
        }
        if used + w > width && used > 0 {
            match brk {
                Some((end, next)) if end > row_start && next <= i => {
                    push(rows, row_start..end);
                    row_start = next;
                    used = text[next..i].chars().map(char_width).sum();
                }
                _ => {
                    push(rows, row_start..i);
                    row_start = i;
                    used = 0;
                }
            }
            brk = None;
        }
        used += w;
        i += len;
    }
    push(rows, row_start..line.end);
}

fn skip_whitespace(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        match text[i..].chars().next() {
            Some(c) if c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn rows(text: &str, width: u16, omit: &[&str], show: bool) -> Vec<String> {
        let omit: Vec<String> = omit.iter().map(|o| fold(o)).collect();
        let (article, _) = Article::new(text.to_owned(), &omit);
        let layout = ArticleLayout::new(&article, width, show);
        layout
            .rows()
            .iter()
            .map(|r| article.text()[r.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_paragraphs() {
        assert_eq!(
            rows(
                "The quick brown fox jumps.\n\nSecond paragraph.",
                10,
                &[],
                false
            ),
            [
                "The quick",
                "brown fox",
                "jumps.",
                "",
                "Second",
                "paragraph."
            ]
        );
    }

    #[test]
    fn breaks_words_longer_than_the_row() {
        assert_eq!(
            rows("abcdefghij xy", 4, &[], false),
            ["abcd", "efgh", "ij", "xy"]
        );
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(
            rows("日本語のテキスト", 6, &[], false),
            ["日本語", "のテキ", "スト"]
        );
        // A character wider than the row still gets a row of its own.
        assert_eq!(rows("日本", 1, &[], false), ["日", "本"]);
    }

    #[test]
    fn hides_omitted_lines_without_leaving_gaps() {
        let text = "One.\n\nAdvertisement\n\nTwo.\n";
        assert_eq!(
            rows(text, 20, &["Advertisement"], false),
            ["One.", "", "Two."]
        );
        assert_eq!(
            rows(text, 20, &["Advertisement"], true),
            ["One.", "", "Advertisement", "", "Two."]
        );
    }

    #[test]
    fn rows_cover_every_visible_character() {
        let text = "A line with  double  spaces and a verylongwordthatmustbreak here.\r\nNext";
        for width in 1..30 {
            let r = rows(text, width, &[], false);
            let joined: String = r.concat().split_whitespace().collect();
            let want: String = text.split_whitespace().collect();
            assert_eq!(joined, want, "width {width}");
        }
    }

    /// The wrapping rule one character at a time, without the fast path.
    fn slow_wrap_line(text: &str, width: usize) -> Vec<Range<usize>> {
        let mut rows = Vec::new();
        let (mut row_start, mut used, mut brk, mut i) = (0, 0, None::<(usize, usize)>, 0);
        while i < text.len() {
            let c = text[i..].chars().next().unwrap();
            let (w, len) = (char_width(c), c.len_utf8());
            if c.is_whitespace() {
                if used + w > width && used > 0 {
                    let end = match brk {
                        Some((end, next)) if next == i => end,
                        _ => i,
                    };
                    rows.push(row_start..end);
                    i = skip_whitespace(text, i, text.len());
                    (row_start, used, brk) = (i, 0, None);
                    continue;
                }
                match &mut brk {
                    Some((_, next)) if *next == i => *next = i + len,
                    _ if i > row_start => brk = Some((i, i + len)),
                    _ => {}
                }
            } else if used + w > width && used > 0 {
                match brk {
                    Some((end, next)) if end > row_start && next <= i => {
                        rows.push(row_start..end);
                        row_start = next;
                        used = text[next..i].chars().map(char_width).sum();
                    }
                    _ => {
                        rows.push(row_start..i);
                        (row_start, used) = (i, 0);
                    }
                }
                brk = None;
            }
            used += w;
            i += len;
        }
        rows.push(row_start..text.len());
        rows
    }

    #[test]
    fn the_fast_path_wraps_exactly_as_the_rule_does() {
        let text = "A line with  double  spaces, a verylongwordthatmustbreak here, 日本語のテキスト \
                    and\ttabs, \u{1b}[31m escapes, e\u{301}combining, \u{202e}bidi,   trailing   ";
        for width in 1..70 {
            let mut rows = Vec::new();
            wrap_line(text, 0..text.len(), width, false, &mut rows);
            let fast: Vec<Range<usize>> = rows.iter().map(|r| r.span.range()).collect();
            assert_eq!(fast, slow_wrap_line(text, width), "width {width}");
        }
    }

    #[test]
    fn control_characters_take_their_placeholder_width() {
        assert_eq!(char_width('\u{1b}'), 1);
        assert_eq!(char_width('\u{202e}'), 8);
        assert_eq!(char_width('\u{301}'), 0);
    }

    #[test]
    fn maps_rows_and_columns_back_to_offsets() {
        let (article, _) = Article::new("The quick brown fox".to_owned(), &[]);
        let layout = ArticleLayout::new(&article, 10, false);
        assert_eq!(layout.row_of(0), 0);
        assert_eq!(layout.row_of(10), 1);
        let row = layout.rows()[1];
        assert_eq!(offset_at_column(article.text(), row, 6), 16);
        assert_eq!(offset_at_column(article.text(), row, 99), 19);
    }
}
