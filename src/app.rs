//! The reader's state and the one place it changes: [`App::update`] applies an [`Action`] and
//! returns what the terminal loop must do outside the app ([`Effect`]). Everything the view
//! shows that can be computed from the state (highlights, the details, the status line) is
//! computed by the accessors here, never stored, so it cannot go stale. The exceptions are the
//! open window's wrapped rows and its search's matches in them ([`window::Window`]), too
//! costly to compute per key with thousands of warnings: `update` ends by rewrapping them
//! (and matching the search against them again) when the window's width changed; and, for
//! the same reason, the article's rows for the pane's width ([`ArticleState`]), laid out again
//! when the width changes, and the matches of the article's search ([`Search`]), found once per
//! query (on a thread of their own for a long article); and the unclaimed names while `u`
//! shows them ([`Unclaimed`]), found when turned on and again on a reload.
//!
//! Each module is one type and its behaviour: the article pane ([`ArticleState`]), the lists
//! and their filter ([`ListState`]), the details pane ([`DetailsState`]), what is followed
//! ([`Followed`]), the article's search ([`Search`]), the window ([`window`]), the export
//! dialog ([`ExportDialog`]), the jump history. Those that take keys take them as methods of
//! their own, and none of them imports the app: [`App::update`] routes an action to the one
//! it concerns. The rest (following, walking the hits, the mouse, copying, pasting,
//! reloading) is the app's own behaviour, one concern a file.
//!
//! Two words are the app's own: a window's or the article's *matches* are what a search
//! finds, and the *hits* are what `n`/`N` walk: the matches of the article's search while one
//! is kept, else the mentions of what is followed (in a window, its search's matches).

mod action;
mod article_pane;
mod commit_job;
mod copy;
pub mod curate;
pub mod details;
mod details_pane;
mod details_search;
mod export_dialog;
mod export_job;
mod filter_text;
mod follow;
mod followed;
pub mod geometry;
mod history;
mod hits;
pub mod keys;
mod list;
pub mod loading;
mod mouse;
mod navigate;
mod paste;
mod reload;
mod search;
mod selection;
mod text_field;
mod unclaimed;
pub mod window;
mod worker;

use std::borrow::Cow;
use std::collections::HashSet;

pub use action::Action;
pub use article_pane::ArticleState;
pub use details_pane::{DetailsSearch, DetailsState, Shows};
pub use export_dialog::{Answer, ExportDialog};
pub use followed::{Followed, Target};
pub use geometry::{Geometry, MAX_HEIGHT, MAX_WIDTH, MIN_HEIGHT, MIN_WIDTH, Mode, Pane};
pub use hits::{Cursor, NO_MATCH};
pub use list::{
    DaySpan, FilterMatch, ListState, TimelineColumns, actor_fields, covers, event_fields,
    first_match, match_range, names_a_field,
};
pub use loading::{Loaded, Loading};
pub use search::Search;
pub use selection::{Picked, Selection, word_count};
pub use text_field::TextField;
pub use unclaimed::Unclaimed;
pub use window::Window;
use window::rows::Row;
use window::search::Match;
use window::{Kind, Sources};

use crate::briefing::{Briefing, Input};
use crate::diagnostic::Diagnostic;
use details::{Details, Subject};
use export_job::ExportJob;
use history::{History, Hits, Location};
use keys::{Context, KeyTable};
use search::Typed;

/// How the status bar's note of a terminal too big to draw whole begins.
const SIZE_NOTE: &str = "The terminal is ";

/// What the terminal loop must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Put this text on the clipboard (the loop writes an OSC 52 sequence).
    Copy(String),
    /// Give the terminal back and stop until resumed (SIGTSTP), then take it again.
    Suspend,
    /// Clear the terminal and draw the whole frame again.
    Redraw,
    /// Turn the terminal's mouse capture on (true) or off.
    Mouse(bool),
}

/// The work pending in the reader, each kind apart ([`App::pending`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // four independent flags, compared as one value
pub struct Pending {
    /// A search's matches are still to be found.
    pub search: bool,
    /// The unclaimed names are still to be found.
    pub unclaimed: bool,
    /// The article's rows are still being counted.
    pub rows: bool,
    /// An export is being written (not part of [`App::needs_settle`]: see
    /// [`App::exporting`]).
    pub export: bool,
    /// A change to the fact sheet is being checked before it is written.
    pub commit: bool,
}

/// Who has the mouse: the reader (mouse capture on), or the terminal, whose own text
/// selection then works.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MouseOwner {
    #[default]
    Reader,
    Terminal,
}

/// How the actors are listed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Mentions,
    Name,
}

/// The colours the reader may send: the palette for the terminal's background, and whether the
/// terminal takes 24-bit colour. The view maps them to its styles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Colors {
    pub palette: Palette,
    /// `COLORTERM` is `truecolor` or `24bit`.
    pub truecolor: bool,
}

/// A palette for a dark or a light terminal background.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Palette {
    #[default]
    Dark,
    Light,
}

/// Which of what is followed the status bar names: the mention the article's cursor is on, or
/// the quote followed last (an event's evidence, a fact's), whichever changed last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lead {
    #[default]
    Mention,
    Quote,
}

/// A line for the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

