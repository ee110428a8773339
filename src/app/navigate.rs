//! Moving around: scrolling and selecting in each pane, following links between panes, walking
//! mentions and search matches, and the jump history.

use super::details::Link;
use super::{Action, App, Effect, Geometry, Overlay, Pane, Selection, Sort};
use crate::sentence;

impl App {
    pub(super) fn pane_action(&mut self, action: Action) {
        match action {
            Action::FocusNext => self.set_focus(self.focus.next()),
            Action::FocusPrev => self.set_focus(self.focus.prev()),
            Action::Focus(p) => self.set_focus(p),
            Action::Down => self.step(1),
            Action::Up => self.step(-1),
            Action::PageDown => self.step(self.page(1)),
            Action::PageUp => self.step(-self.page(1)),
            Action::HalfPageDown => self.step(self.page(2)),
            Action::HalfPageUp => self.step(-self.page(2)),
            Action::Top | Action::Bottom => self.ends(action == Action::Top),
            Action::Follow => self.follow(),
            Action::NextHit => self.hit(true),
            Action::PrevHit => self.hit(false),
            Action::NextMention => self.any_mention(true),
            Action::PrevMention => self.any_mention(false),
            Action::Search => self.start_search(),
            Action::Back => {
                let here = self.location();
                match self.history.back(here) {
                    Some(to) => self.restore(to),
                    None => self.say("Nothing to go back to"),
                }
            }
            Action::Forward => {
                let here = self.location();
                match self.history.forward(here) {
                    Some(to) => self.restore(to),
                    None => self.say("Nothing to go forward to"),
                }
            }
            Action::ToggleOmitted => {
                self.show_omitted = !self.show_omitted;
                let (w, h) = self.size;
                self.article.relayout(
                    &self.briefing.article,
                    self.article.layout.width(),
                    self.show_omitted,
                );
                self.resize(w, h);
                let n = self.briefing.article.omitted().len();
                self.say(if self.show_omitted {
                    format!("Showing {n} omitted lines, dimmed")
                } else {
                    format!("Hiding {n} omitted lines")
                });
            }
            Action::ToggleSort => {
                self.sort = match self.sort {
                    Sort::Mentions => Sort::Name,
                    Sort::Name => Sort::Mentions,
                };
                self.fit_lists();
                self.say(match self.sort {
                    Sort::Mentions => "Actors sorted by mentions",
                    Sort::Name => "Actors sorted by name",
                });
            }
            Action::ShowFigures => {
                let here = self.location();
                self.history.push(here);
                self.figures = true;
                self.details_cursor = 0;
                self.details_offset = 0;
                self.set_focus(Pane::Details);
            }
            Action::ShowWarnings => self.overlay = Some(Overlay::Warnings { scroll: 0 }),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Export => self.export = Some(super::ExportDialog::default()),
            Action::Reload => self.reload(),
            Action::Cancel => self.cancel(),
            _ => {}
        }
    }

