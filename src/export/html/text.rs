//! The article in the page: its paragraphs, every mention a link to its actor's card, every
//! evidence quote a mark with an anchor, and the omitted lines folded away at its end.
//!
//! Marks may overlap in any way (a quote starting inside a mention, two quotes crossing, a
//! quote running over a paragraph's end), while HTML elements must nest. The text is cut at
//! every place a mark or a paragraph starts or ends; for each piece the marks that cover it
//! are opened in one fixed order (quotes by start, the longer first, then the mention, which
//! is always innermost), and between pieces only what changes is closed and opened again. A
//! mark cut so is written as several elements; only the first carries its `id`.

use std::ops::Range;

use super::escape::{self, Context};
use crate::article::Article;
use crate::briefing::Briefing;
use crate::mentions::Mention;
use crate::span::Span;

/// An evidence quote to mark in the text.
pub struct QuoteMark {
    pub span: Span,
    /// The mark's `id`: what the timeline and the facts link to.
    pub anchor: String,
    /// The `id` of the event or fact it is the evidence of, which the mark links back to.
    pub back: String,
    /// What the link back says on hover: the event's title or the fact's label, escaped.
    pub back_title: String,
    /// `q-event` or `q-fact`.
    pub class: &'static str,
}

/// What is open while the text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    /// An index into the quotes, sorted.
    Quote(usize),
    /// An index into the mentions.
    Mention(usize),
}

/// The article's paragraphs: byte ranges of runs of lines that are neither blank nor omitted
/// (an omitted line ends a paragraph, as a blank one does). The byte order mark is left out.
#[must_use]
pub fn paragraphs(a: &Article) -> Vec<Range<usize>> {
    let text = a.text();
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for n in 0..a.line_count() {
        let line = a.line_range(n);
        let start = line.start.max(a.body_start());
        let end = line.end.max(start);
        let blank = text[start..end].trim().is_empty();
        if blank || a.is_omitted(start) {
            out.extend(current.take());
        } else {
            current = Some(current.map_or(start..end, |c| c.start..end));
        }
    }
    out.extend(current);
    out
}

/// Writes the article's paragraphs as `<p>`, with its marks, into `out`. `anchors` and `titles`
/// are each actor's card `id` and the hover text of its mentions (escaped); `quotes` are the
/// evidence marks, in any order.
pub fn article(
    b: &Briefing,
    anchors: &[String],
    titles: &[String],
    mut quotes: Vec<QuoteMark>,
    out: &mut String,
) {
    quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    let mut w = Writer {
        text: b.article.text(),
        mentions: b.mentions.all(),
        kinds: b.sheet.actors.iter().map(|a| a.kind.as_str()).collect(),
        anchors,
        titles,
        opened: vec![false; quotes.len()],
        quotes,
        stack: Vec::new(),
        pending: Vec::new(),
        out,
    };
    for p in paragraphs(&b.article) {
        w.paragraph(p);
    }
}

struct Writer<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    kinds: Vec<&'static str>,
    anchors: &'a [String],
    titles: &'a [String],
    quotes: Vec<QuoteMark>,
    /// Whether each quote's first piece has been written (with its `id`).
    opened: Vec<bool>,
    stack: Vec<Open>,
    /// Quotes that have ended, whose links back wait until no mention is open (a link cannot
    /// stand inside a link).
    pending: Vec<usize>,
    out: &'a mut String,
}

