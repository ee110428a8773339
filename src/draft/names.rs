//! Proper names in an article, grouped into candidate actors with a guessed kind.
//!
//! A name is a run of capitalised words, joined by connectors ("Armed Forces of Ukraine") and
//! inner hyphens ("Bankman-Fried"); a possessive ends it ("Biden's" → "Biden"), and so does any
//! punctuation. A capitalised word that opens a sentence is a name only if the text also
//! capitalises it elsewhere ("However", "These" are not; "Jones" after "Douglas Jones" is).
//! Variants of one name are grouped: a surname with the full name, a title with the name it
//! precedes ("President Joe Biden"), an acronym in brackets with the name before it
//! ("Ukrainian Armed Forces (AFU)"), a demonym with its country ("Russian" with "Russia"), a
//! name in capitals with the one written otherwise (a dateline's "ROTTERDAM" with "Rotterdam").
//! A surname alone that ends several people's names, or follows both "Mr" and "Ms", is joined
//! to none and marked shared ([`Candidate::shared`]): the draft makes it no actor, and `suggest`
//! says whose it may be. A given name before a particle is kept ("Marieke de Vries"), and so are the
//! particles before a surname alone, which joins the full name ("von der Leyen"); a day or a
//! month after "on" ends a name ("Kyiv on Tuesday"); a day of the week before a
//! name's connector is not part of it ("on Wednesday the Dutch prime minister").
//!
//! A middle initial, a suffix after a comma and an ordinal before belong to a name ("William A.
//! Trudeau, Jr.", "2nd Circuit"); letters after it do not, and make it a person's ("Rebecca
//! Okafor KC"); a title-case name in quotes keeps its "and" and dashes. Words
//! in capitals the text also writes in lowercase ("BY 15 YEARS!") and pronouns and auxiliaries
//! ("We", "I’m", "Do") are not names. Text the sentences leave out (a sentence mostly in
//! capitals) is still searched for countries.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicBool, Ordering};

use super::countries::{country, is_city, is_region};
use super::text::{Sentence, Word, words};
use crate::sheet::ActorKind;

/// Lowercase words that may stand inside a name between capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "for", "the", "de", "da", "del", "der", "den", "di", "du", "la", "le", "van", "von",
    "bin", "al", "el", "on",
];

/// The [`CONNECTORS`] that are English words, not particles of a name: a word opening a
/// sentence before one ("Leaders of NATO") is not part of the name, as it is before a particle
/// ("Marieke de Vries").
const ENGLISH_CONNECTORS: &[&str] = &["of", "for", "the", "on"];

/// Whether `word` is a particle of a name, a [`CONNECTORS`] word that is not English ("de",
/// "von", "bin"): it opens a name it stands before ("von der Leyen", "de Blasio").
fn particle(word: &str) -> bool {
    CONNECTORS.contains(&word) && !ENGLISH_CONNECTORS.contains(&word)
}

/// Words that open a sentence without being part of a name ("The Kremlin said" → "Kremlin").
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "When",
    "While",
    "After",
    "Before",
    "If",
    "As",
    "By",
    "With",
    "From",
    "To",
    "Of",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Why",
    "What",
    "How",
    "Who",
    "Where",
    "There",
    "Here",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "No",
    "Not",
    "Now",
    "Then",
    "Yet",
    "So",
    "Also",
    "However",
    "Meanwhile",
    "According",
    "Additionally",
    "Next",
    "Last",
    "Earlier",
    "Later",
    "Yesterday",
    "Today",
    "Tomorrow",
    "Tonight",
    "Still",
    "Instead",
    "Indeed",
    "Separately",
];

/// Pronouns and auxiliaries: capitalised at a sentence start or after a quote or a dash, never
/// names ("We", "I’m", "Do" in a speech).
const NOT_NAMES: &[&str] = &[
    "I",
    "I'm",
    "I’m",
    "I've",
    "I’ve",
    "I'll",
    "I’ll",
    "I'd",
    "I’d",
    "We",
    "We're",
    "We’re",
    "We've",
    "We’ve",
    "We'll",
    "We’ll",
    "You",
    "You're",
    "You’re",
    "He",
    "She",
    "It",
    "They",
    "They're",
    "They’re",
    "Us",
    "Me",
    "My",
    "Our",
    "Your",
    "Do",
    "Does",
    "Did",
    "Don't",
    "Don’t",
    "Is",
    "Are",
    "Was",
    "Were",
    "Have",
    "Has",
    "Had",
    "Let",
];

/// Words for relatives: the name right after one is a person's ("his wife Heather Bliss").
const KIN: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "widow",
    "widower",
    "fiancée",
    "fiancé",
    "girlfriend",
    "boyfriend",
    "grandson",
    "granddaughter",
];

/// What may follow a person's name after a comma ("William A. Trudeau, Jr.").
const SUFFIXES: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

/// Letters after a person's name that are not part of it: an office or an honour ("Rebecca
/// Okafor KC", "Keir Starmer MP"). The name is drafted without them, as a person's.
const POST_NOMINALS: &[&str] = &[
    "KC", "QC", "MP", "MEP", "MSP", "OBE", "MBE", "CBE", "KBE", "DBE", "FRS",
];

/// Words that title a person ("President", "Judge") or name an office held.
const TITLES: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "Professor",
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Foreign",
    "Defence",
    "Defense",
    "Secretary",
    "Deputy",
    "Assistant",
    "Under",
    "General",
    "Judge",
    "Justice",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Congressman",
    "Congresswoman",
    "Governor",
    "Gov",
    "Mayor",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Chief",
    "Executive",
    "Chairman",
    "Chairwoman",
    "Director",
    "Ambassador",
    "Commissioner",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Lieutenant",
    "Colonel",
    "Col",
    "Captain",
    "Sergeant",
    "Admiral",
    "Commander",
    "Cmdr",
    "Marshal",
    "Speaker",
    "Attorney",
    "CEO",
    "Sheikh",
    "Emir",
    "Crown",
    "Lord",
    "Lady",
    "Sir",
    "Dame",
    "Rev",
    "Bishop",
    "Cardinal",
    "Archbishop",
    "Gen",
    "Lt",
    "Sgt",
    "Capt",
    "Adm",
    "Maj",
    "Major",
    "Hon",
    "Leader",
    "Member",
    "Administrator",
];

/// Titles that may stand before a surname alone ("President Biden", "Mr Jones"); others need a
/// name of two words after them, so that "General Motors" is not a person called Motors.
const HONORIFICS: &[&str] = &[
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "President",
    "Judge",
    "Senator",
    "Sen",
    "Rep",
    "Governor",
    "Gov",
    "Mayor",
    "Chancellor",
    "King",
    "Queen",
    "Pope",
    "Minister",
    "Secretary",
    "Sheikh",
    "Emir",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Rev",
    "Ambassador",
    "Leader",
    "Hon",
    "Admiral",
    "Adm",
    "Colonel",
    "Col",
    "Lieutenant",
    "Lt",
    "Sergeant",
    "Sgt",
    "Commander",
    "Director",
    "Speaker",
    "Administrator",
    "Chairman",
    "Chairwoman",
    "Commissioner",
];

/// Given names (the 1990 US census's, `first_names.txt`): a name of two or three words that
/// starts with one is a person's ("Kimberly Ballinger").
static FIRST_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("first_names.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Given names on the census list that start a place or a thing's name more often than a
/// person's ("Long Beach", "Santa Clara", "Major League", "Hope Street").
const NOT_FIRST_NAMES: &[&str] = &[
    "Long",
    "Santa",
    "San",
    "Major",
    "King",
    "Will",
    "May",
    "June",
    "April",
    "August",
    "Hope",
    "Joy",
    "Grace",
    "Faith",
    "Summer",
    "Winter",
    "Autumn",
    "Spring",
    "Dallas",
    "Houston",
    "Paris",
    "Lincoln",
    "Madison",
    "Jackson",
    "Washington",
    "Austin",
    "Phoenix",
    "Charlotte",
    "Florence",
    "Sydney",
    "Victoria",
    "Chelsea",
    "Christian",
    "Golden",
    "Royal",
    "Young",
    "Rich",
    "Green",
    "White",
    "Black",
    "Brown",
    "Star",
    "Sun",
    "Page",
    "Press",
    "Federal",
    "General",
    "Justice",
    "Commodore",
    "Central",
    "Union",
    "Liberty",
    "Independence",
];

fn first_name(word: &str) -> bool {
    FIRST_NAMES.contains(word) && !NOT_FIRST_NAMES.contains(&word) && !is_region(word)
}

/// Head nouns of organisations.
const ORGANIZATION_HEADS: &[&str] = &[
    "Office",
    "Ministry",
    "Department",
    "Council",
    "Court",
    "Circuit",
    "Forces",
    "Force",
    "Agency",
    "Bank",
    "Party",
    "Inc",
    "Ltd",
    "LLC",
    "Corp",
    "Corporation",
    "Company",
    "Group",
    "Union",
    "Committee",
    "Commission",
    "Association",
    "Army",
    "Navy",
    "Police",
    "Service",
    "Services",
    "University",
    "Institute",
    "Foundation",
    "Fund",
    "Organization",
    "Organisation",
    "Parliament",
    "Senate",
    "Congress",
    "Assembly",
    "Government",
    "Administration",
    "Bureau",
    "Authority",
    "Board",
    "Command",
    "Alliance",
    "Federation",
    "League",
    "Coalition",
    "Guard",
    "Cabinet",
    "Kremlin",
    "Pentagon",
    "Secretariat",
    "Exchange",
    "Airlines",
    "Corps",
    "Port",
    "Center",
    "Centre",
    "Hospital",
    "School",
    "College",
    "Academy",
    "Church",
    "Club",
    "Society",
    "Trust",
    "Network",
    "Laboratory",
    "Reserve",
];

/// Head nouns of newspapers, broadcasters and agencies.
const MEDIA_HEADS: &[&str] = &[
    "Journal",
    "Times",
    "Post",
    "News",
    "Radio",
    "Television",
    "TV",
    "Tribune",
    "Herald",
    "Gazette",
    "Guardian",
    "Telegraph",
    "Press",
    "Reuters",
    "Bloomberg",
    "Broadcasting",
    "Magazine",
    "Review",
    "Observer",
    "Independent",
    "Economist",
    "Chronicle",
];

/// A candidate actor: a name, its other spellings, and where they all stand.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub aliases: Vec<String>,
    /// Why each alias belongs, aligned with `aliases`.
    pub alias_reasons: Vec<String>,
    pub kind: ActorKind,
    /// Why the kind was guessed; `None` when it was not (`kind` is then `other`).
    pub kind_reason: Option<String>,
    /// Every occurrence of every spelling, ascending.
    pub occurrences: Vec<Range<usize>>,
    /// The longer names a surname alone may stand for, when it is more than one and it is joined
    /// to none: "Johnson" after "Mr Johnson" and "Ms Johnson", or beside "Boris Johnson" and
    /// "Dustin Johnson". Such a name is no actor of its own: the curator says whose it is where
    /// it stands.
    pub shared: Vec<String>,
}

