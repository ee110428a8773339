//! Export: the resolved briefing written for other tools (JSON, CSV, TOML) and for people
//! (Markdown, HTML). JSON, CSV and Markdown are written as they are made, through a buffer, so
//! that memory follows the briefing, not the export (a CSV of a large article's mentions is
//! gigabytes); TOML and HTML, which hold no list of mentions, are made whole, then written.
//! [`crate::export::output`] decides how to write by what the target is.

mod csv;
mod html;
mod json;
mod markdown;
pub mod output;
mod positions;
mod toml;

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::briefing::{Briefing, Input};
use crate::export::output::{
    Cancel, Protected, TargetKind, WriteError, Written, describe_target, write_streamed,
    write_watched,
};
use crate::inert::escaped;

pub use json::schema as json_schema;
pub use positions::MentionPositions;

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    #[value(alias = "md")]
    Markdown,
    Csv,
    Toml,
    /// One self-contained page for people without a terminal.
    Html,
}

impl Format {
    pub const ALL: [Self; 5] = [
        Self::Json,
        Self::Markdown,
        Self::Csv,
        Self::Toml,
        Self::Html,
    ];

    /// The usual file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::Toml => "toml",
            Self::Html => "html",
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
            Self::Html => "html",
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

impl Table {
    /// Every table, in the order the help and the export dialog list them.
    pub const ALL: [Self; 4] = [Self::Actors, Self::Mentions, Self::Events, Self::Facts];
}

/// The table's name, as `--table` takes it and export file names carry it.
impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Actors => "actors",
            Self::Mentions => "mentions",
            Self::Events => "events",
            Self::Facts => "facts",
        })
    }
}

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    pub format: Format,
    pub table: Table,
}

/// Writes the briefing in the requested format to `out` as it is made. `article_path` is how
/// a TOML export names the article (the fact sheet's own `article` unless the export is
/// written elsewhere). Fails only if `out` does.
///
/// The formats write in pieces of a few bytes (a key, an indent, a number): they go into a
/// buffer of a known type, where each write is inlined, and `out` (often a `dyn Write`, where
/// each would be a call through a vtable) takes them 64 KiB at a time.
pub fn write(
    b: &Briefing,
    request: Request,
    article_path: &str,
    out: impl Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, out);
    match request.format {
        Format::Json => json::write(b, &mut out),
        Format::Markdown => markdown::write(b, &mut out),
        Format::Csv => csv::write(b, request.table, &mut out),
        // A fact sheet's size, held whole as it is built.
        Format::Toml => out.write_all(toml::render(b, article_path).as_bytes()),
        Format::Html => out.write_all(html::render(b).as_bytes()),
    }?;
    out.flush()
}

