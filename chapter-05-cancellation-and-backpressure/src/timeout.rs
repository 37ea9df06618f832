//! A future is cancelled by being dropped. `tokio::time::timeout` drops the
//! future it wraps when its time is up; the future was waiting at an
//! `.await`, and that is where it stops: the code after that `.await`
//! never runs.

use std::sync::Arc;
use std::time::Duration;

use crate::observe::progress::Progress;

// ANCHOR: awaited_steps
/// The chain as a future: each step goes to tokio's blocking pool and is
/// awaited. Between two steps the future waits at an `.await`: a place
/// where it can be dropped.
pub async fn awaited_steps(steps: usize, limit: u32, progress: Arc<Progress>) {
    for _ in 0..steps {
        let progress = Arc::clone(&progress);
        let step = tokio::task::spawn_blocking(move || progress.step(limit));
        // Dropped here: the step in flight runs on (a blocking thread cannot
        // be stopped), the steps after it never start.
        let _ = step.await;
    }
}
// ANCHOR_END: awaited_steps

// ANCHOR: timeout
/// Gives the chain `deadline`; returns whether the timeout dropped it.
pub async fn with_timeout(
    deadline: Duration,
    steps: usize,
    limit: u32,
    progress: Arc<Progress>,
) -> bool {
    let chain = awaited_steps(steps, limit, progress);
    tokio::time::timeout(deadline, chain).await.is_err()
}
// ANCHOR_END: timeout
