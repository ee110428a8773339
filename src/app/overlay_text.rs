//! The text of the windows over the panes (help, warnings, the errors of a failed reload),
//! wrapped to the window's width. Both sides use it: the app counts its rows to keep the scroll
//! in range, the view styles and draws the rows it shows, so the two never disagree about
//! where the end is.
//!
//! The rows are wrapped once, when a window opens or the terminal's width changes, and kept:
//! rewrapping 10,000 warnings took ~14 ms, twice a key (to clamp and to draw), far over the
//! keystroke budget. [`App::wrap_overlay`] is the one place that decides they are out of date.

use ratatui::layout::Rect;

use super::keys::Context;
use super::window_find::{self, Hit};
use super::{App, Overlay};
use crate::inert::one_line;

/// How a row looks; the view maps this to its theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Plain,
    Dim,
    Heading,
    Error,
}

/// One screen row of a window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// A key column (help only), already padded to its width.
    pub key: Option<String>,
    pub text: String,
    pub look: Look,
    /// Whether the row begins an entry (a warning, a binding, a heading) rather than carrying
    /// one on: a new width keeps the same entry at the top of the window.
    pub first: bool,
}

impl Row {
    fn new(text: impl Into<String>, look: Look) -> Self {
        Self {
            key: None,
            text: text.into(),
            look,
            first: true,
        }
    }

    fn more(text: impl Into<String>, look: Look) -> Self {
        Self {
            first: false,
            ..Self::new(text, look)
        }
    }
}

/// The rows `text` wraps to at `width` columns, as one entry.
fn entry(text: &str, width: usize, look: Look) -> Vec<Row> {
    textwrap::wrap(text, width)
        .into_iter()
        .enumerate()
        .map(move |(i, part)| {
            if i == 0 {
                Row::new(part.into_owned(), look)
            } else {
                Row::more(part.into_owned(), look)
            }
        })
        .collect()
}

/// Where a window goes over `area`: 90% × 80%, centred.
#[must_use]
pub fn window(area: Rect) -> Rect {
    centered(area, 90, 80)
}

