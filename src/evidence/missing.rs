//! What the article has of the quotes it does not have, asked for all of them at once: the
//! quote with other capitals ([`other_case_all`]), with other punctuation and spacing too
//! ([`loosely_all`]), the longest beginning of it
//! ([`longest_prefix_all`]), the hidden lines it crosses ([`super::Omitted::crossed_all`]), and
//! where a part stands ([`first_of_each`]). One scan of
//! the article answers a question for every quote (and the longest beginnings take one scan per
//! step of a search run for all quotes together), where asking quote by quote scanned the
//! article once for each: 1,000 missing quotes on 10 MB took over a second.
//!
//! The answers are those of [`super::other_case`] and [`super::longest_prefix`] asked one quote
//! at a time, which the tests check; the hidden lines crossed are checked all at once against
//! one quote at a time.

use std::collections::HashMap;
use std::ops::Range;

use daachorse::DoubleArrayAhoCorasick;

use super::Partial;
use crate::article::Article;
use crate::fold::{BARRIER, fold};

/// So few quotes that each is looked for on its own, with a search that skips ahead (no copy of
/// the text in lower case is made for them).
const FEW: usize = 4;

/// Where each quote stands in the article if ASCII letters may differ in case (bytes on disk),
/// `None` for a quote that is not there even so.
#[must_use]
pub fn other_case_all(article: &Article, quotes: &[&str]) -> Vec<Option<Range<usize>>> {
    let folded = article.folded();
    if quotes.len() <= FEW {
        return quotes
            .iter()
            .map(|q| super::other_case(article, q))
            .collect();
    }
    // Both sides in ASCII lower case (which keeps every byte where it is), then a plain scan:
    // aho-corasick's own case-insensitive search of a thousand quotes was as slow as ten of
    // these.
    let lower = article.folded_str().to_ascii_lowercase();
    let quotes: Vec<String> = quotes
        .iter()
        .map(|q| fold(q).to_ascii_lowercase())
        .collect();
    let patterns: Vec<&str> = quotes.iter().map(String::as_str).collect();
    first_of_each(&lower, &patterns)
        .into_iter()
        .zip(&quotes)
        .map(|(at, q)| at.map(|at| folded.to_original(at)..folded.to_original(at + q.len())))
        .collect()
}

/// Articles longer than this are not looked through loosely ([`loosely_all`]): the loose copy
/// keeps where each of its bytes came from, four bytes each, and is made a character at a
/// time (at 10 MB, one missing quote took `check` from 0.08 s to 0.31 s and 27 to 74 MB). A
/// news article is a few tens of kilobytes.
const LOOSE_MAX_BYTES: usize = 2 * 1024 * 1024;

/// A loose quote shorter than this says too little to be pointed at.
const LOOSE_SHORTEST: usize = 8;

/// Where each quote stands in the article when capitals, punctuation and spacing are set aside:
/// "two year wage" for "two-year wage", "we are relieved" for "“We are relieved,". Each side
/// is made loose: letters and digits in lower case, every run of anything else one space (but
/// an omitted line's barrier, kept, so that no match crosses it). The
/// range is the article's, from the first letter or digit matched to the last. `None` for a
/// quote not there even so, one whose loose form is shorter than [`LOOSE_SHORTEST`], and every
/// quote of an article longer than [`LOOSE_MAX_BYTES`].
#[must_use]
pub fn loosely_all(article: &Article, quotes: &[&str]) -> Vec<Option<Range<usize>>> {
    let text = article.folded_str();
    if text.len() > LOOSE_MAX_BYTES || quotes.is_empty() {
        return vec![None; quotes.len()];
    }
    let (text_loose, from) = loose(text);
    let asked: Vec<String> = quotes
        .iter()
        .map(|q| loose(&fold(q)).0.trim().to_owned())
        .collect();
    let patterns: Vec<&str> = asked
        .iter()
        .map(|q| {
            if q.len() < LOOSE_SHORTEST {
                ""
            } else {
                q.as_str()
            }
        })
        .collect();
    let folded = article.folded();
    first_of_each(&text_loose, &patterns)
        .into_iter()
        .zip(&patterns)
        .map(|(at, q)| {
            let at = at?;
            let (start, end) = (from[at] as usize, from[at + q.len() - 1] as usize);
            // The last byte matched begins a character of the folded text: to its end.
            let end = end + text[end..].chars().next().map_or(1, char::len_utf8);
            Some(folded.to_original(start)..folded.to_original(end))
        })
        .collect()
}

