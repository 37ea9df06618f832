//! Solutions to the exercises at the end of chapter 2's page.
//!
//! Solutions that are code live here, included in the page by anchor. They
//! count turns, never time: a current-thread runtime runs one task at a
//! time, so whether another task got a turn during a step is certain, not luck.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chapter_02_mixed_tasks::event_loop::Job;

use num_bigint::BigUint;
use shared::workload::product_below;

// ANCHOR: exercise_1_solution
/// [`shared::workload::product_below`], made `async`: the same product, with
/// a `tokio::task::yield_now().await` after every `every` multiplications.
///
/// Each yield ends the task's turn, so whatever is ready on the loop (a due
/// tick) runs before the product goes on. `every` larger than `limit` never
/// yields: then it is the article's step again, one long turn.
async fn product_below_yielding(limit: u32, every: u32) -> BigUint {
    let mut z = BigUint::from(1u32);
    for x in 1..limit {
        z *= x;
        if x % every == 0 {
            tokio::task::yield_now().await;
        }
    }
    z
}
// ANCHOR_END: exercise_1_solution

/// Small enough for a quick test, large enough for several yields.
const LIMIT: u32 = 5_000;

/// Runs `product_below_yielding(LIMIT, every)` on a current-thread runtime
/// beside another task that counts its own turns, and returns the product and
/// how many turns the other task had while the product was being computed.
fn turns_of_a_neighbour(every: u32) -> (BigUint, u64) {
    // ANCHOR: exercise_1_neighbour
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let turns = Arc::new(AtomicU64::new(0));
    let finished = Arc::new(AtomicBool::new(false));
    runtime.block_on(async {
        // The neighbour stands in for the ticker: it counts every turn it gets.
        let (count, stop) = (Arc::clone(&turns), Arc::clone(&finished));
        let neighbour = tokio::spawn(async move {
            while !stop.load(Ordering::Relaxed) {
                count.fetch_add(1, Ordering::Relaxed);
                tokio::task::yield_now().await;
            }
        });
        let product = product_below_yielding(LIMIT, every).await;
        let turns_during_the_step = turns.load(Ordering::Relaxed);
        finished.store(true, Ordering::Relaxed);
        neighbour.await.unwrap();
        (product, turns_during_the_step)
    })
    // ANCHOR_END: exercise_1_neighbour
}

/// Exercise 1: the yielding product is the same number, and a task beside it
/// gets turns while it runs; without yields it gets none until the step ends.
#[test]
fn exercise_1_yielding_steps_let_the_neighbour_run() {
    // ANCHOR: exercise_1_assertions
    let (product, turns) = turns_of_a_neighbour(1_000);
    assert_eq!(product, product_below(LIMIT), "yielding does not change the result");
    assert!(turns > 0, "the neighbour ran while the step was in progress");

    let (product, turns) = turns_of_a_neighbour(100_000);
    assert_eq!(product, product_below(LIMIT));
    assert_eq!(turns, 0, "a step that never yields holds the loop until it ends");
    // ANCHOR_END: exercise_1_assertions
}

/// What running three jobs hands back: their outputs, in order, or why the
/// runtime could not run them.
type Outputs<A, B, C> =
    Result<(<A as Future>::Output, <B as Future>::Output, <C as Future>::Output), String>;

/// Exercise 1, the "every 100 000" case: a step yields exactly where `x` is
/// a multiple of `every`, so a step whose limit is above `every` does yield
/// (once here, near its end), and one whose limit is not, never does.
#[test]
fn exercise_1_a_step_yields_only_past_a_multiple_of_every() {
    let (_, turns) = turns_of_a_neighbour(LIMIT - 1);
    assert!(turns > 0, "a limit above `every`: one yield, near the end of the step");
    let (_, turns) = turns_of_a_neighbour(LIMIT);
    assert_eq!(turns, 0, "`x` stops below the limit: no multiple of `every`, no yield");
}

/// How the chain of exercise 5 ends its turn after each step.
#[derive(Debug, Clone, Copy)]
enum Yield {
    /// `tokio::task::yield_now()`, the chapter's choice.
    Tokio,
    /// `smol::future::yield_now()`: wakes itself at once.
    Smol,
    /// `std::future::ready(())`: never gives the loop back.
    Never,
}

/// Steps of the chain in exercise 5.
const STEPS: u64 = 100;

// ANCHOR: exercise_5_steps_before_the_tick
/// Runs a chain of steps that block the loop for 5 ms each beside a timer
/// that falls due during the first step, on tokio's current-thread runtime,
/// and returns how many steps ran before the timer's task did.
fn steps_before_the_tick(how: Yield) -> u64 {
    let runtime =
        tokio::runtime::Builder::new_current_thread().enable_time().build().unwrap();
    let steps = Arc::new(AtomicU64::new(0));
    let (seen, chain_steps) = (Arc::clone(&steps), Arc::clone(&steps));
    runtime.block_on(async move {
        let ticker = tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(1)).await;
            seen.load(Ordering::Relaxed)
        });
        let chain = tokio::spawn(async move {
            for _ in 0..STEPS {
                std::thread::sleep(Duration::from_millis(5)); // the loop is blocked
                chain_steps.fetch_add(1, Ordering::Relaxed);
                match how {
                    Yield::Tokio => tokio::task::yield_now().await,
                    Yield::Smol => smol::future::yield_now().await,
                    Yield::Never => std::future::ready(()).await,
                }
            }
        });
        let before_the_tick = ticker.await.unwrap();
        chain.await.unwrap();
        before_the_tick
    })
}
// ANCHOR_END: exercise_5_steps_before_the_tick

