//! The machine's physical limit for one pass over the 10 MiB article of the synthetic workload
//! (`briefing_workload`), the floor every step of loading is compared with in
//! docs/performance.md: counting line breaks with `memchr` (what `wc -l` does), summing the
//! bytes (one read of each), copying the text (one read and one write), and reading the file
//! from the page cache into a fresh buffer (what loading an article costs before any work).
//! Throughput is bytes of article per second.
//!
//! Run with `cargo bench --bench limit`.

use std::hint::black_box;

use briefing_workload::{BENCH_ACTORS, BENCH_BYTES, BENCH_SEED, generate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn limit(c: &mut Criterion) {
    let workload = generate(BENCH_BYTES, BENCH_ACTORS, BENCH_SEED);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = workload.write_to(dir.path()).expect("the workload written");
    let article = path.with_file_name("article.txt");
    let text = std::fs::read(&article).expect("the article read");
    let mut g = c.benchmark_group("limit");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("memchr count of line breaks", |b| {
        b.iter(|| memchr::memchr_iter(b'\n', black_box(&text)).count());
    });
    g.bench_function("sum of the bytes", |b| {
        b.iter(|| {
            black_box(&text)
                .iter()
                .fold(0u64, |sum, &byte| sum.wrapping_add(u64::from(byte)))
        });
    });
    g.bench_function("copy into a fresh buffer", |b| {
        b.iter(|| black_box(&text).clone());
    });
    g.bench_function("read the file (page cache)", |b| {
        b.iter(|| std::fs::read(black_box(&article)).expect("the article read"));
    });
    g.bench_function("read the file and check it is UTF-8", |b| {
        b.iter(|| {
            let bytes = std::fs::read(black_box(&article)).expect("the article read");
            String::from_utf8(bytes).expect("UTF-8")
        });
    });
    g.finish();
}

criterion_group!(benches, limit);
criterion_main!(benches);
