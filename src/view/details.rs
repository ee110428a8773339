//! The Details pane: the selected actor or event, or the facts. Links are marked `→`;
//! each mention is a keyword-in-context line, drawn only when it is on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::pane;
use super::text::{clean, fit, fit_end, width};
use super::theme::Theme;
use crate::app::details::{Line as DetailLine, Subject, Tone};
use crate::app::{App, Pane};
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
        let mut line = match d.head.get(n) {
            Some(l) => head_line(l, w, theme),
            None => mention_line(app, d.mentions[n - d.head.len()] as usize, w, theme),
        };
        if entry.contains(&n) && focused {
            line = line.style(theme.row);
        }
        let y = inner.y + i as u16;
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), line.style);
        buf.set_line(inner.x, y, &line, inner.width);
    }
}

fn head_line<'a>(l: &DetailLine, w: usize, theme: &Theme) -> Line<'a> {
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
    spans.push(Span::styled(
        fit(&clean(&l.text), w.saturating_sub(used)),
        style,
    ));
    Line::from(spans)
}

/// `L12 …context [mention] context…`, the mention centred in what room there is.
fn mention_line<'a>(app: &App, m: usize, w: usize, theme: &Theme) -> Line<'a> {
    let b = app.briefing();
    let text = b.article.text();
    let mention = b.mentions.all()[m];
    let range = mention.span.range();
    let digits = b.article.line_count().to_string().len();
    let label = format!("→ L{:<digits$} ", b.article.line_of(range.start));
    let before = context(text, range.start.saturating_sub(160), range.start, true);
    let after = context(text, range.end, (range.end + 160).min(text.len()), false);
    let word = one_line(&text[range.clone()]);
    let room = w.saturating_sub(width(&label) + width(&word));
    let left_w = room / 2;
    let left = fit_end(&clean(&before), left_w);
    let right = fit(&clean(&after), room.saturating_sub(width(&left)));
    let kind = b.sheet.actors[mention.actor as usize].kind;
    let cursor = app.article_state().cursor == Some(m);
    let mut word_style = theme.mention(kind).patch(theme.followed);
    if cursor {
        word_style = word_style.patch(theme.cursor);
    }
    Line::from(vec![
        Span::styled(label, theme.link),
        Span::styled(left, theme.dim),
        Span::styled(word, word_style),
        Span::styled(right, theme.dim),
    ])
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
