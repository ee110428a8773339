//! Issue 14, what curating in the reader stands on: the unclaimed names (`u`), an actor's
//! spellings with their counts in the Details, the article's selection (`v`, a mouse drag)
//! and [`briefing::app::App::picked`], which the add and evidence dialogs act on.

use std::path::Path;

use briefing::app::{Action, Cursor, Effect, Picked};
use briefing::briefing::{Input, open};
use ratatui::style::{Color, Modifier};

use crate::harness::{Fixture, Reader};

/// The bundled sample without its "NATO Liaison Office" actor: the one name the article then
/// writes that no actor claims (`briefing suggest` lists it).
fn without_liaison_office() -> Fixture {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let sheet = std::fs::read_to_string(assets.join("facts.toml")).unwrap();
    let from = sheet
        .find("[[actors]]\nid = \"nato-liaison-office\"")
        .unwrap();
    let to = sheet.find("[[actors]]\nid = \"nsatu\"").unwrap();
    let sheet = format!("{}{}", &sheet[..from], &sheet[to..]);
    Fixture::new(&sheet, &std::fs::read(assets.join("article.txt")).unwrap())
}

/// The text of the article at `r`.
fn text(r: &Reader, range: std::ops::Range<usize>) -> String {
    r.app.briefing().article.text()[range].to_owned()
}

/// What the cursor stands on after each `]`, once round the text: (start, is unclaimed).
fn stops(r: &mut Reader) -> Vec<(usize, bool)> {
    let mut out: Vec<(usize, bool)> = Vec::new();
    for _ in 0..200 {
        r.press("]");
        let stop = match r.app.picked() {
            Some(Picked::Mention { span, .. }) => (span.start, false),
            Some(Picked::Unclaimed(range)) => (range.start, true),
            other => panic!("] stopped at {other:?}"),
        };
        if out.first() == Some(&stop) {
            break;
        }
        out.push(stop);
    }
    out
}

/// The article's cell where "Liaison" of "NATO Liaison Office" starts.
fn liaison_cell(r: &Reader) -> ratatui::buffer::Cell {
    let term = r.draw();
    let screen = r.screen();
    let (y, line) = screen
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("NATO Liaison") && l.starts_with('┃'))
        .expect("the name in the article");
    let x = line[..line.find("Liaison").expect("Liaison")]
        .chars()
        .count();
    term.backend().buffer()[(x as u16, y as u16)].clone()
}

#[test]
fn u_underlines_and_counts_the_unclaimed_names_and_brackets_stop_at_them() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 120, 40);
    let without = stops(&mut r);
    assert!(without.iter().all(|s| !s.1), "no unclaimed stop before u");
    r.press("1 u");
    assert!(r.status().contains("1 unclaimed name"), "{}", r.status());
    let shown = r.app.unclaimed().expect("shown");
    assert_eq!(shown.places().len(), 1);
    let place = shown.places()[0].range.clone();
    assert_eq!(text(&r, place.clone()), "NATO Liaison Office");

    // ] stops at it as well as at every mention, in the order of the text: after the NATO
    // mention it starts with.
    let with = stops(&mut r);
    assert_eq!(with.len(), without.len() + 1);
    let at = with.iter().position(|&s| s == (place.start, true)).unwrap();
    assert_eq!(with[at - 1], (place.start, false), "NATO comes first");
    let mut sorted = with.clone();
    sorted.sort_unstable();
    let first = with.iter().position(|s| *s == sorted[0]).unwrap();
    let round: Vec<_> = with[first..]
        .iter()
        .chain(&with[..first])
        .copied()
        .collect();
    assert_eq!(round, sorted, "in the order of the text");

    // The cursor on it: the status bar names it, with the key that adds it; [ goes back.
    while r.app.picked() != Some(Picked::Unclaimed(place.clone())) {
        r.press("]");
    }
    assert!(matches!(r.app.cursor(), Some(Cursor::Unclaimed(0))));
    assert!(
        r.status()
            .contains("unclaimed name \"NATO Liaison Office\" · a adds it"),
        "{}",
        r.status()
    );
    // Drawn underlined in its own colour, and as the cursor.
    let cell = liaison_cell(&r);
    assert_eq!(cell.fg, Color::Indexed(217));
    assert!(cell.modifier.contains(Modifier::UNDERLINED));
    assert!(cell.modifier.contains(Modifier::REVERSED), "the cursor");
    // A smaller terminal keeps it on screen and under the cursor.
    r.act(Action::Resize(80, 24));
    assert!(r.app.article_state().shows(place.start));
    assert_eq!(r.app.picked(), Some(Picked::Unclaimed(place.clone())));
    r.act(Action::Resize(120, 40));
    r.press("[");
    assert_eq!(
        r.app.picked(),
        Some(Picked::Mention {
            index: r.app.briefing().mentions.at(place.start).unwrap(),
            span: place.start..place.start + 4,
        })
    );
    // Enter on it says no actor claims it; u again hides them and takes the cursor off.
    r.press("]");
    r.press("Enter");
    assert!(r.status().contains("No actor claims"), "{}", r.status());
    r.press("u");
    assert!(r.app.unclaimed().is_none());
    assert!(!r.status().contains("unclaimed name"), "{}", r.status());
    assert!(!matches!(r.app.cursor(), Some(Cursor::Unclaimed(_))));
}

