//! The mouse: a click focuses a pane and selects what is under it (a mention is followed at
//! once, the cursor put on an unclaimed name, a row of a list or of the Details on a double click); a drag in the article selects
//! words (see `selection.rs`); a click on a tab in a border shows its pane; the wheel scrolls the pane under the pointer; `M` lets the terminal have the mouse, for its own text
//! selection.

use super::keys::Context;
use super::{Action, App, DetailsState, Effect, Mode, MouseOwner, Pane};
use crate::wrap::offset_at_column;

/// The longest time between the two clicks of a double click, in milliseconds.
pub const DOUBLE_CLICK: u64 = 400;

/// Where and when the last click on a row was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LastClick {
    /// The pane clicked, or `None` for the warnings window.
    pane: Option<Pane>,
    /// The actor, event or Details line clicked.
    item: usize,
    /// On the terminal loop's clock, in milliseconds.
    at: u64,
}

/// The names of `tabs`, `shown` among them, apart by " │ " in `room` columns: whole when they
/// fit, else the other tabs shortened, the farthest from the shown one first, to three letters
/// and then to one, so that the shown tab keeps its whole name in view (the border would cut
/// the strip from the right).
#[must_use]
pub fn tab_strip(tabs: &[Pane], shown: Pane, room: usize) -> Vec<(Pane, &'static str)> {
    let mut labels: Vec<(Pane, &'static str)> = tabs.iter().map(|&t| (t, t.name())).collect();
    let width = |labels: &[(Pane, &str)]| {
        labels.iter().map(|(_, l)| l.chars().count()).sum::<usize>()
            + 3 * labels.len().saturating_sub(1)
    };
    let at = tabs.iter().position(|&t| t == shown).unwrap_or(0);
    let mut others: Vec<usize> = (0..tabs.len()).filter(|&i| i != at).collect();
    others.sort_by_key(|&i| std::cmp::Reverse(i.abs_diff(at)));
    for letters in [3, 1] {
        for &i in &others {
            if width(&labels) <= room {
                return labels;
            }
            let name = labels[i].0.name();
            labels[i].1 = name.get(..letters).unwrap_or(name);
        }
    }
    labels
}

impl App {
    /// The panes named as tabs in `pane`'s top border, in order (none when it is alone).
    #[must_use]
    pub fn tabs(&self, pane: Pane) -> &'static [Pane] {
        match self.geometry().mode {
            Mode::Medium if pane != Pane::Article => &[Pane::Actors, Pane::Timeline, Pane::Details],
            Mode::Narrow => &Pane::ALL,
            _ => &[],
        }
    }

    /// The tabs in `pane`'s top border with the names they are drawn with (see [`tab_strip`]):
    /// the room is the border's width less its corners and the space after the first (the one
    /// before the last may go).
    #[must_use]
    pub fn tab_labels(&self, pane: Pane) -> Vec<(Pane, &'static str)> {
        let room = self
            .geometry()
            .rect(pane)
            .map_or(usize::MAX, |r| usize::from(r.width).saturating_sub(3));
        tab_strip(self.tabs(pane), pane, room)
    }

    /// The tab whose name is at column `x` of `pane`'s top border at `left`: the title begins
    /// after the corner and a space, its names apart by " │ ".
    fn tab_at(&self, pane: Pane, left: u16, x: u16) -> Option<Pane> {
        let mut at = usize::from(left) + 2;
        let x = usize::from(x);
        for (tab, label) in self.tab_labels(pane) {
            let width = label.chars().count();
            if (at..at + width).contains(&x) {
                return Some(tab);
            }
            at += width + 3;
        }
        None
    }

    /// Whether a click on `item` of `pane` at `at` is the second of a double click; it is
    /// remembered as the first of one otherwise.
    fn double_click(&mut self, pane: Option<Pane>, item: usize, at: u64) -> bool {
        let double = self.last_click.is_some_and(|c| {
            c.pane == pane && c.item == item && at.saturating_sub(c.at) <= DOUBLE_CLICK
        });
        self.last_click = (!double).then_some(LastClick { pane, item, at });
        double
    }

    /// A click while the warnings window is open: on a warning, the cursor goes to it (a
    /// double click goes to the warning's actor, event, fact or line); outside the window, it
    /// closes. Returns whether the click was taken (else the window acts on it).
    pub(super) fn window_click(&mut self, x: u16, y: u16, at: u64) -> bool {
        let rect = self.window_rect();
        let inner = ratatui::layout::Rect {
            x: rect.x + 1,
            y: rect.y + 1,
            width: rect.width.saturating_sub(2),
            height: rect.height.saturating_sub(2),
        };
        if !rect.contains(ratatui::layout::Position { x, y }) {
            self.last_click = None;
            return false;
        }
        let clicked = inner
            .contains(ratatui::layout::Position { x, y })
            .then_some(self.window.as_mut())
            .flatten()
            .and_then(|w| w.click_row(usize::from(y - inner.y)));
        match clicked {
            Some(n) if self.double_click(None, n, at) => self.go_to_warning(n),
            Some(_) => {}
            None => self.last_click = None,
        }
        true
    }

    pub(super) fn click(&mut self, x: u16, y: u16, at: u64) {
        // A drag selects only from a press on the article's text (see below).
        self.release();
        let geometry = self.geometry();
        let Some(pane) = geometry.pane_at(x, y) else {
            self.last_click = None;
            return;
        };
        if let Some(rect) = geometry.rect(pane)
            && y == rect.y
            // The corner, not a name cut short under it.
            && x + 1 < rect.right()
            && let Some(tab) = self.tab_at(pane, rect.x, x)
        {
            self.last_click = None;
            self.set_focus(tab);
            return;
        }
        // Rows are counted from where the pane was scrolled when clicked: focusing it may give
        // it more rows, and scroll it.
        let (actors, events, details) =
            (self.actors.offset, self.events.offset, self.details.offset);
        self.set_focus(pane);
        let Some(inner) = geometry.inner(pane) else {
            return;
        };
        if y < inner.y || y >= inner.bottom() || x < inner.x || x >= inner.right() {
            self.last_click = None;
            return;
        }
        let row = usize::from(y - inner.y);
        match pane {
            Pane::Article => {
                self.last_click = None;
                let Some(at) = self.article.screen_row(row) else {
                    return;
                };
                let offset =
                    offset_at_column(self.briefing.article.text(), at, usize::from(x - inner.x));
                // A drag from here selects; a plain click drops the selection.
                self.press_at(offset);
                if let Some(mention) = self.briefing.mentions.at(offset) {
                    self.article.cursor = Some(mention);
                    self.follow();
                } else if let Some(place) = self.unclaimed.as_ref().and_then(|u| u.at(offset)) {
                    // An unclaimed name has no actor to follow: the cursor goes to it.
                    self.article.cursor = None;
                    self.article.unclaimed = Some(place);
                }
            }
            // The items stored, not a copy of them (100,000 items copied a click).
            Pane::Actors => {
                let pos = actors + row;
                let h = self.pane_height(Pane::Actors);
                let mut list = self.actors.clone();
                let shown = self.shown_actors();
                let Some(&actor) = shown.get(pos) else {
                    return;
                };
                list.select_row(&shown, pos, h);
                drop(shown);
                if self.actors.selected != Some(actor) {
                    // New details: their cursor starts on their first link.
                    self.details = DetailsState::default();
                }
                self.actors = list;
                if self.double_click(Some(pane), actor, at) {
                    self.follow();
                }
            }
            Pane::Timeline => {
                // The first row is the time axis.
                let Some(row) = row.checked_sub(1) else {
                    return;
                };
                // An event's title may wrap onto several rows.
                let shown = self.shown_events();
                let rows = self.event_rows();
                let (mut pos, mut row) = (events, row);
                while let Some(&n) = shown.get(pos) {
                    match row.checked_sub(rows(n)) {
                        Some(rest) => (row, pos) = (rest, pos + 1),
                        None => break,
                    }
                }
                let Some(&event) = shown.get(pos) else {
                    return;
                };
                let h = self.pane_height(Pane::Timeline);
                let mut list = self.events.clone();
                list.selected = Some(event);
                list.fit_rows(&shown, h, rows);
                drop(shown);
                if self.events.selected != Some(event) {
                    self.details = DetailsState::default();
                }
                self.events = list;
                if self.double_click(Some(pane), event, at) {
                    self.follow();
                }
            }
            Pane::Details => {
                let line = details + row;
                if line < self.details().len() {
                    self.details.cursor = line;
                    if self.double_click(Some(pane), line, at) {
                        self.follow();
                    }
                }
            }
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, delta: i8) {
        let Some(pane) = self.geometry().pane_at(x, y) else {
            return;
        };
        let delta = isize::from(delta) * 3;
        match pane {
            Pane::Article => self.article.scroll(&self.briefing.article, delta),
            Pane::Actors => {
                let len = self.shown_actors().len();
                let h = self.pane_height(Pane::Actors);
                self.actors.scroll(len, delta, h);
            }
            Pane::Timeline => {
                let h = self.pane_height(Pane::Timeline);
                let mut list = self.events.clone();
                list.scroll_rows(&self.shown_events(), delta, h, self.event_rows());
                self.events = list;
            }
            Pane::Details => {
                let len = self.details().len();
                let h = self.pane_height(Pane::Details);
                self.details.scroll(delta, len, h);
            }
        }
    }

    /// `M`: mouse capture off, so that the terminal selects text as it does without the
    /// reader, or on again.
    pub(super) fn toggle_mouse(&mut self) -> Effect {
        self.mouse = match self.mouse {
            MouseOwner::Reader => MouseOwner::Terminal,
            MouseOwner::Terminal => MouseOwner::Reader,
        };
        let key = self.key(Context::Global, &Action::ToggleMouse).to_owned();
        self.say(if self.mouse() {
            format!("Mouse on: clicks and the wheel go to the reader ({key} lets the terminal select text)")
        } else {
            format!("Mouse off: the terminal selects text ({key} gives the mouse back to the reader)")
        });
        Effect::Mouse(self.mouse())
    }
}
