//! The Timeline pane: events in date order, dates at their precision, the followed actors'
//! events marked, and a proportional time axis: each event is placed on a track spanning the
//! first to the last date, so the gaps between events show at a glance.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::actors::{around, fit_spans, marked, spans_width};
use super::pane;
use super::text::width;
use super::theme::Theme;
use crate::app::{
    App, DaySpan, Pane, Target, TimelineColumns, covers, event_fields, first_match, match_range,
    names_a_field,
};
use crate::briefing::Briefing;
#[cfg(test)]
use crate::date::PartialDate;
use crate::date::{month_label, year_month};
use crate::inert::one_line;
use crate::sheet::Event;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let b = app.briefing();
    let events = &b.sheet.events;
    let visible = app.shown_events();
    let list = app.events_list();
    let extra = if events.is_empty() && app.loading().preview() {
        "…".to_owned()
    } else {
        pane::list_extra(visible.len(), events.len(), &list.filter, list.editing)
    };
    let c = app.timeline_columns();
    let columns = Columns {
        c,
        span: app.day_span(),
    };
    // The entries on screen, each with its title's rows; the first row inside is the time
    // axis. A title wraps: the last entry may be cut at the bottom, never the selected one.
    let rows = usize::from(area.height.saturating_sub(3));
    // An event the filter matched in a field not shown takes a row more, naming it.
    let needle = list.filter.to_lowercase();
    let mut entries: Vec<(usize, Vec<String>, bool)> = Vec::new();
    let (mut used, mut whole) = (0, 0);
    for &n in visible.iter().skip(list.offset) {
        if used >= rows {
            break;
        }
        let titles = c.title_rows(&events[n].title, width(&events[n].when()));
        let named = names_a_field(&needle, &events[n], b);
        used += titles.len() + usize::from(named);
        if used <= rows {
            whole += 1;
        }
        entries.push((n, titles, named));
    }
    let extra = pane::fit_extra(&[extra], area.width, list.offset, whole, visible.len());
    let block = pane::block(app, Pane::Timeline, &extra, theme);
    let block = pane::scrolled(block, list.offset, whole, visible.len(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    if visible.is_empty() {
        frame.render_widget(Line::styled(none_shown(app), theme.dim), inner);
        return;
    }
    let w = usize::from(inner.width);
    let buf = frame.buffer_mut();
    let ruler = Ruler {
        events,
        selected: list.selected,
        width: w,
    };
    buf.set_line(inner.x, inner.y, &axis(&columns, ruler, theme), inner.width);
    // Whether event `n` is marked: followed, or naming the followed actor. Asked of the rows
    // drawn only (the followed actor's events were a scan of every event per frame).
    let followed_id = match app.followed().target() {
        Target::Actor(a) => b.sheet.actors.get(a).map(|a| a.id.as_str()),
        _ => None,
    };
    let marked = |n: usize| match app.followed().target() {
        Target::Actor(_) => followed_id.is_some_and(|id| events[n].actors.iter().any(|x| x == id)),
        Target::Event(e) => e == n,
        Target::None => false,
    };
    let focused = app.focus() == Pane::Timeline;
    let (marked, columns) = (&marked, &columns);
    let lines = entries.iter().flat_map(|(n, titles, named)| {
        let e = &events[*n];
        let found = Found::of(e, titles, &needle, b);
        (0..titles.len() + usize::from(*named)).map(move |k| {
            let indent = " ".repeat(c.indent(width(&e.when())));
            let mut line = match titles.get(k) {
                Some(title) if k == 0 => row(e, title, marked(*n), &found, columns, theme),
                Some(title) => {
                    let mut spans = vec![Span::raw(indent)];
                    spans.extend(super::actors::marked(
                        title,
                        found.titles[k].as_ref(),
                        Style::new(),
                        theme.filter_match,
                    ));
                    Line::from(spans)
                }
                None => field_row(&found, indent, c.width, theme),
            };
            if list.selected == Some(*n) {
                line = line.style(if focused {
                    theme.row
                } else {
                    theme.row_unfocused
                });
            }
            line
        })
    });
    for (i, line) in lines.take(rows).enumerate() {
        let y = inner.y + 1 + i as u16;
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), line.style);
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

/// What the Timeline says when it lists no event.
fn none_shown(app: &App) -> String {
    if !app.briefing().sheet.events.is_empty() {
        format!(
            "No event matches the filter ({} clears it)",
            pane::clear_key(app, app.events_list())
        )
    } else if app.loading().preview() {
        // A long sheet's preview has only its `[briefing]` table.
        "Reading the fact sheet…".to_owned()
    } else {
        "The fact sheet has no events".to_owned()
    }
}

/// Column widths shared by every row, and the span of the days the events cover.
struct Columns {
    c: TimelineColumns,
    span: DaySpan,
}

/// The first row: the dates at the two ends of the track, and at a break.
fn axis<'a>(c: &Columns, ruler: Ruler, theme: &Theme) -> Line<'a> {
    if c.c.track == 0 {
        return ruler_line(c, ruler, theme);
    }
    let scale = Scale::of(c.span, c.c.track, LABELLED);
    let text = scale.labels();
    if text.trim().is_empty() {
        return Line::raw("");
    }
    Line::from(vec![
        Span::raw(" ".repeat(2 + c.c.date + 1)),
        Span::styled(text, theme.dim),
    ])
}

/// What a pane too narrow for a track per row draws instead: one ruler across the pane with
/// every event on it, the selected one standing out.
#[derive(Clone, Copy)]
struct Ruler<'e> {
    events: &'e [Event],
    selected: Option<usize>,
    width: usize,
}

