//! Runs the check of exercise 2.1 on the learner's file,
//! `chapter-02-mixed-tasks/exercises/ex1_yield_inside_the_step.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 2.1` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-02-mixed-tasks/exercises/ex1_yield_inside_the_step.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;

fn main() {
    checks::report(checks::chapter2::ticks_on_tokio(answer::product_below_yielding))
}
