//! Curating from the reader, without a terminal: `a` and `E` open the dialog, Enter writes the
//! change to the fact sheet on disk (checked, never over an outside edit), `U` undoes it byte
//! for byte. What the file holds after each is asserted, as the issue asks; the splicing
//! itself is tested in `edit.rs`.

use std::fs;

use crate::harness::{Fixture, Reader};

fn sheet(f: &Fixture) -> String {
    fs::read_to_string(f.sheet()).expect("facts.toml")
}

#[test]
fn e_makes_the_first_sentence_on_screen_the_evidence_of_a_new_event_and_u_undoes_it() {
    let f = Fixture::bundled();
    let before = fs::read(f.sheet()).unwrap();
    let mut r = Reader::of(&f, 100, 30);
    let events = r.app.briefing().sheet.events.len();
    r.press("E");
    let screen = r.screen();
    assert!(screen.contains("Add evidence"), "{screen}");
    assert!(
        screen.contains("Next week, NATO will present Ukraine"),
        "{screen}"
    );
    // "Next week" from a sheet published 2024-07-03: the week after.
    assert!(
        screen.contains("2024-07"),
        "the date is prefilled: {screen}"
    );
    r.press("Enter");
    assert!(r.app.curate_dialog().is_none(), "{}", r.screen());
    assert!(r.status().contains("Added event"), "{}", r.status());
    assert_eq!(r.app.briefing().sheet.events.len(), events + 1);
    let text = sheet(&f);
    assert!(
        text.contains(
            "evidence = \"Next week, NATO will present Ukraine with \\\"concrete ways\\\""
        ),
        "{text}"
    );
    // The new event rests on its sentence: the reader found its evidence.
    let new = (r.app.briefing().sheet.events.iter())
        .position(|e| !String::from_utf8_lossy(&before).contains(&format!("\"{}\"", e.id)))
        .expect("the new event");
    assert!(r.app.briefing().event_evidence[new].is_some());
    r.press("U");
    assert_eq!(fs::read(f.sheet()).unwrap(), before, "back byte for byte");
    assert!(r.status().contains("Undid"), "{}", r.status());
    assert_eq!(r.app.briefing().sheet.events.len(), events);
    r.press("U");
    assert!(r.status().contains("nothing to undo"), "{}", r.status());
}

#[test]
fn e_gives_evidence_to_a_fact_that_has_none() {
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let bundled = fs::read_to_string(assets.join("facts.toml")).unwrap();
    let without = bundled.replace(
        "evidence = \"all 32 NATO member countries\"\n",
        "# the curator left this one to find\n",
    );
    assert_ne!(without, bundled);
    let f = Fixture::new(&without, &fs::read(assets.join("article.txt")).unwrap());
    let mut r = Reader::of(&f, 100, 30);
    r.press("E");
    // The other choice of the key: the events and facts without evidence.
    r.press("S-Tab Right");
    let screen = r.screen();
    assert!(screen.contains("fact: NATO member countries"), "{screen}");
    r.type_text("member");
    r.press("Enter");
    assert!(
        r.status().contains("Added evidence to fact"),
        "{}",
        r.status()
    );
    let text = sheet(&f);
    let fact = &text[text.find("label = \"NATO member countries\"").unwrap()..];
    assert!(
        fact.starts_with(
            "label = \"NATO member countries\"\nvalue = \"32\"\nsource = \"douglas-jones\"\n# the curator left this one to find\nevidence = \"Next week"
        ),
        "the evidence goes after the comment, at the fact's end: {fact}"
    );
    assert!(
        text.contains("# the curator left this one to find"),
        "comment kept"
    );
}

#[test]
fn a_change_that_would_not_check_is_refused_and_nothing_is_written() {
    let f = Fixture::bundled();
    let before = fs::read(f.sheet()).unwrap();
    let modified = fs::metadata(f.sheet()).unwrap().modified().unwrap();
    let mut r = Reader::of(&f, 100, 30);
    // The cursor on "NATO", then the words added as an alias of Ukraine: two actors would
    // claim one spelling.
    r.press("]");
    r.press("a");
    let screen = r.screen();
    assert!(screen.contains("already a mention of NATO"), "{screen}");
    r.press("S-Tab Right");
    r.type_text("ukraine");
    r.press("Enter");
    let screen = r.screen();
    assert!(r.app.curate_dialog().is_some(), "the dialog stays");
    assert!(screen.contains("Not written"), "{screen}");
    assert_eq!(fs::read(f.sheet()).unwrap(), before);
    assert_eq!(
        fs::metadata(f.sheet()).unwrap().modified().unwrap(),
        modified
    );
    r.press("Esc");
    assert!(r.app.curate_dialog().is_none());
    assert_eq!(fs::read(f.sheet()).unwrap(), before);
}

