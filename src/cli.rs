//! The command line: `briefing [PATH]` reads, `briefing check [PATH]` checks, `briefing export
//! [PATH]` exports. Each command returns its exit status; nothing below prints an error twice.
//!
//! Exit status: 0 success; 1 `check` found problems, or an export could not be written; 2 the
//! command could not run (no such path, a fact sheet with errors opened or exported, bad usage).

mod check;
mod completions;
mod draft;
pub mod export;
mod read;
mod schema;
mod suggest;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::briefing::{CannotRun, Input, OpenError};
use crate::diagnostic::Severity;
use crate::export::{Format, Table};

#[derive(Debug, Parser)]
#[command(
    name = "briefing",
    version,
    about = "Read a news article beside a hand-curated fact sheet about it",
    long_about = "Read a news article beside a hand-curated fact sheet about it.\n\n\
        With no PATH, opens facts.toml in the current folder, or the bundled sample \
        briefing when there is none. PATH is a fact sheet (TOML) or a \
        folder holding facts.toml.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Fact sheet to read, or a folder holding facts.toml (default: ./facts.toml, else the
    /// bundled sample).
    pub path: Option<PathBuf>,
    /// Colours for a dark or a light terminal background (default: what `COLORFGBG` names,
    /// else what the terminal says when asked, else dark); `NO_COLOR` still turns colours off.
    #[arg(long, value_enum)]
    pub theme: Option<Theme>,
    /// Do not watch the fact sheet and the article for changes: the reader reloads them only
    /// when asked (r). By default a save is on screen within a second.
    #[arg(long)]
    pub no_watch: bool,
}

/// `--theme`: the reader's palette.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Theme {
    Dark,
    Light,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a fact sheet against its article and report every problem.
    Check {
        /// Fact sheet, or a folder holding facts.toml (default: ./facts.toml, else the bundled
        /// sample).
        path: Option<PathBuf>,
        /// Fail (exit status 1) on warnings too.
        #[arg(long)]
        strict: bool,
    },
    /// Export the briefing as JSON, Markdown, CSV, TOML or HTML.
    Export {
        /// Fact sheet, or a folder holding facts.toml (default: ./facts.toml, else the bundled
        /// sample).
        path: Option<PathBuf>,
        /// Output format.
        #[arg(short, long, value_enum)]
        format: Format,
        /// For CSV: which table to write.
        #[arg(long, value_enum)]
        table: Option<Table>,
        /// Write to this file (atomically; a FIFO or a device in place) instead of standard
        /// output; `-` is standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Write a draft fact sheet for a plain-text article, every guess commented with why.
    Draft {
        /// The article: plain UTF-8 text.
        article: PathBuf,
        /// Write here (default: facts.toml beside the article; never over an existing file);
        /// `-` is standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Publication date (YYYY-MM-DD), to resolve "next week" and "on Tuesday".
        #[arg(long, value_name = "DATE", value_parser = draft::parse_date)]
        published: Option<crate::date::PartialDate>,
    },
    /// Print, as TOML to paste, the names, dates, figures and furniture a fact sheet leaves out.
    Suggest {
        /// Fact sheet, or a folder holding facts.toml (default: ./facts.toml, else the bundled
        /// sample).
        path: Option<PathBuf>,
    },
    /// Print the fact sheet's JSON Schema, for an editor to check and complete a sheet with.
    Schema,
    /// Print the shell completions for bash, zsh, fish or PowerShell.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: completions::Shell,
    },
    /// Print the man page (roff), or a command's: `briefing man export | man -l -`.
    Man {
        /// The command whose page to print (default: briefing's own).
        #[arg(value_parser = ["check", "export", "draft", "suggest", "schema", "completions", "man"])]
        command: Option<String>,
    },
}

/// Runs a parsed command line and returns its exit status.
#[must_use]
pub fn run(cli: Cli) -> ExitCode {
    let status = match cli.command {
        Some(Command::Check { path, strict }) => check::run(path.as_deref(), strict),
        Some(Command::Export {
            path,
            format,
            table,
            output,
        }) => export::run(&export::Args {
            path: path.as_deref(),
            format,
            table,
            output: output.as_deref(),
        }),
        Some(Command::Draft {
            article,
            output,
            published,
        }) => draft::run(&draft::Args {
            article: &article,
            output: output.as_deref(),
            published,
        }),
        Some(Command::Suggest { path }) => suggest::run(path.as_deref()),
        Some(Command::Schema) => schema::run(),
        Some(Command::Completions { shell }) => completions::completions(shell),
        Some(Command::Man { command }) => completions::man(command.as_deref()),
        None => read::run(cli.path.as_deref(), cli.theme, !cli.no_watch),
    };
    match status {
        Ok(code) => ExitCode::from(code),
        Err(failure) => failure.report(),
    }
}

/// Writes `text` to standard output; a reader that stops early (`briefing … | head`) is no
/// error. `what` names the output in the message of a real failure ("the export").
fn print(text: &str, what: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Write(format!("cannot write {what}: {e}")))
        }
        _ => Ok(()),
    }
}

/// Why a command stopped: printed once, on standard error, by [`Failure::report`].
#[derive(Debug)]
pub enum Failure {
    CannotRun(CannotRun),
    /// The fact sheet has errors: all diagnostics (only the errors are printed), then the
    /// summary line.
    Invalid(Vec<crate::diagnostic::Diagnostic>, String),
    Usage(String),
    /// Output could not be written; the message names the file.
    Write(String),
}

impl From<CannotRun> for Failure {
    fn from(e: CannotRun) -> Self {
        Self::CannotRun(e)
    }
}

impl From<OpenError> for Failure {
    fn from(e: OpenError) -> Self {
        match e {
            OpenError::CannotRun(e) => Self::CannotRun(e),
            OpenError::Invalid {
                diagnostics,
                summary,
            } => Self::Invalid(diagnostics, summary),
        }
    }
}

impl Failure {
    fn report(self) -> ExitCode {
        let mut err = std::io::stderr().lock();
        let code = match self {
            Self::CannotRun(e) => {
                let _ = writeln!(err, "briefing: {e}");
                2
            }
            Self::Invalid(diagnostics, summary) => {
                // The errors are what stops it: warnings (thousands, on a big sheet) would bury
                // them, so they are counted and left to `check`.
                let mut warnings = 0;
                for d in &diagnostics {
                    if d.severity == Severity::Error {
                        let _ = writeln!(err, "{d}");
                    } else {
                        warnings += usize::from(d.severity == Severity::Warning);
                    }
                }
                let _ = writeln!(err, "{summary}");
                if warnings > 0 {
                    let _ = writeln!(
                        err,
                        "(the warnings are not listed here: `briefing check` lists them)"
                    );
                }
                2
            }
            Self::Usage(m) => {
                let _ = writeln!(err, "briefing: {m}");
                2
            }
            Self::Write(m) => {
                let _ = writeln!(err, "briefing: {m}");
                1
            }
        };
        ExitCode::from(code)
    }
}

/// Resolves a command-line path into an input.
fn input(path: Option<&std::path::Path>) -> Result<Input, Failure> {
    Ok(Input::from_arg(path)?)
}
