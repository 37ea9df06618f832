//! 2.6's check: the answer's step on a current-thread tokio runtime beside
//! the course's ticker, every 10 ms; reports the ticks' lateness and the
//! step's time and product.

use course_exercises::measure::step_on_tokio;
use course_exercises::probe::Probe;

use super::answer;

pub(crate) fn measure(probe: &Probe) {
    step_on_tokio(probe, answer::step_off_the_loop);
}
