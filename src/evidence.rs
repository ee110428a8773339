//! Evidence: finding the words an event or a fact quotes (mention rule 7).
//!
//! Quotes are compared folded, like mentions, but need not be whole words and are never
//! capitalised. A quote that is not in the article is a problem, never fuzzy-matched; when only
//! a line that `omit` hides stands in its way, the problem names that line. A quote may leave
//! words out with `…` or `...`: its parts are then found in order within one paragraph.
//!
//! The numbered rules: `docs/fact-sheet.md`, "How mentions are found".

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::AhoCorasick;
use daachorse::{DoubleArrayAhoCorasickBuilder, MatchKind as DaachorseKind};

use crate::article::Article;
use crate::chunks;
use crate::fold::{BARRIER, FoldedText, fold};
use crate::span::Span;

mod missing;
pub use missing::{first_of_each, longest_prefix_all, loosely_all, other_case_all};

/// Where a quote stands in the article (bytes on disk), and how often it occurs there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Where it stands in the article.
    pub span: Span,
    /// Occurrences in the article; the first is the one shown.
    pub count: u32,
}

/// Finds each quote in one pass over the article; `None` for a quote that is not there. The
/// parts of a quote that leaves words out (see [`find_elided`]) are found in the same pass.
#[must_use]
pub fn locate(article: &Article, quotes: &[&str]) -> Vec<Option<Quote>> {
    let locator = Locator::new(quotes);
    let parts = chunks::each(article.folded_source(), locator.reach(), |c| {
        locator.search_chunk(c)
    });
    locator.finish(article, parts).0
}

/// How a quote is found: as one of the patterns, or part by part (its parts' patterns).
enum Slot {
    Blank,
    Pattern(usize),
    Elided(Vec<usize>),
}

/// What [`locate`] searches the article for, and how: its steps apart, so that the mention
/// index's pass over the article can search each chunk for the quotes too
/// (`mentions::Automaton::index_with`), and the article is folded once for both.
pub(crate) struct Locator {
    slots: Vec<Slot>,
    /// Each distinct pattern: a quote, or a part of one that leaves words out.
    patterns: Vec<String>,
    searcher: Searcher,
}

impl Locator {
    #[must_use]
    pub(crate) fn new(quotes: &[&str]) -> Self {
        let mut distinct: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut add = |p: String| {
            *distinct.entry(p).or_insert_with_key(|p| {
                patterns.push(p.clone());
                patterns.len() - 1
            })
        };
        let slots: Vec<Slot> = quotes
            .iter()
            .map(|q| {
                let f = fold(q);
                if f.is_empty() {
                    return Slot::Blank;
                }
                if let Some(parts) = elided_parts(q) {
                    return Slot::Elided(parts.into_iter().map(&mut add).collect());
                }
                Slot::Pattern(add(f))
            })
            .collect();
        let searcher = Searcher::new(&patterns);
        Self {
            slots,
            patterns,
            searcher,
        }
    }

    /// How far past its end a chunk's search reads: a pattern that starts in it, and the
    /// grams looked at up to `STEP` bytes past its end.
    #[must_use]
    pub(crate) fn reach(&self) -> usize {
        self.patterns.iter().map(String::len).max().unwrap_or(0) + STEP + GRAM
    }

    /// What one chunk of the folded article holds of each pattern.
    #[must_use]
    pub(crate) fn search_chunk(&self, chunk: chunks::Chunk<'_>) -> Vec<Hits> {
        self.searcher.search_chunk(&self.patterns, chunk)
    }

    /// Where each quote stands, from what the chunks of the article held (in their order); and,
    /// for each quote found more than once, where each copy of it starts in the folded text,
    /// overlapping ones too (of its first part, for a quote that leaves words out: what its
    /// count counts), empty for the others.
    #[must_use]
    pub(crate) fn finish(
        self,
        article: &Article,
        parts: Vec<Vec<Hits>>,
    ) -> (Vec<Option<Quote>>, Vec<Vec<usize>>) {
        let Self {
            slots, patterns, ..
        } = self;
        let hits = merge(parts, patterns.len());
        let folded = article.folded();
        let walls = OnceCell::new();
        let to_quote = |start: usize, end: usize, count: u32| Quote {
            span: Span::new(
                folded.to_original(start) as u32,
                folded.to_original(end) as u32,
            ),
            count,
        };
        let copies = |i: usize, q: &Option<Quote>| -> Vec<usize> {
            if q.is_some_and(|q| q.count > 1) {
                hits[i].starts.iter().map(|&s| s as usize).collect()
            } else {
                Vec::new()
            }
        };
        slots
            .into_iter()
            .map(|s| match s {
                Slot::Blank => (None, Vec::new()),
                Slot::Pattern(i) => {
                    let q = hits[i]
                        .first
                        .map(|start| to_quote(start, start + patterns[i].len(), hits[i].count));
                    (q, copies(i, &q))
                }
                Slot::Elided(parts) => {
                    let lens: Vec<usize> = parts.iter().map(|&i| patterns[i].len()).collect();
                    let each: Vec<Vec<usize>> = parts
                        .iter()
                        .map(|&i| each_after(&hits[i].starts, patterns[i].len()))
                        .collect();
                    let at: Vec<&[usize]> = each.iter().map(Vec::as_slice).collect();
                    let walls = walls.get_or_init(|| Walls::new(article));
                    let q = elide(article, walls, &lens, &at).ok();
                    let copies = parts.first().map_or_else(Vec::new, |&i| copies(i, &q));
                    (q, copies)
                }
            })
            .unzip()
    }
}

