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

/// The committed briefing with two warnings: actor "china" never mentioned, then evidence
/// "NATO" found twice (in the `[[events]]` table), which wraps onto three rows at 80 columns.
fn warned() -> Reader {
    let path = std::path::Path::new("tests/it/fixtures/warnings");
    let input = briefing::briefing::Input::from_arg(Some(path)).unwrap();
    let b = briefing::briefing::open(&input).unwrap();
    Reader::new(b, input, 80, 24)
}

/// Item 4: the warnings window has a cursor, drawn as a list's selected row over all the rows
/// of one warning; `j`/`k` move it a warning at a time, `Enter` goes to the warning under it, a
/// click puts it there and a double click goes; `n` moves it to the match's warning.
#[test]
fn the_warnings_window_has_a_cursor_that_j_k_a_click_and_n_move() {
    use briefing::app::{Action, Target};
    let mut r = warned();
    r.press("w");
    let window = |r: &Reader| r.app.window().expect("the window").clone();
    assert_eq!(window(&r).warning_chosen(), Some(0));
    r.press("j");
    assert_eq!(window(&r).warning_chosen(), Some(1));
    let rows = window(&r).cursor_rows().unwrap();
    assert!(rows.len() > 1, "the second warning wraps: {rows:?}");
    // Every row of it is drawn as the selected row, the whole width of the window.
    let rect = r.app.window_rect();
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let row_bg = briefing::view::theme::DARK.row.bg;
    for n in 0..window(&r).rows().len() {
        let y = rect.y + 1 + u16::try_from(n).unwrap();
        let marked = (rect.x + 1..rect.right() - 1).all(|x| buf[(x, y)].bg == row_bg.unwrap());
        assert_eq!(marked, rows.contains(&n), "row {n}");
    }
    r.press("j");
    assert_eq!(window(&r).warning_chosen(), Some(1), "j stops at the last");
    r.press("k");
    assert_eq!(window(&r).warning_chosen(), Some(0));
    r.press("j Enter");
    assert!(r.app.window().is_none());
    assert_eq!(r.app.followed().target(), Target::Event(0));

    // A click on the second warning's last row puts the cursor there; a double click goes.
    let mut r = warned();
    r.press("w");
    let rows = window(&r).rows().len();
    let y = rect.y + u16::try_from(rows).unwrap();
    r.act(Action::Click(rect.x + 3, y, 1000));
    assert_eq!(window(&r).warning_chosen(), Some(1));
    r.act(Action::Click(rect.x + 3, rect.y + 1, 3000));
    assert_eq!(window(&r).warning_chosen(), Some(0));
    r.act(Action::Click(rect.x + 3, rect.y + 1, 3100));
    assert!(r.app.window().is_none());
    assert_eq!(r.app.followed().target(), Target::Actor(r.actor("china")));
    // A click outside the window closes it.
    let mut r = warned();
    r.press("w");
    r.act(Action::Click(0, 0, 1000));
    assert!(r.app.window().is_none());

    // The search: n moves the cursor to the match's warning.
    let mut r = warned();
    r.press("w /").type_text("warning").press("Enter");
    assert_eq!(window(&r).warning_chosen(), Some(0));
    r.press("n");
    assert_eq!(window(&r).warning_chosen(), Some(1));
    r.press("N");
    assert_eq!(window(&r).warning_chosen(), Some(0));
}

/// The status bar's own row, the last of the screen.
fn bar(r: &Reader) -> String {
    r.screen()
        .lines()
        .last()
        .unwrap_or_default()
        .trim_end()
        .to_owned()
}

/// Item 5: a message in the status bar leaves `? help` and `q quit` beside it at 80 columns;
/// one that does not fit beside them is wrapped above the bar.
#[test]
fn a_message_leaves_help_and_quit_on_the_status_row() {
    for (w, h) in [(80, 24), (120, 30), (60, 20)] {
        for keys in ["o", "2 s", "M", "Backspace", "x"] {
            let mut r = Reader::bundled(w, h);
            r.press(keys);
            assert!(r.app.message().is_some(), "{keys}: a message");
            let bar = bar(&r);
            assert!(bar.ends_with("? help  q quit"), "{w}x{h} {keys}: {bar}");
        }
    }
    // A short message stays in the bar, beside them.
    let mut r = Reader::bundled(80, 24);
    r.press("2 s");
    assert!(bar(&r).contains("Actors sorted by name"), "{}", bar(&r));
}

