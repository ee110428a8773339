//! Reads a fact sheet from TOML text into a [`FactSheet`], reporting every syntax or structural
//! problem (missing key, wrong type, unknown key, bad date, bad id) at its line and column.

use std::collections::BTreeMap;

use toml::de::DeTable;

use super::table::{Field, Need, Table, date_in_words, list};
use super::{
    Actor, ActorKind, ActorPositions, Event, EventPositions, Fact, FactPositions, FactSheet, Meta,
    Positions, Span,
};
use crate::date::PartialDate;
use crate::diagnostic::{Diagnostic, SourceFile, did_you_mean};
use crate::inert::{escaped, quoted};

/// The keys each table accepts; [`crate::sheet::schema`] is tested to name exactly these.
pub const TOP: &[&str] = &["briefing", "actors", "events", "facts"];
pub const BRIEFING: &[&str] = &[
    "title",
    "article",
    "source",
    "url",
    "published",
    "summary",
    "omit",
];
pub const ACTOR: &[&str] = &[
    "id",
    "name",
    "kind",
    "aliases",
    "role",
    "affiliation",
    "note",
];
pub const EVENT: &[&str] = &[
    "id",
    "date",
    "end",
    "approximate",
    "title",
    "actors",
    "evidence",
    "note",
];
pub const FACT: &[&str] = &["id", "label", "value", "source", "evidence", "note"];

/// What parsing produced: the sheet as far as it could be read, where things are, and every
/// problem found. The sheet is only usable when no problem is an error.
pub struct Parsed {
    pub sheet: FactSheet,
    pub positions: Positions,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a fact sheet. Syntax errors stop the reading (what follows them would be guessed);
/// any other problem is reported and reading goes on.
#[must_use]
pub fn parse(src: &SourceFile) -> Parsed {
    let mut out = Vec::new();
    let (root, errors) = DeTable::parse_recoverable(src.text());
    if !errors.is_empty() {
        report_syntax(src, &errors, &mut out);
        return Parsed {
            sheet: FactSheet::default(),
            positions: Positions::default(),
            diagnostics: out,
        };
    }
    let root_span = root.span();
    let root = root.into_inner();
    let top = Table::new(&root, root_span, "the fact sheet".to_owned());
    top.reject_unknown(TOP, src, &mut out);

    let mut sheet = FactSheet::default();
    let mut positions = Positions::default();
    if let Some((t, span)) = top.table("briefing", src, &mut out) {
        let t = Table::new(t, span, "[briefing]".to_owned());
        sheet.briefing = meta(&t, src, &mut out, &mut positions);
    }
    let actors = top.tables("actors", src, &mut out);
    let events = top.tables("events", src, &mut out);
    let facts = top.tables("facts", src, &mut out);
    positions.tables = [actors.len(), events.len(), facts.len()];
    let mut ids = Ids::default();
    for (n, (t, span)) in actors.into_iter().enumerate() {
        let mut t = Table::new(t, span, format!("[[actors]] #{}", n + 1));
        if let Some((a, p)) = actor(&mut t, src, &mut out, &mut ids) {
            sheet.actors.push(a);
            positions.actors.push(p);
        }
    }
    let mut ids = Ids::default();
    for (n, (t, span)) in events.into_iter().enumerate() {
        let mut t = Table::new(t, span, format!("[[events]] #{}", n + 1));
        if let Some((e, p)) = event(&mut t, src, &mut out, &mut ids) {
            sheet.events.push(e);
            positions.events.push(p);
        }
    }
    let mut ids = Ids::default();
    for (n, (t, span)) in facts.into_iter().enumerate() {
        let mut t = Table::new(t, span, format!("[[facts]] #{}", n + 1));
        let (f, p) = fact(&mut t, n, src, &mut out, &mut ids);
        sheet.facts.push(f);
        positions.facts.push(p);
    }
    Parsed {
        sheet,
        positions,
        diagnostics: out,
    }
}

/// One message per line: a parser that recovers from an error often reports a cascade of
/// follow-on errors on the same line, which only bury the real one.
fn report_syntax(src: &SourceFile, errors: &[toml::de::Error], out: &mut Vec<Diagnostic>) {
    let mut by_line = BTreeMap::new();
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        let (line, _) = src.line_col(span.start);
        by_line.entry(line).or_insert((span, e.message()));
    }
    for (span, message) in by_line.into_values() {
        let message = escaped(message).replace('\n', "; ");
        let d = src.error(&span, format!("TOML syntax: {message}"));
        out.push(match syntax_hint(src.text(), span.start, &message) {
            Some(hint) => d.with_hint(hint),
            None => d,
        });
    }
}

