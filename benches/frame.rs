//! Frame benchmarks on the synthetic workload (`briefing_workload`, crates/workload: a 10 MiB
//! article, 1,000 actors): drawing one frame with ratatui's `TestBackend` at 120×40, 200×60 and the
//! largest size the reader draws (1024×512) after scrolling into the middle of the article, and the
//! latency of a keystroke to its frame: `Down` (update and draw) and a resize to a new width
//! (update, which lays the article out again, and draw); a new reader's first layout, and counting
//! every row after it; the same keys while following an actor with hundreds of thousands of
//! mentions.
//!
//! Run with `cargo bench --bench frame`. The app is driven only through `App::update`, as the
//! terminal loop drives it.

use std::hint::black_box;
use std::time::{Duration, Instant};

use briefing::app::{Action, App, MAX_HEIGHT, MAX_WIDTH, Pane};
use briefing::briefing::{Briefing, Input, check};
use briefing::view::render;
use briefing_workload::{BENCH_ACTORS, BENCH_BYTES, BENCH_SEED, generate};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

struct Loaded {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    briefing: Briefing,
}

fn loaded() -> Loaded {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let w = generate(BENCH_BYTES, BENCH_ACTORS, BENCH_SEED);
    let path = w.write_to(dir.path()).expect("the workload written");
    let checked = check(&Input::Path(path.clone())).expect("the workload checked");
    assert_eq!(checked.errors(), 0, "{}", checked.summary);
    Loaded {
        _dir: dir,
        briefing: checked.into_briefing().expect("a briefing without errors"),
        path,
    }
}

/// An app of `w`×`h` whose article pane shows the middle of the article.
fn app_in_the_middle(l: &Loaded, w: u16, h: u16) -> App {
    let mut app = App::new(l.briefing.clone(), Input::Path(l.path.clone()), true);
    app.update(Action::Resize(w, h));
    to_the_middle(&mut app);
    let st = app.article_state();
    eprintln!(
        "{w}x{h}: article rows {}, first row on screen {}",
        st.layout.total().rows,
        st.top
    );
    app
}

/// Pages down from the top until the first row on screen is halfway through the rows.
fn to_the_middle(app: &mut App) {
    app.update(Action::Top);
    let middle = app.article_state().layout.total().rows / 2;
    while app.article_state().top < middle {
        app.update(Action::PageDown);
    }
}

fn terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("a test terminal")
}

fn frame(criterion: &mut Criterion) {
    let workload = loaded();
    let mut group = criterion.benchmark_group("frame");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for (width, height) in [(120, 40), (200, 60), (MAX_WIDTH, MAX_HEIGHT)] {
        let app = app_in_the_middle(&workload, width, height);
        let mut term = terminal(width, height);
        group.bench_function(format!("draw {width}x{height}"), |bencher| {
            bencher.iter(|| {
                term.draw(|f| render(black_box(&app), f)).expect("drawn");
            });
        });

        let mut app = app_in_the_middle(&workload, width, height);
        let mut term = terminal(width, height);
        let last = app.article_state().max_top();
        group.bench_function(format!("key Down + draw {width}x{height}"), |bencher| {
            bencher.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    if app.article_state().top >= last {
                        to_the_middle(&mut app); // untimed: keep every Down a real move
                    }
                    let start = Instant::now();
                    app.update(Action::Down);
                    term.draw(|f| render(&app, f)).expect("drawn");
                    spent += start.elapsed();
                }
                spent
            });
        });
    }

    // The first layout: a new reader's first size and frame (the rows on screen wrapped; the
    // rest counted later, on `Settle`).
    group.bench_function("first layout 120x40 + draw", |bencher| {
        bencher.iter_batched(
            || {
                App::new(
                    workload.briefing.clone(),
                    Input::Path(workload.path.clone()),
                    true,
                )
            },
            |mut app| {
                app.update(Action::Resize(120, 40));
                let mut term = terminal(120, 40);
                term.draw(|f| render(&app, f)).expect("drawn");
                app
            },
            criterion::BatchSize::LargeInput,
        );
    });
    // Counting every row after it (the `Settle` steps until the row numbers are exact).
    group.bench_function("count every row after a resize, 120x40", |bencher| {
        bencher.iter_batched(
            || {
                let mut app = App::new(
                    workload.briefing.clone(),
                    Input::Path(workload.path.clone()),
                    true,
                );
                app.update(Action::Resize(120, 40));
                app
            },
            |mut app| {
                while app.article_state().unsettled() {
                    app.update(Action::Settle);
                }
                app
            },
            criterion::BatchSize::LargeInput,
        );
    });

    // A resize to a new width lays the article out again (the rows on screen at once): alternate
    // two widths so that every iteration is a real change.
    let mut app = app_in_the_middle(&workload, 120, 40);
    let mut term = terminal(120, 40);
    let mut wide = false;
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("resize 120x40 <-> 100x40 + draw", |bencher| {
        bencher.iter(|| {
            wide = !wide;
            let width = if wide { 100 } else { 120 };
            term.backend_mut().resize(width, 40);
            app.update(Action::Resize(width, 40));
            term.draw(|f| render(&app, f)).expect("drawn");
        });
    });
    group.finish();
}

