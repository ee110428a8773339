//! Navigation without a terminal: key sequences go through the key table into the app, and
//! the state is asserted. Every link in both directions, the history, search, filtering and
//! the wrap-around of n/N.

use briefing::app::details::Subject;
use briefing::app::window::Kind;
use briefing::app::{Action, Effect, Pane, Target, Window};

use std::fmt::Write as _;

use crate::harness::{ARTICLE, Fixture, Reader, SHEET};

/// Keys that move the Actors list from the top to `id` (sorted by mentions, then name).
fn to_actor(r: &Reader, id: &str) -> String {
    let target = r.actor(id);
    let pos = r
        .app
        .visible_actors()
        .iter()
        .position(|&a| a == target)
        .unwrap();
    let mut keys = String::from("2 g");
    for _ in 0..pos {
        keys.push_str(" j");
    }
    keys
}

fn cursor_text(r: &Reader) -> String {
    let m = r.app.article_state().cursor.expect("a cursor");
    let b = r.app.briefing();
    b.article.text()[b.mentions.all()[m].span.range()].to_owned()
}

#[test]
fn starts_on_the_article_with_nothing_selected() {
    let r = Reader::bundled(80, 24);
    assert_eq!(r.app.focus(), Pane::Article);
    assert_eq!(r.app.followed().target(), Target::None);
    assert_eq!(r.app.article_state().top, 0);
    assert_eq!(r.app.article_state().cursor, None);
}

#[test]
fn tab_and_digits_focus_panes() {
    let mut r = Reader::bundled(80, 24);
    let mut seen = vec![];
    for _ in 0..4 {
        r.press("Tab");
        seen.push(r.app.focus());
    }
    assert_eq!(
        seen,
        [Pane::Actors, Pane::Timeline, Pane::Details, Pane::Article]
    );
    r.press("S-Tab");
    assert_eq!(r.app.focus(), Pane::Details);
    for (key, pane) in [
        ("1", Pane::Article),
        ("2", Pane::Actors),
        ("3", Pane::Timeline),
        ("4", Pane::Details),
    ] {
        r.press(key);
        assert_eq!(r.app.focus(), pane);
    }
}

#[test]
fn an_actor_leads_to_its_mentions_and_n_wraps_around() {
    let mut r = Reader::bundled(80, 24);
    let jones = r.actor("douglas-jones");
    let keys = to_actor(&r, "douglas-jones");
    r.press(&keys);
    assert_eq!(r.app.actors_list().selected, Some(jones));
    r.press("Enter");
    assert_eq!(r.app.followed().target(), Target::Actor(jones));
    // The focus stays in Actors, for the next actor to be tried (it went to the Article until
    // issue 13), and the status says where the article's cursor went.
    assert_eq!(r.app.focus(), Pane::Actors);
    assert!(r.status().contains(" · mention 1/2"), "{}", r.status());
    r.press("1");
    assert_eq!(cursor_text(&r), "Douglas Jones");
    assert!(
        r.status().contains("mention 1/2 · Douglas Jones"),
        "{}",
        r.status()
    );
    r.press("n");
    assert_eq!(cursor_text(&r), "Jones");
    assert!(r.status().contains("mention 2/2 · Douglas Jones"));
    r.press("n");
    assert!(
        r.status().contains("mention 1/2"),
        "n wraps to the first: {}",
        r.status()
    );
    r.press("N");
    assert!(
        r.status().contains("mention 2/2"),
        "N wraps to the last: {}",
        r.status()
    );
}

#[test]
fn following_an_actor_starts_from_the_reading_position() {
    let mut r = Reader::bundled(80, 24);
    // Scroll past the first mention of NATO, then follow NATO: the cursor lands on the first
    // mention at or below the top of the screen, not on the first in the text.
    r.press("1 j j j j j j j j j j j j");
    let top = r.app.article_state().top_offset();
    let keys = to_actor(&r, "nato");
    r.press(&keys).press("Enter");
    let m = r.app.article_state().cursor.unwrap();
    assert!(r.app.briefing().mentions.all()[m].span.start as usize >= top);
    assert!(!r.status().contains("mention 1/10"), "{}", r.status());
}

#[test]
fn a_mention_leads_back_to_its_actor() {
    let mut r = Reader::bundled(80, 24);
    r.press("1 ]");
    assert_eq!(cursor_text(&r), "NATO");
    r.press("] ]");
    assert_eq!(cursor_text(&r), "the alliance");
    r.press("Enter");
    let nato = r.actor("nato");
    assert_eq!(r.app.followed().target(), Target::Actor(nato));
    assert_eq!(r.app.actors_list().selected, Some(nato));
    assert_eq!(r.app.details_subject(), Subject::Actor(nato));
    r.press("[");
    assert_eq!(cursor_text(&r), "Ukraine");
}

#[test]
fn brackets_wrap_around_the_text() {
    let mut r = Reader::bundled(80, 24);
    r.press("1 [");
    let last = r.app.briefing().mentions.all().len() - 1;
    assert_eq!(r.app.article_state().cursor, Some(last));
    r.press("]");
    assert_eq!(r.app.article_state().cursor, Some(0));
}

#[test]
fn an_event_leads_to_its_evidence_and_its_actors() {
    let mut r = Reader::bundled(80, 24);
    r.press("3 g j Enter");
    let b = r.app.briefing();
    let e = b
        .sheet
        .events
        .iter()
        .position(|e| e.id == "voa-interview")
        .unwrap();
    assert_eq!(r.app.followed().target(), Target::Event(e));
    // The focus stays in the Timeline (it went to the Article until issue 13).
    assert_eq!(r.app.focus(), Pane::Timeline);
    let q = b.event_evidence[e].unwrap();
    assert_eq!(r.app.followed().quote(), Some(q.span));
    assert!(r.app.article_state().shows(q.span.start as usize));
    let highlighted = r.app.highlighted_actors();
    for id in [
        "douglas-jones",
        "voice-of-america",
        "nato",
        "ukraine",
        "russia",
    ] {
        assert!(highlighted.contains(&r.actor(id)), "{id}");
    }
    // The cursor is on the first mention inside the evidence.
    assert_eq!(cursor_text(&r), "Voice of America");
}

