//! A save of the fact sheet in a real terminal: the reader, watching its files, shows it with no
//! key pressed; a broken save is listed and the version shown stays; `--no-watch` leaves the
//! reloading to `r`. (What a reload keeps and says is tested headless, in `tests/it/watch.rs`.)

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use super::{Session, screen_text, wait_for};

/// How soon a save must be on screen (the issue's figure; the reader takes well under one).
const SEEN_WITHIN: Duration = Duration::from_secs(2);

/// The sample's fact sheet and article copied into `dir`, the title shortened and the source
/// left out so that the header's counts fit in 80 columns; the fact sheet's text.
pub(super) fn sample_in(dir: &Path) -> String {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let sheet: String = fs::read_to_string(assets.join("facts.toml"))
        .expect("the sample's fact sheet")
        .lines()
        .filter(|l| !l.starts_with("source = "))
        .map(|l| {
            if l.starts_with("title = ") {
                "title = \"Watched\"\n".to_owned()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    fs::write(dir.join("facts.toml"), &sheet).expect("write facts.toml");
    fs::copy(assets.join("article.txt"), dir.join("article.txt")).expect("copy article.txt");
    sheet
}

/// An actor more, `n`, for the end of a fact sheet.
fn actor(n: usize) -> String {
    format!("\n[[actors]]\nid = \"watch-{n}\"\nname = \"Watcher Number {n}\"\nkind = \"person\"\n")
}

/// Writes `text` over `path` as editors save: a new file beside it, renamed over it (a watch
/// of the file itself, rather than of its folder, loses the file at the first such save).
fn save(path: &Path, text: &str) {
    let new = path.with_file_name(".facts.toml.new");
    fs::write(&new, text).expect("write the new version");
    fs::rename(&new, path).expect("rename it over the old one");
}

/// How many actors the header counts; the header is the screen's first row.
fn header_says(screen: &str, actors: usize) -> bool {
    screen
        .lines()
        .next()
        .is_some_and(|h| h.contains(&format!(" {actors} actors ")))
}

/// Waits up to [`SEEN_WITHIN`] for `done`, with no key pressed.
fn seen(session: &Session, what: &str, done: impl Fn(&str) -> bool) -> String {
    wait_for(&session.parser, Instant::now() + SEEN_WITHIN, done).unwrap_or_else(|screen| {
        panic!("{what} was not on screen within {SEEN_WITHIN:?}; the screen:\n{screen}")
    })
}

#[test]
fn saves_of_the_fact_sheet_are_on_screen_without_a_key() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sheet = sample_in(dir.path());
    let path = dir.path().join("facts.toml");
    let n = sheet.matches("[[actors]]").count();
    let mut session = Session::spawn(&[], &[], dir.path());
    session.screen_once("the header's count of actors", |s| header_says(s, n));

    save(&path, &format!("{sheet}{}", actor(1)));
    // (A frame reaches the screen in pieces: what is looked for is waited for whole.)
    seen(
        &session,
        "the first save, and what the status bar says of it",
        |s| header_says(s, n + 1) && s.contains("facts.toml changed on disk: reloaded"),
    );
    // A second save, the file renamed over again: still seen.
    save(&path, &format!("{sheet}{}{}", actor(1), actor(2)));
    seen(&session, "the second save", |s| header_says(s, n + 2));

    // Broken: the errors are listed over the version shown, which stays.
    save(&path, &format!("{sheet}{}{}[[[\n", actor(1), actor(2)));
    seen(
        &session,
        "the errors of the broken save over the version shown",
        |s| s.contains(" Reload failed ") && s.contains("facts.toml:") && header_says(s, n + 2),
    );
    // Fixed: taken, and the list of errors closes.
    save(
        &path,
        &format!("{sheet}{}{}{}", actor(1), actor(2), actor(3)),
    );
    seen(
        &session,
        "the fixed save, and what the status bar says of it",
        |s| {
            header_says(s, n + 3)
                && !s.contains(" Reload failed ")
                && s.contains("facts.toml changed on disk: reloaded")
        },
    );

    session.press("q");
    session.assert_ended_well();
}

#[test]
fn with_no_watch_a_save_waits_for_r() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sheet = sample_in(dir.path());
    let path = dir.path().join("facts.toml");
    let n = sheet.matches("[[actors]]").count();
    let mut session = Session::spawn(&["--no-watch"], &[], dir.path());
    session.screen_once("the header's count of actors", |s| header_says(s, n));

    save(&path, &format!("{sheet}{}", actor(1)));
    // Longer than a watching reader takes to show it.
    std::thread::sleep(Duration::from_millis(1500));
    let screen = screen_text(&session.parser);
    assert!(header_says(&screen, n), "taken without r:\n{screen}");
    session.press("r");
    session.screen_once("the save, reloaded by r", |s| header_says(s, n + 1));

    session.press("q");
    session.assert_ended_well();
}

/// A save made after the reader read the files but before it watched them (its first frame held
/// back, as behind a terminal slow to answer) is seen all the same, by the files' times.
#[test]
fn a_save_before_the_watch_began_is_seen() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sheet = sample_in(dir.path());
    let path = dir.path().join("facts.toml");
    let n = sheet.matches("[[actors]]").count();
    let held = Duration::from_millis(1500);
    let session = Session::spawn(
        &[],
        &[("BRIEFING_TEST_FRAME_WAIT", &held.as_millis().to_string())],
        dir.path(),
    );
    // The sample loads in milliseconds, long before the first frame is let go.
    std::thread::sleep(held / 2);
    save(&path, &format!("{sheet}{}", actor(1)));
    wait_for(&session.parser, Instant::now() + held + SEEN_WITHIN, |s| {
        header_says(s, n + 1) && s.contains("facts.toml changed on disk: reloaded")
    })
    .unwrap_or_else(|screen| panic!("the save was not seen; the screen:\n{screen}"));
}
