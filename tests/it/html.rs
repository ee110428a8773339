//! `briefing export --format html`, read back with an HTML5 parser (scraper, html5ever
//! underneath): the page's structure, its links and anchors, that it loads nothing, that no
//! string from the input became markup, and the sample's page as a snapshot.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use briefing::briefing::{Briefing, Input, open};
use briefing::date::PartialDate;
use briefing::export::{Format, Request, Table, render};
use proptest::prelude::*;
use scraper::{ElementRef, Html, Selector};

use crate::harness::{Fixture, Reader, briefing};

/// Every element the page's template writes, whatever the input.
const ELEMENTS: &[&str] = &[
    "a", "article", "body", "code", "dd", "details", "div", "dl", "dt", "footer", "h1", "h2", "h3",
    "h4", "head", "header", "html", "li", "main", "mark", "meta", "nav", "ol", "p", "script",
    "section", "span", "strong", "style", "summary", "time", "title", "ul",
];

/// Every attribute the page's template writes.
const ATTRIBUTES: &[&str] = &[
    "aria-label",
    "charset",
    "class",
    "content",
    "datetime",
    "href",
    "http-equiv",
    "id",
    "lang",
    "name",
    "rel",
    "start",
    "title",
];

fn loaded(sheet: &str, article: &str) -> Briefing {
    let input = Input::Memory {
        sheet: sheet.to_owned(),
        article: article.as_bytes().to_vec(),
    };
    match open(&input) {
        Ok(b) => b,
        Err(e) => panic!("the fixture loads: {e}"),
    }
}

fn page(b: &Briefing) -> String {
    let request = Request {
        format: Format::Html,
        table: Table::default(),
    };
    render(b, request, &b.sheet.briefing.article)
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"));
    doc.select(&selector).collect()
}

fn attr<'a>(e: &ElementRef<'a>, name: &str) -> &'a str {
    e.value()
        .attr(name)
        .unwrap_or_else(|| panic!("<{}> has no {name}", e.value().name()))
}

fn text(e: &ElementRef) -> String {
    e.text().collect()
}

/// Every element's name and every attribute's name in the page, with how often each occurs.
fn vocabulary(doc: &Html) -> (BTreeMap<String, usize>, BTreeSet<String>) {
    let mut elements = BTreeMap::new();
    let mut attributes = BTreeSet::new();
    for e in select(doc, "*") {
        *elements.entry(e.value().name().to_owned()).or_insert(0) += 1;
        attributes.extend(e.value().attrs().map(|(name, _)| name.to_owned()));
    }
    (elements, attributes)
}

/// The ids in the page; each once.
fn ids(doc: &Html) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for e in select(doc, "[id]") {
        let id = attr(&e, "id");
        assert!(ids.insert(id.to_owned()), "id {id} is used twice");
    }
    ids
}

