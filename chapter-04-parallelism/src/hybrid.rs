//! The hybrid the article promised: an async program whose event loop stays
//! responsive while CPU-bound calls run on a pool.
//!
//! A tokio runtime on one thread plays asyncio's loop. Its ticker ticks and
//! it serves small requests, while the calls run on a rayon pool (or on a
//! pool of processes) and come back one by one through a channel. The loop
//! never runs a call itself, so it only ever waits for timers and messages,
//! and each tick's lateness is measured to show it. For comparison the same
//! calls can also run on the loop itself ([`Place::Loop`]), chapter 2's
//! mistake.

use std::path::PathBuf;
use std::thread::Scope;
use std::time::{Duration, Instant};

use shared::measure::{Measurement, Stopwatch};
use shared::shutdown::Shutdown;
use shared::workload;
use tokio::sync::{mpsc, oneshot};
use tokio::time::{MissedTickBehavior, interval_at, sleep_until};

use crate::call::{Call, Fingerprint};
use crate::place::Place;
use crate::pool_error::PoolError;
use crate::process_pool::ProcessPool;
use crate::worker;

/// How many steps below normal priority the pool's workers run: the loop,
/// which mostly sleeps, then wins every core it wakes up for, even when
/// the workers and other programs keep every core busy.
pub const POOL_NICE: i32 = 10;

/// What the hybrid runs.
#[derive(Debug, Clone)]
pub struct HybridPlan {
    /// Where the calls run.
    pub place: Place,
    /// Workers in the pool.
    pub workers: usize,
    /// The calls to hand to the pool.
    pub calls: Vec<Call>,
    /// How often the loop's ticker ticks; small requests arrive four times
    /// as often.
    pub tick: Duration,
    /// The program a process pool starts (this binary).
    pub program: PathBuf,
    /// How long a worker process may take to start or to answer.
    pub worker_timeout: Duration,
}

/// What happened, measured.
#[derive(Debug)]
pub struct HybridRun {
    /// Results in call order; `None` for a call that did not come back.
    pub results: Vec<Option<Fingerprint>>,
    /// When the first result came back, from the start.
    pub first_back: Option<Duration>,
    /// When the last result came back.
    pub last_back: Option<Duration>,
    /// The ticker's period.
    pub tick: Duration,
    /// How late each tick came after it was due.
    pub lateness: Vec<Duration>,
    /// How long each small request waited before it was served.
    pub requests: Vec<Duration>,
    /// Wall and CPU time of the whole run.
    pub measurement: Measurement,
    /// Why the run ended early, if it did.
    pub ended_by: Option<PoolError>,
}

/// One call's answer as it comes back to the loop, or why none will.
type Answer = Result<(Call, Fingerprint), PoolError>;

/// Where the calls send their answers; the loop holds the receiving end.
type Answers = mpsc::UnboundedSender<Answer>;

impl HybridRun {
    /// Calls that came back.
    pub fn returned(&self) -> usize {
        self.results.iter().filter(|r| r.is_some()).count()
    }
}

/// Runs the hybrid on a new current-thread tokio runtime. The pools work on
/// scoped threads, so every worker is reaped before this returns.
pub fn run(plan: &HybridPlan, shutdown: &Shutdown) -> std::io::Result<HybridRun> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build()?;
    let stopwatch = Stopwatch::start();
    let (answers, results) = mpsc::unbounded_channel();
    let heard = std::thread::scope(|scope| {
        // The loop's own task (Place::Loop) is spawned on this runtime.
        let _entered = runtime.enter();
        hand_off(plan, shutdown, scope, answers);
        runtime.block_on(event_loop(plan, shutdown, results))
    });
    Ok(HybridRun {
        results: heard.answers,
        first_back: heard.first_back,
        last_back: heard.last_back,
        tick: plan.tick,
        lateness: heard.lateness,
        requests: heard.requests,
        measurement: stopwatch.stop(),
        ended_by: heard.ended_by,
    })
}

// ANCHOR: hand_off
/// Hands every call to `plan.place`; each result comes back through
/// `answers`, whose channel closes once the last call is done.
fn hand_off<'scope, 'env>(
    plan: &'env HybridPlan,
    shutdown: &'env Shutdown,
    scope: &'scope Scope<'scope, 'env>,
    answers: Answers,
) {
    match plan.place {
        Place::Threads => {
            scope.spawn(move || on_threads(plan, shutdown, answers));
        }
        Place::Processes => {
            scope.spawn(move || on_processes(plan, shutdown, answers));
        }
        Place::Loop => {
            tokio::spawn(on_loop(plan.calls.clone(), answers));
        }
    }
}
// ANCHOR_END: hand_off

