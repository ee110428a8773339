//! What the reader draws: snapshots of whole screens (committed; CI fails on a difference) at
//! 80×24 and 120×40, and direct assertions on the styles of highlighted cells, which snapshots
//! do not record.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::harness::Reader;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots the screen after `keys` at both sizes.
fn snapshot(name: &str, keys: &str) {
    for (w, h) in SIZES {
        let mut r = Reader::bundled(w, h);
        r.press(keys);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), r.screen());
    }
}

#[test]
fn start_screen() {
    snapshot("start", "");
}

#[test]
fn actor_followed_into_the_article() {
    // Douglas Jones is the sixth actor by mentions (the seventh before mention rule 9 made
    // "Ukrainian Armed Forces (AFU)" one mention).
    snapshot("actor_followed", "2 g j j j j j Enter");
}

#[test]
fn event_followed_to_its_evidence() {
    snapshot("event_followed", "3 g j j j j Enter");
}

#[test]
fn details_with_every_mention() {
    snapshot("details_mentions", "2 g 4 G");
}

#[test]
fn search_in_progress_and_kept() {
    for (w, h) in SIZES {
        let mut r = Reader::bundled(w, h);
        r.press("/").type_text("summit");
        insta::assert_snapshot!(format!("search_typing_{w}x{h}"), r.screen());
        r.press("Enter n");
        insta::assert_snapshot!(format!("search_kept_{w}x{h}"), r.screen());
    }
}

#[test]
fn help() {
    snapshot("help", "?");
}

#[test]
fn warnings() {
    // A committed fixture, named by a relative path, so the paths in the messages are stable.
    let path = std::path::Path::new("tests/it/fixtures/warnings");
    for (w, h) in SIZES {
        let input = briefing::briefing::Input::from_arg(Some(path)).unwrap();
        let b = briefing::briefing::open(&input).unwrap();
        let mut r = Reader::new(b, input, w, h);
        insta::assert_snapshot!(format!("warnings_start_{w}x{h}"), r.screen());
        r.press("w");
        insta::assert_snapshot!(format!("warnings_{w}x{h}"), r.screen());
    }
}

#[test]
fn too_small() {
    for (w, h) in [(20, 6), (1, 1), (0, 0)] {
        let r = Reader::bundled(w, h);
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), r.screen());
    }
}

#[test]
fn narrow_terminals_show_one_pane_with_every_name() {
    let mut r = Reader::bundled(40, 12);
    insta::assert_snapshot!("narrow_40x12", r.screen());
    r.press("3");
    let screen = r.screen();
    for name in ["Article", "Actors", "Timeline", "Details"] {
        assert!(screen.contains(name), "{name} missing:\n{screen}");
    }
}

// ── Styles ─────────────────────────────────────────────────────────────────────────────────

/// The cells on screen that show `text` (its first occurrence on any row).
fn cells_of(buf: &Buffer, text: &str) -> Vec<(u16, u16)> {
    for y in 0..buf.area.height {
        let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let joined = row.concat();
        if let Some(byte) = joined.find(text) {
            // Cells here are single-width ASCII up to the match in the sample's first lines.
            let x0 = joined[..byte].chars().count() as u16;
            return (x0..x0 + text.chars().count() as u16)
                .map(|x| (x, y))
                .collect();
        }
    }
    panic!("{text:?} is not on screen");
}

