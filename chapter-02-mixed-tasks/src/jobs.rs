//! The three jobs of one run, each ready for a runtime to drive.
//!
//! Each job is a future that owns what it needs (`'static + Send`), so that
//! tokio can `spawn` it, smol's executor can run it, or one task can `join`
//! all three. The ticker stops when its ticks are done or on Ctrl-C; the
//! other two stop when it has stopped. Whoever runs the jobs watches them
//! through [`Jobs::watch`]: each job says what it did the moment it did it,
//! and the watcher notes the time, prints, or ignores it.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt;
use futures::channel::oneshot;
use shared::shutdown::Shutdown;
use shared::ticker::{self, Ended, FirstTick, Flow, Tick};

use crate::cpu_chain::{self, Step};
use crate::event_loop::{Job, Loop};
use crate::place::Place;
use crate::random_waits;
use crate::warn_slow::warned;

/// What the ticker hands back: every tick, and why it ended.
pub type Ticked = (Vec<Tick>, Ended);

/// What a job did, told the moment it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Happened {
    /// A tick ran.
    Tick(Tick),
    /// Random wait `number`, of `wait`, began.
    Wait { number: u64, wait: Duration },
    /// A CPU step began or ended.
    Step(Step),
}

/// Whoever watches the jobs. It is called on the loop, between two things
/// the jobs do: it must be quick.
pub type Watch = Arc<dyn Fn(Happened) + Send + Sync>;

/// What the three jobs of one run share.
#[derive(Clone)]
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
    /// Ctrl-C, which stops the ticker.
    pub shutdown: &'static Shutdown,
    /// Told what each job did.
    pub watch: Watch,
}

impl fmt::Debug for Jobs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Jobs")
            .field("interval", &self.interval)
            .field("ticks", &self.ticks)
            .field("limit", &self.limit)
            .field("place", &self.place)
            .finish_non_exhaustive()
    }
}

impl Jobs {
    /// The ticker, the random waits and the CPU chain, each watched by
    /// `--warn-slow`'s detector when it is on. The last two stop when the
    /// ticker has stopped.
    pub fn start(
        &self,
        runtime: impl Loop,
    ) -> (
        impl Job<Output = Ticked>,
        impl Job<Output = u64>,
        impl Job<Output = Result<u64, String>>,
    ) {
        // Dropping the sender completes every clone of `ticker_stopped`.
        let (ticker_running, receiver) = oneshot::channel::<()>();
        let ticker_stopped = receiver.map(|_| ()).shared();
        let ticker = self.ticker(runtime.clone(), ticker_running);
        let (watch, place, limit) = (Arc::clone(&self.watch), self.place, self.limit);
        let on_step = move |step| watch(Happened::Step(step));
        let stop = ticker_stopped.clone();
        let cpu_chain = cpu_chain::run(runtime.clone(), place, limit, stop, on_step);
        let (watch, seed, interval) = (Arc::clone(&self.watch), self.seed, self.interval);
        let on_wait = move |number, wait| watch(Happened::Wait { number, wait });
        let random_waits =
            random_waits::run(runtime, seed, interval, ticker_stopped, on_wait);
        (
            warned("ticker", self.warn_slow, ticker),
            warned("random waits", self.warn_slow, random_waits),
            warned("cpu steps", self.warn_slow, cpu_chain),
        )
    }

    // ANCHOR: ticker_job
    /// The ticker, from the first tick at once until its ticks are done or
    /// Ctrl-C. `ticker_running` is dropped when it stops: that tells the
    /// other two jobs.
    fn ticker(
        &self,
        runtime: impl Loop,
        ticker_running: oneshot::Sender<()>,
    ) -> impl Job<Output = Ticked> {
        let (interval, ticks, shutdown) = (self.interval, self.ticks, self.shutdown);
        let watch = Arc::clone(&self.watch);
        let on_tick = move |tick: &Tick| {
            watch(Happened::Tick(*tick));
            if ticks == Some(tick.number) { Flow::Stop } else { Flow::Continue }
        };
        async move {
            let sleep = |wait| runtime.sleep(wait);
            let ctrl_c = shutdown.requested();
            let ticked =
                ticker::run(interval, FirstTick::Now, sleep, ctrl_c, on_tick).await;
            drop(ticker_running);
            ticked
        }
    }
    // ANCHOR_END: ticker_job
}
