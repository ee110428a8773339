//! Writing the reader's changes to the fact sheet on disk: each one checked, written at once
//! and atomically, never over an edit made outside the reader, and undone byte for byte.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use super::Change;
use super::apply::{ApplyError, apply_at};
use crate::briefing::{self, Briefing, Checked, Input, MAX_SHEET_BYTES, ReadError, read_limited};
use crate::diagnostic::Diagnostic;
use crate::export::output::{WriteError, write_atomic};
use crate::inert::escaped;
use crate::plural::count;

/// The fact sheet the reader changes: where it is, the bytes the reader loaded, and the changes
/// made in this run, for undo. Held by the reader beside its briefing.
#[derive(Clone, Debug)]
pub struct Editor {
    input: Input,
    path: PathBuf,
    /// The bytes the reader's briefing was loaded from (or that its last change wrote): what a
    /// change is applied to, and what the file must still hold for the change to be written.
    /// Stored, not derived: it is the only record of what the reader shows.
    loaded: Vec<u8>,
    /// Each change made in this run, the last last.
    done: Vec<Done>,
}

#[derive(Clone, Debug)]
struct Done {
    before: Vec<u8>,
    after: Vec<u8>,
    /// What the change added, for the undo's message.
    what: String,
}

/// A change written.
#[derive(Clone, Debug)]
pub struct Committed {
    /// One line: `Added actor "Jens Stoltenberg" (stoltenberg) at facts.toml:42`.
    pub message: String,
    /// The sheet's new text, as written.
    pub text: String,
    /// The briefing the new text makes, as checked before writing: the reader can show it
    /// without loading the sheet again. Its `warnings` are those `check` reports on the new
    /// sheet (a change with errors is not written).
    pub briefing: Box<Briefing>,
}

/// A change applied to the sheet's text, staged: to be checked ([`Staged::check`], on any
/// thread) and then written ([`Editor::write`]).
#[derive(Clone, Debug)]
pub struct Staged {
    /// The sheet's new text.
    pub text: String,
    /// The sheet's bytes it was made from.
    base: Vec<u8>,
    /// What the change adds, for the messages.
    what: String,
    /// The line of the new text the change begins on.
    line: usize,
}

impl Staged {
    /// The new text checked as `briefing check` checks the sheet `input` names (its article
    /// read from disk again).
    #[must_use]
    pub fn check(&self, input: &Input) -> Checked {
        briefing::check_text(input, self.text.clone())
    }

    /// [`Self::check`], given up (`None`) once `stop` is set (see
    /// [`briefing::check_text_until`]).
    #[must_use]
    pub fn check_until(&self, input: &Input, stop: &AtomicBool) -> Option<Checked> {
        briefing::check_text_until(input, self.text.clone(), stop)
    }
}

/// A change undone.
#[derive(Clone, Debug)]
pub struct Undone {
    /// One line: `Undid: added actor "Jens Stoltenberg" (stoltenberg)`.
    pub message: String,
    /// The sheet's text as it is again.
    pub text: String,
}

/// Why a change or an undo was not written. In every case the file is as it was.
#[derive(Debug, thiserror::Error)]
pub enum EditError {
    /// The bundled sample or a briefing held in memory: there is no file to change.
    #[error("{0}")]
    NoFile(String),
    #[error(transparent)]
    Apply(#[from] ApplyError),
    /// The change would make the sheet fail `check`: every diagnostic, warnings too.
    #[error(
        "not written: the change would make {path} fail `check` with {}; {}",
        count(.diagnostics.iter().filter(|d| d.is_error()).count(), "error"),
        .diagnostics.iter().find(|d| d.is_error()).map_or_else(String::new, |d| d.message.clone())
    )]
    Invalid {
        path: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// The file on disk is not what the reader loaded: it was edited outside the reader. The
    /// reader reloads it (and hands the new bytes to [`Editor::loaded`]) before anything else.
    #[error(
        "not written: {path} changed on disk since it was loaded; it is reloaded, make the \
         change again"
    )]
    ChangedOnDisk { path: String },
    #[error("not written: {path} cannot be read ({reason})")]
    Unreadable { path: String, reason: String },
    #[error("not written: {0}")]
    Write(#[from] WriteError),
    #[error("nothing to undo: the reader has changed nothing in this run")]
    NothingToUndo,
    /// The file is not what the last change wrote: undoing would lose an edit made outside.
    #[error(
        "not undone: {path} was changed outside the reader after it added {what}; undo that by \
         hand"
    )]
    UndoChangedOnDisk { path: String, what: String },
}

