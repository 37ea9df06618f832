//! Several runs of the same measurements, merged into the run the book shows.
//!
//! `book/measure.sh` runs every chapter a few times, each run into its own
//! folder (`book/results/run-1/`, `run-2/`, …). One noisy run can make a
//! parallel pool look slower than it is; the median of several runs cannot
//! be moved by one. This module:
//!
//! - keeps, for each record set (one program's measurements), the whole
//!   run with the median total wall time: every row of a page's tables, the
//!   sentences built from them and the pictures that run drew (measure.sh
//!   copies that run's pictures) come from one real run, so a picture and
//!   its table quote the same numbers;
//! - measures each row's spread over the runs, `(max − min) / median` of
//!   what its lesson rests on, and each experiment's spread, its largest
//!   row's. For a CPU-bound row (its CPU time at least half its wall time
//!   in every run) that is the cores it kept busy, CPU time over wall time;
//!   for any other row, its wall time. The host this course is measured on
//!   lends its cores at a speed that moves: the same single-thread work took
//!   up to 31 % more CPU time in one run than in the next, its wall time
//!   moving with it. Another program taking a core lowers the cores a row
//!   kept busy; a slower core does not, and it is not the lesson's noise.
//!   The wall times' spread is still shown under every table;
//! - refuses runs whose rows differ, or whose verdict words differ from one
//!   run to the next (the lesson's word would depend on the run).
//!
//! [`too_noisy`] then names the experiments whose spread is over their
//! [`bound`]: their numbers cannot carry the lesson, and the results are not
//! written.

use std::collections::BTreeMap;

use shared::record::Record;
use shared::stats::median_f64;

/// The largest spread an experiment may show: 10 %. The chapters' lessons
/// rest on differences of 10 % and more (an efficiency bar of 85 %, a
/// speedup of 2 on 2 cores), so a noise as large as the lesson hides it.
pub const SPREAD_BOUND: f64 = 0.10;

/// The largest spread `experiment` of the record set `set` may show for
/// its lesson to stand: [`SPREAD_BOUND`], or a looser bound, the smallest
/// ratio the experiment's lesson rests on less a margin, so that a spread
/// under it cannot flip the lesson.
pub fn bound(set: &str, experiment: &str) -> f64 {
    // Chapter 5's own run and its side by side.
    let chapter_5 =
        matches!(set, "chapter-05-cancellation-and-backpressure" | "python-vs-rust");
    match (set, experiment) {
        // A few milliseconds of reads from the page cache; the lesson is which
        // threads did the reads (the table's thread count), not how long.
        ("chapter-03-cpu-bound", "io_files") => 2.0,
        // Thousands of connections opened at once; the lesson is a ratio of
        // several times per connection (threads against tasks: three or more).
        ("chapter-03-cpu-bound" | "python-vs-rust", "io_scale") => 0.75,
        // One call of each algorithm, milliseconds for the trees; the lessons
        // are ratios of two and more (Python against Rust, the tree against the
        // loop). Chapter 4's own algorithm table, where the parallel tree
        // against the tree is a smaller gain, keeps the 10 %.
        ("python-vs-rust", "algorithm") => 0.50,
        // Chapter 5: a deadline, a process's start, a consumer's pace and a
        // service's wait set the wall times; the lessons are counts (steps
        // started and finished), the CPU after the deadline against one step,
        // and memory and latency ratios of several times.
        (
            _,
            "cancel_timeout" | "cancel_blocking" | "cancel_token" | "cancel_process"
            | "cancel_safety",
        ) if chapter_5 => 2.0,
        (_, "channel_unbounded" | "channel_bounded" | "semaphore") if chapter_5 => 0.75,
        _ => SPREAD_BOUND,
    }
}

/// A row's name across runs: experiment, variant, workers, language
/// (`pool.threads.2.rust`).
pub fn key(record: &Record) -> String {
    format!("{}.{}", place(record), record.language)
}

