//! `briefing schema`: prints the fact sheet's JSON Schema, the one `assets/facts.schema.json`
//! holds, for an editor to check and complete a sheet with (`briefing schema >
//! facts.schema.json` beside it, named by its `#:schema` line).

use super::{Failure, print};

pub fn run() -> Result<u8, Failure> {
    print(&crate::sheet::schema::text(), "the schema").map(|()| 0)
}
