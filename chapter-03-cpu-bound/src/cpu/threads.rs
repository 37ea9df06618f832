//! Mode `threads`: one OS thread per call, as in the article's second
//! experiment. Rust has no global lock, so the threads really run at the same
//! time, as many at once as there are cores.

use std::thread;

use super::{CpuSettings, Outcome, compute};
use crate::timeline::Timeline;

// ANCHOR: run
/// Starts one thread per call and waits for all of them. Scoped threads may
/// borrow `settings` and `timeline`: the scope joins them before it returns.
pub fn run(settings: &CpuSettings, timeline: &Timeline) -> Outcome {
    let fingerprints = thread::scope(|scope| {
        let threads: Vec<_> = (1..=settings.calls)
            .map(|call| scope.spawn(move || compute(call, settings, timeline)))
            .collect();
        threads.into_iter().filter_map(|thread| thread.join().ok().flatten()).collect()
    });
    Outcome { fingerprints, ..Outcome::default() }
}
// ANCHOR_END: run
