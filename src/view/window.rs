//! The window over the panes: the help (generated from the key table), the fact sheet's
//! warnings or the errors of a failed reload, its search's matches marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::text::width;
use super::theme::Theme;
use crate::app::geometry;
use crate::app::keys::Context;
use crate::app::window::Kind;
use crate::app::window::rows::Look;
use crate::app::window::search::{Match, searched};
use crate::app::{Action, App};

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(window) = app.window() else {
        return;
    };
    let (title, rows, scroll) = (window.title(), window.rows(), window.scroll());
    let rect = geometry::window(area);
    frame.render_widget(Clear, rect);
    let at = format!(" {} ", super::pane::position(scroll, window.max_scroll()));
    // The longest reminder of the keys that fits beside the position, inside the corners.
    let room = usize::from(rect.width).saturating_sub(width(&at) + 4);
    let key = |action| app.key(Context::Window, &action);
    let mut close = format!("{} close", key(Action::Cancel));
    if matches!(window.kind(), Kind::Warnings) {
        // Enter goes to a warning's actor, event, fact or line: said, as the other keys are.
        close = format!("{} go to · {close}", key(Action::Follow));
    }
    let search = format!("{} search · {close}", key(Action::Search));
    // In the warnings, j and k move the cursor; elsewhere they scroll.
    let walk = format!(
        "{}/{} {} · {search}",
        key(Action::Down),
        key(Action::Up),
        if matches!(window.kind(), Kind::Warnings) {
            "move"
        } else {
            "scroll"
        }
    );
    let keys = [walk, search, close]
        .into_iter()
        .map(|k| format!(" {k} "))
        .find(|k| width(k) <= room)
        .unwrap_or_default();
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.title_focus))
        .title_bottom(Line::styled(keys, theme.dim))
        .title_bottom(Line::styled(at, theme.dim).right_aligned());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    // The rows are wrapped to this width already: the app counts them to clamp the scroll.
    let matches = window.matches();
    let current = window.search().and_then(|s| s.current);
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
            let marks = marks(matches, n, current, theme);
            let line = Line::from(highlighted(&[(key, theme.key), (text, style)], &marks));
            if row.key.is_none() {
                line.style(style)
            } else {
                line
            }
        })
        .collect();
    // The warning under the cursor, all its rows and their whole width, as a list's selected
    // row: drawn first, so that the text and its matches are drawn over its background.
    if let Some(c) = window.cursor_rows() {
        let shown = scroll..scroll + usize::from(inner.height);
        for n in c.filter(|n| shown.contains(n)) {
            let y = inner.y + u16::try_from(n - scroll).unwrap_or(0);
            frame
                .buffer_mut()
                .set_style(Rect::new(inner.x, y, inner.width, 1), theme.row);
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The matches on row `row`, as byte ranges of its key and text with their style: the shown
/// match, all of it, stands out from the others.
fn marks(
    matches: &[Match],
    row: usize,
    current: Option<usize>,
    theme: &Theme,
) -> Vec<(usize, usize, Style)> {
    // The match a piece belongs to: the last piece that begins one, at or before it.
    let first = matches.partition_point(|h| h.row < row);
    let mut owner = matches[..first].iter().rposition(|h| h.begins);
    let mut out = Vec::new();
    for (i, h) in matches.iter().enumerate().skip(first) {
        if h.row != row {
            break;
        }
        if h.begins {
            owner = Some(i);
        }
        let style = if owner.is_some() && owner == current {
            theme.match_current
        } else {
            theme.matched
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
