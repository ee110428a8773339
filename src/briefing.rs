//! A briefing: a fact sheet resolved against its article. Loading it is checking it: every
//! problem is reported as a [`Diagnostic`], and a briefing with errors is never handed out
//! half-loaded.

mod input;
pub mod preview;

use std::collections::HashMap;
use std::sync::Arc;

pub use input::{BUNDLED_NAME, CannotRun, Input};
pub(crate) use input::{MAX_SHEET_BYTES, ReadError, read_limited};

use crate::article::{self, Article};
use crate::diagnostic::{Diagnostic, Severity, SourceFile};
use crate::evidence::{self, Quote};
use crate::fold::fold;
use crate::inert::quoted;
use crate::mentions::{self, Automaton, MentionIndex};
use crate::plural::count;
use crate::sheet::parse::{Parsed, parse};
use crate::sheet::validate::validate;
use crate::sheet::{Event, FactSheet, Meta, Positions, Span};

/// A fact sheet with its article, mention index and evidence, ready to read or export.
#[derive(Clone, Debug)]
pub struct Briefing {
    /// Events are in timeline order.
    pub sheet: FactSheet,
    /// Shared, not copied, with a clone of the briefing and with the reader's search thread.
    pub article: Arc<Article>,
    pub mentions: MentionIndex,
    /// Where each event's evidence stands, aligned with `sheet.events`.
    pub event_evidence: Vec<Option<Quote>>,
    /// Where each fact's evidence stands, aligned with `sheet.facts`.
    pub fact_evidence: Vec<Option<Quote>>,
    /// Warnings and notes (never errors) found while loading, in file order.
    pub warnings: Vec<Diagnostic>,
    /// The fact sheet as the user named it.
    pub sheet_path: String,
    /// The fact sheet's text exactly as it was read. Stored, not derived: the file may change on
    /// disk after loading, and the reader's changes ([`crate::edit::Editor`]) are made to, and
    /// compared with, what was loaded.
    pub sheet_text: String,
    actor_ids: HashMap<String, usize>,
    /// The first line (1-based) of each `[[actors]]`, `[[events]]` and `[[facts]]` table of
    /// the fact sheet, in file order, with the actor or event it describes (facts: none).
    tables: Vec<(usize, Option<Item>)>,
}

/// An actor or an event of the fact sheet, by its index in [`Briefing::sheet`] (events in
/// timeline order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Actor(usize),
    Event(usize),
    Fact(usize),
}

/// The outcome of checking a fact sheet: every diagnostic, in file order, and the briefing when
/// there was no error.
pub struct Checked {
    /// The briefing, or every diagnostic when there is none. A briefing's warnings are all its
    /// diagnostics, held there and not twice (3,019 warnings were 1.2 MB).
    outcome: Result<Briefing, Vec<Diagnostic>>,
    /// One line: `facts.toml: 27 actors, 9 events, 5 facts, 0 errors, 1 warning`.
    pub summary: String,
}

impl Checked {
    /// Every diagnostic, in file order.
    #[must_use]
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match &self.outcome {
            Ok(b) => &b.warnings,
            Err(diagnostics) => diagnostics,
        }
    }

    /// The briefing, or every diagnostic when there is none (some of them errors).
    ///
    /// # Errors
    /// The diagnostics, when the fact sheet has errors.
    pub fn into_briefing(self) -> Result<Briefing, Vec<Diagnostic>> {
        self.outcome
    }

    #[must_use]
    pub fn errors(&self) -> usize {
        self.diagnostics().iter().filter(|d| d.is_error()).count()
    }

    #[must_use]
    pub fn warnings(&self) -> usize {
        self.diagnostics()
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }
}

/// Checks and loads the fact sheet that `input` names.
pub fn check(input: &Input) -> Result<Checked, CannotRun> {
    let never = std::sync::atomic::AtomicBool::new(false);
    // Never told to stop, it always finishes.
    check_until(input, &never).unwrap_or_else(|| {
        Ok(finish(
            &input.sheet_display(),
            Counts::default(),
            Vec::new(),
            None,
        ))
    })
}