/// [`key`] without the language: the experiment, then the variant and the
/// workers when set (`pool.threads.2`).
pub fn place(record: &Record) -> String {
    let workers = record.workers.map(|n| n.to_string());
    let parts = [Some(&record.experiment), record.variant.as_ref(), workers.as_ref()];
    parts.into_iter().flatten().cloned().collect::<Vec<_>>().join(".")
}

/// How far one experiment's runs spread.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub experiment: String,
    /// Its largest row's `(max − min) / median` of what the row's lesson
    /// rests on ([`Measure`]).
    pub spread: f64,
    pub row: String,
    /// What spread that much.
    pub measure: Measure,
    /// Its largest row's spread of the wall time, whatever the row.
    pub wall: f64,
}

/// What a row's spread is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The cores a CPU-bound row kept busy: CPU time over wall time.
    CoresBusy,
    /// The wall time, for every other row.
    WallTime,
}

impl Measure {
    pub fn words(self) -> &'static str {
        match self {
            Measure::CoresBusy => "the cores kept busy",
            Measure::WallTime => "the wall times",
        }
    }

    /// The measure for one row over its runs: the cores kept busy when its
    /// CPU time was at least half its wall time in every run.
    fn of(same: &[&Record]) -> Measure {
        let cpu_bound = same.iter().all(|r| r.wall_s > 0.0 && r.cpu_s >= 0.5 * r.wall_s);
        if cpu_bound { Measure::CoresBusy } else { Measure::WallTime }
    }

    fn value(self, record: &Record) -> f64 {
        match self {
            Measure::CoresBusy => record.cpu_s / record.wall_s,
            Measure::WallTime => record.wall_s,
        }
    }
}

/// `(max − min) / median` of `values` (0 when the median is 0).
fn spread_of(values: Vec<f64>) -> f64 {
    let median = median_f64(&values).unwrap_or_default();
    let least = values.iter().copied().fold(f64::INFINITY, f64::min);
    let most = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if median > 0.0 { (most - least) / median } else { 0.0 }
}

/// One record set's runs, merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The rows of the median run, in its order.
    pub records: Vec<Record>,
    /// Which run they are, counted from 1 (`run-2/`).
    pub run: usize,
    /// Each experiment's spread, in the order the experiments first appear.
    pub spreads: Vec<Spread>,
    pub runs: usize,
}

/// Merges the runs of one record set (each run's records in its order).
/// Every run must hold the same rows in the same order, with the same
/// verdicts.
pub fn merge(runs: &[Vec<Record>]) -> Result<Merged, String> {
    let Some(first) = runs.first() else {
        return Err("no runs to merge".into());
    };
    let keys = occurrences(first);
    for (number, run) in runs.iter().enumerate().skip(1) {
        let these = occurrences(run);
        if these != keys {
            let name = |rows: &[Record], at: usize| {
                rows.get(at).map_or("nothing".to_string(), key)
            };
            let at = (0..keys.len().max(these.len()))
                .find(|&at| keys.get(at) != these.get(at))
                .unwrap_or(0);
            return Err(format!(
                "run {} does not hold the same rows as run 1 ({} where run 1 has {}): \
                 measure again",
                number + 1,
                name(run, at),
                name(first, at)
            ));
        }
    }
    let mut row_spreads = Vec::with_capacity(first.len());
    for (at, record) in first.iter().enumerate() {
        let key = key(record);
        let same: Vec<&Record> = runs.iter().map(|run| &run[at]).collect();
        let verdicts: Vec<&str> =
            same.iter().map(|r| r.verdict.as_deref().unwrap_or("")).collect();
        if verdicts.iter().any(|verdict| *verdict != verdicts[0]) {
            return Err(format!(
                "{}: the verdict differs between runs ({}): the lesson's word \
                 depends on the run; measure again on a quieter machine",
                key,
                verdicts.join(", ")
            ));
        }
        let measure = Measure::of(&same);
        let spread = spread_of(same.iter().map(|r| measure.value(r)).collect());
        let wall = spread_of(same.iter().map(|r| r.wall_s).collect());
        row_spreads.push((key, spread, measure, wall));
    }
    // The run shown: the (first) run whose total wall time is the median.
    let totals: Vec<f64> =
        runs.iter().map(|run| run.iter().map(|r| r.wall_s).sum()).collect();
    let middle = median_f64(&totals).unwrap_or_default();
    let run =
        totals.iter().position(|total| total.total_cmp(&middle).is_eq()).unwrap_or(0);
    let records = runs[run].clone();
    let mut spreads: Vec<Spread> = Vec::new();
    for (record, (row, spread, measure, wall)) in records.iter().zip(row_spreads) {
        match spreads.iter_mut().find(|s| s.experiment == record.experiment) {
            Some(worst) => {
                worst.wall = worst.wall.max(wall);
                if spread > worst.spread {
                    (worst.spread, worst.row, worst.measure) = (spread, row, measure);
                }
            }
            None => spreads.push(Spread {
                experiment: record.experiment.clone(),
                spread,
                row,
                measure,
                wall,
            }),
        }
    }
    Ok(Merged { records, run: run + 1, spreads, runs: runs.len() })
}

