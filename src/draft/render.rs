//! Writes a [`Draft`] as a fact sheet to be edited: every guess preceded or followed by a
//! comment saying why, so that deleting a wrong guess is deleting one line or one block.

use std::fmt::Write;

use super::Draft;
use crate::date::{PartialDate, Precision};
use crate::plural::count;
use crate::sheet::{Actor, ActorKind, Event, Fact, GUESSED_DATE};

/// `toml` with every control character but line feed and tab made a space. Strings are
/// written escaped ([`string`]), so a raw control character can only come from article text
/// quoted in a comment ("Joe\x0cBiden said"), where TOML allows none: the sheet would not load.
#[must_use]
pub fn comments_safe(toml: String) -> String {
    if !toml
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return toml;
    }
    toml.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// One entry of `omit`, with why it is furniture and on which lines it stands: in a draft, and
/// in what `suggest` prints.
pub fn omit_entry(o: &mut String, f: &super::furniture::Furniture) {
    let lines = f
        .lines
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let _ = writeln!(
        o,
        "    # {} {lines}: {}\n    {},",
        if f.lines.len() == 1 { "line" } else { "lines" },
        f.reason,
        string(&f.text)
    );
}

/// A TOML basic string.
#[must_use]
pub fn string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A date as TOML: a full date bare, a year or a month quoted (TOML has no partial dates).
#[must_use]
pub fn date(d: PartialDate) -> String {
    if d.precision() == Precision::Day {
        d.to_string()
    } else {
        format!("\"{d}\"")
    }
}

/// The file a draft's `#:schema` line names, beside the sheet: `briefing draft` writes it there.
pub const SCHEMA_FILE: &str = "facts.schema.json";

/// The first line of a draft: Taplo's directive (read by the editors built on it) naming the
/// fact sheet's JSON Schema. A path beside the sheet rather than a URL: the project publishes
/// the schema at no address, and a file beside the sheet works offline and matches the
/// `briefing` that wrote it (docs/fact-sheet.md).
pub const SCHEMA_DIRECTIVE: &str = "#:schema ./facts.schema.json";

const KINDS: &str = "person | organization | country | place | media | other";

/// The fact sheet text of a draft.
#[must_use]
pub fn render(d: &Draft) -> String {
    comments_safe(render_sheet(d))
}

fn render_sheet(d: &Draft) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{SCHEMA_DIRECTIVE}\n\
         # A draft fact sheet for {}, written by `briefing draft`: a to-do list, not a\n\
         # finished sheet. Every entry is a guess and says why; delete a wrong one (its line, or\n\
         # its block up to the blank line), fix the rest, then run `briefing check`. The line\n\
         # above names the schema an editor checks keys with: `briefing schema > {SCHEMA_FILE}`.\n",
        d.article
    );
    o.push_str("[briefing]\n");
    match &d.title {
        Some((t, n)) => {
            let _ = writeln!(
                o,
                "# Line {n} reads like a headline.\ntitle = {}",
                string(t)
            );
        }
        None => o.push_str(
            "# The first line is not a headline (it is a sentence): write the title here.\n\
             title = \"Untitled\"\n",
        ),
    }
    let _ = writeln!(o, "article = {}", string(&d.article));
    match &d.published {
        Some((p, why)) => {
            let _ = writeln!(o, "published = {}   # {why}", date(*p));
        }
        None => o.push_str(
            "# No dateline found. Add `published = YYYY-MM-DD`; given to `briefing draft \
             --published`,\n# it also turns relative dates (\"next week\") into events.\n",
        ),
    }
    if !d.omit.is_empty() {
        o.push_str("omit = [\n");
        for f in &d.omit {
            omit_entry(&mut o, f);
        }
        o.push_str("]\n");
    }
    if !d.actors.is_empty() {
        let _ = writeln!(
            o,
            "\n# ── Actors: proper names in the text, most mentioned first ──\n"
        );
    }
    for a in &d.actors {
        let _ = writeln!(
            o,
            "# {}; first on line {}.",
            count(a.mentions, "mention"),
            a.first_line
        );
        actor(
            &mut o,
            &a.actor,
            a.candidate.kind_reason.as_deref(),
            &a.candidate.alias_reasons,
        );
    }
    events(&mut o, d);
    if !d.facts.is_empty() {
        o.push_str("\n# ── Facts: figures in the text; write what each counts in its label ──\n\n");
    }
    for f in &d.facts {
        let _ = writeln!(o, "# Line {}.", f.line);
        fact(&mut o, &f.fact, f.attributed_by.as_deref());
    }
    o
}

