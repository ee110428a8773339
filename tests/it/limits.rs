//! What the reader does with input a terminal can deliver but nobody types: a paste (with line
//! breaks, or far too long), a terminal of 65535×65535, one character carrying millions of
//! combining marks, a copy of a text without sentence breaks. The PTY side of the same (a burst
//! of input, signals) is in `pty.rs`.

use briefing::app::{Action, Effect, MAX_HEIGHT, MAX_WIDTH};

use crate::harness::{Fixture, Reader, SHEET};

fn open(f: &Fixture, width: u16, height: u16) -> Reader {
    let input = briefing::briefing::Input::from_arg(Some(f.dir.path())).expect("an input");
    let b = briefing::briefing::open(&input).expect("the fixture opens");
    Reader::new(b, input, width, height)
}

#[test]
fn a_paste_goes_into_the_search_as_one_line_and_submits_nothing() {
    let mut r = Reader::bundled(120, 30);
    r.press("/").act(Action::Paste("NATO\r\nsummit\n".into()));
    assert!(
        r.app.search().editing,
        "the pasted line break submitted the search"
    );
    assert_eq!(r.app.search().query, "NATO summit ");
    r.press("Enter");
    assert!(r.status().contains("\"NATO summit \""), "{}", r.status());
}

#[test]
fn a_paste_with_no_field_open_runs_no_command_and_replaces_no_file() {
    // The probe's paste: `/NATO⏎e⏎⏎` used to search, open the export dialog and answer its
    // "exists: Enter again to replace it".
    let mut r = Reader::bundled(120, 30);
    let existing = r.exports.path().join("briefing.json");
    std::fs::write(&existing, "keep").expect("write briefing.json");
    r.act(Action::Paste("/NATO\re\r\r".into()));
    assert!(
        r.app.export_dialog().is_none(),
        "the paste opened the dialog"
    );
    assert!(!r.app.search().active(), "the paste searched");
    assert!(r.status().contains("Paste ignored"), "{}", r.status());
    assert_eq!(std::fs::read_to_string(&existing).expect("read"), "keep");
}

#[test]
fn a_paste_into_the_export_dialog_edits_the_file_name_only() {
    let mut r = Reader::bundled(120, 30);
    r.press("e");
    for _ in 0.."briefing.json".len() {
        r.press("Backspace");
    }
    r.act(Action::Paste("out\r\n\r\n.json".into()));
    let dialog = r.app.export_dialog().expect("the dialog is still open");
    assert_eq!(dialog.file, "out  .json");
    assert!(
        std::fs::read_dir(r.exports.path())
            .expect("the export folder")
            .next()
            .is_none(),
        "the paste wrote a file"
    );
}

#[test]
fn a_paste_goes_into_a_list_filter_and_a_window_search() {
    let mut r = Reader::bundled(120, 30);
    r.press("2 /").act(Action::Paste("Ukr\naine".into()));
    assert_eq!(r.app.actors_list().filter, "Ukr aine");
    r.press("Esc Esc ?").press("/");
    r.act(Action::Paste("next\nmention".into()));
    assert_eq!(
        r.app.window_find_typed().map(|f| f.query.as_str()),
        Some("next mention")
    );
}

#[test]
fn a_paste_too_long_for_a_field_is_cut_and_says_so() {
    let mut r = Reader::bundled(120, 30);
    r.press("/").act(Action::Paste("x".repeat(10_000)));
    assert_eq!(r.app.search().query.len(), 4096);
    // Said while the field is still open, beside the end of the query.
    let status = r.status();
    assert!(status.contains("5904 more left out"), "{status}");
    assert!(status.ends_with("xxx█"), "{status}");
}

#[test]
fn a_huge_terminal_is_drawn_up_to_the_cap_and_says_so() {
    let mut r = Reader::bundled(80, 24);
    r.act(Action::Resize(u16::MAX, u16::MAX));
    assert_eq!(r.app.size(), (MAX_WIDTH, MAX_HEIGHT));
    let screen = r.screen();
    assert!(
        screen.contains("The terminal is 65535×65535: the reader draws its top left 1024×512"),
        "{}",
        r.status()
    );
    // Back to a size under the cap: all of it is used again, and the note is gone at the next key.
    r.act(Action::Resize(200, 60)).press("j");
    assert_eq!(r.app.size(), (200, 60));
    assert!(!r.status().contains("The terminal is"), "{}", r.status());
}

