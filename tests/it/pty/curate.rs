//! Curating in a real terminal: `E` and Enter write the new event to the fact sheet on disk,
//! the reader shows it, and `U` puts the file back byte for byte. (Every action and refusal is
//! tested headless, in `tests/it/curate.rs`; this proves the keys arrive and the file is
//! written from the running program.)

use std::fs;

use super::Session;
use super::watch::sample_in;

#[test]
fn e_writes_an_event_to_the_fact_sheet_and_u_takes_it_back() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sheet = sample_in(dir.path());
    let path = dir.path().join("facts.toml");
    let events = sheet.matches("[[events]]").count();
    let mut session = Session::spawn(&[], &[], dir.path());
    session.screen_once("the reader", |s| s.contains(&format!(" {events} events")));

    session.press("E");
    session.screen_once("the evidence dialog", |s| s.contains(" Add evidence "));
    session.press("\r");
    // The message and the count come in one frame; the watcher seeing the reader's own write
    // must not replace the message (it finds the version shown, and says nothing).
    session.screen_once("the event added", |s| {
        s.contains(&format!(" {} events", events + 1)) && s.contains("Added event")
    });
    std::thread::sleep(std::time::Duration::from_millis(600));
    let screen = super::screen_text(&session.parser);
    assert!(screen.contains("Added event"), "{screen}");
    let written = fs::read_to_string(&path).expect("facts.toml");
    assert_eq!(written.matches("[[events]]").count(), events + 1);

    session.press("U");
    let screen = session.screen_once("the change undone", |s| {
        s.contains(&format!(" {events} events"))
    });
    assert!(screen.contains("Undid"), "{screen}");
    assert_eq!(fs::read_to_string(&path).expect("facts.toml"), sheet);

    session.press("q");
    session.assert_ended_well();
}
