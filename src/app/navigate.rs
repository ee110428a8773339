//! Moving around: focusing, scrolling and selecting in each pane, the jump history, `/` (the
//! article's search, or the focused list's filter), and the keys that toggle a view (omitted
//! text, sort, facts) or open a window or the export dialog.

use super::keys::Context;
use super::window::Kind;
use super::window::NO_WARNINGS;
use super::{Action, App, DetailsState, Pane, Search, Shows, Sort};
use crate::briefing::Item;

impl App {
    pub(super) fn pane_action(&mut self, action: &Action) {
        match *action {
            Action::FocusNext => self.set_focus(self.focus.next()),
            Action::FocusPrev => self.set_focus(self.focus.prev()),
            Action::Focus(p) => self.set_focus(p),
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(self.page(1)),
            Action::PageUp => self.step(-self.page(1)),
            Action::HalfPageDown => self.step(self.page(2)),
            Action::HalfPageUp => self.step(-self.page(2)),
            Action::Top | Action::Bottom => self.ends(*action == Action::Top),
            Action::Follow => self.follow(),
            Action::NextHit | Action::PrevHit
                if self.focus == Pane::Details && self.details_search.is_some() =>
            {
                self.step_details_match(*action == Action::NextHit, false);
            }
            Action::NextHit => self.walk_hits(true),
            Action::PrevHit => self.walk_hits(false),
            Action::NextMention => self.any_mention(true),
            Action::PrevMention => self.any_mention(false),
            Action::Search => self.start_search(),
            Action::Back => {
                let here = self.location();
                match self.history.back(here) {
                    Some(to) => self.restore(to),
                    None => self.say("Nothing to go back to"),
                }
            }
            Action::Forward => {
                let here = self.location();
                match self.history.forward(here) {
                    Some(to) => self.restore(to),
                    None => self.say("Nothing to go forward to"),
                }
            }
            Action::ToggleOmitted => {
                self.show_omitted = !self.show_omitted;
                let (w, h) = self.size;
                self.article.relayout(
                    &self.briefing.article,
                    self.article.layout.width(),
                    self.show_omitted,
                );
                self.resize(w, h);
                let message = self.omitted_message();
                self.say(message);
            }
            Action::ToggleSort if self.focus == Pane::Timeline => {
                // The Timeline is in the order of its dates; sorting the Actors from here
                // changed a list not in view.
                let actors = self.key(Context::Global, &Action::Focus(Pane::Actors));
                self.complain(format!(
                    "The Timeline keeps the order of its dates; the Actors ({actors}) can be sorted"
                ));
            }
            Action::ToggleSort => {
                self.sort = match self.sort {
                    Sort::Mentions => Sort::Name,
                    Sort::Name => Sort::Mentions,
                };
                self.fit_lists();
                self.say(match self.sort {
                    Sort::Mentions => "Actors sorted by mentions",
                    Sort::Name => "Actors sorted by name",
                });
            }
            Action::ShowFacts => self.show_facts(None),
            Action::ShowAbout => {
                let here = self.location();
                self.history.push(here);
                self.details = DetailsState::showing(Shows::About);
                self.set_focus(Pane::Details);
            }
            Action::ShowWarnings if self.briefing.warnings.is_empty() => self.say(NO_WARNINGS),
            Action::ShowWarnings => self.open_window(Kind::Warnings),
            Action::Help => self.open_window(Kind::Help),
            Action::Export => {
                let last = self.export_last.clone();
                self.export = Some(last.map(super::ExportDialog::reopened).unwrap_or_default());
            }
            Action::Reload => self.reload(),
            Action::Add => self.open_add(),
            Action::AddEvidence => self.open_evidence(),
            Action::Undo => self.undo_change(),
            Action::Cancel => self.cancel(),
            _ => {}
        }
    }

    /// `Enter` on warning `n` in the warnings window: its actor or event (the table its line
    /// falls in) selected and followed, or the article moved to its line, and the window
    /// closed; when it has nothing to go to, the status bar says so and the window stays.
    pub(super) fn go_to_warning(&mut self, n: usize) {
        let Some(d) = self.briefing.warnings.get(n) else {
            return;
        };
        let (line, path) = (d.line, d.path.clone());
        let article = &self.briefing.article;
        if path == self.briefing.sheet_path {
            match self.briefing.item_at_line(line) {
                Some(Item::Actor(a)) => {
                    self.window = None;
                    self.set_focus(Pane::Actors);
                    self.follow_actor(a);
                }
                Some(Item::Event(e)) => {
                    self.window = None;
                    self.set_focus(Pane::Timeline);
                    self.follow_event(e);
                }
                Some(Item::Fact(f)) => {
                    self.window = None;
                    self.show_facts(Some(f));
                }
                None => self.say(format!(
                    "Nothing to go to: line {line} of the fact sheet is in no actor, event or fact"
                )),
            }
        } else if (1..=article.line_count()).contains(&line) {
            let offset = article.line_range(line - 1).start;
            self.window = None;
            self.jump();
            self.set_focus(Pane::Article);
            self.article.reveal(&self.briefing.article, offset);
        } else {
            self.say(format!("Nothing to go to: {path} is not shown here"));
        }
    }

