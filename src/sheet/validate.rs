//! Checks that need the whole fact sheet but not the article: references between entries,
//! `end` before `date`, the same pattern claimed by two actors, a spelling that is a common
//! English word, and the guesses of `briefing draft` left as it wrote them.

use std::collections::HashMap;

use super::{Actor, ActorPositions, FactSheet, GUESSED_DATE, LABEL_TO_WRITE, Positions, Span};
use crate::diagnostic::{Diagnostic, SourceFile, did_you_mean};
use crate::fold::fold;
use crate::inert::{escaped, quoted};
use crate::mentions::capitalised;

/// How many id comparisons `check` spends on finding the closest id to unknown ones (about a
/// microsecond each: half a second at most; 500 unknown ids among 1,000 actors).
const SUGGESTION_BUDGET: usize = 500_000;

pub fn validate<'a>(
    sheet: &'a FactSheet,
    pos: &Positions,
    src: &SourceFile,
    out: &mut Vec<Diagnostic>,
) {
    let ids: Vec<&str> = sheet.actors.iter().map(|a| a.id.as_str()).collect();
    // A name or an alias written where an id belongs: each spelling, folded and lowercased,
    // with the actor it names and what it is of that actor. The name wins over an alias.
    // foldhash, not SipHash, here and below: every spelling is hashed.
    let mut spelled: foldhash::HashMap<String, (&str, &str)> = foldhash::HashMap::default();
    for a in &sheet.actors {
        for (text, what) in
            std::iter::once((&a.name, "name")).chain(a.aliases.iter().map(|x| (x, "alias")))
        {
            spelled
                .entry(fold(text).to_lowercase())
                .or_insert((a.id.as_str(), what));
        }
    }
    // Looked up once per reference, so a set, not the list (20,000 references among 100,000
    // actors took seconds).
    let known: foldhash::HashSet<&str> = ids.iter().copied().collect();
    // The closest id to each unknown one is looked for among all ids, once per distinct
    // unknown id, and only while the comparisons stay within a budget: 20,000 bad references
    // among 100,000 actors compared every pair (49 s). A normal sheet never reaches it.
    let mut closest: HashMap<&str, Option<&str>> = HashMap::new();
    let mut budget = SUGGESTION_BUDGET;
    let mut refer = |id: &'a str, span: &Span, what: &str| {
        if known.contains(id) {
            return;
        }
        let d = src.error(
            span,
            format!("unknown actor id {} in {what}", quoted(id, 40)),
        );
        if let Some((actor, which)) = spelled.get(&fold(id).to_lowercase()) {
            out.push(d.with_hint(format!(
                "did you mean {}? {} is that actor's {which}; references use its id",
                quoted(actor, 40),
                quoted(id, 40)
            )));
            return;
        }
        let suggestion = *closest.entry(id).or_insert_with(|| {
            budget = budget.checked_sub(ids.len())?;
            did_you_mean(id, ids.iter().copied())
        });
        out.push(match suggestion {
            // The suggestion is an actor's id as written, which may be malformed (reported
            // where it is read) and hold controls: escaped, so it cannot reach a terminal.
            Some(m) => d.with_hint(format!("did you mean \"{}\"?", escaped(m))),
            None => d.with_hint("use the `id` of an actor defined under [[actors]]"),
        });
    };
    for (a, p) in sheet.actors.iter().zip(&pos.actors) {
        if let Some(aff) = &a.affiliation {
            refer(aff, &p.affiliation, "`affiliation`");
        }
    }
    for (e, p) in sheet.events.iter().zip(&pos.events) {
        for (id, span) in e.actors.iter().zip(&p.actors) {
            refer(id, span, "the event's `actors`");
        }
    }
    for (f, p) in sheet.facts.iter().zip(&pos.facts) {
        if let Some(source) = &f.source {
            refer(source, &p.source, "the fact's `source`");
        }
    }
    for (a, p) in sheet.actors.iter().zip(&pos.actors) {
        if a.affiliation.as_deref() == Some(a.id.as_str()) {
            out.push(src.warning(
                &p.affiliation,
                format!("actor {} is affiliated with itself", quoted(&a.id, 40)),
            ));
        }
    }
    for (e, p) in sheet.events.iter().zip(&pos.events) {
        if let Some(end) = e.end
            && end.ends_before_start_of(e.date)
        {
            out.push(src.error(
                &p.end,
                format!(
                    "event {} ends ({end}) before it starts ({})",
                    quoted(&e.id, 40),
                    e.date
                ),
            ));
        }
    }
    patterns(sheet, pos, src, out);
    guesses(sheet, pos, src, out);
}