/// One name as found: a run of words, trimmed.
#[derive(Clone, Debug)]
struct Run {
    range: Range<usize>,
    text: String,
    /// Leading title words stripped: the run without them (the name) and its range.
    titled: Option<(Range<usize>, String)>,
    /// An acronym in brackets right after: `(AFU)`.
    acronym: Option<(Range<usize>, String)>,
    /// A job title with nothing after it but "of …" ("Secretary of State for …").
    role: bool,
    /// The letters after a person's name, left out of it ("KC" of "Rebecca Okafor KC").
    letters: Option<String>,
    /// Joined to the run before by "and" ("European and Eurasian Affairs").
    after_and: bool,
    /// Right after a word for a relative: "his wife Heather Bliss".
    kin: Option<String>,
}

/// The candidate actors of an article, most occurrences first. `sentences` are those outside
/// omitted lines; the headline, when it is in title case, should be left out of them.
#[must_use]
pub fn candidates(text: &str, sentences: &[Sentence]) -> Vec<Candidate> {
    candidates_until(text, sentences, &AtomicBool::new(false)).unwrap_or_default()
}

/// [`candidates`], given up (`None`) once `stop` is set, looked at every [`STOP_EVERY`]
/// sentences: the reader's unclaimed names of 256 MiB take seconds here.
#[must_use]
pub fn candidates_until(
    text: &str,
    sentences: &[Sentence],
    stop: &AtomicBool,
) -> Option<Vec<Candidate>> {
    let stopped = |n: usize| n.is_multiple_of(STOP_EVERY) && stop.load(Ordering::Relaxed);
    // Each sentence's words are read again for the second pass rather than kept from the
    // first: kept for all sentences, they were 40 bytes a word (1.8 GB for 256 MiB).
    let all = || sentences.iter().map(|s| words(text, s.range.clone()));
    let mut lower = HashSet::new();
    let mut capital_inside = HashSet::new();
    // A word capitalised inside a sentence, standing alone or ending a name ("Jones" in
    // "Douglas Jones, …", "Okafor" in "Rebecca Okafor KC"), not heading one ("Court" in
    // "Supreme Court of Freedonia").
    for (n, ws) in all().enumerate() {
        if stopped(n) {
            return None;
        }
        for (k, w) in ws.iter().enumerate() {
            let t = clean(text, w).1;
            if t.starts_with(char::is_lowercase) {
                lower.insert(t.to_lowercase());
            } else if !w.initial
                && ws.get(k + 1).is_none_or(|n| {
                    let next = clean(text, n).1;
                    !n.gap.is_empty()
                        || POST_NOMINALS.contains(&next)
                        || !(capitalised(next) || CONNECTORS.contains(&next))
                })
            {
                capital_inside.insert(t.to_owned());
            }
        }
    }
    let mut runs = Vec::new();
    for (n, ws) in all().enumerate() {
        if stopped(n) {
            return None;
        }
        runs_of(text, &ws, &lower, &capital_inside, &mut runs);
    }
    // Text the sentences leave out on a line they share, a sentence mostly in capitals
    // ("Together With Germany, the United Kingdom and the United States." inside a paragraph):
    // its other words cannot be told from names, but a country's name is a name anyway. Lines
    // left out whole (a headline, omitted lines) are not searched.
    let mut covered: Vec<Range<usize>> = sentences.iter().map(|s| s.range.clone()).collect();
    covered.sort_by_key(|r| r.start);
    let mut at = None;
    for r in &covered {
        let from = at.unwrap_or(0);
        if r.start > from {
            let gap = &text[from..r.start];
            let lines: Vec<(usize, &str)> = gap
                .split('\n')
                .scan(from, |o, l| {
                    let start = *o;
                    *o += l.len() + 1;
                    Some((start, l))
                })
                .collect();
            let last = lines.len() - 1;
            for (k, (o, l)) in lines.into_iter().enumerate() {
                if (k == 0 && at.is_some()) || k == last {
                    countries_in(text, &words(text, o..o + l.len()), &mut runs);
                }
            }
        }
        at = Some(from.max(r.end));
    }
    if let Some(from) = at {
        let end = text[from..].find('\n').map_or(text.len(), |n| from + n);
        countries_in(text, &words(text, from..end), &mut runs);
    }
    (!stop.load(Ordering::Relaxed)).then(|| group(text, &runs))
}

/// How many sentences (or names) [`candidates_until`] and the sorting of the unclaimed names
/// read between two looks at their stop flag.
pub const STOP_EVERY: usize = 4096;

/// Whether "and" after the name `ws[run]` joins it with the two capitalised words after it, as
/// in "Department of Health and Human Services": only in a name with "of", and not before a
/// country ("the Ministry of Defence and Ukraine's army" is two names).
fn and_inside(
    text: &str,
    ws: &[Word],
    run: std::ops::RangeInclusive<usize>,
    cap: &dyn Fn(usize) -> bool,
) -> bool {
    let k = run.end() + 1;
    let word = |n: usize| clean(text, &ws[n]).1;
    k + 2 < ws.len()
        && (k..=k + 2).all(|n| ws[n].gap.is_empty())
        && word(k) == "and"
        && run.clone().any(|n| word(n) == "of")
        && cap(k + 1)
        && cap(k + 2)
        && !possessive(text, &ws[k + 1])
        && country(word(k + 1)).is_none()
}

/// Whether `ws[m]` is a day or a month after "on": when, not a name's part ("Kyiv on Tuesday",
/// "Brussels on June 4"). Not in the Sunday papers' names ("Mail on Sunday").
fn on_a_day(text: &str, ws: &[Word], m: usize) -> bool {
    let word = |k: usize| &text[ws[k].range.clone()];
    m > 0
        && word(m - 1) == "on"
        && super::dates::is_calendar_word(word(m))
        && !(word(m) == "Sunday" && m > 1 && SUNDAY_PAPERS.contains(&word(m - 2)))
}

/// Words of parties' names, before a member's letters ("Liberal Democrat MP", "Plaid Cymru MP").
const PARTY_WORDS: &[&str] = &[
    "Labour",
    "Conservative",
    "Conservatives",
    "Tory",
    "Liberal",
    "Democrat",
    "Democrats",
    "Lib",
    "Dem",
    "Green",
    "Greens",
    "Plaid",
    "Cymru",
    "Sinn",
    "Féin",
    "Alliance",
    "Party",
    "Reform",
    "Independent",
    "Unionist",
    "Democratic",
    "Social",
    "Socialist",
    "National",
    "Workers",
];

/// Words before which "van", "bin" or "den" is an English noun, not a name's particle.
const BEFORE_A_NOUN: &[&str] = &[
    "a", "an", "the", "this", "that", "his", "her", "its", "their", "our", "my", "your", "white",
    "police", "delivery",
];

/// The words before "on Sunday" in the names of newspapers.
const SUNDAY_PAPERS: &[&str] = &[
    "Mail",
    "Independent",
    "Scotland",
    "Wales",
    "Sport",
    "Express",
];

/// Where a name whose first capitalised word is `ws[i]` begins: at an ordinal before it ("the
/// 2nd Circuit"), or at the particles before it ("and de Blasio said" → "de Blasio") unless a
/// capitalised word before them holds them.
fn name_start(text: &str, ws: &[Word], mut i: usize, cap: &impl Fn(usize) -> bool) -> usize {
    let joined = |k: usize| ws[k].gap.is_empty();
    if i > 0 && joined(i) && ordinal(&text[ws[i - 1].range.clone()]) {
        return i - 1;
    }
    // Not after an article or a possessive, where "van", "bin", "den" are English words ("the
    // van Police stopped", "the lion's den Smith described").
    let english = |k: usize| {
        let t = &text[ws[k].range.clone()];
        BEFORE_A_NOUN.contains(&t.to_lowercase().as_str()) || t.ends_with("'s") || t.ends_with("’s")
    };
    while i > 0
        && joined(i)
        && particle(&text[ws[i - 1].range.clone()])
        && !(i > 1 && joined(i - 1) && (cap(i - 2) || english(i - 2)))
    {
        i -= 1;
    }
    i
}

