//! Turning measured runs into what a reader sees: one line per run, a table,
//! a summary in words, and the same as Markdown for the book.

use std::time::Duration;

use shared::format;

use crate::ideal;
use crate::sweep::{PoolKind, Run};

/// The performance bar each pool kind is held to at N = cores.
pub fn efficiency_target(kind: PoolKind) -> f64 {
    match kind {
        PoolKind::Threads => 0.90,
        PoolKind::Processes => 0.85,
    }
}

/// One row of the results table: a run and what it means against N = 1.
#[derive(Debug, Clone)]
pub struct Row {
    /// The kind of pool.
    pub kind: PoolKind,
    /// Its number of workers.
    pub workers: usize,
    /// Calls the busiest worker makes one after another.
    pub rounds: usize,
    /// Measured wall time.
    pub wall: Duration,
    /// The best possible time, from the N = 1 run, the rounds and the cores.
    pub ideal: Duration,
    /// Time at N = 1 divided by this time.
    pub speedup: f64,
    /// Speedup divided by min(N, cores).
    pub efficiency: f64,
    /// CPU time / wall time: cores kept busy on average.
    pub cores_used: f64,
    /// Process pools: time to start every worker.
    pub startup: Option<Duration>,
}

// ANCHOR: rows
/// Rows for every run that has an N = 1 run of its kind to compare with.
pub fn rows(runs: &[Run], calls: usize, cores: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for run in runs {
        let Some(base) = runs.iter().find(|r| r.kind == run.kind && r.workers == 1)
        else {
            continue;
        };
        let per_call = base.measurement.wall / calls as u32;
        let speedup =
            base.measurement.wall.as_secs_f64() / run.measurement.wall.as_secs_f64();
        rows.push(Row {
            kind: run.kind,
            workers: run.workers,
            rounds: ideal::rounds(calls, run.workers),
            wall: run.measurement.wall,
            ideal: ideal::ideal_time(per_call, calls, run.workers, cores),
            speedup,
            efficiency: ideal::efficiency(speedup, run.workers, cores),
            cores_used: run.measurement.cores_used(),
            startup: run.startup,
        });
    }
    rows
}
// ANCHOR_END: rows

/// The line printed as each run finishes.
pub fn run_line(run: &Run, calls: usize) -> String {
    let startup = match run.startup {
        Some(startup) => format!(
            " ({} worker{} ready in {})",
            run.workers,
            if run.workers == 1 { "" } else { "s" },
            format::duration(startup)
        ),
        None => String::new(),
    };
    format!(
        "  N = {}: {}/{calls} calls in {}, {:.2} cores busy{startup}",
        run.workers,
        run.fingerprints.len(),
        format::seconds(run.measurement.wall),
        run.measurement.cores_used(),
    )
}

/// Whether every run returned the same fingerprints, in the same order.
pub fn results_line(runs: &[Run]) -> String {
    let Some(first) = runs.first() else { return "results: no run finished".to_string() };
    let kinds: Vec<&str> = {
        let mut kinds: Vec<PoolKind> = runs.iter().map(|r| r.kind).collect();
        kinds.dedup();
        kinds.iter().map(|k| k.name()).collect()
    };
    if runs.iter().all(|run| run.fingerprints == first.fingerprints) {
        format!(
            "results: all {} runs ({}) returned the same {} fingerprints, in the order of the calls",
            runs.len(),
            kinds.join(" and "),
            first.fingerprints.len()
        )
    } else {
        "results: the runs DISAGREE: some pool returned different fingerprints or another order".to_string()
    }
}

const HEADER: [&str; 9] = [
    "pool",
    "N",
    "rounds",
    "time",
    "ideal",
    "speedup",
    "efficiency",
    "CPU busy",
    "start-up",
];

fn cells(row: &Row) -> [String; 9] {
    [
        row.kind.name().to_string(),
        row.workers.to_string(),
        row.rounds.to_string(),
        format::seconds(row.wall),
        format::seconds(row.ideal),
        format!("{:.2}×", row.speedup),
        format!("{:.0} %", row.efficiency * 100.0),
        format!("{:.2} cores", row.cores_used),
        row.startup.map_or("-".to_string(), format::duration),
    ]
}

/// The results as an aligned text table.
pub fn table(rows: &[Row]) -> String {
    let all: Vec<[String; 9]> =
        std::iter::once(HEADER.map(String::from)).chain(rows.iter().map(cells)).collect();
    let widths: Vec<usize> = (0..9)
        .map(|i| all.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut text = String::new();
    for row in &all {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        text.push_str(line.join("  ").trim_end());
        text.push('\n');
    }
    text
}

/// The results as a Markdown table.
pub fn markdown_table(rows: &[Row]) -> String {
    let mut text =
        format!("| {} |\n|{}\n", HEADER.join(" | "), "---|".repeat(HEADER.len()));
    for row in rows {
        text.push_str(&format!("| {} |\n", cells(row).join(" | ")));
    }
    text
}

// ANCHOR: summary
/// The lesson in words. Each measured verdict ("met" or "missed") is computed
/// from the run at N = cores; everything else follows from counting.
pub fn summary(rows: &[Row], calls: usize, cores: usize, sizes: &[usize]) -> Vec<String> {
    let mut lines = Vec::new();
    for kind in [PoolKind::Threads, PoolKind::Processes] {
        let Some(row) = rows.iter().find(|r| r.kind == kind && r.workers == cores) else {
            if rows.iter().any(|r| r.kind == kind) {
                lines.push(format!(
                    "{}: N = {cores} (the core count) was not in the sweep",
                    kind.name()
                ));
            }
            continue;
        };
        let target = efficiency_target(kind);
        let verdict = if row.efficiency >= target { "met" } else { "missed" };
        lines.push(format!(
            "{} at N = {cores} (the core count): {:.2}× faster than N = 1, efficiency {:.0} % (bar {:.0} %: {verdict})",
            kind.name(),
            row.speedup,
            row.efficiency * 100.0,
            target * 100.0
        ));
    }
    if sizes.iter().any(|&n| n > cores) {
        lines.push(format!(
            "beyond N = {cores}: no core is left idle, so more workers only take turns on the same {cores} cores"
        ));
    }
    let bigger: Vec<usize> = sizes.iter().copied().filter(|&n| n > 1).collect();
    if !bigger.is_empty() {
        lines.push(format!("with one core per worker, {calls} calls would take:"));
        for n in bigger {
            let rounds = ideal::rounds(calls, n);
            lines.push(format!(
                "  N = {n}: {rounds} round{}, at most {:.1} times faster than N = 1",
                if rounds == 1 { "" } else { "s" },
                ideal::best_speedup(calls, n)
            ));
        }
    }
    lines
}
// ANCHOR_END: summary

/// A warning when the run at N = cores kept clearly fewer cores busy than it
/// had workers: other programs were using the machine, and the efficiency
/// measures them as much as the pool. `None` when the measurement looks clean.
pub fn busy_machine_warning(rows: &[Row], cores: usize) -> Option<String> {
    let starved: Vec<String> = rows
        .iter()
        .filter(|r| r.workers == cores && r.cores_used < 0.9 * cores as f64)
        .map(|r| {
            format!("{} kept {:.2} of {cores} cores busy", r.kind.name(), r.cores_used)
        })
        .collect();
    (!starved.is_empty()).then(|| {
        format!(
            "warning: at N = {cores}, {}: other programs were using the machine; measure again when it is quiet",
            starved.join(", ")
        )
    })
}
