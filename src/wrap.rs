//! The article laid out for a width: every visible line of the article wrapped into rows that
//! know their byte range, so the reader draws only the rows on screen and maps any row or
//! column back to a place in the text.
//!
//! Widths follow what the reader draws: an unsafe character (see [`crate::inert`]) takes the
//! width of its placeholder and a tab is one space. Paragraphs are kept: a blank line stays a
//! blank row. Omitted lines are either hidden (with the blank line after them, so that no gap
//! is left) or shown as rows of their own.
//!
//! The work grows with the screen, not the article: the lines are cut into blocks of about
//! [`BLOCK`] bytes (at line starts, whatever the width), and a block's rows are wrapped when
//! first needed. A place in the rows is a [`RowAt`] (a block and a row in it), not a row
//! number; row numbers (the percentage, the scrollbar, `row N/M`) are exact for the blocks
//! counted and estimated from the bytes per row seen for the rest, until
//! [`ArticleLayout::settle`] has counted every block. Rows of blocks far from the screen may
//! be dropped ([`ArticleLayout::trim`]) and are wrapped again when next needed: memory follows
//! the screen, not the article.

use std::cell::{Cell, OnceCell};
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use crate::article::Article;
use crate::inert::{is_unsafe, placeholder};
use crate::span::Span;

/// One screen row of the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// Where it stands in the article.
    pub span: Span,
    /// The row belongs to an omitted line (only laid out when omitted text is shown).
    pub omitted: bool,
}

/// About how many bytes of lines a block holds (it ends at the first line start after).
pub const BLOCK: usize = 32 * 1024;

/// An article at most this long is wrapped whole at once: its row numbers are exact at once.
pub const SMALL: usize = 4 * BLOCK;

/// Blocks counted when a long article's layout is made, spread through it (see
/// [`ArticleLayout::new`]).
const SAMPLES: usize = 8;

/// Rows kept wrapped before [`ArticleLayout::trim`] drops those of blocks far from the screen.
const KEPT_ROWS: usize = 1 << 20;

/// A place in the rows: the `row`th row of block `block`. Places order as the rows do.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowAt {
    pub block: usize,
    pub row: usize,
}

/// A row count, and whether it is exact or estimated (some blocks not yet counted).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Count {
    pub rows: usize,
    pub exact: bool,
}

#[derive(Clone, Debug, Default)]
struct Block {
    /// Its first line (0-based) and the byte where that line starts.
    line: usize,
    start: usize,
    /// Its rows, once wrapped (dropped again by [`ArticleLayout::trim`] far from the screen).
    rows: OnceCell<Box<[Row]>>,
    /// How many rows it has, once wrapped or counted (kept when the rows are dropped).
    count: Cell<Option<u32>>,
}

/// The rows of the article at one width, wrapped a block at a time as they are needed. The
/// cached rows and counts are the layout's own (a derived value cached for speed, in cells:
/// the same for any order of access, checked against the whole build by the tests).
#[derive(Clone, Debug, Default)]
pub struct ArticleLayout {
    width: u16,
    show_omitted: bool,
    blocks: Vec<Block>,
    /// Lines in the article.
    lines: usize,
    text_len: usize,
    /// The first and the last line that have rows (`None` when no line has any).
    visible: Option<(usize, usize)>,
    /// Bytes and rows of the blocks counted so far (for the estimate of the others).
    seen: Cell<(usize, usize)>,
    /// Blocks counted, and rows held wrapped.
    counted: Cell<usize>,
    held: Cell<usize>,
    /// The next block [`ArticleLayout::settle`] looks at.
    next: usize,
}

impl ArticleLayout {
    /// The layout of `article` at `width`, nothing wrapped yet but for a small article (which
    /// is wrapped whole). Finding the blocks costs a binary search per block.
    #[must_use]
    pub fn new(article: &Article, width: u16, show_omitted: bool) -> Self {
        Self::with_blocks(article, width, show_omitted, BLOCK, SMALL)
    }

