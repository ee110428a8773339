//! A [`Change`] applied to the fact sheet's text.
//!
//! `toml_edit` reads the sheet and says where every table, key and value stands; the change is
//! then spliced into the text at those places, so that every byte outside the few inserted is
//! the curator's own: comments, blank lines, key order, quoting, line endings. (Serialising a
//! `toml_edit` document after changing it keeps most formatting but re-decorates what it
//! touches: an alias pushed onto a multi-line array lands on the last element's line, a new
//! table takes no blank line. Splicing keeps the file byte for byte and writes new entries in
//! the shape `briefing draft` writes them.) The result is parsed again before it is handed
//! back.

use std::fmt::Write;
use std::ops::Range;

use toml_edit::{ArrayOfTables, Document, Item, Table, Value};

use super::{Change, EvidenceTarget, NewActor, NewEvent};
use crate::date::{PartialDate, Precision};
use crate::inert::quoted;
use crate::sheet::GUESSED_DATE;
use crate::sheet::parse::derive_id;

/// Why a change cannot be applied to the text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("the fact sheet is not valid TOML ({0}); fix it, then try again")]
    NotToml(String),
    #[error("the fact sheet has no actor {}; reload it and choose another", quoted(.0, 40))]
    NoSuchActor(String),
    #[error("the fact sheet has no event {}; reload it and choose another", quoted(.0, 40))]
    NoSuchEvent(String),
    #[error("the fact sheet has no fact number {}; reload it and choose another", .0 + 1)]
    NoSuchFact(usize),
    #[error("the id {} is taken in the fact sheet; choose another", quoted(.0, 40))]
    Taken(String),
    #[error("{} is a spelling of {} already", quoted(.alias, 40), quoted(.actor, 40))]
    Known { alias: String, actor: String },
    #[error("{0} has evidence already; edit it in the fact sheet")]
    HasEvidence(String),
    #[error("{0}")]
    Unsupported(String),
    #[error(
        "{} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
        quoted(.0, 40)
    )]
    BadDate(String),
    #[error("the {0} is empty; write one")]
    Empty(&'static str),
}

/// Applies `change` to `sheet_text`, keeping every other byte as it was.
pub fn apply(sheet_text: &str, change: &Change) -> Result<String, ApplyError> {
    apply_at(sheet_text, change).map(|(text, _)| text)
}

/// As [`apply`], with the byte offset in the new text where the change stands (for a message
/// naming its line).
pub(crate) fn apply_at(sheet_text: &str, change: &Change) -> Result<(String, usize), ApplyError> {
    let doc = Document::parse(sheet_text).map_err(|e| ApplyError::NotToml(one_line(&e)))?;
    let eol = if sheet_text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let splice = match change {
        Change::NewActor(a) => new_actor(sheet_text, &doc, a, eol)?,
        Change::Alias { actor, alias } => add_alias(sheet_text, &doc, actor, alias, eol)?,
        Change::NewEvent(e) => new_event(sheet_text, &doc, e, eol)?,
        Change::Evidence { target, evidence } => {
            add_evidence(sheet_text, &doc, target, evidence, eol)?
        }
    };
    let mut out = String::with_capacity(sheet_text.len() + splice.text.len());
    out.push_str(&sheet_text[..splice.at.start]);
    out.push_str(&splice.text);
    out.push_str(&sheet_text[splice.at.end..]);
    // What is spliced in is built from escaped strings; parsing again makes sure of it.
    Document::parse(out.as_str()).map_err(|e| ApplyError::NotToml(one_line(&e)))?;
    Ok((out, splice.at.start + splice.shown))
}

/// Text to put in place of the range `at` (empty: an insertion); `shown` is the offset, within
/// `text`, of what a message points at.
struct Splice {
    at: Range<usize>,
    text: String,
    shown: usize,
}

fn one_line(e: &toml_edit::TomlError) -> String {
    e.message().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A TOML basic string: `"…"` with quotes, backslashes and control characters escaped.
/// Written here rather than with `toml_edit`'s own display, which picks a literal string
/// (`'…'`) for text with quotes or backslashes; the sheet's entries are basic strings.
#[must_use]
pub fn basic_string(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\t' => o.push_str("\\t"),
            '\r' => o.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(o, "\\u{:04X}", u32::from(c));
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// A date as the sheet writes it: a full date bare, a year or a month quoted (the draft's
/// [`crate::draft::render::date`]).
fn sheet_date(text: &str) -> Result<String, ApplyError> {
    let d = PartialDate::parse(text.trim()).map_err(|_| ApplyError::BadDate(text.to_owned()))?;
    Ok(if d.precision() == Precision::Day {
        crate::draft::render::date(d)
    } else {
        basic_string(&d.to_string())
    })
}

/// The array of tables `name` (`[[actors]]`…), when the sheet has one.
fn tables<'d>(
    doc: &'d Document<&str>,
    name: &str,
) -> Result<Option<&'d ArrayOfTables>, ApplyError> {
    match doc.as_table().get(name) {
        None => Ok(None),
        Some(Item::ArrayOfTables(a)) => Ok(Some(a)),
        Some(_) => Err(ApplyError::Unsupported(format!(
            "`{name}` is not written as [[{name}]] tables; the reader only adds to those: \
             edit the fact sheet by hand"
        ))),
    }
}

