//! What a reader sees in the terminal: the sweep's and the algorithms' tables,
//! a row as each run ends, the sweep's summary in words, and the hybrid's story
//! and verdicts. Every function returns its lines (`run` prints them); every
//! line fits 80 columns and puts its verdict word early.

use shared::format::{self, Align, seconds};
use shared::ticker::Lateness;

use crate::algorithm::{self, WayRun};
use crate::config::Config;
use crate::hybrid::{HybridRun, POOL_NICE};
use crate::ideal;
use crate::observe::{
    self,
    rows::{Row, efficiency_target},
};
use crate::place::Place;
use crate::sweep::Run;

/// The opening lines of a sweep over `sizes`.
pub fn sweep_header(config: &Config, sizes: &[usize]) -> Vec<String> {
    let (calls, limit) = (config.calls, config.limit);
    let sizes: Vec<String> = sizes.iter().map(usize::to_string).collect();
    let mut lines = vec![
        format!("{calls} calls of product_below({limit}) on pools of N workers,"),
        format!("N = {} (speedups are against N = 1).", sizes.join(", ")),
    ];
    if config.repeat > 1 {
        lines.push(format!(
            "Each N runs {} times; the median run is kept.",
            config.repeat
        ));
    }
    lines
}

/// The heading above one place's runs, and its table's header (only
/// processes have a start-up column).
pub fn pool_heading(place: Place) -> Vec<String> {
    let what = match place {
        Place::Threads => "a rayon pool of N threads, calls as a parallel iterator",
        Place::Processes => "N copies of this program as workers, over pipes",
        Place::Loop => "no pool: one call after another on this thread",
    };
    let header =
        ["N", "rounds", "time", "ideal", "speedup", "efficiency", "CPU busy", "start-up"];
    let columns = if place == Place::Processes { 8 } else { 7 };
    vec![
        String::new(),
        format!("{} ({what}):", place.name()),
        aligned(&header[..columns], &POOL_WIDTHS),
    ]
}

/// The widths of a pool table's columns.
const POOL_WIDTHS: [usize; 8] = [3, 6, 8, 8, 7, 10, 11, 9];

/// The table's line for the run that just finished, the last of `rows`.
pub fn last_row(rows: &[Row]) -> Option<String> {
    let row = rows.last()?;
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
    Some(aligned(&cells, &POOL_WIDTHS))
}

/// One line of a table printed as it goes (the course's table renderer,
/// with widths fixed up front): names to the left, numbers to the right.
fn aligned(cells: &[impl AsRef<str>], widths: &[usize]) -> String {
    format!("  {}", format::line(cells, widths, Align::NumbersRight))
}

/// Whether every run returned the same fingerprints in the same order.
pub fn results(runs: &[Run]) -> Vec<String> {
    let Some(first) = runs.first().map(|run| &run.fingerprints) else { return vec![] };
    let line = if runs.iter().all(|run| run.fingerprints == *first) {
        let (count, calls) = (runs.len(), first.len());
        let same = format!("the same {calls} fingerprints, in call order");
        format!("results: all {count} runs returned {same}")
    } else {
        "results: the runs DISAGREE (other fingerprints or another order)".to_string()
    };
    vec![String::new(), line, String::new()]
}

// ANCHOR: summary
/// The lesson in words. Each measured verdict ("met" or "missed") is computed
/// from the run at N = cores, held to a bar named before it is used; what
/// happened beyond N = cores is read off the CPU column; the rest follows
/// from counting.
pub fn summary(rows: &[Row], calls: usize, cores: usize, sizes: &[usize]) -> Vec<String> {
    let mut lines = vec![format!("Summary ({}):", n_cores(cores))];
    let places = [Place::Threads, Place::Processes, Place::Loop];
    let present: Vec<Place> =
        places.into_iter().filter(|&p| rows.iter().any(|r| r.place == p)).collect();
    lines.extend(bar_line(&present, cores));
    for &place in &present {
        lines.push(match rows.iter().find(|r| r.place == place && r.workers == cores) {
            Some(row) => format!(
                "  {} at N = {cores}: bar {:.0} % {}: {:.2}× faster, efficiency {:.0} %",
                place.name(),
                efficiency_target(place) * 100.0,
                row.verdict(),
                row.speedup,
                row.efficiency * 100.0,
            ),
            None => format!("  {}: N = {cores} was not in the sweep", place.name()),
        });
    }
    lines.extend(beyond_cores(rows, cores));
    if sizes.iter().any(|&n| n > 1) {
        lines.push(format!("  with one core per worker, {calls} calls would take:"));
    }
    for n in sizes.iter().copied().filter(|&n| n > 1) {
        let rounds = ideal::rounds(calls, n);
        lines.push(format!(
            "    N = {n}: {rounds} round{}, at most {:.1} times faster than N = 1",
            if rounds == 1 { "" } else { "s" },
            ideal::best_speedup(calls, n)
        ));
    }
    lines
}

