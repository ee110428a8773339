//! Searching the article: every match of the query, found in the folded text (so "Trump's"
//! finds "Trump’s" and a query with spaces finds text broken across lines), ignoring ASCII
//! case unless the query has an uppercase letter, as in less and ripgrep; and the keys that
//! type its query, which scroll the article pane to what they match.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::action::Action;
use super::article_pane::ArticleState;
use super::worker::Worker;
use crate::article::Article;
use crate::fold::{FoldedText, fold};
use crate::span::Span;

/// Articles larger than this (folded) are searched on another thread, so that keys and frames
/// never wait for a search; smaller ones are searched at once, which is quicker than a thread.
const IN_BACKGROUND_FROM: usize = 1024 * 1024;

#[derive(Debug, Default)]
pub struct Search {
    pub query: String,
    /// The query is being typed.
    pub editing: bool,
    /// Every match, as byte ranges of the article, in order.
    pub matches: Vec<Span>,
    /// The current match.
    pub current: Option<usize>,
    /// Where the article was when the search began, to return to on Esc.
    pub origin_top: usize,
    /// The query changed and the matches are not found yet: keys that arrive together are
    /// typed first and searched once ([`crate::app::Action::Settle`]).
    pub stale: bool,
    /// Omitted lines were searched too (they are shown, `o`): the matches are found again when
    /// that changes.
    pub with_omitted: bool,
    /// A search running on another thread, for a long article; its matches arrive through
    /// [`Search::receive`]. Dropped (a new query, Esc, a reload), it stops at its next chunk, so
    /// that abandoned searches neither pile up nor deliver (issue 16: 20 of them on 100 MB held
    /// 6.25 GB).
    running: Option<Worker<Vec<Span>>>,
    /// The matches in omitted lines, while those of the rest are found on another thread.
    in_omitted: Vec<Span>,
    /// `n` (true) and `N` typed after Enter while the matches were still found on another
    /// thread: walked, in order, once they are in.
    pub walks: Vec<bool>,
}

/// How much of the text a search on another thread scans between two looks at its cancel flag:
/// about a millisecond's work.
const CHUNK: usize = 1024 * 1024;

impl Search {
    /// A new search, being typed, begun with the article's first row on screen at
    /// `origin_top`.
    #[must_use]
    pub fn begin(origin_top: usize) -> Self {
        Self {
            editing: true,
            origin_top,
            ..Self::default()
        }
    }

    /// A search is active when it has a query and is not being typed.
    #[must_use]
    pub fn active(&self) -> bool {
        !self.editing && !self.query.is_empty()
    }

    /// Whether matches are still to come from another thread.
    #[must_use]
    pub fn running(&self) -> bool {
        self.running.is_some()
    }

    /// Starts finding the matches of the current query: at once for a short article, on
    /// another thread for a long one. A search still running for an older query is cancelled
    /// (its thread stops within a chunk and its result goes nowhere). Omitted lines are searched when
    /// `with_omitted` (they are shown), else skipped.
    pub fn start(&mut self, article: &Arc<Article>, with_omitted: bool) {
        self.current = None;
        self.running = None;
        self.walks.clear();
        self.with_omitted = with_omitted;
        self.in_omitted = Vec::new();
        let mut query = fold(&self.query);
        // `fold` trims: a space typed before or after the words is searched for, as in less
        // (`/the ` finds "the" before a space, not "then").
        if !query.is_empty() {
            if self.query.starts_with(char::is_whitespace) {
                query.insert(0, ' ');
            }
            if self.query.ends_with(char::is_whitespace) {
                query.push(' ');
            }
        }
        if query.is_empty() {
            self.matches = Vec::new();
            return;
        }
        // Smart case: a query without capitals ignores (ASCII) case.
        let ignore_case = !query.chars().any(char::is_uppercase);
        let needle = if ignore_case {
            query.to_ascii_lowercase()
        } else {
            query
        };
        if with_omitted {
            self.in_omitted = omitted_matches(article, &needle, ignore_case);
        }
        // A long article on another thread; a short one here, and a long one too when no
        // thread is to be had.
        let (shared, wanted) = (Arc::clone(article), needle.clone());
        self.running = (article.folded().len() >= IN_BACKGROUND_FROM)
            .then(|| {
                Worker::spawn("search", move |stop| {
                    // The folded text is made here if it is not yet (after a change the reader
                    // wrote, `Article::fold_ahead` may still be making it: this waits for that
                    // one): at 256 MiB that takes half a second, which no key waits for.
                    folded_matches_until(shared.folded_str(), &wanted, ignore_case, stop)
                })
                .ok()
            })
            .flatten();
        if self.running.is_some() {
            // The matches of the query before are not this one's (nor shown as if they were).
            self.matches = Vec::new();
        } else {
            let text = article.folded_str();
            let found = to_original(article, &folded_matches(text, &needle, ignore_case));
            self.matches = merge(found, std::mem::take(&mut self.in_omitted));
        }
    }

