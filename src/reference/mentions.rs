//! The mention rules (docs/fact-sheet.md, and the header of `mentions`), applied as plainly as
//! they can be written: what `MentionIndex` must find, mention for mention.

use std::collections::{HashMap, HashSet};

use super::fold::{fold, fold_mapped, omitted_lines};
use crate::sheet::Actor;

/// The mention rules of the module header, applied as plainly as they can be written: fold
/// the article character by character (rules 2, 6, 8), then at every place where a word may
/// start try every pattern (rules 1, 3), and keep the longest that ends a word (rules 4,
/// 5), and last join neighbours (rule 9). Returns `(start, end, actor)` in bytes of the
/// original.
pub fn mentions(original: &str, actors: &[Actor], omit: &[&str]) -> Vec<(usize, usize, u32)> {
    rule_9(original, &rules_1_to_8(original, actors, omit))
}

/// Rules 1 to 8: every mention, before neighbours are joined.
pub fn rules_1_to_8(original: &str, actors: &[Actor], omit: &[&str]) -> Vec<(usize, usize, u32)> {
    let body = if original.starts_with('\u{FEFF}') {
        3
    } else {
        0
    };
    let omit: Vec<String> = omit.iter().map(|o| fold(o)).collect();
    let removed = omitted_lines(original, body, &omit);
    let (text, src) = fold_mapped(original, body, &removed);
    // Rules 1 and 3: spellings first, then capitalised variants; the first claim wins.
    let mut patterns: Vec<(String, u32)> = Vec::new();
    let mut claimed = HashSet::new();
    for (n, a) in actors.iter().enumerate() {
        for spelling in std::iter::once(&a.name).chain(&a.aliases) {
            let p = fold(spelling);
            if !p.is_empty() && claimed.insert(p.clone()) {
                patterns.push((p, n as u32));
            }
        }
    }
    for k in 0..patterns.len() {
        let (p, n) = patterns[k].clone();
        let mut chars = p.chars();
        if let Some(first) = chars.next().filter(|c| c.is_lowercase()) {
            let variant: String = first.to_uppercase().chain(chars).collect();
            if claimed.insert(variant.clone()) {
                patterns.push((variant, n));
            }
        }
    }
    let mut by_first: HashMap<char, Vec<(String, u32)>> = HashMap::new();
    for (p, n) in patterns {
        by_first
            .entry(p.chars().next().unwrap())
            .or_default()
            .push((p, n));
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let mut best: Option<(usize, u32)> = None;
        if !word(text[..at].chars().next_back()) {
            for (p, n) in by_first.get(&c).map_or(&[][..], Vec::as_slice) {
                let end = at + p.len();
                if text[at..].starts_with(p.as_str())
                    && !word(text[end..].chars().next())
                    && best.is_none_or(|(e, _)| end > e)
                {
                    best = Some((end, *n));
                }
            }
        }
        match best {
            Some((end, n)) => {
                found.push((src[at], src[end], n));
                at = end;
            }
            None => at += c.len_utf8(),
        }
    }
    found
}

/// Rule 9, read off the original text: a mention joins the one before it (joined already,
/// perhaps) when both are of one actor and the text between them is whitespace, or
/// whitespace and `(` with `)` just after it, a `)` that no later mention starts at.
pub fn rule_9(original: &str, found: &[(usize, usize, u32)]) -> Vec<(usize, usize, u32)> {
    let mut joined: Vec<(usize, usize, u32)> = Vec::new();
    for (k, &(start, end, n)) in found.iter().enumerate() {
        if let Some(last) = joined.last_mut().filter(|l| l.2 == n) {
            let gap = &original[last.1..start];
            if gap.chars().all(char::is_whitespace) {
                last.1 = end;
                continue;
            }
            let free = found.get(k + 1).is_none_or(|next| next.0 > end);
            if gap
                .strip_suffix('(')
                .is_some_and(|ws| ws.chars().all(char::is_whitespace))
                && original[end..].starts_with(')')
                && free
            {
                last.1 = end + 1;
                continue;
            }
        }
        joined.push((start, end, n));
    }
    joined
}
