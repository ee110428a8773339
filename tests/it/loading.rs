//! Loading on another thread (issue 16, `app/loading.rs`), driven headless through
//! `App::update`: the preview shown at start and the whole briefing that replaces it, the
//! actions that wait for it, and reloads whose results arrive late, stale or failed. The real
//! terminal's side (text on screen before the index, Ctrl-c during a long load) is in
//! `pty/loading.rs`.

use std::sync::mpsc;

use briefing::app::loading::{Job, Outcome};
use briefing::app::{Action, Loaded, Target};
use briefing::briefing::preview::preview_of;
use briefing::briefing::{Briefing, Input, open};
use briefing_workload::generate;

use crate::harness::Reader;

/// The synthetic workload in a folder, as the reader opens it.
fn workload() -> (tempfile::TempDir, Input) {
    let w = generate(200 * 1024, 40, 7);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = w.write_to(dir.path()).expect("the workload written");
    (dir, Input::Path(path))
}

/// The reader on a preview of `input` (its first `limit` bytes), the whole briefing loading
/// behind it on a thread that never answers (the test sends its `Loaded`); and the whole one.
fn on_preview(input: &Input, limit: usize) -> (Reader, Briefing, mpsc::Sender<Outcome>) {
    let preview = preview_of(input, limit).expect("a preview");
    let whole = open(input).expect("the workload opens");
    assert!(whole.article.text().len() > preview.article.text().len());
    let r = Reader::new(preview, input.clone(), 100, 30);
    // The test's sender stands for the loading thread: nothing comes unless the test sends it.
    let (tx, rx) = mpsc::channel();
    let r = Reader {
        app: r.app.with_loading(Job::on(rx)),
        ..r
    };
    (r, whole, tx)
}

fn loaded(r: &Reader, outcome: Result<Briefing, briefing::briefing::OpenError>) -> Action {
    Action::Loaded(Loaded::new(r.app.loading().generation(), outcome))
}

#[test]
fn the_whole_briefing_replaces_the_preview_at_the_place_read() {
    let (_dir, input) = workload();
    let (mut r, whole, _keep) = on_preview(&input, 20_000);
    assert!(r.app.briefing().mentions.all().is_empty());
    assert!(r.app.loading().busy() && r.app.loading().preview());
    assert!(r.screen().contains("indexing…"), "{}", r.screen());
    r.act(Action::PageDown)
        .act(Action::PageDown)
        .act(Action::Down);
    let top = r.app.article_state().top_offset();
    assert!(top > 0);
    let mentions = whole.mentions.all().len();
    let action = loaded(&r, Ok(whole));
    r.act(action);
    assert_eq!(r.app.article_state().top_offset(), top);
    assert_eq!(r.app.briefing().mentions.all().len(), mentions);
    assert!(!r.app.loading().busy() && !r.app.loading().preview());
    assert!(!r.screen().contains("indexing…"), "{}", r.screen());
}

#[test]
fn keys_that_need_the_index_are_answered_once_it_is_loaded() {
    let (_dir, input) = workload();
    let (mut r, whole, _keep) = on_preview(&input, 20_000);
    r.press("2");
    let actor = r.app.actors_list().selected.expect("an actor is selected");
    r.press("Enter n");
    // Waiting: nothing followed yet, and a key after them waits too (none overtakes them).
    assert_eq!(r.app.followed().target(), Target::None);
    assert!(r.app.loading().deferring());
    r.press("j");
    let selected = r.app.actors_list().selected;
    let action = loaded(&r, Ok(whole));
    r.act(action);
    assert_eq!(r.app.followed().target(), Target::Actor(actor));
    let mentions = r.app.briefing().mentions.of_actor(actor).to_vec();
    assert!(
        mentions.len() >= 2,
        "the workload's actor is mentioned often"
    );
    // Enter went to the first mention, n to the second; then j moved the list on.
    assert_eq!(r.app.article_state().cursor, Some(mentions[1] as usize));
    assert!(!r.app.loading().deferring());
    assert_ne!(r.app.actors_list().selected, selected, "j came after them");
}

#[test]
fn quitting_never_waits_for_the_index() {
    let (_dir, input) = workload();
    let (mut r, _whole, _keep) = on_preview(&input, 20_000);
    r.press("n");
    assert!(r.app.loading().deferring());
    assert_eq!(r.app.update(Action::Quit), briefing::app::Effect::Quit);
}

