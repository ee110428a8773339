//! The curation dialog: `a` adds the picked name as a new actor or as an alias of one, `E`
//! makes the picked sentence the evidence of a new event or of an event or fact that has
//! none. The dialog only gathers the change; `App` hands it to the fact sheet's editor
//! ([`crate::edit`]), which checks it and writes it, or refuses it with the reasons the dialog
//! then shows.

use std::collections::HashSet;
use std::ops::Range;

use super::App;
use super::action::Action;
use super::keys::Context;
use super::list;
use super::text_field::TextField;
use crate::briefing::Briefing;
use crate::edit::{self, Change, EditError, EvidenceTarget, NewActor, NewEvent};
use crate::plural::count;
use crate::sheet::ActorKind;

/// What the dialog adds, one of two for each key: the first is what `a` or `E` opens on
/// unless a guess prefers the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    NewActor,
    AliasOf,
    NewEvent,
    EvidenceFor,
}

impl Choice {
    /// The other choice of the same key.
    #[must_use]
    pub fn other(self) -> Self {
        match self {
            Self::NewActor => Self::AliasOf,
            Self::AliasOf => Self::NewActor,
            Self::NewEvent => Self::EvidenceFor,
            Self::EvidenceFor => Self::NewEvent,
        }
    }

    /// How the dialog's first row names it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::NewActor => "new actor",
            Self::AliasOf => "alias of an actor",
            Self::NewEvent => "new event",
            Self::EvidenceFor => "evidence of an event or fact",
        }
    }

    /// The fields after the first row (the choice), as the dialog labels them.
    #[must_use]
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Self::NewActor => &["name", "id", "kind", "role"],
            Self::NewEvent => &["date", "title", "id", "actors"],
            Self::AliasOf | Self::EvidenceFor => &["find"],
        }
    }

    fn lists(self) -> bool {
        matches!(self, Self::AliasOf | Self::EvidenceFor)
    }
}

/// The fields of a new actor. The id follows the name until the user edits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorForm {
    pub name: TextField,
    pub id: TextField,
    id_follows: bool,
    pub kind: ActorKind,
    pub role: TextField,
}

/// The fields of a new event. The id follows the title until the user edits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventForm {
    pub date: TextField,
    pub title: TextField,
    pub id: TextField,
    id_follows: bool,
    /// Actor ids, separated by commas or spaces.
    pub actors: TextField,
    /// The date was read in the sentence (else it is a placeholder to correct).
    pub dated: bool,
    /// The date is approximate ("next week"), or a placeholder.
    pub approximate: bool,
}

/// A list to choose from, filtered by what is typed: the actors (for an alias), or the events
/// and facts without evidence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chooser {
    pub filter: TextField,
    /// The item chosen, by what it stands for (not by row: a reload underneath may add rows
    /// above it); none chosen is the first row.
    pub chosen: Option<Target>,
}

/// One row of a chooser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub target: Target,
}

/// What a chooser's row stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// An actor, by index in the sheet.
    Actor(usize),
    Evidence(EvidenceTarget),
}

/// The dialog `a` or `E` opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurateDialog {
    /// The words picked in the article: the name, or the quote that becomes evidence.
    pub words: String,
    /// Where they stand in the article.
    pub span: Range<usize>,
    pub choice: Choice,
    /// The focused row: 0 is the choice, then the choice's fields.
    pub focus: usize,
    /// Both forms of the key are kept, so switching back and forth loses nothing typed.
    pub actor: ActorForm,
    pub event: EventForm,
    pub chooser: Chooser,
    /// Why the last Enter changed nothing, one reason a line.
    pub problem: Vec<String>,
    /// What the reader knows of the words picked ("a mention of NATO already").
    pub note: Option<String>,
    /// The actor the words look like another spelling of: listed first for an alias.
    kin: Option<usize>,
    /// The actors sharing a word with the words: listed next ([`sharing_a_word`]). A stored
    /// derived value, found once when the dialog opens: the words do not change, and the
    /// chooser's rows are made every frame (over 100,000 actors, each spelling folded).
    sharing: HashSet<usize>,
}

/// What a key leaves of the dialog.
pub enum Answer {
    Stays,
    Closes,
    /// Enter: write this change.
    Commit(Change),
}

