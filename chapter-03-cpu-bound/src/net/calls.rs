//! N clients, one request each, in the chapter's four modes; each run is
//! measured from outside (wall and CPU time) and observed from inside (when
//! each request started and got its answer).
//!
//! Waiting on a socket needs no CPU, so every mode lets the requests
//! overlap, even one thread running an event loop, and even threads under
//! the GIL model: CPython releases the GIL around every blocking socket call
//! (`Py_BEGIN_ALLOW_THREADS` in `sock_call_ex`, Modules/socketmodule.c).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Instant;

use shared::measure::{Measurement, Stopwatch};
use tokio::runtime::Builder;

use super::client;
use crate::gil::{DEFAULT_SWITCH_INTERVAL, Gil};

/// The four ways to run the clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallsMode {
    /// Tasks on one current-thread runtime.
    Loop,
    /// One OS thread per client, blocking `std::net`.
    Threads,
    /// One OS thread per client under the GIL model.
    Gil,
    /// Tasks on the multi-thread runtime.
    Tasks,
}

impl CallsMode {
    /// Every mode, in the order the chapter runs them.
    pub const ALL: [CallsMode; 4] =
        [CallsMode::Loop, CallsMode::Threads, CallsMode::Gil, CallsMode::Tasks];

    /// The mode's short name, as the CPU experiment prints it.
    pub fn name(self) -> &'static str {
        match self {
            CallsMode::Loop => "loop",
            CallsMode::Threads => "threads",
            CallsMode::Gil => "gil",
            CallsMode::Tasks => "tasks",
        }
    }

    /// The record's `variant`.
    pub fn variant(self) -> &'static str {
        match self {
            CallsMode::Gil => "gil-model",
            other => other.name(),
        }
    }
}

/// One request as seen by its client: when it began and when it ended.
pub type Span = (Instant, Instant);

/// What one mode did with its clients.
#[derive(Debug, Clone)]
pub struct CallsRun {
    /// Which mode.
    pub mode: CallsMode,
    /// Clients asked for.
    pub clients: usize,
    /// Wall and CPU time of the whole run.
    pub measurement: Measurement,
    /// The span of every request that got its answer.
    pub answered: Vec<Span>,
    /// The requests that failed: client number and why.
    pub failed: Vec<(usize, String)>,
    /// Worker threads of the multi-thread runtime, if that was the mode.
    pub workers: Option<usize>,
}

impl CallsRun {
    /// The most requests waiting for their answers at the same instant.
    pub fn most_at_once(&self) -> usize {
        most_at_once(&self.answered)
    }

    /// The lesson's word, from the observed overlap.
    pub fn verdict(&self) -> &'static str {
        if self.most_at_once() > 1 { "concurrent" } else { "serialised" }
    }
}

/// Where the clients write down what happened to them.
#[derive(Debug, Default)]
struct Log {
    answered: Mutex<Vec<Span>>,
    failed: Mutex<Vec<(usize, String)>>,
}

