//! The curation dialog over the panes (`a`, `E`): the words picked, the choice between its two
//! kinds of change, the fields or the list to choose from, and why the last Enter changed
//! nothing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

use super::dialog::{field, flow};
use super::text::{clean, fit};
use super::theme::Theme;
use crate::app::curate::{Choice, CurateDialog};
use crate::app::keys::Context;
use crate::app::{Action, App, geometry};
use crate::sheet::ActorKind;

/// The columns of the labels before the fields.
const LABEL: usize = 9;

/// The most rows a list to choose from takes.
const LIST_ROWS: usize = 8;

pub fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let Some(d) = app.curate_dialog() else {
        return;
    };
    // Wider than the export dialog: names, titles and quotes are read here.
    let width = geometry::curate_width(area);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    let mut lines = body(app, d, inner_width, theme);
    for reason in &d.problem {
        for row in textwrap::wrap(&clean(reason), inner_width) {
            lines.push(Line::styled(row.into_owned(), theme.error));
        }
    }
    let key = |action| app.key(Context::Curate, &action);
    if app.committing() {
        let checking = format!(
            "Checking the fact sheet with this change, as `check` would… ({} cancels: nothing \
             is written)",
            key(Action::Cancel)
        );
        for row in textwrap::wrap(&checking, inner_width) {
            lines.push(Line::styled(row.into_owned(), theme.key));
        }
    }
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = geometry::curate(area, height);
    frame.render_widget(Clear, rect);
    let keys = if app.committing() {
        format!(" {} cancel ", key(Action::Cancel))
    } else {
        format!(
            " {} field · {} add · {} cancel ",
            key(Action::NextOption),
            key(Action::Submit),
            key(Action::Cancel),
        )
    };
    let title = match d.choice {
        Choice::NewActor | Choice::AliasOf => " Add a name ",
        Choice::NewEvent | Choice::EvidenceFor => " Add evidence ",
    };
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.border_focus)
        .title(Line::styled(title, theme.title_focus))
        .title_bottom(Line::styled(keys, theme.dim));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The dialog's rows for `width` columns, before the reasons.
fn body<'a>(app: &App, d: &CurateDialog, width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let label = |text: &str, row: usize| {
        let style = if d.focus == row { theme.key } else { theme.dim };
        Span::styled(format!("{text:<LABEL$}"), style)
    };
    let room = width.saturating_sub(LABEL);
    let mut lines = Vec::new();
    lines.extend(words(d, room, theme));
    if let Some(note) = &d.note {
        lines.push(Line::styled(
            format!("{:LABEL$}{}", "", fit(&clean(note), room)),
            theme.dim,
        ));
    }
    // The choice between the key's two kinds of change.
    // The choice made is marked in text as well as by colour, to read under NO_COLOR.
    let option = |c: Choice| {
        if c == d.choice {
            Span::styled(format!("‹{}›", c.label()), theme.row)
        } else {
            Span::raw(format!(" {} ", c.label()))
        }
    };
    let (first, second) = match d.choice {
        Choice::NewActor | Choice::AliasOf => (Choice::NewActor, Choice::AliasOf),
        Choice::NewEvent | Choice::EvidenceFor => (Choice::NewEvent, Choice::EvidenceFor),
    };
    lines.extend(flow(
        label("add as", 0),
        vec![option(first), option(second)],
        width,
    ));
    for (i, &name) in d.choice.fields().iter().enumerate() {
        let row = i + 1;
        let focused = d.focus == row;
        let text = match (d.choice, name) {
            (Choice::NewActor, "kind") => {
                lines.extend(kinds(label(name, row), d.actor.kind, focused, width, theme));
                continue;
            }
            (Choice::NewActor, "name") => &d.actor.name,
            (Choice::NewActor, "id") => &d.actor.id,
            (Choice::NewActor, _) => &d.actor.role,
            (Choice::NewEvent, "date") => &d.event.date,
            (Choice::NewEvent, "title") => &d.event.title,
            (Choice::NewEvent, "id") => &d.event.id,
            (Choice::NewEvent, _) => &d.event.actors,
            (Choice::AliasOf | Choice::EvidenceFor, _) => &d.chooser.filter,
        };
        lines.push(Line::from(field(
            label(name, row),
            text,
            room,
            focused,
            theme,
        )));
        if d.choice == Choice::NewActor && name == "name" && d.keeps_words_as_alias() {
            let also = format!("and the words as an alias: \"{}\"", clean(d.words.trim()));
            lines.push(Line::styled(
                format!("{:LABEL$}{}", "", fit(&also, room)),
                theme.dim,
            ));
        }
        if d.choice == Choice::NewEvent && name == "date" && !d.event.dated {
            lines.push(Line::styled(
                format!("{:LABEL$}no date in the sentence: correct this one", ""),
                theme.dim,
            ));
        }
    }
    if matches!(d.choice, Choice::AliasOf | Choice::EvidenceFor) {
        lines.extend(list(app, d, room, theme));
    }
    lines
}

/// The words picked, in `room` columns after the label: a name on one row, a quote on up
/// to three.
fn words<'a>(d: &CurateDialog, room: usize, theme: &Theme) -> Vec<Line<'a>> {
    let words = clean(&d.words);
    let quoted = textwrap::wrap(&words, room.max(1));
    let mut lines = Vec::new();
    for (i, row) in quoted.iter().take(3).enumerate() {
        let head = if i == 0 { "words" } else { "" };
        let more = i == 2 && quoted.len() > 3;
        let text = if more {
            format!("{}…", fit(row, room.saturating_sub(1)))
        } else {
            row.clone().into_owned()
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{head:<LABEL$}"), theme.dim),
            Span::styled(text, theme.evidence),
        ]));
    }
    lines
}

/// The rows to choose from (actors, or events and facts without evidence), the chosen one
/// marked and kept in view.
fn list<'a>(app: &App, d: &CurateDialog, room: usize, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let rows = d.rows(app.briefing());
    if rows.is_empty() {
        let none = if d.choice == Choice::AliasOf {
            "no actor matches"
        } else {
            "every event and fact has evidence"
        };
        lines.push(Line::styled(format!("{:LABEL$}{none}", ""), theme.dim));
    }
    let chosen = d.chosen_row(&rows);
    let first = chosen.saturating_sub(LIST_ROWS - 1);
    for (i, row) in rows.iter().enumerate().skip(first).take(LIST_ROWS) {
        let label = fit(&clean(&row.label), room.saturating_sub(2));
        lines.push(if i == chosen {
            Line::styled(format!("{:>LABEL$}{label}", "› "), theme.row)
        } else {
            Line::raw(format!("{:LABEL$}{label}", ""))
        });
    }
    lines
}

/// The six kinds after their label, on as many rows as `width` takes, the chosen one marked
/// (in text too, for `NO_COLOR`).
fn kinds<'a>(
    label: Span<'a>,
    chosen: ActorKind,
    focused: bool,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut spans = Vec::new();
    for k in ActorKind::ALL {
        spans.push(if k == chosen {
            let style = if focused {
                theme.row
            } else {
                theme.row_unfocused
            };
            Span::styled(format!("‹{}›", k.as_str()), style)
        } else {
            Span::raw(format!(" {} ", k.as_str()))
        });
    }
    flow(label, spans, width)
}