    /// The facts in the Details, focused (`f`); the cursor on fact `at` when given (where a
    /// warning about it goes).
    fn show_facts(&mut self, at: Option<usize>) {
        let here = self.location();
        self.history.push(here);
        self.details = DetailsState::showing(Shows::Facts);
        self.set_focus(Pane::Details);
        if let Some(f) = at {
            let (_, width, _) = self.details_key();
            self.details.cursor = super::details::fact_at(&self.briefing, f, width);
            self.details.placed = true;
        }
    }

    /// `/`: searches the article (from the Article or the Details), or types the focused list's
    /// filter.
    fn start_search(&mut self) {
        match self.focus {
            Pane::Article => {
                self.search = Search::begin(self.article.top_offset());
                self.set_focus(Pane::Article);
            }
            Pane::Details => {
                self.details_search = Some(super::DetailsSearch {
                    editing: true,
                    origin: self.details.cursor,
                    ..super::DetailsSearch::default()
                });
            }
            Pane::Actors => self.actors.editing = true,
            Pane::Timeline => self.events.editing = true,
        }
    }

    pub(super) fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Article {
            self.side = pane;
        }
        if matches!(pane, Pane::Actors | Pane::Timeline) {
            if self.last_list != pane {
                self.details.to_top();
            }
            self.last_list = pane;
            self.details.shows = Shows::Selection;
        }
        self.fit_lists();
        self.fit_details();
    }

    /// Rows inside a pane, as drawn.
    pub(super) fn pane_height(&self, pane: Pane) -> usize {
        let g = self.geometry_of(pane);
        let h = g.inner(pane).map_or(1, |r| usize::from(r.height));
        match pane {
            // The timeline's first row is its time axis.
            Pane::Timeline => h.saturating_sub(1).max(1),
            _ => h.max(1),
        }
    }

    /// A page (or half of one, for `div` 2) of the focused pane, at least one row.
    fn page(&self, div: usize) -> isize {
        let h = self.pane_height(self.focus);
        isize::try_from((h.saturating_sub(1) / div).max(1)).unwrap_or(1)
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::Article => self.article.scroll(&self.briefing.article, delta),
            // The items stored, not a copy of them (100,000 items copied twice a key).
            Pane::Actors => {
                let h = self.pane_height(Pane::Actors);
                let mut list = self.actors.clone();
                list.step(&self.shown_actors(), delta, h);
                self.actors = list;
                self.details = DetailsState::default();
            }
            Pane::Timeline => {
                let h = self.pane_height(Pane::Timeline);
                let mut list = self.events.clone();
                list.step_rows(&self.shown_events(), delta, h, self.event_rows());
                self.events = list;
                self.details = DetailsState::default();
            }
            Pane::Details => {
                let h = self.pane_height(Pane::Details);
                let mut state = self.details;
                state.step(delta, &self.details(), h);
                self.details = state;
            }
        }
    }

    fn ends(&mut self, top: bool) {
        let delta = if top { isize::MIN / 2 } else { isize::MAX / 2 };
        if self.focus == Pane::Article {
            let here = self.location();
            self.history.push(here);
        }
        self.step(delta);
    }

    /// Keeps both lists' selections on visible items and in view.
    pub(super) fn fit_lists(&mut self) {
        let h = self.pane_height(Pane::Actors);
        let mut list = self.actors.clone();
        list.fit(&self.shown_actors(), h);
        self.actors = list;
        let h = self.pane_height(Pane::Timeline);
        let mut list = self.events.clone();
        list.fit_rows(&self.shown_events(), h, self.event_rows());
        self.events = list;
    }

    pub(super) fn fit_details(&mut self) {
        let h = self.pane_height(Pane::Details);
        let mut state = self.details;
        state.fit(&self.details(), h);
        self.details = state;
    }

    /// What `o` says: how many lines are omitted, and, shown, where they are: their line
    /// numbers from the first after the reading position on, then those above it
    /// (`4 omitted lines shown: 30, 31, 44 · above: 12`), at most [`OMITTED_LISTED`].
    fn omitted_message(&self) -> String {
        let article = &self.briefing.article;
        let lines: Vec<usize> = article
            .omitted()
            .iter()
            .map(|r| article.line_of(r.start))
            .collect();
        let n = crate::plural::count(lines.len(), "omitted line");
        if !self.show_omitted {
            return format!("{n} hidden");
        }
        if lines.is_empty() {
            return format!("{n} to show");
        }
        let top = article.line_of(self.article.top_offset());
        let split = lines.partition_point(|&l| l < top);
        let list = |ls: &[usize]| {
            let mut out: Vec<String> = ls
                .iter()
                .take(OMITTED_LISTED)
                .map(ToString::to_string)
                .collect();
            if ls.len() > OMITTED_LISTED {
                out.push("…".into());
            }
            out.join(", ")
        };
        let (below, above) = (&lines[split..], &lines[..split]);
        match (below.is_empty(), above.is_empty()) {
            (false, true) => format!("{n} shown: {}", list(below)),
            (true, _) => format!("{n} shown, all above: {}", list(above)),
            (false, false) => format!("{n} shown: {} · above: {}", list(below), list(above)),
        }
    }
}

/// The most line numbers `o` lists on each side of the reading position.
const OMITTED_LISTED: usize = 8;
