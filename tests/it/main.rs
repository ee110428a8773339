//! The integration tests: one crate, so the binary and the library are built once, with a
//! shared harness.

mod architecture;
mod check;
mod completions;
mod curate;
mod draft;
mod edit;
mod export;
mod fuzz_regressions;
mod harness;
mod hostile;
mod html;
mod keys;
mod layout;
mod limits;
mod loading;
mod navigation;
mod polish;
mod props;
mod pty;
mod render;
mod scale;
mod schema;
mod unclaimed;
mod warnings_window;
mod watch;
mod window_search;
mod workload;
