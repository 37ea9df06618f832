//! Part 3, run and measured: the two fixes under contention.

use shared::exit::Error;
use shared::measure::measure;

use crate::observe::locked::Locked;
use crate::run::cancel::runtime;
use crate::shared_state::{self, Lock, ROUNDS, TASKS};

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
