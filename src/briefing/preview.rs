//! The briefing the reader shows before the whole one is loaded: the fact sheet (only its
//! `[briefing]` table when it is long: see [`WHOLE_SHEET_BYTES`]), parsed and validated as
//! [`super::open`] does, and the article's first [`PREVIEW_BYTES`] (cut at a character boundary),
//! with no mentions, no evidence located and no warnings yet. Its text is
//! a prefix of the article's, so every byte offset in it is the same in the whole briefing,
//! which replaces it once loaded on another thread (`app/loading.rs`).
//!
//! A preview is only a head start, never a verdict: where anything is wrong or unusual (the
//! fact sheet has errors, the article is not a regular file or cannot be read, its first part
//! is not UTF-8) there is none, and the reader waits for [`super::open`] to say what it is.

use std::io::Read;

use super::input::briefing_head;
use super::{Briefing, Input, event_lines, folded_omit, sort_events, tables};
use crate::article::Article;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::mentions::MentionIndex;
use crate::sheet::parse::{Parsed, parse};
use crate::sheet::validate::validate;

/// How much of the article a preview holds: far more than a screen shows, little enough to read
/// and lay out in a few milliseconds.
pub const PREVIEW_BYTES: usize = 64 * 1024;

/// The preview of the briefing `input` names, or `None` when there is none to show (see the
/// module's documentation): only a fact sheet on disk has one (the bundled sample loads in a few
/// milliseconds whole).
#[must_use]
pub fn preview(input: &Input) -> Option<Briefing> {
    preview_of(input, PREVIEW_BYTES)
}

/// Whether `preview` (made by [`preview`]) holds only the first part of its article: it is as
/// long as [`PREVIEW_BYTES`] to within the 3 bytes a cut at a character boundary may leave.
#[must_use]
pub fn cut_short(preview: &Briefing) -> bool {
    preview.article.text().len() + 4 >= PREVIEW_BYTES
}

/// [`preview`] with the article cut at `limit` bytes (or less, to a character boundary).
#[must_use]
pub fn preview_of(input: &Input, limit: usize) -> Option<Briefing> {
    let Input::Path(_) = input else {
        return None;
    };
    let text = input.read_sheet().ok()?.ok()?;
    let sheet_path = input.sheet_display();
    let src = SourceFile::new(sheet_path.clone(), head_of_sheet(&text));
    let Parsed {
        mut sheet,
        positions,
        mut diagnostics,
    } = parse(&src);
    if diagnostics.iter().any(Diagnostic::is_error) || sheet.briefing.article.is_empty() {
        return None;
    }
    validate(&sheet, &positions, &src, &mut diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return None;
    }
    let path = input.article_path(&sheet.briefing.article)?;
    let head = read_head(&path, limit)?;
    let omit = folded_omit(&sheet.briefing);
    let (article, _) = Article::new(head, &omit);
    let event_lines = event_lines(&sheet, &positions, &src);
    let mut event_evidence = vec![None; sheet.events.len()];
    sort_events(&mut sheet.events, &mut event_evidence);
    Some(Briefing {
        tables: tables(&sheet.events, &positions, &event_lines, &src),
        actor_ids: (sheet.actors.iter().enumerate())
            .map(|(n, a)| (a.id.clone(), n))
            .collect(),
        mentions: MentionIndex::default(),
        event_evidence,
        fact_evidence: vec![None; sheet.facts.len()],
        warnings: Vec::new(),
        sheet,
        article: std::sync::Arc::new(article),
        sheet_path,
        sheet_text: text,
    })
}

/// A fact sheet at most this long is parsed whole for the preview (a few milliseconds), so that
/// its errors are told before the terminal is taken, as `check` tells them.
pub const WHOLE_SHEET_BYTES: usize = 64 * 1024;

/// What of the fact sheet the preview parses: the whole of a sheet of at most
/// [`WHOLE_SHEET_BYTES`]; of a longer one, up to its first array of tables (`[[actors]]`,
/// `[[events]]`, `[[facts]]`), its `[briefing]` table, which is all a preview needs. Parsing a
/// sheet of a thousand actors (248 KB) took 15 ms of the first frame's 35; the whole load parses
/// it beside the preview, and its errors, if any, end the reader once it has (the preview shows
/// meanwhile). A sheet whose `[briefing]` comes later, or whose head does not parse alone, has
/// no preview.
fn head_of_sheet(text: &str) -> &str {
    if text.len() <= WHOLE_SHEET_BYTES {
        return text;
    }
    briefing_head(text)
}