/// One character carrying two million combining marks, on screen at 80×24: a key and its frame.
/// Before a cell was capped at sixteen marks, each frame carried the whole 4 MB grapheme.
fn marks(criterion: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let sheet = "[briefing]\ntitle = \"Marks\"\narticle = \"article.txt\"\n";
    let article = format!(
        "NATO met{}.\n\nThe alliance agreed.\n",
        "\u{301}".repeat(2_000_000)
    );
    std::fs::write(dir.path().join("facts.toml"), sheet).expect("write facts.toml");
    std::fs::write(dir.path().join("article.txt"), article).expect("write article.txt");
    let input = Input::Path(dir.path().join("facts.toml"));
    let b = briefing::briefing::open(&input).expect("the article opens");
    let mut app = App::new(b, input, true);
    app.update(Action::Resize(80, 24));
    let mut term = terminal(80, 24);
    let mut group = criterion.benchmark_group("marks");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    let mut down = false;
    group.bench_function(
        "key j/k + draw 80x24, 2M marks on one character",
        |bencher| {
            bencher.iter(|| {
                down = !down;
                app.update(if down { Action::Down } else { Action::Up });
                term.draw(|f| render(&app, f)).expect("drawn");
            });
        },
    );
    group.finish();
}

/// The crowded briefing of issue 16 (`briefing_workload::crowd`: 100,000 actors and 100,000
/// events, every event naming the first actor): a key and its frame at 200×60 with the Actors
/// focused, the Timeline focused, the Article focused (the lists drawn beside it), and in the
/// Details of the actor every event names.
fn crowd(criterion: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = briefing_workload::crowd(100_000, 100_000)
        .write_to(dir.path())
        .expect("the workload written");
    let input = Input::Path(path);
    let b = briefing::briefing::open(&input).expect("the crowded briefing opens");
    let mut group = criterion.benchmark_group("crowd, 100K actors and 100K events");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    let searched = [
        Action::Focus(Pane::Actors),
        Action::Top,
        Action::Follow,
        Action::Focus(Pane::Details),
        Action::Search,
        Action::Type('m'),
        Action::Type('e'),
        Action::Submit,
    ];
    let cases: [(&str, &[Action]); 6] = [
        (
            "key j/k in Actors, onto and off the actor of every event + draw 200x60",
            &[Action::Focus(Pane::Actors)],
        ),
        (
            "key j/k in Actors, between two actors of one event + draw 200x60",
            &[Action::Focus(Pane::Actors), Action::Down],
        ),
        (
            "key j/k in Timeline + draw 200x60",
            &[Action::Focus(Pane::Timeline)],
        ),
        (
            "key j/k in Article + draw 200x60",
            &[Action::Focus(Pane::Article)],
        ),
        (
            "key j/k in the Details of the actor of every event + draw 200x60",
            &[
                Action::Focus(Pane::Actors),
                Action::Top,
                Action::Follow,
                Action::Focus(Pane::Details),
            ],
        ),
        (
            "key j/k in the Details of the actor of every event, a search kept + draw 200x60",
            &searched,
        ),
    ];
    // What every frame paid while a search of those Details was kept, before their matches
    // were stored.
    let mut app = App::new(b.clone(), input.clone(), true);
    app.update(Action::Resize(200, 60));
    for a in &searched {
        app.update(a.clone());
    }
    eprintln!(
        "crowd: {} matches of \"me\" in the Details",
        app.details_matches().len()
    );
    group.bench_function(
        "the Details' matches found afresh, the actor of every event",
        |bencher| bencher.iter(|| black_box(app.details_matches_afresh())),
    );
    for (name, setup) in cases {
        let mut app = App::new(b.clone(), input.clone(), true);
        app.update(Action::Resize(200, 60));
        for a in setup {
            app.update(a.clone());
        }
        let mut term = terminal(200, 60);
        let mut down = false;
        group.bench_function(name, |bencher| {
            bencher.iter(|| {
                down = !down;
                app.update(if down { Action::Down } else { Action::Up });
                term.draw(|f| render(&app, f)).expect("drawn");
            });
        });
    }
    filters(&mut group, &b, &input);
    group.finish();
}

