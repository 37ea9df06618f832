//! The comparison in words: a line for each experiment both languages ran,
//! every word computed from the paired records ([`crate::pairs`]). The
//! `compare` command prints these lines as its summary, and the results
//! pages lead each of the comparison's tables with the same line
//! ([`crate::takeaway`]): one wording of the lesson, not two.

use shared::format::{self, duration_s};
use shared::record::Record;

use crate::experiment::Experiment;
use crate::pairs::Row;

/// A process that kept at least this many cores busy ran its calls in parallel;
/// below it, one at a time. CPython's threads stay near 1.0 and Rust's near the
/// core count: the threshold sits far from both.
const PARALLEL_CORES: f64 = 1.25;

/// The cores a record kept busy, of the machine's: `1.98 of 2`.
pub fn cores_used(record: &Record) -> String {
    format!("{:.2} of {}", record.cores_used, record.cores)
}

/// The same with its unit: `1.98 of 2 cores`, `1.00 of 1 core`.
fn busy(record: &Record) -> String {
    let unit = if record.cores == 1 { "core" } else { "cores" };
    format!("{} {unit}", cores_used(record))
}

/// How a record's calls ran, as the cores it kept busy say: a phrase that
/// follows "ran the calls".
fn verdict(record: &Record) -> &'static str {
    if record.cores < 2 {
        "on one core"
    } else if record.cores_used >= PARALLEL_CORES {
        "in parallel"
    } else {
        "one at a time"
    }
}

/// The lesson in words, one line per experiment that both languages ran
/// (the pool, the algorithm and the I/O experiments: one line for all their
/// rows, where their first row is).
pub fn lines(rows: &[Row]) -> Vec<String> {
    let mut lines = Vec::new();
    let mut told = Vec::new();
    for row in rows {
        let whole = match row.experiment {
            Experiment::Pool => pool_summary(rows),
            Experiment::Algorithm => algorithm_summary(rows),
            Experiment::IoCalls => io_summary(rows),
            Experiment::IoScale => scale_summary(rows),
            _ => {
                lines.extend(row_summary(rows, row));
                continue;
            }
        };
        if !told.contains(&row.experiment) {
            told.push(row.experiment);
            lines.extend(whole);
        }
    }
    lines
}

/// The line of one row that both languages measured.
fn row_summary(rows: &[Row], row: &Row) -> Option<String> {
    let (Some(python), Some(rust), Some(ratio)) = (&row.python, &row.rust, row.ratio())
    else {
        return None;
    };
    Some(match row.experiment {
        Experiment::OneCall => format!(
            "one call: {} ({} against {}): the workload itself, both languages multiplying a big integer {} times.",
            rust_against_python(ratio),
            duration_s(rust.wall_s),
            duration_s(python.wall_s),
            rust.limit.saturating_sub(2)
        ),
        Experiment::Sequential => format!(
            "{}: {}; both ran the calls {} (Python {}, Rust {}).",
            row.label(),
            rust_against_python(ratio),
            if verdict(python) == verdict(rust) { verdict(rust) } else { "differently" },
            busy(python),
            busy(rust)
        ),
        Experiment::Threads => {
            // The GIL is named only where the run shows it: on the same
            // machine, in the same run, Rust's threads ran in parallel and
            // Python's did not.
            let gil =
                verdict(python) == "one at a time" && verdict(rust) == "in parallel";
            let line = format!(
                "{}: {}; Python's threads ran {} ({}{}), Rust's {} ({})",
                row.label(),
                rust_against_python(ratio),
                verdict(python),
                busy(python),
                if gil { ": the GIL" } else { "" },
                verdict(rust),
                busy(rust)
            );
            let one_call = rows.iter().find(|row| row.experiment == Experiment::OneCall);
            match one_call.and_then(Row::ratio).filter(|r| *r > 0.0) {
                // The rest of the ratio is parallelism only if Rust's
                // threads did run in parallel (the CPU column says).
                Some(workload) if verdict(rust) == "in parallel" => format!(
                    "{line}: {workload:.2}× from the faster workload, {:.2}× from running in parallel.",
                    ratio / workload
                ),
                // Not in parallel: name the workload's share and no split.
                Some(workload) => format!(
                    "{line}: one call alone, {}; none of the difference is parallelism, since Rust's threads kept under {PARALLEL_CORES} cores busy.",
                    rust_against_python(workload)
                ),
                None => format!("{line}."),
            }
        }
        Experiment::MixedTasks => {
            let steps = |r: &Record| {
                let (late, step) =
                    (r.worst_lateness_s.unwrap_or(0.0), r.step_s.unwrap_or(0.0));
                let ratio = if step > 0.0 { late / step } else { 0.0 };
                format!(
                    "{} late ({ratio:.2} CPU steps of {})",
                    duration_s(late),
                    duration_s(step)
                )
            };
            format!(
                "mixed tasks: the worst tick ran {} in Python and {} in Rust: on both loops a tick waits while a CPU step holds the loop.",
                steps(python),
                steps(rust)
            )
        }
        Experiment::Hybrid => {
            let beat = |r: &Record| {
                format!(
                    "{} ({} late of {})",
                    duration_s(r.worst_lateness_s.unwrap_or(0.0)),
                    r.late_ticks.unwrap_or(0),
                    r.ticks.unwrap_or(0)
                )
            };
            format!(
                "hybrid: {} in Python, {} in Rust; worst heartbeat lateness {} in Python and {} in Rust, the calls on {} processes.",
                python.verdict.as_deref().unwrap_or("?").to_uppercase(),
                rust.verdict.as_deref().unwrap_or("?").to_uppercase(),
                beat(python),
                beat(rust),
                rust.workers.unwrap_or(0)
            )
        }
        // Chapter 5's lines are the takeaway's (`crate::takeaway`).
        _ => return None,
    })
}

