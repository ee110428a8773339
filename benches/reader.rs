//! The reader's latencies on the synthetic workload (`briefing_workload`, crates/workload: a 10 MiB
//! article, 1,000 actors, 3,000 aliases): from opening the briefing to its first complete frame,
//! and from a keystroke to its drawn frame at 200×60 — scrolling, `n`, `Enter` on an actor and a
//! search step — at the top, the middle and the end of the article.
//!
//! Criterion reports the medians. Since the target is also about the worst case, every
//! keystroke's time is kept as well and the slowest is printed after each group.
//!
//! Run with `cargo bench --bench reader`.

use std::time::{Duration, Instant};

use briefing::app::{Action, App, Pane};
use briefing::briefing::{Input, open};
use briefing::view::render;
use briefing_workload::{BENCH_ACTORS, BENCH_BYTES, BENCH_SEED, generate};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const W: u16 = 200;
const H: u16 = 60;

struct Workload {
    _dir: tempfile::TempDir,
    input: Input,
}

/// The synthetic workload on disk; or, with `BRIEFING_BENCH_SHEET=PATH` set, the briefing at
/// PATH (`scripts/kjv.sh` measures the Bible that way).
fn workload() -> Workload {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = match std::env::var_os("BRIEFING_BENCH_SHEET") {
        Some(sheet) => std::path::PathBuf::from(sheet),
        None => generate(BENCH_BYTES, BENCH_ACTORS, BENCH_SEED)
            .write_to(dir.path())
            .expect("the workload written"),
    };
    Workload {
        _dir: dir,
        input: Input::Path(path),
    }
}

/// What the terminal loop does from start to the first frame: load and check the briefing,
/// lay the article out for the terminal's width, draw.
fn first_frame(input: &Input) -> App {
    let b = open(input).expect("the workload loads");
    let mut app = App::new(b, input.clone(), true);
    app.update(Action::Resize(W, H));
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("a test terminal");
    term.draw(|f| render(&app, f)).expect("drawn");
    app
}

/// What the reader does first: the preview (the article's first 64 KiB, the fact sheet's
/// `[briefing]` table when it is long), laid out and drawn.
fn preview_frame(input: &Input) -> App {
    let p = briefing::briefing::preview::preview(input).expect("a preview");
    let mut app = App::new(p, input.clone(), true);
    app.update(Action::Resize(W, H));
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("a test terminal");
    term.draw(|f| render(&app, f)).expect("drawn");
    app
}

/// Where in the article a keystroke happens.
#[derive(Clone, Copy)]
enum Place {
    Top,
    Middle,
    End,
}

fn place(app: &mut App, at: Place) {
    app.update(Action::Focus(Pane::Article));
    app.update(Action::Top);
    let rows = app.article_state().layout.total().rows;
    let target = match at {
        Place::Top => 0,
        Place::Middle => rows / 2,
        Place::End => app.article_state().max_top(),
    };
    while app.article_state().top < target {
        app.update(Action::PageDown);
    }
}

/// One keystroke: the actions it becomes, and how to set the app up again (untimed) so that the
/// next one does the same work.
struct Key {
    name: &'static str,
    actions: &'static [Action],
    reset: fn(&mut App, Place),
}

fn keys() -> Vec<Key> {
    vec![
        Key {
            name: "Down",
            actions: &[Action::Down],
            reset: unless_at_the_end,
        },
        Key {
            name: "PageDown",
            actions: &[Action::PageDown],
            reset: unless_at_the_end,
        },
        Key {
            // `n` on the most mentioned actor, followed once beforehand.
            name: "n",
            actions: &[Action::NextHit],
            reset: |_, _| {},
        },
        Key {
            // `Enter` on an actor in the Actors pane: select it and jump to its next mention.
            name: "Enter on an actor",
            actions: &[Action::Follow],
            reset: |app, at| {
                place(app, at);
                app.update(Action::Focus(Pane::Actors));
                app.update(Action::Down);
            },
        },
        Key {
            // One more letter of a search query: the frame shows the query at once; the search
            // of 10 MB starts after it, on another thread (see "search step to its matches").
            name: "search step",
            actions: &[Action::Type('e')],
            // Esc takes the article back to where the search began: the place set up for it.
            reset: search_reset,
        },
    ]
}

/// Back to the place when scrolling reached the end, so that every scroll is a real move.
fn unless_at_the_end(app: &mut App, at: Place) {
    if app.article_state().top >= app.article_state().max_top() {
        place(app, at);
    }
}

/// Esc, then `/th` typed and searched: the state before a search step.
fn search_reset(app: &mut App, _: Place) {
    app.update(Action::Cancel);
    app.update(Action::Search);
    app.update(Action::Type('t'));
    app.update(Action::Type('h'));
    settle(app);
}