/// The end of the line `at` stands on, after its line break (or the end of the text).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |n| at + n + 1)
}

/// The start of the line `at` stands on.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |n| n + 1)
}

/// Where a table's last entry ends: after the line of its last value (its comment and line
/// break included), or after its header when it has none; and after the comment lines right
/// below it, unless they stand right above the next table's header (they are its heading).
fn table_end(text: &str, t: &Table) -> Result<usize, ApplyError> {
    let header = t.span().ok_or_else(no_span)?;
    let last = t
        .iter()
        .filter_map(|(_, item)| item.span())
        .map(|s| s.end)
        .max()
        .unwrap_or(header.end);
    let end = line_end(text, last.max(header.end));
    let mut below = end;
    while below < text.len()
        && text[below..line_end(text, below)]
            .trim_start()
            .starts_with('#')
    {
        below = line_end(text, below);
    }
    let heading = text[below..]
        .trim_start_matches([' ', '\t'])
        .starts_with('[');
    Ok(if heading { end } else { below })
}

fn no_span() -> ApplyError {
    ApplyError::Unsupported(
        "the fact sheet's tables could not be located; edit it by hand".to_owned(),
    )
}

/// Where a new table of `name` goes, with what goes before it and after it: after the last
/// table of its kind (with a blank line before it, when the last one has one); else before the
/// first table of `before` (and the comments right above it); else at the end of the file.
fn table_place(
    text: &str,
    doc: &Document<&str>,
    name: &str,
    before: &[&str],
    eol: &str,
) -> Result<(usize, String, String), ApplyError> {
    if let Some(last) = tables(doc, name)?.and_then(|a| a.iter().last()) {
        let end = table_end(text, last)?;
        let header = last.span().ok_or_else(no_span)?;
        let lead = if end == text.len() && !text.ends_with('\n') {
            format!("{eol}{}", blank_before(text, header.start, eol))
        } else {
            blank_before(text, header.start, eol).to_owned()
        };
        return Ok((end, lead, String::new()));
    }
    let mut first: Option<usize> = None;
    for other in before {
        if let Some(t) = tables(doc, other)?.and_then(|a| a.iter().next()) {
            let start = t.span().ok_or_else(no_span)?.start;
            first = Some(first.map_or(start, |f| f.min(start)));
        }
    }
    if let Some(start) = first {
        return Ok((
            comments_above(text, line_start(text, start)),
            String::new(),
            eol.to_owned(),
        ));
    }
    let lead = match text {
        "" => String::new(),
        t if t.ends_with(&format!("{eol}{eol}")) => String::new(),
        t if t.ends_with('\n') => eol.to_owned(),
        _ => format!("{eol}{eol}"),
    };
    Ok((text.len(), lead, String::new()))
}

/// A blank line when the line above the header at `header` (and the comments right above it)
/// is blank, as in a sheet whose tables are set apart; else nothing.
fn blank_before<'e>(text: &str, header: usize, eol: &'e str) -> &'e str {
    let top = comments_above(text, line_start(text, header));
    if top == 0 {
        return eol;
    }
    let above = &text[line_start(text, top - 1)..top];
    if above.trim().is_empty() { eol } else { "" }
}

/// The start of the run of comment lines right above the line starting at `line`.
fn comments_above(text: &str, mut line: usize) -> usize {
    while line > 0 {
        let prev = line_start(text, line - 1);
        if text[prev..line].trim_start().starts_with('#') {
            line = prev;
        } else {
            break;
        }
    }
    line
}

/// The string value of `key` in a table, if it is one.
fn string_of<'t>(t: &'t Table, key: &str) -> Option<&'t str> {
    t.get(key).and_then(Item::as_str)
}

