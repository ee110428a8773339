//! Every validation error and warning `check` reports, each asserted with its message, line and
//! column.

use std::fs;

use super::{Input, check, numbers};

const ARTICLE: &str = "NATO met in Washington.\nAdvertisement\nNATO agreed; Washington agreed.\n";

/// Checks `sheet` beside `article.txt` holding `article`; returns every diagnostic as printed,
/// with the folder's path replaced by `DIR`.
fn diagnostics_with(sheet: &str, article: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("facts.toml"), sheet).unwrap();
    fs::write(dir.path().join("article.txt"), article).unwrap();
    let input = Input::from_arg(Some(dir.path())).unwrap();
    let checked = check(&input).unwrap();
    let prefix = format!("{}/", dir.path().display());
    checked
        .diagnostics()
        .iter()
        .map(|d| d.to_string().replace(&prefix, "DIR/"))
        .collect()
}

fn diagnostics(sheet: &str) -> Vec<String> {
    diagnostics_with(sheet, ARTICLE.as_bytes())
}

const HEAD: &str = "[briefing]\ntitle = \"T\"\narticle = \"article.txt\"\n";

fn nato() -> String {
    format!("{HEAD}\n[[actors]]\nid = \"nato\"\nname = \"NATO\"\nkind = \"organization\"\n")
}

#[test]
fn a_clean_sheet_has_no_diagnostics() {
    let sheet = format!(
        "{}\n[[actors]]\nid = \"washington\"\nname = \"Washington\"\nkind = \"place\"\n",
        nato()
    );
    assert_eq!(diagnostics(&sheet), [] as [String; 0]);
}

#[test]
fn toml_syntax() {
    let d = diagnostics("[briefing]\ntitle = \"T\narticle = \"article.txt\"\n");
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].starts_with("DIR/facts.toml:2:11: error: TOML syntax: invalid basic string"),
        "{d:?}"
    );
}

#[test]
fn missing_required_keys() {
    let d = diagnostics(
        "[briefing]\ntitle = \"T\"\n\n[[actors]]\nid = \"nato\"\nkind = \"organization\"\n",
    );
    assert_eq!(
        d,
        [
            "DIR/facts.toml:1:1: error: [briefing] has no `article`, which is required",
            "DIR/facts.toml:4:1: error: actor \"nato\" has no `name`, which is required",
        ]
    );
    let d = diagnostics("title = \"T\"\n");
    assert_eq!(
        d[0],
        "DIR/facts.toml:1:1: error: unknown key \"title\" in the fact sheet (the keys here are `briefing`, `actors`, `events` and `facts`)"
    );
    assert_eq!(
        d[1],
        "DIR/facts.toml:1:1: error: the fact sheet has no [briefing] table (start it with [briefing], a title and an article path)"
    );
}

#[test]
fn wrong_types() {
    let d = diagnostics(&format!(
        "{HEAD}source = 7\n\n[[actors]]\nid = \"nato\"\nname = \"NATO\"\nkind = \"organization\"\naliases = \"the alliance\"\n"
    ));
    assert_eq!(
        d,
        [
            "DIR/facts.toml:4:10: error: `source` in [briefing] must be a string, not an integer",
            "DIR/facts.toml:10:11: error: `aliases` in actor \"nato\" must be an array of strings, not a string (a list, even of one: aliases = [\"the alliance\"])",
        ]
    );
}

#[test]
fn tables_of_the_wrong_shape() {
    let d = diagnostics("briefing = \"T\"\nactors = 5\nevents = [1, { id = \"e\" }]\n");
    assert_eq!(
        d,
        [
            "DIR/facts.toml:1:12: error: `briefing` must be a table, not a string",
            "DIR/facts.toml:2:10: error: `actors` must be an array of tables, not an integer (write each entry under its own [[actors]] header)",
            "DIR/facts.toml:3:11: error: each entry of `events` must be a table, not an integer",
            // The entry that is a table is still checked.
            "DIR/facts.toml:3:14: error: event \"e\" has no `date`, which is required",
            "DIR/facts.toml:3:14: error: event \"e\" has no `title`, which is required",
        ]
    );
    let d = diagnostics(&format!("{HEAD}omit = [\"Advertisement\", \"  \"]\n"));
    assert_eq!(
        d,
        ["DIR/facts.toml:4:26: error: a blank line in `omit` would hide every blank line"]
    );
}

#[test]
fn unknown_keys_suggest_the_intended_one() {
    let d = diagnostics(&format!("{}alias = [\"the alliance\"]\n", nato()));
    assert_eq!(
        d,
        [
            "DIR/facts.toml:9:1: error: unknown key \"alias\" in actor \"nato\" (did you mean `aliases`?)"
        ]
    );
}

