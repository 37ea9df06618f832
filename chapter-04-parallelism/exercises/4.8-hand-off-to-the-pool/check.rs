//! 4.8's check: the answer on a current-thread tokio runtime beside a
//! heartbeat (the course's ticker, every millisecond), with a step long
//! enough to see. Reports the product, the call's time and the heartbeat's
//! longest gap during it.

use std::time::{Duration, Instant};

use course_exercises::measure::{Ticker, long_step, longest_gap, ms};
use course_exercises::probe::Probe;
use shared::workload::fingerprint;

use super::answer;

pub(crate) fn measure(probe: &Probe) {
    let pool: &'static rayon::ThreadPool = Box::leak(Box::new(
        rayon::ThreadPoolBuilder::new().num_threads(2).build().expect("a rayon pool"),
    ));
    let long = long_step();
    let limit = long.limit;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("tokio starts");
    runtime.block_on(async {
        let heartbeat = Ticker::start(Duration::from_millis(1)).await;
        probe.waiting(&format!("your hand_off(pool, {limit}) to return"));
        let started = Instant::now();
        let product = answer::hand_off(pool, limit).await;
        let ended = Instant::now();
        let ticks = heartbeat.stop().await;
        probe.fact("limit", limit);
        probe.fact("product_right", fingerprint(&product) == long.fingerprint);
        probe.fact("call_ms", ms(ended - started));
        let during = ticks.iter().filter(|tick| (started..ended).contains(&tick.ran));
        probe.fact("beats", during.count());
        probe.fact("gap_ms", ms(longest_gap(&ticks, started, ended)));
    });
}
