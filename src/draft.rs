//! Drafting a fact sheet from a plain-text article (`briefing draft`) and finding what an
//! existing one leaves out (`briefing suggest`).
//!
//! Everything here is a guess made from the text alone, and every guess carries its reason so
//! that a curator can keep or delete it in one step. In priority order: the headline and
//! dateline ([`Draft::title`], [`Draft::published`]), page furniture ([`furniture`]), proper
//! names grouped into actors ([`names`]), sentences carrying a date ([`dates`]) and sentences
//! carrying a figure ([`figures`]), then sentences that report a happening without a date
//! ([`happenings`]), whose date the curator sets. The draft is built so that `briefing check` passes on it as
//! written: evidence is quoted whole from lines `omit` does not hide, every alias is a spelling
//! found in the text, and no spelling belongs to two actors.

pub mod countries;
pub mod dates;
pub mod figures;
pub mod furniture;
pub mod happenings;
pub mod names;
pub mod render;
pub mod suggest;
pub mod text;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::article::Article;
use crate::date::PartialDate;
use crate::fold::fold;
use crate::mentions::MentionIndex;
use crate::sheet::{Actor, ActorKind, Event, Fact};
use dates::{Found, Phrase};
use figures::Figure;
use furniture::Furniture;
use names::Candidate;
use text::{Sentence, one_line};

/// A headline is at most this many words.
const HEADLINE_WORDS: usize = 25;
/// An event title is cut near this many bytes.
const TITLE_BYTES: usize = 80;

/// What `briefing draft` is told besides the text.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The article's path as the fact sheet will name it.
    pub article: String,
    /// The publication date, from `--published`; wins over a dateline.
    pub published: Option<PartialDate>,
}

/// A drafted fact sheet, each entry with what it was guessed from.
#[derive(Clone, Debug)]
pub struct Draft {
    /// The headline and its 1-based line, when the first line reads like one.
    pub title: Option<(String, usize)>,
    pub article: String,
    /// The publication date and where it came from.
    pub published: Option<(PartialDate, String)>,
    pub omit: Vec<Furniture>,
    pub actors: Vec<DraftActor>,
    /// Events from dated sentences first, then from undated ones.
    pub events: Vec<DraftEvent>,
    /// Date phrases that gave no event: (line, phrase, why).
    pub skipped_dates: Vec<(usize, String, &'static str)>,
    pub facts: Vec<DraftFact>,
    /// How many sentences the text has outside `omit`: what the proposals are a share of.
    pub sentences: usize,
}

#[derive(Clone, Debug)]
pub struct DraftActor {
    pub actor: Actor,
    pub candidate: Candidate,
    pub mentions: usize,
    pub first_line: usize,
}

#[derive(Clone, Debug)]
pub struct DraftEvent {
    pub event: Event,
    pub line: usize,
    pub how: String,
    /// The text writes no date for it: its date is the publication date or a placeholder,
    /// to be set by the curator.
    pub undated: bool,
}

#[derive(Clone, Debug)]
pub struct DraftFact {
    pub fact: Fact,
    pub line: usize,
    /// The words that attribute the figure to its source.
    pub attributed_by: Option<String>,
}

/// What the text offers, read with the omitted lines left out: shared by `draft` and
/// `suggest`.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub sentences: Vec<Sentence>,
    pub candidates: Vec<Candidate>,
    /// Sentences with date phrases.
    pub dated: Vec<(Sentence, Vec<Phrase>)>,
    /// Figures with their sentence.
    pub figures: Vec<(Sentence, Figure)>,
}

/// The first non-blank line and its 1-based number, when it reads like a headline: a few words,
/// not ending with a full stop.
#[must_use]
pub fn headline(text: &str) -> Option<(String, usize)> {
    let (n, line) = text
        .lines()
        .enumerate()
        .map(|(n, l)| (n, l.trim().trim_start_matches('\u{feff}').trim()))
        .find(|(_, l)| !l.is_empty())?;
    let words = line.split_whitespace().count();
    let end = line.trim_end_matches(['"', '\'', '”', '’']);
    // One space for every run of whitespace: a scraped headline's non-breaking spaces would make
    // the title unfindable with an ordinary space.
    ((2..=HEADLINE_WORDS).contains(&words) && !end.ends_with(['.', ':', ';', ',']))
        .then(|| (one_line(line), n + 1))
}

/// A full date among the first words of the text ("date 2022-03-24 The Minority …"): a
/// dateline run into the first paragraph. The text's first line is looked at, and, when it is
/// the headline (`headline`, 1-based) or furniture (`furniture`, 1-based lines), the first line
/// of the body after it: a wire story's dateline opens the body ("ROTTERDAM, 14 March 2025 —
/// Dock workers…"), under its headline and byline.
fn opening_date(
    text: &str,
    headline: Option<usize>,
    furniture: &HashSet<usize>,
) -> Option<(PartialDate, String)> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let mut looked_at = Vec::new();
    for (n, line) in lines.by_ref() {
        looked_at.push((n, line));
        if Some(n + 1) != headline && !furniture.contains(&(n + 1)) {
            break;
        }
    }
    let first = looked_at.first().copied().map(|l| (l, false));
    let body = (looked_at.last().copied().filter(|_| looked_at.len() > 1)).map(|l| (l, true));
    first.into_iter().chain(body).find_map(|((n, line), body)| {
        let fourth = text::words(line, 0..line.len())
            .get(3)
            .map_or(line.len(), |w| w.range.start);
        dates::phrases(line, 0..line.len(), None)
            .into_iter()
            .find_map(|p| match p.found {
                Found::Date { date, .. }
                    if p.range.start < fourth
                        && date.precision() == crate::date::Precision::Day
                        && (!body || dateline_shaped(line, &p.range)) =>
                {
                    Some((date, format!("a date at the start of line {}", n + 1)))
                }
                _ => None,
            })
    })
}

