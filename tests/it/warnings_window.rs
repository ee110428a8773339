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
