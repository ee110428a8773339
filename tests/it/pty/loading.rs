//! A slow load in a real terminal (held back by `BRIEFING_TEST_LOAD_WAIT`, as a huge fact sheet
//! or article would hold it): the article's text is on screen before the index, with a quiet
//! sign in the header; keys that need no index are answered at once, those that need it wait
//! for it, and `Ctrl-c` ends the reader at once. A reload (`r`) runs beside the reader the same
//! way, and so does the check of a change the curation dialog adds. (What is deferred and
//! replayed is tested headless, in `src/app/loading.rs`.)

use std::time::{Duration, Instant};

use super::watch::sample_in;
use super::{Session, screen_text, status_bar};

/// The row the status bar gives for the first row on screen, e.g. `row 3/`.
fn row_shown(screen: &str) -> Option<usize> {
    let bar = status_bar(screen);
    let at = bar.find("row ")? + 4;
    bar[at..]
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

#[test]
fn text_first_keys_answered_and_ctrl_c_ends_a_load_that_never_finishes() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    sample_in(dir.path());
    // Ten minutes: longer than the test; the load never finishes while it runs.
    let mut session = Session::spawn(&[], &[("BRIEFING_TEST_LOAD_WAIT", "600000")], dir.path());
    // The whole screen, status bar included (a screen read in the middle of its drawing may
    // not have it yet).
    let screen = session.screen_once("the article's text and the sign of indexing", |s| {
        s.contains("Next week, NATO will present")
            && s.contains("indexing…")
            && row_shown(s).is_some()
    });
    assert_eq!(row_shown(&screen), Some(1), "{screen}");
    // The counts are not known yet: the header does not say "0 mentions".
    let header = screen.lines().next().unwrap_or_default();
    assert!(!header.contains("mention"), "{header}");

    // A key that needs no index is answered while the index is being built.
    session.press("j");
    session.screen_once("j answered before the index exists", |s| {
        row_shown(s) == Some(2) && s.contains("indexing…")
    });

    // One that needs the index waits for it: the screen stays as it is.
    session.press("n");
    std::thread::sleep(Duration::from_millis(300));
    let screen = screen_text(&session.parser);
    assert!(
        screen.contains("indexing…") && row_shown(&screen) == Some(2),
        "n was not held back:\n{screen}"
    );

    // Ctrl-c ends it at once, the load still running.
    let asked = Instant::now();
    session.press("\x03");
    session.assert_ended_well();
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "Ctrl-c waited {:?} for the load",
        asked.elapsed()
    );
}

/// A fact sheet over 64 KiB is previewed by its `[briefing]` table only: the lists say that the
/// sheet is being read, and no count or position of the whole is given before it is known.
#[test]
fn a_long_sheets_preview_says_the_lists_are_coming() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    sample_in(dir.path());
    let sheet = dir.path().join("facts.toml");
    let mut text = std::fs::read_to_string(&sheet).expect("the sheet");
    while text.len() <= 70 * 1024 {
        text.push_str("# a comment line that makes the fact sheet long, as a big one is\n");
    }
    std::fs::write(&sheet, text).expect("the long sheet");
    let mut session = Session::spawn(&[], &[("BRIEFING_TEST_LOAD_WAIT", "600000")], dir.path());
    let screen = session.screen_once("the preview of a long sheet", |s| {
        s.contains("Next week, NATO will present")
            && s.contains("indexing…")
            && status_bar(s).contains("row 1/")
    });
    assert!(screen.contains("Reading the fact sheet…"), "{screen}");
    assert!(!screen.contains("has no actors"), "{screen}");
    assert!(!screen.contains(" 0 · by mentions"), "{screen}");
    assert!(status_bar(&screen).contains("row 1/…"), "{screen}");
    session.press("\t");
    session.screen_once("the Actors over the preview", |s| {
        status_bar(s).contains("reading the fact sheet…")
    });
    session.press("\x03");
    session.assert_ended_well();
}

#[test]
fn a_reload_runs_beside_the_reader() {
    let (_dir, _sheet, mut session) =
        indexed_sample(&["--no-watch"], &[("BRIEFING_TEST_LOAD_WAIT", "1500")]);

    session.press("r");
    session.screen_once("the sign of a reload", |s| s.contains("reloading…"));
    session.press("j");
    session.screen_once("j answered during the reload", |s| {
        row_shown(s) == Some(2) && s.contains("reloading…")
    });
    session.screen_once("the reload, done", |s| {
        s.contains("Reloaded") && !s.contains("reloading…")
    });

    session.press("q");
    session.assert_ended_well();
}

