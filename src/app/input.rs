//! Text fields, dialogs and overlays: typing a search or a filter, the export dialog, help and
//! warnings, and reloading from disk.

use std::path::{Path, PathBuf};

use super::export_job::ExportJob;
use super::{Action, App, Overlay, Pane, Selection};
use crate::briefing::{OpenError, open};
use crate::output::{TargetKind, describe_target, human_size};

impl App {
    pub(super) fn start_search(&mut self) {
        match self.focus {
            Pane::Article | Pane::Details => {
                self.search = super::Search::begin(self.article.top_offset());
                self.set_focus(Pane::Article);
            }
            Pane::Actors => self.actors.editing = true,
            Pane::Timeline => self.events.editing = true,
        }
    }

    pub(super) fn input_action(&mut self, action: Action) {
        if self.search.editing {
            self.search_input(action);
        } else {
            self.filter_input(action);
        }
    }

    fn search_input(&mut self, action: Action) {
        match action {
            Action::Type(c) => {
                self.search.query.push(c);
                self.search.stale = true;
            }
            Action::Paste(text) => {
                self.search.query.push_str(&text);
                self.search.stale = true;
            }
            Action::DeleteChar => {
                self.search.query.pop();
                self.search.stale = true;
            }
            Action::Settle => self.settle(),
            Action::Submit => {
                self.settle();
                // Enter keeps the search: its result is needed now.
                if self.search.receive(&self.briefing.article, true) {
                    self.show_first_match();
                }
                self.search.editing = false;
                if self.search.query.is_empty() {
                    // Nothing was searched for: nothing to keep.
                } else if self.search.matches.is_empty() {
                    self.complain(format!("No match for \"{}\"", self.search.query));
                } else {
                    let here = self.location();
                    self.history.push(here);
                }
            }
            Action::Cancel => {
                let origin = self.search.origin_top;
                self.search = super::Search::default();
                self.article.top = self.article.layout.row_of(origin);
                self.article.clamp();
            }
            _ => {}
        }
    }

    /// Finds the matches of a query that changed (incremental search, once per burst of
    /// keys), or takes those a search on another thread has found; then shows the first match
    /// from where the search began.
    pub(super) fn settle(&mut self) {
        if self.search.stale {
            self.search.stale = false;
            self.search.start(&self.briefing.article);
            if !self.search.running() {
                self.show_first_match();
            }
        } else if self.search.receive(&self.briefing.article, false) {
            self.show_first_match();
        }
    }

    fn show_first_match(&mut self) {
        self.search.current = self.search.first_from(self.search.origin_top);
        if let Some(c) = self.search.current {
            self.article.reveal(self.search.matches[c].range().start);
        } else {
            self.article.top = self.article.layout.row_of(self.search.origin_top);
            self.article.clamp();
        }
    }

    fn filter_input(&mut self, action: Action) {
        let list = if self.actors.editing {
            &mut self.actors
        } else {
            &mut self.events
        };
        match action {
            Action::Type(c) => list.filter.push(c),
            Action::Paste(text) => list.filter.push_str(&text),
            Action::DeleteChar => {
                list.filter.pop();
            }
            Action::Submit => {
                list.editing = false;
                list.selected = None; // the first match, once fitted
            }
            Action::Cancel => {
                list.editing = false;
                list.filter.clear();
            }
            _ => return,
        }
        self.fit_lists();
        self.reset_details_view();
    }

    fn reset_details_view(&mut self) {
        self.details_cursor = 0;
        self.details_offset = 0;
    }

    pub(super) fn overlay_action(&mut self, action: Action) {
        if self.window_find_typed().is_some() {
            self.window_find_input(action);
            return;
        }
        match action {
            Action::Search => return self.begin_window_find(),
            Action::NextHit | Action::PrevHit => {
                return self.step_window_find(action == Action::NextHit);
            }
            // Esc first clears a search, as in the article; the next one closes the window.
            Action::Cancel if self.window_find.take().is_some() => {
                return self.find_in_window();
            }
            _ => {}
        }
        let page = self.window_height();
        let Some(overlay) = &mut self.overlay else {
            return;
        };
        let scroll = overlay.scroll_mut();
        match action {
            Action::Down => *scroll += 1,
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => *scroll += page,
            Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            // Clamped below to the last page.
            Action::Bottom => *scroll = usize::MAX,
            Action::Scroll(_, _, delta) => {
                *scroll = scroll.saturating_add_signed(isize::from(delta) * 3);
            }
            Action::Cancel | Action::Submit | Action::Help | Action::Click(..) => {
                self.overlay = None;
            }
            Action::ShowWarnings if matches!(overlay, Overlay::Warnings { .. }) => {
                self.overlay = None;
            }
            Action::ShowWarnings => self.overlay = Some(Overlay::Warnings { scroll: 0 }),
            _ => {}
        }
    }

