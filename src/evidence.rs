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

use aho_corasick::{AhoCorasick, MatchKind};

use crate::article::Article;
use crate::fold::{BARRIER, FoldedText, fold};
use crate::mentions::{chunk_bounds, threads};
use crate::span::Span;

mod missing;
pub use missing::{longest_prefix_all, other_case_all};

/// Where a quote stands in the article (bytes on disk), and how often it occurs there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Where it stands in the article.
    pub span: Span,
    /// Occurrences in the article; the first is the one shown.
    pub count: u32,
}

/// Finds each quote in one pass over the article; `None` for a quote that is not there. A quote
/// that leaves words out (see [`find_elided`]) is found on its own.
#[must_use]
pub fn locate(article: &Article, quotes: &[&str]) -> Vec<Option<Quote>> {
    /// How a quote is found: as one of the patterns, or already, part by part.
    enum Slot {
        Blank,
        Pattern(usize),
        Elided(Option<Quote>),
    }
    let folded = article.folded();
    let mut distinct: HashMap<String, usize> = HashMap::new();
    let mut patterns = Vec::new();
    let slots: Vec<Slot> = quotes
        .iter()
        .map(|q| {
            let f = fold(q);
            if f.is_empty() {
                return Slot::Blank;
            }
            if let Some(parts) = elided_parts(q) {
                return Slot::Elided(find_elided(article, &parts).ok());
            }
            Slot::Pattern(*distinct.entry(f.clone()).or_insert_with(|| {
                patterns.push(f);
                patterns.len() - 1
            }))
        })
        .collect();
    let text = folded.as_str();
    let found = count(text, &patterns, &chunk_bounds(text, threads(text.len())));
    let found: Vec<Option<Quote>> = found
        .into_iter()
        .map(|f| {
            f.map(|(start, end, count)| Quote {
                span: Span::new(
                    folded.to_original(start) as u32,
                    folded.to_original(end) as u32,
                ),
                count,
            })
        })
        .collect();
    slots
        .into_iter()
        .map(|s| match s {
            Slot::Blank => None,
            Slot::Pattern(i) => found[i],
            Slot::Elided(q) => q,
        })
        .collect()
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
pub fn find_elided(article: &Article, parts: &[String]) -> Result<Quote, usize> {
    let folded = article.folded();
    let text = folded.as_str();
    // Every occurrence of each part, ascending: each step takes the first one after the part
    // before, which is the nearest, so if it is in another paragraph, every later one is too.
    let at: Vec<Vec<usize>> = parts
        .iter()
        .map(|p| memchr::memmem::find_iter(text.as_bytes(), p.as_bytes()).collect())
        .collect();
    if parts.is_empty() {
        return Err(0);
    }
    // Blank lines (bytes on disk) and omitted lines (folded), which no quote crosses, ascending.
    let blank: Vec<usize> = (0..article.line_count())
        .map(|n| article.line_range(n))
        .filter(|r| article.text()[r.clone()].trim().is_empty())
        .map(|r| r.start)
        .collect();
    let barriers: Vec<usize> = memchr::memchr_iter(BARRIER, text.as_bytes()).collect();
    let any_within = |at: &[usize], from: usize, to: usize| {
        at.get(at.partition_point(|&b| b < from))
            .is_some_and(|&b| b < to)
    };
    let mut first: Option<(usize, usize)> = None;
    let mut count = 0u32;
    let mut reached = 0;
    for &start in &at[0] {
        let mut end = start + parts[0].len();
        let mut k = 1;
        while k < parts.len() {
            let i = at[k].partition_point(|&a| a < end);
            let Some(&next) = at[k].get(i) else { break };
            if any_within(&barriers, end, next)
                || any_within(&blank, folded.to_original(end), folded.to_original(next))
            {
                break;
            }
            end = next + parts[k].len();
            k += 1;
        }
        reached = reached.max(k);
        if k == parts.len() {
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

/// For each pattern, its first occurrence in `text` (folded offsets) and how many there are,
/// overlapping ones included. Each chunk `bounds[k]..bounds[k + 1]` is searched on a thread of
/// its own for the occurrences that start in it (reading on past its end by the length of the
/// longest pattern), so that every occurrence is counted once, and the first is in the first
/// chunk that has one.
fn count(text: &str, patterns: &[String], bounds: &[usize]) -> Vec<Option<(usize, usize, u32)>> {
    let mut found = vec![None; patterns.len()];
    let Some(ac) = (!patterns.is_empty())
        .then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(patterns)
                .ok()
        })
        .flatten()
    else {
        return found;
    };
    let longest = patterns.iter().map(String::len).max().unwrap_or(0);
    let search = |from: usize, to: usize| {
        let mut found: Vec<Option<(usize, usize, u32)>> = vec![None; patterns.len()];
        let end = (to + longest).min(text.len());
        let input = aho_corasick::Input::new(text).span(from..end);
        for m in ac.find_overlapping_iter(input) {
            if m.start() >= to {
                continue; // the next chunk's
            }
            match &mut found[m.pattern().as_usize()] {
                Some((_, _, count)) => *count += 1,
                slot => *slot = Some((m.start(), m.end(), 1)),
            }
        }
        found
    };
    let parts: Vec<Vec<Option<(usize, usize, u32)>>> = if bounds.len() <= 2 {
        vec![search(0, text.len())]
    } else {
        std::thread::scope(|s| {
            let search = &search;
            let handles: Vec<_> = bounds
                .windows(2)
                .skip(1)
                .map(|w| {
                    let (from, to) = (w[0], w[1]);
                    s.spawn(move || search(from, to))
                })
                .collect();
            let mut parts = vec![search(0, bounds[1])];
            for h in handles {
                parts.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            parts
        })
    };
    for part in parts {
        for (slot, f) in found.iter_mut().zip(part) {
            match (slot.as_mut(), f) {
                (Some((_, _, count)), Some((_, _, more))) => *count += more,
                (None, f) => *slot = f,
                (Some(_), None) => {}
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
    /// The article folded with nothing hidden.
    whole: OnceCell<FoldedText>,
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
        let q = fold(quote);
        if q.is_empty() || self.article.omitted().is_empty() {
            return Vec::new();
        }
        let folded = self.article.folded();
        let (bridged, checkpoints) = self.bridged.get_or_init(|| bridge(folded.as_str()));
        let to_folded = |at: usize| {
            let i = checkpoints.partition_point(|&(b, _)| b <= at);
            let (b, f) = if i == 0 { (0, 0) } else { checkpoints[i - 1] };
            f + (at - b)
        };
        for at in memchr::memmem::find_iter(bridged.as_bytes(), q.as_bytes()) {
            let start = folded.to_original(to_folded(at));
            let end = folded.to_original(to_folded(at + q.len()));
            let lines = self.lines_within(start..end);
            if !lines.is_empty() {
                return lines;
            }
        }
        let whole = self
            .whole
            .get_or_init(|| FoldedText::new(self.article.text(), self.article.body_start(), &[]));
        for at in memchr::memmem::find_iter(whole.as_str().as_bytes(), q.as_bytes()) {
            let lines = self.lines_within(whole.to_original(at)..whole.to_original(at + q.len()));
            if !lines.is_empty() {
                return lines;
            }
        }
        Vec::new()
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
    let text = article.folded().as_str();
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
    let found = &q[..ends[lo - 1]];
    let end = find(lo).map_or(0, |at| at + found.len());
    let rest = q[found.len()..].chars().count().clamp(10, 40);
    let next = text[end..]
        .split(char::from(BARRIER))
        .next()
        .unwrap_or("")
        .chars()
        .take(rest)
        .collect::<String>()
        .trim_end()
        .to_owned();
    Some(Partial {
        found: found.to_owned(),
        end: article.folded().to_original(end),
        next,
    })
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
    let m = ac.find(folded.as_str())?;
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
        let text = a.folded().as_str();
        // Sentences, and short pieces found thousands of times, across barriers too.
        let mut patterns: Vec<String> = text
            .split(". ")
            .step_by(97)
            .map(|q| q.chars().take(60).collect())
            .collect();
        patterns.extend(["the", "ent", "on the", "s,", "'s", "\n"].map(String::from));
        let want = crate::reference::evidence::first_and_count(text, &patterns);
        assert!(want.iter().all(Option::is_some));
        for n in 1..7 {
            let mut bounds: Vec<usize> = (0..n).map(|k| text.len() * k / n + k * 5).collect();
            bounds.push(text.len());
            assert_eq!(count(text, &patterns, &bounds), want, "{n} chunks");
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
    fn an_elided_quote_does_not_cross_an_omitted_line() {
        let a = article(
            "NATO met\nAdvertisement\nin Washington.",
            &["Advertisement"],
        );
        assert_eq!(locate(&a, &["NATO … Washington"]), [None]);
    }
}