/// The candidate named as the place of `text`'s dateline ([`dateline_place`]) made a place, for
/// `draft` and `suggest` alike: "CHELMSFORD" is no organization for its capitals.
fn place_of_dateline(text: &str, candidates: &mut [Candidate]) {
    let Some(place) = dateline_place(text) else {
        return;
    };
    for c in candidates {
        let named = c.name == place || c.aliases.contains(&place);
        if named && !matches!(c.kind, ActorKind::Place | ActorKind::Country) {
            c.kind = ActorKind::Place;
            c.kind_reason = Some(format!("\"{place}\" is the place of the dateline"));
        }
    }
}

/// The place a wire story's dateline names, before its comma ("CHELMSFORD, 5 March 2024 —"
/// gives "CHELMSFORD"), or before its dash when it is in capitals ("CHELMSFORD — A former
/// treasurer…"), among the first lines of `text`: at most three words.
fn dateline_place(text: &str) -> Option<String> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(DATELINE_LINES)
        .find_map(|line| {
            let line = line.trim();
            let shouted = [" — ", " – ", " - "]
                .iter()
                .filter_map(|d| line.find(d))
                .min()
                .map(|at| line[..at].trim())
                .filter(|p| {
                    (1..=3).contains(&p.split_whitespace().count())
                        && p.chars().any(char::is_uppercase)
                        && !p.chars().any(|c| c.is_lowercase() || c.is_ascii_digit() || c == ',')
                        // Written the usual way elsewhere ("Chelmsford Crown Court"), as a
                        // dateline's place is, and an acronym ("NATO — Allies agreed…") is not.
                        && text.contains(&usual_case(p))
                });
            if let Some(place) = shouted {
                return Some(place.to_owned());
            }
            let comma = line.find(',')?;
            let place = line[..comma].trim();
            let date = dates::phrases(line, 0..line.len(), None)
                .into_iter()
                .find(|p| {
                    matches!(p.found, Found::Date { date, .. }
                        if date.precision() == crate::date::Precision::Day)
                })?;
            (date.range.start > comma
                && dateline_shaped(line, &date.range)
                && (1..=3).contains(&place.split_whitespace().count()))
            .then(|| place.to_owned())
        })
}

/// `name` in capitals written the usual way: "CHELMSFORD" → "Chelmsford".
fn usual_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or_else(String::new, |c| {
                c.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many of a text's first lines are looked at for a dateline's place.
const DATELINE_LINES: usize = 6;

/// Whether the date at `date` of `line` stands as a wire story's dateline does: after a place
/// and a comma, before a dash or a colon (an agency's name in brackets may come between):
/// "ROTTERDAM, 14 March 2025 —". A sentence that opens with a date ("On 5 March 2014, the
/// river broke its banks") tells what happened then, not when it was written.
fn dateline_shaped(line: &str, date: &Range<usize>) -> bool {
    let before = line[..date.start].trim_end();
    let mut after = line[date.end..].trim_start();
    if after.starts_with('(') {
        after = after.find(')').map_or("", |i| after[i + 1..].trim_start());
    }
    before.ends_with(',') && before.len() > 1 && after.starts_with(['—', '–', '-', ':'])
}

/// Whether a line is written in title case ("NATO To Offer Ukraine New Ways", "Together With
/// Germany, the United Kingdom and the United States"): its names cannot be told from its other
/// words. Every word of three letters or more is capitalised but the small words titles leave in
/// lowercase (one slip allowed in twelve: headlines are short). A sentence with many names and a verb in lowercase
/// ("He met Bob Jones in Paris") is not.
pub(crate) fn title_case(line: &str) -> bool {
    /// Words of three letters or more a title-case line may leave in lowercase.
    const SMALL: &[&str] = &[
        "the", "and", "for", "nor", "but", "yet", "from", "with", "into", "onto", "over", "upon",
        "than", "via", "per", "amid", "off", "out",
    ];
    let long: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect();
    let lower = long
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase) && !SMALL.contains(w))
        .count();
    long.len() >= 3 && lower <= long.len() / 12
}

/// The names `sentences` of `text` write, read from the sentences not in title case (whose
/// names cannot be told from their other words).
fn name_candidates(text: &str, sentences: &[Sentence]) -> Vec<Candidate> {
    name_candidates_until(text, sentences, &std::sync::atomic::AtomicBool::new(false))
        .unwrap_or_default()
}

