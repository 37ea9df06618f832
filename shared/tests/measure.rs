//! Measurements of real work against the process's real CPU clock.
//!
//! One test function only: the process's CPU time counts every thread, so a
//! second test running in parallel would pollute the measurement.

use std::thread;
use std::time::Duration;

use shared::measure::measure;
use shared::workload::product_below;

/// Sleeping uses almost no CPU; one busy thread uses at most about one core.
#[test]
fn cpu_utilisation_follows_the_work() {
    let (_, asleep) = measure(|| thread::sleep(Duration::from_millis(200)));
    assert!(asleep.wall >= Duration::from_millis(200));
    assert!(asleep.cores_used() < 0.5, "sleeping used {:.2} cores", asleep.cores_used());

    let (_, one) = measure(|| product_below(12_000));
    assert!(one.cpu.total() > Duration::ZERO, "the work used some CPU");
    // On one thread, CPU time exceeds wall time only by clock granularity.
    assert!(one.cores_used() < 1.5, "one thread used {:.2} cores", one.cores_used());
}