impl CurateDialog {
    /// `a` on `words` at `span`: a new actor named so, or an alias of the actor whose name
    /// shares a word with them (then that choice comes first, with the actor chosen).
    #[must_use]
    pub fn add(b: &Briefing, words: &str, span: Range<usize>) -> Self {
        let proposed = edit::propose_actor(b, words);
        let kin = kin_actor(b, words);
        let mut dialog = Self {
            words: words.to_owned(),
            span,
            choice: if kin.is_some() {
                Choice::AliasOf
            } else {
                Choice::NewActor
            },
            focus: 1,
            actor: ActorForm {
                name: TextField::new(proposed.name),
                id: TextField::new(proposed.id),
                id_follows: true,
                kind: proposed.kind,
                role: TextField::new(proposed.role.unwrap_or_default()),
            },
            event: empty_event(),
            chooser: Chooser::default(),
            problem: Vec::new(),
            note: None,
            kin: None,
            sharing: sharing_a_word(b, words),
        };
        dialog.kin = kin;
        dialog.chooser.chosen = kin.map(Target::Actor);
        dialog
    }

    /// `E` on the sentence (or selection) at `span`: a new event resting on it, prefilled
    /// from it, or, when the sheet has events or facts without evidence, either.
    #[must_use]
    pub fn evidence(b: &Briefing, span: Range<usize>) -> Self {
        let proposed = edit::propose_event(b, span.clone());
        Self {
            words: proposed.evidence.clone(),
            span,
            choice: Choice::NewEvent,
            focus: 1,
            actor: empty_actor(),
            event: EventForm {
                date: TextField::new(proposed.date),
                // A title cut short reads as one without the mark of the cut.
                title: TextField::new(proposed.title.trim_end_matches('…').trim_end()),
                id: TextField::new(proposed.id),
                id_follows: true,
                actors: TextField::new(proposed.actors.join(", ")),
                dated: proposed.dated,
                approximate: proposed.approximate,
            },
            chooser: Chooser::default(),
            problem: Vec::new(),
            note: None,
            kin: None,
            sharing: HashSet::new(),
        }
    }

    /// A new actor named otherwise than the words picked keeps them as an alias, so that they
    /// are a mention of it.
    #[must_use]
    pub fn keeps_words_as_alias(&self) -> bool {
        crate::fold::fold(self.words.trim()) != crate::fold::fold(self.actor.name.trim())
    }

