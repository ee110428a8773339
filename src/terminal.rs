//! The one module that owns the real terminal: raw mode, the alternate screen, mouse capture
//! and bracketed paste on the way in; the same undone on the way out, on error, on panic, on
//! every signal that ends the process (see [`crate::signals`]), and around a stop (Ctrl-z or
//! an outside SIGTSTP); and the event loop that turns terminal events into actions.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use base64::Engine as _;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGTSTP};

use crate::app::{Action, App, Effect};
use crate::view;

/// How often the loop wakes without input, to notice a signal…
const TICK: Duration = Duration::from_millis(200);
/// …or, while a search runs on another thread, to take its matches…
const SETTLE_TICK: Duration = Duration::from_millis(4);
/// …or, while an export is written on another thread, to take its outcome (a FIFO may wait
/// for its reader for minutes: no need to look as often as for a search).
const EXPORT_TICK: Duration = Duration::from_millis(50);

/// How long the loop waits for more of a burst of input before drawing. Not zero: with the
/// event source chosen in Cargo.toml, `poll(Duration::ZERO)` never looks at what was already
/// read (crossterm-rs/crossterm#839), so each event of a burst would cost a frame. A timeout
/// under a millisecond is a non-blocking poll(2), so a burst that has ended costs at most this.
const DRAIN: Duration = Duration::from_micros(200);

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
    }
}

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Runs the reader until it quits or is told to stop.
///
/// # Panics
/// Only when `BRIEFING_TEST_PANIC` is set: the tests use it to prove that a panic leaves the
/// terminal restored.
pub fn run(mut app: App) -> io::Result<Ended> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    // A signal only sets a flag; the loop notices within a tick and leaves through the guard,
    // so the terminal is restored and no export is left half-written — or, for SIGTSTP, gives
    // the terminal back and stops as Ctrl-z does.
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in crate::signals::all_terminating() {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig.unsigned_abs() as usize)?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(SIGTSTP, Arc::clone(&stop))?;
    watch(Arc::clone(&signal))?;
    let guard = Guard;
    enter()?;
    // The app caps the size it draws (see `App::resize`); the terminal's buffers are made for
    // that, never for the whole of a 65535×65535 terminal.
    let size = ratatui::crossterm::terminal::size()?;
    app.update(Action::Resize(size.0, size.1));
    let mut terminal = new_terminal(&app)?;
    assert!(
        std::env::var_os("BRIEFING_TEST_PANIC").is_none(),
        "BRIEFING_TEST_PANIC is set"
    );
    let outcome = events(&mut app, &mut terminal, &signal, &stop);
    // ratatui's `Terminal` shows the cursor when dropped and, if it cannot, prints that with
    // `eprintln!` — which panics when standard error is the terminal that went away. Show it
    // here instead; if that fails there is no terminal left to give it back to, and the
    // terminal's buffers are left for the process's exit to free.
    if terminal.show_cursor().is_ok() {
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

/// The event loop: draws, takes events, applies their actions, until the reader quits or a
/// signal says to stop.
fn events(
    app: &mut App,
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    signal: &AtomicUsize,
    stop: &AtomicBool,
) -> io::Result<Ended> {
    let mut dirty = true;
    let ended = 'events: loop {
        // Read on every turn, so that a stream of events (a held key, a terminal that keeps
        // reporting) cannot keep the reader from stopping either.
        if let sig @ 1.. = signal.load(Ordering::Relaxed) {
            break 'events Ended::Signal(signal_or_hangup(sig));
        }
        if stop.swap(false, Ordering::Relaxed) {
            suspend(app, terminal)?;
            dirty = true;
        }
        if dirty {
            let (w, h) = app.size();
            let area = Rect::new(0, 0, w, h);
            if terminal.get_frame().area() != area {
                terminal.resize(area)?;
            }
            terminal.draw(|frame| view::render(app, frame))?;
            dirty = false;
        }
        // Pending work (a search) starts only once the keys' frame is on screen, so that the
        // frame never waits for it; its result is drawn as soon as it is in.
        if app.needs_settle() {
            app.update(Action::Settle);
            if !app.needs_settle() {
                dirty = true;
                continue;
            }
        }
        if app.exporting() {
            app.update(Action::Settle);
            if !app.exporting() {
                dirty = true;
                continue;
            }
        }
        let tick = if app.needs_settle() {
            SETTLE_TICK
        } else if app.exporting() {
            EXPORT_TICK
        } else {
            TICK
        };
        if !event::poll(tick)? {
            continue; // the signal flag is read at the top of the loop
        }
        // Take every event that is already waiting before drawing again, so that a burst of
        // keys (a held key, a paste) costs one frame; events that do nothing (mouse moves)
        // cost none.
        loop {
            let ev = event::read()?;
            if let Some(action) = action_for(app, &ev) {
                dirty = true;
                match app.update(action) {
                    Effect::Quit => break 'events Ended::Quit,
                    Effect::Copy(text) => copy(&text)?,
                    Effect::Suspend => suspend(app, terminal)?,
                    Effect::None => {}
                }
            }
            if !event::poll(DRAIN)? {
                break;
            }
        }
    };
    Ok(ended)
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
                crate::output::remove_temporaries_and_exit(crate::signals::exit_status(
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

/// A terminal drawing the area the app draws: the top left of the real one. A fixed viewport,
/// because a full-screen one would size its buffers from the real terminal, whatever its size.
fn new_terminal(app: &App) -> io::Result<Terminal<CrosstermBackend<io::Stdout>>> {
    let (w, h) = app.size();
    Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
}

/// Gives the terminal back to the shell and stops; when the shell resumes us (`fg`, SIGCONT),
/// takes it again. Our own SIGTSTP handler is in place, so the stop is SIGTSTP's default
/// action done by hand (SIGSTOP), as helix does.
fn suspend(app: &mut App, terminal: &mut Terminal<CrosstermBackend<io::Stdout>>) -> io::Result<()> {
    restore();
    signal_hook::low_level::emulate_default_handler(SIGTSTP)?;
    enter()?;
    // The terminal may have been resized meanwhile. A new terminal has empty buffers, so the
    // next frame is drawn whole. (`Terminal::clear` would ask the terminal where its cursor is,
    // and not every terminal answers.)
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
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Scroll(m.column, m.row, 1)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(m.column, m.row, -1)),
            _ => None,
        },
        _ => None,
    }
}

/// Puts text on the clipboard with OSC 52, which terminals (and tmux, with `set-clipboard
/// on`) pass to the system clipboard. The text travels base64-encoded, so nothing in it can
/// end the sequence early.
fn copy(text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
