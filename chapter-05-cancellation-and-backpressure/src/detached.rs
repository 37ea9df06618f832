//! What a drop cannot stop: a job already running on a thread. Dropping
//! its handle (here, when a timeout gives up on it) only stops the
//! waiting; the job runs to its end, burning CPU nobody will use.

use std::sync::Arc;
use std::time::Duration;

use crate::chain;
use crate::observe::progress::Progress;

// ANCHOR: spawn_blocking
/// The whole chain as one job on tokio's blocking pool, given `deadline`.
/// Returns whether the wait timed out; the job goes on either way.
pub async fn spawn_blocking(
    deadline: Duration,
    steps: usize,
    limit: u32,
    progress: Arc<Progress>,
) -> bool {
    let job =
        tokio::task::spawn_blocking(move || chain::run_all(steps, limit, &progress));
    // On timeout the JoinHandle is dropped: that detaches the job, it does
    // not stop it.
    tokio::time::timeout(deadline, job).await.is_err()
}
// ANCHOR_END: spawn_blocking

// ANCHOR: rayon
/// The whole chain as one job on rayon's pool, its result awaited on a
/// channel, given `deadline`. Returns whether the wait timed out.
pub async fn rayon(
    deadline: Duration,
    steps: usize,
    limit: u32,
    progress: Arc<Progress>,
) -> bool {
    let (done, finished) = tokio::sync::oneshot::channel();
    ::rayon::spawn(move || {
        chain::run_all(steps, limit, &progress);
        // Nobody listens any more after a timeout: the send fails, late.
        let _ = done.send(());
    });
    tokio::time::timeout(deadline, finished).await.is_err()
}
// ANCHOR_END: rayon
