//! Was the machine busy while the comparison ran? Two measurements, read
//! at the start and at the end of the run, and the line that says so at the
//! top of the summary; and a warning naming each measurement that kept
//! fewer cores busy than it could.
//!
//! - **Other programs' CPU time**: all the cores' busy time (`/proc/stat`)
//!   less this program's and its children's, over the run's wall time: the
//!   cores other programs kept busy on average. (The load average would
//!   count this program's own threads and worker processes too.)
//! - **The calibration**: one small call of the workload, timed (the fastest
//!   of a few) at the start and at the end. On a quiet machine it takes the
//!   same time; when it moved, the machine's speed changed under the run.

use std::fs;
use std::hint::black_box;
use std::time::{Duration, Instant};

use shared::measure::CpuTime;
use shared::record::Record;
use shared::workload::product_below;

use crate::experiment::Experiment;

/// Other programs kept at least this many cores busy on average: enough to
/// take a tenth of a 2-core machine's time from the measured work, the size
/// of the differences the lessons rest on.
pub(crate) const OTHERS_BUSY_CORES: f64 = 0.2;

/// The calibration moved by more than this fraction between start and end.
pub(crate) const CALIBRATION_MOVED: f64 = 0.15;

/// The calibration call: small enough to cost milliseconds.
const CALIBRATION_LIMIT: u32 = 20_000;

/// What the run measured about its machine.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MachineState {
    /// The cores other programs kept busy on average (`None`: no `/proc/stat`).
    pub(crate) others_cores: Option<f64>,
    /// The calibration call at the start and at the end.
    pub(crate) calibration: (Duration, Duration),
    /// The cores this program may use.
    pub(crate) cores: usize,
}

/// The line that opens the summary when the machine was busy, naming what
/// was measured against its threshold; `None` on a quiet machine.
pub(crate) fn busy_line(state: &MachineState) -> Option<String> {
    let mut reasons = Vec::new();
    if let Some(others) = state.others_cores.filter(|c| *c >= OTHERS_BUSY_CORES) {
        reasons.push(format!(
            "other programs kept {others:.2} of {} cores busy on average (over \
             {OTHERS_BUSY_CORES})",
            state.cores
        ));
    }
    let (start, end) = state.calibration;
    let moved = end.as_secs_f64() / start.as_secs_f64().max(1e-9) - 1.0;
    if moved.abs() > CALIBRATION_MOVED {
        reasons.push(format!(
            "the calibration call took {} at the start and {} at the end (moved by \
             {:.0} %, over {:.0} %)",
            shared::format::duration(start),
            shared::format::duration(end),
            moved.abs() * 100.0,
            CALIBRATION_MOVED * 100.0
        ));
    }
    (!reasons.is_empty()).then(|| {
        format!(
            "BUSY MACHINE: {}. The times above are inflated and the words may not \
             hold; run again on an idle machine.",
            reasons.join("; ")
        )
    })
}

/// One reading, at the start or at the end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reading {
    at: Instant,
    all_busy_s: Option<f64>,
    own: Duration,
    calibration: Duration,
}

impl Reading {
    /// Reads the cores' busy time and this program's, and times the
    /// calibration call.
    pub(crate) fn now() -> Self {
        let calibration = (0..3)
            .map(|_| {
                let started = Instant::now();
                black_box(product_below(CALIBRATION_LIMIT));
                started.elapsed()
            })
            .min()
            .unwrap_or_default();
        Self {
            at: Instant::now(),
            all_busy_s: all_busy_seconds(),
            own: CpuTime::now().total(),
            calibration,
        }
    }

    /// The machine's state between `self` (the start) and `end`.
    pub(crate) fn until(&self, end: &Reading, cores: usize) -> MachineState {
        let wall = end.at.duration_since(self.at).as_secs_f64().max(1e-9);
        let others_cores = match (self.all_busy_s, end.all_busy_s) {
            (Some(start), Some(stop)) => {
                let own = end.own.saturating_sub(self.own).as_secs_f64();
                Some(((stop - start - own) / wall).max(0.0))
            }
            _ => None,
        };
        MachineState {
            others_cores,
            calibration: (self.calibration, end.calibration),
            cores,
        }
    }
}

