//! Hostile and broken input: text that tries to drive the terminal, text that is not what a
//! parser expects, fact sheets that are broken or huge, paths that are not files, and outputs
//! that fail. Whatever arrives, briefing says what is wrong, never panics, never lets text
//! drive the terminal and never damages a file.

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::PathBuf;

use predicates::prelude::*;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::harness::{ARTICLE, Fixture, Reader, SHEET, briefing, temporaries};

/// Escape sequences and invisible controls, as TOML escapes (for the fact sheet)…
const PAYLOAD_TOML: &str = r"\u001b]0;PWNED\u0007\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\\u001b]52;c;ZXZpbA==\u0007\u001b[31mRED\u001b[77;77H\u0008\u000d\u007f\u009b31m\u009d0;C1TITLE\u009c\u0085\u202e\u200bEND";
/// …and as raw text (for the article).
const PAYLOAD: &str = "\u{1b}]0;PWNED\u{7}\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\\u{1b}]52;c;ZXZpbA==\u{7}\u{1b}[31mRED\u{1b}[77;77H\u{8}\r\u{7f}\u{9b}31m\u{9d}0;C1TITLE\u{9c}\u{85}\u{202e}\u{200b}END";

fn hostile_sheet() -> String {
    format!(
        r#"[briefing]
title = "Title {PAYLOAD_TOML}"
article = "article.txt"
source = "Source {PAYLOAD_TOML}"
summary = "Summary {PAYLOAD_TOML}"

[[actors]]
id = "nato"
name = "NATO"
kind = "organization"
aliases = ["alias {PAYLOAD_TOML}"]
role = "Role {PAYLOAD_TOML}"
note = "Note {PAYLOAD_TOML}"

[[actors]]
id = "evil"
name = "Evil {PAYLOAD_TOML}"
kind = "other"

[[events]]
id = "e"
date = 2024-07-09
title = "Event {PAYLOAD_TOML}"
actors = ["nato"]
note = "Event note {PAYLOAD_TOML}"

[[facts]]
label = "Label {PAYLOAD_TOML}"
value = "Value {PAYLOAD_TOML}"
note = "Fact note {PAYLOAD_TOML}"
"#,
    )
}

fn hostile_article() -> String {
    format!("NATO met. {PAYLOAD}\nEvil {PAYLOAD} here. alias {PAYLOAD} too.\n")
}

/// Draws the reader through crossterm into memory: exactly the bytes a terminal would get.
fn bytes_on_the_wire(r: &Reader) -> Vec<u8> {
    let (w, h) = r.app.size();
    let mut out = Vec::new();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(&mut out),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, w, h)),
        },
    )
    .unwrap();
    terminal
        .draw(|f| briefing::view::render(&r.app, f))
        .unwrap();
    drop(terminal);
    out
}

fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    for (bad, name) in [
        ("\u{1b}[31mRED", "the payload's colour"),
        ("\u{1b}[77;77H", "the payload's cursor move"),
        ("PWNED\u{7}", "a title"),
    ] {
        assert!(!text.contains(bad), "{what}: {name} reached the terminal");
    }
    // Beyond the payload's own sequences: the only controls that get through are the ESC of
    // crossterm's own CSI sequences (cursor moves and colours) and, in the text outputs (check,
    // Markdown), line feeds; no OSC, DCS or bare ESC, no other C0 control (CR, BEL, backspace
    // …), no DEL, no C1 control, no invisible format character.
    let lines_allowed = matches!(what, "check" | "markdown");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            assert_eq!(
                chars.next(),
                Some('['),
                "{what}: an ESC that does not start a CSI"
            );
            // Parameters, then one final byte.
            while chars
                .next_if(|p| matches!(p, '0'..='9' | ';' | '?'))
                .is_some()
            {}
            let end = chars.next();
            assert!(
                end.is_some_and(|e| e.is_ascii_alphabetic()),
                "{what}: a CSI ending in {end:?}"
            );
            continue;
        }
        if c == '\n' && lines_allowed {
            continue;
        }
        assert!(
            !(c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}')),
            "{what}: {c:?} reached the terminal"
        );
    }
}

