//! Watching the fact sheet and the article for changes on disk, so that the reader reloads them
//! by itself (the only module that knows `notify`).
//!
//! Each file's **folder** is watched, not the file: editors (vim, VS Code, helix) save by
//! writing a new file and renaming it over the old one, and a watch on the file itself follows
//! the old file, now gone, and sees nothing after the first save. Events in those folders are
//! filtered by name. A file that is a symbolic link is watched under both names, the link's and
//! its target's (in their own folders), and the link is resolved again after every change, so
//! that a link pointed elsewhere is followed.
//!
//! A burst of events from one save (a write, a rename, a change of mode) is one notice: a
//! change is reported once the files have been quiet for [`QUIET`], or after [`LONGEST`] of
//! steady changes. The debounce is kept here rather than in `notify-debouncer-mini`, which
//! drops each event's kind: inotify reports a file being opened (notify 8 asks for `IN_OPEN`),
//! so the reader's own reading of the files at a reload would come back as a change, and
//! reload them again every debounce period for ever. `notify-debouncer-full` keeps the kinds,
//! but brings a cache of file ids and its own thread for renames this has no use for.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant, SystemTime};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// How long the files must be quiet after a change before it is reported: longer than the
/// steps of one save, short enough that a save is seen well within a second.
pub const QUIET: Duration = Duration::from_millis(150);

/// The most a file's time on disk can lag the clock (the kernel stamps files from a clock that
/// moves a tick at a time: 10 ms at the slowest tick rate, 100 Hz).
const TICK: Duration = Duration::from_millis(10);
/// A file that keeps changing (a long copy) is reported at least this often.
pub const LONGEST: Duration = Duration::from_secs(1);

/// Why the files are not watched, for the status bar (which makes it safe to print).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unwatched(String);

impl Unwatched {
    /// `e`, met while watching `folder` (none: while starting), said for a person.
    fn new(e: &notify::Error, folder: Option<&Path>) -> Self {
        let at = folder.map_or_else(String::new, |f| format!("{}: ", f.display()));
        Self(match &e.kind {
            notify::ErrorKind::MaxFilesWatch => format!(
                "{at}the system's limit of watched folders is reached (raise \
                 fs.inotify.max_user_watches)"
            ),
            notify::ErrorKind::PathNotFound => format!("{at}no such folder"),
            notify::ErrorKind::Io(io) if io.raw_os_error() == Some(libc::EMFILE) => format!(
                "{at}the system's limit of file watchers is reached (raise \
                 fs.inotify.max_user_instances)"
            ),
            notify::ErrorKind::Io(io) => format!("{at}{io}"),
            notify::ErrorKind::Generic(m) => format!("{at}{m}"),
            _ => format!("{at}{e}"),
        })
    }
}

/// The files watched and the notices of their changes. Dropping it stops watching.
pub struct Watch {
    watcher: RecommendedWatcher,
    /// What notify sends, with when it arrived; filtered here, on the loop's side.
    events: Receiver<(Instant, notify::Result<Event>)>,
    /// The files as asked for, to tell whether [`Watch::follow`] has anything to do.
    files: Vec<PathBuf>,
    wanted: Wanted,
    debounce: Debounce,
}

impl Watch {
    /// Starts watching `files` (the fact sheet and the article, as the reader names them).
    pub fn start(files: &[PathBuf]) -> Result<Self, Unwatched> {
        let (tx, events) = channel();
        let watcher = notify::recommended_watcher(move |event| {
            // The reader has ended when no one listens: nothing to do.
            let _ = tx.send((Instant::now(), event));
        })
        .map_err(|e| Unwatched::new(&e, None))?;
        let mut watch = Self {
            watcher,
            events,
            files: Vec::new(),
            wanted: Wanted::default(),
            debounce: Debounce::default(),
        };
        watch.follow(files)?;
        Ok(watch)
    }

    /// Watches `files` instead of those watched now (a reload may name another article);
    /// nothing is done when they are the same.
    pub fn follow(&mut self, files: &[PathBuf]) -> Result<(), Unwatched> {
        if self.files != files {
            self.files = files.to_vec();
            self.resolve()?;
        }
        Ok(())
    }

