//! The reader's look, in one place: a colour theme, and a monochrome one for `NO_COLOR` that
//! keeps every distinction with bold, underline, italic and reverse alone.
//!
//! Every style is readable on every background it can be drawn on: [`Theme::drawn`] lists the
//! styles the view composes (a selected row under a kind label, the cursor over evidence, …) and
//! a test holds each of them to a minimum [`Theme::contrast`], with the colours as xterm draws
//! them. Backgrounds other than the terminal's own are from the 256-colour palette, whose
//! colours 16–255 every terminal draws alike; the 16 named colours are left to the terminal's
//! theme, so they are used only as foregrounds on the terminal's own background, or with a
//! foreground set beside them.

use ratatui::style::{Color, Modifier, Style};

use crate::app::{Colors, Palette};
use crate::sheet::ActorKind;

pub struct Theme {
    /// Whether this theme is for a light background (the terminal's own foreground dark).
    pub light: bool,
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
    /// What a list's filter matched, in the row it matched (its own style: not a search's).
    pub filter_match: Style,
    /// A name no actor claims (`u`), underlined in a colour of its own.
    pub unclaimed: Style,
    /// The article's selected words.
    pub selection: Style,
    /// A spelling the article never writes, in an actor's Details.
    pub missing: Style,
    pub omitted: Style,
    pub placeholder: Style,
    pub scroll_thumb: Style,
    pub scroll_mark: Style,
    /// A mark in a cell of the thumb: the thumb's colour behind it, so that the thumb stays
    /// whole however many marks fall in it.
    pub scroll_mark_thumb: Style,
}

const fn fg(c: Color) -> Style {
    Style::new().fg(c)
}

/// Styles every palette shares: they are drawn without a colour of their own.
const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const FOLLOWED: Style = Style::new()
    .add_modifier(Modifier::BOLD)
    .add_modifier(Modifier::UNDERLINED);
const CURSOR: Style = Style::new()
    .add_modifier(Modifier::REVERSED)
    .add_modifier(Modifier::BOLD);

/// A dark grey (58, 58, 58): the selected row's background, on a dark background.
const DARK_ROW: Color = Color::Indexed(237);
/// Dimmed text (158, 158, 158), readable on the terminal's background and on [`DARK_ROW`].
const DARK_DIM: Color = Color::Indexed(247);

/// The dark palette, in 256 colours.
pub const DARK: Theme = Theme {
    light: false,
    text: Style::new(),
    dim: fg(DARK_DIM),
    border: fg(Color::DarkGray),
    border_focus: fg(Color::Cyan),
    title: fg(Color::Gray),
    title_focus: fg(Color::Cyan).add_modifier(Modifier::BOLD),
    tab: fg(Color::DarkGray),
    header: BOLD,
    status: fg(Color::Gray),
    status_pane: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
    error: fg(Color::Indexed(203)).add_modifier(Modifier::BOLD),
    heading: fg(Color::Yellow).add_modifier(Modifier::BOLD),
    link: fg(Color::Indexed(75)),
    row: Style::new().bg(DARK_ROW).add_modifier(Modifier::BOLD),
    row_unfocused: BOLD,
    mention: [
        fg(Color::LightYellow),
        fg(Color::LightCyan),
        fg(Color::LightGreen),
        fg(Color::LightMagenta),
        fg(Color::Indexed(75)),
        // Orange (255, 135, 0): not palette colour 7, which most themes draw as plain text.
        fg(Color::Indexed(208)),
    ],
    followed: FOLLOWED,
    cursor: CURSOR,
    // A dark grey (48, 48, 48); in 24-bit colour a dark olive, [`DARK_24`].
    evidence: Style::new().bg(Color::Indexed(236)),
    matched: Style::new().fg(Color::Black).bg(Color::Yellow),
    match_current: Style::new()
        .fg(Color::Black)
        .bg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    // Black on a pale teal (175, 215, 215), underlined: apart from a search's yellow.
    filter_match: Style::new()
        .fg(Color::Indexed(16))
        .bg(Color::Indexed(152))
        .add_modifier(Modifier::UNDERLINED),
    // Pink (255, 175, 175), underlined: no kind's colour.
    unclaimed: fg(Color::Indexed(217)).add_modifier(Modifier::UNDERLINED),
    // White on a deep blue (0, 95, 175).
    selection: Style::new().fg(Color::Indexed(231)).bg(Color::Indexed(25)),
    missing: fg(Color::Indexed(203)).add_modifier(Modifier::ITALIC),
    omitted: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
    // Its own background, so that it shows (and reads) on any other.
    placeholder: Style::new().fg(Color::Indexed(210)).bg(Color::Indexed(52)),
    scroll_thumb: fg(Color::Gray),
    scroll_mark: fg(Color::LightYellow).add_modifier(Modifier::BOLD),
    scroll_mark_thumb: Style::new()
        .fg(Color::Black)
        .bg(Color::Gray)
        .add_modifier(Modifier::BOLD),
};

