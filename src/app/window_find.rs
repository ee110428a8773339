//! Searching the open window (help, warnings, reload errors) with `/`, as in less: the rows
//! that hold the query, found in each entry as a whole (a warning wrapped over three rows is
//! searched as the one line it was), ignoring ASCII case unless the query has an uppercase
//! letter, as the article's search does. Unlike the article's search it does not fold
//! typographic quotes and dashes. A window of 10,000 warnings is the case it is built for.

use super::overlay_text::{Row, entry_start};
use super::{Action, App};

/// The search typed in the open window. It ends with the window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WindowFind {
    pub query: String,
    /// The query is being typed.
    pub editing: bool,
    /// The window's first row when the search began: typing shows the first match from here,
    /// and Esc goes back to it.
    pub origin: usize,
    /// The match shown: an index into the window's hits, always one that begins a match.
    pub current: Option<usize>,
}

/// One match, or the part of one on one row, as a byte range of the row's key and text run
/// together (the key column first; see [`searched`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub row: usize,
    pub start: usize,
    pub end: usize,
    /// Whether a match begins here; false for its rest on the rows after a break.
    pub begins: bool,
}

/// What of a row is searched and highlighted: its key column, then its text.
#[must_use]
pub fn searched(row: &Row) -> (&str, &str) {
    (row.key.as_deref().unwrap_or(""), &row.text)
}

/// Where a piece of a row (its key, or its text) is in its entry's joined line.
struct Part {
    row: usize,
    /// Where it begins and ends in the line.
    at: usize,
    end: usize,
    /// Where it begins in the row's key and text run together.
    skip: usize,
}

/// Every match of `query` in `rows`, in order, each cut at the row breaks it spans. An entry
/// (a row that begins one and the rows that carry it on) is searched as one line: its rows
/// joined as the text was before it was wrapped (by a space, or by nothing where a word was
/// broken), without the blanks that pad the help's key column.
#[must_use]
pub fn hits(rows: &[Row], query: &str) -> Vec<Hit> {
    // Blanks alone would match the spaces that join rows, which belong to no row.
    if query.trim().is_empty() {
        return Vec::new();
    }
    let ignore_case = !query.chars().any(char::is_uppercase);
    let needle = if ignore_case {
        query.to_ascii_lowercase()
    } else {
        query.to_owned()
    };
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut out = Vec::new();
    let mut line = String::new();
    let mut parts: Vec<Part> = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let end = rows[start + 1..]
            .iter()
            .position(|r| r.first)
            .map_or(rows.len(), |n| start + 1 + n);
        line.clear();
        parts.clear();
        for (i, row) in rows.iter().enumerate().take(end).skip(start) {
            let (key, text) = searched(row);
            // The key column and the text without the blanks that pad or indent them, one
            // space between: a binding reads the same side by side and stacked.
            let key_piece = (key.trim(), key.len() - key.trim_start().len());
            let text_piece = (
                text.trim_start(),
                key.len() + text.len() - text.trim_start().len(),
            );
            let mut glued = row.glued;
            for (piece, skip) in [key_piece, text_piece] {
                if piece.is_empty() {
                    continue;
                }
                if !line.is_empty() && !glued {
                    line.push(' ');
                }
                glued = false;
                let at = line.len();
                line.push_str(piece);
                parts.push(Part {
                    row: i,
                    at,
                    end: line.len(),
                    skip,
                });
            }
        }
        if ignore_case {
            line.make_ascii_lowercase();
        }
        for from in finder.find_iter(line.as_bytes()) {
            cut(&parts, from, from + needle.len(), &mut out);
        }
        start = end;
    }
    out
}

/// Splits the match `from..to` of an entry's joined line into the rows it covers.
fn cut(parts: &[Part], from: usize, to: usize, out: &mut Vec<Hit>) {
    let mut begins = true;
    for p in parts {
        let (a, b) = (from.max(p.at), to.min(p.end));
        if a < b {
            out.push(Hit {
                row: p.row,
                start: a - p.at + p.skip,
                end: b - p.at + p.skip,
                begins,
            });
            begins = false;
        }
    }
}

/// How many matches there are (a match cut by a row break is one).
#[must_use]
pub fn count(hits: &[Hit]) -> usize {
    hits.iter().filter(|h| h.begins).count()
}

/// Which match, from 1, hit `current` is (0 when there are none).
#[must_use]
pub fn ordinal(hits: &[Hit], current: usize) -> usize {
    hits.get(..=current).map_or(count(hits), count)
}

/// The hit that begins the `n`th match, from 1.
#[must_use]
pub fn nth(hits: &[Hit], n: usize) -> Option<usize> {
    let mut starts = hits.iter().enumerate().filter(|(_, h)| h.begins);
    starts.nth(n.checked_sub(1)?).map(|(i, _)| i)
}

