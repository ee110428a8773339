//! Where each pane goes for a terminal size. The app and the view both use this one
//! computation, so a click lands where the view drew and page sizes match what is on screen.
//!
//! Wide terminals show every pane; medium ones show the article beside one side pane (the
//! others are tabs in its border); narrow ones show one pane at a time; below a minimum the
//! reader says the terminal is too small.

use ratatui::layout::{Constraint, Rect};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Article,
    Actors,
    Timeline,
    Details,
}

impl Pane {
    pub const ALL: [Self; 4] = [Self::Article, Self::Actors, Self::Timeline, Self::Details];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Article => "Article",
            Self::Actors => "Actors",
            Self::Timeline => "Timeline",
            Self::Details => "Details",
        }
    }

    #[must_use]
    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    #[must_use]
    pub fn prev(self) -> Self {
        let i = Self::ALL.iter().position(|&p| p == self).unwrap_or(0);
        Self::ALL[(i + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Article, and Actors, Timeline and Details stacked beside it.
    Wide,
    /// Article, and one of the other panes beside it.
    Medium,
    /// One pane at a time.
    Narrow,
    /// Not enough room for anything but a message.
    TooSmall,
}

/// The smallest terminal the reader draws in.
pub const MIN_WIDTH: u16 = 24;
pub const MIN_HEIGHT: u16 = 7;
/// The most columns the reader draws: a terminal wider than this gets its left part used. A
/// 4K screen in a small font is about 640 columns; a frame grows with its cells, and a
/// 65535-wide one would not fit in memory.
pub const MAX_WIDTH: u16 = 1024;
/// The most rows the reader draws, for the same reason.
pub const MAX_HEIGHT: u16 = 512;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Geometry {
    pub mode: Mode,
    pub area: Rect,
    pub header: Rect,
    pub status: Rect,
    /// The panes on screen, with their outer (bordered) areas.
    pub panes: Vec<(Pane, Rect)>,
    /// The focused pane takes the whole body (`z`), whatever the mode.
    pub zoomed: bool,
}

impl Geometry {
    /// `focus` is the focused pane; `side` the side pane shown in medium mode.
    #[must_use]
    pub fn new(width: u16, height: u16, focus: Pane, side: Pane) -> Self {
        let area = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Self {
                mode: Mode::TooSmall,
                area,
                header: Rect::default(),
                status: Rect::default(),
                panes: Vec::new(),
                zoomed: false,
            };
        }
        let header = Rect::new(0, 0, width, 1);
        let status = Rect::new(0, height - 1, width, 1);
        let body = Rect::new(0, 1, width, height - 2);
        let (mode, panes) = if width >= 110 && height >= 24 {
            let article_w = width * 3 / 5;
            let side_w = width - article_w;
            let x = article_w;
            let (actors_h, timeline_h) = stacked(body.height, focus);
            let details_h = body.height - actors_h - timeline_h;
            (
                Mode::Wide,
                vec![
                    (Pane::Article, Rect::new(0, body.y, article_w, body.height)),
                    (Pane::Actors, Rect::new(x, body.y, side_w, actors_h)),
                    (
                        Pane::Timeline,
                        Rect::new(x, body.y + actors_h, side_w, timeline_h),
                    ),
                    (
                        Pane::Details,
                        Rect::new(x, body.y + actors_h + timeline_h, side_w, details_h),
                    ),
                ],
            )
        } else if width >= 72 && height >= 12 {
            let side_w = (width * 2 / 5).clamp(30, 44);
            let article_w = width - side_w;
            let side = if side == Pane::Article {
                Pane::Actors
            } else {
                side
            };
            (
                Mode::Medium,
                vec![
                    (Pane::Article, Rect::new(0, body.y, article_w, body.height)),
                    (side, Rect::new(article_w, body.y, side_w, body.height)),
                ],
            )
        } else {
            (Mode::Narrow, vec![(focus, body)])
        };
        Self {
            mode,
            area,
            header,
            status,
            panes,
            zoomed: false,
        }
    }

    /// The same geometry with the focused pane over the whole body when `zoom` is set (as
    /// tmux zooms a pane): a title or a line cut in a side pane reads whole there.
    #[must_use]
    pub fn zoomed(self, focus: Pane, zoom: bool) -> Self {
        // One pane at a time already shows the focused pane whole: nothing to zoom.
        if !zoom || matches!(self.mode, Mode::TooSmall | Mode::Narrow) {
            return self;
        }
        let body = Rect::new(0, 1, self.area.width, self.area.height - 2);
        Self {
            panes: vec![(focus, body)],
            zoomed: true,
            ..self
        }
    }

    /// The same geometry with up to `rows` rows above the status bar, for a message too long
    /// for the bar: they are taken from the bottom of the panes, each of which keeps three
    /// rows inside its border. The status area then holds those rows and the bar, its last.
    #[must_use]
    pub fn with_message(mut self, rows: u16) -> Self {
        if rows == 0 || self.mode == Mode::TooSmall {
            return self;
        }
        let bottom = self.status.y;
        let at_bottom = |r: &Rect| r.bottom() == bottom;
        let rows = self
            .panes
            .iter()
            .filter(|(_, r)| at_bottom(r))
            .map(|(_, r)| r.height.saturating_sub(5))
            .min()
            .unwrap_or(0)
            .min(rows);
        for (_, r) in &mut self.panes {
            if at_bottom(r) {
                r.height -= rows;
            }
        }
        self.status = Rect::new(0, bottom - rows, self.area.width, rows + 1);
        self
    }

    /// The outer area of a pane, if it is on screen.
    #[must_use]
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        self.panes.iter().find(|(p, _)| *p == pane).map(|(_, r)| *r)
    }

    /// The area inside a pane's border, if it is on screen.
    #[must_use]
    pub fn inner(&self, pane: Pane) -> Option<Rect> {
        self.rect(pane).map(inner)
    }

    /// The pane under a screen position.
    #[must_use]
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        self.panes
            .iter()
            .find(|(_, r)| r.contains(ratatui::layout::Position::new(x, y)))
            .map(|(p, _)| *p)
    }
}