/// Every record of `experiment`'s rows, with its language and its row.
fn measured(
    rows: &[Row],
    experiment: Experiment,
) -> impl Iterator<Item = (&'static str, &Row, &Record)> {
    rows.iter().filter(move |row| row.experiment == experiment).flat_map(|row| {
        row.sides().map(move |(language, record)| (language, row, record))
    })
}

/// The requests to the slow service, every way, in one line.
fn io_summary(rows: &[Row]) -> Option<String> {
    let measured: Vec<_> = measured(rows, Experiment::IoCalls).collect();
    let (_, _, first) = measured.first()?;
    let verdicts: Vec<&str> =
        measured.iter().map(|(_, _, r)| r.verdict.as_deref().unwrap_or("?")).collect();
    let verdict = if verdicts.iter().all(|v| *v == "concurrent") {
        "CONCURRENT every way, waiting on a socket needs no CPU".to_string()
    } else {
        format!("verdicts {}", verdicts.join(", "))
    };
    let ways: Vec<String> = measured
        .iter()
        .map(|(language, row, r)| {
            format!("{language} {} {}", row.way.unwrap_or("?"), duration_s(r.wall_s))
        })
        .collect();
    Some(format!(
        "I/O, {} requests to a slow service: {verdict}; all answered after {}.",
        first.calls.unwrap_or(0),
        ways.join(", ")
    ))
}

/// What one connection cost, as a task and as a thread, in both languages.
fn scale_summary(rows: &[Row]) -> Option<String> {
    let measured: Vec<_> = measured(rows, Experiment::IoScale).collect();
    let (_, _, first) = measured.first()?;
    let parts: Vec<String> = measured
        .iter()
        .map(|(language, row, r)| {
            format!(
                "{language}'s {} {} to start and {} of memory ({})",
                row.way.unwrap_or("?").trim_end_matches('s'),
                r.startup_s.map_or("?".to_string(), duration_s),
                r.memory_each_bytes.map_or("?".to_string(), format::bytes),
                r.verdict.as_deref().unwrap_or("?")
            )
        })
        .collect();
    Some(format!(
        "{} connections, each one took: {}.",
        first.calls.unwrap_or(0),
        parts.join("; ")
    ))
}

