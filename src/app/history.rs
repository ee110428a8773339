//! The jump history: where each jump came from, across all panes, for Back and Forward. A walk
//! of `n`/`N` through one set of hits is one jump: Back returns to where it began.

use super::geometry::Pane;
use super::list::ListState;

/// Enough to put the reader back where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub focus: Pane,
    /// The list the details follow.
    pub last_list: Pane,
    /// Byte offset of the article's first row on screen (rows change with the width; offsets
    /// do not).
    pub top_offset: usize,
    pub cursor: Option<usize>,
    /// Where the kept search's current match starts (a byte offset: the matches are found
    /// again when the query or the omitted lines change; an offset stays true).
    pub search_at: Option<usize>,
    /// What was followed (its quote is the event's evidence again, when an event).
    pub followed: super::followed::Target,
    pub actors: ListState,
    pub events: ListState,
    pub details_cursor: usize,
    /// What the details showed.
    pub details: super::Shows,
}

/// What a walk of `n`/`N` goes through: the mentions of what is followed, or the matches of a
/// search (by its query).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Hits {
    Mentions(super::followed::Target),
    Matches(String),
}

#[derive(Clone, Debug, Default)]
pub struct History {
    back: Vec<Location>,
    forward: Vec<Location>,
    /// The walk going on: its hits and where its last step ended.
    walk: Option<(Hits, Location)>,
}

/// Old jumps are forgotten past this many.
const LIMIT: usize = 200;

impl History {
    /// Records `from` before a jump; a new jump forgets what was forward.
    pub fn push(&mut self, from: Location) {
        self.walk = None;
        if self.back.last() == Some(&from) {
            return;
        }
        self.back.push(from);
        if self.back.len() > LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// Records `from` before a step of a walk through `hits`, unless the step goes on with the
    /// walk: the same hits, from where its last step ended ([`History::stepped`]). A walk is
    /// one jump.
    pub fn step(&mut self, from: Location, hits: Hits) {
        let goes_on = self
            .walk
            .as_ref()
            .is_some_and(|(h, at)| *h == hits && *at == from);
        if !goes_on {
            self.push(from.clone());
        }
        self.walk = Some((hits, from));
    }

    /// Where the step of the walk just recorded ended.
    pub fn stepped(&mut self, to: Location) {
        if let Some((_, at)) = &mut self.walk {
            *at = to;
        }
    }

    /// The location to go back to, remembering `current` for Forward.
    pub fn back(&mut self, current: Location) -> Option<Location> {
        self.walk = None;
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    /// The location to go forward to, remembering `current` for Back.
    pub fn forward(&mut self, current: Location) -> Option<Location> {
        self.walk = None;
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
    }
}