#[test]
fn duplicate_and_malformed_ids() {
    let d = diagnostics(&format!(
        "{}\n[[actors]]\nid = \"nato\"\nname = \"Washington\"\nkind = \"place\"\n\n[[actors]]\nid = \"Joe Biden\"\nname = \"Biden\"\nkind = \"person\"\n",
        nato()
    ));
    assert_eq!(
        d,
        [
            "DIR/facts.toml:11:6: error: duplicate actor id \"nato\" (first used on line 6)",
            "DIR/facts.toml:16:6: error: actor id \"Joe Biden\" is not a valid id (use lowercase letters, digits and '-', like \"joe-biden\")",
            "DIR/facts.toml:16:6: warning: actor \"Joe Biden\" is never mentioned in the article (check its name and aliases against the text)",
        ]
    );
}

#[test]
fn blank_names_and_aliases() {
    let d = diagnostics(&format!(
        "{HEAD}\n[[actors]]\nid = \"nato\"\nname = \"  \"\nkind = \"organization\"\naliases = [\"\", \"NATO\"]\n"
    ));
    assert_eq!(
        d,
        [
            "DIR/facts.toml:7:8: error: `name` in actor \"nato\" is blank",
            "DIR/facts.toml:9:12: error: a blank alias would match nothing; remove it",
        ]
    );
}

#[test]
fn unknown_references_suggest_close_ids() {
    let d = diagnostics(&format!(
        "{}affiliation = \"natoo\"\n\n[[events]]\nid = \"summit\"\ndate = 2024-07-09\ntitle = \"Summit\"\nactors = [\"nato\", \"ukraine\"]\n\n[[facts]]\nlabel = \"Members\"\nvalue = \"32\"\nsource = \"nato2\"\n",
        nato()
    ));
    assert_eq!(
        d,
        [
            "DIR/facts.toml:9:15: error: unknown actor id \"natoo\" in `affiliation` (did you mean \"nato\"?)",
            "DIR/facts.toml:15:19: error: unknown actor id \"ukraine\" in the event's `actors` (use the `id` of an actor defined under [[actors]])",
            "DIR/facts.toml:20:10: error: unknown actor id \"nato2\" in the fact's `source` (did you mean \"nato\"?)",
        ]
    );
}

#[test]
fn invalid_dates_and_end_before_date() {
    let event = |date: &str, end: &str| {
        format!(
            "{}\n[[events]]\nid = \"e\"\ndate = {date}\n{end}title = \"E\"\n",
            nato()
        )
    };
    assert_eq!(
        diagnostics(&event("\"2024-13-40\"", "")),
        [
            "DIR/facts.toml:12:8: error: `date` in event \"e\" is not a valid date: there is no month 13: months run from 01 to 12"
        ]
    );
    assert_eq!(
        diagnostics(&event("\"24-7\"", "")),
        [
            "DIR/facts.toml:12:8: error: `date` in event \"e\" is not a valid date: expected a date written YYYY, YYYY-MM or YYYY-MM-DD"
        ]
    );
    assert_eq!(
        diagnostics(&event("2024", "")),
        [
            "DIR/facts.toml:12:8: error: `date` in event \"e\" must be a date, not an integer (write a year in quotes: date = \"2024\")"
        ]
    );
    assert_eq!(
        diagnostics(&event("2024-07-09T10:00:00", "")),
        [
            "DIR/facts.toml:12:8: error: `date` in event \"e\" is not a valid date: a time of day is not allowed here: write only the date"
        ]
    );
    assert_eq!(
        diagnostics(&event("2024-07-11", "end = 2024-07-09\n")),
        ["DIR/facts.toml:13:7: error: event \"e\" ends (2024-07-09) before it starts (2024-07-11)"]
    );
    assert_eq!(
        diagnostics(&event("\"2024-07\"", "end = 2024-07-09\n")),
        [] as [String; 0]
    );
}

#[test]
fn article_missing_or_not_a_file() {
    let d = diagnostics(&nato().replace("article.txt", "missing.txt"));
    assert_eq!(
        d,
        [
            "DIR/facts.toml:3:11: error: the article DIR/missing.txt does not exist (`article` is relative to the fact sheet's folder; \"missing.txt\" names DIR/missing.txt)"
        ]
    );
    let d = diagnostics(&nato().replace("article.txt", "."));
    assert_eq!(
        d,
        [
            "DIR/facts.toml:3:11: error: the article DIR/. is a folder, not a regular file (name a text file)"
        ]
    );
}