/// `text` made loose (see [`loosely_all`]), and for each of its bytes the offset in `text` of
/// the character it came from.
fn loose(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if c == char::from(BARRIER) {
            // An omitted line stays a wall: nothing matches across it.
            out.push(c);
            from.push(at as u32);
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                let before = out.len();
                out.push(l);
                from.extend(std::iter::repeat_n(at as u32, out.len() - before));
            }
        } else if !out.ends_with(' ') {
            out.push(' ');
            from.push(at as u32);
        }
    }
    (out, from)
}

/// For each quote, the longest beginning of it (in characters of its folded form) that the
/// article contains, where it first ends and what follows it there, as
/// [`super::longest_prefix`] finds it; `None` when the article has not even its first
/// `shortest` characters (at least one). Each quote's lengths are searched by ninths, and a step
/// of all the quotes is one scan; the first step asks for `shortest` characters, so that a
/// quote whose beginning is not there costs one step, and no step asks for a beginning so
/// short that the text is full of it; each later step asks for [`PROBES`] lengths.
#[must_use]
pub fn longest_prefix_all(
    article: &Article,
    quotes: &[&str],
    shortest: usize,
) -> Vec<Option<Partial>> {
    let shortest = shortest.max(1);
    if quotes.len() <= FEW {
        return quotes
            .iter()
            .map(|q| {
                super::longest_prefix(article, q).filter(|p| p.found.chars().count() >= shortest)
            })
            .collect();
    }
    let text = article.folded_str();
    let quotes: Vec<String> = quotes.iter().map(|q| fold(q)).collect();
    let ends: Vec<Vec<usize>> = quotes
        .iter()
        .map(|q| q.char_indices().map(|(i, c)| i + c.len_utf8()).collect())
        .collect();
    // Per quote: the longest length known to be found, the shortest that may be, and where the
    // beginning of the length found first stands.
    let mut lo = vec![0; quotes.len()];
    // A quote shorter than `shortest` is never asked about (`hi` is 0).
    let mut hi: Vec<usize> = ends
        .iter()
        .map(|e| if e.len() < shortest { 0 } else { e.len() })
        .collect();
    let mut at = vec![0; quotes.len()];
    loop {
        // Each quote asks for `shortest` characters first, then for lengths spread evenly
        // through what is left to know: found ones stand below those not found.
        let mut asked: Vec<(usize, usize)> = Vec::new();
        for j in (0..quotes.len()).filter(|&j| lo[j] < hi[j]) {
            if lo[j] < shortest {
                asked.push((j, shortest));
            } else {
                let span = hi[j] - lo[j];
                let k = PROBES.min(span);
                asked.extend((1..=k).map(|t| (j, lo[j] + (span * t).div_ceil(k))));
            }
        }
        if asked.is_empty() {
            break;
        }
        let patterns: Vec<&str> = asked
            .iter()
            .map(|&(j, n)| &quotes[j][..ends[j][n - 1]])
            .collect();
        for (&(j, n), first) in asked.iter().zip(first_of_each(text, &patterns)) {
            match first {
                Some(p) if n > lo[j] => (lo[j], at[j]) = (n, p),
                Some(_) => {}
                // Not even `shortest` characters: nothing more to ask.
                None if lo[j] < shortest => hi[j] = lo[j],
                None => hi[j] = hi[j].min(n - 1),
            }
        }
    }
    (0..quotes.len())
        .map(|j| {
            let n = lo[j];
            (n >= shortest).then(|| partial(article, &quotes[j], ends[j][n - 1], at[j]))
        })
        .collect()
}

