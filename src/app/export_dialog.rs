//! The export dialog: a format, a CSV table and a file name, written with the same code as
//! `briefing export -o`.

use crate::export::{Format, Request, Table};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportDialog {
    pub format: Format,
    pub table: Table,
    pub file: String,
    /// Why the last attempt failed, or what is at the file's name and that Enter again writes
    /// to it.
    pub problem: Option<String>,
    /// The user has been told what is at the file's name; the next Enter writes to it.
    pub confirmed: bool,
}

const TABLES: [Table; 4] = [Table::Actors, Table::Mentions, Table::Events, Table::Facts];

impl Default for ExportDialog {
    fn default() -> Self {
        let (format, table) = (Format::Json, Table::Actors);
        Self {
            format,
            table,
            file: default_name(format, table),
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
        let i = TABLES.iter().position(|&t| t == self.table).unwrap_or(0);
        let n = TABLES.len();
        self.table = TABLES[(i + n).saturating_add_signed(delta) % n];
        self.follow_default(&old);
    }

    /// Edits the file name; a name ending in a format's extension (`.md`, `.csv`) chooses that
    /// format, as a save dialog does.
    pub fn edit(&mut self, f: impl FnOnce(&mut String)) {
        f(&mut self.file);
        if let Some(format) = format_of(&self.file) {
            self.format = format;
        }
        self.problem = None;
        self.confirmed = false;
    }

    /// After the format or table changed: a default name follows both, and a name of the user's
    /// own keeps its stem and takes the format's extension, if it had one of a format.
    fn follow_default(&mut self, old: &str) {
        if self.file == old {
            self.file = default_name(self.format, self.table);
        } else if format_of(&self.file).is_some_and(|f| f != self.format) {
            let stem_end = self.file.rfind('.').unwrap_or(self.file.len());
            self.file.truncate(stem_end);
            self.file.push('.');
            self.file.push_str(self.format.extension());
        }
        self.problem = None;
        self.confirmed = false;
    }
}

/// The format a file name's extension names, if any.
fn format_of(file: &str) -> Option<Format> {
    let ext = std::path::Path::new(file).extension()?.to_str()?;
    match ext.to_ascii_lowercase().as_str() {
        "json" => Some(Format::Json),
        "md" | "markdown" => Some(Format::Markdown),
        "csv" => Some(Format::Csv),
        "toml" => Some(Format::Toml),
        _ => None,
    }
}

/// "briefing.json", "briefing-mentions.csv".
fn default_name(format: Format, table: Table) -> String {
    match format {
        Format::Csv => {
            let t = match table {
                Table::Actors => "actors",
                Table::Mentions => "mentions",
                Table::Events => "events",
                Table::Facts => "facts",
            };
            format!("briefing-{t}.csv")
        }
        f => format!("briefing.{}", f.extension()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_name_follows_the_format_until_edited() {
        let mut d = ExportDialog::default();
        d.cycle_format(1);
        assert_eq!(d.file, "briefing.md");
        d.cycle_format(1);
        d.cycle_table(1);
        assert_eq!(d.file, "briefing-mentions.csv");
        d.edit(|f| f.push('x'));
        d.cycle_format(1);
        assert_eq!(d.file, "briefing-mentions.csvx");
        assert_eq!(d.format, Format::Toml);
        d.cycle_format(-2);
        assert_eq!(d.format, Format::Markdown);
    }

    #[test]
    fn a_name_of_ones_own_and_its_format_follow_each_other() {
        let mut d = ExportDialog::default();
        d.edit(String::clear);
        for c in "mine.md".chars() {
            d.edit(|f| f.push(c));
        }
        assert_eq!(d.format, Format::Markdown);
        d.cycle_format(1);
        assert_eq!((d.format, d.file.as_str()), (Format::Csv, "mine.csv"));
        d.edit(|f| f.push_str(".bak"));
        d.cycle_format(1);
        assert_eq!((d.format, d.file.as_str()), (Format::Toml, "mine.csv.bak"));
    }
}
