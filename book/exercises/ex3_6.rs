//! Runs the check of exercise 3.6 on the learner's file,
//! `chapter-03-cpu-bound/exercises/ex6_on_threads.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 3.6` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-03-cpu-bound/exercises/ex6_on_threads.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-03-cpu-bound/exercises/solutions/ex6_on_threads.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter3::on_threads(solution::run_on_threads))
    } else {
        checks::report(checks::chapter3::on_threads(answer::run_on_threads))
    }
}
