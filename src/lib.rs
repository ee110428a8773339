//! `briefing`: read a news article beside a hand-curated fact sheet about it.
//!
//! The domain (everything but [`app`], [`view`] and [`terminal`]) knows nothing of terminals:
//! [`briefing`] loads and checks a fact sheet against its article, [`mentions`] finds every
//! mention of every actor, [`export`] writes the result for other tools. The reader is built on
//! top: [`app`] holds its state and applies [`app::Action`]s, [`view`] draws `&App`, and
//! [`terminal`] owns the real terminal and the event loop.

pub mod app;
pub mod article;
mod bits;
pub mod briefing;
mod chunks;
pub mod cli;
pub mod clipboard;
pub mod date;
pub mod diagnostic;
pub mod draft;
pub mod edit;
pub mod evidence;
pub mod export;
pub mod fold;
pub mod inert;
pub mod lines;
pub mod mentions;
pub mod plural;
pub mod sentence;
pub mod sheet;
pub mod signals;
pub mod span;
pub mod terminal;
pub mod view;
pub mod watch;
pub mod wrap;

#[cfg(test)]
mod reference;
