//! `briefing export` as a user runs it: every format, the mention counts of the sample, and
//! writing files safely.

use std::fs;

use predicates::prelude::*;
use serde_json::Value;

use crate::harness::{ARTICLE, Fixture, SHEET, briefing, temporaries};

fn json_of(args: &[&str]) -> Value {
    let out = briefing()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("the export is JSON")
}

fn mentions_of(doc: &Value, id: &str) -> Vec<Value> {
    doc["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no actor {id}"))["mentions"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn json_mention_counts_match_a_hand_count_of_the_sample() {
    let doc = json_of(&["export", "--format", "json"]);
    // Counted by hand in assets/article.txt, outside the omitted lines: "NATO" 8 times
    // (including "non-NATO") and "the alliance" twice; "Ukraine" 5 times (the sixth is inside
    // the operation's name); "US" twice on its own (once more inside "US State Department");
    // "Trump" once with "Donald" and once alone (twice more only in omitted lines).
    let counts = [
        ("nato", 10),
        ("ukraine", 5),
        ("united-states", 2),
        ("donald-trump", 2),
        ("douglas-jones", 2),
        ("state-department", 1),
        ("nsatu", 3),
        ("tokyo", 1),
    ];
    for (id, want) in counts {
        assert_eq!(mentions_of(&doc, id).len(), want, "{id}");
    }
}

#[test]
fn json_mentions_point_at_the_text_on_disk() {
    let doc = json_of(&["export", "--format", "json"]);
    let article =
        fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/article.txt")).unwrap();
    let lines: Vec<&str> = article.split('\n').collect();
    for actor in doc["actors"].as_array().unwrap() {
        for m in actor["mentions"].as_array().unwrap() {
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(m["text"].as_str().unwrap(), &article[start..end]);
            let line = lines[m["line"].as_u64().unwrap() as usize - 1];
            let column = m["column"].as_u64().unwrap() as usize - 1;
            let at: String = line.chars().skip(column).collect();
            assert!(at.starts_with(m["text"].as_str().unwrap()), "{m}");
        }
    }
    let trump = mentions_of(&doc, "donald-trump");
    assert_eq!(trump[0]["text"], "Donald Trump");
    assert_eq!(trump[0]["line"], 17);
}

#[test]
fn json_has_the_documented_shape() {
    let doc = json_of(&["export", "--format", "json"]);
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        keys(&doc),
        ["format", "article", "briefing", "actors", "events", "facts"]
    );
    assert_eq!(doc["format"], "briefing/1");
    assert_eq!(keys(&doc["article"]), ["path", "size", "sha256", "omit"]);
    let article = include_bytes!("../../assets/article.txt");
    assert_eq!(doc["article"]["path"], "article.txt");
    assert_eq!(doc["article"]["size"], article.len());
    // Computed apart from the export's own code: `sha256sum assets/article.txt`.
    assert_eq!(
        doc["article"]["sha256"],
        "c0ac6d0995c2bb1623a52b2eb031992e24b3beebd7bf8ba64991cf809a2bc667"
    );
    assert_eq!(doc["article"]["omit"][0], "Advertisement");
    assert_eq!(
        keys(&doc["briefing"]),
        ["title", "source", "url", "published", "summary"]
    );
    assert_eq!(
        doc["briefing"]["published"],
        serde_json::json!({"text": "2024-07-03", "precision": "day"})
    );
    assert_eq!(
        keys(&doc["actors"][0]),
        [
            "id",
            "name",
            "kind",
            "aliases",
            "role",
            "affiliation",
            "note",
            "mentions"
        ]
    );
    let events = doc["events"].as_array().unwrap();
    let dates: Vec<&str> = events
        .iter()
        .map(|e| e["date"]["text"].as_str().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_unstable();
    assert_eq!(dates, sorted);
    let summit = events
        .iter()
        .find(|e| e["id"] == "washington-summit")
        .unwrap();
    assert_eq!(summit["end"]["text"], "2024-07-11");
    assert_eq!(summit["evidence"]["line"], 1);
    assert_eq!(
        keys(&summit["evidence"]),
        ["text", "start", "end", "line", "column"]
    );
    // The column counts characters, as a mention's does: the text before it on its line.
    let start = summit["evidence"]["start"].as_u64().unwrap() as usize;
    let text = std::str::from_utf8(article).unwrap();
    let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
    assert_eq!(
        summit["evidence"]["column"],
        text[line_start..start].chars().count() + 1
    );
    assert_eq!(
        keys(&doc["facts"][0]),
        ["id", "label", "value", "source", "note", "evidence"]
    );
}

#[test]
fn markdown_reads_as_a_briefing() {
    briefing()
        .args(["export", "-f", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# NATO to offer Ukraine"))
        .stdout(predicate::str::contains("## Timeline"))
        .stdout(predicate::str::contains(
            "- **2024-07-09 – 2024-07-11** — NATO summit in Washington",
        ))
        .stdout(predicate::str::contains(
            "- **Non-NATO partner countries invited:** 35 (according to Douglas Jones)",
        ));
}

#[test]
fn csv_tables_have_headers_and_quoting() {
    let out = briefing()
        .args(["export", "-f", "csv", "--table", "mentions"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "actor", "start", "end", "line", "column", "text", "name", "kind", "sentence"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // 54 before rule 9 joined "Ukrainian Armed Forces (AFU)" into one mention.
    assert_eq!(rows.len(), 53);
    let tokyo = rows.iter().find(|r| &r[0] == "tokyo").unwrap();
    assert_eq!((&tokyo[6], &tokyo[7]), ("Tokyo", "place"));
    assert!(tokyo[8].contains(&tokyo[5]), "{tokyo:?}");
    assert!(tokyo[8].ends_with('.'), "{tokyo:?}");
    for row in &rows {
        assert!(
            row[8].contains(&row[5]),
            "the sentence holds the mention: {row:?}"
        );
    }
    let out = briefing()
        .args(["export", "-f", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 29);
    assert_eq!(&rows[0][0], "douglas-jones");
}

#[test]
fn csv_lists_are_json_arrays_and_facts_have_their_id() {
    let sheet = SHEET.replace(
        "aliases = [\"the alliance\"]",
        "aliases = [\"the alliance\", \"NATO; the west\"]",
    ) + "\n[[facts]]\nlabel = \"Members\"\nvalue = \"32\"\n";
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let table = |name: &str| {
        let out = f.export(&["-f", "csv", "--table", name]);
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let headers = reader.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        (headers, rows)
    };
    let (headers, rows) = table("actors");
    assert_eq!(&headers[3], "aliases");
    let aliases: Vec<String> = serde_json::from_str(&rows[0][3]).unwrap();
    assert_eq!(aliases, ["the alliance", "NATO; the west"]);
    let (headers, rows) = table("facts");
    assert_eq!(&headers[0], "id");
    assert_eq!(&rows[0][0], "members");
}

#[test]
fn control_characters_reach_csv_as_visible_placeholders() {
    // An OSC 52 clipboard write in a role: printed raw, the terminal would run it.
    let sheet = SHEET.replace(
        "aliases = [\"the alliance\"]",
        "aliases = [\"the alliance\"]\nrole = \"x\\u001b]52;c;aGk=\\u0007y\"",
    );
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    for table in ["actors", "mentions"] {
        let out = f.export(&["-f", "csv", "--table", table]);
        let out = String::from_utf8(out).unwrap();
        assert!(!out.contains(['\u{1b}', '\u{7}']), "{out:?}");
        if table == "actors" {
            assert!(out.contains("x\u{241b}]52;c;aGk=\u{2407}y"), "{out}");
        }
    }
}

#[test]
fn csv_cells_never_become_formulas() {
    let sheet = SHEET.replace(
        "aliases = [\"the alliance\"]",
        "aliases = [\"the alliance\"]\nrole = \"=HYPERLINK(\\\"http://x\\\")\"",
    );
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let out = f.export(&["-f", "csv"]);
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{out}");
}

#[test]
fn toml_round_trips_to_the_same_briefing() {
    let f = Fixture::bundled();
    let normal = f.export(&["-f", "toml"]);
    fs::write(f.path("normal.toml"), &normal).unwrap();
    let again = briefing()
        .args(["export", "-f", "json"])
        .arg(f.path("normal.toml"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let first = f.export(&["-f", "json"]);
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(first).unwrap()
    );
    // Normalising is idempotent.
    let twice = briefing()
        .args(["export", "-f", "toml"])
        .arg(f.path("normal.toml"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(twice, normal);
}

#[test]
fn a_toml_export_of_the_bundled_briefing_brings_its_article_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("facts.toml");
    briefing()
        .args(["export", "-f", "toml", "-o"])
        .arg(&target)
        .assert()
        .success()
        .stderr(predicate::str::contains("the article it names"));
    let article = dir.path().join("article.txt");
    assert_eq!(
        fs::read_to_string(&article).unwrap(),
        briefing::briefing::Briefing::bundled().article.text()
    );
    let first = json_of(&["export", "-f", "json"]);
    let again = json_of(&["export", "-f", "json", target.to_str().unwrap()]);
    assert_eq!(again["actors"], first["actors"]);
    assert_eq!(again["events"], first["events"]);
    // Again into the same folder: the article there is the same, and is left alone.
    briefing()
        .args(["export", "-f", "toml", "-o"])
        .arg(&target)
        .assert()
        .success()
        .stderr(predicate::str::contains("the article it names").not());
    // Another file of that name is never replaced, and then nothing is written.
    let other = tempfile::tempdir().unwrap();
    fs::write(other.path().join("article.txt"), "my own article\n").unwrap();
    briefing()
        .args(["export", "-f", "toml", "-o"])
        .arg(other.path().join("facts.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is not the article this fact sheet names",
        ));
    assert!(!other.path().join("facts.toml").exists());
    assert_eq!(
        fs::read_to_string(other.path().join("article.txt")).unwrap(),
        "my own article\n"
    );
    // To standard output, a note says what the fact sheet needs.
    briefing()
        .args(["export", "-f", "toml"])
        .assert()
        .success()
        .stderr(predicate::str::contains("which is built in, not a file"));
}

#[test]
fn output_goes_to_a_file_atomically() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let target = f.path("out.json");
    fs::write(&target, "old").unwrap();
    briefing()
        .args(["export", "-f", "json", "-o"])
        .arg(&target)
        .arg(f.sheet())
        .assert()
        .success()
        .stdout("")
        .stderr(
            predicate::str::contains("briefing: wrote").and(predicate::str::contains("out.json")),
        );
    let doc: Value = serde_json::from_str(&fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(doc["briefing"]["title"], "Small");
    let leftovers: Vec<_> = fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 3, "{leftovers:?}");
}

#[test]
fn output_over_an_input_is_refused_and_the_input_is_unchanged() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    for (target, what) in [
        ("facts.toml", "the fact sheet"),
        ("article.txt", "the article"),
    ] {
        let before = fs::read(f.path(target)).unwrap();
        briefing()
            .args(["export", "-f", "toml", "-o"])
            .arg(f.path(target))
            .arg(f.sheet())
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "refusing to write over {what}"
            )));
        assert_eq!(fs::read(f.path(target)).unwrap(), before);
    }
}

#[test]
fn a_fact_sheet_with_errors_is_not_exported() {
    let f = Fixture::new(
        &SHEET.replace("kind = \"organization\"", "kind = \"club\""),
        ARTICLE.as_bytes(),
    );
    let out = briefing()
        .args(["export", "-f", "json"])
        .arg(f.sheet())
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    let err = f.relative(&String::from_utf8(out.stderr).unwrap());
    assert_eq!(
        err,
        "DIR/facts.toml:8:8: error: unknown actor kind \"club\" (the kinds are `person`, `organization`, `country`, `place`, `media` and `other`)\n\
         facts.toml: 1 actor, 0 events, 0 facts, 1 error, 0 warnings\n"
    );
}

/// A sheet refused for its errors lists them, not its warnings (thousands, on a big sheet, would
/// bury them): those are counted and left to `check`.
#[test]
fn a_refused_sheet_lists_its_errors_and_counts_its_warnings() {
    let sheet = format!(
        "{}\n[[actors]]\nid = \"nobody\"\nname = \"Nobody Here\"\nkind = \"person\"\n",
        SHEET.replace("kind = \"organization\"", "kind = \"club\"")
    );
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    for args in [&["export", "-f", "json"][..], &[][..]] {
        let out = briefing()
            .args(args)
            .arg(f.sheet())
            .assert()
            .code(2)
            .get_output()
            .clone();
        let err = f.relative(&String::from_utf8(out.stderr).unwrap());
        assert_eq!(
            err,
            "DIR/facts.toml:8:8: error: unknown actor kind \"club\" (the kinds are `person`, `organization`, `country`, `place`, `media` and `other`)\n\
             facts.toml: 2 actors, 0 events, 0 facts, 1 error, 1 warning\n\
             (the warnings are not listed here: `briefing check` lists them)\n",
            "{args:?}"
        );
    }
    briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("warning: actor \"nobody\""));
}

#[test]
fn table_is_for_csv_only() {
    briefing()
        .args(["export", "-f", "json", "--table", "events"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--table applies to CSV only"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // Like `briefing export -f json | head -c 1`: the reader goes away after one byte, long
    // before the export (megabytes, far more than a pipe buffers) is written. In every format
    // and CSV table that is that long (the CSV mentions said "Broken pipe" and exited 1).
    let f = Fixture::new(SHEET, "NATO met. ".repeat(50_000).as_bytes());
    for args in [
        &["-f", "json"][..],
        &["-f", "csv", "--table", "mentions"],
        &["-f", "markdown"],
    ] {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("briefing"))
            .arg("export")
            .args(args)
            .arg(f.sheet())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut byte = [0u8; 1];
        stdout.read_exact(&mut byte).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.success() || out.status.code().is_none(),
            "{args:?}: {:?}",
            out.status
        );
    }
}

// ── Where -o writes: standard streams, pipes, devices, links ───────────────────────────────

/// What `briefing export -f csv` of `f` prints on standard output.
fn csv_of(f: &Fixture) -> Vec<u8> {
    f.export(&["-f", "csv"])
}

/// A file opened for appending, holding one earlier line: a log that `>> log` would extend.
fn log_with_an_earlier_line(path: &std::path::Path) -> fs::File {
    fs::write(path, "an earlier line\n").unwrap();
    fs::OpenOptions::new().append(true).open(path).unwrap()
}

#[test]
fn standard_output_by_any_name_is_written_through_the_open_handle() {
    use std::os::unix::fs::symlink;
    use std::process::{Command, Stdio};
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let expected = csv_of(&f);
    let link = f.path("to-stdout");
    symlink("/dev/stdout", &link).unwrap();
    let link = link.to_str().unwrap().to_owned();
    let bin = assert_cmd::cargo::cargo_bin("briefing");
    let run = |out: &str, stdout: Stdio, stderr: Stdio| {
        Command::new(&bin)
            .args(["export", "-f", "csv", "-o", out])
            .arg(f.sheet())
            .stdout(stdout)
            .stderr(stderr)
            .output()
            .unwrap()
    };
    // `briefing export -o /dev/stdout >> log`: the export is appended to the log, which keeps
    // its earlier line, and nothing claims to have "wrote" anything.
    for out in ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", &link] {
        let log = f.path("log");
        let done = run(out, log_with_an_earlier_line(&log).into(), Stdio::piped());
        let mut want = b"an earlier line\n".to_vec();
        want.extend_from_slice(&expected);
        assert_eq!(
            String::from_utf8_lossy(&fs::read(&log).unwrap()),
            String::from_utf8_lossy(&want),
            "{out}"
        );
        assert!(done.status.success(), "{out}: {done:?}");
        assert_eq!(String::from_utf8_lossy(&done.stderr), "", "{out}");
    }
    // `briefing export -o /dev/stdout | …`: the pipe receives it.
    for out in ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", &link] {
        let done = run(out, Stdio::piped(), Stdio::piped());
        assert!(done.status.success(), "{out}: {done:?}");
        assert_eq!(done.stdout, expected, "{out}");
        assert_eq!(String::from_utf8_lossy(&done.stderr), "", "{out}");
    }
    // Standard error the same way.
    for out in ["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"] {
        let log = f.path("errors");
        let done = run(out, Stdio::null(), log_with_an_earlier_line(&log).into());
        assert!(done.status.success(), "{out}: {done:?}");
        let mut want = b"an earlier line\n".to_vec();
        want.extend_from_slice(&expected);
        assert_eq!(fs::read(&log).unwrap(), want, "{out}");
    }
    // No name was replaced by a file.
    for name in [link.as_str(), "/dev/stdout", "/dev/stderr"] {
        let meta = fs::symlink_metadata(name).unwrap();
        assert!(meta.file_type().is_symlink(), "{name} is no longer a link");
    }
    assert!(temporaries(f.dir.path()).is_empty());
}