#[test]
fn an_alias_a_actor_has_already_is_refused() {
    let f = Fixture::bundled();
    let before = fs::read(f.sheet()).unwrap();
    let mut r = Reader::of(&f, 100, 30);
    r.press("] a S-Tab Right");
    r.type_text("nato");
    r.press("Enter");
    assert!(r.screen().contains("a spelling of"), "{}", r.screen());
    assert_eq!(fs::read(f.sheet()).unwrap(), before);
}

#[test]
fn a_change_racing_an_outside_edit_keeps_the_outside_edit() {
    let f = Fixture::bundled();
    let mut r = Reader::of(&f, 100, 30);
    r.press("E");
    // Saved in an editor while the dialog is open.
    let outside = format!("# a note the curator saved meanwhile\n{}", sheet(&f));
    fs::write(f.sheet(), &outside).unwrap();
    r.press("Enter");
    assert_eq!(sheet(&f), outside, "not written over the outside edit");
    let screen = r.screen();
    assert!(screen.contains("changed on disk"), "{screen}");
    assert!(
        r.app.curate_dialog().is_some(),
        "the dialog stays for Enter again"
    );
    // Enter again: written on top of the outside edit.
    r.press("Enter");
    let text = sheet(&f);
    assert!(
        text.starts_with("# a note the curator saved meanwhile\n"),
        "{text}"
    );
    assert!(text.contains("evidence = \"Next week, NATO"), "{text}");
}

#[test]
fn the_bundled_sample_says_how_to_get_a_copy_to_edit() {
    let mut r = Reader::bundled(100, 30);
    r.press("E");
    assert!(r.app.curate_dialog().is_none());
    assert!(
        r.status().contains("export --format toml"),
        "{}",
        r.status()
    );
    r.press("] a");
    assert!(r.app.curate_dialog().is_none());
    r.press("U");
    assert!(r.status().contains("bundled sample"), "{}", r.status());
}

#[test]
fn the_dialog_keeps_what_was_typed_when_switching_and_esc_writes_nothing() {
    let f = Fixture::bundled();
    let before = fs::read(f.sheet()).unwrap();
    let mut r = Reader::of(&f, 100, 30);
    r.press("E Tab C-u");
    r.type_text("Summit announced");
    r.press("S-Tab S-Tab Right Left");
    let screen = r.screen();
    assert!(screen.contains("Summit announced"), "{screen}");
    // The id followed the title.
    assert!(screen.contains("summit-announced"), "{screen}");
    r.press("Esc");
    assert!(r.app.curate_dialog().is_none());
    assert_eq!(fs::read(f.sheet()).unwrap(), before);
}

/// The bundled sample without its "NATO Liaison Office" actor, which the article then names
/// unclaimed.
fn without_liaison_office() -> Fixture {
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let sheet = fs::read_to_string(assets.join("facts.toml")).unwrap();
    let from = sheet
        .find("[[actors]]\nid = \"nato-liaison-office\"")
        .unwrap();
    let to = sheet.find("[[actors]]\nid = \"nsatu\"").unwrap();
    let sheet = format!("{}{}", &sheet[..from], &sheet[to..]);
    Fixture::new(&sheet, &fs::read(assets.join("article.txt")).unwrap())
}

/// `u`, then `]` until the cursor stands on the unclaimed name.
fn on_the_unclaimed_name(r: &mut Reader) {
    r.press("u");
    for _ in 0..60 {
        r.press("]");
        if r.status()
            .contains("unclaimed name \"NATO Liaison Office\"")
        {
            return;
        }
    }
    panic!("] never reached the unclaimed name: {}", r.status());
}

