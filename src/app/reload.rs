//! Reloading the fact sheet and the article from disk, asked for (`r`) or because the files
//! changed on disk ([`crate::app::Action::FilesChanged`]): a version with errors is not taken,
//! and a window lists them; a good one replaces the briefing, keeping the place read, the
//! lists' selections and what is followed, carried over by id.
//!
//! A reload because the files changed happens underneath whatever is open: a query being
//! typed, a list's filter, the export dialog and a window being searched stay as they are (its
//! errors are then only said, not shown in a window that would take the keys), and when what
//! is on disk is what is shown (an editor touched a file, or the reader's own write came back)
//! nothing happens at all.

use std::path::{Path, PathBuf};

use super::followed::{Followed, Target};
use super::history::History;
use super::keys::Context;
use super::loading::{Loaded, Outcome, Why};
use super::window::Kind;
use super::{Action, App, ArticleState, Effect, Search};
use crate::article::Article;
use crate::briefing::{Briefing, OpenError, open};
use crate::diagnostic::Diagnostic;
use crate::plural::count;

impl App {
    /// The files the briefing shown was read from, to watch for changes: the fact sheet and
    /// its article; none for the bundled sample.
    #[must_use]
    pub fn watched_files(&self) -> Vec<PathBuf> {
        let article = self
            .input
            .article_path(&self.briefing.sheet.briefing.article);
        self.input
            .sheet_path()
            .map(Path::to_path_buf)
            .into_iter()
            .chain(article)
            .collect()
    }

    /// Reads the fact sheet and article again (`r`), on another thread when loads run in the
    /// background (the briefing shown answers keys meanwhile, see [`super::loading`]).
    pub(super) fn reload(&mut self) {
        self.load(Why::Reload);
    }

    /// Reads the fact sheet and article again now, on this thread, as `r` does: when the outcome
    /// is wanted at once (a change refused because the sheet changed on disk, whose dialog then
    /// says whether the new version was taken, when loads do not run in the background; a
    /// load in flight, which read the files before, is dropped).
    pub(super) fn reload_now(&mut self) {
        self.reloaded(open(&self.input));
    }

    /// The fact sheet or the article changed on disk: reloaded as `r` does (see
    /// [`App::files_reloaded`]).
    pub(super) fn files_changed(&mut self) {
        self.load(Why::FilesChanged);
    }

    /// Loads the briefing again for `why` (not the first load): on another thread when loads
    /// run in the background, its outcome taken when it arrives; else here and now.
    pub(super) fn load(&mut self, why: Why) {
        if self.loading.background {
            self.loading.start(&self.input, why);
        } else {
            self.take_outcome(why, open(&self.input));
        }
    }

    /// A load on another thread has its outcome: taken as its reason says, unless a newer load
    /// superseded it (then dropped). The first load replaces the preview, keeping the place
    /// read; when it fails the reader ends, and the command prints why. The actions deferred
    /// meanwhile (behind the preview, or a change asked for behind an undo) are replayed, in
    /// order. What the replayed actions ask of the terminal
    /// (a copy) is returned, the last one's.
    pub(super) fn loaded(&mut self, loaded: &Loaded) -> Effect {
        let Some(why) = self.loading.finish(loaded.generation) else {
            return Effect::None;
        };
        let Some(outcome) = loaded.take() else {
            return Effect::None;
        };
        match why {
            Why::Reload | Why::FilesChanged | Why::Undo => self.take_outcome(why, outcome),
            Why::Start => match outcome {
                Ok(b) => self.take(b),
                Err(e) => {
                    self.loading.fail(e);
                    return Effect::Quit;
                }
            },
        }
        let mut effect = Effect::None;
        for action in self.loading.take_deferred() {
            match self.update(action) {
                Effect::None => {}
                other => effect = other,
            }
        }
        effect
    }

    /// The outcome of a load again, taken as `why` says (never the first load's, which
    /// `loaded` takes itself: `Start` here is a reload).
    fn take_outcome(&mut self, why: Why, outcome: Outcome) {
        match why {
            Why::Reload | Why::Start => self.reloaded(outcome),
            Why::FilesChanged => self.files_reloaded(outcome),
            Why::Undo => match outcome {
                Ok(b) => self.take(b),
                failed => self.reloaded(failed),
            },
        }
    }

