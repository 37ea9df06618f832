//! What every chapter of the course reuses.
//!
//! The article this course is built on times one CPU-bound function: the
//! product of the integers below 40 000, computed by a plain loop of
//! big-integer multiplications. That function lives here, once, together with
//! the small tools each chapter needs to measure it and to talk about it.
//!
//! # Layout
//!
//! - [`workload`]: the CPU-bound function and its default size.
//! - [`product_tree`]: the same product by a balanced tree, on one core and on all.
//! - [`measure`]: wall time, process CPU time and CPU utilisation of a piece of work.
//! - [`machine`]: the machine's core count and CPU model, read at run time.
//! - [`format`]: the one way durations are printed in the course.
//! - [`report`]: the provenance line (machine, build, date) of every results table.
//! - [`record`]: one measurement as a line of JSON, the form the Python programs print too.
//! - [`draw`]: pictures of a run as SVG: timelines of lanes, and line charts.
//! - [`cli`]: command-line helpers: one-line errors, duration and count parsers, `say`.
//! - [`exit`]: how every program ends: one error type, exit codes 0, 1, 2 and 130.
//! - [`shutdown`]: one Ctrl-C handler per program, usable from threads and from any async runtime.
//! - [`stats`]: the median of several runs.
//! - [`ticker`]: the one ticker every chapter measures with, and the one meaning of "late".
//! - [`snapshot`]: the redactions every snapshot test applies to timings.
//! - `testing` (feature `testing`): snapshot settings and the bad-input check for the chapters' tests.

pub mod cli;
pub mod draw;
pub mod exit;
pub mod format;
pub mod machine;
pub mod measure;
pub mod product_tree;
pub mod record;
pub mod report;
pub mod shutdown;
pub mod snapshot;
pub mod stats;
#[cfg(feature = "testing")]
pub mod testing;
pub mod ticker;
pub mod workload;
