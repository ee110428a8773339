//! `briefing check` as a user runs it: exit statuses and messages.

use predicates::prelude::*;

use crate::harness::{ARTICLE, Fixture, SHEET, briefing};

#[test]
fn the_bundled_briefing_checks_clean() {
    briefing()
        .arg("check")
        .assert()
        .success()
        .stdout("bundled sample: 29 actors, 6 events, 5 facts, 0 errors, 0 warnings\n");
}

#[test]
fn a_folder_means_its_facts_toml() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    briefing()
        .arg("check")
        .arg(f.dir.path())
        .assert()
        .success()
        .stdout("facts.toml: 1 actor, 0 events, 0 facts, 0 errors, 0 warnings\n");
}

#[test]
fn errors_exit_1_and_report_every_problem() {
    let sheet = SHEET
        .replace("aliases", "alias")
        .replace("kind = \"organization\"", "kind = \"organisation\"")
        + "\n[[events]]\nid = \"e\"\ndate = \"2024-13\"\ntitle = \"E\"\nactors = [\"natoo\"]\n";
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let out = f.check(1);
    assert_eq!(
        out,
        "DIR/facts.toml:8:8: error: unknown actor kind \"organisation\" (did you mean \"organization\"?)\n\
         DIR/facts.toml:9:1: error: unknown key \"alias\" in actor \"nato\" (did you mean `aliases`?)\n\
         DIR/facts.toml:13:8: error: `date` in event \"e\" is not a valid date: there is no month 13: months run from 01 to 12\n\
         DIR/facts.toml:15:11: error: unknown actor id \"natoo\" in the event's `actors` (did you mean \"nato\"?)\n\
         facts.toml: 1 actor, 1 event, 0 facts, 4 errors, 0 warnings\n"
    );
}

#[test]
fn warnings_pass_unless_strict() {
    let f = Fixture::new(SHEET, b"Nothing here.\n");
    let warning = "warning: actor \"nato\" is never mentioned in the article";
    briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .success()
        .stdout(predicate::str::contains(warning))
        .stdout(predicate::str::contains("0 errors, 1 warning\n"));
    briefing()
        .args(["check", "--strict"])
        .arg(f.sheet())
        .assert()
        .code(1);
}

#[test]
fn a_missing_path_exits_2() {
    briefing()
        .args(["check", "no/such/facts.toml"])
        .assert()
        .code(2)
        .stderr("briefing: no/such/facts.toml: no such file or folder\n");
}

#[test]
fn a_folder_without_a_fact_sheet_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    briefing()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("a folder without facts.toml"));
}

#[test]
fn a_fact_sheet_that_is_not_text_is_an_error_not_a_crash() {
    let f = Fixture::new("", ARTICLE.as_bytes());
    std::fs::write(f.sheet(), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = f.check(1);
    assert!(
        out.starts_with(
            "DIR/facts.toml:1:1: error: this is not a TOML fact sheet: byte 0 is not UTF-8 text"
        ),
        "{out}"
    );
}

#[test]
fn messages_never_carry_control_characters() {
    let sheet = SHEET.replace("id = \"nato\"", "id = \"na\\u001b]0;pwned\\u0007to\"");
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let out = f.check(1);
    assert!(
        out.contains("actor id \"na\\u{1b}]0;pwned\\u{7}to\" is not a valid id"),
        "{out}"
    );
    assert!(!out.contains('\u{1b}'));
}

/// The README is the front door, read in five minutes (at most 10 KB): the rest goes in docs/ and
/// ARCHITECTURE.md.
#[test]
fn the_readme_stays_under_ten_kilobytes() {
    let readme = std::fs::metadata(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.len() <= 10_000,
        "README.md is {} bytes",
        readme.len()
    );
}

#[test]
fn the_readme_example_fact_sheet_is_valid() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```toml\n#:schema")
        .expect("an example fact sheet")
        + "```toml\n".len();
    let example = &readme[start..start + readme[start..].find("```").unwrap()];
    let article = "Next week NATO will meet during a summit in Washington. Douglas Jones said \
                   the alliance would welcome all 32 NATO member countries.\nAdvertisement\n";
    let f = Fixture::new(example, article.as_bytes());
    briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .success()
        .stdout("facts.toml: 2 actors, 1 event, 1 fact, 0 errors, 0 warnings\n");
}

