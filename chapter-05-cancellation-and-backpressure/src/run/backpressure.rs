//! Part 2, run and measured: the two channels, then the slow service with
//! and without a Semaphore.

use std::sync::Arc;
use std::time::Duration;

use chapter_03_cpu_bound::net::limits;
use chapter_03_cpu_bound::net::service::ServiceProcess;
use shared::exit::Error;
use shared::measure::Stopwatch;
use shared::shutdown::Shutdown;

use crate::channels::{self, ITEM_BYTES, PACE};
use crate::observe::flow::{self, Flow};
use crate::observe::flowed::{BackpressureRun, Flowed};
use crate::run::cancel::runtime;
use crate::semaphore;

/// How often memory and the queue are sampled.
const EVERY: Duration = Duration::from_millis(10);

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
        runtime.block_on(until_stopped(run, shutdown));
    });
    if shutdown.is_requested() {
        return Ok(None);
    }
    let unbounded = measured(None, sizes.items, |flow| {
        let run = channels::unbounded(sizes.items, ITEM_BYTES, PACE, flow);
        runtime.block_on(until_stopped(run, shutdown));
    });
    if shutdown.is_requested() {
        return Ok(None);
    }
    let _ = limits::raise_to_hard();
    let service = ServiceProcess::start(sizes.service_wait, 0).map_err(Error::Failed)?;
    let addr = service.addr;
    let capped = measured(Some(sizes.permits), sizes.requests, |flow| {
        let run = semaphore::capped(addr, sizes.requests, sizes.permits, flow);
        runtime.block_on(until_stopped(run, shutdown));
    });
    if shutdown.is_requested() {
        return Ok(None);
    }
    let uncapped = measured(None, sizes.requests, |flow| {
        let run = semaphore::uncapped(addr, sizes.requests, flow);
        runtime.block_on(until_stopped(run, shutdown));
    });
    drop(service);
    Ok(Some(BackpressureRun {
        channels: vec![unbounded, bounded],
        requests: vec![uncapped, capped],
        service_wait: sizes.service_wait,
    }))
}

/// Runs `work` until it ends or Ctrl-C comes; then `work` is dropped at
/// its `.await` (and the tasks it spawned with the runtime, at theirs).
async fn until_stopped(work: impl Future<Output = ()>, shutdown: &Shutdown) {
    tokio::select! {
        () = work => {}
        () = shutdown.requested() => {}
    }
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
