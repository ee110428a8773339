//! The key tables written for people (README.md, docs/reader.md) against the key table the
//! reader runs on (`assets/keys.toml`): a key they list must be bound, where they say it is, and
//! the reader's guide lists every key of the panes.

use briefing::app::keys::{Binding, Context, KeyTable};

/// The rows of the first Markdown table whose header row starts `| Keys |`, header and
/// separator left out, each as its trimmed cells.
fn key_rows(markdown: &str) -> Vec<Vec<String>> {
    let mut lines = markdown
        .lines()
        .skip_while(|l| !l.starts_with("| Keys |"))
        .skip(2);
    let mut rows = Vec::new();
    for line in lines.by_ref() {
        let Some(inner) = line.strip_prefix('|').and_then(|l| l.strip_suffix('|')) else {
            break;
        };
        rows.push(inner.split('|').map(|c| c.trim().to_owned()).collect());
    }
    assert!(!rows.is_empty(), "no `| Keys |` table");
    rows
}

/// The keys named in a cell: everything in backticks.
fn keys_in(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn bound_in<'t>(table: &'t KeyTable, contexts: &[Context], key: &str) -> Vec<&'t Binding> {
    table
        .bindings()
        .iter()
        .filter(|b| contexts.contains(&b.context) && b.labels.iter().any(|l| l == key))
        .collect()
}

const EVERY_CONTEXT: [Context; 8] = [
    Context::Input,
    Context::Dialog,
    Context::Window,
    Context::Article,
    Context::List,
    Context::Details,
    Context::Panes,
    Context::Global,
];

