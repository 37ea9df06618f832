//! Exercise 2.7, "On smol": the reference solution.

use num_bigint::BigUint;
use shared::workload::product_below;

// ANCHOR: solution
/// `product_below(limit)`, computed where it does not hold up smol's loop.
pub async fn step_on_smol(limit: u32) -> BigUint {
    smol::unblock(move || product_below(limit)).await
}
// ANCHOR_END: solution
