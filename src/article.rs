//! The article: its text exactly as on disk, its lines, the page furniture that the fact sheet
//! omits, and the way to its folded form for matching (the folded text itself is folded again
//! a chunk at a time where it is scanned, and made whole only when asked for).
//!
//! Every offset in the program is a byte offset into the file as it is on disk (mention rule 8):
//! a UTF-8 byte order mark is kept in the text but skipped by matching.
//!
//! The numbered rules: `docs/fact-sheet.md`, "How mentions are found".

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::fold::{self, FoldedText, Source};
use crate::lines::LineIndex;

/// The largest article read. Offsets are stored as `u32`, and a larger text is more likely a
/// wrong path (a disk image, a log) than an article.
pub const MAX_ARTICLE_BYTES: u64 = 256 * 1024 * 1024;

const BOM: &str = "\u{FEFF}";

/// How many folded bytes of a line are compared with the `omit` entries' beginnings before the
/// line is folded further.
const OMIT_PROBE: usize = 8;

#[derive(Debug)]
pub struct Article {
    text: String,
    body: usize,
    /// Where each line starts; a line ends at `\n`, `\r\n` or a lone `\r`.
    lines: LineIndex,
    /// The content (without line terminator) of every omitted line, ascending.
    omitted: Vec<Range<usize>>,
    /// The way between the folded text's offsets and the text's.
    folded: FoldedText,
    /// The folded text whole, made the first time it is asked for ([`Self::folded_str`]): the
    /// reader's search and the hints for a quote not found want it; the mention index and the
    /// evidence read the article a piece at a time ([`Self::folded_source`]) and never make it.
    /// Stored, not derived each time: folding 10 MiB takes 15–20 ms.
    whole: OnceLock<String>,
}

/// Bytes that are not UTF-8, located for a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotUtf8 {
    pub byte: usize,
    pub line: usize,
    pub column: usize,
}

/// Decodes an article file, saying where it stops being UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, NotUtf8> {
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..byte]).unwrap_or_default();
        let (line, column) = LineIndex::new(valid).line_col(valid, byte);
        NotUtf8 { byte, line, column }
    })
}

impl Article {
    /// Indexes `text`; `omit` lists folded line texts to leave out, or, ending in `*`, the
    /// beginning of lines to leave out. Returns the article and, for each entry of `omit`, how
    /// many lines it matched.
    #[must_use]
    pub fn new(text: String, omit: &[String]) -> (Self, Vec<usize>) {
        let body = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let lines = LineIndex::new(&text);
        let mut hits = vec![0; omit.len()];
        let mut omitted = Vec::new();
        if !omit.is_empty() {
            // An entry listed twice counts its lines under its first listing.
            let mut wanted: HashMap<&str, usize> = HashMap::new();
            for (k, o) in omit.iter().enumerate() {
                wanted.entry(o.as_str()).or_insert(k);
            }
            // Folding never lengthens a line, so a shorter line cannot match. A line is folded
            // into one buffer, first only as far as a few bytes, which rule out most lines (no
            // entry begins so), then only as far as the longest entry: a long line costs no more
            // than a short one.
            // An entry ending in `*` omits every line that begins with what comes before it.
            let prefixes: Vec<(usize, &str)> = omit
                .iter()
                .filter_map(|o| Some((wanted[o.as_str()], o.strip_suffix('*')?)))
                .collect();
            let longest_prefix = prefixes.iter().map(|(_, p)| p.len()).max().unwrap_or(0);
            let shortest = omit.iter().map(String::len).min().unwrap_or(0);
            let longest = omit.iter().map(String::len).max().unwrap_or(0);
            let mut sorted: Vec<&str> = omit.iter().map(String::as_str).collect();
            sorted.sort_unstable();
            let begins = |prefix: &str| {
                let i = sorted.partition_point(|o| *o < prefix);
                sorted.get(i).is_some_and(|o| o.starts_with(prefix))
            };
            // A line that begins with a printable ASCII byte folds to a text that begins with
            // it: unless an entry begins so, the line is passed over without folding any of it.
            let mut may_begin = [false; 256];
            let every_line = prefixes.iter().any(|(_, p)| p.is_empty());
            for o in omit {
                match o.as_bytes().first() {
                    Some(&b) if !every_line => may_begin[usize::from(b)] = true,
                    _ => may_begin = [true; 256],
                }
            }
            let mut folded = String::with_capacity(longest + 4);
            for line in lines.ranges(&text, 0) {
                let (start, end) = (line.start.max(body), line.end);
                if let Some(&b) = text.as_bytes().get(start).filter(|_| start < end)
                    && b.is_ascii_graphic()
                    && !may_begin[usize::from(b)]
                {
                    continue;
                }
                if !prefixes.is_empty() && start < end {
                    fold::fold_bounded(&text[start..end], &mut folded, longest_prefix);
                    if let Some((k, _)) = prefixes.iter().find(|(_, p)| folded.starts_with(p)) {
                        hits[*k] += 1;
                        omitted.push(start..end);
                        continue;
                    }
                }
                if start >= end || text[start..end].trim().len() < shortest {
                    continue;
                }
                let line = &text[start..end];
                // Each call folds from the start of the line: what fits is a prefix of it.
                let whole = fold::fold_bounded(line, &mut folded, OMIT_PROBE);
                if !begins(&folded) || !(whole || fold::fold_bounded(line, &mut folded, longest)) {
                    continue;
                }
                if let Some(&k) = wanted.get(folded.as_str()) {
                    hits[k] += 1;
                    omitted.push(start..end);
                }
            }
            for (k, o) in omit.iter().enumerate() {
                hits[k] = hits[wanted[o.as_str()]];
            }
        }
        let folded = FoldedText::new(&text, body, &omitted);
        let article = Self {
            text,
            body,
            lines,
            omitted,
            folded,
            whole: OnceLock::new(),
        };
        (article, hits)
    }

