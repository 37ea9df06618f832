//! Runs the check of exercise 4.8 on the learner's file,
//! `chapter-04-parallelism/exercises/ex8_hand_off_to_the_pool.rs`:
//! `cargo run -q -p course-book --bin exercises -- check 4.8` builds and
//! runs this.

#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-04-parallelism/exercises/ex8_hand_off_to_the_pool.rs"]
mod answer;
#[allow(unreachable_pub, dead_code)]
#[path = "checks/mod.rs"]
mod checks;
#[allow(unreachable_pub, dead_code)]
#[path = "../../chapter-04-parallelism/exercises/solutions/ex8_hand_off_to_the_pool.rs"]
mod solution;

fn main() {
    // `check N.M --solution` runs the same check on the reference solution.
    if checks::on_solution() {
        checks::report(checks::chapter4::hand_off(solution::hand_off))
    } else {
        checks::report(checks::chapter4::hand_off(answer::hand_off))
    }
}