    /// The rows of the focused field after the choice: `None` on the choice itself.
    #[must_use]
    pub fn field(&self) -> Option<&'static str> {
        self.focus
            .checked_sub(1)
            .and_then(|i| self.choice.fields().get(i).copied())
    }

    /// Where the chosen item stands among `rows`: the first row when it is not among them.
    #[must_use]
    pub fn chosen_row(&self, rows: &[Row]) -> usize {
        self.chooser
            .chosen
            .as_ref()
            .and_then(|t| rows.iter().position(|r| r.target == *t))
            .unwrap_or(0)
    }

    /// The chooser's rows the filter lets through, for the current choice (none for a form):
    /// with nothing typed, an actor the words look like another spelling of comes first.
    #[must_use]
    pub fn rows(&self, b: &Briefing) -> Vec<Row> {
        let needle = self.chooser.filter.to_lowercase();
        match self.choice {
            Choice::AliasOf => by_relevance(
                &needle,
                self.kin,
                &self.sharing,
                (0..b.sheet.actors.len())
                    .filter(|&a| {
                        let fields: Vec<&str> = list::actor_fields(&b.sheet.actors[a])
                            .into_iter()
                            .map(|(_, text)| text)
                            .collect();
                        list::matches_filter(needle.trim(), &fields)
                    })
                    .map(|a| {
                        let actor = &b.sheet.actors[a];
                        Row {
                            label: format!(
                                "{} ({}, {})",
                                actor.name,
                                actor.id,
                                actor.kind.as_str()
                            ),
                            target: Target::Actor(a),
                        }
                    })
                    .collect(),
            ),
            Choice::EvidenceFor => edit::unquoted(b)
                .into_iter()
                .map(|u| {
                    let label = match &u.target {
                        EvidenceTarget::Event(id) => format!("event: {} ({id})", u.label),
                        EvidenceTarget::Fact(_) => format!("fact: {}", u.label),
                    };
                    (label, u.target)
                })
                .filter(|(label, _)| list::matches_filter(needle.trim(), &[label.as_str()]))
                .map(|(label, target)| Row {
                    label,
                    target: Target::Evidence(target),
                })
                .collect(),
            Choice::NewActor | Choice::NewEvent => Vec::new(),
        }
    }

    /// The text field with the focus, if the focused row is one.
    fn text_field(&mut self) -> Option<&mut TextField> {
        match (self.choice, self.field()?) {
            (Choice::NewActor, "name") => Some(&mut self.actor.name),
            (Choice::NewActor, "id") => Some(&mut self.actor.id),
            (Choice::NewActor, "role") => Some(&mut self.actor.role),
            (Choice::NewEvent, "date") => Some(&mut self.event.date),
            (Choice::NewEvent, "title") => Some(&mut self.event.title),
            (Choice::NewEvent, "id") => Some(&mut self.event.id),
            (Choice::NewEvent, "actors") => Some(&mut self.event.actors),
            (Choice::AliasOf | Choice::EvidenceFor, "find") => Some(&mut self.chooser.filter),
            _ => None,
        }
    }

    /// A key while the dialog is open.
    pub fn answer(&mut self, action: &Action, b: &Briefing) -> Answer {
        let rows = self.choice.fields().len() + 1;
        match action {
            Action::Cancel => return Answer::Closes,
            Action::Submit => return self.submit(b),
            Action::Down | Action::Up if self.choice.lists() && self.focus > 0 => {
                let rows = self.rows(b);
                let at = self.chosen_row(&rows);
                let to = if *action == Action::Down {
                    (at + 1).min(rows.len().saturating_sub(1))
                } else {
                    at.saturating_sub(1)
                };
                self.chooser.chosen = rows.get(to).map(|r| r.target.clone());
            }
            Action::Down | Action::NextOption => self.focus = (self.focus + 1) % rows,
            Action::Up | Action::PrevOption => self.focus = (self.focus + rows - 1) % rows,
            Action::CursorLeft | Action::CursorRight | Action::Type(' ') if self.focus == 0 => {
                self.switch();
            }
            Action::CursorLeft | Action::CursorRight | Action::Type(' ')
                if self.field() == Some("kind") =>
            {
                let all = ActorKind::ALL;
                let i = all.iter().position(|&k| k == self.actor.kind).unwrap_or(0);
                let step = if *action == Action::CursorLeft {
                    all.len() - 1
                } else {
                    1
                };
                self.actor.kind = all[(i + step) % all.len()];
            }
            // Typing on the choice types into the first field.
            Action::Type(_) | Action::Paste(_) if self.focus == 0 => {
                self.focus = 1;
                self.edit(action, b);
            }
            _ => self.edit(action, b),
        }
        Answer::Stays
    }

    /// Switches to the other choice of the key, the focus on its first field.
    fn switch(&mut self) {
        self.choice = self.choice.other();
        self.focus = 0;
        self.problem.clear();
    }

    /// An editing key in the focused text field; the id follows the name or the title until
    /// it is edited itself.
    fn edit(&mut self, action: &Action, b: &Briefing) {
        let field = self.field();
        let Some(text) = self.text_field() else {
            return;
        };
        if !text.apply(action) {
            return;
        }
        self.problem.clear();
        match (self.choice, field) {
            (Choice::NewActor, Some("id")) => self.actor.id_follows = false,
            (Choice::NewActor, Some("name")) if self.actor.id_follows => {
                let id = edit::actor_id(b, self.actor.name.as_str());
                self.actor.id.set(id);
            }
            (Choice::NewEvent, Some("id")) => self.event.id_follows = false,
            (Choice::NewEvent, Some("title")) if self.event.id_follows => {
                let id = edit::event_id(b, self.event.title.as_str());
                self.event.id.set(id);
            }
            (Choice::NewEvent, Some("date")) => {
                // A date typed is the curator's: no longer the guess of an undated sentence.
                self.event.dated = true;
                self.event.approximate = false;
            }
            (Choice::AliasOf | Choice::EvidenceFor, _) => self.chooser.chosen = None,
            _ => {}
        }
    }

    /// Enter: the change the fields describe, or why there is none yet.
    fn submit(&mut self, b: &Briefing) -> Answer {
        self.problem.clear();
        let change = match self.choice {
            Choice::NewActor => {
                let name = self.actor.name.trim();
                let id = self.actor.id.trim();
                if name.is_empty() || id.is_empty() {
                    self.problem
                        .push("A new actor needs a name and an id".into());
                    return Answer::Stays;
                }
                let role = self.actor.role.trim();
                // The words picked become a mention of the new actor: an alias when the name
                // was written otherwise.
                let aliases = if self.keeps_words_as_alias() {
                    vec![self.words.trim().to_owned()]
                } else {
                    Vec::new()
                };
                Change::NewActor(NewActor {
                    id: id.to_owned(),
                    name: name.to_owned(),
                    kind: self.actor.kind,
                    role: (!role.is_empty()).then(|| role.to_owned()),
                    aliases,
                })
            }
            Choice::NewEvent => {
                let (date, title, id) = (
                    self.event.date.trim(),
                    self.event.title.trim(),
                    self.event.id.trim(),
                );
                if date.is_empty() || title.is_empty() || id.is_empty() {
                    self.problem
                        .push("A new event needs a date, a title and an id".into());
                    return Answer::Stays;
                }
                let actors = self
                    .event
                    .actors
                    .split([',', ' '])
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                Change::NewEvent(NewEvent {
                    id: id.to_owned(),
                    date: date.to_owned(),
                    title: title.to_owned(),
                    actors,
                    evidence: self.words.clone(),
                    dated: self.event.dated,
                    approximate: self.event.approximate,
                })
            }
            Choice::AliasOf | Choice::EvidenceFor => {
                let rows = self.rows(b);
                let Some(row) = rows.get(self.chosen_row(&rows)) else {
                    self.problem.push(
                        match (self.chooser.filter.trim().is_empty(), self.choice) {
                            (false, _) => "Nothing to choose: nothing matches what is typed",
                            (true, Choice::AliasOf) => "Nothing to choose: the sheet has no actor",
                            (true, _) => "Nothing to choose: every event and fact has evidence",
                        }
                        .into(),
                    );
                    return Answer::Stays;
                };
                match &row.target {
                    Target::Actor(a) => Change::Alias {
                        actor: b.sheet.actors[*a].id.clone(),
                        alias: self.words.clone(),
                    },
                    Target::Evidence(target) => Change::Evidence {
                        target: target.clone(),
                        evidence: self.words.clone(),
                    },
                }
            }
        };
        Answer::Commit(change)
    }
}

