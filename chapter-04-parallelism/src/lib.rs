//! Chapter 4: parallelism with pools of threads and of processes.
//!
//! The article's last experiment maps its 20 CPU-bound calls onto a
//! `multiprocessing.Pool` of N processes, for N = 1, 2, 4, 8 and 20, and sees
//! the time fall until N reaches the number of cores. This chapter runs that
//! sweep on two kinds of pool: a rayon pool of N threads (Rust threads run in
//! parallel, there is no GIL to avoid) and a pool of N worker processes, this
//! same program re-run and fed over pipes, the real analogue of `Pool.map`.
//! It measures time, speedup, efficiency and CPU use against the ideal that
//! the core count and the rounds allow, draws the pictures, and then builds the
//! program the article promised and never showed: an async event loop that
//! hands CPU work to a pool and stays on time.
//!
//! # Layout
//!
//! The lesson, at the top of `src/` (what the book's listings include):
//!
//! - [`call`]: one call of the workload, and its result (a fingerprint).
//! - [`place`]: where the calls run: a pool of threads, of processes, or the
//!   loop's own thread.
//! - [`thread_pool`]: `Pool.map` on a rayon pool of N threads.
//! - [`protocol`]: the line protocol between the pool and its worker processes.
//! - [`worker`]: the worker side: this program re-run, serving calls on stdin,
//!   ended by the kernel if its parent dies.
//! - [`process_pool`]: the pool side: start, map, close, and a drop guard that
//!   kills and reaps every worker.
//! - [`pool_error`]: what can go wrong with a process pool, in words.
//! - [`sweep`]: the sweep over N and places, each run measured.
//! - [`ideal`]: rounds, ideal time, speedup and efficiency, by counting.
//! - [`hybrid`]: a tokio loop whose ticker ticks while a pool does the work
//!   (or, to compare, while the loop does it itself).
//! - [`algorithm`]: a better algorithm against more cores: loop and product tree.
//!
//! Measuring and judging, in [`observe`]: rows against N = 1 and the
//! efficiency bar ([`observe::rows`]), the hybrid's lateness (the course's
//! one meaning of late, `shared::ticker::Lateness`), the `--json` records
//! ([`observe::records`]).
//!
//! Showing it: [`report`] (every line printed, returned as lines),
//! [`pictures`] (the SVG pictures), [`config`] (the command line, a
//! [`config::Config`]) and [`run`], which runs what a `Config` asks for and
//! prints the report's lines. `src/main.rs` serves as a worker if started as
//! one, else parses the command line and calls [`run::run`]. Lower modules
//! never import `report`, `run` or `config`.

pub mod algorithm;
pub mod call;
pub mod hybrid;
pub mod ideal;
pub mod place;
pub mod pool_error;
pub mod process_pool;
pub mod protocol;
pub mod sweep;
pub mod thread_pool;
pub mod worker;

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
    (r"bar (\d+) % (met|missed)", "bar $1 % [met or missed]"),
    (r"\b\d+ of \d+ (ticks|requests)\b", "[n] of [n] $1"),
    (r"\b\d+ (ticks|requests)\b", "[n] $1"),
    (r"\(pid \d+\)", "(pid [pid])"),
    // Whether every core was busy beyond N = cores depends on the load.
    (
        r"(beyond N = \d+: )(every|NOT every) core busy \(\d+\.\d+ to \d+\.\d+ of \d+ cores?\)(\n +more workers than cores took turns on them)?",
        "${1}[every core busy, or not]",
    ),
];
