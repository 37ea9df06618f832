//! Exercise 2.1, "Yield inside the step": the file you edit.
//!
//! `shared::workload::product_below`, made `async`: make it give the loop a
//! turn with `tokio::task::yield_now().await` every 1 000 multiplications,
//! so that a tick that falls due during the step waits for a small slice of
//! it, not for all of it. The check runs your step on a current-thread
//! tokio runtime beside the course's ticker, every 10 ms, and measures how
//! many turns your step gave the loop (one every 1 000 multiplications, at
//! least) and how long a tick waited (less than half the step).
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 2.1`

use num_bigint::BigUint;

/// `(limit - 1)!`, one multiplication at a time, giving the loop turns.
pub async fn product_below_yielding(limit: u32) -> BigUint {
    let mut z = BigUint::from(1u32);
    for x in 1..limit {
        z *= x;
    }
    z
}
