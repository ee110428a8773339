//! The export dialog over the panes: its format, CSV table and file name, and what went wrong
//! or what the export being written is doing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::text::clean;
use super::theme::Theme;
use crate::app::keys::Context;
use crate::app::{Action, App, ExportDialog, geometry};
use crate::export::{Format, Table};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    if let Some(dialog) = app.export_dialog() {
        export(
            app,
            dialog,
            app.export_status().as_deref(),
            frame,
            area,
            theme,
        );
    }
}

fn export(
    app: &App,
    d: &ExportDialog,
    writing: Option<&str>,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let width = geometry::dialog_width(area);
    // Six rows of fields, and as many as the message takes wrapped (three at least), in borders.
    let message = d.problem.as_deref().or(writing).map(clean);
    let message_rows = message.as_deref().map_or(0, |m| {
        textwrap::wrap(m, usize::from(width.saturating_sub(2)).max(1)).len()
    });
    let height = u16::try_from(8 + message_rows.max(3)).unwrap_or(u16::MAX);
    let rect = geometry::dialog(area, height);
    frame.render_widget(Clear, rect);
    let key = |action| app.key(Context::Dialog, &action);
    let cancel = format!("{} cancel", key(Action::Cancel));
    let keys = if writing.is_some() {
        format!(" {cancel} ")
    } else {
        format!(
            " {} format · {}{} table · {} write · {cancel} ",
            key(Action::NextOption),
            key(Action::Up),
            key(Action::Down),
            key(Action::Submit),
        )
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::styled(" Export ", theme.title_focus))
        .title_bottom(Line::styled(keys, theme.dim));
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
        for t in Table::ALL {
            let label = format!(" {t} ");
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
        Line::from(file_field(d, file_w, theme)),
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

/// The file name with its cursor: a block after the text when the cursor is at the end, else
/// the character under it reversed, the text around it cut so that the cursor stays in view.
fn file_field<'a>(d: &ExportDialog, width: usize, theme: &Theme) -> Vec<Span<'a>> {
    use super::text::{fit, fit_end, width as cells};
    let label = Span::styled("File    ", theme.dim);
    let (before, after) = d.file.split_at(d.file.cursor());
    let before = clean(before);
    let Some(under) = after.chars().next() else {
        return vec![
            label,
            Span::raw(fit_end(&before, width)),
            Span::styled("█", theme.key),
        ];
    };
    let under_text = clean(&under.to_string()).into_owned();
    let rest = clean(&after[under.len_utf8()..]);
    let room = width.saturating_sub(cells(&under_text));
    // The text after the cursor shows what room the text before it leaves, at least half.
    let left = cells(&before).min(room.saturating_sub(cells(&rest).min(room / 2)));
    vec![
        label,
        Span::raw(fit_end(&before, left)),
        Span::styled(
            under_text,
            theme.key.add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        Span::raw(fit(&rest, room - left)),
    ]
}
