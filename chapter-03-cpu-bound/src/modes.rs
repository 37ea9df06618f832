//! The four ways of running the jobs, and what one run of a mode reports.
//!
//! The same four modes run both workloads: CPU-bound calls ([`crate::cpu`])
//! and jobs that only wait ([`crate::io`]). A run is measured from outside
//! (wall time and the process's CPU time) and observed from inside (the
//! timeline of spans), and [`ModeReport`] keeps both.

use std::sync::Arc;
use std::time::Duration;

use shared::measure::{Measurement, Stopwatch};

use crate::cpu::{self, CpuSettings};
use crate::io::{self, IoSettings};
use crate::timeline::Timeline;
use crate::verdict::Verdict;

/// One way of running the jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    /// On one event loop (a tokio current-thread runtime).
    Loop,
    /// On one OS thread per job.
    Threads,
    /// On one OS thread per job, under a model of Python's GIL.
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

/// Which experiment a report belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// CPU-bound calls of the workload.
    Cpu,
    /// Jobs that wait on a timer, standing in for I/O.
    Io,
}

/// What a mode returns besides its timeline.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Each finished call's fingerprint (bit length of its product); empty for I/O jobs.
    pub fingerprints: Vec<u64>,
    /// The heartbeat's worst delay, for modes that run on an async runtime.
    pub heartbeat_late: Option<Duration>,
    /// How many times the GIL was handed over on request (GIL mode only).
    pub forced_switches: Option<u64>,
    /// Worker threads of the runtime (tasks mode only).
    pub workers: Option<usize>,
}

/// Everything one run of one mode showed.
#[derive(Debug, Clone)]
pub struct ModeReport {
    /// The mode that ran.
    pub mode: Mode,
    /// CPU calls or waiting jobs.
    pub kind: Kind,
    /// How many jobs were asked for.
    pub asked: usize,
    /// Wall time, process CPU time, cores.
    pub measurement: Measurement,
    /// The jobs that finished, in the order they did.
    pub finished: Vec<usize>,
    /// The most jobs seen computing (or waiting) at the same instant.
    pub most_at_once: usize,
    /// The mode's own extras: fingerprints, heartbeat, GIL hand-overs.
    pub outcome: Outcome,
    /// Whether Ctrl-C cut the run short.
    pub stopped: bool,
}

impl ModeReport {
    /// The lesson's word for this run.
    pub fn verdict(&self) -> Verdict {
        match self.kind {
            Kind::Cpu => Verdict::for_cpu(self.most_at_once, self.measurement.cores),
            Kind::Io => Verdict::for_io(self.most_at_once),
        }
    }
}

// ANCHOR: measure_mode
/// Runs one CPU mode once: measured from outside (wall and CPU time, with
/// nothing else running in this process) and observed from inside (the
/// timeline).
pub fn run_cpu(mode: Mode, settings: &CpuSettings) -> ModeReport {
    let timeline = Arc::new(Timeline::new());
    let stopwatch = Stopwatch::start();
    let outcome = match mode {
        Mode::Loop => cpu::event_loop::run(settings, &timeline),
        Mode::Threads => cpu::threads::run(settings, &timeline),
        Mode::Gil => cpu::gil_threads::run(settings, &timeline),
        Mode::Tasks => cpu::tasks::run(settings, &timeline),
    };
    let measurement = stopwatch.stop();
    report(
        mode,
        Kind::Cpu,
        settings.calls,
        measurement,
        &timeline,
        outcome,
        settings.shutdown.is_requested(),
    )
}
// ANCHOR_END: measure_mode

/// Runs one I/O mode once, measured like [`run_cpu`].
pub fn run_io(mode: Mode, settings: &IoSettings) -> ModeReport {
    let timeline = Arc::new(Timeline::new());
    let stopwatch = Stopwatch::start();
    let outcome = match mode {
        Mode::Loop => io::jobs::on_loop(settings, &timeline),
        Mode::Threads => io::jobs::on_threads(settings, &timeline),
        Mode::Gil => io::jobs::under_gil(settings, &timeline),
        Mode::Tasks => io::jobs::as_tasks(settings, &timeline),
    };
    let measurement = stopwatch.stop();
    report(
        mode,
        Kind::Io,
        settings.jobs,
        measurement,
        &timeline,
        outcome,
        settings.shutdown.is_requested(),
    )
}

fn report(
    mode: Mode,
    kind: Kind,
    asked: usize,
    measurement: Measurement,
    timeline: &Timeline,
    outcome: Outcome,
    stopped: bool,
) -> ModeReport {
    ModeReport {
        mode,
        kind,
        asked,
        measurement,
        finished: timeline.finishing_order(),
        most_at_once: timeline.most_at_once(),
        outcome,
        stopped,
    }
}

/// Runs `run` up to `repeat` times and keeps the run with the median wall
/// time (the lower middle one for an even count). A stopped run ends the
/// repetitions and is returned as it is.
pub fn median_of(repeat: usize, mut run: impl FnMut() -> ModeReport) -> ModeReport {
    let mut runs = Vec::with_capacity(repeat);
    for _ in 0..repeat.max(1) {
        let report = run();
        if report.stopped {
            return report;
        }
        runs.push(report);
    }
    runs.sort_by_key(|report| report.measurement.wall);
    runs.swap_remove((runs.len() - 1) / 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::measure::CpuTime;

    fn fake(wall_ms: u64) -> ModeReport {
        ModeReport {
            mode: Mode::Loop,
            kind: Kind::Cpu,
            asked: 1,
            measurement: Measurement {
                wall: Duration::from_millis(wall_ms),
                cpu: CpuTime::default(),
                cores: 2,
            },
            finished: vec![1],
            most_at_once: 1,
            outcome: Outcome::default(),
            stopped: false,
        }
    }

    /// The median run is kept, whatever order the runs came in.
    #[test]
    fn keeps_the_median_run() {
        let mut walls = [30, 10, 50, 20, 40].into_iter();
        let kept = median_of(5, || fake(walls.next().unwrap()));
        assert_eq!(kept.measurement.wall, Duration::from_millis(30));
        let mut walls = [40, 10].into_iter();
        assert_eq!(
            median_of(2, || fake(walls.next().unwrap())).measurement.wall,
            Duration::from_millis(10)
        );
    }

    /// A stopped run is returned at once; no more runs are made.
    #[test]
    fn a_stopped_run_ends_the_repetitions() {
        let mut runs = 0;
        let kept = median_of(5, || {
            runs += 1;
            ModeReport { stopped: runs == 2, ..fake(runs * 10) }
        });
        assert!(kept.stopped);
        assert_eq!(runs, 2);
    }
}
