//! The article loader and its layout: see `briefing_fuzz::checks::article`.
#![no_main]

use briefing_fuzz::{ArticleCase, checks};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: ArticleCase| {
    checks::article(&case.bytes, &case.omit, case.width, case.show_omitted);
});