/// The dark palette where the terminal takes 24-bit colour.
pub const DARK_24: Theme = Theme {
    evidence: Style::new().bg(Color::Rgb(58, 52, 30)),
    ..DARK
};

/// A grey (228, 228, 228): the selected row's background, on a light background.
const LIGHT_ROW: Color = Color::Indexed(254);
/// Dimmed text (108, 108, 108), readable on white and on [`LIGHT_ROW`].
const LIGHT_DIM: Color = Color::Indexed(242);
/// Teal (0, 135, 175): the focus and the keys.
const LIGHT_FOCUS: Color = Color::Indexed(31);

/// The light palette, in 256 colours: dark inks (no bright yellow) on light backgrounds.
pub const LIGHT: Theme = Theme {
    light: true,
    text: Style::new(),
    dim: fg(LIGHT_DIM),
    border: fg(LIGHT_DIM),
    border_focus: fg(LIGHT_FOCUS),
    title: fg(Color::Indexed(238)),
    title_focus: fg(LIGHT_FOCUS).add_modifier(Modifier::BOLD),
    tab: fg(LIGHT_DIM),
    header: BOLD,
    status: fg(Color::Indexed(238)),
    status_pane: Style::new()
        .fg(Color::Indexed(231))
        .bg(LIGHT_FOCUS)
        .add_modifier(Modifier::BOLD),
    key: fg(LIGHT_FOCUS).add_modifier(Modifier::BOLD),
    error: fg(Color::Indexed(160)).add_modifier(Modifier::BOLD),
    heading: fg(Color::Indexed(94)).add_modifier(Modifier::BOLD),
    link: fg(Color::Indexed(25)),
    row: Style::new().bg(LIGHT_ROW).add_modifier(Modifier::BOLD),
    row_unfocused: BOLD,
    mention: [
        fg(Color::Indexed(130)),
        fg(Color::Indexed(30)),
        fg(Color::Indexed(28)),
        fg(Color::Indexed(127)),
        fg(Color::Indexed(25)),
        fg(Color::Indexed(124)),
    ],
    followed: FOLLOWED,
    cursor: CURSOR,
    // Cream (255, 255, 215); in 24-bit colour [`LIGHT_24`].
    evidence: Style::new().bg(Color::Indexed(230)),
    matched: Style::new().fg(Color::Indexed(16)).bg(Color::Indexed(220)),
    match_current: Style::new()
        .fg(Color::Indexed(16))
        .bg(Color::Indexed(210))
        .add_modifier(Modifier::BOLD),
    // Black on a pale blue (175, 215, 255), underlined.
    filter_match: Style::new()
        .fg(Color::Indexed(16))
        .bg(Color::Indexed(153))
        .add_modifier(Modifier::UNDERLINED),
    // A deep rose (175, 0, 95), underlined: no kind's colour.
    unclaimed: fg(Color::Indexed(125)).add_modifier(Modifier::UNDERLINED),
    // Black on a pale violet (215, 215, 255).
    selection: Style::new().fg(Color::Indexed(16)).bg(Color::Indexed(189)),
    missing: fg(Color::Indexed(160)).add_modifier(Modifier::ITALIC),
    omitted: fg(LIGHT_DIM).add_modifier(Modifier::ITALIC),
    placeholder: Style::new().fg(Color::Indexed(88)).bg(Color::Indexed(224)),
    scroll_thumb: fg(LIGHT_DIM),
    scroll_mark: fg(Color::Indexed(130)).add_modifier(Modifier::BOLD),
    scroll_mark_thumb: Style::new()
        .fg(Color::Indexed(231))
        .bg(LIGHT_DIM)
        .add_modifier(Modifier::BOLD),
};

/// The light palette where the terminal takes 24-bit colour.
pub const LIGHT_24: Theme = Theme {
    evidence: Style::new().bg(Color::Rgb(250, 240, 200)),
    ..LIGHT
};

/// Every theme, named.
pub const ALL: [(&str, &Theme); 5] = [
    ("dark", &DARK),
    ("dark, 24-bit", &DARK_24),
    ("light", &LIGHT),
    ("light, 24-bit", &LIGHT_24),
    ("NO_COLOR", &MONO),
];

