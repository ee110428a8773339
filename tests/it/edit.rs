//! The reader's changes to the fact sheet (issue 14), on real files in a temporary folder:
//! what the file holds after each change, that it still checks, that every other byte is kept,
//! refusals, a change racing an outside edit, and undo.

use std::path::{Path, PathBuf};

use briefing::briefing::{Briefing, Input, open};
use briefing::edit::{
    Change, EditError, Editor, EvidenceTarget, NewActor, NewEvent, apply, propose_actor,
    propose_event, sentence_at, unquoted,
};
use briefing::sheet::ActorKind;
use proptest::prelude::*;

const ARTICLE: &str = "Ann Lee met Bob Stone in Paris on 1 July 2024.

Lee said the talks went well, and Acme Corporation paid 3 million euros for the plan.

Stone left Paris on 2 July 2024. The plan was signed by Dr. Lee the next day.
";

/// Hand-written: comments, blank lines (two in a row once), an inline comment, a multi-line
/// array, a literal string, a table without id, an event and a fact without evidence.
const SHEET: &str = r#"# A hand-written fact sheet for the edit tests: its comments,
# blank lines and odd formatting must survive every change.

[briefing]
title = "A meeting in Paris"
article = "article.txt"   # beside this file
published = 2024-07-03

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
name = 'Bob Stone'   # no id: made from the name
kind = "person"
aliases = ["Stone"]


[[actors]]
id = "paris"
name = "Paris"
kind = "place"
# trailing comment of paris

# ── Events ──

[[events]]
id = "met"
date = 2024-07-01
title = "Ann and Bob met"
actors = ["ann", "bob-stone"]
evidence = "Ann Lee met Bob Stone in Paris on 1 July 2024."

[[events]]
id = "left"
date = 2024-07-02
title = "Bob left"
actors = ["bob-stone"]

# Figures.
[[facts]]
label = "Price of the plan"
value = "3 million euros"
"#;

/// A folder with a fact sheet and its article; the sheet's path.
fn folder(sheet: &str, article: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("article.txt"), article).unwrap();
    let path = dir.path().join("facts.toml");
    std::fs::write(&path, sheet).unwrap();
    (dir, path)
}

fn hand_written() -> (tempfile::TempDir, PathBuf) {
    folder(SHEET, ARTICLE)
}

fn bundled_copy() -> (tempfile::TempDir, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    folder(
        &std::fs::read_to_string(root.join("facts.toml")).unwrap(),
        &std::fs::read_to_string(root.join("article.txt")).unwrap(),
    )
}

