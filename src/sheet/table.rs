//! Reads the fields of one TOML table, reporting each problem (missing key, wrong type, unknown
//! key) at its position and carrying on, so that one run of `check` shows them all. Serde stops
//! at the first error, which is why the fact sheet is not read with `#[derive(Deserialize)]`.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Span;
use crate::date::PartialDate;
use crate::diagnostic::{Diagnostic, SourceFile, did_you_mean};
use crate::inert::{placeholder, quoted};

/// One table being read, e.g. the third `[[actors]]`.
pub struct Table<'t, 'i> {
    entries: &'t DeTable<'i>,
    span: Span,
    /// How messages name the table: "[briefing]", "actor \"nato\"", "[[actors]] #3".
    name: String,
}

/// Whether a string key must be there. Either way, a blank value is an error.
#[derive(Clone, Copy, Debug)]
pub enum Need {
    /// Missing is an error too.
    Required,
    /// May be left out; when it is there but blank, this hint says what to do.
    Optional(&'static str),
}

impl Need {
    /// An optional key holding free text.
    pub const TEXT: Self = Self::Optional("fill it in, or remove the key");
    /// An optional key naming another actor by its id.
    pub const ACTOR_ID: Self = Self::Optional("write the id of an actor, or remove the key");
    /// An optional key quoting the article.
    pub const EVIDENCE: Self = Self::Optional("quote the article's own words, or remove the key");
}

/// A value read from a table, with where it stands.
pub struct Field<T> {
    pub value: T,
    pub span: Span,
}

impl<'t, 'i> Table<'t, 'i> {
    pub fn new(table: &'t DeTable<'i>, span: Span, name: String) -> Self {
        Self {
            entries: table,
            span,
            name,
        }
    }

    pub fn span(&self) -> Span {
        self.span.clone()
    }

    /// Names the table by its id once that is known, for clearer messages.
    pub fn rename(&mut self, name: String) {
        self.name = name;
    }

    /// Reports every key that is not in `allowed`, with the likeliest intended key.
    pub fn reject_unknown(&self, allowed: &[&str], src: &SourceFile, out: &mut Vec<Diagnostic>) {
        for key in self.entries.keys() {
            let k = key.get_ref().as_ref();
            if allowed.contains(&k) {
                continue;
            }
            let d = src.error(
                &key.span(),
                format!("unknown key {} in {}", quoted(k, 40), self.name),
            );
            out.push(match did_you_mean(k, allowed.iter().copied()) {
                Some(m) => d.with_hint(format!("did you mean `{m}`?")),
                None => d.with_hint(format!("the keys here are {}", list(allowed))),
            });
        }
    }

    /// How messages name the table.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the table sets `key`.
    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The string `key` holds, if it holds one; nothing is reported (reading the key reports).
    pub fn peek_string(&self, key: &str) -> Option<&'t str> {
        self.get(key)?.get_ref().as_str()
    }

    /// Where the table's header stands, as messages about the whole entry point at it.
    pub fn header(&self, src: &SourceFile) -> Span {
        header(src.text(), &self.span)
    }

    fn get(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.entries.get(key)
    }

    fn missing(&self, key: &str, src: &SourceFile, out: &mut Vec<Diagnostic>) {
        out.push(src.error(
            &header(src.text(), &self.span),
            format!("{} has no `{key}`, which is required", self.name),
        ));
    }

    fn wrong_type(
        &self,
        key: &str,
        expected: &str,
        v: &Spanned<DeValue>,
        src: &SourceFile,
        out: &mut Vec<Diagnostic>,
    ) {
        out.push(src.error(
            &v.span(),
            format!(
                "`{key}` in {} must be {expected}, not {}",
                self.name,
                article(v.get_ref().type_str())
            ),
        ));
    }

