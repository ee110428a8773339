//! The system clipboard, where one is reachable: `y` sends its text to the terminal with OSC 52
//! (which works over SSH and in tmux, if the terminal allows it), and also, in a desktop
//! session, to the clipboard tool the desktop has: `wl-copy` under Wayland, `xclip` or `xsel`
//! under X11, `pbcopy` on macOS.
//!
//! Why the desktop's own tools rather than the `arboard` crate: arboard links X11 and Wayland
//! client libraries into every build (a large tree to compile on a two-core machine) for what
//! works only in a local desktop session, where these tools are installed with the desktop;
//! editors in terminals (vim, Neovim, Helix) copy the same way.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A clipboard program and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tool {
    /// The program's name, as a message says it: `wl-copy`.
    pub name: &'static str,
    args: &'static [&'static str],
    /// Where it was found on `PATH`.
    path: PathBuf,
}

/// The tools tried, in order, with the variable that says their session is there.
const TOOLS: [(&str, &str, &[&str]); 4] = [
    ("WAYLAND_DISPLAY", "wl-copy", &[]),
    ("DISPLAY", "xclip", &["-selection", "clipboard"]),
    ("DISPLAY", "xsel", &["--clipboard", "--input"]),
    ("__CF_USER_TEXT_ENCODING", "pbcopy", &[]),
];

/// The clipboard tool of this session, if there is one: looked up in the environment each
/// time (cheap: a few `stat`s), so that a session started later is found.
#[must_use]
pub fn tool() -> Option<Tool> {
    tool_in(|name| std::env::var_os(name), std::env::var_os("PATH"))
}

/// [`tool`], with the environment given (for tests: the process's own cannot be changed
/// safely while other threads run).
pub fn tool_in(var: impl Fn(&str) -> Option<OsString>, path: Option<OsString>) -> Option<Tool> {
    let path = path?;
    TOOLS.iter().find_map(|&(session, name, args)| {
        var(session).filter(|v| !v.is_empty())?;
        let found = std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| is_executable(p))?;
        Some(Tool {
            name,
            args,
            path: found,
        })
    })
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Gives `text` to `tool`, without waiting for it: the X11 tools stay to serve the selection,
/// and a tool that hangs must not hold the reader. Its output is discarded; a tool that fails
/// to start is an error.
pub fn copy(tool: &Tool, text: &str) -> std::io::Result<()> {
    let mut child = Command::new(&tool.path)
        .args(tool.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let stdin = child.stdin.take();
    let text = text.to_owned();
    // Written and waited for on a thread of its own: the pipe holds 64 KiB, a copy is capped
    // at that, but a tool that reads nothing would still block a writer.
    std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(text.as_bytes());
        }
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake(dir: &Path, name: &str, script: &str) {
        use std::os::unix::fs::PermissionsExt;
        let p = dir.join(name);
        std::fs::write(&p, script).unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn the_sessions_tool_is_found_on_path() {
        let dir = tempfile::tempdir().unwrap();
        fake(dir.path(), "xclip", "#!/bin/sh\ncat >/dev/null\n");
        fake(dir.path(), "wl-copy", "#!/bin/sh\ncat >/dev/null\n");
        let path = Some(dir.path().as_os_str().to_owned());
        let env = |set: &'static [&'static str]| {
            move |name: &str| set.contains(&name).then(|| OsString::from(":0"))
        };
        let wayland = tool_in(env(&["WAYLAND_DISPLAY", "DISPLAY"]), path.clone());
        assert_eq!(wayland.map(|t| t.name), Some("wl-copy"));
        let x11 = tool_in(env(&["DISPLAY"]), path.clone());
        assert_eq!(x11.map(|t| t.name), Some("xclip"));
        // No session, or a session without its tool: none.
        assert_eq!(tool_in(env(&[]), path.clone()), None);
        assert_eq!(tool_in(env(&["__CF_USER_TEXT_ENCODING"]), path), None);
    }

    #[test]
    fn an_empty_display_is_no_session_and_a_file_that_cannot_run_no_tool() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("xclip"), "not a program").unwrap();
        let path = Some(dir.path().as_os_str().to_owned());
        assert_eq!(tool_in(|_| Some(OsString::new()), path.clone()), None);
        assert_eq!(tool_in(|_| Some(OsString::from(":0")), path), None);
    }

    #[test]
    fn the_text_reaches_the_tool() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("clipboard");
        fake(
            dir.path(),
            "wl-copy",
            &format!("#!/bin/sh\ncat > '{}'\n", out.display()),
        );
        let tool = tool_in(
            |name| (name == "WAYLAND_DISPLAY").then(|| OsString::from("wayland-0")),
            Some(dir.path().as_os_str().to_owned()),
        )
        .unwrap();
        copy(&tool, "“NATO” — line 1").unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            if std::fs::read_to_string(&out).is_ok_and(|s| s == "“NATO” — line 1") {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "the tool got nothing");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
}
