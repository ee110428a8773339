//! The fact sheet: what a curator writes about an article, as plain data.
//!
//! [`parse`] reads it from TOML, reporting every structural problem at its position;
//! [`validate`] checks what needs the whole sheet (references, duplicate patterns). Positions
//! live in [`Positions`], beside the data, because only messages need them.

pub mod parse;
pub mod schema;
pub mod validate;

mod table;

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use crate::date::PartialDate;

/// A byte range in the fact sheet's text.
pub type Span = Range<usize>;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FactSheet {
    pub briefing: Meta,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    pub facts: Vec<Fact>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub title: String,
    /// Path of the article, relative to the fact sheet.
    pub article: String,
    pub source: Option<String>,
    pub url: Option<String>,
    pub published: Option<PartialDate>,
    pub summary: Option<String>,
    /// Lines of page furniture, as written.
    pub omit: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    /// Id of another actor.
    pub affiliation: Option<String>,
    pub note: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActorKind {
    Person,
    Organization,
    Country,
    Place,
    Media,
    Other,
}

impl ActorKind {
    pub const ALL: [Self; 6] = [
        Self::Person,
        Self::Organization,
        Self::Country,
        Self::Place,
        Self::Media,
        Self::Other,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Country => "country",
            Self::Place => "place",
            Self::Media => "media",
            Self::Other => "other",
        }
    }

    /// The heading for a group of actors of this kind.
    #[must_use]
    pub fn plural(self) -> &'static str {
        match self {
            Self::Person => "People",
            Self::Organization => "Organizations",
            Self::Country => "Countries",
            Self::Place => "Places",
            Self::Media => "Media",
            Self::Other => "Others",
        }
    }
}

impl FromStr for ActorKind {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|k| k.as_str() == s).ok_or(())
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub approximate: bool,
    pub title: String,
    /// Actor ids.
    pub actors: Vec<String>,
    /// Words quoted from the article.
    pub evidence: Option<String>,
    pub note: Option<String>,
}

impl Event {
    /// Its dates as the reader shows them: "2024-07-09 → 07-11", "~2024-09" (approximate).
    #[must_use]
    pub fn when(&self) -> String {
        let mut s = String::new();
        if self.approximate {
            s.push('~');
        }
        s.push_str(&self.date.to_string());
        if let Some(end) = self.end {
            s.push_str(" → ");
            s.push_str(&end.relative_to(self.date));
        }
        s
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Written, or made from the label (see `parse`); unique among the facts.
    pub id: String,
    pub label: String,
    pub value: String,
    /// Id of the actor the claim is attributed to.
    pub source: Option<String>,
    pub evidence: Option<String>,
    pub note: Option<String>,
}

/// The comment `briefing draft` writes after a date it guessed (an undated event's, from the
/// publication date or a year nearby): `check` warns about the date while the comment is there.
pub const GUESSED_DATE: &str = "a guess: set the date it happened";

/// How the part of a label that `briefing draft` leaves to the curator begins ("Share (write
/// what it is a share of)"): `check` warns about the label while it is there. Not "(write" alone:
/// "Votes (write in)" is a label of its own.
pub const LABEL_TO_WRITE: &str = "(write what ";

/// Where things stand in the fact sheet's text, for messages. Indices follow [`FactSheet`].
#[derive(Clone, Debug, Default)]
pub struct Positions {
    pub article: Span,
    pub omit: Vec<Span>,
    pub actors: Vec<ActorPositions>,
    pub events: Vec<EventPositions>,
    pub facts: Vec<FactPositions>,
    /// How many `[[actors]]`, `[[events]]` and `[[facts]]` tables the file has, those too
    /// broken to read included: what a summary counts.
    pub tables: [usize; 3],
}

#[derive(Clone, Debug, Default)]
pub struct ActorPositions {
    pub table: Span,
    pub id: Span,
    pub name: Span,
    pub aliases: Vec<Span>,
    pub affiliation: Span,
}

#[derive(Clone, Debug, Default)]
pub struct EventPositions {
    pub table: Span,
    pub id: Span,
    pub date: Span,
    pub end: Span,
    pub actors: Vec<Span>,
    pub evidence: Span,
}

#[derive(Clone, Debug, Default)]
pub struct FactPositions {
    pub table: Span,
    pub id: Span,
    pub label: Span,
    pub source: Span,
    pub evidence: Span,
}

impl Event {
    /// Timeline order: by date (coarser first on the same day), then by end, then as written.
    pub fn sort(events: &mut [Self]) {
        events.sort_by(|a, b| a.date.cmp(&b.date).then(a.end.cmp(&b.end)));
    }
}
