//! The sweep: the same calls on pools of N = 1, 2, 4, 8, 20 workers, of
//! threads and of processes, each run measured (wall time, CPU time).

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use shared::measure::{Measurement, Stopwatch};
use shared::shutdown::Shutdown;

use crate::call::{Call, Fingerprint};
use crate::place::Place;
use crate::pool_error::PoolError;
use crate::process_pool::ProcessPool;
use crate::thread_pool;

/// What a sweep runs.
#[derive(Debug, Clone)]
pub struct SweepPlan {
    /// Pool sizes, in the order they are run.
    pub workers: Vec<usize>,
    /// The calls every pool maps.
    pub calls: Vec<Call>,
    /// Runs per pool size; the run with the median wall time is kept.
    pub repeat: usize,
    /// The program a process pool starts as its workers (this binary).
    pub program: PathBuf,
    /// How long a worker may take to start or to answer one call.
    pub worker_timeout: Duration,
}

/// One pool size, measured.
#[derive(Debug, Clone)]
pub struct Run {
    /// Where the calls ran.
    pub place: Place,
    /// Its number of workers.
    pub workers: usize,
    /// Wall time and CPU time, from creating the pool to reaping it.
    pub measurement: Measurement,
    /// For processes: from the first spawn until every worker was ready.
    pub startup: Option<Duration>,
    /// The results, in the order of the calls.
    pub fingerprints: Vec<Fingerprint>,
    /// For threads: each call's pool thread and when it ended, from the
    /// start of the run, in the order the calls ended.
    pub ends: Vec<(usize, Duration)>,
}

// ANCHOR: run_once
/// Creates a pool of `workers`, maps the calls on it, and tears it down:
/// the article's `Pool(N).map`. Each result is handed to `on_result` as
/// it comes back. Returns the results in call order and, for processes,
/// how long the workers took to start.
pub fn map_on_pool(
    place: Place,
    workers: usize,
    plan: &SweepPlan,
    shutdown: &Shutdown,
    on_result: impl Fn(Call, Fingerprint) + Sync,
) -> Result<(Vec<Fingerprint>, Option<Duration>), PoolError> {
    match place {
        Place::Threads => {
            let fingerprints =
                thread_pool::map(workers, &plan.calls, shutdown, on_result)
                    .map_err(|err| PoolError::Spawn(format!("thread pool: {err}")))?
                    .ok_or(PoolError::Stopped)?;
            Ok((fingerprints, None))
        }
        Place::Processes => {
            let mut pool = ProcessPool::start(
                workers,
                &plan.program,
                plan.worker_timeout,
                0, // the sweep's workers run at normal priority
                shutdown,
            )?;
            let fingerprints = pool.map(&plan.calls, shutdown, on_result)?;
            let startup = pool.startup();
            pool.close(); // reaped, so RUSAGE_CHILDREN counts the workers' CPU time
            Ok((fingerprints, Some(startup)))
        }
        Place::Loop => Ok((one_after_another(&plan.calls, shutdown)?, None)),
    }
}

/// One pool size, measured from outside: the whole of [`map_on_pool`],
/// creating the workers included (it is part of the price, as it is for
/// `Pool(N)` in the article's timing), and when each call ended on which
/// pool thread.
pub fn run_once(
    place: Place,
    workers: usize,
    plan: &SweepPlan,
    shutdown: &Shutdown,
) -> Result<Run, PoolError> {
    let started = Instant::now();
    let ends = Mutex::new(Vec::new());
    let note_end = |_: Call, _: Fingerprint| {
        if let Some(thread) = rayon::current_thread_index() {
            ends.lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((thread, started.elapsed()));
        }
    };
    let stopwatch = Stopwatch::start();
    let (fingerprints, startup) = map_on_pool(place, workers, plan, shutdown, note_end)?;
    let measurement = stopwatch.stop();
    let ends = ends.into_inner().unwrap_or_else(|e| e.into_inner());
    Ok(Run { place, workers, measurement, startup, fingerprints, ends })
}
// ANCHOR_END: run_once

/// No pool: the calls one after another on this thread, until Ctrl-C.
fn one_after_another(
    calls: &[Call],
    shutdown: &Shutdown,
) -> Result<Vec<Fingerprint>, PoolError> {
    let run = |call: &Call| (!shutdown.is_requested()).then(|| call.run());
    calls.iter().map(run).collect::<Option<_>>().ok_or(PoolError::Stopped)
}

/// Runs one pool size `plan.repeat` times and keeps the median run.
pub fn run_median(
    place: Place,
    workers: usize,
    plan: &SweepPlan,
    shutdown: &Shutdown,
) -> Result<Run, PoolError> {
    let mut runs = Vec::with_capacity(plan.repeat.max(1));
    for _ in 0..plan.repeat.max(1) {
        runs.push(run_once(place, workers, plan, shutdown)?);
    }
    let median = shared::stats::take_median_by_key(runs, |run| run.measurement.wall);
    Ok(median.expect("at least one run"))
}

/// The sweep's outcome: the runs that finished, and why it ended early, if it did.
#[derive(Debug)]
pub struct Sweep {
    /// Finished runs, in the order they ran.
    pub runs: Vec<Run>,
    /// `Some` if a run failed or Ctrl-C stopped the sweep.
    pub ended_by: Option<PoolError>,
}

/// What a sweep tells its caller as it goes, so that output comes line by line.
#[derive(Debug)]
pub enum Progress<'a> {
    /// The sweep is about to run its calls in this place.
    Starting(Place),
    /// One pool size finished: every run so far, that one last.
    Finished(&'a [Run]),
}

/// Runs the calls in every place at every size, telling `progress` as it goes.
pub fn sweep(
    places: &[Place],
    plan: &SweepPlan,
    shutdown: &Shutdown,
    mut progress: impl FnMut(Progress<'_>),
) -> Sweep {
    let mut runs = Vec::new();
    for &place in places {
        progress(Progress::Starting(place));
        for &workers in &plan.workers {
            match run_median(place, workers, plan, shutdown) {
                Ok(run) => {
                    runs.push(run);
                    progress(Progress::Finished(&runs));
                }
                Err(err) => return Sweep { runs, ended_by: Some(err) },
            }
        }
    }
    Sweep { runs, ended_by: None }
}
