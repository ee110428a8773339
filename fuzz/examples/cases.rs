//! Converts between libFuzzer inputs and the cases they decode to, for seeds and fixtures.
//!
//! `cases decode TARGET INPUT STEM` decodes a libFuzzer input the way the target does and writes
//! the case beside STEM: for `sheet`, `STEM.toml` (the fact sheet) and `STEM.article` (the
//! article's bytes); for `article` and `mentions`, `STEM.json`. The test suite replays those
//! (tests/it/fuzz_regressions.rs), since `arbitrary` is not one of the main crate's
//! dependencies.
//!
//! `cases encode TARGET STEM OUTPUT` is the inverse: it writes a libFuzzer input that decodes to
//! the case in STEM's files, checked by decoding it again. Seeds are made this way from the
//! bundled briefing, which libFuzzer would take a long time to discover on its own.
//!
//! Run it with `cargo run --release --example cases -- …` from `fuzz/`.

use std::error::Error;

use arbitrary::{Arbitrary, Unstructured};
use briefing_fuzz::{ArticleCase, MentionsCase, SheetCase};
use serde_json::{Value, json};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["decode", target, input, stem] => decode(target, &std::fs::read(input)?, stem),
        ["encode", target, stem, output] => {
            let bytes = encode(target, stem)?;
            std::fs::write(output, bytes)?;
            Ok(())
        }
        _ => Err("usage: cases decode TARGET INPUT STEM | cases encode TARGET STEM OUTPUT".into()),
    }
}

/// The case `data` decodes to, as `fuzz_target!` decodes it.
fn parse<'a, T: Arbitrary<'a>>(data: &'a [u8]) -> Result<T> {
    Ok(T::arbitrary_take_rest(Unstructured::new(data))?)
}

fn decode(target: &str, data: &[u8], stem: &str) -> Result<()> {
    match target {
        "sheet" => {
            let case: SheetCase = parse(data)?;
            std::fs::write(format!("{stem}.toml"), &case.sheet)?;
            std::fs::write(format!("{stem}.article"), &case.article)?;
        }
        "article" => {
            let case: ArticleCase = parse(data)?;
            let bytes = match std::str::from_utf8(&case.bytes) {
                Ok(text) => json!({ "text": text }),
                Err(_) => json!({ "bytes": case.bytes }),
            };
            let mut doc = json!({
                "omit": case.omit,
                "width": case.width,
                "show_omitted": case.show_omitted,
            });
            doc.as_object_mut()
                .ok_or("an object")?
                .extend(bytes.as_object().cloned().unwrap_or_default());
            write_json(stem, &doc)?;
        }
        "mentions" => {
            let case: MentionsCase = parse(data)?;
            let doc = json!({ "text": case.text, "actors": case.actors, "omit": case.omit });
            write_json(stem, &doc)?;
        }
        _ => return Err(format!("no target {target}").into()),
    }
    Ok(())
}

fn write_json(stem: &str, doc: &Value) -> Result<()> {
    let mut text = serde_json::to_string_pretty(doc)?;
    text.push('\n');
    std::fs::write(format!("{stem}.json"), text)?;
    Ok(())
}

fn encode(target: &str, stem: &str) -> Result<Vec<u8>> {
    let mut e = Encoder::default();
    let want = match target {
        "sheet" => {
            let sheet = std::fs::read_to_string(format!("{stem}.toml"))?;
            let article = std::fs::read(format!("{stem}.article"))?;
            e.string(&sheet);
            e.rest_of_bytes(&article);
            format!("{:?}", SheetCase { sheet, article })
        }
        "article" => {
            let doc = read_json(stem)?;
            let bytes = match (&doc["text"], &doc["bytes"]) {
                (Value::String(s), _) => s.clone().into_bytes(),
                (_, Value::Array(b)) => b.iter().map(|b| b.as_u64().unwrap_or(0) as u8).collect(),
                _ => return Err("an article case has `text` or `bytes`".into()),
            };
            let case = ArticleCase {
                bytes,
                omit: strings(&doc["omit"]),
                width: doc["width"].as_u64().unwrap_or(80) as u8,
                show_omitted: doc["show_omitted"].as_bool().unwrap_or(false),
            };
            e.bytes(&case.bytes);
            e.strings(&case.omit);
            e.byte(case.width);
            e.flag(case.show_omitted);
            format!("{case:?}")
        }
        "mentions" => {
            let doc = read_json(stem)?;
            let actors: Vec<(String, Vec<String>)> = doc["actors"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|p| (p[0].as_str().unwrap_or("").to_owned(), strings(&p[1])))
                        .collect()
                })
                .unwrap_or_default();
            let case = MentionsCase {
                text: doc["text"].as_str().unwrap_or("").to_owned(),
                actors,
                omit: strings(&doc["omit"]),
            };
            e.string(&case.text);
            for (name, aliases) in &case.actors {
                e.flag(true);
                e.string(name);
                e.strings(aliases);
            }
            e.flag(false);
            for o in &case.omit {
                e.flag(true);
                e.string(o);
            }
            format!("{case:?}")
        }
        _ => return Err(format!("no target {target}").into()),
    };
    let data = e.finish()?;
    let got = match target {
        "sheet" => format!("{:?}", parse::<SheetCase>(&data)?),
        "article" => format!("{:?}", parse::<ArticleCase>(&data)?),
        _ => format!("{:?}", parse::<MentionsCase>(&data)?),
    };
    if got != want {
        return Err("the encoded input does not decode to the case".into());
    }
    Ok(data)
}

