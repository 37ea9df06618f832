//! Measuring a place and judging it: what every lesson run gives back,
//! and the numbers and words computed from it.
//!
//! A run is measured from outside (wall time and the process's CPU time, with
//! nothing else running in this process) and observed from inside (the
//! [`timeline`] of spans each call records). [`PlaceRun`] keeps both; the
//! [`verdict`] word comes from the timeline; [`on_core`] watches the clock
//! for the picture. Nothing here prints.

pub mod io;
pub mod on_core;
pub mod record;
pub mod recorder;
pub mod timeline;
pub mod verdict;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use shared::measure::{Measurement, Stopwatch};
use shared::shutdown::Shutdown;
use shared::ticker::Lateness;
use tokio::runtime::Runtime;

use crate::config::Config;
use crate::cpu::{event_loop, gil_threads, tasks, threads};
use crate::gil::Gil;
use crate::ticker::{PERIOD, Tick, Ticker};
use recorder::Recorder;
use timeline::Timeline;
use verdict::Verdict;

pub use crate::place::Place;

/// What a place saw for itself while it ran, besides its timeline.
#[derive(Debug, Clone, Default)]
pub struct Observations {
    /// Each finished call's fingerprint (bit length of its product); empty for I/O jobs.
    pub fingerprints: Vec<u64>,
    /// The ticker's ticks, for places that run on an async runtime.
    pub ticks: Option<Vec<Tick>>,
    /// How many times the GIL was handed over on request (GIL only).
    pub forced_switches: Option<u64>,
    /// Worker threads of the runtime, as it reports them (tasks only).
    pub workers: Option<usize>,
    /// The calls waited (requests on sockets) instead of computing.
    pub waited: bool,
}

impl Observations {
    /// How late the ticker's ticks were, if it ran.
    pub fn lateness(&self) -> Option<Lateness> {
        self.ticks.as_deref().map(|ticks| Lateness::of(ticks, PERIOD))
    }
}

/// Everything one run of one place showed.
#[derive(Debug, Clone)]
pub struct PlaceRun {
    /// The place that ran.
    pub place: Place,
    /// How many calls were asked for.
    pub asked: usize,
    /// Wall time, process CPU time, cores.
    pub measurement: Measurement,
    /// The calls that finished, in the order they did.
    pub finished: Vec<usize>,
    /// The most calls seen computing (or waiting) at the same instant.
    pub most_at_once: usize,
    /// What the place saw itself: fingerprints, ticks, GIL hand-overs.
    pub observed: Observations,
    /// Whether Ctrl-C cut the run short.
    pub stopped: bool,
    /// What was recorded while it ran: spans, stretches, the origin.
    pub timeline: Arc<Timeline>,
}

impl PlaceRun {
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

/// Runs `place` once through `run`, measured from outside and observed from
/// inside. `stopped` is read after the run: whether Ctrl-C cut it short.
pub fn measure(
    place: Place,
    asked: usize,
    run: impl FnOnce(&Arc<Timeline>) -> Observations,
    stopped: impl FnOnce() -> bool,
) -> PlaceRun {
    let timeline = Arc::new(Timeline::new());
    let stopwatch = Stopwatch::start();
    let observed = run(&timeline);
    let measurement = stopwatch.stop();
    PlaceRun {
        place,
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
pub fn median_of(repeat: usize, mut run: impl FnMut() -> PlaceRun) -> PlaceRun {
    let mut runs = Vec::with_capacity(repeat.max(1));
    for _ in 0..repeat.max(1) {
        let one = run();
        if one.stopped {
            return one;
        }
        runs.push(one);
    }
    shared::stats::take_median_by_key(runs, |one| one.measurement.wall)
        .expect("at least one run")
}

/// The wall time the CPU speedups are measured against: the loop's, if it
/// ran and finished.
pub fn loop_wall(runs: &[PlaceRun]) -> Option<Duration> {
    runs.iter()
        .find(|run| run.place == Place::Loop && !run.stopped)
        .map(|run| run.measurement.wall)
}

// ANCHOR: measure_place
/// Runs the calls once in `place`: measured from outside (wall and CPU
/// time, with nothing else running in this process) and watched from
/// inside (a [`Recorder`] on the timeline, whose calls stop on Ctrl-C).
/// What a place's lesson does not return is read here: the ticker beside
/// the runtime's calls, the runtime's workers, the lock's hand-overs.
pub fn run_place(place: Place, config: &Config, shutdown: &Shutdown) -> PlaceRun {
    let (calls, limit) = (config.calls, config.limit);
    // The recorder owns its stop request; a thread passes Ctrl-C on to it.
    let stop = Arc::new(Shutdown::new());
    let watched = |timeline: &Arc<Timeline>| {
        let probe = Arc::new(Recorder::new(timeline, &stop));
        let seen = Observations::default();
        match place {
            Place::Loop => {
                let runtime = event_loop::runtime();
                let (fingerprints, ticks) = beside_ticker(&runtime, || {
                    event_loop::run(&runtime, calls, limit, &*probe)
                });
                Observations { fingerprints, ticks: Some(ticks), ..seen }
            }
            Place::Threads => {
                Observations { fingerprints: threads::run(calls, limit, &*probe), ..seen }
            }
            Place::Gil => {
                let gil = Gil::new(config.switch_interval);
                let fingerprints = gil_threads::run(&gil, calls, limit, &*probe);
                let forced_switches = Some(gil.forced_switches());
                Observations { fingerprints, forced_switches, ..seen }
            }
            Place::Tasks => {
                let runtime = tasks::runtime();
                let workers = Some(runtime.metrics().num_workers());
                let (fingerprints, ticks) = beside_ticker(&runtime, || {
                    tasks::run(&runtime, calls, limit, &probe)
                });
                Observations { fingerprints, ticks: Some(ticks), workers, ..seen }
            }
        }
    };
    let done = AtomicBool::new(false);
    thread::scope(|scope| {
        scope.spawn(|| pass_on(shutdown, &stop, &done));
        let run = measure(place, calls, watched, || shutdown.is_requested());
        done.store(true, Ordering::SeqCst);
        run
    })
}
// ANCHOR_END: measure_place

/// Runs `calls` with a [`Ticker`] on `runtime` from just before they start
/// until they end; returns what they returned and the ticks.
fn beside_ticker<T>(runtime: &Runtime, calls: impl FnOnce() -> T) -> (T, Vec<Tick>) {
    let ticker = runtime.block_on(Ticker::start());
    let returned = calls();
    (returned, runtime.block_on(ticker.stop()))
}
// ANCHOR_END: measure_place

/// Requests `to` once `from` is requested, until `done`. It looks every
/// 5 ms at most (it wakes at once on a request): a sleeping thread costs the
/// measured run nothing it could notice.
fn pass_on(from: &Shutdown, to: &Shutdown, done: &AtomicBool) {
    while !done.load(Ordering::SeqCst) {
        if from.sleep(Duration::from_millis(5)) {
            to.request();
            return;
        }
    }
}
