//! The exercises' checks, graded on the starters as shipped (each must
//! fail, saying what it measured) and on the reference solutions (each must
//! pass). The starters, the solutions and the checks are compiled once,
//! into this one test, through `#[path]`: the `exercises` command builds
//! only the one runner a learner asks for. The checks run one at a time, so
//! that a check that measures time is not disturbed by another.

use std::sync::{Mutex, MutexGuard};

#[allow(unreachable_pub, dead_code)]
#[path = "../exercises/checks/mod.rs"]
mod checks;

use checks::Checked;
#[allow(unreachable_pub)]
#[path = "../../chapter-01-event-loop/exercises/solutions/ex1_watch_the_order.rs"]
mod solution_1_1;
#[allow(unreachable_pub)]
#[path = "../../chapter-01-event-loop/exercises/solutions/ex2_starve_the_timers.rs"]
mod solution_1_2;
#[allow(unreachable_pub)]
#[path = "../../chapter-01-event-loop/exercises/solutions/ex3_burst_or_delay.rs"]
mod solution_1_3;
#[allow(unreachable_pub)]
#[path = "../../chapter-01-event-loop/exercises/solutions/ex5_give_the_loop_a_turn.rs"]
mod solution_1_5;
#[allow(unreachable_pub)]
#[path = "../../chapter-02-mixed-tasks/exercises/solutions/ex1_yield_inside_the_step.rs"]
mod solution_2_1;
#[allow(unreachable_pub)]
#[path = "../../chapter-02-mixed-tasks/exercises/solutions/ex6_off_the_loop.rs"]
mod solution_2_6;
#[allow(unreachable_pub)]
#[path = "../../chapter-02-mixed-tasks/exercises/solutions/ex7_on_smol.rs"]
mod solution_2_7;
#[allow(unreachable_pub)]
#[path = "../../chapter-03-cpu-bound/exercises/solutions/ex6_on_threads.rs"]
mod solution_3_6;
#[allow(unreachable_pub)]
#[path = "../../chapter-03-cpu-bound/exercises/solutions/ex7_release_the_lock.rs"]
mod solution_3_7;
#[allow(unreachable_pub)]
#[path = "../../chapter-03-cpu-bound/exercises/solutions/ex8_off_the_workers.rs"]
mod solution_3_8;
#[allow(unreachable_pub)]
#[path = "../../chapter-04-parallelism/exercises/solutions/ex6_results_in_call_order.rs"]
mod solution_4_6;
#[allow(unreachable_pub)]
#[path = "../../chapter-04-parallelism/exercises/solutions/ex7_kill_the_worker_that_hangs.rs"]
mod solution_4_7;
#[allow(unreachable_pub)]
#[path = "../../chapter-04-parallelism/exercises/solutions/ex8_hand_off_to_the_pool.rs"]
mod solution_4_8;
#[allow(unreachable_pub)]
#[path = "../../chapter-01-event-loop/exercises/ex1_watch_the_order.rs"]
mod starter_1_1;
#[allow(unreachable_pub)]
#[path = "../../chapter-01-event-loop/exercises/ex2_starve_the_timers.rs"]
mod starter_1_2;
#[allow(unreachable_pub)]
#[path = "../../chapter-01-event-loop/exercises/ex3_burst_or_delay.rs"]
mod starter_1_3;
#[allow(unreachable_pub)]
#[path = "../../chapter-01-event-loop/exercises/ex5_give_the_loop_a_turn.rs"]
mod starter_1_5;
#[allow(unreachable_pub)]
#[path = "../../chapter-02-mixed-tasks/exercises/ex1_yield_inside_the_step.rs"]
mod starter_2_1;
#[allow(unreachable_pub)]
#[path = "../../chapter-02-mixed-tasks/exercises/ex6_off_the_loop.rs"]
mod starter_2_6;
#[allow(unreachable_pub)]
#[path = "../../chapter-02-mixed-tasks/exercises/ex7_on_smol.rs"]
mod starter_2_7;
#[allow(unreachable_pub)]
#[path = "../../chapter-03-cpu-bound/exercises/ex6_on_threads.rs"]
mod starter_3_6;
#[allow(unreachable_pub)]
#[path = "../../chapter-03-cpu-bound/exercises/ex7_release_the_lock.rs"]
mod starter_3_7;
#[allow(unreachable_pub)]
#[path = "../../chapter-03-cpu-bound/exercises/ex8_off_the_workers.rs"]
mod starter_3_8;
#[allow(unreachable_pub)]
#[path = "../../chapter-04-parallelism/exercises/ex6_results_in_call_order.rs"]
mod starter_4_6;
#[allow(unreachable_pub)]
#[path = "../../chapter-04-parallelism/exercises/ex7_kill_the_worker_that_hangs.rs"]
mod starter_4_7;
#[allow(unreachable_pub)]
#[path = "../../chapter-04-parallelism/exercises/ex8_hand_off_to_the_pool.rs"]
mod starter_4_8;

