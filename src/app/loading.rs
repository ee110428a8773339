//! Loading the briefing on another thread, so that no key waits for it: at start, while the
//! reader shows a preview (the fact sheet and the article's first part, without mentions: see
//! [`crate::briefing::preview`]), and on a reload (`r`, or the files changed on disk), while
//! the briefing loaded before stays on screen and answers keys.
//!
//! Each load has a generation, one more than the last: the result of a load that a newer one
//! superseded is dropped when it arrives ([`Action::Loaded`] carries the generation). A load
//! superseded is also told to stop, and only one reads at a time ([`Job`]): `r` typed again and
//! again during a long load never runs several side by side. While a
//! preview is shown, the actions that need the mention index or the whole text (`n`, `Enter`,
//! `/`, `G`, the warnings, an export, curating…) are deferred and replayed in order once the
//! briefing is loaded; so is every action after one that was, so that none overtakes another.
//! While an undo's load (`U`) is in flight, a change (`a`, `E`, `U`) and the selection it takes
//! are deferred the same way, so that its dialog offers the sheet as undone. Quitting,
//! suspending, a new size and drawing again are never deferred.
//!
//! Without [`Loading::background`] (the default, for tests driving the reader headless and for
//! every caller that is not the terminal) a reload loads on the caller's thread, as before.

use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex, PoisonError};

use super::Action;
use super::worker::{Lost, Worker};
use crate::briefing::{Briefing, Input, OpenError, open_until};

/// What a load's thread sends back.
pub type Outcome = Result<Briefing, OpenError>;

/// A load's result, as an action: its generation and its outcome, taken once. Cloning shares
/// the outcome (actions are `Clone`; a briefing is too big to copy for that).
#[derive(Clone, Debug)]
pub struct Loaded {
    pub generation: u64,
    outcome: Arc<Mutex<Option<Outcome>>>,
}

impl Loaded {
    #[must_use]
    pub fn new(generation: u64, outcome: Outcome) -> Self {
        Self {
            generation,
            outcome: Arc::new(Mutex::new(Some(outcome))),
        }
    }

    /// The outcome, the first time it is asked for.
    pub(super) fn take(&self) -> Option<Outcome> {
        self.outcome
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && Arc::ptr_eq(&self.outcome, &other.outcome)
    }
}

impl Eq for Loaded {}

/// Why a load was started, which says what its result does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// The first load, behind a preview: taken silently; a failure ends the reader.
    Start,
    /// `r`: said when taken; errors listed in a window.
    Reload,
    /// The files changed on disk: taken underneath what is open (see `reload.rs`).
    FilesChanged,
    /// `U` wrote the sheet back as it was before a change: taken without a word (the undo
    /// was said when it was written); errors listed as a reload's.
    Undo,
}

/// A load in flight.
#[derive(Debug)]
struct Pending {
    generation: u64,
    why: Why,
    job: Job,
}

/// A load's thread, as its starter holds it: where its outcome arrives, and what tells it to
/// stop, which dropping the job does (no one waits for its outcome any more).
#[derive(Debug)]
pub struct Job {
    worker: Worker<Outcome>,
    turns: Turns,
}

impl Job {
    /// A load whose outcome arrives on `rx` from whatever sends it (a test standing for the
    /// thread).
    #[must_use]
    pub fn on(rx: Receiver<Outcome>) -> Self {
        Self {
            worker: Worker::on(rx),
            turns: Turns::default(),
        }
    }

    /// The outcome, once it has arrived.
    #[must_use]
    pub fn take(&self) -> Option<Outcome> {
        self.worker.take().map(|o| o.unwrap_or_else(lost))
    }

    /// The outcome, waited for.
    pub fn wait(&self) -> Outcome {
        self.worker.wait().unwrap_or_else(lost)
    }

    /// The outcome, waited for at most `timeout`.
    #[must_use]
    pub fn wait_at_most(&self, timeout: std::time::Duration) -> Option<Outcome> {
        (self.worker.wait_at_most(timeout)).map(|o| o.unwrap_or_else(lost))
    }
}

