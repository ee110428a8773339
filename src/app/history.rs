//! The jump history: where each jump came from, across all panes, for Back and Forward.

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
    /// What was followed (its quote is the event's evidence again, when an event).
    pub followed: super::followed::Target,
    pub actors: ListState,
    pub events: ListState,
    pub details_cursor: usize,
    pub facts: bool,
}

#[derive(Clone, Debug, Default)]
pub struct History {
    back: Vec<Location>,
    forward: Vec<Location>,
}

/// Old jumps are forgotten past this many.
const LIMIT: usize = 200;

impl History {
    /// Records `from` before a jump; a new jump forgets what was forward.
    pub fn push(&mut self, from: Location) {
        if self.back.last() == Some(&from) {
            return;
        }
        self.back.push(from);
        if self.back.len() > LIMIT {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// The location to go back to, remembering `current` for Forward.
    pub fn back(&mut self, current: Location) -> Option<Location> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    /// The location to go forward to, remembering `current` for Back.
    pub fn forward(&mut self, current: Location) -> Option<Location> {
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
    }
}
