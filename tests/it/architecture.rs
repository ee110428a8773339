//! The layering ARCHITECTURE.md promises, checked on the source: the domain never names the
//! terminal libraries or the reader's modules, and no module imports one that imports it back.
//!
//! A module is a file under `src/`. It imports another when its code (test modules left out)
//! names a path into it: `crate::a::b`, `super::b`. A module naming its own ancestor (`use
//! super::App` in a file of `app/`) or descendant is how Rust splits one module over files, and
//! does not count; any other pair of modules that import each other, directly or round a loop,
//! is a cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The modules that may see the terminal: the reader and the command that starts it.
const READER: &[&str] = &["app", "view", "terminal", "cli::read"];

struct Module {
    name: String,
    file: PathBuf,
    /// The code, without its `#[cfg(test)]` modules.
    code: String,
}

fn modules() -> Vec<Module> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("src/ lists").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(&root).expect("under src/");
                let mut parts: Vec<String> = rel
                    .with_extension("")
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                if parts.last().is_some_and(|l| l == "mod") {
                    parts.pop();
                }
                if parts == ["main"] || parts == ["lib"] {
                    parts.clear();
                }
                let text = std::fs::read_to_string(&path).expect("a source file is UTF-8");
                out.push(Module {
                    name: parts.join("::"),
                    file: rel.to_owned(),
                    code: without_tests(&text),
                });
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The code without its `#[cfg(test)]` items: a test module (a block, to its closing brace at
/// the same indentation) or a one-line item (`mod reference;`, `use …;`).
fn without_tests(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("//") {
            continue; // a comment's `crate::…` is a link, not an import
        }
        let Some(indent) = line.find("#[cfg(test)]") else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let Some(item) = lines.next() else { break };
        if item.trim_end().ends_with('{') {
            let close = format!("{}}}", &line[..indent]);
            for inner in lines.by_ref() {
                if inner.trim_end() == close {
                    break;
                }
            }
        }
    }
    out
}

/// The modules whose paths `m` names, resolved to the longest module that exists.
fn imports(m: &Module, names: &BTreeSet<String>) -> BTreeSet<String> {
    let own: Vec<&str> = if m.name.is_empty() {
        Vec::new()
    } else {
        m.name.split("::").collect()
    };
    let mut found = BTreeSet::new();
    let bytes = m.code.as_bytes();
    for keyword in ["crate::", "super::"] {
        for (at, _) in m.code.match_indices(keyword) {
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let path: String = m.code[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let mut segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            let mut base: Vec<&str> = own.clone();
            if segments.first() == Some(&"crate") {
                base.clear();
                segments.remove(0);
            } else {
                while segments.first() == Some(&"super") {
                    base.pop();
                    segments.remove(0);
                }
            }
            let mut full = base;
            full.extend(segments);
            while !full.is_empty() && !names.contains(&full.join("::")) {
                full.pop();
            }
            let target = full.join("::");
            if !target.is_empty() && target != m.name {
                found.insert(target);
            }
        }
    }
    found
}

fn is_within(module: &str, ancestor: &str) -> bool {
    module == ancestor || module.starts_with(&format!("{ancestor}::"))
}

#[test]
fn the_domain_never_names_the_terminal_or_the_reader() {
    let mut wrong = Vec::new();
    for m in modules() {
        if m.name.is_empty() || READER.iter().any(|r| is_within(&m.name, r)) {
            continue;
        }
        for word in [
            "ratatui",
            "crossterm",
            "crate::app",
            "crate::view",
            "crate::terminal",
        ] {
            if m.code.contains(word) {
                wrong.push(format!("{}: names {word}", m.file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let all = modules();
    let names: BTreeSet<String> = all.iter().map(|m| m.name.clone()).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in &all {
        let to: BTreeSet<String> = imports(m, &names)
            .into_iter()
            .filter(|t| !is_within(&m.name, t) && !is_within(t, &m.name))
            .collect();
        edges.insert(m.name.clone(), to);
    }
    // A path from `to` back to `from`, if there is one.
    let path_back = |from: &str, to: &str| -> Option<Vec<String>> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![vec![to.to_owned()]];
        while let Some(path) = stack.pop() {
            let last = path.last().expect("paths are not empty").clone();
            if last == from {
                return Some(path);
            }
            if !seen.insert(last.clone()) {
                continue;
            }
            for next in edges.get(&last).into_iter().flatten() {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
        None
    };
    let mut cycles = BTreeSet::new();
    for (from, tos) in &edges {
        for to in tos {
            if let Some(back) = path_back(from, to) {
                let mut cycle: Vec<String> = vec![from.clone()];
                cycle.extend(back);
                // The same cycle found from each of its modules is reported once.
                let mut key: Vec<String> = cycle[1..].to_vec();
                key.sort();
                if cycles.insert(key) {
                    eprintln!("cycle: {}", cycle.join(" → "));
                }
            }
        }
    }
    assert!(
        cycles.is_empty(),
        "{} import cycle(s) among src/ modules (listed above)",
        cycles.len()
    );
}

#[test]
fn the_import_finder_sees_what_it_must() {
    let names: BTreeSet<String> = ["app", "app::keys", "app::search", "mentions", "view"]
        .into_iter()
        .map(String::from)
        .collect();
    let m = Module {
        name: "app::search".into(),
        file: PathBuf::from("app/search.rs"),
        code: without_tests(
            "use super::keys::Context;\nuse crate::mentions::Mention;\nfn f() { crate::view::x(); }\n\
             #[cfg(test)]\nmod tests {\n    use crate::view::y;\n}\n",
        ),
    };
    let found: Vec<String> = imports(&m, &names).into_iter().collect();
    assert_eq!(found, ["app::keys", "mentions", "view"]);
    let m = Module {
        code: without_tests("#[cfg(test)]\nuse crate::view::y;\nuse super::App;\n"),
        ..m
    };
    assert_eq!(imports(&m, &names).into_iter().collect::<Vec<_>>(), ["app"]);
}
