//! The one module that owns the real terminal: raw mode, the alternate screen and mouse
//! capture on the way in; the same undone on the way out, on error and on panic; and the event
//! loop that turns terminal events into actions.

use std::io::{self, Write};
use std::time::Duration;

use base64::Engine as _;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::app::{Action, App, Effect};
use crate::view;

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
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Runs the reader until it quits.
///
/// # Panics
/// Only when `BRIEFING_TEST_PANIC` is set: the tests use it to prove that a panic leaves the
/// terminal restored.
pub fn run(mut app: App) -> io::Result<()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    let guard = Guard;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(io::stdout()),
        TerminalOptions {
            viewport: Viewport::Fullscreen,
        },
    )?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    assert!(
        std::env::var_os("BRIEFING_TEST_PANIC").is_none(),
        "BRIEFING_TEST_PANIC is set"
    );
    'events: loop {
        terminal.draw(|frame| view::render(&app, frame))?;
        // Take every event that is already waiting before drawing again, so that a burst of
        // keys (a held key, a paste) costs one frame.
        let mut next = Some(event::read()?);
        while let Some(ev) = next {
            if let Some(action) = action_for(&app, &ev) {
                match app.update(action) {
                    Effect::Quit => break 'events,
                    Effect::Copy(text) => copy(&text)?,
                    Effect::None => {}
                }
            }
            next = if event::poll(Duration::ZERO)? {
                Some(event::read()?)
            } else {
                None
            };
        }
    }
    drop(terminal);
    drop(guard);
    Ok(())
}

fn action_for(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(key) => app.keys().action(&app.key_contexts(), *key),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
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
