//! The key table: `assets/keys.toml`, compiled in, maps keys to [`Action`]s by context. The
//! terminal loop dispatches through it and the help overlay and status hints are generated from
//! it, so what the help says is what the keys do. This module and the terminal loop are the
//! only places that know crossterm's key events.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;

use super::{Action, Pane};

const TABLE: &str = include_str!("../../assets/keys.toml");

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Context {
    Input,
    Dialog,
    Overlay,
    Article,
    List,
    Details,
    Panes,
    Global,
}

impl Context {
    /// The heading of this context in the help.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::Input => "Typing (search, filter, file name)",
            Self::Dialog => "Export dialog",
            Self::Overlay => "Help and warnings",
            Self::Article => "Article",
            Self::List => "Actors and Timeline",
            Self::Details => "Details",
            Self::Panes => "Any pane",
            Self::Global => "Anywhere",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    bind: Vec<RawBinding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    context: Context,
    keys: Vec<String>,
    action: String,
    help: String,
    hint: Option<String>,
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

/// One line of the key table.
#[derive(Clone, Debug)]
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
        match Self::parse(TABLE) {
            Ok(t) => t,
            Err(e) => panic!("assets/keys.toml: {e}"),
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut bindings = Vec::with_capacity(file.bind.len());
        for raw in file.bind {
            let action = action_named(&raw.action)
                .ok_or_else(|| format!("unknown action {:?}", raw.action))?;
            let keys = raw
                .keys
                .iter()
                .map(|k| Key::parse(k))
                .collect::<Result<Vec<_>, _>>()?;
            bindings.push(Binding {
                context: raw.context,
                labels: raw.keys.iter().map(|k| label(k)).collect(),
                action,
                help: raw.help,
                hint: raw.hint,
                keys,
            });
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
            let typing = matches!(context, Context::Input | Context::Dialog);
            if typing
                && let KeyCode::Char(c) = key.code
                && !key
                    .mods
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            {
                return Some(Action::Type(c));
            }
        }
        None
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

fn action_named(name: &str) -> Option<Action> {
    Some(match name {
        "quit" => Action::Quit,
        "suspend" => Action::Suspend,
        "redraw" => Action::Redraw,
        "focus-next" => Action::FocusNext,
        "focus-prev" => Action::FocusPrev,
        "focus-article" => Action::Focus(Pane::Article),
        "focus-actors" => Action::Focus(Pane::Actors),
        "focus-timeline" => Action::Focus(Pane::Timeline),
        "focus-details" => Action::Focus(Pane::Details),
        "down" => Action::Down,
        "up" => Action::Up,
        "page-down" => Action::PageDown,
        "page-up" => Action::PageUp,
        "half-page-down" => Action::HalfPageDown,
        "half-page-up" => Action::HalfPageUp,
        "top" => Action::Top,
        "bottom" => Action::Bottom,
        "follow" => Action::Follow,
        "next-hit" => Action::NextHit,
        "prev-hit" => Action::PrevHit,
        "next-mention" => Action::NextMention,
        "prev-mention" => Action::PrevMention,
        "search" => Action::Search,
        "back" => Action::Back,
        "forward" => Action::Forward,
        "toggle-omitted" => Action::ToggleOmitted,
        "toggle-sort" => Action::ToggleSort,
        "show-figures" => Action::ShowFigures,
        "show-warnings" => Action::ShowWarnings,
        "export" => Action::Export,
        "copy" => Action::Copy,
        "reload" => Action::Reload,
        "help" => Action::Help,
        "cancel" => Action::Cancel,
        "delete-char" => Action::DeleteChar,
        "submit" => Action::Submit,
        "next-option" => Action::NextOption,
        "prev-option" => Action::PrevOption,
        _ => return None,
    })
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
    fn bad_tables_are_reported() {
        let bad = "[[bind]]\ncontext = \"global\"\nkeys = [\"Hyper-x\"]\naction = \"quit\"\nhelp = \"\"\n";
        assert!(KeyTable::parse(bad).unwrap_err().contains("unknown key"));
        let bad = "[[bind]]\ncontext = \"global\"\nkeys = [\"x\"]\naction = \"fly\"\nhelp = \"\"\n";
        assert!(KeyTable::parse(bad).unwrap_err().contains("unknown action"));
    }
}