    pub(super) fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Article {
            self.side = pane;
        }
        if matches!(pane, Pane::Actors | Pane::Timeline) {
            if self.last_list != pane {
                self.details_cursor = 0;
                self.details_offset = 0;
            }
            self.last_list = pane;
            self.figures = false;
        }
        self.fit_lists();
        self.fit_details();
    }

    /// Rows inside a pane, as drawn.
    pub(super) fn pane_height(&self, pane: Pane) -> usize {
        let g = Geometry::new(self.size.0, self.size.1, pane, pane);
        let h = g.inner(pane).map_or(1, |r| usize::from(r.height));
        match pane {
            // The timeline's first row is its time axis.
            Pane::Timeline => h.saturating_sub(1).max(1),
            _ => h.max(1),
        }
    }

    /// A page (or half of one, for `div` 2) of the focused pane, at least one row.
    fn page(&self, div: usize) -> isize {
        let h = self.pane_height(self.focus);
        isize::try_from((h.saturating_sub(1) / div).max(1)).unwrap_or(1)
    }

    fn step(&mut self, delta: isize) {
        match self.focus {
            Pane::Article => self.article.scroll(delta),
            Pane::Actors => {
                let v = self.visible_actors();
                let h = self.pane_height(Pane::Actors);
                self.actors.step(&v, delta, h);
                self.reset_details();
            }
            Pane::Timeline => {
                let v = self.visible_events();
                let h = self.pane_height(Pane::Timeline);
                self.events.step(&v, delta, h);
                self.reset_details();
            }
            Pane::Details => {
                let len = self.details().len();
                self.details_cursor = self
                    .details_cursor
                    .saturating_add_signed(delta)
                    .min(len.saturating_sub(1));
                self.fit_details();
            }
        }
    }

    fn ends(&mut self, top: bool) {
        let delta = if top { isize::MIN / 2 } else { isize::MAX / 2 };
        if self.focus == Pane::Article {
            let here = self.location();
            self.history.push(here);
        }
        self.step(delta);
    }

    fn reset_details(&mut self) {
        self.details_cursor = 0;
        self.details_offset = 0;
        self.figures = false;
    }

    /// Keeps both lists' selections on visible items and in view.
    pub(super) fn fit_lists(&mut self) {
        let v = self.visible_actors();
        let h = self.pane_height(Pane::Actors);
        self.actors.fit(&v, h);
        let v = self.visible_events();
        let h = self.pane_height(Pane::Timeline);
        self.events.fit(&v, h);
    }

    pub(super) fn fit_details(&mut self) {
        let len = self.details().len();
        let h = self.pane_height(Pane::Details);
        self.details_cursor = self.details_cursor.min(len.saturating_sub(1));
        if self.details_cursor < self.details_offset {
            self.details_offset = self.details_cursor;
        } else if self.details_cursor >= self.details_offset + h {
            self.details_offset = self.details_cursor + 1 - h;
        }
        self.details_offset = self.details_offset.min(len.saturating_sub(h));
    }

    // ── Following links ────────────────────────────────────────────────────────────────────

    pub(super) fn follow(&mut self) {
        match self.focus {
            Pane::Article => match self.article.cursor {
                Some(m) if self.article.shows(self.mention_start(m)) => {
                    let a = self.briefing.mentions.all()[m].actor as usize;
                    self.jump();
                    self.select_actor(a);
                    let name = self.briefing.sheet.actors[a].name.clone();
                    self.say(format!("Selected {name}: n/N walk its mentions"));
                }
                _ => self.say("No mention under the cursor: ] and [ move it"),
            },
            Pane::Actors => match self.actors.selected {
                Some(a) => self.follow_actor(a),
                None => self.say("No actor to follow"),
            },
            Pane::Timeline => match self.events.selected {
                Some(e) => self.follow_event(e),
                None => self.say("No event to follow"),
            },
            Pane::Details => {
                let link = self.details().link(self.details_cursor);
                match link {
                    Some(link) => self.follow_link(link),
                    None => self.say("Nothing to follow on this line"),
                }
            }
        }
    }

    /// Records the current place before a jump.
    fn jump(&mut self) {
        let here = self.location();
        self.history.push(here);
    }

    /// Selects actor `a` in the Actors list (clearing a filter that hides it) and shows it.
    fn select_actor(&mut self, a: usize) {
        self.selection = Selection::Actor(a);
        self.quote = None;
        if !self.visible_actors().contains(&a) {
            self.actors.filter.clear();
        }
        self.actors.selected = Some(a);
        self.last_list = Pane::Actors;
        self.reset_details();
        self.fit_lists();
    }

    fn select_event(&mut self, e: usize) {
        self.selection = Selection::Event(e);
        self.quote = self.event_quote(e);
        if !self.visible_events().contains(&e) {
            self.events.filter.clear();
        }
        self.events.selected = Some(e);
        self.last_list = Pane::Timeline;
        self.reset_details();
        self.fit_lists();
    }

    pub(super) fn event_quote(&self, e: usize) -> Option<(u32, u32)> {
        self.briefing
            .event_evidence
            .get(e)
            .copied()
            .flatten()
            .map(|q| (q.start, q.end))
    }

    /// An actor: highlight its mentions and go to the next one from the reading position.
    fn follow_actor(&mut self, a: usize) {
        let name = self.briefing.sheet.actors[a].name.clone();
        if self.briefing.mentions.count(a) == 0 {
            self.select_actor(a);
            self.say(format!("{name} is never mentioned in the article"));
            return;
        }
        self.jump();
        self.select_actor(a);
        if let Some(m) = self.next_hit_from_reading(true) {
            self.put_cursor(m);
        }
        self.set_focus(Pane::Article);
    }

    /// An event: highlight its evidence and its actors' mentions, and go to the evidence.
    fn follow_event(&mut self, e: usize) {
        self.jump();
        self.select_event(e);
        match self.quote {
            Some((start, end)) => {
                self.article.reveal(start as usize);
                // The cursor goes to the first mention of one of the event's actors inside the
                // evidence, or else to the first mention there at all.
                let index = &self.briefing.mentions;
                let inside = index.first_from(start as usize)
                    ..index
                        .first_from(end as usize)
                        .max(index.first_from(start as usize));
                let actors = self.highlighted_actors();
                self.article.cursor = inside
                    .clone()
                    .find(|&m| actors.contains(&(index.all()[m].actor as usize)))
                    .or_else(|| inside.clone().next());
                self.set_focus(Pane::Article);
            }
            None => self.say("This event quotes no evidence"),
        }
    }

    fn follow_link(&mut self, link: Link) {
        match link {
            Link::Actor(a) => {
                self.jump();
                self.select_actor(a);
            }
            Link::Event(e) => {
                self.jump();
                self.select_event(e);
            }
            Link::Mention(m) => {
                self.jump();
                let a = self.briefing.mentions.all()[m].actor as usize;
                if self.selection != Selection::Actor(a) {
                    self.selection = Selection::Actor(a);
                    self.quote = None;
                }
                self.put_cursor(m);
                self.set_focus(Pane::Article);
            }
            Link::Quote(start, end) => {
                self.jump();
                self.quote = Some((start, end));
                self.article.reveal(start as usize);
                self.set_focus(Pane::Article);
            }
        }
    }

    fn mention_start(&self, m: usize) -> usize {
        self.briefing.mentions.all()[m].start as usize
    }

    /// Moves the cursor to mention `m` and scrolls it into view.
    pub(super) fn put_cursor(&mut self, m: usize) {
        self.article.cursor = Some(m);
        self.article.reveal(self.mention_start(m));
    }

    // ── Walking mentions and matches ───────────────────────────────────────────────────────

    /// The cursor, if it is on screen: what "next" counts from.
    fn visible_cursor(&self) -> Option<usize> {
        self.article
            .cursor
            .filter(|&m| self.article.shows(self.mention_start(m)))
    }

    fn hit(&mut self, forward: bool) {
        if self.search.active() {
            self.walk_matches(forward);
            return;
        }
        if self.selection == Selection::None {
            self.say(
                "Follow an actor or an event first (Enter in Actors or Timeline), or search with /",
            );
            return;
        }
        match self.next_hit_from_reading(forward) {
            Some(m) => {
                self.jump();
                self.put_cursor(m);
            }
            None => self.say("No mentions to walk"),
        }
    }

    /// The next (or previous) mention of the highlighted actors after the cursor, or from the
    /// top of the screen when the cursor is off screen; wraps around.
    fn next_hit_from_reading(&self, forward: bool) -> Option<usize> {
        let index = &self.briefing.mentions;
        let lists: Vec<&[u32]> = self
            .highlighted_actors()
            .into_iter()
            .map(|a| index.of_actor(a))
            .filter(|l| !l.is_empty())
            .collect();
        if lists.is_empty() {
            return None;
        }
        // Mention indices are in text order, so comparing indices compares positions.
        let threshold = match self.visible_cursor() {
            Some(c) if forward => c + 1,
            Some(c) => c,
            None => index.first_from(self.article.top_offset()),
        };
        let threshold = threshold as u32;
        let found = if forward {
            lists
                .iter()
                .filter_map(|l| l.get(l.partition_point(|&i| i < threshold)))
                .min()
                .or_else(|| lists.iter().filter_map(|l| l.first()).min())
        } else {
            lists
                .iter()
                .filter_map(|l| {
                    l.partition_point(|&i| i < threshold)
                        .checked_sub(1)
                        .map(|p| &l[p])
                })
                .max()
                .or_else(|| lists.iter().filter_map(|l| l.last()).max())
        };
        found.map(|&m| m as usize)
    }

    fn any_mention(&mut self, forward: bool) {
        let all = self.briefing.mentions.all();
        if all.is_empty() {
            self.say("The article mentions no actor");
            return;
        }
        let from = self
            .article
            .cursor
            .filter(|&m| self.article.shows(self.mention_start(m)));
        let next = match (from, forward) {
            (Some(c), true) => (c + 1) % all.len(),
            (Some(c), false) => c.checked_sub(1).unwrap_or(all.len() - 1),
            (None, true) => {
                let f = self.briefing.mentions.first_from(self.article.top_offset());
                if f == all.len() { 0 } else { f }
            }
            (None, false) => {
                let f = self.briefing.mentions.first_from(self.article.top_offset());
                f.checked_sub(1).unwrap_or(all.len() - 1)
            }
        };
        self.put_cursor(next);
    }

    fn walk_matches(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.complain(format!("No match for \"{}\"", self.search.query));
            return;
        }
        let next = match self.search.current {
            Some(c) if forward => (c + 1) % n,
            Some(c) => c.checked_sub(1).unwrap_or(n - 1),
            None => self
                .search
                .first_from(self.article.top_offset())
                .unwrap_or(0),
        };
        self.jump();
        self.search.current = Some(next);
        self.article.reveal(self.search.matches[next].0 as usize);
    }

    fn cancel(&mut self) {
        match self.focus {
            Pane::Actors if !self.actors.filter.is_empty() => {
                self.actors.filter.clear();
                self.fit_lists();
            }
            Pane::Timeline if !self.events.filter.is_empty() => {
                self.events.filter.clear();
                self.fit_lists();
            }
            _ if !self.search.query.is_empty() => {
                self.search = super::Search::default();
                self.say("Search cleared");
            }
            _ if self.selection != Selection::None || self.quote.is_some() => {
                self.selection = Selection::None;
                self.quote = None;
                self.say("Selection cleared");
            }
            _ => {}
        }
    }

    // ── Copying ────────────────────────────────────────────────────────────────────────────

    /// The sentence around the current mention (or match), with where it comes from.
    pub(super) fn copy(&mut self) -> Effect {
        let range = if self.search.active()
            && let Some(c) = self.search.current
        {
            let (s, e) = self.search.matches[c];
            s as usize..e as usize
        } else if let Some(m) = self.article.cursor {
            self.briefing.mentions.all()[m].range()
        } else {
            self.say("Nothing to copy: move the cursor to a mention first (] or n)");
            return Effect::None;
        };
        let text = self.briefing.article.text();
        let sentence = sentence::around(text, range.clone());
        let quote = crate::inert::one_line(&text[sentence]);
        let line = self.briefing.article.line_of(range.start);
        let meta = &self.briefing.sheet.briefing;
        let mut cite = vec![meta.title.clone()];
        cite.extend(meta.source.clone());
        cite.extend(meta.published.map(|d| d.to_string()));
        cite.push(format!("line {line}"));
        let clip = format!("“{quote}” ({})", crate::inert::one_line(&cite.join(", ")));
        self.say(format!(
            "Copied {} characters through OSC 52 (the terminal must allow it)",
            clip.chars().count()
        ));
        Effect::Copy(clip)
    }
}
