//! The records of both languages, paired, as a table and in words.
//!
//! A row pairs the Python and the Rust measurement of one experiment (and,
//! for the pool, one N). The ratio is Python's wall time over Rust's: how
//! many times faster the Rust side was. Every word of the summary is
//! computed from the records. Chapter 5's rows have tables and words of
//! their own (`chapter_5_table.rs`).

use shared::format::{self, duration_s};
use shared::record::Record;

use crate::chapter_5;
use crate::experiment::Experiment;

/// A process that kept at least this many cores busy ran its calls in parallel;
/// below it, one at a time. CPython's threads stay near 1.0 and Rust's near the
/// core count: the threshold sits far from both.
const PARALLEL_CORES: f64 = 1.25;

/// One experiment (one pool size), measured in both languages (or one).
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The experiment.
    pub(crate) experiment: Experiment,
    /// The pool size, for the pool.
    pub(crate) workers: Option<usize>,
    /// The way both sides ran it, for the algorithm and the I/O
    /// experiments (see [`way`]).
    pub(crate) way: Option<&'static str>,
    /// Python's measurement, if Python ran.
    pub(crate) python: Option<Record>,
    /// Rust's measurement.
    pub(crate) rust: Option<Record>,
}

impl Row {
    /// How many times faster Rust was (Python's wall time over Rust's).
    pub(crate) fn ratio(&self) -> Option<f64> {
        let (python, rust) = (self.python.as_ref()?, self.rust.as_ref()?);
        (rust.wall_s > 0.0).then(|| python.wall_s / rust.wall_s)
    }

    /// Each language's record, named: Python's first.
    pub(crate) fn sides(&self) -> impl Iterator<Item = (&'static str, &Record)> {
        [("Python", &self.python), ("Rust", &self.rust)]
            .into_iter()
            .filter_map(|(name, record)| Some((name, record.as_ref()?)))
    }

    /// The row's name in the table.
    pub(crate) fn label(&self) -> String {
        let any = self.rust.as_ref().or(self.python.as_ref());
        let calls = any.and_then(|r| r.calls).unwrap_or(0);
        let way = self.way.unwrap_or("?");
        match self.experiment {
            Experiment::OneCall => "one call".to_string(),
            Experiment::Sequential => format!("{calls} calls on an event loop"),
            Experiment::Threads => format!("{calls} calls on {calls} threads"),
            Experiment::Pool => match self.workers.unwrap_or(0) {
                1 => format!("{calls} calls on a pool of 1 process"),
                n => format!("{calls} calls on a pool of {n} processes"),
            },
            Experiment::MixedTasks => "mixed tasks on one loop".to_string(),
            Experiment::Algorithm => format!("{calls} calls, {way}"),
            Experiment::Hybrid => {
                let n = any.and_then(|r| r.workers).unwrap_or(0);
                format!("{calls} calls, hybrid of {n} processes")
            }
            Experiment::IoCalls => match self.way {
                Some("threads") => format!("{calls} requests on {calls} threads"),
                Some(way) => format!("{calls} requests, {way}"),
                None => format!("{calls} requests"),
            },
            Experiment::IoScale => format!("{calls} connections as {way}"),
            _ => chapter_5::label(self.experiment, self.way),
        }
    }
}

/// The row a record belongs to, for the experiments run more than one way.
/// Algorithm: Python's loop and Rust's loop on one core pair up, so do the
/// two trees; `math.factorial` (Python only) and the parallel tree (Rust
/// only) have rows of their own. I/O: asyncio pairs with tokio's one loop
/// (its tasks, in the scale-up), threads with threads; the GIL model and
/// the multi-thread runtime are Rust's alone.
pub(crate) fn way(experiment: Experiment, variant: Option<&str>) -> Option<&'static str> {
    match (experiment, variant?) {
        (Experiment::Algorithm, "loop" | "loop-1-core") => Some("loop"),
        (Experiment::Algorithm, "tree" | "tree-1-core") => Some("tree"),
        (Experiment::Algorithm, "math-factorial") => Some("math.factorial"),
        (Experiment::Algorithm, "parallel-tree-all-cores") => Some("parallel tree"),
        (Experiment::Algorithm, "loop-all-cores") => Some("loop, all cores"),
        (Experiment::IoCalls, "asyncio" | "loop") => Some("tasks on one loop"),
        (Experiment::IoCalls, "threads") => Some("threads"),
        (Experiment::IoCalls, "gil-model") => Some("threads, GIL model"),
        (Experiment::IoCalls, "tasks") => Some("multi-thread runtime"),
        (Experiment::IoScale, "asyncio" | "tasks") => Some("tasks"),
        (Experiment::IoScale, "threads") => Some("threads"),
        (experiment, variant) => chapter_5::way(experiment, variant),
    }
}