/// What the page must be whatever the briefing: parsed without an error, made of the
/// template's elements and attributes only, loading nothing, every fragment an existing id,
/// one card per actor, every mention a link to its actor's card and listed on it.
fn assert_sound(b: &Briefing, html: &str) -> Html {
    let doc = Html::parse_document(html);
    assert!(doc.errors.is_empty(), "parse errors: {:?}", doc.errors);
    let (elements, attributes) = vocabulary(&doc);
    for name in elements.keys() {
        assert!(ELEMENTS.contains(&name.as_str()), "element <{name}>");
    }
    for name in &attributes {
        assert!(ATTRIBUTES.contains(&name.as_str()), "attribute {name}");
    }
    assert_eq!(elements["script"], 1);
    assert_eq!(elements["style"], 1);
    assert!(select(&doc, "script[src]").is_empty());
    // Nothing to load: the only address outside the page is the fact sheet's url, as a link.
    let url = b.sheet.briefing.url.as_deref();
    for e in select(&doc, "[href]") {
        let href = attr(&e, "href");
        assert!(
            href.starts_with('#') || Some(href) == url,
            "a link out of the page: {href}"
        );
    }
    let ids = ids(&doc);
    for e in select(&doc, "[href^='#']") {
        let href = attr(&e, "href");
        assert!(ids.contains(&href[1..]), "{href} points at no id");
    }
    let cards = select(&doc, "article.card");
    assert_eq!(cards.len(), b.sheet.actors.len());
    let title = text(&select(&doc, "title")[0]);
    assert_eq!(title, text(&select(&doc, "h1")[0]).replace('\n', " "));
    // Every mention, once, with its text, a link to its own actor's card; that card lists it.
    let mentions = select(&doc, "#article a.m[id]");
    assert_eq!(mentions.len(), b.mentions.all().len());
    let all_text = b.article.text();
    for (n, (e, m)) in mentions.iter().zip(b.mentions.all()).enumerate() {
        assert_eq!(attr(e, "id"), format!("m-{n}"));
        let card = &attr(e, "href")[1..];
        let actor = &b.sheet.actors[m.actor as usize];
        assert_eq!(card, format!("actor-{}", actor.id));
        assert!(attr(e, "class").contains(&format!("k-{}", actor.kind)));
        let listed = select(&doc, &format!("#{card} .mentions a[href='#m-{n}']"));
        assert_eq!(listed.len(), 1, "mention {n} on the card {card}");
        // Its words on the card; in the article, the same words (a quote starting or ending
        // inside the mention cuts it in pieces, of which this is the first).
        let words = shown(&all_text[m.span.range()]);
        let strong = select(&doc, &format!("#{card} .mentions a[href='#m-{n}'] strong"));
        assert_eq!(text(&strong[0]), words);
        assert!(words.starts_with(&text(e)), "{words} / {}", text(e));
    }
    doc
}

#[test]
fn the_sample_page_has_its_title_cards_timeline_and_evidence() {
    let b = Briefing::bundled();
    let html = page(&b);
    let doc = assert_sound(&b, &html);
    assert_eq!(text(&select(&doc, "title")[0]), b.sheet.briefing.title);
    // The timeline, in date order, with dates as the reader shows them.
    let times = select(&doc, "ol.timeline > li > time");
    assert_eq!(times.len(), b.sheet.events.len());
    let dates: Vec<PartialDate> = times
        .iter()
        .map(|t| PartialDate::parse(attr(t, "datetime")).expect("a date"))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    for (t, e) in times.iter().zip(&b.sheet.events) {
        assert_eq!(text(t), e.when());
    }
    assert!(times.iter().any(|t| text(t) == "2024-07-09 → 07-11"));
    assert!(times.iter().any(|t| text(t) == "~2024-07-03"));
    // Each event's and fact's evidence links to its mark in the article, which holds the
    // quoted words and links back.
    let evidence = select(&doc, ".evidence a");
    let quoted = b
        .event_evidence
        .iter()
        .chain(&b.fact_evidence)
        .flatten()
        .count();
    assert_eq!(evidence.len(), quoted);
    for a in evidence {
        let id = &attr(&a, "href")[1..];
        let mark = select(&doc, &format!("#article mark#{id}"));
        assert_eq!(mark.len(), 1, "{id}");
        let back = &id[2..];
        assert_eq!(
            select(&doc, &format!("#article a.back[href='#{back}']")).len(),
            1
        );
        assert!(!select(&doc, &format!("#{back}")).is_empty());
    }
    // The article's text, all of it but the omitted lines, in paragraphs.
    let paragraphs = select(&doc, "#article > p");
    // 21 lines with words, of which 8 are omitted.
    assert_eq!(paragraphs.len(), 13);
    let shown: String = paragraphs
        .iter()
        .map(|p| text(p).replace('↑', ""))
        .collect();
    assert!(shown.contains("concrete ways"));
    assert!(!shown.contains("Advertisement"));
    let omitted = select(&doc, "#article details.omitted li");
    assert_eq!(omitted.len(), b.article.omitted().len());
    // The cards: kind, role, affiliation as a link, aliases, note.
    let jones = select(&doc, "#actor-douglas-jones")[0];
    let card = text(&jones);
    for needed in [
        "Douglas Jones",
        "person",
        "Deputy Assistant Secretary",
        "Also called",
        "Presumably",
    ] {
        assert!(card.contains(needed), "{needed} in {card}");
    }
    assert_eq!(
        select(
            &doc,
            "#actor-douglas-jones dd a[href='#actor-state-department']"
        )
        .len(),
        1
    );
    assert_eq!(select(&doc, "#actor-douglas-jones .mentions li").len(), 2);
    insta::assert_snapshot!("html_sample", html);
}