    /// [`ArticleLayout::new`] with blocks of about `block` bytes, wrapped whole at once when
    /// the text is at most `small` bytes (the tests cut short texts into many blocks).
    fn with_blocks(
        article: &Article,
        width: u16,
        show_omitted: bool,
        block: usize,
        small: usize,
    ) -> Self {
        let text = article.text();
        let lines = article.line_count();
        let mut blocks = vec![Block::default()];
        let mut target = block;
        while target < text.len() {
            let Some((line, start)) = article.lines().line_at_or_after(text, target) else {
                break;
            };
            blocks.push(Block {
                line,
                start,
                ..Block::default()
            });
            target = start + block;
        }
        let mut layout = Self {
            width: width.max(1),
            show_omitted,
            blocks,
            lines,
            text_len: text.len(),
            ..Self::default()
        };
        let first = (0..lines).find(|&n| layout.has_rows(article, n));
        let last = (0..lines).rev().find(|&n| layout.has_rows(article, n));
        layout.visible = first.zip(last);
        if text.len() <= small {
            for b in 0..layout.blocks.len() {
                layout.block_rows(article, b);
            }
        } else {
            // A few blocks spread through the text counted at once, so that the estimate of
            // the others is the text's average and not the first screen's.
            let n = layout.blocks.len();
            for k in 0..SAMPLES {
                let b = (2 * k + 1) * n / (2 * SAMPLES);
                let rows = layout.wrap_block(article, b).len();
                layout.note_count(b, rows);
            }
        }
        layout
    }

    /// Every row, wrapped whole in one pass: what the lazy layout must always equal (the
    /// reference of its tests).
    #[must_use]
    pub fn whole(article: &Article, width: u16, show_omitted: bool) -> Vec<Row> {
        let width = width.max(1);
        let text = article.text();
        let omitted = article.omitted();
        let mut rows = Vec::with_capacity(text.len() / usize::from(width) + 16);
        let mut next_omitted = 0;
        let mut after_hidden = false;
        for (n, mut line) in article.lines().ranges(text, 0).enumerate() {
            if n == 0 {
                line.start = line.start.max(article.body_start());
            }
            while omitted
                .get(next_omitted)
                .is_some_and(|r| r.end <= line.start)
            {
                next_omitted += 1;
            }
            let is_omitted = omitted
                .get(next_omitted)
                .is_some_and(|r| r.start >= line.start && r.end <= line.end && r.start < r.end);
            if is_omitted && !show_omitted {
                after_hidden = true;
                continue;
            }
            let blank = text[line.clone()].trim().is_empty();
            if blank && after_hidden {
                after_hidden = false;
                continue;
            }
            after_hidden = false;
            wrap_line(text, line, usize::from(width), is_omitted, &mut rows);
        }
        // A trailing line break leaves an empty last line: not worth a row.
        if rows.len() > 1 && rows.last().is_some_and(|r| r.span.start == r.span.end) {
            rows.pop();
        }
        rows
    }

    #[must_use]
    pub fn width(&self) -> u16 {
        self.width
    }

    #[must_use]
    pub fn shows_omitted(&self) -> bool {
        self.show_omitted
    }

    /// The rows wrapped so far, in order: every row once the layout is whole (a small
    /// article's at once; see [`ArticleLayout::all_rows`] for a long one's).
    #[must_use]
    pub fn rows(&self) -> Vec<Row> {
        self.blocks
            .iter()
            .filter_map(|b| b.rows.get())
            .flat_map(|r| r.iter().copied())
            .collect()
    }

    /// Every row, wrapping what is not yet wrapped.
    #[must_use]
    pub fn all_rows(&self, article: &Article) -> Vec<Row> {
        (0..self.blocks.len())
            .flat_map(|b| self.block_rows(article, b).iter().copied())
            .collect()
    }

    /// Whether every block is counted: the row numbers are exact.
    #[must_use]
    pub fn is_whole(&self) -> bool {
        self.counted.get() == self.blocks.len()
    }

    /// How many blocks the lines are cut into.
    #[must_use]
    pub fn blocks(&self) -> usize {
        self.blocks.len()
    }

    fn lines_of(&self, b: usize) -> Range<usize> {
        self.blocks[b].line..self.blocks.get(b + 1).map_or(self.lines, |n| n.line)
    }

    fn bytes_of(&self, b: usize) -> usize {
        self.blocks.get(b + 1).map_or(self.text_len, |n| n.start) - self.blocks[b].start
    }

    /// Line `n`'s range, without its terminator or (on line 1) the byte order mark.
    fn line(article: &Article, n: usize) -> Range<usize> {
        let mut line = article.line_range(n);
        if n == 0 {
            line.start = line.start.max(article.body_start());
        }
        line
    }

    fn omitted(article: &Article, line: &Range<usize>) -> bool {
        let omitted = article.omitted();
        let i = omitted.partition_point(|r| r.end <= line.start);
        omitted
            .get(i)
            .is_some_and(|r| r.start >= line.start && r.end <= line.end && r.start < r.end)
    }

    /// Whether line `n` is laid out at all: not a hidden omitted line, nor the blank line after
    /// one.
    fn has_rows(&self, article: &Article, n: usize) -> bool {
        if self.show_omitted {
            return true;
        }
        let line = Self::line(article, n);
        if Self::omitted(article, &line) {
            return false;
        }
        let blank = article.text()[line].trim().is_empty();
        !(blank && n > 0 && Self::omitted(article, &Self::line(article, n - 1)))
    }