/// The events: skipped date phrases, then the events, dated ones first.
fn events(o: &mut String, d: &Draft) {
    if !d.events.is_empty() || !d.skipped_dates.is_empty() {
        o.push_str(
            "\n# ── Events: sentences that carry a date, then sentences that report a happening\n\
             # without one (set their dates) ──\n\n",
        );
    }
    for (line, phrase, why) in &d.skipped_dates {
        let _ = writeln!(
            o,
            "# Line {line}: {} is {why}; no event drafted.",
            string(phrase)
        );
    }
    if !d.skipped_dates.is_empty() {
        o.push('\n');
    }
    for e in &d.events {
        let _ = writeln!(o, "# Line {}: {}.", e.line, e.how);
        let guessed = format!("{GUESSED_DATE} (why: the line above)");
        event(o, &e.event, e.undated.then_some(guessed.as_str()));
    }
}

/// One `[[actors]]` block; `kind_reason` and the alias reasons become comments.
pub fn actor(o: &mut String, a: &Actor, kind_reason: Option<&str>, alias_reasons: &[String]) {
    let _ = writeln!(
        o,
        "[[actors]]\nid = {}\nname = {}",
        string(&a.id),
        string(&a.name)
    );
    match kind_reason {
        Some(why) if a.kind != ActorKind::Other => {
            let _ = writeln!(o, "kind = \"{}\"   # {why}", a.kind);
        }
        _ => {
            let _ = writeln!(o, "kind = \"other\"   # not guessed: {KINDS}");
        }
    }
    if !a.aliases.is_empty() {
        o.push_str("aliases = [\n");
        for (k, alias) in a.aliases.iter().enumerate() {
            let why = alias_reasons.get(k).map_or("", String::as_str);
            let _ = writeln!(o, "    {},   # {why}", string(alias));
        }
        o.push_str("]\n");
    }
    o.push('\n');
}

/// One `[[events]]` block; `date_comment` follows the date.
pub fn event(o: &mut String, e: &Event, date_comment: Option<&str>) {
    let _ = write!(
        o,
        "[[events]]\nid = {}\ndate = {}",
        string(&e.id),
        date(e.date)
    );
    match date_comment {
        Some(c) => {
            let _ = writeln!(o, "   # {c}");
        }
        None => o.push('\n'),
    }
    if e.approximate {
        o.push_str("approximate = true\n");
    }
    let _ = writeln!(o, "title = {}", string(&e.title));
    if !e.actors.is_empty() {
        let ids: Vec<String> = e.actors.iter().map(|a| string(a)).collect();
        let _ = writeln!(o, "actors = [{}]", ids.join(", "));
    }
    if let Some(ev) = &e.evidence {
        let _ = writeln!(o, "evidence = {}", string(ev));
    }
    o.push('\n');
}

/// One `[[facts]]` block.
pub fn fact(o: &mut String, f: &Fact, attributed_by: Option<&str>) {
    let _ = writeln!(
        o,
        "[[facts]]\nlabel = {}\nvalue = {}",
        string(&f.label),
        string(&f.value)
    );
    if let Some(s) = &f.source {
        let _ = writeln!(
            o,
            "source = {}   # {}",
            string(s),
            attributed_by.unwrap_or("")
        );
    }
    if let Some(ev) = &f.evidence {
        let _ = writeln!(o, "evidence = {}", string(ev));
    }
    o.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_control_character_from_the_article_never_reaches_a_comment() {
        // "Joe\x0cBiden said" quoted in a fact's comment made the draft fail to load.
        let toml = "source = \"joe-biden\"   # Joe\u{c}Biden said\r\nvalue = \"5\"\n".to_owned();
        assert_eq!(
            comments_safe(toml),
            "source = \"joe-biden\"   # Joe Biden said \nvalue = \"5\"\n"
        );
    }
}