/// The briefing in the requested format, whole in memory; see [`write`], which the command
/// line and the reader use.
#[must_use]
pub fn render(b: &Briefing, request: Request, article_path: &str) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail, and every format is UTF-8.
    let _ = write(b, request, article_path, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
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

/// Why an export to `target` would be refused, known before anything is written: it would
/// replace the fact sheet or the article, or the target is a folder or cannot be written
/// safely. See [`refusal_for`], which knows the format too.
#[must_use]
pub fn refusal(input: &Input, briefing: &Briefing, target: &Path) -> Option<WriteError> {
    let article = input.article_path(&briefing.sheet.briefing.article);
    crate::export::output::refusal(target, &protected(input, article.as_deref()))
}

/// As [`refusal`], and for this request: a TOML export of a briefing whose article is built in
/// writes the article beside it, so it must not be written where the article goes.
#[must_use]
pub fn refusal_for(
    input: &Input,
    briefing: &Briefing,
    request: Request,
    target: &Path,
) -> Option<WriteError> {
    refusal(input, briefing, target).or_else(|| {
        let beside = article_beside(input, briefing, request, target)?;
        crate::export::output::same_target(target, &beside).then(|| {
            WriteError::WouldOverwriteArticle {
                path: escaped(&target.to_string_lossy()).into_owned(),
            }
        })
    })
}

/// Writes an export to `target` as it is made ([`write`]), never over the fact sheet or the
/// article it was made from: a file atomically, standard output, a FIFO or a device in place
/// (see [`crate::export::output`]). The reader's export dialog uses it, and the command line
/// with `-o`. A FIFO with no reader is waited for as long as it takes, and `waiting` is called
/// once when that wait starts (not when the FIFO has a reader already); see
/// [`write_file_watched`].
pub fn write_file(
    input: &Input,
    briefing: &Briefing,
    request: Request,
    target: &Path,
    waiting: &dyn Fn(),
) -> Result<Exported, WriteError> {
    write_file_watched(input, briefing, request, target, &Cancel::new(), waiting)
}

/// As [`write_file`], but waiting for a FIFO's reader, or for room in a pipe or a device, stops
/// when `cancel` is set ([`WriteError::Cancelled`]); `waiting` is called once if a FIFO with no
/// reader is to be waited for ([`crate::export::output::write_watched`]).
pub fn write_file_watched(
    input: &Input,
    briefing: &Briefing,
    request: Request,
    target: &Path,
    cancel: &Cancel,
    waiting: &dyn Fn(),
) -> Result<Exported, WriteError> {
    if let Some(refused) = refusal_for(input, briefing, request, target) {
        return Err(refused);
    }
    let relative = &briefing.sheet.briefing.article;
    let article = input.article_path(relative);
    let beside = article_beside(input, briefing, request, target);
    let mut protected = protected(input, article.as_deref());
    let mut article_written = None;
    if let Some(path) = &beside {
        article_written = write_article_beside(path, briefing, cancel)?;
        protected.push(Protected {
            path,
            what: "the article it names",
        });
    }
    let article_for_toml = article_path_from(target, input, relative, article.as_deref());
    let produce = |out: &mut dyn Write| write(briefing, request, &article_for_toml, out);
    let file = write_streamed(target, &protected, cancel, waiting, &produce)?;
    Ok(Exported {
        file,
        article: article_written,
    })
}

/// Where a TOML export to `target` must write the article it names, if it must: the article is
/// no file (the bundled one), the fact sheet names it by a plain file name (`../x` or `/x`
/// would put it somewhere else entirely), and the target is a file, since beside standard
/// output, a FIFO or a device means nothing (`/dev/article.txt`).
fn article_beside(input: &Input, b: &Briefing, request: Request, target: &Path) -> Option<PathBuf> {
    let relative = &b.sheet.briefing.article;
    if request.format != Format::Toml || input.article_path(relative).is_some() {
        return None;
    }
    let name = Path::new(relative);
    if name.components().count() != 1 || name.file_name().is_none() {
        return None;
    }
    if !describe_target(target).is_replaced_whole() {
        return None;
    }
    Some(target.parent().unwrap_or(Path::new("")).join(name))
}

/// Writes the article at `path`, beside a fact sheet exported from a briefing whose article is
/// no file, unless that file holds it already. Anything else there is left alone: a different
/// file, one that cannot be read (only "not found" means absent), a folder, a FIFO, a device.
fn write_article_beside(
    path: &Path,
    b: &Briefing,
    cancel: &Cancel,
) -> Result<Option<Written>, WriteError> {
    let shown = || escaped(&path.to_string_lossy()).into_owned();
    let text = b.article.text().as_bytes();
    let write = || write_watched(path, text, &[], cancel, &|| {}).map(Some);
    match describe_target(path) {
        TargetKind::New | TargetKind::DanglingLink { .. } => write(),
        TargetKind::RegularFile => match holds(path, text) {
            Ok(true) => Ok(None),
            Ok(false) => Err(WriteError::ArticleInTheWay { path: shown() }),
            // Gone since it was looked at.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => write(),
            Err(e) => Err(WriteError::ArticleUnreadable {
                path: shown(),
                reason: e.to_string(),
            }),
        },
        TargetKind::Unreachable { reason } => Err(WriteError::ArticleUnreadable {
            path: shown(),
            reason,
        }),
        other => Err(WriteError::ArticleNotAFile {
            path: shown(),
            what: other.phrase(),
        }),
    }
}

/// Whether the file at `path` holds exactly `text`; at most one byte more than `text` is read,
/// however large the file.
fn holds(path: &Path, text: &[u8]) -> std::io::Result<bool> {
    use std::io::Read;
    let mut there = Vec::with_capacity(text.len() + 1);
    std::fs::File::open(path)?
        .take(text.len() as u64 + 1)
        .read_to_end(&mut there)?;
    Ok(there == text)
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

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    #[test]
    fn formats_and_tables_are_named_as_the_command_line_takes_them() {
        assert_eq!(Format::ALL.len(), Format::value_variants().len());
        for f in Format::ALL {
            let value = f.to_possible_value().expect("every format is a value");
            assert_eq!(value.get_name(), f.to_string());
        }
        assert_eq!(Table::ALL.len(), Table::value_variants().len());
        for t in Table::ALL {
            let value = t.to_possible_value().expect("every table is a value");
            assert_eq!(value.get_name(), t.to_string());
        }
    }
}
