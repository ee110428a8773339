//! What each fuzz target asserts about one decoded case. The targets (`fuzz/fuzz_targets`) call
//! these; the main crate's test suite compiles this same file (`tests/it/fuzz_regressions.rs`)
//! to replay every input the fuzzer once failed on, without libFuzzer. So it depends on
//! `briefing` and `serde_json` only, never on `arbitrary`.

use briefing::article::{Article, decode};
use briefing::briefing::{Input, check};
use briefing::export::{Format, Request, Table, render};
use briefing::fold::fold;
use briefing::inert::is_unsafe;
use briefing::mentions::MentionIndex;
use briefing::sheet::{Actor, ActorKind};
use briefing::wrap::ArticleLayout;

/// `sheet`: any fact sheet text with any article must produce diagnostics (never a panic) whose
/// text is safe to print; a sheet that loads must export to every format (Markdown without
/// anything unsafe to print but line breaks), and its normalised TOML must load again to the
/// same fact sheet.
///
/// # Panics
/// When one of those fails: that is the finding.
pub fn sheet(sheet: String, article: Vec<u8>) {
    let input = Input::Memory {
        sheet,
        article: article.clone(),
    };
    let Ok(checked) = check(&input) else {
        return;
    };
    for d in checked.diagnostics() {
        assert!(!d.to_string().chars().any(is_unsafe), "{d}");
    }
    let Ok(b) = checked.into_briefing() else {
        return;
    };
    let request = |format, table| Request { format, table };
    let json = render(&b, request(Format::Json, Table::Actors), "a.txt");
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON export parses");
    for table in [Table::Actors, Table::Mentions, Table::Events, Table::Facts] {
        let _ = render(&b, request(Format::Csv, table), "a.txt");
    }
    // Markdown is for people and terminals: line breaks are its structure, and nothing else
    // unsafe to print may come through from the sheet or the article.
    let md = render(&b, request(Format::Markdown, Table::Actors), "a.txt");
    assert!(!md.chars().any(|c| c != '\n' && is_unsafe(c)), "{md:?}");
    // `render` writes its `article_path` argument into the sheet, so the export must name the
    // article as the sheet did, or the comparison below would fail on the name alone.
    let article_path = b.sheet.briefing.article.clone();
    let toml = render(&b, request(Format::Toml, Table::Actors), &article_path);
    let again = check(&Input::Memory {
        sheet: toml,
        article,
    })
    .expect("memory input runs")
    .into_briefing()
    .expect("a normalised fact sheet loads");
    assert_eq!(again.sheet, b.sheet, "normalising changed the fact sheet");
}

/// `article`: any bytes either decode or say where they stop being UTF-8; any text with any
/// omitted lines folds, maps back to its own offsets, and lays out in rows that go forward on
/// character boundaries, at any width.
///
/// # Panics
/// When one of those fails: that is the finding.
pub fn article(bytes: &[u8], omit: &[String], width: u8, show_omitted: bool) {
    let text = match decode(bytes.to_vec()) {
        Ok(text) => text,
        Err(e) => {
            let stop = std::str::from_utf8(bytes).expect_err("valid UTF-8 was refused");
            assert_eq!(
                e.byte,
                stop.valid_up_to(),
                "the error is not where UTF-8 stops"
            );
            assert!(e.line >= 1 && e.column >= 1);
            return;
        }
    };
    let omit = folded(omit);
    let (article, hits) = Article::new(text.clone(), &omit);
    assert_eq!(hits.len(), omit.len());
    let folded = article.folded();
    let whole = article.folded_str();
    assert_eq!(whole.len(), folded.len());
    let mut last = 0;
    for (i, _) in whole.char_indices() {
        let at = folded.to_original(i);
        assert!(at >= last && at <= text.len() && text.is_char_boundary(at));
        assert_eq!(folded.to_folded(at), i, "the way back and forth differ");
        last = at;
    }
    assert!(folded.to_original(whole.len()) <= text.len());
    // Folded again from any chunk's start, the text is the same.
    let source = article.folded_source();
    let mut piece = String::new();
    for &from in &source.bounds(5) {
        source.piece(from, 64, &mut piece);
        assert!(whole[from..].starts_with(piece.as_str()), "a piece differs");
        assert!(piece.len() >= 64.min(whole.len() - from));
    }
    let layout = ArticleLayout::new(&article, u16::from(width), show_omitted);
    let mut end = 0;
    for row in layout.rows() {
        assert!(
            row.span.start >= end || row.span.start == row.span.end,
            "rows go forward"
        );
        assert!(
            text.is_char_boundary(row.span.start as usize)
                && text.is_char_boundary(row.span.end as usize)
        );
        end = row.span.end;
    }
}