#[test]
fn injected_sequences_reach_the_terminal_inert_and_visible() {
    let f = Fixture::new(&hostile_sheet(), hostile_article().as_bytes());
    let mut r = Reader::of(&f, 200, 60);
    assert_inert(&bytes_on_the_wire(&r), "start screen");
    // Follow NATO: its details show the role, alias and note; then the evil actor, an event,
    // the facts, the help and the warnings.
    for keys in [
        "2 g Enter",
        "4",
        "2 g j Enter 4",
        "3 g Enter 4",
        "f",
        "?",
        "Esc w",
        "Esc / \u{1b}",
    ] {
        r.press(keys);
        let bytes = bytes_on_the_wire(&r);
        assert_inert(&bytes, keys);
        // What a terminal makes of those bytes: the placeholders, where the text was.
        let mut vt = vt100::Parser::new(60.try_into().unwrap(), 200.try_into().unwrap(), 0);
        vt.process(&bytes);
        assert!(!vt.screen().contents().contains('\u{1b}'));
    }
    // The payload is shown, not hidden: its escapes appear as placeholders.
    let screen = r.screen();
    assert!(screen.contains("␛]0;PWNED␇"), "{screen}");
    assert!(screen.contains("<U+202E>"));
}

#[test]
fn injected_sequences_cannot_shape_a_markdown_export() {
    let sheet = hostile_sheet().replace(
        "title = \"Title ",
        "title = \"# Not a heading\\n\\n- not a list <script>alert(1)</script> [x](javascript:x) ",
    );
    let f = Fixture::new(&sheet, hostile_article().as_bytes());
    let out = f.export(&["-f", "markdown"]);
    let md = String::from_utf8(out).unwrap();
    assert_inert(md.as_bytes(), "markdown");
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(headings.len(), 7, "{headings:?}");
    assert!(
        headings[0].starts_with("# \\# Not a heading - not a list \\<script\\>"),
        "{}",
        headings[0]
    );
    for h in &headings[1..] {
        assert!(
            [
                "## Summary",
                "## Actors",
                "### Organizations",
                "### Others",
                "## Timeline",
                "## Facts"
            ]
            .contains(h),
            "{h}"
        );
    }
    // Brackets and angle brackets are escaped, so neither a link nor raw HTML can form.
    assert!(!md.contains("<script>"));
    assert!(
        md.contains("\\<script\\>alert(1)\\</script\\> \\[x\\](javascript:x)"),
        "{md}"
    );
}

#[test]
fn csv_and_json_carry_text_without_executing_it() {
    let sheet = SHEET.replace(
        "aliases = [\"the alliance\"]",
        "aliases = [\"the alliance\"]\nrole = \"=cmd|' /C calc'!A0\"\nnote = \"@SUM(1+1)\"",
    );
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let out = f.export(&["-f", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[4], "'=cmd|' /C calc'!A0");
    assert_eq!(&row[6], "'@SUM(1+1)");
    // JSON keeps the exact text, escaped by the format itself.
    let f = Fixture::new(&hostile_sheet(), hostile_article().as_bytes());
    let out = f.export(&["-f", "json"]);
    assert!(!out.contains(&0x1b) && !out.contains(&0x07));
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert!(
        doc["briefing"]["title"]
            .as_str()
            .unwrap()
            .ends_with(PAYLOAD)
    );
}

#[test]
fn check_messages_escape_what_they_quote() {
    let sheet = format!("{SHEET}\"\\u001b[2Jwiped\" = 1\nalias = [\"{PAYLOAD_TOML}\"]\n");
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let out = briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    assert_inert(&out, "check");
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("unknown key \"\\u{1b}[2Jwiped\""), "{text}");
}

// ── Broken text ────────────────────────────────────────────────────────────────────────────

const MIXED: &[u8] =
    "\u{FEFF}NATO met\r\nin Washington.\rThe alliance\tagreed.\u{0} Café NATO\u{301}s \
    北大西洋条約機構 NATO 🙂 NATO.\n\nمرحبا NATO עברית.\n"
        .as_bytes();

