//! Exercise 2.1, "Yield inside the step": the reference solution.

use num_bigint::BigUint;

// ANCHOR: solution
/// `(limit - 1)!`, one multiplication at a time, giving the loop turns.
pub async fn product_below_yielding(limit: u32) -> BigUint {
    let mut z = BigUint::from(1u32);
    for x in 1..limit {
        z *= x;
        if x % 1_000 == 0 {
            // Ends the task's turn: a due tick runs before the product goes on.
            tokio::task::yield_now().await;
        }
    }
    z
}
// ANCHOR_END: solution
