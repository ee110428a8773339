//! Page furniture: lines of a scraped page that are not part of the story. A line is furniture
//! when it is short and not a sentence ("Advertisement", "Key takeaways:", "(As delivered)", a
//! bullet, "*New London, Connecticut**"), when it is a dateline ("05 Jul. 2024"), a clock time
//! ("11:50 A.M. EDT") or an agency's credit ("(Reporting by …; Editing by …)"), when the same
//! line stands elsewhere in the text (a related-story box repeating its headline), or when it
//! stands in a block of lines that repeat the body (a "Key takeaways" box whose bullets restate
//! sentences of the story, a teaser whose sentence the story already has).

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, MatchKind};

use super::dates::{Found, phrases};
use crate::date::{PartialDate, Precision};
use crate::fold::fold;
use crate::plural::{count, s};

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

/// A line restating the body has at least this many words once its bullet and end are gone.
const RESTATING_WORDS: usize = 4;

/// Lines are looked for in the rest of the text only in texts up to this many bytes: the search
/// compares every line with every paragraph.
const RESTATING_MAX_BYTES: usize = 512 * 1024;

/// Why one line alone is furniture, and the date of a dateline.
type Alone = Option<(String, Option<PartialDate>)>;

/// The furniture of `text`; line `headline` (1-based), the title, is never furniture.
#[must_use]
pub fn find(text: &str, headline: Option<usize>) -> Vec<Furniture> {
    let lines: Vec<&str> = text.lines().collect();
    let trimmed = |n: usize| lines[n].trim().trim_start_matches('\u{feff}').trim();
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for n in 0..lines.len() {
        let t = trimmed(n);
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
    let alone: Vec<Alone> = (0..lines.len())
        .map(|n| {
            let t = trimmed(n);
            if t.is_empty() || Some(n + 1) == headline {
                return None;
            }
            let words = t.split_whitespace().count();
            if let Some(d) = dateline(t) {
                Some((format!("a dateline ({d})"), Some(d)))
            } else if let Some(reason) =
                marking(t, (n > 0).then(|| lines[n - 1]), lines.get(n + 1).copied())
            {
                Some((reason.to_owned(), None))
            } else if words <= SHORT_WORDS
                && !is_sentence(t)
                && (!wrapped
                    || (n == 0 || blank(n - 1)) && blank(n + 1)
                    || marked(t) && apart(&lines, n))
            {
                let reason = if t.starts_with(['*', '_']) && !t[1..].starts_with(' ') {
                    "an emphasised line that is not a sentence".to_owned()
                } else if bulleted(t) {
                    "a bullet that is not a sentence".to_owned()
                } else {
                    format!("{} and not a sentence", count(words, "word"))
                };
                Some((reason, None))
            } else if seen[&fold(t)].len() > 1 {
                Some((
                    "the same line stands elsewhere in the text".to_owned(),
                    None,
                ))
            } else {
                None
            }
        })
        .collect();
    let restated = restating(&lines, headline, &alone);
    let mut in_block: Vec<Option<String>> = vec![None; lines.len()];
    for (range, body) in blocks(&lines, &alone, &restated) {
        let reason = format!(
            "part of lines {}–{}, a block that repeats the body (line{} {})",
            range.start + 1,
            range.end,
            s(body.len()),
            body.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        );
        for n in range {
            if !blank(n) && alone[n].as_ref().is_none_or(|a| a.1.is_none()) {
                in_block[n] = Some(reason.clone());
            }
        }
    }
    let mut out: Vec<Furniture> = Vec::new();
    let mut done: HashSet<String> = HashSet::new();
    for n in 0..lines.len() {
        let t = trimmed(n);
        let (reason, dateline) = match (&in_block[n], &alone[n]) {
            (Some(b), _) => (b.clone(), None),
            (None, Some((r, d))) => (r.clone(), *d),
            (None, None) => continue,
        };
        if !done.insert(fold(t)) {
            continue;
        }
        out.push(Furniture {
            text: t.to_owned(),
            lines: seen[&fold(t)].clone(),
            reason,
            dateline,
        });
    }
    out
}

/// A line as compared with the body: folded, lowercase, without a leading bullet or trailing
/// punctuation.
fn core(line: &str) -> String {
    fold(line)
        .to_lowercase()
        .trim_start_matches(['•', '·', '▪', '*', '-', ' '])
        .trim_end_matches(['.', '!', '?', '…', ';', ':', ',', ' '])
        .to_owned()
}

/// Whether a line starts with a bullet.
fn bulleted(line: &str) -> bool {
    line.trim_start()
        .starts_with(['•', '·', '▪', '*', '-', '–', '—'])
}

/// Why a line is furniture by what it says, whatever stands around it: a clock time (unless
/// the line below runs on from it), an agency's credit, or a link to another story (unless the
/// line above runs on into it).
fn marking(line: &str, above: Option<&str>, below: Option<&str>) -> Option<&'static str> {
    let runs_on = |l: &str| l.trim_start().starts_with(char::is_lowercase);
    let ends = |l: &str| l.trim().is_empty() || is_sentence(l.trim());
    if clock(line) && !below.is_some_and(runs_on) {
        Some("a clock time")
    } else if credit(line) {
        Some("an agency's credit line")
    } else if teaser(line) && above.is_none_or(ends) {
        Some("a link to another story")
    } else {
        None
    }
}

