//! Writing exports safely, never over the fact sheet or the article being exported.
//!
//! What is done depends on what the target is ([`describe_target`]): a regular file, or a name
//! where nothing is yet (also at the end of a dangling symbolic link), is written through a
//! temporary file in the same folder, flushed to disk and renamed over it, so that an
//! interrupted export never leaves a half-written file. While it is written, the temporary file
//! is in a process-wide registry, so that a signal handler can remove it
//! ([`remove_temporaries`]).
//!
//! A new file gets mode 0666 less the umask, as `touch` or the shell's `>` would give it. A file
//! that is there is replaced only if the user could open it for writing (a writable folder alone
//! is not enough), and the replacement keeps its mode, owner and group (the owner only as far as
//! the user may give a file away, as with `sed -i`). Replacing puts a new file under the old
//! name, which is what makes it atomic, and so other hard links to the old file keep the old
//! content, as with `sed -i` and `sort -o`; ACLs and extended attributes are not copied.
//!
//! Anything else is never replaced: this process's own standard output or error is written
//! through the open handle, a FIFO or a device in place (see `in_place.rs`); a folder, a socket,
//! a disk, the pseudo-terminal multiplexer (`/dev/ptmx`) or a `/proc/…/fd` link to some other
//! open file is refused ([`refusal`]).

mod in_place;
mod target;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::inert::escaped;

pub use target::{TargetKind, describe_target, target_exists};

/// What was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    /// The target as it was given.
    pub path: PathBuf,
    pub bytes: u64,
    /// What the target was, so that a report can say the right thing (nothing, for standard
    /// output).
    pub into: TargetKind,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("refusing to write over {what} {path}; choose another file")]
    WouldOverwriteInput { path: String, what: &'static str },
    #[error(
        "refusing to write the fact sheet to {path}: the article it names is written beside it \
         under that name; choose another file name"
    )]
    WouldOverwriteArticle { path: String },
    #[error("{path} exists and is not the article this fact sheet names; choose another folder")]
    ArticleInTheWay { path: String },
    #[error("{path} is {what}, not the article this fact sheet names; choose another folder")]
    ArticleNotAFile { path: String, what: &'static str },
    #[error(
        "{path} cannot be read ({reason}), so it is not known whether it is the article this \
         fact sheet names; it is left alone: choose another folder, or move it away"
    )]
    ArticleUnreadable { path: String, reason: String },
    #[error("{0} is a folder; name a file inside it")]
    IsFolder(String),
    #[error(
        "cannot write {path}: the folder {folder} does not exist; create it first and name a \
         file inside it, or choose another folder"
    )]
    NoSuchFolder { path: String, folder: String },
    #[error(
        "cannot write {path}: {name} is {what}, not a folder; leave out the trailing / to write \
         to {name} itself, or choose another name"
    )]
    NotAFolder {
        path: String,
        name: String,
        what: &'static str,
    },
    #[error("{path} is {what}; {hint}")]
    Unsuitable {
        path: String,
        what: &'static str,
        hint: &'static str,
    },
    #[error("cannot write in the folder {folder}: {reason}; {hint}")]
    Folder {
        folder: String,
        reason: String,
        hint: &'static str,
    },
    #[error("cannot write {path}: {reason}")]
    Unreachable { path: String, reason: String },
    #[error(
        "{path} is not writable by you ({reason}), so it is left as it was; choose another \
         file, or make it writable first"
    )]
    NotWritable { path: String, reason: String },
    #[error("the export to {path} was cancelled after {written} of {total}")]
    Cancelled {
        path: String,
        written: String,
        total: String,
    },
    #[error(
        "the export to {path} was interrupted: its temporary file was removed and {path} left \
         as it was"
    )]
    Interrupted { path: String },
    #[error(
        "the reader of {path} closed it after {written} of {total}: what it received is \
         incomplete"
    )]
    ReaderGone {
        path: String,
        written: String,
        total: String,
    },
    #[error("cannot write {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// An input that must survive the export: a path and what to call it in a message.
