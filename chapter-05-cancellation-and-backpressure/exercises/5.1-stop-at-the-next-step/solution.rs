//! Exercise 5.1, "Stop at the next step": the reference solution.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;

// ANCHOR: solution
/// Runs the chain off the runtime's thread; returns the steps finished.
pub async fn run_chain(
    steps: usize,
    step: Arc<dyn Fn(usize) + Send + Sync>,
    token: CancellationToken,
) -> usize {
    let chain = move || {
        for index in 0..steps {
            // A step cannot be stopped once begun: look before each one.
            if token.is_cancelled() {
                return index;
            }
            step(index);
        }
        steps
    };
    // Awaiting the job, not just the cancel: the chain has stopped when
    // this returns, and nothing of it runs on.
    tokio::task::spawn_blocking(chain).await.expect("the chain does not panic")
}
// ANCHOR_END: solution