#[test]
fn a_minus_means_standard_output_and_dot_slash_minus_a_file() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let expected = csv_of(&f);
    let cwd = tempfile::tempdir().unwrap();
    briefing()
        .current_dir(cwd.path())
        .args(["export", "-f", "csv", "-o", "-"])
        .arg(f.sheet())
        .assert()
        .success()
        .stdout(expected.clone())
        .stderr("");
    assert_eq!(
        fs::read_dir(cwd.path()).unwrap().count(),
        0,
        "a file was made"
    );
    briefing()
        .current_dir(cwd.path())
        .args(["export", "-f", "csv", "-o", "./-"])
        .arg(f.sheet())
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("briefing: wrote ./-"));
    assert_eq!(fs::read(cwd.path().join("-")).unwrap(), expected);
}

#[test]
fn an_fd_link_to_another_open_file_is_refused_and_the_file_kept() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let input = f.path("input.txt");
    fs::write(&input, "keep me\n").unwrap();
    // Standard input is open on a file: reopening /dev/stdin would write over it from offset 0.
    for out in ["/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"] {
        let done = std::process::Command::new(assert_cmd::cargo::cargo_bin("briefing"))
            .args(["export", "-f", "csv", "-o", out])
            .arg(f.sheet())
            .stdin(fs::File::open(&input).unwrap())
            .output()
            .unwrap();
        assert_eq!(fs::read_to_string(&input).unwrap(), "keep me\n", "{out}");
        assert_eq!(done.status.code(), Some(1), "{out}: {done:?}");
        let said = String::from_utf8_lossy(&done.stderr);
        assert!(
            said.starts_with(&format!(
                "briefing: {out} is a link to an open file descriptor of another file; "
            )),
            "{said}"
        );
        assert!(said.contains("use -o -"), "{said}");
    }
    assert!(temporaries(f.dir.path()).is_empty());
}