/// `rows` with those whose label starts with what is typed first, then those where a word
/// does, then the rest, each group in the order it came; with nothing typed, the kin actor
/// first, then the actors `sharing` a word with the words picked.
fn by_relevance(
    needle: &str,
    kin: Option<usize>,
    sharing: &HashSet<usize>,
    mut rows: Vec<Row>,
) -> Vec<Row> {
    let needle = needle.trim();
    if needle.is_empty() {
        rows.sort_by_key(|r| match r.target {
            Target::Actor(a) if Some(a) == kin => 0,
            Target::Actor(a) if sharing.contains(&a) => 1,
            _ => 2,
        });
    } else {
        rows.sort_by_key(|r| {
            let label = r.label.to_lowercase();
            if label.starts_with(needle) {
                0
            } else if label
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with(needle))
            {
                1
            } else {
                2
            }
        });
    }
    rows
}

fn empty_actor() -> ActorForm {
    ActorForm {
        name: TextField::default(),
        id: TextField::default(),
        id_follows: true,
        kind: ActorKind::Other,
        role: TextField::default(),
    }
}

fn empty_event() -> EventForm {
    EventForm {
        date: TextField::default(),
        title: TextField::default(),
        id: TextField::default(),
        id_follows: true,
        actors: TextField::default(),
        dated: false,
        approximate: false,
    }
}

