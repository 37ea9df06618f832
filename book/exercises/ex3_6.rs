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

fn main() {
    checks::report(checks::chapter3::on_threads(answer::run_on_threads))
}