/// What `briefing draft` left for the curator and is still there: a date it guessed, with its
/// comment ([`GUESSED_DATE`]) after it, and a label's part to write ([`LABEL_TO_WRITE`]). A
/// warning each, so that `check --strict` fails on a draft no one has gone through.
fn guesses(sheet: &FactSheet, pos: &Positions, src: &SourceFile, out: &mut Vec<Diagnostic>) {
    let text = src.text();
    for (e, p) in sheet.events.iter().zip(&pos.events) {
        let after = text.get(p.date.end..).unwrap_or("");
        let rest = &after[..after.find('\n').unwrap_or(after.len())];
        let comment = rest.trim_start().strip_prefix('#').map(str::trim_start);
        if comment.is_some_and(|c| c.starts_with(GUESSED_DATE)) {
            out.push(
                src.warning(
                    &p.date,
                    format!(
                        "the date of event {} ({}) is the draft's guess",
                        quoted(&e.id, 40),
                        e.date
                    ),
                )
                .with_hint("set the date it happened, then delete the comment after it"),
            );
        }
    }
    for (f, p) in sheet.facts.iter().zip(&pos.facts) {
        if f.label.contains(LABEL_TO_WRITE) {
            out.push(
                src.warning(
                    &p.label,
                    format!(
                        "the label of fact {} still asks to be written: {}",
                        quoted(&f.id, 40),
                        quoted(&f.label, 60)
                    ),
                )
                .with_hint("write what the figure counts in place of the words in brackets"),
            );
        }
    }
}

/// Mention rule 5 needs every folded pattern to name one actor.
fn patterns(sheet: &FactSheet, pos: &Positions, src: &SourceFile, out: &mut Vec<Diagnostic>) {
    let mut owner: foldhash::HashMap<String, (usize, Span)> = foldhash::HashMap::default();
    for (n, (a, p)) in sheet.actors.iter().zip(&pos.actors).enumerate() {
        for (text, span) in spellings(a, p) {
            let folded = fold(text);
            if folded.is_empty() {
                continue; // a blank name is reported where it is read
            }
            match owner.get(&folded) {
                None => {
                    owner.insert(folded, (n, span.clone()));
                }
                Some((first, first_span)) if *first == n => {
                    let (line, _) = src.line_col(first_span.start);
                    out.push(src.warning(
                        span,
                        format!(
                            "actor {} lists {} twice (also on line {line})",
                            quoted(&a.id, 40),
                            quoted(text, 60)
                        ),
                    ));
                }
                Some((first, first_span)) => {
                    let (line, _) = src.line_col(first_span.start);
                    out.push(
                        src.error(
                            span,
                            format!(
                                "{} is used by actor {} and by actor {} (line {line})",
                                quoted(text, 60),
                                quoted(&a.id, 40),
                                quoted(&sheet.actors[*first].id, 40)
                            ),
                        )
                        .with_hint("a spelling can name only one actor; keep it on one of them"),
                    );
                }
            }
        }
    }
    for (a, p) in sheet.actors.iter().zip(&pos.actors) {
        for (text, span) in spellings(a, p) {
            if is_common_word(&fold(text)) {
                out.push(
                    src.warning(
                        span,
                        format!(
                            "{} of actor {} is a common English word, found wherever the article \
                             uses it",
                            quoted(text, 60),
                            quoted(&a.id, 40)
                        ),
                    )
                    .with_hint(
                        "it is more likely a slip than a name; remove it, or write the phrase \
                         the article names the actor by",
                    ),
                );
            }
        }
    }
    // Rule 3 makes a lowercase spelling match capitalised too, so it clashes with another
    // actor's spelling of that capitalised form, which would take those mentions silently.
    for (n, (a, p)) in sheet.actors.iter().zip(&pos.actors).enumerate() {
        for (text, span) in spellings(a, p) {
            let Some(variant) = capitalised(&fold(text)) else {
                continue;
            };
            let Some((other, other_span)) = owner.get(&variant).filter(|(o, _)| *o != n) else {
                continue;
            };
            let (line, _) = src.line_col(other_span.start);
            out.push(
                src.error(
                    span,
                    format!(
                        "{} of actor {} also matches {}, which actor {} uses (line {line})",
                        quoted(text, 60),
                        quoted(&a.id, 40),
                        quoted(&variant, 60),
                        quoted(&sheet.actors[*other].id, 40)
                    ),
                )
                .with_hint(
                    "a spelling that starts lowercase also matches capitalised, at the start of \
                     a sentence; keep the two on one actor, or make them differ",
                ),
            );
        }
    }
}