pub struct App {
    briefing: Briefing,
    input: Input,
    keys: KeyTable,
    color: bool,
    colors: Colors,
    size: (u16, u16),
    focus: Pane,
    /// The side pane shown beside the article in medium mode.
    side: Pane,
    /// The list whose selection the details show (Actors or Timeline).
    last_list: Pane,
    /// The focused pane takes the whole screen (`z`).
    zoomed: bool,
    pub(crate) article: ArticleState,
    followed: Followed,
    /// Whether the quote or the cursor's mention was followed last, for the status bar.
    lead: Lead,
    actors: ListState,
    events: ListState,
    sort: Sort,
    details: DetailsState,
    /// The search of the Details' text, while one is typed or kept.
    details_search: Option<DetailsSearch>,
    search: Search,
    history: History,
    /// The window over the panes (help, warnings, reload errors), with its rows and search.
    window: Option<Window>,
    export: Option<ExportDialog>,
    /// The dialog as it was last closed, to open again as it was (for the run only).
    export_last: Option<ExportDialog>,
    /// The export being written, while the dialog waits for it.
    export_job: Option<ExportJob>,
    /// The dialog of `a` and `E`, adding to the fact sheet.
    curate: Option<curate::CurateDialog>,
    /// The change the dialog is adding, while it is checked on another thread; and the last
    /// one Esc stopped waiting for, whose check may still run.
    commit_job: Option<commit_job::CommitJob>,
    commit_stopped: Option<commit_job::CommitJob>,
    /// What writes the reader's changes to the fact sheet and undoes them; why nothing can be
    /// changed (the bundled sample) when there is no file.
    editor: Result<crate::edit::Editor, String>,
    message: Option<Message>,
    show_omitted: bool,
    /// Who has the mouse (`M` gives it to the terminal, for its own text selection).
    mouse: MouseOwner,
    /// The last click on a row, for telling a double click.
    last_click: Option<mouse::LastClick>,
    /// Where a relative export file name is written: the working directory, unless set.
    export_dir: std::path::PathBuf,
    /// The unclaimed names while `u` shows them: a stored derived value (see
    /// [`unclaimed`]: too slow to find per frame), found again by a reload.
    unclaimed: Option<Unclaimed>,
    /// The unclaimed names of a long article, while they are found on another thread.
    finding: Option<worker::Worker<Unclaimed>>,
    /// The article's selection, and where a drag began.
    selection: selection::SelectionState,
    /// Which briefing is shown: one more on every reload, for the stored derived values
    /// found from it.
    generation: u64,
    /// The Actors' and the Timeline's items, filtered and sorted: stored derived values (see
    /// [`list::Shown`]: sorting 100,000 actors per frame was most of a keystroke), found again
    /// at the end of `update` when the sort, a filter or the briefing changed.
    shown_actors: list::Shown,
    shown_events: list::Shown,
    /// The span of the days all events cover, for the Timeline's axis, and the generation of
    /// the briefing it was found in: a stored derived value (see [`list::DaySpan`]).
    day_span: (u64, list::DaySpan),
    /// How many warnings the briefing has, and its generation: a stored derived value, counted
    /// once per briefing (the header counted 98,000 diagnostics for every frame, 0.15 ms).
    warnings_counted: (u64, usize),
    /// The Details' lines before the mentions: a stored derived value (see
    /// [`details::Built`]), built again at the end of `update` when their subject, the pane's
    /// width or the briefing changed.
    details_head: details::Built,
    /// Each actor's events and members, and the generation of the briefing they were found
    /// in: a stored derived value (see [`details::Links`]), for the Details' head.
    links: (u64, details::Links),
    /// The Details' search's matches: a stored derived value (see [`details_search::Found`]),
    /// found again at the end of `update` when the query or the Details changed.
    details_found: details_search::Found,
    /// The briefing being loaded on another thread, and what waits for it (see [`loading`]).
    loading: Loading,
}

impl App {
    /// A reader for `briefing`, loaded from `input` (for reload and export). `color` is false
    /// when `NO_COLOR` is set.
    #[must_use]
    pub fn new(briefing: Briefing, input: Input, color: bool) -> Self {
        let editor = crate::edit::Editor::new(&input, briefing.sheet_text.as_bytes())
            .map_err(|e| e.to_string());
        let app = Self {
            briefing,
            input,
            keys: KeyTable::builtin(),
            color,
            colors: Colors::default(),
            size: (0, 0),
            focus: Pane::Article,
            side: Pane::Actors,
            last_list: Pane::Actors,
            zoomed: false,
            article: ArticleState::default(),
            followed: Followed::default(),
            lead: Lead::default(),
            actors: ListState::default(),
            events: ListState::default(),
            sort: Sort::default(),
            details: DetailsState::default(),
            details_search: None,
            search: Search::default(),
            history: History::default(),
            window: None,
            export: None,
            export_last: None,
            export_job: None,
            commit_job: None,
            commit_stopped: None,
            curate: None,
            editor,
            message: None,
            show_omitted: false,
            mouse: MouseOwner::default(),
            last_click: None,
            export_dir: std::path::PathBuf::from("."),
            unclaimed: None,
            finding: None,
            selection: selection::SelectionState::default(),
            generation: 0,
            shown_actors: list::Shown::default(),
            shown_events: list::Shown::default(),
            day_span: (u64::MAX, list::DaySpan::default()),
            warnings_counted: (u64::MAX, 0),
            details_head: details::Built::default(),
            links: (u64::MAX, details::Links::default()),
            details_found: details_search::Found::default(),
            loading: Loading::default(),
        };
        // Nothing is laid out before the first `Action::Resize` says how wide the article is:
        // a 10 MB article takes tens of milliseconds to wrap.
        app
    }

    /// Dispatches keys through `keys` instead of the built-in table: the help, the hints and
    /// every message that names a key follow it.
    #[must_use]
    pub fn with_keys(mut self, keys: KeyTable) -> Self {
        self.keys = keys;
        self.details_head.clear();
        self
    }

    /// Draws with `colors` (when colour is on) instead of the dark palette in 256 colours.
    #[must_use]
    pub fn with_colors(mut self, colors: Colors) -> Self {
        self.colors = colors;
        self
    }

    /// Shows `self`'s briefing as a preview while the whole one loads on another thread (see
    /// [`loading::spawn_after`]); reloads load on another thread too.
    #[must_use]
    pub fn with_loading(mut self, job: loading::Job) -> Self {
        self.loading = Loading::behind_preview(job);
        self
    }

