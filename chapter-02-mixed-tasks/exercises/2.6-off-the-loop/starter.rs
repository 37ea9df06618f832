//! Exercise 2.6, "Off the loop": the file you edit.
//!
//! Run the step, `shared::workload::product_below(limit)`, so that the loop
//! stays free while it computes: hand it to tokio's blocking pool and await
//! the answer. The check runs your step on a current-thread tokio runtime
//! beside the course's ticker, every 10 ms, and measures how long a tick
//! waited: a tick that waited for the step waited more than half of it.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 2.6`

use num_bigint::BigUint;
use shared::workload::product_below;

/// `product_below(limit)`, computed where it does not hold up the loop.
pub async fn step_off_the_loop(limit: u32) -> BigUint {
    product_below(limit)
}
