//! The three jobs of one run, ready to hand to any runtime, and what a run
//! hands back.
//!
//! Each job is a future that owns what it needs (`'static + Send`), so that
//! tokio can `spawn` it, smol's executor can run it, or one task can `join`
//! all three. The jobs talk to each other only through `done`: the ticker
//! requests it when it has ticked enough (or on Ctrl-C), and the others stop.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use shared::measure::Measurement;
use shared::shutdown::Shutdown;

use crate::report::Printer;
use crate::runtimes::{Loop, Placement, Runtime};
use crate::ticker::{StopReason, Tick, TickPlan};
use crate::{chores, cpu_chain, ticker};

/// Everything that defines one run.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The runtime that drives the jobs.
    pub runtime: Runtime,
    /// Where the CPU steps run.
    pub placement: Placement,
    /// Time between one tick and the next being due.
    pub interval: Duration,
    /// Stop after this many ticks (`None`: until Ctrl-C).
    pub ticks: Option<u64>,
    /// The CPU step's size: each step multiplies the integers below it.
    pub limit: u32,
    /// Seed of the random waits.
    pub seed: u64,
    /// A tick that runs more than this after it was due counts as late.
    pub late_after: Duration,
    /// What to print while running.
    pub printer: Printer,
}

/// The three jobs of one run, built from [`Settings`].
#[derive(Debug)]
pub struct Jobs {
    settings: Settings,
    ctrl_c: &'static Shutdown,
    done: Arc<Shutdown>,
    start: Instant,
}

/// What the ticker hands back: its ticks and why it stopped.
pub type TickerResult = (Vec<Tick>, StopReason);

impl Jobs {
    /// The jobs of one run; times are measured from now.
    pub fn new(settings: Settings, ctrl_c: &'static Shutdown) -> Self {
        Jobs { settings, ctrl_c, done: Arc::new(Shutdown::new()), start: Instant::now() }
    }

    /// The periodic job.
    pub fn ticker<L: Loop>(
        &self,
        runtime: L,
    ) -> impl Future<Output = TickerResult> + Send + 'static {
        let plan = TickPlan {
            interval: self.settings.interval,
            ticks: self.settings.ticks,
            start: self.start,
        };
        let (printer, ctrl_c, done) =
            (self.settings.printer, self.ctrl_c, Arc::clone(&self.done));
        async move { ticker::run(runtime, plan, printer, ctrl_c, &done).await }
    }

    /// The random waits.
    pub fn chores<L: Loop>(
        &self,
        runtime: L,
    ) -> impl Future<Output = Vec<Duration>> + Send + 'static {
        let Settings { seed, interval, printer, .. } = self.settings;
        let done = Arc::clone(&self.done);
        async move { chores::run(runtime, seed, interval, printer, &done).await }
    }

    /// The chain of CPU steps.
    pub fn cpu_chain<L: Loop>(
        &self,
        runtime: L,
    ) -> impl Future<Output = Result<Vec<Duration>, String>> + Send + 'static {
        let Settings { placement, limit, printer, .. } = self.settings;
        let done = Arc::clone(&self.done);
        async move { cpu_chain::run(runtime, placement, limit, printer, &done).await }
    }

    /// Collects the three jobs' results into the run's outcome.
    pub fn outcome(
        &self,
        ticker: TickerResult,
        overshoots: Vec<Duration>,
        steps: Result<Vec<Duration>, String>,
        cost: Measurement,
    ) -> Result<Outcome, String> {
        let (ticks, stop) = ticker;
        Ok(Outcome {
            settings: self.settings,
            ticks,
            stop,
            steps: steps?,
            overshoots,
            cost,
        })
    }
}

/// What one run measured.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The settings the run used.
    pub settings: Settings,
    /// Every tick, in order.
    pub ticks: Vec<Tick>,
    /// Why the run ended.
    pub stop: StopReason,
    /// How long each CPU step took, in order.
    pub steps: Vec<Duration>,
    /// How much each random wait overshot the time it asked for.
    pub overshoots: Vec<Duration>,
    /// Wall and CPU time of the whole run.
    pub cost: Measurement,
}
