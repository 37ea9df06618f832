//! Mode `tasks`: one async task per call, on a multi-threaded tokio runtime.
//!
//! `async` does not make CPU work parallel by itself: on the current-thread
//! loop (mode `loop`) the calls run one after another. A multi-threaded
//! runtime has one worker thread per core, and each worker runs a task, so
//! the calls do run in parallel. But a task that computes never reaches an
//! `.await`, so it holds its worker for the whole call, and everything else
//! on the runtime (here, the heartbeat) waits for a worker to come free.

use std::sync::Arc;

use tokio::runtime::Builder;

use super::{CpuSettings, Outcome, compute};
use crate::heartbeat::Heartbeat;
use crate::timeline::Timeline;

// ANCHOR: run
/// Spawns one task per call on a runtime with one worker per core.
pub fn run(settings: &CpuSettings, timeline: &Arc<Timeline>) -> Outcome {
    let workers = shared::machine::cores();
    let runtime = Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_time()
        .build()
        .expect("a multi-threaded runtime");
    let fingerprints = runtime.block_on(async {
        let heartbeat = Heartbeat::start().await;
        let tasks: Vec<_> = (1..=settings.calls)
            .map(|call| {
                let (settings, timeline) = (*settings, Arc::clone(timeline));
                tokio::spawn(async move { compute(call, &settings, &timeline) })
            })
            .collect();
        let mut fingerprints = Vec::new();
        for task in tasks {
            fingerprints.extend(task.await.ok().flatten());
        }
        (fingerprints, heartbeat.stop().await)
    });
    let (fingerprints, heartbeat_late) = fingerprints;
    Outcome {
        fingerprints,
        heartbeat_late: Some(heartbeat_late),
        workers: Some(workers),
        ..Outcome::default()
    }
}
// ANCHOR_END: run
