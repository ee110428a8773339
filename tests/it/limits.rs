//! What the reader does with input a terminal can deliver but nobody types: a paste (with line
//! breaks, or far too long), a terminal of 65535×65535, one character carrying millions of
//! combining marks, a copy of a text without sentence breaks. The PTY side of the same (a burst
//! of input, signals) is in `pty.rs`.

use briefing::app::{Action, Effect, MAX_HEIGHT, MAX_WIDTH};

use crate::harness::{Fixture, Reader, SHEET};

fn open(f: &Fixture, width: u16, height: u16) -> Reader {
    Reader::of(f, width, height)
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

/// A key held while a change was checked or an export written (`Action::Replayed`) leaves
/// the message that says how it ended, where the same key typed would clear it; one with a
/// message of its own says it.
#[test]
fn a_replayed_key_leaves_the_message_unless_it_has_its_own() {
    let mut r = Reader::bundled(120, 30);
    r.act(Action::Paste("x".into()));
    assert!(r.status().contains("Paste ignored"), "{}", r.status());
    r.act(Action::Replayed(Box::new(Action::Down)));
    assert!(r.status().contains("Paste ignored"), "{}", r.status());
    r.act(Action::Replayed(Box::new(Action::Focus(
        briefing::app::Pane::Actors,
    ))));
    assert!(r.status().contains("Paste ignored"), "{}", r.status());
    r.act(Action::Replayed(Box::new(Action::Unbound("F9".into()))));
    assert!(
        r.status().contains("F9") && !r.status().contains("Paste ignored"),
        "{}",
        r.status()
    );
    r.act(Action::Paste("y".into()));
    r.act(Action::Down);
    assert!(!r.status().contains("Paste ignored"), "{}", r.status());
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
        r.app.window_search_typed().map(|f| f.query.as_str()),
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
    assert!(
        said.starts_with("Copied 64.0 KiB of a 1.7 MiB sentence"),
        "{said}"
    );
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
        .or_else(|| r.app.export_status())
        .unwrap_or_default()
}

/// Settles until the export says it waits for a FIFO's reader (its thread says so once it has
/// found none), which it does for as long as no reader comes.
fn until_waiting(r: &mut Reader) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        r.act(Action::Settle);
        assert!(r.app.exporting(), "the export ended: {}", dialog_line(r));
        if dialog_line(r).contains("Waiting for a reader of ") {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{}", dialog_line(r));
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
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
    r.act(Action::Submit);
    until_waiting(&mut r);
    assert!(r.screen().contains("pipe… Esc cancels"));
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

#[test]
fn the_export_dialog_refuses_a_terminal_and_minus() {
    // `/dev/tty` and `/dev/pts/N` used to be "a device: Enter again to write to it", and the
    // export was drawn over the reader's screen. A pseudo-terminal of the test's own stands in
    // for them (a test may run without a controlling terminal).
    let pair = portable_pty::native_pty_system()
        .openpty(portable_pty::PtySize::default())
        .expect("a pseudo-terminal");
    let tty = pair.master.tty_name().expect("the terminal's name");
    let mut r = dialog_on(tty.to_str().expect("a UTF-8 name"));
    r.press("Enter");
    assert!(
        dialog_line(&r).contains("is a terminal"),
        "{}",
        dialog_line(&r)
    );
    assert!(!r.app.exporting());
    let mut r = dialog_on("-");
    r.press("Enter");
    assert!(
        dialog_line(&r).contains("the terminal the reader draws on"),
        "{}",
        dialog_line(&r)
    );
}

#[test]
fn while_an_export_waits_the_dialog_offers_only_esc_and_says_all_of_its_messages() {
    let mut r = dialog_on("pipe");
    mkfifo(&r.exports.path().join("pipe"));
    r.press("Enter");
    // At 80 columns the whole question is there, wrapped, not cut.
    let mut narrow = Reader::bundled(80, 24);
    narrow.press("e");
    for _ in 0.."briefing.json".len() {
        narrow.press("Backspace");
    }
    std::fs::remove_dir(narrow.exports.path()).expect("an empty folder");
    std::os::unix::fs::symlink(r.exports.path(), narrow.exports.path()).expect("a link");
    narrow.type_text("pipe").press("Enter");
    let screen = narrow.screen();
    assert!(
        screen.contains("once a reader") && screen.contains("opens it"),
        "the question is cut:\n{screen}"
    );
    r.act(Action::Submit);
    until_waiting(&mut r);
    let screen = r.screen();
    assert!(screen.contains(" Esc cancel "), "{screen}");
    assert!(!screen.contains("Tab format"), "{screen}");
    r.act(Action::Cancel).settle();
}

#[test]
fn keys_do_nothing_while_the_terminal_is_too_small_to_show_them() {
    // At 20×6 only "too small" is on screen; `e Enter` used to write briefing.json unseen.
    let mut r = Reader::bundled(20, 6);
    r.press("e Enter");
    assert!(r.app.export_dialog().is_none());
    assert!(
        std::fs::read_dir(r.exports.path())
            .expect("the export folder")
            .next()
            .is_none()
    );
    // Quitting still works.
    r.press("q");
    assert_eq!(r.effects.last(), Some(&Effect::Quit));
}

#[test]
fn the_note_of_a_terminal_too_big_goes_when_it_is_no_longer() {
    let mut r = Reader::bundled(80, 24);
    r.act(Action::Resize(2000, 1000));
    assert!(
        r.status().contains("The terminal is 2000×1000"),
        "{}",
        r.status()
    );
    r.act(Action::Resize(200, 60));
    assert!(!r.status().contains("The terminal is"), "{}", r.status());
}

#[test]
fn a_copy_carries_at_most_two_hundred_characters_of_a_huge_title() {
    let title = "T".repeat(3_000_001);
    let sheet = SHEET.replace("title = \"Small\"", &format!("title = \"{title}\""));
    let f = Fixture::new(&sheet, b"NATO went home.\n");
    let mut r = open(&f, 80, 24);
    r.press("] y");
    let Some(Effect::Copy(clip)) = r.effects.last() else {
        panic!("no copy: {:?}", r.effects.last());
    };
    assert!(clip.len() < 1_000, "{} bytes copied", clip.len());
}

#[test]
fn following_an_actor_named_only_on_omitted_lines_says_where() {
    let sheet = SHEET.replace(
        "article = \"article.txt\"",
        "article = \"article.txt\"\nomit = [\"Only Carol is here.\"]",
    ) + "\n[[actors]]\nid = \"carol\"\nname = \"Carol\"\nkind = \"person\"\n";
    let f = Fixture::new(
        &sheet,
        b"NATO met.\n\nOnly Carol is here.\n\nThe alliance agreed.\n",
    );
    let mut r = open(&f, 120, 30);
    let carol = r.actor("carol");
    let row = r
        .app
        .visible_actors()
        .iter()
        .position(|&a| a == carol)
        .expect("Carol is listed");
    r.press("2 g");
    for _ in 0..row {
        r.press("j");
    }
    r.press("Enter");
    let said = r.app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert_eq!(said, "Carol: only on omitted line 3 (o shows them)");
}
