//! Jobs that wait, run in each of the four modes.
//!
//! Waiting needs no CPU, so here every mode lets the jobs overlap, even the
//! single-threaded loop and the threads under the GIL (CPython releases the
//! GIL around a blocking call). What differs is the price of each waiting
//! job, which [`super::scale`] measures.

use std::sync::Arc;
use std::thread;
use std::time::Instant;

use tokio::runtime::Builder;

use super::IoSettings;
use crate::gil::{DEFAULT_SWITCH_INTERVAL, Gil};
use crate::observe::Observations;
use crate::observe::timeline::Timeline;

/// One job on a thread: wait, record the wait as a span, finish.
fn wait_blocking(job: usize, settings: &IoSettings, timeline: &Timeline) {
    let start = Instant::now();
    let interrupted = settings.shutdown.sleep(settings.wait);
    timeline.record(job, start, Instant::now());
    if !interrupted {
        timeline.finish(job);
    }
}

// ANCHOR: wait_async
/// One job as a task: the same wait, but `.await`ing a timer hands the thread
/// back to the runtime, which runs other jobs meanwhile.
async fn wait_async(job: usize, settings: IoSettings, timeline: Arc<Timeline>) {
    let start = Instant::now();
    let interrupted = tokio::select! {
        _ = tokio::time::sleep(settings.wait) => false,
        _ = settings.shutdown.requested() => true,
    };
    timeline.record(job, start, Instant::now());
    if !interrupted {
        timeline.finish(job);
    }
}
// ANCHOR_END: wait_async

// ANCHOR: on_loop
/// Every job as a task on one current-thread loop: one thread, all the waits at once.
pub fn on_loop(settings: &IoSettings, timeline: &Arc<Timeline>) -> Observations {
    let runtime = Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime on this thread");
    runtime.block_on(spawn_and_join(settings, timeline));
    Observations::default()
}
// ANCHOR_END: on_loop

/// Every job as a task on a multi-threaded runtime with one worker per core.
pub fn as_tasks(settings: &IoSettings, timeline: &Arc<Timeline>) -> Observations {
    let workers = shared::machine::cores();
    let runtime = Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_time()
        .build()
        .expect("a runtime");
    runtime.block_on(spawn_and_join(settings, timeline));
    Observations { workers: Some(workers), ..Observations::default() }
}

async fn spawn_and_join(settings: &IoSettings, timeline: &Arc<Timeline>) {
    let tasks: Vec<_> = (1..=settings.jobs)
        .map(|job| tokio::spawn(wait_async(job, *settings, Arc::clone(timeline))))
        .collect();
    for task in tasks {
        let _ = task.await;
    }
}

/// Every job on a thread of its own.
pub fn on_threads(settings: &IoSettings, timeline: &Timeline) -> Observations {
    thread::scope(|scope| {
        for job in 1..=settings.jobs {
            scope.spawn(move || wait_blocking(job, settings, timeline));
        }
    });
    Observations::default()
}

// ANCHOR: under_gil
/// Every job on a thread of its own, holding the GIL model except while it
/// waits, as CPython's threads do around a blocking read.
pub fn under_gil(settings: &IoSettings, timeline: &Timeline) -> Observations {
    let gil = Gil::new(DEFAULT_SWITCH_INTERVAL);
    thread::scope(|scope| {
        for job in 1..=settings.jobs {
            let gil = &gil;
            scope.spawn(move || {
                let mut held = gil.acquire();
                held.released_while(|| wait_blocking(job, settings, timeline));
            });
        }
    });
    Observations {
        forced_switches: Some(gil.forced_switches()),
        ..Observations::default()
    }
}
// ANCHOR_END: under_gil
