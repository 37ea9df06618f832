//! Runs the check of exercise 1.2 on the learner's file,
//! `chapter-01-event-loop/exercises/ex2_starve_the_timers.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 1.2` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-01-event-loop/exercises/ex2_starve_the_timers.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-01-event-loop/exercises/solutions/ex2_starve_the_timers.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter1::starve_the_timers(solution::spin))
    } else {
        checks::report(checks::chapter1::starve_the_timers(answer::spin))
    }
}
