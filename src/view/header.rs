//! The header: the briefing's title, "bundled sample" for the sample, its source, publication
//! date at its precision, its counts (once known) and the number of warnings; and, while the briefing is
//! loaded on another thread, a quiet sign: `indexing…` over the preview shown at start,
//! `reloading…` over the briefing a reload will replace.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::text::{clean, fit, width};
use super::theme::Theme;
use crate::app::keys::Context;
use crate::app::{Action, App};
use crate::plural::count;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let b = app.briefing();
    let meta = &b.sheet.briefing;
    let mut facts = Vec::new();
    if b.is_bundled() {
        facts.push(crate::briefing::BUNDLED_NAME.to_owned());
    }
    if let Some(source) = &meta.source {
        facts.push(clean(source).into_owned());
    }
    if let Some(date) = meta.published {
        facts.push(date.to_string());
    }
    // Over the preview the counts are not known yet: `indexing…` stands for them.
    if !(app.loading().busy() && app.loading().preview()) {
        facts.push(
            [
                count(b.sheet.actors.len(), "actor"),
                count(b.sheet.events.len(), "event"),
                count(b.sheet.facts.len(), "fact"),
                count(b.mentions.all().len(), "mention"),
            ]
            .join(" · "),
        );
    }
    let warnings = app.warning_count();
    let right = if warnings > 0 {
        format!(
            " ⚠ {} ({}) ",
            count(warnings, "warning"),
            app.key(Context::Global, &Action::ShowWarnings)
        )
    } else {
        String::new()
    };
    // A quiet sign while the briefing is loaded on another thread (see `app/loading.rs`).
    let loading = app.loading();
    let sign = if !loading.busy() {
        ""
    } else if loading.preview() {
        " indexing… "
    } else {
        " reloading… "
    };
    let total = usize::from(area.width);
    let right_w = width(&right) + width(sign);
    let mut rest = format!(" — {}", facts.join(" · "));
    let title = clean(&meta.title);
    let room = total.saturating_sub(right_w + 1);
    // The title wins the room, but for the date: when the line does not fit, the date comes
    // first after it, and the title is shortened for it (to half the room at most); the rest
    // is cut first.
    let mut title_w = width(&title).min(room);
    if width(&title) + width(&rest) > room
        && let Some(date) = meta.published
    {
        let date = date.to_string();
        facts.retain(|f| *f != date);
        rest = format!(" — {date}");
        title_w = title_w.min(room.saturating_sub(width(&rest)).max(room / 2));
        let more = format!("{rest} · {}", facts.join(" · "));
        // The others follow it when some of them fits, cut at the end.
        if !facts.is_empty() && title_w + width(&rest) + 6 <= room {
            rest = more;
        }
    }
    let title = fit(&title, title_w);
    let rest = fit(&rest, room.saturating_sub(width(&title)));
    let used = 1 + width(&title) + width(&rest);
    let pad = total.saturating_sub(used + right_w);
    let line = Line::from(vec![
        Span::raw(" "),
        Span::styled(title, theme.header),
        Span::styled(rest, theme.dim),
        Span::raw(" ".repeat(pad)),
        Span::styled(sign, theme.dim),
        Span::styled(right, theme.error),
    ]);
    frame.render_widget(line, area);
}
