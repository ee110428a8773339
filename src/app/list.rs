//! A selectable, filterable list (Actors, Timeline). The selection is an item (an actor or an
//! event index), not a row, so sorting and filtering never silently select another item; the
//! scroll offset is kept here and clamped on every change, never left to the widget. `/` in a
//! list types its filter, which narrows the list.

use super::action::Action;

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
        if visible.is_empty() {
            self.selected = None;
            return;
        }
        let pos = self.position(visible).unwrap_or(0);
        let last = visible.len() - 1;
        let to = pos.saturating_add_signed(delta).min(last);
        self.selected = Some(visible[to]);
        self.fit(visible, height);
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
        } else if pos >= self.offset + height {
            self.offset = pos + 1 - height;
        }
        self.offset = self.offset.min(visible.len().saturating_sub(height));
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
}

/// Whether `needle` (lowercase) occurs in any of `fields`, ignoring case.
#[must_use]
pub fn matches_filter(needle: &str, fields: &[&str]) -> bool {
    needle.is_empty() || fields.iter().any(|f| f.to_lowercase().contains(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn filters_ignore_case() {
        assert!(matches_filter("nato", &["NATO", "x"]));
        assert!(!matches_filter("nato", &["Ukraine"]));
        assert!(matches_filter("", &[]));
    }
}
