//! The mention index: every place the article names an actor, found by the mention rules that
//! `check`, `export` and the reader share.
//!
//! An actor's patterns are its name and aliases (rule 1), folded (rule 2); a pattern that starts
//! with a lowercase letter also matches capitalised (rule 3). Matches must be whole words
//! (rule 4); among overlapping candidates the leftmost wins, then the longest (rule 5). Omitted
//! lines are never searched for mentions (rule 6); [`on_omitted_lines`] searches them apart, by
//! the same rules, only to tell a curator why an actor is never mentioned. Offsets are bytes of
//! the file on disk (rule 8). Neighbouring mentions of one actor with nothing but whitespace
//! between them, or written `NAME (ALIAS)`, are joined into one (rule 9, [`join_neighbours`]).
//!
//! Rule 5 cannot be had from an automaton's leftmost-longest mode: that mode discards a shorter
//! match that would pass the word test whenever a longer one at the same place fails it. So the
//! choice is made here: the scan finds every occurrence of every pattern that may pass the word
//! test (looking each word of the text up among the patterns' first words, or by an overlapping
//! automaton scan), those that pass it are the candidates, and the leftmost, then longest, are
//! chosen from them (see [`Matcher`] and [`choose`]). The article is read a chunk at a time, each folded again
//! from the original and scanned on a core ([`crate::chunks`]: a chunk's scan reads on past its
//! end by the longest pattern, so that it finds every candidate that starts in it); the choice
//! is one pass over them all. The same pass searches each chunk for the evidence quotes
//! ([`Automaton::index_with`]), so `check` folds the article once.
//!
//! The numbered rules: `docs/fact-sheet.md`, "How mentions are found".

use std::ops::Range;
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

use daachorse::{
    DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind as DaachorseKind,
};

use crate::article::Article;
use crate::chunks::{self, Chunk};
use crate::fold::{BARRIER, fold};
use crate::sheet::Actor;
use crate::span::Span;

mod first_words;

use first_words::FirstWords;

/// One mention: where it stands in the article, and whose it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it stands in the article.
    pub span: Span,
    /// Index of the actor in the fact sheet.
    pub actor: u32,
}

/// The folded patterns to search for, each with its actor.
#[derive(Clone, Debug, Default)]
pub struct Patterns {
    pub texts: Vec<String>,
    pub owners: Vec<u32>,
}

impl Patterns {
    /// Names and aliases first, then capitalised variants, so that a spelling written out by
    /// one actor wins over another actor's variant. The first actor to claim a spelling keeps it
    /// (`check` reports the clash as an error).
    #[must_use]
    pub fn new(actors: &[Actor]) -> Self {
        // foldhash, not SipHash: every spelling is hashed, on the way to the scan.
        let mut seen: foldhash::HashMap<String, u32> = foldhash::HashMap::default();
        let mut p = Self::default();
        let mut add = |text: String, owner: u32, p: &mut Self| {
            if !text.is_empty() && !seen.contains_key(&text) {
                seen.insert(text.clone(), owner);
                p.texts.push(text);
                p.owners.push(owner);
            }
        };
        for (n, a) in actors.iter().enumerate() {
            for spelling in std::iter::once(&a.name).chain(&a.aliases) {
                add(fold(spelling), n as u32, &mut p);
            }
        }
        for n in 0..p.texts.len() {
            if let Some(variant) = capitalised(&p.texts[n]) {
                let owner = p.owners[n];
                add(variant, owner, &mut p);
            }
        }
        p
    }
}

/// "the alliance" → "The alliance"; `None` when the first letter is not lowercase.
pub(crate) fn capitalised(pattern: &str) -> Option<String> {
    let first = pattern.chars().next()?;
    if !first.is_lowercase() {
        return None;
    }
    let mut s: String = first.to_uppercase().collect();
    s.push_str(&pattern[first.len_utf8()..]);
    Some(s)
}

#[derive(Clone, Debug, Default)]
pub struct MentionIndex {
    /// Every mention, by position; they never overlap.
    mentions: Vec<Mention>,
    /// For each actor, the indices of its mentions in `mentions`.
    by_actor: Vec<Vec<u32>>,
    /// The most mentions one actor has: counted once, when the index is built, for the
    /// Actors' count column, which drew every frame by reading 100,000 actors' counts.
    most: usize,
}

/// The patterns of a fact sheet's actors compiled into the automaton that scans an article for
/// them: what [`MentionIndex::build`] builds first. `check` builds it while the article is read
/// and indexed on another thread, since only the fact sheet goes into it (4,837 patterns: 13–20
/// ms).
pub struct Automaton {
    patterns: Patterns,
    matcher: Matcher,
    actors: usize,
}

impl Automaton {
    /// The patterns of `actors` ([`Patterns::new`]) and their automaton (one, or a few shards of
    /// it for a sheet past daachorse's size: see [`build_shards`]).
    #[must_use]
    pub fn new(actors: &[Actor]) -> Self {
        let patterns = Patterns::new(actors);
        let matcher = Matcher::new(&patterns.texts);
        Self {
            patterns,
            matcher,
            actors: actors.len(),
        }
    }

    /// The mention index of `article`, for the actors this was built from. Taken, so that the
    /// automaton and the patterns' texts are dropped once the matches are chosen, before the
    /// index is filled: kept to the end, they were 1 MiB of the peak of an `export` with "the"
    /// an alias.
    #[must_use]
    pub fn index(self, article: &Article) -> MentionIndex {
        self.index_with(article, 0, |_| (), &AtomicBool::new(false))
            .0
    }