/// Of the occurrences of a pattern of `len` bytes that start at `starts` (ascending,
/// overlapping ones too), those a search from the start finds: each after the one before.
fn each_after(starts: &[u32], len: usize) -> Vec<usize> {
    let mut next = 0;
    let mut out = Vec::new();
    for &at in starts {
        let at = at as usize;
        if at >= next {
            out.push(at);
            next = at + len;
        }
    }
    out
}

/// The parts of a quote that leaves words out with `…` or `...`, folded, the empty ones left
/// out; `None` for a quote without either.
#[must_use]
pub fn elided_parts(quote: &str) -> Option<Vec<String>> {
    if !quote.contains('…') && !quote.contains("...") {
        return None;
    }
    Some(
        quote
            .split('…')
            .flat_map(|p| p.split("..."))
            .map(fold)
            .filter(|p| !p.is_empty())
            .collect(),
    )
}

/// Finds a quote given as `parts`: each part found by the rules of evidence, in order, within
/// one paragraph and crossing no omitted line; the quote is the whole span from the first part
/// to the last, counted by how many occurrences of the first part begin one. Otherwise the
/// index of the first part that could not be found (in the article, or after the one before).
///
/// The occurrences of a part are those a search from the start finds without overlap (one
/// begins after the end of the one before): [`locate`] finds the same, for every quote at once.
pub fn find_elided(article: &Article, parts: &[String]) -> Result<Quote, usize> {
    find_elided_all(article, &[parts]).pop().unwrap_or(Err(0))
}

/// [`find_elided`] for each quote given as its parts, what no quote crosses found once for
/// them all (it is a scan of every line).
#[must_use]
pub fn find_elided_all(article: &Article, quotes: &[&[String]]) -> Vec<Result<Quote, usize>> {
    let text = article.folded_str();
    let walls = Walls::new(article);
    quotes
        .iter()
        .map(|parts| {
            let at: Vec<Vec<usize>> = parts
                .iter()
                .map(|p| memchr::memmem::find_iter(text.as_bytes(), p.as_bytes()).collect())
                .collect();
            let lens: Vec<usize> = parts.iter().map(String::len).collect();
            let at: Vec<&[usize]> = at.iter().map(Vec::as_slice).collect();
            elide(article, &walls, &lens, &at)
        })
        .collect()
}

/// What no elided quote crosses: blank lines (their starts, bytes on disk) and omitted lines
/// (the barriers they leave in the folded text), ascending.
struct Walls {
    blank: Vec<usize>,
    barriers: Vec<usize>,
}

impl Walls {
    fn new(article: &Article) -> Self {
        let text = article.text();
        Self {
            // The lines in order, by one scan (not each line looked up on its own).
            blank: (article.lines().ranges(text, 0))
                .filter(|r| text[r.clone()].trim().is_empty())
                .map(|r| r.start)
                .collect(),
            barriers: (article.folded().barriers().iter())
                .map(|&b| b as usize)
                .collect(),
        }
    }
}

/// [`find_elided`] given the occurrences `at[k]` of each part (folded offsets, ascending,
/// without overlap) and its length in bytes `lens[k]`.
fn elide(
    article: &Article,
    walls: &Walls,
    lens: &[usize],
    at: &[&[usize]],
) -> Result<Quote, usize> {
    let folded = article.folded();
    // Each step takes the first occurrence after the part before, which is the nearest, so if
    // it is in another paragraph, every later one is too.
    if lens.is_empty() {
        return Err(0);
    }
    let any_within = |at: &[usize], from: usize, to: usize| {
        at.get(at.partition_point(|&b| b < from))
            .is_some_and(|&b| b < to)
    };
    let mut first: Option<(usize, usize)> = None;
    let mut count = 0u32;
    let mut reached = 0;
    for &start in at[0] {
        let mut end = start + lens[0];
        let mut k = 1;
        while k < lens.len() {
            let i = at[k].partition_point(|&a| a < end);
            let Some(&next) = at[k].get(i) else { break };
            if any_within(&walls.barriers, end, next)
                || any_within(
                    &walls.blank,
                    folded.to_original(end),
                    folded.to_original(next),
                )
            {
                break;
            }
            end = next + lens[k];
            k += 1;
        }
        reached = reached.max(k);
        if k == lens.len() {
            count += 1;
            first.get_or_insert((start, end));
        }
    }
    match first {
        Some((start, end)) => Ok(Quote {
            span: Span::new(
                folded.to_original(start) as u32,
                folded.to_original(end) as u32,
            ),
            count,
        }),
        None => Err(reached),
    }
}

