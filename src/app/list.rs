//! A selectable, filterable list (Actors, Timeline). The selection is an item (an actor or an
//! event index), not a row, so sorting and filtering never silently select another item; the
//! scroll offset is kept here and clamped on every change, never left to the widget. `/` in a
//! list types its filter, which narrows the list.

use std::ops::Range;

use super::action::Action;
use super::filter_text::{FilterText, Rank};
use crate::briefing::Briefing;
use crate::inert::one_line;
use crate::sheet::{Actor, Event};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    /// The selected item, always one of the visible items when there are any.
    pub selected: Option<usize>,
    /// The first visible row.
    pub offset: usize,
    /// The filter text (case-insensitive); empty shows everything.
    pub filter: String,
    /// The filter is being typed.
    pub editing: bool,
}

impl ListState {
    /// The row of the selected item in `visible`.
    #[must_use]
    pub fn position(&self, visible: &[usize]) -> Option<usize> {
        self.selected
            .and_then(|s| visible.iter().position(|&v| v == s))
    }

    /// Moves the selection by `delta` rows, stopping at the ends.
    pub fn step(&mut self, visible: &[usize], delta: isize, height: usize) {
        self.step_rows(visible, delta, height, |_| 1);
    }

    /// Moves the selection by `delta` items, stopping at the ends, when item `n` takes
    /// `rows(n)` rows of the `height` on screen.
    pub fn step_rows(
        &mut self,
        visible: &[usize],
        delta: isize,
        height: usize,
        rows: impl Fn(usize) -> usize,
    ) {
        if visible.is_empty() {
            self.selected = None;
            return;
        }
        let pos = self.position(visible).unwrap_or(0);
        let last = visible.len() - 1;
        let to = pos.saturating_add_signed(delta).min(last);
        self.selected = Some(visible[to]);
        self.fit_rows(visible, height, rows);
    }

    /// Selects the item at row `pos` (clamped).
    pub fn select_row(&mut self, visible: &[usize], pos: usize, height: usize) {
        if let Some(last) = visible.len().checked_sub(1) {
            self.selected = Some(visible[pos.min(last)]);
        }
        self.fit(visible, height);
    }

    /// Keeps the selection on a visible item and in view.
    pub fn fit(&mut self, visible: &[usize], height: usize) {
        self.fit_rows(visible, height, |_| 1);
    }

    /// Keeps the selection on a visible item and whole in view, when item `n` takes `rows(n)`
    /// rows of the `height` on screen (its first rows, when it is taller), with no blank rows
    /// after the last item.
    pub fn fit_rows(&mut self, visible: &[usize], height: usize, rows: impl Fn(usize) -> usize) {
        let Some(pos) = self.position(visible).or_else(|| {
            self.selected = visible.first().copied();
            self.selected.map(|_| 0)
        }) else {
            self.offset = 0;
            return;
        };
        let height = height.max(1);
        if pos < self.offset {
            self.offset = pos;
        } else {
            let mut used: usize = visible[self.offset..=pos].iter().map(|&n| rows(n)).sum();
            while used > height && self.offset < pos {
                used -= rows(visible[self.offset]);
                self.offset += 1;
            }
        }
        self.offset = self.offset.min(last_offset(visible, height, rows));
    }

    /// A key while the filter is typed: whether it was taken (the list is then fitted again).
    pub fn type_key(&mut self, action: Action) -> bool {
        match action {
            Action::Type(c) => self.filter.push(c),
            Action::Paste(text) => self.filter.push_str(&text),
            Action::DeleteChar => {
                self.filter.pop();
            }
            Action::Submit => {
                self.editing = false;
                self.selected = None; // the first item left, once fitted
            }
            Action::Cancel => {
                self.editing = false;
                self.filter.clear();
            }
            _ => return false,
        }
        true
    }

    /// Scrolls the view by `delta` rows without moving the selection.
    pub fn scroll(&mut self, len: usize, delta: isize, height: usize) {
        let max = len.saturating_sub(height.max(1));
        self.offset = self.offset.saturating_add_signed(delta).min(max);
    }

    /// Scrolls the view by `delta` items without moving the selection, when item `n` takes
    /// `rows(n)` of the `height` rows on screen.
    pub fn scroll_rows(
        &mut self,
        visible: &[usize],
        delta: isize,
        height: usize,
        rows: impl Fn(usize) -> usize,
    ) {
        let max = last_offset(visible, height.max(1), rows);
        self.offset = self.offset.saturating_add_signed(delta).min(max);
    }
}

