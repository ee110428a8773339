//! Lines and columns of every mention, computed in one pass over the text
//! ([`crate::lines::LineIndex::positions`]): counting characters from each line's start per
//! mention would be quadratic on a long single-line article.

use crate::article::Article;
use crate::mentions::MentionIndex;

/// `(line, column)`, both 1-based, column in characters, for each mention of the index.
pub struct MentionPositions(Vec<(u32, u32)>);

impl MentionPositions {
    #[must_use]
    pub fn new(article: &Article, index: &MentionIndex) -> Self {
        let offsets = index.all().iter().map(|m| m.span.start as usize);
        let positions = article.lines().positions(article.text(), offsets);
        Self(positions.map(|(l, c)| (l as u32, c as u32)).collect())
    }

    /// Line and column of mention `n` (an index into [`MentionIndex::all`]).
    #[must_use]
    pub fn get(&self, n: usize) -> (usize, usize) {
        let (l, c) = self.0[n];
        (l as usize, c as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::Briefing;

    #[test]
    fn agrees_with_direct_computation() {
        let b = Briefing::bundled();
        let p = MentionPositions::new(&b.article, &b.mentions);
        for (n, m) in b.mentions.all().iter().enumerate() {
            assert_eq!(p.get(n), b.article.line_col(m.span.start as usize));
        }
    }

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let sheet = "[briefing]\ntitle = \"T\"\narticle = \"a.txt\"\n\n[[actors]]\nid = \"nato\"\nname = \"NATO\"\nkind = \"organization\"\n";
        let input = crate::briefing::Input::Memory {
            sheet: sheet.to_owned(),
            article: "\u{feff}NATO met, NATO left.\nNATO".as_bytes().to_vec(),
        };
        let b = crate::briefing::open(&input).expect("the briefing opens");
        let p = MentionPositions::new(&b.article, &b.mentions);
        let all: Vec<_> = (0..b.mentions.all().len()).map(|n| p.get(n)).collect();
        assert_eq!(all, [(1, 1), (1, 11), (2, 1)]);
    }
}
