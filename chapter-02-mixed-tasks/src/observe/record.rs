//! One run as a `shared::record::Record`, the line the book's tables are
//! rendered from (`--json PATH`).

use shared::machine::RUSTC_VERSION;
use shared::record::{Record, round};

use super::Measured;
use super::Summary;
use crate::place::Place;
use crate::runtimes::Runtime;

/// The run's variant: the runtime and where the steps ran, such as
/// `tokio-on-loop`, `smol-unblock` or `tokio-rayon`.
pub fn variant(runtime: Runtime, place: Place) -> String {
    let place = match (place, runtime) {
        (Place::OnLoop, _) => "on-loop",
        (Place::Pool, Runtime::Smol) => "unblock",
        (Place::Pool, _) => "spawn-blocking",
        (Place::Rayon, _) => "rayon",
    };
    format!("{runtime}-{place}")
}

/// The record of one run (experiment `mixed_tasks`).
pub fn record(measured: &Measured, summary: &Summary) -> Record {
    let (run, cost) = (&measured.run, &measured.cost);
    let base = Record::measured("mixed_tasks", "rust", RUSTC_VERSION, run.limit, cost);
    let seconds = |d: std::time::Duration| round(d.as_secs_f64(), 6);
    Record {
        ticks: Some(summary.ticks as u64),
        interval_s: Some(seconds(run.interval)),
        max_gap_s: measured.ticks.iter().filter_map(|tick| tick.gap).max().map(seconds),
        worst_lateness_s: Some(seconds(summary.worst_lateness)),
        step_s: summary.step.map(seconds),
        variant: Some(variant(run.runtime, run.place)),
        verdict: Some(summary.verdict().to_string()),
        late_ticks: Some(summary.late as u64),
        ..base
    }
}
