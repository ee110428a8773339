//! Text from an article or a fact sheet never drives the terminal: this module decides which
//! characters are unsafe to print and how they are shown instead.
//!
//! Unsafe are the C0 and C1 controls and DEL (escape sequences, BEL, backspace, carriage return),
//! bidirectional controls (which reorder what follows them) and invisible format characters
//! (zero-width spaces and joiners, tags). Messages show them as `\u{…}` escapes; the reader shows
//! them as visible, dimmed placeholders.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as it is.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1F}'
        | '\u{7F}'..='\u{9F}'
        | '\u{61C}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0000}'..='\u{E007F}'
    )
}

/// How the reader shows an unsafe character: a control picture for C0 controls and DEL (`␛` for
/// ESC), `<U+202E>` for the rest.
#[must_use]
pub fn placeholder(c: char) -> Cow<'static, str> {
    match c {
        '\u{0}'..='\u{1F}' => {
            let picture = char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}');
            Cow::Owned(picture.to_string())
        }
        '\u{7F}' => Cow::Borrowed("\u{2421}"),
        _ => Cow::Owned(format!("<U+{:04X}>", c as u32)),
    }
}

/// `text` in double quotes, with unsafe characters, quotes and backslashes escaped, and cut to
/// `max` characters (an ellipsis marks the cut): for messages.
#[must_use]
pub fn quoted(text: &str, max: usize) -> String {
    // Most of what messages quote (ids, names, phrases) is short printable ASCII with nothing
    // to escape: copied whole. A check of a long article quotes some ten thousand of them, and
    // the character-by-character way below took a quarter of its side-by-side warnings' time.
    let plain = |b: u8| matches!(b, b' '..=b'~') && !matches!(b, b'"' | b'\\');
    if text.len() <= max && text.bytes().all(plain) {
        let mut out = String::with_capacity(text.len() + 2);
        out.push('"');
        out.push_str(text);
        out.push('"');
        return out;
    }
    quoted_by_character(text, max)
}

/// [`quoted`] for any text: each character looked at.
fn quoted_by_character(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max) + 2);
    out.push('"');
    for (n, c) in text.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` as one line: trimmed, every run of whitespace (line breaks included) one space, and
/// unsafe characters shown as their placeholders.
#[must_use]
pub fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            space = false;
            if is_unsafe(c) {
                out.push_str(&placeholder(c));
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// `text` with every unsafe character replaced by its escape, unquoted: for text that is not a
/// value (a TOML parser's message, a file name).
#[must_use]
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_escapes_everything_that_could_drive_a_terminal() {
        let hostile = "a\u{1b}]52;c;aGk=\u{7}b\u{8}\r\u{9b}31m\u{202e}z\u{200b}\"\\";
        let q = quoted(hostile, 100);
        assert_eq!(
            q,
            "\"a\\u{1b}]52;c;aGk=\\u{7}b\\u{8}\\r\\u{9b}31m\\u{202e}z\\u{200b}\\\"\\\\\""
        );
        assert!(!q.chars().any(is_unsafe));
    }

    #[test]
    fn quoted_cuts_long_text() {
        assert_eq!(quoted("abcdef", 3), "\"abc…\"");
        assert_eq!(quoted("abc", 3), "\"abc\"");
    }

    proptest::proptest! {
        /// The copy of plain ASCII quotes as the character-by-character way does, at every
        /// length around the cut: every printable ASCII byte, the quote and the backslash, the
        /// controls either side of the printable range, and a character that is not ASCII.
        #[test]
        fn plain_ascii_is_quoted_as_each_character_is(
            text in "[ -~\"\\\\\u{1f}\u{7f}é]{0,12}",
            max in 0usize..14,
        ) {
            proptest::prop_assert_eq!(quoted(&text, max), quoted_by_character(&text, max));
        }
    }

    #[test]
    fn placeholders_are_visible_and_safe() {
        assert_eq!(placeholder('\u{1b}'), "\u{241b}");
        assert_eq!(placeholder('\u{7f}'), "\u{2421}");
        assert_eq!(placeholder('\u{202e}'), "<U+202E>");
        for c in ['\u{0}', '\u{1b}', '\u{85}', '\u{202e}', '\u{e0041}'] {
            assert!(!placeholder(c).chars().any(is_unsafe));
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        assert!(matches!(
            escaped("Trump’s «victory» 日本 🙂"),
            Cow::Borrowed(_)
        ));
        assert_eq!(escaped("bell\u{7}"), "bell\\u{7}");
    }
}