#[test]
fn article_not_utf8_names_the_byte() {
    let d = diagnostics_with(&nato(), b"NATO\nna\xEFve\n");
    assert_eq!(
        d,
        [
            "DIR/article.txt:2:3: error: the file is not UTF-8 text: byte 7 is not valid UTF-8 (convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8`)"
        ]
    );
}

#[test]
fn evidence_not_found_or_repeated() {
    let event = |quote: &str| {
        format!(
            "{}\n[[events]]\nid = \"e\"\ndate = 2024-07-09\ntitle = \"E\"\nevidence = \"{quote}\"\n",
            nato()
        )
    };
    assert_eq!(
        diagnostics(&event("NATO met in Paris")),
        [
            "DIR/facts.toml:14:12: error: evidence \"NATO met in Paris\" is not in the article (the article has \"NATO met in \" up to line 1, column 13, where it says \"Washington\")"
        ]
    );
    assert_eq!(
        diagnostics(&event("Washington")),
        [
            "DIR/facts.toml:14:12: warning: evidence \"Washington\" occurs 2 times in the article, on lines 1 and 3 (the first is used; quote more words to make it unique)"
        ]
    );
    // Evidence inside omitted text does not count.
    let sheet = event("Advertisement").replace(
        "article = \"article.txt\"\n",
        "article = \"article.txt\"\nomit = [\"Advertisement\"]\n",
    );
    assert_eq!(diagnostics(&sheet).len(), 1);
    assert!(
        diagnostics(&sheet)[0].contains("error: evidence \"Advertisement\" is not in the article")
    );
    assert!(
        diagnostics(&sheet)[0].contains("it is on line "),
        "{:?}",
        diagnostics(&sheet)
    );
}

#[test]
fn evidence_across_an_omitted_line_says_which_line() {
    let event = |quote: &str| {
        format!(
            "{}\n[[events]]\nid = \"e\"\ndate = 2024-07-09\ntitle = \"E\"\nevidence = \"{quote}\"\n",
            nato().replace(
                "article = \"article.txt\"\n",
                "article = \"article.txt\"\nomit = [\"Advertisement\", \"Subscribe\"]\n",
            )
        )
    };
    let article =
        "NATO met in Washington.\nAdvertisement\nNATO agreed;\nSubscribe\n\nWashington agreed.\n";
    // The words on both sides of the hidden line, and the hidden line quoted with them.
    for quote in [
        "in Washington. NATO agreed",
        "Washington. Advertisement NATO",
    ] {
        assert_eq!(
            diagnostics_with(&event(quote), article.as_bytes()),
            [format!(
                "DIR/facts.toml:15:12: error: evidence \"{quote}\" crosses line 2 of the article, which `omit` hides (quote only the words before it or after it, or take the line out of `omit`)"
            )]
        );
    }
    assert_eq!(
        diagnostics_with(
            &event("met in Washington. NATO agreed; Washington"),
            article.as_bytes()
        ),
        [
            "DIR/facts.toml:15:12: error: evidence \"met in Washington. NATO agreed; Washington\" crosses lines 2 and 4 of the article, which `omit` hides (quote only words that no such line interrupts, or take the lines out of `omit`)"
        ]
    );
    // A quote that is simply wrong still says how far it matches.
    assert_eq!(
        diagnostics_with(&event("NATO met in Paris"), article.as_bytes()),
        [
            "DIR/facts.toml:15:12: error: evidence \"NATO met in Paris\" is not in the article (the article has \"NATO met in \" up to line 1, column 13, where it says \"Washington\")"
        ]
    );
}

#[test]
fn one_spelling_on_two_actors() {
    let d = diagnostics(&format!(
        "{}aliases = [\"the alliance\"]\n\n[[actors]]\nid = \"other\"\nname = \"The  alliance\"\nkind = \"other\"\naliases = [\"NATO\"]\n",
        nato()
    ));
    assert_eq!(
        d,
        [
            "DIR/facts.toml:9:12: error: \"the alliance\" of actor \"nato\" also matches \"The alliance\", which actor \"other\" uses (line 13) (a spelling that starts lowercase also matches capitalised, at the start of a sentence; keep the two on one actor, or make them differ)",
            "DIR/facts.toml:12:6: warning: actor \"other\" is never mentioned in the article (check its name and aliases against the text)",
            "DIR/facts.toml:15:12: error: \"NATO\" is used by actor \"other\" and by actor \"nato\" (line 7) (a spelling can name only one actor; keep it on one of them)",
        ]
    );
}

