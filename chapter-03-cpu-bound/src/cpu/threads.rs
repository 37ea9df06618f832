//! Place `threads`: one OS thread per call, as in the article's second
//! experiment. Rust has no global lock, so the threads really run at the same
//! time, as many at once as there are cores.

use std::thread;

use super::Probe;
use super::call::product_bits;

// ANCHOR: run
/// Starts one thread per call and waits for all of them; returns the
/// fingerprints of the calls that finished. Scoped threads may borrow the
/// probe: the scope joins them before it returns.
pub fn run(calls: usize, limit: u32, probe: &impl Probe) -> Vec<u64> {
    thread::scope(|scope| {
        let threads: Vec<_> = (1..=calls)
            .map(|call| scope.spawn(move || probe.call(call, |w| product_bits(limit, w))))
            .collect();
        threads.into_iter().filter_map(|thread| thread.join().ok().flatten()).collect()
    })
}
// ANCHOR_END: run