#[test]
fn a_pipe_or_a_device_reached_by_name_is_written_in_place() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let expected = csv_of(&f);
    // Another process's pipe, by /proc/PID/fd/0: the export goes into the pipe.
    let mut cat = Command::new("cat")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let into = format!("/proc/{}/fd/0", cat.id());
    let done = briefing()
        .args(["export", "-f", "csv", "-o", &into])
        .arg(f.sheet())
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    drop(cat.stdin.take());
    let mut got = Vec::new();
    cat.stdout.take().unwrap().read_to_end(&mut got).unwrap();
    cat.wait().unwrap();
    assert!(done.status.success(), "{done:?}");
    assert_eq!(got, expected);
    // The pipe has a reader already (as `-o >(wc -c)` has): nothing is waited for, or said to be.
    let said = String::from_utf8_lossy(&done.stderr);
    assert_eq!(
        said,
        format!("briefing: wrote {into} ({} bytes)\n", expected.len())
    );
    // A link to /dev/null: written in place, and the link and the device stay what they were.
    let link = f.path("nowhere.csv");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    briefing()
        .args(["export", "-f", "csv", "-o"])
        .arg(&link)
        .arg(f.sheet())
        .assert()
        .success();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(temporaries(f.dir.path()).is_empty());
    assert!(temporaries(std::path::Path::new("/dev")).is_empty());
}