#[test]
fn warnings_for_silent_actors_and_unused_omit_lines() {
    let sheet = format!(
        "{}\n[[actors]]\nid = \"china\"\nname = \"China\"\nkind = \"country\"\n",
        nato().replace(
            "article = \"article.txt\"\n",
            "article = \"article.txt\"\nomit = [\"Advertisement\", \"Subscribe now\"]\n"
        )
    );
    assert_eq!(
        diagnostics(&sheet),
        [
            "DIR/facts.toml:4:26: warning: this `omit` line matches no line of the article (it must equal a whole line, apart from surrounding spaces)",
            "DIR/facts.toml:12:6: warning: actor \"china\" is never mentioned in the article (check its name and aliases against the text)",
        ]
    );
}

#[test]
fn an_actor_named_only_on_omitted_lines_is_told_where() {
    let sheet = format!(
        "{}\n[[actors]]\nid = \"times\"\nname = \"The Times\"\nkind = \"media\"\n\n[[actors]]\nid = \"post\"\nname = \"Post\"\nkind = \"media\"\naliases = [\"the post\"]\n",
        nato().replace(
            "article = \"article.txt\"\n",
            "article = \"article.txt\"\nomit = [\"The Times\", \"Subscribe to The Times or the Post\"]\n"
        )
    );
    let article = "NATO met.\nThe Times\nNATO agreed.\nSubscribe to  The Times or the Post\n";
    assert_eq!(
        diagnostics_with(&sheet, article.as_bytes()),
        [
            "DIR/facts.toml:12:6: warning: actor \"times\" is mentioned only on lines 2 and 4 of the article, which `omit` hides (mentions there are not counted; take the lines out of `omit` to count them, or remove the actor)",
            "DIR/facts.toml:17:6: warning: actor \"post\" is mentioned only on line 4 of the article, which `omit` hides (a mention there is not counted; take the line out of `omit` to count it, or remove the actor)",
        ]
    );
}

#[test]
fn an_omit_line_listed_twice_is_said_once_and_still_matches() {
    let sheet = nato().replace(
        "article = \"article.txt\"\n",
        "article = \"article.txt\"\nomit = [\"Advertisement\", \"Advertisement \"]\n",
    );
    assert_eq!(
        diagnostics(&sheet),
        ["DIR/facts.toml:4:26: warning: this `omit` line is listed twice (also on line 4)"]
    );
}

#[test]
fn summary_counts_everything() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("facts.toml"), nato()).unwrap();
    fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    let checked = check(&Input::from_arg(Some(dir.path())).unwrap()).unwrap();
    assert_eq!(
        checked.summary,
        "facts.toml: 1 actor, 0 events, 0 facts, 0 errors, 0 warnings"
    );
    let b = checked.into_briefing().unwrap();
    assert_eq!(b.mentions.count(0), 2);
}

#[test]
fn the_bundled_briefing_is_clean() {
    let checked = check(&Input::Bundled).unwrap();
    assert_eq!(checked.diagnostics(), []);
    assert_eq!(
        checked.summary,
        "bundled sample: 29 actors, 6 events, 5 facts, 0 errors, 0 warnings"
    );
}

#[test]
fn syntax_errors_from_unquoted_values_say_to_quote_them() {
    let sheet = format!(
        "{HEAD}published = 2024-07\n\n[[actors]]\nid = \"nato\"\nname = NATO\nkind = \"organization\"\n"
    );
    assert_eq!(
        diagnostics(&sheet),
        [
            "DIR/facts.toml:4:13: error: TOML syntax: invalid date, expected `-` (MM-DD) (a full date is written bare, like 2024-07-09; a year or a month alone goes in quotes: published = \"2024-07\")",
            "DIR/facts.toml:8:8: error: TOML syntax: invalid float, expected `nan` (text goes in double quotes: name = \"NATO\")",
        ]
    );
    // A full date that is wrong gets the parser's message alone: quoting it would not help.
    let d = diagnostics(&format!("{HEAD}published = 2024-07-32\n"));
    assert_eq!(d.len(), 1);
    assert!(d[0].contains("expected day between 01 and 31"), "{d:?}");
    assert!(!d[0].contains("in quotes"), "{d:?}");
    let d = diagnostics(&format!("{}aliases = [\"x\"]\naliases = [\"y\"]\n", nato()));
    assert_eq!(
        d,
        [
            "DIR/facts.toml:10:1: error: TOML syntax: duplicate key (`aliases` is set twice in this table; keep one of them)"
        ]
    );
}

#[test]
fn a_missing_key_is_reported_at_its_table_header() {
    let sheet = format!(
        "{}\n[[actors]]\n# no kind\nid = \"china\"\nname = \"China\"\n",
        nato()
    );
    let d = diagnostics(&sheet);
    assert!(
        d[0].starts_with("DIR/facts.toml:10:1: error: actor \"china\" has no `kind`"),
        "{d:?}"
    );
    // The summary counts the table it could not read too.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("facts.toml"), &sheet).unwrap();
    fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    let checked = check(&Input::from_arg(Some(dir.path())).unwrap()).unwrap();
    assert!(
        checked.summary.starts_with("facts.toml: 2 actors,"),
        "{}",
        checked.summary
    );
}

