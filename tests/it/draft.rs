//! `briefing draft` and `briefing suggest` end to end, and the evaluation of the draft against
//! the bundled hand-curated fact sheet.
//!
//! The evaluation compares what `draft` proposes for assets/article.txt with assets/facts.toml.
//! Spellings are compared folded, ignoring case and a leading "the". Set `BRIEFING_EVAL` to
//! folders (separated by `:`) each holding an article.txt and a hand-curated facts.toml to
//! score other articles too; run with `--nocapture` to see the figures.

use std::fs;
use std::path::Path;

use briefing::briefing::{Briefing, Input, open};
use briefing::draft::{Draft, Options, draft};
use briefing::fold::fold;
use briefing::sheet::ActorKind;
use predicates::prelude::*;

use crate::harness::{Fixture, briefing};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/fixtures/draft")
        .join(name);
    fs::read_to_string(path).expect("a draft fixture")
}

/// Runs `briefing draft` on `article` in `dir` and returns the facts.toml it wrote there.
fn drafted(dir: &Path, article: &str) -> String {
    briefing()
        .arg("draft")
        .arg(dir.join(article))
        .assert()
        .success();
    fs::read_to_string(dir.join("facts.toml")).expect("the draft")
}

/// A folder holding only the bundled article.
fn bundled_article() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/article.txt");
    fs::copy(article, dir.path().join("article.txt")).expect("copy the article");
    dir
}

#[test]
fn the_draft_of_the_bundled_article_checks_clean() {
    for published in [None, Some("2024-07-03")] {
        let dir = bundled_article();
        let mut cmd = briefing();
        cmd.arg("draft").arg(dir.path().join("article.txt"));
        if let Some(p) = published {
            cmd.args(["--published", p]);
        }
        cmd.assert()
            .success()
            .stdout("")
            .stderr(predicate::str::contains("wrote"));
        let sheet = fs::read_to_string(dir.path().join("facts.toml")).expect("the draft");
        assert!(sheet.contains("article = \"article.txt\""), "{sheet}");
        checks_but_for_what_is_left_to_do(&dir.path().join("facts.toml"), &sheet);
    }
}

/// Asserts that the draft `sheet` at `path` checks with no error, and that its only warnings are
/// what the draft leaves to the curator, one each: a date it guessed (an undated event's), a
/// label's part to write. `check --strict` fails while there are any, and passes once they are
/// seen to.
fn checks_but_for_what_is_left_to_do(path: &Path, sheet: &str) {
    let out = briefing()
        .arg("check")
        .arg(path)
        .output()
        .expect("check runs");
    let report = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{report}");
    assert!(report.contains(" 0 errors, "), "{report}");
    let warnings: Vec<&str> = report
        .lines()
        .filter(|l| l.contains(": warning: "))
        .collect();
    let guessed = sheet.matches("# a guess: set the date it happened").count();
    let to_write = sheet
        .lines()
        .filter(|l| l.starts_with("label = ") && l.contains("(write what "))
        .count();
    assert_eq!(warnings.len(), guessed + to_write, "{report}");
    for w in &warnings {
        assert!(
            w.contains("is the draft's guess") || w.contains("still asks to be written"),
            "{w}"
        );
    }
    let strict = briefing().args(["check", "--strict"]).arg(path).assert();
    if warnings.is_empty() {
        strict.success();
    } else {
        strict.code(1);
        // Seen to: the guessed dates' comments gone, the labels written.
        let done = sheet
            .replace(
                "   # a guess: set the date it happened (why: the line above)",
                "",
            )
            .replace(" (write what it is a share of)", " of the vote")
            .replace(" (write what it pays for)", " of the aid")
            .replace(" (write what it is the length of)", " of the talks");
        fs::write(path, done).expect("write the sheet seen to");
        briefing()
            .args(["check", "--strict"])
            .arg(path)
            .assert()
            .success()
            .stdout(predicate::str::contains("0 errors, 0 warnings"));
    }
}

