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
    /// Whether the row carries on a word the row before broke (at a hyphen, or a word longer
    /// than the row) rather than starting after a space: a search joins the rows of an entry
    /// back into the text they were wrapped from.
    pub glued: bool,
}

impl Row {
    fn new(text: impl Into<String>, look: Look) -> Self {
        Self {
            key: None,
            text: text.into(),
            look,
            first: true,
            glued: false,
        }
    }
}

/// `text` wrapped to `width` columns, each row with whether it carries on a word the row
/// before it broke (see [`Row::glued`]).
fn wrap(text: &str, width: usize) -> Vec<(String, bool)> {
    // textwrap's rows are pieces of the text, in order, less the spaces it breaks at: walking
    // the text tells which breaks had a space.
    let mut at = 0;
    textwrap::wrap(text, width)
        .into_iter()
        .map(|part| {
            let rest = text.get(at..).unwrap_or("");
            // Where the row is found next: at once (glued), after blanks, or (were textwrap
            // ever to change a row) not at all, when a space is assumed.
            let glued = match rest.find(part.as_ref()) {
                Some(skipped) => {
                    at += skipped + part.len();
                    at > part.len() && skipped == 0
                }
                None => false,
            };
            (part.into_owned(), glued)
        })
        .collect()
}

/// The rows `text` wraps to at `width` columns, as one entry.
fn entry(text: &str, width: usize, look: Look) -> Vec<Row> {
    wrap(text, width)
        .into_iter()
        .enumerate()
        .map(|(i, (part, glued))| Row {
            first: i == 0,
            glued,
            ..Row::new(part, look)
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
    /// The rows it shows at once, to keep the match shown on screen when that changes.
    height: usize,
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
    rows.get(..=row.min(rows.len().saturating_sub(1)))
        .and_then(|before| before.iter().rposition(|r| r.first))
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
        let height = self.window_height();
        let old = match self.overlay_text.take() {
            Some(w) if w.kind == kind && w.width == width => {
                let taller_or_shorter = w.height != height;
                self.overlay_text = Some(Wrapped { height, ..w });
                if taller_or_shorter {
                    self.keep_window_match_on_screen();
                }
                return;
            }
            Some(w) if w.kind == kind => Some(w),
            _ => None,
        };
        let Some((title, rows)) = self.wrap_rows(width) else {
            return;
        };
        // Another window (help, then `w` for the warnings) starts without a search: its
        // matches must not be the old window's query found in the new rows.
        if old.is_none() {
            self.window_find = None;
        }
        let query = self.window_find.as_ref().map_or("", |f| f.query.as_str());
        let new = Wrapped {
            kind,
            width,
            height,
            title,
            hits: window_find::hits(&rows, query),
            rows,
        };
        let Some((old, overlay)) = old.zip(self.overlay.as_mut()) else {
            self.window_find = None;
            self.overlay_text = Some(new);
            return;
        };
        // The same window at a new width: the entry at its top stays at its top, and the
        // search shows the same match (the rows join back to the same text at any width, so
        // the matches are the same), kept on screen.
        let scroll = overlay.scroll_mut();
        *scroll = anchor(&old.rows, &new.rows, *scroll);
        if let Some(f) = &mut self.window_find {
            f.origin = anchor(&old.rows, &new.rows, f.origin);
            let n = f.current.map(|c| window_find::ordinal(&old.hits, c));
            f.current = n.and_then(|n| window_find::nth(&new.hits, n));
        }
        self.overlay_text = Some(new);
        self.keep_window_match_on_screen();
    }

    /// After a new size: the match shown, if any, scrolled back into view.
    fn keep_window_match_on_screen(&mut self) {
        if !self.window_match_on_screen()
            && let Some(c) = self.window_find.as_ref().and_then(|f| f.current)
        {
            self.show_window_match(c);
        }
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

    /// The rows the open window shows at once (at least one, so that a page always moves).
    pub(super) fn window_height(&self) -> usize {
        usize::from(self.overlay_window().height.saturating_sub(2)).max(1)
    }

    /// The open window's first row shown.
    pub(super) fn window_top(&self) -> usize {
        self.overlay.as_ref().map_or(0, Overlay::scroll)
    }

    /// The open window's rows on screen.
    pub(super) fn window_screen(&self) -> std::ops::Range<usize> {
        let top = self.window_top();
        top..top + self.window_height()
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
            Context::Window,
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
                for (i, (part, glued)) in wrap(&b.help, text_w).into_iter().enumerate() {
                    let key = match (stacked, i) {
                        (true, _) => "    ".to_owned(),
                        (false, 0) => format!("  {keys:<key_w$}  "),
                        (false, _) => format!("  {:<key_w$}  ", ""),
                    };
                    rows.push(Row {
                        key: Some(key),
                        first: i == 0 && !stacked,
                        glued,
                        ..Row::new(part, Look::Plain)
                    });
                }
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_know_whether_a_space_stood_before_them() {
        let glued = |text: &str, width| -> Vec<(String, bool)> { wrap(text, width) };
        // A break at a space, at a hyphen, and inside a word longer than the row.
        assert_eq!(
            glued("actor \"ghost-254\" is", 14),
            vec![
                ("actor \"ghost-".to_owned(), false),
                ("254\" is".to_owned(), true),
            ]
        );
        assert_eq!(
            glued("a verylongword", 5),
            vec![
                ("a".to_owned(), false),
                ("veryl".to_owned(), false),
                ("ongwo".to_owned(), true),
                ("rd".to_owned(), true),
            ]
        );
        // Joined back, the rows are the text again.
        let text = "line 3: actor \"ghost-254\" is never mentioned in the article, 日本語も";
        for width in 1..40 {
            let mut back = String::new();
            for (i, (row, glued)) in wrap(text, width).into_iter().enumerate() {
                if i > 0 && !glued {
                    back.push(' ');
                }
                back.push_str(&row);
            }
            assert_eq!(back, text, "at {width} columns");
        }
    }
}
