//! What the jobs tell the outside world while they run.
//!
//! Each job sends an [`Event`] when something happens, with the moment it
//! happened: a tick ran, a random wait began, a CPU step began or ended. The
//! jobs only send; whoever holds the receiving end records, prints or drops
//! them. So the lesson code never prints and never measures.

use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

/// Where the jobs send their events. A send that nobody receives is ignored.
pub type Events = Sender<Event>;

/// Something that happened on the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Tick `number` (1 for the first) was due at `due` and ran at `ran`.
    Tick { number: u64, due: Instant, ran: Instant },
    /// Random wait `number` of `wait` began at `at` (the one before it ended).
    Wait { number: u64, wait: Duration, at: Instant },
    /// CPU step `number`, the product of `1..limit`, began at `at`.
    StepStarted { number: u64, limit: u32, at: Instant },
    /// CPU step `number` ended at `at`; `bits` is the size of its product.
    StepDone { number: u64, at: Instant, bits: u64 },
    /// The ticker stopped at `at`; the other jobs stop after it.
    TickerStopped { at: Instant },
}
