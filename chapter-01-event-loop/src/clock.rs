//! The loop's clock: the real one, or a paused one for tests.
//!
//! A paused clock stands still while callbacks run and jumps to the next
//! deadline when the loop has nothing else to do, as tokio's paused time
//! does: a test of *order* then runs in no time and cannot be made flaky by
//! a slow machine.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// Where the loop reads the time.
#[derive(Debug)]
pub(crate) enum Clock {
    /// `Instant::now()`.
    Real,
    /// A virtual now that moves only when the loop would sleep.
    Paused(Cell<Instant>),
}

impl Clock {
    pub(crate) fn real() -> Self {
        Clock::Real
    }

    pub(crate) fn paused() -> Self {
        Clock::Paused(Cell::new(Instant::now()))
    }

    pub(crate) fn now(&self) -> Instant {
        match self {
            Clock::Real => Instant::now(),
            Clock::Paused(now) => now.get(),
        }
    }

    /// How long the loop may sleep before `deadline`: on a paused clock it
    /// must not sleep at all (it looks at the sockets, then jumps instead).
    pub(crate) fn until(&self, deadline: Instant) -> Duration {
        match self {
            Clock::Real => deadline.saturating_duration_since(Instant::now()),
            Clock::Paused(_) => Duration::ZERO,
        }
    }

    /// Moves a paused clock forward to `deadline`; the real one moves by itself.
    pub(crate) fn advance_to(&self, deadline: Instant) {
        if let Clock::Paused(now) = self {
            now.set(now.get().max(deadline));
        }
    }
}
