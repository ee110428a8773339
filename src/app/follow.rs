//! Following links between panes: an actor to its mentions, an event to its evidence, a mention
//! to its actor, a line of the details to what it names. Every jump is recorded for Back. From
//! Actors and Timeline the focus stays in the list while the article is on screen beside it, so
//! that several rows can be tried in a row.

use super::details::Link;
use super::followed::{Followed, Target};
use super::keys::Context;
use super::{Action, App, Cursor, DetailsState, Pane};

impl App {
    pub(super) fn follow(&mut self) {
        match self.focus {
            Pane::Article => match self.cursor() {
                // The one cursor: the search's match when the status bar names it.
                Some(Cursor::Match(c)) => match self.mention_in_match(c) {
                    Some(m) => self.follow_mention_under_cursor(m),
                    None => self.say(format!(
                        "No mention in match {}: {} goes to the next",
                        c + 1,
                        self.key(Context::Global, &Action::NextHit)
                    )),
                },
                Some(Cursor::Mention(m)) if self.article.shows(self.mention_start(m)) => {
                    self.follow_mention_under_cursor(m);
                }
                Some(Cursor::Unclaimed(i)) => {
                    let name = self
                        .unclaimed
                        .as_ref()
                        .and_then(|u| u.name_of(i))
                        .unwrap_or_default();
                    let name = crate::inert::one_line(name);
                    let add = self.keys.key_for(Context::Article, &Action::Add);
                    self.say(match add {
                        Some(key) => {
                            format!("No actor claims \"{name}\" to follow: {key} adds it")
                        }
                        None => format!("No actor claims \"{name}\" to follow"),
                    });
                }
                _ => {
                    let (next, prev) = (
                        self.key(Context::Article, &Action::NextMention),
                        self.key(Context::Article, &Action::PrevMention),
                    );
                    self.say(format!(
                        "No mention under the cursor: {next} and {prev} move it"
                    ));
                }
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
                let link = self.details().link(self.details.cursor);
                match link {
                    Some(link) => self.follow_link(link),
                    None => self.say("Nothing to follow on this line"),
                }
            }
        }
    }

    /// `Enter` on mention `m` in the Article: follows its actor, the cursor on it.
    fn follow_mention_under_cursor(&mut self, m: usize) {
        let a = self.briefing.mentions.all()[m].actor as usize;
        self.jump();
        self.follow_listed_actor(a);
        self.article.cursor = Some(m);
        let name = self.briefing.sheet.actors[a].name.clone();
        let (next, prev) = (
            self.key(Context::Global, &Action::NextHit),
            self.key(Context::Global, &Action::PrevHit),
        );
        self.say(format!("Following {name}: {next}/{prev} walk its mentions"));
    }

    /// Records the current place before a jump.
    pub(super) fn jump(&mut self) {
        let here = self.location();
        self.history.push(here);
    }

    /// A kept search ends when a link is followed: `n`/`N` and the status bar then walk what
    /// was followed, not the older search.
    fn end_search(&mut self) {
        if !self.search.query.is_empty() {
            self.search = super::Search::default();
        }
    }

    /// Follows actor `a`, and selects it in the Actors list (clearing a filter that hides it)
    /// for the details to show.
    pub(super) fn follow_listed_actor(&mut self, a: usize) {
        self.end_search();
        self.followed = Followed::new(Target::Actor(a), &self.briefing);
        if !self.shown_actors().contains(&a) {
            self.actors.filter.clear();
        }
        self.actors.selected = Some(a);
        self.last_list = Pane::Actors;
        self.details = DetailsState::default();
        self.fit_lists();
    }

    /// Follows event `e`, and selects it in the Timeline (clearing a filter that hides it) for
    /// the details to show.
    pub(super) fn follow_listed_event(&mut self, e: usize) {
        self.end_search();
        self.followed = Followed::new(Target::Event(e), &self.briefing);
        if !self.shown_events().contains(&e) {
            self.events.filter.clear();
        }
        self.events.selected = Some(e);
        self.last_list = Pane::Timeline;
        self.details = DetailsState::default();
        self.fit_lists();
    }

