//! The article pane's state: the rows for the current width, the first row on screen and the
//! cursor (the current mention, or the unclaimed name it stands on). The rows are wrapped a
//! block at a time when first needed ([`crate::wrap`]), never per frame: the rows on screen
//! (and one on each side) are always wrapped once an update is over, so that the view and
//! [`ArticleState::shows`] read them without the article; the other blocks are counted on
//! [`crate::app::Action::Settle`] until the row numbers are exact.

use crate::article::Article;
use crate::wrap::{ArticleLayout, Count, Row, RowAt};

/// The most columns a row of the article takes: lines much longer than this are hard to read
/// (typography's measure). A wider pane draws the rows from its left edge with the rest blank,
/// its scrollbar staying at its right edge.
pub const MEASURE: u16 = 100;

/// Bytes of blocks counted on each `Settle` (a few milliseconds' work).
const SETTLE_BYTES: usize = 512 * 1024;

#[derive(Clone, Debug, Default)]
pub struct ArticleState {
    pub layout: ArticleLayout,
    /// The first row on screen, as a place in the layout (not a row number: it stays where it
    /// is while the blocks before it are counted).
    anchor: RowAt,
    /// The number of the first row on screen (0-based): exact once the layout is whole
    /// ([`ArticleLayout::is_whole`]), else an estimate. Kept in step with the anchor.
    pub top: usize,
    /// The current mention (an index into the mention index).
    pub cursor: Option<usize>,
    /// The unclaimed name the cursor stands on instead (an index into the places of
    /// [`super::unclaimed::Unclaimed`]), while unclaimed names are shown; `cursor` is then
    /// `None`. A mention put under the cursor takes it off (`App::update` sees to it).
    pub unclaimed: Option<usize>,
    /// Rows on screen.
    pub height: usize,
}

impl ArticleState {
    /// Lays the article out again for a pane `width` columns wide (rows of at most
    /// [`MEASURE`]), keeping the same text at the top of the screen.
    pub fn relayout(&mut self, article: &Article, width: u16, show_omitted: bool) {
        let width = width.min(MEASURE);
        if self.layout.width() == width.max(1)
            && self.layout.shows_omitted() == show_omitted
            && self.layout.blocks() > 0
        {
            return;
        }
        let anchor = self.top_offset();
        self.layout = ArticleLayout::new(article, width, show_omitted);
        self.set_top_at(article, anchor);
    }

    /// The byte offset at the start of the first row on screen.
    #[must_use]
    pub fn top_offset(&self) -> usize {
        self.layout
            .stored_row(self.anchor)
            .map_or(0, |r| r.span.start as usize)
    }

    /// The number of the first row on screen, and whether it is exact.
    #[must_use]
    pub fn top_number(&self) -> Count {
        self.layout.number(self.anchor)
    }

    /// The largest number the first row on screen can have (an estimate until the layout is
    /// whole).
    #[must_use]
    pub fn max_top(&self) -> usize {
        self.layout.total().rows.saturating_sub(self.height.max(1))
    }

    /// The `i`th row on screen (0 is the first).
    #[must_use]
    pub fn screen_row(&self, i: usize) -> Option<Row> {
        let mut at = self.anchor;
        for _ in 0..i {
            at = self.layout.stored_next(at)?;
        }
        self.layout.stored_row(at)
    }

    /// The rows on screen, from the first.
    #[must_use]
    pub fn screen_rows(&self) -> Vec<Row> {
        let mut rows = Vec::with_capacity(self.height);
        let mut at = Some(self.anchor);
        while let Some(a) = at.filter(|_| rows.len() < self.height.max(1)) {
            match self.layout.stored_row(a) {
                Some(r) => rows.push(r),
                None => break,
            }
            at = self.layout.stored_next(a);
        }
        rows
    }

    /// The row that shows byte `offset` (or the first after it when it is hidden).
    pub fn row_at(&self, article: &Article, offset: usize) -> Option<Row> {
        let at = self.layout.at_offset(article, offset);
        self.layout.row(article, at)
    }