/// [`check`], given up (`None`) once `stop` is set (see [`check_text_until`]).
fn check_until(
    input: &Input,
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Result<Checked, CannotRun>> {
    match input.read_sheet() {
        Err(e) => Some(Err(e)),
        Ok(Ok(text)) => check_text_until(input, text, stop).map(Ok),
        Ok(Err(not_utf8)) => Some(Ok(finish(
            &input.sheet_display(),
            Counts::default(),
            vec![not_utf8],
            None,
        ))),
    }
}

/// Checks `text` as the fact sheet that `input` names, without reading the sheet: what a change
/// the reader is about to write would make of it. Diagnostics name `input`'s path, and the
/// article is read as `check` reads it.
#[must_use]
pub fn check_text(input: &Input, text: String) -> Checked {
    let never = std::sync::atomic::AtomicBool::new(false);
    // Never told to stop, it always finishes.
    check_text_until(input, text, &never)
        .unwrap_or_else(|| finish(&input.sheet_display(), Counts::default(), Vec::new(), None))
}

/// [`check_text`], given up (`None`) once `stop` is set: looked at between its steps (the
/// article read, the mentions and the quotes found), so a check nobody waits for any more
/// stops within a step (a second at 256 MiB) instead of running to its end.
#[must_use]
pub fn check_text_until(
    input: &Input,
    text: String,
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Checked> {
    let stopped = || stop.load(std::sync::atomic::Ordering::Relaxed);
    let sheet_path = input.sheet_display();
    let mut diagnostics = Vec::new();
    let ahead = input.read_ahead(&text);
    let src = SourceFile::new(sheet_path.clone(), &text);
    let Parsed {
        mut sheet,
        positions,
        diagnostics: parsed,
    } = parse(&src);
    diagnostics.extend(parsed);
    let counts = Counts::of(&positions);
    let syntax = diagnostics
        .iter()
        .any(|d| d.message.starts_with("TOML syntax"));
    if (syntax || sheet.briefing.title.is_empty() && sheet.briefing.article.is_empty())
        && !looks_like_a_fact_sheet(&text)
    {
        let d = not_a_fact_sheet(input, &src, syntax);
        return Some(finish(&sheet_path, Counts::default(), vec![d], None));
    }
    if syntax {
        return Some(finish(&sheet_path, counts, diagnostics, None));
    }
    validate(&sheet, &positions, &src, &mut diagnostics);
    if sheet.briefing.article.is_empty() {
        return Some(finish(&sheet_path, counts, diagnostics, None));
    }
    let omit = folded_omit(&sheet.briefing);
    let (read, automaton) = load_article(input, &sheet, &positions, &src, ahead, &omit);
    let ((article, omit_hits), notes) = match read {
        Ok(read) => read,
        Err(d) => {
            diagnostics.push(d);
            return Some(finish(&sheet_path, counts, diagnostics, None));
        }
    };
    diagnostics.extend(notes);
    if stopped() {
        return None;
    }
    report_omit(
        &omit,
        &omit_hits,
        &article,
        &positions,
        &src,
        &mut diagnostics,
    );
    let quotes = quotes(&sheet);
    let (mentions, found, copies) = index_and_locate(&article, automaton, &quotes, stop);
    if stopped() {
        return None;
    }
    report_silent(
        &sheet,
        &positions,
        &article,
        &mentions,
        &src,
        &mut diagnostics,
    );
    report_side_by_side(
        &sheet,
        &positions,
        &article,
        &mentions,
        &src,
        &mut diagnostics,
    );
    let (mut event_evidence, fact_evidence) = report_evidence(
        &sheet,
        &positions,
        &article,
        &quotes,
        found,
        copies,
        &src,
        &mut diagnostics,
    );
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Some(finish(&sheet_path, counts, diagnostics, None));
    }
    let event_lines = event_lines(&sheet, &positions, &src);
    sort_events(&mut sheet.events, &mut event_evidence);
    let briefing = Briefing {
        tables: tables(&sheet.events, &positions, &event_lines, &src),
        actor_ids: (sheet.actors.iter().enumerate())
            .map(|(n, a)| (a.id.clone(), n))
            .collect(),
        sheet,
        article: Arc::new(article),
        mentions,
        event_evidence,
        fact_evidence,
        warnings: sorted(diagnostics),
        sheet_path: sheet_path.clone(),
        sheet_text: text,
    };
    Some(finish(&sheet_path, counts, Vec::new(), Some(briefing)))
}

/// Whether `text` is meant as a fact sheet, however broken: a line opens one of its tables
/// (`[briefing]`, `[[actors]]`…) or sets one of them or its `title` or `article`. An article
/// given by mistake has none.
fn looks_like_a_fact_sheet(text: &str) -> bool {
    const WORDS: [&str; 6] = ["briefing", "actors", "events", "facts", "title", "article"];
    text.lines().any(|line| {
        let line = line.trim_start();
        let header = line.trim_start_matches(['[', ' ', '\t']);
        let key = line.split_once('=').map_or("", |(k, _)| k.trim());
        (line.starts_with('[') && WORDS[..4].iter().any(|t| header.starts_with(t)))
            || WORDS.contains(&key)
    })
}

/// The one error for a file that is no fact sheet at all, rather than one per line of it:
/// likely the article, named in place of its fact sheet.
fn not_a_fact_sheet(input: &Input, src: &SourceFile, syntax: bool) -> Diagnostic {
    let d = src.error(
        &(0..0),
        if syntax {
            "this is not a fact sheet: it is not TOML, and has no [briefing] table"
        } else {
            "this is not a fact sheet: it has no [briefing] table"
        },
    );
    match input.fact_sheet_beside() {
        Some(beside) => d.with_hint(format!("is it the article? did you mean {beside}?")),
        None => d.with_hint(
            "is it the article? name the fact sheet, which starts with [briefing], a title and \
             an article path",
        ),
    }
}

/// A warning for each actor the article never mentions, saying where its spellings stand when
/// only lines that `omit` hides name it.
fn report_silent(
    sheet: &FactSheet,
    positions: &Positions,
    article: &Article,
    mentions: &MentionIndex,
    src: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) {
    // A blank name is reported already; "never mentioned" would only repeat it.
    let silent = |n: usize| mentions.count(n) == 0 && !sheet.actors[n].name.trim().is_empty();
    if !(0..sheet.actors.len()).any(silent) {
        return;
    }
    let hidden = mentions::on_omitted_lines(article, &sheet.actors);
    for (n, (a, p)) in sheet.actors.iter().zip(&positions.actors).enumerate() {
        if !silent(n) {
            continue;
        }
        let d = match hidden[n].as_slice() {
            [] => src
                .warning(
                    &p.id,
                    format!(
                        "actor {} is never mentioned in the article",
                        quoted(&a.id, 40)
                    ),
                )
                .with_hint("check its name and aliases against the text"),
            lines => src
                .warning(
                    &p.id,
                    format!(
                        "actor {} is mentioned only on {} {} of the article, which `omit` hides",
                        quoted(&a.id, 40),
                        if lines.len() == 1 { "line" } else { "lines" },
                        numbers(lines)
                    ),
                )
                .with_hint(if lines.len() == 1 {
                    "a mention there is not counted; take the line out of `omit` to count it, \
                     or remove the actor"
                } else {
                    "mentions there are not counted; take the lines out of `omit` to count them, \
                     or remove the actor"
                }),
        };
        diagnostics.push(d);
    }
}

/// A warning for each phrase in which mentions of two different actors stand side by side,
/// with only whitespace between them ("Mr. Bankman Fried" read as a "Bankman" and a "Fried"):
/// usually one name that the fact sheet knows only in part. One warning per pair of actors and
/// phrase, with how often and where first, at the actor listed first in the fact sheet.
fn report_side_by_side(
    sheet: &FactSheet,
    positions: &Positions,
    article: &Article,
    mentions: &MentionIndex,
    src: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let text = article.text();
    let all = mentions.all();
    // (first actor, second actor, folded phrase) → (times, first line), in order of first use.
    // foldhash, not SipHash: a key is hashed for every pair side by side.
    let mut seen: foldhash::HashMap<(u32, u32, String), usize> = foldhash::HashMap::default();
    let mut found: Vec<((u32, u32, String), usize, usize)> = Vec::new();
    for i in mentions.side_by_side(text) {
        let (a, b) = (all[i], all[i + 1]);
        let key = (
            a.actor,
            b.actor,
            fold(&text[a.span.start as usize..b.span.end as usize]),
        );
        if let Some(&k) = seen.get(&key) {
            found[k].1 += 1;
        } else {
            seen.insert(key.clone(), found.len());
            found.push((key, 1, article.line_of(a.span.start as usize)));
        }
    }
    // Where each actor's id stands in the sheet, found once: an actor beside many others has a
    // warning for each, and finding a place again took a sixth of these warnings' time.
    let mut place: Vec<Option<(usize, usize)>> = vec![None; sheet.actors.len()];
    for ((a, b, phrase), times, line) in found {
        let (a, b) = (a as usize, b as usize);
        let (Some(first), Some(second)) = (sheet.actors.get(a), sheet.actors.get(b)) else {
            continue;
        };
        let Some(p) = positions.actors.get(a.min(b)) else {
            continue;
        };
        let at = if times == 1 {
            format!("on line {line}")
        } else {
            format!("{times} times; first on line {line}")
        };
        let phrase = quoted(&phrase, 60);
        let id_at = *place[a.min(b)].get_or_insert_with(|| src.line_col(p.id.start));
        let message = format!(
            "actors {} and {} are mentioned side by side in the article as {phrase} ({at})",
            quoted(&first.id, 40),
            quoted(&second.id, 40),
        );
        diagnostics.push(
            src.at_place(Severity::Warning, id_at, message)
                .with_hint(format!(
                    "if it is one name, add {phrase} to the aliases of one of them"
                )),
        );
    }
}

/// Warnings for `omit` lines listed twice or matching no line of the article.
fn report_omit(
    omit: &[String],
    hits: &[usize],
    article: &Article,
    positions: &Positions,
    src: &SourceFile,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lines = std::cell::OnceCell::new();
    for (k, (hits, span)) in hits.iter().zip(&positions.omit).enumerate() {
        if let Some(first) = omit[..k].iter().position(|o| *o == omit[k]) {
            let (line, _) = positions
                .omit
                .get(first)
                .map_or((0, 0), |s| src.line_col(s.start));
            diagnostics.push(src.warning(
                span,
                format!("this `omit` line is listed twice (also on line {line})"),
            ));
        } else if *hits == 0 {
            let d = src.warning(span, "this `omit` line matches no line of the article");
            let lines = lines.get_or_init(|| folded_lines(article));
            diagnostics.push(match nearest_line(&omit[k], lines) {
                Some(n) => d.with_hint(format!(
                    "did you mean line {}: {}?",
                    n + 1,
                    quoted(article.text()[article.line_range(n)].trim(), 60)
                )),
                None => d.with_hint("it must equal a whole line, apart from surrounding spaces"),
            });
        }
    }
}

/// Each line of the article that is not blank, folded and trimmed, with its 0-based number.
fn folded_lines(article: &Article) -> Vec<(usize, String)> {
    let text = article.text();
    (article.lines().ranges(text, 0).enumerate())
        .filter_map(|(n, range)| {
            let line = fold(text[range].trim());
            (!line.is_empty()).then_some((n, line))
        })
        .collect()
}

/// The 0-based number of the article line closest to `omit` (folded), if one is close enough
/// to be what was meant; the first of equally close ones.
fn nearest_line(omit: &str, lines: &[(usize, String)]) -> Option<usize> {
    let len = omit.chars().count();
    lines
        .iter()
        // Lines of very different length are not typos of it, and cost time to compare.
        .filter(|(_, l)| l.len() <= 2 * omit.len() + 8 && 2 * l.chars().count() + 8 >= len)
        .map(|(n, l)| (strsim::jaro_winkler(omit, l), *n))
        .filter(|(score, _)| *score >= 0.8)
        .fold(None, |best: Option<(f64, usize)>, (score, n)| match best {
            Some((b, _)) if b >= score => best,
            _ => Some((score, n)),
        })
        .map(|(_, n)| n)
}

/// How [`open`] fails.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    CannotRun(#[from] CannotRun),
    /// The fact sheet has errors; the diagnostics are all of them, warnings included.
    #[error("{summary}")]
    Invalid {
        diagnostics: Vec<Diagnostic>,
        summary: String,
    },
}