#[test]
fn the_bundled_sample_leaves_no_name_unclaimed() {
    let mut r = Reader::bundled(120, 40);
    r.press("u");
    assert!(r.status().contains("No unclaimed names"), "{}", r.status());
    r.press("j");
    assert!(r.status().contains("0 unclaimed names"), "{}", r.status());
}

/// A selection and a search's match are named first in the status bar; that the unclaimed
/// names are shown is still said after them (`u` during a selection said nothing once its
/// message was gone).
#[test]
fn the_status_bar_says_unclaimed_names_are_shown_beside_a_selection_and_a_match() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 160, 40);
    r.press("v l u l");
    assert!(r.status().contains("selected: "), "{}", r.status());
    assert!(r.status().contains(" · 1 unclaimed name"), "{}", r.status());
    r.press("Esc / s u m m i t Enter");
    assert!(r.status().contains("match "), "{}", r.status());
    assert!(r.status().contains(" · 1 unclaimed name"), "{}", r.status());
}

#[test]
fn unclaimed_names_are_dim_and_underlined_without_colour() {
    let fixture = without_liaison_office();
    let input = Input::from_arg(Some(fixture.dir.path())).unwrap();
    let loaded = open(&input).unwrap();
    let mut r = Reader {
        app: briefing::app::App::new(loaded, input, false),
        effects: Vec::new(),
        exports: tempfile::tempdir().unwrap(),
    };
    r.act(Action::Resize(120, 40));
    r.press("u");
    let cell = liaison_cell(&r);
    assert_eq!(cell.modifier, Modifier::UNDERLINED | Modifier::DIM);
    assert_eq!(cell.fg, Color::Reset);
}

#[test]
fn a_reload_finds_the_unclaimed_names_again() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 120, 40);
    r.press("u");
    assert_eq!(
        r.app.unclaimed().map(briefing::app::Unclaimed::count),
        Some(1)
    );
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    std::fs::copy(assets.join("facts.toml"), f.sheet()).unwrap();
    r.press("r");
    assert_eq!(
        r.app.unclaimed().map(briefing::app::Unclaimed::count),
        Some(0)
    );
}

#[test]
fn a_long_article_says_it_is_finding_the_unclaimed_names() {
    let paragraph = "The Liaison Bureau met Jane Fowler in Paris on Monday. ";
    let article = paragraph.repeat(300 * 1024 / paragraph.len());
    let f = Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 120, 40);
    r.act(Action::ToggleUnclaimed);
    assert!(r.app.needs_settle(), "found once the frame is drawn");
    assert!(
        r.status().contains("finding unclaimed names…"),
        "{}",
        r.status()
    );
    r.settle();
    let n = r
        .app
        .unclaimed()
        .map(briefing::app::Unclaimed::count)
        .unwrap();
    assert!(n > 0);
    assert!(r.status().contains("unclaimed name"), "{}", r.status());
}

