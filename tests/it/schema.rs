//! The JSON Schemas published in `assets/`: each is what the code generates now (run with
//! `BRIEFING_BLESS=1` to write them anew, then review the diff), and real documents validate
//! against them.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{ARTICLE, Fixture, SHEET, briefing};

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

/// A published schema, compiled by boon (a dev-dependency: of the validators, the one with the
/// smaller build, about half jsonschema's).
struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    /// Every error of `doc`, or nothing when it is valid.
    fn errors(&self, doc: &Value) -> String {
        match self.schemas.validate(doc, self.index) {
            Ok(()) => String::new(),
            Err(e) => format!("{e}"),
        }
    }

    fn is_valid(&self, doc: &Value) -> bool {
        self.schemas.validate(doc, self.index).is_ok()
    }
}

fn validator(name: &str) -> Validator {
    let text = fs::read_to_string(Path::new(ROOT).join("assets").join(name)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let location = format!("file:///briefing/assets/{name}");
    let mut compiler = boon::Compiler::new();
    compiler.add_resource(&location, schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile(&location, &mut schemas).unwrap();
    Validator { schemas, index }
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
    assert_eq!(v.errors(&doc), "");
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
        assert_eq!(v.errors(&doc), "", "{}", sheet.display());
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

#[test]
fn the_fact_sheet_schema_is_what_briefing_schema_prints() {
    let printed = briefing()
        .arg("schema")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let printed = String::from_utf8(printed).unwrap();
    assert_eq!(printed, briefing::sheet::schema::text());
    in_sync("facts.schema.json", &printed);
}

/// A fact sheet as the JSON an editor validates: TOML dates become their text, as Taplo
/// gives them to a schema.
fn sheet_json(toml_text: &str) -> Value {
    fn convert(v: toml::Value) -> Value {
        match v {
            toml::Value::String(s) => Value::String(s),
            toml::Value::Integer(i) => Value::from(i),
            toml::Value::Float(f) => Value::from(f),
            toml::Value::Boolean(b) => Value::Bool(b),
            toml::Value::Datetime(d) => Value::String(d.to_string()),
            toml::Value::Array(a) => Value::Array(a.into_iter().map(convert).collect()),
            toml::Value::Table(t) => {
                Value::Object(t.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    convert(toml::Value::Table(
        toml_text.parse::<toml::Table>().unwrap(),
    ))
}

#[test]
fn the_bundled_sheet_and_every_fixture_that_checks_clean_fit_the_fact_sheet_schema() {
    let v = validator("facts.schema.json");
    let bundled = fs::read_to_string(Path::new(ROOT).join("assets/facts.toml")).unwrap();
    assert_eq!(v.errors(&sheet_json(&bundled)), "");
    let mut valid = 0;
    for sheet in fixture_sheets() {
        let checked = briefing().arg("check").arg(&sheet).output().unwrap();
        if !checked.status.success() {
            continue;
        }
        let text = fs::read_to_string(&sheet).unwrap();
        assert_eq!(v.errors(&sheet_json(&text)), "", "{}", sheet.display());
        valid += 1;
    }
    assert!(valid >= 4, "only {valid} fixtures check clean");
}

#[test]
fn a_sheet_broken_in_shape_fails_the_schema_as_it_fails_check() {
    let v = validator("facts.schema.json");
    assert_eq!(v.errors(&sheet_json(SHEET)), "");
    let broken = [
        ("unknown key", SHEET.replace("aliases", "alias")),
        (
            "unknown table",
            format!("{SHEET}\n[[people]]\nname = \"A\"\n"),
        ),
        (
            "wrong type",
            SHEET.replace("aliases = [\"the alliance\"]", "aliases = \"the alliance\""),
        ),
        (
            "wrong type in a list",
            SHEET.replace("[\"the alliance\"]", "[1]"),
        ),
        ("missing key", SHEET.replace("name = \"NATO\"\n", "")),
        (
            "missing table",
            SHEET.replace(
                "[briefing]\ntitle = \"Small\"\narticle = \"article.txt\"\n",
                "",
            ),
        ),
        (
            "bad kind",
            SHEET.replace("\"organization\"", "\"organisation\""),
        ),
        ("bad id", SHEET.replace("id = \"nato\"", "id = \"NATO\"")),
        (
            "blank name",
            SHEET.replace("name = \"NATO\"", "name = \" \""),
        ),
        (
            "bad date",
            format!("{SHEET}\n[[events]]\ndate = \"2024-13\"\ntitle = \"E\"\n"),
        ),
        (
            "fact without a value",
            format!("{SHEET}\n[[facts]]\nlabel = \"L\"\n"),
        ),
    ];
    for (what, sheet) in broken {
        assert!(
            !v.is_valid(&sheet_json(&sheet)),
            "{what}: the schema accepts it"
        );
        let f = Fixture::new(&sheet, ARTICLE.as_bytes());
        briefing().arg("check").arg(f.sheet()).assert().code(1);
    }
}
