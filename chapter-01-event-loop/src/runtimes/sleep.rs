//! The greeting with no event loop at all: print, sleep, repeat.

use std::time::Duration;

use shared::shutdown::Shutdown;

use crate::greeter::{Flow, Greeter, StopReason};

// ANCHOR: run
/// Greets, then sleeps the thread for `interval`, forever or until the limit.
pub fn run(greeter: &mut Greeter, interval: Duration, shutdown: &Shutdown) -> StopReason {
    loop {
        if let Flow::Stop(reason) = greeter.greet() {
            return reason;
        }
        // A `std::thread::sleep` that Ctrl-C can cut short: with a plain
        // sleep, the program could only notice Ctrl-C between two greetings.
        if shutdown.sleep(interval) {
            return StopReason::CtrlC;
        }
    }
}
// ANCHOR_END: run
