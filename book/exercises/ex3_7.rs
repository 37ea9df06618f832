//! Runs the check of exercise 3.7 on the learner's file,
//! `chapter-03-cpu-bound/exercises/ex7_release_the_lock.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 3.7` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-03-cpu-bound/exercises/ex7_release_the_lock.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-03-cpu-bound/exercises/solutions/ex7_release_the_lock.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter3::release_the_lock(solution::call_under_lock))
    } else {
        checks::report(checks::chapter3::release_the_lock(answer::call_under_lock))
    }
}
