//! The spellings that begin with a letter or a digit, by their first words: how the mention
//! scan ([`super::Matcher::candidates`]) finds them word by word.
//!
//! Such a spelling can only be a mention where a word begins (rule 4), and only if that whole
//! word is the spelling's first word: the character after the spelling's first word is not
//! alphanumeric, so the text's word must end there too, and a spelling of one word must end
//! where the text's word does. So the scan walks the text's words ([`FirstWords::each_word`],
//! a block of 64 bytes at a time), and looks only at those that are some spelling's first word.
//!
//! The spellings are kept grouped by their first word, each group's rests (what follows the
//! first word) sorted, each linked to the longest other rest that begins it. At a word of the
//! text that begins some, one binary search finds the last rest not past what the text goes on
//! with; every rest the text goes on with begins that one (it sorts between it and the text), so
//! they are found along its links ([`FirstWords::find`]). Building that is a sort: the workload's
//! 4,837 spellings are folded and grouped in 2–4 ms, where the Aho-Corasick automaton took
//! 13–20 ms more. A bit set of
//! hashes of each first word's length and first eight bytes (a Bloom filter of one hash) rules
//! out most of the text's words before the groups' map is asked.
//!
//! A search from every word's start is not linear in the text: `a a a … b` over `a a a …`
//! compares the spelling's length from every word. So the work is counted, and past a budget in
//! proportion to the text the caller scans the rest with the automaton instead, which it builds
//! only then ([`super::Matcher`]).

use std::ops::Range;
use std::sync::OnceLock;

use crate::bits::packed;

/// Bytes a block: the words are found a block at a time, from bit masks of its bytes.
const BLOCK: usize = 64;

/// The spellings that begin with an alphanumeric character, by their first words.
pub(super) struct FirstWords {
    /// Every spelling's bytes, one after another.
    bytes: Vec<u8>,
    /// Each spelling: where it lies in `bytes`, and its value; sorted by first word, then by
    /// rest.
    rests: Vec<Rest>,
    /// Each first word's range of `rests`.
    groups: foldhash::HashMap<Box<[u8]>, Range<u32>>,
    /// One bit per hash value; at least 16 bits a word, so about one other word in 16 passes.
    bits: Vec<u64>,
    /// How far the hash is shifted down to index `bits`.
    shift: u32,
    /// The longest first word, in bytes: a longer word begins no spelling.
    longest: usize,
}

impl FirstWords {
    /// `spellings` with their values, distinct, each beginning with an alphanumeric character.
    pub(super) fn new(spellings: &[(&str, u32)]) -> Self {
        let mut sorted: Vec<(&[u8], &[u8], u32)> = spellings
            .iter()
            .map(|&(s, value)| {
                let (first, rest) = s.as_bytes().split_at(word_end(s, 0));
                (first, rest, value)
            })
            .collect();
        sorted.sort_unstable();
        let count = sorted.len().max(1);
        // 2^12 to 2^26 bits (512 bytes to 8 MiB): at least 16 bits a spelling.
        let log = (count * 16)
            .next_power_of_two()
            .trailing_zeros()
            .clamp(12, 26);
        let mut words = Self {
            bytes: Vec::with_capacity(spellings.iter().map(|(s, _)| s.len()).sum()),
            rests: Vec::with_capacity(sorted.len()),
            groups: foldhash::HashMap::default(),
            bits: vec![0; 1 << (log - 6)],
            shift: 64 - log,
            longest: 0,
        };
        let mut n = 0;
        while n < sorted.len() {
            let first = sorted[n].0;
            let from = n;
            // The rests before this one that begin it, longest last.
            let mut begun: Vec<usize> = Vec::new();
            while n < sorted.len() && sorted[n].0 == first {
                let (_, rest, value) = sorted[n];
                while let Some(&top) = begun.last()
                    && !rest.starts_with(sorted[top].1)
                {
                    begun.pop();
                }
                let start = words.bytes.len();
                words.bytes.extend_from_slice(first);
                words.bytes.extend_from_slice(rest);
                words.rests.push(Rest {
                    start: start as u32,
                    first: first.len() as u32,
                    len: rest.len() as u32,
                    begun_by: begun.last().map_or(NONE, |&top| (top - from) as u32),
                    value,
                });
                begun.push(n);
                n += 1;
            }
            words.longest = words.longest.max(first.len());
            let slot = words.slot(first, 0, first.len());
            words.bits[slot / 64] |= 1 << (slot % 64);
            words.groups.insert(first.into(), from as u32..n as u32);
        }
        words
    }

