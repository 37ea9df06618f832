//! What each runtime gives the chapter's jobs, and how each one runs three
//! jobs on one loop.
//!
//! The jobs ([`crate::jobs`]) are written once, against the small [`Loop`]
//! trait: sleep, end a turn, and run one CPU step somewhere other than the
//! loop's thread. Each runtime's file implements that trait in its own idiom,
//! and its `run` drives the three jobs on one loop.

pub mod async_std;
pub mod rayon;
pub mod smol;
pub mod tokio;
pub mod tokio_multi_thread;

use std::fmt;
use std::future::Future;
use std::time::Duration;

use num_bigint::BigUint;

use crate::jobs::Jobs;
use crate::ticker::StopReason;

// ANCHOR: loop_trait
/// The three things the jobs need from a runtime.
pub trait Loop: Clone + Send + Sync + 'static {
    /// Waits `duration` without blocking the loop.
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send;

    /// Ends the task's turn so that the loop can run something else before
    /// the task goes on. What runs first is the runtime's choice: tokio's
    /// yield lets a timer that fell due run first, asyncio's `call_soon`
    /// does not (see the chapter's page).
    fn yield_now(&self) -> impl Future<Output = ()> + Send;

    /// Runs `product_below(limit)` on the runtime's own pool for blocking
    /// work and waits for it without blocking the loop.
    fn offload(&self, limit: u32)
    -> impl Future<Output = Result<BigUint, String>> + Send;
}
// ANCHOR_END: loop_trait

/// A job a runtime can run: a future that owns what it needs and may move
/// to another thread, as `tokio::spawn` requires.
pub trait Job: Future<Output: Send + 'static> + Send + 'static {}

impl<F: Future<Output: Send + 'static> + Send + 'static> Job for F {}

/// Runs the three jobs on `runtime`'s loop; hands back why the run stopped.
pub fn run(runtime: Runtime, jobs: &Jobs) -> Result<StopReason, String> {
    match runtime {
        Runtime::Tokio => tokio::run(jobs),
        Runtime::AsyncStd => async_std::run(jobs),
        Runtime::Smol => smol::run(jobs),
        Runtime::TokioMultiThread => tokio_multi_thread::run(jobs),
    }
}

/// Which runtime drives the jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Runtime {
    /// tokio's current-thread runtime: one thread, the closest match to asyncio's loop.
    Tokio,
    /// async-std (discontinued upstream, still common in older code): one task on the calling thread.
    AsyncStd,
    /// smol: a local executor on the calling thread.
    Smol,
    /// tokio's multi-thread runtime, one worker per core, the three jobs joined in one task.
    TokioMultiThread,
}

/// Where the CPU steps run. `--offload` names the places off the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Place {
    /// On the loop's own thread, as in the article: the loop is blocked.
    #[value(skip)]
    OnLoop,
    /// The runtime's own pool for blocking work (tokio and async-std
    /// `spawn_blocking`, smol through the `blocking` crate's `unblock`).
    Pool,
    /// rayon's thread pool, answering the async job through a oneshot channel.
    Rayon,
}

impl Runtime {
    /// Every runtime, in the order `--all-runtimes` runs them.
    pub const ALL: [Runtime; 4] =
        [Runtime::Tokio, Runtime::AsyncStd, Runtime::Smol, Runtime::TokioMultiThread];
}

impl fmt::Display for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use clap::ValueEnum;
        let value = self.to_possible_value().expect("no variant is skipped");
        f.write_str(value.get_name())
    }
}