/// Where the name `ws[i..=j]` ends, with a suffix after a comma ("William A. Trudeau, Jr.") or
/// a year after "of" that belong to it.
fn name_end(text: &str, ws: &[Word], i: usize, mut j: usize) -> usize {
    if j > i
        && let Some(w) = ws.get(j + 1)
        && &text[w.gap.clone()] == ","
        && SUFFIXES.contains(&&text[w.range.clone()])
    {
        j += 1;
    }
    if year_after_of(text, ws, i, j) {
        j += 2;
    }
    j
}

/// Whether "of" and a year follow the name `ws[i..=j]`, and belong to it: "the Class of 2022",
/// "the Civil Rights Act of 1964" — not "May of 2022", a month.
fn year_after_of(text: &str, ws: &[Word], i: usize, j: usize) -> bool {
    let (Some(of), Some(year)) = (ws.get(j + 1), ws.get(j + 2)) else {
        return false;
    };
    !(i == j && super::dates::is_calendar_word(clean(text, &ws[i]).1))
        && of.gap.is_empty()
        && year.gap.is_empty()
        && &text[of.range.clone()] == "of"
        && text[year.range.clone()]
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2100).contains(&y))
}

/// The countries named in `ws`, the longest spelling first ("United Kingdom", not "United").
fn countries_in(text: &str, ws: &[Word], out: &mut Vec<Run>) {
    let mut i = 0;
    while i < ws.len() {
        let found = (i + 1..=(i + 4).min(ws.len())).rev().find(|&end| {
            let part = &ws[i..end];
            part.iter().skip(1).all(|w| w.gap.is_empty())
                && capitalised(clean(text, &part[0]).1)
                && capitalised(clean(text, &part[part.len() - 1]).1)
                && country(&spaced(text, part)).is_some()
        });
        let Some(end) = found else {
            i += 1;
            continue;
        };
        let range = clean(text, &ws[i]).0.start..clean(text, &ws[end - 1]).0.end;
        out.push(Run {
            range,
            text: spaced(text, &ws[i..end]),
            titled: None,
            acronym: None,
            role: false,
            after_and: false,
            kin: None,
            letters: None,
        });
        i = end;
    }
}

/// Words joined by single spaces, possessives left out.
fn spaced(text: &str, ws: &[Word]) -> String {
    ws.iter()
        .map(|w| clean(text, w).1)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word's range and text without a possessive ending, and from the capital of a prefixed
/// word on ("non-NATO" → "NATO").
fn clean<'t>(text: &'t str, w: &Word) -> (Range<usize>, &'t str) {
    let mut r = w.range.clone();
    let mut t = &text[r.clone()];
    for suffix in ["'s", "’s", "‘s", "'", "’", "‘"] {
        if let Some(s) = t.strip_suffix(suffix) {
            t = s;
            r.end -= suffix.len();
            break;
        }
    }
    if t.starts_with(char::is_lowercase)
        && let Some(p) = t.find(|c: char| c.is_uppercase())
        && t[..p].ends_with(['-', '‐', '‑'])
    {
        r.start += p;
        t = &t[p..];
    }
    (r, t)
}

/// "A." in "William A. Trudeau".
fn middle_initial(w: &str) -> bool {
    w.strip_suffix('.').is_some_and(letter)
}

fn possessive(text: &str, w: &Word) -> bool {
    clean(text, w).0.end != w.range.end
}

fn capitalised(t: &str) -> bool {
    t.starts_with(char::is_uppercase)
}

/// A word in capitals that the text also writes in lowercase ("BY 15 YEARS!" beside "by" and
/// "years") is shouted, not an acronym, when its sentence has two such words; a country's short
/// form ("US") is kept, and so is one such word alone ("the WHO" beside "who").
fn shouted(t: &str, lower: &HashSet<String>) -> bool {
    acronym(t) && country(t).is_none() && lower.contains(&t.to_lowercase())
}

/// "2nd", "21st": an ordinal that belongs to the name it precedes ("2nd Circuit").
fn ordinal(t: &str) -> bool {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits) && ["st", "nd", "rd", "th"].contains(&&t[digits..])
}

/// A lone word before a number numbers a part, not an actor: "Count 1", "Count 2-8" in an
/// indictment. Countries are kept ("Ukraine 2, Russia 1").
fn numbered(text: &str, ws: &[Word], k: usize) -> bool {
    country(clean(text, &ws[k]).1).is_none()
        && ws.get(k + 1).is_some_and(|w| {
            w.gap.is_empty() && text[w.range.clone()].starts_with(|c: char| c.is_ascii_digit())
        })
}

/// The word for a relative right before `ws[k]` ("wife" in "his wife Heather Bliss").
fn kin_before(text: &str, ws: &[Word], k: usize) -> Option<String> {
    let before = &text[ws.get(k.checked_sub(1)?)?.range.clone()];
    (ws[k].gap.is_empty() && KIN.contains(&before)).then(|| before.to_owned())
}

/// A single capital letter, as in a middle initial ("William A. Trudeau").
fn letter(t: &str) -> bool {
    t.chars().count() == 1 && capitalised(t)
}

/// First words of organizations' names that are on no other list ("House Democrats").
const ORGANIZATION_FIRSTS: &[&str] = &["House", "Senate", "State", "National", "Federal", "Royal"];

/// Whether a name's first word is a place's, a people's, a title's or an organization's, as in
/// "Welsh Labour" and "House Democrats": not a person's name. (The surname of several people
/// is shared when one of them at least starts with a given name and none of them is such.)
fn organizations_name(name: &str) -> bool {
    let Some(first) = name.split(' ').next() else {
        return true;
    };
    country(first).is_some()
        || is_region(first)
        || TITLES.contains(&first)
        || ORGANIZATION_HEADS.contains(&first)
        || MEDIA_HEADS.contains(&first)
        || ORGANIZATION_FIRSTS.contains(&first)
}

/// Whether two names are one person's, with and without middle initials ("Donald J. Trump",
/// "Donald Trump"); two sets of initials are two people ("George W. Bush", "George H. W. Bush").
fn same_person(a: &str, b: &str) -> bool {
    let bare = |n: &str| -> (String, bool) {
        let words: Vec<&str> = n.split(' ').filter(|w| !middle_initial(w)).collect();
        (words.join(" "), words.len() < n.split(' ').count())
    };
    let ((a, a_initials), (b, b_initials)) = (bare(a), bare(b));
    a == b && !(a_initials && b_initials)
}

/// A person's name without its suffix ("William A. Trudeau, Jr." → "William A. Trudeau").
fn without_suffix(name: &str) -> &str {
    let bare = name.strip_suffix('.').unwrap_or(name);
    SUFFIXES
        .iter()
        .find_map(|s| bare.strip_suffix(s)?.strip_suffix(", "))
        .unwrap_or(name)
}

/// The index of the last word of a name in quotes that keeps an "and" or a dash inside it
/// ("dubbed “NATO – Security Assistance and Training for Ukraine.”"), when `ws[i]` opens one.
fn quoted(text: &str, ws: &[Word], i: usize, cap: &dyn Fn(usize) -> bool) -> Option<usize> {
    if !text[ws[i].gap.clone()].ends_with(['“', '"']) {
        return None;
    }
    let mut inner = false;
    let mut m = i;
    loop {
        let after = text[ws[m].range.end..].trim_start_matches(['.', ',', '!', '?']);
        if after.starts_with(['”', '"']) {
            return (m > i && inner && cap(m)).then_some(m);
        }
        m += 1;
        let w = ws.get(m)?;
        let gap = &text[w.gap.clone()];
        let t = &text[w.range.clone()];
        let dash = ["–", "—", "-"].contains(&gap);
        if !(gap.is_empty() || dash) || !(cap(m) || CONNECTORS.contains(&t) || t == "and") {
            return None;
        }
        inner |= dash || t == "and";
    }
}

/// The run of a quoted name: its words, and the dashes and "and" between them, spaced.
fn quoted_run(text: &str, ws: &[Word]) -> Run {
    let mut name = clean(text, &ws[0]).1.to_owned();
    for w in &ws[1..] {
        for part in [&text[w.gap.clone()], clean(text, w).1] {
            if !part.is_empty() {
                name.push(' ');
                name.push_str(part);
            }
        }
    }
    Run {
        range: ws[0].range.start..clean(text, &ws[ws.len() - 1]).0.end,
        text: name,
        titled: None,
        acronym: None,
        role: false,
        after_and: false,
        kin: None,
        letters: None,
    }
}

fn acronym(t: &str) -> bool {
    t.chars().count() >= 2
        && t.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && t.starts_with(char::is_uppercase)
}

