//! Exports in-process on the synthetic workload (`briefing_workload`, crates/workload: a 10 MiB
//! article, 1,000 actors with 3,000 aliases), written as they are made (`export::write`) into a
//! writer that only counts, so that what is timed is making the export, not a disk: JSON, the
//! CSV mentions table and Markdown. Throughput is bytes of export per second. A second group does
//! the same after an actor whose aliases are the article's commonest words joins the sheet
//! (`the`, `of`, `in`…: hundreds of thousands of mentions more), the case that once built whole
//! exports of gigabytes in memory (issue 16).
//!
//! Run with `cargo bench --bench export`.

use std::io::{self, Write};
use std::time::Duration;

use briefing::briefing::{Briefing, Input, check};
use briefing::export::{Format, Request, Table, write};
use briefing_workload::{BENCH_ACTORS, BENCH_BYTES, BENCH_SEED, COMMON_WORDS_ACTOR, generate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The workload on disk and checked, with `extra` added to its fact sheet.
fn loaded(extra: &str) -> (tempfile::TempDir, Briefing) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut w = generate(BENCH_BYTES, BENCH_ACTORS, BENCH_SEED);
    w.sheet.push_str(extra);
    let path = w.write_to(dir.path()).expect("the workload written");
    let checked = check(&Input::Path(path)).expect("the workload checked");
    assert_eq!(checked.errors(), 0, "{}", checked.summary);
    (
        dir,
        checked.into_briefing().expect("a briefing without errors"),
    )
}

/// A writer that keeps nothing and counts what it is given.
struct Count(u64);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn size(b: &Briefing, request: Request) -> u64 {
    let mut count = Count(0);
    write(b, request, "article.txt", io::BufWriter::new(&mut count)).expect("counted");
    count.0
}

fn export(c: &mut Criterion) {
    let requests = [
        ("json", Format::Json, Table::Actors),
        ("csv mentions", Format::Csv, Table::Mentions),
        ("markdown", Format::Markdown, Table::Actors),
    ];
    for (group, extra) in [("export", ""), ("export, common words", COMMON_WORDS_ACTOR)] {
        let (_dir, b) = loaded(extra);
        eprintln!("{group}: {} mentions", b.mentions.all().len());
        let mut g = c.benchmark_group(group);
        g.sample_size(10);
        g.warm_up_time(Duration::from_secs(1));
        g.measurement_time(Duration::from_secs(5));
        for (name, format, table) in requests {
            let request = Request { format, table };
            g.throughput(Throughput::Bytes(size(&b, request)));
            g.bench_function(name, |bench| bench.iter(|| size(&b, request)));
        }
        g.finish();
    }
}

criterion_group!(benches, export);
criterion_main!(benches);