/// A load whose thread ended without a word (it panicked): said as a load that failed.
fn lost(_: Lost) -> Outcome {
    Err(OpenError::Invalid {
        diagnostics: Vec::new(),
        summary: "loading stopped unexpectedly".into(),
    })
}

/// One load reads at a time: a load superseded is told to stop (it does at its check's next
/// step: see [`crate::briefing::open_until`]), and the next one waits for it to end before
/// reading. Else each `r` typed during a long load started another beside it: four at 256 MiB
/// held 2.5 GB and shared the two cores.
#[derive(Clone, Debug, Default)]
struct Turns(Arc<Mutex<()>>);

/// The loading state of the reader (see the module's documentation).
#[derive(Debug, Default)]
pub struct Loading {
    /// Loads run on a thread of their own (the terminal's reader), not on the caller's.
    pub background: bool,
    /// The generation of the last load started.
    generation: u64,
    pending: Option<Pending>,
    /// The briefing shown is a preview: the whole one is still to come.
    preview: bool,
    /// What was asked of the preview that must wait for the whole briefing, in order.
    deferred: Vec<Action>,
    /// Why the first load failed: the reader ends, and the command prints it.
    failed: Option<OpenError>,
    /// Shared by every load of this reader, the first one's included.
    turns: Turns,
}

/// When the first load began to read the files, if that was before the reader watched them:
/// the watch, started after the first frame, is told of a change made in between by the files'
/// times ([`crate::watch::Watch::missed_since`]). Shared by the load's thread and the reader.
#[derive(Clone, Debug, Default)]
pub struct FirstRead(Arc<Mutex<ReadState>>);

#[derive(Debug, Default)]
struct ReadState {
    watched: bool,
    from: Option<std::time::SystemTime>,
}

impl FirstRead {
    /// The load begins to read the files: noted, unless they are watched already.
    fn reading(&self) {
        let mut state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if !state.watched {
            state.from.get_or_insert_with(std::time::SystemTime::now);
        }
    }

    /// The files are watched from now on: when the load began to read them before, if it did.
    #[must_use]
    pub fn watched(&self) -> Option<std::time::SystemTime> {
        let mut state = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        state.watched = true;
        state.from
    }
}

/// The longest a load started with a gate waits for it to open.
const GATE_WAIT: std::time::Duration = std::time::Duration::from_millis(50);

/// Starts loading the briefing `input` names on a thread of its own, beginning once `gate`
/// opens (its sender sends or is dropped), or after [`GATE_WAIT`]: the reader opens it once its
/// first frame is drawn, so that on two cores the load does not slow the first frame (by about
/// a quarter, for the preview of a long article). When it begins to read is noted in `read`.
/// The thread is never joined: a reader that quits leaves it to the process's exit.
#[must_use]
pub fn spawn_after(input: Input, gate: Option<Receiver<()>>, read: FirstRead) -> Job {
    start_job(input, gate, read, Turns::default())
}

/// [`spawn_after`], taking its turn among `turns`.
fn start_job(input: Input, gate: Option<Receiver<()>>, read: FirstRead, turns: Turns) -> Job {
    let taking = turns.clone();
    let started = Worker::spawn("load", move |stop| {
        if let Some(gate) = gate {
            let _ = gate.recv_timeout(GATE_WAIT);
        }
        held_back_for_tests();
        // Held to the end, past the outcome's drop when no one takes it.
        let _turn = taking.0.lock().unwrap_or_else(PoisonError::into_inner);
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        read.reading();
        let outcome = open_until(&input, stop)?;
        // The reader's search reads the folded text whole: made here, so that the first
        // search begins at once (at 256 MiB it takes half a second).
        if let Ok(b) = &outcome
            && !stop.load(Ordering::Relaxed)
        {
            let _ = b.article.folded_str();
        }
        Some(outcome)
    });
    let worker = started.unwrap_or_else(|e| {
        // No thread to be had: the outcome says so, as a load that cannot run.
        let (tx, failed) = mpsc::channel();
        let _ = tx.send(Err(OpenError::CannotRun(crate::briefing::CannotRun::Io {
            path: "<load thread>".into(),
            source: e,
        })));
        Worker::on(failed)
    });
    Job { worker, turns }
}

