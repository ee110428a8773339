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

    /// `text` with this fixture's folder written as `DIR`.
    pub fn relative(&self, text: &str) -> String {
        text.replace(&format!("{}/", self.dir.path().display()), "DIR/")
    }
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