fn ruler_line<'a>(c: &Columns, r: Ruler, theme: &Theme) -> Line<'a> {
    let (first, last) = (c.span.first, c.span.last);
    let years = year_month(first).0 != year_month(last).0;
    let (from, to) = (short_label(first, years), short_label(last, years));
    let w = r.width.saturating_sub(from.len() + to.len() + 2);
    if w < 4 {
        return Line::raw("");
    }
    // The ruler's labels are at its ends, outside it: a stretch needs no room for one.
    let scale = Scale::of(c.span, w, 1);
    let mut cells: Vec<char> = scale.empty();
    let mut chosen = None;
    for (n, e) in r.events.iter().enumerate() {
        let drawn = track(&scale, e);
        for (i, ch) in drawn.chars().enumerate() {
            if ch != '·' && ch != BREAK {
                cells[i] = ch;
                if r.selected == Some(n) {
                    chosen.get_or_insert(i);
                }
            }
        }
    }
    let mut spans = vec![Span::styled(format!("{from} "), theme.dim)];
    for (i, ch) in cells.into_iter().enumerate() {
        let style = if chosen == Some(i) {
            theme.row
        } else if ch == BREAK {
            theme.dim
        } else {
            theme.link
        };
        spans.push(Span::styled(ch.to_string(), style));
    }
    spans.push(Span::styled(format!(" {to}"), theme.dim));
    Line::from(spans)
}

/// The row after an event's title when a field not shown (a note, an id, an actor) matched: which one
/// and what it says, from `indent`, in the `width` columns of the pane.
fn field_row(found: &Found, indent: String, width: usize, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    if let Some((field, text, range)) = &found.other {
        let left = width.saturating_sub(indent.len());
        let mut what = vec![Span::styled(format!("{field}: "), theme.dim)];
        let (text, range) = around(
            text,
            range.as_ref(),
            left.saturating_sub(spans_width(&what)),
        );
        what.extend(marked(&text, range.as_ref(), theme.dim, theme.filter_match));
        spans.push(Span::raw(indent));
        spans.extend(fit_spans(what, left));
    }
    Line::from(spans)
}

