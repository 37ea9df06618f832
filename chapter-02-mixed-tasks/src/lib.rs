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
//! The lesson, at the top of `src/` (the book's listings come from here);
//! the ticker itself is the course's one, `shared::ticker`:
//! - [`event_loop`]: what the jobs need from a runtime (the `Loop` trait).
//! - [`place`]: where a CPU step runs (the one `Place`).
//! - [`places`]: where a CPU step can go, one small file per place (rayon's
//!   bridge among them, which the chain's `--offload rayon` uses too).
//! - [`random_waits`]: the job that waits a random (seeded) time, again and again.
//! - [`cpu_chain`]: the chain of CPU-bound steps, on the loop or off it.
//! - [`slow_poll`] and [`warn_slow`]: a detector that names the task whose
//!   poll held the loop, and `--warn-slow`, that detector wired to stderr.
//! - [`jobs`]: the three jobs of one run (the ticker, the random waits, the
//!   CPU chain), each a future a runtime can drive.
//! - [`runtimes`]: each runtime's `Loop` (sleep, yield, its own way to
//!   offload) and how it runs the three jobs on one loop; one file per
//!   runtime.
//!
//! Around it:
//! - [`observe`]: measuring from outside and verdicts: one run measured
//!   while it goes, its summary, the step size calibrated on this machine,
//!   the places compared (`--compare-places`), the run as a `shared` record.
//! - [`report`] and [`picture`]: every line the program prints (the places'
//!   table in `report::places`), and the timeline it draws (`--pictures`).
//! - [`config`] and [`run()`]: the command line, and the one function
//!   `main.rs` calls.
//!
//! Each module uses only those listed before it (the report and the command
//! line come last), so there is no import circle.

pub mod config;
pub mod cpu_chain;
pub mod event_loop;
pub mod jobs;
pub mod observe;
pub mod picture;
pub mod place;
pub mod places;
pub mod random_waits;
pub mod report;
mod run;
pub mod runtimes;
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
    // A tick due within a few milliseconds of a step's end may fall just
    // before or just after it, and run before or after it.
    (
        r"\d+ of (\d+) fell due during a CPU step; \d+ of those",
        "[n] of ${1} fell due during a CPU step; [n] of those",
    ),
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
