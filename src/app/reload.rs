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

/// Where the entry of `was` at `index` is in `now`, found by its id.
fn same_id<T>(was: &[T], now: &[T], index: usize, id: impl Fn(&T) -> &String) -> Option<usize> {
    let wanted = id(was.get(index)?);
    now.iter().position(|x| id(x) == wanted)
}
