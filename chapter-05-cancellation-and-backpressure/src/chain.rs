//! The chapter's CPU chain: steps of the workload, one after another. Each
//! step is a plain function call of a few tens of milliseconds: while it
//! runs, nothing outside it can stop it, short of ending its process.

use tokio_util::sync::CancellationToken;

use crate::observe::progress::Progress;

// ANCHOR: run_all
/// The whole chain in one call: once started, it runs to its end.
pub fn run_all(steps: usize, limit: u32, progress: &Progress) {
    for _ in 0..steps {
        progress.step(limit);
    }
}
// ANCHOR_END: run_all

// ANCHOR: checked
/// The chain, checking `token` between steps: a cancel is seen at the
/// next step boundary, so at most the step in progress runs after it.
/// Returns the steps done.
pub fn run_until_cancelled(
    steps: usize,
    limit: u32,
    progress: &Progress,
    token: &CancellationToken,
) -> usize {
    for done in 0..steps {
        if token.is_cancelled() {
            return done;
        }
        progress.step(limit);
    }
    steps
}
// ANCHOR_END: checked
