//! The hybrid the article promised: an async program whose event loop stays
//! responsive while CPU-bound calls run on a pool.
//!
//! A tokio runtime on one thread plays asyncio's loop. It keeps a heartbeat
//! and serves small requests, while the calls run on a rayon pool (or on a
//! pool of processes) and come back one by one through a channel. The loop
//! never runs a call itself, so it only ever waits for timers and messages,
//! and its lateness is measured to show it. For comparison the same calls
//! can also run on the loop itself ([`Runner::Loop`]), chapter 2's mistake.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use shared::measure::{Measurement, Stopwatch};
use shared::shutdown::Shutdown;
use shared::workload;
use tokio::sync::{mpsc, oneshot};
use tokio::time::sleep_until;

use crate::call::{Call, Fingerprint};
use crate::pool_error::PoolError;
use crate::process_pool::ProcessPool;
use crate::sweep::PoolKind;
use crate::worker;

/// How many steps below normal priority the pool's workers run: the loop,
/// which mostly sleeps, then wins every core it wakes up for, even when
/// the workers and other programs keep every core busy.
pub const POOL_NICE: i32 = 10;

/// Where the hybrid's calls run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runner {
    /// On a pool, off the loop: the design this section teaches.
    Pool(PoolKind),
    /// On the loop's own thread, one after another: chapter 2's mistake.
    Loop,
}

impl Runner {
    /// A short name for records and headings: `threads`, `processes`, `on-loop`.
    pub fn name(self) -> &'static str {
        match self {
            Runner::Pool(kind) => kind.name(),
            Runner::Loop => "on-loop",
        }
    }
}

/// What the hybrid runs.
#[derive(Debug, Clone)]
pub struct HybridConfig {
    /// Where the calls run.
    pub runner: Runner,
    /// Workers in the pool.
    pub workers: usize,
    /// The calls to hand to the pool.
    pub calls: Vec<Call>,
    /// The loop's heartbeat period; small requests arrive four times as often.
    pub heartbeat: Duration,
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
    /// When the first and the last result came back, from the start.
    pub first_back: Option<Duration>,
    /// When the last result came back.
    pub last_back: Option<Duration>,
    /// The heartbeat period.
    pub heartbeat: Duration,
    /// How late each heartbeat fired after its deadline.
    pub beats: Vec<Duration>,
    /// How long each small request waited before it was served.
    pub requests: Vec<Duration>,
    /// Wall and CPU time of the whole run.
    pub measurement: Measurement,
    /// Why the run ended early, if it did.
    pub ended_by: Option<PoolError>,
}

/// One call's answer as it comes back to the loop, or why none will.
type Answer = Result<(Call, Fingerprint), PoolError>;

impl HybridRun {
    /// Calls that came back.
    pub fn returned(&self) -> usize {
        self.results.iter().filter(|r| r.is_some()).count()
    }
}

/// Runs the hybrid on a new current-thread tokio runtime.
pub fn run(config: &HybridConfig, stop: &'static Shutdown) -> std::io::Result<HybridRun> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build()?;
    Ok(runtime.block_on(event_loop(config, stop)))
}

// ANCHOR: hand_off
/// Hands every call to the pool; each result comes back through `results`.
/// Returns the process pool's thread, which the caller must join: it is the
/// thread that kills and reaps the workers.
fn hand_off(
    config: &HybridConfig,
    stop: &'static Shutdown,
    results: mpsc::UnboundedSender<Answer>,
) -> Option<std::thread::JoinHandle<()>> {
    match config.runner {
        Runner::Pool(PoolKind::Threads) => {
            let pool = match rayon::ThreadPoolBuilder::new()
                .num_threads(config.workers)
                .start_handler(|_| worker::lower_priority(POOL_NICE))
                .build()
            {
                Ok(pool) => pool,
                Err(err) => {
                    let _ = results
                        .send(Err(PoolError::Spawn(format!("thread pool: {err}"))));
                    return None;
                }
            };
            for &call in &config.calls {
                let results = results.clone();
                // `spawn` queues the call and returns at once; the sender is
                // dropped when the call is done, so the channel closes after
                // the last one.
                pool.spawn(move || {
                    if !stop.is_requested() {
                        let _ = results.send(Ok((call, call.run())));
                    }
                });
            }
            // Dropping the pool lets its threads finish the queued calls, then exit.
            None
        }
        Runner::Pool(PoolKind::Processes) => {
            let config = config.clone();
            // The process pool blocks while it waits for pipes: it gets a
            // thread of its own, never the loop's.
            Some(std::thread::spawn(move || {
                let outcome = ProcessPool::start(
                    config.workers,
                    &config.program,
                    config.worker_timeout,
                    POOL_NICE,
                    stop,
                )
                .and_then(|mut pool| {
                    pool.map(&config.calls, stop, |call, fingerprint| {
                        let _ = results.send(Ok((call, fingerprint)));
                    })?;
                    pool.close();
                    Ok(())
                });
                if let Err(err) = outcome {
                    let _ = results.send(Err(err));
                }
            }))
        }
        Runner::Loop => {
            // A task on the loop itself: while a call computes, nothing else
            // on this thread runs. `yield_now` lets the loop look at its
            // timers between two calls, and no more often.
            let calls = config.calls.clone();
            tokio::spawn(async move {
                for call in calls {
                    let _ = results.send(Ok((call, call.run())));
                    tokio::task::yield_now().await;
                }
            });
            None
        }
    }
}
// ANCHOR_END: hand_off

// ANCHOR: event_loop
/// The loop: heartbeat, small requests and results, until every call is back.
async fn event_loop(config: &HybridConfig, stop: &'static Shutdown) -> HybridRun {
    let stopwatch = Stopwatch::start();
    let start = Instant::now();
    let (results_in, mut results) = mpsc::unbounded_channel();
    let process_thread = hand_off(config, stop, results_in);

    let (done, finished) = oneshot::channel();
    let requests = tokio::spawn(serve_small_requests(config.heartbeat / 4, finished));

    let mut answers = vec![None; config.calls.len()];
    let (mut first_back, mut last_back, mut ended_by) = (None, None, None);
    let mut beats = Vec::new();
    let mut next_beat = start + config.heartbeat;
    loop {
        tokio::select! {
            () = stop.requested() => {
                ended_by = Some(PoolError::Stopped);
                break;
            }
            () = sleep_until(next_beat.into()) => {
                beats.push(next_beat.elapsed());
                next_beat += config.heartbeat;
            }
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
    let _ = done.send(());
    let requests = requests.await.unwrap_or_default();
    if let Some(thread) = process_thread {
        let _ = thread.join(); // returns once every worker is reaped
    }
    HybridRun {
        results: answers,
        first_back,
        last_back,
        heartbeat: config.heartbeat,
        beats,
        requests,
        measurement: stopwatch.stop(),
        ended_by,
    }
}
// ANCHOR_END: event_loop

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