#[test]
fn the_sheet_address_is_the_only_link_out_and_only_when_it_is_a_web_address() {
    let sheet = |url: &str| {
        format!(
            "[briefing]\ntitle = \"T\"\narticle = \"a.txt\"\nurl = {}\n\n[[actors]]\nid = \"nato\"\nname = \"NATO\"\nkind = \"organization\"\n",
            toml::Value::String(url.to_owned())
        )
    };
    let b = loaded(&sheet("https://example.com/news?id=1&x=2"), "NATO met.\n");
    let html = page(&b);
    let doc = assert_sound(&b, &html);
    let out: Vec<&str> = select(&doc, "a[href^='http']")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(out, ["https://example.com/news?id=1&x=2"]);
    for url in [
        "javascript:alert(document.cookie)",
        "data:text/html,<script>x</script>",
        "file:///etc/passwd",
    ] {
        let b = loaded(&sheet(url), "NATO met.\n");
        let doc = assert_sound(&b, &page(&b));
        assert!(select(&doc, "header a").is_empty(), "{url} became a link");
        assert!(text(&select(&doc, "header")[0]).contains(url));
    }
}

/// Escape sequences, controls, markup, quotes meant to close an attribute, bidirectional
/// overrides: as in `hostile.rs`, in every string of the fact sheet and in the article.
const PAYLOAD: &str = "\u{1b}]0;PWNED\u{7}\u{1b}[31mRED\u{8}\r\u{7f}\u{9b}31m\u{85}\u{202e}\u{2066}\u{200b} </title><script>alert(1)</script> \"' onmouseover=\"alert(2)\" x='<img src=x onerror=alert(3)>' <!-- &amp; ]]> END";

fn hostile(payload: &str) -> (String, String) {
    let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let sheet = format!(
        "[briefing]\ntitle = {}\narticle = \"a.txt\"\nsource = {}\nurl = {}\nsummary = {}\n\n\
         [[actors]]\nid = \"nato\"\nname = \"NATO\"\nkind = \"organization\"\naliases = [{}]\nrole = {}\nnote = {}\n\n\
         [[actors]]\nid = \"evil\"\nname = {}\nkind = \"other\"\n\n\
         [[events]]\nid = \"e\"\ndate = 2024-07-09\ntitle = {}\nactors = [\"nato\", \"evil\"]\nnote = {}\nevidence = {}\n\n\
         [[facts]]\nlabel = {}\nvalue = {}\nnote = {}\nsource = \"evil\"\nevidence = \"NATO met\"\n",
        q(&format!("Title {payload}")),
        q(&format!("Source {payload}")),
        q(&format!("javascript:{payload}")),
        q(&format!("Summary {payload}")),
        q(&format!("alias {payload}")),
        q(&format!("Role {payload}")),
        q(&format!("Note {payload}")),
        q(&format!("Evil {payload}")),
        q(&format!("Event {payload}")),
        q(&format!("Event note {payload}")),
        q(&format!("Quote {payload}")),
        q(&format!("Label {payload}")),
        q(&format!("Value {payload}")),
        q(&format!("Fact note {payload}")),
    );
    let article =
        format!("NATO met. Quote {payload}\nEvil {payload} here.\n\nalias {payload} too.\n");
    (sheet, article)
}

