//! Markdown: a readable briefing for people, valid `CommonMark` that renders on a forge and
//! through pandoc. Text from the fact sheet or the article is escaped, so no value can add
//! structure (a heading, a list, a link, raw HTML, pandoc math) or reach a terminal as a
//! control sequence.

use std::fmt::{self, Write as _};
use std::io;

use crate::briefing::Briefing;
use crate::evidence::Quote;
use crate::inert::one_line;
use crate::plural::{count, s};
use crate::sheet::{ActorKind, Event};

/// Writes the Markdown export to `out` as it is made.
pub fn write(b: &Briefing, out: impl io::Write) -> io::Result<()> {
    let mut written = Markdown {
        out,
        held: 0,
        failure: None,
    };
    let md = &mut written;
    let s = &b.sheet;
    let _ = writeln!(md, "# {}\n", inline(&s.briefing.title));
    let mut meta = Vec::new();
    if let Some(source) = &s.briefing.source {
        meta.push(format!("- **Source:** {}", inline(source)));
    }
    if let Some(date) = s.briefing.published {
        meta.push(format!("- **Published:** {date}"));
    }
    if let Some(url) = &s.briefing.url {
        meta.push(format!("- **URL:** {}", link(url)));
    }
    meta.push(format!(
        "- **Contents:** {}, {}, {}, {}",
        count(s.actors.len(), "actor"),
        count(s.events.len(), "event"),
        count(s.facts.len(), "fact"),
        count(b.mentions.all().len(), "mention")
    ));
    let _ = writeln!(md, "{}\n", meta.join("\n"));
    if let Some(summary) = &s.briefing.summary {
        md.push_str("## Summary\n\n");
        for paragraph in summary.split("\n\n").filter(|p| !p.trim().is_empty()) {
            let _ = writeln!(md, "{}\n", block(paragraph));
        }
    }
    actors(b, md);
    timeline(b, md);
    facts(b, md);
    written.finish()
}

/// Where the Markdown goes, as it is made. The line feeds that end what is written so far are
/// held back until text follows them, so that a block ends with exactly one blank line
/// ([`Markdown::blank_line`]) and the document with one line feed, without reading back what was
/// written. The first failure of `out` is kept; what is written after it is dropped.
struct Markdown<W> {
    out: W,
    /// Line feeds not written yet.
    held: usize,
    failure: Option<io::Error>,
}

impl<W: io::Write> Markdown<W> {
    fn push_str(&mut self, s: &str) {
        let _ = self.write_str(s);
    }

    /// Ends the block written last by one blank line, never two: a quoted piece of evidence
    /// ends with its blank line already.
    fn blank_line(&mut self) {
        self.held = self.held.max(2);
    }

    /// Ends the document with one line feed, however many blank lines its last block asked for.
    fn finish(mut self) -> io::Result<()> {
        if self.held > 0 {
            self.held = 1;
            let _ = self.emit("");
        }
        self.failure.map_or(Ok(()), Err)
    }

    /// Writes the held line feeds, then `text`.
    fn emit(&mut self, text: &str) -> fmt::Result {
        if self.failure.is_some() {
            return Err(fmt::Error);
        }
        let feeds = "\n".repeat(self.held);
        self.held = 0;
        let written = self
            .out
            .write_all(feeds.as_bytes())
            .and_then(|()| self.out.write_all(text.as_bytes()));
        written.map_err(|e| {
            self.failure = Some(e);
            fmt::Error
        })
    }
}

impl<W: io::Write> fmt::Write for Markdown<W> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let text = s.trim_end_matches('\n');
        if !text.is_empty() {
            self.emit(text)?;
        }
        self.held += s.len() - text.len();
        Ok(())
    }
}

fn actors(b: &Briefing, md: &mut Markdown<impl io::Write>) {
    if b.sheet.actors.is_empty() {
        return;
    }
    md.push_str("## Actors\n\n");
    for kind in ActorKind::ALL {
        let mut group: Vec<usize> = (0..b.sheet.actors.len())
            .filter(|&n| b.sheet.actors[n].kind == kind)
            .collect();
        if group.is_empty() {
            continue;
        }
        group.sort_by_key(|&n| std::cmp::Reverse(b.mentions.count(n)));
        let _ = writeln!(md, "### {}\n", kind.plural());
        for n in group {
            let a = &b.sheet.actors[n];
            let count = b.mentions.count(n);
            let _ = writeln!(
                md,
                "- **{}** — {count} mention{}",
                inline(&a.name),
                s(count)
            );
            if let Some(role) = &a.role {
                let _ = writeln!(md, "  - Role: {}", inline(role));
            }
            if let Some(aff) = a.affiliation.as_deref().and_then(|id| b.actor_index(id)) {
                let _ = writeln!(md, "  - Affiliation: {}", inline(&b.sheet.actors[aff].name));
            }
            if !a.aliases.is_empty() {
                let aliases: Vec<String> = a.aliases.iter().map(|x| inline(x)).collect();
                let _ = writeln!(md, "  - Also called: {}", aliases.join(", "));
            }
            if let Some(note) = &a.note {
                let _ = writeln!(md, "  - Note: {}", inline(note));
            }
        }
        md.blank_line();
    }
}