#[test]
fn the_pseudo_terminal_multiplexer_is_refused_not_waited_on_for_ever() {
    // Each opening of /dev/ptmx makes a new terminal whose other end nothing has open: what is
    // written there is lost, and once the terminal's buffer is full (some KiB) the write waits
    // for ever, as `cat big > /dev/ptmx` does. The bundled briefing's JSON is larger than that.
    if !std::path::Path::new("/dev/ptmx").exists() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("terminal");
    std::os::unix::fs::symlink("/dev/ptmx", &link).unwrap();
    for out in [std::path::Path::new("/dev/ptmx"), &link] {
        briefing()
            .args(["export", "-f", "json", "-o"])
            .arg(out)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stderr(format!(
                "briefing: {} is the pseudo-terminal multiplexer; each opening of it makes a new \
                 terminal that nothing reads, where the export would be lost or wait for ever: \
                 name a file, or a terminal itself (/dev/pts/N, as tty(1) says)\n",
                out.display()
            ));
    }
}

#[test]
fn a_fifo_says_it_waits_for_a_reader_then_gets_the_export_in_place() {
    use std::io::{BufRead, Read};
    use std::os::unix::fs::FileTypeExt;
    use std::process::{Command, Stdio};
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let expected = csv_of(&f);
    let fifo = f.path("pipe");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("briefing"))
        .args(["export", "-f", "csv", "-o"])
        .arg(&fifo)
        .arg(f.sheet())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // Before anyone reads, the export says what it waits for, instead of hanging mutely.
    let Ok(said) = rx.recv_timeout(std::time::Duration::from_secs(20)) else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("nothing said while waiting for the FIFO's reader");
    };
    assert_eq!(
        said,
        format!(
            "briefing: {} is a FIFO (named pipe); waiting for a reader to open it (Ctrl-c stops)",
            fifo.display()
        )
    );
    let mut got = Vec::new();
    fs::File::open(&fifo)
        .unwrap()
        .read_to_end(&mut got)
        .unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(got, expected);
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert!(temporaries(f.dir.path()).is_empty());
}