    /// [`Self::index`], and `also` of each chunk of the article's folded text as the index's
    /// pass over it folds and scans it (`reach`: how far past a chunk's end `also` reads), in
    /// the order of the text: `check` searches the evidence quotes so, and the article is
    /// folded once for both. Once `stop` is set, the chunks not yet begun are passed over (as
    /// if empty): what comes out is then incomplete, for a caller that no longer wants it.
    pub(crate) fn index_with<T: Send>(
        self,
        article: &Article,
        reach: usize,
        also: impl Fn(Chunk<'_>) -> T + Sync,
        stop: &AtomicBool,
    ) -> (MentionIndex, Vec<T>) {
        let sizes = chunks::Sizes::of(article.folded().len());
        self.index_sized(article, sizes, reach, also, stop)
    }

    /// [`Self::index_with`], the article cut as `sizes` says.
    fn index_sized<T: Send>(
        self,
        article: &Article,
        sizes: chunks::Sizes,
        reach: usize,
        also: impl Fn(Chunk<'_>) -> T + Sync,
        stop: &AtomicBool,
    ) -> (MentionIndex, Vec<T>) {
        let Self {
            patterns: Patterns { texts, owners },
            matcher,
            actors,
        } = self;
        let folded = article.folded();
        // Chosen matches are compact (a long article has millions), and each chunk's are
        // dropped once read, while the index fills the pages it was given.
        let (chosen, also) = matcher.chosen_in(article, sizes, reach, also, stop);
        drop((matcher, texts));
        let mut mentions = Vec::with_capacity(chosen.iter().map(Vec::len).sum());
        let found = chosen.into_iter().flatten().map(|c| Found {
            range: c.start as usize..c.end as usize,
            actor: owners[c.pattern as usize],
            before: c.before,
            after: c.after,
        });
        let mut by_actor = vec![Vec::new(); actors];
        let mut to_original = folded.cursor();
        for (range, actor) in join_neighbours(found) {
            by_actor[actor as usize].push(mentions.len() as u32);
            mentions.push(Mention {
                span: Span::new(
                    to_original.to_original(range.start) as u32,
                    to_original.to_original(range.end) as u32,
                ),
                actor,
            });
        }
        // Rule 9 may have joined some: the room they would have taken is given back.
        mentions.shrink_to_fit();
        let most = by_actor.iter().map(Vec::len).max().unwrap_or(0);
        (
            MentionIndex {
                mentions,
                by_actor,
                most,
            },
            also,
        )
    }
}

impl MentionIndex {
    #[must_use]
    pub fn build(article: &Article, actors: &[Actor]) -> Self {
        Automaton::new(actors).index(article)
    }

    /// Every mention, in the order of the text.
    #[must_use]
    pub fn all(&self) -> &[Mention] {
        &self.mentions
    }

    /// Indices into [`Self::all`] of one actor's mentions, in the order of the text.
    #[must_use]
    pub fn of_actor(&self, actor: usize) -> &[u32] {
        self.by_actor.get(actor).map_or(&[], Vec::as_slice)
    }

    #[must_use]
    pub fn count(&self, actor: usize) -> usize {
        self.of_actor(actor).len()
    }

    /// The most mentions one actor has (0 with no actors).
    #[must_use]
    pub fn most(&self) -> usize {
        self.most
    }

    /// The mention that covers byte `offset`.
    #[must_use]
    pub fn at(&self, offset: usize) -> Option<usize> {
        let i = self
            .mentions
            .partition_point(|m| (m.span.end as usize) <= offset);
        self.mentions
            .get(i)
            .filter(|m| m.span.start as usize <= offset)
            .map(|_| i)
    }

    /// The first mention that starts at or after `offset`.
    #[must_use]
    pub fn first_from(&self, offset: usize) -> usize {
        self.mentions
            .partition_point(|m| (m.span.start as usize) < offset)
    }

    /// Where mentions of two different actors stand side by side in `text` (the article's text,
    /// which the index was built from), with whitespace and nothing else between them, on one
    /// line or wrapped onto the next, but not across a blank line (a paragraph's end): the
    /// index `i` of each such pair `all()[i]`, `all()[i + 1]`. "Mr. Bankman Fried" read as a
    /// mention of a "Bankman" and one of a "Fried" is usually one name, half known.
    pub fn side_by_side<'a>(&'a self, text: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.mentions
            .windows(2)
            .enumerate()
            .filter(move |(_, w)| {
                // The cheap tests first: most neighbours are of one actor, or words apart.
                if w[0].actor == w[1].actor {
                    return false;
                }
                let gap = &text[w[0].span.end as usize..w[1].span.start as usize];
                if gap.is_empty() || !all_whitespace(gap) {
                    return false;
                }
                let breaks = gap.matches('\n').count() + gap.matches('\r').count()
                    - gap.matches("\r\n").count();
                breaks <= 1
            })
            .map(|(i, _)| i)
    }
}

/// Whether every character of `gap` is whitespace (`char::is_whitespace`), looking at bytes
/// while they are ASCII: almost every gap between two mentions begins with a space and then a
/// letter, and decoding characters for that took a third of the side-by-side warnings' time.
fn all_whitespace(gap: &str) -> bool {
    for (i, b) in gap.bytes().enumerate() {
        match b {
            b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => {}
            b if b.is_ascii() => return false,
            _ => return gap[i..].chars().all(char::is_whitespace),
        }
    }
    true
}

/// A chosen match (folded offsets) and its actor, with the folded bytes around it that rule 9
/// looks at: the two before it (`0` before the text or its chunk: a chunk begins with a space,
/// and the only gap of two bytes that joins, ` (`, does not end with one) and the one after it
/// (`0` at the text's end).
struct Found {
    range: Range<usize>,
    actor: u32,
    before: [u8; 2],
    after: u8,
}

/// Rule 9: joins each mention to the one before it when both are of one actor and between them
/// stands only whitespace (in the folded text, one space or nothing), or when the later one is
/// written in parentheses after the earlier, `NAME (ALIAS)`: the joined mention runs on to the
/// closing parenthesis. Left to right, so a chain `A A (A)` is one mention. A parenthesis that
/// begins the next mention is not free to close one. An omitted line leaves a barrier, which is
/// not whitespace, so nothing is joined across it. What stands between two mentions that may be
/// joined is at most two bytes, so each match brings the two before it (the folded text is
/// read a chunk at a time, and is not there whole to look at).
fn join_neighbours(
    found: impl IntoIterator<Item = Found>,
) -> impl Iterator<Item = (Range<usize>, u32)> {
    let mut found = found.into_iter().peekable();
    // The mention being joined to: given out when the next one is not joined to it.
    let mut last: Option<(Range<usize>, u32)> = None;
    std::iter::from_fn(move || {
        loop {
            let Some(Found {
                range,
                actor,
                before,
                after,
            }) = found.next()
            else {
                return last.take();
            };
            if let Some((last, _)) = last.as_mut().filter(|(_, a)| *a == actor) {
                let gap: &[u8] = match range.start.checked_sub(last.end) {
                    Some(between) if between <= 2 => &before[2 - between..],
                    _ => b"...",
                };
                match gap {
                    b"" | b" " => {
                        last.end = range.end;
                        continue;
                    }
                    b"(" | b" ("
                        if after == b')'
                            && found.peek().is_none_or(|next| next.range.start > range.end) =>
                    {
                        last.end = range.end + 1;
                        continue;
                    }
                    _ => {}
                }
            }
            if let Some(done) = last.replace((range, actor)) {
                return Some(done);
            }
        }
    })
}

/// For each actor, the 1-based lines of the article that `omit` hides on which the mention rules
/// would find it if they were not hidden: where a curator looks when an actor is never
/// mentioned.
#[must_use]
pub fn on_omitted_lines(article: &Article, actors: &[Actor]) -> Vec<Vec<usize>> {
    let mut lines = vec![Vec::new(); actors.len()];
    let omitted = article.omitted();
    if omitted.is_empty() {
        return lines;
    }
    // The hidden lines, folded and joined by barriers, so that nothing matches across two.
    let mut text = String::new();
    let mut starts = Vec::with_capacity(omitted.len());
    for r in omitted {
        if !text.is_empty() {
            text.push(char::from(BARRIER));
        }
        starts.push((text.len(), article.line_of(r.start)));
        text.push_str(&fold(&article.text()[r.clone()]));
    }
    let patterns = Patterns::new(actors);
    for (range, pattern) in find(&text, &patterns.texts) {
        let i = starts.partition_point(|&(s, _)| s <= range.start);
        let line = starts[i.saturating_sub(1)].1;
        let of = &mut lines[patterns.owners[pattern] as usize];
        if of.last() != Some(&line) {
            of.push(line);
        }
    }
    lines
}

/// Finds the chosen matches of `patterns` in folded `text`: `(range, pattern index)`, ascending.
/// A pattern written twice is found as the first; an empty one is never found.
#[must_use]
pub fn find(text: &str, patterns: &[String]) -> Vec<(Range<usize>, usize)> {
    Matcher::new(patterns)
        .chosen(text)
        .into_iter()
        .flatten()
        .map(|c| (c.start as usize..c.end as usize, c.pattern as usize))
        .collect()
}

/// Rule 5 over the candidates (sorted by start, the longest first at each start, chunk after
/// chunk): left to right, the first candidate at or after the end of the last one chosen. Keeps
/// the chosen in place of the candidates.
fn choose(chunks: &mut [Vec<Candidate>]) {
    let mut at = 0;
    for chunk in chunks {
        chunk.retain(|c| {
            let keep = c.start >= at;
            if keep {
                at = c.end;
            }
            keep
        });
    }
}

/// An occurrence of a pattern that starts and ends a word (rule 4): one that rule 5 may choose,
/// with the folded bytes around it that rule 9 reads (see [`Found`]). Offsets are `u32`, as
/// everywhere an article's offsets are stored (an article is at most
/// [`crate::article::MAX_ARTICLE_BYTES`]): sixteen bytes, not thirty-two, for each of millions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Candidate {
    start: u32,
    end: u32,
    pattern: u32,
    before: [u8; 2],
    after: u8,
}

