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

use super::{Cancel, Produce, TargetKind, WriteError, human_size, size_of, stream};

/// How often a FIFO with no reader is tried again.
pub(super) const WAIT_FOR_READER: Duration = Duration::from_millis(50);
const FIRST_PAUSE: Duration = Duration::from_micros(100);
const LONGEST_PAUSE: Duration = Duration::from_millis(50);

/// Writes what `produce` makes to standard output or error through the open handle; returns
/// how many bytes reached it. A closed pipe is not an error, as for an export without `-o`
/// (`briefing export -o /dev/stdout | head`): the export stops there.
pub(super) fn to_standard_stream(kind: &TargetKind, produce: &Produce) -> io::Result<u64> {
    let (bytes, result) = if *kind == TargetKind::OwnStderr {
        stream(io::stderr().lock(), produce)
    } else {
        stream(io::stdout().lock(), produce)
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(bytes),
        other => other.map(|()| bytes),
    }
}

/// Writes what `produce` makes into the FIFO or device `target`, in place; `waiting` is called
/// the first time a FIFO is found to have no reader. Returns how many bytes it wrote.
pub(super) fn to_fifo_or_device(
    target: &Path,
    kind: &TargetKind,
    produce: &Produce,
    cancel: &Cancel,
    waiting: &dyn Fn(),
    shown: &str,
) -> Result<u64, WriteError> {
    let io = |source| WriteError::Io {
        path: shown.to_owned(),
        source,
    };
    let cancelled = |done: u64| WriteError::Cancelled {
        path: shown.to_owned(),
        written: human_size(done),
        total: human_size(size_of(produce)),
    };
    let mut said = false;
    let file = loop {
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
    let mut place = InPlace {
        file,
        cancel,
        done: 0,
        stopped: None,
    };
    let (bytes, result) = stream(&mut place, produce);
    match (result, place.stopped) {
        (Ok(()), _) => Ok(bytes),
        (Err(_), Some(Stop::Cancelled)) => Err(cancelled(place.done)),
        (Err(_), Some(Stop::ReaderGone)) => Err(WriteError::ReaderGone {
            path: shown.to_owned(),
            written: human_size(place.done),
            total: human_size(size_of(produce)),
        }),
        (Err(e), None) => Err(io(e)),
    }
}

/// Why writing in place stopped before the export's end, when it is not a failure of the
/// system's.
#[derive(Clone, Copy)]
enum Stop {
    Cancelled,
    ReaderGone,
}

/// A FIFO or device opened without blocking, written as a blocking file would be: a full pipe
/// is waited for, the [`Cancel`] flag read before each attempt.
struct InPlace<'a> {
    file: File,
    cancel: &'a Cancel,
    /// Bytes the FIFO or device has taken.
    done: u64,
    stopped: Option<Stop>,
}

impl InPlace<'_> {
    fn stop(&mut self, why: Stop, kind: io::ErrorKind) -> io::Error {
        self.stopped = Some(why);
        io::Error::from(kind)
    }
}

impl Write for InPlace<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        let mut pause = FIRST_PAUSE;
        loop {
            if self.cancel.is_cancelled() {
                return Err(self.stop(Stop::Cancelled, io::ErrorKind::Other));
            }
            match self.file.write(buf) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => {
                    self.done += n as u64;
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(LONGEST_PAUSE);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    return Err(self.stop(Stop::ReaderGone, io::ErrorKind::BrokenPipe));
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
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
