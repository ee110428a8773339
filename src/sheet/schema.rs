//! The JSON Schema of the fact sheet (`assets/facts.schema.json`, `briefing schema`), which
//! Taplo and the editors built on it read for completion and checking as the curator types.
//!
//! The loader (`parse`) is a hand-written walker, so the schema cannot be derived from its
//! types: [`KEYS`] describes every key once, the schema is built from it, and tests check that
//! it names exactly the keys `parse` accepts, the kinds of [`ActorKind::ALL`], and the
//! descriptions of docs/fact-sheet.md's table of keys. The schema is draft-07, the newest
//! draft Taplo validates with.

use serde_json::{Map, Value, json};

use super::ActorKind;

/// What a key holds, as the schema and the docs' table say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// Text that is not blank.
    Text,
    /// Lowercase ASCII letters, digits and '-'.
    Id,
    /// The id of an actor.
    ActorId,
    /// A TOML date, or a string "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    Date,
    Bool,
    /// One of [`ActorKind::ALL`].
    Kind,
    Texts,
    ActorIds,
}

impl Type {
    /// How docs/fact-sheet.md's table names it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "string",
            Self::Id => "id",
            Self::ActorId => "actor id",
            Self::Date => "date",
            Self::Bool => "boolean",
            Self::Kind => "kind",
            Self::Texts => "array of strings",
            Self::ActorIds => "array of actor ids",
        }
    }

    /// Its schema, written out where it is used: in draft-07 a `$ref` hides the `description`
    /// beside it, which editors show on hover.
    fn schema(self) -> Value {
        let text = json!({ "type": "string", "pattern": "\\S" });
        let id = json!({ "type": "string", "pattern": "^[a-z0-9-]+$" });
        match self {
            Self::Text => text,
            Self::Id | Self::ActorId => id,
            Self::Date => json!({
                "type": "string",
                "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
            }),
            Self::Bool => json!({ "type": "boolean" }),
            Self::Kind => {
                let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
                json!({ "type": "string", "enum": kinds })
            }
            Self::Texts => json!({ "type": "array", "items": text }),
            Self::ActorIds => json!({ "type": "array", "items": id }),
        }
    }
}

/// One key of the fact sheet.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// `briefing`, `actors`, `events` or `facts`.
    pub table: &'static str,
    pub key: &'static str,
    pub ty: Type,
    pub required: bool,
    /// As docs/fact-sheet.md's table of keys says it.
    pub description: &'static str,
}

const fn key(
    table: &'static str,
    key: &'static str,
    ty: Type,
    required: bool,
    description: &'static str,
) -> Key {
    Key {
        table,
        key,
        ty,
        required,
        description,
    }
}

/// Every key of the fact sheet, in the documented order.
pub const KEYS: &[Key] = &[
    key(
        "briefing",
        "title",
        Type::Text,
        true,
        "The article's headline.",
    ),
    key(
        "briefing",
        "article",
        Type::Text,
        true,
        "Path of the article, relative to the fact sheet; plain UTF-8 text.",
    ),
    key("briefing", "source", Type::Text, false, "The publisher."),
    key(
        "briefing",
        "url",
        Type::Text,
        false,
        "Where the article was published.",
    ),
    key(
        "briefing",
        "published",
        Type::Date,
        false,
        "When the article was published.",
    ),
    key(
        "briefing",
        "summary",
        Type::Text,
        false,
        "A summary of the article, in paragraphs separated by a blank line.",
    ),
    key(
        "briefing",
        "omit",
        Type::Texts,
        false,
        "Article lines that are page furniture, compared whole after trimming and folding; an \
         entry ending in `*` omits every line that begins with what comes before it.",
    ),
    key(
        "actors",
        "id",
        Type::Id,
        false,
        "Unique among the actors; left out, it is made from `name`.",
    ),
    key(
        "actors",
        "name",
        Type::Text,
        true,
        "Display name, also searched in the text.",
    ),
    key(
        "actors",
        "kind",
        Type::Kind,
        true,
        "One of person, organization, country, place, media, other.",
    ),
    key(
        "actors",
        "aliases",
        Type::Texts,
        false,
        "More spellings searched in the text.",
    ),
    key(
        "actors",
        "role",
        Type::Text,
        false,
        "The actor's role or title.",
    ),
    key(
        "actors",
        "affiliation",
        Type::ActorId,
        false,
        "Id of another actor this one belongs to.",
    ),
    key(
        "actors",
        "note",
        Type::Text,
        false,
        "A note for the reader.",
    ),
    key(
        "events",
        "id",
        Type::Id,
        false,
        "Unique among the events; left out, it is made from `title`.",
    ),
    key(
        "events",
        "date",
        Type::Date,
        true,
        "When the event happened.",
    ),
    key(
        "events",
        "end",
        Type::Date,
        false,
        "When it ended, not before `date`.",
    ),
    key(
        "events",
        "approximate",
        Type::Bool,
        false,
        "The date is approximate (\"about\", \"a few days before\").",
    ),
    key("events", "title", Type::Text, true, "What happened."),
    key(
        "events",
        "actors",
        Type::ActorIds,
        false,
        "The actors the event involves.",
    ),
    key(
        "events",
        "evidence",
        Type::Text,
        false,
        "Words quoted from the article; `…` or `...` leaves words out.",
    ),
    key(
        "events",
        "note",
        Type::Text,
        false,
        "A note for the reader, such as where the date comes from.",
    ),
    key(
        "facts",
        "id",
        Type::Id,
        false,
        "Unique among the facts; left out, it is made from `label`, numbered when another fact \
         has it already (`casualties-2`).",
    ),
    key("facts", "label", Type::Text, true, "What the value is."),
    key(
        "facts",
        "value",
        Type::Text,
        true,
        "The figure or claim, as text.",
    ),
    key(
        "facts",
        "source",
        Type::ActorId,
        false,
        "Id of the actor the claim is attributed to.",
    ),
    key(
        "facts",
        "evidence",
        Type::Text,
        false,
        "Words quoted from the article; `…` or `...` leaves words out.",
    ),
    key("facts", "note", Type::Text, false, "A note for the reader."),
];

