//! Exercise 4.8, "Hand off to the pool": the reference solution.

use num_bigint::BigUint;
use shared::workload::product_below;

// ANCHOR: solution
/// `product_below(limit)`, computed on `pool` while the loop stays free.
pub async fn hand_off(pool: &rayon::ThreadPool, limit: u32) -> BigUint {
    let (sender, answer) = tokio::sync::oneshot::channel();
    pool.spawn(move || {
        let _ = sender.send(product_below(limit)); // the loop may have gone
    });
    answer.await.expect("the pool runs every job it is given")
}
// ANCHOR_END: solution
