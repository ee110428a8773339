use super::*;
use crate::briefing::Input;

/// A small hand-written sheet: comments, blank lines, an inline comment, a multi-line array.
const SHEET: &str = r#"# My sheet.

[briefing]
title = "T"
article = "a.txt"   # beside me

# ── People ──

[[actors]]
id = "ann"
name = "Ann Lee"
kind = "person"
aliases = [
    "Lee",   # her surname
    "Dr. Lee",
]

[[actors]]
name = 'Bob Stone'
kind = "person"
aliases = ["Stone"]
# trailing comment of bob

# ── Events ──

[[events]]
id = "met"
date = 2024-07-01
title = "They met"

[[facts]]
label = "Count"
value = "3"
"#;

fn actor(id: &str, name: &str) -> Change {
    Change::NewActor(NewActor {
        aliases: Vec::new(),
        id: id.to_owned(),
        name: name.to_owned(),
        kind: ActorKind::Organization,
        role: None,
    })
}

fn alias(actor: &str, alias: &str) -> Change {
    Change::Alias {
        actor: actor.to_owned(),
        alias: alias.to_owned(),
    }
}

#[test]
fn a_new_actor_goes_after_the_last_actor_with_a_blank_line() {
    let out = apply(SHEET, &actor("acme", "Acme")).unwrap();
    assert_eq!(
        out,
        SHEET.replace(
            "# trailing comment of bob\n",
            "# trailing comment of bob\n\n[[actors]]\nid = \"acme\"\nname = \"Acme\"\nkind = \
             \"organization\"\n"
        )
    );
}

#[test]
fn a_role_is_written_when_given() {
    let mut a = NewActor {
        aliases: Vec::new(),
        id: "acme".to_owned(),
        name: "Acme".to_owned(),
        kind: ActorKind::Other,
        role: Some("Maker of \"things\"".to_owned()),
    };
    let out = apply(SHEET, &Change::NewActor(a.clone())).unwrap();
    assert!(
        out.contains("kind = \"other\"\nrole = \"Maker of \\\"things\\\"\"\n\n# ── Events"),
        "{out}"
    );
    a.role = Some("  ".to_owned());
    let out = apply(SHEET, &Change::NewActor(a)).unwrap();
    assert!(!out.contains("role"));
}

#[test]
fn a_taken_id_is_refused() {
    assert_eq!(
        apply(SHEET, &actor("bob-stone", "B")),
        Err(ApplyError::Taken("bob-stone".to_owned()))
    );
    assert!(apply(SHEET, &actor("met", "B")).is_err());
}

#[test]
fn an_alias_joins_a_multi_line_array_on_a_line_of_its_own() {
    let out = apply(SHEET, &alias("ann", "Annie")).unwrap();
    assert_eq!(
        out,
        SHEET.replace("    \"Dr. Lee\",\n", "    \"Dr. Lee\",\n    \"Annie\",\n")
    );
}

#[test]
fn an_alias_after_a_last_element_without_a_comma_gives_it_one() {
    let sheet = SHEET.replace("    \"Dr. Lee\",\n", "    \"Dr. Lee\"   # title\n");
    let out = apply(&sheet, &alias("ann", "Annie")).unwrap();
    assert_eq!(
        out,
        sheet.replace(
            "    \"Dr. Lee\"   # title\n",
            "    \"Dr. Lee\",   # title\n    \"Annie\",\n"
        )
    );
}

#[test]
fn a_comma_in_the_last_elements_comment_is_no_comma_after_it() {
    let sheet = SHEET.replace("    \"Dr. Lee\",\n", "    \"Dr. Lee\"   # a title, then\n");
    let out = apply(&sheet, &alias("ann", "Annie")).unwrap();
    assert_eq!(
        out,
        sheet.replace(
            "    \"Dr. Lee\"   # a title, then\n",
            "    \"Dr. Lee\",   # a title, then\n    \"Annie\",\n"
        )
    );
}

#[test]
fn an_alias_joins_an_array_closed_on_its_last_elements_line() {
    let sheet = SHEET.replace("    \"Dr. Lee\",\n]", "    \"Dr. Lee\"]");
    let out = apply(&sheet, &alias("ann", "Annie")).unwrap();
    assert_eq!(
        out,
        sheet.replace("\"Dr. Lee\"]", "\"Dr. Lee\", \"Annie\"]")
    );
}

