//! What the checks measure with: calls in progress at once, a patient wait,
//! a panic turned into a verdict, and a step long enough to see.

use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use num_bigint::BigUint;
use shared::workload::product_below;

/// A heartbeat on the current tokio loop: one beat a millisecond, counted in
/// `beats`, until the handle is aborted. How many beats it got while an
/// answer ran says whether the answer left the loop free.
pub fn heartbeat(beats: &Arc<AtomicU64>) -> tokio::task::JoinHandle<()> {
    let beating = Arc::clone(beats);
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_millis(1)).await;
            beating.fetch_add(1, Ordering::SeqCst);
        }
    })
}

/// How long a call waits for company (another call, a heartbeat) before it
/// goes on alone. A right answer never waits this long; a wrong one waits
/// it once, and then the check sees what happened.
pub const PATIENCE: Duration = Duration::from_secs(1);

/// Calls in progress: how many at most at once, how many started, on which
/// threads.
#[derive(Debug, Default)]
pub struct Overlap {
    now: AtomicUsize,
    most: AtomicUsize,
    started: AtomicUsize,
    threads: Mutex<HashSet<ThreadId>>,
}

impl Overlap {
    /// A call begins.
    pub fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
        self.started.fetch_add(1, Ordering::SeqCst);
        self.threads
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(thread::current().id());
    }

    /// A call ends.
    pub fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }

    /// Calls begun so far.
    pub fn started(&self) -> usize {
        self.started.load(Ordering::SeqCst)
    }

    /// The most calls that were in progress at the same time.
    pub fn most(&self) -> usize {
        self.most.load(Ordering::SeqCst)
    }

    /// How many different threads ran a call.
    pub fn threads(&self) -> usize {
        self.threads.lock().unwrap_or_else(|e| e.into_inner()).len()
    }
}

/// Waits, a millisecond at a time, until `done` or [`PATIENCE`] has passed.
pub fn wait_for(done: impl Fn() -> bool) {
    let started = Instant::now();
    while !done() && started.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(1));
    }
}

/// Runs the learner's code; a panic becomes a failed check that says so.
pub fn catch<T>(code: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(code)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        format!("measured: nothing; your code panicked: {message}")
    })
}

/// A step of CPU work long enough that a tick waiting for all of it is far
/// later than one waiting for a slice of it: the smallest doubling of the
/// limit, grown by half at a time, whose `product_below` takes at least
/// 300 ms here, with its product.
pub fn long_step() -> &'static (u32, BigUint) {
    static STEP: OnceLock<(u32, BigUint)> = OnceLock::new();
    STEP.get_or_init(|| {
        let mut limit = 20_000;
        loop {
            let started = Instant::now();
            let product = product_below(limit);
            if started.elapsed() >= Duration::from_millis(300) || limit >= 1_000_000 {
                return (limit, product);
            }
            limit += limit / 2;
        }
    })
}

/// A duration as the checks print it: milliseconds.
pub fn ms(duration: Duration) -> String {
    format!("{} ms", duration.as_millis())
}
