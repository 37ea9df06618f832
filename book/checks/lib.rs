//! The book's plumbing and the checks that keep it honest: no pasted
//! listing, no pasted output, no typed number. `book/README.md` is the map:
//! what each binary, module and test guards, in reading order.

pub mod claims;
pub mod exercises;
pub mod experiment;
pub mod include;
pub mod markdown;
pub mod merge;
pub mod modules;
pub mod output;
pub mod pairs;
pub mod records;
pub mod render;
pub mod sentences;
pub mod snapshot;
pub mod summary;
pub mod takeaway;
pub mod text;
pub mod workspace;
