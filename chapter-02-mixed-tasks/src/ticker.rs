//! The periodic job: the article's `print_and_repeat`.
//!
//! Each tick notes when it was due and when it actually ran. The next tick is
//! due one interval after this one *ran*, as the article's callback re-arms
//! itself with `call_later(2, ...)` after printing: a late tick pushes the
//! ones after it, it never causes a catch-up burst.

use std::pin::pin;
use std::time::{Duration, Instant};

use futures::future::{Either, select};
use shared::shutdown::Shutdown;

use crate::event_loop::Loop;
use crate::events::{Event, Events};

/// Why a run stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// The ticker ran the ticks it was asked for.
    TicksDone,
    /// The user pressed Ctrl-C.
    CtrlC,
}

// ANCHOR: ticker
/// Ticks every `interval` until `ticks` have run (with none, until Ctrl-C),
/// sending each tick to `events`.
pub async fn run(
    runtime: impl Loop,
    interval: Duration,
    ticks: Option<u64>,
    events: Events,
    shutdown: &Shutdown,
) -> StopReason {
    // The first tick is due at once, like `call_soon`.
    let (mut due, mut number) = (Instant::now(), 0);
    loop {
        let wait = due.saturating_duration_since(Instant::now());
        // A tick already due runs at once: even a zero-length timer would
        // wait for the runtime's next look at its timers.
        if !wait.is_zero() {
            let sleep = pin!(runtime.sleep(wait));
            if let Either::Right(_) = select(sleep, pin!(shutdown.requested())).await {
                return StopReason::CtrlC;
            }
        }
        if shutdown.is_requested() {
            return StopReason::CtrlC;
        }
        let ran = Instant::now();
        number += 1;
        let _ = events.send(Event::Tick { number, due, ran });
        if ticks == Some(number) {
            return StopReason::TicksDone;
        }
        // Re-arm after running, as the article's callback does.
        due = ran + interval;
    }
}
// ANCHOR_END: ticker