    /// Block `b`'s rows, wrapped on first need.
    pub fn block_rows(&self, article: &Article, b: usize) -> &[Row] {
        self.blocks[b].rows.get_or_init(|| {
            let rows = self.wrap_block(article, b);
            self.note_count(b, rows.len());
            self.held.set(self.held.get() + rows.len());
            rows.into_boxed_slice()
        })
    }

    /// Block `b`'s rows if they are wrapped.
    #[must_use]
    pub fn stored_rows(&self, b: usize) -> Option<&[Row]> {
        self.blocks.get(b)?.rows.get().map(|r| &r[..])
    }

    fn note_count(&self, b: usize, rows: usize) {
        let block = &self.blocks[b];
        if block.count.get().is_none() {
            block
                .count
                .set(Some(u32::try_from(rows).unwrap_or(u32::MAX)));
            let (bytes, seen) = self.seen.get();
            self.seen.set((bytes + self.bytes_of(b), seen + rows));
            self.counted.set(self.counted.get() + 1);
        }
    }

    fn wrap_block(&self, article: &Article, b: usize) -> Vec<Row> {
        let text = article.text();
        let width = usize::from(self.width);
        let lines = self.lines_of(b);
        let omitted = article.omitted();
        let mut rows = Vec::new();
        let first_line = Self::line(article, lines.start);
        let mut next_omitted = omitted.partition_point(|r| r.end <= first_line.start);
        let mut after_hidden = !self.show_omitted
            && lines.start > 0
            && Self::omitted(article, &Self::line(article, lines.start - 1));
        // The lines in order, from one scan of the block's text.
        for (n, mut line) in lines.clone().zip(article.lines().ranges(text, lines.start)) {
            if n == 0 {
                line.start = line.start.max(article.body_start());
            }
            while omitted
                .get(next_omitted)
                .is_some_and(|r| r.end <= line.start)
            {
                next_omitted += 1;
            }
            let is_omitted = omitted
                .get(next_omitted)
                .is_some_and(|r| r.start >= line.start && r.end <= line.end && r.start < r.end);
            if is_omitted && !self.show_omitted {
                after_hidden = true;
                continue;
            }
            let blank = text[line.clone()].trim().is_empty();
            if blank && after_hidden {
                after_hidden = false;
                continue;
            }
            after_hidden = false;
            wrap_line(text, line, width, is_omitted, &mut rows);
        }
        // A trailing line break leaves an empty last line: not worth a row (unless it is the
        // only row of all).
        if let Some((first, last)) = self.visible
            && lines.contains(&last)
            && rows.last().is_some_and(|r| r.span.start == r.span.end)
            && (rows.len() > 1 || first < lines.start)
        {
            rows.pop();
        }
        rows
    }

    /// Block `b`'s row count: exact when counted, else estimated from the bytes per row seen.
    fn count_of(&self, b: usize) -> (usize, bool) {
        if let Some(n) = self.blocks[b].count.get() {
            return (n as usize, true);
        }
        let bytes = self.bytes_of(b);
        let (seen_bytes, seen_rows) = self.seen.get();
        let rows = if seen_bytes == 0 {
            bytes / usize::from(self.width) + 1
        } else {
            (bytes * seen_rows).div_ceil(seen_bytes)
        };
        (rows, false)
    }

    /// How many rows there are.
    #[must_use]
    pub fn total(&self) -> Count {
        let mut total = Count {
            rows: 0,
            exact: true,
        };
        for b in 0..self.blocks.len() {
            let (n, exact) = self.count_of(b);
            total.rows += n;
            total.exact &= exact;
        }
        total
    }

    /// How many rows come before `at`: its row number, 0-based.
    #[must_use]
    pub fn number(&self, at: RowAt) -> Count {
        let mut before = Count {
            rows: at.row,
            exact: true,
        };
        for b in 0..at.block.min(self.blocks.len()) {
            let (n, exact) = self.count_of(b);
            before.rows += n;
            before.exact &= exact;
        }
        before
    }

    /// The byte where each of the rows numbered `numbers` (ascending) starts, `usize::MAX` past
    /// the last row. Exact where the block is wrapped; interpolated by bytes where it is not.
    #[must_use]
    pub fn starts_of(&self, numbers: &[usize]) -> Vec<usize> {
        let mut out = Vec::with_capacity(numbers.len());
        let mut before = 0;
        let mut b = 0;
        for &n in numbers {
            while b < self.blocks.len() {
                let (count, _) = self.count_of(b);
                if n < before + count {
                    break;
                }
                before += count;
                b += 1;
            }
            if b == self.blocks.len() {
                out.push(usize::MAX);
                continue;
            }
            let k = n - before;
            let start = if let Some(rows) = self.stored_rows(b) {
                rows.get(k).map_or(usize::MAX, |r| r.span.start as usize)
            } else {
                let (count, _) = self.count_of(b);
                self.blocks[b].start + k * self.bytes_of(b) / count.max(1)
            };
            out.push(start);
        }
        out
    }