    /// Takes the matches of a search running on another thread, if they have arrived
    /// (`wait`: until they do). Returns whether they did.
    pub fn receive(&mut self, article: &Article, wait: bool) -> bool {
        let Some(worker) = &self.running else {
            return false;
        };
        // A search whose thread ended without a word (it panicked) found nothing.
        let found = if wait {
            worker.wait().ok()
        } else {
            match worker.take() {
                Some(found) => found.ok(),
                None => return false,
            }
        };
        self.running = None;
        let found = found.map_or_else(Vec::new, |f| to_original(article, &f));
        self.matches = merge(found, std::mem::take(&mut self.in_omitted));
        true
    }

    /// Finds the matches again when omitted lines are shown or hidden (`with_omitted`): a
    /// kept search then visits them, or no longer does. The current match stays the same one,
    /// or becomes the next one when it was in a line now hidden.
    pub fn refit(&mut self, article: &Arc<Article>, with_omitted: bool) {
        if self.with_omitted == with_omitted || self.query.is_empty() || self.stale {
            self.with_omitted = with_omitted;
            return;
        }
        let at = self
            .current
            .and_then(|c| self.matches.get(c))
            .map(|m| m.range().start);
        self.start(article, with_omitted);
        self.receive(article, true);
        self.current = at.and_then(|at| self.first_from(at));
    }

    /// The first match at or after byte `offset`, wrapping.
    #[must_use]
    pub fn first_from(&self, offset: usize) -> Option<usize> {
        if self.matches.is_empty() {
            return None;
        }
        let i = self.matches.partition_point(|m| m.range().start < offset);
        Some(if i == self.matches.len() { 0 } else { i })
    }
}

/// What a key typed into the search leaves for the app to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typed {
    Nothing,
    /// Enter kept a search with matches: a jump to record.
    Kept,
    /// Enter kept a search that matches nothing: to be said.
    NoMatch,
    /// Enter kept a search still running on another thread: its outcome comes with a later
    /// `Settle` ([`Search::settle_kept`]).
    Searching,
}

impl Search {
    /// A key while the query is typed; `view` is the article pane, scrolled to the first match
    /// from where the search began (or back there).
    pub fn type_key(
        &mut self,
        action: Action,
        article: &Arc<Article>,
        view: &mut ArticleState,
    ) -> Typed {
        match action {
            Action::Type(c) => {
                self.query.push(c);
                self.stale = true;
            }
            Action::Paste(text) => {
                self.query.push_str(&text);
                self.stale = true;
            }
            Action::DeleteChar => {
                self.query.pop();
                self.stale = true;
            }
            Action::Settle => self.settle(article, view),
            Action::Submit => {
                self.settle(article, view);
                self.editing = false;
                if self.running() {
                    // Enter keeps the search, but never waits for it: its matches are taken
                    // on a later `Settle` ([`Search::settle_kept`]).
                    return Typed::Searching;
                }
                if self.query.is_empty() {
                    // Nothing was searched for: nothing to keep.
                } else if self.matches.is_empty() {
                    return Typed::NoMatch;
                } else {
                    return Typed::Kept;
                }
            }
            Action::Cancel => {
                let origin = self.origin_top;
                *self = Self::default();
                view.set_top_at(article, origin);
            }
            _ => {}
        }
        Typed::Nothing
    }

    /// Finds the matches of a query that changed (incremental search, once per burst of
    /// keys), or takes those a search on another thread has found; then shows the first match
    /// from where the search began.
    fn settle(&mut self, article: &Arc<Article>, view: &mut ArticleState) {
        if self.stale {
            self.stale = false;
            self.start(article, view.layout.shows_omitted());
            if !self.running() {
                self.show_first_match(article, view);
            }
        } else if self.receive(article, false) {
            self.show_first_match(article, view);
        }
    }

