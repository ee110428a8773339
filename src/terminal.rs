//! The one module that owns the real terminal: raw mode, the alternate screen, mouse capture
//! and bracketed paste on the way in; the same undone on the way out, on error, on panic, on
//! every signal that ends the process (see [`crate::signals`]), and around a stop (Ctrl-z or
//! an outside SIGTSTP); and the event loop that turns terminal events into actions, and changes
//! to the files read (see [`crate::watch`]) into [`Action::FilesChanged`].

use std::collections::VecDeque;
use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::style::{Attribute, SetAttribute};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGTSTP};

/// The longest the reader waits for the terminal to say its background colour, once at start:
/// a terminal that answers does so in a few milliseconds; one that does not support the query
/// answers the device-attributes query sent with it at once; only one that answers neither
/// costs this.
pub const BACKGROUND_QUERY_TIMEOUT: Duration = Duration::from_millis(100);

/// Whether the terminal's background is light, as it says when asked its background colour
/// (OSC 11, by terminal-colorsaurus, which compares it with the foreground's lightness), within
/// `timeout`; `None` when it does not say (it cannot be asked, does not answer, or `TERM=dumb`).
#[must_use]
pub fn light_background(timeout: Duration) -> Option<bool> {
    let mut options = terminal_colorsaurus::QueryOptions::default();
    options.timeout = timeout;
    match terminal_colorsaurus::theme_mode(options) {
        Ok(terminal_colorsaurus::ThemeMode::Light) => Some(true),
        Ok(terminal_colorsaurus::ThemeMode::Dark) => Some(false),
        Err(_) => None,
    }
}

use crate::app::keys::Context;
use crate::app::{Action, App, Effect, Pending};
use crate::view;
use crate::watch::Watch;

mod paint;

/// The terminal the reader draws on. The backend writes into a buffer of its own, flushed once
/// at the end of every frame: standard output's own buffer is 1 KiB, so a first frame of 22 KB
/// went out in 22 writes, each waking the terminal. `Terminal::draw` flushes, and so does every
/// other backend call but the clearing in `Terminal::resize` (flushed after it, in `events`), so
/// nothing is left in the buffer between frames for a write straight to standard output (the
/// clipboard, leaving the alternate screen) to overtake.
type Term = Terminal<CrosstermBackend<io::BufWriter<io::Stdout>>>;

/// Bytes the backend holds before it writes: a whole frame of a large terminal, mostly.
const FRAME_BUFFER: usize = 64 * 1024;

/// How often the loop wakes without input, to notice a signal…
const TICK: Duration = Duration::from_millis(200);
/// …or, while a search runs on another thread, to take its matches…
const SETTLE_TICK: Duration = Duration::from_millis(4);
/// …or, while an export is written on another thread, to take its outcome (a FIFO may wait
/// for its reader for minutes: no need to look as often as for a search)…
const EXPORT_TICK: Duration = Duration::from_millis(50);
/// …or, while the briefing is loaded on another thread, to take it (see `app/loading.rs`)…
const LOAD_TICK: Duration = Duration::from_millis(10);
/// …or, while the files are watched, to take a change to them: a save is on screen within this
/// and [`crate::watch::QUIET`] (and the reload).
const FILES_TICK: Duration = Duration::from_millis(100);

/// How long the loop waits for more of a burst of input before drawing. Not zero: with the
/// event source chosen in Cargo.toml, `poll(Duration::ZERO)` never looks at what was already
/// read (crossterm-rs/crossterm#839), so each event of a burst would cost a frame. A timeout
/// under a millisecond is a non-blocking poll(2), so a burst that has ended costs at most this.
const DRAIN: Duration = Duration::from_micros(200);

/// How long a resumed reader lets a signal that came while it was stopped reach its handler.
const RESUME_GRACE: Duration = Duration::from_millis(20);

/// How long the loop has to leave by itself after a termination signal, or after the terminal
/// went away, before the watcher ends the process.
const GRACE: Duration = Duration::from_secs(2);
/// How often the watcher looks.
const WATCH_TICK: Duration = Duration::from_millis(250);

/// How the reader ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    Quit,
    /// By this signal (one of [`crate::signals::all_terminating`]; SIGHUP when the terminal
    /// went away).
    Signal(i32),
}

/// Restores the terminal when dropped, whatever way the reader ends.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
        let told = std::mem::take(
            &mut *BESIDE
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        );
        for message in told {
            eprintln!("{message}");
        }
    }
}