#[test]
fn a_character_with_two_million_marks_fills_one_cell_with_at_most_sixteen() {
    let article = format!(
        "NATO met{}. The alliance agreed.\n",
        "\u{301}".repeat(2_000_000)
    );
    let f = Fixture::new(SHEET, article.as_bytes());
    let r = open(&f, 80, 24);
    let terminal = r.draw();
    let buf = terminal.backend().buffer();
    let widest = buf.content().iter().map(|c| c.symbol().len()).max();
    // "t" and sixteen two-byte marks.
    assert_eq!(widest, Some(1 + 16 * 2));
    assert!(r.screen().contains("The alliance agreed."));
}

#[test]
fn a_copy_from_a_text_without_sentence_breaks_is_cut_around_the_mention() {
    let mut article = "and then some more words ".repeat(40_000);
    article.push_str("NATO ");
    article.push_str(&"and yet more words ".repeat(40_000));
    let f = Fixture::new(SHEET, article.as_bytes());
    let mut r = open(&f, 80, 24);
    r.press("] y");
    let Some(Effect::Copy(clip)) = r.effects.last() else {
        panic!("no copy: {:?}", r.effects.last());
    };
    assert!(clip.len() < 70 * 1024, "{} bytes copied", clip.len());
    assert!(
        clip.contains("NATO") && clip.starts_with("“…"),
        "{}",
        &clip[..80]
    );
    let said = r.app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.contains("too long to copy whole"), "{said}");
}

/// The bundled reader with the export dialog open on `name` (in its export folder, unless
/// absolute).
fn dialog_on(name: &str) -> Reader {
    let mut r = Reader::bundled(100, 30);
    r.press("e");
    for _ in 0.."briefing.json".len() {
        r.press("Backspace");
    }
    r.type_text(name);
    r
}

fn dialog_line(r: &Reader) -> String {
    let d = r.app.export_dialog().expect("the dialog is open");
    d.problem
        .clone()
        .or_else(|| d.status.clone())
        .unwrap_or_default()
}

fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", path.display());
}

#[test]
fn an_export_to_a_fifo_says_what_it_is_waits_without_blocking_and_cancels() {
    let mut r = dialog_on("pipe");
    mkfifo(&r.exports.path().join("pipe"));
    r.press("Enter");
    assert!(
        dialog_line(&r).contains("pipe is a FIFO"),
        "{}",
        dialog_line(&r)
    );
    // The second Enter starts the write; with no reader it waits, on its own thread. (Before,
    // the reader's loop blocked in open(2) and no key, Esc or Ctrl-c included, was read.)
    r.act(Action::Submit).act(Action::Settle);
    assert!(r.app.exporting());
    assert!(
        dialog_line(&r).contains("Waiting for a reader of pipe"),
        "{}",
        dialog_line(&r)
    );
    assert!(
        r.screen()
            .contains("Waiting for a reader of pipe… Esc cancels")
    );
    r.act(Action::Cancel).settle();
    assert!(!r.app.exporting());
    assert!(dialog_line(&r).contains("cancelled"), "{}", dialog_line(&r));
}

#[test]
fn an_export_to_a_fifo_with_a_reader_delivers_the_whole_export() {
    let mut r = dialog_on("pipe");
    let fifo = r.exports.path().join("pipe");
    mkfifo(&fifo);
    let reader = std::thread::spawn(move || std::fs::read(&fifo).expect("read the FIFO"));
    r.press("Enter").press("Enter");
    assert!(r.app.export_dialog().is_none(), "{}", r.status());
    assert!(r.status().contains("Exported"), "{}", r.status());
    let got = reader.join().expect("the FIFO's reader");
    let doc: serde_json::Value = serde_json::from_slice(&got).expect("the whole JSON export");
    assert!(doc["actors"].as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn an_export_to_the_terminal_itself_is_refused() {
    // `/dev/stdout` is the terminal the reader draws on: the export would land in its frame.
    let mut r = dialog_on("/dev/stdout");
    r.press("Enter");
    assert!(
        dialog_line(&r).contains("the terminal the reader draws on"),
        "{}",
        dialog_line(&r)
    );
    assert!(!r.app.exporting());
}

#[test]
fn an_export_through_a_dangling_link_asks_then_creates_the_file_it_points_to() {
    let mut r = dialog_on("link.json");
    let link = r.exports.path().join("link.json");
    std::os::unix::fs::symlink("made.json", &link).expect("a dangling link");
    r.press("Enter");
    assert!(
        dialog_line(&r).contains("links to a missing file"),
        "{}",
        dialog_line(&r)
    );
    r.press("Enter");
    assert!(r.app.export_dialog().is_none(), "{}", r.status());
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("the link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(r.exports.path().join("made.json"))
            .expect("the file it points to")
            .starts_with('{')
    );
}
