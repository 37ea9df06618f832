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
//! The lesson, at the top of `src/` (the book's listings come from here):
//! - [`events`]: what the jobs send while they run (they never print).
//! - [`event_loop`]: what the jobs need from a runtime (the `Loop` trait).
//! - [`place`]: where the CPU steps run, and the step on rayon.
//! - [`ticker`]: the periodic job; each tick says when it was due and ran.
//! - [`random_waits`]: the job that waits a random (seeded) time, again and again.
//! - [`cpu_chain`]: the chain of CPU-bound steps, on the loop or off it.
//! - [`jobs`]: the three jobs of one run, each a future a runtime can drive.
//! - [`runtimes`]: each runtime's `Loop` (sleep, yield, its own way to
//!   offload) and how it runs the three jobs on one loop; one file per
//!   runtime.
//! - [`places`] and [`slow_poll`]: where a CPU step can go, one small file
//!   per place, and a detector that names the task whose poll held the loop.
//!
//! Around it:
//! - [`observe`]: measuring from outside and verdicts: one run measured from
//!   its events, lateness, the run's summary, the step size calibrated on
//!   this machine, the run as a `shared` record.
//! - [`report`] and [`picture`]: every line the program prints, and the
//!   timeline it draws (`--pictures`).
//! - [`config`] and [`run()`]: the command line, and the one function
//!   `main.rs` calls.
//! - [`observe::places`], [`report_places`], [`run_places`] and
//!   [`warn_slow`]: `--compare-places` measured, printed and run, and
//!   `--warn-slow` wired to stderr.
//!
//! Each module uses only those listed before it (the report and the command
//! line come last), so there is no import circle.

pub mod config;
pub mod cpu_chain;
pub mod event_loop;
pub mod events;
pub mod jobs;
pub mod observe;
pub mod picture;
pub mod place;
pub mod random_waits;
pub mod report;
mod run;
pub mod runtimes;
pub mod ticker;

// Where should CPU work go? The places measured side by side, and the
// slow-poll detector (see the book's page of that name).
pub mod places;
pub mod report_places;
pub mod run_places;
pub mod slow_poll;
pub mod warn_slow;

pub use config::Config;
pub use run::run;

// ANCHOR: snapshot_filters
/// What this chapter's snapshots redact on top of the course's timing
/// filters (`shared::snapshot::TIMING_FILTERS`), as `(regex, replacement)`.
/// The tests apply them to the program's output, and the book applies the
/// same ones to a captured real run before holding it equal to the snapshot.
pub const SNAPSHOT_FILTERS: &[(&str, &str)] = &[
    (r"\b\d+ worker threads\b", "[n] worker threads"),
    // The table of `--compare-places`: throughput, threads started, slow
    // polls, and the product's size.
    (r"\b\d+(\.\d+)?/s\b", "[n]/s"),
    (r"\b\d+ threads?\b", "[n] threads"),
    (r"\b\d+ slow\b", "[n] slow"),
    // How late block_in_place's ticks run depends on how fast new threads
    // start on a busy machine: the one verdict of the table left to luck.
    (r"(block_in_place +)(LATE by \S+ \S+|on time \(\S+ \S+\))", "${1}[late or on time]"),
];
// ANCHOR_END: snapshot_filters
