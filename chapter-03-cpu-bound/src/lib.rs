//! Chapter 3: CPU-bound work on an event loop, on threads, and under a GIL.
//!
//! The article times 20 calls of its CPU-bound function: on asyncio's event
//! loop, one after another (30.37 s), and on 20 threads (30.67 s: no faster,
//! because CPython lets only one thread at a time run Python code). This
//! chapter runs the same 20 calls four ways in Rust: on an event loop, on 20
//! OS threads (which really run in parallel), on 20 threads under a small
//! model of the GIL (which reproduces the article's result, and shows why),
//! and as async tasks on a multi-threaded runtime. Each run reports wall time,
//! CPU time, the cores it kept busy and a verdict computed from a timeline of
//! what ran when. Then the contrast the article promised: requests to a slow
//! service on real sockets, where async tasks win, and files.
//!
//! # Layout
//!
//! The shape every chapter shares: the lesson at the top of `src/`, the
//! measuring and the verdicts in `observe/`, the terminal report in one
//! module, and a `main.rs` that serves as the I/O experiment's service if
//! started as one, else parses the command line into a [`Config`] and calls
//! [`run()`] with the Ctrl-C handle beside it. Lower
//! modules never import higher ones: the lesson imports neither `config`
//! nor `observe`; `observe` wraps the lesson from outside (a probe on every
//! call), `report` reads what `observe` measured, and only `run` imports
//! the report.
//!
//! The lesson (what the book's listings include):
//! - [`interruptible`]: the workload with a check between multiplications
//!   (for Ctrl-C and for the GIL's hand-over).
//! - [`gil`]: the model of CPython's global interpreter lock.
//! - [`ticker`]: a periodic task that measures how late its runtime runs it.
//! - [`cpu`]: the CPU-bound calls, one file per place: `event_loop`,
//!   `threads`, `gil_threads`, `tasks`; each hands its calls to a
//!   [`cpu::Probe`] supplied from outside.
//! - [`net`]: part 2, the I/O contrast on real sockets and files: a slow
//!   service, clients in the four places, thousands of connections,
//!   `tokio::fs`'s threads; each request goes through a [`net::Probe`].
//!
//! Measuring and verdicts:
//! - [`observe`]: a place's run, measured ([`observe::PlaceRun`]), the
//!   median of several; [`observe::recorder`] (the probe: spans, finishing
//!   order, Ctrl-C), [`observe::timeline`] (spans of computing, most calls
//!   at once), [`observe::on_core`] (when each thread really computed, for
//!   the picture), [`observe::verdict`] (the lesson's words) and
//!   [`observe::record`] (the `--json` lines); [`observe::io`]: part 2's
//!   measuring (the requests' probe, the scale-up's gauge, the files).
//!
//! The program:
//! - [`config`]: what a run is asked to do; [`place`]: where the calls run.
//! - [`report`]: every line the program prints (`report::cpu`,
//!   `report::io`); [`picture`]: the run drawn as a timeline (`--pictures`).
//! - [`run()`]: the places one after another, then part 2 (the process's CPU time counts
//!   every thread, so two places measured at once would blur each other).

pub mod config;
pub mod cpu;
pub mod gil;
pub mod interruptible;
pub mod net;
pub mod observe;
pub mod picture;
pub mod place;
pub mod report;
mod run;
pub mod ticker;

pub use config::{Config, Workload};
pub use run::{PICTURE, run};

/// What this chapter's snapshots redact on top of the course's timing
/// filters (`shared::snapshot::TIMING_FILTERS`), as `(regex, replacement)`.
/// The tests apply them to the program's output, and the book applies the
/// same ones to a captured real run before holding it equal to the snapshot.
pub const SNAPSHOT_FILTERS: &[(&str, &str)] = &[
    // Machine-dependent counts: cores and workers.
    (r"\b\d+\.\d+ of \d+ cores?\b", "[n] of [n] cores"),
    (r"\bon \d+ cores?\.", "on [n] cores."),
    (r"\bran on \d+ workers?, one per core", "ran on [n] workers, one per core"),
    (r", \d+ cores? to run them", ", [n] cores to run them"),
    // Scheduler-dependent counts: overlap and GIL hand-overs.
    (r"\bup to \d+ (calls|requests)\b", "up to [n] $1"),
    (r"changed hands \d+ times", "changed hands [n] times"),
    // Random by nature: the order in which threads and tasks finish.
    (
        r"(finished in the scheduler's order \(varies from run to run\):)(\n +\d+( \d+)*)+",
        "$1 [order varies]",
    ),
    // Memory sizes.
    (r"\b\d+(\.\d+)? (bytes|KiB|MiB|GiB)\b", "[size]"),
    // I/O on sockets: the kernel's backlog cap, slow connects (a busy
    // machine may have some), the threads tokio::fs's pool started, and
    // which of task or thread came out cheaper.
    (r"listen backlog \d+ \(asked \d+", "listen backlog [n] (asked [n]"),
    (r"(slow connects \(a second or more\)) +\d+ +\d+", "$1 [n] [n]"),
    (r"\b\d+ blocking,", "[n] blocking,"),
    (r"- a (task|thread) started [^,\n]*", "- [comparison]"),
    (r"and held [^\n]*", "and held [comparison]"),
    (r"\b\d+\.\d+ of \d+\b", "[n] of [n]"),
    // Whether the ticker was late enough to say so depends on the load.
    (r"; the ticker waited (between calls|for the queue)", ""),
];
