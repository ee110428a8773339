//! The files changed on disk ([`Action::FilesChanged`], which the terminal loop sends when its
//! watch of them reports a save), without a terminal: reloaded as `r` does, underneath whatever
//! is open, silently when nothing changed. That a save reaches the loop is tested in a real
//! terminal (`pty/watch.rs`), and the watch itself beside its code (`src/watch.rs`).

use std::fs;

use briefing::app::window::Kind;
use briefing::app::{Action, Message};

use crate::harness::{ARTICLE, Fixture, Reader, SHEET};

/// `SHEET` with one more actor, `id` named `name`.
fn with_actor(sheet: &str, id: &str, name: &str) -> String {
    format!("{sheet}\n[[actors]]\nid = \"{id}\"\nname = \"{name}\"\nkind = \"country\"\n")
}

fn reload_errors_open(r: &Reader) -> bool {
    matches!(
        r.app.window().map(briefing::app::Window::kind),
        Some(Kind::ReloadErrors(..))
    )
}

#[test]
fn an_edited_article_is_reloaded_with_the_same_sentence_at_the_top() {
    let r = crate::harness::reloaded_after_lines_above(|r| {
        r.act(Action::FilesChanged);
    });
    assert!(
        r.status().contains("article.txt changed on disk: reloaded"),
        "{}",
        r.status()
    );
}

/// An article edit that moves its warnings' lines names the article alone: the fact sheet is
/// as it was.
#[test]
fn an_article_edit_that_moves_the_warnings_names_the_article_alone() {
    let sheet = with_actor(SHEET, "china", "China");
    let f = Fixture::new(&sheet, "NATO China met.\n".as_bytes());
    let mut r = Reader::of(&f, 120, 24);
    let before = r.app.briefing().warnings.clone();
    assert!(
        before.iter().any(|w| w.message.contains("side by side")),
        "{before:?}"
    );
    fs::write(f.path("article.txt"), "A line above.\nNATO China met.\n").unwrap();
    r.act(Action::FilesChanged);
    assert_ne!(
        r.app.briefing().warnings,
        before,
        "the warning's line moved"
    );
    assert!(
        r.status()
            .contains(" article.txt changed on disk: reloaded"),
        "{}",
        r.status()
    );
    assert!(!r.status().contains("facts.toml"), "{}", r.status());
}

#[test]
fn files_that_load_as_shown_change_nothing_and_say_nothing() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("x");
    let said = r.app.message().cloned();
    assert!(said.is_some(), "x says it does nothing");
    // Touched, and rewritten with only a comment more: the same fact sheet and article.
    fs::write(f.sheet(), format!("# a comment\n{SHEET}")).unwrap();
    r.act(Action::FilesChanged);
    assert_eq!(r.app.message().cloned(), said, "the message shown stays");
    assert!(r.app.window().is_none());
    assert_eq!(r.app.briefing().sheet.actors.len(), 1);
}

#[test]
fn a_broken_save_is_listed_and_a_fixed_one_closes_the_list() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    fs::write(
        f.sheet(),
        SHEET.replace("kind = \"organization\"", "kind = \"club\""),
    )
    .unwrap();
    r.act(Action::FilesChanged);
    assert!(reload_errors_open(&r));
    assert!(r.screen().contains("unknown actor kind"), "{}", r.screen());
    assert!(
        r.status()
            .contains("Changed on disk, with 1 error: still showing the previous version"),
        "{}",
        r.status()
    );
    // Saved again as broken: the window stays as it is, scrolled where it was.
    r.press("j");
    let window = r.app.window().cloned();
    r.act(Action::FilesChanged);
    assert_eq!(r.app.window().cloned(), window);
    // Fixed, with an actor more: taken, and the window closes.
    fs::write(f.sheet(), with_actor(SHEET, "china", "China")).unwrap();
    r.act(Action::FilesChanged);
    assert!(r.app.window().is_none());
    assert_eq!(r.app.briefing().sheet.actors.len(), 2);
    assert!(
        r.status().contains("facts.toml changed on disk: reloaded"),
        "{}",
        r.status()
    );
    // Broken, then back to the version shown: the window closes, and the status bar says why.
    fs::write(f.sheet(), "[[[").unwrap();
    r.act(Action::FilesChanged);
    assert!(reload_errors_open(&r));
    fs::write(f.sheet(), with_actor(SHEET, "china", "China")).unwrap();
    r.act(Action::FilesChanged);
    assert!(r.app.window().is_none());
    assert!(
        r.status().contains("back to the version shown"),
        "{}",
        r.status()
    );
}

