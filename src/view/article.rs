//! The article pane: only the rows on screen are drawn, each styled from the mention index
//! (mentions by actor kind, the followed actors' mentions, the cursor), the unclaimed names
//! while shown, the highlighted evidence, the search matches and the selection. The right border is a scrollbar whose marks show where the
//! followed actors' mentions fall in the whole text.

use std::collections::HashSet;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::pane;
use super::text::Marks;
use super::theme::Theme;
use crate::app::{App, Cursor, Pane};
use crate::inert::{is_unsafe, placeholder};
use crate::wrap::Row;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let st = app.article_state();
    let rows = st.screen_rows();
    let bytes = by_bytes(app, &rows);
    let percent = if app.loading().preview() {
        // The preview is the article's first part: how far through the whole is not known.
        "…".to_owned()
    } else if let Some(bytes) = &bytes {
        // As less says it: how much of the text lies above the screen's bottom; all of it
        // once the last row is on screen.
        let article = &app.briefing().article;
        let last = st
            .layout
            .last(article)
            .and_then(|at| st.layout.stored_row(at));
        if last.is_some() && last == rows.last().copied() {
            "100%".to_owned()
        } else {
            format!(
                "{}%",
                (bytes.end * 100 / article.text().len().max(1)).min(99)
            )
        }
    } else {
        pane::position(st.top, st.max_top())
    };
    let extra = if app.shows_omitted() {
        format!("{percent} · omitted shown")
    } else {
        percent
    };
    let block = pane::block(app, Pane::Article, &extra, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let highlighted = app.highlighted_actors();
    let buf = frame.buffer_mut();
    for (i, &row) in rows.iter().take(usize::from(inner.height)).enumerate() {
        let line = row_line(app, row, &highlighted, theme);
        buf.set_line(inner.x, inner.y + i as u16, &line, inner.width);
    }
    scrollbar(app, frame, area, bytes, &highlighted, theme);
}

/// One row of text, split into spans of equal style.
fn row_line<'a>(app: &App, row: Row, highlighted: &HashSet<usize>, theme: &Theme) -> Line<'a> {
    let b = app.briefing();
    let text = b.article.text();
    let range = row.span.range();
    let mentions = b.mentions.all();
    let mut mi = mentions.partition_point(|m| (m.span.end as usize) <= range.start);
    let matches = &app.search().matches;
    let mut si = matches.partition_point(|m| m.range().end <= range.start);
    let current_match = app.search().current;
    // One cursor: the mention's (or unclaimed name's) only while no search's match is the
    // cursor.
    let (cursor, on_unclaimed) = match app.cursor() {
        Some(Cursor::Mention(m)) => (Some(m), None),
        Some(Cursor::Unclaimed(u)) => (None, Some(u)),
        _ => (None, None),
    };
    let places = app.unclaimed().map_or(&[][..], |u| u.places());
    let mut ui = places.partition_point(|p| p.range.end <= range.start);
    let selected = app.selection().map(crate::app::Selection::range);
    let quote = app.followed().quote();
    let base = if row.omitted {
        theme.omitted
    } else {
        theme.text
    };

    let mut spans = Vec::new();
    let mut buf = String::new();
    let mut style = base;
    let mut marks = Marks::default();
    for (off, c) in text[range.clone()].char_indices() {
        if marks.too_many(c) {
            continue;
        }
        let pos = range.start + off;
        let mut s = base;
        if quote.is_some_and(|q| q.contains(pos)) {
            s = s.patch(theme.evidence);
        }
        while mi < mentions.len() && (mentions[mi].span.end as usize) <= pos {
            mi += 1;
        }
        if let Some(m) = mentions.get(mi).filter(|m| (m.span.start as usize) <= pos) {
            let actor = m.actor as usize;
            s = s.patch(theme.mention(b.sheet.actors[actor].kind));
            if highlighted.contains(&actor) {
                s = s.patch(theme.followed);
            }
            if cursor == Some(mi) {
                s = s.patch(theme.cursor);
            }
        }
        while ui < places.len() && places[ui].range.end <= pos {
            ui += 1;
        }
        if places.get(ui).is_some_and(|p| p.range.start <= pos) {
            s = s.patch(theme.unclaimed);
            if on_unclaimed == Some(ui) {
                s = s.patch(theme.cursor);
            }
        }
        while si < matches.len() && matches[si].range().end <= pos {
            si += 1;
        }
        if matches.get(si).is_some_and(|m| m.range().start <= pos) {
            s = s.patch(if current_match == Some(si) {
                theme.match_current
            } else {
                theme.matched
            });
        }
        if selected.as_ref().is_some_and(|r| r.contains(&pos)) {
            s = s.patch(theme.selection);
        }
        if is_unsafe(c) {
            s = s.patch(theme.placeholder);
        }
        if s != style && !buf.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut buf), style));
        }
        style = s;
        if is_unsafe(c) {
            buf.push_str(&placeholder(c));
        } else if c.is_whitespace() {
            buf.push(' ');
        } else {
            buf.push(c);
        }
    }
    if !buf.is_empty() {
        spans.push(Span::styled(buf, style));
    }
    Line::from(spans)
}