/// What threads beside the reader said when they panicked, to print once the terminal is given
/// back (see the panic hook in [`run`]).
static BESIDE: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Whether the reader holds the terminal: taken by [`enter`], given back by [`restore`]. A
/// terminal already given back (before a stop) is not "restored" again on the way out: from the
/// background that would write over the shell's screen, or stop the reader for good (SIGTTOU).
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Gives the terminal back: cooked mode, the main screen, no mouse reports or bracketed paste,
/// the cursor shown. Nothing when it is not the reader's, or when the reader is no longer in
/// the terminal's foreground (stopped by SIGSTOP and ended by `kill %1`): the shell holds it then.
fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) || !in_foreground() {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Takes the terminal: raw mode, the alternate screen with plain attributes, mouse reports
/// (unless `M` turned them off) and bracketed paste.
fn enter(mouse: bool) -> io::Result<()> {
    TAKEN.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        SetAttribute(Attribute::Reset),
        EnableBracketedPaste
    )?;
    capture_mouse(mouse)
}

/// Mouse reports on, or off so that the terminal selects text itself.
fn capture_mouse(on: bool) -> io::Result<()> {
    if on {
        execute!(io::stdout(), EnableMouseCapture)
    } else {
        execute!(io::stdout(), DisableMouseCapture)
    }
}

/// Runs the reader until it quits or is told to stop; reloads the files read when they change
/// on disk, when `watch_files` (see [`crate::watch`]). `first_frame` is dropped once the first
/// frame is drawn; `first_read` says when the first load read the files, if before the watch.
///
/// # Panics
/// Only when `BRIEFING_TEST_PANIC` is set: the tests use it to prove that a panic leaves the
/// terminal restored.
pub fn run(
    app: &mut App,
    watch_files: bool,
    first_frame: Option<std::sync::mpsc::Sender<()>>,
    first_read: &crate::app::loading::FirstRead,
) -> io::Result<Ended> {
    let previous = std::panic::take_hook();
    let ui = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() != ui && TAKEN.load(Ordering::SeqCst) {
            // A thread beside the reader (a load, a search, a check) panicked: the reader goes
            // on and says that the work stopped, as its channel is cut. Giving the terminal
            // back here would leave the reader drawing on the shell's screen, and the message
            // would be drawn over: it is printed once the terminal is given back.
            BESIDE
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(format!(
                    "briefing: a thread beside the reader panicked: {info}"
                ));
            return;
        }
        restore();
        previous(info);
    }));
    // A signal only sets a flag; the loop notices within a tick and leaves through the guard,
    // so the terminal is restored and no export is left half-written — or, for SIGTSTP, gives
    // the terminal back and stops as Ctrl-z does.
    let flags = Flags::register()?;
    let signal = Arc::clone(&flags.ended);
    watch(Arc::clone(&signal))?;
    let guard = Guard;
    // Started in the background (`briefing &`): wait, stopped, for `fg` before touching the
    // terminal, as the kernel would stop it (SIGTTOU); `kill %1` ends it untouched.
    if !in_foreground() && !wait_for_foreground(&flags)? {
        return Ok(Ended::Signal(signal_or_hangup(flags.ended())));
    }
    enter(app.mouse())?;
    // crossterm's event source, and with it the handler that turns SIGWINCH into a resize
    // event, is made by the first poll: made here, before the size is read, so that a resize
    // after the read is never lost (one between the first frame and the loop's first poll
    // could be: likely why the PTY test that resizes as soon as the first frame shows failed
    // once in eight runs). Nothing is taken: whatever waits is read by the loop.
    event::poll(Duration::ZERO)?;
    // The app caps the size it draws (see `App::resize`); the terminal's buffers are made for
    // that, never for the whole of a 65535×65535 terminal.
    let size = ratatui::crossterm::terminal::size()?;
    app.update(Action::Resize(size.0, size.1));
    let mut terminal = new_terminal(app)?;
    // A terminal that goes away during the first frame is a hangup, as in the loop: the
    // outcome is told below the same way.
    // Only when `BRIEFING_TEST_FRAME_WAIT` is set (to milliseconds): the terminal tests hold
    // the first frame back that long, as a terminal slow to answer would, and change the files
    // meanwhile.
    crate::app::loading::held_for_tests("BRIEFING_TEST_FRAME_WAIT");
    let first = draw_first(&mut terminal, app);
    let mut drawn = true;
    // The files are watched once the first frame is out (setting up the watch, its thread and
    // its inotify watches took a quarter of a millisecond of the first frame's four), and
    // before the load that waits for the first frame is let go (`first_frame` dropped: see
    // `loading::spawn_after`). A load that read the files before they were watched (one not
    // held back for the first frame, or held longer than the 50 ms it waits at most, behind a
    // terminal slow to answer the colour query) may have missed a change made since: the
    // files' times tell the watch.
    let mut files = None;
    if watch_files {
        files = start_watching(app);
        if let (Some(watch), Some(read)) = (&mut files, first_read.watched()) {
            watch.missed_since(read);
        }
        // Not watching is said on the status bar: drawn again.
        drawn &= files.is_some() || app.watched_files().is_empty();
    }
    drop(first_frame);
    assert!(
        std::env::var_os("BRIEFING_TEST_PANIC").is_none(),
        "BRIEFING_TEST_PANIC is set"
    );
    let outcome = first.and_then(|()| events(app, &mut terminal, &flags, &mut files, drawn));
    // ratatui's `Terminal` shows the cursor when dropped and, if it cannot, prints that with
    // `eprintln!` — which panics when standard error is the terminal that went away. Show it
    // here instead; if that fails there is no terminal left to give it back to, and the
    // terminal's buffers are left for the process's exit to free.
    // (Not at all when the terminal was given back already.)
    if TAKEN.load(Ordering::SeqCst) && in_foreground() && terminal.show_cursor().is_ok() {
        drop(terminal);
    } else {
        std::mem::forget(terminal);
    }
    let ended = match outcome {
        Ok(ended) => ended,
        // A terminal that went away fails the next read or write: that is a hangup, whether or
        // not its signal has arrived yet, not an error to report (to a terminal no one sees).
        Err(_) if signal.load(Ordering::Relaxed) != 0 || !io::stdout().is_terminal() => {
            Ended::Signal(signal_or_hangup(signal.load(Ordering::Relaxed)))
        }
        Err(e) => return Err(e),
    };
    drop(guard);
    Ok(ended)
}