/// Every core's busy time so far, in seconds: the first line of
/// `/proc/stat` (user, nice, system, irq, softirq, steal; in USER_HZ, 100 a
/// second on Linux). `None` elsewhere.
fn all_busy_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/stat").ok()?;
    let fields: Vec<f64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .map(|field| field.parse().ok())
        .collect::<Option<_>>()?;
    let busy = [0, 1, 2, 5, 6, 7].iter().filter_map(|&at| fields.get(at)).sum::<f64>();
    Some(busy / 100.0)
}

/// The cores a measurement should have kept busy on an idle machine: one for
/// the sequential experiments and for CPython's threads, one per worker up
/// to the core count for Rust's threads and for the pools.
fn expected_cores(record: &Record) -> f64 {
    let parallel = record.experiment == Experiment::Pool.name()
        || (record.experiment == Experiment::Threads.name()
            && record.language != "python")
        || record.variant.as_deref() == Some("parallel-tree-all-cores");
    if parallel { record.workers.unwrap_or(1).min(record.cores) as f64 } else { 1.0 }
}

/// A warning when some measurement kept far fewer cores busy than it should
/// have: another program was using them, and its times are inflated.
pub(crate) fn busy_machine_warning(records: &[Record]) -> Option<String> {
    // What mostly waits (a loop's ticks, sockets; chapter 5's deadlines,
    // consumers and service) has no core count to reach.
    let waits = |r: &Record| {
        Experiment::named(&r.experiment).is_some_and(|experiment| {
            experiment.is_chapter_5()
                || matches!(
                    experiment,
                    Experiment::MixedTasks
                        | Experiment::Hybrid
                        | Experiment::IoCalls
                        | Experiment::IoScale
                )
        })
    };
    let starved: Vec<String> = records
        .iter()
        .filter(|r| !waits(r) && r.cores_used < 0.85 * expected_cores(r))
        .map(|r| match r.workers.filter(|_| r.experiment == Experiment::Pool.name()) {
            Some(n) => format!("{} {} N = {n}", r.language, r.experiment),
            None => format!("{} {}", r.language, r.experiment),
        })
        .collect();
    (!starved.is_empty()).then(|| {
        format!(
            "Warning: other programs were using the cores; these kept fewer cores busy than they could, so their times are inflated: {}. Run again on an idle machine.",
            starved.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(others: Option<f64>, start_ms: u64, end_ms: u64) -> MachineState {
        MachineState {
            others_cores: others,
            calibration: (Duration::from_millis(start_ms), Duration::from_millis(end_ms)),
            cores: 2,
        }
    }

    /// A quiet machine gets no line.
    #[test]
    fn a_quiet_machine_says_nothing() {
        assert_eq!(busy_line(&state(Some(0.05), 30, 32)), None);
        assert_eq!(busy_line(&state(None, 30, 30)), None);
    }

    /// Other programs' cores, or a calibration that moved, each say so with
    /// the value against its threshold.
    #[test]
    fn a_busy_machine_names_what_was_measured() {
        let others = busy_line(&state(Some(1.32), 30, 31)).unwrap();
        assert!(
            others.starts_with(
                "BUSY MACHINE: other programs kept 1.32 of 2 cores busy on average (over 0.2)."
            ),
            "{others}"
        );
        let moved = busy_line(&state(Some(0.0), 30, 45)).unwrap();
        assert!(
            moved.contains(
                "the calibration call took 30.0 ms at the start and 45.0 ms at the end \
                 (moved by 50 %, over 15 %)"
            ),
            "{moved}"
        );
        let both = busy_line(&state(Some(0.9), 45, 30)).unwrap();
        assert!(both.contains("on average (over 0.2); the calibration"), "{both}");
    }

    fn record(
        experiment: &str,
        language: &str,
        cores_used: f64,
        n: Option<usize>,
    ) -> Record {
        let (experiment, language) = (experiment.to_string(), language.to_string());
        Record {
            experiment,
            language,
            cores_used,
            cores: 2,
            workers: n,
            ..Record::default()
        }
    }

    /// A run that got fewer cores than it could use is flagged; a full one is not.
    #[test]
    fn starved_runs_are_flagged() {
        let fine = [
            record("one_call", "rust", 0.99, None),
            record("pool", "rust", 1.9, Some(8)),
        ];
        assert_eq!(busy_machine_warning(&fine), None);
        let starved = [
            record("pool", "python", 1.0, Some(4)),
            record("threads", "python", 0.97, Some(20)),
        ];
        let warning = busy_machine_warning(&starved).unwrap();
        assert!(
            warning
                .ends_with("inflated: python pool N = 4. Run again on an idle machine."),
            "{warning}"
        );
    }
}