/// The patterns, by their first words ([`FirstWords`]), and as double-array Aho-Corasick
/// automata (daachorse: one, or a few when one would be too large for it) where the first words
/// do not serve.
///
/// A chunk's words are looked up among the patterns' first words, and each that begins some is
/// compared with them; rule 5 then chooses among the candidates ([`choose`]). That finds every
/// occurrence that can pass the word test (rule 4), so the candidates are those of an
/// overlapping pass of the automaton over every byte, and needs no automaton: building one for
/// the workload's 4,837 patterns took 13–20 ms before the scan could begin, and the index of
/// 40,000 spellings over 64 KiB took 311 ms (64 ms now). The automata are used:
/// - for the patterns that begin with a character that is not alphanumeric (rare: `(NATO)`,
///   `£5bn`), which the words cannot find;
/// - for patterns mostly past ASCII (Cyrillic, Greek, Chinese), built at once: telling each
///   character's class costs more there than the automaton's step a byte (the Cyrillic
///   workload took 1.14 × the time by the words);
/// - for the rest of a chunk whose words cost more than [`Self::budget`], built then. A search
///   from every word is not linear in the text (`a a a … b` over `a a a …`: an earlier scan
///   that walked from every word took 31 s over 2 MB), and the automaton's overlapping pass,
///   which follows its failure transitions, is: it costs the text's length plus the
///   occurrences found, whatever the text repeats.
///
/// daachorse rather than aho-corasick 1.1: aho-corasick's builder reorders its states with a
/// remapping step (`Remapper::remap`) that is quadratic in the number of states, whatever the
/// options (every kind of automaton is built through that step), so 800,000 spellings took
/// two minutes; daachorse builds a double array in time about linear in the patterns' bytes.
struct Matcher {
    /// The patterns that begin with an alphanumeric character, by their first words.
    firsts: FirstWords,
    /// The same patterns as automata, built the first time a chunk's words cost more than
    /// [`Self::budget`] allows (see [`FirstWords`]), by `build`.
    automata: OnceLock<Vec<DoubleArrayAhoCorasick<u32>>>,
    build: Build,
    /// How many bytes the words of a chunk may compare: so many, and so many a byte of it.
    budget: (usize, usize),
    /// The other patterns, scanned byte by byte.
    others: Vec<DoubleArrayAhoCorasick<u32>>,
    /// The longest pattern, in bytes: how far past its chunk a scan must read.
    longest: usize,
}

