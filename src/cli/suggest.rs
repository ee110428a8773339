//! `briefing suggest [PATH]`: prints, as TOML ready to paste, what the fact sheet leaves out.
//! Nothing when all is covered; the exit status is 0 either way.

use std::path::Path;

use super::{Failure, input};
use crate::briefing::open;
use crate::draft::suggest::{render, suggest};

pub fn run(path: Option<&Path>) -> Result<u8, Failure> {
    let b = open(&input(path)?)?;
    let out = crate::draft::render::comments_safe(render(&b, &suggest(&b)));
    super::print(&out, "the suggestions").map(|()| 0)
}