    /// Reloads on another thread (see [`loading`]) instead of the caller's.
    #[must_use]
    pub fn with_background_loads(mut self) -> Self {
        self.loading.background = true;
        self
    }

    /// Writes exports with relative names into `dir` instead of the working directory.
    #[must_use]
    pub fn with_export_dir(mut self, dir: impl Into<std::path::PathBuf>) -> Self {
        self.export_dir = dir.into();
        self
    }

    /// Applies one action. This is the only place the reader's state changes.
    pub fn update(&mut self, action: Action) -> Effect {
        let (action, replayed) = match action {
            Action::Replayed(action) => (*action, true),
            action => (action, false),
        };
        let kept = if replayed { self.message.clone() } else { None };
        // Behind a preview, what needs the whole briefing waits for it (see `loading.rs`).
        let listless = matches!(self.focus, Pane::Actors | Pane::Timeline)
            && self.loading.preview()
            && self.briefing.sheet.actors.is_empty()
            && self.briefing.sheet.events.is_empty();
        if self
            .loading
            .defers(&action, self.window.is_some(), listless)
        {
            // Replayed once the load is in, a held key still leaves the message.
            self.loading.defer(if replayed {
                Action::Replayed(Box::new(action))
            } else {
                action
            });
            return Effect::None;
        }
        let (quote, cursor) = (
            self.followed.quote(),
            (self.article.cursor, self.article.unclaimed),
        );
        let effect = self.apply(action);
        if self.message.is_none() {
            self.message = kept;
        }
        self.refresh_shown();
        self.refresh_details();
        self.refresh_details_matches();
        if self.article.cursor != cursor.0 && self.article.cursor.is_some() {
            // A mention put under the cursor takes it off an unclaimed name.
            self.article.unclaimed = None;
        }
        if self.followed.quote().is_some() && self.followed.quote() != quote {
            self.lead = Lead::Quote;
        } else if (self.article.cursor, self.article.unclaimed) != cursor {
            self.lead = Lead::Mention;
        }
        if self.message_rows() > 0 {
            // The rows the message takes from the panes must not hide the selection.
            self.fit_lists();
            self.fit_details();
        } else if !self.details.placed {
            // New details: the cursor goes to their first link.
            self.fit_details();
        }
        self.fit_article();
        self.search.refit(&self.briefing.article, self.show_omitted);
        self.refit_window();
        effect
    }

    fn apply(&mut self, action: Action) -> Effect {
        if !matches!(
            action,
            Action::Resize(..)
                | Action::Scroll(..)
                | Action::Settle
                | Action::FilesChanged
                | Action::Loaded(_)
        ) {
            self.message = None;
        }
        if action == Action::Settle {
            self.settle_export();
            self.settle_commit();
            self.settle_unclaimed();
            self.settle_search();
            self.article.settle(&self.briefing.article);
        }
        match action {
            Action::Quit => return Effect::Quit,
            Action::Suspend => return Effect::Suspend,
            Action::Redraw => return Effect::Redraw,
            Action::Resize(w, h) => self.resize(w, h),
            // Underneath whatever is open, at any size: nothing typed is lost (see reload.rs).
            Action::FilesChanged => self.files_changed(),
            Action::Loaded(loaded) => return self.loaded(&loaded),
            Action::NotWatching(why) => {
                let reload = self.key(Context::Global, &Action::Reload);
                self.complain(format!(
                    "Not watching the files for changes ({}): {reload} reloads them",
                    crate::inert::escaped(&why)
                ));
            }
            // Esc stops waiting for a change's check at any size: the terminal let it past the
            // keys it holds meanwhile, and a change must not be written for a key ignored.
            Action::Cancel if self.committing() => self.curate_action(&action),
            // Nothing on screen to act on: a key would work blind (an export written unseen).
            _ if action != Action::Settle && self.geometry().mode == Mode::TooSmall => {}
            Action::Paste(text) => self.paste(&text),
            Action::Unbound(key) => {
                let help = self.key(Context::Global, &Action::Help);
                self.say(format!("{key} does nothing here: {help} lists the keys"));
            }
            _ if self.export.is_some() => self.dialog_action(&action),
            _ if self.curate.is_some() => self.curate_action(&action),
            _ if self.window.is_some() => self.window_action(action),
            _ if self.search.editing => self.search_input(action),
            _ if self.details_search.as_ref().is_some_and(|s| s.editing) => {
                self.details_search_input(&action);
            }
            _ if self.editing() => self.filter_input(action),
            Action::Click(x, y, at) => self.click(x, y, at),
            Action::Drag(x, y) => self.drag(x, y),
            Action::Release => self.release(),
            Action::Copy if self.selection().is_some() => return self.copy_selection(),
            Action::Cancel if self.selection().is_some() => self.drop_selection(),
            Action::ToggleUnclaimed => self.toggle_unclaimed(),
            ref selecting if selecting.selects() => self.select_action(selecting),
            Action::Scroll(x, y, delta) => self.wheel(x, y, delta),
            Action::Copy => return self.copy(),
            Action::Zoom => self.zoom(),
            Action::ToggleMouse => return self.toggle_mouse(),
            Action::NextLink | Action::PrevLink => {
                let h = self.pane_height(Pane::Details);
                let mut state = self.details;
                state.step_link(action == Action::NextLink, &self.details(), h);
                self.details = state;
            }
            other => self.pane_action(&other),
        }
        Effect::None
    }

    /// A key while the article's search is typed.
    fn search_input(&mut self, action: Action) {
        let typed = self
            .search
            .type_key(action, &self.briefing.article, &mut self.article);
        self.search_kept(typed);
    }

