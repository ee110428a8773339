//! Folding: the one normal form in which patterns, quotes and omitted lines are compared with
//! the article (mention rule 2).
//!
//! Any run of whitespace is one space, typographic single quotes are `'`, typographic double
//! quotes are `"` and dashes are `-`. The article's [`FoldedText`] is a sparse map between folded
//! offsets and byte offsets in the original, so every match can be reported where it stands on
//! disk; the folded text itself is folded again from the original a part at a time where it is
//! scanned ([`Source`]), and made whole only when asked for.
//!
//! The numbered rules: `docs/fact-sheet.md`, "How mentions are found".

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
    fold_bounded(text, &mut out, usize::MAX);
    out
}

/// Folds `text` like [`fold`] into `out` (cleared first), giving up as soon as the result is
/// longer than `limit` bytes; returns whether it fit. Comparing every line of an article with
/// short `omit` lines then costs a few bytes a line, not a fold of the whole article.
pub fn fold_bounded(text: &str, out: &mut String, limit: usize) -> bool {
    out.clear();
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
        if out.len() > limit {
            return false;
        }
    }
    true
}

/// [`FoldedText::new`] counts a text this long in two halves.
const HALVES_FROM: usize = 2 << 20;

/// Where the count of `original[skip..]` can be cut in two, near the middle: between two ASCII
/// letters or digits outside the `removed` ranges, where folding is in no run of whitespace and
/// changes nothing, so each half folds as it would in the whole.
fn halfway(original: &str, skip: usize, removed: &[Range<usize>]) -> Option<usize> {
    let bytes = original.as_bytes();
    // The first byte of the pair looked for.
    let mut at = (skip + bytes.len().saturating_sub(skip) / 2)
        .saturating_sub(1)
        .max(skip);
    while at < bytes.len() {
        let inside = removed.partition_point(|r| r.end <= at);
        if let Some(r) = removed.get(inside).filter(|r| r.start <= at) {
            at = r.end;
            continue;
        }
        let end = removed.get(inside).map_or(bytes.len(), |r| r.start);
        let found = bytes[at..end]
            .windows(2)
            .position(|w| w[0].is_ascii_alphanumeric() && w[1].is_ascii_alphanumeric());
        match found {
            Some(k) => return Some(at + k + 1),
            None => at = end,
        }
    }
    None
}

/// Separates what omitted lines leave behind, so nothing matches across them. Folding turns
/// every line break into a space, so this byte never occurs in folded text otherwise, and it is
/// not alphanumeric, so it is a word boundary.
pub const BARRIER: u8 = b'\n';

/// An article's folded form, as the way between its offsets and the original's: where the
/// offset changes, and the folded length. The folded text itself is not kept: [`Source`] folds
/// any part of it again on demand, so that `check` can scan the article a piece at a time
/// instead of holding a whole folded copy beside the original (at 256 MiB that copy alone was
/// as large as the memory bound left room for).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FoldedText {
    /// The folded text's length in bytes.
    len: usize,
    /// Folded positions where the offset to the original changes, ascending…
    at: Vec<u32>,
    /// …and the offset (original − folded) from that position on.
    delta: Vec<u32>,
    /// Where each removed range stands in the folded text, as its [`BARRIER`], ascending.
    barriers: Vec<u32>,
}

impl FoldedText {
    /// Folds `original[skip..]`, replacing each range in `removed` (sorted, disjoint, inside the
    /// text, on character boundaries, none empty) with a single [`BARRIER`], and keeps the way
    /// back; the folded text is counted, not written.
    ///
    /// A text of [`HALVES_FROM`] bytes or more is counted in two halves, the second on a
    /// thread of its own: `check` reads and indexes the article on one thread while the other
    /// parses the fact sheet, and that thread is idle by the time the count begins (it was the
    /// last 8 ms of the 30 before the scan of a 10 MiB article could begin).
    #[must_use]
    pub fn new(original: &str, skip: usize, removed: &[Range<usize>]) -> Self {
        match halfway(original, skip, removed) {
            Some(half) if original.len() >= HALVES_FROM => {
                let (first, second) = std::thread::scope(|s| {
                    let second = s.spawn(|| Self::counted(original, half, removed));
                    let first = Self::counted(&original[..half], skip, removed);
                    let second = second
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    (first, second)
                });
                first.then(&second)
            }
            _ => Self::counted(original, skip, removed),
        }
    }

