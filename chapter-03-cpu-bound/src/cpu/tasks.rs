//! Place `tasks`: one async task per call, on a multi-threaded tokio runtime.
//!
//! `async` does not make CPU work parallel by itself: on the current-thread
//! loop (place `loop`) the calls run one after another. A multi-threaded
//! runtime has one worker thread per core, and each worker runs a task, so
//! the calls do run in parallel. But a task that computes never reaches an
//! `.await`: its whole call is one poll. A tokio worker looks at its timers
//! only when it runs out of tasks, or after every 61 polls (the runtime's
//! `event_interval`), so while the queue of calls lasts nobody notices that
//! the ticker's timer has fired.

use std::sync::Arc;

use tokio::runtime::{Builder, Runtime};

use super::Probe;
use super::call::product_bits;

// ANCHOR: run
/// A multi-threaded tokio runtime with one worker per core.
pub fn runtime() -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(shared::machine::cores())
        .enable_time()
        .build()
        .expect("a multi-threaded runtime")
}

/// Spawns one task per call on `runtime`'s workers and returns the
/// fingerprints, in call order.
pub fn run<P>(runtime: &Runtime, calls: usize, limit: u32, probe: &Arc<P>) -> Vec<u64>
where
    P: Probe + Send + 'static,
{
    runtime.block_on(async {
        let tasks: Vec<_> = (1..=calls)
            .map(|call| {
                let probe = Arc::clone(probe);
                tokio::spawn(async move { probe.call(call, |w| product_bits(limit, w)) })
            })
            .collect();
        let mut fingerprints = Vec::new();
        for task in tasks {
            fingerprints.extend(task.await.ok().flatten());
        }
        fingerprints
    })
}
// ANCHOR_END: run