    /// The matches of a search kept while it ran on another thread, once they arrive.
    fn settle_search(&mut self) {
        let typed = self
            .search
            .settle_kept(&self.briefing.article, &mut self.article);
        self.search_kept(typed);
        // `n` and `N` typed while the matches were found: walked now that they are in (none
        // to walk when there are none: that is said once).
        match typed {
            Typed::Kept => {
                for forward in std::mem::take(&mut self.search.walks) {
                    self.walk_matches(forward);
                }
            }
            Typed::NoMatch => self.search.walks.clear(),
            Typed::Nothing | Typed::Searching => {}
        }
    }

    /// What the article's search left to do: say it matched nothing, or record the jump.
    fn search_kept(&mut self, typed: Typed) {
        match typed {
            Typed::Nothing | Typed::Searching => {}
            Typed::NoMatch => self.complain(format!("{NO_MATCH} \"{}\"", self.search.query)),
            Typed::Kept => {
                // The jump to the first match and the walk of `n`/`N` that may follow are one
                // history entry, from where the article was before `/`.
                let before = Location {
                    top_offset: self.search.origin_top,
                    search_at: None,
                    ..self.location()
                };
                self.history
                    .step(before, Hits::Matches(self.search.query.clone()));
                let there = self.location();
                self.history.stepped(there);
            }
        }
    }

    /// A key while a list's filter is typed.
    fn filter_input(&mut self, action: Action) {
        let list = if self.actors.editing {
            &mut self.actors
        } else {
            &mut self.events
        };
        if list.type_key(action) {
            self.refresh_shown();
            self.fit_lists();
            self.details.to_top();
        }
    }

    /// A key while the export dialog is open. While it writes, the dialog only listens for
    /// Esc, which cancels the export.
    fn dialog_action(&mut self, action: &Action) {
        if let Some(job) = &self.export_job {
            if *action == Action::Cancel {
                job.cancel();
            }
            return;
        }
        let Some(dialog) = &mut self.export else {
            return;
        };
        let submit = self.keys.label(Context::Dialog, &Action::Submit);
        match dialog.answer(
            action,
            &self.input,
            &self.briefing,
            &self.export_dir,
            submit,
        ) {
            Answer::Stays => {}
            Answer::Closes => self.export_last = self.export.take(),
            Answer::Writes(job) => self.export_job = Some(job),
        }
    }

    /// Takes the outcome of the export being written, once it has one: the dialog closes with
    /// what was written, or says why nothing was.
    fn settle_export(&mut self) {
        let Some(outcome) = self.export_job.as_ref().and_then(ExportJob::outcome) else {
            return;
        };
        self.export_job = None;
        match outcome {
            Ok(written) => {
                self.export_last = self.export.take();
                self.say(export_dialog::exported(written));
            }
            Err(e) => {
                if let Some(dialog) = &mut self.export {
                    dialog.failed(&e);
                }
            }
        }
    }

