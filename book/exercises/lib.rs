//! The course's exercises and their checks.
//!
//! An exercise is a folder, `chapter-*/exercises/N.M-name/` (see this
//! folder's `README.md`): the learner's `starter.rs`, a `solution.rs`, a
//! `check.rs`, a `judge.rs` and `fixtures/`. Its verdict comes from two
//! processes:
//!
//! - the answer's program (`answer/`): the answer file compiled with its
//!   `check.rs` and nothing of the solution or the judge; the check runs
//!   the answer under measurement and prints what it measured
//!   ([`probe`], with the tools in [`measure`]);
//! - the judge, the `exercises` command: it builds that program
//!   ([`compile`]), runs it and reads what was measured ([`run`]), and the
//!   exercise's `judge.rs` gives the verdict ([`facts`], [`registry`]).
//!
//! The `fixtures` test runs every starter, solution and fixture through
//! the same judge.

pub mod compile;
pub mod facts;
pub mod measure;
pub mod probe;
pub mod registry;
pub mod run;
