//! Measuring and judging: what the runs mean against N = 1 and against the
//! ideal, the hybrid's lateness verdict, and the records `--json` writes.
//! Nothing here prints; [`crate::report`] turns it into lines.

pub mod lateness;
pub mod records;
pub mod rows;

use crate::call::Call;
use crate::hybrid::HybridRun;

/// Whether every call came back with the answer a direct call gives, each
/// distinct limit computed once here to check the pool.
pub fn answers_match(run: &HybridRun, calls: &[Call]) -> bool {
    let mut direct = std::collections::HashMap::new();
    calls.iter().zip(&run.results).all(|(call, answer)| {
        *answer == Some(*direct.entry(call.limit).or_insert_with(|| call.run()))
    })
}
