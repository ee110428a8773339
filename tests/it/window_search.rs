//! `/` in the help, warnings and reload-error windows: typing finds, `n`/`N` step and wrap,
//! Esc goes back or clears, a new width keeps the match shown, matches are highlighted.

use std::fmt::Write as _;

use briefing::app::window::search::{self, Match};
use briefing::app::{Action, Window};
use ratatui::style::Color;

use crate::harness::{Fixture, Reader};

/// A reader over a fact sheet of `n` actors the article never mentions: `n` warnings, the
/// `k`th naming `ghost-k`.
fn ghosts(n: usize, width: u16, height: u16) -> (Fixture, Reader) {
    let mut sheet = String::from("[briefing]\ntitle = \"Ghosts\"\narticle = \"article.txt\"\n");
    for i in 0..n {
        let _ = write!(
            sheet,
            "\n[[actors]]\nid = \"ghost-{i}\"\nname = \"Ghost {i}\"\nkind = \"person\"\n"
        );
    }
    let fx = Fixture::new(&sheet, b"Nobody is here.\n");
    let input = briefing::briefing::Input::Path(fx.sheet());
    let b = briefing::briefing::open(&input).expect("the briefing loads");
    assert_eq!(b.warnings.len(), n);
    (fx, Reader::new(b, input, width, height))
}

