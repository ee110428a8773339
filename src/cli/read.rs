//! `briefing [PATH]`: the reader. A fact sheet with errors does not open (the same messages as
//! `check`, exit status 2), and without a terminal to draw on the reader says so.

use std::io::IsTerminal;
use std::path::Path;

use super::{Failure, input};
use crate::app::App;
use crate::briefing::open;
use crate::terminal::Ended;

pub fn run(path: Option<&Path>) -> Result<u8, Failure> {
    let input = input(path)?;
    let briefing = open(&input)?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        let shown = path.map_or(String::new(), |p| format!(" {}", p.display()));
        return Err(Failure::Usage(format!(
            "the reader needs a terminal, and standard {} is not one; \
             for a file or a pipe, use `briefing export{shown} --format markdown` (or json, csv, toml)",
            if std::io::stdout().is_terminal() {
                "input"
            } else {
                "output"
            }
        )));
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let app = App::new(briefing, input, color);
    match crate::terminal::run(app) {
        Ok(Ended::Quit) => Ok(0),
        // The shell convention for "ended by a signal".
        Ok(Ended::Signal(sig)) => Ok(u8::try_from(128 + sig).unwrap_or(1)),
        Err(e) => Err(Failure::Write(format!("terminal error: {e}"))),
    }
}
