//! The jobs on async-std, which is discontinued upstream (its authors point
//! to smol; RUSTSEC-2025-0052 marks it unmaintained). It still works, and
//! older code uses it.
//!
//! async-std's `task::spawn` sends tasks to a global pool of threads, so
//! spawned jobs would not share one loop. `task::block_on` with the three
//! jobs joined keeps them in one task on the calling thread: one loop.

use std::future::Future;
use std::time::Duration;

use num_bigint::BigUint;
use shared::workload::product_below;

use crate::event_loop::Loop;
use crate::jobs::{Jobs, Ticked};

/// async-std's timers, yield and blocking pool.
#[derive(Debug, Clone, Copy)]
pub struct AsyncStd;

impl Loop for AsyncStd {
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send {
        async_std::task::sleep(duration)
    }

    fn yield_now(&self) -> impl Future<Output = ()> + Send {
        async_std::task::yield_now()
    }

    // ANCHOR: offload
    async fn offload(&self, limit: u32) -> Result<BigUint, String> {
        // async-std's blocking pool runs the step; its handle yields the value itself.
        Ok(async_std::task::spawn_blocking(move || product_below(limit)).await)
    }
    // ANCHOR_END: offload
}

// ANCHOR: run
/// Joins the three jobs in one task on the calling thread.
pub fn run(jobs: &Jobs) -> Result<Ticked, String> {
    let (ticker, random_waits, cpu_chain) = jobs.start(AsyncStd);
    // `join!` polls its futures in order: the ticker goes first.
    let (ticked, _, chain) = async_std::task::block_on(async {
        futures::join!(ticker, random_waits, cpu_chain)
    });
    chain.map(|_| ticked)
}
// ANCHOR_END: run