/// The text of the open window's rows from its top.
fn window_top(r: &Reader, rows: usize) -> String {
    let (_, all) = r.app.window_rows().expect("a window is open");
    let scroll = r.app.window().map_or(0, Window::scroll);
    all.iter()
        .skip(scroll)
        .take(rows)
        .map(|row| row.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn typing_finds_and_n_and_shift_n_step_through_the_matches_and_wrap() {
    let (_fx, mut r) = ghosts(300, 80, 24);
    r.press("w /").type_text("ghost-17");
    assert!(r.app.window_search_typed().is_some());
    assert!(r.status().contains("/ghost-17"), "{}", r.status());
    // ghost-17 and ghost-170 to ghost-179.
    assert!(r.status().contains("11 matches"), "{}", r.status());
    assert!(window_top(&r, 1).contains("\"ghost-17\""));
    r.press("Enter");
    assert!(r.app.window_search_typed().is_none());
    assert!(
        r.status().contains("match 1/11 · \"ghost-17\""),
        "{}",
        r.status()
    );
    r.press("n");
    assert!(r.status().contains("match 2/11"), "{}", r.status());
    assert!(window_top(&r, 1).contains("\"ghost-170\""));
    r.press("N N");
    assert!(r.status().contains("match 11/11"), "{}", r.status());
    assert!(window_top(&r, 1).contains("\"ghost-179\""));
    r.press("n");
    assert!(r.status().contains("match 1/11"), "{}", r.status());
    // Esc clears the search and leaves the window where it is; a second Esc closes it.
    let scroll = r.app.window().map(Window::scroll);
    r.press("Esc");
    assert!(r.app.window_search().is_none());
    assert!(r.app.window_matches().is_empty());
    assert_eq!(r.app.window().map(Window::scroll), scroll);
    r.press("Esc");
    assert!(r.app.window().is_none());
}

#[test]
fn esc_while_typing_goes_back_to_where_the_search_began() {
    let (_fx, mut r) = ghosts(300, 80, 24);
    // The wheel scrolls 3 rows (j and k move the warnings' cursor).
    r.press("w").act(Action::Scroll(10, 10, 1));
    let origin = r.app.window().map(Window::scroll);
    assert_eq!(origin, Some(3));
    r.press("/").type_text("ghost-250");
    assert_ne!(r.app.window().map(Window::scroll), origin);
    r.press("Esc");
    assert_eq!(r.app.window().map(Window::scroll), origin);
    assert!(r.app.window_search().is_none());
    assert!(
        r.app.window().is_some(),
        "Esc in the field leaves the window open"
    );
    // Typing shows the first match from where the search began, wrapping to the start.
    r.press("G /").type_text("ghost-1");
    assert!(window_top(&r, 1).contains("\"ghost-1\""));
}

#[test]
fn no_match_is_said_and_keeps_the_window_where_it_was() {
    let (_fx, mut r) = ghosts(50, 80, 24);
    r.press("w").act(Action::Scroll(10, 10, 1));
    r.press("/").type_text("nothing like this");
    assert!(r.status().contains("no match"), "{}", r.status());
    assert_eq!(r.app.window().map(Window::scroll), Some(3));
    r.press("Enter");
    assert!(
        r.status().contains("no match · \"nothing like this\""),
        "{}",
        r.status()
    );
    r.press("n");
    assert_eq!(r.app.window().map(Window::scroll), Some(3));
    // Smart case, as in the article: a capital makes it exact.
    r.press("/").type_text("Ghost-1");
    assert!(r.status().contains("no match"), "{}", r.status());
}

#[test]
fn words_wrapped_onto_the_next_row_are_found_at_any_width() {
    let query = "never mentioned in the article (check its name";
    for (w, h) in [(200, 60), (80, 24), (40, 12)] {
        let (_fx, mut r) = ghosts(30, w, h);
        r.press("w /").type_text(query).press("Enter");
        let hits = r.app.window_matches();
        assert_eq!(search::count(hits), 30, "at {w}×{h}");
        if w == 40 {
            assert!(
                hits.iter().any(|h| !h.begins),
                "no match was cut at 40 columns"
            );
        }
    }
}

#[test]
fn a_new_width_keeps_the_match_shown() {
    let (_fx, mut r) = ghosts(300, 80, 24);
    r.press("w /").type_text("ghost-250").press("Enter");
    for (w, h) in [(40, 12), (120, 40), (80, 24)] {
        r.act(briefing::app::Action::Resize(w, h));
        assert!(r.status().contains("match 1/1"), "{w}×{h}: {}", r.status());
        assert!(window_top(&r, 3).contains("\"ghost-250\""), "{w}×{h}");
    }
    // The last warning: at 200×60 the window stops at its last page, far above the end at
    // 40×12; the match must still be on screen there.
    let (_fx, mut r) = ghosts(300, 200, 60);
    r.press("w /").type_text("ghost-299").press("Enter");
    r.act(briefing::app::Action::Resize(40, 12));
    assert!(on_screen(&r), "{}", r.screen());
}

/// The hit that begins the match shown.
fn shown(r: &Reader) -> usize {
    r.app
        .window_search()
        .and_then(|f| f.current)
        .expect("a match is shown")
}

/// Whether the match shown is on the window's rows on screen.
fn on_screen(r: &Reader) -> bool {
    let hits = r.app.window_matches();
    let top = r.app.window().map_or(0, Window::scroll);
    let shown = usize::from(r.app.window_rect().height - 2);
    r.app
        .window_search()
        .and_then(|f| f.current)
        .is_some_and(|c| (top..top + shown).contains(&hits[c].row))
}

#[test]
fn every_width_finds_the_same_matches_and_keeps_the_one_shown() {
    // Widths that break "ghost-254" at its hyphen, or inside the number, find it all the same.
    let (_fx, mut r) = ghosts(300, 80, 24);
    r.press("w /")
        .type_text("ghost-25")
        .press("Enter n n n n n");
    assert!(r.status().contains("match 6/11"), "{}", r.status());
    for w in (24..=130).rev() {
        r.act(briefing::app::Action::Resize(w, 24));
        assert_eq!(search::count(r.app.window_matches()), 11, "at {w} columns");
        assert!(r.status().contains("match 6/11"), "{w}: {}", r.status());
        assert!(on_screen(&r), "{w}");
    }
}

#[test]
fn enter_closes_the_window_even_with_a_search_kept() {
    let (_fx, mut r) = ghosts(20, 80, 24);
    r.press("w /").type_text("ghost-1").press("Enter");
    assert!(r.app.window_search().is_some());
    r.press("Enter");
    assert!(r.app.window().is_none());
}

#[test]
fn the_mouse_takes_the_query_and_then_acts_as_usual() {
    let (_fx, mut r) = ghosts(50, 80, 24);
    r.press("w /").type_text("ghost-3");
    let top = r.app.window().map_or(0, Window::scroll);
    r.act(briefing::app::Action::Scroll(40, 10, 1));
    assert!(r.app.window_search_typed().is_none());
    assert_eq!(
        r.app.window_search().map(|f| f.query.as_str()),
        Some("ghost-3")
    );
    assert_eq!(r.app.window().map(Window::scroll), Some(top + 3));
    r.press("/").type_text("ghost-4");
    r.act(briefing::app::Action::Click(1, 1, 0));
    assert!(
        r.app.window().is_none(),
        "a click closes the window, as without a search"
    );
}

#[test]
fn n_after_scrolling_away_goes_on_from_the_top_of_the_window() {
    let (_fx, mut r) = ghosts(300, 80, 24);
    r.press("w /").type_text("ghost-2").press("Enter");
    assert!(r.status().contains("match 1/"), "{}", r.status());
    r.press("PgDn PgDn PgDn PgDn PgDn PgDn");
    let top = r.app.window().map_or(0, Window::scroll);
    r.press("n");
    let hits = r.app.window_matches();
    let c = shown(&r);
    assert!(hits[c].row >= top, "n went back above the window");
    assert!(search::ordinal(hits, c) > 2, "n went on from the old match");
    assert!(on_screen(&r));
}

#[test]
fn the_help_window_finds_a_key() {
    let mut r = Reader::bundled(80, 24);
    r.press("? /").type_text("ctrl-d").press("Enter");
    let (_, rows) = r.app.window_rows().expect("the help is open");
    let top = &rows[r.app.window().map_or(0, Window::scroll)];
    assert!(
        top.key.as_deref().unwrap_or("").contains("Ctrl-d"),
        "{top:?}"
    );
    assert!(r.status().contains("match 1/"), "{}", r.status());
}

#[test]
fn closing_or_changing_the_window_ends_its_search() {
    let (_fx, mut r) = ghosts(20, 80, 24);
    r.press("w /").type_text("ghost-1").press("Enter");
    assert!(r.app.window_search().is_some());
    r.press("?");
    assert!(r.app.window().is_none());
    assert!(r.app.window_search().is_none());
    r.press("w");
    assert!(r.app.window_search().is_none() && r.app.window_matches().is_empty());
    // In the article, `n` is the article's again.
    r.press("Esc n");
    assert!(!r.status().contains("ghost"), "{}", r.status());
}

#[test]
fn the_shown_match_and_the_others_are_highlighted_apart() {
    let (_fx, mut r) = ghosts(20, 120, 40);
    r.press("w /").type_text("ghost-1").press("Enter n");
    let current = shown(&r);
    let hits: Vec<Match> = r.app.window_matches().to_vec();
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let window = r.app.window_rect();
    let scroll = r.app.window().map_or(0, Window::scroll);
    let (_, rows) = r.app.window_rows().expect("a window");
    for (i, h) in hits.iter().enumerate() {
        let Some(y) = h.row.checked_sub(scroll) else {
            continue;
        };
        let y = window.y + 1 + u16::try_from(y).expect("on screen");
        // Warnings are ASCII: a byte is a column.
        let x0 = window.x + 1 + u16::try_from(h.start).expect("narrow");
        let want = if i == current {
            Color::LightRed
        } else {
            Color::Yellow
        };
        for x in x0..x0 + u16::try_from(h.end - h.start).expect("short") {
            assert_eq!(
                buf[(x, y)].style().bg,
                Some(want),
                "hit {i} at {x},{y}: {}",
                rows[h.row].text
            );
        }
        // The cell after a match is not marked.
        let after = buf[(x0 + u16::try_from(h.end - h.start).expect("short"), y)]
            .style()
            .bg;
        // (The warning under the cursor, the shown match's, has the selected row's background.)
        let cursor_row = r
            .app
            .window()
            .and_then(Window::cursor_rows)
            .is_some_and(|c| c.contains(&h.row));
        let row_bg = briefing::view::theme::DARK.row.bg;
        assert!(
            after.is_none_or(|c| c == Color::Reset || (cursor_row && Some(c) == row_bg)),
            "after hit {i}"
        );
    }
}

#[test]
fn a_search_in_the_warnings_window_looks_like_this() {
    // The committed fixture, named by a relative path, so the paths in the rows are stable.
    let path = std::path::Path::new("tests/it/fixtures/warnings");
    let input = briefing::briefing::Input::from_arg(Some(path)).expect("the fixture");
    let b = briefing::briefing::open(&input).expect("the fixture loads");
    let mut r = Reader::new(b, input, 80, 24);
    r.press("w /").type_text("article");
    insta::assert_snapshot!("window_search_typing_80x24", r.screen());
    r.press("Enter n");
    insta::assert_snapshot!("window_search_kept_80x24", r.screen());
}

#[test]
fn a_new_height_alone_keeps_the_match_on_screen() {
    let (_fx, mut r) = ghosts(300, 80, 24);
    r.press("w /").type_text("ghost-299").press("Enter");
    assert!(on_screen(&r));
    r.act(briefing::app::Action::Resize(80, 10));
    assert!(on_screen(&r), "{}", r.screen());
}

#[test]
fn a_match_over_several_rows_is_shown_whole_when_it_fits() {
    let (_fx, mut r) = ghosts(20, 24, 7);
    r.press("w /")
        .type_text("is never mentioned in the article")
        .press("Enter n");
    let hits = r.app.window_matches();
    let c = shown(&r);
    let last = hits[c + 1..]
        .iter()
        .take_while(|h| !h.begins)
        .last()
        .map_or(hits[c].row, |h| h.row);
    assert!(last > hits[c].row, "the match is not cut at 24 columns");
    let top = r.app.window().map_or(0, Window::scroll);
    let shown = usize::from(r.app.window_rect().height - 2);
    assert!(hits[c].row >= top && last < top + shown, "{}", r.screen());
}

#[test]
fn blanks_alone_find_nothing() {
    let (_fx, mut r) = ghosts(20, 80, 24);
    r.press("w /").type_text("   ");
    assert!(r.app.window_matches().is_empty());
    assert!(r.status().contains("no match"), "{}", r.status());
}

#[test]
fn the_window_keeps_its_keys_reminder_whole_when_narrow() {
    for (w, h, reminder) in [
        (80, 24, "j/k scroll · / search · Esc close"),
        (40, 12, "/ search · Esc close"),
        (30, 12, "Esc close"),
    ] {
        let mut r = Reader::bundled(w, h);
        r.press("?");
        let screen = r.screen();
        let border = screen
            .lines()
            .find(|l| l.contains('╚'))
            .expect("the window's bottom border");
        assert!(
            border.contains(&format!(" {reminder} ")),
            "{w}×{h}: {border}"
        );
    }
}

#[test]
fn the_help_finds_the_same_bindings_side_by_side_and_stacked() {
    let count = |w, h| {
        let mut r = Reader::bundled(w, h);
        r.press("? /").type_text("space page").press("Enter");
        search::count(r.app.window_matches())
    };
    // `Space` pages down in the panes and in the windows.
    assert_eq!(count(120, 40), 2);
    assert_eq!(count(40, 12), 2);
}

#[test]
fn another_window_opened_from_a_searched_one_starts_without_its_matches() {
    // Found by the property test: `?`, `/s`, Enter, then `w` opened the warnings window with
    // the help's query still found in it, although its search had ended.
    let mut r = Reader::bundled(80, 24);
    r.press("? / s Enter w");
    assert!(r.app.window_search().is_none());
    assert!(
        r.app.window_matches().is_empty(),
        "{:?}",
        r.app.window_matches()
    );
}
