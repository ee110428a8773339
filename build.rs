//! Compiles `assets/keys.toml`, the key table, into a Rust array of its bindings as written
//! (`$OUT_DIR/keys.rs`, read by `src/app/keys.rs`), so that the reader does not parse TOML
//! before its first frame: the table's parse was half a millisecond of it. The keys and the
//! actions are still checked by the same code as a table read from a file, and a test holds
//! the compiled table equal to the file read whole (`KeyTable::parse`).

use std::fmt::Write as _;

fn main() {
    println!("cargo::rerun-if-changed=assets/keys.toml");
    let text = std::fs::read_to_string("assets/keys.toml")
        .unwrap_or_else(|e| panic!("assets/keys.toml: {e}"));
    let table: toml::Table = text
        .parse()
        .unwrap_or_else(|e| panic!("assets/keys.toml: {e}"));
    let mut rows = String::from("&[\n");
    for (context, bindings) in &table {
        let Some(bindings) = bindings.as_array() else {
            panic!("assets/keys.toml: {context} is not a list of bindings");
        };
        for binding in bindings {
            let field = |name: &str| binding.get(name).and_then(toml::Value::as_str);
            let on: Vec<&str> = binding
                .get("on")
                .and_then(toml::Value::as_array)
                .map(|keys| keys.iter().filter_map(toml::Value::as_str).collect())
                .unwrap_or_default();
            // `{:?}` of a string is a Rust string literal.
            let _ = writeln!(
                rows,
                "    ({context:?}, &{on:?}, {:?}, {:?}, {:?}),",
                field("run").unwrap_or_default(),
                field("help").unwrap_or_default(),
                field("hint"),
            );
        }
    }
    rows.push(']');
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("keys.rs");
    std::fs::write(&out, rows).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
