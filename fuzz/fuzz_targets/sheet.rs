//! The fact sheet loader, validator and exports: see `briefing_fuzz::checks::sheet`.
#![no_main]

use briefing_fuzz::{SheetCase, checks};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|case: SheetCase| checks::sheet(case.sheet, case.article));
