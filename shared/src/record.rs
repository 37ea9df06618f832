//! One measurement as a line of JSON: the form both languages print.
//!
//! The Python programs in `book/python/` print one JSON object per
//! measurement. A Rust program that prints the same fields, from this one
//! struct, can be compared with them field by field, and the same struct
//! reads the Python lines back. Fields an experiment does not have (workers
//! for one call, tick gaps for the pools) are left out of the line.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::cli;
use crate::measure::Measurement;

// ANCHOR: record
/// One measurement of one experiment in one language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Which experiment: `one_call`, `sequential`, `threads`, `pool`,
    /// `mixed_tasks`, chapter 5's `cancel_timeout` and the others.
    pub experiment: String,
    /// `python` or `rust`.
    pub language: String,
    /// The language's version (`3.11.7`, `1.88.0`).
    pub version: String,
    /// Wall time, in seconds.
    pub wall_s: f64,
    /// CPU time of the process and its reaped children, in seconds.
    pub cpu_s: f64,
    /// Cores kept busy on average: `cpu_s / wall_s`.
    pub cores_used: f64,
    /// Cores the machine offered.
    pub cores: usize,
    /// Calls of the workload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calls: Option<usize>,
    /// Each call multiplies the integers in `1..limit`.
    pub limit: u32,
    /// Threads or processes that ran the calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workers: Option<usize>,
    /// The product's size in bits (`workload::fingerprint`): equal in both
    /// languages when both computed the same product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<u64>,
    /// Ticks of the mixed-task program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticks: Option<u64>,
    /// The ticks' interval, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval_s: Option<f64>,
    /// The longest time between two ticks, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_gap_s: Option<f64>,
    /// The longest gap minus the interval: how late the latest tick ran.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worst_lateness_s: Option<f64>,
    /// One CPU step (the median), in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step_s: Option<f64>,
    /// Which way of one experiment this row is, in lowercase words joined by
    /// hyphens: a runtime and where its CPU steps ran (`tokio-on-loop`), a
    /// mode (`gil-model`), a pool (`processes`), an algorithm (`tree`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// The lesson's word for this row, computed from the measurement:
    /// `late`, `on time`, `parallel`, `serialised`, `concurrent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// Ticks that ran late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_ticks: Option<u64>,
    /// Time to start the workers (threads or processes), in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub startup_s: Option<f64>,
    /// Speed against the same experiment on one worker: `baseline / wall`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speedup: Option<f64>,
    /// Resident memory per connection (thread or task), in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory_each_bytes: Option<f64>,
    /// Chapter 5: steps of a cancelled chain that began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps_started: Option<u64>,
    /// Chapter 5: steps of a cancelled chain that ran to their end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps_finished: Option<u64>,
    /// Chapter 5: CPU time the job burnt after its deadline, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpu_after_deadline_ms: Option<f64>,
    /// Chapter 5: messages sent and never read whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_messages: Option<u64>,
    /// Chapter 5: the highest resident memory sampled during the run, in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak_memory_bytes: Option<u64>,
    /// Chapter 5: items (messages, requests) handled per second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub throughput_per_s: Option<f64>,
    /// Chapter 5: the median latency of one item, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_median_ms: Option<f64>,
    /// Chapter 5: the worst latency of one item, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latency_worst_ms: Option<f64>,
    /// Chapter 5: items (requests) that failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failures: Option<u64>,
    /// Chapter 5: the bound: a channel's capacity, a semaphore's permits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<u64>,
}
// ANCHOR_END: record

impl Record {
    /// A record of `measurement`, with the experiment's own fields left empty
    /// (fill them in with struct update syntax). Times are rounded to the
    /// microsecond and `cores_used` to three decimals, as the Python side does.
    pub fn measured(
        experiment: &str,
        language: &str,
        version: &str,
        limit: u32,
        m: &Measurement,
    ) -> Self {
        Record {
            experiment: experiment.to_string(),
            language: language.to_string(),
            version: version.to_string(),
            wall_s: round(m.wall.as_secs_f64(), 6),
            cpu_s: round(m.cpu.total().as_secs_f64(), 6),
            cores_used: round(m.cores_used(), 3),
            cores: m.cores,
            limit,
            ..Record::default()
        }
    }

