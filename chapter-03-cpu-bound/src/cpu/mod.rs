//! The CPU-bound experiment: the same calls of the workload, in four places.
//!
//! Each place has its file: [`event_loop`], [`threads`], [`gil_threads`],
//! [`tasks`]. [`call`] holds what they share, one call of the workload.
//! None of them measures anything: each hands every call to a [`Probe`],
//! which whoever runs the lesson supplies (the chapter's measuring, in
//! `observe/`, or [`Unwatched`]), and the probe gives the call a [`Watch`]
//! to consult between two multiplications.

pub mod call;
pub mod event_loop;
pub mod gil_threads;
pub mod tasks;
pub mod threads;

use crate::interruptible::Flow;

// ANCHOR: probe
/// Watches the calls from outside: a place hands it each call to run.
pub trait Probe: Sync {
    /// Runs call number `call` (from 1): `work` computes it with the
    /// call's [`Watch`]. Returns what `work` returned.
    fn call<T>(
        &self,
        call: usize,
        work: impl FnOnce(&mut dyn Watch) -> Option<T>,
    ) -> Option<T>;
}

/// One call's watcher.
pub trait Watch {
    /// After each multiplication: go on, or stop (Ctrl-C).
    fn between(&mut self) -> Flow;
    /// The call stops computing to wait (for the GIL model's lock).
    fn paused(&mut self) {}
    /// The call computes again.
    fn resumed(&mut self) {}
}
// ANCHOR_END: probe

impl dyn Watch + '_ {
    /// Runs `wait` as a pause of the call: time it waits, not computes.
    pub fn waiting<T>(&mut self, wait: impl FnOnce() -> T) -> T {
        self.paused();
        let value = wait();
        self.resumed();
        value
    }
}

/// A probe that watches nothing and never stops a call: for running a
/// lesson bare (the exercises, the compare command).
#[derive(Debug, Clone, Copy, Default)]
pub struct Unwatched;

impl Probe for Unwatched {
    fn call<T>(
        &self,
        _call: usize,
        work: impl FnOnce(&mut dyn Watch) -> Option<T>,
    ) -> Option<T> {
        work(&mut Unwatched)
    }
}

impl Watch for Unwatched {
    fn between(&mut self) -> Flow {
        Flow::Continue
    }
}
