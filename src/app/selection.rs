//! The article's selection (`v`, or a mouse drag): whole words from an anchor to a moving end,
//! as in vim's visual mode, never across an omitted line.
//!
//! A word is a run of letters and digits, with an inner `'`, `’`, `-` or `.` between two of them
//! (`Trump's`, `Indo-Pacific`, `U.S`). This is written here rather than taken from
//! `unicode-segmentation`: its word bounds split `Indo-Pacific` in three and leave `'s` to the
//! word's own rules, and the reader's words must be the same pieces a fact sheet's spelling is
//! made of; the rule is the few lines of [`word_at`].

use std::ops::Range;

use super::{Action, App, Cursor, Effect, Pane};
use crate::article::Article;
use crate::wrap::{Row, char_width, offset_at_column};

/// A character that may stand inside a word, between two letters or digits.
fn joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.')
}

fn letter(c: char) -> bool {
    c.is_alphanumeric()
}

/// The word that byte `offset` of `text` is in, if it is in one.
#[must_use]
pub fn word_at(text: &str, offset: usize) -> Option<Range<usize>> {
    let c = text.get(offset..)?.chars().next()?;
    let after = |at: usize| text[at..].chars().next();
    let before = |at: usize| text[..at].chars().next_back();
    let inner = |at: usize, c: char| {
        joiner(c) && before(at).is_some_and(letter) && after(at + c.len_utf8()).is_some_and(letter)
    };
    if !letter(c) && !inner(offset, c) {
        return None;
    }
    let mut start = offset;
    while let Some(p) = before(start) {
        let at = start - p.len_utf8();
        if !letter(p) && !inner(at, p) {
            break;
        }
        start = at;
    }
    let mut end = offset;
    while let Some(n) = after(end) {
        if !letter(n) && !inner(end, n) {
            break;
        }
        end += n.len_utf8();
    }
    Some(start..end)
}

/// The first word that starts at or after byte `from`, before `to`.
#[must_use]
pub fn next_word(text: &str, from: usize, to: usize) -> Option<Range<usize>> {
    let to = to.min(text.len());
    let mut at = from;
    while at < to {
        let c = text[at..].chars().next()?;
        if letter(c)
            && let Some(w) = word_at(text, at)
        {
            return Some(at..w.end);
        }
        at += c.len_utf8();
    }
    None
}

/// The last word that ends at or before byte `to`, starting at or after `from`.
#[must_use]
pub fn prev_word(text: &str, from: usize, to: usize) -> Option<Range<usize>> {
    let mut at = to.min(text.len());
    while at > from {
        let (i, c) = text[..at].char_indices().next_back()?;
        if letter(c)
            && let Some(w) = word_at(text, i)
        {
            return (w.start >= from).then_some(w.start..i + c.len_utf8());
        }
        at = i;
    }
    None
}

/// A selection: the word it began at and the word its moving end is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub anchor: Range<usize>,
    pub head: Range<usize>,
}

impl Selection {
    /// The selected bytes: from the first word's start to the last one's end.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.anchor.start.min(self.head.start)..self.anchor.end.max(self.head.end)
    }

    /// `o`: the ends swapped.
    pub fn swap(&mut self) {
        std::mem::swap(&mut self.anchor, &mut self.head);
    }

    /// The selection after a reload, of `was` (the article's text before) in `now`: the same
    /// words, both ends whole words and no omitted line taken in, where they stand nearest to
    /// `near` (where the text they began at is now); `None` when there are none such.
    #[must_use]
    pub fn carried_over(&self, was: &str, now: &Article, near: usize) -> Option<Self> {
        let range = self.range();
        let words = was.get(range.clone())?;
        let text = now.text();
        let at = |start: usize| {
            let moved =
                |r: &Range<usize>| r.start - range.start + start..r.end - range.start + start;
            Self {
                anchor: moved(&self.anchor),
                head: moved(&self.head),
            }
        };
        let whole = |r: &Range<usize>| word_at(text, r.start).as_ref() == Some(r);
        let fits = |s: &Self| {
            let all = s.range();
            whole(&s.anchor) && whole(&s.head) && !crosses_omitted(now, all.start, all.end)
        };
        if text.get(range.clone()) == Some(words) && fits(&at(range.start)) {
            return Some(at(range.start));
        }
        memchr::memmem::find_iter(text.as_bytes(), words.as_bytes())
            .map(at)
            .filter(fits)
            .min_by_key(|s| s.range().start.abs_diff(near))
    }
}

/// The selection and the mouse's part in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SelectionState {
    pub selection: Option<Selection>,
    /// Where the left button went down in the article, for a drag to select from.
    pub pressed: Option<usize>,
}

/// Whether the bytes from `from` to `to` take in any of an omitted line.
#[must_use]
pub fn crosses_omitted(article: &Article, from: usize, to: usize) -> bool {
    let omitted = article.omitted();
    let i = omitted.partition_point(|r| r.end <= from);
    omitted.get(i).is_some_and(|r| r.start < to)
}

