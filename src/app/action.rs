//! Everything the reader can be asked to do. Keys and mouse events become actions (through the
//! key table and the terminal loop); [`crate::app::App::update`] applies them.

use serde::Deserialize;

use super::geometry::Pane;

/// Not `Copy`, because a paste carries its text. The key table names actions by their serde
/// names ("half-page-down", "focus article"); the ones no key is bound to are skipped.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Suspend to the shell (Ctrl-z), as other terminal programs do.
    Suspend,
    /// Draw the whole screen again (Ctrl-l, as in less and vim), over whatever else wrote on
    /// the terminal.
    Redraw,
    /// Focus the next pane (Article → Actors → Timeline → Details).
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Focus one pane directly.
    Focus(#[serde(deserialize_with = "super::keys::pane_named")] Pane),
    /// Move down one row in the focused pane.
    Down,
    /// Move up one row in the focused pane.
    Up,
    /// Move down a page.
    PageDown,
    /// Move up a page.
    PageUp,
    /// Move down half a page.
    HalfPageDown,
    /// Move up half a page.
    HalfPageUp,
    /// Go to the start of the focused pane.
    Top,
    /// Go to the end of the focused pane.
    Bottom,
    /// Follow what the cursor or the selected row names: an actor to its mentions, an event to
    /// its evidence, a mention to its actor, a link in the details to its target.
    Follow,
    /// The next hit: the next mention of what is followed, or the next match of the kept search
    /// (wraps).
    NextHit,
    /// The previous hit (wraps).
    PrevHit,
    /// Move the article's cursor to the next mention of any actor.
    NextMention,
    /// Move the article's cursor to the previous mention of any actor.
    PrevMention,
    /// Search the article, or filter the focused list.
    Search,
    /// Go back to where the last jump came from.
    Back,
    /// Go forward again after going back.
    Forward,
    /// Show or hide omitted page furniture.
    ToggleOmitted,
    /// Sort the actors by mention count or by name.
    ToggleSort,
    /// Show the facts in the details pane.
    ShowFacts,
    /// List the fact sheet's warnings.
    ShowWarnings,
    /// Open the export dialog.
    Export,
    /// Copy the current match's or mention's sentence, or the evidence followed, with its
    /// citation, to the clipboard (OSC 52).
    Copy,
    /// Reload the fact sheet and the article from disk.
    Reload,
    /// Show the keys.
    Help,
    /// Close the window or the dialog, cancel an input, or clear the search or filter.
    Cancel,
    /// A key bound to nothing where it was pressed, by its name as the help writes keys
    /// ("x", "Ctrl-x", "F5"): the status bar says so, and which key lists the keys.
    #[serde(skip_deserializing)]
    Unbound(String),
    /// Type a character into the open input field.
    #[serde(skip_deserializing)]
    Type(char),
    /// Text pasted into the terminal (bracketed paste): typed into the open text field as one
    /// line, or ignored with a message when none is open. It is never read as keys, so a
    /// pasted line break cannot submit anything.
    #[serde(skip_deserializing)]
    Paste(String),
    /// Delete the character before the input cursor.
    DeleteChar,
    /// Accept the open input field or dialog.
    Submit,
    /// Choose the next option in a dialog.
    NextOption,
    /// Choose the previous option in a dialog.
    PrevOption,
    /// Finish what keys left pending (the search for a typed query), once a burst of keys has
    /// been taken.
    #[serde(skip_deserializing)]
    Settle,
    /// The fact sheet or the article changed on disk (the terminal loop watches them, see
    /// [`crate::watch`]): reloaded as [`Action::Reload`] does, underneath whatever is open, and
    /// nothing said when what is on disk is what is shown. No key runs it.
    #[serde(skip_deserializing)]
    FilesChanged,
    /// A load on another thread has its outcome (see `app/loading.rs`): the whole briefing
    /// behind the preview shown at start, or a reload's. No key runs it.
    #[serde(skip_deserializing)]
    Loaded(super::loading::Loaded),
    /// An action typed while a change was checked, an export written or the briefing loaded,
    /// applied once that ended (the terminal loop holds it till then): as the action itself,
    /// except that it leaves the status bar's message, which says how what it waited for
    /// ended ("Added actor …"), unless it has a message of its own. No key runs it.
    #[serde(skip_deserializing)]
    Replayed(Box<Action>),
    /// The files could not be watched, for this reason: the status bar says so once, and which
    /// key reloads them. No key runs it.
    #[serde(skip_deserializing)]
    NotWatching(String),
    /// The terminal now has this many columns and rows.
    #[serde(skip_deserializing)]
    Resize(u16, u16),
    /// A mouse click at this column and row, at this many milliseconds of the terminal loop's
    /// clock (two clicks on one row in quick succession are a double click).
    #[serde(skip_deserializing)]
    Click(u16, u16, u64),
    /// The mouse wheel turned at this column and row: positive is down.
    #[serde(skip_deserializing)]
    Scroll(u16, u16, i8),
    /// Move the text cursor of the open field one character back.
    CursorLeft,
    /// Move the text cursor of the open field one character on.
    CursorRight,
    /// Move the text cursor to the start of the open field.
    CursorStart,
    /// Move the text cursor to the end of the open field.
    CursorEnd,
    /// Delete from the start of the open field to the cursor.
    DeleteToStart,
    /// Delete the word before the cursor (and the spaces after it), as a shell's Ctrl-w does.
    DeleteWord,
    /// Zoom the focused pane to the whole screen, or show every pane again.
    Zoom,
    /// Turn the terminal's mouse capture off, so that its own text selection works, or on
    /// again.
    ToggleMouse,
    /// Show what the fact sheet says about the article (title, source, url, date, summary) in
    /// the details pane.
    ShowAbout,
    /// Add the name picked in the article (the selection, or the mention or unclaimed name
    /// under the cursor) to the fact sheet: as a new actor, or as an alias of one.
    Add,
    /// Make the sentence picked in the article (the selection, or the sentence of the cursor)
    /// the evidence of a new event, or of an event or fact that has none.
    AddEvidence,
    /// Undo the last change the reader wrote to the fact sheet (the file goes back byte for
    /// byte).
    Undo,
    /// Move the Details' cursor to the next link.
    NextLink,
    /// Move the Details' cursor to the previous link.
    PrevLink,
    // ── Curating in the reader (issue 14): unclaimed names, the selection, `a` ──
    /// Underline the names no actor claims (and stop `]`/`[` at them), or stop.
    ToggleUnclaimed,
    /// Start a selection at the cursor's words (or the first word on screen).
    Select,
    /// Move the selection's moving end to the next word.
    SelectNextWord,
    /// Move the selection's moving end back a word.
    SelectPrevWord,
    /// Move the selection's moving end a row down.
    SelectDown,
    /// Move the selection's moving end a row up.
    SelectUp,
    /// Move the selection's moving end to its row's first word.
    SelectRowStart,
    /// Move the selection's moving end to its row's last word.
    SelectRowEnd,
    /// Swap the selection's ends.
    SelectSwap,
    /// The mouse moved to this column and row with its left button held.
    #[serde(skip_deserializing)]
    Drag(u16, u16),
    /// The mouse's left button was released.
    #[serde(skip_deserializing)]
    Release,
}

impl Action {
    /// `v` and the keys that move a selection's end (`app/selection.rs`).
    #[must_use]
    pub fn selects(&self) -> bool {
        matches!(
            self,
            Self::Select
                | Self::SelectNextWord
                | Self::SelectPrevWord
                | Self::SelectDown
                | Self::SelectUp
                | Self::SelectRowStart
                | Self::SelectRowEnd
                | Self::SelectSwap
        )
    }
}
