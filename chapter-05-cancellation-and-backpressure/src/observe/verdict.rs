//! The lesson's words, computed from the measurements.

use std::time::Duration;

use crate::observe::deadline::AfterDeadline;
use crate::observe::step::Step;

// ANCHOR: stop
/// The most CPU, in steps, that may run after the caller gave up for a job
/// to count as stopped: the step in progress (a whole one when the deadline
/// falls at its start) and a step and a half for the noise of measuring (a
/// step inside a run may take half as long again as its calibration: Python's
/// token job measured 1.6 calibrated steps in one run where it stopped at
/// the step's end, its steps longer than calibrated). A job that runs on
/// does 4 steps or more.
pub const STOPPED_BELOW_STEPS: f64 = 2.5;

/// How a job given a deadline stopped once its caller gave up, judged in
/// steps of CPU against [`STOPPED_BELOW_STEPS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// A step began and never ended: the job was cut in the middle of it.
    MidStep,
    /// Only the step in progress ran on: it stopped at that step's end.
    AtStepEnd,
    /// More ran: the job went on with its next steps.
    RanOn,
}

impl Stop {
    /// The verdict for `after`, with `step` as the unit.
    pub fn of(after: &AfterDeadline, step: &Step) -> Stop {
        if step.of_cpu(after.cpu_after_giving_up) >= STOPPED_BELOW_STEPS {
            Stop::RanOn
        } else if after.finished < after.started {
            Stop::MidStep
        } else {
            Stop::AtStepEnd
        }
    }

    /// The words.
    pub fn words(self) -> &'static str {
        match self {
            Stop::MidStep => "stopped mid-step",
            Stop::AtStepEnd => "stopped at the step's end",
            Stop::RanOn => "ran on",
        }
    }
}

// ANCHOR_END: stop

/// Whether steps began after an abort: the tasks stopped at their next
/// `.await` if none did.
pub fn stopped_at_await(started_after: u64) -> &'static str {
    if started_after == 0 { "stopped at the next .await" } else { "not stopped" }
}

/// Whether memory grew with the queue: more than a tenth of everything the
/// producer made was resident at once above the start.
pub fn memory(growth: u64, payload: u64) -> &'static str {
    if growth * 10 > payload { "grew" } else { "flat" }
}

/// Whether the producer ran at the consumer's pace: its rate within a
/// quarter of the consumer's.
pub fn paced(producer_per_s: f64, consumer_per_s: f64) -> &'static str {
    if producer_per_s <= consumer_per_s * 1.25 {
        "at the consumer's pace"
    } else {
        "ran ahead"
    }
}

/// The latency of the request at the middle of `latencies` and the worst.
pub fn median_and_worst(latencies: &[Duration]) -> (Duration, Duration) {
    let median = shared::stats::median(latencies).unwrap_or_default();
    let worst = latencies.iter().max().copied().unwrap_or_default();
    (median, worst)
}