/// How a [`Matcher`] builds its automata (in shards, for tests).
type Build = fn(&[(&[u8], u32)], &mut Vec<DoubleArrayAhoCorasick<u32>>);

/// [`Matcher::budget`]: a normal article compares about one byte in eight of it.
const BUDGET: (usize, usize) = (4096, 8);

impl Matcher {
    fn new(patterns: &[String]) -> Self {
        let mut seen = foldhash::HashSet::default();
        let kept: Vec<(&str, u32)> = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty() && seen.insert(p.as_str()))
            .map(|(n, p)| (p.as_str(), n as u32))
            .collect();
        Self::of(kept, build_shards)
    }

    /// The matcher of distinct `kept` patterns, each set of automata built by `build`.
    fn of(kept: Vec<(&str, u32)>, build: Build) -> Self {
        let longest = kept.iter().map(|(p, _)| p.len()).max().unwrap_or(0);
        let (words, other): (Vec<_>, Vec<_>) = kept
            .into_iter()
            .partition(|(p, _)| first_words::word_char(p, 0).0);
        let other: Vec<(&[u8], u32)> = other.iter().map(|(p, v)| (p.as_bytes(), *v)).collect();
        let mut others = Vec::new();
        build(&other, &mut others);
        let matcher = Self {
            firsts: FirstWords::new(&words),
            automata: OnceLock::new(),
            build,
            budget: BUDGET,
            others,
            longest,
        };
        // Spellings mostly past ASCII (Cyrillic, Greek, Chinese) stand for an article mostly
        // so, where telling each character's class costs more than the automaton's step a byte
        // (1.14 × the time on the Cyrillic workload): the automata are built at once and scan
        // it all.
        let bytes: usize = words.iter().map(|(p, _)| p.len()).sum();
        let past_ascii: usize = words
            .iter()
            .map(|(p, _)| p.bytes().filter(|b| !b.is_ascii()).count())
            .sum();
        if past_ascii * 4 > bytes {
            matcher.automata();
        }
        matcher
    }

    fn is_empty(&self) -> bool {
        self.firsts.is_empty() && self.others.is_empty()
    }

    /// The automata of the patterns that begin with an alphanumeric character, built the first
    /// time they are asked for.
    fn automata(&self) -> &[DoubleArrayAhoCorasick<u32>] {
        self.automata.get_or_init(|| {
            let mut shards = Vec::new();
            (self.build)(&self.firsts.spellings(), &mut shards);
            shards
        })
    }

    /// [`find`]'s matches in folded `text`, as they are chosen: compact, and in the chunks they
    /// were found in.
    fn chosen(&self, text: &str) -> Vec<Vec<Candidate>> {
        if self.is_empty() {
            return Vec::new();
        }
        let bounds = chunks::bounds(text, chunks::threads(text.len()));
        let mut found = chunks::each_of_text(text, &bounds, |c| self.candidates(c));
        choose(&mut found);
        found
    }

    /// The chosen matches in `article`'s folded text, read a chunk at a time
    /// ([`chunks::each`]), and `also` of each chunk (see [`Automaton::index_with`]).
    fn chosen_in<T: Send>(
        &self,
        article: &Article,
        sizes: chunks::Sizes,
        reach: usize,
        also: impl Fn(Chunk<'_>) -> T + Sync,
        stop: &AtomicBool,
    ) -> (Vec<Vec<Candidate>>, Vec<T>) {
        // A match that starts in a chunk ends by `longest - 1` bytes past it, and a piece holds
        // whole characters: the one after the match's end, which rule 4 reads, is there.
        let reach = reach.max(self.longest);
        let (mut found, also): (Vec<_>, Vec<_>) =
            chunks::each_sized_until(article.folded_source(), sizes, reach, stop, |c| {
                let found = if self.is_empty() {
                    Vec::new()
                } else {
                    self.candidates(c)
                };
                (found, also(c))
            })
            .into_iter()
            .unzip();
        choose(&mut found);
        (found, also)
    }

    /// The candidates that start in the chunk, sorted by start, the longest first at each.
    fn candidates(&self, chunk: Chunk<'_>) -> Vec<Candidate> {
        let Chunk {
            piece: text,
            start: offset,
            ..
        } = chunk;
        let (from, to) = (chunk.from - offset, chunk.to - offset);
        let bytes = text.as_bytes();
        let until = text.len().min(to + self.longest.saturating_sub(1));
        let until = until.max(from);
        let candidate = |start: usize, end: usize, pattern: u32| {
            let byte = |i: Option<usize>| i.and_then(|i| bytes.get(i)).map_or(0, |b| *b);
            (start < to && word_start(bytes, text, start) && word_end(bytes, text, end)).then(
                || Candidate {
                    start: (offset + start) as u32,
                    end: (offset + end) as u32,
                    pattern,
                    before: [byte(start.checked_sub(2)), byte(start.checked_sub(1))],
                    after: byte(Some(end)),
                },
            )
        };
        let mut out = Vec::new();
        let scan = |shards: &[DoubleArrayAhoCorasick<u32>], from: usize, out: &mut Vec<_>| {
            for shard in shards {
                for m in shard.find_overlapping_iter(&bytes[from..until]) {
                    out.extend(candidate(from + m.start(), from + m.end(), m.value()));
                }
            }
        };
        scan(&self.others, from, &mut out);
        if let Some(automata) = self.automata.get() {
            scan(automata, from, &mut out);
        } else if !self.firsts.is_empty() {
            let mut budget = self.budget.0 + self.budget.1 * (to - from);
            let after_word = !word_start(bytes, text, from);
            let over = self
                .firsts
                .each_word(text, from..to, after_word, |start, end| {
                    let before = out.len();
                    let mut tell = |s, e, p| out.extend(candidate(s, e, p));
                    let done = self
                        .firsts
                        .find(bytes, (start, end), until, &mut budget, &mut tell);
                    if !done {
                        out.truncate(before);
                    }
                    done
                });
            if let Some(start) = over {
                scan(self.automata(), start, &mut out);
            }
        }
        out.sort_unstable_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
        out
    }
}

