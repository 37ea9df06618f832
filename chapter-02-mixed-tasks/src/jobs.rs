//! The three jobs of one run, each ready for a runtime to drive.
//!
//! Each job is a future that owns what it needs (`'static + Send`), so that
//! tokio can `spawn` it, smol's executor can run it, or one task can `join`
//! all three. The jobs talk to each other only through `ticker_done`: the
//! ticker requests it when it stops (its ticks done, or Ctrl-C), and the
//! other two stop.

use std::sync::Arc;
use std::time::{Duration, Instant};

use shared::shutdown::Shutdown;

use crate::event_loop::{Job, Loop};
use crate::events::{Event, Events};
use crate::place::Place;
use crate::ticker::StopReason;
use crate::warn_slow::warned;
use crate::{cpu_chain, random_waits, ticker};

/// What the three jobs of one run share.
#[derive(Debug, Clone)]
pub struct Jobs {
    /// Time between one tick running and the next being due.
    pub interval: Duration,
    /// Stop after this many ticks (`None`: until Ctrl-C).
    pub ticks: Option<u64>,
    /// The CPU step's size: each step multiplies the integers below it.
    pub limit: u32,
    /// Where the CPU steps run.
    pub place: Place,
    /// Seed of the random waits.
    pub seed: u64,
    /// Warn of each poll of a job longer than this (`--warn-slow`).
    pub warn_slow: Option<Duration>,
    /// Where the jobs say what happened.
    pub events: Events,
    /// Ctrl-C.
    pub shutdown: &'static Shutdown,
    /// Requested when the ticker stops; the other two jobs stop then.
    pub ticker_done: Arc<Shutdown>,
}

impl Jobs {
    /// The ticker, watched by `--warn-slow`'s detector when it is on.
    pub fn ticker(&self, runtime: impl Loop) -> impl Job<Output = StopReason> {
        warned("ticker", self.warn_slow, self.ticker_job(runtime))
    }

    /// The random waits, watched by `--warn-slow`'s detector when it is on.
    pub fn random_waits(&self, runtime: impl Loop) -> impl Job<Output = ()> {
        warned("random waits", self.warn_slow, self.random_waits_job(runtime))
    }

    /// The CPU steps, watched by `--warn-slow`'s detector when it is on.
    pub fn cpu_chain(&self, runtime: impl Loop) -> impl Job<Output = Result<(), String>> {
        warned("cpu steps", self.warn_slow, self.cpu_chain_job(runtime))
    }

    // ANCHOR: ticker_job
    /// The ticker; when it stops, it tells the other two jobs.
    fn ticker_job(&self, runtime: impl Loop) -> impl Job<Output = StopReason> {
        let jobs = self.clone();
        async move {
            let (interval, ticks, events) =
                (jobs.interval, jobs.ticks, jobs.events.clone());
            let stop = ticker::run(runtime, interval, ticks, events, jobs.shutdown).await;
            let _ = jobs.events.send(Event::TickerStopped { at: Instant::now() });
            jobs.ticker_done.request();
            stop
        }
    }
    // ANCHOR_END: ticker_job

    /// The random waits, until the ticker is done.
    fn random_waits_job(&self, runtime: impl Loop) -> impl Job<Output = ()> {
        let jobs = self.clone();
        async move {
            let (seed, interval, ticker_done) =
                (jobs.seed, jobs.interval, &jobs.ticker_done);
            random_waits::run(runtime, seed, interval, jobs.events, ticker_done).await;
        }
    }

    /// The chain of CPU steps, until the ticker is done.
    fn cpu_chain_job(&self, runtime: impl Loop) -> impl Job<Output = Result<(), String>> {
        let jobs = self.clone();
        async move {
            let (place, limit, ticker_done) = (jobs.place, jobs.limit, &jobs.ticker_done);
            cpu_chain::run(runtime, place, limit, jobs.events, ticker_done).await
        }
    }
}
