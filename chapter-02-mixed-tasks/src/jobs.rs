//! The three jobs of one run, handed to the chosen runtime, and what the run
//! measured.
//!
//! Each job is a future that owns what it needs (`'static + Send`), so that
//! tokio can `spawn` it, smol's executor can run it, or one task can `join`
//! all three. The jobs talk to each other only through `done`: the ticker
//! requests it when it has ticked enough (or on Ctrl-C), and the others stop.

use std::sync::Arc;
use std::time::{Duration, Instant};

use shared::measure::{Measurement, Stopwatch};
use shared::shutdown::Shutdown;

use crate::events::{Events, Step, Tick};
use crate::runtimes::async_std::AsyncStd;
use crate::runtimes::smol::Smol;
use crate::runtimes::tokio::Tokio;
use crate::runtimes::{self, Job, Loop, Placement, Runtime};
use crate::ticker::{StopReason, TickPlan};
use crate::warn_slow::warned;
use crate::{chores, cpu_chain, ticker};

/// Everything that defines one run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Config {
    /// The runtime that drives the jobs.
    pub runtime: Runtime,
    /// Where the CPU steps run.
    pub placement: Placement,
    /// Time between one tick running and the next being due.
    pub interval: Duration,
    /// Stop after this many ticks (`None`: until Ctrl-C).
    pub ticks: Option<u64>,
    /// The CPU step's size: each step multiplies the integers below it.
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
    /// The run's configuration.
    pub config: Config,
    /// Every tick, in order.
    pub ticks: Vec<Tick>,
    /// Why the run ended.
    pub stop: StopReason,
    /// When each CPU step began and how long it took, in order.
    pub steps: Vec<Step>,
    /// How much each random wait overshot the time it asked for.
    pub overshoots: Vec<Duration>,
    /// Wall and CPU time of the whole run.
    pub cost: Measurement,
}

// ANCHOR: run
/// Runs the three jobs on `config.runtime`, sending their events to
/// `events`, and hands back what the run measured.
pub fn run(
    config: &Config,
    events: Events,
    ctrl_c: &'static Shutdown,
) -> Result<Measured, String> {
    let stopwatch = Stopwatch::start();
    let ((ticks, stop), overshoots, steps) = match config.runtime {
        Runtime::Tokio => runtimes::tokio::run(jobs(Tokio, config, &events, ctrl_c))?,
        Runtime::AsyncStd => {
            runtimes::async_std::run(jobs(AsyncStd, config, &events, ctrl_c))?
        }
        Runtime::Smol => runtimes::smol::run(jobs(Smol, config, &events, ctrl_c))?,
        Runtime::TokioMultiThread => {
            runtimes::tokio_multi_thread::run(jobs(Tokio, config, &events, ctrl_c))?
        }
    };
    let cost = stopwatch.stop();
    Ok(Measured { config: *config, ticks, stop, steps: steps?, overshoots, cost })
}
// ANCHOR_END: run

/// What the ticker hands back: its ticks and why it stopped.
type Ticks = (Vec<Tick>, StopReason);
/// What the CPU chain hands back: its steps.
type Steps = Result<Vec<Step>, String>;

/// The ticker, the random waits and the CPU chain, on `runtime`.
fn jobs<L: Loop>(
    runtime: L,
    config: &Config,
    events: &Events,
    ctrl_c: &'static Shutdown,
) -> (impl Job<Output = Ticks>, impl Job<Output = Vec<Duration>>, impl Job<Output = Steps>)
{
    let Config { placement, interval, ticks, limit, seed, warn_slow, .. } = *config;
    let plan = TickPlan { interval, ticks, start: Instant::now() };
    let done = Arc::new(Shutdown::new());
    let (done_1, done_2, done_3) = (Arc::clone(&done), Arc::clone(&done), done);
    let (events_1, events_2, events_3) = (events.clone(), events.clone(), events.clone());
    let (loop_1, loop_2, loop_3) = (runtime.clone(), runtime.clone(), runtime);
    (
        warned("ticker", warn_slow, async move {
            ticker::run(loop_1, plan, events_1, ctrl_c, &done_1).await
        }),
        warned("random waits", warn_slow, async move {
            chores::run(loop_2, seed, interval, events_2, &done_2).await
        }),
        warned("cpu steps", warn_slow, async move {
            cpu_chain::run(loop_3, placement, limit, (events_3, plan.start), &done_3)
                .await
        }),
    )
}
