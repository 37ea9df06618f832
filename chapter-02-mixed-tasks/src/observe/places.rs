//! The places measured side by side (`--compare-places`): for each one, a
//! burst of CPU steps submitted at once beside a ticker on the same loop.
//!
//! One run of a place measures: how late the ticker ran (the loop's
//! punctuality), how long the burst took (steps per second), how many
//! threads the process gained (its threads after the burst minus before
//! the runtime started, read from `/proc/self/task`), how many polls of
//! the steps' tasks held the loop past the slow-poll threshold, and what
//! a step that panics does: reported as an error, and the place still
//! runs the next step.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures::FutureExt;
use futures::channel::oneshot;
use shared::shutdown::Shutdown;
use shared::ticker::{self, FirstTick, Flow, Lateness, Tick};
use shared::workload::{fingerprint, product_below};

use crate::place::Place;
use crate::places::{Failure, Started, run_as_task};
use crate::slow_poll;

/// What one comparison asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// Steps submitted at once.
    pub burst: usize,
    /// Each step multiplies the integers below this.
    pub limit: u32,
    /// The ticker's interval.
    pub tick_every: Duration,
    /// A poll longer than this is a slow poll.
    pub slow_after: Duration,
    /// Threads of a pool or runtime of the place's own (rayon, the second
    /// runtime): one per core.
    pub threads: usize,
}

/// What a step that panics did at a place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanicOutcome {
    /// The panic came back as an error, and the place ran a step after it.
    Reported,
    /// The panic came back, but the place ran no step after it.
    PlaceLost,
    /// Not seen as a panic: what came back instead.
    Unexpected(String),
}

/// What one place measured.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMeasured {
    /// The place.
    pub place: Place,
    /// Every tick, in order (a tick due when the burst ended included).
    pub ticks: Vec<Tick>,
    /// The ticker's interval.
    pub tick_every: Duration,
    /// From submitting the burst to its last answer.
    pub burst_took: Duration,
    /// Steps in the burst.
    pub burst: usize,
    /// Threads the process gained by the end of the burst (none where
    /// `/proc/self/task` cannot be read).
    pub threads_started: Option<usize>,
    /// Polls of the steps' tasks longer than the plan's `slow_after`.
    pub slow_polls: usize,
    /// The product's size in bits, if every step of the burst gave the
    /// same one.
    pub fingerprint: Option<u64>,
    /// What a step that panics did.
    pub panic: PanicOutcome,
}

impl PlaceMeasured {
    /// How late the ticks ran, judged against their interval.
    pub fn lateness(&self) -> Lateness {
        Lateness::of(&self.ticks, self.tick_every)
    }

    /// Steps finished per second of the burst.
    pub fn steps_per_second(&self) -> f64 {
        self.burst as f64 / self.burst_took.as_secs_f64().max(1e-9)
    }
}

/// The threads of this process now, if the system says (Linux).
pub fn threads_now() -> Option<usize> {
    std::fs::read_dir("/proc/self/task").ok().map(|tasks| tasks.count())
}

/// Measures `place` as `plan` says. On Ctrl-C the steps not yet started
/// are dropped, and the half-measured place gives `None`.
pub fn measure(
    place: Place,
    plan: &Comparison,
    ctrl_c: &'static Shutdown,
) -> Result<Option<PlaceMeasured>, String> {
    let before = threads_now();
    let runtime = loop_runtime(place)?;
    let started = Arc::new(Started::start(place, plan.threads)?);
    let plan = *plan;
    let measured = runtime.block_on(async {
        // The ticker ticks until the burst and the panicking step are over.
        let (measuring, over) = oneshot::channel::<()>();
        let ticker = tokio::spawn(ticker::run(
            plan.tick_every,
            FirstTick::Now,
            tokio::time::sleep,
            over.map(|_| ()),
            |_| Flow::Continue,
        ));
        let (burst_took, slow_polls, fingerprint) = burst(&started, &plan, ctrl_c).await;
        let after = threads_now();
        let panic = panic_outcome(&started).await;
        drop(measuring);
        let ticks = ticker.await.map(|(ticks, _)| ticks).unwrap_or_default();
        let started_threads = after.zip(before).map(|(a, b)| a.saturating_sub(b));
        (ticks, burst_took, slow_polls, fingerprint, started_threads, panic)
    });
    drop(runtime);
    drop(started);
    settle(before);
    if ctrl_c.is_requested() {
        return Ok(None);
    }
    let (ticks, burst_took, slow_polls, fingerprint, threads_started, panic) = measured;
    Ok(Some(PlaceMeasured {
        place,
        ticks,
        tick_every: plan.tick_every,
        burst_took,
        burst: plan.burst,
        threads_started,
        slow_polls,
        fingerprint,
        panic,
    }))
}

