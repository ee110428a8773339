//! The integration tests: one crate, so the binary and the library are built once, with a
//! shared harness.

mod architecture;
mod check;
mod completions;
mod draft;
mod export;
mod fuzz_regressions;
mod harness;
mod hostile;
mod keys;
mod layout;
mod limits;
mod navigation;
mod props;
mod pty;
mod render;
mod schema;
mod warnings_window;
mod window_search;
mod workload;