#[test]
fn mentions_selected_mentions_and_the_cursor_are_styled_apart() {
    for color in [true, false] {
        let b = briefing::briefing::Briefing::bundled();
        let mut r = Reader::new(b, briefing::briefing::Input::Bundled, 120, 40);
        let mut app = briefing::app::App::new(
            briefing::briefing::Briefing::bundled(),
            briefing::briefing::Input::Bundled,
            color,
        )
        .with_export_dir(r.exports.path());
        app.update(briefing::app::Action::Resize(120, 40));
        r.app = app;
        // Follow Ukraine (second by mentions): its first mention is the cursor, the others are
        // selected, and NATO's are plain mentions.
        r.press("2 g j Enter");
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let article = r
            .app
            .geometry()
            .inner(briefing::app::Pane::Article)
            .unwrap();
        let in_article = |cells: Vec<(u16, u16)>| {
            assert!(
                cells
                    .iter()
                    .all(|&(x, _)| x >= article.x && x < article.right())
            );
            cells
        };
        let cursor = in_article(cells_of(buf, "Ukraine with"))[..7].to_vec();
        let selected = in_article(cells_of(buf, "affirm Ukraine"))[7..].to_vec();
        let plain = in_article(cells_of(buf, "NATO will"))[..4].to_vec();
        let text = in_article(cells_of(buf, "will present"))[..4].to_vec();
        let style = |cells: &[(u16, u16)]| {
            let first = buf[cells[0]].style();
            for &c in cells {
                assert_eq!(buf[c].style(), first, "one style per word");
            }
            first
        };
        let (cursor, selected, plain, text) = (
            style(&cursor),
            style(&selected),
            style(&plain),
            style(&text),
        );
        assert!(
            cursor.add_modifier.contains(Modifier::REVERSED),
            "cursor: {cursor:?}"
        );
        assert!(
            selected
                .add_modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED),
            "selected: {selected:?}"
        );
        assert!(!selected.add_modifier.contains(Modifier::REVERSED));
        assert!(!plain.add_modifier.contains(Modifier::BOLD));
        assert_ne!(plain, text, "a mention differs from plain text");
        assert_ne!(cursor, selected);
        assert_ne!(selected, plain);
        if color {
            assert_eq!(plain.fg, Some(Color::LightCyan), "organisations are cyan");
            assert_eq!(selected.fg, Some(Color::LightGreen), "countries are green");
        } else {
            for s in [cursor, selected, plain, text] {
                assert!(
                    s.fg.is_none_or(|c| c == Color::Reset)
                        && s.bg.is_none_or(|c| c == Color::Reset),
                    "NO_COLOR: {s:?}"
                );
            }
        }
    }
}

#[test]
fn evidence_and_search_matches_are_highlighted() {
    let mut r = Reader::bundled(120, 40);
    r.press("3 g j j j j Enter");
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let quoted = cells_of(buf, "approximately 700");
    assert!(
        quoted
            .iter()
            .all(|&c| buf[c].style().bg == Some(Color::Rgb(58, 52, 30)))
    );
    let outside = cells_of(buf, "Additionally, a new");
    assert!(
        outside
            .iter()
            .all(|&c| buf[c].style().bg.is_none_or(|b| b == Color::Reset))
    );
    let mut r = Reader::bundled(120, 40);
    r.press("/").type_text("consecutive").press("Enter");
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let found = cells_of(buf, "consecutive");
    assert!(
        found
            .iter()
            .all(|&c| buf[c].style().bg == Some(Color::LightRed)),
        "the current match"
    );
}

#[test]
fn the_focused_pane_has_a_thick_border() {
    let mut r = Reader::bundled(120, 40);
    r.press("2");
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let g = r.app.geometry();
    let actors = g.rect(briefing::app::Pane::Actors).unwrap();
    let article = g.rect(briefing::app::Pane::Article).unwrap();
    assert_eq!(buf[(actors.x, actors.y)].symbol(), "┏");
    assert_eq!(buf[(article.x, article.y)].symbol(), "┌");
}

#[test]
fn a_narrow_status_bar_drops_help_and_quit_last() {
    for (w, h) in [(40, 12), (60, 20), (80, 24), (120, 40)] {
        for keys in ["", "2", "3", "4"] {
            let mut r = Reader::bundled(w, h);
            r.press(keys);
            let status = r.status();
            assert!(
                status.ends_with("? help  q quit"),
                "at {w}x{h} after {keys:?}: {status}"
            );
        }
    }
    // Wide enough, every hint is there, in the table's order.
    let r = Reader::bundled(200, 40);
    let status = r.status();
    assert!(
        status.ends_with("] next mention  Enter follow actor  / search  Tab pane  n next  Backspace back  ? help  q quit"),
        "{status}"
    );
}
