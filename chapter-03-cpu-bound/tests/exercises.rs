//! The solutions of the chapter's exercises whose answer is code. The book
//! includes each solution by its anchor; the tests check that it behaves as
//! the solution says. They assert counts and verdicts, and where the answer
//! is "late" or "on time", a comparison with a wide margin by construction.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chapter_03_cpu_bound::Config;
use chapter_03_cpu_bound::cpu::call::product_bits;
use chapter_03_cpu_bound::cpu::{Probe, Unwatched, Watch};
use chapter_03_cpu_bound::gil::{DEFAULT_SWITCH_INTERVAL, Gil};
use chapter_03_cpu_bound::observe::recorder::Recorder;
use chapter_03_cpu_bound::observe::timeline::Timeline;
use chapter_03_cpu_bound::observe::verdict::Verdict;
use chapter_03_cpu_bound::observe::{self, Place};
use chapter_03_cpu_bound::ticker::{PERIOD, Ticker};
use clap::Parser as _;
use shared::shutdown::Shutdown;
use shared::ticker::Lateness;
use tokio::runtime::Builder;

/// A run of `calls` calls of `product_below(limit)`.
fn config(calls: usize, limit: u32) -> Config {
    Config { calls, limit, ..Config::parse_from(["chapter-03-cpu-bound", "gil"]) }
}

/// A Ctrl-C handle no signal triggers.
fn never() -> Arc<Shutdown> {
    Arc::new(Shutdown::new())
}

fn several_cores() -> bool {
    shared::machine::cores() >= 2
}

// ANCHOR: exercise_1
/// Exercise 1: place `gil` with a given switch interval: how often the lock
/// changed hands on request, and the verdict.
fn gil_with_interval(switch_interval: Duration) -> (u64, Verdict) {
    let config = Config { switch_interval, ..config(4, 40_000) };
    let run = observe::run_place(Place::Gil, &config, &never());
    (run.observed.forced_switches.unwrap_or(0), run.verdict())
}
// ANCHOR_END: exercise_1

/// Exercise 1: a shorter switch interval means more hand-overs (100 µs
/// against 50 ms, 500 times shorter), and the verdict does not move.
#[test]
fn a_shorter_switch_interval_hands_the_lock_over_more_often() {
    let (short, short_verdict) = gil_with_interval(Duration::from_micros(100));
    let (long, long_verdict) = gil_with_interval(Duration::from_millis(50));
    assert!(short > long, "{short} hand-overs at 100 µs, {long} at 50 ms");
    assert_eq!(short_verdict, Verdict::Serialised);
    assert_eq!(long_verdict, Verdict::Serialised);
}

// ANCHOR: exercise_2
/// Exercise 2: one call under the GIL model that releases the lock for the
/// whole product, as a C extension does around a long computation.
fn released(gil: &Gil, limit: u32, watch: &mut dyn Watch) -> Option<u64> {
    let mut held = watch.waiting(|| gil.acquire());
    held.released_while(|| product_bits(limit, watch))
}
// ANCHOR_END: exercise_2

/// Exercise 2: with the lock released around the work, the calls compute at
/// the same time (parallel), and nobody ever has to ask for the lock.
#[test]
fn releasing_the_lock_around_the_work_makes_it_parallel() {
    let gil = Gil::new(DEFAULT_SWITCH_INTERVAL);
    let timeline = Arc::new(Timeline::new());
    let probe = Recorder::new(&timeline, &never());
    std::thread::scope(|scope| {
        for call in 1..=4 {
            let (gil, probe) = (&gil, &probe);
            scope.spawn(move || probe.call(call, |w| released(gil, 20_000, w)));
        }
    });
    assert_eq!(timeline.finishing_order().len(), 4);
    assert_eq!(gil.forced_switches(), 0, "no thread held the lock long enough");
    let verdict = Verdict::for_cpu(timeline.most_at_once(), shared::machine::cores());
    if several_cores() {
        assert_eq!(verdict, Verdict::Parallel);
    }
}

// ANCHOR: exercise_3
/// Exercise 3: place `tasks` with `workers` workers, the calls either
/// spawned as tasks or handed to tokio's blocking pool. Returns the ticker's
/// worst lateness and the run's wall time.
fn tasks_with(
    workers: usize,
    blocking: bool,
    calls: usize,
    limit: u32,
) -> (Duration, Duration) {
    let runtime = Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_time()
        .build()
        .expect("a multi-threaded runtime");
    let started = Instant::now();
    let late = runtime.block_on(async {
        let ticker = Ticker::start().await;
        let tasks: Vec<_> = (1..=calls)
            .map(|call| {
                let work = move || Unwatched.call(call, |w| product_bits(limit, w));
                if blocking {
                    tokio::task::spawn_blocking(work)
                } else {
                    tokio::spawn(async move { work() })
                }
            })
            .collect();
        for task in tasks {
            let _ = task.await;
        }
        Lateness::of(&ticker.stop().await, PERIOD).worst
    });
    (late, started.elapsed())
}
// ANCHOR_END: exercise_3

/// Exercise 3: one worker more than cores does not save the ticker: no
/// worker looks at the timers until the queue of calls has drained, three
/// quarters of the way through (12 calls, 3 at a time). On the blocking pool
/// the workers stay idle and the ticker runs on time, or nearly.
#[test]
fn the_ticker_needs_the_calls_off_the_workers() {
    let workers = shared::machine::cores();
    let (late, wall) = tasks_with(workers + 1, false, 12, 40_000);
    assert!(late > wall / 2, "an extra worker: {late:?} late in {wall:?}");
    let (late, wall) = tasks_with(workers, true, 12, 40_000);
    assert!(late < wall / 2, "spawn_blocking: {late:?} late in {wall:?}");
}

/// Exercise 3, the header's bug: the tasks' runtime reports its own worker
/// count, so a runtime with one worker more than cores is printed as such.
#[test]
fn the_tasks_report_their_real_worker_count() {
    let config = config(3, 2_000);
    let run = observe::run_place(Place::Tasks, &config, &never());
    assert_eq!(run.observed.workers, Some(shared::machine::cores()));
}