/// What the terminal loop does until a search on another thread has delivered.
fn settle(app: &mut App) {
    while app.needs_settle() {
        app.update(Action::Settle);
    }
}

fn reader(c: &mut Criterion) {
    let w = workload();
    let mut g = c.benchmark_group("reader");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("open to first frame, 10 MB at 200x60", |b| {
        b.iter(|| first_frame(&w.input));
    });
    g.bench_function("preview to first frame, 10 MB at 200x60", |b| {
        b.iter(|| preview_frame(&w.input));
    });
    g.finish();

    let mut app = first_frame(&w.input);
    // Follow the most mentioned actor, for `n`.
    app.update(Action::Focus(Pane::Actors));
    app.update(Action::Top);
    app.update(Action::Follow);
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("a test terminal");
    let mut g = c.benchmark_group("keystroke to frame, 200x60");
    // Flat sampling: the same number of keystrokes in every sample, so that a slow key (a
    // search) is not asked for thousands of repetitions, each with its untimed reset.
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(20);
    g.warm_up_time(Duration::from_millis(300));
    g.measurement_time(Duration::from_secs(1));
    for key in keys() {
        for (at, where_) in [
            (Place::Top, "top"),
            (Place::Middle, "middle"),
            (Place::End, "end"),
        ] {
            app.update(Action::Cancel);
            place(&mut app, at);
            (key.reset)(&mut app, at);
            let mut all = Vec::new();
            g.bench_function(format!("{} at the {where_}", key.name), |b| {
                b.iter_custom(|iters| {
                    let mut spent = Duration::ZERO;
                    for _ in 0..iters {
                        (key.reset)(&mut app, at);
                        let start = Instant::now();
                        for a in key.actions {
                            app.update(a.clone());
                        }
                        term.draw(|f| render(&app, f)).expect("drawn");
                        let t = start.elapsed();
                        all.push(t);
                        spent += t;
                    }
                    spent
                });
            });
            all.sort_unstable();
            if let (Some(median), Some(worst)) = (all.get(all.len() / 2), all.last()) {
                eprintln!(
                    "    {} at the {where_}: {} keystrokes, median {median:.2?}, worst {worst:.2?}",
                    key.name,
                    all.len()
                );
            }
        }
    }
    g.finish();

    // A search step to the frame that shows its matches: the whole incremental search of the
    // 10 MB article, from the key to the first match highlighted.
    let mut g = c.benchmark_group("search step to its matches, 200x60");
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(2));
    for (at, where_) in [
        (Place::Top, "top"),
        (Place::Middle, "middle"),
        (Place::End, "end"),
    ] {
        app.update(Action::Cancel);
        place(&mut app, at);
        let mut all = Vec::new();
        g.bench_function(format!("at the {where_}"), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    search_reset(&mut app, at);
                    let start = Instant::now();
                    // As the terminal loop: the key's frame, then the search, then its frame.
                    app.update(Action::Type('e'));
                    term.draw(|f| render(&app, f)).expect("drawn");
                    settle(&mut app);
                    term.draw(|f| render(&app, f)).expect("drawn");
                    let t = start.elapsed();
                    all.push(t);
                    spent += t;
                }
                spent
            });
        });
        all.sort_unstable();
        if let (Some(median), Some(worst)) = (all.get(all.len() / 2), all.last()) {
            eprintln!("    search at the {where_}: median {median:.2?}, worst {worst:.2?}");
        }
    }
    g.finish();
}

/// A fact sheet of `n` actors the article never mentions, beside the bundled article: `n`
/// warnings, one per actor.
fn many_warnings(dir: &std::path::Path, n: usize) -> Input {
    use std::fmt::Write as _;
    let mut sheet = String::from("[briefing]\ntitle = \"warnings\"\narticle = \"article.txt\"\n");
    for i in 0..n {
        let _ = write!(
            sheet,
            "\n[[actors]]\nid = \"ghost-{i}\"\nname = \"Ghost Number {i} Who Never Appears\"\nkind = \"person\"\n"
        );
    }
    let path = dir.join("facts.toml");
    std::fs::write(&path, sheet).expect("the fact sheet written");
    std::fs::write(
        dir.join("article.txt"),
        include_str!("../assets/article.txt"),
    )
    .expect("the article written");
    Input::Path(path)
}

/// What a `warnings_window` bench presses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WindowKey {
    Down,
    Resize,
    /// A query typed, then this letter typed and taken back, turn by turn.
    Letter(&'static str, char),
    Next,
}

