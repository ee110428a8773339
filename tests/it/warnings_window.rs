//! The warnings window (issue 13): no warnings is said, not shown.

use crate::harness::{ARTICLE, Fixture, Reader, SHEET};

/// A reader over `sheet` and `article` on disk.
fn reader(sheet: &str, article: &str, width: u16, height: u16) -> (Fixture, Reader) {
    let fx = Fixture::new(sheet, article.as_bytes());
    let input = briefing::briefing::Input::Path(fx.sheet());
    let b = briefing::briefing::open(&input).expect("the briefing loads");
    (fx, Reader::new(b, input, width, height))
}

#[test]
fn w_without_warnings_says_so_and_opens_nothing() {
    let (_fx, mut r) = reader(SHEET, ARTICLE, 80, 24);
    assert!(r.app.warnings().is_empty());
    r.press("w");
    assert!(r.app.window().is_none());
    assert!(
        r.status().contains("The fact sheet has no warnings"),
        "{}",
        r.status()
    );
    // From the help window too: it closes, and the status bar says why nothing opened.
    r.press("?");
    assert!(r.app.window().is_some());
    r.press("w");
    assert!(r.app.window().is_none());
    assert!(
        r.status().contains("The fact sheet has no warnings"),
        "{}",
        r.status()
    );
}

#[test]
fn the_window_names_files_from_the_fact_sheets_folder() {
    let sheet = format!("{SHEET}\n[[actors]]\nid = \"x\"\nname = \"Nobody\"\nkind = \"person\"\n");
    let (fx, mut r) = reader(&sheet, ARTICLE, 100, 24);
    assert!(!r.app.warnings().is_empty());
    assert!(
        r.app.warnings()[0]
            .path
            .contains(&fx.dir.path().display().to_string())
    );
    r.press("w");
    let (_, rows) = r.app.window_rows().expect("the warnings window");
    assert!(
        rows[0].text.starts_with("facts.toml:"),
        "{:?}",
        rows[0].text
    );
}

/// The committed briefing with two warnings: actor "china" never mentioned (line 11, in its
/// `[[actors]]` table) and evidence "NATO" found twice (line 19, in the `[[events]]` table).
fn warned() -> Reader {
    let path = std::path::Path::new("tests/it/fixtures/warnings");
    let input = briefing::briefing::Input::from_arg(Some(path)).unwrap();
    let b = briefing::briefing::open(&input).unwrap();
    Reader::new(b, input, 80, 24)
}

#[test]
fn enter_on_a_warning_goes_to_its_actor_or_event() {
    use briefing::app::{Pane, Target};
    // The warning at the top of the window: the actor's.
    let mut r = warned();
    r.press("w Enter");
    assert!(r.app.window().is_none());
    assert_eq!(r.app.followed().target(), Target::Actor(r.actor("china")));
    assert_eq!(r.app.focus(), Pane::Actors);
    // The warning of the match shown: the event's.
    let mut r = warned();
    r.press("w /").type_text("occurs").press("Enter Enter");
    assert!(r.app.window().is_none());
    assert_eq!(r.app.followed().target(), Target::Event(0));
    assert_eq!(r.app.focus(), Pane::Timeline);
    // q only closes.
    let mut r = warned();
    r.press("w q");
    assert!(r.app.window().is_none());
    assert_eq!(r.app.followed().target(), Target::None);
}

/// A warning at `line` of `path`.
fn at(path: &str, line: usize) -> briefing::diagnostic::Diagnostic {
    briefing::diagnostic::Diagnostic {
        severity: briefing::diagnostic::Severity::Warning,
        path: path.to_owned(),
        line,
        column: 1,
        message: "m".to_owned(),
        hint: None,
    }
}

#[test]
fn enter_on_a_warning_about_the_article_moves_it_there_or_says_there_is_nothing() {
    let mut b = briefing::briefing::Briefing::bundled();
    let last = b.article.line_count();
    let sheet = b.sheet_path.clone();
    b.warnings = vec![at(&sheet, 1), at("article.txt", last)];
    let offset = b.article.line_range(last - 1).start;
    let mut r = Reader::new(b, briefing::briefing::Input::Bundled, 80, 24);
    // Line 1 of the fact sheet is its [briefing] table: nothing to go to, and the window stays.
    r.press("w Enter");
    assert!(r.app.window().is_some());
    assert!(r.status().contains("Nothing to go to"), "{}", r.status());
    // The article's last line.
    assert!(!r.app.article_state().shows(offset));
    r.press("/").type_text("article.txt").press("Enter Enter");
    assert!(r.app.window().is_none());
    assert!(r.app.article_state().shows(offset));
}

/// A warning about a fact (its evidence found twice, say) goes to the fact, in the Details among
/// the facts: it said there was nothing to go to.
#[test]
fn enter_on_a_warning_about_a_fact_shows_it_among_the_facts() {
    let mut b = briefing::briefing::Briefing::bundled();
    // A line inside the fourth [[facts]] table.
    let line = (b.sheet_text.lines().enumerate())
        .filter(|(_, l)| l.trim() == "[[facts]]")
        .nth(3)
        .map(|(n, _)| n + 2)
        .expect("four facts");
    let label = b.sheet.facts[3].label.clone();
    b.warnings = vec![at(&b.sheet_path.clone(), line)];
    let mut r = Reader::new(b, briefing::briefing::Input::Bundled, 80, 24);
    r.press("w Enter");
    assert!(r.app.window().is_none(), "{}", r.status());
    assert_eq!(r.app.focus(), briefing::app::Pane::Details);
    let details = r.app.details();
    let cursor = r.app.details_state().cursor;
    let shown = details.line(cursor).expect("the cursor's line");
    // Its first row: the label, wrapped.
    let first = shown.text.trim_end();
    assert!(
        first.len() > 5 && label.starts_with(first),
        "{first:?} for {label:?}"
    );
    assert!(
        r.screen().contains(&label[..label.len().min(20)]),
        "{}",
        r.screen()
    );
    // Back goes where the reader was.
    r.press("Backspace");
    assert_eq!(r.app.focus(), briefing::app::Pane::Article);
}
