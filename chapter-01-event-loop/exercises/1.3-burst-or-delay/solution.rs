//! Exercise 1.3, "Burst or delay": the reference solution.

use tokio::time::MissedTickBehavior;

// ANCHOR: solution
/// The behaviour that makes an interval tick like a callback that re-arms.
pub fn behavior() -> MissedTickBehavior {
    // One late tick, then a new schedule one period after it.
    MissedTickBehavior::Delay
}
// ANCHOR_END: solution