#[test]
fn blank_optional_values_are_errors_not_dropped() {
    let sheet = format!(
        "{HEAD}source = \"\"\nurl = \" \"\nsummary = \"\"\n\n[[actors]]\nid = \"nato\"\nname = \"NATO\"\nkind = \"organization\"\nrole = \"\"\naffiliation = \"  \"\nnote = \"\\t\"\n\n[[events]]\nid = \"e\"\ndate = 2024-07-09\ntitle = \"E\"\nevidence = \"   \"\nnote = \"\"\n\n[[facts]]\nlabel = \"Members\"\nvalue = \"32\"\nsource = \"\"\nevidence = \"\"\nnote = \" \"\n"
    );
    assert_eq!(
        diagnostics(&sheet),
        [
            "DIR/facts.toml:4:10: error: `source` in [briefing] is blank (fill it in, or remove the key)",
            "DIR/facts.toml:5:7: error: `url` in [briefing] is blank (fill it in, or remove the key)",
            "DIR/facts.toml:6:11: error: `summary` in [briefing] is blank (fill it in, or remove the key)",
            "DIR/facts.toml:12:8: error: `role` in actor \"nato\" is blank (fill it in, or remove the key)",
            "DIR/facts.toml:13:15: error: `affiliation` in actor \"nato\" is blank (write the id of an actor, or remove the key)",
            "DIR/facts.toml:14:8: error: `note` in actor \"nato\" is blank (fill it in, or remove the key)",
            "DIR/facts.toml:20:12: error: `evidence` in event \"e\" is blank (quote the article's own words, or remove the key)",
            "DIR/facts.toml:21:8: error: `note` in event \"e\" is blank (fill it in, or remove the key)",
            "DIR/facts.toml:26:10: error: `source` in fact \"members\" is blank (write the id of an actor, or remove the key)",
            "DIR/facts.toml:27:12: error: `evidence` in fact \"members\" is blank (quote the article's own words, or remove the key)",
            "DIR/facts.toml:28:8: error: `note` in fact \"members\" is blank (fill it in, or remove the key)",
        ]
    );
}

#[test]
fn line_numbers_read_as_a_list_and_stop_at_five() {
    assert_eq!(numbers(&[3]), "3");
    assert_eq!(numbers(&[3, 17]), "3 and 17");
    assert_eq!(numbers(&[3, 17, 20]), "3, 17 and 20");
    assert_eq!(numbers(&[1, 2, 3, 4, 5, 6, 7]), "1, 2, 3, 4, 5 and 2 more");
}

#[test]
fn two_actors_side_by_side_are_one_warning_per_phrase() {
    let sheet = format!(
        "{HEAD}\n[[actors]]\nid = \"bankman\"\nname = \"Bankman\"\nkind = \"person\"\n\
         \n[[actors]]\nid = \"fried\"\nname = \"Fried\"\nkind = \"person\"\n"
    );
    let article = "Mr. Bankman Fried spoke.\nLater Bankman\nFried left; Bankman  Fried again.\n\
                   Fried Bankman. Bankman, Fried. Bankman Bankman.\n";
    assert_eq!(
        diagnostics_with(&sheet, article.as_bytes()),
        [
            "DIR/facts.toml:6:6: warning: actors \"bankman\" and \"fried\" are mentioned side by side in the article as \"Bankman Fried\" (3 times; first on line 1) (if it is one name, add \"Bankman Fried\" to the aliases of one of them)",
            "DIR/facts.toml:6:6: warning: actors \"fried\" and \"bankman\" are mentioned side by side in the article as \"Fried Bankman\" (on line 4) (if it is one name, add \"Fried Bankman\" to the aliases of one of them)",
        ]
    );
}