/// A rectangle of `pw`% × `ph`% of `area`, centred (at least 3 rows and 20 columns).
#[must_use]
pub fn centered(area: Rect, pw: u16, ph: u16) -> Rect {
    let scale = |n: u16, p: u16| u16::try_from(u32::from(n) * u32::from(p) / 100).unwrap_or(n);
    let w = scale(area.width, pw).max(20.min(area.width));
    let h = scale(area.height, ph).max(3.min(area.height));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// An open window's rows, and what they were wrapped for.
pub(super) struct Wrapped {
    kind: std::mem::Discriminant<Overlay>,
    width: usize,
    title: &'static str,
    pub(super) rows: Vec<Row>,
    /// The window's search found in `rows` (see [`window_find`]).
    pub(super) hits: Vec<Hit>,
}

/// Where `row` of `old` is in `new`, the same rows wrapped to another width: the first row of
/// the same entry.
fn anchor(old: &[Row], new: &[Row], row: usize) -> usize {
    let entries = old
        .iter()
        .take(row.saturating_add(1))
        .filter(|r| r.first)
        .count();
    new.iter()
        .enumerate()
        .filter(|(_, r)| r.first)
        .nth(entries.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The first row of the entry `row` belongs to.
#[must_use]
pub fn entry_start(rows: &[Row], row: usize) -> usize {
    (0..=row.min(rows.len().saturating_sub(1)))
        .rev()
        .find(|&r| rows[r].first)
        .unwrap_or(0)
}

impl App {
    /// The open window's title and rows, wrapped to its inner width for the current terminal
    /// size; `None` when no window is open.
    #[must_use]
    pub fn overlay_rows(&self) -> Option<(&'static str, &[Row])> {
        self.overlay_text
            .as_ref()
            .map(|w| (w.title, w.rows.as_slice()))
    }

    /// The open window's rows wrapped afresh, not the kept ones: for tests that check the kept
    /// rows are not stale.
    #[doc(hidden)]
    #[must_use]
    pub fn overlay_rows_rewrapped(&self) -> Option<(&'static str, Vec<Row>)> {
        self.wrap_rows(self.overlay_width())
    }

    /// The matches of the window's search in its rows, in order.
    #[must_use]
    pub fn overlay_hits(&self) -> &[Hit] {
        self.overlay_text
            .as_ref()
            .map_or(&[], |w| w.hits.as_slice())
    }

    /// After every update: wraps the open window's rows again if the window or its width
    /// changed since they were wrapped (and finds the window's search in them again), and
    /// forgets them, with the search, when no window is open or another one opened. A reload
    /// forgets them too, since it changes the warnings and the reload errors.
    pub(super) fn wrap_overlay(&mut self) {
        let Some(overlay) = &self.overlay else {
            self.overlay_text = None;
            self.window_find = None;
            return;
        };
        let kind = std::mem::discriminant(overlay);
        let width = self.overlay_width();
        let old = match self.overlay_text.take() {
            Some(w) if w.kind == kind && w.width == width => {
                self.overlay_text = Some(w);
                return;
            }
            Some(w) if w.kind == kind => Some(w),
            _ => None,
        };
        let Some((title, rows)) = self.wrap_rows(width) else {
            return;
        };
        let query = self.window_find.as_ref().map_or("", |f| f.query.as_str());
        let new = Wrapped {
            kind,
            width,
            title,
            hits: window_find::hits(&rows, query),
            rows,
        };
        match (old, &mut self.overlay) {
            // The same window at a new width: the entry at its top stays at its top, and the
            // search goes on from the match it showed.
            (Some(old), Some(overlay)) => {
                let scroll = overlay.scroll_mut();
                *scroll = anchor(&old.rows, &new.rows, *scroll);
                if let Some(f) = &mut self.window_find {
                    f.origin = anchor(&old.rows, &new.rows, f.origin);
                    let shown = f.current.and_then(|c| old.hits.get(c));
                    f.current = shown.and_then(|h| {
                        window_find::first_from(&new.hits, anchor(&old.rows, &new.rows, h.row))
                    });
                }
            }
            _ => self.window_find = None,
        }
        self.overlay_text = Some(new);
    }

    /// The open window's title and rows, wrapped to `width` columns.
    fn wrap_rows(&self, width: usize) -> Option<(&'static str, Vec<Row>)> {
        let wrapped = |text: &str, look| entry(&one_line(text), width, look);
        let rows = match self.overlay()? {
            Overlay::Help { .. } => return Some((" Keys ", self.help_rows(width))),
            Overlay::Warnings { .. } => {
                let mut rows: Vec<Row> = self
                    .warnings()
                    .iter()
                    .flat_map(|d| wrapped(&d.to_string(), Look::Plain))
                    .collect();
                if rows.is_empty() {
                    rows = wrapped("The fact sheet has no warnings.", Look::Dim);
                }
                (" Warnings ", rows)
            }
            Overlay::ReloadErrors { diagnostics, .. } => {
                let mut rows = wrapped(
                    "The briefing on disk has errors; the previous version stays open.",
                    Look::Error,
                );
                rows.push(Row::new("", Look::Plain));
                rows.extend(
                    diagnostics
                        .iter()
                        .flat_map(|d| wrapped(&d.to_string(), Look::Plain)),
                );
                (" Reload failed ", rows)
            }
        };
        Some(rows)
    }

    /// The window's outer area for the current terminal size.
    #[must_use]
    pub fn overlay_window(&self) -> Rect {
        let (w, h) = self.size;
        window(Rect::new(0, 0, w, h))
    }

    /// The columns the window's rows are wrapped to: its inner width.
    fn overlay_width(&self) -> usize {
        usize::from(self.overlay_window().width.saturating_sub(2)).max(1)
    }

    /// The furthest the open window scrolls: its rows less the rows it shows.
    #[must_use]
    pub fn overlay_max_scroll(&self) -> usize {
        let shown = usize::from(self.overlay_window().height.saturating_sub(2));
        self.overlay_text
            .as_ref()
            .map_or(0, |w| w.rows.len().saturating_sub(shown))
    }

    /// Every binding of the key table, grouped by context, each description wrapped with a
    /// hanging indent.
    fn help_rows(&self, width: usize) -> Vec<Row> {
        let order = [
            Context::Global,
            Context::Panes,
            Context::Article,
            Context::List,
            Context::Details,
            Context::Input,
            Context::Dialog,
            Context::Overlay,
        ];
        let bindings = self.keys().bindings();
        let key_w = bindings
            .iter()
            .map(|b| unicode_width::UnicodeWidthStr::width(b.labels.join(" ").as_str()))
            .max()
            .unwrap_or(8)
            .min(24);
        // Too narrow for a key column beside text worth reading: each key on a line of its
        // own, its description indented below it.
        let stacked = width < key_w + 4 + 24;
        let text_w = if stacked {
            width.saturating_sub(4).max(1)
        } else {
            width - (key_w + 4)
        };
        let mut rows: Vec<Row> = entry(
            "Mouse: click a pane, a row or a mention to select and follow it; the wheel scrolls.",
            width,
            Look::Dim,
        );
        for context in order {
            rows.push(Row::new("", Look::Plain));
            rows.push(Row::new(context.title(), Look::Heading));
            for b in bindings.iter().filter(|b| b.context == context) {
                let keys = b.labels.join(" ");
                if stacked {
                    rows.push(Row {
                        key: Some(format!("  {keys}")),
                        ..Row::new("", Look::Plain)
                    });
                }
                for (i, part) in textwrap::wrap(&b.help, text_w).into_iter().enumerate() {
                    let key = match (stacked, i) {
                        (true, _) => "    ".to_owned(),
                        (false, 0) => format!("  {keys:<key_w$}  "),
                        (false, _) => format!("  {:<key_w$}  ", ""),
                    };
                    rows.push(Row {
                        key: Some(key),
                        first: i == 0 && !stacked,
                        ..Row::new(part.into_owned(), Look::Plain)
                    });
                }
            }
        }
        rows
    }
}