/// The text of `pane` on screen, a line a row.
fn pane_rows(r: &Reader, pane: briefing::app::Pane) -> Vec<String> {
    let inner = r.app.geometry().inner(pane).expect("the pane is shown");
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    (inner.y..inner.bottom())
        .map(|y| {
            (inner.x..inner.right())
                .map(|x| buf[(x, y)].symbol())
                .collect()
        })
        .collect()
}

/// Item 6: a mention line of the Details has about as much context in a narrow pane (80
/// columns: 32) as in a wide one: it takes more rows, the mention within them.
#[test]
fn details_mention_lines_give_the_context_the_room_of_several_rows() {
    use briefing::app::Pane;
    for (w, h) in [(80, 24), (120, 30), (60, 20)] {
        let mut r = Reader::bundled(w, h);
        r.press("2 g Enter 4 G");
        let rows = pane_rows(&r, Pane::Details);
        let mut entries: Vec<String> = Vec::new();
        for row in rows {
            if row.starts_with("→ L") {
                entries.push(row.trim_end().to_owned());
            } else if let Some(last) = entries.last_mut()
                && row.starts_with("      ")
            {
                last.push(' ');
                last.push_str(row.trim());
            }
        }
        assert!(entries.len() >= 2, "{w}x{h}: {entries:?}");
        // A context cut at its end (not at its paragraph's) fills the rows.
        for e in &entries {
            let context = e.chars().count() - 6;
            if e.ends_with('…') {
                assert!(context >= 55, "{w}x{h}: {context} columns of context: {e}");
            }
            assert!(e.contains("NATO") || e.contains("alliance"), "{w}x{h}: {e}");
        }
        assert!(entries.iter().any(|e| e.ends_with('…')), "{entries:?}");
    }
}

/// Item 7: the row naming the field a list's filter matched keeps the match whole at 80
/// columns: the text is cut around it, the name giving way down to 8 columns, then the
/// field's name (`role: `).
#[test]
fn a_filters_field_row_keeps_the_match_in_sight() {
    use briefing::app::Pane;
    for (w, h) in [(80, 24), (120, 30)] {
        // The row's item, as much of it as is kept: an actor's name keeps 8 columns or more
        // (with the `…` that cuts it), its field's name giving way first.
        for (pane, keys, query, item) in [
            (Pane::Actors, "2 /", "broadcaster", "Voice o"),
            (Pane::Actors, "2 /", "interviewed", "Voice o"),
            (Pane::Actors, "2 /", "eurasian", "Douglas"),
            (Pane::Timeline, "3 /", "atlanta", ": "),
            (Pane::Timeline, "3 /", "published it", ": "),
        ] {
            let mut r = Reader::bundled(w, h);
            r.press(keys).type_text(query).press("Enter");
            let rows = pane_rows(&r, pane);
            let field = rows
                .iter()
                .find(|row| row.to_lowercase().contains(query))
                .unwrap_or_else(|| panic!("{w}x{h} {query}: no row shows it in {rows:#?}"));
            assert!(field.contains(item), "{w}x{h} {query}: {field}");
        }
    }
}