/// What the filter matched in an event, where it is shown: in its date, in its title's rows
/// (each row's own bytes), or in another field, named, with its text.
struct Found {
    date: Option<Range<usize>>,
    titles: Vec<Option<Range<usize>>>,
    other: Option<(&'static str, String, Option<Range<usize>>)>,
}

impl Found {
    /// What `needle` (lowercase) matched in event `e`, whose title is wrapped as `titles`.
    fn of(e: &Event, titles: &[String], needle: &str, briefing: &Briefing) -> Self {
        let date = e.when();
        let mut found = Self {
            date: None,
            titles: vec![None; titles.len()],
            other: None,
        };
        let Some(m) = first_match(needle, &event_fields(e, &date, briefing)) else {
            return found;
        };
        match m.field {
            "date" => found.date = m.range,
            "title" => {
                // The rows are the title on one line, wrapped: the match found again in it,
                // and each row found in it in turn.
                let text = one_line(&e.title);
                let Some(range) = match_range(needle, &text) else {
                    return found;
                };
                let mut at = 0;
                for (k, row) in titles.iter().enumerate() {
                    let Some(start) = text.get(at..).and_then(|t| t.find(row.as_str())) else {
                        break;
                    };
                    let start = at + start;
                    at = start + row.len();
                    let (a, z) = (range.start.max(start), range.end.min(at));
                    if a < z {
                        found.titles[k] = Some(a - start..z - start);
                    }
                }
            }
            field => found.other = Some((field, m.text.to_owned(), m.range)),
        }
        found
    }
}

fn row<'a>(
    e: &Event,
    title: &str,
    mark: bool,
    found: &Found,
    c: &Columns,
    theme: &Theme,
) -> Line<'a> {
    let date = e.when();
    let mut spans = vec![Span::styled(if mark { "● " } else { "  " }, theme.heading)];
    spans.extend(marked(
        &date,
        found.date.as_ref(),
        Style::new(),
        theme.filter_match,
    ));
    let pad = c.c.date.saturating_sub(date.chars().count());
    spans.push(Span::raw(" ".repeat(pad + 1)));
    if c.c.track > 0 {
        let scale = Scale::of(c.span, c.c.track, LABELLED);
        spans.push(Span::styled(track(&scale, e), theme.link));
        spans.push(Span::raw(" "));
    }
    let room = c.c.width.saturating_sub(c.c.before(width(&date)));
    spans.extend(fit_spans(
        marked(
            title,
            found.titles.first().cloned().flatten().as_ref(),
            Style::new(),
            theme.filter_match,
        ),
        room,
    ));
    Line::from(spans)
}

/// The fewest cells a stretch of a broken track takes under the axis: a year and a space.
const LABELLED: usize = 5;

/// The cell drawn where the track breaks.
const BREAK: char = '⋯';

/// Where days fall on a track of `width` cells: one stretch of time from the first day to the
/// last, or, when one event (or a few) lies far from the rest, two stretches with a break
/// cell between them, so that the rest are not squeezed into a cell or two.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Scale {
    /// The days of the first stretch.
    first: (i64, i64),
    /// The days of the stretch after the break, if the track breaks.
    second: Option<(i64, i64)>,
    /// The cells of the first stretch; the break cell follows them.
    split: usize,
    width: usize,
}

impl Scale {
    /// The scale for events covering `days` (see [`Scale::of`]).
    #[cfg(test)]
    fn new(days: &[(i64, i64)], width: usize, fewest: usize) -> Self {
        Self::of(DaySpan::of_days(days), width, fewest)
    }

    /// The scale for events whose days span `span` on `width` cells. The track breaks at the
    /// longest gap between events when it is four times as long as the rest together; each
    /// stretch then takes at least `fewest` cells (room for a label under the axis).
    fn of(span: DaySpan, width: usize, fewest: usize) -> Self {
        let DaySpan { first, last, gap } = span;
        let whole = Self {
            first: (first, last),
            second: None,
            split: width,
            width,
        };
        if width < 9 {
            return whole;
        }
        let Some((g0, g1)) = gap else {
            return whole;
        };
        let (left, right) = (g0 - first, last - g1);
        if g1 - g0 < 4 * (left + right).max(1) {
            return whole;
        }
        let room = width - 1;
        let min = fewest.clamp(1, room / 2);
        let share = if left + right == 0 {
            room / 2
        } else {
            let l = i128::from(left) * room as i128 / i128::from(left + right);
            usize::try_from(l).unwrap_or(0)
        };
        Self {
            first: (first, g0),
            second: Some((g1, last)),
            split: share.clamp(min, room - min),
            width,
        }
    }

