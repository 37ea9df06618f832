//! The I/O-bound contrast the article promised: jobs that wait instead of
//! compute, on the same four modes, then scaled up to thousands of jobs.
//!
//! A timer stands in for the disk or the network: like a read, it keeps the
//! job waiting without using the CPU, and unlike a real read it waits the
//! same time on every machine, so the comparison is fair.

pub mod jobs;
pub mod scale;

use std::time::Duration;

use shared::shutdown::Shutdown;

/// What every I/O mode is asked to do.
#[derive(Debug, Clone, Copy)]
pub struct IoSettings {
    /// How many jobs.
    pub jobs: usize,
    /// How long each job waits.
    pub wait: Duration,
    /// Ctrl-C: every wait ends early when it is pressed.
    pub shutdown: &'static Shutdown,
}