#[test]
fn a_fifo_that_has_its_reader_already_is_written_without_a_word_of_waiting() {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let expected = csv_of(&f);
    let fifo = f.path("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.unwrap().success());
    // Opened for reading without waiting for a writer: the reader is there before the export.
    let mut reader = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .unwrap();
    let done = briefing()
        .args(["export", "-f", "csv", "-o"])
        .arg(&fifo)
        .arg(f.sheet())
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(done.status.success(), "{done:?}");
    assert_eq!(
        String::from_utf8_lossy(&done.stderr),
        format!(
            "briefing: wrote {} ({} bytes)\n",
            fifo.display(),
            expected.len()
        )
    );
    let mut got = Vec::new();
    reader.read_to_end(&mut got).unwrap();
    assert_eq!(got, expected);
}

// ── The article a TOML export brings ────────────────────────────────────────────────────────

#[test]
fn a_toml_export_never_writes_over_the_article_it_brings() {
    let dir = tempfile::tempdir().unwrap();
    let refused = |target: &std::path::Path| {
        briefing()
            .args(["export", "-f", "toml", "-o"])
            .arg(target)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "the article it names is written beside it under that name",
            ))
            .stderr(predicate::str::contains(target.to_str().unwrap()));
    };
    // The bundled article is named article.txt: a fact sheet there would replace it.
    refused(&dir.path().join("article.txt"));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "something was written"
    );
    // Through a link that points where the article goes.
    let link = dir.path().join("facts.toml");
    std::os::unix::fs::symlink("article.txt", &link).unwrap();
    refused(&link);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "something was written"
    );
    // With the article there already (from an earlier export), it is kept.
    fs::remove_file(&link).unwrap();
    let text = briefing::briefing::Briefing::bundled()
        .article
        .text()
        .to_owned();
    fs::write(dir.path().join("article.txt"), &text).unwrap();
    refused(&dir.path().join("article.txt"));
    assert_eq!(
        fs::read_to_string(dir.path().join("article.txt")).unwrap(),
        text
    );
}

#[test]
fn an_article_in_the_way_that_cannot_be_read_is_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.txt");
    fs::write(&article, "my own article\n").unwrap();
    fs::set_permissions(&article, fs::Permissions::from_mode(0o000)).unwrap();
    // Permissions do not bind root, as these tests often run: then a link to /proc/self/mem
    // stands in, a file that exists and cannot be read from its start.
    let binding = fs::read(&article).is_err();
    if !binding {
        fs::remove_file(&article).unwrap();
        std::os::unix::fs::symlink("/proc/self/mem", &article).unwrap();
    }
    briefing()
        .args(["export", "-f", "toml", "-o"])
        .arg(dir.path().join("facts.toml"))
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{} cannot be read (",
            article.display()
        )))
        .stderr(predicate::str::contains("it is left alone"));
    assert!(!dir.path().join("facts.toml").exists());
    if binding {
        fs::set_permissions(&article, fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(fs::read_to_string(&article).unwrap(), "my own article\n");
    } else {
        assert!(
            fs::symlink_metadata(&article)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
    if !binding {
        an_article_of_mode_000_is_left_alone_by_nobody();
    }
    // A FIFO of that name is not read (which would wait for a writer for ever).
    fs::remove_file(&article).unwrap();
    let made = std::process::Command::new("mkfifo").arg(&article).status();
    assert!(made.unwrap().success());
    briefing()
        .args(["export", "-f", "toml", "-o"])
        .arg(dir.path().join("facts.toml"))
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is a FIFO (named pipe), not the article this fact sheet names",
        ));
    assert!(!dir.path().join("facts.toml").exists());
}

/// The binary run as `nobody` (uid and gid 65534, no other groups) by setpriv(1), if these
/// tests run as root and it can; `None` otherwise.
fn as_nobody() -> Option<std::process::Command> {
    let nobody = || {
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(assert_cmd::cargo::cargo_bin("briefing"));
        cmd
    };
    let works = nobody()
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    works.then(nobody)
}

/// Whether these tests run as root, whom permissions do not bind.
fn running_as_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let probe = dir.path().join("probe");
    fs::write(&probe, "").unwrap();
    fs::metadata(&probe).unwrap().uid() == 0
}

/// Run as root, the case itself too, where setpriv(1) can run the binary as `nobody`: an
/// article.txt of mode 000, which `nobody` cannot read.
fn an_article_of_mode_000_is_left_alone_by_nobody() {
    use std::os::unix::fs::PermissionsExt;
    let Some(mut nobody) = as_nobody() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let article = dir.path().join("article.txt");
    fs::write(&article, "my own article\n").unwrap();
    fs::set_permissions(&article, fs::Permissions::from_mode(0o000)).unwrap();
    let done = nobody
        .args(["export", "-f", "toml", "-o"])
        .arg(dir.path().join("facts.toml"))
        .output()
        .unwrap();
    assert_eq!(fs::read_to_string(&article).unwrap(), "my own article\n");
    let said = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!(
            "{} cannot be read (Permission denied",
            article.display()
        )),
        "{said}"
    );
    assert!(!dir.path().join("facts.toml").exists());
    let mode = fs::metadata(&article).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0);
}

