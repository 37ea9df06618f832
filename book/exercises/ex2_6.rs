//! Runs the check of exercise 2.6 on the learner's file,
//! `chapter-02-mixed-tasks/exercises/ex6_off_the_loop.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 2.6` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-02-mixed-tasks/exercises/ex6_off_the_loop.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-02-mixed-tasks/exercises/solutions/ex6_off_the_loop.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter2::ticks_on_tokio(solution::step_off_the_loop))
    } else {
        checks::report(checks::chapter2::ticks_on_tokio(answer::step_off_the_loop))
    }
}
