//! The jobs on tokio's current-thread runtime: one thread, one loop, the
//! closest match to asyncio's event loop.

use std::future::Future;
use std::time::Duration;

use num_bigint::BigUint;
use shared::workload::product_below;

use crate::event_loop::Loop;
use crate::jobs::{Jobs, Ticked};

/// tokio's timers, yield and blocking pool.
#[derive(Debug, Clone, Copy)]
pub struct Tokio;

impl Loop for Tokio {
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send {
        tokio::time::sleep(duration)
    }

    // ANCHOR: yield_now
    fn yield_now(&self) -> impl Future<Output = ()> + Send {
        // In a spawned task, tokio wakes a yielding task only after its
        // scheduler has looked at its timers: a tick that fell due during
        // the step runs before the next step. tokio documents this as how
        // it behaves, not as a guarantee, and not for the `block_on` future.
        tokio::task::yield_now()
    }
    // ANCHOR_END: yield_now

    // ANCHOR: offload
    async fn offload(&self, limit: u32) -> Result<BigUint, String> {
        // A thread from tokio's blocking pool runs the step; this task
        // only awaits its JoinHandle. (It cannot be aborted once started.)
        tokio::task::spawn_blocking(move || product_below(limit))
            .await
            .map_err(|err| err.to_string())
    }
    // ANCHOR_END: offload
}

// ANCHOR: run
/// Spawns the three jobs as tasks on one current-thread runtime and waits
/// for all three.
pub fn run(jobs: &Jobs) -> Result<Ticked, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|err| format!("cannot start tokio: {err}"))?;
    runtime.block_on(async {
        let (ticker, random_waits, cpu_chain) = jobs.start(Tokio);
        // Spawned in this order, they first run in this order: the first tick
        // comes before the first CPU step.
        let ticker = tokio::spawn(ticker);
        let random_waits = tokio::spawn(random_waits);
        let cpu_chain = tokio::spawn(cpu_chain);
        let failed = |err: tokio::task::JoinError| format!("a job failed: {err}");
        random_waits.await.map_err(failed)?;
        cpu_chain.await.map_err(failed)??;
        ticker.await.map_err(failed)
    })
}
// ANCHOR_END: run
