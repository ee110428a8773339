//! `briefing [PATH]`: the reader. A fact sheet with errors does not open (the same messages as
//! `check`, exit status 2), and without a terminal to draw on (standard input or output is not
//! one, or TERM is unset, empty or `dumb`) the reader says so, exit status 2, before it sends
//! the terminal anything, and names the export to run instead.
//!
//! The fact sheet and the article are watched, and reloaded when they change on disk, unless
//! `--no-watch` (see [`crate::watch`]).
//!
//! Colours: none with `NO_COLOR`; 24-bit colour only where `COLORTERM` announces it (else the
//! 256-colour palette); the light palette with `--theme light`, or where `COLORFGBG` names a
//! light background and `--theme` is not given, or, when neither says, where the terminal
//! says its background is light when asked (OSC 11, once at start, waiting at most
//! [`crate::terminal::BACKGROUND_QUERY_TIMEOUT`]; not asked with `NO_COLOR`, nor where there is
//! no terminal or `TERM=dumb`, which end before this).

use std::ffi::OsStr;
use std::io::IsTerminal;
use std::path::Path;

use std::time::Duration;

use super::{Failure, Theme, input};
use crate::app::loading::{FirstRead, Job, spawn_after};
use crate::app::{App, Colors, Palette};
use crate::briefing::preview::preview;
use crate::inert::escaped;
use crate::terminal::Ended;

/// Reads the briefing at `path` in the terminal, in `theme`; reloads it when its files change
/// on disk, when `watch`.
pub fn run(path: Option<&Path>, theme: Option<Theme>, watch: bool) -> Result<u8, Failure> {
    let input = input(path)?;
    // The whole briefing loads on a thread of its own from the start. What the reader shows
    // first needs only the fact sheet and the article's first part: a preview, replaced once
    // the whole briefing has loaded. Without one (a fact sheet with errors, an article that
    // cannot be read, the bundled sample), the whole load is waited for, and says what is wrong.
    // A long article's load begins once the preview's first frame is drawn (the gate), or
    // as soon as something waits for it.
    let (go, gate) = std::sync::mpsc::channel::<()>();
    let first_read = FirstRead::default();
    let load = spawn_after(input.clone(), Some(gate), first_read.clone());
    let mut go = Some(go);
    let (briefing, load) = if let Some(p) = preview(&input) {
        (p, Some(load))
    } else {
        go = None;
        (load.wait()?, None)
    };
    // A preview that holds the whole article: the load is quick, and may be waited for below.
    let cut_short = crate::briefing::preview::cut_short(&briefing);
    if !cut_short {
        go = None;
    }
    // A fact sheet with errors is told about before the terminal is: errors first.
    let mut refuse = |why: Failure| {
        drop(go.take());
        match load.as_ref().map(Job::wait) {
            Some(Err(e)) => e.into(),
            _ => why,
        }
    };
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(refuse(Failure::Usage(format!(
            "the reader needs a terminal, and standard {} is not one; for a file or a pipe, {}",
            if std::io::stdout().is_terminal() {
                "input"
            } else {
                "output"
            },
            use_export(path)
        ))));
    }
    // Checked only now, so that a pipe is told about the pipe, whatever TERM says.
    match std::env::var_os("TERM") {
        Some(term) if term == "dumb" => {
            return Err(refuse(Failure::Usage(format!(
                "the reader needs a terminal that can draw a screen, and TERM=dumb says this one \
                 cannot; set TERM to your terminal's type, or {}",
                use_export(path)
            ))));
        }
        Some(term) if !term.is_empty() => {}
        term => {
            return Err(refuse(Failure::Usage(format!(
                "the reader needs to know what terminal it draws on, and TERM is {}; set TERM to \
                 your terminal's type (such as xterm-256color), or {}",
                if term.is_some() { "empty" } else { "not set" },
                use_export(path)
            ))));
        }
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let palette = palette(theme, color);
    let colors = Colors {
        palette,
        truecolor: truecolor(std::env::var_os("COLORTERM").as_deref()),
    };
    // A load done by now (a short article) is shown at once, without a preview before it; one
    // that failed is told about before the terminal is taken.
    // A preview cut short (a long article) is not waited for: its load takes longer.
    let wait_for = if cut_short {
        Duration::ZERO
    } else {
        FULL_LOAD_WAIT
    };
    let (briefing, load) = match load.map(|job| (job.wait_at_most(wait_for), job)) {
        Some((Some(outcome), _)) => (outcome?, None),
        Some((None, job)) => (briefing, Some(job)),
        None => (briefing, None),
    };
    let mut app = App::new(briefing, input, color)
        .with_colors(colors)
        .with_background_loads();
    if let Some(job) = load {
        app = app.with_loading(job);
    }
    let ended = crate::terminal::run(&mut app, watch, go, &first_read);
    // An export still being written when the reader ends is cut short: its temporary file goes,
    // and the terminal, now the shell's again, is told.
    crate::export::output::remove_temporaries();
    if let Some(target) = app.export_target() {
        eprintln!(
            "briefing: the export to {} was cut short when the reader ended (a file there is \
             left as it was)",
            escaped(&target)
        );
    }
    // The whole briefing did not load behind the preview: the same messages as `check`, now
    // that the terminal is the shell's again.
    if let Some(e) = app.into_load_failure() {
        return Err(e.into());
    }
    match ended {
        Ok(Ended::Quit) => Ok(0),
        // The shell convention for "ended by a signal".
        Ok(Ended::Signal(sig)) => Ok(u8::try_from(crate::signals::exit_status(sig)).unwrap_or(1)),
        Err(e) => Err(Failure::Write(format!("terminal error: {e}"))),
    }
}