/// The heights of the Actors and the Timeline stacked over the Details in `height` rows: with
/// the article focused, 35% and 30% (the Details the rest); with a side pane focused, it takes
/// most of the height and the other two a fifth each (at least 5 rows: 3 inside the border).
fn stacked(height: u16, focus: Pane) -> (u16, u16) {
    let small = (height / 5).max(5).min(height / 3);
    let big = height - 2 * small;
    match focus {
        Pane::Article => (height * 7 / 20, height * 6 / 20),
        Pane::Actors => (big, small),
        Pane::Timeline => (small, big),
        Pane::Details => (small, small),
    }
}

/// The columns of the status bar a message may not take: the pane's name, the position, and
/// the separators. A message longer than the rest is wrapped above the bar.
pub const STATUS_KEPT: usize = 32;

/// How many rows a status-bar message `text` takes above the bar in a terminal `width` wide:
/// none when it fits in the bar beside what the bar keeps ([`STATUS_KEPT`], or less on a
/// narrow terminal, and the `hints` columns of the last hints, help and quit), else as many as
/// it takes wrapped.
#[must_use]
pub fn message_rows(text: &str, width: u16, hints: usize) -> u16 {
    use unicode_width::UnicodeWidthStr;
    let total = usize::from(width);
    let kept = STATUS_KEPT.min(total / 2).max(16) + hints;
    if text.width() + kept <= total {
        return 0;
    }
    let rows = textwrap::wrap(text, message_wrap(total.saturating_sub(2))).len();
    u16::try_from(rows).unwrap_or(u16::MAX)
}

/// How a message is wrapped in `width` columns above the status bar: at spaces only (a path
/// or a name with hyphens is not split where it has a hyphen), a word wider than the rows
/// broken.
#[must_use]
pub fn message_wrap(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width.max(1)).word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// Where the window (help, warnings, reload errors) goes over `area`: 90% × 80% of it,
/// centred.
#[must_use]
pub fn window(area: Rect) -> Rect {
    let (w, h) = (percent(area.width, 90, 20), percent(area.height, 80, 3));
    centre(area, w, h)
}

/// Where the export dialog goes over `area` when it needs `rows` rows: 70% of its width,
/// centred.
#[must_use]
pub fn dialog(area: Rect, rows: u16) -> Rect {
    centre(area, percent(area.width, 70, 20), rows.min(area.height))
}

/// Where the curation dialog goes over `area` when it needs `rows` rows: 90% of its width, at
/// most 100 columns, at least 60 (or all of it), centred.
#[must_use]
pub fn curate(area: Rect, rows: u16) -> Rect {
    centre(area, curate_width(area), rows.min(area.height))
}

/// The columns of the curation dialog over `area`.
#[must_use]
pub fn curate_width(area: Rect) -> u16 {
    percent(area.width, 90, 60).min(100)
}

/// A `w` × `h` rectangle centred in `area` by ratatui's layout. Where an odd cell is left over,
/// it goes to the right (or the bottom), as it always has here: ratatui's centring puts it on
/// the left (or the top), which would move a window by a cell from where it was drawn.
fn centre(area: Rect, w: u16, h: u16) -> Rect {
    let even = Rect {
        width: area.width - (area.width - w) % 2,
        height: area.height - (area.height - h) % 2,
        ..area
    };
    even.centered(Constraint::Length(w), Constraint::Length(h))
}

/// The columns of the export dialog over `area`, before its rows are known.
#[must_use]
pub fn dialog_width(area: Rect) -> u16 {
    dialog(area, 0).width
}

