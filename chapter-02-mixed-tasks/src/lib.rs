//! Chapter 2: mixed tasks on one loop, the late timer, and the fix.
//!
//! The article's second program puts three jobs on one asyncio loop: a
//! printer that should run every 2 seconds, a job that waits a random time and
//! prints, and a chain of CPU-bound calls that schedules itself again and
//! again. The printer falls behind: the article saw 6 to 7 seconds between
//! prints instead of 2. This chapter runs the same three jobs on tokio,
//! async-std and smol, measures how late every tick is, and then applies the
//! remedy the article only promised: the CPU steps run off the loop (a
//! runtime's blocking pool, or rayon), and the ticks come on time again.
//!
//! # Layout
//!
//! - [`jobs`]: the three jobs, written once for every runtime, and what a run
//!   hands back ([`jobs::Outcome`]).
//! - [`ticker`]: the periodic job; each tick records when it was due and when it ran.
//! - [`chores`]: the job that waits a random (seeded) time, again and again.
//! - [`cpu_chain`]: the chain of CPU-bound steps, on the loop or off it.
//! - [`calibrate`]: picks the step size from a measurement of this machine.
//! - [`runtimes`]: what each runtime provides (sleep, yield, its own way to
//!   offload), one file per runtime, plus rayon.
//! - [`python`]: the article's loop timed in `python3`, for the book's comparison.
//! - [`report`]: the tick lines, the summary and its verdict, the Markdown table.
//! - [`exercises`]: solutions to the page's exercises that vary the chapter's code.
//!
//! The binary (`src/main.rs`) only parses the command line and picks a runtime.

pub mod calibrate;
pub mod chores;
pub mod cpu_chain;
pub mod exercises;
pub mod jobs;
pub mod python;
pub mod report;
pub mod runtimes;
pub mod ticker;

// ANCHOR: snapshot_filters
/// What this chapter's snapshots redact on top of the course's timing
/// filters (`shared::snapshot::TIMING_FILTERS`), as `(regex, replacement)`.
/// The tests apply them to the program's output, and the book applies the
/// same ones to a captured real run before holding it equal to the snapshot.
pub const SNAPSHOT_FILTERS: &[(&str, &str)] =
    &[(r"\b\d+ worker threads\b", "[n] worker threads")];
// ANCHOR_END: snapshot_filters
