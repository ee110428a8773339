//! What an export's target is, found before anything is written: nothing yet, a file (perhaps
//! through symbolic links), a link that points nowhere yet, this process's own standard output or
//! error, a FIFO, a device, a socket, or a `/proc/…/fd` link to some other open file.
//!
//! A symbolic link chain is walked one hop at a time with `read_link` rather than resolved at
//! once with `canonicalize`, for two reasons: `canonicalize` fails on a link that points nowhere
//! (so a dangling link looked like no file at all), and it cannot tell a path that passes
//! through a `/proc/PID/fd/N` link (`/dev/stdout`, `/dev/fd/1`) from an ordinary one. Such a
//! link is not a name for a file but for an open file descriptor: reopening it gives a second
//! descriptor at offset 0 (over a log opened for appending), or a pipe or socket that cannot be
//! renamed over. No crate found does this walk (`same-file` compares, `path-clean` is lexical),
//! so it is here.

use std::fmt;
use std::fs::{self, Metadata};
use std::io;
use std::path::{Component, Path, PathBuf};

/// What a target is; see [`describe_target`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TargetKind {
    /// Nothing by that name yet: a new file is created (its folder may be missing too, which
    /// writing reports).
    New,
    /// A regular file, perhaps through symbolic links: replaced whole, atomically.
    RegularFile,
    /// A symbolic link (or a chain of them) that ends at a name where nothing is yet: the file
    /// is created there, and the link stays a link, as `sort -o` and the shell's `>` do.
    DanglingLink { points_to: PathBuf },
    /// A folder: refused.
    Folder,
    /// A FIFO (named pipe), or a pipe reached through `/proc/…/fd`: written in place, once a
    /// reader has opened it.
    Fifo,
    /// A character device (`/dev/null`, a terminal): written in place.
    CharDevice,
    /// The pseudo-terminal multiplexer (`/dev/ptmx`): refused, since each opening of it makes a
    /// new terminal whose other end nothing has open, where an export is lost, or waits for
    /// ever once the terminal's buffer is full.
    PtyMultiplexer,
    /// A block device (a disk or a partition): refused.
    BlockDevice,
    /// A socket: refused, since a socket cannot be opened by name.
    Socket,
    /// This process's own standard output, by any name (`/dev/stdout`, `/dev/fd/1`, a
    /// terminal or a pipe that is also standard output): written through the open handle, so
    /// that `>> log` appends and a pipe receives it.
    OwnStdout,
    /// This process's own standard error, by any name: as [`TargetKind::OwnStdout`].
    OwnStderr,
    /// A `/proc/…/fd/N` or `/dev/fd/N` link (perhaps at the end of a chain) to a regular file
    /// that is not standard output or error: refused, since reopening it would write over the
    /// file from its start.
    FdLinkToFile,
    /// Something on the way cannot be looked at (a folder on the path is a file, a loop of
    /// links, no permission): writing fails with this reason.
    Unreachable { reason: String },
}

impl TargetKind {
    /// What the target is, for a message: "a FIFO (named pipe)", "a device", …
    #[must_use]
    pub fn phrase(&self) -> &'static str {
        match self {
            Self::New => "a new file",
            Self::RegularFile => "a file",
            Self::DanglingLink { .. } => "a symbolic link to a file that does not exist yet",
            Self::Folder => "a folder",
            Self::Fifo => "a FIFO (named pipe)",
            Self::CharDevice => "a device",
            Self::PtyMultiplexer => "the pseudo-terminal multiplexer",
            Self::BlockDevice => "a block device (a disk or a partition)",
            Self::Socket => "a socket",
            Self::OwnStdout => "standard output",
            Self::OwnStderr => "standard error",
            Self::FdLinkToFile => "a link to an open file descriptor of another file",
            Self::Unreachable { .. } => "a path that cannot be looked at",
        }
    }

    /// Whether something is there already, so that writing replaces or adds to it: what the
    /// reader's export dialog asks about before it writes. A dangling link counts, since
    /// writing creates the file it points to; an unreachable path does not (writing fails).
    #[must_use]
    pub fn exists(&self) -> bool {
        !matches!(self, Self::New | Self::Unreachable { .. })
    }

    /// Whether the target is written through a temporary file renamed over it (a new or a
    /// regular file, or the file a dangling link points to); everything else is written in
    /// place, or refused.
    #[must_use]
    pub fn is_replaced_whole(&self) -> bool {
        matches!(
            self,
            Self::New | Self::RegularFile | Self::DanglingLink { .. }
        )
    }

    /// Whether the target is this process's standard output or standard error.
    #[must_use]
    pub fn is_standard_stream(&self) -> bool {
        matches!(self, Self::OwnStdout | Self::OwnStderr)
    }
}

impl fmt::Display for TargetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.phrase())
    }
}