/// What the items of one list were found for: its filter, the sort (the Actors'), and the
/// briefing's generation (a reload's new briefing is another).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShownKey {
    pub filter: String,
    pub sort: Option<super::Sort>,
    pub generation: u64,
}

/// What a list's unfiltered order was found for: the briefing's generation and the sort.
type OrderKey = (u64, Option<super::Sort>);

/// The items a list shows, filtered and in order, with what they were found for: a **stored
/// derived value** (ARCHITECTURE.md, "Invariants"), kept because filtering and sorting 100,000
/// actors per frame cost 50–90 ms a key (issue 16). `App::update` finds them again when the
/// sort, the filter or the briefing changes ([`Shown::refresh`]); until it has, `App` finds
/// them afresh rather than use stale ones ([`Shown::get`]).
#[derive(Clone, Debug, Default)]
pub struct Shown {
    key: Option<ShownKey>,
    items: Vec<usize>,
    /// The widest date among the items, in columns: for the Timeline's date column.
    widest_date: usize,
    /// Every item in the list's order, unfiltered, with the briefing's generation and the sort
    /// it was found for: a filter keeps this order (sorting 100,000 actors at every letter typed
    /// was most of a key).
    order: Option<(OrderKey, Order)>,
    /// The text the filter looks in, with the briefing's generation it was built for: built the
    /// first time a filter is typed, not when the briefing opens.
    text: Option<(u64, FilterText)>,
    /// Each item's date, in columns, with the briefing's generation they were found for (none
    /// for a list without dates): the widest among 100,000 events' dates, each written out
    /// afresh, was most of a letter typed into the Timeline's filter.
    widths: Option<(u64, Vec<usize>)>,
}

impl Shown {
    /// The items, if they were found for `key`.
    #[must_use]
    pub fn get(&self, key: &ShownKey) -> Option<&[usize]> {
        (self.key.as_ref() == Some(key)).then_some(self.items.as_slice())
    }

    /// The widest date among the items, if they were found for `key`.
    #[must_use]
    pub fn widest_date(&self, key: &ShownKey) -> Option<usize> {
        (self.key.as_ref() == Some(key)).then_some(self.widest_date)
    }

    /// Finds the items again unless they were found for `key`: those of `order` (every item
    /// in the list's order) that its filter matches in `text` (their fields), the matches by a
    /// field of the first rank before the others; and the widest of their dates by `widths`
    /// (each item's date in columns, none for a list without dates). Builds the order, the text
    /// and the widths only when the key's generation (or sort) is not theirs, the text only
    /// once a filter is typed. Returns whether it found the items again.
    pub fn refresh(
        &mut self,
        key: ShownKey,
        order: impl FnOnce() -> Vec<usize>,
        text: impl FnOnce() -> FilterText,
        widths: impl FnOnce() -> Vec<usize>,
    ) -> bool {
        if self.key.as_ref() == Some(&key) {
            return false;
        }
        let order = kept(&mut self.order, (key.generation, key.sort), || {
            Order::new(order())
        });
        self.items = if key.filter.is_empty() {
            order.items.clone()
        } else {
            let text = kept(&mut self.text, key.generation, text);
            order.of(text.matches(&key.filter.to_lowercase()))
        };
        let widths = kept(&mut self.widths, key.generation, widths);
        self.widest_date = (self.items.iter())
            .filter_map(|&n| widths.get(n).copied())
            .max()
            .unwrap_or(10);
        self.key = Some(key);
        true
    }
}

/// Every item of a list in its order, unfiltered, and where each stands in it.
#[derive(Clone, Debug, Default)]
struct Order {
    items: Vec<usize>,
    /// The row of each item in `items`.
    rows: Vec<usize>,
}

impl Order {
    fn new(items: Vec<usize>) -> Self {
        let mut rows = vec![0; items.len()];
        for (row, &n) in items.iter().enumerate() {
            if let Some(r) = rows.get_mut(n) {
                *r = row;
            }
        }
        Self { items, rows }
    }

    /// The items `matches` names (in item order, with how each matched), in this order, those
    /// matched by a field of the first rank before the others.
    fn of(&self, matches: &[(usize, Rank)]) -> Vec<usize> {
        // A few matches are sorted by their rows; many are picked out of every row, which
        // costs less than sorting them.
        if matches.len() * 16 < self.items.len() {
            let mut rows: Vec<(bool, usize)> = matches
                .iter()
                .filter_map(|&(n, rank)| Some((rank != Rank::First, *self.rows.get(n)?)))
                .collect();
            rows.sort_unstable();
            return rows.into_iter().map(|(_, row)| self.items[row]).collect();
        }
        let mut ranks = vec![Rank::None; self.rows.len()];
        for &(n, rank) in matches {
            if let Some(r) = ranks.get_mut(n) {
                *r = rank;
            }
        }
        let ranked = |rank| {
            let ranks = &ranks;
            self.items
                .iter()
                .copied()
                .filter(move |&n| ranks.get(n) == Some(&rank))
        };
        ranked(Rank::First).chain(ranked(Rank::Second)).collect()
    }
}

