//! `briefing suggest`: what an existing fact sheet leaves out, found by the same guesses as
//! `briefing draft`. A name is left out when some place the text writes it lies outside every
//! mention of every actor — so "NATO Liaison Office" is left out when only "NATO" is an actor;
//! a dated or figure sentence when no event or fact quotes any of it; furniture when `omit`
//! does not list its line.

use std::collections::HashSet;
use std::fmt::Write;
use std::ops::Range;

use super::furniture::{self, Furniture};
use super::names::Candidate;
use super::render::{self, string};
use super::text::Sentence;
use super::{
    Ids, actor_ids, analyse, attribution, dated_event, headline, sentence_date, unique_quotes,
};
use crate::briefing::Briefing;
use crate::evidence::Quote;
use crate::plural::{count, s};
use crate::sheet::{Event, Fact};

/// What a fact sheet leaves out.
#[derive(Clone, Debug, Default)]
pub struct Suggestions {
    /// Names no actor claims, with the places they stand unclaimed.
    pub names: Vec<(Candidate, Vec<Range<usize>>)>,
    /// Spellings of an actor's name the actor does not list: (actor index, spelling, places).
    pub aliases: Vec<(usize, String, Vec<Range<usize>>)>,
    pub dated: Vec<(Sentence, Event, String)>,
    /// Sentences with a figure, the fact they suggest, and the words naming its source.
    pub figures: Vec<(Sentence, Fact, Option<String>)>,
    pub furniture: Vec<Furniture>,
}

impl Suggestions {
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
            && self.aliases.is_empty()
            && self.dated.is_empty()
            && self.figures.is_empty()
            && self.furniture.is_empty()
    }
}

/// The places a list of quotes covers, to ask whether a sentence is quoted in logarithmic
/// time: the quotes by start, with the farthest end reached so far.
struct Quoted(Vec<(usize, usize)>);

impl Quoted {
    fn new(quotes: &[Option<Quote>]) -> Self {
        let mut by_start: Vec<(usize, usize)> = quotes
            .iter()
            .flatten()
            .map(|q| (q.span.range().start, q.span.range().end))
            .collect();
        by_start.sort_unstable();
        let mut reach = 0;
        for q in &mut by_start {
            reach = reach.max(q.1);
            q.1 = reach;
        }
        Self(by_start)
    }

    /// Whether some quote overlaps `r`.
    fn any(&self, r: &Range<usize>) -> bool {
        let before_end = self.0.partition_point(|&(start, _)| start < r.end);
        before_end > 0 && self.0[before_end - 1].1 > r.start
    }
}

/// Whether mentions of several actors cover every capitalised word of `r`: "Florida for
/// Hurricane Milton" is two names the sheet knows, not a third it lacks.
fn pieced(b: &Briefing, r: &Range<usize>) -> bool {
    let text = b.article.text();
    let inside: Vec<Range<usize>> = b.mentions.all()[b.mentions.first_from(r.start)..]
        .iter()
        .take_while(|m| (m.span.start as usize) < r.end)
        .map(|m| m.span.range())
        .collect();
    if inside.len() < 2 {
        return false;
    }
    let mut at = r.start;
    text[r.clone()].split(' ').all(|word| {
        let start = at;
        at += word.len() + 1;
        !word.starts_with(char::is_uppercase)
            || inside
                .iter()
                .any(|m| m.start <= start && start + word.len() <= m.end)
    })
}

/// Names no actor claims with their places, and spellings one actor does not list.
type Sorted = (
    Vec<(Candidate, Vec<Range<usize>>)>,
    Vec<(usize, String, Vec<Range<usize>>)>,
);

/// The names of `candidates` no actor claims, with the places they stand unclaimed, and the
/// spellings of one actor's name it does not list: (actor index, spelling, places). A place is
/// claimed when a mention covers it, or when mentions of several actors piece it together.
fn sort_names(b: &Briefing, candidates: Vec<Candidate>) -> Sorted {
    sort_names_until(b, candidates, &std::sync::atomic::AtomicBool::new(false)).unwrap_or_default()
}

