//! Searching the open window (help, warnings, reload errors) with `/`, as in less: the rows
//! that hold the query, found in each entry as a whole so that a word wrapped onto the next row
//! is still found, ignoring ASCII case unless the query has an uppercase letter (as the
//! article's search does). A window of 10,000 warnings is the case it is built for.

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
    /// The match shown, an index into the window's hits.
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

/// Every match of `query` in `rows`, in order, each cut at the row breaks it spans. An entry
/// (a row that begins one and the rows that carry it on) is searched as one line, its rows
/// joined by a space as the text was before it was wrapped; a carried-on row's leading blanks
/// (the help's empty key column) are not part of it.
#[must_use]
pub fn hits(rows: &[Row], query: &str) -> Vec<Hit> {
    if query.is_empty() {
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
    // Where each row of the entry starts in `line`, and how many of its leading bytes were
    // left out.
    let mut parts: Vec<(usize, usize, usize)> = Vec::new();
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
            let whole = format!("{key}{text}");
            let skip = if i == start {
                0
            } else {
                line.push(' ');
                whole.len() - whole.trim_start().len()
            };
            parts.push((i, line.len(), skip));
            line.push_str(&whole[skip..]);
        }
        if ignore_case {
            line.make_ascii_lowercase();
        }
        for at in finder.find_iter(line.as_bytes()) {
            cut(&parts, line.len(), at, at + needle.len(), &mut out);
        }
        start = end;
    }
    out
}

/// Splits the match `from..to` of an entry's joined line into the rows it covers.
fn cut(parts: &[(usize, usize, usize)], len: usize, from: usize, to: usize, out: &mut Vec<Hit>) {
    let mut first = true;
    for (n, &(row, begins, skip)) in parts.iter().enumerate() {
        // The row's own bytes in the line: up to the space that joins the next row.
        let ends = parts.get(n + 1).map_or(len, |p| p.1 - 1);
        let (a, b) = (from.max(begins), to.min(ends));
        if a < b {
            out.push(Hit {
                row,
                start: a - begins + skip,
                end: b - begins + skip,
                begins: first,
            });
            first = false;
        }
    }
}

/// How many matches there are (a match cut by a row break is one).
#[must_use]
pub fn count(hits: &[Hit]) -> usize {
    hits.iter().filter(|h| h.begins).count()
}

/// Which match, from 1, hit `current` is.
#[must_use]
pub fn ordinal(hits: &[Hit], current: usize) -> usize {
    count(&hits[..=current.min(hits.len().saturating_sub(1))])
}

/// The first match at or after row `from`, wrapping to the first of all.
#[must_use]
pub fn first_from(hits: &[Hit], from: usize) -> Option<usize> {
    let mut starts = hits.iter().enumerate().filter(|(_, h)| h.begins);
    starts
        .clone()
        .find(|(_, h)| h.row >= from)
        .or_else(|| starts.next())
        .map(|(i, _)| i)
}

/// The first match on the next (`forward`) or previous row with one after or before match
/// `current`'s row, wrapping: two matches on a row are one stop, as in less.
#[must_use]
pub fn step(hits: &[Hit], current: usize, forward: bool) -> Option<usize> {
    let row = hits.get(current)?.row;
    let rows = hits.iter().filter(|h| h.begins).map(|h| h.row);
    let target = if forward {
        rows.clone()
            .find(|&r| r > row)
            .or_else(|| rows.clone().next())
    } else {
        rows.clone()
            .rfind(|&r| r < row)
            .or_else(|| rows.clone().next_back())
    }?;
    hits.iter().position(|h| h.begins && h.row == target)
}

impl App {
    /// The search in the open window, if one was begun.
    #[must_use]
    pub fn window_find(&self) -> Option<&WindowFind> {
        self.window_find.as_ref()
    }

    /// A search is being typed in the open window: keys type into it.
    #[must_use]
    pub fn finding_in_window(&self) -> bool {
        self.overlay.is_some() && self.window_find.as_ref().is_some_and(|f| f.editing)
    }

    pub(super) fn begin_window_find(&mut self) {
        let origin = self.overlay.as_ref().map_or(0, super::Overlay::scroll);
        self.window_find = Some(WindowFind {
            editing: true,
            origin,
            ..WindowFind::default()
        });
        self.find_in_window();
    }

