//! Chapter 5's experiments side by side: stopping a job at a deadline
//! (`cancellation.py` against the chapter's ways) and refusing work
//! (`backpressure.py` against its channels and semaphore). This module
//! names their rows: which records pair up, and what a row is called. Their
//! tables and summary are in `chapter_5_table.rs`, their settings in
//! `experiment.rs`.

use crate::experiment::Experiment;

/// The row a record belongs to: the two sides' ways of doing the same
/// thing pair up (a job on a thread pool: `run_in_executor` and
/// `spawn_blocking`); what one language alone has gets a row of its own.
pub(crate) fn way(experiment: Experiment, variant: &str) -> Option<&'static str> {
    match (experiment, variant) {
        (Experiment::CancelTimeout, "awaited-steps") => Some("awaited steps"),
        (Experiment::CancelTimeout, "steps-on-loop") => Some("steps on the loop"),
        (Experiment::CancelBlocking, "run-in-executor" | "spawn-blocking") => {
            Some("a thread pool's job")
        }
        (Experiment::CancelBlocking, "rayon") => Some("a rayon job"),
        (Experiment::Semaphore, "uncapped") => Some("uncapped"),
        (Experiment::Semaphore, "capped") => Some("capped"),
        _ => None,
    }
}

/// The name of a row of `experiment`, run `way`, in the chapter's tables.
pub(crate) fn label(experiment: Experiment, way: Option<&str>) -> String {
    let way = way.map(|way| format!(", {way}")).unwrap_or_default();
    let name = match experiment {
        Experiment::CancelTimeout => "timeout",
        Experiment::CancelBlocking => "handle timed out",
        Experiment::CancelToken => "token",
        Experiment::CancelProcess => "process killed",
        Experiment::ChannelUnbounded => "unbounded",
        Experiment::ChannelBounded => "bounded",
        Experiment::Semaphore => "semaphore",
        _ => "?",
    };
    format!("{name}{way}")
}
