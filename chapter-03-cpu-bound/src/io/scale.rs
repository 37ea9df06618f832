//! Thousands of waiting jobs: what one thread costs, and what one task costs.
//!
//! The jobs are started behind a gate, so that all of them are alive and
//! waiting when the process's memory is read; then the gate opens and each
//! job waits its time. Three numbers per kind: the time to get every job
//! started and waiting, the memory they hold meanwhile, and the time from the
//! gate opening to the last job done. Tasks are measured first, on a fresh
//! heap, so that they do not reuse memory the threads gave back.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use tokio::runtime::Builder;
use tokio::sync::watch;

use super::IoSettings;
use crate::observe::memory::{self, Memory};

/// What starting many jobs of one kind cost.
#[derive(Debug, Clone)]
pub struct ScaleReport {
    /// "threads" or "tasks".
    pub kind: &'static str,
    /// Jobs asked for.
    pub asked: usize,
    /// Jobs that were started (fewer if the OS refused a thread).
    pub started: usize,
    /// Time until every started job was alive and waiting at the gate.
    pub startup: Duration,
    /// Memory growth while all jobs were waiting, if it could be read.
    pub growth: Option<Memory>,
    /// Time from the gate opening until the last job was done.
    pub all_done: Duration,
    /// Why fewer jobs started than asked, if they did.
    pub refused: Option<String>,
}

impl ScaleReport {
    /// Start-up time per started job.
    pub fn startup_each(&self) -> Duration {
        self.startup / self.started.max(1) as u32
    }

    /// Resident memory per started job, in bytes.
    pub fn resident_each(&self) -> Option<f64> {
        self.growth.map(|growth| growth.resident as f64 / self.started.max(1) as f64)
    }
}

fn growth(before: Option<Memory>, during: Option<Memory>) -> Option<Memory> {
    let (before, during) = (before?, during?);
    Some(Memory {
        resident: during.resident.saturating_sub(before.resident),
        mapped: during.mapped.saturating_sub(before.mapped),
    })
}

// ANCHOR: scale_threads
/// Starts `settings.jobs` threads that each wait at a gate, then `wait`.
pub fn threads(settings: &IoSettings) -> ScaleReport {
    let gate = Gate::default();
    let ready = AtomicUsize::new(0);
    let before = memory::now();
    let started_at = Instant::now();
    let (mut started, mut refused) = (0, None);
    let (startup, during, opened_at) = thread::scope(|scope| {
        for _ in 0..settings.jobs {
            let job = || {
                ready.fetch_add(1, Ordering::SeqCst);
                gate.wait();
                settings.shutdown.sleep(settings.wait);
            };
            match thread::Builder::new().spawn_scoped(scope, job) {
                Ok(_) => started += 1,
                Err(err) => {
                    refused = Some(err.to_string());
                    break;
                }
            }
        }
        while ready.load(Ordering::SeqCst) < started {
            thread::sleep(Duration::from_micros(100));
        }
        let startup = started_at.elapsed();
        let during = memory::now();
        gate.open();
        (startup, during, Instant::now())
    });
    let all_done = opened_at.elapsed();
    let growth = growth(before, during);
    ScaleReport {
        kind: "threads",
        asked: settings.jobs,
        started,
        startup,
        growth,
        all_done,
        refused,
    }
}
// ANCHOR_END: scale_threads

// ANCHOR: scale_tasks
/// Spawns `settings.jobs` tasks on one current-thread loop that each wait at
/// a gate, then `wait`.
pub fn tasks(settings: &IoSettings) -> ScaleReport {
    let runtime = Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("a runtime on this thread");
    runtime.block_on(async {
        let (open, gate) = watch::channel(false);
        let ready = std::sync::Arc::new(AtomicUsize::new(0));
        let before = memory::now();
        let started_at = Instant::now();
        let tasks: Vec<_> = (0..settings.jobs)
            .map(|_| {
                let (mut gate, ready, settings) =
                    (gate.clone(), ready.clone(), *settings);
                tokio::spawn(async move {
                    ready.fetch_add(1, Ordering::SeqCst);
                    let _ = gate.wait_for(|open| *open).await;
                    tokio::select! {
                        _ = tokio::time::sleep(settings.wait) => {}
                        _ = settings.shutdown.requested() => {}
                    }
                })
            })
            .collect();
        // Let the loop run every task up to its gate.
        while ready.load(Ordering::SeqCst) < settings.jobs {
            tokio::task::yield_now().await;
        }
        let startup = started_at.elapsed();
        let during = memory::now();
        let opened_at = Instant::now();
        let _ = open.send(true);
        for task in tasks {
            let _ = task.await;
        }
        let growth = growth(before, during);
        let (started, all_done) = (settings.jobs, opened_at.elapsed());
        ScaleReport {
            kind: "tasks",
            asked: settings.jobs,
            started,
            startup,
            growth,
            all_done,
            refused: None,
        }
    })
}
// ANCHOR_END: scale_tasks

/// A gate threads wait at until it opens, once.
#[derive(Debug, Default)]
struct Gate {
    open: Mutex<bool>,
    opened: Condvar,
}

impl Gate {
    fn wait(&self) {
        let mut open = self.open.lock().unwrap_or_else(|poison| poison.into_inner());
        while !*open {
            open = self.opened.wait(open).unwrap_or_else(|poison| poison.into_inner());
        }
    }

    fn open(&self) {
        *self.open.lock().unwrap_or_else(|poison| poison.into_inner()) = true;
        self.opened.notify_all();
    }
}
