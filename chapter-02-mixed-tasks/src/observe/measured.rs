//! One run, measured from outside the lesson: the jobs run on their runtime
//! while another thread receives their events, notes the times, and shows
//! each one as it comes.

use std::sync::mpsc;
use std::sync::{Arc, mpsc::Receiver};
use std::thread;
use std::time::{Duration, Instant};

use shared::measure::{Measurement, Stopwatch};
use shared::shutdown::Shutdown;

use crate::events::Event;
use crate::jobs::Jobs;
use crate::place::Place;
use crate::runtimes::{self, Runtime};
use crate::ticker::StopReason;

/// One tick, with times measured from the start of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tick {
    /// 1 for the first tick.
    pub number: u64,
    /// When the tick should have run.
    pub due: Duration,
    /// When it did run.
    pub ran: Duration,
    /// Time since the previous tick ran (none for the first).
    pub gap: Option<Duration>,
}

impl Tick {
    /// Tick `number`, due at `due` and run at `ran`, as times from `start`;
    /// its gap runs from the tick before it, `last`.
    pub fn seen(
        start: Instant,
        number: u64,
        due: Instant,
        ran: Instant,
        last: Option<&Tick>,
    ) -> Tick {
        let since = |at: Instant| at.saturating_duration_since(start);
        let gap = last.map(|last| since(ran).saturating_sub(last.ran));
        Tick { number, due: since(due), ran: since(ran), gap }
    }
}

/// One CPU step: when it began (from the start of the run) and how long it took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// When the step began.
    pub start: Duration,
    /// How long it took.
    pub took: Duration,
}

/// One run to make: the runtime and the jobs' settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Run {
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
    /// A tick that runs more than this after it was due counts as late.
    pub late_after: Duration,
    /// Warn of each poll of a job longer than this (`--warn-slow`).
    pub warn_slow: Option<Duration>,
}

/// What one run measured.
#[derive(Debug, Clone)]
pub struct Measured {
    /// The run that was made.
    pub run: Run,
    /// Every tick that ran, in order.
    pub ticks: Vec<Tick>,
    /// Why the run stopped.
    pub stop: StopReason,
    /// When the ticker stopped, from the start.
    pub stopped: Duration,
    /// When each CPU step that finished began and how long it took, in order.
    pub steps: Vec<Step>,
    /// How much each random wait that ended overshot the time it asked for.
    pub overshoots: Vec<Duration>,
    /// Wall and CPU time of the whole run.
    pub cost: Measurement,
}

/// An event as the measuring side sees it, with times from the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// A tick ran.
    Tick(Tick),
    /// A random wait began.
    Wait { number: u64, wait: Duration },
    /// A CPU step began.
    StepStarted { number: u64, limit: u32 },
    /// A CPU step ended.
    StepDone { number: u64, took: Duration, bits: u64 },
}

/// Runs the jobs of `run` on its runtime, calls `show` with each event as it
/// comes (on another thread), and hands back what the run measured.
pub fn measure(
    run: &Run,
    shutdown: &'static Shutdown,
    show: impl FnMut(&Seen) + Send,
) -> Result<Measured, String> {
    let (events, received) = mpsc::channel();
    let jobs = Jobs {
        interval: run.interval,
        ticks: run.ticks,
        limit: run.limit,
        place: run.place,
        seed: run.seed,
        warn_slow: run.warn_slow,
        events,
        shutdown,
        ticker_done: Arc::new(Shutdown::new()),
    };
    let (start, stopwatch) = (Instant::now(), Stopwatch::start());
    thread::scope(|scope| {
        let recorder = scope.spawn(move || record(start, received, show));
        let outcome = runtimes::run(run.runtime, &jobs);
        let ended = start.elapsed();
        // The last sender goes: the recorder has every event, and ends.
        drop(jobs);
        let cost = stopwatch.stop();
        let recorded = recorder.join().map_err(|_| "the recorder thread failed")?;
        Ok(Measured {
            run: *run,
            ticks: recorded.ticks,
            stop: outcome?,
            stopped: recorded.ticker_stopped.unwrap_or(ended),
            steps: recorded.steps,
            overshoots: recorded.overshoots,
            cost,
        })
    })
}

/// What the events add up to.
#[derive(Debug, Default)]
struct Recorded {
    ticker_stopped: Option<Duration>,
    ticks: Vec<Tick>,
    steps: Vec<Step>,
    overshoots: Vec<Duration>,
}

/// Receives every event until the jobs are gone, noting times from `start`.
fn record(
    start: Instant,
    events: Receiver<Event>,
    mut show: impl FnMut(&Seen),
) -> Recorded {
    let since = |at: Instant| at.saturating_duration_since(start);
    let mut recorded = Recorded::default();
    let (mut wait_began, mut step_began) = (None, None);
    for event in events {
        let seen = match event {
            Event::Tick { number, due, ran } => {
                let tick = Tick::seen(start, number, due, ran, recorded.ticks.last());
                recorded.ticks.push(tick);
                Some(Seen::Tick(tick))
            }
            Event::Wait { number, wait, at } => {
                // A wait begins when the one before it ends.
                if let Some((began, asked)) = wait_began.replace((at, wait)) {
                    let took: Duration = at.saturating_duration_since(began);
                    recorded.overshoots.push(took.saturating_sub(asked));
                }
                Some(Seen::Wait { number, wait })
            }
            Event::StepStarted { number, limit, at } => {
                step_began = Some(at);
                Some(Seen::StepStarted { number, limit })
            }
            Event::StepDone { number, at, bits } => {
                let began = step_began.take().unwrap_or(at);
                let took = at.saturating_duration_since(began);
                recorded.steps.push(Step { start: since(began), took });
                Some(Seen::StepDone { number, took, bits })
            }
            Event::TickerStopped { at } => {
                recorded.ticker_stopped = Some(since(at));
                None
            }
        };
        if let Some(seen) = seen {
            show(&seen);
        }
    }
    recorded
}
