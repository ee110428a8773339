//! The last problems of issue 13 a demanding user found: the history of a kept search, one
//! cursor for `]`/`[` and the search, the lists' selection restored, the warnings window's
//! cursor, what the status bar keeps at 80 columns, and text fitted to the panes.

use crate::harness::Reader;

/// The number of the match the status bar names (`match i/N`).
fn named_match(r: &Reader) -> usize {
    let status = r.status();
    status
        .split("match ")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no match named: {status}"))
}

/// Item 1: `/word` `Enter` and the walk of `n` after it are one jump: `Backspace` returns to
/// where the article was before `/`, and a later Back names the match it returns to.
#[test]
fn backspace_undoes_a_kept_search_and_names_the_match_it_returns_to() {
    let mut r = Reader::bundled(80, 24);
    r.press("1 ] j j");
    let (top, cursor) = (
        r.app.article_state().top_offset(),
        r.app.article_state().cursor,
    );
    r.press("/").type_text("nato").press("Enter");
    let first = named_match(&r);
    r.press("n n");
    assert_eq!(named_match(&r), first + 2);
    r.press("Backspace");
    assert_eq!(r.app.article_state().top_offset(), top, "{}", r.status());
    assert_eq!(r.app.article_state().cursor, cursor);
    assert!(!r.status().contains("match "), "{}", r.status());
    // Forward again, to the third match; a second walk (after a scroll) goes back to it.
    r.press("C-n");
    assert_eq!(named_match(&r), first + 2);
    r.press("j n n");
    assert_eq!(named_match(&r), first + 4);
    r.press("Backspace");
    assert_eq!(named_match(&r), first + 2);
}
