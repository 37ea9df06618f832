//! Place `gil`: one OS thread per call, but a thread may multiply only while
//! it holds the [`Gil`](crate::gil::Gil). This reproduces, in Rust, what
//! CPython did to the article's threads.

use std::thread;

use shared::workload;

use super::{Probe, Watch};
use crate::gil::Gil;
use crate::interruptible;

// ANCHOR: run
/// Starts one thread per call, each computing only while it holds `gil`.
/// Returns the fingerprints of the calls that finished.
pub fn run(gil: &Gil, calls: usize, limit: u32, probe: &impl Probe) -> Vec<u64> {
    thread::scope(|scope| {
        let threads: Vec<_> = (1..=calls)
            .map(|call| scope.spawn(move || probe.call(call, |w| holding(gil, limit, w))))
            .collect();
        threads.into_iter().filter_map(|thread| thread.join().ok().flatten()).collect()
    })
}

/// One call, computed only while holding the lock. Between multiplications
/// the thread checks for a drop request, as CPython's eval loop does, and
/// hands the lock over when asked; waiting for it is not computing.
fn holding(gil: &Gil, limit: u32, watch: &mut dyn Watch) -> Option<u64> {
    let mut held = watch.waiting(|| gil.acquire());
    let product = interruptible::product_below(limit, || {
        if held.drop_requested() {
            watch.waiting(|| held.hand_over());
        }
        watch.between()
    });
    drop(held);
    Some(workload::fingerprint(&product?))
}
// ANCHOR_END: run
