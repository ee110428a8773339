//! The reader's look, in one place: a colour theme, and a monochrome one for `NO_COLOR` that
//! keeps every distinction with bold, underline, italic and reverse alone.

use ratatui::style::{Color, Modifier, Style};

use crate::sheet::ActorKind;

pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub border: Style,
    pub border_focus: Style,
    pub title: Style,
    pub title_focus: Style,
    pub tab: Style,
    pub header: Style,
    pub status: Style,
    pub status_pane: Style,
    pub key: Style,
    pub error: Style,
    pub heading: Style,
    pub link: Style,
    pub row: Style,
    pub row_unfocused: Style,
    /// Mentions, by actor kind (in [`ActorKind::ALL`] order).
    pub mention: [Style; 6],
    /// Added to a mention of a followed actor (and to the mentions the details list).
    pub followed: Style,
    /// Added to the mention under the cursor.
    pub cursor: Style,
    pub evidence: Style,
    /// A search's matches, and the one shown.
    pub matched: Style,
    pub match_current: Style,
    pub omitted: Style,
    pub placeholder: Style,
    pub scroll_thumb: Style,
    pub scroll_mark: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

pub const COLOR: Theme = Theme {
    text: Style::new(),
    dim: fg(Color::DarkGray),
    border: fg(Color::DarkGray),
    border_focus: fg(Color::Cyan),
    title: fg(Color::Gray),
    title_focus: fg(Color::Cyan).add_modifier(Modifier::BOLD),
    tab: fg(Color::DarkGray),
    header: Style::new().add_modifier(Modifier::BOLD),
    status: fg(Color::Gray),
    status_pane: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
    error: fg(Color::LightRed).add_modifier(Modifier::BOLD),
    heading: fg(Color::Yellow).add_modifier(Modifier::BOLD),
    link: fg(Color::LightBlue),
    row: Style::new()
        .bg(Color::DarkGray)
        .add_modifier(Modifier::BOLD),
    row_unfocused: Style::new().add_modifier(Modifier::BOLD),
    mention: [
        fg(Color::LightYellow),
        fg(Color::LightCyan),
        fg(Color::LightGreen),
        fg(Color::LightMagenta),
        fg(Color::LightBlue),
        fg(Color::Gray),
    ],
    followed: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    cursor: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD),
    evidence: Style::new().bg(Color::Rgb(58, 52, 30)),
    matched: Style::new().fg(Color::Black).bg(Color::Yellow),
    match_current: Style::new()
        .fg(Color::Black)
        .bg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    omitted: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
    placeholder: fg(Color::Red).add_modifier(Modifier::DIM),
    scroll_thumb: fg(Color::Gray),
    scroll_mark: fg(Color::LightYellow).add_modifier(Modifier::BOLD),
};

pub const MONO: Theme = Theme {
    text: Style::new(),
    dim: Style::new().add_modifier(Modifier::DIM),
    border: Style::new(),
    border_focus: Style::new().add_modifier(Modifier::BOLD),
    title: Style::new(),
    title_focus: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    tab: Style::new().add_modifier(Modifier::DIM),
    header: Style::new().add_modifier(Modifier::BOLD),
    status: Style::new(),
    status_pane: Style::new().add_modifier(Modifier::REVERSED),
    key: Style::new().add_modifier(Modifier::BOLD),
    error: Style::new().add_modifier(Modifier::BOLD),
    heading: Style::new().add_modifier(Modifier::BOLD),
    link: Style::new().add_modifier(Modifier::UNDERLINED),
    row: Style::new().add_modifier(Modifier::REVERSED),
    row_unfocused: Style::new().add_modifier(Modifier::BOLD),
    mention: [Style::new().add_modifier(Modifier::ITALIC); 6],
    followed: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    cursor: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD),
    evidence: Style::new().add_modifier(Modifier::UNDERLINED),
    matched: Style::new().add_modifier(Modifier::REVERSED),
    match_current: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    omitted: Style::new().add_modifier(Modifier::DIM),
    placeholder: Style::new().add_modifier(Modifier::DIM),
    scroll_thumb: Style::new().add_modifier(Modifier::BOLD),
    scroll_mark: Style::new().add_modifier(Modifier::BOLD),
};

impl Theme {
    #[must_use]
    pub fn mention(&self, kind: ActorKind) -> Style {
        let i = ActorKind::ALL.iter().position(|&k| k == kind).unwrap_or(5);
        self.mention[i]
    }

    #[must_use]
    pub fn of(color: bool) -> &'static Self {
        if color { &COLOR } else { &MONO }
    }
}

/// Three letters for a kind, for narrow columns.
#[must_use]
pub fn kind_short(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "per",
        ActorKind::Organization => "org",
        ActorKind::Country => "cty",
        ActorKind::Place => "plc",
        ActorKind::Media => "med",
        ActorKind::Other => "oth",
    }
}