/// [`name_candidates`], given up (`None`) once `stop` is set.
fn name_candidates_until(
    text: &str,
    sentences: &[Sentence],
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Vec<Candidate>> {
    let named: Vec<Sentence> = sentences
        .iter()
        .filter(|s| !title_case(&text[s.range.clone()]))
        .cloned()
        .collect();
    names::candidates_until(text, &named, stop)
}

/// Reads `article` (with its `omit` already applied) for names alone: what
/// [`analyse`] finds as `candidates`, without the dates and figures (for the reader's unclaimed
/// names, which must be quick).
#[must_use]
pub fn names_only(article: &Article) -> Vec<Candidate> {
    names_only_until(article, &std::sync::atomic::AtomicBool::new(false)).unwrap_or_default()
}

/// [`names_only`], given up (`None`) once `stop` is set, looked at between its steps (the
/// sentences found, the names read from them).
#[must_use]
pub fn names_only_until(
    article: &Article,
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Vec<Candidate>> {
    let stopped = || stop.load(std::sync::atomic::Ordering::Relaxed);
    let text = article.text();
    let head = headline(text);
    let sentences = text::sentences(article, head.as_ref().map(|h| h.1));
    if stopped() {
        return None;
    }
    name_candidates_until(text, &sentences, stop)
}

/// Reads `article` (with its `omit` already applied) for names, dates and figures.
#[must_use]
pub fn analyse(article: &Article, published: Option<PartialDate>) -> Analysis {
    let text = article.text();
    let head = headline(text);
    let sentences = text::sentences(article, head.as_ref().map(|h| h.1));
    let mut candidates = name_candidates(text, &sentences);
    place_of_dateline(text, &mut candidates);
    let mut dated = Vec::new();
    let mut figures = Vec::new();
    for s in &sentences {
        let phrases = dates::phrases(text, s.range.clone(), published);
        let ranges: Vec<Range<usize>> = phrases.iter().map(|p| p.range.clone()).collect();
        for f in figures::figures(text, s.range.clone(), &ranges) {
            figures.push((s.clone(), f));
        }
        if !phrases.is_empty() {
            dated.push((s.clone(), phrases));
        }
    }
    Analysis {
        sentences,
        candidates,
        dated,
        figures,
    }
}

/// An id from a name, made as `check` makes a left-out id ([`crate::sheet::parse::derive_id`]: letters
/// folded to ASCII, "José Martínez" → "jose-martinez"), cut to its first `max_words` words.
#[must_use]
pub fn slug(name: &str, max_words: usize) -> String {
    crate::sheet::parse::derive_id(name)
        .unwrap_or_default()
        .split('-')
        .take(max_words)
        .collect::<Vec<_>>()
        .join("-")
}

/// The ids given so far, and for each id wanted twice the next number to try, so that 20,000
/// sentences with one title get their ids in linear time, not by counting up from 2 each time.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// Ids already in use (a fact sheet's, for `suggest`).
    pub(crate) fn taken<'a>(ids: impl IntoIterator<Item = &'a String>) -> Self {
        Self {
            taken: ids.into_iter().cloned().collect(),
            next: HashMap::new(),
        }
    }

    /// `id` (or `fallback` when it is empty), with `-2`, `-3`… added when it is taken.
    pub(crate) fn unique(&mut self, id: String, fallback: &str) -> String {
        let base = if id.is_empty() {
            fallback.to_owned()
        } else {
            id
        };
        if self.taken.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// A short title from a sentence: its first words, cut at a word near [`TITLE_BYTES`].
pub(crate) fn title_from(sentence: &str) -> String {
    /// Words that open a sentence without saying what happened.
    const OPENERS: &[&str] = &[
        "And ",
        "But ",
        "So ",
        "Also, ",
        "Additionally, ",
        "However, ",
        "Now, ",
        "Meanwhile, ",
        "In addition, ",
        "In fact, ",
        "Still, ",
        "Then, ",
        "And, ",
    ];
    let s = one_line(sentence);
    let mut s = s.trim_end_matches(['.', '!', '?']);
    while let Some(rest) = OPENERS.iter().find_map(|o| s.strip_prefix(o)) {
        s = rest;
    }
    let capitalised: String;
    if let Some(first) = s.chars().next().filter(|c| c.is_lowercase()) {
        capitalised = first
            .to_uppercase()
            .chain(s[first.len_utf8()..].chars())
            .collect();
        s = &capitalised;
    }
    if s.len() <= TITLE_BYTES {
        return s.to_owned();
    }
    let mut cut = TITLE_BYTES;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = s[..cut].rfind(' ').unwrap_or(cut);
    format!("{}…", s[..cut].trim_end_matches([',', ';', ':']))
}

/// For each quote, whether it occurs exactly once in the article: one search for them all.
fn once_each(article: &Article, quotes: &[String]) -> Vec<bool> {
    let quotes: Vec<&str> = quotes.iter().map(String::as_str).collect();
    crate::evidence::locate(article, &quotes)
        .into_iter()
        .map(|q| q.is_some_and(|q| q.count == 1))
        .collect()
}

/// For each `(words, sentence)`, the words as a quote, or the whole sentence when the words
/// occur more than once (`check` warns about a quote that does not say which place it means).
fn unique_quotes(article: &Article, pairs: &[(&str, &str)]) -> Vec<String> {
    let words: Vec<String> = pairs.iter().map(|(w, _)| one_line(w)).collect();
    let once = once_each(article, &words);
    words
        .into_iter()
        .zip(once)
        .zip(pairs)
        .map(|((w, once), (_, sentence))| if once { w } else { one_line(sentence) })
        .collect()
}

/// Words that, right after a name, attribute what the sentence says to it.
const SAID: &[&str] = &[
    "said",
    "says",
    "told",
    "stated",
    "announced",
    "added",
    "noted",
    "reported",
    "emphasized",
    "emphasised",
    "warned",
    "explained",
    "wrote",
    "estimated",
    "estimates",
];

/// The ids of the actors mentioned within `r`, each once, in the order they first stand there.
/// The index is sorted: a binary search finds the first, so a sentence costs its own mentions.
pub(crate) fn actor_ids(index: &MentionIndex, actors: &[Actor], r: &Range<usize>) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for m in within(index, r) {
        let id = &actors[m.actor as usize].id;
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    ids
}

/// The mentions that lie wholly within `r`.
fn within<'i>(
    index: &'i MentionIndex,
    r: &Range<usize>,
) -> impl Iterator<Item = &'i crate::mentions::Mention> {
    let end = r.end;
    index.all()[index.first_from(r.start)..]
        .iter()
        .take_while(move |m| (m.span.start as usize) < end)
        .filter(move |m| m.span.end as usize <= end)
}

