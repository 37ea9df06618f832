//! Chapter 1: what an event loop is.
//!
//! The article's first program prints a greeting every 2 seconds with a
//! callback that schedules itself again on asyncio's event loop. This chapter
//! builds that loop in a few pages of Rust, makes it wait for sockets in the
//! operating system as asyncio's does, runs futures on it, and then runs the
//! same program on tokio, async-std and smol, and as a plain sleep loop. It
//! also shows that without the loop nothing happens at all.
//!
//! # Layout
//!
//! The lesson, in reading order:
//!
//! - [`callback_loop`]: the loop: ready queue, timer heap, `call_soon`,
//!   `call_later`, `run_forever`, `stop`, the wait in `mio::Poll`, and the
//!   [`LoopHandle`](callback_loop::LoopHandle) other threads use.
//! - [`readiness`]: `add_reader` / `remove_reader`, sockets on that loop.
//! - [`executor`]: futures on that loop: `spawn`, the task's waker,
//!   `run_until_complete`.
//! - [`loop_futures`]: `sleep` and `readable`, futures the loop completes.
//! - [`net`]: sockets whose `read` and `accept` can be awaited.
//! - [`greeter`]: the greeting itself, the same on every runtime.
//! - [`runtimes`]: one file per way of driving the greeting: `callbacks`,
//!   `futures`, `tokio`, `async_std`, `smol`, `sleep`.
//! - [`echo`]: an echo on loopback, with callbacks, as futures, on tokio.
//! - [`never_run`]: scheduling the greeting without running the loop.
//!
//! The loop's small private parts: `timer` (a timer heap entry), `clock`
//! (the real clock or a paused one), `task` (what the loop keeps of a task).
//!
//! The program: [`config`] is the command line, [`run()`] turns a
//! [`Config`] into a run and prints it; `src/main.rs` only parses the
//! command line, calls it and exits with `shared::exit`'s code.

pub mod callback_loop;
mod clock;
pub mod config;
pub mod echo;
pub mod executor;
pub mod greeter;
pub mod loop_futures;
pub mod net;
pub mod never_run;
pub mod readiness;
mod run;
pub mod runtimes;
mod task;
mod timer;

pub use config::Config;
pub use run::run;

/// What this chapter's snapshots redact on top of the course's timing
/// filters (`shared::snapshot::TIMING_FILTERS`), as `(regex, replacement)`.
/// The tests apply them to the program's output, and the book applies the
/// same ones to a captured real run before holding it equal to the snapshot.
pub const SNAPSHOT_FILTERS: &[(&str, &str)] = &[
    // The echo's port, which the OS picks for each run.
    (r"port \d+", "port [port]"),
];