/// For a long article (one not wrapped whole at once: see [`crate::wrap::SMALL`]), the bytes
/// of `rows`, the rows on screen. Its percentage and scrollbar go by bytes, as less's percentage does: exact from
/// the first frame, while its row numbers are still estimates, and never moved by counting
/// rows (by rows, the share shown could move back as blocks were counted). A short article's
/// go by rows.
fn by_bytes(app: &App, rows: &[Row]) -> Option<std::ops::Range<usize>> {
    if app.briefing().article.text().len() <= crate::wrap::SMALL {
        return None;
    }
    let start = rows.first().map_or(0, |r| r.span.start as usize);
    let end = rows.last().map_or(start, |r| r.span.end as usize);
    Some(start..end)
}

/// Draws the scrollbar in the right border: the thumb shows the rows on screen, a mark shows
/// a cell of the track that holds a mention of a followed actor (in the thumb, on the thumb's
/// colour). A long article's track stands for its bytes (`bytes`, those on screen: see
/// [`by_bytes`]), a short one's for its rows.
fn scrollbar(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    bytes: Option<std::ops::Range<usize>>,
    highlighted: &HashSet<usize>,
    theme: &Theme,
) {
    if area.width < 2 || area.height < 3 {
        return;
    }
    let st = app.article_state();
    let total = st.layout.total().rows.max(1);
    let track = usize::from(area.height - 2);
    let x = area.right() - 1;
    let b = app.briefing();
    let lists: Vec<&[u32]> = highlighted
        .iter()
        .map(|&a| b.mentions.of_actor(a))
        .collect();
    let mentions = b.mentions.all();
    // Whether a followed actor has a mention starting in bytes `from..to`.
    let marked = |from: usize, to: usize| {
        lists.iter().any(|l| {
            let i = l.partition_point(|&m| (mentions[m as usize].span.start as usize) < from);
            l.get(i)
                .is_some_and(|&m| (mentions[m as usize].span.start as usize) < to)
        })
    };
    let buf = frame.buffer_mut();
    if let Some(shown) = bytes {
        let len = b.article.text().len();
        for cell in 0..track {
            let (from, to) = (cell * len / track, (cell + 1) * len / track);
            let marked = marked(from, to);
            let in_view = to > shown.start && from < shown.end.max(shown.start + 1);
            draw_cell(buf, x, area.y + 1 + cell as u16, marked, in_view, theme);
        }
        return;
    }
    // A text shorter than the track is drawn row for row; a longer one is scaled to fit.
    let scaled = total > track;
    let cells: Vec<(usize, usize)> = (0..track)
        .map(|cell| {
            if scaled {
                let first = cell * total / track;
                (first, ((cell + 1) * total / track).max(first + 1))
            } else {
                (st.top + cell, st.top + cell + 1)
            }
        })
        .collect();
    // Where each cell's rows start in the text (one pass over the blocks for them all).
    let mut numbers: Vec<usize> = cells.iter().flat_map(|&(f, l)| [f, l]).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let starts = st.layout.starts_of(&numbers);
    let start = |n: usize| numbers.binary_search(&n).map_or(usize::MAX, |i| starts[i]);
    for (cell, &(first, last)) in cells.iter().enumerate() {
        let y = area.y + 1 + cell as u16;
        let marked = marked(start(first), start(last));
        let in_view = scaled && last > st.top && first < st.top + st.height;
        draw_cell(buf, x, y, marked, in_view, theme);
    }
}

/// One cell of the scrollbar. A mark in the thumb is drawn on the thumb's colour: the thumb
/// stays whole, so where you are shows even when every cell holds a mark.
fn draw_cell(
    buf: &mut ratatui::buffer::Buffer,
    x: u16,
    y: u16,
    marked: bool,
    in_view: bool,
    theme: &Theme,
) {
    let (symbol, style): (&str, Style) = match (marked, in_view) {
        (true, true) => ("◆", theme.scroll_mark_thumb),
        (true, false) => ("◆", theme.scroll_mark),
        (false, true) => ("█", theme.scroll_thumb),
        (false, false) => return,
    };
    if let Some(c) = buf.cell_mut((x, y)) {
        c.set_symbol(symbol).set_style(style);
    }
}
