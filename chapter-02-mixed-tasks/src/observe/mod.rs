//! Measuring and verdicts: one run measured from outside the jobs, what a
//! run adds up to and its verdict, the step size picked from this machine,
//! the places compared, and the run as a record.
//!
//! The jobs only say what they did; everything that turns it into times and
//! judgements lives here, so that the report only has to print it. "Late"
//! has the course's one meaning, [`shared::ticker::Lateness`].

pub mod calibrate;
mod measured;
pub mod places;
pub mod record;

use std::time::Duration;

use shared::stats::median;
use shared::ticker::{Lateness, Tick};

pub use measured::{Measured, Plan, Seen, StepTime, measure};

/// What one run adds up to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Every tick judged, the one still waiting at Ctrl-C included.
    pub lateness: Lateness,
    /// The tick still waiting when the run stopped, counted above.
    pub waiting: Option<Tick>,
    /// One CPU step, the median (none if no step finished).
    pub step: Option<Duration>,
    /// Ticks that fell due while a CPU step was running.
    pub due_in_step: usize,
    /// Of those, the ticks that ran only after that step had ended.
    pub ran_after_step: usize,
    /// The most a random wait overshot (none if no wait finished).
    pub overshoot: Option<Duration>,
}

impl Summary {
    // ANCHOR: verdict
    /// Adds up `measured`, judging every tick against its interval, and
    /// finds the ticks that fell due while a CPU step ran.
    pub fn of(measured: &Measured) -> Summary {
        let judged: Vec<Tick> =
            measured.ticks.iter().chain(&measured.waiting).copied().collect();
        let steps: Vec<_> = measured.steps.iter().map(|step| step.took).collect();
        let (mut due_in_step, mut ran_after_step) = (0, 0);
        for tick in &judged {
            let (due, ran) =
                (measured.since_start(tick.due), measured.since_start(tick.ran));
            let step = measured.steps.iter().find(|s| s.start <= due && due < s.end());
            if let Some(step) = step {
                due_in_step += 1;
                ran_after_step += usize::from(ran >= step.end());
            }
        }
        Summary {
            lateness: Lateness::of(&judged, measured.plan.interval),
            waiting: measured.waiting,
            step: median(&steps),
            due_in_step,
            ran_after_step,
            overshoot: measured.overshoots.iter().max().copied(),
        }
    }
    // ANCHOR_END: verdict

    /// The worst lateness in CPU steps: above 1, a tick waited for more
    /// than one whole step.
    pub fn worst_in_steps(&self) -> Option<f64> {
        let step = self.step.filter(|step| !step.is_zero())?;
        Some(self.lateness.worst.as_secs_f64() / step.as_secs_f64())
    }
}