/// The words a selection of `text` holds, for the status bar.
#[must_use]
pub fn word_count(text: &str, range: Range<usize>) -> usize {
    let mut n = 0;
    let mut at = range.start;
    while let Some(w) = next_word(text, at, range.end) {
        n += 1;
        at = w.end;
    }
    n
}

/// What the dialogs act on ([`App::picked`]): the selection if there is one, else the mention
/// or the unclaimed name under the article's cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The selected words, as bytes of the article.
    Selection(Range<usize>),
    /// A mention, by its index in the mention index, and its bytes.
    Mention { index: usize, span: Range<usize> },
    /// An unclaimed name's place.
    Unclaimed(Range<usize>),
}

/// The display column of byte `at` in `row`.
fn column(text: &str, row: Row, at: usize) -> usize {
    let start = row.span.start as usize;
    text.get(start..at.max(start))
        .map_or(0, |s| s.chars().map(char_width).sum())
}

/// The word of `row` nearest byte `at`: the one it is in, else the next in the row, else the
/// last in the row.
fn snap(text: &str, row: Row, at: usize) -> Option<Range<usize>> {
    let r = row.span.range();
    word_at(text, at)
        .or_else(|| next_word(text, at, r.end))
        .or_else(|| prev_word(text, r.start, r.end))
}

impl App {
    /// The selection, if there is one.
    #[must_use]
    pub fn selection(&self) -> Option<&Selection> {
        self.selection.selection.as_ref()
    }

    /// What `a` (add an actor or an alias) and `E` (evidence) act on: the selection if there is
    /// one, else the mention or the unclaimed name under the article's cursor (the mention in
    /// the search's current match while a search has a query). `None` when there is nothing.
    #[must_use]
    pub fn picked(&self) -> Option<Picked> {
        if let Some(s) = self.selection() {
            return Some(Picked::Selection(s.range()));
        }
        let mention = |index: usize| {
            self.briefing
                .mentions
                .all()
                .get(index)
                .map(|m| Picked::Mention {
                    index,
                    span: m.span.range(),
                })
        };
        match self.cursor()? {
            Cursor::Mention(m) => mention(m),
            Cursor::Match(c) => mention(self.mention_in_match(c)?),
            Cursor::Unclaimed(i) => self
                .unclaimed
                .as_ref()
                .and_then(|u| u.places().get(i))
                .map(|p| Picked::Unclaimed(p.range.clone())),
        }
    }

    /// Drops the selection (what `Esc` does while there is one).
    pub fn drop_selection(&mut self) {
        self.selection = SelectionState::default();
    }

    /// `v` and the keys that move the selection's moving end.
    pub(super) fn select_action(&mut self, action: &Action) {
        if *action == Action::Select {
            self.start_selection();
            return;
        }
        let Some(mut sel) = self.selection.selection.clone() else {
            return;
        };
        let text = self.briefing.article.text();
        let article = &self.briefing.article;
        let row_at = |at: usize| self.article.row_at(article, at);
        let head = match action {
            Action::SelectNextWord => next_word(text, sel.head.end, text.len()),
            Action::SelectPrevWord => prev_word(text, 0, sel.head.start),
            Action::SelectDown | Action::SelectUp => {
                let down = *action == Action::SelectDown;
                self.row_step(&sel.head, down)
            }
            Action::SelectRowStart => row_at(sel.head.start)
                .and_then(|r| next_word(text, r.span.start as usize, r.span.end as usize)),
            Action::SelectRowEnd => row_at(sel.head.start)
                .and_then(|r| prev_word(text, r.span.start as usize, r.span.end as usize)),
            Action::SelectSwap => {
                sel.swap();
                Some(sel.head.clone())
            }
            _ => None,
        };
        let Some(head) = head else {
            return;
        };
        let whole = sel.anchor.start.min(head.start)..sel.anchor.end.max(head.end);
        if crosses_omitted(&self.briefing.article, whole.start, whole.end) {
            self.say("The selection stops before an omitted line");
            return;
        }
        self.article.reveal(&self.briefing.article, head.start);
        sel.head = head;
        self.selection.selection = Some(sel);
    }

    /// The word a row below (or above) `head`, at about its column; rows without a word are
    /// passed over.
    fn row_step(&self, head: &Range<usize>, down: bool) -> Option<Range<usize>> {
        let article = &self.briefing.article;
        let text = article.text();
        let col = column(text, self.article.row_at(article, head.start)?, head.start);
        self.article
            .rows_from(article, head.start, down)
            .find_map(|row| snap(text, row, offset_at_column(text, row, col)))
    }

