//! Chapter 5's tables and summary. Their rows do not compare wall times (a
//! deadline, a consumer's pace and a service's wait set those), so they
//! have tables of their own: the CPU spent after the deadline, and memory,
//! throughput and latency with and without a bound. Their summary is the
//! results pages' takeaway of each experiment.

use course_book::pairs::chapter_5_label as label;
use course_book::takeaway;
use shared::format::{self, duration_ms, duration_s};
use shared::record::Record;

use crate::experiment::Experiment;
use crate::table::{Column, Row, Side, cell, cells, sides};

/// Whether the experiment stops a job (the chapter's others bound a flow).
fn cancelling(experiment: Experiment) -> bool {
    matches!(
        experiment,
        Experiment::CancelTimeout
            | Experiment::CancelBlocking
            | Experiment::CancelToken
            | Experiment::CancelProcess
    )
}

/// A line's name: its experiment's, or, under its experiment's own line,
/// its way's.
fn name((row, _, _): &Side<'_>) -> String {
    match row.way {
        Some(way) => format!("  {way}"),
        None => label(row.experiment, None),
    }
}

/// The chapter's two tables, the cancellation's and the backpressure's, a
/// line per language and way, the ways of one experiment under its name
/// (none without lines). Each fits 80 columns: the verdicts are the
/// summary's, and the items and the bound are in each measurement's line.
pub(crate) fn tables(rows: &[Row]) -> Vec<Vec<Vec<String>>> {
    let cancel: [Column<Side<'_>>; 6] = [
        ("stopped by", name),
        ("language", |(_, language, _)| language.to_string()),
        ("started", |(_, _, r)| cell(r.steps_started, |n| n.to_string())),
        ("finished", |(_, _, r)| cell(r.steps_finished, |n| n.to_string())),
        ("one step", |(_, _, r)| cell(r.step_s, duration_s)),
        ("CPU after deadline", |(_, _, r)| cell(r.cpu_after_deadline_ms, duration_ms)),
    ];
    let flow: [Column<Side<'_>>; 6] = [
        ("flow", name),
        ("language", |(_, language, _)| language.to_string()),
        ("peak memory", |(_, _, r)| {
            cell(r.peak_memory_bytes, |b| format::bytes(b as f64))
        }),
        ("median latency", |(_, _, r)| cell(r.latency_median_ms, duration_ms)),
        ("worst", |(_, _, r)| cell(r.latency_worst_ms, duration_ms)),
        ("failed", |(_, _, r)| cell(r.failures, |n| n.to_string())),
    ];
    let chapter_5 = |cancel: bool| {
        let mut sides = sides(rows, move |row| {
            row.experiment.is_chapter_5() && cancelling(row.experiment) == cancel
        });
        // An experiment's ways together (a way one side alone has comes last).
        sides.sort_by_key(|(row, _, _)| row.experiment);
        sides
    };
    vec![grouped(&cancel, &chapter_5(true)), grouped(&flow, &chapter_5(false))]
}

/// [`cells`], with each experiment's name on a line of its own above the
/// lines of its ways.
fn grouped<'a>(columns: &[Column<Side<'a>>], sides: &[Side<'a>]) -> Vec<Vec<String>> {
    let table = cells(columns, sides);
    let Some((header, lines)) = table.split_first() else { return table };
    let mut grouped = vec![header.clone()];
    let mut last = None;
    for ((row, _, _), line) in sides.iter().zip(lines) {
        if row.way.is_some() && last != Some(row.experiment) {
            grouped.push(vec![label(row.experiment, None)]);
        }
        last = Some(row.experiment);
        grouped.push(line.clone());
    }
    grouped
}

/// The lesson in words: for each experiment, the line that leads its table
/// on the results pages ([`takeaway`], one wording for both), named by its
/// row: the CPU each way spent after the deadline with its verdict; each
/// flow's peak memory and latencies.
pub(crate) fn summary(rows: &[Row]) -> Vec<String> {
    let mut experiments: Vec<Experiment> = Vec::new();
    for row in rows.iter().filter(|row| row.experiment.is_chapter_5()) {
        if !experiments.contains(&row.experiment) {
            experiments.push(row.experiment);
        }
    }
    let line = |experiment: Experiment| {
        let records: Vec<&Record> = (rows.iter())
            .filter(|row| row.experiment == experiment)
            .flat_map(|row| row.sides().map(|(_, record)| record))
            .collect();
        let line = takeaway::line(&experiment.name(), &records)?;
        Some(format!("{}: {line}", label(experiment, None)))
    };
    experiments.into_iter().filter_map(line).collect()
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
    /// the loop have rows of their own, a line per language in the
    /// chapter's two tables, an experiment's ways under its name; no
    /// wall-time table; the summary is each experiment's takeaway, named by
    /// its row.
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
        assert!(table::tables(&rows).iter().all(Vec::is_empty), "no wall-time table");
        assert_eq!(
            table::text(&tables(&rows)),
            "\
stopped by             language  started  finished  one step  CPU after deadline
timeout
  awaited steps        Python    2        2         20.0 ms   6.00 ms
  awaited steps        Rust      2        2         20.0 ms   5.00 ms
  steps on the loop    Python    2        2         20.0 ms   40.0 ms
handle timed out
  a thread pool's job  Python    2        2         20.0 ms   90.0 ms
  a thread pool's job  Rust      2        2         20.0 ms   70.0 ms
  a rayon job          Rust      2        2         20.0 ms   71.0 ms

flow       language  peak memory  median latency  worst    failed
unbounded  Rust      80.0 MiB     2.00 ms         3.00 ms  –
bounded    Rust      7.00 MiB     2.00 ms         3.00 ms  –"
        );
        assert_eq!(
            summary(&rows),
            [
                "timeout: CPU after the deadline: Python (awaited-steps) 6.00 ms (stopped at \
                 the step's end), Rust (awaited-steps) 5.00 ms (stopped at the step's end), \
                 Python (steps-on-loop) 40.0 ms (ran on).",
                "handle timed out: CPU after the deadline: Python (run-in-executor) 90.0 ms \
                 (ran on), Rust (spawn-blocking) 70.0 ms (ran on), Rust (rayon) 71.0 ms (ran \
                 on).",
                "unbounded: Rust peak memory 80.0 MiB, grew, latency 2.00 ms median, 3.00 ms \
                 worst.",
                "bounded: Rust peak memory 7.00 MiB, flat, latency 2.00 ms median, 3.00 ms \
                 worst.",
            ]
        );
    }
}
