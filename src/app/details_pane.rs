//! The Details pane's state: what it shows (the list's selection, the facts, or what the fact
//! sheet says about the article), the line the
//! cursor is on and the first line on screen. What it shows is derived from this and the lists
//! ([`crate::app::details`]); the offset is kept here and clamped on every change, as a
//! list's is.

use super::details::Details;

/// The search of the Details' text (`/` in the Details), as less searches a page: its query,
/// typed and then kept; `n`/`N` go from match to match. Its matches (the entries whose text
/// has the query) are stored by `update` (`details_search::Found`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailsSearch {
    pub query: String,
    /// The query is being typed.
    pub editing: bool,
    /// The line the cursor was on when the search began, to go back to on Esc.
    pub origin: usize,
}

impl DetailsSearch {
    /// Whether `text` has the query: ASCII case ignored unless the query has a capital, as the
    /// article's search does.
    #[must_use]
    pub fn finds(&self, text: &str) -> bool {
        !self.occurrences(text).is_empty()
    }

    /// Where the query occurs in `text`, as byte ranges, in order (case as [`Self::finds`]).
    #[must_use]
    pub fn occurrences(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        if self.query.is_empty() {
            return Vec::new();
        }
        let exact = self.query.chars().any(char::is_uppercase);
        let (hay, needle) = if exact {
            (text.to_owned(), self.query.clone())
        } else {
            // ASCII lowercasing keeps every byte where it was.
            (text.to_ascii_lowercase(), self.query.to_ascii_lowercase())
        };
        hay.match_indices(&needle)
            .map(|(i, m)| i..i + m.len())
            .collect()
    }
}

/// What the Details pane shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shows {
    /// The selection of the list last used.
    #[default]
    Selection,
    /// The facts (`f`).
    Facts,
    /// The briefing's title, source, url, publication date, summary and counts (`i`).
    About,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DetailsState {
    /// The line the cursor is on.
    pub cursor: usize,
    /// The first line on screen.
    pub offset: usize,
    /// What is shown: the selection of the list last used, the facts or the about.
    pub shows: Shows,
    /// Whether the cursor has been put on the first link yet: the details start unplaced, and
    /// the first [`DetailsState::fit`] puts the cursor there (on the first line when none is).
    pub placed: bool,
}

impl DetailsState {
    /// The details from their first line, showing `shows`.
    #[must_use]
    pub fn showing(shows: Shows) -> Self {
        Self {
            shows,
            ..Self::default()
        }
    }

    /// Back to the first line, showing the same thing.
    pub fn to_top(&mut self) {
        *self = Self::showing(self.shows);
    }

    /// Moves the cursor by `delta` entries of `d`, stopping at the ends (a link wrapped onto
    /// several lines is one entry).
    pub fn step(&mut self, delta: isize, d: &Details, height: usize) {
        let len = d.len();
        let mut at = d.entry(self.cursor).start;
        for _ in 0..delta.unsigned_abs().min(len) {
            let next = if delta > 0 {
                d.entry(at).end
            } else {
                match at.checked_sub(1) {
                    Some(before) => d.entry(before).start,
                    None => break,
                }
            };
            if next >= len {
                break;
            }
            at = next;
        }
        self.cursor = at;
        // A move of the reader's own places the cursor: no first-link placing undoes it.
        self.placed = true;
        self.fit(d, height);
    }

    /// Moves the cursor to the next link of `d` (the previous one when `forward` is false),
    /// skipping the lines that lead nowhere; it stays where it is when there is none.
    pub fn step_link(&mut self, forward: bool, d: &Details, height: usize) {
        let at = d.entry(self.cursor).start;
        let found = if forward {
            let mut n = d.entry(at).end;
            loop {
                if n >= d.len() {
                    break None;
                }
                if d.link(n).is_some() {
                    break Some(n);
                }
                n = d.entry(n).end;
            }
        } else {
            let mut n = at;
            loop {
                let Some(before) = n.checked_sub(1) else {
                    break None;
                };
                n = d.entry(before).start;
                if d.link(n).is_some() {
                    break Some(n);
                }
            }
        };
        if let Some(n) = found {
            self.cursor = n;
        }
        self.placed = true;
        self.fit(d, height);
    }

    /// Keeps the cursor on the first line of an entry of `d`, and the entry whole in view
    /// (its first lines, when it is taller than the pane). Details not placed yet are shown
    /// from their top, with the cursor on their first link once it begins on screen.
    pub fn fit(&mut self, d: &Details, height: usize) {
        let len = d.len();
        if !self.placed {
            // From the top: the title stays in view. The cursor goes to the first link when it
            // begins on screen; else it waits at the top, unplaced, for a taller pane (the
            // Details focused) — scrolling to the link would hide the title for good.
            let first = d.first_link().unwrap_or(0);
            self.offset = 0;
            if first < height.max(1) {
                self.cursor = first;
                self.placed = true;
            } else {
                self.cursor = 0;
            }
            return;
        }
        let height = height.max(1);
        let entry = d.entry(self.cursor.min(len.saturating_sub(1)));
        self.cursor = entry.start;
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if entry.end > self.offset + height {
            self.offset = (entry.end - height).min(self.cursor);
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// Scrolls the view by `delta` lines without moving the cursor.
    pub fn scroll(&mut self, delta: isize, len: usize, height: usize) {
        self.offset = self
            .offset
            .saturating_add_signed(delta)
            .min(len.saturating_sub(height));
    }
}