/// Without colour (`NO_COLOR`).
pub const MONO: Theme = Theme {
    light: false,
    text: Style::new(),
    dim: Style::new().add_modifier(Modifier::DIM),
    border: Style::new(),
    border_focus: Style::new().add_modifier(Modifier::BOLD),
    title: Style::new(),
    title_focus: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
    tab: Style::new().add_modifier(Modifier::DIM),
    header: BOLD,
    status: Style::new(),
    status_pane: Style::new().add_modifier(Modifier::REVERSED),
    key: Style::new().add_modifier(Modifier::BOLD),
    error: Style::new().add_modifier(Modifier::BOLD),
    heading: Style::new().add_modifier(Modifier::BOLD),
    link: Style::new().add_modifier(Modifier::UNDERLINED),
    row: Style::new().add_modifier(Modifier::REVERSED),
    row_unfocused: BOLD,
    mention: [Style::new().add_modifier(Modifier::ITALIC); 6],
    followed: FOLLOWED,
    cursor: CURSOR,
    evidence: Style::new().add_modifier(Modifier::UNDERLINED),
    // Without colour the current match alone is reversed, the others underlined in italics:
    // all reversed, the current one could not be told from the rest.
    matched: Style::new()
        .add_modifier(Modifier::UNDERLINED)
        .add_modifier(Modifier::ITALIC),
    match_current: Style::new()
        .add_modifier(Modifier::REVERSED)
        .add_modifier(Modifier::BOLD),
    filter_match: Style::new()
        .add_modifier(Modifier::UNDERLINED)
        .add_modifier(Modifier::BOLD),
    // Underlined and dim: no other style in the article's text is both (mentions are in
    // italics, a followed one bold and underlined, a match underlined in italics, the cursor
    // and the current match reversed and bold, evidence underlined alone).
    unclaimed: Style::new()
        .add_modifier(Modifier::UNDERLINED)
        .add_modifier(Modifier::DIM),
    // Reversed alone: the cursor and the current match are reversed and bold.
    selection: Style::new().add_modifier(Modifier::REVERSED),
    missing: Style::new()
        .add_modifier(Modifier::ITALIC)
        .add_modifier(Modifier::BOLD),
    omitted: Style::new().add_modifier(Modifier::DIM),
    placeholder: Style::new().add_modifier(Modifier::DIM),
    scroll_thumb: Style::new().add_modifier(Modifier::BOLD),
    scroll_mark: Style::new().add_modifier(Modifier::BOLD),
    scroll_mark_thumb: Style::new()
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::REVERSED),
};

impl Theme {
    #[must_use]
    pub fn mention(&self, kind: ActorKind) -> Style {
        let i = ActorKind::ALL.iter().position(|&k| k == kind).unwrap_or(5);
        self.mention[i]
    }

