//! Exercise 4.8, "Hand off to the pool": the file you edit.
//!
//! An async function that needs `product_below(limit)` and must not block
//! its loop: hand the work to the rayon pool and await the answer (a
//! `tokio::sync::oneshot` channel carries it back). `pool.install` runs the
//! work on the pool, but the calling thread waits for it, so the loop is
//! blocked. The check runs your function on a current-thread tokio runtime
//! beside a heartbeat task, and measures the heartbeat's longest gap
//! during the call.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 4.8`

use num_bigint::BigUint;
use shared::workload::product_below;

/// `product_below(limit)`, computed on `pool` while the loop stays free.
pub async fn hand_off(pool: &rayon::ThreadPool, limit: u32) -> BigUint {
    pool.install(|| product_below(limit))
}
