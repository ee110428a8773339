//! The `briefing` command: parses the command line, runs it, prints an error once and maps the
//! outcome to an exit status.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = briefing::cli::Cli::parse();
    briefing::cli::run(cli)
}
