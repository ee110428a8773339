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
        .filter_map(|n| line(article, n))
        .collect()
}

/// Line `n` (0-based) as [`lines`] has it, or `None` when `omit` hides it.
fn line(article: &Article, n: usize) -> Option<(usize, Range<usize>)> {
    let mut r = article.line_range(n);
    r.start = r.start.max(article.body_start());
    (r.is_empty() || !article.is_omitted(r.start)).then_some((n + 1, r))
}

/// Every sentence of the text outside omitted lines. A paragraph ends at a blank or omitted
/// line, before a speaker's label, and after line `own_line` (the headline), which stands alone.
#[must_use]
pub fn sentences(article: &Article, own_line: Option<usize>) -> Vec<Sentence> {
    sentences_of(article, own_line, lines(article))
}

/// The sentences of the paragraph that holds byte `offset`, as [`sentences`] cuts them (none on
/// a blank or omitted line): what is said around one place costs its paragraph, not the
/// whole article (every sentence of 256 MiB took three seconds).
#[must_use]
pub fn sentences_around(
    article: &Article,
    own_line: Option<usize>,
    offset: usize,
) -> Vec<Sentence> {
    let text = article.text();
    let count = article.line_count();
    let at = article.line_of(offset.min(text.len())).saturating_sub(1);
    // Where a paragraph may not go on from line `n` (0-based) to the next: a blank or omitted
    // line next, a speaker's label beginning it, or the headline ending at `n`.
    let breaks_after = |n: usize| {
        own_line == Some(n + 1)
            || line(article, n + 1).is_none_or(|(_, r)| {
                text[r.clone()].trim().is_empty() || speaker_label(&text[r]).is_some()
            })
    };
    let holds_words = |n: usize| line(article, n).is_some_and(|(_, r)| !text[r].trim().is_empty());
    if !holds_words(at) {
        return Vec::new();
    }
    let mut first = at;
    while first > 0 && holds_words(first - 1) && !breaks_after(first - 1) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < count && !breaks_after(last) {
        last += 1;
    }
    sentences_of(
        article,
        own_line,
        (first..=last).filter_map(|n| line(article, n)),
    )
}

/// [`sentences`] of the lines given, in order (each as [`lines`] has it).
fn sentences_of(
    article: &Article,
    own_line: Option<usize>,
    lines: impl IntoIterator<Item = (usize, Range<usize>)>,
) -> Vec<Sentence> {
    let text = article.text();
    let mut out = Vec::new();
    let mut para: Option<(usize, Range<usize>)> = None;
    let mut prev_line = 0;
    let flush = |para: &mut Option<(usize, Range<usize>)>, out: &mut Vec<Sentence>| {
        if let Some((_, r)) = para.take() {
            split(text, article, r, out);
        }
    };
    for (n, mut r) in lines {
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
    // Whether no word so far begins with a lowercase letter, and whether one has a digit.
    let (mut none_lower, mut digits) = (true, false);
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
        // So does one after a dateline's dash ("ROTTERDAM, 14 March 2025 — Dock workers…",
        // "WASHINGTON (Reuters) - The…"): a dash after words none of which is lowercase, with a
        // date's digits or an agency's bracket among them ("NATO – Kallas met…" is no dateline).
        let g = &s[gap.clone()];
        let dateline = g.ends_with(['—', '–', '-'])
            && !out.is_empty()
            && none_lower
            && (digits || g.contains(')'));
        let initial = out.is_empty() || g.ends_with(':') || dateline;
        none_lower &= !s[at..end].starts_with(char::is_lowercase);
        digits |= s[at..end].bytes().any(|b| b.is_ascii_digit());
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

    /// The sentences around any place are those of the whole article there: on the bundled
    /// sample, and on a text with a headline, speakers' labels, blank, omitted and CRLF lines.
    #[test]
    fn the_sentences_around_a_place_are_the_whole_articles_there() {
        let made = "Headline Of It\nTHE PRESIDENT: Good morning. Thank you.\nQ  Why? Because.\r\n\
                    Advertisement\nIt went on. Mr. Smith said so.\n \n\nLast line. End\n\
                    Advertisement\nA lone one\nTHE VICE PRESIDENT: Yes.";
        let cases = [
            (made.to_owned(), vec!["Advertisement".to_owned()], Some(1)),
            (
                include_str!("../../assets/article.txt").to_owned(),
                Vec::new(),
                None,
            ),
            (
                include_str!("../../assets/article.txt").to_owned(),
                Vec::new(),
                Some(1),
            ),
        ];
        for (text, omit, own_line) in cases {
            let a = Article::new(text.clone(), &omit).0;
            let all = sentences(&a, own_line);
            for offset in 0..=text.len() {
                if !text.is_char_boundary(offset) {
                    continue;
                }
                let around = sentences_around(&a, own_line, offset);
                assert!(
                    around.iter().all(|s| all.contains(s)),
                    "at {offset}: {around:?}"
                );
                if let Some(s) = all.iter().find(|s| s.range.contains(&offset)) {
                    assert!(around.contains(s), "at {offset}: {s:?} not in {around:?}");
                }
            }
        }
    }

    /// …and no more than its paragraph's.
    #[test]
    fn the_sentences_around_a_place_are_its_paragraphs() {
        let text = "Headline Of It\nIt began. Then.\nTHE PRESIDENT: Good morning. Thank you.\n\
                    Q  Why? Because.\r\nAdvertisement\nIt went on. Mr. Smith said so.\n \n\n\
                    Last line. End";
        let a = Article::new(text.to_owned(), &["Advertisement".to_owned()]).0;
        let around = |word: &str| -> Vec<&str> {
            let at = text.find(word).unwrap_or(0);
            (sentences_around(&a, Some(1), at).into_iter())
                .map(|s| &text[s.range])
                .collect()
        };
        assert_eq!(around("Of It"), ["Headline Of It"]);
        assert_eq!(around("Then"), ["It began.", "Then."]);
        assert_eq!(around("Thank"), ["Good morning.", "Thank you."]);
        assert_eq!(around("Because"), ["Why?", "Because."]);
        assert_eq!(around("Smith"), ["It went on.", "Mr. Smith said so."]);
        assert_eq!(around("End"), ["Last line.", "End"]);
        assert!(around("Advertisement").is_empty());
        let blank = text.find("\n \n").map_or(0, |at| at + 1);
        assert!(sentences_around(&a, Some(1), blank).is_empty());
        let text = "One two.\nThree four.";
        let a = Article::new(text.to_owned(), &[]).0;
        assert_eq!(sentences_around(&a, None, 10), sentences(&a, None));
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
