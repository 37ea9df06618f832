//! The book's plumbing and the checks that keep it honest.
//!
//! The book shows real code, real runs and measured numbers, and never a
//! pasted copy of any of them:
//!
//! - Code comes in through mdBook's `{{#include file:anchor}}`. mdBook does
//!   not fail on a broken include (it logs an error and goes on), so
//!   `tests/includes.rs` checks that every include resolves.
//! - Output blocks are real release runs of the commands the chapters'
//!   snapshots record, captured by the `capture` command into
//!   `book/src/output/`; `tests/outputs.rs` holds each one equal to its
//!   snapshot after the same filters insta applies.
//! - Numbers come from records (`shared::record`) the programs write into
//!   `book/results/*.jsonl`; the `results` command renders them into
//!   `book/src/results/` (tables and one-value files).
//! - `tests/line_width.rs`: every line the programs print fits 80 columns;
//!   `tests/no_import_circles.rs`: no crate has an import circle.
//!
//! `bash book/measure.sh` runs all of it in one go.
//!
//! # Layout
//!
//! - [`claims`]: sentences that rest on a measurement, held to the records;
//!   [`sentences`]: the list of them, page by page.
//! - [`snapshot`]: reading an insta snapshot file and its recorded command.
//! - [`output`]: the output blocks the pages show, and the comparison of a
//!   captured run with its snapshot.
//! - [`render`]: records into Markdown tables and one-value files.
//! - [`modules`]: a crate's module graph and its import circles.
//! - [`include`]: finding includes in Markdown and resolving anchors.
//! - [`exercises`]: the exercises the `exercises` command lists and checks,
//!   their hints, and the learner's progress.
//! - [`workspace`]: where things are.

pub mod claims;
pub mod exercises;
pub mod include;
pub mod merge;
pub mod modules;
pub mod output;
pub mod records;
pub mod render;
pub mod sentences;
pub mod snapshot;
pub mod takeaway;
pub mod workspace;
