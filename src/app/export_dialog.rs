//! The export dialog: a format, a CSV table and a file name, written with the same code as
//! `briefing export -o`, and the keys that answer it.

use std::path::{Path, PathBuf};

use super::action::Action;
use super::export_job::ExportJob;
use super::text_field::TextField;
use crate::briefing::{Briefing, Input};
use crate::export::output::{TargetKind, describe_target, human_size};
use crate::export::{Exported, Format, Request, Table};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: Format,
    pub table: Table,
    /// The file name, edited as a shell line.
    pub file: TextField,
    /// Why the last attempt failed, or what is at the file's name and that Enter again writes
    /// to it.
    pub problem: Option<String>,
    /// The user has been told what is at the file's name; the next Enter writes to it.
    pub confirmed: bool,
}

impl Default for ExportDialog {
    fn default() -> Self {
        let (format, table) = (Format::Json, Table::Actors);
        Self {
            format,
            table,
            file: TextField::new(default_name(format, table)),
            problem: None,
            confirmed: false,
        }
    }
}

impl ExportDialog {
    #[must_use]
    pub fn request(&self) -> Request {
        Request {
            format: self.format,
            table: self.table,
        }
    }

    /// Cycles the format; a file name that was the default follows it.
    pub fn cycle_format(&mut self, delta: isize) {
        let old = default_name(self.format, self.table);
        let i = Format::ALL
            .iter()
            .position(|&f| f == self.format)
            .unwrap_or(0);
        let n = Format::ALL.len();
        self.format = Format::ALL[(i + n).saturating_add_signed(delta) % n];
        self.follow_default(&old);
    }

    /// Cycles the CSV table.
    pub fn cycle_table(&mut self, delta: isize) {
        if self.format != Format::Csv {
            return;
        }
        let old = default_name(self.format, self.table);
        let i = Table::ALL
            .iter()
            .position(|&t| t == self.table)
            .unwrap_or(0);
        let n = Table::ALL.len();
        self.table = Table::ALL[(i + n).saturating_add_signed(delta) % n];
        self.follow_default(&old);
    }

    /// Opened again in the same run: the last format, table and file name, with nothing said
    /// yet about them.
    #[must_use]
    pub fn reopened(mut self) -> Self {
        self.problem = None;
        self.confirmed = false;
        self.file.set(self.file.as_str().to_owned());
        self
    }

    /// Edits the file name; a name ending in a format's extension (`.md`, `.csv`) chooses that
    /// format, as a save dialog does.
    pub fn edit(&mut self, action: &Action) {
        if !self.file.apply(action) {
            return;
        }
        if let Some(format) = format_of(&self.file) {
            self.format = format;
        }
        self.problem = None;
        self.confirmed = false;
    }

    /// After the format or table changed: a default name follows both, and a name of the user's
    /// own keeps its stem and takes the format's extension, if it had one of a format.
    fn follow_default(&mut self, old: &str) {
        if self.file.as_str() == old {
            self.file.set(default_name(self.format, self.table));
        } else if format_of(&self.file).is_some_and(|f| f != self.format) {
            let stem_end = self.file.rfind('.').unwrap_or(self.file.len());
            let renamed = format!("{}.{}", &self.file[..stem_end], self.format.extension());
            self.file.set(renamed);
        }
        self.problem = None;
        self.confirmed = false;
    }
}

/// What a key leaves of the dialog.
pub enum Answer {
    Stays,
    Closes,
    /// Enter started writing the export: the dialog waits for it.
    Writes(ExportJob),
}

