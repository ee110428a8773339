//! Inputs the fuzz targets once failed on, and their seeds, replayed through the targets' own checks
//! (fuzz/src/checks.rs, compiled into this crate) so that a fixed bug stays fixed without
//! libFuzzer.
//!
//! Each input is kept under fixtures/fuzz/TARGET/ twice: `NAME.raw` is the libFuzzer input
//! itself (`cargo fuzz run TARGET ../tests/it/fixtures/fuzz/TARGET/NAME.raw` from fuzz/
//! reproduces it), and beside it the case it decodes to, which is what is replayed here:
//! `NAME.toml` and `NAME.article` for `sheet`, `NAME.json` for `article` and `mentions`.
//! `arbitrary`, which decodes the raw bytes, is a dependency of the fuzz crate only;
//! docs/reliability.md (Fuzzing) says how to decode a new input.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

#[path = "../../fuzz/src/checks.rs"]
mod checks;

/// The cases to replay for `target`, as stems (paths without an extension), in name order: the
/// inputs the fuzzer failed on (fixtures/fuzz/TARGET/*.raw) and the seeds it starts from
/// (fuzz/seeds/TARGET/, which `fuzz/seed.sh` encodes), since a seed that fails would stop the
/// fuzzer before it starts.
fn inputs(target: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let decoded = if target == "sheet" { "toml" } else { "json" };
    let mut stems: Vec<PathBuf> = [
        (root.join("tests/it/fixtures/fuzz").join(target), "raw"),
        (root.join("fuzz/seeds").join(target), decoded),
    ]
    .iter()
    .filter_map(|(dir, ext)| Some((fs::read_dir(dir).ok()?, *ext)))
    .flat_map(|(entries, ext)| {
        entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(move |p| p.extension().is_some_and(|x| x == ext))
            .map(|p| p.with_extension(""))
    })
    .collect();
    stems.sort();
    assert!(
        !stems.is_empty(),
        "no {target} cases: the fixtures are missing"
    );
    stems
}

fn json(stem: &Path) -> Value {
    let text = fs::read_to_string(stem.with_extension("json")).expect("a decoded case");
    serde_json::from_str(&text).expect("the decoded case is JSON")
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|s| s.as_str().expect("a string").to_owned())
        .collect()
}

#[test]
fn sheet_inputs_pass_the_sheet_target() {
    for stem in inputs("sheet") {
        eprintln!("replaying {}", stem.display());
        let sheet = fs::read_to_string(stem.with_extension("toml")).expect("the fact sheet");
        let article = fs::read(stem.with_extension("article")).expect("the article");
        checks::sheet(sheet, article);
    }
}

#[test]
fn article_inputs_pass_the_article_target() {
    for stem in inputs("article") {
        eprintln!("replaying {}", stem.display());
        let case = json(&stem);
        let bytes = match (&case["text"], &case["bytes"]) {
            (Value::String(s), _) => s.clone().into_bytes(),
            (_, Value::Array(b)) => b
                .iter()
                .map(|b| u8::try_from(b.as_u64().expect("a byte")).expect("a byte"))
                .collect(),
            _ => panic!("an article case has `text` or `bytes`"),
        };
        let width = u8::try_from(case["width"].as_u64().expect("a width")).expect("a u8");
        let show = case["show_omitted"].as_bool().expect("a flag");
        checks::article(&bytes, &strings(&case["omit"]), width, show);
    }
}

#[test]
fn mentions_inputs_pass_the_mentions_target() {
    for stem in inputs("mentions") {
        eprintln!("replaying {}", stem.display());
        let case = json(&stem);
        let actors: Vec<(String, Vec<String>)> = case["actors"]
            .as_array()
            .expect("actors")
            .iter()
            .map(|a| (a[0].as_str().expect("a name").to_owned(), strings(&a[1])))
            .collect();
        let text = case["text"].as_str().expect("a text");
        checks::mentions(text, &actors, &strings(&case["omit"]));
    }
}
