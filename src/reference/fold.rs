//! Folding (mention rule 2) and omitted lines, character by character and with a byte-by-byte
//! map back to the original: what `fold::fold`, `fold::FoldedText` (its text and
//! `to_original`) and `Article`'s omitted lines must agree with.

use std::ops::Range;

/// Rule 2, character by character: `None` for whitespace.
fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Some('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => Some('-'),
        c if c.is_whitespace() => None,
        c => Some(c),
    }
}

/// Folds `text[from..to]`, each folded byte with the original offset it comes from: a
/// run of whitespace becomes one space from its first character.
fn fold_span(text: &str, from: usize, to: usize, out: &mut String, src: &mut Vec<usize>) {
    let mut in_space = false;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        match fold_char(c) {
            None if in_space => {}
            None => {
                out.push(' ');
                src.push(at);
                in_space = true;
            }
            Some(f) => {
                out.push(f);
                // A character kept as it is keeps its bytes; one replaced is one byte.
                let n = f.len_utf8();
                src.extend((0..n).map(|k| if f == c { at + k } else { at }));
                in_space = false;
            }
        }
    }
}

/// A short text folded after trimming, like [`crate::fold::fold`].
pub fn fold(text: &str) -> String {
    let (mut out, mut src) = (String::new(), Vec::new());
    let t = text.trim();
    fold_span(t, 0, t.len(), &mut out, &mut src);
    out
}

/// `original[skip..]` folded, with every range in `removed` replaced by one barrier, and
/// for every folded byte (and the end) the original offset it maps to.
pub fn fold_mapped(original: &str, skip: usize, removed: &[Range<usize>]) -> (String, Vec<usize>) {
    let (mut out, mut src) = (String::new(), Vec::new());
    let mut pos = skip;
    for r in removed {
        fold_span(original, pos, r.start, &mut out, &mut src);
        out.push(char::from(crate::fold::BARRIER));
        src.push(r.start);
        pos = r.end;
    }
    fold_span(original, pos, original.len(), &mut out, &mut src);
    src.push(original.len());
    (out, src)
}

/// The content ranges of the lines of `text` from `skip` on (a line ends at `\n`, `\r\n`
/// or a lone `\r`) whose folded text is one of `omit`.
pub fn omitted_lines(text: &str, skip: usize, omit: &[String]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = skip;
    loop {
        let end = (start..bytes.len())
            .find(|&k| bytes[k] == b'\n' || bytes[k] == b'\r')
            .unwrap_or(bytes.len());
        if omit.contains(&fold(&text[start..end])) {
            out.push(start..end);
        }
        if end == bytes.len() {
            return out;
        }
        start = if bytes[end..].starts_with(b"\r\n") {
            end + 2
        } else {
            end + 1
        };
    }
}