/// The parser's message describes TOML's grammar (`invalid float, expected 'nan'`, `duplicate
/// key`); when the line is `key = value` and the slip is a common one (a value meant as text
/// or as a short date, a key set twice), say that in the curator's terms.
fn syntax_hint(text: &str, at: usize, message: &str) -> Option<String> {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
    let (key, value) = text.get(start..end)?.split_once('=')?;
    let (key, value) = (key.trim(), value.trim());
    // Only a plain key: anything else is not the slip this hint is about, and its text is
    // repeated in the hint, where a control character must not go.
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    if key.is_empty() || !key.chars().all(plain) {
        return None;
    }
    if message.starts_with("duplicate key") {
        return Some(format!(
            "`{key}` is set twice in this table; keep one of them"
        ));
    }
    if let Some(hint) = date_in_words(key, value) {
        return Some(hint);
    }
    let first = value.chars().next()?;
    let quoted = inert_quote(value);
    // A year and month written bare (2024-07), which TOML takes for a broken date. A full date
    // that is wrong (2024-07-32) is another slip, and the parser's own message names it.
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let year_month = value
        .split_once('-')
        .is_some_and(|(y, m)| y.len() == 4 && digits(y) && m.len() <= 2 && digits(m));
    if year_month {
        Some(format!(
            "a full date is written bare, like 2024-07-09; a year or a month alone goes in quotes: {key} = {quoted}"
        ))
    } else if first.is_alphabetic() && !matches!(value, "true" | "false" | "inf" | "nan") {
        Some(format!("text goes in double quotes: {key} = {quoted}"))
    } else {
        None
    }
}

/// `value` in double quotes, for a hint, escaped so that it is safe to print.
fn inert_quote(value: &str) -> String {
    let value: String = value.chars().take(60).collect();
    format!("\"{}\"", escaped(&value))
}

fn meta(t: &Table, src: &SourceFile, out: &mut Vec<Diagnostic>, positions: &mut Positions) -> Meta {
    t.reject_unknown(BRIEFING, src, out);
    let title = t.string("title", Need::Required, src, out);
    let article = t.string("article", Need::Required, src, out);
    positions.article = article
        .as_ref()
        .map_or_else(|| t.span(), |a| a.span.clone());
    let omit = t.strings("omit", src, out);
    let mut lines = Vec::with_capacity(omit.len());
    for line in omit {
        if line.value.trim().is_empty() {
            out.push(src.error(
                &line.span,
                "a blank line in `omit` would hide every blank line",
            ));
            continue;
        }
        if line.value.trim() == "*" {
            out.push(
                src.error(&line.span, "`*` alone in `omit` would hide every line")
                    .with_hint("put the beginning of the lines to hide before it, like \"• *\""),
            );
            continue;
        }
        positions.omit.push(line.span);
        lines.push(line.value);
    }
    Meta {
        title: title.map(|f| f.value).unwrap_or_default(),
        article: article.map(|f| f.value).unwrap_or_default(),
        source: value(t.string("source", Need::TEXT, src, out)),
        url: value(t.string("url", Need::TEXT, src, out)),
        published: value(t.date("published", false, src, out)),
        summary: value(t.string("summary", Need::TEXT, src, out)),
        omit: lines,
    }
}