    /// Takes for a change seen now any made to the files since `read` (when they were read)
    /// and before the watch began, which no event told: judged by each file's time of change
    /// on disk (the link's, and its target's). A file's time is the kernel's coarse clock, up
    /// to a tick behind the one `read` was taken from: a change up to [`TICK`] before `read`
    /// counts too (a reload that finds the files as shown says nothing). A file gone counts.
    /// A time still to come (a clock elsewhere ahead of this one, `touch -d`) tells nothing,
    /// and a file system without times of change has nothing to tell: neither is reloaded.
    pub fn missed_since(&mut self, read: SystemTime) {
        let from = read.checked_sub(TICK).unwrap_or(read);
        let until = SystemTime::now() + TICK;
        let changed = |path: &Path| {
            let times = [std::fs::symlink_metadata(path), std::fs::metadata(path)];
            times.iter().any(|m| match m {
                Ok(m) => m.modified().is_ok_and(|t| from <= t && t <= until),
                Err(_) => true,
            })
        };
        if self.files.iter().any(|f| changed(f)) {
            self.debounce.event(Instant::now());
        }
    }

    /// Whether the files have changed since the last notice, and are quiet now. Never waits.
    pub fn changed(&mut self) -> bool {
        let mut seen = false;
        // Empty or disconnected (the watcher gone): nothing more for now.
        while let Ok((at, event)) = self.events.try_recv() {
            if self.wanted.concerns(&event) {
                self.debounce.event(at);
                seen = true;
            }
        }
        if seen {
            // A link pointed elsewhere, or a file made anew: look where the names lead now.
            // Failing that, the folders watched so far are kept.
            let _ = self.resolve();
        }
        self.debounce.due(Instant::now())
    }

    /// Works out the names wanted from the files, and watches their folders (and no others).
    /// A folder that cannot be watched is left out, to be tried again at the next change.
    fn resolve(&mut self) -> Result<(), Unwatched> {
        let mut wanted = Wanted::new(&self.files);
        let (now, was) = (wanted.folders(), self.wanted.folders());
        for gone in was.difference(&now) {
            // A folder removed meanwhile is not watched any more anyway.
            let _ = self.watcher.unwatch(gone);
        }
        let mut failed = None;
        for new in now.difference(&was) {
            if let Err(e) = self.watcher.watch(new, RecursiveMode::NonRecursive) {
                wanted.0.retain(|p| p.parent() != Some(new.as_path()));
                failed.get_or_insert_with(|| Unwatched::new(&e, Some(new)));
            }
        }
        self.wanted = wanted;
        failed.map_or(Ok(()), Err)
    }
}

/// The paths whose changes count, each as its folder (made absolute, its links resolved, as
/// notify reports it) joined with its name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Wanted(BTreeSet<PathBuf>);

impl Wanted {
    fn new(files: &[PathBuf]) -> Self {
        let mut wanted = BTreeSet::new();
        for file in files {
            if let Some(name) = file.file_name() {
                // A bare name is in the working folder: its parent is "".
                let folder = match file.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                if let Ok(folder) = std::fs::canonicalize(folder) {
                    wanted.insert(folder.join(name));
                }
            }
            // A link's target, in its own folder.
            if let Ok(target) = std::fs::canonicalize(file) {
                wanted.insert(target);
            }
        }
        Self(wanted)
    }

    /// The folders to watch.
    fn folders(&self) -> BTreeSet<PathBuf> {
        self.0
            .iter()
            .filter_map(|p| p.parent().map(Path::to_path_buf))
            .collect()
    }

    /// Whether `event` may change what the reader shows: a change to a wanted path (made,
    /// written, renamed to or from, removed, its mode changed), or an error or a lost event
    /// (looked at to be sure). Merely opening or reading a file is no change.
    fn concerns(&self, event: &notify::Result<Event>) -> bool {
        let Ok(event) = event else {
            return true;
        };
        if event.need_rescan() {
            return true;
        }
        let change = match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            EventKind::Access(_) => false,
            _ => true,
        };
        change && event.paths.iter().any(|p| self.0.contains(p))
    }
}

/// When a burst of changes began and when its last one came.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Debounce {
    first: Option<Instant>,
    last: Option<Instant>,
}

impl Debounce {
    /// A change came at `at`.
    fn event(&mut self, at: Instant) {
        self.first.get_or_insert(at);
        self.last = Some(self.last.map_or(at, |last| last.max(at)));
    }

