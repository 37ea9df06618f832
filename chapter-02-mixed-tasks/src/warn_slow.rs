//! `--warn-slow`: the slow-poll detector ([`crate::slow_poll`]) wired to
//! stderr, one warning line per slow poll, as asyncio's debug mode logs one
//! line per slow callback.

use std::future::Future;
use std::time::Duration;

use shared::format::duration;

use crate::slow_poll;

/// `job`, named `task`, with a warning on stderr for each poll longer than
/// `threshold`; with no threshold, never.
pub fn warned<F: Future>(
    task: &'static str,
    threshold: Option<Duration>,
    job: F,
) -> impl Future<Output = F::Output> {
    let limit = threshold.unwrap_or(Duration::MAX);
    slow_poll::watch(task, limit, job, move |task: &str, took| {
        eprintln!("{}", warning(task, took, limit));
    })
}

// ANCHOR: warning
/// The warning: which task held the loop, and for how long.
pub fn warning(task: &str, took: Duration, threshold: Duration) -> String {
    let (took, threshold) = (duration(took), duration(threshold));
    format!(
        "warning: task \"{task}\" held the loop for {took} in one poll (over {threshold})"
    )
}
// ANCHOR_END: warning