/// The date a sentence's date phrases give its event ([`dates::main_date`]: the first, unless
/// it is "today" before a date written with its year), whether it is approximate, and how it
/// was read (`"next week": a week after the publication date`).
pub(crate) fn sentence_date(text: &str, phrases: &[Phrase]) -> Option<(PartialDate, bool, String)> {
    let p = &phrases[dates::main_date(text, phrases)?];
    match &p.found {
        Found::Date {
            date,
            approximate,
            how,
        } => Some((
            *date,
            *approximate,
            format!("\"{}\": {how}", one_line(&text[p.range.clone()])),
        )),
        _ => None,
    }
}

/// The speakers of a transcript that no name found already covers: each label in capitals
/// ("THE PRESIDENT:", "MS. JEAN-PIERRE:") that begins two lines or more, as an actor for the
/// curator to name ("Joe Biden", keeping the label as an alias). `Q` and `A` are no one.
fn speakers(article: &Article, found: &[Candidate]) -> Vec<Candidate> {
    let text = article.text();
    let known: HashSet<String> = found
        .iter()
        .flat_map(|c| std::iter::once(&c.name).chain(&c.aliases))
        .map(|n| fold(n))
        .collect();
    let mut labels: Vec<(String, Vec<Range<usize>>)> = Vec::new();
    for (_, r) in text::lines(article) {
        let line = &text[r.clone()];
        let Some(end) = text::speaker_label(line) else {
            continue;
        };
        let label = line[..end].trim().trim_end_matches(':').trim_end();
        if label.chars().filter(|c| c.is_alphabetic()).count() < 2 || known.contains(&fold(label)) {
            continue;
        }
        let start = r.start + line.find(label).unwrap_or(0);
        let at = start..start + label.len();
        match labels.iter_mut().find(|(l, _)| l == label) {
            Some((_, places)) => places.push(at),
            None => labels.push((label.to_owned(), vec![at])),
        }
    }
    labels
        .into_iter()
        .filter(|(_, places)| places.len() >= 2)
        .map(|(label, places)| Candidate {
            kind: ActorKind::Person,
            kind_reason: Some(format!(
                "the label of a speaker on {} lines: write who speaks here as the name, and keep \
                 the label as an alias",
                places.len()
            )),
            name: label,
            aliases: Vec::new(),
            alias_reasons: Vec::new(),
            occurrences: places,
            shared: Vec::new(),
        })
        .collect()
}

/// Whether a sentence asks rather than reports ("Have you spoken to Speaker Johnson?"): a
/// question is no event, whatever dates it names.
fn question(text: &str, s: &Sentence) -> bool {
    text[s.range.clone()]
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with('?')
}

/// An event for a dated sentence: its title drawn from the sentence, the sentence as evidence,
/// the actors it names.
fn dated_event(
    text: &str,
    s: &Sentence,
    (date, approximate): (PartialDate, bool),
    actors: Vec<String>,
    ids: &mut Ids,
) -> Event {
    let sentence = &text[s.range.clone()];
    let title = title_from(sentence);
    Event {
        id: ids.unique(slug(&title, 5), "event"),
        date,
        end: None,
        approximate,
        title,
        actors,
        evidence: Some(one_line(sentence)),
        note: None,
    }
}

/// Words that join two claims in one sentence, each perhaps with a speaker of its own
/// ("Maersk diverted 12 ships, while Hapag-Lloyd said it had added surcharges"). Not a dash,
/// which more often sets a phrase apart ("Maersk — the second-largest carrier — said…").
const CLAUSE_BREAKS: &[&str] = &[", while ", ", whereas ", ", but ", "; "];

/// Whether `sentence` ends with one of [`SAID`] ("…next year, Maersk said."): its speaker
/// speaks for the whole of it.
fn said_at_end(sentence: &str) -> bool {
    let end = sentence
        .trim_end()
        .trim_end_matches(['.', '"', '\'', '”', '’']);
    end.rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| SAID.contains(&w))
}

/// The part of `sentence` that holds `figure`: from the last of [`CLAUSE_BREAKS`] before it to
/// the first after it (the whole sentence when there is none), where its speaker is looked for.
fn clause_of(text: &str, sentence: &Range<usize>, figure: &Range<usize>) -> Range<usize> {
    let (start, end) = (
        figure.start.clamp(sentence.start, sentence.end),
        figure.end.clamp(sentence.start, sentence.end),
    );
    let before = &text[sentence.start..start];
    let after = &text[end..sentence.end];
    let from = (CLAUSE_BREAKS.iter())
        .filter_map(|b| before.rfind(b).map(|i| i + b.len()))
        .max()
        .map_or(sentence.start, |i| sentence.start + i);
    let to = (CLAUSE_BREAKS.iter())
        .filter_map(|b| after.find(b))
        .min()
        .map_or(sentence.end, |i| end + i);
    from..to
}

/// Whom a sentence attributes its claim to: an actor named just before "said" (and the other
/// words of [`SAID`]) or after "according to", never a country or a place. The actor's index
/// and the words that say so.
fn attribution(
    text: &str,
    index: &MentionIndex,
    actors: &[Actor],
    s: &Range<usize>,
) -> Option<(u32, String)> {
    for m in within(index, s) {
        let r = m.span.range();
        if matches!(
            actors[m.actor as usize].kind,
            ActorKind::Country | ActorKind::Place
        ) {
            continue;
        }
        let after = text[r.end..s.end]
            .trim_start_matches(['\'', '’', 's'])
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        let before = text[s.start..r.start].trim_end().to_lowercase();
        if SAID.contains(&after) {
            return Some((m.actor, format!("\"{} {after}\"", &text[r.clone()])));
        }
        if before.ends_with("according to") || before.ends_with("according to the") {
            return Some((m.actor, format!("\"according to {}\"", &text[r.clone()])));
        }
    }
    None
}

