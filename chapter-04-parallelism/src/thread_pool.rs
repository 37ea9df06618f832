//! A rayon pool of N threads: `Pool(N).map` with threads that really run in
//! parallel, because Rust has no GIL.

use rayon::prelude::*;
use shared::shutdown::Shutdown;

use crate::call::{Call, Fingerprint};

// ANCHOR: thread_pool
/// Runs every call on a new rayon pool of `threads` threads and returns the
/// fingerprints in the order of `calls`. A call that has not started when
/// Ctrl-C arrives is skipped, and the result is `None`.
pub fn map(
    threads: usize,
    calls: &[Call],
    shutdown: &Shutdown,
    on_done: impl Fn(Call, Fingerprint) + Sync,
) -> Result<Option<Vec<Fingerprint>>, rayon::ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    Ok(pool.install(|| {
        calls
            .par_iter()
            // One call per task, like `Pool.map(..., chunksize=1)`: an idle
            // thread can always take the next call.
            .with_max_len(1)
            .map(|&call| {
                if shutdown.is_requested() {
                    return None;
                }
                let fingerprint = call.run();
                on_done(call, fingerprint);
                Some(fingerprint)
            })
            // `collect` keeps the order of `calls`; one `None` makes it `None`.
            .collect()
    }))
}
// ANCHOR_END: thread_pool
