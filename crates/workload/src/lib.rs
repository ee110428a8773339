//! Deterministic synthetic briefings for benchmarks and scale tests (`briefing-workload`, a
//! dev-only crate of the workspace: the benchmarks in `benches/`, `tests/it` and the library's
//! unit tests use it).
//!
//! It does not depend on `briefing`: it writes plain text (an article, a fact sheet in TOML, the
//! spellings), and callers load it with briefing's own loaders. The checks that the sheet passes
//! `briefing check` and that its spellings are distinct as briefing folds them are in
//! `tests/it/workload.rs`.
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

mod cast;
mod crowd;
mod fold;
mod sheet;
mod text;

use std::io;
use std::path::{Path, PathBuf};

use cast::cast;
pub use crowd::crowd;
use sheet::sheet;
use text::Writer;

/// The article size the benchmarks use: 10 MiB.
pub const BENCH_BYTES: usize = 10 * 1024 * 1024;
/// The number of actors the benchmarks use.
pub const BENCH_ACTORS: usize = 1_000;
/// The seed the benchmarks use.
pub const BENCH_SEED: u64 = 0x5EED_B41E_F146;

/// An actor named by the commonest words of the workload's English-like filler (`the`, `of`,
/// `in`…), to add to a fact sheet: hundreds of thousands of mentions on the bench workload.
pub const COMMON_WORDS_ACTOR: &str = "\n[[actors]]\nid = \"common-words\"\nname = \"Common Words\"\n\
    kind = \"other\"\naliases = [\"the\", \"of\", \"in\", \"and\", \"on\", \"to\", \"was\"]\n";

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

/// An article (a workload's) made harder to fold, for the tests of folding and mentions: a byte
/// order mark, every fifth CRLF a lone `\r`, and every thirteenth space a tab, a run of spaces,
/// a no-break or ideographic space, or a form feed.
#[must_use]
pub fn roughened(article: &str) -> String {
    const SPACES: [&str; 7] = [
        "\t",
        "   ",
        "\u{A0}",
        "\u{2003}",
        " \u{3000} ",
        "\u{C}",
        " \t ",
    ];
    let mut out = String::from("\u{FEFF}");
    let (mut spaces, mut crlfs) = (0, 0);
    let mut rest = article;
    while let Some(i) = rest.find([' ', '\r']) {
        out.push_str(&rest[..i]);
        if rest[i..].starts_with(' ') {
            spaces += 1;
            out.push_str(if spaces % 13 == 0 {
                SPACES[spaces / 13 % 7]
            } else {
                " "
            });
            rest = &rest[i + 1..];
        } else {
            crlfs += 1;
            out.push('\r');
            let lone = crlfs % 5 == 0 && rest[i..].starts_with("\r\n");
            rest = &rest[i + if lone { 2 } else { 1 }..];
        }
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    const BYTES: usize = 300 * 1024;
    const ACTORS: usize = 150;

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
}
