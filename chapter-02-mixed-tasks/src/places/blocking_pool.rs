//! tokio's pool for blocking work: `spawn_blocking`.
//!
//! The runtime keeps a pool of threads beside its workers. A step goes to an
//! idle pool thread, or to a new one while there are fewer than
//! `max_blocking_threads` (512 by default); an idle thread ends after
//! `thread_keep_alive` (10 s by default). A step that has started cannot be
//! aborted: `JoinHandle::abort` has no effect on it.

use super::failure::Failure;

// ANCHOR: blocking_pool
/// Runs `step` on the runtime's blocking pool and awaits it; the loop is
/// free meanwhile. A panic comes back as a `JoinError` that `is_panic`.
pub async fn run<T: Send + 'static>(
    step: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Failure> {
    tokio::task::spawn_blocking(step).await.map_err(Failure::from_join)
}
// ANCHOR_END: blocking_pool
