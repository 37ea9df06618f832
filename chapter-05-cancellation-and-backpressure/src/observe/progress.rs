//! What a chain of steps did, watched from outside: steps started and
//! finished, and when. The lesson code calls [`Progress::step`] for each
//! step; a child process's steps are read off its output and marked with
//! [`Progress::begin`] and [`Progress::end`].

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use shared::workload::{fingerprint, product_below};

/// One step's run: when it began and, if it did, when it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepSpan {
    /// When the step began.
    pub start: Instant,
    /// When it ended; `None` for a step that never ended (its process was killed).
    pub end: Option<Instant>,
}

/// Steps started and finished by one job, and their times.
#[derive(Debug, Default)]
pub struct Progress {
    started: AtomicU64,
    finished: AtomicU64,
    spans: Mutex<Vec<StepSpan>>,
    child: AtomicU32,
}

impl Progress {
    /// Nothing started yet.
    pub fn new() -> Self {
        Progress::default()
    }

    /// Runs one step of the workload (the product of the integers below
    /// `limit`), counted; returns the product's size in bits.
    pub fn step(&self, limit: u32) -> u64 {
        self.begin();
        let bits = fingerprint(&product_below(limit));
        self.end();
        bits
    }

    /// A step began.
    pub fn begin(&self) {
        self.lock().push(StepSpan { start: Instant::now(), end: None });
        self.started.fetch_add(1, Ordering::SeqCst);
    }

    /// The step that began last ended.
    pub fn end(&self) {
        let now = Instant::now();
        if let Some(span) = self.lock().iter_mut().rev().find(|s| s.end.is_none()) {
            span.end = Some(now);
        }
        self.finished.fetch_add(1, Ordering::SeqCst);
    }

    /// The job runs in the child process `pid`: its CPU is read from there.
    pub fn in_child(&self, pid: u32) {
        self.child.store(pid, Ordering::SeqCst);
    }

    /// The child process the job runs in, if any.
    pub fn child(&self) -> Option<u32> {
        Some(self.child.load(Ordering::SeqCst)).filter(|&pid| pid != 0)
    }

    /// Steps that began.
    pub fn started(&self) -> u64 {
        self.started.load(Ordering::SeqCst)
    }

    /// Steps that ran to their end.
    pub fn finished(&self) -> u64 {
        self.finished.load(Ordering::SeqCst)
    }

    /// Every step's span, in the order they began.
    pub fn spans(&self) -> Vec<StepSpan> {
        self.lock().clone()
    }

    /// Waits until no step is running and none begins for `quiet` (the
    /// job is over, even one nobody waits for), or until `limit` passed.
    pub fn wait_until_still(&self, quiet: Duration, limit: Duration) -> bool {
        let give_up = Instant::now() + limit;
        while Instant::now() < give_up {
            let seen = self.started();
            if seen == self.finished() {
                std::thread::sleep(quiet);
                if self.started() == seen && self.finished() == seen {
                    return true;
                }
            } else {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
        false
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<StepSpan>> {
        self.spans.lock().unwrap_or_else(|poison| poison.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A step is counted when it begins and when it ends, with its span.
    #[test]
    fn counts_and_times_each_step() {
        let progress = Progress::new();
        progress.step(100);
        progress.begin();
        assert_eq!((progress.started(), progress.finished()), (2, 1));
        let spans = progress.spans();
        assert!(spans[0].end.is_some() && spans[1].end.is_none());
        progress.end();
        assert!(
            progress.wait_until_still(Duration::from_millis(1), Duration::from_secs(1))
        );
    }
}