/// The labels a page puts before a link to another story, however long its headline ("Read
/// more: How Europe's ports became the front line of the cost-of-living fight"). Not "More:"
/// or "Watch:", which a sentence may begin with.
const TEASERS: &[&str] = &[
    "Read more:",
    "Read also:",
    "Also read:",
    "Related:",
    "See also:",
    "Recommended:",
];

/// Whether a line begins with one of [`TEASERS`], as written or in capitals ("READ MORE:").
fn teaser(line: &str) -> bool {
    TEASERS.iter().any(|t| {
        line.get(..t.len())
            .is_some_and(|head| head == *t || head == t.to_uppercase())
    })
}

/// Whether line `n`, in wrapped text, stands apart: the line above does not run on into it
/// (it is blank, marked or a sentence) and it does not run on into the line below (that is
/// blank or marked, or this one ends with a Markdown break or is emphasised whole).
fn apart(lines: &[&str], n: usize) -> bool {
    let t = |k: usize| lines[k].trim();
    let above = n == 0 || t(n - 1).is_empty() || marked(t(n - 1)) || is_sentence(t(n - 1));
    let below = n + 1 >= lines.len() || t(n + 1).is_empty() || marked(t(n + 1));
    above && (below || lines[n].ends_with("  ") || emphasised(t(n)))
}

/// Whether a line starts with a bullet or an emphasis mark that cannot open a line running on
/// from the one above ("• Rates rise", "*New London, Connecticut**"); a dash can ("— yes.").
fn marked(line: &str) -> bool {
    line.starts_with(['•', '·', '▪', '*', '_'])
}

/// Whether a line is wrapped whole in emphasis marks ("*New London, Connecticut**", "_Lead_").
fn emphasised(line: &str) -> bool {
    line.len() > 2
        && (line.starts_with('*') && line.ends_with('*')
            || line.starts_with('_') && line.ends_with('_'))
}

/// Whether a line is only a clock time, with its half of the day, its zone and a transcript's
/// "END" ("11:50 A.M. EDT", "END 12:06 P.M. EDT", "14:30 CET").
fn clock(line: &str) -> bool {
    let time = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        w.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.parse::<u32>().is_ok_and(|h| h <= 24)
                && m.parse::<u32>().is_ok_and(|m| m <= 59)
        })
    };
    let mut times = 0;
    for w in line.split_whitespace() {
        if time(w) {
            times += 1;
        } else if !(matches!(
            w.to_lowercase().as_str(),
            "a.m." | "p.m." | "a.m" | "p.m" | "am" | "pm"
        ) || (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return false;
        }
    }
    times == 1
}

/// Whether a line is a news agency's credit, bracketed whole: "(Reporting by Joseph Ax; Editing
/// by Sandra Maler)".
fn credit(line: &str) -> bool {
    let Some(inner) = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')))
    else {
        return false;
    };
    let inner = inner.trim_start().to_lowercase();
    [
        "reporting by",
        "additional reporting by",
        "writing by",
        "editing by",
        "compiled by",
    ]
    .iter()
    .any(|p| inner.starts_with(p))
}

