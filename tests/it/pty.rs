//! A real terminal: the binary in a pseudo-terminal, driven by keys and read back as a screen.
//!
//! This module owns what only a real terminal can show: that the reader starts in an 80×24
//! terminal, answers keys sent as bytes, and gives the terminal back as it found it (line
//! discipline, alternate screen, mouse capture), whether it quits, panics, or never opens
//! because the fact sheet has errors. What the reader draws is tested much faster on
//! ratatui's `TestBackend` (see `harness::Reader`); these tests only prove that the real thing
//! is wired up the same way.

use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{
    Child, CommandBuilder, ExitStatus, MasterPty, PtyPair, PtySize, native_pty_system,
};
use serde_json::Value;

mod curate;
mod loading;
mod watch;

const COLS: u16 = 80;
const ROWS: u16 = 24;
/// Generous, because a loaded CI machine can take a while to start a debug binary; a passing
/// test never waits this long.
const PATIENCE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

const ENTER_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049h";
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
/// The private modes crossterm 0.29's `EnableMouseCapture` sets: normal, button-event and
/// any-event tracking, then the RXVT and SGR encodings. `DisableMouseCapture` resets each.
const MOUSE_MODES: [&str; 5] = ["1000", "1002", "1003", "1015", "1006"];

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("briefing")
}

/// A new pseudo-terminal of ROWS × COLS.
fn pty() -> PtyPair {
    native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal")
}

/// The binary with `args` and `env`, started in `cwd`, in a colour terminal and without
/// anything from the test's own environment that would change what it shows.
fn command(args: &[&str], env: &[(&str, &str)], cwd: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(binary());
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("NO_COLOR");
    // The palette and 24-bit colour follow these.
    cmd.env_remove("COLORTERM");
    cmd.env_remove("COLORFGBG");
    cmd.env_remove("BRIEFING_TEST_PANIC");
    cmd.env_remove("BRIEFING_TEST_LOAD_WAIT");
    cmd.env_remove("BRIEFING_TEST_CHECK_PANIC");
    // A backtrace (CI often asks for one) would scroll a panic's message off the 24 rows.
    cmd.env_remove("RUST_BACKTRACE");
    cmd.env_remove("RUST_LIB_BACKTRACE");
    for (key, value) in env {
        cmd.env(key, value);
    }
    // portable-pty would otherwise start the child in the home folder.
    cmd.cwd(cwd);
    cmd
}

/// The binary running in a pseudo-terminal, with everything it wrote kept twice: as bytes, to
/// look for escape sequences, and as the screen a terminal would show.
struct Session {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    /// Receives once the reader thread has seen the end of the output, so that checks on the
    /// whole output do not race the last bytes.
    output_ended: mpsc::Receiver<()>,
    /// The terminal settings before the binary ran. nix's `Termios` reaches us through
    /// portable-pty without being re-exported, so it cannot be named here without adding nix as
    /// a dependency; its `Debug` output lists every field, which makes it a faithful stand-in
    /// for comparing settings.
    termios_before: String,
}

impl Session {
    /// Starts the binary with `args` in a new 80×24 terminal.
    fn spawn(args: &[&str], env: &[(&str, &str)], cwd: &Path) -> Self {
        Self::start(command(args, env, cwd))
    }

