//! Windows over the panes: the help (generated from the key table), the fact sheet's
//! warnings, the errors of a failed reload, and the export dialog.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::keys::Context;
use crate::app::{App, ExportDialog, Overlay};
use crate::export::{Format, Table};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    if let Some(dialog) = app.export_dialog() {
        export(dialog, frame, area, theme);
        return;
    }
    let (title, lines, scroll) = match app.overlay() {
        None => return,
        Some(Overlay::Help { scroll }) => {
            let inner_w = usize::from(centered(area, 90, 80).width.saturating_sub(2));
            (" Keys ", help(app, inner_w, theme), *scroll)
        }
        Some(Overlay::Warnings { scroll }) => {
            let w = app.warnings();
            let mut lines: Vec<Line> = w
                .iter()
                .map(|d| Line::raw(clean(&d.to_string()).into_owned()))
                .collect();
            if lines.is_empty() {
                lines.push(Line::styled("The fact sheet has no warnings.", theme.dim));
            }
            (" Warnings ", lines, *scroll)
        }
        Some(Overlay::ReloadErrors {
            diagnostics,
            scroll,
        }) => {
            let mut lines = vec![
                Line::styled(
                    "The fact sheet on disk has errors; the previous version stays open.",
                    theme.error,
                ),
                Line::raw(""),
            ];
            lines.extend(
                diagnostics
                    .iter()
                    .map(|d| Line::raw(clean(&d.to_string()).into_owned())),
            );
            (" Reload failed ", lines, *scroll)
        }
    };
    let rect = centered(area, 90, 80);
    let inner_h = usize::from(rect.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(inner_h));
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.title_focus))
        .title_bottom(Line::styled(" j/k scroll · Esc close ", theme.dim));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0)),
        rect,
    );
}

/// The help: every binding of the key table, grouped by context, the descriptions wrapped
/// with a hanging indent to `width` columns.
fn help<'a>(app: &App, width: usize, theme: &Theme) -> Vec<Line<'a>> {
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
    let bindings = app.keys().bindings();
    let key_w = bindings
        .iter()
        .map(|b| super::text::width(&b.labels.join(" ")))
        .max()
        .unwrap_or(8)
        .min(24);
    let text_w = width.saturating_sub(key_w + 4).max(12);
    let mut lines = Vec::new();
    for part in textwrap::wrap(
        "Mouse: click a pane, a row or a mention to select and follow it; the wheel scrolls.",
        width.max(12),
    ) {
        lines.push(Line::styled(part.into_owned(), theme.dim));
    }
    for context in order {
        lines.push(Line::raw(""));
        lines.push(Line::styled(context.title(), theme.heading));
        for b in bindings.iter().filter(|b| b.context == context) {
            let keys = b.labels.join(" ");
            for (i, part) in textwrap::wrap(&b.help, text_w).into_iter().enumerate() {
                let key = if i == 0 { keys.as_str() } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {key:<key_w$}  "), theme.key),
                    Span::raw(part.into_owned()),
                ]));
            }
        }
    }
    lines
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

/// A rectangle of `pw`% × `ph`% of `area`, centred (at least 3 rows and 20 columns).
fn centered(area: Rect, pw: u16, ph: u16) -> Rect {
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