/// The warnings window of a fact sheet with 10,000 warnings: a key in it (the rows are wrapped
/// once, when the window opens or its width changes, and kept), a new width (all of them
/// wrapped again), and a search in it (a letter typed: every row searched again; `n`).
fn warnings_window(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let input = many_warnings(dir.path(), 10_000);
    let loaded = open(&input).expect("the briefing loads");
    assert_eq!(loaded.warnings.len(), 10_000);
    let mut app = App::new(loaded, input, true);
    app.update(Action::Resize(W, H));
    app.update(Action::ShowWarnings);
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("a test terminal");
    let mut g = c.benchmark_group("warnings window, 10,000 warnings");
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(20);
    g.measurement_time(Duration::from_secs(2));
    let sizes = [(W, H), (120, 40)];
    let cases = [
        ("Down at 200x60", WindowKey::Down),
        (
            "a letter typed in its search, 200x60",
            WindowKey::Letter("ghost-12", '3'),
        ),
        ("n to the next match, 200x60", WindowKey::Next),
        ("a new width", WindowKey::Resize),
        // "e" and "en": matches on nearly every row, the most a letter can find.
        (
            "a letter typed in a search matching every row, 200x60",
            WindowKey::Letter("e", 'n'),
        ),
    ];
    for (name, key) in cases {
        // Untimed: a search to type into, or one to step through.
        app.update(Action::Resize(W, H));
        term.backend_mut().resize(W, H);
        match key {
            WindowKey::Letter(query, _) => {
                app.update(Action::Top);
                app.update(Action::Search);
                for c in query.chars() {
                    app.update(Action::Type(c));
                }
            }
            WindowKey::Next => {
                app.update(Action::Submit);
            }
            WindowKey::Down | WindowKey::Resize => {}
        }
        let mut all = Vec::new();
        let mut turn = 0;
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    turn += 1;
                    let start = Instant::now();
                    match key {
                        WindowKey::Resize => {
                            let (width, height) = sizes[turn % 2];
                            app.update(Action::Resize(width, height));
                            term.backend_mut().resize(width, height);
                        }
                        WindowKey::Down => {
                            app.update(Action::Down);
                        }
                        // "ghost-12" (111 matches) to "ghost-123" (11) and back, or "e" to
                        // "en" and back.
                        WindowKey::Letter(_, letter) if turn % 2 == 1 => {
                            app.update(Action::Type(letter));
                        }
                        WindowKey::Letter(..) => {
                            app.update(Action::DeleteChar);
                        }
                        WindowKey::Next => {
                            app.update(Action::NextHit);
                        }
                    }
                    term.draw(|f| render(&app, f)).expect("drawn");
                    let t = start.elapsed();
                    all.push(t);
                    spent += t;
                    // Untimed: back to the top before Down reaches the end.
                    if key == WindowKey::Down && app.window().is_some_and(|o| o.scroll() > 9_000) {
                        app.update(Action::Top);
                    }
                }
                spent
            });
        });
        all.sort_unstable();
        if let (Some(median), Some(worst)) = (all.get(all.len() / 2), all.last()) {
            eprintln!("    {name}: median {median:.2?}, worst {worst:.2?}");
        }
    }
    g.finish();
}

/// Issue 16's abandoned searches: on a 100 MB article, `/`, then a letter typed and erased 20
/// times (each followed by a `Settle`, as the terminal loop sends one after a burst of keys),
/// then the letter again and `Enter`. Timed: the `Enter` alone (it blocked 10.5 s before
/// superseded searches were cancelled and Enter stopped waiting), and, apart, the whole run to
/// its matches on screen.
fn abandoned_searches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sheet = "[briefing]\ntitle = \"Long\"\narticle = \"article.txt\"\n";
    let line = "The committee met again on the question of the harbour and the rail line.\n";
    let article = line.repeat(100_000_000 / line.len());
    std::fs::write(dir.path().join("facts.toml"), sheet).expect("write facts.toml");
    std::fs::write(dir.path().join("article.txt"), article).expect("write article.txt");
    let input = Input::Path(dir.path().join("facts.toml"));
    let b = open(&input).expect("the article opens");
    let mut app = App::new(b, input, true);
    app.update(Action::Resize(W, H));
    let mut g = c.benchmark_group("abandoned searches, 100 MB");
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(10));
    let typed = |app: &mut App| {
        app.update(Action::Cancel);
        app.update(Action::Search);
        for _ in 0..20 {
            app.update(Action::Type('e'));
            app.update(Action::Settle);
            app.update(Action::DeleteChar);
            app.update(Action::Settle);
        }
        app.update(Action::Type('e'));
        app.update(Action::Settle);
    };
    g.bench_function("Enter after a letter typed and erased 20 times", |bch| {
        bch.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                typed(&mut app);
                let start = Instant::now();
                app.update(Action::Submit);
                spent += start.elapsed();
                settle(&mut app);
            }
            spent
        });
    });
    g.bench_function("the same, to its matches", |bch| {
        bch.iter(|| {
            typed(&mut app);
            app.update(Action::Submit);
            settle(&mut app);
        });
    });
    g.finish();
}

criterion_group!(benches, reader, warnings_window, abandoned_searches);
criterion_main!(benches);
