//! The mention index against the mention rules: see `briefing_fuzz::checks::mentions`.
#![no_main]

use briefing_fuzz::{MentionsCase, checks};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: MentionsCase| checks::mentions(&case.text, &case.actors, &case.omit));