#[test]
fn nothing_from_the_input_becomes_markup() {
    let (sheet, article) = hostile(PAYLOAD);
    let b = loaded(&sheet, &article);
    let html = page(&b);
    let doc = assert_sound(&b, &html);
    // The same page with a harmless payload has the very same elements and attributes, in the
    // same numbers: the hostile one added none (its placeholders are the template's spans).
    let (tame_sheet, tame_article) = hostile("plain words");
    let tame = loaded(&tame_sheet, &tame_article);
    let tame_doc = assert_sound(&tame, &page(&tame));
    let (mut elements, attributes) = vocabulary(&doc);
    let (tame_elements, tame_attributes) = vocabulary(&tame_doc);
    let placeholders = select(&doc, "span.ctl").len();
    assert!(placeholders > 0);
    *elements.get_mut("span").unwrap() -= placeholders;
    assert_eq!(elements, tame_elements);
    assert_eq!(attributes, tame_attributes);
    assert!(select(&doc, "[onmouseover], [onerror], img").is_empty());
    // No control or override reaches the page raw; they are shown, as the reader shows them.
    let bad: Vec<char> = html
        .chars()
        .filter(|&c| c != '\n' && briefing::inert::is_unsafe(c))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    let title = text(&select(&doc, "h1")[0]);
    assert!(title.contains("␛]0;PWNED␇"), "{title}");
    assert!(
        title.contains("<U+202E>") && title.contains("<U+2066>"),
        "{title}"
    );
    assert!(
        title.contains("</title><script>alert(1)</script>"),
        "{title}"
    );
    // The title element shows the payload's line break as a space.
    assert_eq!(text(&select(&doc, "title")[0]), title.replace('\n', " "));
    // Quotes in attribute values stay inside them.
    let evil = select(&doc, "#article a.m.k-other[id]")[0];
    assert!(attr(&evil, "title").starts_with("Evil ␛]0;PWNED␇"));
    assert!(attr(&evil, "title").contains("onmouseover=\"alert(2)\""));
    // The address is no web address: text, not a link.
    assert!(select(&doc, "a[href^='javascript']").is_empty());
    // The script is the template's: it writes no markup.
    let script = text(&select(&doc, "script")[0]);
    assert!(!script.contains("innerHTML") && !script.contains("PWNED"));
}

/// A quote that starts inside a mention and runs over a paragraph's end, and a second quote
/// crossing it: the marks nest, are closed and opened again per paragraph, and no text is lost
/// or repeated.
#[test]
fn overlapping_quotes_and_mentions_nest() {
    let article = "The North Atlantic alliance met in Washington today.\n\nLeaders agreed on aid.\nMore aid came.\n";
    let sheet = r#"[briefing]
title = "Overlaps"
article = "a.txt"

[[actors]]
id = "nato"
name = "North Atlantic alliance"
kind = "organization"

[[actors]]
id = "washington"
name = "Washington"
kind = "place"

[[events]]
id = "a"
date = 2024-07-09
title = "From inside a mention over a paragraph end"
evidence = "Atlantic alliance met in Washington today. Leaders agreed"

[[events]]
id = "b"
date = 2024-07-10
title = "Crossing the first"
evidence = "in Washington today. Leaders agreed on aid. More"

[[facts]]
label = "Same words twice"
value = "1"
evidence = "in Washington today. Leaders agreed on aid. More"
"#;
    let b = loaded(sheet, article);
    let html = page(&b);
    let doc = assert_sound(&b, &html);
    let paragraphs = select(&doc, "#article > p");
    let shown: Vec<String> = paragraphs
        .iter()
        .map(|p| text(p).replace('↑', ""))
        .collect();
    assert_eq!(
        shown,
        [
            "The North Atlantic alliance met in Washington today.",
            "Leaders agreed on aid.\nMore aid came."
        ]
    );
    // Each quote is marked in both paragraphs, its id on the first piece only.
    for id in ["q-event-a", "q-event-b", "q-fact-same-words-twice"] {
        assert_eq!(select(&doc, &format!("#{id}")).len(), 1);
        let first = select(&doc, &format!("#{id}"))[0];
        assert_eq!(first.value().name(), "mark");
    }
    assert_eq!(
        text(&select(&doc, "#q-event-a")[0]).replace('↑', ""),
        "Atlantic alliance met in Washington today."
    );
    // The mention cut by the quote: two pieces, the first with its id, both to the card.
    let pieces = select(&doc, "#article a.m[href='#actor-nato']");
    assert_eq!(pieces.len(), 2);
    assert_eq!(text(&pieces[0]), "North ");
    assert_eq!(text(&pieces[1]), "Atlantic alliance");
    assert!(pieces[1].value().attr("id").is_none());
    let marks = select(&doc, "#article > p mark");
    assert_eq!(marks.len(), 3 + 3 + 2);
    // The links back come after the quotes' ends, never inside a mention.
    assert!(select(&doc, "#article a.m a, #article a a").is_empty());
    assert_eq!(select(&doc, "#article a.back").len(), 3);
}

