//! A rayon pool: a fixed number of threads made for CPU work, and the one
//! bridge from any async runtime to it.
//!
//! rayon is a pool for CPU work, not an async runtime: its `spawn` gives
//! nothing to await, so a oneshot channel carries the answer back. tokio's
//! oneshot needs no tokio runtime ("runtime agnostic", says `tokio::sync`),
//! so the same bridge serves async-std and smol. A panic inside `spawn` goes
//! to the pool's `panic_handler`, and without one rayon aborts the whole
//! process: the step catches its own panic and sends it back as the answer.
//! A closure on a rayon thread must never wait for the loop (`block_on` of
//! something the loop must do, or a channel the loop fills): rayon's
//! documentation warns that a closure blocked waiting on another can
//! deadlock the pool.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::LazyLock;

use super::failure::Failure;

// ANCHOR: rayon_pool
/// Runs `step` on `pool` and awaits its answer through a oneshot channel.
pub async fn run<T: Send + 'static>(
    pool: &rayon::ThreadPool,
    step: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Failure> {
    let (answer, receiver) = tokio::sync::oneshot::channel();
    pool.spawn(move || {
        // Uncaught, a panic here would abort the process: catch it and
        // send it back. (`step` is used once and dropped: nothing is left
        // half-changed for anyone to see after the panic.)
        let _ = answer.send(catch_unwind(AssertUnwindSafe(step)));
    });
    let outcome = receiver.await.map_err(|_| Failure::Lost("the rayon pool"))?;
    outcome.map_err(Failure::panicked)
}
// ANCHOR_END: rayon_pool

/// The pool of the chapter's CPU chain (`--offload rayon`): built the first
/// time it is asked for, one thread per core, as rayon's global pool is.
pub fn shared_pool() -> Result<&'static rayon::ThreadPool, Failure> {
    static POOL: LazyLock<Result<rayon::ThreadPool, rayon::ThreadPoolBuildError>> =
        LazyLock::new(|| rayon::ThreadPoolBuilder::new().build());
    POOL.as_ref().map_err(|_| Failure::Lost("rayon could not start its threads"))
}
