//! What a reader sees in the terminal: a line per run, the sweep's tables
//! and its summary in words, and the hybrid's story and verdicts. Every line
//! fits 80 columns and puts its verdict word early.

use std::time::Duration;

use shared::format;

use crate::hybrid::{HybridConfig, HybridRun, POOL_NICE, Runner};
use crate::ideal;
use crate::observe::lateness::Lateness;
use crate::observe::rows::{Row, efficiency_target};
use crate::sweep::{PoolKind, Run};

/// The opening lines of a sweep.
pub fn sweep_header(
    calls: usize,
    limit: u32,
    sizes: &[usize],
    repeat: usize,
) -> Vec<String> {
    let sizes: Vec<String> = sizes.iter().map(usize::to_string).collect();
    let mut lines = vec![
        format!("{calls} calls of product_below({limit}) on pools of N workers,"),
        format!("N = {} (speedups are against N = 1).", sizes.join(", ")),
    ];
    if repeat > 1 {
        lines.push(format!("Each N runs {repeat} times; the median run is kept."));
    }
    lines
}

/// The heading above one kind of pool's runs.
pub fn pool_heading(kind: PoolKind) -> &'static str {
    match kind {
        PoolKind::Threads => {
            "threads (a rayon pool of N threads, calls as a parallel iterator):"
        }
        PoolKind::Processes => {
            "processes (N copies of this program as workers, over pipes):"
        }
    }
}

/// The line printed as each run finishes.
pub fn run_line(run: &Run, calls: usize) -> String {
    let startup = run
        .startup
        .map(|startup| {
            format!(" ({} ready in {})", run.workers, format::duration(startup))
        })
        .unwrap_or_default();
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
    if runs.iter().all(|run| run.fingerprints == first.fingerprints) {
        format!(
            "results: all {} runs returned the same {} fingerprints, in call order",
            runs.len(),
            first.fingerprints.len()
        )
    } else {
        "results: the runs DISAGREE (other fingerprints or another order)".to_string()
    }
}

/// One table per kind of pool; only processes have a start-up column.
pub fn tables(rows: &[Row]) -> Vec<String> {
    let mut lines = Vec::new();
    for kind in [PoolKind::Threads, PoolKind::Processes] {
        let mine: Vec<&Row> = rows.iter().filter(|r| r.kind == kind).collect();
        if mine.is_empty() {
            continue;
        }
        let mut header =
            vec!["N", "rounds", "time", "ideal", "speedup", "efficiency", "CPU busy"];
        if kind == PoolKind::Processes {
            header.push("start-up");
        }
        let mut table = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
        table.extend(mine.iter().map(|row| cells(row, header.len())));
        lines.push(format!("{}:", kind.name()));
        lines.extend(aligned(&table));
    }
    lines
}

fn cells(row: &Row, count: usize) -> Vec<String> {
    let mut cells = vec![
        row.workers.to_string(),
        row.rounds.to_string(),
        format::seconds(row.wall),
        format::seconds(row.ideal),
        format!("{:.2}×", row.speedup),
        format!("{:.0} %", row.efficiency * 100.0),
        format!("{:.2} cores", row.cores_used),
        row.startup.map_or("-".to_string(), format::duration),
    ];
    cells.truncate(count);
    cells
}

