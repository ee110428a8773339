//! Property tests: whatever keys arrive, at whatever terminal size, the reader never panics and
//! every selection stays in range.

use briefing::app::{Action, App};
use proptest::prelude::*;

use crate::harness::{Reader, key};

/// Every key the key table knows, and some it does not.
const KEYS: &[&str] = &[
    "j",
    "k",
    "g",
    "G",
    "n",
    "N",
    "[",
    "]",
    "/",
    "s",
    "f",
    "o",
    "w",
    "e",
    "y",
    "?",
    "1",
    "2",
    "3",
    "4",
    "Enter",
    "Esc",
    "Tab",
    "S-Tab",
    "Backspace",
    "C-o",
    "C-n",
    "C-d",
    "C-u",
    "PgDn",
    "PgUp",
    "Home",
    "End",
    "Up",
    "Down",
    "Left",
    "Right",
    "Space",
    "x",
    "a",
    "é",
    "日",
];

#[derive(Clone, Debug)]
enum Step {
    Key(&'static str),
    Resize(u16, u16),
    Click(u16, u16),
    Scroll(u16, u16, i8),
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        Just((0, 0)),
        Just((1, 1)),
        Just((23, 6)),
        Just((24, 7)),
        Just((40, 12)),
        Just((80, 24)),
        Just((200, 60)),
        (0u16..260, 0u16..90),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => proptest::sample::select(KEYS).prop_map(Step::Key),
        1 => size().prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0u16..260, 0u16..90).prop_map(|(x, y)| Step::Click(x, y)),
        1 => (0u16..260, 0u16..90, prop_oneof![Just(-1i8), Just(1i8)]).prop_map(|(x, y, d)| Step::Scroll(x, y, d)),
    ]
}

/// Everything that must hold after any step.
fn check(app: &App) {
    let b = app.briefing();
    let st = app.article_state();
    assert!(st.top <= st.max_top(), "top {} > {}", st.top, st.max_top());
    if let Some(c) = st.cursor {
        assert!(c < b.mentions.all().len());
    }
    let actors = app.visible_actors();
    match app.actors_list().selected {
        Some(a) => assert!(actors.contains(&a), "selected actor {a} not visible"),
        None => assert!(actors.is_empty()),
    }
    let events = app.visible_events();
    match app.events_list().selected {
        Some(e) => assert!(events.contains(&e)),
        None => assert!(events.is_empty()),
    }
    assert!(app.actors_list().offset <= actors.len());
    assert!(app.events_list().offset <= events.len());
    let details = app.details();
    assert!(app.details_cursor() < details.len().max(1));
    let s = app.search();
    if let Some(c) = s.current {
        assert!(c < s.matches.len());
    }
    if let Some((start, end)) = app.quote() {
        assert!(start <= end && (end as usize) <= b.article.text().len());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_at_any_size_keep_the_reader_sound(
        (w, h) in size(),
        steps in proptest::collection::vec(step(), 1..60),
    ) {
        let mut r = Reader::bundled(w, h);
        check(&r.app);
        let _ = r.draw();
        for s in steps {
            match s {
                Step::Key(k) => r.key(key(k)),
                Step::Resize(w, h) => { r.act(Action::Resize(w, h)); }
                Step::Click(x, y) => { r.act(Action::Click(x, y)); }
                Step::Scroll(x, y, d) => { r.act(Action::Scroll(x, y, d)); }
            }
            check(&r.app);
            let _ = r.draw();
        }
    }
}
