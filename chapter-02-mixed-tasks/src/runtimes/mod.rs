//! What each runtime gives the chapter's jobs, and how each one runs three
//! jobs on one loop.
//!
//! The jobs ([`crate::jobs`]) are written once, against the small
//! [`crate::event_loop::Loop`] trait: sleep, end a turn, and run one CPU step
//! somewhere other than the loop's thread. Each runtime's file implements
//! that trait in its own idiom, and its `run` drives the three jobs on one
//! loop.

pub mod async_std;
pub mod smol;
pub mod tokio;
pub mod tokio_multi_thread;

use crate::jobs::{Jobs, Ticked};
use std::fmt;

/// Runs the three jobs on `runtime`'s loop; hands back the ticker's ticks
/// and why it ended.
pub fn run(runtime: Runtime, jobs: &Jobs) -> Result<Ticked, String> {
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
