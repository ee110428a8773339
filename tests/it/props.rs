//! Property tests: whatever keys arrive, at whatever terminal size, the reader never panics and
//! every selection stays in range.

use std::fmt::Write as _;

use briefing::app::window::search;
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
    assert!(app.details_state().cursor < details.len().max(1));
    let s = app.search();
    if let Some(c) = s.current {
        assert!(c < s.matches.len());
    }
    if let Some(quote) = app.followed().quote() {
        assert!(quote.start <= quote.end && (quote.end as usize) <= b.article.text().len());
    }
    assert_eq!(app.window().is_some(), app.window_rows().is_some());
    if let (Some(window), Some((_, rows))) = (app.window(), app.window_rows()) {
        let shown = usize::from(app.window_rect().height.saturating_sub(2));
        assert!(
            window.scroll() <= rows.len().saturating_sub(shown),
            "window scrolled past its end"
        );
        // The rows are wrapped once and kept: they must be what wrapping now would give.
        let fresh = app.window_rows_rewrapped().map(|(_, rows)| rows);
        assert_eq!(
            Some(rows),
            fresh.as_deref(),
            "the window's kept rows are stale"
        );
        // So are the matches of a search in it.
        let query = app.window_search().map_or("", |f| f.query.as_str());
        let hits = app.window_matches();
        assert_eq!(
            hits,
            search::matches(rows, query).as_slice(),
            "stale matches"
        );
        if let Some(c) = app.window_search().and_then(|f| f.current) {
            assert!(
                hits.get(c).is_some_and(|h| h.begins),
                "shown match {c} out of range"
            );
        }
    } else {
        assert!(
            app.window_search().is_none(),
            "a search outlived its window"
        );
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
                Step::Click(x, y) => { r.act(Action::Click(x, y, 0)); }
                Step::Scroll(x, y, d) => { r.act(Action::Scroll(x, y, d)); }
            }
            check(&r.app);
            let _ = r.draw();
        }
    }
}

/// Pieces hostile or broken text is made of.
const PIECES: &[&str] = &[
    "NATO",
    "the alliance",
    "Ukraine",
    "Trump’s",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "\t",
    "\u{1b}[31m",
    "\u{1b}]0;x\u{7}",
    "\u{7}",
    "\u{0}",
    "\u{85}",
    "\u{9b}",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "é",
    "e\u{301}",
    "日本語",
    "🙂",
    "👨‍👩‍👧",
    "مرحبا",
    "“",
    "”",
    "–",
    "Advertisement",
    ".",
    "-",
    "'",
    "\u{a0}",
    "\u{2028}",
];

fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..max).prop_map(|p| p.concat())
}

/// A TOML string literal for any text.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

fn hostile_sheet() -> impl Strategy<Value = (String, Vec<u8>)> {
    (
        hostile_text(400),
        proptest::collection::vec(hostile_text(4), 0..6),
        hostile_text(6),
        proptest::collection::vec(hostile_text(3), 0..3),
    )
        .prop_map(|(article, names, evidence, omit)| {
            let mut sheet = format!(
                "[briefing]\ntitle = {}\narticle = \"a.txt\"\nomit = [{}]\n",
                quoted(&article.chars().take(40).collect::<String>()),
                omit.iter().map(|o| quoted(o)).collect::<Vec<_>>().join(", ")
            );
            for (n, name) in names.iter().enumerate() {
                let _ = write!(
                    sheet,
                    "\n[[actors]]\nid = \"a{n}\"\nname = {}\nkind = \"other\"\naliases = [{}]\n",
                    quoted(name),
                    quoted(&name.to_lowercase())
                );
            }
            let _ = write!(
                sheet,
                "\n[[events]]\nid = \"e\"\ndate = \"2024-07\"\ntitle = {}\nactors = [\"a0\"]\nevidence = {}\n",
                quoted(&evidence),
                quoted(&evidence)
            );
            (sheet, article.into_bytes())
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn hostile_briefings_never_panic_the_checker_or_the_reader(
        (sheet, article) in hostile_sheet(),
        (w, h) in size(),
        steps in proptest::collection::vec(step(), 1..40),
    ) {
        let input = briefing::briefing::Input::Memory { sheet, article };
        let checked = briefing::briefing::check(&input).expect("memory input always runs");
        for d in checked.diagnostics() {
            prop_assert!(!d.to_string().chars().any(briefing::inert::is_unsafe), "{d}");
        }
        let Ok(b) = checked.into_briefing() else {
            return Ok(());
        };
        let mut r = Reader::new(b, input, w, h);
        check(&r.app);
        for s in steps {
            match s {
                Step::Key(k) => r.key(key(k)),
                Step::Resize(w, h) => { r.act(Action::Resize(w, h)); }
                Step::Click(x, y) => { r.act(Action::Click(x, y, 0)); }
                Step::Scroll(x, y, d) => { r.act(Action::Scroll(x, y, d)); }
            }
            check(&r.app);
            let screen = r.screen();
            let bad: Vec<char> = screen.chars().filter(|&c| c != '\n' && briefing::inert::is_unsafe(c)).collect();
            prop_assert!(bad.is_empty(), "{bad:?} in\n{screen}");
        }
    }
}

/// A click on another actor (or event) left the Details' cursor past the end of the shorter
/// details shown then (found by the test above).
#[test]
fn a_click_on_another_row_keeps_the_details_cursor_in_range() {
    let mut r = Reader::bundled(200, 60);
    r.act(Action::Click(120, 38, 0));
    r.key(key("End"));
    r.key(key("1"));
    r.act(Action::Click(121, 3, 0));
    check(&r.app);
}
