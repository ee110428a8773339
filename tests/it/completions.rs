//! `briefing completions SHELL` and `briefing man [COMMAND]`: generated from the command line,
//! so they name every command.

use crate::harness::briefing;

const COMMANDS: [&str; 7] = [
    "check",
    "export",
    "draft",
    "suggest",
    "schema",
    "completions",
    "man",
];

fn stdout(args: &[&str]) -> String {
    let out = briefing()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn each_shell_gets_completions_that_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&["completions", shell]);
        assert!(script.len() > 500, "{shell}: {script}");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} misses {command}");
        }
        // Values are completed too, the export formats (clap's PowerShell script completes
        // only commands and options).
        if shell != "powershell" {
            assert!(script.contains("markdown"), "{shell}");
        }
    }
    briefing().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_lists_every_command_and_each_has_its_own_page() {
    let page = stdout(&["man"]);
    assert!(page.contains(".TH briefing 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for command in COMMANDS {
        assert!(
            page.contains(&format!("briefing\\-{command}(1)")),
            "{command}"
        );
        let own = stdout(&["man", command]);
        assert!(
            own.contains(&format!(".TH briefing-{command} 1")),
            "{command}: {own}"
        );
        assert!(own.contains(".SH SYNOPSIS"), "{command}");
    }
    assert!(stdout(&["man", "export"]).contains("\\fB\\-\\-format\\fR"));
}
