//! The reader at scale (issue 16): the values it stores for speed — the lists' items, the
//! Details' lines — always equal what finding them afresh gives, whatever the keys, the sort,
//! the filters and reloads with actors added or removed; and the article's search on another
//! thread is cancelled when superseded and never makes Enter wait. Behaviour only: the timings
//! are in `benches/frame.rs` and docs/performance.md.

use std::borrow::Cow;
use std::fmt::Write as _;

use briefing::app::{Action, App, DaySpan};
use proptest::prelude::*;

use crate::harness::{Fixture, Reader};

/// A fact sheet of `actors` actors (ids `a0`, `a1`, …) and `events` events naming some of them,
/// over [`article`]. Names repeat letters in an order unlike their ids, so that the two sorts
/// differ from the sheet's order and from each other.
fn sheet(actors: usize, events: usize) -> String {
    let mut s = String::from("[briefing]\ntitle = \"Scale\"\narticle = \"article.txt\"\n\n");
    for n in 0..actors {
        let name = name(n);
        let kind = if n % 2 == 0 { "person" } else { "organization" };
        let _ = writeln!(
            s,
            "[[actors]]\nid = \"a{n}\"\nname = \"{name}\"\nkind = \"{kind}\""
        );
        // Some actors are part of another: the Details list the members.
        if n % 5 == 4 {
            let _ = writeln!(s, "affiliation = \"a{}\"", n % 3);
        }
        s.push('\n');
    }
    for k in 0..events {
        let a = k % actors.max(1);
        let _ = writeln!(
            s,
            "[[events]]\nid = \"e{k}\"\ndate = {}-0{}-1{}\ntitle = \"Talks {k} of {}\"\nactors = [\"a{a}\"]\n",
            2000 + k % 7,
            1 + k % 9,
            k % 10,
            name(a)
        );
    }
    s
}

/// Actor `n`'s name: a word of letters, `Zeb`, `Yac`, … (mentioned `n % 4` times).
fn name(n: usize) -> String {
    let (a, b, c) = (25 - n % 26, n / 26 % 26, (n * 7) % 26);
    let letter = |i: usize| char::from(b'a' + u8::try_from(i).unwrap_or(0));
    format!(
        "{}{}{}",
        letter(a).to_ascii_uppercase(),
        letter(b),
        letter(c)
    )
}

/// An article naming actor `n` `n % 4` times (the most actors there can be).
fn article() -> String {
    let mut s = String::new();
    for n in 0..40 {
        for _ in 0..n % 4 {
            let _ = write!(s, "{} spoke. ", name(n));
        }
        s.push('\n');
    }
    s
}