/// The actor the words are likely another spelling of: one whose name or aliases hold every
/// capitalised word of three letters or more the words have ("Stoltenberg" and Jens
/// Stoltenberg). Words that say more than an actor's name ("NATO Liaison Office" beside NATO)
/// name something else.
fn kin_actor(b: &Briefing, words: &str) -> Option<usize> {
    let mine = significant(words);
    if mine.is_empty() {
        return None;
    }
    b.sheet.actors.iter().position(|a| {
        let mut theirs: Vec<String> = std::iter::once(&a.name)
            .chain(&a.aliases)
            .flat_map(|s| significant(s))
            .collect();
        // An id is often the abbreviation the text writes ("WSJ", `wsj`).
        theirs.push(crate::fold::fold(&a.id.to_uppercase()));
        mine.iter().all(|w| theirs.contains(w))
    })
}

/// The capitalised words of three letters or more of `s`, folded: those a name is known by.
fn significant(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
        .map(crate::fold::fold)
        .collect()
}

/// The actors one of whose spellings has one of [`significant`] words of `words` ("Vries" for
/// "Marieke de Vries"): listed first for an alias, after the kin actor.
fn sharing_a_word(b: &Briefing, words: &str) -> HashSet<usize> {
    let mine = significant(words);
    if mine.is_empty() {
        return HashSet::new();
    }
    (b.sheet.actors.iter().enumerate())
        .filter(|(_, a)| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .flat_map(|s| significant(s))
                .any(|w| mine.contains(&w))
        })
        .map(|(n, _)| n)
        .collect()
}

impl App {
    /// `a`: the dialog that adds the name picked (the selection, or the mention or unclaimed
    /// name under the cursor).
    pub(super) fn open_add(&mut self) {
        if let Some(why) = self.read_only() {
            self.complain(why);
            return;
        }
        let Some(span) = self.picked_words() else {
            let next = self.key(Context::Article, &Action::NextMention).to_owned();
            self.complain(format!(
                "Nothing to add: move the cursor to a name with {next}, or select words first"
            ));
            return;
        };
        let span = name_in(self.briefing.article.text(), span);
        let words = self.briefing.article.text()[span.clone()].to_owned();
        let mut dialog = CurateDialog::add(&self.briefing, &words, span.clone());
        // Words that are a whole mention already belong to an actor: said, so that the new
        // actor or alias is meant.
        let b = &self.briefing;
        dialog.note = b
            .mentions
            .at(span.start)
            .map(|m| b.mentions.all()[m])
            .filter(|m| m.span.range() == span)
            .map(|m| {
                format!(
                    "already a mention of {}",
                    b.sheet.actors[m.actor as usize].name
                )
            });
        if dialog.note.is_some() {
            // Its own actor is no kin to add an alias to.
            dialog.choice = Choice::NewActor;
        }
        self.curate = Some(dialog);
    }

    /// `E`: the dialog that makes the sentence picked (the selection, or the sentence of the
    /// cursor, or the first on screen) the evidence of an event or fact.
    pub(super) fn open_evidence(&mut self) {
        if let Some(why) = self.read_only() {
            self.complain(why);
            return;
        }
        let span = self.picked_words().map_or_else(
            || edit::sentence_at(&self.briefing, self.article.top_offset()),
            |words| {
                if self.selection_span().is_some() {
                    words
                } else {
                    edit::sentence_at(&self.briefing, words.start)
                }
            },
        );
        if self.briefing.article.text()[span.clone()].trim().is_empty() {
            self.complain("No sentence here to quote");
            return;
        }
        let mut dialog = CurateDialog::evidence(&self.briefing, span.clone());
        // A quote overlapping one an event rests on already: said, so that a twin is meant.
        let b = &self.briefing;
        dialog.note = (b.sheet.events.iter().zip(&b.event_evidence))
            .find(|(_, q)| {
                q.as_ref().is_some_and(|q| {
                    q.span.range().start < span.end && span.start < q.span.range().end
                })
            })
            .map(|(e, _)| format!("already the evidence of event \"{}\"", e.title));
        self.curate = Some(dialog);
    }

    /// A key while the curation dialog is open.
    pub(super) fn curate_action(&mut self, action: &Action) {
        if self.commit_job.is_some() {
            // Checking the change: the terminal holds every other key until it is done.
            if *action == Action::Cancel {
                self.stop_commit();
            }
            return;
        }
        let Some(dialog) = &mut self.curate else {
            return;
        };
        match dialog.answer(action, &self.briefing) {
            Answer::Stays => {}
            Answer::Closes => {
                self.curate = None;
                // A check Esc stopped waiting for is given up with its dialog.
                self.commit_stopped = None;
            }
            Answer::Commit(change) => self.write_change(&change),
        }
    }
}

