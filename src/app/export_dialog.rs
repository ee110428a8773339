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
    /// What the export being written is doing: "Writing briefing.json… Esc cancels".
    pub status: Option<String>,
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
            status: None,
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

    pub fn edit(&mut self, f: impl FnOnce(&mut String)) {
        f(&mut self.file);
        self.problem = None;
        self.confirmed = false;
    }

    fn follow_default(&mut self, old: &str) {
        if self.file == old {
            self.file = default_name(self.format, self.table);
        }
        self.problem = None;
        self.confirmed = false;
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
}