/// A folder that is there but takes no new file says "not found" when asked for one: the hint
/// does not tell to create it.
#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_takes_no_file_is_not_said_to_be_missing() {
    let f = crate::harness::Fixture::new(crate::harness::SHEET, crate::harness::ARTICLE.as_bytes());
    briefing()
        .args(["export", "-f", "json", "-o", "/proc/briefing-test.json"])
        .arg(f.sheet())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write in the folder /proc"))
        .stderr(predicate::str::contains("choose a folder you can write to"))
        .stderr(predicate::str::contains("create it first").not());
}

#[test]
fn a_name_ending_in_a_slash_is_said_to_be_a_missing_folder_or_not_a_folder() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let run = |out: &str| {
        briefing()
            .current_dir(f.dir.path())
            .args(["export", "-f", "json", "-o", out])
            .arg(f.sheet())
            .assert()
            .code(1)
    };
    run("x/").stderr(
        "briefing: cannot write x/: the folder x does not exist; create it first and name a \
         file inside it, or choose another folder\n",
    );
    run("a/b//").stderr(
        "briefing: cannot write a/b//: the folder a/b does not exist; create it first and name \
         a file inside it, or choose another folder\n",
    );
    fs::write(f.path("out.json"), "old").unwrap();
    run("out.json/").stderr(
        "briefing: cannot write out.json/: out.json is a file, not a folder; leave out the \
         trailing / to write to out.json itself, or choose another name\n",
    );
    assert_eq!(fs::read_to_string(f.path("out.json")).unwrap(), "old");
    // A folder that is there, as before.
    fs::create_dir(f.path("sub")).unwrap();
    run("sub/").stderr("briefing: sub/ is a folder; name a file inside it\n");
    let names: Vec<_> = fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
    assert!(temporaries(f.dir.path()).is_empty());
}

// ── Dangling links ──────────────────────────────────────────────────────────────────────────

