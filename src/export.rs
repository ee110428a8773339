//! Export: the resolved briefing written for other tools (JSON, CSV, TOML) and for people
//! (Markdown). Every format is produced in memory, then written by [`crate::output`].

mod csv;
mod json;
mod markdown;
mod positions;
mod toml;

use std::fmt;

use crate::briefing::Briefing;

pub use positions::MentionPositions;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    #[value(alias = "md")]
    Markdown,
    Csv,
    Toml,
}

impl Format {
    pub const ALL: [Self; 4] = [Self::Json, Self::Markdown, Self::Csv, Self::Toml];

    /// The usual file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::Toml => "toml",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Json => "json",
            Self::Markdown => "markdown",
            Self::Csv => "csv",
            Self::Toml => "toml",
        })
    }
}

/// The table a CSV export holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    #[default]
    Actors,
    Mentions,
    Events,
    Facts,
}

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    pub format: Format,
    pub table: Table,
}

/// The briefing in the requested format. `article_path` is how a TOML export names the article
/// (the fact sheet's own `article` unless the export is written elsewhere).
#[must_use]
pub fn render(b: &Briefing, request: Request, article_path: &str) -> String {
    match request.format {
        Format::Json => json::render(b),
        Format::Markdown => markdown::render(b),
        Format::Csv => csv::render(b, request.table),
        Format::Toml => toml::render(b, article_path),
    }
}
