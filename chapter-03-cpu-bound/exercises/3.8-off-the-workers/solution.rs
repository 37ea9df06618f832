//! Exercise 3.8, "Off the workers": the reference solution.

use std::sync::Arc;

// ANCHOR: solution
/// Runs every call without holding up the runtime's workers.
pub async fn run_off_the_workers(calls: usize, call: Arc<dyn Fn(usize) + Send + Sync>) {
    let handles: Vec<_> = (0..calls)
        .map(|index| {
            let call = Arc::clone(&call);
            tokio::task::spawn_blocking(move || call(index))
        })
        .collect();
    for handle in handles {
        handle.await.expect("a call does not panic");
    }
}
// ANCHOR_END: solution
