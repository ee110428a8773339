//! Loading benchmarks on the synthetic workload (`briefing_workload`, crates/workload: a 10 MiB
//! article, 1,000 actors with 3,000 aliases, 300 events): indexing the article (`Article::new`:
//! its lines, its omitted lines, its folded offsets counted), building the mention index
//! (`MentionIndex::build`), locating the evidence, and the whole `check` with the files on disk;
//! and the floor of one pass over the article (`floor`: reading it, a `memchr` pass, a sum of its
//! bytes). Throughput is bytes of article per second.
//!
//! Run with `cargo bench --bench index`. With `BRIEFING_WORKLOAD_DIR=DIR` set it benchmarks
//! nothing: it writes the workload into DIR (`facts.toml`, `article.txt`, and `patterns.txt`
//! with every name and alias one per line) and exits. `scripts/bench.sh` uses that to time the
//! whole `briefing check` process beside grep and ripgrep. `BRIEFING_WORKLOAD_BYTES` and
//! `BRIEFING_WORKLOAD_ACTORS` change the written workload's size (four spellings an actor), for
//! measuring `check` on big sheets.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use briefing::article::Article;
use briefing::briefing::{Briefing, Input, check};
use briefing::evidence;
use briefing::fold::fold;
use briefing::mentions::MentionIndex;
use briefing_workload::{BENCH_ACTORS, BENCH_BYTES, BENCH_SEED, Workload, generate};
use criterion::{BatchSize, Criterion, Throughput, criterion_group};

fn workload() -> Workload {
    generate(BENCH_BYTES, BENCH_ACTORS, BENCH_SEED)
}

/// The workload on disk and checked, with the folder that keeps it; or, with
/// `BRIEFING_BENCH_SHEET=PATH` set, the briefing at PATH (`scripts/kjv.sh` measures the Bible
/// that way).
fn loaded() -> (tempfile::TempDir, PathBuf, Briefing) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = match std::env::var_os("BRIEFING_BENCH_SHEET") {
        Some(sheet) => PathBuf::from(sheet),
        None => workload()
            .write_to(dir.path())
            .expect("the workload written"),
    };
    let checked = check(&Input::Path(path.clone())).expect("the workload checked");
    assert_eq!(checked.errors(), 0, "{}", checked.summary);
    let briefing = checked.into_briefing().expect("a briefing without errors");
    (dir, path, briefing)
}

fn index(c: &mut Criterion) {
    let (_dir, path, b) = loaded();
    let text = b.article.text().to_owned();
    let omit: Vec<String> = b.sheet.briefing.omit.iter().map(|o| fold(o)).collect();
    let quotes: Vec<&str> = b
        .sheet
        .events
        .iter()
        .filter_map(|e| e.evidence.as_deref())
        .chain(b.sheet.facts.iter().filter_map(|f| f.evidence.as_deref()))
        .collect();
    eprintln!(
        "workload: {} bytes, {} actors, {} mentions, {} omitted lines",
        text.len(),
        b.sheet.actors.len(),
        b.mentions.all().len(),
        b.article.omitted().len()
    );

    let mut g = c.benchmark_group("index");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("lines, omit, fold counted (Article::new)", |bench| {
        bench.iter_batched(
            || text.clone(),
            |t| Article::new(t, &omit),
            BatchSize::LargeInput,
        );
    });
    g.bench_function("mentions (MentionIndex::build)", |bench| {
        bench.iter(|| MentionIndex::build(black_box(&b.article), &b.sheet.actors));
    });
    g.bench_function("evidence (evidence::locate)", |bench| {
        bench.iter(|| evidence::locate(black_box(&b.article), &quotes));
    });
    // 1,000 quotes cut from the article: every tenth changed so that it is missing, every
    // seventh leaving words out (`…`).
    let many: Vec<String> = (0..1_000)
        .map(|k| {
            let at = text.len() / 1_000 * k;
            let start = (at..text.len())
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let quote: String = text[start..].chars().take(80).collect();
            let quote = quote.trim().to_owned();
            match k {
                _ if k % 10 == 0 => format!("{quote} zzq"),
                _ if k % 7 == 0 => {
                    let words: Vec<&str> = quote.split(' ').collect();
                    let cut = words.len() / 2;
                    format!(
                        "{} … {}",
                        words[..cut].join(" "),
                        words[cut + 1..].join(" ")
                    )
                }
                _ => quote,
            }
        })
        .collect();
    let many: Vec<&str> = many.iter().map(String::as_str).collect();
    g.bench_function("evidence, 1,000 quotes, some missing", |bench| {
        bench.iter(|| evidence::locate(black_box(&b.article), &many));
    });
    g.bench_function("check (whole, from disk)", |bench| {
        bench.iter(|| check(&Input::Path(path.clone())).expect("checked"));
    });
    // The same fact sheet with those 1,000 quotes as events' evidence, and 50 short quotes the
    // article repeats (many times in its 1 MiB line): what `check` says of quotes it does not
    // find, or finds more than once (the hints for missing quotes were a scan each; a repeated
    // quote folded its long line once per copy).
    let mut sheet = std::fs::read_to_string(&path).expect("the fact sheet");
    let repeated = ["of the", "said the", "and the", "in the", "the"];
    for (k, quote) in many
        .iter()
        .copied()
        .chain(repeated.iter().copied().cycle().take(50))
        .enumerate()
    {
        let escaped: String = quote
            .chars()
            .map(|c| match c {
                '"' => "\\\"".to_owned(),
                '\\' => "\\\\".to_owned(),
                c if c.is_control() => format!("\\u{:04X}", u32::from(c)),
                c => c.to_string(),
            })
            .collect();
        let event = format!(
            "\n[[events]]\nid = \"quoted-{k}\"\ndate = 2024-07-01\ntitle = \"Quoted {k}\"\n\
             evidence = \"{escaped}\"\n"
        );
        sheet += &event;
    }
    let with_quotes = path.with_file_name("quoted.toml");
    std::fs::write(&with_quotes, sheet).expect("the fact sheet with quotes written");
    g.bench_function(
        "check, 1,000 quotes more, some missing, 50 repeated",
        |bench| {
            bench.iter(|| check(&Input::Path(with_quotes.clone())).expect("checked"));
        },
    );
    g.finish();
}

