//! When each call's thread was really computing, for the picture
//! (`--pictures`): stretches cut where the thread lost its core.
//!
//! A thread cannot watch the scheduler, but it can watch the clock. A call
//! reads it after every multiplication ([`OnCore::step`]). One step takes a
//! little longer than the one before (the product grows), so a step that
//! took over 4 times as long as a typical one, and over [`GAP`], means the
//! thread stood still for most of it: another thread had its core, or, under
//! the GIL model, the lock. The call's time is cut there. The stretches left
//! add up to about the CPU time the process measured (a test holds them
//! within 10 %). Reading the clock costs some 20 ns, a multiplication
//! microseconds.

use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use super::timeline::{Span, Timeline};

/// The shortest pause that cuts a stretch: a few interrupts take less.
pub const GAP: Duration = Duration::from_micros(200);

/// The clock-watcher of one call, on the thread that computes it.
#[derive(Debug)]
pub struct OnCore<'a> {
    timeline: &'a Timeline,
    call: usize,
    thread: ThreadId,
    start: Instant,
    last: Instant,
    /// How long a step takes when the thread runs throughout.
    typical: Duration,
}

impl<'a> OnCore<'a> {
    /// Starts watching `call` on the current thread, from now.
    pub fn new(timeline: &'a Timeline, call: usize) -> Self {
        let now = Instant::now();
        OnCore {
            timeline,
            call,
            thread: thread::current().id(),
            start: now,
            last: now,
            typical: Duration::ZERO,
        }
    }

    // ANCHOR: step
    /// Called after each multiplication: ends the stretch if this step
    /// stood still, and starts the next one now.
    pub fn step(&mut self) {
        let now = Instant::now();
        let step = now - self.last;
        if stood_still(step, self.typical) {
            self.record(self.last);
            self.start = now;
        } else {
            self.typical = typical_after(step, self.typical);
        }
        self.last = now;
    }
    // ANCHOR_END: step

    /// Ends the last stretch at the call's last multiplication: after it
    /// the call computes nothing (under the GIL model it has let the lock
    /// go, and the next holder is computing already).
    pub fn end(self) {
        self.record(self.last);
    }

    fn record(&self, end: Instant) {
        if end > self.start {
            let since = |t| self.timeline.since_origin(t);
            let (call, thread) = (self.call, self.thread);
            let (start, end) = (since(self.start), since(end));
            self.timeline.stretch(Span { call, thread, start, end });
        }
    }
}

// ANCHOR: stood_still
/// Whether a step that took `step`, when one takes `typical`, means the
/// thread was not running for most of it.
pub fn stood_still(step: Duration, typical: Duration) -> bool {
    step > GAP && step > typical * 4
}
// ANCHOR_END: stood_still

/// The typical step after one of `step`. A step over twice the typical one
/// (and over [`GAP`]) was partly a pause and does not count: else pauses a
/// little too short to cut would raise the bar for the next ones.
fn typical_after(step: Duration, typical: Duration) -> Duration {
    if step <= GAP || step <= typical * 2 { step } else { typical }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only a step far longer than the one before, and longer than a few
    /// interrupts, counts as standing still.
    #[test]
    fn a_pause_is_a_step_far_longer_than_the_last() {
        let us = Duration::from_micros;
        assert!(stood_still(us(3_000), us(10)));
        assert!(!stood_still(us(30), us(10)), "a slower step");
        assert!(!stood_still(us(150), us(1)), "under the gap");
        assert!(!stood_still(us(1_000), us(400)), "a big product's step");
    }

    /// Pauses a little too short to cut do not raise the bar: after a step
    /// of 500 µs among steps of 150 µs, a pause of 2 ms still cuts.
    #[test]
    fn short_pauses_do_not_raise_the_bar() {
        let us = Duration::from_micros;
        let typical = typical_after(us(150), us(10));
        assert_eq!(typical, us(150), "under the gap, a step counts");
        let typical = typical_after(us(500), typical);
        assert_eq!(typical, us(150), "a step over twice the typical does not");
        assert!(stood_still(us(2_000), typical));
        assert_eq!(typical_after(us(280), us(150)), us(280), "products grow");
    }

    /// A sleep between steps cuts the call's time: the stretches leave it out.
    #[test]
    fn a_sleep_cuts_the_stretch() {
        let timeline = Timeline::new();
        let started = Instant::now();
        let mut on_core = OnCore::new(&timeline, 7);
        on_core.step();
        std::thread::sleep(Duration::from_millis(5));
        on_core.step();
        on_core.step();
        on_core.end();
        let stretches = timeline.stretches();
        assert!(stretches.len() >= 2, "{stretches:?}");
        assert!(stretches.iter().all(|s| s.call == 7));
        let computing: Duration = stretches.iter().map(|s| s.end - s.start).sum();
        assert!(computing + Duration::from_millis(5) <= started.elapsed());
    }
}
