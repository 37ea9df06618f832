//! Mode `gil`: one OS thread per call, but a thread may multiply only while
//! it holds the [`Gil`](crate::gil::Gil). This reproduces, in Rust, what
//! CPython did to the article's threads.

use std::thread;
use std::time::Instant;

use shared::workload;

use super::call::stop_on;
use crate::config::Config;
use crate::gil::Gil;
use crate::interruptible;
use crate::observe::Observations;
use crate::observe::on_core::OnCore;
use crate::observe::timeline::Timeline;

// ANCHOR: run
/// Starts one thread per call; each computes under the GIL and records every
/// turn it held the lock as a span on the timeline.
pub fn run(config: &Config, timeline: &Timeline) -> Observations {
    let gil = Gil::new(config.switch_interval);
    let fingerprints = thread::scope(|scope| {
        let threads: Vec<_> = (1..=config.calls)
            .map(|call| {
                let gil = &gil;
                scope.spawn(move || compute_holding(gil, call, config, timeline))
            })
            .collect();
        threads.into_iter().filter_map(|thread| thread.join().ok().flatten()).collect()
    });
    Observations {
        fingerprints,
        forced_switches: Some(gil.forced_switches()),
        ..Observations::default()
    }
}

/// One call, computed only while holding the lock. Between multiplications
/// the thread checks for a drop request, as CPython's eval loop does between
/// bytecodes, and hands the lock over when asked.
fn compute_holding(
    gil: &Gil,
    call: usize,
    config: &Config,
    timeline: &Timeline,
) -> Option<u64> {
    let mut held = gil.acquire();
    let mut turn_start = Instant::now();
    let mut on_core = OnCore::new(timeline, call); // when it computed, for the picture
    let product = interruptible::product_below(config.limit, || {
        on_core.step();
        if held.drop_requested() {
            timeline.record(call, turn_start, Instant::now());
            held.hand_over();
            turn_start = Instant::now();
        }
        stop_on(config.shutdown)
    });
    on_core.end();
    timeline.record(call, turn_start, Instant::now());
    drop(held);
    let product = product?;
    timeline.finish(call);
    Some(workload::fingerprint(&product))
}
// ANCHOR_END: run
