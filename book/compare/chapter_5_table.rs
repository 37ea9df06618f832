//! Chapter 5's tables and summary. Their rows do not compare wall times (a
//! deadline, a consumer's pace and a service's wait set those), so they
//! have tables of their own: the CPU spent after the deadline, and memory,
//! throughput and latency with and without a bound. Every word of the
//! summary is computed from the records.

use std::time::Duration;

use shared::format;
use shared::record::Record;

use crate::chapter_5::label;
use crate::experiment::Experiment;
use crate::table::Row;

fn ms(value: f64) -> String {
    format::duration(Duration::from_secs_f64(value.max(0.0) / 1000.0))
}

fn seconds(value: f64) -> String {
    format::duration(Duration::from_secs_f64(value.max(0.0)))
}

fn cancelling(row: &Row) -> bool {
    matches!(
        row.experiment,
        Experiment::CancelTimeout
            | Experiment::CancelBlocking
            | Experiment::CancelToken
            | Experiment::CancelProcess
    )
}

/// Each language's record of a row, named.
fn sides(row: &Row) -> impl Iterator<Item = (&'static str, &Record)> {
    [("Python", &row.python), ("Rust", &row.rust)]
        .into_iter()
        .filter_map(|(name, record)| Some((name, record.as_ref()?)))
}

