//! Runs the check of exercise 4.6 on the learner's file,
//! `chapter-04-parallelism/exercises/ex6_results_in_call_order.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 4.6` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-04-parallelism/exercises/ex6_results_in_call_order.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;

fn main() {
    checks::report(checks::chapter4::results_in_call_order(answer::pool_map))
}
