//! Walking the text: `n`/`N` through the hits (the matches of the article's search while one
//! is kept, else the mentions of what is followed), one jump for the history however many
//! steps it takes, `]`/`[` through every mention, and Esc clearing the filter, the search or
//! what is followed.

use super::followed::{Followed, Target};
use super::history::Hits;
use super::keys::Context;
use super::{Action, App, Pane, Unclaimed};

/// How a search that matched nothing is complained of: `No match for "x"`. The status bar
/// shows no position beside it, which would say it again (`no match · "x"`).
pub const NO_MATCH: &str = "No match for";

/// The one cursor: what `Enter` in the Article and `y` act on, the one the status bar names
/// and the article draws as the cursor. While a search has a query, it is the search's current
/// match (none when nothing matches); else the mention under the article's cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cursor {
    /// The search's match, by its index in the matches.
    Match(usize),
    /// A mention, by its index in the mention index.
    Mention(usize),
    /// An unclaimed name, by its index in the places of [`super::Unclaimed`] (while they are
    /// shown, `u`).
    Unclaimed(usize),
}

impl App {
    /// The one cursor (see [`Cursor`]).
    #[must_use]
    pub fn cursor(&self) -> Option<Cursor> {
        // A kept search without a current match (`]`/`[` left it for a mention, or Back went
        // to before it) leaves the cursor to the mentions; one that matches nothing names none.
        let search_leads = !self.search.query.is_empty()
            && (self.search.current.is_some() || self.search.matches.is_empty());
        if !search_leads {
            let unclaimed = self.article.unclaimed.filter(|&i| {
                self.unclaimed
                    .as_ref()
                    .is_some_and(|u| i < u.places().len())
            });
            return unclaimed
                .map(Cursor::Unclaimed)
                .or(self.article.cursor.map(Cursor::Mention));
        }
        self.search
            .current
            .filter(|&c| c < self.search.matches.len())
            .map(Cursor::Match)
    }

    /// The bytes of the article the cursor stands on.
    pub(super) fn cursor_range(&self) -> Option<std::ops::Range<usize>> {
        match self.cursor()? {
            Cursor::Match(c) => self.search.matches.get(c).map(|m| m.range()),
            Cursor::Mention(m) => self.briefing.mentions.all().get(m).map(|m| m.span.range()),
            Cursor::Unclaimed(i) => self
                .unclaimed
                .as_ref()?
                .places()
                .get(i)
                .map(|p| p.range.clone()),
        }
    }

    /// The first mention that overlaps the search's match `c`.
    pub(super) fn mention_in_match(&self, c: usize) -> Option<usize> {
        let r = self.search.matches.get(c)?.range();
        let all = self.briefing.mentions.all();
        let i = all.partition_point(|m| (m.span.end as usize) <= r.start);
        all.get(i)
            .filter(|m| (m.span.start as usize) < r.end)
            .map(|_| i)
    }

    /// The cursor, if it is on screen: what "next" counts from.
    fn visible_cursor(&self) -> Option<usize> {
        self.article
            .cursor
            .filter(|&m| self.article.shows(self.mention_start(m)))
    }

    /// `n` or `N`: the next or previous hit.
    pub(super) fn walk_hits(&mut self, forward: bool) {
        if self.search.active() {
            self.walk_matches(forward);
            return;
        }
        if self.followed.target() == Target::None {
            let (follow, search) = (
                self.key(Context::List, &Action::Follow),
                self.key(Context::Article, &Action::Search),
            );
            self.say(format!(
                "Follow an actor or an event first ({follow} in Actors or Timeline), or search with {search}"
            ));
            return;
        }
        match self.next_hit_from_reading(forward) {
            Some((m, wrapped)) => {
                let here = self.location();
                let hits = Hits::Mentions(self.followed.target());
                self.history.step(here, hits);
                self.put_cursor(m);
                let there = self.location();
                self.history.stepped(there);
                if wrapped {
                    self.say(wrapped_to("Mentions", forward));
                }
            }
            None => self.say("No mentions to walk"),
        }
    }

    /// The next (or previous) mention of the highlighted actors after the cursor, or from the
    /// top of the screen when the cursor is off screen; wraps around, and says whether it did.
    pub(super) fn next_hit_from_reading(&self, forward: bool) -> Option<(usize, bool)> {
        let index = &self.briefing.mentions;
        let lists: Vec<&[u32]> = self
            .highlighted_actors()
            .into_iter()
            .map(|a| index.of_actor(a))
            .filter(|l| !l.is_empty())
            .collect();
        if lists.is_empty() {
            return None;
        }
        // Mention indices are in text order, so comparing indices compares positions.
        let threshold = match self.visible_cursor() {
            Some(c) if forward => c + 1,
            Some(c) => c,
            None => index.first_from(self.article.top_offset()),
        };
        let threshold = threshold as u32;
        let found = if forward {
            lists
                .iter()
                .filter_map(|l| l.get(l.partition_point(|&i| i < threshold)))
                .min()
                .map(|&m| (m, false))
                .or_else(|| {
                    lists
                        .iter()
                        .filter_map(|l| l.first())
                        .min()
                        .map(|&m| (m, true))
                })
        } else {
            lists
                .iter()
                .filter_map(|l| {
                    l.partition_point(|&i| i < threshold)
                        .checked_sub(1)
                        .map(|p| &l[p])
                })
                .max()
                .map(|&m| (m, false))
                .or_else(|| {
                    lists
                        .iter()
                        .filter_map(|l| l.last())
                        .max()
                        .map(|&m| (m, true))
                })
        };
        found.map(|(m, wrapped)| (m as usize, wrapped))
    }

