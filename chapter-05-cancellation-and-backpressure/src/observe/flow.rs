//! Watching items flow from a producer to a consumer, or requests to a
//! service: counts, each item's latency, and samples over time of the
//! queue's length and of the process's resident memory.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use shared::shutdown::Shutdown;

/// One sample: when, the items in flight (sent, not yet received), memory.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sample {
    /// Time since the run began.
    pub at: Duration,
    /// Items sent and not yet received: the queue's length, or requests in flight.
    pub in_flight: u64,
    /// Resident memory of the process, in bytes.
    pub rss: u64,
}

/// The counters the lesson code bumps, and the latencies it reports.
#[derive(Debug)]
pub struct Flow {
    start: Instant,
    sent: AtomicU64,
    received: AtomicU64,
    failed: AtomicU64,
    produced_by: Mutex<Option<Duration>>,
    latencies: Mutex<Vec<Duration>>,
}

impl Flow {
    /// A flow starting now.
    pub fn new() -> Self {
        Flow {
            start: Instant::now(),
            sent: AtomicU64::new(0),
            received: AtomicU64::new(0),
            failed: AtomicU64::new(0),
            produced_by: Mutex::new(None),
            latencies: Mutex::new(Vec::new()),
        }
    }

    /// When the flow began.
    pub fn start(&self) -> Instant {
        self.start
    }

    /// One item was sent (or one request issued).
    pub fn sent(&self) {
        self.sent.fetch_add(1, Ordering::SeqCst);
    }

    /// The producer sent its last item.
    pub fn produced(&self) {
        *lock(&self.produced_by) = Some(self.start.elapsed());
    }

    /// One item made at `made` was received (or one request answered).
    pub fn received(&self, made: Instant) {
        lock(&self.latencies).push(made.elapsed());
        self.received.fetch_add(1, Ordering::SeqCst);
    }

    /// One request issued at `made` failed.
    pub fn failed(&self, made: Instant) {
        self.failed.fetch_add(1, Ordering::SeqCst);
        self.received(made);
    }

    /// Items sent and not yet received.
    pub fn in_flight(&self) -> u64 {
        self.sent
            .load(Ordering::SeqCst)
            .saturating_sub(self.received.load(Ordering::SeqCst))
    }

    /// Items received (answers and failures).
    pub fn received_count(&self) -> u64 {
        self.received.load(Ordering::SeqCst)
    }

    /// Requests that failed.
    pub fn failures(&self) -> u64 {
        self.failed.load(Ordering::SeqCst)
    }

    /// How long the producer took to send everything, if it did.
    pub fn produced_by(&self) -> Option<Duration> {
        *lock(&self.produced_by)
    }

    /// Every latency, in the order the items were received.
    pub fn latencies(&self) -> Vec<Duration> {
        lock(&self.latencies).clone()
    }
}

impl Default for Flow {
    fn default() -> Self {
        Flow::new()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poison| poison.into_inner())
}

/// Runs `work` while a thread samples `flow` every `every`; returns what
/// `work` returned and the samples, one at the start and one at the end.
pub fn sampled<T>(
    flow: &Flow,
    every: Duration,
    work: impl FnOnce() -> T,
) -> (T, Vec<Sample>) {
    let done = Shutdown::new();
    let take = || Sample {
        at: flow.start.elapsed(),
        in_flight: flow.in_flight(),
        rss: resident_bytes(),
    };
    std::thread::scope(|scope| {
        let sampler = scope.spawn(|| {
            let mut samples = vec![take()];
            while !done.sleep(every) {
                samples.push(take());
            }
            samples
        });
        let value = work();
        done.request();
        let mut samples = sampler.join().unwrap_or_default();
        samples.push(take());
        (value, samples)
    })
}

/// The process's resident memory, in bytes: `VmRSS` of `/proc/self/status`
/// (0 where there is no such file).
pub fn resident_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kib| kib * 1024)
}