#[test]
fn byte_order_marks_line_endings_tabs_nul_and_scripts_load_and_draw() {
    let f = Fixture::new(SHEET, MIXED);
    let out = f.export(&["-f", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let text = String::from_utf8(MIXED.to_vec()).unwrap();
    let mentions = doc["actors"][0]["mentions"].as_array().unwrap();
    let found: Vec<(&str, u64)> = mentions
        .iter()
        .map(|m| (m["text"].as_str().unwrap(), m["line"].as_u64().unwrap()))
        .collect();
    // Rule 4 looks at characters: a combining accent is not alphanumeric, so "NATO" followed by
    // one still counts; every script is matched.
    assert_eq!(
        found,
        [
            ("NATO", 1),
            ("The alliance", 3),
            ("NATO", 3),
            ("NATO", 3),
            ("NATO", 3),
            ("NATO", 5)
        ]
    );
    for m in mentions {
        let (s, e) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], m["text"].as_str().unwrap());
    }
    let input = briefing::briefing::Input::from_arg(Some(f.dir.path())).unwrap();
    for (w, h) in [(24, 7), (40, 12), (80, 24), (200, 60)] {
        let b = briefing::briefing::open(&input).unwrap();
        let mut r = Reader::new(b, input.clone(), w, h);
        r.press("1 ] ] ] ] Enter G g");
        let screen = r.screen();
        assert!(
            screen.contains('␀') || w < 40,
            "NUL is shown as a placeholder:\n{screen}"
        );
        assert_inert(&bytes_on_the_wire(&r), "mixed");
    }
}

#[test]
fn an_empty_article_and_an_article_of_omitted_lines_open() {
    for (article, omit) in [
        ("", ""),
        (
            "Advertisement\n\nAdvertisement\n",
            "omit = [\"Advertisement\"]\n",
        ),
    ] {
        let sheet = SHEET.replace(
            "article = \"article.txt\"\n",
            &format!("article = \"article.txt\"\n{omit}"),
        );
        let f = Fixture::new(&sheet, article.as_bytes());
        briefing()
            .arg("check")
            .arg(f.sheet())
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "warning: actor \"nato\" is never mentioned",
            ));
        let mut r = Reader::of(&f, 80, 24);
        r.press("j G n ] [ Enter / x Enter o G 2 Enter 3 Enter 4 Enter y");
        let _ = r.screen();
    }
}

#[test]
fn a_single_ten_megabyte_line_loads_and_draws() {
    let mut line = String::with_capacity(10 * 1024 * 1024 + 64);
    while line.len() < 10 * 1024 * 1024 {
        line.push_str("The alliance met and NATO agreed, again and again; ");
    }
    line.push('\n');
    let f = Fixture::new(SHEET, line.as_bytes());
    let input = briefing::briefing::Input::from_arg(Some(f.dir.path())).unwrap();
    let b = briefing::briefing::open(&input).unwrap();
    assert!(b.mentions.count(0) > 300_000);
    let mut r = Reader::new(b, input, 120, 40);
    r.press("2 Enter n n G");
    assert!(r.status().contains("mention"), "{}", r.status());
    let _ = r.screen();
}

// ── Broken fact sheets ─────────────────────────────────────────────────────────────────────

#[test]
fn empty_and_minimal_fact_sheets_open() {
    let f = Fixture::new(
        "[briefing]\ntitle = \"Nothing\"\narticle = \"article.txt\"\n",
        ARTICLE.as_bytes(),
    );
    briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .success()
        .stdout("facts.toml: 0 actors, 0 events, 0 facts, 0 errors, 0 warnings\n");
    let mut r = Reader::of(&f, 80, 24);
    r.press("n");
    assert!(r.status().contains("Follow an actor"), "{}", r.status());
    r.press("2 Enter 3 Enter 4 Enter f Enter");
    let screen = r.screen();
    assert!(screen.contains("lists no facts"), "{screen}");
}

