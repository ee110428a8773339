//! The text a list's filter looks in: every item's fields lowercased once, one after another in
//! one buffer, so a letter typed into the filter is one substring search over it instead of
//! lowercasing 100,000 items' fields into fresh strings (9.75–17.1 ms a key in the Actors,
//! 54.7–108.8 ms in the Timeline, with the frame: docs/performance.md; issue 16). A **stored derived value** (ARCHITECTURE.md, "Invariants"): the
//! lists keep it per briefing (`list::Shown`), and what it finds must equal what matching each
//! field afresh finds (`list::field_matches`; tests/it/scale.rs).
//!
//! A letter typed after the others narrows the search: an item the longer needle matches was
//! matched by the shorter one, so only those items are looked at again. The matches of the
//! needles typed before are kept while the needle goes on containing them, so erasing a letter
//! takes the matches found before it was typed.
//!
//! Each field is lowercased on its own, as `field_matches` lowercases it (`str::to_lowercase`
//! reads a final sigma by the letters around it), and ends with a byte UTF-8 never has (0xFF),
//! so a needle, which is UTF-8, never matches across two fields.

use memchr::memmem;

/// The byte after every field: never in UTF-8, so never in a needle.
const END: u8 = 0xFF;

/// How an item matched a filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rank {
    /// Not at all.
    None,
    /// In one of its fields of the first rank (an actor's name or aliases).
    First,
    /// Only in its other fields.
    Second,
}

/// Items' fields, lowercased, for a filter to look in.
#[derive(Clone, Debug, Default)]
pub struct FilterText {
    /// Every item's fields, lowercased, each followed by [`END`]: an item's fields of the first
    /// rank, then its others.
    text: Vec<u8>,
    /// Where each item's fields begin in `text`.
    starts: Vec<usize>,
    /// Where each item's fields of the second rank begin.
    seconds: Vec<usize>,
    /// The needles looked for lately, each containing the one before, with what each matched
    /// (see [`FilterText::matches`]).
    recent: Vec<(String, Vec<(usize, Rank)>)>,
}

/// How many matches [`FilterText`] keeps of the needles looked for lately, at most, in items
/// per item it has: enough for a few letters typed onto a needle that matches everything.
const RECENT_PER_ITEM: usize = 4;