/// What the signal handlers tell the loop, which reads it on every turn.
struct Flags {
    /// The signal that ends the reader, once one came (0 before).
    ended: Arc<AtomicUsize>,
    /// SIGTSTP came from outside: give the terminal back and stop, as Ctrl-z does.
    stop: Arc<AtomicBool>,
    /// SIGCONT came: the reader was stopped, perhaps by a signal it cannot catch (SIGSTOP) or
    /// must not (SIGTTIN, SIGTTOU: a handler would make the terminal call that raised them
    /// raise them again), so the terminal may be as the shell left it.
    resumed: Arc<AtomicBool>,
}

impl Flags {
    fn register() -> io::Result<Self> {
        let ended = Arc::new(AtomicUsize::new(0));
        for sig in crate::signals::all_terminating() {
            signal_hook::flag::register_usize(
                sig,
                Arc::clone(&ended),
                sig.unsigned_abs() as usize,
            )?;
        }
        let stop = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTSTP, Arc::clone(&stop))?;
        let resumed = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGCONT, Arc::clone(&resumed))?;
        Ok(Self {
            ended,
            stop,
            resumed,
        })
    }

    fn ended(&self) -> usize {
        self.ended.load(Ordering::Relaxed)
    }
}

/// Starts watching the files the briefing was read from (none for the bundled sample). When
/// that cannot be done, the status bar says so, once, and the reader goes on without.
fn start_watching(app: &mut App) -> Option<Watch> {
    let files = app.watched_files();
    if files.is_empty() {
        return None;
    }
    Watch::start(&files)
        .map_err(|e| app.update(Action::NotWatching(e.to_string())))
        .ok()
}

/// Takes a change to the files watched, if one is due: the app reloads them. Watches the files
/// the briefing now names (a reload may name another article); when one of them cannot be
/// watched, stops watching, and the status bar says so. Whether the app was updated.
fn take_changes(app: &mut App, files: &mut Option<Watch>) -> bool {
    let Some(watch) = files else {
        return false;
    };
    if let Err(e) = watch.follow(&app.watched_files()) {
        *files = None;
        app.update(Action::NotWatching(e.to_string()));
        return true;
    }
    if watch.changed() {
        app.update(Action::FilesChanged);
        return true;
    }
    false
}