    /// Starts `cmd` (see [`command`]) in a new 80×24 terminal.
    fn start(cmd: CommandBuilder) -> Self {
        let pair = pty();
        let termios_before = termios(&*pair.master);
        assert!(
            local_flags(&*pair.master).iter().any(|f| f == "ICANON"),
            "a new pseudo-terminal starts in canonical (cooked) mode, or the raw mode checks \
             below prove nothing"
        );

        let child = pair
            .slave
            .spawn_command(cmd)
            .expect("the briefing binary starts in the pseudo-terminal");
        // Only the child may hold the terminal's slave side open: once it exits, reading the
        // master ends, which is how the reader thread knows it has all the output.
        drop(pair.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            ROWS.try_into().expect("rows are not zero"),
            COLS.try_into().expect("columns are not zero"),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (ended, output_ended) = mpsc::channel();
        let mut reader = pair
            .master
            .try_clone_reader()
            .expect("a reader on the pseudo-terminal");
        let (thread_parser, thread_raw) = (Arc::clone(&parser), Arc::clone(&raw));
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        lock(&thread_raw).extend_from_slice(&buf[..n]);
                        lock(&thread_parser).process(&buf[..n]);
                    }
                    Err(e) if e.kind() == ErrorKind::Interrupted => {}
                    // Linux reports the closed slave side as EIO rather than end of file.
                    Err(_) => break,
                }
            }
            // The test may have given up waiting already.
            let _ = ended.send(());
        });
        let writer = pair
            .master
            .take_writer()
            .expect("a writer on the pseudo-terminal");

        Self {
            master: pair.master,
            writer,
            child,
            parser,
            raw,
            output_ended,
            termios_before,
        }
    }

    /// Types `keys` as a terminal would send them.
    fn press(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .unwrap_or_else(|e| panic!("send {keys:?} to the reader: {e}"));
    }

    /// The screen once `done` holds for it; panics with `what` and the last screen otherwise.
    fn screen_once(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        wait_for(&self.parser, Instant::now() + PATIENCE, done)
            .unwrap_or_else(|screen| panic!("timed out waiting for {what}; the screen:\n{screen}"))
    }

    /// Waits for the binary to exit and for the last of its output.
    fn exit_status(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if Instant::now() < deadline => thread::sleep(POLL),
                Ok(None) => panic!(
                    "the reader did not exit within {PATIENCE:?}; the screen:\n{}",
                    screen_text(&self.parser)
                ),
                Err(e) => panic!("cannot tell whether the reader exited: {e}"),
            }
        };
        self.output_ended
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the terminal's output ends once the reader has exited");
        status
    }

    fn raw(&self) -> Vec<u8> {
        lock(&self.raw).clone()
    }

    /// Whether `needle` was written at or after byte `from`, and how much was written: looked
    /// up in place, since a frame of 1024×512 is megabytes, too much to copy every poll.
    fn wrote_since(&self, from: usize, needle: &[u8]) -> (bool, usize) {
        let raw = lock(&self.raw);
        (
            find(&raw[from.min(raw.len())..], needle).is_some(),
            raw.len(),
        )
    }

    /// Everything the binary wrote, readable in a failure message.
    fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw())
            .escape_debug()
            .to_string()
    }

    /// Waits for the binary to exit, and asserts that it exited with status 0 and gave the
    /// terminal back (see [`Session::assert_terminal_restored`]).
    fn assert_ended_well(&mut self) {
        let status = self.exit_status();
        assert!(
            status.success(),
            "{status}; the screen:\n{}",
            screen_text(&self.parser)
        );
        self.assert_terminal_restored();
    }

    /// Asserts that the terminal is back as the binary found it: its settings (so raw mode is
    /// off again), the main screen, and no mouse reporting, both in the escape sequences sent
    /// and in the state a terminal that obeyed them is left in.
    fn assert_terminal_restored(&self) {
        let flags = local_flags(&*self.master);
        assert!(
            ["ICANON", "ECHO"]
                .iter()
                .all(|f| flags.iter().any(|g| g == f)),
            "raw mode is still on: the local flags are {flags:?}"
        );
        assert_eq!(
            termios(&*self.master),
            self.termios_before,
            "the terminal settings differ from before the reader ran"
        );
        let raw = self.raw();
        let entered = rfind(&raw, ENTER_ALTERNATE_SCREEN)
            .unwrap_or_else(|| panic!("never entered the alternate screen: {}", self.raw_text()));
        assert!(
            find(&raw[entered..], LEAVE_ALTERNATE_SCREEN).is_some(),
            "the alternate screen was not left after it was last entered: {}",
            self.raw_text()
        );
        for mode in MOUSE_MODES {
            let set = format!("\x1b[?{mode}h");
            let reset = format!("\x1b[?{mode}l");
            let set_at = rfind(&raw, set.as_bytes())
                .unwrap_or_else(|| panic!("mouse mode {mode} was never set: {}", self.raw_text()));
            assert!(
                rfind(&raw, reset.as_bytes()).is_some_and(|at| at > set_at),
                "mouse mode {mode} was left on: {}",
                self.raw_text()
            );
        }
        let parser = lock(&self.parser);
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "the mouse still reports"
        );
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
    }
}

