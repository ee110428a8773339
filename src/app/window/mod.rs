//! The window over the panes: the help (generated from the key table), the fact sheet's
//! warnings, or the errors of a failed reload. It scrolls, and `/` searches it ([`search`]).
//!
//! A window keeps its rows wrapped for its width ([`rows`]), with its search's matches in them,
//! the derived values the reader stores (see [`crate::app`]): [`Window::refit`], which the app
//! calls at the end of every update, is the one place that decides they are out of date.

pub mod rows;
pub mod search;

use rows::Row;
use search::{Match, Search};

use ratatui::layout::Rect;

use super::action::Action;
use super::keys::KeyTable;
use crate::diagnostic::Diagnostic;

/// What `w` says, in the status bar, when the fact sheet has no warnings (it opens nothing).
pub const NO_WARNINGS: &str = "The fact sheet has no warnings";

/// Which window it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Help,
    Warnings,
    /// A reload found errors: the old briefing stays, and these say why.
    ReloadErrors(Vec<Diagnostic>),
}

impl Kind {
    /// The title in its border.
    #[must_use]
    pub fn title(&self) -> &'static str {
        match self {
            Self::Help => " Keys ",
            Self::Warnings => " Warnings ",
            Self::ReloadErrors(_) => " Reload failed ",
        }
    }
}

/// The open window: what it shows, its rows, how far it is scrolled, and its search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    kind: Kind,
    /// The first row shown.
    scroll: usize,
    /// The rows, wrapped to `width` columns (stored: see the module's header).
    rows: Vec<Row>,
    width: usize,
    /// The rows it shows at once: its inner height.
    shown: usize,
    /// The search typed with `/`, if one was begun.
    search: Option<Search>,
    /// In the warnings window, the warning under the cursor (its index): what `Enter` goes to.
    /// Always one with a row on screen.
    cursor: usize,
}

/// What a key leaves of the open window.
enum Next {
    Stays,
    Closes,
    Becomes(Kind),
}

/// What a window's rows are made of: the key table (the help) and the fact sheet's warnings.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub keys: &'a KeyTable,
    pub warnings: &'a [Diagnostic],
    /// The fact sheet as the user named it: the warnings name their files from its folder.
    pub sheet: &'a str,
}

impl Sources<'_> {
    /// The rows of a window of `kind`, wrapped to `width` columns.
    fn rows(self, kind: &Kind, width: usize) -> Vec<Row> {
        match kind {
            Kind::Help => rows::help(self.keys, width),
            Kind::Warnings => rows::warnings(self.warnings, self.sheet, width),
            Kind::ReloadErrors(diagnostics) => rows::reload_errors(diagnostics, width),
        }
    }
}

/// The columns a window at `rect` wraps its rows to (its inner width), and the rows it shows
/// (its inner height).
fn inner(rect: Rect) -> (usize, usize) {
    (
        usize::from(rect.width.saturating_sub(2)).max(1),
        usize::from(rect.height.saturating_sub(2)),
    )
}

impl Window {
    /// A window of `kind` at `rect`, at its top and without a search.
    #[must_use]
    pub fn open(kind: Kind, from: Sources, rect: Rect) -> Self {
        let (width, shown) = inner(rect);
        Self {
            rows: from.rows(&kind, width),
            kind,
            scroll: 0,
            width,
            shown,
            search: None,
            cursor: 0,
        }
    }

    /// Its rows wrapped afresh for `rect`, not the kept ones: for tests that check the kept
    /// rows are not stale.
    #[doc(hidden)]
    #[must_use]
    pub fn rewrapped(&self, from: Sources, rect: Rect) -> Vec<Row> {
        from.rows(&self.kind, inner(rect).0)
    }