    pub(super) fn window_find_input(&mut self, action: Action) {
        let Some(f) = &mut self.window_find else {
            return;
        };
        match action {
            Action::Type(c) => f.query.push(c),
            Action::DeleteChar => {
                f.query.pop();
            }
            Action::Submit => {
                f.editing = false;
                let q = crate::inert::quoted(&f.query, 40);
                if f.query.is_empty() {
                    self.window_find = None;
                } else if self.overlay_hits().is_empty() {
                    self.complain(format!("No match for {q} in this window"));
                }
                return;
            }
            Action::Cancel => {
                let origin = f.origin;
                self.window_find = None;
                self.find_in_window();
                if let Some(overlay) = &mut self.overlay {
                    *overlay.scroll_mut() = origin;
                }
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
        if let Some(c) = f.current {
            let row = hits[c].row;
            self.scroll_window_to(row);
        } else {
            let origin = f.origin;
            if let Some(overlay) = &mut self.overlay {
                *overlay.scroll_mut() = origin;
            }
        }
    }

    /// `n` and `N` in a window: the next or previous row with a match.
    pub(super) fn step_window_find(&mut self, forward: bool) {
        let scroll = self.overlay.as_ref().map_or(0, super::Overlay::scroll);
        let hits = self.overlay_hits();
        let Some(f) = &self.window_find else {
            return;
        };
        let next = match f.current {
            Some(c) => step(hits, c, forward),
            None => first_from(hits, scroll),
        };
        let Some(next) = next else {
            return;
        };
        let row = hits[next].row;
        if let Some(f) = &mut self.window_find {
            f.current = Some(next);
        }
        self.scroll_window_to(row);
    }

    /// Finds the window's search in its rows again, after its query changed.
    pub(super) fn find_in_window(&mut self) {
        let query = self.window_find.as_ref().map_or("", |f| f.query.as_str());
        if let Some(w) = &mut self.overlay_text {
            w.hits = hits(&w.rows, query);
        }
    }

    /// Scrolls the open window to show the whole entry `row` belongs to from its first row
    /// (clamped to the last page afterwards).
    fn scroll_window_to(&mut self, row: usize) {
        let start = self
            .overlay_rows()
            .map_or(row, |(_, rows)| entry_start(rows, row));
        if let Some(overlay) = &mut self.overlay {
            *overlay.scroll_mut() = start;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::overlay_text::Look;

    fn rows(spec: &[(bool, Option<&str>, &str)]) -> Vec<Row> {
        spec.iter()
            .map(|&(first, key, text)| Row {
                key: key.map(str::to_owned),
                text: text.to_owned(),
                look: Look::Plain,
                first,
            })
            .collect()
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
                Hit {
                    row: 0,
                    start: 18,
                    end: 25,
                    begins: true
                },
                Hit {
                    row: 1,
                    start: 0,
                    end: 5,
                    begins: false
                },
                Hit {
                    row: 2,
                    start: 8,
                    end: 21,
                    begins: true
                },
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
        assert_eq!(
            hits(&r, "NATO"),
            vec![Hit {
                row: 0,
                start: 0,
                end: 4,
                begins: true
            }]
        );
    }

    #[test]
    fn the_help_key_column_is_searched_but_its_blank_padding_is_not() {
        let r = rows(&[
            (true, Some("  Ctrl-d    "), "page down, or half"),
            (false, Some("            "), "a page"),
        ]);
        assert_eq!(
            hits(&r, "ctrl-d"),
            vec![Hit {
                row: 0,
                start: 2,
                end: 8,
                begins: true
            }]
        );
        // "half" + " " + "a page": the padding of the second row is not in between.
        assert_eq!(
            hits(&r, "half a"),
            vec![
                Hit {
                    row: 0,
                    start: 26,
                    end: 30,
                    begins: true
                },
                Hit {
                    row: 1,
                    start: 12,
                    end: 13,
                    begins: false
                },
            ]
        );
    }

    #[test]
    fn next_and_previous_go_row_by_row_and_wrap() {
        let h = [
            Hit {
                row: 1,
                start: 0,
                end: 1,
                begins: true,
            },
            Hit {
                row: 1,
                start: 4,
                end: 5,
                begins: true,
            },
            Hit {
                row: 5,
                start: 0,
                end: 1,
                begins: true,
            },
            Hit {
                row: 9,
                start: 0,
                end: 1,
                begins: true,
            },
        ];
        assert_eq!(step(&h, 0, true), Some(2));
        assert_eq!(step(&h, 2, true), Some(3));
        assert_eq!(step(&h, 3, true), Some(0));
        assert_eq!(step(&h, 0, false), Some(3));
        assert_eq!(step(&h, 3, false), Some(2));
        assert_eq!(step(&h, 2, false), Some(0));
        assert_eq!(first_from(&h, 2), Some(2));
        // The rest of a match cut by a break is not a stop.
        let cut = [
            Hit {
                row: 1,
                start: 9,
                end: 12,
                begins: true,
            },
            Hit {
                row: 2,
                start: 0,
                end: 3,
                begins: false,
            },
            Hit {
                row: 4,
                start: 0,
                end: 3,
                begins: true,
            },
        ];
        assert_eq!(first_from(&cut, 2), Some(2));
        assert_eq!(step(&cut, 0, true), Some(2));
        assert_eq!(step(&cut, 2, false), Some(0));
        assert_eq!(first_from(&h, 10), Some(0));
        assert_eq!(first_from(&[], 0), None);
    }
}