pub struct Protected<'a> {
    pub path: &'a Path,
    pub what: &'static str,
}

/// A flag that stops a write waiting for a FIFO's reader, or for a full pipe or device, between
/// two attempts (every 50 ms at most). Clones share the flag; so can a signal handler, through
/// the `Arc` (`signal_hook::flag::register(sig, Arc::clone(&cancel.0))`).
#[derive(Clone, Debug, Default)]
pub struct Cancel(pub Arc<AtomicBool>);

impl Cancel {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Stops the write; it returns [`WriteError::Cancelled`].
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    #[must_use]
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Why `target` must not be written, found before anything is: it is one of the inputs (also
/// through links, hard links or `..`), a folder, a name ending with a slash that is not a
/// folder, or something that cannot be written safely or usefully (a socket, a disk, the
/// pseudo-terminal multiplexer, a `/proc/…/fd` link to some other open file). The reader asks
/// this before it asks to replace a file.
#[must_use]
pub fn refusal(target: &Path, protected: &[Protected]) -> Option<WriteError> {
    refusal_of(target, &target::resolve(target), protected)
}

fn refusal_of(
    target: &Path,
    resolved: &target::Resolved,
    protected: &[Protected],
) -> Option<WriteError> {
    let shown = || escaped(&target.to_string_lossy()).into_owned();
    if let Some(refused) = not_a_folder(target) {
        return Some(refused);
    }
    if let Some(p) = protected
        .iter()
        .find(|p| same_destination(&resolved.dest, p.path))
    {
        return Some(WriteError::WouldOverwriteInput {
            path: shown(),
            what: p.what,
        });
    }
    match &resolved.kind {
        TargetKind::Folder
        | TargetKind::BlockDevice
        | TargetKind::Socket
        | TargetKind::PtyMultiplexer
        | TargetKind::FdLinkToFile => Some(unsuitable(&resolved.kind, shown())),
        // Asked here too, so that nothing (the article a TOML export brings) is written first,
        // and the reader's dialog refuses it before asking to replace it.
        TargetKind::RegularFile => writable_existing(&resolved.dest, &shown()).err(),
        _ => None,
    }
}

/// Why a name that ends with a slash, and so names a folder (`-o x/`), cannot be written: that
/// folder does not exist, or the name is something else. (An existing folder is refused as
/// any folder is.) Otherwise the system's answer would be a bare "Not a directory".
fn not_a_folder(target: &Path) -> Option<WriteError> {
    let last = target.as_os_str().as_encoded_bytes().last()?;
    if !std::path::is_separator(char::from(*last)) {
        return None;
    }
    // The name without its trailing slashes.
    let name = target.components().as_path();
    let shown = |p: &Path| escaped(&p.to_string_lossy()).into_owned();
    match fs::metadata(target) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Some(WriteError::NoSuchFolder {
            path: shown(target),
            folder: shown(name),
        }),
        // The name is there and is no folder; a folder on the way that is a file is said as
        // the system says it.
        Err(e) if e.kind() == io::ErrorKind::NotADirectory && fs::metadata(name).is_ok() => {
            Some(WriteError::NotAFolder {
                path: shown(target),
                name: shown(name),
                what: describe_target(name).phrase(),
            })
        }
        _ => None,
    }
}

/// The refusal of a target of a kind that is never written.
fn unsuitable(kind: &TargetKind, path: String) -> WriteError {
    let hint = match kind {
        TargetKind::Folder => return WriteError::IsFolder(path),
        TargetKind::BlockDevice => {
            "writing an export there would destroy what it holds; choose a file"
        }
        TargetKind::Socket => {
            "a socket cannot be opened by name; choose a file, a FIFO or a device"
        }
        TargetKind::PtyMultiplexer => {
            "each opening of it makes a new terminal that nothing reads, where the export would \
             be lost or wait for ever: name a file, or a terminal itself (/dev/pts/N, as tty(1) \
             says)"
        }
        TargetKind::FdLinkToFile => {
            "opening it again would write over that file from its start; for standard output \
             use -o -, otherwise name the file itself"
        }
        _ => "choose a file",
    };
    WriteError::Unsuitable {
        path,
        what: kind.phrase(),
        hint,
    }
}

/// Whether writing `a` and `b` would land on the same file: the same device and inode when both
/// exist (hard links too), the same name in the same real folder when neither does yet.
pub(crate) fn same_destination(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(_), Ok(_)) => is_same_file(a, b),
        (Err(_), Err(_)) => {
            let real = |p: &Path| -> Option<PathBuf> {
                let folder = match p.parent() {
                    Some(f) if !f.as_os_str().is_empty() => f,
                    _ => Path::new("."),
                };
                Some(fs::canonicalize(folder).ok()?.join(p.file_name()?))
            };
            matches!((real(a), real(b)), (Some(x), Some(y)) if x == y)
        }
        _ => false,
    }
}

