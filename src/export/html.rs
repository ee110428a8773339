//! HTML: one self-contained page for people who will never open a terminal. No network and no
//! other file (the style and the small script are inline, a content security policy forbids
//! loading anything), and everything readable with JavaScript off: the title and metadata, the
//! summary, the timeline and the facts (each linked to its evidence in the article), the
//! article with every mention a link to its actor's card and every quote marked, and a card
//! per actor listing its mentions as links back into the text.
//!
//! Every string from the fact sheet or the article goes through [`escape`]; every `id` and
//! fragment is built from our own slugs ([`slug`]), never from raw input; only `http:` and
//! `https:` addresses become links.

mod escape;
mod style;
mod text;

use std::fmt::Write as _;

use crate::briefing::Briefing;
use crate::evidence::Quote;
use crate::plural::count;
use crate::sheet::ActorKind;
use crate::sheet::parse::is_id;
use crate::span::Span;
use escape::{attribute, link_target, text as esc};
use text::QuoteMark;

/// How many of an actor's mentions its card lists before folding the rest away.
const LISTED: usize = 12;

/// Words of context on each side of a mention listed on a card.
const CONTEXT_WORDS: usize = 6;

/// The script: `n`/`N` follow an actor's mentions. No `</` in it, so it cannot end its element.
const SCRIPT: &str = include_str!("html/follow.js");

#[must_use]
pub fn render(b: &Briefing) -> String {
    let s = &b.sheet;
    let anchors: Vec<String> = (s.actors.iter().enumerate())
        .map(|(n, a)| slug("actor", &a.id, n))
        .collect();
    let events: Vec<String> = (s.events.iter().enumerate())
        .map(|(n, e)| slug("event", &e.id, n))
        .collect();
    // Facts by their id (written, or made from the label), as actors and events are.
    let facts: Vec<String> = (s.facts.iter().enumerate())
        .map(|(n, f)| slug("fact", &f.id, n))
        .collect();
    let mut out = String::with_capacity(b.article.text().len() * 2 + 32 * 1024);
    let title = esc(&s.briefing.title);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"generator\" content=\"briefing\">\n",
    );
    // The title element holds text only: placeholders without their span.
    let _ = writeln!(out, "<title>{}</title>", attribute(&s.briefing.title));
    let _ = writeln!(out, "<style>\n{}</style>\n</head>\n<body>", style::style());
    header(b, &title, &mut out);
    nav(b, &mut out);
    out.push_str("<main>\n");
    summary(b, &mut out);
    timeline(b, &anchors, &events, &mut out);
    fact_section(b, &anchors, &facts, &mut out);
    article(b, &anchors, &events, &facts, &mut out);
    actors(b, &anchors, &mut out);
    out.push_str("</main>\n<footer><p>Written by <code>briefing export --format html</code> from the fact sheet and its article");
    let _ = write!(out, " (<code>{}</code>)", esc(&s.briefing.article));
    out.push_str(
        ". Mentions link to their actor\u{2019}s card, \u{2191} to what a quote is the \
         evidence of.</p></footer>\n",
    );
    let _ = write!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// An `id` from an actor's or event's id, which is made of lowercase letters, digits and `-`
/// once the fact sheet is checked; one that is not (never, in a loaded briefing) is numbered
/// instead, with `_`, which no id has.
fn slug(prefix: &str, id: &str, n: usize) -> String {
    if is_id(id) {
        format!("{prefix}-{id}")
    } else {
        format!("{prefix}_{}", n + 1)
    }
}

