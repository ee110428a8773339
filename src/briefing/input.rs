//! Where a briefing comes from: the bundled sample, or a fact sheet on disk and the article it
//! names. Reading is careful with what is not an ordinary file: folders, FIFOs, devices and
//! huge files are refused with a message instead of being read without bound.

use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::not_utf8_diagnostic;
use crate::article::{self, Article, MAX_ARTICLE_BYTES};
use crate::diagnostic::{Diagnostic, Severity, SourceFile};
use crate::inert::{escaped, quoted};
use crate::sheet::Span;

const BUNDLED_SHEET: &str = include_str!("../../assets/facts.toml");
const BUNDLED_ARTICLE: &str = include_str!("../../assets/article.txt");
pub(super) const BUNDLED_SHEET_PATH: &str = "<bundled>/facts.toml";
/// What a summary line calls the bundled fact sheet, and the reader's header the briefing.
pub const BUNDLED_NAME: &str = "bundled sample";
/// The fact sheet a folder holds, and the one a command without a path looks for.
pub const FACT_SHEET_NAME: &str = "facts.toml";
const BUNDLED_ARTICLE_NAME: &str = "article.txt";

/// A fact sheet this large is not hand-written; it is refused rather than parsed.
pub(crate) const MAX_SHEET_BYTES: u64 = 64 * 1024 * 1024;

/// The fact sheet to open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// The sample briefing compiled into the binary.
    Bundled,
    /// A fact sheet and its article held in memory (for fuzzing and tests): the article is
    /// what any `article` path names.
    Memory { sheet: String, article: Vec<u8> },
    /// A fact sheet file.
    Path(PathBuf),
}

