//! 3.8's check: 4 calls from the answer on a current-thread runtime beside
//! the course's ticker (every millisecond, a heartbeat). Each call takes at
//! least 100 ms, and first waits (up to a patience) for a second call and
//! for a beat. Reports the calls that had ended when the answer returned,
//! how many ran at once, and the heartbeat's longest gap during the call.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use course_exercises::measure::{Overlap, Ticker, longest_gap, ms, wait_for};
use course_exercises::probe::Probe;
use shared::workload::product_below;

use super::answer;

const CALLS: usize = 4;

pub(crate) fn measure(probe: &Probe) {
    let overlap = Arc::new(Overlap::default());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("tokio starts");
    let (took, gap) = runtime.block_on(async {
        let heartbeat = Ticker::start(Duration::from_millis(1)).await;
        let (calls, beats) = (Arc::clone(&overlap), heartbeat.count());
        let call = Arc::new(move |_index: usize| {
            calls.enter();
            let before = beats.load(Ordering::SeqCst);
            wait_for(|| calls.started() >= 2 && beats.load(Ordering::SeqCst) > before);
            product_below(5_000);
            std::thread::sleep(Duration::from_millis(100));
            calls.leave();
        });
        probe.waiting("your run_off_the_workers(4, call) to return");
        let started = Instant::now();
        answer::run_off_the_workers(CALLS, call).await;
        let ended = Instant::now();
        probe.fact("ended_before_return", overlap.ended());
        let ticks = heartbeat.stop().await;
        (ended - started, longest_gap(&ticks, started, ended))
    });
    probe.fact("calls", CALLS);
    probe.fact("started", overlap.started());
    probe.fact("threads", overlap.threads());
    probe.fact("most", overlap.most());
    probe.fact("cores", shared::machine::cores());
    probe.fact("call_ms", ms(took));
    probe.fact("gap_ms", ms(gap));
}
