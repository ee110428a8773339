//! The Timeline pane: events in date order, dates at their precision, the followed actors'
//! events marked, and a proportional time axis: each event is placed on a track spanning the
//! first to the last date, so the gaps between events show at a glance.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::pane;
use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::{App, Pane, Target, TimelineColumns};
use crate::date::{PartialDate, month_label};
use crate::sheet::Event;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let b = app.briefing();
    let events = &b.sheet.events;
    let visible = app.visible_events();
    let list = app.events_list();
    let extra = pane::list_extra(visible.len(), events.len(), &list.filter, list.editing);
    let c = app.timeline_columns();
    let columns = Columns {
        c,
        days: span_of_days(app),
    };
    // The entries on screen, each with its title's rows; the first row inside is the time
    // axis. A title wraps: the last entry may be cut at the bottom, never the selected one.
    let rows = usize::from(area.height.saturating_sub(3));
    let mut entries: Vec<(usize, Vec<String>)> = Vec::new();
    let (mut used, mut whole) = (0, 0);
    for &n in visible.iter().skip(list.offset) {
        if used >= rows {
            break;
        }
        let titles = c.title_rows(&events[n].title, width(&events[n].when()));
        used += titles.len();
        if used <= rows {
            whole += 1;
        }
        entries.push((n, titles));
    }
    let block = pane::block(app, Pane::Timeline, &extra, theme);
    let block = pane::scrolled(block, list.offset, whole, visible.len(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    if visible.is_empty() {
        let msg = if events.is_empty() {
            "The fact sheet has no events".to_owned()
        } else {
            format!(
                "No event matches the filter ({} clears it)",
                pane::clear_key(app, list)
            )
        };
        frame.render_widget(Line::styled(msg, theme.dim), inner);
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
    let marked: Vec<usize> = match app.followed().target() {
        Target::Actor(a) => b.events_of(a).collect(),
        Target::Event(e) => vec![e],
        Target::None => Vec::new(),
    };
    let focused = app.focus() == Pane::Timeline;
    let lines = entries.iter().flat_map(|(n, titles)| {
        titles.iter().enumerate().map(|(k, title)| {
            let mut line = if k == 0 {
                row(&events[*n], title, marked.contains(n), &columns, theme)
            } else {
                Line::from(vec![
                    Span::raw(" ".repeat(c.indent(width(&events[*n].when())))),
                    Span::raw(clean(title).into_owned()),
                ])
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

/// Column widths shared by every row, and the days the track spans.
struct Columns {
    c: TimelineColumns,
    days: (i64, i64),
}

/// The first row: the months at the two ends of the track.
fn axis<'a>(c: &Columns, ruler: Ruler, theme: &Theme) -> Line<'a> {
    if c.c.track == 0 {
        return ruler_line(c, ruler, theme);
    }
    let (mut from, mut to) = (month_label(c.days.0), month_label(c.days.1));
    if from.len() + to.len() + 1 > c.c.track {
        // "Jun 2024 … Nov 2024" does not fit: the months alone, or nothing.
        from.truncate(3);
        to.truncate(3);
        if from.len() + to.len() + 1 > c.c.track {
            return Line::raw("");
        }
    }
    let gap = c.c.track - from.len() - to.len();
    Line::from(vec![
        Span::raw(" ".repeat(2 + c.c.date + 1)),
        Span::styled(format!("{from}{}{to}", " ".repeat(gap)), theme.dim),
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
    let from = month_label(c.days.0)[..3].to_owned();
    let to = month_label(c.days.1)[..3].to_owned();
    let w = r.width.saturating_sub(from.len() + to.len() + 2);
    if w < 4 {
        return Line::raw("");
    }
    let mut cells: Vec<char> = vec!['·'; w];
    let mut chosen = None;
    for (n, e) in r.events.iter().enumerate() {
        let end = e.end.map_or(e.date.last_day(), PartialDate::last_day);
        let drawn = track(e.date.first_day(), end, c.days, w);
        for (i, ch) in drawn.chars().enumerate() {
            if ch != '·' {
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
        } else {
            theme.link
        };
        spans.push(Span::styled(ch.to_string(), style));
    }
    spans.push(Span::styled(format!(" {to}"), theme.dim));
    Line::from(spans)
}

fn row<'a>(e: &Event, title: &str, marked: bool, c: &Columns, theme: &Theme) -> Line<'a> {
    let date = e.when();
    let mut spans = vec![
        Span::styled(if marked { "● " } else { "  " }, theme.heading),
        Span::raw(format!("{date:<width$} ", width = c.c.date)),
    ];
    if c.c.track > 0 {
        let end = e.end.map_or(e.date.last_day(), PartialDate::last_day);
        spans.push(Span::styled(
            track(e.date.first_day(), end, c.days, c.c.track),
            theme.link,
        ));
        spans.push(Span::raw(" "));
    }
    let room = c.c.width.saturating_sub(c.c.before(width(&date)));
    spans.push(Span::raw(fit(&clean(title), room)));
    Line::from(spans)
}

/// The first and last day the events cover.
fn span_of_days(app: &App) -> (i64, i64) {
    let events = &app.briefing().sheet.events;
    let first = events.iter().map(|e| e.date.first_day()).min().unwrap_or(0);
    let last = events
        .iter()
        .map(|e| e.end.map_or(e.date.last_day(), PartialDate::last_day))
        .max()
        .unwrap_or(first);
    (first, last.max(first))
}

/// A track of `w` cells spanning `days`, with the event's days drawn on it.
fn track(start: i64, end: i64, days: (i64, i64), w: usize) -> String {
    let span = (days.1 - days.0).max(1);
    let last = i64::try_from(w.saturating_sub(1)).unwrap_or(0);
    let cell = |day: i64| -> i64 { ((day - days.0) * last + span / 2) / span };
    let (a, z) = (cell(start).clamp(0, last), cell(end).clamp(0, last));
    (0..=last)
        .map(|i| match i {
            i if i == a && i == z => '●',
            i if i >= a && i <= z => '━',
            _ => '·',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_are_proportional() {
        assert_eq!(track(0, 0, (0, 100), 11), "●··········");
        assert_eq!(track(100, 100, (0, 100), 11), "··········●");
        assert_eq!(track(50, 70, (0, 100), 11), "·····━━━···");
    }
}
