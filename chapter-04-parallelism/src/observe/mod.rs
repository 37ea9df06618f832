//! Measuring and judging: what the runs mean against N = 1 and against the
//! ideal, the hybrid's lateness (judged as every chapter judges it,
//! [`shared::ticker::Lateness`]), and the records `--json` writes. Nothing
//! here prints; [`crate::report`] turns it into lines.

pub mod records;
pub mod rows;

use shared::ticker::Lateness;

use crate::call::Call;
use crate::hybrid::HybridRun;

/// How late the hybrid's ticks ran, against its ticker's interval.
pub fn tick_lateness(run: &HybridRun) -> Lateness {
    Lateness::of_waits(run.lateness.iter().copied(), run.tick)
}

/// How long the small requests waited, held to the same threshold as the
/// ticks: they share the loop with the ticker.
pub fn request_lateness(run: &HybridRun) -> Lateness {
    Lateness::of_waits(run.requests.iter().copied(), run.tick)
}

/// Whether every call came back with the answer a direct call gives, each
/// distinct limit computed once here to check the pool.
pub fn answers_match(run: &HybridRun, calls: &[Call]) -> bool {
    let mut direct = std::collections::HashMap::new();
    calls.iter().zip(&run.results).all(|(call, answer)| {
        *answer == Some(*direct.entry(call.limit).or_insert_with(|| call.run()))
    })
}