#[test]
fn details_links_lead_to_actors_events_and_mentions_and_back() {
    let mut r = Reader::bundled(80, 24);
    let keys = to_actor(&r, "douglas-jones");
    r.press(&keys).press("4");
    assert_eq!(
        r.app.details_subject(),
        Subject::Actor(r.actor("douglas-jones"))
    );
    // Walk down from the top to the affiliation link and follow it.
    let d = r.app.details();
    let part_of = d.head.iter().position(|l| l.label == "Part of").unwrap();
    drop(d);
    r.press("g");
    for _ in 0..part_of {
        r.press("j");
    }
    r.press("Enter");
    assert_eq!(
        r.app.details_subject(),
        Subject::Actor(r.actor("state-department"))
    );
    r.press("Backspace");
    assert_eq!(
        r.app.details_subject(),
        Subject::Actor(r.actor("douglas-jones"))
    );
    // An event link.
    let d = r.app.details();
    let event_line = d
        .head
        .iter()
        .position(|l| matches!(l.link, Some(briefing::app::details::Link::Event(_))))
        .unwrap();
    drop(d);
    r.press("4 g");
    for _ in 0..event_line {
        r.press("j");
    }
    r.press("Enter");
    assert!(matches!(r.app.details_subject(), Subject::Event(_)));
    r.press("Backspace");
    // The last line is the second mention: following it moves the article's cursor there.
    r.press("4 G Enter");
    assert_eq!(r.app.focus(), Pane::Article);
    assert_eq!(cursor_text(&r), "Jones");
    assert_eq!(
        r.app.followed().target(),
        Target::Actor(r.actor("douglas-jones"))
    );
}

#[test]
fn the_details_cursor_starts_on_the_first_link_and_brackets_move_link_to_link() {
    use briefing::app::details::Link;
    let mut r = Reader::bundled(80, 24);
    let keys = to_actor(&r, "douglas-jones");
    r.press(&keys).press("4");
    let d = r.app.details();
    let links: Vec<usize> = (0..d.len())
        .filter(|&i| d.starts(i) && d.link(i).is_some())
        .collect();
    let first_event = (0..d.len())
        .find(|&i| matches!(d.link(i), Some(Link::Event(_))))
        .unwrap();
    drop(d);
    assert!(links.len() > 2, "{links:?}");
    // Not on the title: on the first line marked →.
    assert_eq!(r.app.details_state().cursor, links[0]);
    r.press("]");
    assert_eq!(r.app.details_state().cursor, links[1]);
    r.press("] [ [");
    assert_eq!(r.app.details_state().cursor, links[0]);
    // Link to link across the headings, then follow the event reached.
    while r.app.details_state().cursor < first_event {
        r.press("]");
    }
    assert_eq!(r.app.details_state().cursor, first_event);
    r.press("Enter");
    assert!(matches!(r.app.details_subject(), Subject::Event(_)));
    // The event's details start on their first link too: the evidence.
    let d = r.app.details();
    let first = d.first_link().unwrap();
    assert!(matches!(d.link(first), Some(Link::Quote(_))));
    drop(d);
    assert_eq!(r.app.details_state().cursor, first);
    // The facts: their first line is the title, the cursor is on the first fact with evidence.
    r.press("f");
    let d = r.app.details();
    assert!(d.link(0).is_none());
    let first = d.first_link().unwrap();
    drop(d);
    assert_eq!(r.app.details_state().cursor, first);
}

#[test]
fn facts_link_to_their_evidence() {
    let mut r = Reader::bundled(80, 24);
    r.press("f");
    assert_eq!(r.app.focus(), Pane::Details);
    assert_eq!(r.app.details_subject(), Subject::Facts);
    // The cursor starts on the first fact (the first link), not on the title.
    r.press("Enter");
    let quote = r
        .app
        .followed()
        .quote()
        .expect("the fact's evidence is highlighted");
    let text = &r.app.briefing().article.text()[quote.range()];
    assert_eq!(text, "Foreign ministers from 35 non-NATO partner countries");
    assert_eq!(r.app.focus(), Pane::Article);
}

#[test]
fn history_goes_back_and_forward_across_panes() {
    let mut r = Reader::bundled(80, 24);
    let keys = to_actor(&r, "wsj");
    r.press(&keys).press("Enter");
    let after_first = (
        r.app.focus(),
        r.app.article_state().cursor,
        r.app.followed().target(),
    );
    r.press("n");
    let after_second = r.app.article_state().cursor;
    r.press("C-o");
    assert_eq!(r.app.article_state().cursor, after_first.1);
    r.press("Backspace");
    assert_eq!(r.app.focus(), Pane::Actors);
    assert_eq!(r.app.followed().target(), Target::None);
    r.press("C-n");
    assert_eq!(
        (
            r.app.focus(),
            r.app.article_state().cursor,
            r.app.followed().target()
        ),
        after_first
    );
    r.press("C-n");
    assert_eq!(r.app.article_state().cursor, after_second);
    r.press("C-n");
    assert!(r.status().contains("Nothing to go forward to"));
}

#[test]
fn search_is_incremental_kept_with_enter_and_walked_with_n() {
    let mut r = Reader::bundled(80, 24);
    r.press("/");
    assert!(r.app.editing());
    r.type_text("summ");
    assert_eq!(r.app.search().matches.len(), 4);
    r.type_text("it");
    assert_eq!(r.app.search().matches.len(), 4);
    r.press("Enter");
    assert!(r.app.search().active());
    assert!(
        r.status().contains("match 1/4 · \"summit\""),
        "{}",
        r.status()
    );
    r.press("n n n");
    assert!(r.status().contains("match 4/4"));
    r.press("n");
    assert!(r.status().contains("match 1/4"), "n wraps");
    r.press("N");
    assert!(r.status().contains("match 4/4"), "N wraps");
    r.press("Esc");
    assert!(!r.app.search().active());
}

#[test]
fn following_an_actor_or_an_event_ends_a_kept_search() {
    let mut r = Reader::bundled(120, 40);
    r.type_text("/summit").press("Enter");
    assert!(r.app.search().active());
    let keys = to_actor(&r, "ukraine");
    r.press(&keys).press("Enter");
    assert!(!r.app.search().active(), "the search still steers n");
    // (Following keeps the focus in Actors: the article's search is typed in the Article.)
    r.press("1 n");
    assert!(r.status().contains("mention 2/"), "{}", r.status());
    assert!(r.status().contains("Ukraine"), "{}", r.status());
    r.type_text("/summit").press("Enter");
    assert!(r.app.search().active());
    r.press("3 g Enter");
    assert!(!r.app.search().active());
}

#[test]
fn search_ignores_case_folds_quotes_and_cancels_back() {
    let mut r = Reader::bundled(80, 24);
    r.press("/").type_text("biden's").press("Enter");
    assert_eq!(r.app.search().matches.len(), 1);
    r.press("Esc");
    let top = r.app.article_state().top;
    r.press("/").type_text("natO");
    assert_eq!(
        r.app.search().matches.len(),
        0,
        "an uppercase letter makes the search exact"
    );
    r.press("Backspace Backspace Backspace Backspace")
        .type_text("nato");
    assert_eq!(
        r.app.search().matches.len(),
        10,
        "{:?}",
        r.app.search().query
    );
    r.press("Esc");
    assert_eq!(r.app.search().query, "");
    assert_eq!(
        r.app.article_state().top,
        top,
        "Esc returns to where the search began"
    );
    // q is a letter while typing.
    r.press("/").type_text("q");
    assert_eq!(r.app.search().query, "q");
    assert!(r.effects.iter().all(|e| *e != Effect::Quit));
}

