//! The checks of the course's exercises: one function per exercise that
//! runs the learner's answer, measures what the exercise is about (the
//! order callbacks ran in, how late a tick was, how many calls were in
//! progress at once, whether a hung worker was killed), and gives a verdict.
//!
//! Each check takes the answer as a parameter, so the same function grades
//! the learner's file (through the exercise's runner,
//! `book/exercises/exN_M.rs`, which the `exercises` command builds) and the
//! reference solution and the untouched starter (in `book/tests/exercises.rs`).
//! Checks that depend on time either count turns, wait for a condition with
//! a patience that only a wrong answer runs into, or compare a lateness
//! with the step it waited for, so that load cannot flip a verdict.

pub mod chapter1;
pub mod chapter2;
pub mod chapter3;
pub mod chapter4;
pub mod measure;

/// What a check found: `Ok` with what it measured, or `Err` with what it
/// measured and why that is not yet the answer.
pub type Checked = Result<String, String>;

/// Prints a runner's verdict, wrapped to fit 80 columns, and exits: 0 when
/// the check passed, 1 when not.
/// Whether the runner was asked to check the reference solution
/// (`exercises check N.M --solution`) instead of the learner's file.
pub fn on_solution() -> bool {
    std::env::args().any(|arg| arg == "--solution")
}

pub fn report(checked: Checked) -> ! {
    let (measured, code) = match checked {
        Ok(measured) => (measured, 0),
        Err(measured) => (measured, 1),
    };
    println!("{}", course_book::exercises::wrap(&measured));
    std::process::exit(code)
}
