//! CSV: one table per export, with a header row and RFC 4180 quoting (by the `csv` crate).
//! A cell a spreadsheet would run as a formula is neutralised with a leading apostrophe; a
//! control character is shown by its visible placeholder (`␛`), as the reader and Markdown show
//! it; a list (aliases, an event's actors) is a JSON array of strings in its cell, which no
//! value holding the separator can be confused with.

use std::borrow::Cow;

use super::{MentionPositions, Table};
use crate::briefing::Briefing;
use crate::evidence::Quote;
use crate::inert::{is_unsafe, one_line, placeholder};
use crate::sentence::around;

pub fn render(b: &Briefing, table: Table) -> String {
    let rows = match table {
        Table::Actors => actors(b),
        Table::Mentions => mentions(b),
        Table::Events => events(b),
        Table::Facts => facts(b),
    };
    let mut w = ::csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = w.write_record(row.iter().map(|cell| safe(&visible(cell)).into_owned()));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

type Rows = Vec<Vec<String>>;

fn actors(b: &Briefing) -> Rows {
    let mut rows = vec![header(&[
        "id",
        "name",
        "kind",
        "aliases",
        "role",
        "affiliation",
        "note",
        "mentions",
    ])];
    for (n, a) in b.sheet.actors.iter().enumerate() {
        rows.push(vec![
            a.id.clone(),
            a.name.clone(),
            a.kind.to_string(),
            list(&a.aliases),
            opt(a.role.as_deref()),
            opt(a.affiliation.as_deref()),
            opt(a.note.as_deref()),
            b.mentions.count(n).to_string(),
        ]);
    }
    rows
}

fn mentions(b: &Briefing) -> Rows {
    let positions = MentionPositions::new(&b.article, &b.mentions);
    let mut rows = vec![header(&[
        "actor", "start", "end", "line", "column", "text", "name", "kind", "sentence",
    ])];
    let text = b.article.text();
    for (n, m) in b.mentions.all().iter().enumerate() {
        let (line, column) = positions.get(n);
        let actor = &b.sheet.actors[m.actor as usize];
        rows.push(vec![
            actor.id.clone(),
            m.span.start.to_string(),
            m.span.end.to_string(),
            line.to_string(),
            column.to_string(),
            text[m.span.range()].to_owned(),
            actor.name.clone(),
            actor.kind.to_string(),
            sentence(text, m.span.range()),
        ]);
    }
    rows
}

fn events(b: &Briefing) -> Rows {
    let mut rows = vec![header(&[
        "id",
        "date",
        "end",
        "approximate",
        "title",
        "actors",
        "note",
        "evidence",
        "evidence_start",
        "evidence_end",
        "evidence_line",
    ])];
    for (e, q) in b.sheet.events.iter().zip(&b.event_evidence) {
        let mut row = vec![
            e.id.clone(),
            e.date.to_string(),
            e.end.map(|d| d.to_string()).unwrap_or_default(),
            e.approximate.to_string(),
            e.title.clone(),
            list(&e.actors),
            opt(e.note.as_deref()),
        ];
        row.extend(evidence(b, *q));
        rows.push(row);
    }
    rows
}

fn facts(b: &Briefing) -> Rows {
    let mut rows = vec![header(&[
        "id",
        "label",
        "value",
        "source",
        "note",
        "evidence",
        "evidence_start",
        "evidence_end",
        "evidence_line",
    ])];
    for (f, q) in b.sheet.facts.iter().zip(&b.fact_evidence) {
        let mut row = vec![
            f.id.clone(),
            f.label.clone(),
            f.value.clone(),
            opt(f.source.as_deref()),
            opt(f.note.as_deref()),
        ];
        row.extend(evidence(b, *q));
        rows.push(row);
    }
    rows
}

fn evidence(b: &Briefing, q: Option<Quote>) -> [String; 4] {
    match q {
        Some(q) => [
            b.article.text()[q.span.range()].to_owned(),
            q.span.start.to_string(),
            q.span.end.to_string(),
            b.article.line_of(q.span.start as usize).to_string(),
        ],
        None => Default::default(),
    }
}

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|&n| n.to_owned()).collect()
}

fn opt(s: Option<&str>) -> String {
    s.unwrap_or_default().to_owned()
}

/// How far from a mention its sentence is looked for, each way: an article without sentence
/// ends (one long line, no full stop) would otherwise be scanned whole for every mention.
const SENTENCE_REACH: usize = 2_000;

/// The sentence around `range`, on one line (what a reviewer reads the mention by, not a copy
/// of the layout), looked for at most [`SENTENCE_REACH`] bytes away.
fn sentence(text: &str, range: std::ops::Range<usize>) -> String {
    let mut start = range.start.saturating_sub(SENTENCE_REACH);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (range.end + SENTENCE_REACH).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let window = &text[start..end];
    let found = around(window, range.start - start..range.end - start);
    one_line(&window[found])
}

/// A list as a JSON array of strings (`["the alliance", "NATO"]`), empty when it has no item:
/// a `; ` between items could not be told from one inside an item.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    // Serialising strings cannot fail.
    serde_json::to_string(items).unwrap_or_default()
}

/// `cell` with every character that must not reach a terminal shown by its placeholder (`␛`,
/// `<U+202E>`), but for the line breaks and tabs a cell may hold (RFC 4180 quotes them).
fn visible(cell: &str) -> Cow<'_, str> {
    let mut chars = cell.chars().peekable();
    let mut out = String::new();
    let mut changed = false;
    while let Some(c) = chars.next() {
        let kept = matches!(c, '\n' | '\t') || (c == '\r' && chars.peek() == Some(&'\n'));
        if is_unsafe(c) && !kept {
            changed = true;
            out.push_str(&placeholder(c));
        } else {
            out.push(c);
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(cell)
    }
}

/// OWASP's advice for CSV injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is prefixed with `'` so that a spreadsheet shows it as text.
fn safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("-2+3"), "'-2+3");
        assert_eq!(safe("plain"), "plain");
    }

    #[test]
    fn controls_are_shown_not_sent_and_line_breaks_kept() {
        assert_eq!(
            visible("a\u{1b}]52;c;aGk=\u{7}b"),
            "a\u{241b}]52;c;aGk=\u{2407}b"
        );
        assert_eq!(
            visible("one\r\ntwo\tthree\rfour"),
            "one\r\ntwo\tthree\u{240d}four"
        );
        assert_eq!(visible("\u{202e}x"), "<U+202E>x");
        assert!(matches!(visible("plain, “quoted”"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_sentence_is_looked_for_near_its_mention_only() {
        let text = "First one. Jones spoke\ntoday. Last.";
        let at = text.find("Jones").unwrap();
        assert_eq!(sentence(text, at..at + 5), "Jones spoke today.");
        let long = format!("{}Jones{}", "word ".repeat(1_000), " word".repeat(1_000));
        let at = long.find("Jones").unwrap();
        let s = sentence(&long, at..at + 5);
        assert!(
            s.contains("Jones") && s.len() <= 2 * SENTENCE_REACH + 5,
            "{}",
            s.len()
        );
    }

    #[test]
    fn a_list_cell_keeps_items_apart_whatever_they_hold() {
        let items = ["a; b".to_owned(), "c\"".to_owned()];
        let cell = list(&items);
        assert_eq!(cell, r#"["a; b","c\""]"#);
        let back: Vec<String> = serde_json::from_str(&cell).expect("a JSON array");
        assert_eq!(back, items);
        assert_eq!(list(&[]), "");
    }
}
