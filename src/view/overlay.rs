//! Windows over the panes: the help (generated from the key table), the fact sheet's
//! warnings, the errors of a failed reload, and the export dialog.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::overlay_text::{Look, centered, window};
use crate::app::{App, ExportDialog};
use crate::export::{Format, Table};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    if let Some(dialog) = app.export_dialog() {
        export(dialog, frame, area, theme);
        return;
    }
    let (Some(overlay), Some((title, rows))) = (app.overlay(), app.overlay_rows()) else {
        return;
    };
    let scroll = overlay.scroll();
    let rect = window(area);
    frame.render_widget(Clear, rect);
    let at = super::pane::position(scroll, app.overlay_max_scroll());
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.title_focus))
        .title_bottom(Line::styled(" j/k scroll · Esc close ", theme.dim))
        .title_bottom(Line::styled(format!(" {at} "), theme.dim).right_aligned());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // The rows are wrapped to this width already: the app counts them to clamp the scroll.
    let lines: Vec<Line> = rows
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .map(|row| {
            let style = match row.look {
                Look::Plain => ratatui::style::Style::default(),
                Look::Dim => theme.dim,
                Look::Heading => theme.heading,
                Look::Error => theme.error,
            };
            match &row.key {
                Some(key) => Line::from(vec![
                    Span::styled(key.as_str(), theme.key),
                    Span::styled(row.text.as_str(), style),
                ]),
                None => Line::styled(row.text.as_str(), style),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn export(d: &ExportDialog, frame: &mut Frame, area: Rect, theme: &Theme) {
    let rect = centered(area, 70, 0);
    let rect = Rect::new(
        rect.x,
        area.y + area.height.saturating_sub(11) / 2,
        rect.width,
        11.min(area.height),
    );
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::styled(" Export ", theme.title_focus))
        .title_bottom(Line::styled(
            " Tab format · ↑↓ table · Enter write · Esc cancel ",
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
        Line::styled(
            "Atomic write; never over the fact sheet or article.",
            theme.dim,
        ),
        match &d.problem {
            Some(p) => Line::styled(fit(&clean(p), usize::from(inner.width)), theme.error),
            None => Line::raw(""),
        },
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