/// A table's id: its `id`, or the one `check` makes from `from` (the name or title).
fn id_of(t: &Table, from: &str) -> Option<String> {
    match t.get("id") {
        Some(item) => item.as_str().map(str::to_owned),
        None => string_of(t, from).and_then(derive_id),
    }
}

fn all_ids(doc: &Document<&str>) -> Result<Vec<String>, ApplyError> {
    let mut ids = Vec::new();
    for (name, from) in [("actors", "name"), ("events", "title")] {
        if let Some(a) = tables(doc, name)? {
            ids.extend(a.iter().filter_map(|t| id_of(t, from)));
        }
    }
    Ok(ids)
}

fn new_actor(
    text: &str,
    doc: &Document<&str>,
    a: &NewActor,
    eol: &str,
) -> Result<Splice, ApplyError> {
    if a.name.trim().is_empty() {
        return Err(ApplyError::Empty("name"));
    }
    if a.id.trim().is_empty() {
        return Err(ApplyError::Empty("id"));
    }
    if all_ids(doc)?.contains(&a.id) {
        return Err(ApplyError::Taken(a.id.clone()));
    }
    let (at, lead, trail) = table_place(text, doc, "actors", &["events", "facts"], eol)?;
    let mut block = format!(
        "[[actors]]{eol}id = {}{eol}name = {}{eol}kind = {}{eol}",
        basic_string(&a.id),
        basic_string(&a.name),
        basic_string(a.kind.as_str())
    );
    if !a.aliases.is_empty() {
        let list: Vec<String> = a.aliases.iter().map(|s| basic_string(s)).collect();
        let _ = write!(block, "aliases = [{}]{eol}", list.join(", "));
    }
    if let Some(role) = a.role.as_deref().filter(|r| !r.trim().is_empty()) {
        let _ = write!(block, "role = {}{eol}", basic_string(role));
    }
    Ok(Splice {
        at: at..at,
        shown: lead.len(),
        text: format!("{lead}{block}{trail}"),
    })
}

fn new_event(
    text: &str,
    doc: &Document<&str>,
    e: &NewEvent,
    eol: &str,
) -> Result<Splice, ApplyError> {
    if e.title.trim().is_empty() {
        return Err(ApplyError::Empty("title"));
    }
    if e.id.trim().is_empty() {
        return Err(ApplyError::Empty("id"));
    }
    if all_ids(doc)?.contains(&e.id) {
        return Err(ApplyError::Taken(e.id.clone()));
    }
    let date = sheet_date(&e.date)?;
    let (at, lead, trail) = table_place(text, doc, "events", &["facts"], eol)?;
    let mut block = format!(
        "[[events]]{eol}id = {}{eol}date = {date}",
        basic_string(&e.id)
    );
    if !e.dated {
        let _ = write!(block, "   # {GUESSED_DATE}");
    }
    block.push_str(eol);
    if e.approximate {
        let _ = write!(block, "approximate = true{eol}");
    }
    let _ = write!(block, "title = {}{eol}", basic_string(&e.title));
    if !e.actors.is_empty() {
        let ids: Vec<String> = e.actors.iter().map(|a| basic_string(a)).collect();
        let _ = write!(block, "actors = [{}]{eol}", ids.join(", "));
    }
    if !e.evidence.trim().is_empty() {
        let _ = write!(block, "evidence = {}{eol}", basic_string(&e.evidence));
    }
    Ok(Splice {
        at: at..at,
        shown: lead.len(),
        text: format!("{lead}{block}{trail}"),
    })
}

/// A spelling the actor has already (as the mention rules compare spellings: folded) would
/// only add a warning: refused.
fn refuse_known(t: &Table, actor: &str, alias: &str) -> Result<(), ApplyError> {
    let folded = crate::fold::fold(alias.trim());
    let name = t.get("name").and_then(Item::as_str);
    let aliases = t.get("aliases").and_then(Item::as_array);
    let known = name
        .into_iter()
        .chain(
            aliases
                .into_iter()
                .flat_map(|a| a.iter().filter_map(Value::as_str)),
        )
        .any(|s| crate::fold::fold(s.trim()) == folded);
    if known {
        return Err(ApplyError::Known {
            alias: alias.to_owned(),
            actor: actor.to_owned(),
        });
    }
    Ok(())
}