fn header(b: &Briefing, title: &str, out: &mut String) {
    let s = &b.sheet;
    let _ = writeln!(out, "<header>\n<h1>{title}</h1>\n<dl class=\"meta\">");
    if let Some(source) = &s.briefing.source {
        let _ = writeln!(out, "<dt>Source</dt><dd>{}</dd>", esc(source));
    }
    if let Some(url) = &s.briefing.url {
        match link_target(url) {
            Some(href) => {
                let _ = writeln!(
                    out,
                    "<dt>Address</dt><dd><a href=\"{}\" rel=\"noreferrer noopener\">{}</a></dd>",
                    attribute(href),
                    esc(href)
                );
            }
            None => {
                let _ = writeln!(out, "<dt>Address</dt><dd>{}</dd>", esc(url));
            }
        }
    }
    if let Some(date) = s.briefing.published {
        let _ = writeln!(
            out,
            "<dt>Published</dt><dd><time datetime=\"{date}\">{date}</time></dd>"
        );
    }
    let _ = writeln!(
        out,
        "<dt>Contents</dt><dd>{}, {}, {}, {}</dd>\n</dl>\n</header>",
        count(s.actors.len(), "actor"),
        count(s.events.len(), "event"),
        count(s.facts.len(), "fact"),
        count(b.mentions.all().len(), "mention")
    );
}

fn nav(b: &Briefing, out: &mut String) {
    let s = &b.sheet;
    out.push_str("<nav class=\"toc\" aria-label=\"Contents\">");
    let parts = [
        (s.briefing.summary.is_some(), "summary", "Summary"),
        (!s.events.is_empty(), "timeline", "Timeline"),
        (!s.facts.is_empty(), "facts", "Facts"),
        (true, "article", "Article"),
        (!s.actors.is_empty(), "actors", "Actors"),
    ];
    for (_, id, label) in parts.iter().filter(|p| p.0) {
        let _ = write!(out, "<a href=\"#{id}\">{label}</a>");
    }
    out.push_str("</nav>\n");
}

fn summary(b: &Briefing, out: &mut String) {
    let Some(summary) = &b.sheet.briefing.summary else {
        return;
    };
    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
    for paragraph in summary.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let _ = writeln!(out, "<p>{}</p>", esc(paragraph.trim()));
    }
    out.push_str("</section>\n");
}

/// An actor's name as a link to its card, in its kind's colour.
fn actor_link(b: &Briefing, anchors: &[String], n: usize) -> String {
    let a = &b.sheet.actors[n];
    format!(
        "<a class=\"k-{}\" href=\"#{}\">{}</a>",
        a.kind,
        anchors[n],
        esc(&a.name)
    )
}

/// The quoted words as a link to their place in the article, with their line.
fn evidence(b: &Briefing, q: Option<Quote>, anchor: &str, out: &mut String) {
    let Some(q) = q else {
        return;
    };
    let words = crate::inert::one_line(&b.article.text()[q.span.range()]);
    let _ = writeln!(
        out,
        "<p class=\"evidence\">Evidence: <a href=\"#{anchor}\">\u{201c}{}\u{201d}</a> \
         <span class=\"ln\">line\u{a0}{}</span></p>",
        esc(&words),
        b.article.line_of(q.span.start as usize)
    );
}

fn timeline(b: &Briefing, anchors: &[String], events: &[String], out: &mut String) {
    let s = &b.sheet;
    if s.events.is_empty() {
        return;
    }
    out.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n<ol class=\"timeline\">\n");
    // The events are in timeline order already (`Briefing::sheet`).
    for ((e, q), id) in s.events.iter().zip(&b.event_evidence).zip(events) {
        let _ = write!(out, "<li id=\"{id}\"><time datetime=\"{}\"", e.date);
        if e.approximate {
            out.push_str(" title=\"approximate\"");
        }
        let _ = writeln!(
            out,
            ">{}</time> <strong>{}</strong>",
            esc(&e.when()),
            esc(&e.title)
        );
        let names: Vec<String> = (e.actors.iter())
            .filter_map(|id| b.actor_index(id))
            .map(|n| actor_link(b, anchors, n))
            .collect();
        if !names.is_empty() {
            let _ = writeln!(out, "<p class=\"actors\">{}</p>", names.join(", "));
        }
        if let Some(note) = &e.note {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(note));
        }
        evidence(b, *q, &format!("q-{id}"), out);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</section>\n");
}

