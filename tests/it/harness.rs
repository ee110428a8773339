//! What every integration test needs: the binary, and throw-away briefings on disk.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The `briefing` binary, with a clean environment for colours and terminals.
pub fn briefing() -> Command {
    let mut cmd = Command::cargo_bin("briefing").expect("the briefing binary is built");
    cmd.env_remove("NO_COLOR").env("TERM", "xterm-256color");
    cmd
}

/// A fact sheet and its article in a temporary folder.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new(sheet: &str, article: &[u8]) -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        fs::write(dir.path().join("facts.toml"), sheet).expect("write facts.toml");
        fs::write(dir.path().join("article.txt"), article).expect("write article.txt");
        Self { dir }
    }

    /// The bundled sample briefing, copied to disk.
    pub fn bundled() -> Self {
        let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        Self::new(
            &fs::read_to_string(assets.join("facts.toml")).expect("bundled facts.toml"),
            &fs::read(assets.join("article.txt")).expect("bundled article.txt"),
        )
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn sheet(&self) -> PathBuf {
        self.path("facts.toml")
    }

    /// What `briefing check` prints for this fixture's fact sheet, with its folder written as
    /// `DIR`, asserting the exit status `code`.
    pub fn check(&self, code: i32) -> String {
        let out = briefing()
            .arg("check")
            .arg(self.sheet())
            .assert()
            .code(code)
            .get_output()
            .stdout
            .clone();
        self.relative(&String::from_utf8(out).expect("check prints UTF-8"))
    }

    /// What `briefing export ARGS FACT_SHEET` prints, asserting that it succeeds.
    pub fn export(&self, args: &[&str]) -> Vec<u8> {
        briefing()
            .arg("export")
            .args(args)
            .arg(self.sheet())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    }

    /// `text` with this fixture's folder written as `DIR`.
    pub fn relative(&self, text: &str) -> String {
        text.replace(&format!("{}/", self.dir.path().display()), "DIR/")
    }
}

/// The temporary files an export leaves in `dir` if it is stopped before it renames.
pub fn temporaries(dir: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir)
        .expect("a readable folder")
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".briefing-export-")
        })
        .map(|e| e.path())
        .collect()
}

/// A small valid fact sheet over [`ARTICLE`].
pub const SHEET: &str = r#"[briefing]
title = "Small"
article = "article.txt"

[[actors]]
id = "nato"
name = "NATO"
kind = "organization"
aliases = ["the alliance"]
"#;

pub const ARTICLE: &str = "NATO met. The alliance agreed.\n";

/// The reader without a terminal: keys go through the real key table into `App::update`, and
/// frames are drawn on ratatui's `TestBackend`.
pub struct Reader {
    pub app: briefing::app::App,
    pub effects: Vec<briefing::app::Effect>,
    /// Where the export dialog writes, so tests never write into the repository.
    pub exports: tempfile::TempDir,
}

impl Reader {
    /// The bundled briefing at `width`×`height`, in colour.
    pub fn bundled(width: u16, height: u16) -> Self {
        let b = briefing::briefing::Briefing::bundled();
        Self::new(b, briefing::briefing::Input::Bundled, width, height)
    }

    /// The briefing of fixture `f` (its folder's `facts.toml`) at `width`×`height`, read
    /// from disk as the reader is: so that it can reload, watch and change the files.
    pub fn of(f: &Fixture, width: u16, height: u16) -> Self {
        let input =
            briefing::briefing::Input::from_arg(Some(f.dir.path())).expect("the fixture's folder");
        let b = briefing::briefing::open(&input).expect("the fixture opens");
        Self::new(b, input, width, height)
    }

    pub fn new(
        b: briefing::briefing::Briefing,
        input: briefing::briefing::Input,
        width: u16,
        height: u16,
    ) -> Self {
        let exports = tempfile::tempdir().expect("a temporary folder");
        let mut app = briefing::app::App::new(b, input, true).with_export_dir(exports.path());
        app.update(briefing::app::Action::Resize(width, height));
        Self {
            app,
            effects: Vec::new(),
            exports,
        }
    }

    /// The same reader on the key table `keys` instead of the built-in one.
    pub fn with_keys(self, keys: briefing::app::keys::KeyTable) -> Self {
        Self {
            app: self.app.with_keys(keys),
            ..self
        }
    }

    /// Presses keys written like `2 j j Enter` (see [`key`]), through the key table.
    pub fn press(&mut self, keys: &str) -> &mut Self {
        for token in keys.split_whitespace() {
            self.key(key(token));
        }
        self
    }

