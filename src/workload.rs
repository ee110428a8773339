//! Deterministic synthetic briefings for benchmarks and scale tests.
//!
//! [`generate`] builds, in memory, an article of about the requested size and a fact sheet about
//! it that `briefing check` accepts without an error. The same `(bytes, actors, seed)` always
//! gives the same two strings: the only source of randomness is a splitmix64 generator seeded by
//! the caller, never the operating system, so a benchmark measures the same work on every run
//! and every machine.
//!
//! The article is English-like text in paragraphs of varied length separated by blank lines. It
//! has what real scraped articles have and what the hot paths must cope with:
//!
//! - one paragraph that is a single line of about 1 MiB (a tenth of the text when that is
//!   smaller);
//! - sections hard-wrapped at about 72 characters with CRLF line endings;
//! - non-ASCII text: accented words, typographic quotes and apostrophes, dashes, no-break
//!   spaces, Greek, Cyrillic and some CJK;
//! - page furniture ("Advertisement", …) on lines of its own, listed in the sheet's `omit`;
//! - about one mention of an actor per 100–200 bytes, skewed so that a few actors are named
//!   often and most rarely, in every spelling: names, aliases, lowercase aliases capitalised at
//!   the start of a sentence, possessives, and near misses that are not whole words.
//!
//! The fact sheet has `actors` actors with three aliases each on average (names of one to four
//! words; some aliases lowercase, like "the alliance"; no spelling shared by two actors), `0.3 ×
//! actors` events and `actors / 20` facts whose evidence is a sentence copied from the article,
//! and the `omit` list. Benchmarks use [`BENCH_BYTES`], [`BENCH_ACTORS`] and [`BENCH_SEED`].

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::fold::fold;

/// The article size the benchmarks use: 10 MiB.
pub const BENCH_BYTES: usize = 10 * 1024 * 1024;
/// The number of actors the benchmarks use.
pub const BENCH_ACTORS: usize = 1_000;
/// The seed the benchmarks use.
pub const BENCH_SEED: u64 = 0x5EED_B41E_F146;

/// The longest single line of the article.
const LONG_LINE: usize = 1024 * 1024;
/// The width hard-wrapped sections are wrapped at, in characters.
const WRAP: usize = 72;

/// Page furniture: each is written on a line of its own now and then, and omitted by the sheet.
const FURNITURE: &[&str] = &[
    "Advertisement",
    "Share this article on social media",
    "Subscribe to our newsletter \u{2013} it\u{2019}s free",
    "Read more: the week\u{2019}s top stories",
    "Continue reading below",
];

/// A synthetic briefing: the fact sheet (TOML) and the article it names, `article.txt`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workload {
    pub sheet: String,
    pub article: String,
    /// Every name and alias as the sheet writes it, in sheet order: what a plain
    /// `grep -F -f` would be given.
    pub spellings: Vec<String>,
}

impl Workload {
    /// Writes `facts.toml` and `article.txt` into `dir` (which must exist) and returns the path
    /// of the fact sheet.
    pub fn write_to(&self, dir: &Path) -> io::Result<PathBuf> {
        let sheet = dir.join("facts.toml");
        std::fs::write(&sheet, &self.sheet)?;
        std::fs::write(dir.join("article.txt"), &self.article)?;
        Ok(sheet)
    }

    /// The spellings one per line, for `grep -F -f` and `rg -F -f`.
    #[must_use]
    pub fn patterns_file(&self) -> String {
        let mut out = String::new();
        for s in &self.spellings {
            out.push_str(s);
            out.push('\n');
        }
        out
    }
}

