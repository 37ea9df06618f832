//! Exercise 2.6, "Off the loop": the reference solution.

use num_bigint::BigUint;
use shared::workload::product_below;

// ANCHOR: solution
/// `product_below(limit)`, computed where it does not hold up the loop.
pub async fn step_off_the_loop(limit: u32) -> BigUint {
    tokio::task::spawn_blocking(move || product_below(limit))
        .await
        .expect("the step does not panic")
}
// ANCHOR_END: solution
