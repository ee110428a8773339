//! Evidence: finding the words an event or a fact quotes (mention rule 7).
//!
//! Quotes are compared folded, like mentions, but need not be whole words and are never
//! capitalised. A quote that is not in the article is a problem, never fuzzy-matched.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::article::Article;
use crate::fold::fold;

/// Where a quote stands in the article (bytes on disk), and how often it occurs there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    pub start: u32,
    pub end: u32,
    /// Occurrences in the article; the first is the one shown.
    pub count: u32,
}

impl Quote {
    #[must_use]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Finds each quote in one pass over the article; `None` for a quote that is not there.
#[must_use]
pub fn locate(article: &Article, quotes: &[&str]) -> Vec<Option<Quote>> {
    let folded = article.folded();
    let mut distinct: HashMap<String, usize> = HashMap::new();
    let mut patterns = Vec::new();
    let slots: Vec<Option<usize>> = quotes
        .iter()
        .map(|q| {
            let f = fold(q);
            if f.is_empty() {
                return None;
            }
            Some(*distinct.entry(f.clone()).or_insert_with(|| {
                patterns.push(f);
                patterns.len() - 1
            }))
        })
        .collect();
    let mut found: Vec<Option<Quote>> = vec![None; patterns.len()];
    if !patterns.is_empty()
        && let Ok(ac) = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
    {
        for m in ac.find_overlapping_iter(folded.as_str()) {
            let slot = &mut found[m.pattern().as_usize()];
            match slot {
                Some(q) => q.count += 1,
                None => {
                    *slot = Some(Quote {
                        start: folded.to_original(m.start()) as u32,
                        end: folded.to_original(m.end()) as u32,
                        count: 1,
                    });
                }
            }
        }
    }
    slots
        .into_iter()
        .map(|s| s.and_then(|i| found[i]))
        .collect()
}

/// The longest beginning of `quote` (in characters of its folded form) that the article does
/// contain: tells a curator where a quote stops matching.
#[must_use]
pub fn longest_prefix_found(article: &Article, quote: &str) -> String {
    let q = fold(quote);
    let text = article.folded().as_str();
    let ends: Vec<usize> = q.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    let found = |n: usize| {
        n == 0 || memchr::memmem::find(text.as_bytes(), &q.as_bytes()[..ends[n - 1]]).is_some()
    };
    // `found` is monotone in n, so binary search for the largest n that is found.
    let (mut lo, mut hi) = (0, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if found(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    q[..if lo == 0 { 0 } else { ends[lo - 1] }].to_owned()
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
        assert_eq!(&a.text()[q.range()], "Biden\u{2018}s\n underwhelming");
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
    fn the_same_quote_twice_is_found_for_both() {
        let a = article("a summit", &[]);
        let found = locate(&a, &["summit", "summit"]);
        assert_eq!(found[0], found[1]);
    }

    #[test]
    fn says_how_far_a_quote_matches() {
        let a = article("NATO will present Ukraine with concrete ways", &[]);
        assert_eq!(
            longest_prefix_found(&a, "NATO will present Ukraine with solid ways"),
            "NATO will present Ukraine with "
        );
        assert_eq!(longest_prefix_found(&a, "Zelensky"), "");
    }
}