    /// [`Self::new`] on one thread.
    fn counted(original: &str, skip: usize, removed: &[Range<usize>]) -> Self {
        // The ranges past the end of `original` (a first half's) are not its.
        let removed = &removed[..removed.partition_point(|r| r.start < original.len())];
        let mut b = Builder::new(Count(0), skip, usize::MAX);
        b.fold(original, skip, removed);
        Self {
            len: b.out.0,
            at: b.at,
            delta: b.delta,
            barriers: b.barriers,
        }
    }

    /// The map of a text made of this one's text and then `second`'s, which was counted from
    /// where this one's ends ([`halfway`]).
    fn then(mut self, second: &Self) -> Self {
        let shift = self.len as u32;
        self.at.reserve(second.at.len());
        self.delta.reserve(second.delta.len());
        // The second's first checkpoint says where it began, which this map's last says too.
        for (at, delta) in second.at.iter().zip(&second.delta).skip(1) {
            self.at.push(at + shift);
            self.delta.push(delta - shift);
        }
        self.barriers
            .extend(second.barriers.iter().map(|b| b + shift));
        self.len += second.len;
        self
    }

    /// [`Self::new`], and the folded text itself.
    #[must_use]
    pub fn with_text(original: &str, skip: usize, removed: &[Range<usize>]) -> (Self, String) {
        let mut b = Builder::new(
            String::with_capacity(original.len() - skip),
            skip,
            usize::MAX,
        );
        b.fold(original, skip, removed);
        let map = Self {
            len: b.out.len(),
            at: b.at,
            delta: b.delta,
            barriers: b.barriers,
        };
        (map, b.out)
    }

    /// The folded text's length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Where each removed range's [`BARRIER`] stands in the folded text, ascending.
    #[must_use]
    pub fn barriers(&self) -> &[u32] {
        &self.barriers
    }

    /// The byte offset in the original of folded offset `pos`. A match `a..b` in the folded text
    /// covers `to_original(a)..to_original(b)` in the original, whole folded runs included.
    #[must_use]
    pub fn to_original(&self, pos: usize) -> usize {
        let i = self.at.partition_point(|&a| a as usize <= pos) - 1;
        pos + self.delta[i] as usize
    }

    /// The folded offset of original offset `pos`, for an offset that folding writes something
    /// for: a character that is kept or becomes ASCII, the first of a run of whitespace, the
    /// start of a removed range (its barrier). The inverse of [`Self::to_original`] there.
    #[must_use]
    pub fn to_folded(&self, pos: usize) -> usize {
        // The last checkpoint whose original offset is at or before `pos`: those offsets
        // ascend as the checkpoints do, and the first is where the folded text starts.
        let (mut lo, mut hi) = (0, self.at.len());
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if (self.at[mid] + self.delta[mid]) as usize <= pos {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        pos - self.delta[lo] as usize
    }

    /// A [`Self::to_original`] for offsets asked in ascending order, such as the starts and
    /// ends of non-overlapping matches in turn: it walks the checkpoints once instead of
    /// searching them for every offset.
    #[must_use]
    pub fn cursor(&self) -> Cursor<'_> {
        Cursor {
            folded: self,
            next: 1,
        }
    }
}

/// An article's folded text, folded again from its original a part at a time, as its
/// [`FoldedText`] maps it: what scans the article (the mention index, the evidence) read.
#[derive(Clone, Copy)]
pub struct Source<'a> {
    original: &'a str,
    removed: &'a [Range<usize>],
    map: &'a FoldedText,
}

impl<'a> Source<'a> {
    /// The folded text of `original` that `map` was made of (by [`FoldedText::new`] with the
    /// same `removed`).
    #[must_use]
    pub fn new(original: &'a str, removed: &'a [Range<usize>], map: &'a FoldedText) -> Self {
        Self {
            original,
            removed,
            map,
        }
    }

