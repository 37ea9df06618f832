//! What each runtime provides to the chapter's three jobs, and how each one
//! drives them.
//!
//! The jobs ([`crate::jobs`]) are written once, against the small [`Loop`]
//! trait: sleep, give the loop a turn, and run one CPU step somewhere other
//! than the loop's thread. Each runtime's file implements that trait in its
//! own idiom and says how the three jobs are started on one loop.

pub mod async_std;
pub mod rayon;
pub mod smol;
pub mod tokio;
pub mod tokio_multi_thread;

use std::fmt;
use std::future::Future;
use std::time::Duration;

use num_bigint::BigUint;

// ANCHOR: loop_trait
/// The three things the jobs need from a runtime.
pub trait Loop: Clone + Send + Sync + 'static {
    /// Waits `duration` without blocking the loop.
    fn sleep(&self, duration: Duration) -> impl Future<Output = ()> + Send;

    /// Gives the loop one turn, like asyncio's `call_soon` of the next step:
    /// whatever is ready (a due tick, for example) may run before we go on.
    fn yield_now(&self) -> impl Future<Output = ()> + Send;

    /// Runs `product_below(limit)` on the runtime's own pool for blocking
    /// work and waits for it without blocking the loop.
    fn offload(&self, limit: u32)
    -> impl Future<Output = Result<BigUint, String>> + Send;
}
// ANCHOR_END: loop_trait

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

/// Where the CPU steps run when they are moved off the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Offload {
    /// The runtime's own pool for blocking work (tokio and async-std
    /// `spawn_blocking`, smol through the `blocking` crate's `unblock`).
    Pool,
    /// rayon's thread pool, answering the async job through a oneshot channel.
    Rayon,
}

/// Where one run's CPU steps run: on the loop, or off it and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// On the loop's own thread, as in the article: the loop is blocked.
    OnLoop,
    /// Off the loop.
    Off(Offload),
}

impl Runtime {
    /// Every runtime, in the order the comparison runs them.
    pub const ALL: [Runtime; 4] =
        [Runtime::Tokio, Runtime::AsyncStd, Runtime::Smol, Runtime::TokioMultiThread];

    /// What the program's header says is driving the jobs.
    pub fn description(self) -> &'static str {
        match self {
            Runtime::Tokio => "tokio's current-thread runtime, each job its own task",
            Runtime::AsyncStd => {
                "async-std (discontinued upstream), the jobs joined in one task on the calling thread"
            }
            Runtime::Smol => {
                "smol's local executor on the calling thread, each job its own task"
            }
            Runtime::TokioMultiThread => {
                "tokio's multi-thread runtime, the jobs joined in one task"
            }
        }
    }
}

impl Placement {
    /// Where the steps run, in words, for the given runtime.
    pub fn description(self, runtime: Runtime) -> &'static str {
        match (self, runtime) {
            (Placement::OnLoop, Runtime::TokioMultiThread) => {
                "on the worker thread that runs the jobs' task"
            }
            (Placement::OnLoop, _) => "on the loop's own thread",
            (
                Placement::Off(Offload::Pool),
                Runtime::Tokio | Runtime::TokioMultiThread,
            ) => "off the loop, on tokio's blocking pool (spawn_blocking)",
            (Placement::Off(Offload::Pool), Runtime::AsyncStd) => {
                "off the loop, on async-std's blocking pool (spawn_blocking)"
            }
            (Placement::Off(Offload::Pool), Runtime::Smol) => {
                "off the loop, on the blocking crate's pool (unblock)"
            }
            (Placement::Off(Offload::Rayon), _) => {
                "off the loop, on rayon's pool (a oneshot channel brings the answer back)"
            }
        }
    }

    /// A short label for tables: "on the loop", "spawn_blocking", "rayon".
    pub fn label(self, runtime: Runtime) -> &'static str {
        match (self, runtime) {
            (Placement::OnLoop, _) => "on the loop",
            (Placement::Off(Offload::Pool), Runtime::Smol) => "unblock",
            (Placement::Off(Offload::Pool), _) => "spawn_blocking",
            (Placement::Off(Offload::Rayon), _) => "rayon",
        }
    }
}

impl fmt::Display for Runtime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use clap::ValueEnum;
        let value = self.to_possible_value().expect("no variant is skipped");
        f.write_str(value.get_name())
    }
}
