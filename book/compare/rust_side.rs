//! The Rust side of each experiment: the chapters' own code, measured and
//! turned into the same records the Python programs print (the I/O
//! experiments in `rust_io.rs`, chapter 5's in `rust_chapter_5.rs`).

use std::time::Duration;

use chapter_02_mixed_tasks::observe::{self as chapter_2_observe, Plan as Chapter2Plan};
use chapter_02_mixed_tasks::place::Place as Chapter2Place;
use chapter_02_mixed_tasks::runtimes::Runtime;
use chapter_03_cpu_bound::Config;
use chapter_03_cpu_bound::observe::{
    self as chapter_3, Place as Chapter3Place, PlaceRun,
};
use chapter_04_parallelism::algorithm::{self, Algorithm, Way};
use chapter_04_parallelism::call::Call;
use chapter_04_parallelism::hybrid::{self, HybridPlan};
use chapter_04_parallelism::observe::records as chapter_4_records;
use chapter_04_parallelism::place::Place;
use chapter_04_parallelism::pool_error::PoolError;
use chapter_04_parallelism::sweep::{self, SweepPlan};
use clap::Parser as _;
use shared::measure::measure;
use shared::record::{Record, round};
use shared::shutdown::Shutdown;
use shared::stats::median;
use shared::workload::{fingerprint, product_below};

use crate::experiment::{
    ALGORITHM_CALLS, Experiment, HEARTBEAT, HYBRID_WORKERS, ONE_CALL_RUNS, Plan,
};
use crate::failure::Failure;
use crate::{child, rust_chapter_5, rust_io};

/// The compiler that built this program.
pub(crate) const VERSION: &str = shared::machine::RUSTC_VERSION;

/// How long a pool's worker process may take to start or to answer one call.
const WORKER_TIMEOUT: Duration = Duration::from_secs(120);

// ANCHOR: run
/// Runs the experiment in Rust.
pub(crate) fn run(
    experiment: Experiment,
    plan: &Plan,
    stop: &'static Shutdown,
) -> Result<Vec<Record>, Failure> {
    match experiment {
        Experiment::OneCall => Ok(vec![one_call(plan.limit)]),
        Experiment::Sequential => calls(Chapter3Place::Loop, experiment, plan, stop),
        Experiment::Threads => calls(Chapter3Place::Threads, experiment, plan, stop),
        Experiment::Pool => pool(plan, stop),
        Experiment::MixedTasks => mixed_tasks(plan, stop),
        Experiment::Algorithm => algorithm(plan),
        Experiment::Hybrid => hybrid(plan, stop),
        Experiment::IoCalls => rust_io::io_calls(plan, stop),
        Experiment::IoScale => child::measure("scale", "the Rust scale-up", plan, stop),
        Experiment::CancelTimeout
        | Experiment::CancelBlocking
        | Experiment::CancelToken
        | Experiment::CancelProcess
        | Experiment::ChannelUnbounded
        | Experiment::ChannelBounded
        | Experiment::Semaphore => rust_chapter_5::run(experiment, plan, stop),
    }
}
// ANCHOR_END: run

/// A Rust record of the experiment, from its measurement.
fn record(
    experiment: Experiment,
    limit: u32,
    m: &shared::measure::Measurement,
) -> Record {
    Record::measured(&experiment.name(), "rust", VERSION, limit, m)
}

/// `shared::workload::product_below`, [`ONE_CALL_RUNS`] times; the fastest
/// run is kept.
fn one_call(limit: u32) -> Record {
    let fastest = (0..ONE_CALL_RUNS)
        .map(|_| measure(|| fingerprint(&product_below(limit))))
        .min_by_key(|(_, m)| m.wall)
        .expect("at least one run");
    let (bits, m) = fastest;
    Record {
        calls: Some(1),
        fingerprint: Some(bits),
        ..record(Experiment::OneCall, limit, &m)
    }
}

/// Chapter 3's loop (the event loop) or threads (one thread per call).
fn calls(
    place: Chapter3Place,
    experiment: Experiment,
    plan: &Plan,
    stop: &'static Shutdown,
) -> Result<Vec<Record>, Failure> {
    let config = Config {
        place: Some(place),
        calls: plan.calls,
        limit: plan.limit,
        ..Config::parse_from(["chapter-03-cpu-bound"])
    };
    let report: PlaceRun = chapter_3::run_place(place, &config, stop);
    if report.stopped {
        return Err(Failure::Stopped);
    }
    Ok(vec![Record {
        calls: Some(plan.calls),
        workers: (place == Chapter3Place::Threads).then_some(plan.calls),
        fingerprint: report.observed.fingerprints.last().copied(),
        ..record(experiment, plan.limit, &report.measurement)
    }])
}

/// In a child ([`child`]): measures `part` alone.
pub(crate) fn measure_part(
    part: &str,
    connections: usize,
    wait: Duration,
    stop: &'static Shutdown,
) -> Result<Vec<Record>, String> {
    match part {
        "scale" => rust_io::scale(connections, wait, stop),
        part => rust_chapter_5::measure(part, connections, wait, stop),
    }
}