/// A long article's unclaimed names are found on another thread, started by the settle after
/// `u`: `u` again stops the finding and hides them, and `u` once more finds them anew.
#[test]
fn u_again_while_a_long_articles_unclaimed_names_are_found_hides_them() {
    let paragraph = "The Liaison Bureau met Jane Fowler in Paris on Monday.\n";
    let article = paragraph.repeat(300 * 1024 / paragraph.len());
    let f = Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 120, 40);
    r.act(Action::ToggleUnclaimed).act(Action::Settle);
    r.act(Action::ToggleUnclaimed);
    assert!(r.app.unclaimed().is_none() && !r.app.needs_settle());
    assert!(
        r.status().contains("Unclaimed names hidden"),
        "{}",
        r.status()
    );
    r.act(Action::ToggleUnclaimed);
    r.settle();
    let u = r.app.unclaimed().expect("shown");
    assert!(!u.pending && u.count() > 0);
    assert!(r.status().contains("unclaimed name"), "{}", r.status());
}

#[test]
fn the_details_list_each_spelling_with_its_mentions_and_mark_one_never_found() {
    let sheet = crate::harness::SHEET.replace(
        "aliases = [\"the alliance\"]",
        "aliases = [\"the alliance\", \"the bloc\"]",
    );
    let f = Fixture::new(
        &sheet,
        b"NATO met. The alliance agreed. NATO (the alliance) left.\n",
    );
    let mut r = Reader::of(&f, 120, 40);
    r.press("2 Enter 4");
    let counts = briefing::app::details::spelling_counts(r.app.briefing(), 0);
    assert_eq!(
        counts,
        [
            ("NATO".to_owned(), 2),
            ("the alliance".to_owned(), 2),
            ("the bloc".to_owned(), 0)
        ]
    );
    let screen = r.screen();
    assert!(screen.contains("the bloc · 0 — never found in the text"));
    insta::assert_snapshot!("details_spellings_120x40", screen);
    // Drawn in a style of its own, without colour too.
    let d = r.app.details();
    let line = d
        .head
        .iter()
        .find(|l| l.text.contains("never found"))
        .unwrap();
    assert_eq!(line.tone, briefing::app::details::Tone::Missing);
}

/// The bundled reader with its cursor on the mention written `text`.
fn cursor_on(text_of: &str) -> Reader {
    let mut r = Reader::bundled(120, 40);
    r.press("1");
    for _ in 0..100 {
        r.press("]");
        if let Some(Picked::Mention { span, .. }) = r.app.picked()
            && text(&r, span) == text_of
        {
            return r;
        }
    }
    panic!("no mention {text_of:?}");
}

fn selected(r: &Reader) -> String {
    match r.app.picked() {
        Some(Picked::Selection(range)) => text(r, range),
        other => panic!("no selection: {other:?}"),
    }
}

