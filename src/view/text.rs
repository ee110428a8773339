//! Text from files, made safe and fitted for a cell grid: unsafe characters become visible
//! placeholders, whitespace becomes plain spaces, a cell carries at most [`MAX_MARKS`]
//! zero-width characters, and anything too wide is cut with `…`.

use std::borrow::Cow;

use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

use crate::inert::{is_unsafe, placeholder};

/// The most zero-width characters (combining marks, joiners, variation selectors, tags) drawn
/// after one character. Real text needs a few (a decomposed Vietnamese letter two, Tibetan
/// stacks a handful); one character carrying two million marks would otherwise travel whole, 4 MB, to the
/// terminal in every frame.
pub const MAX_MARKS: usize = 16;

/// A character drawn in the cell of the one before it: zero columns wide, and shown as itself
/// (unsafe characters become placeholders, whitespace a space).
#[must_use]
pub fn is_mark(c: char) -> bool {
    !is_unsafe(c) && !c.is_whitespace() && unicode_width::UnicodeWidthChar::width(c) == Some(0)
}

/// Counts the zero-width characters after the last visible one, and says whether `c` is one
/// too many to draw.
#[derive(Debug, Default)]
pub struct Marks(usize);

impl Marks {
    /// Whether `c` is a zero-width character past [`MAX_MARKS`] in a row.
    pub fn too_many(&mut self, c: char) -> bool {
        // Every frame asks this of every character on screen: ASCII, never a mark, first.
        if !c.is_ascii() && is_mark(c) {
            self.0 += 1;
            self.0 > MAX_MARKS
        } else {
            self.0 = 0;
            false
        }
    }
}

/// `text` with every unsafe character shown as its placeholder, other whitespace (tabs, line
/// breaks) as single spaces, and no more than [`MAX_MARKS`] zero-width characters in a row.
#[must_use]
pub fn clean(text: &str) -> Cow<'_, str> {
    let mut marks = Marks::default();
    if !text
        .chars()
        .any(|c| is_unsafe(c) || (c.is_whitespace() && c != ' ') || marks.too_many(c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut marks = Marks::default();
    for c in text.chars() {
        if marks.too_many(c) {
            continue;
        }
        if c.is_whitespace() {
            out.push(' ');
        } else if is_unsafe(c) {
            out.push_str(&placeholder(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` (already clean) cut to `width` columns, with `…` where it was cut. A character and
/// its marks stay together, and a wide character that does not fit whole goes.
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    match width.checked_sub(1) {
        Some(room) => format!("{}…", text.unicode_truncate(room).0),
        None => String::new(),
    }
}

/// The last `width` columns of `text`, with `…` in front where it was cut.
#[must_use]
pub fn fit_end(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    match width.checked_sub(1) {
        Some(room) => format!("…{}", text.unicode_truncate_start(room).0),
        None => String::new(),
    }
}

/// Display width.
#[must_use]
pub fn width(text: &str) -> usize {
    text.width()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_and_fits() {
        assert_eq!(clean("a\tb\u{1b}[2J"), "a b\u{241b}[2J");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit_end("abcdef", 4), "…def");
        assert_eq!(fit("ab", 0), "");
    }

    #[test]
    fn fitting_counts_columns_not_characters() {
        // Wide characters take two columns; one that does not fit whole is left out.
        assert_eq!(fit("日本語", 5), "日本…");
        assert_eq!(fit("日本語", 3), "日…");
        assert_eq!(fit("日本語", 2), "…");
        assert_eq!(fit_end("日本語", 4), "…語");
        assert_eq!(fit_end("日本語", 2), "…");
        assert_eq!(fit("日本語", 6), "日本語");
        // A combining mark takes no column and stays with its letter.
        assert_eq!(fit("e\u{301}tude", 3), "e\u{301}t…");
        assert_eq!(fit_end("caf\u{e9}s cafe\u{301}", 3), "…fe\u{301}");
        assert_eq!(fit("cafe\u{301}", 4), "cafe\u{301}");
        assert_eq!(fit_end("abcdef", 0), "");
        // Text narrower than its characters (the lam-alef ligature is one column): cut as if
        // each took its own, so never too wide (and no panic in a debug build).
        assert_eq!(fit("\u{644}\u{627}\u{644}\u{627}xyz", 3), "\u{644}\u{627}…");
        assert_eq!(fit_end("xyz\u{644}\u{627}", 2), "…\u{627}");
    }

    #[test]
    fn a_cell_carries_at_most_max_marks() {
        let zalgo = format!("a{}b", "\u{301}".repeat(2_000_000));
        let cleaned = clean(&zalgo);
        assert_eq!(cleaned, format!("a{}b", "\u{301}".repeat(MAX_MARKS)));
        // Real text keeps every mark: a decomposed Vietnamese letter, an emoji with its variation selector.
        for whole in ["e\u{323}\u{302}", "❤\u{fe0f}"] {
            assert_eq!(clean(whole), whole);
        }
    }
}