/// Exercise 5: tokio's yield lets the due timer run after one step; a yield
/// that wakes itself at once lets many steps run first; no yield, all of them.
#[test]
fn exercise_5_only_tokios_yield_lets_the_due_tick_go_first() {
    // ANCHOR: exercise_5_assertions
    assert_eq!(steps_before_the_tick(Yield::Tokio), 1, "the tick goes first");
    let smol = steps_before_the_tick(Yield::Smol);
    assert!(smol > 10, "tokio looks at its timers only now and then: {smol}");
    assert_eq!(steps_before_the_tick(Yield::Never), STEPS, "the loop never gets a turn");
    // ANCHOR_END: exercise_5_assertions
}

// ANCHOR: exercise_2_solution
/// `runtimes/tokio_multi_thread.rs`'s `run`, with the three jobs spawned as
/// three tasks instead of joined in one: a worker blocked by one task's CPU
/// step no longer holds the others, which another worker can run.
fn run_as_three_tasks<A: Job, B: Job, C: Job>(
    (ticker, random_waits, cpu_chain): (A, B, C),
    workers: usize,
) -> Outputs<A, B, C> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_time()
        .build()
        .map_err(|err| format!("cannot start tokio: {err}"))?;
    runtime.block_on(async {
        // Spawned from outside the workers, each task can go to any of them.
        let ticker = tokio::spawn(ticker);
        let random_waits = tokio::spawn(random_waits);
        let cpu_chain = tokio::spawn(cpu_chain);
        let failed = |err: tokio::task::JoinError| format!("a job failed: {err}");
        Ok((
            ticker.await.map_err(failed)?,
            random_waits.await.map_err(failed)?,
            cpu_chain.await.map_err(failed)?,
        ))
    })
}
// ANCHOR_END: exercise_2_solution

/// `runtimes/tokio_multi_thread.rs`'s `run` as the chapter writes it, for
/// any three jobs: joined in one task on a multi-thread runtime.
fn run_joined<A: Job, B: Job, C: Job>(
    (ticker, random_waits, cpu_chain): (A, B, C),
) -> Outputs<A, B, C> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .map_err(|err| format!("cannot start tokio: {err}"))?;
    let joined = runtime.block_on(async {
        tokio::spawn(async { tokio::join!(ticker, random_waits, cpu_chain) }).await
    });
    joined.map_err(|err| format!("a job failed: {err}"))
}

/// Three stand-ins for the chapter's jobs: a neighbour that counts its turns
/// every millisecond (the ticker), a job with nothing to do (the random waits), and a step that holds
/// its worker until the neighbour has had a turn, or `patience` has passed
/// (the CPU chain). The step hands back the turns the neighbour had while
/// it held its worker (the neighbour may have had one before it began).
fn stand_ins(
    patience: Duration,
) -> (impl Job<Output = ()>, impl Job<Output = ()>, impl Job<Output = u64>) {
    let turns = Arc::new(AtomicU64::new(0));
    let finished = Arc::new(AtomicBool::new(false));
    let (count, stop) = (Arc::clone(&turns), Arc::clone(&finished));
    let neighbour = async move {
        while !stop.load(Ordering::Relaxed) {
            count.fetch_add(1, Ordering::Relaxed);
            // Woken by a timer, as the ticker is: an idle worker, parked on
            // the runtime's timers, picks the task up.
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    };
    let step = async move {
        let (started, before) = (Instant::now(), turns.load(Ordering::Relaxed));
        let during = || turns.load(Ordering::Relaxed) - before;
        // Blocks the worker, as a CPU step does; never awaits meanwhile.
        while during() == 0 && started.elapsed() < patience {
            std::thread::sleep(Duration::from_millis(1));
        }
        let during_the_step = during();
        finished.store(true, Ordering::Relaxed);
        during_the_step
    };
    (neighbour, async {}, step)
}

/// Exercise 2: spawned as three tasks on two workers, the neighbour runs
/// while the step holds a worker; joined in one task (the chapter's code) or
/// with one worker, it gets no turn until the step ends. No timing is
/// asserted: the step waits for the neighbour, up to a patience that is long
/// where a turn must come and short where none can.
#[test]
fn exercise_2_separate_tasks_run_beside_a_blocked_worker() {
    // ANCHOR: exercise_2_assertions
    let (_, _, turns) =
        run_as_three_tasks(stand_ins(Duration::from_secs(30)), 2).unwrap();
    assert!(turns > 0, "another worker ran the neighbour during the step");

    let (_, _, turns) = run_as_three_tasks(stand_ins(Duration::from_secs(1)), 1).unwrap();
    assert_eq!(turns, 0, "one worker: nobody else to run the neighbour");

    let (_, _, turns) = run_joined(stand_ins(Duration::from_secs(1))).unwrap();
    assert_eq!(turns, 0, "joined in one task, the neighbour waits for the step");
    // ANCHOR_END: exercise_2_assertions
}