    /// A reload's outcome (`r`). A version with errors is not taken: the old one stays on
    /// screen and the errors are listed.
    fn reloaded(&mut self, outcome: Outcome) {
        match outcome {
            Ok(b) => {
                self.take(b);
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

    /// The outcome of a reload because the fact sheet or the article changed on disk: taken as
    /// `r` takes it, but underneath what is open, and without a word when nothing changed for
    /// the reader.
    fn files_reloaded(&mut self, outcome: Outcome) {
        match outcome {
            Ok(b) => {
                let article = b.article.text() != self.briefing.article.text();
                // The warnings follow the article too (their lines, what they find there): the
                // sheet is named for them only when its own text changed.
                let sheet = b.sheet != self.briefing.sheet
                    || b.warnings != self.briefing.warnings
                        && (!article || b.sheet_text != self.briefing.sheet_text);
                let named = match (sheet, article) {
                    (false, false) => {
                        // Comments or layout only: what is shown stays, but the text is the
                        // new base of the reader's changes (else the next one would find the
                        // file changed on disk).
                        if let Ok(editor) = &mut self.editor {
                            editor.loaded(b.sheet_text.as_bytes());
                        }
                        self.briefing.sheet_text = b.sheet_text;
                        // Back to the version shown after a broken save: its errors are over.
                        if self.close_reload_errors() {
                            self.say(format!(
                                "{} changed on disk: back to the version shown",
                                file_name(&self.briefing.sheet_path)
                            ));
                        }
                        return;
                    }
                    (true, false) => file_name(&self.briefing.sheet_path),
                    (false, true) => file_name(&b.sheet.briefing.article),
                    (true, true) => format!(
                        "{} and {}",
                        file_name(&self.briefing.sheet_path),
                        file_name(&b.sheet.briefing.article)
                    ),
                };
                self.take(b);
                self.close_reload_errors();
                let warnings = self.warning_count();
                self.say(format!(
                    "{named} changed on disk: reloaded ({})",
                    count(warnings, "warning")
                ));
            }
            Err(OpenError::Invalid { diagnostics, .. }) => {
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                let said = format!(
                    "Changed on disk, with {}: still showing the previous version",
                    count(errors, "error")
                );
                if self.busy() {
                    let reload = self.key(Context::Global, &Action::Reload);
                    self.complain(format!("{said} ({reload} lists the errors)"));
                } else {
                    self.show_reload_errors(diagnostics);
                    self.complain(said);
                }
            }
            Err(OpenError::CannotRun(e)) => {
                self.complain(format!(
                    "Changed on disk: {}; still showing the previous version",
                    crate::inert::escaped(&e.to_string())
                ));
            }
        }
    }

    /// Takes a new briefing in place of the one shown, keeping the place read and the article's
    /// selection (by their words), the lists' selections and what is followed (by id), and a
    /// query being typed.
    pub(super) fn take(&mut self, b: Briefing) {
        let top = self.article.top_offset();
        // Where the cursor stands: on a mention, or on an unclaimed name (which the change
        // that brought this reload may have made a mention).
        let cursor_at = self
            .article
            .unclaimed
            .and_then(|i| self.unclaimed.as_ref()?.places().get(i))
            .map(|p| p.range.start)
            .or_else(|| {
                self.article
                    .cursor
                    .and_then(|m| self.briefing.mentions.all().get(m))
                    .map(|m| m.span.start as usize)
            });
        // The lists and what is followed hold indices into the old fact sheet: carried over by
        // id, so an edit that reorders or removes entries never selects another one.
        let old = std::mem::replace(&mut self.briefing, b);
        self.loading.supersede();
        Article::fold_ahead(&self.briefing.article);
        // The values derived from the briefing and stored are found again (`App::shown_*`).
        self.generation += 1;
        // What a change is applied to from now on, and what the file must still hold.
        if let Ok(editor) = &mut self.editor {
            editor.loaded(self.briefing.sheet_text.as_bytes());
        }
        // An edited article moves the text: the place read is found again by its words.
        let (was_text, now_text) = (old.article.text(), self.briefing.article.text());
        let top = same_place(was_text, now_text, top);
        let cursor_at = cursor_at.map(|at| same_place(was_text, now_text, at));
        let selected_at = (self.selection.selection.as_ref())
            .map(|s| same_place(was_text, now_text, s.range().start));
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
        // A query being typed stays (only a reload because the files changed can come then):
        // searched again in the new text, from the same words.
        let typed = self.search.editing.then(|| {
            let mut typed = Search::begin(same_place(was_text, now_text, self.search.origin_top));
            typed.query = std::mem::take(&mut self.search.query);
            typed.stale = !typed.query.is_empty();
            typed
        });
        self.article = ArticleState::default();
        self.followed = Followed::new(target, &self.briefing);
        self.details.to_top();
        self.search = typed.unwrap_or_default();
        self.history = History::default();
        let (w, h) = self.size;
        self.resize(w, h);
        self.article.set_top_at(&self.briefing.article, top);
        self.article.cursor = cursor_at.and_then(|at| self.briefing.mentions.at(at));
        self.refresh_unclaimed();
        // The words selected stay selected where they now stand (the same words, both ends
        // still whole words), or the selection goes.
        self.selection = super::selection::SelectionState {
            selection: (self.selection.selection.as_ref())
                .and_then(|s| s.carried_over(was_text, &self.briefing.article, selected_at?)),
            pressed: None,
        };
        if self.article.cursor.is_none() {
            self.article.unclaimed = cursor_at.and_then(|at| self.unclaimed.as_ref()?.at(at));
        }
        self.fit_lists();
        // The warnings window lists the new warnings, from its top (its rows are others), or
        // closes when there are none; not while a search is typed in it.
        let warnings = matches!(
            self.window.as_ref().map(super::Window::kind),
            Some(Kind::Warnings)
        );
        if warnings
            && old.warnings != self.briefing.warnings
            && self.window_search_typed().is_none()
        {
            if self.briefing.warnings.is_empty() {
                self.window = None;
            } else {
                self.open_window(Kind::Warnings);
            }
        }
    }

    /// Something that takes the keys is open (the export dialog, a text field, a window's
    /// search being typed): a window opened over it would take them from it.
    fn busy(&self) -> bool {
        self.export.is_some()
            || self.curate.is_some()
            || self.editing()
            || self.window_search_typed().is_some()
    }

    /// Lists `diagnostics` in the reload errors window: opened, or left as it is (scrolled,
    /// searched) when it lists them already.
    fn show_reload_errors(&mut self, diagnostics: Vec<Diagnostic>) {
        let same = matches!(
            self.window.as_ref().map(super::Window::kind),
            Some(Kind::ReloadErrors(shown)) if *shown == diagnostics
        );
        if !same {
            self.open_window(Kind::ReloadErrors(diagnostics));
        }
    }

    /// Closes the reload errors window, unless a search is being typed in it; whether it did.
    fn close_reload_errors(&mut self) -> bool {
        let open = matches!(
            self.window.as_ref().map(super::Window::kind),
            Some(Kind::ReloadErrors(_))
        );
        if open && self.window_search_typed().is_none() {
            self.window = None;
            return true;
        }
        false
    }
}

/// The last part of a path as the fact sheet or the reader names it, for a short message.
fn file_name(path: &str) -> String {
    let name = Path::new(path)
        .file_name()
        .map_or_else(|| path.into(), |n| n.to_string_lossy());
    crate::inert::escaped(&name).into_owned()
}

/// Where byte `offset` of the text `was` stands in the text `now`: the words of its line from
/// there (up to 80 bytes) found again, the occurrence nearest the old place winning; the same
/// offset when the text is unchanged or the words are gone (or blank).
fn same_place(was: &str, now: &str, offset: usize) -> usize {
    const ANCHOR: usize = 80;
    let offset = offset.min(was.len());
    // The same text, or more of it (a preview and the whole article, or lines added at the
    // end): the same offset.
    if now.as_bytes().starts_with(was.as_bytes()) {
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
