//! Copying: the sentence around the current mention (or match), with its citation, for the
//! clipboard.

use super::{App, Effect};
use crate::sentence;

impl App {
    /// The sentence around the current mention (or match), with where it comes from.
    pub(super) fn copy(&mut self) -> Effect {
        let range = if self.search.active()
            && let Some(c) = self.search.current
        {
            let (s, e) = self.search.matches[c];
            s as usize..e as usize
        } else if let Some(m) = self.article.cursor {
            self.briefing.mentions.all()[m].range()
        } else {
            self.say("Nothing to copy: move the cursor to a mention first (] or n)");
            return Effect::None;
        };
        let text = self.briefing.article.text();
        let sentence = sentence::around(text, range.clone());
        let quote = crate::inert::one_line(&text[sentence]);
        let line = self.briefing.article.line_of(range.start);
        let meta = &self.briefing.sheet.briefing;
        let mut cite = vec![meta.title.clone()];
        cite.extend(meta.source.clone());
        cite.extend(meta.published.map(|d| d.to_string()));
        cite.push(format!("line {line}"));
        let clip = format!("“{quote}” ({})", crate::inert::one_line(&cite.join(", ")));
        self.say(format!(
            "Copied {} characters through OSC 52 (the terminal must allow it)",
            clip.chars().count()
        ));
        Effect::Copy(clip)
    }
}