    /// Keeps the open window's scroll between its first row and the furthest it scrolls, so that
    /// a key back up always moves it.
    pub(super) fn clamp_overlay_scroll(&mut self) {
        let max = self.overlay_max_scroll();
        if let Some(overlay) = &mut self.overlay {
            let scroll = overlay.scroll_mut();
            *scroll = (*scroll).min(max);
        }
    }

    pub(super) fn dialog_action(&mut self, action: Action) {
        if let Some(job) = &self.export_job {
            // While it writes, the dialog only listens for Esc.
            if action == Action::Cancel {
                job.cancel();
            }
            return;
        }
        let Some(dialog) = &mut self.export else {
            return;
        };
        match action {
            Action::Type(c) => dialog.edit(|f| f.push(c)),
            Action::Paste(text) => dialog.edit(|f| f.push_str(&text)),
            Action::DeleteChar => dialog.edit(|f| {
                f.pop();
            }),
            Action::NextOption => dialog.cycle_format(1),
            Action::PrevOption => dialog.cycle_format(-1),
            Action::Down => dialog.cycle_table(1),
            Action::Up => dialog.cycle_table(-1),
            Action::Cancel => self.export = None,
            Action::Submit => self.write_export(),
            _ => {}
        }
    }

    /// Enter in the export dialog: refuses what must not be written, asks once before writing
    /// to anything already there (saying what it is), then writes on a thread of its own.
    fn write_export(&mut self) {
        let Some(dialog) = &mut self.export else {
            return;
        };
        let name = dialog.file.trim().to_owned();
        if name.is_empty() {
            dialog.problem = Some("Type a file name".into());
            return;
        }
        let shown = crate::inert::escaped(&name).into_owned();
        let home = std::env::var_os("HOME");
        let target = export_path(&self.export_dir, &name, home.as_deref());
        let kind = describe_target(&target);
        let request = dialog.request();
        let refused = if name == "-" || kind.is_standard_stream() {
            // The terminal the reader draws on: the export would land in its frame.
            Some(format!(
                "{shown} is the terminal the reader draws on; name a file"
            ))
        } else if is_a_terminal(&kind, &target) {
            Some(format!(
                "{shown} is a terminal: the export would be drawn over its screen; name a file"
            ))
        } else {
            crate::export::refusal_for(&self.input, &self.briefing, request, &target)
                .map(|e| crate::inert::escaped(&e.to_string()).into_owned())
        };
        if let Some(refused) = refused {
            dialog.problem = Some(refused);
            dialog.confirmed = false;
            return;
        }
        if kind.exists() && !dialog.confirmed {
            dialog.problem = Some(match kind {
                TargetKind::RegularFile => format!("{shown} exists: Enter again to replace it"),
                TargetKind::Fifo => {
                    format!("{shown} is a FIFO: Enter again to write once a reader opens it")
                }
                TargetKind::DanglingLink { .. } => {
                    format!("{shown} links to a missing file: Enter again to create it")
                }
                other => format!("{shown} is {}: Enter again to write to it", other.phrase()),
            });
            dialog.confirmed = true;
            return;
        }
        let job = ExportJob::start(self.input.clone(), self.briefing.clone(), request, target);
        match job {
            Ok(job) => {
                dialog.problem = None;
                self.export_job = Some(job);
            }
            Err(e) => {
                dialog.problem = Some(format!("Cannot start writing: {e}"));
                dialog.confirmed = false;
            }
        }
    }

    /// Takes the outcome of the export being written, once it has one: the dialog closes with
    /// what was written, or says why nothing was.
    pub(super) fn settle_export(&mut self) {
        let Some(outcome) = self.export_job.as_ref().and_then(ExportJob::outcome) else {
            return;
        };
        self.export_job = None;
        match outcome {
            Ok(written) => {
                let file = written.file;
                let path = std::fs::canonicalize(&file.path).unwrap_or(file.path);
                let article = match written.article {
                    Some(a) => format!(
                        ", and the article it names to {}",
                        crate::inert::escaped(&a.path.to_string_lossy())
                    ),
                    None => String::new(),
                };
                self.export = None;
                self.say(format!(
                    "Exported {} to {}{article}",
                    human_size(file.bytes),
                    crate::inert::escaped(&path.to_string_lossy())
                ));
            }
            Err(e) => {
                let e = crate::inert::escaped(&e).into_owned();
                if let Some(dialog) = &mut self.export {
                    dialog.problem = Some(e);
                    dialog.confirmed = false;
                }
            }
        }
    }