/// The event loop: draws, takes events, applies their actions, until the reader quits or a
/// signal says to stop; reloads the files when they change. `drawn`: the screen shows the app
/// as it is already (`run` drew the first frame).
#[allow(
    clippy::too_many_lines,
    reason = "one loop, read in order; to split (issue 16)"
)]
fn events(
    app: &mut App,
    terminal: &mut Term,
    flags: &Flags,
    files: &mut Option<Watch>,
    drawn: bool,
) -> io::Result<Ended> {
    // Nothing changed since the first frame (unless the watch could not start): drawing it
    // again would cost a render, for no byte written.
    let mut dirty = !drawn;
    // Events that came while an export was being written (see `holds`).
    let mut held: VecDeque<Event> = VecDeque::new();
    // What the export being written was doing when last drawn.
    let mut drawn_status: Option<String> = None;
    let ended = 'events: loop {
        // Read on every turn, so that a stream of events (a held key, a terminal that keeps
        // reporting) cannot keep the reader from stopping either.
        if let sig @ 1.. = flags.ended() {
            break 'events Ended::Signal(signal_or_hangup(sig));
        }
        if flags.stop.swap(false, Ordering::Relaxed) {
            suspend(app, terminal, flags)?;
            dirty = true;
            continue;
        }
        if flags.resumed.swap(false, Ordering::Relaxed) {
            // Stopped without a word and resumed: take the terminal again, whatever was done
            // to it meanwhile (raw mode, the screen).
            if !wait_for_foreground(flags)? {
                continue;
            }
            restore();
            retake(app, terminal)?;
            dirty = true;
        }
        // Checked on every turn, which a tick starts at most FILES_TICK after the last.
        if take_changes(app, files) {
            dirty = true;
        }
        // The briefing loaded on another thread, once it is: the actions that waited for it
        // are replayed by the app, the keys held after them delivered below.
        if app.loading().busy() {
            match take_loaded(app, terminal, flags)? {
                Some(Next::Quit) => break 'events Ended::Quit,
                Some(Next::Stopped) => continue,
                Some(Next::Go) => dirty = true,
                None => {}
            }
        }
        if dirty {
            let (w, h) = app.size();
            let area = Rect::new(0, 0, w, h);
            if terminal.get_frame().area() != area {
                terminal.resize(area)?;
                // A viewport narrower than the terminal is cleared cell by cell through the
                // backend's `draw`, which does not flush: sent now, so that a panic in the draw
                // below cannot leave them to be written after the screen is given back.
                io::Write::flush(terminal.backend_mut())?;
            }
            // Read before drawing: the export's thread may change it during the draw, and a
            // change must never be taken for drawn when it was not.
            drawn_status = app.export_status();
            terminal.draw(|frame| view::render(app, frame))?;
            dirty = false;
        }
        // What was typed while an export was written, or while actions waited for the
        // briefing to load, once it is.
        if !app.exporting()
            && !app.committing()
            && !app.loading().deferring()
            && let Some(ev) = held.pop_front()
        {
            dirty = true;
            match deliver(app, terminal, flags, ev, Replay::Held)? {
                Next::Go | Next::Stopped => continue,
                Next::Quit => break 'events Ended::Quit,
            }
        }
        // Pending work (a search) starts only once the keys' frame is on screen, so that the
        // frame never waits for it; its result is drawn as soon as it is in.
        if app.needs_settle() || app.exporting() || app.committing() {
            let pending = app.pending();
            let committing = app.committing();
            match app.update(Action::Settle) {
                Effect::Quit => break 'events Ended::Quit,
                effect => {
                    if outside(effect, app, terminal, flags)? {
                        dirty = true;
                        continue;
                    }
                }
            }
            // A change refused (its check found errors, or the sheet changed meanwhile) leaves
            // the dialog open, saying why: the keys typed for after it are not for its fields.
            if committing && !app.committing() && app.curate_dialog().is_some() {
                held.clear();
            }
            if settled_shows(
                pending,
                app.pending(),
                drawn_status.as_deref(),
                app.export_status().as_deref(),
            ) {
                dirty = true;
                continue;
            }
        }
        let tick = if app.needs_settle() {
            SETTLE_TICK
        } else if app.loading().busy() || app.committing() {
            LOAD_TICK
        } else if app.exporting() {
            EXPORT_TICK
        } else if files.is_some() {
            FILES_TICK
        } else {
            TICK
        };
        if !event::poll(tick)? {
            continue; // the signal flag is read at the top of the loop
        }
        // Take every event that is already waiting before drawing again, so that a burst of
        // keys (a held key, a paste) costs one frame; events that do nothing (mouse moves)
        // cost none. While an export is written, or a change checked, what is typed waits for
        // it (see `held`).
        loop {
            let ev = event::read()?;
            let next = if ((app.exporting() || app.committing()) && holds(app, &ev))
                || (app.loading().deferring() && holds_for_load(app, &ev))
            {
                held.push_back(ev);
                Next::Go
            } else {
                // Esc cancels the export, or stops the check of a change: what was typed for
                // after it goes too.
                if (app.exporting() || app.committing())
                    && action_for(app, &ev) == Some(Action::Cancel)
                {
                    held.clear();
                }
                dirty = true;
                deliver(app, terminal, flags, ev, Replay::Now)?
            };
            match next {
                Next::Go => {}
                Next::Quit => break 'events Ended::Quit,
                Next::Stopped => continue 'events,
            }
            if !event::poll(DRAIN)? {
                break;
            }
        }
    };
    Ok(ended)
}

