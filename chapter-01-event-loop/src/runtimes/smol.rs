//! The greeting on smol, the small runtime that async-std's authors now
//! recommend.

use std::time::Duration;

use shared::shutdown::Shutdown;
use smol::stream::StreamExt;
use smol::{Timer, future};

use crate::greeter::{Flow, Greeter, StopReason};

// ANCHOR: greet_every
/// Greets now, then on every tick of a periodic timer, until the greeter
/// stops or Ctrl-C.
pub async fn greet_every(
    greeter: &mut Greeter,
    interval: Duration,
    shutdown: &Shutdown,
) -> StopReason {
    // smol's interval ticks first after one period, so greet once up front.
    let mut ticks = Timer::interval(interval);
    loop {
        if let Flow::Stop(reason) = greeter.greet() {
            return reason;
        }
        // `or` polls both futures and returns the output of the first to finish.
        let tick = async {
            ticks.next().await;
            false
        };
        let ctrl_c = async {
            shutdown.requested().await;
            true
        };
        if future::or(tick, ctrl_c).await {
            return StopReason::CtrlC;
        }
    }
}
// ANCHOR_END: greet_every

/// `smol::block_on` drives the future on the calling thread.
pub fn run(greeter: &mut Greeter, interval: Duration, shutdown: &Shutdown) -> StopReason {
    smol::block_on(greet_every(greeter, interval, shutdown))
}