impl App {
    /// Why nothing can be changed (the bundled sample, a briefing in memory), if so.
    fn read_only(&self) -> Option<String> {
        self.editor.as_ref().err().map(|why| {
            let mut why = why.clone();
            if let Some(first) = why.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            why
        })
    }

    /// The words `a` and `E` act on: the selection, else what the cursor stands on (the
    /// search's current match, the mention or the unclaimed name), as the status bar names it.
    fn picked_words(&self) -> Option<Range<usize>> {
        self.selection_span().or_else(|| self.cursor_range())
    }

    /// The words selected in the article, if any.
    fn selection_span(&self) -> Option<Range<usize>> {
        self.selection().map(super::Selection::range)
    }

    /// Enter in the dialog: the change checked and written, the briefing it makes shown at
    /// once (its mentions highlighted, the new actor followed); or the dialog stays and says
    /// why nothing was written. When loads run in the background (the terminal), the check
    /// runs there too, the dialog saying so, and [`App::settle_commit`] writes the change.
    fn write_change(&mut self, change: &Change) {
        let Ok(editor) = &mut self.editor else {
            return;
        };
        if !self.loading.background {
            let outcome = editor.commit(change);
            self.written(change, outcome);
            return;
        }
        let staged = match editor.stage(change) {
            Ok(staged) => staged,
            Err(e) => return self.written(change, Err(e)),
        };
        // The same change again, after Esc: its check, still running or done, is taken up.
        if let Some(job) = self.commit_stopped.take()
            && job.change == *change
            && job.text == staged.text
        {
            return self.wait_for(job);
        }
        if let Ok(job) =
            super::commit_job::CommitJob::start(self.input.clone(), change.clone(), staged)
        {
            self.wait_for(job);
        } else {
            // No thread to be had: checked on this one.
            let outcome = editor.commit(change);
            self.written(change, outcome);
        }
    }

    /// The dialog waits for `job`'s check (and says so: its former reasons go).
    fn wait_for(&mut self, job: super::commit_job::CommitJob) {
        self.commit_job = Some(job);
        if let Some(d) = &mut self.curate {
            d.problem.clear();
        }
    }

    /// The check of the change being added is in: the change is written if it passed.
    pub(super) fn settle_commit(&mut self) {
        use super::commit_job::Outcome;
        let Some(outcome) = self
            .commit_job
            .as_ref()
            .and_then(super::commit_job::CommitJob::outcome)
        else {
            return;
        };
        let Some(job) = self.commit_job.take() else {
            return;
        };
        let Ok(editor) = &mut self.editor else {
            return;
        };
        let enter = self.keys.label(Context::Curate, &Action::Submit).to_owned();
        let refused = match outcome {
            Outcome::Checked(checked) => {
                let (staged, checked) = *checked;
                if editor.is_current(&staged) {
                    let written = editor.write(staged, checked);
                    return self.written(&job.change, written);
                }
                // The reader took a newer version of the sheet while the change was checked
                // (changed on disk, reloaded): nothing to load again.
                format!(
                    "{} changed on disk since it was loaded: reloaded it; {enter} again adds to \
                     the new version",
                    self.briefing.sheet_path
                )
            }
            Outcome::Lost => {
                format!("Not written: the check stopped unexpectedly; {enter} tries again")
            }
        };
        if let Some(d) = &mut self.curate {
            d.problem = vec![refused];
        }
    }

    /// Esc while the change is checked: it is not written, and the dialog stays, as it was.
    fn stop_commit(&mut self) {
        self.commit_stopped = self.commit_job.take();
        let enter = self.key(Context::Curate, &Action::Submit).to_owned();
        if let Some(d) = &mut self.curate {
            d.problem = vec![format!(
                "Not written: stopped waiting for the check; {enter} adds it once it passes"
            )];
        }
    }