/// What each table is, for the schema.
const TABLES: [(&str, &str); 4] = [
    (
        "briefing",
        "The article: its title, where it is, where it comes from, what to leave out.",
    ),
    (
        "actors",
        "The people, organisations, countries, places and media the article names.",
    ),
    (
        "events",
        "The timeline: dated events, each resting on the article's words.",
    ),
    (
        "facts",
        "Key figures and claims, each resting on the article's words.",
    ),
];

/// The schema as a JSON value.
#[must_use]
pub fn schema() -> Value {
    let mut properties = Map::new();
    for (table, description) in TABLES {
        let mut keys = Map::new();
        let mut required = Vec::new();
        for k in KEYS.iter().filter(|k| k.table == table) {
            let mut s = k.ty.schema();
            if let Value::Object(o) = &mut s {
                o.insert("description".into(), k.description.into());
            }
            keys.insert(k.key.into(), s);
            if k.required {
                required.push(Value::from(k.key));
            }
        }
        let entry = json!({
            "type": "object",
            "additionalProperties": false,
            "required": required,
            "properties": keys,
        });
        let value = if table == "briefing" {
            let mut entry = entry;
            entry["description"] = description.into();
            entry
        } else {
            json!({ "description": description, "type": "array", "items": entry })
        };
        properties.insert(table.into(), value);
    }
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "briefing fact sheet",
        "description": "A hand-curated fact sheet about a news article, read by `briefing` \
                        (docs/fact-sheet.md). A date is a TOML date (2024-07-09) or a string \
                        \"YYYY\", \"YYYY-MM\" or \"YYYY-MM-DD\"; an id is lowercase ASCII \
                        letters, digits and '-'; text may not be blank.",
        "type": "object",
        "additionalProperties": false,
        "required": ["briefing"],
        "properties": properties,
    })
}

/// The schema as `assets/facts.schema.json` holds it and `briefing schema` prints it.
#[must_use]
pub fn text() -> String {
    match serde_json::to_string_pretty(&schema()) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        // A value built from strings cannot fail to serialise.
        Err(e) => unreachable!("the fact sheet's schema: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::sheet::parse::{ACTOR, BRIEFING, EVENT, FACT, TOP};

    #[test]
    fn the_schema_names_exactly_the_keys_the_parser_accepts() {
        let schema = schema();
        let names = |v: &Value| -> BTreeSet<String> {
            v.as_object().expect("properties").keys().cloned().collect()
        };
        let set =
            |keys: &[&str]| -> BTreeSet<String> { keys.iter().map(|&k| k.to_owned()).collect() };
        assert_eq!(names(&schema["properties"]), set(TOP));
        let p = &schema["properties"];
        assert_eq!(names(&p["briefing"]["properties"]), set(BRIEFING));
        assert_eq!(names(&p["actors"]["items"]["properties"]), set(ACTOR));
        assert_eq!(names(&p["events"]["items"]["properties"]), set(EVENT));
        assert_eq!(names(&p["facts"]["items"]["properties"]), set(FACT));
        // In the parser's order, too, which is the documented one.
        for (table, keys) in [
            ("briefing", BRIEFING),
            ("actors", ACTOR),
            ("events", EVENT),
            ("facts", FACT),
        ] {
            let ours: Vec<&str> = KEYS
                .iter()
                .filter(|k| k.table == table)
                .map(|k| k.key)
                .collect();
            assert_eq!(ours, keys, "{table}");
        }
    }

    #[test]
    fn the_kinds_are_the_actor_kinds() {
        let kinds: Vec<Value> = ActorKind::ALL
            .iter()
            .map(|k| Value::from(k.as_str()))
            .collect();
        let kind = &schema()["properties"]["actors"]["items"]["properties"]["kind"];
        assert_eq!(kind["enum"], Value::Array(kinds));
    }

    #[test]
    fn the_descriptions_are_the_docs_table_of_keys() {
        let docs = include_str!("../../docs/fact-sheet.md");
        let rows: Vec<(String, String, String)> = docs
            .lines()
            .filter(|l| l.starts_with("| `"))
            .filter_map(|l| {
                let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
                let [key, ty, description] = cells[..] else {
                    return None;
                };
                Some((
                    key.trim_matches('`').to_owned(),
                    ty.to_owned(),
                    description.to_owned(),
                ))
            })
            .collect();
        let ours: Vec<(String, String, String)> = KEYS
            .iter()
            .map(|k| {
                let ty = if k.required {
                    format!("{}, required", k.ty.name())
                } else {
                    k.ty.name().to_owned()
                };
                (
                    format!("{}.{}", k.table, k.key),
                    ty,
                    k.description.to_owned(),
                )
            })
            .collect();
        assert_eq!(rows, ours);
    }
}
