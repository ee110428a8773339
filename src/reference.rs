//! Reference implementations, for the tests only: each is the plainest reading of a rule that
//! the library implements fast, and the tests check that the two agree on rough synthetic
//! articles (`briefing_workload::generate`, roughened by `briefing_workload::roughened`).
//!
//! They are deliberately slow and simple: character by character, no index, no automaton, no
//! threads, quadratic where that is easiest to read. Never call them outside tests, and never
//! make them clever: their worth is that they can be checked against docs/fact-sheet.md by eye.
//!
//! - [`fold`]: folding (mention rule 2: whitespace runs, typographic quotes and dashes) with a
//!   byte-by-byte map back to the original, and the omitted lines of an article (rule 6, with
//!   `\n`, `\r\n` and a lone `\r` as line ends, after a byte order mark, rule 8). Pins
//!   `fold::fold`, `fold::FoldedText` and its cursor, and `Article`'s omitted lines.
//! - [`mentions`]: the mention rules 1–9 (patterns from names and aliases, folding, the
//!   capitalised variant, whole words, leftmost-longest, omitted lines, byte offsets on disk,
//!   joining neighbours), with rules 1–8 and rule 9 apart. Pins `MentionIndex`.
//! - [`evidence`]: every occurrence of a quote in folded text, counted one pattern at a time
//!   (rule 7). Pins the chunked count that locates evidence.
//!
//! The rules they pin are written out for curators in `docs/fact-sheet.md` ("How mentions are
//! found"): a change to a rule changes that list, the code, its reference here and the tests.

pub mod evidence;
pub mod fold;
pub mod mentions;