/// Loads a briefing for reading or export: any error refuses it, with the same messages as
/// `check`.
pub fn open(input: &Input) -> Result<Briefing, OpenError> {
    let never = std::sync::atomic::AtomicBool::new(false);
    // Never told to stop, it always finishes.
    open_until(input, &never).unwrap_or_else(|| {
        Err(OpenError::Invalid {
            diagnostics: Vec::new(),
            summary: "stopped".into(),
        })
    })
}

/// [`open`], given up (`None`) once `stop` is set: looked at between the steps of the check
/// (see [`check_text_until`]), so a load no one waits for any more ends within a step.
pub fn open_until(
    input: &Input,
    stop: &std::sync::atomic::AtomicBool,
) -> Option<Result<Briefing, OpenError>> {
    let Checked { outcome, summary } = match check_until(input, stop)? {
        Ok(checked) => checked,
        Err(e) => return Some(Err(e.into())),
    };
    Some(outcome.map_err(|diagnostics| OpenError::Invalid {
        diagnostics,
        summary,
    }))
}

impl Briefing {
    /// The actor, event or fact whose table line `line` (1-based) of the fact sheet falls in, if
    /// any.
    #[must_use]
    pub fn item_at_line(&self, line: usize) -> Option<Item> {
        let n = self.tables.partition_point(|&(start, _)| start <= line);
        n.checked_sub(1)
            .and_then(|n| self.tables.get(n))
            .and_then(|&(_, item)| item)
    }