#[test]
fn a_first_load_that_fails_ends_the_reader_with_its_errors() {
    let (dir, input) = workload();
    let (mut r, _whole, _keep) = on_preview(&input, 20_000);
    std::fs::write(dir.path().join("article.txt"), b"gone \xff").expect("article");
    let failed = open(&input).expect_err("not UTF-8");
    let action = loaded(&r, Err(failed));
    assert_eq!(r.app.update(action), briefing::app::Effect::Quit);
    let e = r.app.into_load_failure().expect("the failure kept");
    assert!(e.to_string().contains("error"), "{e}");
}

/// The reader on the whole workload, reloading on another thread.
fn in_background(input: &Input) -> Reader {
    let r = Reader::new(open(input).expect("it opens"), input.clone(), 100, 30);
    Reader {
        app: r.app.with_background_loads(),
        ..r
    }
}

#[test]
fn a_reload_on_another_thread_keeps_the_old_briefing_until_it_arrives() {
    let (dir, input) = workload();
    let mut r = in_background(&input);
    let article = dir.path().join("article.txt");
    let text = std::fs::read_to_string(&article).expect("the article");
    std::fs::write(&article, format!("A new first line.\n{text}")).expect("article");
    r.press("r");
    assert!(r.app.loading().busy());
    assert!(r.screen().contains("reloading…"), "{}", r.screen());
    // The old briefing answers keys meanwhile.
    r.press("j");
    assert!(!r.app.briefing().article.text().starts_with("A new"));
    let arrived = loop {
        if let Some(a) = r.app.loading().arrived() {
            break a;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    r.act(arrived);
    assert!(r.app.briefing().article.text().starts_with("A new"));
    assert!(!r.app.loading().busy());
    assert!(r.status().contains("Reloaded"), "{}", r.status());
}

#[test]
fn a_reload_superseded_by_a_newer_one_is_dropped() {
    let (dir, input) = workload();
    let mut r = in_background(&input);
    let article = dir.path().join("article.txt");
    let text = std::fs::read_to_string(&article).expect("the article");
    r.press("r");
    let first = r.app.loading().generation();
    std::fs::write(&article, format!("Older.\n{text}")).expect("article");
    let older = open(&input).expect("it opens");
    r.press("r");
    std::fs::write(&article, format!("Newer.\n{text}")).expect("article");
    let newer = open(&input).expect("it opens");
    r.act(Action::Loaded(Loaded::new(first, Ok(older))));
    assert!(!r.app.briefing().article.text().starts_with("Older"));
    assert!(r.app.loading().busy(), "the newer reload is still awaited");
    let action = loaded(&r, Ok(newer));
    r.act(action);
    assert!(r.app.briefing().article.text().starts_with("Newer"));
}

#[test]
fn a_failed_reload_keeps_the_old_briefing_and_lists_its_errors() {
    let (dir, input) = workload();
    let mut r = in_background(&input);
    let shown = r.app.briefing().article.text().to_owned();
    r.press("r");
    std::fs::write(dir.path().join("article.txt"), b"gone \xff").expect("article");
    let failed = open(&input).expect_err("not UTF-8");
    let action = loaded(&r, Err(failed));
    r.act(action);
    assert_eq!(r.app.briefing().article.text(), shown);
    assert!(r.status().contains("Reload failed"), "{}", r.status());
    assert!(r.app.window().is_some(), "the errors are listed");
}

/// Keys for the Actors pane typed while a long fact sheet's preview shows (its `[briefing]`
/// table alone, no actors yet) wait for the whole briefing, in order: `2 j j Enter` follows the
/// actor it follows once loaded, not the first one.
#[test]
fn keys_for_a_list_the_preview_lacks_wait_for_it() {
    let w = generate(200 * 1024, 400, 7);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let input = Input::Path(w.write_to(dir.path()).expect("the workload written"));
    let (mut r, whole, _keep) = on_preview(&input, 20_000);
    assert!(
        r.app.briefing().sheet.actors.is_empty(),
        "the preview of a long fact sheet holds no actors"
    );
    let mut want = Reader::new(whole.clone(), input.clone(), 100, 30);
    want.press("2 j j Enter");
    let followed = want.app.followed().target();
    assert_ne!(followed, Target::None);
    // Moving between panes never waits.
    r.press("2 1");
    assert!(!r.app.loading().deferring());
    r.press("2 j j Enter");
    assert!(r.app.loading().deferring());
    let action = loaded(&r, Ok(whole));
    r.act(action);
    assert_eq!(r.app.followed().target(), followed);
}
