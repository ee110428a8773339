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