/// The briefing on disk and an editor for it, as the reader holds them.
fn load(path: &Path) -> (Briefing, Editor) {
    let input = Input::Path(path.to_owned());
    let b = open(&input).unwrap();
    let editor = Editor::new(&input, b.sheet_text.clone()).unwrap();
    (b, editor)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// What `after` adds to `before`, asserting that it only adds: the offset and the text.
fn inserted(before: &str, after: &str) -> (usize, String) {
    let prefix = before
        .bytes()
        .zip(after.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = before[prefix..]
        .bytes()
        .rev()
        .zip(after[prefix..].bytes().rev())
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(
        prefix + suffix,
        before.len(),
        "not an insertion: {before:?} → {after:?}"
    );
    (prefix, after[prefix..after.len() - suffix].to_owned())
}

/// Asserts that the sheet at `path` checks without errors.
fn checks(path: &Path) {
    let checked = briefing::briefing::check(&Input::Path(path.to_owned())).unwrap();
    assert_eq!(checked.errors(), 0, "{:?}", checked.diagnostics());
}

#[test]
fn a_new_actor_is_written_after_the_last_actor() {
    let (_dir, path) = bundled_copy();
    let before = read(&path);
    let (b, mut editor) = load(&path);
    let proposed = propose_actor(&b, "Jens Stoltenberg");
    assert_eq!(proposed.id, "jens-stoltenberg");
    let done = editor
        .commit(&Change::NewActor(NewActor {
            aliases: Vec::new(),
            id: "stoltenberg".to_owned(),
            role: Some("NATO Secretary General".to_owned()),
            kind: ActorKind::Person,
            ..proposed
        }))
        .unwrap();
    let after = read(&path);
    assert_eq!(after, done.text);
    // Right after the last actor's last line, a blank line before it, before the events'
    // heading.
    let last_actor = "Australia, Japan, South Korea and New Zealand\"\n";
    let new = "\n[[actors]]\nid = \"stoltenberg\"\nname = \"Jens Stoltenberg\"\nkind = \
               \"person\"\nrole = \"NATO Secretary General\"\n";
    assert_eq!(before.matches(last_actor).count(), 1);
    assert_eq!(
        after,
        before.replace(last_actor, &format!("{last_actor}{new}"))
    );
    let at = before.find(last_actor).unwrap() + last_actor.len();
    let line = 1 + after[..=at].matches('\n').count();
    assert_eq!(
        done.message,
        format!("Added actor \"Jens Stoltenberg\" (stoltenberg) at facts.toml:{line}")
    );
    assert!(
        done.briefing
            .warnings
            .iter()
            .any(|w| w.message.contains("never mentioned")),
        "{:?}",
        done.briefing.warnings
    );
    checks(&path);
    let reloaded = open(&Input::Path(path.clone())).unwrap();
    assert_eq!(reloaded.sheet.actors.len(), b.sheet.actors.len() + 1);
    assert_eq!(done.briefing.sheet, reloaded.sheet);
    assert_eq!(done.briefing.sheet_text, after);
}

#[test]
fn an_alias_is_added_to_the_actors_array() {
    let (_dir, path) = hand_written();
    let (_, mut editor) = load(&path);
    let done = editor
        .commit(&Change::Alias {
            actor: "ann".to_owned(),
            alias: "Ann".to_owned(),
        })
        .unwrap();
    assert_eq!(
        read(&path),
        SHEET.replace("    \"Dr. Lee\",\n", "    \"Dr. Lee\",\n    \"Ann\",\n")
    );
    assert_eq!(
        done.message,
        "Added alias \"Ann\" to actor \"ann\" at facts.toml:18"
    );
    checks(&path);
    // A single-line array, of an actor known by the id its name makes.
    editor
        .commit(&Change::Alias {
            actor: "bob-stone".to_owned(),
            alias: "Bob".to_owned(),
        })
        .unwrap();
    assert_eq!(
        read(&path),
        SHEET
            .replace("    \"Dr. Lee\",\n", "    \"Dr. Lee\",\n    \"Ann\",\n")
            .replace("aliases = [\"Stone\"]", "aliases = [\"Stone\", \"Bob\"]")
    );
    checks(&path);
}

#[test]
fn a_sentence_becomes_a_new_event() {
    let (_dir, path) = hand_written();
    let (b, mut editor) = load(&path);
    let at = ARTICLE.find("Stone left").unwrap() + 3;
    let s = sentence_at(&b, at);
    assert_eq!(&ARTICLE[s.clone()], "Stone left Paris on 2 July 2024.");
    let e = propose_event(&b, s);
    assert_eq!(
        e,
        NewEvent {
            id: "stone-left-paris-on-2".to_owned(),
            date: "2024-07-02".to_owned(),
            dated: true,
            approximate: false,
            title: "Stone left Paris on 2 July 2024".to_owned(),
            actors: vec!["bob-stone".to_owned(), "paris".to_owned()],
            evidence: "Stone left Paris on 2 July 2024.".to_owned(),
        }
    );
    let done = editor.commit(&Change::NewEvent(e)).unwrap();
    assert_eq!(
        read(&path),
        SHEET.replace(
            "actors = [\"bob-stone\"]\n",
            "actors = [\"bob-stone\"]\n\n[[events]]\nid = \"stone-left-paris-on-2\"\ndate = \
             2024-07-02\ntitle = \"Stone left Paris on 2 July 2024\"\nactors = [\"bob-stone\", \
             \"paris\"]\nevidence = \"Stone left Paris on 2 July 2024.\"\n"
        )
    );
    assert!(
        done.message.ends_with("at facts.toml:47"),
        "{}",
        done.message
    );
    checks(&path);
}

#[test]
fn a_sentence_without_a_date_is_dated_with_the_publication_date() {
    let (_dir, path) = hand_written();
    let (b, _) = load(&path);
    let s = sentence_at(&b, ARTICLE.find("The plan was signed").unwrap());
    let e = propose_event(&b, s);
    assert!(!e.dated);
    assert_eq!(e.date, "2024-07-03");
    assert_eq!(e.actors, ["ann"]);
    assert_eq!(e.evidence, "The plan was signed by Dr. Lee the next day.");
}

#[test]
fn evidence_is_added_to_an_existing_event_and_fact() {
    let (_dir, path) = hand_written();
    let (b, mut editor) = load(&path);
    assert_eq!(
        unquoted(&b)
            .into_iter()
            .map(|u| u.target)
            .collect::<Vec<_>>(),
        [
            EvidenceTarget::Event("left".to_owned()),
            EvidenceTarget::Fact(0)
        ]
    );
    editor
        .commit(&Change::Evidence {
            target: EvidenceTarget::Fact(0),
            evidence: "paid 3 million euros".to_owned(),
        })
        .unwrap();
    let with_fact = format!("{SHEET}evidence = \"paid 3 million euros\"\n");
    assert_eq!(read(&path), with_fact);
    checks(&path);
    editor
        .commit(&Change::Evidence {
            target: EvidenceTarget::Event("left".to_owned()),
            evidence: "Stone left Paris".to_owned(),
        })
        .unwrap();
    assert_eq!(
        read(&path),
        with_fact.replace(
            "actors = [\"bob-stone\"]\n",
            "actors = [\"bob-stone\"]\nevidence = \"Stone left Paris\"\n"
        )
    );
    checks(&path);
    let reloaded = open(&Input::Path(path.clone())).unwrap();
    assert!(unquoted(&reloaded).is_empty());
}

#[test]
fn undo_puts_back_the_bytes_before_the_change() {
    let (_dir, path) = hand_written();
    let (_, mut editor) = load(&path);
    editor
        .commit(&Change::Alias {
            actor: "paris".to_owned(),
            alias: "the French capital".to_owned(),
        })
        .unwrap();
    assert_ne!(read(&path), SHEET);
    let undone = editor.undo().unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), SHEET.as_bytes());
    assert_eq!(undone.text, SHEET);
    assert_eq!(
        undone.message,
        "Undid: added alias \"the French capital\" to actor \"paris\""
    );
    assert!(matches!(editor.undo(), Err(EditError::NothingToUndo)));
}

