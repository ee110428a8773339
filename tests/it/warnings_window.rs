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
