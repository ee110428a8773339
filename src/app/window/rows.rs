//! The rows of the open window (help, warnings, the errors of a failed reload): its text
//! wrapped to the window's inner width. Both sides use them: the app counts them to keep the
//! scroll in range, the view styles and draws the ones it shows, so the two never disagree
//! about where the end is. They are wrapped once per width and kept (see
//! [`super::Window`]): rewrapping 10,000 warnings took ~14 ms, twice a key (to clamp and to
//! draw), far over the keystroke budget.

use crate::app::keys::{Context, KeyTable};
use crate::diagnostic::Diagnostic;
use crate::inert::one_line;
use std::path::Path;

/// How a row looks; the view maps this to its theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    Plain,
    Dim,
    Heading,
    Error,
}

/// One screen row of a window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// A key column (help only), already padded to its width.
    pub key: Option<String>,
    pub text: String,
    pub look: Look,
    /// Whether the row begins an entry (a warning, a binding, a heading) rather than carrying
    /// one on: a new width keeps the same entry at the top of the window.
    pub first: bool,
    /// Whether the row carries on a word the row before broke (at a hyphen, or a word longer
    /// than the row) rather than starting after a space: a search joins the rows of an entry
    /// back into the text they were wrapped from.
    pub glued: bool,
}

impl Row {
    fn new(text: impl Into<String>, look: Look) -> Self {
        Self {
            key: None,
            text: text.into(),
            look,
            first: true,
            glued: false,
        }
    }
}

/// `text` wrapped to `width` columns, each row with whether it carries on a word the row
/// before it broke (see [`Row::glued`]).
fn wrap(text: &str, width: usize) -> Vec<(String, bool)> {
    // textwrap's rows are pieces of the text, in order, less the spaces it breaks at: walking
    // the text tells which breaks had a space.
    let mut at = 0;
    textwrap::wrap(text, width)
        .into_iter()
        .map(|part| {
            let rest = text.get(at..).unwrap_or("");
            // Where the row is found next: at once (glued), after blanks, or (were textwrap
            // ever to change a row) not at all, when a space is assumed.
            let glued = match rest.find(part.as_ref()) {
                Some(skipped) => {
                    at += skipped + part.len();
                    at > part.len() && skipped == 0
                }
                None => false,
            };
            (part.into_owned(), glued)
        })
        .collect()
}

/// The rows `text` wraps to at `width` columns, as one entry.
fn entry(text: &str, width: usize, look: Look) -> Vec<Row> {
    wrap(text, width)
        .into_iter()
        .enumerate()
        .map(|(i, (part, glued))| Row {
            first: i == 0,
            glued,
            ..Row::new(part, look)
        })
        .collect()
}

