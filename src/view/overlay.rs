//! Windows over the panes: the help (generated from the key table), the fact sheet's
//! warnings, the errors of a failed reload, and the export dialog.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::text::{clean, width};
use super::theme::Theme;
use crate::app::overlay_text::{Look, centered, window};
use crate::app::window_find::{Hit, searched};
use crate::app::{App, ExportDialog};
use crate::export::{Format, Table};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    if let Some(dialog) = app.export_dialog() {
        export(dialog, app.export_status().as_deref(), frame, area, theme);
        return;
    }
    let (Some(overlay), Some((title, rows))) = (app.overlay(), app.overlay_rows()) else {
        return;
    };
    let scroll = overlay.scroll();
    let rect = window(area);
    frame.render_widget(Clear, rect);
    let at = format!(
        " {} ",
        super::pane::position(scroll, app.overlay_max_scroll())
    );
    // The longest reminder of the keys that fits beside the position, inside the corners.
    let room = usize::from(rect.width).saturating_sub(width(&at) + 4);
    let keys = [
        " j/k scroll · / search · Esc close ",
        " / search · Esc close ",
        " Esc close ",
    ]
    .into_iter()
    .find(|k| width(k) <= room)
    .unwrap_or("");
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.title_focus))
        .title_bottom(Line::styled(keys, theme.dim))
        .title_bottom(Line::styled(at, theme.dim).right_aligned());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // The rows are wrapped to this width already: the app counts them to clamp the scroll.
    let hits = app.overlay_hits();
    let current = app.window_find().and_then(|f| f.current);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(scroll)
        .take(usize::from(inner.height))
        .map(|(n, row)| {
            let style = match row.look {
                Look::Plain => Style::default(),
                Look::Dim => theme.dim,
                Look::Heading => theme.heading,
                Look::Error => theme.error,
            };
            let (key, text) = searched(row);
            let marks = marks(hits, n, current, theme);
            let line = Line::from(highlighted(&[(key, theme.key), (text, style)], &marks));
            if row.key.is_none() {
                line.style(style)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The matches on row `row`, as byte ranges of its key and text with their style: the shown
/// match, all of it, stands out from the others.
fn marks(
    hits: &[Hit],
    row: usize,
    current: Option<usize>,
    theme: &Theme,
) -> Vec<(usize, usize, Style)> {
    // The match a piece belongs to: the last piece that begins one, at or before it.
    let first = hits.partition_point(|h| h.row < row);
    let mut owner = hits[..first].iter().rposition(|h| h.begins);
    let mut out = Vec::new();
    for (i, h) in hits.iter().enumerate().skip(first) {
        if h.row != row {
            break;
        }
        if h.begins {
            owner = Some(i);
        }
        let style = if owner.is_some() && owner == current {
            theme.found_current
        } else {
            theme.found
        };
        out.push((h.start, h.end, style));
    }
    out
}

/// Spans for `parts` (text with its style, one after another), with the byte ranges of
/// `marks`, counted over all the parts, patched with their style.
fn highlighted<'a>(parts: &[(&'a str, Style)], marks: &[(usize, usize, Style)]) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut base = 0;
    for &(text, style) in parts {
        let mut at = 0;
        for &(from, to, mark) in marks {
            let (a, b) = (
                from.saturating_sub(base).min(text.len()),
                to.saturating_sub(base).min(text.len()),
            );
            if a >= b || a < at {
                continue;
            }
            if let (Some(before), Some(inside)) = (text.get(at..a), text.get(a..b)) {
                if !before.is_empty() {
                    spans.push(Span::styled(before, style));
                }
                spans.push(Span::styled(inside, style.patch(mark)));
                at = b;
            }
        }
        if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
            spans.push(Span::styled(rest, style));
        }
        base += text.len();
    }
    spans
}

fn export(d: &ExportDialog, writing: Option<&str>, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rect = centered(area, 70, 0);
    // Six rows of fields, and as many as the message takes wrapped (three at least), in borders.
    let message = d.problem.as_deref().or(writing).map(clean);
    let message_rows = message.as_deref().map_or(0, |m| {
        textwrap::wrap(m, usize::from(rect.width.saturating_sub(2)).max(1)).len()
    });
    let height = (8 + message_rows.max(3)).min(usize::from(area.height)) as u16;
    let rect = Rect::new(
        rect.x,
        area.y + area.height.saturating_sub(height) / 2,
        rect.width,
        height,
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::styled(" Export ", theme.title_focus))
        .title_bottom(Line::styled(
            if writing.is_some() {
                " Esc cancel "
            } else {
                " Tab format · ↑↓ table · Enter write · Esc cancel "
            },
            theme.dim,
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut formats = vec![Span::styled("Format  ", theme.dim)];
    for f in Format::ALL {
        let label = format!(" {f} ");
        formats.push(if f == d.format {
            Span::styled(label, theme.row)
        } else {
            Span::raw(label)
        });
    }
    let mut tables = vec![Span::styled("Table   ", theme.dim)];
    if d.format == Format::Csv {
        for t in [Table::Actors, Table::Mentions, Table::Events, Table::Facts] {
            let label = format!(" {} ", format!("{t:?}").to_lowercase());
            tables.push(if t == d.table {
                Span::styled(label, theme.row)
            } else {
                Span::raw(label)
            });
        }
    } else {
        tables.push(Span::styled(" everything (tables are for CSV)", theme.dim));
    }
    let file_w = usize::from(inner.width).saturating_sub(10);
    let lines = vec![
        Line::from(formats),
        Line::from(tables),
        Line::raw(""),
        Line::from(vec![
            Span::styled("File    ", theme.dim),
            Span::raw(super::text::fit_end(&clean(&d.file), file_w)),
            Span::styled("█", theme.key),
        ]),
        Line::raw(""),
        Line::styled("Never over the fact sheet or its article.", theme.dim),
    ];
    let above = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), inner);
    // What went wrong, or what it is doing, wrapped over the rows left: the part of such a
    // message worth reading is often at its end ("… once a reader opens it").
    let Some(text) = message else {
        return;
    };
    let style = if d.problem.is_some() {
        theme.error
    } else {
        theme.heading
    };
    let rows = Rect {
        y: inner.y + above.min(inner.height),
        height: inner.height.saturating_sub(above),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(Line::styled(text.into_owned(), style))
            .wrap(ratatui::widgets::Wrap { trim: true }),
        rows,
    );
}