#[test]
fn ten_thousand_actors_check_and_draw() {
    let mut sheet = String::from("[briefing]\ntitle = \"Many\"\narticle = \"article.txt\"\n");
    let mut article = String::new();
    for n in 0..10_000 {
        let _ = write!(
            sheet,
            "\n[[actors]]\nid = \"a{n}\"\nname = \"Name{n}\"\nkind = \"person\"\naliases = [\"alias number {n}\"]\n"
        );
        let _ = write!(article, "Name{n} met alias number {n}. ");
    }
    let f = Fixture::new(&sheet, article.as_bytes());
    briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .success()
        .stdout("facts.toml: 10000 actors, 0 events, 0 facts, 0 errors, 0 warnings\n");
    let mut r = Reader::of(&f, 120, 40);
    r.press("2 G Enter 2 /")
        .type_text("Name9999")
        .press("Enter");
    assert_eq!(r.app.visible_actors().len(), 1);
    let _ = r.screen();
}

#[test]
fn very_long_strings_are_cut_on_screen() {
    let long = "x".repeat(1_000_000);
    let sheet = SHEET
        .replace("title = \"Small\"", &format!("title = \"{long}\""))
        .replace(
            "kind = \"organization\"",
            &format!("kind = \"organization\"\nnote = \"{long}\""),
        );
    let f = Fixture::new(&sheet, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    r.press("2 4 G");
    assert!(r.screen().lines().all(|l| l.chars().count() == 80));
}

#[test]
fn several_errors_are_reported_in_one_run_at_their_positions() {
    let sheet = "[briefing]\ntitle = 5\narticle = \"article.txt\"\nextra = 1\n\n[[actors]]\nid = \"Bad Id\"\nname = \"\"\nkind = \"club\"\n\n[[events]]\nid = \"e\"\ndate = \"2024-02-30\"\ntitle = \"E\"\nactors = [\"nobody\"]\n";
    let f = Fixture::new(sheet, ARTICLE.as_bytes());
    let out = f.check(1);
    let positions: Vec<&str> = out.lines().filter_map(|l| l.split(": ").next()).collect();
    assert_eq!(
        positions,
        [
            "DIR/facts.toml:2:9",
            "DIR/facts.toml:4:1",
            "DIR/facts.toml:7:6",
            "DIR/facts.toml:8:8",
            "DIR/facts.toml:9:8",
            "DIR/facts.toml:13:8",
            "DIR/facts.toml:15:11",
            "facts.toml"
        ],
        "{out}"
    );
}

#[test]
fn deeply_nested_huge_and_foreign_files_are_refused_with_a_message() {
    // Deep nesting: the TOML parser's depth limit, not a stack overflow.
    let deep = format!(
        "[briefing]\ntitle = \"x\"\narticle = \"article.txt\"\nsummary = {}1{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let f = Fixture::new(&deep, ARTICLE.as_bytes());
    briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error"));
    // JSON is not TOML.
    let f = Fixture::new("{\"briefing\": {\"title\": \"x\"}}", ARTICLE.as_bytes());
    briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "this is not a fact sheet: it is not TOML, and has no [briefing] table",
        ));
    // A fact sheet over the limit is not read at all (a sparse file: no disk is used).
    let f = Fixture::new("", ARTICLE.as_bytes());
    fs::File::create(f.sheet())
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    briefing()
        .arg("check")
        .arg(f.sheet())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too large for a fact sheet"));
}

// ── Paths that are not files ───────────────────────────────────────────────────────────────

fn check_article_path(article: &str) -> String {
    let f = Fixture::new(&SHEET.replace("article.txt", article), ARTICLE.as_bytes());
    f.check(1)
}