#[test]
fn a_dateline_gives_the_date_and_relative_dates_become_events() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("story.txt"), fixture("dateline.txt")).expect("write the article");
    let out = dir.path().join("drafts/sheet.toml");
    fs::create_dir(dir.path().join("drafts")).expect("a folder");
    briefing()
        .arg("draft")
        .arg(dir.path().join("story.txt"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let sheet = fs::read_to_string(&out).expect("the draft");
    for want in [
        "article = \"../story.txt\"",
        "published = 2024-07-05   # the dateline on line 2",
        "\"28/03/2024\" is written with slashes",
        "date = 2024-07-02\napproximate = true",
        "evidence = \"14 environmental groups\"",
        "source = \"amelia-ortiz\"",
        "    \"By Staff Reporter\",",
    ] {
        assert!(sheet.contains(want), "{want:?} missing from:\n{sheet}");
    }
    assert!(!sheet.contains("name = \"Court\""), "{sheet}");
    checks_but_for_what_is_left_to_do(&out, &sheet);
}

/// Drafts `fixture` as story.txt beside facts.toml, checks the draft (see
/// [`checks_but_for_what_is_left_to_do`]) and returns the folder, the sheet as drafted and the
/// lines it omits.
fn draft_and_check(fixture_name: &str) -> (tempfile::TempDir, String, Vec<String>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(dir.path().join("story.txt"), fixture(fixture_name)).expect("write the article");
    briefing()
        .arg("draft")
        .arg(dir.path().join("story.txt"))
        .arg("-o")
        .arg(dir.path().join("facts.toml"))
        .assert()
        .success();
    let sheet = fs::read_to_string(dir.path().join("facts.toml")).expect("the draft");
    checks_but_for_what_is_left_to_do(&dir.path().join("facts.toml"), &sheet);
    let table: toml::Table = toml::from_str(&sheet).expect("the draft parses");
    let omit = table["briefing"]
        .get("omit")
        .and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(ToOwned::to_owned))
                .collect()
        })
        .unwrap_or_default();
    (dir, sheet, omit)
}

/// Asserts that `omit` lists every line of `furniture` and no other line of `text` that is a
/// sentence of some length: the body.
fn assert_furniture(text: &str, omit: &[String], furniture: &[&str]) {
    for want in furniture {
        assert!(
            omit.iter().any(|o| o == want),
            "{want:?} not in omit: {omit:#?}"
        );
    }
    for line in text.lines().map(str::trim) {
        let body = !furniture.contains(&line)
            && line.split_whitespace().count() >= 5
            && line.ends_with(['.', '?']);
        assert!(
            !(body && omit.iter().any(|o| fold(o) == fold(line))),
            "the body line {line:?} is in omit: {omit:#?}"
        );
    }
}