    /// The bundled sample briefing. It is checked by the test suite, so it always loads.
    ///
    /// # Panics
    /// Only if the bundled briefing were broken, which the tests rule out.
    #[must_use]
    pub fn bundled() -> Self {
        match open(&Input::Bundled) {
            Ok(b) => b,
            Err(e) => panic!("the bundled briefing is broken: {e}"),
        }
    }

    /// Whether this is the sample compiled into the binary.
    #[must_use]
    pub fn is_bundled(&self) -> bool {
        self.sheet_path == input::BUNDLED_SHEET_PATH
    }

    /// The index of the actor with this id.
    #[must_use]
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actor_ids.get(id).copied()
    }

    /// The indices of the events that name actor `actor`, in timeline order.
    pub fn events_of(&self, actor: usize) -> impl Iterator<Item = usize> + '_ {
        let id = self.sheet.actors.get(actor).map(|a| a.id.as_str());
        self.sheet
            .events
            .iter()
            .enumerate()
            .filter(move |(_, e)| id.is_some_and(|id| e.actors.iter().any(|a| a == id)))
            .map(|(n, _)| n)
    }

    /// The indices of the facts attributed to actor `actor`.
    pub fn facts_of(&self, actor: usize) -> impl Iterator<Item = usize> + '_ {
        let id = self.sheet.actors.get(actor).map(|a| a.id.as_str());
        self.sheet
            .facts
            .iter()
            .enumerate()
            .filter(move |(_, f)| id.is_some() && f.source.as_deref() == id)
            .map(|(n, _)| n)
    }

    /// Actors whose `affiliation` is actor `actor`.
    pub fn members_of(&self, actor: usize) -> impl Iterator<Item = usize> + '_ {
        let id = self.sheet.actors.get(actor).map(|a| a.id.as_str());
        self.sheet
            .actors
            .iter()
            .enumerate()
            .filter(move |(_, a)| id.is_some() && a.affiliation.as_deref() == id)
            .map(|(n, _)| n)
    }
}

/// The `omit` lines of a fact sheet's `[briefing]`, folded as the article's lines are compared
/// with them. One function for the whole sheet, its head read ahead and the preview: the read
/// ahead's article is used only if its list is the same as the whole sheet's.
fn folded_omit(meta: &Meta) -> Vec<String> {
    meta.omit.iter().map(|o| fold(o)).collect()
}

/// The article `sheet` names, indexed with `omit` left out (with how many lines each entry of
/// `omit` matched, and notes worth printing), or the error that stops it loading; and the
/// automaton of the sheet's spellings. The automaton is built first: only the fact sheet goes
/// into it, and meanwhile the article is usually being read and indexed on the thread that
/// read ahead (`ahead`), whose result [`Input::read_article`] then waits for. Built on this
/// thread, not another: there, its scratch memory was freed into that thread's heap, where the
/// index could not reuse it (the 256 MiB article's `check` peaked 5 MiB higher).
fn load_article(
    input: &Input,
    sheet: &FactSheet,
    positions: &Positions,
    src: &SourceFile,
    ahead: Option<input::ReadAhead>,
    omit: &[String],
) -> (ArticleRead, Automaton) {
    let automaton = Automaton::new(&sheet.actors);
    let read = input.read_article(
        &sheet.briefing.article,
        &positions.article,
        src,
        ahead,
        omit,
    );
    (read, automaton)
}