/// A space typed before or after the query is searched for, as in less: `/the ` finds "the"
/// before a space (or a line break), not "then" or "there".
#[test]
fn spaces_around_a_query_are_searched_for() {
    let f = Fixture::new(
        SHEET,
        b"Then the others met there, the
end.
",
    );
    let mut r = Reader::of(&f, 80, 24);
    let found = |r: &mut Reader, query: &str| {
        r.press("/").type_text(query).press("Enter");
        let text = r.app.briefing().article.text().to_owned();
        let got: Vec<String> = (r.app.search().matches.iter())
            .map(|m| text[m.range()].to_owned())
            .collect();
        r.press("Esc Esc");
        got
    };
    assert_eq!(
        found(&mut r, "the").len(),
        5,
        "Then, the, others, there, the"
    );
    assert_eq!(found(&mut r, "the "), ["the ", "the\n"]);
    assert_eq!(
        found(&mut r, " the"),
        [" the", " the", " the"],
        "the, there, the"
    );
    assert_eq!(found(&mut r, " the "), [" the ", " the\n"]);
    assert!(
        found(&mut r, "  ").is_empty(),
        "spaces alone search nothing"
    );
}

#[test]
fn lists_filter_as_you_type() {
    let mut r = Reader::bundled(80, 24);
    r.press("2 /").type_text("japan");
    let names: Vec<String> = r
        .app
        .visible_actors()
        .iter()
        .map(|&n| r.actor_name(n))
        .collect();
    assert_eq!(names, ["Japan", "Indo-Pacific"]);
    r.press("Enter");
    assert!(!r.app.editing());
    assert_eq!(r.app.actors_list().selected, Some(r.actor("japan")));
    r.press("Esc");
    assert_eq!(r.app.visible_actors().len(), 29);
    r.press("3 /").type_text("2024-07");
    assert_eq!(r.app.visible_events().len(), 4);
    r.press("Esc");
    assert_eq!(r.app.visible_events().len(), 6);
    assert!(!r.app.editing());
}

#[test]
fn actors_sort_by_mentions_or_name_keeping_the_selection() {
    let mut r = Reader::bundled(80, 24);
    let keys = to_actor(&r, "china");
    r.press(&keys);
    r.press("s");
    let first = r.app.visible_actors()[0];
    assert_eq!(r.actor_name(first), "Armed Forces of Ukraine");
    assert_eq!(r.app.actors_list().selected, Some(r.actor("china")));
}

#[test]
fn omitted_text_is_hidden_until_asked_for() {
    let mut r = Reader::bundled(80, 24);
    let hidden = r.app.article_state().layout.total().rows;
    assert!(!r.screen().contains("Advertisement"));
    r.press("o G");
    assert!(r.app.article_state().layout.total().rows > hidden);
    assert!(r.screen().contains("press Ctrl"));
    r.press("o");
    assert_eq!(r.app.article_state().layout.total().rows, hidden);
}

#[test]
fn a_resize_keeps_the_reading_position() {
    let mut r = Reader::bundled(80, 24);
    r.press("1 j j j j j j j j j j j j j j j j");
    let before = r.app.article_state().top_offset();
    r.act(Action::Resize(100, 24));
    let after = r.app.article_state().top_offset();
    // The row now on top contains the text that was on top.
    let rows = r.app.article_state().layout.rows();
    let row = rows[r.app.article_state().top];
    assert!(
        row.span.start as usize <= before && before <= row.span.end as usize,
        "{before} not in {row:?}"
    );
    r.act(Action::Resize(72, 20));
    let again = r.app.article_state().top_offset();
    assert!(again <= before && after <= before);
    let rows = r.app.article_state().layout.rows();
    let row = rows[r.app.article_state().top];
    assert!(row.span.start as usize <= before && before <= row.span.end as usize);
}

/// The committed briefing with two warnings (the bundled one has none, and `w` opens no
/// window without warnings since issue 13).
fn warned(width: u16, height: u16) -> Reader {
    let path = std::path::Path::new("tests/it/fixtures/warnings");
    let input = briefing::briefing::Input::from_arg(Some(path)).unwrap();
    let b = briefing::briefing::open(&input).unwrap();
    Reader::new(b, input, width, height)
}

#[test]
fn windows_open_and_close() {
    let mut r = warned(80, 24);
    r.press("?");
    assert!(matches!(r.app.window().map(Window::kind), Some(Kind::Help)));
    r.press("j");
    r.press("Esc");
    assert!(r.app.window().is_none());
    r.press("w");
    assert!(matches!(
        r.app.window().map(Window::kind),
        Some(Kind::Warnings)
    ));
    // q closes the window (it quit the reader until issue 13); the next q quits.
    r.press("q");
    assert!(r.app.window().is_none());
    assert_ne!(r.effects.last(), Some(&Effect::Quit));
    r.press("q");
    assert_eq!(r.effects.last(), Some(&Effect::Quit));
}

#[test]
fn q_closes_a_window_and_quits_only_from_the_panes() {
    let quit = |r: &Reader| r.effects.contains(&Effect::Quit);
    // The help, even with a kept search in it, and the warnings.
    let mut r = warned(80, 24);
    r.press("? q");
    assert!(r.app.window().is_none(), "q closes the help");
    r.press("? /").type_text("quit").press("Enter q");
    assert!(r.app.window().is_none(), "q closes the help after a search");
    r.press("w q");
    assert!(r.app.window().is_none(), "q closes the warnings");
    assert!(!quit(&r), "q in a window never quits: {:?}", r.effects);
    // While a window's search is typed, q is a letter.
    r.press("? /").type_text("q");
    assert_eq!(r.app.window_search().map(|s| s.query.as_str()), Some("q"));
    r.press("Enter q");
    assert!(r.app.window().is_none());
    // The export dialog's file name is a text field: q is typed there, not taken as a key.
    r.press("e q");
    let dialog = r.app.export_dialog().expect("the dialog stays open");
    assert_eq!(dialog.file, "briefing.jsonq");
    r.press("Esc");
    assert!(!quit(&r), "{:?}", r.effects);
    // From the panes, q quits.
    r.press("q");
    assert_eq!(r.effects.last(), Some(&Effect::Quit));

    // The errors of a failed reload.
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    std::fs::write(f.sheet(), SHEET.replace("organization", "club")).unwrap();
    r.press("r");
    assert!(matches!(
        r.app.window().map(Window::kind),
        Some(Kind::ReloadErrors(..))
    ));
    r.press("q");
    assert!(r.app.window().is_none(), "q closes the reload errors");
    assert!(!quit(&r), "{:?}", r.effects);
}

