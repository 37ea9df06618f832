//! Mode `threads`: one OS thread per call, as in the article's second
//! experiment. Rust has no global lock, so the threads really run at the same
//! time, as many at once as there are cores.

use std::thread;

use super::call::compute;
use crate::config::Config;
use crate::observe::Observations;
use crate::observe::timeline::Timeline;

// ANCHOR: run
/// Starts one thread per call and waits for all of them. Scoped threads may
/// borrow `config` and `timeline`: the scope joins them before it returns.
pub fn run(config: &Config, timeline: &Timeline) -> Observations {
    let fingerprints = thread::scope(|scope| {
        let threads: Vec<_> = (1..=config.calls)
            .map(|call| scope.spawn(move || compute(call, config, timeline)))
            .collect();
        threads.into_iter().filter_map(|thread| thread.join().ok().flatten()).collect()
    });
    Observations { fingerprints, ..Observations::default() }
}
// ANCHOR_END: run
