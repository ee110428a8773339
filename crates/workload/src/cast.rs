//! The cast of a synthetic briefing: actors with names of one to four words, their aliases
//! (some lowercase, some acronyms), roles and affiliations, no spelling shared by two actors.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::Rng;
use crate::fold::fold;

/// An actor's kind, as the fact sheet writes it (`briefing::sheet::ActorKind`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ActorKind {
    Person,
    Organization,
    Country,
    Place,
    Media,
    Other,
}

impl ActorKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Organization => "organization",
            Self::Country => "country",
            Self::Place => "place",
            Self::Media => "media",
            Self::Other => "other",
        }
    }
}

pub(super) struct CastMember {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) kind: ActorKind,
    pub(super) aliases: Vec<String>,
    pub(super) role: Option<String>,
    pub(super) affiliation: Option<usize>,
}

const ONSETS: &[&str] = &[
    "b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t",
    "tr", "v", "z", "sh", "ch", "j", "y", "w",
];
const VOWELS: &[&str] = &[
    "a", "e", "i", "o", "u", "ai", "ei", "ou", "ia", "a", "e", "o",
];
const ACCENTED: &[&str] = &["é", "ö", "ø", "å", "ä", "ü", "í", "ã"];
const CODAS: &[&str] = &[
    "", "", "", "n", "r", "s", "l", "k", "m", "v", "sk", "nd", "č", "ñ",
];
const FIRST_NAMES: &[&str] = &[
    "Anna", "José", "Zoë", "Björn", "Chloé", "Łukasz", "Ngozi", "Hiroshi", "Anaïs", "Douglas",
    "Maria", "Olena", "Pedro", "Amélie", "Sven", "Fatima", "Kwame", "Ingrid", "Rui", "Yusuf",
    "Elena", "Tomás", "Aiko", "Dmitri", "Grace", "Omar", "Leila", "Jonas", "Priya", "Mateo",
];
const TITLES: &[&str] = &[
    "President",
    "Minister",
    "General",
    "Dr",
    "Ms",
    "Mr",
    "Senator",
    "Ambassador",
    "Judge",
    "Governor",
];
const LOWER_ROLES: &[&str] = &[
    "the minister",
    "the ambassador",
    "the general",
    "the spokesperson",
    "the envoy",
    "the senator",
    "the governor",
    "the chairman",
];
const ORG_SUFFIXES: &[&str] = &[
    "Institute",
    "Council",
    "Party",
    "Alliance",
    "Bank",
    "Group",
    "Front",
    "Union",
    "Agency",
    "Foundation",
    "Ministry",
    "Commission",
];
const ORG_ADJECTIVES: &[&str] = &[
    "National",
    "Northern",
    "United",
    "Free",
    "Central",
    "Democratic",
    "Southern",
    "Popular",
];
const CJK: &[&str] = &[
    "东", "京", "北", "海", "山", "川", "中", "华", "大", "学", "会", "社", "新", "闻", "国", "民",
];

/// A made-up word of two or three syllables, capitalised; now and then with an accent.
fn word(rng: &mut Rng) -> String {
    let mut w = String::new();
    for _ in 0..rng.range(2, 3) {
        w.push_str(rng.pick(ONSETS));
        w.push_str(if rng.chance(6) {
            rng.pick(ACCENTED)
        } else {
            rng.pick(VOWELS)
        });
    }
    w.push_str(rng.pick(CODAS));
    capitalise(&w)
}

pub(super) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn cjk(rng: &mut Rng) -> String {
    (0..rng.range(2, 4)).map(|_| rng.pick(CJK)).collect()
}

/// The capitals of a name of several words: "Northern Trade Union" → "NTU".
fn acronym(name: &str) -> Option<String> {
    let letters: String = name
        .split(' ')
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect();
    (letters.len() >= 2).then_some(letters)
}

fn kind_of(rng: &mut Rng) -> ActorKind {
    match rng.below(100) {
        0..40 => ActorKind::Person,
        40..65 => ActorKind::Organization,
        65..75 => ActorKind::Country,
        75..85 => ActorKind::Place,
        85..95 => ActorKind::Media,
        _ => ActorKind::Other,
    }
}

/// A person's name and aliases: "Anna Velmor", "Velmor", "Minister Velmor", "the minister".
fn person(rng: &mut Rng, w: &str) -> (String, Vec<String>) {
    let first = rng.pick(FIRST_NAMES);
    let title = rng.pick(TITLES);
    let name = match rng.below(10) {
        0 => w.to_owned(),
        1..=6 => format!("{first} {w}"),
        7 | 8 => format!("{first} {} {w}", word(rng)),
        _ => format!("{first} {w}-{}", word(rng)),
    };
    let last = name.rsplit(' ').next().unwrap_or(w).to_owned();
    let mut c = vec![
        last.clone(),
        format!("{title} {last}"),
        format!("{title} {first} {last}"),
        rng.pick(LOWER_ROLES).to_owned(),
        format!("{first} {last}"),
    ];
    c.retain(|a| *a != name);
    (name, c)
}