impl Drop for Session {
    /// A failed test must not leave the binary running, holding the terminal. This runs before
    /// the fields are dropped, which matters: portable-pty's writer types a newline and an
    /// end-of-file into the terminal when it is dropped, and a running reader would take the
    /// newline for Enter.
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Polls the screen until `done` holds for its text, and returns that text; after `deadline`,
/// returns the last screen as the error, so that a failure shows what was there instead.
fn wait_for(
    parser: &Mutex<vt100::Parser>,
    deadline: Instant,
    done: impl Fn(&str) -> bool,
) -> Result<String, String> {
    loop {
        let screen = screen_text(parser);
        if done(&screen) {
            return Ok(screen);
        }
        if Instant::now() >= deadline {
            return Err(screen);
        }
        thread::sleep(POLL);
    }
}

/// The screen, all 24 rows, so that the last line is always the status bar.
fn screen_text(parser: &Mutex<vt100::Parser>) -> String {
    lock(parser)
        .screen()
        .rows(0, COLS)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text in the Article pane, its wrapped lines joined again, since at 80 columns a name
/// can wrap in the middle. The pane is the box whose top border carries the title "Article";
/// the sample has no double-width characters, so a character is a column.
fn article_text(screen: &str) -> String {
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let top = rows
        .iter()
        .position(|r| r.iter().collect::<String>().contains(" Article "))
        .unwrap_or_else(|| panic!("no Article pane on the screen:\n{screen}"));
    let right = rows[top]
        .iter()
        .position(|&c| matches!(c, '┐' | '┓'))
        .unwrap_or_else(|| panic!("the Article pane has no top right corner:\n{screen}"));
    let lines: Vec<String> = rows[top + 1..]
        .iter()
        .take_while(|r| !matches!(r.first(), Some('└' | '┗')))
        .map(|r| r.get(1..right).unwrap_or_default().iter().collect())
        .collect();
    lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn status_bar(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

/// The rows below the panes: the status bar, and above it a message too long for the bar,
/// wrapped.
fn message_rows(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let panes_end = lines
        .iter()
        .rposition(|l| l.starts_with(['└', '┗']))
        .map_or(0, |n| n + 1);
    lines[panes_end..].join(" ")
}

/// A lock that a panicking reader thread does not turn into a second, confusing panic: the
/// data is still worth showing.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The terminal's settings, as the kernel keeps them for the pair (reading them through the
/// master works even after the child closed the slave side).
fn termios(master: &dyn MasterPty) -> String {
    format!(
        "{:?}",
        master
            .get_termios()
            .expect("the pseudo-terminal's settings (termios)")
    )
}

/// The names of the local-mode flags that are set: `ICANON` and `ECHO` in a cooked terminal,
/// neither in raw mode. Read by name from nix's `Debug` output, for the reason given on
/// [`Session::termios_before`].
fn local_flags(master: &dyn MasterPty) -> Vec<String> {
    let termios = master
        .get_termios()
        .expect("the pseudo-terminal's settings (termios)");
    format!("{:?}", termios.local_flags)
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The bundled briefing as `briefing export --format json` gives it, which is where the
/// expected mention counts come from rather than from numbers copied into the test.
fn bundled_export() -> Value {
    let out = std::process::Command::new(binary())
        .args(["export", "--format", "json"])
        .env_remove("NO_COLOR")
        .output()
        .expect("run briefing export");
    assert!(
        out.status.success(),
        "briefing export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the export is JSON")
}

fn mention_count(actor: &Value) -> usize {
    actor["mentions"]
        .as_array()
        .expect("every exported actor has a mentions array")
        .len()
}

#[test]
fn following_an_actor_in_a_real_terminal_then_quitting_restores_it() {
    let doc = bundled_export();
    let mut actors: Vec<&Value> = doc["actors"]
        .as_array()
        .expect("the export has an actors array")
        .iter()
        .collect();
    // The Actors pane's order: most mentioned first, ties by name.
    actors.sort_by(|a, b| {
        mention_count(b)
            .cmp(&mention_count(a))
            .then_with(|| a["name"].as_str().cmp(&b["name"].as_str()))
    });
    let row = actors
        .iter()
        .position(|a| a["id"] == "douglas-jones")
        .expect("the sample has Douglas Jones");
    let mentions = mention_count(actors[row]);
    assert!(mentions >= 2, "the test steps through two mentions");

    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = Session::spawn(&[], &[], dir.path());
    session.screen_once("the article", |s| {
        s.contains("Next week, NATO will present") && s.contains("Actors")
    });
    // Without this, finding the settings restored at the end would prove nothing.
    let running = local_flags(&*session.master);
    assert!(
        !running.iter().any(|f| f == "ICANON" || f == "ECHO"),
        "the reader runs without raw mode: the local flags are {running:?}"
    );

    session.press("2");
    session.screen_once("the Actors pane to take the focus", |s| {
        status_bar(s).contains("actor ")
    });
    session.press(&format!("g{}", "j".repeat(row)));
    let at = format!("actor {}/{}", row + 1, actors.len());
    session.screen_once(&at, |s| status_bar(s).contains(&at));

    // Enter follows and keeps the focus in Actors (issue 13); 1 goes to the Article.
    session.press("\r1");
    let first = format!("mention 1/{mentions} · Douglas Jones");
    let screen = session.screen_once(&first, |s| status_bar(s).contains(&first));
    // The name is in the Actors list and the status bar too; only the Article pane counts.
    assert!(
        article_text(&screen).contains("Douglas Jones"),
        "the article does not show Douglas Jones:\n{screen}"
    );

    session.press("n");
    let second = format!("mention 2/{mentions} · Douglas Jones");
    session.screen_once(&second, |s| status_bar(s).contains(&second));

    session.press("q");
    session.assert_ended_well();
}

/// Issue 13: `--theme light|dark` chooses the palette, and without it `COLORFGBG` does; 24-bit
/// colour is sent only where `COLORTERM` announces it. Seen in the colour of the first
/// mention of NATO (an organisation) and in the escape sequences sent.
#[test]
fn the_theme_flag_and_colorfgbg_choose_the_palette() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let dark = vt100::Color::Idx(14);
    let light = vt100::Color::Idx(30);
    for (args, env, expected) in [
        (&[][..], &[][..], dark),
        (&["--theme", "light"][..], &[][..], light),
        (&[][..], &[("COLORFGBG", "0;15")][..], light),
        (&["--theme", "dark"][..], &[("COLORFGBG", "0;15")][..], dark),
    ] {
        let mut session = Session::spawn(args, env, dir.path());
        let (color, screen) = first_nato_color(&session);
        assert_eq!(color, expected, "{args:?} {env:?}:\n{screen}");
        session.press("q");
        session.assert_ended_well();
    }
}

/// The colour of the first mention of NATO (an organisation), once the article is drawn, and
/// the screen.
fn first_nato_color(session: &Session) -> (vt100::Color, String) {
    let screen = session.screen_once("the article", |s| {
        s.contains("Next week, NATO will present") && s.contains("Actors")
    });
    let (row, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("Next week, NATO"))
        .expect("the first line of the article");
    let col = line
        .find("NATO")
        .map(|byte| line[..byte].chars().count())
        .expect("NATO on the line");
    let color = lock(&session.parser)
        .screen()
        .cell(
            u16::try_from(row).expect("a row"),
            u16::try_from(col).expect("a column"),
        )
        .expect("a cell")
        .fgcolor();
    (color, screen)
}

/// Issue 13, item 18: when neither `--theme` nor `COLORFGBG` says, the terminal is asked its
/// background (OSC 11): a light one gets the light palette; one that does not answer, the dark
/// palette once the short wait is over; with `NO_COLOR` it is not asked.
#[test]
fn the_terminal_is_asked_its_background_when_nothing_else_says() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let (dark, light) = (vt100::Color::Idx(14), vt100::Color::Idx(30));
    // A light terminal: black on white, and its answer to the device-attributes query.
    let mut session = Session::spawn(&[], &[], dir.path());
    wait_for_bytes(&session, 0, b"\x1b]11;?", "the background asked");
    session.press("\x1b]10;rgb:0000/0000/0000\x07\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;22c");
    let (color, screen) = first_nato_color(&session);
    assert_eq!(color, light, "{screen}");
    session.press("q");
    session.assert_ended_well();
    // A dark one.
    let mut session = Session::spawn(&[], &[], dir.path());
    wait_for_bytes(&session, 0, b"\x1b]11;?", "the background asked");
    session.press("\x1b]10;rgb:ffff/ffff/ffff\x07\x1b]11;rgb:0000/0000/0000\x07\x1b[?62;22c");
    let (color, screen) = first_nato_color(&session);
    assert_eq!(color, dark, "{screen}");
    session.press("q");
    session.assert_ended_well();
    // One that answers nothing: the dark palette (the other tests' terminal is such a one).
    // COLORFGBG, or no colour at all: not asked.
    for env in [&[("COLORFGBG", "0;15")][..], &[("NO_COLOR", "1")][..]] {
        let mut session = Session::spawn(&[], env, dir.path());
        session.screen_once("the article", |s| {
            s.contains("Next week, NATO will present")
        });
        session.press("q");
        session.assert_ended_well();
        assert!(
            find(&session.raw(), b"\x1b]11;?").is_none(),
            "{env:?}: {}",
            session.raw_text()
        );
    }
}

/// Issue 13: the evidence's background is 24-bit colour only where `COLORTERM` announces it,
/// else a colour of the 256-colour palette.
#[test]
fn twenty_four_bit_colour_only_where_colorterm_announces_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (env, sent, not_sent) in [
        (&[][..], &b"48;5;236m"[..], &b"48;2;"[..]),
        (
            &[("COLORTERM", "truecolor")][..],
            &b"48;2;58;52;30m"[..],
            &b"48;5;236m"[..],
        ),
    ] {
        let mut session = Session::spawn(&[], env, dir.path());
        session.screen_once("the article", |s| s.contains("Timeline"));
        // The fifth event followed: its evidence is highlighted.
        session.press("3gjjjj\r1");
        session.screen_once("the event followed", |s| {
            status_bar(s).contains("evidence · ")
        });
        session.press("q");
        session.assert_ended_well();
        let raw = session.raw();
        assert!(
            find(&raw, sent).is_some(),
            "{env:?}: {}",
            session.raw_text()
        );
        assert!(
            find(&raw, not_sent).is_none(),
            "{env:?}: {}",
            session.raw_text()
        );
    }
}

#[test]
fn a_panic_in_the_reader_restores_the_terminal_and_shows_the_message() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = Session::spawn(&[], &[("BRIEFING_TEST_PANIC", "1")], dir.path());
    let status = session.exit_status();
    assert!(
        !status.success() && status.signal().is_none(),
        "a panic exits with a failure status of its own, not {status}"
    );
    let raw = String::from_utf8_lossy(&session.raw()).into_owned();
    assert!(
        raw.contains("BRIEFING_TEST_PANIC is set"),
        "the panic message is missing: {}",
        session.raw_text()
    );
    session.assert_terminal_restored();
    // The hook restores the terminal before the message is printed, so the message lands on
    // the main screen, where it stays after the reader is gone.
    let screen = screen_text(&session.parser);
    assert!(
        screen.contains("BRIEFING_TEST_PANIC is set"),
        "the panic message is not on the screen:\n{screen}"
    );
}

#[test]
fn a_fact_sheet_with_errors_never_takes_over_the_terminal() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        dir.path().join("facts.toml"),
        "[briefing]\ntitle = \"x\"\narticle = \"missing.txt\"\n",
    )
    .expect("write facts.toml");
    let mut session = Session::spawn(&["facts.toml"], &[], dir.path());
    let status = session.exit_status();
    let screen = screen_text(&session.parser);
    assert_eq!(
        (status.exit_code(), status.signal()),
        (2, None),
        "{status}; the screen:\n{screen}"
    );
    assert!(
        screen.contains("does not exist"),
        "the error is not on the screen:\n{screen}"
    );
    let raw = session.raw();
    assert!(
        find(&raw, ENTER_ALTERNATE_SCREEN).is_none(),
        "entered the alternate screen: {}",
        session.raw_text()
    );
    for mode in MOUSE_MODES {
        assert!(
            find(&raw, format!("\x1b[?{mode}h").as_bytes()).is_none(),
            "set mouse mode {mode}: {}",
            session.raw_text()
        );
    }
    assert_eq!(
        termios(&*session.master),
        session.termios_before,
        "the terminal settings changed"
    );
}

