//! A pane's frame: its border, and a title that names it. Where panes share a place (medium
//! and narrow terminals), the title lists them all as tabs with the shown one highlighted.

use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType};

use super::theme::Theme;
use crate::app::keys::Context;
use crate::app::{Action, App, ListState, Pane};

/// How far down a scrolled text is, as `less` says it: `all` when it fits, else a percentage.
#[must_use]
pub fn position(top: usize, max_top: usize) -> String {
    match (top.min(max_top) * 100).checked_div(max_top) {
        Some(percent) => format!("{percent}%"),
        None => "all".to_owned(),
    }
}

/// The bordered block for `pane`, with `extra` (counts, sort, filter) in its bottom border.
#[must_use]
pub fn block<'a>(app: &App, pane: Pane, extra: &str, theme: &Theme) -> Block<'a> {
    let focused = app.focus() == pane;
    // Where the mouse finds them too (`App::tab_labels`): the other tabs are shortened when
    // the border is too narrow for all, so the shown one is never cut.
    let tabs = app.tab_labels(pane);
    let mut title = vec![Span::raw(" ")];
    if tabs.is_empty() {
        title.push(name(pane, focused, theme));
    } else {
        for (i, &(t, label)) in tabs.iter().enumerate() {
            if i > 0 {
                title.push(Span::styled(" │ ", theme.tab));
            }
            if t == pane {
                title.push(name(t, focused, theme));
            } else {
                title.push(Span::styled(label, theme.tab));
            }
        }
    }
    if app.geometry().zoomed {
        title.push(Span::styled(" · zoomed", theme.dim));
    }
    title.push(Span::raw(" "));
    let block = Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Line::from(title));
    // Counts, sort order and filter go in the bottom border, so that the names in the top
    // border are never cut.
    if extra.is_empty() {
        block
    } else {
        block.title_bottom(Line::styled(format!(" {extra} "), theme.dim).right_aligned())
    }
}

fn name(pane: Pane, focused: bool, theme: &Theme) -> Span<'static> {
    Span::styled(
        pane.name(),
        if focused {
            theme.title_focus
        } else {
            theme.title
        },
    )
}

/// `block` with how many rows of `len` are hidden above and below the `shown` rows from row
/// `first`, as `↑2 ↓3` at the left of its bottom border, when any are.
#[must_use]
pub fn scrolled<'a>(
    block: Block<'a>,
    first: usize,
    shown: usize,
    len: usize,
    theme: &Theme,
) -> Block<'a> {
    let Some(sign) = scroll_sign(first, shown, len) else {
        return block;
    };
    block.title_bottom(Line::styled(format!(" {sign} "), theme.dim).left_aligned())
}

/// `↑2 ↓3`: how many of `len` rows are hidden above and below the `shown` from row `first`;
/// `None` when none are.
fn scroll_sign(first: usize, shown: usize, len: usize) -> Option<String> {
    let above = first.min(len);
    let below = len.saturating_sub(first + shown);
    match (above, below) {
        (0, 0) => None,
        (a, 0) => Some(format!("↑{a}")),
        (0, b) => Some(format!("↓{b}")),
        (a, b) => Some(format!("↑{a} ↓{b}")),
    }
}

/// What of a list's bottom border `parts` (its counts and filter, then its sort) fits in a
/// border `width` columns wide beside the scroll sign ([`scrolled`]): the first part always,
/// cut with `…` when it must be, each next part only whole. Right-aligned, a part too long was
/// cut from the left: `3 · /prosecutor` for `1/3 · /prosecutor`.
#[must_use]
pub fn fit_extra(parts: &[String], width: u16, first: usize, shown: usize, len: usize) -> String {
    let sign = scroll_sign(first, shown, len).map_or(0, |s| super::text::width(&s) + 2);
    // The corners, the spaces around the parts, and a column between them and the sign.
    let room = usize::from(width).saturating_sub(4 + sign + 1);
    let Some((head, rest)) = parts.split_first() else {
        return String::new();
    };
    let mut out = super::text::fit(head, room);
    for part in rest {
        if super::text::width(&out) + 3 + super::text::width(part) > room {
            break;
        }
        out.push_str(" · ");
        out.push_str(part);
    }
    out
}

/// "12/29 · /filter": how many items a list shows, and its filter.
#[must_use]
pub fn list_extra(shown: usize, total: usize, filter: &str, editing: bool) -> String {
    let mut extra = if shown == total {
        total.to_string()
    } else {
        format!("{shown}/{total}")
    };
    if !filter.is_empty() || editing {
        extra.push_str(" · /");
        extra.push_str(&super::text::clean(filter));
    }
    extra
}

/// The key that clears `list`'s filter: the input's cancel while it is typed, else the panes'.
pub fn clear_key<'a>(app: &'a App, list: &ListState) -> &'a str {
    let context = if list.editing {
        Context::Input
    } else {
        Context::Panes
    };
    app.key(context, &Action::Cancel)
}
