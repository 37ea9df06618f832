//! Measuring and verdicts: how late each tick was, what a run adds up to,
//! the step size picked from this machine, and the run as a record.
//!
//! The jobs only note times; everything that turns those times into
//! judgements lives here, so that the report only has to print it.

pub mod calibrate;
pub mod places;
pub mod record;

use std::time::Duration;

use shared::stats::median;

use crate::events::Tick;
use crate::jobs::Measured;

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

/// What one run adds up to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Ticks that ran.
    pub ticks: usize,
    /// Ticks that ran late.
    pub late: usize,
    /// The largest lateness of any tick.
    pub worst_lateness: Duration,
    /// One CPU step, the median (none if no step finished).
    pub step: Option<Duration>,
    /// The most a random wait overshot (none if no wait finished).
    pub overshoot: Option<Duration>,
}

impl Summary {
    /// Adds up `measured`, judging ticks against its `late_after`.
    pub fn of(measured: &Measured) -> Summary {
        let (ticks, late_after) = (&measured.ticks, measured.config.late_after);
        let steps: Vec<_> = measured.steps.iter().map(|step| step.took).collect();
        Summary {
            ticks: ticks.len(),
            late: ticks.iter().filter(|tick| is_late(tick, late_after)).count(),
            worst_lateness: ticks.iter().map(lateness).max().unwrap_or_default(),
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