/// The first match on the first row at or after `from` that has one, wrapping to the first.
#[must_use]
pub fn first_from(hits: &[Hit], from: usize) -> Option<usize> {
    let mut starts = hits.iter().enumerate().filter(|(_, h)| h.begins);
    starts
        .clone()
        .find(|(_, h)| h.row >= from)
        .or_else(|| starts.next())
        .map(|(i, _)| i)
}

/// The first match on the last row before `before` that has one, wrapping to the last.
#[must_use]
pub fn last_before(hits: &[Hit], before: usize) -> Option<usize> {
    let rows = hits.iter().filter(|h| h.begins).map(|h| h.row);
    let row = rows
        .clone()
        .rfind(|&r| r < before)
        .or_else(|| rows.clone().next_back())?;
    hits.iter().position(|h| h.begins && h.row == row)
}

/// The first and last rows of match `c`: one cut by row breaks spans several.
fn match_rows(hits: &[Hit], c: usize) -> Option<(usize, usize)> {
    let first = hits.get(c)?.row;
    let last = hits[c + 1..]
        .iter()
        .take_while(|h| !h.begins)
        .last()
        .map_or(first, |h| h.row);
    Some((first, last))
}

/// The first match on the next (`forward`) or previous row with one after or before match
/// `current`'s row, wrapping: two matches on a row are one stop, as in less.
#[must_use]
pub fn step(hits: &[Hit], current: usize, forward: bool) -> Option<usize> {
    let row = hits.get(current)?.row;
    if forward {
        first_from(hits, row + 1)
    } else {
        last_before(hits, row)
    }
}

impl App {
    /// The search in the open window, if one was begun.
    #[must_use]
    pub fn window_find(&self) -> Option<&WindowFind> {
        self.window_find.as_ref()
    }

    /// The search being typed in the open window, if one is: keys type into it.
    #[must_use]
    pub fn window_find_typed(&self) -> Option<&WindowFind> {
        self.window_find
            .as_ref()
            .filter(|f| f.editing && self.overlay.is_some())
    }

    pub(super) fn begin_window_find(&mut self) {
        self.window_find = Some(WindowFind {
            editing: true,
            origin: self.window_top(),
            ..WindowFind::default()
        });
        self.find_in_window();
    }

    /// A key while the search is typed. The mouse accepts the query, then acts as usual.
    pub(super) fn window_find_input(&mut self, action: Action) {
        let Some(f) = &mut self.window_find else {
            return;
        };
        match action {
            Action::Type(c) => f.query.push(c),
            Action::Paste(text) => f.query.push_str(&text),
            Action::DeleteChar => {
                f.query.pop();
            }
            Action::Submit | Action::Click(..) | Action::Scroll(..) => {
                // No match is said by the status bar's position ("no match · …").
                f.editing = false;
                if f.query.is_empty() {
                    self.window_find = None;
                }
                if action != Action::Submit {
                    self.overlay_action(action);
                }
                return;
            }
            Action::Cancel => {
                let origin = f.origin;
                self.window_find = None;
                self.find_in_window();
                self.set_window_scroll(origin);
                return;
            }
            _ => return,
        }
        self.find_in_window();
        let hits = self.overlay_text.as_ref().map_or(&[][..], |w| &w.hits);
        let Some(f) = &mut self.window_find else {
            return;
        };
        f.current = first_from(hits, f.origin);
        match (f.current, f.origin) {
            (Some(c), _) => self.show_window_match(c),
            (None, origin) => self.set_window_scroll(origin),
        }
    }

    /// `n` and `N` in a window: the next or previous row with a match, from the match shown
    /// if it is on screen, else from the top of the window (as less does).
    pub(super) fn step_window_find(&mut self, forward: bool) {
        let (top, screen) = (self.window_top(), self.window_screen());
        let hits = self.overlay_hits();
        let Some(f) = &self.window_find else {
            return;
        };
        let on_screen = f
            .current
            .filter(|&c| hits.get(c).is_some_and(|h| screen.contains(&h.row)));
        let next = match (on_screen, forward) {
            (Some(c), _) => step(hits, c, forward),
            (None, true) => first_from(hits, top),
            (None, false) => last_before(hits, top),
        };
        let Some(next) = next else {
            return;
        };
        if let Some(f) = &mut self.window_find {
            f.current = Some(next);
        }
        self.show_window_match(next);
    }

    /// Finds the window's search in its rows again, after its query changed.
    pub(super) fn find_in_window(&mut self) {
        let query = self.window_find.as_ref().map_or("", |f| f.query.as_str());
        if let Some(w) = &mut self.overlay_text {
            w.hits = hits(&w.rows, query);
        }
    }

    /// Whether all of the match shown is on screen (true when none is shown).
    pub(super) fn window_match_on_screen(&self) -> bool {
        let screen = self.window_screen();
        let current = self.window_find.as_ref().and_then(|f| f.current);
        current
            .and_then(|c| match_rows(self.overlay_hits(), c))
            .is_none_or(|(first, last)| screen.contains(&first) && screen.contains(&last))
    }