#[test]
fn repeated_evidence_names_the_lines_of_every_copy_and_repeated_lines() {
    let sheet = |quote: &str| {
        format!(
            "{}\n[[events]]\nid = \"e\"\ndate = 2024-07-09\ntitle = \"E\"\nevidence = \"{quote}\"\n",
            nato()
        )
    };
    // A paragraph the page repeats whole: `omit` would hide both copies.
    let article = "NATO met.\nThe summit opened in Washington.\nNATO agreed.\n\
                   The summit opened in Washington.\n";
    assert_eq!(
        diagnostics_with(&sheet("summit opened"), article.as_bytes()),
        [
            "DIR/facts.toml:14:12: warning: evidence \"summit opened\" occurs 2 times in the article, on lines 2 and 4; lines 2 and 4 repeat word for word (the first is used; `omit` would hide every copy, since it hides lines by their text: delete the repeated copy from the article, or quote more words)"
        ]
    );
    // A repeated two-line box, and a copy outside it: `omit` can take the box away.
    let article = "NATO said the summit opened.\nMost read\nThe summit opened\nin Washington.\n\
                   NATO agreed.\nThe summit  opened\nin Washington.\n";
    assert_eq!(
        diagnostics_with(&sheet("summit opened"), article.as_bytes()),
        [
            "DIR/facts.toml:14:12: warning: evidence \"summit opened\" occurs 3 times in the article, on lines 1, 3 and 6; lines 3-4 and 6-7 repeat word for word (if the repeated lines are page furniture, list them in `omit`, which hides every copy, and the quote is found where it is not repeated; or quote more words)"
        ]
    );
    // Copies on one line, and on lines that differ, repeat nothing.
    let article = "NATO and NATO.\nNATO again.\n";
    assert_eq!(
        diagnostics_with(&sheet("NATO"), article.as_bytes()),
        [
            "DIR/facts.toml:14:12: warning: evidence \"NATO\" occurs 3 times in the article, on lines 1 and 2 (the first is used; quote more words to make it unique)"
        ]
    );
}

// Issue 11: hints that name the fix.

fn event_with(field: &str) -> String {
    format!(
        "{}\n[[events]]\nid = \"e\"\ndate = 2024-07-09\ntitle = \"E\"\n{field}\n",
        nato()
    )
}

#[test]
fn an_omit_line_that_matches_nothing_names_the_nearest_line() {
    let sheet = nato().replace(
        "article = \"article.txt\"\n",
        "article = \"article.txt\"\nomit = [\"Advertisment\", \"Subscribe now\"]\n",
    );
    assert_eq!(
        diagnostics(&sheet),
        [
            "DIR/facts.toml:4:9: warning: this `omit` line matches no line of the article (did you mean line 2: \"Advertisement\"?)",
            "DIR/facts.toml:4:25: warning: this `omit` line matches no line of the article (it must equal a whole line, apart from surrounding spaces)",
        ]
    );
}

#[test]
fn evidence_not_found_says_where_it_stops_or_that_only_capitals_differ() {
    assert_eq!(
        diagnostics(&event_with(
            "evidence = \"NATO agreed; Washington disagreed\""
        )),
        [
            "DIR/facts.toml:14:12: error: evidence \"NATO agreed; Washington disagreed\" is not in the article (the article has \"NATO agreed; Washington \" up to line 3, column 25, where it says \"agreed.\")"
        ]
    );
    assert_eq!(
        diagnostics(&event_with("evidence = \"nato met in washington\"")),
        [
            "DIR/facts.toml:14:12: error: evidence \"nato met in washington\" is not in the article (the article has it with other capitals on line 1, column 1: \"NATO met in Washington\")"
        ]
    );
}

#[test]
fn a_date_written_in_words_gets_its_toml_form() {
    for written in ["July 9, 2024", "9 July 2024", "09 Jul. 2024"] {
        let sheet = event_with("").replace("2024-07-09", &format!("\"{written}\""));
        assert_eq!(
            diagnostics(&sheet),
            [
                "DIR/facts.toml:12:8: error: `date` in event \"e\" is not a valid date: expected a date written YYYY, YYYY-MM or YYYY-MM-DD (did you mean \"2024-07-09\"? write: date = 2024-07-09)"
            ],
            "{written}"
        );
    }
    let sheet = nato().replace(
        "article = \"article.txt\"\n",
        "article = \"article.txt\"\npublished = \"July 2024\"\n",
    );
    assert_eq!(
        diagnostics(&sheet),
        [
            "DIR/facts.toml:4:13: error: `published` in [briefing] is not a valid date: expected a date written YYYY, YYYY-MM or YYYY-MM-DD (did you mean \"2024-07\"? write: published = \"2024-07\")"
        ]
    );
    // Written bare, it is a TOML syntax error, with the same hint.
    let sheet = event_with("").replace("2024-07-09", "July 9, 2024");
    assert_eq!(
        diagnostics(&sheet),
        [
            "DIR/facts.toml:12:14: error: TOML syntax: unexpected key or value, expected newline, `#` (did you mean \"2024-07-09\"? write: date = 2024-07-09)"
        ]
    );
}

