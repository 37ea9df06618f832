//! One run, measured from outside the lesson: the jobs run on their runtime
//! while their watcher notes the time of everything they do and hands it to
//! another thread, which records it and shows each one as it comes.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use shared::measure::{Measurement, Stopwatch};
use shared::shutdown::Shutdown;
use shared::ticker::{Ended, Tick};

use crate::cpu_chain::Step;
use crate::jobs::{Happened, Jobs};
use crate::place::Place;
use crate::runtimes::{self, Runtime};

/// One run to make: the runtime and the jobs' settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plan {
    /// The runtime that drives the jobs.
    pub runtime: Runtime,
    /// Where the CPU steps run.
    pub place: Place,
    /// Time between one tick running and the next being due.
    pub interval: Duration,
    /// Stop after this many ticks (`None`: until Ctrl-C).
    pub ticks: Option<u64>,
    /// The CPU step's size.
    pub limit: u32,
    /// Seed of the random waits.
    pub seed: u64,
    /// Warn of each poll of a job longer than this (`--warn-slow`).
    pub warn_slow: Option<Duration>,
}

/// One CPU step: when it began (from the start of the run) and how long it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepTime {
    /// When the step began.
    pub start: Duration,
    /// How long it took.
    pub took: Duration,
}

impl StepTime {
    /// When the step ended, from the start of the run.
    pub fn end(&self) -> Duration {
        self.start + self.took
    }
}

/// What one run measured.
#[derive(Debug, Clone)]
pub struct Measured {
    /// The run that was made.
    pub plan: Plan,
    /// When the run started: the times below count from it.
    pub start: Instant,
    /// Every tick that ran, in order.
    pub ticks: Vec<Tick>,
    /// A tick that fell due and had not run when Ctrl-C stopped the ticker
    /// (its `ran` is the moment the ticker stopped: it waited that long).
    pub waiting: Option<Tick>,
    /// Why the ticker ended: its ticks done, or Ctrl-C.
    pub ended: Ended,
    /// When each CPU step that finished began and how long it took, in order.
    pub steps: Vec<StepTime>,
    /// How much each random wait that ended overshot the time it asked for.
    pub overshoots: Vec<Duration>,
    /// Wall and CPU time of the whole run.
    pub cost: Measurement,
}

impl Measured {
    /// `at` as a time from the start of the run.
    pub fn since_start(&self, at: Instant) -> Duration {
        at.saturating_duration_since(self.start)
    }
}

/// Something a job did, as the measuring side sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// A tick ran, `gap` after the tick before it (none for the first).
    Tick { tick: Tick, gap: Option<Duration> },
    /// A random wait began.
    Wait { number: u64, wait: Duration },
    /// A CPU step began.
    StepStarted { number: u64, limit: u32 },
    /// A CPU step ended.
    StepDone { number: u64, took: Duration, bits: u64 },
}

/// Runs the jobs of `plan` on its runtime, calls `show` with each thing
/// they do as it comes (on another thread) and the run's start, and hands
/// back what the run measured.
pub fn measure(
    plan: &Plan,
    shutdown: &'static Shutdown,
    show: impl FnMut(&Seen, Instant) + Send,
) -> Result<Measured, String> {
    let (sender, received) = mpsc::channel();
    // The watcher only notes the time and passes it on: it runs on the loop.
    // (A note nobody receives any more is dropped.)
    let watch = move |happened| {
        let _ = sender.send((happened, Instant::now()));
    };
    let jobs = Jobs {
        interval: plan.interval,
        ticks: plan.ticks,
        limit: plan.limit,
        place: plan.place,
        seed: plan.seed,
        warn_slow: plan.warn_slow,
        shutdown,
        watch: Arc::new(watch),
    };
    let (start, stopwatch) = (Instant::now(), Stopwatch::start());
    thread::scope(|scope| {
        let recorder = scope.spawn(move || record(start, received, show));
        let outcome = runtimes::run(plan.runtime, &jobs);
        // The last sender goes: the recorder has everything, and ends.
        drop(jobs);
        let cost = stopwatch.stop();
        let recorded = recorder.join().map_err(|_| "the recorder thread failed")?;
        let (mut ticks, ended) = outcome?;
        // The ticker adds a tick that was due when it was stopped, which
        // never ran: the watcher saw every tick but that one.
        let waiting = (ticks.len() > recorded.ticks).then(|| ticks.pop()).flatten();
        Ok(Measured {
            plan: *plan,
            start,
            ticks,
            waiting,
            ended,
            steps: recorded.steps,
            overshoots: recorded.overshoots,
            cost,
        })
    })
}

/// What the watcher's notes add up to.
#[derive(Debug, Default)]
struct Recorded {
    ticks: usize,
    steps: Vec<StepTime>,
    overshoots: Vec<Duration>,
}

/// Receives every note until the jobs are gone, with times from `start`.
fn record(
    start: Instant,
    notes: Receiver<(Happened, Instant)>,
    mut show: impl FnMut(&Seen, Instant),
) -> Recorded {
    let since = |at: Instant| at.saturating_duration_since(start);
    let mut recorded = Recorded::default();
    let (mut last_tick, mut wait_began, mut step_began) = (None, None, None);
    for (happened, at) in notes {
        let seen = match happened {
            Happened::Tick(tick) => {
                recorded.ticks += 1;
                let gap = last_tick.map(|last: Tick| tick.ran.duration_since(last.ran));
                last_tick = Some(tick);
                Seen::Tick { tick, gap }
            }
            Happened::Wait { number, wait } => {
                // A wait begins when the one before it ends.
                if let Some((began, asked)) = wait_began.replace((at, wait)) {
                    let took: Duration = at.saturating_duration_since(began);
                    recorded.overshoots.push(took.saturating_sub(asked));
                }
                Seen::Wait { number, wait }
            }
            Happened::Step(Step::Started { number, limit }) => {
                step_began = Some(at);
                Seen::StepStarted { number, limit }
            }
            Happened::Step(Step::Done { number, bits }) => {
                let began = step_began.take().unwrap_or(at);
                let took = at.saturating_duration_since(began);
                recorded.steps.push(StepTime { start: since(began), took });
                Seen::StepDone { number, took, bits }
            }
        };
        show(&seen, start);
    }
    recorded
}
