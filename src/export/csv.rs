//! CSV: one table per export, with a header row and RFC 4180 quoting (by the `csv` crate).
//! A cell a spreadsheet would run as a formula is neutralised with a leading apostrophe; a
//! control character is shown by its visible placeholder (`␛`), as the reader and Markdown show
//! it; a list (aliases, an event's actors) is a JSON array of strings in its cell, which no
//! value holding the separator can be confused with.

use std::borrow::Cow;
use std::io::{self, Write};

use super::Table;
use crate::briefing::Briefing;
use crate::evidence::Quote;
use crate::inert::{is_unsafe, one_line, placeholder};
use crate::sentence::around;

/// Writes `table` to `out` row by row as it is made: nothing but the row being written is held,
/// however many mentions the article has.
pub fn write(b: &Briefing, table: Table, out: impl Write) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    match table {
        Table::Actors => actors(b, &mut w),
        Table::Mentions => mentions(b, &mut w),
        Table::Events => events(b, &mut w),
        Table::Facts => facts(b, &mut w),
    }?;
    w.flush()
}

type Csv<W> = ::csv::Writer<W>;

/// Writes one row, each cell made visible and safe.
fn row<W: Write, S: AsRef<str>>(
    w: &mut Csv<W>,
    cells: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    for cell in cells {
        w.write_field(safe(&visible(cell.as_ref())).as_bytes())
            .map_err(io_error)?;
    }
    // An empty record after its fields ends the row they make.
    w.write_record(std::iter::empty::<&[u8]>())
        .map_err(io_error)?;
    Ok(())
}

/// The writer's own error as it was (a reader gone is `BrokenPipe`, which `export | head` takes
/// for the end it is), where the csv crate's conversion makes every error "other".
fn io_error(e: ::csv::Error) -> io::Error {
    match e.into_kind() {
        ::csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("CSV error: {kind:?}")),
    }
}

fn actors<W: Write>(b: &Briefing, w: &mut Csv<W>) -> io::Result<()> {
    row(
        w,
        [
            "id",
            "name",
            "kind",
            "aliases",
            "role",
            "affiliation",
            "note",
            "mentions",
        ],
    )?;
    for (n, a) in b.sheet.actors.iter().enumerate() {
        row(
            w,
            [
                a.id.clone(),
                a.name.clone(),
                a.kind.to_string(),
                list(&a.aliases),
                opt(a.role.as_deref()),
                opt(a.affiliation.as_deref()),
                opt(a.note.as_deref()),
                b.mentions.count(n).to_string(),
            ],
        )?;
    }
    Ok(())
}

/// Each mention's line and column are counted in the same one pass over the text as
/// [`super::MentionPositions`] counts them, as the rows are written, not kept for all of them.
fn mentions<W: Write>(b: &Briefing, w: &mut Csv<W>) -> io::Result<()> {
    row(
        w,
        [
            "actor", "start", "end", "line", "column", "text", "name", "kind", "sentence",
        ],
    )?;
    let text = b.article.text();
    let all = b.mentions.all();
    let offsets = all.iter().map(|m| m.span.start as usize);
    let positions = b.article.lines().positions(text, offsets);
    for (m, (line, column)) in all.iter().zip(positions) {
        let actor = &b.sheet.actors[m.actor as usize];
        row(
            w,
            [
                Cow::Borrowed(actor.id.as_str()),
                Cow::Owned(m.span.start.to_string()),
                Cow::Owned(m.span.end.to_string()),
                Cow::Owned(line.to_string()),
                Cow::Owned(column.to_string()),
                Cow::Borrowed(&text[m.span.range()]),
                Cow::Borrowed(actor.name.as_str()),
                Cow::Borrowed(actor.kind.as_str()),
                Cow::Owned(sentence(text, m.span.range())),
            ],
        )?;
    }
    Ok(())
}

fn events<W: Write>(b: &Briefing, w: &mut Csv<W>) -> io::Result<()> {
    row(
        w,
        [
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
        ],
    )?;
    for (e, q) in b.sheet.events.iter().zip(&b.event_evidence) {
        let cells = [
            e.id.clone(),
            e.date.to_string(),
            e.end.map(|d| d.to_string()).unwrap_or_default(),
            e.approximate.to_string(),
            e.title.clone(),
            list(&e.actors),
            opt(e.note.as_deref()),
        ];
        row(w, cells.into_iter().chain(evidence(b, *q)))?;
    }
    Ok(())
}

fn facts<W: Write>(b: &Briefing, w: &mut Csv<W>) -> io::Result<()> {
    row(
        w,
        [
            "id",
            "label",
            "value",
            "source",
            "note",
            "evidence",
            "evidence_start",
            "evidence_end",
            "evidence_line",
        ],
    )?;
    for (f, q) in b.sheet.facts.iter().zip(&b.fact_evidence) {
        let cells = [
            f.id.clone(),
            f.label.clone(),
            f.value.clone(),
            opt(f.source.as_deref()),
            opt(f.note.as_deref()),
        ];
        row(w, cells.into_iter().chain(evidence(b, *q)))?;
    }
    Ok(())
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
