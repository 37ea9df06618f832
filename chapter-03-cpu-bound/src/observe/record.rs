//! The measured modes as `shared::record` lines, for `--json PATH`: the book
//! renders its tables from these, not from the terminal report.

use std::time::Duration;

use shared::machine::RUSTC_VERSION;
use shared::record::{Record, round};

use super::{Place, PlaceRun};

/// The record's name for a place: `gil-model` says that it is a model.
pub fn variant(place: Place) -> &'static str {
    match place {
        Place::Gil => "gil-model",
        other => other.name(),
    }
}

/// One record for one CPU-bound run (experiment `calls`), with its speedup
/// against `loop_wall`. A stopped run gives none.
pub fn of_calls(
    run: &PlaceRun,
    limit: u32,
    loop_wall: Option<Duration>,
) -> Option<Record> {
    if run.stopped {
        return None;
    }
    let workers = match run.place {
        Place::Loop => 1,
        Place::Threads | Place::Gil => run.asked,
        Place::Tasks => run.observed.workers.unwrap_or(1),
    };
    let base = Record::measured("calls", "rust", RUSTC_VERSION, limit, &run.measurement);
    Some(Record {
        calls: Some(run.asked),
        workers: Some(workers),
        fingerprint: run.observed.fingerprints.last().copied(),
        worst_lateness_s: run
            .observed
            .lateness()
            .map(|late| round(late.worst.as_secs_f64(), 6)),
        variant: Some(variant(run.place).to_string()),
        verdict: Some(run.verdict().to_string()),
        speedup: run.speedup(loop_wall).map(|speedup| round(speedup, 3)),
        ..base
    })
}
