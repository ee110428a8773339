//! The mention index: every place the article names an actor, found by the mention rules that
//! `check`, `export` and the reader share.
//!
//! An actor's patterns are its name and aliases (rule 1), folded (rule 2); a pattern that starts
//! with a lowercase letter also matches capitalised (rule 3). Matches must be whole words
//! (rule 4); among overlapping candidates the leftmost wins, then the longest (rule 5). Omitted
//! lines are never searched (rule 6). Offsets are bytes of the file on disk (rule 8).
//!
//! Rule 5 cannot be had from aho-corasick's leftmost-longest mode: that mode discards a shorter
//! match that would pass the word test whenever a longer one at the same place fails it. So the
//! search is overlapping, the word test filters every candidate, and the choice comes last.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::article::Article;
use crate::fold::fold;
use crate::sheet::Actor;

/// One mention: where it stands in the article, and whose it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: u32,
    pub end: u32,
    /// Index of the actor in the fact sheet.
    pub actor: u32,
}

impl Mention {
    #[must_use]
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The folded patterns to search for, each with its actor.
#[derive(Clone, Debug, Default)]
pub struct Patterns {
    pub texts: Vec<String>,
    pub owners: Vec<u32>,
}

impl Patterns {
    /// Names and aliases first, then capitalised variants, so that a spelling written out by
    /// one actor wins over another actor's variant. The first actor to claim a spelling keeps it
    /// (`check` reports the clash as an error).
    #[must_use]
    pub fn new(actors: &[Actor]) -> Self {
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut p = Self::default();
        let mut add = |text: String, owner: u32, p: &mut Self| {
            if !text.is_empty() && !seen.contains_key(&text) {
                seen.insert(text.clone(), owner);
                p.texts.push(text);
                p.owners.push(owner);
            }
        };
        for (n, a) in actors.iter().enumerate() {
            for spelling in std::iter::once(&a.name).chain(&a.aliases) {
                add(fold(spelling), n as u32, &mut p);
            }
        }
        for n in 0..p.texts.len() {
            if let Some(variant) = capitalised(&p.texts[n]) {
                let owner = p.owners[n];
                add(variant, owner, &mut p);
            }
        }
        p
    }
}

/// "the alliance" → "The alliance"; `None` when the first letter is not lowercase.
fn capitalised(pattern: &str) -> Option<String> {
    let first = pattern.chars().next()?;
    if !first.is_lowercase() {
        return None;
    }
    let mut s: String = first.to_uppercase().collect();
    s.push_str(&pattern[first.len_utf8()..]);
    Some(s)
}

#[derive(Clone, Debug, Default)]
pub struct MentionIndex {
    /// Every mention, by position; they never overlap.
    mentions: Vec<Mention>,
    /// For each actor, the indices of its mentions in `mentions`.
    by_actor: Vec<Vec<u32>>,
}

impl MentionIndex {
    #[must_use]
    pub fn build(article: &Article, actors: &[Actor]) -> Self {
        let patterns = Patterns::new(actors);
        let folded = article.folded();
        let text = folded.as_str();
        let spans = find(text, &patterns.texts);
        let mut by_actor = vec![Vec::new(); actors.len()];
        let mentions = spans
            .into_iter()
            .enumerate()
            .map(|(n, (range, pattern))| {
                let actor = patterns.owners[pattern];
                by_actor[actor as usize].push(n as u32);
                Mention {
                    start: folded.to_original(range.start) as u32,
                    end: folded.to_original(range.end) as u32,
                    actor,
                }
            })
            .collect();
        Self { mentions, by_actor }
    }

    /// Every mention, in the order of the text.
    #[must_use]
    pub fn all(&self) -> &[Mention] {
        &self.mentions
    }

    /// Indices into [`Self::all`] of one actor's mentions, in the order of the text.
    #[must_use]
    pub fn of_actor(&self, actor: usize) -> &[u32] {
        self.by_actor.get(actor).map_or(&[], Vec::as_slice)
    }

    #[must_use]
    pub fn count(&self, actor: usize) -> usize {
        self.of_actor(actor).len()
    }

    /// The mention that covers byte `offset`.
    #[must_use]
    pub fn at(&self, offset: usize) -> Option<usize> {
        let i = self
            .mentions
            .partition_point(|m| (m.end as usize) <= offset);
        self.mentions
            .get(i)
            .filter(|m| m.start as usize <= offset)
            .map(|_| i)
    }

    /// The first mention that starts at or after `offset`.
    #[must_use]
    pub fn first_from(&self, offset: usize) -> usize {
        self.mentions
            .partition_point(|m| (m.start as usize) < offset)
    }
}

/// Finds the chosen matches of `patterns` in folded `text`: `(range, pattern index)`, ascending.
#[must_use]
pub fn find(text: &str, patterns: &[String]) -> Vec<(Range<usize>, usize)> {
    if patterns.is_empty() {
        return Vec::new();
    }
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .or_else(|_| AhoCorasick::builder().build(patterns))
    else {
        return Vec::new();
    };
    let bytes = text.as_bytes();
    let mut candidates: Vec<(usize, usize, usize)> = ac
        .find_overlapping_iter(text)
        .filter(|m| word_start(bytes, text, m.start()) && word_end(bytes, text, m.end()))
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    candidates.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut chosen = Vec::new();
    let mut free_from = 0;
    for (start, end, pattern) in candidates {
        if start >= free_from {
            chosen.push((start..end, pattern));
            free_from = end;
        }
    }
    chosen
}

/// Rule 4: nothing alphanumeric just before `start`.
fn word_start(bytes: &[u8], text: &str, start: usize) -> bool {
    match start.checked_sub(1).map(|i| bytes[i]) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// Rule 4: nothing alphanumeric just after `end`.
fn word_end(bytes: &[u8], text: &str, end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sheet::ActorKind;

    fn actor(name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: fold(name).to_lowercase().replace(' ', "-"),
            name: name.to_owned(),
            kind: ActorKind::Other,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            role: None,
            affiliation: None,
            note: None,
        }
    }

    /// The mentions of `text` as (matched text, actor index).
    fn mentions<'t>(text: &'t str, actors: &[Actor], omit: &[&str]) -> Vec<(&'t str, u32)> {
        let omit: Vec<String> = omit.iter().map(|o| fold(o)).collect();
        let (article, _) = Article::new(text.to_owned(), &omit);
        let index = MentionIndex::build(&article, actors);
        index
            .all()
            .iter()
            .map(|m| (&text[m.range()], m.actor))
            .collect()
    }

