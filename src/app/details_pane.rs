//! The Details pane's state: what it shows (the list's selection, or the facts), the line the
//! cursor is on and the first line on screen. What it shows is derived from this and the lists
//! ([`crate::app::details`]); the offset is kept here and clamped on every change, as a
//! list's is.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DetailsState {
    /// The line the cursor is on.
    pub cursor: usize,
    /// The first line on screen.
    pub offset: usize,
    /// The facts are shown, not the selection of the list last used.
    pub facts: bool,
}

impl DetailsState {
    /// The details from their first line, showing the facts or (`false`) the list's
    /// selection.
    #[must_use]
    pub fn showing(facts: bool) -> Self {
        Self {
            facts,
            ..Self::default()
        }
    }

    /// Back to the first line, showing the same thing.
    pub fn to_top(&mut self) {
        *self = Self::showing(self.facts);
    }

    /// Moves the cursor by `delta` lines of `len`, stopping at the ends.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(len.saturating_sub(1));
        self.fit(len, height);
    }

    /// Keeps the cursor on one of `len` lines and in view.
    pub fn fit(&mut self, len: usize, height: usize) {
        self.cursor = self.cursor.min(len.saturating_sub(1));
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// Scrolls the view by `delta` lines without moving the cursor.
    pub fn scroll(&mut self, delta: isize, len: usize, height: usize) {
        self.offset = self
            .offset
            .saturating_add_signed(delta)
            .min(len.saturating_sub(height));
    }
}