/// Columns padded to their widest cell, two spaces apart, indented by two.
fn aligned(table: &[Vec<String>]) -> Vec<String> {
    let widths: Vec<usize> = (0..table[0].len())
        .map(|i| table.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    table
        .iter()
        .map(|row| {
            let cells: Vec<String> =
                row.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
            format!("  {}", cells.join("  ").trim_end())
        })
        .collect()
}

// ANCHOR: summary
/// The lesson in words. Each measured verdict ("met" or "missed") is computed
/// from the run at N = cores; everything else follows from counting.
pub fn summary(rows: &[Row], calls: usize, cores: usize, sizes: &[usize]) -> Vec<String> {
    let mut lines = vec![format!("Summary ({cores} cores):")];
    for kind in [PoolKind::Threads, PoolKind::Processes] {
        let Some(row) = rows.iter().find(|r| r.kind == kind && r.workers == cores) else {
            if rows.iter().any(|r| r.kind == kind) {
                lines
                    .push(format!("  {}: N = {cores} was not in the sweep", kind.name()));
            }
            continue;
        };
        lines.push(format!(
            "  {} at N = {cores}: bar {:.0} % {}: {:.2}× faster, efficiency {:.0} %",
            kind.name(),
            efficiency_target(kind) * 100.0,
            row.verdict(),
            row.speedup,
            row.efficiency * 100.0,
        ));
    }
    if sizes.iter().any(|&n| n > cores) {
        lines.push(format!(
            "  beyond N = {cores}: every core is busy; more workers take turns on them"
        ));
    }
    let bigger: Vec<usize> = sizes.iter().copied().filter(|&n| n > 1).collect();
    if !bigger.is_empty() {
        lines.push(format!("  with one core per worker, {calls} calls would take:"));
        for n in bigger {
            let rounds = ideal::rounds(calls, n);
            lines.push(format!(
                "    N = {n}: {rounds} round{}, at most {:.1} times faster than N = 1",
                if rounds == 1 { "" } else { "s" },
                ideal::best_speedup(calls, n)
            ));
        }
    }
    lines
}
// ANCHOR_END: summary

/// The opening lines of one hybrid run.
pub fn hybrid_header(config: &HybridConfig, cores: usize) -> Vec<String> {
    let (calls, limit) =
        (config.calls.len(), config.calls.first().map_or(0, |c| c.limit));
    let place = match config.runner {
        Runner::Pool(PoolKind::Threads) => {
            format!("a pool of {} rayon threads at nice {POOL_NICE}", config.workers)
        }
        Runner::Pool(PoolKind::Processes) => {
            format!("a pool of {} worker processes at nice {POOL_NICE}", config.workers)
        }
        Runner::Loop => "the loop's own thread, the mistake".to_string(),
    };
    vec![
        format!("Hybrid, calls on {place} ({cores} cores):"),
        format!(
            "a tokio loop on one thread beats every {} and serves a request",
            format::duration(config.heartbeat)
        ),
        format!(
            "every {}, while {calls} calls of product_below({limit}) run.",
            format::duration(config.heartbeat / 4)
        ),
    ]
}

/// The story of one hybrid run, then its verdicts in words.
pub fn hybrid_lines(run: &HybridRun, runner: Runner, answers_match: bool) -> Vec<String> {
    let calls = run.results.len();
    let mut lines = vec![format!(
        "  {}  {calls} calls handed over; the loop goes on",
        format::seconds(Duration::ZERO)
    )];
    if let Some(first) = run.first_back {
        lines.push(format!("  {}  first result back", format::seconds(first)));
    }
    if let Some(last) = run.last_back {
        lines.push(format!(
            "  {}  last result back: {}/{calls} calls",
            format::seconds(last),
            run.returned()
        ));
    }
    let beats = Lateness::of(&run.beats, run.heartbeat);
    let requests = Lateness::of(&run.requests, run.heartbeat);
    lines.push(lateness_line("heartbeat", "beats", &beats));
    lines.push(lateness_line("small requests", "requests", &requests));
    let loop_did = match runner {
        Runner::Loop => "the loop computed every call",
        Runner::Pool(_) => "the loop thread only waits",
    };
    lines.push(format!(
        "CPU: {:.2} cores busy over {}; {loop_did}",
        run.measurement.cores_used(),
        format::seconds(run.measurement.wall),
    ));
    lines.push(if answers_match {
        format!(
            "results: {}/{calls} in call order, each equal to a direct call",
            run.returned()
        )
    } else {
        format!("results: {}/{calls} came back (the rest did not)", run.returned())
    });
    lines
}

/// "heartbeat on time: ..." or "heartbeat LATE: ...", the verdict first.
fn lateness_line(what: &str, unit: &str, lateness: &Lateness) -> String {
    let limit = format::duration(lateness.late_after);
    let worst = format::duration(lateness.worst);
    match lateness.late {
        0 => format!(
            "{what} on time: {} {unit}, none over {limit} late; worst {worst}",
            lateness.count
        ),
        late => format!(
            "{what} LATE: {late} of {} {unit} over {limit} late; worst {worst}",
            lateness.count
        ),
    }
}