/// Whether writing `a` and `b` would land on the same file, symbolic links followed (a dangling
/// one to where it points).
pub(crate) fn same_target(a: &Path, b: &Path) -> bool {
    same_destination(&target::resolve(a).dest, &target::resolve(b).dest)
}

/// Writes `bytes` to `target`: a file atomically (a temporary file renamed over it), anything
/// else in place or not at all; see the module's documentation. Never cancelled: a FIFO with no
/// reader is waited for as long as it takes.
pub fn write_atomic(
    target: &Path,
    bytes: &[u8],
    protected: &[Protected],
) -> Result<Written, WriteError> {
    write_watched(target, bytes, protected, &Cancel::new(), &|| {})
}

/// As [`write_atomic`], but a write waiting for a FIFO's reader or for room in a pipe stops
/// when `cancel` is set, with [`WriteError::Cancelled`]; and `waiting` is called once if the
/// target is a FIFO that no one reads yet, as the write starts waiting for its reader (never
/// when a reader has it open already, as `-o >(wc -c)` has), so that a message can say what it
/// waits for.
pub fn write_watched(
    target: &Path,
    bytes: &[u8],
    protected: &[Protected],
    cancel: &Cancel,
    waiting: &dyn Fn(),
) -> Result<Written, WriteError> {
    write_streamed(target, protected, cancel, waiting, &|out| {
        out.write_all(bytes)
    })
}

/// What makes an export: it writes the export's bytes to the writer it is given, as it makes
/// them. It may be called a second time, with a writer that only counts, to say how large the
/// whole export is when a write stops part of the way ([`WriteError::Cancelled`],
/// [`WriteError::ReaderGone`]); it must write the same bytes each time.
pub type Produce<'a> = dyn Fn(&mut dyn Write) -> io::Result<()> + 'a;

/// As [`write_watched`], but the export is written as `produce` makes it, through a buffer,
/// never held whole: memory stays what making it takes, however large it is. What is reported
/// ([`Written::bytes`]) is counted as it is written. Standard output or error that its reader
/// closes (`| head`) ends the export early, as no error.
pub fn write_streamed(
    target: &Path,
    protected: &[Protected],
    cancel: &Cancel,
    waiting: &dyn Fn(),
    produce: &Produce,
) -> Result<Written, WriteError> {
    let shown = escaped(&target.to_string_lossy()).into_owned();
    let resolved = target::resolve(target);
    if let Some(refused) = refusal_of(target, &resolved, protected) {
        return Err(refused);
    }
    let io = |source| WriteError::Io {
        path: shown.clone(),
        source,
    };
    let bytes = match &resolved.kind {
        TargetKind::New | TargetKind::RegularFile | TargetKind::DanglingLink { .. } => {
            replace(&resolved.dest, produce, &shown)?
        }
        kind @ (TargetKind::OwnStdout | TargetKind::OwnStderr) => {
            in_place::to_standard_stream(kind, produce).map_err(io)?
        }
        kind @ (TargetKind::Fifo | TargetKind::CharDevice) => {
            in_place::to_fifo_or_device(target, kind, produce, cancel, waiting, &shown)?
        }
        TargetKind::Unreachable { reason } => {
            return Err(WriteError::Unreachable {
                path: shown,
                reason: reason.clone(),
            });
        }
        kind @ (TargetKind::Folder
        | TargetKind::BlockDevice
        | TargetKind::Socket
        | TargetKind::PtyMultiplexer
        | TargetKind::FdLinkToFile) => return Err(unsuitable(kind, shown)),
    };
    Ok(Written {
        path: target.to_owned(),
        bytes,
        into: resolved.kind,
    })
}

