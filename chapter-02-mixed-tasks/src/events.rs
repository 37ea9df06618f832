//! What the jobs tell the outside world while they run.
//!
//! Each job sends an [`Event`] when something happens: a tick ran, a random
//! wait began, a CPU step began or ended. The jobs only send; whoever holds
//! the receiving end decides what to do with them (the program prints them,
//! the book's comparison drops them). So the lesson code never prints.

use std::sync::mpsc::Sender;
use std::time::Duration;

/// Where the jobs send their events. A send that nobody receives is ignored.
pub type Events = Sender<Event>;

/// Something that happened on the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A tick ran.
    Tick(Tick),
    /// A random wait began.
    Wait { number: u64, wait: Duration },
    /// A CPU step began.
    StepStarted { number: u64, limit: u32 },
    /// A CPU step ended; `bits` is the size of its product.
    StepDone { number: u64, took: Duration, bits: u64 },
}

/// One tick: when it was due and when it ran, both measured from the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    /// 1 for the first tick.
    pub number: u64,
    /// When the tick should have run.
    pub due: Duration,
    /// When it did run.
    pub ran: Duration,
    /// Time since the previous tick ran (none for the first).
    pub gap: Option<Duration>,
}

/// One CPU step: when it began and how long it took, from the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// When the step began.
    pub start: Duration,
    /// How long it took.
    pub took: Duration,
}