/// Why nothing could be checked at all (exit status 2).
#[derive(Debug, thiserror::Error)]
pub enum CannotRun {
    #[error("{0}: no such file or folder")]
    NotFound(String),
    #[error("{0}: a folder without facts.toml; name the fact sheet itself")]
    NoFactSheet(String),
    #[error("{0}: not a regular file")]
    NotAFile(String),
    #[error("{path}: {size} bytes is too large for a fact sheet (the limit is {limit} bytes)")]
    TooLarge { path: String, size: u64, limit: u64 },
    #[error("{path}: cannot be read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

impl Input {
    /// The input a command-line argument names: none is `facts.toml` in the current folder
    /// when there is one, else the bundled briefing; a folder means the `facts.toml` inside it.
    pub fn from_arg(arg: Option<&Path>) -> Result<Self, CannotRun> {
        let Some(path) = arg else {
            let here = Path::new(FACT_SHEET_NAME);
            return Ok(if here.is_file() {
                Self::Path(here.to_owned())
            } else {
                Self::Bundled
            });
        };
        let shown = display(path);
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => CannotRun::NotFound(shown.clone()),
            _ => CannotRun::Io {
                path: shown.clone(),
                source: e,
            },
        })?;
        if meta.is_dir() {
            let sheet = path.join(FACT_SHEET_NAME);
            if !sheet.is_file() {
                return Err(CannotRun::NoFactSheet(shown));
            }
            return Ok(Self::Path(sheet));
        }
        if !meta.is_file() {
            return Err(CannotRun::NotAFile(shown));
        }
        Ok(Self::Path(path.to_owned()))
    }

    /// The fact sheet as messages name it.
    #[must_use]
    pub fn sheet_display(&self) -> String {
        match self {
            Self::Bundled => BUNDLED_SHEET_PATH.to_owned(),
            Self::Memory { .. } => "<memory>/facts.toml".to_owned(),
            Self::Path(p) => display(p),
        }
    }

    /// The `facts.toml` in the same folder as this file, when there is one and it is another
    /// file, as messages name it.
    pub(super) fn fact_sheet_beside(&self) -> Option<String> {
        let Self::Path(p) = self else {
            return None;
        };
        let beside = self.folder()?.join(FACT_SHEET_NAME);
        let same = std::fs::canonicalize(&beside).ok()? == std::fs::canonicalize(p).ok()?;
        (!same && beside.is_file()).then(|| display(&beside))
    }

    /// The files this input reads, which an export must never overwrite.
    #[must_use]
    pub fn sheet_path(&self) -> Option<&Path> {
        match self {
            Self::Bundled | Self::Memory { .. } => None,
            Self::Path(p) => Some(p),
        }
    }

    /// Where the article `relative` (as the fact sheet writes it) is on disk.
    #[must_use]
    pub fn article_path(&self, relative: &str) -> Option<PathBuf> {
        self.folder().map(|f| f.join(relative))
    }

    /// The fact sheet's folder, as named (empty for a fact sheet named without one).
    fn folder(&self) -> Option<&Path> {
        match self {
            Self::Bundled | Self::Memory { .. } => None,
            Self::Path(p) => Some(p.parent().unwrap_or(Path::new(""))),
        }
    }

    /// The fact sheet's text, or a diagnostic when it is not UTF-8.
    pub(super) fn read_sheet(&self) -> Result<Result<String, Diagnostic>, CannotRun> {
        let path = match self {
            Self::Bundled => return Ok(Ok(BUNDLED_SHEET.to_owned())),
            Self::Memory { sheet, .. } => return Ok(Ok(sheet.clone())),
            Self::Path(p) => p,
        };
        let shown = display(path);
        let bytes = read_limited(path, MAX_SHEET_BYTES).map_err(|e| match e {
            ReadError::TooLarge(size) => CannotRun::TooLarge {
                path: shown.clone(),
                size,
                limit: MAX_SHEET_BYTES,
            },
            ReadError::NotAFile(_) => CannotRun::NotAFile(shown.clone()),
            ReadError::Io(source) => CannotRun::Io {
                path: shown.clone(),
                source,
            },
        })?;
        Ok(article::decode(bytes).map_err(|e| {
            let mut d = not_utf8_diagnostic(&shown, e);
            d.message = format!(
                "this is not a TOML fact sheet: byte {} is not UTF-8 text",
                e.byte
            );
            d.hint = Some("name the fact sheet (.toml), not the article or another file".into());
            d
        }))
    }

    /// The article, indexed with the folded lines `omit` left out (with how many lines each
    /// entry matched), and notes worth printing; or the one error that stops it loading,
    /// located at the `article` key (or in the article itself, for bad UTF-8).
    ///
    /// `ahead` is the article as [`Self::read_ahead`] read and indexed it, used if it is the
    /// one `relative` names, indexed with the same `omit`.
    pub(super) fn read_article(
        &self,
        relative: &str,
        span: &Span,
        src: &SourceFile,
        ahead: Option<ReadAhead>,
        omit: &[String],
    ) -> Result<(Indexed, Vec<Diagnostic>), Diagnostic> {
        if let Self::Memory { article, .. } = self {
            let text = article::decode(article.clone())
                .map_err(|e| not_utf8_diagnostic("<memory>/article", e))?;
            return Ok((Article::new(text, omit), Vec::new()));
        }
        let Some(path) = self.article_path(relative) else {
            return if relative == BUNDLED_ARTICLE_NAME {
                Ok((Article::new(BUNDLED_ARTICLE.to_owned(), omit), Vec::new()))
            } else {
                Err(src.error(span, format!("no bundled article {}", quoted(relative, 80))))
            };
        };
        let shown = display(&path);
        let read = match ahead.and_then(|a| a.join_if(relative, omit)) {
            Some(read) => read,
            None => read_limited(&path, MAX_ARTICLE_BYTES).map(|bytes| index(bytes, omit)),
        };
        let decoded = read.map_err(|e| {
            let (message, hint) = match e {
                ReadError::NotAFile(kind) => (
                    format!("the article {shown} is {kind}, not a regular file"),
                    "name a text file".to_owned(),
                ),
                ReadError::TooLarge(size) => (
                    // In whole MiB, unless the two would read the same.
                    if size >> 20 > MAX_ARTICLE_BYTES >> 20 {
                        format!(
                            "the article {shown} is {} MiB, over the limit of {} MiB",
                            size >> 20,
                            MAX_ARTICLE_BYTES >> 20
                        )
                    } else {
                        format!(
                            "the article {shown} is {size} bytes, over the limit of \
                             {MAX_ARTICLE_BYTES} bytes ({} MiB)",
                            MAX_ARTICLE_BYTES >> 20
                        )
                    },
                    "split it into several briefings".to_owned(),
                ),
                ReadError::Io(io) if io.kind() == std::io::ErrorKind::NotFound => (
                    format!("the article {shown} does not exist"),
                    format!(
                        "`article` is relative to the fact sheet's folder; {} names {shown}",
                        quoted(relative, 80)
                    ),
                ),
                ReadError::Io(io) => (
                    format!("the article {shown} cannot be read: {io}"),
                    if io.kind() == std::io::ErrorKind::PermissionDenied {
                        "check its permissions".to_owned()
                    } else {
                        "check the file and the disk it is on".to_owned()
                    },
                ),
            };
            src.error(span, escaped(&message).into_owned())
                .with_hint(escaped(&hint).into_owned())
        })?;
        let indexed = decoded.map_err(|e| not_utf8_diagnostic(&shown, e))?;
        let mut notes = Vec::new();
        if self.folder().is_some_and(|folder| outside(folder, &path)) {
            notes.push(src.at(
                Severity::Note,
                span,
                format!(
                    "the article is outside the fact sheet's folder: {}",
                    // Where a link in the folder points.
                    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                        escaped(&format!("{shown}, a link to {}", display(&resolve(&path))))
                            .into_owned()
                    } else {
                        escaped(&shown).into_owned()
                    }
                ),
            ));
        }
        Ok((indexed, notes))
    }
}