impl Writer<'_> {
    fn paragraph(&mut self, p: Range<usize>) {
        let clip = |s: Span| (s.start as usize).max(p.start)..(s.end as usize).min(p.end);
        let quotes: Vec<usize> = (0..self.quotes.len())
            .filter(|&i| {
                let r = clip(self.quotes[i].span);
                r.start < r.end
            })
            .collect();
        let first = self
            .mentions
            .partition_point(|m| (m.span.end as usize) <= p.start);
        let last =
            first + self.mentions[first..].partition_point(|m| (m.span.start as usize) < p.end);
        let mentions = first..last;
        let mut cuts = vec![p.start, p.end];
        for &i in &quotes {
            let r = clip(self.quotes[i].span);
            cuts.extend([r.start, r.end]);
        }
        for m in &self.mentions[mentions.clone()] {
            let r = clip(m.span);
            cuts.extend([r.start, r.end]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        self.out.push_str("<p>");
        let mut next_mention = mentions.start;
        let mut wanted = Vec::new();
        for piece in cuts.windows(2) {
            let (from, to) = (piece[0], piece[1]);
            wanted.clear();
            wanted.extend(
                quotes
                    .iter()
                    .filter(|&&i| {
                        let s = self.quotes[i].span;
                        s.start as usize <= from && to <= s.end as usize
                    })
                    .map(|&i| Open::Quote(i)),
            );
            while next_mention < mentions.end
                && (self.mentions[next_mention].span.end as usize) <= from
            {
                next_mention += 1;
            }
            if next_mention < mentions.end
                && (self.mentions[next_mention].span.start as usize) <= from
            {
                wanted.push(Open::Mention(next_mention));
            }
            self.switch(&wanted, from);
            escape::push(self.out, &self.text[from..to], Context::Text);
        }
        self.switch(&[], p.end);
        self.out.push_str("</p>\n");
    }

    /// Closes what is open but not `wanted` at byte `at`, then opens what is wanted.
    fn switch(&mut self, wanted: &[Open], at: usize) {
        // A mention cut by a quote's end goes on after it: the link back waits for its end
        // rather than stand between its pieces.
        let mention = |o: &Open| match o {
            Open::Mention(n) => Some(*n),
            Open::Quote(_) => None,
        };
        let open_mention = self.stack.iter().find_map(mention);
        let continues = open_mention.is_some() && wanted.iter().find_map(mention) == open_mention;
        let keep = self
            .stack
            .iter()
            .zip(wanted)
            .take_while(|(a, b)| a == b)
            .count();
        while self.stack.len() > keep {
            match self.stack.pop() {
                Some(Open::Quote(i)) => {
                    self.out.push_str("</mark>");
                    if at >= self.quotes[i].span.end as usize {
                        self.pending.push(i);
                    }
                }
                Some(Open::Mention(_)) => self.out.push_str("</a>"),
                None => {}
            }
        }
        if !continues && !matches!(self.stack.last(), Some(Open::Mention(_))) {
            for i in self.pending.drain(..) {
                let q = &self.quotes[i];
                self.out.push_str("<a class=\"back\" href=\"#");
                self.out.push_str(&q.back);
                self.out.push_str("\" title=\"");
                self.out.push_str(&q.back_title);
                self.out.push_str("\">\u{2191}</a>");
            }
        }
        for &open in &wanted[keep..] {
            match open {
                Open::Quote(i) => {
                    let q = &self.quotes[i];
                    self.out.push_str("<mark class=\"q ");
                    self.out.push_str(q.class);
                    if !self.opened[i] {
                        self.opened[i] = true;
                        self.out.push_str("\" id=\"");
                        self.out.push_str(&q.anchor);
                    }
                    self.out.push_str("\">");
                }
                Open::Mention(n) => {
                    let m = self.mentions[n];
                    let actor = m.actor as usize;
                    self.out.push_str("<a class=\"m k-");
                    self.out.push_str(self.kinds[actor]);
                    if m.span.start as usize == at {
                        self.out.push_str("\" id=\"m-");
                        self.out.push_str(&n.to_string());
                    }
                    self.out.push_str("\" href=\"#");
                    self.out.push_str(&self.anchors[actor]);
                    self.out.push_str("\" title=\"");
                    self.out.push_str(&self.titles[actor]);
                    self.out.push_str("\">");
                }
            }
            self.stack.push(open);
        }
    }
}

/// Writes the omitted lines, folded in a `<details>`, with their line numbers.
pub fn omitted(a: &Article, out: &mut String) {
    let lines = a.omitted();
    if lines.is_empty() {
        return;
    }
    out.push_str("<details class=\"omitted\"><summary>");
    out.push_str(&crate::plural::count(lines.len(), "line"));
    out.push_str(
        " left out as page furniture (the fact sheet\u{2019}s <code>omit</code>)</summary>\n<ul>\n",
    );
    for r in lines {
        // A no-break space: "line" never ends a line of its own.
        out.push_str("<li><span class=\"ln\">line\u{a0}");
        out.push_str(&a.line_of(r.start).to_string());
        out.push_str("</span> ");
        escape::push(out, &a.text()[r.clone()], Context::Text);
        out.push_str("</li>\n");
    }
    out.push_str("</ul></details>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn briefing(sheet: &str, article: &str) -> Briefing {
        let input = crate::briefing::Input::Memory {
            sheet: sheet.to_owned(),
            article: article.as_bytes().to_vec(),
        };
        crate::briefing::open(&input).expect("the test's fact sheet loads")
    }

    #[test]
    fn a_link_back_waits_for_the_mention_a_quote_ends_in() {
        let b = briefing(
            "[briefing]\ntitle = \"T\"\narticle = \"a.txt\"\n\n[[actors]]\nid = \"nato\"\n\
             name = \"North Atlantic alliance\"\nkind = \"organization\"\n\n[[facts]]\n\
             label = \"L\"\nvalue = \"1\"\nevidence = \"The North Atlantic\"\n",
            "The North Atlantic alliance met.\n",
        );
        let quotes = vec![QuoteMark {
            span: b.fact_evidence[0].expect("found").span,
            anchor: "q-fact-1".into(),
            back: "fact-1".into(),
            back_title: "L".into(),
            class: "q-fact",
        }];
        let mut out = String::new();
        article(&b, &["actor-nato".into()], &["N".into()], quotes, &mut out);
        assert_eq!(
            out,
            "<p><mark class=\"q q-fact\" id=\"q-fact-1\">The \
             <a class=\"m k-organization\" id=\"m-0\" href=\"#actor-nato\" title=\"N\">North \
             Atlantic</a></mark><a class=\"m k-organization\" href=\"#actor-nato\" title=\"N\"> \
             alliance</a><a class=\"back\" href=\"#fact-1\" title=\"L\">\u{2191}</a> met.</p>\n"
        );
    }

    #[test]
    fn paragraphs_are_runs_of_kept_lines() {
        let omit = vec![crate::fold::fold("Advertisement")];
        let (a, _) = Article::new(
            "\u{FEFF}One\r\ntwo\n\n  \nThree\nAdvertisement\nfour\rfive\n".to_owned(),
            &omit,
        );
        let text = a.text();
        let got: Vec<&str> = paragraphs(&a).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["One\r\ntwo", "Three", "four\rfive"]);
    }
}
