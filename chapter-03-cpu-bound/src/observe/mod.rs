//! Measuring a mode and judging it: what every lesson module reports back,
//! and the numbers and words computed from it.
//!
//! A run is measured from outside (wall time and the process's CPU time, with
//! nothing else running in this process) and observed from inside (the
//! [`timeline`] of spans each call records). [`ModeRun`] keeps both; the
//! [`verdict`] word comes from the timeline; [`on_core`] watches the clock
//! for the picture. Nothing here prints.

pub mod on_core;
pub mod record;
pub mod timeline;
pub mod verdict;

use std::sync::Arc;
use std::time::{Duration, Instant};

use shared::measure::{Measurement, Stopwatch};

use timeline::Timeline;
use verdict::Verdict;

/// One way of running the calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// On one event loop (a tokio current-thread runtime).
    Loop,
    /// On one OS thread per call.
    Threads,
    /// On one OS thread per call, under a model of Python's GIL.
    Gil,
    /// As async tasks on a multi-threaded tokio runtime.
    Tasks,
}

impl Mode {
    /// Every mode, in the order the chapter runs them.
    pub const ALL: [Mode; 4] = [Mode::Loop, Mode::Threads, Mode::Gil, Mode::Tasks];

    /// The mode's name on the command line and in tables.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Loop => "loop",
            Mode::Threads => "threads",
            Mode::Gil => "gil",
            Mode::Tasks => "tasks",
        }
    }
}

/// What a mode saw for itself while it ran, besides its timeline.
#[derive(Debug, Clone, Default)]
pub struct Observations {
    /// Each finished call's fingerprint (bit length of its product); empty for I/O jobs.
    pub fingerprints: Vec<u64>,
    /// The heartbeat's beats, for modes that run on an async runtime.
    pub heartbeat: Option<Vec<Beat>>,
    /// How many times the GIL was handed over on request (GIL mode only).
    pub forced_switches: Option<u64>,
    /// Worker threads of the runtime (tasks mode only).
    pub workers: Option<usize>,
    /// The calls waited (requests on sockets) instead of computing.
    pub waited: bool,
}

impl Observations {
    /// The latest the heartbeat ran, if it ran.
    pub fn heartbeat_late(&self) -> Option<Duration> {
        self.heartbeat.as_deref().map(latest)
    }
}

/// The latest any of `beats` ran (zero for none).
pub fn latest(beats: &[Beat]) -> Duration {
    beats.iter().map(Beat::lateness).max().unwrap_or_default()
}

/// One beat of the heartbeat: when it was due, and when it ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Beat {
    /// When it should have run.
    pub due: Instant,
    /// When the runtime let it run.
    pub ran: Instant,
}

impl Beat {
    /// How late it ran (zero if early).
    pub fn lateness(&self) -> Duration {
        self.ran.saturating_duration_since(self.due)
    }
}

/// Everything one run of one mode showed.
#[derive(Debug, Clone)]
pub struct ModeRun {
    /// The mode that ran.
    pub mode: Mode,
    /// How many calls were asked for.
    pub asked: usize,
    /// Wall time, process CPU time, cores.
    pub measurement: Measurement,
    /// The calls that finished, in the order they did.
    pub finished: Vec<usize>,
    /// The most calls seen computing (or waiting) at the same instant.
    pub most_at_once: usize,
    /// What the mode saw itself: fingerprints, heartbeat, GIL hand-overs.
    pub observed: Observations,
    /// Whether Ctrl-C cut the run short.
    pub stopped: bool,
    /// What was recorded while it ran: spans, stretches, the origin.
    pub timeline: Arc<Timeline>,
}

impl ModeRun {
    /// The lesson's word for this run.
    pub fn verdict(&self) -> Verdict {
        if self.observed.waited {
            Verdict::for_waits(self.most_at_once)
        } else {
            Verdict::for_cpu(self.most_at_once, self.measurement.cores)
        }
    }

    /// Wall time of `baseline` over this run's: how many times faster it was.
    pub fn speedup(&self, baseline: Option<Duration>) -> Option<f64> {
        let wall = self.measurement.wall.as_secs_f64();
        (wall > 0.0 && !self.stopped).then_some(baseline?.as_secs_f64() / wall)
    }
}

/// Runs `mode` once through `run`, measured from outside and observed from
/// inside. `stopped` is read after the run: whether Ctrl-C cut it short.
pub fn measure(
    mode: Mode,
    asked: usize,
    run: impl FnOnce(&Arc<Timeline>) -> Observations,
    stopped: impl FnOnce() -> bool,
) -> ModeRun {
    let timeline = Arc::new(Timeline::new());
    let stopwatch = Stopwatch::start();
    let observed = run(&timeline);
    let measurement = stopwatch.stop();
    ModeRun {
        mode,
        asked,
        measurement,
        finished: timeline.finishing_order(),
        most_at_once: timeline.most_at_once(),
        observed,
        stopped: stopped(),
        timeline,
    }
}

/// Runs `run` up to `repeat` times and keeps the run with the median wall
/// time ([`shared::stats::median`]). A stopped run ends the repetitions and
/// is returned as it is.
pub fn median_of(repeat: usize, mut run: impl FnMut() -> ModeRun) -> ModeRun {
    let mut runs = Vec::with_capacity(repeat);
    for _ in 0..repeat.max(1) {
        let one = run();
        if one.stopped {
            return one;
        }
        runs.push(one);
    }
    let walls: Vec<Duration> = runs.iter().map(|one| one.measurement.wall).collect();
    let median = shared::stats::median(&walls);
    let at = runs.iter().position(|one| Some(one.measurement.wall) == median);
    runs.swap_remove(at.unwrap_or(0))
}

/// The wall time the CPU speedups are measured against: the loop's, if it
/// ran and finished.
pub fn loop_wall(runs: &[ModeRun]) -> Option<Duration> {
    runs.iter()
        .find(|run| run.mode == Mode::Loop && !run.stopped)
        .map(|run| run.measurement.wall)
}