/// The sample in a new folder, opened with `args` and `env`, once its briefing is indexed; the
/// folder's fact sheet.
fn indexed_sample(
    args: &[&str],
    env: &[(&str, &str)],
) -> (tempfile::TempDir, std::path::PathBuf, Session) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    sample_in(dir.path());
    let sheet = dir.path().join("facts.toml");
    let session = Session::spawn(args, env, dir.path());
    session.screen_once("the briefing, indexed", |s| {
        s.contains("Next week, NATO will present") && !s.contains("indexing…")
    });
    (dir, sheet, session)
}

/// `v` and `a`: the first word on screen, proposed as an actor in the curation dialog; the
/// screen with the dialog.
fn open_add_dialog(session: &mut Session) -> String {
    session.press("v");
    session.press("a");
    session.screen_once("the dialog", |s| s.contains("Add a name"))
}

/// Enter in the dialog: the screen once it says the change is being checked.
fn submit_for_check(session: &mut Session) -> String {
    session.press("\r");
    session.screen_once("the sign of the check", |s| {
        s.contains("Checking the fact sheet with this change")
    })
}

/// The sheet's text as on disk.
fn read(sheet: &std::path::Path) -> String {
    std::fs::read_to_string(sheet).expect("the sheet")
}

/// Appends a comment to the sheet, as an edit outside the reader; the sheet's new text.
fn edit_outside(sheet: &std::path::Path) -> String {
    let mut edited = read(sheet);
    edited.push_str("# edited outside the reader\n");
    std::fs::write(sheet, &edited).expect("the outside edit");
    edited
}

/// A change added in the curation dialog is checked beside the reader (held back as a huge
/// article would hold it): the dialog says so, Esc stops waiting and writes nothing, Enter
/// checks it again and it is written once the check is in; `Ctrl-c` during a check ends the
/// reader at once, the file as it was.
#[test]
fn a_change_is_checked_beside_the_reader_and_ctrl_c_ends_it_at_once() {
    const WAIT: Duration = Duration::from_secs(4);
    let wait = WAIT.as_millis().to_string();
    let (_dir, sheet, mut session) =
        indexed_sample(&["--no-watch"], &[("BRIEFING_TEST_LOAD_WAIT", &wait)]);
    let before = read(&sheet);
    let add = |session: &mut Session| {
        open_add_dialog(session);
        let screen = submit_for_check(session);
        // The one key the dialog takes meanwhile is the one hinted.
        let bar = status_bar(&screen);
        assert!(bar.contains("Esc") && !bar.contains("Enter"), "{bar}");
    };

    add(&mut session);
    session.press("\x1b");
    session.screen_once("the check stopped", |s| {
        s.contains("Not written: stopped waiting for the check")
    });
    std::thread::sleep(WAIT + Duration::from_millis(500));
    let screen = screen_text(&session.parser);
    assert!(!screen.contains("Added"), "{screen}");
    assert_eq!(read(&sheet), before);

    session.press("\r");
    session.screen_once("the change, checked and written", |s| {
        s.contains("Added actor")
    });
    let added = read(&sheet);
    assert!(added.len() > before.len(), "nothing written:\n{added}");

    // Undone, then added again and left by Ctrl-c while it is checked.
    session.press("U");
    session.screen_once("the change undone", |s| s.contains("Undid"));
    add(&mut session);
    let asked = Instant::now();
    session.press("\x03");
    session.assert_ended_well();
    assert!(
        asked.elapsed() < WAIT / 2,
        "Ctrl-c waited {:?} for the check",
        asked.elapsed()
    );
    assert_eq!(read(&sheet), before);
}

/// A key typed while a change is checked reaches the reader once the change is written, and
/// leaves the message that says it was: it used to clear it as soon as it was drawn.
#[test]
fn a_key_typed_during_a_check_leaves_its_outcome_said() {
    let (_dir, _sheet, mut session) =
        indexed_sample(&["--no-watch"], &[("BRIEFING_TEST_LOAD_WAIT", "1500")]);
    open_add_dialog(&mut session);
    submit_for_check(&mut session);
    // Tab: the focus goes from the Article to the Actors (drawn with their border lit).
    session.press("\t");
    session.screen_once("the change written, and Tab taken", |s| {
        s.contains("Added actor") && !s.contains("Checking the fact sheet")
    });
    std::thread::sleep(Duration::from_millis(400));
    let screen = screen_text(&session.parser);
    assert!(screen.contains("Added actor"), "{screen}");
    session.press("j");
    session.screen_once("the next key clearing the message", |s| {
        !s.contains("Added actor")
    });
    session.press("q");
    session.assert_ended_well();
}

