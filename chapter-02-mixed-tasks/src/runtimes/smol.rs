//! The jobs on smol: a local executor driven on the calling thread.

use std::future::Future;
use std::time::Duration;

use num_bigint::BigUint;
use shared::workload::product_below;

use crate::event_loop::Loop;
use crate::jobs::{Jobs, Ticked};

/// smol's timers and yield, and the `blocking` crate's thread pool.
#[derive(Debug, Clone, Copy)]
pub struct Smol;

impl Loop for Smol {
    async fn sleep(&self, duration: Duration) {
        smol::Timer::after(duration).await;
    }

    fn yield_now(&self) -> impl Future<Output = ()> + Send {
        smol::future::yield_now()
    }

    // ANCHOR: offload
    async fn offload(&self, limit: u32) -> Result<BigUint, String> {
        // `unblock` moves the closure to the blocking crate's thread pool
        // (the same pool `smol::unblock` uses) and returns a future of its result.
        Ok(blocking::unblock(move || product_below(limit)).await)
    }
    // ANCHOR_END: offload
}

// ANCHOR: run
/// Spawns the three jobs on a local executor and drives it on this thread.
pub fn run(jobs: &Jobs) -> Result<Ticked, String> {
    let executor = smol::LocalExecutor::new();
    let (ticker, random_waits, cpu_chain) = jobs.start(Smol);
    smol::block_on(executor.run(async {
        let ticker = executor.spawn(ticker);
        let random_waits = executor.spawn(random_waits);
        let cpu_chain = executor.spawn(cpu_chain);
        random_waits.await;
        cpu_chain.await?;
        Ok(ticker.await)
    }))
}
// ANCHOR_END: run
