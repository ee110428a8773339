//! JSON: the whole resolved briefing for other tools, pretty-printed, keys in a stable order.
//! The types below are the format: they are serialised, and the JSON Schema published in
//! `assets/export.schema.json` is generated from them ([`schema`]), their doc comments its
//! descriptions. docs/export.md says what a change of [`Version`] means.

use std::io::{self, Write};

use schemars::JsonSchema;
use serde::{Serialize, Serializer};
use sha2::{Digest, Sha256};

use super::MentionPositions;
use crate::briefing::Briefing;
use crate::date::{PartialDate, Precision as DatePrecision};
use crate::evidence::Quote;

/// A briefing exported by `briefing export --format json`: a fact sheet resolved against its
/// article. Offsets are byte offsets into the article file as it is on disk; lines and columns
/// are 1-based, columns counted in characters.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "briefing export")]
struct Document<'a> {
    /// The version of this format; see docs/export.md for what a new version means.
    format: Version,
    /// The text every offset points into.
    article: Article<'a>,
    briefing: Meta<'a>,
    actors: Vec<Actor<'a>>,
    /// In timeline order: by date, a coarser date before a finer one on the same first day.
    events: Vec<Event<'a>>,
    facts: Vec<Fact<'a>>,
}

/// The format's version. A consumer that knows `briefing/1` can read every export that says
/// `briefing/1`: keys may be added to it, none removed, renamed or given another meaning.
#[derive(Clone, Copy, Serialize, JsonSchema)]
pub enum Version {
    #[serde(rename = "briefing/1")]
    V1,
}

/// The article, as the fact sheet names it.
#[derive(Serialize, JsonSchema)]
struct Article<'a> {
    /// The path as written in the fact sheet (relative to the fact sheet's folder).
    path: &'a str,
    /// The article's size in bytes.
    size: usize,
    /// The SHA-256 of the article's bytes, in lowercase hexadecimal: when the file's hash
    /// differs, the offsets may no longer apply.
    sha256: String,
    /// The fact sheet's `omit` list, as written: lines of page furniture, not searched.
    omit: &'a [String],
}

#[derive(Serialize, JsonSchema)]
struct Meta<'a> {
    title: &'a str,
    source: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<Date>,
    summary: Option<&'a str>,
}

/// A date at the precision the fact sheet gives it.
#[derive(Serialize, JsonSchema)]
struct Date {
    /// As written: "2024", "2024-07" or "2024-07-03".
    text: String,
    /// How much of the date is known.
    precision: Precision,
}

#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Precision {
    Year,
    Month,
    Day,
}

impl From<PartialDate> for Date {
    fn from(d: PartialDate) -> Self {
        Self {
            text: d.to_string(),
            precision: match d.precision() {
                DatePrecision::Year => Precision::Year,
                DatePrecision::Month => Precision::Month,
                DatePrecision::Day => Precision::Day,
            },
        }
    }
}

#[derive(Serialize, JsonSchema)]
struct Actor<'a> {
    /// Unique among the actors.
    id: &'a str,
    name: &'a str,
    /// One of person, organization, country, place, media, other.
    kind: Kind,
    aliases: &'a [String],
    role: Option<&'a str>,
    /// The id of another actor.
    affiliation: Option<&'a str>,
    note: Option<&'a str>,
    /// Every place the article names the actor, in the order of the text.
    #[schemars(with = "Vec<Mention<'a>>")]
    mentions: Mentions<'a>,
}

/// An actor's mentions, each made as it is written and never all held: an alias that is a
/// common word gives hundreds of thousands. Serialised, and described by the schema, as a list
/// of [`Mention`].
struct Mentions<'a> {
    /// Indices into [`crate::mentions::MentionIndex::all`].
    of: &'a [u32],
    briefing: &'a Briefing,
    positions: &'a MentionPositions,
}

impl Serialize for Mentions<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.briefing.article.text();
        let all = self.briefing.mentions.all();
        serializer.collect_seq(self.of.iter().map(|&i| {
            let m = all[i as usize];
            let (line, column) = self.positions.get(i as usize);
            Mention {
                start: m.span.start,
                end: m.span.end,
                line,
                column,
                text: &text[m.span.range()],
            }
        }))
    }
}

/// An actor's kind, as the fact sheet writes it.
#[derive(Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Person,
    Organization,
    Country,
    Place,
    Media,
    Other,
}

impl From<crate::sheet::ActorKind> for Kind {
    fn from(k: crate::sheet::ActorKind) -> Self {
        use crate::sheet::ActorKind as K;
        match k {
            K::Person => Self::Person,
            K::Organization => Self::Organization,
            K::Country => Self::Country,
            K::Place => Self::Place,
            K::Media => Self::Media,
            K::Other => Self::Other,
        }
    }
}

#[derive(Serialize, JsonSchema)]
struct Mention<'a> {
    /// Byte offset of the first byte.
    start: u32,
    /// Byte offset just past the last byte.
    end: u32,
    line: usize,
    column: usize,
    /// The words as they stand in the article.
    text: &'a str,
}