/// `U`, then `v a` at once, while the undo's load is held back: the selection and the dialog
/// wait for the sheet as undone, and the dialog offers the word as a new actor again (it
/// used to open over the briefing before the undo: "already a mention of Next", id `next-2`).
#[test]
fn a_change_asked_for_during_an_undos_load_waits_for_it() {
    let (_dir, sheet, mut session) =
        indexed_sample(&["--no-watch"], &[("BRIEFING_TEST_LOAD_WAIT", "1500")]);
    let before = read(&sheet);
    open_add_dialog(&mut session);
    submit_for_check(&mut session);
    session.screen_once("the change written", |s| s.contains("Added actor"));
    session.press("U");
    session.press("v");
    session.press("a");
    let screen = session.screen_once("the dialog, once the undo is in", |s| {
        s.contains("Add a name")
    });
    // Not the briefing before the undo, where "Next" was an actor.
    assert!(
        screen.contains("‹new actor›")
            && !screen.contains("already a mention of Next")
            && !screen.contains("next-2")
            && !screen.contains("reloading…"),
        "{screen}"
    );
    assert_eq!(read(&sheet), before, "the undo wrote the sheet back");
    session.press("\x1b");
    session.screen_once("the dialog closed", |s| !s.contains("Add a name"));
    session.press("q");
    session.assert_ended_well();
}

/// The fact sheet edited outside the reader while a change is checked: the version on disk is
/// taken and the change refused, saying so, with the dialog left as it was: the keys typed for
/// after it are dropped, not typed into its fields.
#[test]
fn a_change_checked_while_the_sheet_changes_on_disk_is_refused_as_it_was_typed() {
    let (_dir, sheet, mut session) = indexed_sample(&[], &[("BRIEFING_TEST_LOAD_WAIT", "2000")]);
    let dialog = open_add_dialog(&mut session);
    let edited = edit_outside(&sheet);
    // The reload the watcher starts is under way before the check.
    session.screen_once("the sign of a reload", |s| s.contains("reloading…"));
    submit_for_check(&mut session);
    session.press("xyz");
    let screen = session.screen_once("the change refused", |s| {
        s.contains("changed on disk since it was loaded: reloaded it")
    });
    assert!(!screen.contains("has errors now"), "{screen}");
    assert!(
        !screen.contains("xyz"),
        "held keys typed into the dialog:\n{screen}"
    );
    assert_eq!(
        screen.lines().filter(|l| l.contains("name")).count(),
        dialog.lines().filter(|l| l.contains("name")).count(),
        "{screen}"
    );
    assert_eq!(read(&sheet), edited);
    session.press("\x03");
    session.assert_ended_well();
}

/// Not watching the files, a change whose sheet was edited outside the reader meanwhile is
/// refused when it is about to be written; the version on disk is loaded beside the reader, and
/// Enter again adds the change to it.
#[test]
fn a_change_refused_for_an_outside_edit_is_added_to_the_new_version() {
    let (_dir, sheet, mut session) =
        indexed_sample(&["--no-watch"], &[("BRIEFING_TEST_LOAD_WAIT", "1500")]);
    open_add_dialog(&mut session);
    submit_for_check(&mut session);
    let edited = edit_outside(&sheet);
    session.screen_once("the change refused, the new version loading", |s| {
        s.contains("loading the new version") && s.contains("reloading…")
    });
    assert_eq!(read(&sheet), edited);
    session.screen_once("the new version, in", |s| !s.contains("reloading…"));
    session.press("\r");
    session.screen_once("the change, added to it", |s| s.contains("Added actor"));
    let added = read(&sheet);
    assert!(
        added.len() > edited.len() && added.contains("# edited outside the reader"),
        "{added}"
    );
    session.press("q");
    session.assert_ended_well();
}

/// A thread beside the reader that panics (here a change's check) leaves the terminal to the
/// reader, which says the work stopped and goes on; the panic's message is printed once the
/// terminal is given back.
#[test]
fn a_panic_beside_the_reader_leaves_it_running_and_is_told_on_the_way_out() {
    let (_dir, _sheet, mut session) =
        indexed_sample(&["--no-watch"], &[("BRIEFING_TEST_CHECK_PANIC", "1")]);
    open_add_dialog(&mut session);
    session.press("\r");
    session.screen_once("the check, stopped", |s| {
        s.contains("the check stopped unexpectedly")
    });
    assert!(
        !super::local_flags(&*session.master)
            .iter()
            .any(|f| f == "ICANON"),
        "the terminal was given back while the reader runs"
    );
    session.press("\x1b");
    session.screen_once("the dialog closed", |s| !s.contains("Add a name"));
    session.press("q");
    session.assert_ended_well();
    let raw = String::from_utf8_lossy(&session.raw()).into_owned();
    let told = raw.find("a thread beside the reader panicked");
    let left = raw.rfind("\x1b[?1049l");
    assert!(
        told.is_some_and(|t| left.is_some_and(|l| t > l)),
        "the message is missing, or came before the screen was given back: {}",
        session.raw_text()
    );
}
