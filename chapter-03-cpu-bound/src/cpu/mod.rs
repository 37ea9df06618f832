//! The CPU-bound experiment: the same calls of the workload, four ways.
//!
//! Each mode file holds one way of running the calls; this module holds what
//! they share: one call ([`compute`]) and running a mode, measured
//! ([`run`]).

pub mod event_loop;
pub mod gil_threads;
pub mod tasks;
pub mod threads;

use std::time::Instant;

use shared::shutdown::Shutdown;
use shared::workload;

use crate::config::Config;
use crate::interruptible::{self, Flow};
use crate::observe::timeline::Timeline;
use crate::observe::{self, Mode, ModeRun};

// ANCHOR: measure_mode
/// Runs one mode once: measured from outside (wall and CPU time, with
/// nothing else running in this process) and observed from inside (the
/// timeline).
pub fn run(mode: Mode, config: &Config) -> ModeRun {
    let stopped = || config.shutdown.is_requested();
    observe::measure(
        mode,
        config.calls,
        |timeline| match mode {
            Mode::Loop => event_loop::run(config, timeline),
            Mode::Threads => threads::run(config, timeline),
            Mode::Gil => gil_threads::run(config, timeline),
            Mode::Tasks => tasks::run(config, timeline),
        },
        stopped,
    )
}
// ANCHOR_END: measure_mode

/// Ctrl-C ends every call at its next multiplication.
pub fn stop_on(shutdown: &Shutdown) -> Flow {
    if shutdown.is_requested() { Flow::Stop } else { Flow::Continue }
}

// ANCHOR: compute
/// One call of the workload, recorded on the timeline: the span it computed,
/// then its place in the finishing order. Returns the result's fingerprint,
/// or `None` if Ctrl-C stopped it.
pub fn compute(call: usize, config: &Config, timeline: &Timeline) -> Option<u64> {
    let start = Instant::now();
    let product = interruptible::product_below(config.limit, || stop_on(config.shutdown));
    timeline.record(call, start, Instant::now());
    let product = product?;
    timeline.finish(call);
    Some(workload::fingerprint(&product))
}
// ANCHOR_END: compute
