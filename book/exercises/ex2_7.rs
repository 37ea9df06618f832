//! Runs the check of exercise 2.7 on the learner's file,
//! `chapter-02-mixed-tasks/exercises/ex7_on_smol.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 2.7` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-02-mixed-tasks/exercises/ex7_on_smol.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;

fn main() {
    checks::report(checks::chapter2::ticks_on_smol(answer::step_on_smol))
}
