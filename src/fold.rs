//! Folding: the one normal form in which patterns, quotes and omitted lines are compared with
//! the article (mention rule 2).
//!
//! Any run of whitespace is one space, typographic single quotes are `'`, typographic double
//! quotes are `"` and dashes are `-`. The article is folded once into a [`FoldedText`] that keeps
//! a sparse map back to byte offsets in the original, so every match can be reported where it
//! stands on disk.

use std::ops::Range;

/// What one character of the original becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    Space,
    Ascii(u8),
    Keep,
}

fn fold_char(c: char) -> Fold {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => Fold::Ascii(b'\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Fold::Ascii(b'"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Fold::Ascii(b'-'),
        c if c.is_whitespace() => Fold::Space,
        _ => Fold::Keep,
    }
}

/// Folds a short text (a pattern, a quote, an omitted line), trimming it first.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.trim().chars() {
        match fold_char(c) {
            Fold::Space if in_space => {}
            Fold::Space => {
                out.push(' ');
                in_space = true;
            }
            Fold::Ascii(b) => {
                out.push(char::from(b));
                in_space = false;
            }
            Fold::Keep => {
                out.push(c);
                in_space = false;
            }
        }
    }
    out
}

/// Separates what omitted lines leave behind, so nothing matches across them. Folding turns
/// every line break into a space, so this byte never occurs in folded text otherwise, and it is
/// not alphanumeric, so it is a word boundary.
pub const BARRIER: u8 = b'\n';

/// An article in folded form, with the way back to the original's byte offsets.
#[derive(Clone, Debug, Default)]
pub struct FoldedText {
    text: String,
    /// Folded positions where the offset to the original changes, ascending…
    at: Vec<u32>,
    /// …and the offset (original − folded) from that position on.
    delta: Vec<u32>,
}

impl FoldedText {
    /// Folds `original[skip..]`, replacing each range in `removed` (sorted, disjoint, inside the
    /// text, on character boundaries) with a single [`BARRIER`].
    #[must_use]
    pub fn new(original: &str, skip: usize, removed: &[Range<usize>]) -> Self {
        let mut b = Builder {
            out: Vec::with_capacity(original.len() - skip),
            at: vec![0],
            delta: vec![skip as u32],
            gap: skip,
        };
        let mut pos = skip;
        for r in removed {
            b.fold_span(original, pos, r.start);
            b.out.push(BARRIER);
            b.shift(r.len() - 1);
            pos = r.end;
        }
        b.fold_span(original, pos, original.len());
        // Folding only replaces whole characters with whole characters.
        let Ok(text) = String::from_utf8(b.out) else {
            unreachable!("folding produced invalid UTF-8")
        };
        Self {
            text,
            at: b.at,
            delta: b.delta,
        }
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The byte offset in the original of folded offset `pos`. A match `a..b` in the folded text
    /// covers `to_original(a)..to_original(b)` in the original, whole folded runs included.
    #[must_use]
    pub fn to_original(&self, pos: usize) -> usize {
        let i = self.at.partition_point(|&a| a as usize <= pos) - 1;
        pos + self.delta[i] as usize
    }
}

struct Builder {
    out: Vec<u8>,
    at: Vec<u32>,
    delta: Vec<u32>,
    gap: usize,
}

/// Bytes that the fast path cannot copy as they are: ASCII whitespace other than the space, and
/// the first byte of every non-ASCII character. A space is handled inline: it only needs work
/// when another whitespace follows it.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t[b'\r' as usize] = true;
    let mut i = 0x80;
    while i < 256 {
        t[i] = true;
        i += 1;
    }
    t
};

impl Builder {
    /// The original has `n` more bytes than the folded text from here on.
    fn shift(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        self.gap += n;
        let here = self.out.len() as u32;
        if self.at.last() == Some(&here) {
            if let Some(last) = self.delta.last_mut() {
                *last = self.gap as u32;
            }
        } else {
            self.at.push(here);
            self.delta.push(self.gap as u32);
        }
    }

    fn fold_span(&mut self, original: &str, from: usize, to: usize) {
        let bytes = original.as_bytes();
        let mut i = from;
        let mut in_space = false;
        while i < to {
            // Fast path: copy a run of plain ASCII, single spaces included.
            let run_start = i;
            while i < to {
                let b = bytes[i];
                if SPECIAL[b as usize] {
                    break;
                }
                if b == b' ' {
                    if in_space {
                        break;
                    }
                    if i + 1 < to && (bytes[i + 1] == b' ' || SPECIAL[bytes[i + 1] as usize]) {
                        // Might start a run of whitespace: the slow path decides.
                        break;
                    }
                }
                in_space = false;
                i += 1;
            }
            self.out.extend_from_slice(&bytes[run_start..i]);
            if i >= to {
                break;
            }
            let c = original[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            match fold_char(c) {
                Fold::Space if in_space => self.shift(len),
                Fold::Space => {
                    self.out.push(b' ');
                    self.shift(len - 1);
                    in_space = true;
                }
                Fold::Ascii(a) => {
                    self.out.push(a);
                    self.shift(len - 1);
                    in_space = false;
                }
                Fold::Keep => {
                    self.out.extend_from_slice(&bytes[i..i + len]);
                    in_space = false;
                }
            }
            i += len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_whitespace_quotes_and_dashes() {
        assert_eq!(fold("  Trump\u{2019}s \r\n\t victory "), "Trump's victory");
        assert_eq!(fold("\u{201C}concrete ways\u{201D}"), "\"concrete ways\"");
        assert_eq!(fold("NATO \u{2013} Security"), "NATO - Security");
        assert_eq!(fold("a\u{00A0}b"), "a b");
        assert_eq!(fold("\u{2032}\u{2033}\u{2212}\u{201B}\u{201E}"), "'\"-'\"");
    }

    #[test]
    fn maps_every_folded_offset_back_to_the_original() {
        let original = "\u{FEFF}A  \r\nB\u{2019}s \u{2014} C\u{00A0}D";
        let f = FoldedText::new(original, 3, &[]);
        assert_eq!(f.as_str(), "A B's - C D");
        for (folded, want) in [
            (0, "A"),
            (2, "B"),
            (3, "\u{2019}"),
            (4, "s"),
            (6, "\u{2014}"),
            (8, "C"),
            (10, "D"),
        ] {
            let o = f.to_original(folded);
            assert!(original[o..].starts_with(want), "{folded} -> {o}");
        }
        // A match's end maps past the whole folded character.
        assert_eq!(&original[f.to_original(2)..f.to_original(5)], "B\u{2019}s");
        assert_eq!(f.to_original(f.as_str().len()), original.len());
    }

    #[test]
    fn removed_ranges_become_barriers() {
        let original = "foo\n\nAdvertisement\n\nbar";
        let removed = [Range { start: 5, end: 18 }];
        let f = FoldedText::new(original, 0, &removed);
        assert_eq!(f.as_str(), "foo \n bar");
        assert_eq!(&original[f.to_original(6)..], "bar");
    }

    #[test]
    fn plain_ascii_needs_no_checkpoints() {
        let f = FoldedText::new("plain text with single spaces.", 0, &[]);
        assert_eq!(f.at.len(), 1);
        assert_eq!(f.to_original(6), 6);
    }
}
