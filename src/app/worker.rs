//! Work on a thread of its own whose outcome the reader takes once it is in, and stops wanting
//! by dropping it: a load (`app/loading.rs`), a search of a long article (`app/search.rs`), a
//! change's check (`app/commit_job.rs`), the unclaimed names of a long article
//! (`app/unclaimed.rs`). Dropped, a worker sets its stop flag, which the work looks at between
//! its steps and gives up on, so that work no one waits for neither runs on nor delivers.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// A piece of work on another thread: where its outcome arrives, and its stop flag.
#[derive(Debug)]
pub struct Worker<T> {
    rx: Receiver<T>,
    stop: Arc<AtomicBool>,
}

/// The thread ended without an outcome: it panicked (or could not be had).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lost;

impl<T: Send + 'static> Worker<T> {
    /// Runs `work` on a thread named `name`; its outcome, unless it gave up (`None`, told to
    /// stop by the flag it is given), arrives for [`Worker::take`].
    pub fn spawn(
        name: &str,
        work: impl FnOnce(&AtomicBool) -> Option<T> + Send + 'static,
    ) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let told = Arc::clone(&stop);
        std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                if let Some(outcome) = work(&told) {
                    // No one may wait any more (dropped meanwhile, the reader ended).
                    let _ = tx.send(outcome);
                }
            })?;
        Ok(Self { rx, stop })
    }
}

impl<T> Worker<T> {
    /// A worker whose outcome arrives on `rx` from whatever sends it: one already there (a
    /// thread that could not start, said as an outcome), or a test standing for the thread.
    #[must_use]
    pub fn on(rx: Receiver<T>) -> Self {
        Self {
            rx,
            stop: Arc::default(),
        }
    }

    /// The outcome, once it has arrived (never waits).
    pub fn take(&self) -> Option<Result<T, Lost>> {
        match self.rx.try_recv() {
            Ok(outcome) => Some(Ok(outcome)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(Lost)),
        }
    }

    /// The outcome, waited for.
    pub fn wait(&self) -> Result<T, Lost> {
        self.rx.recv().map_err(|_| Lost)
    }

    /// The outcome, waited for at most `timeout`; `None` when it has not come by then.
    pub fn wait_at_most(&self, timeout: std::time::Duration) -> Option<Result<T, Lost>> {
        match self.rx.recv_timeout(timeout) {
            Ok(outcome) => Some(Ok(outcome)),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => Some(Err(Lost)),
        }
    }

    /// The flag dropping this sets, for a test to see it set.
    #[cfg(test)]
    pub fn stop_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.stop)
    }
}

impl<T> Drop for Worker<T> {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The outcome arrives; work told to stop gives up and delivers nothing; a thread that
    /// panics is lost, not waited for ever.
    #[test]
    fn an_outcome_arrives_a_dropped_worker_stops_and_a_panic_is_lost() {
        let done = Worker::spawn("test", |_| Some(7)).unwrap();
        assert_eq!(done.wait(), Ok(7));
        let (go, gate) = mpsc::channel::<()>();
        let (seen_tx, seen) = mpsc::channel();
        let dropped = Worker::spawn("test", move |stop| {
            let _ = gate.recv();
            let _ = seen_tx.send(stop.load(Ordering::Relaxed));
            None::<()>
        })
        .unwrap();
        let flag = dropped.stop_flag();
        drop(dropped);
        assert!(flag.load(Ordering::Relaxed));
        go.send(()).unwrap();
        assert_eq!(seen.recv(), Ok(true), "the work saw the flag set");
        let panics =
            Worker::spawn("test", |_| -> Option<u8> { panic!("the work panics") }).unwrap();
        assert_eq!(panics.wait(), Err(Lost));
        assert_eq!(panics.take(), Some(Err(Lost)));
    }
}