#[test]
fn a_name_or_alias_where_an_id_belongs_suggests_the_id() {
    let sheet = format!(
        "{}actors = [\"NATO\"]\n\n[[facts]]\nlabel = \"L\"\nvalue = \"1\"\nsource = \"The Alliance\"\n",
        event_with("").replace(
            "kind = \"organization\"\n",
            "kind = \"organization\"\naliases = [\"the alliance\"]\n"
        )
    );
    assert_eq!(
        diagnostics(&sheet),
        [
            "DIR/facts.toml:16:11: error: unknown actor id \"NATO\" in the event's `actors` (did you mean \"nato\"? \"NATO\" is that actor's name; references use its id)",
            "DIR/facts.toml:21:10: error: unknown actor id \"The Alliance\" in the fact's `source` (did you mean \"nato\"? \"The Alliance\" is that actor's alias; references use its id)",
        ]
    );
}

#[test]
fn a_file_that_is_no_fact_sheet_is_one_error_naming_the_fact_sheet_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("facts.toml"), nato()).unwrap();
    fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    fs::write(
        dir.path().join("data.toml"),
        "name = \"x\"\n[other]\ny = 1\n",
    )
    .unwrap();
    let run = |name: &str| {
        let checked = check(&Input::from_arg(Some(&dir.path().join(name))).unwrap()).unwrap();
        let prefix = format!("{}/", dir.path().display());
        let lines: Vec<String> = checked
            .diagnostics()
            .iter()
            .map(|d| d.to_string().replace(&prefix, "DIR/"))
            .collect();
        (lines, checked.summary)
    };
    assert_eq!(
        run("article.txt"),
        (
            vec![
                "DIR/article.txt:1:1: error: this is not a fact sheet: it is not TOML, and has no [briefing] table (is it the article? did you mean DIR/facts.toml?)".to_owned()
            ],
            "article.txt: 0 actors, 0 events, 0 facts, 1 error, 0 warnings".to_owned()
        )
    );
    assert_eq!(
        run("data.toml").0,
        [
            "DIR/data.toml:1:1: error: this is not a fact sheet: it has no [briefing] table (is it the article? did you mean DIR/facts.toml?)"
        ]
    );
    // Without a fact sheet beside it, the hint says what one looks like.
    fs::remove_file(dir.path().join("facts.toml")).unwrap();
    assert_eq!(
        run("article.txt").0,
        [
            "DIR/article.txt:1:1: error: this is not a fact sheet: it is not TOML, and has no [briefing] table (is it the article? name the fact sheet, which starts with [briefing], a title and an article path)"
        ]
    );
}

// Issue 11: less to type, nothing less checked.

#[test]
fn an_id_left_out_is_made_from_the_name_or_title_and_checked_for_clashes() {
    let sheet = format!(
        "{HEAD}\n[[actors]]\nname = \"NATO\"\nkind = \"organization\"\n\n\
         [[actors]]\nname = \"Washington D.C.\"\nkind = \"place\"\naliases = [\"Washington\"]\n\n\
         [[events]]\ndate = 2024-07-09\ntitle = \"NATO met in Washington\"\n\
         actors = [\"nato\", \"washington-d-c\"]\nevidence = \"NATO met in Washington\"\n"
    );
    assert_eq!(diagnostics(&sheet), [] as [String; 0]);
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("facts.toml"), &sheet).unwrap();
    fs::write(dir.path().join("article.txt"), ARTICLE).unwrap();
    let b = check(&Input::from_arg(Some(dir.path())).unwrap())
        .unwrap()
        .into_briefing()
        .unwrap();
    assert_eq!(b.sheet.events[0].id, "nato-met-in-washington");
    // A made id that another actor has is an error at the entry's header.
    let sheet = format!(
        "{}\n[[actors]]\nkind = \"other\"\nname = \"Nato\"\naliases = [\"the alliance\"]\n",
        nato()
    );
    assert_eq!(
        diagnostics(&sheet),
        [
            "DIR/facts.toml:10:1: error: actor id \"nato\", made from its name, is already used on line 6 (give this actor an `id` of its own)",
            "DIR/facts.toml:10:1: warning: actor \"nato\" is never mentioned in the article (check its name and aliases against the text)",
        ]
    );
    // Letters with marks are folded to ASCII; a name with nothing left is an error.
    let sheet = format!(
        "{HEAD}\n[[actors]]\nname = \"Rūta Grīnberga\"\nkind = \"person\"\n\n[[actors]]\nname = \"—\"\nkind = \"other\"\n"
    );
    let d = diagnostics(&sheet);
    assert_eq!(
        d,
        [
            "DIR/facts.toml:5:1: warning: actor \"ruta-grinberga\" is never mentioned in the article (check its name and aliases against the text)",
            "DIR/facts.toml:9:1: error: [[actors]] #2 has no `id`, and none can be made from its name \"—\" (give it an `id` of lowercase letters, digits and '-')",
        ]
    );
}

