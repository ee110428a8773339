//! Folding as briefing compares spellings (`briefing::fold::fold`, mention rule 2): trimmed,
//! any run of whitespace one space, typographic quotes `'` and `"`, dashes `-`. The cast keeps
//! no two spellings that fold alike; `tests/it/workload.rs` checks that with briefing's own
//! fold, so this copy cannot drift unnoticed.

pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.trim().chars() {
        let folded = match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if folded == ' ' && in_space {
            continue;
        }
        in_space = folded == ' ';
        out.push(folded);
    }
    out
}