    /// The cell of `day`.
    fn cell(&self, day: i64) -> usize {
        match self.second {
            Some(second) if day >= second.0 => {
                self.split + 1 + place(day, second, self.width - self.split - 1)
            }
            Some(_) if day > self.first.1 => self.split,
            _ => place(day, self.first, self.split),
        }
    }

    /// A track with no event on it.
    fn empty(&self) -> Vec<char> {
        (0..self.width)
            .map(|i| {
                if self.second.is_some() && i == self.split {
                    BREAK
                } else {
                    '·'
                }
            })
            .collect()
    }

    /// The axis above the tracks: the dates at both ends and after the break, as "Jun 2024",
    /// or, where they do not fit, as the year when the dates are not all in one year ("1790",
    /// "2021"), else as the month ("Jun"); the break as `⋯`.
    fn labels(&self) -> String {
        let last = self.second.map_or(self.first.1, |s| s.1);
        let years = year_month(self.first.0).0 != year_month(last).0;
        let long = self.place_labels(month_label);
        if long.contains(&month_label(self.first.0))
            && long.contains(&month_label(last))
            && (self.second.is_none() || long.contains(BREAK))
        {
            return long;
        }
        self.place_labels(|d| short_label(d, years))
    }

    /// The labels made by `label`, each placed where it fits with a space around it, the ends
    /// first: the first day at the left, the last at the right, the break, the day after it.
    fn place_labels(&self, label: impl Fn(i64) -> String) -> String {
        let w = self.width;
        let mut cells: Vec<Option<char>> = vec![None; w];
        let mut put = |at: usize, text: &str| {
            let n = text.chars().count();
            let (from, to) = (at.saturating_sub(1), (at + n + 1).min(w));
            if at + n > w || cells[from..to].iter().any(Option::is_some) {
                return false;
            }
            for (i, ch) in text.chars().enumerate() {
                cells[at + i] = Some(ch);
            }
            true
        };
        let last = self.second.map_or(self.first.1, |s| s.1);
        let (from, to) = (label(self.first.0), label(last));
        put(0, &from);
        let mut shown = vec![from];
        if let Some(second) = self.second {
            put(self.split, &BREAK.to_string());
            let after = label(second.0);
            if after != shown[0] && put(self.split + 2, &after) {
                shown.push(after);
            }
        }
        if !shown.contains(&to) {
            put(w.saturating_sub(to.chars().count()), &to);
        }
        cells.into_iter().map(|c| c.unwrap_or(' ')).collect()
    }
}

/// `day` as a short label: its year when `years` (the dates are not all in one year), else
/// its month.
fn short_label(day: i64, years: bool) -> String {
    if years {
        year_month(day).0.to_string()
    } else {
        month_label(day).chars().take(3).collect()
    }
}

/// The cell of `day` in a stretch of `cells` cells spanning `days`.
fn place(day: i64, days: (i64, i64), cells: usize) -> usize {
    let span = days.1 - days.0;
    let last = i64::try_from(cells.saturating_sub(1)).unwrap_or(0);
    if span <= 0 || last == 0 {
        return 0;
    }
    let at = ((day - days.0).clamp(0, span) * last + span / 2) / span;
    usize::try_from(at).unwrap_or(0)
}

/// The track of event `e`: a single date as one `●` (however many days it covers, a month,
/// a year), a date with an end as a bar from the one to the other.
fn track(scale: &Scale, e: &Event) -> String {
    let (first, last) = covers(e);
    if e.end.is_some() {
        marks(scale, first, last)
    } else {
        let middle = first + (last - first) / 2;
        marks(scale, middle, middle)
    }
}

