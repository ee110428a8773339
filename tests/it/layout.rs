//! Issue 13, nothing a reader came for is cut off: what each size of terminal shows whole.

use briefing::app::{Action, Pane};

use crate::harness::Reader;

/// Whether the current mention's first byte is on a row of the article on screen.
fn cursor_on_screen(r: &Reader) -> bool {
    let st = r.app.article_state();
    let cursor = st.cursor.expect("a current mention");
    let at = r.app.briefing().mentions.all()[cursor].span.start as usize;
    st.shows(at)
}

#[test]
fn a_resize_keeps_the_current_mention_on_screen() {
    let mut r = Reader::bundled(100, 30);
    r.press(&["]"; 16].join(" "));
    assert!(cursor_on_screen(&r), "on screen at 100×30");
    r.act(Action::Resize(80, 24));
    assert!(cursor_on_screen(&r), "still on screen at 80×24");
    // A cursor scrolled away from is left where it is: the resize does not scroll back to it.
    r.press("G");
    assert!(!cursor_on_screen(&r), "scrolled away at 80×24");
    r.act(Action::Resize(100, 30));
    assert!(!cursor_on_screen(&r), "still scrolled away at 100×30");
    assert_eq!(r.app.focus(), Pane::Article);
}

#[test]
fn the_article_keeps_a_readable_measure_on_a_wide_terminal() {
    let r = Reader::bundled(200, 60);
    let g = r.app.geometry();
    let pane = g.rect(Pane::Article).expect("the article on screen");
    let inner = briefing::app::geometry::inner(pane);
    assert!(inner.width > 110, "the pane is wider than the measure");
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let mut longest = 0;
    for y in inner.y..inner.bottom() {
        if let Some(last) =
            (inner.x..inner.right()).rposition(|x| !buf[(x, y)].symbol().trim().is_empty())
        {
            longest = longest.max(last + 1);
        }
    }
    assert!(longest > 80, "rows fill the measure ({longest})");
    assert!(longest <= 100, "rows at most 100 columns, not {longest}");
    // The scrollbar (the right border) stays at the pane's right edge.
    let edge = pane.right() - 1;
    assert!(
        (inner.y..inner.bottom()).all(|y| !buf[(edge, y)].symbol().trim().is_empty()),
        "the right border at column {edge}"
    );
}

/// A reader of the fixture whose events have long titles ("State of the Union, 1790, George
/// Washington").
fn long_titles(width: u16, height: u16) -> Reader {
    let path = std::path::Path::new("tests/it/fixtures/long-titles");
    let input = briefing::briefing::Input::from_arg(Some(path)).expect("the fixture");
    let b = briefing::briefing::open(&input).expect("the fixture loads");
    Reader::new(b, input, width, height)
}

/// The events' titles (the short ones: the long ones wrap even zoomed).
fn short_titles(r: &Reader) -> Vec<String> {
    r.app
        .briefing()
        .sheet
        .events
        .iter()
        .map(|e| e.title.clone())
        .filter(|t| t.chars().count() <= 44)
        .collect()
}

#[test]
fn z_where_one_pane_is_shown_says_so_and_claims_no_zoom() {
    let mut r = long_titles(60, 20);
    r.press("3 z");
    assert!(!r.app.geometry().zoomed);
    assert!(!r.screen().contains("zoomed"), "{}", r.screen());
    assert!(
        r.status().contains("already has the screen"),
        "{}",
        r.status()
    );
}

#[test]
fn z_zooms_the_focused_pane_to_the_whole_screen_and_back() {
    let mut r = long_titles(80, 24);
    let titles = short_titles(&r);
    assert!(titles.len() >= 5, "{titles:?}");
    r.press("3");
    let beside = r.app.geometry().rect(Pane::Timeline).expect("the timeline");
    assert!(beside.width < 80);
    r.press("z");
    let g = r.app.geometry();
    assert_eq!(g.panes.len(), 1, "only the timeline");
    assert_eq!(g.rect(Pane::Timeline).map(|p| p.width), Some(80));
    let screen = r.screen();
    for title in &titles {
        assert!(
            screen.contains(title.as_str()),
            "{title:?} whole in\n{screen}"
        );
    }
    assert!(screen.contains("zoomed"), "the border says so:\n{screen}");
    // The selection moves as before, in the zoomed pane; focusing another pane zooms it.
    r.press("j j");
    assert_eq!(r.app.events_list().selected, Some(2));
    r.press("1");
    assert_eq!(
        r.app.geometry().rect(Pane::Article).map(|p| p.width),
        Some(80)
    );
    r.press("z");
    assert_eq!(
        r.app.geometry(),
        briefing::app::Geometry::new(80, 24, Pane::Article, Pane::Timeline)
    );
    assert_eq!(r.app.article_state().layout.width(), 80 - 32 - 2);
}

/// The text of a pane's bottom border.
fn bottom_border(r: &Reader, pane: Pane) -> String {
    let rect = r.app.geometry().rect(pane).expect("the pane on screen");
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    (rect.x..rect.right())
        .map(|x| buf[(x, rect.bottom() - 1)].symbol().to_owned())
        .collect()
}

