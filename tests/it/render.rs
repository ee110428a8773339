//! What the reader draws: snapshots of whole screens (committed; CI fails on a difference) at
//! 80×24 and 120×40, and direct assertions on the styles of highlighted cells, which snapshots
//! do not record.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use briefing::app::{Colors, Palette};
use briefing::view::theme::MIN_CONTRAST;

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

#[test]
fn at_30_columns_the_shown_tab_keeps_its_whole_name() {
    // Narrow: every pane a tab; medium at 72 columns: the side pane is 30 columns wide.
    for (w, h) in [(30, 16), (72, 20)] {
        let mut r = Reader::bundled(w, h);
        for (key, name) in [("2", "Actors"), ("3", "Timeline"), ("4", "Details")] {
            r.press(key);
            let screen = r.screen();
            let top = screen.lines().nth(1).unwrap();
            let whole = [" ", "┓", "┐"]
                .iter()
                .any(|end| top.contains(&format!("{name}{end}")));
            assert!(whole, "{w}x{h} {name} cut:\n{screen}");
        }
        // Shortened only when they must, from the farthest tab: at 30 columns the Details
        // leave "Art │ Act │ Tim"; at 72 the three names fit, to the last column.
        let top = r.screen().lines().nth(1).unwrap().to_owned();
        let expect = if w == 30 {
            "Art │ Act │ Tim │ Details"
        } else {
            "Actors │ Timeline │ Details┓"
        };
        assert!(top.contains(expect), "{top}");
    }
    // The mouse finds the shortened names where they are drawn: "Act" is the Actors.
    let mut r = Reader::bundled(30, 16);
    r.press("4");
    let top = r.screen().lines().nth(1).unwrap().to_owned();
    let x = top.chars().position(|c| c == 'c').unwrap();
    r.act(briefing::app::Action::Click(
        u16::try_from(x).unwrap(),
        1,
        1000,
    ));
    assert_eq!(r.app.focus(), briefing::app::Pane::Actors);
}

/// Every way the reader can be coloured: `NO_COLOR`, and colour with each palette, with and
/// without 24-bit colour.
fn looks() -> Vec<(bool, Colors)> {
    let mut out = vec![(false, Colors::default())];
    for palette in [Palette::Dark, Palette::Light] {
        for truecolor in [false, true] {
            out.push((true, Colors { palette, truecolor }));
        }
    }
    out
}

