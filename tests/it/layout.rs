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