#[test]
fn a_dangling_link_is_followed_and_stays_a_link() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    fs::create_dir(f.path("sub")).unwrap();
    let link = f.path("out.json");
    std::os::unix::fs::symlink("sub/new.json", &link).unwrap();
    briefing()
        .args(["export", "-f", "json", "-o"])
        .arg(&link)
        .arg(f.sheet())
        .assert()
        .success()
        .stderr(predicate::str::contains("briefing: wrote"));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let doc: Value = serde_json::from_slice(&fs::read(f.path("sub/new.json")).unwrap()).unwrap();
    assert_eq!(doc["briefing"]["title"], "Small");
    assert!(temporaries(f.dir.path()).is_empty());
    assert!(temporaries(&f.path("sub")).is_empty());
    // A link into a folder that does not exist: an error, and the link is left as it was.
    let lost = f.path("lost.json");
    std::os::unix::fs::symlink("missing/new.json", &lost).unwrap();
    briefing()
        .args(["export", "-f", "json", "-o"])
        .arg(&lost)
        .arg(f.sheet())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write in the folder"))
        .stderr(predicate::str::contains("create it first"));
    assert!(
        fs::symlink_metadata(&lost)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

// ── Permissions and owners ──────────────────────────────────────────────────────────────────

/// The mode bits of `path` (permissions only).
fn mode_of(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

/// `briefing export -f json -o TARGET SHEET` run by sh after `umask UMASK`.
fn export_under_umask(umask: &str, target: &std::path::Path, sheet: &std::path::Path) {
    let done = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(assert_cmd::cargo::cargo_bin("briefing"))
        .args(["export", "-f", "json", "-o"])
        .arg(target)
        .arg(sheet)
        .output()
        .unwrap();
    assert!(done.status.success(), "{done:?}");
}

#[test]
fn a_new_file_gets_what_the_umask_allows_and_a_replaced_one_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    // As touch(1) and the shell's `>` create a file: 0666 less the umask.
    for (umask, mode) in [("077", 0o600), ("022", 0o644), ("002", 0o664), ("0", 0o666)] {
        let target = f.path(&format!("new-{umask}.json"));
        export_under_umask(umask, &target, &f.sheet());
        assert_eq!(
            mode_of(&target),
            mode,
            "umask {umask}: {:o}",
            mode_of(&target)
        );
    }
    // A file that is there keeps its mode, whatever the umask.
    let target = f.path("kept.json");
    fs::write(&target, "old").unwrap();
    for mode in [0o640, 0o604, 0o666] {
        fs::set_permissions(&target, fs::Permissions::from_mode(mode)).unwrap();
        export_under_umask("077", &target, &f.sheet());
        assert_eq!(mode_of(&target), mode, "{:o}", mode_of(&target));
    }
    assert!(temporaries(f.dir.path()).is_empty());
}

#[test]
fn a_file_the_user_cannot_write_is_not_replaced() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    // A folder anyone may write in: only the file's own permissions stand in the way, as for
    // `sh -c 'echo x > ro.json'`, which says "Permission denied".
    fs::set_permissions(f.dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let root = running_as_root();
    // The binary as a user whom permissions bind: this one, or nobody if this is root.
    let bound_user = || {
        if root {
            as_nobody()
        } else {
            Some(std::process::Command::new(assert_cmd::cargo::cargo_bin(
                "briefing",
            )))
        }
    };
    let Some(mut user) = bound_user() else {
        eprintln!("skipped: running as root, and setpriv cannot run the binary as nobody");
        return;
    };
    let refused = |cmd: &mut std::process::Command, target: &std::path::Path| {
        let done = cmd
            .args(["export", "-f", "json", "-o"])
            .arg(target)
            .arg(f.sheet())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&done.stderr).into_owned();
        assert_eq!(done.status.code(), Some(1), "{said}");
        assert_eq!(
            said,
            format!(
                "briefing: {} is not writable by you (Permission denied (os error 13)), so it \
                 is left as it was; choose another file, or make it writable first\n",
                target.display()
            )
        );
        assert_eq!(fs::read_to_string(target).unwrap(), "old");
    };
    // Read-only, and the user's own.
    let read_only = f.path("ro.json");
    fs::write(&read_only, "old").unwrap();
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o444)).unwrap();
    if root {
        std::os::unix::fs::chown(&read_only, Some(65534), Some(65534)).unwrap();
    }
    refused(&mut user, &read_only);
    assert_eq!(mode_of(&read_only), 0o444);
    // Refused before anything is written: the bundled briefing's TOML export brings its
    // article, which is not written beside a fact sheet that cannot be.
    let elsewhere = tempfile::tempdir().unwrap();
    fs::set_permissions(elsewhere.path(), fs::Permissions::from_mode(0o777)).unwrap();
    let sheet = elsewhere.path().join("facts.toml");
    fs::copy(&read_only, &sheet).unwrap();
    let done = bound_user()
        .unwrap()
        .args(["export", "-f", "toml", "-o"])
        .arg(&sheet)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(1), "{said}");
    assert!(said.contains("is not writable by you"), "{said}");
    let names: Vec<_> = fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["facts.toml"]);
    if root {
        assert_eq!(fs::metadata(&read_only).unwrap().uid(), 65534);
        // Someone else's, which the user may read but not write.
        let others = f.path("other.json");
        fs::write(&others, "old").unwrap();
        fs::set_permissions(&others, fs::Permissions::from_mode(0o644)).unwrap();
        refused(as_nobody().as_mut().unwrap(), &others);
        assert_eq!(fs::metadata(&others).unwrap().uid(), 0);
        // Someone else's that anyone may write: replaced, as `sed -i` would, by a file of the
        // user's own, since only root may give a file away; nothing said about that.
        let shared = f.path("shared.json");
        fs::write(&shared, "old").unwrap();
        fs::set_permissions(&shared, fs::Permissions::from_mode(0o666)).unwrap();
        let done = as_nobody()
            .unwrap()
            .args(["export", "-f", "json", "-o"])
            .arg(&shared)
            .arg(f.sheet())
            .output()
            .unwrap();
        assert!(done.status.success(), "{done:?}");
        let said = String::from_utf8_lossy(&done.stderr);
        let wrote = format!("briefing: wrote {} (", shared.display());
        assert!(
            said.starts_with(&wrote) && said.lines().count() == 1,
            "{said}"
        );
        let meta = fs::metadata(&shared).unwrap();
        assert_eq!((meta.uid(), mode_of(&shared)), (65534, 0o666));
        // Root may write a read-only file, as with `>`: replaced, and still read-only.
        briefing()
            .args(["export", "-f", "json", "-o"])
            .arg(&read_only)
            .arg(f.sheet())
            .assert()
            .success();
        assert_ne!(fs::read_to_string(&read_only).unwrap(), "old");
        assert_eq!(mode_of(&read_only), 0o444);
    }
    assert!(temporaries(f.dir.path()).is_empty());
}

// ── Signals ─────────────────────────────────────────────────────────────────────────────────

#[test]
fn a_signal_during_the_write_removes_the_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    // As the interrupted-export test in hostile.rs: tens of megabytes of JSON, and the signal
    // sent the moment the temporary file appears beside the target.
    let f = Fixture::new(SHEET, "NATO met. ".repeat(200_000).as_bytes());
    let target = f.path("out.json");
    let bin = assert_cmd::cargo::cargo_bin("briefing");
    for (name, number) in [("INT", 2), ("TERM", 15), ("HUP", 1), ("QUIT", 3)] {
        let mut landed = false;
        for _ in 0..5 {
            fs::write(&target, "old").unwrap();
            let mut child = std::process::Command::new(&bin)
                .args(["export", "-f", "json", "-o"])
                .arg(&target)
                .arg(f.sheet())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            while temporaries(f.dir.path()).is_empty() && child.try_wait().unwrap().is_none() {
                std::thread::yield_now();
            }
            // The shell's own kill: no kill(1) needed, and no `unsafe` for libc's.
            let sent = std::process::Command::new("sh")
                .arg("-c")
                .arg(format!("kill -s {name} {}", child.id()))
                .status()
                .unwrap();
            let status = child.wait().unwrap();
            let left = temporaries(f.dir.path());
            assert!(left.is_empty(), "SIG{name} left {left:?}");
            let now = fs::read(&target).unwrap();
            assert!(
                now == b"old" || serde_json::from_slice::<Value>(&now).is_ok(),
                "SIG{name}: a half-written export"
            );
            landed = status.code() == Some(128 + number);
            if landed {
                break;
            }
            // Only a signal that came too late (the export had finished) may let it succeed;
            // it must never die of the signal itself.
            assert!(
                status.success() || !sent.success(),
                "SIG{name}: {status:?} (signal {:?})",
                status.signal()
            );
        }
        assert!(landed, "no SIG{name} landed during a write");
    }
}

