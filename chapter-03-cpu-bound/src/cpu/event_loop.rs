//! Place `loop`: every call on one event loop, one after another.
//!
//! This is the article's first experiment. On asyncio, each call scheduled
//! the next with `call_soon`; here the future given to `block_on` makes the
//! calls in turn and yields to the loop between them. Nothing else on the
//! loop (the ticker) can run during a call, only between two. And not
//! between every two: when the calls yield, the loop finds no task ready,
//! checks its timers (which wakes the ticker), and then polls the
//! `block_on` future first. So the next call runs before the ticker does,
//! and a tick waits for up to about two calls.

use tokio::runtime::{Builder, Runtime};

use super::Probe;
use super::call::product_bits;

// ANCHOR: run
/// The event loop: a current-thread tokio runtime, one thread.
pub fn runtime() -> Runtime {
    Builder::new_current_thread().enable_time().build().expect("a runtime on this thread")
}

/// Runs the calls on `runtime`'s one loop, one after another, and returns
/// their fingerprints. Whatever else the loop runs (the ticker) gets its
/// turn only between two calls.
pub fn run(runtime: &Runtime, calls: usize, limit: u32, probe: &impl Probe) -> Vec<u64> {
    runtime.block_on(async {
        let mut fingerprints = Vec::new();
        for call in 1..=calls {
            // No .await inside: while a call computes, nothing else on this
            // loop can run.
            let Some(bits) = probe.call(call, |w| product_bits(limit, w)) else { break };
            fingerprints.push(bits);
            // Back to the loop between calls, like the article's `call_soon`.
            tokio::task::yield_now().await;
        }
        fingerprints
    })
}
// ANCHOR_END: run
