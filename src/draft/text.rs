//! The article cut for guessing: paragraphs of lines that `omit` does not hide, sentences in
//! them, and words in a sentence, each as a byte range of the text on disk.
//!
//! Sentences end at `.`, `!` or `?` (and any closing quotes or brackets after it) followed by a
//! space and a capital, a digit or an opening quote; a full stop after a known abbreviation
//! ("Mr.", "Jan.") or a single capital ("J.") does not end one.

use std::ops::Range;

use crate::article::Article;

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
    "Capt", "Sgt", "Adm", "Maj", "Hon", "No", "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "E.U",
];

/// A sentence: its range, trimmed, and the 1-based line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub line: usize,
}

/// A word: letters, digits, apostrophes and inner hyphens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub range: Range<usize>,
    /// What stands between the previous word (or the sentence start) and this one, trimmed.
    pub gap: Range<usize>,
    /// The first word of its sentence (after any quote, bullet or symbol), or of a clause after
    /// a colon.
    pub initial: bool,
}

/// The lines `omit` does not hide, as (1-based line number, content range), blank lines too.
#[must_use]
pub fn lines(article: &Article) -> Vec<(usize, Range<usize>)> {
    (0..article.line_count())
        .map(|n| {
            let mut r = article.line_range(n);
            r.start = r.start.max(article.body_start());
            (n + 1, r)
        })
        .filter(|(_, r)| r.is_empty() || !article.is_omitted(r.start))
        .collect()
}

/// Every sentence of the text outside omitted lines. A paragraph ends at a blank or omitted
/// line, and after line `own_line` (the headline), which stands alone.
#[must_use]
pub fn sentences(article: &Article, own_line: Option<usize>) -> Vec<Sentence> {
    let text = article.text();
    let mut out = Vec::new();
    let mut para: Option<(usize, Range<usize>)> = None;
    let mut prev_line = 0;
    let flush = |para: &mut Option<(usize, Range<usize>)>, out: &mut Vec<Sentence>| {
        if let Some((_, r)) = para.take() {
            split(text, article, r, out);
        }
    };
    for (n, mut r) in lines(article) {
        // A speaker's label begins a turn of a transcript: a paragraph of its own, and no part
        // of the sentence after it ("THE VICE PRESIDENT:  Good morning" is no name "Good").
        if let Some(label) = speaker_label(&text[r.clone()]) {
            flush(&mut para, &mut out);
            r.start += label;
        }
        let blank = text[r.clone()].trim().is_empty();
        if blank || n != prev_line + 1 {
            flush(&mut para, &mut out);
        }
        prev_line = n;
        if blank {
            continue;
        }
        match &mut para {
            Some((_, p)) => p.end = r.end,
            None => para = Some((n, r.clone())),
        }
        if Some(n) == own_line {
            flush(&mut para, &mut out);
        }
    }
    flush(&mut para, &mut out);
    out
}

/// The length of the speaker's label a transcript's line begins with, if it has one: up to six
/// words in capitals and a colon ("THE VICE PRESIDENT:", "MS. PSAKI:", "Q:"), or a lone `Q`
/// or `A` before the question or answer ("Q    Good morning").
pub(super) fn speaker_label(line: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    if let Some(colon) = trimmed.find(':') {
        let label = &trimmed[..colon];
        let after = trimmed[colon + 1..].chars().next();
        if !label.is_empty()
            && label.split_whitespace().count() <= 6
            && label.chars().any(char::is_alphabetic)
            && label.chars().all(|c| {
                c.is_uppercase() || c.is_whitespace() || matches!(c, '.' | '\'' | '’' | '-')
            })
            && after.is_none_or(char::is_whitespace)
        {
            return Some(lead + colon + 1);
        }
    }
    let mut words = trimmed.splitn(2, char::is_whitespace);
    match (words.next(), words.next()) {
        (Some("Q" | "A"), Some(rest)) if rest.trim_start().starts_with(char::is_uppercase) => {
            Some(lead + 1)
        }
        _ => None,
    }
}

fn split(text: &str, article: &Article, para: Range<usize>, out: &mut Vec<Sentence>) {
    let s = &text[para.clone()];
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < chars.len() && is_closing(chars[j].1) {
                j += 1;
            }
            let end = chars.get(j).map_or(s.len(), |&(p, _)| p);
            let next = chars[j..].iter().find(|(_, c)| !c.is_whitespace());
            let spaced = j < chars.len() && chars[j].1.is_whitespace();
            let starts_new =
                next.is_none_or(|&(_, n)| n.is_uppercase() || n.is_ascii_digit() || is_opening(n));
            if (next.is_none() || (spaced && starts_new)) && !(c == '.' && abbreviation(&s[..at])) {
                push(text, article, para.start + start..para.start + end, out);
                start = end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(text, article, para.start + start..para.end, out);
}

fn push(text: &str, article: &Article, r: Range<usize>, out: &mut Vec<Sentence>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let range = r.start + lead..r.start + s.trim_end().len();
    if range.is_empty() {
        return;
    }
    out.push(Sentence {
        line: article.line_of(range.start),
        range,
    });
}

/// Whether the text before a full stop ends with an abbreviation or an initial.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    let single = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single || ABBREVIATIONS.contains(&word)
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// Whether `c` joins two letters or digits into one word (`Bankman-Fried`, `Trump's`).
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '\'' | '’' | '‘')
}