/// Drafts a fact sheet for `text`.
#[must_use]
#[allow(clippy::too_many_lines)] // The draft's parts in order: meta, omit, actors, events, facts.
pub fn draft(text: &str, options: &Options) -> Draft {
    let title = headline(text);
    let omit = furniture::find(text, title.as_ref().map(|t| t.1));
    let published = options
        .published
        .map(|p| (p, "given with --published".to_owned()))
        .or_else(|| {
            omit.iter().find_map(|f| {
                f.dateline
                    .map(|d| (d, format!("the dateline on line {}", f.lines[0])))
            })
        })
        .or_else(|| {
            let furniture: HashSet<usize> =
                omit.iter().flat_map(|f| f.lines.iter().copied()).collect();
            opening_date(text, title.as_ref().map(|t| t.1), &furniture)
        });
    let folded: Vec<String> = omit.iter().map(|f| fold(&f.text)).collect();
    let (article, _) = Article::new(text.to_owned(), &folded);
    let analysis = analyse(&article, published.as_ref().map(|p| p.0));
    let mut candidates = analysis.candidates.clone();
    candidates.extend(speakers(&article, &candidates));
    let actors = actors(&article, candidates);
    let sheet_actors: Vec<Actor> = actors.iter().map(|a| a.actor.clone()).collect();
    let index = MentionIndex::build(&article, &sheet_actors);
    let in_sentence = |r: &Range<usize>| actor_ids(&index, &sheet_actors, r);
    let mut taken = Ids::default();
    let mut events = Vec::new();
    let mut skipped_dates = Vec::new();
    // The sentence each skipped date stands in, and the sentences that gave an event.
    let mut skipped_in = Vec::new();
    let mut dated_starts = HashSet::new();
    let mut drafted = HashSet::new();
    for (s, phrases) in &analysis.dated {
        if question(text, s) {
            continue;
        }
        let chosen = sentence_date(text, phrases);
        for p in phrases {
            let phrase = one_line(&text[p.range.clone()]);
            match &p.found {
                Found::Date { .. } => {}
                Found::Ambiguous => {
                    skipped_in.push(s.range.start);
                    skipped_dates.push((
                        s.line,
                        phrase,
                        "written with slashes: day and month cannot be told apart",
                    ));
                }
                Found::Unresolved => {
                    skipped_in.push(s.range.start);
                    skipped_dates.push((
                        s.line,
                        phrase,
                        "relative or without a year, and there is no publication date (give \
                         --published DATE)",
                    ));
                }
                Found::Invalid => {
                    skipped_in.push(s.range.start);
                    skipped_dates.push((s.line, phrase, "not a day of the calendar"));
                }
            }
        }
        let Some((date, approximate, how)) = chosen else {
            continue;
        };
        dated_starts.insert(s.range.start);
        events.push(DraftEvent {
            event: dated_event(
                text,
                s,
                (date, approximate),
                in_sentence(&s.range),
                &mut taken,
            ),
            line: s.line,
            how,
            undated: false,
        });
    }
    let placeholder = placeholder(published.as_ref().map(|p| p.0), &events);
    // Event nouns the events so far name: a later sentence naming only one of them ("the
    // summit" after "a summit in Washington") most likely speaks of the same happening.
    let mut named: HashSet<&str> = HashSet::new();
    for (s, _) in &analysis.dated {
        if dated_starts.contains(&s.range.start) {
            named.extend(
                happenings::cues(text, s.range.clone())
                    .iter()
                    .filter_map(|c| c.noun),
            );
        }
    }
    // Undated candidates: each sentence with what it says happens; one search then keeps those
    // whose sentence occurs once.
    let mut undated = Vec::new();
    for s in &analysis.sentences {
        if title.as_ref().is_some_and(|t| t.1 == s.line)
            || dated_starts.contains(&s.range.start)
            || question(text, s)
        {
            continue;
        }
        let skipped: Vec<usize> = (0..skipped_dates.len())
            .filter(|k| skipped_in.get(*k) == Some(&s.range.start))
            .collect();
        let cues = happenings::cues(text, s.range.clone());
        let new = cues
            .iter()
            .find(|c| c.noun.is_none_or(|n| !named.contains(n)))
            .cloned();
        named.extend(cues.iter().filter_map(|c| c.noun));
        let how = if skipped.is_empty() {
            match new {
                Some(c) => format!(
                    "no date, but {} says something happens or happened",
                    render::string(&one_line(&text[c.range]))
                ),
                None => continue,
            }
        } else {
            skipped
                .iter()
                .map(|&k| {
                    let (_, phrase, why) = &skipped_dates[k];
                    format!("{} is {why}", render::string(phrase))
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        undated.push((s, how, skipped, one_line(&text[s.range.clone()])));
    }
    let sentences: Vec<String> = undated.iter().map(|u| u.3.clone()).collect();
    let once = once_each(&article, &sentences);
    for ((s, how, skipped, sentence), once) in undated.into_iter().zip(once) {
        if !once {
            continue;
        }
        let title = title_from(&sentence);
        events.push(DraftEvent {
            event: Event {
                id: taken.unique(slug(&title, 5), "event"),
                date: placeholder.0,
                end: None,
                approximate: true,
                title,
                actors: in_sentence(&s.range),
                evidence: Some(sentence),
                note: None,
            },
            line: s.line,
            how: format!("{how}; {}", placeholder.1),
            undated: true,
        });
        drafted.extend(skipped);
    }
    let mut k = 0;
    skipped_dates.retain(|_| {
        k += 1;
        !drafted.contains(&(k - 1))
    });
    let pairs: Vec<(&str, &str)> = analysis
        .figures
        .iter()
        .map(|(s, f)| (&text[f.evidence.clone()], &text[s.range.clone()]))
        .collect();
    let quotes = unique_quotes(&article, &pairs);
    let mut facts = Vec::new();
    for ((s, f), quote) in analysis.figures.iter().zip(quotes) {
        // The speaker of the figure's clause, else one that closes the sentence ("…, but will
        // hire 200 staff next year, Maersk said.").
        let clause = clause_of(text, &s.range, &f.evidence);
        let source = attribution(text, &index, &sheet_actors, &clause).or_else(|| {
            said_at_end(&text[s.range.clone()])
                .then(|| attribution(text, &index, &sheet_actors, &s.range))
                .flatten()
        });
        facts.push(DraftFact {
            fact: Fact {
                // Not written in the draft: the sheet makes it from the label when loaded.
                id: String::new(),
                label: f.label.clone(),
                value: f.value.clone(),
                source: source
                    .as_ref()
                    .map(|(a, _)| sheet_actors[*a as usize].id.clone()),
                evidence: Some(quote),
                note: None,
            },
            line: s.line,
            attributed_by: source.map(|s| s.1),
        });
    }
    Draft {
        title,
        article: options.article.clone(),
        published,
        omit,
        actors,
        events,
        skipped_dates,
        facts,
        sentences: analysis.sentences.len(),
    }
}

/// The date an undated event is drafted with, and what it is: the publication date when known,
/// else the latest year of the dated events (see [`latest_year`]), else the year 1, which no
/// article means.
fn placeholder(published: Option<PartialDate>, dated: &[DraftEvent]) -> (PartialDate, String) {
    undated_date(published, latest_year(dated.iter().map(|e| e.event.date)))
}

/// The latest year of `dates` (the text was written then or later), and whether it is that of
/// a date written out in full: those are looked at first. A year alone is as often a plan or a
/// forecast ("1,000 jobs by 2030") as what happened; a full date is most often a day reported.
pub(crate) fn latest_year(dates: impl Iterator<Item = PartialDate> + Clone) -> Option<(u16, bool)> {
    let full = dates
        .clone()
        .filter(|d| d.precision() == crate::date::Precision::Day);
    full.map(PartialDate::year)
        .max()
        .map(|y| (y, true))
        .or_else(|| dates.map(PartialDate::year).max().map(|y| (y, false)))
}

/// The date an undated event is given, and what it is: the publication date when known, else
/// the `latest` year of a dated event (and whether it is a full date's: see [`latest_year`]),
/// else the year 1 (the placeholder no article means).
pub(crate) fn undated_date(
    published: Option<PartialDate>,
    latest: Option<(u16, bool)>,
) -> (PartialDate, String) {
    if let Some(p) = published {
        return (p, "dated with the publication date".to_owned());
    }
    let year =
        latest.and_then(|(y, full)| Some((PartialDate::new(u32::from(y), None, None).ok()?, full)));
    match year {
        Some((y, true)) => (
            y,
            format!("no publication date: dated {y}, the latest year of a date written in full"),
        ),
        Some((y, false)) => (
            y,
            format!("no publication date: dated {y}, the latest year of a dated event"),
        ),
        None => (
            PartialDate::new(1, None, None).unwrap_or_else(|_| unreachable!("year 1 is valid")),
            "no publication date and no dated event: dated with the placeholder year 0001"
                .to_owned(),
        ),
    }
}

/// The actor a candidate proposes: its id made from its name, unique among `taken`.
pub(crate) fn candidate_actor(c: &Candidate, taken: &mut Ids) -> Actor {
    Actor {
        id: taken.unique(slug(&c.name, 6), "actor"),
        name: c.name.clone(),
        kind: c.kind,
        aliases: c.aliases.clone(),
        role: None,
        affiliation: None,
        note: None,
    }
}

/// Actors from candidates: ids from names, only spellings no other actor uses, only actors the
/// mention rules find, most mentioned first.
fn actors(article: &Article, candidates: Vec<Candidate>) -> Vec<DraftActor> {
    let mut taken = Ids::default();
    let mut spellings = HashSet::new();
    let mut out = Vec::new();
    // A name several others may stand for is no actor ("Johnson" after "Mr Johnson" and "Ms
    // Johnson"): `suggest` names it where it stands.
    for mut c in candidates.into_iter().filter(|c| c.shared.is_empty()) {
        if !spellings.insert(fold(&c.name)) {
            continue;
        }
        let mut keep = Vec::new();
        for (a, why) in c.aliases.iter().zip(&c.alias_reasons) {
            if spellings.insert(fold(a)) {
                keep.push((a.clone(), why.clone()));
            }
        }
        (c.aliases, c.alias_reasons) = keep.into_iter().unzip();
        let actor = candidate_actor(&c, &mut taken);
        out.push(DraftActor {
            actor,
            candidate: c,
            mentions: 0,
            first_line: 0,
        });
    }
    let list: Vec<Actor> = out.iter().map(|a| a.actor.clone()).collect();
    let index = MentionIndex::build(article, &list);
    for (k, a) in out.iter_mut().enumerate() {
        a.mentions = index.count(k);
        if let Some(&first) = index.of_actor(k).first() {
            a.first_line = article.line_of(index.all()[first as usize].span.start as usize);
        }
    }
    out.retain(|a| a.mentions > 0);
    out.sort_by_key(|a| (std::cmp::Reverse(a.mentions), a.first_line));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transcripts_speakers_are_actors_to_name() {
        let d = draft(
            "Remarks on the storm\n\nTHE PRESIDENT:  Good morning.\n\nQ    Will you go?\n\nTHE \
             PRESIDENT:  Yes, to Tampa.\n\nMS. JEAN-PIERRE:  Thank you.\n",
            &Options::default(),
        );
        let names: Vec<(&str, usize)> = d
            .actors
            .iter()
            .map(|a| (a.actor.name.as_str(), a.mentions))
            .collect();
        assert!(names.contains(&("THE PRESIDENT", 2)), "{names:?}");
        assert!(
            !names.iter().any(|(n, _)| n.contains("JEAN")),
            "one line: {names:?}"
        );
        assert!(!names.iter().any(|(n, _)| *n == "Q"), "{names:?}");
    }

    #[test]
    fn titles_drop_the_words_that_only_open_a_sentence() {
        assert_eq!(
            title_from("And, in fact, starting this morning, we are getting assessments."),
            "In fact, starting this morning, we are getting assessments"
        );
        assert_eq!(
            title_from("Additionally, the vice president and I met."),
            "The vice president and I met"
        );
    }

    #[test]
    fn a_question_is_no_event() {
        let d = draft(
            "Storm talks\n\nHave you spoken to Speaker Johnson yesterday? The storm hit Tampa \
             yesterday.\n",
            &Options {
                article: "a.txt".into(),
                published: PartialDate::parse("2024-10-10").ok(),
            },
        );
        let evidence: Vec<&str> = d
            .events
            .iter()
            .filter_map(|e| e.event.evidence.as_deref())
            .collect();
        assert_eq!(evidence, ["The storm hit Tampa yesterday."]);
    }

    #[test]
    fn title_case_lines_are_told_from_sentences_full_of_names() {
        assert!(title_case("NATO To Offer Ukraine New Ways"));
        assert!(title_case(
            "Together With Germany, the United Kingdom and the United States."
        ));
        assert!(title_case("Biden Meets Scholz Over Aid for Ukraine"));
        // Names and a verb in lowercase: a sentence, whose names are names.
        assert!(!title_case("He met Bob Jones in Paris."));
        assert!(!title_case("Alice Smith met Bob Jones in Paris on Monday."));
        assert!(!title_case("Yesterday Bob Jones met reporters in Paris."));
        assert!(!title_case(
            "Next, let's go to Michael Shear with The New York Times."
        ));
    }

    #[test]
    fn a_headline_is_a_short_first_line_without_a_full_stop() {
        assert_eq!(
            headline("\nNATO to offer Ukraine a path\nText."),
            Some(("NATO to offer Ukraine a path".to_owned(), 2))
        );
        assert_eq!(headline("Next week, NATO will meet.\n"), None);
    }

    #[test]
    fn a_date_opening_the_text_is_its_publication_date() {
        let d = draft("date 2022-03-24 The Minority spoke.\n", &Options::default());
        assert_eq!(
            d.published.map(|p| p.0.to_string()),
            Some("2022-03-24".into())
        );
        let d = draft("The Minority spoke on 2022-03-24.\n", &Options::default());
        assert!(d.published.is_none());
    }

    /// A wire story's dateline opens its body, under the headline and the byline, in the
    /// ways agencies write it.
    #[test]
    fn a_dateline_opening_the_body_is_its_publication_date() {
        for (dateline, date) in [
            ("ROTTERDAM, 14 March 2025 —", "2025-03-14"),
            ("ROTTERDAM, March 14, 2025 -", "2025-03-14"),
            ("Rotterdam, 14 Mar. 2025:", "2025-03-14"),
        ] {
            let text = format!(
                "Port strike deal leaves shippers counting the cost\n\nBy Helen Marsh\n\n\
                 {dateline} Dock workers will return to work on Monday.\n\n\
                 The dispute began on 5 March.\n"
            );
            let d = draft(&text, &Options::default());
            assert_eq!(
                d.published.map(|p| p.0.to_string()),
                Some(date.into()),
                "{dateline}"
            );
        }
        // A date further into the body's first sentence is what it tells, not when; so is one
        // opening it that is not set as a dateline is.
        for text in [
            "Port strike deal\n\nDock workers said on 14 March 2025 that they would return.\n",
            "Ten years on\n\nBy Helen Marsh\n\nOn 5 March 2014, the river broke its banks.\n",
        ] {
            assert!(
                draft(text, &Options::default()).published.is_none(),
                "{text}"
            );
        }
    }

    /// The kind `draft` gives the actor named `name` in `text`, if it drafts one.
    fn drafted_kind(text: &str, name: &str) -> Option<ActorKind> {
        (draft(text, &Options::default()).actors.into_iter())
            .find(|a| a.actor.name == name)
            .map(|a| a.actor.kind)
    }

    /// The place a dateline names is a place, not an organization for its capitals.
    #[test]
    fn a_datelines_place_is_a_place() {
        let text = "Court case\n\nBy Helen Marsh\n\nCHELMSFORD, 5 March 2024 — The judge ruled \
            that the case would go on.\n";
        assert_eq!(drafted_kind(text, "CHELMSFORD"), Some(ActorKind::Place));
        // Set in capitals before a dash, with no date.
        let text = "Court case\n\nBy Helen Marsh\n\nCHELMSFORD — A former treasurer was found \
            guilty at Chelmsford Crown Court.\n";
        assert_eq!(drafted_kind(text, "CHELMSFORD"), Some(ActorKind::Place));
        // An acronym before a dash, never written otherwise, is no dateline's place.
        let text = "Talks\n\nNATO — Allies agreed on Tuesday to send more air defences.\n";
        assert_eq!(drafted_kind(text, "NATO"), Some(ActorKind::Organization));
    }

    /// A figure is attributed to the speaker of its own clause, not to one another clause of
    /// the sentence names.
    #[test]
    fn a_figure_is_attributed_to_the_speaker_of_its_clause() {
        // Each figure's value and the id of the actor it is attributed to.
        let sources = |text: &str| -> Vec<(String, Option<String>)> {
            (draft(text, &Options::default()).facts.into_iter())
                .map(|f| (f.fact.value, f.fact.source))
                .collect()
        };
        assert_eq!(
            sources(
                "Port talks\n\nShipping lines rerouted vessels. Maersk diverted at least 12 \
                 ships to Antwerp, while Hapag-Lloyd said it had added surcharges. Hapag-Lloyd \
                 said 30 ships were late. Maersk said so too.\n"
            ),
            [
                ("12".to_owned(), None),
                ("30".to_owned(), Some("hapag-lloyd".to_owned()))
            ]
        );
        // A speaker closing the sentence speaks for all of it.
        let maersk = Some("maersk".to_owned());
        assert_eq!(
            sources(
                "Port talks\n\nThe firm cut 500 jobs in Rotterdam, but will hire 200 staff \
                 next year, Maersk said.\n"
            ),
            [
                ("500".to_owned(), maersk.clone()),
                ("200".to_owned(), maersk)
            ]
        );
    }

    #[test]
    fn ids_are_slugs_made_unique() {
        let mut taken = Ids::default();
        assert_eq!(taken.unique(slug("Bankman-Fried", 6), "a"), "bankman-fried");
        assert_eq!(
            taken.unique(slug("Bankman Fried", 6), "a"),
            "bankman-fried-2"
        );
        // Folded as `check` folds a left-out id, not dropped.
        assert_eq!(taken.unique(slug("Зеленський", 6), "actor"), "zelens-kii");
        assert_eq!(taken.unique(slug("—", 6), "actor"), "actor");
    }

    #[test]
    fn a_figure_quoted_twice_is_quoted_with_its_sentence() {
        // "GH¢145" stands twice in the Ghanaian budget story; `check` would warn.
        let d = draft(
            "It cost $5 billion. Then $5 billion more went.\n",
            &Options::default(),
        );
        let ev: Vec<_> = d
            .facts
            .iter()
            .filter_map(|f| f.fact.evidence.clone())
            .collect();
        assert_eq!(ev, ["It cost $5 billion.", "Then $5 billion more went."]);
    }

    #[test]
    fn a_figure_is_attributed_to_the_name_before_said() {
        let d = draft(
            "Douglas Jones said 35 partner countries were invited. Jones left.\n",
            &Options::default(),
        );
        assert_eq!(d.facts[0].fact.source.as_deref(), Some("douglas-jones"));
        assert_eq!(d.facts[0].fact.value, "35");
    }

    #[test]
    fn a_sentence_reporting_a_happening_without_a_date_is_an_event_to_date() {
        // The bundled article's interview and debate carry no date; the summit is named again.
        let text = "Next week, NATO will meet at a summit in Washington. The summit's \
                    declaration is awaited. In an interview with Voice of America, Jones spoke. \
                    Biden did badly in a televised debate. Jones is calm.\n";
        let d = draft(
            text,
            &Options {
                published: PartialDate::parse("2024-07-03").ok(),
                ..Options::default()
            },
        );
        let got: Vec<(String, bool, bool)> = d
            .events
            .iter()
            .map(|e| (e.event.date.to_string(), e.event.approximate, e.undated))
            .collect();
        assert_eq!(
            got,
            [
                ("2024-07-10".to_owned(), true, false),
                ("2024-07-03".to_owned(), true, true),
                ("2024-07-03".to_owned(), true, true),
            ]
        );
        assert!(
            d.events[1].how.contains("\"interview\""),
            "{}",
            d.events[1].how
        );
        assert_eq!(
            d.events[2].event.title,
            "Biden did badly in a televised debate"
        );
        assert_eq!(d.sentences, 5);
    }

    #[test]
    fn without_a_publication_date_an_undated_event_gets_a_placeholder_year() {
        let d = draft(
            "Next week, NATO will meet. They met in 2023.\n",
            &Options::default(),
        );
        let got: Vec<(String, bool)> = d
            .events
            .iter()
            .map(|e| (e.event.date.to_string(), e.undated))
            .collect();
        // The dated sentence first; "next week" cannot be resolved: the latest year written.
        assert_eq!(got, [("2023".to_owned(), false), ("2023".to_owned(), true)]);
        assert!(d.skipped_dates.is_empty(), "{:?}", d.skipped_dates);
        let d = draft("The trial opened.\n", &Options::default());
        assert_eq!(d.events[0].event.date.to_string(), "0001");
    }

    /// A year alone may be a forecast: an undated event takes the latest year of the dates
    /// written out in full, when there are any.
    #[test]
    fn an_undated_event_takes_a_full_dates_year_over_a_forecast() {
        let d = draft(
            "The strike ended on 14 March 2025. Talks will begin in September. \
             It could cost 1,000 jobs by 2030.\n",
            &Options::default(),
        );
        let undated: Vec<String> = (d.events.iter())
            .filter(|e| e.undated)
            .map(|e| e.event.date.to_string())
            .collect();
        assert!(!undated.is_empty(), "{:?}", d.events);
        assert!(undated.iter().all(|y| y == "2025"), "{undated:?}");
    }
}