fn fact_section(b: &Briefing, anchors: &[String], facts: &[String], out: &mut String) {
    let s = &b.sheet;
    if s.facts.is_empty() {
        return;
    }
    out.push_str("<section id=\"facts\">\n<h2>Facts</h2>\n<ul class=\"facts\">\n");
    for ((f, q), id) in s.facts.iter().zip(&b.fact_evidence).zip(facts) {
        let _ = write!(
            out,
            "<li id=\"{id}\">{}: <span class=\"value\">{}</span>",
            esc(&f.label),
            esc(&f.value)
        );
        if let Some(n) = f.source.as_deref().and_then(|id| b.actor_index(id)) {
            let _ = write!(out, " (according to {})", actor_link(b, anchors, n));
        }
        out.push('\n');
        if let Some(note) = &f.note {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(note));
        }
        evidence(b, *q, &format!("q-{id}"), out);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n</section>\n");
}

fn article(
    b: &Briefing,
    anchors: &[String],
    events: &[String],
    facts: &[String],
    out: &mut String,
) {
    let s = &b.sheet;
    out.push_str("<section id=\"article\">\n<h2>Article</h2>\n");
    let kinds: Vec<ActorKind> = ActorKind::ALL
        .into_iter()
        .filter(|&k| s.actors.iter().any(|a| a.kind == k))
        .collect();
    if !kinds.is_empty() {
        out.push_str("<ul class=\"legend\" aria-label=\"Mentions by kind\">");
        for k in kinds {
            let _ = write!(
                out,
                "<li><span class=\"m k-{k}\">{}</span></li>",
                k.plural()
            );
        }
        out.push_str("<li><mark class=\"q\">evidence</mark></li></ul>\n");
    }
    let titles: Vec<String> = (s.actors.iter())
        .map(|a| format!("{} \u{b7} {}", attribute(&a.name), a.kind))
        .collect();
    let mark = |span: Span, anchor: &str, title: String, class| QuoteMark {
        span,
        anchor: format!("q-{anchor}"),
        back: anchor.to_owned(),
        back_title: attribute(&title),
        class,
    };
    let mut quotes = Vec::new();
    for ((e, q), id) in s.events.iter().zip(&b.event_evidence).zip(events) {
        if let Some(q) = q {
            quotes.push(mark(
                q.span,
                id,
                format!("Timeline: {}", e.title),
                "q-event",
            ));
        }
    }
    for ((f, q), id) in s.facts.iter().zip(&b.fact_evidence).zip(facts) {
        if let Some(q) = q {
            quotes.push(mark(q.span, id, format!("Fact: {}", f.label), "q-fact"));
        }
    }
    text::article(b, anchors, &titles, quotes, out);
    text::omitted(&b.article, out);
    out.push_str("</section>\n");
}

