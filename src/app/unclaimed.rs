//! Unclaimed names (`u`): the names `briefing suggest` finds that no actor claims, and every
//! place one stands unclaimed, for the article to underline and `]`/`[` to stop at.
//!
//! A stored derived value (of the article and the fact sheet): finding them reads every
//! sentence for names (about 0.3 ms for the bundled article, 100 ms for 1 MiB, 750 ms for
//! 10 MiB of the synthetic workload, measured by `cargo bench --bench draft -- unclaimed`), far
//! too slow to do for each frame. They are found when `u` turns them on and again after a
//! reload while they are on; a long article's on a thread of their own ([`Finding`]), started
//! on [`crate::app::Action::Settle`] once the frame saying so is on screen and taken on a
//! later one, so that no key waits on them (256 MiB takes about 23 s).

use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use super::keys::Context;
use super::worker::{Lost, Worker};
use super::{Action, App};
use crate::briefing::Briefing;
use crate::draft::suggest::unclaimed_names_until;

/// Articles longer than this have their unclaimed names found once the frame saying so is
/// drawn ([`Unclaimed::pending`]); shorter ones at once (a few tens of milliseconds at most).
pub const LATER_FROM: usize = 256 * 1024;

/// One place an unclaimed name stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Its bytes in the article.
    pub range: Range<usize>,
    /// The name it is a place of, by its index in [`Unclaimed::names`].
    pub name: usize,
}

/// The unclaimed names and their places, in the order of the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Unclaimed {
    /// The names, as `suggest` writes them.
    names: Vec<String>,
    /// Every place, ascending, none overlapping another.
    places: Vec<Place>,
    /// Not found yet: they will be on the next [`crate::app::Action::Settle`].
    pub pending: bool,
}

impl Unclaimed {
    /// Unclaimed names to be found on the next settle.
    #[must_use]
    pub fn later() -> Self {
        Self {
            pending: true,
            ..Self::default()
        }
    }

    /// The unclaimed names of `b` and their places.
    #[must_use]
    pub fn find(b: &Briefing) -> Self {
        Self::find_until(b, &AtomicBool::new(false)).unwrap_or_default()
    }

    /// [`Self::find`], given up (`None`) once `stop` is set, looked at between its steps.
    #[must_use]
    pub fn find_until(b: &Briefing, stop: &AtomicBool) -> Option<Self> {
        let mut names = Vec::new();
        let mut places = Vec::new();
        for (n, (candidate, at)) in unclaimed_names_until(b, stop)?.into_iter().enumerate() {
            names.push(candidate.name);
            places.extend(at.into_iter().map(|range| Place { range, name: n }));
        }
        // Two names may share words ("Liaison Office" in "NATO Liaison Office"): the first
        // place, and at one start the longest, is kept, so that places never overlap.
        places.sort_by_key(|p| (p.range.start, std::cmp::Reverse(p.range.end)));
        let mut end = 0;
        places.retain(|p| {
            let keep = p.range.start >= end;
            if keep {
                end = p.range.end;
            }
            keep
        });
        Some(Self {
            names,
            places,
            pending: false,
        })
    }

    /// How many names no actor claims.
    #[must_use]
    pub fn count(&self) -> usize {
        self.names.len()
    }

    /// Every place, in the order of the text.
    #[must_use]
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place `i`'s name.
    #[must_use]
    pub fn name_of(&self, i: usize) -> Option<&str> {
        let p = self.places.get(i)?;
        self.names.get(p.name).map(String::as_str)
    }

    /// The place that byte `offset` is in, if any.
    #[must_use]
    pub fn at(&self, offset: usize) -> Option<usize> {
        let i = self.places.partition_point(|p| p.range.end <= offset);
        self.places
            .get(i)
            .filter(|p| p.range.start <= offset)
            .map(|_| i)
    }

    /// The index of the first place that ends after `offset`.
    #[must_use]
    pub fn first_from(&self, offset: usize) -> usize {
        self.places.partition_point(|p| p.range.end <= offset)
    }
}

/// The unclaimed names of a long article being found on another thread; dropped (`u` again, a
/// reload), it stops. One is found at a time: a finding stopped ends at its next look at its
/// flag, and the next waits for it (each holds gigabytes at 256 MiB).
type Finding = Worker<Unclaimed>;

/// Held by the finding that runs.
static FINDING: Mutex<()> = Mutex::new(());

/// Starts finding the unclaimed names of `b` (a copy: the article is shared, not copied).
fn start_finding(b: &Briefing) -> std::io::Result<Finding> {
    let b = b.clone();
    Worker::spawn("unclaimed", move |stop| {
        let _turn = FINDING.lock().unwrap_or_else(PoisonError::into_inner);
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        Unclaimed::find_until(&b, stop)
    })
}