    /// Tells `found` of every spelling that `bytes[start..until]` begins with, where `start..end`
    /// is a word of the text that [`Self::may_begin`] let through, as (start, end, value); the
    /// word test past the end is the caller's. Each byte compared and each link followed costs
    /// a unit of `budget`; `false` if it ran out before all were found (some may have been
    /// told).
    pub(super) fn find(
        &self,
        bytes: &[u8],
        (start, end): (usize, usize),
        until: usize,
        budget: &mut usize,
        found: &mut impl FnMut(usize, usize, u32),
    ) -> bool {
        let Some(group) = self.groups.get(&bytes[start..end]) else {
            return true;
        };
        let rests = &self.rests[group.start as usize..group.end as usize];
        let tail = &bytes[end..until.max(end)];
        let rest = |r: &Rest| {
            let start = (r.start + r.first) as usize;
            &self.bytes[start..start + r.len as usize]
        };
        // What comparing them costs at most.
        let mut cost = 0;
        let after = rests.partition_point(|r| {
            let r = rest(r);
            cost += r.len().min(tail.len()) + 1;
            r <= tail
        });
        let Some(mut left) = budget.checked_sub(cost) else {
            return false;
        };
        let Some(last) = after.checked_sub(1) else {
            *budget = left;
            return true;
        };
        let r = rest(&rests[last]);
        let common = r.iter().zip(tail).take_while(|(a, b)| a == b).count();
        let mut next = last as u32;
        while next != NONE {
            let Some(l) = left.checked_sub(1) else {
                return false;
            };
            left = l;
            let r = &rests[next as usize];
            if r.len as usize <= common {
                found(start, end + r.len as usize, r.value);
            }
            next = r.begun_by;
        }
        *budget = left;
        true
    }

    /// Whether the word `bytes[start..end]` may begin a spelling.
    #[inline]
    pub(super) fn may_begin(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        if end - start > self.longest {
            return false;
        }
        let slot = self.slot(bytes, start, end);
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// Whether there are no spellings.
    pub(super) fn is_empty(&self) -> bool {
        self.rests.is_empty()
    }

    /// Every spelling, with its value.
    pub(super) fn spellings(&self) -> Vec<(&[u8], u32)> {
        let spelling = |r: &Rest| {
            let start = r.start as usize;
            &self.bytes[start..start + (r.first + r.len) as usize]
        };
        self.rests.iter().map(|r| (spelling(r), r.value)).collect()
    }

    /// Calls `visit` with every word (start, end) that begins in `within` and may begin a
    /// spelling, in order, until it returns `false`; then returns that word's start.
    /// `after_word`: whether the character before `within.start` is alphanumeric.
    ///
    /// A block's words are found from two masks of its bytes, one bit a byte: alphanumeric ASCII
    /// (a test the compiler makes on all 64 bytes at once), and past ASCII. Only a block with
    /// bytes past ASCII decodes its characters, one at a time.
    pub(super) fn each_word(
        &self,
        text: &str,
        within: Range<usize>,
        mut after_word: bool,
        mut visit: impl FnMut(usize, usize) -> bool,
    ) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut base = within.start;
        while base < within.end {
            let alnum = block_mask(text, base, after_word);
            let mut starts = alnum & !(alnum << 1 | u64::from(after_word));
            after_word = alnum >> 63 == 1;
            while starts != 0 {
                let k = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let start = base + k;
                if start >= within.end {
                    return None;
                }
                let ends = !alnum >> k;
                let end = if ends == 0 {
                    // The word goes on past the block, maybe inside a character.
                    let mut next = base + BLOCK;
                    while !text.is_char_boundary(next) {
                        next += 1;
                    }
                    word_end(text, next)
                } else {
                    start + ends.trailing_zeros() as usize
                };
                if self.may_begin(bytes, start, end) && !visit(start, end) {
                    return Some(start);
                }
            }
            base += BLOCK;
        }
        None
    }

    /// The bit of `bytes[start..end]` in the bit set: a hash of its length and first eight
    /// bytes, one load for most words (every word of the text is asked).
    #[inline]
    fn slot(&self, bytes: &[u8], start: usize, end: usize) -> usize {
        let len = end - start;
        let head = if let Some(eight) = bytes.get(start..start + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(eight);
            let keep = if len >= 8 {
                u64::MAX
            } else {
                (1u64 << (8 * len)) - 1
            };
            u64::from_le_bytes(word) & keep
        } else {
            bytes[start..end.min(start + 8)]
                .iter()
                .rev()
                .fold(0u64, |h, &b| h << 8 | u64::from(b))
        };
        let hash = (head ^ (len as u64).rotate_right(7)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (hash >> self.shift) as usize
    }
}

/// A spelling: where it lies in [`FirstWords::bytes`], its first word's length and its rest's,
/// the longest other rest of its group that begins its rest (an index in the group, or
/// [`NONE`]), and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rest {
    start: u32,
    first: u32,
    len: u32,
    begun_by: u32,
    value: u32,
}

/// [`Rest::begun_by`] of a rest that no other begins.
const NONE: u32 = u32::MAX;