#[test]
fn markdown_has_no_doubled_blank_line_and_urls_are_autolinks() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures");
    let mut sheets = vec![None];
    for dir in ["warnings", "long-titles", "eval/presscall", "eval/speech"] {
        sheets.push(Some(root.join(dir).join("facts.toml")));
    }
    let mut links = 0;
    for sheet in sheets {
        let mut cmd = briefing();
        cmd.args(["export", "-f", "markdown"]);
        if let Some(sheet) = &sheet {
            cmd.arg(sheet);
        }
        let out = cmd.assert().success().get_output().stdout.clone();
        let md = String::from_utf8(out).unwrap();
        assert!(!md.contains("\n\n\n"), "{sheet:?}:\n{md}");
        assert!(!md.starts_with('\n') && md.ends_with('\n') && !md.ends_with("\n\n"));
        if let Some(line) = md.lines().find(|l| l.starts_with("- **URL:**")) {
            let url = line.trim_start_matches("- **URL:** ");
            assert!(url.starts_with("<https://") && url.ends_with('>'), "{line}");
            assert!(!url.contains('\\'), "{line}");
            links += 1;
        }
    }
    assert!(links >= 1, "no fixture has a URL");
}

// ── Every byte as before ─────────────────────────────────────────────────────────────────────

/// A fact sheet that gives every format something to escape: controls, formulas, quotes,
/// separators and line breaks in cells, an actor the article never names, a date range and an
/// approximate date, evidence, an attributed fact.
const AWKWARD_SHEET: &str = r#"[briefing]
title = "Awkward \"quotes\", commas; and *stars* <b>"
article = "article.txt"
source = "=cmd|' /C calc'!A0"
url = "https://example.com/a_(b)?c=1&d=2"
published = "2024-07"
summary = "First paragraph \u001b]0;PWNED\u0007 with a bell.\n\nSecond, with\ttab and\r\nCRLF."
omit = ["Advertisement"]

[[actors]]
id = "nato"
name = "NATO"
kind = "organization"
aliases = ["the alliance", "a; b \"c\""]
role = "-2+3 @SUM(A1) \u202eevil"
note = "Line one\nline two"

[[actors]]
id = "zoe"
name = "Zoë Ünïcode"
kind = "person"
affiliation = "nato"

[[actors]]
id = "ghost"
name = "Never Named"
kind = "place"

[[events]]
id = "met"
date = 2024-07-09
end = 2024-07-11
title = "NATO met Zoë Ünïcode"
actors = ["nato", "zoe"]
evidence = "NATO met Zoë Ünïcode"
note = "+1 | pipe | and `code`"

[[events]]
id = "soon"
date = "2024"
approximate = true
title = "Something, some time"

[[facts]]
label = "=1+1"
value = "\"quoted\", comma"
source = "zoe"
evidence = "the alliance"
"#;

/// A byte order mark, CRLF line ends, a line that is omitted, controls and wide characters.
const AWKWARD_ARTICLE: &str = "\u{feff}NATO met Zoë Ünïcode in Washington.\r\nAdvertisement\r\n\
    Then the alliance said \u{1b}[31mred\u{1b}[0m things; NATO, again — \"NATO\".\r\n\
    日本語 NATO 日本語. a; b \"c\" ends it\r\n";

/// Each format and table as `export` writes it, on the sample and on an awkward briefing: the
/// same bytes on standard output and in a file (whose reported size is its own), and the same
/// bytes as the snapshots taken before exports were written as they are made.
#[test]
fn every_format_is_written_byte_for_byte_as_before() {
    let cases = [
        ("json", None),
        ("markdown", None),
        ("toml", None),
        ("csv", Some("actors")),
        ("csv", Some("mentions")),
        ("csv", Some("events")),
        ("csv", Some("facts")),
    ];
    for (name, f) in [
        ("sample", Fixture::bundled()),
        (
            "awkward",
            Fixture::new(AWKWARD_SHEET, AWKWARD_ARTICLE.as_bytes()),
        ),
    ] {
        for (format, table) in cases {
            let mut args = vec!["export", "-f", format];
            args.extend(table.iter().flat_map(|t| ["--table", t]));
            let printed = briefing()
                .args(&args)
                .arg(f.sheet())
                .assert()
                .success()
                .get_output()
                .stdout
                .clone();
            let file = f.path(&format!("out-{format}-{}", table.unwrap_or("all")));
            let out = briefing()
                .args(&args)
                .arg(f.sheet())
                .arg("-o")
                .arg(&file)
                .assert()
                .success()
                .get_output()
                .clone();
            let written = fs::read(&file).unwrap();
            assert!(
                written == printed,
                "{name} {format} {table:?}: file and standard output differ"
            );
            let said = String::from_utf8_lossy(&out.stderr);
            let size = briefing::export::output::human_size(written.len() as u64);
            assert!(
                said.contains(&format!("({size})")),
                "{name} {format}: {said}"
            );
            let text = String::from_utf8(printed).expect("every export is UTF-8");
            let snapshot = format!("export_{name}_{format}_{}", table.unwrap_or("all"));
            insta::assert_snapshot!(snapshot, text);
        }
    }
}