/// Pairs the records: one row per experiment and pool size, in the order they ran.
pub(crate) fn rows(records: &[Record]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for record in records {
        let Some(experiment) = Experiment::named(&record.experiment) else { continue };
        let workers = if experiment == Experiment::Pool { record.workers } else { None };
        let way = way(experiment, record.variant.as_deref());
        let same = |row: &Row| {
            (row.experiment, row.workers, row.way) == (experiment, workers, way)
        };
        let index = rows.iter().position(same).unwrap_or_else(|| {
            rows.push(Row { experiment, workers, way, python: None, rust: None });
            rows.len() - 1
        });
        let row = &mut rows[index];
        let slot =
            if record.language == "python" { &mut row.python } else { &mut row.rust };
        *slot = Some(record.clone());
    }
    rows
}

/// A cell for a value the record may lack: a dash without it.
pub(crate) fn cell<T>(value: Option<T>, shown: impl FnOnce(T) -> String) -> String {
    value.map_or("–".to_string(), shown)
}

/// A table's header row, from its column names separated by ` | `.
pub(crate) fn header(columns: &str) -> Vec<String> {
    columns.split(" | ").map(String::from).collect()
}

/// A table of its own: the header and the lines, or nothing without lines.
pub(crate) fn own_table(columns: &str, lines: Vec<Vec<String>>) -> Vec<Vec<String>> {
    if lines.is_empty() { lines } else { [vec![header(columns)], lines].concat() }
}

fn cores_used(record: &Record) -> String {
    format!("{:.2} of {}", record.cores_used, record.cores)
}

/// The cells of the wall-time table: a header and one line per row (the
/// mixed tasks, the scale-up and chapter 5 have their own tables).
fn cells(rows: &[Row]) -> Vec<Vec<String>> {
    let mut lines = vec![header(
        "experiment | Python wall | Python CPU | Python cores used | Rust wall | Rust CPU \
         | Rust cores used | Rust faster by",
    )];
    let elsewhere = |row: &&Row| {
        matches!(row.experiment, Experiment::MixedTasks | Experiment::IoScale)
            || row.experiment.is_chapter_5()
    };
    for row in rows.iter().filter(|row| !elsewhere(row)) {
        let mut line = vec![row.label()];
        for record in [&row.python, &row.rust] {
            line.push(cell(record.as_ref(), |r| duration_s(r.wall_s)));
            line.push(cell(record.as_ref(), |r| duration_s(r.cpu_s)));
            line.push(cell(record.as_ref(), cores_used));
        }
        line.push(cell(row.ratio(), |ratio| format!("{ratio:.2}×")));
        lines.push(line);
    }
    lines
}

/// The cells of the mixed-task table, one line per language.
fn mixed_cells(rows: &[Row]) -> Vec<Vec<String>> {
    let loops = rows.iter().filter(|row| {
        matches!(row.experiment, Experiment::MixedTasks | Experiment::Hybrid)
    });
    let lines = loops.flat_map(|row| {
        let which = if row.experiment == Experiment::Hybrid { "hybrid" } else { "mixed" };
        row.sides().map(move |(name, r)| {
            let (late, step) =
                (r.worst_lateness_s.unwrap_or(0.0), r.step_s.unwrap_or(0.0));
            vec![
                format!("{name} {}, {which}", r.version),
                r.ticks.unwrap_or(0).to_string(),
                duration_s(r.interval_s.unwrap_or(0.0)),
                cell(r.max_gap_s, duration_s),
                duration_s(late),
                cell(r.step_s, duration_s),
                cell((step > 0.0).then_some(late / step), |ratio| format!("{ratio:.2}")),
            ]
        })
    });
    own_table(
        "loop | ticks | interval | worst gap | worst lateness | one CPU step (median) \
         | lateness / step",
        lines.collect(),
    )
}