impl ExportDialog {
    /// A key while the dialog is open and nothing is being written; Enter writes `briefing`
    /// (loaded from `input`), a relative file name into `folder`. `submit` is the key that
    /// writes, for the question asked before writing over something.
    pub fn answer(
        &mut self,
        action: &Action,
        input: &Input,
        briefing: &Briefing,
        folder: &Path,
        submit: &str,
    ) -> Answer {
        match action {
            Action::Type(_)
            | Action::Paste(_)
            | Action::DeleteChar
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorStart
            | Action::CursorEnd
            | Action::DeleteToStart
            | Action::DeleteWord => self.edit(action),
            Action::NextOption => self.cycle_format(1),
            Action::PrevOption => self.cycle_format(-1),
            Action::Down => self.cycle_table(1),
            Action::Up => self.cycle_table(-1),
            Action::Cancel => return Answer::Closes,
            Action::Submit => {
                if let Some(job) = self.write(input, briefing, folder, submit) {
                    return Answer::Writes(job);
                }
            }
            _ => {}
        }
        Answer::Stays
    }

    /// Enter in the export dialog: refuses what must not be written, asks once before writing
    /// to anything already there (saying what it is), then writes on a thread of its own.
    fn write(
        &mut self,
        input: &Input,
        briefing: &Briefing,
        folder: &Path,
        submit: &str,
    ) -> Option<ExportJob> {
        let dialog = self;
        let name = dialog.file.trim().to_owned();
        if name.is_empty() {
            dialog.problem = Some("Type a file name".into());
            return None;
        }
        let shown = crate::inert::escaped(&name).into_owned();
        let home = std::env::var_os("HOME");
        let target = export_path(folder, &name, home.as_deref());
        let kind = describe_target(&target);
        let request = dialog.request();
        let refused = if name == "-" || kind.is_standard_stream() {
            // The terminal the reader draws on: the export would land in its frame.
            Some(format!(
                "{shown} is the terminal the reader draws on; name a file"
            ))
        } else if is_a_terminal(&kind, &target) {
            Some(format!(
                "{shown} is a terminal: the export would be drawn over its screen; name a file"
            ))
        } else {
            crate::export::refusal_for(input, briefing, request, &target)
                .map(|e| crate::inert::escaped(&e.to_string()).into_owned())
        };
        if let Some(refused) = refused {
            dialog.problem = Some(refused);
            dialog.confirmed = false;
            return None;
        }
        if kind.exists() && !dialog.confirmed {
            dialog.problem = Some(match kind {
                TargetKind::RegularFile => format!("{shown} exists: {submit} again to replace it"),
                TargetKind::Fifo => {
                    format!("{shown} is a FIFO: {submit} again to write once a reader opens it")
                }
                TargetKind::DanglingLink { .. } => {
                    format!("{shown} links to a missing file: {submit} again to create it")
                }
                other => format!(
                    "{shown} is {}: {submit} again to write to it",
                    other.phrase()
                ),
            });
            dialog.confirmed = true;
            return None;
        }
        let job = ExportJob::start(input.clone(), briefing.clone(), request, target);
        match job {
            Ok(job) => {
                dialog.problem = None;
                Some(job)
            }
            Err(e) => {
                dialog.problem = Some(format!("Cannot start writing: {e}"));
                dialog.confirmed = false;
                None
            }
        }
    }

    /// The export failed: the dialog says why, and Enter tries again.
    pub fn failed(&mut self, why: &str) {
        self.problem = Some(crate::inert::escaped(why).into_owned());
        self.confirmed = false;
    }
}

/// What the status bar says of a written export.
#[must_use]
pub fn exported(written: Exported) -> String {
    let file = written.file;
    let path = std::fs::canonicalize(&file.path).unwrap_or(file.path);
    let article = match written.article {
        Some(a) => format!(
            ", and the article it names to {}",
            crate::inert::escaped(&a.path.to_string_lossy())
        ),
        None => String::new(),
    };
    format!(
        "Exported {} to {}{article}",
        human_size(file.bytes),
        crate::inert::escaped(&path.to_string_lossy())
    )
}

/// Where the dialog's file name is written: as typed when absolute or when exports go to the
/// working folder (so messages say `pipe`, not `./pipe`), else in the export folder; `~/`
/// stands for the home folder, as in a shell.
fn export_path(folder: &Path, name: &str, home: Option<&std::ffi::OsStr>) -> PathBuf {
    let home = home.filter(|h| !h.is_empty());
    if let Some(home) = home {
        if name == "~" {
            return PathBuf::from(home);
        }
        if let Some(rest) = name.strip_prefix("~/") {
            return PathBuf::from(home).join(rest);
        }
    }
    if folder == Path::new(".") {
        PathBuf::from(name)
    } else {
        folder.join(name)
    }
}