    /// A string field. A blank string is an error whether the key is required or not: an
    /// optional one would otherwise be dropped without a word, from the reader and every export.
    pub fn string(
        &self,
        key: &str,
        need: Need,
        src: &SourceFile,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Field<String>> {
        let Some(v) = self.get(key) else {
            if matches!(need, Need::Required) {
                self.missing(key, src, out);
            }
            return None;
        };
        let Some(s) = v.get_ref().as_str() else {
            self.wrong_type(key, "a string", v, src, out);
            return None;
        };
        if s.trim().is_empty() {
            let d = src.error(&v.span(), format!("`{key}` in {} is blank", self.name));
            out.push(match need {
                Need::Required => d,
                Need::Optional(hint) => d.with_hint(hint),
            });
            return None;
        }
        self.control(key, s, &v.span(), src, out);
        Some(Field {
            value: s.to_owned(),
            span: v.span(),
        })
    }

    /// Warns about the first control character in `value` (but a line break or a tab): the
    /// reader and every export show it as a placeholder, so it was most likely pasted by
    /// mistake, and it could be meant to drive a terminal that prints the sheet raw.
    fn control(
        &self,
        key: &str,
        value: &str,
        span: &Span,
        src: &SourceFile,
        out: &mut Vec<Diagnostic>,
    ) {
        let Some(c) = first_control(value) else {
            return;
        };
        out.push(
            src.warning(
                span,
                format!(
                    "`{key}` in {} holds the control character U+{:04X}",
                    self.name, c as u32
                ),
            )
            .with_hint(format!(
                "remove it: the reader and the exports show it as {}",
                placeholder(c)
            )),
        );
    }

    pub fn bool(&self, key: &str, src: &SourceFile, out: &mut Vec<Diagnostic>) -> Option<bool> {
        let v = self.get(key)?;
        let b = v.get_ref().as_bool();
        if b.is_none() {
            self.wrong_type(key, "true or false", v, src, out);
        }
        b
    }

    /// An array of strings; each element is returned with its own span.
    pub fn strings(
        &self,
        key: &str,
        src: &SourceFile,
        out: &mut Vec<Diagnostic>,
    ) -> Vec<Field<String>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(key, "an array of strings", v, src, out);
            if let Some(one) = v.get_ref().as_str()
                && let Some(d) = out.last_mut()
            {
                d.hint = Some(format!(
                    "a list, even of one: {key} = [{}]",
                    quoted(one, 60)
                ));
            }
            return Vec::new();
        };
        let mut fields = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref().as_str() {
                Some(s) => {
                    self.control(key, s, &item.span(), src, out);
                    fields.push(Field {
                        value: s.to_owned(),
                        span: item.span(),
                    });
                }
                None => self.wrong_type(key, "an array of strings", item, src, out),
            }
        }
        fields
    }

    /// A date: a TOML date (`2024-07-09`) or a string "YYYY", "YYYY-MM" or "YYYY-MM-DD".
    pub fn date(
        &self,
        key: &str,
        required: bool,
        src: &SourceFile,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Field<PartialDate>> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(key, src, out);
            }
            return None;
        };
        let parsed = match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => PartialDate::new(
                    u32::from(d.year),
                    Some(u32::from(d.month)),
                    Some(u32::from(d.day)),
                )
                .map_err(|e| e.to_string()),
                _ => Err("a time of day is not allowed here: write only the date".to_owned()),
            },
            DeValue::String(s) => PartialDate::parse(s).map_err(|e| e.to_string()),
            DeValue::Integer(_) => {
                out.push(
                    src.error(
                        &v.span(),
                        format!("`{key}` in {} must be a date, not an integer", self.name),
                    )
                    .with_hint(format!("write a year in quotes: {key} = \"2024\"")),
                );
                return None;
            }
            _ => {
                self.wrong_type(key, "a date", v, src, out);
                return None;
            }
        };
        match parsed {
            Ok(value) => Some(Field {
                value,
                span: v.span(),
            }),
            Err(why) => {
                let d = src.error(
                    &v.span(),
                    format!("`{key}` in {} is not a valid date: {why}", self.name),
                );
                let words = v.get_ref().as_str().and_then(|s| date_in_words(key, s));
                out.push(match words {
                    Some(hint) => d.with_hint(hint),
                    None => d,
                });
                None
            }
        }
    }

    /// An array of tables (`[[actors]]`), each with its span.
    pub fn tables(
        &self,
        key: &str,
        src: &SourceFile,
        out: &mut Vec<Diagnostic>,
    ) -> Vec<(&'t DeTable<'i>, Span)> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let Some(items) = v.get_ref().as_array() else {
            out.push(
                src.error(
                    &v.span(),
                    format!(
                        "`{key}` must be an array of tables, not {}",
                        article(v.get_ref().type_str())
                    ),
                )
                .with_hint(format!("write each entry under its own [[{key}]] header")),
            );
            return Vec::new();
        };
        let mut tables = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref().as_table() {
                Some(t) => tables.push((t, item.span())),
                None => out.push(src.error(
                    &item.span(),
                    format!(
                        "each entry of `{key}` must be a table, not {}",
                        article(item.get_ref().type_str())
                    ),
                )),
            }
        }
        tables
    }

    /// A sub-table (`[briefing]`).
    pub fn table(
        &self,
        key: &str,
        src: &SourceFile,
        out: &mut Vec<Diagnostic>,
    ) -> Option<(&'t DeTable<'i>, Span)> {
        let Some(v) = self.get(key) else {
            out.push(
                src.error(&self.span, format!("the fact sheet has no [{key}] table"))
                    .with_hint(format!(
                        "start it with [{key}], a title and an article path"
                    )),
            );
            return None;
        };
        let t = v.get_ref().as_table();
        if t.is_none() {
            out.push(src.error(
                &v.span(),
                format!(
                    "`{key}` must be a table, not {}",
                    article(v.get_ref().type_str())
                ),
            ));
        }
        t.map(|t| (t, v.span()))
    }
}

/// For a date written in words (`July 9, 2024`), the hint that shows it as TOML:
/// `did you mean "2024-07-09"? write: date = 2024-07-09`.
pub fn date_in_words(key: &str, text: &str) -> Option<String> {
    let date = PartialDate::from_words(text)?;
    Some(if date.day().is_some() {
        format!("did you mean \"{date}\"? write: {key} = {date}")
    } else {
        format!("did you mean \"{date}\"? write: {key} = \"{date}\"")
    })
}

