//! Evidence quotes (mention rule 7) in folded text, one pattern at a time: what the chunked,
//! multi-threaded count of `evidence` must agree with.

/// For each pattern, its first occurrence in `text` (`(start, end)`, folded offsets) and how
/// many there are, overlapping ones included; `None` for a pattern that is not there.
pub fn first_and_count(text: &str, patterns: &[String]) -> Vec<Option<(usize, usize, u32)>> {
    patterns
        .iter()
        .map(|p| {
            let mut first = None;
            let mut count = 0;
            let mut from = 0;
            while let Some(i) = memchr::memmem::find(&text.as_bytes()[from..], p.as_bytes()) {
                first = first.or(Some((from + i, from + i + p.len())));
                count += 1;
                from += i + 1;
            }
            first.map(|(s, e)| (s, e, count))
        })
        .collect()
}
