//! The greeting on async-std.
//!
//! async-std is discontinued upstream (its authors point to smol, and
//! RUSTSEC-2025-0052 marks it unmaintained). It still works, and readers meet
//! it in older code, so the course shows it.

use std::time::Duration;

use async_std::{future, task};
use shared::shutdown::Shutdown;

use crate::greeter::{Flow, Greeter, StopReason};

// ANCHOR: greet_every
/// Greets, then waits `interval` for Ctrl-C; a timeout means "greet again".
pub async fn greet_every(
    greeter: &mut Greeter,
    interval: Duration,
    shutdown: &Shutdown,
) -> StopReason {
    loop {
        if let Flow::Stop(reason) = greeter.greet() {
            return reason;
        }
        // `timeout` races the Ctrl-C future against a timer: Ok means Ctrl-C
        // came first, Err means the interval passed.
        if future::timeout(interval, shutdown.requested()).await.is_ok() {
            return StopReason::CtrlC;
        }
    }
}
// ANCHOR_END: greet_every

/// `task::block_on` runs the future on the calling thread, as
/// `#[async_std::main]` does.
pub fn run(greeter: &mut Greeter, interval: Duration, shutdown: &Shutdown) -> StopReason {
    task::block_on(greet_every(greeter, interval, shutdown))
}
