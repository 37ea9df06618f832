//! Runs the check of exercise 1.5 on the learner's file,
//! `chapter-01-event-loop/exercises/ex5_give_the_loop_a_turn.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 1.5` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-01-event-loop/exercises/ex5_give_the_loop_a_turn.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-01-event-loop/exercises/solutions/ex5_give_the_loop_a_turn.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter1::give_the_loop_a_turn(solution::yield_now))
    } else {
        checks::report(checks::chapter1::give_the_loop_a_turn(answer::yield_now))
    }
}
