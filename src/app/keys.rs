//! The key table: `assets/keys.toml`, compiled in, maps keys to [`Action`]s by context. The
//! terminal loop dispatches through it, the help window and status hints are generated from it,
//! and messages that name a key ask it ([`KeyTable::key_for`], [`KeyTable::label`], through
//! `App::key` in the view), so what the help says is what the keys do. This module and the terminal loop are the
//! only places that know crossterm's key events.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::{Deserialize, Deserializer, de};

use super::{Action, Pane};

#[cfg(test)]
const TABLE: &str = include_str!("../../assets/keys.toml");

/// `assets/keys.toml`'s bindings as written, compiled in by `build.rs`: (context, keys, action,
/// help, hint).
type Row = (
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static str,
    Option<&'static str>,
);
const ROWS: &[Row] = include!(concat!(env!("OUT_DIR"), "/keys.rs"));

/// What a message says for a key when none is bound to the action it names.
pub const UNBOUND: &str = "(no key)";

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    Input,
    Dialog,
    Curate,
    Window,
    Selection,
    Article,
    List,
    Details,
    Panes,
    Global,
}

impl Context {
    /// Every context, in lookup order.
    const ALL: [Self; 10] = [
        Self::Input,
        Self::Dialog,
        Self::Curate,
        Self::Window,
        Self::Selection,
        Self::Article,
        Self::List,
        Self::Details,
        Self::Panes,
        Self::Global,
    ];

    /// The name of this context in `assets/keys.toml`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Input => "input",
            Self::Dialog => "dialog",
            Self::Curate => "curate",
            Self::Window => "window",
            Self::Selection => "selection",
            Self::Article => "article",
            Self::List => "list",
            Self::Details => "details",
            Self::Panes => "panes",
            Self::Global => "global",
        }
    }

    /// The heading of this context in the help.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Input => "Typing (search, filter, file name)",
            Self::Dialog => "Export dialog",
            Self::Curate => "Adding to the fact sheet (a, E)",
            Self::Window => "Help and warnings",
            Self::Selection => "Article, while words are selected",
            Self::Article => "Article",
            Self::List => "Actors and Timeline",
            Self::Details => "Details",
            Self::Panes => "Any pane",
            Self::Global => "Anywhere",
        }
    }
}

/// The file: one list of bindings per context, in lookup order.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    input: Vec<RawBinding>,
    #[serde(default)]
    dialog: Vec<RawBinding>,
    #[serde(default)]
    curate: Vec<RawBinding>,
    #[serde(default)]
    window: Vec<RawBinding>,
    #[serde(default)]
    selection: Vec<RawBinding>,
    #[serde(default)]
    article: Vec<RawBinding>,
    #[serde(default)]
    list: Vec<RawBinding>,
    #[serde(default)]
    details: Vec<RawBinding>,
    #[serde(default)]
    panes: Vec<RawBinding>,
    #[serde(default)]
    global: Vec<RawBinding>,
}

/// One line: `{ on = ["j", "Down"], run = "down", help = "move down", hint = "down" }`. The
/// keys and the action are checked as they are read, so an error points at them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    on: Vec<KeyName>,
    #[serde(deserialize_with = "run")]
    run: Action,
    help: String,
    hint: Option<String>,
}

/// A key as written in the table, and what it means.
struct KeyName {
    text: String,
    key: Key,
}

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        let key = Key::parse(&text).map_err(de::Error::custom)?;
        Ok(Self { text, key })
    }
}

/// An action by its name in kebab case (`Action`'s serde names), or a name and its argument
/// separated by a space: "focus article".
fn run<'de, D: Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
    let text = String::deserialize(d)?;
    let value = match text.split_once(' ') {
        Some((name, _)) if Action::deserialize(toml::Value::String(name.to_owned())).is_ok() => {
            return Err(de::Error::custom(format!(
                "action {name:?} takes no argument"
            )));
        }
        Some((name, arg)) => {
            let mut table = toml::Table::new();
            table.insert(name.to_owned(), toml::Value::String(arg.trim().to_owned()));
            toml::Value::Table(table)
        }
        None => toml::Value::String(text.clone()),
    };
    Action::deserialize(value).map_err(|e| {
        let why = e.message();
        let name = text.split(' ').next().unwrap_or_default();
        de::Error::custom(if why.contains("expected newtype variant") {
            format!("action {name:?} needs an argument, as in \"focus article\"")
        } else {
            why.replace("variant", "action")
        })
    })
}