/// The article of a fact sheet on disk, read and indexed ([`Article::new`]) on a thread of its
/// own while the whole sheet is parsed and validated (8–16 ms and 3–5 ms for a sheet of a
/// thousand actors, 248 KB; reading and indexing a 10 MiB article takes about 35). The thread
/// finds which article to read, and the lines to omit, by parsing only the sheet's head, up to
/// its first array of tables ([`briefing_head`]); what it made is used only if the whole
/// sheet, parsed, names the same article and the same lines. Dropped unused (the sheet is not
/// TOML, or names no article), it stops the read at its next mebibyte, and never indexes.
pub(super) struct ReadAhead {
    thread: Option<std::thread::JoinHandle<Option<MadeAhead>>>,
    unwanted: Arc<AtomicBool>,
}

/// An article indexed, with how many lines each entry of `omit` matched.
pub(super) type Indexed = (Article, Vec<usize>);

/// What the thread made: the article the head names, its lines to omit (folded), and the
/// article read and indexed.
struct MadeAhead {
    article: String,
    omit: Vec<String>,
    read: ReadIndexed,
}

/// What reading and indexing an article gave.
type ReadIndexed = Result<Result<Indexed, article::NotUtf8>, ReadError>;

/// A head longer than this holds more than a `[briefing]` table (a sheet without arrays of
/// tables, or no sheet at all): it is not parsed twice.
const HEAD_BYTES: usize = 64 * 1024;

impl ReadAhead {
    /// What the thread made, if it read the article `relative` and left out the folded lines
    /// `omit`: it waits for the thread.
    fn join_if(mut self, relative: &str, omit: &[String]) -> Option<ReadIndexed> {
        let made = self.thread.take()?.join().ok()??;
        (made.article == relative && made.omit == omit).then_some(made.read)
    }
}

impl Drop for ReadAhead {
    fn drop(&mut self) {
        self.unwanted.store(true, Ordering::Relaxed);
    }
}

impl Input {
    /// Starts reading the article that the fact sheet `text` names in its `[briefing]` table,
    /// for [`Self::read_article`]; `None` for a sheet not on disk, a head too long to parse
    /// twice, or when no thread can start.
    pub(super) fn read_ahead(&self, text: &str) -> Option<ReadAhead> {
        self.folder()?;
        let input = self.clone();
        let head = briefing_head(text);
        if head.len() > HEAD_BYTES {
            return None;
        }
        let head = head.to_owned();
        let unwanted = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&unwanted);
        let thread = std::thread::Builder::new()
            .name("read ahead".into())
            .spawn(move || {
                let src = SourceFile::new(String::new(), &head);
                let meta = crate::sheet::parse::parse(&src).sheet.briefing;
                if meta.article.is_empty() {
                    return None;
                }
                let omit = super::folded_omit(&meta);
                let path = input.article_path(&meta.article)?;
                let read = read_limited_unless(&path, MAX_ARTICLE_BYTES, &stop);
                // Not indexed if no longer wanted: a short article is read before the flag
                // is ever looked at.
                if stop.load(Ordering::Relaxed) {
                    return None;
                }
                let read = read.map(|bytes| index(bytes, &omit));
                Some(MadeAhead {
                    article: meta.article,
                    omit,
                    read,
                })
            })
            .ok()?;
        Some(ReadAhead {
            thread: Some(thread),
            unwanted,
        })
    }
}