    /// The theme for `colors`, or none.
    #[must_use]
    pub fn pick(color: bool, colors: Colors) -> &'static Self {
        match (color, colors.palette, colors.truecolor) {
            (false, ..) => &MONO,
            (true, Palette::Dark, false) => &DARK,
            (true, Palette::Dark, true) => &DARK_24,
            (true, Palette::Light, false) => &LIGHT,
            (true, Palette::Light, true) => &LIGHT_24,
        }
    }

    /// Every style the view draws text in, named: each theme style on each background it can
    /// be drawn on, composed as the view composes them (the view patches a line's style with
    /// its spans' styles, and an article cell's style in the order listed here).
    #[must_use]
    pub fn drawn(&self) -> Vec<(String, Style)> {
        let mut out = Vec::new();
        // The article: plain or omitted text, in a quote or not, a mention (followed, under
        // the cursor), a search's match, a control character's placeholder.
        let searched = [
            ("", Style::new()),
            (" matched", self.matched),
            (" current match", self.match_current),
        ];
        let mut mentions = vec![("", Style::new())];
        for (k, &m) in self.mention.iter().enumerate() {
            let name = ["person", "org", "country", "place", "media", "other"][k];
            mentions.push((name, m));
            mentions.push((name, m.patch(self.followed)));
            mentions.push((name, m.patch(self.cursor)));
            mentions.push((name, m.patch(self.followed).patch(self.cursor)));
        }
        // An unclaimed name stands where no mention does, and is drawn as one is.
        mentions.push(("unclaimed", self.unclaimed));
        mentions.push(("unclaimed", self.unclaimed.patch(self.cursor)));
        let selected = [("", Style::new()), (" selected", self.selection)];
        for (base_name, base) in [("text", self.text), ("omitted", self.omitted)] {
            for (ev_name, ev) in [("", Style::new()), (" in evidence", self.evidence)] {
                for &(m_name, m) in &mentions {
                    for (s_name, found) in searched {
                        for (sel_name, sel) in selected {
                            for (p_name, p) in
                                [("", Style::new()), (" placeholder", self.placeholder)]
                            {
                                let style =
                                    base.patch(ev).patch(m).patch(found).patch(sel).patch(p);
                                out.push((
                                    format!(
                                        "article {base_name}{ev_name} {m_name}{s_name}{sel_name}{p_name}"
                                    ),
                                    style,
                                ));
                            }
                        }
                    }
                }
            }
        }
        // The lists, the details, the dialog: every span on a plain, selected or unfocused
        // selected row.
        let spans = [
            ("text", self.text),
            ("dim", self.dim),
            ("link", self.link),
            ("heading", self.heading),
            ("header", self.header),
            ("key", self.key),
            ("error", self.error),
            ("row", self.row),
            ("missing", self.missing),
        ];
        for (row_name, row) in [
            ("", Style::new()),
            ("selected ", self.row),
            ("unfocused ", self.row_unfocused),
        ] {
            for (name, s) in spans {
                out.push((format!("{row_name}{name}"), row.patch(s)));
            }
            for &(name, m) in &mentions[1..mentions.len() - 2] {
                out.push((format!("{row_name}mention {name}"), row.patch(m)));
            }
            // What a list's filter matched: in a name (a mention's colour), a dim field, a date
            // or a title.
            for &(name, m) in mentions[1..mentions.len() - 2]
                .iter()
                .chain(&[("dim", self.dim), ("text", self.text)])
            {
                out.push((
                    format!("{row_name}filter match in {name}"),
                    row.patch(m).patch(self.filter_match),
                ));
            }
        }
        // Windows: their text under a search's matches.
        for (name, s) in spans {
            for (s_name, found) in &searched[1..] {
                out.push((format!("window {name}{s_name}"), s.patch(*found)));
            }
        }
        // The frame, the header and the status bar, on the terminal's background.
        for (name, s) in [
            ("border", self.border),
            ("focused border", self.border_focus),
            ("title", self.title),
            ("focused title", self.title_focus),
            ("tab", self.tab),
            ("status", self.status),
            ("status pane", self.status_pane),
            ("scrollbar thumb", self.scroll_thumb),
            ("scrollbar mark", self.scroll_mark),
            ("scrollbar mark on the thumb", self.scroll_mark_thumb),
        ] {
            out.push((name.to_owned(), s));
        }
        out
    }

    /// How readable `style` is: the WCAG contrast ratio (1 to 21) of its foreground on its
    /// background, reverse video applied, the 16 named colours as xterm draws them, and the
    /// terminal's own colours taken as xterm's black and grey (white and black for a light
    /// theme).
    #[must_use]
    pub fn contrast(&self, style: Style) -> f64 {
        let (ink, paper) = if self.light {
            ([0, 0, 0], [255, 255, 255])
        } else {
            ([229, 229, 229], [0, 0, 0])
        };
        let mut fg = style.fg.and_then(rgb).unwrap_or(ink);
        let mut bg = style.bg.and_then(rgb).unwrap_or(paper);
        if style.add_modifier.contains(Modifier::REVERSED)
            && !style.sub_modifier.contains(Modifier::REVERSED)
        {
            std::mem::swap(&mut fg, &mut bg);
        }
        let (a, b) = (luminance(fg), luminance(bg));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// The palette entry a colour names: the 16 named colours are its first 16; `None` for the
/// terminal's own (`Reset`) and for a 24-bit colour.
#[must_use]
pub fn palette_index(c: Color) -> Option<u8> {
    Some(match c {
        Color::Reset | Color::Rgb(..) => return None,
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    })
}

/// A colour as xterm draws it; `None` for the terminal's own (`Reset`).
fn rgb(c: Color) -> Option<[u8; 3]> {
    const NAMED: [[u8; 3]; 16] = [
        [0, 0, 0],
        [205, 0, 0],
        [0, 205, 0],
        [205, 205, 0],
        [0, 0, 238],
        [205, 0, 205],
        [0, 205, 205],
        [229, 229, 229],
        [127, 127, 127],
        [255, 0, 0],
        [0, 255, 0],
        [255, 255, 0],
        [92, 92, 255],
        [255, 0, 255],
        [0, 255, 255],
        [255, 255, 255],
    ];
    let index = match c {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => return Some([r, g, b]),
        other => palette_index(other)?,
    };
    let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
    Some(match index {
        0..16 => NAMED[usize::from(index)],
        16..232 => {
            let i = index - 16;
            [level(i / 36), level(i / 6 % 6), level(i % 6)]
        }
        _ => [8 + 10 * (index - 232); 3],
    })
}

/// Relative luminance (WCAG 2) of an sRGB colour.
fn luminance(c: [u8; 3]) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
}