/// [`sort_names`], given up (`None`) once `stop` is set, looked at every
/// [`super::names::STOP_EVERY`] names.
fn sort_names_until(
    b: &Briefing,
    candidates: Vec<Candidate>,
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Sorted> {
    let text = b.article.text();
    let (mut names, mut aliases) = (Vec::new(), Vec::new());
    let covering = |r: &Range<usize>| {
        b.mentions.at(r.start).and_then(|i| {
            let m = b.mentions.all()[i];
            (m.span.start as usize <= r.start && r.end <= m.span.end as usize)
                .then_some(m.actor as usize)
        })
    };
    for (n, c) in candidates.into_iter().enumerate() {
        if n.is_multiple_of(super::names::STOP_EVERY)
            && stop.load(std::sync::atomic::Ordering::Relaxed)
        {
            return None;
        }
        let owners: HashSet<usize> = c.occurrences.iter().filter_map(&covering).collect();
        let left: Vec<Range<usize>> = c
            .occurrences
            .iter()
            .filter(|r| covering(r).is_none() && !pieced(b, r))
            .cloned()
            .collect();
        if left.is_empty() {
            continue;
        }
        if owners.len() == 1 {
            let Some(&owner) = owners.iter().next() else {
                continue;
            };
            let mut spellings: Vec<String> =
                left.iter().map(|r| text[r.clone()].to_owned()).collect();
            spellings.sort();
            spellings.dedup();
            for s in spellings {
                let at = left
                    .iter()
                    .filter(|r| text[(*r).clone()] == s)
                    .cloned()
                    .collect();
                aliases.push((owner, s, at));
            }
        } else if owners.is_empty() {
            names.push((c, left));
        }
    }
    Some((names, aliases))
}

/// The names no actor claims and the places they stand unclaimed (each name's places
/// ascending): `suggest`'s `names`, found without reading the dates, figures and furniture,
/// for the reader's `u`.
#[must_use]
pub fn unclaimed_names(b: &Briefing) -> Vec<(Candidate, Vec<Range<usize>>)> {
    unclaimed_names_until(b, &std::sync::atomic::AtomicBool::new(false)).unwrap_or_default()
}

/// [`unclaimed_names`], given up (`None`) once `stop` is set (see
/// [`super::names_only_until`]).
#[must_use]
pub fn unclaimed_names_until(
    b: &Briefing,
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Vec<(Candidate, Vec<Range<usize>>)>> {
    let candidates = super::names_only_until(&b.article, stop)?;
    Some(sort_names_until(b, candidates, stop)?.0)
}

/// What `b`'s fact sheet leaves out.
#[must_use]
pub fn suggest(b: &Briefing) -> Suggestions {
    let text = b.article.text();
    let analysis = analyse(&b.article, b.sheet.briefing.published);
    let (names, aliases) = sort_names(b, analysis.candidates);
    let mut out = Suggestions {
        names,
        aliases,
        ..Suggestions::default()
    };
    let events_quoted = Quoted::new(&b.event_evidence);
    let facts_quoted = Quoted::new(&b.fact_evidence);
    let mut event_ids = Ids::taken(b.sheet.events.iter().map(|e| &e.id));
    for (s, phrases) in analysis.dated {
        if events_quoted.any(&s.range) {
            continue;
        }
        let Some((date, approximate, how)) = sentence_date(text, &phrases) else {
            continue;
        };
        let actors = actor_ids(&b.mentions, &b.sheet.actors, &s.range);
        let event = dated_event(text, &s, (date, approximate), actors, &mut event_ids);
        out.dated.push((s, event, how));
    }
    // As in a draft: the figure's words as evidence when they stand once in the text, else its
    // whole sentence; the speaker as the source when the sentence says who said it.
    let mut seen = HashSet::new();
    let figures: Vec<_> = analysis
        .figures
        .into_iter()
        .filter(|(s, _)| !facts_quoted.any(&s.range) && seen.insert(s.range.start))
        .collect();
    let pairs: Vec<(&str, &str)> = figures
        .iter()
        .map(|(s, f)| (&text[f.evidence.clone()], &text[s.range.clone()]))
        .collect();
    let quotes = unique_quotes(&b.article, &pairs);
    for ((s, f), quote) in figures.into_iter().zip(quotes) {
        let source = attribution(text, &b.mentions, &b.sheet.actors, &s.range);
        let fact = Fact {
            // Not printed: the sheet makes it from the label when loaded.
            id: String::new(),
            label: f.label,
            value: f.value,
            source: source
                .as_ref()
                .map(|(a, _)| b.sheet.actors[*a as usize].id.clone()),
            evidence: Some(quote),
            note: None,
        };
        out.figures.push((s, fact, source.map(|s| s.1)));
    }
    let head = headline(text).map(|h| h.1);
    for f in furniture::find(text, head) {
        let hidden = f.lines.iter().all(|&n| {
            let r = b.article.line_range(n - 1);
            r.is_empty() || b.article.is_omitted(r.start)
        });
        if !hidden {
            out.furniture.push(f);
        }
    }
    out
}

fn lines_of(b: &Briefing, at: &[Range<usize>]) -> String {
    let mut lines: Vec<usize> = at.iter().map(|r| b.article.line_of(r.start)).collect();
    lines.dedup();
    let n = at.len();
    format!(
        "{} (line{} {})",
        count(n, "mention"),
        s(lines.len()),
        lines
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// Ready-to-paste TOML for the suggestions; empty when there are none.
#[must_use]
pub fn render(b: &Briefing, s: &Suggestions) -> String {
    let mut o = String::new();
    if s.is_empty() {
        return o;
    }
    let _ = writeln!(
        o,
        "# `briefing suggest`: what {} leaves out. Paste what is right; ignore the rest.\n",
        b.sheet_path
    );
    if !s.furniture.is_empty() {
        // Lines to paste into `omit`; a sheet that has none gets the whole array to paste.
        let whole = b.sheet.briefing.omit.is_empty();
        o.push_str(if whole {
            "# ── Furniture: paste this in [briefing] ──\nomit = [\n"
        } else {
            "# ── Furniture: add these lines to `omit` ──\n"
        });
        for f in &s.furniture {
            render::omit_entry(&mut o, f);
        }
        o.push_str(if whole { "]\n\n" } else { "\n" });
    }
    if !s.aliases.is_empty() {
        o.push_str("# ── Spellings of an actor that its aliases do not list ──\n");
        for (a, spelling, at) in &s.aliases {
            let _ = writeln!(
                o,
                "# actor {}: {}; add to its aliases: {}",
                string(&b.sheet.actors[*a].id),
                lines_of(b, at),
                string(spelling)
            );
        }
        o.push('\n');
    }
    if !s.names.is_empty() {
        o.push_str("# ── Names no actor claims ──\n\n");
        let mut taken = Ids::taken(b.sheet.actors.iter().map(|a| &a.id));
        for (c, at) in &s.names {
            if !c.shared.is_empty() {
                // No actor of its own: whose it is, the curator says.
                let _ = writeln!(
                    o,
                    "# {}: {}, outside every actor's mention; it may stand for {}: add it to the \
                     aliases of the one it means.\n",
                    string(&c.name),
                    lines_of(b, at),
                    crate::briefing::listed(
                        &c.shared.iter().map(|n| string(n)).collect::<Vec<_>>(),
                        "or"
                    )
                );
                continue;
            }
            let _ = writeln!(o, "# {}, outside every actor's mention.", lines_of(b, at));
            let actor = super::candidate_actor(c, &mut taken);
            render::actor(&mut o, &actor, c.kind_reason.as_deref(), &c.alias_reasons);
        }
    }
    if !s.dated.is_empty() {
        o.push_str("# ── Sentences with a date that no event quotes ──\n\n");
        for (sentence, e, how) in &s.dated {
            let _ = writeln!(o, "# Line {}: {how}.", sentence.line);
            render::event(&mut o, e, None);
        }
    }
    if !s.figures.is_empty() {
        o.push_str("# ── Sentences with a figure that no fact quotes ──\n\n");
        for (sentence, f, attributed_by) in &s.figures {
            let _ = writeln!(o, "# Line {}.", sentence.line);
            render::fact(&mut o, f, attributed_by.as_deref());
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_quoted_when_any_quote_overlaps_it() {
        let q = |start: u32, end: u32| {
            Some(Quote {
                span: crate::span::Span::new(start, end),
                count: 1,
            })
        };
        // A long quote first, then short ones inside and after it, and a blank.
        let quotes = [q(10, 50), q(12, 14), None, q(60, 65), q(70, 71)];
        let cover = Quoted::new(&quotes);
        let naive = |r: &Range<usize>| {
            quotes
                .iter()
                .flatten()
                .any(|q| q.span.range().start < r.end && r.start < q.span.range().end)
        };
        for start in 0..80 {
            for end in start + 1..82 {
                let r = start..end;
                assert_eq!(cover.any(&r), naive(&r), "{r:?}");
            }
        }
        assert!(!Quoted::new(&[]).any(&(0..10)));
    }
}