/// Item 8: `/` in the Details searches their text, as less does: typed, kept with Enter, walked
/// with `n`/`N`, cleared with Esc; Esc while typing goes back to where it began.
#[test]
fn slash_in_the_details_searches_their_text() {
    use briefing::app::Pane;
    let mut r = Reader::bundled(80, 24);
    r.press("2 g Enter 4");
    let origin = r.app.details_state().cursor;
    r.press("/").type_text("washington");
    assert_eq!(r.app.focus(), Pane::Details);
    assert!(r.status().contains("/washington"), "{}", r.status());
    // Stored by `update` (the status bar asks for them on every frame), and what finding them
    // afresh gives.
    assert!(matches!(
        r.app.details_matches(),
        std::borrow::Cow::Borrowed(_)
    ));
    let matches = r.app.details_matches().into_owned();
    assert_eq!(matches, r.app.details_matches_afresh());
    assert!(matches.len() >= 2, "{matches:?}");
    assert!(matches.contains(&r.app.details_state().cursor));
    r.press("Esc");
    assert_eq!(r.app.details_state().cursor, origin);
    assert!(r.app.details_search().is_none());

    r.press("/").type_text("washington").press("Enter");
    let first = r.app.details_state().cursor;
    // What it matches is highlighted, as a search's matches are.
    let inner = r.app.geometry().inner(Pane::Details).unwrap();
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let match_bg = briefing::view::theme::DARK.matched.bg;
    let highlighted: String = (inner.y..inner.bottom())
        .flat_map(|y| (inner.x..inner.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].bg == match_bg.unwrap())
        .map(|(x, y)| buf[(x, y)].symbol().to_owned())
        .collect();
    assert!(highlighted.starts_with("Washington"), "{highlighted}");
    assert!(r.status().contains("match "), "{}", r.status());
    r.press("n");
    let second = r.app.details_state().cursor;
    assert!(
        second > first && matches.contains(&second),
        "{first} {second}"
    );
    r.press("N");
    assert_eq!(r.app.details_state().cursor, first);
    r.press("Esc");
    assert!(r.app.details_search().is_none());
    assert!(r.status().contains("Search cleared"), "{}", r.status());
}

/// Item 9: at 40×15 the export dialog's error is wrapped whole inside it: the dialog gives it
/// the rows of its blank lines and note, and its path is shortened in the middle, never its
/// end.
#[test]
fn the_export_dialogs_error_is_whole_at_40x15() {
    for path in [
        "/nonexistent/some/deep/folder/for/the/export/briefing.json",
        "/nonexistent/a/much/longer/and/deeper/folder/that/goes/on/and/on/for/the/export/of/it/briefing.json",
    ] {
        let mut r = Reader::bundled(40, 15);
        r.press("e C-u").type_text(path).press("Enter");
        let screen = r.screen();
        let text: String = screen
            .lines()
            .filter_map(|l| l.split('║').nth(1))
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join(" ");
        // Only a path is shortened: the words around it, why and what to do, are all there.
        assert!(text.contains("cannot write in the folder"), "{screen}");
        assert!(text.contains("No such file or directory"), "{screen}");
        assert!(
            text.contains("create it first, or choose another"),
            "{screen}"
        );
        assert!(text.contains("csv  toml"), "every format: {screen}");
    }
}

/// Item 10: `o` says how many lines are omitted and, shown, where: their line numbers from the
/// reading position on, then those above it.
#[test]
fn o_says_where_the_omitted_lines_are() {
    let mut r = Reader::bundled(120, 30);
    let b = r.app.briefing();
    let lines: Vec<String> = b
        .article
        .omitted()
        .iter()
        .map(|o| b.article.line_of(o.start).to_string())
        .collect();
    let n = lines.len();
    assert!(n >= 2);
    r.press("o");
    let said = r.app.message().expect("a message").text.clone();
    assert_eq!(
        said,
        format!("{n} omitted lines shown: {}", lines.join(", "))
    );
    r.press("o");
    let said = r.app.message().expect("a message").text.clone();
    assert_eq!(said, format!("{n} omitted lines hidden"));
    // From the end: all of them are above.
    r.press("G o");
    let said = r.app.message().expect("a message").text.clone();
    assert!(said.contains(&format!("above: {}", lines[0])), "{said}");
}