#[test]
fn the_readme_lists_only_bound_keys() {
    let table = KeyTable::builtin();
    let mut wrong = Vec::new();
    for row in key_rows(&read("README.md")) {
        let keys = keys_in(&row[0]);
        assert!(!keys.is_empty(), "a README key row without a key: {row:?}");
        for key in keys {
            if bound_in(&table, &EVERY_CONTEXT, key).is_empty() {
                wrong.push(format!("{key:?} ({})", row[1]));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "README.md lists keys assets/keys.toml does not bind: {wrong:?}"
    );
}

/// The contexts the reader consults where the guide's "Where" column says, as the reader looks
/// them up there (a pane, then any pane, then anywhere).
fn contexts_where(place: &str) -> Option<Vec<Context>> {
    let pane = |c| vec![c, Context::Panes, Context::Global];
    Some(match place {
        "anywhere" | "panes" => vec![Context::Panes, Context::Global],
        "Article" => pane(Context::Article),
        "selection" => vec![
            Context::Selection,
            Context::Article,
            Context::Panes,
            Context::Global,
        ],
        "Actors" | "Timeline" | "Actors, Timeline" => pane(Context::List),
        "Details" => pane(Context::Details),
        "help, warnings, reload errors" => vec![Context::Window, Context::Global],
        _ => return None,
    })
}

#[test]
fn the_guide_lists_keys_where_they_are_bound() {
    let table = KeyTable::builtin();
    let mut wrong = Vec::new();
    for row in key_rows(&read("docs/reader.md")) {
        let [keys, place, what] = &row[..] else {
            panic!("a docs/reader.md key row without three cells: {row:?}");
        };
        let contexts = contexts_where(place)
            .unwrap_or_else(|| panic!("docs/reader.md: unknown place {place:?} ({what})"));
        for key in keys_in(keys) {
            if bound_in(&table, &contexts, key).is_empty() {
                wrong.push(format!("{key:?} in {place} ({what})"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "docs/reader.md lists keys assets/keys.toml does not bind there: {wrong:?}"
    );
}

#[test]
fn the_guide_lists_every_key_of_the_panes() {
    let table = KeyTable::builtin();
    let listed: Vec<String> = key_rows(&read("docs/reader.md"))
        .iter()
        .flat_map(|row| {
            keys_in(&row[0])
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    let panes = [
        Context::Selection,
        Context::Article,
        Context::List,
        Context::Details,
        Context::Panes,
        Context::Global,
    ];
    let missing: Vec<String> = table
        .bindings()
        .iter()
        .filter(|b| panes.contains(&b.context))
        .flat_map(|b| {
            b.labels
                .iter()
                .filter(|l| !listed.contains(l))
                .map(|l| format!("{l:?} ({}: {})", b.context.name(), b.help))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "docs/reader.md does not list these keys: {missing:?}"
    );
}

#[test]
fn the_key_tables_are_read() {
    let rows =
        key_rows("x\n| Keys | What |\n| --- | --- |\n| `a` `b`, `Ctrl-c` | this |\n\n| x |\n");
    assert_eq!(rows, [["`a` `b`, `Ctrl-c`", "this"]]);
    assert_eq!(keys_in(&rows[0][0]), ["a", "b", "Ctrl-c"]);
}

/// `assets/keys.toml` with each `(from, to)` replaced once (each must be there).
fn rebound(changes: &[(&str, &str)]) -> KeyTable {
    let mut text = read("assets/keys.toml");
    for (from, to) in changes {
        assert_eq!(text.matches(from).count(), 1, "{from:?} once in keys.toml");
        text = text.replacen(from, to, 1);
    }
    KeyTable::parse(&text).expect("the rebound table parses")
}

#[test]
fn messages_name_the_keys_of_the_table_the_reader_runs_on() {
    let keys = rebound(&[
        (
            r#"{ on = ["]"], run = "next-mention""#,
            r#"{ on = ["x"], run = "next-mention""#,
        ),
        (
            r#"{ on = ["Esc"], run = "cancel", help = "cancel" }"#,
            r#"{ on = ["Ctrl-g"], run = "cancel", help = "cancel" }"#,
        ),
        (
            r#"{ on = ["w"], run = "show-warnings""#,
            r#"{ on = ["W"], run = "show-warnings""#,
        ),
        (
            r#"{ on = ["f"], run = "show-facts""#,
            r#"{ on = ["F"], run = "show-facts""#,
        ),
        (
            r#"{ on = ["?", "F1"], run = "help""#,
            r#"{ on = ["H", "F1"], run = "help""#,
        ),
    ]);
    let path = std::path::Path::new("tests/it/fixtures/warnings");
    let input = briefing::briefing::Input::from_arg(Some(path)).unwrap();
    let b = briefing::briefing::open(&input).unwrap();
    let mut r = crate::harness::Reader::new(b, input, 120, 40).with_keys(keys);

    // The header's warnings name the key that lists them.
    let header = r.screen().lines().next().unwrap_or_default().to_owned();
    assert!(
        header.contains(" warnings (W) ") || header.contains(" warning (W) "),
        "{header}"
    );
    assert!(!header.contains("(w)"), "{header}");

    // The article's cursor: no mention under it, and none to copy.
    r.press("Enter");
    assert!(
        r.status()
            .contains("No mention under the cursor: x and [ move it"),
        "{}",
        r.status()
    );
    r.press("y");
    assert!(
        r.status()
            .contains("Nothing to copy: move the cursor to a mention first (x or n)"),
        "{}",
        r.status()
    );

    // The details with nothing selected (this sheet's Actors select one at the start).
    let nothing = briefing::app::details::details(
        r.app.briefing(),
        r.app.keys(),
        briefing::app::details::Subject::Nothing,
        200,
    );
    assert_eq!(
        nothing.head[0].text,
        "Select an actor or an event: Tab to a list, j/k to move. Press F for the facts."
    );

    // Typing a search: the input's cancel is Ctrl-g, and it cancels.
    r.press("1 /");
    assert!(
        r.status()
            .contains("type to search · Enter keep · Ctrl-g cancel"),
        "{}",
        r.status()
    );
    r.type_text("zzzz-no-such-words");
    assert!(
        r.status().contains("no match · Ctrl-g cancel"),
        "{}",
        r.status()
    );
    r.press("C-g");
    assert!(!r.app.search().editing, "Ctrl-g cancels the search");

    // A key that does nothing names the key that lists the keys.
    r.press("?");
    assert!(
        r.status().contains("? does nothing here: H lists the keys"),
        "{}",
        r.status()
    );

    // And the rebound keys are the ones that work.
    r.press("W");
    assert!(r.app.window().is_some(), "W lists the warnings");
}
