//! The unit of Part 1: one step of the chain, timed on this machine before
//! the jobs run, so that "one and a half steps" and "one step of CPU" mean
//! the same on a fast machine and a slow one.

use std::time::Duration;

use shared::measure::measure;
use shared::stats::median;

use crate::observe::progress::Progress;

/// One step's wall time and CPU time (the medians of three).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Wall time of one step.
    pub wall: Duration,
    /// CPU time of one step.
    pub cpu: Duration,
}

/// Times three steps of `limit` on this thread; keeps the medians.
pub fn calibrate(limit: u32) -> Step {
    let scratch = Progress::new();
    let runs: Vec<_> = (0..3).map(|_| measure(|| scratch.step(limit)).1).collect();
    let walls: Vec<_> = runs.iter().map(|m| m.wall).collect();
    let cpus: Vec<_> = runs.iter().map(|m| m.cpu.total()).collect();
    Step {
        wall: median(&walls).unwrap_or_default(),
        cpu: median(&cpus).unwrap_or_default(),
    }
}

impl Step {
    /// `d` in steps of CPU: 0.5 for half a step.
    pub fn of_cpu(&self, d: Duration) -> f64 {
        if self.cpu.is_zero() { 0.0 } else { d.as_secs_f64() / self.cpu.as_secs_f64() }
    }
}
