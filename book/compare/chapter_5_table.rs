//! Chapter 5's tables and summary. Their rows do not compare wall times (a
//! deadline, a consumer's pace and a service's wait set those), so they
//! have tables of their own: the CPU spent after the deadline, and memory,
//! throughput and latency with and without a bound. Every word of the
//! summary is computed from the records.

use shared::format::{self, duration_ms, duration_s};
use shared::record::Record;

use crate::chapter_5::label;
use crate::experiment::Experiment;
use crate::table::{Row, cell, own_table};

fn cancelling(experiment: Experiment) -> bool {
    matches!(
        experiment,
        Experiment::CancelTimeout
            | Experiment::CancelBlocking
            | Experiment::CancelToken
            | Experiment::CancelProcess
    )
}

/// The chapter's two tables, each a list of rows of cells (none without
/// rows): the cancellation's and the backpressure's, one line per
/// language and way.
pub(crate) fn tables(rows: &[Row]) -> Vec<Vec<Vec<String>>> {
    let lines = |cancel: bool, line: fn(&Row, &str, &Record) -> Vec<String>| {
        let mine = rows.iter().filter(|row| {
            row.experiment.is_chapter_5() && cancelling(row.experiment) == cancel
        });
        mine.flat_map(|row| row.sides().map(move |(name, r)| line(row, name, r)))
            .collect::<Vec<_>>()
    };
    let cancel = lines(true, |row, name, r| {
        vec![
            label(row.experiment, row.way),
            name.to_string(),
            cell(r.steps_started, |n| n.to_string()),
            cell(r.steps_finished, |n| n.to_string()),
            cell(r.step_s, duration_s),
            cell(r.cpu_after_deadline_ms, duration_ms),
            r.verdict.clone().unwrap_or_default(),
        ]
    });
    let flow = lines(false, |row, name, r| {
        vec![
            label(row.experiment, row.way),
            name.to_string(),
            r.calls.unwrap_or(0).to_string(),
            r.bound.map_or("none".to_string(), |n| n.to_string()),
            cell(r.peak_memory_bytes, |b| format::bytes(b as f64)),
            cell(r.throughput_per_s, |t| format!("{t:.0}")),
            cell(r.latency_median_ms, duration_ms),
            cell(r.latency_worst_ms, duration_ms),
            cell(r.failures, |n| n.to_string()),
        ]
    });
    [
        own_table(
            "stopped by | language | steps started | finished | one step \
             | CPU after the deadline | verdict",
            cancel,
        ),
        own_table(
            "flow | language | items | bound | peak memory | per second | latency median \
             | worst | failed",
            flow,
        ),
    ]
    .into_iter()
    .filter(|cells| !cells.is_empty())
    .collect()
}

/// The record's own figures, for its line as it comes in.
pub(crate) fn line(record: &Record) -> Option<String> {
    let variant = record.variant.as_deref();
    if let (Some(after), Some(started), Some(finished)) =
        (record.cpu_after_deadline_ms, record.steps_started, record.steps_finished)
    {
        return Some(format!(
            "{}: {started} steps started, {finished} finished, {} CPU after the deadline; {}",
            variant.unwrap_or("?"),
            duration_ms(after),
            record.verdict.as_deref().unwrap_or("?")
        ));
    }
    let peak = record.peak_memory_bytes?;
    Some(format!(
        "{}{} items, peak memory {}, {:.0} per second, latency {} median, {} worst",
        variant.map(|v| format!("{v}: ")).unwrap_or_default(),
        record.calls.unwrap_or(0),
        format::bytes(peak as f64),
        record.throughput_per_s.unwrap_or(0.0),
        duration_ms(record.latency_median_ms.unwrap_or(0.0)),
        duration_ms(record.latency_worst_ms.unwrap_or(0.0)),
    ))
}

/// The lesson in words, from the records: the CPU each way spent after the
/// deadline, with its verdict; what a bound did to memory and latency.
pub(crate) fn summary(rows: &[Row]) -> Vec<String> {
    // The record of `experiment` and `way` in `language` (`Python`, `Rust`).
    let find = |experiment: Experiment, way: Option<&str>, language: &str| {
        let row =
            rows.iter().find(|row| row.experiment == experiment && row.way == way)?;
        row.sides().find(|(name, _)| *name == language).map(|(_, record)| record)
    };
    let after = |r: &Record| {
        let verdict = r.verdict.as_deref().unwrap_or("?");
        format!("{} ({verdict})", duration_ms(r.cpu_after_deadline_ms.unwrap_or(0.0)))
    };
    let peak = |r: &Record| format::bytes(r.peak_memory_bytes.unwrap_or(0) as f64);
    let latency = |ms: Option<f64>| duration_ms(ms.unwrap_or(0.0));
    let mut lines = Vec::new();
    let ways = [
        (Experiment::CancelTimeout, Some("awaited steps"), "a timeout on awaited steps"),
        (Experiment::CancelBlocking, Some("a thread pool's job"), "a timed-out pool job"),
        (Experiment::CancelToken, None, "a token"),
        (Experiment::CancelProcess, None, "a killed process"),
    ];
    let parts: Vec<String> = ways
        .into_iter()
        .filter_map(|(experiment, way, name)| {
            let sides: Vec<String> = ["Python", "Rust"]
                .into_iter()
                .filter_map(|language| {
                    Some(format!(
                        "{language} {}",
                        after(find(experiment, way, language)?)
                    ))
                })
                .collect();
            (!sides.is_empty()).then(|| format!("{name} {}", sides.join(", ")))
        })
        .collect();
    if !parts.is_empty() {
        lines.push(format!("CPU after the deadline: {}.", parts.join("; ")));
    }
    if let Some(p) = find(Experiment::CancelTimeout, Some("steps on the loop"), "Python")
    {
        lines.push(format!(
            "asyncio, steps on the loop: {} of the steps started, {} after the deadline ({}): the cancel waits for the loop to run wait_for's timer, then wait_for.",
            p.steps_started.unwrap_or(0),
            duration_ms(p.cpu_after_deadline_ms.unwrap_or(0.0)),
            p.verdict.as_deref().unwrap_or("?")
        ));
    }
    for language in ["Python", "Rust"] {
        let unbounded = find(Experiment::ChannelUnbounded, None, language);
        if let (Some(u), Some(b)) =
            (unbounded, find(Experiment::ChannelBounded, None, language))
        {
            lines.push(format!(
                "{language}'s queue: memory {} (peak {}) unbounded, {} (peak {}) with a bound of {}; {:.0} against {:.0} items per second; latency median {} against {}.",
                u.verdict.as_deref().unwrap_or("?"),
                peak(u),
                b.verdict.as_deref().unwrap_or("?"),
                peak(b),
                b.bound.unwrap_or(0),
                u.throughput_per_s.unwrap_or(0.0),
                b.throughput_per_s.unwrap_or(0.0),
                latency(u.latency_median_ms),
                latency(b.latency_median_ms),
            ));
        }
        let uncapped = find(Experiment::Semaphore, Some("uncapped"), language);
        if let (Some(u), Some(c)) =
            (uncapped, find(Experiment::Semaphore, Some("capped"), language))
        {
            lines.push(format!(
                "{language}'s {} requests: uncapped peak memory {}, latency {} median and {} worst, {} failed; capped at {}: {}, {} and {}, {} failed.",
                u.calls.unwrap_or(0),
                peak(u),
                latency(u.latency_median_ms),
                latency(u.latency_worst_ms),
                u.failures.unwrap_or(0),
                c.bound.unwrap_or(0),
                peak(c),
                latency(c.latency_median_ms),
                latency(c.latency_worst_ms),
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
