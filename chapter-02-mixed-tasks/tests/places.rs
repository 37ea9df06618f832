//! The places and the slow-poll detector, as a library: every place gives
//! the same answer, a panicking step comes back as an error and the loop
//! goes on, `block_in_place` refuses a current-thread runtime, and the
//! detector fires on a step on the loop and not on one awaited elsewhere.
//!
//! No assertion reads a clock against a tight bound: the blocking step
//! sleeps 400 ms against a 100 ms threshold, and an awaited step's polls
//! take microseconds.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chapter_02_mixed_tasks::observe::places::loop_runtime;
use chapter_02_mixed_tasks::place::Place;
use chapter_02_mixed_tasks::places::{Failure, Started, run_as_task};
use chapter_02_mixed_tasks::slow_poll;
use shared::workload::{fingerprint, product_below};

const LIMIT: u32 = 3_000;

/// The loop a place needs, as the comparison builds it.
fn loop_for(place: Place) -> tokio::runtime::Runtime {
    loop_runtime(place).unwrap()
}

/// Every place computes the same product as a plain call.
#[test]
fn every_place_returns_the_same_result() {
    let expected = fingerprint(&product_below(LIMIT));
    for place in Place::ALL {
        let started = Arc::new(Started::start(place, 2).unwrap());
        let answer = loop_for(place).block_on(run_as_task(Arc::clone(&started), || {
            fingerprint(&product_below(LIMIT))
        }));
        assert_eq!(answer, Ok(expected), "{place}");
    }
}

// ANCHOR: panicking_step
/// A step that panics comes back as `Failure::Panicked` with its message,
/// at every place, and the same place then runs the next step: the loop
/// and the place go on.
#[test]
fn a_panicking_step_is_reported_and_the_loop_goes_on() {
    for place in Place::ALL {
        let started = Arc::new(Started::start(place, 2).unwrap());
        let runtime = loop_for(place);
        let failed = runtime.block_on(run_as_task(Arc::clone(&started), || -> u64 {
            panic!("step {} failed", 7)
        }));
        assert_eq!(
            failed,
            Err(Failure::Panicked("step 7 failed".to_string())),
            "{place}"
        );
        let next = runtime.block_on(run_as_task(started, || 6 * 7));
        assert_eq!(next, Ok(42), "{place}");
    }
}
// ANCHOR_END: panicking_step

/// `block_in_place` panics on a current-thread runtime (tokio's message
/// says why); the panic is the task's, and the loop goes on.
#[test]
fn block_in_place_refuses_a_current_thread_runtime() {
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let started = Arc::new(Started::start(Place::BlockInPlace, 1).unwrap());
    let failed = runtime.block_on(run_as_task(Arc::clone(&started), || 1));
    match failed {
        Err(Failure::Panicked(message)) => assert!(
            message.contains(
                "can call blocking only when running on the multi-threaded runtime"
            ),
            "{message}"
        ),
        other => panic!("expected a panic, got {other:?}"),
    }
    let on_loop = Arc::new(Started::start(Place::Loop, 1).unwrap());
    assert_eq!(runtime.block_on(run_as_task(on_loop, || 2)), Ok(2));
}

/// Runs a task named "cpu steps" whose step sleeps 400 ms at `place`, on a
/// loop of its own, and returns the slow-poll warnings (threshold 100 ms).
fn warnings_for(place: Place) -> Vec<(String, Duration)> {
    let warned = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&warned);
    let warn =
        move |task: &str, took| seen.lock().unwrap().push((task.to_string(), took));
    let started = Arc::new(Started::start(place, 1).unwrap());
    let step = || std::thread::sleep(Duration::from_millis(400));
    let task = async move { started.run(step).await };
    let watched = slow_poll::watch("cpu steps", Duration::from_millis(100), task, warn);
    loop_for(place).block_on(async { tokio::spawn(watched).await.unwrap().unwrap() });
    Arc::try_unwrap(warned).unwrap().into_inner().unwrap()
}

/// The detector names the task whose step held the loop, once, with the
/// poll's time (at least the step's 400 ms); a step awaited on the blocking
/// pool or on rayon never held the loop, and nothing is reported.
#[test]
fn detector_fires_on_a_step_on_the_loop_and_not_on_an_offloaded_one() {
    let on_loop = warnings_for(Place::Loop);
    assert_eq!(on_loop.len(), 1, "{on_loop:?}");
    assert_eq!(on_loop[0].0, "cpu steps");
    assert!(on_loop[0].1 >= Duration::from_millis(400), "{on_loop:?}");
    for place in [Place::BlockingPool, Place::Rayon, Place::Thread] {
        assert_eq!(warnings_for(place), [], "{place}");
    }
}

/// The warning line names the task, the poll's time and the threshold.
#[test]
fn the_warning_names_the_task_and_both_times() {
    let line = chapter_02_mixed_tasks::warn_slow::warning(
        "cpu steps",
        Duration::from_millis(1_520),
        Duration::from_millis(100),
    );
    assert_eq!(
        line,
        "warning: task \"cpu steps\" held the loop for 1.520 s in one poll (over 100 ms)"
    );
}
