//! What a reader sees in the terminal: the sweep's and the algorithms' tables,
//! a row as each run ends, the sweep's summary in words, and the hybrid's story
//! and verdicts. Every line fits 80 columns and puts its verdict word early.

use std::fmt::Display;

use shared::cli::say;
use shared::format::{self, seconds};

use crate::algorithm::{self, Row as WayRow};
use crate::config::Config;
use crate::hybrid::{HybridRun, POOL_NICE};
use crate::ideal;
use crate::observe::lateness::Lateness;
use crate::observe::rows::{Row, efficiency_target};
use crate::place::Place;
use crate::sweep::Run;

/// The opening lines of a sweep over `sizes`.
pub fn sweep_header(config: &Config, sizes: &[usize]) {
    let (calls, limit) = (config.calls, config.limit);
    let sizes: Vec<String> = sizes.iter().map(usize::to_string).collect();
    say(format!("{calls} calls of product_below({limit}) on pools of N workers,"));
    say(format!("N = {} (speedups are against N = 1).", sizes.join(", ")));
    if config.repeat > 1 {
        say(format!("Each N runs {} times; the median run is kept.", config.repeat));
    }
}

/// The heading above one place's runs, and its table's header (only
/// processes have a start-up column).
pub fn pool_heading(place: Place) {
    let what = match place {
        Place::Threads => "a rayon pool of N threads, calls as a parallel iterator",
        Place::Processes => "N copies of this program as workers, over pipes",
        Place::Loop => "no pool: one call after another on this thread",
    };
    say(format!("\n{} ({what}):", place.name()));
    let header =
        ["N", "rounds", "time", "ideal", "speedup", "efficiency", "CPU busy", "start-up"];
    let columns = if place == Place::Processes { 8 } else { 7 };
    say(aligned(&header[..columns], &POOL_WIDTHS));
}

/// The widths of a pool table's columns.
const POOL_WIDTHS: [usize; 8] = [3, 6, 8, 8, 7, 10, 11, 9];

/// The table's line for the run that just finished, the last of `rows`.
pub fn last_row(rows: &[Row]) {
    let Some(row) = rows.last() else { return };
    let mut cells = vec![
        row.workers.to_string(),
        row.rounds.to_string(),
        seconds(row.measurement.wall),
        seconds(row.ideal),
        format!("{:.2}×", row.speedup),
        format!("{:.0} %", row.efficiency * 100.0),
        format!("{:.2} cores", row.measurement.cores_used()),
    ];
    cells.extend(row.startup.map(format::duration));
    say(aligned(&cells, &POOL_WIDTHS));
}

/// One line of a table printed as it goes: each cell padded to its column's
/// width, the first to the left and the numbers after it to the right.
fn aligned(cells: &[impl Display], widths: &[usize]) -> String {
    let rest = cells.iter().zip(widths).skip(1);
    let rest: String = rest.map(|(cell, width)| format!("  {cell:>width$}")).collect();
    format!("  {:<width$}{rest}", cells[0], width = widths[0])
}

/// Whether every run returned the same fingerprints in the same order.
pub fn results(runs: &[Run]) {
    let first = &runs[0].fingerprints;
    say(if runs.iter().all(|run| run.fingerprints == *first) {
        let (count, calls) = (runs.len(), first.len());
        let same = format!("the same {calls} fingerprints, in call order");
        format!("\nresults: all {count} runs returned {same}\n")
    } else {
        "\nresults: the runs DISAGREE (other fingerprints or another order)\n".to_string()
    });
}

// ANCHOR: summary
/// The lesson in words. Each measured verdict ("met" or "missed") is computed
/// from the run at N = cores; everything else follows from counting.
pub fn summary(rows: &[Row], calls: usize, cores: usize, sizes: &[usize]) {
    say(format!("Summary ({cores} cores):"));
    for place in [Place::Threads, Place::Processes, Place::Loop] {
        match rows.iter().find(|r| r.place == place && r.workers == cores) {
            Some(row) => say(format!(
                "  {} at N = {cores}: bar {:.0} % {}: {:.2}× faster, efficiency {:.0} %",
                place.name(),
                efficiency_target(place) * 100.0,
                row.verdict(),
                row.speedup,
                row.efficiency * 100.0,
            )),
            None if rows.iter().any(|r| r.place == place) => {
                say(format!("  {}: N = {cores} was not in the sweep", place.name()))
            }
            None => {}
        }
    }
    if sizes.iter().any(|&n| n > cores) {
        say(format!(
            "  beyond N = {cores}: every core is busy; more workers take turns on them"
        ));
    }
    if sizes.iter().any(|&n| n > 1) {
        say(format!("  with one core per worker, {calls} calls would take:"));
    }
    for n in sizes.iter().copied().filter(|&n| n > 1) {
        let rounds = ideal::rounds(calls, n);
        say(format!(
            "    N = {n}: {rounds} round{}, at most {:.1} times faster than N = 1",
            if rounds == 1 { "" } else { "s" },
            ideal::best_speedup(calls, n)
        ));
    }
}
// ANCHOR_END: summary