/// Where `row` of `old` is in `new`, the same rows wrapped to another width: the first row of
/// the same entry.
pub(super) fn anchor(old: &[Row], new: &[Row], row: usize) -> usize {
    let entries = old
        .iter()
        .take(row.saturating_add(1))
        .filter(|r| r.first)
        .count();
    new.iter()
        .enumerate()
        .filter(|(_, r)| r.first)
        .nth(entries.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The first row of the entry `row` belongs to.
#[must_use]
pub fn entry_start(rows: &[Row], row: usize) -> usize {
    rows.get(..=row.min(rows.len().saturating_sub(1)))
        .and_then(|before| before.iter().rposition(|r| r.first))
        .unwrap_or(0)
}

/// `path` as named from `folder` (`facts.toml` rather than `some/where/facts.toml`), or whole
/// when it is not in `folder`.
fn from_folder(path: &str, folder: &Path) -> String {
    Path::new(path)
        .strip_prefix(folder)
        .ok()
        .and_then(Path::to_str)
        .filter(|rest| !rest.is_empty())
        .unwrap_or(path)
        .to_owned()
}

/// The fact sheet's warnings (and the notes it loaded with), one entry each, their files named
/// from the folder of the fact sheet `sheet`: the window is about that sheet.
#[must_use]
pub fn warnings(warnings: &[Diagnostic], sheet: &str, width: usize) -> Vec<Row> {
    let folder = Path::new(sheet).parent().unwrap_or(Path::new(""));
    let mut rows: Vec<Row> = warnings
        .iter()
        .flat_map(|d| {
            let d = Diagnostic {
                path: from_folder(&d.path, folder),
                ..d.clone()
            };
            entry(&one_line(&d.to_string()), width, Look::Plain)
        })
        .collect();
    if rows.is_empty() {
        rows = entry("The fact sheet has no warnings.", width, Look::Dim);
    }
    rows
}

/// Why a reload was not taken, then its errors, one entry each.
#[must_use]
pub fn reload_errors(diagnostics: &[Diagnostic], width: usize) -> Vec<Row> {
    let mut rows = entry(
        "The briefing on disk has errors; the previous version stays open.",
        width,
        Look::Error,
    );
    rows.push(Row::new("", Look::Plain));
    rows.extend(
        diagnostics
            .iter()
            .flat_map(|d| entry(&one_line(&d.to_string()), width, Look::Plain)),
    );
    rows
}

/// Every binding of the key table, grouped by context, each description wrapped with a
/// hanging indent.
#[must_use]
pub fn help(keys: &KeyTable, width: usize) -> Vec<Row> {
    let order = [
        Context::Global,
        Context::Panes,
        Context::Article,
        Context::List,
        Context::Details,
        Context::Input,
        Context::Dialog,
        Context::Window,
    ];
    let bindings = keys.bindings();
    let key_w = bindings
        .iter()
        .map(|b| unicode_width::UnicodeWidthStr::width(b.labels.join(" ").as_str()))
        .max()
        .unwrap_or(8)
        .min(24);
    // Too narrow for a key column beside text worth reading: each key on a line of its
    // own, its description indented below it.
    let stacked = width < key_w + 4 + 24;
    let text_w = if stacked {
        width.saturating_sub(4).max(1)
    } else {
        width - (key_w + 4)
    };
    let mut rows: Vec<Row> = entry(
        "Mouse: click a pane, a row or a mention to select and follow it; the wheel scrolls.",
        width,
        Look::Dim,
    );
    for context in order {
        rows.push(Row::new("", Look::Plain));
        rows.push(Row::new(context.title(), Look::Heading));
        for b in bindings.iter().filter(|b| b.context == context) {
            let keys = b.labels.join(" ");
            if stacked {
                rows.push(Row {
                    key: Some(format!("  {keys}")),
                    ..Row::new("", Look::Plain)
                });
            }
            for (i, (part, glued)) in wrap(&b.help, text_w).into_iter().enumerate() {
                let key = match (stacked, i) {
                    (true, _) => "    ".to_owned(),
                    (false, 0) => format!("  {keys:<key_w$}  "),
                    (false, _) => format!("  {:<key_w$}  ", ""),
                };
                rows.push(Row {
                    key: Some(key),
                    first: i == 0 && !stacked,
                    glued,
                    ..Row::new(part, Look::Plain)
                });
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_name_their_files_from_the_sheets_folder() {
        let at = |path: &str| Diagnostic {
            severity: crate::diagnostic::Severity::Warning,
            path: path.to_owned(),
            line: 12,
            column: 3,
            message: "m".to_owned(),
            hint: None,
        };
        let text = |sheet| {
            let ds = [
                at("some/where/facts.toml"),
                at("some/where/a.txt"),
                at("/else/b.txt"),
            ];
            warnings(&ds, sheet, 80)
                .into_iter()
                .map(|r| r.text)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            text("some/where/facts.toml"),
            [
                "facts.toml:12:3: warning: m",
                "a.txt:12:3: warning: m",
                "/else/b.txt:12:3: warning: m"
            ]
        );
        assert_eq!(
            text("facts.toml")[0],
            "some/where/facts.toml:12:3: warning: m"
        );
    }

    #[test]
    fn rows_know_whether_a_space_stood_before_them() {
        let glued = |text: &str, width| -> Vec<(String, bool)> { wrap(text, width) };
        // A break at a space, at a hyphen, and inside a word longer than the row.
        assert_eq!(
            glued("actor \"ghost-254\" is", 14),
            vec![
                ("actor \"ghost-".to_owned(), false),
                ("254\" is".to_owned(), true),
            ]
        );
        assert_eq!(
            glued("a verylongword", 5),
            vec![
                ("a".to_owned(), false),
                ("veryl".to_owned(), false),
                ("ongwo".to_owned(), true),
                ("rd".to_owned(), true),
            ]
        );
        // Joined back, the rows are the text again.
        let text = "line 3: actor \"ghost-254\" is never mentioned in the article, 日本語も";
        for width in 1..40 {
            let mut back = String::new();
            for (i, (row, glued)) in wrap(text, width).into_iter().enumerate() {
                if i > 0 && !glued {
                    back.push(' ');
                }
                back.push_str(&row);
            }
            assert_eq!(back, text, "at {width} columns");
        }
    }
}
