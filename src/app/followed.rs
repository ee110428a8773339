//! What is followed: the actor or event Enter last followed, whose mentions stand out and
//! that `n`/`N` walk, and the quoted evidence highlighted with it. The two change together
//! here, so that no path sets one and forgets the other.

use std::collections::HashSet;

use crate::briefing::Briefing;
use crate::span::Span;

/// The actor or event followed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Target {
    #[default]
    None,
    Actor(usize),
    /// An event: all its actors are highlighted.
    Event(usize),
}

/// What is followed, and the quote highlighted with it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Followed {
    target: Target,
    /// Quoted evidence to highlight: the followed event's, or a fact's (or an event's) whose
    /// link was followed from the details.
    quote: Option<Span>,
}

impl Followed {
    /// Following `target`: an event comes with its evidence highlighted, an actor without a
    /// quote.
    #[must_use]
    pub fn new(target: Target, b: &Briefing) -> Self {
        let quote = match target {
            Target::Event(e) => b.event_evidence.get(e).copied().flatten().map(|q| q.span),
            Target::Actor(_) | Target::None => None,
        };
        Self { target, quote }
    }

    #[must_use]
    pub fn target(self) -> Target {
        self.target
    }

    #[must_use]
    pub fn quote(self) -> Option<Span> {
        self.quote
    }

    /// Nothing is followed and nothing highlighted.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self == Self::default()
    }

    /// Highlights `quote` too (a link to evidence), following what was followed.
    pub fn show_quote(&mut self, quote: Span) {
        self.quote = Some(quote);
    }

    /// The actors whose mentions stand out: the followed actor, or the followed event's.
    #[must_use]
    pub fn actors(self, b: &Briefing) -> HashSet<usize> {
        match self.target {
            Target::None => HashSet::new(),
            Target::Actor(a) => HashSet::from([a]),
            Target::Event(e) => b.sheet.events.get(e).map_or_else(HashSet::new, |ev| {
                ev.actors
                    .iter()
                    .filter_map(|id| b.actor_index(id))
                    .collect()
            }),
        }
    }
}
