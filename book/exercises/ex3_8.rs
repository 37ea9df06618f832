//! Runs the check of exercise 3.8 on the learner's file,
//! `chapter-03-cpu-bound/exercises/ex8_off_the_workers.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 3.8` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-03-cpu-bound/exercises/ex8_off_the_workers.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-03-cpu-bound/exercises/solutions/ex8_off_the_workers.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter3::off_the_workers(solution::run_off_the_workers))
    } else {
        checks::report(checks::chapter3::off_the_workers(answer::run_off_the_workers))
    }
}
