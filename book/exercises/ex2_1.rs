//! Runs the check of exercise 2.1 on the learner's file,
//! `chapter-02-mixed-tasks/exercises/ex1_yield_inside_the_step.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 2.1` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-02-mixed-tasks/exercises/ex1_yield_inside_the_step.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-02-mixed-tasks/exercises/solutions/ex1_yield_inside_the_step.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter2::ticks_on_tokio(solution::product_below_yielding))
    } else {
        checks::report(checks::chapter2::ticks_on_tokio(answer::product_below_yielding))
    }
}
