//! What the details pane shows, derived from the selection, so it can never disagree with it:
//! the selected actor or event, or the facts. Lines are wrapped for the pane's width; mention
//! lines stay a slice of the index and are drawn lazily, since an actor of a long document may
//! have thousands; the lines before them are stored by `App` until their inputs change
//! ([`Built`]). An actor in more than [`WRAPPED_EVENTS`] events lists them one line each, each
//! line made when drawn ([`Head::events`]): wrapping 100,000 event titles took 57 ms, on the key
//! that selected the actor.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::Action;
use super::keys::{Context, KeyTable};
use crate::briefing::Briefing;
use crate::inert::one_line;
use crate::span::Span;

/// Whose details are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    Actor(usize),
    Event(usize),
    Facts,
    /// What the fact sheet says about the article.
    About,
    Nothing,
}

/// Where a details line leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    Actor(usize),
    Event(usize),
    /// A mention, by index in the mention index.
    Mention(usize),
    /// Quoted evidence, as a byte range of the article.
    Quote(Span),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Title,
    Heading,
    Text,
    Muted,
    /// Something the article lacks: a spelling never found in it.
    Missing,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// A short label before the text ("Role"), or empty.
    pub label: &'static str,
    pub text: String,
    pub tone: Tone,
    pub link: Option<Link>,
    /// The line goes on with the link of the line before (a link wrapped onto several lines
    /// is one entry: the cursor moves by entry).
    pub continued: bool,
}

/// The details of one subject: wrapped lines, then [`Details::per_mention`] lines per mention.
pub struct Details<'a> {
    pub subject: Subject,
    /// The lines before the mentions: built for this drawing, or those `App` stored
    /// ([`Built`]); the events listed one line each go between them ([`Details::line`]).
    pub head: Cow<'a, [Line]>,
    /// An actor's events listed one line each, made when drawn, from line `events_at` of the
    /// Details (empty unless the actor has more than [`WRAPPED_EVENTS`]).
    pub events: Cow<'a, [u32]>,
    pub events_at: usize,
    briefing: &'a Briefing,
    pub mentions: &'a [u32],
    /// The lines each mention's keyword-in-context takes: more in a narrow pane, so that the
    /// mention has about as much context around it as in a wide one ([`mention_lines`]).
    pub per_mention: usize,
}

/// The columns of context a mention's line aims at, around the mention: as much as a row of a
/// wide pane gives.
const MENTION_CONTEXT: usize = 72;

/// The lines a mention's keyword-in-context takes in a pane `width` columns wide (its label,
/// `→ L12 `, before the text on each): one from 80 columns, up to three in a narrow pane.
#[must_use]
pub fn mention_lines(width: usize) -> usize {
    let row = width.saturating_sub(MENTION_LABEL).max(1);
    MENTION_CONTEXT.div_ceil(row).clamp(1, 3)
}

/// About the columns of a mention line's label (`→ L12 `).
const MENTION_LABEL: usize = 6;

