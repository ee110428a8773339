//! Problems found in a fact sheet or its article, each located at a file, line and column, in
//! the form compilers use: `FILE:LINE:COLUMN: error|warning: message (hint)`.

use std::fmt;
use std::ops::Range;

use crate::lines::LineIndex;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    /// Worth knowing, never a problem: not counted, not failed by `--strict`.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Note => "note",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user named it.
    pub path: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub message: String,
    /// What to do about it, where that is not obvious from the message.
    pub hint: Option<String>,
}

impl Diagnostic {
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    #[must_use]
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: {}",
            self.path, self.line, self.column, self.severity, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// A text file that diagnostics point into: turns byte spans into lines and columns.
pub struct SourceFile<'a> {
    path: String,
    text: &'a str,
    lines: LineIndex,
}

impl<'a> SourceFile<'a> {
    #[must_use]
    pub fn new(path: impl Into<String>, text: &'a str) -> Self {
        Self {
            path: path.into(),
            text,
            lines: LineIndex::new(text),
        }
    }

    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    #[must_use]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// 1-based line and column (in characters) of a byte offset.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(self.text, offset)
    }

    #[must_use]
    pub fn at(&self, severity: Severity, span: &Range<usize>, message: String) -> Diagnostic {
        self.at_place(severity, self.line_col(span.start), message)
    }

    /// A diagnostic at a place found already by [`SourceFile::line_col`]: for many about one
    /// place, which is then found once.
    #[must_use]
    pub fn at_place(
        &self,
        severity: Severity,
        (line, column): (usize, usize),
        message: String,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            path: self.path.clone(),
            line,
            column,
            message,
            hint: None,
        }
    }

    #[must_use]
    pub fn error(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Error, span, message.into())
    }

    #[must_use]
    pub fn warning(&self, span: &Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.at(Severity::Warning, span, message.into())
    }
}

/// The closest of `candidates` to `wrong`, if one is close enough to be a likely typo.
#[must_use]
pub fn did_you_mean<'c>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_compiler() {
        let src = SourceFile::new("facts.toml", "[briefing]\ntitle = 1\n");
        let d = src
            .error(&(19..20), "`title` must be a string")
            .with_hint("put it in quotes");
        assert_eq!(
            d.to_string(),
            "facts.toml:2:9: error: `title` must be a string (put it in quotes)"
        );
    }

    #[test]
    fn columns_count_characters() {
        let src = SourceFile::new("f", "name = \"é\" x");
        assert_eq!(src.line_col(12), (1, 12));
    }

    #[test]
    fn suggests_only_close_names() {
        assert_eq!(did_you_mean("natoo", ["nato", "ukraine"]), Some("nato"));
        assert_eq!(did_you_mean("alias", ["aliases", "role"]), Some("aliases"));
        assert_eq!(did_you_mean("zzz", ["nato", "ukraine"]), None);
    }
}