/// How many bytes of each short pattern the automaton of [`Short`] holds: short keys keep it small
/// (and quick to build and to run through); each occurrence of a key is then compared in full.
const KEY: usize = 12;

/// The key of a pattern: where it starts in the pattern, and its bytes. The whole of a short
/// pattern; in a longer one, the [`KEY`] bytes from its least common byte (the first of equally
/// common ones), so that the automaton leaves its start less often, and wanders less.
fn key_of(pattern: &[u8]) -> (usize, &[u8]) {
    if pattern.len() <= KEY {
        return (0, pattern);
    }
    let at = (0..=pattern.len() - KEY)
        .min_by_key(|&i| commonness(pattern[i]))
        .unwrap_or(0);
    (at, &pattern[at..at + KEY])
}

/// How common a byte is in prose, roughly: lower is rarer.
fn commonness(b: u8) -> u8 {
    match b {
        b' ' => 4,
        b'e' | b't' | b'a' | b'o' | b'i' | b'n' | b's' | b'r' | b'h' => 3,
        b'a'..=b'z' | b'.' | b',' => 2,
        0x80..=0xBF => 1, // inside a character past ASCII
        _ => 0,           // capitals, digits, other punctuation, a character's first byte
    }
}

/// What a search finds of one pattern (folded offsets).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hits {
    /// Where its first occurrence starts.
    first: Option<usize>,
    /// How many occurrences, overlapping ones included.
    count: u32,
    /// Where each occurrence starts, overlapping ones included, ascending: the parts of a
    /// quote that leaves words out are found by them, and a quote found more than once is
    /// told where each copy stands. `u32`, as an article's offsets are stored everywhere: a
    /// common word as a part is found hundreds of thousands of times.
    starts: Vec<u32>,
}

impl Hits {
    /// An occurrence at `start` (in any order: the starts are sorted once a chunk is done).
    fn add(&mut self, start: usize) {
        self.first = Some(self.first.map_or(start, |f| f.min(start)));
        self.count += 1;
        self.starts.push(start as u32);
    }
}

/// One chunk's search (`Searcher::search_chunk`): the text, the patterns, the chunk
/// (`from..to`: the occurrences that start in it are its), and what it found.
struct Chunk<'a> {
    /// The text from `offset` on (folded offsets): what the offsets below count from.
    bytes: &'a [u8],
    offset: usize,
    patterns: &'a [String],
    from: usize,
    to: usize,
    found: Vec<Hits>,
}

impl Chunk<'_> {
    /// Pattern `n`, if it starts at `start` (`None`: before the text) in this chunk.
    fn try_at(&mut self, n: usize, start: Option<usize>) {
        let Some(start) = start.filter(|s| (self.from..self.to).contains(s)) else {
            return;
        };
        if self.bytes[start..].starts_with(self.patterns[n].as_bytes()) {
            self.found[n].add(self.offset + start);
        }
    }
}

/// The text is looked at every [`STEP`] bytes, [`GRAM`] bytes at a time, for the patterns of
/// [`LONG`] bytes or more: each holds, within its first `STEP` bytes, one `GRAM` that starts at
/// a multiple of `STEP` wherever the pattern stands.
const STEP: usize = 8;
const GRAM: usize = 8;
const LONG: usize = STEP + GRAM - 1;

/// The long patterns' grams: for each of the first [`STEP`] places `j` of each pattern, the
/// [`GRAM`] bytes from there, with the pattern and `j`.
///
/// A quote is a sentence or more, and a scan of a few hundred of them by an automaton went
/// through the double array at every byte (a fifth of `check`'s time on the 10 MiB workload);
/// looking up one word of eight bytes at every eighth byte in a hash map does an eighth of the
/// lookups. (A hash map of `rustc-hash`: the standard one's hash costs more than the lookup.)
///
/// Almost every gram of the article is in no pattern, and the map's lookup cost 17 ns each even
/// so (11 ms of a 5 MiB chunk); a bit for each of [`SEEN_BITS`] hashes of the grams, small
/// enough to stay in the first-level cache, rules most of them out first for the price of a
/// multiply (a Bloom filter of one hash: a crate for it would add more than these lines).
struct Grams {
    of: rustc_hash::FxHashMap<u64, Vec<(u32, u8)>>,
    /// Bit [`seen_bit`]`(g)` is set for every gram `g` in `of`.
    seen: Vec<u64>,
}

/// The bits of [`Grams::seen`]: 16 KiB. With the 2,400 grams of 300 quotes, one gram in 55 of
/// those not in a pattern passes it.
const SEEN_BITS: u32 = 17;