impl App {
    /// The unclaimed names, while `u` shows them.
    #[must_use]
    pub fn unclaimed(&self) -> Option<&Unclaimed> {
        self.unclaimed.as_ref()
    }

    /// `u`: unclaimed names shown (found now, or once the frame saying so is drawn for a long
    /// article), or hidden.
    pub(super) fn toggle_unclaimed(&mut self) {
        if self.unclaimed.take().is_some() {
            self.finding = None;
            self.article.unclaimed = None;
            self.say("Unclaimed names hidden");
            return;
        }
        if self.briefing.article.text().len() >= LATER_FROM {
            // The status bar's position says they are being found.
            self.unclaimed = Some(Unclaimed::later());
        } else {
            self.unclaimed = Some(Unclaimed::find(&self.briefing));
            self.said_unclaimed();
        }
    }

    /// Starts finding the unclaimed names left to find, on another thread, or takes them once
    /// found (on [`Action::Settle`]).
    pub(super) fn settle_unclaimed(&mut self) {
        if !self.unclaimed.as_ref().is_some_and(|u| u.pending) {
            return;
        }
        let arrived = match &self.finding {
            Some(finding) => finding.take(),
            None => match start_finding(&self.briefing) {
                Ok(finding) => {
                    self.finding = Some(finding);
                    None
                }
                Err(_) => Some(Err(Lost)),
            },
        };
        match arrived {
            None => {}
            Some(Ok(found)) => {
                self.finding = None;
                self.unclaimed = Some(found);
                self.said_unclaimed();
            }
            Some(Err(Lost)) => {
                self.finding = None;
                self.unclaimed = None;
                self.complain("Finding the unclaimed names stopped unexpectedly");
            }
        }
    }

    /// After the fact sheet or the article changed (a reload): the unclaimed names found again
    /// while they are shown, the cursor off the old ones.
    pub(crate) fn refresh_unclaimed(&mut self) {
        self.article.unclaimed = None;
        // Those of the briefing before are of no use.
        self.finding = None;
        if self.unclaimed.is_some() {
            self.unclaimed = Some(if self.briefing.article.text().len() >= LATER_FROM {
                Unclaimed::later()
            } else {
                Unclaimed::find(&self.briefing)
            });
        }
    }

    /// The status bar's word once the names are found: how to walk them, or that there are none.
    fn said_unclaimed(&mut self) {
        let n = self.unclaimed.as_ref().map_or(0, Unclaimed::count);
        if n == 0 {
            self.say("No unclaimed names: every name found is some actor's");
        } else {
            let (next, prev) = (
                self.key(Context::Article, &Action::NextMention).to_owned(),
                self.key(Context::Article, &Action::PrevMention).to_owned(),
            );
            let them = if n == 1 { "it" } else { "them" };
            self.say(format!(
                "Unclaimed names underlined: {next} and {prev} stop at {them} too"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_sample_leaves_no_name_unclaimed() {
        let u = Unclaimed::find(&Briefing::bundled());
        assert_eq!((u.count(), u.places().len()), (0, 0));
        assert!(!u.pending);
    }

    /// Told to stop, a finding gives nothing (the reader drops it for `u` again or a reload).
    #[test]
    fn a_finding_told_to_stop_gives_nothing() {
        let b = Briefing::bundled();
        assert_eq!(Unclaimed::find_until(&b, &AtomicBool::new(true)), None);
        assert!(Unclaimed::find_until(&b, &AtomicBool::new(false)).is_some());
        let sentences = crate::draft::text::sentences(&b.article, None);
        let stop = AtomicBool::new(true);
        let text = b.article.text();
        assert_eq!(
            crate::draft::names::candidates_until(text, &sentences, &stop),
            None
        );
    }

    #[test]
    fn places_are_found_by_offset() {
        let u = Unclaimed {
            names: vec!["A".into(), "B".into()],
            places: vec![
                Place {
                    range: 2..5,
                    name: 0,
                },
                Place {
                    range: 9..12,
                    name: 1,
                },
            ],
            pending: false,
        };
        assert_eq!(u.at(1), None);
        assert_eq!(u.at(2), Some(0));
        assert_eq!(u.at(4), Some(0));
        assert_eq!(u.at(5), None);
        assert_eq!(u.at(11), Some(1));
        assert_eq!(u.name_of(1), Some("B"));
        assert_eq!(u.first_from(0), 0);
        assert_eq!(u.first_from(6), 1);
        assert_eq!(u.first_from(12), 2);
    }
}