    /// `]` or `[`: the cursor to the next or previous mention of any actor, or unclaimed name
    /// while they are shown, in the order of the text; from the cursor when it is on screen,
    /// else from the top of the screen; round the end to the other.
    pub(super) fn any_mention(&mut self, forward: bool) {
        let all = self.briefing.mentions.all();
        let places = self.unclaimed.as_ref().map_or(&[][..], Unclaimed::places);
        if all.is_empty() && places.is_empty() {
            self.say("The article mentions no actor");
            return;
        }
        // Stops in the order of the text: by start, a mention before an unclaimed name that
        // starts with it ("NATO" in the unclaimed "NATO Liaison Office").
        let here = match self.cursor() {
            Some(Cursor::Mention(m)) => Some((all[m].span.start as usize, 0)),
            Some(Cursor::Unclaimed(i)) => Some((places[i].range.start, 1)),
            _ => None,
        }
        .filter(|&(at, _)| self.article.shows(at));
        // The search's match shown, which the mentions go on from (a mention in it first).
        let in_match = self
            .cursor_range()
            .filter(|_| matches!(self.cursor(), Some(Cursor::Match(_))))
            .map(|r| r.start)
            .filter(|&at| self.article.shows(at));
        let m_key = |i: usize| (all[i].span.start as usize, 0);
        let p_key = |i: usize| (places[i].range.start, 1);
        // The first stop after `here` (or at or after the match or the top of the screen), or
        // before it.
        let from = here.unwrap_or((in_match.unwrap_or_else(|| self.article.top_offset()), 0));
        let (m, p) = if forward && here.is_some() {
            (
                all.partition_point(|x| (x.span.start as usize, 0) <= from),
                places.partition_point(|x| (x.range.start, 1) <= from),
            )
        } else {
            (
                all.partition_point(|x| (x.span.start as usize, 0) < from),
                places.partition_point(|x| (x.range.start, 1) < from),
            )
        };
        let stop = if forward {
            // Round the end: the first of either.
            let (m, p) = if m >= all.len() && p >= places.len() {
                (0, 0)
            } else {
                (m, p)
            };
            match (m < all.len(), p < places.len()) {
                (true, true) if p_key(p) < m_key(m) => Err(p),
                (true, _) => Ok(m),
                (false, true) => Err(p),
                (false, false) => return,
            }
        } else {
            // Round the start: the last of either.
            let (m, p) = if m == 0 && p == 0 {
                (all.len(), places.len())
            } else {
                (m, p)
            };
            match (m.checked_sub(1), p.checked_sub(1)) {
                (Some(m), Some(p)) if p_key(p) > m_key(m) => Err(p),
                (Some(m), _) => Ok(m),
                (None, Some(p)) => Err(p),
                (None, None) => return,
            }
        };
        // One cursor: the mention (or name) stopped at is the cursor now, not the match.
        self.search.current = None;
        match stop {
            Ok(m) => self.put_cursor(m),
            Err(p) => {
                let at = places[p].range.start;
                self.article.cursor = None;
                self.article.unclaimed = Some(p);
                self.article.reveal(&self.briefing.article, at);
            }
        }
    }

    /// `n` or `N` through the search's matches: from the match shown, else from the cursor
    /// when it is on screen, else from the top of the screen (as for mentions); wraps around,
    /// and says so.
    pub(super) fn walk_matches(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if self.search.running() {
            // Walked once the matches are in (`App::settle_search`), not said to be none.
            self.search.walks.push(forward);
            return;
        }
        if n == 0 {
            self.complain(format!("{NO_MATCH} \"{}\"", self.search.query));
            return;
        }
        let matches = &self.search.matches;
        let shown = self
            .search
            .current
            .filter(|&c| c < n && self.article.shows(matches[c].range().start));
        let (next, wrapped) = match shown {
            Some(c) if forward => ((c + 1) % n, c + 1 == n),
            Some(c) => (c.checked_sub(1).unwrap_or(n - 1), c == 0),
            None => {
                // The first match after the cursor (or at or after the top), or the last one
                // before it.
                let from = self.visible_cursor().map_or_else(
                    || self.article.top_offset(),
                    |m| self.mention_start(m) + usize::from(forward),
                );
                let i = matches.partition_point(|m| m.range().start < from);
                match (forward, i.checked_sub(1)) {
                    (true, _) if i < n => (i, false),
                    (true, _) => (0, true),
                    (false, Some(p)) => (p, false),
                    (false, None) => (n - 1, true),
                }
            }
        };
        let here = self.location();
        self.history
            .step(here, Hits::Matches(self.search.query.clone()));
        self.search.current = Some(next);
        self.article.reveal(
            &self.briefing.article,
            self.search.matches[next].range().start,
        );
        let there = self.location();
        self.history.stepped(there);
        if wrapped {
            self.say(wrapped_to("Search", forward));
        }
    }

    pub(super) fn cancel(&mut self) {
        match self.focus {
            Pane::Actors if !self.actors.filter.is_empty() => {
                self.actors.filter.clear();
                self.fit_lists();
            }
            Pane::Timeline if !self.events.filter.is_empty() => {
                self.events.filter.clear();
                self.fit_lists();
            }
            Pane::Details if self.details_search.is_some() => {
                self.details_search = None;
                self.say("Search cleared");
            }
            _ if !self.search.query.is_empty() => {
                self.search = super::Search::default();
                self.say("Search cleared");
            }
            _ if !self.followed.is_empty() => {
                self.followed = Followed::default();
                self.say("Nothing followed now");
            }
            _ => {}
        }
    }
}

/// What the status bar says when `n` (`forward`) or `N` went round the end of the text.
fn wrapped_to(what: &str, forward: bool) -> String {
    format!(
        "{what} wrapped to the {}",
        if forward { "top" } else { "bottom" }
    )
}
