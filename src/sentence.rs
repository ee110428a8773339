//! The sentence around a place in the text, for copying a mention with its context.

use std::ops::Range;

/// The sentence that contains `range`: from after the previous sentence end (`.`, `!`, `?`
/// followed by whitespace) or paragraph break, to the next sentence end (closing quotes
/// included) or paragraph break.
#[must_use]
pub fn around(text: &str, range: Range<usize>) -> Range<usize> {
    let start = sentence_start(text, range.start.min(text.len()));
    let end = sentence_end(text, range.end.min(text.len()));
    start..end.max(start)
}

fn sentence_start(text: &str, from: usize) -> usize {
    let before = &text[..floor(text, from)];
    let mut start = 0;
    let mut prev: Option<(usize, char)> = None;
    for (i, c) in before.char_indices().rev() {
        if let Some((j, p)) = prev {
            if c == '\n' && p == '\n' {
                start = j + 1;
                break;
            }
            if matches!(c, '.' | '!' | '?') && p.is_whitespace() {
                start = j;
                break;
            }
        }
        prev = Some((i, c));
    }
    let rest = &text[start..];
    start + (rest.len() - rest.trim_start().len())
}

fn sentence_end(text: &str, from: usize) -> usize {
    let mut chars = text[floor(text, from)..].char_indices().peekable();
    let base = floor(text, from);
    while let Some((i, c)) = chars.next() {
        if c == '\n' && chars.peek().is_some_and(|&(_, n)| n == '\n' || n == '\r') {
            return base + i;
        }
        if matches!(c, '.' | '!' | '?') {
            let mut end = base + i + c.len_utf8();
            while let Some(&(j, q)) = chars.peek() {
                if matches!(q, '"' | '\'' | '”' | '’' | ')' | '»') {
                    end = base + j + q.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            if chars.peek().is_none_or(|&(_, n)| n.is_whitespace()) {
                return end;
            }
        }
    }
    text.trim_end().len().max(from.min(text.len()))
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, word: &str) -> String {
        let at = text.find(word).unwrap();
        text[around(text, at..at + word.len())].to_owned()
    }

    #[test]
    fn finds_the_sentence_of_a_word() {
        let text = "First one. Jones spoke today. Last.";
        assert_eq!(sentence(text, "Jones"), "Jones spoke today.");
        assert_eq!(sentence(text, "First"), "First one.");
        assert_eq!(sentence(text, "Last"), "Last.");
    }

    #[test]
    fn keeps_closing_quotes_and_stops_at_paragraphs() {
        let text = "Intro\n\nIt was dubbed “NATO – Security.” Next.";
        assert_eq!(sentence(text, "dubbed"), "It was dubbed “NATO – Security.”");
        assert_eq!(sentence("Head line\n\nBody", "Head"), "Head line");
    }

    #[test]
    fn a_full_stop_inside_a_number_does_not_end_a_sentence() {
        assert_eq!(
            sentence("It rose 3.5 percent. Fine.", "percent"),
            "It rose 3.5 percent."
        );
    }
}