fn runs_of(
    text: &str,
    ws: &[Word],
    lower: &HashSet<String>,
    capital_inside: &HashSet<String>,
    out: &mut Vec<Run>,
) {
    let loud = ws
        .iter()
        .filter(|w| shouted(clean(text, w).1, lower))
        .count()
        >= 2;
    // Not a name: "RM380" (a sum), "GH" in "GH¢145".
    let cap = |k: usize| {
        let (r, t) = clean(text, &ws[k]);
        capitalised(t)
            && t.chars().filter(char::is_ascii_digit).count() < 3
            && !text[r.end..].starts_with(|c: char| c.is_ascii_digit() || "¢$€£¥".contains(c))
            && !NOT_NAMES.contains(&t)
            && !(loud && shouted(t, lower))
    };
    let joined = |k: usize| ws[k].gap.is_empty();
    let mut i = 0;
    let mut previous_role: Option<usize> = None;
    while i < ws.len() {
        if !cap(i) {
            i += 1;
            continue;
        }
        if let Some(m) = quoted(text, ws, i, &cap) {
            out.push(quoted_run(text, &ws[i..=m]));
            previous_role = None;
            i = m + 1;
            continue;
        }
        let mut j = i;
        loop {
            if possessive(text, &ws[j]) {
                break;
            }
            let k = j + 1;
            if k < ws.len() && joined(k) && cap(k) {
                j = k;
                continue;
            }
            // A middle initial after a first name: "William A. Trudeau".
            if k < ws.len()
                && j > i
                && letter(&text[ws[j].range.clone()])
                && &text[ws[k].gap.clone()] == "."
                && cap(k)
            {
                j = k;
                continue;
            }
            if and_inside(text, ws, i..=j, &cap) {
                j = k + 1;
                continue;
            }
            let mut m = k;
            while m < ws.len() && joined(m) && CONNECTORS.contains(&&text[ws[m].range.clone()]) {
                m += 1;
            }
            if m > k && m < ws.len() && joined(m) && cap(m) && !on_a_day(text, ws, m) {
                j = m;
                continue;
            }
            break;
        }
        let j = name_end(text, ws, i, j);
        let start = name_start(text, ws, i, &cap);
        if start == j && numbered(text, ws, j) {
            previous_role = None;
            i = j + 1;
            continue;
        }
        let after_and = i >= 2
            && joined(i)
            && &text[ws[i - 1].range.clone()] == "and"
            && joined(i - 1)
            && previous_role == Some(i - 2);
        if let Some(run) = make_run(text, &ws[start..=j], lower, capital_inside, after_and) {
            let acronym_after = ws.get(j + 1).filter(|w| {
                &text[w.gap.clone()] == "("
                    && acronym(&text[w.range.clone()])
                    && text[w.range.end..].starts_with(')')
            });
            let mut run = run;
            if let Some(w) = acronym_after
                && run.text.contains(' ')
                && !run.role
            {
                run.acronym = Some((w.range.clone(), text[w.range.clone()].to_owned()));
            }
            run.kin = kin_before(text, ws, start);
            previous_role = (run.role || run.after_and).then_some(j);
            out.push(run);
        } else {
            previous_role = None;
        }
        i = j + 1;
    }
}

/// `ws` without the word opening its sentence when that word is no part of the name ("Later",
/// "Critics of …"), with the English connectors after it; `None` when the word is all of it.
fn without_opener<'w>(
    text: &str,
    ws: &'w [Word],
    lower: &HashSet<String>,
    capital_inside: &HashSet<String>,
) -> Option<&'w [Word]> {
    let mut ws = ws;
    let first = clean(text, &ws[0]).1;
    if ws[0].initial && !acronym(first) && country(first).is_none() && !is_region(first) {
        if ws.len() == 1 {
            if !capital_inside.contains(first) || OPENERS.contains(&first) {
                return None;
            }
        } else if OPENERS.contains(&first)
            || lower.contains(&first.to_lowercase())
            || (!capital_inside.contains(first)
                && ENGLISH_CONNECTORS.contains(&&text[ws[1].range.clone()]))
        {
            // "Van den Berg said": a particle opening the sentence is the name's.
            if particle(&first.to_lowercase())
                && ws.get(1).is_some_and(|w| {
                    let t = clean(text, w).1;
                    particle(t) || capitalised(t)
                })
            {
                return Some(ws);
            }
            ws = &ws[1..];
            // The particles before the name stay ("Later von der Leyen said" → "von der
            // Leyen"); an English connector goes ("Critics of …"), and so does a particle after
            // an article, an English word there ("The van Police stopped").
            let article = BEFORE_A_NOUN.contains(&first.to_lowercase().as_str());
            while ws.first().is_some_and(|w| {
                let t = clean(text, w).1;
                !(capitalised(t) || particle(t) && ws.len() > 1 && !article)
            }) {
                ws = &ws[1..];
            }
        }
    }
    Some(ws)
}

/// `ws` without the letters after a person's name, and those letters.
fn without_letters<'w>(text: &str, ws: &'w [Word]) -> (&'w [Word], Option<String>) {
    let mut ws = ws;
    // "Rebecca Okafor KC", "Jane Smith KC MP": the name without its letters, a person's. Two
    // words at least before them ("Labour MP", "Montreal QC" are not people).
    let letters = (ws.iter().rev())
        .take_while(|w| POST_NOMINALS.contains(&clean(text, w).1))
        .count();
    // After a party's name, a member's letters are not a person's ("Liberal Democrat MP"): those
    // follow a given name, a title, or at least no party's word.
    let political =
        (ws[ws.len() - letters..].iter()).any(|w| ["MP", "MEP", "MSP"].contains(&clean(text, w).1));
    let personal = ws.first().is_some_and(|w| first_name(clean(text, w).1))
        || (ws.iter()).any(|w| TITLES.contains(&clean(text, w).1))
        || !(ws[..ws.len() - letters].iter()).any(|w| {
            let t = clean(text, w).1;
            PARTY_WORDS.contains(&t) || country(t).is_some()
        });
    let letters = (letters > 0
        && ws.len() >= letters + 2
        && !acronym(clean(text, &ws[ws.len() - letters - 1]).1)
        && (personal || !political))
        .then(|| {
            let after: Vec<&str> = (ws[ws.len() - letters..].iter())
                .map(|w| clean(text, w).1)
                .collect();
            ws = &ws[..ws.len() - letters];
            after.join(" ")
        });
    (ws, letters)
}

fn make_run(
    text: &str,
    ws: &[Word],
    lower: &HashSet<String>,
    capital_inside: &HashSet<String>,
    after_and: bool,
) -> Option<Run> {
    let mut ws = without_opener(text, ws, lower, capital_inside)?;
    // A day of the week before a name's lowercase connector is when, not part of the name:
    // "on Wednesday the Dutch prime minister" (but "The Sunday Times" is a name).
    // A month before a particle likewise: "In March von der Leyen had promised".
    while ws.len() > 1
        && (super::dates::is_weekday(clean(text, &ws[0]).1)
            || super::dates::is_calendar_word(clean(text, &ws[0]).1)
                && clean(text, &ws[0]).1.len() > 3
                && particle(clean(text, &ws[1]).1))
        && !capitalised(clean(text, &ws[1]).1)
    {
        ws = &ws[1..];
        // Its particles stay with the surname ("von der Leyen"); "the" goes.
        while ws.first().is_some_and(|w| {
            let t = clean(text, w).1;
            !capitalised(t) && !particle(t)
        }) {
            ws = &ws[1..];
        }
    }
    let (ws, letters) = without_letters(text, ws);
    let (first, last) = (ws.first()?, ws.last()?);
    let range = clean(text, first).0.start..clean(text, last).0.end;
    // Single spaces, and the full stop of an initial and the comma before a suffix kept.
    let joined = |ws: &[Word]| {
        let mut out = String::new();
        for (k, w) in ws.iter().enumerate() {
            if k > 0 {
                let gap = &text[w.gap.clone()];
                if gap == "." || gap == "," {
                    out.push_str(gap);
                }
                out.push(' ');
            }
            out.push_str(clean(text, w).1);
        }
        out
    };
    let mut whole = joined(ws);
    let mut range = range;
    if ws.len() > 1 && SUFFIXES.contains(&clean(text, last).1) && text[range.end..].starts_with('.')
    {
        whole.push('.');
        range.end += 1;
    }
    if ws.len() == 1
        && (super::dates::is_calendar_word(&whole)
            || TITLES.contains(&whole.as_str())
            || whole.chars().count() < 2)
    {
        return None;
    }
    // The last title word: a name after it is a person ("Minority Leader Haruna Iddrisu",
    // "Ukrainian Prime Minister Denys Shmyhal"); "of …" after it is a role ("Secretary of State
    // for European and Eurasian Affairs"); nothing after it, a bare title ("Finance Minister").
    let mut run = Run {
        range,
        text: whole,
        titled: None,
        acronym: None,
        role: false,
        after_and,
        kin: None,
        letters,
    };
    // A title word after a connector names what an organisation is for, not a person's rank:
    // "Department of Defense", "Ministry of Justice".
    let Some(last) = (0..ws.len()).rposition(|k| {
        TITLES.contains(&clean(text, &ws[k]).1)
            && !(k > 0 && CONNECTORS.contains(&clean(text, &ws[k - 1]).1))
    }) else {
        return Some(run);
    };
    let rest = &ws[last + 1..];
    let next = rest.first()?;
    if !capitalised(clean(text, next).1) {
        run.role = true;
        return Some(run);
    }
    if rest.len() == 1 && !HONORIFICS.contains(&clean(text, &ws[last]).1) {
        return Some(run);
    }
    let lead = usize::from(country(clean(text, &ws[0]).1).is_some_and(|(_, d)| d) && last > 0);
    let r = clean(text, next).0.start..run.range.end;
    run.titled = Some((r, joined(rest)));
    if lead > 0 {
        run.range.start = clean(text, &ws[lead]).0.start;
        run.text = joined(&ws[lead..]);
    }
    Some(run)
}

/// Whether `name` is written in capitals: two letters or more, none lowercase.
fn in_capitals(name: &str) -> bool {
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    letters().count() >= 2 && !letters().any(char::is_lowercase)
}

/// Union-find over spellings.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn find(&mut self, x: usize) -> usize {
        let p = self.parent[x];
        if p == x {
            return x;
        }
        let r = self.find(p);
        self.parent[x] = r;
        r
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[b] = a;
        }
    }
}

#[derive(Default)]
struct Spelling {
    occurrences: Vec<Range<usize>>,
    titled: bool,
    place_hint: Option<String>,
    kin: Option<String>,
    /// Letters written after the name ("KC").
    letters: Option<String>,
}