#[test]
fn a_on_an_unclaimed_name_adds_a_new_actor_whose_mention_is_shown_at_once() {
    let f = without_liaison_office();
    let before = fs::read(f.sheet()).unwrap();
    let mut r = Reader::of(&f, 100, 30);
    on_the_unclaimed_name(&mut r);
    r.press("a");
    let screen = r.screen();
    assert!(
        screen.contains("‹new actor›"),
        "a new actor first: {screen}"
    );
    assert!(
        screen.contains("nato-liaison-office"),
        "the id derived: {screen}"
    );
    assert!(
        screen.contains("‹organization›"),
        "the kind guessed: {screen}"
    );
    r.press("Tab Tab Tab");
    r.type_text("Proposed office in Tokyo");
    r.press("Enter");
    assert!(r.app.curate_dialog().is_none(), "{}", r.screen());
    assert!(
        r.status()
            .contains("Added actor \"NATO Liaison Office\" (nato-liaison-office)"),
        "{}",
        r.status()
    );
    let text = sheet(&f);
    assert!(
        text.contains(
            "[[actors]]\nid = \"nato-liaison-office\"\nname = \"NATO Liaison Office\"\nkind = \"organization\"\nrole = \"Proposed office in Tokyo\"\n"
        ),
        "{text}"
    );
    // The mention index is rebuilt: the name is a mention now, of the new actor, followed.
    let a = r.actor("nato-liaison-office");
    assert_eq!(r.app.briefing().mentions.count(a), 1);
    // The name was the sheet's only unclaimed one.
    assert!(r.status().contains(" 0 unclaimed names "), "{}", r.status());
    // Everything else is as it was.
    let was = String::from_utf8(before.clone()).unwrap();
    for line in was.lines() {
        assert!(text.contains(line), "{line:?} lost");
    }
    r.press("U");
    assert_eq!(fs::read(f.sheet()).unwrap(), before);
}

#[test]
fn a_adds_the_words_as_an_alias_of_the_actor_chosen() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 100, 30);
    let nato = r.actor("nato");
    let mentions = r.app.briefing().mentions.count(nato);
    on_the_unclaimed_name(&mut r);
    r.press("a S-Tab Right");
    r.type_text("nato");
    let screen = r.screen();
    assert!(screen.contains("› NATO (nato, organization)"), "{screen}");
    r.press("Enter");
    assert!(
        r.status()
            .contains("Added alias \"NATO Liaison Office\" to actor \"nato\""),
        "{}",
        r.status()
    );
    let text = sheet(&f);
    let nato_table = &text[text.find("id = \"nato\"").unwrap()..];
    let nato_table = &nato_table[..nato_table.find("[[").unwrap()];
    assert!(
        nato_table.contains("\"NATO Liaison Office\"]"),
        "{nato_table}"
    );
    assert_eq!(r.app.briefing().mentions.count(nato), mentions);
    let spellings = &r.app.briefing().sheet.actors[nato].aliases;
    assert!(
        spellings.iter().any(|s| s == "NATO Liaison Office"),
        "{spellings:?}"
    );
}

/// With nothing typed, the actors sharing a word with the words picked come first in the list
/// of actors to give an alias to (NATO for "NATO Liaison Office"), as the help says.
#[test]
fn the_actors_sharing_a_word_with_the_name_come_first_for_an_alias() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 100, 30);
    let nato = r.actor("nato");
    on_the_unclaimed_name(&mut r);
    r.press("a S-Tab Right");
    let rows = r
        .app
        .curate_dialog()
        .expect("the dialog")
        .rows(r.app.briefing());
    assert_eq!(
        rows.first().map(|row| row.target.clone()),
        Some(briefing::app::curate::Target::Actor(nato)),
        "{:?}",
        rows.iter().take(3).map(|r| &r.label).collect::<Vec<_>>()
    );
    assert!(r.screen().contains("› NATO (nato"), "{}", r.screen());
}

#[test]
fn a_on_a_selection_takes_the_selected_words() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 100, 30);
    on_the_unclaimed_name(&mut r);
    // The selection starts at the cursor's words and takes the next word too.
    r.press("v w");
    let picked = r.app.picked();
    assert!(
        matches!(picked, Some(briefing::app::Picked::Selection(_))),
        "{picked:?}"
    );
    r.press("a");
    let screen = r.screen();
    assert!(screen.contains("NATO Liaison Office in"), "{screen}");
}