/// The cells of the scale-up table, one line per language and way.
fn scale_cells(rows: &[Row]) -> Vec<Vec<String>> {
    let scale = rows.iter().filter(|row| row.experiment == Experiment::IoScale);
    let lines = scale.flat_map(|row| {
        row.sides().map(move |(name, r)| {
            vec![
                r.calls.unwrap_or(0).to_string(),
                format!("{name} {}", row.way.unwrap_or("?")),
                cell(r.startup_s, duration_s),
                cell(r.memory_each_bytes, format::bytes),
                duration_s(r.wall_s),
                r.verdict.clone().unwrap_or_default(),
            ]
        })
    });
    own_table(
        "connections | as | start-up each | memory each | first connect to last answer \
         | failed",
        lines.collect(),
    )
}

/// Columns padded to their widest cell, for the terminal (the course's one
/// table renderer, [`shared::format::line`]), not indented.
pub(crate) fn aligned(cells: &[Vec<String>]) -> String {
    let widths = format::widths(cells);
    let lines = cells.iter().map(|row| format::line(row, &widths, format::Align::Left));
    lines.map(|line| line + "\n").collect()
}

/// The wall-time table and the loops' and the scale-up's, for the terminal.
pub(crate) fn text(rows: &[Row]) -> String {
    let mut text = aligned(&cells(rows));
    for cells in [mixed_cells(rows), scale_cells(rows)] {
        if !cells.is_empty() {
            text.push('\n');
            text.push_str(&aligned(&cells));
        }
    }
    text
}

/// Whether every product both languages computed has the same size: the proof
/// that both did the same work. `Ok(bits)` when they agree, `Err` naming the
/// first disagreement. `Ok(None)` when nothing reported a fingerprint.
pub(crate) fn agreement(records: &[Record]) -> Result<Option<u64>, String> {
    let mut seen: Option<(u64, &Record)> = None;
    for record in records.iter().filter(|r| r.experiment != Experiment::MixedTasks.name())
    {
        let Some(bits) = record.fingerprint else { continue };
        match seen {
            None => seen = Some((bits, record)),
            Some((first, by)) if first != bits && by.limit == record.limit => {
                return Err(format!(
                    "results DIFFER: {} {} gave a {first}-bit product, {} {} a {bits}-bit one",
                    by.language, by.experiment, record.language, record.experiment
                ));
            }
            Some(_) => {}
        }
    }
    Ok(seen.map(|(bits, _)| bits))
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

fn verdict(record: &Record) -> &'static str {
    if record.cores < 2 {
        "one core: nothing to run in parallel"
    } else if record.cores_used >= PARALLEL_CORES {
        "in parallel"
    } else {
        "one at a time"
    }
}