/// Only when `BRIEFING_TEST_LOAD_WAIT` is set (to milliseconds): the terminal tests use it to
/// hold every load, and every check of a change ([`super::commit_job`]), back that long, as a
/// huge fact sheet or article would, and see what the reader does meanwhile.
pub(super) fn held_back_for_tests() {
    held_for_tests("BRIEFING_TEST_LOAD_WAIT");
}

/// Sleeps as many milliseconds as the environment variable `var` says, if it is set: what the
/// terminal tests hold back this way is said where it is called.
pub(crate) fn held_for_tests(var: &str) {
    if let Some(ms) = std::env::var(var).ok().and_then(|v| v.parse().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

impl Loading {
    /// The first load, already running behind a preview (see [`spawn_after`]).
    #[must_use]
    pub fn behind_preview(job: Job) -> Self {
        Self {
            background: true,
            generation: 1,
            turns: job.turns.clone(),
            pending: Some(Pending {
                generation: 1,
                why: Why::Start,
                job,
            }),
            preview: true,
            deferred: Vec::new(),
            failed: None,
        }
    }

    /// Starts a new load, superseding any in flight; its generation. Behind a preview, the new
    /// load is still the first one (a reload then must not be said); one because the files
    /// changed, while an undo's load is in flight, is still the undo's.
    pub fn start(&mut self, input: &Input, why: Why) -> u64 {
        self.generation += 1;
        let undoing = self.undoing();
        let why = if self.preview {
            Why::Start
        } else if undoing && why == Why::FilesChanged {
            // The watcher saw the undo's own write: still the undo, taken without a word.
            Why::Undo
        } else {
            why
        };
        self.pending = Some(Pending {
            generation: self.generation,
            why,
            job: start_job(
                input.clone(),
                None,
                FirstRead::default(),
                self.turns.clone(),
            ),
        });
        self.generation
    }

    /// The outcome of the load in flight, as an action, once it has arrived.
    #[must_use]
    pub fn arrived(&self) -> Option<Action> {
        let pending = self.pending.as_ref()?;
        let outcome = pending.job.take()?;
        Some(Action::Loaded(Loaded::new(pending.generation, outcome)))
    }

    /// Takes the load of `generation` as arrived: why it was started, or `None` when it was
    /// superseded (a stale result, dropped).
    pub(super) fn finish(&mut self, generation: u64) -> Option<Why> {
        // A stale generation, or a result whose load was dropped (see `supersede`).
        if generation != self.generation || self.pending.is_none() && !self.preview {
            return None;
        }
        let why = self.pending.take().map_or(
            if self.preview {
                Why::Start
            } else {
                Why::Reload
            },
            |p| p.why,
        );
        if why == Why::Start {
            self.preview = false;
        }
        Some(why)
    }

    /// A briefing was loaded on the caller's thread (a curation's change, its undo): a reload
    /// in flight read the files before it and would bring the old version back, so it is
    /// dropped. The first load behind a preview is never dropped (nothing is curated then:
    /// those actions are deferred).
    pub(super) fn supersede(&mut self) {
        if !self.preview && self.pending.is_some() {
            self.generation += 1;
            self.pending = None;
        }
    }

    /// A load is in flight: the header says so.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.pending.is_some()
    }

    /// The briefing shown is a preview.
    #[must_use]
    pub fn preview(&self) -> bool {
        self.preview
    }

    /// The generation of the last load started.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether `action` must wait for the whole briefing: while a preview is shown, it needs
    /// the mention index or the whole text, or an action before it waits already. Never for
    /// what must happen now. `window` is true while a window (the help) takes the keys: they
    /// act on it alone. `listless` is true while the keys go to a list pane that the preview
    /// leaves empty (it holds only the `[briefing]` table of a long fact sheet): `2 j j Enter`
    /// then follows the third actor once they are in, not the first.
    #[must_use]
    pub fn defers(&self, action: &Action, window: bool, listless: bool) -> bool {
        if now(action) {
            return false;
        }
        if self.preview {
            let focus = matches!(
                action,
                Action::FocusNext | Action::FocusPrev | Action::Focus(_)
            );
            return !self.deferred.is_empty()
                || (!window && (listless && !focus || needs_whole(action)));
        }
        // While an undo's load is in flight, the briefing shown is the one before the undo: a
        // change waits for the sheet as undone, so that its dialog offers what is there, and so
        // do the words selected for it (in the article as it is once the undo is in).
        self.undoing() && (!self.deferred.is_empty() || (!window && curates(action)))
    }

    /// An undo's load is in flight.
    fn undoing(&self) -> bool {
        self.pending.as_ref().is_some_and(|p| p.why == Why::Undo)
    }

    /// Keeps `action` for when the briefing is loaded.
    pub(super) fn defer(&mut self, action: Action) {
        self.deferred.push(action);
    }

    /// Whether actions wait for the whole briefing (the terminal then holds the keys that come
    /// after them, to be read in the context they will meet).
    #[must_use]
    pub fn deferring(&self) -> bool {
        !self.deferred.is_empty()
    }

    /// The actions deferred, in order, to replay now.
    pub(super) fn take_deferred(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.deferred)
    }

    /// The first load failed: the reader ends with this.
    pub(super) fn fail(&mut self, e: OpenError) {
        self.deferred.clear();
        self.failed = Some(e);
    }

    /// Why the first load failed, if it did.
    #[must_use]
    pub fn into_failure(self) -> Option<OpenError> {
        self.failed
    }
}