/// What `target` is. Symbolic links are followed hop by hop; a hop through `/proc/PID/fd` or
/// `/dev/fd` is looked through (it names an open descriptor, not a file) and compared with this
/// process's standard output and error.
#[must_use]
pub fn describe_target(target: &Path) -> TargetKind {
    resolve(target).kind
}

/// Whether something is at `target` already (a dangling link counts): see
/// [`TargetKind::exists`].
#[must_use]
pub fn target_exists(target: &Path) -> bool {
    describe_target(target).exists()
}

/// A target and where writing it lands.
#[derive(Debug)]
pub(super) struct Resolved {
    pub kind: TargetKind,
    /// For a file, new or not: the path the temporary file is renamed to, at the end of any
    /// symbolic links. Otherwise the target as given (opening it follows the links).
    pub dest: PathBuf,
}

/// As many links as Linux follows in one path (`MAXSYMLINKS`).
const MAX_HOPS: usize = 40;

pub(super) fn resolve(target: &Path) -> Resolved {
    let unreachable = |reason: String| Resolved {
        kind: TargetKind::Unreachable { reason },
        dest: target.to_owned(),
    };
    let mut current = target.to_owned();
    for hop in 0..=MAX_HOPS {
        let meta = match fs::symlink_metadata(&current) {
            Ok(meta) => meta,
            // `/dev/fd/9` with no descriptor 9 open: nothing can be created there.
            Err(e) if e.kind() == io::ErrorKind::NotFound && is_fd_link(&current) => {
                return unreachable("no such open file descriptor".to_owned());
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let kind = if hop == 0 {
                    TargetKind::New
                } else {
                    TargetKind::DanglingLink {
                        points_to: current.clone(),
                    }
                };
                return Resolved {
                    kind,
                    dest: current,
                };
            }
            Err(e) => return unreachable(e.to_string()),
        };
        if !meta.file_type().is_symlink() {
            let kind = by_type(&meta, false);
            let dest = if kind.is_replaced_whole() {
                current
            } else {
                target.to_owned()
            };
            return Resolved { kind, dest };
        }
        if is_fd_link(&current) {
            // Looked through, not read: its text is `pipe:[…]`, `socket:[…]` or a path that
            // may be gone (` (deleted)`); the kernel follows it to the open file itself.
            return match fs::metadata(&current) {
                Ok(meta) => Resolved {
                    kind: by_type(&meta, true),
                    dest: target.to_owned(),
                },
                Err(e) => unreachable(e.to_string()),
            };
        }
        let link = match fs::read_link(&current) {
            Ok(link) => link,
            Err(e) => return unreachable(e.to_string()),
        };
        // Relative to the folder the link is in; joining lets the kernel resolve that folder
        // (and any `..` after it) as it would, physically.
        current = match current.parent() {
            Some(folder) => folder.join(link),
            None => link,
        };
    }
    unreachable(format!(
        "more than {MAX_HOPS} symbolic links in a row (a loop?)"
    ))
}

/// What a file is, by its (followed) metadata. `via_fd`: reached through a `/proc/…/fd` link,
/// where a regular file is an open descriptor rather than a name.
fn by_type(meta: &Metadata, via_fd: bool) -> TargetKind {
    let ty = meta.file_type();
    if ty.is_dir() {
        return TargetKind::Folder;
    }
    // A regular file named directly is replaced as the user named it, even if it is standard
    // output too (`-o log >> log`), as `sort -o log` would write it.
    if ty.is_file() && !via_fd {
        return TargetKind::RegularFile;
    }
    match standard_stream(meta) {
        Some(Stream::Out) => return TargetKind::OwnStdout,
        Some(Stream::Err) => return TargetKind::OwnStderr,
        None => {}
    }
    if ty.is_file() {
        return TargetKind::FdLinkToFile;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ty.is_fifo() {
            return TargetKind::Fifo;
        }
        if ty.is_char_device() {
            return if is_pty_multiplexer(meta) {
                TargetKind::PtyMultiplexer
            } else {
                TargetKind::CharDevice
            };
        }
        if ty.is_block_device() {
            return TargetKind::BlockDevice;
        }
        if ty.is_socket() {
            return TargetKind::Socket;
        }
    }
    TargetKind::Unreachable {
        reason: "it is an unknown kind of file".to_owned(),
    }
}

/// Whether `meta`, a character device's, is the pseudo-terminal multiplexer's: the device that
/// `/dev/ptmx` is (also `/dev/pts/ptmx`, the same device).
#[cfg(unix)]
fn is_pty_multiplexer(meta: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata("/dev/ptmx").is_ok_and(|ptmx| ptmx.rdev() == meta.rdev())
}

