//! Mode `loop`: every call on one event loop, one after another.
//!
//! This is the article's first experiment. On asyncio, each call scheduled
//! the next with `call_soon`; here one task makes the calls in turn and
//! yields to the loop between them, which lets anything else on the loop (the
//! heartbeat) run between two calls, and never during one.

use tokio::runtime::Builder;

use super::{CpuSettings, Outcome, compute};
use crate::heartbeat::Heartbeat;
use crate::timeline::Timeline;

// ANCHOR: run
/// Runs the calls on a current-thread tokio runtime: one thread, one loop.
pub fn run(settings: &CpuSettings, timeline: &Timeline) -> Outcome {
    let runtime = Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime on this thread");
    runtime.block_on(async {
        let heartbeat = Heartbeat::start().await;
        let mut fingerprints = Vec::new();
        for call in 1..=settings.calls {
            // No .await inside: while a call computes, nothing else on this
            // loop can run.
            let Some(bits) = compute(call, settings, timeline) else { break };
            fingerprints.push(bits);
            // Back to the loop between calls, like the article's `call_soon`.
            tokio::task::yield_now().await;
        }
        let heartbeat_late = Some(heartbeat.stop().await);
        Outcome { fingerprints, heartbeat_late, ..Outcome::default() }
    })
}
// ANCHOR_END: run