/// The first control character of `text`: a C0 or C1 control, DEL, or a bidirectional
/// control (which reorders what follows it), but not a tab or a line break (`\n`, `\r\n`),
/// which multi-line strings hold. Invisible format characters (zero-width joiners) are left
/// alone here: names in some scripts need them.
pub fn first_control(text: &str) -> Option<char> {
    // Every value of the sheet goes through here (a sixth of a 248 KB sheet's own reading, a
    // character at a time); most are text in which no byte can begin such a character.
    // A fold, not `all`: without the early exit, it is compiled to compares of many bytes at a
    // time.
    if text.bytes().fold(true, |clean, b| clean & never_control(b)) {
        return None;
    }
    first_control_by_char(text)
}

/// [`first_control`], a character at a time.
fn first_control_by_char(text: &str) -> Option<char> {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_break = c == '\n' || (c == '\r' && chars.peek() == Some(&'\n'));
        let bidi = matches!(c, '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if (c.is_control() && c != '\t' && !line_break) || bidi {
            return Some(c);
        }
    }
    None
}

/// Whether `byte` can begin no character that [`first_control`] finds: C0 controls and DEL are
/// below 0x20 and 0x7F, C1 controls begin with 0xC2 (U+0080–U+009F), U+061C with 0xD8, and the
/// other bidirectional controls with 0xE2 (U+200E–U+2069). A tab or a line feed is no control
/// there; a return is left to the character loop (it is one unless a line feed follows).
fn never_control(byte: u8) -> bool {
    (byte >= 0x20 && !matches!(byte, 0x7F | 0xC2 | 0xD8 | 0xE2)) || matches!(byte, b'\t' | b'\n')
}

/// "an integer", "a string".
fn article(type_name: &str) -> String {
    let an = type_name.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {type_name}", if an { "an" } else { "a" })
}

/// "`a`, `b` and `c`".
pub fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        Some((last, _)) => last.clone(),
        None => String::new(),
    }
}

/// Where a table's header (`[[actors]]`) stands: a key missing from the table is reported
/// there, where a curator looks for the table. The parser's span of a table that has keys
/// starts at its first key, so the header is the nearest line above it, past blank lines and
/// comments, that opens with `[`; without one, `span` itself.
fn header(text: &str, span: &Span) -> Span {
    let Some(before) = text.get(..span.start) else {
        return span.clone();
    };
    let line_start = |end: usize| text[..end].rfind('\n').map_or(0, |n| n + 1);
    let mut end = line_start(before.len());
    if text[end..].trim_start().starts_with('[') {
        return span.clone(); // the span is on the header already (a table without keys)
    }
    // Each turn looks at the line that ends just before `end` (its line break at `end - 1`).
    while end > 0 {
        let start = line_start(end - 1);
        let line = text[start..end - 1].trim();
        if line.starts_with('[') {
            return start..start + text[start..end - 1].trim_end().len();
        }
        if !(line.is_empty() || line.starts_with('#')) {
            break;
        }
        end = start;
    }
    span.clone()
}

#[cfg(test)]
mod tests {
    use super::{first_control, first_control_by_char, header};

    #[test]
    fn a_control_character_is_found_but_line_breaks_and_tabs_are_not() {
        assert_eq!(first_control("role\u{1b}]52;c;x\u{7}"), Some('\u{1b}'));
        assert_eq!(first_control("abc\u{202e}cba"), Some('\u{202e}'));
        assert_eq!(first_control("a\u{85}b"), Some('\u{85}'));
        assert_eq!(first_control("a lone\rreturn"), Some('\r'));
        assert_eq!(first_control("one\ntwo\r\nthree\tfour"), None);
        assert_eq!(first_control("می\u{200c}خواهم"), None);
    }

    /// The byte test that passes most values by is checked against the character loop alone,
    /// for every character between two letters.
    #[test]
    fn the_byte_test_misses_no_character() {
        let mut text = String::new();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            text.clear();
            text.extend(['a', c, 'b']);
            assert_eq!(
                first_control(&text),
                first_control_by_char(&text),
                "U+{:04X}",
                c as u32
            );
        }
        assert_eq!(first_control("a\r\nb"), None);
    }

    #[test]
    fn a_missing_key_points_at_the_header_above_blank_lines_and_comments() {
        let text = "[[actors]]\r\n\r\n# first\r\nname = \"A\"\r\n[[actors]]\r\n";
        let key = text.find("name").unwrap();
        assert_eq!(header(text, &(key..key + 4)), 0..10);
        // A span on a header already stays; a span after a key line is not moved.
        let second = text.rfind("[[actors]]").unwrap();
        assert_eq!(header(text, &(second..second + 10)), second..second + 10);
        let after = "a = 1\nb = 2\n";
        assert_eq!(header(after, &(6..11)), 6..11);
    }
}