#[test]
fn omit_entries_ending_in_a_star_omit_lines_that_begin_so() {
    let article = "NATO met.\n• Share\n  • Print\nNATO agreed.\n";
    let sheet = nato().replace(
        "article = \"article.txt\"\n",
        "article = \"article.txt\"\nomit = [\"• *\", \"Nothing *\", \" * \"]\n",
    );
    assert_eq!(
        diagnostics_with(&sheet, article.as_bytes()),
        [
            "DIR/facts.toml:4:16: warning: this `omit` line matches no line of the article (it must equal a whole line, apart from surrounding spaces)",
            "DIR/facts.toml:4:29: error: `*` alone in `omit` would hide every line (put the beginning of the lines to hide before it, like \"• *\")",
        ]
    );
    let sheet = nato().replace(
        "article = \"article.txt\"\n",
        "article = \"article.txt\"\nomit = [\"• *\"]\n",
    );
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("facts.toml"), &sheet).unwrap();
    fs::write(dir.path().join("article.txt"), article).unwrap();
    let b = check(&Input::from_arg(Some(dir.path())).unwrap())
        .unwrap()
        .into_briefing()
        .unwrap();
    assert_eq!(b.article.omitted().len(), 2);
}

#[test]
fn elided_evidence_names_the_part_not_found() {
    let quote = |q: &str| event_with(&format!("evidence = \"{q}\""));
    assert_eq!(
        diagnostics(&quote("NATO agreed; … agreed.")),
        [] as [String; 0]
    );
    assert_eq!(
        diagnostics(&quote("NATO agreed; … disagreed")),
        [
            "DIR/facts.toml:14:12: error: evidence \"NATO agreed; … disagreed\" is not in the article: part 2, \"disagreed\", is not found after part 1 in the same paragraph (quote the article's own words; case and letters must match)"
        ]
    );
    assert_eq!(
        diagnostics(&quote("NATO gathered ... Washington")),
        [
            "DIR/facts.toml:14:12: error: evidence \"NATO gathered ... Washington\" is not in the article: part 1, \"NATO gathered\", is not found (quote the article's own words; case and letters must match)"
        ]
    );
    // Found twice: the lines are those of its first part's copies.
    let twice = diagnostics_with(&quote("Alpha … zeta"), b"Alpha one.\nAlpha two zeta.\n");
    assert!(
        twice
            .iter()
            .any(|d| d.contains("\"Alpha … zeta\" occurs 2 times in the article, on lines 1 and 2")),
        "{twice:?}"
    );
    // Nothing but an ellipsis: said so, not "part 1, \"\", is not found".
    assert_eq!(
        diagnostics(&quote(" … ")),
        [
            "DIR/facts.toml:14:12: error: evidence \" … \" is only an ellipsis (quote the article's own words, with `…` only where words are left out)"
        ]
    );
}

/// A check told to stop gives up; one never told to is the whole check.
#[test]
fn a_check_told_to_stop_gives_up() {
    use std::sync::atomic::AtomicBool;
    let sheet = include_str!("../../assets/facts.toml").to_owned();
    let stop = AtomicBool::new(true);
    assert!(super::check_text_until(&Input::Bundled, sheet.clone(), &stop).is_none());
    let go = AtomicBool::new(false);
    let whole = super::check_text_until(&Input::Bundled, sheet.clone(), &go)
        .and_then(|c| c.into_briefing().ok())
        .expect("the bundled sheet checks");
    let checked = super::check_text(&Input::Bundled, sheet)
        .into_briefing()
        .expect("the bundled sheet checks");
    assert_eq!(whole.mentions.all().len(), checked.mentions.all().len());
    assert_eq!(whole.warnings, checked.warnings);
}

/// Told to stop, the pass over the chunks passes over every chunk not yet begun: nothing is
/// found, and nothing breaks on the empty chunks given for them.
#[test]
fn an_index_told_to_stop_passes_over_the_chunks_left() {
    use std::sync::atomic::AtomicBool;
    let b = super::Briefing::bundled();
    let article = &*b.article;
    let quotes = super::quotes(&b.sheet);
    let index = |stop: bool| {
        let automaton = crate::mentions::Automaton::new(&b.sheet.actors);
        super::index_and_locate(article, automaton, &quotes, &AtomicBool::new(stop))
    };
    let (mentions, found, _) = index(true);
    assert!(mentions.all().is_empty());
    assert!(found.iter().all(Option::is_none));
    let (mentions, found, _) = index(false);
    assert_eq!(mentions.all().len(), b.mentions.all().len());
    assert!(found.iter().any(Option::is_some));
}
