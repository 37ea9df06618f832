//! The trap on a multi-thread runtime: more workers do not help the jobs
//! that share the blocked one.
//!
//! tokio's multi-thread runtime has one worker thread per core, and a worker
//! runs one task at a time. `tokio::join!` runs its futures concurrently but
//! inside *one* task, so on *one* worker: while a CPU step runs there, the
//! ticker in the same task waits, however idle the other workers are. The
//! remedy is the same as on one thread: `spawn_blocking` (see
//! [`super::tokio`]'s `offload`, reused here).

use shared::machine;

use crate::jobs::{Jobs, Ticked};

use super::tokio::Tokio;

/// Worker threads the runtime gets: one per core.
pub fn workers() -> usize {
    machine::cores()
}

// ANCHOR: run
/// Runs the three jobs joined in one task, spawned on a multi-thread runtime.
pub fn run(jobs: &Jobs) -> Result<Ticked, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers())
        .enable_time()
        .build()
        .map_err(|err| format!("cannot start tokio: {err}"))?;
    let (ticker, random_waits, cpu_chain) = jobs.start(Tokio);
    // One task, polled by one worker at a time: the three jobs share it.
    let joined = runtime.block_on(async {
        tokio::spawn(async { tokio::join!(ticker, random_waits, cpu_chain) }).await
    });
    let (ticked, _, chain) = joined.map_err(|err| format!("a job failed: {err}"))?;
    chain.map(|_| ticked)
}
// ANCHOR_END: run
