//! Exercise 2.7, "On smol": the file you edit.
//!
//! The same as exercise 2.6 on smol: run `product_below(limit)` so that
//! smol's executor stays free while it computes. smol has no
//! `spawn_blocking`; look for its function that runs a blocking closure on
//! a thread pool and returns a future. The check runs your step and a
//! ticker (`smol::Timer`, every 10 ms) as two tasks on smol's executor,
//! which runs its tasks on one thread, and measures the worst lateness of
//! a tick.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 2.7`

use num_bigint::BigUint;
use shared::workload::product_below;

/// `product_below(limit)`, computed where it does not hold up smol's loop.
pub async fn step_on_smol(limit: u32) -> BigUint {
    product_below(limit)
}