    /// Takes the matches of a search kept (Enter) while it ran on another thread, once they
    /// have arrived, and shows the first: what Enter would have done had they been there.
    pub fn settle_kept(&mut self, article: &Article, view: &mut ArticleState) -> Typed {
        if self.editing || !self.receive(article, false) {
            return Typed::Nothing;
        }
        self.show_first_match(article, view);
        if self.matches.is_empty() {
            Typed::NoMatch
        } else {
            Typed::Kept
        }
    }

    /// The matches are not all known yet: the query changed since they were found, or they are
    /// being found on another thread.
    #[must_use]
    pub fn searching(&self) -> bool {
        self.stale || self.running()
    }

    /// Shows the first match from where the search began, or goes back there.
    fn show_first_match(&mut self, article: &Article, view: &mut ArticleState) {
        self.current = self.first_from(self.origin_top);
        if let Some(c) = self.current {
            view.reveal(article, self.matches[c].range().start);
        } else {
            view.set_top_at(article, self.origin_top);
        }
    }
}

/// The matches of `needle` (folded, and lowercased when case is ignored) in `text` (the folded
/// article), as folded byte ranges; see [`folded_matches_until`].
fn folded_matches(text: &str, needle: &str, ignore_case: bool) -> Vec<Span> {
    folded_matches_until(text, needle, ignore_case, &AtomicBool::new(false)).unwrap_or_default()
}

/// The matches of `needle` in `text`, a chunk at a time, stopping (`None`) as soon as `cancel`
/// is set: leftmost first and not overlapping, since each chunk's search begins where the last
/// match ended and takes only matches that begin inside the chunk.
///
/// When case is ignored, each chunk's ASCII letters are lowercased into a buffer as it is
/// searched (lowercasing keeps every offset), rather than the whole text once: a lowercased
/// copy of a 256 MiB article took a quarter of a second before the search could begin, and
/// 256 MiB kept beside the article. memchr's SIMD search over lowercased text does in 2 ms on
/// 4.4 MB what aho-corasick's case-insensitive search did in 9 ms for a short, frequent word.
fn folded_matches_until(
    text: &str,
    needle: &str,
    ignore_case: bool,
    cancel: &AtomicBool,
) -> Option<Vec<Span>> {
    let (hay, finder) = (
        text.as_bytes(),
        memchr::memmem::Finder::new(needle.as_bytes()),
    );
    let mut lower = Vec::new();
    let (mut out, mut chunk, mut next) = (Vec::new(), 0, 0);
    while chunk < hay.len() {
        if cancel.load(Ordering::Relaxed) {
            return None;
        }
        let chunk_end = chunk.saturating_add(CHUNK);
        let from = chunk.max(next);
        let end = chunk_end.saturating_add(needle.len()).min(hay.len());
        if from < end {
            let part = if ignore_case {
                lower.clear();
                lower.extend_from_slice(&hay[from..end]);
                lower.make_ascii_lowercase();
                &lower[..]
            } else {
                &hay[from..end]
            };
            for at in finder.find_iter(part) {
                let at = from + at;
                if at >= chunk_end {
                    break;
                }
                out.push(Span::of(at..at + needle.len()));
                next = at + needle.len();
            }
        }
        chunk = chunk_end;
    }
    Some(out)
}

/// The matches of `needle` in the omitted lines of `article`, each line folded on its own (a
/// match does not run from one line into the next), as byte ranges of the article.
fn omitted_matches(article: &Article, needle: &str, ignore_case: bool) -> Vec<Span> {
    let text = article.text();
    let mut out = Vec::new();
    for line in article.omitted() {
        let Some(upto) = text.get(..line.end) else {
            continue;
        };
        let (folded, text) = FoldedText::with_text(upto, line.start, &[]);
        let mut cursor = folded.cursor();
        for m in folded_matches(&text, needle, ignore_case) {
            let r = m.range();
            out.push(Span::of(
                cursor.to_original(r.start)..cursor.to_original(r.end),
            ));
        }
    }
    out
}

/// Two lists of matches in text order, as one.
fn merge(mut a: Vec<Span>, b: Vec<Span>) -> Vec<Span> {
    if b.is_empty() {
        return a;
    }
    a.extend(b);
    a.sort_by_key(|s| (s.range().start, s.range().end));
    a.dedup();
    a
}