/// The argument of `focus`: a pane by its name in lower case.
pub(super) fn pane_named<'de, D: Deserializer<'de>>(d: D) -> Result<Pane, D::Error> {
    let name = String::deserialize(d)?;
    Pane::ALL
        .into_iter()
        .find(|p| p.name().to_lowercase() == name)
        .ok_or_else(|| {
            de::Error::custom(format!(
                "unknown pane {name:?}, expected article, actors, timeline or details"
            ))
        })
}

/// A key with its modifiers, normalised: a character key ignores Shift (`G` is already
/// uppercase), and `Shift-Tab` is `BackTab`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

impl Key {
    fn normal(code: KeyCode, mods: KeyModifiers) -> Self {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Self { code, mods }
    }

    fn parse(text: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            if let Some(r) = rest.strip_prefix("Ctrl-").filter(|r| !r.is_empty()) {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("Alt-").filter(|r| !r.is_empty()) {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("Shift-").filter(|r| !r.is_empty()) {
                mods |= KeyModifiers::SHIFT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "Tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            "Tab" => KeyCode::Tab,
            "Backspace" => KeyCode::Backspace,
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "PgUp" => KeyCode::PageUp,
            "PgDn" => KeyCode::PageDown,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "Space" => KeyCode::Char(' '),
            f if f.len() > 1 && f.starts_with('F') => KeyCode::F(
                f[1..]
                    .parse()
                    .map_err(|_| format!("unknown key {text:?}"))?,
            ),
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
            _ => return Err(format!("unknown key {text:?}")),
        };
        Ok(Self::normal(code, mods))
    }
}

impl Key {
    /// The key as the help writes it ("x", "Ctrl-b", "Shift-←", "F5"); `None` for a key that
    /// has no name there (a modifier alone, Caps Lock, a media key).
    fn name(self) -> Option<String> {
        let code = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Delete => "Delete".to_owned(),
            KeyCode::Insert => "Insert".to_owned(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            _ => return None,
        };
        let mut name = String::new();
        for (m, prefix) in [
            (KeyModifiers::CONTROL, "Ctrl-"),
            (KeyModifiers::ALT, "Alt-"),
            (KeyModifiers::SHIFT, "Shift-"),
        ] {
            if self.mods.contains(m) {
                name.push_str(prefix);
            }
        }
        name.push_str(&code);
        Some(name)
    }
}

/// One line of the key table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    /// The keys as the help shows them: "j", "↓", "Ctrl-d".
    pub labels: Vec<String>,
    pub action: Action,
    pub help: String,
    /// The word the status bar shows beside the key, for the few keys that matter most.
    pub hint: Option<String>,
    keys: Vec<Key>,
}

#[derive(Clone, Debug)]
pub struct KeyTable {
    bindings: Vec<Binding>,
}

impl KeyTable {
    /// The compiled-in table. The test suite parses it, so this cannot fail in a release.
    ///
    /// # Panics
    /// Only if `assets/keys.toml` were invalid, which the tests rule out.
    #[must_use]
    pub fn builtin() -> Self {
        match Self::from_rows(ROWS) {
            Ok(t) => t,
            Err(e) => panic!("assets/keys.toml: {e}"),
        }
    }

    /// The table of `rows` ([`ROWS`]), checked as [`KeyTable::parse`] checks a file.
    fn from_rows(rows: &[Row]) -> Result<Self, String> {
        let mut contexts = Context::ALL.map(|c| (c, Vec::new()));
        for &(name, on, run_text, help, hint) in rows {
            let Some((_, bindings)) = contexts.iter_mut().find(|(c, _)| c.name() == name) else {
                return Err(format!("unknown context {name:?}"));
            };
            let on = on
                .iter()
                .map(|&text| {
                    Key::parse(text).map(|key| KeyName {
                        text: text.to_owned(),
                        key,
                    })
                })
                .collect::<Result<_, _>>()?;
            let run = run(toml::Value::String(run_text.to_owned())).map_err(|e| e.to_string())?;
            bindings.push(RawBinding {
                on,
                run,
                help: help.to_owned(),
                hint: hint.map(str::to_owned),
            });
        }
        Self::from_contexts(contexts)
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        Self::from_contexts([
            (Context::Input, file.input),
            (Context::Dialog, file.dialog),
            (Context::Curate, file.curate),
            (Context::Window, file.window),
            (Context::Selection, file.selection),
            (Context::Article, file.article),
            (Context::List, file.list),
            (Context::Details, file.details),
            (Context::Panes, file.panes),
            (Context::Global, file.global),
        ])
    }