#[test]
fn q_quits_and_ctrl_c_quits_even_while_typing() {
    let mut r = Reader::bundled(80, 24);
    r.press("q");
    assert_eq!(r.effects.last(), Some(&Effect::Quit));
    let mut r = Reader::bundled(80, 24);
    r.press("/ C-c");
    assert_eq!(r.effects.last(), Some(&Effect::Quit));
}

#[test]
fn a_click_selects_and_a_double_click_follows() {
    let mut r = Reader::bundled(80, 24);
    // In medium mode the Actors pane is on the right; its first row is NATO.
    let g = r.app.geometry();
    let inner = briefing::app::Geometry::new(80, 24, Pane::Actors, Pane::Actors);
    let actors = inner.inner(Pane::Actors).unwrap();
    assert_eq!(g.rect(Pane::Actors).map(|r| r.x), Some(actors.x - 1));
    // One click selects (it followed until issue 13, item 23); a second on the same row soon
    // after follows.
    r.act(Action::Click(actors.x + 2, actors.y, 1000));
    assert_eq!(r.app.actors_list().selected, Some(r.actor("nato")));
    assert_eq!(r.app.followed().target(), Target::None);
    r.act(Action::Click(actors.x + 2, actors.y, 1300));
    assert_eq!(r.app.followed().target(), Target::Actor(r.actor("nato")));
    // The clicked pane keeps the focus, as Enter there does (the Article took it until issue
    // 13).
    assert_eq!(r.app.focus(), Pane::Actors);
    // A click on a mention in the article selects its actor.
    let article = g.inner(Pane::Article).unwrap();
    r.act(Action::Click(article.x + 5, article.y, 2000));
    assert_eq!(cursor_text(&r), "NATO");
    r.act(Action::Scroll(article.x + 5, article.y, 1));
    assert_eq!(r.app.article_state().top, 3);
}

#[test]
fn a_slow_second_click_or_one_on_another_row_only_selects() {
    let mut r = Reader::bundled(80, 24);
    r.press("3");
    let timeline = r.app.geometry().inner(Pane::Timeline).unwrap();
    // The first row is the time axis; the events follow, a row each at this width or more.
    let first = r.app.visible_events()[0];
    r.act(Action::Click(timeline.x + 2, timeline.y + 1, 0));
    assert_eq!(r.app.events_list().selected, Some(first));
    r.act(Action::Click(timeline.x + 2, timeline.y + 1, 401));
    assert_eq!(
        r.app.followed().target(),
        Target::None,
        "too slow for a double click"
    );
    let second = r.app.visible_events()[1];
    let below = (timeline.y + 2..timeline.bottom())
        .find(|&y| {
            let mut probe = Reader::bundled(80, 24);
            probe.press("3");
            probe.act(Action::Click(timeline.x + 2, y, 0));
            probe.app.events_list().selected == Some(second)
        })
        .expect("the second event on screen");
    r.act(Action::Click(timeline.x + 2, below, 500));
    assert_eq!(r.app.events_list().selected, Some(second));
    assert_eq!(r.app.followed().target(), Target::None, "another row");
    r.act(Action::Click(timeline.x + 2, below, 800));
    assert_eq!(r.app.followed().target(), Target::Event(second));
    // Enter follows the selection as well.
    let mut r = Reader::bundled(80, 24);
    r.press("3");
    r.act(Action::Click(timeline.x + 2, timeline.y + 1, 0));
    r.press("Enter");
    assert_eq!(r.app.followed().target(), Target::Event(first));
}

/// The column and row of `label` in the top border of the pane at `rect`.
fn tab_position(r: &Reader, rect: ratatui::layout::Rect, label: &str) -> (u16, u16) {
    let screen = r.screen();
    let line: Vec<char> = screen
        .lines()
        .nth(usize::from(rect.y))
        .unwrap()
        .chars()
        .collect();
    let text: String = line[usize::from(rect.x)..usize::from(rect.right())]
        .iter()
        .collect();
    let at = text
        .find(label)
        .unwrap_or_else(|| panic!("{label} in {text}"));
    let column = text[..at].chars().count();
    (rect.x + u16::try_from(column).unwrap() + 1, rect.y)
}

#[test]
fn a_click_on_a_tab_label_shows_its_pane() {
    // Medium: the side pane's border names Actors, Timeline and Details.
    let mut r = Reader::bundled(80, 24);
    let side = r.app.geometry().rect(Pane::Actors).unwrap();
    let (x, y) = tab_position(&r, side, "Timeline");
    r.act(Action::Click(x, y, 0));
    assert_eq!(r.app.focus(), Pane::Timeline);
    let side = r.app.geometry().rect(Pane::Timeline).unwrap();
    let (x, y) = tab_position(&r, side, "Details");
    r.act(Action::Click(x, y, 100));
    assert_eq!(r.app.focus(), Pane::Details);
    let side = r.app.geometry().rect(Pane::Details).unwrap();
    let (x, y) = tab_position(&r, side, "Actors");
    r.act(Action::Click(x, y, 200));
    assert_eq!(r.app.focus(), Pane::Actors);
    // The separator between two labels is no tab.
    let (x, y) = tab_position(&r, side, "│ Timeline");
    r.act(Action::Click(x, y, 300));
    assert_eq!(r.app.focus(), Pane::Actors);
    // Narrow: one pane at a time, its border naming all four.
    let mut r = Reader::bundled(50, 24);
    let article = r.app.geometry().rect(Pane::Article).unwrap();
    let (x, y) = tab_position(&r, article, "Timeline");
    r.act(Action::Click(x, y, 0));
    assert_eq!(r.app.focus(), Pane::Timeline);
    let timeline = r.app.geometry().rect(Pane::Timeline).unwrap();
    let (x, y) = tab_position(&r, timeline, "Article");
    r.act(Action::Click(x + 3, y, 100));
    assert_eq!(r.app.focus(), Pane::Article);
    // Too narrow for every name: the other tabs are shortened ("Article │ Act │ Tim │ Det"),
    // no longer cut by the border's corner; the corner is no tab.
    let mut r = Reader::bundled(28, 24);
    let article = r.app.geometry().rect(Pane::Article).unwrap();
    r.act(Action::Click(article.right() - 1, article.y, 0));
    assert_eq!(r.app.focus(), Pane::Article);
    r.act(Action::Click(article.right() - 3, article.y, 100));
    assert_eq!(r.app.focus(), Pane::Details);
    let details = r.app.geometry().rect(Pane::Details).unwrap();
    let (x, y) = tab_position(&r, details, "Tim");
    r.act(Action::Click(x, y, 200));
    assert_eq!(r.app.focus(), Pane::Timeline);
}

