//! `briefing export`: the briefing in one format, to standard output or, with `-o`, to a file
//! (atomically), a FIFO or a device (in place). `-o -` is standard output, as is any other name
//! for it (`/dev/stdout`, `/dev/fd/1`). While a file is written, a signal that would end the
//! process removes its temporary file first.

use std::path::Path;

use super::{Failure, input};
use crate::briefing::open;
use crate::export::output::{TargetKind, describe_target, human_size, remove_temporaries_and_exit};
use crate::export::{Format, Request, Table, write, write_file};
use crate::inert::escaped;
use crate::signals;

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
    // `-o -` is standard output, as for most tools; a file named `-` is `./-`.
    let Some(target) = args.output.filter(|p| p.as_os_str() != "-") else {
        let article = &briefing.sheet.briefing.article;
        if args.format == Format::Toml && input.article_path(article).is_none() {
            note_built_in_article(article);
        }
        return print_streamed(&briefing, request, article).map(|()| 0);
    };
    remove_temporaries_on_signals();
    let kind = describe_target(target);
    let article = &briefing.sheet.briefing.article;
    // Beside standard output, a FIFO or a device the article is not written.
    if args.format == Format::Toml
        && input.article_path(article).is_none()
        && !kind.is_replaced_whole()
    {
        note_built_in_article(article);
    }
    // Said only once the FIFO is found to have no reader, so that the write really waits.
    let waiting = || {
        eprintln!(
            "briefing: {} is {}; waiting for a reader to open it (Ctrl-c stops)",
            escaped(&target.to_string_lossy()),
            TargetKind::Fifo.phrase()
        );
    };
    let written = write_file(&input, &briefing, request, target, &waiting)
        .map_err(|e| Failure::Write(e.to_string()))?;
    for (w, what) in [
        (Some(&written.file), ""),
        (written.article.as_ref(), ", the article it names"),
    ] {
        // Written to standard output or error, it says nothing, as without -o: a line on
        // standard error would land in the export written there.
        if let Some(w) = w.filter(|w| !w.into.is_standard_stream()) {
            eprintln!(
                "briefing: wrote {} ({}{what})",
                escaped(&w.path.to_string_lossy()),
                human_size(w.bytes)
            );
        }
    }
    Ok(0)
}

/// Writes the export to standard output as it is made; a reader that stops early
/// (`briefing export | head`) ends it, and is no error.
fn print_streamed(
    briefing: &crate::briefing::Briefing,
    request: Request,
    article: &str,
) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    match write(briefing, request, article, &mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Write(format!("cannot write the export: {e}")))
        }
        _ => Ok(()),
    }
}

fn note_built_in_article(article: &str) {
    eprintln!(
        "briefing: note: this fact sheet names the article {}, which is built in, not a file; \
         with -o FILE the article is written beside the fact sheet",
        escaped(article)
    );
}

/// On a signal that would end the process, its temporary file is removed first and it exits
/// with 128 + the signal's number, as a shell reports a process ended by it. signal-hook's
/// handler only wakes a thread of its own, where removing files is allowed. Without the
/// watcher the export still works; only an interrupted one may leave a temporary file.
fn remove_temporaries_on_signals() {
    let watch =
        signal_hook::iterator::Signals::new(signals::all_terminating()).and_then(|mut s| {
            std::thread::Builder::new()
                .name("signals".into())
                .spawn(move || {
                    if let Some(signal) = s.forever().next() {
                        remove_temporaries_and_exit(signals::exit_status(signal));
                    }
                })
                .map(drop)
        });
    if let Err(e) = watch {
        eprintln!(
            "briefing: note: cannot watch for signals ({e}); an interrupted export may leave a \
             temporary file (.briefing-export-…) behind"
        );
    }
}