fn read_json(stem: &str) -> Result<Value> {
    Ok(serde_json::from_str(&std::fs::read_to_string(format!(
        "{stem}.json"
    ))?)?)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|s| s.as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Writes what `Unstructured` reads: most values from the front, in order; the length of each
/// string from the back, the first string's last (see `Unstructured::arbitrary_byte_size`).
#[derive(Default)]
struct Encoder {
    front: Vec<u8>,
    /// For each string: where the front stood when its length was read, and the length.
    lengths: Vec<(usize, usize)>,
}

impl Encoder {
    fn byte(&mut self, b: u8) {
        self.front.push(b);
    }

    fn flag(&mut self, b: bool) {
        self.front.push(u8::from(b));
    }

    fn string(&mut self, s: &str) {
        self.lengths.push((self.front.len(), s.len()));
        self.front.extend_from_slice(s.as_bytes());
    }

    /// A `Vec<u8>` that is not the last field: each byte behind a "one more" flag, then a stop.
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.flag(true);
            self.byte(b);
        }
        self.flag(false);
    }

    /// A `Vec<u8>` that is the last field: it ends where the data does.
    fn rest_of_bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.flag(true);
            self.byte(b);
        }
    }

    /// A `Vec<String>` that is not the last field.
    fn strings(&mut self, strings: &[String]) {
        for s in strings {
            self.flag(true);
            self.string(s);
        }
        self.flag(false);
    }

    /// The front, then every length in as many bytes as `Unstructured` reads for the data left
    /// at that point; that count depends on the total, so it is settled by iterating.
    fn finish(self) -> Result<Vec<u8>> {
        let mut widths = vec![1; self.lengths.len()];
        for _ in 0..16 {
            let total = self.front.len() + widths.iter().sum::<usize>();
            let mut taken = 0;
            let next: Vec<usize> = self
                .lengths
                .iter()
                .map(|&(at, _)| {
                    let w = width(total - at - taken);
                    taken += w;
                    w
                })
                .collect();
            if next == widths {
                let mut data = self.front.clone();
                let mut back = Vec::new();
                let mut taken = 0;
                for (&(at, len), &w) in self.lengths.iter().zip(&widths) {
                    let max = (total - at - taken).saturating_sub(w);
                    if len > max {
                        return Err("a string is longer than the data left for it".into());
                    }
                    taken += w;
                    // `int_in_range(0..=max)` reads big-endian bytes while `max` has more.
                    let used = (0..w).take_while(|k| (max as u64) >> (8 * k) > 0).count();
                    let mut b: Vec<u8> = (0..used).rev().map(|k| (len >> (8 * k)) as u8).collect();
                    b.resize(w, 0);
                    back.push(b);
                }
                // The first length read is the last bytes of the data.
                for b in back.iter().rev() {
                    data.extend_from_slice(b);
                }
                return Ok(data);
            }
            widths = next;
        }
        Err("the length widths do not settle".into())
    }
}

/// How many bytes `Unstructured::arbitrary_byte_size` takes when `left` bytes remain.
fn width(left: usize) -> usize {
    match left as u64 {
        0 => 0,
        1..=256 => 1,
        257..=65_537 => 2,
        65_538..=4_294_967_299 => 4,
        _ => 8,
    }
}