/// The text the last copy put on the clipboard, and what the status bar said of it.
fn copied(r: &Reader) -> (String, String) {
    let Some(Effect::Copy(text)) = r.effects.last() else {
        panic!("no copy: {:?}", r.effects.last());
    };
    let said = r.app.message().map(|m| m.text.clone()).unwrap_or_default();
    (text.clone(), said)
}

#[test]
fn copy_says_what_it_sent_and_takes_the_evidence_followed_or_the_match() {
    // The mention's sentence, said as sent with OSC 52, which the terminal may not take.
    let mut r = Reader::bundled(120, 30);
    r.press("1 ] y");
    let (text, said) = copied(&r);
    let count = text.chars().count();
    assert!(
        said.contains(&format!(
            "Copied the mention's sentence: {count} characters with citation (OSC 52: your terminal decides)"
        )),
        "{said}"
    );
    // An event followed: its evidence quote.
    r.press("3 Enter");
    let Target::Event(e) = r.app.followed().target() else {
        panic!("no event followed: {:?}", r.app.followed());
    };
    let quote = r.app.followed().quote().expect("the event's evidence");
    let evidence = r.app.briefing().article.text()[quote.range()].to_owned();
    r.press("y");
    let (text, said) = copied(&r);
    assert!(
        text.starts_with(&format!("“{evidence}” (")),
        "event {e}: {text}"
    );
    assert!(said.contains("Copied the evidence quote: "), "{said}");
    // The mention cursor moved since: the status bar names the mention, and y copies it.
    r.press("1 ] y");
    let (_, said) = copied(&r);
    assert!(r.status().contains("mention "), "{}", r.status());
    assert!(said.contains("Copied the mention's sentence"), "{said}");
    // A kept search: the sentence of its current match.
    r.press("1 /");
    r.type_text("summit");
    r.press("Enter y");
    let (text, said) = copied(&r);
    assert!(text.contains("summit"), "{text}");
    assert!(said.contains("Copied the match's sentence: "), "{said}");
}

#[test]
fn copy_puts_the_sentence_and_its_citation_on_the_clipboard() {
    let mut r = Reader::bundled(80, 24);
    r.press("y");
    assert!(r.status().contains("Nothing to copy"));
    r.press("1 ]");
    r.press("y");
    let Some(Effect::Copy(text)) = r.effects.last() else {
        panic!("no copy: {:?}", r.effects.last());
    };
    assert!(
        text.starts_with("“Next week, NATO will present Ukraine"),
        "{text}"
    );
    assert!(text.ends_with("announced.” (NATO to offer Ukraine “concrete ways” toward membership at the Washington summit, Scraped news page (the publisher is not named in the text), 2024-07-03, line 1)"), "{text}");
}

#[test]
fn the_export_file_name_edits_like_a_shell_line() {
    let mut r = Reader::bundled(80, 24);
    r.press("e");
    assert_eq!(r.app.export_dialog().unwrap().file, "briefing.json");
    // Back before ".json", a suffix typed there; Ctrl-w and Ctrl-u delete back.
    r.press("Left Left Left Left Left");
    r.type_text("-v2");
    assert_eq!(r.app.export_dialog().unwrap().file, "briefing-v2.json");
    r.press("C-a");
    r.type_text("out/");
    assert_eq!(r.app.export_dialog().unwrap().file, "out/briefing-v2.json");
    r.press("C-e C-w");
    assert_eq!(r.app.export_dialog().unwrap().file, "");
    r.type_text("notes.md");
    let d = r.app.export_dialog().unwrap();
    assert_eq!(
        (d.file.as_str(), d.format),
        ("notes.md", briefing::export::Format::Markdown)
    );
    r.press("Left Left Left C-u");
    assert_eq!(r.app.export_dialog().unwrap().file, ".md");
    r.type_text("new");
    // Tab still cycles the format; Esc closes, and the dialog opens again as it was left.
    r.press("Tab Esc e");
    let d = r.app.export_dialog().unwrap();
    assert_eq!(
        (d.file.as_str(), d.format),
        ("new.csv", briefing::export::Format::Csv)
    );
}

#[test]
fn the_export_dialog_writes_atomically_and_reports_the_size() {
    let mut r = Reader::bundled(80, 24);
    r.press("e Tab");
    assert_eq!(r.app.export_dialog().unwrap().file, "briefing.md");
    r.press("Enter");
    assert!(r.app.export_dialog().is_none());
    let written = std::fs::read_to_string(r.exports.path().join("briefing.md")).unwrap();
    assert!(written.starts_with("# NATO to offer Ukraine"));
    assert!(r.status().contains("Exported"), "{}", r.status());
    // The dialog opens again as it was last closed (for the run), and the same name asks
    // before replacing.
    r.press("e");
    assert_eq!(r.app.export_dialog().unwrap().file, "briefing.md");
    r.press("Enter");
    assert!(
        r.app
            .export_dialog()
            .unwrap()
            .problem
            .as_deref()
            .unwrap()
            .contains("exists")
    );
    r.press("Enter");
    assert!(r.app.export_dialog().is_none());
    // CSV tables, chosen with the arrows (the dialog opens on Markdown, as it was left).
    r.press("e Tab Down Enter");
    assert!(r.exports.path().join("briefing-mentions.csv").exists());
}