fn add_alias(
    text: &str,
    doc: &Document<&str>,
    actor: &str,
    alias: &str,
    eol: &str,
) -> Result<Splice, ApplyError> {
    if alias.trim().is_empty() {
        return Err(ApplyError::Empty("alias"));
    }
    let t = tables(doc, "actors")?
        .and_then(|a| {
            a.iter()
                .find(|t| id_of(t, "name").as_deref() == Some(actor))
        })
        .ok_or_else(|| ApplyError::NoSuchActor(actor.to_owned()))?;
    refuse_known(t, actor, alias)?;
    let value = basic_string(alias);
    let Some(item) = t.get("aliases") else {
        // No `aliases` yet: a line after `kind` (or `name`), where the draft writes it.
        let after = ["kind", "name", "id"]
            .iter()
            .find_map(|k| t.get(k).and_then(Item::span))
            .map_or(table_end(text, t)?, |s| line_end(text, s.end));
        let lead = if after == text.len() && !text.ends_with('\n') {
            eol
        } else {
            ""
        };
        return Ok(Splice {
            at: after..after,
            shown: lead.len(),
            text: format!("{lead}aliases = [{value}]{eol}"),
        });
    };
    let Some(Value::Array(array)) = item.as_value() else {
        return Err(ApplyError::Unsupported(format!(
            "the aliases of {} are not an array; edit the fact sheet by hand",
            quoted(actor, 40)
        )));
    };
    let whole = array.span().ok_or_else(no_span)?;
    let close = whole.end - 1; // the `]`
    let Some(last) = array.iter().last() else {
        // `[]`, or `[ ]` with whatever stands inside: the alias right after the `[`.
        let at = whole.start + 1;
        return Ok(Splice {
            at: at..at,
            shown: 0,
            text: value,
        });
    };
    let last = last.span().ok_or_else(no_span)?;
    let between = &text[last.end..close];
    // A comma after the last element, not one in a comment after it (`"b"   # x, y`).
    let comma = between[..between.find('#').unwrap_or(between.len())].find(',');
    let multi_line = text[whole.clone()].contains('\n');
    let same_line_close = !between.contains('\n');
    if !multi_line || same_line_close {
        // `["a", "b"]` → `["a", "b", "c"]`; `["a", "b",]` → `["a", "b", "c",]`.
        return Ok(match comma {
            Some(c) => {
                let at = last.end + c + 1;
                Splice {
                    at: at..at,
                    shown: 1,
                    text: format!(" {value},"),
                }
            }
            None => Splice {
                at: last.end..last.end,
                shown: 2,
                text: format!(", {value}"),
            },
        });
    }
    // One element a line: a line of its own after the last one's (after its comment), indented
    // as it is, with a comma after the last one when it has none.
    let start = line_start(text, last.start);
    let indent: String = text[start..last.start]
        .chars()
        .take_while(|c| c.is_whitespace())
        .collect();
    let after = line_end(text, last.end);
    let line = format!("{indent}{value},{eol}");
    if comma.is_some() {
        return Ok(Splice {
            at: after..after,
            shown: indent.len(),
            text: line,
        });
    }
    // The comma goes right after the last element: splice from there to the line end.
    let rest = &text[last.end..after];
    Ok(Splice {
        at: last.end..after,
        shown: 1 + rest.len() + indent.len(),
        text: format!(",{rest}{line}"),
    })
}

fn add_evidence(
    text: &str,
    doc: &Document<&str>,
    target: &EvidenceTarget,
    evidence: &str,
    eol: &str,
) -> Result<Splice, ApplyError> {
    if evidence.trim().is_empty() {
        return Err(ApplyError::Empty("evidence"));
    }
    let (t, what) = match target {
        EvidenceTarget::Event(id) => (
            tables(doc, "events")?
                .and_then(|a| a.iter().find(|t| id_of(t, "title").as_deref() == Some(id)))
                .ok_or_else(|| ApplyError::NoSuchEvent(id.clone()))?,
            format!("event {}", quoted(id, 40)),
        ),
        EvidenceTarget::Fact(n) => (
            tables(doc, "facts")?
                .and_then(|a| a.get(*n))
                .ok_or(ApplyError::NoSuchFact(*n))?,
            format!("fact number {}", n + 1),
        ),
    };
    let value = basic_string(evidence);
    if let Some(item) = t.get("evidence") {
        // An empty `evidence = ""` is no evidence: its value is replaced.
        if item.as_str().is_some_and(|s| s.trim().is_empty()) {
            let at = item.span().ok_or_else(no_span)?;
            return Ok(Splice {
                at,
                shown: 0,
                text: value,
            });
        }
        return Err(ApplyError::HasEvidence(what));
    }
    let at = table_end(text, t)?;
    let lead = if at == text.len() && !text.ends_with('\n') {
        eol
    } else {
        ""
    };
    Ok(Splice {
        at: at..at,
        shown: lead.len(),
        text: format!("{lead}evidence = {value}{eol}"),
    })
}
