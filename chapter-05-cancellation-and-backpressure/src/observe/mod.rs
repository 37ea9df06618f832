//! Measuring and judging: progress of a chain, CPU after a deadline,
//! memory and queues over time, the lesson's verdicts, and the records
//! `--json` writes. Nothing here prints; [`crate::report`] turns it into
//! lines.

pub mod cancelled;
pub mod deadline;
pub mod flow;
pub mod flowed;
pub mod locked;
pub mod progress;
pub mod records;
pub mod step;
pub mod verdict;