// ── Writing as it is made ────────────────────────────────────────────────────────────────────

/// How much is gathered before it is written: what a pipe holds on Linux, and a size at which
/// a disk's writes cost little each.
const CHUNK: usize = 64 * 1024;

/// Runs `produce` into `inner` through a buffer of [`CHUNK`] bytes, then flushes it. Returns
/// how many bytes reached `inner` (all of them, unless it failed) and the first failure of
/// `inner` itself, as the system said it (not as a serialiser wrapped it).
fn stream(inner: impl Write, produce: &Produce) -> (u64, io::Result<()>) {
    let mut out = io::BufWriter::with_capacity(
        CHUNK,
        Counted {
            inner,
            bytes: 0,
            failure: None,
        },
    );
    let result = produce(&mut out).and_then(|()| out.flush());
    let counted = out.get_mut();
    let failure = counted.failure.take();
    (counted.bytes, result.map_err(|e| failure.unwrap_or(e)))
}

/// How many bytes `produce` makes, made again into nothing: for a message about a write that
/// stopped part of the way.
fn size_of(produce: &Produce) -> u64 {
    stream(io::sink(), produce).0
}

/// Counts the bytes that reach the writer under it, and keeps that writer's first failure: a
/// serialiser may wrap it before it comes back (the csv crate's errors say only that the CSV
/// could not be written), and the message must say what the system said (a full disk, a
/// closed pipe). Our own: a counting crate (`countio`) counts but does not keep the failure.
struct Counted<W> {
    inner: W,
    bytes: u64,
    failure: Option<io::Error>,
}

impl<W: Write> Counted<W> {
    /// Keeps `e` if it is the first failure and gives back one of the same kind and message.
    fn failed(&mut self, e: io::Error) -> io::Error {
        // Tried again by whoever writes; no failure.
        if e.kind() == io::ErrorKind::Interrupted {
            return e;
        }
        let given = io::Error::new(e.kind(), e.to_string());
        self.failure.get_or_insert(e);
        given
    }
}

impl<W: Write> Write for Counted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.inner.write(buf) {
            Ok(n) => {
                self.bytes += n as u64;
                Ok(n)
            }
            Err(e) => Err(self.failed(e)),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| self.failed(e))
    }
}

// ── Temporary files ──────────────────────────────────────────────────────────────────────────

/// The temporary files being written, in this whole process, for [`remove_temporaries`].
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The registry, even if a thread panicked while holding it: a list of paths is never left
/// half-changed, and a cleanup must not fail.
fn registry() -> MutexGuard<'static, Vec<PathBuf>> {
    lock(&TEMPORARIES)
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Removes every temporary file an export is writing, on any thread; an export whose temporary
/// file is removed so ends with [`WriteError::Interrupted`] and leaves its target as it was.
/// For a signal handler (on a thread of its own, not in the handler itself: this locks and
/// removes files). Never panics.
pub fn remove_temporaries() {
    remove_all(&mut registry());
}

/// [`remove_temporaries`], then ends the process with `status`, still holding the registry, so
/// that no export can rename or start a temporary file in between. For a signal handler's
/// thread, with [`crate::signals::exit_status`].
pub fn remove_temporaries_and_exit(status: i32) -> ! {
    let mut list = registry();
    remove_all(&mut list);
    std::process::exit(status)
}

fn remove_all(list: &mut Vec<PathBuf>) {
    for path in list.drain(..) {
        // Already gone (the export failed and removed it itself) is fine.
        let _ = fs::remove_file(path);
    }
}