#[test]
fn the_command_writes_the_page_and_the_dialog_offers_it() {
    let f = Fixture::bundled();
    let target = f.path("briefing.html");
    briefing()
        .args(["export", "--format", "html", "-o"])
        .arg(&target)
        .arg(f.sheet())
        .assert()
        .success();
    let html = std::fs::read_to_string(&target).expect("the page is written");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html, page(&Briefing::bundled()));
    briefing()
        .args(["export", "--format", "html", "--table", "mentions"])
        .arg(f.sheet())
        .assert()
        .code(2);
    // The reader's export dialog lists every format, html too, at its smallest size.
    let mut r = Reader::bundled(40, 15);
    r.press("e");
    let screen = r.screen();
    for word in ["json", "markdown", "csv", "toml", "html"] {
        assert!(screen.contains(word), "{word} missing:\n{screen}");
    }
    r.press("Tab Tab Tab Tab");
    assert!(r.screen().contains("briefing.html"), "{}", r.screen());
}

/// Text that a string of the fact sheet shows as: placeholders for unsafe characters, a space
/// for a tab, line ends as `\n`.
fn shown(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push(' '),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push('\n'),
            c if briefing::inert::is_unsafe(c) => out.push_str(&briefing::inert::placeholder(c)),
            c => out.push(c),
        }
    }
    out
}

const PIECES: &[&str] = &[
    "<",
    ">",
    "&",
    "\"",
    "'",
    "=",
    "/",
    "<script>",
    "</p>",
    "<a href=x>",
    "<!--",
    "-->",
    "&amp;",
    "&#0;",
    "]]>",
    " ",
    "x",
    "É",
    "\u{1b}[31m",
    "\u{7}",
    "\u{0}",
    "\u{202e}",
    "\u{2067}",
    "\u{200f}",
    "\u{85}",
    "\u{feff}",
    "مرحبا",
    "🙂",
    "`",
    "{",
    "}",
];

fn piece_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..8).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever the name, alias, title and evidence, the page has the template's elements
    /// only, in the same numbers as with plain words, and shows each string as its text.
    #[test]
    fn arbitrary_strings_never_add_elements(
        name in piece_text(),
        alias in piece_text(),
        title in piece_text(),
        evidence in piece_text(),
    ) {
        let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
        let build = |name: &str, alias: &str, title: &str, evidence: &str| {
            let mut sheet = String::new();
            let _ = write!(
                sheet,
                "[briefing]\ntitle = {}\narticle = \"a.txt\"\n\n[[actors]]\nid = \"a\"\nname = {}\nkind = \"person\"\naliases = [{}]\n\n[[events]]\nid = \"e\"\ndate = \"2024\"\ntitle = {}\nevidence = {}\n",
                q(&format!("T {title}")),
                q(&format!("Alpha {name}")),
                q(&format!("Beta {alias}")),
                q(&format!("E {title}")),
                q(&format!("Gamma {evidence}")),
            );
            let article = format!("Alpha {name} met Beta {alias}.\n\nGamma {evidence} said.\n");
            let input = Input::Memory { sheet, article: article.into_bytes() };
            open(&input).ok()
        };
        // Every string is set apart by a word of its own ("Alpha", "Beta", "Gamma"), so no two
        // spellings fold alike and the quote is in the article: the sheet always loads.
        let b = build(&name, &alias, &title, &evidence).expect("the fact sheet loads");
        let html = page(&b);
        let doc = Html::parse_document(&html);
        prop_assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        let (mut elements, attributes) = vocabulary(&doc);
        let placeholders = select(&doc, "span.ctl").len();
        *elements.get_mut("span").unwrap() -= placeholders;
        let tame = build("x", "y", "z", "w").expect("plain words load");
        let (tame_elements, tame_attributes) = vocabulary(&Html::parse_document(&page(&tame)));
        // Mentions and their marks vary with the words (an alias may appear twice); the rest
        // of the page does not.
        for name in ["a", "li", "strong", "mark"] {
            elements.remove(name);
        }
        let mut tame_elements = tame_elements;
        for name in ["a", "li", "strong", "mark"] {
            tame_elements.remove(name);
        }
        prop_assert_eq!(elements, tame_elements);
        prop_assert_eq!(attributes, tame_attributes);
        prop_assert_eq!(text(&select(&doc, "h1")[0]), shown(&format!("T {title}")));
        prop_assert_eq!(text(&select(&doc, ".card .name")[0]), shown(&format!("Alpha {name}")));
        prop_assert_eq!(text(&select(&doc, ".card dd")[0]), shown(&format!("Beta {alias}")));
        prop_assert_eq!(text(&select(&doc, "ol.timeline strong")[0]), shown(&format!("E {title}")));
    }
}