    #[test]
    fn rule_1_name_and_aliases_are_patterns() {
        let actors = [actor("Douglas Jones", &["Jones"])];
        let found = mentions("Douglas Jones said. Later Jones added.", &actors, &[]);
        assert_eq!(found, [("Douglas Jones", 0), ("Jones", 0)]);
    }

    #[test]
    fn rule_2_folding_matches_wrapped_crlf_and_typographic_text() {
        let actors = [
            actor("Voice of America", &[]),
            actor("NATO - Security Assistance", &[]),
            actor("Biden's debate", &[]),
        ];
        let text =
            "Voice of\r\n   America; NATO \u{2013} Security\nAssistance; Biden\u{2018}s debate";
        let found = mentions(text, &actors, &[]);
        assert_eq!(
            found,
            [
                ("Voice of\r\n   America", 0),
                ("NATO \u{2013} Security\nAssistance", 1),
                ("Biden\u{2018}s debate", 2)
            ]
        );
    }

    #[test]
    fn rule_3_lowercase_patterns_also_match_capitalised() {
        let actors = [actor("NATO", &["the alliance"])];
        let found = mentions(
            "The alliance met; the alliance agreed; THE ALLIANCE no; nATO no",
            &actors,
            &[],
        );
        assert_eq!(found, [("The alliance", 0), ("the alliance", 0)]);
    }

    #[test]
    fn rule_3_is_case_sensitive_otherwise() {
        let actors = [actor("NATO", &[])];
        assert!(mentions("Nato and nato", &actors, &[]).is_empty());
    }

    #[test]
    fn rule_4_whole_words_only() {
        let actors = [actor("NATO", &[]), actor("Trump", &[])];
        let found = mentions(
            "NATOs no; Trump\u{2019}s yes; non-NATO yes; xTrump no; Trumpé no; (NATO)",
            &actors,
            &[],
        );
        assert_eq!(found, [("Trump", 1), ("NATO", 0), ("NATO", 0)]);
    }

    #[test]
    fn rule_4_text_edges_are_boundaries() {
        let actors = [actor("NATO", &[])];
        assert_eq!(mentions("NATO", &actors, &[]), [("NATO", 0)]);
    }

    #[test]
    fn rule_5_leftmost_then_longest_without_overlap() {
        let actors = [
            actor("United States", &["US"]),
            actor("US State Department", &[]),
        ];
        let found = mentions("a senior US State Department official; US", &actors, &[]);
        assert_eq!(found, [("US State Department", 1), ("US", 0)]);
    }

    #[test]
    fn rule_5_shorter_match_survives_when_the_longer_fails_the_word_test() {
        // Leftmost-longest alone would pick "New Yorker" (not a word here) and lose "New York".
        let actors = [actor("New York", &[]), actor("New Yorker", &[])];
        let found = mentions("New Yorkers love New York", &actors, &[]);
        assert_eq!(found, [("New York", 0)]);
        let actors = [actor("New York", &[]), actor("New York Times", &[])];
        let found = mentions("New York Timesheet", &actors, &[]);
        assert_eq!(found, [("New York", 0)]);
    }

    #[test]
    fn rule_5_leftmost_wins_over_longer_overlap() {
        let actors = [actor("South Korea", &[]), actor("Korea Herald", &[])];
        let found = mentions("South Korea Herald", &actors, &[]);
        assert_eq!(found, [("South Korea", 0)]);
    }

    #[test]
    fn rule_6_omitted_lines_are_not_searched_or_crossed() {
        let actors = [actor("Trump", &[]), actor("foo bar", &[])];
        let text = "Trump\n\u{2018}Support After Trump\u{2019}s Victory\nfoo\nAdvertisement\nbar";
        let found = mentions(
            text,
            &actors,
            &["'Support After Trump's Victory", "Advertisement"],
        );
        assert_eq!(found, [("Trump", 0)]);
    }

    #[test]
    fn rule_8_offsets_are_bytes_on_disk_after_a_bom() {
        let actors = [actor("NATO", &[])];
        let (article, _) = Article::new("\u{FEFF}«NATO»".to_owned(), &[]);
        let index = MentionIndex::build(&article, &actors);
        assert_eq!(index.all()[0].range(), 5..9);
    }

    #[test]
    fn per_actor_lists_and_lookups() {
        let actors = [actor("A", &[]), actor("B", &[])];
        let (article, _) = Article::new("A B A".to_owned(), &[]);
        let index = MentionIndex::build(&article, &actors);
        assert_eq!(index.of_actor(0), [0, 2]);
        assert_eq!(index.count(1), 1);
        assert_eq!(index.at(2), Some(1));
        assert_eq!(index.at(1), None);
        assert_eq!(index.first_from(1), 1);
        assert_eq!(index.of_actor(7), [] as [u32; 0]);
    }
}