/// Builds the automata of `patterns` into `shards`: one, or, when daachorse finds one too large
/// (past about two billion states, more than a fact sheet within its size limit can ask for),
/// the two halves apart.
fn build_shards(patterns: &[(&[u8], u32)], shards: &mut Vec<DoubleArrayAhoCorasick<u32>>) {
    if patterns.is_empty() {
        return;
    }
    match DoubleArrayAhoCorasickBuilder::new()
        .match_kind(DaachorseKind::Standard)
        .build_with_values(patterns.iter().copied())
    {
        Ok(automaton) => shards.push(automaton),
        // The patterns are distinct and not empty, so only the scale can fail; one pattern
        // too large alone is more than the sheet's size limit allows, and is left out.
        Err(_) if patterns.len() > 1 => {
            let (a, b) = patterns.split_at(patterns.len() / 2);
            build_shards(a, shards);
            build_shards(b, shards);
        }
        Err(_) => {}
    }
}
/// Rule 4: nothing alphanumeric just before `start`.
fn word_start(bytes: &[u8], text: &str, start: usize) -> bool {
    match start.checked_sub(1).map(|i| bytes[i]) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// Rule 4: nothing alphanumeric just after `end`.
fn word_end(bytes: &[u8], text: &str, end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::mentions as reference;
    use crate::sheet::ActorKind;

    fn actor(name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: fold(name).to_lowercase().replace(' ', "-"),
            name: name.to_owned(),
            kind: ActorKind::Other,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            role: None,
            affiliation: None,
            note: None,
        }
    }

    /// The mentions of `text` as (matched text, actor index).
    fn mentions<'t>(text: &'t str, actors: &[Actor], omit: &[&str]) -> Vec<(&'t str, u32)> {
        let omit: Vec<String> = omit.iter().map(|o| fold(o)).collect();
        let (article, _) = Article::new(text.to_owned(), &omit);
        let index = MentionIndex::build(&article, actors);
        index
            .all()
            .iter()
            .map(|m| (&text[m.span.range()], m.actor))
            .collect()
    }

    #[test]
    fn omitted_lines_say_whom_they_would_mention_by_the_same_rules() {
        let actors = [
            actor("The Times", &["the paper"]),
            actor("Post", &[]),
            actor("Nobody", &[]),
        ];
        let text = "Post met.\nThe paper\nBody.\nThe Timesheet, Post\nThe  Times\nThe Times\n";
        let omit: Vec<String> = ["The paper", "The Timesheet, Post", "The Times"]
            .iter()
            .map(|o| fold(o))
            .collect();
        let (article, _) = Article::new(text.to_owned(), &omit);
        // "The paper" by rule 3; "Timesheet" is no whole word (rule 4); a line once per actor.
        assert_eq!(
            on_omitted_lines(&article, &actors),
            [vec![2, 5, 6], vec![4], vec![]]
        );
        let (article, _) = Article::new(text.to_owned(), &[]);
        assert_eq!(
            on_omitted_lines(&article, &actors),
            vec![Vec::<usize>::new(); 3]
        );
    }

    #[test]
    fn rule_1_name_and_aliases_are_patterns() {
        let actors = [actor("Douglas Jones", &["Jones"])];
        let found = mentions("Douglas Jones said. Later Jones added.", &actors, &[]);
        assert_eq!(found, [("Douglas Jones", 0), ("Jones", 0)]);
    }

    #[test]
    fn rule_2_folding_matches_wrapped_crlf_and_typographic_text() {
        let actors = [
            actor("Voice of America", &[]),
            actor("NATO - Security Assistance", &[]),
            actor("Biden's debate", &[]),
        ];
        let text =
            "Voice of\r\n   America; NATO \u{2013} Security\nAssistance; Biden\u{2018}s debate";
        let found = mentions(text, &actors, &[]);
        assert_eq!(
            found,
            [
                ("Voice of\r\n   America", 0),
                ("NATO \u{2013} Security\nAssistance", 1),
                ("Biden\u{2018}s debate", 2)
            ]
        );
    }

    #[test]
    fn rule_3_lowercase_patterns_also_match_capitalised() {
        let actors = [actor("NATO", &["the alliance"])];
        let found = mentions(
            "The alliance met; the alliance agreed; THE ALLIANCE no; nATO no",
            &actors,
            &[],
        );
        assert_eq!(found, [("The alliance", 0), ("the alliance", 0)]);
    }

    #[test]
    fn rule_3_is_case_sensitive_otherwise() {
        let actors = [actor("NATO", &[])];
        assert!(mentions("Nato and nato", &actors, &[]).is_empty());
    }

    #[test]
    fn rule_4_whole_words_only() {
        let actors = [actor("NATO", &[]), actor("Trump", &[])];
        let found = mentions(
            "NATOs no; Trump\u{2019}s yes; non-NATO yes; xTrump no; Trumpé no; (NATO)",
            &actors,
            &[],
        );
        assert_eq!(found, [("Trump", 1), ("NATO", 0), ("NATO", 0)]);
    }

    #[test]
    fn rule_4_text_edges_are_boundaries() {
        let actors = [actor("NATO", &[])];
        assert_eq!(mentions("NATO", &actors, &[]), [("NATO", 0)]);
    }

    #[test]
    fn rule_5_leftmost_then_longest_without_overlap() {
        let actors = [
            actor("United States", &["US"]),
            actor("US State Department", &[]),
        ];
        let found = mentions("a senior US State Department official; US", &actors, &[]);
        assert_eq!(found, [("US State Department", 1), ("US", 0)]);
    }

    #[test]
    fn rule_5_shorter_match_survives_when_the_longer_fails_the_word_test() {
        // Leftmost-longest alone would pick "New Yorker" (not a word here) and lose "New York".
        let actors = [actor("New York", &[]), actor("New Yorker", &[])];
        let found = mentions("New Yorkers love New York", &actors, &[]);
        assert_eq!(found, [("New York", 0)]);
        let actors = [actor("New York", &[]), actor("New York Times", &[])];
        let found = mentions("New York Timesheet", &actors, &[]);
        assert_eq!(found, [("New York", 0)]);
    }

    #[test]
    fn rule_5_leftmost_wins_over_longer_overlap() {
        let actors = [actor("South Korea", &[]), actor("Korea Herald", &[])];
        let found = mentions("South Korea Herald", &actors, &[]);
        assert_eq!(found, [("South Korea", 0)]);
    }

    #[test]
    fn rule_6_omitted_lines_are_not_searched_or_crossed() {
        let actors = [actor("Trump", &[]), actor("foo bar", &[])];
        let text = "Trump\n\u{2018}Support After Trump\u{2019}s Victory\nfoo\nAdvertisement\nbar";
        let found = mentions(
            text,
            &actors,
            &["'Support After Trump's Victory", "Advertisement"],
        );
        assert_eq!(found, [("Trump", 0)]);
    }

    #[test]
    fn rule_8_offsets_are_bytes_on_disk_after_a_bom() {
        let actors = [actor("NATO", &[])];
        let (article, _) = Article::new("\u{FEFF}«NATO»".to_owned(), &[]);
        let index = MentionIndex::build(&article, &actors);
        assert_eq!(index.all()[0].span.range(), 5..9);
    }

    #[test]
    fn rule_9_one_actor_side_by_side_is_one_mention() {
        let actors = [
            actor("Jens Stoltenberg", &["Secretary General", "Stoltenberg"]),
            actor("NATO", &[]),
        ];
        let found = mentions(
            "NATO Secretary General Jens Stoltenberg said; Stoltenberg\r\n  Stoltenberg \
             Stoltenberg; Stoltenberg, Stoltenberg",
            &actors,
            &[],
        );
        assert_eq!(
            found,
            [
                ("NATO", 1),
                ("Secretary General Jens Stoltenberg", 0),
                ("Stoltenberg\r\n  Stoltenberg Stoltenberg", 0),
                ("Stoltenberg", 0),
                ("Stoltenberg", 0),
            ]
        );
    }

    #[test]
    fn rule_9_name_then_alias_in_parentheses_is_one_mention() {
        let actors = [actor("Sam Bankman-Fried", &["SBF"]), actor("FTX", &[])];
        let found = mentions(
            "Sam Bankman-Fried (SBF) founded FTX(SBF); SBF\n(Sam Bankman-Fried) (SBF) ( SBF ); \
             FTX (SBF); SBF (SBF, FTX)",
            &actors,
            &[],
        );
        assert_eq!(
            found,
            [
                ("Sam Bankman-Fried (SBF)", 0),
                ("FTX", 1),
                ("SBF", 0),
                ("SBF\n(Sam Bankman-Fried) (SBF)", 0),
                ("SBF", 0),
                ("FTX", 1),
                ("SBF", 0),
                ("SBF", 0),
                ("SBF", 0),
                ("FTX", 1),
            ]
        );
    }

    #[test]
    fn rule_9_joins_nothing_across_an_omitted_line() {
        let actors = [actor("Trump", &["Donald Trump"])];
        let found = mentions(
            "Trump\nAdvertisement\nTrump\n\nTrump",
            &actors,
            &["Advertisement"],
        );
        assert_eq!(found, [("Trump", 0), ("Trump\n\nTrump", 0)]);
    }

    #[test]
    fn rule_9_counts_offsets_on_disk_after_a_bom() {
        let actors = [actor("Sam Bankman-Fried", &["SBF"])];
        let text = "\u{FEFF}Sam\u{A0}Bankman\u{2013}Fried\t(SBF) and";
        let (article, _) = Article::new(text.to_owned(), &[]);
        let index = MentionIndex::build(&article, &actors);
        assert_eq!(index.all().len(), 1);
        assert_eq!(index.all()[0].span.range(), 3..text.len() - 4);
        assert_eq!(
            &text[index.all()[0].span.range()],
            "Sam\u{A0}Bankman\u{2013}Fried\t(SBF)"
        );
        assert_eq!(
            reference::mentions(text, &actors, &[]),
            [(3, text.len() - 4, 0)]
        );
    }

    #[test]
    fn gaps_are_whitespace_as_each_character_says() {
        for gap in [
            "",
            " ",
            "\t\n\x0B\x0C\r ",
            " a",
            "a ",
            " \u{85}",
            "\u{a0}",
            " \u{3000} ",
            " \u{2028}",
            " é",
            "\u{a0}x",
            " \u{1f}",
            "\u{200b}",
        ] {
            assert_eq!(
                all_whitespace(gap),
                gap.chars().all(char::is_whitespace),
                "{gap:?}"
            );
        }
    }

    #[test]
    fn two_actors_side_by_side_are_found_for_a_warning() {
        let actors = [
            actor("Bankman", &[]),
            actor("Fried", &[]),
            actor("Mr.", &[]),
        ];
        let text = "Mr. Bankman Fried; Bankman, Fried; Bankman\r\nFried; Fried Fried;\n\
                    Bankman\r\n\r\nFried; Bankman\r\rFried; BankmanFried";
        let (article, _) = Article::new(text.to_owned(), &[]);
        let index = MentionIndex::build(&article, &actors);
        let pairs: Vec<(&str, &str)> = index
            .side_by_side(text)
            .map(|i| {
                (
                    &text[index.all()[i].span.range()],
                    &text[index.all()[i + 1].span.range()],
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                ("Mr.", "Bankman"),
                ("Bankman", "Fried"),
                ("Bankman", "Fried")
            ]
        );
    }

    #[test]
    fn per_actor_lists_and_lookups() {
        let actors = [actor("A", &[]), actor("B", &[])];
        let (article, _) = Article::new("A B A".to_owned(), &[]);
        let index = MentionIndex::build(&article, &actors);
        assert_eq!(index.of_actor(0), [0, 2]);
        assert_eq!(index.count(1), 1);
        assert_eq!(index.at(2), Some(1));
        assert_eq!(index.at(1), None);
        assert_eq!(index.first_from(1), 1);
        assert_eq!(index.of_actor(7), [] as [u32; 0]);
    }

    /// A rough workload (CRLF and lone CR, non-ASCII, odd whitespace, omitted lines, a byte
    /// order mark) with its actors.
    fn workload(bytes: usize, actors: usize, seed: u64) -> (String, Vec<Actor>) {
        use crate::diagnostic::SourceFile;
        let w = briefing_workload::generate(bytes, actors, seed);
        let parsed = crate::sheet::parse::parse(&SourceFile::new("facts.toml", &w.sheet));
        let text = briefing_workload::roughened(&w.article);
        (text, parsed.sheet.actors)
    }

    const OMIT: [&str; 3] = [
        "Advertisement",
        "Read more: the week\u{2019}s top stories",
        "Continue reading below",
    ];

    #[test]
    fn the_index_agrees_with_the_plain_reference_on_a_workload() {
        let (text, actors) = workload(320 * 1024, 150, 31);
        assert!(text.contains("\r\n") && text.contains('\t') && text.contains('\u{A0}'));
        let want = reference::mentions(&text, &actors, &OMIT);
        assert!(want.len() > 1_000, "{}", want.len());
        assert_agrees(&text, &actors, &want);
    }

    #[test]
    fn the_index_agrees_with_the_plain_reference_where_rule_9_joins() {
        // The workload with, after every sentence, two spellings of actors written side by
        // side in one of these ways (some of which rule 9 joins, some not).
        const FORMS: [&str; 9] = [
            "{a} {b}",
            "{a} ({b})",
            "{a}\r\n({b}) ({a}) {a}",
            "{a}\u{A0}\t{b}{b}",
            "{a}\nAdvertisement\n{b}",
            "{a}({b}),",
            "{a} ( {b} )",
            "{a} {c}",
            "{a}\r\n\r\n{b} (x{a})",
        ];
        let (text, actors) = workload(96 * 1024, 60, 33);
        let mut joined = String::new();
        for (k, piece) in text.split_inclusive(". ").enumerate() {
            joined.push_str(piece);
            let a = &actors[k % actors.len()];
            let spellings: Vec<&String> = std::iter::once(&a.name).chain(&a.aliases).collect();
            let form = FORMS[k % FORMS.len()]
                .replace("{a}", spellings[k % spellings.len()])
                .replace("{b}", spellings[(k / 3) % spellings.len()])
                .replace("{c}", &actors[(k * 7 + 1) % actors.len()].name);
            joined.push_str(&form);
            joined.push_str(". ");
        }
        let unjoined = reference::rules_1_to_8(&joined, &actors, &OMIT);
        let want = reference::rule_9(&joined, &unjoined);
        assert!(
            unjoined.len() > want.len() + 300,
            "{} joined into {}",
            unjoined.len(),
            want.len()
        );
        assert_agrees(&joined, &actors, &want);
    }

    /// The index of `text` (with [`OMIT`]) has exactly the mentions `want`.
    fn assert_agrees(text: &str, actors: &[Actor], want: &[(usize, usize, u32)]) {
        let omit: Vec<String> = OMIT.iter().map(|o| fold(o)).collect();
        let (article, _) = Article::new(text.to_owned(), &omit);
        assert!(article.omitted().len() > 5);
        let index = MentionIndex::build(&article, actors);
        let got: Vec<(usize, usize, u32)> = index
            .all()
            .iter()
            .map(|m| (m.span.start as usize, m.span.end as usize, m.actor))
            .collect();
        for (k, (g, w)) in got.iter().zip(want).enumerate() {
            assert_eq!(
                g,
                w,
                "mention {k}: {:?} but the reference has {:?}",
                &text[g.0..g.1],
                &text[w.0..w.1]
            );
        }
        assert_eq!(got.len(), want.len());
        // Cut into many small chunks on several threads, folded a chunk at a time, the same.
        for (threads, most) in [(1, 4096), (2, 333), (3, 64)] {
            let sizes = chunks::Sizes { threads, most };
            let chunks = article.folded_source().bounds(8).len();
            assert!(chunks > 5, "{chunks}");
            let (index, _) = Automaton::new(actors).index_sized(
                &article,
                sizes,
                0,
                |_| (),
                &AtomicBool::new(false),
            );
            assert!(
                index.all() == MentionIndex::build(&article, actors).all(),
                "{threads} threads, chunks of {most} bytes"
            );
        }
    }

    /// The candidates of each chunk `bounds[k]..bounds[k + 1]` of a text there whole.
    fn in_chunks(matcher: &Matcher, text: &str, bounds: &[usize]) -> Vec<Vec<Candidate>> {
        chunks::each_of_text(text, bounds, |c| matcher.candidates(c))
    }

    #[test]
    fn chunks_scanned_apart_find_the_candidates_of_one_scan() {
        let (text, actors) = workload(200 * 1024, 120, 32);
        let (article, _) = Article::new(text, &[]);
        let text = article.folded_str();
        let patterns = Patterns::new(&actors);
        let matcher = Matcher::new(&patterns.texts);
        let whole = in_chunks(&matcher, text, &[0, text.len()]).concat();
        assert!(whole.len() > 500, "{}", whole.len());
        for n in 2..9 {
            // Cuts anywhere, inside words and characters too, not only at whitespace.
            let mut bounds: Vec<usize> = (0..n).map(|k| text.len() * k / n + k * 7).collect();
            bounds.push(text.len());
            assert_eq!(
                in_chunks(&matcher, text, &bounds).concat(),
                whole,
                "{n} chunks"
            );
        }
        // Cuts inside matches, at every place of a short text.
        let short = "US State Department, New York Times and New Yorkers in New York";
        let patterns: Vec<String> = ["US", "US State Department", "New York", "New York Times"]
            .map(String::from)
            .to_vec();
        let matcher = Matcher::new(&patterns);
        let whole = in_chunks(&matcher, short, &[0, short.len()]).concat();
        let mut chosen = vec![whole.clone()];
        choose(&mut chosen);
        assert_eq!(chosen.concat().len(), 3);
        for cut in 1..short.len() {
            let bounds = [0, cut, (cut + 5).min(short.len()), short.len()];
            let mut chunks = in_chunks(&matcher, short, &bounds);
            assert_eq!(chunks.concat(), whole, "cut at {cut}");
            // Chosen chunk after chunk, as from one.
            choose(&mut chunks);
            assert_eq!(chunks.concat(), chosen.concat(), "chosen, cut at {cut}");
        }
    }

    #[test]
    fn patterns_split_into_shards_find_what_one_automaton_finds() {
        let (text, actors) = workload(64 * 1024, 60, 34);
        let (article, _) = Article::new(text, &[]);
        let text = article.folded_str();
        let patterns = Patterns::new(&actors);
        let one = Matcher::new(&patterns.texts);
        let kept: Vec<(&str, u32)> = patterns
            .texts
            .iter()
            .enumerate()
            .map(|(n, p)| (p.as_str(), n as u32))
            .collect();
        let mut split = Matcher::of(kept, |patterns, shards| {
            for part in patterns.chunks(7) {
                build_shards(part, shards);
            }
        });
        // No budget: the automata scan from the first word.
        split.budget = (0, 0);
        assert!(split.automata().len() > 1);
        let want = one.candidates(Chunk::of_text(text, 0, text.len()));
        assert!(want.len() > 100);
        assert_eq!(split.candidates(Chunk::of_text(text, 0, text.len())), want);
    }

    #[test]
    fn the_automata_take_over_at_any_word_with_the_same_candidates() {
        let (text, actors) = workload(32 * 1024, 40, 35);
        let (article, _) = Article::new(text, &[]);
        let text = article.folded_str();
        let patterns = Patterns::new(&actors);
        let words = Matcher::new(&patterns.texts);
        let want = words.candidates(Chunk::of_text(text, 0, text.len()));
        assert!(want.len() > 50);
        assert!(words.automata.get().is_none(), "built though within budget");
        for spent in [0, 1, 2, 3, 5, 8, 13, 40, 100, 400, 1_000] {
            let mut over = Matcher::new(&patterns.texts);
            over.budget = (spent, 0);
            let got = over.candidates(Chunk::of_text(text, 0, text.len()));
            assert_eq!(got, want, "a budget of {spent}");
            assert!(over.automata.get().is_some(), "a budget of {spent}");
        }
    }

    #[test]
    fn spellings_mostly_past_ascii_are_scanned_by_the_automata_with_the_same_candidates() {
        let actors = [
            actor("Москва", &["столица", "город Москва"]),
            actor("Киев", &["Київ"]),
            actor("x", &["the"]),
        ];
        let text = "Москва, столица; город Москва и Київ (Киев) — the Москва-река, Москвы.";
        let patterns = Patterns::new(&actors);
        let eager = Matcher::new(&patterns.texts);
        assert!(eager.automata.get().is_some());
        let want = reference::mentions(text, &actors, &[]);
        let (article, _) = Article::new(text.to_owned(), &[]);
        let got: Vec<(usize, usize, u32)> = MentionIndex::build(&article, &actors)
            .all()
            .iter()
            .map(|m| (m.span.start as usize, m.span.end as usize, m.actor))
            .collect();
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(got, want);
        // The words find the same.
        let words = Matcher {
            automata: OnceLock::new(),
            ..Matcher::new(&patterns.texts)
        };
        let chunk = Chunk::of_text(text, 0, text.len());
        assert_eq!(words.candidates(chunk), eager.candidates(chunk));
        assert!(words.automata.get().is_none());
    }

    #[test]
    fn spellings_that_begin_with_punctuation_are_found_beside_words() {
        let actors = [
            actor("Nato", &["(NATO)", "NATO", "NATO's allies"]),
            actor("Pound", &["£5bn", "5bn", "-5"]),
            actor("Dot", &[".net", "a.b.", "U.S."]),
        ];
        let text = "The alliance (NATO) said (NATO's allies) paid £5bn, or 5bn,                     -5 and x-5, via .net a.b. and U.S.) and U.S.A. and (NATO)s.";
        let want = reference::mentions(text, &actors, &[]);
        let (article, _) = Article::new(text.to_owned(), &[]);
        let got: Vec<(usize, usize, u32)> = MentionIndex::build(&article, &actors)
            .all()
            .iter()
            .map(|m| (m.span.start as usize, m.span.end as usize, m.actor))
            .collect();
        assert!(want.len() >= 7, "{want:?}");
        assert_eq!(got, want);
    }

    #[test]
    fn repeated_words_are_scanned_once_and_chosen_as_the_reference_does() {
        // The adversarial text of issue 16 (small): a long alias that never ends in a match
        // over a text that repeats its beginning, beside short ones that do.
        let long = format!("{}b", "a ".repeat(300));
        let actors = [actor("A", &[&long, "a a"]), actor("x", &["a"])];
        let text = format!("{}a a a, b a a a a", "a ".repeat(2_000));
        let want = reference::mentions(&text, &actors, &[]);
        let (article, _) = Article::new(text.clone(), &[]);
        let index = MentionIndex::build(&article, &actors);
        let got: Vec<(usize, usize, u32)> = index
            .all()
            .iter()
            .map(|m| (m.span.start as usize, m.span.end as usize, m.actor))
            .collect();
        assert!(!want.is_empty());
        assert_eq!(got, want);
    }
}