/// The lesson in words, one line per experiment that both languages ran
/// (the pool, the algorithm and the I/O experiments: one line for all their
/// rows, where their first row is).
pub(crate) fn summary(rows: &[Row]) -> Vec<String> {
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
            "one call: Rust {ratio:.2}× faster ({} against {}): the workload itself, both languages multiplying a big integer {} times.",
            duration_s(rust.wall_s),
            duration_s(python.wall_s),
            rust.limit.saturating_sub(2)
        ),
        Experiment::Sequential => format!(
            "{}: Rust {ratio:.2}× faster; both ran the calls {} (Python {} cores, Rust {}).",
            row.label(),
            if verdict(python) == verdict(rust) { verdict(rust) } else { "differently" },
            cores_used(python),
            cores_used(rust)
        ),
        Experiment::Threads => {
            let line = format!(
                "{}: Rust {ratio:.2}× faster; Python's threads ran {} ({} cores{}), Rust's {} ({} cores)",
                row.label(),
                verdict(python),
                cores_used(python),
                if verdict(python) == "one at a time" { ": the GIL" } else { "" },
                verdict(rust),
                cores_used(rust)
            );
            let one_call = rows.iter().find(|row| row.experiment == Experiment::OneCall);
            match one_call.and_then(Row::ratio).filter(|r| *r > 0.0) {
                // The rest of the ratio is parallelism only if Rust's
                // threads did run in parallel (the CPU column says).
                Some(workload) if verdict(rust) == "in parallel" => format!(
                    "{line}: {workload:.2}× from the faster workload, {:.2}× from running in parallel.",
                    ratio / workload
                ),
                Some(workload) => format!(
                    "{line}: {workload:.2}× from the faster workload; the other {:.2}× is not parallelism, since Rust's threads kept under {PARALLEL_CORES} cores busy.",
                    ratio / workload
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
        // Chapter 5's lines are its own summary's (`chapter_5_table.rs`).
        _ => return None,
    })
}

/// The requests to the slow service, every way, in one line.
fn io_summary(rows: &[Row]) -> Option<String> {
    let measured: Vec<(&str, &Row, &Record)> = rows
        .iter()
        .filter(|row| row.experiment == Experiment::IoCalls)
        .flat_map(|row| {
            row.sides().map(move |(language, record)| (language, row, record))
        })
        .collect();
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
    let scale: Vec<&Row> =
        rows.iter().filter(|row| row.experiment == Experiment::IoScale).collect();
    let parts: Vec<String> = scale
        .iter()
        .flat_map(|row| {
            row.sides().map(move |(language, r)| {
                format!(
                    "{language}'s {} {} to start and {} of memory ({})",
                    row.way.unwrap_or("?").trim_end_matches('s'),
                    r.startup_s.map_or("?".to_string(), duration_s),
                    r.memory_each_bytes.map_or("?".to_string(), format::bytes),
                    r.verdict.as_deref().unwrap_or("?")
                )
            })
        })
        .collect();
    let first = scale.iter().find_map(|row| row.rust.as_ref().or(row.python.as_ref()))?;
    (!parts.is_empty()).then(|| {
        format!(
            "{} connections, each one took: {}.",
            first.calls.unwrap_or(0),
            parts.join("; ")
        )
    })
}