impl Details<'_> {
    #[must_use]
    pub fn len(&self) -> usize {
        self.head_len() + self.mentions.len() * self.per_mention
    }

    /// The lines before the mentions: the head's and the events listed one line each.
    #[must_use]
    pub fn head_len(&self) -> usize {
        self.head.len() + self.events.len()
    }

    /// Line `i`, if it is before the mentions (an event listed one line each is made here).
    #[must_use]
    pub fn line(&self, i: usize) -> Option<Cow<'_, Line>> {
        match self.listed(i) {
            Ok(e) => Some(Cow::Owned(event_line(self.briefing, e))),
            Err(Some(n)) => self.head.get(n).map(Cow::Borrowed),
            Err(None) => None,
        }
    }

    /// The event listed on line `i` (`Ok`), or else the head line it is (`Err`, `None` past
    /// the head).
    fn listed(&self, i: usize) -> Result<usize, Option<usize>> {
        match i.checked_sub(self.events_at) {
            None => Err(Some(i)),
            Some(k) if k < self.events.len() => Ok(self.events[k] as usize),
            Some(_) => {
                let n = i - self.events.len();
                Err((n < self.head.len()).then_some(n))
            }
        }
    }

    /// The link of line `i` before the mentions and whether it goes on from the line before,
    /// if the line is there.
    fn head_link(&self, i: usize) -> Option<(Option<Link>, bool)> {
        match self.listed(i) {
            Ok(e) => Some((Some(Link::Event(e)), false)),
            Err(n) => n.map(|n| (self.head[n].link, self.head[n].continued)),
        }
    }

    /// The mention line `i` shows (its index in [`Details::mentions`]) and which of its lines
    /// it is, for a line after the head.
    #[must_use]
    pub fn mention_at(&self, i: usize) -> Option<(usize, usize)> {
        let k = i.checked_sub(self.head_len())?;
        let per = self.per_mention.max(1);
        (k / per < self.mentions.len()).then_some((k / per, k % per))
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether line `i` begins an entry: a link wrapped onto several lines is one entry, every
    /// other line is one of its own.
    #[must_use]
    pub fn starts(&self, i: usize) -> bool {
        match self.head_link(i) {
            Some((_, continued)) => !continued,
            None => self.mention_at(i).is_none_or(|(_, part)| part == 0),
        }
    }

    /// The lines of the entry that line `i` is part of.
    #[must_use]
    pub fn entry(&self, i: usize) -> std::ops::Range<usize> {
        let i = i.min(self.len().saturating_sub(1));
        let start = (0..=i).rev().find(|&n| self.starts(n)).unwrap_or(0);
        let end = (i + 1..self.len())
            .find(|&n| self.starts(n))
            .unwrap_or(self.len());
        start..end.max(start)
    }

    /// The first line that is a link (marked `→`), if any is.
    #[must_use]
    pub fn first_link(&self) -> Option<usize> {
        (0..self.head_len())
            .find(|&i| self.head_link(i).is_some_and(|(link, _)| link.is_some()))
            .or_else(|| (!self.mentions.is_empty()).then_some(self.head_len()))
    }

    /// The link of line `i`, if it has one.
    #[must_use]
    pub fn link(&self, i: usize) -> Option<Link> {
        match self.head_link(i) {
            Some((link, _)) => link,
            None => self
                .mention_at(i)
                .map(|(k, _)| Link::Mention(self.mentions[k] as usize)),
        }
    }
}

/// The details of `subject`, wrapped to `width` columns; with nothing selected, what to press
/// (the keys of `keys`).
#[must_use]
pub fn details<'a>(
    b: &'a Briefing,
    keys: &KeyTable,
    subject: Subject,
    width: usize,
) -> Details<'a> {
    with_head(
        b,
        subject,
        width,
        Cow::Owned(head(b, keys, subject, width, None)),
    )
}

/// The details of `subject` at `width` whose head is `head` (built by [`head`]).
#[must_use]
pub fn with_head<'a>(
    b: &'a Briefing,
    subject: Subject,
    width: usize,
    head: Cow<'a, Head>,
) -> Details<'a> {
    let mentions: &[u32] = match subject {
        Subject::Actor(a) => b.mentions.of_actor(a),
        _ => &[],
    };
    let (lines, events, events_at) = match head {
        Cow::Borrowed(h) => (
            Cow::Borrowed(h.lines.as_slice()),
            Cow::Borrowed(h.events.as_slice()),
            h.events_at,
        ),
        Cow::Owned(h) => (Cow::Owned(h.lines), Cow::Owned(h.events), h.events_at),
    };
    Details {
        subject,
        head: lines,
        events,
        events_at,
        briefing: b,
        mentions,
        per_mention: mention_lines(width),
    }
}

/// An actor in more events than this lists them one line each, cut to the pane (the title
/// whole in the event's own Details), each line made when drawn; in as many or fewer, each
/// wraps.
pub const WRAPPED_EVENTS: usize = 1000;