/// The lengths a quote asks for at once in a step of [`longest_prefix_all`]: a search by ninths
/// takes three steps for a quote of 500 characters where halves take nine. They are beginnings
/// of one another, so the automaton holds about as many states as for one.
const PROBES: usize = 8;

/// The [`Partial`] of the folded quote `q` whose first `len` bytes the folded article has at
/// `at` first.
pub(super) fn partial(article: &Article, q: &str, len: usize, at: usize) -> Partial {
    let text = article.folded_str();
    let found = &q[..len];
    let end = at + len;
    let rest = q[len..].chars().count().clamp(10, 40);
    let next = text[end..]
        .split(char::from(BARRIER))
        .next()
        .unwrap_or("")
        .chars()
        .take(rest)
        .collect::<String>()
        .trim_end()
        .to_owned();
    Partial {
        found: found.to_owned(),
        end: article.folded().to_original(end),
        next,
    }
}

/// Where each pattern first stands in `text` (a byte), `None` for one that is not there (or
/// is empty): one overlapping scan for them all, stopped once each is found. The first match a
/// pattern has in an overlapping scan is its leftmost, since a pattern's matches end in the
/// order they start.
#[must_use]
pub fn first_of_each(text: &str, patterns: &[&str]) -> Vec<Option<usize>> {
    let set = Patterns::new(patterns);
    let mut first = vec![None; set.unique.len()];
    let mut left = set.unique.len();
    set.scan(text, |u, at| {
        if first[u].is_none() {
            first[u] = Some(at);
            left -= 1;
        }
        left > 0
    });
    set.of.iter().map(|u| u.and_then(|u| first[u])).collect()
}

/// Patterns asked about, each different one once.
struct Patterns<'p> {
    unique: Vec<&'p str>,
    /// For each pattern asked, its place in `unique` (`None` when it is empty).
    of: Vec<Option<usize>>,
}

