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

fn main() {
    checks::report(checks::chapter3::off_the_workers(answer::run_off_the_workers))
}