    /// Scrolls the open window to show match `c` whole, with as much of its entry above it as
    /// fits (clamped to the last page afterwards); a match taller than the window from its
    /// first row.
    pub(super) fn show_window_match(&mut self, c: usize) {
        let Some((first, last)) = match_rows(self.overlay_hits(), c) else {
            return;
        };
        let start = self
            .overlay_rows()
            .map_or(first, |(_, rows)| entry_start(rows, first));
        let top = (last + 1)
            .saturating_sub(self.window_height())
            .max(start)
            .min(first);
        self.set_window_scroll(top);
    }

    fn set_window_scroll(&mut self, top: usize) {
        if let Some(overlay) = &mut self.overlay {
            *overlay.scroll_mut() = top;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay_text::Look;

    fn hit(row: usize, start: usize, end: usize, begins: bool) -> Hit {
        Hit {
            row,
            start,
            end,
            begins,
        }
    }

    fn rows(spec: &[(bool, Option<&str>, &str)]) -> Vec<Row> {
        spec.iter()
            .map(|&(first, key, text)| Row {
                key: key.map(str::to_owned),
                text: text.to_owned(),
                look: Look::Plain,
                first,
                glued: false,
            })
            .collect()
    }

    #[test]
    fn a_word_broken_over_two_rows_is_joined_without_a_space() {
        let mut r = rows(&[
            (true, None, "actor \"ghost-"),
            (false, None, "254\" is never"),
        ]);
        r[1].glued = true;
        assert_eq!(
            hits(&r, "ghost-254"),
            vec![hit(0, 7, 13, true), hit(1, 0, 3, false),]
        );
        assert!(hits(&r, "ghost- 254").is_empty());
    }

    #[test]
    fn a_match_across_a_wrap_is_found_and_cut_at_the_break() {
        let r = rows(&[
            (true, None, "line 3, column 1: unknown"),
            (false, None, "actor \"natoo\""),
            (true, None, "line 9: unknown actor"),
        ]);
        assert_eq!(
            hits(&r, "unknown actor"),
            vec![
                hit(0, 18, 25, true),
                hit(1, 0, 5, false),
                hit(2, 8, 21, true),
            ]
        );
        let h = hits(&r, "unknown actor");
        assert_eq!((count(&h), ordinal(&h, 2)), (2, 2));
        // Not across entries.
        assert!(hits(&r, "\"natoo\" line").is_empty());
    }

    #[test]
    fn case_is_ignored_unless_the_query_has_a_capital() {
        let r = rows(&[(true, None, "NATO and nato")]);
        assert_eq!(hits(&r, "nato").len(), 2);
        assert_eq!(hits(&r, "NATO"), vec![hit(0, 0, 4, true)]);
    }

    #[test]
    fn the_help_key_column_is_searched_but_its_blank_padding_is_not() {
        let r = rows(&[
            (true, Some("  Ctrl-d    "), "page down, or half"),
            (false, Some("            "), "a page"),
        ]);
        assert_eq!(hits(&r, "ctrl-d"), vec![hit(0, 2, 8, true)]);
        // "half" + " " + "a page": the padding of the second row is not in between.
        assert_eq!(
            hits(&r, "half a"),
            vec![hit(0, 26, 30, true), hit(1, 12, 13, false),]
        );
    }

    #[test]
    fn a_binding_reads_the_same_side_by_side_and_stacked() {
        let side = rows(&[(true, Some("  PgDn Space    "), "page down")]);
        let stacked = rows(&[
            (true, Some("  PgDn Space"), ""),
            (false, Some("    "), "page down"),
        ]);
        assert_eq!(
            hits(&side, "space page"),
            vec![hit(0, 7, 12, true), hit(0, 16, 20, false),]
        );
        assert_eq!(
            hits(&stacked, "space page"),
            vec![hit(0, 7, 12, true), hit(1, 4, 8, false),]
        );
    }

    #[test]
    fn next_and_previous_go_row_by_row_and_wrap() {
        let h = [
            hit(1, 0, 1, true),
            hit(1, 4, 5, true),
            hit(5, 0, 1, true),
            hit(9, 0, 1, true),
        ];
        assert_eq!(step(&h, 0, true), Some(2));
        assert_eq!(step(&h, 2, true), Some(3));
        assert_eq!(step(&h, 3, true), Some(0));
        assert_eq!(step(&h, 0, false), Some(3));
        assert_eq!(step(&h, 3, false), Some(2));
        assert_eq!(step(&h, 2, false), Some(0));
        assert_eq!(first_from(&h, 2), Some(2));
        // The rest of a match cut by a break is not a stop.
        let cut = [hit(1, 9, 12, true), hit(2, 0, 3, false), hit(4, 0, 3, true)];
        assert_eq!(first_from(&cut, 2), Some(2));
        assert_eq!(step(&cut, 0, true), Some(2));
        assert_eq!(step(&cut, 2, false), Some(0));
        assert_eq!(first_from(&h, 10), Some(0));
        assert_eq!(first_from(&[], 0), None);
    }
}