impl<'p> Patterns<'p> {
    fn new(patterns: &[&'p str]) -> Self {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut unique = Vec::new();
        let of = patterns
            .iter()
            .map(|&p| {
                (!p.is_empty()).then(|| {
                    *ids.entry(p).or_insert_with(|| {
                        unique.push(p);
                        unique.len() - 1
                    })
                })
            })
            .collect();
        Self { unique, of }
    }

    /// Calls `found(pattern, start)` for every match in `text`, overlapping, in the order they
    /// end, until it returns `false`.
    fn scan(&self, text: &str, mut found: impl FnMut(usize, usize) -> bool) {
        if self.unique.is_empty() {
            return;
        }
        // daachorse, as for the mentions: its overlapping scan was faster than aho-corasick's.
        if let Ok(da) = DoubleArrayAhoCorasick::<u32>::new(&self.unique) {
            for m in da.find_overlapping_iter(text) {
                if !found(m.value() as usize, m.start()) {
                    return;
                }
            }
            return;
        }
        // Past the automaton's limits (not met by any sheet under the size limit): one pattern
        // at a time.
        for (u, p) in self.unique.iter().enumerate() {
            for at in memchr::memmem::find_iter(text.as_bytes(), p.as_bytes()) {
                if !found(u, at) {
                    break;
                }
            }
        }
    }
}

impl super::Omitted<'_> {
    /// [`super::Omitted::crossed`] for every quote: the bridged text scanned once for them all,
    /// and the text with nothing hidden once for those it leaves.
    #[must_use]
    pub fn crossed_all(&self, quotes: &[&str]) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); quotes.len()];
        if self.article.omitted().is_empty() {
            return out;
        }
        let folded_quotes: Vec<String> = quotes.iter().map(|q| fold(q)).collect();
        let patterns: Vec<&str> = folded_quotes.iter().map(String::as_str).collect();
        let set = Patterns::new(&patterns);
        let mut lines: Vec<Option<Vec<usize>>> = vec![None; set.unique.len()];
        let mut left = set.unique.len();
        let folded = self.article.folded();
        let (bridged, checkpoints) = self
            .bridged
            .get_or_init(|| super::bridge(self.article.folded_str()));
        let to_folded = |at: usize| super::unbridged(checkpoints, at);
        set.scan(bridged, |u, at| {
            if lines[u].is_none() {
                let start = folded.to_original(to_folded(at));
                let end = folded.to_original(to_folded(at + set.unique[u].len()));
                let crossed = self.lines_within(start..end);
                if !crossed.is_empty() {
                    lines[u] = Some(crossed);
                    left -= 1;
                }
            }
            left > 0
        });
        if left > 0 {
            let (whole, whole_text) = self.whole.get_or_init(|| {
                crate::fold::FoldedText::with_text(
                    self.article.text(),
                    self.article.body_start(),
                    &[],
                )
            });
            set.scan(whole_text, |u, at| {
                if lines[u].is_none() {
                    let range = whole.to_original(at)..whole.to_original(at + set.unique[u].len());
                    let crossed = self.lines_within(range);
                    if !crossed.is_empty() {
                        lines[u] = Some(crossed);
                        left -= 1;
                    }
                }
                left > 0
            });
        }
        for (slot, u) in out.iter_mut().zip(&set.of) {
            if let Some(l) = u.and_then(|u| lines[u].as_ref()) {
                slot.clone_from(l);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const TEXT: &str = "NATO leaders met in Washington. The alliance agreed on air defence \
        for Ukraine.\n\nThe Summit ended on 11 July; \u{201c}Ukraine's future is in NATO,\u{201d} \
        the declaration said. Héloïse Müller spoke. The alliance met again.\n";

    fn article(text: &str) -> Article {
        Article::new(text.to_owned(), &[]).0
    }

    /// Quotes that differ from the text only in capitals, punctuation and spacing are found,
    /// and their ranges are the article's words; others, and loose forms too short, are not.
    #[test]
    fn quotes_are_found_loosely_where_punctuation_and_spacing_differ() {
        let text = "A two-year wage deal ended a nine-day strike.\n\n\"We are relieved, \
                    but  tired,\" Lak said. Héloïse Müller spoke.\n";
        let a = article(text);
        let asked = [
            "two year wage",
            "\u{201c}we are relieved but tired\u{201d}",
            "HÉLOÏSE MÜLLER",
            "a three-day strike",
            "a-b",
        ];
        let got: Vec<Option<&str>> = loosely_all(&a, &asked)
            .into_iter()
            .map(|r| r.map(|r| &text[r]))
            .collect();
        assert_eq!(
            got,
            [
                Some("two-year wage"),
                Some("We are relieved, but  tired"),
                Some("Héloïse Müller"),
                None,
                None
            ]
        );
        // Not across an omitted line.
        let text = "The union said.\nAdvertisement\nDockers were relieved.\n";
        let a = Article::new(text.to_owned(), &["Advertisement".to_owned()]).0;
        assert_eq!(
            loosely_all(
                &a,
                &[
                    "the union said dockers were relieved",
                    "dockers were relieved"
                ]
            ),
            [None, Some(text.find("Dockers").unwrap()..text.len() - 2)]
        );
    }

    fn one_by_one(
        a: &Article,
        quotes: &[&str],
    ) -> (Vec<Option<Range<usize>>>, Vec<Option<Partial>>) {
        (
            quotes
                .iter()
                .map(|q| super::super::other_case(a, q))
                .collect(),
            quotes
                .iter()
                .map(|q| super::super::longest_prefix(a, q))
                .collect(),
        )
    }

    /// The beginnings of at least `n` characters.
    fn at_least(prefixes: &[Option<Partial>], n: usize) -> Vec<Option<Partial>> {
        prefixes
            .iter()
            .map(|p| p.clone().filter(|p| p.found.chars().count() >= n))
            .collect()
    }

    #[test]
    fn all_at_once_answers_as_one_by_one() {
        let a = article(TEXT);
        let quotes = [
            "the summit ended",
            "The alliance agreed on air defense for Ukraine",
            "Ukraine's future is in NATO, the declaration said",
            "héloïse MÜLLER",
            "Zanzibar",
            "",
            "The alliance met",
            "The alliance met",
            "t",
            "NATO leaders met in Washington. The alliance agreed on air defence for Ukraine.",
        ];
        let (case, prefix) = one_by_one(&a, &quotes);
        assert_eq!(other_case_all(&a, &quotes), case);
        assert_eq!(longest_prefix_all(&a, &quotes, 1), prefix);
        assert_eq!(longest_prefix_all(&a, &quotes, 8), at_least(&prefix, 8));
        assert_eq!(case[0].clone().map(|r| &TEXT[r]), Some("The Summit ended"));
        assert_eq!(
            case[3].clone().map(|r| &TEXT[r]),
            None,
            "only ASCII letters may differ"
        );
        assert!(case[4].is_none() && case[5].is_none());
        assert_eq!(
            prefix[1].as_ref().map(|p| p.found.as_str()),
            Some("The alliance agreed on air defen")
        );
        assert!(prefix[4].is_none());
    }

    #[test]
    fn crossings_all_at_once_are_those_found_one_by_one() {
        let text = "The alliance agreed\nAdvertisement\non air defence.\n\nAdvertisement\n\n\
            The summit ended.\nSubscribe now\nThe summit ended.\n";
        let omit = [fold("Advertisement"), fold("Subscribe now")];
        let a = Article::new(text.to_owned(), &omit).0;
        let omitted = super::super::Omitted::new(&a);
        let quotes = [
            "agreed on air",
            "agreed Advertisement on air",
            "defence. The summit",
            "ended. The summit ended",
            "ended. Subscribe now The summit",
            "The alliance",
            "not there at all",
            "",
            "agreed on air",
        ];
        let one_by_one: Vec<Vec<usize>> = quotes.iter().map(|q| omitted.crossed(q)).collect();
        assert_eq!(omitted.crossed_all(&quotes), one_by_one);
        assert_eq!(one_by_one[0], vec![2]);
        assert_eq!(one_by_one[4], vec![8]);
        assert!(one_by_one[5].is_empty() && one_by_one[6].is_empty());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Quotes cut from the text, then changed (a letter swapped, its case flipped, cut
        /// short), are answered all at once as they are one by one.
        #[test]
        fn all_at_once_answers_as_one_by_one_on_any_quotes(
            cuts in proptest::collection::vec((0..TEXT.len(), 1..60usize, 0..4u8, any::<u8>()), 0..12)
        ) {
            let a = article(TEXT);
            let quotes: Vec<String> = cuts
                .iter()
                .map(|&(start, len, change, byte)| {
                    let start = (0..=start).rev().find(|&i| TEXT.is_char_boundary(i)).unwrap_or(0);
                    let end = (start + len).min(TEXT.len());
                    let end = (end..=TEXT.len()).find(|&i| TEXT.is_char_boundary(i)).unwrap_or(TEXT.len());
                    let q = &TEXT[start..end];
                    match change {
                        0 => q.to_owned(),
                        1 => q.to_uppercase(),
                        2 => {
                            let mut s = q.to_owned();
                            let i = usize::from(byte) % s.len().max(1);
                            if let Some(i) = (0..=i).rev().find(|&i| s.is_char_boundary(i)) {
                                s.insert(i, 'q');
                            }
                            s
                        }
                        _ => format!("{q}{}", char::from(b'a' + byte % 26)),
                    }
                })
                .collect();
            let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
            let (case, prefix) = one_by_one(&a, &quotes);
            prop_assert_eq!(other_case_all(&a, &quotes), case);
            prop_assert_eq!(longest_prefix_all(&a, &quotes, 1), prefix.clone());
            prop_assert_eq!(longest_prefix_all(&a, &quotes, 3), at_least(&prefix, 3));
            prop_assert_eq!(longest_prefix_all(&a, &quotes, 8), at_least(&prefix, 8));
        }
    }
}
