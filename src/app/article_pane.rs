//! The article pane's state: the rows for the current width, the first row on screen and the
//! cursor (the current mention, or the unclaimed name it stands on). The rows are computed once per width, never per frame.

use crate::article::Article;
use crate::wrap::ArticleLayout;

/// The most columns a row of the article takes: lines much longer than this are hard to read
/// (typography's measure). A wider pane draws the rows from its left edge with the rest blank,
/// its scrollbar staying at its right edge.
pub const MEASURE: u16 = 100;

#[derive(Clone, Debug, Default)]
pub struct ArticleState {
    pub layout: ArticleLayout,
    /// The first row on screen.
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
            && !self.layout.rows().is_empty()
        {
            return;
        }
        let anchor = self.top_offset();
        self.layout = ArticleLayout::new(article, width, show_omitted);
        self.top = self.layout.row_of(anchor);
        self.clamp();
    }

    /// The byte offset at the start of the first row on screen.
    #[must_use]
    pub fn top_offset(&self) -> usize {
        self.layout
            .rows()
            .get(self.top)
            .map_or(0, |r| r.span.start as usize)
    }

    #[must_use]
    pub fn max_top(&self) -> usize {
        self.layout.rows().len().saturating_sub(self.height.max(1))
    }

    pub fn clamp(&mut self) {
        self.top = self.top.min(self.max_top());
    }

    pub fn scroll(&mut self, delta: isize) {
        self.top = self.top.saturating_add_signed(delta).min(self.max_top());
    }

    /// Whether byte `offset` is on screen.
    #[must_use]
    pub fn shows(&self, offset: usize) -> bool {
        let row = self.layout.row_of(offset);
        row >= self.top && row < self.top + self.height.max(1)
    }

    /// Scrolls so that byte `offset` is on screen: left alone if it already is, otherwise a
    /// third of the way down, so the lines before it give context.
    pub fn reveal(&mut self, offset: usize) {
        if self.shows(offset) {
            return;
        }
        let row = self.layout.row_of(offset);
        self.top = row.saturating_sub(self.height / 3);
        self.clamp();
    }
}