    #[must_use]
    pub fn map(&self) -> &'a FoldedText {
        self.map
    }

    /// The folded text from offset `from` (a character boundary of it), at least `len` bytes
    /// of it or to its end, into `out` (cleared first): a few bytes more when the last
    /// character written is longer than what was missing.
    pub fn piece(&self, from: usize, len: usize, out: &mut String) {
        out.clear();
        if from >= self.map.len {
            return;
        }
        let mut b = Builder::new(std::mem::take(out), 0, len);
        b.known = Some((self.map.cursor(), from));
        b.fold(self.original, self.map.to_original(from), self.removed);
        *out = b.out;
    }

    /// The whole folded text.
    #[must_use]
    pub fn whole(&self) -> String {
        let mut out = String::with_capacity(self.map.len);
        self.piece(0, usize::MAX, &mut out);
        out
    }

    /// Where to cut the folded text into about `n` chunks: `0`, then the offsets of spaces,
    /// each folded from ASCII whitespace of the original that begins a run ([`Self::begins_run`],
    /// so folding can begin there), near `k / n` of the folded text; then the length. Fewer
    /// when no such place is found past a cut.
    ///
    /// A chunk that begins with a space holds all that a scan of it reads before a match: no
    /// pattern begins with a space (patterns are trimmed), so a match in it begins a byte or
    /// more after its start.
    #[must_use]
    pub fn bounds(&self, n: usize) -> Vec<usize> {
        let bytes = self.original.as_bytes();
        let start = self.map.to_original(0);
        let mut bounds = vec![0];
        let mut after = start + 1;
        for k in 1..n {
            // Spread over the folded text, not the original: a run of whitespace is one byte.
            let near = self.map.to_original(self.map.len * k / n).max(after);
            let Some(at) = (near..bytes.len()).find(|&i| self.begins_run(i)) else {
                break;
            };
            bounds.push(self.map.to_folded(at));
            after = at + 1;
        }
        bounds.push(self.map.len);
        bounds
    }

    /// Whether original offset `i` (past the text's start) is ASCII whitespace that begins a
    /// run: after a character that is not whitespace, neither in a removed range. Folding
    /// writes a space for it, and can begin there.
    fn begins_run(&self, i: usize) -> bool {
        matches!(
            self.original.as_bytes()[i],
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'
        ) && self.original[..i]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
            && !self.is_removed(i - 1)
            && !self.is_removed(i)
    }

    /// Whether original offset `pos` is inside a removed range.
    fn is_removed(&self, pos: usize) -> bool {
        let i = self.removed.partition_point(|r| r.end <= pos);
        self.removed.get(i).is_some_and(|r| r.start <= pos)
    }
}

/// See [`FoldedText::cursor`].
pub struct Cursor<'a> {
    folded: &'a FoldedText,
    /// The first checkpoint after the last offset asked.
    next: usize,
}

impl Cursor<'_> {
    /// The byte offset in the original of folded offset `pos`. Any order is answered right;
    /// ascending order is answered fast.
    pub fn to_original(&mut self, pos: usize) -> usize {
        let at = &self.folded.at;
        if at[self.next - 1] as usize > pos {
            // Asked out of order: search, as `to_original` does.
            self.next = at.partition_point(|&a| a as usize <= pos);
        }
        while self.next < at.len() && at[self.next] as usize <= pos {
            self.next += 1;
        }
        pos + self.folded.delta[self.next - 1] as usize
    }
}

/// Where folding writes: the folded text, or only its length.
trait Sink {
    fn len(&self) -> usize;
    fn push_str(&mut self, s: &str);
    fn push(&mut self, c: char);
}

impl Sink for String {
    fn len(&self) -> usize {
        String::len(self)
    }
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
    fn push(&mut self, c: char) {
        String::push(self, c);
    }
}

/// The length of the folded text, for [`FoldedText::new`].
struct Count(usize);

impl Sink for Count {
    fn len(&self) -> usize {
        self.0
    }
    fn push_str(&mut self, s: &str) {
        self.0 += s.len();
    }
    fn push(&mut self, c: char) {
        self.0 += c.len_utf8();
    }
}

