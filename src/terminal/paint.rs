//! The first frame, written whole to a blank screen. ratatui draws a frame by diffing it with
//! the one before, which for the first is blank: that diff measures the width of every one of a
//! 200×60 screen's 12,000 cells (0.5 ms), and crossterm's commands format each cell written
//! through `fmt` (0.35 ms) — most of the time from the frame's render to its bytes. Here each
//! row is written once, left to right: its cells' symbols as they are, a style sequence only
//! where the style changes, a short run of blank cells as spaces (one byte each, where the diff
//! moved the cursor over them, eight bytes a move), and nothing after a row's last cell that is
//! not blank. The screen it makes is the one ratatui's draw makes (a test compares the two,
//! cell by cell, on random buffers through a terminal emulator).
//!
//! Only for a screen known to be blank: the reader's first frame, on the alternate screen it has
//! just entered. The frames after it are ratatui's diffs against this one.

use std::io::{self, Write};

use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::style::{Color, Modifier};

/// The longest run of blank cells written as spaces rather than passed over by a cursor move
/// (`ESC [ row ; col H`, up to 10 bytes).
const SPACES_OVER_MOVE: usize = 8;

/// Writes `buffer` to `out`, for a screen that is blank (every cell a space in the default
/// style) with the buffer's area at its top left. Leaves the style reset and the cursor where
/// the last symbol left it.
pub fn whole(buffer: &Buffer, out: &mut impl Write) -> io::Result<()> {
    let area = buffer.area;
    let width = usize::from(area.width);
    let mut bytes: Vec<u8> = Vec::with_capacity(buffer.content.len() * 2);
    let mut style = Style::default();
    for (y, row) in buffer.content.chunks(width.max(1)).enumerate() {
        let Some(last) = row.iter().rposition(|c| !blank(c)) else {
            continue;
        };
        // Where the terminal's cursor is in this row, once known.
        let mut cursor: Option<usize> = None;
        let mut x = 0;
        while x <= last {
            let cell = &row[x];
            if skipped(cell) {
                x += 1;
                continue;
            }
            if blank(cell) {
                // A run of blank cells: spaces if it is short and the cursor is at its start,
                // else a move past it.
                let end = row[x..=last]
                    .iter()
                    .position(|c| !blank(c))
                    .map_or(last + 1, |n| x + n);
                if cursor == Some(x) && end - x <= SPACES_OVER_MOVE {
                    if style != Style::default() {
                        Style::default().write(&mut bytes);
                        style = Style::default();
                    }
                    bytes.resize(bytes.len() + (end - x), b' ');
                    cursor = Some(end);
                }
                x = end;
                continue;
            }
            put(&mut bytes, &mut style, &mut cursor, (x, y), area, cell);
            let cells = usize::from(cell.cell_width());
            if cells > 1 && cell.symbol().contains('\u{fe0f}') {
                // An emoji made wide by its variation selector, which many terminals draw one
                // cell wide: ratatui takes the cursor to be on the next cell, and writes the
                // cells it covers that are not spaces. So does this.
                cursor = Some(x + 1);
                let mut end = (x + cells).min(row.len());
                let mut j = x + 1;
                while j < end {
                    let covered = &row[j];
                    let step = usize::from(covered.cell_width()).max(1);
                    if !skipped(covered) && covered.symbol() != " " {
                        put(&mut bytes, &mut style, &mut cursor, (j, y), area, covered);
                    }
                    j += step;
                    end = end.max(j).min(row.len());
                }
                // Where the terminal's cursor is now depends on the terminal: the next cell
                // written is moved to.
                cursor = None;
                x = end;
                continue;
            }
            x += cells.max(1);
        }
    }
    if style != Style::default() {
        Style::default().write(&mut bytes);
    }
    out.write_all(&bytes)
}