/// What [`load_article`] gives of the article.
type ArticleRead = Result<((Article, Vec<usize>), Vec<Diagnostic>), Diagnostic>;

/// The mention index of the article, where each quote stands in it, and where each copy of a
/// quote found more than once starts (see `evidence::Locator::finish`): one pass over the
/// article a chunk at a time, each chunk folded once and searched for both. Incomplete once
/// `stop` is set (the chunks after it are passed over).
fn index_and_locate(
    article: &Article,
    automaton: Automaton,
    quotes: &[&str],
    stop: &std::sync::atomic::AtomicBool,
) -> (MentionIndex, Vec<Option<Quote>>, Vec<Vec<usize>>) {
    let locator = evidence::Locator::new(quotes);
    let (index, parts) =
        automaton.index_with(article, locator.reach(), |c| locator.search_chunk(c), stop);
    let (found, copies) = locator.finish(article, parts);
    (index, found, copies)
}

/// The evidence quotes of the events, then of the facts (empty for none).
fn quotes(sheet: &FactSheet) -> Vec<&str> {
    sheet
        .events
        .iter()
        .map(|e| e.evidence.as_deref().unwrap_or(""))
        .chain(
            sheet
                .facts
                .iter()
                .map(|f| f.evidence.as_deref().unwrap_or("")),
        )
        .collect()
}

/// The problems with the evidence `quotes` (see [`quotes`]), found in the article as `found`,
/// each found more than once with its `copies` (see [`index_and_locate`]); `found` split into
/// the events' and the facts'.
#[allow(clippy::too_many_arguments)] // each is one of check's products, used once here
fn report_evidence(
    sheet: &FactSheet,
    positions: &Positions,
    article: &Article,
    quotes: &[&str],
    mut found: Vec<Option<Quote>>,
    copies: Vec<Vec<usize>>,
    src: &SourceFile,
    out: &mut Vec<Diagnostic>,
) -> (Vec<Option<Quote>>, Vec<Option<Quote>>) {
    let mut missing = why_missing(article, quotes, &found);
    let spans = positions
        .events
        .iter()
        .map(|p| &p.evidence)
        .chain(positions.facts.iter().map(|p| &p.evidence));
    let each = quotes.iter().zip(&found).zip(spans).zip(&mut missing);
    for ((((quote, q), span), why), at) in each.zip(copies) {
        if quote.trim().is_empty() {
            continue;
        }
        match q {
            None if evidence::elided_parts(quote).is_some() => {
                out.push(elided_not_found(quote, why.take(), src, span));
            }
            None => {
                let d = src.error(
                    span,
                    format!("evidence {} is not in the article", quoted(quote, 60)),
                );
                match why.take() {
                    Some(Missing::OnOmittedLine(line)) => out.push(d.with_hint(format!(
                        "it is on line {line}, which `omit` hides; quote the article proper, or \
                         take the line out of `omit`",
                    ))),
                    Some(Missing::Crosses(crossed)) => {
                        let (lines, hint) = if crossed.len() == 1 {
                            (
                                "line",
                                "quote only the words before it or after it, or take the line \
                                 out of `omit`",
                            )
                        } else {
                            (
                                "lines",
                                "quote only words that no such line interrupts, or take the \
                                 lines out of `omit`",
                            )
                        };
                        out.push(
                            src.error(
                                span,
                                format!(
                                    "evidence {} crosses {lines} {} of the article, which `omit` \
                                     hides",
                                    quoted(quote, 60),
                                    numbers(&crossed)
                                ),
                            )
                            .with_hint(hint),
                        );
                    }
                    Some(Missing::NotFound(hint)) => out.push(d.with_hint(hint)),
                    // Elided quotes are told apart above.
                    Some(Missing::Elided { .. }) | None => out.push(d),
                }
            }
            Some(q) if q.count > 1 => {
                out.push(repeated_evidence(article, quote, q.count, &at, span, src));
            }
            Some(_) => {}
        }
    }
    let facts = found.split_off(sheet.events.len());
    (found, facts)
}

/// The error for a quote that leaves words out (`…`) and is not in the article: which part is
/// not found, and what the article has of it.
fn elided_not_found(
    quote: &str,
    why: Option<Missing>,
    src: &SourceFile,
    span: &Span,
) -> Diagnostic {
    let Some(Missing::Elided { k, part, hint }) = why else {
        return src
            .error(
                span,
                format!("evidence {} is only an ellipsis", quoted(quote, 60)),
            )
            .with_hint("quote the article's own words, with `…` only where words are left out");
    };
    let message = if k == 0 {
        format!(
            "evidence {} is not in the article: part 1, {}, is not found",
            quoted(quote, 60),
            quoted(&part, 40)
        )
    } else {
        format!(
            "evidence {} is not in the article: part {}, {}, is not found after part {k} in the \
             same paragraph",
            quoted(quote, 60),
            k + 1,
            quoted(&part, 40)
        )
    };
    src.error(span, message).with_hint(hint)
}

/// Why a quote is not in the article.
enum Missing {
    /// It is on this line (1-based), which `omit` hides.
    OnOmittedLine(usize),
    /// It runs across these lines, which `omit` hides.
    Crosses(Vec<usize>),
    /// Neither: what the article has of it instead (a hint).
    NotFound(String),
    /// A quote that leaves words out: part `k` (0-based) is not found (after the one before
    /// it), and what the article has of it (a hint).
    Elided {
        k: usize,
        part: String,
        hint: String,
    },
}

