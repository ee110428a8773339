//! `briefing suggest [PATH]`: prints, as TOML ready to paste, what the fact sheet leaves out.
//! Nothing on standard output when all is covered, and a line on standard error that says so;
//! the exit status is 0 either way.

use std::io::Write;
use std::path::Path;

use super::{Failure, input};
use crate::briefing::open;
use crate::draft::suggest::{render, suggest};
use crate::inert::one_line;

pub fn run(path: Option<&Path>) -> Result<u8, Failure> {
    let b = open(&input(path)?)?;
    let out = crate::draft::render::comments_safe(render(&b, &suggest(&b)));
    if out.is_empty() {
        let _ = writeln!(
            std::io::stderr(),
            "briefing: nothing to suggest for {}: its actors claim every name found, and its \
             events, facts and omitted lines cover every dated sentence, figure and furniture line",
            one_line(&b.sheet_path)
        );
        return Ok(0);
    }
    super::print(&out, "the suggestions").map(|()| 0)
}