#[test]
fn a_dumb_or_unknown_terminal_is_refused_before_it_is_touched() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (term, says) in [
        (Some("dumb"), "TERM=dumb says this one cannot"),
        (Some(""), "TERM is empty"),
        (None, "TERM is not set"),
    ] {
        let mut cmd = command(&[], &[], dir.path());
        match term {
            Some(term) => cmd.env("TERM", term),
            None => cmd.env_remove("TERM"),
        }
        let mut session = Session::start(cmd);
        let status = session.exit_status();
        let raw = session.raw();
        assert_eq!(
            (status.exit_code(), status.signal()),
            (2, None),
            "TERM={term:?}: {status}; the output: {}",
            session.raw_text()
        );
        let text = String::from_utf8_lossy(&raw);
        for wanted in [
            says,
            "set TERM to your terminal's type",
            "`briefing export --format markdown` (or json, csv, toml)",
        ] {
            assert!(
                text.contains(wanted),
                "TERM={term:?}: no {wanted:?} in {}",
                session.raw_text()
            );
        }
        assert!(
            !raw.contains(&0x1b),
            "TERM={term:?}: an escape sequence was written: {}",
            session.raw_text()
        );
        assert_eq!(
            termios(&*session.master),
            session.termios_before,
            "TERM={term:?}: the terminal settings changed"
        );
    }
}