#[test]
fn devices_fifos_folders_and_huge_files_are_refused_without_reading_them() {
    assert!(
        check_article_path("/dev/zero")
            .contains("error: the article /dev/zero is a device, not a regular file")
    );
    assert!(check_article_path(".").contains("is a folder, not a regular file"));
    let f = Fixture::new(&SHEET.replace("article.txt", "fifo"), b"");
    let status = std::process::Command::new("mkfifo")
        .arg(f.path("fifo"))
        .status()
        .unwrap();
    assert!(status.success());
    // `check` of `f` fails at once, saying `said`.
    let fails_saying = |f: &Fixture, said: &str| {
        briefing()
            .arg("check")
            .arg(f.sheet())
            .timeout(std::time::Duration::from_secs(10))
            .assert()
            .code(1)
            .stdout(predicate::str::contains(said));
    };
    fails_saying(&f, "is a FIFO, not a regular file");
    let f = Fixture::new(&SHEET.replace("article.txt", "huge.txt"), b"");
    let too_large = |bytes: u64, said: &str| {
        fs::File::create(f.path("huge.txt"))
            .unwrap()
            .set_len(bytes)
            .unwrap();
        fails_saying(&f, said);
    };
    too_large(300 << 20, "is 300 MiB, over the limit of 256 MiB");
    // A byte over: said in bytes, where MiB would read "256 MiB, over the limit of 256 MiB".
    too_large(
        (256 << 20) + 1,
        "is 268435457 bytes, over the limit of 268435456 bytes (256 MiB)",
    );
}

/// Tests run as root here, where permissions do not stop reads; `/proc/self/mem` is a regular
/// file whose first page cannot be read, which makes it a dependable unreadable file.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_article_is_an_error_naming_the_cause() {
    let out = check_article_path("/proc/self/mem");
    assert!(
        out.contains("error: the article /proc/self/mem cannot be read: Input/output error"),
        "{out}"
    );
}

#[test]
fn an_article_outside_the_folder_is_allowed_and_located() {
    let outer = tempfile::tempdir().unwrap();
    fs::write(outer.path().join("shared.txt"), ARTICLE).unwrap();
    let inner = outer.path().join("sheet");
    fs::create_dir(&inner).unwrap();
    fs::write(
        inner.join("facts.toml"),
        SHEET.replace("article.txt", "../shared.txt"),
    )
    .unwrap();
    briefing()
        .arg("check")
        .arg(&inner)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "note: the article is outside the fact sheet's folder",
        ))
        .stdout(predicate::str::contains("0 errors, 0 warnings"));
    // The reader counts as check does: a note is listed under `w`, but is not a warning.
    let input = briefing::briefing::Input::from_arg(Some(&inner)).unwrap();
    let b = briefing::briefing::open(&input).unwrap();
    let mut r = Reader::new(b, input, 120, 40);
    assert!(!r.screen().contains("warning"), "{}", r.screen());
    r.press("w");
    assert!(r.screen().contains("outside the fact sheet's folder"));
    // A link in the folder to it: the note says where the link points.
    std::os::unix::fs::symlink("../shared.txt", inner.join("article.txt")).unwrap();
    fs::write(inner.join("facts.toml"), SHEET).unwrap();
    let target = fs::canonicalize(outer.path().join("shared.txt")).unwrap();
    briefing()
        .arg("check")
        .arg(&inner)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "note: the article is outside the fact sheet's folder: {}, a link to {}",
            inner.join("article.txt").display(),
            target.display()
        )));
}

#[test]
fn an_article_reached_through_the_parent_folder_but_inside_it_is_not_outside() {
    let outer = tempfile::tempdir().unwrap();
    let folder = outer.path().join("same-folder");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("real.txt"), ARTICLE).unwrap();
    let absolute = folder.join("real.txt");
    for article in [
        "../same-folder/real.txt",
        "./sub/../real.txt",
        absolute.to_str().unwrap(),
    ] {
        fs::create_dir_all(folder.join("sub")).unwrap();
        fs::write(
            folder.join("facts.toml"),
            SHEET.replace("article.txt", article),
        )
        .unwrap();
        briefing()
            .arg("check")
            .arg(&folder)
            .assert()
            .success()
            .stdout("facts.toml: 1 actor, 0 events, 0 facts, 0 errors, 0 warnings\n");
    }
    // Named from inside the folder itself, as `briefing check facts.toml` there.
    fs::write(
        folder.join("facts.toml"),
        SHEET.replace("article.txt", "../same-folder/real.txt"),
    )
    .unwrap();
    briefing()
        .current_dir(&folder)
        .args(["check", "facts.toml"])
        .assert()
        .success()
        .stdout("facts.toml: 1 actor, 0 events, 0 facts, 0 errors, 0 warnings\n");
}