/// Why each quote not found (and not elided) is missing, `None` for the others: asked for all
/// of them at once, a scan of the article per question rather than per quote (1,000 missing
/// quotes on 10 MB took over a second one by one).
fn why_missing(
    article: &Article,
    quotes: &[&str],
    found: &[Option<Quote>],
) -> Vec<Option<Missing>> {
    let mut why: Vec<Option<Missing>> = quotes.iter().map(|_| None).collect();
    let not_found = |i: &usize| found[*i].is_none() && !quotes[*i].trim().is_empty();
    let asked: Vec<usize> = (0..quotes.len())
        .filter(not_found)
        .filter(|&i| evidence::elided_parts(quotes[i]).is_none())
        .collect();
    let elided: Vec<(usize, Vec<String>)> = (0..quotes.len())
        .filter(not_found)
        .filter_map(|i| evidence::elided_parts(quotes[i]).map(|parts| (i, parts)))
        .filter(|(_, parts)| !parts.is_empty())
        .collect();
    why_elided(article, &elided, &mut why);
    if asked.is_empty() {
        return why;
    }
    let hidden: Vec<(String, usize)> = article
        .omitted()
        .iter()
        .map(|r| (fold(&article.text()[r.clone()]), r.start))
        .collect();
    let mut rest = Vec::new();
    for &i in &asked {
        let q = fold(quotes[i]);
        match hidden.iter().find(|(line, _)| line.contains(&q)) {
            Some(&(_, start)) => why[i] = Some(Missing::OnOmittedLine(article.line_of(start))),
            None => rest.push(i),
        }
    }
    let omitted = evidence::Omitted::new(article);
    let of = |ids: &[usize]| ids.iter().map(|&i| quotes[i]).collect::<Vec<_>>();
    let mut unexplained = Vec::new();
    for (i, crossed) in rest.iter().zip(omitted.crossed_all(&of(&rest))) {
        if crossed.is_empty() {
            unexplained.push(*i);
        } else {
            why[*i] = Some(Missing::Crosses(crossed));
        }
    }
    for (i, hint) in unexplained
        .iter()
        .zip(not_found_hints(article, &of(&unexplained)))
    {
        why[*i] = Some(Missing::NotFound(hint));
    }
    why
}

/// Why each elided quote not found (given with its parts, none empty) is missing: which part
/// is not found, and what the article has of it, asked for all at once.
fn why_elided(article: &Article, elided: &[(usize, Vec<String>)], why: &mut [Option<Missing>]) {
    if elided.is_empty() {
        return;
    }
    let all: Vec<&[String]> = elided.iter().map(|(_, parts)| parts.as_slice()).collect();
    let ks: Vec<usize> = evidence::find_elided_all(article, &all)
        .into_iter()
        .map(|r| r.err().unwrap_or(0))
        .collect();
    let parts: Vec<&str> = elided
        .iter()
        .zip(&ks)
        .map(|((_, parts), &k)| parts.get(k).map_or("", String::as_str))
        .collect();
    let folded = article.folded();
    let elsewhere = evidence::first_of_each(article.folded_str(), &parts);
    let nowhere = unanswered(&parts, &elsewhere);
    let mut hints = not_found_hints(article, &nowhere).into_iter();
    for (((i, _), &k), (part, at)) in elided.iter().zip(&ks).zip(parts.iter().zip(elsewhere)) {
        let hint = match at {
            Some(at) => format!(
                "the article has it on line {}, but not there",
                article.line_of(folded.to_original(at))
            ),
            None => hints.next().unwrap_or_default(),
        };
        why[*i] = Some(Missing::Elided {
            k,
            part: (*part).to_owned(),
            hint,
        });
    }
}

/// The `asked` whose answer (in `answers`, in the same order) is `None`: what is asked next.
fn unanswered<'a, T>(asked: &[&'a str], answers: &[Option<T>]) -> Vec<&'a str> {
    asked
        .iter()
        .zip(answers)
        .filter(|(_, a)| a.is_none())
        .map(|(q, _)| *q)
        .collect()
}

/// What the article does have of each quote it does not: the quote with other capitals, or how
/// far the quote matches, where, and what the article says there instead; asked for all at
/// once.
fn not_found_hints(article: &Article, quotes: &[&str]) -> Vec<String> {
    let cased = evidence::other_case_all(article, quotes);
    let uncased = unanswered(quotes, &cased);
    let loose = evidence::loosely_all(article, &uncased);
    let unloosed = unanswered(&uncased, &loose);
    let mut loosely = loose.into_iter();
    // A beginning shorter than 8 characters says too little to be shown.
    let mut prefixes = evidence::longest_prefix_all(article, &unloosed, 8).into_iter();
    cased
        .into_iter()
        .map(|r| {
            if let Some(r) = r {
                let (line, column) = article.line_col(r.start);
                return format!(
                    "the article has it with other capitals on line {line}, column {column}: {}",
                    quoted(&fold(&article.text()[r]), 60)
                );
            }
            if let Some(r) = loosely.next().flatten() {
                let (line, column) = article.line_col(r.start);
                return format!(
                    "the article has it with other punctuation, spacing or capitals on line \
                     {line}, column {column}: {}",
                    quoted(&fold(&article.text()[r]), 60)
                );
            }
            match prefixes.next().flatten() {
                Some(p) => {
                    let (line, column) = article.line_col(p.end);
                    format!(
                        "the article has {} up to line {line}, column {column}, where it says {}",
                        quoted(&p.found, 60),
                        quoted(&p.next, 40)
                    )
                }
                _ => "quote the article's own words; case and letters must match".to_owned(),
            }
        })
        .collect()
}

