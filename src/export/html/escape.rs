//! Text from the fact sheet or the article made safe for the place it goes in the page: element
//! content or a (double-quoted) attribute value. No string from the input can become markup:
//! `&`, `<` and `>` are written as character references everywhere, and `"` and `'` too in
//! attribute values (element content keeps them, which reads better in the source), and the
//! characters [`crate::inert`] calls unsafe (controls, bidirectional overrides, invisible format
//! characters) are shown as its visible placeholders, as the reader and the other exports show
//! them.
//!
//! Our own function rather than `html-escape` or `v_htmlescape`: those escape the five
//! characters well but know nothing of the placeholders, which must be decided per character in
//! the same pass (a placeholder is itself text to escape, `<U+202E>`, and in element content it
//! is wrapped in a marked-up `<span>`); what is left is five `match` arms.

use crate::inert::{is_unsafe, placeholder};

/// Where escaped text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// Element content. A line break stays one (the article's lines within a paragraph); a tab
    /// is a space.
    Text,
    /// A double-quoted attribute value: on one line.
    Attribute,
}

/// Appends `text` to `out`, escaped for `context`. A `\r\n` or a lone `\r` is written as `\n`
/// (the line ends of the article); every other unsafe character as its placeholder, in element
/// content inside `<span class="ctl">` so that it stands out as not being the text's own.
pub fn push(out: &mut String, text: &str, context: Context) {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if context == Context::Attribute => out.push_str("&quot;"),
            '\'' if context == Context::Attribute => out.push_str("&#39;"),
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push(if context == Context::Text { '\n' } else { ' ' }),
            c if is_unsafe(c) => {
                let shown = placeholder(c);
                if context == Context::Text {
                    out.push_str("<span class=\"ctl\">");
                    push(out, &shown, context);
                    out.push_str("</span>");
                } else {
                    push(out, &shown, context);
                }
            }
            c => out.push(c),
        }
    }
}

/// `text` escaped for element content.
#[must_use]
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push(&mut out, text, Context::Text);
    out
}

/// `text` escaped for a double-quoted attribute value.
#[must_use]
pub fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push(&mut out, text, Context::Attribute);
    out
}

/// The URL, if it may become a link: `http:` or `https:` (any case), with something after the
/// scheme, and no whitespace or unsafe character in it. Anything else (`javascript:`, `data:`,
/// a relative path) is shown as text only.
#[must_use]
pub fn link_target(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let clean = !rest.is_empty()
        && !url
            .chars()
            .any(|c| c.is_whitespace() || is_unsafe(c) || matches!(c, '<' | '>' | '"' | '\\'));
    clean.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            text("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert('x' &amp; \"y\")&lt;/script&gt;"
        );
        assert_eq!(attribute("a\" onclick=\"x"), "a&quot; onclick=&quot;x");
    }

    #[test]
    fn controls_and_overrides_are_shown_as_placeholders() {
        assert_eq!(
            text("a\u{1b}[31m\u{202e}b"),
            "a<span class=\"ctl\">\u{241b}</span>[31m<span class=\"ctl\">&lt;U+202E&gt;</span>b"
        );
        assert_eq!(attribute("a\u{7}\u{2066}b"), "a\u{2407}&lt;U+2066&gt;b");
        for c in [
            '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200f}', '\u{61c}',
        ] {
            let shown = text(&format!("x{c}y"));
            assert!(!shown.contains(c), "{c:?} got through: {shown}");
        }
    }

    #[test]
    fn line_ends_are_line_feeds_in_text_and_spaces_in_attributes() {
        assert_eq!(text("a\r\nb\rc\nd\te"), "a\nb\nc\nd e");
        assert_eq!(attribute("a\r\nb\nc"), "a b c");
    }

    #[test]
    fn only_plain_web_addresses_become_links() {
        for good in ["https://example.com/a?b=1&c=2", "HTTP://x.org", "http://x"] {
            assert_eq!(link_target(good), Some(good));
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<b>",
            "//evil.example",
            "/etc/passwd",
            "https://",
            "https://a b",
            "https://a\u{202e}b",
            "https://a\"onclick=x",
            " https://x",
            "ftp://x",
        ] {
            assert_eq!(link_target(bad), None, "{bad}");
        }
    }
}
