//! The CPU-bound experiment: the same calls of the workload, four ways.
//!
//! Each mode file holds one way of running the calls; this module holds what
//! they share: one call ([`compute`]), the settings, and what a mode returns.

pub mod event_loop;
pub mod gil_threads;
pub mod tasks;
pub mod threads;

use std::time::{Duration, Instant};

use shared::shutdown::Shutdown;
use shared::workload;

use crate::interruptible::{self, Flow};
use crate::timeline::Timeline;

pub use crate::modes::Outcome;

/// What every CPU mode is asked to do.
#[derive(Debug, Clone, Copy)]
pub struct CpuSettings {
    /// How many calls to make.
    pub calls: usize,
    /// Each call multiplies the integers in `1..limit`.
    pub limit: u32,
    /// The GIL model's switch interval.
    pub switch_interval: Duration,
    /// Ctrl-C: every call checks it between multiplications.
    pub shutdown: &'static Shutdown,
}

/// Ctrl-C ends every call at its next multiplication.
pub fn stop_on(shutdown: &Shutdown) -> Flow {
    if shutdown.is_requested() { Flow::Stop } else { Flow::Continue }
}

// ANCHOR: compute
/// One call of the workload, recorded on the timeline: the span it computed,
/// then its place in the finishing order. Returns the result's fingerprint,
/// or `None` if Ctrl-C stopped it.
pub fn compute(call: usize, settings: &CpuSettings, timeline: &Timeline) -> Option<u64> {
    let start = Instant::now();
    let product =
        interruptible::product_below(settings.limit, || stop_on(settings.shutdown));
    timeline.record(call, start, Instant::now());
    let product = product?;
    timeline.finish(call);
    Some(workload::fingerprint(&product))
}
// ANCHOR_END: compute