/// The sample page's style sheet.
fn sample_style() -> String {
    let doc = Html::parse_document(&page(&Briefing::bundled()));
    text(&select(&doc, "style")[0])
}

/// A style sheet read as rules, so that a test asks what a rule says, not how it is written:
/// comments dropped, whitespace collapsed (none after a comma), each `@media` block read as a
/// sheet of its own (blocks with the same query merged, in order).
#[derive(Default)]
struct Css {
    /// Each rule's selector list and its declarations, in order.
    rules: Vec<(String, Vec<(String, String)>)>,
    media: Vec<(String, Css)>,
}

/// Whitespace collapsed to one space, none around a comma.
fn squeeze(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
        .replace(", ", ",")
}

impl Css {
    fn parse(css: &str) -> Self {
        let mut plain = String::new();
        let mut rest = css;
        while let Some(at) = rest.find("/*") {
            plain.push_str(&rest[..at]);
            rest = rest[at..]
                .find("*/")
                .map_or("", |end| &rest[at + end + 2..]);
        }
        plain.push_str(rest);
        let mut sheet = Self::default();
        sheet.read(&plain);
        sheet
    }

    fn read(&mut self, mut css: &str) {
        while let Some(open) = css.find('{') {
            let head = squeeze(&css[..open]);
            let body_start = open + 1;
            let mut depth = 1;
            let mut end = css.len();
            for (i, c) in css[body_start..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = body_start + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let body = &css[body_start..end];
            if let Some(query) = head.strip_prefix("@media ") {
                let query = query.to_owned();
                if let Some((_, sheet)) = self.media.iter_mut().find(|(q, _)| *q == query) {
                    sheet.read(body);
                } else {
                    let mut sheet = Self::default();
                    sheet.read(body);
                    self.media.push((query, sheet));
                }
            } else {
                let declarations = body
                    .split(';')
                    .filter_map(|d| {
                        let (property, value) = d.split_once(':')?;
                        Some((squeeze(property), squeeze(value)))
                    })
                    .collect();
                self.rules.push((head, declarations));
            }
            css = css.get(end + 1..).unwrap_or("");
        }
    }

    /// What the last rule for exactly `selector` says of `property`.
    fn get(&self, selector: &str, property: &str) -> Option<&str> {
        self.rules
            .iter()
            .filter(|(s, _)| *s == selector)
            .flat_map(|(_, d)| d)
            .filter(|(p, _)| p == property)
            .map(|(_, v)| v.as_str())
            .next_back()
    }

    /// Whether a rule for exactly `selector` exists.
    fn has(&self, selector: &str) -> bool {
        self.rules.iter().any(|(s, _)| s == selector)
    }

    /// The rules of the `@media` blocks for `query`.
    fn media(&self, query: &str) -> &Css {
        let Some((_, sheet)) = self.media.iter().find(|(q, _)| q == query) else {
            panic!("no @media {query}")
        };
        sheet
    }

    /// Every value given to `property`, anywhere in the sheet.
    fn values<'a>(&'a self, property: &'a str) -> Box<dyn Iterator<Item = &'a str> + 'a> {
        let here = self
            .rules
            .iter()
            .flat_map(|(_, d)| d)
            .filter(move |(p, _)| p == property)
            .map(|(_, v)| v.as_str());
        Box::new(here.chain(self.media.iter().flat_map(move |(_, m)| m.values(property))))
    }
}

/// The sample page's style sheet, read.
fn sample_css() -> Css {
    Css::parse(&sample_style())
}

/// The sample page's script with its whitespace collapsed, so that a test does not depend on
/// how it is indented.
fn sample_script_squeezed() -> String {
    squeeze(&sample_script())
}