// ANCHOR: on_threads
/// The calls on a rayon pool, each its own task. A task that starts after
/// Ctrl-C skips its call; each task's sender drops when it ends.
fn on_threads(plan: &HybridPlan, shutdown: &Shutdown, answers: Answers) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(plan.workers)
        .start_handler(|_| worker::lower_priority(POOL_NICE))
        .build();
    let pool = match pool {
        Ok(pool) => pool,
        Err(err) => {
            let _ = answers.send(Err(PoolError::Spawn(format!("thread pool: {err}"))));
            return;
        }
    };
    pool.scope(|tasks| {
        for &call in &plan.calls {
            let answers = answers.clone();
            tasks.spawn(move |_| {
                if !shutdown.is_requested() {
                    let _ = answers.send(Ok((call, call.run())));
                }
            });
        }
    });
}
// ANCHOR_END: on_threads

// ANCHOR: on_processes
/// The calls on a pool of worker processes. The pool blocks while it waits
/// for pipes, so it runs on a thread of its own, never the loop's.
fn on_processes(plan: &HybridPlan, shutdown: &Shutdown, answers: Answers) {
    let (size, program) = (plan.workers, &plan.program);
    let outcome =
        ProcessPool::start(size, program, plan.worker_timeout, POOL_NICE, shutdown)
            .and_then(|mut pool| {
                pool.map(&plan.calls, shutdown, |call, fingerprint| {
                    let _ = answers.send(Ok((call, fingerprint)));
                })?;
                pool.close();
                Ok(())
            });
    if let Err(err) = outcome {
        let _ = answers.send(Err(err));
    }
}
// ANCHOR_END: on_processes

// ANCHOR: on_loop
/// The mistake: the calls as a task on the loop itself. While a call
/// computes, nothing else on this thread runs; `yield_now` lets the loop
/// look at its timers between two calls, and no more often.
async fn on_loop(calls: Vec<Call>, answers: Answers) {
    for call in calls {
        let _ = answers.send(Ok((call, call.run())));
        tokio::task::yield_now().await;
    }
}
// ANCHOR_END: on_loop

// ANCHOR: event_loop
/// The loop: ticks, small requests and results, until every call is back.
async fn event_loop(
    plan: &HybridPlan,
    shutdown: &Shutdown,
    mut results: mpsc::UnboundedReceiver<Answer>,
) -> Heard {
    let start = Instant::now();
    let (calls_back, finished) = oneshot::channel();
    let requests = tokio::spawn(serve_small_requests(plan.tick / 4, finished));

    let mut answers = vec![None; plan.calls.len()];
    let (mut first_back, mut last_back, mut ended_by) = (None, None, None);
    let mut lateness = Vec::new();
    let mut ticker = interval_at((start + plan.tick).into(), plan.tick);
    // Ticks keep a fixed schedule (tokio's default, `Burst`): a tick held up
    // by a call is as late as it is behind that schedule, at most one call.
    // (Re-arming after each tick, `Delay`, would hide calls just longer than
    // the interval: each tick then waits only for the overhang.)
    ticker.set_missed_tick_behavior(MissedTickBehavior::Burst);
    loop {
        tokio::select! {
            () = shutdown.requested() => {
                ended_by = Some(PoolError::Stopped);
                break;
            }
            due = ticker.tick() => lateness.push(due.elapsed()),
            outcome = results.recv() => match outcome {
                Some(Ok((call, fingerprint))) => {
                    answers[call.id] = Some(fingerprint);
                    first_back.get_or_insert(start.elapsed());
                    last_back = Some(start.elapsed());
                }
                Some(Err(err)) => {
                    ended_by = Some(err);
                    break;
                }
                None => break, // every sender is gone: all calls are done
            },
        }
    }
    let _ = calls_back.send(());
    let requests = requests.await.unwrap_or_default();
    Heard { answers, first_back, last_back, lateness, requests, ended_by }
}
// ANCHOR_END: event_loop

/// What the loop saw, in [`HybridRun`]'s words.
struct Heard {
    answers: Vec<Option<Fingerprint>>,
    first_back: Option<Duration>,
    last_back: Option<Duration>,
    lateness: Vec<Duration>,
    requests: Vec<Duration>,
    ended_by: Option<PoolError>,
}

/// Small requests arrive every `every`; each is a tiny computation, served on
/// the loop. Returns how long each waited past its arrival time.
async fn serve_small_requests(
    every: Duration,
    mut finished: oneshot::Receiver<()>,
) -> Vec<Duration> {
    let mut waits = Vec::new();
    let mut arrival = Instant::now() + every;
    loop {
        tokio::select! {
            _ = &mut finished => return waits,
            () = sleep_until(arrival.into()) => {
                let wait = arrival.elapsed();
                std::hint::black_box(workload::product_below(200));
                waits.push(wait);
                arrival += every;
            }
        }
    }
}