/// For each line (0-based), the 1-based lines of other paragraphs whose text contains it nearly
/// (compared by [`core`]), lines that are not furniture alone: the lines it restates. A line restates one with the same core only
/// when it has a bullet and the other has none: of two lines differing in a stop, neither is
/// the box.
fn restating(lines: &[&str], headline: Option<usize>, alone: &[Alone]) -> Vec<Vec<usize>> {
    // Paragraphs: runs of non-blank lines, joined with spaces, with where each line starts.
    let mut paragraph = vec![usize::MAX; lines.len()];
    let mut paragraphs: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for (n, l) in lines.iter().enumerate() {
        if l.trim().is_empty() {
            continue;
        }
        if n == 0 || lines[n - 1].trim().is_empty() {
            paragraphs.push((String::new(), Vec::new()));
        }
        let k = paragraphs.len() - 1;
        let (joined, starts) = &mut paragraphs[k];
        if !joined.is_empty() {
            joined.push(' ');
        }
        starts.push((joined.len(), n));
        joined.push_str(&fold(l).to_lowercase());
        paragraph[n] = k;
    }
    let mut out = vec![Vec::new(); lines.len()];
    if paragraphs.iter().map(|p| p.0.len()).sum::<usize>() > RESTATING_MAX_BYTES {
        return out;
    }
    // One automaton over the cores of the lines that may restate, each core once, with the lines
    // that have it; one pass over the paragraphs finds them all.
    let cores: Vec<String> = lines.iter().map(|l| core(l)).collect();
    let mut pattern_of: HashMap<&str, usize> = HashMap::new();
    let mut patterns: Vec<&str> = Vec::new();
    let mut having: Vec<Vec<usize>> = Vec::new();
    for (n, c) in cores.iter().enumerate() {
        if paragraph[n] == usize::MAX
            || Some(n + 1) == headline
            || c.split_whitespace().count() < RESTATING_WORDS
        {
            continue;
        }
        let p = *pattern_of.entry(c.as_str()).or_insert_with(|| {
            patterns.push(c.as_str());
            having.push(Vec::new());
            patterns.len() - 1
        });
        having[p].push(n);
    }
    if patterns.is_empty() {
        return out;
    }
    let Ok(ac) = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&patterns)
    else {
        return out;
    };
    // Where the last counted match of each pattern ends, and in which paragraph: as with
    // `match_indices`, a core's matches in one paragraph do not overlap.
    let mut last: Vec<(usize, usize)> = vec![(usize::MAX, 0); patterns.len()];
    for (k, (joined, starts)) in paragraphs.iter().enumerate() {
        for found in ac.find_overlapping_iter(joined.as_str()) {
            let p = found.pattern().as_usize();
            let at = found.start();
            if last[p].0 == k && at < last[p].1 {
                continue;
            }
            last[p] = (k, found.end());
            let m = starts[starts.partition_point(|s| s.0 <= at) - 1].1;
            if Some(m + 1) == headline || alone[m].is_some() {
                continue;
            }
            let other = lines[m];
            for &n in &having[p] {
                if k == paragraph[n]
                    || cores[m] == cores[n] && (!bulleted(lines[n]) || bulleted(other))
                {
                    continue;
                }
                if !out[n].contains(&(m + 1)) {
                    out[n].push(m + 1);
                }
            }
        }
    }
    out
}