    /// The record as one line of JSON (no newline).
    pub fn to_json_line(&self) -> String {
        // Only numbers and strings: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads one line of JSON, as printed by either language.
    pub fn from_json_line(line: &str) -> Result<Self, String> {
        serde_json::from_str(line)
            .map_err(|err| format!("not a measurement ({err}): {line}"))
    }
}

/// Rounds to `decimals` places.
pub fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

/// The file a program's `--json PATH` names: created before the run, so that
/// a path that cannot be written fails at once, then one record per line.
#[derive(Debug)]
pub struct JsonLines {
    path: PathBuf,
    file: File,
}

impl JsonLines {
    /// Creates (or empties) the file at `path`.
    pub fn create(path: &Path) -> Result<Self, String> {
        let path = path.to_path_buf();
        match File::create(&path) {
            Ok(file) => Ok(JsonLines { path, file }),
            Err(err) => Err(cli::cannot_write(&path, err)),
        }
    }

    /// Appends `records`, one line each.
    pub fn write(&mut self, records: &[Record]) -> Result<(), String> {
        let text: String = records.iter().map(|r| r.to_json_line() + "\n").collect();
        self.file
            .write_all(text.as_bytes())
            .map_err(|err| cli::cannot_write(&self.path, err))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::measure::CpuTime;

    fn two_seconds_on_two_cores() -> Measurement {
        Measurement {
            wall: Duration::from_secs(2),
            cpu: CpuTime {
                user: Duration::from_millis(3_500),
                system: Duration::from_millis(500),
            },
            cores: 2,
        }
    }

    /// A measurement becomes the fields, rounded; a line reads back the same.
    #[test]
    fn a_record_round_trips_through_its_json_line() {
        let record = Record {
            calls: Some(20),
            workers: Some(20),
            fingerprint: Some(62),
            ..Record::measured(
                "threads",
                "rust",
                "1.88.0",
                21,
                &two_seconds_on_two_cores(),
            )
        };
        assert_eq!(record.cpu_s, 4.0);
        assert_eq!(record.cores_used, 2.0);
        let line = record.to_json_line();
        assert!(
            line.starts_with(r#"{"experiment":"threads","language":"rust","#),
            "{line}"
        );
        assert!(!line.contains("max_gap_s"), "empty fields are left out: {line}");
        assert_eq!(Record::from_json_line(&line), Ok(record));
    }

    /// A line as the Python programs print it is read, missing fields and all.
    #[test]
    fn reads_a_python_line() {
        let line = r#"{"experiment": "mixed_tasks", "language": "python", "version": "3.11.7", "wall_s": 2.5, "cpu_s": 2.4, "cores_used": 0.96, "cores": 2, "ticks": 6, "interval_s": 0.5, "limit": 40000, "max_gap_s": 0.7, "worst_lateness_s": 0.2, "step_s": 0.2}"#;
        let record = Record::from_json_line(line).unwrap();
        assert_eq!(record.language, "python");
        assert_eq!(record.ticks, Some(6));
        assert_eq!(record.worst_lateness_s, Some(0.2));
        assert_eq!(record.calls, None);
        assert!(
            Record::from_json_line("one_call: 0.2 s")
                .unwrap_err()
                .starts_with("not a measurement")
        );
    }

    /// `JsonLines` writes one line per record, which read back the same; a
    /// path in a missing directory is refused at creation, in one line.
    #[test]
    fn json_lines_write_one_record_per_line() {
        let dir = std::env::temp_dir().join(format!("json-lines-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("runs.jsonl");
        let record = Record::measured(
            "threads",
            "rust",
            "1.95.0",
            40_000,
            &two_seconds_on_two_cores(),
        );
        let mut file = JsonLines::create(&path).unwrap();
        file.write(&[record.clone(), record.clone()]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let read: Vec<Record> =
            text.lines().map(|l| Record::from_json_line(l).unwrap()).collect();
        assert_eq!(read, vec![record.clone(), record]);
        std::fs::remove_dir_all(&dir).unwrap();

        let err = JsonLines::create(&dir.join("missing/runs.jsonl")).unwrap_err();
        assert!(err.starts_with("cannot write ") && !err.contains('\n'), "{err}");
    }
}