// ── Output failures ────────────────────────────────────────────────────────────────────────

#[test]
fn a_full_disk_or_a_missing_folder_fails_with_a_message() {
    briefing()
        .args(["export", "-f", "json", "-o", "/dev/full"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("No space left on device"));
    // A device is written in place: no temporary file beside it, in /dev.
    assert_eq!(
        temporaries(std::path::Path::new("/dev")),
        Vec::<PathBuf>::new(),
        "a temporary file was left in /dev"
    );
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no/such/folder/out.json");
    briefing()
        .args(["export", "-f", "json", "-o"])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write"));
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "something was created"
    );
}

#[test]
fn a_read_only_folder_fails_with_a_message_and_leaves_nothing_behind() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("read-only");
    fs::create_dir(&folder).unwrap();
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o555)).unwrap();
    // Permissions do not bind root, as these tests often run: then sysfs stands in, a folder
    // in which nobody may create a file.
    let binding = fs::write(folder.join("probe"), "").is_err();
    let target = if binding {
        folder.join("out.json")
    } else {
        PathBuf::from("/sys/briefing-out.json")
    };
    briefing()
        .args(["export", "-f", "json", "-o"])
        .arg(&target)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write in the folder"))
        .stderr(predicate::str::contains("Permission denied"))
        .stderr(predicate::str::contains("choose a folder you can write to"))
        .stderr(predicate::str::contains(".briefing-export-").not());
    if binding {
        assert_eq!(
            fs::read_dir(&folder).unwrap().count(),
            0,
            "a file was left behind"
        );
    }
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn an_interrupted_export_leaves_the_old_file_whole() {
    // A large export, killed at various moments: the target is always either the old file or
    // the complete new one.
    let f = Fixture::new(SHEET, "NATO met. ".repeat(200_000).as_bytes());
    let target = f.path("out.json");
    let bin = assert_cmd::cargo::cargo_bin("briefing");
    let export = || {
        fs::write(&target, "old").unwrap();
        std::process::Command::new(&bin)
            .args(["export", "-f", "json", "-o"])
            .arg(&target)
            .arg(f.sheet())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let old_or_whole = |when: &str| {
        let now = fs::read(&target).unwrap();
        assert!(
            now == b"old" || serde_json::from_slice::<serde_json::Value>(&now).is_ok(),
            "a half-written export {when}"
        );
        now == b"old"
    };
    for delay_ms in [0u64, 5, 20, 50, 100, 200] {
        let mut child = export();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        old_or_whole(&format!("after {delay_ms} ms"));
    }
    // Timed kills may all land before or after the write. These land in it: the moment the
    // temporary file appears beside the target, the export is killed.
    let mut caught = 0;
    for _ in 0..5 {
        let mut child = export();
        while temporaries(f.dir.path()).is_empty() && child.try_wait().unwrap().is_none() {
            std::thread::yield_now();
        }
        let _ = child.kill();
        let _ = child.wait();
        let left = temporaries(f.dir.path());
        if old_or_whole("killed during the write") && !left.is_empty() {
            caught += 1;
        }
        for t in left {
            fs::remove_file(t).unwrap();
        }
    }
    assert!(caught > 0, "no kill landed during a write");
}

// ── While reading ──────────────────────────────────────────────────────────────────────────

#[test]
fn reload_takes_a_good_version_and_keeps_the_old_one_over_a_broken_one() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    assert_eq!(r.app.briefing().sheet.actors.len(), 1);
    // Broken on disk: the reader keeps what it has and lists the errors.
    fs::write(
        f.sheet(),
        SHEET.replace("kind = \"organization\"", "kind = \"club\""),
    )
    .unwrap();
    r.press("r");
    assert!(matches!(
        r.app.window().map(briefing::app::Window::kind),
        Some(briefing::app::window::Kind::ReloadErrors(..))
    ));
    assert!(r.screen().contains("unknown actor kind"));
    assert_eq!(
        r.app.briefing().sheet.actors[0].kind,
        briefing::sheet::ActorKind::Organization
    );
    r.press("Esc");
    // Broken another way: the window shows the new errors, not the ones it showed before.
    fs::write(f.sheet(), SHEET.replace("id = \"nato\"", "id = \"Nato!\"")).unwrap();
    r.press("r");
    let shown = r
        .app
        .window_rows()
        .unwrap()
        .1
        .iter()
        .map(|row| row.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.contains("\"Nato!\" is not a valid id"), "{shown}");
    assert!(!shown.contains("unknown actor kind"), "{shown}");
    r.press("Esc");
    // Fixed, with a new actor and a changed article.
    let mut sheet = fs::File::create(f.sheet()).unwrap();
    write!(
        sheet,
        "{SHEET}\n[[actors]]\nid = \"china\"\nname = \"China\"\nkind = \"country\"\n"
    )
    .unwrap();
    fs::write(f.path("article.txt"), "NATO and China met.\n").unwrap();
    r.press("r");
    assert!(r.app.window().is_none());
    assert_eq!(r.app.briefing().sheet.actors.len(), 2);
    assert!(r.status().contains("Reloaded"), "{}", r.status());
    assert!(r.screen().contains("NATO and China met."));
}