    /// The first row (`None` when there is no row at all).
    pub fn first(&self, article: &Article) -> Option<RowAt> {
        self.following(|b| Some(self.block_rows(article, b)), 0)
    }

    /// The last row.
    pub fn last(&self, article: &Article) -> Option<RowAt> {
        Self::preceding(|b| Some(self.block_rows(article, b)), self.blocks.len())
    }

    /// The first row of block `from` or of a block after it.
    fn following<'a>(
        &self,
        rows: impl Fn(usize) -> Option<&'a [Row]>,
        from: usize,
    ) -> Option<RowAt> {
        (from..self.blocks.len()).find_map(|b| match rows(b) {
            Some(r) if !r.is_empty() => Some(Some(RowAt { block: b, row: 0 })),
            Some(_) => None,
            None => Some(None),
        })?
    }

    /// The last row of a block before block `to`.
    fn preceding<'a>(rows: impl Fn(usize) -> Option<&'a [Row]>, to: usize) -> Option<RowAt> {
        (0..to).rev().find_map(|b| match rows(b) {
            Some(r) if !r.is_empty() => Some(Some(RowAt {
                block: b,
                row: r.len() - 1,
            })),
            Some(_) => None,
            None => Some(None),
        })?
    }

    /// The row at `at`.
    pub fn row(&self, article: &Article, at: RowAt) -> Option<Row> {
        if at.block >= self.blocks.len() {
            return None;
        }
        self.block_rows(article, at.block).get(at.row).copied()
    }

    /// The row at `at`, if its block is wrapped.
    #[must_use]
    pub fn stored_row(&self, at: RowAt) -> Option<Row> {
        self.stored_rows(at.block)?.get(at.row).copied()
    }

    /// The row after `at`.
    pub fn next(&self, article: &Article, at: RowAt) -> Option<RowAt> {
        self.next_with(|b| Some(self.block_rows(article, b)), at)
    }

    /// The row before `at`.
    pub fn prev(&self, article: &Article, at: RowAt) -> Option<RowAt> {
        Self::prev_with(|b| Some(self.block_rows(article, b)), at)
    }

    /// The row after `at`, looking only at wrapped blocks (`None` at an unwrapped one too).
    #[must_use]
    pub fn stored_next(&self, at: RowAt) -> Option<RowAt> {
        self.next_with(|b| self.stored_rows(b), at)
    }

    /// The row before `at`, looking only at wrapped blocks.
    #[must_use]
    pub fn stored_prev(&self, at: RowAt) -> Option<RowAt> {
        Self::prev_with(|b| self.stored_rows(b), at)
    }

    fn next_with<'a>(&self, rows: impl Fn(usize) -> Option<&'a [Row]>, at: RowAt) -> Option<RowAt> {
        let here = rows(at.block)?;
        if at.row + 1 < here.len() {
            return Some(RowAt {
                block: at.block,
                row: at.row + 1,
            });
        }
        self.following(rows, at.block + 1)
    }

    fn prev_with<'a>(rows: impl Fn(usize) -> Option<&'a [Row]>, at: RowAt) -> Option<RowAt> {
        if at.row > 0 {
            return Some(RowAt {
                block: at.block,
                row: at.row - 1,
            });
        }
        Self::preceding(rows, at.block)
    }

    /// `delta` rows on from `at` (back when negative), stopping at the first and last rows.
    pub fn step(&self, article: &Article, at: RowAt, delta: isize) -> RowAt {
        let mut at = at;
        // There are never more rows than bytes and a row per block: past that, an end.
        if delta.unsigned_abs() > self.text_len + self.blocks.len() {
            let end = if delta > 0 {
                self.last(article)
            } else {
                self.first(article)
            };
            return end.unwrap_or_default();
        }
        let mut left = delta.unsigned_abs();
        while left > 0 {
            // Whole blocks at a time where their rows are counted and the step passes them.
            let rows = self.block_rows(article, at.block).len();
            let next = if delta > 0 {
                if at.row + left < rows {
                    at.row += left;
                    break;
                }
                left -= rows.saturating_sub(at.row + 1);
                at.row = rows.saturating_sub(1);
                self.next(article, at)
            } else {
                if at.row >= left {
                    at.row -= left;
                    break;
                }
                left -= at.row;
                at.row = 0;
                self.prev(article, at)
            };
            match next {
                Some(n) => {
                    at = n;
                    left -= 1;
                }
                None => break,
            }
        }
        at
    }

    /// The block whose lines hold byte `offset`.
    fn block_of(&self, offset: usize) -> usize {
        self.blocks
            .partition_point(|b| b.start <= offset)
            .saturating_sub(1)
    }

    /// The row that shows byte `offset`, or the first row after it when it is hidden (the last
    /// row past the end).
    pub fn at_offset(&self, article: &Article, offset: usize) -> RowAt {
        let b = self.block_of(offset);
        let rows = self.block_rows(article, b);
        let after = rows.partition_point(|r| r.span.start as usize <= offset);
        if let Some(i) = after.checked_sub(1) {
            let here = RowAt { block: b, row: i };
            if rows[i].span.end as usize >= offset {
                return here;
            }
            if after < rows.len() {
                return RowAt {
                    block: b,
                    row: after,
                };
            }
            return self
                .following(|b| Some(self.block_rows(article, b)), b + 1)
                .unwrap_or(here);
        }
        // No row of the block starts at or before it: the last row of an earlier block may
        // show it, else the first row from this block on does.
        let before = Self::preceding(|b| Some(self.block_rows(article, b)), b);
        let from_here = || self.following(|b| Some(self.block_rows(article, b)), b);
        match before {
            Some(p)
                if self
                    .row(article, p)
                    .is_some_and(|r| r.span.end as usize >= offset) =>
            {
                p
            }
            Some(p) => from_here().unwrap_or(p),
            None => from_here().unwrap_or_default(),
        }
    }

    /// Counts blocks not yet counted (wrapping them without keeping their rows), about
    /// `budget` bytes of them; whether any is left.
    pub fn settle(&mut self, article: &Article, budget: usize) -> bool {
        let mut done = 0;
        while self.next < self.blocks.len() && done < budget {
            let b = self.next;
            if self.blocks[b].count.get().is_none() {
                let rows = self.wrap_block(article, b).len();
                self.note_count(b, rows);
                done += self.bytes_of(b);
            }
            self.next += 1;
        }
        !self.is_whole()
    }

    /// Drops the rows of the blocks outside `keep` once more rows than [`KEPT_ROWS`] are held
    /// (their counts stay; they are wrapped again when next needed).
    pub fn trim(&mut self, keep: Range<usize>) {
        if self.held.get() <= KEPT_ROWS {
            return;
        }
        let mut held = 0;
        for (b, block) in self.blocks.iter_mut().enumerate() {
            if keep.contains(&b) {
                held += block.rows.get().map_or(0, |r| r.len());
            } else {
                block.rows.take();
            }
        }
        self.held.set(held);
    }
}

