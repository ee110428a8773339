//! Text from files, made safe and fitted for a cell grid: unsafe characters become visible
//! placeholders, whitespace becomes plain spaces, and anything too wide is cut with `…`.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use crate::inert::{is_unsafe, placeholder};

/// `text` with every unsafe character shown as its placeholder and other whitespace (tabs,
/// line breaks) as single spaces.
#[must_use]
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| is_unsafe(c) || (c.is_whitespace() && c != ' '))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
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

/// `text` (already clean) cut to `width` columns, with `…` where it was cut.
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// The last `width` columns of `text`, with `…` in front where it was cut.
#[must_use]
pub fn fit_end(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width - 1 {
            break;
        }
        kept.push(c);
        used += w;
    }
    let mut out = String::from("…");
    out.extend(kept.into_iter().rev());
    out
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
}
