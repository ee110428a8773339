//! The Actors pane: each actor's name, kind and mention count; followed actors are marked.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_truncate::UnicodeTruncateStr;

use super::pane;
use super::text::{clean, width};
use super::theme::{Theme, kind_short};
use crate::app::{App, Pane, Sort, actor_fields, first_match};
use crate::sheet::Actor;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let b = app.briefing();
    let visible = app.shown_actors();
    let list = app.actors_list();
    // A long sheet's preview has no actors yet: how many is not known.
    let counted = if b.sheet.actors.is_empty() && app.loading().preview() {
        "…".to_owned()
    } else {
        pane::list_extra(
            visible.len(),
            b.sheet.actors.len(),
            &list.filter,
            list.editing,
        )
    };
    let sort = match app.sort() {
        Sort::Mentions => "by mentions",
        Sort::Name => "by name",
    };
    let rows = usize::from(area.height.saturating_sub(2));
    let extra = pane::fit_extra(
        &[counted, sort.to_owned()],
        area.width,
        list.offset,
        rows,
        visible.len(),
    );
    let block = pane::block(app, Pane::Actors, &extra, theme);
    let block = pane::scrolled(block, list.offset, rows, visible.len(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    if visible.is_empty() {
        let msg = if b.sheet.actors.is_empty() && app.loading().preview() {
            // A long sheet's preview has only its `[briefing]` table.
            "Reading the fact sheet…".to_owned()
        } else if b.sheet.actors.is_empty() {
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
    let needle = list.filter.to_lowercase();
    let focused = app.focus() == Pane::Actors;
    let w = usize::from(inner.width);
    // The digits of the largest count (one number formatted, not one per actor).
    let count_w = b.mentions.most().to_string().len();
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
        let room = w.saturating_sub(fixed);
        let mention = theme.mention(a.kind);
        let label = label(a, &needle, room, theme);
        let pad = w.saturating_sub(fixed + spans_width(&label));
        let mark = if highlighted.contains(&n) {
            "● "
        } else {
            "  "
        };
        let mut spans = vec![Span::styled(mark, mention)];
        spans.extend(label);
        spans.extend([
            Span::raw(" ".repeat(pad + 1)),
            Span::styled(kind, theme.dim),
            Span::raw(" "),
            Span::raw(count),
        ]);
        let mut line = Line::from(spans);
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

/// `text` (from a file), made safe, in `base`, the bytes in `range` (what a filter matched)
/// in `base` patched with `matched`.
pub(super) fn marked(
    text: &str,
    range: Option<&Range<usize>>,
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let split = range.and_then(|r| {
        Some((
            text.get(..r.start)?,
            text.get(r.clone())?,
            text.get(r.end..)?,
        ))
    });
    let parts = match split {
        Some((before, it, after)) => vec![(before, base), (it, base.patch(matched)), (after, base)],
        None => vec![(text, base)],
    };
    parts
        .into_iter()
        .filter(|(t, _)| !t.is_empty())
        .map(|(t, style)| Span::styled(clean(t).into_owned(), style))
        .collect()
}

/// The columns `spans` take.
pub(super) fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|s| width(&s.content)).sum()
}

/// `spans` cut to `room` columns, with `…` (in the style of the span cut) where they were cut.
pub(super) fn fit_spans(spans: Vec<Span<'static>>, room: usize) -> Vec<Span<'static>> {
    if spans_width(&spans) <= room {
        return spans;
    }
    let Some(mut left) = room.checked_sub(1) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for s in spans {
        let w = width(&s.content);
        if w <= left {
            left -= w;
            out.push(s);
        } else {
            let cut = s.content.unicode_truncate(left).0;
            out.push(Span::styled(format!("{cut}…"), s.style));
            break;
        }
    }
    out
}

/// A field's `text` in `room` columns around what the filter matched in it (`range`): the
/// match whole (when it fits), centred in what is left of the text before and after it, with
/// `…` for what is left out at either end; the text shown and where the match is in it.
pub(super) fn around(
    text: &str,
    range: Option<&Range<usize>>,
    room: usize,
) -> (String, Option<Range<usize>>) {
    let Some(r) = range.filter(|r| text.get((*r).clone()).is_some()) else {
        return (text.to_owned(), range.cloned());
    };
    if width(text) <= room {
        return (text.to_owned(), Some(r.clone()));
    }
    let (head, it, tail) = (&text[..r.start], &text[r.clone()], &text[r.end..]);
    // Two columns for the marks; the head takes half of the rest, or what the tail leaves.
    let free = room.saturating_sub(width(it) + 2);
    let before = (free / 2)
        .max(free.saturating_sub(width(tail)))
        .min(width(head));
    let head_cut = head.unicode_truncate_start(before).0;
    let tail_cut = tail
        .unicode_truncate(free.saturating_sub(width(head_cut)))
        .0;
    // The marks of what is left out; a match with no room for both keeps the one before it,
    // then none.
    let cut_before = head_cut.len() < head.len();
    let cut_after = tail_cut.len() < tail.len();
    let mark_before = cut_before && width(it) < room;
    let mark_after = cut_after && width(it) + usize::from(mark_before) < room;
    let start_mark = if mark_before { "…" } else { "" };
    let end_mark = if mark_after { "…" } else { "" };
    let start = start_mark.len() + head_cut.len();
    (
        format!("{start_mark}{head_cut}{it}{tail_cut}{end_mark}"),
        Some(start..start + it.len()),
    )
}

/// The columns of an actor's name a filter's field row keeps before it drops the field's name.
const NAME_KEPT: usize = 8;

/// An actor's name in `room` columns, with what the filter (`needle`, lowercase) matched in it
/// highlighted, or, when another field matched, that field after it.
fn label(a: &Actor, needle: &str, room: usize, theme: &Theme) -> Vec<Span<'static>> {
    let mention = theme.mention(a.kind);
    let found = first_match(needle, &actor_fields(a));
    let mut label = match &found {
        Some(m) if m.field == "name" => {
            marked(&a.name, m.range.as_ref(), mention, theme.filter_match)
        }
        _ => marked(&a.name, None, mention, theme.filter_match),
    };
    // Another field matched: which one and what it says, after the name, the name taking
    // no more than half the room it would leave.
    // The name gives way first to the match (with its marks), then down to three columns.
    if let Some(m) = found.filter(|m| m.field != "name") {
        let matched = m
            .range
            .as_ref()
            .and_then(|r| m.text.get(r.clone()))
            .map_or(0, width);
        let name_room = |prefix: usize| {
            room.saturating_sub(prefix + width(m.text))
                .max(room / 2)
                .min(room.saturating_sub(prefix + matched + 1))
                .max(3)
        };
        // One space after a name cut short, two after a whole one. The field's name (`role: `)
        // goes first when the name would keep less than [`NAME_KEPT`] columns for it: at 80
        // columns "Vo… role: interviewed" said what matched but not who.
        let name_w = spans_width(&label);
        let labelled = name_room(m.field.len() + 4) >= name_w.min(NAME_KEPT);
        let whole = name_room(if labelled { m.field.len() + 4 } else { 2 }) >= name_w;
        let gap = if whole { "  " } else { " " };
        let what = if labelled {
            format!("{gap}{}: ", m.field)
        } else {
            gap.to_owned()
        };
        let mut what = vec![Span::styled(what, theme.dim)];
        let prefix = spans_width(&what);
        let name_room = name_room(prefix);
        label = fit_spans(label, name_room);
        let left = room.saturating_sub(spans_width(&label));
        let (text, range) = around(m.text, m.range.as_ref(), left.saturating_sub(prefix));
        what.extend(marked(&text, range.as_ref(), theme.dim, theme.filter_match));
        label.extend(fit_spans(what, left));
    }
    fit_spans(label, room)
}