#[test]
fn an_alias_joins_a_single_line_array_on_its_line() {
    // Bob has no id: he is found by the id `check` makes from his name.
    let out = apply(SHEET, &alias("bob-stone", "Bobby")).unwrap();
    assert_eq!(
        out,
        SHEET.replace(
            "aliases = [\"Stone\"]\n",
            "aliases = [\"Stone\", \"Bobby\"]\n"
        )
    );
    let sheet = SHEET.replace("[\"Stone\"]", "[ \"Stone\", ]");
    let out = apply(&sheet, &alias("bob-stone", "Bobby")).unwrap();
    assert!(out.contains("aliases = [ \"Stone\", \"Bobby\", ]\n"));
    let sheet = SHEET.replace("[\"Stone\"]", "[]");
    let out = apply(&sheet, &alias("bob-stone", "Bobby")).unwrap();
    assert!(out.contains("aliases = [\"Bobby\"]\n"));
}

#[test]
fn an_alias_array_is_made_after_kind_when_there_is_none() {
    let sheet = SHEET.replace("aliases = [\"Stone\"]\n", "");
    let out = apply(&sheet, &alias("bob-stone", "Stone")).unwrap();
    assert_eq!(out, SHEET);
}

#[test]
fn an_alias_for_an_unknown_actor_is_refused() {
    assert_eq!(
        apply(SHEET, &alias("nobody", "X")),
        Err(ApplyError::NoSuchActor("nobody".to_owned()))
    );
}

#[test]
fn a_new_event_goes_after_the_last_event() {
    let e = NewEvent {
        id: "left".to_owned(),
        date: "2024-07".to_owned(),
        dated: true,
        approximate: false,
        title: "Ann left".to_owned(),
        actors: vec!["ann".to_owned()],
        evidence: "Ann left.".to_owned(),
    };
    let out = apply(SHEET, &Change::NewEvent(e.clone())).unwrap();
    assert_eq!(
        out,
        SHEET.replace(
            "title = \"They met\"\n",
            "title = \"They met\"\n\n[[events]]\nid = \"left\"\ndate = \"2024-07\"\ntitle = \"Ann \
             left\"\nactors = [\"ann\"]\nevidence = \"Ann left.\"\n"
        )
    );
    let undated = NewEvent {
        date: "2024-07-03".to_owned(),
        dated: false,
        approximate: true,
        ..e
    };
    let out = apply(SHEET, &Change::NewEvent(undated)).unwrap();
    assert!(
        out.contains(
            "date = 2024-07-03   # a guess: set the date it happened\napproximate = true\n"
        )
    );
}

#[test]
fn a_bad_date_is_refused() {
    let e = NewEvent {
        id: "x".to_owned(),
        date: "July".to_owned(),
        dated: true,
        approximate: false,
        title: "X".to_owned(),
        actors: Vec::new(),
        evidence: String::new(),
    };
    assert_eq!(
        apply(SHEET, &Change::NewEvent(e)),
        Err(ApplyError::BadDate("July".to_owned()))
    );
}

#[test]
fn first_tables_of_a_kind_go_before_the_next_kind_and_its_comments() {
    let sheet = "[briefing]\ntitle = \"T\"\narticle = \"a.txt\"\n\n# Facts\n[[facts]]\nlabel = \
                 \"L\"\nvalue = \"1\"\n";
    let out = apply(sheet, &actor("acme", "Acme")).unwrap();
    assert_eq!(
        out,
        "[briefing]\ntitle = \"T\"\narticle = \"a.txt\"\n\n[[actors]]\nid = \"acme\"\nname = \
         \"Acme\"\nkind = \"organization\"\n\n# Facts\n[[facts]]\nlabel = \"L\"\nvalue = \"1\"\n"
    );
    // No table at all, and no line break at the end.
    let sheet = "[briefing]\ntitle = \"T\"\narticle = \"a.txt\"";
    let out = apply(sheet, &actor("acme", "Acme")).unwrap();
    assert_eq!(
        out,
        "[briefing]\ntitle = \"T\"\narticle = \"a.txt\"\n\n[[actors]]\nid = \"acme\"\nname = \
         \"Acme\"\nkind = \"organization\"\n"
    );
}

#[test]
fn crlf_sheets_get_crlf_lines() {
    let sheet = SHEET.replace('\n', "\r\n");
    let out = apply(&sheet, &actor("acme", "Acme")).unwrap();
    assert_eq!(
        out,
        apply(SHEET, &actor("acme", "Acme"))
            .unwrap()
            .replace('\n', "\r\n")
    );
    let out = apply(&sheet, &alias("ann", "Annie")).unwrap();
    assert_eq!(
        out,
        apply(SHEET, &alias("ann", "Annie"))
            .unwrap()
            .replace('\n', "\r\n")
    );
}

