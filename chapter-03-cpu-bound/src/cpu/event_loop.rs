//! Mode `loop`: every call on one event loop, one after another.
//!
//! This is the article's first experiment. On asyncio, each call scheduled
//! the next with `call_soon`; here the future given to `block_on` makes the
//! calls in turn and yields to the loop between them. Nothing else on the
//! loop (the heartbeat) can run during a call, only between two. And not
//! between every two: when the calls yield, the loop finds no task ready,
//! checks its timers (which wakes the heartbeat), and then polls the
//! `block_on` future first. So the next call runs before the heartbeat does,
//! and the heartbeat waits for up to about two calls.

use tokio::runtime::Builder;

use super::call::compute;
use crate::config::Config;
use crate::heartbeat::Heartbeat;
use crate::observe::Observations;
use crate::observe::timeline::Timeline;

// ANCHOR: run
/// Runs the calls on a current-thread tokio runtime: one thread, one loop.
pub fn run(config: &Config, timeline: &Timeline) -> Observations {
    let runtime = Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime on this thread");
    runtime.block_on(async {
        let heartbeat = Heartbeat::start().await;
        let mut fingerprints = Vec::new();
        for call in 1..=config.calls {
            // No .await inside: while a call computes, nothing else on this
            // loop can run.
            let Some(bits) = compute(call, config, timeline) else { break };
            fingerprints.push(bits);
            // Back to the loop between calls, like the article's `call_soon`.
            tokio::task::yield_now().await;
        }
        let heartbeat = Some(heartbeat.stop().await);
        Observations { fingerprints, heartbeat, ..Observations::default() }
    })
}
// ANCHOR_END: run