    /// Whether the burst is over at `now` (quiet for [`QUIET`], or [`LONGEST`] long): then it
    /// is reported, once.
    fn due(&mut self, now: Instant) -> bool {
        let (Some(first), Some(last)) = (self.first, self.last) else {
            return false;
        };
        let over = now.saturating_duration_since(last) >= QUIET
            || now.saturating_duration_since(first) >= LONGEST;
        if over {
            *self = Self::default();
        }
        over
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, ModifyKind, RenameMode};

    #[allow(clippy::unnecessary_wraps)] // as notify hands them over
    fn event(kind: EventKind, paths: &[&Path]) -> notify::Result<Event> {
        let mut e = Event::new(kind);
        for p in paths {
            e = e.add_path(p.to_path_buf());
        }
        Ok(e)
    }

    #[test]
    fn a_burst_is_one_notice_once_quiet() {
        let t0 = Instant::now();
        let ms = |n| t0 + Duration::from_millis(n);
        let mut d = Debounce::default();
        assert!(!d.due(ms(0)), "nothing came");
        // A save: a write, a rename, a change of mode, within a few milliseconds.
        d.event(ms(0));
        d.event(ms(3));
        d.event(ms(5));
        assert!(!d.due(ms(100)));
        assert!(d.due(ms(5) + QUIET));
        assert!(!d.due(ms(1000)), "reported once");
        // Events taken out of order keep the latest.
        d.event(ms(2000));
        d.event(ms(1990));
        assert!(!d.due(ms(1990) + QUIET));
        assert!(d.due(ms(2000) + QUIET));
    }

    #[test]
    fn steady_changes_are_reported_every_longest() {
        let t0 = Instant::now();
        let mut d = Debounce::default();
        let mut reported = 0;
        // A change every 50 ms for 3 s: never quiet.
        for n in 0..60 {
            let at = t0 + Duration::from_millis(50 * n);
            d.event(at);
            if d.due(at) {
                reported += 1;
            }
        }
        assert!((2..=3).contains(&reported), "{reported}");
    }

