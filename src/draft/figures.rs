//! Figures in a sentence: counts with a noun ("35 partner countries", "nine leaders"),
//! percentages ("12%", "12 per cent"), money ("$1.5 billion", "20 million euros"), lengths of
//! time and ages written with a hyphen ("a 5-year agreement", "a four-month suspension", "a
//! 28-year-old man"), each with the words around it as they stand in the text. Clock times
//! ("11:50 A.M.", "5 p.m.") are not figures.

use std::ops::Range;

use crate::sheet::LABEL_TO_WRITE;

/// Words before a number that make it approximate.
const APPROXIMATELY: &[&str] = &[
    "about",
    "approximately",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "under",
];
/// Words before a number kept in the evidence.
const KEEP_BEFORE: &[&str] = &["all", "only", "least", "than", "to"];
const SCALES: &[&str] = &["million", "billion", "trillion", "bn", "thousand"];
const CURRENCIES: &[&str] = &[
    "dollars", "euros", "pounds", "hryvnias", "roubles", "rubles", "yuan", "yen",
];
/// Currency codes written before a number without a sign ("RM380", "USD 5"): ISO 4217 codes of
/// the currencies news reports most, and the Malaysian ringgit's usual "RM". Not every run of
/// capitals before a digit is money ("NY1", "F16").
const CURRENCY_CODES: &[&str] = &[
    "RM", "USD", "EUR", "GBP", "CHF", "JPY", "CNY", "RMB", "INR", "RUB", "UAH", "AUD", "CAD",
    "NZD", "HKD", "SGD", "ZAR", "NGN", "KES", "GHS", "MYR", "BRL", "MXN", "SEK", "NOK", "DKK",
    "PLN", "TRY", "ILS", "AED", "SAR", "KRW", "IDR", "PHP", "THB", "VND", "EGP", "PKR", "BDT",
];
/// Numbers written in words, counted when a plural noun follows ("nine leaders") and in
/// hyphenated lengths of time ("four-month"). "One" is left out: "one of them" counts nothing.
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "dozens",
    "hundreds",
    "thousands",
];
/// Units of time a hyphenated length is written in ("5-year", "16-year-long").
const TIME_UNITS: &[&str] = &["year", "month", "week", "day", "hour", "minute"];
/// Words that end the words quoted after a figure.
const STOP_AFTER: &[&str] = &[
    "and", "or", "to", "of", "the", "in", "on", "at", "for", "with", "by", "from", "that", "who",
    "which", "were", "are", "was", "is", "will", "have", "has", "had",
];
/// A figure: its value as the draft writes it, a label, and the words quoted as evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub value: String,
    pub label: String,
    pub evidence: Range<usize>,
}

/// The figures of `range` in `text`, leaving out numbers inside `dates`.
#[must_use]
pub fn figures(text: &str, range: Range<usize>, dates: &[Range<usize>]) -> Vec<Figure> {
    let s = &text[range.clone()];
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // A number starts a word, or follows a currency code ("RM380", "GH¢145").
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let at_start = i == 0
            || !(b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'.' | b',' | b'/'))
            || currency_code(&s[..i]).is_some();
        if !at_start {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len()
            && (b[j].is_ascii_digit()
                || (matches!(b[j], b',' | b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit)))
        {
            j += 1;
        }
        let (start, end) = (range.start + i, range.start + j);
        let number = &s[i..j];
        i = j;
        if dates.iter().any(|d| d.start <= start && end <= d.end)
            || clock_time(s, i - number.len(), j)
        {
            // Skip the rest of a clock time too ("11:50": not a figure "50").
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b':') {
                i += 1;
            }
            continue;
        }
        if b.get(j) == Some(&b'-') {
            if let Some(f) = length(text, range.clone(), start, end, number) {
                out.push(f);
            }
            continue;
        }
        if b.get(j)
            .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/')
        {
            continue;
        }
        if let Some(f) = figure(text, range.clone(), start, end, number) {
            out.push(f);
        }
    }
    out.extend(in_words(text, range));
    out.sort_by_key(|f| f.evidence.start);
    out
}

