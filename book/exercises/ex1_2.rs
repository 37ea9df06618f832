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

fn main() {
    checks::report(checks::chapter1::starve_the_timers(answer::spin))
}
