//! One call of the workload, shared by every mode: computed, recorded on
//! the timeline, stopped by Ctrl-C.

use std::time::Instant;

use shared::shutdown::Shutdown;
use shared::workload;

use crate::config::Config;
use crate::interruptible::{self, Flow};
use crate::observe::on_core::OnCore;
use crate::observe::timeline::Timeline;

/// Ctrl-C ends every call at its next multiplication.
pub fn stop_on(shutdown: &Shutdown) -> Flow {
    if shutdown.is_requested() { Flow::Stop } else { Flow::Continue }
}

// ANCHOR: compute
/// One call of the workload, recorded on the timeline: the span it computed,
/// then its place in the finishing order. Returns the result's fingerprint,
/// or `None` if Ctrl-C stopped it.
pub fn compute(call: usize, config: &Config, timeline: &Timeline) -> Option<u64> {
    let start = Instant::now();
    let mut on_core = OnCore::new(timeline, call); // when it computed, for the picture
    let product = interruptible::product_below(config.limit, || {
        on_core.step();
        stop_on(config.shutdown)
    });
    on_core.end();
    timeline.record(call, start, Instant::now());
    let product = product?;
    timeline.finish(call);
    Some(workload::fingerprint(&product))
}
// ANCHOR_END: compute
