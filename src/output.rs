//! Writing exports safely: through a temporary file in the same folder, flushed to disk and
//! then renamed over the target, so an interrupted export never leaves a half-written file; and
//! never over the fact sheet or the article being exported.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::inert::escaped;

/// What was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("refusing to write over {what} {path}; choose another file")]
    WouldOverwriteInput { path: String, what: &'static str },
    #[error("{path} exists and is not the article this fact sheet names; choose another folder")]
    ArticleInTheWay { path: String },
    #[error("{0} is a folder; name a file inside it")]
    IsFolder(String),
    #[error("cannot write in the folder {folder}: {reason}; {hint}")]
    Folder {
        folder: String,
        reason: String,
        hint: &'static str,
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

/// Why `target` must not be written, found before anything is: it is one of the inputs, or a
/// folder. The reader asks this before it asks to replace a file.
#[must_use]
pub fn refusal(target: &Path, protected: &[Protected]) -> Option<WriteError> {
    let shown = || escaped(&target.to_string_lossy()).into_owned();
    let real = fs::canonicalize(target).ok()?;
    if let Some(p) = protected.iter().find(|p| is_same_file(&real, p.path)) {
        return Some(WriteError::WouldOverwriteInput {
            path: shown(),
            what: p.what,
        });
    }
    real.is_dir().then(|| WriteError::IsFolder(shown()))
}

/// Writes `bytes` to `target` atomically. A target that exists and is not a regular file (a
/// device such as `/dev/stdout`, a FIFO) is written in place, since it cannot be replaced.
pub fn write_atomic(
    target: &Path,
    bytes: &[u8],
    protected: &[Protected],
) -> Result<Written, WriteError> {
    let shown = escaped(&target.to_string_lossy()).into_owned();
    let io = |source| WriteError::Io {
        path: shown.clone(),
        source,
    };
    if let Some(refused) = refusal(target, protected) {
        return Err(refused);
    }
    // Follow a symbolic link, so that the file it points to is replaced, not the link.
    let existing = fs::canonicalize(target).ok();
    if let Some(real) = &existing {
        let meta = fs::metadata(real).map_err(io)?;
        if !meta.is_file() {
            let mut f = OpenOptions::new().write(true).open(real).map_err(io)?;
            f.write_all(bytes).and_then(|()| f.flush()).map_err(io)?;
            return Ok(Written {
                path: target.to_owned(),
                bytes: bytes.len() as u64,
            });
        }
    }
    let real = existing.unwrap_or_else(|| target.to_owned());
    let folder = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".briefing-export-")
        .tempfile_in(&folder)
        .map_err(|e| WriteError::Folder {
            folder: escaped(&folder.to_string_lossy()).into_owned(),
            reason: cause(&e),
            hint: if e.kind() == std::io::ErrorKind::NotFound {
                "create it first, or choose another"
            } else {
                "choose a folder you can write to"
            },
        })?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    set_permissions(tmp.as_file(), &real).map_err(io)?;
    tmp.persist(&real).map_err(|e| io(e.error))?;
    Ok(Written {
        path: target.to_owned(),
        bytes: bytes.len() as u64,
    })
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

/// A replaced file keeps its permissions; a new one gets the usual `rw-r--r--` rather than the
/// temporary file's private `rw-------`.
fn set_permissions(tmp: &File, target: &Path) -> std::io::Result<()> {
    let permissions = match fs::metadata(target) {
        Ok(meta) => meta.permissions(),
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::Permissions::from_mode(0o644)
            }
            #[cfg(not(unix))]
            {
                return Ok(());
            }
        }
    };
    tmp.set_permissions(permissions)
}

/// Whether two paths are the same file, hard links included.
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
    fn refuses_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), b"x", &[]).unwrap_err();
        assert!(matches!(err, WriteError::IsFolder(_)));
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("new.md");
        write_atomic(&target, b"x", &[]).unwrap();
        let mode = fs::metadata(&target).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(812), "812 bytes");
        assert_eq!(human_size(12_697), "12.4 KiB");
    }
}