    /// The table of each context's bindings, in lookup order; a key bound twice in one context
    /// is an error.
    fn from_contexts(contexts: [(Context, Vec<RawBinding>); 10]) -> Result<Self, String> {
        let mut bindings: Vec<Binding> = Vec::new();
        for (context, raws) in contexts {
            let first = bindings.len();
            for raw in raws {
                for name in &raw.on {
                    let twice = bindings[first..].iter().any(|b| b.keys.contains(&name.key))
                        || raw.on.iter().filter(|n| n.key == name.key).count() > 1;
                    if twice {
                        return Err(format!(
                            "{:?} is bound twice in {}",
                            name.text,
                            context.name()
                        ));
                    }
                }
                bindings.push(Binding {
                    context,
                    labels: raw.on.iter().map(|k| label(&k.text)).collect(),
                    action: raw.run,
                    help: raw.help,
                    hint: raw.hint,
                    keys: raw.on.iter().map(|k| k.key).collect(),
                });
            }
        }
        Ok(Self { bindings })
    }

    #[must_use]
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The action for a key event in the given contexts (most specific first). In an input
    /// context, a character without a binding is typed.
    #[must_use]
    pub fn action(&self, contexts: &[Context], event: KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::normal(event.code, event.modifiers);
        for &context in contexts {
            let bound = self
                .bindings
                .iter()
                .find(|b| b.context == context && b.keys.contains(&key));
            if let Some(b) = bound {
                return Some(b.action.clone());
            }
            let typing = matches!(context, Context::Input | Context::Dialog | Context::Curate);
            if typing
                && let KeyCode::Char(c) = key.code
                && !key
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            {
                return Some(Action::Type(c));
            }
        }
        // A key that does nothing is said, outside a text field (where it is nothing). An Alt
        // key is left to the terminal loop, which takes it as the Esc and key it most likely
        // was.
        let typing = contexts
            .iter()
            .any(|c| matches!(c, Context::Input | Context::Dialog | Context::Curate));
        if typing || key.mods.contains(KeyModifiers::ALT) {
            return None;
        }
        key.name().map(Action::Unbound)
    }

    /// The label of the first key bound to `action` in `context`, as the help shows it (`]`,
    /// `Esc`, `↓`), for a message that names the key: "] and [ move it".
    #[must_use]
    pub fn key_for(&self, context: Context, action: &Action) -> Option<&str> {
        self.binding_for(context, action)
            .and_then(|b| b.labels.first())
            .map(String::as_str)
    }

    /// [`KeyTable::key_for`] for a message: the key's label, or [`UNBOUND`] when no key is
    /// bound to `action` in `context` (a table of one's own may leave it out).
    #[must_use]
    pub fn label(&self, context: Context, action: &Action) -> &str {
        self.key_for(context, action).unwrap_or(UNBOUND)
    }

    /// The labels of every key bound to `action` in `context`, as the help shows them, separated
    /// by "/": "j/↓", "PgDn/Ctrl-d/Space".
    #[must_use]
    pub fn keys_for(&self, context: Context, action: &Action) -> Option<String> {
        let labels: Vec<&str> = self
            .bindings
            .iter()
            .filter(|b| b.context == context && b.action == *action)
            .flat_map(|b| b.labels.iter().map(String::as_str))
            .collect();
        (!labels.is_empty()).then(|| labels.join("/"))
    }

    fn binding_for(&self, context: Context, action: &Action) -> Option<&Binding> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == *action)
    }

    /// The bindings marked as hints in the given contexts, without repeating an action.
    #[must_use]
    pub fn hints(&self, contexts: &[Context]) -> Vec<&Binding> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for &context in contexts {
            for b in self
                .bindings
                .iter()
                .filter(|b| b.context == context && b.hint.is_some())
            {
                if !seen.contains(&b.action) {
                    seen.push(b.action.clone());
                    out.push(b);
                }
            }
        }
        out
    }
}