/// A track with the days from `start` to `end` drawn on it.
fn marks(scale: &Scale, start: i64, end: i64) -> String {
    let (a, z) = (scale.cell(start), scale.cell(end));
    let mut cells = scale.empty();
    for (i, c) in cells.iter_mut().enumerate() {
        if i == a && i == z {
            *c = '●';
        } else if i >= a && i <= z {
            *c = '━';
        }
    }
    cells.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(days: (i64, i64), width: usize) -> Scale {
        Scale {
            first: days,
            second: None,
            split: width,
            width,
        }
    }

    #[test]
    fn tracks_are_proportional() {
        let s = whole((0, 100), 11);
        assert_eq!(marks(&s, 0, 0), "●··········");
        assert_eq!(marks(&s, 100, 100), "··········●");
        assert_eq!(marks(&s, 50, 70), "·····━━━···");
    }

    fn day(text: &str) -> i64 {
        PartialDate::parse(text).map_or(0, PartialDate::first_day)
    }

    fn event(date: &str) -> Event {
        Event {
            id: "e".into(),
            date: PartialDate::parse(date).unwrap_or_else(|_| unreachable!()),
            end: None,
            approximate: false,
            title: String::new(),
            actors: Vec::new(),
            evidence: None,
            note: None,
        }
    }

    /// Issue 13: a date of a month or a year, falling across a cell boundary, was drawn as a
    /// two-cell bar, like a range.
    #[test]
    fn a_single_date_is_one_mark() {
        for width in 9..40 {
            let days = [(day("2024-01-01"), day("2024-12-31"))];
            let s = Scale::new(&days, width, LABELLED);
            for date in ["2024-03", "2024-06", "2024-09", "2024"] {
                let t = track(&s, &event(date));
                assert_eq!(t.matches('●').count(), 1, "{date} at {width}: {t}");
                assert!(!t.contains('━'), "{date} at {width}: {t}");
            }
        }
    }

    /// Issue 13: the axis said `Jan … Dec` for dates from 1790 to 1934, and squeezed the events
    /// of 2024 into one cell beside one of 1949.
    #[test]
    fn the_axis_names_years_and_breaks_far_from_the_rest() {
        let days = [
            (day("1790-01-08"), day("1790-01-08")),
            (day("1934-01-03"), day("1934-01-03")),
        ];
        // Too close together for a break: the span is the events'.
        let mut spread: Vec<(i64, i64)> = (0..10)
            .map(|k| {
                let d = day(&format!("{}-06-01", 1790 + 16 * k));
                (d, d)
            })
            .collect();
        let s = Scale::new(&spread, 10, LABELLED);
        assert_eq!(s.second, None);
        assert_eq!(s.labels(), "1790  1934");
        let s = Scale::new(&spread, 20, LABELLED);
        assert_eq!(s.labels(), "Jun 1790    Jun 1934");
        spread.extend(days);
        assert_eq!(Scale::new(&spread, 10, LABELLED).second, None);
        // One event of 1949, the others from April 2024 to 2025: a break between them.
        let mut days = vec![(day("1949-04-04"), day("1949-04-04"))];
        for d in [
            "2024-04-10",
            "2024-07-09",
            "2024-11-05",
            "2025-01-20",
            "2025-06-24",
        ] {
            days.push((day(d), day(d)));
        }
        let s = Scale::new(&days, 20, LABELLED);
        assert!(s.second.is_some());
        let axis = s.labels();
        assert!(axis.starts_with("1949 ⋯ 2024"), "{axis:?}");
        assert!(axis.ends_with("2025"), "{axis:?}");
        // The events after the break are spread over the cells after it, not one cell.
        let cells: std::collections::HashSet<usize> =
            days[1..].iter().map(|d| s.cell(d.0)).collect();
        assert_eq!(cells.len(), 5, "{s:?}");
        assert!(cells.iter().all(|&c| c > s.split));
        assert_eq!(s.cell(days[0].0), 0);
        let t = marks(&s, days[0].0, days[0].0);
        assert_eq!(t.chars().nth(s.split), Some(BREAK), "{t}");
    }
}
