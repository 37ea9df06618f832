//! Exercise 1.3, "Burst or delay": the file you edit.
//!
//! The article's greeting re-arms itself with `call_later` after each run:
//! after a stall, it runs once, late, and then one period after each run.
//! Which `MissedTickBehavior` gives a tokio `interval` that rhythm? The
//! check ticks an interval of 500 ms with your choice on tokio's paused
//! clock, stalls it for 1 750 ms after the first tick, and measures when
//! each tick came.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 1.3`

use tokio::time::MissedTickBehavior;

/// The behaviour that makes an interval tick like a callback that re-arms.
pub fn behavior() -> MissedTickBehavior {
    MissedTickBehavior::Burst
}
