//! `/` in the Details: its text searched as less searches a page. The query is typed (the
//! cursor goes to the first entry that has it, from where the search began), then kept, and
//! `n`/`N` go from entry to entry; `Esc` clears it. An entry's text is its lines (a link wrapped
//! onto several is one), or, for a mention, the words around it in the article.

use std::borrow::Cow;

use super::details::{BuiltKey, Details};
use super::{Action, App, NO_MATCH, Pane};
use crate::inert::one_line;

/// The bytes of the article on each side of a mention that its entry's text holds: about what
/// its keyword-in-context line shows.
const AROUND: usize = 40;

/// The Details' matches and what they were found for (the query and the Details' subject,
/// width and briefing): a **stored derived value** (ARCHITECTURE.md, "Invariants"), kept because
/// finding them formats the text of every entry (an actor in 100,000 events: every one) and
/// the status bar asks for them on every frame. Found again when the query changes and at the
/// end of `update`; until then [`App::details_matches`] finds them afresh.
#[derive(Debug, Default)]
pub(super) struct Found {
    key: Option<(String, BuiltKey)>,
    matches: Vec<usize>,
}

impl Found {
    /// Whether the matches were found for `query` in the Details of `key`.
    fn is_for(&self, query: &str, key: BuiltKey) -> bool {
        self.key
            .as_ref()
            .is_some_and(|(q, k)| q == query && *k == key)
    }
}

impl App {
    /// The entries of the Details (their first lines) whose text has the query of the Details'
    /// search, in order; none without a query.
    #[must_use]
    pub fn details_matches(&self) -> Cow<'_, [usize]> {
        let Some(query) = self.details_query() else {
            return Cow::Borrowed(&[]);
        };
        if self.details_found.is_for(query, self.details_key()) {
            Cow::Borrowed(&self.details_found.matches)
        } else {
            Cow::Owned(self.details_matches_afresh())
        }
    }

    /// [`App::details_matches`] found from the Details, never from what is stored.
    #[must_use]
    pub fn details_matches_afresh(&self) -> Vec<usize> {
        let Some(search) = self.details_search.as_ref().filter(|s| !s.query.is_empty()) else {
            return Vec::new();
        };
        let d = self.details();
        (0..d.len())
            .filter(|&i| d.starts(i) && search.finds(&self.entry_text(&d, i)))
            .collect()
    }

    /// Finds the Details' matches again unless they were found for the query and Details
    /// shown now.
    pub(super) fn refresh_details_matches(&mut self) {
        let Some(query) = self.details_query() else {
            self.details_found = Found::default();
            return;
        };
        let key = self.details_key();
        if !self.details_found.is_for(query, key) {
            let matches = self.details_matches_afresh();
            self.details_found = Found {
                key: Some((query.to_owned(), key)),
                matches,
            };
        }
    }

    fn details_query(&self) -> Option<&str> {
        self.details_search
            .as_ref()
            .map(|s| s.query.as_str())
            .filter(|q| !q.is_empty())
    }

    /// The text of the entry that begins on line `i` of `d`.
    fn entry_text(&self, d: &Details, i: usize) -> String {
        if let Some((k, _)) = d.mention_at(i) {
            let text = self.briefing.article.text();
            let span = self.briefing.mentions.all()[d.mentions[k] as usize]
                .span
                .range();
            let mut from = span.start.saturating_sub(AROUND);
            let mut to = (span.end + AROUND).min(text.len());
            while !text.is_char_boundary(from) {
                from += 1;
            }
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            let around = one_line(&text[from..to.max(from)]);
            return around.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        d.entry(i)
            .filter_map(|n| d.line(n))
            .map(|l| format!("{} {}", l.label, l.text.trim()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A key while the Details' query is typed: the cursor goes to the first entry that has
    /// it, from the one the search began on (or back there when none has it).
    pub(super) fn details_search_input(&mut self, action: &Action) {
        let Some(search) = &mut self.details_search else {
            return;
        };
        match action {
            Action::Type(c) => search.query.push(*c),
            Action::Paste(text) => search.query.push_str(&one_line(text)),
            Action::DeleteChar => {
                search.query.pop();
            }
            Action::Submit => {
                search.editing = false;
                let q = search.query.clone();
                if q.is_empty() {
                    self.details_search = None;
                } else if self.details_matches().is_empty() {
                    self.complain(format!("{NO_MATCH} \"{q}\" in the Details"));
                }
                return;
            }
            Action::Cancel => {
                self.details.cursor = search.origin;
                self.details_search = None;
                self.fit_details();
                return;
            }
            _ => return,
        }
        let origin = search.origin;
        self.details.cursor = origin;
        self.refresh_details_matches();
        self.step_details_match(true, true);
        self.fit_details();
    }

    /// `n` or `N` in the Details while its search is kept: the cursor to the next (or
    /// previous) entry with a match, round the end to the other; from the cursor's entry
    /// itself when `from_here`.
    pub(super) fn step_details_match(&mut self, forward: bool, from_here: bool) {
        let matches = self.details_matches().into_owned();
        let (Some(&first), Some(&last)) = (matches.first(), matches.last()) else {
            if self.details_search.as_ref().is_some_and(|s| !s.editing) {
                let q = self
                    .details_search
                    .as_ref()
                    .map_or("", |s| s.query.as_str());
                self.complain(format!("{NO_MATCH} \"{q}\" in the Details"));
            }
            return;
        };
        let at = self.details().entry(self.details.cursor).start;
        let next = if forward {
            matches
                .iter()
                .find(|&&m| m > at || (from_here && m == at))
                .copied()
        } else {
            matches.iter().rev().find(|&&m| m < at).copied()
        };
        let wrapped = next.is_none() && !(from_here && self.details_search_typing());
        let to = next.unwrap_or(if forward { first } else { last });
        self.details.cursor = to;
        self.details.placed = true;
        self.fit_details();
        if self.focus != Pane::Details {
            self.set_focus(Pane::Details);
        }
        if wrapped && !from_here {
            self.say(format!(
                "Search wrapped to the {}",
                if forward { "top" } else { "bottom" }
            ));
        }
    }

    fn details_search_typing(&self) -> bool {
        self.details_search.as_ref().is_some_and(|s| s.editing)
    }
}
