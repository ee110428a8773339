//! CSV: one table per export, with a header row and RFC 4180 quoting (by the `csv` crate).
//! A cell a spreadsheet would run as a formula is neutralised with a leading apostrophe.

use super::{MentionPositions, Table};
use crate::briefing::Briefing;
use crate::evidence::Quote;

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
        let _ = w.write_record(row.iter().map(|cell| safe(cell).into_owned()));
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
            a.aliases.join("; "),
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
    let mut rows = vec![header(&["actor", "start", "end", "line", "column", "text"])];
    for (n, m) in b.mentions.all().iter().enumerate() {
        let (line, column) = positions.get(n);
        rows.push(vec![
            b.sheet.actors[m.actor as usize].id.clone(),
            m.span.start.to_string(),
            m.span.end.to_string(),
            line.to_string(),
            column.to_string(),
            b.article.text()[m.span.range()].to_owned(),
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
            e.actors.join("; "),
            opt(e.note.as_deref()),
        ];
        row.extend(evidence(b, *q));
        rows.push(row);
    }
    rows
}

fn facts(b: &Briefing) -> Rows {
    let mut rows = vec![header(&[
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

/// OWASP's advice for CSV injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is prefixed with `'` so that a spreadsheet shows it as text.
fn safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
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
}
