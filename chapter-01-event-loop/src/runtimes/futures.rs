//! The greeting as an `async fn` on the chapter's own loop: the callback
//! chain of `callbacks.rs` becomes a plain `loop` with `sleep(..).await`.

use std::time::Duration;

use shared::shutdown::Shutdown;
use smol::future;

use crate::callback_loop::EventLoop;
use crate::greeter::{Flow, Greeter, StopReason};
use crate::loop_futures::sleep;

// ANCHOR: greet_every
/// Greets, then sleeps on the loop's timer heap, until the greeter stops or
/// Ctrl-C.
pub async fn greet_every(
    greeter: &mut Greeter,
    interval: Duration,
    shutdown: &Shutdown,
) -> StopReason {
    loop {
        if let Flow::Stop(reason) = greeter.greet() {
            return reason;
        }
        // `or` (futures-lite, through smol) polls both and returns the first
        // output: any runtime's combinator works with any runtime's futures.
        let tick = async {
            sleep(interval).await;
            false
        };
        let ctrl_c = async {
            shutdown.requested().await; // woken from the signal's thread
            true
        };
        if future::or(tick, ctrl_c).await {
            return StopReason::CtrlC;
        }
    }
}
// ANCHOR_END: greet_every

// ANCHOR: run
/// Spawns the greeting on a new loop and runs the loop until it finishes.
pub fn run(
    mut greeter: Greeter,
    interval: Duration,
    shutdown: &'static Shutdown,
) -> (Greeter, StopReason) {
    let mut event_loop = EventLoop::new();
    let task = async move {
        let reason = greet_every(&mut greeter, interval, shutdown).await;
        (greeter, reason)
    };
    event_loop.run_until_complete(task).expect("only the task stops this loop")
}
// ANCHOR_END: run