/// A fact sheet's head: up to its first array of tables (`[[actors]]`, `[[events]]`,
/// `[[facts]]`), which holds its `[briefing]` table when it comes first, as it does in every
/// sheet `briefing draft` writes.
pub(super) fn briefing_head(text: &str) -> &str {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("[[") {
            return &text[..at];
        }
        at += line.len();
    }
    text
}

/// An article's bytes decoded and indexed with the folded lines `omit` left out.
fn index(bytes: Vec<u8>, omit: &[String]) -> Result<Indexed, article::NotUtf8> {
    article::decode(bytes).map(|text| Article::new(text, omit))
}

/// Whether `path` lies outside `folder`, both resolved: `..` and links are followed, so that
/// `../folder/article.txt` written in `folder` is inside it.
fn outside(folder: &Path, path: &Path) -> bool {
    !resolve(path).starts_with(resolve(folder))
}

/// `path` made absolute, with links and `..` resolved as far as it exists; what does not exist
/// (a file gone meanwhile) is added to that as written, `.` and `..` taken away.
fn resolve(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut ancestor = absolute.as_path();
    let (mut resolved, rest) = loop {
        match ancestor.parent() {
            Some(parent) => {
                if let Ok(p) = std::fs::canonicalize(parent) {
                    break (p, absolute.strip_prefix(parent).unwrap_or(&absolute));
                }
                ancestor = parent;
            }
            None => break (PathBuf::new(), absolute.as_path()),
        }
    };
    for c in rest.components() {
        match c {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::CurDir => {}
            c => resolved.push(c),
        }
    }
    resolved
}

/// A path as messages show it, with anything unsafe escaped.
fn display(path: &Path) -> String {
    escaped(&path.to_string_lossy()).into_owned()
}

/// Why [`read_limited`] read nothing.
pub(crate) enum ReadError {
    /// What the path is instead: "a folder", "a FIFO", "a device".
    NotAFile(&'static str),
    TooLarge(u64),
    Io(std::io::Error),
}

/// Reads a regular file of at most `limit` bytes. The file is opened first and checked through
/// its handle, so what is checked is what is read; reading stops at the limit even if the file
/// grows meanwhile.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_limited_unless(path, limit, &AtomicBool::new(false))
}

/// [`read_limited`], a mebibyte at a time, given up as soon as `unwanted` is set.
fn read_limited_unless(
    path: &Path,
    limit: u64,
    unwanted: &AtomicBool,
) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta)));
    }
    let file = File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile(kind_of(&meta)));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    let mut file = file.take(limit + 1);
    loop {
        if unwanted.load(Ordering::Relaxed) {
            return Err(ReadError::Io(std::io::ErrorKind::Interrupted.into()));
        }
        let read = (&mut file)
            .take(1 << 20)
            .read_to_end(&mut bytes)
            .map_err(ReadError::Io)?;
        if read == 0 {
            break;
        }
    }
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

#[cfg(test)]
mod tests {
    use super::{
        Arc, AtomicBool, HEAD_BYTES, Input, MAX_ARTICLE_BYTES, Ordering, ReadError, outside,
        read_limited_unless, resolve,
    };