#[allow(clippy::too_many_lines)] // Gathering spellings, then each way of grouping them.
fn group(text: &str, runs: &[Run]) -> Vec<Candidate> {
    let mut spellings: BTreeMap<String, Spelling> = BTreeMap::new();
    let mut links: Vec<(String, String, String)> = Vec::new();
    for run in runs.iter().filter(|r| !r.role && !r.after_and) {
        let s = spellings.entry(run.text.clone()).or_default();
        if run.kin.is_some() {
            s.kin.clone_from(&run.kin);
        }
        if run.letters.is_some() {
            s.letters.clone_from(&run.letters);
        }
        s.occurrences.push(run.range.clone());
        if let Some((_, name)) = &run.titled {
            spellings.entry(name.clone()).or_default().titled = true;
            links.push((
                name.clone(),
                run.text.clone(),
                format!("\"{name}\" with a title"),
            ));
        }
        if let Some((r, acr)) = &run.acronym {
            spellings
                .entry(acr.clone())
                .or_default()
                .occurrences
                .push(r.clone());
            links.push((
                run.text.clone(),
                acr.clone(),
                format!("in brackets after \"{}\"", run.text),
            ));
        }
        let after = &text[run.range.end..];
        if let Some(rest) = after.strip_prefix(", ")
            && let Some(c) = rest
                .split(|c: char| !c.is_alphanumeric() && c != ' ')
                .next()
                .and_then(|w| country(w.trim()).filter(|(_, d)| !d))
        {
            spellings.get_mut(&run.text).expect("just added").place_hint = Some(c.0.to_owned());
        }
    }
    // A name after both "Mr" and "Ms" (or "Mrs", "Miss") names two people: "Mr Johnson" and
    // "Ms Johnson" are not one actor, and the name alone is not joined to either.
    let sex = |title: &str| match title.split(' ').next() {
        Some("Mr" | "Mr.") => Some(false),
        Some("Ms" | "Ms." | "Mrs" | "Mrs." | "Miss") => Some(true),
        _ => None,
    };
    let mut sexes: HashMap<&str, [bool; 2]> = HashMap::new();
    for (name, titled, _) in &links {
        if let Some(f) = sex(titled) {
            sexes.entry(name.as_str()).or_default()[usize::from(f)] = true;
        }
    }
    let both: HashSet<String> = (sexes.into_iter())
        .filter(|(_, s)| s[0] && s[1])
        .map(|(n, _)| n.to_owned())
        .collect();
    // Those titled names are people's; the name alone may be either.
    let mut shared: HashMap<String, Vec<String>> = HashMap::new();
    links.retain(|(name, titled, _)| {
        let split = both.contains(name) && sex(titled).is_some();
        if split {
            spellings.entry(titled.clone()).or_default().titled = true;
            spellings.entry(name.clone()).or_default().titled = false;
            shared.entry(name.clone()).or_default().push(titled.clone());
        }
        !split
    });
    let names: Vec<String> = spellings.keys().cloned().collect();
    let index = |s: &str| names.iter().position(|n| n == s);
    let mut groups = Groups {
        parent: (0..names.len()).collect(),
    };
    let mut reasons: BTreeMap<String, String> = BTreeMap::new();
    for (a, b, why) in links {
        if let (Some(x), Some(y)) = (index(&a), index(&b)) {
            groups.union(x, y);
            reasons.entry(b).or_insert(why);
        }
    }
    // A name in capitals with the one written otherwise: a dateline's "ROTTERDAM" is
    // Rotterdam, not an acronym of an organization ("HAPAG-LLOYD", "JOHN O'NEILL" too).
    let mut not_shouted: HashMap<String, usize> = HashMap::new();
    for (k, name) in names.iter().enumerate() {
        if !in_capitals(name) {
            not_shouted.entry(name.to_lowercase()).or_insert(k);
        }
    }
    for (k, name) in names.iter().enumerate() {
        if in_capitals(name)
            && let Some(&u) = not_shouted.get(&name.to_lowercase())
        {
            groups.union(u, k);
            reasons
                .entry(name.clone())
                .or_insert_with(|| format!("\"{}\" in capitals", names[u]));
        }
    }
    // A surname alone, with the one longer name it ends; failing that, a first name alone with
    // the one longer name it starts ("Mustapa" with "Mustapa Mohamed").
    // The longer names a word alone may stand for, by their last word and by their first:
    // found once for all, as the single words are many in a long text.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_first: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        let n = without_suffix(n);
        let words: Vec<&str> = n.split(' ').collect();
        if words.len() < 2
            || words
                .iter()
                .any(|w| CONNECTORS.contains(w) || TITLES.contains(w))
            || words.iter().filter(|w| !middle_initial(w)).count() > 3
        {
            continue;
        }
        by_last.entry(words[words.len() - 1]).or_default().push(i);
        by_first.entry(words[0]).or_default().push(i);
    }
    for (k, single) in names.iter().enumerate() {
        // A name after both "Mr" and "Ms" is joined to no longer name: it may be either, or
        // one of the full names it ends ("Eric Adams" beside "Mr Adams" and "Ms Adams").
        if let Some(these) = shared.get_mut(single) {
            let full = by_last.get(single.as_str()).into_iter().flatten();
            these.extend(full.map(|&n| names[n].clone()));
            continue;
        }
        if single.contains(' ') || acronym(single) || country(single).is_some() || is_region(single)
        {
            continue;
        }
        let longer = |last: bool| -> Vec<usize> {
            let by = if last { &by_last } else { &by_first };
            let all = by.get(single.as_str()).cloned().unwrap_or_default();
            // One person's name with and without a middle initial is one name: "Donald J.
            // Trump" and "Donald Trump".
            let mut kept: Vec<usize> = Vec::new();
            for n in all {
                if !kept.iter().any(|&m| same_person(&names[m], &names[n])) {
                    kept.push(n);
                }
            }
            kept
        };
        let (found, which) = match longer(true)[..] {
            [one] => (Some(one), "last"),
            [] => match longer(false)[..] {
                [one] => (Some(one), "first"),
                _ => (None, ""),
            },
            // The surname of several people: any of them ("Johnson" after "Boris Johnson" and
            // "Dustin Johnson"). Not the last word of organizations' names: "Labour" after
            // "Welsh Labour" and "Scottish Labour" is a name of its own.
            ref several
                if several.iter().all(|&n| !organizations_name(&names[n]))
                    && several
                        .iter()
                        .any(|&n| names[n].split(' ').next().is_some_and(first_name)) =>
            {
                let entry = shared.entry(single.clone()).or_default();
                entry.extend(several.iter().map(|&n| names[n].clone()));
                (None, "")
            }
            _ => (None, ""),
        };
        if let Some(one) = found {
            // With every spelling of that person's name.
            for other in by_last.get(single.as_str()).into_iter().flatten() {
                if same_person(&names[*other], &names[one]) {
                    groups.union(*other, k);
                }
            }
            groups.union(one, k);
            reasons.insert(
                single.clone(),
                format!("alone, the {which} word of \"{}\"", names[one]),
            );
        }
    }
    // A surname with its particles, with the one longer name it ends ("von der Leyen" with
    // "Ursula von der Leyen"); several, it may stand for any of them.
    // The particle's capital aside: "de Bruyne" is "Kevin De Bruyne"'s, "la Défense" is "La
    // Défense" (the mention rules ignore case, so two actors would claim the same words).
    // The names by each of their ends that opens with a particle, lowercase, found once for
    // all (looked up for each such name, a search of every name would be quadratic).
    let opens = |s: &str| s.split(' ').next().is_some_and(particle);
    let mut by_end: HashMap<String, Vec<usize>> = HashMap::new();
    for (o, n) in names.iter().enumerate() {
        let n = n.to_lowercase();
        let ends = std::iter::once(0).chain(n.match_indices(' ').map(|(p, _)| p + 1));
        for at in ends.filter(|&at| opens(&n[at..])) {
            by_end.entry(n[at..].to_owned()).or_default().push(o);
        }
    }
    for (k, tail) in names.iter().enumerate() {
        // Only a name that opens with a particle is a key.
        let Some(ending) = by_end.get(&tail.to_lowercase()) else {
            continue;
        };
        // One per group: "Mayor Bill de Blasio" is "Bill de Blasio" already.
        let mut longer: Vec<usize> = Vec::new();
        for &o in ending {
            if o != k && !longer.iter().any(|&l| groups.find(l) == groups.find(o)) {
                longer.push(o);
            }
        }
        match longer[..] {
            [one] => {
                groups.union(one, k);
                reasons.insert(
                    tail.clone(),
                    format!("alone, the end of \"{}\"", names[one]),
                );
            }
            [] => {}
            ref several => {
                let entry = shared.entry(tail.clone()).or_default();
                entry.extend(several.iter().map(|&n| names[n].clone()));
            }
        }
    }
    // One name with and without a hyphen: "Ken Ofori-Atta" and "Ken Ofori Atta".
    let mut unhyphenated: HashMap<String, usize> = HashMap::new();
    for (k, a) in names.iter().enumerate() {
        let first = *unhyphenated.entry(a.replace('-', " ")).or_insert(k);
        if let Some(other) = Some(first).filter(|&o| o < k && names[o] != *a) {
            groups.union(other, k);
            reasons.insert(
                a.clone(),
                format!("\"{}\", hyphenated otherwise", names[other]),
            );
        }
    }
    // Spellings of one country: "US" and "American", "Russia" and "Russian".
    for (k, s) in names.iter().enumerate() {
        if let Some((c, demonym)) = country(s)
            && let Some(other) = names
                .iter()
                .position(|n| n != s && country(n).is_some_and(|(o, _)| o == c))
        {
            groups.union(other, k);
            if demonym {
                reasons.insert(s.clone(), format!("the demonym of {c}"));
            }
        }
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..names.len() {
        members.entry(groups.find(k)).or_default().push(k);
    }
    let mut out = Vec::new();
    for ks in members.into_values() {
        let spell: Vec<(&String, &Spelling)> = ks
            .iter()
            .map(|&k| (&names[k], &spellings[&names[k]]))
            .collect();
        // The name: a titled name if any, else a country's own name, else the longest.
        let name = spell
            .iter()
            .filter(|(n, _)| !reasons.contains_key(*n) || spell.len() == 1)
            .max_by_key(|(n, s)| (s.titled, country(n).is_some_and(|(_, d)| !d), n.len()))
            .or_else(|| spell.iter().max_by_key(|(n, _)| n.len()))
            .map(|(n, _)| (*n).clone())
            .unwrap_or_default();
        let mut occurrences: Vec<Range<usize>> = spell
            .iter()
            .flat_map(|(_, s)| s.occurrences.iter().cloned())
            .collect();
        occurrences.sort_by_key(|r| (r.start, r.end));
        occurrences.dedup();
        // A name known only after titles it was not joined to ("Johnson" after both "Mr" and
        // "Ms") stands nowhere alone.
        if occurrences.is_empty() {
            continue;
        }
        let mut aliases = Vec::new();
        let mut alias_reasons = Vec::new();
        for (n, s) in &spell {
            if **n != name && !s.occurrences.is_empty() {
                aliases.push((*n).clone());
                alias_reasons.push(
                    reasons
                        .get(*n)
                        .cloned()
                        .unwrap_or_else(|| "another spelling".to_owned()),
                );
            }
        }
        let (kind, kind_reason) = kind_of(&name, &spell);
        // Shared only while it stands alone: joined to a name, it is that name's.
        let mut shared: Vec<String> = (spell.iter())
            .filter(|_| spell.len() == 1)
            .filter_map(|(n, _)| shared.get(*n))
            .flatten()
            .cloned()
            .collect();
        shared.sort();
        shared.dedup();
        out.push(Candidate {
            name,
            aliases,
            alias_reasons,
            kind,
            kind_reason,
            occurrences,
            shared,
        });
    }
    out.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.occurrences.len()),
            c.occurrences[0].start,
        )
    });
    out
}