#[test]
fn the_style_reader_reads_rules_media_and_comments() {
    let css = Css::parse(
        "/* x{a:b} */ a.b , c { color : red ; margin:0 0 1px }\n@media print{a.b,c{color:blue}}\n\
         @media print{ d{x:y} }",
    );
    assert_eq!(css.get("a.b,c", "color"), Some("red"));
    assert_eq!(css.get("a.b,c", "margin"), Some("0 0 1px"));
    assert_eq!(css.media("print").get("a.b,c", "color"), Some("blue"));
    assert_eq!(css.media("print").get("d", "x"), Some("y"));
    assert!(!css.has("x"));
    assert_eq!(css.values("color").collect::<Vec<_>>(), ["red", "blue"]);
}

/// The contents bar stays at the top only where it is one line; there, a link's target lands
/// below it (the bar is about 2.6rem high); on a phone it scrolls away with the page.
#[test]
fn link_targets_land_clear_of_the_contents_bar() {
    let css = sample_css();
    let wide = css.media("screen and (min-width:700px)");
    assert_eq!(wide.get("nav.toc", "position"), Some("sticky"));
    assert_eq!(css.values("position").filter(|v| *v == "sticky").count(), 1);
    assert_eq!(wide.get("[id]", "scroll-margin-top"), Some("4rem"));
}

/// The sample page's script.
fn sample_script() -> String {
    let doc = Html::parse_document(&page(&Briefing::bundled()));
    text(&select(&doc, "script")[0])
}

/// The box that walks an actor's mentions works by touch too: buttons for the previous and
/// the next mention and to stop, built with DOM calls (no string becomes markup), and no
/// instructions only a keyboard can follow.
#[test]
fn the_mention_walker_has_buttons_built_without_markup() {
    let script = sample_script_squeezed();
    for never in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
    ] {
        assert!(!script.contains(never), "{never}");
    }
    assert!(script.contains("document.createElement(\"button\")"));
    assert!(script.contains("b.type = \"button\""), "{script}");
    for label in [
        "\"Previous mention\"",
        "\"Next mention\"",
        "\"Stop following\"",
    ] {
        assert!(script.contains(label), "{label}");
    }
    assert!(script.contains("textContent"));
    assert!(!script.contains("n next") && !script.contains("Esc stop"));
    let css = sample_css();
    // `display:flex` would show the box when the script hides it.
    assert_eq!(css.get(".follow[hidden]", "display"), Some("none"));
    assert_eq!(css.get(".follow button", "min-width"), Some("2rem"));
    assert_eq!(css.get(".follow button", "min-height"), Some("2rem"));
}

/// Printed without backgrounds (the browsers' default), a quote still shows: it is underlined;
/// and the colours that tell something are asked to print as they are.
#[test]
fn quotes_show_in_print_without_their_background() {
    let css = sample_css();
    let print = css.media("print");
    assert!(print.get("mark.q", "border-bottom").is_some());
    let (selectors, _) = print
        .rules
        .iter()
        .find(|(_, d)| {
            d.iter()
                .any(|(p, v)| p == "print-color-adjust" && v == "exact")
        })
        .expect("print-color-adjust");
    assert_eq!(
        print.get(selectors, "-webkit-print-color-adjust"),
        Some("exact")
    );
    for needed in ["mark.q", ".m", ".card"] {
        assert!(
            selectors.split(',').any(|s| s == needed),
            "{needed} in {selectors}"
        );
    }
}

/// The contents bar's background spans the window (the cards under it are wider than the
/// text), its links lined up with the text.
#[test]
fn the_contents_bar_spans_the_window() {
    let css = sample_css();
    assert_eq!(css.get("nav.toc", "max-width"), Some("none"));
    assert_eq!(css.get("nav.toc", "background"), Some("var(--bg)"));
    assert_eq!(
        css.get("nav.toc", "padding"),
        Some(".4rem max(1rem,calc((100% - 72ch)/2 + 1rem))")
    );
}

