//! The two pools agree: the same results, in the caller's order, whatever
//! order the workers finished in.

use std::path::Path;
use std::time::Duration;

use chapter_04_parallelism::algorithm::Algorithm;
use chapter_04_parallelism::call::Call;
use chapter_04_parallelism::process_pool::ProcessPool;
use chapter_04_parallelism::thread_pool;
use shared::shutdown::Shutdown;

const PROGRAM: &str = env!("CARGO_BIN_EXE_chapter-04-parallelism");

/// Calls of different sizes, the biggest first, so that they finish out of order.
fn uneven_calls() -> Vec<Call> {
    let limit = |id| 4_000 - 300 * id as u32;
    (0..12).map(|id| Call { id, limit: limit(id), algorithm: Algorithm::Loop }).collect()
}

/// What each call returns when run directly, in the caller's order.
fn direct(calls: &[Call]) -> Vec<u64> {
    calls.iter().map(|call| call.run()).collect()
}

/// The process pool returns the same fingerprints as the thread pool and as
/// direct calls, in the order of the calls, though they finished in another.
#[test]
fn process_pool_matches_thread_pool_in_callers_order() {
    let calls = uneven_calls();
    let shutdown = Shutdown::new();
    let expected = direct(&calls);
    assert_eq!(
        expected.iter().collect::<std::collections::HashSet<_>>().len(),
        calls.len(),
        "all differ"
    );

    let threads = thread_pool::map(3, &calls, &shutdown, |_, _| {}).unwrap().unwrap();
    let mut pool =
        ProcessPool::start(3, Path::new(PROGRAM), Duration::from_secs(30), 0, &shutdown)
            .unwrap();
    assert_eq!(pool.size(), 3);
    let mut finished = Vec::new();
    let processes =
        pool.map(&calls, &shutdown, |call, _| finished.push(call.id)).unwrap();
    pool.close();

    assert_eq!(threads, expected);
    assert_eq!(processes, expected);
    let mut sorted = finished.clone();
    sorted.sort_unstable();
    assert_eq!(
        sorted,
        (0..calls.len()).collect::<Vec<_>>(),
        "every call finished exactly once"
    );
}

/// A pool can map twice: its workers stay up between maps, like `Pool`.
#[test]
fn a_process_pool_serves_several_maps() {
    let shutdown = Shutdown::new();
    let mut pool =
        ProcessPool::start(2, Path::new(PROGRAM), Duration::from_secs(30), 0, &shutdown)
            .unwrap();
    let calls = Call::batch(4, 21, Algorithm::Loop);
    assert_eq!(pool.map(&calls, &shutdown, |_, _| {}).unwrap(), vec![62; 4]);
    assert_eq!(
        pool.map(&uneven_calls(), &shutdown, |_, _| {}).unwrap(),
        direct(&uneven_calls())
    );
}

/// Tree-style work through worker processes: each call names its algorithm
/// and each worker computes exactly that, so the trees' results, from the
/// workers, equal the loop's computed here.
#[test]
fn workers_compute_the_algorithm_each_call_names() {
    let shutdown = Shutdown::new();
    let mut pool =
        ProcessPool::start(2, Path::new(PROGRAM), Duration::from_secs(30), 0, &shutdown)
            .unwrap();
    let loop_answer = Call::batch(1, 6_000, Algorithm::Loop)[0].run();
    for algorithm in [Algorithm::Tree, Algorithm::ParallelTree] {
        let calls = Call::batch(4, 6_000, algorithm);
        let mut seen = Vec::new();
        let answers = pool.map(&calls, &shutdown, |call, _| seen.push(call.algorithm));
        assert_eq!(answers.unwrap(), vec![loop_answer; 4], "{algorithm:?}");
        assert_eq!(seen, vec![algorithm; 4]);
    }
    pool.close();
}

/// A stop requested before the map starts stops both pools with no result.
#[test]
fn a_requested_stop_stops_both_pools() {
    let shutdown = Shutdown::new();
    let mut pool =
        ProcessPool::start(2, Path::new(PROGRAM), Duration::from_secs(30), 0, &shutdown)
            .unwrap();
    shutdown.request();
    assert_eq!(thread_pool::map(2, &uneven_calls(), &shutdown, |_, _| {}).unwrap(), None);
    let err = pool.map(&uneven_calls(), &shutdown, |_, _| {}).unwrap_err();
    assert_eq!(err.to_string(), "stopped by Ctrl-C");
}

/// A program that is not a worker is reported, not waited on for ever.
#[test]
fn a_worker_that_never_gets_ready_is_reported() {
    let shutdown = Shutdown::new();
    let err = ProcessPool::start(
        1,
        Path::new("/bin/true"),
        Duration::from_secs(30),
        0,
        &shutdown,
    )
    .unwrap_err();
    assert!(err.to_string().contains("exited with code 0 before it was ready"), "{err}");
    let err = ProcessPool::start(
        1,
        Path::new("/no/such/program"),
        Duration::from_secs(30),
        0,
        &shutdown,
    )
    .unwrap_err();
    assert!(err.to_string().contains("could not start a worker process"), "{err}");
}
