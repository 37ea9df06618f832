//! What Part 3 measured: each fix, under contention.

use std::time::Duration;

use crate::shared_state::{Lock, ROUNDS, TASKS};

/// One lock, measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Locked {
    /// Which lock.
    pub lock: Lock,
    /// The counter at the end (`TASKS * ROUNDS` if nothing was lost).
    pub count: u64,
    /// Wall time of all the additions.
    pub wall: Duration,
}

impl Locked {
    /// Wall time per addition.
    pub fn each(&self) -> Duration {
        self.wall / (TASKS * ROUNDS) as u32
    }
}
