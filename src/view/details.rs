//! The Details pane: the selected actor or event, or the facts. Links are marked `→`;
//! each mention is a keyword-in-context line, drawn only when it is on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::pane;
use super::text::{clean, fit, fit_end, width};
use super::theme::Theme;
use crate::app::details::{Line as DetailLine, Subject, Tone};
use crate::app::{App, DetailsSearch, Pane};
use crate::inert::one_line;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let d = app.details();
    let extra = match d.subject {
        Subject::Actor(_) => "actor",
        Subject::Event(_) => "event",
        Subject::Facts => "facts",
        Subject::About => "about",
        Subject::Nothing => "",
    };
    let rows = usize::from(area.height.saturating_sub(2));
    let offset = app.details_state().offset.min(d.len().saturating_sub(1));
    let block = pane::block(app, Pane::Details, extra, theme);
    let block = pane::scrolled(block, offset, rows, d.len(), theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.is_empty() {
        return;
    }
    let w = usize::from(inner.width);
    let focused = app.focus() == Pane::Details;
    let buf = frame.buffer_mut();
    let state = app.details_state();
    let entry = d.entry(state.cursor);
    for (i, n) in (offset..d.len())
        .take(usize::from(inner.height))
        .enumerate()
    {
        let mut line = match d.line(n) {
            Some(l) => head_line(&l, w, app.details_search(), theme),
            None => match d.mention_at(n) {
                Some((k, part)) => {
                    mention_line(app, d.mentions[k] as usize, (part, d.per_mention), w, theme)
                }
                None => Line::default(),
            },
        };
        if entry.contains(&n) && focused {
            line = line.style(theme.row);
        }
        let y = inner.y + i as u16;
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), line.style);
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

/// A line of the head; what the Details' search (`/`) matches in its text highlighted.
fn head_line<'a>(
    l: &DetailLine,
    w: usize,
    search: Option<&DetailsSearch>,
    theme: &Theme,
) -> Line<'a> {
    let mut spans = Vec::new();
    if !l.label.is_empty() {
        spans.push(Span::styled(format!("{}  ", l.label), theme.dim));
    }
    if l.link.is_some() {
        spans.push(Span::styled(
            if l.continued { "  " } else { "→ " },
            theme.link,
        ));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let style = match (l.tone, l.link.is_some()) {
        (_, true) => theme.link,
        (Tone::Title, _) => theme.header,
        (Tone::Heading, _) => theme.heading,
        (Tone::Muted, _) => theme.dim,
        (Tone::Missing, _) => theme.missing,
        (Tone::Text, _) => theme.text,
    };
    let text = fit(&clean(&l.text), w.saturating_sub(used));
    let found = search.map_or_else(Vec::new, |s| s.occurrences(&text));
    let mut at = 0;
    for r in found {
        if let (Some(before), Some(it)) = (text.get(at..r.start), text.get(r.clone())) {
            spans.push(Span::styled(before.to_owned(), style));
            spans.push(Span::styled(it.to_owned(), style.patch(theme.matched)));
            at = r.end;
        }
    }
    spans.push(Span::styled(
        text.get(at..).unwrap_or_default().to_owned(),
        style,
    ));
    Line::from(spans)
}

/// Line `part` of mention `m`'s keyword in context, `→ L12 …context [mention] context…` laid
/// over `per` lines (more in a narrow pane, [`crate::app::details::mention_lines`]), the
/// mention centred in the room they give; the lines broken at a space where one is near.
fn mention_line<'a>(
    app: &App,
    m: usize,
    (part, per): (usize, usize),
    w: usize,
    theme: &Theme,
) -> Line<'a> {
    let b = app.briefing();
    let text = b.article.text();
    let mention = b.mentions.all()[m];
    let range = mention.span.range();
    let digits = b.article.line_count().to_string().len();
    let label = format!("→ L{:<digits$} ", b.article.line_of(range.start));
    let row = w.saturating_sub(width(&label)).max(1);
    let before = context(text, range.start.saturating_sub(480), range.start, true);
    let after = context(text, range.end, (range.end + 480).min(text.len()), false);
    let word = clean(&one_line(&text[range.clone()])).into_owned();
    // A few columns a line are kept for breaking at a space.
    let room = (row * per)
        .saturating_sub(width(&word) + 6 * (per - 1))
        .max(2);
    // Centred: half the room each side, the left taking what the right leaves (at the end of a
    // paragraph), the right what the left leaves.
    let after = clean(&after);
    let left = fit_end(
        &clean(&before),
        (room / 2).max(room.saturating_sub(width(&after))),
    );
    let right = fit(&after, room.saturating_sub(width(&left)));
    let kind = b.sheet.actors[mention.actor as usize].kind;
    let cursor = app.article_state().cursor == Some(m);
    let mut word_style = theme.mention(kind).patch(theme.followed);
    if cursor {
        word_style = word_style.patch(theme.cursor);
    }
    let cells: Vec<(char, bool)> = left
        .chars()
        .map(|c| (c, false))
        .chain(word.chars().map(|c| (c, true)))
        .chain(right.chars().map(|c| (c, false)))
        .collect();
    let rows = break_rows(&cells, row);
    let mut spans = vec![if part == 0 {
        Span::styled(label, theme.link)
    } else {
        Span::raw(" ".repeat(width(&label)))
    }];
    let mut run = String::new();
    let mut in_word = false;
    for &(c, is_word) in rows.get(part).copied().unwrap_or_default() {
        if is_word != in_word && !run.is_empty() {
            let style = if in_word { word_style } else { theme.dim };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        in_word = is_word;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if in_word { word_style } else { theme.dim },
        ));
    }
    Line::from(spans)
}

/// `cells` in rows of `row` columns at most, each broken after its last space when that is in
/// its last third (else where it is full), a row not beginning with the space it broke at.
fn break_rows(cells: &[(char, bool)], row: usize) -> Vec<&[(char, bool)]> {
    let mut rows = Vec::new();
    let mut rest = cells;
    while !rest.is_empty() {
        if let Some(((' ', _), tail)) = rest.split_first()
            && !rows.is_empty()
        {
            rest = tail;
            continue;
        }
        let mut cols = 0;
        let mut end = 0;
        for &(c, _) in rest {
            let cw = width(c.encode_utf8(&mut [0; 4]));
            if cols + cw > row {
                break;
            }
            cols += cw;
            end += 1;
        }
        let end = end.max(1);
        let cut = if end < rest.len() {
            rest[..end]
                .iter()
                .rposition(|&(c, _)| c == ' ')
                .filter(|&p| p + 1 > end - end / 3)
                .map_or(end, |p| p + 1)
        } else {
            end
        };
        rows.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    rows
}

/// Text around a mention within its paragraph, whitespace collapsed (leading space kept on
/// the left, trailing on the right, so the mention stays a separate word).
fn context(text: &str, from: usize, to: usize, left: bool) -> String {
    let (mut from, mut to) = (from, to);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let mut s = &text[from..to.max(from)];
    if left {
        if let Some(p) = s.rfind("\n\n").or_else(|| s.rfind("\r\n\r\n")) {
            s = &s[p..];
        }
    } else if let Some(p) = s.find("\n\n").or_else(|| s.find("\r\n\r\n")) {
        s = &s[..p];
    }
    let mut out = String::new();
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    if left {
        out.trim_start().to_owned()
    } else {
        out.trim_end().to_owned()
    }
}