/// A temporary file in `folder`, created and registered under the registry's lock, so that a
/// cleanup running at the same moment either sees it or runs before it exists.
///
/// For a `new` file it is created with mode 0666, which the system narrows by the umask as it
/// creates it, so the export ends with the mode `touch` or the shell's `>` would give it.
/// Otherwise it is private (0600) until it takes the mode of the file it replaces: no one else
/// can open it meanwhile and read the export later through that handle.
fn registered_temporary(folder: &Path, new: bool) -> io::Result<tempfile::NamedTempFile> {
    let mut list = registry();
    let mut builder = tempfile::Builder::new();
    builder.prefix(".briefing-export-");
    #[cfg(unix)]
    if new {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    #[cfg(not(unix))]
    let _ = new;
    let file = builder.tempfile_in(folder)?;
    list.push(file.path().to_owned());
    Ok(file)
}

/// Writes what `produce` makes to a temporary file beside `dest`, flushes it and renames it
/// over `dest`; returns how many bytes it wrote.
fn replace(dest: &Path, produce: &Produce, shown: &str) -> Result<u64, WriteError> {
    let folder = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let existing = writable_existing(dest, shown)?;
    let mut tmp =
        registered_temporary(&folder, existing.is_none()).map_err(|e| WriteError::Folder {
            folder: escaped(&folder.to_string_lossy()).into_owned(),
            reason: cause(&e),
            // A folder that is there but takes no new file (`/proc`) says "not found" too.
            hint: if e.kind() == io::ErrorKind::NotFound && !folder.is_dir() {
                "create it first, or choose another"
            } else {
                "choose a folder you can write to"
            },
        })?;
    let path = tmp.path().to_owned();
    let mut bytes = 0;
    let written = existing
        .as_ref()
        .map_or(Ok(()), |old| take_over(tmp.as_file(), old))
        .and_then(|()| {
            let (n, result) = stream(&mut tmp, produce);
            bytes = n;
            result
        })
        .and_then(|()| tmp.as_file().sync_all());
    // The rename and the unregistering under one lock: a cleanup either removes the temporary
    // file before the rename (which then does not happen) or finds it renamed and unregistered.
    let mut list = registry();
    let registered = list.contains(&path);
    let outcome = match written {
        Err(e) => {
            drop(tmp);
            Err(e)
        }
        Ok(()) if !registered => {
            drop(tmp);
            list.retain(|p| *p != path);
            return Err(WriteError::Interrupted {
                path: shown.to_owned(),
            });
        }
        // On failure the temporary file, inside the error, is removed here, under the lock.
        Ok(()) => tmp.persist(dest).map(drop).map_err(|e| e.error),
    };
    list.retain(|p| *p != path);
    outcome.map(|()| bytes).map_err(|source| WriteError::Io {
        path: shown.to_owned(),
        source,
    })
}

/// What is known of the file that writing `dest` replaces, if one is there, once it is known
/// that the user could write it: a folder anyone may write in lets anyone rename over a file,
/// but replacing a file one may not write would be a way round its permissions. The file is
/// opened for writing, neither created nor truncated, as the shell's `>` would open it, so that
/// permissions, ACLs and root's powers count exactly as they would there.
fn writable_existing(dest: &Path, shown: &str) -> Result<Option<fs::Metadata>, WriteError> {
    let io = |source| WriteError::Io {
        path: shown.to_owned(),
        source,
    };
    let mut options = fs::OpenOptions::new();
    options.write(true);
    // Not blocking on a FIFO or a device that took its place since it was looked at.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    match options.open(dest) {
        Ok(file) => file.metadata().map(Some).map_err(io),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => Err(WriteError::NotWritable {
            path: shown.to_owned(),
            reason: e.to_string(),
        }),
        // Another process holds a lease on it, which opening it has asked it to give up: the
        // permissions were checked before that.
        Err(e) if e.kind() == io::ErrorKind::WouldBlock => fs::metadata(dest).map(Some).map_err(io),
        Err(e) => Err(io(e)),
    }
}