#[derive(Clone, Debug)]
enum Step {
    Keys(&'static str),
    /// Typed into a filter: a letter most names have, or one few have.
    Type(char),
    /// The fact sheet rewritten with this many actors and events, then `r`.
    Reload(usize, usize),
    Resize(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => proptest::sample::select(&[
            "s", "2", "3", "4", "1", "/", "Backspace", "Enter", "Esc", "j", "k", "G", "g",
            "Tab", "f", "Enter", "C-o",
        ][..]).prop_map(Step::Keys),
        3 => proptest::sample::select(&['a', 'e', 'z', 'y', 'q', '1'][..]).prop_map(Step::Type),
        1 => (1usize..40, 0usize..30).prop_map(|(a, e)| Step::Reload(a, e)),
        1 => (30u16..200, 8u16..60).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// What `update` stored is used, and equals what finding it afresh gives.
fn check_stored(app: &App) {
    let actors = app.shown_actors();
    assert!(
        matches!(actors, Cow::Borrowed(_)),
        "the Actors' items were not stored by update"
    );
    assert_eq!(
        *actors,
        app.visible_actors_afresh()[..],
        "stored actors are stale"
    );
    let events = app.shown_events();
    assert!(
        matches!(events, Cow::Borrowed(_)),
        "the events were not stored"
    );
    assert_eq!(
        *events,
        app.visible_events_afresh()[..],
        "stored events are stale"
    );
    let (stored, afresh) = (app.details(), app.details_afresh());
    assert!(
        matches!(stored.head, Cow::Borrowed(_)),
        "the Details' lines were not stored by update"
    );
    assert_eq!(stored.head, afresh.head, "stored Details lines are stale");
    assert_eq!(
        (&stored.events, stored.events_at),
        (&afresh.events, afresh.events_at),
        "stored Details events are stale"
    );
    assert_eq!(stored.len(), afresh.len());
    assert_eq!(stored.subject, afresh.subject);
    assert_eq!(
        app.day_span(),
        DaySpan::of(&app.briefing().sheet.events),
        "the Timeline's stored span of days is stale"
    );
    let matches = app.details_matches();
    assert!(
        matches.is_empty() || matches!(matches, Cow::Borrowed(_)),
        "the Details' matches were not stored by update"
    );
    assert_eq!(
        *matches,
        app.details_matches_afresh()[..],
        "the Details' stored matches are stale"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever happens — sort toggled, filters typed, kept and cleared, reloads that add or
    /// remove actors and events, resizes — the stored lists and Details equal fresh ones.
    #[test]
    fn stored_lists_and_details_equal_fresh_ones(steps in proptest::collection::vec(step(), 1..40)) {
        let f = Fixture::new(&sheet(12, 8), article().as_bytes());
        let mut r = Reader::of(&f, 120, 40);
        check_stored(&r.app);
        for step in steps {
            match step {
                Step::Keys(keys) => {
                    r.press(keys);
                }
                Step::Type(c) => {
                    r.type_text(&c.to_string());
                }
                Step::Reload(actors, events) => {
                    std::fs::write(f.sheet(), sheet(actors, events)).expect("write facts.toml");
                    r.act(Action::Reload);
                }
                Step::Resize(w, h) => {
                    r.act(Action::Resize(w, h));
                }
            }
            r.settle();
            check_stored(&r.app);
            // And what is drawn from them draws.
            let _ = r.screen();
        }
    }
}

/// A reload that removes the actors shown and the filter's matches: none is left shown.
#[test]
fn a_reload_that_removes_actors_lists_them_no_more() {
    let f = Fixture::new(&sheet(30, 5), article().as_bytes());
    let mut r = Reader::of(&f, 120, 40);
    r.press("2 G");
    assert_eq!(r.app.shown_actors().len(), 30);
    std::fs::write(f.sheet(), sheet(3, 5)).expect("write facts.toml");
    r.act(Action::Reload);
    assert_eq!(r.app.shown_actors().len(), 3);
    assert_eq!(r.app.shown_events().len(), 5);
    check_stored(&r.app);
    std::fs::write(f.sheet(), sheet(40, 0)).expect("write facts.toml");
    r.act(Action::Reload);
    assert_eq!(r.app.shown_actors().len(), 40);
    assert!(r.app.shown_events().is_empty());
    check_stored(&r.app);
}

/// An article of about `bytes` bytes, searched on another thread (over 1 MiB), in which
/// "needle" is found once per paragraph.
fn long_article(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 100);
    while s.len() < bytes {
        s.push_str("The haystack of words goes on and on, a needle here.\n\n");
    }
    s
}

/// Typing and erasing letters starts a search per burst: only the last query's matches are
/// ever taken, and Enter keeps it without waiting for it.
#[test]
fn a_superseded_search_never_delivers_and_enter_never_waits() {
    let article = long_article(6 * 1024 * 1024);
    let paragraphs = article.matches("needle").count();
    let f = Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 120, 40);
    r.press("/");
    // Keys sent as the terminal loop sends them, one `Settle` after each: a search starts on
    // another thread, and the next one cancels it.
    for _ in 0..5 {
        r.act(Action::Type('o')).act(Action::Settle);
        r.act(Action::DeleteChar).act(Action::Settle);
    }
    for c in "needle".chars() {
        r.act(Action::Type(c));
    }
    r.act(Action::Settle).act(Action::Submit);
    let s = r.app.search();
    assert!(!s.editing, "Enter kept the search");
    if s.running() {
        // Enter did not wait: the status says so, not "no match".
        assert!(r.status().contains("searching…"), "{}", r.status());
        assert!(!r.status().contains("no match"), "{}", r.status());
    }
    r.settle();
    let s = r.app.search();
    assert!(!s.running());
    assert_eq!(
        s.matches.len(),
        paragraphs,
        "the matches of \"needle\" only"
    );
    let text = r.app.briefing().article.text();
    assert!(s.matches.iter().all(|m| &text[m.range()] == "needle"));
    assert_eq!(
        s.current,
        Some(0),
        "the first match is shown, as Enter shows it"
    );
}

/// A reader on a 4 MiB article (searched on another thread), `/` pressed and `typed` typed,
/// nothing searched yet; and its fixture.
fn typing_a_long_search(typed: &str) -> (Reader, Fixture) {
    let article = long_article(4 * 1024 * 1024);
    let f = Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 120, 40);
    r.press("/");
    for c in typed.chars() {
        r.act(Action::Type(c));
    }
    (r, f)
}

/// While a long article's search runs, its status says "searching…", never "no match".
#[test]
fn a_running_search_says_searching() {
    let (mut r, _f) = typing_a_long_search("needle");
    // Typed, not yet searched.
    assert!(r.app.search().searching());
    assert!(r.status().contains("searching…"), "{}", r.status());
    r.act(Action::Settle);
    if r.app.search().running() {
        assert!(r.status().contains("searching…"), "{}", r.status());
    }
    r.settle();
    assert!(!r.app.search().searching());
    assert!(r.status().contains("matches"), "{}", r.status());
}

/// `n` and `N` typed after Enter, while a long article's matches are still found, are walked
/// once they are in, in order, rather than told there is no match.
#[test]
fn n_typed_while_the_matches_are_found_walks_them_once_they_are_in() {
    // A first letter searched for on its own (its matches in) before the rest is typed.
    let (mut r, _f) = typing_a_long_search("n");
    r.settle();
    assert!(r.app.search().matches.len() > 1000);
    for c in "eedle".chars() {
        r.act(Action::Type(c));
    }
    r.act(Action::Submit);
    assert!(
        r.app.search().running(),
        "Enter started the search, and kept it"
    );
    assert!(
        r.app.search().matches.is_empty(),
        "the matches of n are not those of needle"
    );
    r.act(Action::NextHit)
        .act(Action::NextHit)
        .act(Action::NextHit)
        .act(Action::PrevHit);
    assert!(!r.status().contains("No match"), "{}", r.status());
    r.settle();
    assert_eq!(r.app.search().current, Some(2), "{}", r.status());
    assert!(r.status().contains("match 3/"), "{}", r.status());
}

/// The crowded workload of the benches loads without an error, every event naming its first
/// actor.
#[test]
fn the_crowded_workload_checks_without_errors() {
    let w = briefing_workload::crowd(300, 120);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = w.write_to(dir.path()).expect("the workload written");
    let input = briefing::briefing::Input::Path(path);
    let checked = briefing::briefing::check(&input).expect("the crowded briefing is read");
    let messages: Vec<String> = checked
        .diagnostics()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(checked.errors(), 0, "{messages:#?}");
    let b = checked.into_briefing().expect("a briefing without errors");
    assert_eq!(b.sheet.actors.len(), 300);
    // The article names each actor once; the first is in every event.
    for a in 0..300 {
        assert_eq!(b.mentions.count(a), 1, "{}", b.sheet.actors[a].name);
    }
    assert_eq!(b.events_of(0).count(), 120);
    // Each event names one other actor besides: 120 events, 299 others.
    assert_eq!(b.events_of(7).count(), 1);
}

/// An actor in more events than the Details wrap lists them one line each, each line made when
/// drawn (100,000 wrapped titles took 57 ms on the key that selected the actor): the entries,
/// links and the Details' search are those of the wrapped list, in the same order.
#[test]
fn an_actor_in_many_events_lists_them_one_line_each() {
    let many = briefing::app::details::WRAPPED_EVENTS + 1;
    let f = Fixture::new(&sheet(2, 2 * many), article().as_bytes());
    let mut r = Reader::of(&f, 120, 40);
    let a0 = r.actor("a0");
    let pos = r
        .app
        .visible_actors()
        .iter()
        .position(|&a| a == a0)
        .expect("a0 listed");
    r.press("2 g");
    for _ in 0..pos {
        r.press("j");
    }
    let d = r.app.details();
    assert_eq!(
        d.subject,
        briefing::app::details::Subject::Actor(a0),
        "a0 selected"
    );
    assert_eq!(d.events.len(), many, "listed one line each");
    let first = d.events_at;
    let line = d.line(first).expect("the first event's line");
    assert!(line.text.ends_with("Talks 0 of Zaa"), "{line:?}");
    let Some(briefing::app::details::Link::Event(e)) = line.link else {
        panic!("the line leads to no event: {line:?}");
    };
    assert_eq!(r.app.briefing().sheet.events[e].id, "e0");
    let after = d.line(first + many).expect("the line after the events");
    assert!(!matches!(
        after.link,
        Some(briefing::app::details::Link::Event(_))
    ));
    assert!(d.starts(first + 1) && d.link(first + 1).is_some());
    drop(d);
    // On screen, cut to the pane; the search finds a listed title; Enter follows it.
    let screen = r.press("4 g").screen();
    assert!(screen.contains("→ 2000-01-10 Talks 0 of Zaa"), "{screen}");
    r.press("/").type_text("Talks 1998 ").press("Enter");
    let d = r.app.details();
    let Some(briefing::app::details::Link::Event(e)) = d.link(r.app.details_state().cursor) else {
        panic!("the search's match is no event");
    };
    drop(d);
    assert_eq!(r.app.briefing().sheet.events[e].id, "e1998");
    r.press("Esc Enter");
    assert_eq!(
        r.app.details_subject(),
        briefing::app::details::Subject::Event(e)
    );
    check_stored(&r.app);
}

/// A long article's search ends while its rows are still being counted: the work pending
/// changes then, which is what the terminal loop draws again for (it drew only when no work was
/// left, three seconds later for 256 MiB). This pins the state; the loop's choice is
/// `terminal::settled_shows`, tested beside it.
#[test]
fn a_search_ends_apart_from_the_rows_still_counted() {
    let article = long_article(8 * 1024 * 1024);
    let f = Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 120, 40);
    // Actions, not keys: the harness's keys wait until every pending work is done.
    assert!(
        r.app.pending().rows,
        "a long article's rows are counted on `Settle`"
    );
    r.act(Action::Search);
    for c in "needle".chars() {
        r.act(Action::Type(c));
    }
    r.act(Action::Settle).act(Action::Submit);
    assert!(
        r.app.search().running(),
        "8 MiB is searched on another thread"
    );
    // Each `Settle` counts half a MiB of rows: the search's end comes before the count's.
    let mut pending = r.app.pending();
    for _ in 0..12 {
        if !pending.search {
            break;
        }
        // Long enough for an unoptimised build on a loaded machine; the loop ends as soon
        // as the search is in.
        std::thread::sleep(std::time::Duration::from_secs(1));
        r.act(Action::Settle);
        pending = r.app.pending();
    }
    assert!(!pending.search, "the search ended");
    assert!(pending.rows, "the rows are still being counted");
    assert!(r.app.needs_settle());
    assert_eq!(r.app.search().current, Some(0));
    assert!(r.status().contains("match 1/"), "{}", r.status());
}