    /// `v`: a selection of the words under the cursor (a mention, an unclaimed name, a
    /// search's match) when it is on screen, else of the first word on screen.
    fn start_selection(&mut self) {
        let text = self.briefing.article.text();
        let under = self.cursor_range().filter(|r| self.article.shows(r.start));
        let words = if let Some(r) = under {
            next_word(text, r.start, r.end).zip(prev_word(text, r.start, r.end))
        } else {
            let top = self.article.top_offset();
            let bottom = self
                .article
                .screen_row(self.article.height.max(1))
                .map_or(text.len(), |r| r.span.start as usize);
            next_word(text, top, bottom).map(|w| (w.clone(), w))
        };
        match words {
            Some((anchor, head)) => {
                self.selection.selection = Some(Selection { anchor, head });
            }
            None => self.say("No word on screen to select"),
        }
    }

    /// `y` while there is a selection: its words, as they stand in the article (on one line).
    pub(super) fn copy_selection(&mut self) -> Effect {
        let Some(sel) = self.selection() else {
            return Effect::None;
        };
        let range = sel.range();
        let text = self.briefing.article.text();
        let words = word_count(text, range.clone());
        let copied = crate::inert::one_line(&text[range]);
        self.say(format!(
            "Copied {} ({})",
            crate::plural::count(words, "word"),
            super::copy::sent_to()
        ));
        Effect::Copy(copied)
    }

    /// A left button press in the article at byte `at`: a drag from there selects.
    pub(super) fn press_at(&mut self, at: usize) {
        self.selection = SelectionState {
            selection: None,
            pressed: Some(at),
        };
    }

    /// The mouse dragged to column `x`, row `y` with the button held since a press in the
    /// article: the words from the press to here are selected, held before an omitted line.
    pub(super) fn drag(&mut self, x: u16, y: u16) {
        let Some(pressed) = self.selection.pressed else {
            return;
        };
        let Some(inner) = self.geometry().inner(Pane::Article) else {
            return;
        };
        let text = self.briefing.article.text();
        let row_on = y.clamp(inner.y, inner.bottom().saturating_sub(1)) - inner.y;
        let Some(row) = self.article.screen_row(usize::from(row_on)) else {
            return;
        };
        let col = usize::from(x.saturating_sub(inner.x));
        let at = offset_at_column(text, row, col);
        let Some(press_row) = self.article.row_at(&self.briefing.article, pressed) else {
            return;
        };
        let (Some(anchor), Some(head)) = (snap(text, press_row, pressed), snap(text, row, at))
        else {
            return;
        };
        let mut whole = anchor.start.min(head.start)..anchor.end.max(head.end);
        let mut head = head;
        if crosses_omitted(&self.briefing.article, whole.start, whole.end) {
            // Held at the last word before the omitted line, on the side of the press.
            let omitted = self.briefing.article.omitted();
            let stop = if head.start >= anchor.start {
                let i = omitted.partition_point(|r| r.end <= anchor.end);
                omitted
                    .get(i)
                    .and_then(|r| prev_word(text, anchor.start, r.start))
            } else {
                let i = omitted.partition_point(|r| r.end <= anchor.start);
                i.checked_sub(1)
                    .and_then(|i| omitted.get(i))
                    .and_then(|r| next_word(text, r.end, anchor.end))
            };
            let Some(stop) = stop else { return };
            head = stop;
            whole = anchor.start.min(head.start)..anchor.end.max(head.end);
            if crosses_omitted(&self.briefing.article, whole.start, whole.end) {
                return;
            }
            self.say("The selection stops before an omitted line");
        }
        self.selection.selection = Some(Selection { anchor, head });
    }

    /// The mouse button released: a drag ends (its selection stays).
    pub(super) fn release(&mut self) {
        self.selection.pressed = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(w) = next_word(text, at, text.len()) {
            out.push(&text[w.clone()]);
            at = w.end;
        }
        out
    }

    #[test]
    fn words_keep_their_inner_apostrophes_hyphens_and_dots() {
        assert_eq!(
            words("The U.S. and Trump’s Indo-Pacific -- 'plan' (2024)."),
            [
                "The",
                "U.S",
                "and",
                "Trump’s",
                "Indo-Pacific",
                "plan",
                "2024"
            ]
        );
        let t = "NATO Liaison Office";
        assert_eq!(word_at(t, 7), Some(5..12));
        assert_eq!(word_at(t, 4), None);
        assert_eq!(word_at("U.S. x", 1), Some(0..3));
        assert_eq!(word_at("a - b", 2), None);
        assert_eq!(prev_word(t, 0, t.len()), Some(13..19));
        assert_eq!(prev_word(t, 0, 12), Some(5..12));
        assert_eq!(prev_word(t, 6, 12), None);
        assert_eq!(next_word(t, 4, t.len()), Some(5..12));
        assert_eq!(word_count(t, 0..t.len()), 3);
    }

    #[test]
    fn a_selection_spans_its_two_words_in_either_order() {
        let mut s = Selection {
            anchor: 10..14,
            head: 2..5,
        };
        assert_eq!(s.range(), 2..14);
        s.swap();
        assert_eq!((s.anchor, s.head), (2..5, 10..14));
    }
}