#[test]
fn v_and_motions_select_whole_words() {
    let mut r = cursor_on("Voice of America");
    r.press("v");
    assert_eq!(selected(&r), "Voice of America");
    assert!(
        r.status()
            .contains("selected: \"Voice of America\" · 3 words"),
        "{}",
        r.status()
    );
    r.press("w w");
    assert_eq!(selected(&r), "Voice of America, Douglas Jones");
    r.press("b");
    assert_eq!(selected(&r), "Voice of America, Douglas");
    // o swaps the ends: b then moves the other end back a word.
    r.press("o b");
    assert_eq!(selected(&r), "with Voice of America, Douglas");
    r.press("o");
    // $ and 0: to the row's last and first word; j a row down, whole words.
    r.press("$");
    let s = selected(&r);
    assert!(s.starts_with("with Voice") && s.len() > 30, "{s}");
    r.press("j");
    let t = selected(&r);
    assert!(t.len() > s.len(), "{t}");
    let text_all = r.app.briefing().article.text();
    let Some(Picked::Selection(range)) = r.app.picked() else {
        panic!()
    };
    let word = |c: char| c.is_alphanumeric();
    assert!(!text_all[..range.start].ends_with(word), "starts at a word");
    assert!(!text_all[range.end..].starts_with(word), "ends at a word");
    // y copies the words; Esc drops the selection and the cursor's mention is picked again.
    r.press("y");
    assert_eq!(r.effects.last(), Some(&Effect::Copy(t.replace('\n', " "))));
    r.press("Esc");
    assert!(r.app.selection().is_none());
    assert!(matches!(r.app.picked(), Some(Picked::Mention { .. })));
    assert!(r.app.key_contexts()[0] != briefing::app::keys::Context::Selection);
}

#[test]
fn without_a_cursor_v_selects_the_first_word_on_screen_and_picked_is_none_before() {
    let mut r = Reader::bundled(120, 40);
    r.press("1");
    assert_eq!(r.app.picked(), None);
    r.press("v");
    assert_eq!(selected(&r), "Next");
    r.press("l l");
    assert_eq!(selected(&r), "Next week, NATO");
    r.app.drop_selection();
    assert_eq!(r.app.picked(), None);
    // While a search has a query, the mention in its current match is picked.
    r.press("/");
    r.type_text("Jones");
    r.press("Enter");
    let Some(Picked::Mention { span, .. }) = r.app.picked() else {
        panic!("{:?}", r.app.picked())
    };
    assert_eq!(text(&r, span), "Douglas Jones");
}

#[test]
fn the_article_scrolls_to_keep_the_moving_end_on_screen() {
    let article = (1..=100)
        .map(|n| format!("Line {n} of NATO."))
        .collect::<Vec<_>>()
        .join("\n");
    let f = Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("1 v");
    for _ in 0..60 {
        r.press("j");
    }
    let head = r.app.selection().unwrap().head.clone();
    assert_eq!(text(&r, head.clone()), "Line");
    assert!(selected(&r).ends_with("Line 60 of NATO.\nLine"));
    assert!(r.app.article_state().top > 0);
    assert!(r.app.article_state().shows(head.start));
    r.press("k");
    assert!(selected(&r).ends_with("Line 59 of NATO.\nLine"));
}

#[test]
fn a_selection_stops_before_an_omitted_line() {
    let mut r = cursor_on("United Arab Emirates");
    r.press("v");
    for _ in 0..20 {
        r.press("w");
    }
    let s = selected(&r);
    assert!(s.ends_with("invited to the summit"), "{s}");
    assert!(r.status().contains("stops before an omitted line"));
    // A row down cannot take it in either, omitted lines shown or not.
    r.press("o o j");
    assert_eq!(selected(&r), s);
    r.press("Esc o v");
    for _ in 0..20 {
        r.press("w");
    }
    assert!(!selected(&r).contains("Advertisement"));
}

