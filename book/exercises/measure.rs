//! What the checks measure with, in the answer's program: calls in
//! progress at once, a patient wait, a step long enough to see, and the
//! course's ticker (`shared::ticker`) on the answer's own tokio loop.

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use shared::ticker::{self, FirstTick, Flow, Tick};
use shared::workload::{fingerprint, product_below};
use tokio::sync::oneshot;

use crate::probe::Probe;

/// How long a call waits for company (another call, a beat of the ticker)
/// before it goes on alone. A right answer never waits this long; a wrong
/// one waits it once, and then the check sees what happened.
pub const PATIENCE: Duration = Duration::from_secs(1);

/// Waits, a millisecond at a time, until `done` or [`PATIENCE`] has passed.
pub fn wait_for(done: impl Fn() -> bool) {
    let started = Instant::now();
    while !done() && started.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(1));
    }
}

/// Calls in progress: how many at most at once, how many began and
/// ended, on how many threads (each counter read by its method).
#[derive(Debug, Default)]
pub struct Overlap {
    now: AtomicUsize,
    most: AtomicUsize,
    started: AtomicUsize,
    ended: AtomicUsize,
    threads: Mutex<HashSet<ThreadId>>,
}

impl Overlap {
    /// A call begins, on this thread.
    pub fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
        self.started.fetch_add(1, Ordering::SeqCst);
        let mut threads = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        threads.insert(thread::current().id());
    }

    pub fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
        self.ended.fetch_add(1, Ordering::SeqCst);
    }

    pub fn started(&self) -> usize {
        self.started.load(Ordering::SeqCst)
    }

    pub fn ended(&self) -> usize {
        self.ended.load(Ordering::SeqCst)
    }

    pub fn most(&self) -> usize {
        self.most.load(Ordering::SeqCst)
    }

    pub fn threads(&self) -> usize {
        self.threads.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

/// A step of CPU work, `product_below(limit)`, long enough that a tick
/// waiting for all of it is far later than one waiting for a slice of it,
/// with the `fingerprint` of its product to hold the answer's product to.
#[derive(Debug, Clone, Copy)]
pub struct LongStep {
    pub limit: u32,
    pub fingerprint: u64,
}

/// The step: the smallest limit, grown by half at a time, whose
/// `product_below` takes at least 300 ms here.
pub fn long_step() -> LongStep {
    let mut limit = 20_000;
    loop {
        let started = Instant::now();
        let product = product_below(limit);
        if started.elapsed() >= Duration::from_millis(300) || limit >= 1_000_000 {
            return LongStep { limit, fingerprint: fingerprint(&product) };
        }
        limit += limit / 2;
    }
}

/// A duration in whole milliseconds, as the facts carry it.
pub fn ms(duration: Duration) -> u64 {
    duration.as_millis() as u64
}

/// The course's ticker as a task on the current tokio runtime: it ticks
/// only when that runtime's thread is free, which is what it measures.
#[derive(Debug)]
pub struct Ticker {
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<Vec<Tick>>,
    count: Arc<AtomicU64>,
}

impl Ticker {
    /// Starts ticking every `interval`, the first tick one interval from
    /// now: returns once the ticker has begun, so that a loop the answer
    /// never frees still shows in its first tick.
    pub async fn start(interval: Duration) -> Ticker {
        let (stop, stopped) = oneshot::channel::<()>();
        let (begun, beginning) = oneshot::channel::<()>();
        let count = Arc::new(AtomicU64::new(0));
        let counting = Arc::clone(&count);
        let task = tokio::spawn(async move {
            let _ = begun.send(());
            let on_tick = |_: &Tick| {
                counting.fetch_add(1, Ordering::SeqCst);
                Flow::Continue
            };
            let stopped = async {
                let _ = stopped.await;
            };
            let sleep = tokio::time::sleep;
            ticker::run(interval, FirstTick::AfterInterval, sleep, stopped, on_tick)
                .await
                .0
        });
        let _ = beginning.await;
        Ticker { stop, task, count }
    }

    /// The ticks so far, counted as they run (for calls waiting for one).
    pub fn count(&self) -> Arc<AtomicU64> {
        Arc::clone(&self.count)
    }

    /// Stops the ticker; its ticks, a tick due at the stop included.
    pub async fn stop(self) -> Vec<Tick> {
        let _ = self.stop.send(());
        self.task.await.unwrap_or_default()
    }
}

/// The longest stretch between `from` and `to` without a tick: the loop
/// was kept from its ticker at least that long.
pub fn longest_gap(ticks: &[Tick], from: Instant, to: Instant) -> Duration {
    let mut times = vec![from];
    times.extend(
        ticks.iter().map(|tick| tick.ran).filter(|ran| (from..=to).contains(ran)),
    );
    times.push(to);
    times
        .windows(2)
        .map(|pair| pair[1].saturating_duration_since(pair[0]))
        .max()
        .unwrap_or_default()
}

/// The ticker's period in the chapter 2 checks.
pub const PERIOD: Duration = Duration::from_millis(10);

/// Reports a step measured beside the ticker: its limit, its time, whether
/// its product was right, how many turns it gave the loop, and the ticks
/// and the worst wait of one.
pub fn report_step(
    probe: &Probe,
    step: &LongStep,
    right: bool,
    took: Duration,
    turns: u64,
    ticks: &[Tick],
) {
    let lateness = ticker::Lateness::of(ticks, PERIOD);
    probe.fact("limit", step.limit);
    probe.fact("product_right", right);
    probe.fact("step_ms", ms(took));
    probe.fact("turns", turns);
    probe.fact("period_ms", ms(PERIOD));
    probe.fact("ticks", lateness.ticks);
    probe.fact("worst_ms", ms(lateness.worst));
}

/// Awaits `future`, counting the turns it gives its loop: each `Pending` it
/// returns (a `yield_now().await` inside it is one).
pub async fn counting_turns<F: std::future::Future>(future: F) -> (F::Output, u64) {
    let mut future = std::pin::pin!(future);
    let mut turns = 0;
    let output = std::future::poll_fn(|context| {
        let poll = future.as_mut().poll(context);
        turns += u64::from(poll.is_pending());
        poll
    })
    .await;
    (output, turns)
}

/// Runs `step(limit)` on a current-thread tokio runtime beside the ticker,
/// for a limit whose step takes a few hundred milliseconds, and reports it.
pub fn step_on_tokio<F>(probe: &Probe, step: impl FnOnce(u32) -> F)
where
    F: std::future::Future<Output = num_bigint::BigUint>,
{
    let long = long_step();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("tokio starts");
    runtime.block_on(async {
        let ticker = Ticker::start(PERIOD).await;
        let started = Instant::now();
        probe.waiting(&format!("your step of product_below({}) to return", long.limit));
        let (product, turns) = counting_turns(step(long.limit)).await;
        let took = started.elapsed();
        let ticks = ticker.stop().await;
        let right = fingerprint(&product) == long.fingerprint;
        report_step(probe, &long, right, took, turns, &ticks);
    });
}
