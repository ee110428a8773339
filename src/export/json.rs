//! JSON: the whole resolved briefing for other tools, pretty-printed, keys in a stable order.

use serde::Serialize;

use super::MentionPositions;
use crate::briefing::Briefing;
use crate::evidence::Quote;

#[derive(Serialize)]
struct Document<'a> {
    briefing: Meta<'a>,
    actors: Vec<Actor<'a>>,
    events: Vec<Event<'a>>,
    facts: Vec<Fact<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    title: &'a str,
    source: Option<&'a str>,
    url: Option<&'a str>,
    /// As written, at its precision: "2024", "2024-07" or "2024-07-03".
    published: Option<String>,
    summary: Option<&'a str>,
}

#[derive(Serialize)]
struct Actor<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    aliases: &'a [String],
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
    note: Option<&'a str>,
    mentions: Vec<Mention<'a>>,
}

#[derive(Serialize)]
struct Mention<'a> {
    start: u32,
    end: u32,
    line: usize,
    column: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct Event<'a> {
    id: &'a str,
    date: String,
    end: Option<String>,
    approximate: bool,
    title: &'a str,
    actors: &'a [String],
    note: Option<&'a str>,
    evidence: Option<Evidence<'a>>,
}

#[derive(Serialize)]
struct Fact<'a> {
    id: &'a str,
    label: &'a str,
    value: &'a str,
    source: Option<&'a str>,
    note: Option<&'a str>,
    evidence: Option<Evidence<'a>>,
}

#[derive(Serialize)]
struct Evidence<'a> {
    /// The quoted words as they stand in the article.
    text: &'a str,
    start: u32,
    end: u32,
    line: usize,
}

fn evidence(b: &Briefing, q: Option<Quote>) -> Option<Evidence<'_>> {
    q.map(|q| Evidence {
        text: &b.article.text()[q.span.range()],
        start: q.span.start,
        end: q.span.end,
        line: b.article.line_of(q.span.start as usize),
    })
}

pub fn render(b: &Briefing) -> String {
    let positions = MentionPositions::new(&b.article, &b.mentions);
    let text = b.article.text();
    let s = &b.sheet;
    let doc = Document {
        briefing: Meta {
            title: &s.briefing.title,
            source: s.briefing.source.as_deref(),
            url: s.briefing.url.as_deref(),
            published: s.briefing.published.map(|d| d.to_string()),
            summary: s.briefing.summary.as_deref(),
        },
        actors: s
            .actors
            .iter()
            .enumerate()
            .map(|(n, a)| Actor {
                id: &a.id,
                name: &a.name,
                kind: a.kind.as_str(),
                aliases: &a.aliases,
                role: a.role.as_deref(),
                affiliation: a.affiliation.as_deref(),
                note: a.note.as_deref(),
                mentions: b
                    .mentions
                    .of_actor(n)
                    .iter()
                    .map(|&i| {
                        let m = b.mentions.all()[i as usize];
                        let (line, column) = positions.get(i as usize);
                        Mention {
                            start: m.span.start,
                            end: m.span.end,
                            line,
                            column,
                            text: &text[m.span.range()],
                        }
                    })
                    .collect(),
            })
            .collect(),
        events: s
            .events
            .iter()
            .zip(&b.event_evidence)
            .map(|(e, q)| Event {
                id: &e.id,
                date: e.date.to_string(),
                end: e.end.map(|d| d.to_string()),
                approximate: e.approximate,
                title: &e.title,
                actors: &e.actors,
                note: e.note.as_deref(),
                evidence: evidence(b, *q),
            })
            .collect(),
        facts: s
            .facts
            .iter()
            .zip(&b.fact_evidence)
            .map(|(f, q)| Fact {
                id: &f.id,
                label: &f.label,
                value: &f.value,
                source: f.source.as_deref(),
                note: f.note.as_deref(),
                evidence: evidence(b, *q),
            })
            .collect(),
    };
    match serde_json::to_string_pretty(&doc) {
        Ok(mut json) => {
            json.push('\n');
            json
        }
        // Serialising plain structs of strings and numbers cannot fail.
        Err(e) => unreachable!("JSON export failed: {e}"),
    }
}