#[test]
fn a_drag_selects_and_a_click_drops_the_selection() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 120, 40);
    r.press("1");
    let find = |r: &Reader, word: &str| {
        let screen = r.screen();
        let (y, line) = screen
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(word))
            .unwrap();
        let x = line[..line.find(word).unwrap()].chars().count();
        (x as u16 + 1, y as u16)
    };
    let (x0, y0) = find(&r, "Washington, a");
    let (x1, y1) = find(&r, "announced.");
    r.act(Action::Click(x0, y0, 1));
    r.act(Action::Drag(x1 + 3, y1));
    r.act(Action::Release);
    assert_eq!(
        selected(&r),
        "Washington, a senior US State Department official announced"
    );
    // A click on an unclaimed name shown puts the cursor on it.
    r.press("u");
    let (xu, yu) = find(&r, "Liaison");
    r.act(Action::Click(xu, yu, 1500));
    assert!(matches!(r.app.picked(), Some(Picked::Unclaimed(_))));
    r.press("u");
    // A plain click keeps its meaning and drops the selection.
    r.act(Action::Click(x0, y0, 2000));
    assert!(r.app.selection().is_none());
    // A drag after a press outside the article's text selects nothing.
    r.act(Action::Click(0, 0, 3000));
    r.act(Action::Drag(x1, y1));
    assert!(r.app.selection().is_none());
    // A drag over an omitted line is held at the last word before the line.
    let (x2, y2) = find(&r, "invited to the summit");
    r.act(Action::Click(x2, y2, 5000));
    r.act(Action::Drag(x2 + 9, y2));
    assert_eq!(selected(&r), "invited to the");
    let below = find(&r, "Additionally, it will mark");
    assert!(below.1 > y2, "the next paragraph is below");
    r.act(Action::Drag(below.0 + 3, below.1));
    assert_eq!(selected(&r), "invited to the summit");
    assert!(
        r.status().contains("stops before an omitted line"),
        "{}",
        r.status()
    );
    r.act(Action::Release);
    // And from below, upwards over it: held at the first word after the line.
    r.act(Action::Click(below.0 + 24, below.1, 7000));
    r.act(Action::Drag(x2, y2));
    assert_eq!(selected(&r), "Additionally, it will mark");
}

/// A reload keeps the words selected: where they were when the article is the same, where they
/// now stand when lines came before them; gone with them, or when a line they take in is
/// omitted now.
#[test]
fn a_reload_keeps_the_selection_by_its_words() {
    let article = "Ångström said NATO met in Washington.\nThe summit ended.\n";
    let f = Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("1 v l l");
    assert_eq!(selected(&r), "Ångström said NATO");
    // The sheet alone changed: the same place.
    let sheet = std::fs::read_to_string(f.sheet()).unwrap();
    std::fs::write(f.sheet(), format!("{sheet}\n# a comment\n")).unwrap();
    r.press("r");
    assert_eq!(selected(&r), "Ångström said NATO");
    // Lines above: the same words, further on; the moving end is still the one that moves.
    std::fs::write(
        f.path("article.txt"),
        format!("A first line.\nAnother.\n{article}"),
    )
    .unwrap();
    r.press("r");
    assert_eq!(selected(&r), "Ångström said NATO");
    r.press("l");
    assert_eq!(selected(&r), "Ångström said NATO met");
    // The same letters inside another word come first: the words themselves are found.
    let fake = "A first line.\nAnother.\nXÅngström said NATO met.\n";
    std::fs::write(f.path("article.txt"), format!("{fake}{article}")).unwrap();
    r.press("r");
    assert_eq!(selected(&r), "Ångström said NATO met");
    let at = r.app.selection().unwrap().range().start;
    assert_eq!(at, fake.len(), "the words themselves, not inside XÅngström");
    // The words changed: no selection, and nothing else selected in its place.
    std::fs::write(f.path("article.txt"), "Ångström said NATO's chief met.\n").unwrap();
    r.press("r");
    assert_eq!(r.app.selection(), None, "NATO's is another word");
    let _ = r.screen();
}

/// A selection whose lines a reload now omits goes: a selection never takes one in.
#[test]
fn a_reload_that_omits_a_selected_line_drops_the_selection() {
    let article = "NATO met.\nAdvertisement\nThe summit ended.\n";
    let f = Fixture::new(crate::harness::SHEET, article.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("1 v j");
    assert_eq!(selected(&r), "NATO met.\nAdvertisement");
    let sheet = std::fs::read_to_string(f.sheet()).unwrap();
    let omitted = sheet.replacen(
        "[briefing]\n",
        "[briefing]\nomit = [\"Advertisement\"]\n",
        1,
    );
    assert_ne!(omitted, sheet);
    std::fs::write(f.sheet(), omitted).unwrap();
    r.press("r");
    assert!(r.app.briefing().article.omitted().len() == 1);
    assert_eq!(r.app.selection(), None);
}