/// One check at a time.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The starter fails, with a message that says what was measured; the
/// solution passes.
fn graded(
    id: &str,
    starter: impl FnOnce() -> Checked,
    solution: impl FnOnce() -> Checked,
) {
    let _turn = one_at_a_time();
    match starter() {
        Ok(measured) => panic!("{id}: the starter as shipped passes: {measured}"),
        Err(failure) => {
            assert!(failure.starts_with("measured: "), "{id}: {failure}");
            eprintln!("{id} starter: {failure}");
        }
    }
    match solution() {
        Ok(measured) => eprintln!("{id} solution: {measured}"),
        Err(failure) => panic!("{id}: the reference solution fails: {failure}"),
    }
}

#[test]
fn exercise_1_1_watch_the_order() {
    graded(
        "1.1",
        || checks::chapter1::watch_the_order(starter_1_1::predicted_order),
        || checks::chapter1::watch_the_order(solution_1_1::predicted_order),
    );
}

#[test]
fn exercise_1_2_starve_the_timers() {
    graded(
        "1.2",
        || checks::chapter1::starve_the_timers(starter_1_2::spin),
        || checks::chapter1::starve_the_timers(solution_1_2::spin),
    );
}

#[test]
fn exercise_1_3_burst_or_delay() {
    graded(
        "1.3",
        || checks::chapter1::burst_or_delay(starter_1_3::behavior),
        || checks::chapter1::burst_or_delay(solution_1_3::behavior),
    );
}

#[test]
fn exercise_1_5_give_the_loop_a_turn() {
    graded(
        "1.5",
        || checks::chapter1::give_the_loop_a_turn(starter_1_5::yield_now),
        || checks::chapter1::give_the_loop_a_turn(solution_1_5::yield_now),
    );
}

#[test]
fn exercise_2_1_yield_inside_the_step() {
    graded(
        "2.1",
        || checks::chapter2::ticks_on_tokio(starter_2_1::product_below_yielding),
        || checks::chapter2::ticks_on_tokio(solution_2_1::product_below_yielding),
    );
}

#[test]
fn exercise_2_6_off_the_loop() {
    graded(
        "2.6",
        || checks::chapter2::ticks_on_tokio(starter_2_6::step_off_the_loop),
        || checks::chapter2::ticks_on_tokio(solution_2_6::step_off_the_loop),
    );
}

#[test]
fn exercise_2_7_on_smol() {
    graded(
        "2.7",
        || checks::chapter2::ticks_on_smol(starter_2_7::step_on_smol),
        || checks::chapter2::ticks_on_smol(solution_2_7::step_on_smol),
    );
}

#[test]
fn exercise_3_6_on_threads() {
    graded(
        "3.6",
        || checks::chapter3::on_threads(starter_3_6::run_on_threads),
        || checks::chapter3::on_threads(solution_3_6::run_on_threads),
    );
}

#[test]
fn exercise_3_7_release_the_lock() {
    graded(
        "3.7",
        || checks::chapter3::release_the_lock(starter_3_7::call_under_lock),
        || checks::chapter3::release_the_lock(solution_3_7::call_under_lock),
    );
}

#[test]
fn exercise_3_8_off_the_workers() {
    graded(
        "3.8",
        || checks::chapter3::off_the_workers(starter_3_8::run_off_the_workers),
        || checks::chapter3::off_the_workers(solution_3_8::run_off_the_workers),
    );
}

#[test]
fn exercise_4_6_results_in_call_order() {
    graded(
        "4.6",
        || checks::chapter4::results_in_call_order(starter_4_6::pool_map),
        || checks::chapter4::results_in_call_order(solution_4_6::pool_map),
    );
}

#[test]
fn exercise_4_7_kill_the_worker_that_hangs() {
    graded(
        "4.7",
        || checks::chapter4::kill_the_worker_that_hangs(starter_4_7::wait_or_kill),
        || checks::chapter4::kill_the_worker_that_hangs(solution_4_7::wait_or_kill),
    );
}

#[test]
fn exercise_4_8_hand_off_to_the_pool() {
    graded(
        "4.8",
        || checks::chapter4::hand_off(starter_4_8::hand_off),
        || checks::chapter4::hand_off(solution_4_8::hand_off),
    );
}
