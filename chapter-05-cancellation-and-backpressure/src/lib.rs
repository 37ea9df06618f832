//! Chapter 5: stopping and limiting work.
//!
//! Chapter 4 ended by handing CPU work to a pool. This chapter asks the two
//! questions that follow: once work is handed off, can you take it back,
//! and can you refuse more of it? Part 1 gives a chain of CPU steps a
//! deadline and measures what runs after it, for each way of giving up;
//! then `JoinSet`'s aborts, and what a `select!` loop loses when a method
//! is not cancel safe. Part 2 puts a fast producer before a slow consumer,
//! through an unbounded and a bounded channel, and a `Semaphore` before a
//! slow service. Part 3 is a `Mutex` guard across an `.await`.
//!
//! # Layout
//!
//! The lesson, at the top of `src/` (what the book's listings include):
//!
//! - [`chain`]: the chain of CPU steps, whole or checking a token.
//! - [`timeout`]: a future dropped by `tokio::time::timeout` at its `.await`.
//! - [`detached`]: jobs a drop cannot stop: `spawn_blocking`, rayon.
//! - [`token`]: the remedy, a `CancellationToken` checked between steps.
//! - [`process`]: the chain in a child process, killed at the deadline.
//! - [`abort`]: `JoinSet::abort_all`, a dropped `JoinSet`, a task that
//!   never awaits.
//! - [`cancel_safety`]: `read_exact` against `read_buf` in a `select!` loop.
//! - [`channels`]: unbounded and bounded channels.
//! - [`semaphore`]: requests capped by a `Semaphore`.
//! - [`shared_state`]: `std::sync::Mutex` dropped before `.await`, and
//!   `tokio::sync::Mutex` held across it.
//!
//! Measuring and judging, in [`observe`]: progress of a chain, CPU after a
//! deadline, memory and queues over time, verdicts, the `--json` records.
//!
//! Showing it: [`report`] (every line printed), [`pictures`] (the SVG
//! pictures), [`config`] (the command line) and [`run`], which runs what a
//! `Config` asks for. `src/main.rs` parses the command line and calls
//! [`run::run`], or serves as a child. Lower modules never import
//! `report`, `run` or `config`.

pub mod abort;
pub mod cancel_safety;
pub mod chain;
pub mod channels;
pub mod detached;
pub mod process;
pub mod semaphore;
pub mod shared_state;
pub mod timeout;
pub mod token;

pub mod observe;

pub mod config;
pub mod pictures;
pub mod report;
pub mod run;

/// What this chapter's snapshots redact on top of the course's timing
/// filters (`shared::snapshot::TIMING_FILTERS`), as `(regex, replacement)`.
/// The tests apply them to the program's output, and the book applies the
/// same ones to a captured real run before holding it equal to the snapshot.
pub const SNAPSHOT_FILTERS: &[(&str, &str)] = &[
    // Part 1's table: steps begun and ended depend on where the deadline
    // fell; the verdicts below it say what they mean.
    (
        r"(?m)^(  \S+ +(?:future dropped|handle dropped|token cancelled|SIGKILL)) +\d+ +\d+ ",
        "$1 [n] [n] ",
    ),
    (r"\b\d+\.\d+ steps\b", "[n] steps"),
    (r"\b\d+ steps began after abort\(\)", "[n] steps began after abort()"),
    (r"\b[1-9]\d* steps began", "[n] steps began"),
    (r"LOST: \d+ of", "LOST: [n] of"),
    // Part 2: queues, rates, memory, requests in flight.
    (r"\b\d+ queued\b", "[n] queued"),
    (r"\b\d+ items/s", "[n] items/s"),
    (r"\bagainst \d+\b", "against [n]"),
    (r"\b\d+(\.\d+)? (bytes|KiB|MiB|GiB)\b", "[bytes]"),
    (r"(?m)^(  (?:uncapped|capped \d+)) +\d+ ", "$1 [n] "),
    (r"(?m)^(  (?:uncapped|capped \d+) .*) +\d+$", "$1 [n]"),
    (r"\b\d+ in flight at most", "[n] in flight at most"),
    // Part 3: the counts are exact; nothing else to redact.
];
