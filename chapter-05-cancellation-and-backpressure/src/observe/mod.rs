//! Measuring and judging: progress of a chain, CPU after a deadline,
//! memory over time, latencies, verdicts and the `--json` records. Nothing
//! here prints; [`crate::report`] turns it into lines.

pub mod records;
