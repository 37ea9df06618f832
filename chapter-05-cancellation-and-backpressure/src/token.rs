//! The remedy: cooperative cancellation. The job is handed a token and
//! checks it between steps ([`crate::chain::run_until_cancelled`]); the
//! caller cancels the token when it gives up. The job stops at its next
//! step boundary: at most one step of CPU after the deadline.

use std::sync::Arc;
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::chain;
use crate::observe::progress::Progress;

// ANCHOR: token
/// The chain on the blocking pool with a token, given `deadline`. Returns
/// whether the timeout fired (and so the token was cancelled).
pub async fn with_token(
    deadline: Duration,
    steps: usize,
    limit: u32,
    progress: Arc<Progress>,
) -> bool {
    let token = CancellationToken::new();
    let job = tokio::task::spawn_blocking({
        let token = token.clone();
        move || chain::run_until_cancelled(steps, limit, &progress, &token)
    });
    let timed_out = tokio::time::timeout(deadline, job).await.is_err();
    if timed_out {
        // Every clone sees it: the job stops before its next step.
        token.cancel();
    }
    timed_out
}
// ANCHOR_END: token