fn to_original(article: &Article, folded: &[Span]) -> Vec<Span> {
    let mut cursor = article.folded().cursor();
    folded
        .iter()
        .map(|s| {
            let range = s.range();
            Span::of(cursor.to_original(range.start)..cursor.to_original(range.end))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// All matches of `query` in the article, as byte ranges of the original text.
    fn matches_of(article: &Arc<Article>, query: &str) -> Vec<Span> {
        let mut s = Search {
            query: query.to_owned(),
            ..Search::default()
        };
        s.start(article, false);
        s.receive(article, true);
        s.matches
    }

    fn article(text: &str) -> Arc<Article> {
        Arc::new(Article::new(text.to_owned(), &[]).0)
    }

    #[test]
    fn smartcase_and_folding() {
        let a = article("The Summit. the summit\nmet. Trump\u{2019}s");
        assert_eq!(matches_of(&a, "summit").len(), 2);
        assert_eq!(matches_of(&a, "Summit").len(), 1);
        let m = matches_of(&a, "summit met");
        assert_eq!(&a.text()[m[0].range()], "summit\nmet");
        assert_eq!(matches_of(&a, "trump's").len(), 1);
        assert!(matches_of(&a, "   ").is_empty());
    }

    /// A chunked search finds what one search of the whole text finds, matches across the
    /// chunks' borders and overlapping candidates included.
    #[test]
    fn chunked_matches_equal_whole_ones() {
        // One search of the whole text (lowercased whole when case is ignored).
        let whole = |text: &str, needle: &str, ignore_case: bool| -> Vec<Span> {
            let hay = if ignore_case {
                text.to_ascii_lowercase()
            } else {
                text.to_owned()
            };
            memchr::memmem::find_iter(hay.as_bytes(), needle.as_bytes())
                .map(|at| Span::of(at..at + needle.len()))
                .collect()
        };
        let texts = [
            "a".repeat(3 * CHUNK + 5),
            "aB".repeat(CHUNK + 3),
            format!("{}xYz{}", "-".repeat(CHUNK - 1), "-".repeat(CHUNK)),
            format!("{}\u{e9}A{}", "\u{e9}".repeat(CHUNK / 2), "-".repeat(CHUNK)),
            String::new(),
        ];
        for text in &texts {
            for needle in ["a", "aa", "aaa", "ba", "xyz", "-x", "z-", "\u{e9}a"] {
                for ignore_case in [false, true] {
                    assert_eq!(
                        folded_matches(text, needle, ignore_case),
                        whole(text, needle, ignore_case),
                        "{needle:?} in {} bytes, ignoring case: {ignore_case}",
                        text.len()
                    );
                }
            }
        }
    }

    #[test]
    fn a_cancelled_search_delivers_nothing() {
        let stop = AtomicBool::new(true);
        assert_eq!(
            folded_matches_until(&"a".repeat(CHUNK * 2), "a", false, &stop),
            None
        );
    }

    /// A new query's search cancels the one running for the last query.
    #[test]
    fn a_superseded_search_is_cancelled() {
        let a = article(&"word ".repeat(IN_BACKGROUND_FROM / 4));
        let mut s = Search {
            query: "word".into(),
            ..Search::default()
        };
        s.start(&a, false);
        let first = s.running.as_ref().map(Worker::stop_flag);
        assert!(
            first.is_some(),
            "a long article is searched on another thread"
        );
        s.query = "wor".into();
        s.start(&a, false);
        assert!(first.is_some_and(|c| c.load(Ordering::Relaxed)));
        assert!(s.receive(&a, true));
        assert_eq!(s.matches.len(), IN_BACKGROUND_FROM / 4);
        assert!(s.matches.iter().all(|m| &a.text()[m.range()] == "wor"));
    }

    /// A long article's folded text, not made yet (as after a change the reader wrote), is
    /// made by the search's thread, and searched there.
    #[test]
    fn a_long_search_makes_the_folded_text_on_its_thread() {
        let a = article(&"word\u{2019}s  ".repeat(IN_BACKGROUND_FROM / 4));
        assert!(!a.folded_made());
        let mut s = Search {
            query: "word's".into(),
            ..Search::default()
        };
        s.start(&a, false);
        assert!(s.running());
        assert!(s.receive(&a, true));
        assert!(a.folded_made());
        assert_eq!(s.matches.len(), IN_BACKGROUND_FROM / 4);
        assert_eq!(&a.text()[s.matches[1].range()], "word\u{2019}s");
    }

    #[test]
    fn first_from_wraps() {
        let a = article("a x a x a");
        let mut s = Search {
            query: "a".into(),
            ..Search::default()
        };
        s.start(&a, false);
        assert_eq!(s.first_from(1), Some(1));
        assert_eq!(s.first_from(9), Some(0));
    }
}