    #[test]
    fn inside_and_outside_are_judged_on_resolved_paths() {
        let outer = tempfile::tempdir().unwrap();
        let folder = outer.path().join("same-folder");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("real.txt"), "x").unwrap();
        std::fs::write(outer.path().join("shared.txt"), "x").unwrap();
        assert!(!outside(&folder, &folder.join("../same-folder/real.txt")));
        assert!(!outside(&folder, &folder.join("real.txt")));
        assert!(outside(&folder, &folder.join("../shared.txt")));
        // Files that do not exist are judged by their folder and then as written.
        assert!(!outside(
            &folder,
            &folder.join("../same-folder/gone/../gone.txt")
        ));
        assert!(outside(&folder, &folder.join("gone/../../gone.txt")));
        assert_eq!(
            resolve(&folder.join("gone/x/../y.txt")),
            std::fs::canonicalize(&folder).unwrap().join("gone/y.txt")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_folder_to_a_file_elsewhere_is_outside() {
        let outer = tempfile::tempdir().unwrap();
        let folder = outer.path().join("sheet");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(outer.path().join("shared.txt"), "x").unwrap();
        std::os::unix::fs::symlink("../shared.txt", folder.join("article.txt")).unwrap();
        assert!(outside(&folder, &folder.join("article.txt")));
        // And a folder reached by a link holds what is in it.
        std::os::unix::fs::symlink(&folder, outer.path().join("link")).unwrap();
        std::fs::write(folder.join("real.txt"), "x").unwrap();
        assert!(!outside(
            &outer.path().join("link"),
            &folder.join("real.txt")
        ));
    }

    #[test]
    fn the_article_read_ahead_is_used_only_if_the_whole_sheet_names_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "A text.").unwrap();
        let input = Input::Path(dir.path().join("facts.toml"));
        let sheet = "[briefing]\ntitle = \"T\"\narticle = \"a.txt\"\n\n[[actors]]\nid = \"x\"\n";
        // What the read ahead of `sheet` gives a whole sheet that names `article` and `omit`.
        let used = |sheet: &str, article: &str, omit: &[String]| {
            let ahead = input.read_ahead(sheet).expect("a thread reads ahead");
            ahead.join_if(article, omit)
        };
        let read = used(sheet, "a.txt", &[]);
        assert!(matches!(read, Some(Ok(Ok((a, _)))) if a.text() == "A text."));
        assert!(used(sheet, "b.txt", &[]).is_none());
        // Nor if the whole sheet leaves other lines out.
        let other = ["A text.".to_owned()];
        assert!(used(sheet, "a.txt", &other).is_none());
        let omitting = sheet.replace("\n\n", "\nomit = [\"A \u{2003}text.\"]\n\n");
        let read = used(&omitting, "a.txt", &other);
        assert!(matches!(read, Some(Ok(Ok((a, hits)))) if a.omitted().len() == 1 && hits == [1]));
        // A `[briefing]` after the first array of tables is not read ahead.
        let late = "[[actors]]\nid = \"x\"\n\n[briefing]\narticle = \"a.txt\"\n";
        assert!(used(late, "a.txt", &[]).is_none());
        // One dropped unused is told to stop.
        let dropped = input.read_ahead(sheet).unwrap();
        let told = Arc::clone(&dropped.unwanted);
        drop(dropped);
        assert!(told.load(Ordering::Relaxed));
        // Neither is the article of a sheet not on disk, nor that of a head too long to be
        // only a `[briefing]` table.
        assert!(Input::Bundled.read_ahead(sheet).is_none());
        let long = format!("{sheet}{}", "# a comment\n".repeat(HEAD_BYTES / 10)).replace("[[", "[");
        assert!(input.read_ahead(&long).is_none());
    }

    #[test]
    fn a_read_no_longer_wanted_stops() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "x".repeat(3 << 20)).unwrap();
        let read = read_limited_unless(&path, MAX_ARTICLE_BYTES, &AtomicBool::new(false));
        assert!(matches!(read, Ok(bytes) if bytes.len() == 3 << 20));
        let read = read_limited_unless(&path, MAX_ARTICLE_BYTES, &AtomicBool::new(true));
        assert!(
            matches!(read, Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::Interrupted)
        );
        // Past the limit, as before.
        let read = read_limited_unless(&path, 1 << 20, &AtomicBool::new(false));
        assert!(matches!(read, Err(ReadError::TooLarge(_))));
    }
}