/// The Details before the mentions, as built: wrapped lines, and where an actor in more than
/// [`WRAPPED_EVENTS`] events has them listed one line each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Head {
    pub lines: Vec<Line>,
    /// The events listed one line each, from line `events_at` (before `lines[events_at]`).
    pub events: Vec<u32>,
    pub events_at: usize,
}

/// An event as listed one line each: its date and title, a link to it.
fn event_line(b: &Briefing, e: usize) -> Line {
    let text = b
        .sheet
        .events
        .get(e)
        .map(|ev| one_line(&format!("{}  {}", ev.when(), ev.title)))
        .unwrap_or_default();
    Line {
        label: "",
        text,
        tone: Tone::Text,
        link: Some(Link::Event(e)),
        continued: false,
    }
}

/// The lines of the details of `subject` before its mentions, wrapped to `width` columns; an
/// actor's events and members from `links` when given, else found by scanning the fact sheet
/// (the same lists: [`Links`]).
#[must_use]
pub fn head(
    b: &Briefing,
    keys: &KeyTable,
    subject: Subject,
    width: usize,
    links: Option<&Links>,
) -> Head {
    let mut d = Builder::new(width);
    match subject {
        Subject::Actor(a) => actor(b, a, links, &mut d),
        Subject::Event(e) => event(b, e, &mut d),
        Subject::Facts => facts(b, &mut d),
        Subject::About => about(b, &mut d),
        Subject::Nothing => d.text(
            "",
            &format!(
                "Select an actor or an event: {} to a list, {}/{} to move. Press {} for the facts.",
                keys.label(Context::Global, &Action::FocusNext),
                keys.label(Context::Panes, &Action::Down),
                keys.label(Context::Panes, &Action::Up),
                keys.label(Context::Global, &Action::ShowFacts),
            ),
            Tone::Muted,
        ),
    }
    Head {
        lines: d.lines,
        events: d.events,
        events_at: d.events_at,
    }
}

/// Each actor's events and members (the actors whose affiliation it is), in fact-sheet order:
/// what `Briefing::events_of` and `members_of` give, found for every actor in one pass. A
/// stored derived value (`App` keeps it per briefing): those scan every event and every actor,
/// 3 ms an actor at 100,000 of each, on every key that selects another actor (issue 16).
#[derive(Debug, Default)]
pub struct Links {
    events: Vec<Vec<u32>>,
    members: Vec<Vec<u32>>,
}

impl Links {
    #[must_use]
    pub fn of(b: &Briefing) -> Self {
        let n = b.sheet.actors.len();
        let (mut events, mut members) = (vec![Vec::new(); n], vec![Vec::new(); n]);
        for (e, ev) in b.sheet.events.iter().enumerate() {
            let e = u32::try_from(e).unwrap_or(u32::MAX);
            for a in ev.actors.iter().filter_map(|id| b.actor_index(id)) {
                let list: &mut Vec<u32> = &mut events[a];
                // An event naming an actor twice is one of its events (events come in order:
                // a repeat is the last one pushed).
                if list.last() != Some(&e) {
                    list.push(e);
                }
            }
        }
        for (m, actor) in b.sheet.actors.iter().enumerate() {
            if let Some(aff) = actor
                .affiliation
                .as_deref()
                .and_then(|id| b.actor_index(id))
            {
                members[aff].push(u32::try_from(m).unwrap_or(u32::MAX));
            }
        }
        Self { events, members }
    }

    fn events(&self, actor: usize) -> impl Iterator<Item = usize> + '_ {
        self.events
            .get(actor)
            .into_iter()
            .flatten()
            .map(|&e| e as usize)
    }

    fn members(&self, actor: usize) -> impl Iterator<Item = usize> + '_ {
        self.members
            .get(actor)
            .into_iter()
            .flatten()
            .map(|&m| m as usize)
    }
}

/// What the head lines were built for: the subject, the width, the briefing's generation.
pub type BuiltKey = (Subject, usize, u64);

