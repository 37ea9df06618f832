//! The periodic job: the article's `print_and_repeat`, with a stopwatch.
//!
//! Each tick notes when it was due and when it actually ran. The next tick is
//! due one interval after this one *ran*, as the article's callback re-arms
//! itself with `call_later(2, ...)` after printing: a late tick pushes the
//! ones after it, it never causes a catch-up burst.

use std::time::{Duration, Instant};

use futures::future::{Either, select};
use shared::shutdown::Shutdown;

use crate::events::{Event, Events, Tick};
use crate::runtimes::Loop;

/// How often to tick, how many times, and from when.
#[derive(Debug, Clone, Copy)]
pub struct TickPlan {
    /// The time between one tick running and the next one being due.
    pub interval: Duration,
    /// Stop after this many ticks (`None`: until Ctrl-C).
    pub ticks: Option<u64>,
    /// The instant all times are measured from.
    pub start: Instant,
}

/// Why the ticker stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// The `--ticks` limit was reached.
    TicksDone,
    /// The user pressed Ctrl-C.
    CtrlC,
}

// ANCHOR: ticker
/// Ticks until the plan is done or Ctrl-C, then tells the other jobs to stop
/// by requesting `done`.
pub async fn run<L: Loop>(
    runtime: L,
    plan: TickPlan,
    events: Events,
    ctrl_c: &'static Shutdown,
    done: &Shutdown,
) -> (Vec<Tick>, StopReason) {
    let mut ticks: Vec<Tick> = Vec::new();
    // The first tick is due at once, like `call_soon`.
    let mut due = Instant::now();
    let reason = loop {
        let wait = due.saturating_duration_since(Instant::now());
        // A tick already due runs at once: even a zero-length timer would
        // wait for the runtime's next look at its timers.
        if !wait.is_zero() {
            let sleep = std::pin::pin!(runtime.sleep(wait));
            let stop = std::pin::pin!(ctrl_c.requested());
            if let Either::Right(_) = select(sleep, stop).await {
                break StopReason::CtrlC;
            }
        }
        if ctrl_c.is_requested() {
            break StopReason::CtrlC;
        }
        let ran = Instant::now();
        let tick = Tick {
            number: ticks.len() as u64 + 1,
            due: due - plan.start,
            ran: ran - plan.start,
            gap: ticks.last().map(|previous| (ran - plan.start) - previous.ran),
        };
        // Nobody listening is fine: the tick is kept either way.
        let _ = events.send(Event::Tick(tick));
        ticks.push(tick);
        if plan.ticks.is_some_and(|limit| tick.number >= limit) {
            break StopReason::TicksDone;
        }
        // Re-arm after running, as the article's callback does.
        due = ran + plan.interval;
    };
    done.request();
    (ticks, reason)
}
// ANCHOR_END: ticker