/// Takes the briefing loaded on another thread, if it has arrived (see `app/loading.rs`), and
/// does what its update asks; `None` while it has not.
fn take_loaded(app: &mut App, terminal: &mut Term, flags: &Flags) -> io::Result<Option<Next>> {
    let Some(loaded) = app.loading().arrived() else {
        return Ok(None);
    };
    Ok(Some(match app.update(loaded) {
        Effect::Quit => Next::Quit,
        effect => {
            if outside(effect, app, terminal, flags)? {
                Next::Stopped
            } else {
                Next::Go
            }
        }
    }))
}

/// What the loop does after an event.
enum Next {
    Go,
    Quit,
    /// The reader stopped and was resumed: the signal flags come first, and nothing more is
    /// read until they are (reading the terminal in the background would stop it again).
    Stopped,
}

/// Whether `ev`, come while an export is written or a change checked, waits for it to end:
/// everything but the key that cancels it, quitting, stopping, redrawing and a new size. Keys
/// typed after Enter in the export or the curation dialog are meant for what follows it
/// (`e Enter q`); held, they reach the reader as it is once the dialog has closed, not the
/// dialog's fields (a change refused leaves its dialog open: they are dropped).
fn holds(app: &App, ev: &Event) -> bool {
    !matches!(ev, Event::Resize(..))
        && !matches!(
            action_for(app, ev),
            Some(Action::Cancel | Action::Quit | Action::Suspend | Action::Redraw)
        )
}

/// Whether `ev`, come while actions wait for the briefing to load, waits for them: everything
/// but what must happen now (quitting, stopping, redrawing, a new size). Held, a key is read
/// once they have been replayed, in the context they leave (after a deferred `/`, the keys
/// typed next are the query).
fn holds_for_load(app: &App, ev: &Event) -> bool {
    !matches!(ev, Event::Resize(..))
        && !matches!(
            action_for(app, ev),
            Some(Action::Quit | Action::Suspend | Action::Redraw)
        )
}

/// When an event is applied.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Replay {
    /// As it comes.
    Now,
    /// Once what held it ended (see `holds`): it leaves the message saying how that ended
    /// ([`Action::Replayed`]).
    Held,
}

/// Applies an event, and does what its update asks of the world outside the app.
fn deliver(
    app: &mut App,
    terminal: &mut Term,
    flags: &Flags,
    ev: Event,
    when: Replay,
) -> io::Result<Next> {
    for ev in split_escape(app, ev) {
        if let Some(action) = action_for(app, &ev) {
            let action = match when {
                Replay::Now => action,
                Replay::Held => Action::Replayed(Box::new(action)),
            };
            match app.update(action) {
                Effect::Quit => return Ok(Next::Quit),
                effect => {
                    if outside(effect, app, terminal, flags)? {
                        return Ok(Next::Stopped);
                    }
                }
            }
        }
    }
    Ok(Next::Go)
}