    /// What the open window's rows are made of.
    fn window_sources(&self) -> Sources<'_> {
        Sources {
            keys: &self.keys,
            warnings: &self.briefing.warnings,
            sheet: &self.briefing.sheet_path,
        }
    }

    /// Opens a window of `kind` over the panes.
    fn open_window(&mut self, kind: Kind) {
        self.window = Some(Window::open(
            kind,
            self.window_sources(),
            self.window_rect(),
        ));
    }

    /// A key or the mouse while a window is open. (Its sources are borrowed field by field,
    /// not through [`App::window_sources`], so that the window can change beside them.)
    fn window_action(&mut self, action: Action) {
        // No warnings is said, not shown: `w` closes the window rather than open an empty one.
        let typing = self.window_search_typed().is_some();
        if action == Action::ShowWarnings && !typing && self.briefing.warnings.is_empty() {
            self.window = None;
            self.say(window::NO_WARNINGS);
            return;
        }
        if action == Action::Follow
            && !typing
            && let Some(n) = self.window.as_ref().and_then(Window::warning_chosen)
        {
            self.go_to_warning(n);
            return;
        }
        if let Action::Click(x, y, at) = action
            && !typing
            && self
                .window
                .as_ref()
                .is_some_and(|w| *w.kind() == Kind::Warnings)
            && self.window_click(x, y, at)
        {
            return;
        }
        let from = Sources {
            keys: &self.keys,
            warnings: &self.briefing.warnings,
            sheet: &self.briefing.sheet_path,
        };
        if let Some(window) = &mut self.window
            && !window.act(action, from)
        {
            self.window = None;
        }
    }

    /// After every update: the open window fitted to the terminal's size (see
    /// [`Window::refit`]).
    fn refit_window(&mut self) {
        let rect = self.window_rect();
        let from = Sources {
            keys: &self.keys,
            warnings: &self.briefing.warnings,
            sheet: &self.briefing.sheet_path,
        };
        if let Some(window) = &mut self.window {
            window.refit(from, rect);
        }
    }

    /// Fits the reader to a terminal of `width` × `height`, drawing at most
    /// [`MAX_WIDTH`] × [`MAX_HEIGHT`] of it (and saying so).
    fn resize(&mut self, width: u16, height: u16) {
        let (w, h) = (width.min(MAX_WIDTH), height.min(MAX_HEIGHT));
        if (w, h) != (width, height) {
            self.complain(format!(
                "{SIZE_NOTE}{width}×{height}: the reader draws its top left {w}×{h}"
            ));
        } else if self
            .message
            .as_ref()
            .is_some_and(|m| m.text.starts_with(SIZE_NOTE))
        {
            self.message = None;
        }
        self.size = (w, h);
        self.fit_article();
        self.fit_lists();
        self.fit_details();
    }

    /// Lays the article out for the pane it has (on screen, or as it will be when focused),
    /// after every update: a resize, a zoom or a focus that changes its size. The cursor on
    /// screen before stays on screen after: a smaller pane would otherwise leave the current
    /// mention below its last row. (Nothing is laid out again when the size is the same.)
    fn fit_article(&mut self) {
        let area = self
            .geometry_of(Pane::Article)
            .inner(Pane::Article)
            .unwrap_or_default();
        let cursor = self
            .cursor_range()
            .map(|r| r.start)
            .filter(|&at| self.article.shows(at));
        self.article.height = usize::from(area.height);
        self.article
            .relayout(&self.briefing.article, area.width, self.show_omitted);
        self.article.clamp(&self.briefing.article);
        if let Some(at) = cursor {
            self.article.reveal(&self.briefing.article, at);
        }
    }

    /// `z`: the focused pane over the whole screen, or every pane again.
    fn zoom(&mut self) {
        let key = self.key(Context::Global, &Action::Zoom).to_owned();
        if !self.zoomed && self.geometry().mode == Mode::Narrow {
            self.say(format!(
                "{} already has the screen at this size ({key} zooms in a wider terminal)",
                self.focus.name()
            ));
            return;
        }
        self.zoomed = !self.zoomed;
        self.fit_article();
        self.fit_lists();
        self.fit_details();
        self.say(if self.zoomed {
            format!("{} zoomed ({key} shows every pane)", self.focus.name())
        } else {
            "Every pane shown".to_owned()
        });
    }

    /// Where the panes go when `pane` is on screen: as drawn when it is, else as drawn once it
    /// is focused, so that a pane's scroll is kept for the size it is shown at.
    pub(crate) fn geometry_of(&self, pane: Pane) -> Geometry {
        let g = self.geometry();
        if g.rect(pane).is_some() {
            g
        } else {
            Geometry::new(self.size.0, self.size.1, pane, pane)
                .zoomed(pane, self.zoomed)
                .with_message(self.message_rows())
        }
    }

    // ── What the view reads ────────────────────────────────────────────────────────────────

    #[must_use]
    pub fn briefing(&self) -> &Briefing {
        &self.briefing
    }

    #[must_use]
    pub fn keys(&self) -> &KeyTable {
        &self.keys
    }

    /// The key bound to `action` in `context`, as the help shows it, for a message that names
    /// it: "] and [ move it" is built from `key(Context::Article, &Action::NextMention)`.
    #[must_use]
    pub fn key(&self, context: Context, action: &Action) -> &str {
        self.keys.label(context, action)
    }

    #[must_use]
    pub fn color(&self) -> bool {
        self.color
    }

    #[must_use]
    pub fn colors(&self) -> Colors {
        self.colors
    }

    #[must_use]
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    #[must_use]
    pub fn geometry(&self) -> Geometry {
        Geometry::new(self.size.0, self.size.1, self.focus, self.side)
            .zoomed(self.focus, self.zoomed)
            .with_message(self.message_rows())
    }

    /// The rows above the status bar the message needs, when it is too long for the bar.
    fn message_rows(&self) -> u16 {
        self.message.as_ref().map_or(0, |m| {
            geometry::message_rows(
                &crate::inert::one_line(&m.text),
                self.size.0,
                self.kept_hints_width(),
            )
        })
    }

    /// The columns the status bar's last hints take, help and quit (`? help  q quit  `),
    /// which a message in the bar leaves beside it: none while a window, a dialog or a text
    /// field has the keys (the bar shows only theirs).
    #[must_use]
    pub fn kept_hints_width(&self) -> usize {
        use unicode_width::UnicodeWidthStr;
        if self.window.is_some() || self.export.is_some() || self.editing() {
            return 0;
        }
        self.keys
            .hints(&self.key_contexts())
            .into_iter()
            .filter(|b| matches!(b.action, Action::Help | Action::Quit))
            .filter_map(|b| Some(b.labels.first()?.width() + b.hint.as_ref()?.width() + 3))
            .sum()
    }

    #[must_use]
    pub fn focus(&self) -> Pane {
        self.focus
    }

    #[must_use]
    pub fn article_state(&self) -> &ArticleState {
        &self.article
    }

    /// What is followed, and the quote highlighted with it.
    #[must_use]
    pub fn followed(&self) -> Followed {
        self.followed
    }

    /// Whether the quote or the cursor's mention was followed last.
    #[must_use]
    pub fn lead(&self) -> Lead {
        self.lead
    }

    #[must_use]
    pub fn actors_list(&self) -> &ListState {
        &self.actors
    }

    #[must_use]
    pub fn events_list(&self) -> &ListState {
        &self.events
    }

    #[must_use]
    pub fn sort(&self) -> Sort {
        self.sort
    }

    #[must_use]
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The window over the panes, if one is open.
    #[must_use]
    pub fn window(&self) -> Option<&Window> {
        self.window.as_ref()
    }

    /// The open window's title and rows; `None` when no window is open.
    #[must_use]
    pub fn window_rows(&self) -> Option<(&'static str, &[Row])> {
        self.window.as_ref().map(|w| (w.title(), w.rows()))
    }

    /// The open window's rows wrapped afresh, not the kept ones: for tests that check the kept
    /// rows are not stale.
    #[doc(hidden)]
    #[must_use]
    pub fn window_rows_rewrapped(&self) -> Option<(&'static str, Vec<Row>)> {
        let w = self.window.as_ref()?;
        Some((
            w.title(),
            w.rewrapped(self.window_sources(), self.window_rect()),
        ))
    }

    /// The matches of the open window's search in its rows, in order.
    #[must_use]
    pub fn window_matches(&self) -> &[Match] {
        self.window.as_ref().map_or(&[], Window::matches)
    }

    /// The search in the open window, if one was begun.
    #[must_use]
    pub fn window_search(&self) -> Option<&window::search::Search> {
        self.window.as_ref().and_then(Window::search)
    }

    /// The search being typed in the open window, if one is: keys type into it.
    #[must_use]
    pub fn window_search_typed(&self) -> Option<&window::search::Search> {
        self.window_search().filter(|s| s.editing)
    }

    /// Where the window goes for the current terminal size.
    #[must_use]
    pub fn window_rect(&self) -> ratatui::layout::Rect {
        let (w, h) = self.size;
        geometry::window(ratatui::layout::Rect::new(0, 0, w, h))
    }

    #[must_use]
    pub fn curate_dialog(&self) -> Option<&curate::CurateDialog> {
        self.curate.as_ref()
    }

    #[must_use]
    pub fn export_dialog(&self) -> Option<&ExportDialog> {
        self.export.as_ref()
    }

    #[must_use]
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    /// Whether the terminal should report the mouse to the reader.
    #[must_use]
    pub fn mouse(&self) -> bool {
        self.mouse == MouseOwner::Reader
    }

    #[must_use]
    pub fn shows_omitted(&self) -> bool {
        self.show_omitted
    }

    /// The Details pane's cursor and first line on screen.
    #[must_use]
    pub fn details_state(&self) -> DetailsState {
        self.details
    }

    /// The briefing being loaded on another thread, if one is (see [`loading`]).
    #[must_use]
    pub fn loading(&self) -> &Loading {
        &self.loading
    }

    /// Why the first load failed, once the reader has ended because of it.
    #[must_use]
    pub fn into_load_failure(self) -> Option<crate::briefing::OpenError> {
        self.loading.into_failure()
    }

    /// Work is pending that [`Action::Settle`] finishes.
    #[must_use]
    pub fn needs_settle(&self) -> bool {
        let p = self.pending();
        p.search || p.unclaimed || p.rows
    }

    /// Which work is pending that [`Action::Settle`] finishes: the loop draws again when any
    /// of it is done. (Comparing only [`App::needs_settle`] before and after, a search's matches
    /// that came in while the article's rows were still counted went undrawn until the count
    /// ended: three seconds for 256 MiB.)
    #[must_use]
    pub fn pending(&self) -> Pending {
        Pending {
            search: self.search.stale || self.search.running(),
            unclaimed: self.unclaimed.as_ref().is_some_and(|u| u.pending),
            rows: self.article.unsettled(),
            export: self.exporting(),
            commit: self.committing(),
        }
    }

    /// A change to the fact sheet is being checked on another thread, before it is written
    /// (see `app/commit_job.rs`): [`Action::Settle`] takes the check once it is in. (Not part
    /// of [`App::needs_settle`]: a check takes seconds, and the loop asks less often.)
    #[must_use]
    pub fn committing(&self) -> bool {
        self.commit_job.is_some()
    }

    /// An export is being written: [`Action::Settle`] takes its outcome once it has one. (Not
    /// part of [`App::needs_settle`], which is soon over: a FIFO may wait for its reader for
    /// minutes, and the loop asks less often.)
    #[must_use]
    pub fn exporting(&self) -> bool {
        self.export_job.is_some()
    }

    /// What the export being written is doing, while one is.
    #[must_use]
    pub fn export_status(&self) -> Option<String> {
        let cancel = self.key(Context::Dialog, &Action::Cancel);
        self.export_job.as_ref().map(|j| j.status(cancel))
    }

    /// Where the export being written goes, while one is.
    #[must_use]
    pub fn export_target(&self) -> Option<String> {
        self.export_job.as_ref().map(|j| j.target().to_owned())
    }

    /// A text field is open: keys type into it.
    #[must_use]
    pub fn editing(&self) -> bool {
        self.search.editing
            || self.actors.editing
            || self.events.editing
            || self.details_search.as_ref().is_some_and(|s| s.editing)
    }

    /// The search of the Details' text, while one is typed or kept.
    #[must_use]
    pub fn details_search(&self) -> Option<&DetailsSearch> {
        self.details_search.as_ref()
    }

    /// The key-table contexts that apply now, most specific first.
    #[must_use]
    pub fn key_contexts(&self) -> Vec<Context> {
        if self.export.is_some() {
            return vec![Context::Dialog, Context::Input];
        }
        if self.curate.is_some() {
            return vec![Context::Curate, Context::Input];
        }
        if self.window_search_typed().is_some() {
            return vec![Context::Input];
        }
        if self.window.is_some() {
            return vec![Context::Window, Context::Global];
        }
        if self.editing() {
            return vec![Context::Input];
        }
        if self.focus == Pane::Article && self.selection().is_some() {
            return vec![
                Context::Selection,
                Context::Article,
                Context::Panes,
                Context::Global,
            ];
        }
        let pane = match self.focus {
            Pane::Article => Context::Article,
            Pane::Actors | Pane::Timeline => Context::List,
            Pane::Details => Context::Details,
        };
        vec![pane, Context::Panes, Context::Global]
    }

    /// The actors shown in the Actors pane, filtered and sorted (a copy: see
    /// [`App::shown_actors`]).
    #[must_use]
    pub fn visible_actors(&self) -> Vec<usize> {
        self.shown_actors().into_owned()
    }

    /// The events shown in the Timeline pane, filtered, in date order (a copy: see
    /// [`App::shown_events`]).
    #[must_use]
    pub fn visible_events(&self) -> Vec<usize> {
        self.shown_events().into_owned()
    }

    /// The actors shown in the Actors pane, filtered and sorted: those `update` stored, or,
    /// in the middle of an `update` that changed what they depend on, found afresh.
    #[must_use]
    pub fn shown_actors(&self) -> Cow<'_, [usize]> {
        match self.shown_actors.get(&self.actors_key()) {
            Some(v) => Cow::Borrowed(v),
            None => Cow::Owned(self.find_actors()),
        }
    }

    /// The events shown in the Timeline pane, filtered, in date order: as
    /// [`App::shown_actors`].
    #[must_use]
    pub fn shown_events(&self) -> Cow<'_, [usize]> {
        match self.shown_events.get(&self.events_key()) {
            Some(v) => Cow::Borrowed(v),
            None => Cow::Owned(self.find_events()),
        }
    }

    /// The actors the Actors pane shows, found afresh, never from what is stored: what
    /// [`App::shown_actors`] must equal.
    #[must_use]
    pub fn visible_actors_afresh(&self) -> Vec<usize> {
        self.find_actors()
    }

    /// The events the Timeline shows, found afresh: what [`App::shown_events`] must equal.
    #[must_use]
    pub fn visible_events_afresh(&self) -> Vec<usize> {
        self.find_events()
    }

    fn actors_key(&self) -> list::ShownKey {
        list::ShownKey {
            filter: self.actors.filter.clone(),
            sort: Some(self.sort),
            generation: self.generation,
        }
    }

    fn events_key(&self) -> list::ShownKey {
        list::ShownKey {
            filter: self.events.filter.clone(),
            sort: None,
            generation: self.generation,
        }
    }

    /// Finds the lists' items again if the sort, a filter or the briefing changed since they
    /// were found.
    fn refresh_shown(&mut self) {
        let mut actors = std::mem::take(&mut self.shown_actors);
        actors.refresh(
            self.actors_key(),
            || self.sorted_actors((0..self.briefing.sheet.actors.len()).map(|n| (false, n))),
            || self.actors_text(),
            Vec::new,
        );
        self.shown_actors = actors;
        let mut events = std::mem::take(&mut self.shown_events);
        events.refresh(
            self.events_key(),
            || (0..self.briefing.sheet.events.len()).collect(),
            || self.events_text(),
            || {
                (self.briefing.sheet.events.iter())
                    .map(list::date_width)
                    .collect()
            },
        );
        self.shown_events = events;
        if self.day_span.0 != self.generation {
            self.day_span = (
                self.generation,
                list::DaySpan::of(&self.briefing.sheet.events),
            );
        }
        if self.warnings_counted.0 != self.generation {
            self.warnings_counted = (self.generation, self.count_warnings());
        }
    }

    /// The span of the days all events cover, for the Timeline's axis: stored by `update`
    /// once per briefing, or found afresh in the middle of an `update` that took a new one.
    #[must_use]
    pub fn day_span(&self) -> list::DaySpan {
        if self.day_span.0 == self.generation {
            self.day_span.1
        } else {
            list::DaySpan::of(&self.briefing.sheet.events)
        }
    }

    /// What the Actors' filter looks in: each actor's name and aliases, then its other fields.
    fn actors_text(&self) -> filter_text::FilterText {
        let mut text = filter_text::FilterText::default();
        for a in &self.briefing.sheet.actors {
            let fields = list::actor_fields(a);
            let first = |&(field, _): &(&str, &str)| matches!(field, "name" | "alias");
            text.push(
                fields.iter().filter(|f| first(f)).map(|f| f.1),
                fields.iter().filter(|f| !first(f)).map(|f| f.1),
            );
        }
        text
    }

    /// What the Timeline's filter looks in: each event's fields, all of one rank.
    fn events_text(&self) -> filter_text::FilterText {
        let b = &self.briefing;
        let mut text = filter_text::FilterText::default();
        for e in &b.sheet.events {
            let date = e.when();
            text.push(list::event_fields(e, &date, b).into_iter().map(|f| f.1), []);
        }
        text
    }

    /// The actors that pass the Actors' filter, sorted, found afresh field by field: what the
    /// [`filter_text::FilterText`] `update` finds them with must equal.
    fn find_actors(&self) -> Vec<usize> {
        let b = &self.briefing;
        let needle = self.actors.filter.to_lowercase();
        // A filter's matches by name or alias come before those by id, kind or role (`false`
        // before `true`), each in the order of the sort: `/harlow` then Enter takes Harlow
        // District Council, not an actor whose role names it.
        let v = (0..b.sheet.actors.len()).filter_map(|n| {
            if needle.is_empty() {
                return Some((false, n));
            }
            // Each field looked at once: a match by name or alias ends the look.
            let mut other = false;
            for (field, text) in list::actor_fields(&b.sheet.actors[n]) {
                if list::field_matches(&needle, text) {
                    if matches!(field, "name" | "alias") {
                        return Some((false, n));
                    }
                    other = true;
                }
            }
            other.then_some((true, n))
        });
        self.sorted_actors(v)
    }

    /// Actors in the order of the sort, each `(rank, actor)` after those of a lower rank.
    fn sorted_actors(&self, v: impl IntoIterator<Item = (bool, usize)>) -> Vec<usize> {
        let b = &self.briefing;
        let mut v: Vec<(bool, usize)> = v.into_iter().collect();
        match self.sort {
            Sort::Mentions => v.sort_by(|&(rx, x), &(ry, y)| {
                rx.cmp(&ry)
                    .then_with(|| b.mentions.count(y).cmp(&b.mentions.count(x)))
                    .then_with(|| b.sheet.actors[x].name.cmp(&b.sheet.actors[y].name))
            }),
            Sort::Name => {
                v.sort_by_cached_key(|&(r, n)| (r, b.sheet.actors[n].name.to_lowercase()));
            }
        }
        v.into_iter().map(|(_, n)| n).collect()
    }

    /// The events that pass the Timeline's filter, in date order (the fact sheet's), found
    /// afresh field by field: what `update` finds with [`filter_text::FilterText`] must equal.
    fn find_events(&self) -> Vec<usize> {
        let b = &self.briefing;
        let needle = self.events.filter.to_lowercase();
        (0..b.sheet.events.len())
            .filter(|&n| {
                if needle.is_empty() {
                    return true;
                }
                let e = &b.sheet.events[n];
                let date = e.when();
                let fields: Vec<&str> = list::event_fields(e, &date, b)
                    .into_iter()
                    .map(|(_, text)| text)
                    .collect();
                list::matches_filter(&needle, &fields)
            })
            .collect()
    }

    /// The widest date of `events`, in columns (10 when there are none).
    fn widest_date(&self, events: &[usize]) -> usize {
        let all = &self.briefing.sheet.events;
        events
            .iter()
            .map(|&n| list::date_width(&all[n]))
            .max()
            .unwrap_or(10)
    }

    /// The Timeline's columns, for the width it is shown at.
    #[must_use]
    pub fn timeline_columns(&self) -> TimelineColumns {
        let width = self
            .geometry_of(Pane::Timeline)
            .inner(Pane::Timeline)
            .map_or(0, |r| usize::from(r.width));
        let widest = self
            .shown_events
            .widest_date(&self.events_key())
            .unwrap_or_else(|| self.widest_date(&self.shown_events()));
        TimelineColumns::new(width, widest)
    }

    /// How many rows event `n` takes in the Timeline: its title wrapped.
    pub(crate) fn event_rows(&self) -> impl Fn(usize) -> usize + '_ {
        use unicode_width::UnicodeWidthStr;
        let c = self.timeline_columns();
        let needle = self.events.filter.to_lowercase();
        move |n| {
            self.briefing.sheet.events.get(n).map_or(1, |e| {
                c.title_rows(&e.title, e.when().width()).len()
                    + usize::from(list::names_a_field(&needle, e, &self.briefing))
            })
        }
    }

    /// The actors whose mentions stand out: the followed actor, or the followed event's.
    #[must_use]
    pub fn highlighted_actors(&self) -> HashSet<usize> {
        self.followed.actors(&self.briefing)
    }

    /// What the details pane shows.
    #[must_use]
    pub fn details_subject(&self) -> Subject {
        match self.details.shows {
            Shows::Facts => return Subject::Facts,
            Shows::About => return Subject::About,
            Shows::Selection => {}
        }
        match self.last_list {
            Pane::Timeline => self
                .events
                .selected
                .map_or(Subject::Nothing, Subject::Event),
            _ => self
                .actors
                .selected
                .map_or(Subject::Nothing, Subject::Actor),
        }
    }

    /// The details pane's content, wrapped for its width: the head lines `update` stored, or,
    /// in the middle of an `update` that changed what they depend on, built afresh.
    #[must_use]
    pub fn details(&self) -> Details<'_> {
        let key = self.details_key();
        let head = match self.details_head.get(key) {
            Some(head) => Cow::Borrowed(head),
            None => Cow::Owned(details::head(
                &self.briefing,
                &self.keys,
                key.0,
                key.1,
                (self.links.0 == self.generation).then_some(&self.links.1),
            )),
        };
        details::with_head(&self.briefing, key.0, key.1, head)
    }

    /// The details pane's content built whole from the state, never from what is stored: what
    /// [`App::details`] must equal.
    #[must_use]
    pub fn details_afresh(&self) -> Details<'_> {
        let (subject, width, _) = self.details_key();
        details::details(&self.briefing, &self.keys, subject, width)
    }

    /// What the Details' head lines are built for now.
    fn details_key(&self) -> details::BuiltKey {
        let g = self.geometry_of(Pane::Details);
        let width = g.inner(Pane::Details).map_or(20, |r| usize::from(r.width));
        (self.details_subject(), width, self.generation)
    }

    /// Builds the Details' head lines again if their subject, the width or the briefing
    /// changed since they were built.
    fn refresh_details(&mut self) {
        if self.links.0 != self.generation {
            self.links = (self.generation, details::Links::of(&self.briefing));
        }
        let key = self.details_key();
        let mut built = std::mem::take(&mut self.details_head);
        built.refresh(key, || {
            details::head(
                &self.briefing,
                &self.keys,
                key.0,
                key.1,
                Some(&self.links.1),
            )
        });
        self.details_head = built;
    }

    /// What the `w` window lists: the warnings and the notes the fact sheet loaded with.
    #[must_use]
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.briefing.warnings
    }

    /// How many warnings there are, as `check` counts them: notes are not warnings. Stored by
    /// `update` once per briefing, or counted afresh in the middle of an `update` that took a
    /// new one.
    #[must_use]
    pub fn warning_count(&self) -> usize {
        if self.warnings_counted.0 == self.generation {
            self.warnings_counted.1
        } else {
            self.count_warnings()
        }
    }

    fn count_warnings(&self) -> usize {
        self.briefing
            .warnings
            .iter()
            .filter(|d| d.is_warning())
            .count()
    }

    /// Snapshot for the jump history.
    fn location(&self) -> Location {
        Location {
            focus: self.focus,
            last_list: self.last_list,
            top_offset: self.article.top_offset(),
            cursor: self.article.cursor,
            search_at: self
                .search
                .current
                .and_then(|c| self.search.matches.get(c))
                .map(|m| m.range().start),
            followed: self.followed.target(),
            actors: self.actors.clone(),
            events: self.events.clone(),
            details_cursor: self.details.cursor,
            details: self.details.shows,
        }
    }

    fn restore(&mut self, to: Location) {
        self.set_focus(to.focus);
        self.last_list = to.last_list;
        self.article
            .set_top_at(&self.briefing.article, to.top_offset);
        self.article.cursor = to.cursor;
        self.article.unclaimed = None;
        self.search.current = to.search_at.and_then(|at| {
            self.search
                .matches
                .binary_search_by_key(&at, |m| m.range().start)
                .ok()
        });
        self.followed = Followed::new(to.followed, &self.briefing);
        self.actors = to.actors;
        self.events = to.events;
        // The row of what was followed is selected again (a row moved to after it and
        // followed from is not what going back returns to).
        match to.followed {
            Target::Actor(a) if self.shown_actors().contains(&a) => {
                self.actors.selected = Some(a);
            }
            Target::Event(e) if self.shown_events().contains(&e) => {
                self.events.selected = Some(e);
            }
            _ => {}
        }
        self.details.cursor = to.details_cursor;
        self.details.shows = to.details;
        self.details.placed = true;
        self.fit_lists();
        self.fit_details();
    }

    fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    fn complain(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }
}