/// Display width of a character as the reader draws it.
#[must_use]
pub fn char_width(c: char) -> usize {
    if c == '\t' {
        1
    } else if is_unsafe(c) {
        placeholder(c).chars().count()
    } else {
        c.width().unwrap_or(0)
    }
}

/// The byte offset in `text[row]` under display column `column` (0-based), or the row's end.
#[must_use]
pub fn offset_at_column(text: &str, row: Row, column: usize) -> usize {
    let mut x = 0;
    for (i, c) in text[row.span.range()].char_indices() {
        let w = char_width(c);
        if column < x + w.max(1) {
            return row.span.start as usize + i;
        }
        x += w;
    }
    row.span.end as usize
}

/// Greedy wrapping of one line into rows: break after whitespace where possible, inside a word
/// only when the word alone is wider than the row.
fn wrap_line(text: &str, line: Range<usize>, width: usize, omitted: bool, rows: &mut Vec<Row>) {
    let push = |rows: &mut Vec<Row>, r: Range<usize>| {
        rows.push(Row {
            span: Span::of(r),
            omitted,
        });
    };
    let bytes = text.as_bytes();
    let mut row_start = line.start;
    let mut used = 0;
    // Where the current row could end (the start of a whitespace run) and where the next would
    // then begin (after it).
    let mut brk: Option<(usize, usize)> = None;
    let mut i = line.start;
    while i < line.end {
        let b = bytes[i];
        // Fast path: printable ASCII that fits on the row moves on a run at a time; nothing
        // but the count changes for it.
        if (0x21..0x7F).contains(&b) && used < width {
            let n = bytes[i..line.end]
                .iter()
                .take(width - used)
                .take_while(|b| (0x21..0x7F).contains(*b))
                .count();
            used += n;
            i += n;
            continue;
        }
        let (c, len) = if b < 0x80 {
            (char::from(b), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c, c.len_utf8())
        };
        let w = if (0x20..0x7F).contains(&b) {
            1
        } else {
            char_width(c)
        };
        if c.is_whitespace() {
            if used + w > width && used > 0 {
                // The row is full: end it before this whitespace run, resume after it.
                let end = match brk {
                    Some((end, next)) if next == i => end,
                    _ => i,
                };
                push(rows, row_start..end);
                i = skip_whitespace(text, i, line.end);
                row_start = i;
                used = 0;
                brk = None;
                continue;
            }
            match &mut brk {
                Some((_, next)) if *next == i => *next = i + len,
                _ if i > row_start => brk = Some((i, i + len)),
                _ => {}
            }
            used += w;
            i += len;
            continue;
        }
        if used + w > width && used > 0 {
            match brk {
                Some((end, next)) if end > row_start && next <= i => {
                    push(rows, row_start..end);
                    row_start = next;
                    used = text[next..i].chars().map(char_width).sum();
                }
                _ => {
                    push(rows, row_start..i);
                    row_start = i;
                    used = 0;
                }
            }
            brk = None;
        }
        used += w;
        i += len;
    }
    push(rows, row_start..line.end);
}