/// The costs that grew faster than the input (issue 16): building the index for many spellings
/// (10,000 and 40,000 actors: four times the actors must cost about four times as much, not
/// sixteen), and the scan of a repetitive text for an alias that repeats its beginning (`a a …
/// b`, 2 KB, over 256 KB of `a a a …`: once a walk per word, each as long as the alias).
fn scale(c: &mut Criterion) {
    use briefing::sheet::{Actor, ActorKind};
    let mut g = c.benchmark_group("scale");
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));
    for actors in [10_000, 40_000] {
        let w = generate(64 * 1024, actors, BENCH_SEED);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = w.write_to(dir.path()).expect("the workload written");
        let checked = check(&Input::Path(path)).expect("the workload checked");
        let b = checked.into_briefing().expect("a briefing without errors");
        g.throughput(Throughput::Elements(w.spellings.len() as u64));
        g.bench_function(
            format!("index of {} spellings", w.spellings.len()),
            |bench| {
                bench.iter(|| MentionIndex::build(black_box(&b.article), &b.sheet.actors));
            },
        );
    }
    let alias = format!("{}b", "a ".repeat(1024));
    let actors = [Actor {
        id: "a".to_owned(),
        name: "Aaa".to_owned(),
        kind: ActorKind::Other,
        aliases: vec![alias],
        role: None,
        affiliation: None,
        note: None,
    }];
    let (article, _) = Article::new("a ".repeat(128 * 1024), &[]);
    g.throughput(Throughput::Bytes(article.text().len() as u64));
    g.bench_function("scan of a repetitive text", |bench| {
        bench.iter(|| MentionIndex::build(black_box(&article), &actors));
    });
    g.finish();
}

/// The physical limit: what one pass over the article costs on this machine, for comparing
/// every step above with (docs/performance.md). Reading the file from the page cache, a
/// `memchr` count of its line breaks, and a sum of its bytes (vectorised by the compiler: the
/// memory's bandwidth, with nothing done per byte).
fn floor(c: &mut Criterion) {
    let (_dir, path, b) = loaded();
    let article = path
        .parent()
        .map(|p| p.join(&b.sheet.briefing.article))
        .expect("the article beside the fact sheet");
    let bytes = std::fs::read(&article).expect("the article read");
    let mut g = c.benchmark_group("floor");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.sample_size(20);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("read the file (page cache)", |bench| {
        bench.iter(|| std::fs::read(black_box(&article)).expect("read"));
    });
    g.bench_function("memchr count of line breaks", |bench| {
        bench.iter(|| memchr::memchr_iter(b'\n', black_box(&bytes)).count());
    });
    g.bench_function("sum of the bytes", |bench| {
        bench.iter(|| black_box(&bytes).iter().map(|&x| u64::from(x)).sum::<u64>());
    });
    g.finish();
}

criterion_group!(benches, index, scale, floor);

fn main() {
    if let Some(dir) = std::env::var_os("BRIEFING_WORKLOAD_DIR") {
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("the workload folder");
        let size = |var: &str, default: usize| {
            std::env::var(var)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        };
        let w = generate(
            size("BRIEFING_WORKLOAD_BYTES", BENCH_BYTES),
            size("BRIEFING_WORKLOAD_ACTORS", BENCH_ACTORS),
            BENCH_SEED,
        );
        w.write_to(&dir).expect("the workload written");
        std::fs::write(dir.join("patterns.txt"), w.patterns_file()).expect("patterns written");
        eprintln!(
            "wrote {} ({} bytes of article, {} spellings)",
            dir.display(),
            w.article.len(),
            w.spellings.len()
        );
        return;
    }
    benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