fn actors(b: &Briefing, anchors: &[String], out: &mut String) {
    let s = &b.sheet;
    if s.actors.is_empty() {
        return;
    }
    out.push_str("<section id=\"actors\">\n<h2>Actors</h2>\n");
    for kind in ActorKind::ALL {
        let mut group: Vec<usize> = (0..s.actors.len())
            .filter(|&n| s.actors[n].kind == kind)
            .collect();
        if group.is_empty() {
            continue;
        }
        group.sort_by_key(|&n| std::cmp::Reverse(b.mentions.count(n)));
        let _ = writeln!(out, "<h3>{}</h3>\n<div class=\"cards\">", kind.plural());
        for n in group {
            card(b, anchors, n, out);
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

fn card(b: &Briefing, anchors: &[String], n: usize, out: &mut String) {
    let a = &b.sheet.actors[n];
    let _ = writeln!(
        out,
        "<article class=\"card k-{}\" id=\"{}\">\n<h4><span class=\"name\">{}</span>\
         <span class=\"kind\">{}</span></h4>",
        a.kind,
        anchors[n],
        esc(&a.name),
        a.kind
    );
    let mut rows = Vec::new();
    if let Some(role) = &a.role {
        rows.push(("Role", esc(role)));
    }
    if let Some(aff) = a.affiliation.as_deref().and_then(|id| b.actor_index(id)) {
        rows.push(("Affiliation", actor_link(b, anchors, aff)));
    }
    if !a.aliases.is_empty() {
        let aliases: Vec<String> = a.aliases.iter().map(|x| esc(x)).collect();
        rows.push(("Also called", aliases.join(", ")));
    }
    if let Some(note) = &a.note {
        rows.push(("Note", esc(note)));
    }
    if !rows.is_empty() {
        out.push_str("<dl>\n");
        for (label, value) in rows {
            let _ = writeln!(out, "<dt>{label}</dt><dd>{value}</dd>");
        }
        out.push_str("</dl>\n");
    }
    let mentions = b.mentions.of_actor(n);
    if mentions.is_empty() {
        out.push_str("<p class=\"count\">Not mentioned in the article.</p>\n");
    } else {
        let _ = writeln!(
            out,
            "<p class=\"count\">{} in the article:</p>",
            count(mentions.len(), "mention")
        );
        out.push_str("<ol class=\"mentions\">\n");
        for (k, &m) in mentions.iter().enumerate() {
            if k == LISTED {
                let _ = writeln!(
                    out,
                    "</ol>\n<details><summary>{} more</summary>\n<ol class=\"mentions\" start=\"{}\">",
                    mentions.len() - LISTED,
                    LISTED + 1
                );
            }
            mention_item(b, m as usize, out);
        }
        out.push_str("</ol>\n");
        if mentions.len() > LISTED {
            out.push_str("</details>\n");
        }
    }
    out.push_str("</article>\n");
}

/// A mention on its card: a link to it in the article, with a few words either side.
fn mention_item(b: &Briefing, m: usize, out: &mut String) {
    let span = b.mentions.all()[m].span;
    let text = b.article.text();
    let (before, after) = context(text, line_near(text, span), span);
    let _ = writeln!(
        out,
        "<li><a href=\"#m-{m}\">{}<strong>{}</strong>{}</a></li>",
        esc(&before),
        esc(&text[span.range()]),
        esc(&after)
    );
}

/// How far either side of a mention [`context`] looks.
const REACH: usize = 240;

/// The line `span` is on, as far as [`context`] looks at it: its bounds where they are within
/// [`REACH`] of the span, else bounds a byte past that (so that the line is known to go on). Found
/// from the span itself: the line's bounds through the article's line index cost a scan from
/// its nearest checkpoint for every mention, a quarter of an HTML export's time.
fn line_near(text: &str, span: Span) -> std::ops::Range<usize> {
    let bytes = text.as_bytes();
    let (start, end) = (span.start as usize, span.end as usize);
    let low = start.saturating_sub(REACH + 1);
    let line_start =
        memchr::memrchr2(b'\n', b'\r', &bytes[low..start]).map_or(low, |i| low + i + 1);
    // The line the span starts on (a mention over a line break ends on the next one).
    let high = (end + REACH + 1).min(text.len());
    let line_end = memchr::memchr2(b'\n', b'\r', &bytes[start..high]).map_or(high, |i| start + i);
    line_start..line_end
}

/// At most [`CONTEXT_WORDS`] words of the line before and after `span`, an ellipsis where the
/// line goes on. Only a few hundred bytes either side are looked at, however long the line.
fn context(text: &str, line: std::ops::Range<usize>, span: Span) -> (String, String) {
    let (start, end) = (span.start as usize, span.end as usize);
    let mut from = start.saturating_sub(REACH).max(line.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + REACH).min(line.end.max(end));
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let (left, right) = (&text[from..start], &text[end..to]);
    let mut words: Vec<&str> = left.split_whitespace().collect();
    // A word cut by the reach is no word.
    let cut_left = from > line.start;
    if cut_left && !left.starts_with(char::is_whitespace) && !words.is_empty() {
        words.remove(0);
    }
    let skip = words.len().saturating_sub(CONTEXT_WORDS);
    let mut before = if skip > 0 || (cut_left && from < start) {
        "\u{2026}".to_owned()
    } else {
        String::new()
    };
    before.push_str(&words[skip..].join(" "));
    if left.ends_with(char::is_whitespace) && !before.is_empty() {
        before.push(' ');
    }
    let mut words: Vec<&str> = right.split_whitespace().collect();
    let cut_right = to < line.end;
    if cut_right && !right.ends_with(char::is_whitespace) && !words.is_empty() {
        words.pop();
    }
    let more = words.len() > CONTEXT_WORDS || cut_right;
    words.truncate(CONTEXT_WORDS);
    let mut after = String::new();
    if right.starts_with(char::is_whitespace) && !words.is_empty() {
        after.push(' ');
    }
    after.push_str(&words.join(" "));
    if more && !right.trim().is_empty() {
        after.push('\u{2026}');
    }
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ours_never_raw_input() {
        assert_eq!(slug("actor", "joe-biden", 0), "actor-joe-biden");
        assert_eq!(slug("actor", "\"><script>", 3), "actor_4");
        assert_eq!(slug("event", "", 0), "event_1");
    }

    #[test]
    fn context_is_a_few_words_either_side() {
        let text = "one two three four five six seven eight NATO nine ten eleven twelve \
                    thirteen fourteen fifteen";
        let at = text.find("NATO").unwrap();
        let span = Span::of(at..at + 4);
        let (before, after) = context(text, 0..text.len(), span);
        assert_eq!(before, "\u{2026}three four five six seven eight ");
        assert_eq!(after, " nine ten eleven twelve thirteen fourteen\u{2026}");
        let (before, after) = context("NATO's", 0..6, Span::new(0, 4));
        assert_eq!((before.as_str(), after.as_str()), ("", "'s"));
    }

    /// The line found near a span gives the context the whole line gives, wherever the line
    /// breaks (LF, CRLF, CR) stand from it, near or past the reach, at the text's ends.
    #[test]
    fn the_line_near_a_span_gives_the_lines_context() {
        for gap in [
            0,
            1,
            2,
            50,
            REACH - 2,
            REACH - 1,
            REACH,
            REACH + 1,
            REACH + 2,
            600,
        ] {
            for brk in ["\n", "\r\n", "\r"] {
                let side = "w ".repeat(gap / 2) + &"v".repeat(gap % 2);
                for text in [
                    format!("{side}NATO{side}"),
                    format!("a{side}NA{brk}TO{side}b"),
                    format!("a b{brk}{side}NATO{side}{brk}c d"),
                    format!("{brk}{side}NATO{side}{brk}"),
                ] {
                    let (at, to) = (text.find("NA").unwrap(), text.find("TO").unwrap() + 2);
                    let span = Span::of(at..to);
                    let (a, _) = crate::article::Article::new(text.clone(), &[]);
                    let line = a.line_range(a.line_of(at) - 1);
                    assert_eq!(
                        context(&text, line_near(&text, span), span),
                        context(&text, line, span),
                        "{text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn context_looks_only_near_the_mention_on_a_huge_line() {
        let mut text = "x".repeat(100_000);
        text.push_str(" a b NATO c d ");
        text.push_str(&"y".repeat(100_000));
        let at = text.find("NATO").unwrap();
        let (before, after) = context(&text, 0..text.len(), Span::of(at..at + 4));
        assert_eq!(before, "\u{2026}a b ");
        assert_eq!(after, " c d\u{2026}");
    }
}
