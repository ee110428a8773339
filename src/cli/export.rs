//! `briefing export`: the briefing in one format, to standard output or atomically to a file.

use std::io::Write;
use std::path::Path;

use super::{Failure, input};
use crate::briefing::open;
use crate::export::{Format, Request, Table, render, write_file};
use crate::inert::escaped;
use crate::output::human_size;

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
        let article = &briefing.sheet.briefing.article;
        if args.format == Format::Toml && input.article_path(article).is_none() {
            eprintln!(
                "briefing: note: this fact sheet names the article {}, which is built in, not a \
                 file; with -o FILE the article is written beside the fact sheet",
                escaped(article)
            );
        }
        let text = render(&briefing, request, article);
        let mut out = std::io::stdout().lock();
        return match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => Ok(0),
            // `briefing export … | head` stops reading early: that is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
            Err(e) => Err(Failure::Write(format!("cannot write the export: {e}"))),
        };
    };
    let written = write_file(&input, &briefing, request, target)
        .map_err(|e| Failure::Write(e.to_string()))?;
    for (w, what) in [
        (Some(&written.file), ""),
        (written.article.as_ref(), ", the article it names"),
    ] {
        if let Some(w) = w {
            eprintln!(
                "briefing: wrote {} ({}{what})",
                escaped(&w.path.to_string_lossy()),
                human_size(w.bytes)
            );
        }
    }
    Ok(0)
}