fn actor(
    t: &mut Table,
    src: &SourceFile,
    out: &mut Vec<Diagnostic>,
    ids: &mut Ids,
) -> Option<(Actor, ActorPositions)> {
    let id = ids.read(t, "actor", "name", src, out);
    t.reject_unknown(ACTOR, src, out);
    let name = t.string("name", Need::Required, src, out);
    let kind = t.string("kind", Need::Required, src, out).and_then(|k| {
        let parsed = k.value.parse::<ActorKind>();
        if parsed.is_err() {
            let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
            let d = src.error(
                &k.span,
                format!("unknown actor kind {}", quoted(&k.value, 40)),
            );
            out.push(match did_you_mean(&k.value, kinds.iter().copied()) {
                Some(m) => d.with_hint(format!("did you mean \"{m}\"?")),
                None => d.with_hint(format!("the kinds are {}", list(&kinds))),
            });
        }
        parsed.ok()
    });
    let mut aliases = Vec::new();
    let mut alias_spans = Vec::new();
    for alias in t.strings("aliases", src, out) {
        if alias.value.trim().is_empty() {
            out.push(src.error(&alias.span, "a blank alias would match nothing; remove it"));
            continue;
        }
        alias_spans.push(alias.span);
        aliases.push(alias.value);
    }
    let affiliation = t.string("affiliation", Need::ACTOR_ID, src, out);
    let role = value(t.string("role", Need::TEXT, src, out));
    let note = value(t.string("note", Need::TEXT, src, out));
    // Without an id nothing can refer to the actor; with one, it is kept even when other fields
    // are broken (those are reported already), so that references to it are still checked.
    let id = id?;
    let name = name.unwrap_or(Field {
        value: String::new(),
        span: t.span(),
    });
    let kind = kind.unwrap_or(ActorKind::Other);
    let positions = ActorPositions {
        table: t.span(),
        id: id.span,
        name: name.span,
        aliases: alias_spans,
        affiliation: affiliation.as_ref().map_or(0..0, |f| f.span.clone()),
    };
    let actor = Actor {
        id: id.value,
        name: name.value,
        kind,
        aliases,
        role,
        affiliation: value(affiliation),
        note,
    };
    Some((actor, positions))
}

fn event(
    t: &mut Table,
    src: &SourceFile,
    out: &mut Vec<Diagnostic>,
    ids: &mut Ids,
) -> Option<(Event, EventPositions)> {
    let id = ids.read(t, "event", "title", src, out);
    t.reject_unknown(EVENT, src, out);
    let date = t.date("date", true, src, out);
    let end = t.date("end", false, src, out);
    let approximate = t.bool("approximate", src, out).unwrap_or(false);
    let title = t.string("title", Need::Required, src, out);
    let actors = t.strings("actors", src, out);
    let evidence = t.string("evidence", Need::EVIDENCE, src, out);
    let note = value(t.string("note", Need::TEXT, src, out));
    // As for actors: kept when only its date or title is broken, so its references are checked.
    let id = id?;
    let date = date.unwrap_or(Field {
        value: PartialDate::new(1970, None, None).unwrap_or_else(|_| unreachable!()),
        span: t.span(),
    });
    let title = title.unwrap_or(Field {
        value: String::new(),
        span: t.span(),
    });
    let positions = EventPositions {
        table: t.span(),
        id: id.span,
        date: date.span,
        end: end.as_ref().map_or(0..0, |f| f.span.clone()),
        actors: actors.iter().map(|a| a.span.clone()).collect(),
        evidence: evidence.as_ref().map_or(0..0, |f| f.span.clone()),
    };
    let event = Event {
        id: id.value,
        date: date.value,
        end: value(end),
        approximate,
        title: title.value,
        actors: actors.into_iter().map(|a| a.value).collect(),
        evidence: value(evidence),
        note,
    };
    Some((event, positions))
}

/// The `n`th fact (from 0). Unlike an actor or an event it is kept without an id (nothing in
/// the sheet refers to a fact); one that has none, because its label is missing or yields none,
/// is named by its place (`fact-3`), the label's problem being reported already.
fn fact(
    t: &mut Table,
    n: usize,
    src: &SourceFile,
    out: &mut Vec<Diagnostic>,
    ids: &mut Ids,
) -> (Fact, FactPositions) {
    let id = ids.read_fact(t, src, out);
    t.reject_unknown(FACT, src, out);
    let label = t.string("label", Need::Required, src, out);
    let value_field = t.string("value", Need::Required, src, out);
    let source = t.string("source", Need::ACTOR_ID, src, out);
    let evidence = t.string("evidence", Need::EVIDENCE, src, out);
    let note = value(t.string("note", Need::TEXT, src, out));
    let label = label.unwrap_or(Field {
        value: String::new(),
        span: t.span(),
    });
    let value_field = value_field.unwrap_or(Field {
        value: String::new(),
        span: t.span(),
    });
    let id = id.unwrap_or_else(|| Field {
        value: format!("fact-{}", n + 1),
        span: t.span(),
    });
    let positions = FactPositions {
        table: t.span(),
        id: id.span,
        label: label.span,
        source: source.as_ref().map_or(0..0, |f| f.span.clone()),
        evidence: evidence.as_ref().map_or(0..0, |f| f.span.clone()),
    };
    let fact = Fact {
        id: id.value,
        label: label.value,
        value: value_field.value,
        source: value(source),
        evidence: value(evidence),
        note,
    };
    (fact, positions)
}

