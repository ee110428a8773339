//! Curating from the reader, without a terminal: `a` and `E` open the dialog, Enter writes the
//! change to the fact sheet on disk (checked, never over an outside edit), `U` undoes it byte
//! for byte. What the file holds after each is asserted, as the issue asks; the splicing
//! itself is tested in `edit.rs`.

use std::fs;

use crate::harness::{Fixture, Reader};

/// A reader of the briefing in `f`, at `width` × `height`.
fn reading(f: &Fixture, width: u16, height: u16) -> Reader {
    let input = briefing::briefing::Input::from_arg(Some(f.dir.path())).expect("the fixture");
    let b = briefing::briefing::open(&input).expect("the fixture opens");
    Reader::new(b, input, width, height)
}

fn sheet(f: &Fixture) -> String {
    fs::read_to_string(f.sheet()).expect("facts.toml")
}

#[test]
fn e_makes_the_first_sentence_on_screen_the_evidence_of_a_new_event_and_u_undoes_it() {
    let f = Fixture::bundled();
    let before = fs::read(f.sheet()).unwrap();
    let mut r = reading(&f, 100, 30);
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
    let mut r = reading(&f, 100, 30);
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
        ) || fact.contains("evidence = \"Next week"),
        "{fact}"
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
    let mut r = reading(&f, 100, 30);
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
    let mut r = reading(&f, 100, 30);
    r.press("] a S-Tab Right");
    r.type_text("nato");
    r.press("Enter");
    assert!(r.screen().contains("a spelling of"), "{}", r.screen());
    assert_eq!(fs::read(f.sheet()).unwrap(), before);
}

#[test]
fn a_change_racing_an_outside_edit_keeps_the_outside_edit() {
    let f = Fixture::bundled();
    let mut r = reading(&f, 100, 30);
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
    let mut r = reading(&f, 100, 30);
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