/// Generates a briefing whose article has at least `bytes` bytes (and at most one paragraph
/// more), with `actors` actors, from `seed`.
#[must_use]
pub fn generate(bytes: usize, actors: usize, seed: u64) -> Workload {
    let mut rng = Rng(seed);
    let cast = cast(&mut rng, actors.max(1));
    let events = (cast.len() * 3 / 10).max(1);
    let facts = cast.len() / 20;
    let mut writer = Writer::new(&mut rng, &cast, bytes, events + facts);
    writer.article();
    let Writer {
        out: article,
        samples,
        ..
    } = writer;
    let sheet = sheet(&mut rng, &cast, &samples, events, facts, bytes, seed);
    let spellings = cast
        .iter()
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases).cloned())
        .collect();
    Workload {
        sheet,
        article,
        spellings,
    }
}

/// splitmix64: tiny, fast, and good enough to make text look varied.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// ── The cast ────────────────────────────────────────────────────────────────────────────────

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Person,
    Organization,
    Country,
    Place,
    Media,
    Other,
}

impl Kind {
    fn as_str(self) -> &'static str {
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

struct CastMember {
    id: String,
    name: String,
    kind: Kind,
    aliases: Vec<String>,
    role: Option<String>,
    affiliation: Option<usize>,
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

fn capitalise(s: &str) -> String {
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

fn kind_of(rng: &mut Rng) -> Kind {
    match rng.below(100) {
        0..40 => Kind::Person,
        40..65 => Kind::Organization,
        65..75 => Kind::Country,
        75..85 => Kind::Place,
        85..95 => Kind::Media,
        _ => Kind::Other,
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
fn name_and_candidates(rng: &mut Rng, kind: Kind, countries: &[String]) -> (String, Vec<String>) {
    let w = word(rng);
    let lw = w.to_lowercase();
    match kind {
        Kind::Person => person(rng, &w),
        Kind::Organization => {
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
        Kind::Country => {
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
        Kind::Place => {
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
        Kind::Media => {
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
        Kind::Other => {
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
fn cast(rng: &mut Rng, actors: usize) -> Vec<CastMember> {
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
        if kind == Kind::Country && !name.contains(' ') {
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
            Kind::Person if rng.chance(70) => Some(format!(
                "{} of {}",
                rng.pick(&["Minister", "Adviser", "Spokesperson", "Head"]),
                word(rng)
            )),
            _ => None,
        };
        // Affiliated with an earlier organization or country, now and then.
        let affiliation = (kind == Kind::Person && n > 0 && rng.chance(40))
            .then(|| rng.below(n))
            .filter(|&a| matches!(out[a].kind, Kind::Organization | Kind::Country));
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

// ── The article ─────────────────────────────────────────────────────────────────────────────

const FILLER: &[&str] = &[
    "the",
    "the",
    "the",
    "a",
    "of",
    "of",
    "to",
    "and",
    "and",
    "in",
    "in",
    "that",
    "on",
    "for",
    "with",
    "as",
    "was",
    "said",
    "would",
    "will",
    "has",
    "had",
    "been",
    "its",
    "their",
    "after",
    "before",
    "during",
    "talks",
    "officials",
    "week",
    "month",
    "year",
    "support",
    "plan",
    "plans",
    "security",
    "defence",
    "meeting",
    "summit",
    "agreement",
    "statement",
    "interview",
    "according",
    "reported",
    "announced",
    "expected",
    "future",
    "membership",
    "partners",
    "leaders",
    "foreign",
    "ministers",
    "countries",
    "region",
    "policy",
    "aid",
    "military",
    "economic",
    "sanctions",
    "trade",
    "energy",
    "border",
    "election",
    "campaign",
    "vote",
    "parliament",
    "decision",
    "proposal",
    "deal",
    "negotiations",
    "pressure",
    "crisis",
    "response",
    "measures",
    "strategy",
    "training",
    "equipment",
    "deliveries",
    "personnel",
    "command",
    "headquarters",
    "long-term",
    "footing",
    "urgency",
    "performance",
    "debate",
    "televised",
    "senior",
    "official",
    "deputy",
    "assistant",
    "secretary",
    "affairs",
    "outlined",
    "address",
    "strategies",
    "help",
    "defend",
    "against",
    "aggression",
    "contain",
    "prepare",
    "invited",
    "attend",
    "third",
    "row",
    "threats",
    "liaison",
    "active",
    "discussion",
    "citing",
    "putting",
    "case",
    "won",
    "coordinate",
    "later",
    "named",
    "weak",
    "showing",
    "made",
    "more",
    "urgent",
    "is",
    "are",
    "not",
    "but",
    "also",
    "by",
    "from",
    "about",
    "some",
    "many",
    "several",
    "new",
    "first",
    "last",
    "next",
    "other",
    "people",
    "government",
    "report",
    "sources",
    "analysts",
    "observers",
    "critics",
    "2024",
    "35",
    "700",
    "75th",
    "per",
    "cent",
    "million",
    "billion",
    "up",
    "down",
    "over",
    "under",
];
const FOREIGN: &[&str] = &[
    "café",
    "naïve",
    "façade",
    "résumé",
    "déjà\u{a0}vu",
    "Zürich",
    "Kraków",
    "coördinated",
    "élite",
    "it\u{2019}s",
    "government\u{2019}s",
    "don\u{2019}t",
    "\u{2013}",
    "\u{2014}",
    "\u{2026}",
    "北京",
    "東京都",
    "会議",
    "国际关系",
    "（新华社）",
    "€200m",
    "±3%",
    "Ελλάδα",
    "Москва",
    "so\u{2011}called",
    "\u{201c}concrete\u{201d}",
];

/// Turns actors into mentions and mentions into an article.
struct Writer<'a> {
    rng: &'a mut Rng,
    cast: &'a [CastMember],
    target: usize,
    out: String,
    /// The next actor not yet mentioned: early mentions go round the cast so that every
    /// actor is named at least once when the text is long enough.
    cover: usize,
    /// Sentences kept as evidence candidates, with the actors they mention.
    samples: Vec<(String, Vec<usize>)>,
    wanted_samples: usize,
    sample_every: usize,
    sentences: usize,
}

impl<'a> Writer<'a> {
    fn new(rng: &'a mut Rng, cast: &'a [CastMember], target: usize, wanted: usize) -> Self {
        // About 110 bytes a sentence; keep twice as many samples as needed, spread out.
        let sample_every = (target / 110 / (2 * wanted.max(1))).max(1);
        Self {
            rng,
            cast,
            target,
            out: String::with_capacity(target + 64 * 1024),
            cover: 0,
            samples: Vec::new(),
            wanted_samples: wanted,
            sample_every,
            sentences: 0,
        }
    }

    fn article(&mut self) {
        let long_line = LONG_LINE.min(self.target / 10);
        let mut long_done = long_line == 0;
        while self.out.len() < self.target || self.samples.len() < self.wanted_samples.min(1) {
            // A section: several paragraphs, plain (one line each, LF) or hard-wrapped (CRLF).
            let wrapped = self.rng.chance(30);
            let eol = if wrapped { "\r\n" } else { "\n" };
            for _ in 0..self.rng.range(3, 15) {
                if !long_done && self.out.len() >= self.target * 2 / 5 {
                    self.long_paragraph(long_line);
                    long_done = true;
                }
                if self.rng.chance(5) {
                    let f = self.rng.pick(FURNITURE);
                    let pad = if self.rng.chance(20) { "  " } else { "" };
                    let _ = write!(self.out, "{pad}{f}{pad}{eol}{eol}");
                }
                let p = self.paragraph();
                if wrapped {
                    hard_wrap(&p, &mut self.out);
                } else {
                    self.out.push_str(&p);
                    self.out.push('\n');
                }
                self.out.push_str(eol);
                if self.out.len() >= self.target {
                    break;
                }
            }
        }
        if !long_done {
            self.long_paragraph(long_line);
        }
    }

    fn long_paragraph(&mut self, len: usize) {
        let start = self.out.len();
        while self.out.len() - start < len {
            let s = self.sentence();
            self.out.push_str(&s);
            self.out.push(' ');
        }
        self.out.push_str("The end.\n\n");
    }

    fn paragraph(&mut self) -> String {
        let n = match self.rng.below(100) {
            0..15 => 1,
            15..55 => self.rng.range(2, 4),
            55..90 => self.rng.range(5, 9),
            _ => self.rng.range(10, 20),
        };
        let mut p = String::new();
        for k in 0..n {
            if k > 0 {
                // Two spaces after a full stop, as some writers still type.
                p.push_str(if self.rng.chance(10) { "  " } else { " " });
            }
            let s = self.sentence();
            p.push_str(&s);
        }
        p
    }

    /// An actor, skewed towards the first ones; the cast in order first.
    fn actor(&mut self) -> usize {
        let n = self.cast.len();
        if self.cover < n && self.rng.chance(50) {
            self.cover += 1;
            return self.cover - 1;
        }
        let r = self.rng.below(n);
        if self.rng.chance(50) {
            r
        } else {
            self.rng.below(r + 1)
        }
    }

    fn sentence(&mut self) -> String {
        let mut tokens: Vec<String> = Vec::new();
        let mut named = Vec::new();
        let len = self.rng.range(6, 22);
        let mut quote_open = false;
        for k in 0..len {
            let r = self.rng.below(1000);
            let mut t = if r < 60 {
                let a = self.actor();
                named.push(a);
                self.mention(a, k == 0)
            } else if r < 80 {
                self.rng.pick(FOREIGN).to_owned()
            } else if r < 83 {
                // A near miss: a name that runs into a word is no mention.
                let a = self.actor();
                format!("{}ian", self.cast[a].name)
            } else {
                self.rng.pick(FILLER).to_owned()
            };
            if k == 0 {
                t = capitalise(&t);
            }
            if !quote_open && k + 3 < len && self.rng.chance(3) {
                t.insert(0, '\u{201c}');
                quote_open = true;
            } else if quote_open && self.rng.chance(30) {
                t.push('\u{201d}');
                quote_open = false;
            } else if k + 1 < len && self.rng.chance(7) {
                t.push(',');
            }
            tokens.push(t);
        }
        let mut s = tokens.join(" ");
        if quote_open {
            s.push('\u{201d}');
        }
        s.push(match self.rng.below(20) {
            0 => '?',
            1 => '!',
            _ => '.',
        });
        self.sentences += 1;
        if self.sentences.is_multiple_of(self.sample_every) && s.len() >= 40 {
            named.dedup();
            self.samples.push((s.clone(), named));
        }
        s
    }

    /// One spelling of actor `a`, as a sentence might write it.
    fn mention(&mut self, a: usize, first: bool) -> String {
        let actor = &self.cast[a];
        let spelling = if actor.aliases.is_empty() || self.rng.chance(40) {
            actor.name.clone()
        } else {
            actor.aliases[self.rng.below(actor.aliases.len())].clone()
        };
        let spelling = if first {
            capitalise(&spelling)
        } else {
            spelling
        };
        match self.rng.below(20) {
            0 => format!("{spelling}\u{2019}s"),
            1 => format!("{spelling}'s"),
            2 => format!("({spelling})"),
            3 => format!("anti-{spelling}"),
            _ => spelling,
        }
    }
}

/// Appends `paragraph` wrapped at [`WRAP`] characters, every line ended by CRLF.
fn hard_wrap(paragraph: &str, out: &mut String) {
    let mut width = 0;
    for (k, w) in paragraph.split(' ').enumerate() {
        let n = w.chars().count();
        if k > 0 {
            if width + 1 + n > WRAP && width > 0 {
                out.push_str("\r\n");
                width = 0;
            } else {
                out.push(' ');
                width += 1;
            }
        }
        out.push_str(w);
        width += n;
    }
    out.push_str("\r\n");
}

// ── The fact sheet ──────────────────────────────────────────────────────────────────────────

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn toml_list<'s>(items: impl IntoIterator<Item = &'s str>) -> String {
    let items: Vec<String> = items.into_iter().map(toml_str).collect();
    format!("[{}]", items.join(", "))
}

fn sheet(
    rng: &mut Rng,
    cast: &[CastMember],
    samples: &[(String, Vec<usize>)],
    events: usize,
    facts: usize,
    bytes: usize,
    seed: u64,
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Generated by briefing::workload::generate({bytes}, {}, {seed:#x}).\n",
        cast.len()
    );
    s.push_str("[briefing]\n");
    let _ = writeln!(s, "title = \"A synthetic briefing of {bytes} bytes\"");
    s.push_str("article = \"article.txt\"\n");
    s.push_str("source = \"briefing::workload\"\n");
    s.push_str("published = 2024-07-03\n");
    s.push_str("summary = \"Made-up text for benchmarks: every name in it is invented.\"\n");
    let _ = writeln!(s, "omit = {}\n", toml_list(FURNITURE.iter().copied()));
    for a in cast {
        s.push_str("[[actors]]\n");
        let _ = writeln!(s, "id = {}", toml_str(&a.id));
        let _ = writeln!(s, "name = {}", toml_str(&a.name));
        let _ = writeln!(s, "kind = \"{}\"", a.kind.as_str());
        if !a.aliases.is_empty() {
            let _ = writeln!(
                s,
                "aliases = {}",
                toml_list(a.aliases.iter().map(String::as_str))
            );
        }
        if let Some(role) = &a.role {
            let _ = writeln!(s, "role = {}", toml_str(role));
        }
        if let Some(aff) = a.affiliation {
            let _ = writeln!(s, "affiliation = {}", toml_str(&cast[aff].id));
        }
        s.push('\n');
    }
    // Evidence: samples spread evenly over the text; reused only when the text is too short.
    let quote = |k: usize| {
        let n = (k * samples.len() / (events + facts).max(1)).min(samples.len() - 1);
        &samples[n]
    };
    for k in 0..events {
        let (evidence, named) = quote(k);
        let mut actors: Vec<usize> = named.clone();
        actors.sort_unstable();
        actors.dedup();
        if actors.is_empty() {
            actors.push(rng.below(cast.len()));
        }
        actors.truncate(5);
        let first = &cast[actors[0]].name;
        let (y, m, d) = (rng.range(2019, 2025), rng.range(1, 12), rng.range(1, 28));
        s.push_str("[[events]]\n");
        let _ = writeln!(s, "id = \"event-{}\"", k + 1);
        match rng.below(10) {
            0 => {
                let _ = writeln!(s, "date = \"{y}-{m:02}\"");
            }
            1 => {
                let _ = writeln!(s, "date = {y}-{m:02}-{d:02}");
                let _ = writeln!(s, "end = {y}-{m:02}-28");
            }
            2 => {
                let _ = writeln!(s, "date = {y}-{m:02}-{d:02}\napproximate = true");
            }
            _ => {
                let _ = writeln!(s, "date = {y}-{m:02}-{d:02}");
            }
        }
        let _ = writeln!(
            s,
            "title = {}",
            toml_str(&format!("Event {} involving {first}", k + 1))
        );
        let _ = writeln!(
            s,
            "actors = {}",
            toml_list(actors.iter().map(|&a| cast[a].id.as_str()))
        );
        let _ = writeln!(s, "evidence = {}\n", toml_str(evidence));
    }
    for k in 0..facts {
        let (evidence, named) = quote(events + k);
        s.push_str("[[facts]]\n");
        let _ = writeln!(s, "label = \"Figure {}\"", k + 1);
        let _ = writeln!(s, "value = \"{}\"", rng.range(1, 10_000));
        if let Some(&a) = named.first() {
            let _ = writeln!(s, "source = {}", toml_str(&cast[a].id));
        }
        let _ = writeln!(s, "evidence = {}\n", toml_str(evidence));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{Input, check};

    const BYTES: usize = 300 * 1024;
    const ACTORS: usize = 150;

    #[test]
    fn the_sheet_passes_the_checker_without_errors() {
        let w = generate(BYTES, ACTORS, 7);
        let dir = tempfile::tempdir().unwrap();
        let path = w.write_to(dir.path()).unwrap();
        let checked = check(&Input::Path(path)).unwrap();
        let errors: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(ToString::to_string)
            .collect();
        assert_eq!(errors, [] as [String; 0], "{}", checked.summary);
        let b = checked.briefing.expect("no errors, so a briefing");
        assert_eq!(b.sheet.actors.len(), ACTORS);
        let aliases: usize = b.sheet.actors.iter().map(|a| a.aliases.len()).sum();
        assert_eq!(aliases, 3 * ACTORS);
        assert_eq!(b.sheet.events.len(), ACTORS * 3 / 10);
        assert!(b.event_evidence.iter().all(Option::is_some));
        // Every furniture line is found, so every `omit` entry is used.
        assert!(!b.article.omitted().is_empty());
        assert!(
            !checked
                .diagnostics
                .iter()
                .any(|d| d.message.contains("omit")),
            "{:?}",
            checked.diagnostics
        );
        // About one mention per 100–200 bytes.
        let per_mention = w.article.len() / b.mentions.all().len();
        assert!((100..=200).contains(&per_mention), "{per_mention}");
        for a in &b.sheet.actors {
            let words = a.name.split(' ').count();
            assert!((1..=4).contains(&words), "{}", a.name);
        }
    }

    #[test]
    fn sizes_and_shapes_are_as_asked() {
        let w = generate(BYTES, ACTORS, 11);
        assert!(w.article.len() >= BYTES);
        assert!(w.article.len() < BYTES + 16 * 1024, "{}", w.article.len());
        assert_eq!(w.spellings.len(), 4 * ACTORS);
        let longest = w.article.lines().map(str::len).max().unwrap_or(0);
        assert!(longest >= BYTES / 10, "{longest}");
        assert!(w.article.contains("\r\n"));
        assert!(w.article.contains('\u{2019}') && w.article.contains('\u{201c}'));
        assert!(w.article.contains('\u{2013}') && w.article.contains("北京"));
        assert!(w.article.contains("\n\n"));
        let wrapped = w.article.split("\r\n").filter(|l| l.len() > 40).count();
        assert!(wrapped > 100);
        assert!(
            w.article
                .split("\r\n")
                .all(|l| l.contains('\n') || l.chars().count() <= 120)
        );
        assert!(w.spellings.iter().any(|s| s.starts_with("the ")));
    }

    #[test]
    fn generation_is_deterministic() {
        let a = generate(64 * 1024, 40, 3);
        let b = generate(64 * 1024, 40, 3);
        assert_eq!(a, b);
        let c = generate(64 * 1024, 40, 4);
        assert_ne!(a.article, c.article);
    }

    #[test]
    fn ids_are_valid_and_spellings_unique() {
        let w = generate(32 * 1024, 1_000, 5);
        let folded: HashSet<String> = w.spellings.iter().map(|s| fold(s)).collect();
        assert_eq!(folded.len(), w.spellings.len());
        assert_eq!(w.spellings.len(), 4_000);
        let ids: HashSet<&str> = w
            .sheet
            .lines()
            .filter_map(|l| l.strip_prefix("id = \"")?.strip_suffix('"'))
            .collect();
        assert_eq!(ids.len(), 1_000 + 300);
        assert!(ids.iter().all(|id| crate::sheet::parse::is_id(id)));
    }
}
