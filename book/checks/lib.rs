//! Checks that keep the book honest.
//!
//! The book shows real code and real output, and never a pasted copy of
//! either. Code comes in through mdBook's `{{#include file:anchor}}`; output
//! comes from the chapters' insta snapshots, copied without insta's header
//! into `book/src/output/`. mdBook itself does not fail on a broken include
//! (it logs an error and goes on), so this crate's tests do the checking:
//!
//! - `tests/outputs.rs`: every snapshot has an up-to-date plain copy, and
//!   every copy still has its snapshot.
//! - `tests/includes.rs`: every include names a file that exists and, where
//!   it names an anchor, an anchor with content.
//!
//! # Layout
//!
//! - [`snapshot`]: reading an insta snapshot file.
//! - [`include`]: finding includes in Markdown and resolving anchors.
//! - [`workspace`]: where things are.

pub mod include;
pub mod snapshot;
pub mod workspace;
