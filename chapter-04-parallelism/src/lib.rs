//! Chapter 4: parallelism with pools of threads and of processes.
//!
//! The article's last experiment maps its 20 CPU-bound calls onto a
//! `multiprocessing.Pool` of N processes, for N = 1, 2, 4, 8 and 20, and sees
//! the time fall until N reaches the number of cores. This chapter runs that
//! sweep on two kinds of pool: a rayon pool of N threads (Rust threads run in
//! parallel, there is no GIL to avoid) and a pool of N worker processes, this
//! same program re-run and fed over pipes, the real analogue of `Pool.map`.
//! It measures time, speedup, efficiency and CPU use against the ideal that
//! the core count and the rounds allow, draws the chart, and then builds the
//! program the article promised and never showed: an async event loop that
//! hands CPU work to a pool and stays on time.
//!
//! # Layout
//!
//! - [`call`]: one call of the workload, and its result (a fingerprint).
//! - [`thread_pool`]: `Pool.map` on a rayon pool of N threads.
//! - [`protocol`]: the line protocol between the pool and its worker processes.
//! - [`worker`]: the worker side: this program re-run, serving calls on stdin.
//! - [`process_pool`]: the pool side: start, map, close, and a drop guard that
//!   kills and reaps every worker.
//! - [`sweep`]: the sweep over N and pool kinds, each run measured.
//! - [`ideal`]: rounds, ideal time, speedup and efficiency, by counting.
//! - [`report`]: lines, the table, the summary in words, Markdown for the book.
//! - [`chart`]: the SVG bar chart, with labels and hover text.
//! - [`progress`]: a progress bar on stderr, only on a terminal.
//! - [`hybrid`]: a tokio loop with a heartbeat while a pool does the work.
//! - [`algorithm`]: a better algorithm against more cores: loop and product tree.
//!
//! The binary (`src/main.rs`) parses the command line, or serves as a worker.

pub mod algorithm;
pub mod call;
pub mod chart;
pub mod hybrid;
pub mod ideal;
pub mod process_pool;
pub mod progress;
pub mod protocol;
pub mod report;
pub mod sweep;
pub mod thread_pool;
pub mod worker;

/// What this chapter's snapshots redact on top of the course's timing
/// filters (`shared::snapshot::TIMING_FILTERS`), as `(regex, replacement)`.
/// The tests apply them to the program's output, and the book applies the
/// same ones to a captured real run before holding it equal to the snapshot.
pub const SNAPSHOT_FILTERS: &[(&str, &str)] = &[
    (r"\(bar (\d+) %: (met|missed)\)", "(bar $1 %: [met or missed])"),
    (r"\b\d+ (beats|served)\b", "[n] $1"),
    (r"\(pid \d+\)", "(pid [pid])"),
];