/// The project calls them facts (the fact sheet's `[[facts]]`, `f` in the reader): so does the
/// page, in its contents, its heading and the links back from their quotes. A contents link
/// never wraps inside itself.
#[test]
fn facts_are_called_facts() {
    let b = Briefing::bundled();
    let html = page(&b);
    let doc = Html::parse_document(&html);
    assert_eq!(text(&select(&doc, "nav.toc a[href='#facts']")[0]), "Facts");
    assert_eq!(text(&select(&doc, "#facts > h2")[0]), "Facts");
    let backs = select(&doc, "#article a.back[href^='#fact-']");
    assert!(!backs.is_empty());
    for a in backs {
        assert!(
            attr(&a, "title").starts_with("Fact: "),
            "{}",
            attr(&a, "title")
        );
    }
    assert!(!html.to_lowercase().contains("key figure"));
    assert_eq!(sample_css().get("nav.toc a", "white-space"), Some("nowrap"));
}

/// With the script, a click on a mention in the article starts the walk there instead of
/// leaving for the card (which the mention's link still is, for a page without the script).
#[test]
fn a_click_on_a_mention_stays_in_the_text() {
    let script = sample_script_squeezed();
    assert!(script.contains("link.closest(\"#article\")"), "{script}");
    assert!(script.contains("e.preventDefault(); follow(owner,first(link,owner));"));
    let doc = Html::parse_document(&page(&Briefing::bundled()));
    for m in select(&doc, "#article a.m") {
        assert!(attr(&m, "href").starts_with("#actor-"));
    }
}

/// Printed, the cards stand apart: the wide screen's rules (grid, no margin) are for screens
/// only, so the print rules are not beaten by them.
#[test]
fn printed_cards_stand_apart() {
    let css = sample_css();
    assert!(css.media.iter().all(|(q, _)| !q.starts_with("(min-width")));
    let wide = css.media("screen and (min-width:700px)");
    assert_eq!(wide.get(".cards .card", "margin"), Some("0"));
    let print = css.media("print");
    assert_eq!(print.get(".cards", "display"), Some("block"));
    assert_eq!(print.get(".card", "margin"), Some("0 0 .5rem"));
}

/// A link back from a quote is a target a finger can hit (padded to 24px and more: the arrow
/// is about 11×15px at the page's size), which also keeps two of them apart.
#[test]
fn links_back_are_big_enough_to_tap() {
    assert_eq!(sample_css().get("a.back", "padding"), Some(".3rem .45rem"));
    // Two quotes end at the same place in the sample: their arrows stand side by side.
    assert!(page(&Briefing::bundled()).contains("\u{2191}</a><a class=\"back\""));
}

/// Kinds differ without colour wherever an actor is named: in the article, in the timeline's
/// actors, a fact's source and a card's affiliation, each link has its kind's underline.
#[test]
fn actors_named_anywhere_have_their_kinds_underline() {
    let css = sample_css();
    assert_eq!(css.get(".m,a[class^=\"k-\"]", "color"), Some("var(--k)"));
    assert_eq!(
        css.get(".m,a[class^=\"k-\"]", "text-decoration-line"),
        Some("underline")
    );
    for kind in [
        "person",
        "organization",
        "country",
        "place",
        "media",
        "other",
    ] {
        assert!(
            css.get(&format!(".m.k-{kind},a.k-{kind}"), "text-decoration-style")
                .is_some(),
            "{kind}"
        );
    }
    let doc = Html::parse_document(&page(&Briefing::bundled()));
    for css in ["ol.timeline .actors a", "ul.facts li > a", ".card dd a"] {
        let links = select(&doc, css);
        assert!(!links.is_empty(), "{css}");
        for a in links {
            assert!(attr(&a, "class").starts_with("k-"), "{css}");
        }
    }
}

/// "line 34" never wraps between its words: a no-break space holds them together, in the
/// evidence and in the omitted lines.
#[test]
fn line_numbers_never_wrap() {
    let doc = Html::parse_document(&page(&Briefing::bundled()));
    let numbers = select(&doc, ".ln");
    assert!(numbers.len() > 10);
    assert!(!select(&doc, ".evidence .ln").is_empty());
    assert!(!select(&doc, ".omitted .ln").is_empty());
    for n in numbers {
        let t = text(&n);
        let digits = t
            .strip_prefix("line\u{a0}")
            .unwrap_or_else(|| panic!("{t:?}"));
        assert!(digits.parse::<usize>().is_ok(), "{t:?}");
    }
}