fn value<T>(field: Option<Field<T>>) -> Option<T> {
    field.map(|f| f.value)
}

/// The ids seen so far in one array of tables, to catch duplicates.
#[derive(Default)]
struct Ids(std::collections::HashMap<String, Span>);

impl Ids {
    /// As [`Ids::read`] for a fact, whose id made from its label is never a clash: facts had no
    /// ids before, and two facts may well share a label ("Casualties" from two sources), so the
    /// second made from it is numbered (`casualties-2`). A duplicate id written out is reported.
    fn read_fact(
        &mut self,
        t: &mut Table,
        src: &SourceFile,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Field<String>> {
        if t.has("id") {
            return self.read(t, "fact", "label", src, out);
        }
        let text = t.peek_string("label").filter(|s| !s.trim().is_empty())?;
        let Some(base) = derive_id(text) else {
            return self.read(t, "fact", "label", src, out);
        };
        let header = t.header(src);
        let mut id = base.clone();
        let mut k = 1;
        while self.0.contains_key(&id) {
            k += 1;
            id = format!("{base}-{k}");
        }
        self.0.insert(id.clone(), header.clone());
        t.rename(format!("fact {}", quoted(&id, 40)));
        Some(Field {
            value: id,
            span: header,
        })
    }

    /// Reads and checks `id`: well-formed, not seen before in this array. Left out, it is
    /// derived from `from` (the name or title), and a derived id already taken is reported at
    /// the entry's header. A malformed or duplicate id is reported but still returned, so that
    /// references to it do not also fail.
    fn read(
        &mut self,
        t: &mut Table,
        what: &str,
        from: &str,
        src: &SourceFile,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Field<String>> {
        if !t.has("id") {
            // A missing or blank name or title is reported where it is read.
            let text = t.peek_string(from).filter(|s| !s.trim().is_empty())?;
            let header = t.header(src);
            let Some(id) = derive_id(text) else {
                out.push(
                    src.error(
                        &header,
                        format!(
                            "{} has no `id`, and none can be made from its {from} {}",
                            t.name(),
                            quoted(text, 40)
                        ),
                    )
                    .with_hint("give it an `id` of lowercase letters, digits and '-'"),
                );
                return None;
            };
            if let Some(first) = self.0.get(&id) {
                let (line, _) = src.line_col(first.start);
                out.push(
                    src.error(
                        &header,
                        format!(
                            "{what} id {}, made from its {from}, is already used on line {line}",
                            quoted(&id, 40)
                        ),
                    )
                    .with_hint(format!("give this {what} an `id` of its own")),
                );
            } else {
                self.0.insert(id.clone(), header.clone());
            }
            t.rename(format!("{what} {}", quoted(&id, 40)));
            return Some(Field {
                value: id,
                span: header,
            });
        }
        let id = t.string("id", Need::Required, src, out)?;
        if !is_id(&id.value) {
            out.push(
                src.error(
                    &id.span,
                    format!("{what} id {} is not a valid id", quoted(&id.value, 40)),
                )
                .with_hint(format!(
                    "use lowercase letters, digits and '-', like {}",
                    quoted(&suggest_id(&id.value), 40)
                )),
            );
        }
        if let Some(first) = self.0.get(&id.value) {
            let (line, _) = src.line_col(first.start);
            out.push(src.error(
                &id.span,
                format!(
                    "duplicate {what} id {} (first used on line {line})",
                    quoted(&id.value, 40)
                ),
            ));
        } else {
            self.0.insert(id.value.clone(), id.span.clone());
        }
        t.rename(format!("{what} {}", quoted(&id.value, 40)));
        Some(id)
    }
}

/// Lowercase ASCII letters, digits and '-'.
#[must_use]
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The id an actor or event without one gets from its name or title, and the valid id a
/// malformed one is told to be: letters folded to ASCII by `deunicode` ("Zelenskyy" stays,
/// "Rūta Grīnberga" → "ruta-grinberga", "Ελλάδα" → "ellada"), lowercase letters and digits
/// kept, every other run one dash. `None` when nothing is left.
#[must_use]
pub fn derive_id(text: &str) -> Option<String> {
    let mut id = String::new();
    for c in deunicode::deunicode(text).chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-');
    (!id.is_empty()).then(|| id.to_owned())
}

/// A valid id close to `wrong`: "Joe Biden" → "joe-biden".
fn suggest_id(wrong: &str) -> String {
    derive_id(wrong).unwrap_or_else(|| "my-id".to_owned())
}