    /// The row `down` (or up) from the one that shows byte `offset`, and so on: the rows after
    /// (or before) it, nearest first.
    pub fn rows_from(
        &self,
        article: &Article,
        offset: usize,
        down: bool,
    ) -> impl Iterator<Item = Row> {
        let mut at = Some(self.layout.at_offset(article, offset));
        std::iter::from_fn(move || {
            let a = at?;
            at = if down {
                self.layout.next(article, a)
            } else {
                self.layout.prev(article, a)
            };
            at.and_then(|n| self.layout.row(article, n))
        })
    }

    /// Puts the first row on screen at `at`, no further down than a full screen allows, and
    /// wraps what the screen shows.
    fn set_anchor(&mut self, article: &Article, at: RowAt) {
        let layout = &self.layout;
        let height = isize::try_from(self.height.max(1)).unwrap_or(isize::MAX);
        let at = if layout.row(article, at).is_some() {
            at
        } else {
            layout.first(article).unwrap_or_default()
        };
        let last_top = layout
            .last(article)
            .map(|l| layout.step(article, l, 1 - height));
        self.anchor = match last_top {
            Some(last) => at.min(last),
            None => RowAt::default(),
        };
        // The screen's rows and one on each side (what `shows` reads) are wrapped.
        let end = layout.step(article, self.anchor, height);
        layout.prev(article, self.anchor);
        layout.next(article, end);
        let keep = self.anchor.block.saturating_sub(1)..end.block + 2;
        self.layout.trim(keep);
        self.top = self.layout.number(self.anchor).rows;
    }

    /// Shows byte `offset` in the first row on screen (or as far down as the end allows).
    pub fn set_top_at(&mut self, article: &Article, offset: usize) {
        let at = self.layout.at_offset(article, offset);
        self.set_anchor(article, at);
    }

    /// Keeps the first row on screen where a full screen allows (after a change of height).
    pub fn clamp(&mut self, article: &Article) {
        self.set_anchor(article, self.anchor);
    }

    pub fn scroll(&mut self, article: &Article, delta: isize) {
        let at = self.layout.step(article, self.anchor, delta);
        self.set_anchor(article, at);
    }

    /// Whether byte `offset` is on screen (read from the rows wrapped, which the screen's
    /// always are).
    #[must_use]
    pub fn shows(&self, offset: usize) -> bool {
        let layout = &self.layout;
        let Some(first) = layout.stored_row(self.anchor) else {
            // No row at all: every offset maps to the first row there would be.
            return true;
        };
        // Past the row before the screen (or on the first), and before the row after it.
        if let Some(before) = layout
            .stored_prev(self.anchor)
            .and_then(|p| layout.stored_row(p))
            && offset < first.span.start as usize
            && offset <= before.span.end as usize
        {
            return false;
        }
        let mut last = (self.anchor, first);
        for _ in 1..self.height.max(1) {
            match layout
                .stored_next(last.0)
                .and_then(|n| Some((n, layout.stored_row(n)?)))
            {
                Some(n) => last = n,
                None => return true,
            }
        }
        match layout
            .stored_next(last.0)
            .and_then(|n| layout.stored_row(n))
        {
            Some(after) => offset < after.span.start as usize && offset <= last.1.span.end as usize,
            None => true,
        }
    }

    /// Scrolls so that byte `offset` is on screen: left alone if it already is, otherwise a
    /// third of the way down, so the lines before it give context.
    pub fn reveal(&mut self, article: &Article, offset: usize) {
        if self.shows(offset) {
            return;
        }
        let row = self.layout.at_offset(article, offset);
        let up = isize::try_from(self.height / 3).unwrap_or(0);
        let at = self.layout.step(article, row, -up);
        self.set_anchor(article, at);
    }

    /// Whether blocks are left to count ([`ArticleState::settle`] counts them).
    #[must_use]
    pub fn unsettled(&self) -> bool {
        !self.layout.is_whole()
    }

    /// Counts some of the blocks left to count (on `Settle`, when the reader is idle); the
    /// number of the first row on screen follows.
    pub fn settle(&mut self, article: &Article) {
        if self.unsettled() {
            self.layout.settle(article, SETTLE_BYTES);
            self.top = self.layout.number(self.anchor).rows;
        }
    }
}
