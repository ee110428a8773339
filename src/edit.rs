//! Curating the fact sheet from the reader: what it proposes for a name or a sentence, and
//! the changes it writes (issue 14, "curate inside the reader").
//!
//! Proposals are pure, made from a loaded [`Briefing`] with the draft's own guesses: an id
//! made unique among the sheet's ids ([`crate::draft::slug`]), the kind a name suggests, a
//! sentence's date resolved against `published`, its title and the actors it mentions. A
//! [`Change`] is then [`apply`]ed to the sheet's text, keeping every other byte, and an
//! [`Editor`] writes it: checked as `briefing check` would, never over an edit made outside the
//! reader, and undone byte for byte. The dialogs that ask are the reader's; nothing here knows
//! a terminal.

mod apply;
mod editor;

use std::ops::Range;

pub use apply::{ApplyError, apply, basic_string};
pub use editor::{Committed, EditError, Editor, Staged, Undone};

use crate::briefing::Briefing;
use crate::draft::{self, Ids, names, text};
use crate::fold::fold;
use crate::sheet::ActorKind;

/// A new actor, as the dialog proposes it and the curator edits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewActor {
    /// Unique among the sheet's ids.
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// Other spellings: the words picked, when the name was written otherwise.
    pub aliases: Vec<String>,
    pub role: Option<String>,
}

/// A new event with a sentence as its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEvent {
    /// Unique among the sheet's ids.
    pub id: String,
    /// As the sheet writes dates, unquoted: `2024-07-09`, `2024-07`, `2024`.
    pub date: String,
    /// The sentence carries the date; when it does not, `date` is the publication date or the
    /// draft's placeholder, for the curator to set.
    pub dated: bool,
    /// The date is approximate ("next week", "in July"), or a placeholder.
    pub approximate: bool,
    pub title: String,
    /// The ids of the actors the sentence mentions, in the order they first stand there.
    pub actors: Vec<String>,
    /// The sentence's words, on one line: a quote `check` finds (quotes are matched folded, so
    /// line breaks and runs of spaces in the article match one space).
    pub evidence: String,
}

/// The event or fact a quote is added to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvidenceTarget {
    /// By id.
    Event(String),
    /// By its place among the sheet's `[[facts]]` tables, in file order (facts have no id).
    Fact(usize),
}

/// One change the reader makes to the fact sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    NewActor(NewActor),
    /// A spelling added to an actor's `aliases` (by its id).
    Alias {
        actor: String,
        alias: String,
    },
    NewEvent(NewEvent),
    /// Evidence for an event or fact that has none.
    Evidence {
        target: EvidenceTarget,
        evidence: String,
    },
}

impl Change {
    /// What the change adds, for a message: `actor "Jens Stoltenberg" (stoltenberg)`.
    #[must_use]
    pub fn describe(&self) -> String {
        use crate::inert::quoted;
        match self {
            Self::NewActor(a) => format!("actor {} ({})", quoted(&a.name, 40), a.id),
            Self::Alias { actor, alias } => {
                format!("alias {} to actor {}", quoted(alias, 40), quoted(actor, 40))
            }
            Self::NewEvent(e) => format!("event {} ({})", quoted(&e.title, 40), e.id),
            Self::Evidence {
                target: EvidenceTarget::Event(id),
                ..
            } => format!("evidence to event {}", quoted(id, 40)),
            Self::Evidence {
                target: EvidenceTarget::Fact(n),
                ..
            } => format!("evidence to fact number {}", n + 1),
        }
    }
}

/// An event or fact of the sheet with no evidence, as a dialog lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unquoted {
    pub target: EvidenceTarget,
    /// The event's title or the fact's label.
    pub label: String,
}

/// Every id the sheet uses, actors' and events'.
fn ids(b: &Briefing) -> Ids {
    Ids::taken(
        b.sheet
            .actors
            .iter()
            .map(|a| &a.id)
            .chain(b.sheet.events.iter().map(|e| &e.id)),
    )
}

/// A new actor for `name` (as selected in the article): its id made from the name, unique; its
/// kind as the draft guesses it from the sentences that name it (or from the name alone); no
/// role.
#[must_use]
pub fn propose_actor(b: &Briefing, name: &str) -> NewActor {
    let name = text::one_line(name);
    let folded = fold(&name);
    let kind = naming(b, &folded)
        .into_iter()
        .find(|c| fold(&c.name) == folded || c.aliases.iter().any(|a| fold(a) == folded))
        .map_or_else(|| names::guess_kind(&name).0, |c| c.kind);
    NewActor {
        id: actor_id(b, &name),
        name,
        kind,
        aliases: Vec::new(),
        role: None,
    }
}