#[test]
fn a_change_that_fails_check_is_refused_and_nothing_is_written() {
    let (_dir, path) = hand_written();
    let (_, mut editor) = load(&path);
    let mtime = std::fs::metadata(&path).unwrap().modified().unwrap();
    let refused = editor
        .commit(&Change::Evidence {
            target: EvidenceTarget::Fact(0),
            evidence: "words the article never says".to_owned(),
        })
        .unwrap_err();
    let EditError::Invalid { diagnostics, .. } = &refused else {
        panic!("{refused:?}");
    };
    assert!(
        diagnostics.iter().any(|d| d.is_error()
            && d.message.contains("is not in the article")
            && d.path.ends_with("facts.toml")),
        "{diagnostics:?}"
    );
    assert!(
        refused
            .to_string()
            .starts_with("not written: the change would make"),
        "{refused}"
    );
    assert_eq!(read(&path), SHEET);
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), mtime);
    assert_eq!(editor.undoable(), 0);
}

#[test]
fn a_change_racing_an_outside_edit_keeps_the_outside_edit() {
    let (_dir, path) = hand_written();
    let (_, mut editor) = load(&path);
    let outside = SHEET.replace("# ── Events ──", "# ── Events (edited outside) ──");
    std::fs::write(&path, &outside).unwrap();
    let alias = Change::Alias {
        actor: "paris".to_owned(),
        alias: "the city".to_owned(),
    };
    assert!(matches!(
        editor.commit(&alias),
        Err(EditError::ChangedOnDisk { .. })
    ));
    assert_eq!(read(&path), outside);
    // The reader reloads and hands the new bytes in: the change is made to them.
    editor.loaded(std::fs::read(&path).unwrap());
    editor.commit(&alias).unwrap();
    assert_eq!(
        read(&path),
        outside.replace(
            "kind = \"place\"\n",
            "kind = \"place\"\naliases = [\"the city\"]\n"
        )
    );
    // An undo over a later outside edit is refused too, and the file kept.
    let again = format!("{}# another outside edit\n", read(&path));
    std::fs::write(&path, &again).unwrap();
    assert!(matches!(
        editor.undo(),
        Err(EditError::UndoChangedOnDisk { .. })
    ));
    assert_eq!(read(&path), again);
}