#[test]
fn the_warnings_window_lists_the_warnings_of_the_new_version() {
    let f = Fixture::new(&with_actor(SHEET, "china", "China"), ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 100, 30);
    let rows = |r: &Reader| {
        r.app
            .window_rows()
            .map(|(_, rows)| rows.iter().map(|row| row.text.clone()).collect::<String>())
    };
    r.press("w");
    let before = rows(&r).expect("the warnings window");
    assert!(before.contains("\"china\""), "{before}");
    assert!(!before.contains("\"japan\""), "{before}");
    fs::write(
        f.sheet(),
        with_actor(&with_actor(SHEET, "china", "China"), "japan", "Japan"),
    )
    .unwrap();
    r.act(Action::FilesChanged);
    let after = rows(&r).expect("the warnings window");
    assert!(
        after.contains("\"china\"") && after.contains("\"japan\""),
        "{after}"
    );
    // Both mentioned now: no warnings left, and the window closes.
    fs::write(f.path("article.txt"), "NATO met China and Japan.\n").unwrap();
    r.act(Action::FilesChanged);
    assert!(r.app.warnings().is_empty(), "{:?}", r.app.warnings());
    assert!(r.app.window().is_none());
}

#[test]
fn a_query_being_typed_stays_and_is_searched_in_the_new_text() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("1 /").type_text("alli");
    assert_eq!(r.app.search().matches.len(), 1);
    fs::write(
        f.path("article.txt"),
        "NATO met. The alliance agreed. The alliance left.\n",
    )
    .unwrap();
    r.act(Action::FilesChanged).settle();
    assert!(r.app.search().editing, "still typing");
    assert_eq!(r.app.search().query, "alli");
    assert_eq!(r.app.search().matches.len(), 2, "searched in the new text");
    // The keys still type into it, and Enter keeps it.
    r.type_text("ance").press("Enter");
    assert_eq!(r.app.search().query, "alliance");
    assert!(r.app.search().active());
}

#[test]
fn a_filter_being_typed_stays() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("2 /").type_text("NA");
    fs::write(f.sheet(), with_actor(SHEET, "nauru", "Nauru")).unwrap();
    r.act(Action::FilesChanged);
    assert!(r.app.actors_list().editing);
    r.type_text("T");
    assert_eq!(r.app.actors_list().filter, "NAT");
    assert_eq!(r.app.briefing().sheet.actors.len(), 2);
}

#[test]
fn the_export_dialog_keeps_its_file_name_and_the_keys_over_a_reload() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 100, 30);
    r.press("e C-u").type_text("mine");
    fs::write(f.sheet(), with_actor(SHEET, "china", "China")).unwrap();
    r.act(Action::FilesChanged);
    assert_eq!(
        r.app.briefing().sheet.actors.len(),
        2,
        "reloaded underneath"
    );
    assert_eq!(r.app.export_dialog().map(|d| d.file.as_str()), Some("mine"));
    // A broken save opens no window over the dialog: the status bar says which key lists it.
    fs::write(f.sheet(), "[[[").unwrap();
    r.act(Action::FilesChanged);
    assert!(r.app.window().is_none());
    assert!(
        r.app
            .message()
            .is_some_and(|m| m.error && m.text.contains("(r lists the errors)")),
        "{:?}",
        r.app.message()
    );
    r.type_text(".md");
    assert_eq!(
        r.app.export_dialog().map(|d| d.file.as_str()),
        Some("mine.md")
    );
}

#[test]
fn a_search_typed_in_a_window_is_not_taken_away() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("? /").type_text("quit");
    fs::write(f.sheet(), "[[[").unwrap();
    r.act(Action::FilesChanged);
    assert!(matches!(
        r.app.window().map(briefing::app::Window::kind),
        Some(Kind::Help)
    ));
    assert_eq!(
        r.app.window_search_typed().map(|s| s.query.as_str()),
        Some("quit")
    );
}

#[test]
fn not_watching_is_said_once_with_the_key_that_reloads() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 120, 24);
    r.act(Action::NotWatching(
        "the system's limit of watched folders is reached".into(),
    ));
    assert_eq!(
        r.app.message(),
        Some(&Message {
            text: "Not watching the files for changes (the system's limit of watched folders \
                   is reached): r reloads them"
                .into(),
            error: true,
        })
    );
    r.press("j");
    assert!(r.app.message().is_none(), "said once");
}

#[test]
fn the_sample_watches_nothing_and_a_briefing_watches_its_two_files() {
    let r = Reader::bundled(80, 24);
    assert!(r.app.watched_files().is_empty());
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let r = Reader::of(&f, 80, 24);
    assert_eq!(r.app.watched_files(), [f.sheet(), f.path("article.txt")]);
}

#[test]
fn no_key_runs_the_actions_of_the_watch() {
    let table = |action: &str| {
        format!("global = [\n    {{ on = [\"x\"], run = \"{action}\", help = \"x\" }},\n]\n")
    };
    let parse = |action: &str| briefing::app::keys::KeyTable::parse(&table(action));
    assert!(parse("reload").is_ok(), "{:?}", parse("reload").err());
    let keys = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/keys.toml"))
        .expect("the key table");
    for action in ["files-changed", "not-watching"] {
        assert!(parse(action).is_err(), "{action} can be bound");
        assert!(!keys.contains(action), "{action} is in the key table");
    }
}