/// The first `limit` bytes of the regular file at `path`, as text cut at the last character
/// boundary in them; `None` when it is not a regular file, cannot be read, or is not UTF-8
/// before the cut.
fn read_head(path: &std::path::Path, limit: usize) -> Option<String> {
    // Only a regular file: opening a FIFO would wait for a writer (the whole load says why).
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::with_capacity(limit.min(1 << 20));
    file.take(u64::try_from(limit).ok()?)
        .read_to_end(&mut bytes)
        .ok()?;
    let full = bytes.len() == limit;
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            // Cut inside a character (at most 3 bytes of it) at the end: the part before it.
            // Anything else is not UTF-8, which the whole load reports.
            if !full || e.utf8_error().error_len().is_some() || limit - valid > 3 {
                return None;
            }
            let mut bytes = e.into_bytes();
            bytes.truncate(valid);
            String::from_utf8(bytes).ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(article: &[u8]) -> (tempfile::TempDir, Input) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("article.txt"), article).expect("article");
        std::fs::write(
            dir.path().join("facts.toml"),
            "[briefing]\ntitle = \"T\"\narticle = \"article.txt\"\n\n\
             [[actors]]\nid = \"nato\"\nname = \"NATO\"\nkind = \"organization\"\n",
        )
        .expect("facts");
        let input = Input::Path(dir.path().join("facts.toml"));
        (dir, input)
    }

    #[test]
    fn a_preview_is_a_prefix_of_the_whole_text_cut_at_a_character() {
        let text = "NATO met in Brüssel. ".repeat(100);
        let (_dir, input) = folder(text.as_bytes());
        let whole = super::super::open(&input).expect("it loads");
        for limit in [1, 10, 17, 18, 19, 200, 10_000] {
            let p = preview_of(&input, limit).expect("a preview");
            assert!(
                whole.article.text().starts_with(p.article.text()),
                "{limit}"
            );
            assert!(
                p.article.text().len() <= limit
                    && p.article.text().len() + 3 >= limit.min(text.len())
            );
            assert!(p.mentions.all().is_empty());
            assert_eq!(p.sheet, whole.sheet, "a short sheet is parsed whole");
        }
    }

    #[test]
    fn a_long_sheet_gives_the_preview_its_briefing_table_only() {
        let (dir, input) = folder(b"NATO met. ");
        let mut sheet = String::from("[briefing]\ntitle = \"T\"\narticle = \"article.txt\"\n");
        let mut n = 0;
        while sheet.len() <= WHOLE_SHEET_BYTES + 100 {
            let actor =
                format!("\n[[actors]]\nid = \"a{n}\"\nname = \"Actor {n}\"\nkind = \"person\"\n");
            sheet += &actor;
            n += 1;
        }
        std::fs::write(dir.path().join("facts.toml"), &sheet).expect("facts");
        let whole = super::super::open(&input).expect("it loads");
        let p = preview(&input).expect("a preview");
        assert_eq!(p.sheet.briefing, whole.sheet.briefing);
        assert!(p.sheet.actors.is_empty(), "the actors come with the whole");
        assert_eq!(whole.sheet.actors.len(), n);
        assert_eq!(
            p.sheet_text, sheet,
            "the text is the whole sheet's, for the editor"
        );
        // Its errors are the whole load's to tell.
        std::fs::write(
            dir.path().join("facts.toml"),
            sheet.replacen("person", "persn", 1),
        )
        .expect("facts");
        assert!(preview(&input).is_some());
        assert!(super::super::open(&input).is_err());
    }

    #[test]
    fn no_preview_where_the_whole_load_must_say_what_is_wrong() {
        let (dir, input) = folder(b"NATO \xff met.");
        assert!(preview_of(&input, 100).is_none(), "not UTF-8");
        assert!(
            preview_of(&input, 5).is_some(),
            "the bad byte is after the cut"
        );
        std::fs::remove_file(dir.path().join("article.txt")).expect("removed");
        assert!(preview_of(&input, 100).is_none(), "no article");
        std::fs::write(dir.path().join("facts.toml"), "[briefing]\ntitle = 3\n").expect("facts");
        assert!(preview_of(&input, 100).is_none(), "a broken sheet");
        assert!(preview(&Input::Bundled).is_none());
    }
}
