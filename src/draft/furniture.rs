//! Page furniture: lines of a scraped page that are not part of the story. A line is furniture
//! when it is short and not a sentence ("Advertisement", "Key takeaways:", "(As delivered)", a
//! bullet), when it is a dateline ("05 Jul. 2024"), or when the same line stands elsewhere in
//! the text (a related-story box repeating its headline).

use std::collections::{HashMap, HashSet};

use super::dates::{Found, phrases};
use crate::date::{PartialDate, Precision};
use crate::fold::fold;

/// A line longer than this many words is never "short".
const SHORT_WORDS: usize = 12;

/// A line to omit, why, and where it stands (1-based lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Furniture {
    /// The line, trimmed, as `omit` lists it.
    pub text: String,
    pub lines: Vec<usize>,
    pub reason: String,
    /// The date of a dateline.
    pub dateline: Option<PartialDate>,
}

/// The furniture of `text`; line `headline` (1-based), the title, is never furniture.
#[must_use]
pub fn find(text: &str, headline: Option<usize>) -> Vec<Furniture> {
    let lines: Vec<&str> = text.lines().collect();
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for (n, l) in lines.iter().enumerate() {
        let t = l.trim().trim_start_matches('\u{feff}');
        if !t.is_empty() {
            seen.entry(fold(t)).or_default().push(n + 1);
        }
    }
    // In hard-wrapped text a sentence runs on into the next line, which often starts lowercase;
    // a short line there is furniture only when blank lines stand around it.
    let blank = |n: usize| lines.get(n).is_none_or(|l| l.trim().is_empty());
    let filled = (0..lines.len()).filter(|&n| !blank(n)).count();
    let running_on = (1..lines.len())
        .filter(|&n| !blank(n - 1) && lines[n].trim_start().starts_with(char::is_lowercase))
        .count();
    let wrapped = running_on * 4 >= filled.max(1);
    let mut out: Vec<Furniture> = Vec::new();
    let mut done: HashSet<String> = HashSet::new();
    for (n, l) in lines.iter().enumerate() {
        let t = l.trim().trim_start_matches('\u{feff}').trim();
        if t.is_empty() || Some(n + 1) == headline || done.contains(&fold(t)) {
            continue;
        }
        let at = &seen[&fold(t)];
        let words = t.split_whitespace().count();
        let dateline = dateline(t);
        let reason = if let Some(d) = dateline {
            format!("a dateline ({d})")
        } else if words <= SHORT_WORDS
            && !is_sentence(t)
            && (!wrapped || (n == 0 || blank(n - 1)) && blank(n + 1))
        {
            if t.starts_with(['•', '·', '▪', '*', '-', '–', '—']) {
                "a bullet that is not a sentence".to_owned()
            } else {
                format!(
                    "{words} word{} and not a sentence",
                    if words == 1 { "" } else { "s" }
                )
            }
        } else if at.len() > 1 {
            "the same line stands elsewhere in the text".to_owned()
        } else {
            continue;
        };
        done.insert(fold(t));
        out.push(Furniture {
            text: t.to_owned(),
            lines: at.clone(),
            reason,
            dateline,
        });
    }
    out
}

/// The date of a dateline: a line that is a full date and at most three other words, not
/// counting times ("Published July 5, 2024 10:31 AM GMT"). "The court met on 2024-07-05." is a
/// sentence, not a dateline.
fn dateline(line: &str) -> Option<PartialDate> {
    let (range, date) = phrases(line, 0..line.len(), None)
        .into_iter()
        .find_map(|p| match p.found {
            Found::Date { date, .. } if date.precision() == Precision::Day => Some((p.range, date)),
            _ => None,
        })?;
    let others = line[..range.start]
        .split_whitespace()
        .chain(line[range.end..].split_whitespace())
        .filter(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            !w.is_empty()
                && !w.starts_with(|c: char| c.is_ascii_digit())
                && !matches!(w, "AM" | "PM" | "am" | "pm" | "GMT" | "UTC" | "ET" | "CET")
        })
        .count();
    let sentence = line[range.end..].trim_end().ends_with('.');
    (others <= 3 && !sentence).then_some(date)
}

/// Whether a line ends as a sentence does.
fn is_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    // "(As delivered.)" is bracketed whole: not a sentence even if it ends with a stop.
    end.ends_with(['.', '!', '?', '…']) && !(line.starts_with('(') && line.ends_with(')'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_that_are_not_sentences_datelines_and_repeats() {
        let text = "A headline without a stop\n05 Jul. 2024\nKey takeaways:\n(As delivered)\n\
            • Rates rise\nThe minister spoke for an hour.\nAdvertisement\nRead more: a long \
            related headline that runs on and on and on and on\nAdvertisement\nRead more: a long \
            related headline that runs on and on and on and on\n";
        let got: Vec<(String, Vec<usize>)> = find(text, Some(1))
            .into_iter()
            .map(|f| (f.text, f.lines))
            .collect();
        let want: Vec<(String, Vec<usize>)> = vec![
            ("05 Jul. 2024".into(), vec![2]),
            ("Key takeaways:".into(), vec![3]),
            ("(As delivered)".into(), vec![4]),
            ("• Rates rise".into(), vec![5]),
            ("Advertisement".into(), vec![7, 9]),
            (
                "Read more: a long related headline that runs on and on and on and on".into(),
                vec![8, 10],
            ),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn hard_wrapped_lines_are_not_short_lines() {
        // Wrapped at 40 columns: no line but the last ends with a stop, and only the standalone
        // "Advertisement" is furniture.
        let text = "The minister said on Tuesday that the\nplan would cost more than it was\n\
            worth to the country.\n\nAdvertisement\n\nHe added that talks\nwould go on.\n";
        let got: Vec<String> = find(text, None).into_iter().map(|f| f.text).collect();
        assert_eq!(got, ["Advertisement"]);
    }
}
