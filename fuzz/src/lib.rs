//! The inputs of the fuzz targets, decoded from libFuzzer's bytes by `arbitrary`. They live here,
//! not in the targets, so that the `cases` example (seeds in, regression fixtures out) decodes
//! and encodes exactly what the targets see.

use arbitrary::Arbitrary;

pub mod checks;

/// `sheet`: any fact sheet text with any article bytes (the article every `article` path names).
#[derive(Debug, Arbitrary)]
pub struct SheetCase {
    pub sheet: String,
    pub article: Vec<u8>,
}

/// `article`: any bytes as an article file, with any `omit` lines, laid out at any width.
#[derive(Debug, Arbitrary)]
pub struct ArticleCase {
    pub bytes: Vec<u8>,
    pub omit: Vec<String>,
    pub width: u8,
    pub show_omitted: bool,
}

/// `mentions`: any text, with actors given as (name, aliases), and any `omit` lines.
#[derive(Debug, Arbitrary)]
pub struct MentionsCase {
    pub text: String,
    pub actors: Vec<(String, Vec<String>)>,
    pub omit: Vec<String>,
}