impl Editor {
    /// An editor for the fact sheet `input` names, loaded as `loaded` (the briefing's
    /// [`briefing::Briefing::sheet_text`]). The bundled sample and in-memory briefings have no
    /// file: refused with how to get an editable copy.
    pub fn new(input: &Input, loaded: impl Into<Vec<u8>>) -> Result<Self, EditError> {
        let path = match input {
            Input::Path(p) => p.clone(),
            Input::Bundled => {
                return Err(EditError::NoFile(
                    "the bundled sample cannot be changed: write a copy to edit with `briefing \
                     export --format toml -o DIR/facts.toml` (the article is written beside \
                     it), then open DIR/facts.toml"
                        .to_owned(),
                ));
            }
            Input::Memory { .. } => {
                return Err(EditError::NoFile(
                    "this briefing is held in memory, not in a file: there is nothing to change"
                        .to_owned(),
                ));
            }
        };
        Ok(Self {
            input: input.clone(),
            path,
            loaded: loaded.into(),
            done: Vec::new(),
        })
    }

    /// The sheet was reloaded from disk (an edit made outside the reader): `bytes` are the new
    /// base of every change.
    pub fn loaded(&mut self, bytes: impl Into<Vec<u8>>) {
        self.loaded = bytes.into();
    }

    /// How many changes [`Editor::undo`] can still undo.
    #[must_use]
    pub fn undoable(&self) -> usize {
        self.done.len()
    }

    /// The fact sheet's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn shown(&self) -> String {
        self.input.sheet_display()
    }

    /// The file's name, for a message: `facts.toml`.
    fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.shown(),
            |f| escaped(&f.to_string_lossy()).into_owned(),
        )
    }

    fn on_disk(&self) -> Result<Vec<u8>, EditError> {
        read_limited(&self.path, MAX_SHEET_BYTES).map_err(|e| EditError::Unreadable {
            path: self.shown(),
            reason: match e {
                ReadError::NotAFile(what) => format!("it is {what}"),
                ReadError::TooLarge(size) => format!("{size} bytes is too large"),
                ReadError::Io(io) => io.to_string(),
            },
        })
    }

    /// Applies `change` to the loaded sheet, checks the result as `briefing check` would, and
    /// writes it when it has no error and the file still holds what was loaded: [`Self::stage`],
    /// [`Staged::check`] and [`Self::write`] in a row, for a caller that can wait for the check
    /// (the reader checks on another thread: at 256 MiB it takes seconds).
    pub fn commit(&mut self, change: &Change) -> Result<Committed, EditError> {
        let staged = self.stage(change)?;
        let checked = staged.check(&self.input);
        self.write(staged, checked)
    }

    /// The sheet's text with `change` applied to what was loaded, not yet checked or written.
    pub fn stage(&self, change: &Change) -> Result<Staged, EditError> {
        let before = std::str::from_utf8(&self.loaded).map_err(|_| EditError::Unreadable {
            path: self.shown(),
            reason: "it is not UTF-8 text".to_owned(),
        })?;
        let (text, at) = apply_at(before, change)?;
        Ok(Staged {
            line: 1 + text[..at].matches('\n').count(),
            what: change.describe(),
            text,
            base: self.loaded.clone(),
        })
    }

    /// Whether `staged` was made from the sheet as the editor has it now: not when a change
    /// written since, or a version reloaded from disk, came between.
    #[must_use]
    pub fn is_current(&self, staged: &Staged) -> bool {
        staged.base == self.loaded
    }

    /// Writes `staged`, whose check is `checked`, if it has no error and the file still holds
    /// what it was staged from (not when a change written since, or an edit outside the
    /// reader, came between).
    pub fn write(&mut self, staged: Staged, checked: Checked) -> Result<Committed, EditError> {
        // A sheet with errors makes no briefing.
        let loaded = checked
            .into_briefing()
            .map_err(|diagnostics| EditError::Invalid {
                path: self.shown(),
                diagnostics,
            })?;
        if staged.base != self.loaded || self.on_disk()? != self.loaded {
            return Err(EditError::ChangedOnDisk { path: self.shown() });
        }
        let Staged {
            text, what, line, ..
        } = staged;
        write_atomic(&self.path, text.as_bytes(), &[])?;
        let message = format!("Added {what} at {}:{line}", self.file_name());
        self.done.push(Done {
            before: std::mem::replace(&mut self.loaded, text.clone().into_bytes()),
            after: text.clone().into_bytes(),
            what,
        });
        Ok(Committed {
            message,
            text,
            briefing: Box::new(loaded),
        })
    }

    /// Undoes the last change made in this run: the file gets back the bytes it had before it,
    /// if it still holds what that change wrote.
    pub fn undo(&mut self) -> Result<Undone, EditError> {
        let last = self.done.last().ok_or(EditError::NothingToUndo)?;
        if self.on_disk()? != last.after {
            return Err(EditError::UndoChangedOnDisk {
                path: self.shown(),
                what: last.what.clone(),
            });
        }
        write_atomic(&self.path, &last.before, &[])?;
        let message = format!("Undid: added {}", last.what);
        let before = last.before.clone();
        self.done.pop();
        self.loaded.clone_from(&before);
        Ok(Undone {
            message,
            text: String::from_utf8_lossy(&before).into_owned(),
        })
    }
}