/// Item 11: evidence that ends with its own closing quotation mark gets no second one, in the
/// Details and in what `y` copies.
#[test]
fn evidence_ending_with_its_own_quotation_mark_gets_no_second_one() {
    use crate::harness::Fixture;
    use briefing::app::Effect;
    let sheet = r#"[briefing]
title = "Quoted"
article = "article.txt"

[[actors]]
id = "nato"
name = "NATO"
kind = "organization"

[[events]]
id = "e"
date = "2024-07"
title = "Together"
evidence = "NATO said: “We stand together.”"
actors = ["nato"]
"#;
    let fx = Fixture::new(
        sheet,
        "NATO said: “We stand together.” Then it left.\n".as_bytes(),
    );
    let input = briefing::briefing::Input::Path(fx.sheet());
    let b = briefing::briefing::open(&input).expect("the briefing loads");
    let mut r = Reader::new(b, input, 120, 30);
    r.press("3 g Enter 4");
    let screen = r.screen();
    assert!(screen.contains("line 1: “NATO said: “We stand"), "{screen}");
    assert!(screen.contains("together.”"), "{screen}");
    assert!(!screen.contains("””"), "{screen}");
    r.press("y");
    let Some(Effect::Copy(text)) = r.effects.last() else {
        panic!("nothing copied: {}", r.status());
    };
    assert!(
        text.starts_with("“NATO said: “We stand together.” ("),
        "{text}"
    );
}

/// A position too long for the bar (an evidence's sentence, at 80 columns) is cut with an
/// ellipsis, and help and quit stay beside it: it ran to the edge and pushed them off.
#[test]
fn a_long_position_is_cut_with_an_ellipsis_and_help_and_quit_stay() {
    let mut r = Reader::bundled(80, 24);
    r.press("3 Enter 1");
    let status = r.status();
    assert!(status.contains("evidence · "), "{status}");
    assert!(status.contains('…'), "{status}");
    assert!(status.trim_end().ends_with("? help  q quit"), "{status}");
}

/// `s` sorts the Actors; in the Timeline it said "Actors sorted by name" and sorted a list not
/// in view.
#[test]
fn s_in_the_timeline_says_what_it_sorts_and_sorts_nothing() {
    let mut r = Reader::bundled(100, 30);
    let before = r.app.shown_actors().to_vec();
    r.press("3 s");
    assert!(
        r.status()
            .contains("The Timeline keeps the order of its dates"),
        "{}",
        r.status()
    );
    assert_eq!(r.app.shown_actors().to_vec(), before);
    r.press("2 s");
    assert!(
        r.status().contains("Actors sorted by name"),
        "{}",
        r.status()
    );
    assert_ne!(r.app.shown_actors().to_vec(), before);
}

/// A list's bottom border too narrow for its counts, filter and sort drops the sort first, and
/// never cuts the count: right-aligned, it was cut from the left (`29 · /secretary`, the `1/`
/// of `1/29` gone).
#[test]
fn a_narrow_lists_border_keeps_its_count_whole() {
    let mut r = Reader::bundled(80, 24);
    r.press("2 /");
    r.type_text("secretary");
    let (shown, total) = (
        r.app.shown_actors().len(),
        r.app.briefing().sheet.actors.len(),
    );
    assert!(shown < total);
    let screen = r.screen();
    assert!(
        screen.contains(&format!(" {shown}/{total} · /secretary ")),
        "{screen}"
    );
}

/// A filter lists its matches by name or alias first: `/harlow` then Enter takes Harlow District
/// Council, not Angela Johnson, whose role names the council and who has more mentions.
#[test]
fn a_filter_lists_matches_by_name_first() {
    let sheet = "[briefing]\ntitle = \"Council\"\narticle = \"article.txt\"\n\n\
        [[actors]]\nid = \"angela-johnson\"\nname = \"Angela Johnson\"\nkind = \"person\"\n\
        role = \"Leader of Harlow District Council\"\n\n\
        [[actors]]\nid = \"harlow-district-council\"\nname = \"Harlow District Council\"\n\
        kind = \"organization\"\n";
    let article = "Angela Johnson spoke. Angela Johnson left. Harlow District Council met.\n";
    let f = crate::harness::Fixture::new(sheet, article.as_bytes());
    let mut r = Reader::of(&f, 120, 30);
    r.press("2 /");
    r.type_text("harlow");
    assert_eq!(
        r.app.shown_actors().to_vec(),
        [
            r.actor("harlow-district-council"),
            r.actor("angela-johnson")
        ]
    );
    r.press("Enter");
    assert_eq!(
        r.app.actors_list().selected,
        Some(r.actor("harlow-district-council"))
    );
}
