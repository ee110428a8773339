//! TOML: the fact sheet normalised — keys in the documented order, events in timeline order,
//! empty optional keys left out. Loading it again gives the same briefing.

use toml::value::{Date, Datetime};
use toml::{Table, Value};

use crate::briefing::Briefing;
use crate::date::{PartialDate, Precision};

pub fn render(b: &Briefing, article_path: &str) -> String {
    let s = &b.sheet;
    let mut meta = Table::new();
    meta.insert("title".into(), s.briefing.title.clone().into());
    meta.insert("article".into(), article_path.into());
    put(&mut meta, "source", s.briefing.source.as_deref());
    put(&mut meta, "url", s.briefing.url.as_deref());
    if let Some(d) = s.briefing.published {
        meta.insert("published".into(), date(d));
    }
    put(&mut meta, "summary", s.briefing.summary.as_deref());
    if !s.briefing.omit.is_empty() {
        meta.insert("omit".into(), strings(&s.briefing.omit));
    }

    let actors = s.actors.iter().map(|a| {
        let mut t = Table::new();
        t.insert("id".into(), a.id.clone().into());
        t.insert("name".into(), a.name.clone().into());
        t.insert("kind".into(), a.kind.as_str().into());
        if !a.aliases.is_empty() {
            t.insert("aliases".into(), strings(&a.aliases));
        }
        put(&mut t, "role", a.role.as_deref());
        put(&mut t, "affiliation", a.affiliation.as_deref());
        put(&mut t, "note", a.note.as_deref());
        Value::Table(t)
    });
    let events = s.events.iter().map(|e| {
        let mut t = Table::new();
        t.insert("id".into(), e.id.clone().into());
        t.insert("date".into(), date(e.date));
        if let Some(end) = e.end {
            t.insert("end".into(), date(end));
        }
        if e.approximate {
            t.insert("approximate".into(), true.into());
        }
        t.insert("title".into(), e.title.clone().into());
        if !e.actors.is_empty() {
            t.insert("actors".into(), strings(&e.actors));
        }
        put(&mut t, "evidence", e.evidence.as_deref());
        put(&mut t, "note", e.note.as_deref());
        Value::Table(t)
    });
    let facts = s.facts.iter().map(|f| {
        let mut t = Table::new();
        t.insert("id".into(), f.id.clone().into());
        t.insert("label".into(), f.label.clone().into());
        t.insert("value".into(), f.value.clone().into());
        put(&mut t, "source", f.source.as_deref());
        put(&mut t, "evidence", f.evidence.as_deref());
        put(&mut t, "note", f.note.as_deref());
        Value::Table(t)
    });

    let mut doc = Table::new();
    doc.insert("briefing".into(), Value::Table(meta));
    for (key, items) in [
        ("actors", actors.collect::<Vec<_>>()),
        ("events", events.collect()),
        ("facts", facts.collect()),
    ] {
        if !items.is_empty() {
            doc.insert(key.into(), Value::Array(items));
        }
    }
    // A table of strings, dates and arrays of tables always serialises.
    toml::to_string_pretty(&doc).unwrap_or_default()
}

fn put(t: &mut Table, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        t.insert(key.into(), v.into());
    }
}

fn strings(items: &[String]) -> Value {
    Value::Array(items.iter().map(|s| Value::String(s.clone())).collect())
}

/// A TOML date at day precision; a string otherwise, so the precision survives.
fn date(d: PartialDate) -> Value {
    match (d.precision(), d.month(), d.day()) {
        (Precision::Day, Some(month), Some(day)) => Value::Datetime(Datetime {
            date: Some(Date {
                year: d.year(),
                month,
                day,
            }),
            time: None,
            offset: None,
        }),
        _ => Value::String(d.to_string()),
    }
}