/// One call by each algorithm, in both languages, in one line.
fn algorithm_summary(rows: &[Row]) -> Option<String> {
    let step = |way: &str, language: &str| {
        measured(rows, Experiment::Algorithm)
            .find(|(name, row, _)| *name == language && row.way == Some(way))
            .and_then(|(_, _, r)| r.step_s)
    };
    let mut parts = Vec::new();
    for (way, name) in [("loop", "the loop"), ("tree", "the tree")] {
        if let (Some(p), Some(r)) = (step(way, "Python"), step(way, "Rust")) {
            let ratio = if r > 0.0 { p / r } else { 0.0 };
            let (p, r) = (duration_s(p), duration_s(r));
            parts.push(format!("{name} {p} in Python, {r} in Rust ({ratio:.2}×)"));
        }
    }
    if let Some(p) = step("math.factorial", "Python") {
        parts.push(format!("math.factorial {}", duration_s(p)));
    }
    if let Some(r) = step("parallel tree", "Rust") {
        parts.push(format!("Rust's parallel tree {}", duration_s(r)));
    }
    (!parts.is_empty()).then(|| format!("algorithm, one call: {}.", parts.join("; ")))
}

/// The pool's speedup from one process to the best N, in each language.
fn pool_summary(rows: &[Row]) -> Option<String> {
    let pools: Vec<&Row> =
        rows.iter().filter(|row| row.experiment == Experiment::Pool).collect();
    let speedup = |side: fn(&Row) -> Option<&Record>| -> Option<(f64, usize)> {
        let one =
            pools.iter().find(|row| row.workers == Some(1)).and_then(|row| side(row))?;
        let best = pools
            .iter()
            .filter_map(|row| side(row))
            .min_by(|a, b| a.wall_s.total_cmp(&b.wall_s))?;
        (best.wall_s > 0.0).then(|| (one.wall_s / best.wall_s, best.workers.unwrap_or(1)))
    };
    let (python, python_n) = speedup(|row| row.python.as_ref())?;
    let (rust, rust_n) = speedup(|row| row.rust.as_ref())?;
    let cores = pools.iter().find_map(|row| row.rust.as_ref()).map_or(1, |r| r.cores);
    let ratios: Vec<f64> = pools.iter().filter_map(|row| row.ratio()).collect();
    let lowest = ratios.iter().copied().fold(f64::INFINITY, f64::min);
    let highest = ratios.iter().copied().fold(0.0, f64::max);
    let at_each_n = if lowest >= 1.0 {
        format!("Rust was {lowest:.2}× to {highest:.2}× faster")
    } else if highest < 1.0 {
        format!("Rust was {:.2}× to {:.2}× slower", 1.0 / highest, 1.0 / lowest)
    } else {
        format!("Python's wall time over Rust's was {lowest:.2}× to {highest:.2}×")
    };
    Some(format!(
        "pool: from 1 process to the fastest N, Python went {python:.2}× faster (N = {python_n}) and Rust {rust:.2}× (N = {rust_n}), against an ideal of {cores}× on {cores} {} for both; at each N, {at_each_n}.",
        if cores == 1 { "core" } else { "cores" }
    ))
}