/// Bit `k` set where `text`'s byte `base + k` belongs to an alphanumeric character (0 past the
/// text's end); `after_word`: whether the character before `base` is alphanumeric (a byte at
/// `base` that continues a character is of that character).
#[inline]
fn block_mask(text: &str, base: usize, after_word: bool) -> u64 {
    let bytes = text.as_bytes();
    let mut block = [0u8; BLOCK];
    let n = bytes.len().saturating_sub(base).min(BLOCK);
    block[..n].copy_from_slice(&bytes[base..base + n]);
    let mut alnum = [0u8; BLOCK];
    let mut high = [0u8; BLOCK];
    for ((b, a), h) in block.iter().zip(&mut alnum).zip(&mut high) {
        let lower = b | 0x20;
        *a = u8::from(lower.wrapping_sub(b'a') < 26) | u8::from(b.wrapping_sub(b'0') < 10);
        *h = b >> 7;
    }
    let (mut mask, mut high) = (packed(&alnum), packed(&high));
    if high == 0 {
        return mask;
    }
    // Past ASCII: each character's bytes take its answer; bytes at the start that continue a
    // character begun before the block take that character's.
    let table = table();
    while high != 0 {
        let at = high.trailing_zeros() as usize;
        let lead = block[at];
        let (word, len) = if lead < 0xC0 {
            (after_word, 1)
        } else if lead < 0xE0 {
            // Two bytes (Latin, Greek, Cyrillic, Hebrew, Arabic…): decoded here, in the table.
            let next = bytes.get(base + at + 1).map_or(0, |b| b & 0x3F);
            let n = u32::from(lead & 0x1F) << 6 | u32::from(next);
            (table[n as usize / 64] & (1 << (n % 64)) != 0, 2)
        } else {
            let c = text[base + at..].chars().next().unwrap_or(' ');
            (alphanumeric(c), c.len_utf8())
        };
        let span = len.min(BLOCK - at);
        let bits = (u64::MAX >> (BLOCK - span)) << at;
        if word {
            mask |= bits;
        }
        high &= !bits;
    }
    mask
}

/// Whether `text[at..]` begins with an alphanumeric character (rule 4's word character), and
/// that character's length in bytes.
#[inline]
pub(super) fn word_char(text: &str, at: usize) -> (bool, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = text[at..].chars().next().unwrap_or(' ');
    (alphanumeric(c), c.len_utf8())
}

/// Where the word that begins at `at` ends: the first character past it that is not
/// alphanumeric, or the text's end.
pub(super) fn word_end(text: &str, mut at: usize) -> usize {
    while at < text.len() {
        let (alnum, len) = word_char(text, at);
        if !alnum {
            break;
        }
        at += len;
    }
    at
}

/// Every character below this has its answer in a table; `char::is_alphanumeric` searches
/// Unicode's tables for each character past ASCII, and Cyrillic or Greek text is all such.
const TABLED: u32 = 0x3000;

/// `char::is_alphanumeric`, from a table below [`TABLED`].
#[inline]
fn alphanumeric(c: char) -> bool {
    let n = u32::from(c);
    if n >= TABLED {
        return c.is_alphanumeric();
    }
    table()[n as usize / 64] & (1 << (n % 64)) != 0
}

/// A bit a character below [`TABLED`]: whether it is alphanumeric; made the first time asked.
fn table() -> &'static [u64] {
    static TABLE: OnceLock<Vec<u64>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![0u64; TABLED as usize / 64];
        for n in 0..TABLED {
            if char::from_u32(n).is_some_and(char::is_alphanumeric) {
                table[n as usize / 64] |= 1 << (n % 64);
            }
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_answers_as_the_standard_library() {
        for n in 0..0x4000 {
            if let Some(c) = char::from_u32(n) {
                assert_eq!(alphanumeric(c), c.is_alphanumeric(), "U+{n:04X}");
            }
        }
    }

    #[test]
    fn every_first_word_passes_and_most_others_do_not() {
        let spellings = [
            "the valley",
            "Totrañ",
            "NZI",
            "Ms Yesai",
            "3M",
            "élan vital",
        ];
        let values: Vec<(&str, u32)> = spellings.iter().map(|s| (*s, 0)).collect();
        let words = FirstWords::new(&values);
        for s in spellings {
            let text = format!("x {s} y");
            let end = word_end(&text, 2);
            assert!(words.may_begin(text.as_bytes(), 2, end), "{s}");
            // At the very end of the text, where fewer than eight bytes are left.
            let first = &s[..word_end(s, 0)];
            assert!(words.may_begin(first.as_bytes(), 0, first.len()), "{s}");
        }
        let others = [
            "valley", "th", "thee", "Totra", "NZ", "Ms.", "M", "elan", "Yesai",
        ];
        let passed = others
            .iter()
            .filter(|w| words.may_begin(w.as_bytes(), 0, w.len()))
            .count();
        assert!(passed <= 1, "{passed} of {others:?} passed");
        assert!(
            !words.may_begin(b"xxxxxxxxxxxxxxxxxxxx", 0, 20),
            "longer than any"
        );
    }

    #[test]
    fn words_end_at_the_first_character_that_is_not_alphanumeric() {
        assert_eq!(word_end("Totrañ» said", 0), "Totrañ".len());
        assert_eq!(word_end("l'Europe", 0), 1);
        assert_eq!(word_end("Москва,", 0), "Москва".len());
        assert_eq!(word_end("华大北 x", 0), "华大北".len());
        assert_eq!(word_end("abc", 0), 3);
    }
}
