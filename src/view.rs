//! Drawing: renders `&App` into a frame and never changes it. One module per pane, one for the
//! window over them ([`window`]: help, warnings, reload errors) and one for the export dialog
//! ([`dialog`]); sizes come from the app's [`crate::app::Geometry`], so what is drawn is what
//! the app computed with.

mod actors;
mod article;
mod curate;
mod details;
mod dialog;
mod header;
mod pane;
mod status;
pub mod text;
pub mod theme;
mod timeline;
mod window;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, MIN_HEIGHT, MIN_WIDTH, Mode, Pane};
use theme::Theme;

/// Draws the whole reader.
pub fn render(app: &App, frame: &mut Frame) {
    let theme = Theme::pick(app.color(), app.colors());
    let area = frame.area();
    let g = app.geometry();
    if g.mode == Mode::TooSmall || area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return;
    }
    header::render(app, frame, g.header, theme);
    for &(pane, rect) in &g.panes {
        let rect = rect.intersection(area);
        match pane {
            Pane::Article => article::render(app, frame, rect, theme),
            Pane::Actors => actors::render(app, frame, rect, theme),
            Pane::Timeline => timeline::render(app, frame, rect, theme),
            Pane::Details => details::render(app, frame, rect, theme),
        }
    }
    status::render(app, frame, g.status, theme);
    if app.export_dialog().is_some() {
        dialog::render(app, frame, area, theme);
    } else if app.curate_dialog().is_some() {
        curate::render(app, frame, area, theme);
    } else {
        window::render(app, frame, area, theme);
    }
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let lines = vec![
        Line::styled("Terminal too small", theme.error),
        Line::from(format!("{}×{}", area.width, area.height)),
        Line::styled(format!("need {MIN_WIDTH}×{MIN_HEIGHT}"), theme.dim),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}