/// Deletes the actor `id` from a sheet, and its id where events and facts name it.
fn without_actor(sheet: &str, id: &str) -> String {
    let start = sheet
        .find(&format!("[[actors]]\nid = \"{id}\"\n"))
        .expect("the actor");
    let end = start + sheet[start..].find("\n\n").expect("the end of the block") + 1;
    let quoted = format!("\"{id}\"");
    format!("{}{}", &sheet[..start], &sheet[end..])
        .lines()
        .filter(|l| !(l.starts_with("source = ") && l.contains(&quoted)))
        .filter(|l| *l != format!("actors = [{quoted}]"))
        .map(|l| {
            if l.starts_with("actors = [") {
                l.replace(&format!("{quoted}, "), "")
                    .replace(&format!(", {quoted}"), "")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What `briefing suggest` prints for the fact sheet `sheet` (it succeeds).
fn suggestions(sheet: &Path) -> String {
    let out = briefing()
        .arg("suggest")
        .arg(sheet)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8")
}

/// Asserts that `briefing suggest` names the actor deleted from the draft in `dir`.
fn assert_suggests_deleted_actor(dir: &Path, sheet: &str, id: &str, name: &str) {
    assert!(sheet.contains(&format!("name = \"{name}\"")), "{sheet}");
    fs::write(dir.join("facts.toml"), without_actor(sheet, id)).expect("write");
    let out = suggestions(&dir.join("facts.toml"));
    assert!(
        out.contains(&format!("name = \"{name}\"")),
        "{name} missing from:\n{out}"
    );
}

/// A press-conference transcript: the dateline, "(As delivered)", the speaker labels and the
/// "Key takeaways:" box, whose bullets restate the Secretary General's sentences, are furniture.
#[test]
fn a_transcript_s_labels_and_takeaways_box_are_furniture() {
    let (dir, sheet, omit) = draft_and_check("transcript.txt");
    assert_furniture(
        &fixture("transcript.txt"),
        &omit,
        &[
            "05 Jul. 2024",
            "(As delivered)",
            "Key takeaways:",
            "• Allies will agree a new command to coordinate security assistance for Ukraine.",
            "• Ukraine will receive a bridge to membership at the summit.",
            "• Allies have pledged at least 40 billion euros a year in military support.",
            "MODERATOR:",
            "STOLTENBERG:",
            "Q:",
        ],
    );
    assert!(sheet.contains("published = 2024-07-05"), "{sheet}");
    assert!(
        sheet.contains("# line 6: part of lines 5–8, a block that repeats the body"),
        "{sheet}"
    );
    assert_suggests_deleted_actor(dir.path(), &sheet, "viktor-orban", "Viktor Orban");
}

/// A news story with a takeaways box restating it, "Advertisement" lines and a related-story
/// teaser at the end whose sentence the story already has.
#[test]
fn a_story_s_takeaways_box_and_teaser_are_furniture() {
    let (dir, sheet, omit) = draft_and_check("boxes.txt");
    assert_furniture(
        &fixture("boxes.txt"),
        &omit,
        &[
            "Key takeaways",
            "- The Valdera Port Authority will spend 2.4 billion euros on two new terminals",
            "- Construction is due to start in March 2025",
            "- Fishermen say the dredging will destroy their fishing grounds",
            "Advertisement",
            "Read more",
            "Valdera dockworkers end strike after pay deal",
            "Dockworkers at the Port of Valdera returned to work after a strike over pay.",
        ],
    );
    assert_suggests_deleted_actor(dir.path(), &sheet, "pablo-serrat", "Pablo Serrat");
}

#[test]
fn draft_never_writes_over_a_file() {
    let dir = bundled_article();
    let sheet = dir.path().join("facts.toml");
    fs::write(&sheet, "keep me").expect("write");
    briefing()
        .arg("draft")
        .arg(dir.path().join("article.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(fs::read_to_string(&sheet).expect("read"), "keep me");
}

#[test]
fn a_draft_names_its_schema_and_writes_it_beside_unless_a_file_is_there() {
    let dir = bundled_article();
    let sheet = drafted(dir.path(), "article.txt");
    assert!(
        sheet.starts_with("#:schema ./facts.schema.json\n"),
        "{sheet}"
    );
    let schema = fs::read_to_string(dir.path().join("facts.schema.json")).expect("the schema");
    assert_eq!(schema, briefing::sheet::schema::text());
    // A second draft elsewhere in the folder leaves the schema file there alone.
    fs::write(dir.path().join("facts.schema.json"), "mine").unwrap();
    briefing()
        .arg("draft")
        .arg(dir.path().join("article.txt"))
        .args(["-o"])
        .arg(dir.path().join("other.toml"))
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(dir.path().join("facts.schema.json")).unwrap(),
        "mine"
    );
}

#[test]
fn draft_to_standard_output_writes_no_file() {
    let dir = bundled_article();
    briefing()
        .arg("draft")
        .arg(dir.path().join("article.txt"))
        .args(["-o", "-"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "#:schema ./facts.schema.json\n# A draft fact sheet",
        ));
    assert!(!dir.path().join("facts.toml").exists());
    assert!(!dir.path().join("facts.schema.json").exists());
}

#[test]
fn draft_refuses_a_bad_date_and_a_missing_article() {
    briefing()
        .args(["draft", "nowhere.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere.txt: no such file"));
    let dir = bundled_article();
    briefing()
        .arg("draft")
        .arg(dir.path().join("article.txt"))
        .args(["--published", "2024-13-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no month 13"));
}

/// On the bundled briefing `suggest` prints nothing. What the draft finds there and the sheet
/// does not list by that spelling is all covered: "Wall Street Journal" lies inside mentions of
/// "The Wall Street Journal", "Security Assistance" and "Training for Ukraine" inside the
/// operation's name, "Ukrainian Armed Forces"/"AFU" are aliases of the AFU; the only dated
/// sentence left after `omit` ("Next week, …") is quoted by two events, and the three figure
/// sentences (35, 32, 700) by facts. The related-story lines the draft would take for
/// furniture (Shmyhal, Zelensky) are already in `omit`.
#[test]
fn suggest_prints_nothing_for_the_bundled_briefing() {
    briefing()
        .arg("suggest")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("nothing to suggest for "));
}

/// A court story's "Mr Johnson" and "Ms Johnson" are two people; "Johnson" alone may be either,
/// so the draft makes it no actor of its own and `suggest` says whose it may be.
#[test]
fn a_name_two_actors_end_with_is_left_to_the_curator() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        dir.path().join("article.txt"),
        "Couple cleared of fraud\n\nCHELMSFORD, 5 March 2024 \u{2014} Mr Johnson told the court \
         he had never seen the letters. Ms Johnson said she signed them.\n\nThe judge said \
         Johnson had been candid. Mr Johnson left, and Ms Johnson thanked the jury.\n",
    )
    .expect("write the article");
    let sheet = drafted(dir.path(), "article.txt");
    for (name, kind) in [("Mr Johnson", "person"), ("Ms Johnson", "person")] {
        assert!(
            sheet.contains(&format!("name = \"{name}\"\nkind = \"{kind}\"")),
            "{name}: {sheet}"
        );
    }
    assert!(!sheet.contains("name = \"Johnson\""), "{sheet}");
    let out = suggestions(&dir.path().join("facts.toml"));
    assert!(
        out.contains(
            "# \"Johnson\": 1 mention (line 5), outside every actor's mention; it may stand for \
             \"Mr Johnson\" or \"Ms Johnson\": add it to the aliases of the one it means."
        ),
        "{out}"
    );
    assert!(!out.contains("name = \"Johnson\""), "{out}");
}

#[test]
fn suggest_lists_what_a_sheet_leaves_out() {
    let f = Fixture::bundled();
    let sheet = fs::read_to_string(f.sheet()).expect("read");
    let jones = sheet.find("aliases = [\"Jones\"]\n").expect("the alias");
    // Without "Jones", the surname alone on line 13 is a spelling no alias lists.
    let sheet = format!(
        "{}{}",
        &sheet[..jones],
        &sheet[jones + "aliases = [\"Jones\"]\n".len()..]
    );
    let liaison = sheet
        .find("[[actors]]\nid = \"nato-liaison-office\"")
        .expect("the actor");
    let next = liaison
        + sheet[liaison + 1..]
            .find("[[actors]]")
            .expect("the next actor")
        + 1;
    let fact = sheet
        .find("[[facts]]\nlabel = \"Non-NATO")
        .expect("the fact");
    let fact_end = fact + sheet[fact + 1..].find("[[facts]]").expect("the next fact") + 1;
    let cut = format!(
        "{}{}{}",
        &sheet[..liaison],
        &sheet[next..fact],
        &sheet[fact_end..]
    )
    .replace("    \"Advertisement\",\n", "");
    fs::write(f.sheet(), cut).expect("write");
    let out = suggestions(&f.sheet());
    for want in [
        "    \"Advertisement\",",
        "name = \"NATO Liaison Office\"",
        "evidence = \"35 non-NATO partner countries\"",
        "actor \"douglas-jones\": 1 mention (line 13); add to its aliases: \"Jones\"",
    ] {
        assert!(out.contains(want), "{want:?} missing from:\n{out}");
    }
    // The suggestions are TOML: pasted into an empty sheet they parse.
    let tables: String = out
        .lines()
        .filter(|l| !l.starts_with("    "))
        .collect::<Vec<_>>()
        .join("\n");
    toml::from_str::<toml::Table>(&tables).expect("suggestions parse as TOML");
}

#[test]
fn a_name_made_of_known_names_is_not_suggested() {
    // "Florida for Hurricane Milton" reads as one name, but both its names are actors: the
    // sheet leaves nothing out (it once said the name stood "outside every actor's mention").
    let sheet = "[briefing]\ntitle = \"T\"\narticle = \"article.txt\"\n\n[[actors]]\nname = \
                 \"Florida\"\nkind = \"place\"\n\n[[actors]]\nname = \"Hurricane Milton\"\nkind = \
                 \"other\"\n";
    let article = "Storm aid\n\nHe spoke of aid to Florida for Hurricane Milton at noon.\n";
    let f = Fixture::new(sheet, article.as_bytes());
    let out = suggestions(&f.sheet());
    assert!(!out.contains("Florida for Hurricane Milton"), "{out}");
}

#[test]
fn suggested_facts_name_their_source_and_quote_only_what_stands_once() {
    // "35 countries" stands twice: a fact quoting those words alone would not say which place
    // it means (`check` warns), so the suggestion quotes the whole sentence, as a draft does.
    let sheet = "[briefing]\ntitle = \"T\"\narticle = \"article.txt\"\n\n[[actors]]\nname = \"Douglas \
                 Jones\"\nkind = \"person\"\naliases = [\"Jones\"]\n";
    let article = "Talks\n\nJones said 35 countries came to the talks in June.\nThen 35 countries \
                   left.\n";
    let f = Fixture::new(sheet, article.as_bytes());
    let out = suggestions(&f.sheet());
    assert!(
        out.contains("source = \"douglas-jones\"   # \"Jones said\""),
        "{out}"
    );
    assert!(
        out.contains("evidence = \"Jones said 35 countries came to the talks in June.\""),
        "{out}"
    );
}

/// How a draft compares with a hand-curated sheet.
#[derive(Debug, Default)]
struct Score {
    actors: (usize, usize),
    proposed: usize,
    extra: usize,
    events: (usize, usize),
    /// Events the draft proposes, of them undated, and the sentences of the text.
    event_proposals: (usize, usize, usize),
    facts: (usize, usize),
    furniture: (usize, usize),
    furniture_extra: usize,
    /// Among proposals that match a reference actor: kinds guessed (not `other`), and of
    /// those, kinds equal to the reference's.
    kinds: (usize, usize, usize),
}

fn norm(s: &str) -> String {
    let f = fold(s).to_lowercase();
    f.strip_prefix("the ").unwrap_or(&f).to_owned()
}

fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    a.contains(&b) || b.contains(&a)
}

/// How many of the reference's quotes a drafted quote overlaps, of how many.
fn found(reference: &[&str], drafted: &[&str]) -> (usize, usize) {
    let hit = reference
        .iter()
        .filter(|r| drafted.iter().any(|q| overlaps(q, r)))
        .count();
    (hit, reference.len())
}

fn score(d: &Draft, reference: &Briefing) -> Score {
    let spellings = |name: &str, aliases: &[String]| -> Vec<String> {
        std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .map(norm)
            .collect()
    };
    let reference_spellings: Vec<Vec<String>> = reference
        .sheet
        .actors
        .iter()
        .map(|a| spellings(&a.name, &a.aliases))
        .collect();
    let proposed: Vec<Vec<String>> = d
        .actors
        .iter()
        .map(|a| spellings(&a.actor.name, &a.actor.aliases))
        .collect();
    let mut s = Score::default();
    s.actors.1 = reference_spellings.len();
    s.actors.0 = reference_spellings
        .iter()
        .filter(|r| proposed.iter().any(|p| p.iter().any(|x| r.contains(x))))
        .count();
    for (k, p) in proposed.iter().enumerate() {
        if let Some(r) = reference_spellings
            .iter()
            .position(|r| p.iter().any(|x| r.contains(x)))
        {
            let kind = d.actors[k].actor.kind;
            s.kinds.0 += 1;
            if kind != ActorKind::Other {
                s.kinds.1 += 1;
                s.kinds.2 += usize::from(kind == reference.sheet.actors[r].kind);
            }
        }
    }
    s.proposed = proposed.len();
    s.extra = proposed
        .iter()
        .filter(|p| {
            !reference_spellings
                .iter()
                .any(|r| p.iter().any(|x| r.contains(x)))
        })
        .count();
    let quoted: Vec<&str> = d
        .events
        .iter()
        .filter_map(|e| e.event.evidence.as_deref())
        .collect();
    let events: Vec<&str> = reference
        .sheet
        .events
        .iter()
        .filter_map(|e| e.evidence.as_deref())
        .collect();
    s.event_proposals = (
        d.events.len(),
        d.events.iter().filter(|e| e.undated).count(),
        d.sentences,
    );
    s.events = found(&events, &quoted);
    let figures: Vec<&str> = d
        .facts
        .iter()
        .filter_map(|f| f.fact.evidence.as_deref())
        .collect();
    let facts: Vec<&str> = reference
        .sheet
        .facts
        .iter()
        .filter_map(|f| f.evidence.as_deref())
        .collect();
    s.facts = found(&facts, &figures);
    let omit: Vec<String> = reference
        .sheet
        .briefing
        .omit
        .iter()
        .map(|o| fold(o))
        .collect();
    let drafted: Vec<String> = d.omit.iter().map(|f| fold(&f.text)).collect();
    s.furniture = (
        omit.iter().filter(|o| drafted.contains(o)).count(),
        omit.len(),
    );
    s.furniture_extra = drafted.iter().filter(|o| !omit.contains(o)).count();
    s
}

fn report(name: &str, published: &str, s: &Score) {
    println!(
        "{name} ({published}): actors {}/{} ({:.0}%), proposed {} of which {} not in the \
         reference ({:.2}x the reference count), events {}/{} from {} event proposals ({} \
         undated) for {} sentences ({:.0}%), facts {}/{}, furniture {}/{} (+{} more); kinds \
         guessed for {}/{} matching proposals, {} of them right",
        s.actors.0,
        s.actors.1,
        100.0 * s.actors.0 as f64 / s.actors.1.max(1) as f64,
        s.proposed,
        s.extra,
        s.extra as f64 / s.actors.1.max(1) as f64,
        s.events.0,
        s.events.1,
        s.event_proposals.0,
        s.event_proposals.1,
        s.event_proposals.2,
        100.0 * s.event_proposals.0 as f64 / s.event_proposals.2.max(1) as f64,
        s.facts.0,
        s.facts.1,
        s.furniture.0,
        s.furniture.1,
        s.furniture_extra,
        s.kinds.1,
        s.kinds.0,
        s.kinds.2,
    );
}

fn evaluate(name: &str, text: &str, reference: &Briefing) -> [Score; 2] {
    let alone = score(&draft(text, &Options::default()), reference);
    report(name, "text alone", &alone);
    let given = score(
        &draft(
            text,
            &Options {
                article: String::new(),
                published: reference.sheet.briefing.published,
            },
        ),
        reference,
    );
    report(name, "--published from the reference", &given);
    [alone, given]
}

#[test]
fn evaluation_against_the_bundled_sheet() {
    let reference = Briefing::bundled();
    let [alone, given] = evaluate("assets/article.txt", reference.article.text(), &reference);
    // Measured when written: 28/29 actors (NSATU missed), 4 proposals not in the reference
    // (Shmyhal and Zelensky from the related-story line, "Security Assistance" and "Training
    // for Ukraine" from the operation's name); events 6/6 from the text alone and with the
    // publication date, from 6 event proposals for 14 sentences (the sixth is the Shmyhal
    // sentence of the related-story line); facts 3/5; furniture 5/6, none wrong.
    assert!(alone.actors.0 * 10 >= alone.actors.1 * 8, "{alone:?}");
    assert!(alone.extra <= alone.actors.1 / 4, "{alone:?}");
    for s in [&alone, &given] {
        assert!(s.events.0 >= 6, "{s:?}");
        assert!(s.event_proposals.0 <= 6, "{s:?}");
    }
    assert!(alone.facts.0 >= 3, "{alone:?}");
    assert!(
        alone.furniture.0 >= 5 && alone.furniture_extra == 0,
        "{alone:?}"
    );
    // Two real transcripts curated by hand (tests/it/fixtures/eval). Their first run, before
    // any tuning on them: speech actors 17/22 with 14 extras, events 6/8; press call actors
    // 11/13 with 11 extras, events 4/8. Floors, not the figures: docs/draft.md has those.
    for name in ["speech", "presscall"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/it/fixtures/eval")
            .join(name);
        let b = open(&Input::Path(dir.join("facts.toml"))).expect("a reference sheet that checks");
        let [alone, _] = evaluate(name, b.article.text(), &b);
        assert!(
            alone.actors.0 * 4 >= alone.actors.1 * 3,
            "{name}: {alone:?}"
        );
        assert!(alone.extra <= alone.actors.1, "{name}: {alone:?}");
        assert!(alone.events.0 * 2 >= alone.events.1, "{name}: {alone:?}");
    }
    if let Ok(dirs) = std::env::var("BRIEFING_EVAL") {
        for dir in dirs.split(':').filter(|d| !d.is_empty()) {
            let sheet = Path::new(dir).join("facts.toml");
            let b = open(&Input::Path(sheet)).expect("a reference sheet that checks");
            evaluate(dir, b.article.text(), &b);
        }
    }
}

#[test]
fn control_characters_in_the_article_never_break_the_draft() {
    // A form feed or a lone carriage return between a name's words used to reach a comment
    // ("# Joe\x0cBiden said") that TOML rejects: the draft did not load.
    for sep in ["\u{c}", "\r", "\u{b}"] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let article = format!(
            "Aid talks\n\nPresident Joe{sep}Biden said 5 people were hurt. Joe Biden met Olaf \
             Scholz. Olaf Scholz and Joe Biden left.\n"
        );
        fs::write(dir.path().join("a.txt"), article).expect("write the article");
        briefing()
            .arg("draft")
            .arg(dir.path().join("a.txt"))
            .assert()
            .success();
        briefing()
            .arg("check")
            .arg(dir.path().join("facts.toml"))
            .assert()
            .success()
            .stdout(predicate::str::contains(" 0 errors"));
    }
}
