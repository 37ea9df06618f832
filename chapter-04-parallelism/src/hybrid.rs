//! The hybrid the article promised: an async program whose event loop stays
//! responsive while CPU-bound calls run on a pool.
//!
//! A tokio runtime on one thread plays asyncio's loop. It keeps a heartbeat
//! and serves small requests, while the calls run on a rayon pool (or on a
//! pool of processes) and come back one by one through a channel. The loop
//! never runs a call itself, so it only ever waits for timers and messages,
//! and its lateness is measured to show it.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use shared::format;
use shared::measure::{Measurement, Stopwatch};
use shared::shutdown::Shutdown;
use shared::workload;
use tokio::sync::{mpsc, oneshot};
use tokio::time::sleep_until;

use crate::call::{Call, Fingerprint};
use crate::process_pool::{PoolError, ProcessPool};
use crate::sweep::PoolKind;

/// What the hybrid runs.
#[derive(Debug, Clone)]
pub struct HybridConfig {
    /// Where the calls run.
    pub pool: PoolKind,
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
pub struct HybridReport {
    /// Results in call order; `None` for a call that did not come back.
    pub results: Vec<Option<Fingerprint>>,
    /// When the first and the last result came back, from the start.
    pub first_back: Option<Duration>,
    /// When the last result came back.
    pub last_back: Option<Duration>,
    /// How late each heartbeat fired after its deadline.
    pub beats: Vec<Duration>,
    /// How long each small request waited before it was served.
    pub requests: Vec<Duration>,
    /// Wall and CPU time of the whole run.
    pub measurement: Measurement,
    /// Why the run ended early, if it did.
    pub ended_by: Option<PoolError>,
}

type Outcome = Result<(Call, Fingerprint), PoolError>;

/// Runs the hybrid on a new current-thread tokio runtime.
pub fn run(
    config: &HybridConfig,
    stop: &'static Shutdown,
) -> std::io::Result<HybridReport> {
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
    results: mpsc::UnboundedSender<Outcome>,
) -> Option<std::thread::JoinHandle<()>> {
    match config.pool {
        PoolKind::Threads => {
            let pool =
                match rayon::ThreadPoolBuilder::new().num_threads(config.workers).build()
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
        PoolKind::Processes => {
            let config = config.clone();
            // The process pool blocks while it waits for pipes: it gets a
            // thread of its own, never the loop's.
            Some(std::thread::spawn(move || {
                let outcome = ProcessPool::start(
                    config.workers,
                    &config.program,
                    config.worker_timeout,
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
    }
}
// ANCHOR_END: hand_off

// ANCHOR: event_loop
/// The loop: heartbeat, small requests and results, until every call is back.
async fn event_loop(config: &HybridConfig, stop: &'static Shutdown) -> HybridReport {
    let stopwatch = Stopwatch::start();
    let start = Instant::now();
    let (results_in, mut results) = mpsc::unbounded_channel();
    let process_thread = hand_off(config, stop, results_in);

    let (done, finished) = oneshot::channel();
    let requests = tokio::spawn(serve_small_requests(config.heartbeat / 4, finished));

    let mut report_results = vec![None; config.calls.len()];
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
                    report_results[call.id] = Some(fingerprint);
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
    HybridReport {
        results: report_results,
        first_back,
        last_back,
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

/// A heartbeat or request later than this share of the heartbeat period is late.
pub const LATE_SHARE: f64 = 0.5;

impl HybridReport {
    /// Calls that came back.
    pub fn returned(&self) -> usize {
        self.results.iter().filter(|r| r.is_some()).count()
    }

    /// The story of the run, then the summary in words.
    pub fn lines(&self, config: &HybridConfig) -> Vec<String> {
        let calls = config.calls.len();
        let mut lines = Vec::new();
        lines.push(format!(
            "  {}  {calls} calls handed to the pool; the loop goes on",
            format::seconds(Duration::ZERO)
        ));
        if let Some(first) = self.first_back {
            lines.push(format!(
                "  {}  first result back through the channel",
                format::seconds(first)
            ));
        }
        if let Some(last) = self.last_back {
            lines.push(format!(
                "  {}  last result back: {}/{calls} calls",
                format::seconds(last),
                self.returned()
            ));
        }
        lines.push(String::new());
        let late_after = config.heartbeat.mul_f64(LATE_SHARE);
        lines.push(format!(
            "heartbeat: {} beats, worst {} late, median {}: {}",
            self.beats.len(),
            format::duration(worst(&self.beats)),
            format::duration(median(&self.beats)),
            verdict(&self.beats, late_after)
        ));
        lines.push(format!(
            "small requests: {} served, worst wait {}: {}",
            self.requests.len(),
            format::duration(worst(&self.requests)),
            verdict(&self.requests, late_after)
        ));
        lines.push(format!(
            "CPU: {:.2} cores busy over {} on {} cores; the loop thread itself only waits",
            self.measurement.cores_used(),
            format::seconds(self.measurement.wall),
            self.measurement.cores
        ));
        let in_order: Vec<Fingerprint> = self.results.iter().flatten().copied().collect();
        // Each distinct limit computed once, directly, to check the pool's answers.
        let mut direct = std::collections::HashMap::new();
        let expected: Vec<Fingerprint> = config
            .calls
            .iter()
            .map(|call| *direct.entry(call.limit).or_insert_with(|| call.run()))
            .collect();
        lines.push(if in_order == expected {
            format!(
                "results: {}/{calls}, put back in call order by id, each equal to a direct call",
                self.returned()
            )
        } else {
            format!("results: {}/{calls} came back (the rest did not)", self.returned())
        });
        lines
    }
}

// ANCHOR: verdict
/// "on time" when every wait is under `late_after`, else how many were late.
fn verdict(waits: &[Duration], late_after: Duration) -> String {
    match waits.iter().filter(|&&wait| wait > late_after).count() {
        0 => format!(
            "on time (every one within {} of its deadline)",
            format::duration(late_after)
        ),
        late => format!(
            "LATE ({late} of {} more than {} behind)",
            waits.len(),
            format::duration(late_after)
        ),
    }
}
// ANCHOR_END: verdict

fn worst(waits: &[Duration]) -> Duration {
    waits.iter().copied().max().unwrap_or_default()
}

fn median(waits: &[Duration]) -> Duration {
    let mut sorted = waits.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}