/// Blocks of lines that repeat the body: runs of non-blank lines, at most one blank line
/// between two, each furniture alone (not a dateline) or restating the body; at least two lines
/// and two of them restating, or one restating as a sentence (a teaser under its headline). Each block is its 0-based line range and the 1-based lines it
/// restates.
fn blocks(
    lines: &[&str],
    alone: &[Alone],
    restated: &[Vec<usize>],
) -> Vec<(std::ops::Range<usize>, Vec<usize>)> {
    let blank = |n: usize| lines[n].trim().is_empty();
    let member = |n: usize| {
        !blank(n) && (!restated[n].is_empty() || alone[n].as_ref().is_some_and(|a| a.1.is_none()))
    };
    let mut out = Vec::new();
    let mut n = 0;
    while n < lines.len() {
        if !member(n) {
            n += 1;
            continue;
        }
        let start = n;
        let mut end = n + 1;
        loop {
            let next = if end < lines.len() && blank(end) {
                end + 1
            } else {
                end
            };
            if next < lines.len() && member(next) {
                end = next + 1;
            } else {
                break;
            }
        }
        n = end;
        // The block runs from the line above its first restating one (its heading) to its last
        // restating one; the lines around it are furniture of their own.
        let Some(first) = (start..end).find(|&k| !restated[k].is_empty()) else {
            continue;
        };
        let last = (start..end)
            .rfind(|&k| !restated[k].is_empty())
            .unwrap_or(first);
        let from = (start..first).rfind(|&k| member(k)).unwrap_or(first);
        // A box restates at least two lines; a teaser may restate one, as a sentence.
        let restating = (from..=last).filter(|&k| !restated[k].is_empty()).count();
        if (from..=last).filter(|&k| member(k)).count() < 2
            || restating < 2 && !is_sentence(lines[first].trim())
        {
            continue;
        }
        let mut body: Vec<usize> = restated[from..=last].iter().flatten().copied().collect();
        body.sort_unstable();
        body.dedup();
        out.push((from..last + 1, body));
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
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*', '_']);
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

    /// A link to another story is furniture however long its headline, and even once.
    #[test]
    fn a_teaser_for_another_story_is_furniture_once_and_long() {
        // Not a line that a sentence runs on into ("…a deal that gives them / more: a rise"),
        // nor one a sentence begins with a word such as "More:" or "Watch:".
        let text = "A headline\n\nThe strike ended on Friday.\n\nRead more: How Europe's ports \
            became the front line of the cost-of-living fight\n\nRELATED: Dockers vote on the \
            deal next week in all of the ports of the north\n\nMore: the union said it was a \
            fair result.\n\nWatch: the cranes stood idle for nine days in all of the ports of \
            the north.\n\nThe union and the employers agreed a deal that gives the dockers what \
            they asked for and\nread more: into it than anyone expected, said the union at \
            the end of the talks.\n";
        let got: Vec<(String, String)> = find(text, Some(1))
            .into_iter()
            .map(|f| (f.text, f.reason))
            .collect();
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].0.starts_with("Read more: How Europe"), "{got:#?}");
        assert!(got[1].0.starts_with("RELATED: Dockers"), "{got:#?}");
        assert!(
            got.iter().all(|(_, r)| r == "a link to another story"),
            "{got:#?}"
        );
    }

    #[test]
    fn a_box_whose_lines_restate_the_body_is_furniture() {
        // The transcript fixture's "Key takeaways:" box: bullets that are sentences, each
        // restating a sentence of the statement (one contained in it, one without its stop).
        let text = "Key takeaways:\n• Allies will agree a new command for Ukraine.\n\
            - Ukraine will receive a bridge to membership\n\nSTOLTENBERG:\n\
            At the summit, Allies will agree a new command for Ukraine. It will be in Germany.\n\
            Ukraine will receive a bridge to membership.\n";
        let got: Vec<(String, String)> = find(text, None)
            .into_iter()
            .map(|f| (f.text, f.reason))
            .collect();
        let block = "part of lines 1–3, a block that repeats the body (lines 6, 7)";
        assert_eq!(
            got,
            [
                ("Key takeaways:".to_owned(), block.to_owned()),
                (
                    "• Allies will agree a new command for Ukraine.".to_owned(),
                    block.to_owned()
                ),
                (
                    "- Ukraine will receive a bridge to membership".to_owned(),
                    block.to_owned()
                ),
                (
                    "STOLTENBERG:".to_owned(),
                    "1 word and not a sentence".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_sentence_said_twice_in_the_body_is_not_a_box() {
        // Of two lines differing only in a stop neither is the box; a lone line restating
        // another, with no furniture beside it, is a repetition in the story, not a block.
        let text = "The port will grow by half, the minister said.\n\nThe port will grow by \
            half, the minister said\n\nHe spoke in Valdera.\n\nThe port will grow by half.\n";
        let got: Vec<String> = find(text, None).into_iter().map(|f| f.reason).collect();
        assert_eq!(got, ["9 words and not a sentence"]);
    }

    #[test]
    fn a_headline_repeating_page_furniture_is_not_a_box() {
        // Held-out texts: the headline under a breadcrumb that names it (court), the headline
        // under "Header Ads" repeated in a long greeting line (mukah).
        let text = "1. Home\n3. Despite a Not Guilty Verdict, the Federal Judge in Boston Hands \
            Down a Tough Sentence\n\nDespite a Not Guilty Verdict, the Federal Judge in Boston \
            Hands Down a Tough Sentence\n\nHi! Welcome! The Government is looking at how to \
            help the people of Sarawak after the floods - Mustapa - Mukah Page. Find out how!\n\n\
            Header Ads\n\nThe Government is looking at how to help the people of Sarawak after \
            the floods - Mustapa\n\nThe minister spoke.\n";
        let got: Vec<String> = find(text, None).into_iter().map(|f| f.text).collect();
        assert_eq!(got, ["1. Home", "Header Ads"]);
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

    #[test]
    fn clock_times_in_wrapped_text_are_furniture() {
        // The held-out speech: hard-wrapped, its opening time stands right above the first
        // line of the transcript, not between blank lines as the press call's "11:09 A.M.
        // CEST" does, so it was taken for a line of running text.
        let text = "Remarks by the Vice President\n\n11:50 A.M. EDT\u{a0}  \nTHE VICE PRESIDENT: \
            Good morning to\nall. Secretary Mayorkas, thank you for your\nleadership on so \
            many of our issues.\n\nEND\u{a0}\u{a0}\u{a0} 12:06 P.M. EDT  \n";
        let got: Vec<(String, String)> = find(text, Some(1))
            .into_iter()
            .map(|f| (f.text, f.reason))
            .collect();
        assert_eq!(
            got,
            [
                ("11:50 A.M. EDT".to_owned(), "a clock time".to_owned()),
                (
                    "END\u{a0}\u{a0}\u{a0} 12:06 P.M. EDT".to_owned(),
                    "a clock time".to_owned()
                ),
            ]
        );
        assert!(clock("14:30 CET") && clock("11:09 A.M. CEST"));
        assert!(!clock("At 11:50 the court rose") && !clock("1:2") && !clock("EDT"));
    }

    #[test]
    fn an_agency_credit_line_is_furniture() {
        // The held-out court story ends with Reuters' credit: thirteen words, too long to be a
        // short line.
        let text = "A police officer was convicted on Thursday.\n\n(Reporting by Joseph Ax; \
            Editing by Sandra Maler, Cynthia Osterman and Bernard Orr)\n";
        let got: Vec<(String, String)> = find(text, None)
            .into_iter()
            .map(|f| (f.text, f.reason))
            .collect();
        assert_eq!(
            got,
            [(
                "(Reporting by Joseph Ax; Editing by Sandra Maler, Cynthia Osterman and \
                 Bernard Orr)"
                    .to_owned(),
                "an agency's credit line".to_owned()
            )]
        );
        assert!(
            credit("(Additional reporting by Jane Doe)") && credit("(Writing by A; editing by B)")
        );
        assert!(!credit("(Reporting by the BBC was wrong, he said.") && !credit("(Applause.)"));
    }

    #[test]
    fn emphasised_venue_lines_in_wrapped_text_are_furniture() {
        // The held-out speech's venue, two lines under the headline, the first ending with a
        // Markdown break; a line of running text starting with emphasis is no furniture, nor a
        // sentence wrapped in emphasis.
        let text = "Remarks by the Vice President\n\n*United States Coast Guard Academy  \n\
            *New London, Connecticut**\n\nThe minister said on Tuesday that the\n\
            *Times* had it wrong and that\nthe plan would go on.\n\n*This is a sentence.*\n\n\
            The talks would go\non for a week\nor so.\n";
        let got: Vec<(String, String)> = find(text, Some(1))
            .into_iter()
            .map(|f| (f.text, f.reason))
            .collect();
        let reason = "an emphasised line that is not a sentence".to_owned();
        assert_eq!(
            got,
            [
                (
                    "*United States Coast Guard Academy".to_owned(),
                    reason.clone()
                ),
                ("*New London, Connecticut**".to_owned(), reason),
            ]
        );
    }
}
