//! The CPU-bound experiment: the same calls of the workload, four ways.
//!
//! Each mode file holds one way of running the calls; [`call`] holds what
//! they share, one call of the workload; this module runs a mode, measured
//! ([`run`]).

pub mod call;
pub mod event_loop;
pub mod gil_threads;
pub mod tasks;
pub mod threads;

use crate::config::Config;
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