    #[test]
    fn only_changes_to_the_names_wanted_count() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = dir.path().join("facts.toml");
        std::fs::write(&sheet, "").unwrap();
        let wanted = Wanted::new(std::slice::from_ref(&sheet));
        let folder = std::fs::canonicalize(dir.path()).unwrap();
        let ours = folder.join("facts.toml");
        let swap = folder.join(".facts.toml.swp");
        assert_eq!(wanted.folders(), BTreeSet::from([folder.clone()]));
        let modify = EventKind::Modify(ModifyKind::Any);
        assert!(wanted.concerns(&event(modify, &[&ours])));
        assert!(!wanted.concerns(&event(modify, &[&swap])), "another file");
        // An editor's save: the new file renamed over the old one.
        let rename = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        assert!(wanted.concerns(&event(rename, &[&swap, &ours])));
        let made = EventKind::Create(CreateKind::File);
        assert!(wanted.concerns(&event(made, &[&ours])));
        // Opening or reading is no change; closing after writing is.
        let open = EventKind::Access(AccessKind::Open(AccessMode::Any));
        assert!(!wanted.concerns(&event(open, &[&ours])));
        let written = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert!(wanted.concerns(&event(written, &[&ours])));
        // Lost events and errors are looked at.
        let lost = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(wanted.concerns(&Ok(lost)));
        assert!(wanted.concerns(&Err(notify::Error::generic("queue overflow"))));
    }

    #[test]
    fn a_bare_name_is_in_the_working_folder_and_a_link_is_watched_at_both_ends() {
        let here = std::env::current_dir().unwrap();
        let wanted = Wanted::new(&[PathBuf::from("no-such-file.toml")]);
        assert_eq!(
            wanted.0,
            BTreeSet::from([std::fs::canonicalize(&here)
                .unwrap()
                .join("no-such-file.toml")])
        );

        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let target = b.path().join("real.txt");
        std::fs::write(&target, "").unwrap();
        let link = a.path().join("article.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let wanted = Wanted::new(std::slice::from_ref(&link));
        let (fa, fb) = (
            std::fs::canonicalize(a.path()).unwrap(),
            std::fs::canonicalize(b.path()).unwrap(),
        );
        assert_eq!(
            wanted.0,
            BTreeSet::from([fa.join("article.txt"), fb.join("real.txt")])
        );
        assert_eq!(wanted.folders(), BTreeSet::from([fa, fb]));
    }

    #[test]
    fn a_folder_that_cannot_be_watched_is_said_for_a_person() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        let e = notify::Error::path_not_found().add_path(gone.clone());
        let said = Unwatched::new(&e, Some(&gone)).to_string();
        assert!(said.ends_with("gone: no such folder"), "{said}");
        let e = notify::Error::new(notify::ErrorKind::MaxFilesWatch);
        let said = Unwatched::new(&e, None).to_string();
        assert!(said.contains("fs.inotify.max_user_watches"), "{said}");
    }

    /// Real time, bounded: a save as an editor does it (a new file renamed over the old), twice,
    /// is seen each time.
    #[test]
    fn saves_by_rename_are_seen_every_time() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = dir.path().join("facts.toml");
        std::fs::write(&sheet, "a").unwrap();
        let mut watch = Watch::start(std::slice::from_ref(&sheet)).unwrap();
        for n in 0..2 {
            let tmp = dir.path().join(format!(".facts.toml.{n}"));
            std::fs::write(&tmp, format!("save {n}")).unwrap();
            std::fs::rename(&tmp, &sheet).unwrap();
            let deadline = Instant::now() + Duration::from_secs(5);
            while !watch.changed() {
                assert!(Instant::now() < deadline, "save {n} was not seen");
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        // Reading the file is no change.
        let _ = std::fs::read(&sheet).unwrap();
        std::thread::sleep(QUIET * 2);
        assert!(!watch.changed(), "a read was taken for a change");
    }

    /// Real time, bounded: a file changed after it was read, before the watch began, is taken
    /// for a change; one last changed before it was read is not.
    #[test]
    fn a_change_before_the_watch_is_told_by_the_files_time() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = dir.path().join("facts.toml");
        std::fs::write(&sheet, "a").unwrap();
        std::thread::sleep(TICK * 3);
        let read = SystemTime::now();
        let mut watch = Watch::start(std::slice::from_ref(&sheet)).unwrap();
        watch.missed_since(read);
        std::thread::sleep(QUIET * 2);
        assert!(!watch.changed(), "unchanged since it was read");
        std::fs::write(&sheet, "b").unwrap();
        let mut watch = Watch::start(std::slice::from_ref(&sheet)).unwrap();
        watch.missed_since(read);
        std::thread::sleep(QUIET * 2);
        assert!(watch.changed(), "the write after the read was missed");
        assert!(!watch.changed(), "told once");
        // Changed, but stamped a day ahead: told by no time.
        std::fs::write(&sheet, "c").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&sheet)
            .unwrap()
            .set_modified(SystemTime::now() + Duration::from_secs(86_400))
            .unwrap();
        let mut watch = Watch::start(std::slice::from_ref(&sheet)).unwrap();
        watch.missed_since(read);
        std::thread::sleep(QUIET * 2);
        assert!(!watch.changed(), "a time still to come");
        // Gone since: a change too.
        std::fs::remove_file(&sheet).unwrap();
        let mut watch = Watch::start(std::slice::from_ref(&sheet)).unwrap();
        watch.missed_since(SystemTime::now());
        std::thread::sleep(QUIET * 2);
        assert!(watch.changed(), "a file gone");
    }

    /// Real time, bounded: an article in another folder, reached through a link, written in
    /// place at its target, is seen; so is the link pointed elsewhere.
    #[test]
    fn a_link_to_another_folder_is_followed_to_its_target() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let sheet = a.path().join("facts.toml");
        std::fs::write(&sheet, "").unwrap();
        let target = b.path().join("real.txt");
        std::fs::write(&target, "one").unwrap();
        let link = a.path().join("article.txt");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let mut watch = Watch::start(&[sheet, link.clone()]).unwrap();
        let seen = |watch: &mut Watch, what: &str| {
            let deadline = Instant::now() + Duration::from_secs(5);
            while !watch.changed() {
                assert!(Instant::now() < deadline, "{what} was not seen");
                std::thread::sleep(Duration::from_millis(10));
            }
        };
        std::fs::write(&target, "two").unwrap();
        seen(&mut watch, "a write at the link's target");
        // Pointed at another file in a third folder, which is then written.
        let c = tempfile::tempdir().unwrap();
        let other = c.path().join("other.txt");
        std::fs::write(&other, "three").unwrap();
        let new_link = a.path().join(".article.txt.new");
        std::os::unix::fs::symlink(&other, &new_link).unwrap();
        std::fs::rename(&new_link, &link).unwrap();
        seen(&mut watch, "the link pointed elsewhere");
        std::fs::write(&other, "four").unwrap();
        seen(&mut watch, "a write at the new target");
    }
}
