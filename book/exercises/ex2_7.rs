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
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-02-mixed-tasks/exercises/solutions/ex7_on_smol.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter2::ticks_on_smol(solution::step_on_smol))
    } else {
        checks::report(checks::chapter2::ticks_on_smol(answer::step_on_smol))
    }
}
