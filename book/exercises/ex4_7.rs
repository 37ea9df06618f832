//! Runs the check of exercise 4.7 on the learner's file,
//! `chapter-04-parallelism/exercises/ex7_kill_the_worker_that_hangs.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 4.7` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-04-parallelism/exercises/ex7_kill_the_worker_that_hangs.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-04-parallelism/exercises/solutions/ex7_kill_the_worker_that_hangs.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter4::kill_the_worker_that_hangs(
            solution::wait_or_kill,
        ))
    } else {
        checks::report(checks::chapter4::kill_the_worker_that_hangs(answer::wait_or_kill))
    }
}
