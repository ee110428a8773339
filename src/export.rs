//! Export: the resolved briefing written for other tools (JSON, CSV, TOML) and for people
//! (Markdown). Every format is produced in memory, then written by [`crate::output`].

mod csv;
mod json;
mod markdown;
mod positions;
mod toml;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::briefing::{Briefing, Input};
use crate::output::{Protected, WriteError, Written, write_atomic};

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

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    pub file: Written,
    /// The article, written beside a TOML export of a briefing whose article is not a file (the
    /// bundled one), so that the exported fact sheet loads.
    pub article: Option<Written>,
}

/// The inputs an export must never replace.
fn protected<'a>(input: &'a Input, article: Option<&'a Path>) -> Vec<Protected<'a>> {
    let mut protected = Vec::new();
    if let Some(sheet) = input.sheet_path() {
        protected.push(Protected {
            path: sheet,
            what: "the fact sheet",
        });
    }
    if let Some(article) = article {
        protected.push(Protected {
            path: article,
            what: "the article",
        });
    }
    protected
}

/// Why an export to `target` would be refused, known before anything is written.
#[must_use]
pub fn refusal(input: &Input, briefing: &Briefing, target: &Path) -> Option<WriteError> {
    let article = input.article_path(&briefing.sheet.briefing.article);
    crate::output::refusal(target, &protected(input, article.as_deref()))
}

/// Renders and writes an export to `target` atomically, never over the fact sheet or the
/// article it was made from. The command line and the reader's export dialog both use it.
pub fn write_file(
    input: &Input,
    briefing: &Briefing,
    request: Request,
    target: &Path,
) -> Result<Exported, WriteError> {
    let relative = &briefing.sheet.briefing.article;
    let article = input.article_path(relative);
    let protected = protected(input, article.as_deref());
    if let Some(refused) = crate::output::refusal(target, &protected) {
        return Err(refused);
    }
    let mut article_written = None;
    if request.format == Format::Toml && article.is_none() {
        article_written = write_article_beside(target, briefing)?;
    }
    let article_for_toml = article_path_from(target, input, relative, article.as_deref());
    let text = render(briefing, request, &article_for_toml);
    let file = write_atomic(target, text.as_bytes(), &protected)?;
    Ok(Exported {
        file,
        article: article_written,
    })
}

/// A fact sheet exported from a briefing whose article is no file names an article that is
/// nowhere on disk: the article is written beside it, under the name the fact sheet gives it,
/// unless that file holds it already. A different file of that name is never replaced.
fn write_article_beside(target: &Path, b: &Briefing) -> Result<Option<Written>, WriteError> {
    let name = Path::new(&b.sheet.briefing.article);
    // Only a plain file name: `../x` or `/x` would put the article somewhere else entirely.
    if name.components().count() != 1 || name.file_name().is_none() {
        return Ok(None);
    }
    let folder = target.parent().unwrap_or(Path::new(""));
    let path = folder.join(name);
    let text = b.article.text();
    match std::fs::read(&path) {
        Ok(there) if there == text.as_bytes() => Ok(None),
        Ok(_) => Err(WriteError::ArticleInTheWay {
            path: crate::inert::escaped(&path.to_string_lossy()).into_owned(),
        }),
        Err(_) => write_atomic(&path, text.as_bytes(), &[]).map(Some),
    }
}

/// How an exported fact sheet written to `target` must name the article: as written when it
/// lands beside the original, otherwise by absolute path so that it still loads.
fn article_path_from(
    target: &Path,
    input: &Input,
    relative: &str,
    article: Option<&Path>,
) -> String {
    let (Some(sheet), Some(article)) = (input.sheet_path(), article) else {
        return relative.to_owned();
    };
    let folder = |p: &Path| -> Option<PathBuf> {
        let parent = p.parent().filter(|p| !p.as_os_str().is_empty());
        std::fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()
    };
    if folder(target).is_some() && folder(target) == folder(sheet) {
        return relative.to_owned();
    }
    std::fs::canonicalize(article).map_or_else(
        |_| relative.to_owned(),
        |p| p.to_string_lossy().into_owned(),
    )
}
