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

use tokio::runtime::Builder;

use super::Probe;
use super::call::product_bits;
use crate::ticker::{Tick, Ticker};

// ANCHOR: run
/// Runs the calls on a current-thread tokio runtime: one thread, one loop,
/// and a ticker beside the calls. Returns the fingerprints and the ticks.
pub fn run(calls: usize, limit: u32, probe: &impl Probe) -> (Vec<u64>, Vec<Tick>) {
    let runtime = Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime on this thread");
    runtime.block_on(async {
        let ticker = Ticker::start().await;
        let mut fingerprints = Vec::new();
        for call in 1..=calls {
            // No .await inside: while a call computes, nothing else on this
            // loop can run.
            let Some(bits) = probe.call(call, |w| product_bits(limit, w)) else { break };
            fingerprints.push(bits);
            // Back to the loop between calls, like the article's `call_soon`.
            tokio::task::yield_now().await;
        }
        (fingerprints, ticker.stop().await)
    })
}
// ANCHOR_END: run
