//! A one-line text field that edits as a shell line does: a cursor that `←`/`→`, `Home`/`End`
//! (`Ctrl-a`/`Ctrl-e`) move, typing and pasting at the cursor, `Backspace` before it, `Ctrl-u`
//! back to the start and `Ctrl-w` the word before it. The export dialog's file name is one.

use std::ops::Deref;

use super::action::Action;

/// The text and where the cursor stands in it (a byte offset, always on a character boundary).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    cursor: usize,
}

impl TextField {
    /// `text`, with the cursor at its end.
    #[must_use]
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            cursor: text.len(),
            text,
        }
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The cursor's byte offset in the text.
    #[must_use]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Replaces the whole text; the cursor goes to its end.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = Self::new(text);
    }

    /// Applies an editing action; whether it was one (the text or the cursor may be unchanged,
    /// as `←` at the start).
    pub fn apply(&mut self, action: &Action) -> bool {
        match action {
            Action::Type(c) => self.insert(c.encode_utf8(&mut [0; 4])),
            Action::Paste(text) => self.insert(text),
            Action::DeleteChar => {
                let start = self.before(self.cursor);
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Action::CursorLeft => self.cursor = self.before(self.cursor),
            Action::CursorRight => {
                self.cursor = self.text[self.cursor..]
                    .chars()
                    .next()
                    .map_or(self.cursor, |c| self.cursor + c.len_utf8());
            }
            Action::CursorStart => self.cursor = 0,
            Action::CursorEnd => self.cursor = self.text.len(),
            Action::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Action::DeleteWord => {
                // The spaces before the cursor, then the word before them, as a shell does.
                let head = self.text[..self.cursor].trim_end();
                let start = head.rfind(char::is_whitespace).map_or(0, |i| i + 1);
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            _ => return false,
        }
        true
    }

    fn insert(&mut self, s: &str) {
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
    }

    /// The start of the character before byte `at`.
    fn before(&self, at: usize) -> usize {
        self.text[..at]
            .chars()
            .next_back()
            .map_or(at, |c| at - c.len_utf8())
    }
}

impl Deref for TextField {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq<&str> for TextField {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str, actions: &[Action]) -> (String, usize) {
        let mut f = TextField::new(text);
        for a in actions {
            f.apply(a);
        }
        (f.as_str().to_owned(), f.cursor())
    }

    #[test]
    fn edits_at_the_cursor_as_a_shell_line() {
        use Action::{
            CursorEnd, CursorLeft, CursorRight, CursorStart, DeleteChar, DeleteToStart, DeleteWord,
            Type,
        };
        let left5 = [
            CursorLeft,
            CursorLeft,
            CursorLeft,
            CursorLeft,
            CursorLeft,
            Type('2'),
        ];
        assert_eq!(edit("out.json", &left5), ("out2.json".to_owned(), 4));
        let ends = [CursorStart, Type('x'), CursorEnd, Type('y')];
        assert_eq!(edit("ab", &ends), ("xaby".to_owned(), 4));
        let wide = [CursorLeft, CursorLeft, DeleteChar];
        assert_eq!(edit("año", &wide), ("ño".to_owned(), 0));
        assert_eq!(
            edit("/tmp/out dir/x", &[DeleteWord]),
            ("/tmp/out ".to_owned(), 9)
        );
        assert_eq!(edit("a b  ", &[DeleteWord]), ("a ".to_owned(), 2));
        assert_eq!(
            edit("abc", &[CursorLeft, DeleteToStart]),
            ("c".to_owned(), 0)
        );
        let round = [CursorRight, CursorLeft, CursorLeft];
        assert_eq!(edit("é", &round), ("é".to_owned(), 0));
    }
}
