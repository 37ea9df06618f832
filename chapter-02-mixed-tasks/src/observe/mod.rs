//! Measuring and verdicts: one run measured from outside the jobs, how late
//! each tick was, what a run adds up to, the step size picked from this
//! machine, and the run as a record.
//!
//! The jobs only send events; everything that turns them into times and
//! judgements lives here, so that the report only has to print it.

pub mod calibrate;
mod measured;
pub mod places;
pub mod record;

use std::time::Duration;

use shared::stats::median;

pub use measured::{Measured, Run, Seen, Step, Tick, measure};

use crate::ticker::StopReason;

// ANCHOR: lateness
/// How long after its due time a tick ran (zero for an early one).
pub fn lateness(tick: &Tick) -> Duration {
    tick.ran.saturating_sub(tick.due)
}

/// Whether a tick ran more than `late_after` after it was due.
pub fn is_late(tick: &Tick, late_after: Duration) -> bool {
    lateness(tick) > late_after
}
// ANCHOR_END: lateness

/// A tick that fell due and never ran because the run stopped first: the
/// latest tick of all. Its number and due time, and how long it had waited
/// when the run stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Waiting {
    /// The number it would have had.
    pub number: u64,
    /// When it fell due.
    pub due: Duration,
    /// The stop time minus its due time.
    pub lateness: Duration,
}

impl Measured {
    /// The tick still waiting when Ctrl-C stopped the run, if one had fallen
    /// due: the next tick is due one interval after the last one ran (the
    /// first, at the start).
    pub fn waiting(&self) -> Option<Waiting> {
        if self.stop != StopReason::CtrlC {
            return None;
        }
        let due =
            self.ticks.last().map_or(Duration::ZERO, |last| last.ran + self.run.interval);
        let number = self.ticks.len() as u64 + 1;
        (self.stopped > due).then(|| Waiting {
            number,
            due,
            lateness: self.stopped - due,
        })
    }
}

/// What one run adds up to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Ticks that ran, plus the one still waiting, if any.
    pub ticks: usize,
    /// Of those, ticks that ran (or waited) more than `late_after` late.
    pub late: usize,
    /// The tick still waiting when the run stopped, counted above.
    pub waiting: Option<Waiting>,
    /// The largest lateness of any tick, the waiting one included.
    pub worst_lateness: Duration,
    /// One CPU step, the median (none if no step finished).
    pub step: Option<Duration>,
    /// The most a random wait overshot (none if no wait finished).
    pub overshoot: Option<Duration>,
}

impl Summary {
    /// Adds up `measured`, judging ticks against its `late_after`.
    pub fn of(measured: &Measured) -> Summary {
        let late_after = measured.run.late_after;
        let waiting = measured.waiting();
        let lateness =
            measured.ticks.iter().map(lateness).chain(waiting.map(|w| w.lateness));
        let lateness: Vec<Duration> = lateness.collect();
        let steps: Vec<_> = measured.steps.iter().map(|step| step.took).collect();
        Summary {
            ticks: lateness.len(),
            late: lateness.iter().filter(|&&late| late > late_after).count(),
            waiting,
            worst_lateness: lateness.iter().max().copied().unwrap_or_default(),
            step: median(&steps),
            overshoot: measured.overshoots.iter().max().copied(),
        }
    }

    // ANCHOR: verdict
    /// The lesson's word for the run: `late` if any tick was, else `on time`.
    pub fn verdict(&self) -> &'static str {
        if self.late == 0 { "on time" } else { "late" }
    }

    /// The worst lateness in CPU steps: above 1, a tick waited for more
    /// than one whole step.
    pub fn worst_in_steps(&self) -> Option<f64> {
        let step = self.step.filter(|step| !step.is_zero())?;
        Some(self.worst_lateness.as_secs_f64() / step.as_secs_f64())
    }
    // ANCHOR_END: verdict
}