/// Gives the temporary file the owner, group and mode of the file `old` it replaces, before
/// anything is written to it. Only root may give a file away, and a user may only give it a
/// group of their own: what cannot be kept is not, silently, as with `sed -i` (the replacement
/// is the user's, as a file they created would be). The mode is set last, since a change of
/// owner clears the set-user-ID and set-group-ID bits.
fn take_over(tmp: &fs::File, old: &fs::Metadata) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, fchown};
        let mine = tmp.metadata()?;
        if (mine.uid(), mine.gid()) != (old.uid(), old.gid())
            && fchown(tmp, Some(old.uid()), Some(old.gid())).is_err()
        {
            let _ = fchown(tmp, None, Some(old.gid()));
        }
    }
    tmp.set_permissions(old.permissions())
}

/// What went wrong, without the name of the temporary file that tempfile appends to its errors
/// (` at path "…"`): it means nothing to the user, who named another file.
fn cause(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" at path \"") {
        Some(end) => text[..end].to_owned(),
        None => text,
    }
}

/// Whether two paths are the same file, hard links included. Not the `same-file` crate: it
/// opens both files to compare their handles, and opening a FIFO blocks until its other end is
/// opened, so a FIFO named as the export's target would hang the comparison.
fn is_same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        fs::canonicalize(a).ok() == fs::canonicalize(b).ok()
    }
}