/// One call by each algorithm, in both languages, in one line.
fn algorithm_summary(rows: &[Row]) -> Option<String> {
    let step = |way: &str, language: &str| {
        rows.iter()
            .filter(|row| row.experiment == Experiment::Algorithm && row.way == Some(way))
            .flat_map(Row::sides)
            .find(|(name, _)| *name == language)
            .and_then(|(_, r)| r.step_s)
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
    Some(format!(
        "pool: from 1 process to the fastest N, Python went {python:.2}× faster (N = {python_n}) and Rust {rust:.2}× (N = {rust_n}), against an ideal of {cores}× on {cores} cores for both; at each N, Rust was {lowest:.2}× to {highest:.2}× faster."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
            version: "1".to_string(),
            wall_s,
            cpu_s: wall_s * cores_used,
            cores_used,
            cores: 2,
            calls: Some(20),
            limit: 40_000,
            workers,
            fingerprint: Some(553_458),
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
        let summary = summary(&rows);
        assert_eq!(summary.len(), 1, "{summary:?}");
        assert!(
            summary[0].starts_with("algorithm, one call: the loop 400"),
            "{summary:?}"
        );
        assert!(summary[0].contains("(4.00×); the tree"), "{summary:?}");
        assert!(summary[0].contains("; math.factorial 20"), "{summary:?}");
    }

    fn io(experiment: &str, language: &str, variant: &str, calls: usize) -> Record {
        Record {
            variant: Some(variant.to_string()),
            calls: Some(calls),
            limit: 0,
            fingerprint: None,
            workers: None,
            verdict: Some(
                if experiment == "io_calls" { "concurrent" } else { "0 failed" }.into(),
            ),
            startup_s: (experiment == "io_scale").then_some(0.000_05),
            memory_each_bytes: (experiment == "io_scale").then_some(1406.5664),
            ..record(experiment, language, 0.1, 0.01, None)
        }
    }

    /// asyncio pairs with tokio's one loop and threads with threads; the
    /// GIL model has Rust's side only; the scale-up gets its own table, one
    /// line per language and way, memory in KiB; nothing is flagged as
    /// starved, since waiting needs no core.
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
        assert!(rows[0].python.is_some() && rows[1].python.is_some());
        assert!(rows[2].python.is_none());
        let text = text(&rows);
        assert!(!text.contains("100 connections as"), "own table: {text}");
        assert!(text.contains("Python tasks    50.0 µs        1.37 KiB"), "{text}");
        let summary = summary(&rows);
        assert_eq!(summary.len(), 2, "{summary:?}");
        assert!(
            summary[0]
                .starts_with("I/O, 20 requests to a slow service: CONCURRENT every way"),
            "{summary:?}"
        );
        assert!(
            summary[1].contains("Rust's thread 50.0 µs to start and 1.37 KiB"),
            "{summary:?}"
        );
        assert_eq!(busy_machine_warning(&records), None);
    }

    /// Records pair up by experiment and pool size; the ratio is Python over Rust.
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
        assert_eq!(rows[0].label(), "20 calls on 20 threads");
        assert_eq!(rows[0].ratio(), Some(4.0));
        assert_eq!(rows[2].label(), "20 calls on a pool of 2 processes");
        let summary = summary(&rows);
        assert!(summary[0].contains("Python's threads ran one at a time"), "{summary:?}");
        assert!(summary[0].contains("Rust's in parallel"), "{summary:?}");
        assert!(
            summary[1]
                .contains("Python went 2.00× faster (N = 2) and Rust 2.00× (N = 2)"),
            "{summary:?}"
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
        let summary = summary(&rows(&records));
        let threads = summary.iter().find(|line| line.contains("threads")).unwrap();
        assert!(threads.contains("Rust's one at a time (1.11 of 2 cores)"), "{threads}");
        assert!(!threads.contains("from running in parallel"), "{threads}");
        assert!(
            threads.contains("the other 1.08× is not parallelism, since Rust's threads kept under 1.25 cores busy"),
            "{threads}"
        );
    }

    /// A missing Python side leaves dashes and no ratio.
    #[test]
    fn rust_only_rows_have_no_ratio() {
        let rows = rows(&[record("one_call", "rust", 0.1, 1.0, None)]);
        assert_eq!(rows[0].ratio(), None);
        assert!(text(&rows).lines().nth(1).unwrap().ends_with("–"));
        assert!(summary(&rows).is_empty());
    }

    /// A run that got fewer cores than it could use is flagged; a full one is not.
    #[test]
    fn starved_runs_are_flagged() {
        let fine = [
            record("one_call", "rust", 0.1, 0.99, None),
            record("pool", "rust", 1.0, 1.9, Some(8)),
        ];
        assert_eq!(busy_machine_warning(&fine), None);
        let starved = [
            record("pool", "python", 1.0, 1.0, Some(4)),
            record("threads", "python", 1.0, 0.97, Some(20)),
        ];
        let warning = busy_machine_warning(&starved).unwrap();
        assert!(
            warning
                .ends_with("inflated: python pool N = 4. Run again on an idle machine."),
            "{warning}"
        );
    }

    /// Different products at the same limit are caught.
    #[test]
    fn a_different_product_is_reported() {
        let same = [
            record("one_call", "rust", 0.1, 1.0, None),
            record("one_call", "python", 0.2, 1.0, None),
        ];
        assert_eq!(agreement(&same), Ok(Some(553_458)));
        let mut other = record("threads", "python", 0.2, 1.0, None);
        other.fingerprint = Some(7);
        let err = agreement(&[same[0].clone(), other]).unwrap_err();
        assert!(
            err.starts_with("results DIFFER: rust one_call gave a 553458-bit product"),
            "{err}"
        );
    }
}
