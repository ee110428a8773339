//! An export being written, on a thread of its own so that the reader never waits on a write:
//! a FIFO waits for its reader for as long as it takes, and a large export to a slow disk takes
//! a second. Esc cancels it (between two attempts to open or write, see
//! [`crate::export::output::write_watched`]); the terminal loop asks for its outcome with
//! [`crate::app::Action::Settle`].

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::briefing::{Briefing, Input};
use crate::export::output::{Cancel, WriteError};
use crate::export::{Exported, Request, write_file_watched};

pub struct ExportJob {
    cancel: Cancel,
    outcome: Receiver<Result<Exported, WriteError>>,
    /// Where it writes, as the user named it.
    target: String,
    /// Set once it waits for a FIFO's reader.
    waiting: Arc<AtomicBool>,
}

impl ExportJob {
    /// Starts writing `request` of `briefing` to `target`. The briefing is copied for the
    /// thread, so a reload meanwhile changes nothing in the file.
    pub fn start(
        input: Input,
        briefing: Briefing,
        request: Request,
        target: PathBuf,
    ) -> std::io::Result<Self> {
        let shown = target.to_string_lossy().into_owned();
        let cancel = Cancel::new();
        let (tx, outcome) = mpsc::channel();
        let theirs = cancel.clone();
        let waiting = Arc::new(AtomicBool::new(false));
        let told = Arc::clone(&waiting);
        std::thread::Builder::new()
            .name("export".into())
            .spawn(move || {
                let wait = || told.store(true, Ordering::Relaxed);
                let written =
                    write_file_watched(&input, &briefing, request, &target, &theirs, &wait);
                // The reader may be gone already: nobody to tell.
                let _ = tx.send(written);
            })?;
        Ok(Self {
            cancel,
            outcome,
            target: shown,
            waiting,
        })
    }

    /// Where it writes, as the user named it.
    #[must_use]
    pub fn target(&self) -> &str {
        &self.target
    }

    /// What it is doing, for the dialog: "Writing briefing.json… Esc cancels", `cancel` being
    /// the key that cancels it.
    #[must_use]
    pub fn status(&self, cancel: &str) -> String {
        let target = crate::inert::escaped(&self.target);
        if self.cancelling() {
            "Cancelling…".to_owned()
        } else if self.waiting.load(Ordering::Relaxed) {
            format!("Waiting for a reader of {target}… {cancel} cancels")
        } else {
            format!("Writing {target}… {cancel} cancels")
        }
    }

    /// Asks the write to stop; its outcome says whether it did in time.
    pub fn cancel(&self) {
        self.cancel.cancel();
    }

    #[must_use]
    pub fn cancelling(&self) -> bool {
        self.cancel.is_cancelled()
    }

    /// The outcome, once the thread has one.
    #[must_use]
    pub fn outcome(&self) -> Option<Result<Exported, String>> {
        match self.outcome.try_recv() {
            Ok(done) => Some(done.map_err(|e| e.to_string())),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("the export stopped without saying why".into()))
            }
        }
    }
}