    /// What came of writing `change`: the briefing it makes shown, or why nothing was written.
    fn written(&mut self, change: &Change, outcome: Result<edit::Committed, EditError>) {
        match outcome {
            Ok(done) => {
                let words = self.curate.take().map(|d| d.span);
                self.selection.selection = None;
                let warnings = done.briefing.warnings.len();
                self.take(*done.briefing);
                let undo = self.key(Context::Global, &Action::Undo).to_owned();
                let warned = if warnings == 0 {
                    String::new()
                } else {
                    format!(" ({})", count(warnings, "warning"))
                };
                let message = match change {
                    // Facts are told by their label, not their number.
                    Change::Evidence {
                        target: EvidenceTarget::Fact(n),
                        ..
                    } => self
                        .briefing
                        .sheet
                        .facts
                        .get(*n)
                        .map_or(done.message.clone(), |f| {
                            done.message.replacen(
                                &format!("fact number {}", n + 1),
                                &format!("fact \"{}\"", crate::inert::one_line(&f.label)),
                                1,
                            )
                        }),
                    _ => done.message.clone(),
                };
                self.say(format!("{message}{warned} · {undo} undoes"));
                // What was added is highlighted where the reader is, without a jump.
                match change {
                    Change::NewActor(NewActor { id, .. }) | Change::Alias { actor: id, .. } => {
                        if let Some(a) = self.briefing.actor_index(id) {
                            self.follow_listed_actor(a);
                            // The cursor on the mention the words added make, where the reader
                            // is: the status bar named the mention it stood on before (another
                            // actor's), and `n` goes on from here.
                            let mentions = &self.briefing.mentions;
                            if let Some(m) = words
                                .and_then(|w| mentions.at(w.start))
                                .filter(|&m| mentions.all()[m].actor as usize == a)
                            {
                                self.put_cursor(m);
                            }
                        }
                    }
                    Change::NewEvent(NewEvent { id, .. })
                    | Change::Evidence {
                        target: EvidenceTarget::Event(id),
                        ..
                    } => {
                        if let Some(e) = self.briefing.sheet.events.iter().position(|e| e.id == *id)
                        {
                            self.follow_listed_event(e);
                        }
                    }
                    Change::Evidence { .. } => {}
                }
            }
            Err(EditError::ChangedOnDisk { .. }) => self.changed_on_disk(),
            Err(EditError::Invalid { diagnostics, .. }) => {
                if let Some(d) = &mut self.curate {
                    d.problem = std::iter::once(
                        "Not written: with this change the fact sheet would fail `check` (lines \
                         as they would be):"
                            .into(),
                    )
                    .chain(
                        diagnostics
                            .iter()
                            .filter(|d| d.is_error())
                            .map(ToString::to_string),
                    )
                    .collect();
                }
            }
            Err(e) => {
                if let Some(d) = &mut self.curate {
                    d.problem = vec![crate::inert::escaped(&e.to_string()).into_owned()];
                }
            }
        }
    }

    /// A change refused because the sheet on disk is no longer what was loaded (an edit made
    /// outside): never written over, that version is taken first, and the dialog stays for
    /// Enter again.
    fn changed_on_disk(&mut self) {
        if self.loading.background {
            // Loaded beside the reader (seconds at 256 MiB), as the watcher would load it.
            self.load(super::loading::Why::FilesChanged);
            let sheet = self.briefing.sheet_path.clone();
            let enter = self.key(Context::Curate, &Action::Submit).to_owned();
            if let Some(d) = &mut self.curate {
                d.problem = vec![format!(
                    "{sheet} changed on disk since it was loaded: nothing written; loading \
                     the new version, {enter} again adds to it once it is in"
                )];
            }
            return;
        }
        let before = self.briefing.sheet_text.clone();
        self.reload_now();
        // A reload that failed left the old text: the version on disk has errors.
        let taken = self.briefing.sheet_text != before;
        let sheet = self.briefing.sheet_path.clone();
        let reload = self.key(Context::Global, &Action::Reload).to_owned();
        if let Some(d) = &mut self.curate {
            d.problem = vec![if taken {
                format!(
                    "{sheet} changed on disk since it was loaded: reloaded it; Enter \
                     again adds to the new version"
                )
            } else {
                format!(
                    "{sheet} changed on disk and has errors now: nothing written; fix \
                     the file (Esc, then {reload} lists the errors)"
                )
            }];
        }
    }