fn timeline(b: &Briefing, md: &mut Markdown<impl io::Write>) {
    if b.sheet.events.is_empty() {
        return;
    }
    md.push_str("## Timeline\n\n");
    for (e, q) in b.sheet.events.iter().zip(&b.event_evidence) {
        let _ = writeln!(md, "- **{}** — {}", when(e), inline(&e.title));
        let names: Vec<String> = e
            .actors
            .iter()
            .filter_map(|id| b.actor_index(id))
            .map(|n| inline(&b.sheet.actors[n].name))
            .collect();
        if !names.is_empty() {
            let _ = writeln!(md, "  - Actors: {}", names.join(", "));
        }
        if let Some(note) = &e.note {
            let _ = writeln!(md, "  - Note: {}", inline(note));
        }
        quote(b, *q, md);
    }
    md.blank_line();
}

fn facts(b: &Briefing, md: &mut Markdown<impl io::Write>) {
    if b.sheet.facts.is_empty() {
        return;
    }
    md.push_str("## Facts\n\n");
    for (f, q) in b.sheet.facts.iter().zip(&b.fact_evidence) {
        let mut line = format!("- **{}:** {}", inline(&f.label), inline(&f.value));
        if let Some(n) = f.source.as_deref().and_then(|id| b.actor_index(id)) {
            let _ = write!(line, " (according to {})", inline(&b.sheet.actors[n].name));
        }
        let _ = writeln!(md, "{line}");
        if let Some(note) = &f.note {
            let _ = writeln!(md, "  - Note: {}", inline(note));
        }
        quote(b, *q, md);
    }
    md.blank_line();
}

/// The evidence as a quotation nested under the current list item, with its line.
fn quote(b: &Briefing, q: Option<Quote>, md: &mut Markdown<impl io::Write>) {
    if let Some(q) = q {
        let line = b.article.line_of(q.span.start as usize);
        let _ = writeln!(md, "  - Evidence (article line {line}):\n");
        let _ = writeln!(md, "    > {}\n", block(&b.article.text()[q.span.range()]));
    }
}

/// "2024-07-09 – 2024-07-11", "about 2024-07".
fn when(e: &Event) -> String {
    let mut s = if e.approximate {
        format!("about {}", e.date)
    } else {
        e.date.to_string()
    };
    if let Some(end) = e.end {
        let _ = write!(s, " – {end}");
    }
    s
}

/// Text inside a line: on one line (a line break or two trailing spaces would change the
/// structure), controls shown as placeholders, and Markdown and pandoc punctuation escaped.
fn inline(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len() + 8);
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '&'
                | '!'
                | '$'
                | '^'
                | '@'
                | '{'
                | '}'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A URL as a `CommonMark` autolink, `<https://example.org/a_b>`, which every renderer makes a
/// link and shows as written (no backslash inside it is read as an escape). One that an autolink
/// cannot hold (no scheme, a space, `<` or `>`, a control character) is written as text.
fn link(url: &str) -> String {
    let url = url.trim();
    let scheme_len = url.find(':').unwrap_or(0);
    let scheme = &url[..scheme_len];
    let scheme_ok = (2..=32).contains(&scheme.len())
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'));
    let body_ok = !url
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '<' | '>') || crate::inert::is_unsafe(c));
    if scheme_ok && body_ok {
        format!("<{url}>")
    } else {
        inline(url)
    }
}

/// Text that starts a line: also escapes what would open a list, a quote, a heading or a
/// thematic break there.
fn block(text: &str) -> String {
    let s = inline(text);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(s.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &s[..digits], &s[digits..]);
    }
    match s.chars().next() {
        Some('-' | '+' | '=' | ':') => format!("\\{s}"),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_cannot_add_structure() {
        assert_eq!(
            inline("a *b* [c](d) <e> # $x$"),
            "a \\*b\\* \\[c\\](d) \\<e\\> \\# \\$x\\$"
        );
        assert_eq!(inline("line\none  \n\ntwo"), "line one two");
        assert_eq!(inline("esc\u{1b}[31m"), "esc\u{241b}\\[31m");
    }

    #[test]
    fn a_url_is_an_autolink_unless_it_cannot_be_one() {
        assert_eq!(
            link("https://example.org/a_b*c?x=1&y=[2]"),
            "<https://example.org/a_b*c?x=1&y=[2]>"
        );
        assert_eq!(link("example.org/a_b"), "example.org/a\\_b");
        assert_eq!(link("https://x.org/a b"), "https://x.org/a b");
        assert_eq!(link("https://x.org/>*"), "https://x.org/\\>\\*");
        assert_eq!(link("https://x.org/\u{1b}"), "https://x.org/\u{241b}");
    }

    #[test]
    fn block_text_cannot_open_a_list_or_heading() {
        assert_eq!(block("1. first"), "1\\. first");
        assert_eq!(block("- item"), "\\- item");
        assert_eq!(block("> quote"), "\\> quote");
        assert_eq!(block("2024 was"), "2024 was");
    }
}
