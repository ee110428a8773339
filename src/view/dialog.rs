//! The export dialog over the panes: its format, CSV table and file name, and what went wrong
//! or what the export being written is doing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::text::clean;
use super::theme::Theme;
use crate::app::keys::Context;
use crate::app::{Action, App, ExportDialog, TextField, geometry};
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
    let message = d.problem.as_deref().or(writing).map(clean);
    let message_rows = message.as_deref().map_or(0, |m| {
        textwrap::wrap(
            m,
            geometry::message_wrap(usize::from(width.saturating_sub(2))),
        )
        .len()
    });
    let inner_width = usize::from(width.saturating_sub(2));
    let mut lines = fields(d, inner_width, false, theme);
    // A message the screen has no room for beside every field takes the rows of the blank
    // lines and the notes: it says what to do.
    if 2 + lines.len() + message_rows > usize::from(area.height) {
        lines = fields(d, inner_width, true, theme);
    }
    // The fields, and as many rows as the message takes wrapped (three at least), in borders.
    let height = u16::try_from(2 + lines.len() + message_rows.max(3)).unwrap_or(u16::MAX);
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
    // Too long for the rows the terminal leaves, its path is shortened in the middle.
    let lines: Vec<Line> = super::status::fit_rows(
        &text,
        usize::from(rows.width).max(1),
        usize::from(rows.height),
    )
    .into_iter()
    .map(|l| Line::styled(l, style))
    .collect();
    frame.render_widget(Paragraph::new(lines), rows);
}

/// The dialog's fields for `width` columns: the formats and the CSV tables flowed onto as
/// many rows as they take (at 40 columns every format is on screen), the file name, and the
/// note, wrapped; `compact`, without the blank lines, the note and why there is one table.
fn fields<'a>(d: &ExportDialog, width: usize, compact: bool, theme: &Theme) -> Vec<Line<'a>> {
    let choice = |label: String, chosen: bool| {
        if chosen {
            Span::styled(label, theme.row)
        } else {
            Span::raw(label)
        }
    };
    let formats = Format::ALL
        .iter()
        .map(|&f| choice(format!(" {f} "), f == d.format))
        .collect();
    let tables = if d.format == Format::Csv {
        Table::ALL
            .iter()
            .map(|&t| choice(format!(" {t} "), t == d.table))
            .collect()
    } else {
        let text = if compact {
            " everything"
        } else {
            " everything (tables are for CSV)"
        };
        text.split_inclusive(' ')
            .map(|w| Span::styled(w.to_owned(), theme.dim))
            .collect()
    };
    let mut lines = flow(Span::styled("Format  ", theme.dim), formats, width);
    lines.extend(flow(Span::styled("Table   ", theme.dim), tables, width));
    if !compact {
        lines.push(Line::raw(""));
    }
    lines.push(Line::from(file_field(d, width.saturating_sub(10), theme)));
    if compact {
        return lines;
    }
    lines.push(Line::raw(""));
    for row in textwrap::wrap("Never over the fact sheet or its article.", width.max(1)) {
        lines.push(Line::styled(row.into_owned(), theme.dim));
    }
    lines
}

/// `label` and `items` after it, onto as many rows of `width` columns as they take, each row
/// after the first indented as far as the label.
pub(super) fn flow<'a>(label: Span<'a>, items: Vec<Span<'a>>, width: usize) -> Vec<Line<'a>> {
    use super::text::width as cells;
    let indent = cells(&label.content);
    let mut lines = Vec::new();
    let mut row = vec![label];
    let mut used = indent;
    for item in items {
        let w = cells(item.content.trim_end());
        if used + w > width && row.len() > 1 {
            lines.push(Line::from(std::mem::take(&mut row)));
            row.push(Span::raw(" ".repeat(indent)));
            used = indent;
        }
        used += cells(&item.content);
        row.push(item);
    }
    lines.push(Line::from(row));
    lines
}

/// The file name with its cursor.
fn file_field<'a>(d: &ExportDialog, width: usize, theme: &Theme) -> Vec<Span<'a>> {
    field(
        Span::styled("File    ", theme.dim),
        &d.file,
        width,
        true,
        theme,
    )
}

/// A text field after its label: with the focus, its cursor is a block after the text when at
/// the end, else the character under it reversed, the text around it cut so that the cursor
/// stays in view; without, the text as far as it fits.
pub(super) fn field<'a>(
    label: Span<'a>,
    text: &TextField,
    width: usize,
    focused: bool,
    theme: &Theme,
) -> Vec<Span<'a>> {
    use super::text::{fit, fit_end, width as cells};
    if !focused {
        return vec![label, Span::raw(fit(&clean(text.as_str()), width))];
    }
    let (before, after) = text.split_at(text.cursor());
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
