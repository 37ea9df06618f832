//! Chapter 1: what an event loop is.
//!
//! The article's first program prints a greeting every 2 seconds with a
//! callback that schedules itself again on asyncio's event loop. This chapter
//! builds that loop in a page of Rust, runs the same program on it, on tokio,
//! async-std and smol, and as a plain sleep loop, and shows that without the
//! loop nothing happens at all.
//!
//! # Layout
//!
//! - [`callback_loop`]: a small callback event loop: ready queue, timer heap,
//!   `call_soon`, `call_later`, `run_forever`, `stop`.
//! - [`greeter`]: the greeting itself, the same on every runtime.
//! - [`runtimes`]: one file per way of driving the greeting: `callbacks`,
//!   `tokio`, `async_std`, `smol`, `sleep`.
//! - [`never_run`]: scheduling the greeting without running the loop.
//!
//! The binary (`src/main.rs`) only parses the command line and picks one.

pub mod callback_loop;
pub mod greeter;
pub mod never_run;
pub mod runtimes;

/// What this chapter's snapshots redact on top of the course's timing
/// filters (`shared::snapshot::TIMING_FILTERS`), as `(regex, replacement)`.
/// The tests apply them to the program's output, and the book applies the
/// same ones to a captured real run before holding it equal to the snapshot.
pub const SNAPSHOT_FILTERS: &[(&str, &str)] = &[];