#[test]
fn a_with_nothing_picked_says_how_to_pick() {
    let f = Fixture::bundled();
    let mut r = Reader::of(&f, 100, 30);
    r.press("a");
    assert!(r.app.curate_dialog().is_none());
    assert!(r.status().contains("Nothing to add"), "{}", r.status());
}

#[test]
fn e_while_a_search_is_kept_quotes_the_sentence_of_its_match() {
    let f = Fixture::bundled();
    let mut r = Reader::of(&f, 80, 24);
    r.press("/");
    r.type_text("all 32");
    r.press("Enter E");
    let d = r.app.curate_dialog().expect("the dialog");
    assert!(
        d.words
            .starts_with("Additionally, it will mark the third consecutive summit"),
        "{}",
        d.words
    );
}

#[test]
fn the_item_chosen_stays_chosen_when_a_save_adds_rows_above_it() {
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let bundled = fs::read_to_string(assets.join("facts.toml")).unwrap();
    let without = bundled.replace("evidence = \"all 32 NATO member countries\"\n", "");
    let f = Fixture::new(&without, &fs::read(assets.join("article.txt")).unwrap());
    let mut r = Reader::of(&f, 100, 30);
    r.press("E S-Tab Right Tab Down");
    assert!(
        r.screen().contains("› fact: NATO member countries"),
        "{}",
        r.screen()
    );
    // Saved outside meanwhile: an event loses its evidence, and is listed above the fact.
    let first_event_quote = without
        .lines()
        .find(|l| l.starts_with("evidence = "))
        .unwrap()
        .to_owned();
    fs::write(
        f.sheet(),
        without.replacen(&format!("{first_event_quote}\n"), "", 1),
    )
    .unwrap();
    r.act(briefing::app::Action::FilesChanged);
    let screen = r.screen();
    assert!(screen.contains("event: "), "a row above: {screen}");
    assert!(screen.contains("› fact: NATO member countries"), "{screen}");
    r.press("Enter");
    assert!(
        r.status()
            .contains("Added evidence to fact \"NATO member countries\""),
        "{}",
        r.status()
    );
}

#[test]
fn a_change_finding_a_broken_sheet_on_disk_says_to_fix_it() {
    let f = Fixture::bundled();
    let mut r = Reader::of(&f, 100, 30);
    r.press("E");
    let broken = format!("{}\n[[[\n", sheet(&f));
    fs::write(f.sheet(), &broken).unwrap();
    r.press("Enter");
    assert_eq!(sheet(&f), broken);
    let screen = r.screen();
    assert!(
        screen.contains("has errors now: nothing written"),
        "{screen}"
    );
}

#[test]
fn at_80_columns_every_kind_is_on_screen_and_the_chosen_one_marked() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 80, 24);
    on_the_unclaimed_name(&mut r);
    r.press("a");
    let screen = r.screen();
    for kind in [
        "person",
        "organization",
        "country",
        "place",
        "media",
        "other",
    ] {
        assert!(screen.contains(kind), "{kind} missing: {screen}");
    }
    assert!(screen.contains("‹organization›"), "{screen}");
}

#[test]
fn a_date_typed_is_no_guess() {
    let f = Fixture::bundled();
    let mut r = Reader::of(&f, 100, 30);
    // The summit's declaration sentence has no date.
    r.press("/");
    r.type_text("final declaration");
    r.press("Enter E");
    assert!(
        r.screen().contains("no date in the sentence"),
        "{}",
        r.screen()
    );
    r.press("C-u");
    r.type_text("2024-07-11");
    assert!(
        !r.screen().contains("no date in the sentence"),
        "{}",
        r.screen()
    );
    r.press("Enter");
    let text = sheet(&f);
    assert!(text.contains("date = 2024-07-11\n"), "{text}");
    assert!(!text.contains("a guess"), "{text}");
}

