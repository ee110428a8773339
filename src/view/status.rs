//! The status bar: the focused pane, where the reader is (`mention 3/14 · Douglas Jones`,
//! `match 2/5 · "summit"`), a message when there is one, and the keys that matter here. A
//! message is never cut at its end: too long for the bar, it is wrapped on the rows the
//! geometry gives it above the bar (a path in it shortened in the middle when even they are
//! too few).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{clean, fit, fit_end, width};
use super::theme::Theme;
use crate::app::keys::Context;
use crate::app::window::search;
use crate::app::{Action, App, Cursor, Lead, Message, NO_MATCH, Pane, Target, geometry};
use crate::inert::one_line;
use crate::plural::count;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    if area.height == 0 {
        return;
    }
    let bar = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let message = match app.message() {
        Some(m) if area.height > 1 => {
            let above = Rect {
                height: area.height - 1,
                ..area
            };
            wrapped(m, frame, above, theme);
            None
        }
        other => other,
    };
    line(app, message, frame, bar, theme);
}

/// A message too long for the bar, wrapped on the rows of `area`, one column in from each side;
/// when it needs more rows, its longest path is shortened in the middle (else the message
/// itself), never at its end.
fn wrapped(m: &Message, frame: &mut Frame, area: Rect, theme: &Theme) {
    let room = usize::from(area.width.saturating_sub(2)).max(1);
    let rows = usize::from(area.height);
    let lines = fit_rows(&clean(&one_line(&m.text)), room, rows);
    let style = if m.error { theme.error } else { theme.heading };
    for (i, row) in lines.iter().take(rows).enumerate() {
        let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
        frame.render_widget(
            Line::styled(format!(" {row}"), style),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
    }
}

/// `text` wrapped in `rows` rows of `room` columns at most: when it takes more, its longest
/// path (else the text) is shortened in the middle, never at its end.
pub(super) fn fit_rows(text: &str, room: usize, rows: usize) -> Vec<String> {
    let mut text = text.to_owned();
    loop {
        let lines = textwrap::wrap(&text, geometry::message_wrap(room));
        let over = (lines.len().saturating_sub(rows) * room).max(2);
        if lines.len() <= rows || width(&text) <= 2 {
            return lines
                .into_iter()
                .map(std::borrow::Cow::into_owned)
                .collect();
        }
        text = shorten(&text, over);
    }
}

/// `text` about `by` columns shorter: its longest path (a word with a `/`) cut in the middle
/// when it has one long enough, else the text itself.
fn shorten(text: &str, by: usize) -> String {
    let path = text
        .split(' ')
        .filter(|w| w.contains('/'))
        .max_by_key(|w| width(w))
        .filter(|w| width(w) > by + 4);
    match path {
        Some(p) => text.replacen(p, &middle(p, width(p) - by), 1),
        None => middle(text, width(text).saturating_sub(by).max(1)),
    }
}

/// `text` in `cells` columns, its middle replaced by `…`.
fn middle(text: &str, cells: usize) -> String {
    let keep = cells.saturating_sub(1);
    let head = fit_start(text, keep - keep / 2);
    let tail = fit_end(text, keep / 2 + 1);
    let tail = tail.strip_prefix('…').unwrap_or(&tail);
    format!("{head}…{tail}")
}

/// The first `cells` columns of `text`, cut without a mark.
fn fit_start(text: &str, cells: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if width(&out) + width(&c.to_string()) > cells {
            break;
        }
        out.push(c);
    }
    out
}

