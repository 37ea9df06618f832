//! Part 3, run and measured: the two fixes under contention.

use std::time::Duration;

use shared::exit::Error;
use shared::measure::measure;

use crate::run::cancel::runtime;
use crate::shared_state::{self, Lock};

/// Tasks contending for the lock, and additions each.
pub const TASKS: usize = 8;
/// Additions per task.
pub const ROUNDS: usize = 20_000;

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

/// Runs Part 3.
pub fn run() -> Result<Vec<Locked>, Error> {
    let runtime = runtime()?;
    Ok(Lock::ALL
        .into_iter()
        .map(|lock| {
            let (count, m) =
                measure(|| runtime.block_on(shared_state::contend(lock, TASKS, ROUNDS)));
            Locked { lock, count, wall: m.wall }
        })
        .collect())
}