/// Each record's row across runs: its experiment, variant and language, and
/// how many records before it share them, so that rows are matched in the
/// order they ran. The workers are left out: a pool's N is fixed, but some
/// rows count the threads a runtime chose (tokio's file reads), which may
/// differ from run to run.
fn occurrences(run: &[Record]) -> Vec<(String, usize)> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    run.iter()
        .map(|record| {
            let key = key(&Record { workers: None, ..record.clone() });
            let count = seen.entry(key.clone()).or_default();
            *count += 1;
            (key, *count)
        })
        .collect()
}

/// One line per experiment whose spread is over its [`bound`], naming it,
/// its worst row, the spread and the bound; empty when every experiment
/// carries its lesson.
pub fn too_noisy(name: &str, merged: &Merged) -> Vec<String> {
    merged
        .spreads
        .iter()
        .filter(|spread| spread.spread > bound(name, &spread.experiment))
        .map(|spread| {
            format!(
                "{name}: {}: {} of {} spread by {:.1} % over {} runs, more \
                 than the {:.0} % its lesson can bear",
                spread.experiment,
                spread.measure.words(),
                spread.row,
                spread.spread * 100.0,
                merged.runs,
                bound(name, &spread.experiment) * 100.0
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pool row: threads or processes, N workers, a wall time, a speedup
    /// against N = 1 as the run measured it.
    fn pool(variant: &str, workers: usize, wall_s: f64, speedup: f64) -> Record {
        Record {
            experiment: "pool".into(),
            language: "rust".into(),
            variant: Some(variant.into()),
            workers: Some(workers),
            wall_s,
            speedup: Some(speedup),
            ..Record::default()
        }
    }

    fn run(n1: f64, n2: f64) -> Vec<Record> {
        vec![pool("threads", 1, n1, 1.0), pool("threads", 2, n2, n1 / n2)]
    }

    /// The rows are the run with the median total wall time, whole (its
    /// own speedups with it); the spread is (max − min) / median, per row;
    /// one run is its own median, with no spread.
    #[test]
    fn keeps_the_median_run_whole() {
        // Totals 6.0, 6.45, 6.4: the third run is the median one.
        let runs = [run(4.0, 2.0), run(4.0, 2.45), run(4.4, 2.0)];
        let merged = merge(&runs).unwrap();
        assert_eq!((merged.runs, merged.run), (3, 3));
        assert_eq!(merged.records[0].wall_s, 4.4);
        assert_eq!(merged.records[1].wall_s, 2.0);
        assert_eq!(merged.records[1].speedup, Some(2.2));
        let spread = &merged.spreads[0];
        assert_eq!(spread.row, "pool.threads.2.rust");
        assert!((spread.spread - 0.45 / 2.0).abs() < 1e-9, "{spread:?}");
        let one = merge(&[run(4.0, 2.1)]).unwrap();
        assert_eq!((one.records[1].wall_s, one.spreads[0].spread), (2.1, 0.0));
    }

    /// Over the bound, the experiment is named with its worst row and the
    /// bound; under it, nothing is said.
    #[test]
    fn names_an_experiment_too_noisy_for_its_lesson() {
        let noisy = merge(&[run(4.0, 2.0), run(4.0, 2.4), run(4.0, 2.05)]).unwrap();
        assert_eq!(
            too_noisy("chapter-04-parallelism", &noisy),
            ["chapter-04-parallelism: pool: the wall times of pool.threads.2.rust \
                 spread by 19.5 % over 3 runs, more than the 10 % its lesson can bear"]
        );
        let quiet = merge(&[run(4.0, 2.0), run(4.1, 2.02), run(4.05, 2.04)]).unwrap();
        assert!(too_noisy("x", &quiet).is_empty());
    }

    /// A CPU-bound row is judged by the cores it kept busy: a slower host
    /// (CPU time moving with wall time) is not noise; a core taken away is.
    #[test]
    fn cpu_bound_rows_are_judged_by_the_cores_they_kept_busy() {
        let busy =
            |wall_s: f64, cpu_s: f64| Record { cpu_s, ..pool("threads", 2, wall_s, 1.0) };
        let slower_host =
            [vec![busy(1.0, 1.9)], vec![busy(1.3, 2.47)], vec![busy(1.1, 2.09)]];
        let merged = merge(&slower_host).unwrap();
        let spread = &merged.spreads[0];
        assert_eq!(spread.measure, Measure::CoresBusy);
        assert!(spread.spread < 0.01, "{spread:?}");
        assert!((spread.wall - 0.3 / 1.1).abs() < 1e-9, "{spread:?}");
        assert!(too_noisy("chapter-04-parallelism", &merged).is_empty());
        let core_taken =
            [vec![busy(1.0, 1.9)], vec![busy(1.4, 1.9)], vec![busy(1.0, 1.9)]];
        let said = too_noisy("chapter-04-parallelism", &merge(&core_taken).unwrap());
        assert_eq!(
            said,
            ["chapter-04-parallelism: pool: the cores kept busy of \
                 pool.threads.2.rust spread by 28.6 % over 3 runs, more than the 10 % \
                 its lesson can bear"]
        );
    }

    /// A verdict that differs between runs, or rows that differ, are refused.
    #[test]
    fn refuses_runs_that_disagree() {
        let mut met = run(4.0, 2.0);
        met[1].verdict = Some("met".into());
        let mut missed = run(4.0, 2.3);
        missed[1].verdict = Some("missed".into());
        assert_eq!(
            merge(&[met.clone(), missed]).unwrap_err(),
            "pool.threads.2.rust: the verdict differs between runs (met, missed): the \
             lesson's word depends on the run; measure again on a quieter machine"
        );
        assert_eq!(
            merge(&[met.clone(), met[..1].to_vec()]).unwrap_err(),
            "run 2 does not hold the same rows as run 1 (nothing where run 1 has \
             pool.threads.2.rust): measure again"
        );
        assert!(merge(&[]).is_err());
    }

    /// A count the run measured (the threads tokio chose for its file reads)
    /// may differ between runs: the rows still match, in their order.
    #[test]
    fn a_measured_worker_count_does_not_split_a_row() {
        let files = |workers: usize, wall_s: f64| Record {
            experiment: "io_files".into(),
            language: "rust".into(),
            variant: Some("tokio-fs".into()),
            workers: Some(workers),
            wall_s,
            ..Record::default()
        };
        let merged = merge(&[
            vec![files(19, 0.006)],
            vec![files(18, 0.007)],
            vec![files(19, 0.0065)],
        ])
        .unwrap();
        assert_eq!(merged.records[0].wall_s, 0.0065);
    }

    /// The looser bounds are the I/O experiments'; the rest get 10 %.
    #[test]
    fn bounds_are_stated_per_experiment() {
        assert_eq!(bound("chapter-04-parallelism", "pool"), 0.10);
        assert_eq!(bound("chapter-03-cpu-bound", "io_scale"), 0.75);
        assert_eq!(bound("chapter-04-parallelism", "algorithm"), 0.10);
        assert_eq!(bound("python-vs-rust", "algorithm"), 0.50);
    }
}