/// How long the reader waits, once the terminal is known to be usable, for the whole briefing
/// before it shows a preview instead: a short article is loaded by then.
const FULL_LOAD_WAIT: Duration = Duration::from_millis(3);

/// The palette for `theme`, else for the terminal's background as `COLORFGBG` says or the
/// terminal answers (asked only with colour on).
fn palette(theme: Option<Theme>, color: bool) -> Palette {
    match theme {
        Some(Theme::Dark) => Palette::Dark,
        Some(Theme::Light) => Palette::Light,
        None => background(std::env::var_os("COLORFGBG").as_deref())
            // Without colour the palette is not used: the terminal is not asked.
            .or_else(|| {
                color
                    .then(|| {
                        crate::terminal::light_background(crate::terminal::BACKGROUND_QUERY_TIMEOUT)
                    })
                    .flatten()
                    .map(|light| if light { Palette::Light } else { Palette::Dark })
            })
            .unwrap_or_default(),
    }
}

/// Whether `COLORTERM` announces 24-bit colour.
fn truecolor(colorterm: Option<&OsStr>) -> bool {
    colorterm.is_some_and(|v| v == "truecolor" || v == "24bit")
}

/// The palette for the background `COLORFGBG` names (`15;0`, `0;default;15`: the foreground
/// and the background as palette colours, set by rxvt, Konsole and others): light for colour 7
/// or 9–15, dark for the others; nothing when it is unset or unreadable.
fn background(colorfgbg: Option<&OsStr>) -> Option<Palette> {
    let bg: u8 = colorfgbg?.to_str()?.rsplit(';').next()?.parse().ok()?;
    Some(if bg == 7 || (9..=15).contains(&bg) {
        Palette::Light
    } else {
        Palette::Dark
    })
}

/// What to run instead of the reader where it cannot draw: "use `briefing export …` (or json,
/// csv, toml)".
fn use_export(path: Option<&Path>) -> String {
    format!("use `{}` (or json, csv, toml)", export_command(path))
}

/// The export that shows the same briefing without a terminal, written so that a shell runs it
/// as shown: the path last, after `--` when it starts with `-`, quoted when it must be.
fn export_command(path: Option<&Path>) -> String {
    let mut command = "briefing export --format markdown".to_owned();
    if let Some(path) = path {
        let path = path.to_string_lossy();
        if path.starts_with('-') {
            command.push_str(" --");
        }
        command.push(' ');
        command.push_str(&shell_word(&path));
    }
    command
}

/// `word` as a POSIX shell reads it back: bare when every character is plain, else in single
/// quotes, with a quote inside written `'\''`. Characters unsafe to print are escaped as every
/// message escapes them (see [`crate::inert`]); no shell undoes that, but they must not reach
/// the terminal.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "@%+=:,./-_".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return word.to_owned();
    }
    format!("'{}'", escaped(&word.replace('\'', "'\\''")))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use std::ffi::OsStr;

    use super::{background, export_command, shell_word, truecolor};
    use crate::app::Palette;

    #[test]
    fn only_colorterm_truecolor_or_24bit_allows_24_bit_colour() {
        for yes in ["truecolor", "24bit"] {
            assert!(truecolor(Some(OsStr::new(yes))), "{yes}");
        }
        for no in ["", "yes", "256color", "TRUECOLOR"] {
            assert!(!truecolor(Some(OsStr::new(no))), "{no}");
        }
        assert!(!truecolor(None));
    }

    #[test]
    fn colorfgbg_names_the_background() {
        let bg = |v: &str| background(Some(OsStr::new(v)));
        assert_eq!(bg("0;15"), Some(Palette::Light));
        assert_eq!(bg("0;default;7"), Some(Palette::Light));
        assert_eq!(bg("15;0"), Some(Palette::Dark));
        assert_eq!(bg("7;8"), Some(Palette::Dark));
        assert_eq!(bg("15;default"), None);
        assert_eq!(bg(""), None);
        assert_eq!(background(None), None);
    }

    #[test]
    fn shell_words_are_quoted_only_when_they_must_be() {
        assert_eq!(shell_word("dir/facts-2.toml"), "dir/facts-2.toml");
        assert_eq!(shell_word("my facts.toml"), "'my facts.toml'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
        assert_eq!(shell_word("$HOME;*"), "'$HOME;*'");
        assert_eq!(shell_word("~/f"), "'~/f'");
        assert_eq!(shell_word(""), "''");
        assert_eq!(shell_word("a\u{1b}b"), "'a\\u{1b}b'");
    }

    #[test]
    fn a_path_like_an_option_comes_after_two_dashes() {
        assert_eq!(export_command(None), "briefing export --format markdown");
        assert_eq!(
            export_command(Some(Path::new("-x.toml"))),
            "briefing export --format markdown -- -x.toml"
        );
        assert_eq!(
            export_command(Some(Path::new("facts.toml"))),
            "briefing export --format markdown facts.toml"
        );
    }
}