#[test]
fn stacked_side_panes_say_what_they_hide_and_the_focused_one_is_tall() {
    let mut r = Reader::bundled(120, 30);
    let events = r.app.briefing().sheet.events.len();
    // The count is of entries: a title may wrap onto several rows.
    let hidden = |border: &str, sign: char| -> usize {
        let at = border
            .find(sign)
            .map_or(border.len(), |i| i + sign.len_utf8());
        let digits: String = border[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().unwrap_or(0)
    };
    let border = bottom_border(&r, Pane::Timeline);
    let below = hidden(&border, '↓');
    assert!(
        below > 0 && below < events && !border.contains('↑'),
        "the hidden events counted: {border}"
    );
    // Down to the last event: the ones above are counted, none below.
    r.press("3 G");
    let body = 30 - 2;
    let tall = r.app.geometry().rect(Pane::Timeline).expect("stacked");
    assert!(
        tall.height * 2 > body,
        "the focused timeline has {} rows",
        tall.height
    );
    let border = bottom_border(&r, Pane::Timeline);
    assert_eq!(hidden(&border, '↓'), 0, "{border}");
    assert_eq!(hidden(&border, '↑'), r.app.events_list().offset, "{border}");
    // The Actors, now short, count what they hide below.
    let actors = r.app.briefing().sheet.actors.len();
    let rect = r.app.geometry().rect(Pane::Actors).expect("stacked");
    let border = bottom_border(&r, Pane::Actors);
    let hidden = actors - usize::from(rect.height - 2);
    assert!(border.contains(&format!(" ↓{hidden} ")), "{border}");
}

/// The text inside a pane, its rows joined by spaces, runs of spaces made one.
fn pane_text(r: &Reader, pane: Pane) -> String {
    let rect = r.app.geometry().inner(pane).expect("the pane on screen");
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let mut rows = Vec::new();
    for y in rect.y..rect.bottom() {
        let row: String = (rect.x..rect.right())
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        rows.push(row);
    }
    rows.join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn titles_quotes_and_facts_wrap_whole_in_the_timeline_and_the_details() {
    for (w, h) in [(80, 24), (120, 30), (200, 60)] {
        let mut r = long_titles(w, h);
        let events = r.app.briefing().sheet.events.clone();
        // The third event's title is long; the selection moves by entry.
        r.press("3 j j");
        assert_eq!(r.app.events_list().selected, Some(2), "{w}x{h}");
        let text = pane_text(&r, Pane::Timeline);
        assert!(!text.contains('…'), "{w}x{h}: a title cut: {text}");
        assert!(text.contains(&events[2].title), "{w}x{h}: {text}");
        // At the end, the last entry is whole on screen.
        r.press("G");
        let text = pane_text(&r, Pane::Timeline);
        assert!(
            text.contains(&events[events.len() - 1].title),
            "{w}x{h}: {text}"
        );
        assert!(
            text.contains(&events[events.len() - 2].title),
            "{w}x{h}: {text}"
        );
        // The Details: the title and the evidence's quote whole.
        r.press("g j j 4");
        let text = pane_text(&r, Pane::Details);
        assert!(!text.contains('…'), "{w}x{h}: details cut: {text}");
        assert!(text.contains(&events[2].title), "{w}x{h}: {text}");
        assert!(
            text.contains("“In 1801, Thomas Jefferson delivered"),
            "{w}x{h}: {text}"
        );
        assert!(
            text.contains("newspapers of the whole country the following week”"),
            "{text}"
        );
        // The facts, label first.
        r.press("f");
        let text = pane_text(&r, Pane::Details);
        assert!(
            text.contains(
                "Annual messages delivered in writing rather than in person, from Jefferson to \
                 Taft, as the custom of the time had it: 112 years"
            ),
            "{w}x{h}: {text}"
        );
    }
}

/// Issue 13 (item 16): the Timeline's axis said `Jan … Dec` for the State of the Union from
/// 1790 to 1934, dropping the years. Wherever it is drawn, beside the article, zoomed, as a
/// ruler in a narrow pane, it names the years.
#[test]
fn the_timeline_axis_names_the_years() {
    for (w, h, keys) in [
        (80, 24, "3"),
        (80, 24, "3 z"),
        (120, 40, "3"),
        (60, 20, "3"),
        (40, 12, "3"),
    ] {
        let mut r = long_titles(w, h);
        r.press(keys);
        let pane = r
            .app
            .geometry()
            .inner(Pane::Timeline)
            .expect("the timeline");
        let screen = r.screen();
        let axis: String = screen
            .lines()
            .nth(usize::from(pane.y))
            .unwrap_or_default()
            .chars()
            .skip(usize::from(pane.x))
            .take(usize::from(pane.width))
            .collect();
        assert!(
            axis.contains("1790") && axis.contains("1934"),
            "{w}x{h} after {keys:?}: {axis:?}\n{screen}"
        );
        // No month without its year.
        let words: Vec<&str> = axis.split_whitespace().collect();
        for (i, word) in words.iter().enumerate() {
            if word.len() == 3 && word.chars().all(char::is_alphabetic) {
                let year = words.get(i + 1).copied().unwrap_or_default();
                assert!(
                    year.parse::<u16>().is_ok(),
                    "{word} without a year: {axis:?}"
                );
            }
        }
    }
}

/// Issue 13 (item 16): an event of 1949 beside others of 2024 squeezed them into one cell of
/// the axis; a month's date was drawn as a bar. The axis breaks (`1949 ⋯ 2024`), the others
/// keep cells of their own, and a single date is one mark.
#[test]
fn the_timeline_breaks_between_an_event_far_from_the_rest() {
    let mut sheet = crate::harness::SHEET.to_owned();
    for (n, date) in [
        "1949-04-04",
        "2024-04",
        "2024-07-09",
        "2024-11-05",
        "2025-01-20",
    ]
    .iter()
    .enumerate()
    {
        std::fmt::Write::write_fmt(
            &mut sheet,
            format_args!("\n[[events]]\nid = \"e{n}\"\ndate = \"{date}\"\ntitle = \"Event {n}\"\n"),
        )
        .unwrap();
    }
    let f = crate::harness::Fixture::new(&sheet, crate::harness::ARTICLE.as_bytes());
    let input = briefing::briefing::Input::from_arg(Some(&f.sheet())).expect("the fixture");
    let b = briefing::briefing::open(&input).expect("the fixture loads");
    let mut r = Reader::new(b, input, 80, 24);
    r.press("3 z");
    let screen = r.screen();
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines[2].contains("1949 ⋯ 2024"), "{screen}");
    let tracks: Vec<String> = lines
        .iter()
        .filter(|l| l.contains("Event"))
        .map(|l| l.chars().filter(|c| "●━·⋯".contains(*c)).collect())
        .collect();
    assert_eq!(tracks.len(), 5, "{screen}");
    let marks: std::collections::HashSet<usize> = tracks
        .iter()
        .map(|t| {
            assert_eq!(t.matches('●').count(), 1, "{t}");
            assert!(!t.contains('━'), "a single date is no bar: {t}");
            t.chars().position(|c| c == '●').unwrap()
        })
        .collect();
    assert_eq!(
        marks.len(),
        5,
        "each event has a cell of its own:\n{screen}"
    );
}

/// At 120×30 the Details start small (the Actors focused), and its first link lay below its
/// few rows: the pane scrolled to it, and kept the actor's name scrolled off once focused and
/// tall. The details show from their top; the cursor takes the first link once it is on
/// screen, and `j` moves from there.
#[test]
fn the_details_open_at_their_top_however_small_they_start() {
    let mut r = Reader::bundled(120, 30);
    r.press("2 4");
    let screen = r.screen();
    let details = r.app.geometry().rect(Pane::Details).expect("the details");
    let first_row: String = screen
        .lines()
        .nth(usize::from(details.y) + 1)
        .unwrap_or_default()
        .chars()
        .skip(usize::from(details.x))
        .collect();
    assert!(first_row.contains("NATO"), "{first_row:?}\n{screen}");
    let before = r.app.details_state().cursor;
    r.press("j");
    assert_ne!(r.app.details_state().cursor, before, "j moves the cursor");
}

/// The percentage in the article's bottom border, e.g. `37%`.
fn percent_shown(r: &Reader) -> String {
    let screen = r.screen();
    let border = screen
        .lines()
        .find(|l| l.contains('┗') || l.contains('└'))
        .expect("the article's bottom border");
    border
        .split(|c: char| c.is_whitespace() || "━─┗┛└┘".contains(c))
        .find(|t| t.ends_with('%'))
        .unwrap_or_default()
        .to_owned()
}

/// Issue 16: a long article's rows are counted a block at a time after its first frame. Its
/// percentage (and scrollbar) go by bytes, as less's does, so counting the rest never moves
/// them: only reading does.
#[test]
fn a_long_articles_percentage_goes_by_bytes_and_counting_rows_never_moves_it() {
    // Short lines and long paragraphs, so that rows and bytes are shared out unevenly.
    let mut article = String::new();
    for n in 0..400 {
        let lines = format!("Line {n}.\nLine {n} again.\n\n");
        article += &lines;
        article.push_str(&"The alliance met and NATO agreed again. ".repeat(40));
        article.push_str("\n\n");
    }
    assert!(article.len() > briefing::wrap::SMALL);
    let f = crate::harness::Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    for _ in 0..300 {
        r.act(Action::PageDown);
    }
    assert!(
        !r.app.article_state().layout.total().exact,
        "rows still to count"
    );
    let shown = percent_shown(&r);
    let rows = r.app.article_state().screen_rows();
    let bottom = rows.last().map_or(0, |row| row.span.end as usize);
    assert_eq!(shown, format!("{}%", bottom * 100 / article.len()));
    while r.app.needs_settle() {
        r.act(Action::Settle);
        assert_eq!(
            percent_shown(&r),
            shown,
            "counting rows moved the percentage"
        );
    }
    assert!(r.app.article_state().layout.total().exact);
    r.press("G");
    assert_eq!(percent_shown(&r), "100%");
}