/// Starts the reader, sends it `signal` once the article shows, and asserts that it exits with
/// 128 + the signal's number, hands the terminal back and leaves no file behind.
fn ended_by(signal: &str, number: u32) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = Session::spawn(&[], &[], dir.path());
    session.screen_once("the article", |s| {
        s.contains("Next week, NATO will present")
    });
    let pid = session.child.process_id().expect("the reader's process id");
    let sent = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = session.exit_status();
    assert_eq!(status.exit_code(), 128 + number, "128 + SIG{signal}");
    session.assert_terminal_restored();
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("the folder").collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
}

#[test]
fn a_termination_signal_restores_the_terminal_and_exits_143() {
    ended_by("TERM", 15);
}

#[test]
fn a_hangup_restores_the_terminal_and_exits_129() {
    // What a closing terminal window sends.
    ended_by("HUP", 1);
}

#[test]
fn a_terminal_that_goes_away_ends_the_reader_instead_of_spinning() {
    // Closing the window closes the terminal's master side. crossterm then spins inside
    // `event::poll` on the dead terminal and never returns (crossterm-rs/crossterm#793), so the
    // reader must end some other way than through its event loop: with 128 + SIGHUP, soon.
    let pair = pty();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut child = pair
        .slave
        .spawn_command(command(&[], &[], dir.path()))
        .expect("the reader starts");
    drop(pair.slave);
    // Wait for the first frame on a thread that then lets go of the master, so that dropping
    // the last handle below really closes the terminal.
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let (drawn, first_frame) = mpsc::channel();
    thread::spawn(move || {
        let mut vt = vt100::Parser::new(
            ROWS.try_into().expect("rows are not zero"),
            COLS.try_into().expect("columns are not zero"),
            0,
        );
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            vt.process(&buf[..n]);
            if vt
                .screen()
                .contents()
                .contains("Next week, NATO will present")
            {
                let _ = drawn.send(());
                break;
            }
        }
    });
    let shown = first_frame.recv_timeout(PATIENCE);
    drop(pair.master);
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() < deadline => thread::sleep(POLL),
            _ => break None,
        }
    };
    if status.is_none() {
        let _ = child.kill();
        let _ = child.wait();
    }
    assert!(shown.is_ok(), "the reader never drew its first frame");
    let status = status.expect("the reader still runs after its terminal went away");
    assert_eq!(status.exit_code(), 129, "128 + SIGHUP, not {status}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("the folder").collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
}

/// Whether the process is stopped (state `T` in `/proc/PID/stat`).
fn stopped(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            // The state follows the command name, which is in parentheses.
            let after = stat.rfind(')')?;
            stat[after + 1..]
                .split_whitespace()
                .next()
                .map(|s| s == "T")
        })
        .unwrap_or(false)
}

