//! Runs the check of exercise 1.3 on the learner's file,
//! `chapter-01-event-loop/exercises/ex3_burst_or_delay.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 1.3` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-01-event-loop/exercises/ex3_burst_or_delay.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-01-event-loop/exercises/solutions/ex3_burst_or_delay.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter1::burst_or_delay(solution::behavior))
    } else {
        checks::report(checks::chapter1::burst_or_delay(answer::behavior))
    }
}