/// Python's wall time over Rust's (`ratio`) in words: "Rust 2.00× faster",
/// or, under one, "Rust 2.00× slower" (never "0.50× faster").
fn rust_against_python(ratio: f64) -> String {
    if ratio >= 1.0 {
        format!("Rust {ratio:.2}× faster")
    } else {
        format!("Rust {:.2}× slower", 1.0 / ratio)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pairs::rows;

    fn record(
        experiment: &str,
        language: &str,
        wall_s: f64,
        cores_used: f64,
        workers: Option<usize>,
    ) -> Record {
        Record {
            experiment: experiment.to_string(),
            language: language.to_string(),
            wall_s,
            cores_used,
            cores: 2,
            calls: Some(20),
            limit: 40_000,
            workers,
            ..Record::default()
        }
    }

    fn algorithm(language: &str, variant: &str, step_s: f64) -> Record {
        Record {
            variant: Some(variant.to_string()),
            step_s: Some(step_s),
            calls: Some(3),
            ..record("algorithm", language, step_s * 3.0, 1.0, None)
        }
    }

    /// The loops pair up, so do the trees; math.factorial and the parallel
    /// tree get rows of their own; the summary gives each time per call.
    #[test]
    fn pairs_the_algorithms_by_way() {
        let records = [
            algorithm("rust", "loop-1-core", 0.1),
            algorithm("rust", "tree-1-core", 0.01),
            algorithm("rust", "parallel-tree-all-cores", 0.005),
            algorithm("python", "loop", 0.4),
            algorithm("python", "math-factorial", 0.02),
            algorithm("python", "tree", 0.02),
        ];
        let rows = rows(&records);
        let labels: Vec<String> = rows.iter().map(Row::label).collect();
        assert_eq!(
            labels,
            [
                "3 calls, loop",
                "3 calls, tree",
                "3 calls, parallel tree",
                "3 calls, math.factorial"
            ]
        );
        assert_eq!(rows[0].ratio(), Some(4.0));
        assert_eq!(rows[1].ratio(), Some(2.0));
        assert_eq!(rows[2].ratio(), None);
        assert_eq!(
            lines(&rows),
            ["algorithm, one call: the loop 400 ms in Python, 100 ms in Rust \
                 (4.00×); the tree 20.0 ms in Python, 10.0 ms in Rust (2.00×); \
                 math.factorial 20.0 ms; Rust's parallel tree 5.00 ms."]
        );
    }

    fn io(experiment: &str, language: &str, variant: &str, calls: usize) -> Record {
        Record {
            variant: Some(variant.to_string()),
            calls: Some(calls),
            verdict: Some(
                if experiment == "io_calls" { "concurrent" } else { "0 failed" }.into(),
            ),
            startup_s: (experiment == "io_scale").then_some(0.000_05),
            memory_each_bytes: (experiment == "io_scale").then_some(1406.5664),
            ..record(experiment, language, 0.1, 0.01, None)
        }
    }

    /// asyncio pairs with tokio's one loop and threads with threads; the
    /// GIL model has Rust's side only (the line names each side); the
    /// summary gives the requests one line and the scale-up another, memory
    /// in KiB.
    #[test]
    fn pairs_the_io_experiments_by_way() {
        let records = [
            io("io_calls", "rust", "loop", 20),
            io("io_calls", "rust", "threads", 20),
            io("io_calls", "rust", "gil-model", 20),
            io("io_calls", "python", "asyncio", 20),
            io("io_calls", "python", "threads", 20),
            io("io_scale", "rust", "tasks", 100),
            io("io_scale", "rust", "threads", 100),
            io("io_scale", "python", "asyncio", 100),
            io("io_scale", "python", "threads", 100),
        ];
        let rows = rows(&records);
        let labels: Vec<String> = rows.iter().map(Row::label).collect();
        assert_eq!(
            labels,
            [
                "20 requests, tasks on one loop",
                "20 requests on 20 threads",
                "20 requests, threads, GIL model",
                "100 connections as tasks",
                "100 connections as threads",
            ]
        );
        assert_eq!(
            lines(&rows),
            [
                "I/O, 20 requests to a slow service: CONCURRENT every way, waiting on \
                 a socket needs no CPU; all answered after Python tasks on one loop \
                 100 ms, Rust tasks on one loop 100 ms, Python threads 100 ms, Rust \
                 threads 100 ms, Rust threads, GIL model 100 ms.",
                "100 connections, each one took: Python's task 50.0 µs to start and \
                 1.37 KiB of memory (0 failed); Rust's task 50.0 µs to start and 1.37 \
                 KiB of memory (0 failed); Python's thread 50.0 µs to start and 1.37 \
                 KiB of memory (0 failed); Rust's thread 50.0 µs to start and 1.37 \
                 KiB of memory (0 failed).",
            ]
        );
    }

    /// Records pair up by experiment and pool size; the ratio is Python over
    /// Rust (the threads' line says 4.00×).
    #[test]
    fn pairs_records_and_computes_the_ratio() {
        let records = [
            record("threads", "rust", 1.0, 1.9, Some(20)),
            record("pool", "rust", 2.0, 1.0, Some(1)),
            record("pool", "rust", 1.0, 2.0, Some(2)),
            record("threads", "python", 4.0, 1.0, Some(20)),
            record("pool", "python", 4.0, 1.0, Some(1)),
            record("pool", "python", 2.0, 2.0, Some(2)),
        ];
        let rows = rows(&records);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].label(), "20 calls on a pool of 2 processes");
        assert_eq!(
            lines(&rows),
            [
                "20 calls on 20 threads: Rust 4.00× faster; Python's threads ran one \
                 at a time (1.00 of 2 cores: the GIL), Rust's in parallel (1.90 of 2 \
                 cores).",
                "pool: from 1 process to the fastest N, Python went 2.00× faster (N = \
                 2) and Rust 2.00× (N = 2), against an ideal of 2× on 2 cores for \
                 both; at each N, Rust was 2.00× to 2.00× faster.",
            ]
        );
    }

    /// Rust's threads that kept under the threshold's cores busy (a busy
    /// or pinned machine) are not credited with running in parallel.
    #[test]
    fn threads_not_in_parallel_are_not_credited_with_parallelism() {
        let records = [
            record("one_call", "rust", 0.1, 1.0, None),
            record("one_call", "python", 0.2, 1.0, None),
            record("threads", "rust", 1.0, 1.11, Some(20)),
            record("threads", "python", 2.16, 1.0, Some(20)),
        ];
        // Neither ran in parallel: the run does not show what held Python's.
        assert_eq!(
            lines(&rows(&records)),
            [
                "one call: Rust 2.00× faster (100 ms against 200 ms): the workload \
                 itself, both languages multiplying a big integer 39998 times.",
                "20 calls on 20 threads: Rust 2.16× faster; Python's threads ran one \
                 at a time (1.00 of 2 cores), Rust's one at a time (1.11 of 2 cores): \
                 one call alone, Rust 2.00× faster; none of the difference is \
                 parallelism, since Rust's threads kept under 1.25 cores busy.",
            ]
        );
    }

    /// A pool on one core names one core.
    #[test]
    fn a_pool_on_one_core_is_said_so() {
        let one_core = |language, workers, wall_s| Record {
            cores: 1,
            ..record("pool", language, wall_s, 1.0, Some(workers))
        };
        let records = [
            one_core("rust", 1, 1.0),
            one_core("rust", 2, 1.0),
            one_core("python", 1, 2.0),
            one_core("python", 2, 2.0),
        ];
        let lines = lines(&rows(&records));
        assert!(
            lines[0].contains("against an ideal of 1× on 1 core for both;"),
            "{lines:?}"
        );
    }

    /// A ratio under one is said as slower, never as "0.50× faster".
    #[test]
    fn rust_slower_is_said_as_slower() {
        let records = [
            record("sequential", "rust", 2.0, 1.0, None),
            record("sequential", "python", 1.0, 1.0, None),
            record("pool", "rust", 2.0, 1.0, Some(1)),
            record("pool", "rust", 1.0, 2.0, Some(2)),
            record("pool", "python", 1.0, 1.0, Some(1)),
            record("pool", "python", 2.0, 1.0, Some(2)),
        ];
        let lines = lines(&rows(&records));
        assert!(lines[0].starts_with("20 calls on an event loop: Rust 2.00× slower;"));
        assert!(
            lines[1].ends_with(
                "at each N, Python's wall time over Rust's was 0.50× to 2.00×."
            ),
            "{lines:?}"
        );
    }

    /// On one core the words say so, and a core is one core.
    #[test]
    fn one_core_is_said_as_such() {
        let one_core = |language| Record {
            cores: 1,
            ..record("sequential", language, 1.0, 1.0, None)
        };
        let summary = lines(&rows(&[one_core("rust"), one_core("python")]));
        assert_eq!(
            summary,
            [
                "20 calls on an event loop: Rust 1.00× faster; both ran the calls on one core \
              (Python 1.00 of 1 core, Rust 1.00 of 1 core)."
            ]
        );
    }

    /// A missing Python side leaves no ratio and no words.
    #[test]
    fn rust_only_rows_have_no_ratio() {
        let rows = rows(&[record("one_call", "rust", 0.1, 1.0, None)]);
        assert_eq!(rows[0].ratio(), None);
        assert!(lines(&rows).is_empty());
    }
}
