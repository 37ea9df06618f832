//! Solutions to the exercises at the end of chapter 2's page.
//!
//! They count turns, never time: a current-thread runtime runs one task at a
//! time, so whether another task got a turn during a step is certain, not luck.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use chapter_02_mixed_tasks::exercises::product_below_yielding;
use shared::workload::product_below;

/// Small enough for a quick test, large enough for several yields.
const LIMIT: u32 = 5_000;

/// Runs `product_below_yielding(LIMIT, every)` on a current-thread runtime
/// beside another task that counts its own turns, and returns the product and
/// how many turns the other task had while the product was being computed.
fn turns_of_a_neighbour(every: u32) -> (num_bigint::BigUint, u64) {
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
