//! The article of a synthetic briefing: English-like paragraphs of varied length, a 1 MiB line,
//! hard-wrapped CRLF sections, non-ASCII text, page furniture, and mentions of the cast in
//! every spelling.

use std::fmt::Write as _;

use super::cast::{CastMember, capitalise};
use super::{FURNITURE, LONG_LINE, Rng, WRAP};

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
pub(super) struct Writer<'a> {
    rng: &'a mut Rng,
    cast: &'a [CastMember],
    target: usize,
    pub(super) out: String,
    /// The next actor not yet mentioned: early mentions go round the cast so that every
    /// actor is named at least once when the text is long enough.
    cover: usize,
    /// Sentences kept as evidence candidates, with the actors they mention.
    pub(super) samples: Vec<(String, Vec<usize>)>,
    wanted_samples: usize,
    sample_every: usize,
    sentences: usize,
}

impl<'a> Writer<'a> {
    pub(super) fn new(
        rng: &'a mut Rng,
        cast: &'a [CastMember],
        target: usize,
        wanted: usize,
    ) -> Self {
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

    pub(super) fn article(&mut self) {
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