fn skip_whitespace(text: &str, mut i: usize, end: usize) -> usize {
    while i < end {
        match text[i..].chars().next() {
            Some(c) if c.is_whitespace() => i += c.len_utf8(),
            _ => break,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::fold;

    fn rows(text: &str, width: u16, omit: &[&str], show: bool) -> Vec<String> {
        let omit: Vec<String> = omit.iter().map(|o| fold(o)).collect();
        let (article, _) = Article::new(text.to_owned(), &omit);
        let layout = ArticleLayout::new(&article, width, show);
        layout
            .rows()
            .iter()
            .map(|r| article.text()[r.span.range()].to_owned())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_keeps_paragraphs() {
        assert_eq!(
            rows(
                "The quick brown fox jumps.\n\nSecond paragraph.",
                10,
                &[],
                false
            ),
            [
                "The quick",
                "brown fox",
                "jumps.",
                "",
                "Second",
                "paragraph."
            ]
        );
    }

    #[test]
    fn breaks_words_longer_than_the_row() {
        assert_eq!(
            rows("abcdefghij xy", 4, &[], false),
            ["abcd", "efgh", "ij", "xy"]
        );
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(
            rows("日本語のテキスト", 6, &[], false),
            ["日本語", "のテキ", "スト"]
        );
        // A character wider than the row still gets a row of its own.
        assert_eq!(rows("日本", 1, &[], false), ["日", "本"]);
    }

    #[test]
    fn hides_omitted_lines_without_leaving_gaps() {
        let text = "One.\n\nAdvertisement\n\nTwo.\n";
        assert_eq!(
            rows(text, 20, &["Advertisement"], false),
            ["One.", "", "Two."]
        );
        assert_eq!(
            rows(text, 20, &["Advertisement"], true),
            ["One.", "", "Advertisement", "", "Two."]
        );
    }

    #[test]
    fn rows_cover_every_visible_character() {
        let text = "A line with  double  spaces and a verylongwordthatmustbreak here.\r\nNext";
        for width in 1..30 {
            let r = rows(text, width, &[], false);
            let joined: String = r.concat().split_whitespace().collect();
            let want: String = text.split_whitespace().collect();
            assert_eq!(joined, want, "width {width}");
        }
    }

    /// The wrapping rule one character at a time, without the fast path.
    fn slow_wrap_line(text: &str, width: usize) -> Vec<Range<usize>> {
        let mut rows = Vec::new();
        let (mut row_start, mut used, mut brk, mut i) = (0, 0, None::<(usize, usize)>, 0);
        while i < text.len() {
            let c = text[i..].chars().next().unwrap();
            let (w, len) = (char_width(c), c.len_utf8());
            if c.is_whitespace() {
                if used + w > width && used > 0 {
                    let end = match brk {
                        Some((end, next)) if next == i => end,
                        _ => i,
                    };
                    rows.push(row_start..end);
                    i = skip_whitespace(text, i, text.len());
                    (row_start, used, brk) = (i, 0, None);
                    continue;
                }
                match &mut brk {
                    Some((_, next)) if *next == i => *next = i + len,
                    _ if i > row_start => brk = Some((i, i + len)),
                    _ => {}
                }
            } else if used + w > width && used > 0 {
                match brk {
                    Some((end, next)) if end > row_start && next <= i => {
                        rows.push(row_start..end);
                        row_start = next;
                        used = text[next..i].chars().map(char_width).sum();
                    }
                    _ => {
                        rows.push(row_start..i);
                        (row_start, used) = (i, 0);
                    }
                }
                brk = None;
            }
            used += w;
            i += len;
        }
        rows.push(row_start..text.len());
        rows
    }

    #[test]
    fn the_fast_path_wraps_exactly_as_the_rule_does() {
        let text = "A line with  double  spaces, a verylongwordthatmustbreak here, 日本語のテキスト \
                    and\ttabs, \u{1b}[31m escapes, e\u{301}combining, \u{202e}bidi,   trailing   ";
        for width in 1..70 {
            let mut rows = Vec::new();
            wrap_line(text, 0..text.len(), width, false, &mut rows);
            let fast: Vec<Range<usize>> = rows.iter().map(|r| r.span.range()).collect();
            assert_eq!(fast, slow_wrap_line(text, width), "width {width}");
        }
    }

    #[test]
    fn control_characters_take_their_placeholder_width() {
        assert_eq!(char_width('\u{1b}'), 1);
        assert_eq!(char_width('\u{202e}'), 8);
        assert_eq!(char_width('\u{301}'), 0);
    }

    #[test]
    fn maps_rows_and_columns_back_to_offsets() {
        let (article, _) = Article::new("The quick brown fox".to_owned(), &[]);
        let layout = ArticleLayout::new(&article, 10, false);
        assert_eq!(layout.at_offset(&article, 0), RowAt { block: 0, row: 0 });
        assert_eq!(layout.at_offset(&article, 10), RowAt { block: 0, row: 1 });
        let row = layout.rows()[1];
        assert_eq!(offset_at_column(article.text(), row, 6), 16);
        assert_eq!(offset_at_column(article.text(), row, 99), 19);
    }

    /// A text with every hard case, cut by the lazy layout's tests into many small blocks: the
    /// roughened workload (CRLF and lone CR, a byte order mark, odd and wide whitespace, omitted
    /// furniture lines) with runs of blank lines, wide characters before words longer than any
    /// row, control characters, and line breaks at the end.
    fn rough_article() -> Article {
        let w = briefing_workload::generate(24 * 1024, 30, 16);
        let mut text = String::new();
        for (i, line) in briefing_workload::roughened(&w.article)
            .split_inclusive('\n')
            .enumerate()
        {
            text.push_str(line);
            if i % 17 == 3 {
                text.push_str("\n\n");
            }
            if i % 29 == 5 {
                text.push_str("超長い見出し語\t");
                text.push_str(&"x".repeat(300));
                text.push('\n');
            }
            if i % 41 == 7 {
                text.push_str("\u{7}bell\u{1b}[0m and\u{7f}more\n");
            }
            // Furniture, with or without a blank line after it, and twice in a row.
            match i % 23 {
                11 => text.push_str("Advertisement\n\n"),
                12 => text.push_str("Continue reading below\r\n"),
                19 => text.push_str("Advertisement\nAdvertisement\n\n"),
                _ => {}
            }
        }
        text.push_str("\n\n");
        let omit: Vec<String> = [
            "Advertisement",
            "Subscribe to our newsletter \u{2013} it\u{2019}s free",
            "Continue reading below",
        ]
        .iter()
        .map(|o| fold(o))
        .collect();
        let (article, hits) = Article::new(text, &omit);
        assert!(
            hits.iter().sum::<usize>() > 20,
            "furniture to omit: {hits:?}"
        );
        article
    }

    /// The row that shows byte `offset` in rows wrapped whole (or the first after it when it
    /// is hidden; the last past the end): what [`ArticleLayout::at_offset`] must find.
    fn whole_row_of(rows: &[Row], offset: usize) -> usize {
        let after = rows.partition_point(|r| r.span.start as usize <= offset);
        match after.checked_sub(1) {
            Some(i) if rows[i].span.end as usize >= offset || after == rows.len() => i,
            Some(_) => after,
            None => 0,
        }
    }

    #[test]
    fn a_layout_built_lazily_equals_one_built_whole_at_every_width() {
        let article = rough_article();
        for width in 1..=255 {
            for show in [false, true] {
                let whole = ArticleLayout::whole(&article, width, show);
                let lazy = ArticleLayout::with_blocks(&article, width, show, 300, 0);
                let n = lazy.blocks();
                assert!(n > 20, "{n} blocks");
                assert!(
                    !lazy.total().exact,
                    "nothing is counted before it is needed"
                );
                // Wrapped out of order: the odd blocks from the last back, then the even ones.
                for b in (0..n).rev().filter(|b| b % 2 == 1) {
                    lazy.block_rows(&article, b);
                }
                for b in (0..n).filter(|b| b % 2 == 0) {
                    lazy.block_rows(&article, b);
                }
                assert_eq!(lazy.rows(), whole, "width {width}, omitted shown {show}");
                let total = lazy.total();
                assert_eq!((total.rows, total.exact), (whole.len(), true));
            }
        }
    }

    #[test]
    fn lazy_places_numbers_and_steps_agree_with_the_whole_rows() {
        let article = rough_article();
        for width in [1, 2, 3, 7, 40, 79, 80, 100, 255] {
            for show in [false, true] {
                let whole = ArticleLayout::whole(&article, width, show);
                let what = format!("width {width}, omitted shown {show}");
                // Counted a little at a time, as the reader does on `Settle`.
                let mut settled = ArticleLayout::with_blocks(&article, width, show, 300, 0);
                while settled.settle(&article, 3000) {}
                assert_eq!(settled.total().rows, whole.len(), "{what}");
                assert!(settled.total().exact, "{what}");
                assert!(settled.rows().is_empty(), "counting keeps no rows: {what}");

                let mut lazy = ArticleLayout::with_blocks(&article, width, show, 300, 0);
                // Every row in order by `next`, back by `prev`.
                let mut at = lazy.first(&article);
                let mut places = Vec::new();
                while let Some(a) = at {
                    places.push(a);
                    at = lazy.next(&article, a);
                }
                let rows: Vec<Row> = places
                    .iter()
                    .filter_map(|&a| lazy.row(&article, a))
                    .collect();
                assert_eq!(rows, whole, "{what}");
                assert_eq!(lazy.last(&article), places.last().copied(), "{what}");
                for (i, &a) in places.iter().enumerate() {
                    assert_eq!(lazy.number(a).rows, i, "{what}");
                    let back = i.checked_sub(1).map(|j| places[j]);
                    assert_eq!(lazy.prev(&article, a), back, "{what}");
                }
                // Steps of every size from the first row, and back from the last.
                for k in (0..whole.len() + 3).step_by(13) {
                    let signed = isize::try_from(k).unwrap_or(isize::MAX);
                    let down = lazy.step(&article, places[0], signed);
                    assert_eq!(down, places[k.min(places.len() - 1)], "{what}: {k} down");
                    let up = lazy.step(&article, places[places.len() - 1], -signed);
                    let j = (places.len() - 1).saturating_sub(k);
                    assert_eq!(up, places[j], "{what}: {k} up");
                }
                // Rows dropped far from the screen are wrapped again the same.
                lazy.held.set(KEPT_ROWS + 1);
                lazy.trim(2..4);
                assert!(lazy.stored_rows(0).is_none() && lazy.stored_rows(2).is_some());
                // The row of every byte (a hidden one's is the first row after it).
                for offset in (0..=article.text().len() + 1).step_by(7) {
                    let at = lazy.at_offset(&article, offset);
                    let want = whole_row_of(&whole, offset);
                    assert_eq!(lazy.number(at).rows, want, "{what}: byte {offset}");
                }
                assert_eq!(lazy.rows(), whole, "{what}");
            }
        }
    }

    /// While the blocks are counted, the first row on screen stays put, and where it stands as
    /// a share of the rows (the percentage, the scrollbar) moves back by less than a hundredth,
    /// a row of a scrollbar of up to 100 rows; once counted, every number is exact.
    #[test]
    fn while_the_rows_are_counted_the_share_shown_barely_moves_back() {
        let w = briefing_workload::generate(SAMPLES * 12 * BLOCK, 100, 3);
        let (article, _) = Article::new(briefing_workload::roughened(&w.article), &[]);
        for width in [40, 100] {
            for share in [0.2, 0.5, 0.8] {
                let mut layout = ArticleLayout::new(&article, width, false);
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let offset = (article.text().len() as f64 * share) as usize;
                let at = layout.at_offset(&article, offset);
                let row = layout.row(&article, at);
                #[allow(clippy::cast_precision_loss)]
                let shown = |l: &ArticleLayout| l.number(at).rows as f64 / l.total().rows as f64;
                let mut last = shown(&layout);
                let mut worst: f64 = 0.0;
                while layout.settle(&article, BLOCK * 4) {
                    let now = shown(&layout);
                    worst = worst.max(last - now);
                    last = now;
                    assert_eq!(layout.row(&article, at), row, "the row on screen moved");
                }
                worst = worst.max(last - shown(&layout));
                assert!(worst < 0.01, "width {width}, at {share}: back by {worst}");
                let whole = ArticleLayout::whole(&article, width, false);
                assert_eq!(layout.number(at).rows, whole_row_of(&whole, offset));
                assert_eq!(layout.total().rows, whole.len());
            }
        }
    }
}