/// A name and the aliases it suggests, most natural first.
fn name_and_candidates(
    rng: &mut Rng,
    kind: ActorKind,
    countries: &[String],
) -> (String, Vec<String>) {
    let w = word(rng);
    let lw = w.to_lowercase();
    match kind {
        ActorKind::Person => person(rng, &w),
        ActorKind::Organization => {
            let suffix = rng.pick(ORG_SUFFIXES);
            let name = match rng.below(10) {
                0..=3 => format!("{w} {suffix}"),
                4 | 5 => format!("{} {w} {suffix}", rng.pick(ORG_ADJECTIVES)),
                6 => format!("{suffix} of {w}"),
                7 => format!("{suffix} of New {w}"),
                // Nested patterns: "Velmoria" (a country) and "Velmoria Council".
                _ if !countries.is_empty() => {
                    format!("{} {suffix}", countries[rng.below(countries.len())])
                }
                _ => format!("{w} {suffix}"),
            };
            let mut c = Vec::new();
            c.extend(acronym(&name));
            c.push(format!("the {}", suffix.to_lowercase()));
            c.push(format!("the {lw} {}", suffix.to_lowercase()));
            c.push(format!("{w}\u{2019}s {}", suffix.to_lowercase()));
            c.push(format!("the {w} {suffix}"));
            (name, c)
        }
        ActorKind::Country => {
            let name = match rng.below(4) {
                0 => format!("{w}ia"),
                1 => format!("Republic of {w}"),
                2 => format!("United {w} Emirates"),
                _ => w.clone(),
            };
            let c = vec![
                w.clone(),
                format!("{w}ia"),
                format!("the {lw} government"),
                "the republic".to_owned(),
                format!("{w}n authorities"),
            ];
            (name, c)
        }
        ActorKind::Place => {
            let name = match rng.below(10) {
                0..=2 => w.clone(),
                3 => format!("{w} Valley"),
                4 => format!("Port {w}"),
                5 => format!("S\u{e3}o {w}"),
                6 => format!("{w}-on-{}", word(rng)),
                7 => cjk(rng),
                _ => format!("San {w} del {}", word(rng)),
            };
            let c = vec![
                w.clone(),
                "the valley".to_owned(),
                "the port city".to_owned(),
                format!("the {lw} region"),
                cjk(rng),
            ];
            (name, c)
        }
        ActorKind::Media => {
            let name = match rng.below(5) {
                0 => format!("The {w} Times"),
                1 => format!("{w} Radio"),
                2 => format!("{w} News Agency"),
                3 => format!("Radio {w}"),
                _ => format!("{w} {}", cjk(rng)),
            };
            let mut c = vec!["the Times".to_owned(), format!("the {lw} paper")];
            c.extend(acronym(&name));
            c.push(format!("{w} Online"));
            (name, c)
        }
        ActorKind::Other => {
            let name = match rng.below(3) {
                0 => format!("Operation {w}"),
                1 => format!("{w} Accord"),
                _ => format!("the {w} Plan"),
            };
            let c = vec![
                "the operation".to_owned(),
                format!("the {lw} accord"),
                format!("Plan {w}"),
                w.clone(),
            ];
            (name, c)
        }
    }
}

/// A fresh alias when the natural ones are taken.
fn fallback_alias(rng: &mut Rng) -> String {
    const HEADS: &[&str] = &["Office", "Bureau", "Camp", "Desk", "Team", "Agent"];
    match rng.below(3) {
        0 => format!("{} {}", rng.pick(HEADS), word(rng)),
        1 => format!(
            "the {} {}",
            word(rng).to_lowercase(),
            rng.pick(HEADS).to_lowercase()
        ),
        _ => format!("{} {}", word(rng), word(rng)),
    }
}

/// A valid, unique id: the name's ASCII letters and digits, then the actor's number.
fn id_of(name: &str, n: usize) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
        if id.len() >= 24 {
            break;
        }
    }
    if id.is_empty() {
        id.push_str("actor");
    }
    if !id.ends_with('-') {
        id.push('-');
    }
    let _ = write!(id, "{n}");
    id
}

/// The actors, with exactly three aliases each on average and no spelling (folded, as the
/// checker compares them) used twice.
pub(super) fn cast(rng: &mut Rng, actors: usize) -> Vec<CastMember> {
    let mut taken: HashSet<String> = HashSet::new();
    let mut countries: Vec<String> = Vec::new();
    let mut out: Vec<CastMember> = Vec::with_capacity(actors);
    for n in 0..actors {
        // Alias counts come in pairs 3 + d and 3 − d, so the total is exactly 3 per actor.
        let d = if n % 2 == 0 { rng.range(0, 3) } else { 0 };
        let wanted = if n % 2 == 0 {
            if n + 1 < actors { 3 + d } else { 3 }
        } else {
            6 - out[n - 1].aliases.len()
        };
        let kind = kind_of(rng);
        let (name, candidates) = loop {
            let (name, candidates) = name_and_candidates(rng, kind, &countries);
            if taken.insert(fold(&name)) {
                break (name, candidates);
            }
        };
        if kind == ActorKind::Country && !name.contains(' ') {
            countries.push(name.clone());
        }
        let mut aliases = Vec::with_capacity(wanted);
        for c in candidates {
            if aliases.len() == wanted {
                break;
            }
            if c.split(' ').count() <= 4 && taken.insert(fold(&c)) {
                aliases.push(c);
            }
        }
        while aliases.len() < wanted {
            let c = fallback_alias(rng);
            if taken.insert(fold(&c)) {
                aliases.push(c);
            }
        }
        let role = match kind {
            ActorKind::Person if rng.chance(70) => Some(format!(
                "{} of {}",
                rng.pick(&["Minister", "Adviser", "Spokesperson", "Head"]),
                word(rng)
            )),
            _ => None,
        };
        // Affiliated with an earlier organization or country, now and then.
        let affiliation = (kind == ActorKind::Person && n > 0 && rng.chance(40))
            .then(|| rng.below(n))
            .filter(|&a| matches!(out[a].kind, ActorKind::Organization | ActorKind::Country));
        out.push(CastMember {
            id: id_of(&name, n + 1),
            name,
            kind,
            aliases,
            role,
            affiliation,
        });
    }
    out
}
