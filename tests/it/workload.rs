//! The synthetic workload (`crates/workload`, `briefing-workload`) as briefing reads it: the
//! checks that need briefing's loaders, which that crate does not depend on.

use std::collections::HashSet;

use briefing::briefing::{Input, check};
use briefing::fold::fold;
use briefing_workload::generate;

const BYTES: usize = 300 * 1024;
const ACTORS: usize = 150;

#[test]
fn the_sheet_passes_the_checker_without_errors() {
    let w = generate(BYTES, ACTORS, 7);
    let dir = tempfile::tempdir().unwrap();
    let path = w.write_to(dir.path()).unwrap();
    let checked = check(&Input::Path(path)).unwrap();
    let errors: Vec<String> = checked
        .diagnostics()
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors, [] as [String; 0], "{}", checked.summary);
    let b = checked.into_briefing().expect("no errors, so a briefing");
    assert_eq!(b.sheet.actors.len(), ACTORS);
    let aliases: usize = b.sheet.actors.iter().map(|a| a.aliases.len()).sum();
    assert_eq!(aliases, 3 * ACTORS);
    assert_eq!(b.sheet.events.len(), ACTORS * 3 / 10);
    assert!(b.event_evidence.iter().all(Option::is_some));
    // Every furniture line is found, so every `omit` entry is used.
    assert!(!b.article.omitted().is_empty());
    assert!(
        !b.warnings.iter().any(|d| d.message.contains("omit")),
        "{:?}",
        b.warnings
    );
    // About one mention per 100–200 bytes.
    let per_mention = w.article.len() / b.mentions.all().len();
    assert!((100..=200).contains(&per_mention), "{per_mention}");
    for a in &b.sheet.actors {
        let words = a.name.split(' ').count();
        assert!((1..=4).contains(&words), "{}", a.name);
    }
}

/// Spellings are distinct as briefing folds them (the workload keeps them apart with its own
/// copy of the fold), and ids are valid.
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
    assert!(ids.iter().all(|id| briefing::sheet::parse::is_id(id)));
}