/// Whether `path` is a link in a `/proc/PID/fd` folder (also as `/proc/self/fd`, `/dev/fd` or
/// `/proc/PID/task/TID/fd`, which all resolve to one of those).
fn is_fd_link(path: &Path) -> bool {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(folder) = fs::canonicalize(folder) else {
        return false;
    };
    let parts: Vec<Component> = folder.components().collect();
    let is = |c: &Component, name: &str| c.as_os_str() == name;
    let number = |c: &Component| {
        let s = c.as_os_str().to_string_lossy();
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
    };
    match parts.as_slice() {
        [Component::RootDir, proc, pid, fd] => is(proc, "proc") && number(pid) && is(fd, "fd"),
        [Component::RootDir, proc, pid, task, tid, fd] => {
            is(proc, "proc") && number(pid) && is(task, "task") && number(tid) && is(fd, "fd")
        }
        _ => false,
    }
}

enum Stream {
    Out,
    Err,
}

/// Whether `meta` is the file this process's standard output or error is open on (device and
/// inode compared; a pipe has them too).
fn standard_stream(meta: &Metadata) -> Option<Stream> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let id = (meta.dev(), meta.ino());
        if identity(&std::io::stdout()) == Some(id) {
            return Some(Stream::Out);
        }
        if identity(&std::io::stderr()) == Some(id) {
            return Some(Stream::Err);
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    None
}

/// The device and inode of what an open descriptor is open on; `None` when it is closed.
#[cfg(unix)]
fn identity(stream: &impl std::os::fd::AsFd) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let file = fs::File::from(stream.as_fd().try_clone_to_owned().ok()?);
    let meta = file.metadata().ok()?;
    Some((meta.dev(), meta.ino()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_links_and_folders() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.json");
        fs::write(&file, "x").unwrap();
        assert_eq!(describe_target(&file), TargetKind::RegularFile);
        assert_eq!(describe_target(dir.path()), TargetKind::Folder);
        assert_eq!(describe_target(&dir.path().join("b")), TargetKind::New);
        assert!(!target_exists(&dir.path().join("b")));
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink("a.json", &link).unwrap();
            let r = resolve(&link);
            assert_eq!(r.kind, TargetKind::RegularFile);
            assert_eq!(
                fs::canonicalize(&r.dest).unwrap(),
                fs::canonicalize(&file).unwrap()
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_exists_and_says_where_it_points() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("out.json");
        std::os::unix::fs::symlink("sub/real.json", &link).unwrap();
        let kind = describe_target(&link);
        assert_eq!(
            kind,
            TargetKind::DanglingLink {
                points_to: dir.path().join("sub/real.json")
            }
        );
        assert!(kind.exists());
        assert!(target_exists(&link));
        assert!(
            !link.exists(),
            "std's exists() says no, which is the defect"
        );
        // Two hops, the second relative to the first's folder.
        let first = dir.path().join("first");
        std::os::unix::fs::symlink(&link, &first).unwrap();
        assert_eq!(describe_target(&first), kind);
    }

    #[cfg(unix)]
    #[test]
    fn a_loop_of_links_is_unreachable_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        assert!(matches!(
            describe_target(&a),
            TargetKind::Unreachable { .. }
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_and_fd_links() {
        // Not /dev/null: when the tests run with standard output there, it is ours.
        assert_eq!(
            describe_target(Path::new("/dev/zero")),
            TargetKind::CharDevice
        );
        assert!(is_fd_link(Path::new("/dev/fd/0")));
        assert!(is_fd_link(Path::new("/proc/self/fd/0")));
        assert!(is_fd_link(Path::new("/proc/thread-self/fd/0")));
        assert!(!is_fd_link(Path::new("/dev/stdout")));
        assert!(!is_fd_link(Path::new("/proc/self/cwd")));
        // A descriptor that is not open: nothing to create there.
        assert!(matches!(
            describe_target(Path::new("/dev/fd/987")),
            TargetKind::Unreachable { .. }
        ));
        // An open regular file that is not a standard stream: refused, whatever its name.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("open.txt");
        let file = fs::File::create(&path).unwrap();
        let fd = std::os::fd::AsRawFd::as_raw_fd(&file);
        let by_fd = PathBuf::from(format!("/proc/self/fd/{fd}"));
        assert_eq!(describe_target(&by_fd), TargetKind::FdLinkToFile);
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&by_fd, &link).unwrap();
        assert_eq!(describe_target(&link), TargetKind::FdLinkToFile);
    }

    #[test]
    fn phrases_read_naturally() {
        assert_eq!(TargetKind::Fifo.to_string(), "a FIFO (named pipe)");
        assert_eq!(TargetKind::CharDevice.phrase(), "a device");
        assert!(TargetKind::Fifo.exists());
        assert!(!TargetKind::Fifo.is_replaced_whole());
        assert!(TargetKind::OwnStderr.is_standard_stream());
    }
}