    /// Types text, one key per character.
    pub fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.key(ratatui::crossterm::event::KeyEvent::new(
                ratatui::crossterm::event::KeyCode::Char(c),
                ratatui::crossterm::event::KeyModifiers::NONE,
            ));
        }
        self
    }

    pub fn key(&mut self, event: ratatui::crossterm::event::KeyEvent) {
        let contexts = self.app.key_contexts();
        if let Some(action) = self.app.keys().action(&contexts, event) {
            let effect = self.app.update(action);
            self.effects.push(effect);
            // As the terminal loop does once the keys waiting have been taken, and then until a
            // search or an export running on another thread has delivered. (An export to a
            // FIFO waits for a reader: a test of it uses `act`, which does not wait.)
            self.settle();
        }
    }

    /// Sends [`briefing::app::Action::Settle`] until nothing is pending on another thread.
    pub fn settle(&mut self) -> &mut Self {
        while self.app.needs_settle() || self.app.exporting() {
            self.app.update(briefing::app::Action::Settle);
            if self.app.needs_settle() || self.app.exporting() {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        }
        self
    }

    pub fn act(&mut self, action: briefing::app::Action) -> &mut Self {
        let effect = self.app.update(action);
        self.effects.push(effect);
        self
    }

    /// Draws a frame at the app's size.
    pub fn draw(&self) -> ratatui::Terminal<ratatui::backend::TestBackend> {
        let (w, h) = self.app.size();
        let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h))
            .expect("a test terminal");
        terminal
            .draw(|f| briefing::view::render(&self.app, f))
            .expect("a frame");
        terminal
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        let terminal = self.draw();
        let buf = terminal.backend().buffer();
        let mut out = String::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                out.push_str(buf[(x, y)].symbol());
            }
            out.push('\n');
        }
        out
    }

    /// The status bar's text: its last row, after the rows above it where a message too long
    /// for the bar is wrapped (issue 13), joined by spaces.
    pub fn status(&self) -> String {
        let rows = usize::from(self.app.geometry().status.height.max(1));
        let screen = self.screen();
        let lines: Vec<&str> = screen.lines().collect();
        lines[lines.len().saturating_sub(rows)..]
            .iter()
            .map(|l| l.trim())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The name of an actor by index.
    pub fn actor_name(&self, n: usize) -> String {
        self.app.briefing().sheet.actors[n].name.clone()
    }

    /// The index of the actor with this id.
    pub fn actor(&self, id: &str) -> usize {
        self.app.briefing().actor_index(id).expect("a known actor")
    }
}

/// A key written as in the key table: `j`, `Enter`, `Esc`, `Tab`, `S-Tab`, `C-o`, `PgDn`.
pub fn key(token: &str) -> ratatui::crossterm::event::KeyEvent {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let (mods, name) = if let Some(rest) = token.strip_prefix("C-") {
        (KeyModifiers::CONTROL, rest)
    } else if let Some(rest) = token.strip_prefix("A-") {
        (KeyModifiers::ALT, rest)
    } else {
        (KeyModifiers::NONE, token)
    };
    let code = match name {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "S-Tab" => return KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Backspace" => KeyCode::Backspace,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PgDn" => KeyCode::PageDown,
        "PgUp" => KeyCode::PageUp,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "Space" => KeyCode::Char(' '),
        c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap()),
        other => panic!("unknown key {other:?}"),
    };
    KeyEvent::new(code, mods)
}

/// An article of 80 lines, read 30 rows down, then edited on disk (ten lines written above
/// what is read) and reloaded by `reload`: the same line must stay at the top (by its words,
/// not its row number). The reader is handed back for what else the caller checks.
pub fn reloaded_after_lines_above(reload: impl FnOnce(&mut Reader)) -> Reader {
    let lines = (1..=80)
        .map(|n| format!("Line {n} says NATO met."))
        .collect::<Vec<_>>()
        .join("\n")
        + "\n";
    let f = Fixture::new(SHEET, lines.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("1");
    for _ in 0..30 {
        r.press("j");
    }
    let first_row = |r: &Reader| {
        r.screen()
            .lines()
            .find_map(|l| {
                l.find("Line ")
                    .map(|at| l[at..].split(" says").next().unwrap_or("").to_owned())
            })
            .expect("a line of the article on screen")
    };
    let before = first_row(&r);
    assert_ne!(before, "Line 1", "the reader scrolled");
    fs::write(
        f.path("article.txt"),
        format!("{}{lines}", "A new line.\n".repeat(10)),
    )
    .expect("write article.txt");
    reload(&mut r);
    assert_eq!(first_row(&r), before);
    assert!(r.app.briefing().article.text().starts_with("A new line."));
    r
}