/// Does what an update asked of the world outside the app (all but quitting); true after a
/// stop.
fn outside(effect: Effect, app: &mut App, terminal: &mut Term, flags: &Flags) -> io::Result<bool> {
    match effect {
        Effect::Copy(text) => copy(&text)?,
        Effect::Mouse(on) => capture_mouse(on)?,
        Effect::Redraw => {
            // Whatever wrote on the terminal may have changed its modes and attributes too:
            // all of them are set again, and the frame drawn whole.
            restore();
            retake(app, terminal)?;
        }
        Effect::Suspend => {
            suspend(app, terminal, flags)?;
            return Ok(true);
        }
        Effect::None | Effect::Quit => {}
    }
    Ok(false)
}

/// A key that arrives as Esc and another key in one read (`Esc` then `j` typed fast, over a
/// slow link, or sent at once) reaches crossterm as Alt and that key. Where Alt and the key
/// mean nothing, it is taken as the two keys it most likely was.
fn split_escape(app: &App, ev: Event) -> Vec<Event> {
    let contexts = app.key_contexts();
    // In a text field, an Alt key that means nothing is nothing: taken as Esc, it would close
    // the field and lose what was typed.
    let typing = contexts.contains(&Context::Input);
    if let Event::Key(key) = ev
        && !typing
        && key.modifiers.contains(KeyModifiers::ALT)
        && app.keys().action(&contexts, key).is_none()
    {
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        let plain = KeyEvent::new(key.code, key.modifiers - KeyModifiers::ALT);
        return vec![Event::Key(esc), Event::Key(plain)];
    }
    vec![ev]
}

/// Once the terminal is gone, crossterm's event source spins inside `event::poll` and never
/// returns (crossterm-rs/crossterm#793): the loop would not see a signal again, and the process
/// would burn a core until killed. This thread ends the process when the loop has not left
/// within [`GRACE`] of a termination signal, or of standard output no longer being a terminal
/// (a hangup that brought no signal, as under `nohup`). An export is written by the loop
/// itself, which finishes it before it can notice either, so none is cut short.
fn watch(signal: Arc<AtomicUsize>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("watch".into())
        .spawn(move || {
            let mut trouble_since: Option<Instant> = None;
            loop {
                std::thread::sleep(WATCH_TICK);
                let sig = signal.load(Ordering::Relaxed);
                if sig == 0 && io::stdout().is_terminal() {
                    trouble_since = None;
                    continue;
                }
                if trouble_since.get_or_insert_with(Instant::now).elapsed() < GRACE {
                    continue;
                }
                restore();
                crate::export::output::remove_temporaries_and_exit(crate::signals::exit_status(
                    signal_or_hangup(sig),
                ));
            }
        })?;
    Ok(())
}

/// The signal the flag holds; none means the terminal went away, which is a hangup.
fn signal_or_hangup(flag: usize) -> i32 {
    match flag {
        0 => SIGHUP,
        sig => i32::try_from(sig).unwrap_or(SIGHUP),
    }
}

/// Draws the first frame: rendered as every frame is, written whole by [`paint`] onto
/// the alternate screen just entered (blank), without ratatui's diff against a blank frame, and
/// kept as the frame the next one is diffed with. No text field is open yet: the cursor is
/// hidden, as ratatui's draw hides it then.
fn draw_first(terminal: &mut Term, app: &App) -> io::Result<()> {
    view::render(app, &mut terminal.get_frame());
    let buffer = std::mem::take(terminal.current_buffer_mut());
    let painted = paint::whole(&buffer, terminal.backend_mut());
    *terminal.current_buffer_mut() = buffer;
    painted?;
    // Flushes the frame with it.
    terminal.hide_cursor()?;
    terminal.swap_buffers();
    Ok(())
}

