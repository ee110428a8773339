//! Searching the open window (help, warnings, reload errors) with `/`, as in less: the rows
//! that hold the query, found in each entry as a whole (a warning wrapped over three rows is
//! searched as the one line it was), ignoring ASCII case unless the query has an uppercase
//! letter, as the article's search does. Unlike the article's search it does not fold
//! typographic quotes and dashes. A window of 10,000 warnings is the case it is built for.
//!
//! The search reads the window's rows ([`super::rows`]); the rows know nothing of it.

use super::rows::Row;

/// The search typed in the open window. It ends with the window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// The query is being typed.
    pub editing: bool,
    /// The window's first row when the search began: typing shows the first match from here,
    /// and Esc goes back to it.
    pub origin: usize,
    /// The match shown: an index into [`Search::matches`], always one that begins a match.
    pub current: Option<usize>,
    /// The query's matches in the window's rows, found again whenever the query or the rows
    /// change (stored, like the rows they are found in: see [`super::Window`]).
    matches: Vec<Match>,
}

impl Search {
    /// A search begun with the window's first row at `origin`, being typed.
    #[must_use]
    pub fn begin(origin: usize) -> Self {
        Self {
            editing: true,
            origin,
            ..Self::default()
        }
    }

    /// The query's matches in the window's rows, in order.
    #[must_use]
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// Matches the query against `rows` again, after the query or the rows changed.
    pub fn rematch(&mut self, rows: &[Row]) {
        self.matches = matches(rows, &self.query);
    }
}

/// One match, or the part of one on one row, as a byte range of the row's key and text run
/// together (the key column first; see [`searched`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
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
pub fn matches(rows: &[Row], query: &str) -> Vec<Match> {
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
fn cut(parts: &[Part], from: usize, to: usize, out: &mut Vec<Match>) {
    let mut begins = true;
    for p in parts {
        let (a, b) = (from.max(p.at), to.min(p.end));
        if a < b {
            out.push(Match {
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
pub fn count(matches: &[Match]) -> usize {
    matches.iter().filter(|h| h.begins).count()
}

/// Which match, from 1, piece `current` is (0 when there are none).
#[must_use]
pub fn ordinal(matches: &[Match], current: usize) -> usize {
    matches.get(..=current).map_or(count(matches), count)
}

/// The piece that begins the `n`th match, from 1.
#[must_use]
pub fn nth(matches: &[Match], n: usize) -> Option<usize> {
    let mut starts = matches.iter().enumerate().filter(|(_, h)| h.begins);
    starts.nth(n.checked_sub(1)?).map(|(i, _)| i)
}

/// The first match on the first row at or after `from` that has one, wrapping to the first.
#[must_use]
pub fn first_from(matches: &[Match], from: usize) -> Option<usize> {
    let mut starts = matches.iter().enumerate().filter(|(_, h)| h.begins);
    starts
        .clone()
        .find(|(_, h)| h.row >= from)
        .or_else(|| starts.next())
        .map(|(i, _)| i)
}

/// The first match on the last row before `before` that has one, wrapping to the last.
#[must_use]
pub fn last_before(matches: &[Match], before: usize) -> Option<usize> {
    let rows = matches.iter().filter(|h| h.begins).map(|h| h.row);
    let row = rows
        .clone()
        .rfind(|&r| r < before)
        .or_else(|| rows.clone().next_back())?;
    matches.iter().position(|h| h.begins && h.row == row)
}

/// The first and last rows of match `c`: one cut by row breaks spans several.
#[must_use]
pub fn match_rows(matches: &[Match], c: usize) -> Option<(usize, usize)> {
    let first = matches.get(c)?.row;
    let last = matches[c + 1..]
        .iter()
        .take_while(|h| !h.begins)
        .last()
        .map_or(first, |h| h.row);
    Some((first, last))
}

/// The first match on the next (`forward`) or previous row with one after or before match
/// `current`'s row, wrapping: two matches on a row are one stop, as in less.
#[must_use]
pub fn step(matches: &[Match], current: usize, forward: bool) -> Option<usize> {
    let row = matches.get(current)?.row;
    if forward {
        first_from(matches, row + 1)
    } else {
        last_before(matches, row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::window::rows::Look;

    fn piece(row: usize, start: usize, end: usize, begins: bool) -> Match {
        Match {
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
            matches(&r, "ghost-254"),
            vec![piece(0, 7, 13, true), piece(1, 0, 3, false),]
        );
        assert!(matches(&r, "ghost- 254").is_empty());
    }

    #[test]
    fn a_match_across_a_wrap_is_found_and_cut_at_the_break() {
        let r = rows(&[
            (true, None, "line 3, column 1: unknown"),
            (false, None, "actor \"natoo\""),
            (true, None, "line 9: unknown actor"),
        ]);
        assert_eq!(
            matches(&r, "unknown actor"),
            vec![
                piece(0, 18, 25, true),
                piece(1, 0, 5, false),
                piece(2, 8, 21, true),
            ]
        );
        let h = matches(&r, "unknown actor");
        assert_eq!((count(&h), ordinal(&h, 2)), (2, 2));
        // Not across entries.
        assert!(matches(&r, "\"natoo\" line").is_empty());
    }

    #[test]
    fn case_is_ignored_unless_the_query_has_a_capital() {
        let r = rows(&[(true, None, "NATO and nato")]);
        assert_eq!(matches(&r, "nato").len(), 2);
        assert_eq!(matches(&r, "NATO"), vec![piece(0, 0, 4, true)]);
    }

    #[test]
    fn the_help_key_column_is_searched_but_its_blank_padding_is_not() {
        let r = rows(&[
            (true, Some("  Ctrl-d    "), "page down, or half"),
            (false, Some("            "), "a page"),
        ]);
        assert_eq!(matches(&r, "ctrl-d"), vec![piece(0, 2, 8, true)]);
        // "half" + " " + "a page": the padding of the second row is not in between.
        assert_eq!(
            matches(&r, "half a"),
            vec![piece(0, 26, 30, true), piece(1, 12, 13, false),]
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
            matches(&side, "space page"),
            vec![piece(0, 7, 12, true), piece(0, 16, 20, false),]
        );
        assert_eq!(
            matches(&stacked, "space page"),
            vec![piece(0, 7, 12, true), piece(1, 4, 8, false),]
        );
    }

    #[test]
    fn next_and_previous_go_row_by_row_and_wrap() {
        let h = [
            piece(1, 0, 1, true),
            piece(1, 4, 5, true),
            piece(5, 0, 1, true),
            piece(9, 0, 1, true),
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
            piece(1, 9, 12, true),
            piece(2, 0, 3, false),
            piece(4, 0, 3, true),
        ];
        assert_eq!(first_from(&cut, 2), Some(2));
        assert_eq!(step(&cut, 0, true), Some(2));
        assert_eq!(step(&cut, 2, false), Some(0));
        assert_eq!(first_from(&h, 10), Some(0));
        assert_eq!(first_from(&[], 0), None);
    }
}
