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

fn main() {
    checks::report(checks::chapter4::kill_the_worker_that_hangs(answer::wait_or_kill))
}