/// Whether a device is a terminal (`/dev/tty`, a pseudo-terminal): writing an export there
/// would draw over the reader, or into another terminal's screen. Opened without becoming its
/// controlling terminal and without waiting, only to ask.
fn is_a_terminal(kind: &TargetKind, target: &Path) -> bool {
    use std::io::IsTerminal;
    use std::os::unix::fs::OpenOptionsExt;
    *kind == TargetKind::CharDevice
        && std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NOCTTY | libc::O_NONBLOCK)
            .open(target)
            .is_ok_and(|f| f.is_terminal())
}

/// The format a file name's extension names, if any.
fn format_of(file: &str) -> Option<Format> {
    let ext = std::path::Path::new(file).extension()?.to_str()?;
    match ext.to_ascii_lowercase().as_str() {
        "json" => Some(Format::Json),
        "md" | "markdown" => Some(Format::Markdown),
        "csv" => Some(Format::Csv),
        "toml" => Some(Format::Toml),
        "html" | "htm" => Some(Format::Html),
        _ => None,
    }
}

/// "briefing.json", "briefing-mentions.csv".
fn default_name(format: Format, table: Table) -> String {
    match format {
        Format::Csv => format!("briefing-{table}.{}", format.extension()),
        f => format!("briefing.{}", f.extension()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_path_is_as_typed_in_the_working_folder_and_tilde_is_home() {
        let home = Some(std::ffi::OsStr::new("/home/ann"));
        let here = Path::new(".");
        assert_eq!(export_path(here, "pipe", home), Path::new("pipe"));
        assert_eq!(
            export_path(Path::new("/out"), "x.md", home),
            Path::new("/out/x.md")
        );
        assert_eq!(export_path(here, "/abs/x.md", home), Path::new("/abs/x.md"));
        assert_eq!(
            export_path(here, "~/x.json", home),
            Path::new("/home/ann/x.json")
        );
        assert_eq!(export_path(here, "~/x.json", None), Path::new("~/x.json"));
        assert_eq!(export_path(here, "~x.json", home), Path::new("~x.json"));
        assert_eq!(export_path(here, "~", home), Path::new("/home/ann"));
    }

    #[test]
    fn the_default_name_follows_the_format_until_edited() {
        let mut d = ExportDialog::default();
        d.cycle_format(1);
        assert_eq!(d.file, "briefing.md");
        d.cycle_format(1);
        d.cycle_table(1);
        assert_eq!(d.file, "briefing-mentions.csv");
        d.edit(&Action::Type('x'));
        d.cycle_format(1);
        assert_eq!(d.file, "briefing-mentions.csvx");
        assert_eq!(d.format, Format::Toml);
        d.cycle_format(-2);
        assert_eq!(d.format, Format::Markdown);
    }

    #[test]
    fn a_name_of_ones_own_and_its_format_follow_each_other() {
        let mut d = ExportDialog::default();
        d.edit(&Action::CursorEnd);
        d.edit(&Action::DeleteToStart);
        for c in "mine.md".chars() {
            d.edit(&Action::Type(c));
        }
        assert_eq!(d.format, Format::Markdown);
        d.cycle_format(1);
        assert_eq!((d.format, d.file.as_str()), (Format::Csv, "mine.csv"));
        d.edit(&Action::Paste(".bak".to_owned()));
        d.cycle_format(1);
        assert_eq!((d.format, d.file.as_str()), (Format::Toml, "mine.csv.bak"));
    }

    #[test]
    fn a_name_ending_in_html_chooses_the_page() {
        let mut d = ExportDialog::default();
        d.edit(&Action::DeleteToStart);
        d.edit(&Action::Paste("for-the-desk.html".to_owned()));
        assert_eq!(d.format, Format::Html);
    }
}