    /// The whole text as on disk, byte order mark included.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where the text proper starts: after the byte order mark, if there is one.
    #[must_use]
    pub fn body_start(&self) -> usize {
        self.body
    }

    /// The way between the folded text's offsets and the text's.
    #[must_use]
    pub fn folded(&self) -> &FoldedText {
        &self.folded
    }

    /// The folded text, a part at a time.
    #[must_use]
    pub fn folded_source(&self) -> Source<'_> {
        Source::new(&self.text, &self.omitted, &self.folded)
    }

    /// The folded text whole: made the first time it is asked for, then kept.
    #[must_use]
    pub fn folded_str(&self) -> &str {
        self.whole.get_or_init(|| self.folded_source().whole())
    }

    /// Whether the folded text whole has been made.
    #[must_use]
    pub fn folded_made(&self) -> bool {
        self.whole.get().is_some()
    }

    /// Makes the folded text whole on another thread, unless it is made: for the reader, each
    /// time it takes a briefing that was not loaded by its load thread (which makes it there),
    /// so that the first search or proposed actor finds it made (at 256 MiB it takes half a
    /// second). A use meanwhile waits for this one.
    pub fn fold_ahead(article: &Arc<Self>) {
        if article.folded_made() {
            return;
        }
        let article = Arc::clone(article);
        // No thread to be had: the folded text is made where it is first used.
        let _ = std::thread::Builder::new()
            .name("fold ahead".into())
            .spawn(move || article.folded_str().len());
    }

    /// Content ranges of the omitted lines, ascending.
    #[must_use]
    pub fn omitted(&self) -> &[Range<usize>] {
        &self.omitted
    }

    /// Whether `offset` lies inside an omitted line.
    #[must_use]
    pub fn is_omitted(&self, offset: usize) -> bool {
        let i = self.omitted.partition_point(|r| r.end <= offset);
        self.omitted.get(i).is_some_and(|r| r.start <= offset)
    }

    /// Where its lines start.
    #[must_use]
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    #[must_use]
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The 1-based line and 1-based column (in characters) of a byte offset.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// The 1-based line of a byte offset.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(&self.text, offset)
    }

    /// The byte range of 0-based line `n`, without its terminator.
    #[must_use]
    pub fn line_range(&self, n: usize) -> Range<usize> {
        self.lines.line_range(&self.text, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, omit: &[&str]) -> (Article, Vec<usize>) {
        let omit: Vec<String> = omit.iter().map(|o| fold::fold(o)).collect();
        Article::new(text.to_owned(), &omit)
    }

    /// The folded text made on another thread is the one made in place, and a use while it is
    /// being made waits for it.
    #[test]
    fn folded_ahead_is_the_folded_text() {
        let text = "NATO\u{2019}s  \r\n summit \u{2014} ".repeat(10_000);
        let a = Arc::new(Article::new(text.clone(), &[]).0);
        Article::fold_ahead(&a);
        let b = Article::new(text, &[]).0;
        assert_eq!(a.folded_str(), b.folded_source().whole());
        assert!(a.folded_made() && !b.folded_made());
    }

    #[test]
    fn counts_lines_for_every_line_ending() {
        let (a, _) = article("one\ntwo\r\nthree\rfour", &[]);
        assert_eq!(a.line_count(), 4);
        assert_eq!(a.line_col(a.text().find("two").unwrap()), (2, 1));
        assert_eq!(a.line_col(a.text().find("four").unwrap()), (4, 1));
        assert_eq!(&a.text()[a.line_range(1)], "two");
        assert_eq!(&a.text()[a.line_range(2)], "three");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let (a, _) = article("«Ü» Trump", &[]);
        assert_eq!(a.line_col(a.text().find("Trump").unwrap()), (1, 5));
        let (a, _) = Article::new("\u{feff}NATO met".to_owned(), &[]);
        assert_eq!(
            a.line_col(a.text().find("NATO").unwrap()),
            (1, 1),
            "a BOM is no column"
        );
    }

    #[test]
    fn omits_whole_lines_after_trimming_and_folding() {
        let text = "Text.\n\n  Advertisement \nAdvertisements here\nTo suggest \u{2014} this\n";
        let (a, hits) = article(text, &["Advertisement", "To suggest - this", "Nothing"]);
        assert_eq!(hits, [1, 1, 0]);
        assert_eq!(a.omitted().len(), 2);
        assert!(a.is_omitted(text.find("Advertisement ").unwrap()));
        assert!(!a.is_omitted(text.find("Advertisements").unwrap()));
        assert!(!a.folded_str().contains("Advertisement "));
    }

    #[test]
    fn byte_order_mark_is_kept_in_offsets_and_skipped_in_matching() {
        let (a, _) = article("\u{FEFF}NATO", &[]);
        assert_eq!(a.body_start(), 3);
        assert_eq!(a.folded_str(), "NATO");
        assert_eq!(a.folded().to_original(0), 3);
    }

    #[test]
    fn locates_the_first_byte_that_is_not_utf8() {
        let err = decode(b"ok\nline \xE9t\xE9".to_vec()).unwrap_err();
        assert_eq!(
            err,
            NotUtf8 {
                byte: 8,
                line: 2,
                column: 6
            }
        );
    }

    #[test]
    fn lines_passed_over_by_their_first_byte_are_those_no_entry_begins_with() {
        let text = "\u{2018}Quoted\u{2019} line\n\u{0B}Advertisement\nAdvertisement\n\
                    Zebra\n\u{00A0}Read more: this\nRead more: that\n \"Quoted\" line\n";
        let (a, hits) = article(text, &["'Quoted' line", "Advertisement", "Read more:*"]);
        assert_eq!(hits, [1, 2, 2]);
        let omitted: Vec<&str> = a.omitted().iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            omitted,
            [
                "\u{2018}Quoted\u{2019} line",
                "\u{0B}Advertisement",
                "Advertisement",
                "\u{00A0}Read more: this",
                "Read more: that"
            ]
        );
        // `*` alone omits every line that is not empty, whatever it begins with.
        let (a, hits) = article("Zebra\n\nyak\n9\n", &["*"]);
        assert_eq!(hits, [3]);
        assert_eq!(a.omitted().len(), 3);
    }

    #[test]
    fn omits_the_lines_the_plain_reference_omits() {
        let w = briefing_workload::generate(256 * 1024, 100, 22);
        let text = briefing_workload::roughened(&w.article);
        let entries = [
            "Advertisement",
            "Subscribe to our newsletter \u{2013} it\u{2019}s free",
            "Continue reading below",
            "Not in the text",
        ];
        let omit: Vec<String> = entries.iter().map(|o| fold::fold(o)).collect();
        let (a, hits) = Article::new(text.clone(), &omit);
        let want = crate::reference::fold::omitted_lines(&text, 3, &omit);
        assert_eq!(a.omitted(), want);
        assert_eq!(hits.iter().sum::<usize>(), want.len());
        assert!(hits[..3].iter().all(|&h| h > 0) && hits[3] == 0, "{hits:?}");
    }
}