/// Where gram `gram` is marked in [`Grams::seen`]: the top bits of a multiplicative hash.
fn seen_bit(gram: u64) -> usize {
    (gram.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SEEN_BITS)) as usize
}

impl Grams {
    fn new(patterns: &[String]) -> Self {
        let mut of: rustc_hash::FxHashMap<u64, Vec<(u32, u8)>> = rustc_hash::FxHashMap::default();
        for (n, p) in patterns.iter().enumerate() {
            let p = p.as_bytes();
            if p.len() < LONG {
                continue;
            }
            for j in 0..STEP {
                if let Some(gram) = gram_at(p, j) {
                    of.entry(gram).or_default().push((n as u32, j as u8));
                }
            }
        }
        let mut seen = vec![0u64; (1 << SEEN_BITS) / 64];
        for gram in of.keys() {
            let bit = seen_bit(*gram);
            seen[bit / 64] |= 1 << (bit % 64);
        }
        Self { of, seen }
    }

    /// The patterns' places that hold `gram`, if any.
    fn holding(&self, gram: u64) -> Option<&Vec<(u32, u8)>> {
        let bit = seen_bit(gram);
        if self.seen[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.of.get(&gram)
    }

    /// The occurrences of the long patterns in `chunk`.
    fn scan(&self, chunk: &mut Chunk) {
        if self.of.is_empty() {
            return;
        }
        // A pattern starting at `s` in the chunk is seen at the multiple of STEP in
        // `s..s + STEP`.
        let mut i = chunk.from.next_multiple_of(STEP);
        let end = chunk.to.saturating_add(STEP - 1).min(chunk.bytes.len());
        while i < end {
            if let Some(list) = gram_at(chunk.bytes, i).and_then(|g| self.holding(g)) {
                for &(n, j) in list {
                    chunk.try_at(n as usize, i.checked_sub(usize::from(j)));
                }
            }
            i += STEP;
        }
    }
}

/// The [`GRAM`] bytes of `bytes` from `at`, as a number; `None` past the end.
fn gram_at(bytes: &[u8], at: usize) -> Option<u64> {
    let gram: [u8; GRAM] = bytes.get(at..at + GRAM)?.try_into().ok()?;
    Some(u64::from_le_bytes(gram))
}

/// Up to this many short patterns are each searched on their own, with memchr's SIMD search;
/// more, by one automaton, which costs the same whatever their number.
const FEW_SHORT: usize = 8;

/// The patterns shorter than [`LONG`] bytes: each searched apart when there are a few, else
/// one automaton of a key of [`KEY`] bytes of each ([`key_of`]), each occurrence of a key
/// compared with the patterns that hold it.
enum Short {
    Apart(Vec<(usize, memchr::memmem::Finder<'static>)>),
    Automaton {
        automaton: daachorse::DoubleArrayAhoCorasick<u32>,
        /// For each key, the patterns that hold it, with where it stands in them.
        of_key: Vec<Vec<(usize, usize)>>,
        /// How far past its start a key can end.
        reach: usize,
    },
    None,
}

impl Short {
    fn new(patterns: &[String]) -> Self {
        let short: Vec<usize> = (0..patterns.len())
            .filter(|&n| !patterns[n].is_empty() && patterns[n].len() < LONG)
            .collect();
        if short.is_empty() {
            return Self::None;
        }
        if short.len() <= FEW_SHORT {
            return Self::Apart(
                short
                    .into_iter()
                    .map(|n| {
                        (
                            n,
                            memchr::memmem::Finder::new(patterns[n].as_bytes()).into_owned(),
                        )
                    })
                    .collect(),
            );
        }
        // The distinct keys, and for each the patterns that hold it, with where it stands.
        let mut keys: Vec<&[u8]> = Vec::new();
        let mut of_key: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut key_index: HashMap<&[u8], usize> = HashMap::new();
        let mut reach = 0;
        for n in short {
            let (at, key) = key_of(patterns[n].as_bytes());
            reach = reach.max(at + key.len());
            let k = *key_index.entry(key).or_insert_with(|| {
                keys.push(key);
                of_key.push(Vec::new());
                keys.len() - 1
            });
            of_key[k].push((n, at));
        }
        // daachorse, as for mentions: its overlapping scan is quicker than aho-corasick's here.
        DoubleArrayAhoCorasickBuilder::new()
            .match_kind(DaachorseKind::Standard)
            .build_with_values(keys.iter().enumerate().map(|(k, key)| (key, k as u32)))
            .map_or(Self::None, |automaton| Self::Automaton {
                automaton,
                of_key,
                reach,
            })
    }

    /// The occurrences of the short patterns in `chunk`.
    fn scan(&self, chunk: &mut Chunk) {
        let (bytes, from, to) = (chunk.bytes, chunk.from, chunk.to);
        match self {
            Self::None => {}
            Self::Apart(finders) => {
                for (n, finder) in finders {
                    let end = (to + chunk.patterns[*n].len()).min(bytes.len());
                    let mut at = from;
                    // Overlapping occurrences too: each search begins a byte after the last.
                    while let Some(i) = finder.find(&bytes[at..end]) {
                        let start = at + i;
                        if start >= to {
                            break;
                        }
                        chunk.found[*n].add(chunk.offset + start);
                        at = start + 1;
                    }
                }
            }
            Self::Automaton {
                automaton,
                of_key,
                reach,
            } => {
                let end = (to + reach).min(bytes.len());
                for m in automaton.find_overlapping_iter(&bytes[from..end]) {
                    let key_start = from + m.start();
                    for &(n, at) in &of_key[m.value() as usize] {
                        chunk.try_at(n, key_start.checked_sub(at));
                    }
                }
            }
        }
    }
}

/// The long patterns' grams and the short ones' search.
struct Searcher {
    grams: Grams,
    short: Short,
}

impl Searcher {
    fn new(patterns: &[String]) -> Self {
        Self {
            grams: Grams::new(patterns),
            short: Short::new(patterns),
        }
    }

    /// For each pattern, its first occurrence in the chunk, how many there are, overlapping
    /// ones included, and where each one starts. The long patterns are
    /// found by their grams ([`Grams`]), the short ones apart or by an automaton ([`Short`]).
    /// A chunk's are the occurrences that start in it (it reads on past its end as far as a
    /// pattern can end), so that every occurrence is counted once, and the first is in the
    /// first chunk that has one.
    fn search_chunk(&self, patterns: &[String], c: chunks::Chunk<'_>) -> Vec<Hits> {
        let mut chunk = Chunk {
            bytes: c.piece.as_bytes(),
            offset: c.start,
            patterns,
            from: c.from - c.start,
            to: c.to - c.start,
            found: vec![Hits::default(); patterns.len()],
        };
        self.grams.scan(&mut chunk);
        self.short.scan(&mut chunk);
        for hits in &mut chunk.found {
            hits.starts.sort_unstable();
        }
        chunk.found
    }
}

/// The search of a text there whole, cut at `bounds`, each chunk on a thread of its own.
#[cfg(test)]
fn search_text(text: &str, patterns: &[String], bounds: &[usize]) -> Vec<Hits> {
    let searcher = Searcher::new(patterns);
    let parts = chunks::each_of_text(text, bounds, |c| searcher.search_chunk(patterns, c));
    merge(parts, patterns.len())
}

/// The chunks' findings (in the order of the text) as one search's.
fn merge(parts: Vec<Vec<Hits>>, patterns: usize) -> Vec<Hits> {
    let mut found = vec![Hits::default(); patterns];
    for part in parts {
        for (hits, more) in found.iter_mut().zip(part) {
            hits.first = hits.first.or(more.first);
            hits.count += more.count;
            if hits.starts.is_empty() {
                hits.starts = more.starts;
            } else {
                hits.starts.extend(more.starts);
            }
        }
    }
    found
}

/// Finds where a quote that is not in the article would stand if `omit` hid nothing, to say
/// which hidden lines it crosses. What it needs is built on first use, once for every quote,
/// and only when a quote is not found.
pub struct Omitted<'a> {
    article: &'a Article,
    /// The folded article with each hidden line and the spaces around it read as one space,
    /// and checkpoints `(bridged, folded)` after each such run, ascending.
    bridged: OnceCell<(String, Vec<(usize, usize)>)>,
    /// The article folded with nothing hidden: the way back, and the text.
    whole: OnceCell<(FoldedText, String)>,
}

impl<'a> Omitted<'a> {
    #[must_use]
    pub fn new(article: &'a Article) -> Self {
        Self {
            article,
            bridged: OnceCell::new(),
            whole: OnceCell::new(),
        }
    }

