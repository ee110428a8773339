//! `briefing draft` in-process: the bundled article, a 1 MiB slice of the synthetic workload
//! (`briefing_workload`, crates/workload: English-like paragraphs dense with names, dates are
//! rare), and texts shaped to hit what was once quadratic: 20,000 short attributed sentences
//! (one evidence search per figure and per happening), 12,000 short paragraphs (lines compared
//! with every paragraph for a box that restates the body) and 20,000 events with one title (ids
//! made unique).
//!
//! The second group times what the reader's `u` computes, the names no actor claims
//! (`suggest::unclaimed_names`), on the bundled briefing and on the workload's briefing cut to
//! 1 MiB and 10 MiB.
//!
//! Run with `cargo bench --bench draft`.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use briefing::draft::{Options, draft};
use briefing_workload::{BENCH_ACTORS, BENCH_SEED, generate};
use criterion::{Criterion, criterion_group, criterion_main};

fn texts() -> Vec<(&'static str, String)> {
    let bundled = include_str!("../assets/article.txt").to_owned();
    let workload = generate(1 << 20, BENCH_ACTORS, BENCH_SEED).article;
    let mut sentences = String::new();
    for i in 0..20_000 {
        let _ = writeln!(sentences, "Line {i} Smith said {i}.");
    }
    // One title for every event: the ids numbered -2, -3… were once found by counting up from 2
    // for each (42 s whole process).
    let mut titles = String::new();
    for i in 0..20_000 {
        let _ = writeln!(
            titles,
            "Alice met Bob in Paris on day {i}. Carol said nothing."
        );
    }
    let mut paragraphs = String::new();
    for i in 0..12_000 {
        let _ = write!(paragraphs, "Word{i} alpha beta gamma delta went home\n\n");
    }
    vec![
        ("bundled article", bundled),
        ("1 MiB of the workload", workload),
        ("20,000 attributed sentences", sentences),
        ("12,000 short paragraphs", paragraphs),
        ("20,000 events with one title", titles),
    ]
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("draft");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    let options = Options {
        article: "article.txt".into(),
        published: None,
    };
    for (name, text) in texts() {
        eprintln!("{name}: {} bytes", text.len());
        group.bench_function(name, |b| b.iter(|| draft(black_box(&text), &options)));
    }
    group.finish();
}

/// `u` in the reader: the names no actor claims, found from the names alone.
fn unclaimed(c: &mut Criterion) {
    use briefing::briefing::{Briefing, Input, open};
    use briefing::draft::suggest::unclaimed_names;
    let mut group = c.benchmark_group("unclaimed names");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    let bundled = Briefing::bundled();
    eprintln!("bundled: {} unclaimed", unclaimed_names(&bundled).len());
    group.bench_function("bundled briefing", |b| {
        b.iter(|| unclaimed_names(black_box(&bundled)));
    });
    for (name, bytes) in [("1 MiB workload", 1 << 20), ("10 MiB workload", 10 << 20)] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = generate(bytes, BENCH_ACTORS, BENCH_SEED)
            .write_to(dir.path())
            .expect("the workload written");
        let briefing = open(&Input::Path(path)).expect("the workload loads");
        eprintln!("{name}: {} unclaimed", unclaimed_names(&briefing).len());
        group.bench_function(name, |b| b.iter(|| unclaimed_names(black_box(&briefing))));
    }
    group.finish();
}

criterion_group!(benches, bench, unclaimed);
criterion_main!(benches);
