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

fn main() {
    checks::report(checks::chapter1::burst_or_delay(answer::behavior))
}