/// What the bar is: the efficiency each place must reach at N = cores.
fn bar_line(places: &[Place], cores: usize) -> Vec<String> {
    let bars: Vec<String> = (places.iter())
        .map(|&p| format!("{:.0} % for {}", efficiency_target(p) * 100.0, p.name()))
        .collect();
    if bars.is_empty() {
        return vec![];
    }
    vec![
        format!(
            "  the bar: at N = {cores}, an efficiency (speedup ÷ {}) of",
            n_cores(cores)
        ),
        format!("    at least {}", bars.join(", ")),
    ]
}

/// Beyond N = cores, in the CPU column's words: whether every core was
/// busy in those runs, and how busy.
fn beyond_cores(rows: &[Row], cores: usize) -> Vec<String> {
    let busy: Vec<f64> = (rows.iter())
        .filter(|r| r.workers > cores)
        .map(|r| r.measurement.cores_used())
        .collect();
    let (Some(least), Some(most)) =
        (busy.iter().copied().reduce(f64::min), busy.iter().copied().reduce(f64::max))
    else {
        return vec![];
    };
    // Within a tenth of a core of all of them: the cores were the limit.
    let measured = format!("({least:.2} to {most:.2} of {})", n_cores(cores));
    let mut lines = vec![];
    if least >= cores as f64 - 0.1 {
        lines.push(format!("  beyond N = {cores}: every core busy {measured}"));
        lines.push("    more workers than cores took turns on them".to_string());
    } else {
        lines.push(format!("  beyond N = {cores}: NOT every core busy {measured}"));
    }
    lines
}
// ANCHOR_END: summary

/// `1 core`, `2 cores`.
fn n_cores(cores: usize) -> String {
    format!("{cores} core{}", if cores == 1 { "" } else { "s" })
}

/// What every hybrid run does, said once before the first.
pub fn hybrid_header(config: &Config) -> Vec<String> {
    let (calls, limit, cores) = (config.calls, config.limit, config.cores);
    let work = format!("{calls} calls of product_below({limit})");
    let tick = format::duration(config.tick);
    let serve = format!("serves a request every {}", format::duration(config.tick / 4));
    vec![
        String::new(),
        format!("Hybrid ({}): while {work} run, a tokio", n_cores(cores)),
        format!("loop on one thread ticks every {tick} and {serve}."),
    ]
}

/// The heading above one hybrid run: where its calls run.
pub fn hybrid_heading(place: Place, workers: usize) -> Vec<String> {
    let pool = |what| format!("a pool of {workers} {what} at nice {POOL_NICE}");
    let where_ = match place {
        Place::Threads => pool("rayon threads"),
        Place::Processes => pool("worker processes"),
        Place::Loop => "the loop's own thread, the mistake".to_string(),
    };
    vec![String::new(), format!("calls on {where_}:")]
}