/// The warning for evidence found `count` times: on which lines of the article each copy
/// stands and, when the lines that hold copies are the same text (a paragraph or a box the page
/// repeats), which lines repeat. `omit` hides every line with a given text, so it is offered only
/// when a copy stands outside the repeated lines and would be left.
/// What a quote is counted by: a quote that leaves words out by its first part (see
/// `evidence::find_elided`), another by itself, folded.
fn needle_of(quote: &str) -> String {
    evidence::elided_parts(quote)
        .and_then(|parts| parts.into_iter().next())
        .unwrap_or_else(|| fold(quote))
}

/// `at`: where each copy of the quote's needle ([`needle_of`]) starts in the folded article,
/// overlapping ones too (as `count` counts them).
fn repeated_evidence(
    article: &Article,
    quote: &str,
    count: u32,
    at: &[usize],
    span: &std::ops::Range<usize>,
    src: &SourceFile,
) -> Diagnostic {
    let folded = article.folded();
    let needle = needle_of(quote);
    // Every copy as its first and last line.
    let copies: Vec<(usize, usize)> = at
        .iter()
        .map(|&at| {
            let start = folded.to_original(at);
            let end = folded.to_original(at + needle.len());
            (
                article.line_of(start),
                article.line_of(end.saturating_sub(1).max(start)),
            )
        })
        .collect();
    let mut lines: Vec<usize> = copies.iter().map(|c| c.0).collect();
    lines.dedup();
    let mut message = format!(
        "evidence {} occurs {count} times in the article, on {} {}",
        quoted(quote, 60),
        if lines.len() == 1 { "line" } else { "lines" },
        numbers(&lines)
    );
    // The lines that hold each copy, as text; copies whose lines are the same text repeat.
    // Each run of lines is folded once, and its text named by a number: a quote found
    // thousands of times in one long line folded that line for each copy.
    // Lines of the same bytes are folded once too (an article that repeats itself).
    let raw = |&(first, last): &(usize, usize)| {
        let start = article
            .line_range(first - 1)
            .start
            .max(article.body_start());
        &article.text()[start..article.line_range(last - 1).end]
    };
    // foldhash, not SipHash: the lines of every copy are hashed, and SipHash over them took 6%
    // of `check`'s time on an article that repeats itself (256 MiB).
    let mut of_lines: foldhash::HashMap<(usize, usize), usize> = foldhash::HashMap::default();
    let mut of_raw: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    let mut of_text: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
    let blocks: Vec<usize> = copies
        .iter()
        .map(|c| {
            *of_lines.entry(*c).or_insert_with(|| {
                *of_raw.entry(raw(c)).or_insert_with_key(|text| {
                    let n = of_text.len();
                    *of_text.entry(fold(text)).or_insert(n)
                })
            })
        })
        .collect();
    // For each text, the first line of a copy in it, and whether copies in it begin on
    // other lines too (then each of them repeats).
    let mut starts: foldhash::HashMap<usize, (usize, bool)> = foldhash::HashMap::default();
    for (c, &b) in copies.iter().zip(&blocks) {
        let e = starts.entry(b).or_insert((c.0, false));
        e.1 |= e.0 != c.0;
    }
    let repeats = |k: usize| starts.get(&blocks[k]).is_some_and(|&(_, several)| several);
    let Some(first) = (0..copies.len()).find(|&k| repeats(k)) else {
        return src
            .warning(span, message)
            .with_hint("the first is used; quote more words to make it unique");
    };
    let mut same: Vec<(usize, usize)> = (0..copies.len())
        .filter(|&j| blocks[j] == blocks[first])
        .map(|j| copies[j])
        .collect();
    same.dedup();
    grow_repeated(article, &mut same);
    let several = same.iter().any(|&(a, b)| a != b);
    let shown: Vec<String> = same
        .iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}-{b}")
            }
        })
        .collect();
    message.push_str("; lines ");
    message.push_str(&listed(&shown, "and"));
    message.push_str(" repeat word for word");
    if (0..copies.len()).any(|k| !repeats(k)) {
        let hint = if several {
            "if the repeated lines are page furniture, list them in `omit`, which hides every \
             copy, and the quote is found where it is not repeated; or quote more words"
        } else {
            "if the repeated line is page furniture, list it in `omit`, which hides every copy, \
             and the quote is found where it is not repeated; or quote more words"
        };
        src.warning(span, message).with_hint(hint)
    } else {
        src.warning(span, message).with_hint(
            "the first is used; `omit` would hide every copy, since it hides lines by their \
             text: delete the repeated copy from the article, or quote more words",
        )
    }
}

