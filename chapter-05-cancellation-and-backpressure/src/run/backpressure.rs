//! Part 2, run and measured: the two channels, then the slow service with
//! and without a Semaphore.

use std::sync::Arc;
use std::time::Duration;

use chapter_03_cpu_bound::net::limits;
use chapter_03_cpu_bound::net::service::ServiceProcess;
use shared::exit::Error;
use shared::measure::{Measurement, Stopwatch};
use shared::shutdown::Shutdown;

use crate::channels::{self, Pace};
use crate::observe::flow::{self, Flow, Sample};
use crate::run::cancel::runtime;
use crate::semaphore;

/// Each item's payload: 4 KiB.
pub const ITEM_BYTES: usize = 4096;
/// The consumer: 20 items, then a millisecond's pause.
pub const PACE: Pace = Pace { batch: 20, pause: Duration::from_millis(1) };
/// How often memory and the queue are sampled.
const EVERY: Duration = Duration::from_millis(10);

/// One flow, measured: a channel or a batch of requests.
#[derive(Debug, Clone)]
pub struct Flowed {
    /// The bound: capacity or permits; `None` without one.
    pub bound: Option<usize>,
    /// Items (or requests) sent.
    pub items: usize,
    /// Wall time of the whole flow.
    pub wall: Duration,
    /// How long the producer took to send everything.
    pub produced_by: Duration,
    /// Every item's latency, made to received.
    pub latencies: Vec<Duration>,
    /// Requests that failed.
    pub failures: u64,
    /// Queue (in flight) and memory over time.
    pub samples: Vec<Sample>,
    /// Wall and CPU time of the whole flow.
    pub measurement: Measurement,
}

impl Flowed {
    /// Resident memory at the start.
    pub fn rss_start(&self) -> u64 {
        self.samples.first().map_or(0, |s| s.rss)
    }

    /// The highest resident memory sampled.
    pub fn rss_peak(&self) -> u64 {
        self.samples.iter().map(|s| s.rss).max().unwrap_or(0)
    }

    /// The peak above the start.
    pub fn growth(&self) -> u64 {
        self.rss_peak().saturating_sub(self.rss_start())
    }

    /// The most items in flight at one sample.
    pub fn peak_in_flight(&self) -> u64 {
        self.samples.iter().map(|s| s.in_flight).max().unwrap_or(0)
    }

    /// Items handled per second of the whole flow.
    pub fn throughput(&self) -> f64 {
        self.items as f64 / self.wall.as_secs_f64().max(1e-9)
    }

    /// Items the producer sent per second until it was done.
    pub fn producer_rate(&self) -> f64 {
        self.items as f64 / self.produced_by.as_secs_f64().max(1e-9)
    }
}

/// Everything Part 2 measured.
#[derive(Debug, Clone)]
pub struct BackpressureRun {
    /// Unbounded, then bounded.
    pub channels: Vec<Flowed>,
    /// Uncapped, then capped.
    pub requests: Vec<Flowed>,
    /// How long the service waits before each answer.
    pub service_wait: Duration,
}

/// What Part 2 is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Items per channel.
    pub items: usize,
    /// The channel's capacity.
    pub bound: usize,
    /// Requests each way.
    pub requests: usize,
    /// Permits of the Semaphore.
    pub permits: usize,
    /// The service's wait.
    pub service_wait: Duration,
}

/// Runs Part 2; `None` if Ctrl-C came.
pub fn run(sizes: Sizes, shutdown: &Shutdown) -> Result<Option<BackpressureRun>, Error> {
    let runtime = runtime()?;
    // The bounded channel runs first: memory the unbounded one frees stays
    // with the process, and would sit under the bounded run's line.
    let bounded = measured(Some(sizes.bound), sizes.items, |flow| {
        let run = channels::bounded(sizes.items, ITEM_BYTES, sizes.bound, PACE, flow);
        runtime.block_on(run);
    });
    if shutdown.is_requested() {
        return Ok(None);
    }
    let unbounded = measured(None, sizes.items, |flow| {
        runtime.block_on(channels::unbounded(sizes.items, ITEM_BYTES, PACE, flow));
    });
    if shutdown.is_requested() {
        return Ok(None);
    }
    let _ = limits::raise_to_hard();
    let service = ServiceProcess::start(sizes.service_wait, 0).map_err(Error::Failed)?;
    let addr = service.addr;
    let capped = measured(Some(sizes.permits), sizes.requests, |flow| {
        runtime.block_on(semaphore::capped(addr, sizes.requests, sizes.permits, flow));
    });
    if shutdown.is_requested() {
        return Ok(None);
    }
    let uncapped = measured(None, sizes.requests, |flow| {
        runtime.block_on(semaphore::uncapped(addr, sizes.requests, flow));
    });
    drop(service);
    Ok(Some(BackpressureRun {
        channels: vec![unbounded, bounded],
        requests: vec![uncapped, capped],
        service_wait: sizes.service_wait,
    }))
}

fn measured(bound: Option<usize>, items: usize, work: impl FnOnce(Arc<Flow>)) -> Flowed {
    let stopwatch = Stopwatch::start();
    let flow = Arc::new(Flow::new());
    let ((), samples) = flow::sampled(&flow, EVERY, || work(Arc::clone(&flow)));
    let measurement = stopwatch.stop();
    Flowed {
        bound,
        items,
        wall: measurement.wall,
        measurement,
        produced_by: flow.produced_by().unwrap_or(measurement.wall),
        latencies: flow.latencies(),
        failures: flow.failures(),
        samples,
    }
}