struct Builder<'a, S> {
    /// The folded text (built as a `String` from `&str` pieces, so it needs no check for UTF-8
    /// at the end), or only its length.
    out: S,
    at: Vec<u32>,
    delta: Vec<u32>,
    barriers: Vec<u32>,
    gap: usize,
    /// Folding stops once this many bytes are written.
    limit: usize,
    /// When folding again what a map was made of: the map, and the folded offset folding
    /// began at. A run of whitespace is then passed over in one step, to where the map says
    /// the original goes on (100 MB of line breaks is one space, read once, not twice).
    known: Option<(Cursor<'a>, usize)>,
}

/// Bytes that the fast path cannot copy as they are: ASCII whitespace other than the space, and
/// the first byte of every character that folding may change (a space only needs work when it
/// follows another). Every non-ASCII character that folds, as whitespace or to an ASCII quote
/// or dash, begins with one of four bytes: 0xC2 (U+0085, U+00A0), 0xE1 (U+1680), 0xE2
/// (U+2000–U+205F, U+2212) and 0xE3 (U+3000). Any other character, an accented letter or a
/// Chinese one, is copied as it is, its bytes and all, and so are those of the first three
/// that do not fold ([`never_folds`]).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t[b'\r' as usize] = true;
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t
};

impl<S: Sink> Builder<'_, S> {
    fn new(out: S, skip: usize, limit: usize) -> Self {
        Self {
            out,
            at: vec![0],
            delta: vec![skip as u32],
            barriers: Vec::new(),
            gap: skip,
            limit,
            known: None,
        }
    }

    fn full(&self) -> bool {
        self.out.len() >= self.limit
    }

    /// Folds `original` from `from` (an offset folding writes something for: see
    /// [`FoldedText::to_folded`]) to its end or the limit, each range of `removed` that ends
    /// after `from` replaced by a [`BARRIER`].
    fn fold(&mut self, original: &str, from: usize, removed: &[Range<usize>]) {
        let mut pos = from;
        let first = removed.partition_point(|r| r.end <= pos);
        for r in &removed[first..] {
            self.fold_span(original, pos, r.start);
            if self.full() {
                return;
            }
            self.barriers.push(self.out.len() as u32);
            self.out.push(char::from(BARRIER));
            self.shift(r.len() - 1);
            pos = r.end;
        }
        self.fold_span(original, pos, original.len());
    }

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
        while i < to && !self.full() {
            // Fast path: copy what never folds (ASCII but for whitespace other than single
            // spaces, and most other characters: see `SPECIAL`) as it is; each of its bytes is
            // a byte of the folded text, so it stops at the limit exactly.
            let room = self.limit - self.out.len();
            let mut plain_end = plain_run_end(bytes, i, to.min(i.saturating_add(room)), in_space);
            // Cut by the limit inside a character: the whole character (it is one that is
            // copied as it is, so its other bytes are too).
            while !original.is_char_boundary(plain_end) {
                plain_end += 1;
            }
            if plain_end > i {
                self.out.push_str(&original[i..plain_end]);
                in_space = bytes[plain_end - 1] == b' ';
                i = plain_end;
            }
            if i >= to || self.full() {
                break;
            }
            let at = self.out.len();
            if in_space
                && (bytes[i].is_ascii_whitespace() || bytes[i] == 0x0B)
                && let Some((map, from)) = self.known.as_mut()
            {
                // Where the map says the next folded byte comes from: past the rest of the run.
                // (Asked in ascending order, so the cursor walks the map once.)
                let next = map.to_original(*from + at).min(to);
                if next > i {
                    i = next;
                    continue;
                }
            }
            if in_space {
                // The rest of a run of ASCII whitespace folds to nothing, in one step: a text of
                // blank lines would otherwise cost a character's decoding per byte.
                let run = whitespace_run(&bytes[i..to]);
                if run > 0 {
                    self.shift(run);
                    i += run;
                    continue;
                }
            }
            let c = original[i..].chars().next().unwrap_or(' ');
            let len = c.len_utf8();
            match fold_char(c) {
                Fold::Space if in_space => self.shift(len),
                Fold::Space => {
                    self.out.push(' ');
                    self.shift(len - 1);
                    in_space = true;
                }
                Fold::Ascii(a) => {
                    self.out.push(char::from(a));
                    self.shift(len - 1);
                    in_space = false;
                }
                Fold::Keep => {
                    self.out.push(c);
                    in_space = false;
                }
            }
            i += len;
        }
    }
}