/// A terminal drawing the area the app draws: the top left of the real one. A fixed viewport,
/// because a full-screen one would size its buffers from the real terminal, whatever its size.
fn new_terminal(app: &App) -> io::Result<Term> {
    let (w, h) = app.size();
    Terminal::with_options(
        CrosstermBackend::new(io::BufWriter::with_capacity(FRAME_BUFFER, io::stdout())),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
}

/// Whether a `Settle` changed what the screen shows: some kind of pending work ended or began
/// (a search's matches came in, the rows were all counted…), or an export's thread changed
/// what it is doing ("Waiting for a reader…") by itself since the status was drawn. Comparing
/// only whether any work was pending missed a search that ended while rows were still counted.
fn settled_shows(
    before: Pending,
    after: Pending,
    drawn_status: Option<&str>,
    status: Option<&str>,
) -> bool {
    before != after || drawn_status != status
}

/// Gives the terminal back to the shell and stops; when the shell resumes us (`fg`, SIGCONT),
/// takes it again. Our own SIGTSTP handler is in place, so the stop is SIGTSTP's default
/// action done by hand (SIGSTOP), as helix does.
fn suspend(app: &mut App, terminal: &mut Term, flags: &Flags) -> io::Result<()> {
    restore();
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    if wait_for_foreground(flags)? {
        retake(app, terminal)?;
    }
    Ok(())
}

/// After a stop: waits to be in the terminal's foreground before taking it. Resumed in the
/// background (`bg`), the reader stops again, as the kernel would stop it for touching the
/// terminal; resumed to end (bash's `kill %1` sends SIGTERM, then SIGCONT), it does not take
/// the terminal at all. False when a signal says to end.
fn wait_for_foreground(flags: &Flags) -> io::Result<bool> {
    loop {
        // A signal that came while stopped is delivered as the process resumes, perhaps to
        // another thread: give its handler a moment to set its flag.
        std::thread::sleep(RESUME_GRACE);
        flags.resumed.store(false, Ordering::Relaxed);
        if flags.ended() != 0 {
            return Ok(false);
        }
        if in_foreground() {
            return Ok(true);
        }
        signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    }
}

/// Whether the reader's process group is the terminal's foreground one (or that cannot be
/// told, in which case it goes on as if it were).
fn in_foreground() -> bool {
    rustix::termios::tcgetpgrp(io::stdin())
        .map_or(true, |group| group == rustix::process::getpgrp())
}

/// Takes the terminal again after a stop: raw mode, the alternate screen, the mouse and
/// bracketed paste, at the terminal's size now, and a whole new frame.
fn retake(app: &mut App, terminal: &mut Term) -> io::Result<()> {
    enter(app.mouse())?;
    // The terminal may have been resized meanwhile. A new terminal has empty buffers, so the
    // next frame is drawn whole. (`Terminal::clear` would ask the terminal where its cursor is,
    // and not every terminal answers.)
    execute!(io::stdout(), Clear(ClearType::All))?;
    let size = ratatui::crossterm::terminal::size()?;
    app.update(Action::Resize(size.0, size.1));
    *terminal = new_terminal(app)?;
    Ok(())
}

fn action_for(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(key) => app.keys().action(&app.key_contexts(), *key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row, now())),
            // A drag selects words in the article (`app/selection.rs`).
            MouseEventKind::Drag(MouseButton::Left) => Some(Action::Drag(m.column, m.row)),
            MouseEventKind::Up(MouseButton::Left) => Some(Action::Release),
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            _ => None,
        },
        _ => None,
    }
}

/// The loop's clock, in milliseconds since its first reading: the app tells a double click by
/// it, and stays deterministic (a test gives it the times).
fn now() -> u64 {
    static START: std::sync::LazyLock<Instant> = std::sync::LazyLock::new(Instant::now);
    u64::try_from(START.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Sends `text` to the terminal's clipboard (OSC 52), and to the desktop's clipboard tool when
/// the session has one (`clipboard`); a tool that fails to start changes nothing. OSC 52
/// carries the text base64-encoded, so nothing in it can end the sequence early; terminals
/// (and tmux, with `set-clipboard on`) pass it to the system clipboard.
fn copy(text: &str) -> io::Result<()> {
    if let Some(tool) = crate::clipboard::tool() {
        let _ = crate::clipboard::copy(&tool, text);
    }
    execute!(io::stdout(), CopyToClipboard::to_clipboard_from(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A search that ends while the rows are still counted is drawn: work is still pending,
    /// but not the same work.
    #[test]
    fn a_settle_that_ends_one_kind_of_work_is_drawn() {
        let counting = Pending {
            rows: true,
            ..Pending::default()
        };
        let searching = Pending {
            search: true,
            ..counting
        };
        assert!(settled_shows(searching, counting, None, None));
        assert!(settled_shows(counting, Pending::default(), None, None));
        // Rows counted on, nothing else changed: not worth a frame every few milliseconds.
        assert!(!settled_shows(counting, counting, None, None));
        // An export's thread said something new.
        assert!(settled_shows(
            counting,
            counting,
            None,
            Some("Waiting for a reader…")
        ));
    }
}
