//! Reloading the fact sheet and the article from disk (`r`): a version with errors is not
//! taken, and a window lists them; a good one replaces the briefing, keeping the place read,
//! the lists' selections and what is followed, carried over by id.

use super::followed::{Followed, Target};
use super::history::History;
use super::window::Kind;
use super::{App, ArticleState, Search};
use crate::briefing::{OpenError, open};
use crate::plural::count;

impl App {
    /// Reads the fact sheet and article again. A version with errors is not taken: the old
    /// one stays on screen and the errors are listed.
    pub(super) fn reload(&mut self) {
        match open(&self.input) {
            Ok(b) => {
                let top = self.article.top_offset();
                let cursor_at = self
                    .article
                    .cursor
                    .and_then(|m| self.briefing.mentions.all().get(m))
                    .map(|m| m.span.start as usize);
                // The lists and what is followed hold indices into the old fact sheet: carried over by
                // id, so an edit that reorders or removes entries never selects another one.
                let old = std::mem::replace(&mut self.briefing, b);
                // An edited article moves the text: the place read is found again by its words.
                let (was_text, now_text) = (old.article.text(), self.briefing.article.text());
                let top = same_place(was_text, now_text, top);
                let cursor_at = cursor_at.map(|at| same_place(was_text, now_text, at));
                let (was, now) = (&old.sheet, &self.briefing.sheet);
                let actor = |a: usize| same_id(&was.actors, &now.actors, a, |x| &x.id);
                let event = |e: usize| same_id(&was.events, &now.events, e, |x| &x.id);
                self.actors.selected = self.actors.selected.and_then(actor);
                self.events.selected = self.events.selected.and_then(event);
                let target = match self.followed.target() {
                    Target::Actor(a) => actor(a).map_or(Target::None, Target::Actor),
                    Target::Event(e) => event(e).map_or(Target::None, Target::Event),
                    Target::None => Target::None,
                };
                self.article = ArticleState::default();
                self.followed = Followed::new(target, &self.briefing);
                self.details.to_top();
                self.search = Search::default();
                self.history = History::default();
                let (w, h) = self.size;
                self.resize(w, h);
                self.article.top = self.article.layout.row_of(top);
                self.article.clamp();
                self.article.cursor = cursor_at.and_then(|at| self.briefing.mentions.at(at));
                self.refresh_unclaimed();
                self.fit_lists();
                let warnings = self.warning_count();
                self.say(format!(
                    "Reloaded {} ({})",
                    self.briefing.sheet_path,
                    count(warnings, "warning")
                ));
            }
            Err(OpenError::Invalid { diagnostics, .. }) => {
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                self.open_window(Kind::ReloadErrors(diagnostics));
                self.complain(format!(
                    "Reload failed with {}: still showing the previous version",
                    count(errors, "error")
                ));
            }
            Err(OpenError::CannotRun(e)) => {
                self.complain(format!(
                    "Reload failed: {}",
                    crate::inert::escaped(&e.to_string())
                ));
            }
        }
    }
}

/// Where byte `offset` of the text `was` stands in the text `now`: the words of its line from
/// there (up to 80 bytes) found again, the occurrence nearest the old place winning; the same
/// offset when the text is unchanged or the words are gone (or blank).
fn same_place(was: &str, now: &str, offset: usize) -> usize {
    const ANCHOR: usize = 80;
    let offset = offset.min(was.len());
    if was == now {
        return offset;
    }
    let fallback = || {
        let mut at = offset.min(now.len());
        while !now.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let line_end = was[offset..]
        .find(['\n', '\r'])
        .map_or(was.len(), |n| offset + n);
    let mut end = line_end.min(offset + ANCHOR);
    while !was.is_char_boundary(end) {
        end -= 1;
    }
    let anchor = &was[offset..end];
    if anchor.trim().is_empty() {
        return fallback();
    }
    memchr::memmem::find_iter(now.as_bytes(), anchor.as_bytes())
        .min_by_key(|&at| at.abs_diff(offset))
        .unwrap_or_else(fallback)
}

/// Where the entry of `was` at `index` is in `now`, found by its id.
fn same_id<T>(was: &[T], now: &[T], index: usize, id: impl Fn(&T) -> &String) -> Option<usize> {
    let wanted = id(was.get(index)?);
    now.iter().position(|x| id(x) == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_read_is_found_again_by_its_words() {
        let was = "Title\n\nNATO met.\nThe summit ended.\n";
        let now = "Title\n\nA new first line.\nAnd a second.\n\nNATO met.\nThe summit ended.\n";
        let at = was.find("The summit").unwrap();
        assert_eq!(same_place(was, now, at), now.find("The summit").unwrap());
        // In the middle of a line: the words from there on.
        let at = was.find("summit").unwrap();
        assert_eq!(same_place(was, now, at), now.find("summit").unwrap());
        // Words gone, a blank line, an unchanged text: the same offset, on a boundary.
        assert_eq!(same_place(was, "Ünïcode", 3), 3);
        assert_eq!(same_place(was, now, 6), 6);
        assert_eq!(same_place(was, was, 9), 9);
    }
}
