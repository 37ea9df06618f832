//! Solutions to the page's exercises that are variants of the chapter's code.
//!
//! Exercise 1 asks for a CPU step that gives the loop a turn now and then, so
//! that a tick falling due in the middle of a step waits for a slice of it,
//! not all of it. The tests in `tests/exercises.rs` check it.

use num_bigint::BigUint;

// ANCHOR: exercise_1_solution
/// [`shared::workload::product_below`], made `async`: the same product, with
/// a `tokio::task::yield_now().await` after every `every` multiplications.
///
/// Each yield ends the task's turn, so whatever is ready on the loop (a due
/// tick) runs before the product goes on. `every` larger than `limit` never
/// yields: then it is the article's step again, one long turn.
pub async fn product_below_yielding(limit: u32, every: u32) -> BigUint {
    let mut z = BigUint::from(1u32);
    for x in 1..limit {
        z *= x;
        if x % every == 0 {
            tokio::task::yield_now().await;
        }
    }
    z
}
// ANCHOR_END: exercise_1_solution