/// Waits (up to 5 s) until the threads a place started have ended, so that
/// the next place's count starts from the same number.
fn settle(before: Option<usize>) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while threads_now() > before && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The loop: tokio's current-thread runtime, or for `block_in_place`
/// (which needs one) a multi-thread runtime with a single worker.
pub fn loop_runtime(place: Place) -> Result<tokio::runtime::Runtime, String> {
    let mut builder = if place.needs_multi_thread_loop() {
        let mut builder = tokio::runtime::Builder::new_multi_thread();
        builder.worker_threads(1);
        builder
    } else {
        tokio::runtime::Builder::new_current_thread()
    };
    builder.enable_time().build().map_err(|err| format!("cannot start tokio: {err}"))
}

/// Submits the burst at once, each step its own task with its polls timed;
/// returns how long it took, the slow polls, and the product's size if
/// every step gave the same.
async fn burst(
    started: &Arc<Started>,
    plan: &Comparison,
    ctrl_c: &'static Shutdown,
) -> (Duration, usize, Option<u64>) {
    let slow = Arc::new(AtomicUsize::new(0));
    let submitted = Instant::now();
    let tasks: Vec<_> = (0..plan.burst)
        .map(|_| {
            let (place, slow, limit) =
                (Arc::clone(started), Arc::clone(&slow), plan.limit);
            let step = async move {
                // After Ctrl-C, the steps not yet started do not start.
                if ctrl_c.is_requested() {
                    return Err(Failure::Lost("stopped by Ctrl-C"));
                }
                place.run(move || fingerprint(&product_below(limit))).await
            };
            let count = move |_: &str, _| {
                slow.fetch_add(1, Ordering::Relaxed);
            };
            tokio::spawn(slow_poll::watch("cpu step", plan.slow_after, step, count))
        })
        .collect();
    let mut sizes = Vec::new();
    for task in tasks {
        sizes.push(task.await.map_err(Failure::from_join).and_then(|answer| answer).ok());
    }
    let took = submitted.elapsed();
    let first = sizes.first().copied().flatten();
    let same = sizes.iter().all(|size| *size == first);
    (took, slow.load(Ordering::Relaxed), first.filter(|_| same))
}

/// Runs a step that panics, then an ordinary one, at `started`. The
/// panic's default message on stderr is silenced meanwhile: the outcome is
/// what the table reports.
async fn panic_outcome(started: &Arc<Started>) -> PanicOutcome {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let failed =
        run_as_task(Arc::clone(started), || -> u64 { panic!("a step that panics") })
            .await;
    std::panic::set_hook(hook);
    let next =
        run_as_task(Arc::clone(started), || fingerprint(&product_below(100))).await;
    match (failed, next) {
        (Err(Failure::Panicked(_)), Ok(_)) => PanicOutcome::Reported,
        (Err(Failure::Panicked(_)), Err(_)) => PanicOutcome::PlaceLost,
        (Err(other), _) => PanicOutcome::Unexpected(other.to_string()),
        (Ok(_), _) => PanicOutcome::Unexpected("a result".to_string()),
    }
}
