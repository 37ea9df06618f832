//! One row per measured run: its speedup and efficiency against the N = 1
//! run in its place, its ideal time, and the bar it is held to.

use std::time::Duration;

use shared::measure::Measurement;

use crate::ideal;
use crate::place::Place;
use crate::sweep::Run;

/// The efficiency each place must reach at N = cores: 85 % for both pools.
/// (A bar at 90 % for threads fell inside their noise: on the course's
/// 2-core machine, threads at N = 2 measured 88 to 91 % in three release
/// runs, and the word flipped from run to run; processes measured 92 to 95 %.)
pub fn efficiency_target(place: Place) -> f64 {
    match place {
        Place::Threads | Place::Processes => 0.85,
        // One call at a time: no N to be efficient with.
        Place::Loop => 1.0,
    }
}

/// One row of the results table: a run and what it means against N = 1.
#[derive(Debug, Clone)]
pub struct Row {
    /// Where the calls ran.
    pub place: Place,
    /// Its number of workers.
    pub workers: usize,
    /// Calls the busiest worker makes one after another.
    pub rounds: usize,
    /// The whole measurement: wall time, CPU time (the workers' included).
    pub measurement: Measurement,
    /// The best possible time, from the N = 1 run, the rounds and the cores.
    pub ideal: Duration,
    /// Time at N = 1 divided by this time.
    pub speedup: f64,
    /// Speedup divided by min(N, cores).
    pub efficiency: f64,
    /// Process pools: time to start every worker.
    pub startup: Option<Duration>,
}

impl Row {
    /// "met" or "missed": the efficiency against [`efficiency_target`].
    pub fn verdict(&self) -> &'static str {
        if self.efficiency >= efficiency_target(self.place) { "met" } else { "missed" }
    }
}

// ANCHOR: rows
/// Rows for every run that has an N = 1 run in its place to compare with.
pub fn rows(runs: &[Run], calls: usize, cores: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    for run in runs {
        let Some(base) = runs.iter().find(|r| r.place == run.place && r.workers == 1)
        else {
            continue;
        };
        let per_call = base.measurement.wall / calls as u32;
        let speedup =
            base.measurement.wall.as_secs_f64() / run.measurement.wall.as_secs_f64();
        rows.push(Row {
            place: run.place,
            workers: run.workers,
            rounds: ideal::rounds(calls, run.workers),
            measurement: run.measurement,
            ideal: ideal::ideal_time(per_call, calls, run.workers, cores),
            speedup,
            efficiency: ideal::efficiency(speedup, run.workers, cores),
            startup: run.startup,
        });
    }
    rows
}
// ANCHOR_END: rows
