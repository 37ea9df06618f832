//! Runs the check of exercise 1.1 on the learner's file,
//! `chapter-01-event-loop/exercises/ex1_watch_the_order.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 1.1` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-01-event-loop/exercises/ex1_watch_the_order.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-01-event-loop/exercises/solutions/ex1_watch_the_order.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter1::watch_the_order(solution::predicted_order))
    } else {
        checks::report(checks::chapter1::watch_the_order(answer::predicted_order))
    }
}