/// The most common English function words and verbs (with the verbs' commonest forms): the
/// words of the 100 most frequent in the Oxford English Corpus (as Wikipedia's "Most common words
/// in English" lists them) that are not nouns or adjectives, plus `is`, `are`, `was`, `were`,
/// `been`, `has`, `had`, `does`, `did`, `said` and `says`. A spelling that is one of them,
/// in lowercase or capitalised, would be found all over an article. Sorted, for a binary search.
const COMMON_WORDS: [&str; 95] = [
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "back", "be",
    "because", "been", "but", "by", "can", "come", "could", "did", "do", "does", "even", "for",
    "from", "get", "give", "go", "had", "has", "have", "he", "her", "him", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "know", "like", "look", "make", "me", "my", "no",
    "not", "now", "of", "on", "only", "or", "our", "out", "over", "said", "say", "says", "see",
    "she", "so", "some", "take", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "think", "this", "to", "up", "us", "use", "want", "was", "we", "were", "what", "when",
    "which", "who", "will", "with", "would",
];

/// Whether a folded spelling is one of [`COMMON_WORDS`], in lowercase or capitalised (`the`,
/// `The`, `I`); not in capitals (`US`, `WHO`, `IT` are names).
fn is_common_word(folded: &str) -> bool {
    let mut chars = folded.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    if rest.chars().any(|c| !c.is_lowercase()) {
        return false;
    }
    let word: String = first.to_lowercase().chain(rest.chars()).collect();
    COMMON_WORDS.binary_search(&word.as_str()).is_ok()
}

/// An actor's name and aliases, each with where it is written.
fn spellings<'a>(
    a: &'a Actor,
    p: &'a ActorPositions,
) -> impl Iterator<Item = (&'a String, &'a Span)> {
    std::iter::once((&a.name, &p.name)).chain(a.aliases.iter().zip(&p.aliases))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_common_words_are_sorted_and_lowercase() {
        assert!(COMMON_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            COMMON_WORDS
                .iter()
                .all(|w| w.chars().all(char::is_lowercase))
        );
    }

    /// The draft's guessed date (its comment after it) and a label's part to write are warned
    /// about where they stand; a date seen to (its comment gone, or another comment) and a label
    /// that only says "write" are not.
    #[test]
    fn what_the_draft_left_to_do_is_warned_about() {
        let text = "[briefing]\ntitle = \"T\"\narticle = \"a.txt\"\n\n\
            [[events]]\nid = \"guessed\"\ndate = \"2030\"   # a guess: set the date it happened (why)\n\
            title = \"A\"\n\n\
            [[events]]\nid = \"seen-to\"\ndate = 2025-03-14   # checked against the court record\n\
            title = \"B\"\n\n\
            [[facts]]\nlabel = \"Share (write what it is a share of)\"\nvalue = \"7.5%\"\n\n\
            [[facts]]\nlabel = \"Letters they write (of complaint)\"\nvalue = \"12\"\n";
        let src = SourceFile::new("f.toml".to_owned(), text);
        let parsed = crate::sheet::parse::parse(&src);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let mut out = Vec::new();
        validate(&parsed.sheet, &parsed.positions, &src, &mut out);
        let got: Vec<String> = out.iter().map(ToString::to_string).collect();
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(
            got[0].starts_with(
                "f.toml:7:8: warning: the date of event \"guessed\" (2030) is the draft's guess"
            ),
            "{}",
            got[0]
        );
        assert!(
            got[1].starts_with("f.toml:16:9: warning: the label of fact"),
            "{}",
            got[1]
        );
    }

    #[test]
    fn a_common_word_in_lowercase_or_capitalised_is_one_but_not_in_capitals() {
        for word in ["the", "The", "a", "I", "he", "said", "Said", "who"] {
            assert!(is_common_word(word), "{word}");
        }
        for word in ["US", "WHO", "IT", "the alliance", "Thé", "", "NATO", "sAid"] {
            assert!(!is_common_word(word), "{word}");
        }
    }
}