/// A letter typed into a list's filter of the crowded briefing and erased again, each a keystroke
/// and its frame at 200×60: onto a filter every item passes (`m` of "Member", "Meeting"), and onto
/// a narrow one (`b` after "member aa": 26 actors; `3` after "meeting 12": 111 events).
fn filters(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    b: &Briefing,
    input: &Input,
) {
    let (m, narrow): (&[char], &[char]) = (&[], &['m', 'e', 'm', 'b', 'e', 'r', ' ', 'a', 'a']);
    for (list, pane, typed, letter) in [
        ("Actors", Pane::Actors, m, 'm'),
        ("Actors", Pane::Actors, narrow, 'b'),
        ("Timeline", Pane::Timeline, m, 'm'),
        (
            "Timeline",
            Pane::Timeline,
            &['m', 'e', 'e', 't', 'i', 'n', 'g', ' ', '1', '2'][..],
            '3',
        ),
    ] {
        let mut app = App::new(b.clone(), input.clone(), true);
        app.update(Action::Resize(200, 60));
        app.update(Action::Focus(pane));
        app.update(Action::Search);
        for &c in typed {
            app.update(Action::Type(c));
        }
        let mut term = terminal(200, 60);
        let mut typing = false;
        let shown: String = typed.iter().collect();
        group.bench_function(
            format!("key typed/erased in the {list} filter \"{shown}\" + {letter} + draw 200x60"),
            |bencher| {
                bencher.iter(|| {
                    typing = !typing;
                    app.update(if typing {
                        Action::Type(letter)
                    } else {
                        Action::DeleteChar
                    });
                    term.draw(|f| render(&app, f)).expect("drawn");
                });
            },
        );
    }
}

/// An actor named by the 24 commonest words of the workload's filler, `the` to `senior`: 195,261
/// mentions in the 10 MiB article (the rest are parts of longer names).
const COMMONEST: &str = "\n[[actors]]\nid = \"commonest\"\nname = \"Commonest Words\"\n\
    kind = \"other\"\naliases = [\"the\", \"of\", \"in\", \"and\", \"government\", \"new\", \
    \"region\", \"on\", \"plan\", \"week\", \"interview\", \"to\", \"down\", \"equipment\", \
    \"address\", \"many\", \"response\", \"been\", \"headquarters\", \"partners\", \"before\", \
    \"personnel\", \"had\", \"senior\"]\n";

/// Following an actor whose aliases are very common words ([`COMMONEST`] added to the 10 MiB
/// workload: hundreds of thousands of mentions), from the middle of the
/// article at 200×60: a frame alone (its scrollbar marks where the actor's mentions fall in the
/// whole text), `j`/`k` and its frame, `n`/`N` (the next and the previous mention) and its frame.
fn common_words(criterion: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut w = generate(BENCH_BYTES, BENCH_ACTORS, BENCH_SEED);
    w.sheet.push_str(COMMONEST);
    let path = w.write_to(dir.path()).expect("the workload written");
    let input = Input::Path(path);
    let b = briefing::briefing::open(&input).expect("the workload opens");
    let mut app = App::new(b, input, true);
    app.update(Action::Resize(200, 60));
    to_the_middle(&mut app);
    // Listed by mentions, the actor of the common words comes first.
    for a in [
        Action::Focus(Pane::Actors),
        Action::Top,
        Action::Follow,
        Action::Focus(Pane::Article),
    ] {
        app.update(a);
    }
    let followed = app.highlighted_actors();
    let mentions: usize = followed
        .iter()
        .map(|&a| app.briefing().mentions.count(a))
        .sum();
    eprintln!("common words: {mentions} mentions of the followed actor");
    assert!(mentions > 150_000, "the common words followed");
    let mut term = terminal(200, 60);
    let mut group = criterion.benchmark_group("common words followed, 10 MiB");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("draw 200x60 (scrollbar marks)", |bencher| {
        bencher.iter(|| {
            term.draw(|f| render(black_box(&app), f)).expect("drawn");
        });
    });
    for (name, there, back) in [
        ("key j/k + draw 200x60", Action::Down, Action::Up),
        ("key n/N + draw 200x60", Action::NextHit, Action::PrevHit),
    ] {
        let mut forth = false;
        group.bench_function(name, |bencher| {
            bencher.iter(|| {
                forth = !forth;
                app.update(if forth { there.clone() } else { back.clone() });
                term.draw(|f| render(&app, f)).expect("drawn");
            });
        });
    }
    group.finish();
}

criterion_group!(benches, frame, marks, crowd, common_words);
criterion_main!(benches);
