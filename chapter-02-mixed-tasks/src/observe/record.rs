//! One run as a `shared::record::Record`, the line the book's tables are
//! rendered from (`--json PATH`).

use shared::machine::RUSTC_VERSION;
use shared::record::{Record, round};
use shared::ticker::longest_gap;

use super::{Measured, Summary};
use crate::place::Place;
use crate::runtimes::Runtime;

/// The run's variant: the runtime and where the steps ran, such as
/// `tokio-on-loop`, `smol-unblock` or `tokio-rayon`.
pub fn variant(runtime: Runtime, place: Place) -> String {
    let place = match (place, runtime) {
        (Place::Loop, _) => "on-loop".to_string(),
        (Place::BlockingPool, Runtime::Smol) => "unblock".to_string(),
        (Place::BlockingPool, _) => "spawn-blocking".to_string(),
        (other, _) => other.to_string(),
    };
    format!("{runtime}-{place}")
}

/// The record of one run (experiment `mixed_tasks`). Its verdict is `late`
/// or `on time`.
pub fn record(measured: &Measured, summary: &Summary) -> Record {
    let (plan, cost, lateness) = (&measured.plan, &measured.cost, &summary.lateness);
    let base = Record::measured("mixed_tasks", "rust", RUSTC_VERSION, plan.limit, cost);
    let seconds = |d: std::time::Duration| round(d.as_secs_f64(), 6);
    let verdict = if lateness.on_time() { "on time" } else { "late" };
    Record {
        ticks: Some(lateness.ticks as u64),
        interval_s: Some(seconds(plan.interval)),
        max_gap_s: (measured.ticks.len() > 1)
            .then(|| seconds(longest_gap(&measured.ticks))),
        worst_lateness_s: Some(seconds(lateness.worst)),
        step_s: summary.step.map(seconds),
        variant: Some(variant(plan.runtime, plan.place)),
        verdict: Some(verdict.to_string()),
        late_ticks: Some(lateness.late as u64),
        ..base
    }
}
