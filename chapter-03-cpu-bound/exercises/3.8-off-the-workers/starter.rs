//! Exercise 3.8, "Off the workers": the file you edit.
//!
//! An async function that runs CPU-bound calls `call(0)` ... `call(calls -
//! 1)` and returns when all have finished. As written, the calls run inside
//! the task, one after another, and the runtime's thread can do nothing
//! else meanwhile. Hand each call to tokio's blocking pool, then await
//! them all. The check runs 4 calls on a current-thread runtime beside a
//! heartbeat task, and measures the heartbeat's longest gap during the
//! calls, whether all had finished when your function returned, and how
//! many were in progress at once.
//!
//! Check: `cargo run -q -p course-book --bin exercises -- check 3.8`

use std::sync::Arc;

/// Runs every call without holding up the runtime's workers.
pub async fn run_off_the_workers(calls: usize, call: Arc<dyn Fn(usize) + Send + Sync>) {
    for index in 0..calls {
        call(index);
    }
}