/// How a key is shown: arrows as arrows.
fn label(key: &str) -> String {
    match key {
        "Up" => "↑".into(),
        "Down" => "↓".into(),
        "Left" => "←".into(),
        "Right" => "→".into(),
        "Alt-Left" => "Alt-←".into(),
        "Alt-Right" => "Alt-→".into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn the_builtin_table_parses_and_has_no_conflicts() {
        let t = KeyTable::builtin();
        for (i, a) in t.bindings.iter().enumerate() {
            for b in &t.bindings[i + 1..] {
                if a.context == b.context {
                    for k in &a.keys {
                        assert!(!b.keys.contains(k), "{k:?} bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn the_compiled_table_is_the_file_read_whole() {
        let file = KeyTable::parse(TABLE).expect("assets/keys.toml parses");
        let compiled = KeyTable::builtin();
        assert!(compiled.bindings.len() > 90);
        assert_eq!(compiled.bindings, file.bindings);
        // The rows are checked as a file is: a bad key, action or context is refused.
        let row = |on: &'static [&'static str], run, context| -> [Row; 1] {
            [(context, on, run, "help", None)]
        };
        assert!(
            KeyTable::from_rows(&row(&["Ctrl-"], "quit", "global"))
                .unwrap_err()
                .contains("unknown key")
        );
        assert!(
            KeyTable::from_rows(&row(&["x"], "fly", "global"))
                .unwrap_err()
                .contains("unknown action")
        );
        assert!(
            KeyTable::from_rows(&row(&["x"], "quit", "nowhere"))
                .unwrap_err()
                .contains("unknown context")
        );
        let twice = [
            ("global", &["x"][..], "quit", "help", None),
            ("global", &["x"][..], "help", "help", None),
        ];
        assert!(
            KeyTable::from_rows(&twice)
                .unwrap_err()
                .contains("bound twice")
        );
    }

    #[test]
    fn contexts_are_searched_in_order() {
        let t = KeyTable::builtin();
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            t.action(&[Context::Input, Context::Global], enter),
            Some(Action::Submit)
        );
        assert_eq!(
            t.action(&[Context::Article, Context::Panes, Context::Global], enter),
            Some(Action::Follow)
        );
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(t.action(&[Context::Input], q), Some(Action::Type('q')));
        assert_eq!(
            t.action(&[Context::Panes, Context::Global], q),
            Some(Action::Quit)
        );
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(t.action(&[Context::Input], ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn shifted_and_control_keys_normalise() {
        let t = KeyTable::builtin();
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(t.action(&[Context::Panes], g), Some(Action::Bottom));
        let backtab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            t.action(&[Context::Global], backtab),
            Some(Action::FocusPrev)
        );
        let ctrl_o = press(KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(t.action(&[Context::Global], ctrl_o), Some(Action::Back));
        let release = KeyEvent {
            kind: KeyEventKind::Release,
            ..press(KeyCode::Char('q'), KeyModifiers::NONE)
        };
        assert_eq!(t.action(&[Context::Global], release), None);
    }

    #[test]
    fn a_key_bound_to_nothing_is_named_outside_a_text_field() {
        let t = KeyTable::builtin();
        let panes = [Context::Article, Context::Panes, Context::Global];
        for (code, mods, name) in [
            (KeyCode::Char('x'), KeyModifiers::NONE, "x"),
            (KeyCode::Char('X'), KeyModifiers::SHIFT, "X"),
            (KeyCode::Char('x'), KeyModifiers::CONTROL, "Ctrl-x"),
            (KeyCode::F(5), KeyModifiers::NONE, "F5"),
            (KeyCode::PageUp, KeyModifiers::SHIFT, "Shift-PgUp"),
            (KeyCode::Up, KeyModifiers::CONTROL, "Ctrl-↑"),
        ] {
            assert_eq!(
                t.action(&panes, press(code, mods)),
                Some(Action::Unbound(name.to_owned()))
            );
        }
        // Alt keys are left to the terminal loop (Esc and a key sent at once); a text field
        // and a key without a name take nothing.
        let alt_x = press(KeyCode::Char('x'), KeyModifiers::ALT);
        assert_eq!(t.action(&panes, alt_x), None);
        assert_eq!(
            t.action(&[Context::Input], press(KeyCode::F(5), KeyModifiers::NONE)),
            None
        );
        let caps = press(KeyCode::CapsLock, KeyModifiers::NONE);
        assert_eq!(t.action(&panes, caps), None);
    }

    #[test]
    fn bad_tables_are_reported() {
        let bad = "global = [{ on = [\"Hyper-x\"], run = \"quit\", help = \"\" }]\n";
        assert!(KeyTable::parse(bad).unwrap_err().contains("unknown key"));
        let bad = "global = [{ on = [\"x\"], run = \"fly\", help = \"\" }]\n";
        let e = KeyTable::parse(bad).unwrap_err();
        assert!(e.contains("unknown action `fly`"), "{e}");
        assert!(
            e.contains("half-page-down"),
            "the known actions are listed: {e}"
        );
        let bad = "global = [{ on = [\"x\"], run = \"focus sideways\", help = \"\" }]\n";
        assert!(KeyTable::parse(bad).unwrap_err().contains("unknown pane"));
        let bad = "global = [{ on = [\"x\"], run = \"focus\", help = \"\" }]\n";
        assert!(
            KeyTable::parse(bad)
                .unwrap_err()
                .contains("needs an argument")
        );
        let bad = "global = [{ on = [\"x\"], run = \"quit now\", help = \"\" }]\n";
        let e = KeyTable::parse(bad).unwrap_err();
        assert!(e.contains("takes no argument"), "{e}");
        let bad = "global = [{ on = [\"x\"], run = \"type\", help = \"\" }]\n";
        assert!(KeyTable::parse(bad).unwrap_err().contains("unknown action"));
        let bad = "overlay = [{ on = [\"x\"], run = \"quit\", help = \"\" }]\n";
        assert!(
            KeyTable::parse(bad)
                .unwrap_err()
                .contains("unknown field `overlay`")
        );
        let bad = "global = [\n  { on = [\"x\"], run = \"quit\", help = \"\" },\n  { on = [\"Esc\", \"x\"], run = \"help\", help = \"\" },\n]\n";
        assert_eq!(
            KeyTable::parse(bad).unwrap_err(),
            "\"x\" is bound twice in global"
        );
        let bad = "panes = [{ on = [\"G\", \"Shift-G\"], run = \"bottom\", help = \"\" }]\n";
        assert!(
            KeyTable::parse(bad)
                .unwrap_err()
                .contains("bound twice in panes")
        );
        // The same key in two contexts is how contexts work.
        let good = "panes = [{ on = [\"x\"], run = \"quit\", help = \"\" }]\nglobal = [{ on = [\"x\"], run = \"focus details\", help = \"\" }]\n";
        let t = KeyTable::parse(good).unwrap();
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(
            t.action(&[Context::Global], x),
            Some(Action::Focus(Pane::Details))
        );
    }

    #[test]
    fn messages_name_keys_from_the_table() {
        let t = KeyTable::builtin();
        assert_eq!(t.key_for(Context::Article, &Action::NextMention), Some("]"));
        assert_eq!(t.key_for(Context::Article, &Action::PrevMention), Some("["));
        assert_eq!(t.key_for(Context::Global, &Action::ShowWarnings), Some("w"));
        assert_eq!(t.key_for(Context::Window, &Action::Down), Some("j"));
        assert_eq!(t.key_for(Context::Window, &Action::Up), Some("k"));
        assert_eq!(t.key_for(Context::Window, &Action::Search), Some("/"));
        assert_eq!(t.key_for(Context::Window, &Action::Cancel), Some("Esc"));
        assert_eq!(t.key_for(Context::Input, &Action::Submit), Some("Enter"));
        assert_eq!(t.key_for(Context::Input, &Action::Cancel), Some("Esc"));
        assert_eq!(t.key_for(Context::Dialog, &Action::Down), Some("↓"));
        assert_eq!(t.key_for(Context::Global, &Action::Down), None);
        assert_eq!(
            t.keys_for(Context::Window, &Action::PageDown).as_deref(),
            Some("PgDn/Ctrl-d/Ctrl-f/Space")
        );
        assert_eq!(
            t.keys_for(Context::Global, &Action::Back).as_deref(),
            Some("Backspace/Ctrl-o/Alt-←")
        );
        // Two bindings of one action in a context: every key of both.
        assert_eq!(
            t.keys_for(Context::Global, &Action::Quit).as_deref(),
            Some("q/Ctrl-c")
        );
        assert_eq!(
            t.key_for(Context::Global, &Action::Focus(Pane::Timeline)),
            Some("3")
        );
        assert_eq!(t.keys_for(Context::Article, &Action::Quit), None);
        assert_eq!(t.label(Context::Global, &Action::ShowWarnings), "w");
        assert_eq!(t.label(Context::Article, &Action::Quit), UNBOUND);
    }
}