/// The draft's candidate actors in the sentences that hold `folded` (at most the first
/// [`NAMING_SENTENCES`]), as `draft` reads them (title-case lines left out): what the text
/// says of a name (a title before it, "his wife", a country) without reading the whole article
/// for names, which takes a second on a megabyte.
fn naming(b: &Briefing, folded: &str) -> Vec<names::Candidate> {
    if folded.is_empty() {
        return Vec::new();
    }
    let article = b.article.text();
    let head = draft::headline(article).map(|h| h.1);
    let haystack = b.article.folded_str().as_bytes();
    let mut naming: Vec<text::Sentence> = Vec::new();
    // The sentences of the paragraph of the last place, for the places after it in the same
    // paragraph: only the paragraphs that hold the name are cut into sentences.
    let mut paragraph: Vec<text::Sentence> = Vec::new();
    for at in memchr::memmem::find_iter(haystack, folded.as_bytes()) {
        let at = b.article.folded().to_original(at);
        if !paragraph.iter().any(|s| s.range.contains(&at)) {
            paragraph = text::sentences_around(&b.article, head, at);
        }
        match paragraph.iter().find(|s| s.range.contains(&at)) {
            Some(s) if naming.last() != Some(s) => naming.push(s.clone()),
            _ => {}
        }
        if naming.len() == NAMING_SENTENCES {
            break;
        }
    }
    naming.retain(|s| !draft::title_case(&article[s.range.clone()]));
    names::candidates(article, &naming)
}

/// How many sentences that name an actor [`propose_actor`] reads for its kind.
const NAMING_SENTENCES: usize = 50;

/// The sentence around byte `offset` of the article, as the draft cuts sentences (outside
/// omitted lines); on an omitted or blank line, the sentence [`crate::sentence::around`] finds.
#[must_use]
pub fn sentence_at(b: &Briefing, offset: usize) -> Range<usize> {
    let head = draft::headline(b.article.text()).map(|h| h.1);
    let sentences = text::sentences_around(&b.article, head, offset);
    let k = sentences.partition_point(|s| s.range.end <= offset);
    match sentences.get(k) {
        Some(s) if s.range.start <= offset => s.range.clone(),
        _ => crate::sentence::around(b.article.text(), offset..offset),
    }
}

/// A new event with the sentence `sentence` (a byte range of the article) as its evidence: its
/// date from the sentence's date phrases resolved against `published` as `draft` does, else
/// the date `draft` gives an undated event; its title from the sentence; the actors it
/// mentions.
#[must_use]
pub fn propose_event(b: &Briefing, sentence: Range<usize>) -> NewEvent {
    let article = b.article.text();
    let sentence = clamp(article, sentence);
    let words = &article[sentence.clone()];
    let published = b.sheet.briefing.published;
    let phrases = draft::dates::phrases(article, sentence.clone(), published);
    let found = draft::sentence_date(article, &phrases);
    let title = draft::title_from(words);
    let id = event_id(b, &title);
    let (date, dated, approximate) = if let Some((date, approximate, _)) = found {
        (date, true, approximate)
    } else {
        let latest = draft::latest_year(b.sheet.events.iter().map(|e| e.date));
        (draft::undated_date(published, latest).0, false, true)
    };
    NewEvent {
        id,
        date: date.to_string(),
        dated,
        approximate,
        title,
        actors: draft::actor_ids(&b.mentions, &b.sheet.actors, &sentence),
        evidence: text::one_line(words),
    }
}

/// An id for a new actor named `name`, unique among the sheet's ids, made as the draft makes
/// an actor's (without reading the article: the dialog asks it at every key typed).
#[must_use]
pub fn actor_id(b: &Briefing, name: &str) -> String {
    ids(b).unique(draft::slug(name, 6), "actor")
}

/// An id for a new event titled `title`, unique among the sheet's ids.
#[must_use]
pub fn event_id(b: &Briefing, title: &str) -> String {
    ids(b).unique(draft::slug(title, 5), "event")
}

/// `r` within `text`, on character boundaries.
fn clamp(text: &str, r: Range<usize>) -> Range<usize> {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(r.start);
    start..floor(r.end).max(start)
}

/// The events (in timeline order) and facts (in file order) that have no evidence: what
/// evidence can be added to.
#[must_use]
pub fn unquoted(b: &Briefing) -> Vec<Unquoted> {
    let events = (b.sheet.events.iter().zip(&b.event_evidence))
        .filter(|(_, q)| q.is_none())
        .map(|(e, _)| Unquoted {
            target: EvidenceTarget::Event(e.id.clone()),
            label: e.title.clone(),
        });
    // `sheet.facts` keeps the file's order (only events are sorted, into the timeline).
    let facts = (b.sheet.facts.iter().zip(&b.fact_evidence).enumerate())
        .filter(|(_, (_, q))| q.is_none())
        .map(|(n, (f, _))| Unquoted {
            target: EvidenceTarget::Fact(n),
            label: f.label.clone(),
        });
    events.chain(facts).collect()
}

#[cfg(test)]
mod tests;
