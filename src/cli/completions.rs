//! `briefing completions SHELL` and `briefing man`: the shell completions and the man page,
//! generated from the command line's own definition (clap), printed to standard output.

use clap::CommandFactory;

use super::{Cli, Failure, print};

/// The shells completions are written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

impl From<Shell> for clap_complete::Shell {
    fn from(s: Shell) -> Self {
        match s {
            Shell::Bash => Self::Bash,
            Shell::Zsh => Self::Zsh,
            Shell::Fish => Self::Fish,
            Shell::Powershell => Self::PowerShell,
        }
    }
}

pub fn completions(shell: Shell) -> Result<u8, Failure> {
    let mut out = Vec::new();
    clap_complete::generate(
        clap_complete::Shell::from(shell),
        &mut Cli::command(),
        "briefing",
        &mut out,
    );
    print(&String::from_utf8_lossy(&out), "the completions").map(|()| 0)
}

/// `briefing(1)`, or with `command` the page of that command, `briefing-export(1)`, which the
/// first page lists.
pub fn man(command: Option<&str>) -> Result<u8, Failure> {
    let mut cli = Cli::command();
    cli.build();
    let page = match command {
        None => cli,
        Some(name) => cli
            .get_subcommands()
            .find(|c| c.get_name() == name)
            .cloned()
            .ok_or_else(|| Failure::Usage(format!("there is no command {name:?} to show")))?,
    };
    let page = page.version(env!("CARGO_PKG_VERSION"));
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .map_err(|e| Failure::Write(format!("cannot write the man page: {e}")))?;
    print(&String::from_utf8_lossy(&out), "the man page").map(|()| 0)
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use crate::cli::Cli;

    #[test]
    fn man_takes_the_name_of_every_command() {
        let cli = Cli::command();
        let man = cli.find_subcommand("man").expect("a man command");
        let arg = man
            .get_arguments()
            .find(|a| a.get_id() == "command")
            .expect("its COMMAND");
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_owned())
            .collect();
        let commands: Vec<String> = cli
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .collect();
        assert_eq!(values, commands);
    }
}