/// The value in `slot` if it was built for `key`, else one built afresh by `build` and put there.
fn kept<K: PartialEq, V>(slot: &mut Option<(K, V)>, key: K, build: impl FnOnce() -> V) -> &mut V {
    if slot.as_ref().is_some_and(|(was, _)| *was != key) {
        *slot = None;
    }
    &mut slot.get_or_insert_with(|| (key, build())).1
}

/// The columns event `e`'s date takes in the Timeline.
#[must_use]
pub fn date_width(e: &Event) -> usize {
    unicode_width::UnicodeWidthStr::width(e.when().as_str())
}

/// The first and last day event `e` covers.
#[must_use]
pub fn covers(e: &Event) -> (i64, i64) {
    let first = e.date.first_day();
    let last = e
        .end
        .map_or(e.date.last_day(), crate::date::PartialDate::last_day);
    (first, last.max(first))
}

/// What the Timeline's time axis needs of the days all events cover: the first and the last,
/// and the longest gap between the days covered so far and the next event (in order of their
/// first days), where the axis may break. Found once per briefing (`App::day_span`): sorting
/// 100,000 events' days for every row drawn was most of a Timeline keystroke (issue 16).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DaySpan {
    pub first: i64,
    pub last: i64,
    pub gap: Option<(i64, i64)>,
}

impl DaySpan {
    /// The span of `events`' days.
    #[must_use]
    pub fn of(events: &[Event]) -> Self {
        Self::of_days(&events.iter().map(covers).collect::<Vec<_>>())
    }

    /// The span of `days`, each the first and last day an event covers.
    #[must_use]
    pub fn of_days(days: &[(i64, i64)]) -> Self {
        let first = days.iter().map(|d| d.0).min().unwrap_or(0);
        let last = days.iter().map(|d| d.1).max().unwrap_or(first).max(first);
        let mut sorted = days.to_vec();
        sorted.sort_unstable();
        let (mut reach, mut gap) = (first, None::<(i64, i64)>);
        for &(a, z) in &sorted {
            if a > reach && gap.is_none_or(|(g0, g1)| a - reach > g1 - g0) {
                gap = Some((reach, a));
            }
            reach = reach.max(z);
        }
        Self { first, last, gap }
    }
}

/// The first item from which the rest of `visible` fits in `height` rows: no offset goes
/// beyond it (it would leave blank rows at the end).
fn last_offset(visible: &[usize], height: usize, rows: impl Fn(usize) -> usize) -> usize {
    let (mut first, mut used) = (visible.len(), 0);
    while let Some(before) = first.checked_sub(1) {
        let r = rows(visible[before]);
        if used + r > height {
            break;
        }
        used += r;
        first = before;
    }
    first
}

/// The columns of the Timeline's rows in a pane `width` columns wide (inside its border), whose
/// widest date is `widest_date` columns: the marker, the dates, the time axis's track and the
/// title, which wraps onto rows of its own column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimelineColumns {
    /// The dates' column: 0 on a narrow pane, where dates are not aligned.
    pub date: usize,
    /// The track of the time axis, 0 on a narrow pane.
    pub track: usize,
    /// The pane's width inside its border.
    pub width: usize,
}

impl TimelineColumns {
    #[must_use]
    pub fn new(width: usize, widest_date: usize) -> Self {
        // Aligned dates cost a narrow pane most of the title: there, dates are not aligned.
        let date = if width < 50 { 0 } else { widest_date };
        let track = match width {
            // Below 50 columns the titles need the room more than the axis.
            w if w >= 70 => 20,
            w if w >= 50 => 10,
            _ => 0,
        };
        Self { date, track, width }
    }

    /// The columns before the title of an event whose date is `date` columns wide: where the
    /// title and its wrapped rows begin.
    #[must_use]
    pub fn before(&self, date: usize) -> usize {
        2 + self.date.max(date) + 1 + if self.track > 0 { self.track + 1 } else { 0 }
    }

    /// Where the rows a title wraps onto begin: under its first row where dates are aligned,
    /// else two columns in from the dates (a narrow pane's titles need the room).
    #[must_use]
    pub fn indent(&self, date: usize) -> usize {
        if self.date > 0 { self.before(date) } else { 4 }
    }

