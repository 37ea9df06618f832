//! 3.7's check: 4 threads each make one call of the answer under the lock;
//! each `work()` waits (up to a patience) for a second one to begin.
//! Reports the total and how many `work()`s were in progress at once.

use std::sync::Mutex;

use course_exercises::measure::{Overlap, wait_for};
use course_exercises::probe::Probe;
use shared::workload::{fingerprint, product_below};

use super::answer;

const CALLS: usize = 4;

pub(crate) fn measure(probe: &Probe) {
    let lock = Mutex::new(0);
    let overlap = Overlap::default();
    let work = || {
        overlap.enter();
        wait_for(|| overlap.started() >= 2);
        let bits = fingerprint(&product_below(5_000));
        overlap.leave();
        bits
    };
    probe.waiting("4 calls of your call_under_lock to return");
    std::thread::scope(|scope| {
        for _ in 0..CALLS {
            scope.spawn(|| answer::call_under_lock(&lock, &work));
        }
    });
    let total = lock.into_inner().unwrap_or_else(|e| e.into_inner());
    probe.fact("calls", CALLS);
    probe.fact("works", overlap.started());
    probe.fact("total", total);
    probe.fact("wanted", CALLS as u64 * fingerprint(&product_below(5_000)));
    probe.fact("most", overlap.most());
}