/// The story of one hybrid run, then its verdicts in words.
pub fn hybrid_run(run: &HybridRun, place: Place, answers_match: bool) -> Vec<String> {
    let (calls, back) = (run.results.len(), run.returned());
    let mut lines =
        vec![format!("  0.000 s  {calls} calls handed over; the loop goes on")];
    if let Some(first) = run.first_back {
        lines.push(format!("  {}  first result back", seconds(first)));
    }
    if let Some(last) = run.last_back {
        lines
            .push(format!("  {}  last result back: {back}/{calls} calls", seconds(last)));
    }
    lines.push(lateness("ticker", "ticks", observe::tick_lateness(run)));
    lines.push(lateness("small requests", "requests", observe::request_lateness(run)));
    let loop_did = match place {
        Place::Loop => "the loop computed every call",
        Place::Threads | Place::Processes => "the loop thread only waits",
    };
    let (cores_used, wall) =
        (run.measurement.cores_used(), seconds(run.measurement.wall));
    lines.push(format!("CPU: {cores_used:.2} cores busy over {wall}; {loop_did}"));
    let results = match answers_match {
        true => "in call order, each equal to a direct call",
        false => "came back (the rest did not)",
    };
    lines.push(format!("results: {back}/{calls} {results}"));
    lines
}

/// "ticker on time: ..." or "ticker LATE: ...", the verdict first.
fn lateness(what: &str, unit: &str, lateness: Lateness) -> String {
    let Lateness { ticks, late, worst, late_after } = lateness;
    let how_many = match late {
        0 => format!("{ticks} {unit}, none"),
        _ => format!("{late} of {ticks} {unit}"),
    };
    let (limit, worst) = (format::duration(late_after), format::duration(worst));
    let verdict = lateness.verdict();
    format!("{what} {verdict}: {how_many} over {limit} late; worst {worst}")
}

/// The opening lines of the algorithms, and their table's header.
pub fn algorithms_header(config: &Config) -> Vec<String> {
    let (calls, limit, cores) = (config.calls, config.limit, config.cores);
    vec![
        format!("Algorithm or cores? {calls} calls of the product below {limit},"),
        format!("by the loop and by a product tree, on 1 core and on {cores}."),
        String::new(),
        aligned(&["way", "wall/call", "all calls", "speedup"], &WAY_WIDTHS),
    ]
}

/// The widths of the algorithms' table's columns.
const WAY_WIDTHS: [usize; 4] = [24, 10, 10, 8];

/// The algorithms' table line for the way that just finished, the last of `rows`.
pub fn way_row(rows: &[WayRun], cores: usize) -> Option<String> {
    let row = rows.last()?;
    let cells = [
        row.way.label(cores),
        format::duration(row.per_call()),
        seconds(row.measurement.wall),
        format!("{:.2}×", algorithm::speedup(rows, row)),
    ];
    Some(aligned(&cells, &WAY_WIDTHS))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use shared::measure::{CpuTime, Measurement};

    use super::*;

    /// A threads row at N = `workers` on 2 cores, `busy` cores busy.
    fn row(workers: usize, busy: f64) -> Row {
        let wall = Duration::from_secs(1);
        let user = wall.mul_f64(busy);
        Row {
            place: Place::Threads,
            workers,
            rounds: ideal::rounds(20, workers),
            measurement: Measurement {
                wall,
                cpu: CpuTime { user, ..CpuTime::default() },
                cores: 2,
            },
            ideal: wall,
            speedup: 1.0,
            efficiency: 0.5,
            startup: None,
        }
    }

    /// The bar is named before its first use, and what happened beyond
    /// N = cores is read off the CPU column: 1.00 cores of 2 is not every
    /// core busy.
    #[test]
    fn the_summary_names_the_bar_and_reads_the_cpu_column() {
        let one_core = [row(1, 1.0), row(2, 1.0), row(4, 1.0)];
        let lines = summary(&one_core, 20, 2, &[1, 2, 4]);
        let bar = lines.iter().position(|l| l.contains("the bar:")).unwrap();
        let used = lines.iter().position(|l| l.contains("bar 85 % missed")).unwrap();
        assert!(bar < used, "{lines:#?}");
        assert!(
            lines.contains(
                &"  beyond N = 2: NOT every core busy (1.00 to 1.00 of 2 cores)".into()
            ),
            "{lines:#?}"
        );
        let busy = [row(1, 1.0), row(2, 1.98), row(4, 1.95), row(8, 1.99)];
        let lines = summary(&busy, 20, 2, &[1, 2, 4, 8]);
        assert!(
            lines.contains(
                &"  beyond N = 2: every core busy (1.95 to 1.99 of 2 cores)".into()
            ),
            "{lines:#?}"
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 80), "{lines:#?}");
    }
}