#[test]
fn the_reader_without_a_terminal_says_so() {
    briefing()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the reader needs a terminal"))
        .stderr(predicate::str::contains("briefing export"));
    // A pipe is told about the pipe, whatever TERM says (pty.rs has TERM on a terminal).
    for term in [Some("dumb"), None] {
        let mut cmd = briefing();
        match term {
            Some(term) => cmd.env("TERM", term),
            None => cmd.env_remove("TERM"),
        };
        cmd.assert().code(2).stderr(predicate::str::contains(
            "the reader needs a terminal, and standard output is not one",
        ));
    }
}

#[test]
fn the_theme_is_light_or_dark() {
    briefing()
        .args(["--theme", "blue"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values: dark, light"));
    // A valid theme gets as far as the terminal check.
    briefing()
        .args(["--theme", "light"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the reader needs a terminal"));
}

/// The export command the reader suggests in `stderr`, between "use `" and "` (or json".
fn suggested_command(stderr: &[u8]) -> String {
    let stderr = String::from_utf8(stderr.to_vec()).unwrap();
    let start = stderr.find("use `").unwrap_or_else(|| panic!("{stderr}")) + "use `".len();
    let end = stderr
        .rfind("` (or json")
        .unwrap_or_else(|| panic!("{stderr}"));
    stderr[start..end].to_owned()
}

#[test]
fn the_reader_without_a_terminal_suggests_an_export_that_runs() {
    for name in [
        "-x.toml",
        "my facts.toml",
        "it's $HOME & `date` \\ \"ok\";*.toml",
        "-it's here.toml",
        "plain.toml",
    ] {
        let f = Fixture::new(SHEET, ARTICLE.as_bytes());
        std::fs::copy(f.sheet(), f.path(name)).unwrap();
        let out = briefing()
            .current_dir(f.dir.path())
            .args(["--", name])
            .assert()
            .code(2)
            .get_output()
            .clone();
        let suggested = suggested_command(&out.stderr);
        let rest = suggested
            .strip_prefix("briefing ")
            .unwrap_or_else(|| panic!("{suggested}"));
        // A shell runs the suggestion as shown, and it exports this fact sheet.
        let run = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$BRIEFING\" {rest}"))
            .env("BRIEFING", assert_cmd::cargo::cargo_bin("briefing"))
            .current_dir(f.dir.path())
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{name:?}: `{suggested}` failed: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert!(
            String::from_utf8_lossy(&run.stdout).starts_with("# Small"),
            "{name:?}: `{suggested}`"
        );
    }
    // Only what must be quoted is.
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let out = briefing()
        .current_dir(f.dir.path())
        .arg("facts.toml")
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert_eq!(
        suggested_command(&out.stderr),
        "briefing export --format markdown facts.toml"
    );
    let out = briefing().assert().code(2).get_output().clone();
    assert_eq!(
        suggested_command(&out.stderr),
        "briefing export --format markdown"
    );
    // A control character in the name is escaped, never printed.
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let name = "a\u{1b}[31mred.toml";
    std::fs::copy(f.sheet(), f.path(name)).unwrap();
    let out = briefing()
        .current_dir(f.dir.path())
        .arg(name)
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert_eq!(
        suggested_command(&out.stderr),
        "briefing export --format markdown 'a\\u{1b}[31mred.toml'"
    );
    assert!(!out.stderr.contains(&0x1b));
}

#[test]
fn the_reader_refuses_a_fact_sheet_with_errors_like_check() {
    let f = Fixture::new(&SHEET.replace("name = \"NATO\"\n", ""), ARTICLE.as_bytes());
    let out = briefing()
        .arg(f.sheet())
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert_eq!(
        f.relative(&String::from_utf8(out).unwrap()),
        "DIR/facts.toml:5:1: error: actor \"nato\" has no `name`, which is required\n\
         facts.toml: 1 actor, 0 events, 0 facts, 1 error, 0 warnings\n"
    );
}

/// A fact sheet for the rule 9 fixtures: Sam Bankman-Fried, known also as SBF, and two actors
/// that a careless reading finds in "Mr. Bankman Fried".
const SBF_SHEET: &str = "[briefing]\ntitle = \"T\"\narticle = \"article.txt\"\n\
    \n[[actors]]\nid = \"sbf\"\nname = \"Sam Bankman-Fried\"\nkind = \"person\"\naliases = [\"SBF\"]\n\
    \n[[actors]]\nid = \"stoltenberg\"\nname = \"Jens Stoltenberg\"\nkind = \"person\"\n\
    aliases = [\"Secretary General\"]\n\
    \n[[actors]]\nid = \"bankman\"\nname = \"Bankman\"\nkind = \"person\"\n\
    \n[[actors]]\nid = \"fried\"\nname = \"Fried\"\nkind = \"person\"\n";

#[test]
fn rule_9_a_name_with_its_alias_is_one_mention_in_exports() {
    let article = "Sam Bankman-Fried (SBF) met Secretary General\nJens Stoltenberg.\n\
                   Later SBF spoke; Bankman, Fried.\n";
    let f = Fixture::new(SBF_SHEET, article.as_bytes());
    let out = f.export(&["--format", "csv", "--table", "mentions"]);
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "actor,start,end,line,column,text,name,kind,sentence\n\
         sbf,0,23,1,1,Sam Bankman-Fried (SBF),Sam Bankman-Fried,person,Sam Bankman-Fried (SBF) met Secretary General Jens Stoltenberg.\n\
         stoltenberg,28,62,1,29,\"Secretary General\nJens Stoltenberg\",Jens Stoltenberg,person,Sam Bankman-Fried (SBF) met Secretary General Jens Stoltenberg.\n\
         sbf,70,73,3,7,SBF,Sam Bankman-Fried,person,\"Later SBF spoke; Bankman, Fried.\"\n\
         bankman,81,88,3,18,Bankman,Bankman,person,\"Later SBF spoke; Bankman, Fried.\"\n\
         fried,90,95,3,27,Fried,Fried,person,\"Later SBF spoke; Bankman, Fried.\"\n"
    );
}

#[test]
fn two_actors_side_by_side_warn_once_per_phrase() {
    let article = "Mr. Bankman Fried spoke.\nSam Bankman-Fried (SBF) agreed.\n\
                   Then Bankman\nFried left, and Bankman Fried came back.\n";
    let f = Fixture::new(SBF_SHEET, article.as_bytes());
    let out = f.check(0);
    assert_eq!(
        out,
        "DIR/facts.toml:12:6: warning: actor \"stoltenberg\" is never mentioned in the article (check its name and aliases against the text)\n\
         DIR/facts.toml:18:6: warning: actors \"bankman\" and \"fried\" are mentioned side by side in the article as \"Bankman Fried\" (3 times; first on line 1) (if it is one name, add \"Bankman Fried\" to the aliases of one of them)\n\
         facts.toml: 4 actors, 0 events, 0 facts, 0 errors, 2 warnings\n"
    );
}

#[test]
fn repeated_evidence_names_every_copy_and_the_repeated_lines() {
    let sheet = format!(
        "{SHEET}\n[[events]]\nid = \"e\"\ndate = 2024-07-09\ntitle = \"E\"\n\
         evidence = \"summit opened\"\n"
    );
    let article = "NATO said the summit opened.\nMost read\nThe summit opened\nin Washington.\n\
                   NATO agreed.\nThe summit opened\nin Washington.\n";
    let f = Fixture::new(&sheet, article.as_bytes());
    let out = f.check(0);
    assert!(
        out.contains(
            "warning: evidence \"summit opened\" occurs 3 times in the article, on lines 1, 3 and \
             6; lines 3-4 and 6-7 repeat word for word (if the repeated lines are page furniture, \
             list them in `omit`, which hides every copy, and the quote is found where it is not \
             repeated; or quote more words)\n"
        ),
        "{out}"
    );
    assert!(out.ends_with("0 errors, 1 warning\n"), "{out}");
}

// Issue 11: `check` without a path, hints that name the fix, less to type.

#[test]
fn without_a_path_check_reads_facts_toml_in_the_current_folder() {
    let f = Fixture::new(&SHEET.replace("name = \"NATO\"\n", ""), ARTICLE.as_bytes());
    briefing()
        .current_dir(f.dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stdout(
            "facts.toml:5:1: error: actor \"nato\" has no `name`, which is required\n\
             facts.toml: 1 actor, 0 events, 0 facts, 1 error, 0 warnings\n",
        );
    // Without one there, the bundled sample, named as such.
    let empty = tempfile::tempdir().unwrap();
    briefing()
        .current_dir(empty.path())
        .arg("check")
        .assert()
        .success()
        .stdout("bundled sample: 29 actors, 6 events, 5 facts, 0 errors, 0 warnings\n");
}

#[test]
fn an_article_given_for_the_fact_sheet_is_one_error_naming_the_fact_sheet() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    briefing()
        .current_dir(f.dir.path())
        .args(["check", "article.txt"])
        .assert()
        .code(1)
        .stdout(
            "article.txt:1:1: error: this is not a fact sheet: it is not TOML, and has no \
             [briefing] table (is it the article? did you mean facts.toml?)\n\
             article.txt: 0 actors, 0 events, 0 facts, 1 error, 0 warnings\n",
        );
}

#[test]
fn ids_left_out_star_omits_and_elided_evidence_check_clean_and_export() {
    let sheet = "[briefing]\ntitle = \"Small\"\narticle = \"article.txt\"\nomit = [\"• *\"]\n\n\
                 [[actors]]\nname = \"NATO\"\nkind = \"organization\"\n\n\
                 [[events]]\ndate = 2024-07-09\ntitle = \"NATO met\"\nactors = [\"nato\"]\n\
                 evidence = \"NATO met. … agreed.\"\n";
    let article = "NATO met. The alliance agreed.\n• Share\n• Print\n";
    let f = Fixture::new(sheet, article.as_bytes());
    briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .success()
        .stdout("facts.toml: 1 actor, 1 event, 0 facts, 0 errors, 0 warnings\n");
    let out = f.export(&["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json["actors"][0]["id"], "nato");
    assert_eq!(json["events"][0]["id"], "nato-met");
    assert_eq!(
        json["events"][0]["evidence"]["text"],
        "NATO met. The alliance agreed."
    );
}

#[test]
fn fact_ids_are_made_from_labels_numbered_apart_and_a_written_duplicate_is_an_error() {
    let facts = "\n[[facts]]\nlabel = \"Troops sent\"\nvalue = \"1\"\n\
                 \n[[facts]]\nlabel = \"Troops sent\"\nvalue = \"2\"\n\
                 \n[[facts]]\nid = \"cost\"\nlabel = \"Cost\"\nvalue = \"3\"\n\
                 \n[[facts]]\nid = \"cost\"\nlabel = \"Cost again\"\nvalue = \"4\"\n";
    let f = Fixture::new(&format!("{SHEET}{facts}"), ARTICLE.as_bytes());
    let out = f.check(1);
    assert!(
        out.starts_with(
            "DIR/facts.toml:25:6: error: duplicate fact id \"cost\" (first used on line 20)\n"
        ),
        "{out}"
    );
    assert!(out.ends_with("4 facts, 1 error, 0 warnings\n"), "{out}");
    // Without the duplicate, the two labels give "troops-sent" and "troops-sent-2".
    let f = Fixture::new(
        &format!(
            "{SHEET}{}",
            facts.replace(
                "id = \"cost\"\nlabel = \"Cost again\"",
                "label = \"Cost again\""
            )
        ),
        ARTICLE.as_bytes(),
    );
    let out = f.export(&["-f", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let ids: Vec<&str> = doc["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["troops-sent", "troops-sent-2", "cost", "cost-again"]);
}

#[test]
fn a_control_character_in_a_fact_sheet_string_is_a_warning_at_the_string() {
    let sheet = SHEET.replace(
        "aliases = [\"the alliance\"]",
        "aliases = [\"the alliance\", \"NA\\u0007TO\"]\nrole = \"x\\u001b]52;c;aGk=\\u0007y\"\nnote = \"two\\nlines\\tand a tab\"",
    );
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let out = f.check(0);
    assert_eq!(
        out,
        "DIR/facts.toml:9:28: warning: `aliases` in actor \"nato\" holds the control character U+0007 (remove it: the reader and the exports show it as \u{2407})\n\
         DIR/facts.toml:10:8: warning: `role` in actor \"nato\" holds the control character U+001B (remove it: the reader and the exports show it as \u{241b})\n\
         facts.toml: 1 actor, 0 events, 0 facts, 0 errors, 2 warnings\n"
    );
}

#[test]
fn a_spelling_that_is_a_common_word_warns_where_it_is_written() {
    let sheet = SHEET.replace(
        "aliases = [\"the alliance\"]",
        "aliases = [\"the alliance\", \"The\", \"US\"]",
    );
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let out = f.check(0);
    assert_eq!(
        out,
        "DIR/facts.toml:9:28: warning: \"The\" of actor \"nato\" is a common English word, found \
         wherever the article uses it (it is more likely a slip than a name; remove it, or write \
         the phrase the article names the actor by)\n\
         facts.toml: 1 actor, 0 events, 0 facts, 0 errors, 1 warning\n"
    );
}

#[test]
fn every_reference_to_one_unknown_id_gets_the_same_suggestion() {
    let sheet = SHEET.to_owned()
        + "\n[[events]]\nid = \"e\"\ndate = \"2024-01\"\ntitle = \"E\"\n\
           actors = [\"natoo\", \"natoo\", \"zzzz\"]\n";
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let out = f.check(1);
    assert_eq!(out.matches("(did you mean \"nato\"?)").count(), 2, "{out}");
    assert!(
        out.contains("unknown actor id \"zzzz\" in the event's `actors` (use the `id` of an actor"),
        "{out}"
    );
}
