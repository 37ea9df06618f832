//! 3.6's check: 8 calls of CPU work through the answer; each call waits
//! (up to a patience) for a second one to begin, so calls that can overlap
//! always do. Reports which calls ran, on how many threads, how many at
//! once.

use std::sync::Mutex;

use course_exercises::measure::{Overlap, wait_for};
use course_exercises::probe::Probe;
use shared::workload::product_below;

use super::answer;

const CALLS: usize = 8;

pub(crate) fn measure(probe: &Probe) {
    let overlap = Overlap::default();
    let ran = Mutex::new(Vec::new());
    let call = |index: usize| {
        overlap.enter();
        wait_for(|| overlap.started() >= 2);
        product_below(5_000);
        ran.lock().unwrap_or_else(|e| e.into_inner()).push(index);
        overlap.leave();
    };
    probe.waiting("your run_on_threads(8, call) to return");
    answer::run_on_threads(CALLS, &call);
    let mut ran = ran.into_inner().unwrap_or_else(|e| e.into_inner());
    ran.sort_unstable();
    probe.fact("calls", CALLS);
    probe.fact("ran", ran);
    probe.fact("ended_before_return", overlap.ended());
    probe.fact("threads", overlap.threads());
    probe.fact("most", overlap.most());
    probe.fact("cores", shared::machine::cores());
}