/// Whether the number at `s[i..j]` is part of a clock time: "11:50", "5 p.m.", "9 A.M.".
fn clock_time(s: &str, i: usize, j: usize) -> bool {
    let b = s.as_bytes();
    let colon_after = b.get(j) == Some(&b':') && b.get(j + 1).is_some_and(u8::is_ascii_digit);
    let colon_before = i >= 2 && b[i - 1] == b':' && b[i - 2].is_ascii_digit();
    let rest = s[j..].trim_start_matches(' ');
    let meridiem = ["a.m.", "p.m.", "A.M.", "P.M.", "am ", "pm ", "AM ", "PM "]
        .iter()
        .any(|m| rest.starts_with(m));
    colon_after || colon_before || meridiem
}

/// A length of time or an age written with a hyphen, starting at the number (digits or, from
/// [`in_words`], a number word) at `start..end`: "5-year agreement" → value "5 years", label
/// "Length of the agreement"; "28-year-old" → label "Age".
fn length(
    text: &str,
    sentence: Range<usize>,
    start: usize,
    end: usize,
    number: &str,
) -> Option<Figure> {
    let rest = &text[end..sentence.end];
    let unit_word = rest.strip_prefix('-')?;
    let unit = TIME_UNITS.iter().find(|u| {
        unit_word.starts_with(*u) && !unit_word[u.len()..].starts_with(char::is_alphabetic)
    })?;
    let mut ev_end = end + 1 + unit.len();
    let tail = &text[ev_end..sentence.end];
    let old = tail.starts_with("-old");
    if let Some(t) = ["-long", "-old"].iter().find(|t| tail.starts_with(*t)) {
        ev_end += t.len();
    }
    let plural = if matches!(number, "1" | "one") {
        ""
    } else {
        "s"
    };
    let value = format!("{number} {unit}{plural}");
    let label = if old {
        "Age".to_owned()
    } else {
        // The noun it measures: the first word after that is not a small word.
        // Names before it ("16-year-long Boeing-Airbus dispute"), then the first lowercase word.
        let next = words_after(text, ev_end, sentence.end, 3);
        let noun = next
            .iter()
            .take_while(|(w, _)| !STOP_AFTER.contains(&w.as_str()))
            .find(|(w, _)| w.starts_with(char::is_lowercase));
        if let Some((w, e)) = noun {
            ev_end = *e;
            format!("Length of the {w}")
        } else {
            format!("Length {LABEL_TO_WRITE}it is the length of)")
        }
    };
    Some(Figure {
        value,
        label,
        evidence: start..ev_end,
    })
}

/// Counts written in words ("nine leaders", "two officers were shot") and lengths written with
/// a number word ("a four-month suspension").
fn in_words(text: &str, range: Range<usize>) -> Vec<Figure> {
    let mut out = Vec::new();
    for w in super::text::words(text, range.clone()) {
        let word = &text[w.range.clone()];
        let (number, hyphenated) = match word.split_once('-') {
            Some((n, _)) => (n, true),
            None => (word, false),
        };
        let lower = number.to_lowercase();
        if !NUMBER_WORDS.contains(&lower.as_str()) {
            continue;
        }
        let end = w.range.start + number.len();
        if hyphenated {
            if let Some(f) = length(text, range.clone(), w.range.start, end, number) {
                out.push(f);
            }
            continue;
        }
        // A scale ("three million"), then a plural noun right after it, or after one more word
        // ("two police officers").
        let mut next = words_after(text, end, range.end, 3);
        let scale = next
            .first()
            .filter(|(n, _)| SCALES.contains(&n.as_str()))
            .cloned();
        if scale.is_some() {
            next.remove(0);
        }
        next.truncate(2);
        let Some(k) = next.iter().position(|(n, _)| plural(n)) else {
            continue;
        };
        if next[..k]
            .iter()
            .any(|(n, _)| STOP_AFTER.contains(&n.as_str()) || !n.starts_with(char::is_lowercase))
        {
            continue;
        }
        let label: Vec<&str> = next[..=k].iter().map(|(n, _)| n.as_str()).collect();
        let label = label.join(" ");
        let mut c = label.chars();
        out.push(Figure {
            value: scale.map_or(number.to_owned(), |(s, _)| format!("{number} {s}")),
            label: c
                .next()
                .map_or(label.clone(), |f| f.to_uppercase().chain(c).collect()),
            evidence: w.range.start..next[k].1,
        });
    }
    out
}

