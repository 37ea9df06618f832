//! Mode `tasks`: one async task per call, on a multi-threaded tokio runtime.
//!
//! `async` does not make CPU work parallel by itself: on the current-thread
//! loop (mode `loop`) the calls run one after another. A multi-threaded
//! runtime has one worker thread per core, and each worker runs a task, so
//! the calls do run in parallel. But a task that computes never reaches an
//! `.await`: its whole call is one poll. A tokio worker looks at its timers
//! only when it runs out of tasks, or after every 61 polls (the runtime's
//! `event_interval`), so while the queue of calls lasts nobody notices that
//! the heartbeat's timer has fired.

use std::sync::Arc;

use tokio::runtime::Builder;

use super::call::compute;
use crate::config::Config;
use crate::heartbeat::Heartbeat;
use crate::observe::Observations;
use crate::observe::timeline::Timeline;

// ANCHOR: run
/// Spawns one task per call on a runtime with one worker per core.
pub fn run(config: &Config, timeline: &Arc<Timeline>) -> Observations {
    let workers = shared::machine::cores();
    let runtime = Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_time()
        .build()
        .expect("a multi-threaded runtime");
    let config = Arc::new(config.clone());
    let (fingerprints, beats) = runtime.block_on(async {
        let heartbeat = Heartbeat::start().await;
        let tasks: Vec<_> = (1..=config.calls)
            .map(|call| {
                let (config, timeline) = (Arc::clone(&config), Arc::clone(timeline));
                tokio::spawn(async move { compute(call, &config, &timeline) })
            })
            .collect();
        let mut fingerprints = Vec::new();
        for task in tasks {
            fingerprints.extend(task.await.ok().flatten());
        }
        (fingerprints, heartbeat.stop().await)
    });
    Observations {
        fingerprints,
        heartbeat: Some(beats),
        workers: Some(workers),
        ..Observations::default()
    }
}
// ANCHOR_END: run