/// How many bytes at the start of `bytes` are ASCII whitespace or vertical tabs: the rest of a
/// run that folds to nothing.
fn whitespace_run(bytes: &[u8]) -> usize {
    // Most runs in prose are a byte or two (a line break after a space, a blank line): counted
    // a byte a step, as a block costs some 40 ns even when the run ends at once (5% of
    // `check`'s time on the workload).
    let first = bytes
        .iter()
        .take(BLANK_BLOCK)
        .take_while(|&&b| blank(b))
        .count();
    if first < BLANK_BLOCK {
        return first;
    }
    BLANK_BLOCK + whitespace_blocks(&bytes[BLANK_BLOCK..])
}

/// The bytes a step of [`whitespace_blocks`].
const BLANK_BLOCK: usize = 32;

/// ASCII whitespace, or a vertical tab: a space, or 0x09 to 0x0D (as two comparisons, which
/// the compiler can make vector instructions, where a match of the five bytes is a bit test).
fn blank(b: u8) -> bool {
    b == b' ' || b.wrapping_sub(b'\t') < 5
}

/// [`whitespace_run`] of a long run, whole blocks a step (a test of each byte into a flag, then
/// all of them at once, which the compiler makes a few vector compares): 100 MB of line breaks
/// were counted a byte a step, as fast or a third slower depending on how it was compiled. Kept
/// out of line: inlined into its caller, the blocks were compiled a byte at a time, 1.5 × as
/// slow.
#[inline(never)]
fn whitespace_blocks(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(BLANK_BLOCK);
    let mut run = 0;
    for block in blocks.by_ref() {
        let blanks: u8 = block.iter().map(|&b| u8::from(blank(b))).sum();
        if usize::from(blanks) < BLANK_BLOCK {
            return run + block.iter().take_while(|&&b| blank(b)).count();
        }
        run += BLANK_BLOCK;
    }
    run + blocks.remainder().iter().take_while(|&&b| blank(b)).count()
}

/// Where the run of bytes from `from` that folding copies as they are ends: at the first byte
/// of [`SPECIAL`], or at a space after a space (`in_space` says whether what comes just before
/// `from` folded to a space), or at `to`.
///
/// Past the first byte, blocks of 32 bytes are tested at once: a flag for each byte that might
/// stop the run, from comparisons of the block and of the bytes just before it (every one of
/// which was plain, so a space there folded to a space), which the compiler makes a few vector
/// instructions; then the flags packed into a bit mask ([`crate::bits::packed`]). Most blocks
/// of an English text hold nothing to fold. (Shifting each flag into the mask compiled to lane
/// shuffles: 14% of `check`'s time; asking the block only whether it held any, and walking
/// one that did byte by byte, was as slow on an article with a stop every 50 bytes.)
fn plain_run_end(bytes: &[u8], from: usize, to: usize, in_space: bool) -> usize {
    const BLOCK: usize = 32;
    if from >= to || stops_run(bytes, from, in_space) {
        return from.min(to);
    }
    let mut i = from + 1;
    while i + BLOCK <= to {
        let block = &bytes[i..i + BLOCK];
        let before = &bytes[i - 1..i - 1 + BLOCK];
        let mut flags = [0u8; BLOCK];
        for ((flag, &b), &p) in flags.iter_mut().zip(block).zip(before) {
            *flag = u8::from(b.wrapping_sub(b'\t') < 5)
                | u8::from(b == 0xC2)
                | u8::from(b.wrapping_sub(0xE1) < 3)
                | (u8::from(b == b' ') & u8::from(p == b' '));
        }
        let mut stop = crate::bits::packed(&flags);
        while stop != 0 {
            let at = i + stop.trailing_zeros() as usize;
            if stops_run(bytes, at, bytes[at - 1] == b' ') {
                return at;
            }
            stop &= stop - 1;
        }
        i += BLOCK;
    }
    while i < to {
        if stops_run(bytes, i, bytes[i - 1] == b' ') {
            return i;
        }
        i += 1;
    }
    to
}

