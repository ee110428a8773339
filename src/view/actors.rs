//! The Actors pane: each actor's name, kind and mention count; followed actors are marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::pane;
use super::text::{clean, fit, width};
use super::theme::{Theme, kind_short};
use crate::app::{App, Pane, Sort};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let b = app.briefing();
    let visible = app.visible_actors();
    let list = app.actors_list();
    let extra = format!(
        "{} · by {}",
        pane::list_extra(
            visible.len(),
            b.sheet.actors.len(),
            &list.filter,
            list.editing
        ),
        match app.sort() {
            Sort::Mentions => "mentions",
            Sort::Name => "name",
        }
    );
    let rows = usize::from(area.height.saturating_sub(2));
    let block = pane::block(app, Pane::Actors, &extra, theme);
    let block = pane::scrolled(block, list.offset, rows, visible.len(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    if visible.is_empty() {
        let msg = if b.sheet.actors.is_empty() {
            "The fact sheet has no actors".to_owned()
        } else {
            format!(
                "No actor matches the filter ({} clears it)",
                pane::clear_key(app, list)
            )
        };
        frame.render_widget(Line::styled(msg, theme.dim), inner);
        return;
    }
    let highlighted = app.highlighted_actors();
    let focused = app.focus() == Pane::Actors;
    let w = usize::from(inner.width);
    let count_w = b
        .sheet
        .actors
        .iter()
        .enumerate()
        .map(|(n, _)| b.mentions.count(n).to_string().len())
        .max()
        .unwrap_or(1);
    let buf = frame.buffer_mut();
    for (i, &n) in visible
        .iter()
        .skip(list.offset)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let a = &b.sheet.actors[n];
        let kind = if w >= 24 { kind_short(a.kind) } else { "" };
        let count = format!("{:>count_w$}", b.mentions.count(n));
        let fixed = 2 + kind.len() + 1 + count.len() + 1;
        let name = fit(&clean(&a.name), w.saturating_sub(fixed));
        let pad = w.saturating_sub(fixed + width(&name));
        let mark = if highlighted.contains(&n) {
            "● "
        } else {
            "  "
        };
        let mut line = Line::from(vec![
            Span::styled(mark, theme.mention(a.kind)),
            Span::styled(name, theme.mention(a.kind)),
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(kind, theme.dim),
            Span::raw(" "),
            Span::raw(count),
        ]);
        if list.selected == Some(n) {
            line = line.style(if focused {
                theme.row
            } else {
                theme.row_unfocused
            });
        }
        let y = inner.y + i as u16;
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), line.style);
        buf.set_line(inner.x, y, &line, inner.width);
    }
}