/// Stops the reader with `stop` (Ctrl-z typed, or SIGTSTP sent from outside), checks that it
/// gave the terminal back before stopping, resumes it with SIGCONT, and checks that it takes
/// the terminal again with its state intact.
fn stops_and_resumes(stop: impl Fn(&mut Session, u32)) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = Session::spawn(&[], &[], dir.path());
    session.screen_once("the article", |s| {
        s.contains("Next week, NATO will present")
    });
    session.press("2");
    session.screen_once("the Actors pane", |s| status_bar(s).contains("actor 1/"));
    let pid = session.child.process_id().expect("the reader's process id");
    let before = session.raw().len();
    stop(&mut session, pid);
    let deadline = Instant::now() + PATIENCE;
    while !stopped(pid) {
        assert!(Instant::now() < deadline, "the reader did not stop");
        thread::sleep(POLL);
    }
    // Stopped: the terminal is the shell's again, raw mode off.
    let flags = local_flags(&*session.master);
    assert!(
        flags.iter().any(|f| f == "ICANON"),
        "raw mode is still on while the reader is stopped: {flags:?}"
    );
    // What it wrote before stopping may still be on its way through the terminal to the
    // test's reader thread; the cursor is shown last.
    while find(&session.raw()[before..], b"\x1b[?25h").is_none() {
        assert!(
            Instant::now() < deadline,
            "the cursor was not shown before stopping: {}",
            session.raw_text()
        );
        thread::sleep(POLL);
    }
    let handed_back = session.raw()[before..].to_vec();
    assert!(
        find(&handed_back, LEAVE_ALTERNATE_SCREEN).is_some(),
        "the alternate screen was not left before stopping: {}",
        session.raw_text()
    );
    for mode in MOUSE_MODES {
        let reset = format!("\x1b[?{mode}l");
        assert!(
            find(&handed_back, reset.as_bytes()).is_some(),
            "mouse mode {mode} left on over the stop: {}",
            session.raw_text()
        );
    }
    assert!(
        find(&handed_back, b"\x1b[?25h").is_some(),
        "the cursor left hidden over the stop: {}",
        session.raw_text()
    );
    signal(pid, "CONT");
    session.press("j");
    session.screen_once("the reader after it resumed", |s| {
        status_bar(s).contains("actor 2/")
    });
    let after = session.raw()[before..].to_vec();
    let left = find(&after, LEAVE_ALTERNATE_SCREEN).expect("left the alternate screen");
    assert!(
        find(&after[left..], ENTER_ALTERNATE_SCREEN).is_some(),
        "did not take the alternate screen again: {}",
        session.raw_text()
    );
    session.press("q");
    session.assert_ended_well();
}

fn signal(pid: u32, name: &str) {
    let sent = std::process::Command::new("kill")
        .args([format!("-{name}"), pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success(), "kill -{name} {pid}");
}

#[test]
fn ctrl_z_gives_the_terminal_back_stops_and_takes_it_again() {
    stops_and_resumes(|session, _| session.press("\x1a"));
}

#[test]
fn an_outside_sigtstp_gives_the_terminal_back_before_stopping() {
    stops_and_resumes(|_, pid| signal(pid, "TSTP"));
}

#[test]
fn an_interrupt_from_outside_restores_the_terminal_and_exits_130() {
    // In raw mode Ctrl-c is a key, so SIGINT only comes from outside (kill, a supervisor).
    ended_by("INT", 2);
}

#[test]
fn a_quit_signal_restores_the_terminal_and_exits_131() {
    ended_by("QUIT", 3);
}

#[test]
fn user_and_alarm_signals_restore_the_terminal_and_exit_128_plus_n() {
    ended_by("USR1", 10);
    ended_by("USR2", 12);
    ended_by("ALRM", 14);
}

/// Sends `burst` in one write, then waits for the reader to exit by itself: `burst` ends with
/// the key that quits, so every byte of it must have been handled without another key.
fn handles_a_whole_burst(burst: &str) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = Session::spawn(&[], &[], dir.path());
    session.screen_once("the article", |s| {
        s.contains("Next week, NATO will present")
    });
    session.press(burst);
    session.assert_ended_well();
}

#[test]
fn ten_thousand_keys_at_once_are_all_handled_without_another_key() {
    // crossterm 0.29's default event source reads 1,024 bytes per readiness event of an
    // edge-triggered epoll: the rest of a burst, and the `q` at its end, waited for the next key.
    handles_a_whole_burst(&format!("{}q", "j".repeat(9_999)));
}

#[test]
fn a_backlog_of_mouse_reports_is_all_handled_without_another_key() {
    // 1,000 SGR mouse moves (about 12 KB), as a terminal sends while the reader is busy.
    let moves = (0..1_000)
        .map(|i| format!("\x1b[<35;{};{}M", 1 + i % 80, 1 + i % 24))
        .collect::<Vec<_>>()
        .concat();
    handles_a_whole_burst(&format!("{moves}q"));
}

#[test]
fn a_ten_kilobyte_paste_is_all_handled_without_another_key() {
    // A paste goes into the field that is open: here the article's search, which Enter then
    // closes (with no match), and `q` quits. Before the event source was changed, the paste
    // stalled after its first 1,024 bytes.
    let text = "NATO summit ".repeat(850);
    handles_a_whole_burst(&format!("/\x1b[200~{text}\x1b[201~\rq"));
}