/// `mentions`: the index against the mention rules. Every mention is a folded name or alias of
/// its actor (or that pattern capitalised), or several joined by rule 9 (by a space, or as
/// `NAME (ALIAS)`), stands between word boundaries, is outside omitted lines and never overlaps
/// another; two mentions of one actor that rule 9 would join are never left apart; offsets are
/// character boundaries of the text as given.
///
/// # Panics
/// When one of those fails: that is the finding.
pub fn mentions(text: &str, actors: &[(String, Vec<String>)], omit: &[String]) {
    // Bounded so that one input stays fast enough for the fuzzer to try many.
    let actors: Vec<Actor> = actors
        .iter()
        .take(64)
        .enumerate()
        .map(|(n, (name, aliases))| Actor {
            id: format!("a{n}"),
            name: name.clone(),
            kind: ActorKind::Other,
            aliases: aliases.iter().take(8).cloned().collect(),
            role: None,
            affiliation: None,
            note: None,
        })
        .collect();
    let (article, _) = Article::new(text.to_owned(), &folded(omit));
    let index = MentionIndex::build(&article, &actors);
    let mut end = 0;
    for m in index.all() {
        let r = m.span.range();
        assert!(r.start >= end, "mentions overlap or go backwards");
        end = r.end;
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert!(!article.is_omitted(r.start));
        let found = fold(&text[r.clone()]);
        let a = &actors[m.actor as usize];
        let spellings: Vec<String> = std::iter::once(&a.name)
            .chain(&a.aliases)
            .map(|p| fold(p))
            .filter(|p| !p.is_empty())
            .flat_map(|p| capitalised(&p).into_iter().chain([p]))
            .collect();
        assert!(
            joined_spellings(&found, &spellings),
            "{found:?} is not a spelling of actor {}, nor several joined",
            a.id
        );
        let before = text[..r.start].chars().next_back();
        let after = text[r.end..].chars().next();
        assert!(
            !before.is_some_and(char::is_alphanumeric),
            "not a word start"
        );
        // A mention joined as `NAME (ALIAS)` ends at the parenthesis, whatever follows it.
        assert!(
            found.ends_with(')') || !after.is_some_and(char::is_alphanumeric),
            "not a word end"
        );
    }
    for (k, w) in index.all().windows(2).enumerate() {
        if w[0].actor != w[1].actor {
            continue;
        }
        let gap = &text[w[0].span.range().end..w[1].span.range().start];
        assert!(
            !gap.chars().all(char::is_whitespace),
            "mentions {k} and {} of one actor are left apart by whitespace",
            k + 1
        );
        let free = index
            .all()
            .get(k + 2)
            .is_none_or(|next| next.span.range().start > w[1].span.range().end);
        let in_parentheses = gap
            .strip_suffix('(')
            .is_some_and(|ws| ws.chars().all(char::is_whitespace))
            && text[w[1].span.range().end..].starts_with(')')
            && free;
        assert!(
            !in_parentheses,
            "mention {} of one actor is left apart in parentheses",
            k + 1
        );
    }
}

/// Whether folded `found` is one of `spellings`, or several joined as rule 9 joins them: by a
/// space or nothing, or the next in parentheses after an optional space.
fn joined_spellings(found: &str, spellings: &[String]) -> bool {
    let n = found.len();
    // chain[i]: found[i..] is a spelling and then a tail; tail[j]: found[j..] is empty, or a
    // space or nothing and a chain, or a spelling in parentheses and a tail.
    let (mut chain, mut tail) = (vec![false; n + 1], vec![false; n + 1]);
    for i in (0..=n).rev() {
        if !found.is_char_boundary(i) {
            continue;
        }
        let rest = &found[i..];
        let ends = |at: usize| {
            spellings
                .iter()
                .filter(move |p| found[at..].starts_with(p.as_str()))
                .map(move |p| at + p.len())
        };
        chain[i] = ends(i).any(|e| tail[e]);
        let open = if rest.starts_with(" (") {
            Some(i + 2)
        } else if rest.starts_with('(') {
            Some(i + 1)
        } else {
            None
        };
        tail[i] = i == n
            || chain[i]
            || (rest.starts_with(' ') && chain[i + 1])
            || open.is_some_and(|o| ends(o).any(|e| found[e..].starts_with(')') && tail[e + 1]));
    }
    chain[0]
}

/// `omit` lines as the fact sheet loader keeps them: folded, blank ones dropped.
fn folded(omit: &[String]) -> Vec<String> {
    omit.iter()
        .map(|o| fold(o))
        .filter(|o| !o.is_empty())
        .collect()
}

fn capitalised(p: &str) -> Option<String> {
    let first = p.chars().next()?;
    first.is_lowercase().then(|| {
        let mut s: String = first.to_uppercase().collect();
        s.push_str(&p[first.len_utf8()..]);
        s
    })
}
