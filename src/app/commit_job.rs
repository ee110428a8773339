//! A change the curation dialog is adding to the fact sheet, checked on a thread of its own
//! before it is written: the check reads and indexes the article again, which takes seconds at
//! 256 MiB, and no key waits for it. Esc stops waiting (the change is not written), and quitting
//! quits at once. The one Esc left is kept, so that Enter again on the same change takes its
//! check up rather than start another beside it; a check dropped (another change, the dialog
//! closed) stops between two of its steps. The terminal loop asks for its outcome with
//! [`crate::app::Action::Settle`]; the change is written on the reader's thread once it is in
//! ([`crate::edit::Editor::write`]), so a change written, undone or reloaded meanwhile is never
//! written over.

use super::worker::{Lost, Worker};
use crate::briefing::{Checked, Input};
use crate::edit::{Change, Staged};

pub struct CommitJob {
    /// The change, for what its outcome says and does.
    pub change: Change,
    /// The sheet's text the change makes, which is checked: Enter again on the same change,
    /// after Esc stopped waiting for it, waits for the same check rather than start another.
    pub text: String,
    /// The check; dropped with the job, nobody waits for it any more, and it stops between
    /// two of its steps.
    check: Worker<(Staged, Checked)>,
}

/// A check taken from its thread.
pub enum Outcome {
    /// The staged change and its check (boxed: a check holds a whole briefing).
    Checked(Box<(Staged, Checked)>),
    /// The thread ended without a word (it panicked).
    Lost,
}

impl CommitJob {
    /// Starts checking `staged`, the sheet `input` names with `change` applied.
    pub fn start(input: Input, change: Change, staged: Staged) -> std::io::Result<Self> {
        let text = staged.text.clone();
        let check = Worker::spawn("check change", move |stop| {
            super::loading::held_back_for_tests();
            // The terminal tests make the check panic, to see the reader go on and say so.
            assert!(
                std::env::var_os("BRIEFING_TEST_CHECK_PANIC").is_none(),
                "BRIEFING_TEST_CHECK_PANIC is set"
            );
            // Given up: the job is gone, and nobody is told.
            let checked = staged.check_until(&input, stop)?;
            Some((staged, checked))
        })?;
        Ok(Self {
            change,
            text,
            check,
        })
    }

    /// The check's outcome, once it has one.
    #[must_use]
    pub fn outcome(&self) -> Option<Outcome> {
        Some(match self.check.take()? {
            Ok(checked) => Outcome::Checked(Box::new(checked)),
            Err(Lost) => Outcome::Lost,
        })
    }
}