#[test]
fn a_terminal_of_65535_by_65535_is_drawn_in_part_and_still_quits() {
    // It used to abort in an allocation for the whole screen's buffers (nothing restored the
    // terminal), and at 20000×20000 not to honour `q` within 20 s. (Anything over 1024×512 is
    // drawn the same way, and a frame that size is megabytes for the test to read: one size.)
    for size in [u16::MAX] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut session = Session::spawn(&[], &[], dir.path());
        session.screen_once("the article", |s| {
            s.contains("Next week, NATO will present")
        });
        session
            .master
            .resize(PtySize {
                rows: size,
                cols: size,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the terminal");
        // The note is on the status bar, at row 511: past this 24-row screen, so look for it in
        // what was written — by a part without spaces: a frame drawn as the difference from
        // the last one skips a blank cell that stays blank, writing a cursor move instead.
        let note = format!("{size}×{size}:");
        // Megabytes of frames to parse at this size: on a loaded machine 10 s was too short twice.
        let deadline = Instant::now() + PATIENCE * 3;
        let mut looked = 0;
        loop {
            let (found, written) = session.wrote_since(looked, note.as_bytes());
            if found {
                break;
            }
            looked = written.saturating_sub(note.len());
            assert!(
                Instant::now() < deadline,
                "no note of the size in {written} bytes; the last of them: {}",
                session
                    .raw_text()
                    .chars()
                    .rev()
                    .take(3_000)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<String>()
            );
            thread::sleep(POLL);
        }
        session.press("q");
        session.assert_ended_well();
    }
}

#[test]
fn an_export_waiting_for_a_fifo_reader_leaves_the_reader_answering_keys() {
    // The export dialog used to open the FIFO on the reader's own loop: open(2) waited for a
    // reader and no key was read again, Ctrl-c included; only an outside SIGTERM ended it.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = waiting_on_a_fifo(dir.path());
    session.press("\x1b");
    session.screen_once("the cancelled export", |s| s.contains("cancelled"));
    session.press("\x03");
    session.assert_ended_well();
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n != "pipe")
        .collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
}

/// The reader in `dir`, its export dialog writing to the FIFO `pipe` there, which no one reads:
/// the dialog has said what `pipe` is, and that it waits for a reader.
fn waiting_on_a_fifo(dir: &Path) -> Session {
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let mut session = reading(dir);
    session.press("e");
    session.screen_once("the export dialog", |s| s.contains("briefing.json"));
    session.press(&format!("{}pipe\r", "\x7f".repeat("briefing.json".len())));
    session.screen_once("what the file is", |s| s.contains("pipe is a FIFO"));
    session.press("\r");
    session.screen_once("the wait", |s| s.contains("Waiting for a reader of pipe"));
    session
}

/// Starts the reader and waits for its first frame.
fn reading(dir: &Path) -> Session {
    let session = Session::spawn(&[], &[], dir);
    session.screen_once("the article", |s| {
        s.contains("Next week, NATO will present")
    });
    session
}

/// Waits until the process `pid` is stopped.
fn until_stopped(pid: u32) {
    let deadline = Instant::now() + PATIENCE;
    while !stopped(pid) {
        assert!(Instant::now() < deadline, "the reader did not stop");
        thread::sleep(POLL);
    }
}

#[test]
fn a_stopped_reader_told_to_end_ends_without_taking_the_terminal_again() {
    // bash's `kill %1` on a stopped job sends SIGTERM, then SIGCONT. The reader used to take
    // the terminal again first (from the background, which stopped it again for good).
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = reading(dir.path());
    let pid = session.child.process_id().expect("the reader's process id");
    let start = session.raw().len();
    session.press("\x1a");
    until_stopped(pid);
    // What it wrote before stopping may still be on its way to the test's reader thread; the
    // cursor is shown last.
    let deadline = Instant::now() + PATIENCE;
    while find(&session.raw()[start..], b"\x1b[?25h").is_none() {
        assert!(Instant::now() < deadline, "the terminal was not given back");
        thread::sleep(POLL);
    }
    let before = session.raw().len();
    signal(pid, "TERM");
    signal(pid, "CONT");
    let status = session.exit_status();
    assert_eq!(status.exit_code(), 143, "{status}");
    // Not a byte: the terminal was given back before the stop, and the shell holds it now
    // (leaving the alternate screen again would move the shell's cursor, and turning bracketed
    // paste off would take it from the shell's prompt).
    assert!(
        session.raw()[before..].is_empty(),
        "wrote to the shell's terminal on its way out: {}",
        session.raw_text()
    );
}

#[test]
fn a_reader_stopped_from_outside_takes_the_terminal_back_when_resumed() {
    // SIGSTOP cannot be caught (nor, safely, SIGTTIN and SIGTTOU): the shell meanwhile puts
    // the terminal back in cooked mode for its prompt. On SIGCONT the reader must take it again.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = reading(dir.path());
    let pid = session.child.process_id().expect("the reader's process id");
    signal(pid, "STOP");
    until_stopped(pid);
    let tty = session.master.tty_name().expect("the terminal's name");
    let sane = std::process::Command::new("stty")
        .arg("-F")
        .arg(&tty)
        .arg("sane")
        .status()
        .expect("stty runs");
    assert!(sane.success());
    assert!(local_flags(&*session.master).iter().any(|f| f == "ICANON"));
    let before = session.raw().len();
    signal(pid, "CONT");
    let deadline = Instant::now() + PATIENCE;
    while local_flags(&*session.master).iter().any(|f| f == "ICANON") {
        assert!(Instant::now() < deadline, "raw mode was not taken again");
        thread::sleep(POLL);
    }
    // The alternate screen taken again, and the article drawn on it (what it wrote may still
    // be on its way to the test's reader thread).
    while find(&session.raw()[before..], ENTER_ALTERNATE_SCREEN).is_none() {
        assert!(
            Instant::now() < deadline,
            "the alternate screen was not taken again: {}",
            session.raw_text()
        );
        thread::sleep(POLL);
    }
    session.screen_once("the article drawn again", |s| {
        s.contains("Next week, NATO will present")
    });
    session.press("q");
    session.assert_ended_well();
}