    /// The title of an event whose date is `date` columns wide, wrapped: its first row after
    /// the date (and track), the others from [`TimelineColumns::indent`]. At least one row,
    /// each made safe to draw.
    #[must_use]
    pub fn title_rows(&self, title: &str, date: usize) -> Vec<String> {
        let text = one_line(title);
        // Rows of at least 4 columns, however narrow the pane.
        let (first, rest) = (self.before(date), self.indent(date));
        let width = self.width.max(first.max(rest) + 4);
        let first = " ".repeat(first);
        let rest = " ".repeat(rest);
        let options = textwrap::Options::new(width)
            .initial_indent(&first)
            .subsequent_indent(&rest);
        let mut rows: Vec<String> = textwrap::wrap(&text, options)
            .into_iter()
            .map(|row| row.trim_start().to_owned())
            .collect();
        if rows.is_empty() {
            rows.push(String::new());
        }
        rows
    }
}

/// Whether `needle` (lowercase) occurs in any of `fields`, ignoring case.
#[must_use]
pub fn matches_filter(needle: &str, fields: &[&str]) -> bool {
    needle.is_empty() || fields.iter().any(|f| field_matches(needle, f))
}

/// Whether `needle` (lowercase) occurs in `field`, ignoring case.
#[must_use]
pub fn field_matches(needle: &str, field: &str) -> bool {
    field.to_lowercase().contains(needle)
}

/// The fields a list's filter looks in for an actor, named, in the order they are tried.
#[must_use]
pub fn actor_fields(a: &Actor) -> Vec<(&'static str, &str)> {
    let mut fields = vec![
        ("name", a.name.as_str()),
        ("id", a.id.as_str()),
        ("kind", a.kind.as_str()),
    ];
    fields.extend(a.aliases.iter().map(|s| ("alias", s.as_str())));
    fields.extend(a.role.as_deref().map(|r| ("role", r)));
    fields
}

/// The fields a list's filter looks in for an event whose date reads `date`, named, in the
/// order they are tried: its actors by name, from `actors`.
#[must_use]
pub fn event_fields<'a>(
    e: &'a Event,
    date: &'a str,
    b: &'a Briefing,
) -> Vec<(&'static str, &'a str)> {
    let mut fields = vec![
        ("title", e.title.as_str()),
        ("id", e.id.as_str()),
        ("date", date),
    ];
    fields.extend(
        e.actors
            .iter()
            // By the briefing's index of ids: a search of the actors per event was 200,000
            // comparisons a row at 100,000 actors (issue 16).
            .filter_map(|id| b.actor_index(id))
            .map(|a| ("actor", b.sheet.actors[a].name.as_str())),
    );
    fields.extend(e.note.as_deref().map(|n| ("note", n)));
    fields
}

/// Whether `needle` (lowercase) matched event `e` in a field the Timeline does not show (a
/// note, an id, an actor): the event then takes a row more, naming the field.
#[must_use]
pub fn names_a_field(needle: &str, e: &Event, b: &Briefing) -> bool {
    if needle.is_empty() {
        return false;
    }
    let date = e.when();
    first_match(needle, &event_fields(e, &date, b))
        .is_some_and(|m| !matches!(m.field, "title" | "date"))
}

/// What a filter matched in an item: the first of its fields it occurs in, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterMatch<'a> {
    /// The field's name (`name`, `alias`, `title`, `date`, …).
    pub field: &'static str,
    /// The field's text.
    pub text: &'a str,
    /// The bytes of `text` the filter matched, when they can be told (see [`match_range`]).
    pub range: Option<Range<usize>>,
}

/// The first of `fields` that `needle` (lowercase) occurs in, as [`matches_filter`] matches,
/// and where; `None` for an empty needle or no match.
#[must_use]
pub fn first_match<'a>(
    needle: &str,
    fields: &[(&'static str, &'a str)],
) -> Option<FilterMatch<'a>> {
    if needle.is_empty() {
        return None;
    }
    fields
        .iter()
        .find(|(_, text)| matches_filter(needle, &[text]))
        .map(|&(field, text)| FilterMatch {
            field,
            text,
            range: match_range(needle, text),
        })
}

