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
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-04-parallelism/exercises/solutions/ex6_results_in_call_order.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter4::results_in_call_order(solution::pool_map))
    } else {
        checks::report(checks::chapter4::results_in_call_order(answer::pool_map))
    }
}