/// The head lines of the Details as last built, with what they were built for: a **stored
/// derived value** (ARCHITECTURE.md, "Invariants"), kept because an actor named by 100,000
/// events took 300–400 ms to build per frame (issue 16). `App::update` builds them again when
/// the subject, the pane's width or the briefing changes; until it has, `App::details` builds
/// them afresh rather than use stale ones.
#[derive(Debug, Default)]
pub struct Built {
    key: Option<BuiltKey>,
    head: Head,
}

impl Built {
    /// The head lines, if they were built for `key`.
    #[must_use]
    pub fn get(&self, key: BuiltKey) -> Option<&Head> {
        (self.key == Some(key)).then_some(&self.head)
    }

    /// Builds the head lines again with `build` unless they were built for `key`.
    pub fn refresh(&mut self, key: BuiltKey, build: impl FnOnce() -> Head) {
        if self.key != Some(key) {
            self.head = build();
            self.key = Some(key);
        }
    }

    /// Forgets the lines (the key table changed: the hint of an empty pane names keys).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

fn actor(b: &Briefing, n: usize, links: Option<&Links>, d: &mut Builder) {
    let Some(a) = b.sheet.actors.get(n) else {
        return;
    };
    d.text("", &a.name, Tone::Title);
    let count = b.mentions.count(n);
    d.text(
        "",
        &format!("{} · {}", a.kind, crate::plural::count(count, "mention")),
        Tone::Muted,
    );
    if let Some(role) = &a.role {
        d.text("Role", role, Tone::Text);
    }
    if let Some(aff) = a.affiliation.as_deref().and_then(|id| b.actor_index(id)) {
        d.link("Part of", &b.sheet.actors[aff].name, Link::Actor(aff));
    }
    if let Some(note) = &a.note {
        d.text("Note", note, Tone::Text);
    }
    let spellings = spelling_counts(b, n);
    d.heading(&format!("Spellings ({})", spellings.len()));
    for (spelling, found) in spellings {
        if found == 0 {
            d.text(
                "",
                &format!("{spelling} · 0 — never found in the text"),
                Tone::Missing,
            );
        } else {
            let line = format!("{spelling} · {}", crate::plural::count(found, "mention"));
            d.text("", &line, Tone::Text);
        }
    }
    let members: Vec<usize> = match links {
        Some(index) => index.members(n).collect(),
        None => b.members_of(n).collect(),
    };
    if !members.is_empty() {
        d.heading(&format!("Includes ({})", members.len()));
        for m in members {
            d.link("", &b.sheet.actors[m].name, Link::Actor(m));
        }
    }
    let events: Vec<usize> = match links {
        Some(index) => index.events(n).collect(),
        None => b.events_of(n).collect(),
    };
    if !events.is_empty() {
        d.heading(&format!("Events ({})", events.len()));
        if events.len() > WRAPPED_EVENTS {
            d.events_at = d.lines.len();
            d.events = events
                .into_iter()
                .map(|e| u32::try_from(e).unwrap_or(u32::MAX))
                .collect();
        } else {
            for e in events {
                let ev = &b.sheet.events[e];
                d.link("", &format!("{}  {}", ev.when(), ev.title), Link::Event(e));
            }
        }
    }
    let facts: Vec<usize> = b.facts_of(n).collect();
    if !facts.is_empty() {
        d.heading(&format!("Facts attributed ({})", facts.len()));
        for f in facts {
            fact_line(b, f, false, d);
        }
    }
    d.heading(&format!("Mentions ({count})"));
}

/// Actor `n`'s spellings (its name, then its aliases), each with how many of its mentions
/// matched it. The mention index keeps no record of the spelling a mention matched: each
/// mention's text is folded and matched against the actor's spellings by the index's own rules
/// (folding, a lowercase first letter also capitalised, whole words), so a mention joined from
/// two (`NAME (ALIAS)`, rule 9) counts for both. Derived when drawn: an actor's mentions only.
#[must_use]
pub fn spelling_counts(b: &Briefing, n: usize) -> Vec<(String, usize)> {
    let Some(a) = b.sheet.actors.get(n) else {
        return Vec::new();
    };
    let spellings: Vec<&String> = std::iter::once(&a.name).chain(&a.aliases).collect();
    // Each spelling folded, and its capitalised variant, both counted for the spelling.
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    for (i, s) in spellings.iter().enumerate() {
        let folded = crate::fold::fold(s);
        if let Some(variant) = crate::mentions::capitalised(&folded) {
            patterns.push(variant);
            owner.push(i);
        }
        patterns.push(folded);
        owner.push(i);
    }
    let mut counts = vec![0; spellings.len()];
    let text = b.article.text();
    for &m in b.mentions.of_actor(n) {
        let Some(mention) = b.mentions.all().get(m as usize) else {
            continue;
        };
        let folded = crate::fold::fold(&text[mention.span.range()]);
        let mut seen = vec![false; spellings.len()];
        // Most mentions are one spelling as written; only one joined from several (rule 9) is
        // searched.
        match patterns.iter().position(|p| *p == folded) {
            Some(p) => seen[owner[p]] = true,
            None => {
                for (_, p) in crate::mentions::find(&folded, &patterns) {
                    seen[owner[p]] = true;
                }
            }
        }
        for (c, s) in counts.iter_mut().zip(seen) {
            *c += usize::from(s);
        }
    }
    spellings.into_iter().cloned().zip(counts).collect()
}

fn event(b: &Briefing, n: usize, out: &mut Builder) {
    let Some(ev) = b.sheet.events.get(n) else {
        return;
    };
    out.text("", &ev.title, Tone::Title);
    let mut when_line = ev.when();
    if let Some(end) = ev.end {
        let days = end.last_day() - ev.date.first_day() + 1;
        let _ = write!(when_line, " · {days} days");
    }
    if ev.approximate {
        when_line.push_str(" · approximate");
    }
    out.text("", &when_line, Tone::Muted);
    match b.event_evidence.get(n).copied().flatten() {
        Some(quote) => {
            let line = b.article.line_of(quote.span.start as usize);
            let words = &b.article.text()[quote.span.range()];
            out.link(
                "Evidence",
                &format!("line {line}: {}", super::copy::quoted(&one_line(words))),
                Link::Quote(quote.span),
            );
        }
        None => out.text("Evidence", "none quoted", Tone::Muted),
    }
    if let Some(note) = &ev.note {
        out.text("Note", note, Tone::Text);
    }
    let actors: Vec<usize> = ev
        .actors
        .iter()
        .filter_map(|id| b.actor_index(id))
        .collect();
    if !actors.is_empty() {
        out.heading(&format!("Actors ({})", actors.len()));
        for a in actors {
            out.link("", &b.sheet.actors[a].name, Link::Actor(a));
        }
    }
}

fn facts(b: &Briefing, d: &mut Builder) {
    facts_before(b, b.sheet.facts.len(), d);
}

/// The facts' Details up to fact `upto` (not included).
fn facts_before(b: &Briefing, upto: usize, d: &mut Builder) {
    d.text("", "Facts", Tone::Title);
    if b.sheet.facts.is_empty() {
        d.text("", "The fact sheet lists no facts.", Tone::Muted);
    }
    for f in 0..upto.min(b.sheet.facts.len()) {
        fact_line(b, f, true, d);
    }
}

/// The line the facts' Details, `width` columns wide, show fact `f` from: as many as the lines
/// before it take.
#[must_use]
pub fn fact_at(b: &Briefing, f: usize, width: usize) -> usize {
    let mut d = Builder::new(width);
    facts_before(b, f, &mut d);
    d.lines.len()
}

/// The briefing's title, source, url, publication date and summary (which the header has no
/// room for in most terminals), the article's path and size, and the counts.
fn about(b: &Briefing, d: &mut Builder) {
    let meta = &b.sheet.briefing;
    d.text("", &meta.title, Tone::Title);
    let none = |d: &mut Builder, label, what| d.text(label, what, Tone::Muted);
    match &meta.source {
        Some(source) => d.text("Source", source, Tone::Text),
        None => none(d, "Source", "not given"),
    }
    match &meta.url {
        Some(url) => d.text("URL", url, Tone::Text),
        None => none(d, "URL", "not given"),
    }
    match meta.published {
        Some(date) => d.text("Published", &date.to_string(), Tone::Text),
        None => none(d, "Published", "not given"),
    }
    let text = b.article.text();
    d.text(
        "Article",
        &format!(
            "{} · {} · {}",
            meta.article,
            crate::export::output::human_size(text.len() as u64),
            crate::plural::count(b.article.line_count(), "line"),
        ),
        Tone::Text,
    );
    d.text("Fact sheet", &b.sheet_path, Tone::Text);
    d.text(
        "Counts",
        &[
            crate::plural::count(b.sheet.actors.len(), "actor"),
            crate::plural::count(b.sheet.events.len(), "event"),
            crate::plural::count(b.sheet.facts.len(), "fact"),
            crate::plural::count(b.mentions.all().len(), "mention"),
        ]
        .join(" · "),
        Tone::Text,
    );
    d.heading("Summary");
    match &meta.summary {
        Some(summary) => d.text("", summary, Tone::Text),
        None => d.text("", "The fact sheet has no summary.", Tone::Muted),
    }
}

fn fact_line(b: &Briefing, f: usize, with_source: bool, d: &mut Builder) {
    let fact = &b.sheet.facts[f];
    let mut text = format!("{}: {}", fact.label, fact.value);
    if with_source && let Some(src) = fact.source.as_deref().and_then(|id| b.actor_index(id)) {
        let _ = write!(text, " (per {})", b.sheet.actors[src].name);
    }
    match b.fact_evidence.get(f).copied().flatten() {
        Some(q) => d.link("", &text, Link::Quote(q.span)),
        None => d.text("", &text, Tone::Text),
    }
    if with_source && let Some(note) = &fact.note {
        d.text("Note", note, Tone::Muted);
    }
}

struct Builder {
    lines: Vec<Line>,
    width: usize,
    /// An actor's events listed one line each, and where ([`Head`]).
    events: Vec<u32>,
    events_at: usize,
}

impl Builder {
    fn new(width: usize) -> Self {
        Self {
            lines: Vec::new(),
            width: width.max(8),
            events: Vec::new(),
            events_at: 0,
        }
    }