/// Writes `cell`, the one at `(x, y)` of the buffer, moving the cursor there first unless it
/// is there, and its style first unless it is `style`. A symbol one cell wide leaves the cursor
/// on the next; after any other width, the next cell written is moved to, whatever the terminal
/// made of this one (ratatui's diff passes over the cells a wide symbol covers, and moves too).
fn put(
    bytes: &mut Vec<u8>,
    style: &mut Style,
    cursor: &mut Option<usize>,
    (x, y): (usize, usize),
    area: ratatui::layout::Rect,
    cell: &Cell,
) {
    if *cursor != Some(x) {
        move_to(bytes, usize::from(area.x) + x, usize::from(area.y) + y);
    }
    let this = Style::of(cell);
    if this != *style {
        this.write(bytes);
        *style = this;
    }
    bytes.extend_from_slice(cell.symbol().as_bytes());
    *cursor = (cell.cell_width() == 1).then_some(x + 1);
}

/// A cell ratatui's diff never writes.
#[allow(deprecated)] // `Cell::skip`: ratatui's diff still honours it.
fn skipped(cell: &Cell) -> bool {
    use ratatui::buffer::CellDiffOption;
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// A cell as a blank screen shows it: a space in the default style.
fn blank(cell: &Cell) -> bool {
    cell.symbol() == " " && Style::of(cell) == Style::default()
}

/// `ESC [ row ; col H`, one-based.
fn move_to(bytes: &mut Vec<u8>, x: usize, y: usize) {
    // Writing into a Vec cannot fail.
    let _ = write!(bytes, "\x1b[{};{}H", y + 1, x + 1);
}

/// What a cell looks like apart from its symbol.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Style {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Default for Style {
    fn default() -> Self {
        Self {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

impl Style {
    fn of(cell: &Cell) -> Self {
        Self {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// One SGR sequence that resets every attribute and sets this style's: `ESC [ 0 ; … m`.
    fn write(self, bytes: &mut Vec<u8>) {
        bytes.extend_from_slice(b"\x1b[0");
        // In the order crossterm's backend adds them to a cell without any.
        for (m, code) in [
            (Modifier::REVERSED, "7"),
            (Modifier::BOLD, "1"),
            (Modifier::ITALIC, "3"),
            (Modifier::UNDERLINED, "4"),
            (Modifier::DIM, "2"),
            (Modifier::CROSSED_OUT, "9"),
            (Modifier::HIDDEN, "8"),
            (Modifier::SLOW_BLINK, "5"),
            (Modifier::RAPID_BLINK, "6"),
        ] {
            if self.modifier.contains(m) {
                bytes.push(b';');
                bytes.extend_from_slice(code.as_bytes());
            }
        }
        for (color, layer) in [(self.fg, "38"), (self.bg, "48")] {
            if color != Color::Reset {
                bytes.push(b';');
                write_color(bytes, color, layer);
            }
        }
        bytes.push(b'm');
        // A sequence of its own, as crossterm writes it: a terminal that does not know SGR 58
        // misreads its numbers as attributes (5 blinks, 3 italics…), the same way either way.
        if self.underline != Color::Reset {
            bytes.extend_from_slice(b"\x1b[");
            write_color(bytes, self.underline, "58");
            bytes.push(b'm');
        }
    }
}

/// `38;5;N` or `38;2;R;G;B` (with `layer` 48 the background, 58 the underline), as crossterm
/// writes ratatui's colours other than the default.
fn write_color(bytes: &mut Vec<u8>, color: Color, layer: &str) {
    // Writing into a Vec cannot fail. (The callers never pass the default, which has no
    // sequence of its own.)
    if let Color::Rgb(r, g, b) = color {
        let _ = write!(bytes, "{layer};2;{r};{g};{b}");
    } else if let Some(index) = crate::view::theme::palette_index(color) {
        // The 16 named colours are the palette's first 16, as crossterm writes them.
        let _ = write!(bytes, "{layer};5;{index}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};
    use std::fmt::Write as _;

    /// The screen a terminal shows after `bytes`, cell by cell: symbol, colours, attributes.
    fn screen(bytes: &[u8], w: u16, h: u16) -> Vec<String> {
        let mut parser = vt100::Parser::new(
            h.try_into().expect("not zero"),
            w.try_into().expect("not zero"),
            0,
        );
        parser.process(bytes);
        let s = parser.screen();
        let mut rows = Vec::new();
        for y in 0..h {
            let mut row = String::new();
            for x in 0..w {
                let c = s.cell(y, x).expect("in the screen");
                // A cell never written is as blank as one written with a space.
                let contents = if c.contents().is_empty() {
                    " "
                } else {
                    c.contents()
                };
                let _ = write!(
                    row,
                    "[{:?} {:?} {:?} b{} d{} i{} u{} r{}]",
                    contents,
                    c.fgcolor(),
                    c.bgcolor(),
                    u8::from(c.bold()),
                    u8::from(c.dim()),
                    u8::from(c.italic()),
                    u8::from(c.underline()),
                    u8::from(c.inverse()),
                );
            }
            rows.push(row);
        }
        rows
    }

    /// What ratatui's own draw writes for `buffer` onto a blank screen.
    fn drawn_by_ratatui(buffer: &Buffer) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut terminal = Terminal::with_options(
            CrosstermBackend::new(&mut bytes),
            TerminalOptions {
                viewport: Viewport::Fixed(buffer.area),
            },
        )
        .expect("a terminal in memory");
        terminal
            .draw(|frame| frame.buffer_mut().merge(buffer))
            .expect("drawn in memory");
        drop(terminal);
        bytes
    }

    fn painted(buffer: &Buffer) -> Vec<u8> {
        let mut out = Vec::new();
        whole(buffer, &mut out).expect("written in memory");
        out
    }

    fn any_color() -> impl Strategy<Value = Color> {
        prop_oneof![
            4 => Just(Color::Reset),
            1 => (0u8..16).prop_map(|i| [
                Color::Black, Color::Red, Color::Green, Color::Yellow, Color::Blue,
                Color::Magenta, Color::Cyan, Color::Gray, Color::DarkGray, Color::LightRed,
                Color::LightGreen, Color::LightYellow, Color::LightBlue, Color::LightMagenta,
                Color::LightCyan, Color::White,
            ][usize::from(i)]),
            1 => any::<u8>().prop_map(Color::Indexed),
            1 => any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Color::Rgb(r, g, b)),
        ]
    }

    /// Strings set into a buffer as a widget would: words, runs of spaces, wide characters,
    /// emoji with and without a variation selector, a combining accent.
    fn any_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just("a"),
                Just("word"),
                Just(" "),
                Just("          "),
                Just("漢字"),
                Just("👍"),
                Just("❤\u{fe0f}"),
                Just("e\u{301}"),
                Just("│"),
                Just("…"),
            ],
            0..12,
        )
        .prop_map(|parts| parts.concat())
    }

    /// Never bold and dim at once: vt100 keeps one intensity, and which of the two ratatui
    /// leaves on depends on the cell drawn before (the reader never asks for both).
    fn any_modifier() -> impl Strategy<Value = Modifier> {
        prop_oneof![
            3 => Just(Modifier::empty()),
            1 => (0u16..512).prop_map(|bits| {
                let m = Modifier::from_bits_truncate(bits);
                if m.contains(Modifier::BOLD) { m - Modifier::DIM } else { m }
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Rows of spans side by side, as widgets draw them. (Spans drawn over one another can
        /// leave half of a wide symbol under another: ratatui then writes its covered cells
        /// on from wherever the terminal left the cursor, which for an emoji made wide by its
        /// variation selector can scroll the screen; the painter moves to each cell instead.)
        #[test]
        fn the_screen_is_the_one_ratatui_draws(
            w in 1u16..40,
            rows in prop::collection::vec(
                prop::collection::vec(
                    (0u16..6, any_text(), any_color(), any_color(), any_modifier()),
                    0..5,
                ),
                1..8,
            ),
        ) {
            let h = u16::try_from(rows.len()).expect("under 8 rows");
            let mut buffer = Buffer::empty(Rect::new(0, 0, w, h));
            for (y, spans) in (0..h).zip(&rows) {
                let mut x = 0;
                for (gap, text, fg, bg, modifier) in spans {
                    x += gap;
                    if x >= w {
                        break;
                    }
                    let style = ratatui::style::Style::default()
                        .fg(*fg)
                        .bg(*bg)
                        .add_modifier(*modifier)
                        .remove_modifier(Modifier::all() - *modifier);
                    x = buffer.set_stringn(x, y, text, usize::from(w - x), style).0;
                }
            }
            prop_assert_eq!(
                screen(&painted(&buffer), w, h),
                screen(&drawn_by_ratatui(&buffer), w, h)
            );
        }
    }

    /// The reader's own first frame, on the bundled sample, at three sizes, with and without
    /// colour: the same screen as ratatui's draw makes, in fewer bytes.
    #[test]
    fn the_readers_first_frame_is_the_same_screen_in_fewer_bytes() {
        use crate::app::{Action, App};
        use crate::briefing::{Briefing, Input};
        for (w, h) in [(80, 24), (120, 30), (200, 60)] {
            for color in [true, false] {
                let mut app = App::new(Briefing::bundled(), Input::Bundled, color);
                app.update(Action::Resize(w, h));
                let mut terminal = Terminal::with_options(
                    ratatui::backend::TestBackend::new(w, h),
                    TerminalOptions {
                        viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
                    },
                )
                .expect("a terminal in memory");
                terminal
                    .draw(|frame| crate::view::render(&app, frame))
                    .expect("drawn in memory");
                let buffer = terminal.backend().buffer().clone();
                let (ours, theirs) = (painted(&buffer), drawn_by_ratatui(&buffer));
                assert_eq!(screen(&ours, w, h), screen(&theirs, w, h), "{w}×{h}");
                assert!(
                    ours.len() < theirs.len(),
                    "{w}×{h}: {} bytes, ratatui's {}",
                    ours.len(),
                    theirs.len()
                );
            }
        }
    }

    /// vt100 reads SGR 58 as attributes, so the underline colour (which the reader does not
    /// use) is compared by its bytes: crossterm's.
    #[test]
    fn an_underline_colour_is_a_sequence_of_its_own() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 4, 1));
        let style = ratatui::style::Style::default()
            .underline_color(Color::Rgb(1, 2, 3))
            .add_modifier(Modifier::UNDERLINED);
        buffer.set_string(0, 0, "ab", style);
        assert_eq!(
            painted(&buffer),
            b"\x1b[1;1H\x1b[0;4m\x1b[58;2;1;2;3mab\x1b[0m".to_vec()
        );
        assert!(String::from_utf8_lossy(&drawn_by_ratatui(&buffer)).contains("\x1b[58;2;1;2;3m"));
    }

    #[test]
    fn a_blank_buffer_writes_nothing() {
        assert!(painted(&Buffer::empty(Rect::new(0, 0, 80, 24))).is_empty());
    }

    #[test]
    fn short_gaps_are_spaces_and_long_ones_a_move() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 30, 1));
        buffer.set_string(0, 0, "a", ratatui::style::Style::default());
        buffer.set_string(3, 0, "b", ratatui::style::Style::default());
        buffer.set_string(20, 0, "c", ratatui::style::Style::default());
        assert_eq!(painted(&buffer), b"\x1b[1;1Ha  b\x1b[1;21Hc");
    }

    #[test]
    fn a_style_is_written_where_it_changes() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 1));
        let bold = ratatui::style::Style::default()
            .fg(Color::Red)
            .add_modifier(Modifier::BOLD);
        buffer.set_string(0, 0, "ab", bold);
        buffer.set_string(2, 0, "c", ratatui::style::Style::default());
        assert_eq!(
            painted(&buffer),
            b"\x1b[1;1H\x1b[0;1;38;5;1mab\x1b[0mc".to_vec()
        );
    }
}
