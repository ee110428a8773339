//! Copying: the sentence around the current match or mention, or the evidence quote followed,
//! with its citation, for the clipboard. A sentence longer than [`MAX_COPY`] (a text without sentence breaks) is cut to
//! the part around the mention, and the status bar says so; the citation carries at most
//! [`MAX_CITED`] characters of the title and of the source.

use std::ops::Range;

use super::keys::Context;
use super::{Action, App, Cursor, Effect, Lead};
use crate::sentence;

/// The most bytes of article text one copy carries: OSC 52 sends it base64-encoded in one
/// escape sequence, and terminals drop or cut long ones (tmux, xterm and kitty have limits
/// from tens of kilobytes to a few megabytes); a text without sentence breaks once made it 26.7 MB.
pub const MAX_COPY: usize = 64 * 1024;

impl App {
    /// What `y` copies, with where it comes from: the sentence of the current match of a kept
    /// search; else the evidence quote followed last (an event's, or a fact's from the
    /// Details); else the sentence around the current mention. The status bar says what was
    /// sent, and that the terminal decides whether it reaches the clipboard.
    pub(super) fn copy(&mut self) -> Effect {
        let text = self.briefing.article.text();
        // What the status bar names: the search's match; else the evidence followed last,
        // unless the mention cursor moved since (then the mention, as the status bar says).
        let cursor = self.cursor();
        let (what, range, whole) = if let Some(Cursor::Match(c)) = cursor {
            let range = self.search.matches[c].range();
            (
                "the match's sentence",
                range.clone(),
                sentence::around(text, range),
            )
        } else if let Some(quote) = self
            .followed
            .quote()
            .filter(|_| self.lead == Lead::Quote || !matches!(cursor, Some(Cursor::Mention(_))))
        {
            ("the evidence quote", quote.range(), quote.range())
        } else if let Some(Cursor::Mention(m)) = cursor {
            let range = self.briefing.mentions.all()[m].span.range();
            (
                "the mention's sentence",
                range.clone(),
                sentence::around(text, range),
            )
        } else if let Some(Cursor::Unclaimed(i)) = cursor
            && let Some(place) = self.unclaimed.as_ref().and_then(|u| u.places().get(i))
        {
            let range = place.range.clone();
            (
                "the unclaimed name's sentence",
                range.clone(),
                sentence::around(text, range),
            )
        } else {
            let (next, hit) = (
                self.key(Context::Article, &Action::NextMention),
                self.key(Context::Global, &Action::NextHit),
            );
            self.say(format!(
                "Nothing to copy: move the cursor to a mention first ({next} or {hit})"
            ));
            return Effect::None;
        };
        let size = whole.len();
        let part = window(text, whole, range.clone());
        let shortened = part.len() < size;
        let mut quote = crate::inert::one_line(&text[part]);
        if shortened {
            quote = format!("…{quote}…");
        }
        let line = self.briefing.article.line_of(range.start);
        let meta = &self.briefing.sheet.briefing;
        let mut cite = vec![cut(&meta.title)];
        cite.extend(meta.source.as_deref().map(cut));
        cite.extend(meta.published.map(|d| d.to_string()));
        cite.push(format!("line {line}"));
        let clip = format!(
            "{} ({})",
            quoted(&quote),
            crate::inert::one_line(&cite.join(", "))
        );
        let count = clip.chars().count();
        let sent = format!("with citation ({})", sent_to());
        if shortened {
            let kind = if what == "the evidence quote" {
                "quote"
            } else {
                "sentence"
            };
            self.say(format!(
                "Copied {} of a {} {kind} {sent}",
                crate::export::output::human_size(clip.len() as u64),
                crate::export::output::human_size(size as u64)
            ));
        } else {
            self.say(format!("Copied {what}: {count} characters {sent}"));
        }
        Effect::Copy(clip)
    }
}

/// Where a copy goes, for the status bar: the terminal (OSC 52), and the desktop's clipboard
/// tool when this session has one (the terminal loop gives it the same text).
pub(super) fn sent_to() -> String {
    match crate::clipboard::tool() {
        Some(tool) => format!("OSC 52, and {}", tool.name),
        None => "OSC 52: your terminal decides".to_owned(),
    }
}

/// `text` in typographic quotation marks, “…”, without a second opening mark when it begins
/// with one of its own, nor a second closing mark when it ends with one (a quote that ends
/// where its speaker's words end: `… “concrete ways”`).
#[must_use]
pub fn quoted(text: &str) -> String {
    let open = if text.starts_with(['“', '"']) {
        ""
    } else {
        "“"
    };
    let close = if text.ends_with(['”', '"']) {
        ""
    } else {
        "”"
    };
    format!("{open}{text}{close}")
}

/// The most characters of the title, and of the source, a citation carries: a title of three
/// million characters once made the copy 4 MB whatever the cap on the sentence.
const MAX_CITED: usize = 200;

/// `field` cut to [`MAX_CITED`] characters, with `…` where it was cut.
fn cut(field: &str) -> String {
    match field.char_indices().nth(MAX_CITED) {
        Some((end, _)) => format!("{}…", &field[..end]),
        None => field.to_owned(),
    }
}

/// At most [`MAX_COPY`] bytes of `sentence` around `range`, on character boundaries.
fn window(text: &str, sentence: Range<usize>, range: Range<usize>) -> Range<usize> {
    if sentence.len() <= MAX_COPY {
        return sentence;
    }
    let middle = range.start + range.len().min(MAX_COPY) / 2;
    let mut start = middle.saturating_sub(MAX_COPY / 2).max(sentence.start);
    let mut end = (start + MAX_COPY).min(sentence.end);
    start = end.saturating_sub(MAX_COPY).max(sentence.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_gets_the_marks_it_lacks() {
        assert_eq!(quoted("concrete ways"), "“concrete ways”");
        assert_eq!(quoted("said “yes.”"), "“said “yes.”");
        assert_eq!(quoted("“Yes,” he said"), "“Yes,” he said”");
        assert_eq!(quoted("…ways…"), "“…ways…”");
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_mention() {
        let text = format!("{}NATO{}", "é".repeat(100_000), "x".repeat(100_000));
        let at = text.find("NATO").unwrap_or_default();
        let part = window(&text, 0..text.len(), at..at + 4);
        assert!(part.len() <= MAX_COPY && part.len() > MAX_COPY - 4);
        assert!(text[part].contains("NATO"));
        let short = window(&text, 10..20, 12..14);
        assert_eq!(short, 10..20);
    }

    #[test]
    fn a_citation_carries_at_most_max_cited_characters_of_a_field() {
        assert_eq!(cut("short"), "short");
        let long = cut(&"é".repeat(3_000_000));
        assert_eq!(long.chars().count(), MAX_CITED + 1);
        assert!(long.ends_with('…'));
    }
}