    /// Reads the fact sheet and article again. A version with errors is not taken: the old
    /// one stays on screen and the errors are listed.
    pub(super) fn reload(&mut self) {
        self.overlay_text = None;
        match open(&self.input) {
            Ok(b) => {
                let top = self.article.top_offset();
                let cursor_at = self
                    .article
                    .cursor
                    .and_then(|m| self.briefing.mentions.all().get(m))
                    .map(|m| m.start as usize);
                // Lists and the selection hold indices into the old fact sheet: carried over by
                // id, so an edit that reorders or removes entries never selects another one.
                let old = std::mem::replace(&mut self.briefing, b);
                let (was, now) = (&old.sheet, &self.briefing.sheet);
                let actor = |a: usize| same_id(&was.actors, &now.actors, a, |x| &x.id);
                let event = |e: usize| same_id(&was.events, &now.events, e, |x| &x.id);
                self.actors.selected = self.actors.selected.and_then(actor);
                self.events.selected = self.events.selected.and_then(event);
                self.selection = match self.selection {
                    Selection::Actor(a) => actor(a).map_or(Selection::None, Selection::Actor),
                    Selection::Event(e) => event(e).map_or(Selection::None, Selection::Event),
                    Selection::None => Selection::None,
                };
                self.article = super::ArticleState::default();
                self.quote = match self.selection {
                    Selection::Event(e) => self.event_quote(e),
                    _ => None,
                };
                self.reset_details_view();
                self.search = super::Search::default();
                self.history = super::History::default();
                let (w, h) = self.size;
                self.resize(w, h);
                self.article.top = self.article.layout.row_of(top);
                self.article.clamp();
                self.article.cursor = cursor_at.and_then(|at| self.briefing.mentions.at(at));
                self.fit_lists();
                let warnings = self.warning_count();
                self.say(format!(
                    "Reloaded {} ({warnings} warning{})",
                    self.briefing.sheet_path,
                    if warnings == 1 { "" } else { "s" }
                ));
            }
            Err(OpenError::Invalid { diagnostics, .. }) => {
                let errors = diagnostics.iter().filter(|d| d.is_error()).count();
                self.overlay = Some(Overlay::ReloadErrors {
                    diagnostics,
                    scroll: 0,
                });
                self.complain(format!(
                    "Reload failed with {errors} error{}: still showing the previous version",
                    if errors == 1 { "" } else { "s" }
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

/// Where the dialog's file name is written: as typed when absolute or when exports go to the
/// working folder (so messages say `pipe`, not `./pipe`), else in the export folder; `~/`
/// stands for the home folder, as in a shell.
fn export_path(folder: &Path, name: &str, home: Option<&std::ffi::OsStr>) -> PathBuf {
    let home = home.filter(|h| !h.is_empty());
    if let Some(home) = home {
        if name == "~" {
            return PathBuf::from(home);
        }
        if let Some(rest) = name.strip_prefix("~/") {
            return PathBuf::from(home).join(rest);
        }
    }
    if folder == Path::new(".") {
        PathBuf::from(name)
    } else {
        folder.join(name)
    }
}

/// Whether a device is a terminal (`/dev/tty`, a pseudo-terminal): writing an export there
/// would draw over the reader, or into another terminal's screen. Opened without becoming its
/// controlling terminal and without waiting, only to ask.
fn is_a_terminal(kind: &TargetKind, target: &Path) -> bool {
    use std::io::IsTerminal;
    use std::os::unix::fs::OpenOptionsExt;
    *kind == TargetKind::CharDevice
        && std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NOCTTY | libc::O_NONBLOCK)
            .open(target)
            .is_ok_and(|f| f.is_terminal())
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
    fn an_export_path_is_as_typed_in_the_working_folder_and_tilde_is_home() {
        let home = Some(std::ffi::OsStr::new("/home/ann"));
        let here = Path::new(".");
        assert_eq!(export_path(here, "pipe", home), Path::new("pipe"));
        assert_eq!(
            export_path(Path::new("/out"), "x.md", home),
            Path::new("/out/x.md")
        );
        assert_eq!(export_path(here, "/abs/x.md", home), Path::new("/abs/x.md"));
        assert_eq!(
            export_path(here, "~/x.json", home),
            Path::new("/home/ann/x.json")
        );
        assert_eq!(export_path(here, "~/x.json", None), Path::new("~/x.json"));
        assert_eq!(export_path(here, "~x.json", home), Path::new("~x.json"));
        assert_eq!(export_path(here, "~", home), Path::new("/home/ann"));
    }
}