/// "812 bytes", "12.4 KiB", "3.1 MiB".
#[must_use]
pub fn human_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if b < KIB * KIB {
        format!("{:.1} KiB", b / KIB)
    } else {
        format!("{:.1} MiB", b / KIB / KIB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;

    #[test]
    fn replaces_a_file_and_keeps_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.json");
        fs::write(&target, "old").unwrap();
        let w = write_atomic(&target, b"new", &[]).unwrap();
        assert_eq!(w.bytes, 3);
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_to_overwrite_an_input_even_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = dir.path().join("facts.toml");
        fs::write(&sheet, "keep").unwrap();
        let link = dir.path().join("link.toml");
        fs::hard_link(&sheet, &link).unwrap();
        let protected = [Protected {
            path: &sheet,
            what: "the fact sheet",
        }];
        for target in [&sheet, &link] {
            let err = write_atomic(target, b"x", &protected).unwrap_err();
            assert!(matches!(err, WriteError::WouldOverwriteInput { .. }));
        }
        assert_eq!(fs::read_to_string(&sheet).unwrap(), "keep");
    }

    #[test]
    fn a_name_ending_in_a_slash_must_be_a_folder_that_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("x/");
        assert!(matches!(
            refusal(&missing, &[]),
            Some(WriteError::NoSuchFolder { .. })
        ));
        let file = dir.path().join("f");
        fs::write(&file, "old").unwrap();
        let err = write_atomic(&dir.path().join("f/"), b"x", &[]).unwrap_err();
        assert!(
            matches!(err, WriteError::NotAFolder { what: "a file", .. }),
            "{err}"
        );
        assert_eq!(fs::read(&file).unwrap(), b"old");
        // A file on the way is said as the system says it.
        let err = write_atomic(&dir.path().join("f/g/"), b"x", &[]).unwrap_err();
        assert!(matches!(err, WriteError::Unreachable { .. }), "{err}");
    }

    #[test]
    fn refuses_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x", &[]).unwrap_err();
        assert!(matches!(err, WriteError::IsFolder(_)));
    }

    #[cfg(unix)]
    #[test]
    fn new_files_get_what_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        // This process's umask, as Linux shows it (reading it with umask(2) would set it).
        let Some(umask) = fs::read_to_string("/proc/self/status").ok().and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("Umask:"))?;
            u32::from_str_radix(line["Umask:".len()..].trim(), 8).ok()
        }) else {
            return;
        };
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("new.md");
        write_atomic(&target, b"x", &[]).unwrap();
        let mode = fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o666 & !umask);
    }

    /// Run as root only, who alone may give a file away.
    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_owner_and_group_when_root_replaces_it() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("theirs.json");
        fs::write(&target, "old").unwrap();
        if fs::metadata(&target).unwrap().uid() != 0 {
            return;
        }
        // nobody's, readable by nobody alone.
        std::os::unix::fs::chown(&target, Some(65534), Some(65534)).unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&target, b"new", &[]).unwrap();
        let meta = fs::metadata(&target).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
        assert_eq!(meta.permissions().mode() & 0o7777, 0o600);
        assert_eq!(fs::read(&target).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_followed_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("out.json");
        std::os::unix::fs::symlink("real.json", &link).unwrap();
        let w = write_atomic(&link, b"new", &[]).unwrap();
        assert!(matches!(w.into, TargetKind::DanglingLink { .. }));
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(dir.path().join("real.json")).unwrap(), b"new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn an_input_not_yet_written_is_protected_by_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let article = dir.path().join("article.txt");
        let roundabout = dir.path().join("sub/../article.txt");
        fs::create_dir(dir.path().join("sub")).unwrap();
        let protected = [Protected {
            path: &article,
            what: "the article",
        }];
        let err = write_atomic(&roundabout, b"x", &protected).unwrap_err();
        assert!(matches!(err, WriteError::WouldOverwriteInput { .. }));
        assert!(!article.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_socket_and_a_disk_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("socket");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
        let err = write_atomic(&socket, b"x", &[]).unwrap_err();
        assert!(
            err.to_string().ends_with("socket is a socket; a socket cannot be opened by name; choose a file, a FIFO or a device"),
            "{err}"
        );
        // Whatever disk this machine has, if /dev shows one.
        let disk = fs::read_dir("/dev")
            .into_iter()
            .flatten()
            .flatten()
            .find(|e| {
                use std::os::unix::fs::FileTypeExt;
                e.file_type().is_ok_and(|t| t.is_block_device())
            });
        if let Some(disk) = disk {
            let err = refusal(&disk.path(), &[]).expect("a disk is refused");
            assert!(err.to_string().contains("is a block device"), "{err}");
        }
    }

    #[test]
    fn the_registry_survives_a_panic_and_removes_what_it_holds() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join(".briefing-export-x");
        fs::write(&tmp, "half").unwrap();
        let registry = std::sync::Arc::new(Mutex::new(vec![tmp.clone()]));
        let held = std::sync::Arc::clone(&registry);
        let _ = std::thread::spawn(move || {
            let _guard = held.lock().unwrap();
            panic!("poisons the registry");
        })
        .join();
        assert!(registry.is_poisoned());
        remove_all(&mut lock(&registry));
        assert!(!tmp.exists());
        assert!(lock(&registry).is_empty());
        // Twice is harmless: nothing left to remove.
        remove_all(&mut lock(&registry));
    }

    /// A FIFO made with mkfifo(1) (libc's mkfifo needs `unsafe`).
    #[cfg(unix)]
    fn fifo(dir: &Path) -> PathBuf {
        let path = dir.join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.unwrap().success());
        path
    }

    #[cfg(unix)]
    fn cancel_after(ms: u64) -> Cancel {
        let cancel = Cancel::new();
        let later = cancel.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(ms));
            later.cancel();
        });
        cancel
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_with_no_reader_is_waited_for_until_cancelled() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = fifo(dir.path());
        assert_eq!(describe_target(&fifo), TargetKind::Fifo);
        let started = std::time::Instant::now();
        let err = write_watched(&fifo, b"x", &[], &cancel_after(150), &|| {}).unwrap_err();
        assert!(started.elapsed() >= std::time::Duration::from_millis(150));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(
            err.to_string(),
            format!(
                "the export to {} was cancelled after 0 bytes of 1 bytes",
                fifo.display()
            )
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_full_pipe_is_waited_for_until_cancelled() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = fifo(dir.path());
        // A reader that opens the FIFO and never reads.
        let (opened, stop) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
        let path = fifo.clone();
        let reader = std::thread::spawn(move || {
            let file = File::open(&path).unwrap();
            opened.0.send(()).unwrap();
            let _ = stop.1.recv();
            drop(file);
        });
        let bytes = vec![b'x'; 1 << 20];
        let err = write_watched(&fifo, &bytes, &[], &cancel_after(200), &|| {}).unwrap_err();
        assert!(matches!(err, WriteError::Cancelled { .. }), "{err}");
        assert!(err.to_string().ends_with(" of 1.0 MiB"), "{err}");
        opened.1.recv().unwrap();
        stop.0.send(()).unwrap();
        reader.join().unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_reader_gets_everything_and_one_that_leaves_early_is_said() {
        use std::io::Read;
        let dir = tempfile::tempdir().unwrap();
        let fifo = fifo(dir.path());
        let bytes: Vec<u8> = (0..1u32 << 20).map(|n| (n % 251) as u8).collect();
        let path = fifo.clone();
        let reader = std::thread::spawn(move || {
            let mut got = Vec::new();
            File::open(&path).unwrap().read_to_end(&mut got).unwrap();
            got
        });
        let w = write_watched(&fifo, &bytes, &[], &Cancel::new(), &|| {}).unwrap();
        assert_eq!((w.bytes, w.into), (1 << 20, TargetKind::Fifo));
        assert!(reader.join().unwrap() == bytes);
        // A reader that takes one byte and goes, as `head -c 1 < pipe` does.
        let path = fifo.clone();
        let reader = std::thread::spawn(move || {
            let mut one = [0u8; 1];
            File::open(&path).unwrap().read_exact(&mut one).unwrap();
        });
        let err = write_watched(&fifo, &bytes, &[], &Cancel::new(), &|| {}).unwrap_err();
        reader.join().unwrap();
        assert!(matches!(err, WriteError::ReaderGone { .. }), "{err}");
        assert!(err.to_string().contains("closed it after"), "{err}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// A serialiser that wraps what its writer says (the csv crate's errors say "CSV error").
    fn wrapping(bytes: &[u8]) -> impl Fn(&mut dyn Write) -> io::Result<()> + '_ {
        move |out| {
            let mut w = ::csv::Writer::from_writer(out);
            for chunk in bytes.chunks(1000) {
                w.write_record([chunk]).map_err(io::Error::other)?;
            }
            w.flush()
        }
    }

    #[test]
    fn a_streamed_export_is_counted_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let bytes = vec![b'x'; 300_000];
        let w = write_streamed(&target, &[], &Cancel::new(), &|| {}, &wrapping(&bytes)).unwrap();
        let written = fs::read(&target).unwrap();
        assert_eq!(w.bytes, written.len() as u64);
        assert_eq!(written.len(), 300_000 + 300);
        assert_eq!(size_of(&wrapping(&bytes)), w.bytes);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    /// Linux's /dev/full, where every write fails as on a full disk.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_failure_mid_write_is_said_as_the_system_said_it_through_a_serialiser() {
        let full = Path::new("/dev/full");
        if describe_target(full) != TargetKind::CharDevice {
            return;
        }
        let bytes = vec![b'x'; 300_000];
        let err = write_streamed(full, &[], &Cancel::new(), &|| {}, &wrapping(&bytes)).unwrap_err();
        assert!(matches!(err, WriteError::Io { .. }), "{err}");
        assert!(err.to_string().contains("No space left on device"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn a_reader_that_leaves_is_told_the_whole_size_of_a_streamed_export() {
        use std::io::Read;
        let dir = tempfile::tempdir().unwrap();
        let fifo = fifo(dir.path());
        let path = fifo.clone();
        let reader = std::thread::spawn(move || {
            let mut one = [0u8; 1];
            File::open(&path).unwrap().read_exact(&mut one).unwrap();
        });
        let bytes = vec![b'x'; 2 << 20];
        let err =
            write_streamed(&fifo, &[], &Cancel::new(), &|| {}, &wrapping(&bytes)).unwrap_err();
        reader.join().unwrap();
        assert!(matches!(err, WriteError::ReaderGone { .. }), "{err}");
        assert!(
            err.to_string()
                .ends_with(" of 2.0 MiB: what it received is incomplete"),
            "{err}"
        );
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(812), "812 bytes");
        assert_eq!(human_size(12_697), "12.4 KiB");
    }
}