#[derive(Serialize, JsonSchema)]
struct Event<'a> {
    /// Unique among the events.
    id: &'a str,
    date: Date,
    end: Option<Date>,
    approximate: bool,
    title: &'a str,
    /// Actor ids.
    actors: &'a [String],
    note: Option<&'a str>,
    evidence: Option<Evidence<'a>>,
}

#[derive(Serialize, JsonSchema)]
struct Fact<'a> {
    /// Unique among the facts: written in the fact sheet, or made from the label.
    id: &'a str,
    label: &'a str,
    value: &'a str,
    /// The id of the actor the claim is attributed to.
    source: Option<&'a str>,
    note: Option<&'a str>,
    evidence: Option<Evidence<'a>>,
}

/// Where the words an event or a fact quotes stand in the article.
#[derive(Serialize, JsonSchema)]
struct Evidence<'a> {
    /// The quoted words as they stand in the article.
    text: &'a str,
    /// Byte offset of the first byte.
    start: u32,
    /// Byte offset just past the last byte.
    end: u32,
    line: usize,
    column: usize,
}

/// The JSON Schema of the export, pretty-printed, as `assets/export.schema.json` holds it.
#[must_use]
pub fn schema() -> String {
    let mut schema = schemars::schema_for!(Document<'static>);
    if let Some(o) = schema.as_object_mut() {
        o.values_mut().for_each(unwrap_descriptions);
        if let Some(serde_json::Value::String(s)) = o.get_mut("description") {
            *s = s.replace('\n', " ");
        }
    }
    // Serialised as a `Schema`, which puts `$schema`, `title` and `description` first.
    pretty(&schema)
}

/// Joins the lines of every description: a doc comment is wrapped at 100 columns, which is no
/// line break of its text (a tooltip would show it).
fn unwrap_descriptions(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(o) => {
            for (key, value) in o.iter_mut() {
                match value {
                    serde_json::Value::String(s) if key == "description" => {
                        *s = s.replace('\n', " ");
                    }
                    _ => unwrap_descriptions(value),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

fn pretty(value: &impl Serialize) -> String {
    match serde_json::to_string_pretty(value) {
        Ok(mut json) => {
            json.push('\n');
            json
        }
        // Serialising plain structs of strings and numbers cannot fail.
        Err(e) => unreachable!("JSON export failed: {e}"),
    }
}

/// The SHA-256 of `bytes` in lowercase hexadecimal.
fn sha256(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut hex = String::with_capacity(64);
    for b in Sha256::digest(bytes) {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}

fn evidence(b: &Briefing, q: Option<Quote>) -> Option<Evidence<'_>> {
    q.map(|q| {
        let (line, column) = b.article.line_col(q.span.start as usize);
        Evidence {
            text: &b.article.text()[q.span.range()],
            start: q.span.start,
            end: q.span.end,
            line,
            column,
        }
    })
}

/// Writes the JSON export to `out` as it is made: the mentions, which are most of it, are
/// made one by one as they are written ([`Mentions`]).
pub fn write(b: &Briefing, out: impl Write) -> io::Result<()> {
    // Kept for every mention (8 bytes each, a fraction of the index they come from): an
    // actor's mentions are written actor by actor, not in the order of the text that counting
    // lines and columns goes in.
    let positions = MentionPositions::new(&b.article, &b.mentions);
    let text = b.article.text();
    let s = &b.sheet;
    let doc = Document {
        format: Version::V1,
        article: Article {
            path: &s.briefing.article,
            size: text.len(),
            sha256: sha256(text.as_bytes()),
            omit: &s.briefing.omit,
        },
        briefing: Meta {
            title: &s.briefing.title,
            source: s.briefing.source.as_deref(),
            url: s.briefing.url.as_deref(),
            published: s.briefing.published.map(Date::from),
            summary: s.briefing.summary.as_deref(),
        },
        actors: s
            .actors
            .iter()
            .enumerate()
            .map(|(n, a)| Actor {
                id: &a.id,
                name: &a.name,
                kind: a.kind.into(),
                aliases: &a.aliases,
                role: a.role.as_deref(),
                affiliation: a.affiliation.as_deref(),
                note: a.note.as_deref(),
                mentions: Mentions {
                    of: b.mentions.of_actor(n),
                    briefing: b,
                    positions: &positions,
                },
            })
            .collect(),
        events: s
            .events
            .iter()
            .zip(&b.event_evidence)
            .map(|(e, q)| Event {
                id: &e.id,
                date: e.date.into(),
                end: e.end.map(Date::from),
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
    let mut json = serde_json::Serializer::pretty(out);
    doc.serialize(&mut json)?;
    json.into_inner().write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_says_its_precision_beside_its_text() {
        for (text, precision) in [
            ("2024", "year"),
            ("2024-07", "month"),
            ("2024-07-09", "day"),
        ] {
            let date = Date::from(PartialDate::parse(text).expect("a date"));
            let json = serde_json::to_value(&date).expect("serialises");
            assert_eq!(
                json,
                serde_json::json!({"text": text, "precision": precision})
            );
        }
    }
}