impl Log {
    fn note(&self, client: usize, start: Instant, done: std::io::Result<()>) {
        match done {
            Ok(()) => lock(&self.answered).push((start, Instant::now())),
            Err(err) => lock(&self.failed).push((client, client::phrase(&err))),
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poison| poison.into_inner())
}

/// Runs `clients` requests against `addr` in `mode`, measured.
pub fn run(mode: CallsMode, addr: SocketAddr, clients: usize) -> CallsRun {
    let log = Arc::new(Log::default());
    let stopwatch = Stopwatch::start();
    let workers = match mode {
        CallsMode::Loop => on_loop(addr, clients, &log),
        CallsMode::Threads => on_threads(addr, clients, &log),
        CallsMode::Gil => under_gil(addr, clients, &log),
        CallsMode::Tasks => as_tasks(addr, clients, &log),
    };
    let measurement = stopwatch.stop();
    let mut failed = std::mem::take(&mut *lock(&log.failed));
    failed.sort();
    CallsRun {
        mode,
        clients,
        measurement,
        answered: std::mem::take(&mut *lock(&log.answered)),
        failed,
        workers,
    }
}

// ANCHOR: on_loop
/// Every client a task on one current-thread runtime: one thread, and all
/// the requests in flight at once.
fn on_loop(addr: SocketAddr, clients: usize, log: &Arc<Log>) -> Option<usize> {
    let runtime = Builder::new_current_thread().enable_all().build().ok()?;
    runtime.block_on(spawn_clients(addr, clients, log));
    None
}
// ANCHOR_END: on_loop

/// Every client a task on a multi-thread runtime, one worker per core.
fn as_tasks(addr: SocketAddr, clients: usize, log: &Arc<Log>) -> Option<usize> {
    let workers = shared::machine::cores();
    let runtime =
        Builder::new_multi_thread().worker_threads(workers).enable_all().build().ok()?;
    runtime.block_on(spawn_clients(addr, clients, log));
    Some(workers)
}

// ANCHOR: spawn_clients
async fn spawn_clients(addr: SocketAddr, clients: usize, log: &Arc<Log>) {
    let tasks: Vec<_> = (1..=clients)
        .map(|client| {
            let log = Arc::clone(log);
            tokio::spawn(async move {
                let start = Instant::now();
                let done = match client::connect_async(addr).await {
                    Ok(stream) => client::request_async(stream, client).await,
                    Err(err) => Err(err),
                };
                log.note(client, start, done);
            })
        })
        .collect();
    for task in tasks {
        let _ = task.await;
    }
}
// ANCHOR_END: spawn_clients

// ANCHOR: on_threads
/// Every client a thread of its own, blocked in the kernel while it waits.
fn on_threads(addr: SocketAddr, clients: usize, log: &Arc<Log>) -> Option<usize> {
    thread::scope(|scope| {
        for client in 1..=clients {
            scope.spawn(move || {
                let start = Instant::now();
                let done = client::connect(addr).and_then(|s| client::request(s, client));
                log.note(client, start, done);
            });
        }
    });
    None
}
// ANCHOR_END: on_threads

// ANCHOR: under_gil
/// Every client a thread that holds the GIL model, except around each
/// blocking socket call, which is where CPython lets go of the real one.
fn under_gil(addr: SocketAddr, clients: usize, log: &Arc<Log>) -> Option<usize> {
    let gil = Gil::new(DEFAULT_SWITCH_INTERVAL);
    thread::scope(|scope| {
        for client in 1..=clients {
            let gil = &gil;
            scope.spawn(move || {
                let mut held = gil.acquire();
                let start = Instant::now();
                let done =
                    held.released_while(|| client::connect(addr)).and_then(|stream| {
                        held.released_while(|| client::request(stream, client))
                    });
                log.note(client, start, done);
            });
        }
    });
    None
}
// ANCHOR_END: under_gil

/// The most spans that contain one same instant: a sweep over the starts
/// and ends in time order (an end before a start at the same instant).
pub fn most_at_once(spans: &[Span]) -> usize {
    let mut events: Vec<(Instant, i32)> =
        spans.iter().flat_map(|&(start, end)| [(start, 1), (end, -1)]).collect();
    events.sort();
    let (mut now, mut most) = (0i32, 0i32);
    for (_, step) in events {
        now += step;
        most = most.max(now);
    }
    most as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Overlapping spans count together; touching ones do not.
    #[test]
    fn counts_overlap() {
        let t = Instant::now();
        let ms = |n| t + Duration::from_millis(n);
        assert_eq!(most_at_once(&[]), 0);
        assert_eq!(most_at_once(&[(ms(0), ms(10)), (ms(10), ms(20))]), 1);
        assert_eq!(most_at_once(&[(ms(0), ms(10)), (ms(5), ms(20)), (ms(6), ms(7))]), 3);
    }
}
