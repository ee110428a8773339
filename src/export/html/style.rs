//! The page's style sheet: the colours, as custom properties for the light and the dark scheme,
//! and the rules (`page.css`), all inline.
//!
//! The colours mirror the reader's palettes (`view::theme`, written there as 256-colour
//! indices; the export is domain code and does not import the view): the same hue per actor
//! kind, in RGB. Where a light-scheme ink of the reader falls short of a 4.5:1 contrast on the
//! page's evidence background it is darkened a little, keeping its hue; a test checks every
//! kind's ink against every background it is drawn on.

use std::fmt::Write as _;

use crate::sheet::ActorKind;

/// An RGB colour.
type Rgb = (u8, u8, u8);

/// One colour scheme of the page.
struct Palette {
    background: Rgb,
    text: Rgb,
    dim: Rgb,
    rule: Rgb,
    /// The cards' background.
    card: Rgb,
    link: Rgb,
    /// Evidence quotes' background.
    evidence: Rgb,
    placeholder_text: Rgb,
    placeholder_background: Rgb,
    /// Mentions, by actor kind (in [`ActorKind::ALL`] order).
    kinds: [Rgb; 6],
}

/// The reader's light palette (`theme::LIGHT_24`).
const LIGHT: Palette = Palette {
    background: (255, 255, 255),
    text: (28, 28, 28),
    // 242.
    dim: (96, 96, 96),
    rule: (208, 208, 208),
    card: (246, 246, 246),
    // 25.
    link: (0, 95, 175),
    evidence: (250, 240, 200),
    // 88 on 224.
    placeholder_text: (135, 0, 0),
    placeholder_background: (255, 215, 215),
    kinds: [
        // 130 (175, 95, 0), darkened.
        (150, 80, 0),
        // 30 (0, 135, 135), darkened.
        (0, 112, 112),
        // 28 (0, 135, 0), darkened.
        (0, 115, 0),
        // 127.
        (175, 0, 175),
        // 25.
        (0, 95, 175),
        // 124.
        (175, 0, 0),
    ],
};

/// The reader's dark palette (`theme::DARK_24`). Its first four kinds are the terminal's
/// bright yellow, cyan, green and magenta, which each terminal draws its own way: here the VGA
/// values.
const DARK: Palette = Palette {
    background: (28, 28, 28),
    text: (228, 228, 228),
    // 247.
    dim: (158, 158, 158),
    rule: (78, 78, 78),
    card: (38, 38, 38),
    // 75.
    link: (95, 175, 255),
    evidence: (58, 52, 30),
    // 210 on 52.
    placeholder_text: (255, 135, 135),
    placeholder_background: (95, 0, 0),
    kinds: [
        (255, 255, 85),
        (85, 255, 255),
        (85, 255, 85),
        (255, 85, 255),
        // 75.
        (95, 175, 255),
        // 208.
        (255, 135, 0),
    ],
};

/// The rules, written against the custom properties [`style`] defines.
const RULES: &str = include_str!("page.css");

/// The whole style sheet: each scheme's colours, then the rules. Printing uses the light
/// colours whatever the screen's scheme.
#[must_use]
pub fn style() -> String {
    let mut css = String::with_capacity(RULES.len() + 1024);
    css.push_str(":root{color-scheme:light dark;");
    properties(&LIGHT, &mut css);
    css.push_str("}\n@media (prefers-color-scheme:dark){:root{");
    properties(&DARK, &mut css);
    css.push_str("}}\n@media print{:root{");
    properties(&LIGHT, &mut css);
    css.push_str("}}\n");
    for kind in ActorKind::ALL {
        let _ = writeln!(css, ".k-{kind}{{--k:var(--{kind})}}");
    }
    css.push_str(RULES);
    css
}

fn properties(p: &Palette, css: &mut String) {
    let mut set = |name: &str, (r, g, b): Rgb| {
        let _ = write!(css, "--{name}:#{r:02x}{g:02x}{b:02x};");
    };
    set("bg", p.background);
    set("fg", p.text);
    set("dim", p.dim);
    set("rule", p.rule);
    set("card", p.card);
    set("link", p.link);
    set("q", p.evidence);
    set("ctl-fg", p.placeholder_text);
    set("ctl-bg", p.placeholder_background);
    for (kind, colour) in ActorKind::ALL.into_iter().zip(p.kinds) {
        set(kind.as_str(), colour);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 relative luminance.
    fn luminance((r, g, b): Rgb) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn every_ink_reads_on_every_background_it_is_drawn_on_in_both_schemes() {
        for (name, p) in [("light", &LIGHT), ("dark", &DARK)] {
            for bg in [p.background, p.card, p.evidence] {
                let mut inks = vec![p.text, p.link];
                inks.extend(p.kinds);
                for ink in inks {
                    let c = contrast(ink, bg);
                    assert!(c >= 4.5, "{name}: {ink:?} on {bg:?} is {c:.2}:1");
                }
                // Dimmed text (line numbers, counts) is secondary, but readable.
                assert!(contrast(p.dim, bg) >= 3.0, "{name}: dim on {bg:?}");
            }
            let c = contrast(p.placeholder_text, p.placeholder_background);
            assert!(c >= 4.5, "{name}: placeholders are {c:.2}:1");
        }
    }

    #[test]
    fn every_kind_has_a_colour_of_its_own_in_both_schemes() {
        for p in [&LIGHT, &DARK] {
            for (i, a) in p.kinds.iter().enumerate() {
                assert!(!p.kinds[i + 1..].contains(a), "two kinds share {a:?}");
            }
        }
        let css = style();
        for kind in ActorKind::ALL {
            assert!(css.contains(&format!(".k-{kind}{{--k:var(--{kind})}}")));
            assert!(css.contains(&format!("--{kind}:#")));
        }
    }
}