    /// `U`: the last change the reader wrote undone, the file back byte for byte.
    pub(super) fn undo_change(&mut self) {
        let outcome = match &mut self.editor {
            Err(why) => Err(why.clone()),
            Ok(editor) => editor.undo().map_err(|e| e.to_string()),
        };
        match outcome {
            Ok(undone) => {
                // Loaded again beside the reader, as `r` is: at 256 MiB that takes seconds.
                self.load(super::loading::Why::Undo);
                self.say(undone.message);
            }
            Err(why) => self.complain(crate::inert::escaped(&why).into_owned()),
        }
    }
}

/// The name in the words picked at `span` of `text`, for `a`: without the punctuation and the
/// possessive around it ("“Tokyo,” → Tokyo", "Biden's" → Biden), and cut where a comma or a
/// semicolon is followed by a word in lower case, which no name goes on with ("Tokyo, with" →
/// Tokyo; "Washington, D.C." stays whole). A full stop stays after an abbreviation ("D.C.",
/// "Inc.", "Jr."). Picked words that are all punctuation are kept as they are.
fn name_in(text: &str, span: Range<usize>) -> Range<usize> {
    const OPENING: &[char] = &[
        '"', '\'', '“', '‘', '(', '[', '{', '«', '—', '–', '-', ',', ';', ':',
    ];
    const CLOSING: &[char] = &[
        '"', '\'', '”', '’', ')', ']', '}', '»', '—', '–', '-', ',', ';', ':', '!', '?',
    ];
    let Some(words) = text.get(span.clone()) else {
        return span;
    };
    // Cut at the first comma or semicolon before a word in lower case.
    let mut end = words.len();
    for (at, c) in words.char_indices().filter(|(_, c)| matches!(c, ',' | ';')) {
        let next = words[at + c.len_utf8()..].trim_start();
        if next.chars().next().is_some_and(char::is_lowercase) {
            end = at;
            break;
        }
    }
    let mut name = &words[..end];
    loop {
        let before = name.len();
        name = name.trim_matches(char::is_whitespace);
        name = name.trim_start_matches(OPENING).trim_end_matches(CLOSING);
        for possessive in ["'s", "’s", "'", "’"] {
            if let Some(n) = name.strip_suffix(possessive)
                && n.chars().next_back().is_some_and(char::is_alphabetic)
            {
                name = n;
            }
        }
        // A sentence's full stop, not an abbreviation's: the last word has no other stop and
        // is longer than "Inc" or "Jr".
        if let Some(n) = name.strip_suffix('.') {
            let last = n.rsplit(char::is_whitespace).next().unwrap_or(n);
            if !last.contains('.') && last.chars().count() > 3 {
                name = n;
            }
        }
        if name.len() == before {
            break;
        }
    }
    if name.is_empty() {
        return span;
    }
    // `name` is a slice of `words`: its place in the article follows from the pointers.
    let start = span.start + (name.as_ptr() as usize - words.as_ptr() as usize);
    start..start + name.len()
}

#[cfg(test)]
mod tests {
    use super::name_in;

    fn name(words: &str) -> String {
        let text = format!("<{words}>");
        let span = name_in(&text, 1..1 + words.len());
        text[span].to_owned()
    }

    #[test]
    fn the_picked_name_loses_its_punctuation_and_what_follows_a_comma() {
        assert_eq!(name("Tokyo, with"), "Tokyo");
        assert_eq!(name("Tokyo,"), "Tokyo");
        assert_eq!(name("“Tokyo,”"), "Tokyo");
        assert_eq!(name(" (NATO) "), "NATO");
        assert_eq!(name("Biden's"), "Biden");
        assert_eq!(name("allies’"), "allies");
        assert_eq!(name("Joe Biden."), "Joe Biden");
        assert_eq!(name("Smith; who"), "Smith");
        // What a name may hold is kept.
        assert_eq!(name("Washington, D.C."), "Washington, D.C.");
        assert_eq!(name("Acme Inc."), "Acme Inc.");
        assert_eq!(name("U.S."), "U.S.");
        assert_eq!(name("Jens Stoltenberg"), "Jens Stoltenberg");
        assert_eq!(name("Rolls-Royce"), "Rolls-Royce");
        assert_eq!(name("O'Brien"), "O'Brien");
        // Nothing but punctuation: kept, for the dialog to say what is wrong with it.
        assert_eq!(name(", ;"), ", ;");
    }
}
