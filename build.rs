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
            // The shape is checked here, so that a table the reader would refuse at start does
            // not build; the keys and actions are checked at start, as a file's are.
            let wrong = |what: &str| -> ! {
                panic!("assets/keys.toml: {what} in a binding of {context}: {binding:?}")
            };
            let Some(table) = binding.as_table() else {
                wrong("not a table")
            };
            if let Some(other) = table
                .keys()
                .find(|k| !["on", "run", "help", "hint"].contains(&k.as_str()))
            {
                wrong(&format!("unknown field {other:?}"));
            }
            let field = |name: &str| {
                table.get(name).map(|value| {
                    value
                        .as_str()
                        .unwrap_or_else(|| wrong(&format!("{name} is not a string")))
                })
            };
            let Some(keys) = table.get("on").and_then(toml::Value::as_array) else {
                wrong("no list of keys (on)")
            };
            let on: Vec<&str> = keys
                .iter()
                .map(|k| {
                    k.as_str()
                        .unwrap_or_else(|| wrong("a key that is not a string"))
                })
                .collect();
            let run = field("run").unwrap_or_else(|| wrong("no action (run)"));
            let help = field("help").unwrap_or_else(|| wrong("no help"));
            // `{:?}` of a string is a Rust string literal.
            let _ = writeln!(
                rows,
                "    ({context:?}, &{on:?}, {run:?}, {help:?}, {:?}),",
                field("hint"),
            );
        }
    }
    rows.push(']');
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("keys.rs");
    std::fs::write(&out, rows).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