/// The lowest contrast [`Theme::contrast`] allows for anything drawn: WCAG's minimum for large
/// text and for the parts of an interface, as terminal themes differ from xterm's colours.
pub const MIN_CONTRAST: f64 = 3.0;

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

#[cfg(test)]
mod tests {
    use ratatui::style::Color;

    use super::{ALL, MIN_CONTRAST, Theme};
    use crate::sheet::ActorKind;

    #[test]
    fn every_style_drawn_is_readable_on_its_background() {
        let mut unreadable = Vec::new();
        for (theme_name, theme) in ALL {
            for (name, style) in Theme::drawn(theme) {
                let c = theme.contrast(style);
                let (fg, bg) = (style.fg, style.bg);
                if c < MIN_CONTRAST || (fg.is_some_and(|c| c != Color::Reset) && fg == bg) {
                    unreadable.push(format!("{theme_name}: {name}: {c:.2} ({style:?})"));
                }
            }
        }
        assert!(unreadable.is_empty(), "{}", unreadable.join("\n"));
    }

    /// Issue 14: without colour, a mention, a search's match, the current match (and the
    /// cursor), an unclaimed name and the selection are each drawn apart; with colour, an
    /// unclaimed name has a colour no kind has.
    #[test]
    fn unclaimed_names_and_the_selection_have_styles_of_their_own() {
        for (name, theme) in ALL {
            let text = theme.text;
            let styles = [
                ("mention", text.patch(theme.mention[0])),
                (
                    "followed mention",
                    text.patch(theme.mention[0]).patch(theme.followed),
                ),
                ("match", text.patch(theme.matched)),
                ("current match", text.patch(theme.match_current)),
                ("evidence", text.patch(theme.evidence)),
                ("unclaimed name", text.patch(theme.unclaimed)),
                ("selection", text.patch(theme.selection)),
            ];
            for (i, (a, sa)) in styles.iter().enumerate() {
                for (b, sb) in &styles[i + 1..] {
                    assert_ne!(sa, sb, "{name}: {a} and {b} look alike");
                }
            }
            let cursor = text.patch(theme.mention[0]).patch(theme.cursor);
            assert_ne!(cursor, text.patch(theme.selection), "{name}");
            assert_ne!(
                text.patch(theme.unclaimed).patch(theme.cursor),
                text.patch(theme.selection),
                "{name}"
            );
            if name != "NO_COLOR" {
                assert!(
                    theme.mention.iter().all(|m| m.fg != theme.unclaimed.fg),
                    "{name}"
                );
            }
        }
        assert!(
            super::MONO
                .unclaimed
                .add_modifier
                .contains(ratatui::style::Modifier::UNDERLINED)
        );
    }

    /// Issue 13: actors of kind `other` were palette colour 7, which most themes draw as plain
    /// text, so their mentions looked unhighlighted.
    #[test]
    fn every_kind_has_a_colour_of_its_own_and_not_the_text_colour() {
        for (_, theme) in ALL.into_iter().filter(|(name, _)| *name != "NO_COLOR") {
            // What terminals draw as the default foreground: palette 7 or 15 on a dark
            // background, 0 on a light one.
            let plain: &[Color] = if theme.light {
                &[
                    Color::Reset,
                    Color::Black,
                    Color::Indexed(0),
                    Color::Indexed(16),
                ]
            } else {
                &[
                    Color::Reset,
                    Color::Gray,
                    Color::White,
                    Color::Indexed(7),
                    Color::Indexed(15),
                    Color::Indexed(231),
                ]
            };
            let colours: Vec<Color> = ActorKind::ALL
                .iter()
                .map(|&k| theme.mention(k).fg.unwrap_or(Color::Reset))
                .collect();
            for (k, c) in ActorKind::ALL.iter().zip(&colours) {
                assert!(!plain.contains(c), "{k:?} is drawn as plain text: {c:?}");
                assert!(theme.text.fg.is_none_or(|t| t != *c), "{k:?}");
            }
            for (i, a) in colours.iter().enumerate() {
                assert!(!colours[i + 1..].contains(a), "two kinds share {a:?}");
            }
        }
    }
}