#[test]
fn the_export_dialog_refuses_to_overwrite_the_fact_sheet() {
    let f = crate::harness::Fixture::new(crate::harness::SHEET, crate::harness::ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("e");
    for _ in 0.."briefing.json".len() {
        r.press("Backspace");
    }
    r.type_text(f.sheet().to_str().unwrap());
    // A name ending in `.toml` chooses the TOML format.
    assert_eq!(
        r.app.export_dialog().unwrap().format,
        briefing::export::Format::Toml
    );
    // Refused at the first Enter: there is nothing to confirm.
    r.press("Enter");
    let problem = r.app.export_dialog().unwrap().problem.clone().unwrap();
    assert!(
        problem.contains("refusing to write over the fact sheet"),
        "{problem}"
    );
    assert_eq!(
        std::fs::read_to_string(f.sheet()).unwrap(),
        crate::harness::SHEET
    );
}

#[test]
fn keys_that_arrive_together_are_searched_once() {
    let mut r = Reader::bundled(80, 24);
    r.press("/");
    // As from a paste: the keys arrive in one burst, before the loop settles.
    for c in "summit".chars() {
        r.app.update(Action::Type(c));
    }
    assert!(r.app.needs_settle());
    assert!(r.app.search().matches.is_empty(), "not searched yet");
    r.app.update(Action::Settle);
    assert!(!r.app.needs_settle());
    assert_eq!(r.app.search().matches.len(), 4);
}

#[test]
fn a_long_article_is_searched_without_holding_up_keys() {
    let article = "NATO met in Washington. ".repeat(100_000); // 2.4 MB
    let f = crate::harness::Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 120, 40);
    r.press("/");
    r.app.update(Action::Type('w'));
    r.app.update(Action::Settle);
    // The search runs on another thread: the key is done, the matches come later.
    assert!(
        r.app.needs_settle(),
        "a 2.4 MB search runs in the background"
    );
    assert!(r.app.search().matches.is_empty());
    // Keys keep working meanwhile, and a newer query replaces the running one.
    r.app.update(Action::Type('a'));
    r.app.update(Action::Settle);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while r.app.needs_settle() {
        assert!(
            std::time::Instant::now() < deadline,
            "the search never delivered"
        );
        r.app.update(Action::Settle);
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert_eq!(r.app.search().query, "wa");
    assert_eq!(r.app.search().matches.len(), 100_000);
    assert_eq!(r.app.search().current, Some(0));
    r.press("Enter n");
    assert!(r.status().contains("match 2/100000"), "{}", r.status());
}

/// A fact sheet with `n` actors the article never mentions: `n` warnings, each a long line.
fn many_warnings(n: usize) -> Reader {
    let mut sheet = SHEET.to_owned();
    for i in 0..n {
        write!(
            sheet,
            "\n[[actors]]\nid = \"absent-{i}\"\nname = \"Absent Actor Number {i}\"\nkind = \"person\"\n"
        )
        .unwrap();
    }
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    Reader::of(&f, 80, 24)
}

fn window_scroll(r: &Reader) -> usize {
    r.app.window().expect("a window is open").scroll()
}

#[test]
fn a_new_width_keeps_the_warning_at_the_top_of_the_window() {
    let mut r = many_warnings(200);
    r.press("w");
    // The wheel down (3 rows a step) until the window's top row carries on a warning (each
    // wraps to two rows at 80), some way down: that warning stays at the top at every width.
    // (j and k move the warnings' cursor, which the window keeps on screen.)
    let mut steps = 0;
    while steps < 10 || r.app.window_rows().unwrap().1[window_scroll(&r)].first {
        r.act(Action::Scroll(10, 10, 1));
        steps += 1;
    }
    let top = window_scroll(&r);
    let (_, rows) = r.app.window_rows().unwrap();
    let id = rows[top - 1]
        .text
        .split('"')
        .nth(1)
        .expect("a warning naming an actor")
        .to_owned();
    for (w, h) in [(200, 60), (40, 12), (120, 40)] {
        r.act(Action::Resize(w, h));
        let (_, rows) = r.app.window_rows().unwrap();
        let at = window_scroll(&r);
        let entry: String = std::iter::once(&rows[at])
            .chain(rows[at + 1..].iter().take_while(|r| !r.first))
            .map(|r| r.text.as_str())
            .collect();
        assert!(rows[at].first, "at {w}x{h}: {:?}", rows[at]);
        assert!(entry.contains(&format!("\"{id}\"")), "at {w}x{h}: {entry}");
    }
    // At the end, the window says so; a short list says it is all there.
    r.press("G");
    assert!(window_border(&r).contains(" 100% "), "{}", r.screen());
    let mut r = many_warnings(1);
    r.press("w");
    assert!(window_border(&r).contains(" all "), "{}", r.screen());
}

/// The screen line with the open window's bottom border.
fn window_border(r: &Reader) -> String {
    let screen = r.screen();
    let line = screen.lines().find(|l| l.contains("Esc close ═"));
    line.expect("a window's bottom border").to_owned()
}

#[test]
fn a_window_of_wrapped_lines_scrolls_to_its_last_line_and_straight_back() {
    let mut r = many_warnings(18);
    r.press("w");
    let rows = r.app.window_rows().unwrap().1.len();
    assert!(rows > 18, "the warnings wrap at 80 columns: {rows} rows");
    r.press("G");
    let end = window_scroll(&r);
    assert!(r.screen().contains("\"absent-17\""), "{}", r.screen());
    // Further down stays at the end, and one key up moves at once.
    r.press("j j j PgDn");
    assert_eq!(window_scroll(&r), end);
    r.act(Action::Scroll(10, 10, -1));
    assert_eq!(window_scroll(&r), end - 3);
    r.act(Action::Scroll(10, 10, 1));
    // Scrolling down a row at a time reaches the same end.
    r.press("g");
    for _ in 0..rows {
        r.press("j");
    }
    assert_eq!(window_scroll(&r), end);
    // The help at 40x12 reaches its last binding too.
    let mut r = Reader::bundled(40, 12);
    r.press("? G");
    let rows = r.app.window_rows().unwrap().1;
    let last = rows.last().unwrap().text.clone();
    assert!(r.screen().contains(last.trim()), "{}", r.screen());
    // Narrow, each key stands above its description: no row is cut at the window's edge.
    let inner = usize::from(r.app.window_rect().width - 2);
    for row in rows {
        let shown = format!("{}{}", row.key.as_deref().unwrap_or(""), row.text);
        assert!(
            shown.chars().count() <= inner,
            "{shown:?} is cut at {inner} columns"
        );
    }
}

#[test]
fn b_ctrl_b_and_ctrl_f_page_and_h_l_and_the_arrows_change_panes() {
    // In the article, a list and a window, Ctrl-f is PgDn, and b and Ctrl-b are PgUp.
    let place = |r: &Reader| {
        (
            r.app.article_state().top,
            r.app.actors_list().clone(),
            r.app.window().map(Window::scroll),
        )
    };
    for start in ["1", "2", "?"] {
        for (ours, theirs) in [
            ("C-f C-f", "PgDn PgDn"),
            ("C-f C-f b", "PgDn PgDn PgUp"),
            ("C-f C-f C-b", "PgDn PgDn PgUp"),
        ] {
            let mut a = Reader::bundled(80, 24);
            a.press(start).press(ours);
            let mut b = Reader::bundled(80, 24);
            b.press(start).press(theirs);
            assert_eq!(place(&a), place(&b), "{start} {ours}");
        }
        let mut r = Reader::bundled(80, 24);
        let before = place(&r);
        r.press(start).press("C-f");
        assert_ne!(place(&r), before, "{start} C-f moves");
    }
    // h and l, ← and →: the previous and next pane.
    let mut r = Reader::bundled(80, 24);
    let mut seen = vec![];
    for key in ["l", "Right", "l", "Right", "h", "Left", "h"] {
        r.press(key);
        seen.push(r.app.focus());
    }
    assert_eq!(
        seen,
        [
            Pane::Actors,
            Pane::Timeline,
            Pane::Details,
            Pane::Article,
            Pane::Details,
            Pane::Timeline,
            Pane::Actors
        ]
    );
    // In the export dialog ← and → move in its file name (Tab changes the format), and h and l
    // are typed there.
    let mut r = Reader::bundled(80, 24);
    r.press("e Left h l");
    let d = r.app.export_dialog().unwrap();
    assert_eq!(
        (d.file.as_str(), d.format),
        ("briefing.jsohln", briefing::export::Format::Json)
    );
    assert_eq!(r.app.focus(), Pane::Article);
}

#[test]
fn a_key_that_does_nothing_says_so_outside_a_text_field() {
    let mut r = Reader::bundled(80, 24);
    r.press("x");
    assert!(
        r.status().contains("x does nothing here: ? lists the keys"),
        "{}",
        r.status()
    );
    r.press("2 C-x");
    assert!(
        r.status().contains("Ctrl-x does nothing here"),
        "{}",
        r.status()
    );
    let f9 = ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::F(9),
        ratatui::crossterm::event::KeyModifiers::NONE,
    );
    r.press("?");
    r.key(f9);
    assert!(r.app.window().is_some());
    assert!(
        r.status().contains("F9 does nothing here"),
        "{}",
        r.status()
    );
    // In a text field, a letter is typed and a key that types nothing is nothing.
    let mut r = Reader::bundled(80, 24);
    r.press("/");
    r.key(f9);
    r.type_text("x");
    assert_eq!(r.app.search().query, "x");
    assert!(!r.status().contains("does nothing"), "{}", r.status());
}

