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

/// Item 2: during a kept search, `]` leaves the match for the next mention from it, which the
/// status bar then names (and `Enter` follows); `n` goes back to the matches after it.
#[test]
fn brackets_in_a_kept_search_move_the_cursor_the_status_bar_names() {
    use briefing::app::Cursor;
    let mut r = Reader::bundled(80, 24);
    r.press("/").type_text("alliance").press("Enter");
    let Some(Cursor::Match(c)) = r.app.cursor() else {
        panic!("the match is the cursor: {}", r.status());
    };
    let at = r.app.search().matches[c].range().start;
    r.press("]");
    let Some(Cursor::Mention(m)) = r.app.cursor() else {
        panic!("] puts the cursor on a mention: {}", r.status());
    };
    let b = r.app.briefing();
    let mention = &b.mentions.all()[m];
    assert!(
        mention.span.start as usize >= at,
        "the mention is from the match on"
    );
    let first_after = b
        .mentions
        .all()
        .iter()
        .position(|x| x.span.start as usize >= at)
        .unwrap();
    assert_eq!(m, first_after);
    let name = r.actor_name(mention.actor as usize);
    assert!(r.status().contains(&format!("· {name}")), "{}", r.status());
    assert!(!r.status().contains("match"), "{}", r.status());
    r.press("] [");
    assert_eq!(r.app.cursor(), Some(Cursor::Mention(m)));
    // n: the next match after the mention, named again.
    r.press("n");
    assert!(matches!(r.app.cursor(), Some(Cursor::Match(_))));
    assert!(r.status().contains("match "), "{}", r.status());
}

/// Item 3: Back restores what was followed and selects its row again, in the Timeline and in
/// the Actors.
#[test]
fn back_selects_the_row_of_what_it_follows_again() {
    use briefing::app::Target;
    let mut r = Reader::bundled(80, 24);
    r.press("3 j Enter");
    let first = r.app.events_list().selected.unwrap();
    assert_eq!(r.app.followed().target(), Target::Event(first));
    r.press("j j Enter Backspace");
    assert_eq!(r.app.followed().target(), Target::Event(first));
    assert_eq!(r.app.events_list().selected, Some(first), "{}", r.status());
    // Forward again: the second event, and its row.
    r.press("C-n");
    let second = r.app.events_list().selected.unwrap();
    assert_ne!(second, first);
    assert_eq!(r.app.followed().target(), Target::Event(second));

    let mut r = Reader::bundled(80, 24);
    r.press("2 g Enter");
    let first = r.app.actors_list().selected.unwrap();
    r.press("j j j Enter Backspace");
    assert_eq!(r.app.followed().target(), Target::Actor(first));
    assert_eq!(r.app.actors_list().selected, Some(first), "{}", r.status());
}