/// Whether the byte at `at` ends a run of bytes copied as they are: a byte of [`SPECIAL`]
/// that begins a character which folds, or a space after one (`in_space`).
#[inline]
fn stops_run(bytes: &[u8], at: usize, in_space: bool) -> bool {
    let b = bytes[at];
    (SPECIAL[usize::from(b)] && !never_folds(bytes, at)) || (b == b' ' && in_space)
}

/// Whether the character at `at` begins with one of [`SPECIAL`]'s lead bytes but is one that
/// folding keeps as it is: all that begin with 0xC2 but U+0085 and U+00A0 (« » © °), with
/// 0xE1 but U+1680, with 0xE3 but U+3000 (Japanese kana, CJK punctuation). Those beginning
/// with 0xE2 (typographic quotes, dashes, spaces) are left to the slow path.
fn never_folds(bytes: &[u8], at: usize) -> bool {
    match bytes[at] {
        0xC2 => !matches!(bytes.get(at + 1), Some(0x85 | 0xA0)),
        0xE1 => bytes.get(at + 1..at + 3) != Some(&[0x9A, 0x80]),
        0xE3 => bytes.get(at + 1..at + 3) != Some(&[0x80, 0x80]),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::fold as reference;

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
        let (f, text) = FoldedText::with_text(original, 3, &[]);
        assert_eq!(text, "A B's - C D");
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
        assert_eq!(f.to_original(text.len()), original.len());
    }

    #[test]
    fn removed_ranges_become_barriers() {
        let original = "foo\n\nAdvertisement\n\nbar";
        let removed = [Range { start: 5, end: 18 }];
        let (f, text) = FoldedText::with_text(original, 0, &removed);
        assert_eq!(text, "foo \n bar");
        assert_eq!(&original[f.to_original(6)..], "bar");
    }

    #[test]
    fn plain_ascii_needs_no_checkpoints() {
        let f = FoldedText::new("plain text with single spaces.", 0, &[]);
        assert_eq!(f.at.len(), 1);
        assert_eq!(f.to_original(6), 6);
    }

    /// A workload article, made harder to fold, with its omitted lines as `Article` finds them.
    fn rough_workload() -> (String, Vec<Range<usize>>) {
        let w = briefing_workload::generate(256 * 1024, 100, 21);
        let text = briefing_workload::roughened(&w.article);
        let omit: Vec<String> = ["Advertisement", "Share this article on social media"]
            .iter()
            .map(|o| reference::fold(o))
            .collect();
        let removed = reference::omitted_lines(&text, 3, &omit);
        assert!(removed.len() > 5);
        (text, removed)
    }

    #[test]
    fn folds_and_maps_like_the_plain_reference() {
        let (text, removed) = rough_workload();
        let (want, src) = reference::fold_mapped(&text, 3, &removed);
        let (f, folded) = FoldedText::with_text(&text, 3, &removed);
        assert_eq!(folded, want);
        let mut cursor = f.cursor();
        for (pos, &original) in src.iter().enumerate() {
            assert_eq!(f.to_original(pos), original, "folded offset {pos}");
            assert_eq!(cursor.to_original(pos), original, "folded offset {pos}");
        }
        // Out of order, the cursor is still right.
        for pos in (0..src.len()).rev().step_by(997) {
            assert_eq!(cursor.to_original(pos), src[pos]);
        }
    }

    #[test]
    fn a_map_counted_in_two_halves_is_the_map_counted_whole() {
        let (text, removed) = rough_workload();
        let whole = FoldedText::counted(&text, 3, &removed);
        let bytes = text.as_bytes();
        let mut cuts = 0;
        // Around every omitted line, and through the rest (each cut counts the whole text).
        let near = removed
            .iter()
            .flat_map(|r| (r.start - 4..r.start).chain(r.end..r.end + 4));
        let through = (5..text.len()).step_by(text.len() / 700);
        for half in near.chain(through) {
            let inside = removed.iter().any(|r| r.start <= half && half < r.end);
            if inside
                || !bytes[half - 1].is_ascii_alphanumeric()
                || !bytes[half].is_ascii_alphanumeric()
            {
                continue;
            }
            let halves = FoldedText::counted(&text[..half], 3, &removed)
                .then(&FoldedText::counted(&text, half, &removed));
            assert_eq!(halves, whole, "cut at {half}");
            cuts += 1;
        }
        assert!(cuts > 300, "{cuts}");
        // Where the count is cut: such a place, near the middle, or none.
        let half = halfway(&text, 3, &removed).expect("a place to cut");
        assert!(
            half.abs_diff(text.len() / 2) < 100,
            "{half} of {}",
            text.len()
        );
        assert!(bytes[half - 1].is_ascii_alphanumeric() && bytes[half].is_ascii_alphanumeric());
        assert_eq!(halfway("  \n\n  ", 0, &[]), None);
        assert_eq!(halfway("ab", 0, &[]), Some(1));
        let first: Vec<Range<usize>> = vec![0..2, 5..5];
        assert_eq!(halfway("ab cd", 0, &first[..1]), Some(4));
        let last: Vec<Range<usize>> = vec![3..5, 5..5];
        assert_eq!(halfway("ab cd", 0, &last[..1]), None);
        // A text long enough to be counted on two threads.
        let long = text.repeat(HALVES_FROM / text.len() + 1);
        let n = text.len();
        let removed: Vec<Range<usize>> = (0..long.len() / n)
            .flat_map(|k| removed.iter().map(move |r| r.start + k * n..r.end + k * n))
            .collect();
        assert_eq!(
            FoldedText::new(&long, 3, &removed),
            FoldedText::counted(&long, 3, &removed)
        );
    }

    #[test]
    fn the_text_folded_again_from_any_character_is_the_whole_folded_text() {
        let (text, removed) = rough_workload();
        let (whole_map, whole) = FoldedText::with_text(&text, 3, &removed);
        let map = FoldedText::new(&text, 3, &removed);
        assert_eq!(
            (map.len(), &map.at, &map.delta, &map.barriers),
            (
                whole.len(),
                &whole_map.at,
                &whole_map.delta,
                &whole_map.barriers
            )
        );
        assert!(map.barriers().len() == removed.len());
        assert!(
            map.barriers()
                .iter()
                .all(|&b| whole.as_bytes()[b as usize] == BARRIER)
        );
        let source = Source::new(&text, &removed, &map);
        assert!(source.whole() == whole);
        let mut piece = String::new();
        for (i, _) in whole.char_indices() {
            let o = map.to_original(i);
            assert_eq!(map.to_folded(o), i, "folded offset {i}");
            if i % 61 == 0 {
                source.piece(i, 40, &mut piece);
                assert!(whole[i..].starts_with(piece.as_str()), "from {i}");
                assert!(piece.len() >= 40.min(whole.len() - i) && piece.len() < 44);
            }
        }
        // The chunks' bounds: spaces, ascending, the whole text between them.
        let bounds = source.bounds(300);
        assert!(bounds.len() > 250, "{}", bounds.len());
        assert!(bounds.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(bounds.last(), Some(&whole.len()));
        for &b in &bounds[1..bounds.len() - 1] {
            assert_eq!(whole.as_bytes()[b], b' ', "bound {b}");
        }
        // Text cut only at line ends after other letters, or only by carriage returns, or with
        // most of its bytes in long runs of line breaks: cut as evenly in its folded text.
        let texts = [
            "日本語のテキスト。\n".repeat(2_000),
            "word\u{a0}word\r".repeat(2_000),
            format!(
                "{}{}",
                "\n".repeat(200_000),
                "some words here ".repeat(2_000)
            ),
        ];
        for text in &texts {
            let map = FoldedText::new(text, 0, &[]);
            let source = Source::new(text, &[], &map);
            let bounds = source.bounds(10);
            assert_eq!(bounds.len(), 11, "{:?}", &text[..12]);
            let widest = bounds.windows(2).map(|w| w[1] - w[0]).max().unwrap_or(0);
            assert!(widest < map.len() / 5, "{widest} of {}", map.len());
            let whole = source.whole();
            for &b in &bounds[1..10] {
                assert_eq!(whole.as_bytes()[b], b' ');
                let mut piece = String::new();
                source.piece(b, 50, &mut piece);
                assert!(whole[b..].starts_with(piece.as_str()));
            }
        }
    }

    #[test]
    fn every_character_folds_like_the_plain_reference() {
        // Each character of the Basic Multilingual Plane and a few beyond it, alone, after a
        // space, before a quote and at a line's end: the fast path copies every character
        // that does not fold, and must stop at every one that does.
        let mut text = String::new();
        let astral = ['\u{10000}', '\u{1F600}', '\u{E0020}', '\u{10FFFF}'];
        for c in (0x80..=0xFFFF).filter_map(char::from_u32).chain(astral) {
            text.extend(['x', c, ' ', c, '\u{2019}', c, '\n', c, c, ' ', ' ']);
        }
        let (want, src) = reference::fold_mapped(&text, 0, &[]);
        let (f, folded) = FoldedText::with_text(&text, 0, &[]);
        assert!(folded == want, "the folded text differs");
        let counted = FoldedText::new(&text, 0, &[]);
        assert!(Source::new(&text, &[], &counted).whole() == want);
        for (pos, &original) in src.iter().enumerate().step_by(7) {
            assert_eq!(f.to_original(pos), original, "folded offset {pos}");
        }
    }

    /// The run's end as the fast path had it before blocks: byte by byte.
    fn plain_run_end_by_byte(bytes: &[u8], from: usize, to: usize, mut in_space: bool) -> usize {
        for at in from..to {
            if stops_run(bytes, at, in_space) {
                return at;
            }
            in_space = bytes[at] == b' ';
        }
        to.max(from)
    }

    proptest::proptest! {
        /// A run of whitespace ends where the bytes one by one say, wherever in or across
        /// blocks its end falls.
        #[test]
        fn whitespace_runs_end_where_byte_by_byte_they_do(
            run in 0usize..200,
            kinds in proptest::collection::vec(0usize..6, 0..200),
            after in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
        ) {
            let blanks = [b' ', b'\t', b'\n', b'\r', 0x0B, 0x0C];
            let mut bytes: Vec<u8> =
                (0..run).map(|k| blanks[kinds.get(k).copied().unwrap_or(2)]).collect();
            bytes.extend(&after);
            let by_byte = bytes
                .iter()
                .take_while(|b| b.is_ascii_whitespace() || **b == 0x0B)
                .count();
            proptest::prop_assert_eq!(whitespace_run(&bytes), by_byte);
        }

        /// The blocks stop where the bytes one by one do: every byte that may stop a run,
        /// next to others and to spaces, at every place of a block and across blocks.
        #[test]
        fn plain_runs_end_where_byte_by_byte_they_do(
            picks in proptest::collection::vec(0usize..1000, 0..300),
            spaces in 0usize..500,
            from in 0usize..300,
            length in 0usize..300,
            in_space: bool,
        ) {
            // Whole characters that fold and that do not, beside their lead bytes alone.
            const PIECES: [&[u8]; 20] = [
                b" ", b"\t", b"\n", &[0x0B], &[0x0C], b"\r", &[0xC2], &[0xC2, 0x85],
                &[0xC2, 0xA0], &[0xC2, 0xAB], &[0xE1, 0x9A, 0x80], &[0xE1, 0x88, 0x80], &[0xE2],
                &[0xE2, 0x80, 0x99], &[0xE3, 0x80, 0x80], &[0xE3, 0x81, 0x81], &[0xE3], &[0x1F],
                &[0xC3, 0xA9], &[0x80],
            ];
            // Mostly letters and spaces (as many as `spaces` says), so that a block may hold
            // one character that stops the run and no other.
            let pick = |k: usize| match PIECES.get(k) {
                Some(&piece) => piece,
                None if k < PIECES.len() + spaces => b" ",
                None => b"e",
            };
            let bytes: Vec<u8> = picks.iter().flat_map(|&k| pick(k).iter().copied()).collect();
            let from = from.min(bytes.len());
            let to = (from + length).min(bytes.len());
            proptest::prop_assert_eq!(
                plain_run_end(&bytes, from, to, in_space),
                plain_run_end_by_byte(&bytes, from, to, in_space)
            );
        }
    }

    #[test]
    fn short_texts_fold_like_the_plain_reference() {
        let (text, _) = rough_workload();
        for line in text.split('\n').chain(text.split(". ")) {
            assert_eq!(fold(line), reference::fold(line), "{line:?}");
        }
    }
}