/// Actions that are never deferred: leaving, stopping, the terminal's size and redrawing, what
/// drives the loop, and a new load (which supersedes the one in flight).
fn now(action: &Action) -> bool {
    matches!(
        action,
        Action::Quit
            | Action::Suspend
            | Action::Redraw
            | Action::Resize(..)
            | Action::Settle
            | Action::Loaded(_)
            | Action::FilesChanged
            | Action::NotWatching(_)
            | Action::Reload
            | Action::ToggleMouse
    )
}

/// Actions that change the fact sheet, open the dialog that does, or select the words it
/// takes (with the keys or the mouse).
fn curates(action: &Action) -> bool {
    action.selects()
        || matches!(
            action,
            Action::Add
                | Action::AddEvidence
                | Action::Undo
                | Action::Click(..)
                | Action::Drag(..)
                | Action::Release
        )
}

/// Actions that need the mention index, the evidence, the warnings or the whole text: those
/// that curate, and these.
fn needs_whole(action: &Action) -> bool {
    curates(action)
        || matches!(
            action,
            Action::NextHit
                | Action::PrevHit
                | Action::NextMention
                | Action::PrevMention
                | Action::Follow
                | Action::Search
                | Action::Bottom
                | Action::Back
                | Action::Forward
                | Action::ToggleOmitted
                | Action::ShowFacts
                | Action::ShowWarnings
                | Action::Export
                | Action::Copy
                | Action::ToggleUnclaimed
                | Action::NextLink
                | Action::PrevLink
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behind_a_preview_what_needs_the_index_waits_and_so_does_what_follows_it() {
        let (_tx, rx) = mpsc::channel();
        let mut l = Loading::behind_preview(Job::on(rx));
        assert!(!l.defers(&Action::Down, false, false));
        assert!(l.defers(&Action::NextHit, false, false));
        assert!(
            !l.defers(&Action::NextHit, true, false),
            "the help window's own keys"
        );
        l.defer(Action::NextHit);
        assert!(
            l.defers(&Action::Down, false, false),
            "nothing overtakes what waits"
        );
        assert!(!l.defers(&Action::Quit, false, false));
        assert!(l.finish(0).is_none(), "a stale generation");
        assert_eq!(l.finish(1), Some(Why::Start));
        assert!(!l.preview() && !l.defers(&Action::NextHit, false, false));
        assert_eq!(l.take_deferred(), vec![Action::NextHit]);
        // Keys for a list the preview leaves empty (a long fact sheet's `[briefing]` alone).
        let mut l = Loading::behind_preview(Job::on(mpsc::channel().1));
        assert!(
            l.defers(&Action::Down, false, true),
            "a list the preview lacks"
        );
        assert!(
            !l.defers(&Action::FocusNext, false, true),
            "moving to another pane"
        );
        assert!(
            !l.defers(&Action::Down, true, true),
            "the help window's own keys"
        );
        l.defer(Action::Down);
        assert!(
            l.defers(&Action::FocusNext, false, true),
            "nothing overtakes what waits"
        );
    }

    /// A load waits for the one before it to end before reading; one told to stop before its
    /// turn ends without reading; the next then loads.
    #[test]
    fn one_load_reads_at_a_time_and_one_superseded_never_reads() {
        let turns = Turns::default();
        let turn = turns.0.lock().unwrap();
        let (waiting, stopped) = (FirstRead::default(), FirstRead::default());
        let job = start_job(Input::Bundled, None, stopped.clone(), turns.clone());
        let next = start_job(Input::Bundled, None, waiting.clone(), turns.clone());
        std::thread::sleep(std::time::Duration::from_millis(100));
        assert!(
            waiting.0.lock().unwrap().from.is_none(),
            "a load read while another had its turn"
        );
        let told = job.worker.stop_flag();
        told.store(true, Ordering::Relaxed);
        drop(turn);
        // The thread ends without sending anything.
        assert!(matches!(job.worker.wait(), Err(Lost)));
        assert_eq!(
            stopped.watched(),
            None,
            "a load told to stop read the files"
        );
        assert!(next.wait().is_ok());
        assert!(waiting.watched().is_some());
    }

    /// The first load's reading is noted only when it begins before the files are watched.
    #[test]
    fn a_read_is_noted_only_before_the_watch() {
        let early = FirstRead::default();
        early.reading();
        let at = early.watched().expect("read before the watch");
        early.reading();
        assert_eq!(early.watched(), Some(at), "the first reading is the one");
        let late = FirstRead::default();
        assert_eq!(late.watched(), None);
        late.reading();
        assert_eq!(late.watched(), None, "read after the watch began");
    }

    /// Behind an undo's load, a change and the selection it takes (and what comes after them)
    /// wait for the sheet as undone; nothing else waits, and nothing waits behind a reload.
    #[test]
    fn a_change_waits_for_an_undos_load() {
        let mut l = Loading {
            background: true,
            ..Loading::default()
        };
        let input = Input::Bundled;
        let undo = l.start(&input, Why::Undo);
        assert!(!l.defers(&Action::Down, false, false));
        assert!(!l.defers(&Action::NextHit, false, false));
        assert!(!l.defers(&Action::Quit, false, false));
        assert!(
            !l.defers(&Action::Add, true, false),
            "in a window, `a` is the window's"
        );
        for change in [
            Action::Select,
            Action::Add,
            Action::AddEvidence,
            Action::Undo,
        ] {
            assert!(l.defers(&change, false, false), "{change:?}");
        }
        l.defer(Action::Add);
        assert!(
            l.defers(&Action::Down, false, false),
            "after a deferred change"
        );
        assert!(!l.defers(&Action::Quit, false, false));
        assert_eq!(l.finish(undo), Some(Why::Undo));
        assert!(!l.defers(&Action::Add, false, false), "the undo is in");
        assert_eq!(l.take_deferred(), vec![Action::Add]);
        l.start(&input, Why::Reload);
        assert!(
            !l.defers(&Action::Add, false, false),
            "a reload is checked when written"
        );
    }

    /// The watcher sees the undo's own write: the load it starts is still the undo's, taken
    /// without a word; a reload asked for meanwhile is a reload.
    #[test]
    fn the_files_changed_by_an_undo_are_still_the_undo() {
        let mut l = Loading {
            background: true,
            ..Loading::default()
        };
        let input = Input::Bundled;
        let undo = l.start(&input, Why::Undo);
        let changed = l.start(&input, Why::FilesChanged);
        assert!(l.finish(undo).is_none(), "superseded");
        assert_eq!(l.finish(changed), Some(Why::Undo));
        l.start(&input, Why::Undo);
        let asked = l.start(&input, Why::Reload);
        assert_eq!(l.finish(asked), Some(Why::Reload));
        let changed = l.start(&input, Why::FilesChanged);
        assert_eq!(l.finish(changed), Some(Why::FilesChanged));
    }
}