/// The bundled briefing at `width`×`height`, drawn with `color` and `colors`.
fn reader_in(color: bool, colors: Colors, width: u16, height: u16) -> Reader {
    let mut r = Reader::bundled(width, height);
    let mut app = briefing::app::App::new(
        briefing::briefing::Briefing::bundled(),
        briefing::briefing::Input::Bundled,
        color,
    )
    .with_colors(colors)
    .with_export_dir(r.exports.path());
    app.update(briefing::app::Action::Resize(width, height));
    r.app = app;
    r
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

/// Issue 13 changed the evidence's background: 24-bit (58, 52, 30) only where `COLORTERM`
/// announces 24-bit colour, else the 256-colour grey 236; and the light palette's own.
#[test]
fn evidence_and_search_matches_are_highlighted() {
    for (colors, background) in [
        (Colors::default(), Color::Indexed(236)),
        (
            Colors {
                palette: Palette::Dark,
                truecolor: true,
            },
            Color::Rgb(58, 52, 30),
        ),
        (
            Colors {
                palette: Palette::Light,
                truecolor: false,
            },
            Color::Indexed(230),
        ),
        (
            Colors {
                palette: Palette::Light,
                truecolor: true,
            },
            Color::Rgb(250, 240, 200),
        ),
    ] {
        let mut r = reader_in(true, colors, 120, 40);
        r.press("3 g j j j j Enter");
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let quoted = cells_of(buf, "approximately 700");
        assert!(
            quoted
                .iter()
                .all(|&c| buf[c].style().bg == Some(background)),
            "{colors:?}"
        );
    }
    let mut r = Reader::bundled(120, 40);
    r.press("3 g j j j j Enter");
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
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

/// Issue 13: the kind label in Actors, the labels in Details and the context of a
/// keyword-in-context line were drawn dark grey on the selected row's dark grey. Every cell of
/// these screens, selected rows included, is readable.
#[test]
fn every_cell_is_readable_on_the_selected_row() {
    use briefing::view::theme::{MIN_CONTRAST, Theme};
    for (color, colors) in looks() {
        let theme = Theme::pick(color, colors);
        // Actors focused with an actor selected; the Details focused on its first line (a
        // label) and on its last (a keyword-in-context line); the help searched.
        for keys in [
            "2 g j",
            "2 g j 4 g",
            "2 g j 4 G",
            "3 g j 4 g j",
            "? / k e y",
        ] {
            let mut r = reader_in(color, colors, 120, 40);
            r.press(keys);
            let terminal = r.draw();
            let buf = terminal.backend().buffer();
            let mut unreadable = Vec::new();
            for y in 0..buf.area.height {
                for x in 0..buf.area.width {
                    let cell = &buf[(x, y)];
                    if cell.symbol().trim().is_empty() {
                        continue;
                    }
                    let style = cell.style();
                    let c = theme.contrast(style);
                    if c < MIN_CONTRAST
                        || (style.fg.is_some_and(|c| c != Color::Reset) && style.fg == style.bg)
                    {
                        unreadable.push(format!("({x},{y}) {:?} {c:.2} {style:?}", cell.symbol()));
                    }
                }
            }
            assert!(
                unreadable.is_empty(),
                "color {color} {colors:?}, after {keys:?}:\n{}",
                unreadable.join("\n")
            );
        }
    }
}

/// Issue 13: the `◆` marks of a followed actor overwrote the scrollbar's thumb, so following
/// a frequent actor left no thumb at all. Every cell of the thumb shows as thumb, marked or
/// not, at the start and at the end of the article, in colour and without.
#[test]
fn the_scrollbar_thumb_shows_through_the_marks() {
    use briefing::view::theme::Theme;
    for (color, colors) in looks() {
        let theme = Theme::pick(color, colors);
        for (w, h) in SIZES {
            let mut r = reader_in(color, colors, w, h);
            // NATO, the most mentioned actor, followed; then the article's end.
            for keys in ["2 g Enter", "1 G"] {
                r.press(keys);
                let terminal = r.draw();
                let buf = terminal.backend().buffer();
                let area = r.app.geometry().rect(briefing::app::Pane::Article).unwrap();
                let st = r.app.article_state();
                let total = st.layout.total().rows;
                let track = usize::from(area.height - 2);
                assert!(total > track, "the article is scrolled");
                let x = area.right() - 1;
                let mut marks = 0;
                for cell in 0..track {
                    let (first, last) = (cell * total / track, (cell + 1) * total / track);
                    let in_view = last.max(first + 1) > st.top && first < st.top + st.height;
                    let c = &buf[(x, area.y + 1 + cell as u16)];
                    let thumb = match c.symbol() {
                        "█" => {
                            c.style().fg.unwrap_or(Color::Reset)
                                == theme.scroll_thumb.fg.unwrap_or(Color::Reset)
                        }
                        "◆" => {
                            marks += 1;
                            if color {
                                c.style().bg == theme.scroll_thumb.fg
                            } else {
                                c.style().add_modifier.contains(Modifier::REVERSED)
                            }
                        }
                        _ => false,
                    };
                    assert_eq!(
                        thumb,
                        in_view,
                        "{w}x{h} colour {color} {colors:?} after {keys:?}: cell {cell} of the track {:?} \
                         {:?}",
                        c.symbol(),
                        c.style()
                    );
                }
                assert!(marks > 0, "NATO's mentions are marked");
            }
        }
    }
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

/// Issue 13 (item 12): under `NO_COLOR` the mention cursor and a kept search's current match
/// were both drawn reversed. One cursor is drawn: the match the status bar names.
#[test]
fn one_cursor_is_drawn_the_match_or_the_mention() {
    for (color, colors) in looks() {
        let mut r = reader_in(color, colors, 120, 40);
        r.press("1 ]");
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let nato = cells_of(buf, "NATO will")[..4].to_vec();
        let cursor = buf[nato[0]].style();
        assert!(
            cursor.add_modifier.contains(Modifier::REVERSED),
            "{cursor:?}"
        );
        r.press("/").type_text("interview").press("Enter");
        assert!(r.status().contains("match 1/"), "{}", r.status());
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let found = cells_of(buf, "interview with")[..9].to_vec();
        let (mention, found) = (buf[nato[0]].style(), buf[found[0]].style());
        assert_eq!(buf[nato[0]].symbol(), "N", "NATO still on screen");
        assert_ne!(mention, found, "color {color} {colors:?}");
        if !color {
            assert!(found.add_modifier.contains(Modifier::REVERSED), "{found:?}");
        }
        assert!(
            !mention.add_modifier.contains(Modifier::REVERSED),
            "color {color} {colors:?}: {mention:?}"
        );
    }
}

/// Issue 13, item 4: the fact sheet's summary, url, source and publication date were shown
/// nowhere below ~150 columns. `i` shows them in the Details, and the header shortens the
/// title before it drops the date.
#[test]
fn about_shows_what_the_header_has_no_room_for() {
    for (w, h) in [(80, 24), (40, 15)] {
        let mut r = Reader::bundled(w, h);
        let header = r.screen().lines().next().unwrap_or_default().to_owned();
        assert!(header.contains("2024-07-03"), "{w}x{h}: {header}");
        assert!(header.contains("NATO to offer"), "{w}x{h}: {header}");
        r.press("i");
        assert_eq!(r.app.focus(), briefing::app::Pane::Details);
        assert_eq!(
            r.app.details_subject(),
            briefing::app::details::Subject::About
        );
        let lines: Vec<String> = r
            .app
            .details()
            .head
            .iter()
            .map(|l| format!("{} {}", l.label, l.text))
            .collect();
        let all = lines.join("\n");
        for needed in [
            "Source Scraped news page",
            "Published 2024-07-03",
            "Article article.txt · ",
            "Counts 29 actors",
            "A week before NATO's",
        ] {
            assert!(all.contains(needed), "{w}x{h}: {needed:?} in\n{all}");
        }
    }
    let mut r = Reader::bundled(120, 40);
    r.press("i");
    insta::assert_snapshot!("about_120x40", r.screen());
}

/// Issue 13, item 3: at 40×15 the export dialog hid `csv` and `toml`. Every format, every CSV
/// table and the note are on screen at that size.
#[test]
fn the_export_dialog_fits_at_40x15() {
    let mut r = Reader::bundled(40, 15);
    r.press("e");
    let screen = r.screen();
    for word in ["json", "markdown", "csv", "toml", "its article."] {
        assert!(screen.contains(word), "{word} missing:\n{screen}");
    }
    r.press("Tab Tab");
    let screen = r.screen();
    for word in ["actors", "mentions", "events", "facts"] {
        assert!(screen.contains(word), "{word} missing:\n{screen}");
    }
    insta::assert_snapshot!("export_dialog_40x15", screen);
}

/// Issue 13, item 3: a message too long for the status bar was cut at its end, where the
/// information is (`Exported 3.1 KiB to /tmp/ux-export/my-actors.j…`). It is wrapped above the
/// bar, the panes giving up rows while it is shown; with too few rows for it, its path is
/// shortened in the middle, and its end is on screen.
#[test]
fn a_long_message_is_shown_whole_above_the_status_bar() {
    let name = "a-rather-long-file-name-for-the-actors-of-this-briefing.json";
    let mut r = Reader::bundled(80, 24);
    let rows = r
        .app
        .geometry()
        .rect(briefing::app::Pane::Article)
        .unwrap()
        .height;
    r.press("e C-u").type_text(name).press("Enter");
    let path = r.exports.path().join(name).display().to_string();
    let status = r.status();
    assert!(status.contains(&path), "{path} in {status}");
    assert!(status.contains("Exported"), "{status}");
    let g = r.app.geometry();
    assert!(g.status.height > 1, "{g:?}");
    let article = g.rect(briefing::app::Pane::Article).unwrap();
    assert_eq!(article.height + g.status.height - 1, rows);
    // The bar itself still ends with the keys, and the next key gives the rows back.
    assert!(status.ends_with("? help  q quit"), "{status}");
    r.press("j");
    assert_eq!(r.app.geometry().status.height, 1);
    let long = format!("{}.json", "very-long-name-".repeat(14));
    let mut r = Reader::bundled(40, 12);
    r.press("e C-u").type_text(&long).press("Enter");
    let status = r.status();
    assert!(status.starts_with("Exported "), "{status}");
    assert!(status.contains('…'), "{status}");
    // Its end whole (a word wider than the rows is broken across them).
    assert!(
        status.replace(' ', "").contains("very-long-name-.json"),
        "{status}"
    );
}

/// The rows a long message takes from the panes never hide the selected row: the list
/// scrolls for it.
#[test]
fn a_long_message_keeps_the_selection_on_screen() {
    let mut r = Reader::bundled(80, 24);
    r.press("2 g");
    let inner = r.app.geometry().inner(briefing::app::Pane::Actors).unwrap();
    for _ in 1..inner.height {
        r.press("j");
    }
    let selected = r.app.actors_list().selected.unwrap();
    let name = r.actor_name(selected);
    r.press("n");
    assert!(r.app.geometry().status.height > 1, "{}", r.status());
    let screen = r.screen();
    assert!(screen.contains(&name), "{name} hidden:\n{screen}");
}

/// The cells of the row on screen that shows `row` (its first), from where `text` is in it.
fn row_cells(buf: &Buffer, row: &str, text: &str) -> Vec<(u16, u16)> {
    for y in 0..buf.area.height {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let joined = cells.concat();
        if joined.contains(row)
            && let Some(byte) = joined.find(text)
        {
            let x0 = joined[..byte].chars().count() as u16;
            return (x0..x0 + text.chars().count() as u16)
                .map(|x| (x, y))
                .collect();
        }
    }
    panic!("{text:?} is not on the row showing {row:?}");
}

/// Issue 13 ("Smaller"): a list's filter said nothing of why a row was left: now the row shows
/// the matched characters in a style of their own (under `NO_COLOR` too), readable on the
/// selected row, and names the field when it is not the one shown (an alias, a role, a note).
#[test]
fn filtering_says_which_field_matched_and_highlights_it() {
    for (color, colors) in looks() {
        let look = format!("color {color}, {colors:?}");
        let theme = briefing::view::theme::Theme::pick(color, colors);
        let is_match = |s: ratatui::style::Style| {
            s.add_modifier.contains(Modifier::UNDERLINED)
                && (theme.filter_match.bg.is_none() || s.bg == theme.filter_match.bg)
        };
        // An actor's name: the characters typed, not the rest of the name.
        let mut r = reader_in(color, colors, 120, 40);
        r.press("2 /").type_text("JAPA");
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let name = row_cells(buf, "Japan", "Japan");
        assert!(
            name[..4].iter().all(|&c| is_match(buf[c].style())),
            "{look}"
        );
        assert!(!is_match(buf[name[4]].style()), "{look}");
        // An alias: named after the name, the alias's matched characters highlighted, on the
        // selected row too.
        r.press("Esc /").type_text("alliance");
        r.press("Enter");
        let screen = r.screen();
        assert!(
            screen.contains("NATO  alias: the alliance"),
            "{look}\n{screen}"
        );
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let alias = row_cells(buf, "alias: the alliance", "the alliance");
        assert!(!is_match(buf[alias[0]].style()), "{look}");
        for &c in &alias[4..] {
            let s = buf[c].style();
            assert!(is_match(s), "{look}: {s:?}");
            assert!(theme.contrast(s) >= MIN_CONTRAST, "{look}: {s:?}");
        }
        // A role, long: shown from just before what matched.
        r.press("Esc /").type_text("host of");
        assert!(r.screen().contains("role: …"), "{look}\n{}", r.screen());
        r.press("Esc");
        // An event's date and title, and a note, named.
        r.press("3 /").type_text("2024-07-09");
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let date = row_cells(buf, "NATO summit in", "2024-07-09");
        assert!(date.iter().all(|&c| is_match(buf[c].style())), "{look}");
        r.press("Esc /").type_text("televised");
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let title = row_cells(buf, "televised", "televised");
        assert!(title.iter().all(|&c| is_match(buf[c].style())), "{look}");
        r.press("Esc /").type_text("cnn");
        let screen = r.screen();
        assert!(screen.contains("note: …"), "{look}\n{screen}");
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let note = row_cells(buf, "note: ", "CNN");
        assert!(note.iter().all(|&c| is_match(buf[c].style())), "{look}");
        // An event's actor, by name.
        r.press("Esc /").type_text("donald");
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        let actor = row_cells(buf, "actor: Donald Trump", "Donald");
        assert!(actor.iter().all(|&c| is_match(buf[c].style())), "{look}");
        r.press("Esc");
        // No filter, no highlight.
        let terminal = r.draw();
        let buf = terminal.backend().buffer();
        assert!(
            buf.content()
                .iter()
                .all(|c| c.style().bg != theme.filter_match.bg || theme.filter_match.bg.is_none()),
            "{look}"
        );
    }
}

/// Without colour every search match was reversed, the current one only bolder: it could not
/// be told from the rest. The current match alone is reversed; the others are not.
#[test]
fn without_colour_the_current_match_alone_is_reversed() {
    let mut r = reader_in(false, Colors::default(), 120, 40);
    r.press("1 /");
    r.type_text("NATO");
    r.press("Enter n");
    assert!(r.status().contains("match 2/"), "{}", r.status());
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let reversed = |x: u16, y: u16| {
        buf[(x, y)]
            .style()
            .add_modifier
            .contains(Modifier::REVERSED)
    };
    let mut current = 0;
    let mut others = 0;
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        for (byte, _) in row.match_indices("NATO") {
            // The article's column: left of the scrollbar.
            let x = row[..byte].chars().count() as u16;
            if x > 70 || y == 0 {
                continue;
            }
            if reversed(x, y) {
                current += 1;
            } else if buf[(x, y)]
                .style()
                .add_modifier
                .contains(Modifier::UNDERLINED)
            {
                others += 1;
            }
        }
    }
    assert_eq!(current, 1, "one current match");
    assert!(others >= 2, "the others underlined, not reversed: {others}");
}