    /// An actor: highlight its mentions and go to the next one from the reading position.
    pub(super) fn follow_actor(&mut self, a: usize) {
        let name = self.briefing.sheet.actors[a].name.clone();
        if self.briefing.mentions.count(a) == 0 {
            self.follow_listed_actor(a);
            // As `check` says it: where its spellings stand, when only omitted lines hold them.
            let hidden = crate::mentions::on_omitted_lines(
                &self.briefing.article,
                &self.briefing.sheet.actors,
            );
            match hidden.get(a).map(Vec::as_slice) {
                Some(lines @ [_, ..]) => self.say(format!(
                    "{name}: only on omitted line{} {} ({})",
                    crate::plural::s(lines.len()),
                    crate::briefing::numbers(lines),
                    if self.show_omitted {
                        "not counted while omit lists them".to_owned()
                    } else {
                        format!(
                            "{} shows them",
                            self.key(Context::Global, &Action::ToggleOmitted)
                        )
                    }
                )),
                _ => self.say(format!("{name} is never mentioned in the article")),
            }
            return;
        }
        self.jump();
        self.follow_listed_actor(a);
        if let Some((m, _)) = self.next_hit_from_reading(true) {
            self.put_cursor(m);
        }
        self.stay_in_the_list();
    }

    /// After following from a list: the focus stays in it, so that the next row can be tried
    /// at once, while the article is on screen beside it; alone on screen, the article takes
    /// the focus, to be seen.
    fn stay_in_the_list(&mut self) {
        if self.geometry().rect(Pane::Article).is_none() {
            self.set_focus(Pane::Article);
        }
    }

    /// An event: highlight its evidence and its actors' mentions, and go to the evidence.
    pub(super) fn follow_event(&mut self, e: usize) {
        self.jump();
        self.follow_listed_event(e);
        match self.followed.quote() {
            Some(quote) => {
                let (start, end) = (quote.range().start, quote.range().end);
                self.article.reveal(&self.briefing.article, start);
                // The cursor goes to the first mention of one of the event's actors inside the
                // evidence, or else to the first mention there at all.
                let index = &self.briefing.mentions;
                let inside =
                    index.first_from(start)..index.first_from(end).max(index.first_from(start));
                let actors = self.highlighted_actors();
                self.article.cursor = inside
                    .clone()
                    .find(|&m| actors.contains(&(index.all()[m].actor as usize)))
                    .or_else(|| inside.clone().next());
                self.stay_in_the_list();
            }
            None => self.say("This event quotes no evidence"),
        }
    }

    fn follow_link(&mut self, link: Link) {
        match link {
            Link::Actor(a) => {
                self.jump();
                self.follow_listed_actor(a);
            }
            Link::Event(e) => {
                self.jump();
                self.follow_listed_event(e);
            }
            Link::Mention(m) => {
                self.jump();
                let a = self.briefing.mentions.all()[m].actor as usize;
                self.end_search();
                if self.followed.target() != Target::Actor(a) {
                    self.followed = Followed::new(Target::Actor(a), &self.briefing);
                }
                self.put_cursor(m);
                self.set_focus(Pane::Article);
            }
            Link::Quote(quote) => {
                self.jump();
                self.followed.show_quote(quote);
                self.article
                    .reveal(&self.briefing.article, quote.range().start);
                self.set_focus(Pane::Article);
            }
        }
    }

    pub(super) fn mention_start(&self, m: usize) -> usize {
        self.briefing.mentions.all()[m].span.start as usize
    }

    /// Moves the cursor to mention `m` and scrolls it into view.
    pub(super) fn put_cursor(&mut self, m: usize) {
        self.article.cursor = Some(m);
        self.article.unclaimed = None;
        let at = self.mention_start(m);
        self.article.reveal(&self.briefing.article, at);
    }
}