impl FilterText {
    /// Adds the next item: its fields of the first rank, then its others.
    pub fn push<'a>(
        &mut self,
        first: impl IntoIterator<Item = &'a str>,
        second: impl IntoIterator<Item = &'a str>,
    ) {
        self.starts.push(self.text.len());
        for field in first {
            self.field(field);
        }
        self.seconds.push(self.text.len());
        for field in second {
            self.field(field);
        }
    }

    fn field(&mut self, field: &str) {
        if field.is_ascii() {
            self.text
                .extend(field.bytes().map(|b| b.to_ascii_lowercase()));
        } else {
            self.text.extend_from_slice(field.to_lowercase().as_bytes());
        }
        self.text.push(END);
    }

    /// How many items there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// How each item matches `needle` (lowercase): in one of its fields of the first rank, only
    /// in the others, or not at all. An empty needle matches every item by the first rank.
    #[cfg(test)]
    fn ranks(&mut self, needle: &str) -> Vec<Rank> {
        if needle.is_empty() {
            return vec![Rank::First; self.len()];
        }
        let mut ranks = vec![Rank::None; self.len()];
        for &(item, rank) in self.matches(needle) {
            ranks[item] = rank;
        }
        ranks
    }

    /// The items `needle` (lowercase; empty, every item) matches, in item order, with how. Looks only
    /// among the matches of a needle looked for lately that `needle` contains, when there is
    /// one: no other item can match.
    pub fn matches(&mut self, needle: &str) -> &[(usize, Rank)] {
        // Those that `needle` does not contain are forgotten: a letter erased or changed.
        while self
            .recent
            .last()
            .is_some_and(|(was, _)| !needle.contains(was.as_str()))
        {
            self.recent.pop();
        }
        if self.recent.last().is_none_or(|(was, _)| was != needle) {
            let within = self.recent.last().map(|(_, m)| m.as_slice());
            let found = self.find(needle, within);
            // The oldest are forgotten first when the matches kept grow too many.
            let mut kept: usize = self.recent.iter().map(|(_, m)| m.len()).sum();
            while kept + found.len() > RECENT_PER_ITEM * self.len().max(1)
                && !self.recent.is_empty()
            {
                kept -= self.recent.remove(0).1.len();
            }
            self.recent.push((needle.to_owned(), found));
        }
        self.recent.last().map_or(&[], |(_, m)| m.as_slice())
    }

    /// The items `needle` matches, in item order, with how: among `within` (in item order) when
    /// they are few, else by one search of the whole text.
    fn find(&self, needle: &str, within: Option<&[(usize, Rank)]>) -> Vec<(usize, Rank)> {
        // Every item (an empty needle would be found again and again at the text's end).
        if needle.is_empty() {
            return (0..self.len()).map(|n| (n, Rank::First)).collect();
        }
        let finder = memmem::Finder::new(needle.as_bytes());
        let mut found = Vec::new();
        // The leftmost match in an item decides: its fields of the first rank come first.
        let rank = |item: usize, p: usize| {
            if p < self.seconds[item] {
                Rank::First
            } else {
                Rank::Second
            }
        };
        match within {
            // One search per item costs more than a search of the whole text when most items
            // are to be looked at.
            Some(within) if within.len() * 8 < self.len() => {
                for &(item, _) in within {
                    let (start, end) = (self.starts[item], self.end(item));
                    if let Some(p) = finder.find(&self.text[start..end]) {
                        found.push((item, rank(item, start + p)));
                    }
                }
            }
            _ => {
                let (mut at, mut item) = (0, 0);
                while let Some(p) = self.text.get(at..).and_then(|rest| finder.find(rest)) {
                    let p = at + p;
                    item = self.item_at(p, item);
                    found.push((item, rank(item, p)));
                    at = self.end(item);
                }
            }
        }
        found
    }

    /// Where item `item`'s fields end.
    fn end(&self, item: usize) -> usize {
        self.starts
            .get(item + 1)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The item whose fields hold byte `p`, looked for from item `from` on (whose fields begin
    /// at or before `p`) by steps that double: the next match is most often in an item close by.
    fn item_at(&self, p: usize, from: usize) -> usize {
        let n = self.starts.len();
        let (mut lo, mut step) = (from, 1);
        let hi = loop {
            let probe = lo + step;
            if probe >= n || self.starts[probe] > p {
                break probe.min(n);
            }
            lo = probe;
            step *= 2;
        };
        // `starts[lo] <= p`, and `hi` is the end or begins after `p`.
        lo + self.starts[lo..hi].partition_point(|&s| s <= p) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::list::field_matches;

    /// The rank each item gets by matching each field afresh, as `list::field_matches` does.
    fn afresh(items: &[(Vec<&str>, Vec<&str>)], needle: &str) -> Vec<Rank> {
        items
            .iter()
            .map(|(first, second)| {
                if needle.is_empty() || first.iter().any(|f| field_matches(needle, f)) {
                    Rank::First
                } else if second.iter().any(|f| field_matches(needle, f)) {
                    Rank::Second
                } else {
                    Rank::None
                }
            })
            .collect()
    }

    fn text(items: &[(Vec<&str>, Vec<&str>)]) -> FilterText {
        let mut t = FilterText::default();
        for (first, second) in items {
            t.push(first.iter().copied(), second.iter().copied());
        }
        t
    }

    #[test]
    fn ranks_equal_matching_each_field_afresh() {
        let items: Vec<(Vec<&str>, Vec<&str>)> = vec![
            (
                vec!["Harlow District Council", "the council"],
                vec!["harlow", "organization"],
            ),
            (
                vec!["Jens Stoltenberg"],
                vec!["stoltenberg", "person", "Harlow's MP"],
            ),
            (vec![], vec![]),
            (vec!["ΟΔΟΣ", "İstanbul"], vec!["KELVIN \u{212A}"]),
            (vec!["a\u{0}b"], vec!["x"]),
            (vec![""], vec!["", "tail"]),
        ];
        let mut t = text(&items);
        for needle in [
            "",
            "harlow",
            "council",
            "the",
            "odos",
            "οδος",
            "οδοσ",
            "i̇stanbul",
            "stanbul",
            "kelvin k",
            "k",
            "a\u{0}b",
            "\u{0}",
            "l",
            "tail",
            "ilt",
            "councilstolt",
            "mp",
            "zz",
        ] {
            assert_eq!(t.ranks(needle), afresh(&items, needle), "{needle:?}");
        }
    }

    #[test]
    fn a_match_never_spans_two_fields_or_two_items() {
        let items = vec![(vec!["ab"], vec!["cd"]), (vec!["ef"], vec![])];
        let mut t = text(&items);
        assert_eq!(t.ranks("bc"), vec![Rank::None, Rank::None]);
        assert_eq!(t.ranks("de"), vec![Rank::None, Rank::None]);
        assert_eq!(t.ranks("d"), vec![Rank::Second, Rank::None]);
    }

    #[test]
    fn many_items_found_by_steps_and_halves() {
        let names: Vec<String> = (0..1_000).map(|n| format!("Member {n}")).collect();
        let items: Vec<(Vec<&str>, Vec<&str>)> = names
            .iter()
            .map(|n| (vec![n.as_str()], vec!["person"]))
            .collect();
        let mut t = text(&items);
        for needle in ["member", "7", "77", "999", "per", "member 1", "r 5"] {
            assert_eq!(t.ranks(needle), afresh(&items, needle), "{needle:?}");
        }
    }

    #[test]
    fn letters_typed_and_erased_find_what_a_search_afresh_finds() {
        let names: Vec<String> = (0..2_000)
            .map(|n| format!("Member {n} of {}", n % 7))
            .collect();
        let items: Vec<(Vec<&str>, Vec<&str>)> = names
            .iter()
            .map(|n| (vec![n.as_str()], vec!["organization"]))
            .collect();
        let mut t = text(&items);
        // Typed letter by letter, erased, changed mid-way, and a needle contained elsewhere.
        for needle in [
            "m",
            "me",
            "mem",
            "memb",
            "member",
            "member ",
            "member 1",
            "member 12",
            "member 123",
            "member 12",
            "member 1",
            "member 19",
            "member 1",
            "r 1",
            "er 1",
            "z",
            "1 of 3",
            "of 3",
            "o",
            "or",
            "org",
            "1",
            "12",
            "",
        ] {
            assert_eq!(t.ranks(needle), afresh(&items, needle), "{needle:?}");
            let kept: usize = t.recent.iter().map(|(_, m)| m.len()).sum();
            assert!(kept <= RECENT_PER_ITEM * t.len(), "{kept} matches kept");
        }
    }
}