/// The kind a name alone suggests, as [`candidates`] guesses it for a name seen once without a
/// title ([`ActorKind::Other`] when nothing suggests one), and why.
pub(crate) fn guess_kind(name: &str) -> (ActorKind, Option<String>) {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return (ActorKind::Other, None);
    }
    let spelling = Spelling::default();
    kind_of(&name, &[(&name, &spelling)])
}

fn kind_of(name: &str, spell: &[(&String, &Spelling)]) -> (ActorKind, Option<String>) {
    if let Some((n, _)) = spell.iter().find(|(n, _)| country(n).is_some()) {
        let c = country(n).map_or("", |(c, _)| c);
        return (
            ActorKind::Country,
            Some(format!("\"{n}\" is on the list of countries ({c})")),
        );
    }
    if spell.iter().any(|(_, s)| s.titled) {
        return (ActorKind::Person, Some("named with a title".to_owned()));
    }
    if let Some((n, l)) = spell
        .iter()
        .find_map(|(n, s)| s.letters.as_ref().map(|l| (n, l)))
    {
        return (
            ActorKind::Person,
            Some(format!("written \"{n} {l}\", as people's names are")),
        );
    }
    if let Some((n, k)) = spell
        .iter()
        .find_map(|(n, s)| s.kin.as_ref().map(|k| (n, k)))
    {
        return (ActorKind::Person, Some(format!("written \"{k} {n}\"")));
    }
    if let Some((n, _)) = spell.iter().find(|(n, _)| is_region(n)) {
        return (
            ActorKind::Place,
            Some(format!("\"{n}\" is on the list of regions")),
        );
    }
    if let Some((n, _)) = spell.iter().find(|(n, _)| is_city(n)) {
        return (
            ActorKind::Place,
            Some(format!("\"{n}\" is on the list of cities")),
        );
    }
    if without_suffix(name) != name || name.split(' ').any(middle_initial) {
        return (
            ActorKind::Person,
            Some("written with a middle initial or a suffix, as people's names are".to_owned()),
        );
    }
    let words: Vec<&str> = name.split(' ').collect();
    let head = words
        .iter()
        .position(|w| *w == "of" || *w == "for")
        .filter(|&p| p > 0)
        .map_or(words[words.len() - 1], |p| words[p - 1]);
    if MEDIA_HEADS.contains(&head) {
        return (ActorKind::Media, Some(format!("\"{head}\" names media")));
    }
    if ORGANIZATION_HEADS.contains(&head) {
        return (
            ActorKind::Organization,
            Some(format!("\"{head}\" names an organization")),
        );
    }
    if words.len() == 1
        && acronym(name)
        && name.chars().filter(char::is_ascii_uppercase).count() >= 3
    {
        return (
            ActorKind::Organization,
            Some(
                "an acronym of three capitals or more that names no country, as organizations' names are"
                    .to_owned(),
            ),
        );
    }
    if let Some((n, s)) = spell.iter().find(|(_, s)| s.place_hint.is_some()) {
        let c = s.place_hint.as_deref().unwrap_or_default();
        return (ActorKind::Place, Some(format!("written \"{n}, {c}\"")));
    }
    if (2..=3).contains(&words.len())
        && first_name(words[0])
        && words[1..]
            .iter()
            .all(|w| capitalised(w) && !acronym(w) && !CONNECTORS.contains(w))
    {
        return (
            ActorKind::Person,
            Some(format!("\"{}\" is a common first name", words[0])),
        );
    }
    if words.len() >= 2
        && words.len() <= 3
        && !words.iter().any(|w| CONNECTORS.contains(w) || acronym(w))
        // An acronym is no surname: "Federal Sentencing Guidelines (FSG)".
        && spell.iter().any(|(n, _)| !n.contains(' ') && !acronym(n))
    {
        return (
            ActorKind::Person,
            Some("also called by one of its words alone, as people are".to_owned()),
        );
    }
    (ActorKind::Other, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::draft::text::sentences;

    fn found(text: &str) -> Vec<(String, Vec<String>, ActorKind)> {
        let a = Article::new(text.to_owned(), &[]).0;
        candidates(text, &sentences(&a, None))
            .into_iter()
            .map(|c| (c.name, c.aliases, c.kind))
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        found(text).into_iter().map(|c| c.0).collect()
    }

    /// What a user's wire story drafted wrongly: its dateline's city in capitals as an
    /// organization, the word after the dateline's dash as a name, a given name before a
    /// particle left out, a day of the week before "the Dutch".
    #[test]
    fn a_dateline_a_particle_and_a_weekday_make_no_false_names() {
        let got = found(
            "ROTTERDAM, 14 March 2025 — Dock workers in Rotterdam will return. \
             Marieke de Vries runs a shop in Rotterdam. \
             On Wednesday the Dutch prime minister spoke.\n",
        );
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(names.contains(&"Marieke de Vries"), "{names:?}");
        for wrong in [
            "Dock",
            "ROTTERDAM",
            "Vries",
            "Wednesday the Dutch",
            "Wednesday",
        ] {
            assert!(!names.contains(&wrong), "{wrong} in {names:?}");
        }
        let rotterdam = got
            .iter()
            .find(|(n, _, _)| n == "Rotterdam")
            .expect("Rotterdam");
        assert_eq!(rotterdam.1, ["ROTTERDAM"]);
        assert_eq!(rotterdam.2, ActorKind::Place);
        // Leaders of NATO: the opening word before an English connector is still left out.
        let got = found("Leaders of NATO met. NATO said so.\n");
        assert!(
            got.iter().all(|(n, _, _)| n != "Leaders of NATO"),
            "{got:?}"
        );
        // What a review found the first rules broke: a weekday that is part of a name, an
        // opening adverb before a particle, a name in capitals with a capital inside, a dash
        // after a name that is no dateline's.
        let got = found(
            "The Sunday Times reported it. Yesterday de Blasio said so. \
             Traders sold HAPAG-LLOYD shares. The carrier Hapag-Lloyd added a surcharge. NATO – Kallas met \
             the ministers.\n",
        );
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(names.contains(&"Sunday Times"), "{names:?}");
        assert!(!names.contains(&"Yesterday de Blasio"), "{names:?}");
        assert!(names.contains(&"Kallas"), "{names:?}");
        let hapag = got
            .iter()
            .find(|(n, _, _)| n == "Hapag-Lloyd")
            .expect("Hapag-Lloyd");
        assert_eq!(hapag.1, ["HAPAG-LLOYD"], "{got:?}");
    }

    /// Letters after a name ("KC", "MP") are not part of it: the name is a person's, and its
    /// surname alone is grouped with it.
    #[test]
    fn a_name_before_its_post_nominal_letters_is_a_persons() {
        let got = found(
            "Rebecca Okafor KC opened the case. The judge thanked Okafor. \
             Sir Keir Starmer MP was not there.\n",
        );
        let okafor = got
            .iter()
            .find(|(n, _, _)| n == "Rebecca Okafor")
            .unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(okafor.1, ["Okafor"], "{got:?}");
        assert_eq!(okafor.2, ActorKind::Person);
        let names: Vec<&str> = got.iter().map(|(n, _, _)| n.as_str()).collect();
        assert!(names.contains(&"Keir Starmer"), "{names:?}");
        for wrong in ["Rebecca Okafor KC", "KC", "Keir Starmer MP", "MP"] {
            assert!(!names.contains(&wrong), "{wrong} in {names:?}");
        }
        // Several letters go; a party or a place before them is no person (a review's cases).
        let got = found(
            "A Labour MP quits. The Green MEP spoke. Shops in Montreal QC closed. Jane Smith KC \
             MP said so. Smith agreed.\n",
        );
        let of = |name: &str| got.iter().find(|c| c.0 == name).cloned();
        let smith = of("Jane Smith").unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(
            (smith.1, smith.2),
            (vec!["Smith".to_owned()], ActorKind::Person)
        );
        let got2 = found(
            "A Liberal Democrat MP said so. A Plaid Cymru MP agreed. Keir Starmer MP smiled.\n",
        );
        let of2 = |name: &str| got2.iter().find(|c| c.0 == name).cloned();
        assert_eq!(
            of2("Keir Starmer").map(|c| c.2),
            Some(ActorKind::Person),
            "{got2:?}"
        );
        let no_person = |got: &[(String, Vec<String>, ActorKind)], names: &[&str]| {
            for name in names {
                let c = got.iter().find(|c| c.0 == *name);
                assert!(
                    c.is_none_or(|c| c.2 != ActorKind::Person),
                    "{name}: {got:?}"
                );
            }
        };
        no_person(
            &got2,
            &[
                "Liberal Democrat",
                "Plaid Cymru",
                "Liberal Democrat MP",
                "Plaid Cymru MP",
            ],
        );
        no_person(
            &got,
            &[
                "Labour MP",
                "Labour",
                "Green MEP",
                "Green",
                "Montreal QC",
                "Montreal",
            ],
        );
    }

    /// "Mr Johnson" and "Ms Johnson" are two people: never one actor.
    #[test]
    fn a_name_after_mr_and_after_ms_is_two_people() {
        let got =
            found("Mr Johnson spoke first. Ms Johnson replied to him. Later Mr Johnson left.\n");
        for (name, aliases, _) in &got {
            let all: Vec<&str> = std::iter::once(name.as_str())
                .chain(aliases.iter().map(String::as_str))
                .collect();
            assert!(
                !(all.contains(&"Mr Johnson") && all.contains(&"Ms Johnson")),
                "{got:?}"
            );
        }
        // One title alone still joins the name: "Mr Blake" and "Blake".
        let got = found("Mr Blake spoke first. Blake left later.\n");
        assert!(
            got.iter()
                .any(|(n, a, _)| n == "Blake" && a == &["Mr Blake"]
                    || n == "Mr Blake" && a == &["Blake"]),
            "{got:?}"
        );
    }

    /// The name alone after "Mr X" and "Ms X", or the last word of two full names, may stand for
    /// either: it says which, and "Mr X" and "Ms X" are people's names.
    #[test]
    fn a_name_alone_that_several_names_end_with_says_so() {
        let shared = |text: &str| -> Vec<(String, Vec<String>, ActorKind)> {
            let a = Article::new(text.to_owned(), &[]).0;
            candidates(text, &sentences(&a, None))
                .into_iter()
                .map(|c| (c.name, c.shared, c.kind))
                .collect()
        };
        let got = shared(
            "Mr Johnson spoke. Ms Johnson replied. The judge thanked Johnson. Eric Johnson \
             left.\n",
        );
        let of = |name: &str| got.iter().find(|c| c.0 == name).cloned();
        assert_eq!(
            of("Johnson").map(|c| c.1),
            Some(vec![
                "Eric Johnson".to_owned(),
                "Mr Johnson".to_owned(),
                "Ms Johnson".to_owned()
            ]),
            "{got:?}"
        );
        for titled in ["Mr Johnson", "Ms Johnson"] {
            let c = of(titled).unwrap_or_else(|| panic!("{titled}: {got:?}"));
            assert_eq!((c.1.len(), c.2), (0, ActorKind::Person), "{got:?}");
        }
        let got = shared(
            "Boris Johnson spoke. Dustin Johnson replied. Later Johnson left. Jens Stoltenberg \
             spoke and Stoltenberg left.\n",
        );
        let of = |name: &str| got.iter().find(|c| c.0 == name).cloned();
        assert_eq!(
            of("Johnson").map(|c| c.1),
            Some(vec![
                "Boris Johnson".to_owned(),
                "Dustin Johnson".to_owned()
            ]),
            "{got:?}"
        );
        assert!(
            of("Stoltenberg").is_none(),
            "grouped with Jens Stoltenberg: {got:?}"
        );
        // What a review found: a full name beside "Mr X" and "Ms X" is still drafted; the last
        // word of organisations' names, or of one person's two spellings, is not shared.
        let got = shared(
            "Boris Johnson resigned. Mr Johnson was proud. His wife, Ms Johnson, said nothing. \
             Welsh Labour and Scottish Labour met. Later Labour won. Donald J. Trump spoke. \
             Donald Trump left. Later Trump said no.\n",
        );
        let of = |name: &str| got.iter().find(|c| c.0 == name).cloned();
        for whole in ["Boris Johnson", "Labour", "Donald J. Trump"] {
            let c = of(whole).unwrap_or_else(|| panic!("{whole}: {got:?}"));
            assert!(c.1.is_empty(), "{whole}: {got:?}");
        }
        assert!(
            of("Trump").is_none(),
            "grouped with Donald J. Trump: {got:?}"
        );
    }

    /// A surname's particles stay with it where the given name is left out ("von der Leyen",
    /// "de Blasio"), which is then an alias of the full name; a day after "on" ends a name.
    #[test]
    fn particles_open_a_surname_alone_and_a_day_after_on_is_when() {
        let got = found(
            "Ursula von der Leyen arrived in Kyiv on Tuesday. Later von der Leyen said so. \
             Critics of von der Leyen were quiet. Mayor Bill de Blasio spoke, and de Blasio \
             left.\n",
        );
        let of = |name: &str| got.iter().find(|c| c.0 == name).cloned();
        let vdl = of("Ursula von der Leyen").unwrap_or_else(|| panic!("{got:?}"));
        assert_eq!(vdl.1, ["von der Leyen"], "{got:?}");
        let blasio = of("Bill de Blasio").unwrap_or_else(|| panic!("{got:?}"));
        assert!(blasio.1.contains(&"de Blasio".to_owned()), "{got:?}");
        assert!(of("Kyiv").is_some(), "{got:?}");
        let all: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
        for wrong in ["Leyen", "Blasio", "Kyiv on Tuesday", "Critics"] {
            assert!(!all.contains(&wrong), "{wrong} in {all:?}");
        }
        // "Council on Foreign Relations" keeps its "on".
        assert_eq!(
            names("He spoke at the Council on Foreign Relations."),
            ["Council on Foreign Relations"]
        );
        // A second review's cases: a Sunday paper, a particle's capital, two sets of initials,
        // a particle opening a sentence, English words, a month before a particle.
        assert_eq!(
            names("He told the Mail on Sunday so. Its editor quit."),
            ["Mail on Sunday"]
        );
        let got = found(
            "Kevin De Bruyne was hurt. Pep said de Bruyne would rest. Workers at La Défense left \
             and la Défense was empty. George W. Bush and George H. W. Bush met. Later Bush \
             spoke. Jan van den Berg disagreed. Van den Berg said no. The van Police stopped \
             was white. In March von der Leyen spoke, and Ursula von der Leyen left.\n",
        );
        let of = |name: &str| got.iter().find(|c| c.0 == name).cloned();
        // One actor each, whichever spelling names it.
        for (name, alias) in [
            ("Kevin De Bruyne", "de Bruyne"),
            ("La Défense", "la Défense"),
            ("Jan van den Berg", "Van den Berg"),
            ("Ursula von der Leyen", "von der Leyen"),
        ] {
            assert!(
                got.iter().any(|c| {
                    let all: Vec<&str> = std::iter::once(c.0.as_str())
                        .chain(c.1.iter().map(String::as_str))
                        .collect();
                    all.contains(&name) && all.contains(&alias)
                }),
                "{name}: {got:?}"
            );
        }
        for two in ["George W. Bush", "George H. W. Bush"] {
            assert!(of(two).is_some_and(|c| c.1.is_empty()), "{two}: {got:?}");
        }
        let all: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
        for wrong in [
            "van Police",
            "March von der Leyen",
            "Leyen",
            "Berg",
            "den Berg",
        ] {
            assert!(!all.contains(&wrong), "{wrong} in {all:?}");
        }
    }

    #[test]
    fn connectors_and_hyphens_stay_inside_a_name() {
        assert_eq!(
            names("Troops of the Armed Forces of Ukraine met Sam Bankman-Fried there."),
            ["Armed Forces of Ukraine", "Sam Bankman-Fried"]
        );
    }

    #[test]
    fn a_capitalised_sentence_opener_is_not_a_name() {
        // "However" and "These" open sentences and are never capitalised elsewhere.
        assert!(names("However, it rained. These plans failed.").is_empty());
        // "The" opens the sentence and is written lowercase elsewhere.
        assert_eq!(
            names("The Wall Street Journal said so. It was the end."),
            ["Wall Street Journal"]
        );
    }

    #[test]
    fn a_surname_and_a_title_join_the_full_name() {
        let got =
            found("Douglas Jones spoke. Jones left. Then President Joe Biden's aides met Biden.");
        assert_eq!(got[0].0, "Douglas Jones");
        assert_eq!(got[0].1, ["Jones"]);
        assert_eq!(got[0].2, ActorKind::Person);
        assert_eq!(got[1].0, "Joe Biden");
        assert_eq!(got[1].1, ["Biden", "President Joe Biden"]);
        assert_eq!(got[1].2, ActorKind::Person);
    }

    #[test]
    fn an_acronym_in_brackets_is_an_alias_and_possessives_fold() {
        let got = found("It trains the Ukrainian Armed Forces (AFU). The AFU’s men went home.");
        assert_eq!(got[0].0, "Ukrainian Armed Forces");
        assert_eq!(got[0].1, ["AFU"]);
        assert_eq!(got[0].2, ActorKind::Organization);
    }

    #[test]
    fn countries_gather_their_demonyms_and_prefixed_words() {
        let got =
            found("Russia attacked. It was Russian aggression, said non-NATO states and Russia.");
        assert_eq!(got[0].0, "Russia");
        assert_eq!(got[0].1, ["Russian"]);
        assert_eq!(got[0].2, ActorKind::Country);
        assert_eq!(got[1].0, "NATO");
    }

    #[test]
    fn a_first_name_alone_joins_the_one_full_name_it_starts() {
        let got = found("Mustapa Mohamed spoke. Mustapa said more. Then Mustapa left.");
        assert_eq!(got[0].0, "Mustapa Mohamed");
        assert_eq!(got[0].1, ["Mustapa"]);
        assert_eq!(got[0].2, ActorKind::Person);
    }

    #[test]
    fn a_name_with_and_without_its_hyphen_is_one_actor() {
        let got = found("Ken Ofori-Atta spoke. Then Finance Minister Ken Ofori Atta left.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "Ken Ofori Atta");
    }

    #[test]
    fn a_role_is_not_a_name_nor_what_follows_its_and() {
        assert_eq!(
            names(
                "It said Douglas Jones, Deputy Assistant Secretary of State for European and Eurasian Affairs, today."
            ),
            ["Douglas Jones"]
        );
    }

    #[test]
    fn kinds_come_from_head_nouns_and_places_from_a_country_after_a_comma() {
        let got =
            found("It met the NATO Liaison Office and Voice of America in Wiesbaden, Germany.");
        let kinds: Vec<_> = got.iter().map(|c| (c.0.as_str(), c.2)).collect();
        assert!(kinds.contains(&("NATO Liaison Office", ActorKind::Organization)));
        assert!(kinds.contains(&("Voice of America", ActorKind::Other)));
        assert!(kinds.contains(&("Wiesbaden", ActorKind::Place)));
        assert!(kinds.contains(&("Germany", ActorKind::Country)));
    }

    #[test]
    fn a_city_on_the_list_is_a_place() {
        // Tried in the reader: `a` on "Tokyo" proposed `other`.
        let (kind, why) = guess_kind("Tokyo");
        assert_eq!(kind, ActorKind::Place);
        assert_eq!(why.as_deref(), Some("\"Tokyo\" is on the list of cities"));
        let got = found("Officials in Kyiv and Tokyo met on Monday.");
        let kinds: Vec<_> = got.iter().map(|c| (c.0.as_str(), c.2)).collect();
        assert!(kinds.contains(&("Kyiv", ActorKind::Place)), "{kinds:?}");
        assert!(kinds.contains(&("Tokyo", ActorKind::Place)), "{kinds:?}");
        // A name on no list stays as it was.
        assert_eq!(guess_kind("Wiesbaden").0, ActorKind::Other);
    }

    #[test]
    fn a_state_is_a_place_and_no_first_name() {
        let got = found(
            "Florida Power said it would help. Florida Power crews and Florida officials met.",
        );
        let florida = got
            .iter()
            .find(|c| c.0 == "Florida")
            .expect("Florida alone");
        assert_eq!(florida.2, ActorKind::Place);
        let power = got
            .iter()
            .find(|c| c.0 == "Florida Power")
            .expect("the company");
        assert!(power.1.is_empty(), "{power:?}");
        assert_ne!(power.2, ActorKind::Person);
    }

    #[test]
    fn and_inside_a_name_with_of_joins_it() {
        let got = names(
            "The Department of Health and Human Services and the Department of Housing and Urban \
             Development met the Ministry of Defence and Ukraine's army.",
        );
        assert!(
            got.contains(&"Department of Health and Human Services".to_owned()),
            "{got:?}"
        );
        assert!(
            got.contains(&"Department of Housing and Urban Development".to_owned()),
            "{got:?}"
        );
        assert!(got.contains(&"Ministry of Defence".to_owned()), "{got:?}");
    }

    #[test]
    fn a_title_word_after_of_names_an_organisation() {
        let got = names(
            "The Department of Defense sent troops. The Department of Defense and the Ministry \
             of Justice will help.",
        );
        assert!(got.contains(&"Department of Defense".to_owned()), "{got:?}");
        assert!(got.contains(&"Ministry of Justice".to_owned()), "{got:?}");
    }

    #[test]
    fn a_year_after_of_belongs_to_the_name() {
        let got = names(
            "He spoke to the Class of 2022 about the Civil Rights Act of 1964 in May of 2022.",
        );
        assert!(got.contains(&"Class of 2022".to_owned()), "{got:?}");
        assert!(
            got.contains(&"Civil Rights Act of 1964".to_owned()),
            "{got:?}"
        );
        assert!(!got.iter().any(|n| n.contains("May")), "{got:?}");
    }

    #[test]
    fn a_common_first_name_makes_a_person_and_a_place_word_does_not() {
        let got = found(
            "It was read by Kimberly Ballinger and Admiral Schultz in Long Beach near Santa Clara.",
        );
        let kinds: Vec<_> = got.iter().map(|c| (c.0.as_str(), c.2)).collect();
        assert!(
            kinds.contains(&("Kimberly Ballinger", ActorKind::Person)),
            "{kinds:?}"
        );
        assert!(kinds.contains(&("Schultz", ActorKind::Person)), "{kinds:?}");
        assert!(
            kinds.contains(&("Long Beach", ActorKind::Other)),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&("Santa Clara", ActorKind::Other)),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_middle_initial_a_suffix_and_an_ordinal_belong_to_the_name() {
        let got = found(
            "An appeal was filed by William A. Trudeau, Jr. on August 9 in the 2nd Circuit. Trudeau lost.",
        );
        assert_eq!(got[0].0, "William A. Trudeau, Jr.");
        assert_eq!(got[0].1, ["Trudeau"]);
        assert_eq!(got[0].2, ActorKind::Person);
        assert_eq!(got[1].0, "2nd Circuit");
        assert_eq!(got[1].2, ActorKind::Organization);
        // "U.S." is not a first name with an initial.
        assert!(names("It met U.S. officials.").is_empty());
    }

    #[test]
    fn shouted_words_and_pronouns_are_not_names() {
        // "BY" and "YEARS" are written in lowercase elsewhere; "US" is a country all the same.
        assert_eq!(
            names("It added 5 years … BY 15 YEARS! Then the US said we agreed by then."),
            ["US"]
        );
        // One such word alone may be an acronym.
        assert_eq!(names("The WHO said who was ill."), ["WHO"]);
        // A pronoun or an auxiliary after a quote or a dash is capitalised, not a name.
        assert!(names("It's about \"We the people\" -- Do it. I’m here, said I.").is_empty());
    }

    #[test]
    fn a_quoted_name_keeps_its_and_and_its_dash() {
        let got = found(
            "The operation, dubbed “NATO – Security Assistance and Training for Ukraine.” starts.",
        );
        assert_eq!(
            got[0].0,
            "NATO – Security Assistance and Training for Ukraine"
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_lone_word_before_a_number_is_no_name() {
        assert_eq!(
            names("It had 9 counts. Count 1 was fraud, and Count 2-8 were acts of Trudeau."),
            ["Trudeau"]
        );
    }

    #[test]
    fn a_name_after_a_word_for_a_relative_is_a_person() {
        let got = found("They included Trudeau’s wife Heather Bliss, who pleaded guilty.");
        assert!(
            got.contains(&("Heather Bliss".to_owned(), vec![], ActorKind::Person)),
            "{got:?}"
        );
    }

    #[test]
    fn a_bracketed_acronym_is_not_a_surname() {
        let got = found("It used the Federal Sentencing Guidelines (FSG). The FSG add years.");
        assert_eq!(got[0].0, "Federal Sentencing Guidelines");
        assert_eq!(got[0].2, ActorKind::Other);
    }

    #[test]
    fn an_acronym_of_three_capitals_names_an_organization() {
        let got = found("The NATO allies met. The US and the EU did not.");
        let kinds: Vec<_> = got.iter().map(|c| (c.0.as_str(), c.2)).collect();
        assert!(
            kinds.contains(&("NATO", ActorKind::Organization)),
            "{kinds:?}"
        );
        assert!(kinds.contains(&("US", ActorKind::Country)), "{kinds:?}");
        assert!(kinds.contains(&("EU", ActorKind::Other)), "{kinds:?}");
    }

    #[test]
    fn countries_are_found_in_sentences_left_out_for_their_capitals() {
        let text =
            "Canada leads one. Together With Germany, the United Kingdom and the United States.";
        let a = Article::new(text.to_owned(), &[]).0;
        let mut ss = sentences(&a, None);
        ss.truncate(1);
        let got: Vec<String> = candidates(text, &ss).into_iter().map(|c| c.name).collect();
        assert_eq!(
            got,
            ["Canada", "Germany", "United Kingdom", "United States"]
        );
        // A line left out whole (an omitted line, a headline) is not searched.
        let text = "Canada leads one.\nGermany And France Meet In Paris Today\nIt ended.";
        let a = Article::new(text.to_owned(), &[]).0;
        let ss: Vec<Sentence> = sentences(&a, None)
            .into_iter()
            .filter(|s| !text[s.range.clone()].contains("Paris"))
            .collect();
        let got: Vec<String> = candidates(text, &ss).into_iter().map(|c| c.name).collect();
        assert_eq!(got, ["Canada"]);
    }
}