/// A currency written just before a number: "$", "US$", "RM", "GH¢" (up to three capitals,
/// then at most one sign, starting a word).
fn currency_code(before: &str) -> Option<&str> {
    let sign = before.chars().next_back().filter(|c| "$€£¥¢".contains(*c));
    let letters_end = before.len() - sign.map_or(0, char::len_utf8);
    let letters = before[..letters_end]
        .chars()
        .rev()
        // A code is at most three capitals: looking further back only costs (a run of a
        // million capitals before each digit made the draft quadratic).
        .take(4)
        .take_while(char::is_ascii_uppercase)
        .count();
    let start = letters_end - letters;
    let starts_word = before[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let code = &before[start..letters_end];
    ((sign.is_some() || CURRENCY_CODES.contains(&code))
        && letters <= 3
        && starts_word
        && start < before.len())
    .then(|| &before[start..])
}

/// Whether a lowercase word looks like a plural noun: "countries", not "across" or "'s".
fn plural(w: &str) -> bool {
    // Plurals without an s: what counts of people most often count.
    const IRREGULAR: &[&str] = &["people", "men", "women", "children"];
    // A possessive plural ("the mayors' towns") is a plural.
    let w = w.strip_suffix(['\'', '’']).unwrap_or(w);
    IRREGULAR.contains(&w)
        || w.starts_with(char::is_lowercase)
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && w.len() > 3
}

/// The words after `from` up to `max` of them, stopping at punctuation: (text, end) pairs.
fn words_after(text: &str, from: usize, limit: usize, max: usize) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut pos = from;
    while out.len() < max {
        let rest = &text[pos..limit];
        let trimmed = rest.trim_start_matches([' ', '\t', '\n', '\r']);
        if trimmed.len() == rest.len() && !out.is_empty() {
            break;
        }
        let start = pos + rest.len() - trimmed.len();
        let len = trimmed
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
            .unwrap_or(trimmed.len());
        if len == 0 {
            break;
        }
        out.push((text[start..start + len].to_owned(), start + len));
        pos = start + len;
    }
    out
}

