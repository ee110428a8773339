//! Counted nouns in messages: "1 warning", "2 warnings". Every noun the program counts takes a
//! plain `s` in the plural, so this is all the grammar it needs.

/// "1 warning", "2 warnings", "0 errors".
#[must_use]
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", s(n))
}

/// The plural ending for `n` of something: `""` for one, `"s"` otherwise
/// (`format!("line{} {lines}", s(n))`).
#[must_use]
pub fn s(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "warning"), "1 warning");
        assert_eq!(count(0, "error"), "0 errors");
        assert_eq!(count(2, "actor"), "2 actors");
        assert_eq!(format!("line{} 3, 9", s(2)), "lines 3, 9");
    }
}