#[test]
fn esc_and_a_key_sent_together_are_two_keys() {
    // A fast `Esc q` (or one over a slow link) reaches the reader in one read, which crossterm
    // takes for Alt-q: the Esc was lost, and the help stayed open.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = reading(dir.path());
    session.press("?");
    session.screen_once("the help", |s| s.contains("Esc close"));
    session.press("\x1bq");
    session.assert_ended_well();
}

#[test]
fn keys_typed_after_enter_in_the_export_dialog_wait_for_the_export() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = reading(dir.path());
    session.press("e");
    session.screen_once("the export dialog", |s| s.contains("briefing.json"));
    session.press("\rq");
    session.assert_ended_well();
    let written = std::fs::read_to_string(dir.path().join("briefing.json")).expect("the export");
    assert!(written.starts_with('{'));
}

#[test]
fn quitting_while_an_export_waits_says_it_was_cut_short() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = waiting_on_a_fifo(dir.path());
    session.press("\x03");
    session.assert_ended_well();
    let screen = screen_text(&session.parser);
    assert!(
        screen.contains("the export to pipe was cut short"),
        "{screen}"
    );
}

#[test]
fn an_alt_key_that_means_nothing_in_a_text_field_leaves_the_field_open() {
    // Esc and a key in one read are taken as two keys outside a text field; inside one, the
    // Esc would close it and lose what was typed.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = reading(dir.path());
    session.press("/NATO");
    session.screen_once("the search", |s| status_bar(s).contains("/NATO"));
    session.press("\x1bb");
    session.press("x");
    session.screen_once("the search still open", |s| {
        status_bar(s).contains("/NATOx")
    });
    session.press("\x1b");
    session.screen_once("the search closed", |s| !status_bar(s).contains("/NATO"));
    session.press("q");
    session.assert_ended_well();
}

#[test]
fn esc_on_a_waiting_export_drops_what_was_typed_for_after_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = waiting_on_a_fifo(dir.path());
    session.press("jjjq");
    session.press("\x1b");
    let screen = session.screen_once("the cancelled export", |s| s.contains("cancelled"));
    assert!(screen.contains("File    pipe█"), "{screen}");
    session.press("\x1b");
    session.screen_once("the dialog closed", |s| !s.contains("File    pipe"));
    session.press("q");
    session.assert_ended_well();
}

#[test]
fn ctrl_l_sets_the_terminal_s_modes_and_attributes_again() {
    // Something that wrote on the terminal (`printf '\e[41;4m\e[?1000l' > /dev/pts/N`) may
    // have left a colour and turned the mouse off: Ctrl-l undoes both and draws all again.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = reading(dir.path());
    let before = session.raw().len();
    session.press("\x0c");
    let deadline = Instant::now() + PATIENCE;
    let wanted: [&[u8]; 4] = [b"\x1b[0m", b"\x1b[?1000h", b"\x1b[?2004h", b"\x1b[2J"];
    while !wanted
        .iter()
        .all(|w| find(&session.raw()[before..], w).is_some())
    {
        assert!(
            Instant::now() < deadline,
            "Ctrl-l did not set everything again: {}",
            session.raw_text()
        );
        thread::sleep(POLL);
    }
    session.screen_once("the article", |s| {
        s.contains("Next week, NATO will present")
    });
    session.press("q");
    session.assert_ended_well();
}

/// Waits for `needle` to be written after byte `from`; panics with `what` otherwise.
fn wait_for_bytes(session: &Session, from: usize, needle: &[u8], what: &str) {
    let deadline = Instant::now() + PATIENCE;
    while !session.wrote_since(from, needle).0 {
        assert!(Instant::now() < deadline, "{what}: {}", session.raw_text());
        thread::sleep(POLL);
    }
}

#[test]
fn capital_m_turns_mouse_capture_off_and_on_again() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut session = reading(dir.path());
    let before = session.raw().len();
    session.press("M");
    for mode in MOUSE_MODES {
        let reset = format!("\x1b[?{mode}l");
        wait_for_bytes(
            &session,
            before,
            reset.as_bytes(),
            "M did not turn the mouse off",
        );
    }
    let screen = session.screen_once("the status bar to say the mouse is off", |s| {
        message_rows(s).contains("Mouse off")
    });
    assert!(
        message_rows(&screen).contains("the terminal selects text"),
        "{screen}"
    );
    assert_eq!(
        lock(&session.parser).screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "the mouse still reports"
    );
    let before = session.raw().len();
    session.press("M");
    for mode in MOUSE_MODES {
        let set = format!("\x1b[?{mode}h");
        wait_for_bytes(
            &session,
            before,
            set.as_bytes(),
            "M did not turn the mouse on again",
        );
    }
    session.screen_once("the status bar to say the mouse is on", |s| {
        message_rows(s).contains("Mouse on")
    });
    session.press("q");
    session.assert_ended_well();
}
