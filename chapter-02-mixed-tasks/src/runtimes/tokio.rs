//! The jobs on tokio's current-thread runtime: one thread, one loop, the
//! closest match to asyncio's event loop.

use std::future::Future;
use std::time::Duration;

use num_bigint::BigUint;
use shared::measure::Stopwatch;
use shared::workload::product_below;

use super::Loop;
use crate::jobs::{Jobs, Outcome};

/// tokio's timers, yield and blocking pool.
#[derive(Debug, Clone, Copy)]
pub struct Tokio;

impl Loop for Tokio {
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send {
        tokio::time::sleep(duration)
    }

    fn yield_now(&self) -> impl Future<Output = ()> + Send {
        // tokio's yield defers the task until the runtime has checked its
        // timers: a tick that fell due during the step runs first.
        tokio::task::yield_now()
    }

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
pub fn run(jobs: &Jobs) -> Result<Outcome, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .map_err(|err| format!("cannot start tokio: {err}"))?;
    let stopwatch = Stopwatch::start();
    let (ticker, chores, cpu_chain) = runtime.block_on(async {
        // Spawned in this order, they first run in this order: the first tick
        // comes before the first CPU step.
        let ticker = tokio::spawn(jobs.ticker(Tokio));
        let chores = tokio::spawn(jobs.chores(Tokio));
        let cpu_chain = tokio::spawn(jobs.cpu_chain(Tokio));
        (ticker.await, chores.await, cpu_chain.await)
    });
    let failed = |err: tokio::task::JoinError| format!("a job failed: {err}");
    jobs.outcome(
        ticker.map_err(failed)?,
        chores.map_err(failed)?,
        cpu_chain.map_err(failed)?,
        stopwatch.stop(),
    )
}
// ANCHOR_END: run
