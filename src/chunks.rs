//! The folded article cut into chunks, each folded again from the original and scanned on a
//! core of its own: how the mention index and the evidence read an article without a whole
//! folded copy of it beside the original.
//!
//! A chunk's scan reads on past its end by as far as a pattern can reach, so that it finds
//! every match that starts in it; each thread folds its chunks one after another into one
//! buffer, so a 256 MiB article is held folded a few MiB at a time.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::fold::Source;

/// Chunks of at least this many bytes are worth a thread.
const MIN_CHUNK: usize = 1024 * 1024;

/// The most a chunk of an article holds: small enough that a thread's buffer stays in the
/// cache between its folding and its scan.
const MOST: usize = 1024 * 1024;

/// How many threads to scan a text of `len` bytes on.
pub(crate) fn threads(len: usize) -> usize {
    if len < 2 * MIN_CHUNK {
        return 1; // without asking the system, which takes a few system calls
    }
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    cores.min(len / MIN_CHUNK).max(1)
}

/// Where to cut `text` into `n` chunks: `0`, then places at ASCII whitespace, then
/// `text.len()`.
pub(crate) fn bounds(text: &str, n: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut bounds = vec![0];
    for k in 1..n {
        let near = text.len() * k / n;
        if let Some(i) = memchr::memchr2(b' ', b'\n', &bytes[near..])
            && near + i > *bounds.last().unwrap_or(&0)
        {
            bounds.push(near + i);
        }
    }
    bounds.push(text.len());
    bounds
}

/// A chunk as its scan sees it: `piece` is the folded text from offset `start` on, through
/// `reach` bytes past the chunk's end (or to the text's end), in whole characters; the chunk is
/// `from..to` (folded offsets, `start <= from`): the matches that start in it are its. A chunk
/// of an article begins with a space or at the text's start (see [`Source::bounds`]), and its
/// piece begins with it.
#[derive(Clone, Copy)]
pub(crate) struct Chunk<'a> {
    pub piece: &'a str,
    pub start: usize,
    pub from: usize,
    pub to: usize,
}

impl<'a> Chunk<'a> {
    /// Chunk `from..to` of a text that is there whole.
    pub(crate) fn of_text(text: &'a str, from: usize, to: usize) -> Self {
        Self {
            piece: text,
            start: 0,
            from,
            to,
        }
    }
}

/// `scan` of each chunk `bounds[k]..bounds[k + 1]` of a text that is there whole (a short one,
/// or one cut anywhere by a test), each on a thread of its own, the first on this one; in the
/// order of the text.
pub(crate) fn each_of_text<T: Send>(
    text: &str,
    bounds: &[usize],
    scan: impl Fn(Chunk<'_>) -> T + Sync,
) -> Vec<T> {
    let scan = &scan;
    let chunk = |k: usize| Chunk::of_text(text, bounds[k], bounds[k + 1]);
    std::thread::scope(|s| {
        let handles: Vec<_> = (1..bounds.len().saturating_sub(1))
            .map(|k| s.spawn(move || scan(chunk(k))))
            .collect();
        let mut all = Vec::with_capacity(bounds.len());
        if bounds.len() > 1 {
            all.push(scan(chunk(0)));
        }
        for h in handles {
            all.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        all
    })
}

/// How an article is cut: on how many threads, into chunks of at most how many bytes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sizes {
    pub threads: usize,
    pub most: usize,
}

impl Sizes {
    /// For a folded text of `len` bytes: [`threads`], and [`MOST`].
    pub(crate) fn of(len: usize) -> Self {
        Self {
            threads: threads(len),
            most: MOST,
        }
    }
}

/// `scan` of each chunk of the folded article `source`, in the order of the text, cut as
/// [`Sizes::of`] says.
pub(crate) fn each<T: Send>(
    source: Source<'_>,
    reach: usize,
    scan: impl Fn(Chunk<'_>) -> T + Sync,
) -> Vec<T> {
    each_sized(source, Sizes::of(source.map().len()), reach, scan)
}

/// [`each`], cut as `sizes` says.
pub(crate) fn each_sized<T: Send>(
    source: Source<'_>,
    sizes: Sizes,
    reach: usize,
    scan: impl Fn(Chunk<'_>) -> T + Sync,
) -> Vec<T> {
    each_sized_until(source, sizes, reach, &AtomicBool::new(false), scan)
}

/// [`each_sized`], each chunk not yet begun once `stop` is set passed to `scan` empty (its
/// `from` and `to` at its start, nothing folded): a pass no one waits for any more ends within
/// a chunk, and its results, incomplete, are for no one.
pub(crate) fn each_sized_until<T: Send>(
    source: Source<'_>,
    sizes: Sizes,
    reach: usize,
    stop: &AtomicBool,
    scan: impl Fn(Chunk<'_>) -> T + Sync,
) -> Vec<T> {
    let len = source.map().len();
    let Sizes { threads, most } = sizes;
    let threads = threads.max(1);
    let n = threads * len.div_ceil(threads * most.max(1)).max(1);
    let bounds = source.bounds(n);
    let chunks = bounds.len() - 1;
    let next = AtomicUsize::new(0);
    let work = || {
        let mut buffer = String::new();
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= chunks {
                return done;
            }
            let (from, mut to) = (bounds[k], bounds[k + 1]);
            if stop.load(Ordering::Relaxed) {
                buffer.clear();
                to = from;
            } else {
                source.piece(from, (to - from).saturating_add(reach), &mut buffer);
            }
            let chunk = Chunk {
                piece: &buffer,
                start: from,
                from,
                to,
            };
            done.push((k, scan(chunk)));
        }
    };
    let mut done = if threads <= 1 || chunks <= 1 {
        work()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
            let mut done = work();
            for h in handles {
                done.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            done
        })
    };
    done.sort_unstable_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, t)| t).collect()
}