    #[must_use]
    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    /// The first row shown.
    #[must_use]
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    #[must_use]
    pub fn title(&self) -> &'static str {
        self.kind.title()
    }

    /// Its rows, wrapped to its inner width.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The search in it, if one was begun.
    #[must_use]
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// The matches of its search in its rows, in order.
    #[must_use]
    pub fn matches(&self) -> &[Match] {
        self.search.as_ref().map_or(&[], Search::matches)
    }

    /// In the warnings window, the warning under the cursor (its index): the one `Enter` goes
    /// to. `j`/`k` move it a warning at a time, `n`/`N` to the match's warning, a click to the
    /// warning clicked; a scroll keeps it on screen.
    #[must_use]
    pub fn warning_chosen(&self) -> Option<usize> {
        (self.kind == Kind::Warnings && self.cursor < self.entries()).then_some(self.cursor)
    }

    /// The rows of the warning under the cursor, in the warnings window (the view marks them).
    #[must_use]
    pub fn cursor_rows(&self) -> Option<std::ops::Range<usize>> {
        self.warning_chosen().and_then(|n| self.entry_rows(n))
    }

    /// How many entries its rows hold.
    fn entries(&self) -> usize {
        self.rows.iter().filter(|r| r.first).count()
    }

    /// The rows of entry `n`: a warning wrapped onto several rows is one.
    fn entry_rows(&self, n: usize) -> Option<std::ops::Range<usize>> {
        let mut starts = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.first)
            .map(|(i, _)| i);
        let start = starts.nth(n)?;
        Some(start..starts.next().unwrap_or(self.rows.len()))
    }

    /// The entry row `row` belongs to.
    #[must_use]
    pub fn entry_of_row(&self, row: usize) -> Option<usize> {
        self.rows
            .get(..=row)?
            .iter()
            .filter(|r| r.first)
            .count()
            .checked_sub(1)
    }

    /// A click on row `row` of the window's text (counted from its first row shown): the
    /// cursor to the warning there. Returns the warning, if a row of one was clicked.
    pub fn click_row(&mut self, row: usize) -> Option<usize> {
        if self.kind != Kind::Warnings || row >= self.page() {
            return None;
        }
        let n = self.entry_of_row(self.scroll + row)?;
        self.cursor = n;
        Some(n)
    }

    /// Moves the cursor `delta` warnings, stopping at the ends, and scrolls to show it.
    fn step_cursor(&mut self, delta: isize) {
        let last = self.entries().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        self.show_cursor();
    }

    /// Scrolls to show the warning under the cursor whole (from its first row when it is
    /// taller than the window).
    fn show_cursor(&mut self) {
        let Some(rows) = self.cursor_rows() else {
            return;
        };
        if rows.start < self.scroll {
            self.scroll = rows.start;
        } else if rows.end > self.scroll + self.page() {
            self.scroll = (rows.end - self.page()).min(rows.start);
        }
    }

    /// After a scroll: the cursor onto the nearest warning with a row on screen.
    fn keep_cursor_on_screen(&mut self) {
        let Some(rows) = self.cursor_rows() else {
            return;
        };
        let screen = self.screen();
        let top = screen.start;
        let bottom = screen.end.min(self.rows.len()).saturating_sub(1);
        if rows.end <= top {
            self.cursor = self.entry_of_row(top).unwrap_or(self.cursor);
        } else if rows.start > bottom {
            self.cursor = self.entry_of_row(bottom).unwrap_or(self.cursor);
        }
    }

    /// The cursor to the warning of the search's match shown.
    fn cursor_to_match(&mut self) {
        if self.kind != Kind::Warnings {
            return;
        }
        let row = self
            .search
            .as_ref()
            .and_then(|s| s.current)
            .and_then(|c| self.matches().get(c))
            .map(|m| m.row);
        if let Some(n) = row.and_then(|row| self.entry_of_row(row)) {
            self.cursor = n;
        }
    }

    /// The furthest it scrolls: its rows less the rows it shows.
    #[must_use]
    pub fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.shown)
    }

    /// What a page is: the rows it shows, at least one, so that a page always moves.
    fn page(&self) -> usize {
        self.shown.max(1)
    }

    /// Its rows on screen.
    fn screen(&self) -> std::ops::Range<usize> {
        self.scroll..self.scroll + self.page()
    }

    /// A key or the mouse while the window is open: whether it stays open.
    pub fn act(&mut self, action: Action, from: Sources) -> bool {
        match self.next(action) {
            Next::Stays => true,
            Next::Closes => false,
            Next::Becomes(kind) => {
                // Another window, of the same size, at its top and without a search.
                self.rows = from.rows(&kind, self.width);
                self.kind = kind;
                self.scroll = 0;
                self.search = None;
                self.cursor = 0;
                true
            }
        }
    }

    fn next(&mut self, action: Action) -> Next {
        if self.search.as_ref().is_some_and(|s| s.editing) {
            return self.search_input(action);
        }
        match action {
            Action::Search => {
                self.search = Some(Search::begin(self.scroll));
                self.rematch();
                return Next::Stays;
            }
            Action::NextHit | Action::PrevHit => {
                self.step_search(action == Action::NextHit);
                self.cursor_to_match();
                return Next::Stays;
            }
            // In the warnings, j and k move the cursor, as in a list; else they scroll.
            Action::Down | Action::Up if self.kind == Kind::Warnings => {
                self.step_cursor(if action == Action::Down { 1 } else { -1 });
                return Next::Stays;
            }
            Action::Top | Action::Bottom if self.kind == Kind::Warnings => {
                self.cursor = if action == Action::Top {
                    0
                } else {
                    self.entries().saturating_sub(1)
                };
            }
            // Esc first clears a search, as in the article; the next one closes the window.
            Action::Cancel if self.search.take().is_some() => return Next::Stays,
            _ => {}
        }
        let page = self.page();
        let scroll = &mut self.scroll;
        match action {
            Action::Down => *scroll += 1,
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => *scroll += page,
            Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            // Clamped after the update to the last page.
            Action::Bottom => *scroll = usize::MAX,
            Action::Scroll(_, _, delta) => {
                *scroll = scroll.saturating_add_signed(isize::from(delta) * 3);
            }
            Action::Cancel | Action::Submit | Action::Follow | Action::Help | Action::Click(..) => {
                return Next::Closes;
            }
            Action::ShowWarnings if self.kind == Kind::Warnings => return Next::Closes,
            Action::ShowWarnings => return Next::Becomes(Kind::Warnings),
            _ => {}
        }
        Next::Stays
    }

    /// A key while the search is typed. The mouse accepts the query, then acts as usual.
    fn search_input(&mut self, action: Action) -> Next {
        let Some(s) = &mut self.search else {
            return Next::Stays;
        };
        match action {
            Action::Type(c) => s.query.push(c),
            Action::Paste(text) => s.query.push_str(&text),
            Action::DeleteChar => {
                s.query.pop();
            }
            Action::Submit | Action::Click(..) | Action::Scroll(..) => {
                // No match is said by the status bar's position ("no match · …").
                s.editing = false;
                if s.query.is_empty() {
                    self.search = None;
                }
                if action == Action::Submit {
                    return Next::Stays;
                }
                return self.next(action);
            }
            Action::Cancel => {
                let origin = s.origin;
                self.search = None;
                self.scroll = origin;
                return Next::Stays;
            }
            _ => return Next::Stays,
        }
        self.rematch();
        let Some(s) = &mut self.search else {
            return Next::Stays;
        };
        s.current = search::first_from(s.matches(), s.origin);
        match (s.current, s.origin) {
            (Some(c), _) => self.show_match(c),
            (None, origin) => self.scroll = origin,
        }
        self.cursor_to_match();
        Next::Stays
    }

    /// Matches the search against the rows again, after its query changed.
    fn rematch(&mut self) {
        if let Some(s) = &mut self.search {
            s.rematch(&self.rows);
        }
    }

    /// `n` and `N`: the next or previous row with a match, from the match shown if it is on
    /// screen, else from the top of the window (as less does).
    fn step_search(&mut self, forward: bool) {
        let (top, screen) = (self.scroll, self.screen());
        let Some(s) = &mut self.search else {
            return;
        };
        let matches = s.matches();
        let on_screen = s
            .current
            .filter(|&c| matches.get(c).is_some_and(|m| screen.contains(&m.row)));
        let next = match (on_screen, forward) {
            (Some(c), _) => search::step(matches, c, forward),
            (None, true) => search::first_from(matches, top),
            (None, false) => search::last_before(matches, top),
        };
        let Some(next) = next else {
            return;
        };
        s.current = Some(next);
        self.show_match(next);
    }

    /// Whether all of the match shown is on screen (true when none is shown).
    fn match_on_screen(&self) -> bool {
        let screen = self.screen();
        let current = self.search.as_ref().and_then(|s| s.current);
        current
            .and_then(|c| search::match_rows(self.matches(), c))
            .is_none_or(|(first, last)| screen.contains(&first) && screen.contains(&last))
    }

    /// After a new size: the match shown, if any, scrolled back into view.
    fn keep_match_on_screen(&mut self) {
        if !self.match_on_screen()
            && let Some(c) = self.search.as_ref().and_then(|s| s.current)
        {
            self.show_match(c);
        }
    }

    /// Scrolls to show match `c` whole, with as much of its entry above it as fits (clamped to
    /// the last page afterwards); a match taller than the window from its first row.
    fn show_match(&mut self, c: usize) {
        let Some((first, last)) = search::match_rows(self.matches(), c) else {
            return;
        };
        let start = rows::entry_start(&self.rows, first);
        self.scroll = (last + 1).saturating_sub(self.page()).max(start).min(first);
    }

    /// After every update: the same window at `rect`, which may be of another size, then its
    /// scroll kept between its first row and the furthest it scrolls, so that a key back up
    /// always moves it. At a new width its rows are wrapped again: the entry at its top stays
    /// at its top, and the search shows the same match (the rows join back to the same text at
    /// any width, so the matches are the same), kept on screen.
    pub fn refit(&mut self, from: Sources, rect: Rect) {
        self.resize(from, rect);
        self.scroll = self.scroll.min(self.max_scroll());
        self.keep_cursor_on_screen();
    }

    fn resize(&mut self, from: Sources, rect: Rect) {
        let (width, shown) = inner(rect);
        if width == self.width {
            let taller_or_shorter = shown.max(1) != self.page();
            self.shown = shown;
            if taller_or_shorter {
                self.show_cursor();
                self.keep_match_on_screen();
            }
            return;
        }
        let old = std::mem::replace(&mut self.rows, from.rows(&self.kind, width));
        let old_matches = self.matches().to_vec();
        self.width = width;
        self.shown = shown;
        self.scroll = rows::anchor(&old, &self.rows, self.scroll);
        self.rematch();
        if let Some(s) = &mut self.search {
            s.origin = rows::anchor(&old, &self.rows, s.origin);
            let n = s.current.map(|c| search::ordinal(&old_matches, c));
            s.current = n.and_then(|n| search::nth(s.matches(), n));
        }
        self.show_cursor();
        self.keep_match_on_screen();
    }
}