/// Ten changes of every kind.
fn ten_changes() -> Vec<Change> {
    let alias = |actor: &str, alias: &str| Change::Alias {
        actor: actor.to_owned(),
        alias: alias.to_owned(),
    };
    vec![
        Change::NewActor(NewActor {
            aliases: Vec::new(),
            id: "acme".to_owned(),
            name: "Acme Corporation".to_owned(),
            kind: ActorKind::Organization,
            role: None,
        }),
        alias("ann", "Ann"),
        alias("bob-stone", "Bob"),
        alias("paris", "the French capital"),
        alias("acme", "Acme"),
        Change::NewEvent(NewEvent {
            id: "signed".to_owned(),
            date: "2024-07-03".to_owned(),
            dated: false,
            approximate: true,
            title: "The plan was signed".to_owned(),
            actors: vec!["ann".to_owned()],
            evidence: "The plan was signed by Dr. Lee the next day.".to_owned(),
        }),
        Change::Evidence {
            target: EvidenceTarget::Event("left".to_owned()),
            evidence: "Stone left Paris".to_owned(),
        },
        Change::Evidence {
            target: EvidenceTarget::Fact(0),
            evidence: "3 million euros".to_owned(),
        },
        Change::NewActor(NewActor {
            aliases: Vec::new(),
            id: "talks".to_owned(),
            name: "the talks".to_owned(),
            kind: ActorKind::Other,
            role: Some("Talks in \"Paris\"".to_owned()),
        }),
        alias("talks", "talks"),
    ]
}

#[test]
fn ten_changes_keep_every_comment_and_blank_line_and_ten_undos_restore_the_file() {
    let (_dir, path) = hand_written();
    let (_, mut editor) = load(&path);
    let mut texts = vec![SHEET.to_owned()];
    for change in ten_changes() {
        let done = editor
            .commit(&change)
            .unwrap_or_else(|e| panic!("{change:?}: {e}"));
        let (_, added) = inserted(texts.last().unwrap(), &done.text);
        assert!(!added.is_empty());
        checks(&path);
        texts.push(read(&path));
    }
    let last = texts.last().unwrap();
    insta::assert_snapshot!(last);
    // Every comment and blank line of the original is still there, in order.
    let mut lines = last.lines();
    let kept = SHEET
        .lines()
        .filter(|l| l.trim().is_empty() || l.contains('#'));
    for line in kept {
        assert!(lines.any(|l| l == line), "lost or moved: {line:?}\n{last}");
    }
    assert_eq!(
        last.lines().filter(|l| l.trim().is_empty()).count(),
        SHEET.lines().filter(|l| l.trim().is_empty()).count() + 3,
        "one blank line before each new table\n{last}"
    );
    let reloaded = open(&Input::Path(path.clone())).unwrap();
    assert_eq!(reloaded.sheet.actors.len(), 5);
    assert_eq!(reloaded.sheet.events.len(), 3);
    assert!(unquoted(&reloaded).is_empty());
    assert_eq!(editor.undoable(), 10);
    for expected in texts.iter().rev().skip(1) {
        editor.undo().unwrap();
        assert_eq!(&read(&path), expected);
    }
    assert_eq!(std::fs::read(&path).unwrap(), SHEET.as_bytes());
    assert!(matches!(editor.undo(), Err(EditError::NothingToUndo)));
}

#[cfg(unix)]
#[test]
fn a_change_keeps_the_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, path) = hand_written();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (_, mut editor) = load(&path);
    editor
        .commit(&Change::Alias {
            actor: "ann".to_owned(),
            alias: "Ann".to_owned(),
        })
        .unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o640);
}

proptest! {
    #[test]
    fn an_alias_of_any_text_reads_back_as_written(alias in "\\PC*|[\"\\\\\\x00-\\x1f\\x7f\u{e9}\u{1F600} a]{1,12}") {
        prop_assume!(!alias.trim().is_empty());
        let change = Change::Alias { actor: "ann".to_owned(), alias: alias.clone() };
        let out = apply(SHEET, &change).unwrap();
        let parsed: toml::Table = toml::from_str(&out).unwrap();
        let aliases = parsed["actors"].as_array().unwrap()[0]["aliases"].as_array().unwrap();
        prop_assert_eq!(aliases.last().and_then(|a| a.as_str()), Some(alias.as_str()));
        prop_assert_eq!(aliases.len(), 3);
    }
}
