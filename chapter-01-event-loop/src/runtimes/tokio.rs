//! The greeting on tokio's current-thread runtime: one thread, one loop, the
//! closest match to asyncio's event loop.

use std::time::Duration;

use shared::shutdown::Shutdown;
use tokio::time::{self, MissedTickBehavior};

use crate::greeter::{Flow, Greeter, StopReason};

// ANCHOR: greet_every
/// Greets every `interval` until the greeter stops or Ctrl-C.
pub async fn greet_every(
    greeter: &mut Greeter,
    interval: Duration,
    shutdown: &Shutdown,
) -> StopReason {
    let mut ticks = time::interval(interval);
    // The article's callback re-arms itself after it runs: after a stall the
    // next greeting comes one full interval later, not in a catch-up burst.
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    loop {
        // The first tick completes at once, like `call_soon`.
        tokio::select! {
            _ = ticks.tick() => {}
            _ = shutdown.requested() => return StopReason::CtrlC,
        }
        if let Flow::Stop(reason) = greeter.greet() {
            return reason;
        }
    }
}
// ANCHOR_END: greet_every

// ANCHOR: run
/// Builds a current-thread runtime (what `#[tokio::main(flavor =
/// "current_thread")]` expands to) and drives the greeting on it.
pub fn run(greeter: &mut Greeter, interval: Duration, shutdown: &Shutdown) -> StopReason {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a current-thread runtime needs no resources that can be missing");
    runtime.block_on(greet_every(greeter, interval, shutdown))
}
// ANCHOR_END: run