/// The bytes of `text` where `needle` (lowercase) first occurs, ignoring case as
/// [`matches_filter`] does: each character of `text` lowercased, the match widened to whole
/// characters of `text`. `None` when it does not occur (or only where lowercasing a whole
/// string differs from lowercasing its characters, as a final sigma).
#[must_use]
pub fn match_range(needle: &str, text: &str) -> Option<Range<usize>> {
    if needle.is_empty() {
        return None;
    }
    // The lowercased text, and for each of its bytes the start of the character of `text` it
    // comes from.
    let mut lower = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        for l in c.to_lowercase() {
            lower.push(l);
            from.extend(std::iter::repeat_n(i, l.len_utf8()));
        }
    }
    let at = lower.find(needle)?;
    let start = *from.get(at)?;
    let last = *from.get(at + needle.len() - 1)?;
    let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few matches (sorted by their rows) and many (picked out of every row) come out alike:
    /// in the order, those of the first rank first.
    #[test]
    fn an_order_keeps_its_items_order_for_few_matches_and_many() {
        // 0..100 in a shuffled order.
        let items: Vec<usize> = (0..100).map(|k| (k * 37 + 11) % 100).collect();
        let order = Order::new(items.clone());
        let expected = |matches: &[(usize, Rank)]| -> Vec<usize> {
            let rank_of = |n| matches.iter().find(|m| m.0 == n).map(|m| m.1);
            let of = |rank| {
                items
                    .iter()
                    .copied()
                    .filter(move |&n| rank_of(n) == Some(rank))
            };
            of(Rank::First).chain(of(Rank::Second)).collect()
        };
        let few = [(3, Rank::Second), (40, Rank::First), (77, Rank::First)];
        let many: Vec<(usize, Rank)> = (0..100)
            .filter(|n| n % 3 != 0)
            .map(|n| {
                (
                    n,
                    if n % 2 == 0 {
                        Rank::First
                    } else {
                        Rank::Second
                    },
                )
            })
            .collect();
        for matches in [&few[..], &many[..], &[]] {
            assert_eq!(order.of(matches), expected(matches), "{matches:?}");
        }
    }

    #[test]
    fn selection_follows_the_item_through_reordering() {
        let mut s = ListState {
            selected: Some(7),
            ..ListState::default()
        };
        assert_eq!(s.position(&[3, 7, 9]), Some(1));
        assert_eq!(s.position(&[7, 9, 3]), Some(0));
        s.fit(&[3, 9], 5);
        assert_eq!(
            s.selected,
            Some(3),
            "a filtered-out selection moves to the first item"
        );
    }

    #[test]
    fn steps_stop_at_the_ends_and_stay_in_view() {
        let visible: Vec<usize> = (0..20).collect();
        let mut s = ListState::default();
        s.step(&visible, 1, 5);
        assert_eq!(s.selected, Some(1));
        s.step(&visible, 100, 5);
        assert_eq!((s.selected, s.offset), (Some(19), 15));
        s.step(&visible, -100, 5);
        assert_eq!((s.selected, s.offset), (Some(0), 0));
        s.step(&[], 1, 5);
        assert_eq!(s.selected, None);
    }

    #[test]
    fn tall_items_are_kept_whole_in_view() {
        let visible: Vec<usize> = (0..10).collect();
        let rows = |n: usize| if n.is_multiple_of(2) { 3 } else { 1 };
        let mut s = ListState::default();
        s.step_rows(&visible, 4, 6, rows);
        // Items 2 (3 rows), 3 (1) and 4 (3) do not fit in 6: item 3 is the first.
        assert_eq!((s.selected, s.offset), (Some(4), 3));
        s.step_rows(&visible, 100, 6, rows);
        // The last items: 8 (3 rows) and 9 (1) fit, with 7 (1).
        assert_eq!((s.selected, s.offset), (Some(9), 7));
        s.step_rows(&visible, -1, 6, rows);
        assert_eq!((s.selected, s.offset), (Some(8), 7));
        // The wheel goes as far as the last items' rows allow, not the last six items.
        s.scroll_rows(&visible, -100, 6, rows);
        assert_eq!(s.offset, 0);
        s.scroll_rows(&visible, 100, 6, rows);
        assert_eq!(s.offset, 7);
    }

    #[test]
    fn filters_ignore_case() {
        assert!(matches_filter("nato", &["NATO", "x"]));
        assert!(!matches_filter("nato", &["Ukraine"]));
        assert!(matches_filter("", &[]));
    }

    #[test]
    fn a_match_is_found_where_the_filter_matches_it() {
        assert_eq!(match_range("nato", "The NATO summit"), Some(4..8));
        assert_eq!(match_range("ée", "CAFÉE"), Some(3..6));
        assert_eq!(match_range("x", "NATO"), None);
        let m = first_match("alli", &[("name", "NATO"), ("alias", "the Alliance")]);
        assert_eq!(
            m,
            Some(FilterMatch {
                field: "alias",
                text: "the Alliance",
                range: Some(4..8)
            })
        );
        assert_eq!(first_match("", &[("name", "NATO")]), None);
    }
}