#[allow(clippy::too_many_lines)] // The number, then what stands before it, then after it.
fn figure(
    text: &str,
    sentence: Range<usize>,
    start: usize,
    end: usize,
    number: &str,
) -> Option<Figure> {
    let code = currency_code(&text[sentence.start..start]);
    let before = text[sentence.start..start - code.map_or(0, str::len)].trim_end();
    let currency = code.or_else(|| {
        let c = before.chars().next_back().filter(|c| "$€£¥".contains(*c))?;
        Some(&before[before.len() - c.len_utf8()..])
    });
    let mut ev_start = match (code, currency) {
        (Some(c), _) => start - c.len(),
        (None, Some(c)) => sentence.start + before.len() - c.len(),
        (None, None) => start,
    };
    let prev = before
        .trim_end_matches(['$', '€', '£', '¥'])
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let prev_start =
        sentence.start + before.trim_end_matches(['$', '€', '£', '¥']).len() - prev.len();
    let approximate = APPROXIMATELY.contains(&prev.to_lowercase().as_str());
    // A range: "10 to 20 inches", "between 10 and 15 mayors" give "10 to 20", "10 to 15".
    let mut low = None;
    if matches!(prev, "to" | "and") {
        let before2 = text[sentence.start..prev_start].trim_end();
        let n = before2.rsplit(' ').next().unwrap_or("");
        let head = before2[..before2.len() - n.len()].trim_end();
        let between = head
            .get(head.len().saturating_sub(7)..)
            .is_some_and(|w| w.eq_ignore_ascii_case("between"));
        if n.starts_with(|c: char| c.is_ascii_digit())
            && n.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && (prev == "to" || between)
        {
            low = Some(n.to_owned());
            ev_start = sentence.start
                + if between {
                    head.len() - "between".len()
                } else {
                    before2.len() - n.len()
                };
        }
    }
    if low.is_none() && (approximate || KEEP_BEFORE.contains(&prev)) {
        ev_start = ev_start.min(prev_start);
        if matches!(prev, "than" | "least" | "to") {
            let before2 = text[sentence.start..prev_start].trim_end();
            let w = before2.rsplit(' ').next().unwrap_or("");
            if matches!(
                w.to_lowercase().as_str(),
                "more" | "less" | "fewer" | "at" | "up"
            ) {
                ev_start = sentence.start + before2.len() - w.len();
            }
        }
    }
    let mut value = low.map_or_else(|| number.to_owned(), |l| format!("{l} to {number}"));
    let mut ev_end = end;
    let after = &text[end..sentence.end];
    let mut label_words: Vec<String> = Vec::new();
    let mut is_money = currency.is_some();
    let mut is_share = false;
    if after.starts_with('%') {
        value.push('%');
        ev_end = end + 1;
        is_share = true;
    } else {
        let next = words_after(text, end, sentence.end, 6);
        let mut k = 0;
        if let Some((w, e)) = next.first()
            && SCALES.contains(&w.as_str())
        {
            value = format!("{value} {w}");
            ev_end = *e;
            k = 1;
        }
        if let Some((w, e)) = next.get(k)
            && (w == "percent" || (w == "per" && next.get(k + 1).is_some_and(|n| n.0 == "cent")))
        {
            value.push('%');
            ev_end = if w == "per" { next[k + 1].1 } else { *e };
            is_share = true;
        } else if let Some((w, e)) = next.get(k)
            && CURRENCIES.contains(&w.as_str())
        {
            value = format!("{value} {w}");
            ev_end = *e;
            is_money = true;
        } else if !is_money {
            // A count needs a noun after it; a bare year is a date, not a count.
            if number.len() == 4
                && number
                    .parse::<u32>()
                    .is_ok_and(|y| (1800..=2100).contains(&y))
            {
                return None;
            }
            // Up to four words, ending after the first plural ("35 partner countries came").
            let mut rest: Vec<&(String, usize)> = Vec::new();
            for n in next[k..].iter().take(4) {
                if STOP_AFTER.contains(&n.0.as_str()) {
                    break;
                }
                rest.push(n);
                if plural(&n.0) {
                    break;
                }
            }
            let first = rest.first()?;
            if super::dates::is_calendar_word(&first.0)
                || first.0.chars().all(|c| c.is_ascii_digit())
            {
                return None;
            }
            ev_end = rest.last()?.1;
            label_words = rest.iter().map(|(w, _)| w.clone()).collect();
        }
        if is_money && currency.is_some() {
            value = format!("{}{value}", currency.unwrap_or("$"));
        }
    }
    if approximate {
        // "over £5,000" is not "about £5,000": a bound keeps its word.
        let word = match prev.to_lowercase().as_str() {
            w @ ("over" | "under" | "nearly" | "almost") => w.to_owned(),
            _ => "about".to_owned(),
        };
        value = format!("{word} {value}");
    }
    let label = if is_share {
        format!("Share {LABEL_TO_WRITE}it is a share of)")
    } else if is_money {
        format!("Amount {LABEL_TO_WRITE}it pays for)")
    } else {
        let l = label_words.join(" ");
        let mut c = l.chars();
        c.next()
            .map_or(l.clone(), |f| f.to_uppercase().chain(c).collect())
    };
    Some(Figure {
        value,
        label,
        evidence: ev_start..ev_end,
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_long_run_of_capitals_before_a_number_is_looked_at_once() {
        // Each byte after a letter used to look back over the whole run for a currency code:
        // 200,000 capitals took minutes.
        let text = format!("x {} 5 people were hurt.", "A".repeat(200_000));
        let found = figures(&text, 0..text.len(), &[]);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    use super::*;

    fn found(s: &str) -> Vec<(String, String)> {
        figures(s, 0..s.len(), &[])
            .into_iter()
            .map(|f| (f.value, s[f.evidence].to_owned()))
            .collect()
    }

    #[test]
    fn counts_need_a_noun_and_keep_their_qualifier() {
        assert_eq!(
            found(
                "Ministers from 35 non-NATO partner countries came, and all 32 NATO member countries and approximately 700 US troops."
            ),
            [
                ("35".into(), "35 non-NATO partner countries".into()),
                ("32".into(), "all 32 NATO member countries".into()),
                ("about 700".into(), "approximately 700 US troops".into()),
            ]
        );
        assert!(found("It rose in 2024 to 5.").is_empty());
        assert_eq!(
            found("At least 1,055 people were shot."),
            [("1,055".into(), "At least 1,055 people".into())]
        );
        // A bound keeps its word: over is not about.
        assert_eq!(
            found("Fines of over £5,000 and nearly 40 arrests."),
            [
                ("over £5,000".into(), "over £5,000".into()),
                ("nearly 40".into(), "nearly 40 arrests".into()),
            ]
        );
    }

    #[test]
    fn clock_times_and_capitals_before_a_number_are_no_figures() {
        let clock = found("It began at 11:50 A.M. and ended at 5 p.m. with 9/11 said.");
        assert!(clock.is_empty(), "{clock:?}");
        assert!(found("Then Jennifer Jacobs of NY1 asked.").is_empty());
    }

    #[test]
    fn ranges_and_counts_in_millions_keep_their_words() {
        assert_eq!(
            found("Rain of 10 to 20 inches fell on between 10 and 15 mayors' towns."),
            [
                ("10 to 20".into(), "10 to 20 inches".into()),
                ("10 to 15".into(), "between 10 and 15 mayors'".into()),
            ]
        );
        assert_eq!(
            found("Three million people are without power."),
            [("Three million".into(), "Three million people".into())]
        );
    }

    #[test]
    fn lengths_with_a_hyphen_ages_and_counts_in_words() {
        assert_eq!(
            found(
                "It is a 5-year agreement in the 16-year-long dispute after a four-month suspension."
            ),
            [
                ("5 years".into(), "5-year agreement".into()),
                ("16 years".into(), "16-year-long dispute".into()),
                ("four months".into(), "four-month suspension".into()),
            ]
        );
        assert_eq!(
            found("A 28-year-old man met nine leaders and two police officers, one of them."),
            [
                ("28 years".into(), "28-year-old".into()),
                ("nine".into(), "nine leaders".into()),
                ("two".into(), "two police officers".into()),
            ]
        );
        let f = figures("a 5-year agreement", 0..18, &[]);
        assert_eq!(f[0].label, "Length of the agreement");
    }

    #[test]
    fn percentages_and_money() {
        assert_eq!(
            found("Prices rose 12% after a $1.5 billion loan and 20 million euros, or 3 per cent."),
            [
                ("12%".into(), "12%".into()),
                ("$1.5 billion".into(), "$1.5 billion".into()),
                ("20 million euros".into(), "20 million euros".into()),
                ("3%".into(), "3 per cent".into()),
            ]
        );
        assert_eq!(
            found("It allocated RM380 billion and GH¢45 billion."),
            [
                ("RM380 billion".into(), "RM380 billion".into()),
                ("GH¢45 billion".into(), "GH¢45 billion".into()),
            ]
        );
    }
}