#[test]
fn one_backspace_undoes_a_walk_of_n_and_n() {
    // Nine steps through NATO's mentions are one jump: one Backspace returns to where the walk
    // began, the next one to the Actors, and Ctrl-n comes back to where the walk ended.
    let mut r = Reader::bundled(80, 24);
    let keys = to_actor(&r, "nato");
    r.press(&keys).press("Enter");
    let began = r.app.article_state().cursor;
    r.press("n n n n n N n n n n n");
    let ended = r.app.article_state().cursor;
    assert_ne!(began, ended);
    r.press("Backspace");
    assert_eq!(r.app.article_state().cursor, began);
    r.press("Backspace");
    assert_eq!(r.app.followed().target(), Target::None);
    r.press("C-n C-n");
    assert_eq!(r.app.article_state().cursor, ended);
    // A walk that stops (the article scrolled) and starts again is a second jump.
    r.press("j n n Backspace");
    assert_eq!(r.app.article_state().cursor, ended);

    // The matches of a search: the walk is one jump, back to where the search was kept.
    let mut r = Reader::bundled(80, 24);
    r.press("/").type_text("nato").press("Enter");
    let kept = r.app.article_state().top_offset();
    r.press("n n n n n n n");
    assert_ne!(r.app.article_state().top_offset(), kept);
    r.press("Backspace");
    assert_eq!(r.app.article_state().top_offset(), kept);
}

#[test]
fn n_for_a_kept_search_continues_from_where_you_read_and_wrapping_is_said() {
    // Kept, then scrolled far below its first matches: n goes to the first match on screen or
    // below, not to the match after the one kept.
    let mut r = Reader::bundled(80, 24);
    r.press("/").type_text("nato").press("Enter");
    assert!(r.status().contains("match 1/10"), "{}", r.status());
    r.press("PgDn PgDn PgDn");
    let top = r.app.article_state().top_offset();
    r.press("n");
    let at = r.app.search().current.unwrap();
    let start = r.app.search().matches[at].range().start;
    assert!(start >= top, "match at {start}, above the top {top}");
    assert!(at > 1, "{}", r.status());
    assert!(
        r.app.search().matches[..at]
            .iter()
            .all(|m| m.range().start < top),
        "{}",
        r.status()
    );
    // N from there, scrolled away again: the last match above the top.
    r.press("PgDn");
    let top = r.app.article_state().top_offset();
    r.press("N");
    let at = r.app.search().current.unwrap();
    assert!(r.app.search().matches[at].range().start < top);
    assert!(
        r.app
            .search()
            .matches
            .get(at + 1)
            .is_none_or(|m| m.range().start >= top)
    );

    // Round the end and the start, the status says so.
    let mut r = Reader::bundled(80, 24);
    r.press("/").type_text("summit").press("Enter n n n");
    assert!(!r.status().contains("wrapped"), "{}", r.status());
    r.press("n");
    assert!(r.status().contains("match 1/4"), "{}", r.status());
    assert!(
        r.status().contains("Search wrapped to the top"),
        "{}",
        r.status()
    );
    r.press("N");
    assert!(
        r.status().contains("Search wrapped to the bottom"),
        "{}",
        r.status()
    );
    // Two columns between the message and the hints kept beside it, however long it is: it
    // read "…wrapped to the bottom? help" at 80 columns.
    for width in 40..=120 {
        r.act(briefing::app::Action::Resize(width, 24));
        let status = r.status();
        let (before_help, _) = status
            .split_once("? help")
            .unwrap_or_else(|| panic!("{width} columns: no help hint in {status:?}"));
        assert!(before_help.ends_with("  "), "{width} columns: {status:?}");
    }
    // And for mentions.
    let mut r = Reader::bundled(80, 24);
    let keys = to_actor(&r, "douglas-jones");
    r.press(&keys).press("Enter n");
    assert!(!r.status().contains("wrapped"), "{}", r.status());
    r.press("n");
    assert!(
        r.status().contains("Mentions wrapped to the top"),
        "{}",
        r.status()
    );
    r.press("N");
    assert!(
        r.status().contains("Mentions wrapped to the bottom"),
        "{}",
        r.status()
    );
}

#[test]
fn enter_in_a_list_keeps_the_focus_there_to_try_the_next_row() {
    // Actors: each Enter follows, the article's cursor goes to a mention, and the focus stays.
    let mut r = Reader::bundled(80, 24);
    let mut cursors = vec![];
    for keys in ["2 g Enter", "j Enter", "j Enter"] {
        r.press(keys);
        assert_eq!(r.app.focus(), Pane::Actors, "after {keys}");
        let a = r.app.actors_list().selected.unwrap();
        assert_eq!(r.app.followed().target(), Target::Actor(a));
        let m = r.app.article_state().cursor.expect("a cursor");
        assert_eq!(r.app.briefing().mentions.all()[m].actor as usize, a);
        assert!(
            r.app
                .article_state()
                .shows(r.app.briefing().mentions.all()[m].span.start as usize)
        );
        cursors.push(m);
    }
    cursors.dedup();
    assert_eq!(cursors.len(), 3);
    // The Timeline too: each event's evidence is shown in turn.
    r.press("3 g Enter j Enter");
    assert_eq!(r.app.focus(), Pane::Timeline);
    let Target::Event(e) = r.app.followed().target() else {
        panic!("{:?}", r.app.followed().target());
    };
    let quote = r.app.briefing().event_evidence[e].unwrap();
    assert!(r.app.article_state().shows(quote.span.start as usize));
    // With one pane on screen at a time, the article takes the focus, to be seen.
    let mut r = Reader::bundled(60, 20);
    r.press("2 g Enter");
    assert_eq!(r.app.focus(), Pane::Article);
}

