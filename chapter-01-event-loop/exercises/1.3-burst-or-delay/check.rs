//! 1.3's check: ticks an interval of 500 ms with the answer's behaviour on
//! tokio's paused clock, stalls it for 1 750 ms after the first tick, and
//! reports when each tick came.

use std::time::Duration;

use course_exercises::probe::Probe;
use tokio::time::{self, Instant};

use super::answer;

pub(crate) fn measure(probe: &Probe) {
    probe.waiting("your behavior() to return");
    let behavior = answer::behavior();
    probe.fact("behavior", format!("{behavior:?}"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .start_paused(true)
        .build()
        .expect("tokio starts");
    let ticks: Vec<u64> = runtime.block_on(async {
        let start = Instant::now();
        let mut interval = time::interval(Duration::from_millis(500));
        interval.set_missed_tick_behavior(behavior);
        let mut ticks = Vec::new();
        for tick in 0..6 {
            interval.tick().await;
            ticks.push((Instant::now() - start).as_millis() as u64);
            if tick == 0 {
                time::advance(Duration::from_millis(1_750)).await; // the stall
            }
        }
        ticks
    });
    probe.fact("ticks", ticks);
}
