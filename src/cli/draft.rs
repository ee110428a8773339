//! `briefing draft ARTICLE`: writes a draft fact sheet beside the article (or where `-o` says,
//! `-o -` for standard output), never over an existing file.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use super::Failure;
use crate::article::{self, MAX_ARTICLE_BYTES};
use crate::briefing::{CannotRun, ReadError, read_limited};
use crate::date::PartialDate;
use crate::draft::{self, Options, render::render};
use crate::plural::count;

pub struct Args<'a> {
    pub article: &'a Path,
    pub output: Option<&'a Path>,
    pub published: Option<PartialDate>,
}

/// Parses `--published`.
pub fn parse_date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse(s).map_err(|e| e.to_string())
}

pub fn run(args: &Args) -> Result<u8, Failure> {
    let text = read(args.article)?;
    let to_stdout = args.output.is_some_and(|o| o == Path::new("-"));
    let sheet = match args.output {
        Some(o) if !to_stdout => o.to_owned(),
        _ => args
            .article
            .parent()
            .unwrap_or(Path::new(""))
            .join("facts.toml"),
    };
    let article_name = if to_stdout {
        slashed(args.article)
    } else {
        relative(args.article, &sheet)?
    };
    let d = draft::draft(
        &text,
        &Options {
            article: article_name,
            published: args.published,
        },
    );
    let out = render(&d);
    if to_stdout {
        return super::print(&out, "the draft").map(|()| 0);
    }
    let shown = sheet.display().to_string();
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&sheet)
        .map_err(|e| {
            Failure::Write(if e.kind() == std::io::ErrorKind::AlreadyExists {
                format!(
                    "{shown}: already exists; `briefing draft` never writes over a file \
                     (name another with -o FILE, or -o - for standard output)"
                )
            } else {
                format!("{shown}: cannot be written: {e}")
            })
        })?;
    file.write_all(out.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| Failure::Write(format!("{shown}: cannot be written: {e}")))?;
    write_schema_beside(&sheet);
    let _ = writeln!(
        std::io::stderr(),
        "briefing: wrote {shown}: {}, {}, {}, {} to omit; edit it, then run `briefing check {shown}`",
        count(d.actors.len(), "actor"),
        count(d.events.len(), "event"),
        count(d.facts.len(), "fact"),
        count(d.omit.len(), "line"),
    );
    Ok(0)
}

/// Writes the fact sheet's JSON Schema beside a draft, where its `#:schema` line points, unless
/// a file of that name is there already (one left by an earlier draft, or the user's own): an
/// editor then checks and completes the sheet as it is edited. Failing to write it is said, not
/// fatal: the draft is written, and `briefing schema` prints the schema any time.
fn write_schema_beside(sheet: &Path) {
    let path = sheet
        .parent()
        .unwrap_or(Path::new(""))
        .join(crate::draft::render::SCHEMA_FILE);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    let written = match file {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return,
        Err(e) => Err(e),
        Ok(mut file) => file.write_all(crate::sheet::schema::text().as_bytes()),
    };
    if let Err(e) = written {
        let _ = writeln!(
            std::io::stderr(),
            "briefing: {}: cannot be written ({e}); `briefing schema` prints it",
            crate::inert::escaped(&path.display().to_string())
        );
    }
}

/// Reads the article, refusing what is not a regular UTF-8 file of a sane size, as `check`
/// reads one ([`crate::briefing::read_limited`]: checked through the handle it reads).
fn read(path: &Path) -> Result<String, Failure> {
    let shown = path.display().to_string();
    let bytes = read_limited(path, MAX_ARTICLE_BYTES).map_err(|e| match e {
        ReadError::NotAFile(_) => CannotRun::NotAFile(shown.clone()),
        ReadError::TooLarge(size) => CannotRun::TooLarge {
            path: shown.clone(),
            size,
            limit: MAX_ARTICLE_BYTES,
        },
        ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
            CannotRun::NotFound(shown.clone())
        }
        ReadError::Io(source) => CannotRun::Io {
            path: shown.clone(),
            source,
        },
    })?;
    article::decode(bytes).map_err(|e| {
        Failure::Usage(format!(
            "{shown}: not UTF-8 text (byte {}, line {}, column {}); an article must be UTF-8",
            e.byte, e.line, e.column
        ))
    })
}

fn slashed(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
        .replace("//", "/")
}

/// The article's path relative to the fact sheet's folder.
fn relative(article: &Path, sheet: &Path) -> Result<String, Failure> {
    let dir = sheet
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let cannot = |p: &Path, e: std::io::Error| {
        Failure::Write(format!("{}: cannot be resolved: {e}", p.display()))
    };
    let from = dir.canonicalize().map_err(|e| cannot(dir, e))?;
    // The article's folder is resolved, not the article: a link to it stays a link, named as
    // it stands beside the sheet (resolved, it would point `check` outside the folder).
    let article_dir = article
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = article
        .file_name()
        .ok_or_else(|| Failure::Usage(format!("{} is not a file name", article.display())))?;
    let to = article_dir
        .canonicalize()
        .map_err(|e| cannot(article_dir, e))?
        .join(name);
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..from.len() {
        rel.push("..");
    }
    for c in &to[common..] {
        rel.push(c);
    }
    Ok(slashed(&rel))
}
