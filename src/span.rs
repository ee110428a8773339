//! A byte range of the article, as every part of the briefing keeps one: where a mention, a
//! quote, a row of the laid-out article or a search match stands. Offsets are bytes of the
//! file on disk, as `u32` (an article is at most a few megabytes, and a mention index of a
//! long article holds millions of them).

use std::ops::Range;

/// Bytes `start..end` of the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    #[must_use]
    pub const fn new(start: u32, end: u32) -> Self {
        Self { start, end }
    }

    /// The span of `range`, whose ends fit in `u32` (an article's offsets do).
    #[must_use]
    pub const fn of(range: Range<usize>) -> Self {
        Self::new(range.start as u32, range.end as u32)
    }

    /// The bytes, to index the article's text with.
    #[must_use]
    pub const fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// How many bytes it covers.
    #[must_use]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// Whether byte `offset` is inside it.
    #[must_use]
    pub const fn contains(self, offset: usize) -> bool {
        self.start as usize <= offset && offset < self.end as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_its_bytes() {
        let s = Span::new(3, 7);
        assert_eq!((s.range(), s.len(), s.is_empty()), (3..7, 4, false));
        assert!(s.contains(3) && s.contains(6) && !s.contains(7) && !s.contains(2));
        assert!(Span::new(5, 5).is_empty());
        assert_eq!(Span::of(2..9), Span::new(2, 9));
    }
}