/// Issue 13 (item 21): the search ignored omitted lines even while `o` showed them. Shown,
/// they are searched and `n` visits them; hidden again, their matches are dropped.
#[test]
fn a_search_finds_omitted_lines_only_while_they_are_shown() {
    let mut r = Reader::bundled(80, 24);
    r.press("/").type_text("advertisement").press("Enter");
    assert!(
        r.app.search().matches.is_empty(),
        "hidden lines are not searched"
    );
    r.press("Esc o");
    r.press("/").type_text("advertisement").press("Enter");
    let shown = r.app.search().matches.len();
    assert!(shown > 1, "{}", r.status());
    let text = r.app.briefing().article.text();
    for m in &r.app.search().matches {
        assert!(text[m.range()].eq_ignore_ascii_case("advertisement"));
        assert!(r.app.briefing().article.is_omitted(m.range().start));
    }
    assert!(
        r.status().contains(&format!("match 1/{shown}")),
        "{}",
        r.status()
    );
    r.press("n");
    assert!(
        r.status().contains(&format!("match 2/{shown}")),
        "{}",
        r.status()
    );
    let at = r.app.search().matches[1].range().start;
    assert!(r.app.article_state().shows(at), "n shows the omitted line");
    // Hidden again: the kept search drops them; shown again, it finds them again.
    r.press("o");
    assert!(r.app.search().matches.is_empty(), "{}", r.status());
    r.press("o");
    assert_eq!(r.app.search().matches.len(), shown);
    // A word both in the text and in an omitted line: the kept search grows and shrinks.
    r.press("Esc Esc");
    r.press("o").press("/").type_text("Trump").press("Enter");
    let hidden = r.app.search().matches.len();
    r.press("o");
    assert!(r.app.search().matches.len() > hidden, "{}", r.status());
    r.press("o");
    assert_eq!(r.app.search().matches.len(), hidden);
}

/// Issue 13 (item 12): with a kept search's match and a mention cursor both on screen, `Enter`
/// followed the mention while the status bar named the match. `Enter` and `y` act on the one
/// cursor the status bar names.
#[test]
fn enter_and_y_act_on_the_cursor_the_status_bar_names() {
    let mut r = Reader::bundled(120, 40);
    // The cursor on NATO, in the first sentence; then a match of Douglas Jones further down.
    r.press("1 ]");
    assert!(r.status().contains("NATO"), "{}", r.status());
    r.press("/").type_text("Douglas").press("Enter");
    assert!(r.status().contains("match 1/"), "{}", r.status());
    let cursor = r.app.article_state().cursor.unwrap();
    let at = r.app.briefing().mentions.all()[cursor].span.start as usize;
    assert!(
        r.app.article_state().shows(at),
        "the mention cursor is on screen"
    );
    r.press("y");
    let Some(Effect::Copy(text)) = r.effects.last() else {
        panic!("no copy: {:?}", r.effects.last());
    };
    assert!(text.starts_with("“In an interview with"), "{text}");
    r.press("Enter");
    assert_eq!(
        r.app.followed().target(),
        Target::Actor(r.actor("douglas-jones")),
        "{}",
        r.status()
    );
    assert!(r.status().contains("· Douglas Jones"), "{}", r.status());
    // A match with no mention in it: Enter says so and follows nothing else.
    let mut r = Reader::bundled(120, 40);
    r.press("1 ] / i n t e r v i e w Enter Enter");
    assert_eq!(r.app.followed().target(), Target::None, "{}", r.status());
    assert!(
        r.status().contains("No mention in match 1"),
        "{}",
        r.status()
    );
    // A kept search that matches nothing names no match, once (the position said it beside
    // the complaint): y copies nothing, not the mention.
    let mut r = Reader::bundled(120, 40);
    r.press("1 ] / z z z z Enter");
    assert!(
        r.status().contains("No match for \"zzzz\""),
        "{}",
        r.status()
    );
    assert_eq!(
        r.status().to_lowercase().matches("no match").count(),
        1,
        "{}",
        r.status()
    );
    let copies = r
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::Copy(_)))
        .count();
    r.press("y");
    let after = r
        .effects
        .iter()
        .filter(|e| matches!(e, Effect::Copy(_)))
        .count();
    assert_eq!(copies, after, "{}", r.status());
}

/// Issue 13, item 19: the status bar named an old mention after a fact's quote was followed
/// from the Details, and `mention N/M` counted the followed actor's mentions or every mention.
/// It names what was followed last, and a mention's count is always of its actor's mentions
/// (of the followed event's actors' when it is one of theirs).
#[test]
fn the_status_names_what_was_followed_last() {
    let mut r = Reader::bundled(120, 40);
    let keys = to_actor(&r, "douglas-jones");
    r.press(&keys).press("Enter 1");
    assert!(
        r.status().contains("mention 1/2 · Douglas Jones"),
        "{}",
        r.status()
    );
    // The facts, the first fact's quote followed: the focus goes to the Article.
    r.press("f 4 g j Enter");
    assert_eq!(r.app.focus(), Pane::Article);
    let status = r.status();
    assert!(
        status.contains("evidence · Non-NATO partner countries invited · line "),
        "{status}"
    );
    assert!(!status.contains("Douglas Jones"), "{status}");
    // n walks Jones's mentions again: the status follows.
    r.press("n");
    assert!(r.status().contains("· Douglas Jones"), "{}", r.status());
    // ] moves to a mention of an actor not followed: counted among that actor's mentions.
    r.press("]");
    let m = r.app.article_state().cursor.unwrap();
    let b = r.app.briefing();
    let actor = b.mentions.all()[m].actor as usize;
    let mine = b.mentions.of_actor(actor);
    let at = mine.iter().position(|&i| i as usize == m).unwrap() + 1;
    let expected = format!("mention {at}/{} · {}", mine.len(), r.actor_name(actor));
    assert!(r.status().contains(&expected), "{expected}: {}", r.status());
    // An event followed from the Timeline: its evidence, there and in the Article.
    r.press("3 g j j j j Enter");
    assert!(r.status().contains("· evidence · line "), "{}", r.status());
    r.press("1");
    let status = r.status();
    assert!(status.starts_with("Article  evidence · "), "{status}");
}