/// Grows blocks of lines that are the same text (1-based `(first, last)`, ascending, apart) by
/// the lines around them, as long as those are the same text in every block too: not blank, not
/// omitted, and not running into the next block.
fn grow_repeated(article: &Article, blocks: &mut [(usize, usize)]) {
    let line = |n: usize| {
        let r = article.line_range(n - 1);
        if article.is_omitted(r.start) {
            return String::new();
        }
        fold(&article.text()[r.start.max(article.body_start())..r.end])
    };
    let same = |blocks: &[(usize, usize)], at: &dyn Fn(&(usize, usize)) -> usize| {
        let first = line(at(&blocks[0]));
        !first.is_empty() && blocks.iter().all(|b| line(at(b)) == first)
    };
    while blocks.iter().all(|b| b.0 > 1)
        && blocks.windows(2).all(|w| w[1].0 - 1 > w[0].1)
        && same(blocks, &|b| b.0 - 1)
    {
        for b in blocks.iter_mut() {
            b.0 -= 1;
        }
    }
    while blocks.iter().all(|b| b.1 < article.line_count())
        && blocks.windows(2).all(|w| w[0].1 + 1 < w[1].0)
        && same(blocks, &|b| b.1 + 1)
    {
        for b in blocks.iter_mut() {
            b.1 += 1;
        }
    }
}

/// Line numbers for a message: "2", "2 and 4", "2, 4 and 9"; past the first five, how many
/// more there are.
pub(crate) fn numbers(lines: &[usize]) -> String {
    let lines: Vec<String> = lines.iter().map(ToString::to_string).collect();
    listed(&lines, "and")
}

/// Items for a message, as [`numbers`] lists them, the last after `conjunction` ("and", "or").
pub(crate) fn listed(items: &[String], conjunction: &str) -> String {
    const SHOWN: usize = 5;
    let shown: Vec<String> = items.iter().take(SHOWN).cloned().collect();
    let more = items.len().saturating_sub(SHOWN);
    match shown.split_last() {
        _ if more > 0 => format!("{} {conjunction} {more} more", shown.join(", ")),
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {conjunction} {last}", rest.join(", "))
        }
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// The first line of each event's table, by the event's id (before the events are sorted).
fn event_lines(
    sheet: &FactSheet,
    positions: &Positions,
    src: &SourceFile,
) -> HashMap<String, usize> {
    (sheet.events.iter().zip(&positions.events))
        .map(|(e, p)| (e.id.clone(), src.line_col(p.table.start).0))
        .collect()
}

/// The first line of each `[[actors]]`, `[[events]]` and `[[facts]]` table, in file order,
/// with the actor or event it describes; `events` in timeline order.
fn tables(
    events: &[Event],
    positions: &Positions,
    event_lines: &HashMap<String, usize>,
    src: &SourceFile,
) -> Vec<(usize, Option<Item>)> {
    let actors = (positions.actors.iter().enumerate())
        .map(|(n, p)| (src.line_col(p.table.start).0, Some(Item::Actor(n))));
    let events = (events.iter().enumerate())
        .filter_map(|(n, e)| Some((*event_lines.get(&e.id)?, Some(Item::Event(n)))));
    let facts = (positions.facts.iter().enumerate())
        .map(|(n, p)| (src.line_col(p.table.start).0, Some(Item::Fact(n))));
    let mut tables: Vec<_> = actors.chain(events).chain(facts).collect();
    tables.sort_by_key(|&(line, _)| line);
    tables
}

fn sort_events(events: &mut Vec<Event>, evidence: &mut Vec<Option<Quote>>) {
    let mut paired: Vec<(Event, Option<Quote>)> =
        events.drain(..).zip(evidence.drain(..)).collect();
    paired.sort_by(|(a, _), (b, _)| a.date.cmp(&b.date).then(a.end.cmp(&b.end)));
    for (e, q) in paired {
        events.push(e);
        evidence.push(q);
    }
}

fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    diagnostics
}

/// How many entries a fact sheet has, for the summary line.
#[derive(Clone, Copy, Default)]
struct Counts {
    actors: usize,
    events: usize,
    facts: usize,
}

impl Counts {
    fn of(positions: &Positions) -> Self {
        let [actors, events, facts] = positions.tables;
        Self {
            actors,
            events,
            facts,
        }
    }
}

/// The outcome: `diagnostics` are every diagnostic when there is no briefing, and none when
/// there is (its warnings are all of them), so they are dropped then.
fn finish(
    sheet_path: &str,
    counts: Counts,
    diagnostics: Vec<Diagnostic>,
    briefing: Option<Briefing>,
) -> Checked {
    let mut checked = Checked {
        outcome: briefing.ok_or_else(|| sorted(diagnostics)),
        summary: String::new(),
    };
    let file = if sheet_path == input::BUNDLED_SHEET_PATH {
        input::BUNDLED_NAME.to_owned()
    } else {
        std::path::Path::new(sheet_path).file_name().map_or_else(
            || sheet_path.to_owned(),
            |f| f.to_string_lossy().into_owned(),
        )
    };
    checked.summary = format!(
        "{file}: {}, {}, {}, {}, {}",
        count(counts.actors, "actor"),
        count(counts.events, "event"),
        count(counts.facts, "fact"),
        count(checked.errors(), "error"),
        count(checked.warnings(), "warning"),
    );
    checked
}

/// Used by [`input`] to report an article that is not UTF-8 at its own line and column.
fn not_utf8_diagnostic(path: &str, e: article::NotUtf8) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        path: path.to_owned(),
        line: e.line,
        column: e.column,
        message: format!(
            "the file is not UTF-8 text: byte {} is not valid UTF-8",
            e.byte
        ),
        hint: Some("convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8`".to_owned()),
    }
}

#[cfg(test)]
mod tests;