/// What every hybrid run does, said once before the first.
pub fn hybrid_header(config: &Config) {
    let (calls, limit, cores) = (config.calls, config.limit, config.cores);
    let work = format!("{calls} calls of product_below({limit})");
    let tick = format::duration(config.tick);
    let serve = format!("serves a request every {}", format::duration(config.tick / 4));
    say(format!("\nHybrid ({cores} cores): while {work} run, a tokio"));
    say(format!("loop on one thread ticks every {tick} and {serve}."));
}

/// The heading above one hybrid run: where its calls run.
pub fn hybrid_heading(place: Place, workers: usize) {
    let pool = |what| format!("a pool of {workers} {what} at nice {POOL_NICE}");
    let where_ = match place {
        Place::Threads => pool("rayon threads"),
        Place::Processes => pool("worker processes"),
        Place::Loop => "the loop's own thread, the mistake".to_string(),
    };
    say(format!("\ncalls on {where_}:"));
}

/// The story of one hybrid run, then its verdicts in words.
pub fn hybrid_run(run: &HybridRun, place: Place, answers_match: bool) {
    let (calls, back) = (run.results.len(), run.returned());
    say(format!("  0.000 s  {calls} calls handed over; the loop goes on"));
    if let Some(first) = run.first_back {
        say(format!("  {}  first result back", seconds(first)));
    }
    if let Some(last) = run.last_back {
        say(format!("  {}  last result back: {back}/{calls} calls", seconds(last)));
    }
    lateness("ticker", "ticks", Lateness::of(&run.lateness, run.tick));
    lateness("small requests", "requests", Lateness::of(&run.requests, run.tick));
    let loop_did = match place {
        Place::Loop => "the loop computed every call",
        Place::Threads | Place::Processes => "the loop thread only waits",
    };
    let (cores_used, wall) =
        (run.measurement.cores_used(), seconds(run.measurement.wall));
    say(format!("CPU: {cores_used:.2} cores busy over {wall}; {loop_did}"));
    let results = match answers_match {
        true => "in call order, each equal to a direct call",
        false => "came back (the rest did not)",
    };
    say(format!("results: {back}/{calls} {results}"));
}

/// "ticker on time: ..." or "ticker LATE: ...", the verdict first.
fn lateness(what: &str, unit: &str, lateness: Lateness) {
    let Lateness { count, late, worst, late_after } = lateness;
    let (verdict, how_many) = match late {
        0 => ("on time", format!("{count} {unit}, none")),
        _ => ("LATE", format!("{late} of {count} {unit}")),
    };
    let (limit, worst) = (format::duration(late_after), format::duration(worst));
    say(format!("{what} {verdict}: {how_many} over {limit} late; worst {worst}"));
}

/// The opening lines of the algorithms, and their table's header.
pub fn algorithms_header(config: &Config) {
    let (calls, limit, cores) = (config.calls, config.limit, config.cores);
    say(format!("Algorithm or cores? {calls} calls of the product below {limit},"));
    say(format!("by the loop and by a product tree, on 1 core and on {cores}.\n"));
    say(aligned(&["way", "wall/call", "all calls", "speedup"], &WAY_WIDTHS));
}

/// The widths of the algorithms' table's columns.
const WAY_WIDTHS: [usize; 4] = [24, 10, 10, 8];

/// The algorithms' table line for the way that just finished, the last of `rows`.
pub fn way_row(rows: &[WayRow], cores: usize) {
    let Some(row) = rows.last() else { return };
    let cells = [
        row.way.label(cores),
        format::duration(row.per_call()),
        seconds(row.measurement.wall),
        format!("{:.2}×", algorithm::speedup(rows, row)),
    ];
    say(aligned(&cells, &WAY_WIDTHS));
}
