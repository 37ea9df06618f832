//! The measurements as `shared::record::Record`s, one per row, for
//! `--json`: the book renders its tables and quotes its numbers from them.

use shared::machine::RUSTC_VERSION as VERSION;
use shared::record::{Record, round};

use crate::algorithm::{self, WayRun};
use crate::hybrid::HybridRun;
use crate::observe::rows::Row;
use crate::place::Place;

/// One `pool` record per row of the sweep, `variant` the place.
pub fn sweep(rows: &[Row], calls: usize, limit: u32, cores: usize) -> Vec<Record> {
    rows.iter()
        .map(|row| Record {
            calls: Some(calls),
            workers: Some(row.workers),
            variant: Some(row.place.name().to_string()),
            verdict: (row.workers == cores).then(|| row.verdict().to_string()),
            startup_s: row.startup.map(|s| round(s.as_secs_f64(), 6)),
            speedup: Some(round(row.speedup, 3)),
            ..Record::measured("pool", "rust", VERSION, limit, &row.measurement)
        })
        .collect()
}

/// One `hybrid` record: its place as `variant`, the ticker's lateness.
pub fn hybrid(run: &HybridRun, place: Place, workers: usize, limit: u32) -> Record {
    let ticks = super::tick_lateness(run);
    Record {
        calls: Some(run.results.len()),
        workers: (place != Place::Loop).then_some(workers),
        variant: Some(place.name().to_string()),
        ticks: Some(ticks.ticks as u64),
        interval_s: Some(round(run.tick.as_secs_f64(), 6)),
        worst_lateness_s: Some(round(ticks.worst.as_secs_f64(), 6)),
        late_ticks: Some(ticks.late as u64),
        // The records' word, as chapter 2's: "late" (the terminal's "LATE").
        verdict: Some(ticks.verdict().to_lowercase()),
        ..Record::measured("hybrid", "rust", VERSION, limit, &run.measurement)
    }
}

/// One record per way, for `--json`: wall time of all the calls, the time
/// of one call (`step_s`, the mean) and the speedup against the loop on 1 core.
pub fn algorithms(rows: &[WayRun], limit: u32) -> Vec<Record> {
    rows.iter()
        .map(|row| Record {
            calls: Some(row.fingerprints.len()),
            fingerprint: row.fingerprints.first().copied(),
            step_s: Some(round(row.per_call().as_secs_f64(), 6)),
            variant: Some(row.way.variant().to_string()),
            speedup: Some(round(algorithm::speedup(rows, row), 2)),
            ..Record::measured("algorithm", "rust", VERSION, limit, &row.measurement)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records name the experiment and each way, baseline first at 1.0×.
    #[test]
    fn records_name_each_way() {
        let rows = algorithm::compare(2, 100, 2, |_| {}).unwrap();
        let records = algorithms(&rows, 100);
        let variants: Vec<_> =
            records.iter().map(|r| r.variant.clone().unwrap()).collect();
        assert_eq!(
            variants,
            ["loop-1-core", "loop-all-cores", "tree-1-core", "parallel-tree-all-cores"]
        );
        assert!(records.iter().all(|r| r.experiment == "algorithm"));
        assert_eq!(records[0].speedup, Some(1.0));
        assert!(records.iter().all(|r| r.calls == Some(2) && r.limit == 100));
    }
}
