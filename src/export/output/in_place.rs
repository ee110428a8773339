//! Writing where a temporary file and a rename cannot go: this process's standard output or
//! error (through the handle already open, so that `>> log` appends and a pipe receives it), a
//! FIFO or a device (opened by name, never created, truncated or replaced).
//!
//! A FIFO is opened without blocking: with no reader yet the open fails (`ENXIO`) and is tried
//! again every [`WAIT_FOR_READER`], and a full pipe makes a write fail (`EWOULDBLOCK`) and be
//! tried again after a short pause; between attempts the [`Cancel`] flag is read, so that the
//! reader's export dialog can give up. std has no `poll`, and libc's needs `unsafe`, which this
//! crate forbids; hence the pauses, which start at [`FIRST_PAUSE`] and double up to
//! [`LONGEST_PAUSE`] while the reader is not reading (a reader that keeps up is barely slowed,
//! one that has stopped costs about twenty wake-ups a second).

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::time::Duration;

use super::{Cancel, TargetKind, WriteError, human_size};

/// How often a FIFO with no reader is tried again.
pub(super) const WAIT_FOR_READER: Duration = Duration::from_millis(50);
const FIRST_PAUSE: Duration = Duration::from_micros(100);
const LONGEST_PAUSE: Duration = Duration::from_millis(50);

/// Writes `bytes` to standard output or error through the open handle. A closed pipe is not an
/// error, as for an export without `-o` (`briefing export -o /dev/stdout | head`).
pub(super) fn to_standard_stream(kind: &TargetKind, bytes: &[u8]) -> io::Result<()> {
    let result = if *kind == TargetKind::OwnStderr {
        let mut err = io::stderr().lock();
        err.write_all(bytes).and_then(|()| err.flush())
    } else {
        let mut out = io::stdout().lock();
        out.write_all(bytes).and_then(|()| out.flush())
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes `bytes` into the FIFO or device `target`, in place; `waiting` is called the first
/// time a FIFO is found to have no reader.
pub(super) fn to_fifo_or_device(
    target: &Path,
    kind: &TargetKind,
    bytes: &[u8],
    cancel: &Cancel,
    waiting: &dyn Fn(),
    shown: &str,
) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: shown.to_owned(),
        source,
    };
    let cancelled = |done: usize| WriteError::Cancelled {
        path: shown.to_owned(),
        written: human_size(done as u64),
        total: human_size(bytes.len() as u64),
    };
    let mut said = false;
    let mut file = loop {
        if cancel.is_cancelled() {
            return Err(cancelled(0));
        }
        match open(target) {
            Ok(file) => break file,
            // A FIFO with no reader yet.
            Err(e) if *kind == TargetKind::Fifo && is_no_reader(&e) => {
                if !said {
                    waiting();
                    said = true;
                }
                std::thread::sleep(WAIT_FOR_READER);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io(e)),
        }
    };
    // Opened without truncating: had a regular file taken the FIFO's or device's place since it
    // was looked at, its start would be written over.
    if file.metadata().is_ok_and(|m| m.is_file()) {
        return Err(io(io::Error::other(
            "it was replaced by a regular file while being opened; try again",
        )));
    }
    let mut done = 0;
    let mut pause = FIRST_PAUSE;
    while done < bytes.len() {
        if cancel.is_cancelled() {
            return Err(cancelled(done));
        }
        match file.write(&bytes[done..]) {
            Ok(0) => return Err(io(io::ErrorKind::WriteZero.into())),
            Ok(n) => {
                done += n;
                pause = FIRST_PAUSE;
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(LONGEST_PAUSE);
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                return Err(WriteError::ReaderGone {
                    path: shown.to_owned(),
                    written: human_size(done as u64),
                    total: human_size(bytes.len() as u64),
                });
            }
            Err(e) => return Err(io(e)),
        }
    }
    Ok(())
}

/// Opens for writing without creating, truncating or blocking; a terminal opened so does not
/// become this process's controlling terminal.
fn open(target: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(target)
}

/// `ENXIO`: what opening a FIFO for writing without blocking says while no one reads it.
fn is_no_reader(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ENXIO)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}
