//! The JSON Schemas published in `assets/`: each is what the code generates now (run with
//! `BRIEFING_BLESS=1` to write them anew, then review the diff), and real documents validate
//! against them.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::briefing;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Compares `generated` with the file at `assets/NAME`, or writes it there under
/// `BRIEFING_BLESS=1`.
fn in_sync(name: &str, generated: &str) {
    let path = Path::new(ROOT).join("assets").join(name);
    if std::env::var_os("BRIEFING_BLESS").is_some_and(|v| v == "1") {
        fs::write(&path, generated).unwrap();
        return;
    }
    let published = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == generated,
        "assets/{name} is not what the code generates: run `BRIEFING_BLESS=1 cargo test --test it \
         schema` and review the diff"
    );
}

fn validator(name: &str) -> jsonschema::Validator {
    let text = fs::read_to_string(Path::new(ROOT).join("assets").join(name)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// Every error of `doc` against `v`, one per line.
fn errors(v: &jsonschema::Validator, doc: &Value) -> String {
    v.iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `facts.toml` and `*.toml` fact sheet under the fixtures.
fn fixture_sheets() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Path::new(ROOT).join("tests/it/fixtures"), &mut out);
    out.sort();
    out
}

#[test]
fn the_export_schema_is_generated_from_the_export_types() {
    in_sync("export.schema.json", &briefing::export::json_schema());
}

#[test]
fn the_bundled_sample_and_every_fixture_that_loads_export_json_the_schema_accepts() {
    let v = validator("export.schema.json");
    let bundled = briefing()
        .args(["export", "-f", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let doc: Value = serde_json::from_slice(&bundled).unwrap();
    assert_eq!(errors(&v, &doc), "");
    let mut exported = 0;
    for sheet in fixture_sheets() {
        let out = briefing()
            .args(["export", "-f", "json"])
            .arg(&sheet)
            .output()
            .unwrap();
        if !out.status.success() {
            continue; // a fixture with errors, or not a fact sheet
        }
        let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(errors(&v, &doc), "", "{}", sheet.display());
        exported += 1;
    }
    assert!(exported >= 4, "only {exported} fixtures exported");
    // And the schema is no formality: a date without its precision, or a missing key, fails.
    // (Unknown keys pass: a later `briefing/1` may add keys, which a consumer's copy of this
    // schema must accept; see docs/export.md.)
    let mut broken = doc.clone();
    broken["events"][0]["date"] = Value::String("2024-07-09".into());
    assert!(!v.is_valid(&broken));
    let mut broken = doc;
    broken["article"].as_object_mut().unwrap().remove("sha256");
    assert!(!v.is_valid(&broken));
}