/// The words of `range` in `text`.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let s = &text[range.clone()];
    let mut out: Vec<Word> = Vec::new();
    let mut prev_end = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((at, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(p, n)) = iter.peek() {
            if n.is_alphanumeric() {
                end = p + n.len_utf8();
                iter.next();
            } else if is_joiner(n) {
                let after = s[p + n.len_utf8()..].chars().next();
                // A trailing apostrophe belongs to a possessive plural ("allies'").
                if after.is_some_and(char::is_alphanumeric) || matches!(n, '\'' | '’' | '‘') {
                    end = p + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let gap = trim_range(s, prev_end..at);
        // A capital after a colon opens a clause as one opens a sentence ("the Class of 2022:
        // Congratulations on…"): the word is judged as a sentence's first.
        let initial = out.is_empty() || s[gap.clone()].ends_with(':');
        out.push(Word {
            range: range.start + at..range.start + end,
            gap: range.start + gap.start..range.start + gap.end,
            initial,
        });
        prev_end = end;
    }
    out
}

fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let t = &s[r.clone()];
    let lead = t.len() - t.trim_start().len();
    r.start + lead..r.start + lead + t.trim().len()
}

/// `text` with every run of whitespace made one space: how a quote is written in the draft.
#[must_use]
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str) -> Article {
        Article::new(text.to_owned(), &[]).0
    }

    fn texts(text: &str) -> Vec<String> {
        let a = article(text);
        sentences(&a, None)
            .into_iter()
            .map(|s| text[s.range].to_owned())
            .collect()
    }

    #[test]
    fn a_speakers_label_is_no_part_of_a_sentence() {
        assert_eq!(
            speaker_label("THE VICE PRESIDENT:  Good morning."),
            Some(19)
        );
        assert_eq!(speaker_label("MS. PSAKI: Hi."), Some(10));
        assert_eq!(speaker_label("Q    Good morning."), Some(1));
        assert_eq!(speaker_label("  Q: Thanks."), Some(4));
        assert_eq!(speaker_label("Key takeaways: none"), None);
        assert_eq!(
            speaker_label("NATO: 32 members"),
            Some(5),
            "a label in capitals"
        );
        assert_eq!(speaker_label("At 10:30 the talks began."), None);
        assert_eq!(
            speaker_label("A spokesman said so."),
            None,
            "A is a word here"
        );
        let (a, _) = Article::new(
            "Talks\n\n11:50 A.M. EDT\nTHE VICE PRESIDENT:  Good morning, Bears.\nQ    Good \
             question.\n"
                .to_owned(),
            &[],
        );
        let text = a.text();
        let all: Vec<&str> = sentences(&a, Some(1))
            .iter()
            .map(|s| &text[s.range.clone()])
            .collect();
        assert_eq!(
            all,
            [
                "Talks",
                "11:50 A.M.",
                "EDT",
                "Good morning, Bears.",
                "Good question."
            ]
        );
    }

    #[test]
    fn sentences_end_at_a_stop_before_a_capital_not_after_an_abbreviation() {
        assert_eq!(
            texts("Mr. Smith met Dr. J. Doe on Jan. 5. He left.\nThen \"it rained.\" Next"),
            [
                "Mr. Smith met Dr. J. Doe on Jan. 5.",
                "He left.",
                "Then \"it rained.\"",
                "Next"
            ]
            .map(String::from)
        );
    }

    #[test]
    fn a_blank_line_and_the_headline_end_a_paragraph() {
        let a = article("NATO meets\nThe alliance met.\n\nIt ended");
        let got: Vec<_> = sentences(&a, Some(1)).into_iter().map(|s| s.line).collect();
        assert_eq!(got, [1, 2, 4]);
    }

    #[test]
    fn words_keep_inner_hyphens_and_possessives() {
        let t = "non-NATO, Bankman-Fried’s “plan” – Biden‘s";
        let w: Vec<_> = words(t, 0..t.len())
            .into_iter()
            .map(|w| &t[w.range])
            .collect();
        assert_eq!(w, ["non-NATO", "Bankman-Fried’s", "plan", "Biden‘s"]);
    }
}