    /// A text, wrapped; the label goes on the first line, continuations are indented.
    fn text(&mut self, label: &'static str, text: &str, tone: Tone) {
        self.wrapped(label, text, tone, None);
    }

    fn heading(&mut self, text: &str) {
        self.lines.push(Line {
            label: "",
            text: String::new(),
            tone: Tone::Text,
            link: None,
            continued: false,
        });
        self.wrapped("", text, Tone::Heading, None);
    }

    /// A link, wrapped: its lines are one entry.
    fn link(&mut self, label: &'static str, text: &str, link: Link) {
        self.wrapped(label, text, Tone::Text, Some(link));
    }

    fn wrapped(&mut self, label: &'static str, text: &str, tone: Tone, link: Option<Link>) {
        let indent = if label.is_empty() { 0 } else { label.len() + 2 };
        // The view draws a link's arrow (two columns) before its text.
        let arrow = if link.is_some() { 2 } else { 0 };
        let width = self.width.saturating_sub(indent + arrow).max(4);
        let text = one_line(text);
        for (i, part) in textwrap::wrap(&text, width).into_iter().enumerate() {
            self.lines.push(Line {
                label: if i == 0 { label } else { "" },
                text: if i == 0 || indent == 0 {
                    part.into_owned()
                } else {
                    format!("{:indent$}{part}", "")
                },
                tone,
                link,
                continued: i > 0 && link.is_some(),
            });
        }
    }
}