    /// The 1-based lines of the article, hidden by `omit`, that `quote` runs across: it has the
    /// words on both sides of them, or quotes them too. Empty when neither is so.
    #[must_use]
    pub fn crossed(&self, quote: &str) -> Vec<usize> {
        self.crossed_all(&[quote]).pop().unwrap_or_default()
    }

    /// The 1-based lines of the hidden lines that overlap `range` (bytes on disk).
    fn lines_within(&self, range: Range<usize>) -> Vec<usize> {
        let omitted = self.article.omitted();
        let first = omitted.partition_point(|r| r.end <= range.start);
        omitted[first..]
            .iter()
            .take_while(|r| r.start < range.end)
            .map(|r| self.article.line_of(r.start))
            .collect()
    }
}

/// Where byte `at` of the bridged text (see [`bridge`]) stands in the folded text.
fn unbridged(checkpoints: &[(usize, usize)], at: usize) -> usize {
    let i = checkpoints.partition_point(|&(b, _)| b <= at);
    let (b, f) = if i == 0 { (0, 0) } else { checkpoints[i - 1] };
    f + (at - b)
}

/// `text` (folded) with every run of spaces and [`BARRIER`]s that holds a barrier written as
/// one space, and after each such run a checkpoint `(position in the result, position in
/// text)`.
fn bridge(text: &str) -> (String, Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut checkpoints = Vec::new();
    let mut copied = 0;
    for at in memchr::memchr_iter(BARRIER, bytes) {
        if at < copied {
            continue; // inside the run just bridged
        }
        let mut start = at;
        while start > copied && bytes[start - 1] == b' ' {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && matches!(bytes[end], b' ' | BARRIER) {
            end += 1;
        }
        // Spaces and barriers are ASCII, so both ends are character boundaries.
        out.push_str(&text[copied..start]);
        out.push(' ');
        checkpoints.push((out.len(), end));
        copied = end;
    }
    out.push_str(&text[copied..]);
    (out, checkpoints)
}

/// How far a quote that is not in the article does match there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partial {
    /// The longest beginning of the quote (folded) that the article has.
    pub found: String,
    /// Where the first occurrence of that beginning ends (bytes on disk).
    pub end: usize,
    /// What the article says from there on (folded), about as long as the rest of the quote.
    pub next: String,
}

/// The longest beginning of `quote` (in characters of its folded form) that the article does
/// contain, where it ends and what follows it there: tells a curator where a quote stops
/// matching. `None` when not even its first character is in the article.
#[must_use]
pub fn longest_prefix(article: &Article, quote: &str) -> Option<Partial> {
    let q = fold(quote);
    let text = article.folded_str();
    let ends: Vec<usize> = q.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    let find = |n: usize| memchr::memmem::find(text.as_bytes(), &q.as_bytes()[..ends[n - 1]]);
    // Being found is monotone in n, so binary search for the largest n that is found.
    let (mut lo, mut hi) = (0, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if find(mid).is_some() {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return None;
    }
    let len = ends[lo - 1];
    Some(missing::partial(article, &q, len, find(lo).unwrap_or(0)))
}

/// Where `quote` stands in the article if ASCII letters may differ in case (bytes on disk).
#[must_use]
pub fn other_case(article: &Article, quote: &str) -> Option<Range<usize>> {
    let q = fold(quote);
    if q.is_empty() {
        return None;
    }
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([q.as_str()])
        .ok()?;
    let folded = article.folded();
    let m = ac.find(article.folded_str())?;
    Some(folded.to_original(m.start())..folded.to_original(m.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, omit: &[&str]) -> Article {
        let omit: Vec<String> = omit.iter().map(|o| fold(o)).collect();
        Article::new(text.to_owned(), &omit).0
    }

    #[test]
    fn finds_folded_quotes_inside_words_and_counts_repeats() {
        let a = article("Joe Biden\u{2018}s\n underwhelming debate; debate", &[]);
        let found = locate(&a, &["Biden's underwhelming", "ebat", "debate", "absent"]);
        let q = found[0].unwrap();
        assert_eq!(&a.text()[q.span.range()], "Biden\u{2018}s\n underwhelming");
        assert_eq!(found[1].unwrap().count, 2);
        assert_eq!(found[2].unwrap().count, 2);
        assert_eq!(found[3], None);
    }

    #[test]
    fn quotes_are_case_sensitive_and_not_in_omitted_lines() {
        let a = article("The summit.\nAdvertisement\n", &["Advertisement"]);
        assert_eq!(locate(&a, &["the summit", "Advertisement"]), [None, None]);
    }

    #[test]
    fn a_quote_across_hidden_lines_names_them() {
        let text = "NATO met\nAdvertisement\n  Advertisement\nin Washington.\nAdvertisement\nThen";
        let a = article(text, &["Advertisement"]);
        let omitted = Omitted::new(&a);
        assert_eq!(omitted.crossed("NATO met in Washington"), [2, 3]);
        assert_eq!(omitted.crossed("in Washington. Then"), [5]);
        assert_eq!(omitted.crossed("Washington. Advertisement Then"), [5]);
        assert_eq!(omitted.crossed("NATO met in Paris"), [] as [usize; 0]);
        assert_eq!(omitted.crossed("NATO met"), [] as [usize; 0]);
        // Nothing hidden, nothing crossed.
        let a = article("NATO met\nin Washington", &[]);
        assert_eq!(
            Omitted::new(&a).crossed("met in Washington"),
            [] as [usize; 0]
        );
    }

    #[test]
    fn bridging_reads_hidden_lines_as_one_space_and_maps_back() {
        let (b, checkpoints) = bridge("a \n \n b\nc");
        assert_eq!(b, "a b c");
        assert_eq!(checkpoints, [(2, 6), (4, 8)]);
        assert_eq!(bridge("\nx\n").0, " x ");
    }

    #[test]
    fn the_same_quote_twice_is_found_for_both() {
        let a = article("a summit", &[]);
        let found = locate(&a, &["summit", "summit"]);
        assert_eq!(found[0], found[1]);
    }

    #[test]
    fn says_how_far_a_quote_matches() {
        let a = article("NATO will present Ukraine with concrete ways", &[]);
        let p = longest_prefix(&a, "NATO will present Ukraine with solid ways").unwrap();
        assert_eq!(p.found, "NATO will present Ukraine with ");
        assert_eq!(p.end, "NATO will present Ukraine with ".len());
        assert_eq!(p.next, "concrete w");
        assert_eq!(longest_prefix(&a, "Zelensky"), None);
        assert_eq!(other_case(&a, "nato WILL present"), Some(0..17));
        assert_eq!(other_case(&a, "NATO will not"), None);
    }

    #[test]
    fn chunks_count_like_one_search_and_like_a_plain_reference() {
        let w = briefing_workload::generate(200 * 1024, 60, 41);
        let (a, _) = Article::new(w.article, &[fold("Advertisement")]);
        let text = a.folded_str();
        // Sentences, and short pieces found thousands of times, across barriers too.
        let mut patterns: Vec<String> = text
            .split(". ")
            .step_by(97)
            .map(|q| q.chars().take(60).collect())
            .collect();
        patterns.extend(["the", "ent", "on the", "s,", "'s", "\n"].map(String::from));
        // A few short patterns are searched apart; more, by an automaton: both ways.
        let few = patterns.clone();
        patterns.extend(
            text.split(' ')
                .step_by(101)
                .filter(|w| !w.is_empty() && w.len() < LONG)
                .take(12)
                .map(String::from),
        );
        assert!(patterns.len() - few.len() > FEW_SHORT);
        for patterns in [few, patterns] {
            chunks_count_like_one_search(text, &patterns);
        }
    }

    /// Every start of a part, on text that repeats itself: one gram of a long pattern then
    /// stands at several of its places, so a chunk finds its starts out of order; they come
    /// out in order, each after the one before, as a search from the start finds them. (18
    /// bytes: each start kept is then 2 past a multiple of 8, where the order decides which
    /// start comes next; with 16 it never did.)
    #[test]
    fn every_start_is_found_in_order_on_repetitive_text() {
        let text = format!("{}x{}", "ab".repeat(3000), "ab ".repeat(500));
        let patterns: Vec<String> = [
            "ab".repeat(9),
            "ab".repeat(8) + "x",
            "ba".into(),
            "b a".into(),
        ]
        .map(String::from)
        .to_vec();
        for n in 1..5 {
            let mut bounds: Vec<usize> = (0..n).map(|k| text.len() * k / n + k * 3).collect();
            bounds.push(text.len());
            let found = search_text(&text, &patterns, &bounds);
            for (p, hits) in patterns.iter().zip(&found) {
                let overlapping: Vec<usize> = (0..text.len())
                    .filter(|&i| text[i..].starts_with(p.as_str()))
                    .collect();
                let mut each_after = Vec::new();
                for &at in &overlapping {
                    if each_after.last().is_none_or(|&last| at >= last + p.len()) {
                        each_after.push(at);
                    }
                }
                assert_eq!(
                    hits.first,
                    overlapping.first().copied(),
                    "{p:?}, {n} chunks"
                );
                assert_eq!(hits.count as usize, overlapping.len(), "{p:?}, {n} chunks");
                let starts: Vec<usize> = hits.starts.iter().map(|&s| s as usize).collect();
                assert_eq!(starts, overlapping, "{p:?}, {n} chunks");
                assert_eq!(
                    super::each_after(&hits.starts, p.len()),
                    each_after,
                    "{p:?}, {n} chunks"
                );
            }
        }
    }

    fn chunks_count_like_one_search(text: &str, patterns: &[String]) {
        let want = crate::reference::evidence::first_and_count(text, patterns);
        assert!(want.iter().all(Option::is_some));
        for n in 1..7 {
            let mut bounds: Vec<usize> = (0..n).map(|k| text.len() * k / n + k * 5).collect();
            bounds.push(text.len());
            let got: Vec<Option<(usize, usize, u32)>> = search_text(text, patterns, &bounds)
                .into_iter()
                .zip(patterns)
                .map(|(h, p)| h.first.map(|at| (at, at + p.len(), h.count)))
                .collect();
            assert_eq!(got, want, "{n} chunks");
        }
    }

    #[test]
    fn an_elided_quote_is_found_part_by_part_within_one_paragraph() {
        let text = "NATO will present Ukraine with ways.\nIt will meet in Washington.\n\nNATO met.";
        let a = article(text, &[]);
        let found = locate(
            &a,
            &["NATO will … meet in", "will present...ways", "NATO … met"],
        );
        let q = found[0].unwrap();
        assert_eq!(
            &a.text()[q.span.range()],
            "NATO will present Ukraine with ways.\nIt will meet in"
        );
        assert_eq!(q.count, 1);
        assert_eq!(
            &a.text()[found[1].unwrap().span.range()],
            "will present Ukraine with ways"
        );
        // "met" is only in the next paragraph after the first "NATO"; the second "NATO" is
        // followed by it.
        assert_eq!(&a.text()[found[2].unwrap().span.range()], "NATO met");
        let parts = |q: &str| elided_parts(q).unwrap();
        assert_eq!(find_elided(&a, &parts("NATO … Paris")), Err(1));
        assert_eq!(find_elided(&a, &parts("Paris … NATO")), Err(0));
        assert_eq!(find_elided(&a, &parts("ways … NATO met")), Err(1));
        assert_eq!(elided_parts("no elision"), None);
        assert_eq!(
            elided_parts("a ... b…c"),
            Some(vec!["a".into(), "b".into(), "c".into()])
        );
    }

    #[test]
    fn elided_quotes_found_in_one_pass_are_those_found_part_by_part() {
        let w = briefing_workload::generate(160 * 1024, 60, 43);
        let text = briefing_workload::roughened(&w.article);
        let omit = ["Advertisement", "Continue reading below"];
        let a = article(&text, &omit);
        let words: Vec<&str> = text.split_whitespace().collect();
        // Parts near each other (found), far apart (across paragraphs), repeated, overlapping
        // themselves ("a a" in "a a a"), absent, and quotes sharing parts and keys.
        let mut quotes: Vec<String> = Vec::new();
        for (k, pair) in words.windows(40).step_by(53).enumerate() {
            let gap = [1, 3, 12, 39][k % 4];
            quotes.push(format!("{} … {}", pair[0], pair[gap]));
            quotes.push(format!("{} {}...{}", pair[0], pair[1], pair[gap]));
            quotes.push(format!("{}…{}…{}", pair[0], pair[gap / 2], pair[gap]));
        }
        quotes.extend(
            [
                "the … the",
                "e … e … e",
                "a a … a",
                "Advertisement … the",
                "the … zzqy",
                "…",
                "the summit of the … said",
            ]
            .map(String::from),
        );
        let refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let found = locate(&a, &refs);
        let mut hits = 0;
        for (q, got) in refs.iter().zip(&found) {
            let want = find_elided(&a, &elided_parts(q).unwrap()).ok();
            assert_eq!(*got, want, "{q:?}");
            hits += usize::from(want.is_some());
        }
        assert!(hits > quotes.len() / 3 && hits < quotes.len(), "{hits}");
        // Sentences too, some found many times, and the copies of each found more than once:
        // the same, cut into many small chunks, as from one.
        quotes.extend(text.split(". ").step_by(41).map(String::from));
        quotes.extend(["the summit", "said", "the", "e e"].map(String::from));
        let refs: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let locator = Locator::new(&refs);
        let one = chunks::each_sized(
            a.folded_source(),
            chunks::Sizes {
                threads: 1,
                most: usize::MAX,
            },
            locator.reach(),
            |c| locator.search_chunk(c),
        );
        let (want, copies) = locator.finish(&a, one);
        assert!(copies.iter().filter(|c| c.len() > 1).count() > 10);
        let folded = a.folded_str();
        for ((q, found), copies) in refs.iter().zip(&want).zip(&copies) {
            let needle = elided_parts(q)
                .and_then(|p| p.into_iter().next())
                .unwrap_or_else(|| fold(q));
            let every: Vec<usize> = (0..folded.len())
                .filter(|&i| {
                    !needle.is_empty() && folded.as_bytes()[i..].starts_with(needle.as_bytes())
                })
                .collect();
            if found.is_some_and(|f| f.count > 1) {
                assert_eq!(*copies, every, "{q:?}");
            } else {
                assert!(copies.is_empty(), "{q:?}");
            }
        }
        for (threads, most) in [(2, 200), (3, 64), (2, 4096)] {
            let locator = Locator::new(&refs);
            let sizes = chunks::Sizes { threads, most };
            let parts = chunks::each_sized(a.folded_source(), sizes, locator.reach(), |c| {
                locator.search_chunk(c)
            });
            assert!(parts.len() > 20, "{}", parts.len());
            let got = locator.finish(&a, parts);
            assert!(got.0 == want, "{threads} threads, chunks of {most} bytes");
            assert!(got.1 == copies, "{threads} threads, chunks of {most} bytes");
        }
        let a = article("a a a a a b", &[]);
        assert_eq!(
            locate(&a, &["a a … a a", "a a … b"]),
            [
                find_elided(&a, &elided_parts("a a … a a").unwrap()).ok(),
                find_elided(&a, &elided_parts("a a … b").unwrap()).ok()
            ]
        );
    }

    #[test]
    fn an_elided_quote_does_not_cross_an_omitted_line() {
        let a = article(
            "NATO met\nAdvertisement\nin Washington.",
            &["Advertisement"],
        );
        assert_eq!(locate(&a, &["NATO … Washington"]), [None]);
    }
}
