//! `briefing export`: the briefing in one format, to standard output or atomically to a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Failure, input};
use crate::briefing::{Briefing, Input, open};
use crate::export::{Format, Request, Table, render};
use crate::inert::escaped;
use crate::output::{Protected, human_size, write_atomic};

pub struct Args<'a> {
    pub path: Option<&'a Path>,
    pub format: Format,
    pub table: Option<Table>,
    pub output: Option<&'a Path>,
}

pub fn run(args: &Args) -> Result<u8, Failure> {
    if args.table.is_some() && args.format != Format::Csv {
        return Err(Failure::Usage(format!(
            "--table applies to CSV only; {} exports everything",
            args.format
        )));
    }
    let input = input(args.path)?;
    let briefing = open(&input)?;
    let request = Request {
        format: args.format,
        table: args.table.unwrap_or_default(),
    };
    let Some(target) = args.output else {
        let text = render(&briefing, request, &briefing.sheet.briefing.article);
        let mut out = std::io::stdout().lock();
        return match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => Ok(0),
            // `briefing export … | head` stops reading early: that is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
            Err(e) => Err(Failure::Write(format!("cannot write the export: {e}"))),
        };
    };
    let written = export_to_file(&input, &briefing, request, target)?;
    eprintln!(
        "briefing: wrote {} ({})",
        escaped(&written.path.to_string_lossy()),
        human_size(written.bytes)
    );
    Ok(0)
}

/// Renders and writes an export to `target`, never over the fact sheet or the article. Shared
/// with the reader's export dialog.
pub fn export_to_file(
    input: &Input,
    briefing: &Briefing,
    request: Request,
    target: &Path,
) -> Result<crate::output::Written, Failure> {
    let relative = &briefing.sheet.briefing.article;
    let article = input.article_path(relative);
    let article_for_toml = article_path_from(target, input, relative, article.as_deref());
    let text = render(briefing, request, &article_for_toml);
    let mut protected = Vec::new();
    if let Some(sheet) = input.sheet_path() {
        protected.push(Protected {
            path: sheet,
            what: "the fact sheet",
        });
    }
    if let Some(article) = &article {
        protected.push(Protected {
            path: article,
            what: "the article",
        });
    }
    write_atomic(target, text.as_bytes(), &protected).map_err(|e| Failure::Write(e.to_string()))
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