/// The bar: the focused pane, where the reader is, and the message when it fits beside them
/// (the position cut for it) or the keys that matter here.
fn line(app: &App, message: Option<&Message>, frame: &mut Frame, area: Rect, theme: &Theme) {
    let total = usize::from(area.width);
    let mut spans = vec![
        Span::styled(format!(" {} ", app.focus().name()), theme.status_pane),
        Span::raw(" "),
    ];
    if let Some(prompt) = prompt(app) {
        // A message (a paste cut short) comes first; the field shows its end, where the
        // cursor is, in the room left.
        if let Some(m) = message {
            let room = total.saturating_sub(2 * width(&spans[0].content) + 3);
            spans.push(Span::styled(
                fit(&clean(&m.text), room),
                if m.error { theme.error } else { theme.heading },
            ));
            spans.push(Span::raw(" · "));
        }
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        spans.push(Span::styled(
            fit_end(&prompt, total.saturating_sub(used + 1)),
            theme.text,
        ));
        spans.push(Span::styled("█", theme.key));
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let note = input_note(app);
        spans.push(Span::styled(
            fit(&note, total.saturating_sub(used)),
            theme.dim,
        ));
        frame.render_widget(Line::from(spans), area);
        return;
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    if let Some(m) = message {
        // A message takes the room of the hints but help and quit (the way to every key and
        // the way out stay), and of the position when it needs it: it matters more, once.
        let kept = hints(app, app.kept_hints_width(), theme);
        let kept_w: usize = kept.iter().map(|s| width(&s.content)).sum();
        // Two columns always stand between the message and the hints, as between the position
        // and the hints below ("…wrapped to the bottom? help" read as a question).
        let total = total.saturating_sub(kept_w + 2);
        let text = clean(&m.text);
        let position = position(app);
        // A search's complaint of no match says what the position would: it stands alone.
        let position = if m.text.starts_with(NO_MATCH) && position.starts_with(NO_MATCH_AT) {
            String::new()
        } else {
            position
        };
        let sep = if position.is_empty() { "" } else { " · " };
        let at = fit(&position, total.saturating_sub(used + 3 + width(&text)));
        let room = total.saturating_sub(used + width(sep) + width(&at));
        let at_w = width(&at);
        spans.push(Span::styled(at, theme.status));
        spans.push(Span::raw(sep));
        let text = fit(&text, room);
        let pad = total.saturating_sub(used + width(sep) + at_w + width(&text));
        spans.push(Span::styled(
            text,
            if m.error { theme.error } else { theme.heading },
        ));
        spans.push(Span::raw(" ".repeat(pad + 2)));
        spans.extend(kept);
    } else {
        // A long position (an evidence's sentence) is cut with an ellipsis where help and quit
        // would no longer fit: they stay, as beside a message.
        let kept_w: usize = (hints(app, app.kept_hints_width(), theme).iter())
            .map(|s| width(&s.content))
            .sum();
        let at = fit(&position(app), total.saturating_sub(used + kept_w + 2));
        spans.push(Span::styled(at, theme.status));
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let hints = hints(app, total.saturating_sub(used + 2), theme);
        let hints_w: usize = hints.iter().map(|s| width(&s.content)).sum();
        spans.push(Span::raw(" ".repeat(total.saturating_sub(used + hints_w))));
        spans.extend(hints);
    }
    frame.render_widget(Line::from(spans), area);
}

/// The open input field, if any.
fn prompt(app: &App) -> Option<String> {
    if let Some(s) = app.window_search_typed() {
        return Some(format!("/{}", clean(&s.query)));
    }
    let s = app.search();
    if s.editing {
        return Some(format!("/{}", clean(&s.query)));
    }
    if let Some(d) = app.details_search().filter(|d| d.editing) {
        return Some(format!("/{}", clean(&d.query)));
    }
    let (list, what) = if app.actors_list().editing {
        (app.actors_list(), "actors")
    } else if app.events_list().editing {
        (app.events_list(), "events")
    } else {
        return None;
    };
    Some(format!("Filter {what}: {}", clean(&list.filter)))
}

fn input_note(app: &App) -> String {
    let keep = format!("{} keep", app.key(Context::Input, &Action::Submit));
    let cancel = app.key(Context::Input, &Action::Cancel);
    let s = app.search();
    let typing = app.window_search_typed();
    let details = app.details_search().filter(|d| d.editing);
    if typing.is_some() || s.editing || details.is_some() {
        let (query, matched) = match (typing, details) {
            (Some(w), _) => (&w.query, search::count(w.matches())),
            (None, Some(d)) => (&d.query, app.details_matches().len()),
            (None, None) => (&s.query, s.matches.len()),
        };
        // The article's search may still be finding its matches (another thread, for a long
        // article): none found yet is not "no match".
        let searching = typing.is_none() && details.is_none() && s.searching();
        return match (query.is_empty(), matched) {
            (true, _) => format!("  type to search · {keep} · {cancel} cancel"),
            (false, _) if searching => format!("  searching… · {cancel} cancel"),
            (false, 0) => format!("  no match · {cancel} cancel"),
            (false, 1) => format!("  1 match · {keep}"),
            (false, n) => format!("  {n} matches · {keep}"),
        };
    }
    let shown = if app.actors_list().editing {
        app.shown_actors().len()
    } else {
        app.shown_events().len()
    };
    format!("  {shown} shown · {keep} · {cancel} clear")
}

/// Where the reader is, for the focused pane.
#[must_use]
pub fn position(app: &App) -> String {
    if let Some(w) = app.window_search().filter(|w| !w.query.is_empty()) {
        let matches = w.matches();
        let at = w.current.map(|c| search::ordinal(matches, c));
        return search_position(&w.query, at, search::count(matches));
    }
    // A selection is what `a`, `E` and `y` act on, over a search's match: named first.
    if let Some(selected) = selected(app).filter(|_| app.focus() == Pane::Article) {
        return with_unclaimed(app, selected);
    }
    let s = app.search();
    // The search names its match while it leads (see `App::cursor`); else the mention does.
    if s.active() && s.searching() {
        return with_unclaimed(app, format!("searching… · \"{}\"", clean(&s.query)));
    }
    if s.active() && (s.current.is_some() || s.matches.is_empty()) {
        let at = search_position(&s.query, s.current.map(|c| c + 1), s.matches.len());
        return with_unclaimed(app, at);
    }
    let at = match app.focus() {
        Pane::Article => unclaimed_position(app)
            .or_else(|| lead(app, None))
            .unwrap_or_else(|| line_position(app)),
        // Followed from a list, the article's cursor too: n and N walk it from there.
        // A long sheet's preview has no actors or events yet: how many is not known.
        Pane::Actors | Pane::Timeline
            if app.loading().preview()
                && app.briefing().sheet.actors.is_empty()
                && app.briefing().sheet.events.is_empty() =>
        {
            "reading the fact sheet…".to_owned()
        }
        Pane::Actors => {
            let v = app.shown_actors();
            let at = app.actors_list().position(&v).map_or(0, |p| p + 1);
            format!("actor {at}/{}{}", v.len(), in_list(app, Pane::Actors))
        }
        Pane::Timeline => {
            let v = app.shown_events();
            let at = app.events_list().position(&v).map_or(0, |p| p + 1);
            format!("event {at}/{}{}", v.len(), in_list(app, Pane::Timeline))
        }
        Pane::Details if app.details_search().is_some_and(|d| !d.query.is_empty()) => {
            let q = app.details_search().map_or("", |d| d.query.as_str());
            let matches = app.details_matches();
            let at = app.details().entry(app.details_state().cursor).start;
            // The matches are in order: found by halves, not one by one (100,000 of them).
            let at = matches.binary_search(&at).ok().map(|p| p + 1);
            search_position(q, at, matches.len())
        }
        Pane::Details => {
            let d = app.details();
            format!(
                "line {}/{}",
                (app.details_state().cursor + 1).min(d.len()),
                d.len()
            )
        }
    };
    with_unclaimed(app, at)
}

/// `at`, then how many unclaimed names there are (or that they are being found) while `u`
/// shows them: whatever else the status bar names, a selection or a search's match included.
fn with_unclaimed(app: &App, at: String) -> String {
    match app.unclaimed() {
        Some(u) if u.pending => format!("{at} · finding unclaimed names…"),
        Some(u) => format!("{at} · {}", count(u.count(), "unclaimed name")),
        None => at,
    }
}

/// `selected: "Liaison Office" · 2 words`, while there is a selection.
fn selected(app: &App) -> Option<String> {
    let range = app.selection()?.range();
    let text = app.briefing().article.text();
    let words = crate::app::word_count(text, range.clone());
    Some(format!(
        "selected: \"{}\" · {}",
        clean(&one_line(&text[range])),
        count(words, "word")
    ))
}

/// `unclaimed name "Liaison Office" · a adds it`, while the cursor stands on one (the key
/// left out while none is bound to adding).
fn unclaimed_position(app: &App) -> Option<String> {
    let Some(Cursor::Unclaimed(i)) = app.cursor() else {
        return None;
    };
    let place = app.unclaimed()?.places().get(i)?;
    let name = app.briefing().article.text().get(place.range.clone())?;
    let mut text = format!("unclaimed name \"{}\"", clean(&one_line(name)));
    if let Some(key) = app.keys().key_for(Context::Article, &Action::Add) {
        text.push_str(" · ");
        text.push_str(key);
        text.push_str(" adds it");
    }
    Some(text)
}

/// `match 2/5 · "summit"`: match `at` (from 1) of `total`, for the article's search and a
/// window's.
/// How a search position says it matched nothing: `no match · "x"`.
const NO_MATCH_AT: &str = "no match";

fn search_position(query: &str, at: Option<usize>, total: usize) -> String {
    let q = clean(query);
    match (at, total) {
        (_, 0) => format!("{NO_MATCH_AT} · \"{q}\""),
        (Some(at), n) => format!("match {at}/{n} · \"{q}\""),
        (None, n) => format!("{n} matches · \"{q}\""),
    }
}

/// What was followed last: the quote (`evidence · NATO summit in Washington · line 1`) or the
/// mention the article's cursor is on (`mention 3/14 · Douglas Jones`). In a list, `row` is
/// the list's selected row, which the text does not name again.
fn lead(app: &App, row: Option<Target>) -> Option<String> {
    if app.lead() == Lead::Quote
        && let Some(quote) = app.followed().quote()
    {
        return Some(evidence_position(app, quote, row));
    }
    mention_position(app, row)
}

/// ` · mention 1/2` or ` · evidence · line 5` after a list's position, when there is a lead.
fn in_list(app: &App, pane: Pane) -> String {
    let row = match pane {
        Pane::Actors => app.actors_list().selected.map(Target::Actor),
        _ => app.events_list().selected.map(Target::Event),
    };
    lead(app, row).map_or_else(String::new, |l| format!(" · {l}"))
}

/// `evidence · NATO summit in Washington · line 1`: the quote followed last, named by the event
/// or the fact that quotes it (the followed event's first), and its line.
fn evidence_position(app: &App, quote: crate::span::Span, row: Option<Target>) -> String {
    let b = app.briefing();
    let quotes = |e: usize| b.event_evidence.get(e).copied().flatten().map(|q| q.span);
    let followed_event = match app.followed().target() {
        Target::Event(e) if quotes(e) == Some(quote) => Some(e),
        _ => None,
    };
    let event =
        followed_event.or_else(|| (0..b.sheet.events.len()).find(|&e| quotes(e) == Some(quote)));
    let name = match event {
        Some(e) if row == Some(Target::Event(e)) => None,
        Some(e) => Some(clean(&b.sheet.events[e].title).into_owned()),
        None => b
            .fact_evidence
            .iter()
            .position(|q| q.map(|q| q.span) == Some(quote))
            .map(|f| clean(&b.sheet.facts[f].label).into_owned()),
    };
    let line = b.article.line_of(quote.start as usize);
    match name {
        Some(name) => format!("evidence · {name} · line {line}"),
        None => format!("evidence · line {line}"),
    }
}

/// `mention 3/14 · Douglas Jones`: the cursor among the mentions of what is followed, when it
/// is on one of them (with the followed event's title), else among its own actor's mentions:
/// never among every mention.
fn mention_position(app: &App, row: Option<Target>) -> Option<String> {
    let b = app.briefing();
    let m = app.article_state().cursor?;
    let actor = b.mentions.all().get(m)?.actor as usize;
    let followed = app.highlighted_actors();
    let of_followed = followed.contains(&actor);
    let actors = if of_followed {
        followed
    } else {
        std::collections::HashSet::from([actor])
    };
    let (mut at, mut total) = (0, 0);
    for &a in &actors {
        let list = b.mentions.of_actor(a);
        at += list.partition_point(|&i| (i as usize) <= m);
        total += list.len();
    }
    let mut text = format!("mention {at}/{total}");
    if row != Some(Target::Actor(actor)) {
        text.push_str(" · ");
        text.push_str(&clean(&b.sheet.actors[actor].name));
    }
    if let Target::Event(e) = app.followed().target()
        && of_followed
        && row != Some(Target::Event(e))
        && let Some(ev) = b.sheet.events.get(e)
    {
        text.push_str(" · event: ");
        text.push_str(&clean(&ev.title));
    }
    Some(text)
}

fn line_position(app: &App) -> String {
    let st = app.article_state();
    // Estimates (blocks not yet counted) are said with `~`.
    let (top, total) = (st.top_number(), st.layout.total());
    // Over the preview (the article's first part) the rows of the whole are not known yet.
    if app.loading().preview() {
        return format!("row {}/…", top.rows + 1);
    }
    let rows = total.rows;
    let mark = |exact: bool| if exact { "" } else { "~" };
    format!(
        "row {}{}/{}{rows}",
        mark(top.exact),
        (top.rows + 1).min(rows),
        mark(total.exact)
    )
}

/// As many hints as fit in `room` columns, most specific first. Help and quit are kept
/// longest: when the bar is narrow the other hints go first, so that the way to every key and
/// the way out stay on screen.
fn hints<'a>(app: &App, room: usize, theme: &Theme) -> Vec<Span<'a>> {
    let mut contexts = app.key_contexts();
    if app.window().is_some() || app.export_dialog().is_some() || app.editing() {
        // Only the window's own keys work there.
        contexts.truncate(1);
    }
    let shown: Vec<_> = app
        .keys()
        .hints(&contexts)
        .into_iter()
        // While an export is written, or a change checked, Esc (cancel it, stop waiting) is
        // the one key the dialog takes.
        .filter(|b| !(app.exporting() || app.committing()) || b.action == Action::Cancel)
        .filter_map(|b| Some((b.labels.first()?, b.hint.as_ref()?, &b.action)))
        .collect();
    let last_dropped = |i: &usize| matches!(shown[*i].2, Action::Help | Action::Quit);
    // Room is given first to help and quit, then to the others in order while they fit.
    let (mut order, rest): (Vec<usize>, Vec<usize>) = (0..shown.len()).partition(last_dropped);
    order.extend(rest);
    let mut keep = vec![false; shown.len()];
    let mut used = 0;
    for i in order {
        let (key, hint, _) = shown[i];
        let w = width(key) + width(hint) + 3;
        if used + w > room {
            break;
        }
        used += w;
        keep[i] = true;
    }
    let mut spans = Vec::new();
    for (&(key, hint, _), _) in shown.iter().zip(keep).filter(|(_, k)| *k) {
        spans.push(Span::styled(key.clone(), theme.key));
        spans.push(Span::styled(format!(" {hint}  "), theme.dim));
    }
    spans
}