/// `p`% of `n` cells, rounded down, but at least `min` (or all of `n`, when fewer).
fn percent(n: u16, p: u16, min: u16) -> u16 {
    let scaled = u16::try_from(u32::from(n) * u32::from(p) / 100).unwrap_or(n);
    scaled.max(min.min(n))
}

/// The area inside a one-cell border.
#[must_use]
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_by_size() {
        assert_eq!(
            Geometry::new(200, 60, Pane::Article, Pane::Actors).mode,
            Mode::Wide
        );
        assert_eq!(
            Geometry::new(80, 24, Pane::Article, Pane::Actors).mode,
            Mode::Medium
        );
        assert_eq!(
            Geometry::new(40, 12, Pane::Article, Pane::Actors).mode,
            Mode::Narrow
        );
        assert_eq!(
            Geometry::new(10, 3, Pane::Article, Pane::Actors).mode,
            Mode::TooSmall
        );
        assert_eq!(
            Geometry::new(0, 0, Pane::Article, Pane::Actors).mode,
            Mode::TooSmall
        );
    }

    #[test]
    fn panes_tile_the_body_without_overlap() {
        for (w, h) in [(200, 60), (120, 40), (80, 24), (40, 12), (24, 7)] {
            for focus in Pane::ALL {
                let g = Geometry::new(w, h, focus, Pane::Details);
                let cells: u32 = g
                    .panes
                    .iter()
                    .map(|(_, r)| u32::from(r.width) * u32::from(r.height))
                    .sum();
                assert_eq!(cells, u32::from(w) * u32::from(h - 2), "{w}x{h}");
                for (_, r) in &g.panes {
                    assert!(r.right() <= w && r.bottom() < h);
                }
            }
        }
    }

    #[test]
    fn the_window_and_the_dialog_are_where_they_always_were() {
        // The arithmetic they replaced: a share of the area, at least 20 columns and 3 rows,
        // centred rounding down.
        let centered = |area: Rect, pw: u32, ph: u32| {
            let scale = |n: u16, p: u32| u16::try_from(u32::from(n) * p / 100).unwrap_or(n);
            let w = scale(area.width, pw).max(20.min(area.width));
            let h = scale(area.height, ph).max(3.min(area.height));
            Rect::new(
                area.x + (area.width - w) / 2,
                area.y + (area.height - h) / 2,
                w,
                h,
            )
        };
        for width in (0..=50).chain([79, 80, 81, 119, 120, 1023, 1024]) {
            for height in (0..=30).chain([39, 40, 41, 511, 512]) {
                let area = Rect::new(0, 0, width, height);
                assert_eq!(window(area), centered(area, 90, 80), "{width}x{height}");
                let band = centered(area, 70, 0);
                for rows in [0, 11, 600] {
                    let h = rows.min(height);
                    let old = Rect::new(band.x, (height - h) / 2, band.width, h);
                    assert_eq!(dialog(area, rows), old, "{width}x{height}, {rows} rows");
                }
            }
        }
    }

    #[test]
    fn the_focused_side_pane_takes_most_of_the_height() {
        for h in [24, 30, 40, 60, 512] {
            for focus in [Pane::Actors, Pane::Timeline, Pane::Details] {
                let g = Geometry::new(120, h, focus, focus);
                let body = h - 2;
                let mine = g.rect(focus).map_or(0, |r| r.height);
                assert!(mine * 2 > body, "{focus:?} at 120x{h}: {mine} of {body}");
                for other in [Pane::Actors, Pane::Timeline, Pane::Details] {
                    let r = g.rect(other).map_or(0, |r| r.height);
                    assert!(r >= 5, "{other:?} at 120x{h}: {r}");
                }
            }
        }
    }

    #[test]
    fn a_zoomed_pane_takes_the_body() {
        for (w, h) in [(200, 60), (120, 40), (80, 24), (40, 12)] {
            let g = Geometry::new(w, h, Pane::Timeline, Pane::Actors).zoomed(Pane::Timeline, true);
            assert_eq!(g.panes, vec![(Pane::Timeline, Rect::new(0, 1, w, h - 2))]);
        }
        let small = Geometry::new(10, 3, Pane::Article, Pane::Actors);
        assert_eq!(small.clone().zoomed(Pane::Article, true), small);
    }

    #[test]
    fn narrow_mode_shows_the_focused_pane() {
        let g = Geometry::new(40, 12, Pane::Timeline, Pane::Actors);
        assert_eq!(g.panes.len(), 1);
        assert!(g.rect(Pane::Timeline).is_some());
        let g = Geometry::new(80, 24, Pane::Article, Pane::Details);
        assert!(g.rect(Pane::Details).is_some() && g.rect(Pane::Article).is_some());
    }
}
