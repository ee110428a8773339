//! Searching the article: every match of the query, found in the folded text (so "Trump's"
//! finds "Trump’s" and a query with spaces finds text broken across lines), ignoring ASCII
//! case unless the query has an uppercase letter, as in less and ripgrep.

use aho_corasick::AhoCorasick;

use crate::article::Article;
use crate::fold::fold;

#[derive(Clone, Debug, Default)]
pub struct Search {
    pub query: String,
    /// The query is being typed.
    pub editing: bool,
    /// Every match, as byte ranges of the article, in order.
    pub matches: Vec<(u32, u32)>,
    /// The current match.
    pub current: Option<usize>,
    /// Where the article was when the search began, to return to on Esc.
    pub origin_top: usize,
    /// The query changed and the matches are not found yet: keys that arrive together are
    /// typed first and searched once ([`crate::app::Action::Settle`]).
    pub stale: bool,
}

impl Search {
    /// A search is active when it has a query and is not being typed.
    #[must_use]
    pub fn active(&self) -> bool {
        !self.editing && !self.query.is_empty()
    }

    /// Recomputes the matches for the current query.
    pub fn refresh(&mut self, article: &Article) {
        self.matches = find(article, &self.query);
        self.current = None;
    }

    /// The first match at or after byte `offset`, wrapping.
    #[must_use]
    pub fn first_from(&self, offset: usize) -> Option<usize> {
        if self.matches.is_empty() {
            return None;
        }
        let i = self.matches.partition_point(|m| (m.0 as usize) < offset);
        Some(if i == self.matches.len() { 0 } else { i })
    }
}

/// All matches of `query` in the article, as byte ranges of the original text.
#[must_use]
pub fn find(article: &Article, query: &str) -> Vec<(u32, u32)> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let ignore_case = !q.chars().any(char::is_uppercase);
    let Ok(ac) = AhoCorasick::builder()
        .ascii_case_insensitive(ignore_case)
        .build([&q])
    else {
        return Vec::new();
    };
    let folded = article.folded();
    ac.find_iter(folded.as_str())
        .map(|m| {
            (
                folded.to_original(m.start()) as u32,
                folded.to_original(m.end()) as u32,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::new(text.to_owned(), &[]).0
    }

    #[test]
    fn smartcase_and_folding() {
        let a = article("The Summit. the summit\nmet. Trump\u{2019}s");
        assert_eq!(find(&a, "summit").len(), 2);
        assert_eq!(find(&a, "Summit").len(), 1);
        let m = find(&a, "summit met");
        assert_eq!(&a.text()[m[0].0 as usize..m[0].1 as usize], "summit\nmet");
        assert_eq!(find(&a, "trump's").len(), 1);
        assert!(find(&a, "   ").is_empty());
    }

    #[test]
    fn first_from_wraps() {
        let a = article("a x a x a");
        let mut s = Search {
            query: "a".into(),
            ..Search::default()
        };
        s.refresh(&a);
        assert_eq!(s.first_from(1), Some(1));
        assert_eq!(s.first_from(9), Some(0));
    }
}