#[test]
fn after_adding_an_unclaimed_name_the_cursor_stays_on_it() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 100, 30);
    on_the_unclaimed_name(&mut r);
    r.press("a Enter");
    assert!(
        r.status().contains("NATO Liaison Office"),
        "the cursor on the new mention: {}",
        r.status()
    );
    let cursor = r.app.cursor();
    let nlo = r.actor("nato-liaison-office");
    let Some(briefing::app::Cursor::Mention(m)) = cursor else {
        panic!("{cursor:?}");
    };
    assert_eq!(r.app.briefing().mentions.all()[m].actor as usize, nlo);
}

/// Added from a search's match while another actor was followed: the new actor is followed,
/// and the cursor is on its mention, not left on the other actor's (which the status bar named).
#[test]
fn after_adding_a_selection_while_another_actor_is_followed_the_cursor_is_on_the_new_mention() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 100, 30);
    r.press("2 Enter 1 /");
    r.type_text("Liaison");
    r.press("Enter v a Enter");
    assert!(r.status().contains("Added actor"), "{}", r.status());
    let (new, name) = {
        let b = r.app.briefing();
        let a = b.sheet.actors.len() - 1;
        (a, b.sheet.actors[a].name.clone())
    };
    let cursor = r.app.cursor();
    let Some(briefing::app::Cursor::Mention(m)) = cursor else {
        panic!("{cursor:?}");
    };
    assert_eq!(r.app.briefing().mentions.all()[m].actor as usize, new);
    assert!(
        r.status().contains(&format!("mention 1/1 · {name}")),
        "{}",
        r.status()
    );
}

#[test]
fn a_new_actor_named_otherwise_says_the_words_stay_an_alias() {
    let f = without_liaison_office();
    let mut r = Reader::of(&f, 100, 30);
    on_the_unclaimed_name(&mut r);
    r.press("a C-u");
    r.type_text("Liaison Office of NATO");
    assert!(
        r.screen()
            .contains("and the words as an alias: \"NATO Liaison Office\""),
        "{}",
        r.screen()
    );
    r.press("Enter");
    assert!(
        sheet(&f).contains("aliases = [\"NATO Liaison Office\"]"),
        "{}",
        sheet(&f)
    );
}

/// Tried in tmux: "Tokyo, with" selected proposed an actor named so, of kind `other`. The
/// name is the words before the comma, a place, and the alias kept is the name.
#[test]
fn a_on_a_selection_past_a_comma_proposes_the_name_before_it() {
    let assets = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let sheet_text = fs::read_to_string(assets.join("facts.toml")).unwrap();
    let tokyo_table = "[[actors]]\nid = \"tokyo\"\nname = \"Tokyo\"\nkind = \"place\"\nrole = \"Proposed seat of the NATO Liaison Office\"\naffiliation = \"japan\"\n\n";
    assert!(
        sheet_text.contains(tokyo_table),
        "the sample names Tokyo so"
    );
    let f = Fixture::new(
        &sheet_text.replace(tokyo_table, ""),
        &fs::read(assets.join("article.txt")).unwrap(),
    );
    let mut r = Reader::of(&f, 100, 30);
    r.press("/");
    r.type_text("Tokyo");
    r.press("Enter v w");
    let text = r.app.briefing().article.text();
    let Some(briefing::app::Picked::Selection(span)) = r.app.picked() else {
        panic!("a selection: {:?}", r.app.picked());
    };
    assert_eq!(&text[span], "Tokyo, with");
    r.press("a");
    let dialog = r.app.curate_dialog().expect("the dialog");
    assert_eq!(dialog.words, "Tokyo");
    assert_eq!(dialog.actor.name.as_str(), "Tokyo");
    assert_eq!(dialog.actor.kind, briefing::sheet::ActorKind::Place);
    r.press("Enter");
    assert!(
        r.status().contains("Added actor \"Tokyo\" (tokyo)"),
        "{}",
        r.status()
    );
    let sheet = sheet(&f);
    assert!(
        sheet.contains("[[actors]]\nid = \"tokyo\"\nname = \"Tokyo\"\nkind = \"place\"\n"),
        "{sheet}"
    );
    // The words were the name: no alias "Tokyo, with" was kept.
    assert!(!sheet.contains("Tokyo, with"), "{sheet}");
    let tokyo = r.actor("tokyo");
    assert_eq!(r.app.briefing().mentions.count(tokyo), 1);
}