#[test]
fn reload_keeps_the_old_version_over_a_broken_or_missing_article() {
    let f = Fixture::new(SHEET, ARTICLE.as_bytes());
    let mut r = Reader::of(&f, 80, 24);
    let before = r.app.briefing().article.text().to_owned();
    // Not UTF-8: the errors are listed, the old article stays.
    fs::write(f.path("article.txt"), b"NATO \xff met.\n").unwrap();
    r.press("r");
    let shown = r
        .app
        .window_rows()
        .expect("the reload errors")
        .1
        .iter()
        .map(|row| row.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(shown.contains("not UTF-8"), "{shown}");
    assert_eq!(r.app.briefing().article.text(), before);
    r.press("Esc");
    // Gone: the same, and the old article is still read once the window is closed.
    fs::remove_file(f.path("article.txt")).unwrap();
    r.press("r");
    assert!(r.status().contains("Reload failed"), "{}", r.status());
    assert!(r.screen().contains("does not exist"), "{}", r.screen());
    assert_eq!(r.app.briefing().article.text(), before);
    r.press("Esc");
    assert!(
        r.screen().contains("NATO met. The alliance agreed."),
        "{}",
        r.screen()
    );
}

#[test]
fn reload_after_an_article_edit_keeps_the_place_by_its_text() {
    crate::harness::reloaded_after_lines_above(|r| {
        r.press("r");
    });
}

#[test]
fn reload_keeps_the_selected_actor_and_event_by_id_when_entries_move() {
    let event = "\n[[events]]\nid = \"meeting\"\ndate = 2024-07-01\ntitle = \"NATO met\"\nactors = [\"nato\"]\n";
    let china = "\n[[actors]]\nid = \"china\"\nname = \"China\"\nkind = \"country\"\n";
    let f = Fixture::new(
        &format!("{SHEET}{china}{event}"),
        "NATO and China met.\n".as_bytes(),
    );
    let mut r = Reader::of(&f, 120, 40);
    let china_at = r.actor("china");
    r.press("2 g");
    while r.app.actors_list().selected != Some(china_at) {
        r.press("j");
    }
    r.press("Enter");
    // The curator moves China above NATO: the same actor stays selected, by id.
    let (head, nato) = SHEET.split_at(SHEET.find("[[actors]]").unwrap());
    fs::write(
        f.sheet(),
        format!("{head}{}\n{nato}{event}", china.trim_start()),
    )
    .unwrap();
    r.press("r");
    let now = r.actor("china");
    assert_ne!(now, china_at, "the edit moved China");
    assert_eq!(r.app.actors_list().selected, Some(now));
    assert_eq!(r.app.followed().target(), briefing::app::Target::Actor(now));
    // China removed: nothing of it stays selected, and nothing else is selected in its place.
    fs::write(f.sheet(), format!("{SHEET}{event}")).unwrap();
    r.press("r");
    assert_eq!(r.app.followed().target(), briefing::app::Target::None);
    let _ = r.screen();
}