/// Why a pool gave no measurement: Ctrl-C, or `pool` failed.
fn pool_failure(err: PoolError, pool: &str) -> Failure {
    match err {
        PoolError::Stopped => Failure::Stopped,
        err => Failure::Error(format!("{pool} failed: {err}")),
    }
}

/// Chapter 4's process pool, once per size: start, map, close, all measured.
fn pool(plan: &Plan, stop: &'static Shutdown) -> Result<Vec<Record>, Failure> {
    let sweep_plan = SweepPlan {
        workers: plan.workers.clone(),
        calls: Call::batch(plan.calls, plan.limit, Algorithm::Loop),
        repeat: 1,
        program: child::this_program()?,
        worker_timeout: WORKER_TIMEOUT,
    };
    let mut records = Vec::new();
    for &workers in &plan.workers {
        let run = sweep::run_once(Place::Processes, workers, &sweep_plan, stop)
            .map_err(|err| pool_failure(err, "the Rust process pool"))?;
        records.push(Record {
            calls: Some(plan.calls),
            workers: Some(workers),
            fingerprint: run.fingerprints.last().copied(),
            ..record(Experiment::Pool, plan.limit, &run.measurement)
        });
    }
    Ok(records)
}

/// Chapter 2's three jobs on tokio's current-thread runtime, the CPU steps on the loop.
fn mixed_tasks(plan: &Plan, stop: &'static Shutdown) -> Result<Vec<Record>, Failure> {
    let run = Chapter2Plan {
        runtime: Runtime::Tokio,
        place: Chapter2Place::Loop,
        interval: plan.interval,
        ticks: Some(plan.ticks),
        limit: plan.limit,
        seed: 7,
        warn_slow: None,
    };
    // This side prints nothing while it runs.
    let outcome =
        chapter_2_observe::measure(&run, stop, |_, _| {}).map_err(Failure::Error)?;
    if outcome.ended == shared::ticker::Ended::Stopped {
        return Err(Failure::Stopped);
    }
    // The same definitions as the Python program: the longest gap, and how
    // much longer than the interval it was.
    let gaps: Vec<f64> = outcome
        .ticks
        .windows(2)
        .map(|pair| (pair[1].ran - pair[0].ran).as_secs_f64())
        .collect();
    let max_gap = gaps.iter().copied().fold(0.0, f64::max);
    let interval = plan.interval.as_secs_f64();
    Ok(vec![Record {
        ticks: Some(outcome.ticks.len() as u64),
        interval_s: Some(interval),
        max_gap_s: Some(round(max_gap, 6)),
        worst_lateness_s: Some(round(
            if gaps.is_empty() { 0.0 } else { max_gap - interval },
            6,
        )),
        step_s: Some(round(
            median(&outcome.steps.iter().map(|s| s.took).collect::<Vec<_>>())
                .unwrap_or_default()
                .as_secs_f64(),
            6,
        )),
        ..record(Experiment::MixedTasks, plan.limit, &outcome.cost)
    }])
}

/// The ways Python has too (the loop, the tree), then the tree on every core.
const ALGORITHM_WAYS: [Way; 3] =
    [Way::LoopOneCore, Way::TreeOneCore, Way::ParallelTreeAllCores];

/// Chapter 4's algorithms: the loop, the tree, the parallel tree, each
/// `algorithm_calls` calls one after another; `step_s` is one call.
fn algorithm(plan: &Plan) -> Result<Vec<Record>, Failure> {
    let cores = shared::machine::cores();
    let rows = ALGORITHM_WAYS
        .iter()
        .map(|&way| algorithm::measure_way(way, ALGORITHM_CALLS, plan.limit, cores))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|err| Failure::Error(format!("cannot build a thread pool: {err}")))?;
    Ok(chapter_4_records::algorithms(&rows, plan.limit))
}

/// Chapter 4's hybrid: tokio's loop keeps a heartbeat while the process
/// pool runs the calls; the record is the chapter's own, with the product.
fn hybrid(plan: &Plan, stop: &'static Shutdown) -> Result<Vec<Record>, Failure> {
    let place = Place::Processes;
    let hybrid_plan = HybridPlan {
        place,
        workers: HYBRID_WORKERS,
        calls: Call::batch(plan.calls, plan.limit, Algorithm::Loop),
        tick: HEARTBEAT,
        program: child::this_program()?,
        worker_timeout: WORKER_TIMEOUT,
    };
    let run = hybrid::run(&hybrid_plan, stop)
        .map_err(|err| Failure::Error(format!("cannot start tokio: {err}")))?;
    if let Some(err) = run.ended_by {
        return Err(pool_failure(err, "the Rust hybrid's pool"));
    }
    Ok(vec![Record {
        version: VERSION.to_string(),
        fingerprint: run.results.iter().flatten().last().copied(),
        ..chapter_4_records::hybrid(&run, place, HYBRID_WORKERS, plan.limit)
    }])
}
