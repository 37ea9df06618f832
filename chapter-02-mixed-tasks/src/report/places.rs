//! What `--compare-places` prints: a header, one table, and what the run
//! shows. Every line fits 80 columns.

use shared::format::{duration, table};

use crate::observe::places::{Comparison, PanicOutcome, PlaceMeasured};
use crate::report::{late_means, place_name};

/// What the comparison is about to do.
pub fn header(plan: &Comparison) -> [String; 3] {
    let (burst, limit, every) = (plan.burst, plan.limit, duration(plan.tick_every));
    [
        format!(
            "Where should CPU work go? {burst} steps (limit {limit}) submitted at once,"
        ),
        format!("beside a ticker every {every} on the same tokio loop. rayon and the"),
        format!("2nd runtime get {} threads (one per core).", plan.threads),
    ]
}

// ANCHOR: places_table
/// The table: one row per place measured.
pub fn table_lines(runs: &[PlaceMeasured], plan: &Comparison) -> Vec<String> {
    let slow = format!("> {}", duration(plan.slow_after));
    let mut rows = vec![
        cells(["place", "worst tick", "burst", "threads", "polls", "a step that"]),
        cells(["", "lateness", "steps/s", "started", &slow, "panics"]),
    ];
    rows.extend(runs.iter().map(|run| {
        let lateness = run.lateness();
        let worst = duration(lateness.worst);
        let lateness = if lateness.on_time() {
            format!("on time ({worst})")
        } else {
            format!("LATE by {worst}")
        };
        let threads = run.threads_started.map_or("?".to_string(), |n| {
            format!("{n} {}", if n == 1 { "thread" } else { "threads" })
        });
        let panic = match &run.panic {
            PanicOutcome::Reported => "reported".to_string(),
            PanicOutcome::PlaceLost => "place LOST".to_string(),
            PanicOutcome::Unexpected(what) => what.clone(),
        };
        vec![
            place_name(run.place).to_string(),
            lateness,
            format!("{:.1}/s", run.steps_per_second()),
            threads,
            format!("{} slow", run.slow_polls),
            panic,
        ]
    }));
    table(&rows)
}
// ANCHOR_END: places_table

fn cells<const N: usize>(words: [&str; N]) -> Vec<String> {
    words.iter().map(|word| word.to_string()).collect()
}

/// The lines after the table: whether every place computed the same
/// product, and what "late" and "reported" mean here.
pub fn footer(runs: &[PlaceMeasured], plan: &Comparison) -> Vec<String> {
    let sizes: Vec<_> = runs.iter().map(|run| run.fingerprint).collect();
    let same = match sizes.first() {
        Some(Some(bits)) if sizes.iter().all(|size| *size == Some(*bits)) => {
            format!("Every place computed the same product ({bits} bits).")
        }
        _ => "The places did NOT all compute the same product.".to_string(),
    };
    vec![
        same,
        format!("LATE: a tick ran {}.", late_means(plan.tick_every)),
        "reported: the panic came back as an error, and the place ran the next step."
            .to_string(),
    ]
}
