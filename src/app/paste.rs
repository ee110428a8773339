//! A paste (bracketed paste, so the terminal marks where it starts and ends): its text goes
//! into the text field that is open, as one line, and is never read as keys — a pasted line
//! break cannot submit a search or answer the export dialog. With no field open, the paste is
//! ignored and the status bar says so.

use super::keys::Context;
use super::{Action, App};

/// The most characters a paste puts into a field: far more than any search, filter or file
/// name needs, and little enough that a pasted book cannot make each key re-filter megabytes.
pub const MAX_PASTE: usize = 4096;

impl App {
    /// Takes a paste: into the open field, or ignored with a message.
    pub(super) fn paste(&mut self, text: &str) {
        let typing = self.export.is_some()
            || self.curate.is_some()
            || self.window_search_typed().is_some()
            || self.editing();
        if !typing {
            let search = self.key(Context::Article, &Action::Search);
            self.complain(format!(
                "Paste ignored: no text field is open ({search} searches)"
            ));
            return;
        }
        let (line, cut) = field_text(text);
        let action = Action::Paste(line);
        if self.export.is_some() {
            self.dialog_action(&action);
        } else if self.curate.is_some() {
            self.curate_action(&action);
        } else if self.window.is_some() {
            self.window_action(action);
        } else if self.search.editing {
            self.search_input(action);
        } else {
            self.filter_input(action);
        }
        if cut > 0 {
            self.complain(format!(
                "Pasted the first {MAX_PASTE} characters; {cut} more left out"
            ));
        }
    }
}

/// The text as one line for a field. Not [`crate::inert::one_line`], which is for showing text:
/// it trims, collapses spaces and writes placeholders, where a field must keep what was pasted
/// (`NATO summit ` with its space) and can take no placeholder as text. Each line break (CR LF, CR, LF, and Unicode's line and
/// paragraph separators) and tab becomes a space, other control characters are dropped, and
/// at most [`MAX_PASTE`] characters are kept. Also returns how many were left out.
#[must_use]
pub fn field_text(text: &str) -> (String, usize) {
    let mut line = String::new();
    let mut kept = 0;
    let mut cut = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                // CR LF is one break.
                chars.next_if_eq(&'\n');
                ' '
            }
            '\n' | '\t' | '\u{2028}' | '\u{2029}' | '\u{85}' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if kept < MAX_PASTE {
            line.push(c);
            kept += 1;
        } else {
            cut += 1;
        }
    }
    (line, cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_become_spaces_and_controls_go() {
        assert_eq!(
            field_text("NATO\r\ne\r\r\n\x1b[2J\tx\u{2028}y"),
            ("NATO e  [2J x y".to_owned(), 0)
        );
    }

    #[test]
    fn a_long_paste_is_cut_and_says_how_much() {
        let (line, cut) = field_text(&"é".repeat(MAX_PASTE + 7));
        assert_eq!((line.chars().count(), cut), (MAX_PASTE, 7));
    }
}
