//! `briefing suggest [PATH]`: prints, as TOML ready to paste, what the fact sheet leaves out.
//! Nothing when all is covered; the exit status is 0 either way.

use std::io::Write;
use std::path::Path;

use super::{Failure, input};
use crate::briefing::open;
use crate::draft::suggest::{render, suggest};

pub fn run(path: Option<&Path>) -> Result<u8, Failure> {
    let b = open(&input(path)?)?;
    let out = crate::draft::render::comments_safe(render(&b, &suggest(&b)));
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        return Err(Failure::Write(format!("cannot write the suggestions: {e}")));
    }
    Ok(0)
}