#[test]
fn evidence_is_a_key_at_the_end_of_its_table() {
    let change = Change::Evidence {
        target: EvidenceTarget::Event("met".to_owned()),
        evidence: "they met".to_owned(),
    };
    let out = apply(SHEET, &change).unwrap();
    assert_eq!(
        out,
        SHEET.replace(
            "title = \"They met\"\n",
            "title = \"They met\"\nevidence = \"they met\"\n"
        )
    );
    let change = Change::Evidence {
        target: EvidenceTarget::Fact(0),
        evidence: "three".to_owned(),
    };
    let out = apply(SHEET, &change).unwrap();
    assert_eq!(out, format!("{SHEET}evidence = \"three\"\n"));
    assert_eq!(
        apply(
            &out,
            &Change::Evidence {
                target: EvidenceTarget::Fact(0),
                evidence: "3".to_owned()
            }
        ),
        Err(ApplyError::HasEvidence("fact number 1".to_owned()))
    );
    let empty = SHEET.replace("value = \"3\"\n", "value = \"3\"\nevidence = ''\n");
    let out = apply(&empty, &change).unwrap();
    assert!(out.ends_with("value = \"3\"\nevidence = \"three\"\n"));
}

#[test]
fn basic_strings_escape_what_toml_requires() {
    assert_eq!(
        basic_string("a\"b\\c\n\u{1}é"),
        "\"a\\\"b\\\\c\\n\\u0001é\""
    );
}

#[test]
fn the_bundled_sample_and_memory_have_no_file_to_change() {
    let bundled = Editor::new(&Input::Bundled, Vec::new()).unwrap_err();
    assert!(
        bundled
            .to_string()
            .contains("briefing export --format toml -o DIR/facts.toml")
    );
    let memory = Input::Memory {
        sheet: String::new(),
        article: Vec::new(),
    };
    assert!(matches!(
        Editor::new(&memory, Vec::new()),
        Err(EditError::NoFile(_))
    ));
}

#[test]
fn proposals_use_the_drafts_guesses() {
    let b = crate::briefing::Briefing::bundled();
    let a = propose_actor(&b, "Mary  Smith");
    assert_eq!(
        a,
        NewActor {
            aliases: Vec::new(),
            id: "mary-smith".to_owned(),
            name: "Mary Smith".to_owned(),
            kind: ActorKind::Person,
            role: None,
        }
    );
    // An id taken already gets a number.
    assert_eq!(propose_actor(&b, "NATO").id, "nato-2");
    assert_eq!(
        propose_actor(&b, "Acme Corporation").kind,
        ActorKind::Organization
    );
    // "Wiesbaden" alone says nothing; "Wiesbaden, Germany" in the article says a place.
    assert_eq!(propose_actor(&b, "Wiesbaden").kind, ActorKind::Place);
    assert_eq!(names::guess_kind("Wiesbaden").0, ActorKind::Other);
}

#[test]
fn a_sentence_proposes_an_event_dated_against_published() {
    let b = crate::briefing::Briefing::bundled();
    let text = b.article.text();
    let at = text.find("Next week").unwrap();
    let s = sentence_at(&b, at);
    assert!(s.start <= at && at < s.end);
    let e = propose_event(&b, s.clone());
    assert!(e.dated);
    assert_eq!(e.evidence, crate::draft::text::one_line(&text[s]));
    assert!(e.actors.contains(&"nato".to_owned()), "{e:?}");
    assert!(!b.sheet.events.iter().any(|x| x.id == e.id));
    crate::date::PartialDate::parse(&e.date).unwrap();
}

#[test]
fn unquoted_lists_events_and_facts_without_evidence() {
    let b = crate::briefing::Briefing::bundled();
    let list = unquoted(&b);
    let events = b.event_evidence.iter().filter(|q| q.is_none()).count();
    let facts = b.fact_evidence.iter().filter(|q| q.is_none()).count();
    assert_eq!(list.len(), events + facts);
}

#[test]
fn a_fact_is_found_by_its_place_in_the_file() {
    let sheet = format!("{SHEET}\n[[facts]]\nlabel = \"Second\"\nvalue = \"2\"\n");
    let change = Change::Evidence {
        target: EvidenceTarget::Fact(1),
        evidence: "two".to_owned(),
    };
    let out = apply(&sheet, &change).unwrap();
    assert_eq!(out, format!("{sheet}evidence = \"two\"\n"));
    let change = Change::Evidence {
        target: EvidenceTarget::Fact(2),
        evidence: "two".to_owned(),
    };
    assert_eq!(apply(&sheet, &change), Err(ApplyError::NoSuchFact(2)));
    assert_eq!(
        ApplyError::NoSuchFact(2).to_string(),
        "the fact sheet has no fact number 3; reload it and choose another"
    );
}

#[test]
fn text_that_is_not_toml_is_refused() {
    assert!(matches!(
        apply("[briefing\n", &actor("a", "A")),
        Err(ApplyError::NotToml(_))
    ));
    let inline = "actors = [{ id = \"a\", name = \"A\" }]\n";
    assert!(matches!(
        apply(inline, &alias("a", "B")),
        Err(ApplyError::Unsupported(_))
    ));
}
