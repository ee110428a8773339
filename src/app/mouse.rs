//! The mouse: a click focuses a pane and selects (and follows) what is under it; the wheel
//! scrolls the pane under the pointer; `M` lets the terminal have the mouse, for its own text
//! selection.

use super::keys::Context;
use super::{Action, App, Effect, MouseOwner, Pane};
use crate::wrap::offset_at_column;

impl App {
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let geometry = self.geometry();
        let Some(pane) = geometry.pane_at(x, y) else {
            return;
        };
        // Rows are counted from where the pane was scrolled when clicked: focusing it may give
        // it more rows, and scroll it.
        let (actors, events, details) =
            (self.actors.offset, self.events.offset, self.details.offset);
        self.set_focus(pane);
        let Some(inner) = geometry.inner(pane) else {
            return;
        };
        if y < inner.y || y >= inner.bottom() || x < inner.x || x >= inner.right() {
            return;
        }
        let row = usize::from(y - inner.y);
        match pane {
            Pane::Article => {
                let Some(&at) = self.article.layout.rows().get(self.article.top + row) else {
                    return;
                };
                let offset =
                    offset_at_column(self.briefing.article.text(), at, usize::from(x - inner.x));
                if let Some(mention) = self.briefing.mentions.at(offset) {
                    self.article.cursor = Some(mention);
                    self.follow();
                }
            }
            Pane::Actors => {
                let v = self.visible_actors();
                let pos = actors + row;
                if pos < v.len() {
                    let h = self.pane_height(Pane::Actors);
                    self.actors.select_row(&v, pos, h);
                    self.follow();
                }
            }
            Pane::Timeline => {
                // The first row is the time axis.
                let Some(row) = row.checked_sub(1) else {
                    return;
                };
                // An event's title may wrap onto several rows.
                let v = self.visible_events();
                let rows = self.event_rows();
                let (mut pos, mut row) = (events, row);
                while let Some(&n) = v.get(pos) {
                    match row.checked_sub(rows(n)) {
                        Some(rest) => (row, pos) = (rest, pos + 1),
                        None => break,
                    }
                }
                drop(rows);
                if pos < v.len() {
                    let h = self.pane_height(Pane::Timeline);
                    let mut list = self.events.clone();
                    list.selected = Some(v[pos]);
                    list.fit_rows(&v, h, self.event_rows());
                    self.events = list;
                    self.follow();
                }
            }
            Pane::Details => {
                let line = details + row;
                if line < self.details().len() {
                    self.details.cursor = line;
                    self.follow();
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
            Pane::Article => self.article.scroll(delta),
            Pane::Actors => {
                let len = self.visible_actors().len();
                let h = self.pane_height(Pane::Actors);
                self.actors.scroll(len, delta, h);
            }
            Pane::Timeline => {
                let v = self.visible_events();
                let h = self.pane_height(Pane::Timeline);
                let mut list = self.events.clone();
                list.scroll_rows(&v, delta, h, self.event_rows());
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