/// The cancellation table: one line per language and way.
fn cancel_cells(rows: &[Row]) -> Vec<Vec<String>> {
    let mut lines = vec![
        [
            "stopped by",
            "language",
            "steps started",
            "finished",
            "one step",
            "CPU after the deadline",
            "verdict",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for row in rows.iter().filter(|row| cancelling(row)) {
        for (name, r) in sides(row) {
            lines.push(vec![
                label(row.experiment, row.way),
                name.to_string(),
                r.steps_started.map_or("–".to_string(), |n| n.to_string()),
                r.steps_finished.map_or("–".to_string(), |n| n.to_string()),
                r.step_s.map_or("–".to_string(), seconds),
                r.cpu_after_deadline_ms.map_or("–".to_string(), ms),
                r.verdict.clone().unwrap_or_default(),
            ]);
        }
    }
    if lines.len() == 1 { Vec::new() } else { lines }
}

/// The backpressure table: one line per language and way.
fn flow_cells(rows: &[Row]) -> Vec<Vec<String>> {
    let mut lines = vec![
        [
            "flow",
            "language",
            "items",
            "bound",
            "peak memory",
            "per second",
            "latency median",
            "worst",
            "failed",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for row in rows.iter().filter(|row| row.experiment.is_chapter_5() && !cancelling(row))
    {
        for (name, r) in sides(row) {
            lines.push(vec![
                label(row.experiment, row.way),
                name.to_string(),
                r.calls.unwrap_or(0).to_string(),
                r.bound.map_or("none".to_string(), |n| n.to_string()),
                r.peak_memory_bytes
                    .map_or("–".to_string(), |b| format::bytes(b as f64)),
                r.throughput_per_s.map_or("–".to_string(), |t| format!("{t:.0}")),
                r.latency_median_ms.map_or("–".to_string(), ms),
                r.latency_worst_ms.map_or("–".to_string(), ms),
                r.failures.map_or("–".to_string(), |n| n.to_string()),
            ]);
        }
    }
    if lines.len() == 1 { Vec::new() } else { lines }
}

/// The chapter's tables, each a list of rows of cells (none without rows).
pub(crate) fn tables(rows: &[Row]) -> Vec<Vec<Vec<String>>> {
    [cancel_cells(rows), flow_cells(rows)]
        .into_iter()
        .filter(|cells| !cells.is_empty())
        .collect()
}

/// The record's own figures, for its line as it comes in.
pub(crate) fn line(record: &Record) -> Option<String> {
    if let (Some(after), Some(started), Some(finished)) =
        (record.cpu_after_deadline_ms, record.steps_started, record.steps_finished)
    {
        return Some(format!(
            "{}: {started} steps started, {finished} finished, {} CPU after the deadline; {}",
            record.variant.as_deref().unwrap_or("?"),
            ms(after),
            record.verdict.as_deref().unwrap_or("?")
        ));
    }
    let peak = record.peak_memory_bytes?;
    Some(format!(
        "{}{} items, peak memory {}, {:.0} per second, latency {} median, {} worst",
        record.variant.as_deref().map(|v| format!("{v}: ")).unwrap_or_default(),
        record.calls.unwrap_or(0),
        format::bytes(peak as f64),
        record.throughput_per_s.unwrap_or(0.0),
        ms(record.latency_median_ms.unwrap_or(0.0)),
        ms(record.latency_worst_ms.unwrap_or(0.0)),
    ))
}

/// The records of `experiment` and `way` in `language` (`python`, `rust`).
fn find<'a>(
    rows: &'a [Row],
    experiment: Experiment,
    way: Option<&str>,
    python: bool,
) -> Option<&'a Record> {
    let row = rows.iter().find(|row| row.experiment == experiment && row.way == way)?;
    if python { row.python.as_ref() } else { row.rust.as_ref() }
}

/// The lesson in words, from the records: the CPU each way spent after the
/// deadline, with its verdict; what a bound did to memory and latency.
pub(crate) fn summary(rows: &[Row]) -> Vec<String> {
    let mut lines = Vec::new();
    let after = |r: &Record| {
        format!(
            "{} ({})",
            ms(r.cpu_after_deadline_ms.unwrap_or(0.0)),
            r.verdict.as_deref().unwrap_or("?")
        )
    };
    let pairs = [
        (Experiment::CancelTimeout, Some("awaited steps"), "a timeout on awaited steps"),
        (Experiment::CancelBlocking, Some("a thread pool's job"), "a timed-out pool job"),
        (Experiment::CancelToken, None, "a token"),
        (Experiment::CancelProcess, None, "a killed process"),
    ];
    let mut parts = Vec::new();
    for (experiment, way, name) in pairs {
        let (python, rust) =
            (find(rows, experiment, way, true), find(rows, experiment, way, false));
        match (python, rust) {
            (Some(p), Some(r)) => {
                parts.push(format!("{name} Python {}, Rust {}", after(p), after(r)))
            }
            (Some(p), None) => parts.push(format!("{name} Python {}", after(p))),
            (None, Some(r)) => parts.push(format!("{name} Rust {}", after(r))),
            (None, None) => {}
        }
    }
    if !parts.is_empty() {
        lines.push(format!("CPU after the deadline: {}.", parts.join("; ")));
    }
    if let Some(p) =
        find(rows, Experiment::CancelTimeout, Some("steps on the loop"), true)
    {
        lines.push(format!(
            "asyncio, steps on the loop: {} of the steps started, {} after the deadline ({}): the cancel waits for the loop to run wait_for's timer, then wait_for.",
            p.steps_started.unwrap_or(0),
            ms(p.cpu_after_deadline_ms.unwrap_or(0.0)),
            p.verdict.as_deref().unwrap_or("?")
        ));
    }
    for (language, python) in [("Python", true), ("Rust", false)] {
        let unbounded = find(rows, Experiment::ChannelUnbounded, None, python);
        let bounded = find(rows, Experiment::ChannelBounded, None, python);
        if let (Some(u), Some(b)) = (unbounded, bounded) {
            let peak =
                |r: &Record| format::bytes(r.peak_memory_bytes.unwrap_or(0) as f64);
            lines.push(format!(
                "{language}'s queue: memory {} (peak {}) unbounded, {} (peak {}) with a bound of {}; {:.0} against {:.0} items per second; latency median {} against {}.",
                u.verdict.as_deref().unwrap_or("?"),
                peak(u),
                b.verdict.as_deref().unwrap_or("?"),
                peak(b),
                b.bound.unwrap_or(0),
                u.throughput_per_s.unwrap_or(0.0),
                b.throughput_per_s.unwrap_or(0.0),
                ms(u.latency_median_ms.unwrap_or(0.0)),
                ms(b.latency_median_ms.unwrap_or(0.0)),
            ));
        }
        let uncapped = find(rows, Experiment::Semaphore, Some("uncapped"), python);
        let capped = find(rows, Experiment::Semaphore, Some("capped"), python);
        if let (Some(u), Some(c)) = (uncapped, capped) {
            let peak =
                |r: &Record| format::bytes(r.peak_memory_bytes.unwrap_or(0) as f64);
            lines.push(format!(
                "{language}'s {} requests: uncapped peak memory {}, latency {} median and {} worst, {} failed; capped at {}: {}, {} and {}, {} failed.",
                u.calls.unwrap_or(0),
                peak(u),
                ms(u.latency_median_ms.unwrap_or(0.0)),
                ms(u.latency_worst_ms.unwrap_or(0.0)),
                u.failures.unwrap_or(0),
                c.bound.unwrap_or(0),
                peak(c),
                ms(c.latency_median_ms.unwrap_or(0.0)),
                ms(c.latency_worst_ms.unwrap_or(0.0)),
                c.failures.unwrap_or(0),
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table;

    fn cancelled(
        language: &str,
        experiment: &str,
        variant: &str,
        after_ms: f64,
    ) -> Record {
        Record {
            experiment: experiment.to_string(),
            language: language.to_string(),
            variant: Some(variant.to_string()),
            step_s: Some(0.02),
            steps_started: Some(2),
            steps_finished: Some(2),
            cpu_after_deadline_ms: Some(after_ms),
            verdict: Some(
                if after_ms > 20.0 { "ran on" } else { "stopped at the step's end" }
                    .into(),
            ),
            ..Record::default()
        }
    }

    fn flowed(language: &str, experiment: &str, bound: Option<u64>, peak: u64) -> Record {
        Record {
            experiment: experiment.to_string(),
            language: language.to_string(),
            calls: Some(100),
            bound,
            peak_memory_bytes: Some(peak),
            throughput_per_s: Some(1000.0),
            latency_median_ms: Some(2.0),
            latency_worst_ms: Some(3.0),
            verdict: Some(if bound.is_some() { "flat" } else { "grew" }.into()),
            ..Record::default()
        }
    }

    /// run_in_executor pairs with spawn_blocking, rayon and the steps on
    /// the loop have rows of their own; the chapter's rows stay out of the
    /// wall-time table; the summary names each way's CPU after the deadline
    /// and each queue's memory, from the records.
    #[test]
    fn pairs_the_ways_and_tells_them_from_the_records() {
        let records = [
            cancelled("rust", "cancel_timeout", "awaited-steps", 5.0),
            cancelled("rust", "cancel_blocking", "spawn-blocking", 70.0),
            cancelled("rust", "cancel_blocking", "rayon", 71.0),
            cancelled("python", "cancel_timeout", "awaited-steps", 6.0),
            cancelled("python", "cancel_timeout", "steps-on-loop", 40.0),
            cancelled("python", "cancel_blocking", "run-in-executor", 90.0),
            flowed("rust", "channel_unbounded", None, 80 << 20),
            flowed("rust", "channel_bounded", Some(64), 7 << 20),
        ];
        let rows = table::rows(&records);
        let labels: Vec<String> =
            rows.iter().map(|row| label(row.experiment, row.way)).collect();
        assert_eq!(
            labels,
            [
                "timeout, awaited steps",
                "handle timed out, a thread pool's job",
                "handle timed out, a rayon job",
                "timeout, steps on the loop",
                "unbounded",
                "bounded",
            ]
        );
        assert!(rows[1].python.is_some() && rows[1].rust.is_some());
        let text = table::text(&rows);
        assert_eq!(text.lines().count(), 1, "the wall-time table's header alone: {text}");
        assert_eq!(tables(&rows).len(), 2);
        let summary = summary(&rows);
        assert_eq!(
            summary[0],
            "CPU after the deadline: a timeout on awaited steps Python 6.00 ms (stopped at the step's end), Rust 5.00 ms (stopped at the step's end); a timed-out pool job Python 90.0 ms (ran on), Rust 70.0 ms (ran on)."
        );
        assert!(summary[1].starts_with("asyncio, steps on the loop: 2 of the steps"));
        assert!(
            summary[2].starts_with(
                "Rust's queue: memory grew (peak 80.0 MiB) unbounded, flat (peak 7.00 MiB) with a bound of 64;"
            ),
            "{summary:?}"
        );
    }
}
